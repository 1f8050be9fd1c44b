// The request pipeline shared by the three roles: read the body, log the request, apply faults and
// latency, dispatch to the role's handler, write the reply with the service's common headers.
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { faultReply, type Faults } from './faults.ts'
import { isBatchPath, type BatchOutcome, type NewRecord } from './graph/batch.ts'
import type { Call, Reply, RequestRecord, Role } from './types.ts'

export type RoleHandler = (call: Call) => Reply
/** `POST /{version}/$batch` on the Graph role: `log` appends each item's record to the request log. */
export type BatchHandler = (call: Call, log: (record: NewRecord) => RequestRecord) => BatchOutcome

export interface Pipeline {
  readonly faults: Faults
  readonly requests: RequestRecord[]
  readonly handlers: Readonly<Record<Role, RoleHandler>>
  readonly batch?: BatchHandler
  readonly onRequest?: (record: RequestRecord) => void
}

const MAX_BODY = 4 * 1024 * 1024
const SECRET_FIELDS = new Set(['client_assertion', 'client_secret', 'assertion', 'refresh_token', 'access_token'])
const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8'

export function requestListener(pipeline: Pipeline, role: Role): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    serve(pipeline, role, req, res).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)))
    })
  }
}

async function serve(pipeline: Pipeline, role: Role, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now()
  const rawBody = await readBody(req)
  const method = (req.method ?? 'GET').toUpperCase()
  const url = new URL(req.url ?? '/', `https://${req.headers.host ?? '127.0.0.1'}`)
  // MSAL sends its correlation id as a query parameter of the token request, not as a header.
  const clientRequestId =
    header(req, 'client-request-id') ?? (role === 'authority' ? (url.searchParams.get('client-request-id') ?? undefined) : undefined)
  const contentType = header(req, 'content-type')
  const userAgent = header(req, 'user-agent')
  const body = rawBody && describeBody(contentType, rawBody)
  const record: RequestRecord = {
    seq: pipeline.requests.length + 1,
    time: new Date().toISOString(),
    role,
    method,
    path: req.url ?? '/',
    status: null,
    authorization: req.headers.authorization !== undefined,
    ...(clientRequestId !== undefined ? { clientRequestId } : {}),
    ...(contentType !== undefined ? { contentType } : {}),
    ...(userAgent !== undefined ? { userAgent } : {}),
    ...(body !== undefined ? { body } : {})
  }
  pipeline.requests.push(record)
  const call: Call = {
    role,
    method,
    url,
    headers: req.headers,
    rawBody: rawBody ?? Buffer.alloc(0),
    record,
    clientRequestId,
    requestId: randomUUID()
  }
  let items: readonly RequestRecord[] = []
  // A batch's items share its interval in the log: they arrived and were answered with it.
  const done = (): void => {
    record.durationMs = Math.round(performance.now() - started)
    pipeline.onRequest?.(record)
    for (const item of items) {
      item.durationMs = record.durationMs
      pipeline.onRequest?.(item)
    }
  }

  const decision = pipeline.faults.decide(role, method, url.pathname)
  if (pipeline.faults.latencyMs > 0) await sleep(pipeline.faults.latencyMs)
  if (decision) record.fault = decision.kind
  if (decision?.kind === 'meanwhile') decision.rule.meanwhile?.()
  if (rawBody === undefined) return finish(res, call, { status: 413, body: { message: 'Request body too large.' } }, done)
  switch (decision?.kind) {
    case 'hang':
      return done()
    case 'drop':
      req.socket.destroy()
      return done()
    case 'status':
    case 'failAfter':
      return finish(res, call, faultReply(call, decision.rule, decision.rule.status ?? (decision.kind === 'failAfter' ? 500 : 503)), done)
  }

  let reply: Reply
  let batch: BatchOutcome | undefined
  try {
    if (role === 'graph' && pipeline.batch !== undefined && isBatchPath(url.pathname)) {
      batch = pipeline.batch(call, (fields) => log(pipeline, fields))
      items = batch.items
      reply = batch.reply
    } else {
      reply = pipeline.handlers[role](call)
    }
  } catch (error) {
    reply = {
      status: 500,
      body: { error: { code: 'EmulatorError', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } }
    }
  }
  // An item's hang, drop or lost response takes the whole batch's answer with it.
  if (batch?.socket === 'hang') return done()
  if (batch?.socket === 'drop') {
    req.socket.destroy()
    return done()
  }
  if (decision?.kind === 'lostResponse') {
    record.committedStatus = reply.status
    batch?.lose()
    if (decision.rule.lostResponse === true) {
      req.socket.destroy()
      return done()
    }
    reply = faultReply(call, decision.rule, decision.rule.lostResponse ?? 503)
  }
  finish(res, call, reply, done)
}

function log(pipeline: Pipeline, fields: NewRecord): RequestRecord {
  const record: RequestRecord = { seq: pipeline.requests.length + 1, ...fields }
  pipeline.requests.push(record)
  return record
}

function finish(res: ServerResponse, call: Call, reply: Reply, done: () => void): void {
  call.record.status = reply.status
  const headers: Record<string, string> = { ...roleHeaders(call), ...reply.headers }
  const payload =
    reply.body === undefined ? undefined : Buffer.from(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body), 'utf8')
  if (payload && headers['content-type'] === undefined) {
    headers['content-type'] = call.role === 'graph' ? GRAPH_JSON : 'application/json; charset=utf-8'
  }
  if (payload && reply.status === 204 && reply.forceBody) {
    // Node drops the body of a 204, so write the message by hand; closing the connection keeps the
    // stray bytes from being read as the start of the next response.
    const head = [
      `HTTP/1.1 204 No Content`,
      `Date: ${new Date().toUTCString()}`,
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      `content-length: ${payload.length}`,
      'connection: close',
      '',
      ''
    ]
    res.socket?.end(Buffer.concat([Buffer.from(head.join('\r\n')), payload]))
    return done()
  }
  res.writeHead(reply.status, payload && reply.status !== 204 ? { ...headers, 'content-length': String(payload.length) } : headers)
  res.end(reply.status === 204 ? undefined : payload)
  done()
}

function roleHeaders(call: Call): Record<string, string> {
  const clientRequestId = call.clientRequestId ?? call.requestId
  if (call.role === 'graph') {
    return {
      'request-id': call.requestId,
      'client-request-id': clientRequestId,
      'x-ms-ags-diagnostic': JSON.stringify({
        ServerInfo: { DataCenter: 'Emulator', Slice: 'E', Ring: '0', ScaleUnit: '000', RoleInstance: 'EMU' }
      }),
      'x-ms-resource-unit': '1',
      'odata-version': '4.0',
      'cache-control': 'no-cache'
    }
  }
  if (call.role === 'authority')
    return { 'x-ms-request-id': call.requestId, 'client-request-id': clientRequestId, 'cache-control': 'no-store, no-cache' }
  return { 'x-github-request-id': call.requestId }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

/** The whole body (empty when none), or undefined when it exceeds the limit. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > MAX_BODY) return undefined
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
}

/** The body as the log keeps it: parsed JSON, form fields with secrets redacted, or (truncated) text. */
function describeBody(contentType: string | undefined, raw: Buffer): unknown {
  if (raw.length === 0) return undefined
  const text = raw.toString('utf8')
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    const fields: Record<string, string> = {}
    for (const [key, value] of new URLSearchParams(text)) {
      fields[key] = SECRET_FIELDS.has(key) ? `[redacted, ${value.length} chars]` : value
    }
    return fields
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text.length > 2048 ? `${text.slice(0, 2048)}…` : text
  }
}
