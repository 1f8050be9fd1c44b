// Throw-away CA certificates for the probe: self-signed roots made on the spot (RSA 2048, one year),
// so that nothing from a real PKI is ever sent to the test tenant.
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto'
import forge from 'node-forge'

export interface ProbeCa {
  readonly base64: string
  /** SHA-1 of the DER, upper-case hex. */
  readonly thumbprint: string
  readonly notAfter: string
  readonly subject: string
  readonly ski: string
}

export function makeCa(label: string): ProbeCa {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString())
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`
  const now = new Date()
  now.setUTCMilliseconds(0)
  cert.validity.notBefore = now
  cert.validity.notAfter = new Date(now.getTime() + 365 * 24 * 3600 * 1000)
  const attributes = [
    { name: 'organizationName', value: 'entra-ca-chain-action probe' },
    { name: 'commonName', value: label }
  ]
  cert.setSubject(attributes)
  cert.setIssuer(attributes)
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' }
  ])
  cert.sign(forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()), forge.md.sha256.create())
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary')
  return {
    base64: der.toString('base64'),
    thumbprint: createHash('sha1').update(der).digest('hex').toUpperCase(),
    notAfter: cert.validity.notAfter.toISOString(),
    subject: `CN=${label}, O=entra-ca-chain-action probe`,
    ski: cert.generateSubjectKeyIdentifier().toHex().toUpperCase()
  }
}

/** request.createCertificateAuthorityDetail, as the action sends it. */
export function caBody(ca: ProbeCa): Record<string, unknown> {
  return {
    certificate: ca.base64,
    certificateAuthorityType: 'root',
    thumbprint: ca.thumbprint,
    expirationDateTime: ca.notAfter,
    issuer: ca.subject,
    issuerSubjectKeyIdentifier: ca.ski,
    displayName: ca.subject.split(', ')[0]!.slice(3),
    isIssuerHintEnabled: false
  }
}
