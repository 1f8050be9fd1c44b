// Graph JSON batching (graph-api.md §4.5): the shapes a batch call takes and gives back.
import type { RetryPolicy } from '../client.ts'
import type { AmbiguousWriteError, GraphError } from '../errors.ts'
import type { HttpMethod, HttpResponse } from '../types.ts'

/** Requests per batch: Graph's limit. */
export const MAX_BATCH_ITEMS = 20
/** Batches in flight at once by default: 100 items. */
export const DEFAULT_BATCHES_IN_FLIGHT = 5

export interface BatchItem {
  readonly method: HttpMethod
  /** Relative to `/{apiVersion}`, starting with `/`. */
  readonly path: string
  /** Sent as JSON (the item gets `content-type: application/json`). */
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
  /** Whether resending is harmless if an earlier attempt took effect; default: every method but POST. */
  readonly idempotent?: boolean
  /**
   * Items (by index in the same call) that must succeed first: Graph runs this one after them, in
   * the same round trip, or answers it 424. Linked items travel together in a batch of their own
   * (at most 20 of them), beside the batches of the others. When a dependency is resent
   * (throttled), this item is resent with it.
   */
  readonly dependsOn?: readonly number[]
}

/** One item's outcome, in the order the items were given. */
export type BatchResult =
  | { readonly outcome: 'done'; readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: unknown }
  | { readonly outcome: 'failed'; readonly error: GraphError }
  | { readonly outcome: 'ambiguous'; readonly error: AmbiguousWriteError }

export interface BatchOptions {
  /** Shown with a 401 or 403: the permission and role the calls need. */
  readonly permissionHint?: string
  /** Batches in flight at once; default 5. */
  readonly concurrency?: number
}

/** An item as it travels in the envelope. */
export interface WireItem {
  readonly id: string
  readonly method: HttpMethod
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: unknown
  readonly dependsOn?: readonly string[]
}

/** How batches reach Graph: the $batch POST (the HTTP client's own retries apply to it) and paths for messages. */
export interface BatchTransport {
  /** Throws GraphError, or AmbiguousWriteError when `idempotent` is false and the answer was lost. */
  send(requests: readonly WireItem[], idempotent: boolean): Promise<HttpResponse>
  /** One item as a request of its own (batching refused); throws like `send`. */
  single(item: BatchItem, options: BatchOptions): Promise<HttpResponse>
  /** False once Graph refused a batch: from then on every item goes on its own. */
  batching(): boolean
  /** Graph refused batching (refusal.ts): say so once, and send one request per write from now on. */
  refused(reason: string): void
  /** A batch answered 503/504: true when it is not the first in the run (then it counts as a refusal). */
  outage(reason: string): boolean
  displayPath(path: string): string
  readonly retry: RetryPolicy
}

/** What became of an item in one round: a result, or another attempt (`final` if none is left). */
export type Verdict =
  | BatchResult
  | { readonly outcome: 'retry'; readonly retryAfterMs: number | undefined; readonly why: string; readonly final: BatchResult }
  /** Batching refused: the item goes on its own. `confirmed` false: only if one such item then succeeds on its own is it a refusal. */
  | { readonly outcome: 'refused'; readonly reason: string; readonly confirmed: boolean }

export interface ItemState {
  readonly item: BatchItem
  readonly idempotent: boolean
  clientRequestId: string
  /** A write whose earlier attempt may have taken effect (for the message if it fails in the end). */
  mayHaveBeenApplied: boolean
}

export function internal(message: string): never {
  throw new Error(`internal: ${message}`)
}
