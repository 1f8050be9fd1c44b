// What a run learns about the tenant as read, beyond the plan itself: whether it drifted from the
// given CAs, and which CAs of its store expire soon. Computed once, right after planning, so that
// the outputs, the summary and the pull-request comment all tell the same.
import type { CertificateAuthority, Problem } from '../certificates/types.ts'
import type { Plan, TenantState } from '../plan/types.ts'
import { hasDrift } from './drift.ts'
import { expiringInStore, storeExpiryProblems, type StoreExpiry } from './expiry.ts'

export interface TenantAudit {
  readonly drift: boolean
  readonly expiring: readonly StoreExpiry[]
  /** Warnings about the store's expiring CAs not reported elsewhere. */
  readonly problems: readonly Problem[]
}

export function auditTenant(
  plan: Plan,
  state: TenantState,
  given: readonly CertificateAuthority[],
  now: Date,
  minValidityDays: number
): TenantAudit {
  const expiring = expiringInStore(state, new Set(given.map((ca) => ca.thumbprint)), now, minValidityDays)
  return { drift: hasDrift(plan), expiring, problems: storeExpiryProblems(expiring, minValidityDays, plan.problems) }
}
