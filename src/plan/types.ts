// What the planner works on and produces. Planning is pure: (desired CAs, tenant state, options)
// -> operations with their exact request bodies. The Graph layer reads TenantState and carries
// the operations out; nothing here touches the network.
import type { CertificateAuthority, Problem } from '../certificates/types.ts'
import type { ApiVersion, Kind, Mode } from '../settings-types.ts'

/** A CA the tenant already holds, as read back from Graph (certificate decoded by the reader). */
export interface ExistingAuthority {
  /** Entity id (`pki`, `application`); absent for `organization`, whose CAs are a complex list. */
  readonly id?: string
  /** SHA-1 of the certificate DER as read back, upper-case hex. */
  readonly thumbprint: string
  readonly der: Buffer
  readonly isRootAuthority: boolean
  readonly subject?: string
  readonly notAfter?: Date
  readonly crlUrl?: string
  readonly deltaCrlUrl?: string
  readonly isIssuerHintEnabled?: boolean
}

export interface OrganizationState {
  readonly kind: 'organization'
  /** Tenant GUID (the `tid` claim); `{tenantId}` in an offline plan. */
  readonly orgId: string
  readonly configuration: { readonly id: string; readonly authorities: readonly ExistingAuthority[] } | null
}

export interface PkiState {
  readonly kind: 'pki'
  readonly pki: { readonly id: string; readonly displayName: string } | null
  readonly authorities: readonly ExistingAuthority[]
}

export interface ApplicationState {
  readonly kind: 'application'
  readonly configuration: { readonly id: string; readonly displayName: string; readonly description?: string } | null
  readonly authorities: readonly ExistingAuthority[]
}

export type TenantState = OrganizationState | PkiState | ApplicationState

export type OperationAction =
  'createConfiguration' | 'updateConfiguration' | 'deleteConfiguration' | 'createAuthority' | 'updateAuthority' | 'deleteAuthority'

/** One Graph write. `path` is relative to `/{apiVersion}`; `{pkiId}`/`{configurationId}` stand for ids not known yet. */
export interface Operation {
  readonly action: OperationAction
  readonly method: 'POST' | 'PATCH' | 'DELETE'
  readonly path: string
  readonly reason: string
  readonly body?: Readonly<Record<string, unknown>>
  /** `$defs` name of the strict request schema the body must validate against. */
  readonly schema?: string
  /** The CA this operation is about. */
  readonly thumbprint?: string
  /** Entity id of the CA this operation is about (update, delete). */
  readonly authorityId?: string
}

export type AuthorityStatus = 'create' | 'unchanged' | 'update' | 'remove'

export interface PlannedAuthority {
  readonly thumbprint: string
  readonly subject: string
  readonly isRootAuthority: boolean
  readonly notAfter?: string
  readonly crlUrl?: string
  readonly status: AuthorityStatus
}

export interface Plan {
  readonly kind: Kind
  readonly apiVersion: ApiVersion
  readonly mode: Mode
  readonly operations: readonly Operation[]
  /** Every CA the plan touches or finds, desired ones first, then existing ones to remove. */
  readonly authorities: readonly PlannedAuthority[]
  /** Id of the configuration found (organization: the fixed singleton id once it exists). */
  readonly configurationId?: string
  /** Errors and warnings the plan found in the tenant (per-kind limits, expired CAs in the store). */
  readonly problems: readonly Problem[]
  /** Why the plan must not be carried out although it is valid (organization change without allow-recreate). */
  readonly refusal?: string
}

export interface PlanOptions {
  readonly kind: Kind
  readonly apiVersion: ApiVersion
  readonly mode: Mode
  readonly now: Date
  readonly displayName?: string
  readonly description?: string
  readonly allowRecreate: boolean
  readonly issuerHints: boolean
}

export type DesiredAuthority = CertificateAuthority
