// GraphClient.batch against a loopback $batch endpoint: chunks of at most 20 sent a few at once,
// per-item results in order, throttled items resent alone after the largest Retry-After, items that
// may have been applied never resent when they are POSTs (reported ambiguous), other errors traceable.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { setTimeout as delay } from 'node:timers/promises'
import type { Dispatcher } from 'undici'
import {
  AmbiguousWriteError,
  GraphClient,
  GraphError,
  HttpClient,
  createDispatcher,
  type BatchItem,
  type BatchResult
} from '../../src/http/index.ts'
import { captureLogger, sendJson, startHttpsServer, testTls, type Handler, type LoopbackServer } from '../helpers/loopback.ts'

interface Wire {
  id: string
  method: string
  url: string
  dependsOn?: string[]
  headers: Record<string, string>
  body?: unknown
}
interface Answer {
  status: number
  headers?: Record<string, string>
  body?: unknown
}
/** How the endpoint answers one item (undefined: no answer for it); `attempt` counts batches that carried that URL. */
type ItemRule = (item: Wire, attempt: number) => Answer | undefined
/** Takes over the whole $batch request when it returns true (`batch` counts $batch requests, from 1). */
type OuterRule = (res: Parameters<Handler>[1], raw: Parameters<Handler>[2], batch: number) => boolean

const tls = testTls()
let server: LoopbackServer
let itemRule: ItemRule
let outerRule: OuterRule
let batches: Wire[][]
let singles: string[]
let inFlight = 0
let peakInFlight = 0
let serverDelayMs = 0
const dispatchers: Dispatcher[] = []

const created: ItemRule = (item) => ({
  status: item.method === 'POST' ? 201 : 200,
  headers: { 'content-type': 'application/json' },
  body: { id: `id-${item.url}`, 'name ': item.url }
})

beforeAll(async () => {
  server = await startHttpsServer(tls, async (req, res, raw) => {
    // A request on its own (batching taken as refused, batch-fallback.test.ts): the item rule answers it.
    if (!req.url.endsWith('/$batch')) {
      const url = req.url.replace(/^\/beta/, '')
      singles.push(`${req.method} ${url}`)
      const answer = itemRule({ id: 'alone', method: req.method, url, headers: {} }, 1) ?? { status: 500 }
      sendJson(res, answer.status, answer.body ?? {}, answer.headers ?? {})
      return
    }
    const requests = (JSON.parse(req.body) as { requests: Wire[] }).requests
    batches.push(requests)
    inFlight++
    peakInFlight = Math.max(peakInFlight, inFlight)
    await delay(serverDelayMs)
    inFlight--
    if (outerRule(res, raw, batches.length)) return
    const responses = requests.flatMap((item) => {
      const attempt = batches.filter((b) => b.some((i) => i.url === item.url)).length
      const answer = itemRule(item, attempt)
      return answer === undefined ? [] : [{ id: item.id, ...answer }]
    })
    sendJson(res, 200, { responses: responses.reverse() })
  })
})
afterAll(async () => {
  await server.close()
  tls.dispose()
})
beforeEach(() => {
  itemRule = created
  outerRule = () => false
  batches = []
  singles = []
  peakInFlight = 0
  serverDelayMs = 0
})
afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((d) => d.destroy()))
})

function setup(options: { maxAttempts?: number } = {}) {
  const dispatcher = createDispatcher({}, { connect: { ca: tls.ca }, requestTimeoutMs: 5000 })
  dispatchers.push(dispatcher)
  const sleeps: number[] = []
  const logger = captureLogger()
  const http = new HttpClient({
    dispatcher,
    logger,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {})
  })
  const graph = new GraphClient({ http, graphUrl: server.origin(), apiVersion: 'beta', accessToken: 'at' })
  return { graph, sleeps, logger }
}

