// One downloaded CRL against the CA it belongs to, judged as Entra judges it at sign-in: DER (not
// PEM), a CertificateList, issued by this CA (its authorityKeyIdentifier is the CA's subject key
// identifier, which is how Entra matches a CRL to a CA) and signed with the CA's key, and valid
// now (thisUpdate <= now < nextUpdate). A CRL that lapses within a few days is worth a warning:
// Entra caches it until nextUpdate, so a CA that stops publishing breaks sign-ins soon after.
import { X509Certificate } from 'node:crypto'
import { CrlFormatError, looksLikePem, parseCrl, type ParsedCrl } from './parse.ts'
import { verifySignature } from './signature.ts'
import { CRL_FINDINGS, type CrlFacts, type CrlFinding, type CrlFindingName, type CrlRole, type CrlSubject, type Download } from './types.ts'

export interface JudgeOptions {
  readonly now: Date
  /** A CRL whose nextUpdate is closer than this gets the `expires-soon` warning. */
  readonly expiryWarningMs: number
}

export interface Judgement {
  readonly facts?: CrlFacts
  readonly findings: readonly CrlFinding[]
  /** Bytes read (the whole CRL, or up to the cap / the moment the download stopped). */
  readonly bytes?: number
}

export function finding(name: CrlFindingName, role: CrlRole, url: string, detail: string): CrlFinding {
  return { name, role, url, code: CRL_FINDINGS[name], detail, advisory: name === 'expires-soon' }
}

const MB = 1_000_000
const megabytes = (bytes: number): string => `${(bytes / MB).toFixed(bytes < MB ? 2 : 1)} MB`

/** Turns a failed download into its finding; a completed one is judged by `judgeCrl`. */
export function downloadFinding(download: Exclude<Download, { kind: 'ok' }>, role: CrlRole, url: string): CrlFinding {
  switch (download.kind) {
    case 'http-status':
      return finding('http-status', role, url, `the server answered HTTP ${download.status} instead of 200`)
    case 'too-large':
      return finding(
        'too-large',
        role,
        url,
        `it is larger than Entra's limit of ${megabytes(download.limit)} (${download.limit} bytes) for this cloud; reading stopped there`
      )
    case 'timeout':
      return finding(
        'timeout',
        role,
        url,
        `the download did not finish within ${download.limitMs / 1000} s (Entra allows 10 s); ${download.bytesRead} bytes had arrived`
      )
    case 'unreachable':
      return finding('unreachable', role, url, `it could not be downloaded (${download.reason})`)
  }
}

export function judgeCrl(ca: CrlSubject, role: CrlRole, url: string, bytes: Buffer, options: JudgeOptions): Judgement {
  const found = (name: CrlFindingName, detail: string): CrlFinding => finding(name, role, url, detail)
  if (looksLikePem(bytes)) {
    return {
      bytes: bytes.length,
      findings: [found('pem', 'it is PEM text (-----BEGIN X509 CRL-----); Entra reads DER only, so publish the DER form')]
    }
  }
  let parsed: ParsedCrl
  try {
    parsed = parseCrl(bytes)
  } catch (error) {
    const why = error instanceof CrlFormatError ? error.message : 'it cannot be read'
    return { bytes: bytes.length, findings: [found('not-a-crl', `the content is not a DER CRL: ${why}`)] }
  }
  const facts: CrlFacts = {
    bytes: bytes.length,
    thisUpdate: parsed.thisUpdate,
    ...(parsed.nextUpdate === undefined ? {} : { nextUpdate: parsed.nextUpdate }),
    ...(parsed.crlNumber === undefined ? {} : { crlNumber: parsed.crlNumber }),
    ...(parsed.deltaBase === undefined ? {} : { deltaBase: parsed.deltaBase })
  }
  const findings = [...issuerFindings(ca, parsed, found), ...timeFindings(parsed, options, found)]
  // Nothing that refers to the CRL's bytes is kept (a 20 MB buffer per CA would add up).
  return { bytes: bytes.length, facts, findings }
}

type Found = (name: CrlFindingName, detail: string) => CrlFinding

function issuerFindings(ca: CrlSubject, crl: ParsedCrl, found: Found): CrlFinding[] {
  if (crl.authorityKeyIdentifier === undefined) {
    return [
      found('aki-mismatch', `it has no authorityKeyIdentifier, so Entra cannot match it to the CA's subject key identifier ${ca.issuerSki}`)
    ]
  }
  if (crl.authorityKeyIdentifier !== ca.issuerSki) {
    return [
      found(
        'aki-mismatch',
        `its authorityKeyIdentifier ${crl.authorityKeyIdentifier} is not the CA's subject key identifier ${ca.issuerSki}: ` +
          "it is another CA's CRL"
      )
    ]
  }
  if (!crl.signatureAlgorithm.equals(crl.innerSignatureAlgorithm)) {
    return [found('bad-signature', 'its two signature algorithm fields differ (RFC 5280 §5.1.1.2)')]
  }
  const key = new X509Certificate(ca.der).publicKey
  const verdict = verifySignature(crl.tbs, crl.signatureAlgorithm, crl.signature, key)
  return verdict.verifies ? [] : [found('bad-signature', verdict.reason)]
}

function timeFindings(crl: ParsedCrl, options: JudgeOptions, found: Found): CrlFinding[] {
  const now = options.now.getTime()
  const iso = (date: Date): string => date.toISOString()
  if (crl.thisUpdate.getTime() > now) {
    return [found('not-yet-valid', `its thisUpdate ${iso(crl.thisUpdate)} is in the future (now ${iso(options.now)})`)]
  }
  if (crl.nextUpdate === undefined) return []
  if (crl.nextUpdate.getTime() <= now) {
    return [
      found(
        'expired',
        `it expired at its nextUpdate ${iso(crl.nextUpdate)} (now ${iso(options.now)}); the CA has not published a newer one`
      )
    ]
  }
  if (crl.nextUpdate.getTime() - now < options.expiryWarningMs) {
    const hours = Math.round((crl.nextUpdate.getTime() - now) / 3_600_000)
    return [
      found(
        'expires-soon',
        `its nextUpdate ${iso(crl.nextUpdate)} is ${hours} hour(s) away; make sure the CA publishes a new CRL before then`
      )
    ]
  }
  return []
}
