// First contact with a real tenant (contract.md, issue 13): for each way Graph may turn out to
// behave where graph-api.md says UNCONFIRMED (emulator `config.unconfirmed`, `config.roles`), and
// each kind it concerns, the action still ends with the tenant right: every CA once, nothing lost,
// exit 0; or, for a permanent failure, exit 1 with the tenant as it was and a message that states
// only what a read showed. The tenant is read back from the emulator's state, not from the run.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { appendFileSync } from 'node:fs'
import { join } from 'node:path'
import { READ_ROLES, readCertificate, startEmulator, type Emulator, type Unconfirmed } from '../../emulator/index.ts'
import { ROOT, runAction } from '../../emulator/run-action.ts'
import { appCertificateAuthority, pkiCertificateAuthority } from '../../emulator/state.ts'
import { fingerprints } from '../helpers/openssl.ts'
import { EXAMPLE_CERTIFICATES, EXAMPLE_FILES, exampleBytes, holdings } from '../helpers/tenant.ts'

const ALL = EXAMPLE_FILES.map((f) => fingerprints(join(ROOT, f)).sha1).sort()
type Kind = 'organization' | 'pki' | 'application'
const NAME = 'Unconfirmed'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.reset())

/** Each kind from a tenant that forces its writes: a store to recreate, a PKI to fill, a configuration to add to. */
const KINDS: Readonly<Record<Kind, { inputs: Record<string, string>; seed: (e: Emulator) => void }>> = {
  organization: { inputs: { kind: 'organization', 'allow-recreate': 'true' }, seed: (e) => e.state.seedOrganization([exampleBytes(0)]) },
  pki: { inputs: { kind: 'pki', 'display-name': NAME }, seed: () => {} },
  application: {
    inputs: { kind: 'application', 'display-name': NAME },
    seed: (e) => e.state.seedApplicationConfiguration(NAME, [exampleBytes(0)])
  }
}

const run = (kind: Kind, extra: Record<string, string> = {}) =>
  runAction(
    { ...emulator.inputs(), certificates: EXAMPLE_CERTIFICATES, ...KINDS[kind].inputs, ...extra },
    // Pauses of the retry rule shortened (honoured for loopback Graph only): no test waits seconds.
    { env: { ...emulator.env(), ENTRA_CA_LOOPBACK_PAUSE_MS: '5', ENTRA_CA_REQUEST_TIMEOUT_SECONDS: '5' } }
  )
const errors = (stdout: string): string[] => stdout.split('\n').filter((l) => l.startsWith('::error'))
const writes = () => emulator.requests.filter((r) => r.role === 'graph' && r.method !== 'GET' && !r.path.endsWith('/$batch'))

/** Requests per scenario, for the closing note (UNCONFIRMED_FIGURES names a file to append them to). */
function figures(scenario: string, kind: Kind): void {
  const graph = emulator.requests.filter((r) => r.role === 'graph')
  const line = {
    scenario,
    kind,
    httpRequests: graph.filter((r) => r.batch === undefined).length,
    batches: graph.filter((r) => r.path.endsWith('/$batch')).length,
    batchItems: graph.filter((r) => r.batch !== undefined).length,
    writesAlone: graph.filter((r) => r.batch === undefined && r.method !== 'GET' && !r.path.endsWith('/$batch')).length,
    staleReads: graph.filter((r) => r.stale === true).length
  }
  if (process.env.UNCONFIRMED_FIGURES) appendFileSync(process.env.UNCONFIRMED_FIGURES, `${JSON.stringify(line)}\n`)
}

/** A concurrent run that adds every given CA just before this run's first create. */
/** A racer added the CAs first (into the PKI of that name, for pki). */
function racerFirst(e: Emulator, kind: Kind): void {
  if (kind === 'pki') e.state.seedPki(NAME)
  racer(e, kind)
}

function racer(e: Emulator, kind: Kind): void {
  const facts = EXAMPLE_FILES.map((_f, i) => readCertificate(exampleBytes(i)))
  const path = {
    organization: /\/certificateBasedAuthConfiguration$/,
    pki: /\/certificateAuthorities$/,
    application: /\/trustedCertificateAuthorities$/
  }[kind]
  e.faults.add({
    method: 'POST',
    path,
    times: 1,
    meanwhile: () => {
      if (kind === 'organization') {
        e.state.seedOrganization(EXAMPLE_FILES.map((_f, i) => exampleBytes(i)))
      } else if (kind === 'pki') {
        const pki = e.state.pkis[0]!
        pki.certificateAuthorities.push(...facts.map((f) => pkiCertificateAuthority(f, {})))
      } else {
        const config = e.state.applicationConfigurations[0]!
        const held = new Set(config.trustedCertificateAuthorities.map((ca) => ca.certificate))
        config.trustedCertificateAuthorities.push(
          ...facts.filter((f) => !held.has(f.base64)).map((f) => appCertificateAuthority(f, f.selfSigned))
        )
      }
    }
  })
}

