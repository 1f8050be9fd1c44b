// preconnect(): connections opened ahead of need are the ones the next requests use; a warm
// connection the server closed meanwhile is replaced; an unused one does not keep the process
// alive; through a proxy it does nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { TLSSocket } from 'node:tls'
import { setTimeout as delay } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { request, type Dispatcher } from 'undici'
import { createDispatcher, preconnect } from '../../src/http/dispatcher.ts'
import { startConnectProxy, testTls } from '../helpers/loopback.ts'

const tls = testTls()
let server: Server
let origin: string
/** Every TLS connection the server accepted, in order, with the requests it carried. */
let connections: Array<{ socket: TLSSocket; requests: number }>
const dispatchers: Dispatcher[] = []

beforeAll(async () => {
  server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    const connection = connections.find((c) => c.socket === req.socket)
    if (connection !== undefined) connection.requests++
    req.resume()
    req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'))
  })
  server.on('secureConnection', (socket: TLSSocket) => connections.push({ socket, requests: 0 }))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  tls.dispose()
})
afterEach(async () => {
  connections = []
  await Promise.all(dispatchers.splice(0).map((d) => d.destroy()))
})
connections = []

function dispatcher(env: NodeJS.ProcessEnv = {}): Dispatcher {
  const made = createDispatcher(env, { connect: { ca: tls.ca } })
  dispatchers.push(made)
  return made
}

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 5000) throw new Error('timed out waiting')
    await delay(5)
  }
}

const get = async (d: Dispatcher, path = '/'): Promise<string> => {
  const response = await request(`${origin}${path}`, { dispatcher: d })
  return response.body.text()
}

describe('preconnect', () => {
  it('opens the connections now, and the requests sent later at once use exactly those', async () => {
    const d = dispatcher()
    preconnect(d, `${origin}/any/path`, 3)
    await until(() => connections.length === 3)
    expect(await Promise.all([get(d), get(d), get(d)])).toEqual(['ok', 'ok', 'ok'])
    expect(connections.map((c) => c.requests)).toEqual([1, 1, 1])
  })

  it('replaces a warm connection the server closed before it was used', async () => {
    const d = dispatcher()
    preconnect(d, origin)
    await until(() => connections.length === 1)
    connections[0]!.socket.destroy()
    await delay(20)
    expect(await get(d)).toBe('ok')
    expect(connections.map((c) => c.requests)).toEqual([0, 1])
  })

  it('is a no-op through a proxy: nothing is opened before a request', async () => {
    const proxy = await startConnectProxy()
    try {
      const d = dispatcher({ HTTPS_PROXY: proxy.url })
      preconnect(d, 'https://graph.test/', 2)
      await delay(200)
      expect(proxy.connects).toEqual([])
      expect(connections).toEqual([])
    } finally {
      await proxy.close()
    }
  })

  it('leaves an unused warm connection out of what keeps the process alive', async () => {
    // A child that only preconnects must exit on its own, long before the server drops the idle connection.
    const dispatcherModule = fileURLToPath(new URL('../../src/http/dispatcher.ts', import.meta.url))
    const script = [
      `const { createDispatcher, preconnect } = await import(${JSON.stringify(dispatcherModule)})`,
      `const { readFileSync } = await import('node:fs')`,
      `const d = createDispatcher({}, { connect: { ca: readFileSync(${JSON.stringify(tls.caFile)}) } })`,
      `preconnect(d, ${JSON.stringify(origin)}, 2)`,
      // Time for the handshakes: after this timer only the two idle connections are left.
      'setTimeout(() => {}, 500)'
    ].join('\n')
    const started = Date.now()
    // Not spawnSync: the server in this process must go on answering the child's handshakes.
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { timeout: 15_000 })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' })
    expect(Date.now() - started).toBeLessThan(10_000)
    // It did connect: the exit is not for want of connections.
    expect(connections).toHaveLength(2)
  })
})
