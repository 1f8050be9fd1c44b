// The Graph emulator: GitHub's OIDC token endpoint, Entra's token endpoint and Microsoft Graph
// (the three CA-chain configuration kinds) on loopback HTTPS. Each role listens on its own port of
// 127.0.0.1, so a request sent to the wrong host is visible in the log as such. See README.md.
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { handleAuthority, issueAccessToken } from './authority.ts'
import { makeConfig, type ConfigOverrides } from './config.ts'
import { Faults } from './faults.ts'
import { applicationRoutes } from './graph/application.ts'
import { organizationRoutes } from './graph/organization.ts'
import { pkiRoutes } from './graph/pki.ts'
import { serveBatch } from './graph/batch.ts'
import { eventuallyConsistent } from './graph/consistency.ts'
import { authenticate, graphHandler } from './graph/router.ts'
import { RequestSchemas } from './graph/schemas.ts'
import { SigningKey, type Claims } from './jwt.ts'
import { forgetIssuedTokens, rememberIssuedTokens } from './leaks.ts'
import { handleOidc, idTokenPath, issueIdToken } from './oidc.ts'
import { requestListener, type Pipeline } from './server.ts'
import { TenantState } from './state.ts'
import { makeLoopbackTls } from './tls.ts'
import type { EmulatorConfig, EmulatorCore, RequestRecord, Role } from './types.ts'

export interface EmulatorOptions {
  /** Ports on 127.0.0.1; 0 or absent picks a free one. */
  readonly ports?: { readonly graph?: number; readonly authority?: number; readonly oidc?: number }
  /** Default: a random GUID. */
  readonly tenantId?: string
  /** Application (client) id of the app with the federated credential. Default: a random GUID. */
  readonly clientId?: string
  /** Initial `emulator.config` (see config.ts for the defaults). */
  readonly config?: ConfigOverrides
  /** Folder of v1.0.json and beta.json; default `emulator/graph-schema` (a copy of shared/graph-schema). */
  readonly schemaDir?: string
  /** Called once per request, when it has been answered, dropped or left hanging. */
  readonly onRequest?: (record: RequestRecord) => void
}

/** The environment a child action process needs to reach the emulator. */
export interface EmulatorEnv {
  /** Already holds a `?`: clients append `&audience=…`. */
  readonly ACTIONS_ID_TOKEN_REQUEST_URL: string
  readonly ACTIONS_ID_TOKEN_REQUEST_TOKEN: string
  readonly NODE_EXTRA_CA_CERTS: string
}

/** Action inputs that point a run at the emulator, keyed by input name. */
// A type alias (not an interface) so that it passes where a Record<string, string> is expected.
export type EmulatorInputs = {
  readonly 'tenant-id': string
  readonly 'client-id': string
  readonly 'graph-url': string
  readonly 'authority-url': string
  readonly audience: string
}

export interface Emulator {
  /** Origins (no trailing slash) of Graph and the authority, and the full OIDC request URL. */
  readonly urls: { readonly graph: string; readonly authority: string; readonly oidcRequestUrl: string }
  /** PEM of the CA that signed the servers' certificate, and the file holding it. */
  readonly ca: string
  readonly caFile: string
  readonly tenantId: string
  readonly clientId: string
  /** Live settings: change them at any time. */
  readonly config: EmulatorConfig
  /** Every request, in arrival order. */
  readonly requests: RequestRecord[]
  /**
   * Every token the emulator issued (GitHub ID tokens and Graph access tokens, also those minted
   * by `idToken()` / `accessToken()`), oldest first. Kept across `reset()`: a token must never
   * reach a log, whenever it was issued. runAction checks every run against these (leaks.ts).
   */
  readonly issuedTokens: readonly string[]
  readonly state: TenantState
  readonly faults: Faults
  env(): EmulatorEnv
  inputs(): EmulatorInputs
  /** A GitHub ID token as the OIDC endpoint would issue it; `claims` override (e.g. `{ exp: 0 }`). */
  idToken(claims?: Claims): string
  /** A Graph access token as the token endpoint would issue it; `claims` override (e.g. `{ roles: [] }`). */
  accessToken(claims?: Claims): string
  /** Back to the start: empty tenant, no faults, empty log, default config. */
  reset(): void
  close(): Promise<void>
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const dir = mkdtempSync(join(tmpdir(), 'graph-emulator-'))
  // Removed by close(), and at exit by a process that never called it (a test that timed out).
  const removeDir = (): void => {
    rmSync(dir, { recursive: true, force: true })
  }
  process.once('exit', removeDir)
  const tls = makeLoopbackTls(dir)
  const config = makeConfig(options.config)
  const requests: RequestRecord[] = []
  const faults = new Faults()
  const urls = { graph: '', authority: '', oidcRequestUrl: '' }
  const core: EmulatorCore = {
    tenantId: options.tenantId ?? randomUUID(),
    clientId: options.clientId ?? randomUUID(),
    oidcRequestToken: randomBytes(24).toString('base64url'),
    urls,
    config,
    state: new TenantState(),
    githubKey: new SigningKey(),
    entraKey: new SigningKey(),
    schemas: new RequestSchemas(options.schemaDir),
    issuedTokens: []
  }
  const routes = [...organizationRoutes, ...pkiRoutes, ...applicationRoutes]
  const consistency = eventuallyConsistent(core, (c) => graphHandler(c, routes))
  const graph = consistency.handle
  /** Batch requests already throttled once (`unconfirmed.throttleItemsRetryAfter`). */
  const throttled = new Set<string>()
  const pipeline: Pipeline = {
    faults,
    requests,
    handlers: {
      oidc: (call) => handleOidc(core, call),
      authority: (call) => handleAuthority(core, call),
      graph
    },
    batch: (call, log) =>
      serveBatch(
        {
          faults,
          handle: graph,
          authenticate: (c) => {
            authenticate(core, c)
          },
          log,
          config,
          throttled
        },
        call
      ),
    ...(options.onRequest ? { onRequest: options.onRequest } : {})
  }

