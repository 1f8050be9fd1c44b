// The GitHub REST API fake behaves as GitHub does for issue comments: Link-header pages that
// Octokit's own paginate follows, token checked, and a read-only token's 403.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { getOctokit } from '@actions/github'
import { startGitHubApi, type GitHubApiFake } from '../../emulator/github-api.ts'
import { emulatorSecrets, findLeaks } from '../../emulator/leaks.ts'

let github: GitHubApiFake
beforeAll(async () => {
  github = await startGitHubApi()
})
afterAll(async () => {
  await github.close()
})
beforeEach(() => github.reset())

const where = { owner: 'contoso', repo: 'pki', issue_number: 7 }
const call = (path: string, init: RequestInit = {}, token = github.token): Promise<Response> =>
  fetch(`${github.url}${path}`, { ...init, headers: { authorization: `token ${token}`, 'content-type': 'application/json' } })

describe('issue comments', () => {
  it('pages with a Link header that Octokit follows to the last comment', async () => {
    for (let i = 0; i < 205; i++) github.seed('contoso', 'pki', 7, `comment ${i}`)
    github.seed('contoso', 'pki', 8, 'another pull request')
    const first = await call('/repos/contoso/pki/issues/7/comments?per_page=100')
    expect(first.headers.get('link')).toBe(
      `<${github.url}/repos/contoso/pki/issues/7/comments?per_page=100&page=2>; rel="next", ` +
        `<${github.url}/repos/contoso/pki/issues/7/comments?per_page=100&page=3>; rel="last"`
    )
    const octokit = getOctokit(github.token, { baseUrl: github.url })
    const all = await octokit.paginate(octokit.rest.issues.listComments, { ...where, per_page: 100 })
    expect(all.map((c) => c.body)).toEqual(Array.from({ length: 205 }, (_, i) => `comment ${i}`))
    expect(github.requests.filter((r) => r.method === 'GET').map((r) => r.path.replace(/^.*\?/, ''))).toEqual([
      'per_page=100',
      'per_page=100',
      'per_page=100&page=2',
      'per_page=100&page=3'
    ])
  })

  it('creates and updates, as Octokit sends them', async () => {
    const octokit = getOctokit(github.token, { baseUrl: github.url })
    const created = await octokit.rest.issues.createComment({ ...where, body: 'plan v1' })
    expect(created.status).toBe(201)
    const updated = await octokit.rest.issues.updateComment({ owner: 'contoso', repo: 'pki', comment_id: created.data.id, body: 'plan v2' })
    expect(updated.data).toMatchObject({ id: created.data.id, body: 'plan v2' })
    expect(github.on('contoso', 'pki', 7).map((c) => c.body)).toEqual(['plan v2'])
  })

  it('refuses a wrong token (401), a body over 65536 characters (422), and writes with a read-only token (403)', async () => {
    expect((await call('/repos/contoso/pki/issues/7/comments', {}, 'ghs_wrong')).status).toBe(401)
    const long = await call('/repos/contoso/pki/issues/7/comments', { method: 'POST', body: JSON.stringify({ body: 'x'.repeat(65_537) }) })
    expect(long.status).toBe(422)
    github.readOnly = true
    const octokit = getOctokit(github.token, { baseUrl: github.url })
    await expect(octokit.rest.issues.createComment({ ...where, body: 'plan' })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration')
    })
    expect((await call('/repos/contoso/pki/issues/7/comments')).status).toBe(200)
    expect(github.comments).toEqual([])
  })
})

describe('the leak check', () => {
  it("looks for the fake's token in every run while the fake lives, and no longer once it is closed", async () => {
    const other = await startGitHubApi()
    const text = [{ name: 'stdout', text: `oops ${other.token}` }]
    expect(findLeaks(text, emulatorSecrets())).not.toEqual([])
    await other.close()
    expect(Object.values(emulatorSecrets()).flat()).not.toContain(other.token)
  })
})
