// Failures of an HTTP exchange, with everything a user or Microsoft support needs to trace them
// (graph-api.md §4.2, §4.3): method, path, status, Graph error code and message, request-id,
// client-request-id and Date.
import { UserError } from '../errors.ts'
import type { HttpMethod } from './types.ts'

/** The parts of a Graph error body: `{"error":{"code","message","innerError":{...}}}`. */
export interface GraphErrorBody {
  readonly code?: string
  readonly message?: string
  readonly requestId?: string
  readonly clientRequestId?: string
  readonly date?: string
}

export interface GraphErrorDetails {
  readonly service: string
  readonly method: HttpMethod
  /** Path and query as shown by `displayPath` (no host, no query values but OData options). */
  readonly path: string
  /** Undefined when no response came (connection errors until attempts ran out). */
  readonly status: number | undefined
  readonly code: string | undefined
  readonly graphMessage: string | undefined
  readonly requestId: string | undefined
  readonly clientRequestId: string
  readonly date: string | undefined
  readonly attempts: number
  /** A write whose earlier attempt may have taken effect (a retried DELETE that now gets 404). */
  readonly mayHaveBeenApplied: boolean
  /** What no response is: "connection refused (ECONNREFUSED)". */
  readonly transportError?: string
  readonly hint?: string
}

/**
 * A request that failed for good: an error status, or no response after every attempt. A user
 * error, since its message is complete: the top-level catch prints it without a stack.
 */
export class GraphError extends UserError {
  readonly service: string
  readonly method: HttpMethod
  readonly path: string
  readonly status: number | undefined
  readonly code: string | undefined
  readonly graphMessage: string | undefined
  readonly requestId: string | undefined
  readonly clientRequestId: string
  readonly date: string | undefined
  readonly attempts: number
  readonly mayHaveBeenApplied: boolean

  constructor(details: GraphErrorDetails, options?: { cause?: unknown }) {
    super(formatGraphError(details), options)
    this.name = 'GraphError'
    this.service = details.service
    this.method = details.method
    this.path = details.path
    this.status = details.status
    this.code = details.code
    this.graphMessage = details.graphMessage
    this.requestId = details.requestId
    this.clientRequestId = details.clientRequestId
    this.date = details.date
    this.attempts = details.attempts
    this.mayHaveBeenApplied = details.mayHaveBeenApplied
  }
}

/**
 * A write (POST) that may or may not have taken effect: the request went out and then the
 * connection dropped, timed out, or a gateway answered 503 (no Retry-After) or 504. Repeating it
 * could create a duplicate, so the client does not; the caller re-reads the tenant and creates
 * only what is still missing. A user error too, so that if no caller handles it the step fails
 * with advice that works: a re-run re-reads the tenant first.
 */
export class AmbiguousWriteError extends UserError {
  readonly method: HttpMethod
  readonly path: string
  readonly clientRequestId: string
  readonly reason: string

  constructor(details: { method: HttpMethod; path: string; clientRequestId: string; reason: string }, options?: { cause?: unknown }) {
    super(
      `${details.method} ${details.path} may or may not have taken effect (${details.reason}; ` +
        `client-request-id: ${details.clientRequestId}). It was not repeated, so as not to create a duplicate; ` +
        'a re-run reads the tenant first and creates only what is missing.',
      options
    )
    this.name = 'AmbiguousWriteError'
    this.method = details.method
    this.path = details.path
    this.clientRequestId = details.clientRequestId
    this.reason = details.reason
  }
}

function formatGraphError(d: GraphErrorDetails): string {
  const what =
    d.status === undefined
      ? `got no response after ${d.attempts} attempt${d.attempts === 1 ? '' : 's'}: ${d.transportError ?? 'connection failed'}`
      : `failed with HTTP ${d.status}${d.code !== undefined ? ` ${d.code}` : ''}${d.graphMessage !== undefined ? `: ${d.graphMessage}` : ''}`
  // Without a response there is no request-id nor Date; the client-request-id still traces it.
  const ids =
    d.status === undefined
      ? [`client-request-id: ${d.clientRequestId}`]
      : [`request-id: ${d.requestId ?? 'none'}`, `client-request-id: ${d.clientRequestId}`, `date: ${d.date ?? 'none'}`]
  const retried = d.status !== undefined && d.attempts > 1 ? ` after ${d.attempts} attempts` : ''
  const hint = d.hint !== undefined ? `\n${d.hint}` : ''
  const applied = d.mayHaveBeenApplied ? '\nAn earlier attempt of this request may have taken effect before its connection dropped.' : ''
  return `${d.service}: ${d.method} ${d.path} ${what}${retried} (${ids.join(', ')})${applied}${hint}`
}

/** Reads `error.code`, `error.message` and the inner error's ids; property names in any case. */
export function parseGraphErrorBody(body: unknown): GraphErrorBody {
  const error = objectProp(body, 'error')
  if (error === undefined) return {}
  const inner = objectProp(error, 'innerError')
  const result: { -readonly [K in keyof GraphErrorBody]: GraphErrorBody[K] } = {}
  const code = stringProp(error, 'code') ?? stringProp(inner, 'code')
  const message = stringProp(error, 'message') ?? stringProp(inner, 'message')
  const requestId = stringProp(inner, 'request-id')
  const clientRequestId = stringProp(inner, 'client-request-id')
  const date = stringProp(inner, 'date')
  if (code !== undefined) result.code = code
  if (message !== undefined) result.message = message
  if (requestId !== undefined) result.requestId = requestId
  if (clientRequestId !== undefined) result.clientRequestId = clientRequestId
  if (date !== undefined) result.date = date
  return result
}

function findKey(obj: unknown, name: string): unknown {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return undefined
  const wanted = name.toLowerCase()
  const entry = Object.entries(obj).find(([key]) => key.trim().toLowerCase() === wanted)
  return entry?.[1]
}

function objectProp(obj: unknown, name: string): object | undefined {
  const value = findKey(obj, name)
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined
}

function stringProp(obj: unknown, name: string): string | undefined {
  const value = findKey(obj, name)
  return typeof value === 'string' && value !== '' ? value : undefined
}

/**
 * The path and query of a URL for messages: no host, and no query values except OData system
 * options (`$filter`, `$top`...), so that a signature or token in a query never reaches a log.
 */
export function displayPath(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return '(invalid URL)'
  }
  const params = [...parsed.searchParams].map(([name, value]) =>
    name.startsWith('$') && name.toLowerCase() !== '$skiptoken' ? `${name}=${value}` : `${name}=***`
  )
  return params.length === 0 ? parsed.pathname : `${parsed.pathname}?${params.join('&')}`
}
