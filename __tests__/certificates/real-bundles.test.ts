// Official public bundles (DoD PKI, ECA, Federal PKI, Estonian eID; see
// __fixtures__/certificates/real/SOURCES.md) read by this code and by openssl: every
// certificate's thumbprint, names, key identifier, expiry and CRL distribution points, in every
// format they ship (PKCS#7 DER and PEM, PEM with comment lines, single DER), and per bundle the
// counts that decide a run: certificates, expired at a fixed instant, CAs, cross-certificates.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { analyzeCertificates } from '../../src/certificates/analyze.ts'
import { loadCertificates } from '../../src/certificates/load.ts'
import type { ParsedCertificate } from '../../src/certificates/types.ts'
import { FIXTURES } from './support/fixtures.ts'
import { openssl, type OpensslFacts, opensslFacts } from './support/openssl.ts'

const REAL = path.join(FIXTURES, 'real')
/** Expiry is judged at this instant, so that the counts below do not change with the calendar. */
const NOW = new Date('2026-12-01T00:00:00Z')

interface Bundle {
  readonly file: string
  /** How openssl reads it: a PKCS#7 bundle (DER or PEM), or certificates (PEM, or a single DER). */
  readonly openssl: 'pkcs7-der' | 'pkcs7-pem' | 'pem' | 'der'
  readonly certificates: number
  readonly expired: number
  /** Certificates whose subject another certificate of the bundle also has (cross-certificates, re-issues). */
  readonly sharedSubjects: number
}

const BUNDLES: readonly Bundle[] = [
  { file: 'dod-v5.14/Certificates_PKCS7_v5_14_DoD.der.p7b', openssl: 'pkcs7-der', certificates: 49, expired: 4, sharedSubjects: 0 },
  { file: 'dod-v5.14/Certificates_PKCS7_v5_14_DoD.pem.p7b', openssl: 'pkcs7-pem', certificates: 49, expired: 4, sharedSubjects: 0 },
  {
    file: 'dod-v5.14/Certificates_PKCS7_v5_14_DoD_DoD_Root_CA_3.der.p7b',
    openssl: 'pkcs7-der',
    certificates: 18,
    expired: 3,
    sharedSubjects: 0
  },
  {
    file: 'dod-v5.14/Certificates_PKCS7_v5_14_DoD_DoD_Root_CA_4.der.p7b',
    openssl: 'pkcs7-der',
    certificates: 1,
    expired: 0,
    sharedSubjects: 0
  },
  {
    file: 'dod-v5.14/Certificates_PKCS7_v5_14_DoD_DoD_Root_CA_5.der.p7b',
    openssl: 'pkcs7-der',
    certificates: 8,
    expired: 1,
    sharedSubjects: 0
  },
  {
    file: 'dod-v5.14/Certificates_PKCS7_v5_14_DoD_DoD_Root_CA_6.der.p7b',
    openssl: 'pkcs7-der',
    certificates: 22,
    expired: 0,
    sharedSubjects: 0
  },
  { file: 'dod-v5.14/GROUPREPLACE_CAs.pem', openssl: 'pem', certificates: 49, expired: 4, sharedSubjects: 0 },
  { file: 'dod-v5.14/DoD_PKE_CA_chain.pem', openssl: 'pem', certificates: 2, expired: 0, sharedSubjects: 0 },
  { file: 'dod-v5.14/email-ca-59.cer', openssl: 'pem', certificates: 1, expired: 1, sharedSubjects: 0 },
  { file: 'dod-v5.14/root-ca-3.cer', openssl: 'pem', certificates: 1, expired: 0, sharedSubjects: 0 },
  { file: 'eca-v5.12/certificates_pkcs7_v5_12_eca_der.p7b', openssl: 'pkcs7-der', certificates: 10, expired: 2, sharedSubjects: 0 },
  {
    file: 'eca-v5.12/certificates_pkcs7_v5_12_eca_ECA_Root_CA_4_der.p7b',
    openssl: 'pkcs7-der',
    certificates: 6,
    expired: 2,
    sharedSubjects: 0
  },
  {
    file: 'eca-v5.12/certificates_pkcs7_v5_12_eca_ECA_Root_CA_5_der.p7b',
    openssl: 'pkcs7-der',
    certificates: 4,
    expired: 0,
    sharedSubjects: 0
  },
  { file: 'fpki/caCertsIssuedByfcpcag2.p7c', openssl: 'pkcs7-der', certificates: 12, expired: 1, sharedSubjects: 3 },
  { file: 'fpki/fcpcag2.crt', openssl: 'der', certificates: 1, expired: 0, sharedSubjects: 0 },
  { file: 'ee/chain.pem', openssl: 'pem', certificates: 16, expired: 0, sharedSubjects: 0 }
]

