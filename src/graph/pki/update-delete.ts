// kind pki, updating and removing CAs: PATCHes and DELETEs in batches.
import type { Operation } from '../../plan/types.ts'
import type { KindContext } from '../kind.ts'
import { opts } from './read.ts'

/**
 * PATCHes or DELETEs in batches (each is idempotent, and independent of the others); `done` is
 * called for each that took effect. A DELETE whose target is already gone has done its job.
 */
export async function writeAll(
  context: KindContext,
  ops: readonly Operation[],
  path: (op: Operation) => string,
  done: (op: Operation) => void
): Promise<void> {
  if (ops.length === 0) return
  context.onWrite()
  const results = await context.graph.batch(
    ops.map((op) => ({
      method: op.method,
      path: path(op),
      ...(op.body !== undefined ? { body: op.body } : {})
    })),
    opts
  )
  let failure: Error | undefined
  results.forEach((result, i) => {
    const op = ops[i]!
    if (result.outcome === 'done' || (op.method === 'DELETE' && result.outcome === 'failed' && result.error.status === 404)) done(op)
    else failure ??= result.error
  })
  if (failure !== undefined) throw failure
}
