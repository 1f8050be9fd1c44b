// HTTPS_PROXY / NO_PROXY for the whole run of dist/index.js: the GitHub OIDC request, the token
// request and every Graph request go through the proxy, or none does. (We fetch the ID token with
// our own client, so unlike core.getIDToken, loopback targets are proxied too unless NO_PROXY.)
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.ts'
import { runAction } from '../../emulator/run-action.ts'
import { startConnectProxy, type ConnectProxy } from '../helpers/loopback.ts'

let emulator: Emulator
let proxy: ConnectProxy
beforeAll(async () => {
  emulator = await startEmulator()
  proxy = await startConnectProxy()
})
afterAll(async () => {
  await proxy.close()
  await emulator.close()
})

const port = (url: string): string => new URL(url).port
const inputs = (): Record<string, string> => ({
  kind: 'pki',
  'display-name': 'Proxied PKI',
  certificates: 'examples/contoso/*.cer\nexamples/contoso/*.pem',
  ...emulator.inputs()
})

describe('proxy', () => {
  it('with HTTPS_PROXY, every request (OIDC, token, Graph) goes through the proxy', async () => {
    proxy.connects.length = 0
    const result = await runAction(inputs(), { env: { ...emulator.env(), HTTPS_PROXY: proxy.url } })
    expect(result.code).toBe(0)
    const ports = new Set(proxy.connects.map((target) => target.split(':')[1]))
    expect(ports).toEqual(new Set([port(emulator.urls.graph), port(emulator.urls.authority), port(emulator.urls.oidcRequestUrl)]))
  })

  it.each(['https_proxy', 'HTTPS_PROXY'])('with %s and NO_PROXY covering the hosts, no request does', async (name) => {
    proxy.connects.length = 0
    const result = await runAction(
      { ...inputs(), 'display-name': `Direct ${name}` },
      { env: { ...emulator.env(), [name]: proxy.url, NO_PROXY: '127.0.0.1' } }
    )
    expect(result.code).toBe(0)
    expect(proxy.connects).toEqual([])
  })

  it('an unreachable proxy fails with a message that names it, and writes nothing', async () => {
    const before = emulator.requests.length
    const result = await runAction(
      { ...inputs(), 'display-name': 'Unreachable' },
      { env: { ...emulator.env(), HTTPS_PROXY: 'http://127.0.0.1:9' } }
    )
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/::error::.*(proxy|ECONNREFUSED|refused)/i)
    expect(emulator.requests.length).toBe(before)
  })
})
