// Graph JSON batching (graph-api.md §4.5): up to 20 requests in one `POST /{version}/$batch`, a
// few batches at once, so that 100 independent writes cost one round trip instead of dozens.
//
// Throttling (§4.4): Graph throttles the items one by one, as if each were sent alone (a batch can
// be 200 with some items 429), and every POST, PATCH or DELETE item counts against the write
// limits: 3,000 writes per 150 s per app and tenant. A PKI holds at most 250 CAs, far below; the
// bound on batches in flight keeps the burst to 100 items at a time.
//
// Which items are resent follows retry.ts, item by item:
// - 429, 409 Directory_ConcurrencyViolation, 503 with Retry-After: turned away before any work.
//   Only those items are resent, after the largest Retry-After among them (else backoff), with
//   the client's attempt bound.
// - 503 without Retry-After or 504 for an item, and a batch whose answer was lost (connection
//   dropped or timed out after sending, 503 without Retry-After, 504): the item may have been
//   applied. An idempotent item is resent; a POST is reported `ambiguous` and never resent: the
//   caller reads the tenant and creates only what is still missing.
// - Anything else: `failed`, with a GraphError carrying the item's status, code, message and ids.
import { randomUUID } from 'node:crypto'
import type { RetryPolicy } from './client.ts'
import { AmbiguousWriteError, GraphError, parseGraphErrorBody } from './errors.ts'
import { CONCURRENCY_VIOLATION, parseRetryAfter } from './retry.ts'
import { isJsonObject, normaliseGraphBody, prop } from './tolerant.ts'
import type { HttpMethod, HttpResponse } from './types.ts'

/** Requests per batch: Graph's limit. */
export const MAX_BATCH_ITEMS = 20
/** Batches in flight at once by default: 100 items. */
export const DEFAULT_BATCHES_IN_FLIGHT = 5

export interface BatchItem {
  readonly method: HttpMethod
  /** Relative to `/{apiVersion}`, starting with `/`. */
  readonly path: string
  /** Sent as JSON (the item gets `content-type: application/json`). */
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
  /** Whether resending is harmless if an earlier attempt took effect; default: every method but POST. */
  readonly idempotent?: boolean
  /**
   * Items (by index in the same call) that must succeed first: Graph runs this one after them, in
   * the same round trip, or answers it 424. Linked items travel together in a batch of their own
   * (at most 20 of them), beside the batches of the others. When a dependency is resent
   * (throttled), this item is resent with it.
   */
  readonly dependsOn?: readonly number[]
}

/** One item's outcome, in the order the items were given. */
export type BatchResult =
  | { readonly outcome: 'done'; readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: unknown }
  | { readonly outcome: 'failed'; readonly error: GraphError }
  | { readonly outcome: 'ambiguous'; readonly error: AmbiguousWriteError }

export interface BatchOptions {
  /** Shown with a 401 or 403: the permission and role the calls need. */
  readonly permissionHint?: string
  /** Batches in flight at once; default 5. */
  readonly concurrency?: number
}

/** An item as it travels in the envelope. */
export interface WireItem {
  readonly id: string
  readonly method: HttpMethod
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: unknown
  readonly dependsOn?: readonly string[]
}

/** How batches reach Graph: the $batch POST (the HTTP client's own retries apply to it) and paths for messages. */
export interface BatchTransport {
  /** Throws GraphError, or AmbiguousWriteError when `idempotent` is false and the answer was lost. */
  send(requests: readonly WireItem[], idempotent: boolean): Promise<HttpResponse>
  displayPath(path: string): string
  readonly retry: RetryPolicy
}

/** What became of an item in one round: a result, or another attempt (`final` if none is left). */
type Verdict =
  BatchResult | { readonly outcome: 'retry'; readonly retryAfterMs: number | undefined; readonly why: string; readonly final: BatchResult }

interface ItemState {
  readonly item: BatchItem
  readonly idempotent: boolean
  clientRequestId: string
  /** A write whose earlier attempt may have taken effect (for the message if it fails in the end). */
  mayHaveBeenApplied: boolean
}