interface Switch {
  readonly name: string
  readonly kinds: readonly Kind[]
  readonly unconfirmed: Partial<Unconfirmed>
  readonly arrange?: (e: Emulator, kind: Kind) => void
  /** A line the run's log must hold. */
  readonly says?: RegExp
}

const SWITCHES: readonly Switch[] = [
  { name: '$batch refused: the envelope 400', kinds: ['pki'], unconfirmed: { batch: 'envelope' }, says: /refused a JSON batch/ },
  {
    name: '$batch refused: the envelope 501',
    kinds: ['pki'],
    unconfirmed: { batch: 'envelope', batchRefusalStatus: 501 },
    says: /refused a JSON batch/
  },
  {
    name: '$batch refused: the envelope 503',
    kinds: ['pki'],
    unconfirmed: { batch: 'envelope', batchRefusalStatus: 503 },
    says: /refused a JSON batch/
  },
  { name: '$batch refused: every item 400', kinds: ['pki'], unconfirmed: { batch: 'items' }, says: /refused a JSON batch/ },
  {
    name: '$batch refused: every item 501',
    kinds: ['pki'],
    unconfirmed: { batch: 'items', batchRefusalStatus: 501 },
    says: /refused a JSON batch/
  },
  {
    name: 'a duplicate answered 409 with another text (a racer added the CAs first)',
    kinds: ['organization', 'pki', 'application'],
    unconfirmed: { duplicates: 'conflict' },
    arrange: racerFirst
  },
  {
    name: 'a duplicate answered 400 "Duplicate Certificate exists" (a racer added the CAs first)',
    kinds: ['organization', 'pki', 'application'],
    unconfirmed: { duplicates: 'documented' },
    arrange: racerFirst
  },
  {
    name: 'duplicates accepted, a create whose answer was lost, and reads that lag',
    kinds: ['organization', 'pki', 'application'],
    unconfirmed: { duplicates: 'accepted', staleReads: 2 },
    arrange: (e, kind) => {
      if (kind === 'pki') e.state.seedPki(NAME)
      const path = {
        organization: /\/certificateBasedAuthConfiguration$/,
        pki: /\/certificateAuthorities$/,
        application: /\/trustedCertificateAuthorities$/
      }[kind]
      e.faults.add({ method: 'POST', path, lostResponse: true, times: 1 })
    }
  },
  { name: 'reads stale for 3 GETs after each write', kinds: ['organization', 'pki', 'application'], unconfirmed: { staleReads: 3 } },
  {
    name: 'batch items in parallel, throttled one by one (429 with Retry-After)',
    kinds: ['pki'],
    unconfirmed: { batchItems: 'parallel', throttleItemsRetryAfter: 1 }
  },
  {
    name: 'everything at once: batching refused per item, reads stale, duplicates accepted, a lost create',
    kinds: ['organization', 'pki', 'application'],
    unconfirmed: { batch: 'items', staleReads: 2, duplicates: 'accepted' },
    arrange: (e, kind) => {
      const path = {
        organization: /\/certificateBasedAuthConfiguration$/,
        pki: /\/certificateAuthorities$/,
        application: /\/trustedCertificateAuthorities$/
      }[kind]
      e.faults.add({ method: 'POST', path, lostResponse: true, times: 1 })
    }
  }
]

describe.each(SWITCHES.flatMap((s) => s.kinds.map((kind) => [s.name, kind, s] as const)))('%s: %s', (name, kind, sw) => {
  it('ends with every given CA held once, exit 0', async () => {
    KINDS[kind].seed(emulator)
    Object.assign(emulator.config.unconfirmed, sw.unconfirmed)
    sw.arrange?.(emulator, kind)
    const result = await run(kind)
    figures(name, kind)
    expect({ code: result.code, errors: errors(result.stdout) }).toEqual({ code: 0, errors: [] })
    expect(holdings(emulator, kind)).toEqual([ALL])
    if (sw.says !== undefined) expect(result.stdout.match(new RegExp(sw.says.source, 'g'))).toHaveLength(1)
  })
})

describe('a dry-run promises nothing a publish cannot do: batching refused', () => {
  it.each(['envelope', 'items'] as const)(
    '$batch refused (%s): the dry-run plans 4 writes, the publish carries them out',
    async (batch) => {
      emulator.config.unconfirmed.batch = batch
      const dry = await run('pki', { 'dry-run': 'true' })
      expect(dry.code).toBe(0)
      expect(JSON.parse(dry.outputs.plan!)).toHaveLength(4)
      expect(writes()).toEqual([])
      const published = await run('pki')
      expect({ code: published.code, errors: errors(published.stdout) }).toEqual({ code: 0, errors: [] })
      expect(holdings(emulator, 'pki')).toEqual([ALL])
    }
  )
})

