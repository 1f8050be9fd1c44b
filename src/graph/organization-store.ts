// kind organization, writing the singleton store: a POST retried with backoff (graph-api.md §1.3),
// each outcome proved by a read. Directory reads lag writes (§4.6), so a read right after the
// DELETE may still show the old store: a read counts only when it shows exactly the CAs expected,
// and is taken again, with pauses, until it does (read-after-write.ts). Nothing is reported that a
// read did not show (contract.md "First contact with a real tenant").
import { CONCURRENCY_VIOLATION } from '../http/retry.ts'
import { GraphError } from '../http/errors.ts'
import type { KindContext } from './kind.ts'
import { isRefusal, isUnknownOutcome } from './outcome.ts'
import { readUntil } from './read-after-write.ts'

/** POSTs of one configuration in all: the first and two more, with the retry rule's pauses between. */
export const STORE_CREATE_ATTEMPTS = 3

/** Thumbprints the store holds as a read shows it, or undefined when it shows no store. */
export type Held = ReadonlySet<string> | undefined
export type ReadStore = () => Promise<Held>

export const holdsExactly = (held: Held, wanted: ReadonlySet<string>): boolean =>
  held !== undefined && held.size === wanted.size && [...wanted].every((t) => held.has(t))

/**
 * `created`: Graph accepted a POST, or one whose answer was lost is shown by a read. `present`: a
 * POST was refused (4xx), but a read shows the store holding exactly `wanted` (an earlier attempt
 * of this run, or a concurrent run, made it).
 * Throws the last error when neither.
 */
export async function createStore(
  context: KindContext,
  path: string,
  body: unknown,
  wanted: ReadonlySet<string>,
  readStore: ReadStore,
  permissionHint: string,
  /** False when a lagging read could show `wanted` anyway (the backup, right after its DELETE): only a 2xx then counts. */
  trustReads = true
): Promise<'created' | 'present'> {
  for (let attempt = 1; ; attempt++) {
    try {
      await context.graph.post(path, body, { permissionHint })
      return 'created'
    } catch (error) {
      if (!trustReads && isRefusal(error) && !isConcurrency(error)) throw error
      // A 4xx may be "it exists already", in a status and text of Graph's choosing: read, and look again while reads lag.
      if (isRefusal(error) && !isConcurrency(error)) {
        if ((await readUntil(context.graph, readStore, (held) => holdsExactly(held, wanted))).shown) return 'present'
        throw error
      }
      if (!isUnknownOutcome(error) && !isTransient(error)) throw error
      if (isUnknownOutcome(error)) {
        // Lost or 5xx: it may have been done. Read before sending it again.
        context.logger.warning(
          `The response to creating the tenant trust store was lost or a 5xx (${shortReason(error)}); reading it before anything is repeated.`
        )
        if (trustReads && holdsExactly(await readStore(), wanted)) {
          context.logger.info('A read shows the tenant trust store holding exactly these CAs: the create took effect after all.')
          return 'created'
        }
      }
      if (attempt >= STORE_CREATE_ATTEMPTS) throw error
      context.logger.warning(
        `Creating the tenant trust store failed (${shortReason(error)}); trying again (attempt ${attempt + 1} of ${STORE_CREATE_ATTEMPTS}).`
      )
      await context.graph.pause(attempt)
    }
  }
}

/** Throttled or in conflict still after the HTTP client's own retries; or nothing sent at all. */
function isTransient(error: unknown): boolean {
  return error instanceof GraphError && (error.status === undefined || error.status === 429 || isConcurrency(error))
}

const isConcurrency = (error: unknown): boolean =>
  error instanceof GraphError && error.status === 409 && error.code?.toLowerCase() === CONCURRENCY_VIOLATION

export function shortReason(error: unknown): string {
  if (error instanceof GraphError) {
    return error.status !== undefined ? `HTTP ${error.status}${error.code !== undefined ? ` ${error.code}` : ''}` : 'no response'
  }
  return error instanceof Error && 'reason' in error && typeof error.reason === 'string' ? error.reason : String(error)
}

export type RestoreOutcome =
  /** A read shows the backup's CAs, exactly. */
  | { readonly state: 'restored' }
  /** No read showed either: what the tenant trusts now is unknown. */
  | { readonly state: 'unknown'; readonly error?: unknown }

/**
 * POSTs the backup back (with retries), then reads until the store shows it. Only a POST Graph
 * accepted (2xx) counts: right after the DELETE a lagging read shows the old store, which is the
 * backup's content, while the tenant may hold no store at all; so a restore whose POSTs all failed
 * or went unanswered is `unknown`, whatever a read shows.
 */
export async function restoreStore(
  context: KindContext,
  path: string,
  backup: { readonly body: unknown; readonly thumbprints: ReadonlySet<string> },
  readStore: ReadStore,
  permissionHint: string
): Promise<RestoreOutcome> {
  try {
    await createStore(context, path, backup.body, backup.thumbprints, readStore, permissionHint, false)
  } catch (error) {
    return { state: 'unknown', error }
  }
  const { shown } = await readUntil(context.graph, readStore, (held) => holdsExactly(held, backup.thumbprints))
  return shown ? { state: 'restored' } : { state: 'unknown' }
}
