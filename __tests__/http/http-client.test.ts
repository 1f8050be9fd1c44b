import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import type { Dispatcher } from 'undici'
import { AmbiguousWriteError, GraphError, HttpClient, createDispatcher, type HttpMethod, type HttpRequest } from '../../src/http/index.ts'
import { UserError } from '../../src/errors.ts'
import { captureLogger, freePort, sendJson, startHttpsServer, testTls, type Handler, type LoopbackServer } from '../helpers/loopback.ts'

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const TOKEN = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ0ZXN0In0.c2VjcmV0LWFjY2Vzcy10b2tlbg'

const tls = testTls()
let server: LoopbackServer
let handler: Handler = (_req, res) => {
  sendJson(res, 200, {})
}
const dispatchers: Dispatcher[] = []

beforeAll(async () => {
  server = await startHttpsServer(tls, (req, res, raw) => handler(req, res, raw))
})
afterAll(async () => {
  await server.close()
  tls.dispose()
})
beforeEach(() => {
  server.requests.length = 0
})
afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((d) => d.destroy()))
})

function setup(
  options: {
    requestTimeoutMs?: number
    maxAttempts?: number
    ca?: boolean
    now?: () => number
    onSleep?: (ms: number) => Promise<void>
  } = {}
) {
  const dispatcher = createDispatcher(
    {},
    {
      requestTimeoutMs: options.requestTimeoutMs ?? 5000,
      ...(options.ca === false ? {} : { connect: { ca: tls.ca } })
    }
  )
  dispatchers.push(dispatcher)
  const sleeps: number[] = []
  const logger = captureLogger()
  const client = new HttpClient({
    dispatcher,
    logger,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms)
      await options.onSleep?.(ms)
    },
    ...(options.now !== undefined ? { now: options.now } : {}),
    ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {})
  })
  return { client, sleeps, logger }
}

/** Answers with `responses` in turn, then 200 {} for ever. */
function script(...responses: Array<(res: Parameters<Handler>[1], raw: Parameters<Handler>[2]) => void>): void {
  let i = 0
  handler = (req, res, raw) => {
    const next = responses[i++]
    if (next === undefined) sendJson(res, req.method === 'POST' ? 201 : 200, { id: 'created' })
    else next(res, raw)
  }
}
const status =
  (code: number, headers: Record<string, string> = {}, body: unknown = { error: { code: `E${code}`, message: `m${code}` } }) =>
  (res: Parameters<Handler>[1]) => {
    sendJson(res, code, body, headers)
  }
const drop = (_res: Parameters<Handler>[1], raw: Parameters<Handler>[2]) => {
  raw.socket.destroy()
}
const silence = () => {
  /* never answers */
}

const req = (method: HttpMethod, extra: Partial<HttpRequest> = {}): HttpRequest => ({
  method,
  url: `${server.origin()}/v1.0/things`,
  token: TOKEN,
  ...(method === 'POST' || method === 'PATCH' ? { body: { a: 1 } } : {}),
  ...extra
})

describe('throttling and unavailability are retried with Retry-After honoured', () => {
  it('waits Retry-After seconds after a 429', async () => {
    const { client, sleeps } = setup()
    script(status(429, { 'retry-after': '2' }))
    const response = await client.request(req('GET'))
    expect(response.status).toBe(200)
    expect(response.attempts).toBe(2)
    expect(sleeps).toEqual([2000])
  })

  it('reads Retry-After as an HTTP date', async () => {
    const now = Date.parse('2026-11-23T10:00:00Z')
    const { client, sleeps } = setup({ now: () => now })
    script(status(503, { 'retry-after': 'Mon, 23 Nov 2026 10:00:05 GMT' }))
    await client.request(req('GET'))
    expect(sleeps).toEqual([5000])
  })

  it('caps a huge Retry-After', async () => {
    const { client, sleeps } = setup()
    script(status(429, { 'retry-after': '86400' }))
    await client.request(req('GET'))
    expect(sleeps).toEqual([120_000])
  })

  it('backs off exponentially with jitter when there is no Retry-After', async () => {
    const { client, sleeps } = setup()
    script(status(429), status(503), status(504))
    const response = await client.request(req('GET'))
    expect(response.status).toBe(200)
    expect(sleeps).toEqual([500, 1000, 2000])
  })

  it('gives up after 5 attempts with the last failure', async () => {
    const { client, sleeps } = setup()
    script(...Array.from({ length: 9 }, () => status(503, { 'retry-after': '1' })))
    const error = await client.request(req('GET')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GraphError)
    expect(error).toMatchObject({ status: 503, code: 'E503', attempts: 5 })
    expect(server.requests).toHaveLength(5)
    expect(sleeps).toHaveLength(4)
  })

  it('retries a 409 Directory_ConcurrencyViolation, even for a POST', async () => {
    const { client, sleeps } = setup()
    script(status(409, {}, { error: { code: 'Directory_ConcurrencyViolation', message: 'busy' } }))
    const response = await client.request(req('POST'))
    expect(response.status).toBe(201)
    expect(sleeps).toEqual([500])
  })

  it.each([[400], [404], [409], [500]])('does not retry %i', async (code) => {
    const { client } = setup()
    script(status(code))
    await expect(client.request(req('GET'))).rejects.toMatchObject({ status: code, attempts: 1 })
    expect(server.requests).toHaveLength(1)
  })
})

