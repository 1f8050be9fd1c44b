import { describe, expect, it } from '@jest/globals'
import { parseSettings } from '../../src/settings.ts'
import { UserError } from '../../src/errors.ts'

const TENANT = '11111111-2222-4333-8444-555555555555'
const CLIENT = '66666666-7777-4888-8999-000000000000'
const signedIn = { kind: 'pki', certificates: 'c.pem', 'tenant-id': TENANT, 'client-id': CLIENT, 'display-name': 'P' }
const offline = { kind: 'pki', certificates: 'c.pem', 'dry-run': 'true', 'display-name': 'P' }
const parse = (inputs: Record<string, string>) => parseSettings((name) => inputs[name] ?? '', {}).settings

describe('crl-check', () => {
  it.each<[string, Record<string, string>, string]>([
    ['auto (default) in a run that signs in: warn', signedIn, 'warn'],
    ['auto (default) in a dry-run with credentials: warn', { ...signedIn, 'dry-run': 'true' }, 'warn'],
    ['auto (default) in an offline dry-run: off', offline, 'off'],
    ['auto given explicitly, offline: off', { ...offline, 'crl-check': 'auto' }, 'off'],
    ['warn asked for explicitly, offline: warn', { ...offline, 'crl-check': 'warn' }, 'warn'],
    ['error', { ...signedIn, 'crl-check': 'error' }, 'error'],
    ['off', { ...signedIn, 'crl-check': 'off' }, 'off']
  ])('%s', (_what, inputs, expected) => {
    expect(parse(inputs).crlCheck).toBe(expected)
  })
  it('anything else is an error naming the input and its values', () => {
    expect(() => parse({ ...signedIn, 'crl-check': 'strict' })).toThrow(UserError)
    expect(() => parse({ ...signedIn, 'crl-check': 'strict' })).toThrow(
      'Input `crl-check` is "strict"; accepted values: auto, off, warn, error.'
    )
  })
})