const posts = (n: number): BatchItem[] => Array.from({ length: n }, (_, i) => ({ method: 'POST', path: `/things/${i}`, body: { n: i } }))
const outcomes = (results: readonly BatchResult[]): string[] => results.map((r) => r.outcome)
const failure = (result: BatchResult | undefined): GraphError => {
  if (result?.outcome !== 'failed') throw new Error(`expected a failure, got ${result?.outcome}`)
  return result.error
}
const graphError = (status: number, code: string, extra: Record<string, string> = {}): Answer => ({
  status,
  headers: { 'content-type': 'application/json', ...extra },
  body: { error: { code, message: `m${status}`, innerError: { 'request-id': 'rid-body', date: '2026-01-02T03:04:05' } } }
})

describe('chunks, order and what is sent', () => {
  it('splits 45 items into batches of 20, 20 and 5; results come back in the order given, bodies normalised', async () => {
    const { graph } = setup()
    const results = await graph.batch(posts(45))
    expect(batches.map((b) => b.length).sort((a, b) => b - a)).toEqual([20, 20, 5])
    expect(results).toHaveLength(45)
    results.forEach((result, i) => {
      expect(result).toMatchObject({ outcome: 'done', status: 201, body: { id: `id-/things/${i}`, name: `/things/${i}` } })
    })
    expect(server.requests.every((r) => r.url === '/beta/$batch' && r.method === 'POST' && r.headers.authorization === 'Bearer at')).toBe(
      true
    )
    const items = batches.flat()
    expect(new Set(items.map((i) => i.headers['client-request-id'])).size).toBe(45)
    expect(items.every((i) => i.headers['content-type'] === 'application/json' && i.url.startsWith('/things/'))).toBe(true)
  })

  it.each<[string, number | undefined, number, number]>([
    ['default: 5 batches in flight', undefined, 100, 5],
    ['concurrency 2', 2, 100, 2],
    ['a single batch for 10 items', undefined, 10, 1]
  ])('%s', async (_name, concurrency, n, peak) => {
    serverDelayMs = 400 // long enough for every batch to be in flight on a busy machine
    const { graph } = setup()
    await graph.batch(posts(n), concurrency !== undefined ? { concurrency } : {})
    expect(batches).toHaveLength(Math.ceil(n / 20))
    expect(peakInFlight).toBe(peak)
  })

  it('sends nothing for no items; takes an absolute URL under the version; refuses another host', async () => {
    const { graph } = setup()
    await expect(graph.batch([])).resolves.toEqual([])
    expect(batches).toEqual([])
    await graph.batch([{ method: 'GET', path: `${server.origin()}/beta/things?$top=1` }])
    expect(batches[0]?.[0]?.url).toBe('/things?$top=1')
    await expect(graph.batch([{ method: 'GET', path: 'https://evil.test/beta/x' }])).rejects.toThrow(/Refusing to send the Graph token/)
  })
})

