// OData conventions of Graph's directory APIs: query options ($filter, $top, $select, $orderby,
// $count, $expand, $skiptoken paging, no $skip), response envelopes, and the key oddities.
import { badRequest } from '../errors.ts'
import type { Call, EmulatorCore, Oddities, Reply } from '../types.ts'
import type { ApiVersion } from './schemas.ts'

export type Entity = Record<string, unknown>

/** A Graph request after routing, authorisation and body validation. */
export interface GraphRequest {
  readonly core: EmulatorCore
  readonly call: Call
  readonly version: ApiVersion
  /** Values of the `{name}` segments of the route. */
  readonly params: Readonly<Record<string, string>>
  /** The validated JSON body (empty for GET and DELETE). */
  readonly body: Entity
  /** `@odata.context` of the addressed collection, e.g. `https://…/v1.0/$metadata#directory/…/certificateAuthorities`. */
  readonly contextUrl: string
}

const MAX_TOP = 999
const KNOWN_OPTIONS = new Set(['$filter', '$top', '$skiptoken', '$select', '$count', '$orderby', '$expand'])

/** The navigation properties `$expand` asks for, checked against those the type allows. */
export function expandOption(req: GraphRequest, allowed: readonly string[]): ReadonlySet<string> {
  const raw = req.call.url.searchParams.get('$expand')
  if (raw === null) return new Set()
  if (allowed.length === 0) throw badRequest("The query specified in the URI is not valid. Query option 'Expand' is not allowed.")
  const names = raw.split(',').map((s) => s.trim())
  for (const name of names) {
    if (!allowed.includes(name))
      throw badRequest(`Could not find a property named '${name}' on the type; $expand supports: ${allowed.join(', ')}.`)
  }
  return new Set(names)
}

/** A page of a collection: filtered, ordered, counted, paged with `@odata.nextLink`, projected. */
export function listReply(req: GraphRequest, items: readonly Entity[]): Reply {
  const query = req.call.url.searchParams
  for (const key of query.keys()) {
    if (key === '$skip') {
      throw badRequest(
        "The query specified in the URI is not valid. Query option 'Skip' is not allowed. To allow it, set the 'AllowedQueryOptions' property on EnableQueryAttribute or QueryValidationSettings."
      )
    }
    if (key.startsWith('$') && !KNOWN_OPTIONS.has(key)) throw badRequest(`Query option '${key}' is not supported.`)
  }
  let selected = [...items]
  const filter = query.get('$filter')
  if (filter !== null) {
    const clauses = parseFilter(filter)
    selected = selected.filter((item) => clauses.every((clause) => matches(item, clause)))
  }
  const orderBy = query.get('$orderby')
  if (orderBy !== null) selected = order(selected, orderBy)

  const topText = query.get('$top')
  const top = topText === null ? req.core.config.pageSize : Number(topText)
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) {
    throw badRequest(`Invalid page size specified: '${topText ?? top}'. Must be between 1 and ${MAX_TOP} inclusive.`)
  }
  const offset = readSkipToken(query.get('$skiptoken'))
  const page = selected.slice(offset, offset + top)
  const body: Entity = { '@odata.context': req.contextUrl }
  if (query.get('$count') === 'true') body['@odata.count'] = selected.length
  if (offset + top < selected.length) body['@odata.nextLink'] = nextLink(req, offset + top)
  body['value'] = page.map((item) => render(select(item, query.get('$select')), req.core.config.oddities))
  return { status: 200, body }
}

/** One entity, `{"@odata.context": …/$entity, …}`, or wrapped in `{"value": {...}}` (a documented oddity). */
export function entityReply(req: GraphRequest, entity: Entity, options: { status?: number; wrap?: boolean } = {}): Reply {
  const wrap = options.wrap ?? (req.call.method === 'GET' && req.core.config.oddities.wrapSingleObjects)
  const shown = render(select(entity, req.call.url.searchParams.get('$select')), req.core.config.oddities)
  const body = wrap ? { '@odata.context': req.contextUrl, value: shown } : { '@odata.context': `${req.contextUrl}/$entity`, ...shown }
  return { status: options.status ?? 200, body }
}

/** 204 for DELETE (and kind 3 PATCH); with the `deleteWithBody` oddity a DELETE carries a JSON body. */
export function noContent(req: GraphRequest): Reply {
  if (req.call.method === 'DELETE' && req.core.config.oddities.deleteWithBody) {
    return {
      status: 204,
      forceBody: true,
      body: { '@odata.context': `${req.contextUrl}/$entity`, id: Object.values(req.params).at(-1) ?? null }
    }
  }
  return { status: 204 }
}

type Literal = string | boolean | null
interface Clause {
  readonly property: string
  readonly op: 'eq' | 'ne' | 'startswith'
  readonly value: Literal
}

