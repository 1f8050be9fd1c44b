// DER bytes -> the fields of a CRL the check needs (RFC 5280 §5.1). The structure is walked with
// der.ts, which slices the exact bytes the signature covers (a re-encoded tree need not give them
// back) and steps over the revoked entries without building them (a CRL may list a million);
// the small parts (algorithm, times, extensions) are read with node-forge's ASN.1 reader.
import { type Asn1, childrenOf, isContext, isUniversal, oidOf, parseDer, Tag, valueBytes } from '../certificates/asn1.ts'
import { bytesOf, childrenOf as derChildren, contentsOf, type DerElement, readElement, TAG_SEQUENCE } from '../certificates/der.ts'
import { hex } from '../certificates/extensions.ts'

export interface ParsedCrl {
  /** tbsCertList exactly as signed. */
  readonly tbs: Buffer
  /** signatureAlgorithm, outer and as repeated inside tbsCertList (RFC 5280 §5.1.1.2: they must match). */
  readonly signatureAlgorithm: Buffer
  readonly innerSignatureAlgorithm: Buffer
  /** signatureValue without its unused-bits octet. */
  readonly signature: Buffer
  readonly issuerDer: Buffer
  readonly thisUpdate: Date
  readonly nextUpdate?: Date
  /** keyIdentifier of the authorityKeyIdentifier extension, upper-case hex. */
  readonly authorityKeyIdentifier?: string
  readonly crlNumber?: bigint
  /** BaseCRLNumber of deltaCRLIndicator: present only on a delta CRL. */
  readonly deltaBase?: bigint
}

/** Thrown when the bytes are no CRL; the message names what is wrong, never the bytes. */
export class CrlFormatError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CrlFormatError'
  }
}

const EXT = { authorityKeyIdentifier: '2.5.29.35', crlNumber: '2.5.29.20', deltaCrlIndicator: '2.5.29.27' } as const
const TAG_INTEGER = 0x02
const TAG_BIT_STRING = 0x03
const TAG_UTC_TIME = 0x17
const TAG_GENERALIZED_TIME = 0x18
const TAG_EXPLICIT_0 = 0xa0

/** Whether the bytes are PEM text (`-----BEGIN X509 CRL-----`), which Entra refuses: it wants DER. */
export function looksLikePem(bytes: Buffer): boolean {
  const head = bytes
    .subarray(0, 256)
    .toString('latin1')
    .replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '')
  return /^\s*-----BEGIN [A-Z0-9 ]+-----/.test(head)
}

export function parseCrl(der: Buffer): ParsedCrl {
  let top: DerElement
  try {
    top = readElement(der, 0)
  } catch {
    throw new CrlFormatError('its DER is truncated or malformed')
  }
  if (top.tag !== TAG_SEQUENCE || top.end !== der.length) throw new CrlFormatError('it is not one DER SEQUENCE')
  try {
    return readCertificateList(der, top)
  } catch (error) {
    if (error instanceof CrlFormatError) throw error
    throw new CrlFormatError('its DER is not a CertificateList (RFC 5280 §5.1)')
  }
}

function readCertificateList(der: Buffer, top: DerElement): ParsedCrl {
  const [tbsElement, algorithm, signatureValue, ...rest] = derChildren(der, top)
  if (tbsElement?.tag !== TAG_SEQUENCE || algorithm?.tag !== TAG_SEQUENCE || signatureValue?.tag !== TAG_BIT_STRING || rest.length > 0) {
    throw new CrlFormatError('it is not a CertificateList (tbsCertList, signatureAlgorithm, signatureValue)')
  }
  const parts = derChildren(der, tbsElement)
  let at = 0
  // version is present (v2) whenever the CRL has extensions; v1 CRLs omit it.
  if (parts[at]?.tag === TAG_INTEGER) at += 1
  const inner = parts[at++]
  const issuer = parts[at++]
  const thisUpdate = parts[at++]
  if (inner?.tag !== TAG_SEQUENCE || issuer?.tag !== TAG_SEQUENCE || thisUpdate === undefined) {
    throw new CrlFormatError('its tbsCertList lacks the signature algorithm, issuer or thisUpdate')
  }
  let nextUpdate: Date | undefined
  const maybeNext = parts[at]
  if (maybeNext !== undefined && (maybeNext.tag === TAG_UTC_TIME || maybeNext.tag === TAG_GENERALIZED_TIME)) {
    nextUpdate = readTime(der, maybeNext)
    at += 1
  }
  // revokedCertificates (a SEQUENCE) is stepped over; crlExtensions is [0] EXPLICIT.
  const extensions = parts.slice(at).find((part) => part.tag === TAG_EXPLICIT_0)
  const bits = contentsOf(der, signatureValue)
  if (bits.length < 1 || bits[0] !== 0) throw new CrlFormatError('its signature BIT STRING is malformed')
  return {
    tbs: bytesOf(der, tbsElement),
    signatureAlgorithm: bytesOf(der, algorithm),
    innerSignatureAlgorithm: bytesOf(der, inner),
    signature: bits.subarray(1),
    issuerDer: bytesOf(der, issuer),
    thisUpdate: readTime(der, thisUpdate),
    ...(nextUpdate === undefined ? {} : { nextUpdate }),
    ...(extensions === undefined ? {} : readCrlExtensions(parseDer(bytesOf(der, extensions))))
  }
}

/** UTCTime (years 1950-2049) or GeneralizedTime, as DER requires them: UTC, with seconds, `Z`. */
function readTime(der: Buffer, element: DerElement): Date {
  const text = contentsOf(der, element).toString('latin1')
  const match =
    element.tag === TAG_UTC_TIME
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : element.tag === TAG_GENERALIZED_TIME
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(text)
        : null
  if (match === null) throw new CrlFormatError('a time in it is neither UTCTime nor GeneralizedTime in UTC')
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number]
  const year = element.tag === TAG_UTC_TIME ? (y >= 50 ? 1900 + y : 2000 + y) : y
  return new Date(Date.UTC(year, mo - 1, d, h, mi, s))
}

interface CrlExtensions {
  authorityKeyIdentifier?: string
  crlNumber?: bigint
  deltaBase?: bigint
}

function readCrlExtensions(explicit: Asn1): CrlExtensions {
  const found: CrlExtensions = {}
  const [list] = childrenOf(explicit)
  if (list === undefined) return found
  for (const extension of childrenOf(list)) {
    const parts = childrenOf(extension)
    const id = parts[0]
    const value = parts[parts.length - 1]
    if (id === undefined || value === undefined || !isUniversal(value, Tag.OCTET_STRING))
      throw new CrlFormatError('an extension is malformed')
    const inner = (): Asn1 => parseDer(valueBytes(value))
    switch (oidOf(id)) {
      case EXT.authorityKeyIdentifier: {
        const keyIdentifier = childrenOf(inner()).find((part) => isContext(part, 0) && !part.constructed)
        if (keyIdentifier !== undefined) found.authorityKeyIdentifier = hex(valueBytes(keyIdentifier))
        break
      }
      case EXT.crlNumber:
        found.crlNumber = integerOf(inner())
        break
      case EXT.deltaCrlIndicator:
        found.deltaBase = integerOf(inner())
        break
    }
  }
  return found
}

function integerOf(node: Asn1): bigint {
  if (!isUniversal(node, Tag.INTEGER)) throw new CrlFormatError('a CRL number is not an INTEGER')
  const bytes = valueBytes(node)
  return bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString('hex')}`)
}
