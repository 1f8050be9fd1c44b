// What the emulator's request log says about one publication run: how many requests, how many
// sequential round trips on the critical path, how long the network part took, how many requests
// were in flight at once, and whether the run stayed inside Graph's documented throttling budgets.
import type { RequestRecord } from '../../emulator/index.ts'

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

/** Identity & access budgets quoted in /work/shared/graph-api.md §4.4 (smallest tenant size). */
export const THROTTLING = {
  resourceUnitsPer10s: 3_500,
  writesPer150s: 3_000,
  tenantWritesPer5min: 18_000,
  requestsPer10sGlobal: 130_000
} as const

export interface LogAnalysis {
  /** Requests in the log, the items of a `$batch` included. */
  readonly requests: number
  /** HTTP requests: a `$batch` counts once, its items not at all. */
  readonly httpRequests: number
  readonly byRole: Readonly<Record<string, number>>
  readonly graphWrites: number
  /** Longest chain of requests each sent after the previous one was answered. */
  readonly rounds: number
  /** Operations along that chain, consecutive repeats folded (`pkiCa.create ×13`). */
  readonly criticalPath: string
  /** First request's arrival to the last response, in ms. */
  readonly networkSpanMs: number
  /** Epoch ms of the first request's arrival and of the last answer (NaN without requests). */
  readonly firstArrival: number
  readonly lastAnswer: number
  readonly peakConcurrency: number
  readonly throttling: ThrottlingCheck
}

export interface ThrottlingCheck {
  /** 429 or 503 answers in the log (the emulator only sends them when told to). */
  readonly throttledResponses: number
  /** Most Graph resource units in any 10 s window (each request counted as 1 RU: no $expand is sent). */
  readonly peakResourceUnitsPer10s: number
  readonly peakWritesPer150s: number
  readonly withinBudgets: boolean
}

interface Interval {
  readonly start: number
  readonly end: number
  readonly record: RequestRecord
}

function intervals(records: readonly RequestRecord[]): Interval[] {
  return records
    .filter((r) => r.status !== null)
    .map((record) => {
      const start = Date.parse(record.time)
      return { start, end: start + (record.durationMs ?? 0), record }
    })
    .sort((a, b) => a.start - b.start)
}

/** Peak number of requests in any window of `windowMs` (sliding, by arrival time). */
function peakInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  let peak = 0
  let first = 0
  for (let last = 0; last < sorted.length; last++) {
    while (sorted[last]! - sorted[first]! >= windowMs) first++
    peak = Math.max(peak, last - first + 1)
  }
  return peak
}

/**
 * `toleranceMs`: a request counts as sent after another when it arrived no earlier than
 * `toleranceMs` before the other's answer (the log's times have millisecond resolution).
 */
export function analyzeLog(records: readonly RequestRecord[], toleranceMs: number): LogAnalysis {
  const all = intervals(records)
  const byRole: Record<string, number> = {}
  for (const r of records) byRole[r.role] = (byRole[r.role] ?? 0) + 1

  // Longest chain in the "answered before sent" order (a DAG: intervals sorted by start).
  const depth: number[] = []
  const previous: number[] = []
  for (let i = 0; i < all.length; i++) {
    depth[i] = 1
    previous[i] = -1
    for (let j = 0; j < i; j++) {
      if (all[j]!.end <= all[i]!.start + toleranceMs && depth[j]! + 1 > depth[i]!) {
        depth[i] = depth[j]! + 1
        previous[i] = j
      }
    }
  }
  let tail = -1
  for (let i = 0; i < all.length; i++) if (tail === -1 || depth[i]! > depth[tail]!) tail = i
  const chain: string[] = []
  for (let i = tail; i !== -1; i = previous[i]!)
    chain.unshift(all[i]!.record.operation ?? `${all[i]!.record.method} ${all[i]!.record.path}`)
  const folded: string[] = []
  for (let i = 0; i < chain.length;) {
    let j = i
    while (j < chain.length && chain[j] === chain[i]) j++
    folded.push(j - i > 1 ? `${chain[i]} ×${j - i}` : chain[i]!)
    i = j
  }

  // Peak in flight: sweep over starts (+1) and ends (-1), ends first at equal times.
  const events = all
    .flatMap(
      (iv) =>
        [
          [iv.start, 1],
          [iv.end, -1]
        ] as const
    )
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
  let inFlight = 0
  let peakConcurrency = 0
  for (const [, delta] of events) {
    inFlight += delta
    peakConcurrency = Math.max(peakConcurrency, inFlight)
  }

  const graph = records.filter((r) => r.role === 'graph')
  const graphWrites = graph.filter((r) => WRITES.has(r.method))
  const throttledResponses = records.filter((r) => r.status === 429 || r.status === 503).length
  const peakResourceUnitsPer10s = peakInWindow(
    graph.map((r) => Date.parse(r.time)),
    10_000
  )
  const peakWritesPer150s = peakInWindow(
    graphWrites.map((r) => Date.parse(r.time)),
    150_000
  )
  const withinBudgets =
    throttledResponses === 0 &&
    peakResourceUnitsPer10s <= THROTTLING.resourceUnitsPer10s &&
    peakWritesPer150s <= THROTTLING.writesPer150s &&
    graphWrites.length <= THROTTLING.tenantWritesPer5min

  const spanStart = Math.min(...all.map((iv) => iv.start))
  const spanEnd = Math.max(...all.map((iv) => iv.end))
  return {
    requests: records.length,
    httpRequests: records.filter((r) => r.batch === undefined).length,
    byRole,
    graphWrites: graphWrites.length,
    rounds: all.length === 0 ? 0 : depth[tail]!,
    criticalPath: folded.join(' → '),
    networkSpanMs: all.length === 0 ? 0 : spanEnd - spanStart,
    firstArrival: all.length === 0 ? Number.NaN : spanStart,
    lastAnswer: all.length === 0 ? Number.NaN : spanEnd,
    peakConcurrency,
    throttling: { throttledResponses, peakResourceUnitsPer10s, peakWritesPer150s, withinBudgets }
  }
}