export async function runBatch(transport: BatchTransport, items: readonly BatchItem[], options: BatchOptions = {}): Promise<BatchResult[]> {
  const { retry } = transport
  checkDependencies(items)
  const states: ItemState[] = items.map((item) => ({
    item,
    idempotent: item.idempotent ?? item.method !== 'POST',
    clientRequestId: '',
    mayHaveBeenApplied: false
  }))
  const results: Array<BatchResult | undefined> = new Array<BatchResult | undefined>(items.length)
  let pending = items.map((_item, index) => index)
  for (let attempt = 1; pending.length > 0; attempt++) {
    const verdicts = new Map<number, Verdict>()
    const { chunks, sequential } = chunksOf(items, pending)
    await eachLimited(chunks, (options.concurrency ?? DEFAULT_BATCHES_IN_FLIGHT) + sequential, async (chunk) => {
      for (const [index, verdict] of await sendChunk(transport, states, chunk, attempt, options)) verdicts.set(index, verdict)
    })
    resendDependents(items, verdicts)
    const again: number[] = []
    let retryAfterMs: number | undefined
    const why = new Map<string, number>()
    for (const [index, verdict] of verdicts) {
      if (verdict.outcome !== 'retry') {
        results[index] = verdict
      } else if (attempt >= retry.maxAttempts) {
        results[index] = verdict.final
      } else {
        again.push(index)
        if (verdict.retryAfterMs !== undefined) retryAfterMs = Math.max(retryAfterMs ?? 0, verdict.retryAfterMs)
        why.set(verdict.why, (why.get(verdict.why) ?? 0) + 1)
      }
    }
    pending = again.sort((a, b) => a - b)
    if (pending.length === 0) break
    const wait = retry.delay(retryAfterMs, attempt - 1)
    retry.logger.info(
      `Microsoft Graph: ${pending.length} of ${items.length} batched request(s) answered ` +
        `${[...why].map(([status, n]) => `${status} (×${n})`).join(', ')}; resending them in ${(wait / 1000).toFixed(1)} s ` +
        `(${retryAfterMs !== undefined ? 'Retry-After' : 'backoff'}; attempt ${attempt + 1} of ${retry.maxAttempts})`
    )
    await retry.sleep(wait)
  }
  return results.map((result) => result ?? internal('an item of the batch got no result'))
}

/**
 * The pending items in batches. Items linked by `dependsOn` (each with what it waits for, through
 * any number of links) travel in a batch of their own, sent first: Graph wants a batch either fully
 * sequential or fully parallel (graph-api.md §4.5). The others go in batches of up to 20. The bound
 * on batches in flight counts the parallel ones (their items make the burst); the `sequential`
 * ones ride beside them.
 */
function chunksOf(items: readonly BatchItem[], pending: readonly number[]): { chunks: number[][]; sequential: number } {
  const groups = linkedGroups(items, pending)
  const linked = groups.filter((group) => group.length > 1)
  const parallel = groups.filter((group) => group.length === 1).flat()
  const chunks = [...linked]
  for (let i = 0; i < parallel.length; i += MAX_BATCH_ITEMS) chunks.push(parallel.slice(i, i + MAX_BATCH_ITEMS))
  return { chunks, sequential: linked.length }
}

/** The pending items grouped by `dependsOn` links between pending items, each group in index order. */
function linkedGroups(items: readonly BatchItem[], pending: readonly number[]): number[][] {
  const waiting = new Set(pending)
  const parent = new Map<number, number>()
  const root = (index: number): number => {
    let top = index
    for (let up = parent.get(top); up !== undefined; up = parent.get(top)) top = up
    return top
  }
  for (const index of pending) {
    for (const dependency of items[index]?.dependsOn ?? []) {
      if (!waiting.has(dependency)) continue
      const [a, b] = [root(index), root(dependency)]
      if (a !== b) parent.set(Math.max(a, b), Math.min(a, b))
    }
  }
  const groups = new Map<number, number[]>()
  for (const index of pending) {
    const top = root(index)
    groups.set(top, [...(groups.get(top) ?? []), index])
  }
  return [...groups.values()]
}

