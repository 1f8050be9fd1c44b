// Typed access to node-forge's ASN.1 reader (only that part of forge is imported, see
// src/types/node-forge-asn1.d.ts). forge holds bytes as "binary strings"; these helpers turn them
// into Buffers and numbers at the edge so the rest of the code never sees that encoding.
import asn1 from 'node-forge/lib/asn1.js'
import type { Asn1 } from 'node-forge/lib/asn1.js'

export type { Asn1 }

export const UNIVERSAL = 0x00
export const CONTEXT_SPECIFIC = 0x80

export const Tag = {
  BOOLEAN: 1,
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  OID: 6,
  SEQUENCE: 16,
  SET: 17
} as const

/** Parses exactly one DER element; BIT STRINGs are left undecoded (forge would guess otherwise). */
export function parseDer(der: Buffer): Asn1 {
  return asn1.fromDer(der.toString('latin1'), { strict: true, parseAllBytes: true, decodeBitStrings: false })
}

export function childrenOf(node: Asn1): Asn1[] {
  if (!Array.isArray(node.value)) throw new Error('expected a constructed ASN.1 element')
  return node.value
}

/** The contents octets of a primitive element. */
export function valueBytes(node: Asn1): Buffer {
  if (typeof node.value !== 'string') throw new Error('expected a primitive ASN.1 element')
  return Buffer.from(node.value, 'latin1')
}

/** forge's own string for a primitive value: bytes as char codes, or UTF-16 for a BMPString. */
export function rawValue(node: Asn1): string {
  if (typeof node.value !== 'string') throw new Error('expected a primitive ASN.1 element')
  return node.value
}

export function oidOf(node: Asn1): string {
  if (node.tagClass !== UNIVERSAL || node.type !== Tag.OID) throw new Error('expected an OBJECT IDENTIFIER')
  return asn1.derToOid(rawValue(node))
}

export function isUniversal(node: Asn1, type: number): boolean {
  return node.tagClass === UNIVERSAL && node.type === type
}

export function isContext(node: Asn1, number: number): boolean {
  return node.tagClass === CONTEXT_SPECIFIC && node.type === number
}

/** The DER of a parsed node, for display only (hex dumps): re-encoded, so not byte-exact. */
export function encode(node: Asn1): Buffer {
  return Buffer.from(asn1.toDer(node).getBytes(), 'latin1')
}

/** A small non-negative INTEGER (versions, path lengths); undefined when it does not fit. */
export function smallInteger(node: Asn1): number | undefined {
  const bytes = valueBytes(node)
  if (bytes.length === 0 || bytes.length > 6 || ((bytes[0] ?? 0) & 0x80) !== 0) return undefined
  return bytes.readUIntBE(0, bytes.length)
}
