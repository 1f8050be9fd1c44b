import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { ConfidentialClientApplication, type INetworkModule, type NetworkResponse } from '@azure/msal-node'
import { Agent, request } from 'undici'
import { inputsToEnv, startEmulator, type Emulator } from '../../emulator/index.ts'
import { decodeJwt } from '../../emulator/jwt.ts'
import { client, tokenForm, type Answer, type Json } from './support.ts'

let emulator: Emulator
let http: ReturnType<typeof client>
let dispatcher: Agent

beforeAll(async () => {
  emulator = await startEmulator({ config: { domains: ['contoso.onmicrosoft.com'] } })
  http = client(emulator)
  dispatcher = new Agent({ connect: { ca: emulator.ca } })
})
afterAll(async () => {
  await http.close()
  await dispatcher.close()
  await emulator.close()
})

async function postToken(body: string, tenant: string = emulator.tenantId): Promise<Answer> {
  return http.call('POST', `${emulator.urls.authority}/${tenant}/oauth2/v2.0/token`, {
    token: null,
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded' }
  })
}

describe('env and inputs', () => {
  it('give a child process what it needs', () => {
    const env = emulator.env()
    expect(env.ACTIONS_ID_TOKEN_REQUEST_URL).toContain('?')
    expect(env.ACTIONS_ID_TOKEN_REQUEST_URL.startsWith('https://127.0.0.1:')).toBe(true)
    expect(env.NODE_EXTRA_CA_CERTS).toBe(emulator.caFile)
    expect(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN.length).toBeGreaterThan(20)
    expect(emulator.inputs()).toEqual({
      'tenant-id': emulator.tenantId,
      'client-id': emulator.clientId,
      'graph-url': emulator.urls.graph,
      'authority-url': emulator.urls.authority,
      audience: 'api://AzureADTokenExchange'
    })
    expect(emulator.tenantId).toMatch(/^[0-9a-f-]{36}$/)
    expect(inputsToEnv({ 'tenant-id': 't', 'display name': 'd' })).toEqual({ 'INPUT_TENANT-ID': 't', INPUT_DISPLAY_NAME: 'd' })
  })
})

describe('GitHub OIDC token endpoint', () => {
  it('issues an ID token for the requested audience to the bearer of the request token', async () => {
    const env = emulator.env()
    const res = await http.call('GET', `${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent('api://AzureADTokenExchange')}`, {
      token: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
    })
    expect(res.status).toBe(200)
    const claims = decodeJwt(res.json.value as string)?.claims ?? {}
    expect(claims).toMatchObject({
      iss: 'https://token.actions.githubusercontent.com',
      sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
      aud: 'api://AzureADTokenExchange'
    })
    expect(Number(claims['exp']) - Number(claims['iat'])).toBe(300)
    expect(typeof claims['jti']).toBe('string')
    const record = emulator.requests.at(-1)
    expect(record).toMatchObject({ role: 'oidc', operation: 'oidc.token', status: 200, authorization: true })
    expect(JSON.stringify(record)).not.toContain(res.json.value)
  })

  it('serves @actions/core getIDToken in a child process given only env()', async () => {
    const script = "const core = await import('@actions/core'); process.stdout.write(await core.getIDToken('api://AzureADTokenExchange'))"
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env['PATH'] ?? '', ...emulator.env() },
      cwd: process.cwd()
    })
    // getIDToken masks the token first (::add-mask::), so the token is the last line.
    expect(decodeJwt(stdout.split('\n').at(-1) ?? '')?.claims['aud']).toBe('api://AzureADTokenExchange')
  })

  it('refuses a request without the request token', async () => {
    expect((await http.call('GET', emulator.env().ACTIONS_ID_TOKEN_REQUEST_URL, { token: null })).status).toBe(401)
    expect((await http.call('GET', emulator.env().ACTIONS_ID_TOKEN_REQUEST_URL, { token: 'wrong' })).status).toBe(401)
  })
})

