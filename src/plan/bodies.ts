// Request bodies, exactly as the strict `request.*` schemas of graph-schema/ allow: CSDL property
// names, standard base64 (graph-api.md §4.6), read-only fields never sent, nulls omitted.
import type { DesiredAuthority, ExistingAuthority } from './types.ts'

type Body = Record<string, unknown>

/** What an organization CA entry carries: the fields both a desired and an existing CA can give. */
export interface OrganizationEntry {
  readonly der: Buffer
  readonly isRootAuthority: boolean
  readonly crlUrl?: string | undefined
  readonly deltaCrlUrl?: string | undefined
}

const crlFields = (crlUrl?: string, deltaCrlUrl?: string): Body => ({
  ...(crlUrl !== undefined ? { certificateRevocationListUrl: crlUrl } : {}),
  ...(deltaCrlUrl !== undefined ? { deltaCertificateRevocationListUrl: deltaCrlUrl } : {})
})

/** request.certificateAuthority: `issuer`/`issuerSki` are computed by the service and read-only. */
export function organizationAuthorityBody(entry: OrganizationEntry): Body {
  return {
    certificate: entry.der.toString('base64'),
    isRootAuthority: entry.isRootAuthority,
    ...crlFields(entry.crlUrl, entry.deltaCrlUrl)
  }
}

/** request.createCertificateBasedAuthConfiguration */
export function organizationConfigurationBody(entries: readonly OrganizationEntry[]): Body {
  return { certificateAuthorities: entries.map(organizationAuthorityBody) }
}

/** request.createCertificateBasedAuthPki */
export function pkiBody(displayName: string): Body {
  return { displayName }
}

/**
 * request.createCertificateAuthorityDetail. A direct POST must carry thumbprint and expiration
 * (the service fills them only on `upload`); issuer and SKI are sent too, since whether the
 * service derives them on POST is undocumented (graph-api.md §2.2).
 */
export function pkiAuthorityBody(ca: DesiredAuthority, issuerHints: boolean): Body {
  return {
    certificate: ca.der.toString('base64'),
    certificateAuthorityType: ca.isRootAuthority ? 'root' : 'intermediate',
    thumbprint: ca.thumbprint,
    expirationDateTime: ca.notAfter,
    issuer: ca.subject,
    issuerSubjectKeyIdentifier: ca.issuerSki,
    displayName: displayNameOf(ca.subject),
    ...crlFields(ca.crlUrl, ca.deltaCrlUrl),
    isIssuerHintEnabled: issuerHints
  }
}

/** request.updateCertificateAuthorityDetail: only what differs, or undefined when nothing does. */
export function pkiAuthorityPatch(ca: DesiredAuthority, existing: ExistingAuthority, issuerHints: boolean): Body | undefined {
  const patch: Body = {}
  const type = ca.isRootAuthority ? 'root' : 'intermediate'
  if (ca.isRootAuthority !== existing.isRootAuthority) patch.certificateAuthorityType = type
  if (ca.crlUrl !== undefined && ca.crlUrl !== existing.crlUrl) patch.certificateRevocationListUrl = ca.crlUrl
  if (ca.deltaCrlUrl !== undefined && ca.deltaCrlUrl !== existing.deltaCrlUrl) {
    patch.deltaCertificateRevocationListUrl = ca.deltaCrlUrl
  }
  if (issuerHints !== (existing.isIssuerHintEnabled ?? false)) patch.isIssuerHintEnabled = issuerHints
  return Object.keys(patch).length > 0 ? patch : undefined
}

/** request.certificateAuthorityAsEntity.inline and request.createCertificateAuthorityAsEntity alike. */
export function applicationAuthorityBody(ca: DesiredAuthority): Body {
  return {
    certificate: ca.der.toString('base64'),
    isRootAuthority: ca.isRootAuthority,
    issuer: ca.subject,
    issuerSubjectKeyIdentifier: ca.issuerSki
  }
}

/** request.createCertificateBasedApplicationConfiguration */
export function applicationConfigurationBody(displayName: string, description: string | undefined, cas: readonly DesiredAuthority[]): Body {
  return {
    displayName,
    ...(description !== undefined ? { description } : {}),
    trustedCertificateAuthorities: cas.map(applicationAuthorityBody)
  }
}

/** The CN of a DN when it has one (what the admin centre shows), else the whole DN. */
export function displayNameOf(subject: string): string {
  const cn = /(?:^|, )CN=((?:[^,\\]|\\.)*)/.exec(subject)?.[1]
  return (cn ?? subject).replace(/\\(.)/g, '$1').slice(0, 256)
}
