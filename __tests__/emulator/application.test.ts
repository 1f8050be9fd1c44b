import { describe, expect, it } from '@jest/globals'
import { APP, certs, emulator, http, type Json, type TestCertificate, useEmulator } from './support.ts'

useEmulator()

const ca = (cert: TestCertificate, isRootAuthority: boolean): Record<string, unknown> => ({
  certificate: cert.base64,
  isRootAuthority,
  issuer: 'CN=x',
  issuerSubjectKeyIdentifier: cert.keyId
})

describe('kind 3: application certificate trust configurations (beta only)', () => {
  it('fails on v1.0 like Graph: the segment is unknown', async () => {
    const res = await http.call('GET', APP.replace('/beta/', '/v1.0/'))
    expect(res.status).toBe(400)
    expect(res.json.error.message).toBe("Resource not found for the segment 'certificateAuthorities'.")
  })

  it('creates with deep insert (200 {"value": {...}}), lists with $filter and $expand, gets, patches, deletes', async () => {
    const created = await http.call('POST', APP, {
      body: {
        displayName: "Contoso's apps",
        description: 'd',
        trustedCertificateAuthorities: [ca(certs.root, true), ca(certs.intermediate, false)]
      }
    })
    expect(created.status).toBe(200)
    const config = created.json.value as Json
    expect(config.trustedCertificateAuthorities).toHaveLength(2)
    const id = config.id as string

    const plain = await http.call('GET', `${APP}?$filter=${encodeURIComponent("displayName eq 'Contoso''s apps'")}`)
    expect(plain.json.value.map((c: Json) => c.id)).toEqual([id])
    expect(plain.json.value[0].trustedCertificateAuthorities).toBeUndefined()
    const expanded = await http.call('GET', `${APP}?$expand=trustedCertificateAuthorities`)
    expect(expanded.json.value[0].trustedCertificateAuthorities).toHaveLength(2)
    expect((await http.call('GET', `${APP}/${id}?$expand=trustedCertificateAuthorities`)).json.trustedCertificateAuthorities).toHaveLength(
      2
    )

    expect((await http.call('PATCH', `${APP}/${id}`, { body: { displayName: 'Renamed', description: null } })).status).toBe(204)
    expect(emulator.state.applicationConfigurations[0]).toMatchObject({ displayName: 'Renamed', description: null })
    expect((await http.call('DELETE', `${APP}/${id}`)).status).toBe(204)
    expect(emulator.state.applicationConfigurations).toHaveLength(0)
    expect(emulator.state.deletedApplicationConfigurations).toBe(1)
  })

  it('can answer create with 201 and an unwrapped body', async () => {
    emulator.config.oddities.applicationCreate = { status: 201, wrapped: false }
    const res = await http.call('POST', APP, { body: { displayName: 'x', trustedCertificateAuthorities: [ca(certs.root, true)] } })
    expect(res.status).toBe(201)
    expect(res.json.id).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('rejects the documented "trustedCertificateAuthorities " key (trailing space) by schema', async () => {
    const res = await http.call('POST', APP, { body: { displayName: 'x', 'trustedCertificateAuthorities ': [ca(certs.root, true)] } })
    expect(res.status).toBe(400)
    expect(res.json.error.message).toContain("'trustedCertificateAuthorities '")
    expect(emulator.requests.at(-1)).toMatchObject({ schema: 'request.createCertificateBasedApplicationConfiguration', schemaValid: false })
  })

  it('requires 1 to 10 CAs with at least one root', async () => {
    const noRoot = await http.call('POST', APP, { body: { trustedCertificateAuthorities: [ca(certs.intermediate, false)] } })
    expect(noRoot.status).toBe(400)
    expect(noRoot.json.error.message).toContain('root')
    expect((await http.call('POST', APP, { body: { trustedCertificateAuthorities: [] } })).status).toBe(400)
    const eleven = Array.from({ length: 11 }, () => ca(certs.root, true))
    expect((await http.call('POST', APP, { body: { trustedCertificateAuthorities: eleven } })).status).toBe(400)
    const full = emulator.state.seedApplicationConfiguration(
      'full',
      Array.from({ length: 10 }, () => certs.root.pem)
    )
    const over = await http.call('POST', `${APP}/${full.id}/trustedCertificateAuthorities`, { body: ca(certs.root2, true) })
    expect(over.status).toBe(400)
    expect(over.json.error.message).toContain('limit is 10')
  })

  it('allows at most 100 configurations per tenant, soft-deleted ones included', async () => {
    for (let i = 0; i < 99; i++) emulator.state.seedApplicationConfiguration(`c${i}`, [certs.root.pem])
    emulator.state.deletedApplicationConfigurations = 1
    const res = await http.call('POST', APP, { body: { trustedCertificateAuthorities: [ca(certs.root, true)] } })
    expect(res.status).toBe(400)
    expect(res.json.error.message).toContain('100')
  })
})

describe('kind 3: trusted certificate authorities of a configuration', () => {
  it('adds, lists, gets, flips and deletes CAs, keeping the last root', async () => {
    const config = emulator.state.seedApplicationConfiguration('Contoso', [certs.root.pem])
    const cas = `${APP}/${config.id}/trustedCertificateAuthorities`
    const rootId = config.trustedCertificateAuthorities[0]!.id
    const added = await http.call('POST', cas, { body: ca(certs.intermediate, false) })
    expect(added.status).toBe(201)
    const intermediateId = added.json.id as string
    expect((await http.call('GET', cas)).json.value).toHaveLength(2)
    expect((await http.call('GET', `${cas}/${intermediateId}`)).json.isRootAuthority).toBe(false)

    const lastRootDelete = await http.call('DELETE', `${cas}/${rootId}`)
    expect(lastRootDelete.status).toBe(400)
    expect(lastRootDelete.json.error.message).toContain('last root')
    expect((await http.call('PATCH', `${cas}/${rootId}`, { body: { isRootAuthority: false } })).status).toBe(400)

    expect((await http.call('PATCH', `${cas}/${intermediateId}`, { body: { isRootAuthority: true } })).status).toBe(204)
    expect((await http.call('DELETE', `${cas}/${rootId}`)).status).toBe(204)
    expect(emulator.state.applicationConfigurations[0]?.trustedCertificateAuthorities.map((c) => c.id)).toEqual([intermediateId])
  })

  it('requires issuer and issuerSubjectKeyIdentifier on a child POST, and refuses a duplicate', async () => {
    const config = emulator.state.seedApplicationConfiguration('Contoso', [certs.root.pem])
    const cas = `${APP}/${config.id}/trustedCertificateAuthorities`
    const missing = await http.call('POST', cas, { body: { certificate: certs.root2.base64, isRootAuthority: true } })
    expect(missing.status).toBe(400)
    expect(missing.json.error.message).toContain("required property 'issuer'")
    const duplicate = await http.call('POST', cas, { body: ca(certs.root, true) })
    expect(duplicate.json.error.message).toContain('Duplicate Certificate exists')
  })
})

describe('read oddities', () => {
  it('can add a trailing space to keys, use the documented drifted casing, or lower-case keys', async () => {
    const config = emulator.state.seedApplicationConfiguration('Contoso', [certs.root.pem])
    emulator.config.oddities.trailingSpaceKeys = true
    const spaced = await http.call('GET', `${APP}/${config.id}?$expand=trustedCertificateAuthorities`)
    expect(Object.keys(spaced.json)).toContain('trustedCertificateAuthorities ')
    expect(Object.keys(spaced.json)).toContain('@odata.context')
    emulator.config.oddities.trailingSpaceKeys = false
    emulator.config.oddities.keyCasing = 'documented'
    const drifted = await http.call('GET', `${APP}/${config.id}/trustedCertificateAuthorities`)
    expect(drifted.json.value[0].issuerSubjectkeyIdentifier).toBe(certs.root.keyId)
    emulator.config.oddities.keyCasing = 'lower'
    expect((await http.call('GET', `${APP}/${config.id}`)).json.displayname).toBe('Contoso')
  })

  it('can inline the CAs without $expand, as the docs list example does', async () => {
    emulator.state.seedApplicationConfiguration('Contoso', [certs.root.pem])
    emulator.config.oddities.inlineNavigation = true
    expect((await http.call('GET', APP)).json.value[0].trustedCertificateAuthorities).toHaveLength(1)
  })
})
