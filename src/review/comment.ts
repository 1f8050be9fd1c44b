// The pull-request comment: the plan as the job summary shows it (same sections, summary.ts),
// limited to the CAs that change, under a hidden marker that says which configuration it is
// about, so that a later run finds and updates it instead of adding another.
import type { CertificateAuthority } from '../certificates/types.ts'
import type { Plan } from '../plan/types.ts'
import type { Kind } from '../settings-types.ts'
import { auditSection, authorityTable, planSection } from '../summary.ts'
import type { TenantAudit } from './audit.ts'

/** GitHub refuses a comment body longer than this ("Body is too long (maximum is 65536 characters)"). */
export const COMMENT_LIMIT = 65_536

/** Which configuration a comment is about: one comment per pull request and configuration. */
export interface CommentIdentity {
  readonly kind: Kind
  readonly displayName?: string
  /** `tenant-id` as given; absent in an offline dry-run. */
  readonly tenant?: string
}

/** Values are URI-encoded so that a display name holding spaces or `-->` cannot end the marker early. */
export function commentMarker(identity: CommentIdentity): string {
  const value = (text: string | undefined): string => encodeURIComponent(text ?? '')
  return `<!-- entra-ca-chain-action kind=${identity.kind} display-name=${value(identity.displayName)} tenant=${value(identity.tenant ?? 'offline')} -->`
}

export interface CommentInput {
  readonly identity: CommentIdentity
  readonly title: string
  readonly outcome: string
  readonly plan: Plan
  readonly authorities: readonly CertificateAuthority[]
  readonly audit?: TenantAudit
  /** Last line: which run wrote the comment (a link to it). */
  readonly footer?: string
}

export function commentMarkdown(input: CommentInput, limit = COMMENT_LIMIT): string {
  const { plan } = input
  const changing = plan.authorities.filter((ca) => ca.status !== 'unchanged')
  const count = (status: string): number => plan.authorities.filter((ca) => ca.status === status).length
  const lines = [
    commentMarker(input.identity),
    `## ${input.title}`,
    '',
    input.outcome,
    '',
    `**CAs:** ${count('create')} to add, ${count('update')} to update, ${count('remove')} to remove, ${count('unchanged')} unchanged.`,
    ...(changing.length > 0 ? ['', ...authorityTable(changing, { authorities: input.authorities })] : []),
    '',
    ...planSection(plan),
    ...(input.audit !== undefined ? ['', ...auditSection(input.audit)] : [])
  ]
  const footer = input.footer !== undefined ? ['', input.footer] : []
  return truncate(lines, footer, limit)
}

/** Whole lines up to the limit, then a note saying how much was left out; the footer always stays. */
function truncate(lines: readonly string[], footer: readonly string[], limit: number): string {
  const whole = `${[...lines, ...footer].join('\n')}\n`
  if (whole.length <= limit) return whole
  const note = (left: number): string[] => [
    '',
    `> **Truncated:** ${left} more line(s) of the plan do not fit in a comment (GitHub's limit is ${COMMENT_LIMIT} characters); the job summary and the \`plan\` output of the run hold all of it.`
  ]
  const reserve = `${[...note(lines.length), ...footer].join('\n')}\n`.length + 1
  let kept = 0
  let size = 0
  while (kept < lines.length && size + lines[kept]!.length + 1 <= limit - reserve) {
    size += lines[kept]!.length + 1
    kept += 1
  }
  return `${[...lines.slice(0, kept), ...note(lines.length - kept), ...footer].join('\n')}\n`
}
