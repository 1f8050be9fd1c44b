import { describe, expect, it } from '@jest/globals'
import { emulator, http, PKI, tokenForm, useEmulator } from './support.ts'

useEmulator({ certificates: false })

const createPki = (name = 'p'): ReturnType<typeof http.call> => http.call('POST', PKI, { body: { displayName: name } })

describe('status faults', () => {
  it('answers 429 with Retry-After the given number of times, then lets requests through', async () => {
    const fault = emulator.faults.add({
      role: 'graph',
      method: 'POST',
      path: /certificateBasedAuthConfigurations$/,
      status: 429,
      retryAfter: 1,
      times: 2
    })
    const first = await createPki()
    expect(first.status).toBe(429)
    expect(first.headers['retry-after']).toBe('1')
    expect(first.json.error.code).toBe('TooManyRequests')
    expect((await createPki()).status).toBe(429)
    expect((await createPki()).status).toBe(201)
    expect(fault.hits).toBe(2)
    expect(emulator.state.pkis).toHaveLength(1)
    expect(emulator.requests.map((r) => r.fault ?? null)).toEqual(['status', 'status', null])
  })

  it('answers 429 without Retry-After when none is given', async () => {
    emulator.faults.add({ status: 429, times: 1 })
    const res = await http.call('GET', PKI)
    expect(res.status).toBe(429)
    expect(res.headers['retry-after']).toBeUndefined()
  })

  it.each([
    [503, 'ServiceUnavailable'],
    [504, 'GatewayTimeout'],
    [401, 'InvalidAuthenticationToken'],
    [403, 'Authorization_RequestDenied'],
    [409, 'Directory_ConcurrencyViolation']
  ])('answers %i with the Graph code %s, without doing the work', async (status, code) => {
    emulator.faults.add({ method: 'POST', status, times: 1 })
    const res = await createPki()
    expect(res.status).toBe(status)
    expect(res.json.error.code).toBe(code)
    expect(emulator.state.pkis).toHaveLength(0)
  })

  it('only hits requests of its role, method and path', async () => {
    emulator.faults.add({ role: 'graph', method: 'POST', path: /certificateAuthorities$/, status: 503 })
    expect((await createPki()).status).toBe(201)
    expect((await http.call('GET', PKI)).status).toBe(200)
  })

  it('shapes token endpoint faults like Entra errors', async () => {
    emulator.faults.add({ role: 'authority', path: '/oauth2/v2.0/token', status: 503, times: 1 })
    const url = `${emulator.urls.authority}/${emulator.tenantId}/oauth2/v2.0/token`
    const options = { token: null, body: tokenForm(emulator), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
    const failed = await http.call('POST', url, options)
    expect(failed.status).toBe(503)
    expect(failed.json.error).toBe('temporarily_unavailable')
    expect((await http.call('POST', url, options)).status).toBe(200)
  })

  it('refuses a rule with no effect or with two', () => {
    expect(() => emulator.faults.add({ method: 'POST' })).toThrow(TypeError)
    expect(() => emulator.faults.add({ status: 503, drop: true })).toThrow(TypeError)
  })
})

describe('connection faults', () => {
  it('drop: destroys the socket before doing the work', async () => {
    emulator.faults.add({ method: 'POST', drop: true, times: 1 })
    await expect(createPki()).rejects.toThrow()
    expect(emulator.state.pkis).toHaveLength(0)
    expect(emulator.requests.at(-1)).toMatchObject({ fault: 'drop', status: null })
    expect((await createPki()).status).toBe(201)
  })

  it('lostResponse: commits the write, then destroys the socket', async () => {
    emulator.faults.add({ method: 'POST', lostResponse: true, times: 1 })
    await expect(createPki('lost')).rejects.toThrow()
    expect(emulator.state.pkis.map((p) => p.displayName)).toEqual(['lost'])
    expect(emulator.requests.at(-1)).toMatchObject({ fault: 'lostResponse', status: null, committedStatus: 201 })
  })

  it('lostResponse with a status: commits the write, then answers that status', async () => {
    emulator.faults.add({ method: 'POST', lostResponse: 503, times: 1 })
    const res = await createPki('lost')
    expect(res.status).toBe(503)
    expect(emulator.state.pkis).toHaveLength(1)
  })

  it('hang: never answers', async () => {
    emulator.faults.add({ method: 'GET', hang: true, times: 1 })
    await expect(http.call('GET', PKI, { signal: AbortSignal.timeout(300) })).rejects.toThrow()
    expect(emulator.requests.at(-1)).toMatchObject({ fault: 'hang', status: null })
    expect((await http.call('GET', PKI)).status).toBe(200)
  })

  it('failAfter: lets n writes through, then fails every later write for good; reads pass', async () => {
    const fault = emulator.faults.add({ failAfter: 2 })
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await createPki(`p${i}`)).status)
    expect(statuses).toEqual([201, 201, 500, 500])
    expect((await http.call('GET', PKI)).status).toBe(200)
    expect(emulator.state.pkis).toHaveLength(2)
    expect(fault).toMatchObject({ seen: 4, hits: 2 })
    fault.remove()
    expect((await createPki()).status).toBe(201)
  })

  it('latencyMs: delays every response', async () => {
    emulator.faults.latencyMs = 150
    const started = performance.now()
    await http.call('GET', PKI)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
  })
})

describe('meanwhile: a concurrent run acting just before a request is handled', () => {
  it('runs before the work, on the request and on a $batch item alike, and the request is answered as usual', async () => {
    const seen: number[] = []
    emulator.faults.add({
      method: 'POST',
      path: /certificateBasedAuthConfigurations$/,
      meanwhile: () => seen.push(emulator.state.pkis.length)
    })
    expect((await createPki('first')).status).toBe(201)
    const batch = await http.call('POST', `${emulator.urls.graph}/v1.0/$batch`, {
      body: {
        requests: [
          {
            id: '1',
            method: 'POST',
            url: '/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations',
            headers: { 'content-type': 'application/json' },
            body: { displayName: 'second' }
          }
        ]
      }
    })
    expect(batch.json.responses[0].status).toBe(201)
    // Each time, before the PKI of that request existed.
    expect(seen).toEqual([0, 1])
    expect(emulator.requests.filter((r) => r.method === 'POST' && r.path.endsWith('Configurations')).map((r) => r.fault)).toEqual([
      'meanwhile',
      'meanwhile'
    ])
  })

  it('is an effect of its own: not with another', () => {
    expect(() => emulator.faults.add({ status: 503, meanwhile: () => undefined })).toThrow(TypeError)
  })
})

describe('204 with a body', () => {
  it('answers DELETE with 204 and a JSON body, and the client still works afterwards', async () => {
    const pki = emulator.state.seedPki('p')
    emulator.config.oddities.deleteWithBody = true
    const res = await http.call('DELETE', `${PKI}/${pki.id}`)
    expect(res.status).toBe(204)
    expect(emulator.state.pkis).toHaveLength(0)
    expect((await http.call('GET', PKI)).status).toBe(200)
  })
})
