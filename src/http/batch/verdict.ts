// Graph JSON batching, reading answers: what one item's answer means (see run.ts for the rules).
import { AmbiguousWriteError, GraphError, parseGraphErrorBody } from '../errors.ts'
import { CONCURRENCY_VIOLATION, parseRetryAfter } from '../retry.ts'
import { isJsonObject, normaliseGraphBody, prop } from '../tolerant.ts'
import type { BatchItem, BatchOptions, BatchResult, BatchTransport, ItemState, Verdict } from './types.ts'

/** An item answered 424 because a dependency of it is being resent goes again with it. */
export function resendDependents(items: readonly BatchItem[], verdicts: Map<number, Verdict>): void {
  for (const [index, verdict] of verdicts) {
    const resent = items[index]?.dependsOn?.some((dependency) => verdicts.get(dependency)?.outcome === 'retry') ?? false
    if (resent && verdict.outcome === 'failed' && verdict.error.status === 424) {
      verdicts.set(index, { outcome: 'retry', retryAfterMs: undefined, why: '424 (after its dependency)', final: verdict })
    }
  }
}

/** The item's answer: done, resent, ambiguous or failed (the rules stand at the top of run.ts). */
export function judge(transport: BatchTransport, state: ItemState, answer: unknown, attempt: number, options: BatchOptions): Verdict {
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
export function lost(transport: BatchTransport, state: ItemState, attempt: number, reason: string, cause?: unknown): Verdict {
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

export function ambiguous(transport: BatchTransport, state: ItemState, reason: string, cause?: unknown): BatchResult {
  const { method, path } = state.item
  const error = new AmbiguousWriteError(
    { method, path: transport.displayPath(path), clientRequestId: state.clientRequestId, reason },
    cause !== undefined ? { cause } : {}
  )
  return { outcome: 'ambiguous', error }
}

export function lowerCaseHeaders(value: unknown): Record<string, string> {
  const headers: Record<string, string> = {}
  if (!isJsonObject(value)) return headers
  for (const [name, v] of Object.entries(value)) {
    if (typeof v === 'string' || typeof v === 'number') headers[name.toLowerCase()] = String(v)
  }
  return headers
}
