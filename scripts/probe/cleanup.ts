// What the probe created, deleted at the end whatever happens: after an error, and on SIGINT or
// SIGTERM (scripts/probe.ts). It deletes the PKIs it knows by id and any PKI of its random name a
// lost answer may have hidden, then looks again: the report says what is left, if anything.
import { isObject, text, type ProbeGraph } from './graph.ts'

export const PKIS = '/v1.0/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations'

export interface CleanupResult {
  readonly deleted: string[]
  /** PKIs of the probe's name a read still shows after the deletes (replication lag, or a failure). */
  readonly leftovers: string[]
  readonly errors: string[]
}

export class Cleanup {
  readonly #ids = new Set<string>()
  #done: Promise<CleanupResult> | undefined
  readonly graph: () => ProbeGraph | undefined
  readonly name: string

  constructor(graph: () => ProbeGraph | undefined, name: string) {
    this.graph = graph
    this.name = name
  }

  add(pkiId: string): void {
    this.#ids.add(pkiId)
  }

  /** Runs once; a second call (a signal during the normal cleanup) gets the same result. */
  run(): Promise<CleanupResult> {
    this.#done ??= this.#run()
    return this.#done
  }

  async #run(): Promise<CleanupResult> {
    const graph = this.graph()
    const result: CleanupResult = { deleted: [], leftovers: [], errors: [] }
    if (graph === undefined) return result
    const byName = async (): Promise<string[]> => {
      const answer = await graph.call('GET', `${PKIS}?$filter=${encodeURIComponent(`displayName eq '${this.name}'`)}`)
      const value = isObject(answer.body) ? answer.body['value'] : undefined
      return Array.isArray(value) ? value.filter(isObject).map((p) => text(p['id'])) : []
    }
    try {
      for (const id of await byName()) this.#ids.add(id)
    } catch (error) {
      result.errors.push(`listing PKIs named ${this.name}: ${String(error)}`)
    }
    for (const id of this.#ids) {
      try {
        const answer = await graph.call('DELETE', `${PKIS}/${id}`)
        if (answer.status < 300 || answer.status === 404) result.deleted.push(id)
        else result.errors.push(`DELETE ${id}: HTTP ${answer.status}`)
      } catch (error) {
        result.errors.push(`DELETE ${id}: ${String(error)}`)
      }
    }
    try {
      result.leftovers.push(...(await byName()).filter((id) => !result.deleted.includes(id)))
    } catch (error) {
      result.errors.push(`checking for leftovers: ${String(error)}`)
    }
    return result
  }
}
