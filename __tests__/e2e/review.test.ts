// Review and audit, end to end: dist/index.js against the Graph emulator and the GitHub REST API
// fake. The plan commented on the pull request (created, then updated in place, one per
// configuration, found on any page, a fork's 403 only a warning, nothing on a push), drift with
// and without fail-on-drift, and a CA of the store that expires soon reported. The github-token
// value appears nowhere the run leaves text.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/index.ts'
import { startGitHubApi, type GitHubApiFake, type GitHubEvent } from '../../emulator/github-api.ts'
import { DIST, ROOT, runAction, type ActionRun } from '../../emulator/run-action.ts'
import { fingerprints, openssl } from '../helpers/openssl.ts'
import { EXAMPLE_CERTIFICATES, EXAMPLE_FILES, exampleBytes } from '../helpers/tenant.ts'

const THUMBPRINTS = EXAMPLE_FILES.map((f) => fingerprints(join(ROOT, f)).sha1)
const PR = { name: 'pull_request', owner: 'contoso', repo: 'pki', number: 7 } as const
/** The example CAs as a publication leaves them: the root with the CRL URLs its intermediates name (see dry-run.test.ts). */
const PUBLISHED = [
  {
    certificate: exampleBytes(0),
    crlUrl: 'http://crl.contoso.example/pki/contoso-root.crl',
    deltaCrlUrl: 'http://crl.contoso.example/pki/contoso-root-delta.crl'
  },
  exampleBytes(1),
  exampleBytes(2)
]

let emulator: Emulator
let github: GitHubApiFake
beforeAll(async () => {
  emulator = await startEmulator()
  github = await startGitHubApi()
})
afterAll(async () => {
  await github.close()
  await emulator.close()
})
beforeEach(() => {
  emulator.reset()
  github.reset()
})

async function run(inputs: Record<string, string>, event: GitHubEvent = PR): Promise<ActionRun> {
  const result = await runAction(
    {
      kind: 'pki',
      'display-name': 'Contoso PKI',
      certificates: EXAMPLE_CERTIFICATES,
      ...emulator.inputs(),
      'github-token': github.token,
      ...inputs
    },
    { env: { ...emulator.env(), ...github.env(event) }, secrets: [github.token] }
  )
  assertTokenHidden(result)
  return result
}

/** The token appears in no log line but the runner's mask command, no output, not the summary. */
function assertTokenHidden(result: ActionRun): void {
  const log = result.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
  expect(log).not.toContain(github.token)
  expect(result.stderr).not.toContain(github.token)
  expect(result.summary).not.toContain(github.token)
  for (const value of Object.values(result.outputs)) expect(value).not.toContain(github.token)
  expect(result.leaks).toEqual([])
}

const marker = (displayName: string): string =>
  `<!-- entra-ca-chain-action kind=pki display-name=${displayName.replace(/ /g, '%20')} tenant=${emulator.tenantId} -->`
