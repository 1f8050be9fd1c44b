// kind pki: a PKI container found by display name, and one entity per CA (graph-api.md §2).
import type { CertificateAuthority } from '../certificates/types.ts'
import { AmbiguousWriteError, GraphError } from '../http/errors.ts'
import { prop, stringProp } from '../http/tolerant.ts'
import type { JsonObject } from '../http/types.ts'
import { pkiAuthorityBody } from '../plan/bodies.ts'
import { PKI_AUTHORITIES, PKI_CONTAINER, PLACEHOLDER } from '../plan/paths.ts'
import type { Operation, Plan, PkiState } from '../plan/types.ts'
import { forEachLimited } from './concurrency.ts'
import { existingAuthorities } from './existing.ts'
import type { KindContext, KindPublisher } from './kind.ts'
import { findAllByDisplayName } from './named.ts'
import { permissionHint } from './permissions.ts'
import { deleteTolerant } from './writes.ts'

const hint = permissionHint('pki')
const opts = { permissionHint: hint }

const listAuthorities = (context: KindContext, pkiId: string): Promise<JsonObject[]> =>
  context.graph.getAll(`${PKI_AUTHORITIES(pkiId)}?$top=999`, opts)

async function read(context: KindContext): Promise<PkiState> {
  const id = await winnerId(context)
  if (id === undefined) return { kind: 'pki', pki: null, authorities: [] }
  return { kind: 'pki', pki: { id, displayName: displayNameOf(context) }, authorities: existingAuthorities(await listAuthorities(context, id)) }
}

const displayNameOf = (context: KindContext): string => context.settings.displayName ?? ''

/** "Duplicate Certificate exists" (graph-api.md §2.3, with a stray quote in the docs): another run added it first. */
const isDuplicate = (error: unknown): boolean =>
  error instanceof GraphError && error.status === 400 && /duplicate certificate exists/i.test(error.graphMessage ?? error.message)

async function apply(context: KindContext, plan: Plan, state: PkiState, desired: readonly CertificateAuthority[]): Promise<void> {
  const { graph, record } = context
  let pkiId = state.pki?.id
  let created: string | undefined
  const path = (op: Operation): string => (pkiId !== undefined ? op.path.replace(PLACEHOLDER.pkiId, pkiId) : op.path)

  for (const op of plan.operations.filter((o) => o.action === 'createConfiguration')) {
    context.onWrite()
    created = await createPki(context, op)
    // A concurrent run may have created one of the same name: settle on the winner while ours is empty.
    pkiId = await settle(context, created)
  }
  if (pkiId === undefined) throw new Error('internal: no PKI id after planning')
  record.configurationId = pkiId

  // CAs are independent of each other: create them concurrently. A create whose response was
  // lost is not repeated blindly; after the others, the list is read and only what is still
  // missing is created again.
  const creates = plan.operations.filter((o) => o.action === 'createAuthority')
  const uncertain: Operation[] = []
  await forEachLimited(creates, context.concurrency, async (op) => {
    context.onWrite()
    if (!(await createAuthority(context, path(op), op))) uncertain.push(op)
  })
  if (uncertain.length > 0) await settleUncertain(context, pkiId, uncertain, path)

  for (const op of plan.operations.filter((o) => o.action === 'updateAuthority')) {
    context.onWrite()
    await graph.patch(path(op), op.body, opts)
    if (op.thumbprint !== undefined) record.updated.push(op.thumbprint)
  }
  // Extras go last, after every addition: trust never shrinks before it grows. A few may have
  // been planned first to make room (the plan's order is kept).
  for (const op of plan.operations.filter((o) => o.action === 'deleteAuthority')) {
    context.onWrite()
    await deleteTolerant(context, path(op), hint)
    if (op.thumbprint !== undefined) record.removed.push(op.thumbprint)
  }

  // A racer's PKI with a lower id may have appeared after we settled: then ours moves to it.
  if (created !== undefined && created === pkiId) {
    const winner = await winnerId(context)
    if (winner !== undefined && winner !== pkiId) await moveTo(context, winner, pkiId, desired)
  }
}

/**
 * Creates a CA; true when it is there afterwards (created now, or added by a concurrent run),
 * false when the response was lost and the caller must read the PKI before trying again.
 */
async function createAuthority(context: KindContext, path: string, op: Operation): Promise<boolean> {
  try {
    const created = await context.graph.post(path, op.body, opts)
    noteCreated(context, op.thumbprint, stringProp(created, 'id'))
  } catch (error) {
    if (isDuplicate(error)) {
      context.logger.info(`${op.thumbprint} is in the PKI already (added by a concurrent run).`)
      return true
    }
    if (!(error instanceof AmbiguousWriteError)) throw error
    context.logger.warning(`The response to adding ${op.thumbprint} was lost; the PKI is read again before anything is repeated.`)
    return false
  }
  return true
}

