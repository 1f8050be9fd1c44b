// kind pki: a PKI container found by display name, and one entity per CA (graph-api.md §2).
import type { CertificateAuthority } from '../certificates/types.ts'
import { setTimeout as delay } from 'node:timers/promises'
import { DEFAULT_BATCHES_IN_FLIGHT, MAX_BATCH_ITEMS, type BatchItem, type BatchResult } from '../http/batch.ts'
import { AmbiguousWriteError, GraphError } from '../http/errors.ts'
import { isJsonObject, prop, stringProp } from '../http/tolerant.ts'
import type { JsonObject } from '../http/types.ts'
import { pkiAuthorityBody } from '../plan/bodies.ts'
import { PKI_AUTHORITIES, PKI_CONTAINER, PLACEHOLDER } from '../plan/paths.ts'
import type { Operation, Plan, PkiState } from '../plan/types.ts'
import { existingAuthorities } from './existing.ts'
import type { KindContext, KindPublisher } from './kind.ts'
import { byDisplayNamePath, exactMatches, findAllByDisplayName } from './named.ts'
import { permissionHint } from './permissions.ts'
import { deleteTolerant } from './writes.ts'

const hint = permissionHint('pki')
const opts = { permissionHint: hint }

const listAuthorities = (context: KindContext, pkiId: string): Promise<JsonObject[]> =>
  context.graph.getAll(`${PKI_AUTHORITIES(pkiId)}?$top=999`, opts)

async function read(context: KindContext): Promise<PkiState> {
  const id = await winnerId(context)
  if (id === undefined) return { kind: 'pki', pki: null, authorities: [] }
  return {
    kind: 'pki',
    pki: { id, displayName: displayNameOf(context) },
    authorities: existingAuthorities(await listAuthorities(context, id))
  }
}

const displayNameOf = (context: KindContext): string => context.settings.displayName ?? ''

/** "Duplicate Certificate exists" (graph-api.md §2.3, with a stray quote in the docs): another run added it first. */
const isDuplicate = (error: unknown): boolean =>
  error instanceof GraphError && error.status === 400 && /duplicate certificate exists/i.test(error.graphMessage ?? error.message)

async function apply(context: KindContext, plan: Plan, state: PkiState, desired: readonly CertificateAuthority[]): Promise<void> {
  const { record } = context
  let pkiId = state.pki?.id
  let created: string | undefined
  const path = (op: Operation): string => (pkiId !== undefined ? op.path.replace(PLACEHOLDER.pkiId, pkiId) : op.path)

  for (const op of plan.operations.filter((o) => o.action === 'createConfiguration')) {
    context.onWrite()
    // A concurrent run may have created one of the same name: settle on the winner while ours is empty.
    ;({ created, pkiId } = await createAndSettle(context, op))
  }
  if (pkiId === undefined) throw new Error('internal: no PKI id after planning')
  record.configurationId = pkiId

  // Extras go last, after every addition: trust never shrinks before it grows. Only those the
  // plan puts before the additions (to stay within 250 CAs) go first.
  const ops = (action: Operation['action']): Operation[] => plan.operations.filter((o) => o.action === action)
  const firstAdd = plan.operations.findIndex((o) => o.action === 'createAuthority')
  const room = new Set(firstAdd === -1 ? [] : plan.operations.slice(0, firstAdd).filter((o) => o.action === 'deleteAuthority'))
  await writeAll(context, [...room], path, (op) => {
    if (op.thumbprint !== undefined) record.removed.push(op.thumbprint)
  })
  // A PKI this run created is checked for a racer's again after its first CA is in: that check
  // rides with the additions, in the same round trip (see settledWinner).
  const recheck = created !== undefined && created === pkiId
  const check = await createAuthorities(context, pkiId, ops('createAuthority'), path, recheck)
  await writeAll(context, ops('updateAuthority'), path, (op) => {
    if (op.thumbprint !== undefined) record.updated.push(op.thumbprint)
  })
  await writeAll(
    context,
    ops('deleteAuthority').filter((op) => !room.has(op)),
    path,
    (op) => {
      if (op.thumbprint !== undefined) record.removed.push(op.thumbprint)
    }
  )

  // A racer's PKI with a lower id may have appeared after we settled: then ours moves to it.
  if (recheck && !(check?.added === true && onlyOurs(context, check.list, pkiId))) {
    const winner = await settledWinner(context, pkiId)
    if (winner !== pkiId) await moveTo(context, winner, pkiId, desired)
  }
}

/** A list of the PKIs of the name, complete in one page, that shows ours and no other. */
function onlyOurs(context: KindContext, list: BatchResult | undefined, ours: string): boolean {
  if (list?.outcome !== 'done' || prop(list.body, '@odata.nextLink') !== undefined) return false
  const page = prop(list.body, 'value')
  const ids = exactMatches(Array.isArray(page) ? page.filter(isJsonObject) : [], displayNameOf(context)).map((pki) => stringProp(pki, 'id'))
  return ids.length === 1 && ids[0] === ours
}

