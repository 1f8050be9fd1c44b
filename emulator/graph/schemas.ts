// The strict `request.*` schemas of graph-schema/ (a copy of shared/graph-schema), compiled once with ajv. Every Graph
// request body is checked against the one for its operation and API version; the result is logged.
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { ErrorObject } from 'ajv'
import { isObject } from '../jwt.ts'

export type ApiVersion = 'v1.0' | 'beta'

/** `emulator/graph-schema`, resolved from this file so that any working directory works. */
export const SCHEMA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../graph-schema')

export type SchemaResult = { readonly valid: true } | { readonly valid: false; readonly message: string }

export class RequestSchemas {
  readonly #ajv = new Ajv2020({ strict: true, allErrors: true })
  readonly #ids: Record<ApiVersion, string>
  readonly #names: Record<ApiVersion, ReadonlySet<string>>
  /** Property names some type marks read-only, to say so when a body sets one. */
  readonly #readOnly = new Set<string>()

  constructor(dir: string = SCHEMA_DIR) {
    addFormats.default(this.#ajv)
    const load = (version: ApiVersion): [string, ReadonlySet<string>] => {
      const schema: unknown = JSON.parse(readFileSync(join(dir, `${version}.json`), 'utf8'))
      if (!isObject(schema) || typeof schema['$id'] !== 'string' || !isObject(schema['$defs'])) {
        throw new Error(`${join(dir, `${version}.json`)} is not a graph-schema file (no $id / $defs).`)
      }
      this.#ajv.addSchema(schema)
      for (const def of Object.values(schema['$defs'])) this.#collectReadOnly(def)
      return [schema['$id'], new Set(Object.keys(schema['$defs']))]
    }
    const [v1, v1Names] = load('v1.0')
    const [beta, betaNames] = load('beta')
    this.#ids = { 'v1.0': v1, beta }
    this.#names = { 'v1.0': v1Names, beta: betaNames }
  }

  has(version: ApiVersion, name: string): boolean {
    return this.#names[version].has(name)
  }

  validate(version: ApiVersion, name: string, body: unknown): SchemaResult {
    const validator = this.#ajv.getSchema(`${this.#ids[version]}#/$defs/${name}`)
    if (!validator) throw new Error(`graph-schema ${version} has no $defs/${name}`)
    if (validator(body)) return { valid: true }
    return { valid: false, message: this.#describe(validator.errors ?? []) }
  }

  #describe(errors: readonly ErrorObject[]): string {
    const lines = errors.map((e) => {
      const at = e.instancePath === '' ? 'the body' : e.instancePath
      const extra: unknown = e.params['additionalProperty']
      if (e.keyword === 'additionalProperties' && typeof extra === 'string') {
        return this.#readOnly.has(extra)
          ? `Property '${extra}' in ${at} is read-only and cannot be set.`
          : `Property '${extra}' in ${at} does not exist as a declared property or extension property.`
      }
      return `${at} ${e.message ?? 'is invalid'}.`
    })
    return [...new Set(lines)].join(' ')
  }

  #collectReadOnly(def: unknown): void {
    if (!isObject(def)) return
    const properties = def['properties']
    if (isObject(properties)) {
      for (const [name, property] of Object.entries(properties)) {
        if (isObject(property) && property['readOnly'] === true) this.#readOnly.add(name)
      }
    }
    const allOf = def['allOf']
    if (Array.isArray(allOf)) for (const part of allOf) this.#collectReadOnly(part)
  }
}
