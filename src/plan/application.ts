// application: a named configuration holding 1 to 10 CAs, at least one a root at every moment
// (Graph refuses to delete the last root, graph-api.md §3.3). Order: add roots, add the rest,
// flip isRootAuthority, delete extras; a delete moves forward only when the 10-CA cap needs room.
import type { Problem } from '../certificates/types.ts'
import { applicationAuthorityBody, applicationConfigurationBody } from './bodies.ts'
import { planned, plannedExisting } from './organization.ts'
import { APPLICATION_AUTHORITIES, APPLICATION_CONTAINER } from './paths.ts'
import type { ApplicationState, DesiredAuthority, ExistingAuthority, Operation, Plan, PlanOptions, PlannedAuthority } from './types.ts'

/** CAs a configuration holds at most (graph-api.md §3.3). */
export const APPLICATION_MAX_AUTHORITIES = 10

export function planApplication(desired: readonly DesiredAuthority[], state: ApplicationState, options: PlanOptions): Plan {
  const displayName = options.displayName ?? ''
  const base = { kind: 'application', apiVersion: options.apiVersion, mode: options.mode } as const
  if (state.configuration === null) {
    return {
      ...base,
      operations: [
        {
          action: 'createConfiguration',
          method: 'POST',
          path: APPLICATION_CONTAINER,
          reason: `create the application configuration "${displayName}" with ${desired.length} CA(s)`,
          body: applicationConfigurationBody(displayName, options.description, desired),
          schema: 'request.createCertificateBasedApplicationConfiguration'
        }
      ],
      authorities: desired.map((ca) => planned(ca, 'create')),
      problems: []
    }
  }

  const configuration = state.configuration
  const caPath = APPLICATION_AUTHORITIES(configuration.id)
  const operations: Operation[] = []
  const problems: Problem[] = []
  const authorities: PlannedAuthority[] = []
  const removed: PlannedAuthority[] = []
  if (options.description !== undefined && options.description !== (configuration.description ?? '')) {
    operations.push({
      action: 'updateConfiguration',
      method: 'PATCH',
      path: `${APPLICATION_CONTAINER}/${configuration.id}`,
      reason: 'update the description',
      body: { description: options.description },
      schema: 'request.updateCertificateBasedApplicationConfiguration'
    })
  }

  const existing = new Map(state.authorities.map((ca) => [ca.thumbprint, ca]))
  const wanted = new Set(desired.map((ca) => ca.thumbprint))
  const missing = desired.filter((ca) => !existing.has(ca.thumbprint)).sort((a, b) => Number(b.isRootAuthority) - Number(a.isRootAuthority))
  const extras = options.mode === 'replace' ? state.authorities.filter((ca) => !wanted.has(ca.thumbprint)) : []

  // Simulate the store step by step, so each operation keeps a root and stays within the cap.
  const held = new Map<string, boolean>(state.authorities.map((ca) => [ca.thumbprint, ca.isRootAuthority]))
  const roots = (): number => [...held.values()].filter(Boolean).length
  const pendingDeletes = [...extras].sort((a, b) => Number(a.isRootAuthority) - Number(b.isRootAuthority))
  const remove = (ca: ExistingAuthority, why: string): void => {
    held.delete(ca.thumbprint)
    operations.push({
      action: 'deleteAuthority',
      method: 'DELETE',
      path: `${caPath}/${ca.id ?? ''}`,
      reason: `remove ${ca.subject ?? ca.thumbprint}: ${why}`,
      thumbprint: ca.thumbprint,
      ...(ca.id !== undefined ? { authorityId: ca.id } : {})
    })
    removed.push(plannedExisting(ca, 'remove'))
  }
  // An extra may go early only if a root stays behind.
  const removable = (): ExistingAuthority | undefined => pendingDeletes.find((ca) => !ca.isRootAuthority || roots() > 1)

  for (const ca of missing) {
    if (held.size >= APPLICATION_MAX_AUTHORITIES) {
      const victim = removable()
      if (victim !== undefined) {
        pendingDeletes.splice(pendingDeletes.indexOf(victim), 1)
        remove(victim, `not in the given set (mode: replace), first, to stay within ${APPLICATION_MAX_AUTHORITIES} CAs`)
      }
    }
    held.set(ca.thumbprint, ca.isRootAuthority)
    operations.push({
      action: 'createAuthority',
      method: 'POST',
      path: caPath,
      reason: `add ${ca.isRootAuthority ? 'root' : 'intermediate'} ${ca.subject}`,
      body: applicationAuthorityBody(ca),
      schema: 'request.createCertificateAuthorityAsEntity',
      thumbprint: ca.thumbprint
    })
  }

  for (const ca of desired) {
    const found = existing.get(ca.thumbprint)
    if (found === undefined) {
      authorities.push(planned(ca, 'create'))
      continue
    }
    const flip = found.isRootAuthority !== ca.isRootAuthority && found.id !== undefined
    if (flip) {
      held.set(ca.thumbprint, ca.isRootAuthority)
      operations.push({
        action: 'updateAuthority',
        method: 'PATCH',
        path: `${caPath}/${found.id ?? ''}`,
        reason: `mark ${ca.subject} as ${ca.isRootAuthority ? 'a root' : 'an intermediate'}`,
        body: { isRootAuthority: ca.isRootAuthority },
        schema: 'request.updateCertificateAuthorityAsEntity',
        thumbprint: ca.thumbprint,
        authorityId: found.id ?? ''
      })
    }
    authorities.push(planned(ca, flip ? 'update' : 'unchanged'))
  }
  for (const ca of pendingDeletes) remove(ca, 'not in the given set (mode: replace)')

  if (held.size > APPLICATION_MAX_AUTHORITIES) {
    problems.push({
      severity: 'error',
      message:
        `The application configuration "${displayName}" would hold ${held.size} CAs; Entra allows at most ` +
        `${APPLICATION_MAX_AUTHORITIES}. Use \`mode: replace\` to remove the ones not given, or publish fewer CAs.`
    })
  }
  return { ...base, operations, authorities: [...authorities, ...removed], configurationId: configuration.id, problems }
}
