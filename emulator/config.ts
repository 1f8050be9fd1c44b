// Defaults of the settings tests can change through `emulator.config`.
import { GITHUB_ISSUER } from './oidc.ts'
import type { EmulatorConfig, Oddities, Unconfirmed } from './types.ts'

/** Initial settings: any field of the config, with `oddities` and `unconfirmed` merged field by field. */
export type ConfigOverrides = Partial<Omit<EmulatorConfig, 'oddities' | 'unconfirmed'>> & {
  readonly oddities?: Partial<Oddities>
  readonly unconfirmed?: Partial<Unconfirmed>
}

export const DEFAULT_SUBJECT = 'repo:octo-org/octo-repo:ref:refs/heads/main'
export const DEFAULT_AUDIENCE = 'api://AzureADTokenExchange'
/** Application permissions the action needs, one per kind (graph-api.md §0). */
export const READ_WRITE_ROLES: readonly string[] = [
  'Organization.ReadWrite.All',
  'PublicKeyInfrastructure.ReadWrite.All',
  'AppCertTrustConfiguration.ReadWrite.All'
]
/** The read-only counterparts, enough for a dry-run. */
export const READ_ROLES: readonly string[] = [
  'Organization.Read.All',
  'PublicKeyInfrastructure.Read.All',
  'AppCertTrustConfiguration.Read.All'
]

/** The bet made where graph-api.md is UNCONFIRMED (see Unconfirmed in types.ts). */
export const DEFAULT_UNCONFIRMED: Unconfirmed = {
  batch: 'accepted',
  batchRefusalStatus: 400,
  duplicates: 'documented',
  staleReads: 0,
  batchItems: 'sequential',
  throttleItemsRetryAfter: null
}

export function makeConfig(overrides: ConfigOverrides = {}): EmulatorConfig {
  const { oddities, unconfirmed, ...rest } = overrides
  const subject = rest.subject ?? DEFAULT_SUBJECT
  return {
    subject,
    federatedSubject: subject,
    federatedIssuer: GITHUB_ISSUER,
    expectedAudience: DEFAULT_AUDIENCE,
    domains: ['contoso.onmicrosoft.com'],
    roles: [...READ_WRITE_ROLES],
    accessTokenLifetimeSeconds: 3599,
    idTokenClockSkewSeconds: 0,
    pageSize: 100,
    checkDerivedFields: true,
    appCredentials: {},
    ...rest,
    oddities: {
      trailingSpaceKeys: false,
      keyCasing: 'canonical',
      deleteWithBody: false,
      wrapSingleObjects: false,
      applicationCreate: { status: 200, wrapped: true },
      patchNoContent: false,
      inlineNavigation: false,
      ...oddities
    },
    unconfirmed: { ...DEFAULT_UNCONFIRMED, ...unconfirmed }
  }
}