describe('a POST that may have taken effect is never repeated', () => {
  it.each([
    { name: '429', first: status(429), outcome: 'retried' },
    { name: '503 with Retry-After', first: status(503, { 'retry-after': '1' }), outcome: 'retried' },
    { name: '503 without Retry-After', first: status(503), outcome: 'ambiguous' },
    { name: '504', first: status(504), outcome: 'ambiguous' },
    { name: 'a dropped connection', first: drop, outcome: 'ambiguous' }
  ])('POST after $name: $outcome', async ({ first, outcome }) => {
    const { client, sleeps } = setup()
    script(first)
    const result = client.request(req('POST'))
    if (outcome === 'retried') {
      await expect(result).resolves.toMatchObject({ status: 201 })
      expect(server.requests).toHaveLength(2)
    } else {
      await expect(result).rejects.toBeInstanceOf(AmbiguousWriteError)
      expect(server.requests).toHaveLength(1)
      expect(sleeps).toEqual([])
    }
  })

  it.each<['PATCH' | 'DELETE' | 'GET']>([['PATCH'], ['DELETE'], ['GET']])(
    '%s is idempotent: retried after a 504 and a dropped connection',
    async (method) => {
      const { client } = setup()
      script(status(504), drop)
      await expect(client.request(req(method))).resolves.toMatchObject({ attempts: 3 })
    }
  )

  it('a POST marked idempotent (a token request) is retried', async () => {
    const { client } = setup()
    script(status(504), drop)
    await expect(client.request(req('POST', { idempotent: true }))).resolves.toMatchObject({ attempts: 3 })
  })

  it('an ambiguous POST names the request and is a user error with advice', async () => {
    const { client } = setup()
    script(drop)
    const error = (await client.request(req('POST')).catch((e: unknown) => e)) as AmbiguousWriteError
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toMatch(/^POST \/v1\.0\/things may or may not have taken effect/)
    expect(error.clientRequestId).toMatch(GUID)
  })

  it('a POST whose connection was refused (nothing sent) is retried', async () => {
    const port = await freePort()
    let late: LoopbackServer | undefined
    const { client, sleeps } = setup({
      onSleep: async () => {
        late ??= await startHttpsServer(
          tls,
          (_r, res) => {
            sendJson(res, 201, { id: 'x' })
          },
          port
        )
      }
    })
    try {
      const response = await client.request({ method: 'POST', url: `https://127.0.0.1:${port}/v1.0/things`, body: {} })
      expect(response.status).toBe(201)
      expect(sleeps).toHaveLength(1)
      expect(late?.requests).toHaveLength(1)
    } finally {
      await late?.close()
    }
  })

  it('a DELETE retried after a dropped connection that then gets 404 says it may have been applied', async () => {
    const { client } = setup()
    script(drop, status(404, {}, { error: { code: 'Request_ResourceNotFound', message: 'gone' } }))
    await expect(client.request(req('DELETE'))).rejects.toMatchObject({ status: 404, mayHaveBeenApplied: true })
  })
})

describe('a server that never answers fails in bounded time', () => {
  // undici checks the headers timeout on a coarse (~1 s) timer, hence 2 attempts here.
  it('GET: every attempt times out, then a GraphError without status', async () => {
    const { client, sleeps } = setup({ requestTimeoutMs: 150, maxAttempts: 2 })
    handler = silence
    const started = Date.now()
    const error = (await client.request(req('GET')).catch((e: unknown) => e)) as GraphError
    expect(Date.now() - started).toBeLessThan(5000)
    expect(error).toBeInstanceOf(GraphError)
    expect(error.status).toBeUndefined()
    expect(error.attempts).toBe(2)
    expect(sleeps).toHaveLength(1)
    expect(error.message).toContain('timed out waiting for the response (UND_ERR_HEADERS_TIMEOUT)')
  })

  it('POST: the first timeout is ambiguous', async () => {
    const { client } = setup({ requestTimeoutMs: 150 })
    handler = silence
    await expect(client.request(req('POST'))).rejects.toMatchObject({
      name: 'AmbiguousWriteError',
      reason: expect.stringContaining('UND_ERR_HEADERS_TIMEOUT')
    })
    expect(server.requests).toHaveLength(1)
  })

  it('an untrusted certificate fails at once, with how to trust a proxy CA', async () => {
    const { client } = setup({ ca: false })
    const error = (await client.request(req('GET')).catch((e: unknown) => e)) as GraphError
    expect(error.attempts).toBe(1)
    expect(error.message).toContain('NODE_EXTRA_CA_CERTS')
  })
})

