// The README's local run: .env.example holds only inputs action.yml has, and the dry-run it
// describes succeeds when run the way the runner does (dist/index.js, INPUT_* variables).
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runAction } from '../../emulator/run-action.ts'
import { ACTION, ROOT } from './support/workflows.ts'

/** dotenv as @github/local-action reads it: KEY=value, a double-quoted value may span lines. */
function parseDotenv(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  for (const match of text.matchAll(/^([A-Za-z_][\w.-]*)=(?:"([^"]*)"|(.*))$/gm)) values[match[1]!] = match[2] ?? match[3]!.trim()
  return values
}

const env = parseDotenv(readFileSync(join(ROOT, '.env.example'), 'utf8'))
const inputs = Object.fromEntries(
  Object.entries(env)
    .filter(([k]) => k.startsWith('INPUT_'))
    .map(([k, v]) => [k.slice(6).toLowerCase(), v])
)

describe('.env.example', () => {
  it('sets only inputs of action.yml, including every required one', () => {
    expect(Object.keys(inputs).filter((name) => ACTION.inputs[name] === undefined)).toEqual([])
    for (const [name, input] of Object.entries(ACTION.inputs)) if (input.required) expect(inputs[name]).toBeTruthy()
    expect(inputs['dry-run']).toBe('true')
    expect(inputs.certificates).toContain('\n')
  })

  it('is a dry-run that succeeds, offline', async () => {
    const run = await runAction(inputs, { workspace: ROOT })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/no request was sent/)
    expect(JSON.parse(run.outputs.certificates!)).toHaveLength(3)
  })

  it('is what the README tells to copy, with the local-action command', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    expect(readme).toContain('cp .env.example .env\nnpx @github/local-action run . src/main.ts .env')
    const gitignore = readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n')
    expect(gitignore).toContain('.env')
  })
})
