// Validation and enrichment of a set of CA certificates (contract.md, "Validation", "Enrichment").
import { describe, expect, it } from '@jest/globals'
import { analyzeCertificates } from '../../src/certificates/analyze.ts'
import { missingIssuerProblems } from '../../src/certificates/chain.ts'
import { loadCertificates } from '../../src/certificates/load.ts'
import type { Analysis, AnalysisOptions, CrlOverride, ParsedCertificate, Problem } from '../../src/certificates/types.ts'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { FIXTURES, fixture, NOW, OPTIONS, temporaryFolder } from './support/fixtures.ts'
import { openssl, opensslFacts } from './support/openssl.ts'

async function load(files: readonly string[]): Promise<readonly ParsedCertificate[]> {
  const loaded = await loadCertificates(files, FIXTURES)
  expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([])
  return loaded.certificates
}

async function analyze(files: readonly string[], options: Partial<AnalysisOptions> = {}): Promise<Analysis> {
  return analyzeCertificates(await load(files), { ...OPTIONS, ...options })
}

const errors = (analysis: Analysis): Problem[] => analysis.problems.filter((p) => p.severity === 'error')
const about = (analysis: Analysis, file: string, severity?: Problem['severity']): Problem[] =>
  analysis.problems.filter((p) => p.file === file && (severity === undefined || p.severity === severity))
const subjects = (analysis: Analysis): string[] => analysis.authorities.map((a) => a.subject.replace(/,.*/, ''))

const RSA_CHAIN = ['rsa-root.pem', 'rsa-intermediate.pem']

describe('not a CA', () => {
  it.each([
    ['rsa-leaf.pem', 'is not a CA (basicConstraints cA=false; keyUsage without keyCertSign)'],
    ['no-basic-constraints.pem', 'is not a CA (no basicConstraints extension)'],
    ['no-keycertsign-ca.pem', 'is not a CA (keyUsage without keyCertSign)'],
    ['v1-intermediate.pem', 'is an X.509 v1 certificate that is not a self-signed root']
  ])('%s is an error, and is left out of the CAs', async (file, message) => {
    const analysis = await analyze([...RSA_CHAIN, file])
    expect(errors(analysis)).toEqual([{ severity: 'error', file, message: expect.stringContaining(message) }])
    expect(errors(analysis)[0]?.message).toContain('remove it or point `certificates` at the CA files only')
    expect(analysis.authorities.map((a) => a.file)).toEqual(RSA_CHAIN)
  })

  it('names the certificate in a bundle by its position', async () => {
    const analysis = analyzeCertificates(
      (await load(['ec-chain.pem', 'rsa-leaf.pem'])).map((c) =>
        c.source.file === 'rsa-leaf.pem' ? { ...c, source: { file: 'certs/all.pem', index: 4, count: 4 } } : c
      ),
      OPTIONS
    )
    expect(errors(analysis)).toEqual([
      {
        severity: 'error',
        file: 'certs/all.pem',
        index: 4,
        message:
          'certs/all.pem: certificate 4 ("CN=fixture-client, O=Fixture Corp, C=US") is not a CA (basicConstraints cA=false; ' +
          'keyUsage without keyCertSign); remove it or point `certificates` at the CA files only'
      }
    ])
  })

  it('accepts a self-signed v1 root with a warning', async () => {
    const analysis = await analyze(['v1-root.pem'])
    expect(analysis.authorities).toEqual([expect.objectContaining({ file: 'v1-root.pem', isRootAuthority: true })])
    expect(errors(analysis)).toEqual([])
    expect(about(analysis, 'v1-root.pem', 'warning').map((p) => p.message)).toContainEqual(expect.stringContaining('X.509 v1 root'))
  })
})

