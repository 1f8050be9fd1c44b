// The README's ```sh blocks, split into the commands a reader types: enough of a shell parser
// (quotes, `$( … )`, backslash-newline, comments, `&&`, `||`, `;`, `|`) to name each command and
// the variables it sets and reads. `bash -n` checks the real syntax; this only lists.

export interface ShellBlock {
  /** 1-based line of the opening fence. */
  readonly line: number
  /** The nearest `##`/`###` heading above the block. */
  readonly heading: string
  readonly text: string
}

export interface ShellCommand {
  readonly block: ShellBlock
  /** The command's words, quotes removed; leading VAR=value assignments dropped. */
  readonly words: string[]
  /** The command as written (one line per source line, comments dropped). */
  readonly source: string
  /** Variables this command assigns (VAR=value before it or alone). */
  readonly assigns: string[]
}

/** Every fenced ```sh (or ```bash / ```shell) block of a Markdown text. */
export function shellBlocks(markdown: string): ShellBlock[] {
  const blocks: ShellBlock[] = []
  const lines = markdown.split('\n')
  let heading = ''
  for (let i = 0; i < lines.length; i++) {
    const h = /^#{2,3} (.+)$/.exec(lines[i]!)
    if (h) heading = h[1]!
    if (!/^\s*```(sh|bash|shell)\s*$/.test(lines[i]!)) continue
    const indent = /^\s*/.exec(lines[i]!)![0].length
    const start = i
    const body: string[] = []
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]!); i++) body.push(lines[i]!.slice(indent))
    blocks.push({ line: start + 1, heading, text: `${body.join('\n')}\n` })
  }
  return blocks
}

interface Word {
  /** As written, quotes kept. */
  readonly raw: string
  /** Quotes removed. */
  readonly value: string
}

/** Splits shell text into commands, each a list of words. */
function tokenize(text: string): Word[][] {
  const commands: Word[][] = []
  let words: Word[] = []
  let raw = ''
  let value = ''
  let quote: "'" | '"' | undefined
  let depth = 0
  const endWord = (): void => {
    if (raw !== '') words.push({ raw, value })
    raw = ''
    value = ''
  }
  const endCommand = (): void => {
    endWord()
    if (words.length > 0) commands.push(words)
    words = []
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quote !== undefined) {
      raw += c
      if (c === quote) quote = undefined
      else value += c
      continue
    }
    if (c === "'" || c === '"') {
      quote = c
      raw += c
      continue
    }
    if (c === '\\' && text[i + 1] === '\n') {
      i++
      endWord()
      continue
    }
    if (c === '$' && text[i + 1] === '(') depth++
    if (c === ')' && depth > 0) depth--
    if (depth > 0 || !/[\s;&|#]/.test(c) || (c === '#' && raw !== '')) {
      raw += c
      value += c
      continue
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++
      endCommand()
      continue
    }
    if (c === '\n' || c === ';' || c === '&' || c === '|') {
      if ((c === '&' || c === '|') && text[i + 1] === c) i++
      endCommand()
      continue
    }
    endWord()
  }
  endCommand()
  return commands
}

const ASSIGNMENT = /^([A-Za-z_]\w*)=(.*)$/s

/** The commands of a block: `X=$(cmd …)` gives the command inside, which assigns X. */
export function shellCommands(block: ShellBlock): ShellCommand[] {
  const result: ShellCommand[] = []
  for (const words of tokenize(block.text)) {
    const assigns: string[] = []
    let i = 0
    for (; i < words.length && ASSIGNMENT.test(words[i]!.raw); i++) assigns.push(ASSIGNMENT.exec(words[i]!.raw)![1]!)
    const source = words.map((w) => w.raw).join(' ')
    if (i < words.length) {
      result.push({ block, words: words.slice(i).map((w) => w.value), source, assigns })
      continue
    }
    const substitution = words.map((w) => /^[A-Za-z_]\w*=\$\((.*)\)$/s.exec(w.raw)?.[1]).find((inner) => inner !== undefined)
    if (substitution === undefined) {
      result.push({ block, words: [], source, assigns })
      continue
    }
    for (const inner of tokenize(substitution)) result.push({ block, words: inner.map((w) => w.value), source, assigns })
  }
  return result
}

/** Variables a shell text reads (`$X`, `${X}`), outside single quotes. */
export function variablesRead(text: string): string[] {
  const outsideSingleQuotes = text.replace(/'[^']*'/g, "''")
  return [...new Set([...outsideSingleQuotes.matchAll(/\$\{?([A-Za-z_]\w*)/g)].map((m) => m[1]!))]
}
