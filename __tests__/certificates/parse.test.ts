// What is read from each certificate, against what openssl reports for the same file.
import { describe, expect, it } from '@jest/globals'
import { loadCertificates } from '../../src/certificates/load.ts'
import type { ParsedCertificate } from '../../src/certificates/types.ts'
import { FIXTURES, fixture } from './support/fixtures.ts'
import { keyIdentifierMethod1, openssl, opensslFacts, run, signatureVerifies } from './support/openssl.ts'

const SINGLE_CERTIFICATE_FILES = [
  'rsa-root.pem',
  'rsa-intermediate.pem',
  'rsa-leaf.pem',
  'ec-p521-root.pem',
  'ed25519-root.pem',
  'ed25519-intermediate.pem',
  'no-ski-root.pem',
  'v1-root.pem',
  'v1-intermediate.pem',
  'no-keycertsign-ca.pem',
  'no-basic-constraints.pem',
  'expired-root.pem',
  'not-yet-valid-root.pem',
  'forged-intermediate.pem',
  'store-root.pem',
  'orphan-intermediate.pem',
  'dn-special-root.pem',
  'dn-bmp-root.pem',
  'dn-t61-root.pem'
]

async function parsedFixture(file: string): Promise<ParsedCertificate> {
  const loaded = await loadCertificates([file], FIXTURES)
  expect(loaded.problems).toEqual([])
  const [certificate] = loaded.certificates
  if (certificate === undefined || loaded.certificates.length !== 1) throw new Error(`${file}: expected one certificate`)
  return certificate
}

/** Facts from `openssl x509 -text`, in the shape of ParsedCertificate. */
async function textFacts(file: string): Promise<Partial<ParsedCertificate>> {
  const text = await openssl(['x509', '-in', fixture(file), '-noout', '-text'])
  const section = (title: string): string =>
    new RegExp(`${title}:[^\\n]*\\n([\\s\\S]*?)(?=\\n\\s+X509v3 |\\n\\s*Signature Algorithm)`).exec(text)?.[1] ?? ''
  const algorithm = /Public Key Algorithm: (\S+)/.exec(text)?.[1]
  const basic = /X509v3 Basic Constraints:[^\n]*\n\s+CA:(TRUE|FALSE)(?:, pathlen:(\d+))?/.exec(text)
  const usage = /X509v3 Key Usage:[^\n]*\n\s+([^\n]*)/.exec(text)?.[1]
  const curve = /NIST CURVE: (\S+)/.exec(text)?.[1]
  return {
    version: Number(/Version: (\d)/.exec(text)?.[1]),
    keyAlgorithm:
      ({ rsaEncryption: 'rsa', 'id-ecPublicKey': 'ec', ED25519: 'ed25519' } as const)[algorithm as 'rsaEncryption'] ?? 'unknown',
    ...(curve === undefined ? {} : { curve }),
    ...(basic === null
      ? {}
      : { basicConstraints: { cA: basic[1] === 'TRUE', ...(basic[2] === undefined ? {} : { pathLenConstraint: Number(basic[2]) }) } }),
    ...(usage === undefined
      ? {}
      : {
          keyUsage: {
            keyCertSign: usage.includes('Certificate Sign'),
            cRLSign: usage.includes('CRL Sign'),
            digitalSignature: usage.includes('Digital Signature')
          }
        }),
    crlDistributionPoints: [...section('X509v3 CRL Distribution Points').matchAll(/URI:(\S+)/g)].map((m) => m[1] ?? ''),
    freshestCrl: [...section('X509v3 Freshest CRL').matchAll(/URI:(\S+)/g)].map((m) => m[1] ?? '')
  }
}

