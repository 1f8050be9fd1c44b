// actionlint (github.com/rhysd/actionlint) on the repository's workflows and on every README
// example, when it is installed (CI's actionlint job runs it on .github/workflows in any case).
// Without it, the test is skipped, with a note.
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { README_ACTION_REF, ROOT, yamlBlocks } from './support/workflows.ts'

const available = spawnSync('actionlint', ['-version'], { stdio: 'ignore' }).status === 0
const itWithActionlint = available ? it : it.skip
if (!available)
  console.log('actionlint is not installed: its checks are skipped (Debian bookworm has no package; see github.com/rhysd/actionlint).')

const work = mkdtempSync(join(tmpdir(), 'actionlint-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const lint = (files: string[], cwd: string): { status: number | null; output: string } => {
  const result = spawnSync('actionlint', ['-no-color', ...files], { cwd, encoding: 'utf8' })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

describe('actionlint', () => {
  itWithActionlint('passes .github/workflows/*.yml', () => {
    const files = readdirSync(join(ROOT, '.github', 'workflows')).map((f) => join('.github', 'workflows', f))
    const { status, output } = lint(files, ROOT)
    expect(output).toBe('')
    expect(status).toBe(0)
  })

  itWithActionlint('passes every README example (with the owner filled in)', () => {
    // actionlint reads files under .github/workflows as workflows; the owner placeholder is no valid name.
    const dir = join(work, '.github', 'workflows')
    mkdirSync(dir, { recursive: true })
    const blocks = yamlBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'))
    const files = blocks.map((block) => {
      const file = join('.github', 'workflows', `readme-line-${block.line}.yml`)
      writeFileSync(join(work, file), block.text.replaceAll(README_ACTION_REF, 'octo-org/entra-ca-chain-action@v1'))
      return file
    })
    const { status, output } = lint(files, work)
    expect(output).toBe('')
    expect(status).toBe(0)
  })
})
