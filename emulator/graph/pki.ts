// Kind 2: PKI containers (certificateBasedAuthPki) and their certificateAuthorityDetail children
// (graph-api.md §2). Limits: 250 CAs per PKI, 8 KB per certificate, no duplicate thumbprint.
import { badRequest, GraphError, notFound } from '../errors.ts'
import { newPki, pkiCertificateAuthority, type Pki, type PkiCertificateAuthority } from '../state.ts'
import { tryReadBase64Certificate, type CertificateFacts } from '../certificate.ts'
import type { Reply } from '../types.ts'
import { certificateFromBody, duplicateAnswer, duplicateCertificate } from './certificates.ts'
import { entityReply, expandOption, listReply, noContent, type Entity, type GraphRequest } from './odata.ts'
import type { Route } from './router.ts'

export const MAX_PKI_CAS = 250
export const MAX_CERTIFICATE_BYTES = 8 * 1024

const P = 'directory/publicKeyInfrastructure/certificateBasedAuthConfigurations'
const CAS = `${P}/{pkiId}/certificateAuthorities`

export const pkiRoutes: readonly Route[] = [
  {
    path: P,
    permission: 'pki',
    methods: {
      GET: { name: 'pki.list', run: listPkis },
      POST: { name: 'pki.create', schema: 'request.createCertificateBasedAuthPki', run: createPki }
    }
  },
  {
    path: `${P}/{pkiId}`,
    permission: 'pki',
    methods: {
      GET: { name: 'pki.get', run: getPki },
      PATCH: { name: 'pki.update', schema: 'request.updateCertificateBasedAuthPki', run: updatePki },
      DELETE: { name: 'pki.delete', run: deletePki }
    }
  },
  {
    // Upload makes the service download a file from a public URL: not emulated (the action POSTs each CA).
    path: `${P}/{pkiId}/upload`,
    permission: 'pki',
    methods: {
      POST: {
        name: 'pki.upload',
        schema: 'certificateBasedAuthPki.uploadParameters',
        run: (req) => {
          findPki(req)
          throw new GraphError(
            501,
            'NotImplemented',
            'The emulator does not download upload files; POST each CA to certificateAuthorities.'
          )
        }
      }
    }
  },
  {
    path: CAS,
    permission: 'pki',
    methods: {
      GET: { name: 'pkiCa.list', run: (req) => listReply(req, findPki(req).certificateAuthorities.map(projectCa)) },
      POST: { name: 'pkiCa.create', schema: 'request.createCertificateAuthorityDetail', run: createCa }
    }
  },
  {
    path: `${CAS}/{caId}`,
    permission: 'pki',
    methods: {
      GET: { name: 'pkiCa.get', run: (req) => entityReply(req, projectCa(findCa(req).ca)) },
      PATCH: { name: 'pkiCa.update', schema: 'request.updateCertificateAuthorityDetail', run: updateCa },
      DELETE: { name: 'pkiCa.delete', run: deleteCa }
    }
  }
]

function projectPki(pki: Pki): Entity {
  const { certificateAuthorities: _, ...rest } = pki
  return { ...rest }
}

function projectCa(ca: PkiCertificateAuthority): Entity {
  return { ...ca }
}

function findPki(req: GraphRequest): Pki {
  const id = req.params['pkiId'] ?? ''
  const pki = req.core.state.pkis.find((p) => p.id === id.toLowerCase())
  if (!pki) throw notFound(id)
  return pki
}

function findCa(req: GraphRequest): { pki: Pki; ca: PkiCertificateAuthority } {
  const pki = findPki(req)
  const id = req.params['caId'] ?? ''
  const ca = pki.certificateAuthorities.find((c) => c.id === id.toLowerCase())
  if (!ca) throw notFound(id)
  return { pki, ca }
}

function listPkis(req: GraphRequest): Reply {
  expandOption(req, []) // CSDL: Expandable=false
  return listReply(req, req.core.state.pkis.map(projectPki))
}

function getPki(req: GraphRequest): Reply {
  expandOption(req, []) // CSDL: Expandable=false
  return entityReply(req, projectPki(findPki(req)))
}

function createPki(req: GraphRequest): Reply {
  const pki = newPki((req.body['displayName'] as string | undefined) ?? null)
  req.core.state.pkis.push(pki)
  return entityReply(req, projectPki(pki), { status: 201 })
}

/** Documented as 200 with the updated object; the `patchNoContent` oddity answers 204. */
function patched(req: GraphRequest, entity: Entity): Reply {
  return req.core.config.oddities.patchNoContent ? noContent(req) : entityReply(req, entity, { wrap: false })
}

