// The demo's arithmetic: what one run of the action reported (its outputs) against what the
// emulator received. Every validated CA is either created or unchanged, and the plan's operations
// are the Graph writes sent, one each ($batch envelopes are round trips, not writes).
import type { RequestRecord } from '../emulator/index.ts'

const WRITE_METHODS = new Set(['POST', 'PATCH', 'DELETE', 'PUT'])

interface CertificateOutput {
  readonly thumbprint: string
  readonly subject: string
  readonly isRootAuthority: boolean
  readonly crlUrl: string | null
}

export interface RunCounts {
  /** Requests on the wire: OIDC, token, Graph (a $batch counts once). */
  readonly httpRequests: number
  readonly batches: number
  /** Graph writes, each item of a $batch on its own. */
  readonly writes: number
  readonly summary: string
  /** Counts that do not add up, as sentences. */
  readonly problems: string[]
}

const list = (json: string | undefined): unknown[] => (json === undefined || json === '' ? [] : (JSON.parse(json) as unknown[]))

export function countRun(outputs: Readonly<Record<string, string>>, requests: readonly RequestRecord[]): RunCounts {
  const onTheWire = requests.filter((r) => r.batch === undefined)
  const batches = onTheWire.filter((r) => /\/\$batch$/.test(r.path.split('?')[0]!)).length
  const writes = requests.filter(
    (r) => r.role === 'graph' && WRITE_METHODS.has(r.method) && !/\/\$batch$/.test(r.path.split('?')[0]!)
  ).length
  const cas = list(outputs.certificates).length
  const created = list(outputs.created).length
  const unchanged = list(outputs.unchanged).length
  const removed = list(outputs.removed).length
  const plan = list(outputs.plan).length
  const problems: string[] = []
  if (created + unchanged !== cas)
    problems.push(`${cas} CA(s) validated, but ${created} created + ${unchanged} unchanged = ${created + unchanged}`)
  if (plan !== writes) problems.push(`the plan had ${plan} operation(s), but ${writes} Graph write(s) were sent`)
  const summary =
    `${cas} CA(s) validated = ${created} created + ${unchanged} unchanged; ${removed} removed; ` +
    `plan ${plan} operation(s) = ${writes} Graph write(s) sent`
  return { httpRequests: onTheWire.length, batches, writes, summary, problems }
}

/** The validated CAs, one line each: role, SHA-1 thumbprint, subject, CRL URL. */
export function validationTable(outputs: Readonly<Record<string, string>>): string[] {
  const cas = list(outputs.certificates) as CertificateOutput[]
  return cas.map(
    (ca) => `${(ca.isRootAuthority ? 'root' : 'intermediate').padEnd(12)} ${ca.thumbprint}  ${ca.subject}  CRL ${ca.crlUrl ?? 'none'}`
  )
}
