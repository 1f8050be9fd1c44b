// Entra's token endpoint for the client-credentials grant with a federated (GitHub OIDC) assertion,
// plus the metadata endpoints MSAL would fetch by itself. The action must give MSAL that metadata
// so it never calls them; they are served (and logged) so a test can prove they were not called.
import { randomUUID } from 'node:crypto'
import { aadErrorReply } from './errors.ts'
import { nowSeconds, type Claims } from './jwt.ts'
import { appCredential } from './app-credentials.ts'
import type { Call, EmulatorCore, Reply } from './types.ts'

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access'])
const GRAPH_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', 'graph.test'])
/** The object id of the app's service principal in the emulated tenant. */
const SERVICE_PRINCIPAL_ID = randomUUID()

export function handleAuthority(core: EmulatorCore, call: Call): Reply {
  const [tenant, ...rest] = call.url.pathname.split('/').filter((s) => s !== '')
  const route = rest.join('/')
  if (tenant === 'common' && route === 'discovery/instance' && call.method === 'GET') {
    call.record.operation = 'instance-discovery'
    return instanceDiscovery(core, call)
  }
  if (tenant !== undefined && route === 'v2.0/.well-known/openid-configuration' && call.method === 'GET') {
    call.record.operation = 'openid-configuration'
    return resolveTenant(core, tenant) ? { status: 200, body: openIdConfiguration(core) } : tenantNotFound(call, tenant)
  }
  if (tenant !== undefined && route === 'discovery/v2.0/keys' && call.method === 'GET') {
    call.record.operation = 'jwks'
    return { status: 200, body: { keys: [core.entraKey.jwk()] } }
  }
  if (tenant !== undefined && route === 'oauth2/v2.0/token' && call.method === 'POST') {
    call.record.operation = 'token'
    return token(core, call, tenant)
  }
  call.record.operation = 'authority.unknown'
  return { status: 404, body: { error: 'not_found', error_description: `No such endpoint: ${call.method} ${call.url.pathname}` } }
}

function token(core: EmulatorCore, call: Call, tenant: string): Reply {
  const fail = (status: number, error: string, code: number, text: string): Reply => aadErrorReply(call, status, error, code, text)
  if (!resolveTenant(core, tenant)) return tenantNotFound(call, tenant)
  const form = new URLSearchParams(call.rawBody.toString('utf8'))
  const field = (name: string): string => form.get(name) ?? ''
  const missing = (name: string): Reply =>
    fail(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`)

  if (field('grant_type') === '') return missing('grant_type')
  if (field('grant_type') !== 'client_credentials') {
    return fail(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${field('grant_type')}'.`)
  }
  if (field('client_id') === '') return missing('client_id')
  if (field('client_id').toLowerCase() !== core.clientId.toLowerCase()) {
    return fail(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${field('client_id')}' was not found in the directory '${tenant}'. ` +
        'This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. ' +
        'You may have sent your authentication request to the wrong tenant.'
    )
  }
  if (field('scope') === '') return missing('scope')
  const resource = graphResource(core, field('scope'))
  if (typeof resource !== 'string') return fail(400, resource.error, resource.code, resource.text)
  const app = appCredential(core, form, `${core.urls.authority}/${tenant}/oauth2/v2.0/token`)
  if (app !== null && !app.ok) return fail(401, 'invalid_client', 7000215, app.text)
  if (app?.ok === true) {
    const lifetime = core.config.accessTokenLifetimeSeconds
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        expires_in: lifetime,
        ext_expires_in: lifetime,
        access_token: issueAccessToken(core, { aud: resource })
      }
    }
  }
  if (field('client_secret') !== '') {
    return fail(
      401,
      'invalid_client',
      7000215,
      'Invalid client secret provided. This application only has a federated identity credential.'
    )
  }
  if (field('client_assertion') === '') {
    return fail(
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."
    )
  }
  if (field('client_assertion_type') !== JWT_BEARER) {
    return fail(
      400,
      'invalid_request',
      50027,
      `Invalid client_assertion_type '${field('client_assertion_type')}'; expected '${JWT_BEARER}'.`
    )
  }

  const verified = core.githubKey.verify(field('client_assertion'))
  const claims: Claims = verified.ok ? verified.claims : (verified.claims ?? {})
  call.record.tokenClaims = { iss: claims['iss'], sub: claims['sub'], aud: claims['aud'] }
  if (!verified.ok && verified.reason === 'malformed') return fail(401, 'invalid_client', 50027, 'JWT token is invalid or malformed.')
  if (!verified.ok) return fail(401, 'invalid_client', 700027, 'Client assertion failed signature validation.')
  const { iss, sub, aud, exp, nbf } = claims
  const now = nowSeconds()
  if (iss !== core.config.federatedIssuer) {
    return fail(
      400,
      'invalid_request',
      700211,
      `No matching federated identity record found for presented assertion issuer '${String(iss)}'. ` +
        'Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.'
    )
  }
  if (typeof exp !== 'number' || exp <= now || (typeof nbf === 'number' && nbf > now)) {
    const at = (s: unknown): string => (typeof s === 'number' ? new Date(s * 1000).toISOString() : 'unknown')
    return fail(
      401,
      'invalid_client',
      700024,
      `Client assertion is not within its valid time range. Current time: ${at(now)}, ` +
        `assertion valid from ${at(nbf)}, expiry time of assertion ${at(exp)}. ` +
        'Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .'
    )
  }
  const audiences = Array.isArray(aud) ? aud : [aud]
  if (sub !== core.config.federatedSubject || !audiences.includes(core.config.expectedAudience)) {
    return fail(
      400,
      'invalid_request',
      70021,
      `No matching federated identity record found for presented assertion subject '${String(sub)}'. ` +
        `Check your federated identity credential Subject, Audience and Issuer against the presented assertion. Assertion Issuer: '${String(iss)}'. ` +
        `Assertion Subject: '${String(sub)}'. Assertion Audience: '${audiences.map(String).join(', ')}'.`
    )
  }
  const lifetime = core.config.accessTokenLifetimeSeconds
  return {
    status: 200,
    body: { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: issueAccessToken(core, { aud: resource }) }
  }
}

