// Drift: the plan made from the tenant as read holds at least one write. The planner already
// decides what "differs" means per kind and mode (in `sync`, CAs beyond the given ones are kept,
// so they are not drift; in `replace` they are), so drift is read off the plan, never recomputed.
import type { Plan, PlannedAuthority } from '../plan/types.ts'

export const hasDrift = (plan: Plan): boolean => plan.operations.length > 0

const WHAT: Readonly<Record<Exclude<PlannedAuthority['status'], 'unchanged'>, string>> = {
  create: 'missing from the tenant',
  update: 'held with other properties (CRL URLs, issuer hint or role)',
  remove: 'held by the tenant but not given (`mode: replace` removes it)'
}

/** One line per difference: per CA where the plan names one, else the operation's reason. */
export function driftDifferences(plan: Plan): string[] {
  const lines = plan.authorities
    .filter((ca): ca is PlannedAuthority & { status: keyof typeof WHAT } => ca.status !== 'unchanged')
    .map((ca) => `${ca.isRootAuthority ? 'root' : 'intermediate'} ${ca.subject} (${ca.thumbprint}): ${WHAT[ca.status]}`)
  // Writes about the configuration itself name no CA: a PKI or configuration that does not exist
  // yet, a description to update. The organization store's delete-and-create is how its CA
  // changes are made, already listed per CA.
  const recreate = plan.operations.some((op) => op.action === 'deleteConfiguration')
  const other = plan.operations.filter((op) => op.action === 'updateConfiguration' || (op.action === 'createConfiguration' && !recreate))
  return [...other.map((op) => op.reason), ...lines]
}

/** The message of a dry-run that fails because of `fail-on-drift`. */
export function driftFailure(plan: Plan): string {
  const differences = driftDifferences(plan)
  return (
    `Drift: the tenant differs from the given CAs (${plan.operations.length} Graph write(s) would make it match; ` +
    `\`fail-on-drift\` is true):\n- ${differences.join('\n- ')}\n` +
    'Publish the CAs (a run without `dry-run`), or update `certificates` to what the tenant should hold.'
  )
}
