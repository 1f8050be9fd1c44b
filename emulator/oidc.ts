// GitHub's OIDC token endpoint (what ACTIONS_ID_TOKEN_REQUEST_URL points at in a workflow run).
import { randomUUID } from 'node:crypto'
import { nowSeconds, type Claims } from './jwt.ts'
import type { Call, EmulatorCore, Reply } from './types.ts'

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'
export const ID_TOKEN_LIFETIME_SECONDS = 300

/** A path shaped like the runner's: `/{id}/{id}/_apis/distributedtask/hubs/Actions/plans/{plan}/jobs/{job}/idtoken`. */
export function idTokenPath(): string {
  return `/${randomUUID()}/00000000-0000-0000-0000-000000000000/_apis/distributedtask/hubs/Actions/plans/${randomUUID()}/jobs/${randomUUID()}/idtoken`
}

export function handleOidc(core: EmulatorCore, call: Call): Reply {
  call.record.operation = 'oidc.token'
  if (call.url.pathname !== new URL(core.urls.oidcRequestUrl).pathname) {
    call.record.operation = 'oidc.unknown'
    return { status: 404, body: { message: 'Not Found' } }
  }
  if (call.method !== 'GET') return { status: 405, body: { message: 'Method Not Allowed' } }
  if (call.headers.authorization !== `Bearer ${core.oidcRequestToken}`) {
    return { status: 401, body: { message: 'Unauthorized: a valid ACTIONS_ID_TOKEN_REQUEST_TOKEN bearer token is required.' } }
  }
  const audience = call.url.searchParams.get('audience')
  const token = issueIdToken(core, audience ? { aud: audience } : {})
  call.record.tokenClaims = { iss: GITHUB_ISSUER, sub: core.config.subject, aud: audience ?? defaultAudience(core.config.subject) }
  return { status: 200, body: { count: 1, value: token } }
}

/** A GitHub Actions ID token signed with the emulator's GitHub key; `overrides` replace any claim. */
export function issueIdToken(core: EmulatorCore, overrides: Claims = {}): string {
  const now = nowSeconds() + core.config.idTokenClockSkewSeconds
  const sub = core.config.subject
  const repository = /^repo:([^:]+)/.exec(sub)?.[1] ?? 'octo-org/octo-repo'
  const owner = repository.split('/')[0] ?? 'octo-org'
  const token = core.githubKey.sign({
    jti: randomUUID(),
    sub,
    aud: defaultAudience(sub),
    ref: /:ref:([^:]+)/.exec(sub)?.[1] ?? 'refs/heads/main',
    sha: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4',
    repository,
    repository_owner: owner,
    run_id: '1',
    run_attempt: '1',
    actor: 'octocat',
    event_name: 'push',
    workflow: 'publish-ca-chain',
    job_workflow_ref: `${repository}/.github/workflows/publish.yml@refs/heads/main`,
    runner_environment: 'github-hosted',
    iss: GITHUB_ISSUER,
    nbf: now - 5,
    iat: now,
    exp: now + ID_TOKEN_LIFETIME_SECONDS,
    ...overrides
  })
  core.issuedTokens?.push(token)
  return token
}

/** GitHub's default audience is the URL of the repository owner. */
function defaultAudience(sub: string): string {
  const owner = /^repo:([^/:]+)/.exec(sub)?.[1] ?? 'octo-org'
  return `https://github.com/${owner}`
}
