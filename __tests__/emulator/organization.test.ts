import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { ORGANIZATION_CBA_ID, startEmulator, type Emulator } from '../../emulator/index.ts'
import { client, makeCertificates, type TestCertificates } from './support.ts'

let emulator: Emulator
let http: ReturnType<typeof client>
let certs: TestCertificates
let path: string

beforeAll(async () => {
  certs = makeCertificates()
  emulator = await startEmulator()
  http = client(emulator)
  path = `/v1.0/organization/${emulator.tenantId}/certificateBasedAuthConfiguration`
})
afterAll(async () => {
  await http.close()
  await emulator.close()
})
beforeEach(() => emulator.reset())

const body = (...cas: Array<{ certificate: string; isRootAuthority: boolean; [k: string]: unknown }>): unknown => ({
  certificateAuthorities: cas
})

describe('kind 1: organization certificateBasedAuthConfiguration', () => {
  it('lists nothing, creates the singleton with computed issuer/issuerSki, gets it, deletes it', async () => {
    expect((await http.call('GET', path)).json.value).toEqual([])
    const created = await http.call('POST', path, {
      body: body(
        { certificate: certs.root.base64, isRootAuthority: true, certificateRevocationListUrl: 'http://crl.contoso.com/root.crl' },
        { certificate: certs.intermediate.base64, isRootAuthority: false }
      )
    })
    expect(created.status).toBe(201)
    expect(created.json.id).toBe(ORGANIZATION_CBA_ID)
    expect(created.json['@odata.context']).toContain(
      `$metadata#organization('${emulator.tenantId}')/certificateBasedAuthConfiguration/$entity`
    )
    expect(created.json.certificateAuthorities[0]).toEqual({
      certificate: certs.root.base64,
      isRootAuthority: true,
      certificateRevocationListUrl: 'http://crl.contoso.com/root.crl',
      deltaCertificateRevocationListUrl: null,
      issuer: 'CN=Contoso Root CA, O=Contoso, C=US',
      issuerSki: certs.root.keyId
    })
    expect(created.headers['client-request-id']).toBe(emulator.requests.at(-1)?.clientRequestId)
    expect(created.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(created.headers['date']).toBeTruthy()
    expect(emulator.requests.at(-1)).toMatchObject({ schema: 'request.createCertificateBasedAuthConfiguration', schemaValid: true })

    expect((await http.call('GET', path)).json.value).toHaveLength(1)
    expect((await http.call('GET', `${path}/${ORGANIZATION_CBA_ID}`)).json.certificateAuthorities).toHaveLength(2)
    expect((await http.call('DELETE', `${path}/${ORGANIZATION_CBA_ID}`)).status).toBe(204)
    expect(emulator.state.organizationCba).toBeUndefined()
    expect((await http.call('GET', `${path}/${ORGANIZATION_CBA_ID}`)).status).toBe(404)
  })

  it('falls back to SHA-1 of the public key for issuerSki when the certificate has no SKI extension', async () => {
    const created = await http.call('POST', path, { body: body({ certificate: certs.noSki.base64, isRootAuthority: true }) })
    expect(created.json.certificateAuthorities[0].issuerSki).toBe(certs.noSki.keyId)
  })

  it('refuses a second POST while one exists (400) and PATCH (405)', async () => {
    emulator.state.seedOrganization([certs.root.pem])
    const again = await http.call('POST', path, { body: body({ certificate: certs.root2.base64, isRootAuthority: true }) })
    expect(again.status).toBe(400)
    expect(again.json.error.code).toBe('Request_BadRequest')
    const patch = await http.call('PATCH', `${path}/${ORGANIZATION_CBA_ID}`, {
      body: body({ certificate: certs.root2.base64, isRootAuthority: true })
    })
    expect(patch.status).toBe(405)
  })

  it('answers 404 for an organization id other than the tenant GUID', async () => {
    const res = await http.call('GET', '/v1.0/organization/00000000-0000-0000-0000-000000000001/certificateBasedAuthConfiguration')
    expect(res.status).toBe(404)
    expect(res.json.error.code).toBe('Request_ResourceNotFound')
    expect(res.json.error.innerError).toMatchObject({
      'request-id': expect.any(String),
      'client-request-id': expect.any(String),
      date: expect.any(String)
    })
  })

  it('rejects read-only issuer/issuerSki in the body by schema', async () => {
    const res = await http.call('POST', path, {
      body: body({ certificate: certs.root.base64, isRootAuthority: true, issuer: 'CN=x', issuerSki: 'AB' })
    })
    expect(res.status).toBe(400)
    expect(res.json.error.message).toContain("Property 'issuer' in /certificateAuthorities/0 is read-only")
    expect(emulator.requests.at(-1)).toMatchObject({ schemaValid: false, status: 400 })
    expect(emulator.state.organizationCba).toBeUndefined()
  })

  it('refuses an expired CA in the body, and any POST while an expired CA is in the store', async () => {
    const res = await http.call('POST', path, { body: body({ certificate: certs.expired.base64, isRootAuthority: true }) })
    expect(res.status).toBe(400)
    expect(res.json.error.message).toContain('expired')
    emulator.state.seedOrganization([certs.expired.pem])
    const blocked = await http.call('POST', path, { body: body({ certificate: certs.root.base64, isRootAuthority: true }) })
    expect(blocked.status).toBe(400)
    expect(blocked.json.error.message).toContain('expired')
  })

  it('rejects a body whose certificate is not a certificate', async () => {
    const res = await http.call('POST', path, {
      body: body({ certificate: Buffer.from('hello').toString('base64'), isRootAuthority: true })
    })
    expect(res.status).toBe(400)
    expect(res.json.error.message).toContain('certificateAuthorities[0].certificate')
  })

  it('refuses the historic $ref path (tolerated on read by clients, never to be emitted)', async () => {
    const res = await http.call('POST', `${path}/$ref`, { body: body({ certificate: certs.root.base64, isRootAuthority: true }) })
    expect(res.status).toBe(400)
    expect(res.json.error.message).toBe("Resource not found for the segment '$ref'.")
  })
})

describe('Graph authentication and permissions', () => {
  it('answers 401 InvalidAuthenticationToken without a token, with an expired one, or with a foreign one', async () => {
    for (const token of [
      null,
      emulator.accessToken({ exp: 1 }),
      emulator.idToken(),
      emulator.accessToken({ aud: 'https://graph.microsoft.com' })
    ]) {
      const res = await http.call('GET', path, { token })
      expect(res.status).toBe(401)
      expect(res.json.error.code).toBe('InvalidAuthenticationToken')
    }
    expect(emulator.requests.at(0)?.authorization).toBe(false)
  })

  it('answers 403 Authorization_RequestDenied when the token lacks the role the kind needs', async () => {
    const readOnly = emulator.accessToken({ roles: ['Organization.Read.All'] })
    expect((await http.call('GET', path, { token: readOnly })).status).toBe(200)
    const write = await http.call('POST', path, { token: readOnly, body: body({ certificate: certs.root.base64, isRootAuthority: true }) })
    expect(write.status).toBe(403)
    expect(write.json.error.code).toBe('Authorization_RequestDenied')
    emulator.config.roles = ['PublicKeyInfrastructure.ReadWrite.All']
    expect((await http.call('GET', path)).status).toBe(403)
  })

  it('answers 400 for an unknown API version', async () => {
    expect((await http.call('GET', `/v2.0/organization/${emulator.tenantId}/certificateBasedAuthConfiguration`)).status).toBe(400)
  })
})
