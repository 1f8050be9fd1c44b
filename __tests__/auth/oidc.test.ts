import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { checkOidcAvailable, fetchGitHubIdToken, idTokenUrl } from '../../src/auth/index.ts'
import { UserError } from '../../src/errors.ts'
import { HttpClient, createDispatcher } from '../../src/http/index.ts'
import { captureLogger, fakeJwt, sendJson, startHttpsServer, testTls, type Handler, type LoopbackServer } from '../helpers/loopback.ts'

const REQUEST_TOKEN = 'runtime-request-token-123'
const ID_TOKEN = fakeJwt({
  iss: 'https://token.actions.githubusercontent.com',
  sub: 'repo:contoso/pki:ref:refs/heads/main',
  aud: 'api://AzureADTokenExchange'
})

const tls = testTls()
const dispatcher = createDispatcher({}, { connect: { ca: tls.ca } })
let server: LoopbackServer
let handler: Handler
const ok: Handler = (_req, res) => {
  sendJson(res, 200, { value: ID_TOKEN })
}

beforeAll(async () => {
  server = await startHttpsServer(tls, (req, res, raw) => handler(req, res, raw))
})
afterAll(async () => {
  await dispatcher.destroy()
  await server.close()
  tls.dispose()
})
beforeEach(() => {
  server.requests.length = 0
  handler = ok
})

const env = (): NodeJS.ProcessEnv => ({
  ACTIONS_ID_TOKEN_REQUEST_URL: `${server.origin()}/_apis/distributedtask/hubs/Actions/plans/p/jobs/j/idtoken?api-version=2.0`,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN
})

function deps() {
  const secrets: string[] = []
  const logger = captureLogger()
  const sleeps: number[] = []
  const http = new HttpClient({
    dispatcher,
    logger,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    random: () => 0.5
  })
  return {
    http,
    logger,
    secrets,
    sleeps,
    setSecret: (s: string) => {
      secrets.push(s)
    }
  }
}

describe('without an OIDC token the step fails with the fix', () => {
  it.each([
    ['both missing', {}],
    ['URL missing', { ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' }],
    ['token missing', { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x/idtoken?api-version=2.0' }],
    ['empty values', { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' }]
  ])('%s', (_name, environment) => {
    let error: unknown
    try {
      checkOidcAvailable(environment)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(UserError)
    const message = (error as Error).message
    expect(message).toContain('permissions: id-token: write')
    expect(message).toContain('forks')
    expect(message).toContain('Dependabot')
    expect(message).toContain('dry-run')
  })

  it('passes when both are set', () => {
    expect(checkOidcAvailable({ ACTIONS_ID_TOKEN_REQUEST_URL: 'u', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' })).toEqual({
      requestUrl: 'u',
      requestToken: 't'
    })
  })
})

describe('the GitHub ID token is fetched through our client', () => {
  it.each([
    ['https://x/idtoken?api-version=2.0', 'https://x/idtoken?api-version=2.0&audience=api%3A%2F%2FAzureADTokenExchange'],
    ['https://x/idtoken', 'https://x/idtoken?audience=api%3A%2F%2FAzureADTokenExchange']
  ])('audience is appended to %s', (url, expected) => {
    expect(idTokenUrl(url, 'api://AzureADTokenExchange')).toBe(expected)
  })

  it('asks for the audience with the runtime bearer token, masks and returns the token', async () => {
    const { http, setSecret, secrets, logger } = deps()
    const token = await fetchGitHubIdToken(http, env(), 'api://AzureADTokenExchange', { setSecret, logger })
    expect(token).toBe(ID_TOKEN)
    const [request] = server.requests
    expect(request?.method).toBe('GET')
    expect(request?.url).toBe(
      '/_apis/distributedtask/hubs/Actions/plans/p/jobs/j/idtoken?api-version=2.0&audience=api%3A%2F%2FAzureADTokenExchange'
    )
    expect(request?.headers.authorization).toBe(`Bearer ${REQUEST_TOKEN}`)
    expect(secrets).toContain(ID_TOKEN)
    expect(secrets).toContain(REQUEST_TOKEN)
  })

  it('logs iss, sub and aud, never a token', async () => {
    const { http, setSecret, logger } = deps()
    await fetchGitHubIdToken(http, env(), 'api://AzureADTokenExchange', { setSecret, logger })
    expect(logger.lines).toContain(
      'info: GitHub OIDC token: iss=https://token.actions.githubusercontent.com, ' +
        'sub=repo:contoso/pki:ref:refs/heads/main, aud=api://AzureADTokenExchange'
    )
    const all = logger.lines.join('\n')
    expect(all).not.toContain(ID_TOKEN)
    expect(all).not.toContain(ID_TOKEN.split('.')[1])
    expect(all).not.toContain(REQUEST_TOKEN)
  })

  it.each([[500], [502], [503]])('retries an endpoint that fails once with %i', async (status) => {
    let calls = 0
    handler = (req, res, raw) => {
      if (calls++ === 0) sendJson(res, status, { message: 'hiccup' })
      else ok(req, res, raw)
    }
    const { http, setSecret, logger, sleeps } = deps()
    await expect(fetchGitHubIdToken(http, env(), 'aud', { setSecret, logger })).resolves.toBe(ID_TOKEN)
    expect(server.requests).toHaveLength(2)
    expect(sleeps).toHaveLength(1)
  })

  it('retries a dropped connection', async () => {
    let calls = 0
    handler = (req, res, raw) => {
      if (calls++ === 0) raw.socket.destroy()
      else ok(req, res, raw)
    }
    const { http, setSecret, logger } = deps()
    await expect(fetchGitHubIdToken(http, env(), 'aud', { setSecret, logger })).resolves.toBe(ID_TOKEN)
  })

  it('a refusal says which permission the job needs', async () => {
    handler = (_req, res) => {
      sendJson(res, 403, { message: 'forbidden' })
    }
    const { http, setSecret, logger } = deps()
    await expect(fetchGitHubIdToken(http, env(), 'aud', { setSecret, logger })).rejects.toThrow(
      /GitHub OIDC token endpoint: GET \/_apis\/.*\/idtoken\?api-version=\*\*\*&audience=\*\*\* failed with HTTP 403[\s\S]*id-token: write/
    )
  })

  it('a response without a token is a clear error', async () => {
    handler = (_req, res) => {
      sendJson(res, 200, { count: 0 })
    }
    const { http, setSecret, logger } = deps()
    await expect(fetchGitHubIdToken(http, env(), 'aud', { setSecret, logger })).rejects.toThrow('holds no token in `value`')
  })
})
