// The built action (dist/index.js) publishes DISA's whole DoD PKCS#7 bundle v5.14 into an emulated
// PKI as it is: `if-expired: skip` leaves its expired CAs out, `leaf-certificates` (a real DoD
// user certificate) and `crl-urls` give every issuing CA its CRL URL, under `strict: true`; a
// re-run writes nothing. And the same bundle without those inputs: the failed validation caps its
// annotations as GitHub shows them and still writes the job summary. Expected values come from
// openssl, expiry from the clock of the run (so the test follows the bundle's CAs as they expire).
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { type Emulator, type RequestRecord, startEmulator } from '../../emulator/index.ts'
import { type ActionRun, runAction } from '../../emulator/run-action.ts'
import { FIXTURES, temporaryFolder } from '../certificates/support/fixtures.ts'
import { openssl, type OpensslFacts, opensslFacts } from '../certificates/support/openssl.ts'

const REAL = path.join(FIXTURES, 'real', 'dod-v5.14')
const BUNDLE = 'Certificates_PKCS7_v5_14_DoD.der.p7b'
const WRITES = new Set(['POST', 'PATCH', 'DELETE', 'PUT'])

let emulator: Emulator
let workspace: { dir: string; cleanup: () => Promise<void> }
/** The bundle's certificates as openssl reads them. */
let certificates: OpensslFacts[]
/** The user certificate that signs DISA's checksum file, issued by DOD EMAIL CA-73. */
let user: OpensslFacts
let now: Date

/** DISA names each CA's CRL after the CA: "DOD EMAIL CA-73" -> http://crl.disa.mil/crl/DODEMAILCA_73.crl. */
const disaCrlUrl = (subject: string): string => {
  const cn = /^CN=([^,]+)/.exec(subject)?.[1] ?? ''
  return `http://crl.disa.mil/crl/${cn
    .toUpperCase()
    .replace(/ CA-(\d+)$/, 'CA_$1')
    .replace(/ /g, '')}.crl`
}

beforeAll(async () => {
  now = new Date()
  emulator = await startEmulator()
  workspace = await temporaryFolder()
  await mkdir(path.join(workspace.dir, 'dod', 'users'), { recursive: true })
  await copyFile(path.join(REAL, BUNDLE), path.join(workspace.dir, 'dod', BUNDLE))
  const printed = await openssl(['pkcs7', '-inform', 'DER', '-in', path.join(REAL, BUNDLE), '-print_certs'])
  const blocks = printed.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []
  certificates = await Promise.all(
    blocks.map(async (block, i) => {
      const file = path.join(workspace.dir, `ca-${i}.pem`)
      await writeFile(file, `${block}\n`)
      return opensslFacts(file)
    })
  )
  const signed = await openssl(['pkcs7', '-inform', 'DER', '-in', path.join(REAL, 'Certificates_PKCS7_v5_14_DoD.sha256'), '-print_certs'])
  const userFile = path.join(workspace.dir, 'dod', 'users', 'signer.pem')
  await writeFile(userFile, `${/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/.exec(signed)?.[0]}\n`)
  user = await opensslFacts(userFile)
}, 120_000)

afterAll(async () => {
  await emulator?.close()
  await workspace?.cleanup()
})

async function run(inputs: Record<string, string>): Promise<ActionRun & { requests: RequestRecord[] }> {
  const before = emulator.requests.length
  const result = await runAction(
    // DISA's CRL hosts are not reachable from a test: the CRL check (a feature of its own) is off.
    { kind: 'pki', 'display-name': 'DoD PKI', certificates: `dod/${BUNDLE}`, 'crl-check': 'off', ...emulator.inputs(), ...inputs },
    { workspace: workspace.dir, env: { ...emulator.env() }, timeoutMs: 120_000 }
  )
  return { ...result, requests: emulator.requests.slice(before) }
}
const writes = (r: { requests: RequestRecord[] }): RequestRecord[] => r.requests.filter((q) => q.role === 'graph' && WRITES.has(q.method))
const annotations = (r: ActionRun, kind: string): string[] => r.stdout.split('\n').filter((l) => l.startsWith(`::${kind}`))
const held = (): string[] =>
  emulator.state.pkis
    .flatMap((p) => p.certificateAuthorities)
    .map((c) => createHash('sha1').update(Buffer.from(c.certificate, 'base64')).digest('hex').toUpperCase())
    .sort()

