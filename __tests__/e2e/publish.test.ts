// The committed dist/index.js against the Graph emulator, per kind and API version: the first run
// creates, the second writes nothing, dry-run writes nothing, replace removes extras; every body
// is schema-valid and the outputs say what happened.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startEmulator, type Emulator, type RequestRecord } from '../../emulator/index.ts'
import { ROOT, runAction, type ActionRun } from '../../emulator/run-action.ts'
import { fingerprints } from '../helpers/openssl.ts'

const FILES = [
  'examples/contoso/contoso-root-ca.cer',
  'examples/contoso/contoso-issuing-ca-1.pem',
  'examples/contoso/contoso-issuing-ca-2.pem'
]
const THUMBPRINTS = FILES.map((f) => fingerprints(join(ROOT, f)).sha1)
const WRITES = new Set(['POST', 'PATCH', 'DELETE', 'PUT'])
const JWT = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,}/

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.reset())

async function run(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun & { requests: RequestRecord[] }> {
  const before = emulator.requests.length
  const result = await runAction(
    { certificates: FILES.join('\n'), ...emulator.inputs(), ...inputs },
    // Backups stay for the tests to read (the test run's scratch folder goes at its end).
    { env: { ...emulator.env(), ...env }, keepFiles: true }
  )
  return { ...result, requests: emulator.requests.slice(before) }
}
const writes = (r: { requests: RequestRecord[] }): RequestRecord[] => r.requests.filter((q) => q.role === 'graph' && WRITES.has(q.method))
const json = (r: ActionRun, name: string): unknown => JSON.parse(r.outputs[name] ?? 'null')

/** Thumbprints the emulated tenant holds for the kind. */
function held(kind: string): string[] {
  const { state } = emulator
  const certs =
    kind === 'organization'
      ? (state.organizationCba?.certificateAuthorities ?? [])
      : kind === 'pki'
        ? state.pkis.flatMap((p) => p.certificateAuthorities)
        : state.applicationConfigurations.flatMap((c) => c.trustedCertificateAuthorities)
  return certs.map((c) => fingerprintOf(c.certificate)).sort()
}
function fingerprintOf(base64: string): string {
  return createHashSync(Buffer.from(base64, 'base64'))
}
const createHashSync = (der: Buffer): string => createHash('sha1').update(der).digest('hex').toUpperCase()

const CASES = [
  { kind: 'organization', version: 'v1.0', extra: {} },
  { kind: 'organization', version: 'beta', extra: {} },
  { kind: 'pki', version: 'v1.0', extra: { 'display-name': 'Contoso PKI' } },
  { kind: 'pki', version: 'beta', extra: { 'display-name': 'Contoso PKI' } },
  { kind: 'application', version: 'beta', extra: { 'display-name': 'Contoso apps' } }
] as const

describe.each(CASES)('kind $kind on $version', ({ kind, version, extra }) => {
  const inputs = { kind, 'api-version': version, ...extra }

  it('dry-run reads the tenant and writes nothing; the first run creates; the second writes nothing', async () => {
    const dry = await run({ ...inputs, 'dry-run': 'true' })
    expect(dry.code).toBe(0)
    expect(writes(dry)).toEqual([])
    expect(dry.requests.some((r) => r.role === 'graph' && r.method === 'GET')).toBe(true)
    expect((json(dry, 'plan') as unknown[]).length).toBeGreaterThan(0)
    expect(held(kind)).toEqual([])

    const first = await run(inputs)
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' })
    expect(writes(first).length).toBeGreaterThan(0)
    for (const w of writes(first)) expect({ path: w.path, valid: w.schemaValid ?? true }).toEqual({ path: w.path, valid: true })
    for (const w of writes(first)) expect(w.path.startsWith(`/${version}/`)).toBe(true)
    expect(held(kind)).toEqual([...THUMBPRINTS].sort())
    expect((json(first, 'created') as string[]).sort()).toEqual([...THUMBPRINTS].sort())
    expect(json(first, 'removed')).toEqual([])
    expect(first.outputs['configuration-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect((json(first, 'certificate-authority-ids') as string[]).length).toBe(kind === 'organization' ? 0 : 3)
    expect(first.summary).toMatch(/\| created \|/)

    const second = await run(inputs)
    expect(second.code).toBe(0)
    expect(writes(second)).toEqual([])
    expect((json(second, 'unchanged') as string[]).sort()).toEqual([...THUMBPRINTS].sort())
    expect(json(second, 'created')).toEqual([])
    expect(second.outputs['configuration-id']).toBe(first.outputs['configuration-id'])
  })

  it('replace removes the CAs not given; sync does not', async () => {
    expect((await run(inputs)).code).toBe(0)
    const subset = { certificates: FILES.slice(0, 2).join('\n') }
    const sync = await run({ ...inputs, ...subset, 'allow-recreate': kind === 'organization' ? 'true' : 'false' })
    expect(sync.code).toBe(0)
    expect(writes(sync)).toEqual([])
    const replace = await run({ ...inputs, ...subset, mode: 'replace', ...(kind === 'organization' ? { 'allow-recreate': 'true' } : {}) })
    expect({ code: replace.code, out: replace.stdout.split('\n').filter((l) => l.startsWith('::error')) }).toEqual({ code: 0, out: [] })
    expect(json(replace, 'removed')).toEqual([THUMBPRINTS[2]])
    expect(held(kind)).toEqual(THUMBPRINTS.slice(0, 2).sort())
    for (const w of writes(replace)) expect(w.schemaValid ?? true).toBe(true)
  })

  it('sends only requests to the OIDC endpoint, the token endpoint and Graph (no discovery), and logs no token', async () => {
    const result = await run(inputs, { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' })
    expect(result.code).toBe(0)
    expect(result.requests.map((r) => r.operation).filter((o) => /openid|discovery|instance/.test(o ?? ''))).toEqual([])
    expect(result.requests.filter((r) => r.role === 'authority').map((r) => r.path.split('?')[0])).toEqual([
      `/${emulator.tenantId}/oauth2/v2.0/token`
    ])
    expect(result.stdout).toMatch(/::debug::/)
    // `::add-mask::` is how core.setSecret asks the runner to mask a value; it never reaches the log.
    const masked = result.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'))
    expect(masked.filter((l) => JWT.test(l))).toHaveLength(2) // the GitHub ID token and the access token
    const logged = result.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n')
    expect(logged + result.stderr + result.summary + JSON.stringify(result.outputs)).not.toMatch(JWT)
  })
})

describe('organization: the trust store is recreated only when allowed, with a backup', () => {
  it('refuses a change without allow-recreate, showing the plan, and writes nothing', async () => {
    emulator.state.seedOrganization([readFileSync(join(ROOT, FILES[0]!))])
    const result = await run({ kind: 'organization' })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /::error::The tenant trust store must change \(2 to add, 1 to update, 0 to remove\).*allow-recreate: true/
    )
    expect(writes(result)).toEqual([])
    expect((json(result, 'plan') as Array<{ method: string }>).map((op) => op.method)).toEqual(['DELETE', 'POST'])
  })

  it('with allow-recreate, backs up, deletes, creates the union (sync), and verifies', async () => {
    emulator.state.seedOrganization([readFileSync(join(ROOT, FILES[0]!))])
    const result = await run({ kind: 'organization', 'allow-recreate': 'true', certificates: FILES.join('\n') })
    expect(result.code).toBe(0)
    expect(writes(result).map((w) => w.method)).toEqual(['DELETE', 'POST'])
    const backup = JSON.parse(readFileSync(result.outputs['backup-path']!, 'utf8')) as {
      certificateAuthorities: Array<{ certificate: string }>
    }
    expect(backup.certificateAuthorities.map((c) => fingerprintOf(c.certificate))).toEqual([THUMBPRINTS[0]])
    expect(held('organization')).toEqual([...THUMBPRINTS].sort())
    expect((json(result, 'created') as string[]).sort()).toEqual(THUMBPRINTS.slice(1).sort())
    expect(json(result, 'unchanged')).toEqual([THUMBPRINTS[0]])
  })

  it('takes the organization id from the token, so a domain-name tenant-id works', async () => {
    const result = await run({ kind: 'organization', 'tenant-id': 'contoso.onmicrosoft.com' })
    expect(result.code).toBe(0)
    expect(writes(result).map((w) => w.path)).toEqual([`/v1.0/organization/${emulator.tenantId}/certificateBasedAuthConfiguration`])
  })
})

describe('sign-in and permission failures are clear and write nothing', () => {
  it('missing OIDC variables: says to grant id-token: write', async () => {
    const result = await runAction(
      { kind: 'pki', 'display-name': 'x', certificates: FILES.join('\n'), ...emulator.inputs() },
      { env: { NODE_EXTRA_CA_CERTS: emulator.caFile } }
    )
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/::error::.*id-token: write/)
    expect(emulator.requests).toEqual([])
  })

  it('a federated credential for another subject: AADSTS70021 with the sub claim', async () => {
    emulator.config.federatedSubject = 'repo:octo-org/other:ref:refs/heads/main'
    const result = await run({ kind: 'pki', 'display-name': 'x' })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/AADSTS70021/)
    expect(result.stdout).toContain(emulator.config.subject)
    expect(result.requests.filter((r) => r.role === 'graph')).toEqual([])
  })

  it.each([
    ['organization', 'Organization.ReadWrite.All'],
    ['pki', 'PublicKeyInfrastructure.ReadWrite.All'],
    ['application', 'AppCertTrustConfiguration.ReadWrite.All']
  ])('403 on %s names the permission it needs', async (kind, permission) => {
    emulator.config.roles = []
    const result = await run({ kind, 'display-name': 'x' })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(new RegExp(`::error::.*403.*${permission.replace(/\./g, '\\.')}`, 's'))
    expect(writes(result)).toEqual([])
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/)
  })
})
