// Is each certificate a CA that may be published now? (contract.md, "Validation")
import { certificateProblem, day, describeCertificate } from './location.ts'
import type { ParsedCertificate, Problem } from './types.ts'

const DAY_MS = 24 * 60 * 60 * 1000
const CA_ONLY = 'remove it or point `certificates` at the CA files only'

/** Problems that make a certificate no CA at all (errors), or a CA worth a warning. */
export function caProblems(certificate: ParsedCertificate): { readonly isCa: boolean; readonly problems: Problem[] } {
  const { source, subject } = certificate
  const name = describeCertificate(source, subject)
  const error = (message: string): { isCa: boolean; problems: Problem[] } => ({
    isCa: false,
    problems: [certificateProblem('error', source, message)]
  })
  if (certificate.version < 3) {
    // v1/v2 certificates carry no extensions, so nothing says they are CAs; only a self-signed
    // root is acceptable, as trust anchors of that age still exist.
    if (!certificate.selfSigned) {
      return error(
        `${name} is an X.509 v${certificate.version} certificate that is not a self-signed root, so nothing marks it as a CA; ${CA_ONLY}`
      )
    }
    return {
      isCa: true,
      problems: [
        certificateProblem(
          'warning',
          source,
          `${name} is an X.509 v${certificate.version} root without extensions (no basicConstraints); it is accepted as a root, but prefer a v3 root certificate`
        )
      ]
    }
  }
  const reasons: string[] = []
  if (certificate.basicConstraints === undefined) reasons.push('no basicConstraints extension')
  else if (!certificate.basicConstraints.cA) reasons.push('basicConstraints cA=false')
  if (certificate.keyUsage !== undefined && !certificate.keyUsage.keyCertSign) reasons.push('keyUsage without keyCertSign')
  if (reasons.length > 0) return error(`${name} is not a CA (${reasons.join('; ')}); ${CA_ONLY}`)
  return { isCa: true, problems: [] }
}

export function isExpired(certificate: ParsedCertificate, now: Date): boolean {
  return now.getTime() > certificate.notAfter.getTime()
}

/** The notice for an expired CA that `if-expired: skip` leaves out: file, index in a bundle, subject, expiry. */
export function skippedNotice(certificate: ParsedCertificate): Problem {
  const { source, subject, notAfter } = certificate
  return certificateProblem(
    'notice',
    source,
    `${describeCertificate(source, subject)} expired on ${day(notAfter)}; left out (\`if-expired: skip\`): not published` +
      ' (in `mode: replace` removed from the store if it is there)'
  )
}

/** Expired or not yet valid (errors); expiring within `minValidityDays` (warning). */
export function validityProblems(certificate: ParsedCertificate, now: Date, minValidityDays: number): Problem[] {
  const { source, subject, notBefore, notAfter } = certificate
  const name = describeCertificate(source, subject)
  if (isExpired(certificate, now)) {
    // A certificate inside a bundle cannot be removed from `certificates`: the way out is `if-expired`.
    const fix =
      source.count > 1
        ? 'set `if-expired: skip` to leave expired CAs out and publish the rest (official bundles still carry CAs that ' +
          'expired), or use a newer bundle'
        : 'replace it with the renewed CA certificate, remove it from `certificates`, or set `if-expired: skip` to leave expired CAs out'
    return [certificateProblem('error', source, `${name} expired on ${day(notAfter)}; ${fix}`)]
  }
  if (now.getTime() < notBefore.getTime()) {
    return [
      certificateProblem(
        'error',
        source,
        `${name} is not valid before ${day(notBefore)}; publish it once it is valid, or check the runner's clock`
      )
    ]
  }
  const left = notAfter.getTime() - now.getTime()
  if (left < minValidityDays * DAY_MS) {
    const days = Math.floor(left / DAY_MS)
    return [
      certificateProblem(
        'warning',
        source,
        `${name} expires on ${day(notAfter)} (${days} ${days === 1 ? 'day' : 'days'} left, less than \`min-validity-days\` ${minValidityDays}); ` +
          'renew the CA and publish its new certificate'
      )
    ]
  }
  return []
}