describe('the DoD bundle v5.14, as DISA ships it', () => {
  it('without the new inputs: fails validation, annotations capped, every problem in the log and the summary', async () => {
    const expired = certificates.filter((c) => new Date(c.notAfter) < now)
    const result = await run({})
    expect(result.code).toBe(1)
    expect(writes(result)).toEqual([])
    const errors = annotations(result, 'error')
    const warnings = annotations(result, 'warning')
    expect(errors.length).toBeLessThanOrEqual(10)
    expect(warnings.length).toBeLessThanOrEqual(10)
    expect(warnings[9]).toMatch(/more warning\(s\) follow as log lines and in the job summary/)
    expect(errors.filter((l) => l.includes('set `if-expired: skip`'))).toHaveLength(Math.min(expired.length, 8))
    // Every problem is a log line (annotation or plain) and a row of the summary.
    const noCrl = result.stdout.split('\n').filter((l) => l.includes('has no CRL URL'))
    expect(noCrl.length).toBeGreaterThan(40)
    expect(result.summary).toMatch(/### Problems: \d+ error\(s\), \d+ warning\(s\)/)
    expect(result.summary.split('\n').filter((l) => /^\| \d+ \| warning \|.*has no CRL URL/.test(l))).toHaveLength(noCrl.length)
    expect(result.summary).toContain(`### CAs that validated: ${certificates.length - expired.length} of ${certificates.length}`)
  })

  it('with if-expired: skip, leaf-certificates and crl-urls, under strict: publishes every valid CA with a CRL URL; a re-run writes nothing', async () => {
    const expired = certificates.filter((c) => new Date(c.notAfter) < now)
    const valid = certificates.filter((c) => new Date(c.notAfter) >= now)
    expect(expired.length).toBeGreaterThanOrEqual(4)
    // The pattern is DISA's: it gives the URLs the bundle itself tells (roots, named by the CAs they
    // issued) and the one the user certificate tells.
    const told = [...certificates, user].flatMap((c) =>
      c.crlDistributionPoints.filter((u) => u.startsWith('http://')).map((u) => [c.issuer, u])
    )
    for (const [issuer, url] of told) expect(disaCrlUrl(issuer!)).toBe(url)
    // One line per CA of the bundle, expired ones included, except the one the user certificate tells.
    const emailCa73 = certificates.find((c) => c.subject === user.issuer)!
    const crlUrls = certificates
      .filter((c) => c !== emailCa73)
      .map((c) => `${c.sha1} ${disaCrlUrl(c.subject)}`)
      .join('\n')
    const inputs = {
      'if-expired': 'skip',
      'leaf-certificates': 'dod/users/*.pem',
      'crl-urls': crlUrls,
      strict: 'true',
      'min-validity-days': '0'
    }

    const first = await run(inputs)
    expect({ code: first.code, stderr: first.stderr, errors: annotations(first, 'error') }).toEqual({ code: 0, stderr: '', errors: [] })
    expect(annotations(first, 'warning')).toEqual([])
    expect(JSON.parse(first.outputs.skipped!)).toEqual(expired.map((c) => c.sha1))
    expect((JSON.parse(first.outputs.created!) as string[]).sort()).toEqual(valid.map((c) => c.sha1).sort())
    expect(held()).toEqual(valid.map((c) => c.sha1).sort())
    for (const w of writes(first)) expect({ path: w.path, valid: w.schemaValid ?? true }).toEqual({ path: w.path, valid: true })
    const published = JSON.parse(first.outputs.certificates!) as Array<{ thumbprint: string; subject: string; crlUrl: string | null }>
    expect(published.filter((ca) => ca.crlUrl === null)).toEqual([])
    expect(published.find((ca) => ca.thumbprint === emailCa73.sha1)?.crlUrl).toBe('http://crl.disa.mil/crl/DODEMAILCA_73.crl')
    // Each expired CA: a notice naming the file, its index, subject and expiry; a row of the summary.
    for (const ca of expired) {
      const index = certificates.indexOf(ca) + 1
      expect(first.stdout).toContain(
        `dod/${BUNDLE}: certificate ${index} ("${ca.subject}") expired on ${ca.notAfter.slice(0, 10)}; left out`
      )
      expect(first.summary).toContain(
        `| ${ca.subject} | \`${ca.sha1}\` | ${ca.notAfter.slice(0, 10)} | dod/${BUNDLE}: certificate ${index} |`
      )
    }
    // The plan names each CA's thumbprint.
    for (const ca of valid) expect(first.stdout).toMatch(new RegExp(`POST \\S+/certificateAuthorities .*\\(SHA-1 ${ca.sha1}\\)`))

    const second = await run(inputs)
    expect(second.code).toBe(0)
    expect(writes(second)).toEqual([])
    expect(JSON.parse(second.outputs.created!)).toEqual([])
    expect((JSON.parse(second.outputs.unchanged!) as string[]).sort()).toEqual(valid.map((c) => c.sha1).sort())
    process.stdout.write(
      `DoD v5.14 e2e: ${certificates.length} certificates, ${expired.length} skipped, ${valid.length} published, ` +
        `first run ${Math.round(first.durationMs)} ms, re-run ${Math.round(second.durationMs)} ms\n`
    )
  })
})