const comments = (): string[] => github.on(PR.owner, PR.repo, PR.number).map((c) => c.body)
const writesToGitHub = (): string[] => github.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.status}`)

describe('pr-comment on a pull request', () => {
  it('creates one comment with the plan, then a later run updates it in place', async () => {
    github.seed(PR.owner, PR.repo, PR.number, 'LGTM, someone else')
    const first = await run({ 'dry-run': 'true', 'pr-comment': 'true' })
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/Plan comment created on pull request #7 of contoso\/pki/)
    const [other, plan] = github.on(PR.owner, PR.repo, PR.number)
    expect(other!.body).toBe('LGTM, someone else')
    expect(plan!.body.split('\n')[0]).toBe(marker('Contoso PKI'))
    expect(plan!.body).toContain('**CAs:** 3 to add, 0 to update, 0 to remove, 0 unchanged.')
    for (const thumbprint of THUMBPRINTS) expect(plan!.body).toContain(`\`${thumbprint}\``)
    expect(plan!.body).toContain('http://crl.contoso.example/pki/contoso-root.crl')
    expect(plan!.body).toContain('### Plan: 4 Graph operation(s)')

    // The tenant now holds the root: the next run's plan is smaller, in the same comment.
    emulator.state.seedPki('Contoso PKI', PUBLISHED.slice(0, 1))
    const second = await run({ 'dry-run': 'true', 'pr-comment': 'true' })
    expect(second.code).toBe(0)
    expect(second.stdout).toMatch(/Plan comment updated on pull request #7/)
    expect(github.on(PR.owner, PR.repo, PR.number).map((c) => c.id)).toEqual([other!.id, plan!.id])
    expect(comments()[1]).toContain('**CAs:** 2 to add, 0 to update, 0 to remove, 1 unchanged.')
    expect(writesToGitHub()).toEqual(['POST 201', 'PATCH 200'])
  })

  it('keeps one comment per configuration: two PKIs on one pull request, two comments', async () => {
    expect((await run({ 'dry-run': 'true', 'pr-comment': 'true' })).code).toBe(0)
    expect((await run({ 'dry-run': 'true', 'pr-comment': 'true', 'display-name': 'Fabrikam PKI' })).code).toBe(0)
    expect((await run({ 'dry-run': 'true', 'pr-comment': 'true' })).code).toBe(0)
    expect(comments().map((body) => body.split('\n')[0])).toEqual([marker('Contoso PKI'), marker('Fabrikam PKI')])
    expect(writesToGitHub()).toEqual(['POST 201', 'POST 201', 'PATCH 200'])
  })

  it('finds its comment on the second page of a long pull request', async () => {
    for (let i = 0; i < 100; i++) github.seed(PR.owner, PR.repo, PR.number, `review comment ${i}`)
    const ours = github.seed(PR.owner, PR.repo, PR.number, `${marker('Contoso PKI')}\nan older plan`)
    for (let i = 0; i < 5; i++) github.seed(PR.owner, PR.repo, PR.number, `later comment ${i}`)
    const result = await run({ 'dry-run': 'true', 'pr-comment': 'true' })
    expect(result.code).toBe(0)
    expect(github.requests.filter((r) => r.method === 'GET').map((r) => new URL(r.path, github.url).searchParams.get('page'))).toEqual([
      null,
      '2'
    ])
    expect(writesToGitHub()).toEqual(['PATCH 200'])
    expect(github.comments.find((c) => c.id === ours.id)!.body).toContain('### Plan: 4 Graph operation(s)')
    expect(comments()).toHaveLength(106)
  })

  it('comments the offline plan of a dry-run without credentials', async () => {
    const result = await run({ 'dry-run': 'true', 'pr-comment': 'true', 'tenant-id': '', 'client-id': '' })
    expect(result.code).toBe(0)
    expect(comments()[0]!.split('\n')[0]).toBe('<!-- entra-ca-chain-action kind=pki display-name=Contoso%20PKI tenant=offline -->')
    expect(emulator.requests).toEqual([])
  })

  it("a fork's read-only token (403) is a warning, not a failed step, even with strict", async () => {
    github.readOnly = true
    // CRL URLs for the intermediates, so that strict finds nothing to fail on but the comment.
    const crlUrls = THUMBPRINTS.slice(1).map((t, i) => `${t} http://crl.contoso.example/pki/issuing-${i + 1}.crl`)
    // (no CRL host answers for crl.contoso.example: crl-check off, or strict would fail on its warnings)
    const result = await run({
      'dry-run': 'true',
      'pr-comment': 'true',
      strict: 'true',
      'crl-urls': crlUrls.join('\n'),
      'crl-check': 'off'
    })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(
      /::warning::Could not comment the plan on pull request #7 of contoso\/pki \(HTTP 403: Resource not accessible by integration.*\): the token may not write to pull requests\. A pull request from a fork/
    )
    expect(result.stdout).not.toMatch(/::error/)
    expect(comments()).toEqual([])
    expect(writesToGitHub()).toEqual(['POST 403'])
  })

  it.each([{ name: 'push' }, { name: 'schedule' }])('a $name event posts nothing: a notice', async (event) => {
    const result = await run({ 'dry-run': 'true', 'pr-comment': 'true' }, event)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(
      `::notice::\`pr-comment\` is true, but this run was triggered by a \`${event.name}\` event; the plan is commented on \`pull_request\` and \`pull_request_target\` runs only: nothing posted.`
    )
    expect(github.requests).toEqual([])
  })

  it('pull_request_target comments too', async () => {
    expect((await run({ 'dry-run': 'true', 'pr-comment': 'true' }, { ...PR, name: 'pull_request_target' })).code).toBe(0)
    expect(comments()).toHaveLength(1)
  })

  it('the chunk holding Octokit is not part of the entry file', () => {
    const chunks = readdirSync(join(DIST, '..')).filter((f) => f.endsWith('.js'))
    const withOctokit = chunks.filter((f) => readFileSync(join(DIST, '..', f), 'utf8').includes('octokit-core.js'))
    expect(withOctokit.length).toBe(1)
    expect(withOctokit).not.toContain('index.js')
  })
})

