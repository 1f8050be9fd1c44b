// Reading JWT claims without verifying them (the issuer verifies; we only log and route), and
// keeping tokens out of text that may reach a log.

export type JwtClaims = Readonly<Record<string, unknown>>

/** The payload of a compact JWT, or undefined when it is not one. The signature is not checked. */
export function decodeJwtClaims(token: string): JwtClaims | undefined {
  const payload = token.split('.')[1]
  if (payload === undefined || payload === '') return undefined
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    return claims !== null && typeof claims === 'object' && !Array.isArray(claims) ? (claims as JwtClaims) : undefined
  } catch {
    return undefined
  }
}

/** A claim as text for messages: strings as they are, arrays joined, anything else as JSON. */
export function claimText(claims: JwtClaims | undefined, name: string): string {
  const value = claims?.[name]
  if (value === undefined) return '(absent)'
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map(String).join(', ')
  return JSON.stringify(value)
}

// A JWT (header starts with `{"`, hence `eyJ`), a bearer credential, or a client_assertion /
// access_token parameter.
const SECRET_PATTERNS: readonly RegExp[] = [
  /eyJ[\w-]*\.[\w-]*\.[\w-]*/g,
  /(bearer\s+)[^\s"',;]+/gi,
  /((?:client_assertion|access_token|refresh_token|id_token|client_secret)["']?\s*[=:]\s*["']?)[^\s"'&,;]+/gi
]

/** Text with anything that looks like a token replaced by `***`. */
export function redactTokens(text: string): string {
  let result = text
  for (const pattern of SECRET_PATTERNS) {
    result = result.replace(pattern, (match: string, prefix?: unknown) => (typeof prefix === 'string' ? `${prefix}***` : '***'))
  }
  return result
}
