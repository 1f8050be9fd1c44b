// Follows the README on a fresh clone of the committed HEAD: the commands of "Run it locally" and
// "Development" that support/readme-commands.ts marks as run here, as the README writes them, in
// one clone, with no runner variables. `npm ci` runs as `npm ci --offline --dry-run` over the
// worktree's node_modules (linked in): a real install takes a minute on this machine, the dry-run
// still fails when package-lock.json does not match package.json. Also `npm run bench -- --help`
// and `npm run probe -- --help` (when that script exists), which the README's table names.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FRESH_CLONE_COMMANDS, keyOf } from './support/readme-commands.ts'
import { ROOT } from './support/workflows.ts'

interface Result {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  readonly ms: number
}

const work = mkdtempSync(join(tmpdir(), 'fresh-clone-'))
const clone = join(work, 'entra-ca-chain-action')

/** A shell as a newcomer has it: no runner variables, no inputs. */
const env = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_)|^NODE_OPTIONS$|^CI$/.test(name))
) as Record<string, string>

function sh(command: string): Promise<Result> {
  const started = performance.now()
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', command], { cwd: clone, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }))
  })
}

const commands = new Map(FRESH_CLONE_COMMANDS.map((c) => [keyOf(c)!, c.source]))
const results = new Map<string, Result>()
let wallMs = 0
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }

beforeAll(async () => {
  const started = performance.now()
  const cloned = spawnSync('git', ['clone', '--quiet', '--shared', ROOT, clone], { encoding: 'utf8' })
  expect(cloned.stderr).toBe('')
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'))
  // The copy first: `env … dist/index.js` and .env need nothing else, the rest run side by side.
  const order = [...commands.keys()]
  const serial = ['npm ci', 'cp .env.example .env']
  for (const key of serial.filter((k) => commands.has(k))) {
    const command = key === 'npm ci' ? `${commands.get(key)!} --offline --dry-run --no-audit --no-fund` : commands.get(key)!
    results.set(key, await sh(command))
  }
  const extra: Array<[string, string]> = [['npm run bench -- --help', 'npm run bench -- --help']]
  if (packageJson.scripts.probe !== undefined) extra.push(['npm run probe -- --help', 'npm run probe -- --help'])
  const parallel: Array<[string, string]> = [
    ...order.filter((k) => !serial.includes(k)).map((k): [string, string] => [k, commands.get(k)!]),
    ...extra
  ]
  const done = await Promise.all(parallel.map(async ([key, command]) => [key, await sh(command)] as const))
  for (const [key, result] of done) results.set(key, result)
  wallMs = performance.now() - started
}, 120_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

const result = (key: string): Result => {
  const r = results.get(key)
  if (r === undefined) throw new Error(`the README has no command "${key}" any more`)
  return r
}

describe('the README on a fresh clone', () => {
  it('is a clone of the committed HEAD', () => {
    const head = (cwd: string): string => spawnSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8' }).stdout.trim()
    expect(head(clone)).toBe(head(ROOT))
  })

  it('npm ci: the lockfile installs as it is', () => {
    const r = result('npm ci')
    expect(r.stderr).not.toMatch(/npm error/)
    expect(r.code).toBe(0)
  })

  it('npm run local: signs in to the emulator, publishes, prints the outputs and the summary', () => {
    const r = result('npm run local')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/=== exit 0; requests the emulator received ===/)
    expect(r.stdout).toMatch(/authority POST +200/)
    expect(r.stdout).toMatch(/### Plan: 4 Graph operation\(s\)/)
    expect(r.stdout).toMatch(/^output created=\["AA4479DC/m)
    expect(r.stdout).not.toMatch(/report it with the log/)
  })

  it('npm run local -- --offline: a dry-run that sends nothing', () => {
    const r = result('npm run local -- --offline')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/no request was sent/)
  })

  it('npm run local -- --help and npm run bench -- --help print their usage and install nothing', () => {
    expect(result('npm run local -- --help')).toMatchObject({ code: 0, stdout: expect.stringMatching(/Usage: npm run local/) })
    expect(result('npm run bench -- --help')).toMatchObject({ code: 0, stdout: expect.stringMatching(/--install-az/) })
    if (packageJson.scripts.probe !== undefined) expect(result('npm run probe -- --help').code).toBe(0)
  })

  it('cp .env.example .env: the copy git ignores', () => {
    expect(result('cp .env.example .env').code).toBe(0)
    expect(existsSync(join(clone, '.env'))).toBe(true)
    expect(spawnSync('git', ['check-ignore', '.env'], { cwd: clone, encoding: 'utf8' }).status).toBe(0)
  })

  it('env INPUT_… node dist/index.js: the offline dry-run prints its outputs outside a runner', () => {
    const r = result('env')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/no request was sent/)
    expect(r.stdout).toMatch(/certificates/)
  })

  it('npm run demo: every kind published, re-runs write nothing', () => {
    const r = result('npm run demo')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Demo passed/)
    // Three kinds, two runs each: the validated CAs, and counts that add up (the demo checks them).
    expect(r.stdout.match(/^ {2}validation: 3 CA\(s\) validated$/gm)).toHaveLength(6)
    expect(
      r.stdout.match(
        /^ {2}counts: 3 CA\(s\) validated = \d created \+ \d unchanged; 0 removed; plan (\d+) operation\(s\) = \1 Graph write/gm
      )
    ).toHaveLength(6)
    expect(r.stdout).not.toMatch(/!!/)
  })

  it('takes less than 30 s for all of it', () => {
    const lines = [...results.entries()].map(([key, r]) => `${key}: exit ${r.code} in ${(r.ms / 1000).toFixed(1)} s`)
    console.log(`${lines.join('\n')}\nclone and all commands: ${(wallMs / 1000).toFixed(1)} s`)
    expect(wallMs).toBeLessThan(30_000)
  })
})
