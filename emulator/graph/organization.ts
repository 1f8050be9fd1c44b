// Kind 1: the tenant-wide certificateBasedAuthConfiguration singleton (graph-api.md §1).
// No PATCH (405): a change is DELETE then POST. A POST while one exists is refused with 400
// Request_BadRequest (the real status is UNCONFIRMED; 400 because retrying cannot help), or per
// `unconfirmed.duplicates` 409 with another text, or taken as a replacement (`accepted`).
import { tryReadBase64Certificate } from '../certificate.ts'
import { badRequest, GraphError, notFound } from '../errors.ts'
import { ORGANIZATION_CBA_ID, orgCertificateAuthority, type OrganizationCbaConfiguration } from '../state.ts'
import type { Reply } from '../types.ts'
import { certificateFromBody, isExpired, rejectDuplicates } from './certificates.ts'
import { entityReply, listReply, noContent, type Entity, type GraphRequest } from './odata.ts'
import type { Route } from './router.ts'

const CONFIG = 'organization/{orgId}/certificateBasedAuthConfiguration'

export const organizationRoutes: readonly Route[] = [
  { path: 'organization', permission: 'organization', methods: { GET: { name: 'organization.list', run: listOrganizations } } },
  { path: 'organization/{orgId}', permission: 'organization', methods: { GET: { name: 'organization.get', run: getOrganization } } },
  {
    path: CONFIG,
    permission: 'organization',
    methods: {
      GET: { name: 'organizationCba.list', run: list },
      POST: { name: 'organizationCba.create', schema: 'request.createCertificateBasedAuthConfiguration', run: create }
    }
  },
  {
    path: `${CONFIG}/{id}`,
    permission: 'organization',
    methods: { GET: { name: 'organizationCba.get', run: get }, DELETE: { name: 'organizationCba.delete', run: remove } }
  }
]

function organization(req: GraphRequest): Entity {
  const { core } = req
  return {
    id: core.tenantId,
    displayName: 'Contoso (emulated)',
    tenantType: 'AAD',
    verifiedDomains: core.config.domains.map((name, i) => ({
      name,
      isDefault: i === 0,
      isInitial: name.endsWith('.onmicrosoft.com'),
      type: 'Managed'
    }))
  }
}

function listOrganizations(req: GraphRequest): Reply {
  return listReply(req, [organization(req)])
}

function getOrganization(req: GraphRequest): Reply {
  checkOrganization(req)
  return entityReply(req, organization(req))
}

/** The path's organization id must be the tenant GUID. */
function checkOrganization(req: GraphRequest): void {
  const orgId = req.params['orgId'] ?? ''
  if (orgId.toLowerCase() !== req.core.tenantId.toLowerCase()) throw notFound(orgId)
}

function project(config: OrganizationCbaConfiguration): Entity {
  return { id: config.id, certificateAuthorities: config.certificateAuthorities.map((ca) => ({ ...ca })) }
}

function list(req: GraphRequest): Reply {
  checkOrganization(req)
  const config = req.core.state.organizationCba
  return listReply(req, config ? [project(config)] : [])
}

function existing(req: GraphRequest): OrganizationCbaConfiguration {
  checkOrganization(req)
  const id = req.params['id'] ?? ''
  const config = req.core.state.organizationCba
  if (!config || id.toLowerCase() !== config.id) throw notFound(id)
  return config
}

function get(req: GraphRequest): Reply {
  return entityReply(req, project(existing(req)))
}

function remove(req: GraphRequest): Reply {
  existing(req)
  req.core.state.organizationCba = undefined
  return noContent(req)
}

function create(req: GraphRequest): Reply {
  checkOrganization(req)
  const { state } = req.core
  const current = state.organizationCba
  if (current) {
    // Entra refuses to add CAs while any CA in the store is expired ([ENTRA], graph-api.md §1.3).
    const expired = current.certificateAuthorities.filter((ca) => {
      const facts = tryReadBase64Certificate(ca.certificate)
      return facts !== undefined && isExpired(facts)
    })
    if (expired.length > 0) {
      throw badRequest(
        `The trust store holds expired certificate authorities (${expired.map((ca) => ca.issuer).join('; ')}); ` +
          'certificate authorities cannot be added while an expired one is present. Delete the configuration first.'
      )
    }
    const mode = req.core.config.unconfirmed.duplicates
    if (mode === 'conflict') {
      throw new GraphError(
        409,
        'Request_MultipleObjectsWithSameKeyValue',
        'Another object with the same value for property id already exists.'
      )
    }
    if (mode === 'documented') {
      throw badRequest(
        `A certificateBasedAuthConfiguration already exists for this organization (id ${current.id}); ` +
          'it cannot be updated or created again: delete it first, then create it with the full list.'
      )
    }
  }
  const items = req.body['certificateAuthorities'] as Entity[]
  const facts = items.map((item, i) => certificateFromBody(item['certificate'], `certificateAuthorities[${i}].certificate`))
  for (const f of facts) {
    if (isExpired(f)) {
      throw badRequest(
        `Certificate authority '${f.subject}' expired on ${f.notAfter.toISOString()}; expired certificate authorities cannot be added.`
      )
    }
  }
  rejectDuplicates(facts)
  const config: OrganizationCbaConfiguration = {
    id: ORGANIZATION_CBA_ID,
    certificateAuthorities: items.map((item, i) =>
      orgCertificateAuthority(facts[i]!, {
        isRootAuthority: item['isRootAuthority'] === true,
        certificateRevocationListUrl: (item['certificateRevocationListUrl'] as string | null | undefined) ?? null,
        deltaCertificateRevocationListUrl: (item['deltaCertificateRevocationListUrl'] as string | null | undefined) ?? null
      })
    )
  }
  state.organizationCba = config
  return entityReply(req, project(config), { status: 201 })
}