/** Each `dependsOn` names another item of the call, and each linked group fits in one batch. */
function checkDependencies(items: readonly BatchItem[]): void {
  items.forEach((item, index) => {
    for (const dependency of item.dependsOn ?? []) {
      if (!Number.isInteger(dependency) || dependency < 0 || dependency >= items.length || dependency === index) {
        internal(`item ${index} depends on ${dependency}, which is not another item of the call`)
      }
    }
  })
  for (const group of linkedGroups(
    items,
    items.map((_item, index) => index)
  )) {
    if (group.length > MAX_BATCH_ITEMS) internal(`${group.length} items linked by dependsOn do not fit in one batch of ${MAX_BATCH_ITEMS}`)
  }
}

/** An item answered 424 because a dependency of it is being resent goes again with it. */
function resendDependents(items: readonly BatchItem[], verdicts: Map<number, Verdict>): void {
  for (const [index, verdict] of verdicts) {
    const resent = items[index]?.dependsOn?.some((dependency) => verdicts.get(dependency)?.outcome === 'retry') ?? false
    if (resent && verdict.outcome === 'failed' && verdict.error.status === 424) {
      verdicts.set(index, { outcome: 'retry', retryAfterMs: undefined, why: '424 (after its dependency)', final: verdict })
    }
  }
}

async function sendChunk(
  transport: BatchTransport,
  states: ItemState[],
  chunk: readonly number[],
  attempt: number,
  options: BatchOptions
): Promise<Array<[number, Verdict]>> {
  const wire = chunk.map((index): WireItem => {
    const state = states[index]!
    state.clientRequestId = randomUUID()
    const { method, path, body, headers } = state.item
    // A dependency done in an earlier round is no longer waited for.
    const dependsOn = (state.item.dependsOn ?? []).filter((dependency) => chunk.includes(dependency)).map(String)
    return {
      id: String(index),
      method,
      url: path,
      ...(dependsOn.length > 0 ? { dependsOn } : {}),
      headers: {
        ...headers,
        'client-request-id': state.clientRequestId,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {})
      },
      ...(body !== undefined ? { body } : {})
    }
  })
  let response: HttpResponse
  try {
    response = await transport.send(
      wire,
      chunk.every((index) => states[index]!.idempotent)
    )
  } catch (error) {
    if (error instanceof GraphError) return chunk.map((index) => [index, { outcome: 'failed', error }])
    if (!(error instanceof AmbiguousWriteError)) throw error
    return chunk.map((index) => [index, lost(transport, states[index]!, attempt, `its $batch request: ${error.reason}`, error)])
  }
  const answers = new Map<string, unknown>()
  const responses = prop(response.body, 'responses')
  for (const answer of Array.isArray(responses) ? responses : []) {
    const id = prop(answer, 'id')
    if ((typeof id === 'string' || typeof id === 'number') && !answers.has(String(id))) answers.set(String(id), answer)
  }
  const statuses = [...answers.values()].map((answer) => String(prop(answer, 'status')))
  transport.retry.logger.debug(
    `$batch of ${chunk.length} (attempt ${attempt}) -> ${response.status}; items: ` +
      `${
        [...new Set(statuses)]
          .sort()
          .map((s) => `${s} ×${statuses.filter((t) => t === s).length}`)
          .join(', ') || 'none'
      }`
  )
  return chunk.map((index) => {
    const answer = answers.get(String(index))
    const state = states[index]!
    if (answer === undefined)
      return [index, lost(transport, state, attempt, `the $batch response (HTTP ${response.status}) had no answer for it`)]
    return [index, judge(transport, state, answer, attempt, options)]
  })
}