describe('every request is traceable', () => {
  it('sends a fresh GUID client-request-id per request and per retry, the token, and JSON', async () => {
    const { client } = setup()
    script(status(429))
    await client.request(req('POST', { headers: { 'X-Extra': 'yes' } }))
    await client.request(req('GET'))
    await client.request(req('GET'))
    const ids = server.requests.map((r) => r.headers['client-request-id'])
    expect(ids).toHaveLength(4)
    for (const id of ids) expect(id).toMatch(GUID)
    expect(new Set(ids).size).toBe(4)
    const [post] = server.requests
    expect(post?.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(post?.headers['content-type']).toBe('application/json')
    expect(post?.headers['x-extra']).toBe('yes')
    expect(JSON.parse(post?.body ?? '')).toEqual({ a: 1 })
  })

  it('a failure names method, path, status, code, message, request-id, client-request-id, date and the hint', async () => {
    const { client } = setup()
    handler = (req, res) => {
      sendJson(
        res,
        403,
        {
          error: {
            code: 'Authorization_RequestDenied',
            message: 'Insufficient privileges to complete the operation.',
            innerError: { date: '2026-11-23T10:00:00', 'request-id': 'inner-rid' }
          }
        },
        { 'request-id': 'rid-123', 'client-request-id': String(req.headers['client-request-id']), date: 'Mon, 23 Nov 2026 10:00:00 GMT' }
      )
    }
    const error = (await client
      .request({
        method: 'GET',
        url: `${server.origin()}/v1.0/directory/things?$top=999&sig=SECRET`,
        token: TOKEN,
        permissionHint: 'Needs PublicKeyInfrastructure.Read.All.'
      })
      .catch((e: unknown) => e)) as GraphError
    expect(error).toBeInstanceOf(UserError)
    const sent = server.requests[0]?.headers['client-request-id']
    expect(error.message).toBe(
      'Microsoft Graph: GET /v1.0/directory/things?$top=999&sig=*** failed with HTTP 403 Authorization_RequestDenied: ' +
        'Insufficient privileges to complete the operation. ' +
        `(request-id: rid-123, client-request-id: ${String(sent)}, date: Mon, 23 Nov 2026 10:00:00 GMT)\n` +
        'Needs PublicKeyInfrastructure.Read.All.'
    )
    expect(error.message).not.toContain('127.0.0.1')
    expect(error.message).not.toContain('SECRET')
  })

  it('a non-JSON error body still yields a message', async () => {
    const { client } = setup()
    handler = (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<html>\n<b>Bad gateway</b></html>')
    }
    await expect(client.request(req('GET'))).rejects.toThrow('failed with HTTP 502: <html> <b>Bad gateway</b></html>')
  })

  it('debug logs show method, path, status, attempt and client-request-id; no log shows the token', async () => {
    const { client, logger } = setup()
    script(status(429, { 'retry-after': '1' }))
    await client.request(req('POST'))
    const debug = logger.lines.filter((l) => l.startsWith('debug:'))
    expect(debug[0]).toMatch(/^debug: POST \/v1\.0\/things -> 429 \(\d+ ms, attempt 1\/5, client-request-id: [0-9a-f-]{36}\)$/)
    expect(logger.lines.some((l) => l.startsWith('info: Microsoft Graph: POST /v1.0/things returned 429 E429; retrying in 1.0 s'))).toBe(
      true
    )
    expect(logger.lines.join('\n')).not.toContain(TOKEN)
    expect(logger.lines.join('\n')).not.toContain('Bearer')
  })

  it('acceptAnyStatus returns an error response instead of throwing', async () => {
    const { client } = setup()
    script(status(400, {}, { error: 'invalid_client' }))
    await expect(client.request(req('POST', { acceptAnyStatus: true }))).resolves.toMatchObject({
      status: 400,
      body: { error: 'invalid_client' }
    })
  })
})
