// kind organization: the tenant trust store, one singleton with the whole list and no PATCH
// (graph-api.md §1). A change is backup -> DELETE -> POST -> verify, and the backup goes back if
// the POST fails for good: a run must never leave the tenant without the CAs it trusted before.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CertificateAuthority } from '../certificates/types.ts'
import { ORGANIZATION_CONFIGURATION_ID } from '../constants.ts'
import { UserError } from '../errors.ts'
import { AmbiguousWriteError } from '../http/errors.ts'
import { prop, stringProp } from '../http/tolerant.ts'
import { isJsonObject } from '../http/tolerant.ts'
import { organizationConfigurationBody } from '../plan/bodies.ts'
import { ORGANIZATION_CONFIGURATION } from '../plan/paths.ts'
import type { OrganizationState, Plan } from '../plan/types.ts'
import { existingAuthorities } from './existing.ts'
import type { KindContext, KindPublisher } from './kind.ts'
import { permissionHint } from './permissions.ts'
import { deleteTolerant } from './writes.ts'

const hint = permissionHint('organization')
const opts = { permissionHint: hint }

async function read(context: KindContext): Promise<OrganizationState> {
  // The path's organization id is the tenant GUID: from the token, so a domain-name tenant-id works.
  const orgId = context.tenantId
  const items = await context.graph.getAll(ORGANIZATION_CONFIGURATION(orgId), opts)
  const current = items[0]
  if (current === undefined) return { kind: 'organization', orgId, configuration: null }
  const list = prop(current, 'certificateAuthorities')
  return {
    kind: 'organization',
    orgId,
    configuration: {
      id: stringProp(current, 'id') ?? ORGANIZATION_CONFIGURATION_ID,
      authorities: existingAuthorities(Array.isArray(list) ? list.filter(isJsonObject) : [])
    }
  }
}

/** Thumbprints the store holds now, or undefined when there is no configuration. */
async function heldThumbprints(context: KindContext, orgId: string): Promise<Set<string> | undefined> {
  const state = await read({ ...context, tenantId: orgId })
  return state.configuration === null ? undefined : new Set(state.configuration.authorities.map((ca) => ca.thumbprint))
}

/** POST the configuration; if the response is lost, read before trying again. */
async function createOnce(context: KindContext, path: string, body: unknown, orgId: string): Promise<void> {
  try {
    await context.graph.post(path, body, opts)
  } catch (error) {
    if (!(error instanceof AmbiguousWriteError)) throw error
    context.logger.warning('The response to creating the tenant trust store was lost; reading it before anything is repeated.')
    if ((await heldThumbprints(context, orgId)) !== undefined) return
    await context.graph.post(path, body, opts)
  }
}

async function apply(context: KindContext, plan: Plan, state: OrganizationState): Promise<void> {
  const { record } = context
  const create = plan.operations.find((op) => op.action === 'createConfiguration')
  if (create === undefined) return
  const path = ORGANIZATION_CONFIGURATION(state.orgId)
  const toCreate = plan.authorities.filter((a) => a.status === 'create').map((a) => a.thumbprint)
  const toRemove = plan.authorities.filter((a) => a.status === 'remove').map((a) => a.thumbprint)

  if (state.configuration === null) {
    context.onWrite()
    try {
      await createOnce(context, path, create.body, state.orgId)
    } catch (error) {
      // The store is a singleton: a concurrent run may have created it between our read and our POST.
      const held = await heldThumbprints(context, state.orgId).catch(() => undefined)
      if (held === undefined) throw error
      const missing = toCreate.filter((t) => !held.has(t))
      if (missing.length > 0) {
        throw new UserError(
          'Another run created the tenant trust store while this one was planning, without ' +
            `${missing.length} of the given CAs. Run again: the run then plans against the store as it is now ` +
            '(adding to an existing store needs `allow-recreate: true`).',
          { cause: error }
        )
      }
      context.logger.info('Another run created the tenant trust store at the same time, with every given CA.')
      record.configurationId = ORGANIZATION_CONFIGURATION_ID
      return
    }
    record.configurationId = ORGANIZATION_CONFIGURATION_ID
    record.created.push(...toCreate)
    return
  }

  const backup = organizationConfigurationBody(state.configuration.authorities)
  const backupPath = join(context.workDir, `entra-trust-store-backup-${state.orgId}-${Date.now()}.json`)
  writeFileSync(backupPath, `${JSON.stringify(backup, null, 2)}\n`)
  record.backupPath = backupPath
  context.logger.info(`Backed up the tenant trust store (${state.configuration.authorities.length} CAs) to ${backupPath}.`)

  const del = plan.operations.find((op) => op.action === 'deleteConfiguration')
  context.onWrite()
  if (del !== undefined) await deleteTolerant(context, del.path, hint)
  record.removed.push(...toRemove)
  try {
    await createOnce(context, path, create.body, state.orgId)
  } catch (error) {
    record.removed.length = 0
    await restore(context, path, backup, backupPath, state.orgId, error)
    throw new UserError(
      `Creating the new tenant trust store failed, so the backup was restored: the tenant trusts ` +
        `the same CAs as before this run. The failure: ${messageOf(error)}`
    )
  }
  record.configurationId = ORGANIZATION_CONFIGURATION_ID
  record.created.push(...toCreate)
  record.updated.push(...plan.authorities.filter((a) => a.status === 'update').map((a) => a.thumbprint))

  const held = await heldThumbprints(context, state.orgId)
  const wanted = plan.authorities.filter((a) => a.status !== 'remove').map((a) => a.thumbprint)
  const missing = wanted.filter((t) => !held?.has(t))
  if (missing.length > 0) {
    throw new UserError(
      `The tenant trust store was created again, but reading it back misses ${missing.join(', ')}. ` +
        `The backup of the previous store is at ${backupPath}; check the store in the Entra admin center.`
    )
  }
  context.logger.info(`Verified: the tenant trust store holds the ${wanted.length} CAs planned.`)
}

async function restore(
  context: KindContext,
  path: string,
  backup: unknown,
  backupPath: string,
  orgId: string,
  cause: unknown
): Promise<void> {
  context.logger.warning(`Creating the new tenant trust store failed (${messageOf(cause)}); restoring the backup.`)
  try {
    if ((await heldThumbprints(context, orgId)) === undefined) await createOnce(context, path, backup, orgId)
  } catch (restoreError) {
    const url = `${context.settings.graphUrl}/${context.settings.apiVersion}${path}`
    throw new UserError(
      'The tenant trust store was deleted, and neither the new one nor the backup could be created: ' +
        'Entra now trusts NO certificate authority for certificate-based sign-in. Restore it now from the backup ' +
        `${backupPath}, for example: az rest --method POST --url ${url} --headers Content-Type=application/json --body @${backupPath}\n` +
        `Create failed: ${messageOf(cause)}\nRestore failed: ${messageOf(restoreError)}`,
      { cause: restoreError }
    )
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

export const organizationPublisher: KindPublisher<OrganizationState> = {
  read,
  storeCertificates: (state) => state.configuration?.authorities.map((ca) => ca.der) ?? [],
  apply: (context, plan, state, _desired: readonly CertificateAuthority[]) => apply(context, plan, state)
}
