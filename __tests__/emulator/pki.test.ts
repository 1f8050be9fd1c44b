import { describe, expect, it } from '@jest/globals'
import { certs, emulator, http, type Json, PKI, type TestCertificate, useEmulator } from './support.ts'

useEmulator()

const caBody = (cert: TestCertificate, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  certificate: cert.base64,
  thumbprint: cert.thumbprint,
  expirationDateTime: cert.notAfter,
  certificateAuthorityType: 'root',
  ...extra
})

/** Follows @odata.nextLink to the end; returns every item and the number of pages. */
async function all(url: string): Promise<{ items: Json[]; pages: number }> {
  const items: Json[] = []
  let pages = 0
  for (let next: string | undefined = url; next !== undefined; pages++) {
    const res = await http.call('GET', next)
    expect(res.status).toBe(200)
    items.push(...(res.json.value as Json[]))
    next = res.json['@odata.nextLink'] as string | undefined
  }
  return { items, pages }
}

describe('kind 2: PKI containers', () => {
  it('creates, finds by displayName (with quote escaping), gets, patches and deletes a PKI', async () => {
    const created = await http.call('POST', PKI, { body: { displayName: "O'Brien PKI" } })
    expect(created.status).toBe(201)
    const id = created.json.id as string
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(created.json).toMatchObject({ displayName: "O'Brien PKI", status: null, deletedDateTime: null })
    await http.call('POST', PKI, { body: { displayName: 'Other' } })

    const found = await http.call('GET', `${PKI}?$filter=${encodeURIComponent("displayName eq 'O''Brien PKI'")}`)
    expect(found.json.value.map((p: Json) => p.id)).toEqual([id])
    expect(found.json['@odata.context']).toBe(
      `${emulator.urls.graph}/v1.0/$metadata#directory/publicKeyInfrastructure/certificateBasedAuthConfigurations`
    )
    expect((await http.call('GET', `${PKI}?$filter=${encodeURIComponent("startswith(displayName,'oth')")}`)).json.value).toHaveLength(1)

    expect((await http.call('GET', `${PKI}/${id}`)).json.displayName).toBe("O'Brien PKI")
    const patched = await http.call('PATCH', `${PKI}/${id}`, { body: { displayName: 'Renamed' } })
    expect(patched.status).toBe(200)
    expect(patched.json.displayName).toBe('Renamed')
    expect((await http.call('DELETE', `${PKI}/${id}`)).status).toBe(204)
    expect((await http.call('GET', `${PKI}/${id}`)).status).toBe(404)
  })

  it('pages with @odata.nextLink (page size settable), honours $top, refuses $skip and $expand', async () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) emulator.state.seedPki(name)
    emulator.config.pageSize = 2
    const { items, pages } = await all(PKI)
    expect(items.map((p) => p.displayName)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(pages).toBe(3)
    const top = await http.call('GET', `${PKI}?$top=4`)
    expect(top.json.value).toHaveLength(4)
    expect(top.json['@odata.nextLink']).toMatch(/\?\$top=4&\$skiptoken=/)
    expect((await http.call('GET', `${PKI}?$skip=2`)).status).toBe(400)
    expect((await http.call('GET', `${PKI}?$top=1000`)).status).toBe(400)
    expect((await http.call('GET', `${PKI}?$expand=certificateAuthorities`)).status).toBe(400)
  })

  it('wraps a single PKI in {"value": {...}} when the oddity is on', async () => {
    const pki = emulator.state.seedPki('wrapped')
    emulator.config.oddities.wrapSingleObjects = true
    const res = await http.call('GET', `${PKI}/${pki.id}`)
    expect(res.json.value).toMatchObject({ id: pki.id, displayName: 'wrapped' })
  })

  it('rejects a body with an unknown or read-only property', async () => {
    const res = await http.call('POST', PKI, { body: { displayName: 'x', status: 'running' } })
    expect(res.status).toBe(400)
    expect(res.json.error.message).toContain("Property 'status' in the body is read-only")
    expect(emulator.requests.at(-1)).toMatchObject({ schema: 'request.createCertificateBasedAuthPki', schemaValid: false })
  })
})

