// Plan lines and the `plan` output name each CA operation's thumbprint (contract.md, "Review and
// audit"): the Federal PKI bundle holds three certificates of "Entrust Managed Services Root CA",
// all issued by the Federal Common Policy CA G2, which would otherwise read as three equal lines.
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { analyzeCertificates } from '../../src/certificates/analyze.ts'
import { loadCertificates } from '../../src/certificates/load.ts'
import { planOutput } from '../../src/outputs.ts'
import { emptyTenant, planPublication } from '../../src/plan/index.ts'
import type { PlanOptions } from '../../src/plan/types.ts'
import { planLines } from '../../src/summary.ts'
import { FIXTURES } from '../certificates/support/fixtures.ts'
import { pkcs7Fingerprints } from '../certificates/support/openssl.ts'

const REAL = path.join(FIXTURES, 'real')
const NOW = new Date('2026-12-01T00:00:00Z')
const ENTRUST = 'OU=Entrust Managed Services Root CA, OU=Certification Authorities, O=Entrust, C=US'

async function fpkiPlan(kind: 'pki') {
  const loaded = await loadCertificates(['fpki/fcpcag2.crt', 'fpki/caCertsIssuedByfcpcag2.p7c'], REAL)
  const analysis = analyzeCertificates(loaded.certificates, {
    now: NOW,
    minValidityDays: 0,
    crlOverrides: [],
    deferMissingIssuers: false,
    ifExpired: 'skip'
  })
  const options: PlanOptions = {
    kind,
    apiVersion: 'v1.0',
    mode: 'sync',
    now: NOW,
    displayName: 'Federal PKI',
    allowRecreate: false,
    issuerHints: false
  }
  return { analysis, plan: planPublication(analysis.authorities, emptyTenant(kind), options) }
}

describe('cross-certificates in the plan', () => {
  // (In `application` and `organization` a new configuration is one create holding every CA.)
  it('pki: three CAs of one subject are three lines, each with its thumbprint', async () => {
    const { analysis, plan } = await fpkiPlan('pki')
    const entrust = analysis.authorities.filter((a) => a.subject === ENTRUST)
    expect(entrust).toHaveLength(3)
    // The thumbprints as openssl computes them, from the bundle.
    const opensslThumbprints = await pkcs7Fingerprints(path.join(REAL, 'fpki/caCertsIssuedByfcpcag2.p7c'), 'DER')
    for (const ca of entrust) expect(opensslThumbprints).toContain(ca.thumbprint)

    const lines = planLines(plan).filter((line) => line.includes('Entrust Managed Services Root CA'))
    expect(lines).toHaveLength(3)
    expect(new Set(lines).size).toBe(3)
    for (const ca of entrust) expect(lines.filter((line) => line.endsWith(`(SHA-1 ${ca.thumbprint}))`))).toHaveLength(1)

    const output = planOutput(plan).filter((op) => op.reason.includes('Entrust Managed Services Root CA'))
    expect(output.map((op) => op.thumbprint).sort()).toEqual(entrust.map((ca) => ca.thumbprint).sort())
    for (const op of output) expect(op.reason).toContain(`(SHA-1 ${op.thumbprint})`)
  })

  it('an operation that is about no single CA names none', async () => {
    const { plan } = await fpkiPlan('pki')
    const [createPki] = planOutput(plan)
    expect(createPki).toEqual({
      method: 'POST',
      path: '/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations',
      reason: 'create the PKI "Federal PKI"'
    })
  })
})
