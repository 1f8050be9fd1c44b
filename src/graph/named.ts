// Finding a configuration by display name. Graph does not enforce unique names, so when several
// match, every run, concurrent ones included, settles on the same one by a fixed rule (pki/settle.ts:
// one holding CAs, then the lowest id; application.ts: the lowest id), and a run that created a
// loser moves its CAs to the winner and deletes its own.
import type { GraphClient } from '../http/graph-client.ts'
import { stringProp } from '../http/tolerant.ts'
import type { JsonObject, Logger } from '../http/types.ts'
import { odataString } from '../plan/paths.ts'

/** Every configuration of that exact name, lowest id first. */
export async function findAllByDisplayName(
  graph: GraphClient,
  container: string,
  displayName: string,
  permissionHint: string
): Promise<JsonObject[]> {
  return exactMatches(await graph.getAll(byDisplayNamePath(container, displayName), { permissionHint }), displayName)
}

/** The collection filtered on the display name (the service's filter; see exactMatches). */
export function byDisplayNamePath(container: string, displayName: string): string {
  return `${container}?$filter=${encodeURIComponent(`displayName eq ${odataString(displayName)}`)}`
}

/** The filter is the service's: keep only exact matches in case it is looser (case, trimming); lowest id first. */
export function exactMatches(items: readonly JsonObject[], displayName: string): JsonObject[] {
  return items
    .filter((item) => stringProp(item, 'displayName') === displayName && stringProp(item, 'id') !== undefined)
    .sort((a, b) => (stringProp(a, 'id') ?? '').localeCompare(stringProp(b, 'id') ?? ''))
}

export async function findByDisplayName(
  graph: GraphClient,
  container: string,
  displayName: string,
  logger: Logger,
  permissionHint: string
): Promise<JsonObject | undefined> {
  const matches = await findAllByDisplayName(graph, container, displayName, permissionHint)
  if (matches.length > 1) {
    logger.warning(
      `${matches.length} configurations are named "${displayName}" (ids ${matches.map((m) => stringProp(m, 'id')).join(', ')}); ` +
        'using the one with the lowest id. Delete the others, or give each a distinct `display-name`.'
    )
  }
  return matches[0]
}
