// How messages name a certificate: the file as the user knows it, the position in the file when
// it holds more than one, and (once parsed) the subject, so that each message stands on its own.
import type { CertificateSource, Problem, Severity } from './types.ts'

/** `certs/ca.pem: certificate 2`, or just `certs/ca.pem` when the file holds one certificate. */
export function certificateAt(source: CertificateSource): string {
  return source.count > 1 ? `${source.file}: certificate ${source.index}` : source.file
}

/** `certs/ca.pem: certificate 2 ("CN=Contoso Root")` or `certs/ca.pem ("CN=Contoso Root")`. */
export function describeCertificate(source: CertificateSource, subject: string): string {
  return `${certificateAt(source)} ("${subject}")`
}

/** A problem about one certificate: `file`, and `index` when the file holds more than one. */
export function certificateProblem(severity: Severity, source: CertificateSource, message: string): Problem {
  return source.count > 1 ? { severity, message, file: source.file, index: source.index } : { severity, message, file: source.file }
}

/** An ISO 8601 date (day precision) for messages. */
export function day(date: Date): string {
  return date.toISOString().slice(0, 10)
}
