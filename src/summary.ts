// The job summary: a table of CAs with their status, then the plan. Built as Markdown text so it
// is testable without the runner; main.ts appends it to GITHUB_STEP_SUMMARY.
import type { CertificateAuthority, CrlHealth } from './certificates/types.ts'
import type { Plan, PlannedAuthority } from './plan/types.ts'
import type { RunRecord } from './outputs.ts'

export type DisplayStatus = 'created' | 'unchanged' | 'updated' | 'removed' | 'planned' | 'not done'

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

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
}

export function summaryMarkdown(input: SummaryInput): string {
  const { plan, record } = input
  const applied = record !== undefined
  const byThumbprint = new Map(input.authorities.map((ca) => [ca.thumbprint, ca]))
  // The CRL column appears when the CRL check ran (crl-check not off).
  const crlChecked = input.authorities.some((ca) => ca.crl !== undefined)
  const lines = [
    `## ${input.title}`,
    '',
    input.outcome,
    '',
    `| Subject | Role | Thumbprint (SHA-1) | Expires | CRL URL |${crlChecked ? ' CRL |' : ''} Status |`,
    `|---|---|---|---|---|${crlChecked ? '---|' : ''}---|`
  ]
  for (const authority of plan.authorities) {
    const crl = authority.crlUrl ?? byThumbprint.get(authority.thumbprint)?.crlUrl
    lines.push(
      `| ${cell(authority.subject)} | ${authority.isRootAuthority ? 'root' : 'intermediate'} | \`${authority.thumbprint}\` | ` +
        `${authority.notAfter?.slice(0, 10) ?? ''} | ${crl !== undefined ? cell(crl) : '(none)'} | ` +
        (crlChecked ? `${crlCell(byThumbprint.get(authority.thumbprint)?.crl)} | ` : '') +
        `${displayStatus(authority, record, applied)} |`
    )
  }
  lines.push('', `### Plan: ${plan.operations.length === 0 ? 'nothing to change' : `${plan.operations.length} Graph operation(s)`}`, '')
  if (plan.operations.length > 0) {
    lines.push('| # | Method | Path | Reason |', '|---|---|---|---|')
    plan.operations.forEach((op, i) => lines.push(`| ${i + 1} | ${op.method} | \`/${plan.apiVersion}${op.path}\` | ${cell(op.reason)} |`))
  }
  if (plan.refusal !== undefined) lines.push('', `> **Not carried out:** ${cell(plan.refusal)}`)
  return `${lines.join('\n')}\n`
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
  return [head, ...plan.operations.map((op, i) => `  ${i + 1}. ${op.method} /${plan.apiVersion}${op.path}  (${op.reason})`)]
}
