// The CRL check's verdict on CRLs openssl made (`openssl ca -gencrl`) for CAs of every key type
// Entra takes, with openssl's own verdict (`openssl crl -verify -CAfile`) as the oracle for the
// issuer and signature checks, and openssl's dates for the time checks.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { rmSync } from 'node:fs'
import { checkCrls, EXPIRY_WARNING_MS } from '../../src/crl/check.ts'
import { judgeCrl } from '../../src/crl/judge.ts'
import { looksLikePem, parseCrl } from '../../src/crl/parse.ts'
import type { CrlSubject, Download } from '../../src/crl/types.ts'
import {
  type CrlOptions,
  type KeyType,
  makeCrl,
  makeTestAuthority,
  openssl,
  opensslVerifies,
  type TestAuthority
} from '../../emulator/crl-authority.ts'

const NOW = new Date()
const OPTIONS = { now: NOW, expiryWarningMs: EXPIRY_WARNING_MS }
const DAY = 86_400_000
const KEY_TYPES: readonly KeyType[] = ['rsa', 'rsa-pss', 'p256', 'p384', 'p521', 'ed25519']

const authorities = new Map<KeyType, TestAuthority>()
let other: TestAuthority
beforeAll(() => {
  for (const type of KEY_TYPES) authorities.set(type, makeTestAuthority(`CRL ${type} CA`, type))
  other = makeTestAuthority('Other CA', 'p256')
})
afterAll(() => {
  for (const ca of [...authorities.values(), other]) rmSync(ca.dir, { recursive: true, force: true })
})

const subject = (ca: TestAuthority, urls: { crlUrl?: string; deltaCrlUrl?: string } = {}): CrlSubject => ({
  thumbprint: 'T',
  subject: `CN=${ca.name}`,
  issuerSki: ca.ski,
  der: ca.der,
  ...urls
})
const names = (ca: TestAuthority, crl: Buffer): string[] =>
  judgeCrl(subject(ca), 'base', 'http://crl.test/x.crl', crl, OPTIONS).findings.map((f) => f.name)

describe('issuer and signature, per key type, agree with openssl crl -verify', () => {
  let agreements = 0
  let compared = 0
  const variants = (ca: TestAuthority): Array<[string, Buffer, string[]]> => [
    ['signed by the CA', makeCrl(ca, { revoked: ['0A', '1B2C'] }), []],
    ...(ca.keyType === 'rsa' ? [['signed by the CA with RSASSA-PSS', makeCrl(ca, { pss: true }), []] as [string, Buffer, string[]]] : []),
    ['signed by another CA', makeCrl(ca, { signer: other }), ['aki-mismatch']],
    ["another CA's key under this CA's AKI", makeCrl(ca, { signer: other, aki: ca.ski }), ['bad-signature']]
  ]
  it.each(KEY_TYPES)('%s CA', (type) => {
    const ca = authorities.get(type)!
    for (const [what, crl, expected] of variants(ca)) {
      const ours = names(ca, crl)
      expect({ what, findings: ours }).toEqual({ what, findings: expected })
      compared += 1
      if ((ours.length === 0) === opensslVerifies(crl, ca)) agreements += 1
    }
  })
  it('every verdict agrees with openssl', () => {
    expect(compared).toBe(KEY_TYPES.length * 3 + 1)
    expect(agreements).toBe(compared)
  })

  it('a CRL without an authorityKeyIdentifier cannot be matched to the CA, even when openssl verifies it by name', () => {
    const ca = authorities.get('p256')!
    const crl = makeCrl(ca, { aki: '' })
    expect(opensslVerifies(crl, ca)).toBe(true)
    expect(names(ca, crl)).toEqual(['aki-mismatch'])
  })
})

describe('dates, as openssl reads them', () => {
  it('thisUpdate and nextUpdate match openssl crl -lastupdate -nextupdate', () => {
    const ca = authorities.get('p384')!
    const crl = makeCrl(ca, { thisUpdate: new Date('2026-01-02T03:04:05Z'), nextUpdate: new Date('2051-06-07T08:09:10Z') })
    const text = openssl(['crl', '-inform', 'DER', '-noout', '-lastupdate', '-nextupdate'], crl).toString()
    const [, last, next] = /lastUpdate=(.*)\nnextUpdate=(.*)/.exec(text)!
    const parsed = parseCrl(crl)
    expect(parsed.thisUpdate.toISOString()).toBe(new Date(last!).toISOString())
    expect(parsed.nextUpdate?.toISOString()).toBe(new Date(next!).toISOString())
  })
  it.each<[string, CrlOptions, string[]]>([
    ['expired', { thisUpdate: new Date(NOW.getTime() - 40 * DAY), nextUpdate: new Date(NOW.getTime() - DAY) }, ['expired']],
    ['not yet valid', { thisUpdate: new Date(NOW.getTime() + DAY) }, ['not-yet-valid']],
    ['expiring within a few days', { nextUpdate: new Date(NOW.getTime() + DAY) }, ['expires-soon']],
    ['valid for a week', { nextUpdate: new Date(NOW.getTime() + 7 * DAY) }, []]
  ])('%s', (_what, dates, expected) => {
    const ca = authorities.get('ed25519')!
    expect(names(ca, makeCrl(ca, dates))).toEqual(expected)
  })
  it('an expiring CRL is advisory (a warning even under crl-check: error); an expired one is not', () => {
    const ca = authorities.get('p256')!
    const soon = judgeCrl(subject(ca), 'base', 'u', makeCrl(ca, { nextUpdate: new Date(NOW.getTime() + DAY) }), OPTIONS)
    expect(soon.findings.map((f) => [f.code, f.advisory])).toEqual([['AADSTS500172', true]])
  })
})

