// Real bundles sit in folders beside README files and signed checksum files (DISA's zips). A CMS
// signed message is not a certificate bundle: its signer is never read as a CA. A file that is no
// certificate file at all is skipped with a notice when only a glob caught it, and is an error
// when it is named.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { analyzeCertificates } from '../../src/certificates/analyze.ts'
import { loadCertificates } from '../../src/certificates/load.ts'
import { makeChain } from '../helpers/openssl.ts'
import { FIXTURES, temporaryFolder } from './support/fixtures.ts'
import { openssl } from './support/openssl.ts'

const REAL = path.join(FIXTURES, 'real')
const NOW = new Date('2026-12-01T00:00:00Z')
const SHA256 = 'dod-v5.14/Certificates_PKCS7_v5_14_DoD.sha256'
const CMS = /is a CMS signed message \(signed content and 1 signer\(s\), such as a signed checksum file\), not a certificate bundle/

describe('a DISA folder caught by a glob', () => {
  it('dod-v5.14/*: the README and the signed checksum file are skipped with a notice each; the bundles publish', async () => {
    const loaded = await loadCertificates(['dod-v5.14/*'], REAL)
    expect(loaded.problems).toEqual([
      {
        severity: 'notice',
        file: SHA256,
        message: expect.stringMatching(new RegExp(`^${SHA256} ${CMS.source}; skipped \\(a glob matched it`))
      },
      {
        severity: 'notice',
        file: 'dod-v5.14/README.txt',
        message: expect.stringMatching(/^dod-v5\.14\/README\.txt is not a certificate file: it is neither PEM .* nor DER; skipped/)
      }
    ])
    // The signer of the checksum file (a person's certificate) is nowhere among the certificates.
    const signer = await openssl(['pkcs7', '-inform', 'DER', '-in', path.join(REAL, SHA256), '-print_certs', '-noout'])
    expect(signer).toMatch(/OU ?= ?CONTRACTOR/)
    expect(loaded.certificates.some((c) => c.subject.includes('CONTRACTOR'))).toBe(false)
    const analysis = analyzeCertificates(loaded.certificates, {
      now: NOW,
      minValidityDays: 0,
      crlOverrides: [],
      deferMissingIssuers: false,
      ifExpired: 'skip'
    })
    expect(analysis.problems.filter((p) => p.severity === 'error')).toEqual([])
    expect(analysis.authorities).toHaveLength(45)
  })

  it('eca-v5.12/*: likewise', async () => {
    const loaded = await loadCertificates(['eca-v5.12/*'], REAL)
    expect(loaded.problems.map((p) => [p.severity, p.file])).toEqual([
      ['notice', 'eca-v5.12/README.txt'],
      ['notice', 'eca-v5.12/certificates_pkcs7_v5_12_eca.sha256']
    ])
  })
})

describe('named explicitly', () => {
  it.each([
    [SHA256, CMS],
    ['dod-v5.14/README.txt', /is not a certificate file: it is neither PEM/]
  ])('%s is one error naming the file', async (file, message) => {
    const loaded = await loadCertificates([file], REAL)
    expect(loaded.certificates).toEqual([])
    expect(loaded.problems).toEqual([{ severity: 'error', file, message: expect.stringMatching(message) }])
  })

  it('a file caught by a glob and also named is an error', async () => {
    const loaded = await loadCertificates(['dod-v5.14/*', 'dod-v5.14/README.txt'], REAL)
    expect(loaded.problems.filter((p) => p.severity === 'error').map((p) => p.file)).toEqual(['dod-v5.14/README.txt'])
  })
})

describe('signed messages in every form', () => {
  let dir: string
  let cleanup: () => Promise<void>
  beforeAll(async () => {
    ;({ dir, cleanup } = await temporaryFolder())
    const pem = await openssl(['cms', '-cmsout', '-inform', 'DER', '-in', path.join(REAL, SHA256), '-outform', 'PEM'])
    await writeFile(path.join(dir, 'checksums.pem'), pem)
    const chain = makeChain(0, 'Signer')
    await writeFile(path.join(dir, 'note.txt'), 'hello\n')
    await openssl([
      'cms',
      '-sign',
      '-binary',
      '-in',
      path.join(dir, 'note.txt'),
      '-signer',
      chain.files[0]!,
      '-inkey',
      path.join(chain.dir, 'root.key'),
      '-outform',
      'DER',
      '-out',
      path.join(dir, 'detached.p7s')
    ])
  }, 30_000)
  afterAll(async () => cleanup())

  it('PEM-armoured, it is the same error', async () => {
    const loaded = await loadCertificates(['checksums.pem'], dir)
    expect(loaded.problems).toEqual([{ severity: 'error', file: 'checksums.pem', message: expect.stringMatching(CMS) }])
  })

  it('a detached signature (signer, no content) is a signed message too', async () => {
    const loaded = await loadCertificates(['detached.p7s'], dir)
    expect(loaded.certificates).toEqual([])
    expect(loaded.problems).toEqual([
      { severity: 'error', file: 'detached.p7s', message: expect.stringMatching(/is a CMS signed message \(signed content and 1 signer/) }
    ])
  })

  it('a certificates-only bundle is still a bundle', async () => {
    const loaded = await loadCertificates(['rsa-chain.p7b'], FIXTURES)
    expect(loaded.problems).toEqual([])
    expect(loaded.certificates.length).toBeGreaterThan(0)
  })
})
