// The CRL check (contract.md "CRL check"): a step between the certificates and the plan. Like the
// certificate code it knows nothing of GitHub or Graph: it takes CAs and a way to fetch, and
// returns findings, each in Entra's terms (the AADSTS code a user would meet at sign-in).

/**
 * Short names of what can be wrong with a CRL (the `status` of the `certificates` output's `crl`
 * object), each with the AADSTS code Entra answers with. Codes from Microsoft's "Microsoft Entra
 * certificate-based authentication Certificate Revocation List (CRL)" page, error reference table.
 */
export const CRL_FINDINGS = {
  /** Connection refused, DNS failure, reset: "Unable to download CRL". */
  unreachable: 'AADSTS500173',
  /** "Unable to download CRL. Invalid status code {code} from CRL distribution point." */
  'http-status': 'AADSTS500173',
  /** "CRL download timed out." (Entra gives a download 10 s.) */
  timeout: 'AADSTS2205012',
  /** "...has exceeded the maximum allowed size ({size} bytes) for CRLs..." */
  'too-large': 'AADSTS2205014',
  /** "The downloaded contents are not a valid ASN-Encoded Certificate Revocation List (CRL)." */
  pem: 'AADSTS2205011',
  'not-a-crl': 'AADSTS2205011',
  /** "...failed signature validation. Expected Subject Key Identifier {expectedSKI} does not match CRL Authority Key {crlAK}." */
  'aki-mismatch': 'AADSTS2205015',
  'bad-signature': 'AADSTS2205015',
  /** "...is not valid. Current time: ..." (the CRL is not valid in time). */
  'not-yet-valid': 'AADSTS500172',
  expired: 'AADSTS500172',
  /** Valid now, but Entra caches a CRL until its nextUpdate: one that lapses soon fails sign-ins soon. */
  'expires-soon': 'AADSTS500172',
  /** "Delta CRL distribution point is configured without a corresponding CRL distribution point." */
  'delta-without-base': 'AADSTS500177',
  /** A base CRL URL serving a delta CRL, or a delta CRL that belongs to no base Entra can use. */
  'delta-mismatch': 'AADSTS500175'
} as const

export type CrlFindingName = keyof typeof CRL_FINDINGS

/** Which of a CA's two CRLs a finding is about. */
export type CrlRole = 'base' | 'delta'

export interface CrlFinding {
  readonly name: CrlFindingName
  readonly role: CrlRole
  readonly url: string
  readonly code: (typeof CRL_FINDINGS)[CrlFindingName]
  /** What is wrong, without the CA or URL (the report adds both). */
  readonly detail: string
  /** `expires-soon` only: a warning even under `crl-check: error`, since the CRL works today. */
  readonly advisory: boolean
}

/** What a CRL that parsed and was judged holds, for the summary and the outputs. */
export interface CrlFacts {
  readonly bytes: number
  readonly thisUpdate: Date
  readonly nextUpdate?: Date
  readonly crlNumber?: bigint
  /** deltaCRLIndicator's BaseCRLNumber: present only on a delta CRL. */
  readonly deltaBase?: bigint
}

/** The check of one CA: its CRL (and delta CRL) and every finding about them. */
export interface CrlCheck {
  readonly thumbprint: string
  readonly subject: string
  readonly crlUrl?: string
  readonly deltaCrlUrl?: string
  /** Size of the base CRL as downloaded (up to the cap when it was too large). */
  readonly bytes?: number
  readonly base?: CrlFacts
  readonly delta?: CrlFacts
  readonly findings: readonly CrlFinding[]
}

/** The part of a CA the check needs: who it is, where its CRLs are, and its certificate (for its key). */
export interface CrlSubject {
  readonly thumbprint: string
  readonly subject: string
  /** The CA's own subject key identifier, upper-case hex (what Entra compares with the CRL's AKI). */
  readonly issuerSki: string
  readonly der: Buffer
  readonly crlUrl?: string
  readonly deltaCrlUrl?: string
}

/** One download, as the fetcher reports it (fetch.ts); the check never sees a socket. */
export type Download =
  | { readonly kind: 'ok'; readonly bytes: Buffer }
  | { readonly kind: 'http-status'; readonly status: number }
  | { readonly kind: 'too-large'; readonly bytesRead: number; readonly limit: number }
  | { readonly kind: 'timeout'; readonly limitMs: number; readonly bytesRead: number }
  | { readonly kind: 'unreachable'; readonly reason: string }

export type Fetch = (url: string) => Promise<Download>
