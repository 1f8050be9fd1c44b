// postPlanComment against the GitHub REST API fake: whatever goes wrong is one warning naming the
// pull request and the status, never a throw, never the token.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startGitHubApi, type GitHubApiFake } from '../../emulator/github-api.ts'
import { postPlanComment } from '../../src/review/pull-request.ts'

let github: GitHubApiFake
beforeAll(async () => {
  github = await startGitHubApi()
})
afterAll(async () => {
  await github.close()
})
beforeEach(() => github.reset())

const recorder = (): { lines: string[]; log: Parameters<typeof postPlanComment>[4] } => {
  const lines: string[] = []
  const at = (level: string) => (message: string) => {
    lines.push(`${level}: ${message}`)
  }
  return { lines, log: { info: at('info'), debug: at('debug'), warning: at('warning'), notice: at('notice') } }
}
const MARKER = '<!-- entra-ca-chain-action kind=organization display-name= tenant=t -->'

describe('postPlanComment', () => {
  it('a token GitHub refuses (401) is a warning with the status, not the token', async () => {
    const { lines, log } = recorder()
    const wrong = 'ghs_notthetokenthefakeaccepts0123456789'
    const posted = await postPlanComment(`${MARKER}\nplan`, MARKER, wrong, github.env({ name: 'pull_request', number: 3 }), log)
    expect(posted).toBeUndefined()
    expect(lines).toEqual([
      expect.stringMatching(/^warning: Could not comment the plan on pull request #3 of contoso\/pki \(HTTP 401: Bad credentials/)
    ])
    expect(lines.join('\n')).not.toContain(wrong)
    expect(github.comments).toEqual([])
  })

  it('creates, then finds and updates the comment the marker opens, nothing else', async () => {
    const env = github.env({ name: 'pull_request_target', number: 3 })
    github.seed('contoso', 'pki', 3, '<!-- entra-ca-chain-action kind=organization display-name= tenant=other -->\nanother tenant')
    github.seed('contoso', 'pki', 3, `Why does the plan say this?\n\n${MARKER}\nquoted`)
    const { log } = recorder()
    expect(await postPlanComment(`${MARKER}\nv1`, MARKER, github.token, env, log)).toMatchObject({ action: 'created' })
    expect(await postPlanComment(`${MARKER}\nv2`, MARKER, github.token, env, log)).toMatchObject({ action: 'updated' })
    expect(github.on('contoso', 'pki', 3).map((c) => c.body.split('\n').pop())).toEqual(['another tenant', 'quoted', 'v2'])
  })

  it('an event payload without a pull request number: a notice, no request', async () => {
    const { lines, log } = recorder()
    const env = { ...github.env({ name: 'pull_request' }) }
    expect(await postPlanComment('x', MARKER, github.token, env, log)).toBeUndefined()
    expect(lines).toEqual([expect.stringMatching(/^notice: `pr-comment`: the pull_request event names no pull request/)])
    expect(github.requests).toEqual([])
  })
})
