// Reading certificate files: formats, patterns, and everything that is not a certificate.
import { copyFile, mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { loadCertificates } from '../../src/certificates/load.ts'
import type { Problem } from '../../src/certificates/types.ts'
import { FIXTURES, fixture, temporaryFolder } from './support/fixtures.ts'
import { openssl, pkcs7Fingerprints } from './support/openssl.ts'

const fingerprint = async (file: string, form: 'PEM' | 'DER' = 'PEM'): Promise<string> =>
  (await openssl(['x509', '-in', fixture(file), '-inform', form, '-noout', '-fingerprint', '-sha1']))
    .replace(/^.*=/, '')
    .replace(/[:\s]/g, '')

/** Fingerprints of every certificate in a PEM file, per openssl (via a PKCS#7 it builds). */
const pemBundleFingerprints = async (file: string): Promise<string[]> => {
  const { dir, cleanup } = await temporaryFolder()
  try {
    const bundle = path.join(dir, 'bundle.p7b')
    await openssl(['crl2pkcs7', '-nocrl', '-certfile', fixture(file), '-out', bundle])
    return await pkcs7Fingerprints(bundle, 'PEM')
  } finally {
    await cleanup()
  }
}

describe('formats', () => {
  it.each<[string, string, () => Promise<string[]>]>([
    ['PEM with one certificate', 'rsa-root.pem', async () => [await fingerprint('rsa-root.pem')]],
    ['PEM with several certificates and text between them', 'ec-chain.pem', () => pemBundleFingerprints('ec-chain.pem')],
    ['DER (.cer)', 'rsa-root.cer', async () => [await fingerprint('rsa-root.cer', 'DER')]],
    ['PKCS#7 in PEM (.p7b)', 'rsa-chain.p7b', () => pkcs7Fingerprints(fixture('rsa-chain.p7b'), 'PEM')],
    ['PKCS#7 in DER (.p7c)', 'rsa-chain.p7c', () => pkcs7Fingerprints(fixture('rsa-chain.p7c'), 'DER')],
    ['OpenSSL TRUSTED CERTIFICATE', 'trusted-ed25519-root.pem', async () => [await fingerprint('trusted-ed25519-root.pem')]]
  ])('%s: the certificates openssl finds, byte for byte', async (_, file, expected) => {
    const loaded = await loadCertificates([file], FIXTURES)
    expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([])
    expect(loaded.certificates.map((c) => c.thumbprint)).toEqual(await expected())
  })

  it('numbers the certificates of a file (index, count) and names the file relative to the workspace', async () => {
    const loaded = await loadCertificates(['ec-chain.pem', 'rsa-chain.p7c', 'rsa-root.cer'], FIXTURES)
    expect(loaded.certificates.map((c) => c.source)).toEqual([
      { file: 'ec-chain.pem', index: 1, count: 3 },
      { file: 'ec-chain.pem', index: 2, count: 3 },
      { file: 'ec-chain.pem', index: 3, count: 3 },
      { file: 'rsa-chain.p7c', index: 1, count: 2 },
      { file: 'rsa-chain.p7c', index: 2, count: 2 },
      { file: 'rsa-root.cer', index: 1, count: 1 }
    ])
  })

  it('takes a certificate out of a PKCS#7 bundle with exactly its bytes (PEM and DER bundles agree with the PEM file)', async () => {
    const loaded = await loadCertificates(['rsa-chain.p7b', 'rsa-chain.p7c', 'rsa-root.pem'], FIXTURES)
    const [p7b, , p7c, , pem] = loaded.certificates.map((c) => c.der)
    expect(p7b).toEqual(pem)
    expect(p7c).toEqual(pem)
  })

  it('keeps only the certificate of a TRUSTED CERTIFICATE, with a warning that OpenSSL trust settings are dropped', async () => {
    const loaded = await loadCertificates(['trusted-ed25519-root.pem', 'ed25519-root.pem'], FIXTURES)
    expect(loaded.certificates[0]?.der).toEqual(loaded.certificates[1]?.der)
    expect(loaded.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'trusted-ed25519-root.pem',
        message: expect.stringContaining('trust settings are ignored')
      })
    ])
  })
})

