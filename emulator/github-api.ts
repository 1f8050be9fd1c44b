// Dev tool: a loopback fake of the GitHub REST API, the part `pr-comment` uses: a pull request's
// issue comments (list with Link-header pagination, create, update), token checked, and a
// read-only mode that answers writes as GitHub answers a fork's GITHUB_TOKEN (403 "Resource not
// accessible by integration"). `env()` gives a run GITHUB_API_URL and an event payload file.
// Plain HTTP on 127.0.0.1: the Graph emulator's CA already takes NODE_EXTRA_CA_CERTS.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { forgetIssuedTokens, rememberIssuedTokens } from './leaks.ts'

export interface IssueComment {
  readonly id: number
  readonly owner: string
  readonly repo: string
  readonly issue: number
  body: string
  readonly created_at: string
  updated_at: string
}

export interface GitHubRequest {
  readonly method: string
  /** Path and query, e.g. `/repos/o/r/issues/7/comments?per_page=100&page=2`. */
  readonly path: string
  readonly status: number
  /** Whether an Authorization header came (its value is never kept). */
  readonly authorization: boolean
}

export interface GitHubEvent {
  /** GITHUB_EVENT_NAME, e.g. `pull_request`, `pull_request_target`, `push`. */
  readonly name: string
  readonly owner?: string
  readonly repo?: string
  /** The pull request's number; absent for events without one. */
  readonly number?: number
}

export interface GitHubApiFake {
  /** GITHUB_API_URL: origin, no trailing slash. */
  readonly url: string
  /** The one token it accepts (as `token …` or `Bearer …`); runAction checks every run of this process for it (leaks.ts). */
  readonly token: string
  readonly comments: IssueComment[]
  readonly requests: GitHubRequest[]
  /** Writes answer 403 "Resource not accessible by integration", as for a fork's read-only token. */
  readOnly: boolean
  /** Page size without `per_page` (GitHub: 30; at most 100 either way). */
  defaultPageSize: number
  /** Adds a comment as if someone had written it; returns it. */
  seed(owner: string, repo: string, issue: number, body: string): IssueComment
  /** The comments of one issue, oldest first. */
  on(owner: string, repo: string, issue: number): IssueComment[]
  /** GITHUB_API_URL, GITHUB_EVENT_NAME, GITHUB_EVENT_PATH (a payload file written for it), GITHUB_REPOSITORY. */
  env(event: GitHubEvent): Record<string, string>
  reset(): void
  close(): Promise<void>
}

const MAX_BODY = 65_536
const DOCS = 'https://docs.github.com/rest/issues/comments'

interface Answer {
  readonly status: number
  readonly body?: unknown
  readonly headers?: Record<string, string>
}

