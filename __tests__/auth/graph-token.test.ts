import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { MockAgent } from 'undici'
import { CLOUDS } from '../../src/clouds.ts'
import { acquireGraphToken, type AcquireGraphTokenOptions } from '../../src/auth/index.ts'
import { UserError } from '../../src/errors.ts'
import { HttpClient, createDispatcher } from '../../src/http/index.ts'
import { captureLogger, fakeJwt, sendJson, startHttpsServer, testTls, type Handler, type LoopbackServer } from '../helpers/loopback.ts'

const TENANT_GUID = '11111111-2222-4333-8444-555555555555'
const CLIENT_ID = '99999999-8888-4777-8666-555555555555'
const SUB = 'repo:contoso/pki:environment:production'
const AUD = 'api://AzureADTokenExchange'
const OIDC_PATH = '/_apis/distributedtask/hubs/Actions/plans/p/jobs/j/idtoken'

const tls = testTls()
const dispatcher = createDispatcher({}, { connect: { ca: tls.ca } })
let server: LoopbackServer
let issued: string[] = []
let accessToken = ''
let tokenHandler: Handler

const oidc: Handler = (_req, res) => {
  const token = fakeJwt({ iss: 'https://token.actions.githubusercontent.com', sub: SUB, aud: AUD, jti: `jti-${issued.length}` })
  issued.push(token)
  sendJson(res, 200, { value: token })
}
const tokenOk: Handler = (_req, res) => {
  sendJson(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken })
}
const aadError =
  (code: number, error: string, description: string): Handler =>
  (_req, res) => {
    sendJson(res, 400, {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: t Correlation ID: c Timestamp: 2026-11-23 10:00:00Z`,
      error_codes: [code],
      timestamp: '2026-11-23 10:00:00Z',
      trace_id: 't',
      correlation_id: 'c'
    })
  }

beforeAll(async () => {
  server = await startHttpsServer(tls, (req, res, raw) => (req.url.startsWith(OIDC_PATH) ? oidc : tokenHandler)(req, res, raw))
})
afterAll(async () => {
  await dispatcher.destroy()
  await server.close()
  tls.dispose()
})
beforeEach(() => {
  server.requests.length = 0
  issued = []
  accessToken = fakeJwt({
    aud: 'https://graph.microsoft.com',
    tid: TENANT_GUID,
    roles: ['PublicKeyInfrastructure.ReadWrite.All'],
    n: Math.random()
  })
  tokenHandler = tokenOk
})

function options(tenantId = TENANT_GUID, env?: NodeJS.ProcessEnv) {
  const secrets: string[] = []
  const logger = captureLogger()
  const sleeps: number[] = []
  const opts: AcquireGraphTokenOptions = {
    settings: {
      authorityUrl: server.origin(),
      graphUrl: 'https://graph.microsoft.com',
      audience: AUD,
      credentials: { tenantId, clientId: CLIENT_ID }
    },
    http: new HttpClient({
      dispatcher,
      logger,
      sleep: async (ms) => {
        sleeps.push(ms)
      },
      random: () => 0.5
    }),
    env: env ?? {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${server.origin()}${OIDC_PATH}?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runtime-token'
    },
    setSecret: (s) => {
      secrets.push(s)
    },
    logger
  }
  return { opts, secrets, logger, sleeps }
}

const tokenRequests = () => server.requests.filter((r) => !r.url.startsWith(OIDC_PATH))

describe('MSAL exchanges a fresh GitHub token for a Graph token', () => {
  it('calls nothing but the OIDC endpoint and the token endpoint (no discovery, no metadata)', async () => {
    const { opts } = options()
    const result = await acquireGraphToken(opts)
    expect(result.accessToken).toBe(accessToken)
    expect(server.requests.map((r) => `${r.method} ${r.url.split('?')[0] ?? ''}`)).toEqual([
      `GET ${OIDC_PATH}`,
      `POST /${TENANT_GUID}/oauth2/v2.0/token`
    ])
  })

  it('sends the GitHub token as the client assertion, for the Graph scope', async () => {
    const { opts } = options()
    await acquireGraphToken(opts)
    const form = new URLSearchParams(tokenRequests()[0]?.body)
    expect(form.get('client_assertion')).toBe(issued[0])
    expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
    expect(form.get('grant_type')).toBe('client_credentials')
    expect(form.get('client_id')).toBe(CLIENT_ID)
    expect(form.get('scope')).toBe('https://graph.microsoft.com/.default')
    expect(server.requests[0]?.url).toContain('&audience=api%3A%2F%2FAzureADTokenExchange')
  })

  it('fetches a fresh GitHub token for every sign-in', async () => {
    await acquireGraphToken(options().opts)
    await acquireGraphToken(options().opts)
    const assertions = tokenRequests().map((r) => new URLSearchParams(r.body).get('client_assertion'))
    expect(issued).toHaveLength(2)
    expect(assertions).toEqual(issued)
    expect(new Set(assertions).size).toBe(2)
  })

  it('takes the tenant GUID from the tid claim, so a domain name works as tenant-id', async () => {
    const { opts } = options('contoso.onmicrosoft.com')
    const result = await acquireGraphToken(opts)
    expect(result.tenantId).toBe(TENANT_GUID)
    expect(tokenRequests()[0]?.url.split('?')[0]).toBe('/contoso.onmicrosoft.com/oauth2/v2.0/token')
    expect(result.expiresOn).toBeInstanceOf(Date)
  })

  it('masks both tokens and logs neither', async () => {
    const { opts, secrets, logger } = options()
    await acquireGraphToken(opts)
    expect(secrets).toEqual(expect.arrayContaining([accessToken, issued[0]]))
    const all = logger.lines.join('\n')
    expect(logger.lines.some((l) => l.startsWith('debug: MSAL:'))).toBe(true)
    for (const secret of [accessToken, issued[0] ?? '', 'runtime-token']) {
      expect(all).not.toContain(secret)
      expect(all).not.toContain(secret.split('.')[1] ?? secret)
    }
  })

  it('retries a token endpoint that fails once', async () => {
    let calls = 0
    tokenHandler = (req, res, raw) => {
      if (calls++ === 0) sendJson(res, 503, { error: 'temporarily_unavailable' })
      else tokenOk(req, res, raw)
    }
    const { opts, sleeps } = options()
    await expect(acquireGraphToken(opts)).resolves.toMatchObject({ accessToken })
    expect(sleeps).toHaveLength(1)
  })

  it('without OIDC variables fails with the permissions message and sends nothing', async () => {
    const { opts } = options(TENANT_GUID, {})
    await expect(acquireGraphToken(opts)).rejects.toThrow('permissions: id-token: write')
    expect(server.requests).toHaveLength(0)
  })

  it('an endpoint answering non-JSON is reported with its status', async () => {
    tokenHandler = (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<html>proxy error</html>')
    }
    const { opts } = options()
    await expect(acquireGraphToken(opts)).rejects.toThrow(
      /^Sign-in to Microsoft Entra failed: Microsoft Entra token endpoint: POST \/11111111-2222-4333-8444-555555555555\/oauth2\/v2\.0\/token\?client-request-id=\*\*\* answered HTTP 502 without a JSON body <html>proxy error<\/html>/
    )
  })
})

describe('public cloud authorities: still no discovery, no metadata', () => {
  it.each(Object.entries(CLOUDS))("%s: only the OIDC endpoint and the cloud's token endpoint are called", async (_cloud, endpoints) => {
    // A mock dispatcher that refuses real connections and records every request it is asked for.
    const agent = new MockAgent()
    agent.disableNetConnect()
    const calls: string[] = []
    agent
      .get(() => true)
      .intercept({ path: () => true, method: () => true })
      .reply((req) => {
        calls.push(`${req.method} ${req.origin ?? ''}${req.path.split('?')[0] ?? ''}`)
        const body = req.path.startsWith('/idtoken')
          ? { value: fakeJwt({ sub: SUB, aud: endpoints.audience }) }
          : { token_type: 'Bearer', expires_in: 3599, access_token: fakeJwt({ tid: TENANT_GUID }) }
        return { statusCode: 200, data: JSON.stringify(body), responseOptions: { headers: { 'content-type': 'application/json' } } }
      })
      .persist()
    const result = await acquireGraphToken({
      settings: { ...endpoints, credentials: { tenantId: 'contoso.example', clientId: CLIENT_ID } },
      http: new HttpClient({ dispatcher: agent, logger: captureLogger() }),
      env: { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example/idtoken?api-version=2.0', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'rt' },
      setSecret: () => {},
      logger: captureLogger()
    })
    await agent.close()
    expect(result.tenantId).toBe(TENANT_GUID)
    expect(calls).toEqual(['GET https://oidc.example/idtoken', `POST ${endpoints.authorityUrl}/contoso.example/oauth2/v2.0/token`])
  })
})

describe('AADSTS errors name the code and the fix', () => {
  it('70021: shows the subject and audience to add as a federated credential', async () => {
    tokenHandler = aadError(70021, 'invalid_request', 'No matching federated identity record found for presented assertion.')
    const error = (await acquireGraphToken(options().opts).catch((e: unknown) => e)) as Error
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toMatch(/^Sign-in to Microsoft Entra failed with AADSTS70021 \(invalid_request\)\./)
    expect(error.message).toContain(`subject "${SUB}"`)
    expect(error.message).toContain(`audience "${AUD}"`)
    expect(error.message).toContain('Add a federated credential with exactly that subject and audience')
    expect(error.message).toContain(CLIENT_ID)
    expect(error.message).toContain('Entra said: ')
  })

  it.each([
    [
      700016,
      'unauthorized_client',
      "Application with identifier 'x' was not found in the directory 'y'.",
      ['`client-id`', '`tenant-id`', 'admin-consented']
    ],
    [700024, 'invalid_client', 'Client assertion is not within its valid time range.', ['clock']],
    [90002, 'invalid_request', "Tenant 'x' not found.", ['`tenant-id`', '`cloud`']],
    [7000215, 'invalid_client', 'Invalid client secret provided.', ['never sends one']]
  ])('%i', async (code, error, description, expected) => {
    tokenHandler = aadError(code, error, description)
    const message = await acquireGraphToken(options().opts).catch((e: unknown) => (e as Error).message)
    expect(message).toContain(`AADSTS${code}`)
    for (const text of expected) expect(message).toContain(text)
  })

  it('an unknown code shows the code and the description without secrets', async () => {
    tokenHandler = aadError(123456, 'invalid_grant', `Something odd about eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2ln here.`)
    const message = await acquireGraphToken(options().opts).catch((e: unknown) => (e as Error).message)
    expect(message).toMatch(
      /^Sign-in to Microsoft Entra failed with AADSTS123456 \(invalid_grant\)\.\nEntra said: .*Something odd about \*\*\* here\./
    )
    expect(message).not.toContain('eyJ')
  })
})
