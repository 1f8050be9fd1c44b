// Parsed certificates -> the CAs to publish, validated and enriched (contract.md, "Validation"
// and "Enrichment"; the per-kind limits live with the kinds). Every finding is collected.
import { caProblems, isExpired, skippedNotice, validityProblems } from './authority-checks.ts'
import { linkIssuers } from './chain.ts'
import { resolveCrlUrls } from './crl.ts'
import { crlSources } from './crl-sources.ts'
import { certificateProblem, describeCertificate } from './location.ts'
import type { Analysis, AnalysisOptions, CertificateAuthority, ParsedCertificate, Problem, SkippedAuthority } from './types.ts'

export function analyzeCertificates(certificates: readonly ParsedCertificate[], options: AnalysisOptions): Analysis {
  const problems: Problem[] = []
  const unique = withoutDuplicates(certificates, problems)
  const skipped: ParsedCertificate[] = []
  const cas = unique.filter((certificate) => {
    const verdict = caProblems(certificate)
    problems.push(...verdict.problems)
    if (!verdict.isCa) return false
    if (options.ifExpired === 'skip' && isExpired(certificate, options.now)) {
      skipped.push(certificate)
      problems.push(skippedNotice(certificate))
      return false
    }
    problems.push(...validityProblems(certificate, options.now, options.minValidityDays))
    return true
  })
  const links = linkIssuers(cas, options.deferMissingIssuers, skipped)
  problems.push(...links.problems)
  const outside = crlSources(cas, options.leafCertificates ?? [], skipped)
  problems.push(...outside.problems)
  const crl = resolveCrlUrls(cas, links.issuersOf, options.crlOverrides, outside.issuedBy, skipped)
  problems.push(...crl.problems)
  const authorities = chainOrder(cas, links.issuersOf).map((ca) => toAuthority(ca, crl.urls.get(ca) ?? {}, links.deferred.has(ca)))
  return { authorities, problems, skipped: skipped.map(toSkipped) }
}

function toSkipped(ca: ParsedCertificate): SkippedAuthority {
  return {
    thumbprint: ca.thumbprint,
    subject: ca.subject,
    notAfter: ca.notAfter.toISOString(),
    file: ca.source.file,
    ...(ca.source.count > 1 ? { index: ca.source.index } : {})
  }
}

/** Keeps the first of each thumbprint; a later copy gets a notice naming both places. */
function withoutDuplicates(certificates: readonly ParsedCertificate[], problems: Problem[]): ParsedCertificate[] {
  const first = new Map<string, ParsedCertificate>()
  for (const certificate of certificates) {
    const kept = first.get(certificate.thumbprint)
    if (kept === undefined) {
      first.set(certificate.thumbprint, certificate)
      continue
    }
    const where = kept.source.count > 1 ? `certificate ${kept.source.index} of ${kept.source.file}` : kept.source.file
    problems.push(
      certificateProblem(
        'notice',
        certificate.source,
        `${describeCertificate(certificate.source, certificate.subject)} is the same certificate (SHA-1 ${certificate.thumbprint}) ` +
          `as ${where}; it is used once`
      )
    )
  }
  return [...first.values()]
}

/**
 * Roots first, then down the chains: parents before children, input order otherwise. A CA whose
 * issuer is not in the set starts a chain of its own, right after the roots.
 */
function chainOrder(
  cas: readonly ParsedCertificate[],
  issuersOf: ReadonlyMap<ParsedCertificate, readonly ParsedCertificate[]>
): ParsedCertificate[] {
  const depths = new Map<ParsedCertificate, number>()
  const depthOf = (ca: ParsedCertificate, visiting: Set<ParsedCertificate>): number => {
    const known = depths.get(ca)
    if (known !== undefined) return known
    const parent = issuersOf.get(ca)?.find((issuer) => !visiting.has(issuer))
    let depth: number
    if (ca.selfSigned) depth = 0
    else if (parent === undefined)
      depth = 1 // an issuer outside the set (or a cycle of cross-certificates)
    else depth = depthOf(parent, new Set([...visiting, ca])) + 1
    depths.set(ca, depth)
    return depth
  }
  return cas
    .map((ca, position) => ({ ca, position, depth: depthOf(ca, new Set([ca])) }))
    .sort((a, b) => a.depth - b.depth || a.position - b.position)
    .map(({ ca }) => ca)
}

function toAuthority(
  ca: ParsedCertificate,
  urls: { readonly crlUrl?: string; readonly deltaCrlUrl?: string },
  issuerOutsideSet: boolean
): CertificateAuthority {
  return {
    thumbprint: ca.thumbprint,
    sha256: ca.sha256,
    subject: ca.subject,
    issuer: ca.issuer,
    issuerSki: ca.subjectKeyIdentifier,
    isRootAuthority: ca.selfSigned,
    notBefore: ca.notBefore.toISOString(),
    notAfter: ca.notAfter.toISOString(),
    ...(urls.crlUrl === undefined ? {} : { crlUrl: urls.crlUrl }),
    ...(urls.deltaCrlUrl === undefined ? {} : { deltaCrlUrl: urls.deltaCrlUrl }),
    file: ca.source.file,
    ...(ca.source.count > 1 ? { index: ca.source.index } : {}),
    der: ca.der,
    ...(issuerOutsideSet ? { issuerOutsideSet: true } : {})
  }
}
