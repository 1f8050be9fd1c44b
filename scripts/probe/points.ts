// The UNCONFIRMED points of graph-api.md the probe puts to a real tenant, in order, each a finding:
// what Graph did, what the emulator assumes by default, and whether they agree. Every step is
// plain requests (graph.ts); nothing is retried, so what is recorded is what Graph answered.
import { setTimeout as delay } from 'node:timers/promises'
import { makeConfig } from '../../emulator/config.ts'
import { caBody, makeCa } from './certificates.ts'
import type { Cleanup } from './cleanup.ts'
import { PKIS } from './cleanup.ts'
import { isObject, shorten, text, type ProbeGraph } from './graph.ts'

export interface Finding {
  readonly point: string
  /** What Graph did, in a line. */
  readonly observed: string
  /** What the emulator assumes by default (emulator/config.ts). */
  readonly emulator: string
  /** null: nothing to compare (the step could not run). */
  readonly agrees: boolean | null
  readonly details?: unknown
}

const defaults = makeConfig()
const POLL_MS = 500

export async function probePoints(
  graph: ProbeGraph,
  cleanup: Cleanup,
  lagLimitMs: number,
  record: (finding: Finding) => void
): Promise<void> {
  const name = cleanup.name
  // 1. Create a PKI: status, body, wrapping.
  const created = await graph.call('POST', PKIS, { displayName: name })
  const pki = unwrap(created.body)
  const pkiId = isObject(pki) ? text(pki['id']) : ''
  if (pkiId !== '') cleanup.add(pkiId)
  record({
    point: 'create PKI: status and body',
    observed: `HTTP ${created.status}${isWrapped(created.body) ? ', body wrapped in {"value": …}' : ''}`,
    emulator: 'HTTP 201, the entity unwrapped',
    agrees: created.status === 201 && !isWrapped(created.body),
    details: shorten(created.body)
  })
  if (created.status >= 300 || pkiId === '')
    throw new Error(`Creating the PKI failed (HTTP ${created.status}); nothing more can be probed.`)

  // 2. Read-after-write lag on the list filtered by name, and what $filter matches.
  const filtered = (value: string) => `${PKIS}?$filter=${encodeURIComponent(`displayName eq '${value}'`)}`
  const listed = await until(lagLimitMs, async () => ids(await graph.call('GET', filtered(name))).includes(pkiId))
  record(lag('read-after-write lag: the new PKI in the list filtered by name', listed))
  const upper = ids(await graph.call('GET', filtered(name.toUpperCase()))).includes(pkiId)
  record({
    point: '$filter displayName eq: case',
    observed: upper ? 'case-insensitive (the upper-cased name matches)' : 'case-sensitive (the upper-cased name does not match)',
    emulator: 'case-insensitive',
    agrees: upper
  })

  // 3. A single object: wrapped in {"value": …}?
  const single = await graph.call('GET', `${PKIS}/${pkiId}`)
  record({
    point: 'GET one PKI: {"value": …} wrapping',
    observed: `HTTP ${single.status}, ${isWrapped(single.body) ? 'wrapped' : 'not wrapped'}`,
    emulator: defaults.oddities.wrapSingleObjects ? 'wrapped' : 'not wrapped',
    agrees: isWrapped(single.body) === defaults.oddities.wrapSingleObjects
  })

  // 4. A CA created directly: status and body; then the lag until the list shows it.
  const first = makeCa(`Probe Root A ${name}`)
  const cas = `${PKIS}/${pkiId}/certificateAuthorities`
  const ca = await graph.call('POST', cas, caBody(first))
  record({
    point: 'create CA: status and body',
    observed: `HTTP ${ca.status}${isWrapped(ca.body) ? ', wrapped' : ''}; issuer/SKI as sent: ${echoes(ca.body, first.subject, first.ski)}`,
    emulator: 'HTTP 201, unwrapped, fields as sent',
    agrees: ca.status === 201 && !isWrapped(ca.body),
    details: shorten(ca.body)
  })
  const held = async (): Promise<number> =>
    thumbprints(await graph.call('GET', `${cas}?$top=999`)).filter((t) => t === first.thumbprint).length
  record(lag('read-after-write lag: the new CA in the PKI list', await until(lagLimitMs, async () => (await held()) > 0)))

  // 5. The same CA again: Graph's answer to a duplicate, and whether a second entry is kept.
  const again = await graph.call('POST', cas, caBody(first))
  const error = isObject(again.body) && isObject(again.body['error']) ? again.body['error'] : {}
  // Accepted: a second entry may take the replication lag to show, so look until it does (or the limit).
  let copies = await held()
  if (again.status < 300) await until(lagLimitMs, async () => (copies = await held()) > 1)
  const mode =
    again.status < 300
      ? 'accepted'
      : again.status === 409
        ? 'conflict'
        : /duplicate certificate exists/i.test(text(error['message']))
          ? 'documented'
          : 'other'
  record({
    point: 'duplicate CA create',
    observed:
      `HTTP ${again.status}${error['code'] !== undefined ? ` ${text(error['code'])}: ${text(error['message'])}` : ''} ` +
      `(the PKI then holds ${copies} entr${copies === 1 ? 'y' : 'ies'}) -> ${mode}`,
    emulator: `${defaults.unconfirmed.duplicates} (400 "Duplicate Certificate exists", one entry kept)`,
    agrees: mode === defaults.unconfirmed.duplicates,
    details: shorten(again.body)
  })

  // 6. JSON batching on these paths: a CA create and a read in one $batch.
  const second = makeCa(`Probe Root B ${name}`)
  const relative = (path: string) => path.replace(/^\/v1\.0/, '')
  const batch = await graph.call('POST', '/v1.0/$batch', {
    requests: [
      { id: '1', method: 'POST', url: relative(cas), headers: { 'content-type': 'application/json' }, body: caBody(second) },
      { id: '2', method: 'GET', url: relative(`${PKIS}/${pkiId}`) }
    ]
  })
  const items = isObject(batch.body) && Array.isArray(batch.body['responses']) ? batch.body['responses'].filter(isObject) : []
  const statuses = Object.fromEntries(items.map((item) => [text(item['id']), item['status']]))
  const verdict = batch.status >= 400 ? 'envelope' : statuses['1'] === 201 || statuses['1'] === 200 ? 'accepted' : 'items'
  record({
    point: '$batch on these paths',
    observed: `envelope HTTP ${batch.status}; items: create ${text(statuses['1'] ?? '-')}, read ${text(statuses['2'] ?? '-')} -> ${verdict}`,
    emulator: defaults.unconfirmed.batch,
    agrees: verdict === defaults.unconfirmed.batch,
    details: shorten(batch.body)
  })
}

