// Recognises private keys so that a certificate file holding one is refused as a whole. Security:
// callers must never echo any byte of such a file; these checks return booleans only.
import { childrenOf, contentsOf, type DerElement, readElement, TAG_SEQUENCE } from './der.ts'

const INTEGER = 0x02
const OCTET_STRING = 0x04
const OID = 0x06

/** A PEM BEGIN line of any private key: PKCS#8, encrypted PKCS#8, RSA, EC, DSA, OpenSSH, PGP (`... PRIVATE KEY BLOCK`), ... */
const PEM_PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY[A-Z0-9 ]*-----/
const PUTTY_KEY = /^PuTTY-User-Key-File-/m

/** Whether a file's text (read as Latin-1) holds a private key in PEM or PuTTY form anywhere. */
export function textHoldsPrivateKey(text: string): boolean {
  return PEM_PRIVATE_KEY.test(text) || PUTTY_KEY.test(text)
}

/**
 * Whether one DER element is a private key: PKCS#8 PrivateKeyInfo / OneAsymmetricKey,
 * EncryptedPrivateKeyInfo, PKCS#1 RSAPrivateKey, SEC 1 ECPrivateKey, or OpenSSL's DSA key.
 */
export function isPrivateKeyDer(bytes: Buffer, element: DerElement): boolean {
  if (element.tag !== TAG_SEQUENCE) return false
  let parts: DerElement[]
  try {
    parts = childrenOf(bytes, element)
  } catch {
    return false
  }
  const tags = parts.map((part) => part.tag)
  const [first, second] = parts
  if (first === undefined || second === undefined) return false
  const smallInteger = (part: DerElement, ...values: number[]): boolean => {
    const contents = contentsOf(bytes, part)
    return part.tag === INTEGER && contents.length === 1 && values.includes(contents[0] ?? -1)
  }
  const algorithmIdentifier = (part: DerElement): boolean => {
    if (part.tag !== TAG_SEQUENCE) return false
    try {
      return childrenOf(bytes, part)[0]?.tag === OID
    } catch {
      return false
    }
  }
  // PrivateKeyInfo ::= SEQUENCE { version INTEGER (0|1), AlgorithmIdentifier, privateKey OCTET STRING, ... }
  if (smallInteger(first, 0, 1) && algorithmIdentifier(second) && tags[2] === OCTET_STRING) return true
  // EncryptedPrivateKeyInfo ::= SEQUENCE { AlgorithmIdentifier, encryptedData OCTET STRING }
  if (parts.length === 2 && algorithmIdentifier(first) && second.tag === OCTET_STRING) return true
  // RSAPrivateKey: version and 8 INTEGERs (more for multi-prime); DSA: version and 5 INTEGERs
  if (smallInteger(first, 0, 1) && parts.length >= 6 && tags.every((tag) => tag === INTEGER)) return true
  // ECPrivateKey ::= SEQUENCE { version INTEGER (1), privateKey OCTET STRING, [0] params, [1] publicKey }
  if (smallInteger(first, 1) && second.tag === OCTET_STRING) return true
  return false
}

// 1.2.840.113549.1.7 (pkcs7), the content types of a PKCS#12 PFX's authSafe.
const PKCS7_ARC = Buffer.from('2a864886f70d0107', 'hex')

/** Whether an element is a PKCS#12 archive (PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo, ... }). */
export function isPkcs12(bytes: Buffer, element: DerElement): boolean {
  if (element.tag !== TAG_SEQUENCE) return false
  try {
    const [version, authSafe] = childrenOf(bytes, element)
    if (version?.tag !== INTEGER || !contentsOf(bytes, version).equals(Buffer.from([3]))) return false
    if (authSafe?.tag !== TAG_SEQUENCE) return false
    const [contentType] = childrenOf(bytes, authSafe)
    return contentType?.tag === OID && contentsOf(bytes, contentType).subarray(0, PKCS7_ARC.length).equals(PKCS7_ARC)
  } catch {
    return false
  }
}

/** Whether DER bytes hold a private key in any of their top-level elements. */
export function derHoldsPrivateKey(bytes: Buffer): boolean {
  for (let at = 0; at < bytes.length;) {
    let element: DerElement
    try {
      element = readElement(bytes, at)
    } catch {
      return false
    }
    if (isPrivateKeyDer(bytes, element)) return true
    at = element.end
  }
  return false
}