describe("certificate facts equal openssl's", () => {
  it.each(SINGLE_CERTIFICATE_FILES)('%s: fingerprints, names, validity, key identifiers, self-signature', async (file) => {
    const [certificate, facts] = await Promise.all([parsedFixture(file), opensslFacts(fixture(file))])
    expect({
      thumbprint: certificate.thumbprint,
      sha256: certificate.sha256,
      subject: certificate.subject,
      issuer: certificate.issuer,
      notBefore: certificate.notBefore.toISOString(),
      notAfter: certificate.notAfter.toISOString(),
      subjectKeyIdentifier: certificate.subjectKeyIdentifier,
      hasSubjectKeyIdentifierExtension: certificate.hasSubjectKeyIdentifierExtension,
      authorityKeyIdentifier: certificate.authorityKeyIdentifier,
      selfSigned: certificate.selfSigned
    }).toEqual({
      thumbprint: facts.sha1,
      sha256: facts.sha256,
      subject: facts.subject,
      issuer: facts.issuer,
      notBefore: facts.notBefore,
      notAfter: facts.notAfter,
      subjectKeyIdentifier: facts.ski ?? (await keyIdentifierMethod1(fixture(file))),
      hasSubjectKeyIdentifierExtension: facts.ski !== undefined,
      authorityKeyIdentifier: facts.aki,
      // Self-signed: same name, and openssl verifies the signature with the certificate's own key.
      selfSigned: facts.subject === facts.issuer && (await signatureVerifies(fixture(file), fixture(file)))
    })
    expect(certificate.thumbprint).toMatch(/^[0-9A-F]{40}$/)
    expect(certificate.sha256).toMatch(/^[0-9A-F]{64}$/)
  })

  it.each(SINGLE_CERTIFICATE_FILES)('%s: version, key, basicConstraints, keyUsage, CRL distribution points', async (file) => {
    const [certificate, facts] = await Promise.all([parsedFixture(file), textFacts(file)])
    expect(certificate).toMatchObject(facts)
    expect(certificate.curve).toBe(facts.curve)
    expect(certificate.basicConstraints).toEqual(facts.basicConstraints)
    expect(certificate.keyUsage).toEqual(facts.keyUsage)
  })
})

describe('self-signed', () => {
  it('agrees with `openssl verify -check_ss_sig` wherever openssl accepts the root', async () => {
    for (const file of SINGLE_CERTIFICATE_FILES.filter((f) => f !== 'no-keycertsign-ca.pem')) {
      const [certificate, facts] = await Promise.all([parsedFixture(file), opensslFacts(fixture(file))])
      expect([file, certificate.selfSigned]).toEqual([file, facts.selfSigned])
    }
  })

  it('means a valid self-signature even without keyCertSign, which `openssl verify` refuses for another reason', async () => {
    const verify = await run([
      'verify',
      '-no_check_time',
      '-check_ss_sig',
      '-CAfile',
      fixture('no-keycertsign-ca.pem'),
      fixture('no-keycertsign-ca.pem')
    ])
    expect(verify.stdout + verify.stderr).toContain('key usage does not include certificate signing')
    expect(await signatureVerifies(fixture('no-keycertsign-ca.pem'), fixture('no-keycertsign-ca.pem'))).toBe(true)
    expect((await parsedFixture('no-keycertsign-ca.pem')).selfSigned).toBe(true)
  })

  it('is false for a certificate whose issuer has the same name but another key', async () => {
    expect(await signatureVerifies(fixture('forged-intermediate.pem'), fixture('rsa-root.pem'))).toBe(false)
    expect(await signatureVerifies(fixture('rsa-intermediate.pem'), fixture('rsa-root.pem'))).toBe(true)
  })
})

describe('key algorithms', () => {
  it.each([
    ['rsa-root.pem', 'rsa', undefined],
    ['ec-p521-root.pem', 'ec', 'P-521'],
    ['ed25519-root.pem', 'ed25519', undefined]
  ])('%s is %s %s', async (file, keyAlgorithm, curve) => {
    const certificate = await parsedFixture(file)
    expect([certificate.keyAlgorithm, certificate.curve]).toEqual([keyAlgorithm, curve])
  })

  it('reads P-384 and P-256 keys from a PEM file with several certificates', async () => {
    const loaded = await loadCertificates(['ec-chain.pem'], FIXTURES)
    expect(loaded.certificates.map((c) => c.curve)).toEqual(['P-384', 'P-256', 'P-521'])
  })
})

describe('subject key identifier', () => {
  it('is SHA-1 of the subjectPublicKey BIT STRING (RFC 5280 method 1) when the extension is absent', async () => {
    const certificate = await parsedFixture('no-ski-root.pem')
    expect(certificate.hasSubjectKeyIdentifierExtension).toBe(false)
    expect(certificate.subjectKeyIdentifier).toBe(await keyIdentifierMethod1(fixture('no-ski-root.pem')))
  })

  it.each(['rsa-root.pem', 'ec-p521-root.pem', 'ed25519-root.pem'])(
    "%s: the oracle agrees with openssl's own `subjectKeyIdentifier = hash` (also method 1)",
    async (file) => {
      const facts = await opensslFacts(fixture(file))
      expect(await keyIdentifierMethod1(fixture(file))).toBe(facts.ski)
    }
  )
})

describe('validity', () => {
  it('reads a notAfter beyond 2049 (GeneralizedTime)', async () => {
    const der = await openssl(['asn1parse', '-in', fixture('rsa-root.pem')])
    expect(der).toMatch(/GENERALIZEDTIME\s+:20740101000000Z/)
    expect((await parsedFixture('rsa-root.pem')).notAfter.toISOString()).toBe('2074-01-01T00:00:00.000Z')
  })
})
