// The README as a newcomer follows it: every shell command is known to the table in
// support/readme-commands.ts (run by a named test, or an external tool's command checked with
// `bash -n`), every shell variable is set before it is used, and every workflow that signs in
// presents a subject that a federated credential created in the Entra guide accepts, for the app
// whose client id the workflow uses.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { BLOCKS, COMMANDS, FRESH_CLONE_COMMANDS, keyOf, README, README_COMMANDS } from './support/readme-commands.ts'
import { variablesRead } from './support/shell-blocks.ts'
import { ROOT, yamlBlocks } from './support/workflows.ts'

const REPO = 'contoso/pki'
const SETUP = README.slice(README.indexOf('## Set up Entra ID step by step'), README.indexOf('## Examples, one per kind'))

describe('README shell blocks', () => {
  it('are there: the Entra guide, the local run, development and releasing', () => {
    expect(BLOCKS.length).toBeGreaterThanOrEqual(10)
    expect(COMMANDS.length).toBeGreaterThanOrEqual(30)
  })

  it.each(BLOCKS.map((b) => [b.line, b.text]))('the block at README.md line %i is valid bash (bash -n)', (_line, text) => {
    const result = spawnSync('bash', ['-n'], { input: text as string, encoding: 'utf8' })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  it('hold only commands the table knows, and the table only commands the README has', () => {
    const unknown = COMMANDS.filter((c) => keyOf(c) === undefined).map((c) => `line ${c.block.line}: ${c.source}`)
    expect(unknown).toEqual([])
    const used = new Set(COMMANDS.map(keyOf))
    expect(Object.keys(README_COMMANDS).filter((key) => !used.has(key))).toEqual([])
  })

  it('name, for each command a test runs, a test that exists and shows it', () => {
    for (const how of Object.values(README_COMMANDS)) {
      if (!('run' in how)) continue
      expect(existsSync(join(ROOT, how.run))).toBe(true)
    }
    expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).toMatch(/^npm test$/m)
    expect(readFileSync(join(ROOT, '__tests__/docs/release.test.ts'), 'utf8')).toContain('scripts/release.ts')
    // The fresh-clone test runs the README's own text of each of its commands (FRESH_CLONE_COMMANDS).
    const keys = new Set(FRESH_CLONE_COMMANDS.map(keyOf))
    expect([...keys].sort()).toEqual(
      [
        'cp .env.example .env',
        'env',
        'npm ci',
        'npm run demo',
        'npm run local',
        'npm run local -- --help',
        'npm run local -- --offline'
      ].sort()
    )
  })

  it('use no shell variable before the README sets it', () => {
    const set = new Set(['PWD', 'HOME'])
    const unset: string[] = []
    for (const block of BLOCKS) {
      const assigned = COMMANDS.filter((c) => c.block === block).flatMap((c) => c.assigns)
      // A block may read what an earlier command of its own set; all blocks are one shell session.
      const readBefore = variablesRead(block.text).filter((v) => !set.has(v) && !assigned.includes(v))
      unset.push(...readBefore.map((v) => `$${v} at README.md line ${block.line} (${block.heading})`))
      for (const v of assigned) set.add(v)
    }
    expect(unset).toEqual([])
  })

  it('catch a variable used and never set, and a command the table does not know', () => {
    expect(variablesRead('az ad sp create --id "$READER_APP_ID"')).toEqual(['READER_APP_ID'])
    expect(variablesRead(`az rest --body '{"a": "$NOT_A_VARIABLE"}'`)).toEqual([])
    const fake = { block: BLOCKS[0]!, words: ['az', 'ad', 'user', 'create'], source: 'az ad user create', assigns: [] }
    expect(keyOf(fake)).toBeUndefined()
  })
})

interface FederatedCredential {
  readonly app: string
  readonly subject: string
}

/** `az ad app federated-credential create --id "$APP" --parameters '{… "subject": …}'` in the guide. */
function credentials(): FederatedCredential[] {
  return COMMANDS.filter((c) => keyOf(c) === 'az ad app federated-credential create').map((c) => {
    const app = /^\$(\w+)$/.exec(c.words[c.words.indexOf('--id') + 1]!)![1]!
    const parameters = JSON.parse(c.words[c.words.indexOf('--parameters') + 1]!) as { subject: string; issuer: string; audiences: string[] }
    expect(parameters.issuer).toBe('https://token.actions.githubusercontent.com')
    expect(parameters.audiences).toEqual(['api://AzureADTokenExchange'])
    return { app, subject: parameters.subject }
  })
}

/** `gh variable set NAME --repo … --body "$APP"`: which app each repository variable names. */
function variables(): Map<string, string> {
  const map = new Map<string, string>()
  for (const c of COMMANDS.filter((c) => keyOf(c) === 'gh variable set')) {
    expect(c.words).toContain(REPO)
    map.set(c.words[3]!, /^\$(\w+)$/.exec(c.words[c.words.indexOf('--body') + 1]!)![1]!)
  }
  return map
}

type Json = Record<string, unknown>
interface SigningJob {
  readonly where: string
  readonly subjects: string[]
  readonly clientVariables: string[]
}

/** The subjects a job's token can carry, from its environment or, without one, its events. */
function subjectsOf(workflow: Json, job: Json): string[] {
  const environment = typeof job.environment === 'object' ? (job.environment as Json).name : job.environment
  if (typeof environment === 'string') {
    const matrix = /^\$\{\{\s*matrix\.(\w+)\s*\}\}$/.exec(environment)
    return [`repo:${REPO}:environment:${matrix ? `<${matrix[1]}>` : environment}`]
  }
  const on = (typeof workflow.on === 'string' ? { [workflow.on]: {} } : workflow.on) as Json
  const only = typeof job.if === 'string' ? /github\.event_name == '(\w+)'/.exec(job.if)?.[1] : undefined
  return Object.entries(on)
    .filter(([event]) => only === undefined || event === only)
    .flatMap(([event, filter]) => {
      const f = (filter ?? {}) as { branches?: string[]; tags?: string[] }
      if (event === 'pull_request') return [`repo:${REPO}:pull_request`]
      if (event === 'push' && f.tags) return f.tags.map((t) => `repo:${REPO}:ref:refs/tags/${t}`)
      if (event === 'push') return (f.branches ?? ['main']).map((b) => `repo:${REPO}:ref:refs/heads/${b}`)
      // schedule and workflow_dispatch run on the default branch.
      return [`repo:${REPO}:ref:refs/heads/main`]
    })
}

function signingJobs(): SigningJob[] {
  const jobs: SigningJob[] = []
  for (const block of yamlBlocks(README)) {
    const workflow = parse(block.text) as Json
    for (const [id, job] of Object.entries(workflow.jobs as Record<string, Json>)) {
      const steps = (job.steps ?? []) as Json[]
      const clientIds = steps.map((s) => (s.with as Json | undefined)?.['client-id']).filter((v): v is string => typeof v === 'string')
      if (clientIds.length === 0) continue
      const clientVariables = clientIds.flatMap((v) => [...v.matchAll(/vars\.(\w+)/g)].map((m) => m[1]!))
      jobs.push({ where: `README.md line ${block.line}, job ${id}`, subjects: [...new Set(subjectsOf(workflow, job))], clientVariables })
    }
  }
  return jobs
}

describe('the Entra guide, as one path', () => {
  const creds = credentials()
  const apps = variables()

  it('creates a credential for the publishing app (environment) and the read-only app (pull requests, main)', () => {
    expect(creds).toEqual([
      { app: 'APP_ID', subject: `repo:${REPO}:environment:entra-production` },
      { app: 'READER_APP_ID', subject: `repo:${REPO}:pull_request` },
      { app: 'READER_APP_ID', subject: `repo:${REPO}:ref:refs/heads/main` }
    ])
    expect(Object.fromEntries(apps)).toEqual({
      ENTRA_TENANT_ID: 'TENANT_ID',
      ENTRA_CLIENT_ID: 'APP_ID',
      ENTRA_READER_CLIENT_ID: 'READER_APP_ID'
    })
  })

  it('creates the environment those credentials name, deployable from main only (and release tags)', () => {
    const api = COMMANDS.filter((c) => keyOf(c) === 'gh api').map((c) => c.words.join(' '))
    expect(api[0]).toMatch(/^gh api -X PUT repos\/contoso\/pki\/environments\/entra-production .*custom_branch_policies\]=true/)
    expect(api.slice(1)).toEqual([
      'gh api -X POST repos/contoso/pki/environments/entra-production/deployment-branch-policies -f name=main -f type=branch',
      'gh api -X POST repos/contoso/pki/environments/entra-production/deployment-branch-policies -f name=ca-v* -f type=tag'
    ])
  })

  it('grants each app its role with admin consent', () => {
    const words = COMMANDS.map((c) => c.words.join(' '))
    for (const app of ['APP_ID', 'READER_APP_ID']) {
      expect(words).toContain(`az ad app permission admin-consent --id $${app}`)
      expect(words.some((w) => w.startsWith(`az ad app permission add --id $${app} `))).toBe(true)
    }
  })

  it('gives every README workflow that signs in a subject its app has a credential for', () => {
    const jobs = signingJobs()
    expect(jobs.length).toBeGreaterThanOrEqual(8)
    // Other tenants and clouds repeat the guide with an environment of their own (step 7 names them).
    const otherTenants = [...SETUP.matchAll(/`(repo:contoso\/pki:environment:[\w<>-]+)`/g)].map((m) => m[1]!)
    const problems: string[] = []
    for (const job of jobs) {
      for (const subject of job.subjects) {
        const accepted = job.clientVariables.some((variable) => {
          const app = apps.get(variable)
          return creds.some((c) => c.app === app && c.subject === subject)
        })
        const anotherTenant =
          !subject.endsWith(':environment:entra-production') && subject.includes(':environment:') && otherTenants.includes(subject)
        if (!accepted && !anotherTenant) problems.push(`${job.where}: subject ${subject} with ${job.clientVariables.join(', ')}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('has the Quick start publish in the environment its credential names', () => {
    const quickStart = yamlBlocks(README).find((b) => b.text.startsWith('# .github/workflows/ca-chain-publish.yml'))!
    const job = (parse(quickStart.text) as { jobs: { publish: Json } }).jobs.publish
    expect(job.environment).toBe('entra-production')
  })

  it('says what else a smart-card sign-in needs, with Microsoft pages and diagrams', () => {
    for (const text of [
      'Certificate-based authentication',
      'Username bindings',
      'PrincipalName',
      'userPrincipalName',
      'Authentication binding policy'
    ])
      expect(SETUP).toContain(text)
    expect(SETUP).toContain('https://learn.microsoft.com/entra/identity/authentication/how-to-certificate-based-authentication')
    expect((SETUP.match(/^```mermaid$/gm) ?? []).length).toBe(2)
  })
})
