// kind pki, adding CAs: POSTs in batches (one request each when Graph refuses batching). A create
// whose outcome Graph did not make plain is settled by reading the PKI, never by resending blindly
// nor by trusting an error's text (contract.md "First contact with a real tenant"):
// - response lost, or answered 5xx: it may have been done. Read; create again only what is missing.
// - answered 4xx (a duplicate, whatever the service's code and text for it): read; a CA the PKI
//   holds is there (a concurrent run, or an earlier attempt of ours, added it); else the error stands.
// Reads lag writes (read-after-write.ts), so a 4xx looks again until the CA shows; and once
// anything was created again, duplicates a lagging read let through are removed (dedupe.ts).
import type { AmbiguousWriteError, GraphError } from '../../http/errors.ts'
import type { BatchItem, BatchResult } from '../../http/batch/types.ts'
import { stringProp } from '../../http/tolerant.ts'
import { PKI_CONTAINER } from '../../plan/paths.ts'
import type { Operation } from '../../plan/types.ts'
import { existingAuthorities } from '../existing.ts'
import type { KindContext } from '../kind.ts'
import { byDisplayNamePath } from '../named.ts'
import { readUntil } from '../read-after-write.ts'
import { removeDuplicates } from './dedupe.ts'
import { displayNameOf, listAuthorities, opts } from './read.ts'

/** Rounds of POSTs for the same CAs: the first, and one more after reading (two more if batching was refused meanwhile). */
const MAX_ROUNDS = 2

/**
 * Adds the CAs in JSON batches (http/batch/): one round trip for up to 100 of them. Each item is
 * a write against Graph's budget of 3,000 writes per 150 s per app and tenant (graph-api.md §4.4);
 * a PKI holds at most 250 CAs, far below.
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
  const posted = await postAll(context, ops, path, check)
  const resent = await settle(context, pkiId, posted, path, 1)
  if (resent) await removeDuplicates(context, pkiId)
  return posted.check
}

export interface Check {
  /** The first CA was added by this request (so the PKI held a CA when the list was taken). */
  readonly added: boolean
  readonly list: BatchResult | undefined
}

interface Unsettled {
  readonly op: Operation
  readonly error: GraphError | AmbiguousWriteError
}

interface Posted {
  /** Lost or answered 5xx: may have been done. */
  readonly unknown: readonly Unsettled[]
  /** Answered 4xx: is the CA there? */
  readonly refused: ReadonlyArray<{ readonly op: Operation; readonly error: GraphError }>
  /** Not to be settled by reading (401, 403). */
  readonly failure?: GraphError
  readonly check?: Check
  /** Graph refused batching while these were sent: they went one by one. */
  readonly batchingRefused: boolean
}

/** POSTs every op (in batches while Graph takes them) and records what was created. */
async function postAll(context: KindContext, ops: readonly Operation[], path: (op: Operation) => string, check = false): Promise<Posted> {
  const batching = context.graph.batching
  if (ops.length === 0) return { unknown: [], refused: [], batchingRefused: false }
  context.onWrite()
  const items: BatchItem[] = ops.map((op) => ({ method: 'POST', path: path(op), body: op.body }))
  if (check) items.push({ method: 'GET', path: byDisplayNamePath(PKI_CONTAINER, displayNameOf(context)), dependsOn: [0] })
  const results = await context.graph.batch(items, opts)
  const unknown: Unsettled[] = []
  const refused: Array<{ op: Operation; error: GraphError }> = []
  let failure: GraphError | undefined
  results.slice(0, ops.length).forEach((result, i) => {
    const op = ops[i]!
    if (result.outcome === 'done') noteCreated(context, op.thumbprint, stringProp(result.body, 'id'))
    else if (result.outcome === 'ambiguous') unknown.push({ op, error: result.error })
    else if ((result.error.status ?? 0) >= 500) unknown.push({ op, error: result.error })
    else if (result.error.status !== undefined && result.error.status >= 400 && ![401, 403].includes(result.error.status))
      refused.push({ op, error: result.error })
    else failure ??= result.error
  })
  return {
    unknown,
    refused,
    ...(failure !== undefined ? { failure } : {}),
    ...(check ? { check: { added: results[0]?.outcome === 'done', list: results[ops.length] } } : {}),
    batchingRefused: batching && !context.graph.batching
  }
}

