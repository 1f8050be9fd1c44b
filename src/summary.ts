// The job summary: a table of CAs with their status, then the plan, then what the tenant as read
// showed (drift, CAs of its store that expire soon). Built as Markdown text so it is testable
// without the runner; main.ts appends it to GITHUB_STEP_SUMMARY. The pull-request comment
// (review/comment.ts) is made of the same sections, so the two cannot drift apart.
import type { CertificateAuthority, CrlHealth, Problem, SkippedAuthority } from './certificates/types.ts'
import { operationText } from './plan/describe.ts'
import type { Plan, PlannedAuthority } from './plan/types.ts'
import type { RunRecord } from './outputs.ts'
import type { TenantAudit } from './review/audit.ts'
import type { Settings } from './settings-types.ts'
import { problemsSection, skippedSection } from './summary-sections.ts'

export type DisplayStatus = 'created' | 'unchanged' | 'updated' | 'removed' | 'planned' | 'not done'

export const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

/** What happened to a CA: in a dry-run, everything that would change is "planned". */
export function displayStatus(authority: PlannedAuthority, record: RunRecord | undefined, applied: boolean): DisplayStatus {
  if (authority.status === 'unchanged') return 'unchanged'
  if (!applied || record === undefined) return 'planned'
  const done = { create: record.created, remove: record.removed, update: record.updated }[authority.status]
  if (!done.includes(authority.thumbprint)) return 'not done'
  return ({ create: 'created', remove: 'removed', update: 'updated' } as const)[authority.status]
}

export interface SummaryInput {
  readonly title: string
  readonly authorities: readonly CertificateAuthority[]
  readonly plan: Plan
  /** Operations carried out; undefined in a dry-run. */
  readonly record?: RunRecord
  readonly outcome: string
  /** Present when the tenant was read. */
  readonly audit?: TenantAudit
  /** Expired CAs left out by `if-expired: skip`. */
  readonly skipped?: readonly SkippedAuthority[]
  /** Every problem the certificates step reported (warnings, notices), listed in full. */
  readonly problems?: readonly Problem[]
  readonly strict?: boolean
}

export function summaryMarkdown(input: SummaryInput): string {
  const { plan } = input
  const lines = [
    `## ${input.title}`,
    '',
    input.outcome,
    '',
    ...authorityTable(plan.authorities, input),
    '',
    ...planSection(plan),
    ...(input.audit !== undefined ? ['', ...auditSection(input.audit)] : []),
    ...skippedSection(input.skipped ?? []),
    ...problemsSection(input.problems ?? [], input.strict ?? false)
  ]
  return `${lines.join('\n')}\n`
}

/** The CA table: the given rows of the plan, with the status this run gives each. */
export function authorityTable(rows: readonly PlannedAuthority[], input: Pick<SummaryInput, 'authorities' | 'record'>): string[] {
  const { record } = input
  const byThumbprint = new Map(input.authorities.map((ca) => [ca.thumbprint, ca]))
  // The CRL column appears when the CRL check ran (crl-check not off).
  const crlChecked = input.authorities.some((ca) => ca.crl !== undefined)
  const lines = [
    `| Subject | Role | Thumbprint (SHA-1) | Expires | CRL URL |${crlChecked ? ' CRL |' : ''} Status |`,
    `|---|---|---|---|---|${crlChecked ? '---|' : ''}---|`
  ]
  for (const authority of rows) {
    const crl = authority.crlUrl ?? byThumbprint.get(authority.thumbprint)?.crlUrl
    lines.push(
      `| ${cell(authority.subject)} | ${authority.isRootAuthority ? 'root' : 'intermediate'} | \`${authority.thumbprint}\` | ` +
        `${authority.notAfter?.slice(0, 10) ?? ''} | ${crl !== undefined ? cell(crl) : '(none)'} | ` +
        (crlChecked ? `${crlCell(byThumbprint.get(authority.thumbprint)?.crl)} | ` : '') +
        `${displayStatus(authority, record, record !== undefined)} |`
    )
  }
  return lines
}

/** The Graph operations of the plan, numbered, and why a valid plan is not carried out. */
export function planSection(plan: Plan): string[] {
  const lines = [`### Plan: ${plan.operations.length === 0 ? 'nothing to change' : `${plan.operations.length} Graph operation(s)`}`, '']
  if (plan.operations.length > 0) {
    lines.push('| # | Method | Path | Reason |', '|---|---|---|---|')
    plan.operations.forEach((op, i) =>
      lines.push(`| ${i + 1} | ${op.method} | \`/${plan.apiVersion}${op.path}\` | ${cell(operationText(op))} |`)
    )
  }
  if (plan.refusal !== undefined) lines.push('', `> **Not carried out:** ${cell(plan.refusal)}`)
  return lines
}

/** Drift, and the store's CAs that have expired or expire within `min-validity-days`. */
export function auditSection(audit: TenantAudit): string[] {
  const lines = [
    `**Drift:** ${audit.drift ? 'yes, the tenant as read differs from the given CAs (see the plan)' : 'none, the tenant as read holds the given CAs'}.`
  ]
  if (audit.expiring.length === 0) return lines
  lines.push(
    '',
    `### CAs in the tenant that expire soon: ${audit.expiring.length}`,
    '',
    '| Subject | Thumbprint (SHA-1) | Expires | Days left | In `certificates` |',
    '|---|---|---|---|---|'
  )
  for (const ca of audit.expiring) {
    lines.push(
      `| ${cell(ca.subject ?? '(unreadable)')} | \`${ca.thumbprint}\` | ${ca.notAfter.slice(0, 10)} | ` +
        `${ca.daysLeft < 0 ? 'expired' : String(ca.daysLeft)} | ${ca.given ? 'yes' : 'no'} |`
    )
  }
  return lines
}

/** The heading of the summary and the comment: the configuration kind and its name. */
export function reportTitle(settings: Pick<Settings, 'kind' | 'displayName'>): string {
  return `Entra CA chain: ${settings.kind}${settings.displayName !== undefined ? ` "${settings.displayName}"` : ''}`
}

/** The CRL check's verdict in a few words: `ok, 1.2 MB, next 2027-01-31`, or the problem. */
function crlCell(crl: CrlHealth | undefined): string {
  if (crl === undefined) return ''
  const size =
    crl.bytes === null ? [] : [crl.bytes >= 1_000_000 ? `${(crl.bytes / 1_000_000).toFixed(1)} MB` : `${(crl.bytes / 1000).toFixed(1)} KB`]
  const next = crl.nextUpdate === null ? [] : [`next ${crl.nextUpdate.slice(0, 10)}`]
  return cell([crl.status === 'ok' ? 'ok' : `**${crl.status}**`, ...size, ...next].join(', '))
}

/** The plan as log lines. */
export function planLines(plan: Plan): string[] {
  const head =
    `Plan for kind ${plan.kind} (${plan.apiVersion}, mode ${plan.mode}): ` +
    (plan.operations.length === 0 ? 'nothing to change.' : `${plan.operations.length} Graph operation(s):`)
  return [head, ...plan.operations.map((op, i) => `  ${i + 1}. ${op.method} /${plan.apiVersion}${op.path}  (${operationText(op)})`)]
}
