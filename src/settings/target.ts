// Inputs that say which configuration to write and how: the kind, its API version, name and
// description, the mode, and the options that apply to one kind only (warned about elsewhere).
import { Inputs } from '../constants.ts'
import type { ApiVersion, Kind, Mode, Settings } from '../settings-types.ts'
import type { InputParser } from './input-parser.ts'

export type TargetSettings = Pick<Settings, 'apiVersion' | 'displayName' | 'description' | 'mode' | 'allowRecreate' | 'issuerHints'>

export const KINDS: readonly Kind[] = ['organization', 'pki', 'application']
const MODES: readonly Mode[] = ['sync', 'replace']
const API_VERSIONS: readonly ApiVersion[] = ['v1.0', 'beta']

/** `kind` is read first, by the caller: every other input of this group depends on it. */
export function parseTarget(p: InputParser, kind: Kind | undefined): TargetSettings {
  const defaultVersion: ApiVersion = kind === 'application' ? 'beta' : 'v1.0'
  const apiVersion = p.oneOf(Inputs.apiVersion, API_VERSIONS, defaultVersion) ?? defaultVersion
  if (kind === 'application' && apiVersion !== 'beta') {
    p.errors.push(
      `Input \`${Inputs.apiVersion}\` is "${apiVersion}", but \`kind: application\` exists in Graph beta only; set \`api-version: beta\` or leave it empty.`
    )
  }
  const displayName = parseDisplayName(p, kind)
  const description = p.read(Inputs.description)
  if (description !== '' && kind !== 'application') {
    p.warnings.push(`Input \`${Inputs.description}\` applies to \`kind: application\` only; it is ignored.`)
  }

  const mode = p.oneOf(Inputs.mode, MODES, 'sync') ?? 'sync'
  const allowRecreate = p.bool(Inputs.allowRecreate, false)
  if (allowRecreate && kind !== undefined && kind !== 'organization') {
    p.warnings.push(
      `Input \`${Inputs.allowRecreate}\` applies to \`kind: organization\` only; ${kind} configurations are updated in place.`
    )
  }
  const issuerHints = p.bool(Inputs.issuerHints, false)
  if (issuerHints && kind !== undefined && kind !== 'pki') {
    p.warnings.push(`Input \`${Inputs.issuerHints}\` applies to \`kind: pki\` only; it is ignored.`)
  }
  return {
    apiVersion,
    ...(displayName !== '' && kind !== 'organization' ? { displayName } : {}),
    ...(description !== '' && kind === 'application' ? { description } : {}),
    mode,
    allowRecreate,
    issuerHints
  }
}

function parseDisplayName(p: InputParser, kind: Kind | undefined): string {
  const displayName = p.read(Inputs.displayName)
  if (kind === 'pki' || kind === 'application') {
    if (displayName === '') {
      p.errors.push(
        `Input \`${Inputs.displayName}\` is required for \`kind: ${kind}\`: it names the ${kind === 'pki' ? 'PKI' : 'application configuration'} to create or update.`
      )
    } else if (displayName.length > 256) {
      p.errors.push(`Input \`${Inputs.displayName}\` has ${displayName.length} characters; Graph accepts at most 256, so shorten it.`)
    }
  } else if (displayName !== '') {
    p.warnings.push(`Input \`${Inputs.displayName}\` is ignored for \`kind: ${kind ?? ''}\`: the tenant trust store has no name.`)
  }
  return displayName
}
