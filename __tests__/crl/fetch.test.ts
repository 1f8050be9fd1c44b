// The CRL download against the loopback CRL host: Entra's limits (10 s, the cloud's size cap)
// with short injected limits so nothing waits for real, streaming that stops at the cap, and the
// action's proxy rules (the same dispatcher as Graph).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { rmSync } from 'node:fs'
import { createDispatcher } from '../../src/http/dispatcher.ts'
import { crlFetcher } from '../../src/crl/fetch.ts'
import { CRL_SIZE_LIMITS } from '../../src/crl/limits.ts'
import { makeCrl, makeTestAuthority, type TestAuthority } from '../../emulator/crl-authority.ts'
import { startCrlHost, type CrlHost } from '../../emulator/crl-host.ts'
import { freePort } from '../helpers/loopback.ts'

let host: CrlHost
let ca: TestAuthority
let crl: Buffer
beforeAll(async () => {
  host = await startCrlHost()
  ca = makeTestAuthority('Fetch CA', 'p256')
  crl = makeCrl(ca)
  host.route('good.crl', { kind: 'bytes', body: crl })
  host.route('missing.crl', { kind: 'status', status: 404 })
  host.route('forbidden.crl', { kind: 'status', status: 403 })
  host.route('moved.crl', { kind: 'redirect', location: '/good.crl' })
  host.route('slow.crl', { kind: 'slow', body: crl, intervalMs: 40 })
  host.route('late.crl', { kind: 'bytes', body: crl, delayMs: 2_000 })
  host.route('huge.crl', { kind: 'oversized', bytes: 200_000_000 })
  host.route('just-fits.crl', { kind: 'oversized', bytes: 1_000_000 })
})
afterAll(async () => {
  await host.close()
  rmSync(ca.dir, { recursive: true, force: true })
})

const fetcher = (overrides: { maxBytes?: number; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}) =>
  crlFetcher({
    dispatcher: createDispatcher(overrides.env ?? {}),
    maxBytes: overrides.maxBytes ?? CRL_SIZE_LIMITS.global,
    timeoutMs: overrides.timeoutMs ?? 5_000
  })

describe('what a download comes back as', () => {
  it('200: the bytes, exactly', async () => {
    const result = await fetcher()(host.url('good.crl'))
    expect(result).toEqual({ kind: 'ok', bytes: crl })
  })
  it.each([
    ['missing.crl', 404],
    ['forbidden.crl', 403]
  ])('%s: its status', async (name, status) => {
    expect(await fetcher()(host.url(name))).toEqual({ kind: 'http-status', status })
  })
  it('a redirect is followed, as an HTTP client at Entra would', async () => {
    expect(await fetcher()(host.url('moved.crl'))).toEqual({ kind: 'ok', bytes: crl })
  })
  it('nothing listening: unreachable, in a few words', async () => {
    const port = await freePort()
    expect(await fetcher()(`http://127.0.0.1:${port}/x.crl`)).toEqual({ kind: 'unreachable', reason: 'connection refused (ECONNREFUSED)' })
  })
})

describe('the time limit covers the whole download (an injected 150 ms here; 10 s in the action)', () => {
  it.each(['slow.crl', 'late.crl'])('%s times out once the limit passes, not later', async (name) => {
    const started = performance.now()
    const result = await fetcher({ timeoutMs: 150 })(host.url(name))
    const elapsed = performance.now() - started
    expect(result).toMatchObject({ kind: 'timeout', limitMs: 150 })
    expect(elapsed).toBeGreaterThanOrEqual(140)
    expect(elapsed).toBeLessThan(800)
  })
})

describe('the size cap: reading stops at it', () => {
  it('a 200 MB CRL: reading stops just past 20 MB, and the server could send little more than that', async () => {
    const rssBefore = process.memoryUsage().rss
    const result = await fetcher()(host.url('huge.crl'))
    expect(result).toMatchObject({ kind: 'too-large', limit: 20_000_000 })
    const read = result.kind === 'too-large' ? result.bytesRead : 0
    expect(read).toBeGreaterThan(20_000_000)
    expect(read).toBeLessThan(20_000_000 + 1_000_000)
    // Give the server a moment to notice the closed connection, then count what it wrote:
    // the cap plus what socket buffers hold, nowhere near 200 MB.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(host.sent('huge.crl')).toBeLessThan(20_000_000 + 16_000_000)
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(120_000_000)
  })
  it("the cap is the caller's: 45 MB for US Gov lets a 21 MB CRL through; a cap one byte short of a body stops it", async () => {
    host.route('mid.crl', { kind: 'oversized', bytes: 21_000_000 })
    expect(await fetcher({ maxBytes: CRL_SIZE_LIMITS.usgov })(host.url('mid.crl'))).toMatchObject({ kind: 'ok' })
    expect(await fetcher({ maxBytes: 1_000_000 })(host.url('just-fits.crl'))).toMatchObject({ kind: 'ok' })
    expect(await fetcher({ maxBytes: 999_999 })(host.url('just-fits.crl'))).toMatchObject({ kind: 'too-large', limit: 999_999 })
  })
})

describe('proxy rules: the same as for Graph', () => {
  let proxy: Server
  let proxied: string[] = []
  let proxyUrl = ''
  beforeAll(async () => {
    // A forward proxy for http URLs: it receives absolute-form request lines and relays them.
    proxy = createServer((req, res) => {
      proxied.push(req.url ?? '')
      const target = new URL(req.url ?? '')
      const upstream = httpRequest({ host: '127.0.0.1', port: target.port, path: target.pathname, method: req.method }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      })
      upstream.on('error', () => res.writeHead(502).end())
      upstream.end()
    })
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    proxy.closeAllConnections()
    await new Promise((resolve) => proxy.close(resolve))
  })

  it('HTTP_PROXY carries the download', async () => {
    proxied = []
    const result = await fetcher({ env: { HTTP_PROXY: proxyUrl } })(host.url('good.crl'))
    expect(result).toEqual({ kind: 'ok', bytes: crl })
    expect(proxied).toEqual([host.url('good.crl')])
  })
  it('NO_PROXY names hosts reached directly', async () => {
    proxied = []
    const result = await fetcher({ env: { HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' } })(host.url('good.crl'))
    expect(result).toEqual({ kind: 'ok', bytes: crl })
    expect(proxied).toEqual([])
  })
})
