// Every root CA Debian ships (Mozilla's list) read by this code and by openssl: same fingerprints,
// key identifiers, expiry, subject and root detection.
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { analyzeCertificates } from '../../src/certificates/analyze.ts'
import { loadCertificates } from '../../src/certificates/load.ts'
import type { ParsedCertificate } from '../../src/certificates/types.ts'
import { keyIdentifierMethod1, type OpensslFacts, opensslFacts } from './support/openssl.ts'

const ROOTS = '/usr/share/ca-certificates/mozilla'
const files = readdirSync(ROOTS)
  .filter((f) => f.endsWith('.crt'))
  .sort()
const NOW = new Date('2026-06-01T00:00:00Z')

let parsed: Map<string, ParsedCertificate>
let facts: Map<string, OpensslFacts>

beforeAll(async () => {
  const [loaded, reported] = await Promise.all([
    loadCertificates(['*.crt'], ROOTS),
    Promise.all(files.map(async (file) => [file, await opensslFacts(path.join(ROOTS, file))] as const))
  ])
  expect(loaded.problems).toEqual([])
  parsed = new Map(loaded.certificates.map((c) => [c.source.file, c]))
  facts = new Map(reported)
  // About 150 openssl processes: 10 s on a quiet 2-core machine, several times that on a busy one.
}, 120_000)

describe('Mozilla root CAs', () => {
  it('are all there', () => {
    expect(files.length).toBeGreaterThanOrEqual(100)
    expect([...parsed.keys()].sort()).toEqual(files)
  })

  it.each(files)('%s', async (file) => {
    const ours = parsed.get(file)
    const theirs = facts.get(file)
    if (ours === undefined || theirs === undefined) throw new Error(`${file} missing`)
    expect({
      thumbprint: ours.thumbprint,
      sha256: ours.sha256,
      subject: ours.subject,
      issuer: ours.issuer,
      notAfter: ours.notAfter.toISOString(),
      notBefore: ours.notBefore.toISOString(),
      ski: ours.subjectKeyIdentifier,
      selfSigned: ours.selfSigned
    }).toEqual({
      thumbprint: theirs.sha1,
      sha256: theirs.sha256,
      subject: theirs.subject,
      issuer: theirs.issuer,
      notAfter: theirs.notAfter,
      notBefore: theirs.notBefore,
      // Roots without the extension: RFC 5280 method 1 over the key openssl extracts.
      ski: theirs.ski ?? (await keyIdentifierMethod1(path.join(ROOTS, file))),
      selfSigned: theirs.selfSigned
    })
    expect(ours.hasSubjectKeyIdentifierExtension).toBe(theirs.ski !== undefined)
  })
})

describe('Mozilla root CAs, analysed', () => {
  it('are all roots, in file order, and only the expired ones are errors', () => {
    const certificates = [...parsed.values()]
    const analysis = analyzeCertificates(certificates, { now: NOW, minValidityDays: 0, crlOverrides: [], deferMissingIssuers: false })
    expect(analysis.authorities.map((a) => a.file)).toEqual(certificates.map((c) => c.source.file))
    expect(analysis.authorities.every((a) => a.isRootAuthority)).toBe(true)
    const expired = files.filter((file) => new Date(facts.get(file)?.notAfter ?? 0) < NOW)
    expect(analysis.problems.filter((p) => p.severity === 'error').map((p) => p.file)).toEqual(expired)
    // A root alone in the set issued only itself: its CRL URL is the first http URI of its own
    // CRL distribution points (as openssl lists them), and a root without one gets a warning.
    const expectedCrl = files.map((file) => facts.get(file)?.crlDistributionPoints.find((u) => u.startsWith('http://')) ?? null)
    expect(analysis.authorities.map((a) => a.crlUrl ?? null)).toEqual(expectedCrl)
    expect(expectedCrl.filter((u) => u !== null).length).toBeGreaterThan(0)
    expect(analysis.problems.filter((p) => p.message.includes('has no CRL URL')).map((p) => p.file)).toEqual(
      files.filter((_f, i) => expectedCrl[i] === null)
    )
  })
})
