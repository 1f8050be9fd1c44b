// The workflow's GitHub OIDC token: the credential the action signs in to Entra with. Fetched by
// our own client rather than @actions/core's getIDToken, so that it goes through the same
// dispatcher (proxy rules, timeouts) and retries as every other request.
import { UserError } from '../errors.ts'
import type { HttpClient } from '../http/client.ts'
import { stringProp } from '../http/tolerant.ts'
import type { Logger } from '../http/types.ts'
import { claimText, decodeJwtClaims } from './jwt.ts'

export interface OidcRequest {
  readonly requestUrl: string
  readonly requestToken: string
}

export interface OidcDeps {
  /** core.setSecret: masks the value in every later log line. */
  readonly setSecret: (secret: string) => void
  readonly logger: Logger
}

const SERVICE = 'GitHub OIDC token endpoint'

/** The runner's OIDC request URL and token; a user error naming the fix when either is missing. */
export function checkOidcAvailable(env: NodeJS.ProcessEnv): OidcRequest {
  const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL ?? ''
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? ''
  if (requestUrl === '' || requestToken === '') {
    throw new UserError(
      'No GitHub OIDC token is available to this job (ACTIONS_ID_TOKEN_REQUEST_URL / ' +
        'ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set). Grant it to the job with `permissions: id-token: write` ' +
        '(in the workflow or the job). Pull requests from forks and Dependabot runs get no token at all; ' +
        'for them, run with `dry-run: true` and without `tenant-id` / `client-id`, which needs no credentials.'
    )
  }
  return { requestUrl, requestToken }
}

/** The URL with `audience` added: the runner's URL already has a query (`?api-version=...`). */
export function idTokenUrl(requestUrl: string, audience: string): string {
  const separator = requestUrl.includes('?') ? '&' : '?'
  return `${requestUrl}${separator}audience=${encodeURIComponent(audience)}`
}

/**
 * A fresh GitHub ID token for `audience`, masked before anything else happens to it. Logs its
 * issuer, subject and audience (what a federated credential must match), never the token.
 */
export async function fetchGitHubIdToken(http: HttpClient, env: NodeJS.ProcessEnv, audience: string, deps: OidcDeps): Promise<string> {
  const { requestUrl, requestToken } = checkOidcAvailable(env)
  deps.setSecret(requestToken)
  const response = await http.request({
    method: 'GET',
    url: idTokenUrl(requestUrl, audience),
    token: requestToken,
    service: SERVICE,
    // The endpoint is known to fail now and then; a GET is safe to repeat.
    extraRetryStatuses: [500, 502],
    permissionHint: 'The runner refused the OIDC request: the job needs `permissions: id-token: write`.'
  })
  const token = stringProp(response.body, 'value')
  if (token === undefined || token === '') {
    throw new UserError(
      `${SERVICE}: the response (HTTP ${response.status}) holds no token in \`value\` ` +
        `(client-request-id: ${response.clientRequestId}).`
    )
  }
  deps.setSecret(token)
  const claims = decodeJwtClaims(token)
  deps.logger.info(`GitHub OIDC token: iss=${claimText(claims, 'iss')}, sub=${claimText(claims, 'sub')}, aud=${claimText(claims, 'aud')}`)
  return token
}