async function createPki(context: KindContext, op: Operation): Promise<string> {
  try {
    const id = stringProp(await context.graph.post(op.path, op.body, opts), 'id')
    if (id !== undefined) return id
  } catch (error) {
    if (!(error instanceof AmbiguousWriteError)) throw error
    context.logger.warning('The response to creating the PKI was lost; looking it up by name before creating it again.')
  }
  const id = await winnerId(context) ?? stringProp(await context.graph.post(op.path, op.body, opts), 'id')
  if (id === undefined) throw new Error(`POST ${op.path} returned no id for the new PKI`)
  return id
}

/**
 * Which of the PKIs of that name every run settles on: one holding CAs beats an empty one (a run
 * that already published is not undone by a racer that only just created its PKI), then the
 * lowest id. Each run checks right after creating and again after its additions.
 */
async function winnerId(context: KindContext): Promise<string | undefined> {
  const ids = (await findAllByDisplayName(context.graph, PKI_CONTAINER, displayNameOf(context), hint))
    .map((pki) => stringProp(pki, 'id') ?? '')
  if (ids.length <= 1) return ids[0]
  // One page of at most one item says whether a PKI holds any CA.
  const held = await Promise.all(ids.map(async (id) => {
    const page = prop(await context.graph.get(`${PKI_AUTHORITIES(id)}?$top=1`, opts), 'value')
    return Array.isArray(page) && page.length > 0
  }))
  const winner = ids.find((_id, i) => held[i]) ?? ids[0]
  context.logger.info(`${ids.length} PKIs are named "${displayNameOf(context)}" (${ids.join(', ')}); using ${winner}, ` +
    'the first of those holding CAs by id.')
  return winner
}

/** Right after creating: if another PKI of that name wins, ours (still empty) goes. */
async function settle(context: KindContext, created: string): Promise<string> {
  const winner = await winnerId(context)
  if (winner === undefined || winner === created) return created
  context.logger.warning(`Another run created a PKI named "${displayNameOf(context)}" at the same time; using that one ` +
    `(${winner}) and deleting the one this run created (${created}).`)
  await deleteTolerant(context, `${PKI_CONTAINER}/${created}`, hint)
  return winner
}

/** Adds every given CA to the winner (those already there are skipped), then deletes our PKI. */
async function moveTo(context: KindContext, winner: string, ours: string, desired: readonly CertificateAuthority[]): Promise<void> {
  context.logger.warning(`Another run created a PKI named "${displayNameOf(context)}" at the same time, and that one ` +
    `(${winner}) wins; moving this run's CAs there and deleting the PKI this run created (${ours}).`)
  const { record } = context
  record.created.length = 0
  record.createdAuthorityIds.length = 0
  const held = new Set(existingAuthorities(await listAuthorities(context, winner)).map((ca) => ca.thumbprint))
  await forEachLimited(desired.filter((ca) => !held.has(ca.thumbprint)), context.concurrency, async (ca) => {
    const op: Operation = { action: 'createAuthority', method: 'POST', path: PKI_AUTHORITIES(winner), reason: 'move', thumbprint: ca.thumbprint,
      body: pkiAuthorityBody(ca, context.settings.issuerHints) }
    if (!(await createAuthority(context, op.path, op))) await settleUncertain(context, winner, [op], (o) => o.path)
  })
  await deleteTolerant(context, `${PKI_CONTAINER}/${ours}`, hint)
  record.configurationId = winner
}

async function settleUncertain(
  context: KindContext, pkiId: string, uncertain: readonly Operation[], path: (op: Operation) => string
): Promise<void> {
  const held = new Map(existingAuthorities(await listAuthorities(context, pkiId)).map((ca) => [ca.thumbprint, ca.id]))
  for (const op of uncertain) {
    const id = held.get(op.thumbprint ?? '')
    if (id !== undefined) {
      context.logger.info(`${op.thumbprint} was added after all (the lost response came from a write that took effect).`)
      noteCreated(context, op.thumbprint, id)
      continue
    }
    try {
      noteCreated(context, op.thumbprint, stringProp(await context.graph.post(path(op), op.body, opts), 'id'))
    } catch (error) {
      if (!isDuplicate(error)) throw error // a second lost response ends the run: a re-run reads first
    }
  }
}

function noteCreated(context: KindContext, thumbprint: string | undefined, id: string | undefined): void {
  if (thumbprint !== undefined) context.record.created.push(thumbprint)
  if (id !== undefined) context.record.createdAuthorityIds.push(id)
}

export const pkiPublisher: KindPublisher<PkiState> = {
  read,
  storeCertificates: (state) => state.authorities.map((ca) => ca.der),
  apply
}
