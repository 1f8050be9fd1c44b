// Test support for the emulator's tests: real CA certificates made with openssl (EC keys, fast) and
// a plain undici client that trusts the emulator's loopback CA.
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Agent, request } from 'undici'
import { afterAll, beforeAll, beforeEach } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.ts'

export interface TestCertificate {
  readonly pem: string
  /** Base64 of the DER, as Graph bodies carry it. */
  readonly base64: string
  readonly derLength: number
  /** SHA-1, upper-case hex, as openssl prints it (colons removed). */
  readonly thumbprint: string
  /** notAfter as ISO 8601, from openssl. */
  readonly notAfter: string
  /** subjectKeyIdentifier as openssl prints it, or the authorityKeyIdentifier of a self-signed one without SKI. */
  readonly keyId: string
}

export interface TestCertificates {
  readonly root: TestCertificate
  readonly intermediate: TestCertificate
  readonly root2: TestCertificate
  /** Expired in 2021. */
  readonly expired: TestCertificate
  /** Over 8 KB of DER. */
  readonly big: TestCertificate
  /** Self-signed without a subjectKeyIdentifier extension. */
  readonly noSki: TestCertificate
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes']
const CA_EXT = ['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']

export function makeCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-test-certs-'))
  const p = (name: string): string => join(dir, name)
  const openssl = (...args: string[]): string =>
    execFileSync('openssl', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  const selfSigned = (name: string, subject: string, ...extra: string[]): void => {
    openssl(
      'req',
      '-x509',
      ...EC,
      '-days',
      '3650',
      '-subj',
      subject,
      '-keyout',
      p(`${name}.key`),
      '-out',
      p(`${name}.pem`),
      ...CA_EXT,
      ...extra
    )
  }
  try {
    selfSigned('root', '/C=US/O=Contoso/CN=Contoso Root CA')
    selfSigned('root2', '/C=US/O=Fabrikam/CN=Fabrikam Root CA')
    selfSigned('big', '/CN=Big CA', '-addext', `nsComment=${'A'.repeat(9000)}`)
    selfSigned('noSki', '/CN=No SKI CA', '-addext', 'subjectKeyIdentifier=none')
    writeFileSync(
      p('int.cnf'),
      'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n' +
        'subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n'
    )
    openssl('req', '-new', ...EC, '-subj', '/C=US/O=Contoso/CN=Contoso Issuing CA', '-keyout', p('int.key'), '-out', p('int.csr'))
    openssl(
      'x509',
      '-req',
      '-in',
      p('int.csr'),
      '-CA',
      p('root.pem'),
      '-CAkey',
      p('root.key'),
      '-CAcreateserial',
      '-days',
      '1825',
      '-extfile',
      p('int.cnf'),
      '-out',
      p('intermediate.pem')
    )
    // OpenSSL 3.0 cannot back-date with req/x509; `openssl ca` takes explicit dates.
    writeFileSync(
      p('ca.cnf'),
      '[ca]\ndefault_ca=d\n[d]\ndatabase=index.txt\nnew_certs_dir=.\nserial=serial\ndefault_md=sha256\n' +
        'policy=p\nunique_subject=no\nx509_extensions=ext\n[p]\ncommonName=supplied\n[ext]\nbasicConstraints=critical,CA:TRUE\n' +
        'keyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n'
    )
    writeFileSync(p('index.txt'), '')
    writeFileSync(p('serial'), '01\n')
    openssl('req', '-new', ...EC, '-subj', '/CN=Expired Root CA', '-keyout', p('expired.key'), '-out', p('expired.csr'))
    openssl(
      'ca',
      '-batch',
      '-config',
      p('ca.cnf'),
      '-selfsign',
      '-keyfile',
      p('expired.key'),
      '-in',
      p('expired.csr'),
      '-startdate',
      '20200101000000Z',
      '-enddate',
      '20210101000000Z',
      '-notext',
      '-out',
      p('expired.pem')
    )

    const read = (name: string): TestCertificate => {
      const pem = readFileSync(p(`${name}.pem`), 'utf8')
      const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64')
      const text = openssl('x509', '-in', p(`${name}.pem`), '-noout', '-fingerprint', '-sha1', '-enddate', '-text')
      const hex = (s: string | undefined): string => (s ?? '').replace(/[:\s]/g, '').toUpperCase()
      const keyId =
        /Subject Key Identifier:\s*\n\s*([0-9A-F:]+)/i.exec(text)?.[1] ??
        /Authority Key Identifier:\s*\n\s*(?:keyid:)?([0-9A-F:]+)/i.exec(text)?.[1]
      return {
        pem,
        base64: der.toString('base64'),
        derLength: der.length,
        thumbprint: hex(/Fingerprint=([0-9A-F:]+)/i.exec(text)?.[1]),
        notAfter: new Date(/notAfter=(.+)/.exec(text)?.[1] ?? '').toISOString(),
        keyId: hex(keyId)
      }
    }
    return {
      root: read('root'),
      intermediate: read('intermediate'),
      root2: read('root2'),
      expired: read('expired'),
      big: read('big'),
      noSki: read('noSki')
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

// Parsed JSON of a response: tests index into it freely, so it is `any` here (tests only).
export type Json = any

export interface Answer {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly json: Json
  readonly text: string
}

export interface CallOptions {
  readonly body?: unknown
  /** Bearer token; default a valid Graph access token; null sends no Authorization header. */
  readonly token?: string | null
  readonly headers?: Record<string, string>
  readonly signal?: AbortSignal
}

/** A plain undici client trusting the emulator's CA; `call` takes a Graph path or an absolute URL. */
export function client(emulator: Emulator): {
  call: (method: string, path: string, options?: CallOptions) => Promise<Answer>
  close: () => Promise<void>
} {
  const dispatcher = new Agent({ connect: { ca: emulator.ca } })
  const call = async (method: string, path: string, options: CallOptions = {}): Promise<Answer> => {
    const url = path.startsWith('https:') ? path : `${emulator.urls.graph}${path}`
    const token = options.token === undefined ? emulator.accessToken() : options.token
    const body = options.body === undefined || typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
    const res = await request(url, {
      method: method as 'GET',
      dispatcher,
      headers: {
        'client-request-id': randomUUID(),
        ...(token !== null ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers
      },
      ...(body !== undefined ? { body } : {}),
      ...(options.signal ? { signal: options.signal } : {})
    })
    const text = await res.body.text()
    let json: Json
    try {
      json = text === '' ? undefined : JSON.parse(text)
    } catch {
      json = undefined
    }
    return { status: res.statusCode, headers: res.headers, json, text }
  }
  return { call, close: () => dispatcher.close() }
}

/** A client-credentials token request body, as MSAL sends it, with `overrides` applied. */
export function tokenForm(emulator: Emulator, overrides: Record<string, string> = {}): string {
  return new URLSearchParams({
    client_id: emulator.clientId,
    scope: `${emulator.urls.graph}/.default`,
    grant_type: 'client_credentials',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: emulator.idToken({ aud: 'api://AzureADTokenExchange' }),
    ...overrides
  }).toString()
}

export const PKI = '/v1.0/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations'
export const APP = '/beta/directory/certificateAuthorities/certificateBasedApplicationConfigurations'

/** The calling test file's emulator, a client for it and test certificates (set by useEmulator). */
export let emulator: Emulator
export let http: ReturnType<typeof client>
export let certs: TestCertificates

/** Starts an emulator for the calling test file, with an empty tenant before each test. */
export function useEmulator(options: { readonly certificates?: boolean } = {}): void {
  beforeAll(async () => {
    if (options.certificates !== false) certs = makeCertificates()
    emulator = await startEmulator()
    http = client(emulator)
  })
  afterAll(async () => {
    await http.close()
    await emulator.close()
  })
  beforeEach(() => emulator.reset())
}
