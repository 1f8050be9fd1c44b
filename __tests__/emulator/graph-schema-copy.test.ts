// emulator/graph-schema is a copy of the project's shared/graph-schema, kept in the repository so
// that any clone can run the emulator and the schema tests. The copy carries the SHA-256 of each
// schema as taken (SHA256SUMS, written with `sha256sum v1.0.json beta.json`): every clone checks
// the copy against it, so no test is skipped where shared/ is absent (GitHub's CI); where shared/
// sits beside the repository, its files must have the same checksums (copy them again when not).
import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const copy = resolve(here, '../../emulator/graph-schema')
const shared = resolve(here, '../../../shared/graph-schema')
const FILES = ['v1.0.json', 'beta.json']

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')
const recorded = new Map(
  readFileSync(join(copy, 'SHA256SUMS'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [sum, file] = line.split(/\s+\*?/)
      return [file!, sum!] as const
    })
)

describe('the vendored Graph schemas', () => {
  it('SHA256SUMS names every schema of the copy', () => {
    expect([...recorded.keys()].sort()).toEqual([...FILES].sort())
  })

  // Where shared/ is absent (GitHub's CI) the copy is checked against its recorded checksums only.
  it.each(FILES)('%s of the copy has the checksum SHA256SUMS records, as has shared/graph-schema where it exists', (file) => {
    expect(sha256(join(copy, file))).toBe(recorded.get(file))
    // When this fails, copy the schema from shared/graph-schema again and rewrite SHA256SUMS.
    if (existsSync(shared)) expect(sha256(join(shared, file))).toBe(recorded.get(file))
  })
})