let scratch: string
const ours = new Map<string, readonly ParsedCertificate[]>()
const theirs = new Map<string, readonly OpensslFacts[]>()

/** Each certificate of a bundle as openssl sees it, in bundle order, one PEM file each. */
async function opensslCertificates(bundle: Bundle, index: number): Promise<OpensslFacts[]> {
  const file = path.join(REAL, bundle.file)
  const printed =
    bundle.openssl === 'pem'
      ? await openssl(['crl2pkcs7', '-nocrl', '-certfile', file]).then((p7) => openssl(['pkcs7', '-print_certs'], p7))
      : bundle.openssl === 'der'
        ? await openssl(['x509', '-inform', 'DER', '-in', file])
        : await openssl(['pkcs7', '-inform', bundle.openssl === 'pkcs7-der' ? 'DER' : 'PEM', '-in', file, '-print_certs'])
  const blocks = printed.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []
  return Promise.all(blocks.map((block, i) => factsOf(block, `${index}-${i}`)))
}

// The bundles share most certificates (one DoD set in five files): openssl is asked once per certificate.
const byBlock = new Map<string, Promise<OpensslFacts>>()
function factsOf(block: string, name: string): Promise<OpensslFacts> {
  const base64 = block.replace(/-----[^-]+-----|\s/g, '')
  let facts = byBlock.get(base64)
  if (facts === undefined) {
    const one = path.join(scratch, `${name}.pem`)
    facts = writeFile(one, `${block}\n`).then(() => opensslFacts(one))
    byBlock.set(base64, facts)
  }
  return facts
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'real-bundles-'))
  await Promise.all(
    BUNDLES.map(async (bundle, index) => {
      const [loaded, facts] = await Promise.all([loadCertificates([bundle.file], REAL), opensslCertificates(bundle, index)])
      expect(loaded.problems).toEqual([])
      ours.set(bundle.file, loaded.certificates)
      theirs.set(bundle.file, facts)
    })
  )
}, 180_000)

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

