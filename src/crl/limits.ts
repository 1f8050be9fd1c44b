// Entra's size limit for a CRL downloaded at an interactive sign-in, per cloud (Microsoft's CRL
// page: "20 MB in public Microsoft Entra ID and 45 MB in Azure US Government clouds"; China is
// operated like the public cloud). A larger CRL fails the sign-in with AADSTS2205014. The page
// does not say whether a MB is 10^6 or 2^20 bytes: 10^6 is the stricter reading, so a CRL this
// check passes fits either way.
import type { Cloud } from '../clouds.ts'

const MB = 1_000_000

export const CRL_SIZE_LIMITS: Readonly<Record<Cloud, number>> = {
  global: 20 * MB,
  china: 20 * MB,
  usgov: 45 * MB,
  dod: 45 * MB
}