describe('not certificates', () => {
  it.each([
    ['garbage.crt', 'garbage.crt is not a certificate file: it is neither PEM'],
    ['truncated.pem', 'truncated.pem is truncated: its PEM block has no `-----END CERTIFICATE-----` line'],
    ['truncated.der', 'truncated.der is not a certificate: its DER is truncated or malformed'],
    ['bad-base64.pem', 'bad-base64.pem is not valid PEM (its body is not base64)'],
    ['bad-der.pem', 'bad-der.pem is not a certificate (bad DER)'],
    ['empty.p7b', 'empty.p7b is a PKCS#7 bundle that holds no certificates'],
    ['request.csr', 'request.csr: PEM block 1 is a certificate request (CSR), not a certificate']
  ])('%s', async (file, message) => {
    const loaded = await loadCertificates([file], FIXTURES)
    expect(loaded.certificates).toEqual([])
    expect(loaded.problems).toEqual([{ severity: 'error', file, message: expect.stringContaining(message) }])
  })

  it('names the certificate in a file with several when one of them is broken', async () => {
    const { dir, cleanup } = await temporaryFolder()
    try {
      const good = await readFile(fixture('rsa-root.pem'), 'utf8')
      await writeFile(path.join(dir, 'mixed.pem'), `${good}-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n${good}`)
      const loaded = await loadCertificates(['mixed.pem'], dir)
      expect(loaded.certificates.map((c) => c.source.index)).toEqual([1, 3])
      expect(loaded.problems).toEqual([
        {
          severity: 'error',
          file: 'mixed.pem',
          index: 2,
          message: expect.stringMatching(/^mixed\.pem: certificate 2 is not/)
        }
      ])
    } finally {
      await cleanup()
    }
  })

  it('refuses a file too large to be a certificate file without reading it', async () => {
    const { dir, cleanup } = await temporaryFolder()
    try {
      await writeFile(path.join(dir, 'huge.crt'), Buffer.alloc(11 * 1024 * 1024))
      const loaded = await loadCertificates(['huge.crt'], dir)
      expect(loaded.problems).toEqual([
        { severity: 'error', file: 'huge.crt', message: expect.stringContaining('huge.crt is 11 MB, too large') }
      ])
    } finally {
      await cleanup()
    }
  })

  it('refuses a PKCS#12 archive, which can hold private keys', async () => {
    const { dir, cleanup } = await temporaryFolder()
    try {
      await openssl([
        'pkcs12',
        '-export',
        '-in',
        fixture('rsa-root.pem'),
        '-nokeys',
        '-passout',
        'pass:fixture',
        '-out',
        path.join(dir, 'bundle.pfx')
      ])
      const loaded = await loadCertificates(['bundle.pfx'], dir)
      expect(loaded.certificates).toEqual([])
      expect(loaded.problems).toEqual([
        { severity: 'error', file: 'bundle.pfx', message: expect.stringContaining('bundle.pfx is a PKCS#12 (PFX) archive') }
      ])
    } finally {
      await cleanup()
    }
  })

  it('reports an empty file', async () => {
    const { dir, cleanup } = await temporaryFolder()
    try {
      await writeFile(path.join(dir, 'empty.pem'), '\n')
      const loaded = await loadCertificates(['empty.pem'], dir)
      expect(loaded.problems).toEqual([{ severity: 'error', file: 'empty.pem', message: expect.stringContaining('empty.pem is empty') }])
    } finally {
      await cleanup()
    }
  })
})

/** Every 16-character run of `text`, and every 16-byte run of `bytes` as hex and base64. */
function secretRuns(text: string, bytes: Buffer): string[] {
  const runs: string[] = []
  const compact = text.replace(/\s+/g, '')
  for (let i = 0; i + 16 <= compact.length; i += 1) runs.push(compact.slice(i, i + 16))
  for (let i = 0; i + 16 <= bytes.length; i += 1) {
    const window = bytes.subarray(i, i + 16)
    runs.push(window.toString('hex'), window.toString('hex').toUpperCase(), window.toString('base64').slice(0, 20))
  }
  return runs
}

const pemBody = (text: string): Buffer =>
  Buffer.from((/-----BEGIN [A-Z ]*PRIVATE KEY-----([\s\S]*?)-----END/.exec(text)?.[1] ?? '').replace(/\s+/g, ''), 'base64')

describe('private keys', () => {
  it.each([
    ['key-pkcs8.pem', 'PKCS#8 PEM'],
    ['key-rsa-traditional.pem', 'PKCS#1 PEM'],
    ['key-encrypted.pem', 'encrypted PKCS#8 PEM'],
    ['key-pkcs8.der', 'PKCS#8 DER'],
    ['key-rsa.der', 'PKCS#1 DER'],
    ['key-ec.der', 'SEC 1 DER'],
    ['cert-with-key.pem', 'a certificate with a PEM key appended'],
    ['cert-with-key.der', 'a DER certificate with a DER key appended']
  ])('%s (%s) is refused as a whole, and no byte of it appears in any message', async (file) => {
    const loaded = await loadCertificates([file], FIXTURES)
    expect(loaded.certificates).toEqual([])
    expect(loaded.problems).toEqual([{ severity: 'error', file, message: expect.stringContaining(`${file} holds a private key`) }])
    expect(loaded.problems[0]?.message).toContain('remove the key')

    const bytes = await readFile(fixture(file))
    const text = bytes.toString('latin1')
    // DER: every byte of the file (the key and any certificate with it); PEM: the key's DER and the file's text.
    const key = file.endsWith('.der') ? bytes : pemBody(text)
    expect(key.length).toBeGreaterThan(32)
    const messages = loaded.problems.map((p: Problem) => p.message).join('\n')
    // The whole file's text (key and certificate parts) and the key's DER as hex or base64.
    const leaked = secretRuns(file.endsWith('.der') ? '' : text.replace(/-----[^-]+-----/g, ''), key).filter((run) =>
      messages.includes(run)
    )
    expect(leaked).toEqual([])
  })

  it('refuses a key in a block labelled CERTIFICATE', async () => {
    const { dir, cleanup } = await temporaryFolder()
    try {
      const key = (await readFile(fixture('key-pkcs8.der'))).toString('base64')
      await writeFile(path.join(dir, 'disguised.pem'), `-----BEGIN CERTIFICATE-----\n${key}\n-----END CERTIFICATE-----\n`)
      const loaded = await loadCertificates(['disguised.pem'], dir)
      expect(loaded.problems).toEqual([
        { severity: 'error', file: 'disguised.pem', message: expect.stringContaining('disguised.pem holds a private key') }
      ])
      expect(secretRuns(key, Buffer.from(key, 'base64')).filter((run) => loaded.problems[0]?.message.includes(run))).toEqual([])
    } finally {
      await cleanup()
    }
  })

  it('refuses the key file but still loads the other files', async () => {
    const loaded = await loadCertificates(['key-pkcs8.pem', 'rsa-root.pem'], FIXTURES)
    expect(loaded.certificates.map((c) => c.source.file)).toEqual(['rsa-root.pem'])
    expect(loaded.problems.map((p) => p.file)).toEqual(['key-pkcs8.pem'])
  })
})

