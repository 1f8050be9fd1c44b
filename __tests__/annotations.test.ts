// The annotation cap (contract.md, "Validation"): GitHub shows at most 10 error and 10 warning
// annotations per step. Beyond that the first ones stay annotations, one more says how many
// follow, and every problem is still written: as an annotation or as a log line.
import { describe, expect, it } from '@jest/globals'
import { AnnotationBudget, annotateCapped, type AnnotationSink } from '../src/annotations.ts'
import type { Problem } from '../src/certificates/types.ts'
import { reportProblems } from '../src/report.ts'

interface Written {
  readonly kind: 'error' | 'warning' | 'notice' | 'info'
  readonly message: string
  readonly file?: string
}

function recorder(): { sink: AnnotationSink; written: Written[] } {
  const written: Written[] = []
  const annotate =
    (kind: 'error' | 'warning' | 'notice') =>
    (message: string, properties?: { file?: string }): void => {
      written.push({ kind, message, ...(properties?.file !== undefined ? { file: properties.file } : {}) })
    }
  return {
    written,
    sink: {
      error: annotate('error'),
      warning: annotate('warning'),
      notice: annotate('notice'),
      info: (message) => written.push({ kind: 'info', message })
    }
  }
}

const problems = (severity: Problem['severity'], n: number): Problem[] =>
  Array.from({ length: n }, (_, i) => ({ severity, message: `${severity} ${i + 1}`, file: `certs/${i + 1}.pem` }))

const annotations = (written: readonly Written[], kind: Written['kind']): Written[] => written.filter((w) => w.kind === kind)

describe('annotation cap', () => {
  it('writes up to 10 warnings and 9 errors as annotations (one error is kept for the failure message)', () => {
    const { sink, written } = recorder()
    reportProblems([...problems('warning', 10), ...problems('error', 9)], false, sink, new AnnotationBudget())
    expect(annotations(written, 'warning')).toHaveLength(10)
    expect(annotations(written, 'error')).toHaveLength(9)
    expect(annotations(written, 'info')).toEqual([])
    expect(annotations(written, 'warning')[0]).toEqual({ kind: 'warning', message: 'warning 1', file: 'certs/1.pem' })
  })

  it('beyond that: the first 9 warnings, one saying how many follow, the rest as log lines', () => {
    const { sink, written } = recorder()
    const counts = reportProblems(problems('warning', 46), false, sink, new AnnotationBudget())
    expect(counts).toEqual({ errors: 0, warnings: 46 })
    const shown = annotations(written, 'warning')
    expect(shown).toHaveLength(10)
    expect(shown.slice(0, 9).map((w) => w.message)).toEqual(problems('warning', 9).map((p) => p.message))
    expect(shown[9]?.message).toMatch(/^37 more warning\(s\) follow as log lines and in the job summary .*; 46 in all$/)
    expect(annotations(written, 'info').map((w) => w.message)).toEqual(
      problems('warning', 46)
        .slice(9)
        .map((p) => `WARNING: ${p.message}`)
    )
  })

  it('errors: 8 annotations, one saying how many follow, so that the failure message is the 10th', () => {
    const { sink, written } = recorder()
    reportProblems(problems('error', 42), false, sink, new AnnotationBudget())
    const shown = annotations(written, 'error')
    expect(shown).toHaveLength(9)
    expect(shown[8]?.message).toMatch(/^34 more error\(s\) follow/)
    expect(annotations(written, 'info')).toHaveLength(34)
  })

  it('with strict, warnings are errors and are capped as errors', () => {
    const { sink, written } = recorder()
    expect(reportProblems(problems('warning', 12), true, sink, new AnnotationBudget())).toEqual({ errors: 12, warnings: 0 })
    expect(annotations(written, 'warning')).toEqual([])
    expect(annotations(written, 'error')).toHaveLength(9)
    expect(annotations(written, 'error')[0]?.message).toBe('warning 1 (an error because `strict` is true)')
  })

  it('counts per step: a second report in the same step gets what is left', () => {
    const { sink, written } = recorder()
    const budget = new AnnotationBudget()
    const toAnnotations = (ps: Problem[]) => ps.map((p) => ({ severity: p.severity, message: p.message, properties: {} }))
    annotateCapped(toAnnotations(problems('notice', 7)), sink, budget)
    annotateCapped(toAnnotations(problems('notice', 7)), sink, budget)
    expect(annotations(written, 'notice')).toHaveLength(10)
    expect(annotations(written, 'notice')[9]?.message).toMatch(/^5 more notice\(s\) follow/)
    expect(annotations(written, 'info')).toHaveLength(5)
  })
})
