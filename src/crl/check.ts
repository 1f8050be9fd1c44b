// The CRL check of a set of CAs: download each CA's CRL and delta CRL (a bounded number at a
// time, through whatever `fetch` the caller gives), judge each (judge.ts), and pair a delta CRL
// with its base as Entra does: a delta only beside a base, and only one that extends that base.
import { downloadFinding, finding, judgeCrl, type Judgement } from './judge.ts'
import type { CrlCheck, CrlFinding, CrlRole, CrlSubject, Download, Fetch } from './types.ts'

export interface CheckOptions {
  readonly now: Date
  /** Downloads at a time. */
  readonly concurrency: number
  /** A CRL whose nextUpdate is closer than this gets a warning. */
  readonly expiryWarningMs: number
}

export const DEFAULT_CONCURRENCY = 4
/** "A few days": a weekly CRL republished halfway through its life never comes this close. */
export const EXPIRY_WARNING_MS = 3 * 24 * 3_600_000

export async function checkCrls(cas: readonly CrlSubject[], fetch: Fetch, options: CheckOptions): Promise<CrlCheck[]> {
  const limit = limiter(Math.max(1, options.concurrency))
  // CAs that share a CRL URL (a CA and its cross-certificate: one key, two certificates) share
  // one download; it is forgotten once done, so no CRL's bytes outlive the judgements of it.
  const inFlight = new Map<string, Promise<Download>>()
  const shared: Fetch = (url) => {
    let download = inFlight.get(url)
    if (download === undefined) {
      download = limit(() => fetch(url)).finally(() => inFlight.delete(url))
      inFlight.set(url, download)
    }
    return download
  }
  return Promise.all(cas.map((ca) => checkAuthority(ca, shared, options)))
}

async function checkAuthority(ca: CrlSubject, fetch: Fetch, options: CheckOptions): Promise<CrlCheck> {
  const identity = {
    thumbprint: ca.thumbprint,
    subject: ca.subject,
    ...(ca.crlUrl === undefined ? {} : { crlUrl: ca.crlUrl }),
    ...(ca.deltaCrlUrl === undefined ? {} : { deltaCrlUrl: ca.deltaCrlUrl })
  }
  if (ca.crlUrl === undefined) {
    const findings =
      ca.deltaCrlUrl === undefined
        ? []
        : [finding('delta-without-base', 'delta', ca.deltaCrlUrl, 'the CA has a delta CRL URL but no base CRL URL; give both')]
    return { ...identity, findings }
  }
  const judge = async (role: CrlRole, url: string): Promise<Judgement> => {
    const download = await fetch(url)
    if (download.kind === 'ok') return judgeCrl(ca, role, url, download.bytes, options)
    const bytes = download.kind === 'too-large' || download.kind === 'timeout' ? { bytes: download.bytesRead } : {}
    return { ...bytes, findings: [downloadFinding(download, role, url)] }
  }
  const [base, delta] = await Promise.all([
    judge('base', ca.crlUrl),
    ca.deltaCrlUrl === undefined ? undefined : judge('delta', ca.deltaCrlUrl)
  ])
  const findings = [...base.findings, ...(delta?.findings ?? []), ...pairingFindings(ca, base, delta)]
  return {
    ...identity,
    ...(base.bytes === undefined ? {} : { bytes: base.bytes }),
    ...(base.facts === undefined ? {} : { base: base.facts }),
    ...(delta?.facts === undefined ? {} : { delta: delta.facts }),
    findings
  }
}

/** RFC 5280 §5.2.4: a delta CRL names (deltaCRLIndicator) the oldest base CRL number it extends. */
function pairingFindings(ca: CrlSubject, base: Judgement, delta: Judgement | undefined): CrlFinding[] {
  const findings: CrlFinding[] = []
  if (base.facts?.deltaBase !== undefined) {
    findings.push(
      finding(
        'delta-mismatch',
        'base',
        ca.crlUrl!,
        'it is a delta CRL (deltaCRLIndicator), not a full CRL; point the CRL URL at the base CRL'
      )
    )
  }
  if (delta?.facts === undefined || ca.deltaCrlUrl === undefined) return findings
  const url = ca.deltaCrlUrl
  if (delta.facts.deltaBase === undefined) {
    findings.push(finding('delta-mismatch', 'delta', url, 'it is a full CRL, not a delta CRL (no deltaCRLIndicator)'))
  } else if (base.facts?.crlNumber !== undefined && delta.facts.deltaBase > base.facts.crlNumber) {
    findings.push(
      finding(
        'delta-mismatch',
        'delta',
        url,
        `it extends base CRL number ${delta.facts.deltaBase}, newer than the base CRL's number ${base.facts.crlNumber}: publish the base CRL again`
      )
    )
  }
  return findings
}

/** At most `size` of the returned function's tasks run at once; the rest wait in order. */
function limiter(size: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0
  const waiting: Array<() => void> = []
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve))
    running += 1
    try {
      return await task()
    } finally {
      running -= 1
      waiting.shift()?.()
    }
  }
}
