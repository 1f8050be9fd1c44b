// ES256 JSON Web Tokens with a key made at start. The emulator holds two: one plays GitHub's OIDC
// issuer, the other Entra's token issuer, so an access token can never pass as an assertion.
import { createHash, generateKeyPairSync, sign, verify, type JsonWebKey, type KeyObject } from 'node:crypto'

export type Claims = Record<string, unknown>

export type Verified =
  | { readonly ok: true; readonly claims: Claims }
  | { readonly ok: false; readonly reason: 'malformed' | 'signature'; readonly claims?: Claims }

const b64url = (value: Buffer | string): string => Buffer.from(value).toString('base64url')

export class SigningKey {
  readonly kid: string
  readonly publicKey: KeyObject
  readonly #privateKey: KeyObject
  /**
   * Verdicts by token: a $batch of 20 carries one token 20 times, and an ECDSA verify per item
   * was a third of the emulator's time per create. Same bytes, same verdict; lifetime and
   * audience are still judged by the caller on every use.
   */
  readonly #verdicts = new Map<string, Verified>()

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    this.#privateKey = privateKey
    this.publicKey = publicKey
    this.kid = createHash('sha256')
      .update(publicKey.export({ type: 'spki', format: 'der' }))
      .digest('base64url')
      .slice(0, 27)
  }

  sign(claims: Claims): string {
    const header = b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid: this.kid }))
    const payload = b64url(JSON.stringify(claims))
    const signature = sign('sha256', Buffer.from(`${header}.${payload}`), { key: this.#privateKey, dsaEncoding: 'ieee-p1363' })
    return `${header}.${payload}.${b64url(signature)}`
  }

  verify(token: string): Verified {
    let verdict = this.#verdicts.get(token)
    if (verdict === undefined) {
      if (this.#verdicts.size >= 256) this.#verdicts.clear()
      verdict = this.#verify(token)
      this.#verdicts.set(token, verdict)
    }
    return verdict
  }

  #verify(token: string): Verified {
    const parts = decodeJwt(token)
    if (!parts) return { ok: false, reason: 'malformed' }
    const [header, payload, signature] = token.split('.') as [string, string, string]
    const good =
      parts.header['alg'] === 'ES256' &&
      verify(
        'sha256',
        Buffer.from(`${header}.${payload}`),
        { key: this.publicKey, dsaEncoding: 'ieee-p1363' },
        Buffer.from(signature, 'base64url')
      )
    return good ? { ok: true, claims: parts.claims } : { ok: false, reason: 'signature', claims: parts.claims }
  }

  jwk(): JsonWebKey {
    return { ...this.publicKey.export({ format: 'jwk' }), kid: this.kid, use: 'sig', alg: 'ES256' }
  }
}

/** Header and claims of a compact JWT, without checking the signature; undefined when malformed. */
export function decodeJwt(token: string): { header: Claims; claims: Claims } | undefined {
  const parts = token.split('.')
  if (parts.length !== 3) return undefined
  try {
    const header: unknown = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'))
    const claims: unknown = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'))
    if (!isObject(header) || !isObject(claims)) return undefined
    return { header, claims }
  } catch {
    return undefined
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000)
