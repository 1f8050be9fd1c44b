// The fault matrix: for each kind and each kind of write, transient faults (throttling, gateway
// errors before the write commits, lost responses after it commits, dropped connections, a
// server that never answers, concurrency conflicts) end in success with exactly the CAs wanted,
// nothing duplicated and nothing lost; permanent ones end in exit 1 with a message to act on.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator, type FaultRule } from '../../emulator/index.ts'
import { runAction } from '../../emulator/run-action.ts'
import { join } from 'node:path'
import { ROOT } from '../../emulator/run-action.ts'
import { fingerprints, makeChain, read } from '../helpers/openssl.ts'
import { EXAMPLE_CERTIFICATES, EXAMPLE_FILES, exampleBytes, holdings } from '../helpers/tenant.ts'

const ALL = EXAMPLE_FILES.map((f) => fingerprints(join(ROOT, f)).sha1).sort()
const extra = makeChain(0, 'Extra')
const EXTRA = fingerprints(extra.files[0]!).sha1

interface Scenario {
  readonly name: string
  readonly inputs: Record<string, string>
  readonly seed: (e: Emulator) => void
  /** The write the fault hits. */
  readonly method: string
  readonly path: RegExp
  /** What the kind's configurations hold afterwards. */
  readonly expected: string[][]
  /** How often the permanent fault hits (unlimited when absent). */
  readonly permanentTimes?: number
}

const root = exampleBytes(0)
const [i1, i2] = [exampleBytes(1), exampleBytes(2)]
const SCENARIOS: Scenario[] = [
  {
    name: 'organization: create the store',
    inputs: { kind: 'organization' },
    seed: () => {},
    method: 'POST',
    path: /\/certificateBasedAuthConfiguration$/,
    expected: [ALL]
  },
  {
    name: 'organization: delete before re-creating',
    inputs: { kind: 'organization', 'allow-recreate': 'true' },
    seed: (e) => e.state.seedOrganization([root]),
    method: 'DELETE',
    path: /\/certificateBasedAuthConfiguration\/.+/,
    expected: [ALL]
  },
  // The restore after a failed create POSTs to the same path: the permanent fault here hits once,
  // so the restore goes through (restore.test.ts covers a restore that fails too).
  {
    name: 'organization: create after the delete',
    inputs: { kind: 'organization', 'allow-recreate': 'true' },
    seed: (e) => e.state.seedOrganization([root]),
    method: 'POST',
    path: /\/certificateBasedAuthConfiguration$/,
    expected: [ALL],
    permanentTimes: 1
  },
  {
    name: 'pki: create the PKI',
    inputs: { kind: 'pki', 'display-name': 'Faulty' },
    seed: () => {},
    method: 'POST',
    path: /\/certificateBasedAuthConfigurations$/,
    expected: [ALL]
  },
  {
    name: 'pki: add a CA',
    inputs: { kind: 'pki', 'display-name': 'Faulty' },
    seed: (e) => e.state.seedPki('Faulty', [root]),
    method: 'POST',
    path: /\/certificateAuthorities$/,
    expected: [ALL]
  },
  {
    name: 'pki: update a CRL URL',
    inputs: { kind: 'pki', 'display-name': 'Faulty' },
    seed: (e) => e.state.seedPki('Faulty', [{ certificate: root, crlUrl: 'http://old.example.test/root.crl' }, i1, i2]),
    method: 'PATCH',
    path: /\/certificateAuthorities\/.+/,
    expected: [ALL]
  },
  {
    name: 'pki: remove an extra (replace)',
    inputs: { kind: 'pki', 'display-name': 'Faulty', mode: 'replace' },
    seed: (e) => e.state.seedPki('Faulty', [root, i1, i2, read(extra.files[0]!)]),
    method: 'DELETE',
    path: /\/certificateAuthorities\/.+/,
    expected: [ALL]
  },
  {
    name: 'application: create the configuration',
    inputs: { kind: 'application', 'display-name': 'Faulty' },
    seed: () => {},
    method: 'POST',
    path: /\/certificateBasedApplicationConfigurations$/,
    expected: [ALL]
  },
  {
    name: 'application: add a CA',
    inputs: { kind: 'application', 'display-name': 'Faulty' },
    seed: (e) => e.state.seedApplicationConfiguration('Faulty', [root]),
    method: 'POST',
    path: /\/trustedCertificateAuthorities$/,
    expected: [ALL]
  },
  {
    name: 'application: mark an intermediate',
    inputs: { kind: 'application', 'display-name': 'Faulty' },
    seed: (e) => e.state.seedApplicationConfiguration('Faulty', [root, { certificate: i1, isRootAuthority: true }, i2]),
    method: 'PATCH',
    path: /\/trustedCertificateAuthorities\/.+/,
    expected: [ALL]
  },
  {
    name: 'application: remove an extra (replace)',
    inputs: { kind: 'application', 'display-name': 'Faulty', mode: 'replace' },
    seed: (e) => e.state.seedApplicationConfiguration('Faulty', [root, i1, i2, read(extra.files[0]!)]),
    method: 'DELETE',
    path: /\/trustedCertificateAuthorities\/.+/,
    expected: [ALL]
  }
]

