// Sign-in: the GitHub OIDC token as a federated client assertion, exchanged by MSAL for a Graph
// access token (client credentials flow).
import { AuthError, ConfidentialClientApplication, LogLevel, type Configuration } from '@azure/msal-node'
import { UserError } from '../errors.ts'
import type { HttpClient } from '../http/client.ts'
import type { Logger } from '../http/types.ts'
import type { Credentials, Settings } from '../settings-types.ts'
import { signInError } from './aadsts.ts'
import { decodeJwtClaims, redactTokens, type JwtClaims } from './jwt.ts'
import { MsalNetworkModule } from './msal-network.ts'
import { checkOidcAvailable, fetchGitHubIdToken } from './oidc.ts'

const MSAL_LOG_PREFIX = /^\[[^\]]*\] : \[[^\]]*\] : @azure\/msal-[\w-]+@[\w.-]+ : /

export interface AcquireGraphTokenOptions {
  readonly settings: Pick<Settings, 'authorityUrl' | 'graphUrl' | 'audience'> & { readonly credentials?: Credentials }
  /** The action's one HTTP client: OIDC and token requests go through its dispatcher. */
  readonly http: HttpClient
  readonly env: NodeJS.ProcessEnv
  /** core.setSecret */
  readonly setSecret: (secret: string) => void
  readonly logger: Logger
}

export interface GraphToken {
  readonly accessToken: string
  /** Tenant GUID: the token's `tid` claim, so that a `tenant-id` given as a domain name works. */
  readonly tenantId: string
  readonly expiresOn: Date | null
}

/**
 * MSAL's view of an authority it must not discover: its endpoints, given so that it never calls
 * login.microsoftonline.com (instance discovery) nor the authority's OpenID configuration.
 * (msal-common OpenIdConfigResponse: authorization_endpoint, token_endpoint, issuer, jwks_uri.)
 */
export function authorityMetadata(authority: string): string {
  return JSON.stringify({
    token_endpoint: `${authority}/oauth2/v2.0/token`,
    authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
    jwks_uri: `${authority}/discovery/v2.0/keys`,
    issuer: `${authority}/v2.0`
  })
}

export async function acquireGraphToken(options: AcquireGraphTokenOptions): Promise<GraphToken> {
  const { settings, http, env, setSecret, logger } = options
  const credentials = settings.credentials
  if (credentials === undefined) {
    throw new UserError('Signing in needs `tenant-id` and `client-id` (only a dry run works without them).')
  }
  // Fail before MSAL starts, with the message that names the missing permission.
  checkOidcAvailable(env)
  const authorityUrl = settings.authorityUrl.replace(/\/+$/, '')
  const graphUrl = settings.graphUrl.replace(/\/+$/, '')
  const authority = `${authorityUrl}/${encodeURIComponent(credentials.tenantId)}`
  let assertionClaims: JwtClaims | undefined

  const configuration: Configuration = {
    auth: {
      clientId: credentials.clientId,
      authority,
      knownAuthorities: [new URL(authorityUrl).host],
      authorityMetadata: authorityMetadata(authority),
      // GitHub ID tokens live minutes: MSAL asks for one per token request, and gets a fresh one.
      clientAssertion: async () => {
        const token = await fetchGitHubIdToken(http, env, settings.audience, { setSecret, logger })
        assertionClaims = decodeJwtClaims(token)
        return token
      }
    },
    system: {
      networkClient: new MsalNetworkModule(http),
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Info,
        loggerCallback: (_level, message, containsPii) => {
          // MSAL prefixes "[date] : [correlation id] : @azure/msal-node@x.y.z : "; the level stays.
          if (!containsPii) logger.debug(`MSAL: ${redactTokens(message.replace(MSAL_LOG_PREFIX, ''))}`)
        }
      }
    }
  }

  logger.info(`Signing in to ${authority} as ${credentials.clientId} for ${graphUrl}`)
  let result
  try {
    const app = new ConfidentialClientApplication(configuration)
    result = await app.acquireTokenByClientCredential({
      scopes: [`${graphUrl}/.default`],
      // MSAL_FORCE_REGION in the environment would send MSAL to a regional host and IMDS.
      azureRegion: 'DisableMsalForceRegion',
      skipCache: true
    })
  } catch (error) {
    if (!(error instanceof AuthError)) throw error
    throw signInError(error, {
      clientId: credentials.clientId,
      tenantId: credentials.tenantId,
      authorityUrl,
      graphUrl,
      audience: settings.audience,
      assertionClaims
    })
  }
  if (result === null || result.accessToken === '') {
    throw new UserError(`Sign-in to ${authority} returned no access token.`)
  }
  setSecret(result.accessToken)
  const tid = decodeJwtClaims(result.accessToken)?.tid
  const tenantId = typeof tid === 'string' && tid !== '' ? tid : credentials.tenantId
  logger.info(`Signed in to tenant ${tenantId}; the Graph token expires ${result.expiresOn?.toISOString() ?? 'at an unknown time'}`)
  return { accessToken: result.accessToken, tenantId, expiresOn: result.expiresOn }
}
