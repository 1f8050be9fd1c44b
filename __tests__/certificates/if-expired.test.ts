// `if-expired` on the official bundles, which still carry expired CAs (contract.md, `if-expired`):
// `error` names the way out, `skip` leaves each expired CA out with a notice and lists it. Expiry is
// judged at a fixed instant; which CAs have expired then is openssl's verdict.
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { analyzeCertificates } from '../../src/certificates/analyze.ts'
import { loadCertificates } from '../../src/certificates/load.ts'
import type { Analysis, ExpiredPolicy, ParsedCertificate } from '../../src/certificates/types.ts'
import { planPublication } from '../../src/plan/index.ts'
import { openssl as opensslSync } from '../helpers/openssl.ts'
import { FIXTURES } from './support/fixtures.ts'
import { openssl, opensslFacts } from './support/openssl.ts'

const REAL = path.join(FIXTURES, 'real')
const NOW = new Date('2026-12-01T00:00:00Z')
const DOD = 'dod-v5.14/Certificates_PKCS7_v5_14_DoD.der.p7b'

interface Expected {
  readonly index: number
  readonly thumbprint: string
  readonly subject: string
  readonly notAfter: string
}

/** The certificates of a DER PKCS#7 bundle that have expired at NOW, per openssl, with their 1-based index. */
async function expiredPerOpenssl(file: string): Promise<Expected[]> {
  const printed = await openssl(['pkcs7', '-inform', 'DER', '-in', path.join(REAL, file), '-print_certs'])
  const blocks = printed.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []
  const dir = await mkdtemp(path.join(tmpdir(), 'if-expired-'))
  const facts = await Promise.all(
    blocks.map(async (block, i) => {
      const one = path.join(dir, `${i}.pem`)
      await writeFile(one, `${block}\n`)
      return { index: i + 1, facts: await opensslFacts(one) }
    })
  )
  return facts
    .filter(({ facts: f }) => new Date(f.notAfter) < NOW)
    .map(({ index, facts: f }) => ({ index, thumbprint: f.sha1, subject: f.subject, notAfter: f.notAfter }))
}

async function analyze(files: readonly string[], ifExpired?: ExpiredPolicy): Promise<Analysis> {
  const loaded = await loadCertificates(files, REAL)
  expect(loaded.problems).toEqual([])
  return analyzeCertificates(loaded.certificates, {
    now: NOW,
    minValidityDays: 0,
    crlOverrides: [],
    deferMissingIssuers: false,
    ...(ifExpired === undefined ? {} : { ifExpired })
  })
}

let dodExpired: Expected[]
beforeAll(async () => {
  dodExpired = await expiredPerOpenssl(DOD)
  expect(dodExpired).toHaveLength(4)
}, 60_000)

describe('if-expired: error (the default)', () => {
  it('makes each expired CA of the DoD bundle an error that names `if-expired: skip` as the fix', async () => {
    const analysis = await analyze([DOD])
    const errors = analysis.problems.filter((p) => p.severity === 'error')
    expect(errors.map((e) => e.index)).toEqual(dodExpired.map((e) => e.index))
    for (const [i, error] of errors.entries()) {
      const want = dodExpired[i]!
      expect(error.message).toBe(
        `${DOD}: certificate ${want.index} ("${want.subject}") expired on ${want.notAfter.slice(0, 10)}; set \`if-expired: skip\` ` +
          'to leave expired CAs out and publish the rest (official bundles still carry CAs that expired), or use a newer bundle'
      )
      // A certificate inside a .p7b cannot be removed from `certificates`.
      expect(error.message).not.toContain('remove it from')
    }
    expect(analysis.skipped).toEqual([])
  })

  it('for a file of its own, also offers to remove the file', async () => {
    const analysis = await analyze(['dod-v5.14/root-ca-3.cer', 'dod-v5.14/email-ca-59.cer'], 'error')
    const [error, ...rest] = analysis.problems.filter((p) => p.severity === 'error')
    expect(rest).toEqual([])
    expect(error?.file).toBe('dod-v5.14/email-ca-59.cer')
    expect(error?.index).toBeUndefined()
    expect(error?.message).toMatch(/expired on 2025-04-02; .*remove it from `certificates`, or set `if-expired: skip`/)
  })
})

