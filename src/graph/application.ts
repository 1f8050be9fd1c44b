// kind application: a configuration found by display name, its CAs a child collection (beta,
// graph-api.md §3). Operations run in plan order: it keeps a root and the 10-CA cap at each step.
import type { CertificateAuthority } from '../certificates/types.ts'
import { UserError } from '../errors.ts'
import { isRefusal, isUnknownOutcome } from './outcome.ts'
import { readUntil } from './read-after-write.ts'
import { isJsonObject, prop, stringProp } from '../http/tolerant.ts'
import type { JsonObject } from '../http/types.ts'
import { APPLICATION_MAX_AUTHORITIES } from '../plan/application.ts'
import { applicationAuthorityBody } from '../plan/bodies.ts'
import { APPLICATION_AUTHORITIES, APPLICATION_CONTAINER } from '../plan/paths.ts'
import type { ApplicationState, ExistingAuthority, Operation, Plan } from '../plan/types.ts'
import { existingAuthorities } from './existing.ts'
import type { KindContext, KindPublisher } from './kind.ts'
import { findAllByDisplayName, findByDisplayName } from './named.ts'
import { permissionHint } from './permissions.ts'
import { deleteTolerant } from './writes.ts'

const hint = permissionHint('application')
const opts = { permissionHint: hint }
const displayNameOf = (context: KindContext): string => context.settings.displayName ?? ''

const listAuthorities = (context: KindContext, id: string): Promise<JsonObject[]> => context.graph.getAll(APPLICATION_AUTHORITIES(id), opts)

async function read(context: KindContext): Promise<ApplicationState> {
  const found = await findByDisplayName(context.graph, APPLICATION_CONTAINER, displayNameOf(context), context.logger, hint)
  const id = stringProp(found, 'id')
  if (found === undefined || id === undefined) return { kind: 'application', configuration: null, authorities: [] }
  const description = stringProp(found, 'description')
  return {
    kind: 'application',
    configuration: { id, displayName: stringProp(found, 'displayName') ?? '', ...(description !== undefined ? { description } : {}) },
    authorities: existingAuthorities(await listAuthorities(context, id))
  }
}

async function apply(context: KindContext, plan: Plan, state: ApplicationState, desired: readonly CertificateAuthority[]): Promise<void> {
  const { graph, record } = context
  let created: string | undefined
  for (const op of plan.operations) {
    context.onWrite()
    switch (op.action) {
      case 'createConfiguration':
        created = await createConfiguration(context, op)
        break
      case 'updateConfiguration':
        await graph.patch(op.path, op.body, opts)
        break
      case 'createAuthority':
        await createAuthority(context, op, state.configuration?.id ?? '')
        break
      case 'updateAuthority':
        await graph.patch(op.path, op.body, opts)
        if (op.thumbprint !== undefined) record.updated.push(op.thumbprint)
        break
      case 'deleteAuthority':
        await deleteTolerant(context, op.path, hint)
        if (op.thumbprint !== undefined) record.removed.push(op.thumbprint)
        break
      case 'deleteConfiguration':
        throw new Error('internal: the application plan never deletes a configuration')
    }
  }
  if (state.configuration !== null) record.configurationId = state.configuration.id
  // Graph does not enforce unique names: if a concurrent run created one of the same name with a
  // lower id, that one wins and ours moves there.
  if (created !== undefined) {
    // The list must show ours before it can tell which wins: reads lag writes.
    const { value: namesakes } = await readUntil(
      graph,
      () => findAllByDisplayName(graph, APPLICATION_CONTAINER, displayNameOf(context), hint),
      (found) => found.some((config) => stringProp(config, 'id') === created)
    )
    const winner = stringProp(namesakes[0], 'id')
    if (winner !== undefined && winner !== created) await moveTo(context, winner, created, desired)
  }
}

async function createConfiguration(context: KindContext, op: Operation): Promise<string> {
  let created: JsonObject | undefined
  try {
    created = await context.graph.post(op.path, op.body, opts)
  } catch (error) {
    if (!isUnknownOutcome(error)) throw error
    context.logger.warning(
      'The response to creating the application configuration was lost or a 5xx; looking it up by name before creating it again.'
    )
    // Reads lag writes: look a few times before taking the create as not done.
    const { value: found } = await readUntil(
      context.graph,
      () => findByDisplayName(context.graph, APPLICATION_CONTAINER, displayNameOf(context), context.logger, hint),
      (config) => config !== undefined
    )
    created = found ?? (await context.graph.post(op.path, op.body, opts))
  }
  const id = stringProp(created, 'id')
  if (id === undefined) throw new Error(`POST ${op.path} returned no id for the new configuration`)
  context.record.configurationId = id
  // The create response may or may not inline the CAs (graph-api.md §6.10); their ids come from the list.
  const inline = prop(created, 'trustedCertificateAuthorities')
  const items =
    Array.isArray(inline) && inline.every((i) => isJsonObject(i) && stringProp(i, 'id') !== undefined)
      ? (inline as JsonObject[])
      : await listAuthorities(context, id)
  for (const ca of existingAuthorities(items)) {
    context.record.created.push(ca.thumbprint)
    if (ca.id !== undefined) context.record.createdAuthorityIds.push(ca.id)
  }
  return id
}

