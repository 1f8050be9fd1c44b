// Error bodies as each emulated service shapes them.
import { randomUUID } from 'node:crypto'
import type { Call, Reply } from './types.ts'

/** Thrown by Graph handlers; the router renders it as an OData error. */
export class GraphError extends Error {
  readonly status: number
  readonly code: string
  readonly headers: Readonly<Record<string, string>>

  constructor(status: number, code: string, message: string, headers: Readonly<Record<string, string>> = {}) {
    super(message)
    this.status = status
    this.code = code
    this.headers = headers
  }
}

export const badRequest = (message: string): GraphError => new GraphError(400, 'Request_BadRequest', message)
export const notFound = (id: string): GraphError =>
  new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`
  )

/** `{"error":{"code","message","innerError":{date, request-id, client-request-id}}}` (graph-api.md §4.3). */
export function graphErrorReply(
  call: Call,
  status: number,
  code: string,
  message: string,
  headers: Readonly<Record<string, string>> = {}
): Reply {
  return {
    status,
    headers,
    body: {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
          'request-id': call.requestId,
          'client-request-id': call.clientRequestId ?? call.requestId
        }
      }
    }
  }
}

/** Entra's OAuth error body: `AADSTS<code>: <text>` plus trace and correlation ids. */
export function aadErrorReply(call: Call, status: number, error: string, code: number, text: string): Reply {
  const traceId = randomUUID()
  const correlationId = call.clientRequestId ?? randomUUID()
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z')
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${text}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `${call.url.origin}/error?code=${code}`
    }
  }
}
