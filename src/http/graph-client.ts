// Microsoft Graph on top of HttpClient: paths relative to `{graphUrl}/{apiVersion}`, the access
// token on every request, tolerant reading (graph-api.md §6) and `@odata.nextLink` paging.
import type { ApiVersion } from '../settings-types.ts'
import { runBatch } from './batch/run.ts'
import type { BatchItem, BatchOptions, BatchResult, BatchTransport } from './batch/types.ts'
import type { HttpClient } from './client.ts'
import { GraphError, displayPath } from './errors.ts'
import { isJsonObject, normaliseGraphBody, prop } from './tolerant.ts'
import type { HttpMethod, JsonObject } from './types.ts'

export interface GraphClientOptions {
  readonly http: HttpClient
  /** Without trailing slash, e.g. https://graph.microsoft.com */
  readonly graphUrl: string
  readonly apiVersion: ApiVersion
  readonly accessToken: string
}

export interface GraphRequest {
  readonly method: HttpMethod
  /** Relative to `/{apiVersion}` and starting with `/`, or an absolute URL on the Graph host. */
  readonly path: string
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
  /** Shown with a 401 or 403: the permission and role the call needs. */
  readonly permissionHint?: string
}

export interface GraphResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  /** Normalised: keys trimmed, a `{"value": {...}}` wrapper removed; undefined when empty. */
  readonly body: unknown
  readonly clientRequestId: string
}

export interface GraphCallOptions {
  readonly headers?: Readonly<Record<string, string>>
  readonly permissionHint?: string
}

/** Pages followed at most by getAll: 250 CAs at $top=999 fit in one; this only stops a loop. */
const MAX_PAGES = 1000

export class GraphClient {
  readonly #http: HttpClient
  readonly #base: string
  readonly #origin: string
  readonly #token: string
  /** Graph takes JSON batches on these paths; false once it refused one (batch/refusal.ts). */
  #batching = true
  /** Batches answered 503/504 so far: the second counts as a refusal. */
  #outages = 0

  constructor(options: GraphClientOptions) {
    this.#http = options.http
    this.#base = `${options.graphUrl.replace(/\/+$/, '')}/${options.apiVersion}`
    this.#origin = new URL(options.graphUrl).origin
    this.#token = options.accessToken
  }

  /** The absolute URL of a path; an absolute URL must be on the Graph host (the token goes with it). */
  url(path: string): string {
    if (/^https?:\/\//i.test(path)) {
      if (new URL(path).origin !== this.#origin) {
        throw new Error(`Refusing to send the Graph token to ${new URL(path).origin} (expected ${this.#origin})`)
      }
      return path
    }
    return `${this.#base}${path.startsWith('/') ? '' : '/'}${path}`
  }

