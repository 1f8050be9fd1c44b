// Graph JSON batching: which pending items travel together, and how many batches are in flight.
import { MAX_BATCH_ITEMS, internal, type BatchItem } from './types.ts'

/**
 * The pending items in batches. Items linked by `dependsOn` (each with what it waits for, through
 * any number of links) travel in a batch of their own, sent first: Graph wants a batch either fully
 * sequential or fully parallel (graph-api.md §4.5). The others go in batches of up to 20. The bound
 * on batches in flight counts the parallel ones (their items make the burst); the `sequential`
 * ones ride beside them.
 */
export function chunksOf(items: readonly BatchItem[], pending: readonly number[]): { chunks: number[][]; sequential: number } {
  const groups = linkedGroups(items, pending)
  const linked = groups.filter((group) => group.length > 1)
  const parallel = groups.filter((group) => group.length === 1).flat()
  const chunks = [...linked]
  for (let i = 0; i < parallel.length; i += MAX_BATCH_ITEMS) chunks.push(parallel.slice(i, i + MAX_BATCH_ITEMS))
  return { chunks, sequential: linked.length }
}

/** The pending items grouped by `dependsOn` links between pending items, each group in index order. */
export function linkedGroups(items: readonly BatchItem[], pending: readonly number[]): number[][] {
  const waiting = new Set(pending)
  const parent = new Map<number, number>()
  const root = (index: number): number => {
    let top = index
    for (let up = parent.get(top); up !== undefined; up = parent.get(top)) top = up
    return top
  }
  for (const index of pending) {
    for (const dependency of items[index]?.dependsOn ?? []) {
      if (!waiting.has(dependency)) continue
      const [a, b] = [root(index), root(dependency)]
      if (a !== b) parent.set(Math.max(a, b), Math.min(a, b))
    }
  }
  const groups = new Map<number, number[]>()
  for (const index of pending) {
    const top = root(index)
    groups.set(top, [...(groups.get(top) ?? []), index])
  }
  return [...groups.values()]
}

/** Each `dependsOn` names another item of the call, and each linked group fits in one batch. */
export function checkDependencies(items: readonly BatchItem[]): void {
  items.forEach((item, index) => {
    for (const dependency of item.dependsOn ?? []) {
      if (!Number.isInteger(dependency) || dependency < 0 || dependency >= items.length || dependency === index) {
        internal(`item ${index} depends on ${dependency}, which is not another item of the call`)
      }
    }
  })
  for (const group of linkedGroups(
    items,
    items.map((_item, index) => index)
  )) {
    if (group.length > MAX_BATCH_ITEMS) internal(`${group.length} items linked by dependsOn do not fit in one batch of ${MAX_BATCH_ITEMS}`)
  }
}

/** Runs `work` over `items`, at most `limit` at once; rejects with the first error once all have settled. */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  let failure: { error: unknown } | undefined
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T
      try {
        await work(item)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  if (failure !== undefined) throw failure.error
}
