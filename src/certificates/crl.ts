// CRL URLs per CA (contract.md, "Enrichment"). A CA's CRL is named in the CRL distribution
// points of the certificates it issued, not in its own certificate: so an intermediate in the set
// tells its root's CRL URL, and a CA that issued nothing in the set has none unless `crl-urls`
// gives one. Certificates read only for this (crl-sources.ts: `leaf-certificates`, skipped expired
// CAs) count after the CAs of the set. A self-signed root issued itself, so its own distribution
// points count too, last. Entra downloads CRLs over http (https works but is not recommended; ldap and file
// URLs are not used).
import { certificateProblem, describeCertificate } from './location.ts'
import type { CrlOverride, ParsedCertificate, Problem } from './types.ts'

export interface CrlUrls {
  readonly crlUrl?: string
  readonly deltaCrlUrl?: string
}

export interface CrlResolution {
  readonly urls: ReadonlyMap<ParsedCertificate, CrlUrls>
  readonly problems: readonly Problem[]
}

const THUMBPRINT = /^[0-9A-F]{40}$/

/** Normalises a thumbprint as people paste it: any case, with colons or spaces. */
export function normalizeThumbprint(thumbprint: string): string {
  return thumbprint.replace(/[\s:]/g, '').toUpperCase()
}

export function resolveCrlUrls(
  cas: readonly ParsedCertificate[],
  issuersOf: ReadonlyMap<ParsedCertificate, readonly ParsedCertificate[]>,
  overrides: readonly CrlOverride[],
  issuedOutside: ReadonlyMap<ParsedCertificate, readonly ParsedCertificate[]> = new Map(),
  skipped: readonly ParsedCertificate[] = []
): CrlResolution {
  const problems: Problem[] = []
  const overrideOf = checkOverrides(cas, overrides, problems, new Set(skipped.map((ca) => ca.thumbprint)))
  const urls = new Map<ParsedCertificate, CrlUrls>()
  for (const ca of cas) {
    const override = overrideOf.get(ca.thumbprint)
    if (override !== undefined) {
      urls.set(
        ca,
        override.deltaCrlUrl === undefined ? { crlUrl: override.crlUrl } : { crlUrl: override.crlUrl, deltaCrlUrl: override.deltaCrlUrl }
      )
      continue
    }
    const issued = cas.filter((other) => other !== ca && issuersOf.get(other)?.includes(ca) === true)
    issued.push(...(issuedOutside.get(ca) ?? []))
    if (ca.selfSigned) issued.push(ca)
    const name = describeCertificate(ca.source, ca.subject)
    const crl = pickUrl(issued.flatMap((child) => child.crlDistributionPoints))
    const delta = pickUrl(issued.flatMap((child) => child.freshestCrl))
    for (const [url, what] of [
      [crl, 'CRL URL'],
      [delta, 'delta CRL URL']
    ] as const) {
      if (url?.startsWith('https:') === true) {
        problems.push(
          certificateProblem(
            'warning',
            ca.source,
            `${name}: its ${what} ${url} (from the certificates it issued) is https; Entra recommends http for CRLs, ` +
              'so give an http URL with `crl-urls` if the CA publishes one'
          )
        )
      }
    }
    if (crl === undefined) {
      problems.push(
        certificateProblem(
          'warning',
          ca.source,
          `${name} has no CRL URL (no certificate it issued in the set names an http(s) CRL distribution point), so Entra ` +
            `checks no revocation for the certificates it issues; give one with a \`crl-urls\` line "${ca.thumbprint} http://<host>/<crl>", ` +
            'or a user certificate it issued with `leaf-certificates`'
        )
      )
    }
    urls.set(ca, { ...(crl === undefined ? {} : { crlUrl: crl }), ...(delta === undefined ? {} : { deltaCrlUrl: delta }) })
  }
  return { urls, problems }
}

/** The first http URL; else the first https one; ldap, file and others are not for Entra. */
function pickUrl(uris: readonly string[]): string | undefined {
  return uris.find((uri) => /^http:\/\//i.test(uri)) ?? uris.find((uri) => /^https:\/\//i.test(uri))
}

function checkOverrides(
  cas: readonly ParsedCertificate[],
  overrides: readonly CrlOverride[],
  problems: Problem[],
  skipped: ReadonlySet<string>
): Map<string, CrlOverride> {
  const byThumbprint = new Map<string, CrlOverride>()
  const thumbprints = new Set(cas.map((ca) => ca.thumbprint))
  for (const override of overrides) {
    const thumbprint = normalizeThumbprint(override.thumbprint)
    const line = `\`crl-urls\` line for ${override.thumbprint}`
    if (!THUMBPRINT.test(thumbprint)) {
      problems.push({
        severity: 'error',
        message: `${line}: "${override.thumbprint}" is not a SHA-1 thumbprint (40 hex digits); copy the CA's thumbprint`
      })
      continue
    }
    if (!thumbprints.has(thumbprint) && skipped.has(thumbprint)) {
      // Lines written once for a whole bundle outlive its CAs: an expired CA left out needs none.
      problems.push({
        severity: 'notice',
        message: `${line}: that CA has expired and is left out (\`if-expired: skip\`); the line is not used`
      })
      continue
    }
    if (!thumbprints.has(thumbprint)) {
      problems.push({
        severity: 'error',
        message: `${line}: no CA in \`certificates\` has this SHA-1 thumbprint; fix the thumbprint or add the CA's certificate`
      })
      continue
    }
    if (byThumbprint.has(thumbprint)) {
      problems.push({ severity: 'error', message: `${line}: the thumbprint is given twice; keep one line per CA` })
      continue
    }
    const urls = [override.crlUrl, ...(override.deltaCrlUrl === undefined ? [] : [override.deltaCrlUrl])]
    const bad = urls.filter((url) => !isHttpUrl(url))
    for (const url of bad) {
      problems.push({
        severity: 'error',
        message: `${line}: "${url}" is not an absolute http: or https: URL; give e.g. http://crl.example.com/ca.crl`
      })
    }
    for (const url of urls.filter((u) => isHttpUrl(u) && u.toLowerCase().startsWith('https:'))) {
      problems.push({ severity: 'warning', message: `${line}: ${url} is https; Entra recommends http for CRLs` })
    }
    if (bad.length === 0) byThumbprint.set(thumbprint, override)
  }
  return byThumbprint
}

function isHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== ''
  } catch {
    return false
  }
}
