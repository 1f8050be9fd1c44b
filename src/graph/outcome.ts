// What a failed create tells (contract.md "First contact with a real tenant"): a lost response or a
// 5xx may hide a create that was done, so the store is read before anything is resent; a 4xx
// (other than the token, the permission or throttling) is checked by reading whether the CA is there, since
// Graph's answer to a duplicate is UNCONFIRMED in status, code and text alike.
import { AmbiguousWriteError, GraphError } from '../http/errors.ts'

export function isUnknownOutcome(error: unknown): error is AmbiguousWriteError | GraphError {
  return error instanceof AmbiguousWriteError || (error instanceof GraphError && (error.status ?? 0) >= 500)
}

export function isRefusal(error: unknown): error is GraphError {
  return (
    error instanceof GraphError &&
    error.status !== undefined &&
    error.status >= 400 &&
    error.status < 500 &&
    ![401, 403, 429].includes(error.status)
  )
}
