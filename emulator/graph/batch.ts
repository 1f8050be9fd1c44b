// JSON batching (graph-api.md §4.5): `POST /{version}/$batch` carrying up to 20 requests, each
// routed through the same Graph handler as a direct request (token, route, permission, body
// schema), logged as its own record marked with the outer request's `seq`, and hit by the same
// fault rules as a direct request. Items run one after the other in the order given (dependsOn
// first), or in any order with `unconfirmed.batchItems: 'parallel'`; the answers come back
// shuffled, as Graph promises no order. `unconfirmed.batch` refuses batching (refusal.ts).
import { randomUUID } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { GraphError, graphErrorReply } from '../errors.ts'
import { faultReply, type Faults } from '../faults.ts'
import { isObject } from '../jwt.ts'
import type { Call, EmulatorConfig, FaultKind, Reply, RequestRecord } from '../types.ts'
import { isThrottled, refusedEnvelope, refusedItem } from './refusal.ts'

export const MAX_BATCH_REQUESTS = 20
const BATCH_PATH = /^\/(v1\.0|beta)\/\$batch$/
const METHODS = new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE'])

export const isBatchPath = (pathname: string): boolean => BATCH_PATH.test(pathname)

/** The fields of a new log record; the log assigns `seq`. */
export type NewRecord = Omit<RequestRecord, 'seq'>

export interface BatchEnv {
  readonly faults: Faults
  /** The Graph role's handler (router.ts), for each item. */
  readonly handle: (call: Call) => Reply
  /** Throws the router's 401 GraphError when the outer request's token is not good. */
  readonly authenticate: (call: Call) => void
  /** Appends a record to the request log and returns it. */
  readonly log: (record: NewRecord) => RequestRecord
  readonly config: EmulatorConfig
  /** Items already throttled once (`unconfirmed.throttleItemsRetryAfter`), by method, URL and body. */
  readonly throttled: Set<string>
}

/**
 * What the server does with the outer request: answer `reply`, or (an item's `drop` or
 * `lostResponse: true` fault) destroy the socket, or (an item's `hang`) never answer. `items` are
 * the items' records, for the server to time and report with the outer one.
 */
export interface BatchOutcome {
  readonly reply: Reply
  readonly socket?: 'drop' | 'hang'
  readonly items: readonly RequestRecord[]
  /** Marks the items' answers as never delivered (a fault on the outer request lost them). */
  lose(): void
}

interface BatchItem {
  readonly id: string
  readonly method: string
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: unknown
  readonly dependsOn: readonly string[]
}

interface ItemAnswer {
  readonly id: string
  readonly status: number
  readonly headers: Record<string, string>
  readonly body?: unknown
}

class EnvelopeError extends Error {}

