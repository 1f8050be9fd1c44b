// The organization store's writes, with Graph played by a script and the pauses recorded instead of
// slept (the retry rule's sleep is injected): the POST retried with backoff, each outcome proved by
// a read, and a restore never reported from a read alone (contract.md "First contact with a real tenant").
import { describe, expect, it } from '@jest/globals'
import { createStore, restoreStore, STORE_CREATE_ATTEMPTS, type Held } from '../../src/graph/organization-store.ts'
import type { KindContext } from '../../src/graph/kind.ts'
import { READ_AFTER_WRITE_LOOKS } from '../../src/graph/read-after-write.ts'
import { AmbiguousWriteError, GraphError } from '../../src/http/errors.ts'

const WANTED = new Set(['A', 'B'])
const BACKUP = new Set(['A'])

const graphError = (status: number, code = 'X'): GraphError =>
  new GraphError({
    service: 'Microsoft Graph',
    method: 'POST',
    path: '/v1.0/organization/t/certificateBasedAuthConfiguration',
    status,
    code,
    graphMessage: 'm',
    requestId: 'r',
    clientRequestId: 'c',
    date: 'd',
    attempts: 1,
    mayHaveBeenApplied: false
  })
const lost = (): AmbiguousWriteError =>
  new AmbiguousWriteError({
    method: 'POST',
    path: '/v1.0/organization/t/certificateBasedAuthConfiguration',
    clientRequestId: 'c',
    reason: 'connection reset'
  })

/** Graph answers the POSTs in turn (an error is thrown, anything else accepted); reads in turn, the last repeated. */
function scripted(posts: Array<Error | 'ok'>, reads: Held[]) {
  const pauses: number[] = []
  const sent: unknown[] = []
  const lines: string[] = []
  let readCount = 0
  const graph = {
    post: async (_path: string, body: unknown) => {
      sent.push(body)
      const next = posts.shift() ?? 'ok'
      if (next !== 'ok') throw next
      return {}
    },
    pause: async (retryIndex: number) => {
      pauses.push(retryIndex)
    }
  }
  const readStore = async (): Promise<Held> => reads[Math.min(readCount++, reads.length - 1)]
  const log = (line: string): void => {
    lines.push(line)
  }
  const context = { graph, logger: { info: log, debug: log, warning: log } } as unknown as KindContext
  return { context, readStore, pauses, sent, lines, reads: () => readCount }
}

describe('createStore: the POST retried with backoff, outcomes proved by reading', () => {
  it('5xx twice, then accepted: three POSTs, a read before each resend, two pauses', async () => {
    const g = scripted([graphError(500), graphError(503), 'ok'], [undefined])
    expect(await createStore(g.context, '/p', {}, WANTED, g.readStore, 'hint')).toBe('created')
    expect({ posts: g.sent.length, reads: g.reads(), pauses: g.pauses }).toEqual({ posts: 3, reads: 2, pauses: [1, 2] })
  })

  it('a lost answer whose create a read shows: created, not sent again', async () => {
    const g = scripted([lost()], [WANTED])
    expect(await createStore(g.context, '/p', {}, WANTED, g.readStore, 'hint')).toBe('created')
    expect(g.sent).toHaveLength(1)
  })

  it(`gives up after ${STORE_CREATE_ATTEMPTS} attempts with the last error`, async () => {
    const g = scripted([graphError(500), graphError(500), graphError(502), 'ok'], [undefined])
    await expect(createStore(g.context, '/p', {}, WANTED, g.readStore, 'hint')).rejects.toMatchObject({ status: 502 })
    expect(g.sent).toHaveLength(STORE_CREATE_ATTEMPTS)
  })

  it('429 and 409 concurrency after the client retries: tried again without a read', async () => {
    const g = scripted([graphError(429, 'TooManyRequests'), graphError(409, 'Directory_ConcurrencyViolation'), 'ok'], [undefined])
    expect(await createStore(g.context, '/p', {}, WANTED, g.readStore, 'hint')).toBe('created')
    expect({ reads: g.reads(), pauses: g.pauses }).toEqual({ reads: 0, pauses: [1, 2] })
  })

  it('a 4xx whatever its text: present once a read (looking again while it lags) shows exactly the CAs', async () => {
    const g = scripted([graphError(409, 'Request_MultipleObjectsWithSameKeyValue')], [new Set(['OLD']), new Set(['OLD']), WANTED])
    expect(await createStore(g.context, '/p', {}, WANTED, g.readStore, 'hint')).toBe('present')
    expect({ reads: g.reads(), pauses: g.pauses, posts: g.sent.length }).toEqual({ reads: 3, pauses: [0, 1], posts: 1 })
  })

  it('a 4xx and no read ever showing the CAs: the 4xx stands', async () => {
    const g = scripted([graphError(400, 'Request_BadRequest')], [new Set(['A'])])
    await expect(createStore(g.context, '/p', {}, WANTED, g.readStore, 'hint')).rejects.toMatchObject({ status: 400 })
    expect(g.reads()).toBe(READ_AFTER_WRITE_LOOKS)
  })

  it('401 and 403 are not settled by reading', async () => {
    for (const status of [401, 403]) {
      const g = scripted([graphError(status)], [WANTED])
      await expect(createStore(g.context, '/p', {}, WANTED, g.readStore, 'hint')).rejects.toMatchObject({ status })
      expect(g.reads()).toBe(0)
    }
  })
})

describe('restoreStore: "restored" only after Graph accepted the backup and a read shows it', () => {
  const backup = { body: { certificateAuthorities: [] }, thumbprints: BACKUP }

  it('accepted, and a read shows it after lagging twice: restored', async () => {
    const g = scripted(['ok'], [undefined, undefined, BACKUP])
    expect(await restoreStore(g.context, '/p', backup, g.readStore, 'hint')).toEqual({ state: 'restored' })
    expect(g.pauses).toEqual([0, 1])
  })

  it('every POST failing while a lagging read shows the old store (= the backup): unknown, never restored', async () => {
    const g = scripted([graphError(500), graphError(500), graphError(500)], [BACKUP])
    expect(await restoreStore(g.context, '/p', backup, g.readStore, 'hint')).toMatchObject({ state: 'unknown', error: { status: 500 } })
    expect(g.sent).toHaveLength(STORE_CREATE_ATTEMPTS)
  })

  it('a lost answer, then "exists" (4xx): unknown, since only an accepted POST proves the restore', async () => {
    const g = scripted([lost(), graphError(400, 'Request_BadRequest')], [BACKUP])
    expect(await restoreStore(g.context, '/p', backup, g.readStore, 'hint')).toMatchObject({ state: 'unknown' })
  })

  it('accepted, but no read shows it: unknown', async () => {
    const g = scripted(['ok'], [undefined])
    expect(await restoreStore(g.context, '/p', backup, g.readStore, 'hint')).toEqual({ state: 'unknown' })
    expect(g.reads()).toBe(READ_AFTER_WRITE_LOOKS)
  })
})
