// One file's bytes -> the DER of each certificate it holds, by content rather than by extension:
// PEM (any number of CERTIFICATE, TRUSTED CERTIFICATE and PKCS7 blocks), DER (one or more
// concatenated certificates), PKCS#7 SignedData in PEM or DER. A private key anywhere refuses
// the whole file. Messages are ours: no byte of the file is ever echoed.
import { type DerElement, elementsBetween, readElement, TAG_SEQUENCE, childrenOf } from './der.ts'
import { decodePemBody, hasPemBlocks, type PemBlock, pemBlocks } from './pem.ts'
import { pkcs7Certificates, isPkcs7 } from './pkcs7.ts'
import { derHoldsPrivateKey, isPkcs12, textHoldsPrivateKey } from './private-keys.ts'
import type { Severity } from './types.ts'

/** One certificate position in the file: its DER, or why it could not be read. */
export type Slot = { readonly der: Buffer; readonly warning?: string } | { readonly error: string }

/** A problem about the file as a whole, or about a `part` of it (`PEM block 3`); the message follows the file name (and part). */
export interface FileProblem {
  readonly severity: Severity
  readonly message: string
  readonly part?: string
}

export interface DecodedFile {
  readonly slots: readonly Slot[]
  readonly problems: readonly FileProblem[]
  /**
   * The file is no certificate file at all (text without a certificate, a signed message): what
   * sits beside certificates in a folder, such as a README or a signed checksum file. A glob that
   * caught it skips it (load.ts); named explicitly it is an error.
   */
  readonly notCertificates?: true
}

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE'])
const PKCS7_LABELS = new Set(['PKCS7', 'PKCS #7 SIGNED DATA', 'CMS'])
// Blocks that are not certificates, described in our words (the label itself is never echoed).
const OTHER_BLOCKS: ReadonlyMap<string, string> = new Map([
  ['CERTIFICATE REQUEST', 'a certificate request (CSR)'],
  ['NEW CERTIFICATE REQUEST', 'a certificate request (CSR)'],
  ['X509 CRL', 'a CRL'],
  ['PUBLIC KEY', 'a public key'],
  ['RSA PUBLIC KEY', 'a public key'],
  ['ATTRIBUTE CERTIFICATE', 'an attribute certificate']
])

export const PRIVATE_KEY_MESSAGE =
  'holds a private key, so the whole file is refused and none of its content is shown; remove the key from ' +
  'this file (keep private keys out of the repository, and replace a key that was committed) and point ' +
  '`certificates` at certificate files only'

const refused = (): DecodedFile => ({ slots: [], problems: [{ severity: 'error', message: PRIVATE_KEY_MESSAGE }] })
const fileError = (message: string): DecodedFile => ({ slots: [], problems: [{ severity: 'error', message }] })
const notCertificates = (message: string): DecodedFile => ({ ...fileError(message), notCertificates: true })

export function decodeCertificateFile(raw: Buffer): DecodedFile {
  const bytes = withoutByteOrderMark(raw)
  const text = bytes.toString('latin1')
  if (text.trim().length === 0) return fileError('is empty; point `certificates` at PEM, DER or PKCS#7 certificate files')
  if (textHoldsPrivateKey(text)) return refused()
  if (bytes[0] === TAG_SEQUENCE) {
    if (derHoldsPrivateKey(bytes)) return refused()
    const elements = topLevelElements(bytes)
    if (elements !== undefined) return decodeDer(bytes, elements)
    if (!hasPemBlocks(text)) {
      return fileError('is not a certificate: its DER is truncated or malformed; export the certificate again (PEM, DER or PKCS#7)')
    }
  }
  if (hasPemBlocks(text)) return decodePem(pemBlocks(text))
  return notCertificates(
    `is not a certificate file: ${recognise(bytes, text) ?? 'it is neither PEM (`-----BEGIN CERTIFICATE-----`) nor DER'}; ` +
      'point `certificates` at PEM, DER (.cer, .crt, .der) or PKCS#7 (.p7b, .p7c) files'
  )
}

/**
 * The file as text without a byte order mark. Windows tools write PEM with a UTF-8 BOM, and
 * PowerShell 5's `Out-File` / `>` as UTF-16 with one; PEM is ASCII, so both read the same as
 * plain ASCII. (A DER file starts with a tag byte, never with a BOM.)
 */
function withoutByteOrderMark(bytes: Buffer): Buffer {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3)
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'be' : undefined
  if (utf16 === undefined) return bytes
  const body = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)))
  if (utf16 === 'be') body.swap16()
  return Buffer.from(body.toString('utf16le'), 'latin1')
}

/** What a file that is no certificate seems to be, when that helps the user (never its content). */
function recognise(bytes: Buffer, text: string): string | undefined {
  if (/^(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp\d+|sk-[\w-]+@openssh\.com)(-cert-v01@openssh\.com)? [A-Za-z0-9+/]/.test(text.trimStart())) {
    return 'it is an SSH public key (SSH keys are not X.509 certificates)'
  }
  if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return 'it is a ZIP archive; extract the certificates from it'
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'it is gzip-compressed; decompress it'
  return undefined
}

function topLevelElements(bytes: Buffer): DerElement[] | undefined {
  try {
    return elementsBetween(bytes, 0, bytes.length)
  } catch {
    return undefined
  }
}

