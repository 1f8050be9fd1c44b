// Builds small self-signed Ed25519 CA certificates with any Name bytes, so name formatting can be
// checked against openssl on values no certificate tool would produce (control characters,
// UniversalString, every escaped character). The DER is written here by hand, independently of
// the code under test, and signed with node:crypto.
import { generateKeyPairSync, sign } from 'node:crypto'

export const Tags = {
  INTEGER: 0x02,
  OCTET_STRING: 0x04,
  UTF8: 0x0c,
  PRINTABLE: 0x13,
  T61: 0x14,
  IA5: 0x16,
  UNIVERSAL: 0x1c,
  BMP: 0x1e
} as const

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n])
  const bytes: number[] = []
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256)
  return Buffer.from([0x80 | bytes.length, ...bytes])
}

export function tlv(tag: number, ...contents: Buffer[]): Buffer {
  const body = Buffer.concat(contents)
  return Buffer.concat([Buffer.from([tag]), length(body.length), body])
}

export function oid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number)
  const bytes = [40 * first + second]
  for (const arc of rest) {
    const groups: number[] = []
    for (let value = arc; ; value = Math.floor(value / 128)) {
      groups.unshift(value % 128)
      if (value < 128) break
    }
    bytes.push(...groups.map((group, i) => (i < groups.length - 1 ? group | 0x80 : group)))
  }
  return tlv(0x06, Buffer.from(bytes))
}

/** One attribute: type OID and an already encoded value (any tag). */
export interface Attribute {
  readonly type: string
  readonly value: Buffer
}

/** A string value of the given ASN.1 type; `bytes` are the contents octets as stored. */
export const value = (tag: number, bytes: Buffer | string): Buffer =>
  tlv(tag, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes)

/** A Name from RDNs, most general first (DER order); each RDN is one or more attributes. */
export function name(rdns: ReadonlyArray<readonly Attribute[]>): Buffer {
  return tlv(0x30, ...rdns.map((rdn) => tlv(0x31, ...rdn.map((a) => tlv(0x30, oid(a.type), a.value)))))
}

let serial = 1

/** A self-signed Ed25519 CA certificate (v3, basicConstraints cA) whose subject and issuer are `subject`. */
export function selfSignedCertificate(subject: Buffer): Buffer {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const ed25519 = tlv(0x30, oid('1.3.101.112'))
  const time = (text: string): Buffer => tlv(0x17, Buffer.from(text, 'ascii'))
  const basicConstraints = tlv(
    0x30,
    oid('2.5.29.19'),
    tlv(0x01, Buffer.from([0xff])),
    tlv(Tags.OCTET_STRING, tlv(0x30, tlv(0x01, Buffer.from([0xff]))))
  )
  serial += 1
  const tbs = tlv(
    0x30,
    tlv(0xa0, tlv(Tags.INTEGER, Buffer.from([2]))),
    tlv(Tags.INTEGER, Buffer.from([serial & 0x7f])),
    ed25519,
    subject,
    tlv(0x30, time('240101000000Z'), time('440101000000Z')),
    subject,
    publicKey.export({ type: 'spki', format: 'der' }),
    tlv(0xa3, tlv(0x30, basicConstraints))
  )
  const signature = sign(null, tbs, privateKey)
  return tlv(0x30, tbs, ed25519, tlv(0x03, Buffer.from([0]), signature))
}

/** PEM text of a DER certificate. */
export function pem(der: Buffer): string {
  const base64 = der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '')
  return `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`
}
