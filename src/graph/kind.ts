// What each configuration kind's module provides: read the tenant, then carry out a plan.
import type { CertificateAuthority } from '../certificates/types.ts'
import type { GraphClient } from '../http/graph-client.ts'
import type { Logger } from '../http/types.ts'
import type { RunRecord } from '../outputs.ts'
import type { Plan, TenantState } from '../plan/types.ts'
import type { Settings } from '../settings-types.ts'

export interface KindContext {
  readonly graph: GraphClient
  readonly settings: Settings
  /** Tenant GUID, from the access token's `tid` claim. */
  readonly tenantId: string
  readonly logger: Logger
  /** Filled in as writes succeed, so a failure half-way still tells what changed. */
  readonly record: RunRecord
  /** Called before the first write. */
  readonly onWrite: () => void
  /** Folder for files the run leaves behind (the organization backup). */
  readonly workDir: string
}

export interface KindPublisher<S extends TenantState = TenantState> {
  read(context: KindContext): Promise<S>
  /** Certificates of the CAs the tenant already holds, for the missing-issuer check. */
  storeCertificates(state: S): Buffer[]
  apply(context: KindContext, plan: Plan, state: S, desired: readonly CertificateAuthority[]): Promise<void>
  /** Connections to Graph the kind's requests use at most at once, to open ahead of need (default 1). */
  connections?(desired: readonly CertificateAuthority[]): number
}
