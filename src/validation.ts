// The certificates step of a run: load the CA files (and the user certificates that only tell CRL
// URLs), validate and enrich, report every problem (annotations capped as GitHub shows them), and
// stop before any network call when there is an error, keeping what did validate for the summary.
import { analyzeCertificates, loadCertificates } from './certificates/index.ts'
import type { CertificateAuthority, ParsedCertificate, Problem, SkippedAuthority } from './certificates/types.ts'
import { Inputs } from './constants.ts'
import { UserError } from './errors.ts'
import { kindLimitProblems } from './plan/index.ts'
import { type Annotator, reportProblems } from './report.ts'
import type { Settings } from './settings-types.ts'

export interface ValidatedCertificates {
  /** The CAs to publish, roots first. */
  readonly authorities: readonly CertificateAuthority[]
  /** Expired CAs left out by `if-expired: skip`. */
  readonly skipped: readonly SkippedAuthority[]
  /** Every finding, as reported (errors, warnings, notices). */
  readonly problems: readonly Problem[]
}

/** Validation failed: the message for the step, and what validated (for the job summary). */
export class ValidationFailure extends UserError {
  readonly validated: ValidatedCertificates
  constructor(message: string, validated: ValidatedCertificates) {
    super(message)
    this.name = 'ValidationFailure'
    this.validated = validated
  }
}

export type ValidationLog = Annotator

/** Loads, validates and enriches the certificates; every problem is reported before it throws. */
export async function validateCertificates(settings: Settings, now: Date, log: ValidationLog): Promise<ValidatedCertificates> {
  const loaded = await loadCertificates(settings.certificates, settings.workspace)
  const leaves = await loadLeafCertificates(settings)
  const analysis = analyzeCertificates(loaded.certificates, {
    now,
    minValidityDays: settings.minValidityDays,
    crlOverrides: settings.crlOverrides,
    // With credentials, an intermediate's issuer may already be in the tenant's store.
    deferMissingIssuers: settings.credentials !== undefined,
    ifExpired: settings.ifExpired,
    leafCertificates: leaves.certificates
  })
  const problems = [...loaded.problems, ...leaves.problems, ...analysis.problems, ...kindLimitProblems(settings.kind, analysis.authorities)]
  const validated = { authorities: analysis.authorities, skipped: analysis.skipped, problems }
  const counts = reportProblems(problems, settings.strict, log)
  if (counts.errors > 0) {
    throw new ValidationFailure(
      `${counts.errors} problem(s) in \`certificates\` (see the annotations above); nothing was sent to Graph.`,
      validated
    )
  }
  if (analysis.authorities.length === 0) {
    throw new ValidationFailure(
      analysis.skipped.length > 0
        ? `Every CA in \`certificates\` has expired (${analysis.skipped.length} left out by \`if-expired: skip\`); nothing to publish.`
        : '`certificates` matched no CA certificate; nothing to publish.',
      validated
    )
  }
  log.info(
    `${analysis.authorities.length} CA(s) validated` +
      (analysis.skipped.length > 0 ? ` (${analysis.skipped.length} expired CA(s) left out)` : '') +
      ': ' +
      analysis.authorities.map((ca) => `${ca.subject} (${ca.isRootAuthority ? 'root' : 'intermediate'}, ${ca.thumbprint})`).join('; ')
  )
  return validated
}

/** `leaf-certificates`, loaded like `certificates`; problems name that input. */
async function loadLeafCertificates(
  settings: Settings
): Promise<{ readonly certificates: readonly ParsedCertificate[]; readonly problems: readonly Problem[] }> {
  if (settings.leafCertificates.length === 0) return { certificates: [], problems: [] }
  const loaded = await loadCertificates(settings.leafCertificates, settings.workspace, Inputs.leafCertificates)
  return loaded
}
