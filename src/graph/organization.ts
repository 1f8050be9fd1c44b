// kind organization: the tenant trust store, one singleton with the whole list and no PATCH
// (graph-api.md §1). A change is backup -> DELETE -> POST -> verify, and the backup goes back if
// the POST fails for good: a run must never leave the tenant without the CAs it trusted before,
// and never says it did not unless a read showed it (organization-store.ts).
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CertificateAuthority } from '../certificates/types.ts'
import { ORGANIZATION_CONFIGURATION_ID } from '../constants.ts'
import { UserError } from '../errors.ts'
import { prop, stringProp } from '../http/tolerant.ts'
import { isJsonObject } from '../http/tolerant.ts'
import { organizationConfigurationBody } from '../plan/bodies.ts'
import { ORGANIZATION_CONFIGURATION } from '../plan/paths.ts'
import type { OrganizationState, Plan } from '../plan/types.ts'
import { existingAuthorities } from './existing.ts'
import type { KindContext, KindPublisher } from './kind.ts'
import { permissionHint } from './permissions.ts'
import { createStore, holdsExactly, restoreStore } from './organization-store.ts'
import { readUntil } from './read-after-write.ts'
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

/** Thumbprints the store holds as a read shows it, or undefined when it shows no configuration. */
async function heldThumbprints(context: KindContext, orgId: string): Promise<Set<string> | undefined> {
  const state = await read({ ...context, tenantId: orgId })
  return state.configuration === null ? undefined : new Set(state.configuration.authorities.map((ca) => ca.thumbprint))
}

async function apply(context: KindContext, plan: Plan, state: OrganizationState): Promise<void> {
  const { record } = context
  const create = plan.operations.find((op) => op.action === 'createConfiguration')
  if (create === undefined) return
  const path = ORGANIZATION_CONFIGURATION(state.orgId)
  const readStore = (): Promise<Set<string> | undefined> => heldThumbprints(context, state.orgId)
  const toCreate = plan.authorities.filter((a) => a.status === 'create').map((a) => a.thumbprint)
  const toRemove = plan.authorities.filter((a) => a.status === 'remove').map((a) => a.thumbprint)
  const wanted = new Set(plan.authorities.filter((a) => a.status !== 'remove').map((a) => a.thumbprint))

  if (state.configuration === null) {
    context.onWrite()
    try {
      const outcome = await createStore(context, path, create.body, wanted, readStore, hint)
      if (outcome === 'present')
        context.logger.info(
          'A read shows the tenant trust store holding exactly the given CAs (created by an earlier attempt or a concurrent run).'
        )
      else record.created.push(...toCreate)
    } catch (error) {
      // The store is a singleton: a concurrent run may have created it between our read and our POST.
      const held = await readStore().catch(() => undefined)
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
    }
    record.configurationId = ORGANIZATION_CONFIGURATION_ID
    return
  }

  const backup = organizationConfigurationBody(state.configuration.authorities)
  const backupThumbprints = new Set(state.configuration.authorities.map((ca) => ca.thumbprint))
  const backupPath = join(context.workDir, `entra-trust-store-backup-${state.orgId}-${Date.now()}.json`)
  writeFileSync(backupPath, `${JSON.stringify(backup, null, 2)}\n`)
  record.backupPath = backupPath
  context.logger.info(`Backed up the tenant trust store (${state.configuration.authorities.length} CAs) to ${backupPath}.`)

  const del = plan.operations.find((op) => op.action === 'deleteConfiguration')
  context.onWrite()
  if (del !== undefined) await deleteTolerant(context, del.path, hint)
  record.removed.push(...toRemove)
  try {
    await createStore(context, path, create.body, wanted, readStore, hint)
  } catch (error) {
    record.removed.length = 0
    context.logger.warning(`Creating the new tenant trust store failed (${messageOf(error)}); restoring the backup.`)
    const restored = await restoreStore(context, path, { body: backup, thumbprints: backupThumbprints }, readStore, hint)
    if (restored.state === 'restored') {
      throw new UserError(
        'Creating the new tenant trust store failed, so the backup was restored: a read shows the tenant trusting ' +
          `the same ${backupThumbprints.size} CAs as before this run. The failure: ${messageOf(error)}`
      )
    }
    throw unknownState(context, path, backupPath, error, restored.error)
  }
  record.configurationId = ORGANIZATION_CONFIGURATION_ID
  record.created.push(...toCreate)
  record.updated.push(...plan.authorities.filter((a) => a.status === 'update').map((a) => a.thumbprint))

  // Right after the DELETE and POST a read may still show the old store: look again until it shows the new one.
  const { value: held, shown } = await readUntil(context.graph, readStore, (h) => holdsExactly(h, wanted))
  if (!shown) {
    const missing = [...wanted].filter((t) => !held?.has(t))
    throw new UserError(
      `The tenant trust store was created again, but reading it back ${missing.length > 0 ? `misses ${missing.join(', ')}` : 'shows other CAs too'}. ` +
        `The backup of the previous store is at ${backupPath}; check the store in the Entra admin center.`
    )
  }
  context.logger.info(`Verified: a read shows the tenant trust store holding the ${wanted.size} CAs planned.`)
}

/** No read showed the backup back: say so, and how to restore it by hand. */
function unknownState(context: KindContext, path: string, backupPath: string, cause: unknown, restoreError: unknown): UserError {
  const url = `${context.settings.graphUrl}/${context.settings.apiVersion}${path}`
  return new UserError(
    'The tenant trust store was deleted, the new one could not be created, and no read has shown the backup back: ' +
      'what the tenant trusts for certificate-based sign-in is UNKNOWN, possibly no certificate authority at all. ' +
      `Check it now, and restore it from the backup ${backupPath} if it is missing, for example:\n` +
      `az rest --method POST --url ${url} --headers Content-Type=application/json --body @${backupPath}\n` +
      `Create failed: ${messageOf(cause)}` +
      (restoreError !== undefined ? `\nRestore failed: ${messageOf(restoreError)}` : '\nThe restore was sent, but no read showed it yet.'),
    { cause: restoreError ?? cause }
  )
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

export const organizationPublisher: KindPublisher<OrganizationState> = {
  read,
  storeCertificates: (state) => state.configuration?.authorities.map((ca) => ca.der) ?? [],
  apply: (context, plan, state, _desired: readonly CertificateAuthority[]) => apply(context, plan, state)
}