const firstHttp = (uris: readonly string[]): string | null => uris.find((uri) => /^http:\/\//i.test(uri)) ?? null

describe.each(BUNDLES)('$file', (bundle) => {
  it('reads every certificate as openssl does, in bundle order', () => {
    const got = ours.get(bundle.file) ?? []
    const want = theirs.get(bundle.file) ?? []
    expect(want).toHaveLength(bundle.certificates)
    expect(
      got.map((c) => ({
        thumbprint: c.thumbprint,
        sha256: c.sha256,
        subject: c.subject,
        issuer: c.issuer,
        ski: c.subjectKeyIdentifier,
        aki: c.authorityKeyIdentifier ?? null,
        notBefore: c.notBefore.toISOString(),
        notAfter: c.notAfter.toISOString(),
        crlDistributionPoints: c.crlDistributionPoints,
        crlUrl: firstHttp(c.crlDistributionPoints),
        selfSigned: c.selfSigned
      }))
    ).toEqual(
      want.map((f) => ({
        thumbprint: f.sha1,
        sha256: f.sha256,
        subject: f.subject,
        issuer: f.issuer,
        ski: f.ski,
        aki: f.aki ?? null,
        notBefore: f.notBefore,
        notAfter: f.notAfter,
        crlDistributionPoints: f.crlDistributionPoints,
        crlUrl: firstHttp(f.crlDistributionPoints),
        selfSigned: f.selfSigned
      }))
    )
    expect(got.map((c) => c.source.index)).toEqual(got.map((_c, i) => i + 1))
  })

  it('has the expected counts: certificates, expired at the fixed date, shared subjects', () => {
    const facts = theirs.get(bundle.file) ?? []
    const expired = facts.filter((f) => new Date(f.notAfter) < NOW).length
    const subjects = facts.map((f) => f.subject)
    const shared = subjects.filter((s) => subjects.indexOf(s) !== subjects.lastIndexOf(s)).length
    expect({ certificates: facts.length, expired, sharedSubjects: shared }).toEqual({
      certificates: bundle.certificates,
      expired: bundle.expired,
      sharedSubjects: bundle.sharedSubjects
    })
  })
})

describe('the same bundle in its two encodings', () => {
  it('DoD v5.14: DER and PEM PKCS#7 and the printed PEM hold the same certificates in the same order', () => {
    const thumbprints = (file: string): string[] => (ours.get(`dod-v5.14/${file}`) ?? []).map((c) => c.thumbprint)
    const der = thumbprints('Certificates_PKCS7_v5_14_DoD.der.p7b')
    expect(der).toHaveLength(49)
    expect(thumbprints('Certificates_PKCS7_v5_14_DoD.pem.p7b')).toEqual(der)
    expect(thumbprints('GROUPREPLACE_CAs.pem')).toEqual(der)
  })
})

describe('each real set, analysed as a whole at the fixed date', () => {
  const SETS = [
    { name: 'DoD v5.14', files: ['dod-v5.14/Certificates_PKCS7_v5_14_DoD.der.p7b'], cas: 49, roots: 4, expired: 4, withCrlUrl: 3 },
    { name: 'ECA v5.12', files: ['eca-v5.12/certificates_pkcs7_v5_12_eca_der.p7b'], cas: 10, roots: 2, expired: 2, withCrlUrl: 2 },
    { name: 'Federal PKI', files: ['fpki/fcpcag2.crt', 'fpki/caCertsIssuedByfcpcag2.p7c'], cas: 13, roots: 1, expired: 1, withCrlUrl: 1 },
    { name: 'Estonian eID', files: ['ee/chain.pem'], cas: 16, roots: 5, expired: 0, withCrlUrl: 5 }
  ]
  it.each(SETS)('$name: every certificate is a CA; the expired ones are the only errors', async (set) => {
    const loaded = await loadCertificates(set.files, REAL)
    const analysis = analyzeCertificates(loaded.certificates, {
      now: NOW,
      minValidityDays: 0,
      crlOverrides: [],
      deferMissingIssuers: false
    })
    const facts = set.files.flatMap((file) => theirs.get(file) ?? [])
    const expiredThumbprints = facts.filter((f) => new Date(f.notAfter) < NOW).map((f) => f.sha1)
    expect(analysis.authorities).toHaveLength(set.cas)
    expect(analysis.authorities.filter((a) => a.isRootAuthority)).toHaveLength(set.roots)
    expect(facts.filter((f) => f.selfSigned)).toHaveLength(set.roots)
    const errors = analysis.problems.filter((p) => p.severity === 'error')
    expect(errors).toHaveLength(set.expired)
    expect(expiredThumbprints).toHaveLength(set.expired)
    for (const error of errors) expect(error.message).toMatch(/expired on \d{4}-\d\d-\d\d/)
    // The CRL URL of a CA comes from the certificates it issued: only CAs that issued another CA
    // of the set have one (plus roots that name their own CRL).
    expect(analysis.authorities.filter((a) => a.crlUrl !== undefined)).toHaveLength(set.withCrlUrl)
  })
})
