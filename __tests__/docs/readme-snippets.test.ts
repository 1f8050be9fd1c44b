// README shell blocks that a test runs whole, as written (support/readme-commands.ts,
// README_BLOCKS): the DoD section's loop that makes `crl-urls` lines from the real DoD v5.14
// bundle. Its thumbprints are checked against node:crypto's reading of the same bundle, not
// against the openssl the snippet itself uses.
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { X509Certificate } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BLOCKS } from './support/readme-commands.ts'
import { ROOT } from './support/workflows.ts'

const work = mkdtempSync(join(tmpdir(), 'readme-snippet-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const BUNDLE = join(ROOT, '__tests__', '__fixtures__', 'certificates', 'real', 'dod-v5.14', 'Certificates_PKCS7_v5_14_DoD.der.p7b')

describe('the DoD crl-urls loop', () => {
  const block = BLOCKS.find((b) => b.heading === 'Publishing a DoD / Federal PKI bundle')

  it('makes one line per CA of the bundle, by SHA-1 thumbprint, with DISA-style CRL names', () => {
    expect(block).toBeDefined()
    copyFileSync(BUNDLE, join(work, 'Certificates_PKCS7_v5_14_DoD.der.p7b'))
    execFileSync('bash', ['-euo', 'pipefail', '-c', block!.text], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] })
    const lines = readFileSync(join(work, 'dod-crl-urls.txt'), 'utf8').trim().split('\n')

    // The bundle's certificates, read by node:crypto from openssl's PEM dump of the PKCS#7.
    const pem = execFileSync('openssl', ['pkcs7', '-inform', 'DER', '-in', BUNDLE, '-print_certs'], { encoding: 'utf8' })
    const certificates = [...pem.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)].map(
      (m) => new X509Certificate(m[0])
    )
    expect(certificates.length).toBeGreaterThan(40)
    expect(lines).toHaveLength(certificates.length)
    for (const line of lines) expect(line).toMatch(/^[0-9A-F]{40} http:\/\/crl\.disa\.mil\/crl\/[A-Z0-9_]+\.crl$/)
    const thumbprints = certificates.map((c) => c.fingerprint.replaceAll(':', ''))
    expect(lines.map((l) => l.split(' ')[0]).sort()).toEqual(thumbprints.sort())

    // The README's own example: DOD ID CA-72 publishes DODIDCA_72.crl.
    const ca72 = certificates.find((c) => /CN=DOD ID CA-72$/m.test(c.subject))
    expect(ca72).toBeDefined()
    expect(lines).toContain(`${ca72!.fingerprint.replaceAll(':', '')} http://crl.disa.mil/crl/DODIDCA_72.crl`)
  }, 60_000)
})
