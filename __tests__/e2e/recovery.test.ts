// A run that dies half-way: what it reports, and that a re-run completes without a duplicate;
// the organization trust store restored from its backup when the create after the delete fails;
// two runs at once converging on one configuration.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { readCertificate, startEmulator, type Emulator } from '../../emulator/index.ts'
import { runAction } from '../../emulator/run-action.ts'
import { fingerprints, makeChain, read } from '../helpers/openssl.ts'
import { pkiCertificateAuthority } from '../../emulator/state.ts'
import { EXAMPLE_CERTIFICATES, EXAMPLE_FILES, exampleBytes, holdings } from '../helpers/tenant.ts'
import { join } from 'node:path'
import { ROOT } from '../../emulator/run-action.ts'

const ten = makeChain(9, 'Ten')
const TEN = ten.files.map((f) => fingerprints(f).sha1).sort()
const other = makeChain(1, 'Other')
const OTHER = other.files.map((f) => fingerprints(f).sha1)
const EXAMPLES = EXAMPLE_FILES.map((f) => fingerprints(join(ROOT, f)).sha1)

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.reset())

// The backup file stays for the tests to read (the test run's scratch folder goes at its end).
const run = (inputs: Record<string, string>, workspace?: string) =>
  runAction(
    { ...emulator.inputs(), ...inputs },
    // Pauses of the retry rule shortened (honoured for loopback Graph only), so no test waits seconds.
    { env: { ...emulator.env(), ENTRA_CA_LOOPBACK_PAUSE_MS: '10' }, keepFiles: true, ...(workspace !== undefined ? { workspace } : {}) }
  )

describe('a pki publication of 10 CAs that fails for good after the 4th write', () => {
  it('exits 1, reports what it created, and a re-run completes the set without a duplicate', async () => {
    emulator.faults.add({ failAfter: 4, status: 500 })
    const first = await run({ kind: 'pki', 'display-name': 'Ten', certificates: '*.pem' }, ten.dir)
    expect(first.code).toBe(1)
    expect(first.stdout).toMatch(/::error::.*POST .*certificateAuthorities failed with HTTP 500/)
    const created = JSON.parse(first.outputs.created!) as string[]
    expect(created).toHaveLength(3) // the PKI itself was the first write
    expect(JSON.parse(first.outputs['certificate-authority-ids']!)).toHaveLength(3)
    expect(holdings(emulator, 'pki')).toEqual([[...created].sort()])
    expect(first.summary).toMatch(/Failed after 3 CA\(s\) added/)
    expect(first.summary.match(/\| created \|/g)).toHaveLength(3)
    expect(first.summary.match(/\| not done \|/g)).toHaveLength(7)

    emulator.faults.clear()
    const second = await run({ kind: 'pki', 'display-name': 'Ten', certificates: '*.pem' }, ten.dir)
    expect(second.code).toBe(0)
    expect((JSON.parse(second.outputs.created!) as string[]).sort()).toEqual(TEN.filter((t) => !created.includes(t)))
    expect(holdings(emulator, 'pki')).toEqual([TEN])
  })
})

