// The X.509 v3 extensions that node:crypto's X509Certificate does not expose, read with forge's
// ASN.1 reader: key identifiers, basicConstraints, keyUsage, CRL distribution points, freshest CRL.
import { type Asn1, childrenOf, isContext, isUniversal, oidOf, parseDer, rawValue, smallInteger, Tag, valueBytes } from './asn1.ts'

export interface CertificateExtensions {
  subjectKeyIdentifier?: string
  authorityKeyIdentifier?: string
  basicConstraints?: { readonly cA: boolean; readonly pathLenConstraint?: number }
  keyUsage?: { readonly keyCertSign: boolean; readonly cRLSign: boolean; readonly digitalSignature: boolean }
  crlDistributionPoints: string[]
  freshestCrl: string[]
}

const OID = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  crlDistributionPoints: '2.5.29.31',
  authorityKeyIdentifier: '2.5.29.35',
  freshestCrl: '2.5.29.46'
} as const

/** Reads the extensions of a TBSCertificate's `[3] EXPLICIT Extensions`, when present. */
export function readExtensions(explicitExtensions: Asn1 | undefined): CertificateExtensions {
  const found: CertificateExtensions = { crlDistributionPoints: [], freshestCrl: [] }
  if (explicitExtensions === undefined) return found
  const [list] = childrenOf(explicitExtensions)
  if (list === undefined) return found
  const seen = new Set<string>()
  for (const extension of childrenOf(list)) {
    const parts = childrenOf(extension)
    const id = parts[0]
    const value = parts[parts.length - 1]
    if (id === undefined || value === undefined || !isUniversal(value, Tag.OCTET_STRING)) {
      throw new Error('malformed extension')
    }
    const oid = oidOf(id)
    // RFC 5280 §4.2: an extension appears at most once; read the first.
    if (seen.has(oid)) continue
    seen.add(oid)
    readExtension(found, oid, value)
  }
  return found
}

function readExtension(found: CertificateExtensions, oid: string, octets: Asn1): void {
  const value = (): Asn1 => parseDer(valueBytes(octets))
  switch (oid) {
    case OID.subjectKeyIdentifier:
      found.subjectKeyIdentifier = hex(valueBytes(value()))
      break
    case OID.authorityKeyIdentifier: {
      const keyIdentifier = childrenOf(value()).find((part) => isContext(part, 0) && !part.constructed)
      if (keyIdentifier !== undefined) found.authorityKeyIdentifier = hex(valueBytes(keyIdentifier))
      break
    }
    case OID.basicConstraints:
      found.basicConstraints = readBasicConstraints(value())
      break
    case OID.keyUsage:
      found.keyUsage = readKeyUsage(value())
      break
    case OID.crlDistributionPoints:
      found.crlDistributionPoints = readDistributionPointUris(value())
      break
    case OID.freshestCrl:
      found.freshestCrl = readDistributionPointUris(value())
      break
  }
}

function readBasicConstraints(sequence: Asn1): { cA: boolean; pathLenConstraint?: number } {
  let cA = false
  let pathLenConstraint: number | undefined
  for (const part of childrenOf(sequence)) {
    if (isUniversal(part, Tag.BOOLEAN)) cA = valueBytes(part)[0] !== 0
    else if (isUniversal(part, Tag.INTEGER)) pathLenConstraint = smallInteger(part)
  }
  return pathLenConstraint === undefined ? { cA } : { cA, pathLenConstraint }
}

function readKeyUsage(bitString: Asn1): { keyCertSign: boolean; cRLSign: boolean; digitalSignature: boolean } {
  if (!isUniversal(bitString, Tag.BIT_STRING)) throw new Error('keyUsage is not a BIT STRING')
  // The first octet counts unused bits; bit n of the named bits is bit (7 - n % 8) of octet n / 8.
  const bits = valueBytes(bitString).subarray(1)
  const bit = (n: number): boolean => (((bits[n >> 3] ?? 0) >> (7 - (n & 7))) & 1) === 1
  return { digitalSignature: bit(0), keyCertSign: bit(5), cRLSign: bit(6) }
}

/**
 * Every URI of `fullName` in a CRLDistributionPoints / FreshestCRL sequence, in order:
 * DistributionPoint ::= SEQUENCE { distributionPoint [0] { fullName [0] GeneralNames } ... },
 * where a URI is GeneralName `[6] IA5String`.
 */
function readDistributionPointUris(points: Asn1): string[] {
  const uris: string[] = []
  for (const point of childrenOf(points)) {
    const name = childrenOf(point).find((part) => isContext(part, 0))
    const fullName = name === undefined ? undefined : childrenOf(name).find((part) => isContext(part, 0))
    if (fullName === undefined || !fullName.constructed) continue
    for (const generalName of childrenOf(fullName)) {
      if (isContext(generalName, 6) && !generalName.constructed) uris.push(rawValue(generalName))
    }
  }
  return uris
}

export function hex(bytes: Buffer): string {
  return bytes.toString('hex').toUpperCase()
}
