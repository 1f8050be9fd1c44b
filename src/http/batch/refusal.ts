// When Graph refuses JSON batching for these paths (graph-api.md §4.5 marks batching on them
// UNCONFIRMED), the writes go one request each (fallback.ts). Refused means:
// - the `$batch` POST itself answered 4xx or 5xx (not 401: the token; not 429: throttling, which
//   the HTTP client already waited out). A 503 or 504 is also what a passing outage looks like:
//   the writes of that batch are then read back before anything is resent, and only a second
//   such answer in the run counts as a refusal; or
// - every item of a batch answered the same status, code and text, an error that is not about
//   that item: not a throttle, conflict or outage (429, 409, 424, 503, 504), not the token or the
//   permission (401, 403: one request each would get the same); an item answered 424 because it
//   waits for a refused one is left out of the comparison. A 4xx of that kind is only
//   taken as a refusal once one of the items, sent on its own, is answered otherwise (it could be
//   the same validation error for each item); a 5xx is taken at once.
// A 5xx leaves a create ambiguous (it may have been done): the caller reads before resending it.
import { AmbiguousWriteError, GraphError, parseGraphErrorBody } from '../errors.ts'
import { normaliseGraphBody, prop } from '../tolerant.ts'

export interface Refusal {
  readonly reason: string
  readonly status: number
  /** A 503/504 for a batch of creates: a refusal only the second time in a run. */
  readonly outage?: boolean
}

/** Why the envelope counts as refused ("HTTP 400 BadRequest: …"), or undefined. */
export function envelopeRefusal(error: unknown): Refusal | undefined {
  if (error instanceof AmbiguousWriteError) {
    // Answered 503/504 (not a lost connection): an outage, or the batch endpoint saying no.
    const status = /^HTTP (5\d\d)/.exec(error.reason)?.[1]
    return status !== undefined ? { reason: error.reason, status: Number(status), outage: true } : undefined
  }
  if (!(error instanceof GraphError) || error.status === undefined) return undefined
  if (error.status < 400 || error.status === 401 || error.status === 429) return undefined
  return { reason: describe(error.status, error.code, error.graphMessage), status: error.status }
}

const PER_ITEM = new Set([401, 403, 409, 424, 429, 503, 504])

/** Every answer alike and not about its item: the refusal, or undefined. */
export function itemsRefusal(answers: readonly unknown[]): Refusal | undefined {
  // An item that waits for a refused one is answered 424: it says nothing of its own.
  const own = answers.filter((answer) => prop(answer, 'status') !== 424)
  if (own.length === 0) return undefined
  const keys = own.map((answer) => {
    const status = prop(answer, 'status')
    const { code, message } = parseGraphErrorBody(normaliseGraphBody(prop(answer, 'body')))
    return { status: typeof status === 'number' ? status : 0, code, message }
  })
  const [first] = keys
  if (first === undefined || first.status < 400 || PER_ITEM.has(first.status)) return undefined
  if (!keys.every((k) => k.status === first.status && k.code === first.code && k.message === first.message)) return undefined
  return { reason: describe(first.status, first.code, first.message), status: first.status }
}

function describe(status: number, code: string | undefined, message: string | undefined): string {
  return `HTTP ${status}${code !== undefined ? ` ${code}` : ''}${message !== undefined ? `: ${message}` : ''}`
}
