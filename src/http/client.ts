// The one HTTP client of the action (GitHub OIDC, MSAL's token requests, Graph): a fresh
// client-request-id per request, bounded retries (rule in retry.ts), and failures that carry
// what is needed to trace them. Side effects (dispatcher, clock, sleep, randomness, logger) come
// in as parameters so tests can swap them.
import { randomUUID } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import { request as undiciRequest, type Dispatcher } from 'undici'
import { preconnect } from './dispatcher.ts'
import { AmbiguousWriteError, GraphError, displayPath, parseGraphErrorBody, type GraphErrorDetails } from './errors.ts'
import {
  CONCURRENCY_VIOLATION,
  DEFAULT_BACKOFF,
  RETRY_STATUSES,
  classifyTransportError,
  parseRetryAfter,
  retryDelay,
  type BackoffOptions
} from './retry.ts'
import type { HttpRequest, HttpResponse, Logger } from './types.ts'

export interface HttpClientOptions {
  readonly dispatcher: Dispatcher
  readonly logger: Logger
  readonly sleep?: (ms: number) => Promise<void>
  /** Uniform in [0, 1), for jitter. */
  readonly random?: () => number
  /** Milliseconds since the epoch. */
  readonly now?: () => number
  /** Attempts per request, the first included. Default 5. */
  readonly maxAttempts?: number
  readonly backoff?: Partial<BackoffOptions>
  readonly userAgent?: string
}

const DEFAULT_MAX_ATTEMPTS = 5

/**
 * The client's retry bounds and side effects, for a caller that resends on its own (the items of
 * a Graph $batch, batch/run.ts): the same attempts, clock, sleep and jitter as every other request.
 */
export interface RetryPolicy {
  readonly logger: Logger
  /** Attempts per request, the first included. */
  readonly maxAttempts: number
  /** Milliseconds since the epoch. */
  now(): number
  /** The wait before retry number `retryIndex + 1`: Retry-After when given (capped), else backoff with jitter. */
  delay(retryAfterMs: number | undefined, retryIndex: number): number
  sleep(ms: number): Promise<void>
}

interface Sent {
  readonly status: number
  readonly headers: Record<string, string>
  readonly body: unknown
}

export class HttpClient {
  readonly #dispatcher: Dispatcher
  readonly #logger: Logger
  readonly #sleep: (ms: number) => Promise<void>
  readonly #random: () => number
  readonly #now: () => number
  readonly #maxAttempts: number
  readonly #backoff: BackoffOptions
  readonly #userAgent: string

  constructor(options: HttpClientOptions) {
    this.#dispatcher = options.dispatcher
    this.#logger = options.logger
    this.#sleep =
      options.sleep ??
      (async (ms) => {
        await delay(ms)
      })
    this.#random = options.random ?? Math.random
    this.#now = options.now ?? Date.now
    this.#maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)
    this.#backoff = { ...DEFAULT_BACKOFF, ...options.backoff }
    this.#userAgent = options.userAgent ?? 'entra-ca-chain-action'
  }