  async request(req: GraphRequest): Promise<GraphResponse> {
    const response = await this.#http.request({
      method: req.method,
      url: this.url(req.path),
      token: this.#token,
      service: 'Microsoft Graph',
      ...(req.body !== undefined ? { body: req.body } : {}),
      ...(req.headers !== undefined ? { headers: req.headers } : {}),
      ...(req.permissionHint !== undefined ? { permissionHint: req.permissionHint } : {})
    })
    return {
      status: response.status,
      headers: response.headers,
      body: normaliseGraphBody(response.body),
      clientRequestId: response.clientRequestId
    }
  }

  /** GET one object. */
  async get(path: string, options: GraphCallOptions = {}): Promise<JsonObject> {
    const response = await this.request({ method: 'GET', path, ...options })
    return this.#expectObject(response, 'GET', path)
  }

  /** POST; the created object (200 or 201), or undefined when the service sent no body. */
  async post(path: string, body: unknown, options: GraphCallOptions = {}): Promise<JsonObject | undefined> {
    const response = await this.request({ method: 'POST', path, body, ...options })
    return isJsonObject(response.body) ? response.body : undefined
  }

  /** PATCH; the updated object when the service returns one (200), else undefined (204). */
  async patch(path: string, body: unknown, options: GraphCallOptions = {}): Promise<JsonObject | undefined> {
    const response = await this.request({ method: 'PATCH', path, body, ...options })
    return isJsonObject(response.body) ? response.body : undefined
  }

  async delete(path: string, options: GraphCallOptions = {}): Promise<void> {
    await this.request({ method: 'DELETE', path, ...options })
  }

  /**
   * Many requests in JSON batches (batch/: ≤20 a batch, a few batches at once, throttled items
   * resent, lost POSTs reported as ambiguous); one result per item, in the order given.
   */
  async batch(items: readonly BatchItem[], options: BatchOptions = {}): Promise<BatchResult[]> {
    if (items.length === 0) return []
    const transport: BatchTransport = {
      retry: this.#http.retryPolicy,
      displayPath: (path) => displayPath(this.url(path)),
      batching: () => this.#batching,
      outage: () => ++this.#outages > 1,
      refused: (reason) => {
        if (!this.#batching) return
        this.#batching = false
        this.#http.retryPolicy.logger.info(
          `Microsoft Graph refused a JSON batch on these paths (${reason}); sending one request per write from now on.`
        )
      },
      single: async (item, singleOptions) => {
        const response = await this.request({
          method: item.method,
          path: item.path,
          ...(item.body !== undefined ? { body: item.body } : {}),
          ...(item.headers !== undefined ? { headers: item.headers } : {}),
          ...(singleOptions.permissionHint !== undefined ? { permissionHint: singleOptions.permissionHint } : {})
        })
        return {
          status: response.status,
          headers: response.headers,
          body: response.body,
          clientRequestId: response.clientRequestId,
          attempts: 1
        }
      },
      send: (requests, idempotent) =>
        this.#http.request({
          method: 'POST',
          url: this.url('/$batch'),
          token: this.#token,
          service: 'Microsoft Graph',
          body: { requests },
          idempotent,
          ...(options.permissionHint !== undefined ? { permissionHint: options.permissionHint } : {})
        })
    }
    return runBatch(
      transport,
      items.map((item) => ({ ...item, path: this.#relative(item.path) })),
      options
    )
  }

  /** Every item of a collection: follows `@odata.nextLink` until it is absent. */
  async getAll(path: string, options: GraphCallOptions = {}): Promise<JsonObject[]> {
    const items: JsonObject[] = []
    const seen = new Set<string>()
    let next: string | undefined = path
    for (let page = 0; next !== undefined; page++) {
      if (page >= MAX_PAGES || seen.has(next)) {
        throw new Error(`GET ${displayPath(this.url(path))}: paging did not end (@odata.nextLink repeats or exceeds ${MAX_PAGES} pages)`)
      }
      seen.add(next)
      const response = await this.request({ method: 'GET', path: next, ...options })
      const body = this.#expectObject(response, 'GET', next)
      const value = prop(body, 'value')
      if (value !== undefined && !Array.isArray(value)) {
        throw this.#protocolError(response, 'GET', next, 'the response is not a collection (`value` is not an array)')
      }
      for (const item of value ?? []) {
        if (isJsonObject(item)) items.push(item)
      }
      const link = prop(body, '@odata.nextLink')
      next = typeof link === 'string' && link !== '' ? link : undefined
    }
    return items
  }

  /** The retry rule's pause before retry number `retryIndex + 1` (backoff with jitter; the client's clock and sleep). */
  async pause(retryIndex: number): Promise<void> {
    const policy = this.#http.retryPolicy
    await policy.sleep(policy.delay(undefined, retryIndex))
  }

  /** Whether writes still travel in JSON batches (false once Graph refused one). */
  get batching(): boolean {
    return this.#batching
  }

  /** A batch item's URL: relative to the version, so an absolute one must lie under it. */
  #relative(path: string): string {
    if (!/^https?:\/\//i.test(path)) return path.startsWith('/') ? path : `/${path}`
    const url = this.url(path)
    if (!url.startsWith(`${this.#base}/`)) throw new Error(`A batch item must address ${this.#base}/…, not ${displayPath(url)}`)
    return url.slice(this.#base.length)
  }

  #expectObject(response: GraphResponse, method: HttpMethod, path: string): JsonObject {
    if (isJsonObject(response.body)) return response.body
    throw this.#protocolError(response, method, path, 'the response body is not a JSON object')
  }

  #protocolError(response: GraphResponse, method: HttpMethod, path: string, what: string): GraphError {
    return new GraphError({
      service: 'Microsoft Graph',
      method,
      path: displayPath(this.url(path)),
      status: response.status,
      code: undefined,
      graphMessage: what,
      requestId: response.headers['request-id'],
      clientRequestId: response.clientRequestId,
      date: response.headers.date,
      attempts: 1,
      mayHaveBeenApplied: false
    })
  }
}
