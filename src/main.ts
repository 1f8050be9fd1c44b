// run(): read settings, validate and enrich the CAs, plan, publish (or only plan), set outputs.
// One catch turns any error into a failed step with a message the user can act on.
import * as core from './runner.ts'
import { analyzeCertificates, loadCertificates } from './certificates/index.ts'
import type { CertificateAuthority } from './certificates/types.ts'
import { checkRevocationLists } from './crl-check.ts'
import { UserError } from './errors.ts'
import { emptyRecord, outputValues, type RunRecord } from './outputs.ts'
import { emptyTenant, kindLimitProblems, planPublication } from './plan/index.ts'
import type { Plan, PlanOptions } from './plan/types.ts'
import { reportProblems } from './report.ts'
import type { TenantAudit } from './review/audit.ts'
import { afterReport, commentPlan } from './review/after-run.ts'
import { envInputReader, parseSettings, type Settings } from './settings.ts'
import { planLines, reportTitle, summaryMarkdown } from './summary.ts'

export async function run(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): Promise<void> {
  let settings: Settings | undefined
  let authorities: readonly CertificateAuthority[] = []
  let plan: Plan | undefined
  let audit: TenantAudit | undefined
  const record = emptyRecord()
  let wrote = false
  try {
    const parsed = parseSettings(envInputReader(env), env)
    settings = parsed.settings
    for (const warning of parsed.warnings) core.warning(warning)
    if (settings.githubToken !== undefined) core.setSecret(settings.githubToken)
    authorities = await prepareAuthorities(settings, now)
    authorities = await checkRevocationLists(settings, authorities, now, env)

    if (settings.credentials === undefined) {
      plan = planPublication(authorities, emptyTenant(settings.kind), planOptions(settings, now))
      for (const line of planLines(plan)) core.info(line)
      core.info('Dry run without credentials: the plan assumes an empty tenant; no request was sent.')
      const report: RunReport = { settings, authorities, plan, outcome: 'Dry run (offline): nothing was sent to Graph.' }
      finish(report)
      await afterReport(report, env)
      return
    }
    // The network stack (MSAL, undici, Graph code) loads only when the run signs in.
    const { publish } = await import('./publish.ts')
    const result = await publish(settings, authorities, planOptions(settings, now), record, {
      onPlan: (p) => {
        plan = p
      },
      onAudit: (a) => {
        audit = a
      },
      onWrite: () => {
        wrote = true
      }
    })
    const report: RunReport = {
      settings,
      authorities,
      plan: result.plan,
      audit: result.audit,
      ...(settings.dryRun ? {} : { record }),
      outcome: result.outcome
    }
    finish(report)
    await afterReport(report, env)
  } catch (error) {
    // Once there is a plan, the outputs and the summary tell what this run changed before it stopped.
    if (settings !== undefined && plan !== undefined) {
      const outcome = wrote
        ? `Failed after ${record.created.length} CA(s) added and ${record.removed.length} removed; a re-run reads the tenant and completes the rest.`
        : 'Failed before any write: the tenant is unchanged.'
      const report: RunReport = {
        settings,
        authorities,
        plan,
        ...(audit !== undefined ? { audit } : {}),
        ...(wrote ? { record } : {}),
        outcome
      }
      try {
        setOutputs(authorities, plan, record, audit)
        writeSummary(report)
      } catch (reportError) {
        core.warning(`Could not set the outputs: ${reportError instanceof Error ? reportError.message : String(reportError)}`)
      }
      await commentPlan(report, env)
    }
    fail(error)
  }
}

function planOptions(settings: Settings, now: Date): PlanOptions {
  return {
    kind: settings.kind,
    apiVersion: settings.apiVersion,
    mode: settings.mode,
    now,
    allowRecreate: settings.allowRecreate,
    issuerHints: settings.issuerHints,
    ...(settings.displayName !== undefined ? { displayName: settings.displayName } : {}),
    ...(settings.description !== undefined ? { description: settings.description } : {})
  }
}

/** Loads, validates and enriches the certificates; every problem is reported before it throws. */
async function prepareAuthorities(settings: Settings, now: Date): Promise<readonly CertificateAuthority[]> {
  const loaded = await loadCertificates(settings.certificates, settings.workspace)
  const analysis = analyzeCertificates(loaded.certificates, {
    now,
    minValidityDays: settings.minValidityDays,
    crlOverrides: settings.crlOverrides,
    // With credentials, an intermediate's issuer may already be in the tenant's store.
    deferMissingIssuers: settings.credentials !== undefined
  })
  const problems = [...loaded.problems, ...analysis.problems, ...kindLimitProblems(settings.kind, analysis.authorities)]
  const counts = reportProblems(problems, settings.strict, core)
  if (counts.errors > 0) {
    throw new UserError(`${counts.errors} problem(s) in \`certificates\` (see the annotations above); nothing was sent to Graph.`)
  }
  if (analysis.authorities.length === 0) {
    throw new UserError('`certificates` matched no CA certificate; nothing to publish.')
  }
  core.info(
    `${analysis.authorities.length} CA(s) validated: ` +
      analysis.authorities.map((ca) => `${ca.subject} (${ca.isRootAuthority ? 'root' : 'intermediate'}, ${ca.thumbprint})`).join('; ')
  )
  return analysis.authorities
}

function setOutputs(authorities: readonly CertificateAuthority[], plan: Plan | undefined, record: RunRecord, audit?: TenantAudit): void {
  for (const [name, value] of Object.entries(outputValues(authorities, plan, record, audit?.drift))) core.setOutput(name, value)
}

/** What a run reports at its end: outputs, the outcome line, the job summary (and the pull-request comment). */
export interface RunReport {
  readonly settings: Settings
  readonly authorities: readonly CertificateAuthority[]
  readonly plan: Plan
  /** What the run wrote; absent in a dry-run or when it failed before any write. */
  readonly record?: RunRecord
  readonly outcome: string
  /** Drift and the store's expiring CAs; present when the tenant was read. */
  readonly audit?: TenantAudit
}

function finish(report: RunReport): void {
  setOutputs(report.authorities, report.plan, report.record ?? emptyRecord(), report.audit)
  core.info(report.outcome)
  writeSummary(report)
}

/** The job summary; outside a runner (no GITHUB_STEP_SUMMARY) it goes to standard output (runner.ts). */
function writeSummary(report: RunReport): void {
  const { settings, authorities, plan, record, outcome, audit } = report
  try {
    core.appendSummary(
      summaryMarkdown({
        title: reportTitle(settings),
        authorities,
        plan,
        ...(record !== undefined ? { record } : {}),
        ...(audit !== undefined ? { audit } : {}),
        outcome
      })
    )
  } catch (error) {
    core.warning(`Could not write the job summary: ${String(error)}`)
  }
}

function fail(error: unknown): void {
  if (error instanceof UserError) {
    core.setFailed(error.message)
    return
  }
  // Not the user's doing: keep the stack for the debug log, the message for the annotation.
  const err = error instanceof Error ? error : new Error(String(error))
  core.debug(err.stack ?? err.message)
  core.setFailed(`Unexpected error: ${err.message}. Re-run with debug logging (ACTIONS_STEP_DEBUG) and report it with the log.`)
}
