// Every example workflow in README.md, checked as a user would find out on the first run: it
// parses, refers to this action as `<owner>/entra-ca-chain-action@v1`, passes only inputs that
// action.yml has, gives the required ones, and grants `id-token: write` where it signs in. The
// rest of the README that a reader copies is checked against the code it describes.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ACTION, checkWorkflow, README_ACTION_REF, ROOT, yamlBlocks } from './support/workflows.ts'

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
const blocks = yamlBlocks(readme)
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }

describe('README example workflows', () => {
  it('are there: quick start, one per kind, release pipeline, tenant matrix', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(7)
  })

  it.each(blocks.map((b) => [b.line, b.text]))('the workflow at README.md line %i is valid', (_line, text) => {
    const { problems, summary } = checkWorkflow(text as string, README_ACTION_REF)
    expect(problems).toEqual([])
    expect(summary.actionSteps.length).toBeGreaterThan(0)
  })

  it('cover every kind, a dry-run job, a pull request trigger, a tag trigger and a matrix over clouds', () => {
    const all = blocks.map((b) => b.text).join('\n')
    for (const kind of ['organization', 'pki', 'application']) expect(all).toContain(`kind: ${kind}`)
    expect(all).toMatch(/dry-run: true/)
    expect(all).toMatch(/pull_request:/)
    expect(all).toMatch(/tags: \['ca-v\*'\]/)
    expect(all).toMatch(/matrix:[\s\S]*cloud: usgov/)
    expect(all).toMatch(/id-token: write/)
  })

  it('show review and audit: a pull-request comment with a read-only app, and a scheduled drift-and-expiry issue', () => {
    const all = blocks.map((b) => b.text)
    const comment = all.find((text) => /pr-comment: true/.test(text))
    expect(comment).toMatch(/^on:\n {2}pull_request:/m)
    expect(comment).toMatch(/pull-requests: write/)
    expect(comment).toMatch(/ENTRA_READER_CLIENT_ID/)
    const audit = all.find((text) => /schedule:/.test(text) && /gh issue create/.test(text))
    expect(audit).toMatch(/steps\.audit\.outputs\.drift == 'true'/)
    expect(audit).toMatch(/gh issue list[\s\S]*gh issue comment/)
    expect(audit).toMatch(/issues: write/)
  })
})

