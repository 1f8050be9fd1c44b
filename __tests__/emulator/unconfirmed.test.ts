// The switches for Graph behaviour graph-api.md marks UNCONFIRMED (issue 13): each off by default,
// and each, when on, behaving the way the real service may.
import { describe, expect, it } from '@jest/globals'
import { ORGANIZATION_CBA_ID, READ_ROLES, READ_WRITE_ROLES } from '../../emulator/index.ts'
import { APP, certs, emulator, http, type Json, PKI, type TestCertificate, useEmulator } from './support.ts'

useEmulator()

const RELATIVE_PKI = PKI.replace(/^\/v1\.0/, '')
const JSON_HEADERS = { 'content-type': 'application/json' }
const caBody = (cert: TestCertificate, type = 'root'): Record<string, unknown> => ({
  certificate: cert.base64,
  thumbprint: cert.thumbprint,
  expirationDateTime: cert.notAfter,
  certificateAuthorityType: type
})
const batch = (requests: Json[]): ReturnType<typeof http.call> => http.call('POST', '/v1.0/$batch', { body: { requests } })
const createItem = (id: string, pkiId: string, cert: TestCertificate): Json => ({
  id,
  method: 'POST',
  url: `${RELATIVE_PKI}/${pkiId}/certificateAuthorities`,
  headers: JSON_HEADERS,
  body: caBody(cert)
})
const statuses = (json: Json): number[] => (json.responses as Json[]).map((r) => r.status as number).sort()

describe('defaults are the bet made so far', () => {
  it('batching accepted, duplicates 400, consistent reads, sequential items, no throttling', () => {
    expect(emulator.config.unconfirmed).toEqual({
      batch: 'accepted',
      batchRefusalStatus: 400,
      duplicates: 'documented',
      staleReads: 0,
      batchItems: 'sequential',
      throttleItemsRetryAfter: null
    })
  })
})

describe('refusing $batch', () => {
  it.each([400, 501, 503])('envelope: the $batch POST answered %i, nothing done', async (status) => {
    const pki = emulator.state.seedPki('Refused')
    emulator.config.unconfirmed.batch = 'envelope'
    emulator.config.unconfirmed.batchRefusalStatus = status
    const res = await batch([createItem('1', pki.id, certs.root)])
    expect(res.status).toBe(status)
    expect(res.json.error.code).toEqual(expect.any(String))
    expect(pki.certificateAuthorities).toHaveLength(0)
    // The same request sent on its own works.
    const direct = await http.call('POST', `${PKI}/${pki.id}/certificateAuthorities`, { body: caBody(certs.root) })
    expect(direct.status).toBe(201)
  })

  it('items: every item answered the same error, none run, the envelope 200', async () => {
    const pki = emulator.state.seedPki('Refused')
    emulator.config.unconfirmed.batch = 'items'
    const res = await batch([
      createItem('1', pki.id, certs.root),
      createItem('2', pki.id, certs.root2),
      { id: '3', method: 'GET', url: RELATIVE_PKI }
    ])
    expect(res.status).toBe(200)
    const answers = res.json.responses as Json[]
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400])
    expect(new Set(answers.map((a) => `${a.body.error.code} ${a.body.error.message}`)).size).toBe(1)
    expect(pki.certificateAuthorities).toHaveLength(0)
  })
})

