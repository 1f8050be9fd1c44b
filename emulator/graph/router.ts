// Graph's front door: API version, access token, route, method, permission, JSON body and its
// schema, in the order the real service checks them; then the kind's handler.
import { GraphError, graphErrorReply } from '../errors.ts'
import { isObject, nowSeconds, type Claims } from '../jwt.ts'
import { isGraphAudience } from '../authority.ts'
import type { Call, EmulatorCore, Reply } from '../types.ts'
import type { Entity, GraphRequest } from './odata.ts'
import type { ApiVersion } from './schemas.ts'

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'
/** Which permission pair guards a route (graph-api.md §0). */
export type Permission = 'organization' | 'pki' | 'application'

export interface Operation {
  /** Logged as the request's `operation`, e.g. `pki.create`. */
  readonly name: string
  /** `$defs` name the body must satisfy (POST/PATCH); absent when the schemas have none. */
  readonly schema?: string
  readonly run: (req: GraphRequest) => Reply
}

export interface Route {
  /** Segments after the version; `{name}` matches any segment not starting with `$`. */
  readonly path: string
  readonly permission: Permission
  /** Absent from v1.0 (kind 3): a v1.0 call fails like Graph, on the unknown segment. */
  readonly betaOnly?: boolean
  readonly methods: Partial<Record<Method, Operation>>
}

const PERMISSION_PREFIX: Readonly<Record<Permission, string>> = {
  organization: 'Organization',
  pki: 'PublicKeyInfrastructure',
  application: 'AppCertTrustConfiguration'
}

export function graphHandler(core: EmulatorCore, routes: readonly Route[]): (call: Call) => Reply {
  return (call) => {
    try {
      return route(core, routes, call)
    } catch (error) {
      if (!(error instanceof GraphError)) throw error
      return graphErrorReply(call, error.status, error.code, error.message, error.headers)
    }
  }
}

function route(core: EmulatorCore, routes: readonly Route[], call: Call): Reply {
  const [version, ...segments] = call.url.pathname
    .split('/')
    .filter((s) => s !== '')
    .map(decodeURIComponent)
  if (version !== 'v1.0' && version !== 'beta') throw new GraphError(400, 'BadRequest', `Invalid version: '${version ?? ''}'.`)
  const available = routes.filter((r) => version === 'beta' || !r.betaOnly)
  let params: Record<string, string> | undefined
  const found = available.find((r) => (params = match(r.path, segments)) !== undefined)
  const operation = found?.methods[call.method as Method]
  if (operation) call.record.operation = operation.name
  const claims = authenticate(core, call)
  if (!found || !params) throw unknownSegment(available, segments)
  if (!operation) {
    throw new GraphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.', {
      allow: Object.keys(found.methods).join(', ')
    })
  }
  authorize(claims, found.permission, call.method === 'GET')
  const body = readBody(core, call, version, operation)
  return operation.run({ core, call, version, params, body, contextUrl: contextUrl(core, version, found.path, params) })
}

function match(pattern: string, segments: readonly string[]): Record<string, string> | undefined {
  const parts = pattern.split('/')
  if (parts.length !== segments.length) return undefined
  const params: Record<string, string> = {}
  for (const [i, part] of parts.entries()) {
    const segment = segments[i] ?? ''
    if (part.startsWith('{')) {
      if (segment.startsWith('$')) return undefined
      params[part.slice(1, -1)] = segment
    } else if (part !== segment) {
      return undefined
    }
  }
  return params
}

