// Certificate checks the service applies to request bodies, shared by the three kinds.
import { tryReadBase64Certificate, type CertificateFacts } from '../certificate.ts'
import { badRequest, GraphError } from '../errors.ts'

/** The certificate of a body property, or a 400 naming where it is. */
export function certificateFromBody(value: unknown, where: string): CertificateFacts {
  const facts = tryReadBase64Certificate(value)
  if (!facts) throw badRequest(`${where} is not a valid X.509 certificate (expected the base64 of its DER bytes).`)
  return facts
}

/** The service's text carries a stray quote (graph-api.md §6.12); kept, since clients must match it loosely. */
export function duplicateCertificate(facts: CertificateFacts): GraphError {
  return badRequest(`Duplicate Certificate exists" (thumbprint ${facts.thumbprint}, subject ${facts.subject}).`)
}

/**
 * The answer to a CA the container already holds, created again (`unconfirmed.duplicates`):
 * undefined when the service keeps a second entry (`accepted`).
 */
export function duplicateAnswer(mode: 'documented' | 'conflict' | 'accepted', facts: CertificateFacts): GraphError | undefined {
  if (mode === 'accepted') return undefined
  if (mode === 'conflict') {
    return new GraphError(
      409,
      'Request_MultipleObjectsWithSameKeyValue',
      `Another object with the same value for property certificate already exists (${facts.thumbprint}).`
    )
  }
  return duplicateCertificate(facts)
}

export function isExpired(facts: CertificateFacts, now: number = Date.now()): boolean {
  return facts.notAfter.getTime() <= now
}

/** Throws on the first certificate that appears twice (by SHA-1 thumbprint). */
export function rejectDuplicates(all: readonly CertificateFacts[]): void {
  const seen = new Set<string>()
  for (const facts of all) {
    if (seen.has(facts.thumbprint)) throw duplicateCertificate(facts)
    seen.add(facts.thumbprint)
  }
}