function decodeDer(bytes: Buffer, elements: readonly DerElement[]): DecodedFile {
  const slots: Slot[] = []
  const problems: FileProblem[] = []
  const [only] = elements
  if (elements.length === 1 && only !== undefined && isPkcs7(bytes, only)) return bundleSlots(bytes, only)
  for (const element of elements) {
    if (isPkcs12(bytes, element)) {
      return fileError(
        'is a PKCS#12 (PFX) archive, which can hold private keys; export the CA certificates alone (PEM, DER or PKCS#7) and point `certificates` at those'
      )
    }
    if (isPkcs7(bytes, element)) {
      const bundle = bundleSlots(bytes, element)
      slots.push(...bundle.slots)
      problems.push(...bundle.problems)
    } else if (looksLikeCertificate(bytes, element)) {
      slots.push({ der: Buffer.from(bytes.subarray(element.start, element.end)) })
    } else {
      slots.push({ error: 'is not a certificate (its DER is no X.509 certificate); remove it or export the certificate again' })
    }
  }
  return { slots, problems }
}

/** Certificate ::= SEQUENCE { tbsCertificate SEQUENCE, ... }; the full check is parsing. */
function looksLikeCertificate(bytes: Buffer, element: DerElement): boolean {
  try {
    return element.tag === TAG_SEQUENCE && childrenOf(bytes, element)[0]?.tag === TAG_SEQUENCE
  } catch {
    return false
  }
}

function bundleSlots(bytes: Buffer, element: DerElement): DecodedFile {
  const contents = pkcs7Certificates(bytes, element)
  if (contents.kind === 'malformed') return fileError('is not a valid PKCS#7 bundle (bad DER); export the bundle again')
  if (contents.kind === 'not-signed-data') {
    return fileError('is a PKCS#7 file without SignedData, so it holds no certificates; export a certificate bundle (.p7b)')
  }
  if (contents.kind === 'signed-message') {
    return notCertificates(
      `is a CMS signed message (signed content and ${contents.signers} signer(s), such as a signed checksum file), ` +
        "not a certificate bundle; its certificates are its signer's, not CAs to publish; point `certificates` at the certificate bundles only"
    )
  }
  const problems: FileProblem[] = []
  if (contents.certificates.length === 0) {
    problems.push({
      severity: 'error',
      message:
        'is a PKCS#7 bundle that holds no certificates; export it with its certificates (e.g. `openssl crl2pkcs7 -nocrl -certfile ca.pem -out ca.p7b`)'
    })
  }
  if (contents.skipped > 0) {
    problems.push({
      severity: 'warning',
      message: `is a PKCS#7 bundle with ${contents.skipped} entries that are not X.509 certificates; they are ignored`
    })
  }
  return { slots: contents.certificates.map((der) => ({ der })), problems }
}

function decodePem(blocks: readonly PemBlock[]): DecodedFile {
  // A block that decodes to a private key (whatever its label) refuses the file before anything is reported.
  const decoded = blocks.map((block) => (block.complete ? decodePemBody(block.body) : undefined))
  if (decoded.some((der) => der !== undefined && derHoldsPrivateKey(der))) return refused()

  const slots: Slot[] = []
  const problems: FileProblem[] = []
  let signedMessage: DecodedFile | undefined
  blocks.forEach((block, i) => {
    const der = decoded[i]
    const position = `PEM block ${i + 1}`
    if (CERTIFICATE_LABELS.has(block.label)) {
      slots.push(certificateSlot(block, der))
    } else if (PKCS7_LABELS.has(block.label)) {
      if (!block.complete) {
        problems.push({ severity: 'error', part: position, message: '(PKCS#7) is truncated: it has no END line; copy the whole block' })
      } else if (der === undefined) {
        problems.push({ severity: 'error', part: position, message: '(PKCS#7) is not valid base64; export the bundle again' })
      } else {
        const element = singleElement(der)
        const bundle =
          element === undefined || !isPkcs7(der, element)
            ? fileError('holds a PKCS#7 PEM block that is not a valid PKCS#7 bundle (bad DER); export the bundle again')
            : bundleSlots(der, element)
        if (bundle.notCertificates === true) signedMessage = bundle
        slots.push(...bundle.slots)
        problems.push(...bundle.problems)
      }
    } else {
      const what = OTHER_BLOCKS.get(block.label) ?? 'an unsupported PEM block'
      problems.push({ severity: 'error', part: position, message: `is ${what}, not a certificate; remove it from the file` })
    }
  })
  // A PEM file that is one signed message is as foreign as its DER form.
  if (signedMessage !== undefined && blocks.length === 1) return signedMessage
  if (slots.length === 0 && problems.length === 0) {
    problems.push({ severity: 'error', message: 'holds no certificate; point `certificates` at certificate files' })
  }
  return { slots, problems }
}

function certificateSlot(block: PemBlock, der: Buffer | undefined): Slot {
  if (!block.complete) {
    return { error: `is truncated: its PEM block has no \`-----END ${block.label}-----\` line; copy the whole certificate` }
  }
  if (der === undefined) return { error: 'is not valid PEM (its body is not base64); export the certificate again' }
  if (block.label === 'TRUSTED CERTIFICATE') {
    // OpenSSL's format: the certificate followed by its trust settings (X509_CERT_AUX).
    const certificate = firstElement(der)
    if (certificate === undefined) return { error: 'is not a certificate (bad DER); export the certificate again' }
    return {
      der: Buffer.from(der.subarray(certificate.start, certificate.end)),
      warning: 'is an OpenSSL TRUSTED CERTIFICATE: its OpenSSL trust settings are ignored, only the certificate is published'
    }
  }
  if (singleElement(der) === undefined) return { error: 'is not a certificate (bad DER); export the certificate again' }
  return { der }
}

function firstElement(der: Buffer): DerElement | undefined {
  try {
    return readElement(der, 0)
  } catch {
    return undefined
  }
}

function singleElement(der: Buffer): DerElement | undefined {
  const element = firstElement(der)
  return element !== undefined && element.end === der.length ? element : undefined
}
