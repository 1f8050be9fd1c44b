// `leaf-certificates` (contract.md): user certificates read only for their CRL distribution points,
// so that an issuing CA whose CRL URL no CA certificate tells gets it. Matched to their issuer by
// AKI = SKI and a verifying signature; never published, never validated as CAs. On generated
// chains (openssl) and on the real user certificates DISA's signed checksum files carry.
import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { analyzeCertificates } from '../../src/certificates/analyze.ts'
import { loadCertificates } from '../../src/certificates/load.ts'
import type { Analysis, AnalysisOptions, CrlOverride } from '../../src/certificates/types.ts'
import { type GeneratedChain, makeChain, openssl as opensslSync } from '../helpers/openssl.ts'
import { FIXTURES } from './support/fixtures.ts'
import { openssl, opensslFacts } from './support/openssl.ts'

/** The real bundles are judged at a fixed instant; the chains generated here, a day after they were made. */
const NOW = new Date('2026-12-01T00:00:00Z')
const OPTIONS: AnalysisOptions = {
  now: new Date(Date.now() + 86_400_000),
  minValidityDays: 0,
  crlOverrides: [],
  deferMissingIssuers: false
}

let chain: GeneratedChain
let other: GeneratedChain

/** A user certificate signed by `issuer` (`issuing-1` of `chain`), naming the given CRL URLs. */
function makeLeaf(on: GeneratedChain, issuer: string, name: string, crl: readonly string[], delta: readonly string[] = []): string {
  const p = (f: string): string => path.join(on.dir, f)
  writeFileSync(
    p(`${name}.cnf`),
    [
      '[leaf]',
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=clientAuth',
      'subjectKeyIdentifier=hash',
      'authorityKeyIdentifier=keyid',
      ...(crl.length > 0 ? [`crlDistributionPoints=${crl.map((u) => `URI:${u}`).join(',')}`] : []),
      ...(delta.length > 0 ? [`freshestCRL=${delta.map((u) => `URI:${u}`).join(',')}`] : []),
      ''
    ].join('\n')
  )
  opensslSync(
    ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', p(`${name}.key`)].concat([
      '-out',
      p(`${name}.csr`),
      '-subj',
      `/O=Test/CN=${name}`
    ])
  )
  opensslSync([
    'x509',
    '-req',
    '-in',
    p(`${name}.csr`),
    '-CA',
    p(`${issuer}.pem`),
    '-CAkey',
    p(`${issuer.replace('issuing-', 'i')}.key`),
    '-set_serial',
    String(Math.floor(Math.random() * 1e9)),
    '-days',
    '30',
    '-extfile',
    p(`${name}.cnf`),
    '-extensions',
    'leaf',
    '-out',
    p(`${name}.pem`)
  ])
  return p(`${name}.pem`)
}

beforeAll(() => {
  chain = makeChain(2, 'Leafy')
  other = makeChain(1, 'Other')
  makeLeaf(
    chain,
    'issuing-1',
    'alice',
    ['ldap://dir.example.test/cn=issuing-1', 'http://crl.example.test/issuing-1.crl'],
    ['http://crl.example.test/issuing-1-delta.crl']
  )
  makeLeaf(chain, 'issuing-1', 'bob', ['http://crl.example.test/issuing-1-second.crl'])
  makeLeaf(chain, 'issuing-2', 'carol', ['https://crl.example.test/issuing-2.crl'])
  makeLeaf(other, 'issuing-1', 'mallory', ['http://crl.other.test/other.crl'])
}, 60_000)

afterAll(() => {
  for (const dir of [chain?.dir, other?.dir]) if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
})

async function analyze(
  cas: readonly string[],
  leaves: readonly string[],
  overrides: readonly CrlOverride[] = [],
  extra: Partial<AnalysisOptions> = {}
): Promise<Analysis> {
  const [loadedCas, loadedLeaves] = await Promise.all([loadCertificates(cas, '/'), loadCertificates(leaves, '/', 'leaf-certificates')])
  expect([...loadedCas.problems, ...loadedLeaves.problems]).toEqual([])
  return analyzeCertificates(loadedCas.certificates, {
    ...OPTIONS,
    ...extra,
    crlOverrides: overrides,
    leafCertificates: loadedLeaves.certificates
  })
}

const crlOf = (analysis: Analysis, subject: RegExp): { crlUrl?: string; deltaCrlUrl?: string } => {
  const ca = analysis.authorities.find((a) => subject.test(a.subject))
  if (ca === undefined) throw new Error(`no CA ${String(subject)}`)
  return {
    ...(ca.crlUrl !== undefined ? { crlUrl: ca.crlUrl } : {}),
    ...(ca.deltaCrlUrl !== undefined ? { deltaCrlUrl: ca.deltaCrlUrl } : {})
  }
}

