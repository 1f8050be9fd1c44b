// The review inputs (contract.md `fail-on-drift`, `pr-comment`, `github-token`).
import { describe, expect, it } from '@jest/globals'
import { errorOf, parse } from './support.ts'

const TENANT = '11111111-2222-4333-8444-555555555555'
const CLIENT = '66666666-7777-4888-8999-000000000000'
const TOKEN = 'ghs_0123456789abcdefABCDEF0123456789abcd'
const base = { kind: 'pki', certificates: 'certs/*.pem', 'tenant-id': TENANT, 'client-id': CLIENT, 'display-name': 'Contoso' }

describe('fail-on-drift', () => {
  it('is taken in a dry-run that reads the tenant', () => {
    const { settings, warnings } = parse({ ...base, 'dry-run': 'true', 'fail-on-drift': 'true' })
    expect(settings.failOnDrift).toBe(true)
    expect(warnings).toEqual([])
  })

  it('is an error in an offline dry-run: no drift can be known without reading the tenant', () => {
    expect(errorOf({ kind: 'organization', certificates: 'a.pem', 'dry-run': 'true', 'fail-on-drift': 'true' })).toMatch(
      /^Input `fail-on-drift` needs the tenant read: give `tenant-id` and `client-id`/
    )
  })

  it('is ignored with a warning when the run publishes', () => {
    const { settings, warnings } = parse({ ...base, 'fail-on-drift': 'true' })
    expect(settings.failOnDrift).toBe(true)
    expect(warnings).toEqual([expect.stringMatching(/`fail-on-drift` applies to `dry-run: true` only/)])
  })

  it('accepts only booleans', () => {
    expect(errorOf({ ...base, 'fail-on-drift': 'yes' })).toMatch(/`fail-on-drift` is "yes"; accepted values: true or false/)
  })
})

describe('pr-comment and github-token', () => {
  it('keeps the token only when a comment is asked for', () => {
    expect(parse({ ...base, 'pr-comment': 'true', 'github-token': TOKEN }).settings).toMatchObject({ prComment: true, githubToken: TOKEN })
    const off = parse({ ...base, 'github-token': TOKEN }).settings
    expect(off.prComment).toBe(false)
    expect(off).not.toHaveProperty('githubToken')
  })

  it('an empty token with pr-comment is an error naming both inputs', () => {
    expect(errorOf({ ...base, 'pr-comment': 'true' })).toMatch(/^Input `github-token` is empty, but `pr-comment` is true/)
  })

  it('never echoes the token in an error', () => {
    expect(errorOf({ ...base, 'pr-comment': 'maybe', 'github-token': TOKEN })).not.toContain(TOKEN)
  })
})
