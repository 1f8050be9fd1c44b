// Per-cloud endpoints (graph-api.md §4.1). Tokens are not interchangeable across clouds, so the
// Graph host, the authority host and the scope always come from the same row unless overridden.

export type Cloud = 'global' | 'usgov' | 'dod' | 'china'

export interface CloudEndpoints {
  readonly graphUrl: string
  readonly authorityUrl: string
  /** Audience of the GitHub OIDC token that the federated credential expects. */
  readonly audience: string
}

export const CLOUDS: Readonly<Record<Cloud, CloudEndpoints>> = {
  global: {
    graphUrl: 'https://graph.microsoft.com',
    authorityUrl: 'https://login.microsoftonline.com',
    audience: 'api://AzureADTokenExchange'
  },
  usgov: {
    graphUrl: 'https://graph.microsoft.us',
    authorityUrl: 'https://login.microsoftonline.us',
    audience: 'api://AzureADTokenExchangeUSGov'
  },
  dod: {
    graphUrl: 'https://dod-graph.microsoft.us',
    authorityUrl: 'https://login.microsoftonline.us',
    audience: 'api://AzureADTokenExchangeUSGov'
  },
  china: {
    graphUrl: 'https://microsoftgraph.chinacloudapi.cn',
    authorityUrl: 'https://login.partner.microsoftonline.cn',
    audience: 'api://AzureADTokenExchangeChina'
  }
}

/** Authority hosts MSAL knows by itself; any other needs knownAuthorities + authorityMetadata. */
export const PUBLIC_AUTHORITY_HOSTS: ReadonlySet<string> = new Set([
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.partner.microsoftonline.cn',
  'login.chinacloudapi.cn'
])
