import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { analyzeCertificates, loadCertificates } from '../../src/certificates/index.ts'
import { makeChain, openssl } from '../helpers/openssl.ts'

const OPTIONS = { now: new Date(), minValidityDays: 0, crlOverrides: [], deferMissingIssuers: false }

describe('a self-signed root issued itself, so its own CRL distribution point names its CRL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crl-self-'))
  openssl([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    join(dir, 'root.key'),
    '-out',
    join(dir, 'root.pem'),
    '-days',
    '18000',
    '-subj',
    '/CN=Self CRL Root',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-addext',
    'crlDistributionPoints=URI:ldap://dir/root,URI:http://crl.example.test/self.crl'
  ])

  it('a lone root takes the first http URL of its own CRL distribution points, with no warning', async () => {
    const loaded = await loadCertificates(['root.pem'], dir)
    const { authorities, problems } = analyzeCertificates(loaded.certificates, OPTIONS)
    expect(authorities.map((a) => a.crlUrl)).toEqual(['http://crl.example.test/self.crl'])
    expect(problems.filter((p) => /no CRL URL/.test(p.message))).toEqual([])
  })

  it('what the CAs it issued say comes first', async () => {
    const chain = makeChain(1, 'Issued')
    writeFileSync(join(chain.dir, 'empty'), '')
    const loaded = await loadCertificates(chain.files, chain.dir)
    const { authorities } = analyzeCertificates(loaded.certificates, OPTIONS)
    expect(authorities.find((a) => a.isRootAuthority)?.crlUrl).toBe('http://crl.example.test/Issued-root.crl')
  })
})