describe('organization with allow-recreate: the backup goes back when the create fails for good', () => {
  const before = (): void => {
    emulator.state.seedOrganization([exampleBytes(0), exampleBytes(1)])
  }
  const inputs = { kind: 'organization', 'allow-recreate': 'true', certificates: EXAMPLE_CERTIFICATES }

  it('restores exactly what the tenant held before, and says so', async () => {
    before()
    const held = holdings(emulator, 'organization')
    emulator.faults.add({ method: 'POST', path: /\/certificateBasedAuthConfiguration$/, status: 400, code: 'Request_BadRequest', times: 1 })
    const result = await run(inputs)
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/::error::Creating the new tenant trust store failed, so the backup was restored/)
    expect(holdings(emulator, 'organization')).toEqual(held)
    expect(JSON.parse(result.outputs.removed!)).toEqual([])
    expect(JSON.parse(result.outputs.created!)).toEqual([])
    expect(readFileSync(result.outputs['backup-path']!, 'utf8')).toContain('certificateAuthorities')
  })

  it('when the restore fails too, names the backup file and how to restore it by hand', async () => {
    before()
    emulator.faults.add({ method: 'POST', path: /\/certificateBasedAuthConfiguration$/, status: 500 })
    const result = await run(inputs)
    expect(result.code).toBe(1)
    const backup = result.outputs['backup-path']!
    // Every POST answered 500: whether one took effect is unknown, and no read showed the backup back.
    expect(result.stdout).toMatch(/what the tenant trusts for certificate-based sign-in is UNKNOWN/)
    expect(result.stdout).not.toMatch(/backup was restored/)
    expect(result.stdout).toContain(`--body @${backup}`)
    expect(result.stdout).toMatch(
      /az rest --method POST --url https:\/\/127\.0\.0\.1:\d+\/v1\.0\/organization\/[0-9a-f-]{36}\/certificateBasedAuthConfiguration/
    )
    const saved = JSON.parse(readFileSync(backup, 'utf8')) as { certificateAuthorities: Array<{ certificate: string }> }
    expect(saved.certificateAuthorities).toHaveLength(2)
    // The backup is the POST body itself: putting it back restores the store.
    emulator.faults.clear()
    expect(holdings(emulator, 'organization')).toEqual([])
  })
})

