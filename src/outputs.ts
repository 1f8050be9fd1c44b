// The action's outputs (contract.md "Outputs"), computed from what the run found and did.
import type { CertificateAuthority, CrlHealth, SkippedAuthority } from './certificates/types.ts'
import { Outputs } from './constants.ts'
import { operationText } from './plan/describe.ts'
import type { Plan } from './plan/types.ts'

/** What a run did to the tenant; empty in a dry-run. Filled in as writes succeed. */
export interface RunRecord {
  configurationId?: string
  readonly createdAuthorityIds: string[]
  readonly created: string[]
  /** Thumbprints of CAs whose properties this run changed (not an output; for the summary). */
  readonly updated: string[]
  readonly removed: string[]
  backupPath?: string
}

export const emptyRecord = (): RunRecord => ({ createdAuthorityIds: [], created: [], updated: [], removed: [] })

/** The `certificates` output item: the CA record without its bytes, every key present. */
export function certificateOutput(ca: CertificateAuthority): Record<string, string | boolean | null | CrlHealth> {
  return {
    thumbprint: ca.thumbprint,
    sha256: ca.sha256,
    subject: ca.subject,
    issuer: ca.issuer,
    issuerSki: ca.issuerSki,
    isRootAuthority: ca.isRootAuthority,
    notBefore: ca.notBefore,
    notAfter: ca.notAfter,
    crlUrl: ca.crlUrl ?? null,
    deltaCrlUrl: ca.deltaCrlUrl ?? null,
    file: ca.file,
    crl: ca.crl ?? null
  }
}

/** One item per operation; `thumbprint` names the CA of a CA operation. */
export function planOutput(plan: Plan): Array<{ method: string; path: string; reason: string; thumbprint?: string }> {
  return plan.operations.map((op) => ({
    method: op.method,
    path: op.path,
    reason: operationText(op),
    ...(op.thumbprint !== undefined ? { thumbprint: op.thumbprint } : {})
  }))
}

/** Every output as the string the runner stores. */
export function outputValues(
  authorities: readonly CertificateAuthority[],
  plan: Plan | undefined,
  record: RunRecord,
  skipped: readonly SkippedAuthority[] = [],
  /** Known only when the tenant was read (contract.md `drift`). */
  drift?: boolean
): Record<string, string> {
  const unchanged = plan?.authorities.filter((a) => a.status === 'unchanged' || a.status === 'update').map((a) => a.thumbprint) ?? []
  const values: Record<string, string> = {
    [Outputs.certificates]: JSON.stringify(authorities.map(certificateOutput)),
    [Outputs.plan]: JSON.stringify(plan !== undefined ? planOutput(plan) : []),
    [Outputs.certificateAuthorityIds]: JSON.stringify(record.createdAuthorityIds),
    [Outputs.created]: JSON.stringify(record.created),
    [Outputs.removed]: JSON.stringify(record.removed),
    [Outputs.unchanged]: JSON.stringify(unchanged),
    [Outputs.skipped]: JSON.stringify(skipped.map((ca) => ca.thumbprint))
  }
  const configurationId = record.configurationId ?? plan?.configurationId
  if (configurationId !== undefined) values[Outputs.configurationId] = configurationId
  if (record.backupPath !== undefined) values[Outputs.backupPath] = record.backupPath
  if (drift !== undefined) values[Outputs.drift] = String(drift)
  return values
}