describe('the workflow checker', () => {
  const workflow = (steps: string, permissions = 'permissions:\n  contents: read\n  id-token: write\n'): string =>
    `on: push\n${permissions}jobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`
  const step = (lines: string): string =>
    `      - uses: ${README_ACTION_REF}\n        with:\n${lines
      .split('\n')
      .map((l) => `          ${l}`)
      .join('\n')}\n`
  const creds = 'tenant-id: t\nclient-id: c'

  it.each([
    [
      'an unknown input',
      step(`kind: pki\ndisplay-name: X\ncertificates: a.pem\n${creds}\ncertificate: x`),
      /`certificate` is not an input/
    ],
    ['a missing required input', step(`kind: pki\ndisplay-name: X\n${creds}`), /required input `certificates`/],
    ['pki without display-name', step(`kind: pki\ncertificates: a.pem\n${creds}`), /needs `display-name`/],
    ['an unknown kind', step(`kind: tenant\ncertificates: a.pem\n${creds}`), /`kind: tenant` is not one of/],
    ['publishing without credentials', step('kind: organization\ncertificates: a.pem'), /needs `tenant-id` and `client-id`/],
    ['a boolean that is not one', step('kind: organization\ncertificates: a.pem\ndry-run: yes'), /`dry-run: yes` is not true or false/],
    ['application on v1.0', step(`kind: application\ndisplay-name: X\ncertificates: a.pem\napi-version: v1.0\n${creds}`), /beta only/],
    [
      'pr-comment without pull-requests: write',
      step('kind: organization\ncertificates: a.pem\ndry-run: true\npr-comment: true'),
      /pull-requests: write/
    ],
    [
      'fail-on-drift when publishing',
      step(`kind: organization\ncertificates: a.pem\nfail-on-drift: true\n${creds}`),
      /needs `dry-run: true`/
    ],
    [
      'fail-on-drift offline',
      step('kind: organization\ncertificates: a.pem\ndry-run: true\nfail-on-drift: true'),
      /needs `dry-run: true` with/
    ]
  ])('reports %s', (_what, steps, message) => {
    expect(checkWorkflow(workflow(steps), README_ACTION_REF).problems.join('\n')).toMatch(message)
  })

  it("reports a job that signs in without id-token: write, also when its own permissions replace the workflow's", () => {
    const steps = step(`kind: organization\ncertificates: a.pem\n${creds}`)
    expect(checkWorkflow(workflow(steps, ''), README_ACTION_REF).problems.join('\n')).toMatch(/id-token: write/)
    const replaced = workflow(steps).replace('    runs-on:', '    permissions:\n      contents: read\n    runs-on:')
    expect(checkWorkflow(replaced, README_ACTION_REF).problems.join('\n')).toMatch(/id-token: write/)
  })

  it('accepts an offline dry-run without any permission', () => {
    const steps = step('kind: organization\ncertificates: a.pem\ndry-run: true')
    expect(checkWorkflow(workflow(steps, ''), README_ACTION_REF).problems).toEqual([])
  })

  it('reports another spelling of this action, a malformed uses, and an output action.yml lacks', () => {
    const other = workflow('      - uses: someone/entra-ca-chain-action@main\n      - uses: actions/checkout\n')
    expect(checkWorkflow(other, README_ACTION_REF).problems.join('\n')).toMatch(/refers to this action[\s\S]*not owner\/repo@ref/)
    const output = workflow(
      `${step('kind: organization\ncertificates: a.pem\ndry-run: true').replace('- uses', '- id: p\n        uses')}` +
        '      - run: echo "${{ steps.p.outputs.thumbprints }}"\n'
    )
    expect(checkWorkflow(output, README_ACTION_REF).problems.join('\n')).toMatch(/steps\.p\.outputs\.thumbprints` is not an output/)
  })

  it('reports invalid YAML and a file that is no workflow', () => {
    expect(checkWorkflow('on: push\njobs: [\n', README_ACTION_REF).problems[0]).toMatch(/^YAML/)
    expect(checkWorkflow('name: x\n', README_ACTION_REF).problems).toEqual(['no `on:` trigger', 'no `jobs:`'])
  })
})

describe('README text a reader copies', () => {
  it('gives the two commands of a fresh clone, and every `npm run` it names exists', () => {
    expect(readme).toContain('npm ci && npm test')
    expect(readme).toContain('npm ci && npm run demo')
    for (const [, script] of readme.matchAll(/npm run (?:-s )?([\w:-]+)/g)) expect(Object.keys(packageJson.scripts)).toContain(script)
  })

  it('names the federated credential subject of a branch, a tag, an environment and a pull request', () => {
    expect(readme).toContain('https://token.actions.githubusercontent.com')
    expect(readme).toContain('api://AzureADTokenExchange')
    for (const subject of [':ref:refs/heads/', ':ref:refs/tags/', ':environment:', ':pull_request'])
      expect(readme).toContain(`repo:contoso/pki${subject}`)
  })

  it("names the read and write permission of each kind, as the action's own 403 hint does", () => {
    const hints = readFileSync(join(ROOT, 'src/graph/permissions.ts'), 'utf8')
    const permissions = [...hints.matchAll(/permission: '([\w.]+)'/g)].map((m) => m[1]!)
    expect(permissions).toHaveLength(3)
    for (const permission of permissions) {
      expect(readme).toContain(`\`${permission}\``)
      expect(readme).toContain(`\`${permission.replace('ReadWrite', 'Read')}\``)
    }
  })

  it('explains every AADSTS code the action has a hint for', () => {
    const source = readFileSync(join(ROOT, 'src/auth/aadsts.ts'), 'utf8')
    const codes = [...source.matchAll(/^ {2}'(\d+)':/gm)].map((m) => m[1]!)
    expect(codes.length).toBeGreaterThan(10)
    const troubleshooting = readme.slice(readme.indexOf('## Troubleshooting'))
    for (const code of codes) expect(troubleshooting).toMatch(new RegExp(`AADSTS${code}\\b`))
  })

  it('mentions every input and output of action.yml', () => {
    for (const name of [...Object.keys(ACTION.inputs), ...Object.keys(ACTION.outputs)]) expect(readme).toContain(name)
  })
})

describe('README links', () => {
  /** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
  const slug = (heading: string): string =>
    heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-')
  const anchors = new Set([...readme.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)))

  it('point at headings that exist', () => {
    const links = [...readme.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!)
    expect(links.length).toBeGreaterThan(10)
    expect(links.filter((link) => !anchors.has(link))).toEqual([])
  })

  it('point at files that exist', () => {
    const files = [...readme.matchAll(/\]\(((?!https?:|#)[^)]+)\)/g)].map((m) => m[1]!)
    expect(files).toEqual(expect.arrayContaining(['SECURITY.md', 'LICENSE', 'CHANGELOG.md', 'docs/third-party-licenses.txt']))
    for (const file of files) expect(() => readFileSync(join(ROOT, file))).not.toThrow()
  })
})
