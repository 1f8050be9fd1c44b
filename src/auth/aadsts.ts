// Entra sign-in failures (AADSTS codes) turned into messages that name the fix. The service's own
// description follows the hint, with anything token-like removed.
import { UserError } from '../errors.ts'
import { claimText, redactTokens, type JwtClaims } from './jwt.ts'

export interface SignInContext {
  readonly clientId: string
  readonly tenantId: string
  readonly authorityUrl: string
  readonly graphUrl: string
  readonly audience: string
  /** Claims of the GitHub token presented last, when one was fetched. */
  readonly assertionClaims: JwtClaims | undefined
}

type Hint = (context: SignInContext) => string

const federatedCredentialHint: Hint = (c) => {
  const sub = claimText(c.assertionClaims, 'sub')
  const aud = claimText(c.assertionClaims, 'aud')
  const iss = claimText(c.assertionClaims, 'iss')
  return (
    `No federated credential on the app registration ${c.clientId} matches this workflow's token ` +
    `(subject "${sub}", audience "${aud}", issuer "${iss}"). Add a federated credential with exactly that ` +
    'subject and audience (App registrations > the app > Certificates & secrets > Federated credentials), ' +
    'or run the workflow from the branch, tag or environment an existing credential names.'
  )
}

/** Known codes; the ones a misconfigured workflow meets first. */
const HINTS: Readonly<Record<string, Hint>> = {
  '70021': federatedCredentialHint,
  '700211': federatedCredentialHint,
  '700212': federatedCredentialHint,
  '700213': federatedCredentialHint,
  '700016': (c) =>
    `The application ${c.clientId} was not found in tenant ${c.tenantId}: check \`client-id\` and ` +
    '`tenant-id` (and `cloud`), and that the app is registered in, or admin-consented to, that tenant.',
  '700024': () =>
    "The GitHub OIDC token was rejected as expired or not yet valid: check the runner's clock. " +
    'The action fetches a fresh token for every sign-in, so a re-run gets a new one.',
  '90002': (c) =>
    `Tenant ${c.tenantId} was not found at ${c.authorityUrl}: check \`tenant-id\` and \`cloud\` ` +
    '(or `authority-url`); a tenant exists in one cloud only.',
  '900023': (c) =>
    `"${c.tenantId}" is not a valid tenant: give \`tenant-id\` as the directory (tenant) GUID ` +
    'or a verified domain of the tenant, and check `cloud`.',
  '7000215': () =>
    'Entra reports an invalid client secret. This action never sends one: it signs in with the ' +
    'GitHub OIDC token as a federated credential. Check `client-id` and that the app has a federated credential.',
  '7000222': () =>
    'Entra reports an expired client secret. This action never sends one: it signs in with the ' +
    'GitHub OIDC token as a federated credential. Check `client-id` and that the app has a federated credential.',
  '50053': () => 'Entra has locked sign-ins for this identity after too many failed attempts: wait, then re-run.',
  '500011': (c) =>
    `The resource ${c.graphUrl} is not known in this tenant: check \`cloud\` and \`graph-url\` ` +
    '(tokens and Graph hosts are per cloud).',
  '7000112': (c) => `The application ${c.clientId} is disabled in this tenant: an administrator must enable its ` + 'service principal.',
  '700027': () =>
    "Entra could not validate the GitHub OIDC token: check the federated credential's issuer " +
    "(https://token.actions.githubusercontent.com, or your enterprise's issuer)."
}

interface MsalErrorLike {
  readonly errorCode?: unknown
  readonly errorMessage?: unknown
  readonly errorNo?: unknown
  readonly message?: unknown
}

/** The AADSTS number in an MSAL error: `error_codes[0]`, else the first `AADSTSnnnn` in its text. */
export function aadstsCode(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object') return undefined
  const e = error as MsalErrorLike
  if ((typeof e.errorNo === 'string' || typeof e.errorNo === 'number') && /^\d+$/.test(String(e.errorNo))) {
    return String(e.errorNo)
  }
  for (const text of [e.errorMessage, e.message]) {
    const match = typeof text === 'string' ? /AADSTS(\d+)/.exec(text) : null
    if (match?.[1] !== undefined) return match[1]
  }
  return undefined
}

/** The service's description of an MSAL error, without tokens, on one line. */
export function serviceDescription(error: unknown): string {
  const e = (error !== null && typeof error === 'object' ? error : {}) as MsalErrorLike
  const text =
    typeof e.errorMessage === 'string' && e.errorMessage !== '' ? e.errorMessage : typeof e.message === 'string' ? e.message : String(error)
  return redactTokens(text).replace(/\s+/g, ' ').trim()
}

/** A user error for a failed sign-in: the AADSTS code, a hint when the code is known, the service's text. */
export function signInError(error: unknown, context: SignInContext): UserError {
  const code = aadstsCode(error)
  const e = (error !== null && typeof error === 'object' ? error : {}) as MsalErrorLike
  if (code === undefined && e.errorCode === 'network_error') {
    // No answer from Entra, or one that is not an OAuth response: our own message says which.
    return new UserError(`Sign-in to Microsoft Entra failed: ${serviceDescription(error)}`, { cause: error })
  }
  const errorCode = typeof e.errorCode === 'string' && e.errorCode !== '' ? ` (${e.errorCode})` : ''
  const hint = code !== undefined ? HINTS[code]?.(context) : undefined
  const head =
    code !== undefined
      ? `Sign-in to Microsoft Entra failed with AADSTS${code}${errorCode}.`
      : `Sign-in to Microsoft Entra failed${errorCode}.`
  const lines = [head, ...(hint !== undefined ? [hint] : []), `Entra said: ${serviceDescription(error)}`]
  return new UserError(lines.join('\n'), { cause: error })
}
