// When to try a request again, and how long to wait first.
//
// The rule (contract.md "Talking to Graph": no run creates a duplicate):
// - Safe to repeat, for every method: 429 (throttled before any work), 409
//   Directory_ConcurrencyViolation (rejected), 503 with Retry-After (the service turned the
//   request away and said when to come back, graph-api.md §4.4), and a connection that failed
//   before the request was sent (refused, unreachable, DNS try-again, connect timeout, proxy
//   tunnel refused).
// - Repeated only when the request is idempotent (GET, PUT, PATCH, DELETE, or a POST the caller
//   marks so, such as a token request): 503 without Retry-After, 504, and a connection that
//   dropped or timed out after the request went out: the server may have done the work.
// - For a POST that is not marked idempotent, those outcomes raise AmbiguousWriteError at once,
//   so that the caller re-reads and creates only what is still missing.

/** Statuses retried for every request (subject to the rule above). */
/** Graph's 409 for a concurrent update of the same directory object: retried like a 429. */
export const CONCURRENCY_VIOLATION = 'directory_concurrencyviolation'

export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503, 504])

export interface BackoffOptions {
  /** Delay before the first retry, before jitter. */
  readonly baseDelayMs: number
  /** Largest delay from backoff, before jitter. */
  readonly maxDelayMs: number
  /** Largest wait a Retry-After header can impose. */
  readonly maxRetryAfterMs: number
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 }

/**
 * Retry-After as milliseconds to wait: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined
  const text = value.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  // An HTTP date names its day and month; Date.parse alone would read "-1" as a year.
  const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - nowMs)
}

/** Exponential backoff with full jitter: uniform in [0, min(max, base * 2^retry)). */
export function backoffDelay(retryIndex: number, random: () => number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retryIndex)
  return Math.floor(random() * ceiling)
}

/** The wait before the next attempt: Retry-After when given (capped), else backoff. */
export function retryDelay(
  retryAfterMs: number | undefined,
  retryIndex: number,
  random: () => number,
  options: BackoffOptions = DEFAULT_BACKOFF
): number {
  return retryAfterMs !== undefined ? Math.min(retryAfterMs, options.maxRetryAfterMs) : backoffDelay(retryIndex, random, options)
}

/**
 * `before-send`: nothing reached the server, repeat freely; `after-send`: the server may have
 * acted; `permanent`: repeating cannot help (bad certificate, unknown host).
 */
export type TransportPhase = 'before-send' | 'after-send' | 'permanent'

export interface TransportFailure {
  readonly phase: TransportPhase
  /** For messages: "connection refused (ECONNREFUSED)". */
  readonly description: string
}

const BEFORE_SEND: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'host unreachable',
  EAI_AGAIN: 'DNS lookup failed for now',
  UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
  UND_ERR_PRX_CONN: 'could not reach the proxy'
}

const AFTER_SEND: Readonly<Record<string, string>> = {
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while sending',
  ECONNABORTED: 'connection aborted',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for the response',
  UND_ERR_BODY_TIMEOUT: 'timed out reading the response body',
  UND_ERR_ABORTED: 'request aborted',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'response cut short'
}

const PERMANENT: Readonly<Record<string, string>> = {
  ENOTFOUND: 'host not found (check the URL and DNS)',
  UND_ERR_PRX_TLS: 'TLS connection to the proxy failed'
}

const TLS_CODE = /^(CERT_|UNABLE_TO_|ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH)/

/** The error that carries the code: itself, the first of an AggregateError, or its cause. */
function codedError(error: unknown): { code: string; address: string } | undefined {
  if (error === null || typeof error !== 'object') return undefined
  const { code, cause, errors, address, port } = error as {
    code?: unknown
    cause?: unknown
    errors?: unknown
    address?: unknown
    port?: unknown
  }
  // Happy eyeballs (autoSelectFamily) reports an AggregateError of the per-address failures.
  if (typeof code !== 'string' && Array.isArray(errors) && errors.length > 0) return codedError(errors[0])
  if (typeof code !== 'string') return cause !== undefined ? codedError(cause) : undefined
  // `127.0.0.1:8080`: with a proxy, it tells whether the proxy was the problem.
  const where = typeof address === 'string' ? ` ${address}${typeof port === 'number' ? `:${port}` : ''}` : ''
  return { code, address: where }
}

/** Sorts an error thrown by undici; undefined when it is not a transport error (a bug). */
export function classifyTransportError(error: unknown): TransportFailure | undefined {
  const coded = codedError(error)
  if (coded === undefined) return undefined
  const { code, address } = coded
  const message = error instanceof Error ? error.message : ''
  // A proxy that refuses the CONNECT tunnel: nothing went to the target yet.
  if (code === 'UND_ERR_ABORTED' && /^Proxy response/.test(message)) {
    return { phase: 'before-send', description: `${message} (${code})` }
  }
  const before = BEFORE_SEND[code]
  if (before !== undefined) return { phase: 'before-send', description: `${before} (${code}${address})` }
  const after = AFTER_SEND[code]
  if (after !== undefined) return { phase: 'after-send', description: `${after} (${code})` }
  const permanent = PERMANENT[code]
  if (permanent !== undefined) return { phase: 'permanent', description: `${permanent} (${code})` }
  if (TLS_CODE.test(code)) {
    return {
      phase: 'permanent',
      description: `TLS certificate not accepted (${code}); behind a TLS-inspecting proxy, ` + 'trust its CA with NODE_EXTRA_CA_CERTS'
    }
  }
  // Unknown codes (HTTP parser errors and the like) happen once the request is out.
  return { phase: 'after-send', description: message !== '' ? `${message} (${code})` : code }
}
