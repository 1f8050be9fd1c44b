// A create whose response was lost (the write took effect, the answer never came) is followed by a
// re-read of the tenant, never a blind repeat: no run creates a duplicate.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.ts'
import { runAction } from '../../emulator/run-action.ts'

const CERTIFICATES = 'examples/contoso/*.cer\nexamples/contoso/*.pem'
let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.reset())

const counts = (): Record<string, number> => ({
  organization: emulator.state.organizationCba?.certificateAuthorities.length ?? 0,
  pkis: emulator.state.pkis.length,
  pkiCas: emulator.state.pkis.reduce((n, p) => n + p.certificateAuthorities.length, 0),
  applications: emulator.state.applicationConfigurations.length,
  applicationCas: emulator.state.applicationConfigurations.reduce((n, c) => n + c.trustedCertificateAuthorities.length, 0)
})

describe.each<[string, Record<string, string>, RegExp, Record<string, number>]>([
  ['organization', {}, /\/certificateBasedAuthConfiguration$/, { organization: 3 }],
  ['pki', { 'display-name': 'Lost PKI' }, /\/certificateBasedAuthConfigurations$/, { pkis: 1, pkiCas: 3 }],
  ['pki', { 'display-name': 'Lost PKI' }, /\/certificateAuthorities$/, { pkis: 1, pkiCas: 3 }],
  ['application', { 'display-name': 'Lost apps' }, /\/certificateBasedApplicationConfigurations$/, { applications: 1, applicationCas: 3 }]
])('kind %s, lost response to POST %s', (kind, extra, path, expected) => {
  it.each<[string, true | number]>([
    ['the connection dropped', true],
    ['a 504 from a gateway', 504]
  ])('after %s: re-reads, no duplicate', async (_how, lost) => {
    const fault = emulator.faults.add({ method: 'POST', path, lostResponse: lost, times: 1 })
    const result = await runAction({ kind, certificates: CERTIFICATES, ...emulator.inputs(), ...extra }, { env: { ...emulator.env() } })
    expect(fault.hits).toBe(1)
    expect({ code: result.code, errors: result.stdout.split('\n').filter((l) => l.startsWith('::error')) }).toEqual({ code: 0, errors: [] })
    expect(counts()).toMatchObject(expected)
    expect(JSON.parse(result.outputs.created!)).toHaveLength(3)
    expect(result.stdout).toMatch(/lost/)
  })
})
