// Batching is an optimisation (contract.md "First contact with a real tenant"): when Graph refuses a
// $batch (the envelope 4xx/5xx, or every item the same error that is not about the item), the
// items go one request each, the log says so once, and later calls send no batch at all. A create
// answered 5xx through a refused batch comes back ambiguous (the caller reads before resending).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import type { Dispatcher } from 'undici'
import { GraphClient, HttpClient, createDispatcher, type BatchItem, type BatchResult } from '../../src/http/index.ts'
import { captureLogger, sendJson, startHttpsServer, testTls, type LoopbackServer } from '../helpers/loopback.ts'

interface Wire {
  id: string
  method: string
  url: string
  dependsOn?: string[]
  body?: unknown
}
type Reply = { status: number; body?: unknown; headers?: Record<string, string> }

const tls = testTls()
let server: LoopbackServer
/** The $batch endpoint's answer to the envelope (undefined: answer each item with `item`). */
let envelope: (n: number) => Reply | undefined
let item: (wire: Wire) => Reply
/** A request sent on its own. */
let single: (method: string, url: string) => Reply
let batches: Wire[][]
let singles: string[]
const dispatchers: Dispatcher[] = []

const ok = (method: string, url: string): Reply => ({ status: method === 'POST' ? 201 : 200, body: { id: `id-${url}` } })
const error = (status: number, code: string, message: string): Reply => ({ status, body: { error: { code, message } } })

beforeAll(async () => {
  server = await startHttpsServer(tls, (req, res) => {
    if (!req.url.endsWith('/$batch')) {
      singles.push(`${req.method} ${req.url.replace('/beta', '')}`)
      const reply = single(req.method, req.url.replace('/beta', ''))
      sendJson(res, reply.status, reply.body ?? {}, reply.headers ?? {})
      return
    }
    const requests = (JSON.parse(req.body) as { requests: Wire[] }).requests
    batches.push(requests)
    const outer = envelope(batches.length)
    if (outer !== undefined) return sendJson(res, outer.status, outer.body ?? {}, outer.headers ?? {})
    sendJson(res, 200, { responses: requests.map((w) => ({ id: w.id, headers: { 'content-type': 'application/json' }, ...item(w) })) })
  })
})
afterAll(async () => {
  await server.close()
  tls.dispose()
})
beforeEach(() => {
  envelope = () => undefined
  item = (w) => ok(w.method, w.url)
  single = ok
  batches = []
  singles = []
})
afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((d) => d.close()))
})

function setup() {
  const dispatcher = createDispatcher({}, { connect: { ca: tls.ca }, requestTimeoutMs: 5000 })
  dispatchers.push(dispatcher)
  const logger = captureLogger()
  const http = new HttpClient({ dispatcher, logger, random: () => 0.5, sleep: async () => {} })
  const graph = new GraphClient({ http, graphUrl: server.origin(), apiVersion: 'beta', accessToken: 'at' })
  const refusals = (): string[] => logger.lines.filter((l) => l.includes('refused a JSON batch'))
  return { graph, logger, refusals }
}

const writes: BatchItem[] = [
  { method: 'POST', path: '/things', body: { n: 1 } },
  { method: 'POST', path: '/things', body: { n: 2 } },
  { method: 'PATCH', path: '/things/a', body: { x: 1 } },
  { method: 'DELETE', path: '/things/b' }
]
const outcomes = (results: readonly BatchResult[]): string[] => results.map((r) => r.outcome)

