// Bench row for the CRL check: one CA whose CRL is 50 MB, in an offline dry-run with
// `crl-check: warn`, as the runner runs dist/index.js. The download must stop at the cloud's cap
// (20 MB global, 45 MB US Gov) and memory must follow the cap, not the file: wall time and peak
// RSS (the process's own maxRSS, written at exit by a preloaded script) against the same run with
// `crl-check: off`. Standalone: `node scripts/bench/crl.ts [runs]` prints the row.
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeCrl, makeTestAuthority } from '../../emulator/crl-authority.ts'
import { startCrlHost } from '../../emulator/crl-host.ts'
import { runAction } from '../../emulator/run-action.ts'
import { figure, type Figure } from './stats.ts'

export const CRL_BENCH_BYTES = 50_000_000

export interface CrlVariant {
  readonly wallMs: Figure
  readonly peakRssMB: Figure
  /** Bytes of the CRL the action read before it stopped (0 when the check is off). */
  readonly bytesRead: number
  /** Bytes the CRL host managed to write before the action hung up (socket buffers included). */
  readonly serverSentMB: Figure
}

export interface CrlBenchRow {
  readonly crlBytes: number
  readonly off: CrlVariant
  /** A small healthy CRL: the fixed cost of the check (network code loaded, one download). */
  readonly small: CrlVariant
  readonly global: CrlVariant
  readonly usgov: CrlVariant
}

const NO_DEBUG = { ACTIONS_STEP_DEBUG: '', RUNNER_DEBUG: '' }

export async function benchCrl(runs: number): Promise<CrlBenchRow> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-crl-'))
  const host = await startCrlHost()
  try {
    const ca = makeTestAuthority('Bench CRL CA', 'p256', dir)
    const thumbprint = createHash('sha1').update(ca.der).digest('hex').toUpperCase()
    host.route('small.crl', { kind: 'bytes', body: makeCrl(ca) })
    const rssFile = join(dir, 'rss')
    const preload = join(dir, 'rss.cjs')
    writeFileSync(
      preload,
      `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS * 1024)))\n`
    )
    const variants = {
      off: { check: 'off', cloud: 'global', crl: 'big.crl' },
      small: { check: 'warn', cloud: 'global', crl: 'small.crl' },
      global: { check: 'warn', cloud: 'global', crl: 'big.crl' },
      usgov: { check: 'warn', cloud: 'usgov', crl: 'big.crl' }
    } as const
    const samples = Object.fromEntries(
      Object.keys(variants).map((k) => [k, { wall: [] as number[], rss: [] as number[], sent: [] as number[], read: 0 }])
    )
    for (let i = 0; i < runs; i++) {
      for (const [name, variant] of Object.entries(variants)) {
        host.route('big.crl', { kind: 'oversized', bytes: CRL_BENCH_BYTES })
        const run = await runAction(
          {
            kind: 'pki',
            'display-name': 'Bench',
            certificates: 'ca.pem',
            'dry-run': 'true',
            cloud: variant.cloud,
            'crl-check': variant.check,
            'crl-urls': `${thumbprint} ${host.url(variant.crl)}`
          },
          { workspace: ca.dir, env: { ...NO_DEBUG, NODE_OPTIONS: `--require ${preload}` } }
        )
        if (run.code !== 0) throw new Error(`CRL bench run (${name}) failed: ${run.stdout}\n${run.stderr}`)
        const crl = (JSON.parse(run.outputs.certificates ?? '[]') as Array<{ crl: { bytes: number } | null }>)[0]?.crl
        const sample = samples[name]!
        sample.wall.push(run.durationMs)
        sample.rss.push(Number(readFileSync(rssFile, 'utf8')) / 1e6)
        // The server notices the hang-up a moment later; its count is read once it settles.
        await new Promise((resolve) => setTimeout(resolve, 50))
        sample.sent.push(host.sent('big.crl') / 1e6)
        sample.read = crl?.bytes ?? 0
      }
    }
    const variant = (name: string): CrlVariant => {
      const s = samples[name]!
      return { wallMs: figure(s.wall, 0), peakRssMB: figure(s.rss), bytesRead: s.read, serverSentMB: figure(s.sent) }
    }
    return { crlBytes: CRL_BENCH_BYTES, off: variant('off'), small: variant('small'), global: variant('global'), usgov: variant('usgov') }
  } finally {
    await host.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Table rows: label, median, min, max, runs, detail. */
export function crlRows(row: CrlBenchRow, ms: (v: number) => string): string[][] {
  const mb = (v: number): string => `${v.toFixed(1)} MB`
  const line = (label: string, v: CrlVariant, detail: string): string[] => [
    label,
    ms(v.wallMs.median),
    ms(v.wallMs.min),
    ms(v.wallMs.max),
    String(v.wallMs.runs),
    `peak RSS ${mb(v.peakRssMB.median)} (${mb(v.peakRssMB.min)}–${mb(v.peakRssMB.max)}); ${detail}`
  ]
  return [
    line('CRL check: crl-check off', row.off, 'baseline, nothing fetched'),
    line('  crl-check warn, a healthy 0.5 KB CRL', row.small, 'fixed cost of the check'),
    line(
      `  crl-check warn, ${row.crlBytes / 1e6} MB CRL, global (20 MB cap)`,
      row.global,
      `read ${mb(row.global.bytesRead / 1e6)}, server sent ${mb(row.global.serverSentMB.median)}`
    ),
    line(
      `  crl-check warn, ${row.crlBytes / 1e6} MB CRL, usgov (45 MB cap)`,
      row.usgov,
      `read ${mb(row.usgov.bytesRead / 1e6)}, server sent ${mb(row.usgov.serverSentMB.median)}`
    )
  ]
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const row = await benchCrl(Number(process.argv[2] ?? '3'))
  const ms = (v: number): string => `${v.toFixed(0)} ms`
  for (const cells of crlRows(row, ms)) console.log(cells.join(' | '))
}
