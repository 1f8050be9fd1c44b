// pki CA creates travel in JSON batches (≤20 a batch, batches in parallel). Faults on the batch
// itself (throttled, dropped before or after the writes commit) and on its items end with exactly
// the CAs wanted and nothing duplicated; a lost answer is followed by a re-read, never a blind repeat.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { basename, join } from 'node:path'
import { readCertificate, startEmulator, type Emulator, type FaultRule, type RequestRecord } from '../../emulator/index.ts'
import { pkiCertificateAuthority } from '../../emulator/state.ts'
import { ROOT, runAction } from '../../emulator/run-action.ts'
import { fingerprints, makeChain, read } from '../helpers/openssl.ts'
import { EXAMPLE_CERTIFICATES, EXAMPLE_FILES, exampleBytes, holdings } from '../helpers/tenant.ts'

const EXAMPLES_BY_FILE = EXAMPLE_FILES.map((f) => fingerprints(join(ROOT, f)).sha1)
const EXAMPLES = [...EXAMPLES_BY_FILE].sort()
const chain = makeChain(24, 'Batch')
const CHAIN = chain.files.map((f) => fingerprints(f).sha1).sort()

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => emulator.reset())

const run = (inputs: Record<string, string>, workspace?: string) =>
  runAction(
    { kind: 'pki', 'display-name': 'Batched', certificates: EXAMPLE_CERTIFICATES, ...emulator.inputs(), ...inputs },
    {
      // Pauses of the retry rule shortened (honoured for loopback Graph only), so no test waits seconds.
      env: { ...emulator.env(), ENTRA_CA_REQUEST_TIMEOUT_SECONDS: '2', ENTRA_CA_LOOPBACK_PAUSE_MS: '10' },
      ...(workspace !== undefined ? { workspace } : {})
    }
  )
const runChain = () => run({ certificates: chain.files.map((f) => basename(f)).join('\n') }, chain.dir)
const errors = (stdout: string): string[] => stdout.split('\n').filter((l) => l.startsWith('::error'))
const allBatches = () => emulator.requests.filter((r) => r.path.endsWith('/$batch'))
const urlsOf = (batch: RequestRecord): string[] =>
  ((batch.body as { requests?: Array<{ url: string }> } | undefined)?.requests ?? []).map((item) => item.url)
/** The batches of CA creates (a new PKI's create and its check travel in a batch of their own). */
const batches = () => allBatches().filter((b) => urlsOf(b).some((url) => url.endsWith('/certificateAuthorities')))
const caCreates = () => emulator.requests.filter((r) => r.method === 'POST' && /\/certificateAuthorities$/.test(r.path))

describe('25 CAs into a new PKI', () => {
  it('go in three batches sent at once (the first CA with the check for a racer, then 20 + 4), each item logged and schema-valid', async () => {
    const result = await runChain()
    expect({ code: result.code, errors: errors(result.stdout) }).toEqual({ code: 0, errors: [] })
    expect(holdings(emulator, 'pki')).toEqual([CHAIN])
    expect(batches()).toHaveLength(3)
    // Sent at once, they may arrive in any order.
    const itemsPerBatch = batches().map((b) => caCreates().filter((r) => r.batch === b.seq).length)
    expect(itemsPerBatch.sort((a, b) => a - b)).toEqual([1, 4, 20])
    const started = batches().map((b) => Date.parse(b.time))
    expect(Math.max(...started) - Math.min(...started)).toBeLessThan(200)
    expect(caCreates().every((r) => r.status === 201 && r.schemaValid === true)).toBe(true)
    expect((JSON.parse(result.outputs.created!) as string[]).sort()).toEqual(CHAIN)
    expect(JSON.parse(result.outputs['certificate-authority-ids']!)).toHaveLength(25)
  })
})

