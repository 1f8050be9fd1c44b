// After the outputs and the summary: what review and audit add to the end of a run. The plan is
// commented on the pull request (pr-comment), then a dry-run that found drift fails
// (fail-on-drift), so the comment is posted either way.
import type { CertificateAuthority } from '../certificates/types.ts'
import type { Plan } from '../plan/types.ts'
import * as core from '../runner.ts'
import type { Settings } from '../settings-types.ts'
import { reportTitle } from '../summary.ts'
import type { TenantAudit } from './audit.ts'
import type { CommentIdentity } from './comment.ts'
import { driftFailure } from './drift.ts'

export interface ReviewedRun {
  readonly settings: Settings
  readonly authorities: readonly CertificateAuthority[]
  readonly plan: Plan
  readonly outcome: string
  readonly audit?: TenantAudit
}

export async function afterReport(run: ReviewedRun, env: NodeJS.ProcessEnv): Promise<void> {
  await commentPlan(run, env)
  const { settings } = run
  if (settings.failOnDrift && settings.dryRun && run.audit?.drift === true) core.setFailed(driftFailure(run.plan))
}

/** With `pr-comment`: the plan on the pull request; also for a run that failed once it had a plan. */
export async function commentPlan(run: ReviewedRun, env: NodeJS.ProcessEnv): Promise<void> {
  const { settings } = run
  if (!settings.prComment || settings.githubToken === undefined) return
  try {
    const identity: CommentIdentity = {
      kind: settings.kind,
      ...(settings.displayName !== undefined ? { displayName: settings.displayName } : {}),
      ...(settings.credentials !== undefined ? { tenant: settings.credentials.tenantId } : {})
    }
    // Loaded only when asked for, like the GitHub API client they load in turn.
    const [{ commentMarkdown, commentMarker }, { postPlanComment }] = await Promise.all([
      import('./comment.ts'),
      import('./pull-request.ts')
    ])
    const footer = runLink(env)
    const body = commentMarkdown({
      identity,
      title: reportTitle(settings),
      outcome: run.outcome,
      plan: run.plan,
      authorities: run.authorities,
      ...(run.audit !== undefined ? { audit: run.audit } : {}),
      ...(footer !== undefined ? { footer } : {})
    })
    await postPlanComment(body, commentMarker(identity), settings.githubToken, env, core)
  } catch (error) {
    // postPlanComment reports its own failures as warnings; this is a chunk that did not load.
    core.warning(`Could not comment the plan: ${error instanceof Error ? error.message : String(error)}; the run itself is not affected.`)
  }
}

/** A run that failed once it had a plan: its outcome with why, for the comment (the log has it as an error). */
export function withFailure(run: ReviewedRun, error: unknown): ReviewedRun {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ')
  return { ...run, outcome: `${run.outcome}\n\n> **Failed:** ${message}` }
}

/** `<sub>` line linking the run that wrote the comment; absent outside a runner. */
function runLink(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId, GITHUB_SHA: sha } = env
  if (!server || !repository || !runId) return undefined
  return `<sub>Written by [run ${runId}](${server}/${repository}/actions/runs/${runId})${sha ? ` at ${sha.slice(0, 7)}` : ''}; later runs update this comment.</sub>`
}
