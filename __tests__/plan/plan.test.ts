import { describe, expect, it } from '@jest/globals'
import { emptyTenant, kindLimitProblems, planPublication } from '../../src/plan/index.ts'
import type { ApplicationState, Operation, OrganizationState, PkiState, Plan, PlanOptions, TenantState } from '../../src/plan/index.ts'
import type { CertificateAuthority } from '../../src/certificates/types.ts'
import type { ApiVersion, Kind, Mode } from '../../src/settings-types.ts'
import { hasSchema, schemaErrors } from '../helpers/graph-schema.ts'
import { desiredCa, existingFrom } from '../helpers/authorities.ts'

const NOW = new Date('2026-11-23T00:00:00Z')
const ORG_ID = '11111111-2222-4333-8444-555555555555'
const SINGLETON = '29728ade-6ae4-4ee9-9103-412912537da5'

const options = (kind: Kind, extra: Partial<PlanOptions> = {}): PlanOptions => ({
  kind,
  apiVersion: kind === 'application' ? 'beta' : 'v1.0',
  mode: 'sync',
  now: NOW,
  allowRecreate: false,
  issuerHints: false,
  ...(kind !== 'organization' ? { displayName: 'Contoso PKI' } : {}),
  ...extra
})

const chain = (): CertificateAuthority[] => [
  desiredCa({ root: true, subject: 'CN=Contoso Root CA, O=Contoso, C=US' }),
  desiredCa({ subject: 'CN=Contoso Issuing CA 1, O=Contoso, C=US', crlUrl: 'http://crl.contoso.com/root.crl' }),
  desiredCa({
    subject: 'CN=Contoso Issuing CA 2, O=Contoso, C=US',
    crlUrl: 'http://crl.contoso.com/root.crl',
    deltaCrlUrl: 'http://crl.contoso.com/root+.crl'
  })
]

const orgState = (authorities: OrganizationState['configuration']): OrganizationState => ({
  kind: 'organization',
  orgId: ORG_ID,
  configuration: authorities
})
const pkiState = (authorities: PkiState['authorities']): PkiState => ({
  kind: 'pki',
  pki: { id: 'pki-1', displayName: 'Contoso PKI' },
  authorities
})
const appState = (authorities: ApplicationState['authorities'], description?: string): ApplicationState => ({
  kind: 'application',
  configuration: { id: 'app-1', displayName: 'Contoso PKI', ...(description !== undefined ? { description } : {}) },
  authorities
})

const methods = (plan: Plan): string[] => plan.operations.map((op) => `${op.method} ${op.path}`)

describe('every request body validates against the official strict request schema', () => {
  const desired = chain()
  const stranger = desiredCa({ root: true, subject: 'CN=Old Root, O=Fabrikam' })
  const cases: Array<[Kind, ApiVersion, Mode, TenantState]> = []
  for (const version of ['v1.0', 'beta'] as const) {
    for (const mode of ['sync', 'replace'] as const) {
      cases.push(['organization', version, mode, emptyTenant('organization')])
      cases.push([
        'organization',
        version,
        mode,
        orgState({ id: SINGLETON, authorities: [existingFrom(desired[0]!), existingFrom(stranger)] })
      ])
      cases.push(['pki', version, mode, emptyTenant('pki')])
      cases.push([
        'pki',
        version,
        mode,
        pkiState([existingFrom(desired[1]!, { crlUrl: 'http://old/crl', isIssuerHintEnabled: true }), existingFrom(stranger)])
      ])
    }
  }
  for (const mode of ['sync', 'replace'] as const) {
    cases.push(['application', 'beta', mode, emptyTenant('application')])
    cases.push([
      'application',
      'beta',
      mode,
      appState([existingFrom(desired[1]!, { isRootAuthority: true }), existingFrom(stranger)], 'old')
    ])
  }

  it.each(cases)('%s %s %s (%#)', (kind, apiVersion, mode, state) => {
    const plan = planPublication(
      desired,
      state,
      options(kind, { apiVersion, mode, allowRecreate: true, issuerHints: true, description: 'Contoso CAs' })
    )
    const withBody = plan.operations.filter((op) => op.body !== undefined)
    expect(withBody.length).toBeGreaterThan(0)
    for (const op of withBody) {
      expect(op.schema).toBeDefined()
      expect(hasSchema(apiVersion, op.schema!)).toBe(true)
      expect({ op: `${op.method} ${op.path}`, errors: schemaErrors(apiVersion, op.schema!, op.body) }).toEqual({
        op: `${op.method} ${op.path}`,
        errors: []
      })
    }
    for (const op of plan.operations.filter((o) => o.body === undefined)) expect(op.method).toBe('DELETE')
  })

  it('the schema check itself rejects a read-only property and the documented trailing-space key', () => {
    expect(
      schemaErrors('v1.0', 'request.certificateAuthority', { certificate: 'AAAA', isRootAuthority: true, issuer: 'CN=x' })
    ).not.toEqual([])
    expect(
      schemaErrors('beta', 'request.createCertificateBasedApplicationConfiguration', {
        'trustedCertificateAuthorities ': [{ certificate: 'AAAA', isRootAuthority: true }]
      })
    ).not.toEqual([])
  })
})

