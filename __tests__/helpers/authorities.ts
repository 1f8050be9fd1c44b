// Synthetic CA records for planner tests: the planner never parses certificates, so stand-in
// DER bytes are enough; thumbprints are their real SHA-1.
import { createHash, randomBytes } from 'node:crypto'
import type { CertificateAuthority } from '../../src/certificates/types.ts'
import type { ExistingAuthority } from '../../src/plan/types.ts'

let serial = 0

export function desiredCa(overrides: Partial<CertificateAuthority> & { root?: boolean } = {}): CertificateAuthority {
  serial += 1
  const der = overrides.der ?? Buffer.concat([Buffer.from([0x30, 0x82]), randomBytes(600)])
  const isRootAuthority = overrides.root ?? overrides.isRootAuthority ?? false
  const subject = overrides.subject ?? `CN=Test ${isRootAuthority ? 'Root' : 'Issuing'} CA ${serial}, O=Contoso, C=US`
  return {
    thumbprint: createHash('sha1').update(der).digest('hex').toUpperCase(),
    sha256: createHash('sha256').update(der).digest('hex').toUpperCase(),
    subject,
    issuer: isRootAuthority ? subject : 'CN=Test Root CA, O=Contoso, C=US',
    issuerSki: createHash('sha1').update(subject).digest('hex').toUpperCase(),
    isRootAuthority,
    notBefore: '2024-01-01T00:00:00.000Z',
    notAfter: '2074-01-01T00:00:00.000Z',
    file: `certs/ca-${serial}.pem`,
    der,
    ...Object.fromEntries(Object.entries(overrides).filter(([k]) => k !== 'root'))
  } as CertificateAuthority
}

let ids = 0
/** The same CA as the tenant would return it. */
export function existingFrom(ca: CertificateAuthority, overrides: Partial<ExistingAuthority> = {}): ExistingAuthority {
  ids += 1
  return {
    id: `00000000-0000-4000-8000-${String(ids).padStart(12, '0')}`,
    thumbprint: ca.thumbprint,
    der: ca.der,
    isRootAuthority: ca.isRootAuthority,
    subject: ca.subject,
    notAfter: new Date(ca.notAfter),
    ...(ca.crlUrl !== undefined ? { crlUrl: ca.crlUrl } : {}),
    ...(ca.deltaCrlUrl !== undefined ? { deltaCrlUrl: ca.deltaCrlUrl } : {}),
    ...overrides
  }
}
