// Types shared by the emulator's modules (kept here so that modules do not import each other in circles).
import type { IncomingHttpHeaders } from 'node:http'
import type { SigningKey } from './jwt.ts'
import type { TenantState } from './state.ts'
import type { RequestSchemas } from './graph/schemas.ts'

/** Which service a request reached: each role listens on its own port. */
export type Role = 'oidc' | 'authority' | 'graph'

export type FaultKind = 'status' | 'drop' | 'lostResponse' | 'hang' | 'failAfter' | 'meanwhile'

/** One line of the request log. Tokens never appear in it: only whether a header was present. */
export interface RequestRecord {
  readonly seq: number
  /** ISO time the request arrived. */
  readonly time: string
  readonly role: Role
  readonly method: string
  /** Path and query as received, e.g. `/v1.0/organization?$top=1` (a batch item's: its URL after the version). */
  readonly path: string
  /** A request carried in a `$batch`: the `seq` of that batch's own record. */
  readonly batch?: number
  /** What the emulator took the request for, e.g. `token`, `openid-configuration`, `pki.create`. */
  operation?: string
  /** Status the client received; null when the socket was dropped or the request left hanging. */
  status: number | null
  readonly clientRequestId?: string
  /** Whether an Authorization header was present (its value is never stored). */
  readonly authorization: boolean
  readonly contentType?: string
  readonly userAgent?: string
  /** Parsed body: JSON, or the form fields of a token request with secrets redacted. */
  body?: unknown
  /** The `$defs` name the body was validated against; null when the operation has none. */
  schema?: string | null
  /** Set for every Graph request that carried a body; false when no schema exists for it. */
  schemaValid?: boolean
  /** iss / sub / aud of a token the request presented or received (never the token itself). */
  tokenClaims?: { readonly iss?: unknown; readonly sub?: unknown; readonly aud?: unknown }
  fault?: FaultKind
  /** With a `lostResponse` fault: the status of the write that was committed but not delivered. */
  committedStatus?: number
  /** A GET answered from the tenant as it was before a recent write (`unconfirmed.staleReads`). */
  stale?: boolean
  durationMs?: number
}

/** What a handler answers; the server adds the common headers and applies faults. */
export interface Reply {
  readonly status: number
  readonly headers?: Readonly<Record<string, string>>
  /** Serialised as JSON unless a string. */
  readonly body?: unknown
  /** Send the body even on 204 (a documented oddity); the connection is closed afterwards. */
  readonly forceBody?: boolean
}

/** A request as handlers see it. */
export interface Call {
  readonly role: Role
  readonly method: string
  readonly url: URL
  readonly headers: IncomingHttpHeaders
  readonly rawBody: Buffer
  /** A `$batch` item's JSON body, already parsed with the envelope (then `rawBody` is empty). */
  readonly json?: unknown
  readonly record: RequestRecord
  readonly clientRequestId: string | undefined
  readonly requestId: string
}

/** Documented oddities of the real service, switchable to exercise clients (graph-api.md §6). */
export interface Oddities {
  /** Every property key in response entities gets a trailing space (`"trustedCertificateAuthorities "`). */
  trailingSpaceKeys: boolean
  /** `documented`: the drifted spellings from the docs (`deltacertificateRevocationListUrl`,
   *  `issuerSubjectkeyIdentifier`); `lower`: every property key lower-cased. */
  keyCasing: 'canonical' | 'documented' | 'lower'
  /** DELETE answers 204 with a JSON body (old kind 1 `$ref` draft). */
  deleteWithBody: boolean
  /** GET of a single object answers `{"value": {...}}` (v1.0 PKI Get example). */
  wrapSingleObjects: boolean
  /** Kind 3 create: the docs say 200 with `{"value": {...}}`. */
  applicationCreate: { status: 200 | 201; wrapped: boolean }
  /** PKI and CA-detail PATCH answer 204 instead of the documented 200 with a body. */
  patchNoContent: boolean
  /** Kind 3 list/get include trustedCertificateAuthorities without `$expand` (docs list example). */
  inlineNavigation: boolean
}

/**
 * Ways the real service may behave where graph-api.md says UNCONFIRMED (issue 13). The defaults
 * are the bet made so far; each switch lets a test prove that the action works the other way too.
 * The probe (`npm run probe`, scripts/probe/) records what a real tenant does: its findings decide
 * these defaults.
 */
export interface Unconfirmed {
  /**
   * `$batch` on these paths: `accepted`; `envelope`: the `$batch` POST itself answered
   * `batchRefusalStatus`, nothing done; `items`: every item answered `batchRefusalStatus` with the
   * same error, nothing done.
   */
  batch: 'accepted' | 'envelope' | 'items'
  batchRefusalStatus: number
  /**
   * A CA the PKI or application configuration already holds, created again (and a second POST of
   * the organization singleton): `documented` 400 "Duplicate Certificate exists" (the organization:
   * 400 Request_BadRequest); `conflict` 409 with another code and text; `accepted`: a second,
   * identical entry is kept (the organization: the POST replaces the store).
   */
  duplicates: 'documented' | 'conflict' | 'accepted'
  /** Directory replication lag: after each write, this many GETs still see the tenant as it was before it. */
  staleReads: number
  /** Batch items: `sequential`, one after the other in the order given; `parallel`: in any order. */
  batchItems: 'sequential' | 'parallel'
  /**
   * Per-item throttling: the items at odd positions of a batch answered 429 with this Retry-After
   * (seconds), each distinct request once; null: none.
   */
  throttleItemsRetryAfter: number | null
}

/** Settings tests may change at any time through `emulator.config`. */
export interface EmulatorConfig {
  /** `sub` of the OIDC tokens the emulator issues. */
  subject: string
  /** `sub` the federated credential accepts at the token endpoint. */
  federatedSubject: string
  /** `iss` the federated credential accepts. */
  federatedIssuer: string
  /** `aud` the federated credential accepts. */
  expectedAudience: string
  /** Domain names accepted in place of the tenant GUID in the token endpoint path. */
  domains: string[]
  /** `roles` of the access tokens issued. */
  roles: string[]
  accessTokenLifetimeSeconds: number
  /** Seconds the OIDC endpoint's clock is ahead (negative: behind) of Entra's: -600 issues ID tokens Entra sees as expired. */
  idTokenClockSkewSeconds: number
  /** Default page size of Graph collections (without `$top`). */
  pageSize: number
  /** Check that a PKI CA body's thumbprint and expirationDateTime match its certificate. */
  checkDerivedFields: boolean
  oddities: Oddities
  unconfirmed: Unconfirmed
  /** An app registration's own credentials the token endpoint accepts (the probe's sign-in); none by default. */
  appCredentials: { secret?: string; certificatePem?: string }
}

/** What every handler may reach. */
export interface EmulatorCore {
  readonly tenantId: string
  readonly clientId: string
  readonly oidcRequestToken: string
  readonly urls: { readonly graph: string; readonly authority: string; readonly oidcRequestUrl: string }
  readonly config: EmulatorConfig
  readonly state: TenantState
  readonly githubKey: SigningKey
  readonly entraKey: SigningKey
  readonly schemas: RequestSchemas
  /** Every token issued (OIDC ID tokens and access tokens), oldest first; the leak check looks for them. */
  readonly issuedTokens?: string[]
}