describe('leaf-certificates on a generated chain', () => {
  it('without them, the issuing CAs have no CRL URL and each gets a warning', async () => {
    const analysis = await analyze(chain.files, [])
    expect(crlOf(analysis, /Issuing CA 1/)).toEqual({})
    expect(analysis.problems.filter((p) => p.severity === 'warning' && p.message.includes('has no CRL URL'))).toHaveLength(2)
  })

  it('give each issuing CA the first http CRL URL (and delta) of the first user certificate it issued', async () => {
    const leaves = ['alice', 'bob', 'carol'].map((n) => path.join(chain.dir, `${n}.pem`))
    const alice = await opensslFacts(leaves[0]!)
    expect(alice.crlDistributionPoints).toEqual(['ldap://dir.example.test/cn=issuing-1', 'http://crl.example.test/issuing-1.crl'])
    const analysis = await analyze(chain.files, leaves)
    expect(crlOf(analysis, /Issuing CA 1/)).toEqual({
      crlUrl: alice.crlDistributionPoints[1],
      deltaCrlUrl: 'http://crl.example.test/issuing-1-delta.crl'
    })
    // https is taken when it is all there is, with a warning (Entra recommends http).
    expect(crlOf(analysis, /Issuing CA 2/)).toEqual({ crlUrl: 'https://crl.example.test/issuing-2.crl' })
    expect(analysis.problems.filter((p) => p.severity === 'warning').map((p) => p.message)).toEqual([
      expect.stringMatching(/Issuing CA 2.*https; Entra recommends http/)
    ])
    // Never published nor judged as CAs: no "not a CA" error, and only the three CAs.
    expect(analysis.authorities.map((a) => a.subject)).toEqual([
      'CN=Leafy Root CA, O=Leafy',
      'CN=Leafy Issuing CA 1, O=Leafy',
      'CN=Leafy Issuing CA 2, O=Leafy'
    ])
    expect(analysis.problems.filter((p) => p.severity === 'error')).toEqual([])
  })

  it('a user certificate whose issuer is not in the set gets a notice naming it, and changes nothing', async () => {
    const mallory = path.join(other.dir, 'mallory.pem')
    const analysis = await analyze(chain.files, [mallory])
    expect(analysis.problems.filter((p) => p.severity === 'notice')).toEqual([
      {
        severity: 'notice',
        file: mallory.slice(1),
        message: expect.stringContaining(
          '("CN=mallory, O=Test") (in `leaf-certificates`): its issuer "CN=Other Issuing CA 1, O=Other" is not among the CAs'
        )
      }
    ])
    expect(analysis.authorities.filter((a) => a.crlUrl?.includes('other.test') === true)).toEqual([])
  })

  it('a user certificate of another CA with the same name is not matched: the signature decides', async () => {
    // A second chain named like the first: the same issuer DN, other keys.
    const twin = makeChain(1, 'Leafy')
    try {
      const leaf = makeLeaf(twin, 'issuing-1', 'eve', ['http://crl.twin.test/evil.crl'])
      const analysis = await analyze(chain.files, [leaf])
      expect(crlOf(analysis, /Issuing CA 1/)).toEqual({})
      expect(analysis.problems.filter((p) => p.severity === 'notice')).toHaveLength(1)
    } finally {
      rmSync(twin.dir, { recursive: true, force: true })
    }
  })

  it('`crl-urls` still wins over what a user certificate tells', async () => {
    const [issuing1] = await Promise.all([opensslFacts(chain.files[1]!)])
    const analysis = await analyze(
      chain.files,
      [path.join(chain.dir, 'alice.pem')],
      [{ thumbprint: issuing1.sha1, crlUrl: 'http://override.example.test/i1.crl' }]
    )
    expect(crlOf(analysis, /Issuing CA 1/)).toEqual({ crlUrl: 'http://override.example.test/i1.crl' })
  })
})

describe('leaf-certificates from a real bundle', () => {
  // DISA's signed checksum files carry their signer's certificate: a person's DoD e-mail
  // certificate issued by DOD EMAIL CA-73, a real user certificate of the PKI.
  const REAL = path.join(FIXTURES, 'real')
  const signers: string[] = []
  beforeAll(async () => {
    for (const file of ['dod-v5.14/Certificates_PKCS7_v5_14_DoD.sha256', 'eca-v5.12/certificates_pkcs7_v5_12_eca.sha256']) {
      const pem = await openssl(['pkcs7', '-inform', 'DER', '-in', path.join(REAL, file), '-print_certs'])
      const first = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/.exec(pem)?.[0]
      const out = path.join(chain.dir, `${path.basename(file)}.signer.pem`)
      writeFileSync(out, `${first}\n`)
      signers.push(out)
    }
  })

  it('gives DOD EMAIL CA-73 its CRL URL, as openssl reads it from the user certificate', async () => {
    const facts = await Promise.all(signers.map((s) => opensslFacts(s)))
    for (const f of facts) expect(f.issuer).toBe('CN=DOD EMAIL CA-73, OU=PKI, OU=DoD, O=U.S. Government, C=US')
    const expected = facts[0]!.crlDistributionPoints.find((u) => u.startsWith('http://'))
    expect(expected).toBe('http://crl.disa.mil/crl/DODEMAILCA_73.crl')
    const dod = path.join(REAL, 'dod-v5.14/Certificates_PKCS7_v5_14_DoD.der.p7b')
    const without = analyzeCertificates((await loadCertificates([dod], '/')).certificates, { ...OPTIONS, now: NOW, ifExpired: 'skip' })
    const analysis = await analyze([dod], signers, [], { now: NOW, ifExpired: 'skip' })
    expect(crlOf(without, /DOD EMAIL CA-73/)).toEqual({})
    expect(crlOf(analysis, /DOD EMAIL CA-73/)).toEqual({ crlUrl: expected })
    const missing = (a: Analysis): number => a.problems.filter((p) => p.message.includes('has no CRL URL')).length
    expect(missing(analysis)).toBe(missing(without) - 1)
    expect(analysis.authorities.some((a) => a.subject.includes('CONTRACTOR'))).toBe(false)
  })
})