describe('drift', () => {
  const dry = { 'dry-run': 'true' }

  it('none when the tenant holds the given CAs: drift false, fail-on-drift passes', async () => {
    emulator.state.seedPki('Contoso PKI', PUBLISHED)
    const plain = await run(dry)
    expect([plain.code, plain.outputs.drift]).toEqual([0, 'false'])
    const strictDrift = await run({ ...dry, 'fail-on-drift': 'true' })
    expect([strictDrift.code, strictDrift.outputs.drift]).toEqual([0, 'false'])
    expect(strictDrift.summary).toContain('**Drift:** none')
  })

  it('a CA missing: drift true; exit 0 without fail-on-drift, exit 1 with it, listing the difference', async () => {
    emulator.state.seedPki('Contoso PKI', PUBLISHED.slice(0, 2))
    const plain = await run(dry)
    expect([plain.code, plain.outputs.drift]).toEqual([0, 'true'])
    const failing = await run({ ...dry, 'fail-on-drift': 'true' })
    expect([failing.code, failing.outputs.drift]).toEqual([1, 'true'])
    expect(failing.stdout).toContain(
      `::error::Drift: the tenant differs from the given CAs (1 Graph write(s) would make it match; \`fail-on-drift\` is true):%0A- intermediate CN=Contoso Demo Issuing CA 2, O=Contoso Demo, C=US (${THUMBPRINTS[2]}): missing from the tenant`
    )
    // The outputs and the summary are there all the same, and nothing was written.
    expect(JSON.parse(failing.outputs.plan!)).toHaveLength(1)
    expect(failing.summary).toContain('**Drift:** yes')
    expect(emulator.requests.filter((r) => r.role === 'graph' && r.method !== 'GET')).toEqual([])
  })

  it('a CA beyond the given ones is drift in replace only', async () => {
    emulator.state.seedPki('Contoso PKI', PUBLISHED)
    const subset = { ...dry, certificates: EXAMPLE_FILES.slice(0, 2).join('\n') }
    expect((await run(subset)).outputs.drift).toBe('false')
    const replace = await run({ ...subset, mode: 'replace', 'fail-on-drift': 'true' })
    expect([replace.code, replace.outputs.drift]).toEqual([1, 'true'])
    expect(replace.stdout).toContain(`(${THUMBPRINTS[2]}): held by the tenant but not given`)
  })

  it('is not set when the tenant is not read (offline dry-run)', async () => {
    const offline = await run({ ...dry, 'tenant-id': '', 'client-id': '' })
    expect(offline.code).toBe(0)
    expect(offline.outputs.drift).toBeUndefined()
  })
})

describe('expiry of the CAs the store holds', () => {
  it('a CA of the store that is not in the set and expires within min-validity-days: a warning and a summary row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'expiring-'))
    const pem = join(dir, 'old.pem')
    openssl([
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '10',
      '-subj', '/O=Fabrikam/CN=Fabrikam Old Root', '-keyout', join(dir, 'old.key'), '-out', pem,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'
    ]) // prettier-ignore
    const thumbprint = fingerprints(pem).sha1
    const expires = new Date(openssl(['x509', '-in', pem, '-noout', '-enddate']).split('=')[1]!.trim()).toISOString().slice(0, 10)
    emulator.state.seedPki('Contoso PKI', [...PUBLISHED, readFileSync(pem, 'utf8')])

    const result = await run({ 'dry-run': 'true' })
    expect([result.code, result.outputs.drift]).toEqual([0, 'false'])
    expect(result.stdout).toMatch(
      new RegExp(
        `::warning::The tenant's store holds CN=Fabrikam Old Root, O=Fabrikam \\(thumbprint ${thumbprint}\\), which \`certificates\` does not give; ` +
          `it expires on ${expires} \\((9|10) days left, less than \`min-validity-days\` 30\\)`
      )
    )
    expect(result.summary).toContain('### CAs in the tenant that expire soon: 1')
    expect(result.summary).toMatch(
      new RegExp(`\\| CN=Fabrikam Old Root, O=Fabrikam \\| \`${thumbprint}\` \\| ${expires} \\| (9|10) \\| no \\|`)
    )

    // strict makes the warning an error: the step fails, and the pull request still gets the plan and why.
    const crlUrls = THUMBPRINTS.slice(1).map((t, i) => `${t} http://crl.contoso.example/pki/issuing-${i + 1}.crl`)
    const strict = await run({
      'dry-run': 'true',
      strict: 'true',
      'crl-urls': crlUrls.join('\n'),
      'crl-check': 'off',
      'pr-comment': 'true'
    })
    // (drift: the store's intermediates lack the CRL URLs given here)
    expect([strict.code, strict.outputs.drift]).toEqual([1, 'true'])
    expect(strict.stdout).toMatch(
      new RegExp(`::error::The tenant's store holds CN=Fabrikam Old Root.*\\(an error because \`strict\` is true\\)`)
    )
    expect(comments()).toHaveLength(1)
    expect(comments()[0]).toContain(
      'Failed before any write: the tenant is unchanged.\n\n> **Failed:** The tenant and the given CAs do not fit together'
    )
    expect(comments()[0]).toMatch(new RegExp(`\\| CN=Fabrikam Old Root, O=Fabrikam \\| \`${thumbprint}\` \\| ${expires} \\|`))

    // With a window shorter than what is left, nothing is reported.
    const short = await run({ 'dry-run': 'true', 'min-validity-days': '5' })
    expect(short.stdout).not.toContain(thumbprint)
    expect(short.summary).not.toContain('expire soon')
  })
})
