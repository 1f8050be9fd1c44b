// Switchable failures, scoped by role + method + path and counted, so tests can prove retries,
// lost-response recovery and give-up paths. Rules are checked in the order they were added.
import { aadErrorReply, graphErrorReply } from './errors.ts'
import type { Call, FaultKind, Reply, Role } from './types.ts'

export interface FaultRule {
  /** Default `graph`. */
  readonly role?: Role
  /**
   * Any method when absent (with `failAfter`: any write, i.e. POST, PATCH, PUT, DELETE, and the
   * items of a `$batch` rather than the `$batch` POST itself).
   */
  readonly method?: string
  /** Tested against the path without the query; a string must occur in it. Any path when absent. */
  readonly path?: RegExp | string
  /** Only requests carried in a `$batch` (true), or only requests sent on their own (false); either when absent. */
  readonly inBatch?: boolean
  /** How many matching requests the fault hits; unlimited when absent. */
  readonly times?: number
  /** Answer this status without doing the work (429, 503, 504, 401, 403, 409, ...). */
  readonly status?: number
  /** Seconds, sent as `Retry-After` with `status`. */
  readonly retryAfter?: number
  /** Error code in the body; a realistic default per status. */
  readonly code?: string
  readonly message?: string
  /** Destroy the socket before answering; nothing is committed. */
  readonly drop?: boolean
  /** Do the work (commit the write), then destroy the socket (`true`) or answer this status instead. */
  readonly lostResponse?: true | number
  /** Never answer (until the emulator closes). */
  readonly hang?: boolean
  /** Let the first n matching requests through, then fail every later one for good with `status` (default 500). */
  readonly failAfter?: number
  /**
   * No fault: what a concurrent run does (create a PKI, add a CA, delete one) just before the
   * request is handled, so a test can place a racer's write exactly between two of the action's.
   */
  readonly meanwhile?: () => void
}

export interface FaultHandle {
  readonly rule: FaultRule
  /** Matching requests the fault acted on. */
  readonly hits: number
  /** Matching requests seen, including those let through. */
  readonly seen: number
  remove(): void
}

export interface FaultDecision {
  readonly kind: FaultKind
  readonly rule: FaultRule
}

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])
/** `POST /{version}/$batch` is no write of its own: its items are (each is matched on its own). */
const BATCH = /^\/(v1\.0|beta)\/\$batch$/

class ActiveFault implements FaultHandle {
  hits = 0
  seen = 0
  readonly rule: FaultRule
  readonly kind: FaultKind
  readonly #owner: Faults

  constructor(rule: FaultRule, owner: Faults) {
    const effects = [
      rule.status !== undefined && rule.failAfter === undefined,
      rule.drop === true,
      rule.lostResponse !== undefined,
      rule.hang === true,
      rule.failAfter !== undefined,
      rule.meanwhile !== undefined
    ].filter(Boolean).length
    if (effects !== 1) {
      throw new TypeError('A fault needs exactly one of: status, drop, lostResponse, hang, failAfter (with an optional status), meanwhile.')
    }
    this.rule = rule
    this.kind =
      rule.failAfter !== undefined
        ? 'failAfter'
        : rule.meanwhile !== undefined
          ? 'meanwhile'
          : rule.drop
            ? 'drop'
            : rule.hang
              ? 'hang'
              : rule.lostResponse !== undefined
                ? 'lostResponse'
                : 'status'
    this.#owner = owner
  }

  matches(role: Role, method: string, pathname: string, inBatch: boolean): boolean {
    const { rule } = this
    if ((rule.role ?? 'graph') !== role) return false
    if (rule.inBatch !== undefined && rule.inBatch !== inBatch) return false
    if (
      rule.method !== undefined
        ? rule.method.toUpperCase() !== method
        : this.kind === 'failAfter' && (!WRITES.has(method) || BATCH.test(pathname))
    )
      return false
    if (rule.path instanceof RegExp) return rule.path.test(pathname)
    return rule.path === undefined || pathname.includes(rule.path)
  }

  remove(): void {
    this.#owner.remove(this)
  }
}

export class Faults {
  /** Added to every response of every role (for benchmarks). */
  latencyMs = 0
  #active: ActiveFault[] = []

  add(rule: FaultRule): FaultHandle {
    const fault = new ActiveFault(rule, this)
    this.#active.push(fault)
    return fault
  }

  get rules(): readonly FaultHandle[] {
    return this.#active
  }

  remove(handle: FaultHandle): void {
    this.#active = this.#active.filter((f) => f !== handle)
  }

  clear(): void {
    this.#active = []
    this.latencyMs = 0
  }

  /** The fault to apply to this request, counting it on every rule it matches. */
  /** `inBatch`: the request is an item of a `$batch`. */
  decide(role: Role, method: string, pathname: string, inBatch = false): FaultDecision | undefined {
    for (const fault of this.#active) {
      if (!fault.matches(role, method, pathname, inBatch)) continue
      fault.seen++
      const fires = fault.kind === 'failAfter' ? fault.seen > (fault.rule.failAfter ?? 0) : fault.hits < (fault.rule.times ?? Infinity)
      if (!fires) continue
      fault.hits++
      return { kind: fault.kind, rule: fault.rule }
    }
    return undefined
  }
}

const GRAPH_CODES: Readonly<Record<number, readonly [string, string]>> = {
  401: ['InvalidAuthenticationToken', 'Access token validation failure.'],
  403: ['Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'],
  409: ['Directory_ConcurrencyViolation', 'Another update operation is in progress for this object. Please retry.'],
  429: ['TooManyRequests', 'Too many requests.'],
  500: ['UnknownError', 'An internal server error occurred.'],
  503: ['ServiceUnavailable', 'The service is temporarily unavailable. Please retry.'],
  504: ['GatewayTimeout', 'The gateway did not receive a timely response.']
}

/** The answer a status fault gives, shaped like the role's real errors. */
export function faultReply(call: Call, rule: FaultRule, status: number): Reply {
  const headers: Record<string, string> = rule.retryAfter !== undefined ? { 'retry-after': String(rule.retryAfter) } : {}
  if (status === 429) {
    headers['x-ms-throttle-information'] = 'WriteLimitExceeded'
    headers['x-ms-throttle-scope'] = 'Tenant_Application/ReadWrite/emulator/emulator'
  }
  if (call.role === 'graph') {
    const [code, message] = GRAPH_CODES[status] ?? ['UnknownError', `Injected fault (HTTP ${status}).`]
    return graphErrorReply(call, status, rule.code ?? code, rule.message ?? message, headers)
  }
  if (call.role === 'authority') {
    const reply = aadErrorReply(
      call,
      status,
      rule.code ?? (status >= 500 ? 'temporarily_unavailable' : 'invalid_request'),
      status === 429 ? 50196 : 90033,
      rule.message ?? 'Injected fault: the service is temporarily unavailable.'
    )
    return { ...reply, headers }
  }
  return { status, headers, body: { message: rule.message ?? `Injected fault (HTTP ${status}).` } }
}
