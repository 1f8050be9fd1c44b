// Reading Graph responses the way the documentation actually shows them (graph-api.md §6).
import type { JsonObject } from './types.ts'

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/**
 * Keys trimmed at every depth (§6.1: `"trustedCertificateAuthorities "`). Where a trimmed key
 * meets an exact one, the exact one wins.
 */
export function trimKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(trimKeys)
  if (!isJsonObject(value)) return value
  const result: JsonObject = {}
  const entries = Object.entries(value)
  for (const [key, child] of entries) {
    const name = key.trim()
    if (name !== key && Object.hasOwn(value, name)) continue
    result[name] = trimKeys(child)
  }
  return result
}

/**
 * A single object wrapped in `{"value": {...}}` (§6.2) unwrapped: the top level has a `value`
 * that is an object, and no `id`. A collection (`value` an array) stays as it is.
 */
export function unwrapValue(body: unknown): unknown {
  if (!isJsonObject(body) || prop(body, 'id') !== undefined) return body
  const inner = prop(body, 'value')
  return isJsonObject(inner) ? inner : body
}

/** The body of a Graph response as the kinds should read it. */
export function normaliseGraphBody(body: unknown): unknown {
  return unwrapValue(trimKeys(body))
}

/**
 * A property by name, the exact spelling first, else ignoring case and stray spaces (§6.6:
 * `deltacertificateRevocationListUrl`, `issuerSubjectkeyIdentifier`).
 */
export function prop(obj: unknown, name: string): unknown {
  if (!isJsonObject(obj)) return undefined
  if (Object.hasOwn(obj, name)) return obj[name]
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(obj)) {
    if (key.trim().toLowerCase() === wanted) return value
  }
  return undefined
}

/** `prop` narrowed to a string; undefined for anything else, null included. */
export function stringProp(obj: unknown, name: string): string | undefined {
  const value = prop(obj, name)
  return typeof value === 'string' ? value : undefined
}
