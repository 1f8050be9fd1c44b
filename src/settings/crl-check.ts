// `crl-check`: whether each CA's CRL is fetched and judged before anything is published, and
// whether a problem only warns or stops the run. `auto` warns when the run signs in (it is online
// anyway) and is off in an offline dry-run, which promises no network call at all.
import { Inputs } from '../constants.ts'
import type { CrlCheckMode, Settings } from '../settings-types.ts'
import type { InputParser } from './input-parser.ts'

export type CrlCheckSettings = Pick<Settings, 'crlCheck'>

const VALUES = ['auto', 'off', 'warn', 'error'] as const

export function parseCrlCheck(p: InputParser, signsIn: boolean): CrlCheckSettings {
  const value = p.oneOf(Inputs.crlCheck, VALUES, 'auto') ?? 'auto'
  const crlCheck: CrlCheckMode = value === 'auto' ? (signsIn ? 'warn' : 'off') : value
  return { crlCheck }
}