/** Graph names the first segment it could not resolve. */
function unknownSegment(routes: readonly Route[], segments: readonly string[]): GraphError {
  let known = 0
  for (const r of routes) {
    const parts = r.path.split('/')
    let i = 0
    while (
      i < segments.length &&
      i < parts.length &&
      (parts[i] === segments[i] || (parts[i]!.startsWith('{') && !segments[i]!.startsWith('$')))
    )
      i++
    known = Math.max(known, i)
  }
  const segment = segments[Math.min(known, segments.length - 1)] ?? ''
  return new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`)
}

/** The access token's claims; a 401 GraphError when it is missing or not good. */
export function authenticate(core: EmulatorCore, call: Call): Claims {
  const invalid = (message: string): GraphError =>
    new GraphError(401, 'InvalidAuthenticationToken', message, {
      'www-authenticate': `Bearer realm="", authorization_uri="${core.urls.authority}/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`
    })
  const header = call.headers.authorization
  if (header === undefined || header === '') throw invalid('Access token is empty.')
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
  if (token === undefined) throw invalid('Access token validation failure: the Authorization header is not a Bearer token.')
  const verified = core.entraKey.verify(token)
  if (!verified.ok)
    throw invalid(
      verified.reason === 'malformed' ? 'IDX14100: JWT is not well formed.' : 'Access token validation failure. Invalid signature.'
    )
  const { exp, nbf, aud, tid } = verified.claims
  const now = nowSeconds()
  if (typeof exp !== 'number' || exp <= now) throw invalid('Lifetime validation failed, the token is expired.')
  if (typeof nbf === 'number' && nbf > now + 300) throw invalid('Lifetime validation failed, the token is not yet valid.')
  if (!isGraphAudience(core, aud)) throw invalid('Access token validation failure. Invalid audience.')
  if (tid !== core.tenantId) throw invalid('Access token validation failure. Invalid issuer (tenant).')
  return verified.claims
}

function authorize(claims: Claims, permission: Permission, read: boolean): void {
  const prefix = PERMISSION_PREFIX[permission]
  const accepted = read ? [`${prefix}.Read.All`, `${prefix}.ReadWrite.All`] : [`${prefix}.ReadWrite.All`]
  const roles = Array.isArray(claims['roles']) ? claims['roles'] : []
  if (!roles.some((r) => accepted.includes(String(r)))) {
    throw new GraphError(
      403,
      'Authorization_RequestDenied',
      `Insufficient privileges to complete the operation. Requires one of: ${accepted.join(', ')}.`
    )
  }
}

/** The JSON body of a POST/PATCH, checked against the operation's schema; the outcome is logged. */
function readBody(core: EmulatorCore, call: Call, version: ApiVersion, operation: Operation): Entity {
  const { record } = call
  const hasBody = call.rawBody.length > 0 || call.json !== undefined
  if (call.method === 'GET' || call.method === 'DELETE') {
    if (hasBody) Object.assign(record, { schema: null, schemaValid: false })
    return {}
  }
  record.schema = operation.schema ?? null
  if (!hasBody) throw new GraphError(400, 'BadRequest', 'Empty Payload. JSON content expected.')
  const contentType = call.headers['content-type']
  if (contentType === undefined) throw new GraphError(400, 'BadRequest', 'Content-Type header value missing.')
  if (!/^application\/json\b/i.test(contentType))
    throw new GraphError(415, 'UnsupportedMediaType', `Content-Type '${contentType}' is not supported; send application/json.`)
  let body: unknown
  try {
    body = call.json !== undefined ? call.json : JSON.parse(call.rawBody.toString('utf8'))
  } catch {
    record.schemaValid = false
    throw new GraphError(
      400,
      'BadRequest',
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.'
    )
  }
  if (operation.schema === undefined || !core.schemas.has(version, operation.schema)) {
    record.schemaValid = false
    return isObject(body) ? body : {}
  }
  const result = core.schemas.validate(version, operation.schema, body)
  record.schemaValid = result.valid
  if (!result.valid) throw new GraphError(400, 'Request_BadRequest', `Invalid request body (${operation.schema}): ${result.message}`)
  return body as Entity
}

/** `…/$metadata#directory/x/y('id')/z` for the collection the route addresses (its last `{id}` dropped). */
function contextUrl(core: EmulatorCore, version: ApiVersion, pattern: string, params: Readonly<Record<string, string>>): string {
  const parts = pattern.split('/')
  if (parts.at(-1)?.startsWith('{')) parts.pop()
  const path = parts
    .map((p) => (p.startsWith('{') ? `('${params[p.slice(1, -1)] ?? ''}')` : `/${p}`))
    .join('')
    .slice(1)
  return `${core.urls.graph}/${version}/$metadata#${path}`
}
