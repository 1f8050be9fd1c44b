// Job summary sections about the input rather than the tenant: the expired CAs left out, every
// problem found (GitHub shows only the first annotations, so the summary is the full list), and
// the summary of a run that failed validation (the problems and the CAs that did validate).
import type { CertificateAuthority, Problem, SkippedAuthority } from './certificates/types.ts'

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
const where = (file: string, index: number | undefined): string => (index === undefined ? file : `${file}: certificate ${index}`)

/** The expired CAs `if-expired: skip` left out; nothing when there are none. */
export function skippedSection(skipped: readonly SkippedAuthority[]): string[] {
  if (skipped.length === 0) return []
  const lines = [
    '',
    `### Left out: ${skipped.length} expired CA(s) (\`if-expired: skip\`)`,
    '',
    '| Subject | Thumbprint (SHA-1) | Expired | File |',
    '|---|---|---|---|'
  ]
  for (const ca of skipped) {
    lines.push(`| ${cell(ca.subject)} | \`${ca.thumbprint}\` | ${ca.notAfter.slice(0, 10)} | ${cell(where(ca.file, ca.index))} |`)
  }
  return lines
}

/** Every problem, as it was reported (with `strict`, warnings count as errors); nothing when there are none. */
export function problemsSection(problems: readonly Problem[], strict: boolean): string[] {
  if (problems.length === 0) return []
  const severityOf = (problem: Problem): string => (strict && problem.severity === 'warning' ? 'error (strict)' : problem.severity)
  const count = (severity: Problem['severity']): number => problems.filter((p) => p.severity === severity).length
  const lines = [
    '',
    `### Problems: ${count('error')} error(s), ${count('warning')} warning(s), ${count('notice')} notice(s)`,
    '',
    '| # | Severity | File | Message |',
    '|---|---|---|---|'
  ]
  problems.forEach((problem, i) => {
    const file = problem.file === undefined ? '' : where(problem.file, problem.index)
    lines.push(`| ${i + 1} | ${severityOf(problem)} | ${cell(file)} | ${cell(problem.message)} |`)
  })
  return lines
}

export interface ValidationFailureSummary {
  readonly title: string
  readonly outcome: string
  readonly authorities: readonly CertificateAuthority[]
  readonly skipped: readonly SkippedAuthority[]
  readonly problems: readonly Problem[]
  readonly strict: boolean
}

/** A run that stopped at validation: what is wrong, and what would have been published. */
export function validationFailureMarkdown(input: ValidationFailureSummary): string {
  const lines = [`## ${input.title}`, '', input.outcome]
  lines.push(...problemsSection(input.problems, input.strict))
  // A CA with an error of its own (expired, signature) did not validate; with `strict`, warnings count.
  const failed = new Set(
    input.problems
      .filter((p) => p.file !== undefined && (p.severity === 'error' || (input.strict && p.severity === 'warning')))
      .map((p) => where(p.file ?? '', p.index))
  )
  const validated = input.authorities.filter((ca) => !failed.has(where(ca.file, ca.index)))
  lines.push('', `### CAs that validated: ${validated.length} of ${input.authorities.length}`)
  if (validated.length > 0) {
    lines.push('', '| Subject | Role | Thumbprint (SHA-1) | Expires | CRL URL |', '|---|---|---|---|---|')
    for (const ca of validated) {
      lines.push(
        `| ${cell(ca.subject)} | ${ca.isRootAuthority ? 'root' : 'intermediate'} | \`${ca.thumbprint}\` | ${ca.notAfter.slice(0, 10)} | ` +
          `${ca.crlUrl !== undefined ? cell(ca.crlUrl) : '(none)'} |`
      )
    }
  }
  lines.push(...skippedSection(input.skipped))
  return `${lines.join('\n')}\n`
}