  const servers: Server[] = []
  const listen = async (role: Role, port = 0): Promise<string> => {
    const server = createServer({ key: tls.key, cert: tls.cert }, requestListener(pipeline, role))
    servers.push(server)
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => resolve())
    })
    const address = server.address()
    if (address === null || typeof address === 'string') throw new Error('emulator: no TCP address')
    return `https://127.0.0.1:${address.port}`
  }
  const issued = core.issuedTokens ?? []
  try {
    urls.graph = await listen('graph', options.ports?.graph)
    urls.authority = await listen('authority', options.ports?.authority)
    urls.oidcRequestUrl = `${await listen('oidc', options.ports?.oidc)}${idTokenPath()}?api-version=2.0`
    // Runs of the action in this process are checked against these tokens and the request token.
    rememberIssuedTokens(issued, core.oidcRequestToken)
  } catch (error) {
    await closeAll(servers)
    removeDir()
    process.off('exit', removeDir)
    throw error
  }

  return {
    urls,
    ca: tls.ca,
    caFile: tls.caFile,
    tenantId: core.tenantId,
    clientId: core.clientId,
    config,
    requests,
    issuedTokens: issued,
    state: core.state,
    faults,
    env: () => ({
      ACTIONS_ID_TOKEN_REQUEST_URL: urls.oidcRequestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: core.oidcRequestToken,
      NODE_EXTRA_CA_CERTS: tls.caFile
    }),
    inputs: () => ({
      'tenant-id': core.tenantId,
      'client-id': core.clientId,
      'graph-url': urls.graph,
      'authority-url': urls.authority,
      audience: config.expectedAudience
    }),
    idToken: (claims) => issueIdToken(core, claims),
    accessToken: (claims) => issueAccessToken(core, claims),
    reset: () => {
      core.state.clear()
      faults.clear()
      requests.length = 0
      throttled.clear()
      consistency.forget()
      Object.assign(config, makeConfig(options.config))
    },
    close: async () => {
      await closeAll(servers)
      removeDir()
      process.off('exit', removeDir)
      forgetIssuedTokens(issued)
    }
  }
}

/** Action inputs as the runner passes them: `INPUT_<NAME>` (spaces to `_`, upper-cased; `-` kept). */
export function inputsToEnv(inputs: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value]))
}

async function closeAll(servers: readonly Server[]): Promise<void> {
  await Promise.all(
    servers
      .filter((s) => s.listening)
      .map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve())
            server.closeAllConnections()
          })
      )
  )
}

export { ORGANIZATION_CBA_ID, TenantState } from './state.ts'
export type {
  ApplicationConfiguration,
  AppCertificateAuthority,
  OrganizationCbaConfiguration,
  OrgCertificateAuthority,
  Pki,
  PkiCertificateAuthority,
  SeedCa
} from './state.ts'
export type { FaultHandle, FaultRule, Faults } from './faults.ts'
export type { EmulatorConfig, Oddities, RequestRecord, Role, Unconfirmed } from './types.ts'
export { READ_ROLES, READ_WRITE_ROLES, type ConfigOverrides } from './config.ts'
export { readCertificate, type CertificateFacts } from './certificate.ts'
