import type { Cloud } from './clouds.ts'

export type Kind = 'organization' | 'pki' | 'application'
export type ApiVersion = 'v1.0' | 'beta'
export type Mode = 'sync' | 'replace'
/** `crl-check` once `auto` is resolved: off, or whether CRL problems warn or stop the run. */
export type CrlCheckMode = 'off' | 'warn' | 'error'

/** One `crl-urls` line: `<SHA-1 thumbprint> <CRL URL> [<delta CRL URL>]`. */
export interface CrlOverride {
  readonly thumbprint: string
  readonly crlUrl: string
  readonly deltaCrlUrl?: string
}

/** The sign-in part of the settings; present unless dry-run without credentials. */
export interface Credentials {
  readonly tenantId: string
  readonly clientId: string
}

/** Every action input, parsed and validated once (see settings.ts). */
export interface Settings {
  readonly kind: Kind
  /** Patterns as given (paths or globs), resolved against `workspace`. */
  readonly certificates: readonly string[]
  readonly workspace: string
  readonly credentials?: Credentials
  readonly cloud: Cloud
  /** Without trailing slash, e.g. https://graph.microsoft.com */
  readonly graphUrl: string
  /** Without trailing slash, e.g. https://login.microsoftonline.com */
  readonly authorityUrl: string
  readonly audience: string
  readonly apiVersion: ApiVersion
  readonly displayName?: string
  readonly description?: string
  readonly mode: Mode
  readonly allowRecreate: boolean
  readonly crlOverrides: readonly CrlOverride[]
  readonly issuerHints: boolean
  readonly minValidityDays: number
  readonly strict: boolean
  readonly dryRun: boolean
  /** A dry-run that reads the tenant exits 1 when the plan holds any write. */
  readonly failOnDrift: boolean
  /** Comment the plan on the pull request (review/pull-request.ts). */
  readonly prComment: boolean
  /** Only when `prComment` is true. A secret: never logged, never in an output or the summary. */
  readonly githubToken?: string
  readonly crlCheck: CrlCheckMode
  /** `if-expired`: fail on an expired CA, or leave it out with a notice. */
  readonly ifExpired: 'error' | 'skip'
  /** `leaf-certificates`: patterns of certificates read only for their CRL URLs (may be empty). */
  readonly leafCertificates: readonly string[]
}
