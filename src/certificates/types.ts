// Typed records of the certificate pipeline. This folder knows nothing of GitHub or Graph:
// it takes file bytes and returns CA records and problems, so other tools can reuse it.

/** Where a certificate came from: the file as the user named it, and its place in a bundle. */
export interface CertificateSource {
  /** Path as shown to the user (relative to the workspace when inside it). */
  readonly file: string
  /** 1-based position of the certificate in its file (PEM with many blocks, PKCS#7 bundle). */
  readonly index: number
  /** How many certificates the file holds; messages name the index only when this is > 1. */
  readonly count: number
}

export type KeyAlgorithm = 'rsa' | 'rsa-pss' | 'ec' | 'ed25519' | 'ed448' | 'dsa' | 'unknown'

/** A parsed X.509 certificate with the fields read from its DER. */
export interface ParsedCertificate {
  readonly der: Buffer
  readonly source: CertificateSource
  /** X.509 version: 1, 2 or 3. */
  readonly version: number
  /** Distinguished names, most specific RDN first, `, ` between RDNs (RFC 4514 escaping). */
  readonly subject: string
  readonly issuer: string
  /** SHA-1 of the DER, upper-case hex, 40 characters. */
  readonly thumbprint: string
  /** SHA-256 of the DER, upper-case hex, 64 characters. */
  readonly sha256: string
  /** subjectKeyIdentifier extension as upper-case hex; else SHA-1 of the subjectPublicKey (RFC 5280 §4.2.1.2 (1)). */
  readonly subjectKeyIdentifier: string
  readonly hasSubjectKeyIdentifierExtension: boolean
  /** keyIdentifier of the authorityKeyIdentifier extension, upper-case hex, when present. */
  readonly authorityKeyIdentifier?: string
  readonly notBefore: Date
  readonly notAfter: Date
  /** basicConstraints, when the extension is present. */
  readonly basicConstraints?: { readonly cA: boolean; readonly pathLenConstraint?: number }
  /** keyUsage, when the extension is present. */
  readonly keyUsage?: { readonly keyCertSign: boolean; readonly cRLSign: boolean; readonly digitalSignature: boolean }
  /** Every URI of the CRL distribution points extension, in order. */
  readonly crlDistributionPoints: readonly string[]
  /** Every URI of the freshest CRL (delta CRL) extension, in order. */
  readonly freshestCrl: readonly string[]
  readonly keyAlgorithm: KeyAlgorithm
  /** Named curve for EC keys (`P-256`, `P-384`, `P-521`, or the OID). */
  readonly curve?: string
  /** subject == issuer (byte-equal names) and the signature verifies with the certificate's own key. */
  readonly selfSigned: boolean
  /** DER of the subject and issuer Names, exactly as in the certificate (names compare byte for byte). */
  readonly subjectDer: Buffer
  readonly issuerDer: Buffer
}

export type Severity = 'error' | 'warning' | 'notice'

/** One finding about the input; `file` names the file (and `index` the certificate in a bundle). */
export interface Problem {
  readonly severity: Severity
  readonly message: string
  readonly file?: string
  readonly index?: number
}

/** A CA as the action will publish it: the `certificates` output plus the DER to send. */
export interface CertificateAuthority {
  readonly thumbprint: string
  readonly sha256: string
  /** The CA's own DN. */
  readonly subject: string
  /** DN of the CA that signed it (equal to `subject` for a root). */
  readonly issuer: string
  /** Graph's name for the CA's own subject key identifier (upper-case hex). */
  readonly issuerSki: string
  readonly isRootAuthority: boolean
  /** ISO 8601 UTC, e.g. 2030-01-01T00:00:00.000Z. */
  readonly notBefore: string
  readonly notAfter: string
  readonly crlUrl?: string
  readonly deltaCrlUrl?: string
  readonly file: string
  /** 1-based position of the certificate in `file`, present only when the file holds more than one. */
  readonly index?: number
  readonly der: Buffer
  /**
   * Present on an intermediate whose issuer is not in the set, when the analysis deferred that
   * check (`deferMissingIssuers`): `missingIssuerProblems` looks for the issuer in the tenant's store.
   */
  readonly issuerOutsideSet?: true
  /** What the CRL check found (src/crl-check.ts), when it ran; the certificate code never sets it. */
  readonly crl?: CrlHealth
}

/** The `crl` object of a CA in the `certificates` output. */
export interface CrlHealth {
  /** `ok`, `no-url`, or the short name of the first problem (`expired`, `too-large`, ...). */
  readonly status: string
  /** Size of the base CRL as downloaded (up to the cap when it is too large). */
  readonly bytes: number | null
  /** nextUpdate of the base CRL, ISO 8601 UTC. */
  readonly nextUpdate: string | null
}

/**
 * An explicit CRL URL for one CA, matched by SHA-1 thumbprint (the `crl-urls` input); it wins over
 * what is derived from the certificates. Same shape as the settings' `CrlOverride`.
 */
export interface CrlOverride {
  readonly thumbprint: string
  readonly crlUrl: string
  readonly deltaCrlUrl?: string
}

export interface AnalysisOptions {
  /** The clock: validity is judged at this instant. */
  readonly now: Date
  /** A CA that expires within this many days gets a warning. */
  readonly minValidityDays: number
  readonly crlOverrides: readonly CrlOverride[]
  /**
   * When true, an intermediate whose issuer is not in the set is not an error yet: the caller
   * checks it against the tenant's store later with `missingIssuerProblems`.
   */
  readonly deferMissingIssuers: boolean
  /**
   * `if-expired`: `error` makes an expired CA an error; `skip` leaves it out with a notice, so
   * that an official bundle that still carries expired CAs publishes as it is. Default `error`.
   */
  readonly ifExpired?: ExpiredPolicy
  /**
   * Certificates the CAs issued (`leaf-certificates`), read only for their CRL distribution
   * points: never published, never validated as CAs.
   */
  readonly leafCertificates?: readonly ParsedCertificate[]
}

export type ExpiredPolicy = 'error' | 'skip'

/** A CA left out by `if-expired: skip`: what the notice, the `skipped` output and the summary name. */
export interface SkippedAuthority {
  readonly thumbprint: string
  readonly subject: string
  /** ISO 8601 UTC. */
  readonly notAfter: string
  readonly file: string
  /** 1-based position in `file`, present only when the file holds more than one certificate. */
  readonly index?: number
}

/** The CAs to publish (roots first, parents before children) and every finding about them. */
export interface Analysis {
  readonly authorities: readonly CertificateAuthority[]
  readonly problems: readonly Problem[]
  /** Expired CAs left out (`if-expired: skip`), in input order. */
  readonly skipped: readonly SkippedAuthority[]
}

/** What loading found: the certificates it could parse and the problems with the rest. */
export interface LoadedCertificates {
  readonly certificates: readonly ParsedCertificate[]
  readonly problems: readonly Problem[]
}
