// Turns problems into workflow annotations: one each, with the file, all before the step fails.
import type { Problem } from './certificates/types.ts'

/** The annotations the reporter needs (runner.ts in the action; tests pass a recorder). */
export interface Annotator {
  error(message: string, properties?: { file?: string; title?: string }): void
  warning(message: string, properties?: { file?: string; title?: string }): void
  notice(message: string, properties?: { file?: string; title?: string }): void
}

export interface ProblemCounts {
  readonly errors: number
  readonly warnings: number
}

/** Reports every problem; with `strict`, warnings are reported and counted as errors. */
export function reportProblems(problems: readonly Problem[], strict: boolean, annotate: Annotator): ProblemCounts {
  let errors = 0
  let warnings = 0
  for (const problem of problems) {
    const properties = problem.file !== undefined ? { file: problem.file } : {}
    const severity = strict && problem.severity === 'warning' ? 'error' : problem.severity
    if (severity === 'error') {
      errors += 1
      annotate.error(
        strict && problem.severity === 'warning' ? `${problem.message} (an error because \`strict\` is true)` : problem.message,
        properties
      )
    } else if (severity === 'warning') {
      warnings += 1
      annotate.warning(problem.message, properties)
    } else {
      annotate.notice(problem.message, properties)
    }
  }
  return { errors, warnings }
}