describe('organization', () => {
  it('creates the trust store with every CA when none exists, never sending read-only fields', () => {
    const desired = chain()
    const plan = planPublication(desired, orgState(null), options('organization'))
    expect(methods(plan)).toEqual([`POST /organization/${ORG_ID}/certificateBasedAuthConfiguration`])
    const body = plan.operations[0]!.body as { certificateAuthorities: Array<Record<string, unknown>> }
    expect(body.certificateAuthorities).toEqual(
      desired.map((ca) => ({
        certificate: ca.der.toString('base64'),
        isRootAuthority: ca.isRootAuthority,
        ...(ca.crlUrl !== undefined ? { certificateRevocationListUrl: ca.crlUrl } : {}),
        ...(ca.deltaCrlUrl !== undefined ? { deltaCertificateRevocationListUrl: ca.deltaCrlUrl } : {})
      }))
    )
    expect(plan.authorities.map((a) => a.status)).toEqual(['create', 'create', 'create'])
    expect(plan.refusal).toBeUndefined()
  })

  it('offline, uses a placeholder for the tenant id', () => {
    const plan = planPublication(chain(), emptyTenant('organization'), options('organization'))
    expect(methods(plan)).toEqual(['POST /organization/{tenantId}/certificateBasedAuthConfiguration'])
  })

  it('does nothing when the store already holds every CA (sync keeps others)', () => {
    const desired = chain()
    const other = existingFrom(desiredCa({ root: true }))
    const plan = planPublication(
      desired,
      orgState({ id: SINGLETON, authorities: [...desired.map((c) => existingFrom(c)), other] }),
      options('organization')
    )
    expect(plan.operations).toEqual([])
    expect(plan.configurationId).toBe(SINGLETON)
    expect(plan.authorities.map((a) => a.status)).toEqual(['unchanged', 'unchanged', 'unchanged'])
  })

  it('in sync, plans delete then create of the union, and refuses it without allow-recreate', () => {
    const desired = chain()
    const other = existingFrom(desiredCa({ root: true }))
    const state = orgState({ id: SINGLETON, authorities: [existingFrom(desired[0]!), other] })
    const plan = planPublication(desired, state, options('organization'))
    expect(methods(plan)).toEqual([
      `DELETE /organization/${ORG_ID}/certificateBasedAuthConfiguration/${SINGLETON}`,
      `POST /organization/${ORG_ID}/certificateBasedAuthConfiguration`
    ])
    const sent = (plan.operations[1]!.body as { certificateAuthorities: Array<{ certificate: string }> }).certificateAuthorities
    expect(sent.map((c) => c.certificate).sort()).toEqual([...desired.map((c) => c.der), other.der].map((d) => d.toString('base64')).sort())
    expect(plan.refusal).toMatch(/allow-recreate: true/)
    expect(plan.refusal).toMatch(/2 to add, 0 to update, 0 to remove/)
    expect(planPublication(desired, state, options('organization', { allowRecreate: true })).refusal).toBeUndefined()
  })

  it('in replace, drops CAs not given, expired ones included', () => {
    const desired = chain()
    const expired = existingFrom(desiredCa({ root: true }), { notAfter: new Date('2020-01-01Z') })
    const plan = planPublication(
      desired,
      orgState({ id: SINGLETON, authorities: [...desired.map((c) => existingFrom(c)), expired] }),
      options('organization', { mode: 'replace', allowRecreate: true })
    )
    const sent = (plan.operations[1]!.body as { certificateAuthorities: unknown[] }).certificateAuthorities
    expect(sent).toHaveLength(3)
    expect(plan.authorities.find((a) => a.thumbprint === expired.thumbprint)?.status).toBe('remove')
    expect(plan.problems).toEqual([])
  })

  it('in sync, an expired CA in the store is an error when a change is needed and a warning otherwise', () => {
    const desired = chain()
    const expired = existingFrom(desiredCa({ root: true }), { notAfter: new Date('2020-01-01Z') })
    const change = planPublication(
      desired,
      orgState({ id: SINGLETON, authorities: [expired] }),
      options('organization', { allowRecreate: true })
    )
    expect(change.problems).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringContaining(expired.thumbprint) })])
    expect(change.problems[0]!.message).toMatch(/mode: replace/)
    const none = planPublication(
      desired,
      orgState({ id: SINGLETON, authorities: [...desired.map((c) => existingFrom(c)), expired] }),
      options('organization')
    )
    expect(none.operations).toEqual([])
    expect(none.problems).toEqual([expect.objectContaining({ severity: 'warning' })])
  })

  it('treats a CRL URL change as a change, and in sync keeps a CRL URL the input does not give', () => {
    const [root, issuing] = chain()
    const changed = planPublication(
      [root!, issuing!],
      orgState({ id: SINGLETON, authorities: [existingFrom(root!), existingFrom(issuing!, { crlUrl: 'http://old/crl' })] }),
      options('organization', { allowRecreate: true })
    )
    expect(changed.authorities.map((a) => a.status)).toEqual(['unchanged', 'update'])
    const kept = planPublication(
      [root!],
      orgState({ id: SINGLETON, authorities: [existingFrom(root!, { crlUrl: 'http://kept/crl' })] }),
      options('organization')
    )
    expect(kept.operations).toEqual([])
  })
})

