// kind pki: a PKI container found by display name, and one entity per CA (graph-api.md §2).
import type { CertificateAuthority } from '../../certificates/types.ts'
import { DEFAULT_BATCHES_IN_FLIGHT, MAX_BATCH_ITEMS } from '../../http/batch/types.ts'
import { PLACEHOLDER } from '../../plan/paths.ts'
import type { Operation, Plan, PkiState } from '../../plan/types.ts'
import type { KindContext, KindPublisher } from '../kind.ts'
import { createAuthorities } from './create-authorities.ts'
import { read } from './read.ts'
import { createAndSettle, moveTo, onlyOurs, settledWinner } from './settle.ts'
import { writeAll } from './update-delete.ts'

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

export const pkiPublisher: KindPublisher<PkiState> = {
  read,
  storeCertificates: (state) => state.authorities.map((ca) => ca.der),
  apply,
  // The CA creates go in batches of 20, a few at once, each on its own connection; into a new PKI
  // one more carries the first CA and the check for a racer's PKI.
  connections: (desired) => Math.min(DEFAULT_BATCHES_IN_FLIGHT, Math.ceil(desired.length / MAX_BATCH_ITEMS)) + 1
}
