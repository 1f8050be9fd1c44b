// DER -> ParsedCertificate. node:crypto's X509Certificate checks the encoding and gives validity,
// key type and signature checks for RSA, EC and EdDSA alike; the rest is read from the DER.
import { createHash, X509Certificate } from 'node:crypto'
import { type Asn1, childrenOf, isContext, parseDer, smallInteger, valueBytes } from './asn1.ts'
import { bytesOf, childrenOf as derChildrenOf, readElement, TAG_SEQUENCE } from './der.ts'
import { hex, readExtensions } from './extensions.ts'
import { formatName } from './names.ts'
import type { CertificateSource, KeyAlgorithm, ParsedCertificate } from './types.ts'

/** Thrown when bytes are not an X.509 certificate; the message is ours and holds no input bytes. */
export class CertificateFormatError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CertificateFormatError'
  }
}

const x509s = new WeakMap<ParsedCertificate, X509Certificate>()

/** The node:crypto view of a parsed certificate (kept from parsing, rebuilt if the object was copied). */
export function x509Of(certificate: ParsedCertificate): X509Certificate {
  let x509 = x509s.get(certificate)
  if (x509 === undefined) {
    x509 = new X509Certificate(certificate.der)
    x509s.set(certificate, x509)
  }
  return x509
}

const CURVES: Readonly<Record<string, string>> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521'
}
const KEY_ALGORITHMS: readonly KeyAlgorithm[] = ['rsa', 'rsa-pss', 'ec', 'ed25519', 'ed448', 'dsa']

export function parseCertificate(der: Buffer, source: CertificateSource): ParsedCertificate {
  let x509: X509Certificate
  try {
    x509 = new X509Certificate(der)
  } catch {
    throw new CertificateFormatError('not a valid X.509 certificate (bad DER)')
  }
  try {
    return readCertificate(der, source, x509)
  } catch (error) {
    if (error instanceof CertificateFormatError) throw error
    throw new CertificateFormatError('not a valid X.509 certificate (malformed fields)')
  }
}

function readCertificate(der: Buffer, source: CertificateSource, x509: X509Certificate): ParsedCertificate {
  // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }
  const certificate = readElement(der, 0)
  const [tbsElement] = derChildrenOf(der, certificate)
  if (certificate.tag !== TAG_SEQUENCE || certificate.end !== der.length || tbsElement === undefined) {
    throw new CertificateFormatError('not a valid X.509 certificate (bad DER)')
  }
  // TBSCertificate ::= SEQUENCE { [0] version OPTIONAL, serialNumber, signature, issuer, validity,
  //   subject, subjectPublicKeyInfo, [1] issuerUniqueID, [2] subjectUniqueID, [3] extensions }
  const tbsElements = derChildrenOf(der, tbsElement)
  const fields = tbsElements[0]?.tag === 0xa0 ? tbsElements.slice(1) : tbsElements
  const [, , issuerElement, , subjectElement] = fields
  if (issuerElement === undefined || subjectElement === undefined) throw new Error('short TBSCertificate')

  const tbs = childrenOf(parseDer(bytesOf(der, tbsElement)))
  const versionNode = tbs[0] !== undefined && isContext(tbs[0], 0) ? tbs[0] : undefined
  const version = versionNode === undefined ? 1 : versionOf(versionNode)
  const rest = versionNode === undefined ? tbs : tbs.slice(1)
  const [, , issuer, , subject, spki, ...optional] = rest
  if (issuer === undefined || subject === undefined || spki === undefined) throw new Error('short TBSCertificate')
  const extensions = readExtensions(optional.find((node) => isContext(node, 3)))

  const subjectDer = Buffer.from(bytesOf(der, subjectElement))
  const issuerDer = Buffer.from(bytesOf(der, issuerElement))
  const key = keyOf(x509)
  const parsed: ParsedCertificate = {
    der,
    source,
    version,
    subject: formatName(subject),
    issuer: formatName(issuer),
    thumbprint: digest('sha1', der),
    sha256: digest('sha256', der),
    subjectKeyIdentifier: extensions.subjectKeyIdentifier ?? keyIdentifierFromPublicKey(spki),
    hasSubjectKeyIdentifierExtension: extensions.subjectKeyIdentifier !== undefined,
    ...(extensions.authorityKeyIdentifier === undefined ? {} : { authorityKeyIdentifier: extensions.authorityKeyIdentifier }),
    notBefore: x509.validFromDate,
    notAfter: x509.validToDate,
    ...(extensions.basicConstraints === undefined ? {} : { basicConstraints: extensions.basicConstraints }),
    ...(extensions.keyUsage === undefined ? {} : { keyUsage: extensions.keyUsage }),
    crlDistributionPoints: extensions.crlDistributionPoints,
    freshestCrl: extensions.freshestCrl,
    keyAlgorithm: key.algorithm,
    ...(key.curve === undefined ? {} : { curve: key.curve }),
    selfSigned: subjectDer.equals(issuerDer) && verifies(x509, x509),
    subjectDer,
    issuerDer
  }
  x509s.set(parsed, x509)
  return parsed
}

function versionOf(explicitVersion: Asn1): number {
  const [integer] = childrenOf(explicitVersion)
  const value = integer === undefined ? undefined : smallInteger(integer)
  if (value === undefined || value > 2) throw new CertificateFormatError('not a valid X.509 certificate (unknown version)')
  return value + 1
}

/** RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING, unused-bits octet excluded. */
function keyIdentifierFromPublicKey(spki: Asn1): string {
  const bitString = childrenOf(spki)[1]
  if (bitString === undefined) throw new Error('subjectPublicKeyInfo without key')
  return digest('sha1', valueBytes(bitString).subarray(1))
}

function keyOf(x509: X509Certificate): { algorithm: KeyAlgorithm; curve?: string } {
  try {
    const key = x509.publicKey
    const type = key.asymmetricKeyType
    const algorithm = KEY_ALGORITHMS.find((known) => known === type) ?? 'unknown'
    const namedCurve = key.asymmetricKeyDetails?.namedCurve
    if (algorithm !== 'ec' || namedCurve === undefined) return { algorithm }
    return { algorithm, curve: CURVES[namedCurve] ?? namedCurve }
  } catch {
    // A key type this Node cannot load: the certificate still parses, it just cannot verify.
    return { algorithm: 'unknown' }
  }
}

/** Whether `issuer`'s key verifies `certificate`'s signature; some algorithms throw instead of failing. */
export function verifies(certificate: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return certificate.verify(issuer.publicKey)
  } catch {
    return false
  }
}

function digest(algorithm: 'sha1' | 'sha256', bytes: Buffer): string {
  return hex(createHash(algorithm).update(bytes).digest())
}
