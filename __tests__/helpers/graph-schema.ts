// Validates request bodies against the official Graph types (emulator/graph-schema, a copy of
// the project's shared/graph-schema), the
// independent oracle for what we send.
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { createRequire } from 'node:module'
import type { FormatsPlugin } from 'ajv-formats'

// ajv-formats is CommonJS whose ESM default import is typed as the module object, not the plugin.
const addFormats = createRequire(import.meta.url)('ajv-formats') as FormatsPlugin

export const SCHEMA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../emulator/graph-schema')

type Version = 'v1.0' | 'beta'
const schemas = new Map<Version, { $id: string; $defs: Record<string, unknown> }>()
const ajv = new Ajv2020({ strict: true, allErrors: true })
addFormats(ajv)
for (const version of ['v1.0', 'beta'] as const) {
  const schema = JSON.parse(readFileSync(resolve(SCHEMA_DIR, `${version}.json`), 'utf8'))
  ajv.addSchema(schema)
  schemas.set(version, schema)
}

export function hasSchema(version: Version, name: string): boolean {
  return name in (schemas.get(version)?.$defs ?? {})
}

/** Errors of `body` against `request.*` schema `name` in `version`; [] when valid. */
export function schemaErrors(version: Version, name: string, body: unknown): string[] {
  const id = schemas.get(version)?.$id
  const validate = ajv.getSchema(`${id}#/$defs/${name}`)
  if (validate === undefined) return [`no schema ${name} in ${version}`]
  if (validate(body)) return []
  return (validate.errors ?? []).map(
    (e: { instancePath: string; message?: string; params: unknown }) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`
  )
}
