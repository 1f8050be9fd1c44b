// The README's script that writes `crl-urls` lines for a DISA bundle, run as a reader would run it
// on the real DoD bundle v5.14: one line per certificate, thumbprints as openssl computes them, and
// the URLs the PKI itself tells (roots, named in the CAs they issued; DOD EMAIL CA-73, named in a
// user certificate it issued) come out the same.
import { execFileSync } from 'node:child_process'
import { copyFile, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { FIXTURES, temporaryFolder } from '../certificates/support/fixtures.ts'
import { openssl, opensslFacts, pkcs7Fingerprints } from '../certificates/support/openssl.ts'
import { ROOT } from './support/workflows.ts'

const DOD = path.join(FIXTURES, 'real', 'dod-v5.14')
const BUNDLE = 'Certificates_PKCS7_v5_14_DoD.der.p7b'

describe('README: the crl-urls script for a DISA bundle', () => {
  it('writes one correct line per CA of the DoD bundle', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8')
    const script = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!).find((s) => s.includes('crl.disa.mil'))
    expect(script).toBeDefined()
    const { dir, cleanup } = await temporaryFolder()
    try {
      await copyFile(path.join(DOD, BUNDLE), path.join(dir, BUNDLE))
      // The README indents the block inside a list item.
      await writeFile(path.join(dir, 'script.sh'), script!.replace(/^ {4}/gm, ''))
      execFileSync('bash', ['-e', 'script.sh'], { cwd: dir, stdio: 'pipe' })
      const lines = (await readFile(path.join(dir, 'dod-crl-urls.txt'), 'utf8')).trim().split('\n')
      const urlOf = new Map(lines.map((l) => l.split(' ') as [string, string]))
      expect(lines).toHaveLength(49)
      expect([...urlOf.keys()]).toEqual(await pkcs7Fingerprints(path.join(DOD, BUNDLE), 'DER'))

      // What the PKI tells: each CA's CRL URL named by a certificate it issued.
      const printed = await openssl(['pkcs7', '-inform', 'DER', '-in', path.join(DOD, BUNDLE), '-print_certs'])
      const signed = await openssl([
        'pkcs7',
        '-inform',
        'DER',
        '-in',
        path.join(DOD, 'Certificates_PKCS7_v5_14_DoD.sha256'),
        '-print_certs'
      ])
      const blocks = [...printed.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g)].map((m) => m[0])
      const user = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/.exec(signed)![0]
      const facts = await Promise.all(
        [...blocks, user].map(async (block, i) => {
          const file = path.join(dir, `c${i}.pem`)
          await writeFile(file, `${block}\n`)
          return opensslFacts(file)
        })
      )
      const bySubject = new Map(facts.map((f) => [f.subject, f.sha1]))
      const told = facts.flatMap((f) => f.crlDistributionPoints.filter((u) => u.startsWith('http://')).map((u) => [f.issuer, u] as const))
      expect(new Set(told.map(([, u]) => u))).toEqual(
        new Set([
          'http://crl.disa.mil/crl/DODROOTCA3.crl',
          'http://crl.disa.mil/crl/DODROOTCA5.crl',
          'http://crl.disa.mil/crl/DODROOTCA6.crl',
          'http://crl.disa.mil/crl/DODEMAILCA_73.crl'
        ])
      )
      for (const [issuer, url] of told) expect(urlOf.get(bySubject.get(issuer)!)).toBe(url)
    } finally {
      await cleanup()
    }
    // About 250 openssl runs: the script's own and the oracle's.
  }, 180_000)
})
