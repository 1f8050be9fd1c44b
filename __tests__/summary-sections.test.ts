// The job summary lists what annotations cannot hold: every problem, the expired CAs left out, and
// after a failed validation the CAs that did validate.
import { describe, expect, it } from '@jest/globals'
import type { CertificateAuthority, Problem } from '../src/certificates/types.ts'
import { problemsSection, skippedSection, validationFailureMarkdown } from '../src/summary-sections.ts'

const ca = (subject: string, file: string, index?: number): CertificateAuthority => ({
  thumbprint: subject.padEnd(40, '0').slice(0, 40),
  sha256: '0'.repeat(64),
  subject: `CN=${subject}`,
  issuer: 'CN=Root',
  issuerSki: 'AB',
  isRootAuthority: false,
  notBefore: '2024-01-01T00:00:00.000Z',
  notAfter: '2030-01-01T00:00:00.000Z',
  file,
  ...(index !== undefined ? { index } : {}),
  der: Buffer.alloc(0)
})

describe('summary sections', () => {
  it('lists every problem, one row each, pipes escaped', () => {
    const problems: Problem[] = Array.from({ length: 46 }, (_, i) => ({
      severity: 'warning',
      message: `CA ${i} | has no CRL URL`,
      file: 'dod.p7b',
      index: i + 1
    }))
    const lines = problemsSection(problems, false)
    expect(lines[1]).toBe('### Problems: 0 error(s), 46 warning(s), 0 notice(s)')
    const rows = lines.filter((l) => /^\| \d+ \|/.test(l))
    expect(rows).toHaveLength(46)
    expect(rows[45]).toBe('| 46 | warning | dod.p7b: certificate 46 | CA 45 \\| has no CRL URL |')
    expect(problemsSection(problems, true).filter((l) => l.includes('| error (strict) |'))).toHaveLength(46)
    expect(problemsSection([], false)).toEqual([])
  })

  it('lists the skipped CAs with thumbprint, expiry and place', () => {
    const lines = skippedSection([
      { thumbprint: 'A'.repeat(40), subject: 'CN=DOD SW CA-60', notAfter: '2025-04-02T13:34:49.000Z', file: 'dod.p7b', index: 18 }
    ])
    expect(lines).toContain(`| CN=DOD SW CA-60 | \`${'A'.repeat(40)}\` | 2025-04-02 | dod.p7b: certificate 18 |`)
    expect(skippedSection([])).toEqual([])
  })

  it('after a failed validation: the problems, and only the CAs without an error of their own', () => {
    const markdown = validationFailureMarkdown({
      title: 'Entra CA chain: pki "DoD"',
      outcome: 'Validation failed: 1 problem(s)',
      authorities: [ca('Good', 'dod.p7b', 1), ca('Expired', 'dod.p7b', 2), ca('Warned', 'dod.p7b', 3)],
      skipped: [],
      problems: [
        { severity: 'error', message: 'dod.p7b: certificate 2 expired', file: 'dod.p7b', index: 2 },
        { severity: 'warning', message: 'dod.p7b: certificate 3 has no CRL URL', file: 'dod.p7b', index: 3 }
      ],
      strict: false
    })
    expect(markdown).toContain('### CAs that validated: 2 of 3')
    expect(markdown).toContain('| CN=Good |')
    expect(markdown).toContain('| CN=Warned |')
    expect(markdown).not.toContain('| CN=Expired |')
    expect(markdown).toContain('### Problems: 1 error(s), 1 warning(s), 0 notice(s)')
  })
})
