// `crl-check` end to end: the built dist/index.js, run as the runner runs it, against the loopback
// CRL host serving CRLs openssl made for a test CA. Every problem under `warn` (a warning, the run
// goes on) and `error` (the run stops before any request to Graph); `off`; `auto` offline (no
// request reaches the CRL host) and `auto` signed in (checked, a warning, then published).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { rmSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { makeCrl, makeTestAuthority, type TestAuthority } from '../../emulator/crl-authority.ts'
import { serveScenarios, startCrlHost, type CrlHost, type Scenario } from '../../emulator/crl-host.ts'
import { startEmulator, type Emulator } from '../../emulator/index.ts'
import { runAction, type ActionRun } from '../../emulator/run-action.ts'
import { freePort } from '../helpers/loopback.ts'

let host: CrlHost
let ca: TestAuthority
let other: TestAuthority
let thumbprint: string
let urls: Record<Scenario, string>
/** Size of the good CRL as served. */
let goodSize = 0
beforeAll(async () => {
  host = await startCrlHost()
  ca = makeTestAuthority('E2E CRL CA', 'p256')
  other = makeTestAuthority('E2E Other CA', 'p384')
  thumbprint = createHash('sha1').update(ca.der).digest('hex').toUpperCase()
  urls = serveScenarios(host, ca, other, 'e2e', { slowIntervalMs: 40 })
  host.route('soon.crl', { kind: 'bytes', body: makeCrl(ca, { nextUpdate: new Date(Date.now() + 86_400_000) }) })
  host.route('base.crl', { kind: 'bytes', body: makeCrl(ca, { crlNumber: 4 }) })
  host.route('full-as-delta.crl', { kind: 'bytes', body: makeCrl(ca, { crlNumber: 5 }) })
  host.route('huge.crl', { kind: 'oversized', bytes: 200_000_000 })
  goodSize = (await (await fetch(urls.good)).arrayBuffer()).byteLength
})
afterAll(async () => {
  await host.close()
  for (const dir of [ca.dir, other.dir]) rmSync(dir, { recursive: true, force: true })
})

/** An offline dry-run (no credentials) of the test CA with the given CRL URL(s) and check mode. */
function offlineRun(crlUrls: string, check: string | undefined, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(
    {
      kind: 'pki',
      'display-name': 'CRL test',
      certificates: 'ca.pem',
      'dry-run': 'true',
      'crl-urls': `${thumbprint} ${crlUrls}`,
      ...(check === undefined ? {} : { 'crl-check': check })
    },
    { workspace: ca.dir, env }
  )
}
const annotations = (run: ActionRun, kind: 'warning' | 'error'): string[] =>
  run.stdout.split('\n').filter((line) => line.startsWith(`::${kind} `))
const crlOutput = (run: ActionRun): Record<string, unknown> =>
  (JSON.parse(run.outputs.certificates ?? '[]') as Array<{ crl: Record<string, unknown> }>)[0]!.crl

// Each problem: how to serve it, the short name in the output, the AADSTS code in the message.
const PROBLEMS: ReadonlyArray<[string, () => string, string, string]> = [
  ['PEM instead of DER', () => urls.pem, 'pem', 'AADSTS2205011'],
  ['not a CRL at all (an HTML page)', () => urls.garbage, 'not-a-crl', 'AADSTS2205011'],
  ['expired', () => urls.expired, 'expired', 'AADSTS500172'],
  ['not yet valid', () => urls['not-yet-valid'], 'not-yet-valid', 'AADSTS500172'],
  ['signed by another CA', () => urls.foreign, 'aki-mismatch', 'AADSTS2205015'],
  ["another key under the CA's AKI", () => urls.forged, 'bad-signature', 'AADSTS2205015'],
  ['over 20 MB', () => urls.oversized, 'too-large', 'AADSTS2205014'],
  ['slower than the limit', () => urls.slow, 'timeout', 'AADSTS2205012'],
  ['missing (404)', () => urls.missing, 'http-status', 'AADSTS500173'],
  [
    'a full CRL where the delta CRL should be',
    () => `${host.url('base.crl')} ${host.url('full-as-delta.crl')}`,
    'delta-mismatch',
    'AADSTS500175'
  ]
]

describe.each(['warn', 'error'] as const)('crl-check: %s, every problem', (mode) => {
  it.each(PROBLEMS)('%s', async (_what, url, status, code) => {
    // Only the slow case shortens Entra's 10 s (the others end long before it, whatever the load).
    const run = await offlineRun(url(), mode, status === 'timeout' ? { ENTRA_CA_CRL_TIMEOUT_MS: '300' } : {})
    const found = annotations(run, mode === 'warn' ? 'warning' : 'error').filter((line) => line.includes(code))
    expect(found).toHaveLength(1)
    // The message names the CA, the URL and the code.
    expect(found[0]).toContain('CN=E2E CRL CA')
    expect(found[0]).toContain(thumbprint)
    expect(found[0]).toContain(url().split(' ').pop())
    if (mode === 'warn') {
      expect(run.code).toBe(0)
      expect(crlOutput(run)).toMatchObject({ status })
      expect(run.summary).toContain(`**${status}**`)
    } else {
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(/::error::\d+ CRL problem\(s\).*Nothing was sent to Graph/)
      // The job summary still tells the CA and the problem.
      expect(run.summary).toContain(code)
      expect(run.summary).toContain('CN=E2E CRL CA')
    }
    expect(run.stdout).not.toMatch(/at .*\.js:\d+/)
  })
})

