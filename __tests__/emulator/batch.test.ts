// JSON batching (graph-api.md §4.5): each item goes through the same handlers, checks, log and
// fault rules as a direct request; the envelope's own limits; dependsOn; answers in any order.
import { describe, expect, it } from '@jest/globals'
import { type Emulator } from '../../emulator/index.ts'
import { certs, emulator, http, type Json, PKI, type TestCertificate, useEmulator } from './support.ts'

useEmulator()

const RELATIVE_PKI = PKI.replace(/^\/v1\.0/, '')
const JSON_HEADERS = { 'content-type': 'application/json' }
const caBody = (cert: TestCertificate): Record<string, unknown> => ({
  certificate: cert.base64,
  thumbprint: cert.thumbprint,
  expirationDateTime: cert.notAfter,
  certificateAuthorityType: 'root'
})
const createCa = (id: string, pkiId: string, cert: TestCertificate): Json => ({
  id,
  method: 'POST',
  url: `${RELATIVE_PKI}/${pkiId}/certificateAuthorities`,
  headers: JSON_HEADERS,
  body: caBody(cert)
})
const batch = (requests: Json[], version = 'v1.0', options: { token?: string | null } = {}): ReturnType<typeof http.call> =>
  http.call('POST', `/${version}/$batch`, { body: { requests }, ...options })
/** The answers by id. */
const byId = (json: Json): Record<string, Json> => Object.fromEntries((json.responses as Json[]).map((r) => [r.id, r]))
const items = (): Emulator['requests'] => emulator.requests.filter((r) => r.batch !== undefined)

describe('items go through the same handlers as direct requests', () => {
  it('creates CAs, answers each with its own status, headers and body, and logs each as its own record', async () => {
    const pki = emulator.state.seedPki('Batch')
    const res = await batch([
      createCa('1', pki.id, certs.root),
      createCa('2', pki.id, certs.root2),
      { id: '3', method: 'GET', url: `${RELATIVE_PKI}/${pki.id}` }
    ])
    expect(res.status).toBe(200)
    const answers = byId(res.json)
    expect(Object.keys(answers).sort()).toEqual(['1', '2', '3'])
    expect(answers['1']).toMatchObject({ status: 201, body: { thumbprint: certs.root.thumbprint } })
    expect(answers['1'].headers['content-type']).toMatch(/^application\/json/)
    expect(answers['3']).toMatchObject({ status: 200, body: { displayName: 'Batch' } })
    expect(pki.certificateAuthorities).toHaveLength(2)

    const outer = emulator.requests.find((r) => r.path === '/v1.0/$batch')!
    expect(outer).toMatchObject({ operation: 'batch', method: 'POST', status: 200 })
    expect(
      items().map((r) => ({ batch: r.batch, method: r.method, operation: r.operation, status: r.status, schemaValid: r.schemaValid }))
    ).toEqual([
      { batch: outer.seq, method: 'POST', operation: 'pkiCa.create', status: 201, schemaValid: true },
      { batch: outer.seq, method: 'POST', operation: 'pkiCa.create', status: 201, schemaValid: true },
      { batch: outer.seq, method: 'GET', operation: 'pki.get', status: 200, schemaValid: undefined }
    ])
    expect(items()[0]!.path).toBe(`${PKI}/${pki.id}/certificateAuthorities`)
  })

  it('checks each item on its own: schema, duplicates, unknown segments, permissions, relative URLs', async () => {
    const pki = emulator.state.seedPki('Batch', [certs.root.pem])
    const res = await batch([
      createCa('dup', pki.id, certs.root),
      { ...createCa('bad', pki.id, certs.root2), body: { certificate: certs.root2.base64 } },
      { id: 'seg', method: 'GET', url: '/directory/nowhere' },
      { id: 'abs', method: 'GET', url: `${emulator.urls.graph}${PKI}` },
      { id: 'ok', method: 'GET', url: RELATIVE_PKI }
    ])
    const answers = byId(res.json)
    expect(answers.dup.status).toBe(400)
    expect(answers.dup.body.error.message).toMatch(/Duplicate Certificate exists/i)
    expect(answers.bad).toMatchObject({ status: 400, body: { error: { code: 'Request_BadRequest' } } })
    expect(answers.seg.body.error.message).toBe("Resource not found for the segment 'nowhere'.")
    expect(answers.abs.status).toBe(400)
    expect(answers.ok.status).toBe(200)
    expect(items().find((r) => r.operation === 'pkiCa.create' && r.status === 400 && r.schemaValid === false)).toBeDefined()
  })

  it('a JSON item body without Content-Type is a 400 for that item only', async () => {
    const pki = emulator.state.seedPki('Batch')
    const { headers: _dropped, ...bare } = createCa('bare', pki.id, certs.root)
    const res = await batch([bare, createCa('typed', pki.id, certs.root2)])
    const answers = byId(res.json)
    expect(answers.bare).toMatchObject({ status: 400, body: { error: { message: 'Content-Type header value missing.' } } })
    expect(answers.typed.status).toBe(201)
  })

  it('the outer token is checked (401 for the batch) and its roles apply to each item (403 per item)', async () => {
    expect((await batch([{ id: '1', method: 'GET', url: RELATIVE_PKI }], 'v1.0', { token: null })).status).toBe(401)
    const readOnly = emulator.accessToken({ roles: ['PublicKeyInfrastructure.Read.All'] })
    const res = await batch(
      [
        { id: 'r', method: 'GET', url: RELATIVE_PKI },
        { id: 'w', method: 'POST', url: RELATIVE_PKI, headers: JSON_HEADERS, body: { displayName: 'x' } }
      ],
      'v1.0',
      { token: readOnly }
    )
    expect(res.status).toBe(200)
    expect(byId(res.json).r.status).toBe(200)
    expect(byId(res.json).w).toMatchObject({ status: 403, body: { error: { code: 'Authorization_RequestDenied' } } })
  })

  it('kind 3 items on v1.0 fail as a direct v1.0 call would; on beta they work', async () => {
    const url = '/directory/certificateAuthorities/certificateBasedApplicationConfigurations'
    expect(byId((await batch([{ id: '1', method: 'GET', url }])).json)['1'].status).toBe(400)
    expect(byId((await batch([{ id: '1', method: 'GET', url }], 'beta')).json)['1'].status).toBe(200)
  })

  it('answers in any order (shuffled)', async () => {
    const requests = Array.from({ length: 20 }, (_, i) => ({ id: String(i), method: 'GET', url: RELATIVE_PKI }))
    const orders = await Promise.all([1, 2, 3].map(async () => ((await batch(requests)).json.responses as Json[]).map((r) => r.id).join()))
    expect(orders.some((order) => order !== requests.map((r) => r.id).join())).toBe(true)
  })
})