describe('faults on the batch itself', () => {
  // Into an existing PKI, so that the first $batch is the one carrying the CA creates.
  beforeEach(() => {
    emulator.state.seedPki('Batched')
  })

  it.each<[string, FaultRule]>([
    ['429 with Retry-After', { status: 429, retryAfter: 1, times: 1 }],
    ['503 with Retry-After', { status: 503, retryAfter: 1, times: 1 }]
  ])('%s on POST /$batch: the batch is sent again, nothing was done the first time', async (_name, fault) => {
    const handle = emulator.faults.add({ ...fault, method: 'POST', path: /\/\$batch$/ })
    const result = await run({})
    expect(handle.hits).toBe(1)
    expect({ code: result.code, errors: errors(result.stdout) }).toEqual({ code: 0, errors: [] })
    expect(holdings(emulator, 'pki')).toEqual([EXAMPLES])
    expect(batches().map((r) => r.status)).toEqual([fault.status, 200])
  })

  it.each<[string, FaultRule, number]>([
    ['dropped after the writes commit', { lostResponse: true, times: 1 }, 3],
    ['a 504 after the writes commit', { lostResponse: 504, times: 1 }, 3],
    ['dropped before any write', { drop: true, times: 1 }, 0],
    ['a 504 before any write', { status: 504, times: 1 }, 0]
  ])('%s: re-reads the PKI and creates only what is missing', async (_name, fault, committed) => {
    const handle = emulator.faults.add({ ...fault, method: 'POST', path: /\/\$batch$/ })
    const result = await run({})
    expect(handle.hits).toBe(1)
    expect({ code: result.code, errors: errors(result.stdout) }).toEqual({ code: 0, errors: [] })
    expect(holdings(emulator, 'pki')).toEqual([EXAMPLES])
    expect(result.stdout).toMatch(/lost/)
    expect((JSON.parse(result.outputs.created!) as string[]).sort()).toEqual(EXAMPLES)
    // The second batch carries exactly the CAs the first did not commit.
    expect(batches()).toHaveLength(committed === 3 ? 1 : 2)
    expect(caCreates().filter((r) => r.committedStatus === 201 || r.status === 201)).toHaveLength(3)
  })

  it('a second lost batch ends the run (a re-run reads first); the re-run completes without a duplicate', async () => {
    emulator.faults.add({ method: 'POST', path: /\/\$batch$/, drop: true, times: 2 })
    const first = await run({})
    expect(first.code).toBe(1)
    expect(errors(first.stdout).join('\n')).toMatch(/POST \/v1\.0\/directory\/.*\/certificateAuthorities may or may not have taken effect/)
    expect(holdings(emulator, 'pki')).toEqual([[]])
    const second = await run({})
    expect(second.code).toBe(0)
    expect(holdings(emulator, 'pki')).toEqual([EXAMPLES])
  })
})

