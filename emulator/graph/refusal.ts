// What Graph may do with a `$batch` on these paths where graph-api.md §4.5 is UNCONFIRMED: refuse
// the envelope, or answer every item with the same error (none of them a validation error of that
// item); and throttle the items of a batch one by one (§4.5: "items are throttled individually").
import { graphErrorReply } from '../errors.ts'
import type { Call, Reply } from '../types.ts'

const REFUSAL: Readonly<Record<number, readonly [string, string]>> = {
  400: ['BadRequest', 'Write requests to this resource are not supported in a JSON batch.'],
  403: ['Forbidden', 'JSON batching is not allowed for this resource.'],
  405: ['Request_BadRequest', 'Specified HTTP method is not allowed in a JSON batch for the request target.'],
  500: ['UnknownError', 'An internal server error occurred while processing the batch.'],
  501: ['NotImplemented', 'JSON batching is not implemented for this resource.'],
  503: ['ServiceUnavailable', 'The batch service is unavailable.']
}

function refusal(call: Call, status: number): Reply {
  const [code, message] = REFUSAL[status] ?? ['BadRequest', `JSON batching refused (HTTP ${status}).`]
  return graphErrorReply(call, status, code, message)
}

/** `unconfirmed.batch: 'envelope'`: the `$batch` POST itself refused, no item run. */
export const refusedEnvelope = (call: Call, status: number): Reply => refusal(call, status)

/** `unconfirmed.batch: 'items'`: this item refused, not run; every item gets the same answer. */
export const refusedItem = (call: Call, status: number): Reply => refusal(call, status)

/** Whether the item at this position of a batch is throttled now: odd positions, each request once. */
export function isThrottled(
  throttled: Set<string>,
  item: { readonly method: string; readonly url: string; readonly body?: unknown },
  position: number
): boolean {
  if (position % 2 === 0) return false
  const key = `${item.method} ${item.url} ${JSON.stringify(item.body ?? null)}`
  if (throttled.has(key)) return false
  throttled.add(key)
  return true
}
