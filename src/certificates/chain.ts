// Who issued whom within the set: same issuer/subject Name bytes, matching key identifiers, and
// a signature that verifies. Also the later check against the tenant's store.
import { certificateProblem, day, describeCertificate } from './location.ts'
import { parseCertificate, verifies, x509Of } from './parse.ts'
import type { CertificateAuthority, ParsedCertificate, Problem } from './types.ts'

/** Certificates that could have issued `child`: subject == child's issuer, and key identifiers agree. */
export function issuerCandidates(child: ParsedCertificate, pool: readonly ParsedCertificate[]): ParsedCertificate[] {
  return pool.filter(
    (candidate) =>
      candidate !== child &&
      candidate.thumbprint !== child.thumbprint &&
      candidate.subjectDer.equals(child.issuerDer) &&
      // AKI names the issuer's SKI; a candidate without the SKI extension is left to the signature check.
      (child.authorityKeyIdentifier === undefined ||
        !candidate.hasSubjectKeyIdentifierExtension ||
        candidate.subjectKeyIdentifier === child.authorityKeyIdentifier)
  )
}

/** Whether `issuer` signed `child` (OpenSSL's issued-by check, then the signature itself). */
export function signedBy(child: ParsedCertificate, issuer: ParsedCertificate): boolean {
  const childX509 = x509Of(child)
  const issuerX509 = x509Of(issuer)
  return childX509.checkIssued(issuerX509) && verifies(childX509, issuerX509)
}

export interface IssuerLinks {
  /** Every CA in the set that signed the certificate (more than one for cross-certified CAs). */
  readonly issuersOf: ReadonlyMap<ParsedCertificate, readonly ParsedCertificate[]>
  /** With `deferMissingIssuers`: the intermediates whose issuer is not in the set, left for `missingIssuerProblems`. */
  readonly deferred: ReadonlySet<ParsedCertificate>
  readonly problems: readonly Problem[]
}

/**
 * Finds each non-root CA's issuers in the set, and reports those that are missing or do not verify.
 * `skipped`: expired CAs left out (`if-expired: skip`); a CA they issued is told so, not sent looking.
 */
export function linkIssuers(
  cas: readonly ParsedCertificate[],
  deferMissingIssuers: boolean,
  skipped: readonly ParsedCertificate[] = []
): IssuerLinks {
  const issuersOf = new Map<ParsedCertificate, readonly ParsedCertificate[]>()
  const deferred = new Set<ParsedCertificate>()
  const problems: Problem[] = []
  for (const ca of cas) {
    if (ca.selfSigned) continue
    const name = describeCertificate(ca.source, ca.subject)
    const candidates = issuerCandidates(ca, cas)
    const issuers = candidates.filter((candidate) => signedBy(ca, candidate)).sort((a, b) => Number(b.selfSigned) - Number(a.selfSigned))
    issuersOf.set(ca, issuers)
    if (issuers.length > 0) continue
    const expired = candidates.length === 0 ? expiredIssuer(ca, skipped) : undefined
    if (candidates.length > 0) {
      const issuer = candidates[0]
      problems.push(
        certificateProblem(
          'error',
          ca.source,
          `${name}: its signature does not verify against its issuer "${ca.issuer}" in ${issuer?.source.file ?? 'the set'} ` +
            '(that CA did not sign it: another key of the same name, or a damaged signature); publish the CA certificate that really signed it'
        )
      )
    } else if (expired !== undefined) {
      problems.push(
        certificateProblem(
          'error',
          ca.source,
          `${name}: its issuer "${ca.issuer}" expired on ${day(expired.notAfter)} and is left out (\`if-expired: skip\`), so ` +
            "no chain through it is valid any more; publish this CA's renewed chain, or leave this CA out"
        )
      )
    } else if (ca.subjectDer.equals(ca.issuerDer)) {
      problems.push(
        certificateProblem(
          'error',
          ca.source,
          `${name} is self-issued but its signature does not verify with its own key, so it is no valid root; export it again or remove it`
        )
      )
    } else if (deferMissingIssuers) {
      deferred.add(ca)
    } else {
      problems.push(missingIssuer(ca.source, ca.subject, ca.issuer, 'is not in the set'))
    }
  }
  return { issuersOf, deferred, problems }
}

function expiredIssuer(ca: ParsedCertificate, skipped: readonly ParsedCertificate[]): ParsedCertificate | undefined {
  return issuerCandidates(ca, skipped).find((candidate) => signedBy(ca, candidate))
}

function missingIssuer(source: ParsedCertificate['source'], subject: string, issuer: string, where: string): Problem {
  return certificateProblem(
    'error',
    source,
    `${describeCertificate(source, subject)}: its issuer "${issuer}" ${where}; add the issuing CA's certificate to \`certificates\``
  )
}

/**
 * For a set analysed with `deferMissingIssuers`: the intermediates whose issuer is in neither the
 * set nor the given store certificates (e.g. what the tenant already trusts), or whose issuer in
 * the store does not verify their signature. Unparsable store certificates are ignored. Only the
 * CAs the analysis marked `issuerOutsideSet` are looked at (and parsed again), so the usual run,
 * where every issuer is in the set, costs nothing here.
 */
export function missingIssuerProblems(authorities: readonly CertificateAuthority[], storeCertificatesDer: readonly Buffer[]): Problem[] {
  const deferred = authorities.filter((authority) => authority.issuerOutsideSet === true)
  if (deferred.length === 0) return []
  const parse = (der: Buffer, source: ParsedCertificate['source']): ParsedCertificate | undefined => {
    try {
      return parseCertificate(der, source)
    } catch {
      return undefined
    }
  }
  // A CA record keeps `index` only when its file held several certificates; count just needs to say so.
  const orphans = deferred.flatMap((authority) => {
    const source = { file: authority.file, index: authority.index ?? 1, count: authority.index === undefined ? 1 : 2 }
    return parse(authority.der, source) ?? []
  })
  const store = storeCertificatesDer.flatMap(
    (der, i) => parse(der, { file: "the tenant's store", index: i + 1, count: storeCertificatesDer.length }) ?? []
  )
  const problems: Problem[] = []
  for (const ca of orphans) {
    const candidates = issuerCandidates(ca, store)
    if (candidates.some((candidate) => signedBy(ca, candidate))) continue
    problems.push(
      candidates.length > 0
        ? certificateProblem(
            'error',
            ca.source,
            `${describeCertificate(ca.source, ca.subject)}: its signature does not verify against the CA "${ca.issuer}" in the tenant's store; ` +
              'publish the CA certificate that really signed it'
          )
        : missingIssuer(ca.source, ca.subject, ca.issuer, "is neither in the set nor in the tenant's store")
    )
  }
  return problems
}
