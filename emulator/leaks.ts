// Dev tool: the leak check runAction applies to every run of the action. Nothing a run leaves
// behind (log, outputs, summary, files in RUNNER_TEMP such as the trust-store backup) may hold a
// token or a private key's bytes. `::add-mask::` lines are exempt: they are how core.setSecret asks
// the runner to mask a value, and the runner never shows them.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

/** One text a run left behind, named for the report (`stdout`, `GITHUB_OUTPUT`, a file name). */
export interface LeakSource {
  readonly name: string
  readonly text: string
}

// A compact JWT: header and claims are JSON objects, so both start `eyJ` in base64url.
const JWT = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,}/
const PEM_PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY[A-Z0-9 ]*-----/
/** Secrets are also looked for piecewise, in slices this long, one every SLICE_STEP characters. */
const SLICE = 32
const SLICE_STEP = 16
/** Shorter registered values would match by chance; they are not secrets worth the name. */
const MIN_SECRET = 16

// Tokens of the emulators alive in this process (each test file runs in its own module registry).
const registry = new Map<readonly string[], string>()

/** Called by startEmulator: runs of the action are checked for these tokens and the OIDC request token. */
export function rememberIssuedTokens(tokens: readonly string[], requestToken: string): void {
  registry.set(tokens, requestToken)
}

export function forgetIssuedTokens(tokens: readonly string[]): void {
  registry.delete(tokens)
}

/** Every token issued by a live emulator of this process, and their OIDC request tokens. */
export function emulatorSecrets(): Record<string, readonly string[]> {
  return {
    'token issued by the emulator': [...registry.keys()].flat(),
    "emulator's ACTIONS_ID_TOKEN_REQUEST_TOKEN": [...registry.values()]
  }
}

/**
 * What of a private key file must never be shown: the DER of each key (a PEM file's PRIVATE KEY
 * blocks, or the whole file when DER) as base64 at each of the three byte alignments (so that it
 * is found inside a longer base64 text too) and as hex.
 */
export function keyMaterial(file: Buffer): string[] {
  const text = file.toString('latin1')
  const blocks = [...text.matchAll(/-----BEGIN [A-Z0-9 ]*PRIVATE KEY[A-Z0-9 ]*-----([\s\S]*?)-----END/g)]
  const ders =
    blocks.length > 0
      ? blocks.map((block) => Buffer.from((block[1] ?? '').replace(/^[\w-]+:.*$/gm, '').replace(/\s+/g, ''), 'base64'))
      : [file]
  return ders.flatMap((der) => [
    der.toString('base64'),
    der.subarray(1).toString('base64'),
    der.subarray(2).toString('base64'),
    der.toString('hex'),
    der.toString('hex').toUpperCase()
  ])
}

/** The texts of every regular file under `dir`, named by their path relative to it. */
export function filesUnder(dir: string, names: Readonly<Record<string, string>> = {}): LeakSource[] {
  const sources: LeakSource[] = []
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.isFile() && statSync(path).size <= 64 * 1024 * 1024) {
        const name = relative(dir, path)
        sources.push({ name: names[name] ?? name, text: readFileSync(path, 'latin1') })
      }
    }
  }
  walk(dir)
  return sources
}

/**
 * Each leak found, as `<source> line <n>: <what>` (never the secret itself): any JWT, any PEM
 * private key, and any secret whole or by a 32-character slice. `secrets` groups them by kind
 * (`{ 'registered secret': [...] }` reports `registered secret 2`). Values shorter than 16
 * characters are ignored.
 */
export function findLeaks(sources: readonly LeakSource[], secrets: Readonly<Record<string, readonly string[]>>): string[] {
  const { slices, short } = indexSecrets(secrets)
  const leaks: string[] = []
  for (const source of sources) {
    source.text.split('\n').forEach((line, i) => {
      if (line.startsWith('::add-mask::')) return
      const where = `${source.name} line ${i + 1}`
      if (JWT.test(line)) leaks.push(`${where}: a JWT`)
      if (PEM_PRIVATE_KEY.test(line)) leaks.push(`${where}: a PEM private key`)
      // Every window of the line against the slices' index: linear in the text, whatever the number of secrets.
      let slice: Slice | undefined
      for (let at = 0; slice === undefined && at + SLICE <= line.length; at += 1) slice = slices.get(line.slice(at, at + SLICE))
      const secret = slice ?? short.find((candidate) => line.includes(candidate.value))
      if (secret === undefined) return
      leaks.push(
        `${where}: ${
          line.includes(secret.value) || slice === undefined
            ? `${secret.name} (whole)`
            : `${SLICE} characters of ${secret.name} (from offset ${slice.offset})`
        }`
      )
    })
  }
  return leaks
}

interface Secret {
  readonly name: string
  readonly value: string
}

interface Slice extends Secret {
  readonly offset: number
}

/** Slices of every secret of 32 characters or more, by text; shorter ones are looked for whole. */
function indexSecrets(secrets: Readonly<Record<string, readonly string[]>>): { slices: Map<string, Slice>; short: Secret[] } {
  const slices = new Map<string, Slice>()
  const short: Secret[] = []
  for (const [kind, values] of Object.entries(secrets)) {
    values.forEach((value, n) => {
      const name = `${kind} ${n + 1}`
      if (value.trim().length < MIN_SECRET) return
      if (value.length < SLICE) short.push({ name, value })
      for (let offset = 0; offset + SLICE <= value.length; offset += SLICE_STEP) {
        const text = value.slice(offset, offset + SLICE)
        if (!slices.has(text)) slices.set(text, { name, value, offset })
      }
    })
  }
  return { slices, short }
}
