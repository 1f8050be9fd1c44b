// Distinguished names as text: most specific RDN first, `, ` between RDNs, `+` inside a
// multi-valued RDN, RFC 4514 escaping, UTF-8 kept as UTF-8. The oracle is openssl
// `-nameopt esc_2253,esc_ctrl,utf8,sep_comma_plus_space,dn_rev,sname`, which this matches except
// for ` + ` (openssl) vs `+` (RFC 4514) inside a multi-valued RDN, and for values of non-string
// types, which RFC 4514 §2.4 writes as `#` and hex (openssl prints their raw bytes).
import { type Asn1, childrenOf, encode, oidOf, rawValue } from './asn1.ts'

// Short names as openssl prints them (OBJ_nid2sn); any other OID is printed dotted.
const SHORT_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.13': 'description',
  '2.5.4.15': 'businessCategory',
  '2.5.4.16': 'postalAddress',
  '2.5.4.17': 'postalCode',
  '2.5.4.18': 'postOfficeBox',
  '2.5.4.19': 'physicalDeliveryOfficeName',
  '2.5.4.20': 'telephoneNumber',
  '2.5.4.41': 'name',
  '2.5.4.42': 'GN',
  '2.5.4.43': 'initials',
  '2.5.4.44': 'generationQualifier',
  '2.5.4.45': 'x500UniqueIdentifier',
  '2.5.4.46': 'dnQualifier',
  '2.5.4.65': 'pseudonym',
  '2.5.4.72': 'role',
  '2.5.4.97': 'organizationIdentifier',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.3': 'mail',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '1.2.840.113549.1.9.2': 'unstructuredName',
  '1.2.840.113549.1.9.8': 'unstructuredAddress',
  '1.3.6.1.4.1.311.60.2.1.1': 'jurisdictionL',
  '1.3.6.1.4.1.311.60.2.1.2': 'jurisdictionST',
  '1.3.6.1.4.1.311.60.2.1.3': 'jurisdictionC'
}

const UTF8_STRING = 12
const UNIVERSAL_STRING = 28
const BMP_STRING = 30
// Character string types (and the two time types openssl also prints as text). openssl reads
// all but UTF8String, UniversalString and BMPString one byte per character (Latin-1).
const BYTE_STRINGS = new Set([18, 19, 20, 21, 22, 23, 24, 25, 26, 27])

/** The attribute name openssl prints for an OID. */
export function attributeName(oid: string): string {
  return SHORT_NAMES[oid] ?? oid
}

/** Formats a parsed `Name` (SEQUENCE OF RelativeDistinguishedName). */
export function formatName(name: Asn1): string {
  // openssl's dn_rev reverses the flat list of attributes, so the attributes of a multi-valued RDN
  // come out reversed too; RFC 4514 leaves their order open, so match openssl.
  const attributes = childrenOf(name)
    .flatMap((rdn, rdnIndex) => childrenOf(rdn).map((attribute) => ({ rdnIndex, text: formatAttribute(attribute) })))
    .reverse()
  return attributes
    .map((attribute, i) => {
      const previous = attributes[i - 1]
      if (previous === undefined) return attribute.text
      return (previous.rdnIndex === attribute.rdnIndex ? '+' : ', ') + attribute.text
    })
    .join('')
}

function formatAttribute(attribute: Asn1): string {
  const [type, value] = childrenOf(attribute)
  if (type === undefined || value === undefined) throw new Error('attribute without type or value')
  return `${attributeName(oidOf(type))}=${formatValue(value)}`
}

function formatValue(value: Asn1): string {
  const text = decodeString(value)
  if (text === undefined) return `#${encode(value).toString('hex')}`
  return escapeValue(text)
}

/** The text of a string-typed value, or undefined when the value is not a character string. */
export function decodeString(value: Asn1): string | undefined {
  if (value.tagClass !== 0 || value.constructed) return undefined
  const raw = rawValue(value)
  if (value.type === UTF8_STRING) return Buffer.from(raw, 'latin1').toString('utf8')
  if (value.type === BMP_STRING) return raw // forge decodes BMPString to UTF-16 itself
  if (value.type === UNIVERSAL_STRING) return decodeUniversalString(Buffer.from(raw, 'latin1'))
  if (BYTE_STRINGS.has(value.type)) return raw // Latin-1: one char per byte, as openssl does
  return undefined
}

function decodeUniversalString(bytes: Buffer): string {
  let text = ''
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const codePoint = bytes.readUInt32BE(i)
    text += codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '\ufffd'
  }
  return text
}

const ALWAYS_ESCAPED = new Set([',', '+', '"', '\\', '<', '>', ';'])

/** RFC 4514 §2.4 escaping, as openssl's esc_2253 + esc_ctrl do it. */
export function escapeValue(text: string): string {
  const chars = Array.from(text)
  return chars
    .map((char, i) => {
      const code = char.codePointAt(0) ?? 0
      if (ALWAYS_ESCAPED.has(char)) return `\\${char}`
      if (i === 0 && (char === '#' || char === ' ')) return `\\${char}`
      if (i === chars.length - 1 && char === ' ') return '\\ '
      if (code < 0x20 || code === 0x7f) return `\\${code.toString(16).toUpperCase().padStart(2, '0')}`
      return char
    })
    .join('')
}