describe('the envelope', () => {
  it.each<[string, unknown]>([
    ['more than 20 requests', { requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: RELATIVE_PKI })) }],
    ['no requests', { requests: [] }],
    ['requests not an array', { requests: {} }],
    ['an item without id', { requests: [{ method: 'GET', url: RELATIVE_PKI }] }],
    ['an unknown method', { requests: [{ id: '1', method: 'FETCH', url: RELATIVE_PKI }] }],
    ['an item without url', { requests: [{ id: '1', method: 'GET' }] }],
    [
      'a repeated id',
      {
        requests: [
          { id: '1', method: 'GET', url: RELATIVE_PKI },
          { id: '1', method: 'GET', url: RELATIVE_PKI }
        ]
      }
    ],
    ['dependsOn an unknown id', { requests: [{ id: '1', method: 'GET', url: RELATIVE_PKI, dependsOn: ['9'] }] }],
    [
      'a dependsOn cycle',
      {
        requests: [
          { id: '1', method: 'GET', url: RELATIVE_PKI, dependsOn: ['2'] },
          { id: '2', method: 'GET', url: RELATIVE_PKI, dependsOn: ['1'] }
        ]
      }
    ],
    ['not JSON', 'requests=1']
  ])('%s: 400 for the whole batch, nothing done', async (_name, body) => {
    const res = await http.call('POST', '/v1.0/$batch', { body })
    expect(res.status).toBe(400)
    expect(res.json.error.code).toBe('BadRequest')
    expect(items()).toEqual([])
  })

  it('20 requests are allowed; only POST is', async () => {
    const twenty = Array.from({ length: 20 }, (_, i) => ({ id: String(i), method: 'GET', url: RELATIVE_PKI }))
    expect((await batch(twenty)).json.responses).toHaveLength(20)
    expect((await http.call('GET', '/v1.0/$batch')).status).toBe(405)
  })
})

describe('dependsOn', () => {
  it('runs an item after those it depends on, and answers 424 to the dependants of a failed one', async () => {
    const res = await batch([
      {
        id: 'find',
        method: 'GET',
        url: `${RELATIVE_PKI}?$filter=${encodeURIComponent("displayName eq 'Ordered'")}`,
        dependsOn: ['create']
      },
      { id: 'create', method: 'POST', url: RELATIVE_PKI, headers: JSON_HEADERS, body: { displayName: 'Ordered' } },
      { id: 'fail', method: 'GET', url: `${RELATIVE_PKI}/00000000-0000-4000-8000-000000000000` },
      { id: 'after', method: 'POST', url: RELATIVE_PKI, headers: JSON_HEADERS, body: { displayName: 'Never' }, dependsOn: ['fail'] }
    ])
    const answers = byId(res.json)
    expect(answers.find.body.value).toHaveLength(1)
    expect(answers.fail.status).toBe(404)
    expect(answers.after.status).toBe(424)
    expect(emulator.state.pkis.map((p) => p.displayName)).toEqual(['Ordered'])
  })
})