describe('patterns', () => {
  let workspace: string
  let outside: string
  let cleanups: Array<() => Promise<void>>

  beforeAll(async () => {
    const [inner, outer] = await Promise.all([temporaryFolder(), temporaryFolder()])
    workspace = inner.dir
    outside = outer.dir
    cleanups = [inner.cleanup, outer.cleanup]
    await mkdir(path.join(workspace, 'certs/nested'), { recursive: true })
    await mkdir(path.join(workspace, 'certs/folder.pem'))
    await copyFile(fixture('rsa-root.pem'), path.join(workspace, 'certs/root.pem'))
    await copyFile(fixture('rsa-intermediate.pem'), path.join(workspace, 'certs/issuing.pem'))
    await copyFile(fixture('rsa-chain.p7b'), path.join(workspace, 'certs/nested/chain.p7b'))
    await copyFile(fixture('ed25519-root.pem'), path.join(outside, 'elsewhere.pem'))
    // Reading /proc/self/mem from its start fails (EIO) even for root, unlike a chmod 000 file.
    await symlink('/proc/self/mem', path.join(workspace, 'certs/unreadable.crt'))
  })

  afterAll(async () => {
    await Promise.all(cleanups.map((cleanup) => cleanup()))
  })

  const files = async (patterns: string[]): Promise<string[]> => {
    const loaded = await loadCertificates(patterns, workspace)
    return [...new Set(loaded.certificates.map((c) => c.source.file))]
  }

  it.each<[string, string[], string[]]>([
    ['a path relative to the workspace', ['certs/root.pem'], ['certs/root.pem']],
    ['a glob, matches sorted, folders skipped', ['certs/*.pem'], ['certs/issuing.pem', 'certs/root.pem']],
    ['a recursive glob', ['**/*.p7b'], ['certs/nested/chain.p7b']],
    [
      'each file once, however many patterns name it',
      ['certs/root.pem', 'certs/*.pem', './certs/root.pem'],
      ['certs/root.pem', 'certs/issuing.pem']
    ],
    ['blank lines ignored', ['', '  certs/root.pem  ', ''], ['certs/root.pem']]
  ])('%s', async (_, patterns, expected) => {
    expect(await files(patterns)).toEqual(expected)
  })

  it('takes absolute paths, shown relative when inside the workspace and absolute when outside', async () => {
    expect(await files([path.join(workspace, 'certs/root.pem'), path.join(outside, 'elsewhere.pem')])).toEqual([
      'certs/root.pem',
      path.join(outside, 'elsewhere.pem')
    ])
    expect(await files([path.join(outside, '*.pem')])).toEqual([path.join(outside, 'elsewhere.pem')])
  })

  it.each([
    ['certs/missing.pem', '`certs/missing.pem` matches no file in '],
    ['certs/*.der', '`certs/*.der` matches no file in '],
    ['nothing/**/*.pem', '`nothing/**/*.pem` matches no file in ']
  ])('%s matches nothing: an error naming the pattern and the workspace', async (pattern, message) => {
    const loaded = await loadCertificates([pattern, 'certs/root.pem'], workspace)
    expect(loaded.certificates).toHaveLength(1)
    expect(loaded.problems).toEqual([{ severity: 'error', message: expect.stringContaining(message + workspace) }])
    expect(loaded.problems[0]?.message).toContain('relative to the workspace')
  })

  it('a directory named as a path is an error that says how to name its files', async () => {
    const loaded = await loadCertificates(['certs'], workspace)
    expect(loaded.problems).toEqual([
      { severity: 'error', file: 'certs', message: 'certs is a directory; name the certificate files in it, e.g. `certs/*.pem`' }
    ])
  })

  it('an unreadable file is an error naming it', async () => {
    const loaded = await loadCertificates(['certs/unreadable.crt'], workspace)
    expect(loaded.problems).toEqual([
      { severity: 'error', file: 'certs/unreadable.crt', message: expect.stringMatching(/^certs\/unreadable\.crt cannot be read/) }
    ])
  })
})