function updatePki(req: GraphRequest): Reply {
  const pki = findPki(req)
  if ('displayName' in req.body) pki.displayName = req.body['displayName'] as string
  pki.lastModifiedDateTime = new Date().toISOString()
  return patched(req, projectPki(pki))
}

function deletePki(req: GraphRequest): Reply {
  const pki = findPki(req)
  req.core.state.pkis.splice(req.core.state.pkis.indexOf(pki), 1)
  return noContent(req)
}

/** Size, duplicate and (optionally) derived-field checks for a CA certificate entering `pki`. */
function admit(req: GraphRequest, pki: Pki, facts: CertificateFacts, self?: PkiCertificateAuthority): void {
  if (facts.der.length > MAX_CERTIFICATE_BYTES) {
    throw badRequest(
      `The certificate is ${facts.der.length} bytes; a certificate authority can be at most 8 KB (${MAX_CERTIFICATE_BYTES} bytes).`
    )
  }
  const { body } = req
  if (req.core.config.checkDerivedFields) {
    const thumbprint = body['thumbprint']
    if (typeof thumbprint === 'string' && thumbprint.toUpperCase() !== facts.thumbprint) {
      throw badRequest(`thumbprint '${thumbprint}' does not match the certificate (its SHA-1 is ${facts.thumbprint}).`)
    }
    const expiration = body['expirationDateTime']
    if (typeof expiration === 'string' && Date.parse(expiration) !== facts.notAfter.getTime()) {
      throw badRequest(`expirationDateTime '${expiration}' does not match the certificate (notAfter ${facts.notAfter.toISOString()}).`)
    }
  }
  const clash = pki.certificateAuthorities.find((ca) => ca !== self && certificateThumbprint(ca) === facts.thumbprint)
  if (!clash) return
  // A create's answer to a duplicate is UNCONFIRMED (unconfirmed.duplicates); an update keeps the documented one.
  const refusal = self === undefined ? duplicateAnswer(req.core.config.unconfirmed.duplicates, facts) : duplicateCertificate(facts)
  if (refusal !== undefined) throw refusal
}

/** Each stored CA's thumbprint with the certificate text it was read from: a create compares with every CA held. */
const thumbprints = new WeakMap<PkiCertificateAuthority, { readonly certificate: string; readonly thumbprint: string }>()

/** Compares on the certificate bytes, not on the client-supplied thumbprint (parsed once: see tryReadBase64Certificate). */
function certificateThumbprint(ca: PkiCertificateAuthority): string {
  const known = thumbprints.get(ca)
  if (known?.certificate === ca.certificate) return known.thumbprint
  const thumbprint = tryReadBase64Certificate(ca.certificate)?.thumbprint ?? ca.thumbprint.toUpperCase()
  thumbprints.set(ca, { certificate: ca.certificate, thumbprint })
  return thumbprint
}

const SETTABLE = [
  'certificateAuthorityType',
  'displayName',
  'issuer',
  'issuerSubjectKeyIdentifier',
  'expirationDateTime',
  'thumbprint',
  'certificateRevocationListUrl',
  'deltaCertificateRevocationListUrl',
  'isIssuerHintEnabled'
] as const

function settable(body: Entity): Partial<PkiCertificateAuthority> {
  return Object.fromEntries(SETTABLE.filter((k) => k in body).map((k) => [k, body[k]])) as Partial<PkiCertificateAuthority>
}

function createCa(req: GraphRequest): Reply {
  const pki = findPki(req)
  if (pki.certificateAuthorities.length >= MAX_PKI_CAS) {
    throw badRequest(
      `The PKI already holds ${pki.certificateAuthorities.length} certificate authorities; a PKI can hold at most ${MAX_PKI_CAS}.`
    )
  }
  const facts = certificateFromBody(req.body['certificate'], 'certificate')
  admit(req, pki, facts)
  const ca = pkiCertificateAuthority(facts, settable(req.body))
  pki.certificateAuthorities.push(ca)
  pki.lastModifiedDateTime = new Date().toISOString()
  return entityReply(req, projectCa(ca), { status: 201 })
}

function updateCa(req: GraphRequest): Reply {
  const { pki, ca } = findCa(req)
  if ('certificate' in req.body) {
    const facts = certificateFromBody(req.body['certificate'], 'certificate')
    admit(req, pki, facts, ca)
    ca.certificate = facts.base64
  }
  Object.assign(ca, settable(req.body))
  pki.lastModifiedDateTime = new Date().toISOString()
  return patched(req, projectCa(ca))
}

function deleteCa(req: GraphRequest): Reply {
  const { pki, ca } = findCa(req)
  pki.certificateAuthorities.splice(pki.certificateAuthorities.indexOf(ca), 1)
  pki.lastModifiedDateTime = new Date().toISOString()
  return noContent(req)
}
