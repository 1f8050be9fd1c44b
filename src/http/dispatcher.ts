// The undici dispatcher every request goes through (OIDC, MSAL, Graph), so that one proxy
// configuration and one set of timeouts apply to all of them.
import { Socket as NetSocket, type Socket } from 'node:net'
import type { ConnectionOptions } from 'node:tls'
import { Agent, buildConnector, EnvHttpProxyAgent, type Dispatcher } from 'undici'

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
    const connector = new WarmConnector({ ...tls, timeout: connectTimeout })
    const agent = new Agent({ ...common, connect: connector.connect })
    warmConnectors.set(agent, connector)
    return agent
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

/**
 * Opens `connections` connections to the origin of `url` now, for requests about to be sent
 * there: their TCP and TLS handshakes then overlap the round trip the run is waiting for, instead
 * of following it (on a real network, one or two round trips per new connection). A no-op for a
 * dispatcher that goes through a proxy. A warm connection is used by the next request to that
 * origin that needs a new one; one left unused does not keep the process alive.
 */
export function preconnect(dispatcher: Dispatcher, url: string, connections = 1): void {
  warmConnectors.get(dispatcher)?.preconnect(new URL(url), connections)
}

const warmConnectors = new WeakMap<Dispatcher, WarmConnector>()

/** A warm connection older than this is closed instead of used: the server may be about to drop it as idle. */
const WARM_FOR_MS = 3_000

interface Warm {
  /** The connection, from the start of its handshake. */
  readonly socket: Socket
  /** Resolves once the handshake is done: true, or false when it failed. */
  readonly ready: Promise<boolean>
  readonly openedAt: number
}

/** undici's own connector, plus connections opened ahead of need (see preconnect). */
class WarmConnector {
  readonly #connect: buildConnector.connector
  readonly #warm = new Map<string, Warm[]>()

  constructor(options: buildConnector.BuildOptions) {
    this.#connect = buildConnector(options)
  }

  readonly connect: buildConnector.connector = (options, callback) => {
    const warm = this.#warm.get(originKey(options.protocol, options.hostname, options.port))?.shift()
    if (warm === undefined) {
      this.#connect(options, callback)
      return
    }
    // From here a request waits for it: it keeps the process alive like any connection in use.
    warm.socket.ref()
    void warm.ready.then((connected) => {
      if (!connected || warm.socket.destroyed || Date.now() - warm.openedAt > WARM_FOR_MS) {
        warm.socket.destroy()
        this.#connect(options, callback)
        return
      }
      callback(null, warm.socket)
    })
  }

  preconnect(url: URL, connections: number): void {
    const key = originKey(url.protocol, url.hostname, url.port)
    const list = this.#warm.get(key) ?? []
    this.#warm.set(key, list)
    for (let i = 0; i < connections; i++) {
      let settle: (connected: boolean) => void = () => undefined
      const ready = new Promise<boolean>((resolve) => (settle = resolve))
      // A failure here is not reported: the request that needs the connection connects itself.
      // undici's connector returns the socket it starts (its typings say void).
      const started = this.#connect({ protocol: url.protocol, hostname: url.hostname, host: url.host, port: url.port }, (...args) =>
        settle(args[0] === null)
      ) as unknown
      if (!(started instanceof NetSocket)) return
      const socket = started
      // Until a request takes it, neither the handshake nor the idle connection keeps the process alive.
      socket.unref()
      list.push({ socket, ready, openedAt: Date.now() })
    }
  }
}

function originKey(protocol: string, hostname: string, port: string): string {
  return `${protocol}//${hostname}:${port === '' ? (protocol === 'https:' ? '443' : '80') : port}`
}
