// The primitives every input group parses with: a raw reader, and checks that collect each bad
// value as a message naming the input and what it accepts, so that all are reported together.
import { Inputs } from '../constants.ts'

/** Reads one raw input; `''` when unset (the runner's convention). */
export type InputReader = (name: string) => string

/** Reads inputs the way the runner passes them: INPUT_<NAME> with spaces as `_`, hyphens kept. */
export function envInputReader(env: NodeJS.ProcessEnv): InputReader {
  return (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

// What core.getBooleanInput accepts (YAML 1.2 core schema booleans).
const TRUE_VALUES = ['true', 'True', 'TRUE']
const FALSE_VALUES = ['false', 'False', 'FALSE']

export class InputParser {
  /** Bad values; the run stops with all of them. */
  readonly errors: string[] = []
  /** Inputs that were given but do not apply; shown as warnings. */
  readonly warnings: string[] = []

  /** The raw value of an input; `''` when unset. */
  readonly read: InputReader

  constructor(read: InputReader) {
    this.read = read
  }

  /** One of `values`; empty gives `fallback`, or an error when there is none (a required input). */
  oneOf<T extends string>(name: string, values: readonly T[], fallback?: T): T | undefined {
    const raw = this.read(name)
    if (raw === '' && fallback !== undefined) return fallback
    if ((values as readonly string[]).includes(raw)) return raw as T
    this.errors.push(
      raw === ''
        ? `Input \`${name}\` is required; accepted values: ${values.join(', ')}.`
        : `Input \`${name}\` is "${raw}"; accepted values: ${values.join(', ')}.`
    )
    return undefined
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.read(name)
    if (raw === '') return fallback
    if (TRUE_VALUES.includes(raw)) return true
    if (FALSE_VALUES.includes(raw)) return false
    this.errors.push(`Input \`${name}\` is "${raw}"; accepted values: true or false.`)
    return fallback
  }

  /** The non-empty lines of a multi-line input, trimmed. */
  lines(name: string): string[] {
    return this.read(name)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
  }

  /** An https origin (no path, query or credentials); empty gives `fallback`. */
  origin(name: string, fallback: string): string {
    const raw = this.read(name)
    if (raw === '') return fallback
    let parsed: URL
    try {
      parsed = new URL(raw)
    } catch {
      this.errors.push(`Input \`${name}\` is "${raw}", which is not a URL; give the https origin, e.g. ${fallback}.`)
      return fallback
    }
    if (parsed.username !== '' || parsed.password !== '') {
      // Security: the value holds a credential, so it is not echoed. The action signs in with OIDC only.
      this.errors.push(
        `Input \`${name}\` holds a user name or password; give only the https origin, e.g. ${fallback} ` +
          "(the action signs in with the workflow's OIDC token; replace a password that was committed)."
      )
      return fallback
    }
    if (parsed.protocol !== 'https:' || (parsed.pathname !== '/' && parsed.pathname !== '') || parsed.search !== '') {
      this.errors.push(
        `Input \`${name}\` is "${raw}"; give only the https origin, e.g. ${fallback}` +
          (name === Inputs.graphUrl ? ' (the API version comes from `api-version`).' : ' (the tenant comes from `tenant-id`).')
      )
      return fallback
    }
    return parsed.origin
  }
}
