// The probe's settings, from environment variables read by this script only (never by the action).
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'

export interface ProbeSettings {
  readonly tenantId: string
  readonly clientId: string
  /** Exactly one of the two credentials. */
  readonly clientSecret?: string
  /** PEM file holding the app's certificate and its private key. */
  readonly certificatePem?: string
  /** Origins, no trailing slash. */
  readonly graphUrl: string
  readonly authorityUrl: string
  /** Where the JSON and Markdown reports go. */
  readonly outDir: string
  /** Longest wait for a write to show in reads (read-after-write lag), in ms. */
  readonly lagLimitMs: number
}

export const USAGE = `npm run probe: what Microsoft Graph really does on the points graph-api.md marks UNCONFIRMED.
For maintainers with a TEST tenant (it creates and deletes a PKI of a random name there). Environment:
  PROBE_TENANT_ID          tenant GUID or domain (required)
  PROBE_CLIENT_ID          app registration (client) id with PublicKeyInfrastructure.ReadWrite.All (required)
  PROBE_CLIENT_SECRET      a client secret of that app, or
  PROBE_CERTIFICATE_PATH   a PEM file with that app's certificate and its private key
  PROBE_GRAPH_URL          default https://graph.microsoft.com
  PROBE_AUTHORITY_URL      default https://login.microsoftonline.com
  PROBE_OUT_DIR            default the current folder (probe-report-<time>.json and .md)
  PROBE_LAG_LIMIT_SECONDS  longest wait for a write to show in reads, default 60`

export function readSettings(env: NodeJS.ProcessEnv): ProbeSettings {
  const problems: string[] = []
  const need = (name: string): string => {
    const value = env[name]?.trim() ?? ''
    if (value === '') problems.push(`${name} is not set.`)
    return value
  }
  const tenantId = need('PROBE_TENANT_ID')
  const clientId = need('PROBE_CLIENT_ID')
  const clientSecret = env.PROBE_CLIENT_SECRET?.trim() || undefined
  const certificatePath = env.PROBE_CERTIFICATE_PATH?.trim() || undefined
  if ((clientSecret === undefined) === (certificatePath === undefined)) {
    problems.push('Set exactly one of PROBE_CLIENT_SECRET and PROBE_CERTIFICATE_PATH.')
  }
  if (certificatePath !== undefined && !existsSync(certificatePath))
    problems.push(`PROBE_CERTIFICATE_PATH: ${certificatePath} does not exist.`)
  const lag = Number(env.PROBE_LAG_LIMIT_SECONDS ?? '60')
  if (!Number.isFinite(lag) || lag <= 0) problems.push('PROBE_LAG_LIMIT_SECONDS must be a positive number of seconds.')
  if (problems.length > 0) throw new Error(`${problems.join('\n')}\n\n${USAGE}`)
  return {
    tenantId,
    clientId,
    ...(clientSecret !== undefined ? { clientSecret } : {}),
    ...(certificatePath !== undefined ? { certificatePem: readFileSync(certificatePath, 'utf8') } : {}),
    graphUrl: (env.PROBE_GRAPH_URL?.trim() || 'https://graph.microsoft.com').replace(/\/+$/, ''),
    authorityUrl: (env.PROBE_AUTHORITY_URL?.trim() || 'https://login.microsoftonline.com').replace(/\/+$/, ''),
    outDir: resolve(env.PROBE_OUT_DIR?.trim() || '.'),
    lagLimitMs: lag * 1000
  }
}
