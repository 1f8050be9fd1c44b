import { describe, expect, it } from '@jest/globals'
import {
  backoffDelay,
  classifyTransportError,
  displayPath,
  parseGraphErrorBody,
  parseRetryAfter,
  retryDelay
} from '../../src/http/index.ts'

const NOW = Date.parse('2026-11-23T10:00:00Z')

describe('Retry-After is read as seconds or an HTTP date', () => {
  it.each([
    ['3', 3000],
    [' 0 ', 0],
    ['1.5', 1500],
    ['Mon, 23 Nov 2026 10:00:07 GMT', 7000],
    ['Mon, 23 Nov 2026 09:59:00 GMT', 0],
    ['soon', undefined],
    ['-1', undefined],
    [undefined, undefined]
  ])('%j -> %j ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected)
  })

  it('is capped at a sane maximum', () => {
    expect(retryDelay(3_600_000, 0, () => 0.5)).toBe(120_000)
    expect(retryDelay(2000, 0, () => 0.5)).toBe(2000)
  })
})

describe('backoff is exponential with full jitter', () => {
  it.each([
    [0, 0.5, 500],
    [1, 0.5, 1000],
    [2, 0.5, 2000],
    [3, 0.5, 4000],
    [10, 0.5, 15_000],
    [3, 0, 0],
    [3, 0.999, 7992]
  ])('retry %i with random %d waits %i ms', (retry, random, expected) => {
    expect(backoffDelay(retry, () => random)).toBe(expected)
  })

  it('uses backoff when there is no Retry-After', () => {
    expect(retryDelay(undefined, 2, () => 0.25)).toBe(1000)
  })
})

describe('transport errors are sorted by whether the request may have reached the server', () => {
  const err = (code: string, message = 'x'): Error => Object.assign(new Error(message), { code })
  it.each([
    ['ECONNREFUSED', 'before-send'],
    ['EAI_AGAIN', 'before-send'],
    ['UND_ERR_CONNECT_TIMEOUT', 'before-send'],
    ['UND_ERR_PRX_CONN', 'before-send'],
    ['ECONNRESET', 'after-send'],
    ['UND_ERR_SOCKET', 'after-send'],
    ['UND_ERR_HEADERS_TIMEOUT', 'after-send'],
    ['UND_ERR_BODY_TIMEOUT', 'after-send'],
    ['HPE_INVALID_CONSTANT', 'after-send'],
    ['ENOTFOUND', 'permanent'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'permanent'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'permanent'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'permanent']
  ])('%s is %s', (code, phase) => {
    expect(classifyTransportError(err(code))?.phase).toBe(phase)
  })

  it('treats a refused proxy tunnel as not sent', () => {
    expect(classifyTransportError(err('UND_ERR_ABORTED', 'Proxy response (502) !== 200 when HTTP Tunneling'))?.phase).toBe('before-send')
    expect(classifyTransportError(err('UND_ERR_ABORTED', 'Request aborted'))?.phase).toBe('after-send')
  })

  it('reads the code of an AggregateError (happy eyeballs) and of a cause', () => {
    expect(classifyTransportError(new AggregateError([err('ECONNREFUSED')]))?.phase).toBe('before-send')
    expect(classifyTransportError(new Error('fetch failed', { cause: err('ECONNRESET') }))?.phase).toBe('after-send')
  })

  it('leaves errors without a code alone (bugs, not transport)', () => {
    expect(classifyTransportError(new TypeError('x is not a function'))).toBeUndefined()
  })

  it('tells how to trust a TLS-inspecting proxy', () => {
    expect(classifyTransportError(err('SELF_SIGNED_CERT_IN_CHAIN'))?.description).toContain('NODE_EXTRA_CA_CERTS')
  })
})

describe('messages show the path without host or query secrets', () => {
  it.each([
    [
      'https://graph.microsoft.com/v1.0/organization/abc/certificateBasedAuthConfiguration',
      '/v1.0/organization/abc/certificateBasedAuthConfiguration'
    ],
    ["https://graph.microsoft.com/v1.0/x?$filter=displayName eq 'a'&$top=999", "/v1.0/x?$filter=displayName eq 'a'&$top=999"],
    ['https://graph.microsoft.com/v1.0/x?$skiptoken=abc', '/v1.0/x?$skiptoken=***'],
    ['https://pipelines.example/idtoken?api-version=2.0&sig=SECRET&audience=api://x', '/idtoken?api-version=***&sig=***&audience=***']
  ])('%s -> %s', (url, expected) => {
    expect(displayPath(url)).toBe(expected)
  })
})

describe('Graph error bodies are read whatever the casing', () => {
  it.each([
    [
      'innerError',
      { error: { code: 'Request_BadRequest', message: 'Bad', innerError: { 'request-id': 'r1', 'client-request-id': 'c1', date: 'd1' } } }
    ],
    [
      'innererror',
      { error: { code: 'Request_BadRequest', message: 'Bad', innererror: { 'request-id': 'r1', 'client-request-id': 'c1', date: 'd1' } } }
    ],
    [
      'other casing',
      { Error: { Code: 'Request_BadRequest', Message: 'Bad', InnerError: { 'Request-Id': 'r1', 'Client-Request-Id': 'c1', Date: 'd1' } } }
    ]
  ])('%s', (_name, body) => {
    expect(parseGraphErrorBody(body)).toEqual({
      code: 'Request_BadRequest',
      message: 'Bad',
      requestId: 'r1',
      clientRequestId: 'c1',
      date: 'd1'
    })
  })

  it('returns nothing for a body that is not a Graph error', () => {
    expect(parseGraphErrorBody('<html>Bad gateway</html>')).toEqual({})
    expect(parseGraphErrorBody(undefined)).toEqual({})
  })
})
