// Per-kind limits on the desired set alone, checked before any network call (graph-api.md §2.4, §3.3).
import type { Problem } from '../certificates/types.ts'
import type { Kind } from '../settings-types.ts'
import { APPLICATION_MAX_AUTHORITIES } from './application.ts'
import { PKI_MAX_AUTHORITIES } from './pki.ts'
import type { DesiredAuthority } from './types.ts'

/** Largest CA certificate the PKI store takes ("CA files up to 8 KB"). */
export const PKI_MAX_CERTIFICATE_BYTES = 8 * 1024

export function kindLimitProblems(kind: Kind, desired: readonly DesiredAuthority[]): Problem[] {
  const problems: Problem[] = []
  if (kind === 'pki') {
    if (desired.length > PKI_MAX_AUTHORITIES) {
      problems.push({
        severity: 'error',
        message:
          `\`certificates\` gives ${desired.length} CAs; a PKI holds at most ${PKI_MAX_AUTHORITIES}. ` +
          'Split them over several steps with different `display-name`s.'
      })
    }
    for (const ca of desired) {
      if (ca.der.length > PKI_MAX_CERTIFICATE_BYTES) {
        problems.push({
          severity: 'error',
          file: ca.file,
          message:
            `${ca.file}: ${ca.subject} is ${ca.der.length} bytes; Entra's PKI store takes CA certificates of ` +
            `at most ${PKI_MAX_CERTIFICATE_BYTES} bytes (8 KB). Re-issue the CA without the bulky extensions.`
        })
      }
    }
  }
  if (kind === 'application') {
    if (desired.length > APPLICATION_MAX_AUTHORITIES) {
      problems.push({
        severity: 'error',
        message:
          `\`certificates\` gives ${desired.length} CAs; an application configuration holds 1 to ` +
          `${APPLICATION_MAX_AUTHORITIES}. Give at most ${APPLICATION_MAX_AUTHORITIES} CAs.`
      })
    }
    if (desired.length > 0 && !desired.some((ca) => ca.isRootAuthority)) {
      problems.push({
        severity: 'error',
        message: 'An application configuration needs at least one root CA, and `certificates` gives none; ' + 'add the root of the chain.'
      })
    }
  }
  return problems
}