describe('two runs at once on the same display name converge on one configuration', () => {
  it.each(['pki', 'application'])('%s: exactly one configuration of that name, holding the CAs of both runs', async (kind) => {
    // The emulator waits out the latency before it handles a request, so with 250 ms each run's
    // read is answered well before the other's create (a round trip later) commits, whatever the
    // few ms between the two process starts: both read "no configuration", both create one.
    emulator.faults.latencyMs = 250
    const [a, b] = await Promise.all([
      run({ kind, 'display-name': 'Shared', certificates: EXAMPLE_CERTIFICATES }),
      run({ kind, 'display-name': 'Shared', certificates: '*.pem' }, other.dir)
    ])
    expect([a.code, b.code]).toEqual([0, 0])
    const named = kind === 'pki' ? emulator.state.pkis : emulator.state.applicationConfigurations
    expect(named.filter((c) => c.displayName === 'Shared')).toHaveLength(1)
    expect(holdings(emulator, kind)).toEqual([[...EXAMPLES, ...OTHER].sort()])
    expect(a.outputs['configuration-id']).toBe(b.outputs['configuration-id'])
    // Both did create a configuration: the race really happened.
    const creates = emulator.requests.filter(
      (r) => r.method === 'POST' && /(certificateBasedAuthConfigurations|certificateBasedApplicationConfigurations)$/.test(r.path)
    )
    expect(creates).toHaveLength(2)
  })

  // A racer placed exactly: its PKI appears between this run's first CA and the check that rides
  // with it, empty (the racer saw ours empty too), and a lower id than ours; what the racer does
  // next (fill it, delete it, or nothing) happens as this run looks again.
  describe('pki: a racer whose PKI appears, still empty, when our first CA is in', () => {
    const LOWEST = '00000000-0000-4000-8000-000000000000'
    const PKI_LIST = { method: 'GET', path: /\/certificateBasedAuthConfigurations$/ }
    let racer: ReturnType<typeof emulator.state.seedPki> | undefined
    beforeEach(() => {
      racer = undefined
      let checks = 0
      // The 2nd list in a $batch is the one that rides with the first CA (the 1st rides with the create).
      emulator.faults.add({
        ...PKI_LIST,
        inBatch: true,
        meanwhile: () => {
          if (++checks !== 2) return
          racer = emulator.state.seedPki('Shared')
          racer.id = LOWEST
        }
      })
    })
    /** What the racer does when this run lists the PKIs on its own for the nth time (the 1st is the read). */
    const thenAtList = (n: number, act: () => void): void => {
      let lists = 0
      emulator.faults.add({ ...PKI_LIST, inBatch: false, meanwhile: () => void (++lists === n && act()) })
    }
    const publish = () => run({ kind: 'pki', 'display-name': 'Shared', certificates: EXAMPLE_CERTIFICATES })

    it('the racer fills it: this run waits for that, then moves its CAs there and deletes its own', async () => {
      thenAtList(3, () => racer!.certificateAuthorities.push(pkiCertificateAuthority(readCertificate(read(other.files[0]!)), {})))
      const result = await publish()
      expect(result.code).toBe(0)
      expect(emulator.state.pkis.map((p) => p.id)).toEqual([LOWEST])
      expect(holdings(emulator, 'pki')).toEqual([[...EXAMPLES, OTHER[0]!].sort()])
      expect(result.outputs['configuration-id']).toBe(LOWEST)
      expect(result.stdout).toMatch(/still empty\); looking again in 0\.25 s/)
      expect(result.stdout).toMatch(/moving this run's CAs there/)
    })

    it('the racer deletes it (it chose ours): this run keeps its own', async () => {
      thenAtList(3, () => emulator.state.pkis.splice(emulator.state.pkis.indexOf(racer!), 1))
      const result = await publish()
      expect(result.code).toBe(0)
      expect(emulator.state.pkis).toHaveLength(1)
      expect(result.outputs['configuration-id']).toBe(emulator.state.pkis[0]!.id)
      expect(holdings(emulator, 'pki')).toEqual([[...EXAMPLES].sort()])
    })

    it('the racer deletes it between our list and our look inside it (404): this run keeps its own', async () => {
      emulator.faults.add({
        method: 'GET',
        path: `/${LOWEST}/certificateAuthorities`,
        times: 1,
        meanwhile: () => emulator.state.pkis.splice(emulator.state.pkis.indexOf(racer!), 1)
      })
      const result = await publish()
      expect(result.code).toBe(0)
      expect(emulator.requests.filter((r) => r.path.includes(`/${LOWEST}/`)).map((r) => r.status)).toEqual([404])
      expect(emulator.state.pkis).toHaveLength(1)
      expect(result.outputs['configuration-id']).toBe(emulator.state.pkis[0]!.id)
      expect(holdings(emulator, 'pki')).toEqual([[...EXAMPLES].sort()])
    })

    it('the racer stopped: after about 8 s this run keeps its own and names the empty one', async () => {
      const result = await publish()
      expect(result.code).toBe(0)
      const ours = emulator.state.pkis.find((p) => p.id !== LOWEST)!
      expect(result.outputs['configuration-id']).toBe(ours.id)
      // Ours first: the racer's appeared later.
      expect(holdings(emulator, 'pki')).toEqual([[...EXAMPLES].sort(), []])
      expect(result.stdout).toMatch(new RegExp(`::warning::The PKI\\(s\\) ${LOWEST} named "Shared" are still empty after 7\\.75 s`))
      // Five pauses, a look after each, and the look before them.
      expect(emulator.requests.filter((r) => r.operation === 'pki.list' && r.batch === undefined)).toHaveLength(1 + 6)
    }, 20_000)
  })

  it('pki: with two PKIs of that name already there, the one holding CAs wins over an empty one with a lower id', async () => {
    const empty = emulator.state.seedPki('Shared')
    const held = emulator.state.seedPki('Shared', [exampleBytes(0)])
    empty.id = '00000000-0000-4000-8000-000000000000'
    held.id = 'ffffffff-ffff-4fff-8fff-ffffffffffff'
    const result = await run({ kind: 'pki', 'display-name': 'Shared', certificates: EXAMPLE_CERTIFICATES })
    expect(result.code).toBe(0)
    expect(result.outputs['configuration-id']).toBe(held.id)
    expect(held.certificateAuthorities).toHaveLength(3)
    expect(empty.certificateAuthorities).toHaveLength(0)
  })
})
