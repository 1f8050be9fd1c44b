// kind pki, reading: the PKI of the display name (the winner when several share it) and its CAs.
import { GraphError } from '../../http/errors.ts'
import { prop, stringProp } from '../../http/tolerant.ts'
import type { JsonObject } from '../../http/types.ts'
import { PKI_AUTHORITIES, PKI_CONTAINER } from '../../plan/paths.ts'
import type { PkiState } from '../../plan/types.ts'
import { existingAuthorities } from '../existing.ts'
import type { KindContext } from '../kind.ts'
import { findAllByDisplayName } from '../named.ts'
import { permissionHint } from '../permissions.ts'

export const hint = permissionHint('pki')
export const opts = { permissionHint: hint }

export const listAuthorities = (context: KindContext, pkiId: string): Promise<JsonObject[]> =>
  context.graph.getAll(`${PKI_AUTHORITIES(pkiId)}?$top=999`, opts)

export async function read(context: KindContext): Promise<PkiState> {
  const id = await winnerId(context)
  if (id === undefined) return { kind: 'pki', pki: null, authorities: [] }
  return {
    kind: 'pki',
    pki: { id, displayName: displayNameOf(context) },
    authorities: existingAuthorities(await listAuthorities(context, id))
  }
}

export const displayNameOf = (context: KindContext): string => context.settings.displayName ?? ''

/**
 * Which of the PKIs of that name every run settles on: one holding CAs beats an empty one (a run
 * that already published is not undone by a racer that only just created its PKI), then the
 * lowest id. Each run that creates one checks right after creating, and again once its first CA
 * is in (settledWinner).
 */
export async function winnerId(context: KindContext): Promise<string | undefined> {
  return choose(context, await namesakes(context))
}

/** A PKI of the name, and whether it holds a CA (assumed when it is the only one). */
export interface Namesake {
  readonly id: string
  readonly held: boolean
}

/** The PKIs of the name, lowest id first. */
export async function namesakes(context: KindContext): Promise<Namesake[]> {
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

export function choose(context: KindContext, pkis: readonly Namesake[]): string | undefined {
  if (pkis.length <= 1) return pkis[0]?.id
  const winner = (pkis.find((pki) => pki.held) ?? pkis[0]!).id
  context.logger.info(
    `${pkis.length} PKIs are named "${displayNameOf(context)}" (${pkis.map((pki) => pki.id).join(', ')}); using ${winner}, ` +
      'the first of those holding CAs by id.'
  )
  return winner
}