describe('Entra token endpoint', () => {
  it('exchanges a good assertion for a Graph access token', async () => {
    const res = await postToken(tokenForm(emulator))
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 })
    const claims = decodeJwt(res.json.access_token as string)?.claims
    expect(claims).toMatchObject({ tid: emulator.tenantId, aud: emulator.urls.graph, appid: emulator.clientId })
    expect(claims?.['roles']).toEqual([
      'Organization.ReadWrite.All',
      'PublicKeyInfrastructure.ReadWrite.All',
      'AppCertTrustConfiguration.ReadWrite.All'
    ])
    const graph = await http.call('GET', '/v1.0/organization', { token: res.json.access_token as string })
    expect(graph.status).toBe(200)
    const record = emulator.requests.find((r) => r.operation === 'token' && r.status === 200)
    expect(record?.body).toMatchObject({ client_assertion: expect.stringMatching(/^\[redacted, \d+ chars\]$/) })
    expect(record?.tokenClaims).toMatchObject({ sub: 'repo:octo-org/octo-repo:ref:refs/heads/main' })
  })

  it('accepts a domain name of the tenant in the path', async () => {
    expect((await postToken(tokenForm(emulator), 'contoso.onmicrosoft.com')).status).toBe(200)
  })

  const now = (): number => Math.floor(Date.now() / 1000)
  const cases: Array<[string, () => { body: string; tenant?: string }, number, string, number]> = [
    ['an unknown tenant', () => ({ body: tokenForm(emulator), tenant: 'fabrikam.onmicrosoft.com' }), 400, 'invalid_request', 90002],
    [
      'an unknown client id',
      () => ({ body: tokenForm(emulator, { client_id: '11111111-1111-1111-1111-111111111111' }) }),
      400,
      'unauthorized_client',
      700016
    ],
    [
      'a subject without federated credential',
      () => ({
        body: tokenForm(emulator, {
          client_assertion: emulator.idToken({ aud: 'api://AzureADTokenExchange', sub: 'repo:octo-org/octo-repo:pull_request' })
        })
      }),
      400,
      'invalid_request',
      70021
    ],
    [
      'a wrong audience',
      () => ({ body: tokenForm(emulator, { client_assertion: emulator.idToken({ aud: 'https://github.com/octo-org' }) }) }),
      400,
      'invalid_request',
      70021
    ],
    [
      'an expired assertion',
      () => ({ body: tokenForm(emulator, { client_assertion: emulator.idToken({ aud: 'api://AzureADTokenExchange', exp: now() - 10 }) }) }),
      401,
      'invalid_client',
      700024
    ],
    [
      'another issuer',
      () => ({
        body: tokenForm(emulator, {
          client_assertion: emulator.idToken({ aud: 'api://AzureADTokenExchange', iss: 'https://evil.example' })
        })
      }),
      400,
      'invalid_request',
      700211
    ],
    [
      'an assertion signed by another key',
      () => ({ body: tokenForm(emulator, { client_assertion: emulator.accessToken() }) }),
      401,
      'invalid_client',
      700027
    ],
    ['a malformed assertion', () => ({ body: tokenForm(emulator, { client_assertion: 'not-a-jwt' }) }), 401, 'invalid_client', 50027],
    ['no assertion', () => ({ body: tokenForm(emulator, { client_assertion: '' }) }), 401, 'invalid_client', 7000218],
    [
      'a scope without /.default',
      () => ({ body: tokenForm(emulator, { scope: `${emulator.urls.graph}/Organization.ReadWrite.All` }) }),
      400,
      'invalid_scope',
      1002012
    ],
    [
      'a scope for another resource',
      () => ({ body: tokenForm(emulator, { scope: 'https://graph.microsoft.com/.default' }) }),
      400,
      'invalid_resource',
      500011
    ],
    ['another grant type', () => ({ body: tokenForm(emulator, { grant_type: 'password' }) }), 400, 'unsupported_grant_type', 70003]
  ]
  it.each(cases)('refuses %s with the AADSTS code Entra uses', async (_name, make, status, error, code) => {
    const { body, tenant } = make()
    const res = await postToken(body, tenant)
    expect(res.status).toBe(status)
    expect(res.json).toMatchObject({ error, error_codes: [code] })
    expect(res.json.error_description).toMatch(new RegExp(`^AADSTS${code}: `))
    for (const key of ['timestamp', 'trace_id', 'correlation_id']) expect(typeof res.json[key]).toBe('string')
  })

  it('names the presented subject when no federated credential matches', async () => {
    emulator.config.federatedSubject = 'repo:octo-org/octo-repo:environment:prod'
    try {
      const res = await postToken(tokenForm(emulator))
      expect(res.json.error_description).toContain("presented assertion subject 'repo:octo-org/octo-repo:ref:refs/heads/main'")
    } finally {
      emulator.config.federatedSubject = emulator.config.subject
    }
  })

  it('serves and logs the metadata endpoints MSAL would fetch by itself', async () => {
    const meta = await http.call('GET', `${emulator.urls.authority}/${emulator.tenantId}/v2.0/.well-known/openid-configuration`, {
      token: null
    })
    expect(meta.json.token_endpoint).toBe(`${emulator.urls.authority}/${emulator.tenantId}/oauth2/v2.0/token`)
    const discovery = await http.call(
      'GET',
      `${emulator.urls.authority}/common/discovery/instance?api-version=1.1&authorization_endpoint=x`,
      { token: null }
    )
    expect(discovery.json['tenant_discovery_endpoint']).toContain('/v2.0/.well-known/openid-configuration')
    expect(emulator.requests.filter((r) => r.operation === 'openid-configuration' || r.operation === 'instance-discovery')).toHaveLength(2)
  })
})

/** MSAL's network module over undici, trusting the emulator's CA (as the action does through NODE_EXTRA_CA_CERTS). */
function undiciNetwork(): INetworkModule {
  const send = async <T>(
    method: 'GET' | 'POST',
    url: string,
    options?: { headers?: Record<string, string>; body?: string }
  ): Promise<NetworkResponse<T>> => {
    const res = await request(url, {
      method,
      dispatcher,
      ...(options?.headers ? { headers: options.headers } : {}),
      ...(options?.body ? { body: options.body } : {})
    })
    const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)]))
    return { status: res.statusCode, headers, body: (await res.body.json()) as T }
  }
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options)
  }
}

describe('MSAL node 7 against the token endpoint', () => {
  it('gets a token with a clientAssertion callback and metadata given up front, without metadata calls', async () => {
    const before = emulator.requests.length
    const metadata: Json = (
      await http.call('GET', `${emulator.urls.authority}/${emulator.tenantId}/v2.0/.well-known/openid-configuration`, { token: null })
    ).json
    const app = new ConfidentialClientApplication({
      auth: {
        clientId: emulator.clientId,
        authority: `${emulator.urls.authority}/${emulator.tenantId}`,
        clientAssertion: async () => emulator.idToken({ aud: 'api://AzureADTokenExchange' }),
        knownAuthorities: [new URL(emulator.urls.authority).host],
        authorityMetadata: JSON.stringify(metadata)
      },
      system: { networkClient: undiciNetwork() }
    })
    const result = await app.acquireTokenByClientCredential({ scopes: [`${emulator.urls.graph}/.default`] })
    expect(result?.accessToken).toBeTruthy()
    const made = emulator.requests.slice(before + 1)
    expect(made.map((r) => r.operation)).toEqual(['token'])
    expect(made[0]?.body).toMatchObject({ grant_type: 'client_credentials', client_id: emulator.clientId })
  })
})
