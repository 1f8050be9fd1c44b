// What the emulated service reads from a CA certificate. Deliberately independent of src/certificates:
// the emulator is an oracle for the action, so it derives thumbprints, SKIs and names on its own.
import { X509Certificate, createHash } from 'node:crypto'

export interface CertificateFacts {
  readonly der: Buffer
  /** Standard base64 with padding, as Graph returns `Edm.Binary`. */
  readonly base64: string
  /** SHA-1 of the DER, upper-case hex. */
  readonly thumbprint: string
  /** Subject DN, most specific RDN first, `, ` between RDNs (what Graph calls the CA's `issuer`). */
  readonly subject: string
  /** subjectKeyIdentifier extension as upper-case hex, else SHA-1 of the subjectPublicKey (RFC 5280 method 1). */
  readonly subjectKeyIdentifier: string
  readonly notBefore: Date
  readonly notAfter: Date
  /** Self-issued and its signature verifies with its own key. */
  readonly selfSigned: boolean
}

/** A certificate as tests and seeds give it: PEM text, base64 of the DER, or the DER bytes. */
export type CertificateInput = string | Buffer

/** Parses a certificate, or throws an Error whose message says why. */
export function readCertificate(input: CertificateInput): CertificateFacts {
  const der = toDer(input)
  const x509 = new X509Certificate(der)
  const subject = x509.subject.split('\n').reverse().join(', ')
  return {
    der,
    base64: der.toString('base64'),
    thumbprint: createHash('sha1').update(der).digest('hex').toUpperCase(),
    subject,
    subjectKeyIdentifier: (skiExtension(der) ?? spkiHash(x509)).toString('hex').toUpperCase(),
    notBefore: x509.validFromDate,
    notAfter: x509.validToDate,
    selfSigned: x509.checkIssued(x509) && x509.verify(x509.publicKey)
  }
}

/**
 * Facts by base64 text: a pure function of the bytes, kept so that the emulator's single thread
 * does not parse the same certificate again for every create, re-read and comparison (its CPU
 * time per request would otherwise add to the latency it emulates). Bounded; cleared when full.
 */
const factsByBase64 = new Map<string, CertificateFacts | undefined>()

/** Parses the base64 of an `Edm.Binary` certificate property; undefined when it is not a certificate. */
export function tryReadBase64Certificate(value: unknown): CertificateFacts | undefined {
  if (typeof value !== 'string' || value === '') return undefined
  if (factsByBase64.has(value)) return factsByBase64.get(value)
  let facts: CertificateFacts | undefined
  try {
    facts = readCertificate(Buffer.from(value, 'base64'))
  } catch {
    facts = undefined
  }
  if (factsByBase64.size >= 1024) factsByBase64.clear()
  factsByBase64.set(value, facts)
  return facts
}

function toDer(input: CertificateInput): Buffer {
  if (Buffer.isBuffer(input)) return input
  const pem = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(input)
  return Buffer.from(pem ? pem[1]!.replace(/\s+/g, '') : input.trim(), 'base64')
}

interface Tlv {
  readonly tag: number
  readonly start: number
  readonly end: number
}

/** One DER TLV at `offset`: its tag and where its contents start and end. */
function readTlv(buf: Buffer, offset: number): Tlv {
  const tag = buf[offset]
  let length = buf[offset + 1]
  if (tag === undefined || length === undefined) throw new Error('truncated DER')
  let start = offset + 2
  if (length & 0x80) {
    const bytes = length & 0x7f
    length = 0
    for (let i = 0; i < bytes; i++) length = length * 256 + (buf[start + i] ?? 0)
    start += bytes
  }
  if (start + length > buf.length) throw new Error('truncated DER')
  return { tag, start, end: start + length }
}

// The extension is found by its OID bytes: an emulator does not need a full X.509 parser, and the
// OID encoding (06 03 55 1D 0E) cannot occur elsewhere in a well-formed certificate by accident
// except inside opaque values, where what follows would not parse as the expected OCTET STRINGs.
const SKI_OID = Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x0e])

function skiExtension(der: Buffer): Buffer | undefined {
  for (let at = der.indexOf(SKI_OID); at >= 0; at = der.indexOf(SKI_OID, at + 1)) {
    try {
      let next = readTlv(der, at + SKI_OID.length)
      if (next.tag === 0x01) next = readTlv(der, next.end) // critical flag
      if (next.tag !== 0x04) continue
      const keyId = readTlv(der, next.start)
      if (keyId.tag === 0x04) return der.subarray(keyId.start, keyId.end)
    } catch {
      // not the extension after all
    }
  }
  return undefined
}

/** SHA-1 of the subjectPublicKey BIT STRING, without tag, length and unused-bits byte. */
function spkiHash(x509: X509Certificate): Buffer {
  const spki = x509.publicKey.export({ type: 'spki', format: 'der' })
  const outer = readTlv(spki, 0)
  const algorithm = readTlv(spki, outer.start)
  const bits = readTlv(spki, algorithm.end)
  return createHash('sha1')
    .update(spki.subarray(bits.start + 1, bits.end))
    .digest()
}