/**
 * Reads the PKI for the creates whose outcome is unknown or refused, records those it holds, and
 * creates the others again (`round` < MAX_ROUNDS); true when anything was created again.
 */
async function settle(
  context: KindContext,
  pkiId: string,
  posted: Posted,
  path: (op: Operation) => string,
  round: number
): Promise<boolean> {
  const { unknown, refused } = posted
  if (unknown.length === 0 && refused.length === 0) {
    if (posted.failure !== undefined) throw posted.failure
    return false
  }
  if (unknown.length > 0) {
    context.logger.warning(
      `The response to adding ${unknown.length} CA(s) was lost or a 5xx (${unknown.map(({ op }) => op.thumbprint).join(', ')}: ` +
        `${reasonOf(unknown[0]!.error)}), so whether they went in is unknown; the PKI is read again before anything is repeated.`
    )
  }
  // A refused create's CA may be there but not yet readable: look until every one shows, or give up.
  const { value: held } = await readUntil(
    context.graph,
    async () => heldIds(context, pkiId),
    (ids) => refused.every(({ op }) => ids.has(op.thumbprint ?? '')),
    refused.length > 0 ? undefined : 1
  )
  let failure = posted.failure
  for (const { op, error } of refused) {
    const id = held.get(op.thumbprint ?? '')
    if (id !== undefined) {
      context.logger.info(`${op.thumbprint} is in the PKI already (its create was answered HTTP ${error.status}; a read shows the CA).`)
      // Sent again after an unknown outcome: the first attempt, ours, took effect after all.
      if (round > 1) noteCreated(context, op.thumbprint, id)
    } else {
      failure ??= error
    }
  }
  const missing: Unsettled[] = []
  for (const entry of unknown) {
    const id = held.get(entry.op.thumbprint ?? '')
    if (id === undefined) {
      missing.push(entry)
      continue
    }
    context.logger.info(`${entry.op.thumbprint} was added after all (a read shows it).`)
    noteCreated(context, entry.op.thumbprint, id)
  }
  // After a failure the run stops, but the read still told which of the unknown ones took effect.
  if (failure !== undefined) throw failure
  if (missing.length === 0) return false
  if (round >= MAX_ROUNDS + (posted.batchingRefused ? 1 : 0)) throw missing[0]!.error
  const again = await postAll(
    context,
    missing.map(({ op }) => op),
    path
  )
  await settle(context, pkiId, again, path, round + 1)
  return true
}

const reasonOf = (error: GraphError | AmbiguousWriteError): string =>
  'reason' in error ? error.reason : `HTTP ${error.status ?? 'no status'}${error.code !== undefined ? ` ${error.code}` : ''}`

/** Thumbprint -> id of each CA the PKI holds (the first, by id, when one is held twice). */
async function heldIds(context: KindContext, pkiId: string): Promise<Map<string, string>> {
  const held = new Map<string, string>()
  const cas = existingAuthorities(await listAuthorities(context, pkiId)).sort((a, b) => (a.id ?? '').localeCompare(b.id ?? ''))
  for (const ca of cas) if (ca.id !== undefined && !held.has(ca.thumbprint)) held.set(ca.thumbprint, ca.id)
  return held
}

export function noteCreated(context: KindContext, thumbprint: string | undefined, id: string | undefined): void {
  if (thumbprint !== undefined && !context.record.created.includes(thumbprint)) context.record.created.push(thumbprint)
  if (id !== undefined && !context.record.createdAuthorityIds.includes(id)) context.record.createdAuthorityIds.push(id)
}
