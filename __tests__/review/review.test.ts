// Review and audit, the pure parts: drift read off the plan, the store's expiry audit, the comment's
// Markdown (marker, limit) and which events get a comment.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { planPublication, type PkiState, type PlanOptions } from '../../src/plan/index.ts'
import { auditTenant } from '../../src/review/audit.ts'
import { COMMENT_LIMIT, commentMarkdown, commentMarker } from '../../src/review/comment.ts'
import { driftDifferences, driftFailure, hasDrift } from '../../src/review/drift.ts'
import { pullRequestOf } from '../../src/review/pull-request.ts'
import { desiredCa, existingFrom } from '../helpers/authorities.ts'

const NOW = new Date('2026-12-07T00:00:00Z')
const options = (mode: 'sync' | 'replace'): PlanOptions => ({
  kind: 'pki',
  apiVersion: 'v1.0',
  mode,
  now: NOW,
  allowRecreate: false,
  issuerHints: false,
  displayName: 'Contoso PKI'
})
const pki = (authorities: PkiState['authorities']): PkiState => ({
  kind: 'pki',
  pki: { id: 'pki-1', displayName: 'Contoso PKI' },
  authorities
})

const root = desiredCa({ root: true, subject: 'CN=Contoso Root CA, O=Contoso' })
const issuing = desiredCa({ subject: 'CN=Contoso Issuing CA, O=Contoso', crlUrl: 'http://crl.contoso.example/root.crl' })
// In the store, not given: expires in 10 days and 20 hours (10 whole days left), and one expired on 2026-11-30.
const soon = desiredCa({ root: true, subject: 'CN=Old Root, O=Fabrikam', notAfter: '2026-12-17T20:00:00.000Z' })
const gone = desiredCa({ root: true, subject: 'CN=Gone Root, O=Fabrikam', notAfter: '2026-11-30T00:00:00.000Z' })

describe('drift is any write in the plan made from the tenant as read', () => {
  it('none when the tenant holds every given CA', () => {
    const plan = planPublication([root, issuing], pki([existingFrom(root), existingFrom(issuing)]), options('sync'))
    expect(hasDrift(plan)).toBe(false)
    expect(driftDifferences(plan)).toEqual([])
  })

  it('in sync, CAs beyond the given ones are not drift; in replace they are', () => {
    const state = pki([existingFrom(root), existingFrom(issuing), existingFrom(soon)])
    expect(hasDrift(planPublication([root, issuing], state, options('sync')))).toBe(false)
    const replace = planPublication([root, issuing], state, options('replace'))
    expect(hasDrift(replace)).toBe(true)
    expect(driftDifferences(replace)).toEqual([
      `root CN=Old Root, O=Fabrikam (${soon.thumbprint}): held by the tenant but not given (\`mode: replace\` removes it)`
    ])
  })

  it('lists a missing CA and a CA with another CRL URL, with their thumbprints', () => {
    const plan = planPublication([root, issuing], pki([existingFrom(issuing, { crlUrl: 'http://old.example/root.crl' })]), options('sync'))
    expect(driftDifferences(plan)).toEqual([
      `root CN=Contoso Root CA, O=Contoso (${root.thumbprint}): missing from the tenant`,
      `intermediate CN=Contoso Issuing CA, O=Contoso (${issuing.thumbprint}): held with other properties (CRL URLs, issuer hint or role)`
    ])
    expect(driftFailure(plan)).toMatch(
      /^Drift: the tenant differs from the given CAs \(2 Graph write\(s\) .*`fail-on-drift` is true\):\n- root CN=Contoso Root CA/
    )
  })
})

describe('drift names the configuration when it is missing, not the mechanics of a recreate', () => {
  it('a PKI that does not exist', () => {
    const plan = planPublication([root], { kind: 'pki', pki: null, authorities: [] }, options('sync'))
    expect(driftDifferences(plan)).toEqual([
      'create the PKI "Contoso PKI"',
      `root CN=Contoso Root CA, O=Contoso (${root.thumbprint}): missing from the tenant`
    ])
  })

  it('the tenant trust store recreated to add a CA: the CA only', () => {
    const org = { kind: 'organization' as const, orgId: 'org', configuration: { id: 'c', authorities: [existingFrom(root)] } }
    const plan = planPublication([root, issuing], org, { ...options('sync'), kind: 'organization', allowRecreate: true })
    expect(plan.operations.map((op) => op.action)).toEqual(['deleteConfiguration', 'createConfiguration'])
    expect(driftDifferences(plan)).toEqual([
      `intermediate CN=Contoso Issuing CA, O=Contoso (${issuing.thumbprint}): missing from the tenant`
    ])
  })
})

