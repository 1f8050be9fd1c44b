// Certificates that only tell CRL URLs: a CA's CRL URL is named in the certificates it issued, and
// in a CA bundle an issuing CA issued nothing of the set. So user or device certificates
// (`leaf-certificates`) and the expired CAs `if-expired: skip` leaves out are read for one thing
// only: their CRL distribution points (and freshest CRL) tell their issuer's CRL URL. They are
// never published nor validated as CAs, whatever their validity.
import { issuerCandidates, signedBy } from './chain.ts'
import { certificateProblem, describeCertificate } from './location.ts'
import type { ParsedCertificate, Problem } from './types.ts'

export interface CrlSources {
  /** Per CA of the set, the outside certificates it issued, in input order. */
  readonly issuedBy: ReadonlyMap<ParsedCertificate, readonly ParsedCertificate[]>
  readonly problems: readonly Problem[]
}

/**
 * Finds the issuer of each outside certificate among `cas`: the same Name bytes, AKI = SKI and a
 * signature that verifies (chain.ts). `leaves` whose issuer is not among the CAs get a notice (a
 * user certificate of another PKI, or of a CA that was left out); `skipped` CAs get none, as their
 * own notice already said they were left out.
 */
export function crlSources(
  cas: readonly ParsedCertificate[],
  leaves: readonly ParsedCertificate[],
  skipped: readonly ParsedCertificate[]
): CrlSources {
  const issuedBy = new Map<ParsedCertificate, ParsedCertificate[]>()
  const problems: Problem[] = []
  const match = (certificate: ParsedCertificate): boolean => {
    const issuer = issuerCandidates(certificate, cas).find((candidate) => signedBy(certificate, candidate))
    if (issuer === undefined) return false
    issuedBy.set(issuer, [...(issuedBy.get(issuer) ?? []), certificate])
    return true
  }
  for (const ca of skipped) match(ca)
  for (const leaf of leaves) {
    if (match(leaf)) continue
    problems.push(
      certificateProblem(
        'notice',
        leaf.source,
        `${describeCertificate(leaf.source, leaf.subject)} (in \`leaf-certificates\`): its issuer "${leaf.issuer}" is not among the CAs ` +
          'published, so its CRL distribution points are not used'
      )
    )
  }
  return { issuedBy, problems }
}
