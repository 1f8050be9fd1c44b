// What the emulator, the demo and the local run leave in the temporary directory: nothing once
// they end, and no private key even when the process is killed before it can clean up. Each run
// gets a TMPDIR of its own, so the check sees only what that run made.
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NODE24, ROOT } from '../../emulator/run-action.ts'

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** A fresh, empty TMPDIR for one child process. */
function freshTmp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cleanup-'))
  dirs.push(dir)
  return dir
}

/** Every file under dir, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort()
}

interface Child {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
}

/** Runs a script on Node 24 with its own TMPDIR; `until` kills it once stdout matches. */
function run(args: string[], tmp: string, until?: { pattern: RegExp; signal: NodeJS.Signals }): Promise<Child> {
  const child = spawn(NODE24, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmp, TMPDIR: tmp } })
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    if (until !== undefined && until.pattern.test(stdout)) child.kill(until.signal)
  })
  return new Promise((done) => child.on('close', (code, signal) => done({ code, signal, stdout })))
}

describe('temporary files', () => {
  it('npm run demo leaves nothing in the temporary directory', async () => {
    const tmp = freshTmp()
    const demo = await run(['scripts/demo.ts'], tmp)
    expect(demo.stdout).toContain('Demo passed')
    expect(demo.code).toBe(0)
    expect(filesUnder(tmp)).toEqual([])
  }, 60_000)

  it('npm run local leaves nothing in the temporary directory', async () => {
    const tmp = freshTmp()
    const local = await run(['scripts/local.ts'], tmp)
    expect(local.code).toBe(0)
    expect(filesUnder(tmp)).toEqual([])
  }, 60_000)

  it('the emulator CLI stopped with SIGTERM (as Ctrl-C would) removes its folder', async () => {
    const tmp = freshTmp()
    const cli = await run(['emulator/cli.ts', '--quiet'], tmp, { pattern: /Ctrl-C to stop/, signal: 'SIGTERM' })
    expect(cli.stdout).toMatch(/Graph emulator up/)
    expect(cli.code).toBe(0)
    expect(filesUnder(tmp)).toEqual([])
  }, 30_000)

  it('the emulator CLI killed with SIGKILL (no clean-up possible) leaves only the public CA certificate, no key', async () => {
    const tmp = freshTmp()
    const cli = await run(['emulator/cli.ts', '--quiet'], tmp, { pattern: /Ctrl-C to stop/, signal: 'SIGKILL' })
    expect(cli.signal).toBe('SIGKILL')
    const left = filesUnder(tmp)
    expect(left).toEqual([expect.stringMatching(/^graph-emulator-\w+\/ca\.pem$/)])
    const text = readFileSync(join(tmp, left[0]!), 'utf8')
    expect(text).toMatch(/^-----BEGIN CERTIFICATE-----/)
    expect(text).not.toMatch(/PRIVATE KEY/)
  }, 30_000)
})
