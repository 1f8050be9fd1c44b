// Dev tool (tests, demo, bench): a loopback HTTP server that plays CRL distribution points,
// healthy and broken: a good CRL, PEM instead of DER, expired, signed by another CA, oversized
// (streamed from nothing, so a 200 MB CRL costs no memory), slow (trickled), missing (404).
// Every request is recorded, and an oversized route counts the bytes it managed to send, so a
// test can prove the client stopped reading at its limit.
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { makeCrl, type TestAuthority } from './crl-authority.ts'

export type CrlRoute =
  /** Serves these bytes (a CRL in whatever shape), optionally after a pause. */
  | { readonly kind: 'bytes'; readonly body: Buffer; readonly delayMs?: number }
  /** Answers this status with a short text body. */
  | { readonly kind: 'status'; readonly status: number }
  /** Sends the body a few bytes at a time, one piece every `intervalMs`, forever if need be. */
  | { readonly kind: 'slow'; readonly body: Buffer; readonly intervalMs: number }
  /** Streams `bytes` bytes: a DER SEQUENCE header that promises them, then zeros. */
  | { readonly kind: 'oversized'; readonly bytes: number }
  /** Answers 302 to `location`. */
  | { readonly kind: 'redirect'; readonly location: string }

export interface CrlHostRequest {
  readonly method: string
  readonly path: string
}

export interface CrlHost {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string
  url(name: string): string
  route(name: string, route: CrlRoute): void
  readonly requests: CrlHostRequest[]
  /** Bytes of body written for `name` so far (for oversized and slow routes). */
  sent(name: string): number
  close(): Promise<void>
}

const CHUNK = 64 * 1024

export async function startCrlHost(): Promise<CrlHost> {
  const routes = new Map<string, CrlRoute>()
  const sent = new Map<string, number>()
  const requests: CrlHostRequest[] = []
  const server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').split('?')[0]!.replace(/^\/+/, ''))
    requests.push({ method: req.method ?? '', path: `/${name}` })
    const route = routes.get(name)
    const count = (bytes: number): void => {
      sent.set(name, (sent.get(name) ?? 0) + bytes)
    }
    if (route === undefined) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('no such CRL\n')
    serve(route, res, count)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    url: (name) => `${origin}/${name}`,
    route: (name, route) => {
      routes.set(name, route)
      sent.delete(name)
    },
    requests,
    sent: (name) => sent.get(name) ?? 0,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

function serve(route: CrlRoute, res: ServerResponse, count: (bytes: number) => void): void {
  const der = { 'content-type': 'application/pkix-crl' }
  switch (route.kind) {
    case 'status':
      res.writeHead(route.status, { 'content-type': 'text/plain' }).end(`status ${route.status}\n`)
      return
    case 'bytes': {
      const send = (): void => {
        if (!res.destroyed) res.writeHead(200, { ...der, 'content-length': String(route.body.length) }).end(route.body)
      }
      if (route.delayMs === undefined) send()
      else setTimeout(send, route.delayMs).unref()
      return
    }
    case 'slow': {
      res.writeHead(200, der)
      let at = 0
      const timer = setInterval(() => {
        if (res.destroyed) return void clearInterval(timer)
        const piece = route.body.subarray(at, at + 16)
        at += piece.length
        count(piece.length)
        if (at >= route.body.length) {
          clearInterval(timer)
          res.end(piece)
        } else res.write(piece)
      }, route.intervalMs)
      timer.unref()
      res.on('close', () => clearInterval(timer))
      return
    }
    case 'oversized':
      streamOversized(route.bytes, res, count)
      return
    case 'redirect':
      res.writeHead(302, { location: route.location }).end()
      return
  }
}

/** Writes `total` bytes as fast as the client reads them, and stops the moment it goes away. */
function streamOversized(total: number, res: ServerResponse, count: (bytes: number) => void): void {
  res.writeHead(200, { 'content-type': 'application/pkix-crl', 'content-length': String(total) })
  // SEQUENCE with a 4-octet length: what a large CRL starts with.
  const header = Buffer.from([0x30, 0x84, ...u32(total - 6)])
  const zeros = Buffer.alloc(CHUNK)
  let written = 0
  const pump = (): void => {
    while (written < total && !res.destroyed) {
      const piece = written === 0 ? Buffer.concat([header, zeros.subarray(header.length)]) : zeros
      const slice = piece.subarray(0, Math.min(piece.length, total - written))
      written += slice.length
      count(slice.length)
      if (!res.write(slice)) return void res.once('drain', pump)
    }
    if (written >= total) res.end()
  }
  pump()
}

const u32 = (n: number): number[] => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]

/** The routes every CRL scenario test needs, for `ca` (and `other`, a CA that is not `ca`). */
export const SCENARIOS = [
  'good',
  'pem',
  'expired',
  'not-yet-valid',
  'foreign',
  'forged',
  'oversized',
  'slow',
  'missing',
  'garbage'
] as const
export type Scenario = (typeof SCENARIOS)[number]

export interface ScenarioOptions {
  /** Bytes of the oversized CRL; default 21 MB (over the public cloud's 20 MB). */
  readonly oversizedBytes?: number
  /** Pause between the slow route's pieces; default 50 ms. */
  readonly slowIntervalMs?: number
}

/** Routes `<prefix>-<scenario>.crl` for each scenario, with CRLs `ca` (or `other`) signed just now. */
export function serveScenarios(
  host: CrlHost,
  ca: TestAuthority,
  other: TestAuthority,
  prefix: string,
  options: ScenarioOptions = {}
): Record<Scenario, string> {
  const now = Date.now()
  const day = 86_400_000
  const good = makeCrl(ca)
  const routes: Record<Scenario, CrlRoute> = {
    good: { kind: 'bytes', body: good },
    pem: { kind: 'bytes', body: makeCrl(ca, { format: 'pem' }) },
    expired: { kind: 'bytes', body: makeCrl(ca, { thisUpdate: new Date(now - 40 * day), nextUpdate: new Date(now - day) }) },
    'not-yet-valid': { kind: 'bytes', body: makeCrl(ca, { thisUpdate: new Date(now + day) }) },
    foreign: { kind: 'bytes', body: makeCrl(ca, { signer: other }) },
    forged: { kind: 'bytes', body: makeCrl(ca, { signer: other, aki: ca.ski }) },
    oversized: { kind: 'oversized', bytes: options.oversizedBytes ?? 21_000_000 },
    slow: { kind: 'slow', body: good, intervalMs: options.slowIntervalMs ?? 50 },
    missing: { kind: 'status', status: 404 },
    garbage: { kind: 'bytes', body: Buffer.from('<html><body>Service Unavailable</body></html>\n') }
  }
  const urls = {} as Record<Scenario, string>
  for (const scenario of SCENARIOS) {
    host.route(`${prefix}-${scenario}.crl`, routes[scenario])
    urls[scenario] = host.url(`${prefix}-${scenario}.crl`)
  }
  return urls
}
