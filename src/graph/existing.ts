// CAs as Graph returns them -> ExistingAuthority. The thumbprint is the SHA-1 of the certificate
// bytes read back, not a stored string: matching is on the bytes (graph-api.md §2.2).
import { createHash } from 'node:crypto'
import { parseCertificate } from '../certificates/parse.ts'
import { prop, stringProp } from '../http/tolerant.ts'
import type { JsonObject } from '../http/types.ts'
import type { ExistingAuthority } from '../plan/types.ts'

/** Edm.Binary: standard base64 as Graph sends it, URL-safe accepted too (graph-api.md §4.6). */
export function decodeBinary(value: string): Buffer {
  return Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
}

export function existingAuthority(raw: JsonObject): ExistingAuthority | undefined {
  const encoded = stringProp(raw, 'certificate')
  const der = encoded !== undefined ? decodeBinary(encoded) : undefined
  const thumbprint =
    der !== undefined && der.length > 0
      ? createHash('sha1').update(der).digest('hex').toUpperCase()
      : stringProp(raw, 'thumbprint')?.replace(/[\s:]/g, '').toUpperCase()
  if (thumbprint === undefined) return undefined
  let parsed: ReturnType<typeof parseCertificate> | undefined
  try {
    if (der !== undefined) parsed = parseCertificate(der, { file: 'tenant', index: 1, count: 1 })
  } catch {
    parsed = undefined // A certificate we cannot parse is still matched and kept by its bytes.
  }
  const rootFlag = prop(raw, 'isRootAuthority')
  const type = stringProp(raw, 'certificateAuthorityType')
  const expiration = stringProp(raw, 'expirationDateTime')
  const notAfter = parsed?.notAfter ?? (expiration !== undefined ? new Date(expiration) : undefined)
  const id = stringProp(raw, 'id')
  const subject = parsed?.subject ?? stringProp(raw, 'issuer')
  const crlUrl = stringProp(raw, 'certificateRevocationListUrl')
  const deltaCrlUrl = stringProp(raw, 'deltaCertificateRevocationListUrl')
  const hint = prop(raw, 'isIssuerHintEnabled')
  return {
    thumbprint,
    der: der ?? Buffer.alloc(0),
    isRootAuthority: typeof rootFlag === 'boolean' ? rootFlag : type !== undefined ? type === 'root' : (parsed?.selfSigned ?? false),
    ...(id !== undefined ? { id } : {}),
    ...(subject !== undefined ? { subject } : {}),
    ...(notAfter !== undefined && !Number.isNaN(notAfter.getTime()) ? { notAfter } : {}),
    ...(crlUrl !== undefined && crlUrl !== '' ? { crlUrl } : {}),
    ...(deltaCrlUrl !== undefined && deltaCrlUrl !== '' ? { deltaCrlUrl } : {}),
    ...(typeof hint === 'boolean' ? { isIssuerHintEnabled: hint } : {})
  }
}

export function existingAuthorities(items: readonly JsonObject[]): ExistingAuthority[] {
  return items.map(existingAuthority).filter((ca): ca is ExistingAuthority => ca !== undefined)
}
