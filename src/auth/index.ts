// Sign-in: GitHub OIDC token -> MSAL client assertion -> Graph access token.
export { aadstsCode, serviceDescription, signInError, type SignInContext } from './aadsts.ts'
export { acquireGraphToken, authorityMetadata, type AcquireGraphTokenOptions, type GraphToken } from './graph-token.ts'
export { claimText, decodeJwtClaims, redactTokens, type JwtClaims } from './jwt.ts'
export { MsalNetworkModule } from './msal-network.ts'
export { checkOidcAvailable, fetchGitHubIdToken, idTokenUrl, type OidcDeps, type OidcRequest } from './oidc.ts'
