// Inputs of review and audit: failing a scheduled dry-run on drift, and commenting the plan on a
// pull request with a GitHub token. The token is kept only when a comment is asked for, so that
// nothing else in the run can carry it anywhere.
import { Inputs } from '../constants.ts'
import type { Settings } from '../settings-types.ts'
import type { InputParser } from './input-parser.ts'
import type { SignInSettings } from './sign-in.ts'

export type ReviewSettings = Pick<Settings, 'failOnDrift' | 'prComment' | 'githubToken'>

/** `signIn` is parsed first: whether drift can be known depends on dry-run and the credentials. */
export function parseReview(p: InputParser, signIn: SignInSettings): ReviewSettings {
  const failOnDrift = p.bool(Inputs.failOnDrift, false)
  if (failOnDrift && signIn.dryRun && signIn.credentials === undefined) {
    // Passing here would claim "no drift" without having read the tenant.
    p.errors.push(
      `Input \`${Inputs.failOnDrift}\` needs the tenant read: give \`${Inputs.tenantId}\` and \`${Inputs.clientId}\` ` +
        '(with a read-only app registration for a dry-run), or remove `fail-on-drift`.'
    )
  } else if (failOnDrift && !signIn.dryRun) {
    p.warnings.push(
      `Input \`${Inputs.failOnDrift}\` applies to \`dry-run: true\` only; this run publishes, so drift is corrected, not failed on ` +
        '(the `drift` output still tells whether there was any).'
    )
  }
  const prComment = p.bool(Inputs.prComment, false)
  const githubToken = p.read(Inputs.githubToken)
  if (prComment && githubToken === '') {
    p.errors.push(
      `Input \`${Inputs.githubToken}\` is empty, but \`${Inputs.prComment}\` is true; leave it unset (it defaults to ` +
        '`${{ github.token }}`, which needs `permissions: pull-requests: write`) or give a token that may comment.'
    )
  }
  return { failOnDrift, prComment, ...(prComment && githubToken !== '' ? { githubToken } : {}) }
}