describe('throttled items are resent alone, after the largest Retry-After', () => {
  it.each<[string, Answer, number]>([
    ['429 with Retry-After', graphError(429, 'TooManyRequests', { 'retry-after': '2' }), 2000],
    ['429 without Retry-After (backoff)', graphError(429, 'TooManyRequests'), 500],
    ['503 with Retry-After', graphError(503, 'ServiceUnavailable', { 'retry-after': '3' }), 3000],
    ['409 Directory_ConcurrencyViolation', graphError(409, 'Directory_ConcurrencyViolation'), 500]
  ])('%s: only those items go again, POSTs included', async (_name, answer, wait) => {
    itemRule = (item, attempt) => (attempt === 1 && ['/things/3', '/things/7'].includes(item.url) ? answer : created(item, attempt))
    const { graph, sleeps, logger } = setup()
    const results = await graph.batch(posts(10))
    expect(outcomes(results)).toEqual(Array(10).fill('done'))
    expect(batches.map((b) => b.map((i) => i.url))).toEqual([posts(10).map((p) => p.path), ['/things/3', '/things/7']])
    expect(sleeps).toEqual([wait])
    expect(logger.lines.join('\n')).toMatch(/2 of 10 batched request\(s\) answered (429|503|409)/)
  })

  it('waits the largest Retry-After among the items', async () => {
    itemRule = (item, attempt) =>
      attempt === 1 && item.url !== '/things/0'
        ? graphError(429, 'TooManyRequests', { 'retry-after': item.url === '/things/1' ? '7' : '1' })
        : created(item, attempt)
    const { graph, sleeps } = setup()
    await graph.batch(posts(3))
    expect(sleeps).toEqual([7000])
  })

  it("gives up after the client's attempts: the last answer as a GraphError", async () => {
    itemRule = (item, attempt) =>
      item.url === '/things/1' ? graphError(429, 'TooManyRequests', { 'retry-after': '1' }) : created(item, attempt)
    const { graph } = setup({ maxAttempts: 3 })
    const results = await graph.batch(posts(2))
    expect(results[0]?.outcome).toBe('done')
    expect(failure(results[1])).toMatchObject({ status: 429, code: 'TooManyRequests', attempts: 3 })
    expect(batches).toHaveLength(3)
  })
})

describe('dependsOn: an item that waits for another in the same round trip', () => {
  const createThenList: BatchItem[] = [
    { method: 'POST', path: '/things', body: { n: 1 } },
    { method: 'GET', path: '/things?$filter=x', dependsOn: [0] }
  ]
  // Graph's rule: an item whose dependency did not succeed is answered 424 Failed Dependency.
  const dependent =
    (first: ItemRule): ItemRule =>
    (item, attempt) => {
      if (item.url === '/things') return first(item, attempt)
      const dependencyFailed = item.dependsOn !== undefined && (first({ ...item, url: '/things' }, attempt)?.status ?? 0) >= 300
      return dependencyFailed ? graphError(424, 'FailedDependency') : created(item, attempt)
    }

  it('sends the ids of its dependencies; both done in one batch', async () => {
    const { graph } = setup()
    const results = await graph.batch(createThenList)
    expect(outcomes(results)).toEqual(['done', 'done'])
    expect(batches).toHaveLength(1)
    expect(batches[0]?.map((i) => [i.id, i.dependsOn])).toEqual([
      ['0', undefined],
      ['1', ['0']]
    ])
  })

  it('a throttled dependency is resent together with its dependent, which still waits for it', async () => {
    itemRule = dependent((item, attempt) =>
      attempt === 1 ? graphError(429, 'TooManyRequests', { 'retry-after': '1' }) : created(item, attempt)
    )
    const { graph, sleeps } = setup()
    const results = await graph.batch(createThenList)
    expect(outcomes(results)).toEqual(['done', 'done'])
    expect(batches.map((b) => b.map((i) => [i.url, i.dependsOn]))).toEqual([
      [
        ['/things', undefined],
        ['/things?$filter=x', ['0']]
      ],
      [
        ['/things', undefined],
        ['/things?$filter=x', ['0']]
      ]
    ])
    expect(sleeps).toEqual([1000])
  })

  it('a dependent throttled alone goes again without the dependency, which is done', async () => {
    itemRule = (item, attempt) =>
      item.url !== '/things' && attempt === 1 ? graphError(429, 'TooManyRequests', { 'retry-after': '1' }) : created(item, attempt)
    const { graph } = setup()
    const results = await graph.batch(createThenList)
    expect(outcomes(results)).toEqual(['done', 'done'])
    expect(batches.map((b) => b.map((i) => [i.url, i.dependsOn]))).toEqual([
      [
        ['/things', undefined],
        ['/things?$filter=x', ['0']]
      ],
      [['/things?$filter=x', undefined]]
    ])
  })

  it('a dependency that fails for good leaves its dependent failed with 424, not resent', async () => {
    itemRule = dependent(() => graphError(400, 'Request_BadRequest'))
    const { graph } = setup()
    const results = await graph.batch(createThenList)
    expect(failure(results[0])).toMatchObject({ status: 400 })
    expect(failure(results[1])).toMatchObject({ status: 424 })
    expect(batches).toHaveLength(1)
    // Its lone 4xx could be a refusal of batching: tried once on its own, answered the same; the dependent is not sent.
    expect(singles).toEqual(['POST /things'])
  })

  it('linked items go in a batch of their own, first, beside the parallel batches of the others', async () => {
    serverDelayMs = 400
    const { graph } = setup()
    const items: BatchItem[] = [...posts(40), { method: 'GET', path: '/things?$filter=x', dependsOn: [7] }]
    const results = await graph.batch(items, { concurrency: 2 })
    expect(outcomes(results)).toEqual(items.map(() => 'done'))
    expect(batches.map((b) => b.length)).toEqual([2, 20, 19])
    expect(batches[0]?.map((i) => [i.id, i.dependsOn])).toEqual([
      ['7', undefined],
      ['40', ['7']]
    ])
    // Every item of the parallel batches stands alone, and the linked batch does not take a parallel one's place.
    expect(
      batches
        .slice(1)
        .flat()
        .filter((i) => i.dependsOn !== undefined)
    ).toEqual([])
    expect(peakInFlight).toBe(3)
  })

  it('is refused when the linked items do not fit in one batch, or an item depends on one that is not in the call', async () => {
    const { graph } = setup()
    const chain: BatchItem[] = posts(21).map((item, i) => (i === 0 ? item : { ...item, dependsOn: [i - 1] }))
    await expect(graph.batch(chain)).rejects.toThrow(/21 items linked by dependsOn do not fit in one batch of 20/)
    await expect(graph.batch([{ method: 'GET', path: '/x', dependsOn: [1] }])).rejects.toThrow(
      /item 0 depends on 1, which is not another item/
    )
    await expect(graph.batch([{ method: 'GET', path: '/x', dependsOn: [0] }])).rejects.toThrow(/item 0 depends on 0/)
    expect(batches).toHaveLength(0)
  })
})

