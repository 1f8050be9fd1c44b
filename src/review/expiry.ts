// The store's expiry audit: whenever the tenant is read, every CA it holds that has expired or
// expires within `min-validity-days` is reported, whether `certificates` gives it or not. A CA
// nobody publishes any more still ends sign-ins the day it expires; only the tenant shows it.
import type { Problem } from '../certificates/types.ts'
import type { ExistingAuthority, TenantState } from '../plan/types.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/** A CA of the store that has expired or expires soon. */
export interface StoreExpiry {
  readonly thumbprint: string
  readonly subject?: string
  /** ISO 8601 UTC. */
  readonly notAfter: string
  /** Whole days left; negative once expired. */
  readonly daysLeft: number
  /** Whether `certificates` gives this very certificate (then validation has warned about it already). */
  readonly given: boolean
}

export function storeAuthorities(state: TenantState): readonly ExistingAuthority[] {
  return state.kind === 'organization' ? (state.configuration?.authorities ?? []) : state.authorities
}

export function expiringInStore(state: TenantState, given: ReadonlySet<string>, now: Date, minValidityDays: number): StoreExpiry[] {
  const limit = now.getTime() + minValidityDays * DAY_MS
  return storeAuthorities(state)
    .filter((ca): ca is ExistingAuthority & { notAfter: Date } => ca.notAfter !== undefined && ca.notAfter.getTime() < limit)
    .sort((a, b) => a.notAfter.getTime() - b.notAfter.getTime())
    .map((ca) => ({
      thumbprint: ca.thumbprint,
      ...(ca.subject !== undefined ? { subject: ca.subject } : {}),
      notAfter: ca.notAfter.toISOString(),
      daysLeft: Math.floor((ca.notAfter.getTime() - now.getTime()) / DAY_MS),
      given: given.has(ca.thumbprint)
    }))
}

/**
 * A warning for each expiring CA of the store, except those already warned about: a given CA
 * (validation warned about the same certificate) and one the plan reported (an expired CA that
 * blocks the organization trust store).
 */
export function storeExpiryProblems(expiring: readonly StoreExpiry[], minValidityDays: number, reported: readonly Problem[]): Problem[] {
  return expiring
    .filter((ca) => !ca.given && !reported.some((p) => p.message.includes(ca.thumbprint)))
    .map((ca) => ({ severity: 'warning', message: expiryMessage(ca, minValidityDays) }))
}

function expiryMessage(ca: StoreExpiry, minValidityDays: number): string {
  const name = `The tenant's store holds ${ca.subject ?? 'a CA'} (thumbprint ${ca.thumbprint}), which \`certificates\` does not give`
  const day = ca.notAfter.slice(0, 10)
  if (ca.daysLeft < 0) {
    return `${name}; it expired on ${day}: remove it (\`mode: replace\`, or in the Entra admin center) or publish its renewal.`
  }
  return (
    `${name}; it expires on ${day} (${ca.daysLeft} ${ca.daysLeft === 1 ? 'day' : 'days'} left, less than ` +
    `\`min-validity-days\` ${minValidityDays}): publish the renewed CA before then.`
  )
}
