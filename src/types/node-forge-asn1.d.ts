// The one part of node-forge this action loads: its ASN.1 DER reader. Importing the subpath
// instead of 'node-forge' keeps the rest of forge (TLS, ciphers, PKI) out of the bundle.
// Values are "binary strings": one char per byte (char codes 0-255); BMPString values are
// decoded to UTF-16 by forge.
declare module 'node-forge/lib/asn1.js' {
  interface Asn1 {
    tagClass: number
    type: number
    constructed: boolean
    composed: boolean
    value: string | Asn1[]
    /** BIT STRING only: the raw contents including the unused-bits byte. */
    bitStringContents?: string
  }

  interface FromDerOptions {
    strict?: boolean
    parseAllBytes?: boolean
    decodeBitStrings?: boolean
    maxDepth?: number
  }

  interface ByteStringBuffer {
    getBytes(count?: number): string
    length(): number
  }

  interface Asn1Module {
    readonly Class: {
      readonly UNIVERSAL: 0x00
      readonly APPLICATION: 0x40
      readonly CONTEXT_SPECIFIC: 0x80
      readonly PRIVATE: 0xc0
    }
    fromDer(bytes: string, options?: FromDerOptions): Asn1
    toDer(obj: Asn1): ByteStringBuffer
    derToOid(bytes: string): string
  }

  const asn1: Asn1Module
  export default asn1
  export type { Asn1, FromDerOptions }
}