describe('duplicate CA creates', () => {
  const addTwice = async (path: string, body: unknown): Promise<number[]> => {
    const first = await http.call('POST', path, { body })
    const second = await http.call('POST', path, { body })
    return [first.status, second.status]
  }

  it('documented: 400 "Duplicate Certificate exists"', async () => {
    const pki = emulator.state.seedPki('Dup')
    const path = `${PKI}/${pki.id}/certificateAuthorities`
    expect(await addTwice(path, caBody(certs.root))).toEqual([201, 400])
    expect(pki.certificateAuthorities).toHaveLength(1)
  })

  it('conflict: 409 with another code and text (not the retryable concurrency violation)', async () => {
    emulator.config.unconfirmed.duplicates = 'conflict'
    const pki = emulator.state.seedPki('Dup', [certs.root.pem])
    const res = await http.call('POST', `${PKI}/${pki.id}/certificateAuthorities`, { body: caBody(certs.root) })
    expect(res.status).toBe(409)
    expect(res.json.error.code).not.toBe('Directory_ConcurrencyViolation')
    expect(res.json.error.message).not.toMatch(/duplicate certificate exists/i)
    expect(pki.certificateAuthorities).toHaveLength(1)
  })

  it('accepted: a second identical entry is kept (pki and application)', async () => {
    emulator.config.unconfirmed.duplicates = 'accepted'
    const pki = emulator.state.seedPki('Dup')
    expect(await addTwice(`${PKI}/${pki.id}/certificateAuthorities`, caBody(certs.root))).toEqual([201, 201])
    expect(pki.certificateAuthorities.map((ca) => ca.thumbprint)).toEqual([certs.root.thumbprint, certs.root.thumbprint])
    const app = emulator.state.seedApplicationConfiguration('App', [certs.root.pem])
    const body = { certificate: certs.root.base64, isRootAuthority: true, issuer: 'CN=x', issuerSubjectKeyIdentifier: certs.root.keyId }
    const res = await http.call('POST', `${APP}/${app.id}/trustedCertificateAuthorities`, { body })
    expect(res.status).toBe(201)
    expect(app.trustedCertificateAuthorities).toHaveLength(2)
  })

  it('organization: a second POST is 400 by default, 409 with conflict, a replacement with accepted', async () => {
    const path = `/v1.0/organization/${emulator.tenantId}/certificateBasedAuthConfiguration`
    const body = (cert: TestCertificate): Json => ({ certificateAuthorities: [{ certificate: cert.base64, isRootAuthority: true }] })
    emulator.state.seedOrganization([certs.root.pem])
    expect((await http.call('POST', path, { body: body(certs.root2) })).status).toBe(400)
    emulator.config.unconfirmed.duplicates = 'conflict'
    expect((await http.call('POST', path, { body: body(certs.root2) })).status).toBe(409)
    emulator.config.unconfirmed.duplicates = 'accepted'
    expect((await http.call('POST', path, { body: body(certs.root2) })).status).toBe(201)
    expect(emulator.state.organizationCba?.id).toBe(ORGANIZATION_CBA_ID)
    expect(emulator.state.organizationCba?.certificateAuthorities.map((ca) => ca.certificate)).toEqual([certs.root2.base64])
  })
})

describe('stale reads after a write', () => {
  it('the next N GETs see the tenant as before the write; then the write shows', async () => {
    emulator.config.unconfirmed.staleReads = 2
    const pki = emulator.state.seedPki('Lag')
    const list = `${PKI}/${pki.id}/certificateAuthorities`
    expect((await http.call('POST', list, { body: caBody(certs.root) })).status).toBe(201)
    const counts: number[] = []
    for (let i = 0; i < 3; i++) counts.push(((await http.call('GET', list)).json.value as Json[]).length)
    expect(counts).toEqual([0, 0, 1])
    expect(emulator.requests.filter((r) => r.method === 'GET').map((r) => r.stale === true)).toEqual([true, true, false])
  })

  it('writes in a row keep the view from before the first: a deleted object still reads, a new one is 404', async () => {
    emulator.config.unconfirmed.staleReads = 2
    const old = emulator.state.seedPki('Old')
    expect((await http.call('DELETE', `${PKI}/${old.id}`)).status).toBe(204)
    const created = await http.call('POST', PKI, { body: { displayName: 'New' } })
    expect(created.status).toBe(201)
    expect((await http.call('GET', `${PKI}/${created.json.id}`)).status).toBe(404)
    expect((await http.call('GET', `${PKI}/${old.id}`)).status).toBe(200)
    expect((await http.call('GET', `${PKI}/${old.id}`)).status).toBe(404) // the window has passed
    expect(emulator.state.pkis.map((p) => p.displayName)).toEqual(['New'])
  })

  it('organization: a read right after the DELETE still shows the old store', async () => {
    emulator.config.unconfirmed.staleReads = 1
    emulator.state.seedOrganization([certs.root.pem])
    const path = `/v1.0/organization/${emulator.tenantId}/certificateBasedAuthConfiguration`
    expect((await http.call('DELETE', `${path}/${ORGANIZATION_CBA_ID}`)).status).toBe(204)
    expect(((await http.call('GET', path)).json.value as Json[]).length).toBe(1)
    expect(((await http.call('GET', path)).json.value as Json[]).length).toBe(0)
  })

  it('a failed write opens no window', async () => {
    emulator.config.unconfirmed.staleReads = 3
    const pki = emulator.state.seedPki('Lag', [certs.root.pem])
    expect((await http.call('POST', `${PKI}/${pki.id}/certificateAuthorities`, { body: caBody(certs.root) })).status).toBe(400)
    expect(emulator.requests.some((r) => r.stale === true)).toBe(false)
    expect(((await http.call('GET', `${PKI}/${pki.id}/certificateAuthorities`)).json.value as Json[]).length).toBe(1)
  })
})

