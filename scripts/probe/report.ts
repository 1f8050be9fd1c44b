// The probe's report, JSON for machines and Markdown for the pull request that changes the
// emulator's defaults to match (emulator/config.ts, DEFAULT_UNCONFIRMED and the oddities).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CleanupResult } from './cleanup.ts'
import type { Exchange } from './graph.ts'
import type { Finding } from './points.ts'

export interface ProbeReport {
  readonly tool: 'entra-ca-chain-action probe'
  readonly startedAt: string
  readonly finishedAt: string
  readonly graphUrl: string
  readonly tenantId: string
  readonly pkiName: string
  /** How the run ended: `completed`, `failed: …`, or `interrupted by SIGINT`. */
  readonly outcome: string
  readonly findings: readonly Finding[]
  readonly cleanup: CleanupResult
  readonly exchanges: readonly Exchange[]
}

export function writeReport(outDir: string, report: ProbeReport): { json: string; markdown: string } {
  mkdirSync(outDir, { recursive: true })
  const stem = join(outDir, `probe-report-${report.startedAt.replace(/[:.]/g, '-')}`)
  const json = `${stem}.json`
  const markdown = `${stem}.md`
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`)
  writeFileSync(markdown, toMarkdown(report))
  return { json, markdown }
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

export function toMarkdown(report: ProbeReport): string {
  const agree = (a: boolean | null): string => (a === null ? '–' : a ? 'yes' : '**no**')
  return [
    `# Graph probe: ${report.graphUrl}`,
    '',
    `Tenant ${report.tenantId}, PKI \`${report.pkiName}\`, ${report.startedAt} to ${report.finishedAt}: ${report.outcome}.`,
    '',
    '| point | Graph did | emulator default | agrees |',
    '|---|---|---|---|',
    ...report.findings.map((f) => `| ${cell(f.point)} | ${cell(f.observed)} | ${cell(f.emulator)} | ${agree(f.agrees)} |`),
    '',
    '## Cleanup',
    '',
    `Deleted: ${report.cleanup.deleted.join(', ') || 'nothing'}. Left behind: ${report.cleanup.leftovers.join(', ') || 'nothing'}.` +
      (report.cleanup.errors.length > 0 ? ` Errors: ${report.cleanup.errors.join('; ')}.` : ''),
    '',
    '## Requests',
    '',
    '| # | method | path | status | ms |',
    '|---|---|---|---|---|',
    ...report.exchanges.map((e, i) => `| ${i + 1} | ${e.method} | ${cell(e.path)} | ${e.status ?? 'none'} | ${e.ms} |`),
    ''
  ].join('\n')
}
