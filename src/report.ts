// Turns problems into workflow annotations: one each, with the file, all before the step fails
// (beyond what GitHub shows per step, as log lines: annotations.ts).
import { type Annotation, type AnnotationBudget, type AnnotationSink, annotateCapped } from './annotations.ts'
import type { Problem } from './certificates/types.ts'

/** The annotations and log lines the reporter needs (runner.ts in the action; tests pass a recorder). */
export type Annotator = AnnotationSink

export interface ProblemCounts {
  readonly errors: number
  readonly warnings: number
}

/**
 * Reports every problem; with `strict`, warnings are reported and counted as errors. `budget`
 * counts the annotations of the step (the process's own unless a test passes one).
 */
export function reportProblems(
  problems: readonly Problem[],
  strict: boolean,
  annotate: Annotator,
  budget?: AnnotationBudget
): ProblemCounts {
  const annotations: Annotation[] = problems.map((problem) => {
    const properties = problem.file !== undefined ? { file: problem.file } : {}
    if (strict && problem.severity === 'warning') {
      return { severity: 'error', message: `${problem.message} (an error because \`strict\` is true)`, properties }
    }
    return { severity: problem.severity, message: problem.message, properties }
  })
  annotateCapped(annotations, annotate, budget)
  return {
    errors: annotations.filter((a) => a.severity === 'error').length,
    warnings: annotations.filter((a) => a.severity === 'warning').length
  }
}
