// kind pki, settling concurrent runs: when two runs create a PKI of the same name, every run ends on one.
import { setTimeout as delay } from 'node:timers/promises'
import type { CertificateAuthority } from '../../certificates/types.ts'
import type { BatchResult } from '../../http/batch/types.ts'
import { isJsonObject, prop, stringProp } from '../../http/tolerant.ts'
import { pkiAuthorityBody } from '../../plan/bodies.ts'
import { PKI_AUTHORITIES, PKI_CONTAINER } from '../../plan/paths.ts'
import type { Operation } from '../../plan/types.ts'
import { existingAuthorities } from '../existing.ts'
import type { KindContext } from '../kind.ts'
import { byDisplayNamePath, exactMatches } from '../named.ts'
import { readUntil } from '../read-after-write.ts'
import { deleteTolerant } from '../writes.ts'
import { createAuthorities } from './create-authorities.ts'
import { choose, displayNameOf, hint, listAuthorities, namesakes, opts, winnerId } from './read.ts'

/** A list of the PKIs of the name, complete in one page, that shows ours and no other. */
export function onlyOurs(context: KindContext, list: BatchResult | undefined, ours: string): boolean {
  if (list?.outcome !== 'done' || prop(list.body, '@odata.nextLink') !== undefined) return false
  const page = prop(list.body, 'value')
  const ids = exactMatches(Array.isArray(page) ? page.filter(isJsonObject) : [], displayNameOf(context)).map((pki) => stringProp(pki, 'id'))
  return ids.length === 1 && ids[0] === ours
}

/**
 * Creates the PKI and, in the same round trip, lists the PKIs of its name: a JSON batch whose
 * list waits for the create (`dependsOn`), so the check for a concurrent run's PKI costs no
 * round trip of its own. A list that shows only ours settles it; anything else (another PKI of
 * the name, a list that failed or spans pages) is settled by the full check (`settle`).
 */
export async function createAndSettle(context: KindContext, op: Operation): Promise<{ created: string; pkiId: string }> {
  const displayName = displayNameOf(context)
  const [create, list] = await context.graph.batch(
    [
      { method: 'POST', path: op.path, body: op.body },
      { method: 'GET', path: byDisplayNamePath(PKI_CONTAINER, displayName), dependsOn: [0] }
    ],
    opts
  )
  if (create === undefined) throw new Error('internal: no answer for the PKI create')
  // A 5xx may hide a create that was done, as a lost response may: both are read first.
  const unknown = create.outcome === 'ambiguous' || (create.outcome === 'failed' && (create.error.status ?? 0) >= 500)
  if (create.outcome === 'failed' && !unknown) throw create.error
  let created = create.outcome === 'done' ? stringProp(create.body, 'id') : undefined
  if (unknown) {
    context.logger.warning('The response to creating the PKI was lost or a 5xx; looking it up by name before creating it again.')
    // Reads lag writes: look a few times before taking the create as not done.
    const { value: found } = await readUntil(
      context.graph,
      () => winnerId(context),
      (id) => id !== undefined
    )
    created = found ?? stringProp(await context.graph.post(op.path, op.body, opts), 'id')
  }
  if (created === undefined) throw new Error(`POST ${op.path} returned no id for the new PKI`)
  if (create.outcome === 'done' && onlyOurs(context, list, created)) return { created, pkiId: created }
  return { created, pkiId: await settle(context, created) }
}

/** Pauses between looks at a racer's PKI that is still empty: about 8 s in all. */
export const EMPTY_RACER_PAUSES_MS: readonly number[] = [250, 500, 1000, 2000, 4000]

/**
 * The PKI to end on, once ours holds a CA. Another PKI of the name that is still empty belongs to
 * a run between its create and its first CA: that run will fill it (it chose its own, having seen
 * ours empty) or delete it (it chose ours). Choosing before then could leave two PKIs, one filled
 * by each run, so this looks again until every other PKI of the name holds a CA or is gone. One
 * still empty after the last pause is taken as left behind by a run that stopped, and ignored.
 */
export async function settledWinner(context: KindContext, ours: string): Promise<string> {
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
export async function settle(context: KindContext, created: string): Promise<string> {
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
export async function moveTo(context: KindContext, winner: string, ours: string, desired: readonly CertificateAuthority[]): Promise<void> {
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