describe('pki', () => {
  it('creates the PKI, then every CA under the id it will get', () => {
    const desired = chain()
    const plan = planPublication(desired, emptyTenant('pki'), options('pki'))
    const P = '/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations'
    expect(methods(plan)).toEqual([`POST ${P}`, ...desired.map(() => `POST ${P}/{pkiId}/certificateAuthorities`)])
    expect(plan.operations[0]!.body).toEqual({ displayName: 'Contoso PKI' })
    const root = plan.operations[1]!.body!
    expect(root).toEqual({
      certificate: desired[0]!.der.toString('base64'),
      certificateAuthorityType: 'root',
      thumbprint: desired[0]!.thumbprint,
      expirationDateTime: desired[0]!.notAfter,
      issuer: desired[0]!.subject,
      issuerSubjectKeyIdentifier: desired[0]!.issuerSki,
      displayName: 'Contoso Root CA',
      isIssuerHintEnabled: false
    })
    expect(plan.operations[3]!.body).toMatchObject({
      certificateAuthorityType: 'intermediate',
      deltaCertificateRevocationListUrl: 'http://crl.contoso.com/root+.crl'
    })
  })

  it('adds what is missing, patches only what differs, and leaves the rest', () => {
    const [root, a, b] = chain()
    const plan = planPublication(
      [root!, a!, b!],
      pkiState([existingFrom(root!), existingFrom(a!, { crlUrl: 'http://old/crl', isIssuerHintEnabled: false })]),
      options('pki')
    )
    expect(plan.operations.map((op) => [op.action, op.thumbprint])).toEqual([
      ['createAuthority', b!.thumbprint],
      ['updateAuthority', a!.thumbprint]
    ])
    expect(plan.operations[1]!.body).toEqual({ certificateRevocationListUrl: a!.crlUrl })
    expect(plan.authorities.map((x) => x.status)).toEqual(['unchanged', 'update', 'create'])
  })

  it('in sync removes nothing; in replace removes extras after every addition', () => {
    const [root, a] = chain()
    const extra = existingFrom(desiredCa({ root: true }))
    const state = pkiState([extra])
    expect(planPublication([root!, a!], state, options('pki')).operations.map((o) => o.action)).toEqual([
      'createAuthority',
      'createAuthority'
    ])
    const replace = planPublication([root!, a!], state, options('pki', { mode: 'replace' }))
    expect(replace.operations.map((o) => o.action)).toEqual(['createAuthority', 'createAuthority', 'deleteAuthority'])
    expect(replace.operations[2]!.path).toBe(
      `/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations/pki-1/certificateAuthorities/${extra.id}`
    )
  })

  it('issuer hints are patched when they differ', () => {
    const [root] = chain()
    const plan = planPublication([root!], pkiState([existingFrom(root!)]), options('pki', { issuerHints: true }))
    expect(plan.operations.map((o) => o.body)).toEqual([{ isIssuerHintEnabled: true }])
  })

  it('refuses to grow past 250 CAs in sync; in replace deletes just enough first', () => {
    const held = Array.from({ length: 249 }, () => existingFrom(desiredCa()))
    const desired = [desiredCa({ root: true }), desiredCa(), desiredCa()]
    const sync = planPublication(desired, pkiState(held), options('pki'))
    expect(sync.problems).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/252 CAs.*at most 250/) })])
    const replace = planPublication(desired, pkiState(held), options('pki', { mode: 'replace' }))
    expect(replace.problems).toEqual([])
    const actions = replace.operations.map((o) => o.action)
    expect(actions.slice(0, 2)).toEqual(['deleteAuthority', 'deleteAuthority'])
    let count = held.length
    for (const action of actions) {
      count += action === 'createAuthority' ? 1 : -1
      expect(count).toBeLessThanOrEqual(250)
    }
  })
})

