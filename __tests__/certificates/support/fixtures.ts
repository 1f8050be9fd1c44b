// The committed fixtures (see __fixtures__/certificates/generate.sh) and a clock that suits them:
// every fixture CA is valid from 2024-01-01, issuing CAs until 2034, roots until 2044 or 2074.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../__fixtures__/certificates')
export const fixture = (name: string): string => path.join(FIXTURES, name)

export const NOW = new Date('2026-06-01T00:00:00Z')

export const OPTIONS = { now: NOW, minValidityDays: 30, crlOverrides: [], deferMissingIssuers: false } as const

/** A fresh temporary folder, removed by the returned cleanup. */
export async function temporaryFolder(): Promise<{ readonly dir: string; readonly cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'certificates-test-'))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}
