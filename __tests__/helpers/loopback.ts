// Small loopback servers for network tests: an HTTPS server that records what it receives and
// answers through a handler, a CONNECT proxy that maps `*.test` names to 127.0.0.1, and a
// resolver that does the same for direct connections.
import type { AddressInfo, LookupFunction, Socket } from 'node:net'
import { connect as netConnect, createServer as createNetServer } from 'node:net'
import { createServer as createHttpServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { makeLoopbackTls, type LoopbackTls } from '../../emulator/tls.ts'

export interface RecordedRequest {
  readonly method: string
  /** Path and query, as sent. */
  readonly url: string
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

export type Handler = (req: RecordedRequest, res: ServerResponse, raw: IncomingMessage) => void | Promise<void>

export interface LoopbackServer {
  readonly port: number
  /** `https://127.0.0.1:<port>`, or with the given host name. */
  origin(host?: string): string
  readonly requests: RecordedRequest[]
  close(): Promise<void>
}

/** A throw-away CA and server certificate (valid for 127.0.0.1, localhost and *.test). */
export function testTls(): LoopbackTls & { dispose(): void } {
  const tls = makeLoopbackTls()
  return { ...tls, dispose: () => rmSync(dirname(tls.caFile), { recursive: true, force: true }) }
}

export async function startHttpsServer(tls: LoopbackTls, handler: Handler, port = 0): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = []
  const server = createHttpsServer({ cert: tls.cert, key: tls.key }, (raw, res) => {
    const chunks: Buffer[] = []
    raw.on('data', (chunk: Buffer) => chunks.push(chunk))
    raw.on('end', () => {
      const recorded = { method: raw.method ?? '', url: raw.url ?? '', headers: raw.headers, body: Buffer.concat(chunks).toString('utf8') }
      requests.push(recorded)
      Promise.resolve(handler(recorded, res, raw)).catch((error: unknown) => {
        res.writeHead(599).end(String(error))
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const actual = (server.address() as AddressInfo).port
  return {
    port: actual,
    origin: (host = '127.0.0.1') => `https://${host}:${actual}`,
    requests,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body)
  res.writeHead(status, { ...(text !== '' ? { 'content-type': 'application/json' } : {}), ...headers })
  res.end(text)
}

/** Maps `*.test` to 127.0.0.1; anything else fails to resolve. */
export function mapTestHost(host: string): string | undefined {
  const name = host.toLowerCase()
  if (name === '127.0.0.1' || name === 'localhost') return '127.0.0.1'
  return name.endsWith('.test') ? '127.0.0.1' : undefined
}

/** A resolver for direct (unproxied) connections to `*.test` names. */
export const testLookup: LookupFunction = (hostname, options, callback) => {
  const address = mapTestHost(hostname)
  if (address === undefined) {
    callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 4)
  } else if (options.all === true) {
    ;(callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family: 4 }])
  } else {
    callback(null, address, 4)
  }
}

export interface ConnectProxy {
  readonly url: string
  /** `host:port` of every CONNECT it received. */
  readonly connects: string[]
  close(): Promise<void>
}

/** An HTTP proxy that tunnels CONNECT requests, resolving `*.test` to 127.0.0.1. */
export async function startConnectProxy(): Promise<ConnectProxy> {
  const connects: string[] = []
  const sockets = new Set<Socket>()
  const server = createHttpServer((_req, res) => {
    res.writeHead(405).end()
  })
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? ''
    connects.push(target)
    const [host = '', port = '443'] = target.split(':')
    const address = mapTestHost(host)
    if (address === undefined) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
      return
    }
    const upstream = netConnect(Number(port), address, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
      s.on('close', () => sockets.delete(s))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connects,
    close: async () => {
      for (const s of sockets) s.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

/** A port nothing listens on (for connection-refused cases). */
export async function freePort(): Promise<number> {
  const server = createNetServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** A JWT-shaped token (unsigned) carrying `claims`, as the fake endpoints hand out. */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'RS256', typ: 'JWT', kid: 'test' })}.${part(claims)}.${Buffer.from('signature').toString('base64url')}`
}

/** A logger that keeps every line, for assertions on what was (not) logged. */
export function captureLogger(): { lines: string[]; info(m: string): void; debug(m: string): void; warning(m: string): void } {
  const lines: string[] = []
  return {
    lines,
    info: (m) => {
      lines.push(`info: ${m}`)
    },
    debug: (m) => {
      lines.push(`debug: ${m}`)
    },
    warning: (m) => {
      lines.push(`warning: ${m}`)
    }
  }
}
