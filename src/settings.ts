// The one place that reads action inputs: turns them into one typed, validated Settings object.
// Every bad value is reported together, each naming the input and what it accepts.
import { CLOUDS, type Cloud } from './clouds.ts'
import { Inputs } from './constants.ts'
import { UserError } from './errors.ts'
import type { ApiVersion, CrlOverride, Kind, Mode, Settings } from './settings-types.ts'

export type { Settings } from './settings-types.ts'

/** Reads one raw input; `''` when unset (the runner's convention). */
export type InputReader = (name: string) => string

/** Reads inputs the way the runner passes them: INPUT_<NAME> with spaces as `_`, hyphens kept. */
export function envInputReader(env: NodeJS.ProcessEnv): InputReader {
  return (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

export interface ParsedSettings {
  readonly settings: Settings
  /** Inputs that were given but do not apply; the caller shows them as warnings. */
  readonly warnings: readonly string[]
}

const KINDS: readonly Kind[] = ['organization', 'pki', 'application']
const MODES: readonly Mode[] = ['sync', 'replace']
const API_VERSIONS: readonly ApiVersion[] = ['v1.0', 'beta']
// What core.getBooleanInput accepts (YAML 1.2 core schema booleans).
const TRUE_VALUES = ['true', 'True', 'TRUE']
const FALSE_VALUES = ['false', 'False', 'FALSE']
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SPACED_THUMBPRINT = /^((?:[0-9a-f]{2}\s+){19}[0-9a-f]{2})(?:\s+(.*))?$/i
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i

export function parseSettings(read: InputReader, env: NodeJS.ProcessEnv): ParsedSettings {
  const errors: string[] = []
  const warnings: string[] = []
  const oneOf = <T extends string>(name: string, values: readonly T[], fallback?: T): T | undefined => {
    const raw = read(name)
    if (raw === '' && fallback !== undefined) return fallback
    if ((values as readonly string[]).includes(raw)) return raw as T
    errors.push(
      raw === ''
        ? `Input \`${name}\` is required; accepted values: ${values.join(', ')}.`
        : `Input \`${name}\` is "${raw}"; accepted values: ${values.join(', ')}.`
    )
    return undefined
  }
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = read(name)
    if (raw === '') return fallback
    if (TRUE_VALUES.includes(raw)) return true
    if (FALSE_VALUES.includes(raw)) return false
    errors.push(`Input \`${name}\` is "${raw}"; accepted values: true or false.`)
    return fallback
  }
  const url = (name: string, fallback: string): string => {
    const raw = read(name)
    if (raw === '') return fallback
    let parsed: URL
    try {
      parsed = new URL(raw)
    } catch {
      errors.push(`Input \`${name}\` is "${raw}", which is not a URL; give the https origin, e.g. ${fallback}.`)
      return fallback
    }
    if (parsed.username !== '' || parsed.password !== '') {
      // Security: the value holds a credential, so it is not echoed. The action signs in with OIDC only.
      errors.push(
        `Input \`${name}\` holds a user name or password; give only the https origin, e.g. ${fallback} ` +
          "(the action signs in with the workflow's OIDC token; replace a password that was committed)."
      )
      return fallback
    }
    if (parsed.protocol !== 'https:' || (parsed.pathname !== '/' && parsed.pathname !== '') || parsed.search !== '') {
      errors.push(
        `Input \`${name}\` is "${raw}"; give only the https origin, e.g. ${fallback}` +
          (name === Inputs.graphUrl ? ' (the API version comes from `api-version`).' : ' (the tenant comes from `tenant-id`).')
      )
      return fallback
    }
    return parsed.origin
  }

  const kind = oneOf(Inputs.kind, KINDS)
  const certificates = read(Inputs.certificates)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
  if (certificates.length === 0) {
    errors.push(`Input \`${Inputs.certificates}\` is required: one path or glob pattern a line, relative to GITHUB_WORKSPACE.`)
  }
  const dryRun = bool(Inputs.dryRun, false)
  const tenantId = read(Inputs.tenantId)
  const clientId = read(Inputs.clientId)
  if (tenantId !== '' && !GUID.test(tenantId) && !DOMAIN.test(tenantId)) {
    errors.push(
      `Input \`${Inputs.tenantId}\` is "${tenantId}"; give the tenant (directory) id as a GUID, or one of its domain names such as contoso.onmicrosoft.com.`
    )
  }
  if (clientId !== '' && !GUID.test(clientId)) {
    errors.push(`Input \`${Inputs.clientId}\` is "${clientId}"; give the application (client) id of the app registration, a GUID.`)
  }
  if (!dryRun || tenantId !== '' || clientId !== '') {
    for (const [name, value] of [
      [Inputs.tenantId, tenantId],
      [Inputs.clientId, clientId]
    ] as const) {
      if (value === '') {
        errors.push(
          dryRun
            ? `Input \`${name}\` is missing while the other credential input is set; give both \`tenant-id\` and \`client-id\` to read the tenant, or neither for an offline dry-run.`
            : `Input \`${name}\` is required to publish; give it, or set \`dry-run: true\` to plan without signing in.`
        )
      }
    }
  }

  const cloud: Cloud = oneOf(Inputs.cloud, Object.keys(CLOUDS) as Cloud[], 'global') ?? 'global'
  const endpoints = CLOUDS[cloud]
  const graphUrl = url(Inputs.graphUrl, endpoints.graphUrl)
  const authorityUrl = url(Inputs.authorityUrl, endpoints.authorityUrl)
  const audience = read(Inputs.audience) || endpoints.audience

  const defaultVersion: ApiVersion = kind === 'application' ? 'beta' : 'v1.0'
  const apiVersion = oneOf(Inputs.apiVersion, API_VERSIONS, defaultVersion) ?? defaultVersion
  if (kind === 'application' && apiVersion !== 'beta') {
    errors.push(
      `Input \`${Inputs.apiVersion}\` is "${apiVersion}", but \`kind: application\` exists in Graph beta only; set \`api-version: beta\` or leave it empty.`
    )
  }

  const displayName = read(Inputs.displayName)
  if (kind === 'pki' || kind === 'application') {
    if (displayName === '') {
      errors.push(
        `Input \`${Inputs.displayName}\` is required for \`kind: ${kind}\`: it names the ${kind === 'pki' ? 'PKI' : 'application configuration'} to create or update.`
      )
    } else if (displayName.length > 256) {
      errors.push(`Input \`${Inputs.displayName}\` has ${displayName.length} characters; Graph accepts at most 256, so shorten it.`)
    }
  } else if (displayName !== '') {
    warnings.push(`Input \`${Inputs.displayName}\` is ignored for \`kind: ${kind ?? ''}\`: the tenant trust store has no name.`)
  }
  const description = read(Inputs.description)
  if (description !== '' && kind !== 'application') {
    warnings.push(`Input \`${Inputs.description}\` applies to \`kind: application\` only; it is ignored.`)
  }

  const mode = oneOf(Inputs.mode, MODES, 'sync') ?? 'sync'
  const allowRecreate = bool(Inputs.allowRecreate, false)
  if (allowRecreate && kind !== undefined && kind !== 'organization') {
    warnings.push(`Input \`${Inputs.allowRecreate}\` applies to \`kind: organization\` only; ${kind} configurations are updated in place.`)
  }
  const issuerHints = bool(Inputs.issuerHints, false)
  if (issuerHints && kind !== undefined && kind !== 'pki') {
    warnings.push(`Input \`${Inputs.issuerHints}\` applies to \`kind: pki\` only; it is ignored.`)
  }
  const crlOverrides = parseCrlUrls(read(Inputs.crlUrls), errors)

  const rawDays = read(Inputs.minValidityDays)
  let minValidityDays = 30
  if (rawDays !== '') {
    if (/^\d{1,5}$/.test(rawDays)) minValidityDays = Number(rawDays)
    else errors.push(`Input \`${Inputs.minValidityDays}\` is "${rawDays}"; give a whole number of days, 0 or more.`)
  }
  const strict = bool(Inputs.strict, false)

  if (errors.length > 0 || kind === undefined) {
    throw new UserError(errors.length === 1 ? errors[0]! : `The inputs have ${errors.length} problems:\n- ${errors.join('\n- ')}`)
  }
  const settings: Settings = {
    kind,
    certificates,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    ...(tenantId !== '' && clientId !== '' ? { credentials: { tenantId, clientId } } : {}),
    cloud,
    graphUrl,
    authorityUrl,
    audience,
    apiVersion,
    ...(displayName !== '' && kind !== 'organization' ? { displayName } : {}),
    ...(description !== '' && kind === 'application' ? { description } : {}),
    mode,
    allowRecreate,
    crlOverrides,
    issuerHints,
    minValidityDays,
    strict,
    dryRun
  }
  return { settings, warnings }
}

/**
 * `crl-urls`: `<SHA-1 thumbprint> <CRL URL> [<delta CRL URL>]` a line. Only the shape is checked
 * here; what the values mean (a thumbprint of a given CA, http(s) URLs) is checked with the
 * certificates, in certificates/crl.ts.
 */
function parseCrlUrls(raw: string, errors: string[]): CrlOverride[] {
  const overrides: CrlOverride[] = []
  raw.split('\n').forEach((text, i) => {
    const line = text.trim()
    if (line === '' || line.startsWith('#')) return
    // Windows shows a thumbprint as 20 hex pairs separated by spaces ("a9 09 50 ..."); take it as one field.
    const spaced = SPACED_THUMBPRINT.exec(line)
    const fields =
      spaced === null ? line.split(/\s+/) : [spaced[1]!.replace(/\s+/g, ''), ...(spaced[2] ?? '').split(/\s+/).filter((f) => f !== '')]
    const [thumbprint = '', crlUrl = '', deltaCrlUrl] = fields
    if (fields.length < 2 || fields.length > 3) {
      errors.push(
        `Input \`${Inputs.crlUrls}\` line ${i + 1} has ${fields.length} field(s); write \`<SHA-1 thumbprint> <CRL URL> [<delta CRL URL>]\`.`
      )
      return
    }
    overrides.push({ thumbprint, crlUrl, ...(deltaCrlUrl !== undefined ? { deltaCrlUrl } : {}) })
  })
  return overrides
}
