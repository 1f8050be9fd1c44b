// The emulated tenant: what Graph holds for the three configuration kinds. Tests read it to check
// what a run did, and seed it to set up a tenant; seeding skips the service's checks on purpose
// (an expired CA, 250 CAs, a config without root), so tests can build states a client must cope with.
import { randomUUID } from 'node:crypto'
import { readCertificate, type CertificateFacts, type CertificateInput } from './certificate.ts'

/** The kind 1 singleton always has this id (graph-api.md §1.1). */
export const ORGANIZATION_CBA_ID = '29728ade-6ae4-4ee9-9103-412912537da5'

export interface OrgCertificateAuthority {
  certificate: string
  isRootAuthority: boolean
  certificateRevocationListUrl: string | null
  deltaCertificateRevocationListUrl: string | null
  /** Computed by the service: the CA's own subject DN. */
  issuer: string
  /** Computed by the service: the CA's own subject key identifier, upper-case hex. */
  issuerSki: string
}

export interface OrganizationCbaConfiguration {
  id: string
  certificateAuthorities: OrgCertificateAuthority[]
}

export type CertificateAuthorityType = 'root' | 'intermediate' | 'unknownFutureValue'

export interface PkiCertificateAuthority {
  id: string
  deletedDateTime: string | null
  certificate: string
  certificateAuthorityType: CertificateAuthorityType | null
  displayName: string | null
  issuer: string | null
  issuerSubjectKeyIdentifier: string | null
  expirationDateTime: string
  thumbprint: string
  certificateRevocationListUrl: string | null
  deltaCertificateRevocationListUrl: string | null
  isIssuerHintEnabled: boolean | null
  createdDateTime: string
}

export interface Pki {
  id: string
  deletedDateTime: string | null
  displayName: string | null
  status: string | null
  statusDetails: string | null
  lastModifiedDateTime: string
  certificateAuthorities: PkiCertificateAuthority[]
}

export interface AppCertificateAuthority {
  id: string
  certificate: string
  isRootAuthority: boolean
  issuer: string
  issuerSubjectKeyIdentifier: string
}

export interface ApplicationConfiguration {
  id: string
  deletedDateTime: string | null
  displayName: string | null
  description: string | null
  trustedCertificateAuthorities: AppCertificateAuthority[]
}

/** A CA to seed: the certificate alone (role and names derived from it) or with overrides. */
export type SeedCa =
  | CertificateInput
  | {
      readonly certificate: CertificateInput
      readonly isRootAuthority?: boolean
      readonly crlUrl?: string
      readonly deltaCrlUrl?: string
      readonly displayName?: string
      readonly isIssuerHintEnabled?: boolean
    }

export class TenantState {
  /** Kind 1: the tenant trust store, absent until created. */
  organizationCba: OrganizationCbaConfiguration | undefined
  /** Kind 2: PKI containers with their CAs. */
  readonly pkis: Pki[] = []
  /** Kind 3: application certificate trust configurations with their CAs. */
  readonly applicationConfigurations: ApplicationConfiguration[] = []
  /** Soft-deleted kind 3 configurations still count toward the 100-per-tenant quota (graph-api.md §3.3). */
  deletedApplicationConfigurations = 0

  clear(): void {
    this.organizationCba = undefined
    this.pkis.length = 0
    this.applicationConfigurations.length = 0
    this.deletedApplicationConfigurations = 0
  }

  seedOrganization(cas: readonly SeedCa[]): OrganizationCbaConfiguration {
    this.organizationCba = {
      id: ORGANIZATION_CBA_ID,
      certificateAuthorities: cas.map((seed) => {
        const { facts, options } = unpack(seed)
        return orgCertificateAuthority(facts, {
          isRootAuthority: options.isRootAuthority ?? facts.selfSigned,
          certificateRevocationListUrl: options.crlUrl ?? null,
          deltaCertificateRevocationListUrl: options.deltaCrlUrl ?? null
        })
      })
    }
    return this.organizationCba
  }