describe('if-expired: skip', () => {
  it('leaves the expired CAs of the DoD bundle out, each with a notice naming file, index, subject and expiry', async () => {
    const analysis = await analyze([DOD], 'skip')
    expect(analysis.problems.filter((p) => p.severity === 'error')).toEqual([])
    expect(analysis.skipped).toEqual(
      dodExpired.map((e) => ({ thumbprint: e.thumbprint, subject: e.subject, notAfter: e.notAfter, file: DOD, index: e.index }))
    )
    const notices = analysis.problems.filter((p) => p.severity === 'notice')
    expect(notices).toEqual(
      dodExpired.map((e) => ({
        severity: 'notice',
        file: DOD,
        index: e.index,
        message: expect.stringContaining(
          `${DOD}: certificate ${e.index} ("${e.subject}") expired on ${e.notAfter.slice(0, 10)}; left out (\`if-expired: skip\`)`
        )
      }))
    )
    const published = new Set(analysis.authorities.map((a) => a.thumbprint))
    expect(analysis.authorities).toHaveLength(49 - dodExpired.length)
    for (const e of dodExpired) expect(published.has(e.thumbprint)).toBe(false)
  })

  it.each([
    ['ECA v5.12', ['eca-v5.12/certificates_pkcs7_v5_12_eca_der.p7b'], 10, 2],
    ['Federal PKI', ['fpki/fcpcag2.crt', 'fpki/caCertsIssuedByfcpcag2.p7c'], 13, 1],
    ['Estonian eID', ['ee/chain.pem'], 16, 0]
  ])('%s: %i CAs, %i left out, no error', async (_name, files, total, expired) => {
    const analysis = await analyze(files, 'skip')
    expect(analysis.problems.filter((p) => p.severity === 'error')).toEqual([])
    expect(analysis.skipped).toHaveLength(expired)
    expect(analysis.authorities).toHaveLength(total - expired)
  })

  it('still reads a skipped CA for the CRL URL of the CA that issued it', async () => {
    const child = await opensslFacts(path.join(REAL, 'dod-v5.14/email-ca-59.cer'))
    expect(child.crlDistributionPoints).toEqual(['http://crl.disa.mil/crl/DODROOTCA3.crl'])
    const analysis = await analyze(['dod-v5.14/root-ca-3.cer', 'dod-v5.14/email-ca-59.cer'], 'skip')
    expect(analysis.skipped.map((s) => s.subject)).toEqual([child.subject])
    expect(analysis.authorities.map((a) => [a.subject, a.crlUrl])).toEqual([[child.issuer, child.crlDistributionPoints[0]]])
  })

  it('a `crl-urls` line for a CA it left out is not used, with a notice (lines written once for a bundle outlive its CAs)', async () => {
    const loaded = await loadCertificates([DOD], REAL)
    const stale = dodExpired[0]!
    const analysis = analyzeCertificates(loaded.certificates, {
      now: NOW,
      minValidityDays: 0,
      crlOverrides: [{ thumbprint: stale.thumbprint.toLowerCase(), crlUrl: 'http://crl.disa.mil/crl/OLD.crl' }],
      deferMissingIssuers: false,
      ifExpired: 'skip'
    })
    expect(analysis.problems.filter((p) => p.severity === 'error')).toEqual([])
    expect(analysis.problems).toContainEqual({
      severity: 'notice',
      message: expect.stringMatching(/`crl-urls` line for [0-9a-f]{40}: that CA has expired and is left out \(`if-expired: skip`\)/)
    })
  })

  it('does not skip a CA that is not yet valid: that stays an error', async () => {
    const loaded = await loadCertificates([DOD], REAL)
    const early = new Date('2016-01-01T00:00:00Z')
    const analysis = analyzeCertificates(loaded.certificates, {
      now: early,
      minValidityDays: 0,
      crlOverrides: [],
      deferMissingIssuers: false,
      ifExpired: 'skip'
    })
    expect(analysis.skipped).toEqual([])
    expect(analysis.problems.filter((p) => p.severity === 'error' && /is not valid before/.test(p.message)).length).toBeGreaterThan(0)
  })
})