describe('parallel items, throttled one by one', () => {
  it('items at odd positions answered 429 with Retry-After, each request once; the rest done', async () => {
    emulator.config.unconfirmed.batchItems = 'parallel'
    emulator.config.unconfirmed.throttleItemsRetryAfter = 2
    const pki = emulator.state.seedPki('Busy')
    const certsList = [certs.root, certs.root2, certs.intermediate, certs.noSki]
    const first = await batch(certsList.map((c, i) => createItem(String(i), pki.id, c)))
    expect(first.status).toBe(200)
    expect(statuses(first.json)).toEqual([201, 201, 429, 429])
    const throttled = (first.json.responses as Json[]).filter((r) => r.status === 429)
    expect(throttled.every((r) => r.headers['retry-after'] === '2')).toBe(true)
    expect(pki.certificateAuthorities).toHaveLength(2)
    // Resent (in any positions), each goes through: a request is throttled once.
    const again = await batch(throttled.map((r) => createItem(`r${r.id as string}`, pki.id, certsList[Number(r.id)]!)))
    expect(statuses(again.json)).toEqual([201, 201])
    expect(pki.certificateAuthorities).toHaveLength(4)
  })

  it('parallel items run in any order, dependsOn still first', async () => {
    emulator.config.unconfirmed.batchItems = 'parallel'
    const pki = emulator.state.seedPki('Order')
    const orders = new Set<string>()
    for (let round = 0; round < 8; round++) {
      emulator.requests.length = 0
      const ids = Array.from({ length: 6 }, (_, i) => ({ id: String(i), method: 'GET', url: `${RELATIVE_PKI}/${pki.id}?r=${i}` }))
      await batch([...ids, { id: 'last', method: 'GET', url: RELATIVE_PKI, dependsOn: ['0', '5'] }])
      const run = emulator.requests.filter((r) => r.batch !== undefined).map((r) => r.path)
      expect(run.indexOf(`${PKI}`)).toBeGreaterThan(run.indexOf(`${PKI}/${pki.id}?r=0`))
      orders.add(run.join())
    }
    expect(orders.size).toBeGreaterThan(1)
  })
})

describe('tokens carry only the roles a test gives', () => {
  it('a pki read-only token reads pki, writes nothing, and reaches no other kind', async () => {
    emulator.config.roles = ['PublicKeyInfrastructure.Read.All']
    expect((await http.call('GET', PKI)).status).toBe(200)
    const write = await http.call('POST', PKI, { body: { displayName: 'x' } })
    expect(write).toMatchObject({ status: 403, json: { error: { code: 'Authorization_RequestDenied' } } })
    expect((await http.call('GET', `/v1.0/organization/${emulator.tenantId}/certificateBasedAuthConfiguration`)).status).toBe(403)
    expect((await http.call('GET', APP)).status).toBe(403)
  })

  it('each kind own ReadWrite.All is enough for its writes', async () => {
    emulator.config.roles = ['AppCertTrustConfiguration.ReadWrite.All']
    expect((await http.call('GET', APP)).status).toBe(200)
    expect((await http.call('POST', PKI, { body: { displayName: 'x' } })).status).toBe(403)
    expect(READ_WRITE_ROLES).toHaveLength(3)
    expect(READ_ROLES.every((r) => r.endsWith('.Read.All'))).toBe(true)
  })
})
