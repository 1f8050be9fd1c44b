// Inputs about the certificates and how they are judged: which files, the CRL URLs given by
// hand (or the user certificates that tell them), how early an expiry is warned about, what an
// expired CA gets, and whether warnings fail the run.
import { Inputs } from '../constants.ts'
import type { CrlOverride, Settings } from '../settings-types.ts'
import type { InputParser } from './input-parser.ts'

export type CertificateSettings = Pick<
  Settings,
  'certificates' | 'crlOverrides' | 'minValidityDays' | 'strict' | 'ifExpired' | 'leafCertificates'
>

const EXPIRED_POLICIES = ['error', 'skip'] as const

const SPACED_THUMBPRINT = /^((?:[0-9a-f]{2}\s+){19}[0-9a-f]{2})(?:\s+(.*))?$/i

export function parseCertificateInputs(p: InputParser): CertificateSettings {
  const certificates = p.lines(Inputs.certificates)
  if (certificates.length === 0) {
    p.errors.push(`Input \`${Inputs.certificates}\` is required: one path or glob pattern a line, relative to GITHUB_WORKSPACE.`)
  }
  const crlOverrides = parseCrlUrls(p)
  const rawDays = p.read(Inputs.minValidityDays)
  let minValidityDays = 30
  if (rawDays !== '') {
    if (/^\d{1,5}$/.test(rawDays)) minValidityDays = Number(rawDays)
    else p.errors.push(`Input \`${Inputs.minValidityDays}\` is "${rawDays}"; give a whole number of days, 0 or more.`)
  }
  return {
    certificates,
    crlOverrides,
    minValidityDays,
    strict: p.bool(Inputs.strict, false),
    ifExpired: p.oneOf(Inputs.ifExpired, EXPIRED_POLICIES, 'error') ?? 'error',
    leafCertificates: p.lines(Inputs.leafCertificates)
  }
}

/**
 * `crl-urls`: `<SHA-1 thumbprint> <CRL URL> [<delta CRL URL>]` a line. Only the shape is checked
 * here; what the values mean (a thumbprint of a given CA, http(s) URLs) is checked with the
 * certificates, in certificates/crl.ts.
 */
function parseCrlUrls(p: InputParser): CrlOverride[] {
  const overrides: CrlOverride[] = []
  p.read(Inputs.crlUrls)
    .split('\n')
    .forEach((text, i) => {
      const line = text.trim()
      if (line === '' || line.startsWith('#')) return
      // Windows shows a thumbprint as 20 hex pairs separated by spaces ("a9 09 50 ..."); take it as one field.
      const spaced = SPACED_THUMBPRINT.exec(line)
      const fields =
        spaced === null ? line.split(/\s+/) : [spaced[1]!.replace(/\s+/g, ''), ...(spaced[2] ?? '').split(/\s+/).filter((f) => f !== '')]
      const [thumbprint = '', crlUrl = '', deltaCrlUrl] = fields
      if (fields.length < 2 || fields.length > 3) {
        p.errors.push(
          `Input \`${Inputs.crlUrls}\` line ${i + 1} has ${fields.length} field(s); write \`<SHA-1 thumbprint> <CRL URL> [<delta CRL URL>]\`.`
        )
        return
      }
      overrides.push({ thumbprint, crlUrl, ...(deltaCrlUrl !== undefined ? { deltaCrlUrl } : {}) })
    })
  return overrides
}
