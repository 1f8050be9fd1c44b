// The CRL check step of a run (between the certificates and the plan): with `crl-check` on, fetch
// and judge each CA's CRL (src/crl/), report each problem as an annotation that names the CA, the
// URL and the AADSTS code users would meet, and stop before any write under `error`. Returns the
// CAs with their `crl` verdict for the outputs and the summary. The network code (undici) loads
// only when the check runs, so an offline dry-run stays without a network stack.
import * as core from './runner.ts'
import type { CertificateAuthority, CrlHealth, Problem } from './certificates/types.ts'
import { checkCrls, DEFAULT_CONCURRENCY, EXPIRY_WARNING_MS } from './crl/check.ts'
import { CRL_SIZE_LIMITS } from './crl/limits.ts'
import type { CrlCheck, CrlFinding } from './crl/types.ts'
import { UserError } from './errors.ts'
import { reportProblems } from './report.ts'
import type { Settings } from './settings-types.ts'
import { ValidationFailure, type ValidatedCertificates } from './validation.ts'

export async function checkRevocationLists(
  settings: Settings,
  validated: ValidatedCertificates,
  now: Date,
  env: NodeJS.ProcessEnv
): Promise<ValidatedCertificates> {
  if (settings.crlCheck === 'off') return validated
  const { authorities } = validated
  const withUrls = authorities.filter((ca) => ca.crlUrl !== undefined || ca.deltaCrlUrl !== undefined)
  core.info(`Checking the CRLs of ${withUrls.length} CA(s) as Entra will at sign-in (crl-check: ${settings.crlCheck}).`)
  const [{ crlFetcher, DOWNLOAD_TIMEOUT_MS }, { createDispatcher }] = await Promise.all([
    import('./crl/fetch.ts'),
    import('./http/dispatcher.ts')
  ])
  const fetch = crlFetcher({
    dispatcher: createDispatcher(env),
    maxBytes: CRL_SIZE_LIMITS[settings.cloud],
    timeoutMs: downloadTimeout(env) ?? DOWNLOAD_TIMEOUT_MS
  })
  const checks = await checkCrls(withUrls, fetch, { now, concurrency: DEFAULT_CONCURRENCY, expiryWarningMs: EXPIRY_WARNING_MS })
  const byThumbprint = new Map(checks.map((check) => [check.thumbprint, check]))
  const problems: Problem[] = []
  for (const ca of authorities) {
    const check = byThumbprint.get(ca.thumbprint)
    if (check === undefined) continue
    for (const found of check.findings) problems.push(problem(ca, found, settings.crlCheck))
    if (check.findings.length === 0) core.info(`  ${ca.subject}: CRL ok (${describeOk(check)})`)
  }
  const counts = reportProblems(problems, settings.strict, core)
  const checked: ValidatedCertificates = {
    ...validated,
    authorities: authorities.map((ca) => ({ ...ca, crl: health(byThumbprint.get(ca.thumbprint)) })),
    problems: [...validated.problems, ...problems]
  }
  if (counts.errors > 0) {
    // A ValidationFailure, so that the job summary still shows the CAs and every problem.
    throw new ValidationFailure(
      `${counts.errors} CRL problem(s) (see the annotations above) would fail sign-ins; fix them on the CA side, ` +
        'or set `crl-check: warn` to publish anyway. Nothing was sent to Graph.',
      checked
    )
  }
  return checked
}

/** ENTRA_CA_CRL_TIMEOUT_MS shortens Entra's 10 s, for tests of a slow CRL server (it is no input). */
function downloadTimeout(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.ENTRA_CA_CRL_TIMEOUT_MS
  if (raw === undefined || raw === '') return undefined
  const ms = Number(raw)
  if (!Number.isInteger(ms) || ms <= 0 || ms > 600_000) {
    throw new UserError(`ENTRA_CA_CRL_TIMEOUT_MS is "${raw}"; give a number of milliseconds from 1 to 600000.`)
  }
  return ms
}

function problem(ca: CertificateAuthority, found: CrlFinding, mode: 'warn' | 'error'): Problem {
  const which = found.role === 'delta' ? 'delta CRL' : 'CRL'
  const effect = found.advisory
    ? `once it lapses, sign-ins fail with ${found.code}`
    : `sign-ins with certificates it issued would fail with ${found.code}`
  return {
    severity: mode === 'error' && !found.advisory ? 'error' : 'warning',
    message: `${ca.subject} (${ca.thumbprint}): its ${which} ${found.url}: ${found.detail}; ${effect}`,
    file: ca.file
  }
}

function describeOk(check: CrlCheck): string {
  const parts = [`${check.bytes ?? 0} bytes`]
  if (check.base?.nextUpdate !== undefined) parts.push(`nextUpdate ${check.base.nextUpdate.toISOString()}`)
  if (check.delta !== undefined) parts.push('delta CRL ok')
  return parts.join(', ')
}

function health(check: CrlCheck | undefined): CrlHealth {
  if (check === undefined) return { status: 'no-url', bytes: null, nextUpdate: null }
  return {
    status: check.findings[0]?.name ?? 'ok',
    bytes: check.bytes ?? null,
    nextUpdate: check.base?.nextUpdate?.toISOString() ?? null
  }
}
