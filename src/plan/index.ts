// Planning: (desired CAs, tenant state, options) -> Plan. Pure; no network, no clock but `now`.
import type { Kind } from '../settings-types.ts'
import { planApplication } from './application.ts'
import { planOrganization } from './organization.ts'
import { PLACEHOLDER } from './paths.ts'
import { planPki } from './pki.ts'
import type { DesiredAuthority, Plan, PlanOptions, TenantState } from './types.ts'

export { operationText } from './describe.ts'
export { kindLimitProblems } from './limits.ts'
export type * from './types.ts'

export function planPublication(desired: readonly DesiredAuthority[], state: TenantState, options: PlanOptions): Plan {
  switch (state.kind) {
    case 'organization':
      return planOrganization(desired, state, options)
    case 'pki':
      return planPki(desired, state, options)
    case 'application':
      return planApplication(desired, state, options)
  }
}

/** The tenant as an offline dry-run assumes it: nothing there yet. */
export function emptyTenant(kind: Kind): TenantState {
  switch (kind) {
    case 'organization':
      return { kind, orgId: PLACEHOLDER.orgId, configuration: null }
    case 'pki':
      return { kind, pki: null, authorities: [] }
    case 'application':
      return { kind, configuration: null, authorities: [] }
  }
}