describe('validity', () => {
  it.each<[string, Date, Problem['severity'] | undefined, string]>([
    ['expired-root.pem', NOW, 'error', 'expired on 2010-01-01'],
    ['not-yet-valid-root.pem', NOW, 'error', 'is not valid before 2090-01-01'],
    [
      'rsa-intermediate.pem',
      new Date('2033-12-20T00:00:00Z'),
      'warning',
      'expires on 2034-01-01 (12 days left, less than `min-validity-days` 30)'
    ],
    ['rsa-intermediate.pem', new Date('2033-12-31T12:00:00Z'), 'warning', 'expires on 2034-01-01 (0 days left'],
    ['rsa-intermediate.pem', new Date('2033-12-01T00:00:00Z'), undefined, ''],
    ['rsa-intermediate.pem', new Date('2034-01-01T00:00:01Z'), 'error', 'expired on 2034-01-01']
  ])('%s at %s', async (file, now, severity, message) => {
    const analysis = await analyze(['rsa-root.pem', file], { now })
    const found = analysis.problems.filter((p) => p.file === file && /\) (expired|expires|is not valid before) /.test(p.message))
    expect(found).toEqual(severity === undefined ? [] : [{ severity, file, message: expect.stringContaining(message) }])
  })

  it('uses the validity openssl reports', async () => {
    const facts = await opensslFacts(fixture('expired-root.pem'))
    const analysis = await analyze(['expired-root.pem'], { now: new Date(new Date(facts.notAfter).getTime() + 1000) })
    expect(errors(analysis)).toHaveLength(1)
    const before = await analyze(['expired-root.pem'], { now: new Date(facts.notAfter), minValidityDays: 0 })
    expect(errors(before)).toEqual([])
  })
})

describe('duplicates', () => {
  it('keeps the first copy and says where both are', async () => {
    const analysis = await analyze(['rsa-root.pem', 'rsa-root.cer', 'rsa-chain.p7b'])
    expect(analysis.authorities.map((a) => [a.file, a.index])).toEqual([
      ['rsa-root.pem', undefined],
      ['rsa-chain.p7b', 2]
    ])
    const notices = analysis.problems.filter((p) => p.severity === 'notice')
    expect(notices).toEqual([
      {
        severity: 'notice',
        file: 'rsa-root.cer',
        message: expect.stringMatching(
          /^rsa-root\.cer \(.*\) is the same certificate \(SHA-1 [0-9A-F]{40}\) as rsa-root\.pem; it is used once$/
        )
      },
      { severity: 'notice', file: 'rsa-chain.p7b', index: 1, message: expect.stringContaining('as rsa-root.pem; it is used once') }
    ])
  })
})

