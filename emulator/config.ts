// Defaults of the settings tests can change through `emulator.config`.
import { GITHUB_ISSUER } from './oidc.ts'
import type { EmulatorConfig, Oddities } from './types.ts'

/** Initial settings: any field of the config, with `oddities` merged field by field. */
export type ConfigOverrides = Partial<Omit<EmulatorConfig, 'oddities'>> & { readonly oddities?: Partial<Oddities> }

export const DEFAULT_SUBJECT = 'repo:octo-org/octo-repo:ref:refs/heads/main'
export const DEFAULT_AUDIENCE = 'api://AzureADTokenExchange'
/** Application permissions the action needs, one per kind (graph-api.md §0). */
export const READ_WRITE_ROLES: readonly string[] = [
  'Organization.ReadWrite.All',
  'PublicKeyInfrastructure.ReadWrite.All',
  'AppCertTrustConfiguration.ReadWrite.All'
]

export function makeConfig(overrides: ConfigOverrides = {}): EmulatorConfig {
  const { oddities, ...rest } = overrides
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
    }
  }
}
