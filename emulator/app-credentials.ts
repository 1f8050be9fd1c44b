// An app registration's own credentials, for the maintainers' probe (scripts/probe/), which signs
// in the way a script run by hand does: a client secret, or a client assertion signed with the
// app's certificate (RS256, `x5t#S256` naming the certificate). Off unless a test registers one in
// `config.appCredentials`; the action itself only ever uses the federated GitHub token.
import { createHash, createPublicKey, verify, X509Certificate } from 'node:crypto'
import type { Claims } from './jwt.ts'
import type { EmulatorCore } from './types.ts'

export const JWT_BEARER_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

/** null: this form uses no registered app credential (the federated checks follow); else the verdict. */
export function appCredential(
  core: EmulatorCore,
  form: URLSearchParams,
  tokenUrl: string
): { ok: true } | { ok: false; text: string } | null {
  const { secret, certificatePem } = core.config.appCredentials
  const given = form.get('client_secret')
  if (given !== null && given !== '' && secret !== undefined) {
    return given === secret ? { ok: true } : { ok: false, text: 'Invalid client secret provided.' }
  }
  const assertion = form.get('client_assertion')
  if (certificatePem === undefined || assertion === null || form.get('client_assertion_type') !== JWT_BEARER_TYPE) return null
  const [head, body, signature] = assertion.split('.')
  const header = parse(head)
  const certificate = new X509Certificate(certificatePem)
  const thumbprint = createHash('sha256').update(certificate.raw).digest('base64url')
  if (header?.['x5t#S256'] !== thumbprint) return null // not signed by the registered certificate: maybe a federated token
  const ok = verify(
    'sha256',
    Buffer.from(`${head}.${body}`),
    createPublicKey(certificate.publicKey.export({ type: 'spki', format: 'pem' })),
    Buffer.from(signature ?? '', 'base64url')
  )
  const claims = parse(body)
  const now = Date.now() / 1000
  if (!ok || claims === undefined) return { ok: false, text: 'Client assertion failed signature validation.' }
  if (claims['iss'] !== core.clientId || claims['sub'] !== core.clientId)
    return { ok: false, text: 'Client assertion iss and sub must be the client id.' }
  if (claims['aud'] !== tokenUrl) return { ok: false, text: `Client assertion audience must be ${tokenUrl}.` }
  if (typeof claims['exp'] !== 'number' || claims['exp'] <= now) return { ok: false, text: 'Client assertion is expired.' }
  return { ok: true }
}

function parse(part: string | undefined): Claims | undefined {
  try {
    const value = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as unknown
    return value !== null && typeof value === 'object' ? (value as Claims) : undefined
  } catch {
    return undefined
  }
}