/** An app-only access token for Graph signed with the emulator's Entra key; `overrides` replace any claim. */
export function issueAccessToken(core: EmulatorCore, overrides: Claims = {}): string {
  const now = nowSeconds()
  const issuer = `https://sts.windows.net/${core.tenantId}/`
  const token = core.entraKey.sign({
    aud: core.urls.graph,
    iss: issuer,
    iat: now,
    nbf: now - 5,
    exp: now + core.config.accessTokenLifetimeSeconds,
    aio: randomUUID(),
    app_displayname: 'entra-ca-chain-action',
    appid: core.clientId,
    appidacr: '2',
    idp: issuer,
    idtyp: 'app',
    oid: SERVICE_PRINCIPAL_ID,
    roles: [...core.config.roles],
    sub: SERVICE_PRINCIPAL_ID,
    tid: core.tenantId,
    uti: randomUUID(),
    ver: '1.0',
    ...overrides
  })
  core.issuedTokens?.push(token)
  return token
}

/** Verdicts of isGraphAudience by Graph origin and value: every batch item asks again for the same `aud`. */
const audienceVerdicts = new Map<string, boolean>()

/** True when `value` names the emulated Graph: any loopback name for its port (scope and `aud`). */
export function isGraphAudience(core: EmulatorCore, value: unknown): boolean {
  if (typeof value !== 'string') return false
  const key = `${core.urls.graph} ${value}`
  let verdict = audienceVerdicts.get(key)
  if (verdict === undefined) {
    if (audienceVerdicts.size >= 256) audienceVerdicts.clear()
    verdict = namesGraph(core, value)
    audienceVerdicts.set(key, verdict)
  }
  return verdict
}

function namesGraph(core: EmulatorCore, value: string): boolean {
  try {
    const url = new URL(value)
    return (
      url.protocol === 'https:' &&
      GRAPH_HOSTS.has(url.hostname) &&
      url.port === new URL(core.urls.graph).port &&
      (url.pathname === '/' || url.pathname === '') &&
      url.search === ''
    )
  } catch {
    return false
  }
}

type ScopeError = { error: string; code: number; text: string }

/** The Graph resource a client-credentials `scope` asks for (`<graph>/.default`), or why it is refused. */
function graphResource(core: EmulatorCore, scope: string): string | ScopeError {
  const scopes = scope.split(/\s+/).filter((s) => s !== '' && !OIDC_SCOPES.has(s))
  const only = scopes.length === 1 ? scopes[0]! : undefined
  if (only === undefined || !only.endsWith('/.default')) {
    return {
      error: 'invalid_scope',
      code: 1002012,
      text:
        `The provided value for scope ${scope} is not valid. ` +
        'Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).'
    }
  }
  const resource = only.slice(0, -'/.default'.length)
  if (!isGraphAudience(core, resource)) {
    return {
      error: 'invalid_resource',
      code: 500011,
      text:
        `The resource principal named ${resource} was not found in the tenant named ${core.tenantId}. ` +
        'This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.'
    }
  }
  return resource
}

function resolveTenant(core: EmulatorCore, segment: string): boolean {
  const lower = segment.toLowerCase()
  return lower === core.tenantId.toLowerCase() || core.config.domains.some((d) => d.toLowerCase() === lower)
}

function tenantNotFound(call: Call, tenant: string): Reply {
  return aadErrorReply(
    call,
    400,
    'invalid_request',
    90002,
    `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID ` +
      'and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.'
  )
}

function openIdConfiguration(core: EmulatorCore): Record<string, unknown> {
  const base = `${core.urls.authority}/${core.tenantId}`
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256', 'ES256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${base}/v2.0`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    tenant_region_scope: 'WW',
    cloud_instance_name: new URL(core.urls.authority).host
  }
}

function instanceDiscovery(core: EmulatorCore, call: Call): Reply {
  const host = new URL(core.urls.authority).host
  const endpoint = call.url.searchParams.get('authorization_endpoint') ?? `${core.urls.authority}/common/oauth2/v2.0/authorize`
  const tenant = /^https:\/\/[^/]+\/([^/]+)\//.exec(endpoint)?.[1] ?? 'common'
  return {
    status: 200,
    body: {
      tenant_discovery_endpoint: `${core.urls.authority}/${tenant}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }]
    }
  }
}
