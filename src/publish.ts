// The online part of a run, loaded only when the run signs in: GitHub OIDC -> MSAL -> Graph,
// read the tenant, plan against it, and carry the plan out (or only show it, in dry-run).
import { tmpdir } from 'node:os'
import * as core from './runner.ts'
import { acquireGraphToken } from './auth/graph-token.ts'
import { checkOidcAvailable } from './auth/oidc.ts'
import { missingIssuerProblems } from './certificates/chain.ts'
import type { CertificateAuthority } from './certificates/types.ts'
import { UserError } from './errors.ts'
import { applicationPublisher } from './graph/application.ts'
import type { KindContext, KindPublisher } from './graph/kind.ts'
import { organizationPublisher } from './graph/organization.ts'
import { pkiPublisher } from './graph/pki/publisher.ts'
import { HttpClient } from './http/client.ts'
import { createDispatcher } from './http/dispatcher.ts'
import { loopbackBackoff } from './http/loopback-pauses.ts'
import { GraphClient } from './http/graph-client.ts'
import type { Logger } from './http/types.ts'
import type { RunRecord } from './outputs.ts'
import { planPublication } from './plan/index.ts'
import type { Plan, PlanOptions, TenantState } from './plan/types.ts'
import { reportProblems } from './report.ts'
import { auditTenant, type TenantAudit } from './review/audit.ts'
import type { Kind, Settings } from './settings-types.ts'
import { planLines } from './summary.ts'

const PUBLISHERS: Readonly<Record<Kind, KindPublisher<never>>> = {
  organization: organizationPublisher as KindPublisher<never>,
  pki: pkiPublisher as KindPublisher<never>,
  application: applicationPublisher as KindPublisher<never>
}

/**
 * ENTRA_CA_REQUEST_TIMEOUT_SECONDS bounds the wait for each response (default 60 s): for slow
 * proxies, and for tests of a server that never answers.
 */
function requestTimeout(env: NodeJS.ProcessEnv): { requestTimeoutMs?: number } {
  const raw = env.ENTRA_CA_REQUEST_TIMEOUT_SECONDS
  if (raw === undefined || raw === '') return {}
  const seconds = Number(raw)
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
    throw new UserError(`ENTRA_CA_REQUEST_TIMEOUT_SECONDS is "${raw}"; give a number of seconds from 1 to 600.`)
  }
  return { requestTimeoutMs: seconds * 1000 }
}

export interface PublishHooks {
  /** The plan, as soon as it exists (so a failure afterwards can still report it). */
  onPlan(plan: Plan): void
  /** Drift and the store's expiring CAs, as soon as the tenant has been read and planned against. */
  onAudit(audit: TenantAudit): void
  /** Before the first write. */
  onWrite: () => void
}

export interface PublishResult {
  readonly plan: Plan
  readonly audit: TenantAudit
  readonly outcome: string
}

const logger: Logger = { info: core.info, debug: core.debug, warning: core.warning }

export async function publish(
  settings: Settings,
  authorities: readonly CertificateAuthority[],
  options: PlanOptions,
  record: RunRecord,
  hooks: PublishHooks,
  env: NodeJS.ProcessEnv = process.env
): Promise<PublishResult> {
  checkOidcAvailable(env)
  const http = new HttpClient({
    dispatcher: createDispatcher(env, requestTimeout(env)),
    logger,
    backoff: loopbackBackoff(env, settings.graphUrl)
  })
  const publisher = PUBLISHERS[settings.kind] as KindPublisher<TenantState>
  // The token endpoint's and Graph's connections open while the OIDC token is fetched, instead of
  // after it and after the access token (on a real network, a round trip or two each).
  http.preconnect(settings.authorityUrl)
  http.preconnect(settings.graphUrl, Math.max(1, publisher.connections?.(authorities) ?? 1))
  const token = await acquireGraphToken({ settings, http, env, setSecret: core.setSecret, logger })
  const graph = new GraphClient({ http, graphUrl: settings.graphUrl, apiVersion: settings.apiVersion, accessToken: token.accessToken })

  const context: KindContext = {
    graph,
    settings,
    tenantId: token.tenantId,
    logger,
    record,
    onWrite: hooks.onWrite,
    workDir: env.RUNNER_TEMP || tmpdir()
  }
  const state = await publisher.read(context)

  const plan = planPublication(authorities, state, options)
  hooks.onPlan(plan)
  const audit = auditTenant(plan, state, authorities, options.now, settings.minValidityDays)
  hooks.onAudit(audit)
  for (const line of planLines(plan)) core.info(line)
  // Intermediates whose issuer was not in the set may chain to a CA the store already holds.
  const problems = [...missingIssuerProblems(authorities, publisher.storeCertificates(state)), ...plan.problems, ...audit.problems]
  if (reportProblems(problems, settings.strict, core).errors > 0) {
    throw new UserError('The tenant and the given CAs do not fit together (see the annotations above); nothing was written.')
  }
  if (settings.dryRun) {
    return { plan, audit, outcome: `Dry run: read the tenant and planned ${plan.operations.length} operation(s); nothing was written.` }
  }
  if (plan.refusal !== undefined) throw new UserError(plan.refusal)
  if (plan.operations.length === 0) {
    return { plan, audit, outcome: 'The tenant already holds every given CA: nothing to change.' }
  }
  await publisher.apply(context, plan, state, authorities)
  return {
    plan,
    audit,
    outcome:
      `Published: ${record.created.length} CA(s) added, ${record.removed.length} removed, ` +
      `${plan.operations.length} Graph write(s) planned.`
  }
}