describe('the envelope refused', () => {
  it.each([
    [400, 'BadRequest'],
    [403, 'Forbidden'],
    [405, 'Request_BadRequest'],
    [501, 'NotImplemented']
  ])('HTTP %i: every item goes on its own (creates after a 5xx come back ambiguous), said once, no batch again', async (status, code) => {
    envelope = () => error(status, code, 'Write requests to this resource are not supported in a JSON batch.')
    const { graph, refusals } = setup()
    const results = await graph.batch(writes)
    // A 5xx may have been a create done: the caller reads before resending it.
    expect(outcomes(results)).toEqual(status >= 500 ? ['ambiguous', 'ambiguous', 'done', 'done'] : ['done', 'done', 'done', 'done'])
    expect(singles.sort()).toEqual(
      status >= 500 ? ['DELETE /things/b', 'PATCH /things/a'] : ['DELETE /things/b', 'PATCH /things/a', 'POST /things', 'POST /things']
    )
    expect(refusals()).toEqual([expect.stringContaining(`HTTP ${status} ${code}`)])
    // The next call sends no batch, and the log does not say it again.
    singles = []
    expect(outcomes(await graph.batch(writes.slice(0, 2)))).toEqual(['done', 'done'])
    expect(singles).toEqual(['POST /things', 'POST /things'])
    expect(batches).toHaveLength(1)
    expect(refusals()).toHaveLength(1)
    expect(graph.batching).toBe(false)
  })

  it('401 is about the token, not batching: no fallback', async () => {
    envelope = () => error(401, 'InvalidAuthenticationToken', 'expired')
    const { graph, refusals } = setup()
    expect(outcomes(await graph.batch(writes))).toEqual(['failed', 'failed', 'failed', 'failed'])
    expect({ singles, refusals: refusals(), batching: graph.batching }).toEqual({ singles: [], refusals: [], batching: true })
  })

  it('503 without Retry-After for a batch of creates: ambiguous the first time (an outage), a refusal the second', async () => {
    envelope = () => error(503, 'ServiceUnavailable', 'unavailable')
    const { graph, refusals } = setup()
    expect(outcomes(await graph.batch(writes.slice(0, 2)))).toEqual(['ambiguous', 'ambiguous'])
    expect({ batching: graph.batching, refusals: refusals() }).toEqual({ batching: true, refusals: [] })
    expect(outcomes(await graph.batch(writes))).toEqual(['ambiguous', 'ambiguous', 'done', 'done'])
    expect({ batching: graph.batching, refusals: refusals().length, batches: batches.length }).toEqual({
      batching: false,
      refusals: 1,
      batches: 2
    })
    expect(singles.sort()).toEqual(['DELETE /things/b', 'PATCH /things/a'])
  })
})

describe('every item refused the same way', () => {
  const refusal = error(400, 'BadRequest', 'Write requests to this resource are not supported in a JSON batch.')

  it('a 4xx: the items go on their own; one getting through confirms the refusal, said once', async () => {
    item = () => refusal
    const { graph, refusals } = setup()
    expect(outcomes(await graph.batch(writes))).toEqual(['done', 'done', 'done', 'done'])
    expect(singles).toHaveLength(4)
    expect(refusals()).toEqual([expect.stringContaining('HTTP 400 BadRequest: Write requests to this resource are not supported')])
    expect(graph.batching).toBe(false)
  })

  it('the same 4xx on their own too: a real error of the items, not a refusal; batching stays on', async () => {
    item = () => refusal
    single = () => refusal
    const { graph, refusals } = setup()
    const results = await graph.batch(writes.slice(0, 2))
    expect(outcomes(results)).toEqual(['failed', 'failed'])
    expect(results[0]).toMatchObject({ error: { status: 400, method: 'POST' } })
    expect({ refusals: refusals(), batching: graph.batching }).toEqual({ refusals: [], batching: true })
  })

  it('a 500 for every item: creates ambiguous, the others on their own, refused at once', async () => {
    item = () => error(500, 'UnknownError', 'not supported in batch')
    const { graph, refusals } = setup()
    expect(outcomes(await graph.batch(writes))).toEqual(['ambiguous', 'ambiguous', 'done', 'done'])
    expect(refusals()).toHaveLength(1)
  })

  it.each([
    ['different errors', (w: Wire) => error(400, 'Request_BadRequest', `bad ${JSON.stringify(w.body)}`)],
    ['a 403 for each (the permission)', () => error(403, 'Authorization_RequestDenied', 'Insufficient privileges')],
    ['a 409 duplicate for each', () => error(409, 'Request_MultipleObjectsWithSameKeyValue', 'exists')]
  ])('%s: per item, no fallback', async (_name, rule) => {
    item = rule
    const { graph, refusals } = setup()
    expect(outcomes(await graph.batch(writes.slice(0, 2)))).toEqual(['failed', 'failed'])
    expect({ singles, refusals: refusals() }).toEqual({ singles: [], refusals: [] })
  })
})

describe('linked items without batching', () => {
  it('a dependant goes after what it waits for; when that fails it is not sent (424)', async () => {
    envelope = () => error(400, 'BadRequest', 'no batching')
    single = (method, url) => (url === '/bad' ? error(400, 'Request_BadRequest', 'bad') : ok(method, url))
    const { graph } = setup()
    const results = await graph.batch([
      { method: 'POST', path: '/parent', body: {} },
      { method: 'GET', path: '/parent-list', dependsOn: [0] },
      { method: 'POST', path: '/bad', body: {} },
      { method: 'GET', path: '/after-bad', dependsOn: [2] }
    ])
    expect(outcomes(results)).toEqual(['done', 'done', 'failed', 'failed'])
    expect(results[3]).toMatchObject({ error: { status: 424 } })
    expect(singles.indexOf('GET /parent-list')).toBeGreaterThan(singles.indexOf('POST /parent'))
    expect(singles).not.toContain('GET /after-bad')
  })
})
