// The GitHub REST API's issue comments, through @actions/github (Octokit). The one module that
// imports it; pull-request.ts loads this module with import() only when a comment is posted, so
// the bundler keeps Octokit in a chunk that runs without pr-comment never read.
import { getOctokit } from '@actions/github'

/** The pull request a comment goes on. */
export interface PullRequest {
  readonly owner: string
  readonly repo: string
  readonly number: number
}

export interface IssueComments {
  /** Id of the first comment whose body satisfies `match`, across every page. */
  find(match: (body: string) => boolean): Promise<number | undefined>
  create(body: string): Promise<{ id: number; url?: string }>
  update(id: number, body: string): Promise<{ id: number; url?: string }>
}

export function issueComments(token: string, pr: PullRequest, baseUrl: string): IssueComments {
  const octokit = getOctokit(token, { baseUrl })
  const where = { owner: pr.owner, repo: pr.repo }
  return {
    find: async (match) => {
      // Pages follow the Link header; a long-lived pull request's comment may be on any of them.
      for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
        ...where,
        issue_number: pr.number,
        per_page: 100
      })) {
        const found = page.data.find((comment) => match(comment.body ?? ''))
        if (found !== undefined) return found.id
      }
      return undefined
    },
    create: async (body) => {
      const { data } = await octokit.rest.issues.createComment({ ...where, issue_number: pr.number, body })
      return { id: data.id, url: data.html_url }
    },
    update: async (id, body) => {
      const { data } = await octokit.rest.issues.updateComment({ ...where, comment_id: id, body })
      return { id: data.id, url: data.html_url }
    }
  }
}