describe('if-expired: skip, an expired issuer of a valid CA', () => {
  it('is named as the reason the CA cannot be published, rather than "not in the set"', async () => {
    // openssl makes a root valid for 1 day that signs a CA valid for 10 years; judged 2 days on.
    const dir = await mkdtemp(path.join(tmpdir(), 'expired-issuer-'))
    const p = (f: string): string => path.join(dir, f)
    await writeFile(
      p('ext.cnf'),
      '[ca]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n'
    )
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes']
    opensslSync(
      ['req', '-x509', ...ec, '-keyout', p('root.key'), '-out', p('root.pem'), '-days', '1', '-subj', '/CN=Short Root'].concat([
        '-addext',
        'basicConstraints=critical,CA:TRUE',
        '-addext',
        'keyUsage=critical,keyCertSign,cRLSign'
      ])
    )
    opensslSync(['req', '-new', ...ec, '-keyout', p('ca.key'), '-out', p('ca.csr'), '-subj', '/CN=Long CA'])
    opensslSync(
      ['x509', '-req', '-in', p('ca.csr'), '-CA', p('root.pem'), '-CAkey', p('root.key'), '-set_serial', '7', '-days', '3650'].concat([
        '-extfile',
        p('ext.cnf'),
        '-extensions',
        'ca',
        '-out',
        p('ca.pem')
      ])
    )
    const loaded = await loadCertificates(['root.pem', 'ca.pem'], dir)
    const analysis = analyzeCertificates(loaded.certificates, {
      now: new Date(Date.now() + 2 * 86_400_000),
      minValidityDays: 0,
      crlOverrides: [],
      deferMissingIssuers: false,
      ifExpired: 'skip'
    })
    expect(analysis.skipped.map((s) => s.subject)).toEqual(['CN=Short Root'])
    expect(analysis.problems.filter((p) => p.severity === 'error')).toEqual([
      {
        severity: 'error',
        file: 'ca.pem',
        message: expect.stringMatching(
          /^ca\.pem \("CN=Long CA"\): its issuer "CN=Short Root" expired on \d{4}-\d\d-\d\d and is left out \(`if-expired: skip`\)/
        )
      }
    ])
  })
})

describe('if-expired: skip in mode replace', () => {
  it('removes a skipped CA that the PKI holds, like any CA not given', async () => {
    const analysis = await analyze([DOD], 'skip')
    const loaded = await loadCertificates([DOD], REAL)
    const stale = loaded.certificates.find((c: ParsedCertificate) => c.thumbprint === dodExpired[0]!.thumbprint)!
    const held = { id: 'held-1', thumbprint: stale.thumbprint, der: stale.der, isRootAuthority: false, subject: stale.subject }
    const state = { kind: 'pki' as const, pki: { id: 'pki-1', displayName: 'DoD' }, authorities: [held] }
    const options = {
      kind: 'pki' as const,
      apiVersion: 'v1.0' as const,
      now: NOW,
      displayName: 'DoD',
      allowRecreate: false,
      issuerHints: false
    }
    const replace = planPublication(analysis.authorities, state, { ...options, mode: 'replace' })
    expect(replace.operations.filter((op) => op.method === 'DELETE').map((op) => op.thumbprint)).toEqual([stale.thumbprint])
    const sync = planPublication(analysis.authorities, state, { ...options, mode: 'sync' })
    expect(sync.operations.filter((op) => op.method === 'DELETE')).toEqual([])
  })
})