const STRING = "'((?:[^']|'')*)'"
const CLAUSE = new RegExp(
  `^\\s*(?:startswith\\(\\s*(\\w+)\\s*,\\s*${STRING}\\s*\\)|(\\w+)\\s+(eq|ne)\\s+(?:${STRING}|(true|false|null)|([0-9][0-9T:.Z+-]*)))\\s*`,
  'i'
)

/** `displayName eq 'O''Brien'`, `startswith(displayName,'Con')`, joined with `and`. */
function parseFilter(text: string): Clause[] {
  const clauses: Clause[] = []
  let rest = text
  for (;;) {
    const m = CLAUSE.exec(rest)
    if (!m)
      throw badRequest(
        `Invalid filter clause: '${text}'. Supported: <property> eq|ne <literal>, startswith(<property>,'<text>'), joined with 'and'.`
      )
    const unquote = (s: string): string => s.replace(/''/g, "'")
    if (m[1] !== undefined) clauses.push({ property: m[1], op: 'startswith', value: unquote(m[2] ?? '') })
    else {
      const value: Literal =
        m[5] !== undefined
          ? unquote(m[5])
          : m[6] !== undefined
            ? m[6].toLowerCase() === 'null'
              ? null
              : m[6].toLowerCase() === 'true'
            : (m[7] ?? '')
      clauses.push({ property: m[3] ?? '', op: (m[4] ?? 'eq').toLowerCase() as 'eq' | 'ne', value })
    }
    rest = rest.slice(m[0].length)
    if (rest === '') return clauses
    const and = /^and\s+/i.exec(rest)
    if (!and) throw badRequest(`Invalid filter clause: '${text}'.`)
    rest = rest.slice(and[0].length)
  }
}

function property(item: Entity, name: string): unknown {
  const key = Object.keys(item).find((k) => k.toLowerCase() === name.toLowerCase())
  if (key === undefined) throw badRequest(`Could not find a property named '${name}' on the type.`)
  return item[key]
}

// Directory string comparisons are case-insensitive, so `displayName eq 'contoso'` finds "Contoso".
function matches(item: Entity, clause: Clause): boolean {
  const actual = property(item, clause.property)
  if (clause.op === 'startswith') return typeof actual === 'string' && actual.toLowerCase().startsWith(String(clause.value).toLowerCase())
  let equal: boolean
  if (typeof actual === 'string' && typeof clause.value === 'string') {
    const dates = [Date.parse(actual), Date.parse(clause.value)]
    equal =
      actual.toLowerCase() === clause.value.toLowerCase() ||
      (/^\d{4}-\d\d-\d\dT/.test(clause.value) && dates[0] === dates[1] && !Number.isNaN(dates[0]))
  } else {
    equal = actual === clause.value
  }
  return clause.op === 'eq' ? equal : !equal
}

function order(items: Entity[], orderBy: string): Entity[] {
  const [name = '', direction = 'asc'] = orderBy.trim().split(/\s+/)
  const sign = direction.toLowerCase() === 'desc' ? -1 : 1
  return items.sort((a, b) => sign * String(property(a, name) ?? '').localeCompare(String(property(b, name) ?? '')))
}

function select(item: Entity, selectOption: string | null): Entity {
  if (selectOption === null) return item
  const names = selectOption.split(',').map((s) => s.trim().toLowerCase())
  return Object.fromEntries(Object.entries(item).filter(([k]) => names.includes(k.toLowerCase())))
}

function readSkipToken(token: string | null): number {
  if (token === null) return 0
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
    const offset = (parsed as { o?: unknown }).o
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset
  } catch {
    // fall through
  }
  throw badRequest(`Invalid $skiptoken '${token}': follow @odata.nextLink as given.`)
}

/** An absolute URL with the same query plus a `$skiptoken`; `$` stays literal, as Graph writes it. */
function nextLink(req: GraphRequest, offset: number): string {
  const { url } = req.call
  const parts = [...url.searchParams].filter(([k]) => k !== '$skiptoken').map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
  parts.push(`$skiptoken=${Buffer.from(JSON.stringify({ o: offset })).toString('base64url')}`)
  return `${req.core.urls.graph}${url.pathname}?${parts.join('&')}`
}

const DRIFTED: Readonly<Record<string, string>> = {
  deltaCertificateRevocationListUrl: 'deltacertificateRevocationListUrl',
  issuerSubjectKeyIdentifier: 'issuerSubjectkeyIdentifier'
}

/** Applies the key oddities to an entity and whatever it nests; `@odata.*` annotations stay as they are. */
export function render(value: unknown, oddities: Oddities): Entity {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk)
    if (typeof v !== 'object' || v === null) return v
    return Object.fromEntries(
      Object.entries(v).map(([key, inner]) => {
        if (key.startsWith('@')) return [key, inner]
        let name = oddities.keyCasing === 'lower' ? key.toLowerCase() : oddities.keyCasing === 'documented' ? (DRIFTED[key] ?? key) : key
        if (oddities.trailingSpaceKeys) name = `${name} `
        return [name, walk(inner)]
      })
    )
  }
  return walk(value) as Entity
}
