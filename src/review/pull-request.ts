// Posting the plan on the pull request: only on a pull_request or pull_request_target event; one
// comment per pull request and configuration, found by its marker on whatever page of comments
// it is, updated in place. A token that may not comment (a fork's read-only GITHUB_TOKEN) gives a
// warning, never a failed step: the comment is a view of the run, not part of its result.
import { readFileSync } from 'node:fs'
import type { Logger } from '../http/types.ts'
import type { PullRequest } from './github-api.ts'

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target']

export interface PostedComment {
  readonly action: 'created' | 'updated'
  readonly id: number
  readonly url?: string
}

/** The pull request the run is about, or why there is none (the notice to show). */
export function pullRequestOf(env: NodeJS.ProcessEnv): PullRequest | { readonly notice: string } {
  const event = env.GITHUB_EVENT_NAME ?? ''
  if (!PULL_REQUEST_EVENTS.includes(event)) {
    return {
      notice:
        `\`pr-comment\` is true, but this run was triggered by ${event === '' ? 'no event (not a GitHub Actions run)' : `a \`${event}\` event`}; ` +
        'the plan is commented on `pull_request` and `pull_request_target` runs only: nothing posted.'
    }
  }
  const payload = readEvent(env.GITHUB_EVENT_PATH)
  const number = payload?.pull_request?.number ?? payload?.number
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (typeof number !== 'number' || !owner || !repo) {
    return { notice: `\`pr-comment\`: the ${event} event names no pull request (GITHUB_EVENT_PATH, GITHUB_REPOSITORY): nothing posted.` }
  }
  return { owner, repo, number }
}

interface EventPayload {
  readonly number?: unknown
  readonly pull_request?: { readonly number?: unknown }
}

function readEvent(path: string | undefined): EventPayload | undefined {
  if (path === undefined || path === '') return undefined
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as EventPayload
  } catch {
    return undefined
  }
}

/** Creates the comment, or updates the one holding `marker`. Never throws: a failure is a warning. */
export async function postPlanComment(
  body: string,
  marker: string,
  token: string,
  env: NodeJS.ProcessEnv,
  log: Logger & { notice(message: string): void }
): Promise<PostedComment | undefined> {
  const target = pullRequestOf(env)
  if ('notice' in target) {
    log.notice(target.notice)
    return undefined
  }
  const where = `pull request #${target.number} of ${target.owner}/${target.repo}`
  try {
    // Octokit loads here and only here: runs that do not comment never pay for it.
    const { issueComments } = await import('./github-api.ts')
    const comments = issueComments(token, target, env.GITHUB_API_URL || 'https://api.github.com')
    // The marker opens the comment: a reply quoting the plan further down is not ours to overwrite.
    const existing = await comments.find((text) => text.startsWith(marker))
    const posted: PostedComment =
      existing === undefined
        ? { action: 'created', ...(await comments.create(body)) }
        : { action: 'updated', ...(await comments.update(existing, body)) }
    log.info(`Plan comment ${posted.action} on ${where}${posted.url !== undefined ? `: ${posted.url}` : ''}.`)
    return posted
  } catch (error) {
    log.warning(commentFailure(error, where))
    return undefined
  }
}

function commentFailure(error: unknown, where: string): string {
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : undefined
  const message = error instanceof Error ? error.message : String(error)
  if (status === 403 || status === 404) {
    return (
      `Could not comment the plan on ${where} (HTTP ${status}: ${message}): the token may not write to pull requests. ` +
      'A pull request from a fork gets a read-only GITHUB_TOKEN; otherwise grant `permissions: pull-requests: write`. The run itself is not affected.'
    )
  }
  return `Could not comment the plan on ${where} (${status !== undefined ? `HTTP ${status}: ` : ''}${message}); the run itself is not affected.`
}
