// Kind 3 (beta only): certificateBasedApplicationConfiguration and its trustedCertificateAuthorities
// (graph-api.md §3). 1 to 10 CAs, at least one root, the last root cannot go; 100 per tenant,
// soft-deleted ones included.
import { randomUUID } from 'node:crypto'
import { badRequest, notFound } from '../errors.ts'
import { appCertificateAuthority, type AppCertificateAuthority, type ApplicationConfiguration } from '../state.ts'
import type { Reply } from '../types.ts'
import { certificateFromBody, duplicateAnswer, rejectDuplicates } from './certificates.ts'
import { entityReply, expandOption, listReply, noContent, type Entity, type GraphRequest } from './odata.ts'
import type { Route } from './router.ts'

export const MAX_APPLICATION_CONFIGURATIONS = 100
export const MAX_TRUSTED_CAS = 10

const A = 'directory/certificateAuthorities/certificateBasedApplicationConfigurations'
const CAS = `${A}/{configId}/trustedCertificateAuthorities`
const NAV = 'trustedCertificateAuthorities'

export const applicationRoutes: readonly Route[] = [
  {
    path: A,
    permission: 'application',
    betaOnly: true,
    methods: {
      GET: {
        name: 'application.list',
        run: (req) =>
          listReply(
            req,
            req.core.state.applicationConfigurations.map((c) => project(c, expanded(req)))
          )
      },
      POST: { name: 'application.create', schema: 'request.createCertificateBasedApplicationConfiguration', run: create }
    }
  },
  {
    path: `${A}/{configId}`,
    permission: 'application',
    betaOnly: true,
    methods: {
      GET: { name: 'application.get', run: (req) => entityReply(req, project(find(req), expanded(req))) },
      PATCH: { name: 'application.update', schema: 'request.updateCertificateBasedApplicationConfiguration', run: update },
      DELETE: { name: 'application.delete', run: remove }
    }
  },
  {
    path: CAS,
    permission: 'application',
    betaOnly: true,
    methods: {
      GET: {
        name: 'applicationCa.list',
        run: (req) =>
          listReply(
            req,
            find(req).trustedCertificateAuthorities.map((ca) => ({ ...ca }))
          )
      },
      POST: { name: 'applicationCa.create', schema: 'request.createCertificateAuthorityAsEntity', run: createCa }
    }
  },
  {
    path: `${CAS}/{caId}`,
    permission: 'application',
    betaOnly: true,
    methods: {
      GET: { name: 'applicationCa.get', run: (req) => entityReply(req, { ...findCa(req).ca }) },
      PATCH: { name: 'applicationCa.update', schema: 'request.updateCertificateAuthorityAsEntity', run: updateCa },
      DELETE: { name: 'applicationCa.delete', run: deleteCa }
    }
  }
]

/** `$expand=trustedCertificateAuthorities`, or the docs' list example that inlines them anyway. */
function expanded(req: GraphRequest): boolean {
  return expandOption(req, [NAV]).has(NAV) || req.core.config.oddities.inlineNavigation
}

function project(config: ApplicationConfiguration, withCas: boolean): Entity {
  const { trustedCertificateAuthorities: cas, ...rest } = config
  return withCas ? { ...rest, [NAV]: cas.map((ca) => ({ ...ca })) } : { ...rest }
}

function find(req: GraphRequest): ApplicationConfiguration {
  const id = req.params['configId'] ?? ''
  const config = req.core.state.applicationConfigurations.find((c) => c.id === id.toLowerCase())
  if (!config) throw notFound(id)
  return config
}

function findCa(req: GraphRequest): { config: ApplicationConfiguration; ca: AppCertificateAuthority } {
  const config = find(req)
  const id = req.params['caId'] ?? ''
  const ca = config.trustedCertificateAuthorities.find((c) => c.id === id.toLowerCase())
  if (!ca) throw notFound(id)
  return { config, ca }
}

