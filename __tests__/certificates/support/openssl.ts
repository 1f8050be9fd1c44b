// openssl as the independent oracle for certificate facts. Runs are bounded in parallel: openssl
// start-up dominates (about 25 ms a run), and the suite must stay fast on 2 cores.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import path from 'node:path'

/** The name format this action uses, per openssl (multi-valued RDNs differ: ` + ` vs `+`). */
export const NAMEOPT = 'esc_2253,esc_ctrl,utf8,sep_comma_plus_space,dn_rev,sname'

export interface OpensslResult {
  readonly status: number
  readonly stdout: string
  readonly stderr: string
}

let running = 0
const waiting: Array<() => void> = []
const limit = Math.max(2, availableParallelism())

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
  running += 1
  try {
    return await work()
  } finally {
    running -= 1
    waiting.shift()?.()
  }
}

/** Runs openssl with the given arguments (and stdin), resolving whatever its exit status. */
export function run(args: readonly string[], input?: Buffer | string): Promise<OpensslResult> {
  return slot(
    () =>
      new Promise((resolve, reject) => {
        const child = spawn('openssl', args, { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] })
        const out: Buffer[] = []
        const err: Buffer[] = []
        child.stdout?.on('data', (chunk: Buffer) => out.push(chunk))
        child.stderr?.on('data', (chunk: Buffer) => err.push(chunk))
        child.on('error', reject)
        child.on('close', (status) =>
          resolve({
            status: status ?? -1,
            stdout: Buffer.concat(out).toString('utf8'),
            stderr: Buffer.concat(err).toString('utf8')
          })
        )
        // openssl may exit before reading all of stdin (EPIPE); its exit status tells what happened.
        child.stdin?.on('error', () => undefined)
        child.stdin?.end(input)
      })
  )
}

