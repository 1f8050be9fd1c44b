// Does a CRL's signature verify with the CA's public key? node:crypto does the mathematics; this
// file maps the CRL's signatureAlgorithm (RFC 4055, 5758, 8410) to node:crypto's parameters:
// RSA PKCS#1 v1.5, RSASSA-PSS (hash and salt length from its parameters), ECDSA (P-256, P-384,
// P-521; the signature is the DER SEQUENCE node:crypto expects by default) and Ed25519/Ed448.
import { constants, type KeyObject, verify } from 'node:crypto'
import { type Asn1, childrenOf, isContext, isUniversal, oidOf, parseDer, smallInteger, Tag } from '../certificates/asn1.ts'

const RSA_PKCS1: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512'
}
const ECDSA: Readonly<Record<string, string>> = {
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512'
}
const HASHES: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512'
}
const RSASSA_PSS = '1.2.840.113549.1.1.10'
const EDDSA = new Set(['1.3.101.112', '1.3.101.113'])

export type SignatureVerdict = { readonly verifies: true } | { readonly verifies: false; readonly reason: string }

/** Verifies `signature` over `tbs` as `algorithm` (an AlgorithmIdentifier's DER) says, with `key`. */
export function verifySignature(tbs: Buffer, algorithm: Buffer, signature: Buffer, key: KeyObject): SignatureVerdict {
  let parts: Asn1[]
  let oid: string
  try {
    parts = childrenOf(parseDer(algorithm))
    oid = oidOf(parts[0]!)
  } catch {
    return { verifies: false, reason: 'its signature algorithm identifier is malformed' }
  }
  try {
    const rsa = RSA_PKCS1[oid]
    if (rsa !== undefined) return verdict(verify(rsa, tbs, { key, padding: constants.RSA_PKCS1_PADDING }, signature))
    const ec = ECDSA[oid]
    if (ec !== undefined) return verdict(verify(ec, tbs, key, signature))
    if (EDDSA.has(oid)) return verdict(verify(null, tbs, key, signature))
    if (oid === RSASSA_PSS) {
      const pss = pssParameters(parts[1])
      if (pss === undefined) return { verifies: false, reason: 'its RSASSA-PSS parameters are malformed or use an unknown hash' }
      return verdict(verify(pss.hash, tbs, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: pss.saltLength }, signature))
    }
  } catch {
    // node:crypto throws when the key does not fit the algorithm (an EC key for an RSA signature).
    return { verifies: false, reason: `its signature algorithm (${oid}) does not fit the CA's key` }
  }
  return { verifies: false, reason: `its signature algorithm (${oid}) is not one Entra or this check knows` }
}

const verdict = (ok: boolean): SignatureVerdict =>
  ok ? { verifies: true } : { verifies: false, reason: "its signature does not verify with the CA's public key" }

/**
 * RSASSA-PSS-params ::= SEQUENCE { hashAlgorithm [0] (default SHA-1), maskGenAlgorithm [1]
 * (MGF1 with the same hash in practice), saltLength [2] (default 20), trailerField [3] }.
 */
function pssParameters(parameters: Asn1 | undefined): { hash: string; saltLength: number } | undefined {
  let hash = 'sha1'
  let saltLength = 20
  if (parameters === undefined || !isUniversal(parameters, Tag.SEQUENCE)) return parameters === undefined ? { hash, saltLength } : undefined
  for (const field of childrenOf(parameters)) {
    const [value] = childrenOf(field)
    if (value === undefined) return undefined
    if (isContext(field, 0)) {
      const name = HASHES[oidOf(childrenOf(value)[0]!)]
      if (name === undefined) return undefined
      hash = name
    } else if (isContext(field, 2)) {
      const length = smallInteger(value)
      if (length === undefined) return undefined
      saltLength = length
    }
  }
  return { hash, saltLength }
}
