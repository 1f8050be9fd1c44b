// kind pki, adding CAs: POSTs in batches; a create whose outcome is unknown is settled by reading the PKI.
import { AmbiguousWriteError, GraphError } from '../../http/errors.ts'
import type { BatchItem, BatchResult } from '../../http/batch/types.ts'
import { stringProp } from '../../http/tolerant.ts'
import { PKI_CONTAINER } from '../../plan/paths.ts'
import type { Operation } from '../../plan/types.ts'
import { existingAuthorities } from '../existing.ts'
import type { KindContext } from '../kind.ts'
import { byDisplayNamePath } from '../named.ts'
import { displayNameOf, listAuthorities, opts } from './read.ts'

/** "Duplicate Certificate exists" (graph-api.md §2.3, with a stray quote in the docs): another run added it first. */
export const isDuplicate = (error: unknown): boolean =>
  error instanceof GraphError && error.status === 400 && /duplicate certificate exists/i.test(error.graphMessage ?? error.message)

/**
 * Adds the CAs in JSON batches (http/batch/): one round trip for up to 100 of them. Each item is
 * a write against Graph's budget of 3,000 writes per 150 s per app and tenant (graph-api.md §4.4);
 * a PKI holds at most 250 CAs, far below. A create whose response was lost is not repeated
 * blindly: the PKI is read, and only what is still missing is created again.
 *
 * With `check`, the PKIs of the name are listed right after the first CA is added, in a batch of
 * those two beside the others: whether that CA went in, and the list.
 */
export async function createAuthorities(
  context: KindContext,
  pkiId: string,
  ops: readonly Operation[],
  path: (op: Operation) => string,
  check = false
): Promise<Check | undefined> {
  const { lost, failure, check: result } = await postAll(context, ops, path, check)
  if (lost.length > 0) {
    context.logger.warning(
      `The response to adding ${lost.length} CA(s) was lost (${lost.map(({ op }) => op.thumbprint).join(', ')}); ` +
        'the PKI is read again before anything is repeated.'
    )
    // After a failure the run stops, but the read still tells which of the lost ones took effect.
    await settleUncertain(
      context,
      pkiId,
      lost.map(({ op }) => op),
      path,
      failure === undefined
    )
  }
  if (failure !== undefined) throw failure
  return result
}

export interface Check {
  /** The first CA was added by this request (so the PKI held a CA when the list was taken). */
  readonly added: boolean
  readonly list: BatchResult | undefined
}

/**
 * POSTs every op in batches and records what was created; a CA added meanwhile by a concurrent run
 * ("Duplicate Certificate exists") counts as present. Returns the ops whose outcome is unknown and
 * the first failure.
 */
export async function postAll(
  context: KindContext,
  ops: readonly Operation[],
  path: (op: Operation) => string,
  check = false
): Promise<Posted> {
  if (ops.length === 0) return { lost: [] }
  context.onWrite()
  const items: BatchItem[] = ops.map((op) => ({ method: 'POST', path: path(op), body: op.body }))
  if (check) items.push({ method: 'GET', path: byDisplayNamePath(PKI_CONTAINER, displayNameOf(context)), dependsOn: [0] })
  const results = await context.graph.batch(items, opts)
  const lost: Lost[] = []
  let failure: GraphError | undefined
  results.slice(0, ops.length).forEach((result, i) => {
    const op = ops[i]!
    if (result.outcome === 'done') noteCreated(context, op.thumbprint, stringProp(result.body, 'id'))
    else if (result.outcome === 'ambiguous') lost.push({ op, error: result.error })
    else if (isDuplicate(result.error)) context.logger.info(`${op.thumbprint} is in the PKI already (added by a concurrent run).`)
    else failure ??= result.error
  })
  return {
    lost,
    ...(failure !== undefined ? { failure } : {}),
    ...(check ? { check: { added: results[0]?.outcome === 'done', list: results[ops.length] } } : {})
  }
}

export interface Lost {
  readonly op: Operation
  readonly error: AmbiguousWriteError
}

export interface Posted {
  readonly lost: readonly Lost[]
  readonly failure?: GraphError
  readonly check?: Check
}

/** Reads the PKI: records the lost creates that took effect, and (`createMissing`) creates the others again. */
export async function settleUncertain(
  context: KindContext,
  pkiId: string,
  uncertain: readonly Operation[],
  path: (op: Operation) => string,
  createMissing: boolean
): Promise<void> {
  const held = new Map(existingAuthorities(await listAuthorities(context, pkiId)).map((ca) => [ca.thumbprint, ca.id]))
  const missing: Operation[] = []
  for (const op of uncertain) {
    const id = held.get(op.thumbprint ?? '')
    if (id === undefined) {
      missing.push(op)
      continue
    }
    context.logger.info(`${op.thumbprint} was added after all (the lost response came from a write that took effect).`)
    noteCreated(context, op.thumbprint, id)
  }
  if (!createMissing) return
  const again = await postAll(context, missing, path)
  if (again.failure !== undefined) throw again.failure
  // A second lost response ends the run: a re-run reads first.
  if (again.lost[0] !== undefined) throw again.lost[0].error
}

export function noteCreated(context: KindContext, thumbprint: string | undefined, id: string | undefined): void {
  if (thumbprint !== undefined) context.record.created.push(thumbprint)
  if (id !== undefined) context.record.createdAuthorityIds.push(id)
}
