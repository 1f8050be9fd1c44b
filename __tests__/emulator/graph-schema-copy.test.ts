// emulator/graph-schema is a copy of the project's shared/graph-schema, kept in the repository so
// that any clone can run the emulator and the schema tests. Where shared/ sits beside the
// repository (the project's own machines and CI), the copy must be identical.
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const copy = resolve(here, '../../emulator/graph-schema')
const shared = resolve(here, '../../../shared/graph-schema')

describe('the vendored Graph schemas', () => {
  const check = existsSync(shared) ? it : it.skip
  check.each(['v1.0.json', 'beta.json'])('%s equals shared/graph-schema (copy it again when this fails)', (file) => {
    expect(readFileSync(join(copy, file)).equals(readFileSync(join(shared, file)))).toBe(true)
  })
})
