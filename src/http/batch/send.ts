// Graph JSON batching, sending: one batch on the wire, and each of its items judged.
import { randomUUID } from 'node:crypto'
import { AmbiguousWriteError, GraphError } from '../errors.ts'
import { prop } from '../tolerant.ts'
import type { HttpResponse } from '../types.ts'
import { envelopeRefusal, itemsRefusal } from './refusal.ts'
import type { BatchOptions, BatchTransport, ItemState, Verdict, WireItem } from './types.ts'
import { ambiguous, judge, lost } from './verdict.ts'

export async function sendChunk(
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
    const refusal = envelopeRefusal(error)
    if (refusal !== undefined && (refusal.outage !== true || transport.outage(refusal.reason))) {
      transport.refused(refusal.reason)
      return chunk.map((index) => [index, refused(transport, states[index]!, refusal, true)])
    }
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
  const refusal = itemsRefusal(chunk.map((index) => answers.get(String(index))))
  if (refusal !== undefined) {
    // A 5xx for every item is taken at once; a 4xx only once an item sent on its own gets past it (run.ts).
    const confirmed = refusal.status >= 500
    if (confirmed) transport.refused(refusal.reason)
    return chunk.map((index) => [index, refused(transport, states[index]!, refusal, confirmed)])
  }
  return chunk.map((index) => {
    const answer = answers.get(String(index))
    const state = states[index]!
    if (answer === undefined)
      return [index, lost(transport, state, attempt, `the $batch response (HTTP ${response.status}) had no answer for it`)]
    return [index, judge(transport, state, answer, attempt, options)]
  })
}

/** A refused item goes on its own, except a create answered 5xx: it may have been done, so the caller reads first. */
function refused(transport: BatchTransport, state: ItemState, refusal: { reason: string; status: number }, confirmed: boolean): Verdict {
  if (!state.idempotent && refusal.status >= 500) return ambiguous(transport, state, `its $batch was answered ${refusal.reason}`)
  return { outcome: 'refused', reason: refusal.reason, confirmed }
}
