import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  GraphClient,
  HttpClient,
  NULL_LOGGER,
  createDispatcher,
  normaliseGraphBody,
  prop,
  trimKeys,
  unwrapValue
} from '../../src/http/index.ts'
import { sendJson, startHttpsServer, testTls, type Handler, type LoopbackServer } from '../helpers/loopback.ts'

const tls = testTls()
const dispatcher = createDispatcher({}, { connect: { ca: tls.ca }, requestTimeoutMs: 5000 })
let server: LoopbackServer
let handler: Handler = (_req, res) => {
  sendJson(res, 200, {})
}
let graph: GraphClient

beforeAll(async () => {
  server = await startHttpsServer(tls, (req, res, raw) => handler(req, res, raw))
  const http = new HttpClient({ dispatcher, logger: NULL_LOGGER, sleep: async () => {} })
  graph = new GraphClient({ http, graphUrl: `${server.origin()}/`, apiVersion: 'beta', accessToken: 'at' })
})
afterAll(async () => {
  await dispatcher.destroy()
  await server.close()
  tls.dispose()
})
beforeEach(() => {
  server.requests.length = 0
})

describe('paths are relative to {graphUrl}/{apiVersion}', () => {
  it('sends the path under the version, with the token', async () => {
    handler = (_req, res) => {
      sendJson(res, 200, { id: 'x' })
    }
    await graph.get('/directory/certificateAuthorities/certificateBasedApplicationConfigurations?$top=5')
    expect(server.requests[0]?.url).toBe('/beta/directory/certificateAuthorities/certificateBasedApplicationConfigurations?$top=5')
    expect(server.requests[0]?.headers.authorization).toBe('Bearer at')
  })

  it('refuses to send the token to another host', () => {
    expect(() => graph.url('https://evil.test/beta/x')).toThrow('Refusing to send the Graph token to https://evil.test')
  })
})

describe('tolerant reading (graph-api.md §6)', () => {
  it.each([
    { name: '201 with the entity', status: 201, body: { id: 'a', displayName: 'P' }, expected: { id: 'a', displayName: 'P' } },
    { name: '200 with the entity', status: 200, body: { id: 'a' }, expected: { id: 'a' } },
    {
      name: '200 with {"value": {...}}',
      status: 200,
      body: { '@odata.context': 'c', value: { id: 'a', displayName: 'P' } },
      expected: { id: 'a', displayName: 'P' }
    },
    {
      name: 'a key with a stray space',
      status: 201,
      body: { id: 'a', 'trustedCertificateAuthorities ': [{ ' isRootAuthority': true }] },
      expected: { id: 'a', trustedCertificateAuthorities: [{ isRootAuthority: true }] }
    },
    { name: '204 without a body', status: 204, body: undefined, expected: undefined },
    { name: '202 without a body', status: 202, body: undefined, expected: undefined }
  ])('POST answered with $name', async ({ status, body, expected }) => {
    handler = (_req, res) => {
      sendJson(res, status, body)
    }
    await expect(graph.post('/x', { displayName: 'P' })).resolves.toEqual(expected)
  })

  it('204 with a body (the old $ref draft) is accepted', async () => {
    handler = (_req, res, raw) => {
      res.detachSocket(raw.socket)
      raw.socket.end(
        'HTTP/1.1 204 No Content\r\ncontent-type: application/json\r\ncontent-length: 10\r\nconnection: close\r\n\r\n{"id":"a"}'
      )
    }
    const response = await graph.request({ method: 'POST', path: '/organization/o/certificateBasedAuthConfiguration/$ref', body: {} })
    expect(response.status).toBe(204)
  })

  it('PATCH with 200 and a body, or 204', async () => {
    handler = (_req, res) => {
      sendJson(res, 200, { id: 'a', displayName: 'New' })
    }
    await expect(graph.patch('/x/a', { displayName: 'New' })).resolves.toEqual({ id: 'a', displayName: 'New' })
    handler = (_req, res) => {
      sendJson(res, 204, undefined)
    }
    await expect(graph.patch('/x/a', { displayName: 'New' })).resolves.toBeUndefined()
  })

  it('DELETE with 204', async () => {
    handler = (_req, res) => {
      sendJson(res, 204, undefined)
    }
    await expect(graph.delete('/x/a')).resolves.toBeUndefined()
    expect(server.requests[0]?.method).toBe('DELETE')
  })

  it('a GET whose body is not an object is a clear error', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('hello')
    }
    await expect(graph.get('/x')).rejects.toThrow('GET /beta/x failed with HTTP 200: the response body is not a JSON object')
  })
})

