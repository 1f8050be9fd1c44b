// PEM (RFC 7468) blocks in a text file. Text outside blocks (comments, `subject=` lines, the
// explanatory text of CA bundles) is ignored, as openssl does.

export interface PemBlock {
  /** The label between `-----BEGIN ` and `-----`, e.g. `CERTIFICATE`. */
  readonly label: string
  /** The body lines between BEGIN and END, joined without line breaks. */
  readonly body: string
  /** False when the file ends (or another BEGIN starts) before this block's END line. */
  readonly complete: boolean
}

const BEGIN = /^-----BEGIN ([\x21-\x2c\x2e-\x7e](?:[\x20-\x2c\x2e-\x7e]*[\x21-\x2c\x2e-\x7e])?)-----\s*$/
const END = /^-----END (.*)-----\s*$/

/** Whether the bytes hold any PEM BEGIN line at all. */
export function hasPemBlocks(text: string): boolean {
  return text.includes('-----BEGIN ')
}

/** Every PEM block in `text`, in order, complete or not. */
export function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = []
  let open: { label: string; lines: string[] } | undefined
  const close = (complete: boolean): void => {
    if (open !== undefined) blocks.push({ label: open.label, body: open.lines.join(''), complete })
    open = undefined
  }
  for (const rawLine of text.split(/\r?\n|\r/)) {
    const line = rawLine.trim()
    const begin = BEGIN.exec(line)
    if (begin !== null) {
      close(false)
      open = { label: begin[1] ?? '', lines: [] }
      continue
    }
    if (open === undefined) continue
    const end = END.exec(line)
    if (end !== null) {
      close(end[1] === open.label)
      continue
    }
    open.lines.push(line)
  }
  close(false)
  return blocks
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/** Decodes a PEM body strictly (Buffer.from would skip bad characters); undefined if not base64. */
export function decodePemBody(body: string): Buffer | undefined {
  const compact = body.replace(/\s+/g, '')
  if (compact.length === 0 || !BASE64.test(compact)) return undefined
  return Buffer.from(compact, 'base64')
}
