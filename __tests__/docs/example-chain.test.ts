// The example chain (examples/contoso/, made by scripts/make-example-chain.sh) passes the README's
// release pipeline, `strict: true`: every CA has a CRL URL, the root's from the certificates it
// issued, the issuing CAs' from examples/contoso/crl-urls.txt. Thumbprints and CRL distribution
// points are read with openssl, not with the action's code. Also the demo's arithmetic.
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RequestRecord } from '../../emulator/index.ts'
import { runAction } from '../../emulator/run-action.ts'
import { countRun } from '../../scripts/demo-counts.ts'
import { ROOT } from './support/workflows.ts'

const EXAMPLE = join(ROOT, 'examples', 'contoso')
const work = mkdtempSync(join(tmpdir(), 'example-chain-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

// stderr ignored: openssl says "No extensions in certificate" when asked for a missing one.
const openssl = (...args: string[]): string => execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
const inform = (file: string): string => (file.endsWith('.cer') ? 'DER' : 'PEM')
const field = (file: string, what: string): string =>
  openssl('x509', '-inform', inform(file), '-in', file, '-noout', what)
    .trim()
    .replace(/^[^=]*=\s*/, '')

/** SHA-1 thumbprint -> CRL URL, from a crl-urls.txt. */
const crlUrls = (dir: string): Map<string, string> =>
  new Map(
    readFileSync(join(dir, 'crl-urls.txt'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' ') as [string, string])
  )

/** What openssl says of each certificate of a chain folder. */
function chain(dir: string): Array<{ file: string; thumbprint: string; isRoot: boolean; crlDp: string[] }> {
  return readdirSync(dir)
    .filter((f) => /\.(cer|pem)$/.test(f))
    .map((f) => {
      const file = join(dir, f)
      const ext = openssl('x509', '-inform', inform(file), '-in', file, '-noout', '-ext', 'crlDistributionPoints')
      return {
        file: f,
        thumbprint: field(file, '-fingerprint').replaceAll(':', ''),
        isRoot: field(file, '-subject') === field(file, '-issuer'),
        crlDp: [...ext.matchAll(/URI:(\S+)/g)].map((m) => m[1]!)
      }
    })
}

function checkCrlUrlsCoverIssuingCas(dir: string): void {
  const cas = chain(dir)
  const urls = crlUrls(dir)
  expect(cas.filter((ca) => ca.isRoot)).toHaveLength(1)
  // The root's CRL URL is in the certificates it issued; each issuing CA has a crl-urls line.
  for (const ca of cas.filter((c) => !c.isRoot)) {
    expect(ca.crlDp).toContain('http://crl.contoso.example/pki/contoso-root.crl')
    expect(urls.get(ca.thumbprint)).toMatch(/^http:\/\/crl\.contoso\.example\/pki\/contoso-issuing-ca-\d\.crl$/)
  }
  expect(urls.size).toBe(cas.length - 1)
}

const strictDryRun = (workspace: string, withCrlUrls: boolean) =>
  runAction(
    {
      kind: 'pki',
      'display-name': 'Contoso PKI',
      certificates: '*.cer\n*.pem',
      strict: 'true',
      'dry-run': 'true',
      ...(withCrlUrls ? { 'crl-urls': readFileSync(join(workspace, 'crl-urls.txt'), 'utf8') } : {})
    },
    { workspace }
  )

describe('the example chain', () => {
  it('has a crl-urls line, by openssl thumbprint, for each issuing CA', () => {
    checkCrlUrlsCoverIssuingCas(EXAMPLE)
  })

  it('passes strict: true with crl-urls.txt, every CA with its CRL URL; fails without it', async () => {
    const run = await strictDryRun(EXAMPLE, true)
    expect(run.stdout).not.toMatch(/^::(error|warning)/m)
    expect(run.code).toBe(0)
    const cas = JSON.parse(run.outputs.certificates!) as Array<{ thumbprint: string; crlUrl: string | null }>
    expect(cas).toHaveLength(3)
    for (const ca of cas) expect(ca.crlUrl).toMatch(/^http:\/\/crl\.contoso\.example\//)
    const without = await strictDryRun(EXAMPLE, false)
    expect(without.code).toBe(1)
    expect(without.stdout).toMatch(/contoso-issuing-ca-1\.pem .*has no CRL URL/)
  }, 30_000)

  it('is what scripts/make-example-chain.sh makes, crl-urls.txt included', async () => {
    const out = join(work, 'made')
    execFileSync('mkdir', [out])
    execFileSync('bash', [join(ROOT, 'scripts', 'make-example-chain.sh'), out], { stdio: 'ignore' })
    expect(readdirSync(out).sort()).toEqual(readdirSync(EXAMPLE).sort())
    checkCrlUrlsCoverIssuingCas(out)
    const run = await strictDryRun(out, true)
    expect(run.code).toBe(0)
  }, 60_000)
})

describe("the demo's counts", () => {
  const record = (method: string, path: string, batch?: number): RequestRecord =>
    ({ seq: 0, time: '', role: 'graph', method, path, batch, status: 201, authorization: true }) as RequestRecord
  const outputs = {
    certificates: JSON.stringify([{}, {}, {}]),
    created: JSON.stringify(['A', 'B', 'C']),
    unchanged: '[]',
    removed: '[]',
    plan: JSON.stringify([{}, {}])
  }

  it('count a $batch as one HTTP request and each of its writes as a write', () => {
    const counts = countRun(outputs, [
      record('GET', '/v1.0/x'),
      record('POST', '/v1.0/$batch'),
      record('POST', '/x', 1),
      record('POST', '/y', 1)
    ])
    expect(counts).toMatchObject({ httpRequests: 2, batches: 1, writes: 2, problems: [] })
  })

  it('report a plan that is not the writes sent, and CAs neither created nor unchanged', () => {
    const counts = countRun({ ...outputs, created: '["A"]' }, [record('POST', '/x')])
    expect(counts.problems).toEqual([
      '3 CA(s) validated, but 1 created + 0 unchanged = 1',
      'the plan had 2 operation(s), but 1 Graph write(s) were sent'
    ])
  })
})
