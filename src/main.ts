// run(): read settings, validate and enrich the CAs, plan, publish (or only plan), set outputs.
// One catch turns any error into a failed step with a message the user can act on.
import * as core from './runner.ts'
import { UserError } from './errors.ts'
import { emptyRecord, outputValues, type RunRecord } from './outputs.ts'
import { emptyTenant, planPublication } from './plan/index.ts'
import type { Plan, PlanOptions } from './plan/types.ts'
import type { TenantAudit } from './review/audit.ts'
import { afterReport, commentPlan, withFailure } from './review/after-run.ts'
import { envInputReader, parseSettings, type Settings } from './settings.ts'
import { planLines, reportTitle, summaryMarkdown } from './summary.ts'
import { validationFailureMarkdown } from './summary-sections.ts'
import { validateCertificates, type ValidatedCertificates, ValidationFailure } from './validation.ts'

export async function run(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): Promise<void> {
  let settings: Settings | undefined
  let validated: ValidatedCertificates = { authorities: [], skipped: [], problems: [] }
  let plan: Plan | undefined
  let audit: TenantAudit | undefined
  const record = emptyRecord()
  let wrote = false
  try {
    const parsed = parseSettings(envInputReader(env), env)
    settings = parsed.settings
    for (const warning of parsed.warnings) core.warning(warning)
    if (settings.githubToken !== undefined) core.setSecret(settings.githubToken)
    // A run that signs in needs the network stack (MSAL, undici, Graph code): its chunks load while
    // the certificates are read. Nothing is sent before they validate; a failure to load surfaces
    // where the module is awaited.
    const publishing = settings.credentials !== undefined ? import('./publish.ts') : undefined
    publishing?.catch(() => {})
    validated = await validateCertificates(settings, now, core)
    if (settings.crlCheck !== 'off') {
      // The CRL checker (parser, signature checks, downloads) loads only when a check runs.
      const { checkRevocationLists } = await import('./crl-check.ts')
      validated = await checkRevocationLists(settings, validated, now, env)
    }
    const { authorities } = validated

    if (settings.credentials === undefined) {
      plan = planPublication(authorities, emptyTenant(settings.kind), planOptions(settings, now))
      for (const line of planLines(plan)) core.info(line)
      core.info('Dry run without credentials: the plan assumes an empty tenant; no request was sent.')
      const report: RunReport = { settings, validated, authorities, plan, outcome: 'Dry run (offline): nothing was sent to Graph.' }
      finish(report)
      await afterReport(report, env)
      return
    }
    const { publish } = await (publishing ?? import('./publish.ts'))
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
      validated,
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
        validated,
        authorities: validated.authorities,
        plan,
        ...(audit !== undefined ? { audit } : {}),
        ...(wrote ? { record } : {}),
        outcome
      }
      try {
        setOutputs(report, record)
        writeSummary(report)
      } catch (reportError) {
        core.warning(`Could not set the outputs: ${reportError instanceof Error ? reportError.message : String(reportError)}`)
      }
      await commentPlan(withFailure(report, error), env)
    }
    if (settings !== undefined && error instanceof ValidationFailure) writeValidationSummary(settings, error)
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

/** What a run reports at its end: outputs, the outcome line, the job summary (and the pull-request comment). */
export interface RunReport {
  readonly settings: Settings
  /** The certificates step: skipped CAs and every problem, for the summary. */
  readonly validated: ValidatedCertificates
  /** The CAs to publish, with their CRL check. */
  readonly authorities: ValidatedCertificates['authorities']
  readonly plan: Plan
  /** What the run wrote; absent in a dry-run or when it failed before any write. */
  readonly record?: RunRecord
  readonly outcome: string
  /** Drift and the store's expiring CAs; present when the tenant was read. */
  readonly audit?: TenantAudit
}

function setOutputs(report: RunReport, record: RunRecord): void {
  const values = outputValues(report.authorities, report.plan, record, report.validated.skipped, report.audit?.drift)
  for (const [name, value] of Object.entries(values)) core.setOutput(name, value)
}

function finish(report: RunReport): void {
  setOutputs(report, report.record ?? emptyRecord())
  core.info(report.outcome)
  writeSummary(report)
}

/** The job summary; outside a runner (no GITHUB_STEP_SUMMARY) it goes to standard output (runner.ts). */
function writeSummary(report: RunReport): void {
  const { settings, authorities, validated, plan, record, outcome, audit } = report
  appendSummary(
    summaryMarkdown({
      title: reportTitle(settings),
      authorities,
      plan,
      ...(record !== undefined ? { record } : {}),
      ...(audit !== undefined ? { audit } : {}),
      outcome,
      skipped: validated.skipped,
      problems: validated.problems,
      strict: settings.strict
    })
  )
}

/** A run that failed validation still writes the summary: the problems, and the CAs that validated. */
function writeValidationSummary(settings: Settings, failure: ValidationFailure): void {
  const { authorities, skipped, problems } = failure.validated
  const outcome = `Validation failed: ${failure.message}`
  appendSummary(
    validationFailureMarkdown({ title: reportTitle(settings), outcome, authorities, skipped, problems, strict: settings.strict })
  )
}

function appendSummary(markdown: string): void {
  try {
    core.appendSummary(markdown)
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