describe('kind 2: certificate authorities of a PKI', () => {
  it('creates, lists, gets, patches and deletes a CA', async () => {
    const pki = emulator.state.seedPki('Contoso')
    const cas = `${PKI}/${pki.id}/certificateAuthorities`
    const created = await http.call('POST', cas, {
      body: caBody(certs.root, { issuer: 'CN=Contoso Root CA, O=Contoso, C=US', issuerSubjectKeyIdentifier: certs.root.keyId })
    })
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject({ thumbprint: certs.root.thumbprint, certificateAuthorityType: 'root', isIssuerHintEnabled: false })
    const caId = created.json.id as string
    expect((await http.call('GET', cas)).json.value).toHaveLength(1)
    expect((await http.call('GET', `${cas}?$filter=thumbprint eq '${certs.root.thumbprint}'`)).json.value).toHaveLength(1)
    expect((await http.call('GET', `${cas}/${caId}`)).json.thumbprint).toBe(certs.root.thumbprint)
    const patched = await http.call('PATCH', `${cas}/${caId}`, {
      body: { certificateRevocationListUrl: 'http://crl.contoso.com/r.crl', isIssuerHintEnabled: true }
    })
    expect(patched.status).toBe(200)
    expect(emulator.state.pkis[0]?.certificateAuthorities[0]).toMatchObject({
      certificateRevocationListUrl: 'http://crl.contoso.com/r.crl',
      isIssuerHintEnabled: true
    })
    emulator.config.oddities.patchNoContent = true
    expect((await http.call('PATCH', `${cas}/${caId}`, { body: { displayName: 'root' } })).status).toBe(204)
    expect((await http.call('DELETE', `${cas}/${caId}`)).status).toBe(204)
    expect(emulator.state.pkis[0]?.certificateAuthorities).toHaveLength(0)
  })

  it('pages the CAs of a PKI', async () => {
    const pki = emulator.state.seedPki('Contoso', [certs.root.pem, certs.intermediate.pem, certs.root2.pem])
    emulator.config.pageSize = 2
    const { items, pages } = await all(`${PKI}/${pki.id}/certificateAuthorities`)
    expect(items.map((c) => c.thumbprint)).toEqual([certs.root.thumbprint, certs.intermediate.thumbprint, certs.root2.thumbprint])
    expect(pages).toBe(2)
  })

  it('refuses a duplicate certificate with "Duplicate Certificate exists"', async () => {
    const pki = emulator.state.seedPki('Contoso', [certs.root.pem])
    const res = await http.call('POST', `${PKI}/${pki.id}/certificateAuthorities`, { body: caBody(certs.root) })
    expect(res.status).toBe(400)
    expect(res.json.error.message).toContain('Duplicate Certificate exists')
  })

  it('refuses a certificate over 8 KB and a 251st CA', async () => {
    const pki = emulator.state.seedPki('Contoso')
    const big = await http.call('POST', `${PKI}/${pki.id}/certificateAuthorities`, { body: caBody(certs.big) })
    expect(certs.big.derLength).toBeGreaterThan(8192)
    expect(big.status).toBe(400)
    expect(big.json.error.message).toContain('8 KB')
    const full = emulator.state.seedPki(
      'Full',
      Array.from({ length: 250 }, () => certs.root.pem)
    )
    const over = await http.call('POST', `${PKI}/${full.id}/certificateAuthorities`, { body: caBody(certs.root2) })
    expect(over.status).toBe(400)
    expect(over.json.error.message).toContain('at most 250')
  })

  it('checks that thumbprint and expirationDateTime match the certificate', async () => {
    const pki = emulator.state.seedPki('Contoso')
    const path = `${PKI}/${pki.id}/certificateAuthorities`
    expect((await http.call('POST', path, { body: caBody(certs.root, { thumbprint: certs.root2.thumbprint }) })).status).toBe(400)
    expect((await http.call('POST', path, { body: caBody(certs.root, { expirationDateTime: '2030-01-01T00:00:00Z' }) })).status).toBe(400)
    expect((await http.call('POST', path, { body: caBody(certs.root, { thumbprint: certs.root.thumbprint.toLowerCase() }) })).status).toBe(
      201
    )
  })

  it('rejects by schema a body missing a required field or with a misspelled one', async () => {
    const pki = emulator.state.seedPki('Contoso')
    const path = `${PKI}/${pki.id}/certificateAuthorities`
    const { thumbprint: _, ...noThumbprint } = caBody(certs.root)
    const missing = await http.call('POST', path, { body: noThumbprint })
    expect(missing.status).toBe(400)
    expect(missing.json.error.message).toContain("must have required property 'thumbprint'")
    const misspelled = await http.call('POST', path, { body: caBody(certs.root, { deltacertificateRevocationListUrl: 'http://x/d.crl' }) })
    expect(misspelled.status).toBe(400)
    expect(misspelled.json.error.message).toContain("'deltacertificateRevocationListUrl'")
  })
})