/**
 * POSTs one CA. Whether a create took effect is settled by reading, never by error text
 * (contract.md "First contact with a real tenant"): response lost or 5xx -> read, and create
 * again only if the CA is missing; 4xx -> read (looking again while reads lag): a CA the
 * configuration holds is there, else the error stands.
 */
async function createAuthority(context: KindContext, op: Operation, configurationId: string): Promise<void> {
  const held = (): Promise<ExistingAuthority | undefined> => heldAuthority(context, configurationId, op.thumbprint)
  let id: string | undefined
  // At most two POSTs: the first, and one more once a read shows the CA missing after an unknown outcome.
  for (let send = 1; ; send++) {
    try {
      id = stringProp(await context.graph.post(op.path, op.body, opts), 'id')
      if (send > 1 && id !== undefined) await keepOne(context, configurationId, op.thumbprint, id)
      break
    } catch (error) {
      if (isRefusal(error)) {
        const { value } = await readUntil(context.graph, held, (ca) => ca !== undefined)
        if (value === undefined) throw error
        context.logger.info(
          `${op.thumbprint} is in the configuration already (its create was answered HTTP ${error.status}; a read shows it).`
        )
        if (send === 1) return
        id = value.id // our first, lost, attempt took effect after all
        break
      }
      if (!isUnknownOutcome(error) || send > 1) throw error
      context.logger.warning(
        `The response to adding ${op.thumbprint} was lost or a 5xx; the configuration is read again before anything is repeated.`
      )
      const found = await held()
      if (found !== undefined) {
        id = found.id
        break
      }
    }
  }
  if (op.thumbprint !== undefined) context.record.created.push(op.thumbprint)
  if (id !== undefined) context.record.createdAuthorityIds.push(id)
}

const heldAuthority = async (context: KindContext, configurationId: string, thumbprint: string | undefined) =>
  existingAuthorities(await listAuthorities(context, configurationId)).find((ca) => ca.thumbprint === thumbprint)

/**
 * After a create sent again: a lagging read may have hidden the first, and Graph may keep a second
 * identical CA (UNCONFIRMED). Once a read shows ours, an older entry of the same CA wins and ours goes.
 */
async function keepOne(context: KindContext, configurationId: string, thumbprint: string | undefined, ours: string): Promise<void> {
  const { value: cas } = await readUntil(
    context.graph,
    async () => existingAuthorities(await listAuthorities(context, configurationId)),
    (list) => list.some((ca) => ca.id === ours)
  )
  const same = cas.filter((ca) => ca.thumbprint === thumbprint && ca.id !== undefined && ca.id !== ours)
  if (same.length === 0) return
  context.logger.warning(`${thumbprint} is held twice (a create sent again was kept as a second entry); deleting ${ours}.`)
  await deleteTolerant(context, `${APPLICATION_AUTHORITIES(configurationId)}/${ours}`, hint)
}

/** Adds the given CAs the winner lacks (roots first), then deletes the configuration this run created. */
async function moveTo(context: KindContext, winner: string, ours: string, desired: readonly CertificateAuthority[]): Promise<void> {
  context.logger.warning(
    `Another run created an application configuration named "${displayNameOf(context)}" at the same ` +
      `time; the one with the lowest id (${winner}) wins, so this run's CAs move there and the one it created (${ours}) is deleted.`
  )
  const { record } = context
  record.created.length = 0
  record.createdAuthorityIds.length = 0
  const held = new Set(existingAuthorities(await listAuthorities(context, winner)).map((ca) => ca.thumbprint))
  const missing = desired.filter((ca) => !held.has(ca.thumbprint)).sort((a, b) => Number(b.isRootAuthority) - Number(a.isRootAuthority))
  if (held.size + missing.length > APPLICATION_MAX_AUTHORITIES) {
    throw new UserError(
      `Two runs created an application configuration named "${displayNameOf(context)}" at the same time, ` +
        `and together they hold ${held.size + missing.length} CAs, over Entra's ${APPLICATION_MAX_AUTHORITIES}. Both are kept ` +
        `(${winner}, ${ours}); give each run its own \`display-name\` and delete one.`
    )
  }
  for (const ca of missing) {
    const op: Operation = {
      action: 'createAuthority',
      method: 'POST',
      path: APPLICATION_AUTHORITIES(winner),
      reason: 'move',
      thumbprint: ca.thumbprint,
      body: applicationAuthorityBody(ca)
    }
    await createAuthority(context, op, winner)
  }
  await deleteTolerant(context, `${APPLICATION_CONTAINER}/${ours}`, hint)
  record.configurationId = winner
}

export const applicationPublisher: KindPublisher<ApplicationState> = {
  read,
  storeCertificates: (state) => state.authorities.map((ca) => ca.der),
  apply
}
