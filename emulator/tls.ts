// A throw-away certificate authority and server certificate for loopback HTTPS servers, made with
// the openssl CLI at start. Clients trust it through NODE_EXTRA_CA_CERTS (child processes) or an
// explicit `ca` (in-process clients).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface LoopbackTls {
  /** PEM of the CA to trust. */
  readonly ca: string
  /** PEM of the server certificate (signed by `ca`) and its key. */
  readonly cert: string
  readonly key: string
  /** Path of a file holding `ca`, for NODE_EXTRA_CA_CERTS. */
  readonly caFile: string
}

/** Names the server certificate is valid for: loopback, plus `*.test` names for proxy tests. */
export const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1', '*.test', 'graph.test', 'login.test', 'oidc.test']

export function makeLoopbackTls(dir: string = mkdtempSync(join(tmpdir(), 'loopback-tls-'))): LoopbackTls {
  const run = (args: string[]): void => {
    execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] })
  }
  const p = (name: string): string => join(dir, name)
  run([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-days',
    '3650',
    '-subj',
    '/CN=Loopback Test CA',
    '-keyout',
    p('ca.key'),
    '-out',
    p('ca.pem'),
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign'
  ])
  const san = LOOPBACK_NAMES.map((n) => (/^[\d.:]+$/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',')
  writeFileSync(p('ext.cnf'), `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`)
  run([
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-subj',
    '/CN=localhost',
    '-keyout',
    p('server.key'),
    '-out',
    p('server.csr')
  ])
  run([
    'x509',
    '-req',
    '-in',
    p('server.csr'),
    '-CA',
    p('ca.pem'),
    '-CAkey',
    p('ca.key'),
    '-CAcreateserial',
    '-days',
    '3650',
    '-extfile',
    p('ext.cnf'),
    '-out',
    p('server.pem')
  ])
  const tls = {
    ca: readFileSync(p('ca.pem'), 'utf8'),
    cert: readFileSync(p('server.pem'), 'utf8'),
    key: readFileSync(p('server.key'), 'utf8'),
    caFile: p('ca.pem')
  }
  // Only the CA certificate stays on disk (for NODE_EXTRA_CA_CERTS); the keys live in memory only,
  // so a process killed before it cleans up leaves no private key behind.
  for (const name of ['ca.key', 'ca.srl', 'server.key', 'server.csr', 'server.pem', 'ext.cnf']) rmSync(p(name), { force: true })
  return tls
}