  get retryPolicy(): RetryPolicy {
    return {
      logger: this.#logger,
      maxAttempts: this.#maxAttempts,
      now: () => this.#now(),
      delay: (retryAfterMs, retryIndex) => retryDelay(retryAfterMs, retryIndex, this.#random, this.#backoff),
      sleep: (ms) => this.#sleep(ms)
    }
  }

  /** Opens connections to the origin of `url` ahead of need (dispatcher.ts, preconnect). */
  preconnect(url: string, connections = 1): void {
    preconnect(this.#dispatcher, url, connections)
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    const service = req.service ?? 'Microsoft Graph'
    const path = displayPath(req.url)
    const idempotent = req.idempotent ?? req.method !== 'POST'
    const label = `${service}: ${req.method} ${path}`
    let mayHaveBeenApplied = false

    for (let attempt = 1; ; attempt++) {
      const clientRequestId = randomUUID()
      const started = this.#now()
      const timing = (): string =>
        `${this.#now() - started} ms, attempt ${attempt}/${this.#maxAttempts}, client-request-id: ${clientRequestId}`
      let sent: Sent
      try {
        sent = await this.#send(req, clientRequestId)
      } catch (error) {
        const failure = classifyTransportError(error)
        if (failure === undefined) throw error
        this.#logger.debug(`${req.method} ${path} -> ${failure.description} (${timing()})`)
        if (failure.phase === 'after-send') {
          if (!idempotent) {
            throw new AmbiguousWriteError({ method: req.method, path, clientRequestId, reason: failure.description }, { cause: error })
          }
          mayHaveBeenApplied ||= req.method !== 'GET'
        }
        if (failure.phase === 'permanent' || attempt >= this.#maxAttempts) {
          throw new GraphError(
            {
              service,
              method: req.method,
              path,
              status: undefined,
              code: undefined,
              graphMessage: undefined,
              requestId: undefined,
              clientRequestId,
              date: undefined,
              attempts: attempt,
              mayHaveBeenApplied,
              transportError: failure.description
            },
            { cause: error }
          )
        }
        const wait = retryDelay(undefined, attempt - 1, this.#random, this.#backoff)
        this.#logger.info(`${label}: ${failure.description}; retrying in ${seconds(wait)} (attempt ${attempt + 1} of ${this.#maxAttempts})`)
        await this.#sleep(wait)
        continue
      }

      const { status, headers, body } = sent
      this.#logger.debug(`${req.method} ${path} -> ${status} (${timing()})`)
      const parsed = status >= 400 ? parseGraphErrorBody(body) : {}
      const retryAfterMs = parseRetryAfter(headers['retry-after'], this.#now())
      const concurrency = status === 409 && parsed.code?.toLowerCase() === CONCURRENCY_VIOLATION
      const retryable = RETRY_STATUSES.has(status) || concurrency || (req.extraRetryStatuses?.includes(status) ?? false)
      // Turned away before any work was done: safe to repeat even for a POST.
      const rejected = status === 429 || concurrency || (status === 503 && retryAfterMs !== undefined)
      if (retryable && !rejected) {
        if (!idempotent) {
          throw new AmbiguousWriteError({
            method: req.method,
            path,
            clientRequestId,
            reason:
              `HTTP ${status}${retryAfterMs === undefined ? ' without Retry-After' : ''}` +
              `${headers['request-id'] !== undefined ? `, request-id: ${headers['request-id']}` : ''}`
          })
        }
        mayHaveBeenApplied ||= req.method !== 'GET'
      }

      if (retryable && attempt < this.#maxAttempts) {
        const wait = retryDelay(retryAfterMs, attempt - 1, this.#random, this.#backoff)
        const why = retryAfterMs !== undefined ? 'Retry-After' : 'backoff'
        this.#logger.info(
          `${label} returned ${status}${parsed.code !== undefined ? ` ${parsed.code}` : ''}; ` +
            `retrying in ${seconds(wait)} (${why}; attempt ${attempt + 1} of ${this.#maxAttempts})`
        )
        await this.#sleep(wait)
        continue
      }
      if ((status >= 200 && status < 300) || req.acceptAnyStatus === true) {
        return { status, headers, body, clientRequestId, attempts: attempt }
      }
      const details: GraphErrorDetails = {
        service,
        method: req.method,
        path,
        status,
        code: parsed.code,
        graphMessage: parsed.message ?? (typeof body === 'string' && body !== '' ? snippet(body) : undefined),
        requestId: headers['request-id'] ?? headers['x-ms-request-id'] ?? parsed.requestId,
        clientRequestId: headers['client-request-id'] ?? clientRequestId,
        date: headers.date ?? parsed.date,
        attempts: attempt,
        mayHaveBeenApplied,
        ...((status === 401 || status === 403) && req.permissionHint !== undefined ? { hint: req.permissionHint } : {})
      }
      throw new GraphError(details)
    }
  }

  async #send(req: HttpRequest, clientRequestId: string): Promise<Sent> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': this.#userAgent,
      ...lowerCaseKeys(req.headers ?? {}),
      'client-request-id': clientRequestId
    }
    if (req.token !== undefined) headers.authorization = `Bearer ${req.token}`
    let body: string | undefined = req.rawBody
    if (req.body !== undefined) {
      body = JSON.stringify(req.body)
      headers['content-type'] = 'application/json'
    }
    const response = await undiciRequest(req.url, {
      dispatcher: this.#dispatcher,
      method: req.method,
      headers,
      ...(body !== undefined ? { body } : {})
    })
    const text = await response.body.text()
    // undici frees the connection for the next request only after the tasks that follow the
    // body's end; without this pause, a request sent right after this one opens a new connection
    // (a TLS handshake on the critical path, and on a real network one more round trip or two).
    await new Promise<void>((resolve) => setImmediate(resolve))
    return { status: response.statusCode, headers: flattenHeaders(response.headers), body: parseBody(text) }
  }
}

function lowerCaseKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]))
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return flat
}

/** JSON when it parses (whatever the content-type claims), else the text; undefined when empty. */
function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

function snippet(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}