describe('what is not a DER CRL', () => {
  it('PEM is recognised as PEM (AADSTS2205011)', () => {
    const ca = authorities.get('p256')!
    const pem = makeCrl(ca, { format: 'pem' })
    expect(looksLikePem(pem)).toBe(true)
    const judged = judgeCrl(subject(ca), 'base', 'u', pem, OPTIONS)
    expect(judged.findings.map((f) => [f.name, f.code])).toEqual([['pem', 'AADSTS2205011']])
  })
  it.each([
    ['an HTML error page', Buffer.from('<html><body>Not here</body></html>')],
    ['a certificate', Buffer.alloc(0)],
    ['a truncated CRL', Buffer.alloc(0)]
  ])('%s is not a CRL (AADSTS2205011)', (what, given) => {
    const ca = authorities.get('p256')!
    const bytes = what === 'a certificate' ? ca.der : what === 'a truncated CRL' ? makeCrl(ca).subarray(0, 100) : given
    expect(names(ca, bytes)).toEqual(['not-a-crl'])
  })
})

describe('base and delta CRLs', () => {
  const fetchFrom = (served: Record<string, Buffer>): ((url: string) => Promise<Download>) => {
    return async (url) => (served[url] === undefined ? { kind: 'http-status', status: 404 } : { kind: 'ok', bytes: served[url] })
  }
  const check = async (ca: TestAuthority, served: Record<string, Buffer>, urls: { crlUrl?: string; deltaCrlUrl?: string }) => {
    const [result] = await checkCrls([subject(ca, urls)], fetchFrom(served), { ...OPTIONS, concurrency: 4 })
    return result!
  }
  const urls = { crlUrl: 'http://crl.test/base.crl', deltaCrlUrl: 'http://crl.test/delta.crl' }

  it('a delta CRL that extends the base is fine, and its numbers are read', async () => {
    const ca = authorities.get('p521')!
    const result = await check(
      ca,
      { [urls.crlUrl]: makeCrl(ca, { crlNumber: 7 }), [urls.deltaCrlUrl]: makeCrl(ca, { crlNumber: 8, deltaOf: 7 }) },
      urls
    )
    expect(result.findings).toEqual([])
    expect(result.base?.crlNumber).toBe(7n)
    expect(result.delta?.deltaBase).toBe(7n)
  })
  it('a delta URL without a base URL (AADSTS500177)', async () => {
    const ca = authorities.get('p521')!
    const result = await check(ca, {}, { deltaCrlUrl: urls.deltaCrlUrl })
    expect(result.findings.map((f) => [f.name, f.code])).toEqual([['delta-without-base', 'AADSTS500177']])
  })
  it('a delta CRL served as the base, a full CRL served as the delta, and a delta newer than its base', async () => {
    const ca = authorities.get('p521')!
    const asBase = await check(ca, { [urls.crlUrl]: makeCrl(ca, { crlNumber: 3, deltaOf: 2 }) }, { crlUrl: urls.crlUrl })
    expect(asBase.findings.map((f) => f.name)).toEqual(['delta-mismatch'])
    const full = await check(ca, { [urls.crlUrl]: makeCrl(ca, { crlNumber: 3 }), [urls.deltaCrlUrl]: makeCrl(ca, { crlNumber: 4 }) }, urls)
    expect(full.findings.map((f) => [f.name, f.role])).toEqual([['delta-mismatch', 'delta']])
    const ahead = await check(
      ca,
      { [urls.crlUrl]: makeCrl(ca, { crlNumber: 3 }), [urls.deltaCrlUrl]: makeCrl(ca, { crlNumber: 9, deltaOf: 5 }) },
      urls
    )
    expect(ahead.findings.map((f) => f.detail)).toEqual([expect.stringMatching(/base CRL number 5, newer than the base CRL's number 3/)])
  })
  it('a CA without CRL URLs is not fetched', async () => {
    const ca = authorities.get('p256')!
    let fetched = 0
    const [result] = await checkCrls([subject(ca)], async () => ((fetched += 1), { kind: 'http-status', status: 500 }), {
      ...OPTIONS,
      concurrency: 1
    })
    expect(fetched).toBe(0)
    expect(result!.findings).toEqual([])
  })
  it('CAs that share a CRL URL share one download', async () => {
    const ca = authorities.get('p256')!
    const crl = makeCrl(ca)
    const fetched: string[] = []
    const results = await checkCrls(
      [subject(ca, { crlUrl: urls.crlUrl }), subject(ca, { crlUrl: urls.crlUrl }), subject(ca, { crlUrl: 'http://crl.test/other.crl' })],
      async (url) => {
        fetched.push(url)
        return { kind: 'ok', bytes: crl }
      },
      { ...OPTIONS, concurrency: 4 }
    )
    expect(fetched.sort()).toEqual(['http://crl.test/base.crl', 'http://crl.test/other.crl'])
    expect(results.map((r) => r.findings)).toEqual([[], [], []])
  })
  it('never more downloads at a time than the concurrency', async () => {
    const ca = authorities.get('p256')!
    const crl = makeCrl(ca)
    let running = 0
    let peak = 0
    const slow = async (): Promise<Download> => {
      running += 1
      peak = Math.max(peak, running)
      await new Promise((resolve) => setTimeout(resolve, 5))
      running -= 1
      return { kind: 'ok', bytes: crl }
    }
    const cas = Array.from({ length: 10 }, (_, i) =>
      subject(ca, { crlUrl: `http://crl.test/${i}.crl`, deltaCrlUrl: `http://crl.test/${i}-delta.crl` })
    )
    const results = await checkCrls(cas, slow, { ...OPTIONS, concurrency: 4 })
    expect(peak).toBe(4)
    expect(results).toHaveLength(10)
  })
})
