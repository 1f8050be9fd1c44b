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
//
// Batching is an optimisation, never a requirement: when Graph refuses it for these paths
// (refusal.ts), the items go one request each (fallback.ts), for the rest of the run.
import { checkDependencies, chunksOf, eachLimited } from './chunks.ts'
import { sendEach } from './fallback.ts'
import { sendChunk } from './send.ts'
import {
  DEFAULT_BATCHES_IN_FLIGHT,
  internal,
  type BatchItem,
  type BatchOptions,
  type BatchResult,
  type BatchTransport,
  type ItemState,
  type Verdict
} from './types.ts'
import { resendDependents } from './verdict.ts'

export async function runBatch(transport: BatchTransport, items: readonly BatchItem[], options: BatchOptions = {}): Promise<BatchResult[]> {
  const { retry } = transport
  checkDependencies(items)
  if (!transport.batching())
    return inOrder(
      await sendEach(
        transport,
        items,
        items.map((_item, index) => index),
        options
      ),
      items.length
    )
  const states: ItemState[] = items.map((item) => ({
    item,
    idempotent: item.idempotent ?? item.method !== 'POST',
    clientRequestId: '',
    mayHaveBeenApplied: false
  }))
  const results: Array<BatchResult | undefined> = new Array<BatchResult | undefined>(items.length)
  let pending = items.map((_item, index) => index)
  const refused = new Map<number, { reason: string; confirmed: boolean }>()
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
      if (verdict.outcome === 'refused') {
        refused.set(index, verdict)
      } else if (verdict.outcome !== 'retry') {
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
  if (refused.size > 0) await sendRefused(transport, items, refused, results, options)
  return results.map((result) => result ?? internal('an item of the batch got no result'))
}

/** The refused items, one request each; a 4xx refusal is confirmed once one of them gets through on its own. */
async function sendRefused(
  transport: BatchTransport,
  items: readonly BatchItem[],
  refused: ReadonlyMap<number, { reason: string; confirmed: boolean }>,
  results: Array<BatchResult | undefined>,
  options: BatchOptions
): Promise<void> {
  const sent = await sendEach(transport, items, [...refused.keys()], options)
  for (const [index, result] of sent) {
    results[index] = result
    const refusal = refused.get(index)
    if (refusal !== undefined && !refusal.confirmed && result.outcome === 'done') transport.refused(refusal.reason)
  }
}

function inOrder(results: ReadonlyMap<number, BatchResult>, count: number): BatchResult[] {
  return Array.from({ length: count }, (_item, index) => results.get(index) ?? internal('an item got no result'))
}