describe('other outcomes', () => {
  it('unreachable host: AADSTS500173, an error under error', async () => {
    const port = await freePort()
    const run = await offlineRun(`http://127.0.0.1:${port}/gone.crl`, 'error')
    expect(run.code).toBe(1)
    expect(annotations(run, 'error').join('\n')).toMatch(/connection refused.*AADSTS500173/)
  })
  it('a CRL that lapses within days: a warning even under error, and the run succeeds', async () => {
    const run = await offlineRun(host.url('soon.crl'), 'error')
    expect(run.code).toBe(0)
    expect(annotations(run, 'warning').join('\n')).toMatch(/hour\(s\) away.*AADSTS500172/)
    expect(crlOutput(run)).toMatchObject({ status: 'expires-soon' })
  })
  it('a healthy CRL: ok, with its size and nextUpdate in the output and the summary', async () => {
    const before = host.requests.length
    const run = await offlineRun(urls.good, 'error')
    expect(run.code).toBe(0)
    expect(host.requests.slice(before).map((r) => r.path)).toEqual(['/e2e-good.crl'])
    const crl = crlOutput(run)
    expect(crl.status).toBe('ok')
    expect(crl.bytes).toBe(goodSize)
    expect(new Date(crl.nextUpdate as string).getTime()).toBeGreaterThan(Date.now() + 20 * 86_400_000)
    expect(run.summary).toMatch(/\| CRL \|/)
    expect(run.summary).toMatch(/\| ok, 0\.\d KB, next \d{4}-\d\d-\d\d \|/)
  })
  it('a 200 MB CRL: the action stops reading at the 20 MB cap, and the server could send little more', async () => {
    const run = await offlineRun(host.url('huge.crl'), 'warn')
    expect(run.code).toBe(0)
    expect(crlOutput(run)).toMatchObject({ status: 'too-large' })
    const bytes = crlOutput(run).bytes as number
    expect(bytes).toBeGreaterThan(20_000_000)
    expect(bytes).toBeLessThan(21_000_000)
    // What the server wrote: the cap plus what the sockets buffered, nowhere near 200 MB.
    expect(host.sent('huge.crl')).toBeLessThan(36_000_000)
  })
  it('crl-check: off fetches nothing, and the output says so (crl: null)', async () => {
    const before = host.requests.length
    const run = await offlineRun(urls.expired, 'off')
    expect(run.code).toBe(0)
    expect(host.requests.length).toBe(before)
    expect(crlOutput(run)).toBeNull()
    expect(run.summary).not.toMatch(/\| CRL \|/)
  })
  it('crl-check: auto in an offline dry-run sends no request to the CRL host', async () => {
    const before = host.requests.length
    const run = await offlineRun(urls.expired, undefined)
    expect(run.code).toBe(0)
    expect(host.requests.length).toBe(before)
    expect(run.stdout).toMatch(/no request was sent/)
  })
})

describe('crl-check: auto when the run signs in', () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await startEmulator()
  })
  afterAll(async () => {
    await emulator.close()
  })
  const signedIn = (crlUrl: string, extra: Record<string, string> = {}): Promise<ActionRun> =>
    runAction(
      {
        kind: 'pki',
        'display-name': 'CRL test',
        certificates: 'ca.pem',
        'crl-urls': `${thumbprint} ${crlUrl}`,
        ...emulator.inputs(),
        ...extra
      },
      { workspace: ca.dir, env: { ...emulator.env() } }
    )

  it('checks the CRL, warns about an expired one, and publishes', async () => {
    emulator.reset()
    const before = host.requests.length
    const run = await signedIn(urls.expired)
    expect(run.code).toBe(0)
    expect(host.requests.slice(before).map((r) => r.path)).toEqual(['/e2e-expired.crl'])
    expect(annotations(run, 'warning').join('\n')).toMatch(/CN=E2E CRL CA.*e2e-expired\.crl.*AADSTS500172/)
    expect(JSON.parse(run.outputs.created ?? '[]')).toEqual([thumbprint])
    expect(crlOutput(run)).toMatchObject({ status: 'expired' })
  })
  it('crl-check: error with a broken CRL stops before any request to Entra or Graph', async () => {
    emulator.reset()
    const run = await signedIn(urls.foreign, { 'crl-check': 'error' })
    expect(run.code).toBe(1)
    expect(annotations(run, 'error').join('\n')).toMatch(/AADSTS2205015/)
    expect(emulator.requests).toEqual([])
    expect(emulator.state.pkis).toEqual([])
  })
})
