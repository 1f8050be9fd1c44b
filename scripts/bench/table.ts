// The bench's table, printed from its JSON report: rows with median, min, max and runs, the
// comparisons against their targets, and the notes.
import type { BenchReport } from './measure.ts'
import { crlRows } from './crl.ts'
import { THROTTLING } from './requests.ts'
import type { Figure } from './stats.ts'

type PublicationRow = BenchReport['rows']['publication10']

const ms = (v: number): string => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 2 : 0)} ms`)
const bytes = (v: number): string => `${(v / 1024).toFixed(0)} KiB`
const fig = (f: Figure, fmt: (v: number) => string): [string, string, string, string] => [
  fmt(f.median),
  fmt(f.min),
  fmt(f.max),
  String(f.runs)
]
const count = (f: Figure): string => (f.min === f.max ? String(f.median) : `${f.median} (${f.min}–${f.max})`)
const publicationDetail = (p: PublicationRow): string =>
  `${count(p.httpRequests)} HTTP requests (${count(p.requests)} with batch items), ${count(p.sequentialRounds)} rounds, peak ${count(p.peakConcurrency)} in flight; ` +
  `${ms(p.beforeFirstRequestMs.median)} before the 1st request, ${ms(p.afterLastAnswerMs.median)} after the last; ` +
  `emulator CPU ${ms(p.emulatorCpuMs.median)}`

export function renderTable(report: BenchReport, outPath: string): string {
  const { rows: measured, comparisons, informational, machine, project, notes, settings, floor } = report
  const az = measured.azRest10
  const rows: string[][] = [
    [
      'dist/ size, all files',
      bytes(measured.distSize.total.bytes),
      '',
      '',
      '1',
      `gzip -9 ${bytes(measured.distSize.total.gzipBytes)}; ${measured.distSize.files.length} files`
    ],
    [
      '  of which dist/index.js (loaded at start)',
      bytes(measured.distSize.entry.bytes),
      '',
      '',
      '1',
      `gzip -9 ${bytes(measured.distSize.entry.gzipBytes)}`
    ],
    ['node -e 0 (baseline)', ...fig(measured.coldStart.nodeBaselineMs, ms), ''],
    ['cold start: dry-run, 10 CAs', ...fig(measured.coldStart.dryRunMs, ms), 'offline, whole process'],
    [
      `enrichment: ${measured.enrichment.cas} Mozilla roots, total`,
      ...fig(measured.enrichment.totalMs, ms),
      `${measured.enrichment.excludedExpired.length} expired roots left out (note 3)`
    ],
    [
      '  per certificate',
      ...fig(measured.enrichment.perCertificateMs, ms),
      `marginal ${ms(measured.enrichment.marginalPerCertificateMs)}/cert over the 10-CA dry-run`
    ],
    ['PKI limit: dry-run, 250 CAs', ...fig(measured.pkiLimit.totalMs, ms), 'offline, whole process, 250 files'],
    ["  action's own time (minus node -e 0)", ...fig(measured.pkiLimit.ownMs, ms), 'validate, enrich and plan 250 CAs; target < 1 s'],
    [
      `publication pki, 10 CAs @ ${settings.latencyMs} ms`,
      ...fig(measured.publication10.wallMs, ms),
      publicationDetail(measured.publication10)
    ],
    ['  network span (first request in, last answer out)', ...fig(measured.publication10.networkSpanMs, ms), `floor ${ms(floor.ms)}`],
    [
      `publication pki, 100 CAs @ ${settings.latencyMs} ms`,
      ...fig(measured.publication100.wallMs, ms),
      publicationDetail(measured.publication100)
    ],
    ['  network span (first request in, last answer out)', ...fig(measured.publication100.networkSpanMs, ms), `floor ${ms(floor.ms)}`],
    [
      `publication pki, 100 CAs into an existing PKI @ ${settings.latencyMs} ms`,
      ...fig(measured.publication100Existing.wallMs, ms),
      publicationDetail(measured.publication100Existing)
    ],
    [
      '  network span (first request in, last answer out)',
      ...fig(measured.publication100Existing.networkSpanMs, ms),
      `floor ${ms(floor.ms)}`
    ],
    [
      '  same, 0 ms latency',
      ...fig(informational.publication100WallAtZeroLatencyMs, ms),
      `latency costs ${ms(informational.publication100LatencyCostMs)} ≈ ${informational.publication100EffectiveRoundTrips} × ${settings.latencyMs} ms`
    ],
    az.status === 'measured'
      ? [
          `az rest, 10 CAs @ ${settings.latencyMs} ms`,
          ...fig(az.wallMs, ms),
          `${az.calls} sequential calls, ${ms(az.perCallMs.median)}/call, azure-cli ${az.azureCli}`
        ]
      : [`az rest, 10 CAs @ ${settings.latencyMs} ms`, 'skipped', '', '', '0', az.reason],
    ...crlRows(measured.crlCheck, ms)
  ]
  const header = ['row', 'median', 'min', 'max', 'runs', 'detail']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === 5 ? 0 : r[i]!.length))))
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : i === 5 ? c : c.padStart(widths[i]!))).join('  ')
  const out: string[] = []
  out.push(
    `Benchmark of ${/^[0-9a-f]{40}$/.test(project.commit) ? project.commit.slice(0, 12) : project.commit}${project.uncommitted.length ? ' (uncommitted changes in src/ or dist/)' : ''}, ` +
      `${machine.nproc} CPUs (${machine.cpuModel}), Node ${machine.node}, latency ${settings.latencyMs} ms, ` +
      `load average ${machine.loadAverage1m.start} → ${machine.loadAverage1m.end}`
  )
  out.push('')
  out.push(line(header))
  out.push(line(header.map((_, i) => '-'.repeat(i === 5 ? 6 : widths[i]!))))
  for (const row of rows) out.push(line(row))
  out.push('')
  const cmpRows = Object.values(comparisons).map((c) =>
    'skipped' in c
      ? [c.what, 'skipped', '', '', '', c.skipped]
      : [c.what, c.value.toFixed(2), `${c.pairMin.toFixed(2)}–${c.pairMax.toFixed(2)}`, c.target, c.met ? 'yes' : 'NO', '']
  )
  const cmpHeader = ['comparison (side by side, same run)', 'ratio', 'per-run', 'target', 'met', '']
  const cw = cmpHeader.map((h, i) => Math.max(h.length, ...cmpRows.map((r) => (i === 5 ? 0 : r[i]!.length))))
  const cline = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(cw[i]!) : i === 5 ? c : c.padStart(cw[i]!)))
      .join('  ')
      .trimEnd()
  out.push(cline(cmpHeader))
  for (const row of cmpRows) out.push(cline(row))
  out.push(
    `  throttling (100 CAs): ${measured.publication100.throttling.withinBudgets ? 'within budgets' : 'OUT OF BUDGET'}; ` +
      `${measured.publication100.throttling.throttledResponses} 429/503, peak ${measured.publication100.throttling.peakResourceUnitsPer10s} RU/10 s (≤ ${THROTTLING.resourceUnitsPer10s}), ` +
      `${measured.publication100.throttling.peakWritesPer150s} writes/150 s (≤ ${THROTTLING.writesPer150s})`
  )
  out.push(`  critical path (100 CAs): ${measured.publication100.criticalPath}`)
  out.push('')
  out.push('Notes:')
  notes.forEach((n, i) => out.push(`  ${i + 1}. ${n}`))
  if (Math.max(machine.loadAverage1m.start, machine.loadAverage1m.end) > machine.nproc / 2) {
    out.push(`  !! the machine was busy (load average above ${machine.nproc / 2}): the figures are noisy; run again on a quiet machine.`)
  }
  if (report.project.distChangedDuringBench)
    out.push('  !! dist/index.js changed while the bench ran: rebuild (`npm run build`) and run it again.')
  out.push('')
  out.push(`Report: ${outPath} (bench took ${report.benchSeconds} s)`)
  return out.join('\n')
}
