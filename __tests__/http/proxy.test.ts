// Every request (GitHub OIDC, the Entra token endpoint, Graph) goes through HTTPS_PROXY, and none
// does for hosts NO_PROXY names. The targets are `*.test` names, which only the proxy (or the
// test resolver, when unproxied) maps to the loopback server.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici'
import { acquireGraphToken } from '../../src/auth/index.ts'
import { GraphClient, HttpClient, createDispatcher, proxySettings } from '../../src/http/index.ts'
import {
  captureLogger,
  fakeJwt,
  freePort,
  sendJson,
  startConnectProxy,
  startHttpsServer,
  testLookup,
  testTls,
  type ConnectProxy,
  type LoopbackServer
} from '../helpers/loopback.ts'

const TENANT = '11111111-2222-4333-8444-555555555555'
const tls = testTls()
let server: LoopbackServer
let proxy: ConnectProxy
const dispatchers: Dispatcher[] = []

beforeAll(async () => {
  server = await startHttpsServer(tls, (req, res) => {
    if (req.url.startsWith('/idtoken'))
      sendJson(res, 200, {
        value: fakeJwt({
          iss: 'https://token.actions.githubusercontent.com',
          sub: 'repo:o/r:ref:refs/heads/main',
          aud: 'api://AzureADTokenExchange'
        })
      })
    else if (req.url.includes('/oauth2/v2.0/token'))
      sendJson(res, 200, { token_type: 'Bearer', expires_in: 3599, access_token: fakeJwt({ tid: TENANT }) })
    else sendJson(res, 200, { value: [{ id: TENANT }] })
  })
  proxy = await startConnectProxy()
})
afterAll(async () => {
  await proxy.close()
  await server.close()
  tls.dispose()
})
beforeEach(() => {
  server.requests.length = 0
  proxy.connects.length = 0
})
afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((d) => d.destroy()))
})

/** Signs in and reads Graph, as the action does, through a dispatcher built from `env`. */
async function signInAndRead(env: NodeJS.ProcessEnv): Promise<string[]> {
  const dispatcher = createDispatcher(env, { connect: { ca: tls.ca, lookup: testLookup } })
  dispatchers.push(dispatcher)
  const logger = captureLogger()
  const http = new HttpClient({ dispatcher, logger, sleep: async () => {} })
  const token = await acquireGraphToken({
    settings: {
      authorityUrl: server.origin('login.test'),
      graphUrl: server.origin('graph.test'),
      audience: 'api://AzureADTokenExchange',
      credentials: { tenantId: TENANT, clientId: 'client' }
    },
    http,
    logger,
    setSecret: () => {},
    env: { ACTIONS_ID_TOKEN_REQUEST_URL: `${server.origin('oidc.test')}/idtoken?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'rt' }
  })
  const graph = new GraphClient({ http, graphUrl: server.origin('graph.test'), apiVersion: 'v1.0', accessToken: token.accessToken })
  await graph.getAll('/organization')
  return server.requests.map((r) => String(r.headers.host))
}

const port = (): number => server.port

describe('HTTPS_PROXY carries every request', () => {
  it.each([['HTTPS_PROXY'], ['https_proxy']])('%s: OIDC, token and Graph requests all tunnel through the proxy', async (name) => {
    const hosts = await signInAndRead({ [name]: proxy.url })
    expect(hosts).toEqual([`oidc.test:${port()}`, `login.test:${port()}`, `graph.test:${port()}`])
    expect(proxy.connects).toEqual([`oidc.test:${port()}`, `login.test:${port()}`, `graph.test:${port()}`])
  })

  it.each([['.test'], ['oidc.test,login.test,graph.test'], ['*']])('NO_PROXY=%s: no request goes through the proxy', async (noProxy) => {
    const hosts = await signInAndRead({ HTTPS_PROXY: proxy.url, NO_PROXY: noProxy })
    expect(hosts).toHaveLength(3)
    expect(proxy.connects).toEqual([])
  })

  it('NO_PROXY naming one host leaves the others proxied', async () => {
    await signInAndRead({ HTTPS_PROXY: proxy.url, no_proxy: 'graph.test' })
    expect(proxy.connects).toEqual([`oidc.test:${port()}`, `login.test:${port()}`])
  })

  it('an unreachable proxy is retried, then reported', async () => {
    const dead = `http://127.0.0.1:${await freePort()}`
    const dispatcher = createDispatcher({ HTTPS_PROXY: dead }, { connect: { ca: tls.ca } })
    dispatchers.push(dispatcher)
    const sleeps: number[] = []
    const http = new HttpClient({
      dispatcher,
      logger: captureLogger(),
      sleep: async (ms) => {
        sleeps.push(ms)
      },
      maxAttempts: 3
    })
    await expect(http.request({ method: 'POST', url: `${server.origin('graph.test')}/v1.0/x`, body: {} })).rejects.toMatchObject({
      name: 'GraphError',
      status: undefined,
      attempts: 3
    })
    expect(sleeps).toHaveLength(2)
    expect(server.requests).toHaveLength(0)
  })
})

describe('proxy settings come from the given environment only', () => {
  it('lower case wins; values are trimmed', () => {
    expect(proxySettings({ HTTPS_PROXY: 'http://upper', https_proxy: ' http://lower ', NO_PROXY: 'a', HTTP_PROXY: 'http://h' })).toEqual({
      httpsProxy: 'http://lower',
      httpProxy: 'http://h',
      noProxy: 'a'
    })
  })

  it('a plain Agent without proxy variables; an EnvHttpProxyAgent with one', async () => {
    const plain = createDispatcher({})
    const proxied = createDispatcher({ HTTP_PROXY: 'http://127.0.0.1:9' })
    dispatchers.push(plain, proxied)
    expect(plain).toBeInstanceOf(Agent)
    expect(proxied).toBeInstanceOf(EnvHttpProxyAgent)
  })

  it('ignores process.env', async () => {
    const saved = { ...process.env }
    process.env.HTTPS_PROXY = 'http://127.0.0.1:9'
    process.env.NO_PROXY = '*'
    try {
      await signInAndRead({ HTTPS_PROXY: proxy.url })
      expect(proxy.connects).toHaveLength(3)
      proxy.connects.length = 0
      await signInAndRead({})
      expect(proxy.connects).toHaveLength(0)
    } finally {
      process.env = saved
    }
  })
})
