// The certificate pipeline: files -> parsed certificates -> validated, enriched CA records.
// It knows nothing of GitHub or Graph, so other tools can reuse it.
export { analyzeCertificates } from './analyze.ts'
export { missingIssuerProblems } from './chain.ts'
export { normalizeThumbprint } from './crl.ts'
export { loadCertificates } from './load.ts'
export { parseCertificate, CertificateFormatError } from './parse.ts'
export type * from './types.ts'
