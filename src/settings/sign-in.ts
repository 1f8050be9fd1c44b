// Inputs of the sign-in: credentials, dry-run, cloud and its endpoints. Without credentials a
// dry-run plans offline; anything else needs both ids.
import { CLOUDS, type Cloud } from '../clouds.ts'
import { Inputs } from '../constants.ts'
import type { Settings } from '../settings-types.ts'
import type { InputParser } from './input-parser.ts'

export type SignInSettings = Pick<Settings, 'credentials' | 'cloud' | 'graphUrl' | 'authorityUrl' | 'audience' | 'dryRun'>

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i

export function parseSignIn(p: InputParser): SignInSettings {
  const dryRun = p.bool(Inputs.dryRun, false)
  const tenantId = p.read(Inputs.tenantId)
  const clientId = p.read(Inputs.clientId)
  if (tenantId !== '' && !GUID.test(tenantId) && !DOMAIN.test(tenantId)) {
    p.errors.push(
      `Input \`${Inputs.tenantId}\` is "${tenantId}"; give the tenant (directory) id as a GUID, or one of its domain names such as contoso.onmicrosoft.com.`
    )
  }
  if (clientId !== '' && !GUID.test(clientId)) {
    p.errors.push(`Input \`${Inputs.clientId}\` is "${clientId}"; give the application (client) id of the app registration, a GUID.`)
  }
  if (!dryRun || tenantId !== '' || clientId !== '') {
    for (const [name, value] of [
      [Inputs.tenantId, tenantId],
      [Inputs.clientId, clientId]
    ] as const) {
      if (value === '') {
        p.errors.push(
          dryRun
            ? `Input \`${name}\` is missing while the other credential input is set; give both \`tenant-id\` and \`client-id\` to read the tenant, or neither for an offline dry-run.`
            : `Input \`${name}\` is required to publish; give it, or set \`dry-run: true\` to plan without signing in.`
        )
      }
    }
  }

  const cloud: Cloud = p.oneOf(Inputs.cloud, Object.keys(CLOUDS) as Cloud[], 'global') ?? 'global'
  const endpoints = CLOUDS[cloud]
  return {
    ...(tenantId !== '' && clientId !== '' ? { credentials: { tenantId, clientId } } : {}),
    cloud,
    graphUrl: p.origin(Inputs.graphUrl, endpoints.graphUrl),
    authorityUrl: p.origin(Inputs.authorityUrl, endpoints.authorityUrl),
    audience: p.read(Inputs.audience) || endpoints.audience,
    dryRun
  }
}