function unwrap(body: unknown): unknown {
  return isWrapped(body) && isObject(body) ? body['value'] : body
}

function isWrapped(body: unknown): boolean {
  return isObject(body) && isObject(body['value']) && body['id'] === undefined
}

function ids(answer: { body: unknown }): string[] {
  const value = isObject(answer.body) ? answer.body['value'] : undefined
  return Array.isArray(value) ? value.filter(isObject).map((item) => text(item['id'])) : []
}

function thumbprints(answer: { body: unknown }): string[] {
  const value = isObject(answer.body) ? answer.body['value'] : undefined
  return Array.isArray(value) ? value.filter(isObject).map((item) => text(item['thumbprint']).toUpperCase()) : []
}

function echoes(body: unknown, issuer: string, ski: string): string {
  const entity = unwrap(body)
  if (!isObject(entity)) return 'no body'
  return `issuer ${entity['issuer'] === issuer ? 'same' : JSON.stringify(entity['issuer'])}, SKI ${entity['issuerSubjectKeyIdentifier'] === ski ? 'same' : JSON.stringify(entity['issuerSubjectKeyIdentifier'])}`
}

/** Looks until `shows` holds or the limit passes: how long a write took to show in reads. */
async function until(limitMs: number, shows: () => Promise<boolean>): Promise<{ ms: number; looks: number; shown: boolean }> {
  const started = performance.now()
  for (let looks = 1; ; looks++) {
    if (await shows()) return { ms: Math.round(performance.now() - started), looks, shown: true }
    if (performance.now() - started >= limitMs) return { ms: Math.round(performance.now() - started), looks, shown: false }
    await delay(POLL_MS)
  }
}

function lag(point: string, seen: { ms: number; looks: number; shown: boolean }): Finding {
  return {
    point,
    observed: seen.shown ? `shown after ${seen.ms} ms (${seen.looks} read${seen.looks === 1 ? '' : 's'})` : `not shown after ${seen.ms} ms`,
    emulator: defaults.unconfirmed.staleReads === 0 ? 'at once (no lag)' : `after ${defaults.unconfirmed.staleReads} reads`,
    agrees: seen.shown && seen.looks === 1 ? defaults.unconfirmed.staleReads === 0 : defaults.unconfirmed.staleReads > 0,
    details: seen
  }
}
