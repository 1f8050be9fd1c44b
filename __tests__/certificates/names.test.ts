// Distinguished names as text, checked against openssl on certificates built with any Name bytes.
// openssl differs from RFC 4514 in two places, both asserted explicitly below: ` + ` between the
// attributes of a multi-valued RDN (normalised to `+` by rfc4514()), and non-string values.
import { describe, expect, it } from '@jest/globals'
import { CertificateFormatError, parseCertificate } from '../../src/certificates/parse.ts'
import { NAMEOPT, openssl, rfc4514, run } from './support/openssl.ts'
import { type Attribute, name, pem, selfSignedCertificate, Tags, tlv, value } from './support/synthetic.ts'

const CN = '2.5.4.3'
const O = '2.5.4.10'
const OU = '2.5.4.11'
const C = '2.5.4.6'
const UID = '0.9.2342.19200300.100.1.1'
const utf8 = (text: string): Attribute['value'] => value(Tags.UTF8, text)
const at = (type: string, encoded: Attribute['value']): Attribute => ({ type, value: encoded })

const source = { file: 'synthetic.pem', index: 1, count: 1 }

async function formatted(rdns: ReadonlyArray<readonly Attribute[]>): Promise<{ ours: string; openssl: string }> {
  const der = selfSignedCertificate(name(rdns))
  const printed = await openssl(['x509', '-noout', '-subject', '-nameopt', NAMEOPT], pem(der))
  return { ours: parseCertificate(der, source).subject, openssl: rfc4514(printed.replace(/^subject=/, '').replace(/\n$/, '')) }
}

const printableAscii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('')
const bmp = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16()
const universal = (text: string): Buffer =>
  Buffer.concat(
    Array.from(text).map((char) => {
      const bytes = Buffer.alloc(4)
      bytes.writeUInt32BE(char.codePointAt(0) ?? 0)
      return bytes
    })
  )

