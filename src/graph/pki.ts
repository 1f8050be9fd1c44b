// kind pki: a PKI container found by display name, and one entity per CA (graph-api.md §2).
import type { CertificateAuthority } from '../certificates/types.ts'
import { AmbiguousWriteError } from '../http/errors.ts'
import { stringProp } from '../http/tolerant.ts'
import type { JsonObject } from '../http/types.ts'
import { PKI_AUTHORITIES, PKI_CONTAINER, PLACEHOLDER } from '../plan/paths.ts'
import type { Operation, Plan, PkiState } from '../plan/types.ts'
import { forEachLimited } from './concurrency.ts'
import { existingAuthorities } from './existing.ts'
import type { KindContext, KindPublisher } from './kind.ts'
import { findByDisplayName } from './named.ts'
import { deleteTolerant } from './writes.ts'
import { permissionHint } from './permissions.ts'

const hint = permissionHint('pki')
const opts = { permissionHint: hint }

async function listAuthorities(context: KindContext, pkiId: string): Promise<JsonObject[]> {
  return context.graph.getAll(`${PKI_AUTHORITIES(pkiId)}?$top=999`, opts)
}

async function read(context: KindContext): Promise<PkiState> {
  const found = await findByDisplayName(context.graph, PKI_CONTAINER, context.settings.displayName ?? '', context.logger, hint)
  const id = stringProp(found, 'id')
  if (found === undefined || id === undefined) return { kind: 'pki', pki: null, authorities: [] }
  return {
    kind: 'pki',
    pki: { id, displayName: stringProp(found, 'displayName') ?? '' },
    authorities: existingAuthorities(await listAuthorities(context, id))
  }
}

async function apply(context: KindContext, plan: Plan, state: PkiState): Promise<void> {
  const { graph, record } = context
  let pkiId = state.pki?.id
  const path = (op: Operation): string => (pkiId !== undefined ? op.path.replace(PLACEHOLDER.pkiId, pkiId) : op.path)

  for (const op of plan.operations.filter((o) => o.action === 'createConfiguration')) {
    context.onWrite()
    pkiId = await createPki(context, op)
    record.configurationId = pkiId
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
    try {
      const created = await graph.post(path(op), op.body, opts)
      noteCreated(context, op, stringProp(created, 'id'))
    } catch (error) {
      if (!(error instanceof AmbiguousWriteError)) throw error
      context.logger.warning(`The response to adding ${op.thumbprint} was lost; the PKI is read again before anything is repeated.`)
      uncertain.push(op)
    }
  })
  if (uncertain.length > 0) await settleUncertain(context, pkiId, uncertain, path)

  for (const op of plan.operations.filter((o) => o.action === 'updateAuthority')) {
    context.onWrite()
    await graph.patch(path(op), op.body, opts)
  }
  // Extras go last, after every addition: trust never shrinks before it grows. A few may have
  // been planned first to make room (the plan's order is kept).
  for (const op of plan.operations.filter((o) => o.action === 'deleteAuthority')) {
    context.onWrite()
    await deleteTolerant(context, path(op), hint)
    if (op.thumbprint !== undefined) record.removed.push(op.thumbprint)
  }
}

async function createPki(context: KindContext, op: Operation): Promise<string> {
  try {
    const created = await context.graph.post(op.path, op.body, opts)
    const id = stringProp(created, 'id')
    if (id !== undefined) return id
  } catch (error) {
    if (!(error instanceof AmbiguousWriteError)) throw error
    context.logger.warning('The response to creating the PKI was lost; looking it up by name before creating it again.')
  }
  const found = await findByDisplayName(context.graph, PKI_CONTAINER, context.settings.displayName ?? '', context.logger, hint)
  const id = stringProp(found, 'id')
  if (id !== undefined) return id
  const again = await context.graph.post(op.path, op.body, opts)
  const retried = stringProp(again, 'id')
  if (retried === undefined) throw new Error(`POST ${op.path} returned no id for the new PKI`)
  return retried
}

async function settleUncertain(
  context: KindContext, pkiId: string, uncertain: readonly Operation[], path: (op: Operation) => string
): Promise<void> {
  const held = new Map(existingAuthorities(await listAuthorities(context, pkiId)).map((ca) => [ca.thumbprint, ca.id]))
  for (const op of uncertain) {
    const id = held.get(op.thumbprint ?? '')
    if (id !== undefined) {
      context.logger.info(`${op.thumbprint} was added after all (the lost response came from a write that took effect).`)
      noteCreated(context, op, id)
      continue
    }
    const created = await context.graph.post(path(op), op.body, opts)
    noteCreated(context, op, stringProp(created, 'id'))
  }
}

function noteCreated(context: KindContext, op: Operation, id: string | undefined): void {
  if (op.thumbprint !== undefined) context.record.created.push(op.thumbprint)
  if (id !== undefined) context.record.createdAuthorityIds.push(id)
}


export const pkiPublisher: KindPublisher<PkiState> = {
  read,
  storeCertificates: (state) => state.authorities.map((ca) => ca.der),
  apply: (context, plan, state, _desired: readonly CertificateAuthority[]) => apply(context, plan, state)
}