  seedPki(displayName: string, cas: readonly SeedCa[] = []): Pki {
    const pki = newPki(displayName)
    for (const seed of cas) {
      const { facts, options } = unpack(seed)
      pki.certificateAuthorities.push(
        pkiCertificateAuthority(facts, {
          certificateAuthorityType: (options.isRootAuthority ?? facts.selfSigned) ? 'root' : 'intermediate',
          issuer: facts.subject,
          issuerSubjectKeyIdentifier: facts.subjectKeyIdentifier,
          displayName: options.displayName ?? null,
          certificateRevocationListUrl: options.crlUrl ?? null,
          deltaCertificateRevocationListUrl: options.deltaCrlUrl ?? null,
          isIssuerHintEnabled: options.isIssuerHintEnabled ?? false
        })
      )
    }
    this.pkis.push(pki)
    return pki
  }

  seedApplicationConfiguration(displayName: string, cas: readonly SeedCa[], description: string | null = null): ApplicationConfiguration {
    const config: ApplicationConfiguration = {
      id: randomUUID(),
      deletedDateTime: null,
      displayName,
      description,
      trustedCertificateAuthorities: cas.map((seed) => {
        const { facts, options } = unpack(seed)
        return appCertificateAuthority(facts, options.isRootAuthority ?? facts.selfSigned)
      })
    }
    this.applicationConfigurations.push(config)
    return config
  }

  findPki(displayName: string): Pki | undefined {
    return this.pkis.find((p) => p.displayName === displayName)
  }

  findApplicationConfiguration(displayName: string): ApplicationConfiguration | undefined {
    return this.applicationConfigurations.find((c) => c.displayName === displayName)
  }
}

export function orgCertificateAuthority(
  facts: CertificateFacts,
  fields: Pick<OrgCertificateAuthority, 'isRootAuthority' | 'certificateRevocationListUrl' | 'deltaCertificateRevocationListUrl'>
): OrgCertificateAuthority {
  return { certificate: facts.base64, ...fields, issuer: facts.subject, issuerSki: facts.subjectKeyIdentifier }
}

export function newPki(displayName: string | null): Pki {
  return {
    id: randomUUID(),
    deletedDateTime: null,
    displayName,
    status: null,
    statusDetails: null,
    lastModifiedDateTime: new Date().toISOString(),
    certificateAuthorities: []
  }
}

export function pkiCertificateAuthority(facts: CertificateFacts, fields: Partial<PkiCertificateAuthority>): PkiCertificateAuthority {
  return {
    id: randomUUID(),
    deletedDateTime: null,
    certificateAuthorityType: null,
    displayName: null,
    issuer: null,
    issuerSubjectKeyIdentifier: null,
    certificateRevocationListUrl: null,
    deltaCertificateRevocationListUrl: null,
    isIssuerHintEnabled: false,
    ...fields,
    certificate: facts.base64,
    thumbprint: fields.thumbprint ?? facts.thumbprint,
    expirationDateTime: fields.expirationDateTime ?? facts.notAfter.toISOString(),
    createdDateTime: new Date().toISOString()
  }
}

export function appCertificateAuthority(
  facts: CertificateFacts,
  isRootAuthority: boolean,
  issuer: string = facts.subject,
  issuerSubjectKeyIdentifier: string = facts.subjectKeyIdentifier
): AppCertificateAuthority {
  return { id: randomUUID(), certificate: facts.base64, isRootAuthority, issuer, issuerSubjectKeyIdentifier }
}

function unpack(seed: SeedCa): { facts: CertificateFacts; options: Exclude<SeedCa, CertificateInput> } {
  const options = typeof seed === 'string' || Buffer.isBuffer(seed) ? { certificate: seed } : seed
  return { facts: readCertificate(options.certificate), options }
}