describe('distinguished names match openssl (esc_2253, esc_ctrl, utf8, dn_rev, sname)', () => {
  it.each<[string, ReadonlyArray<readonly Attribute[]>]>([
    [
      'the most specific RDN comes first',
      [[at(C, value(Tags.PRINTABLE, 'US'))], [at(O, utf8('Contoso'))], [at(CN, utf8('Contoso Issuing CA'))]]
    ],
    ['RFC 4514 specials anywhere in a value', [[at(CN, utf8('a,b+c"d\\e<f>g;h=i/j'))]]],
    [
      'leading # and space, trailing space, a lone space, an empty value',
      [[at(CN, utf8('#x'))], [at(OU, utf8(' lead'))], [at(O, utf8('trail '))], [at('2.5.4.7', utf8(' '))], [at('2.5.4.8', utf8(''))]]
    ],
    ['control characters and DEL as \\XX', [[at(CN, utf8('a\u0001b\u001fc\u007fd\u0000e\nf'))]]],
    ['every printable ASCII character', [[at(CN, utf8(printableAscii))]]],
    ['UTF-8 kept as UTF-8, beyond the BMP too', [[at(CN, utf8('Zürich 😀 東京 Ω'))]]],
    ['BMPString', [[at(CN, value(Tags.BMP, bmp('Ωmega ✓ Bürger')))]]],
    ['UniversalString', [[at(CN, value(Tags.UNIVERSAL, universal('Ü😀x')))]]],
    ['T61String read as Latin-1', [[at(O, value(Tags.T61, Buffer.from('Soci\u00e9t\u00e9', 'latin1')))]]],
    [
      'IA5String with bytes above 0x7F read as Latin-1',
      [[at('1.2.840.113549.1.9.1', value(Tags.IA5, Buffer.from([0x61, 0xe9, 0x85, 0x62])))]]
    ],
    [
      'a multi-valued RDN (attributes in reverse DER order, as openssl prints them)',
      [[at(C, value(Tags.PRINTABLE, 'DE'))], [at(CN, utf8('Multi')), at(UID, utf8('u+1')), at(OU, utf8('Unit '))]]
    ],
    ['an OID openssl does not know, printed dotted', [[at('1.3.6.1.4.1.55555.7', utf8('custom'))], [at(CN, utf8('x'))]]],
    [
      'every attribute with a short name',
      [
        '2.5.4.3',
        '2.5.4.4',
        '2.5.4.5',
        '2.5.4.6',
        '2.5.4.7',
        '2.5.4.8',
        '2.5.4.9',
        '2.5.4.10',
        '2.5.4.11',
        '2.5.4.12',
        '2.5.4.13',
        '2.5.4.15',
        '2.5.4.16',
        '2.5.4.17',
        '2.5.4.18',
        '2.5.4.19',
        '2.5.4.20',
        '2.5.4.41',
        '2.5.4.42',
        '2.5.4.43',
        '2.5.4.44',
        '2.5.4.45',
        '2.5.4.46',
        '2.5.4.65',
        '2.5.4.72',
        '2.5.4.97',
        '0.9.2342.19200300.100.1.1',
        '0.9.2342.19200300.100.1.3',
        '0.9.2342.19200300.100.1.25',
        '1.2.840.113549.1.9.1',
        '1.2.840.113549.1.9.2',
        '1.2.840.113549.1.9.8',
        '1.3.6.1.4.1.311.60.2.1.1',
        '1.3.6.1.4.1.311.60.2.1.2',
        '1.3.6.1.4.1.311.60.2.1.3'
      ].map((type) => [at(type, utf8('v'))])
    ]
  ])('%s', async (_, rdns) => {
    const { ours, openssl: expected } = await formatted(rdns)
    expect(ours).toBe(expected)
  })

  it('writes multi-valued RDNs with `+` (RFC 4514) where openssl writes ` + `', async () => {
    const der = selfSignedCertificate(name([[at(O, utf8('Org')), at(OU, utf8('Unit'))]]))
    const printed = await openssl(['x509', '-noout', '-subject', '-nameopt', NAMEOPT], pem(der))
    expect(printed.trim()).toBe('subject=OU=Unit + O=Org')
    expect(parseCertificate(der, source).subject).toBe('OU=Unit+O=Org')
  })

  it.each([
    ['a BIT STRING', tlv(0x03, Buffer.from([0, 0x41, 0x42])), 'CN=#0303004142', 'subject=CN=AB'],
    ['a SEQUENCE', tlv(0x30, tlv(Tags.UTF8, Buffer.from('hi'))), 'CN=#30040c026869', 'subject=CN=0\\04\\0C\\02hi']
  ])('writes %s value as # and the hex of its DER (RFC 4514 §2.4), where openssl prints raw bytes', async (_, encoded, ours, theirs) => {
    const der = selfSignedCertificate(name([[at(CN, encoded)]]))
    const printed = await openssl(['x509', '-noout', '-subject', '-nameopt', NAMEOPT], pem(der))
    expect(printed.trim()).toBe(theirs)
    expect(parseCertificate(der, source).subject).toBe(ours)
  })

  it('rejects, like openssl, a certificate whose UTF8String is not UTF-8 or whose value type no Name allows', async () => {
    for (const encoded of [value(Tags.UTF8, Buffer.from([0x61, 0xff, 0x62])), tlv(Tags.OCTET_STRING, Buffer.from('x'))]) {
      const der = selfSignedCertificate(name([[at(CN, encoded)]]))
      const printed = await run(['x509', '-noout', '-subject'], pem(der))
      expect(printed.status).not.toBe(0)
      expect(() => parseCertificate(der, source)).toThrow(CertificateFormatError)
    }
  })

  it('gives the issuer in the same format', async () => {
    const der = selfSignedCertificate(name([[at(C, value(Tags.PRINTABLE, 'US'))], [at(CN, utf8('Root, "One"'))]]))
    const printed = await openssl(['x509', '-noout', '-issuer', '-nameopt', NAMEOPT], pem(der))
    expect(parseCertificate(der, source).issuer).toBe(printed.trim().replace(/^issuer=/, ''))
  })
})
