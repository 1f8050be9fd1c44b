// Locates DER/BER elements by byte offset. node-forge's ASN.1 reader returns values but no
// offsets, and re-encoding its tree is not guaranteed to give back the original bytes; every DER
// this action hands on (a certificate out of a PKCS#7 bundle, a Name compared byte for byte) is
// therefore sliced from the input here, never re-encoded.

/** One element: its first identifier octet and where its header, contents and end lie. */
export interface DerElement {
  readonly tag: number
  readonly start: number
  readonly contentStart: number
  /** Exclusive; includes the end-of-contents octets of an indefinite-length element. */
  readonly end: number
  /** End of the contents (before end-of-contents octets, if any). */
  readonly contentEnd: number
}

/** Thrown for bytes that are not a well-formed element; its message holds no input bytes. */
export class DerFormatError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DerFormatError'
  }
}

const MAX_DEPTH = 64
export const TAG_SEQUENCE = 0x30

function isConstructed(tag: number): boolean {
  return (tag & 0x20) !== 0
}

/** Reads the element starting at `offset`, which must end at or before `limit`. */
export function readElement(bytes: Buffer, offset: number, limit = bytes.length, depth = 0): DerElement {
  if (depth > MAX_DEPTH) throw new DerFormatError('nested too deeply')
  let at = offset
  const byte = (): number => {
    const value = bytes[at]
    if (at >= limit || value === undefined) throw new DerFormatError('truncated')
    at += 1
    return value
  }
  const tag = byte()
  if ((tag & 0x1f) === 0x1f) {
    // High tag number form: base-128 octets, the last one without its top bit.
    for (let octets = 0; (byte() & 0x80) !== 0; octets += 1) {
      if (octets > 4) throw new DerFormatError('tag number too large')
    }
  }
  const first = byte()
  if (first === 0x80) {
    if (!isConstructed(tag)) throw new DerFormatError('indefinite length on a primitive element')
    let child = at
    for (;;) {
      if (child + 2 > limit) throw new DerFormatError('truncated')
      if (bytes[child] === 0 && bytes[child + 1] === 0) break
      child = readElement(bytes, child, limit, depth + 1).end
    }
    return { tag, start: offset, contentStart: at, contentEnd: child, end: child + 2 }
  }
  let length = first
  if (first > 0x80) {
    const octets = first & 0x7f
    if (octets > 4) throw new DerFormatError('length too large')
    length = 0
    for (let i = 0; i < octets; i += 1) length = length * 256 + byte()
  }
  const end = at + length
  if (end > limit) throw new DerFormatError('truncated')
  return { tag, start: offset, contentStart: at, contentEnd: end, end }
}

/** The elements inside a constructed element, in order. */
export function childrenOf(bytes: Buffer, element: DerElement): DerElement[] {
  if (!isConstructed(element.tag)) throw new DerFormatError('not a constructed element')
  return elementsBetween(bytes, element.contentStart, element.contentEnd)
}

/** Consecutive elements filling `start`..`end` exactly. */
export function elementsBetween(bytes: Buffer, start: number, end: number): DerElement[] {
  const elements: DerElement[] = []
  for (let at = start; at < end;) {
    const element = readElement(bytes, at, end)
    elements.push(element)
    at = element.end
  }
  return elements
}

/** The exact bytes of an element, header included (a view, not a copy). */
export function bytesOf(bytes: Buffer, element: DerElement): Buffer {
  return bytes.subarray(element.start, element.end)
}

/** The contents octets of an element (a view, not a copy). */
export function contentsOf(bytes: Buffer, element: DerElement): Buffer {
  return bytes.subarray(element.contentStart, element.contentEnd)
}
