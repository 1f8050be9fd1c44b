// Downloads a CRL the way Entra does at sign-in, within Entra's limits: 10 s for the whole
// download and a size cap per cloud (see limits.ts). The body is streamed and counted; at the
// cap the connection is dropped, so a 200 MB file costs at most the cap in memory, never more.
// Requests go through the caller's undici dispatcher: the action's one HTTP stack, with its
// proxy rules (HTTP_PROXY / HTTPS_PROXY / NO_PROXY).
import { request, type Dispatcher } from 'undici'
import type { Download, Fetch } from './types.ts'

export interface FetcherOptions {
  readonly dispatcher: Dispatcher
  /** Stop reading beyond this many bytes (the cloud's limit). */
  readonly maxBytes: number
  /** Give up on a download (headers and body) after this long: Entra's 10 s, shorter in tests. */
  readonly timeoutMs: number
  readonly userAgent?: string
}

/** Entra allows a CRL download 10 s (Microsoft's CRL page, "maximum size of a CRL" note). */
export const DOWNLOAD_TIMEOUT_MS = 10_000
/** CRL servers behind a load balancer or CDN answer with redirects; a loop of them is an error. */
const MAX_REDIRECTS = 5

export function crlFetcher(options: FetcherOptions): Fetch {
  return (url) => download(url, options)
}

async function download(url: string, options: FetcherOptions): Promise<Download> {
  const abort = new AbortController()
  let bytesRead = 0
  const timer = setTimeout(() => abort.abort(), options.timeoutMs)
  try {
    let target = url
    for (let redirects = 0; ; redirects++) {
      const response = await request(target, {
        dispatcher: options.dispatcher,
        method: 'GET',
        signal: abort.signal,
        headers: { 'user-agent': options.userAgent ?? 'entra-ca-chain-action (CRL check)' }
      })
      const location = response.headers.location
      if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === 'string' && redirects < MAX_REDIRECTS) {
        discard(response.body)
        target = new URL(location, target).toString()
        continue
      }
      if (response.statusCode !== 200) {
        discard(response.body)
        return { kind: 'http-status', status: response.statusCode }
      }
      // A body announced as larger than the cap is still read up to the cap (the announcement
      // may be wrong), but not kept: then memory stays flat whatever the size.
      const declared = Number(response.headers['content-length'] ?? Number.NaN)
      const keep = !(declared > options.maxBytes)
      const chunks: Buffer[] = []
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        bytesRead += chunk.length
        if (bytesRead > options.maxBytes) {
          // Dropping the connection stops the server; what was read so far is let go.
          discard(response.body)
          return { kind: 'too-large', bytesRead, limit: options.maxBytes }
        }
        if (keep) chunks.push(chunk)
      }
      if (!keep) return { kind: 'unreachable', reason: `the body ended before its announced length of ${declared} bytes` }
      return { kind: 'ok', bytes: Buffer.concat(chunks, bytesRead) }
    }
  } catch (error) {
    if (abort.signal.aborted) return { kind: 'timeout', limitMs: options.timeoutMs, bytesRead }
    return { kind: 'unreachable', reason: describe(error) }
  } finally {
    clearTimeout(timer)
  }
}

/** Drops a body without reading it: the connection closes, and the abort it reports is expected. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined)
  body.destroy()
}

/** A transport error in a few words, e.g. "connection refused (ECONNREFUSED)"; never a stack. */
function describe(error: unknown): string {
  const err = error as { code?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } }
  const code = typeof err.cause?.code === 'string' ? err.cause.code : typeof err.code === 'string' ? err.code : undefined
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host name lookup failed',
    ECONNRESET: 'connection reset',
    UND_ERR_SOCKET: 'connection closed by the server',
    UND_ERR_CONNECT_TIMEOUT: 'connect timeout',
    ERR_INVALID_URL: 'invalid URL'
  }
  if (code !== undefined) return `${known[code] ?? 'network error'} (${code})`
  const message = typeof err.message === 'string' ? err.message : String(error)
  return message.split('\n')[0]!.slice(0, 200)
}