describe('expiry audit of the store', () => {
  const state = pki([existingFrom(root), existingFrom(soon), existingFrom(gone)])
  const plan = planPublication([root], state, options('sync'))

  it('finds the expired and the expiring CAs, given or not, soonest first', () => {
    const givenSoon = auditTenant(plan, state, [root, soon], NOW, 30)
    expect(givenSoon.expiring).toEqual([
      {
        thumbprint: gone.thumbprint,
        subject: 'CN=Gone Root, O=Fabrikam',
        notAfter: '2026-11-30T00:00:00.000Z',
        daysLeft: -7,
        given: false
      },
      { thumbprint: soon.thumbprint, subject: 'CN=Old Root, O=Fabrikam', notAfter: '2026-12-17T20:00:00.000Z', daysLeft: 10, given: true }
    ])
    // The given one was warned about by validation (the same certificate): one warning, for the other.
    expect(givenSoon.problems.map((p) => p.message)).toEqual([expect.stringContaining(`(thumbprint ${gone.thumbprint})`)])
  })

  it('warns once per CA not given, with its expiry', () => {
    const audit = auditTenant(plan, state, [root], NOW, 30)
    expect(audit.problems).toEqual([
      {
        severity: 'warning',
        message: expect.stringMatching(/Gone Root.*it expired on 2026-11-30: remove it \(`mode: replace`/)
      },
      {
        severity: 'warning',
        message: expect.stringMatching(/Old Root.*expires on 2026-12-17 \(10 days left, less than `min-validity-days` 30\)/)
      }
    ])
  })

  it('min-validity-days bounds the window: 5 days leaves only the expired one', () => {
    expect(auditTenant(plan, state, [root], NOW, 5).expiring.map((ca) => ca.thumbprint)).toEqual([gone.thumbprint])
  })

  it('an expired CA the plan reported already (organization) gets no second warning', () => {
    const org = {
      kind: 'organization' as const,
      orgId: 'org',
      configuration: { id: 'c', authorities: [existingFrom(root), existingFrom(gone)] }
    }
    const orgPlan = planPublication([root, issuing], org, { ...options('sync'), kind: 'organization' })
    expect(orgPlan.problems.some((p) => p.message.includes(gone.thumbprint))).toBe(true)
    const audit = auditTenant(orgPlan, org, [root, issuing], NOW, 30)
    expect(audit.expiring.map((ca) => ca.thumbprint)).toEqual([gone.thumbprint])
    expect(audit.problems).toEqual([])
  })
})

describe('the comment', () => {
  const identity = { kind: 'pki' as const, displayName: 'Contoso PKI --> x', tenant: 'contoso.onmicrosoft.com' }
  const plan = planPublication([root, issuing], pki([existingFrom(root)]), options('sync'))
  const input = { identity, title: 'Entra CA chain: pki "Contoso PKI"', outcome: 'Dry run.', plan, authorities: [root, issuing] }

  it('starts with a marker no display name can end early', () => {
    expect(commentMarker(identity)).toBe(
      '<!-- entra-ca-chain-action kind=pki display-name=Contoso%20PKI%20--%3E%20x tenant=contoso.onmicrosoft.com -->'
    )
    expect(commentMarker({ kind: 'organization' })).toBe('<!-- entra-ca-chain-action kind=organization display-name= tenant=offline -->')
    expect(commentMarkdown(input).split('\n')[0]).toBe(commentMarker(identity))
  })

  it('shows the CAs that change (not the unchanged) and the plan', () => {
    const text = commentMarkdown(input)
    expect(text).toContain('**CAs:** 1 to add, 0 to update, 0 to remove, 1 unchanged.')
    expect(text).toContain(
      `| CN=Contoso Issuing CA, O=Contoso | intermediate | \`${issuing.thumbprint}\` | 2074-01-01 | http://crl.contoso.example/root.crl | planned |`
    )
    expect(text).not.toContain(`\`${root.thumbprint}\``)
    expect(text).toContain('### Plan: 1 Graph operation(s)')
  })

  it('keeps within the limit, with a note and the footer, when the plan is too long', () => {
    const many = Array.from({ length: 400 }, (_, i) => desiredCa({ subject: `CN=${'Very Long Issuing CA Name '.repeat(4)}${i}` }))
    const big = planPublication(many, pki([]), options('sync'))
    const footer = '<sub>Written by run 1</sub>'
    const whole = commentMarkdown({ ...input, plan: big, authorities: many })
    expect(whole.length).toBeGreaterThan(20_000)
    const text = commentMarkdown({ ...input, plan: big, authorities: many, footer }, 20_000)
    expect(text.length).toBeLessThanOrEqual(20_000)
    expect(text).toMatch(
      /> \*\*Truncated:\*\* \d+ more line\(s\) of the plan do not fit in a comment \(GitHub's limit is 65536 characters\)/
    )
    expect(text.trimEnd().endsWith(footer)).toBe(true)
    expect(COMMENT_LIMIT).toBe(65536)
  })
})

describe('which runs comment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'review-event-'))
  const event = join(dir, 'event.json')
  writeFileSync(event, JSON.stringify({ number: 7, pull_request: { number: 7 } }))
  const env = { GITHUB_EVENT_PATH: event, GITHUB_REPOSITORY: 'contoso/pki' }

  it.each(['pull_request', 'pull_request_target'])('%s: the pull request of the event', (name) => {
    expect(pullRequestOf({ ...env, GITHUB_EVENT_NAME: name })).toEqual({ owner: 'contoso', repo: 'pki', number: 7 })
  })

  it.each(['push', 'schedule', 'workflow_dispatch'])('%s: a notice, nothing posted', (name) => {
    expect(pullRequestOf({ ...env, GITHUB_EVENT_NAME: name })).toEqual({
      notice: expect.stringMatching(new RegExp(`triggered by a \`${name}\` event; .*nothing posted`))
    })
  })
})
