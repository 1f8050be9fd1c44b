// What README.md and package.json say about Node is what happens: engines names the runtime of
// action.yml, which the dev dependency installs, and the built action on the machine's own Node
// (the first `node` on PATH outside npm scripts) works from 22.19 on and, below it, stops with
// the "glob is not a function" the README quotes.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from './support/workflows.ts'

const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { using: string } }

/** The first `node` on PATH without node_modules/.bin, as a shell outside npm scripts finds it. */
function systemNode(): string | undefined {
  const path = (process.env.PATH ?? '').split(':').filter((dir) => !dir.includes('node_modules'))
  const found = spawnSync('bash', ['-c', 'command -v node'], { env: { PATH: path.join(':') }, encoding: 'utf8' })
  return found.status === 0 ? found.stdout.trim() : undefined
}

const major = (version: string): number => Number(/^v?(\d+)/.exec(version)![1])
const atLeast = (version: string, [maj, min]: [number, number]): boolean => {
  const [a, b] = version.replace(/^v/, '').split('.').map(Number) as [number, number]
  return a > maj || (a === maj && b >= min)
}

describe('Node, as README.md and package.json say', () => {
  it('engines is the action runtime, and the Node 24 that npm ci installs satisfies it', () => {
    expect(action.runs.using).toBe('node24')
    expect(packageJson.engines.node).toBe('>=24')
    const installed = spawnSync(join(ROOT, 'node_modules', '.bin', 'node'), ['--version'], { encoding: 'utf8' }).stdout.trim()
    expect(major(installed)).toBeGreaterThanOrEqual(24)
    expect(readme).toContain('`engines: node >=24`')
  })

  it('the built action on the system Node: works from 22.19, stops with "glob is not a function" before', () => {
    const node = systemNode()
    if (node === undefined) return void console.log('no node on PATH outside node_modules: nothing to compare')
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()
    const run = spawnSync(node, ['dist/index.js'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        GITHUB_WORKSPACE: ROOT,
        INPUT_KIND: 'pki',
        'INPUT_DISPLAY-NAME': 'Contoso PKI',
        'INPUT_DRY-RUN': 'true',
        INPUT_CERTIFICATES: 'examples/contoso/*.cer\nexamples/contoso/*.pem'
      }
    })
    if (atLeast(version, [22, 19])) {
      expect(run.status).toBe(0)
    } else {
      expect(run.status).toBe(1)
      expect(run.stdout).toMatch(/glob\)\(\.\.\.\) is not a function/)
      expect(readme).toMatch(/stops\s+with "glob is not a function"/)
    }
    console.log(`system Node ${version}: dist/index.js exit ${run.status}`)
  })
})