/** Like run, but fails on a non-zero exit. */
export async function openssl(args: readonly string[], input?: Buffer | string): Promise<string> {
  const result = await run(args, input)
  if (result.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${result.stderr}`)
  return result.stdout
}

/** Facts openssl reports for the first certificate of a PEM or DER file. */
export interface OpensslFacts {
  readonly sha1: string
  readonly sha256: string
  readonly subject: string
  readonly issuer: string
  readonly notBefore: string
  readonly notAfter: string
  /** subjectKeyIdentifier extension, upper hex; undefined when absent. */
  readonly ski: string | undefined
  readonly aki: string | undefined
  /** Self-signed per `openssl verify -check_ss_sig` against itself only. */
  readonly selfSigned: boolean
  /** URIs of the CRL distribution points extension, in order. */
  readonly crlDistributionPoints: readonly string[]
}

const hexOf = (colonHex: string): string => colonHex.replace(/[:\s]/g, '').toUpperCase()

/** openssl's one-line names, with RFC 4514's `+` inside multi-valued RDNs instead of ` + `. */
export function rfc4514(opensslName: string): string {
  return opensslName.replace(/ \+ /g, '+')
}

/** `2030-12-31 09:37:37Z` (openssl -dateopt iso_8601) -> `2030-12-31T09:37:37.000Z`. */
function isoDate(opensslDate: string): string {
  return new Date(opensslDate.replace(' ', 'T')).toISOString()
}

const factsCache = new Map<string, Promise<OpensslFacts>>()

/** openssl's facts about a file, asked once per file and test file. */
export function opensslFacts(file: string, form: 'PEM' | 'DER' = 'PEM'): Promise<OpensslFacts> {
  const key = `${form}:${file}`
  let facts = factsCache.get(key)
  if (facts === undefined) {
    facts = askOpenssl(file, form)
    factsCache.set(key, facts)
  }
  return facts
}

async function askOpenssl(file: string, form: 'PEM' | 'DER'): Promise<OpensslFacts> {
  const input = ['-in', file, '-inform', form]
  const [main, sha256, verify] = await Promise.all([
    openssl([
      'x509',
      ...input,
      '-noout',
      '-nameopt',
      NAMEOPT,
      '-dateopt',
      'iso_8601',
      '-fingerprint',
      '-sha1',
      '-subject',
      '-issuer',
      '-startdate',
      '-enddate',
      '-ext',
      'subjectKeyIdentifier,authorityKeyIdentifier,crlDistributionPoints'
    ]),
    openssl(['x509', ...input, '-noout', '-fingerprint', '-sha256']),
    form === 'PEM'
      ? run(['verify', '-no_check_time', '-check_ss_sig', '-CAfile', file, file])
      : Promise.resolve({ status: 1, stdout: '', stderr: 'DER: use PEM for verify' })
  ])
  const line = (prefix: string): string => {
    const found = main.split('\n').find((l) => l.startsWith(prefix))
    if (found === undefined) throw new Error(`openssl printed no ${prefix} for ${file}:\n${main}`)
    return found.slice(prefix.length)
  }
  const extension = (title: string): string | undefined => {
    const match = new RegExp(`${title}: ?\\n\\s+(?:keyid:)?([0-9A-F:]+)`).exec(main)
    return match?.[1] === undefined ? undefined : hexOf(match[1])
  }
  return {
    sha1: hexOf(line('sha1 Fingerprint=')),
    sha256: hexOf(/sha256 Fingerprint=(.*)/.exec(sha256)?.[1] ?? ''),
    subject: rfc4514(line('subject=')),
    issuer: rfc4514(line('issuer=')),
    notBefore: isoDate(line('notBefore=')),
    notAfter: isoDate(line('notAfter=')),
    ski: extension('X509v3 Subject Key Identifier'),
    aki: extension('X509v3 Authority Key Identifier'),
    selfSigned: verify.status === 0 && verify.stdout.trim().endsWith(': OK'),
    crlDistributionPoints: [...(/X509v3 CRL Distribution Points: ?\n((?:\s{4,}.*\n?)*)/.exec(main)?.[1] ?? '').matchAll(/URI:(\S+)/g)].map(
      (m) => m[1] ?? ''
    )
  }
}

/**
 * RFC 5280 §4.2.1.2 method (1) from openssl's view of the key: `x509 -pubkey` gives the
 * SubjectPublicKeyInfo, `asn1parse` gives where its BIT STRING lies; SHA-1 of its contents
 * without the unused-bits octet.
 */
export async function keyIdentifierMethod1(file: string): Promise<string> {
  const publicKeyPem = await openssl(['x509', '-in', file, '-noout', '-pubkey'])
  const parsed = await openssl(['asn1parse'], publicKeyPem)
  const bitString = /^\s*(\d+):d=1\s+hl=(\d+)\s+l=\s*(\d+)\s+prim:\s+BIT STRING/m.exec(parsed)
  if (bitString === null) throw new Error(`no BIT STRING in the public key of ${file}:\n${parsed}`)
  const [offset, header, length] = [Number(bitString[1]), Number(bitString[2]), Number(bitString[3])]
  const spki = Buffer.from(publicKeyPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64')
  const contents = spki.subarray(offset + header + 1, offset + header + length)
  return createHash('sha1').update(contents).digest('hex').toUpperCase()
}

/** The PEM certificates openssl finds in a PKCS#7 bundle, with their SHA-1 fingerprints. */
export async function pkcs7Fingerprints(file: string, form: 'PEM' | 'DER'): Promise<string[]> {
  const printed = await openssl(['pkcs7', '-in', file, '-inform', form, '-print_certs'])
  const blocks = printed.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []
  return Promise.all(
    blocks.map(async (block) => hexOf((await openssl(['x509', '-noout', '-fingerprint', '-sha1'], block)).replace(/^.*=/, '')))
  )
}

/**
 * Whether `issuerFile`'s key verifies `certificateFile`'s signature, by openssl alone: asn1parse
 * locates tbsCertificate and the signature BIT STRING, pkeyutl verifies. Unlike `openssl verify`
 * this checks nothing but the signature (verify also wants keyCertSign on the signer).
 */
export async function signatureVerifies(certificateFile: string, issuerFile: string): Promise<boolean> {
  const [pemText, text, issuerKey] = await Promise.all([
    openssl(['x509', '-in', certificateFile]),
    openssl(['x509', '-in', certificateFile, '-noout', '-text']),
    openssl(['x509', '-in', issuerFile, '-noout', '-pubkey'])
  ])
  const der = Buffer.from(pemText.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64')
  const layout = await openssl(['asn1parse', '-inform', 'DER'], der)
  const top = [...layout.matchAll(/^\s*(\d+):d=1\s+hl=(\d+)\s+l=\s*(\d+)\s+(?:prim|cons):\s+(\S+(?: \S+)?)/gm)]
  const tbs = top[0]
  const signature = top.find((m) => m[4] === 'BIT STRING')
  if (tbs === undefined || signature === undefined) throw new Error(`cannot find the parts of ${certificateFile}`)
  const span = (m: RegExpMatchArray, skip: number): Buffer => {
    const [offset, header, length] = [Number(m[1]), Number(m[2]), Number(m[3])]
    return der.subarray(offset + (skip < 0 ? 0 : header + skip), offset + header + length)
  }
  const algorithm = /Signature Algorithm: (\S+)/.exec(text)?.[1] ?? ''
  const digest = /sha(\d+)/i.exec(algorithm)?.[1]
  const dir = await mkdtemp(path.join(tmpdir(), 'signature-'))
  try {
    const [tbsFile, signatureFile, keyFile] = ['tbs.der', 'signature.bin', 'issuer.pem'].map((f) => path.join(dir, f)) as [
      string,
      string,
      string
    ]
    await Promise.all([writeFile(tbsFile, span(tbs, -1)), writeFile(signatureFile, span(signature, 1)), writeFile(keyFile, issuerKey)])
    const result = await run([
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      keyFile,
      '-rawin',
      '-in',
      tbsFile,
      '-sigfile',
      signatureFile,
      ...(digest === undefined ? [] : ['-digest', `sha${digest}`])
    ])
    return result.status === 0 && result.stdout.includes('Signature Verified Successfully')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
