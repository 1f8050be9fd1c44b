// GitHub shows at most 10 error and 10 warning annotations per step (and as many notices); the
// rest are dropped from view. So when a severity has more, the first ones stay annotations, one
// more says how many follow, and the rest are plain log lines: together with the job summary,
// which lists every problem, nothing is lost. The count is per step, so it is kept for the run.

/** Annotations GitHub shows per severity and step. */
export const ANNOTATIONS_SHOWN = 10

export type AnnotationSeverity = 'error' | 'warning' | 'notice'

export interface AnnotationProperties {
  file?: string
  title?: string
}

/** What the capped annotator writes to: the runner (runner.ts) in the action, a recorder in tests. */
export interface AnnotationSink {
  error(message: string, properties?: AnnotationProperties): void
  warning(message: string, properties?: AnnotationProperties): void
  notice(message: string, properties?: AnnotationProperties): void
  info(message: string): void
}

export interface Annotation {
  readonly severity: AnnotationSeverity
  readonly message: string
  readonly properties: AnnotationProperties
}

/**
 * Annotations already written in this step, per severity. One error is kept for the message the
 * step fails with (setFailed writes it as an error annotation), so that it is always seen.
 */
export class AnnotationBudget {
  private readonly used = new Map<AnnotationSeverity, number>([['error', 1]])
  left(severity: AnnotationSeverity): number {
    return ANNOTATIONS_SHOWN - (this.used.get(severity) ?? 0)
  }
  spend(severity: AnnotationSeverity): void {
    this.used.set(severity, (this.used.get(severity) ?? 0) + 1)
  }
}

/** One step is one process: the runner's budget. */
const stepBudget = new AnnotationBudget()

/** Writes every annotation: as annotations while GitHub shows them, then as log lines. */
export function annotateCapped(annotations: readonly Annotation[], sink: AnnotationSink, budget: AnnotationBudget = stepBudget): void {
  for (const severity of ['error', 'warning', 'notice'] as const) {
    const mine = annotations.filter((a) => a.severity === severity)
    const left = budget.left(severity)
    // All fit, or all but one do and the last slot says how many more follow.
    const shown = mine.length <= left ? mine.length : Math.max(0, left - 1)
    mine.slice(0, shown).forEach(({ message, properties }) => {
      sink[severity](message, properties)
      budget.spend(severity)
    })
    const rest = mine.slice(shown)
    if (rest.length === 0) continue
    if (budget.left(severity) > 0) {
      sink[severity](
        `${rest.length} more ${severity}(s) follow as log lines and in the job summary (GitHub shows at most ` +
          `${ANNOTATIONS_SHOWN} ${severity} annotations per step); ${mine.length} in all`
      )
      budget.spend(severity)
    }
    for (const { message } of rest) sink.info(`${severity.toUpperCase()}: ${message}`)
  }
}
