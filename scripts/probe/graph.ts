// A bare Graph client for the probe: one request, its status and body as the service sent them (no
// retries, no tolerance: the probe is there to see the raw behaviour), every exchange recorded.
import { randomUUID } from 'node:crypto'

export interface Exchange {
  readonly method: string
  /** Relative to the Graph origin, e.g. `/v1.0/directory/...`. */
  readonly path: string
  readonly status: number | null
  readonly ms: number
  /** The response body, certificates shortened; or the transport error. */
  readonly body: unknown
  readonly requestId?: string
}

export interface Answer {
  readonly status: number
  readonly body: unknown
  readonly headers: Headers
}

const TIMEOUT_MS = 30_000

export class ProbeGraph {
  readonly exchanges: Exchange[] = []
  readonly #origin: string
  readonly #token: string

  constructor(origin: string, token: string) {
    this.#origin = origin
    this.#token = token
  }

  async call(method: string, path: string, body?: unknown): Promise<Answer> {
    const started = performance.now()
    try {
      const response = await fetch(`${this.#origin}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.#token}`,
          'client-request-id': randomUUID(),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {})
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(TIMEOUT_MS)
      })
      const text = await response.text()
      let parsed: unknown = text
      try {
        parsed = text === '' ? undefined : (JSON.parse(text) as unknown)
      } catch {
        // kept as text
      }
      const requestId = response.headers.get('request-id') ?? undefined
      this.exchanges.push({
        method,
        path,
        status: response.status,
        ms: Math.round(performance.now() - started),
        body: shorten(parsed),
        ...(requestId ? { requestId } : {})
      })
      return { status: response.status, body: parsed, headers: response.headers }
    } catch (error) {
      this.exchanges.push({ method, path, status: null, ms: Math.round(performance.now() - started), body: String(error) })
      throw error
    }
  }
}

/** Certificates (long base64) cut to their first characters: the report stays readable. */
export function shorten(value: unknown): unknown {
  if (typeof value === 'string') return value.length > 120 ? `${value.slice(0, 40)}… (${value.length} chars)` : value
  if (Array.isArray(value)) return value.map(shorten)
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shorten(v)]))
  return value
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** A JSON value as text for a report line: strings as they are, anything else as JSON; '' for none. */
export function text(value: unknown): string {
  if (value === undefined || value === null) return ''
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value)
}
