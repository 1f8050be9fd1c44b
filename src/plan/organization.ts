// organization: one singleton holding the whole list. Graph has no PATCH for it, so any change is
// DELETE then POST of the full new list (graph-api.md §1.3), which the user must allow.
import type { Problem } from '../certificates/types.ts'
import { ORGANIZATION_CONFIGURATION_ID } from '../constants.ts'
import { organizationConfigurationBody, type OrganizationEntry } from './bodies.ts'
import { ORGANIZATION_CONFIGURATION } from './paths.ts'
import type {
  AuthorityStatus,
  DesiredAuthority,
  ExistingAuthority,
  Operation,
  OrganizationState,
  Plan,
  PlanOptions,
  PlannedAuthority
} from './types.ts'

interface Entry extends OrganizationEntry {
  readonly thumbprint: string
}

export function planOrganization(desired: readonly DesiredAuthority[], state: OrganizationState, options: PlanOptions): Plan {
  const path = ORGANIZATION_CONFIGURATION(state.orgId)
  const base = { kind: 'organization', apiVersion: options.apiVersion, mode: options.mode } as const
  const create = (entries: readonly Entry[], reason: string): Operation => ({
    action: 'createConfiguration',
    method: 'POST',
    path,
    reason,
    body: organizationConfigurationBody(entries),
    schema: 'request.createCertificateBasedAuthConfiguration'
  })

  if (state.configuration === null) {
    return {
      ...base,
      operations: [create(desired.map(entryOf), `create the tenant trust store with ${count(desired.length)}`)],
      authorities: desired.map((ca) => planned(ca, 'create')),
      problems: []
    }
  }

  const current = state.configuration
  const existing = new Map(current.authorities.map((ca) => [ca.thumbprint, ca]))
  const wanted = new Set(desired.map((ca) => ca.thumbprint))
  const expired = current.authorities.filter((ca) => ca.notAfter !== undefined && ca.notAfter <= options.now)

  const authorities: PlannedAuthority[] = []
  const target: Entry[] = []
  for (const ca of desired) {
    const found = existing.get(ca.thumbprint)
    // In sync, a CRL URL the store has and the input does not derive is kept, not erased.
    const entry: Entry =
      options.mode === 'sync' && found !== undefined
        ? { ...entryOf(ca), crlUrl: ca.crlUrl ?? found.crlUrl, deltaCrlUrl: ca.deltaCrlUrl ?? found.deltaCrlUrl }
        : entryOf(ca)
    target.push(entry)
    authorities.push(planned(ca, found === undefined ? 'create' : differs(entry, found) ? 'update' : 'unchanged'))
  }
  for (const ca of current.authorities) {
    if (wanted.has(ca.thumbprint)) continue
    if (options.mode === 'replace') authorities.push(plannedExisting(ca, 'remove'))
    else target.push({ ...ca })
  }

  const changed = authorities.some((a) => a.status !== 'unchanged')
  const problems: Problem[] = []
  const blocking = options.mode === 'sync' ? expired : []
  for (const ca of blocking) {
    problems.push({
      severity: changed ? 'error' : 'warning',
      message:
        `The tenant trust store holds an expired CA (${ca.subject ?? ca.thumbprint}, thumbprint ${ca.thumbprint}, ` +
        `expired ${ca.notAfter?.toISOString() ?? ''}). Entra refuses to add CAs while an expired one is in the store; ` +
        'set `mode: replace` to drop it, or remove it in the Entra admin center.'
    })
  }
  if (!changed) {
    return { ...base, operations: [], authorities, configurationId: current.id, problems }
  }

  const tally = (s: AuthorityStatus): number => authorities.filter((a) => a.status === s).length
  const summary = `${tally('create')} to add, ${tally('update')} to update, ${tally('remove')} to remove`
  const operations: Operation[] = [
    {
      action: 'deleteConfiguration',
      method: 'DELETE',
      path: `${path}/${current.id}`,
      reason: `Graph cannot update the tenant trust store: delete it to create it again (${summary}); a backup is written first`
    },
    create(target, `create the tenant trust store again with ${count(target.length)}`)
  ]
  const refusal = options.allowRecreate
    ? undefined
    : `The tenant trust store must change (${summary}), but Graph cannot update it in place: the action would delete ` +
      'it and create it again, and certificate-based sign-ins fail in between. Set `allow-recreate: true` to allow ' +
      'this (the current configuration is backed up first and restored if the create fails), or use `kind: pki`.'
  return {
    ...base,
    operations,
    authorities,
    configurationId: ORGANIZATION_CONFIGURATION_ID,
    problems,
    ...(refusal !== undefined ? { refusal } : {})
  }
}

const count = (n: number): string => `${n} CA${n === 1 ? '' : 's'}`

function entryOf(ca: DesiredAuthority): Entry {
  return { thumbprint: ca.thumbprint, der: ca.der, isRootAuthority: ca.isRootAuthority, crlUrl: ca.crlUrl, deltaCrlUrl: ca.deltaCrlUrl }
}

function differs(entry: Entry, found: ExistingAuthority): boolean {
  return entry.isRootAuthority !== found.isRootAuthority || entry.crlUrl !== found.crlUrl || entry.deltaCrlUrl !== found.deltaCrlUrl
}

export function planned(ca: DesiredAuthority, status: AuthorityStatus): PlannedAuthority {
  return {
    thumbprint: ca.thumbprint,
    subject: ca.subject,
    isRootAuthority: ca.isRootAuthority,
    notAfter: ca.notAfter,
    ...(ca.crlUrl !== undefined ? { crlUrl: ca.crlUrl } : {}),
    status
  }
}

export function plannedExisting(ca: ExistingAuthority, status: AuthorityStatus): PlannedAuthority {
  return {
    thumbprint: ca.thumbprint,
    subject: ca.subject ?? ca.thumbprint,
    isRootAuthority: ca.isRootAuthority,
    ...(ca.notAfter !== undefined ? { notAfter: ca.notAfter.toISOString() } : {}),
    ...(ca.crlUrl !== undefined ? { crlUrl: ca.crlUrl } : {}),
    status
  }
}
