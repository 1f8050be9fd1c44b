// Permission and sign-in faults end to end: a 401 names the permission, the OIDC endpoint failing
// once is survived, AADSTS errors say what to check, and a Graph that never answers fails in
// bounded time.
import { describe, expect, it } from '@jest/globals'
import { ALL, useEmulator } from './support/fault-matrix.ts'
import { holdings } from '../helpers/tenant.ts'

const { emulator: current, run } = useEmulator()

describe('permission and sign-in faults', () => {
  it.each([
    ['organization', 'Organization.ReadWrite.All'],
    ['pki', 'PublicKeyInfrastructure.ReadWrite.All'],
    ['application', 'AppCertTrustConfiguration.ReadWrite.All']
  ])('401 from Graph on %s: exit 1 naming the permission', async (kind, permission) => {
    current().faults.add({ method: 'GET', status: 401 })
    const result = await run({ kind, 'display-name': 'x' })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(new RegExp(`::error::.*401.*${permission.replace(/\./g, '\\.')}`))
    expect(current().requests.filter((r) => r.role === 'graph' && r.method !== 'GET')).toEqual([])
  })

  it('the OIDC endpoint failing once, then answering', async () => {
    const handle = current().faults.add({ role: 'oidc', status: 500, times: 1 })
    const result = await run({ kind: 'pki', 'display-name': 'x' })
    expect(handle.hits).toBe(1)
    expect(result.code).toBe(0)
    expect(holdings(current(), 'pki')).toEqual([ALL])
  })

  it('an unknown application: AADSTS700016 with what to check', async () => {
    const result = await run({ kind: 'pki', 'display-name': 'x', 'client-id': '00000000-0000-4000-8000-000000000001' })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/::error::.*AADSTS700016/)
    expect(result.stdout).toMatch(/client-id/)
    expect(current().requests.filter((r) => r.role === 'graph')).toEqual([])
  })

  it("an expired assertion (the ID token's clock far behind): AADSTS700024 with what to check", async () => {
    current().config.idTokenClockSkewSeconds = -3600
    const result = await run({ kind: 'pki', 'display-name': 'x' })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/::error::.*AADSTS700024/)
    expect(result.stdout).toMatch(/clock|expired|time/i)
    expect(current().requests.filter((r) => r.role === 'graph')).toEqual([])
  })

  it('a Graph that never answers any read fails in bounded time', async () => {
    current().faults.add({ method: 'GET', hang: true })
    const result = await run({ kind: 'pki', 'display-name': 'x' })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/::error::.*GET .*got no response after 5 attempts/)
    expect(result.durationMs).toBeLessThan(45_000)
    expect(holdings(current(), 'pki')).toEqual([])
  })
})
