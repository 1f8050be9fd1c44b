// The inputs of the certificates group that real bundles need: `if-expired` and `leaf-certificates`.
import { describe, expect, it } from '@jest/globals'
import { UserError } from '../../src/errors.ts'
import { parseSettings } from '../../src/settings.ts'

const base = { kind: 'pki', certificates: 'certs/*.p7b', 'dry-run': 'true', 'display-name': 'DoD' }
const parse = (inputs: Record<string, string>) => parseSettings((name) => inputs[name] ?? '', { GITHUB_WORKSPACE: '/ws' }).settings

describe('if-expired', () => {
  it.each([
    ['', 'error'],
    ['error', 'error'],
    ['skip', 'skip']
  ])('"%s" gives %s', (raw, policy) => {
    expect(parse({ ...base, 'if-expired': raw }).ifExpired).toBe(policy)
  })

  it('refuses another value, naming the input and the values it accepts', () => {
    expect(() => parse({ ...base, 'if-expired': 'ignore' })).toThrow(
      new UserError('Input `if-expired` is "ignore"; accepted values: error, skip.')
    )
  })
})

describe('leaf-certificates', () => {
  it('is empty unless given', () => {
    expect(parse(base).leafCertificates).toEqual([])
  })

  it('takes one path or glob a line, blank lines ignored', () => {
    expect(parse({ ...base, 'leaf-certificates': 'users/*.cer\n\n  cards/alice.pem  \n' }).leafCertificates).toEqual([
      'users/*.cer',
      'cards/alice.pem'
    ])
  })
})