type Fault = Omit<FaultRule, 'method' | 'path'>
const TRANSIENT: Array<[string, Fault]> = [
  ['429 with Retry-After', { status: 429, retryAfter: 1, times: 2 }],
  ['429 without Retry-After', { status: 429, times: 1 }],
  ['503 before the write commits', { status: 503, times: 1 }],
  ['504 before the write commits', { status: 504, times: 1 }],
  ['409 concurrency violation', { status: 409, times: 2 }],
  ['connection dropped before the write commits', { drop: true, times: 1 }],
  ['lost response after the write commits', { lostResponse: true, times: 1 }],
  ['no answer at all', { hang: true, times: 1 }]
]

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.reset())

const run = (inputs: Record<string, string>) =>
  runAction(
    { certificates: EXAMPLE_CERTIFICATES, ...emulator.inputs(), ...inputs },
    { env: { ...emulator.env(), ENTRA_CA_REQUEST_TIMEOUT_SECONDS: '1', ENTRA_CA_LOOPBACK_PAUSE_MS: '10' } }
  )

describe.each(SCENARIOS)('$name', (scenario) => {
  it.each(TRANSIENT)('survives %s: exit 0, exactly the CAs wanted', async (_name, fault) => {
    scenario.seed(emulator)
    const handle = emulator.faults.add({ ...fault, method: scenario.method, path: scenario.path })
    const result = await run(scenario.inputs)
    expect(handle.hits).toBeGreaterThan(0)
    expect({ code: result.code, errors: result.stdout.split('\n').filter((l) => l.startsWith('::error')) }).toEqual({ code: 0, errors: [] })
    expect(holdings(emulator, scenario.inputs.kind!)).toEqual(scenario.expected)
  })

  it('fails for good on a 500 with a traceable message, and loses nothing the tenant trusted', async () => {
    scenario.seed(emulator)
    const before = holdings(emulator, scenario.inputs.kind!)
    emulator.faults.add({
      method: scenario.method,
      path: scenario.path,
      status: 500,
      ...(scenario.permanentTimes !== undefined ? { times: scenario.permanentTimes } : {})
    })
    const result = await run(scenario.inputs)
    expect(result.code).toBe(1)
    const error = result.stdout.split('\n').find((l) => l.startsWith('::error::'))
    expect(error).toMatch(
      new RegExp(`${scenario.method} /.* failed with HTTP 500 .*request-id: [0-9a-f-]{36}, client-request-id: [0-9a-f-]{36}, date: `)
    )
    // Whatever the tenant trusted before is still trusted (extras may be gone only in replace, and only later).
    const after = new Set(holdings(emulator, scenario.inputs.kind!).flat())
    for (const thumbprint of before.flat()) if (thumbprint !== EXTRA) expect(after.has(thumbprint)).toBe(true)
  })
})

describe('permission and sign-in faults', () => {
  it.each([
    ['organization', 'Organization.ReadWrite.All'],
    ['pki', 'PublicKeyInfrastructure.ReadWrite.All'],
    ['application', 'AppCertTrustConfiguration.ReadWrite.All']
  ])('401 from Graph on %s: exit 1 naming the permission', async (kind, permission) => {
    emulator.faults.add({ method: 'GET', status: 401 })
    const result = await run({ kind, 'display-name': 'x' })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(new RegExp(`::error::.*401.*${permission.replace(/\./g, '\\.')}`))
    expect(emulator.requests.filter((r) => r.role === 'graph' && r.method !== 'GET')).toEqual([])
  })

  it('the OIDC endpoint failing once, then answering', async () => {
    const handle = emulator.faults.add({ role: 'oidc', status: 500, times: 1 })
    const result = await run({ kind: 'pki', 'display-name': 'x' })
    expect(handle.hits).toBe(1)
    expect(result.code).toBe(0)
    expect(holdings(emulator, 'pki')).toEqual([ALL])
  })

  it('an unknown application: AADSTS700016 with what to check', async () => {
    const result = await run({ kind: 'pki', 'display-name': 'x', 'client-id': '00000000-0000-4000-8000-000000000001' })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/::error::.*AADSTS700016/)
    expect(result.stdout).toMatch(/client-id/)
    expect(emulator.requests.filter((r) => r.role === 'graph')).toEqual([])
  })

  it("an expired assertion (the ID token's clock far behind): AADSTS700024 with what to check", async () => {
    emulator.config.idTokenClockSkewSeconds = -3600
    const result = await run({ kind: 'pki', 'display-name': 'x' })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/::error::.*AADSTS700024/)
    expect(result.stdout).toMatch(/clock|expired|time/i)
    expect(emulator.requests.filter((r) => r.role === 'graph')).toEqual([])
  })

  it('a Graph that never answers any read fails in bounded time', async () => {
    emulator.faults.add({ method: 'GET', hang: true })
    const result = await run({ kind: 'pki', 'display-name': 'x' })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/::error::.*GET .*got no response after 5 attempts/)
    expect(result.durationMs).toBeLessThan(45_000)
    expect(holdings(emulator, 'pki')).toEqual([])
  })
})