function create(req: GraphRequest): Reply {
  const { state, config } = req.core
  const used = state.applicationConfigurations.length + state.deletedApplicationConfigurations
  if (used >= MAX_APPLICATION_CONFIGURATIONS) {
    throw badRequest(
      `The tenant holds ${used} certificateBasedApplicationConfiguration objects (soft-deleted ones included); ` +
        `the limit is ${MAX_APPLICATION_CONFIGURATIONS}. Permanently delete unused ones from deletedItems.`
    )
  }
  const items = req.body[NAV] as Entity[]
  const facts = items.map((item, i) => certificateFromBody(item['certificate'], `${NAV}[${i}].certificate`))
  rejectDuplicates(facts)
  if (!items.some((item) => item['isRootAuthority'] === true)) throw noRoot()
  const created: ApplicationConfiguration = {
    id: randomUUID(),
    deletedDateTime: null,
    displayName: (req.body['displayName'] as string | null | undefined) ?? null,
    description: (req.body['description'] as string | null | undefined) ?? null,
    trustedCertificateAuthorities: items.map((item, i) =>
      appCertificateAuthority(
        facts[i]!,
        item['isRootAuthority'] === true,
        (item['issuer'] as string | undefined) ?? facts[i]!.subject,
        (item['issuerSubjectKeyIdentifier'] as string | undefined) ?? facts[i]!.subjectKeyIdentifier
      )
    )
  }
  state.applicationConfigurations.push(created)
  // Documented as 200 OK with {"value": {...}} (graph-api.md §3.1, §6.2-3); switchable.
  const { status, wrapped } = config.oddities.applicationCreate
  return entityReply(req, project(created, true), { status, wrap: wrapped })
}

function update(req: GraphRequest): Reply {
  const config = find(req)
  if ('displayName' in req.body) config.displayName = req.body['displayName'] as string | null
  if ('description' in req.body) config.description = req.body['description'] as string | null
  return noContent(req)
}

function remove(req: GraphRequest): Reply {
  const { state } = req.core
  state.applicationConfigurations.splice(state.applicationConfigurations.indexOf(find(req)), 1)
  state.deletedApplicationConfigurations++
  return noContent(req)
}

function createCa(req: GraphRequest): Reply {
  const config = find(req)
  const cas = config.trustedCertificateAuthorities
  if (cas.length >= MAX_TRUSTED_CAS) {
    throw badRequest(`The configuration already holds ${cas.length} trusted certificate authorities; the limit is ${MAX_TRUSTED_CAS}.`)
  }
  const facts = certificateFromBody(req.body['certificate'], 'certificate')
  if (cas.some((ca) => certificateFromBody(ca.certificate, 'stored certificate').thumbprint === facts.thumbprint)) {
    const refusal = duplicateAnswer(req.core.config.unconfirmed.duplicates, facts)
    if (refusal !== undefined) throw refusal
  }
  const ca = appCertificateAuthority(
    facts,
    req.body['isRootAuthority'] === true,
    req.body['issuer'] as string,
    req.body['issuerSubjectKeyIdentifier'] as string
  )
  cas.push(ca)
  return entityReply(req, { ...ca }, { status: 201 })
}

function updateCa(req: GraphRequest): Reply {
  const { config, ca } = findCa(req)
  const isRoot = req.body['isRootAuthority']
  if (isRoot === false && ca.isRootAuthority && otherRoots(config, ca) === 0) throw lastRoot('changed to an intermediate')
  if (typeof isRoot === 'boolean') ca.isRootAuthority = isRoot
  return noContent(req)
}

function deleteCa(req: GraphRequest): Reply {
  const { config, ca } = findCa(req)
  if (ca.isRootAuthority && otherRoots(config, ca) === 0) throw lastRoot('deleted')
  if (config.trustedCertificateAuthorities.length === 1)
    throw badRequest('A configuration needs at least one trusted certificate authority.')
  config.trustedCertificateAuthorities.splice(config.trustedCertificateAuthorities.indexOf(ca), 1)
  return noContent(req)
}

function otherRoots(config: ApplicationConfiguration, ca: AppCertificateAuthority): number {
  return config.trustedCertificateAuthorities.filter((c) => c !== ca && c.isRootAuthority).length
}

const noRoot = (): Error => badRequest('At least one trusted certificate authority must be a root (isRootAuthority: true).')
const lastRoot = (what: string): Error =>
  badRequest(`The last root certificate authority of a configuration cannot be ${what}; add another root first.`)
