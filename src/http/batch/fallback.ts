// Graph JSON batching refused (refusal.ts): the same items, one request each. The results have the
// shape of batch results, so callers do not care which way their writes went. Linked items
// (`dependsOn`) go after what they wait for; one whose dependency failed fails as Graph's 424 would.
import { AmbiguousWriteError, GraphError } from '../errors.ts'
import { normaliseGraphBody } from '../tolerant.ts'
import { eachLimited, linkedGroups } from './chunks.ts'
import { DEFAULT_BATCHES_IN_FLIGHT, type BatchItem, type BatchOptions, type BatchResult, type BatchTransport } from './types.ts'

/** Requests in flight at once without batching: as many as batches would be. */
export const SINGLE_REQUESTS_IN_FLIGHT = DEFAULT_BATCHES_IN_FLIGHT

export async function sendEach(
  transport: BatchTransport,
  items: readonly BatchItem[],
  indices: readonly number[],
  options: BatchOptions,
  results: Map<number, BatchResult> = new Map()
): Promise<Map<number, BatchResult>> {
  // Each linked group in index order (a dependency before its dependants), the groups side by side.
  await eachLimited(linkedGroups(items, indices), options.concurrency ?? SINGLE_REQUESTS_IN_FLIGHT, async (group) => {
    for (const index of group) results.set(index, await sendOne(transport, items, index, results, options))
  })
  return results
}

async function sendOne(
  transport: BatchTransport,
  items: readonly BatchItem[],
  index: number,
  results: ReadonlyMap<number, BatchResult>,
  options: BatchOptions
): Promise<BatchResult> {
  const item = items[index]!
  const failed = (item.dependsOn ?? []).find((dependency) => {
    const result = results.get(dependency)
    return result !== undefined && result.outcome !== 'done'
  })
  if (failed !== undefined) return { outcome: 'failed', error: dependencyFailed(transport, item, failed) }
  try {
    const response = await transport.single(item, options)
    return { outcome: 'done', status: response.status, headers: response.headers, body: normaliseGraphBody(response.body) }
  } catch (error) {
    if (error instanceof GraphError) return { outcome: 'failed', error }
    if (error instanceof AmbiguousWriteError) return { outcome: 'ambiguous', error }
    throw error
  }
}

function dependencyFailed(transport: BatchTransport, item: BatchItem, dependency: number): GraphError {
  return new GraphError({
    service: 'Microsoft Graph',
    method: item.method,
    path: transport.displayPath(item.path),
    status: 424,
    code: 'FailedDependency',
    graphMessage: `not sent: the request it depends on (${dependency}) did not succeed`,
    requestId: undefined,
    clientRequestId: 'none (not sent)',
    date: undefined,
    attempts: 0,
    mayHaveBeenApplied: false
  })
}