describe('normalisation helpers', () => {
  it('trims keys at every depth; an exact key wins over a trimmed one', () => {
    expect(trimKeys({ ' a ': { 'b ': [{ ' c': 1 }] }, 'd ': 1, d: 2 })).toEqual({ a: { b: [{ c: 1 }] }, d: 2 })
  })

  it.each([
    [{ value: { id: 'a' } }, { id: 'a' }],
    [{ value: [{ id: 'a' }] }, { value: [{ id: 'a' }] }],
    [
      { id: 'x', value: { id: 'a' } },
      { id: 'x', value: { id: 'a' } }
    ],
    [{ value: 'text' }, { value: 'text' }],
    [undefined, undefined]
  ])('unwrapValue(%j) -> %j', (body, expected) => {
    expect(unwrapValue(body)).toEqual(expected)
  })

  it('unwraps after trimming', () => {
    expect(normaliseGraphBody({ 'value ': { 'id ': 'a' } })).toEqual({ id: 'a' })
  })

  it.each([
    ['deltaCertificateRevocationListUrl', { deltacertificateRevocationListUrl: 'http://d' }, 'http://d'],
    ['issuerSubjectKeyIdentifier', { issuerSubjectkeyIdentifier: 'AB' }, 'AB'],
    ['trustedCertificateAuthorities', { 'trustedCertificateAuthorities ': [] }, []],
    ['id', { ID: 'upper', id: 'exact' }, 'exact'],
    ['missing', { other: 1 }, undefined]
  ])('prop(%s)', (name, obj, expected) => {
    expect(prop(obj, name)).toEqual(expected)
  })

  it('prop of a non-object is undefined', () => {
    expect(prop(null, 'a')).toBeUndefined()
    expect(prop([1], '0')).toBeUndefined()
  })
})

describe('getAll follows @odata.nextLink', () => {
  it('concatenates every page', async () => {
    handler = (req, res) => {
      const page = Number(new URL(req.url, 'https://x').searchParams.get('page') ?? '1')
      const next = page < 3 ? { '@odata.nextLink': `${server.origin()}/beta/items?$skiptoken=s${page}&page=${page + 1}` } : {}
      sendJson(res, 200, { '@odata.context': 'c', value: [{ id: `${page}a` }, { id: `${page}b` }], ...next })
    }
    const items = await graph.getAll('/items?$top=2')
    expect(items.map((i) => i.id)).toEqual(['1a', '1b', '2a', '2b', '3a', '3b'])
    expect(server.requests.map((r) => r.url)).toEqual([
      '/beta/items?$top=2',
      '/beta/items?$skiptoken=s1&page=2',
      '/beta/items?$skiptoken=s2&page=3'
    ])
  })

  it('an empty collection is an empty list', async () => {
    handler = (_req, res) => {
      sendJson(res, 200, { value: [] })
    }
    await expect(graph.getAll('/items')).resolves.toEqual([])
  })

  it('stops a nextLink that repeats', async () => {
    handler = (_req, res) => {
      sendJson(res, 200, { value: [{ id: 'a' }], '@odata.nextLink': `${server.origin()}/beta/items?page=2` })
    }
    await expect(graph.getAll('/items')).rejects.toThrow('paging did not end')
  })

  it('never follows a nextLink to another host', async () => {
    handler = (_req, res) => {
      sendJson(res, 200, { value: [], '@odata.nextLink': 'https://elsewhere.test/beta/items?page=2' })
    }
    await expect(graph.getAll('/items')).rejects.toThrow('Refusing to send the Graph token')
  })
})