describe('application', () => {
  it('creates the configuration with every CA inline', () => {
    const desired = chain()
    const plan = planPublication(desired, emptyTenant('application'), options('application', { description: 'Contoso CAs' }))
    expect(methods(plan)).toEqual(['POST /directory/certificateAuthorities/certificateBasedApplicationConfigurations'])
    expect(plan.operations[0]!.body).toEqual({
      displayName: 'Contoso PKI',
      description: 'Contoso CAs',
      trustedCertificateAuthorities: desired.map((ca) => ({
        certificate: ca.der.toString('base64'),
        isRootAuthority: ca.isRootAuthority,
        issuer: ca.subject,
        issuerSubjectKeyIdentifier: ca.issuerSki
      }))
    })
  })

  it('adds roots first, flips isRootAuthority, patches the description, and in sync removes nothing', () => {
    const [root, a, b] = chain()
    const plan = planPublication(
      [a!, root!, b!],
      appState([existingFrom(b!, { isRootAuthority: true })], 'old'),
      options('application', { description: 'new' })
    )
    expect(plan.operations.map((o) => [o.action, o.thumbprint ?? ''])).toEqual([
      ['updateConfiguration', ''],
      ['createAuthority', root!.thumbprint],
      ['createAuthority', a!.thumbprint],
      ['updateAuthority', b!.thumbprint]
    ])
    expect(plan.operations[3]!.body).toEqual({ isRootAuthority: false })
  })

  // Replays the operations on the store and checks the invariants Graph enforces at every step.
  const replay = (
    state: ApplicationState,
    ops: readonly Operation[],
    desired: readonly CertificateAuthority[]
  ): Array<{ size: number; roots: number }> => {
    const held = new Map(state.authorities.map((a) => [a.thumbprint, a.isRootAuthority]))
    const byId = new Map(state.authorities.map((a) => [a.id, a.thumbprint]))
    const steps: Array<{ size: number; roots: number }> = []
    for (const op of ops) {
      if (op.action === 'createAuthority') held.set(op.thumbprint!, desired.find((d) => d.thumbprint === op.thumbprint)!.isRootAuthority)
      if (op.action === 'deleteAuthority') held.delete(byId.get(op.authorityId)!)
      if (op.action === 'updateAuthority') held.set(op.thumbprint!, (op.body as { isRootAuthority: boolean }).isRootAuthority)
      steps.push({ size: held.size, roots: [...held.values()].filter(Boolean).length })
    }
    return steps
  }

  it('in replace keeps a root and at most 10 CAs at every step', () => {
    const oldRoot = existingFrom(desiredCa({ root: true }))
    const oldOthers = Array.from({ length: 9 }, () => existingFrom(desiredCa()))
    const state = appState([...oldOthers, oldRoot])
    const desired = [desiredCa({ root: true }), ...Array.from({ length: 4 }, () => desiredCa())]
    const plan = planPublication(desired, state, options('application', { mode: 'replace' }))
    expect(plan.problems).toEqual([])
    const steps = replay(state, plan.operations, desired)
    for (const step of steps) {
      expect(step.size).toBeLessThanOrEqual(10)
      expect(step.roots).toBeGreaterThanOrEqual(1)
    }
    expect(steps.at(-1)).toEqual({ size: 5, roots: 1 })
  })

  it('in sync refuses to grow past 10 CAs', () => {
    const state = appState(Array.from({ length: 9 }, () => existingFrom(desiredCa({ root: true }))))
    const plan = planPublication([desiredCa({ root: true }), desiredCa()], state, options('application'))
    expect(plan.problems).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/11 CAs.*at most 10/) })])
  })
})

describe('per-kind limits on the given set', () => {
  it.each<[Kind, string, CertificateAuthority[], RegExp]>([
    ['pki', 'a CA over 8 KB', [desiredCa({ root: true, der: Buffer.alloc(8193, 1) })], /8193 bytes.*8192/],
    ['pki', '251 CAs', Array.from({ length: 251 }, () => desiredCa()), /251 CAs; a PKI holds at most 250/],
    [
      'application',
      '11 CAs',
      Array.from({ length: 11 }, () => desiredCa({ root: true })),
      /11 CAs; an application configuration holds 1 to 10/
    ],
    ['application', 'no root', [desiredCa()], /at least one root/]
  ])('%s: %s', (kind, _label, desired, message) => {
    expect(
      kindLimitProblems(kind, desired)
        .map((p) => p.message)
        .join('\n')
    ).toMatch(message)
  })

  it('accepts sets within the limits', () => {
    expect(kindLimitProblems('pki', chain())).toEqual([])
    expect(kindLimitProblems('application', chain())).toEqual([])
    expect(kindLimitProblems('organization', chain())).toEqual([])
  })
})
