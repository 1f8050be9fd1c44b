// The certificates of a PKCS#7 / CMS SignedData (RFC 2315, RFC 5652), as .p7b/.p7c bundles
// carry them. Each certificate is sliced byte for byte from the input (see der.ts).
import { bytesOf, childrenOf, contentsOf, type DerElement, TAG_SEQUENCE } from './der.ts'

// 1.2.840.113549.1.7 (pkcs7) as DER contents, and the signedData arc under it.
const PKCS7_ARC = Buffer.from('2a864886f70d0107', 'hex')
const SIGNED_DATA = Buffer.from('2a864886f70d010702', 'hex')
const OID = 0x06
const CERTIFICATES = 0xa0 // [0] IMPLICIT CertificateSet
const SET = 0x31

/** Whether a top-level element is a PKCS#7 ContentInfo (of any content type). */
export function isPkcs7(bytes: Buffer, element: DerElement): boolean {
  if (element.tag !== TAG_SEQUENCE) return false
  try {
    const [contentType] = childrenOf(bytes, element)
    if (contentType?.tag !== OID) return false
    const oid = contentsOf(bytes, contentType)
    return oid.length === PKCS7_ARC.length + 1 && oid.subarray(0, PKCS7_ARC.length).equals(PKCS7_ARC)
  } catch {
    return false
  }
}

export type Pkcs7Contents =
  | { readonly kind: 'certificates'; readonly certificates: readonly Buffer[]; readonly skipped: number }
  /** A signed message (signed content and signer infos, e.g. a signed checksum file), not a bundle. */
  | { readonly kind: 'signed-message'; readonly signers: number }
  | { readonly kind: 'not-signed-data' }
  | { readonly kind: 'malformed' }

/** The certificates of a SignedData ContentInfo; `skipped` counts non-X.509 entries (attribute certificates). */
export function pkcs7Certificates(bytes: Buffer, contentInfo: DerElement): Pkcs7Contents {
  try {
    const [contentType, explicitContent] = childrenOf(bytes, contentInfo)
    if (contentType === undefined || !contentsOf(bytes, contentType).equals(SIGNED_DATA)) return { kind: 'not-signed-data' }
    if (explicitContent === undefined) return { kind: 'certificates', certificates: [], skipped: 0 }
    const [signedData] = childrenOf(bytes, explicitContent)
    if (signedData?.tag !== TAG_SEQUENCE) return { kind: 'malformed' }
    // SignedData ::= SEQUENCE { version, digestAlgorithms, contentInfo, [0] certificates OPTIONAL, [1] crls OPTIONAL, signerInfos }
    const parts = childrenOf(bytes, signedData)
    // A certificate bundle ("certs-only", RFC 5652 §5.2) has no content and no signer. Content or
    // a signer makes it a signed message: its certificates are the signer's chain, not CAs to publish.
    const encapsulated = parts[2]
    const signerInfos = parts[parts.length - 1]
    const hasContent = encapsulated?.tag === TAG_SEQUENCE && childrenOf(bytes, encapsulated).length > 1
    const signers = signerInfos?.tag === SET && parts.length >= 4 ? childrenOf(bytes, signerInfos).length : 0
    if (hasContent || signers > 0) return { kind: 'signed-message', signers }
    const set = parts.find((part) => part.tag === CERTIFICATES)
    if (set === undefined) return { kind: 'certificates', certificates: [], skipped: 0 }
    const entries = childrenOf(bytes, set)
    const certificates = entries.filter((entry) => entry.tag === TAG_SEQUENCE).map((entry) => Buffer.from(bytesOf(bytes, entry)))
    return { kind: 'certificates', certificates, skipped: entries.length - certificates.length }
  } catch {
    return { kind: 'malformed' }
  }
}
