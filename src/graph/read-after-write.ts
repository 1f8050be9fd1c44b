// Directory reads are eventually consistent (graph-api.md §4.6): a GET right after a write may
// still show the state before it, for a while of UNCONFIRMED length. A read that must see a write
// (to verify it, or to tell whether an ambiguous create took effect) looks again, with the retry
// rule's pauses, until it does; what the last look showed is all the caller may then claim.
import type { GraphClient } from '../http/graph-client.ts'

/** Looks in all; with the default backoff (1 s base, doubling, jitter) about 15 s at most. */
export const READ_AFTER_WRITE_LOOKS = 5

export async function readUntil<T>(
  graph: GraphClient,
  read: () => Promise<T>,
  shows: (value: T) => boolean,
  looks = READ_AFTER_WRITE_LOOKS
): Promise<{ value: T; shown: boolean }> {
  for (let look = 1; ; look++) {
    const value = await read()
    if (shows(value)) return { value, shown: true }
    if (look >= looks) return { value, shown: false }
    await graph.pause(look - 1)
  }
}
