// Dev tool (tests, demo, bench): test CAs and the CRLs they sign, made with the openssl CLI
// (`openssl req -x509`, `openssl ca -gencrl`), so that the action's CRL check is judged against
// CRLs it did not make. Each CA lives in its own folder with its key, certificate and openssl
// `ca` database; the folder is the caller's to remove.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export type KeyType = 'rsa' | 'rsa-pss' | 'p256' | 'p384' | 'p521' | 'ed25519'

export interface TestAuthority {
  readonly name: string
  readonly dir: string
  readonly keyType: KeyType
  /** Paths of the CA's certificate (PEM) and key. */
  readonly certFile: string
  readonly keyFile: string
  /** The certificate's DER. */
  readonly der: Buffer
  /** subjectKeyIdentifier, upper-case hex. */
  readonly ski: string
}

export interface CrlOptions {
  /** Default: now minus one hour. */
  readonly thisUpdate?: Date
  /** Default: thisUpdate plus 30 days. */
  readonly nextUpdate?: Date
  /** Default 1. */
  readonly crlNumber?: number
  /** Makes a delta CRL whose deltaCRLIndicator names this base CRL number. */
  readonly deltaOf?: number
  /** Sign with this CA's key and certificate instead (a foreign-signed CRL). */
  readonly signer?: TestAuthority
  /** authorityKeyIdentifier: the signer's (default), none (`''`), or this hex (to forge another CA's). */
  readonly aki?: string
  /** Serial numbers (hex) listed as revoked. */
  readonly revoked?: readonly string[]
  /** RSA only: sign with RSASSA-PSS (salt length 32, SHA-256). */
  readonly pss?: boolean
  readonly format?: 'der' | 'pem'
}

const KEY_ARGS: Readonly<Record<KeyType, readonly string[]>> = {
  rsa: ['-newkey', 'rsa:2048'],
  'rsa-pss': ['-newkey', 'rsa-pss', '-pkeyopt', 'rsa_keygen_bits:2048'],
  p256: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  p384: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384'],
  p521: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-521'],
  ed25519: ['-newkey', 'ed25519']
}

export function openssl(args: readonly string[], input?: string | Buffer): Buffer {
  return execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'pipe'] })
}

/** A self-signed CA (with a subjectKeyIdentifier) in a fresh folder under `parent`. */
export function makeTestAuthority(name: string, keyType: KeyType = 'p256', parent?: string): TestAuthority {
  const dir = mkdtempSync(join(parent ?? tmpdir(), `crl-ca-${keyType}-`))
  const certFile = join(dir, 'ca.pem')
  const keyFile = join(dir, 'ca.key')
  openssl([
    'req',
    '-x509',
    ...KEY_ARGS[keyType],
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    '3650',
    '-subj',
    `/O=CRL Test/CN=${name}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-addext',
    'subjectKeyIdentifier=hash'
  ])
  const der = openssl(['x509', '-in', certFile, '-outform', 'DER'])
  const ski = /Subject Key Identifier:\s*\n\s*([0-9A-F:]+)/
    .exec(openssl(['x509', '-in', certFile, '-noout', '-text']).toString())![1]!
    .replace(/:/g, '')
  return { name, dir, keyType, certFile, keyFile, der, ski }
}

let sequence = 0

/** A CRL `ca` signs (or `options.signer`), made by `openssl ca -gencrl`; DER unless asked for PEM. */
export function makeCrl(ca: TestAuthority, options: CrlOptions = {}): Buffer {
  const signer = options.signer ?? ca
  const work = mkdtempSync(join(ca.dir, `crl-${++sequence}-`))
  const p = (file: string): string => join(work, file)
  const thisUpdate = options.thisUpdate ?? new Date(Date.now() - 3_600_000)
  const nextUpdate = options.nextUpdate ?? new Date(thisUpdate.getTime() + 30 * 86_400_000)
  const revokedAt = opensslTime(new Date(thisUpdate.getTime() - 60_000), false)
  writeFileSync(
    p('index.txt'),
    (options.revoked ?? [])
      .map(
        (serial) =>
          `R\t${opensslTime(new Date(Date.now() + 86_400_000 * 365), false)}\t${revokedAt}\t${serial}\tunknown\t/CN=Revoked ${serial}\n`
      )
      .join('')
  )
  writeFileSync(p('crlnumber'), `${(options.crlNumber ?? 1).toString(16).padStart(2, '0').toUpperCase()}\n`)
  const aki =
    options.aki === undefined
      ? ['authorityKeyIdentifier = keyid:always']
      : options.aki === ''
        ? []
        : [`2.5.29.35 = DER:30:16:80:14:${options.aki.match(/../g)!.join(':')}`]
  const delta = options.deltaOf === undefined ? [] : [`2.5.29.27 = critical, DER:${integerDer(options.deltaOf)}`]
  writeFileSync(
    p('ca.cnf'),
    [
      '[ca]',
      'default_ca = test_ca',
      '[test_ca]',
      `database = ${p('index.txt')}`,
      `crlnumber = ${p('crlnumber')}`,
      'default_md = default',
      'crl_extensions = crl_ext',
      '[crl_ext]',
      ...aki,
      ...delta,
      ''
    ].join('\n')
  )
  const pss = options.pss === true ? ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:32', '-md', 'sha256'] : []
  openssl([
    'ca',
    '-batch',
    '-config',
    p('ca.cnf'),
    '-gencrl',
    '-keyfile',
    signer.keyFile,
    '-cert',
    signer.certFile,
    '-crl_lastupdate',
    opensslTime(thisUpdate, true),
    '-crl_nextupdate',
    opensslTime(nextUpdate, true),
    ...pss,
    '-out',
    p('crl.pem')
  ])
  if (options.format === 'pem') return readFileSync(p('crl.pem'))
  return openssl(['crl', '-in', p('crl.pem'), '-outform', 'DER'])
}

/** openssl's verdict: `openssl crl -verify` with the CA as the only trusted certificate. */
export function opensslVerifies(crl: Buffer, ca: TestAuthority): boolean {
  const file = join(ca.dir, `verify-${++sequence}.crl`)
  writeFileSync(file, crl)
  // openssl prints "verify OK" (or "verify failure") on standard error.
  const result = spawnSync('openssl', ['crl', '-inform', 'DER', '-in', file, '-noout', '-verify', '-CAfile', ca.certFile])
  return result.status === 0 && /verify OK/.test(`${String(result.stdout)}${String(result.stderr)}`)
}

/** YYYYMMDDHHMMSSZ (GeneralizedTime, as -crl_lastupdate takes), or YYMMDDHHMMSSZ for index.txt. */
function opensslTime(date: Date, generalized: boolean): string {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14)
  return `${generalized ? iso : iso.slice(2)}Z`
}

function integerDer(value: number): string {
  let hex = value.toString(16)
  if (hex.length % 2 === 1) hex = `0${hex}`
  if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`
  const bytes = hex.match(/../g)!
  return ['02', bytes.length.toString(16).padStart(2, '0'), ...bytes].join(':')
}
