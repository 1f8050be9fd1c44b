// pki: a named PKI container with one entity per CA. Additions and updates first; in replace the
// extras are deleted only after every addition, so trust never shrinks before it grows.
import type { Problem } from '../certificates/types.ts'
import { pkiAuthorityBody, pkiAuthorityPatch, pkiBody } from './bodies.ts'
import { planned, plannedExisting } from './organization.ts'
import { PKI_AUTHORITIES, PKI_CONTAINER, PLACEHOLDER } from './paths.ts'
import type { DesiredAuthority, Operation, Plan, PlanOptions, PlannedAuthority, PkiState } from './types.ts'

/** CAs a PKI holds at most (graph-api.md §2.4). */
export const PKI_MAX_AUTHORITIES = 250

export function planPki(desired: readonly DesiredAuthority[], state: PkiState, options: PlanOptions): Plan {
  const displayName = options.displayName ?? ''
  const operations: Operation[] = []
  const authorities: PlannedAuthority[] = []
  const problems: Problem[] = []
  let pkiId: string = PLACEHOLDER.pkiId
  if (state.pki === null) {
    operations.push({
      action: 'createConfiguration',
      method: 'POST',
      path: PKI_CONTAINER,
      reason: `create the PKI "${displayName}"`,
      body: pkiBody(displayName),
      schema: 'request.createCertificateBasedAuthPki'
    })
  } else {
    pkiId = state.pki.id
  }

  const existing = new Map(state.authorities.map((ca) => [ca.thumbprint, ca]))
  const updates: Operation[] = []
  for (const ca of desired) {
    const found = existing.get(ca.thumbprint)
    if (found === undefined) {
      operations.push({
        action: 'createAuthority',
        method: 'POST',
        path: PKI_AUTHORITIES(pkiId),
        reason: `add ${ca.isRootAuthority ? 'root' : 'intermediate'} ${ca.subject}`,
        body: pkiAuthorityBody(ca, options.issuerHints),
        schema: 'request.createCertificateAuthorityDetail',
        thumbprint: ca.thumbprint
      })
      authorities.push(planned(ca, 'create'))
      continue
    }
    const patch = pkiAuthorityPatch(ca, found, options.issuerHints)
    if (patch !== undefined && found.id !== undefined) {
      updates.push({
        action: 'updateAuthority',
        method: 'PATCH',
        path: `${PKI_AUTHORITIES(pkiId)}/${found.id}`,
        reason: `update ${Object.keys(patch).join(', ')} of ${ca.subject}`,
        body: patch,
        schema: 'request.updateCertificateAuthorityDetail',
        thumbprint: ca.thumbprint,
        authorityId: found.id
      })
    }
    authorities.push(planned(ca, patch === undefined ? 'unchanged' : 'update'))
  }
  operations.push(...updates)

  const wanted = new Set(desired.map((ca) => ca.thumbprint))
  const extras = state.authorities.filter((ca) => !wanted.has(ca.thumbprint))
  const added = authorities.filter((a) => a.status === 'create').length
  if (options.mode === 'replace') {
    // Extras go after the additions, unless the PKI would overflow on the way: then just enough
    // of them go first (they are unwanted anyway).
    const overflow = Math.max(0, state.authorities.length + added - PKI_MAX_AUTHORITIES)
    const deletes: Operation[] = []
    for (const ca of extras) {
      if (ca.id === undefined) continue
      deletes.push({
        action: 'deleteAuthority',
        method: 'DELETE',
        path: `${PKI_AUTHORITIES(pkiId)}/${ca.id}`,
        reason:
          `remove ${ca.subject ?? ca.thumbprint}: not in the given set (mode: replace)` +
          (deletes.length < overflow ? `, first, to stay within ${PKI_MAX_AUTHORITIES} CAs` : ''),
        thumbprint: ca.thumbprint,
        authorityId: ca.id
      })
      authorities.push(plannedExisting(ca, 'remove'))
    }
    const firstAdd = operations.findIndex((op) => op.action === 'createAuthority')
    operations.splice(firstAdd === -1 ? operations.length : firstAdd, 0, ...deletes.slice(0, overflow))
    operations.push(...deletes.slice(overflow))
  } else if (state.authorities.length + added > PKI_MAX_AUTHORITIES) {
    const total = state.authorities.length + added
    problems.push({
      severity: 'error',
      message:
        `The PKI "${displayName}" would hold ${total} CAs (${state.authorities.length} there, ${added} to add); ` +
        `Entra allows at most ${PKI_MAX_AUTHORITIES} a PKI. Publish fewer CAs, split them over several \`display-name\`s` +
        (extras.length > 0 ? ', or use `mode: replace` to remove the ones not given.' : '.')
    })
  }
  return {
    kind: 'pki',
    apiVersion: options.apiVersion,
    mode: options.mode,
    operations,
    authorities,
    ...(state.pki !== null ? { configurationId: state.pki.id } : {}),
    problems
  }
}