describe('an item that may have been applied is never resent when it is a POST', () => {
  it.each<[string, Answer]>([
    ['504 for the item', graphError(504, 'GatewayTimeout')],
    ['503 without Retry-After for the item', graphError(503, 'ServiceUnavailable')]
  ])('%s: the POST is ambiguous, a PATCH is resent', async (_name, answer) => {
    itemRule = (item, attempt) => (attempt === 1 ? answer : created(item, attempt))
    const { graph } = setup()
    const results = await graph.batch([
      { method: 'POST', path: '/things/a', body: {} },
      { method: 'PATCH', path: '/things/b', body: {} }
    ])
    expect(outcomes(results)).toEqual(['ambiguous', 'done'])
    expect(results[0]).toMatchObject({ error: expect.any(AmbiguousWriteError) })
    expect((results[0] as { error: AmbiguousWriteError }).error.message).toMatch(
      /POST \/beta\/things\/a may or may not have taken effect \(HTTP 50[34]/
    )
    expect(batches.map((b) => b.map((i) => i.method))).toEqual([['POST', 'PATCH'], ['PATCH']])
  })

  it.each<[string, OuterRule]>([
    [
      'the connection dropped after sending',
      (_res, raw, n) => {
        if (n === 1) raw.socket.destroy()
        return n === 1
      }
    ],
    [
      'a 504 for the whole batch',
      (res, _raw, n) => {
        if (n === 1) sendJson(res, 504, { error: { code: 'GatewayTimeout', message: 'm' } })
        return n === 1
      }
    ],
    [
      'a 503 without Retry-After for the whole batch',
      (res, _raw, n) => {
        if (n === 1) sendJson(res, 503, { error: { code: 'x', message: 'm' } })
        return n === 1
      }
    ]
  ])('%s: every POST of that batch is ambiguous; idempotent items go again', async (_name, rule) => {
    outerRule = rule
    const { graph } = setup()
    const results = await graph.batch([...posts(2), { method: 'DELETE', path: '/things/old' }])
    expect(outcomes(results)).toEqual(['ambiguous', 'ambiguous', 'done'])
    expect(batches.map((b) => b.map((i) => i.url))).toEqual([['/things/0', '/things/1', '/things/old'], ['/things/old']])
  })

  it('a POST missing from the responses is ambiguous', async () => {
    itemRule = (item, attempt) => (item.url === '/things/1' ? undefined : created(item, attempt))
    const { graph } = setup()
    const results = await graph.batch(posts(2))
    expect(outcomes(results)).toEqual(['done', 'ambiguous'])
    expect(batches).toHaveLength(1)
  })

  it('a batch turned away as a whole (429 with Retry-After) is sent again whole: nothing in it was done', async () => {
    outerRule = (res, _raw, n) => {
      if (n === 1) sendJson(res, 429, { error: { code: 'TooManyRequests', message: 'm' } }, { 'retry-after': '4' })
      return n === 1
    }
    const { graph, sleeps } = setup()
    expect(outcomes(await graph.batch(posts(3)))).toEqual(['done', 'done', 'done'])
    expect(batches).toHaveLength(2)
    expect(sleeps).toEqual([4000])
  })
})

describe('other errors are reported per item, traceable', () => {
  it('status, code, message, and the request-id from the item headers, else from the error body', async () => {
    itemRule = (item, attempt) =>
      item.url === '/things/0'
        ? graphError(400, 'Request_BadRequest', { 'request-id': 'rid-header' })
        : item.url === '/things/1'
          ? graphError(500, 'UnknownError')
          : created(item, attempt)
    const { graph } = setup()
    const results = await graph.batch(posts(3))
    expect(failure(results[0])).toMatchObject({
      status: 400,
      code: 'Request_BadRequest',
      graphMessage: 'm400',
      requestId: 'rid-header',
      attempts: 1
    })
    const error = failure(results[1])
    expect(error).toMatchObject({ status: 500, requestId: 'rid-body', date: '2026-01-02T03:04:05', method: 'POST', path: '/beta/things/1' })
    expect(error.clientRequestId).toBe(batches[0]?.[1]?.headers['client-request-id'])
    expect(error.message).toMatch(
      /^Microsoft Graph: POST \/beta\/things\/1 failed with HTTP 500 UnknownError: m500 \(request-id: rid-body, client-request-id: [0-9a-f-]{36}, date: 2026-01-02T03:04:05\)/
    )
    expect(results[2]?.outcome).toBe('done')
    expect(batches).toHaveLength(1)
  })

  it('a 403 item carries the permission hint', async () => {
    itemRule = () => graphError(403, 'Authorization_RequestDenied')
    const { graph } = setup()
    const [result] = await graph.batch(posts(1), { permissionHint: 'Grant PublicKeyInfrastructure.ReadWrite.All.' })
    expect(failure(result).message).toContain('Grant PublicKeyInfrastructure.ReadWrite.All.')
  })

  // A 4xx/5xx for the batch is a refusal of batching (batch-fallback.test.ts); a 401 is about the token.
  it('a batch that fails as a whole for good fails each of its items with that error', async () => {
    outerRule = (res) => {
      sendJson(res, 401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token has expired.' } })
      return true
    }
    const { graph } = setup()
    const results = await graph.batch(posts(2))
    expect(results.map((r) => failure(r).message)).toEqual(
      Array(2).fill(expect.stringMatching(/POST \/beta\/\$batch failed with HTTP 401 InvalidAuthenticationToken: Access token has expired/))
    )
    expect(batches).toHaveLength(1)
  })
})