export function serveBatch(env: BatchEnv, call: Call): BatchOutcome {
  const fail = (status: number, code: string, message: string, headers: Record<string, string> = {}): BatchOutcome => ({
    reply: graphErrorReply(call, status, code, message, headers),
    items: [],
    lose: () => {}
  })
  call.record.operation = 'batch'
  if (call.method !== 'POST')
    return fail(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.', { allow: 'POST' })
  try {
    env.authenticate(call)
  } catch (error) {
    if (!(error instanceof GraphError)) throw error
    return fail(error.status, error.code, error.message, { ...error.headers })
  }
  let items: BatchItem[]
  try {
    items = parseEnvelope(call)
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error
    return fail(400, 'BadRequest', error.message)
  }
  const { unconfirmed } = env.config
  if (unconfirmed.batch === 'envelope') return { reply: refusedEnvelope(call, unconfirmed.batchRefusalStatus), items: [], lose: () => {} }

  const version = call.url.pathname.split('/')[1] ?? 'v1.0'
  const answers = new Map<string, ItemAnswer>()
  const records: RequestRecord[] = []
  const ran = new Set<RequestRecord>()
  let socket: 'drop' | 'hang' | undefined
  let lostStatus: number | undefined
  const parallel = unconfirmed.batchItems === 'parallel'
  for (const [position, item] of (parallel ? anyOrder(items) : executionOrder(items)).entries()) {
    const itemCall = makeCall(env, call, version, item)
    records.push(itemCall.record)
    const failedDependency = item.dependsOn.find((id) => !isSuccess(answers.get(id)?.status))
    if (failedDependency !== undefined) {
      const reply = graphErrorReply(itemCall, 424, 'FailedDependency', `The request it depends on (${failedDependency}) failed.`)
      answers.set(item.id, answer(item.id, itemCall, reply))
      continue
    }
    if (/^https?:/i.test(item.url)) {
      answers.set(
        item.id,
        answer(
          item.id,
          itemCall,
          graphErrorReply(itemCall, 400, 'BadRequest', 'Batch request URLs must be relative to the version, e.g. "/me".')
        )
      )
      continue
    }
    if (unconfirmed.batch === 'items') {
      answers.set(item.id, answer(item.id, itemCall, refusedItem(itemCall, unconfirmed.batchRefusalStatus)))
      continue
    }
    const retryAfter = unconfirmed.throttleItemsRetryAfter
    if (parallel && retryAfter !== null && isThrottled(env.throttled, item, position)) {
      answers.set(item.id, answer(item.id, itemCall, faultReply(itemCall, { retryAfter }, 429)))
      continue
    }
    const decision = env.faults.decide('graph', item.method, itemCall.url.pathname, true)
    if (decision) itemCall.record.fault = decision.kind
    if (decision?.kind === 'meanwhile') decision.rule.meanwhile?.()
    switch (decision?.kind) {
      case 'hang':
      case 'drop':
        // Nothing done for this item; the outer answer never arrives (hang wins over drop).
        socket = socket === 'hang' ? 'hang' : decision.kind
        continue
      case 'status':
      case 'failAfter':
        answers.set(
          item.id,
          answer(
            item.id,
            itemCall,
            faultReply(itemCall, decision.rule, decision.rule.status ?? (decision.kind === 'failAfter' ? 500 : 503))
          )
        )
        continue
    }
    const reply = handle(env, itemCall)
    ran.add(itemCall.record)
    answers.set(item.id, answer(item.id, itemCall, reply))
    if (decision?.kind === 'lostResponse') {
      // The write is committed; the whole batch's answer is lost (or replaced by a gateway's status).
      if (decision.rule.lostResponse === true) socket ??= 'drop'
      else lostStatus ??= decision.rule.lostResponse
    }
  }

  const lose = (): void => undelivered(records, ran)
  if (socket !== undefined || lostStatus !== undefined) {
    lose()
    const fault: FaultKind = socket ?? 'lostResponse'
    call.record.fault = fault
    if (ran.size > 0) call.record.committedStatus = 200
  }
  if (socket !== undefined) return { reply: { status: 0 }, socket, items: records, lose }
  if (lostStatus !== undefined) return { reply: faultReply(call, {}, lostStatus), items: records, lose }
  return { reply: { status: 200, body: { responses: shuffle([...answers.values()]) } }, items: records, lose }
}

/** The items of a client's batch whose answers the client never gets: what they would have been becomes `committedStatus`. */
function undelivered(records: readonly RequestRecord[], ran: ReadonlySet<RequestRecord>): void {
  for (const record of records) {
    if (ran.has(record) && record.status !== null) record.committedStatus = record.status
    record.status = null
  }
}

function handle(env: BatchEnv, call: Call): Reply {
  try {
    return env.handle(call)
  } catch (error) {
    return {
      status: 500,
      body: { error: { code: 'EmulatorError', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } }
    }
  }
}

function answer(id: string, call: Call, reply: Reply): ItemAnswer {
  call.record.status = reply.status
  const headers: Record<string, string> = { 'cache-control': 'no-cache', 'odata-version': '4.0', ...lowerCase(reply.headers ?? {}) }
  if (reply.body !== undefined && headers['content-type'] === undefined) {
    headers['content-type'] = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8'
  }
  return { id, status: reply.status, headers, ...(reply.body !== undefined ? { body: reply.body } : {}) }
}

/** The item as a request of its own: the outer request's token, the item's headers and body. */
function makeCall(env: BatchEnv, outer: Call, version: string, item: BatchItem): Call {
  const relative = item.url.startsWith('/') ? item.url : `/${item.url}`
  const url = new URL(/^https?:/i.test(item.url) ? `/${version}/` : `/${version}${relative}`, outer.url.origin)
  const contentType = item.headers['content-type']
  // A JSON body is handed on as parsed: writing it out only to parse it again cost the emulator's
  // one thread a few ms per batch, which added to the latency it emulates.
  const json = item.body !== undefined && !isBinaryBody(item.body, contentType) ? item.body : undefined
  const rawBody = json === undefined ? itemBody(item.body, contentType) : Buffer.alloc(0)
  const headers: IncomingHttpHeaders = { ...item.headers }
  if (outer.headers.authorization !== undefined) headers.authorization = outer.headers.authorization
  const clientRequestId = item.headers['client-request-id'] ?? outer.clientRequestId
  const userAgent = outer.headers['user-agent']
  const record = env.log({
    time: outer.record.time,
    role: 'graph',
    method: item.method,
    path: `/${version}${relative}`,
    status: null,
    authorization: outer.headers.authorization !== undefined,
    batch: outer.record.seq,
    ...(clientRequestId !== undefined ? { clientRequestId } : {}),
    ...(contentType !== undefined ? { contentType } : {}),
    ...(userAgent !== undefined ? { userAgent } : {}),
    ...(item.body !== undefined ? { body: item.body } : {})
  })
  return {
    role: 'graph',
    method: item.method,
    url,
    headers,
    rawBody,
    ...(json !== undefined ? { json } : {}),
    record,
    clientRequestId,
    requestId: randomUUID()
  }
}

/** JSON bodies travel as JSON in the envelope; other types as base64 text (Graph's convention). */
const isBinaryBody = (body: unknown, contentType: string | undefined): boolean =>
  typeof body === 'string' && contentType !== undefined && !/json/i.test(contentType)

/** The item's body as bytes on the wire would be. */
function itemBody(body: unknown, contentType: string | undefined): Buffer {
  if (body === undefined) return Buffer.alloc(0)
  if (isBinaryBody(body, contentType)) return Buffer.from(body as string, 'base64')
  return Buffer.from(JSON.stringify(body), 'utf8')
}

function parseEnvelope(call: Call): BatchItem[] {
  const contentType = call.headers['content-type']
  if (contentType === undefined || !/^application\/json\b/i.test(contentType)) {
    throw new EnvelopeError('A batch request needs Content-Type: application/json.')
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(call.rawBody.toString('utf8'))
  } catch {
    throw new EnvelopeError(
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.'
    )
  }
  const requests = isObject(parsed) ? parsed['requests'] : undefined
  if (!Array.isArray(requests) || requests.length === 0)
    throw new EnvelopeError('Invalid batch payload format: `requests` must be a non-empty array.')
  if (requests.length > MAX_BATCH_REQUESTS) {
    throw new EnvelopeError(`The batch holds ${requests.length} requests; at most ${MAX_BATCH_REQUESTS} are allowed.`)
  }
  const items = requests.map(parseItem)
  const ids = new Set<string>()
  for (const item of items) {
    if (ids.has(item.id)) throw new EnvelopeError(`Batch request id '${item.id}' is used more than once.`)
    ids.add(item.id)
  }
  for (const item of items) {
    const unknown = item.dependsOn.find((id) => !ids.has(id) || id === item.id)
    if (unknown !== undefined)
      throw new EnvelopeError(`Batch request '${item.id}' depends on '${unknown}', which is not another request of the batch.`)
  }
  executionOrder(items) // throws on a cycle
  return items
}

function parseItem(raw: unknown, index: number): BatchItem {
  if (!isObject(raw)) throw new EnvelopeError(`Batch request ${index + 1} is not an object.`)
  const { id, method, url, headers, body, dependsOn } = raw
  if (typeof id !== 'string' || id === '') throw new EnvelopeError(`Batch request ${index + 1} has no id (a non-empty string).`)
  if (typeof method !== 'string' || !METHODS.has(method.toUpperCase()))
    throw new EnvelopeError(`Batch request '${id}' has no valid method.`)
  if (typeof url !== 'string' || url === '') throw new EnvelopeError(`Batch request '${id}' has no url.`)
  if (headers !== undefined && (!isObject(headers) || Object.values(headers).some((v) => typeof v !== 'string'))) {
    throw new EnvelopeError(`Batch request '${id}': headers must be an object of strings.`)
  }
  if (dependsOn !== undefined && (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string'))) {
    throw new EnvelopeError(`Batch request '${id}': dependsOn must be an array of request ids.`)
  }
  return {
    id,
    method: method.toUpperCase(),
    url,
    headers: lowerCase((headers ?? {}) as Record<string, string>),
    ...(body !== undefined ? { body } : {}),
    dependsOn: (dependsOn ?? []) as string[]
  }
}

/** Parallel items: any order, each still after the items it depends on. */
function anyOrder(items: readonly BatchItem[]): BatchItem[] {
  return executionOrder(shuffle([...items]))
}

/** Items in the order given, each after the items it depends on; throws on a cycle. */
function executionOrder(items: readonly BatchItem[]): BatchItem[] {
  if (items.every((item) => item.dependsOn.length === 0)) return [...items]
  const order: BatchItem[] = []
  const done = new Set<string>()
  while (order.length < items.length) {
    const ready = items.filter((i) => !done.has(i.id) && i.dependsOn.every((d) => done.has(d)))
    if (ready.length === 0) throw new EnvelopeError('The dependsOn of the batch requests form a cycle.')
    const next = ready[0]!
    order.push(next)
    done.add(next.id)
  }
  return order
}

const isSuccess = (status: number | undefined): boolean => status !== undefined && status >= 200 && status < 300

function lowerCase(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
}

function shuffle<T>(list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[list[i], list[j]] = [list[j]!, list[i]!]
  }
  return list
}
