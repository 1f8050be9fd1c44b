// How an operation reads in the log, the summary and the `plan` output. Real PKIs hold several
// certificates of one subject (cross-certificates, re-issued CAs), so the subject alone does not
// tell which CA an operation is about: each CA operation names its SHA-1 thumbprint.
import type { Operation } from './types.ts'

/** The reason, with the CA's thumbprint when the operation is about one CA. */
export function operationText(op: Operation): string {
  if (op.thumbprint === undefined || op.reason.includes(op.thumbprint)) return op.reason
  return `${op.reason} (SHA-1 ${op.thumbprint})`
}