describe("a new PKI's create and the check for a concurrent one share a round trip", () => {
  const PKI_PATH = /\/certificateBasedAuthConfigurations$/
  const pkiCount = () => emulator.state.pkis.length

  it('one $batch: the POST, then the list by name waiting for it (dependsOn); then the CAs, the first with the final check', async () => {
    const result = await run({})
    expect({ code: result.code, errors: errors(result.stdout) }).toEqual({ code: 0, errors: [] })
    const first = allBatches()[0]!
    expect((first.body as { requests: unknown[] }).requests).toEqual([
      expect.objectContaining({ id: '0', method: 'POST', url: '/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations' }),
      expect.objectContaining({
        id: '1',
        method: 'GET',
        url: "/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations?$filter=displayName%20eq%20'Batched'",
        dependsOn: ['0']
      })
    ])
    const graph = emulator.requests.filter((r) => r.role === 'graph' && r.batch === undefined).map((r) => r.operation)
    expect(graph).toEqual(['pki.list', 'batch', 'batch', 'batch'])
    // The final check: the list waits for the first CA's POST, in a batch of those two.
    const check = allBatches().find((b) => b !== first && urlsOf(b).some((url) => url.includes('$filter')))!
    const pkiId = emulator.state.pkis[0]!.id
    expect((check.body as { requests: unknown[] }).requests).toEqual([
      expect.objectContaining({
        id: '0',
        method: 'POST',
        url: `/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations/${pkiId}/certificateAuthorities`
      }),
      expect.objectContaining({
        id: '3',
        method: 'GET',
        url: (first.body as { requests: Array<{ url: string }> }).requests[1]!.url,
        dependsOn: ['0']
      })
    ])
    expect(holdings(emulator, 'pki')).toEqual([EXAMPLES])
  })

  it.each<[string, FaultRule]>([
    ['the whole batch throttled (429 with Retry-After)', { method: 'POST', path: /\/\$batch$/, status: 429, retryAfter: 1, times: 1 }],
    [
      'the create item throttled: the list waiting for it goes again with it',
      { method: 'POST', path: PKI_PATH, status: 429, retryAfter: 1, times: 1 }
    ],
    ['the batch answer lost after the create committed', { method: 'POST', path: /\/\$batch$/, lostResponse: true, times: 1 }],
    ['the create item answered 504 after it committed', { method: 'POST', path: PKI_PATH, lostResponse: 504, times: 1 }],
    ['the list item failing (500): the full check runs on its own', { method: 'GET', path: PKI_PATH, inBatch: true, status: 500, times: 1 }]
  ])('%s: exactly one PKI, holding every CA', async (_name, fault) => {
    const handle = emulator.faults.add(fault)
    const result = await run({})
    expect(handle.hits).toBe(1)
    expect({ code: result.code, errors: errors(result.stdout) }).toEqual({ code: 0, errors: [] })
    expect(pkiCount()).toBe(1)
    expect(holdings(emulator, 'pki')).toEqual([EXAMPLES])
  })

  it('the check riding with the first CA, its list failing (500): it runs on its own after the additions; one PKI, every CA', async () => {
    emulator.faults.add({ method: 'GET', path: PKI_PATH, inBatch: true, failAfter: 1, status: 500 })
    const result = await run({})
    expect({ code: result.code, errors: errors(result.stdout) }).toEqual({ code: 0, errors: [] })
    const graph = emulator.requests.filter((r) => r.role === 'graph' && r.batch === undefined).map((r) => r.operation)
    expect(graph).toEqual(['pki.list', 'batch', 'batch', 'batch', 'pki.list'])
    expect(pkiCount()).toBe(1)
    expect(holdings(emulator, 'pki')).toEqual([EXAMPLES])
  })

  it('the first CA added by another run just before ours ("Duplicate Certificate exists"): the list is answered 424, and the check runs on its own', async () => {
    emulator.faults.add({
      method: 'POST',
      path: /\/certificateAuthorities$/,
      times: 1,
      meanwhile: () => emulator.state.pkis[0]!.certificateAuthorities.push(pkiCertificateAuthority(readCertificate(exampleBytes(0)), {}))
    })
    const result = await run({ certificates: EXAMPLE_FILES[0]! })
    expect({ code: result.code, errors: errors(result.stdout) }).toEqual({ code: 0, errors: [] })
    const check = emulator.requests.filter((r) => r.batch !== undefined && r.method === 'GET').at(-1)
    expect(check?.status).toBe(424)
    const graph = emulator.requests.filter((r) => r.role === 'graph' && r.batch === undefined).map((r) => r.operation)
    // A batch whose every own item got the same 4xx may be a refusal of batching: the item is tried
    // once on its own (the same 400: no refusal); then the 400 is checked by reading the PKI (the CA
    // is there), not by its text.
    expect(graph).toEqual(['pki.list', 'batch', 'batch', 'pkiCa.create', 'pkiCa.list', 'pki.list'])
    expect(holdings(emulator, 'pki')).toEqual([[EXAMPLES_BY_FILE[0]]])
  })

  it('the create failing for good (400) ends the run naming it; no PKI, no CA', async () => {
    // For good: also when tried on its own (a lone 4xx in a batch could be a refusal of batching).
    emulator.faults.add({ method: 'POST', path: PKI_PATH, status: 400, code: 'Request_BadRequest' })
    const result = await run({})
    expect(result.code).toBe(1)
    expect(errors(result.stdout)).toEqual([
      expect.stringMatching(/POST \/v1\.0\/directory\/.*certificateBasedAuthConfigurations failed with HTTP 400/)
    ])
    expect(pkiCount()).toBe(0)
    expect(batches()).toHaveLength(0)
  })
})

