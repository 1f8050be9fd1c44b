// Graph paths per kind (graph-api.md §1.1, §2.1, §3.1), relative to `/{apiVersion}`.

export const ORGANIZATION_CONFIGURATION = (orgId: string): string => `/organization/${orgId}/certificateBasedAuthConfiguration`

export const PKI_CONTAINER = '/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations'
export const PKI_AUTHORITIES = (pkiId: string): string => `${PKI_CONTAINER}/${pkiId}/certificateAuthorities`

export const APPLICATION_CONTAINER = '/directory/certificateAuthorities/certificateBasedApplicationConfigurations'
export const APPLICATION_AUTHORITIES = (configurationId: string): string =>
  `${APPLICATION_CONTAINER}/${configurationId}/trustedCertificateAuthorities`

/** Stand-ins for ids that exist only once an earlier operation of the same run has created them. */
export const PLACEHOLDER = { orgId: '{tenantId}', pkiId: '{pkiId}', configurationId: '{configurationId}' } as const

/** OData string literal for `$filter`: single quotes are doubled, then the whole is URL-encoded by the caller. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}
