// The one place that reads action inputs: turns them into one typed, validated Settings object.
// Each group of inputs has its own small parser (settings/); every bad value is reported
// together, each naming the input and what it accepts.
import { Inputs } from './constants.ts'
import { UserError } from './errors.ts'
import { parseCertificateInputs } from './settings/certificates.ts'
import { parseCrlCheck } from './settings/crl-check.ts'
import { InputParser, type InputReader } from './settings/input-parser.ts'
import { parseSignIn } from './settings/sign-in.ts'
import { parseReview } from './settings/review.ts'
import { KINDS, parseTarget } from './settings/target.ts'
import type { Settings } from './settings-types.ts'

export type { Settings } from './settings-types.ts'
export { envInputReader, type InputReader } from './settings/input-parser.ts'

export interface ParsedSettings {
  readonly settings: Settings
  /** Inputs that were given but do not apply; the caller shows them as warnings. */
  readonly warnings: readonly string[]
}

export function parseSettings(read: InputReader, env: NodeJS.ProcessEnv): ParsedSettings {
  const p = new InputParser(read)
  const kind = p.oneOf(Inputs.kind, KINDS)
  const certificates = parseCertificateInputs(p)
  const signIn = parseSignIn(p)
  const target = parseTarget(p, kind)
  const review = parseReview(p, signIn)
  const crlCheck = parseCrlCheck(p, signIn.credentials !== undefined)
  if (p.errors.length > 0 || kind === undefined) {
    const { errors } = p
    throw new UserError(errors.length === 1 ? errors[0]! : `The inputs have ${errors.length} problems:\n- ${errors.join('\n- ')}`)
  }
  const settings: Settings = {
    kind,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    ...certificates,
    ...signIn,
    ...target,
    ...review,
    ...crlCheck
  }
  return { settings, warnings: p.warnings }
}
