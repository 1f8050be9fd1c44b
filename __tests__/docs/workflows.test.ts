// The repository's own workflows (.github/workflows) and Dependabot configuration: valid, using
// this action as `./`, and doing what README.md's Development section says CI does.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { DEFAULT_UNCONFIRMED } from '../../emulator/config.ts'
import { checkWorkflow, LOCAL_ACTION_REF, ROOT } from './support/workflows.ts'

const DIR = join(ROOT, '.github', 'workflows')
const files = readdirSync(DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
const text = (file: string): string => readFileSync(join(DIR, file), 'utf8')
interface Step {
  readonly uses?: string
  readonly run?: string
  readonly if?: string
  readonly with?: Record<string, unknown>
  readonly env?: Record<string, string>
}
interface Job {
  readonly steps: Step[]
  readonly strategy?: { matrix?: Record<string, unknown> }
}
const jobs = (file: string): Record<string, Job> => (parse(text(file)) as { jobs: Record<string, Job> }).jobs
const runs = (job: Job): string => job.steps.map((s) => s.run ?? '').join('\n')
const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts)

describe('.github/workflows', () => {
  it('holds CI, CodeQL and the release workflow', () => {
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'codeql.yml', 'release.yml']))
  })

  it.each(files.map((f) => [f]))('%s is a valid workflow', (file) => {
    expect(checkWorkflow(text(file), LOCAL_ACTION_REF).problems).toEqual([])
  })

  it.each(files.map((f) => [f]))('%s runs only npm scripts that exist', (file) => {
    for (const [, script] of text(file).matchAll(/npm run (?:-s )?([\w:-]+)/g)) expect(scripts).toContain(script)
  })
})

describe('CI', () => {
  const ci = jobs('ci.yml')

  it('type-checks, lints, checks the format, tests and runs the demo', () => {
    const steps = runs(ci.check!)
    for (const command of ['npm ci', 'npm run typecheck', 'npm run lint', 'npm run format:check', 'npm test', 'npm run demo']) {
      expect(steps).toContain(command)
    }
  })

  it('re-runs the fault matrix under each switch of the emulator for UNCONFIRMED Graph behaviour', () => {
    const job = ci.unconfirmed!
    const test = job.steps.find((s) => s.run?.startsWith('npm test') === true)!
    expect(test.run).toContain('__tests__/e2e/faults-')
    expect(test.env).toEqual({ FAULT_MATRIX_UNCONFIRMED: '${{ matrix.switch }}' })
    const include = job.strategy!.matrix!.include as Array<{ switch: string }>
    const switches = include.map((entry) => JSON.parse(entry.switch) as Record<string, unknown>)
    // Each names only fields of the emulator's switches (emulator/config.ts).
    for (const value of switches) expect(Object.keys({ ...DEFAULT_UNCONFIRMED, ...value })).toEqual(Object.keys(DEFAULT_UNCONFIRMED))
    expect(switches.map((value) => Object.keys(value).sort().join('+'))).toEqual(
      expect.arrayContaining(['staleReads', 'batch', 'batch+duplicates+staleReads'])
    )
  })

  it('checks dist/ and uploads the expected dist/ as an artifact when it differs', () => {
    const steps = ci.dist!.steps
    const check = steps.findIndex((s) => s.run === 'npm run check-dist')
    const upload = steps.findIndex((s) => s.uses?.startsWith('actions/upload-artifact@') === true)
    expect(check).toBeGreaterThanOrEqual(0)
    expect(upload).toBeGreaterThan(check)
    expect(steps[upload]!.if).toMatch(/failure\(\)/)
    expect(steps[upload]!.with!.path).toBe('dist/')
    expect(steps.slice(check + 1, upload).map((s) => s.run)).toContain('npm run build')
  })

  it('runs the action itself with uses: ./ in dry-run on the example chain, for every kind', () => {
    const smoke = ci.smoke!
    const step = smoke.steps.find((s) => s.uses === './')!
    expect(step.with).toMatchObject({
      'dry-run': true,
      strict: true,
      kind: '${{ matrix.kind }}',
      'crl-urls': '${{ steps.crl.outputs.lines }}'
    })
    expect(smoke.steps.find((s) => s.run?.includes('cat examples/contoso/crl-urls.txt') === true)).toBeDefined()
    expect(String(step.with!.certificates)).toContain('examples/contoso/')
    expect(smoke.strategy!.matrix!.kind).toEqual(['organization', 'pki', 'application'])
    expect(readdirSync(join(ROOT, 'examples', 'contoso')).length).toBeGreaterThanOrEqual(3)
  })

  it('lints the workflows with actionlint', () => {
    expect(ci.actionlint!.steps.map((s) => s.uses)).toContainEqual(expect.stringMatching(/^docker:\/\/rhysd\/actionlint:\d/))
  })
})

describe('CodeQL and releases', () => {
  it('CodeQL analyses the TypeScript and the workflows, not the bundle', () => {
    const analyze = jobs('codeql.yml').analyze!
    expect(analyze.strategy!.matrix!.language).toEqual(['actions', 'javascript-typescript'])
    const uses = analyze.steps.map((s) => s.uses)
    expect(uses).toContainEqual(expect.stringMatching(/^github\/codeql-action\/init@v\d+$/))
    expect(uses).toContainEqual(expect.stringMatching(/^github\/codeql-action\/analyze@v\d+$/))
    expect(text('codeql.yml')).toMatch(/paths-ignore:\s+- dist/)
  })

  it('a version tag checks dist/ and takes its notes from CHANGELOG.md', () => {
    const workflow = parse(text('release.yml')) as { on: { push: { tags: string[] } } }
    expect(workflow.on.push.tags).toEqual(['v[0-9]+.[0-9]+.[0-9]+'])
    const steps = runs(jobs('release.yml').release!)
    expect(steps).toContain('npm run check-dist')
    expect(steps).toContain('scripts/release.ts --notes')
  })
})

describe('.github/dependabot.yml', () => {
  it('updates npm packages and actions weekly', () => {
    const config = parse(readFileSync(join(ROOT, '.github', 'dependabot.yml'), 'utf8')) as {
      version: number
      updates: Array<{ 'package-ecosystem': string; directory: string; schedule: { interval: string } }>
    }
    expect(config.version).toBe(2)
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm'])
    for (const update of config.updates) expect(update).toMatchObject({ directory: '/', schedule: { interval: 'weekly' } })
  })
})