/** The item's answer: done, resent, ambiguous or failed (see the top of the file). */
function judge(transport: BatchTransport, state: ItemState, answer: unknown, attempt: number, options: BatchOptions): Verdict {
  const status = prop(answer, 'status')
  if (typeof status !== 'number') return lost(transport, state, attempt, 'its answer in the $batch response has no status')
  const headers = lowerCaseHeaders(prop(answer, 'headers'))
  const body = normaliseGraphBody(prop(answer, 'body'))
  if (status >= 200 && status < 300) return { outcome: 'done', status, headers, body }
  const parsed = parseGraphErrorBody(body)
  const retryAfterMs = parseRetryAfter(headers['retry-after'], transport.retry.now())
  const concurrency = status === 409 && parsed.code?.toLowerCase() === CONCURRENCY_VIOLATION
  const rejected = status === 429 || concurrency || (status === 503 && retryAfterMs !== undefined)
  const uncertain = !rejected && (status === 503 || status === 504)
  const requestId = headers['request-id'] ?? parsed.requestId
  if (uncertain && !state.idempotent) {
    return ambiguous(
      transport,
      state,
      `HTTP ${status}${status === 503 ? ' without Retry-After' : ''} for it in a $batch` +
        `${requestId !== undefined ? `, request-id: ${requestId}` : ''}`
    )
  }
  if (uncertain) state.mayHaveBeenApplied ||= state.item.method !== 'GET'
  const error = new GraphError({
    service: 'Microsoft Graph',
    method: state.item.method,
    path: transport.displayPath(state.item.path),
    status,
    code: parsed.code,
    graphMessage: parsed.message ?? (typeof body === 'string' && body !== '' ? body.slice(0, 200) : undefined),
    requestId,
    clientRequestId: headers['client-request-id'] ?? parsed.clientRequestId ?? state.clientRequestId,
    date: headers.date ?? parsed.date,
    attempts: attempt,
    mayHaveBeenApplied: state.mayHaveBeenApplied,
    ...((status === 401 || status === 403) && options.permissionHint !== undefined ? { hint: options.permissionHint } : {})
  })
  if (rejected || uncertain) {
    return {
      outcome: 'retry',
      retryAfterMs,
      why: `${status}${parsed.code !== undefined ? ` ${parsed.code}` : ''}`,
      final: { outcome: 'failed', error }
    }
  }
  return { outcome: 'failed', error }
}

/** No answer for the item although the batch went out: ambiguous for a POST, resent otherwise. */
function lost(transport: BatchTransport, state: ItemState, attempt: number, reason: string, cause?: unknown): Verdict {
  if (!state.idempotent) return ambiguous(transport, state, reason, cause)
  state.mayHaveBeenApplied ||= state.item.method !== 'GET'
  const error = new GraphError(
    {
      service: 'Microsoft Graph',
      method: state.item.method,
      path: transport.displayPath(state.item.path),
      status: undefined,
      code: undefined,
      graphMessage: undefined,
      requestId: undefined,
      clientRequestId: state.clientRequestId,
      date: undefined,
      attempts: attempt,
      mayHaveBeenApplied: state.mayHaveBeenApplied,
      transportError: reason
    },
    cause !== undefined ? { cause } : {}
  )
  return { outcome: 'retry', retryAfterMs: undefined, why: 'no answer', final: { outcome: 'failed', error } }
}

function ambiguous(transport: BatchTransport, state: ItemState, reason: string, cause?: unknown): BatchResult {
  const { method, path } = state.item
  const error = new AmbiguousWriteError(
    { method, path: transport.displayPath(path), clientRequestId: state.clientRequestId, reason },
    cause !== undefined ? { cause } : {}
  )
  return { outcome: 'ambiguous', error }
}

function lowerCaseHeaders(value: unknown): Record<string, string> {
  const headers: Record<string, string> = {}
  if (!isJsonObject(value)) return headers
  for (const [name, v] of Object.entries(value)) {
    if (typeof v === 'string' || typeof v === 'number') headers[name.toLowerCase()] = String(v)
  }
  return headers
}

/** Runs `work` over `items`, at most `limit` at once; rejects with the first error once all have settled. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  let failure: { error: unknown } | undefined
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T
      try {
        await work(item)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  if (failure !== undefined) throw failure.error
}

function internal(message: string): never {
  throw new Error(`internal: ${message}`)
}