describe('chains', () => {
  it.each([
    [['rsa-root.pem', 'rsa-intermediate.pem'], 'RSA'],
    [['ec-chain.pem'], 'ECDSA P-384 root -> P-256 issuing CA, and a P-521 root'],
    [['ed25519-root.pem', 'ed25519-intermediate.pem'], 'Ed25519'],
    [['rsa-chain.p7c'], 'PKCS#7']
  ])('%j (%s): every intermediate finds its issuer', async (files) => {
    const analysis = await analyze(files)
    expect(errors(analysis)).toEqual([])
    expect(analysis.authorities.filter((a) => !a.isRootAuthority)).toHaveLength(1)
  })

  it('reports an intermediate whose signature does not verify against the CA of the same name and key identifier', async () => {
    const analysis = await analyze(['rsa-root.pem', 'forged-intermediate.pem'])
    expect(errors(analysis)).toEqual([
      {
        severity: 'error',
        file: 'forged-intermediate.pem',
        message: expect.stringContaining(
          'its signature does not verify against its issuer "CN=Fixture RSA Root CA, O=Fixture Corp, C=US" in rsa-root.pem'
        )
      }
    ])
  })

  it('reports an intermediate whose issuer is not in the set', async () => {
    const analysis = await analyze(['orphan-intermediate.pem'])
    expect(errors(analysis)).toEqual([
      {
        severity: 'error',
        file: 'orphan-intermediate.pem',
        message:
          'orphan-intermediate.pem ("CN=Fixture Orphan Issuing CA, O=Fixture Corp, C=US"): its issuer "CN=Fixture Store Root CA, ' +
          'O=Fixture Corp, C=US" is not in the set; add the issuing CA\'s certificate to `certificates`'
      }
    ])
  })

  it('leaves a missing issuer to missingIssuerProblems when asked to defer, which checks the store', async () => {
    const analysis = await analyze(['orphan-intermediate.pem', 'rsa-root.pem', 'rsa-intermediate.pem'], { deferMissingIssuers: true })
    expect(errors(analysis)).toEqual([])
    const [store] = await load(['store-root.pem'])
    const [otherRoot] = await load(['ec-p521-root.pem'])
    expect(missingIssuerProblems(analysis.authorities, [store?.der ?? Buffer.alloc(0)])).toEqual([])
    expect(missingIssuerProblems(analysis.authorities, [otherRoot?.der ?? Buffer.alloc(0), Buffer.from('junk')])).toEqual([
      {
        severity: 'error',
        file: 'orphan-intermediate.pem',
        message: expect.stringContaining(
          'its issuer "CN=Fixture Store Root CA, O=Fixture Corp, C=US" is neither in the set nor in the tenant\'s store'
        )
      }
    ])
  })

  it('missingIssuerProblems reports a store CA of the right name whose key did not sign the intermediate', async () => {
    const analysis = await analyze(['forged-intermediate.pem'], { deferMissingIssuers: true })
    expect(errors(analysis)).toEqual([])
    const [root] = await load(['rsa-root.pem'])
    expect(missingIssuerProblems(analysis.authorities, [root?.der ?? Buffer.alloc(0)])).toEqual([
      {
        severity: 'error',
        file: 'forged-intermediate.pem',
        message: expect.stringContaining(
          'its signature does not verify against the CA "CN=Fixture RSA Root CA, O=Fixture Corp, C=US" in the tenant\'s store'
        )
      }
    ])
  })

  it('missingIssuerProblems names the certificate of a bundle by its position', async () => {
    // A PEM bundle of a root and, second, an intermediate of another root that is not in the set.
    const { dir, cleanup } = await temporaryFolder()
    try {
      const bundle = path.join(dir, 'bundle.pem')
      await writeFile(bundle, Buffer.concat([await readFile(fixture('rsa-root.pem')), await readFile(fixture('orphan-intermediate.pem'))]))
      const loaded = await loadCertificates([bundle], dir)
      const analysis = analyzeCertificates(loaded.certificates, { ...OPTIONS, deferMissingIssuers: true })
      expect(errors(analysis)).toEqual([])
      expect(missingIssuerProblems(analysis.authorities, [])).toEqual([
        expect.objectContaining({ file: 'bundle.pem', index: 2, message: expect.stringMatching(/^bundle\.pem: certificate 2 \(/) })
      ])
    } finally {
      await cleanup()
    }
  })

  it('missingIssuerProblems looks only at the CAs whose issuer was not in the set', async () => {
    const analysis = await analyze(['orphan-intermediate.pem', ...RSA_CHAIN], { deferMissingIssuers: true })
    expect(analysis.authorities.filter((a) => a.issuerOutsideSet === true).map((a) => a.file)).toEqual(['orphan-intermediate.pem'])
    // With every issuer in the set, even an unparsable store is never read.
    const complete = await analyze(RSA_CHAIN, { deferMissingIssuers: true })
    expect(complete.authorities.some((a) => a.issuerOutsideSet !== undefined)).toBe(false)
    expect(missingIssuerProblems(complete.authorities, [Buffer.from('junk')])).toEqual([])
  })
})

describe('order of the CAs', () => {
  it('puts roots first and parents before children, input order otherwise', async () => {
    const analysis = await analyze(
      ['ed25519-intermediate.pem', 'rsa-intermediate.pem', 'orphan-intermediate.pem', 'ec-chain.pem', 'rsa-root.pem', 'ed25519-root.pem'],
      { deferMissingIssuers: true }
    )
    expect(subjects(analysis)).toEqual([
      'CN=Fixture ECC P-384 Root CA',
      'CN=Fixture ECC P-521 Root CA',
      'CN=Fixture RSA Root CA',
      'CN=Fixture Ed25519 Root CA',
      'CN=Fixture Ed25519 Issuing CA',
      'CN=Fixture RSA Issuing CA',
      'CN=Fixture Orphan Issuing CA',
      'CN=Fixture ECC P-256 Issuing CA'
    ])
  })
})

describe('CRL URLs', () => {
  const crl = (analysis: Analysis, subject: string): [string | undefined, string | undefined] => {
    const ca = analysis.authorities.find((a) => a.subject.startsWith(`CN=${subject},`))
    return [ca?.crlUrl, ca?.deltaCrlUrl]
  }

  it('come from the certificates a CA issued: the first http URL (ldap skipped) and the freshest CRL', async () => {
    const analysis = await analyze(RSA_CHAIN)
    const distributionPoints = await openssl([
      'x509',
      '-in',
      fixture('rsa-intermediate.pem'),
      '-noout',
      '-ext',
      'crlDistributionPoints,freshestCRL'
    ])
    expect(distributionPoints).toMatch(
      /URI:ldap:[\s\S]*URI:http:\/\/crl\.example\.test\/rsa-root\.crl[\s\S]*URI:http:\/\/crl\.example\.test\/rsa-root-delta\.crl/
    )
    expect(crl(analysis, 'Fixture RSA Root CA')).toEqual([
      'http://crl.example.test/rsa-root.crl',
      'http://crl.example.test/rsa-root-delta.crl'
    ])
    expect(errors(analysis)).toEqual([])
  })

  it('are absent for a CA that issued nothing in the set, with a warning saying how to give one', async () => {
    const analysis = await analyze(RSA_CHAIN)
    expect(crl(analysis, 'Fixture RSA Issuing CA')).toEqual([undefined, undefined])
    const intermediate = analysis.authorities.find((a) => !a.isRootAuthority)
    expect(about(analysis, 'rsa-intermediate.pem', 'warning')).toEqual([
      {
        severity: 'warning',
        file: 'rsa-intermediate.pem',
        message: expect.stringContaining(`has no CRL URL`)
      }
    ])
    expect(about(analysis, 'rsa-intermediate.pem')[0]?.message).toContain(`Entra checks no revocation`)
    expect(about(analysis, 'rsa-intermediate.pem')[0]?.message).toContain(`\`crl-urls\` line "${intermediate?.thumbprint} http://`)
  })

  it('take an https URL when there is no http one, with a warning', async () => {
    const analysis = await analyze(['ec-chain.pem'])
    expect(crl(analysis, 'Fixture ECC P-384 Root CA')).toEqual(['https://crl.example.test/ec-root.crl', undefined])
    expect(analysis.problems).toContainEqual({
      severity: 'warning',
      file: 'ec-chain.pem',
      index: 1,
      message: expect.stringContaining(
        'https://crl.example.test/ec-root.crl (from the certificates it issued) is https; Entra recommends http'
      )
    })
  })

  it.each<[string, (thumbprint: string) => CrlOverride, [string | undefined, string | undefined], Array<Record<string, unknown>>]>([
    [
      'wins over the derived URL, matched case-insensitively',
      (t) => ({ thumbprint: t.toLowerCase(), crlUrl: 'http://override.example.test/root.crl' }),
      ['http://override.example.test/root.crl', undefined],
      []
    ],
    [
      'accepts a thumbprint with colons, and a delta CRL URL',
      (t) => ({
        thumbprint: t.match(/../g)?.join(':') ?? t,
        crlUrl: 'http://o.example.test/r.crl',
        deltaCrlUrl: 'http://o.example.test/d.crl'
      }),
      ['http://o.example.test/r.crl', 'http://o.example.test/d.crl'],
      []
    ],
    [
      'warns about https',
      (t) => ({ thumbprint: t, crlUrl: 'https://o.example.test/r.crl' }),
      ['https://o.example.test/r.crl', undefined],
      [{ severity: 'warning', message: expect.stringContaining('https://o.example.test/r.crl is https; Entra recommends http') }]
    ],
    [
      'refuses a URL that is not absolute http(s)',
      (t) => ({ thumbprint: t, crlUrl: 'ldap://o.example.test/cn=x' }),
      ['http://crl.example.test/rsa-root.crl', 'http://crl.example.test/rsa-root-delta.crl'],
      [{ severity: 'error', message: expect.stringContaining('"ldap://o.example.test/cn=x" is not an absolute http: or https: URL') }]
    ],
    [
      'refuses a relative URL, also as delta',
      (t) => ({ thumbprint: t, crlUrl: 'http://o.example.test/r.crl', deltaCrlUrl: '/delta.crl' }),
      ['http://crl.example.test/rsa-root.crl', 'http://crl.example.test/rsa-root-delta.crl'],
      [{ severity: 'error', message: expect.stringContaining('"/delta.crl" is not an absolute http: or https: URL') }]
    ],
    [
      'refuses a thumbprint that is in no certificate',
      () => ({ thumbprint: '00'.repeat(20), crlUrl: 'http://o.example.test/r.crl' }),
      ['http://crl.example.test/rsa-root.crl', 'http://crl.example.test/rsa-root-delta.crl'],
      [
        {
          severity: 'error',
          message: expect.stringContaining(`\`crl-urls\` line for ${'00'.repeat(20)}: no CA in \`certificates\` has this SHA-1 thumbprint`)
        }
      ]
    ],
    [
      'refuses what is no thumbprint',
      () => ({ thumbprint: 'root', crlUrl: 'http://o.example.test/r.crl' }),
      ['http://crl.example.test/rsa-root.crl', 'http://crl.example.test/rsa-root-delta.crl'],
      [{ severity: 'error', message: expect.stringContaining('"root" is not a SHA-1 thumbprint') }]
    ]
  ])('from `crl-urls`: %s', async (_, override, expected, expectedProblems) => {
    const thumbprint = (await opensslFacts(fixture('rsa-root.pem'))).sha1
    const analysis = await analyze(RSA_CHAIN, { crlOverrides: [override(thumbprint)] })
    expect(crl(analysis, 'Fixture RSA Root CA')).toEqual(expected)
    const overrideProblems = analysis.problems.filter((p) => p.message.startsWith('`crl-urls`'))
    expect(overrideProblems).toEqual(expectedProblems.map((p) => expect.objectContaining(p)))
  })

  it('from `crl-urls`: refuses the same thumbprint twice', async () => {
    const thumbprint = (await opensslFacts(fixture('rsa-root.pem'))).sha1
    const line = { thumbprint, crlUrl: 'http://o.example.test/r.crl' }
    const analysis = await analyze(RSA_CHAIN, { crlOverrides: [line, line] })
    expect(errors(analysis)).toEqual([expect.objectContaining({ message: expect.stringContaining('the thumbprint is given twice') })])
  })

  it('from `crl-urls`: gives a CA that issued nothing a CRL URL, and no warning', async () => {
    const thumbprint = (await opensslFacts(fixture('rsa-intermediate.pem'))).sha1
    const analysis = await analyze(RSA_CHAIN, { crlOverrides: [{ thumbprint, crlUrl: 'http://crl.example.test/issuing.crl' }] })
    expect(crl(analysis, 'Fixture RSA Issuing CA')).toEqual(['http://crl.example.test/issuing.crl', undefined])
    expect(analysis.problems.filter((p) => p.message.includes('no CRL URL'))).toEqual([])
  })
})

describe('CA records', () => {
  it('carry what openssl reports, in the shape of the `certificates` output', async () => {
    const analysis = await analyze(['rsa-chain.p7b'])
    const [root, intermediate] = await Promise.all([opensslFacts(fixture('rsa-root.pem')), opensslFacts(fixture('rsa-intermediate.pem'))])
    expect(analysis.authorities.map(({ der, ...record }) => ({ ...record, der: der.length }))).toEqual([
      {
        thumbprint: root.sha1,
        sha256: root.sha256,
        subject: root.subject,
        issuer: root.subject,
        issuerSki: root.ski,
        isRootAuthority: true,
        notBefore: root.notBefore,
        notAfter: root.notAfter,
        crlUrl: 'http://crl.example.test/rsa-root.crl',
        deltaCrlUrl: 'http://crl.example.test/rsa-root-delta.crl',
        file: 'rsa-chain.p7b',
        index: 1,
        der: expect.any(Number)
      },
      {
        thumbprint: intermediate.sha1,
        sha256: intermediate.sha256,
        subject: intermediate.subject,
        issuer: root.subject,
        issuerSki: intermediate.ski,
        isRootAuthority: false,
        notBefore: intermediate.notBefore,
        notAfter: intermediate.notAfter,
        file: 'rsa-chain.p7b',
        index: 2,
        der: expect.any(Number)
      }
    ])
    expect(analysis.authorities[0]?.notAfter).toBe('2074-01-01T00:00:00.000Z')
  })

  it('collect every problem of a messy set at once, never throwing', async () => {
    const loaded = await loadCertificates(['*'], FIXTURES)
    const analysis = analyzeCertificates(loaded.certificates, OPTIONS)
    expect(loaded.problems.filter((p) => p.severity === 'error').length).toBeGreaterThan(10)
    expect(
      errors(analysis)
        .map((p) => p.file)
        .sort()
    ).toEqual([
      'expired-root.pem',
      'forged-intermediate.pem',
      'no-basic-constraints.pem',
      'no-keycertsign-ca.pem',
      'not-yet-valid-root.pem',
      'rsa-leaf.pem',
      'v1-intermediate.pem'
    ])
  })
})
