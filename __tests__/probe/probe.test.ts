// `npm run probe` against the loopback emulator (it cannot reach a real tenant here): it signs in
// with an app secret or certificate, records each UNCONFIRMED point, agrees with the emulator's
// defaults when they are on and sees each switch when it is flipped, and leaves no PKI behind:
// after a normal run, and when interrupted half-way (SIGINT while a request hangs).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/index.ts'
import { NODE24, ROOT } from '../../emulator/run-action.ts'

const SECRET = `probe-test-secret-${process.pid}`
let emulator: Emulator
let out: string
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => {
  emulator.reset()
  emulator.config.appCredentials = { secret: SECRET }
  out = mkdtempSync(join(tmpdir(), 'probe-test-'))
})

interface Probe {
  code: number | null
  stdout: string
  report: {
    outcome: string
    findings: Array<{ point: string; observed: string; agrees: boolean | null }>
    cleanup: { deleted: string[]; leftovers: string[] }
  }
  markdown: string
}

function probe(env: Record<string, string> = {}, during?: (child: ReturnType<typeof spawn>) => void): Promise<Probe> {
  const child = spawn(NODE24, [join(ROOT, 'scripts', 'probe.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_EXTRA_CA_CERTS: emulator.caFile,
      PROBE_TENANT_ID: emulator.tenantId,
      PROBE_CLIENT_ID: emulator.clientId,
      PROBE_CLIENT_SECRET: SECRET,
      PROBE_GRAPH_URL: emulator.urls.graph,
      PROBE_AUTHORITY_URL: emulator.urls.authority,
      PROBE_OUT_DIR: out,
      PROBE_LAG_LIMIT_SECONDS: '5',
      ...env
    }
  })
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  during?.(child)
  return new Promise((done) =>
    child.on('close', (code) => {
      const files = readdirSync(out)
      const json = files.find((f) => f.endsWith('.json'))
      const md = files.find((f) => f.endsWith('.md'))
      done({
        code,
        stdout,
        report: json !== undefined ? (JSON.parse(readFileSync(join(out, json), 'utf8')) as Probe['report']) : ({} as Probe['report']),
        markdown: md !== undefined ? readFileSync(join(out, md), 'utf8') : ''
      })
    })
  )
}

const POINTS = [
  'create PKI: status and body',
  'read-after-write lag: the new PKI in the list filtered by name',
  '$filter displayName eq: case',
  'GET one PKI: {"value": …} wrapping',
  'create CA: status and body',
  'read-after-write lag: the new CA in the PKI list',
  'duplicate CA create',
  '$batch on these paths'
]

describe('npm run probe against the emulator', () => {
  it('with the defaults: every point recorded, each agreeing; nothing left behind; no secret in the report', async () => {
    const run = await probe()
    expect(run.code).toBe(0)
    expect(run.report.outcome).toBe('completed')
    expect(run.report.findings.map((f) => f.point)).toEqual(POINTS)
    expect(run.report.findings.filter((f) => f.agrees !== true)).toEqual([])
    expect(run.report.cleanup.leftovers).toEqual([])
    expect(run.report.cleanup.deleted).toHaveLength(1)
    expect(emulator.state.pkis).toEqual([])
    expect(run.markdown).toMatch(
      /\| duplicate CA create \| HTTP 400 Request_BadRequest: Duplicate Certificate exists.* -> documented \| documented/
    )
    const written =
      readdirSync(out)
        .map((f) => readFileSync(join(out, f), 'utf8'))
        .join('\n') + run.stdout
    expect(written).not.toContain(SECRET)
    for (const token of emulator.issuedTokens) expect(written).not.toContain(token)
    rmSync(out, { recursive: true, force: true })
  })

  it('with each switch flipped: the report sees every one of them, and still cleans up', async () => {
    Object.assign(emulator.config.unconfirmed, { batch: 'envelope', duplicates: 'accepted', staleReads: 2 })
    emulator.config.oddities.wrapSingleObjects = true
    const run = await probe()
    expect(run.code).toBe(0)
    const by = Object.fromEntries(run.report.findings.map((f) => [f.point, f]))
    expect(by['$batch on these paths']).toMatchObject({ agrees: false, observed: expect.stringMatching(/envelope HTTP 400.*-> envelope/) })
    expect(by['duplicate CA create']).toMatchObject({ agrees: false, observed: expect.stringMatching(/HTTP 201.*2 entries\) -> accepted/) })
    expect(by['GET one PKI: {"value": …} wrapping']).toMatchObject({ agrees: false, observed: 'HTTP 200, wrapped' })
    expect(by['read-after-write lag: the new PKI in the list filtered by name']).toMatchObject({
      agrees: false,
      observed: expect.stringMatching(/shown after \d+ ms \(3 reads\)/)
    })
    expect(emulator.state.pkis).toEqual([])
  })

  it('signs in with a certificate (client assertion) as well', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'probe-cert-'))
    const pem = join(dir, 'app.pem')
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=probe app',
        '-keyout',
        pem,
        '-out',
        join(dir, 'cert.pem')
      ],
      { stdio: 'ignore' }
    )
    const certificate = readFileSync(join(dir, 'cert.pem'), 'utf8')
    // One file holding the app's certificate and its key, as PROBE_CERTIFICATE_PATH wants.
    writeFileSync(pem, `${certificate}${readFileSync(pem, 'utf8')}`)
    emulator.config.appCredentials = { certificatePem: certificate }
    const run = await probe({ PROBE_CLIENT_SECRET: '', PROBE_CERTIFICATE_PATH: pem }, undefined)
    rmSync(dir, { recursive: true, force: true })
    expect(run.code).toBe(0)
    expect(run.report.findings).toHaveLength(POINTS.length)
  }, 60_000)

  it('interrupted (SIGINT) while a request hangs: cleans up, reports the interruption, exits 130, no PKI left', async () => {
    emulator.faults.add({ method: 'POST', path: /\/\$batch$/, hang: true })
    const run = await probe({}, (child) => {
      const poll = setInterval(() => {
        if (!emulator.requests.some((r) => r.path.endsWith('/$batch'))) return
        clearInterval(poll)
        child.kill('SIGINT')
      }, 20)
    })
    expect(run.code).toBe(130)
    expect(run.report.outcome).toBe('interrupted by SIGINT')
    expect(run.report.findings.map((f) => f.point)).toEqual(POINTS.slice(0, -1))
    expect(run.report.cleanup.leftovers).toEqual([])
    expect(emulator.state.pkis).toEqual([])
  })

  it('without credentials: exit 1 with the usage, no request', async () => {
    const run = await probe({ PROBE_CLIENT_SECRET: '' })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('Set exactly one of PROBE_CLIENT_SECRET and PROBE_CERTIFICATE_PATH')
    expect(emulator.requests).toEqual([])
  })
})