describe('faults on items', () => {
  it('throttled items (429 with Retry-After) are resent alone; the others are not repeated', async () => {
    const handle = emulator.faults.add({ method: 'POST', path: /\/certificateAuthorities$/, status: 429, retryAfter: 1, times: 7 })
    const result = await runChain()
    expect(handle.hits).toBe(7)
    expect(result.code).toBe(0)
    expect(holdings(emulator, 'pki')).toEqual([CHAIN])
    expect(caCreates()).toHaveLength(25 + 7)
    expect(caCreates().filter((r) => r.status === 201)).toHaveLength(25)
  })

  // A create answered 5xx may have been done, like a lost one (contract.md "First contact with a real tenant").
  it('one item answered 500, one committed but the batch answered 504: the PKI is read, only the missing one is sent again', async () => {
    // Into an existing PKI, so that the three CAs travel in one batch, in file order.
    emulator.state.seedPki('Batched')
    emulator.faults.add({ method: 'POST', path: /\/certificateAuthorities$/, status: 500, times: 1 })
    emulator.faults.add({ method: 'POST', path: /\/certificateAuthorities$/, lostResponse: 504, times: 1 })
    const result = await run({})
    expect({ code: result.code, errors: errors(result.stdout) }).toEqual({ code: 0, errors: [] })
    expect(result.stdout).toMatch(/was lost or a 5xx/)
    expect(result.stdout).toContain('was added after all')
    expect(holdings(emulator, 'pki')).toEqual([EXAMPLES])
    expect((JSON.parse(result.outputs.created!) as string[]).sort()).toEqual(EXAMPLES)
    expect(caCreates().filter((r) => r.status === 201 || r.committedStatus === 201)).toHaveLength(3)
  })

  it('one item refused for good (400) and one answered 504: the PKI is read, nothing sent again; the run fails naming the 400', async () => {
    emulator.state.seedPki('Batched')
    emulator.faults.add({ method: 'POST', path: /\/certificateAuthorities$/, status: 400, code: 'Request_BadRequest', times: 1 })
    emulator.faults.add({ method: 'POST', path: /\/certificateAuthorities$/, status: 504, times: 1 })
    const result = await run({})
    expect(result.code).toBe(1)
    expect(errors(result.stdout)).toEqual([
      expect.stringMatching(
        /POST \/.*\/certificateAuthorities failed with HTTP 400 .*request-id: [0-9a-f-]{36}, client-request-id: [0-9a-f-]{36}, date: /
      )
    ])
    expect(result.stdout).toMatch(/was lost or a 5xx/)
    expect(batches()).toHaveLength(1)
    expect(holdings(emulator, 'pki')).toEqual([[EXAMPLES_BY_FILE[2]]])
    expect(JSON.parse(result.outputs.created!)).toEqual([EXAMPLES_BY_FILE[2]])
  })

  it('a CA another run added between the read and the batch ("Duplicate Certificate exists") counts as present', async () => {
    const pki = emulator.state.seedPki('Batched')
    emulator.faults.latencyMs = 150
    // As soon as the batch arrives (the emulator handles it after the latency), a racer's copy of the root lands.
    const racer = setInterval(() => {
      if (batches().length === 0) return
      clearInterval(racer)
      pki.certificateAuthorities.push(pkiCertificateAuthority(readCertificate(exampleBytes(0)), {}))
    }, 2)
    const result = await run({})
    clearInterval(racer)
    expect({ code: result.code, errors: errors(result.stdout) }).toEqual({ code: 0, errors: [] })
    expect(holdings(emulator, 'pki')).toEqual([EXAMPLES])
    expect(result.stdout).toContain(`${EXAMPLES_BY_FILE[0]} is in the PKI already`)
    expect((JSON.parse(result.outputs.created!) as string[]).sort()).toEqual(EXAMPLES_BY_FILE.slice(1).sort())
  })
})

describe('replace into a full PKI', () => {
  it('deletes the extras the plan puts first to stay within 250 CAs before adding, the rest after', async () => {
    const extra = read(makeChain(0, 'Extra').files[0]!)
    emulator.state.seedPki(
      'Batched',
      Array.from({ length: 250 }, () => extra)
    )
    const result = await run({ mode: 'replace' })
    expect({ code: result.code, errors: errors(result.stdout) }).toEqual({ code: 0, errors: [] })
    expect(holdings(emulator, 'pki')).toEqual([EXAMPLES])
    expect(JSON.parse(result.outputs.removed!)).toHaveLength(250)
    const writes = emulator.requests.filter((r) => r.batch !== undefined).map((r) => r.method)
    expect(writes.slice(0, 3)).toEqual(['DELETE', 'DELETE', 'DELETE'])
    expect(writes.slice(3, 6)).toEqual(['POST', 'POST', 'POST'])
    expect(new Set(writes.slice(6))).toEqual(new Set(['DELETE']))
  })
})
