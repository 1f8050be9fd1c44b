// The undici dispatcher every request goes through (OIDC, MSAL, Graph), so that one proxy
// configuration and one set of timeouts apply to all of them.
import type { ConnectionOptions } from 'node:tls'
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici'

export interface DispatcherOptions {
  /** TCP + TLS connect, per connection. Default 15 s. */
  readonly connectTimeoutMs?: number
  /**
   * Bound on waiting for response headers, and on any pause while reading the body, so that a
   * server that never answers fails in bounded time. Default 60 s.
   */
  readonly requestTimeoutMs?: number
  /** Extra TLS/socket options for every connection, proxied or not (tests: a loopback CA, a resolver). */
  readonly connect?: Readonly<Pick<ConnectionOptions, 'ca' | 'lookup'>>
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 15_000
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000

/** The proxy settings found in an environment; lower-case names win, as with curl and undici. */
export interface ProxySettings {
  readonly httpProxy: string
  readonly httpsProxy: string
  readonly noProxy: string
}

export function proxySettings(env: NodeJS.ProcessEnv): ProxySettings {
  const pick = (name: string): string => (env[name.toLowerCase()] ?? env[name.toUpperCase()] ?? '').trim()
  return { httpProxy: pick('http_proxy'), httpsProxy: pick('https_proxy'), noProxy: pick('no_proxy') }
}

/**
 * An EnvHttpProxyAgent when HTTPS_PROXY or HTTP_PROXY is set (an https URL uses HTTPS_PROXY,
 * else HTTP_PROXY; NO_PROXY lists hosts to reach directly), else a plain Agent. The proxy
 * settings are read from `env`, never from process.env behind the caller's back.
 */
export function createDispatcher(env: NodeJS.ProcessEnv, options: DispatcherOptions = {}): Dispatcher {
  const connectTimeout = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
  const tls = { ...options.connect }
  const common = { connectTimeout, headersTimeout: requestTimeout, bodyTimeout: requestTimeout }
  const proxy = proxySettings(env)
  if (proxy.httpProxy === '' && proxy.httpsProxy === '') {
    return new Agent({ ...common, connect: tls })
  }
  // Every value is passed explicitly (an empty string means "none"), so that undici does not
  // fall back to process.env.
  return new EnvHttpProxyAgent({
    ...common,
    connect: tls,
    requestTls: tls,
    proxyTls: tls,
    httpProxy: proxy.httpProxy,
    httpsProxy: proxy.httpsProxy,
    noProxy: proxy.noProxy
  })
}
