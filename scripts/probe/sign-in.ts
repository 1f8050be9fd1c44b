// Client credentials for the probe: the app's secret, or an assertion signed with its certificate
// (RFC 7523; Entra wants `x5t#S256` naming the certificate). The token is kept in memory only.
import { createHash, createPrivateKey, randomUUID, sign, X509Certificate } from 'node:crypto'
import { text } from './graph.ts'
import type { ProbeSettings } from './settings.ts'

export async function signIn(settings: ProbeSettings): Promise<string> {
  const tokenUrl = `${settings.authorityUrl}/${settings.tenantId}/oauth2/v2.0/token`
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: settings.clientId,
    scope: `${settings.graphUrl}/.default`
  })
  if (settings.clientSecret !== undefined) form.set('client_secret', settings.clientSecret)
  else {
    form.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
    form.set('client_assertion', assertion(settings, tokenUrl))
  }
  const response = await fetch(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form })
  const body = (await response.json().catch(() => ({}))) as { access_token?: unknown; error?: unknown; error_description?: unknown }
  if (!response.ok || typeof body.access_token !== 'string') {
    // The description names the AADSTS code; it holds no secret.
    throw new Error(`Sign-in failed: HTTP ${response.status} ${text(body.error)}: ${text(body.error_description).split('\n')[0]}`)
  }
  return body.access_token
}

function assertion(settings: ProbeSettings, audience: string): string {
  const pem = settings.certificatePem ?? ''
  const certificate = new X509Certificate(pem)
  const key = createPrivateKey(pem)
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')
  const now = Math.floor(Date.now() / 1000)
  const header = part({ alg: 'RS256', typ: 'JWT', 'x5t#S256': createHash('sha256').update(certificate.raw).digest('base64url') })
  const claims = part({
    aud: audience,
    iss: settings.clientId,
    sub: settings.clientId,
    jti: randomUUID(),
    nbf: now,
    iat: now,
    exp: now + 600
  })
  const signature = sign('sha256', Buffer.from(`${header}.${claims}`), key).toString('base64url')
  return `${header}.${claims}.${signature}`
}