describe('organization restore when reads lag: reported only once a read shows it', () => {
  const CREATE = /\/certificateBasedAuthConfiguration$/
  const seeded = () => {
    emulator.state.seedOrganization([exampleBytes(0), exampleBytes(1)])
    return holdings(emulator, 'organization')
  }

  it('the create after the DELETE refused for good (400): the backup goes back although a read right after the DELETE shows the old store', async () => {
    const before = seeded()
    emulator.config.unconfirmed.staleReads = 2
    emulator.faults.add({ method: 'POST', path: CREATE, status: 400, code: 'Request_BadRequest', times: 1 })
    const result = await run('organization')
    figures('organization restore, stale reads', 'organization')
    expect(result.code).toBe(1)
    expect(errors(result.stdout).join('\n')).toMatch(/backup was restored: a read shows the tenant trusting the same 2 CAs/)
    expect(holdings(emulator, 'organization')).toEqual(before)
  })

  it('the create retried with backoff after a 503, then through: no restore needed', async () => {
    seeded()
    emulator.config.unconfirmed.staleReads = 2
    emulator.faults.add({ method: 'POST', path: CREATE, status: 500, times: 2 })
    const result = await run('organization')
    expect({ code: result.code, errors: errors(result.stdout) }).toEqual({ code: 0, errors: [] })
    expect(result.stdout).toMatch(/trying again \(attempt 2 of 3\)/)
    expect(holdings(emulator, 'organization')).toEqual([ALL])
  })

  it('every POST failing (the restore too), with a read showing the old store: UNKNOWN, never "restored"; the backup file and az line', async () => {
    seeded()
    emulator.config.unconfirmed.staleReads = 50
    emulator.faults.add({ method: 'POST', path: CREATE, status: 500 })
    const result = await run('organization')
    expect(result.code).toBe(1)
    const message = errors(result.stdout).join('\n')
    expect(message).not.toMatch(/restored/)
    expect(message).toMatch(/UNKNOWN/)
    expect(message).toMatch(
      /az rest --method POST --url https:\/\/127\.0\.0\.1:\d+\/v1\.0\/organization\/[0-9a-f-]{36}\/certificateBasedAuthConfiguration .*--body @.*entra-trust-store-backup-/
    )
    expect(holdings(emulator, 'organization')).toEqual([])
  })
})

describe('least privilege: each kind with only its own role', () => {
  const OWN: Readonly<Record<Kind, string>> = {
    organization: 'Organization',
    pki: 'PublicKeyInfrastructure',
    application: 'AppCertTrustConfiguration'
  }

  it.each(Object.keys(KINDS) as Kind[])('%s publishes with only its *.ReadWrite.All', async (kind) => {
    KINDS[kind].seed(emulator)
    emulator.config.roles = [`${OWN[kind]}.ReadWrite.All`]
    const result = await run(kind)
    figures('least privilege: own ReadWrite.All', kind)
    expect({ code: result.code, errors: errors(result.stdout) }).toEqual({ code: 0, errors: [] })
    expect(holdings(emulator, kind)).toEqual([ALL])
    expect(emulator.requests.some((r) => r.status === 403)).toBe(false)
  })

  it.each(Object.keys(KINDS) as Kind[])('%s: a dry-run with only its *.Read.All reads the tenant and plans', async (kind) => {
    KINDS[kind].seed(emulator)
    const before = holdings(emulator, kind)
    emulator.config.roles = [`${OWN[kind]}.Read.All`]
    const result = await run(kind, { 'dry-run': 'true' })
    expect({ code: result.code, errors: errors(result.stdout) }).toEqual({ code: 0, errors: [] })
    expect((JSON.parse(result.outputs.plan!) as unknown[]).length).toBeGreaterThan(0)
    expect(writes()).toEqual([])
    expect(holdings(emulator, kind)).toEqual(before)
    expect(READ_ROLES).toContain(`${OWN[kind]}.Read.All`)
  })

  it.each(Object.keys(KINDS) as Kind[])(
    '%s: a publish with only *.Read.All fails naming the permission, the tenant as it was',
    async (kind) => {
      KINDS[kind].seed(emulator)
      const before = holdings(emulator, kind)
      emulator.config.roles = [`${OWN[kind]}.Read.All`]
      const result = await run(kind)
      expect(result.code).toBe(1)
      expect(errors(result.stdout).join('\n')).toMatch(new RegExp(`403.*${OWN[kind]}\\.ReadWrite\\.All`, 's'))
      expect(holdings(emulator, kind)).toEqual(before)
    }
  )

  it.each(Object.keys(KINDS) as Kind[])("%s: another kind's ReadWrite.All is not enough", async (kind) => {
    KINDS[kind].seed(emulator)
    emulator.config.roles = Object.values(OWN)
      .filter((prefix) => prefix !== OWN[kind])
      .map((prefix) => `${prefix}.ReadWrite.All`)
    const result = await run(kind)
    expect(result.code).toBe(1)
    expect(writes().filter((r) => r.status !== null && r.status < 300)).toEqual([])
  })
})