export async function startGitHubApi(): Promise<GitHubApiFake> {
  const dir = mkdtempSync(join(tmpdir(), 'github-api-'))
  const token = `ghs_${randomBytes(18).toString('hex')}`
  const comments: IssueComment[] = []
  const requests: GitHubRequest[] = []
  let nextId = 1_000_001
  let events = 0
  const fake = {
    url: '',
    token,
    comments,
    requests,
    readOnly: false,
    defaultPageSize: 30,
    seed: (owner: string, repo: string, issue: number, body: string): IssueComment => {
      const now = new Date().toISOString()
      const comment = { id: nextId++, owner, repo, issue, body, created_at: now, updated_at: now }
      comments.push(comment)
      return comment
    },
    on: (owner: string, repo: string, issue: number) => comments.filter((c) => c.owner === owner && c.repo === repo && c.issue === issue),
    env: (event: GitHubEvent): Record<string, string> => {
      const owner = event.owner ?? 'contoso'
      const repo = event.repo ?? 'pki'
      const payload =
        event.number !== undefined
          ? {
              action: 'synchronize',
              number: event.number,
              pull_request: { number: event.number },
              repository: { name: repo, owner: { login: owner } }
            }
          : { ref: 'refs/heads/main', repository: { name: repo, owner: { login: owner } } }
      const path = join(dir, `event-${++events}.json`)
      writeFileSync(path, JSON.stringify(payload))
      return { GITHUB_API_URL: fake.url, GITHUB_EVENT_NAME: event.name, GITHUB_EVENT_PATH: path, GITHUB_REPOSITORY: `${owner}/${repo}` }
    },
    reset: () => {
      comments.length = 0
      requests.length = 0
      fake.readOnly = false
      fake.defaultPageSize = 30
    }
  }

  const answer = (req: IncomingMessage, url: URL, raw: string): Answer => {
    const auth = req.headers.authorization ?? ''
    if (auth !== `token ${token}` && auth !== `Bearer ${token}`) {
      return { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } }
    }
    const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname)
    const one = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname)
    const method = req.method ?? 'GET'
    if (list !== null && method === 'GET') return page(fake, url, fake.on(list[1]!, list[2]!, Number(list[3])))
    if ((list !== null && method === 'POST') || (one !== null && method === 'PATCH')) {
      if (fake.readOnly) {
        return {
          status: 403,
          body: {
            message: 'Resource not accessible by integration',
            documentation_url: `${DOCS}#${method === 'POST' ? 'create-an-issue-comment' : 'update-an-issue-comment'}`,
            status: '403'
          }
        }
      }
      let body: unknown
      try {
        body = (JSON.parse(raw) as { body?: unknown }).body
      } catch {
        return { status: 400, body: { message: 'Problems parsing JSON', status: '400' } }
      }
      if (typeof body !== 'string') return invalid('body', 'missing_field')
      if (body.length > MAX_BODY) return invalid('body', 'custom', `body is too long (maximum is ${MAX_BODY} characters)`)
      if (list !== null) return { status: 201, body: render(fake, fake.seed(list[1]!, list[2]!, Number(list[3]), body)) }
      const found = comments.find((c) => c.id === Number(one![3]) && c.owner === one![1] && c.repo === one![2])
      if (found === undefined) return { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } }
      found.body = body
      found.updated_at = new Date().toISOString()
      return { status: 200, body: render(fake, found) }
    }
    return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', fake.url)
      const reply = answer(req, url, Buffer.concat(chunks).toString('utf8'))
      requests.push({
        method: req.method ?? 'GET',
        path: url.pathname + url.search,
        status: reply.status,
        authorization: req.headers.authorization !== undefined
      })
      res.writeHead(reply.status, {
        'content-type': 'application/json; charset=utf-8',
        'x-github-media-type': 'github.v3; format=json',
        ...reply.headers
      })
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('github-api fake: no TCP address')
  fake.url = `http://127.0.0.1:${address.port}`
  // Every run of the action in this process is checked for the token, as for the emulator's (leaks.ts).
  const issued = [token]
  rememberIssuedTokens(issued, token)
  return Object.assign(fake, {
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      rmSync(dir, { recursive: true, force: true })
      forgetIssuedTokens(issued)
    }
  })
}

/** One page, with GitHub's Link header (next, last, first, prev) when there is more than one. */
function page(fake: { url: string; defaultPageSize: number }, url: URL, all: readonly IssueComment[]): Answer {
  const size = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? fake.defaultPageSize) || fake.defaultPageSize))
  const number = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1)
  const last = Math.max(1, Math.ceil(all.length / size))
  const link = (n: number, rel: string): string => {
    const target = new URL(url.pathname, fake.url)
    target.searchParams.set('per_page', String(size))
    target.searchParams.set('page', String(n))
    return `<${target.toString()}>; rel="${rel}"`
  }
  const links = [
    ...(number > 1 ? [link(number - 1, 'prev')] : []),
    ...(number < last ? [link(number + 1, 'next'), link(last, 'last')] : []),
    ...(number > 1 ? [link(1, 'first')] : [])
  ]
  return {
    status: 200,
    body: all.slice((number - 1) * size, number * size).map((c) => render(fake, c)),
    ...(links.length > 0 ? { headers: { link: links.join(', ') } } : {})
  }
}

function render(fake: { url: string }, c: IssueComment): Record<string, unknown> {
  return {
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${fake.url}/repos/${c.owner}/${c.repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${c.owner}/${c.repo}/pull/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${fake.url}/repos/${c.owner}/${c.repo}/issues/${c.issue}`,
    body: c.body,
    user: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: 'NONE'
  }
}

function invalid(field: string, code: string, message?: string): Answer {
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [{ resource: 'IssueComment', code, field, ...(message !== undefined ? { message } : {}) }],
      documentation_url: `${DOCS}#create-an-issue-comment`,
      status: '422'
    }
  }
}
