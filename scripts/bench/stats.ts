// Figures of a benchmark row: the median of several runs, with min and max.

export interface Figure {
  readonly median: number
  readonly min: number
  readonly max: number
  readonly runs: number
  /** Every run, in the order measured. */
  readonly values: readonly number[]
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export function figure(values: readonly number[], digits = 1): Figure {
  const round = (v: number): number => Number(v.toFixed(digits))
  return {
    median: round(median(values)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
    runs: values.length,
    values: values.map(round)
  }
}

/** A ratio of two rows measured side by side: median over median, and the spread of the per-run pairs. */
export interface Ratio {
  readonly value: number
  /** Smallest and largest ratio of one run's pair (same iteration). */
  readonly pairMin: number
  readonly pairMax: number
  readonly target: string
  readonly met: boolean
}

export function ratio(
  numerator: readonly number[],
  denominator: readonly number[],
  target: { readonly op: '<=' | '>='; readonly value: number }
): Ratio {
  const value = median(numerator) / median(denominator)
  const pairs = numerator.map((n, i) => n / denominator[Math.min(i, denominator.length - 1)]!)
  return {
    value: Number(value.toFixed(2)),
    pairMin: Number(Math.min(...pairs).toFixed(2)),
    pairMax: Number(Math.max(...pairs).toFixed(2)),
    target: `${target.op === '<=' ? '≤' : '≥'} ${target.value}`,
    met: target.op === '<=' ? value <= target.value : value >= target.value
  }
}