describe('faults apply to each item as to a direct request', () => {
  it('a 429 on POST …/certificateAuthorities hits the item inside the batch, with its Retry-After; the others go through', async () => {
    const pki = emulator.state.seedPki('Batch')
    const fault = emulator.faults.add({ method: 'POST', path: /\/certificateAuthorities$/, status: 429, retryAfter: 3, times: 1 })
    const res = await batch([createCa('1', pki.id, certs.root), createCa('2', pki.id, certs.root2)])
    expect(res.status).toBe(200)
    const statuses = (res.json.responses as Json[]).map((r) => r.status).sort()
    expect(statuses).toEqual([201, 429])
    const throttled = (res.json.responses as Json[]).find((r) => r.status === 429)
    expect(throttled.headers['retry-after']).toBe('3')
    expect(throttled.body.error.code).toBe('TooManyRequests')
    expect(fault.hits).toBe(1)
    expect(pki.certificateAuthorities).toHaveLength(1)
    expect(items().map((r) => r.fault ?? null)).toEqual(['status', null])
  })

  it('a status fault on /$batch itself hits the outer request: nothing is done', async () => {
    const pki = emulator.state.seedPki('Batch')
    emulator.faults.add({ method: 'POST', path: '/$batch', status: 429, retryAfter: 2, times: 1 })
    const res = await batch([createCa('1', pki.id, certs.root)])
    expect(res.status).toBe(429)
    expect(res.headers['retry-after']).toBe('2')
    expect(pki.certificateAuthorities).toHaveLength(0)
    expect(items()).toEqual([])
  })

  it('lostResponse on an item: the write commits, then the whole batch connection drops', async () => {
    const pki = emulator.state.seedPki('Batch')
    emulator.faults.add({ method: 'POST', path: /\/certificateAuthorities$/, lostResponse: true, times: 1 })
    await expect(batch([createCa('1', pki.id, certs.root), createCa('2', pki.id, certs.root2)])).rejects.toThrow()
    expect(pki.certificateAuthorities).toHaveLength(2)
    expect(items()).toEqual([
      expect.objectContaining({ fault: 'lostResponse', status: null, committedStatus: 201 }),
      expect.objectContaining({ status: null, committedStatus: 201 })
    ])
    expect(emulator.requests.find((r) => r.path === '/v1.0/$batch')).toMatchObject({ status: null, fault: 'drop' })
  })

  it('lostResponse with a status on an item: the write commits, the whole batch gets that status', async () => {
    const pki = emulator.state.seedPki('Batch')
    emulator.faults.add({ method: 'POST', path: /\/certificateAuthorities$/, lostResponse: 504, times: 1 })
    const res = await batch([createCa('1', pki.id, certs.root)])
    expect(res.status).toBe(504)
    expect(pki.certificateAuthorities).toHaveLength(1)
    expect(items()[0]).toMatchObject({ status: null, committedStatus: 201 })
  })

  it('drop on an item: that item is not done, the batch connection drops', async () => {
    const pki = emulator.state.seedPki('Batch')
    emulator.faults.add({ method: 'POST', path: /\/certificateAuthorities$/, drop: true, times: 1 })
    await expect(batch([createCa('1', pki.id, certs.root), createCa('2', pki.id, certs.root2)])).rejects.toThrow()
    expect(pki.certificateAuthorities.map((ca) => ca.thumbprint)).toEqual([certs.root2.thumbprint])
  })

  it('hang on an item: the batch is never answered', async () => {
    emulator.faults.add({ method: 'GET', hang: true, times: 1 })
    const request = http.call('POST', '/v1.0/$batch', {
      body: { requests: [{ id: '1', method: 'GET', url: RELATIVE_PKI }] },
      signal: AbortSignal.timeout(300)
    })
    await expect(request).rejects.toThrow()
    expect(emulator.requests.find((r) => r.path === '/v1.0/$batch')).toMatchObject({ status: null, fault: 'hang' })
  })

  it('failAfter counts the items as writes, not the batch', async () => {
    const fault = emulator.faults.add({ failAfter: 2 })
    const requests = ['a', 'b', 'c'].map((name) => ({
      id: name,
      method: 'POST',
      url: RELATIVE_PKI,
      headers: JSON_HEADERS,
      body: { displayName: name }
    }))
    const answers = byId((await batch(requests)).json)
    expect([answers.a.status, answers.b.status, answers.c.status]).toEqual([201, 201, 500])
    expect(fault).toMatchObject({ seen: 3, hits: 1 })
  })

  it('latencyMs applies once per HTTP request, so once per batch', async () => {
    emulator.faults.latencyMs = 300
    const started = performance.now()
    await batch(Array.from({ length: 10 }, (_, i) => ({ id: String(i), method: 'GET', url: RELATIVE_PKI })))
    const elapsed = performance.now() - started
    expect(elapsed).toBeGreaterThanOrEqual(290)
    expect(elapsed).toBeLessThan(900)
  })
})
