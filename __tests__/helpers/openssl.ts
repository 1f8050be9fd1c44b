// openssl as the independent oracle for certificate facts, and as the maker of test chains.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function openssl(args: readonly string[], input?: string | Buffer): string {
  return execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'pipe'] }).toString()
}

/** SHA-1 and SHA-256 fingerprints as openssl computes them, upper-case hex without colons. */
export function fingerprints(file: string): { sha1: string; sha256: string } {
  const inform = /\.(cer|der)$/.test(file) ? ['-inform', 'DER'] : []
  const fp = (alg: string): string =>
    openssl(['x509', ...inform, '-in', file, '-noout', '-fingerprint', `-${alg}`])
      .split('=')[1]!
      .trim()
      .replace(/:/g, '')
  return { sha1: fp('sha1'), sha256: fp('sha256') }
}

export interface GeneratedChain {
  readonly dir: string
  /** Files in order: root first, then the intermediates. */
  readonly files: readonly string[]
}

/**
 * A root (EC P-256) and `intermediates` EC CAs it signed, each file one certificate, in a fresh
 * temporary folder; every intermediate names the root's CRL so the root gets a CRL URL.
 */
export function makeChain(intermediates: number, name = 'Test'): GeneratedChain {
  const dir = mkdtempSync(join(tmpdir(), 'chain-'))
  const p = (f: string): string => join(dir, f)
  writeFileSync(
    p('ext.cnf'),
    [
      '[issuing]',
      'basicConstraints=critical,CA:TRUE,pathlen:0',
      'keyUsage=critical,keyCertSign,cRLSign',
      'subjectKeyIdentifier=hash',
      'authorityKeyIdentifier=keyid',
      `crlDistributionPoints=URI:http://crl.example.test/${name}-root.crl`,
      ''
    ].join('\n')
  )
  openssl([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    p('root.key'),
    '-out',
    p('root.pem'),
    '-days',
    '18000',
    '-subj',
    `/O=${name}/CN=${name} Root CA`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign'
  ])
  const files = [p('root.pem')]
  for (let i = 1; i <= intermediates; i++) {
    openssl([
      'req',
      '-new',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      p(`i${i}.key`),
      '-out',
      p(`i${i}.csr`),
      '-subj',
      `/O=${name}/CN=${name} Issuing CA ${i}`
    ])
    openssl([
      'x509',
      '-req',
      '-in',
      p(`i${i}.csr`),
      '-CA',
      p('root.pem'),
      '-CAkey',
      p('root.key'),
      '-set_serial',
      String(1000 + i),
      '-days',
      '17000',
      '-extfile',
      p('ext.cnf'),
      '-extensions',
      'issuing',
      '-out',
      p(`issuing-${i}.pem`)
    ])
    files.push(p(`issuing-${i}.pem`))
  }
  return { dir, files }
}

export const read = (file: string): string => readFileSync(file, 'utf8')