/**
 * Adds the CAs in JSON batches (http/batch.ts): one round trip for up to 100 of them. Each item is
 * a write against Graph's budget of 3,000 writes per 150 s per app and tenant (graph-api.md §4.4);
 * a PKI holds at most 250 CAs, far below. A create whose response was lost is not repeated
 * blindly: the PKI is read, and only what is still missing is created again.
 *
 * With `check`, the PKIs of the name are listed right after the first CA is added, in a batch of
 * those two beside the others: whether that CA went in, and the list.
 */
async function createAuthorities(
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

interface Check {
  /** The first CA was added by this request (so the PKI held a CA when the list was taken). */
  readonly added: boolean
  readonly list: BatchResult | undefined
}

/**
 * POSTs every op in batches and records what was created; a CA added meanwhile by a concurrent run
 * ("Duplicate Certificate exists") counts as present. Returns the ops whose outcome is unknown and
 * the first failure.
 */
async function postAll(context: KindContext, ops: readonly Operation[], path: (op: Operation) => string, check = false): Promise<Posted> {
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

interface Lost {
  readonly op: Operation
  readonly error: AmbiguousWriteError
}

interface Posted {
  readonly lost: readonly Lost[]
  readonly failure?: GraphError
  readonly check?: Check
}

/**
 * PATCHes or DELETEs in batches (each is idempotent, and independent of the others); `done` is
 * called for each that took effect. A DELETE whose target is already gone has done its job.
 */
async function writeAll(
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

/**
 * Creates the PKI and, in the same round trip, lists the PKIs of its name: a JSON batch whose
 * list waits for the create (`dependsOn`), so the check for a concurrent run's PKI costs no
 * round trip of its own. A list that shows only ours settles it; anything else (another PKI of
 * the name, a list that failed or spans pages) is settled by the full check (`settle`).
 */
async function createAndSettle(context: KindContext, op: Operation): Promise<{ created: string; pkiId: string }> {
  const displayName = displayNameOf(context)
  const [create, list] = await context.graph.batch(
    [
      { method: 'POST', path: op.path, body: op.body },
      { method: 'GET', path: byDisplayNamePath(PKI_CONTAINER, displayName), dependsOn: [0] }
    ],
    opts
  )
  if (create === undefined || create.outcome === 'failed') throw create?.error ?? new Error('internal: no answer for the PKI create')
  let created = create.outcome === 'done' ? stringProp(create.body, 'id') : undefined
  if (create.outcome === 'ambiguous') {
    context.logger.warning('The response to creating the PKI was lost; looking it up by name before creating it again.')
    created = (await winnerId(context)) ?? stringProp(await context.graph.post(op.path, op.body, opts), 'id')
  }
  if (created === undefined) throw new Error(`POST ${op.path} returned no id for the new PKI`)
  if (create.outcome === 'done' && onlyOurs(context, list, created)) return { created, pkiId: created }
  return { created, pkiId: await settle(context, created) }
}

/**
 * Which of the PKIs of that name every run settles on: one holding CAs beats an empty one (a run
 * that already published is not undone by a racer that only just created its PKI), then the
 * lowest id. Each run that creates one checks right after creating, and again once its first CA
 * is in (settledWinner).
 */
async function winnerId(context: KindContext): Promise<string | undefined> {
  return choose(context, await namesakes(context))
}

/** A PKI of the name, and whether it holds a CA (assumed when it is the only one). */
interface Namesake {
  readonly id: string
  readonly held: boolean
}

/** The PKIs of the name, lowest id first. */
async function namesakes(context: KindContext): Promise<Namesake[]> {
  const ids = (await findAllByDisplayName(context.graph, PKI_CONTAINER, displayNameOf(context), hint)).map(
    (pki) => stringProp(pki, 'id') ?? ''
  )
  if (ids.length <= 1) return ids.map((id) => ({ id, held: true }))
  // One page of at most one item says whether a PKI holds any CA; a 404 says that a racer deleted
  // its PKI since the list (it chose another).
  const found = await Promise.all(
    ids.map(async (id): Promise<Namesake | undefined> => {
      try {
        const page = prop(await context.graph.get(`${PKI_AUTHORITIES(id)}?$top=1`, opts), 'value')
        return { id, held: Array.isArray(page) && page.length > 0 }
      } catch (error) {
        if (error instanceof GraphError && error.status === 404) return undefined
        throw error
      }
    })
  )
  return found.filter((pki) => pki !== undefined)
}

function choose(context: KindContext, pkis: readonly Namesake[]): string | undefined {
  if (pkis.length <= 1) return pkis[0]?.id
  const winner = (pkis.find((pki) => pki.held) ?? pkis[0]!).id
  context.logger.info(
    `${pkis.length} PKIs are named "${displayNameOf(context)}" (${pkis.map((pki) => pki.id).join(', ')}); using ${winner}, ` +
      'the first of those holding CAs by id.'
  )
  return winner
}

/** Pauses between looks at a racer's PKI that is still empty: about 8 s in all. */
const EMPTY_RACER_PAUSES_MS: readonly number[] = [250, 500, 1000, 2000, 4000]

/**
 * The PKI to end on, once ours holds a CA. Another PKI of the name that is still empty belongs to
 * a run between its create and its first CA: that run will fill it (it chose its own, having seen
 * ours empty) or delete it (it chose ours). Choosing before then could leave two PKIs, one filled
 * by each run, so this looks again until every other PKI of the name holds a CA or is gone. One
 * still empty after the last pause is taken as left behind by a run that stopped, and ignored.
 */
async function settledWinner(context: KindContext, ours: string): Promise<string> {
  for (let look = 0; ; look++) {
    const found = await namesakes(context)
    const empty = found.filter((pki) => pki.id !== ours && !pki.held).map((pki) => pki.id)
    const pause = EMPTY_RACER_PAUSES_MS[look]
    if (empty.length === 0 || pause === undefined) {
      if (empty.length > 0) {
        context.logger.warning(
          `The PKI(s) ${empty.join(', ')} named "${displayNameOf(context)}" are still empty after ` +
            `${EMPTY_RACER_PAUSES_MS.reduce((a, b) => a + b, 0) / 1000} s; taking them as left behind by a run that stopped. ` +
            'Delete them if no run is using them.'
        )
      }
      return (
        choose(
          context,
          found.filter((pki) => !empty.includes(pki.id))
        ) ?? ours
      )
    }
    context.logger.info(
      `Another run is creating a PKI named "${displayNameOf(context)}" (${empty.join(', ')}, still empty); ` +
        `looking again in ${pause / 1000} s to see whether it keeps that one or joins this one.`
    )
    await delay(pause)
  }
}

/** Right after creating: if another PKI of that name wins, ours (still empty) goes. */
async function settle(context: KindContext, created: string): Promise<string> {
  const winner = await winnerId(context)
  if (winner === undefined || winner === created) return created
  context.logger.warning(
    `Another run created a PKI named "${displayNameOf(context)}" at the same time; using that one ` +
      `(${winner}) and deleting the one this run created (${created}).`
  )
  await deleteTolerant(context, `${PKI_CONTAINER}/${created}`, hint)
  return winner
}

/** Adds every given CA to the winner (those already there are skipped), then deletes our PKI. */
async function moveTo(context: KindContext, winner: string, ours: string, desired: readonly CertificateAuthority[]): Promise<void> {
  context.logger.warning(
    `Another run created a PKI named "${displayNameOf(context)}" at the same time, and that one ` +
      `(${winner}) wins; moving this run's CAs there and deleting the PKI this run created (${ours}).`
  )
  const { record } = context
  record.created.length = 0
  record.createdAuthorityIds.length = 0
  const held = new Set(existingAuthorities(await listAuthorities(context, winner)).map((ca) => ca.thumbprint))
  const ops = desired
    .filter((ca) => !held.has(ca.thumbprint))
    .map((ca): Operation => ({
      action: 'createAuthority',
      method: 'POST',
      path: PKI_AUTHORITIES(winner),
      reason: 'move',
      thumbprint: ca.thumbprint,
      body: pkiAuthorityBody(ca, context.settings.issuerHints)
    }))
  await createAuthorities(context, winner, ops, (op) => op.path)
  await deleteTolerant(context, `${PKI_CONTAINER}/${ours}`, hint)
  record.configurationId = winner
}

/** Reads the PKI: records the lost creates that took effect, and (`createMissing`) creates the others again. */
async function settleUncertain(
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

function noteCreated(context: KindContext, thumbprint: string | undefined, id: string | undefined): void {
  if (thumbprint !== undefined) context.record.created.push(thumbprint)
  if (id !== undefined) context.record.createdAuthorityIds.push(id)
}

export const pkiPublisher: KindPublisher<PkiState> = {
  read,
  storeCertificates: (state) => state.authorities.map((ca) => ca.der),
  apply,
  // The CA creates go in batches of 20, a few at once, each on its own connection; into a new PKI
  // one more carries the first CA and the check for a racer's PKI.
  connections: (desired) => Math.min(DEFAULT_BATCHES_IN_FLIGHT, Math.ceil(desired.length / MAX_BATCH_ITEMS)) + 1
}
