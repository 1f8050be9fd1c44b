// ENTRA_CA_LOOPBACK_PAUSE_MS shortens every pause of the retry rule (backoff, and the cap on a
// Retry-After) to about that many milliseconds, so that end-to-end tests against the loopback
// emulator prove retries without waiting seconds. It is honoured only when Graph is on a loopback
// host: no setting can make a run against the real service resend faster than Graph asks.
import { UserError } from '../errors.ts'
import type { BackoffOptions } from './retry.ts'

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])

export function loopbackBackoff(env: NodeJS.ProcessEnv, graphUrl: string): Partial<BackoffOptions> {
  const raw = env.ENTRA_CA_LOOPBACK_PAUSE_MS
  if (raw === undefined || raw === '') return {}
  let host: string
  try {
    host = new URL(graphUrl).hostname
  } catch {
    return {}
  }
  if (!LOOPBACK.has(host)) return {}
  const ms = Number(raw)
  if (!Number.isInteger(ms) || ms < 0 || ms > 10_000) {
    throw new UserError(`ENTRA_CA_LOOPBACK_PAUSE_MS is "${raw}"; give a whole number of milliseconds from 0 to 10000.`)
  }
  return { baseDelayMs: ms, maxDelayMs: ms * 4, maxRetryAfterMs: ms }
}
