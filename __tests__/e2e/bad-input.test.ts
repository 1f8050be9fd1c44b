// The bad-input corpus (issue 5): files, globs, inputs, key types, sizes, encodings. Each case runs
// the committed dist/index.js with credentials for a live emulator, so that "nothing was sent" is
// measured: exit 1, one error annotation per problem naming the file or the input, a message that
// says how to fix it, no stack trace, no request to any endpoint (OIDC, token or Graph), and no
// private key byte anywhere (runAction's leak check, given every key of the workspace).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:net'
import { relative } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/index.ts'
import { runAction, type ActionRun } from '../../emulator/run-action.ts'
import { makeBadInputWorkspace, type BadInputWorkspace } from './support/bad-input-workspace.ts'

interface Case {
  readonly title: string
  readonly inputs: Readonly<Record<string, string>>
  /** What the annotation must name: its `file=` property, or text of its message (a pattern, an input). */
  readonly names: string
  /** The decoded annotation message: what is wrong and how to fix it. */
  readonly message: RegExp
  /** Number of error annotations; 1 unless the input has several problems (a glob over two links). */
  readonly problems?: number
  /** `also`: run offline (dry-run, no credentials) too; `only`: offline alone. */
  readonly offline?: 'also' | 'only'
}

const GUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301'
const TP = 'B'.repeat(40) // a well-formed thumbprint of no CA in the set
const workspace: BadInputWorkspace = makeBadInputWorkspace()
const root = workspace.thumbprints.root
const KEY =
  /holds a private key, so the whole file is refused and none of its content is shown; remove the key from this file .*point `certificates` at certificate files only/
const NOT_CA = /; remove it or point `certificates` at the CA files only$/
const app = { kind: 'application', 'display-name': 'Corpus apps' }
const PASSWORD = 'corpus-password-never-shown' // in a URL input: the leak check is told to look for it

const CASES: Case[] = [
  // Patterns
  {
    title: 'a path that matches nothing',
    inputs: { certificates: 'certs/missing.pem' },
    names: '`certs/missing.pem`',
    message: /matches no file in \/.*relative to the workspace\); check the path and its case/
  },
  {
    title: 'a glob that matches nothing',
    inputs: { certificates: 'nothing/**/*.pem' },
    names: '`nothing/**/*.pem`',
    message: /matches no file in .*check the path/
  },
  {
    title: 'a `..` path out of the workspace, to nothing',
    inputs: { certificates: '../no-such-folder/root.pem' },
    names: '`../no-such-folder/root.pem`',
    message: /matches no file in /
  },
  {
    title: 'a path in quotes',
    inputs: { certificates: '"good/root.pem"' },
    names: '`"good/root.pem"`',
    message: /matches no file in .*; remove the quotes around it/
  },
  {
    title: 'a path with Windows separators',
    inputs: { certificates: 'good\\root.pem' },
    names: '`good\\root.pem`',
    message: /matches no file in .*; write `\/` between folders/
  },
  {
    title: 'a directory named as a path',
    inputs: { certificates: 'folder' },
    names: 'folder',
    message: /^folder is a directory; name the certificate files in it, e\.g\. `folder\/\*\.pem`$/
  },
  {
    title: 'a glob that matches only directories',
    inputs: { certificates: 'dirs-only/*' },
    names: '`dirs-only/*`',
    message:
      /matches only directories \(dirs-only\/a\.pem, dirs-only\/b\.pem\), no file; name the certificate files in them, e\.g\. `dirs-only\/\*\/\*\.pem`/
  },
  {
    title: 'a glob over more than 1000 files',
    inputs: { certificates: 'many/*.crt' },
    names: '`many/*.crt`',
    message: /matches more than 1000 files; .*narrow the patterns to the CA files/
  },
  // Files that are no certificates
  {
    title: 'an empty file',
    inputs: { certificates: 'empty.pem' },
    names: 'empty.pem',
    message: /^empty\.pem is empty; point `certificates` at PEM, DER or PKCS#7 certificate files$/,
    offline: 'also'
  },
  {
    title: 'a file of blank lines (CRLF)',
    inputs: { certificates: 'blank.crt' },
    names: 'blank.crt',
    message: /^blank\.crt is empty; point/
  },
  {
    title: 'a JSON file',
    inputs: { certificates: 'config.json' },
    names: 'config.json',
    message: /is not a certificate file: it is neither PEM .* nor DER; point `certificates` at PEM, DER/
  },
  {
    title: 'a ZIP archive',
    inputs: { certificates: 'certs.zip' },
    names: 'certs.zip',
    message: /is not a certificate file: it is a ZIP archive; extract the certificates from it; point/
  },
  {
    title: 'an SSH public key',
    inputs: { certificates: 'ssh-key.crt' },
    names: 'ssh-key.crt',
    message: /is not a certificate file: it is an SSH public key .*; point `certificates` at PEM/
  },
  {
    title: 'a certificate request (CSR)',
    inputs: { certificates: 'request.pem' },
    names: 'request.pem',
    message: /^request\.pem: PEM block 1 is a certificate request \(CSR\), not a certificate; remove it from the file$/
  },
  {
    title: 'a CRL',
    inputs: { certificates: 'revoked.crl' },
    names: 'revoked.crl',
    message: /^revoked\.crl: PEM block 1 is a CRL, not a certificate; remove it/
  },
  {
    title: 'a PKCS#7 bundle with no certificates',
    inputs: { certificates: 'empty.p7b' },
    names: 'empty.p7b',
    message: /is a PKCS#7 bundle that holds no certificates; export it with its certificates/,
    offline: 'also'
  },
  {
    title: 'a truncated PEM certificate',
    inputs: { certificates: 'truncated.pem' },
    names: 'truncated.pem',
    message: /is truncated: its PEM block has no `-----END CERTIFICATE-----` line; copy the whole certificate/
  },
  {
    title: 'PEM that is not base64',
    inputs: { certificates: 'bad-base64.pem' },
    names: 'bad-base64.pem',
    message: /is not valid PEM \(its body is not base64\); export the certificate again/
  },
  {
    title: 'truncated DER',
    inputs: { certificates: 'truncated.cer' },
    names: 'truncated.cer',
    message: /is not a certificate: its DER is truncated or malformed; export the certificate again/
  },
  // Private keys, in every form: refused, and never shown
  {
    title: 'a certificate file that is really a private key (PKCS#8)',
    inputs: { certificates: 'really-a-key.crt' },
    names: 'really-a-key.crt',
    message: KEY,
    offline: 'also'
  },
  { title: 'an encrypted private key', inputs: { certificates: 'encrypted-key.pem' }, names: 'encrypted-key.pem', message: KEY },
  { title: 'an EC private key (SEC 1 DER)', inputs: { certificates: 'ec-key.der' }, names: 'ec-key.der', message: KEY },
  { title: 'an RSA private key (PKCS#1 PEM)', inputs: { certificates: 'rsa-key.pem' }, names: 'rsa-key.pem', message: KEY },
  { title: 'a PKCS#8 DER key named .cer', inputs: { certificates: 'key.cer' }, names: 'key.cer', message: KEY },
  {
    title: 'a chain with its issuing CA key appended',
    inputs: { certificates: 'chain-with-key.pem' },
    names: 'chain-with-key.pem',
    message: KEY
  },
  { title: 'an OpenSSH private key', inputs: { certificates: 'openssh-key.pem' }, names: 'openssh-key.pem', message: KEY },
  { title: 'a private key saved as UTF-16', inputs: { certificates: 'utf16-key.pem' }, names: 'utf16-key.pem', message: KEY },
  {
    title: 'a PKCS#12 archive (.pfx)',
    inputs: { certificates: 'bundle.pfx' },
    names: 'bundle.pfx',
    message: /is a PKCS#12 \(PFX\) archive, which can hold private keys; export the CA certificates alone/
  },
  // Certificates that may not be published
  {
    title: 'a leaf certificate',
    inputs: { certificates: 'leaf.pem' },
    names: 'leaf.pem',
    message: /is not a CA \(basicConstraints cA=false.*\); remove it/,
    offline: 'also'
  },
  {
    title: 'a v1 certificate that is no self-signed root',
    inputs: { certificates: 'v1-intermediate.pem' },
    names: 'v1-intermediate.pem',
    message: /is an X\.509 v1 certificate that is not a self-signed root, so nothing marks it as a CA/
  },
  {
    title: 'a CA whose keyUsage lacks keyCertSign',
    inputs: { certificates: 'no-keycertsign-ca.pem' },
    names: 'no-keycertsign-ca.pem',
    message: NOT_CA
  },
  {
    title: 'a v3 CA without basicConstraints',
    inputs: { certificates: 'no-basic-constraints.pem' },
    names: 'no-basic-constraints.pem',
    message: NOT_CA
  },
  {
    title: 'an expired CA',
    inputs: { certificates: 'expired-root.pem' },
    names: 'expired-root.pem',
    message: /expired on 2010-01-01; replace it with the renewed CA certificate, remove it from `certificates`, or set `if-expired: skip`/
  },
  {
    title: 'a CA not valid yet',
    inputs: { certificates: 'not-yet-valid-root.pem' },
    names: 'not-yet-valid-root.pem',
    message: /is not valid before 2090-01-01; publish it once it is valid, or check the runner's clock/
  },
  {
    title: 'an intermediate without its issuer (offline)',
    inputs: { certificates: 'orphan-intermediate.pem' },
    names: 'orphan-intermediate.pem',
    message: /its issuer ".*" is not in the set; add the issuing CA's certificate to `certificates`/,
    offline: 'only'
  },
  {
    title: 'an intermediate whose signature is forged',
    inputs: { certificates: 'forged/*.pem' },
    names: 'forged/forged-intermediate.pem',
    message: /its signature does not verify against its issuer .*; publish the CA certificate that really signed it/
  },
  {
    title: 'a warning with strict: true',
    inputs: { strict: 'true' },
    names: 'good/issuing.pem',
    message: /has no CRL URL .*give one with a `crl-urls` line .* \(an error because `strict` is true\)/,
    offline: 'also'
  },
  // Per-kind limits
  {
    title: 'more than 250 CAs for a PKI',
    inputs: { certificates: 'bulk-251.pem' },
    names: '`certificates`',
    message: /gives 251 CAs; a PKI holds at most 250\. Split them over several steps with different `display-name`s/
  },
  {
    title: 'a CA over 8 KB for a PKI',
    inputs: { certificates: 'big-ca.pem' },
    names: 'big-ca.pem',
    message: /is \d{4,} bytes; Entra's PKI store takes CA certificates of at most 8192 bytes \(8 KB\)\. Re-issue the CA/
  },
  {
    title: '11 CAs for an application',
    inputs: { ...app, certificates: 'bulk-11.pem' },
    names: '`certificates`',
    message: /gives 11 CAs; an application configuration holds 1 to 10\. Give at most 10 CAs/
  },
  {
    title: 'an application without a root',
    inputs: { ...app, certificates: 'good/issuing.pem' },
    names: '`certificates`',
    message: /needs at least one root CA, and `certificates` gives none; add the root of the chain/
  },
  // Files that would hang a careless reader or fill its memory
  {
    title: 'a 50 MB file',
    inputs: { certificates: 'huge.pem' },
    names: 'huge.pem',
    message: /^huge\.pem is 50 MB, too large for a certificate file \(the limit is 10 MB.*\), so it was not read; point/,
    offline: 'also'
  },
  {
    title: 'a named pipe',
    inputs: { certificates: 'links/pipe.pem' },
    names: 'links/pipe.pem',
    message: /is a named pipe \(FIFO\), not a regular file; point `certificates` at certificate files only/,
    offline: 'also'
  },
  {
    title: 'a link to /dev/zero',
    inputs: { certificates: 'links/zero.pem' },
    names: 'links/zero.pem',
    message: /is a device, not a regular file; point/
  },
  {
    title: 'an unreadable file',
    inputs: { certificates: 'links/unreadable.pem' },
    names: 'links/unreadable.pem',
    message: /cannot be read \(EIO\); check that it is a regular, readable file/
  },
  {
    title: 'a link to nothing',
    inputs: { certificates: 'links/dangling.pem' },
    names: 'links/dangling.pem',
    message: /is a symbolic link to nowhere\.pem, which does not exist; fix the link/
  },
  {
    title: 'a symbolic link loop',
    inputs: { certificates: 'loop/a.pem' },
    names: 'loop/a.pem',
    message: /is a symbolic link that loops .*; fix or remove the link/,
    offline: 'also'
  },
  {
    title: 'a glob over a symbolic link loop',
    inputs: { certificates: 'loop/*' },
    names: 'loop/',
    message: /^loop\/[ab]\.pem is a symbolic link that loops/,
    problems: 2
  },
  {
    title: 'a recursive glob over a folder-link cycle',
    inputs: { certificates: 'cycle/**/*.pem' },
    names: 'cycle/certs/leaf.pem',
    message: /is not a CA/
  },
  // Inputs
  {
    title: 'an unknown kind',
    inputs: { kind: 'tenant' },
    names: '`kind`',
    message: /^Input `kind` is "tenant"; accepted values: organization, pki, application\.$/,
    offline: 'also'
  },
  {
    title: 'no kind',
    inputs: { kind: '' },
    names: '`kind`',
    message: /^Input `kind` is required; accepted values: organization, pki, application\.$/
  },
  {
    title: 'no certificates',
    inputs: { certificates: '' },
    names: '`certificates`',
    message: /^Input `certificates` is required: one path or glob pattern a line/
  },
  {
    title: 'a bad boolean (strict)',
    inputs: { strict: 'maybe' },
    names: '`strict`',
    message: /^Input `strict` is "maybe"; accepted values: true or false\.$/,
    offline: 'also'
  },
  {
    title: 'a bad boolean (dry-run)',
    inputs: { 'dry-run': 'yes' },
    names: '`dry-run`',
    message: /^Input `dry-run` is "yes"; accepted values: true or false\.$/
  },
  {
    title: 'a bad boolean (issuer-hints)',
    inputs: { 'issuer-hints': '1' },
    names: '`issuer-hints`',
    message: /accepted values: true or false/
  },
  {
    title: 'min-validity-days not a number',
    inputs: { 'min-validity-days': 'thirty' },
    names: '`min-validity-days`',
    message: /is "thirty"; give a whole number of days, 0 or more/
  },
  {
    title: 'min-validity-days negative',
    inputs: { 'min-validity-days': '-5' },
    names: '`min-validity-days`',
    message: /is "-5"; give a whole number of days, 0 or more/
  },
  {
    title: 'a crl-urls ldap: URL',
    inputs: { 'crl-urls': `${root} ldap://dir.example.test/cn=crl` },
    names: '`crl-urls`',
    message: /"ldap:\/\/dir\.example\.test\/cn=crl" is not an absolute http: or https: URL; give e\.g\. http:\/\//
  },
  {
    title: 'a crl-urls file: URL',
    inputs: { 'crl-urls': `${root} file:///etc/crl.pem` },
    names: '`crl-urls`',
    message: /"file:\/\/\/etc\/crl\.pem" is not an absolute http: or https: URL/
  },
  {
    title: 'a relative crl-urls URL',
    inputs: { 'crl-urls': `${root} /pki/root.crl` },
    names: '`crl-urls`',
    message: /"\/pki\/root\.crl" is not an absolute http: or https: URL/
  },
  {
    title: 'a crl-urls delta URL of another scheme',
    inputs: { 'crl-urls': `${root} http://crl.example.test/r.crl ftp://crl.example.test/d.crl` },
    names: '`crl-urls`',
    message: /"ftp:\/\/crl\.example\.test\/d\.crl" is not an absolute http/
  },
  {
    title: 'a crl-urls thumbprint of no CA in the set',
    inputs: { 'crl-urls': `${TP} http://crl.example.test/x.crl` },
    names: '`crl-urls`',
    message: /no CA in `certificates` has this SHA-1 thumbprint; fix the thumbprint or add the CA's certificate/
  },
  {
    title: 'a crl-urls thumbprint that is none',
    inputs: { 'crl-urls': 'root http://crl.example.test/x.crl' },
    names: '`crl-urls`',
    message: /"root" is not a SHA-1 thumbprint \(40 hex digits\); copy the CA's thumbprint/
  },
  {
    title: 'a crl-urls line of four fields',
    inputs: { 'crl-urls': `${root} http://a.test/a.crl http://a.test/d.crl extra` },
    names: '`crl-urls`',
    message: /line 1 has 4 field\(s\); write `<SHA-1 thumbprint> <CRL URL> \[<delta CRL URL>\]`/
  },
  {
    title: 'a graph-url with a path',
    inputs: { 'graph-url': 'https://graph.microsoft.com/v1.0' },
    names: '`graph-url`',
    message: /give only the https origin, e\.g\. https:\/\/graph\.microsoft\.com \(the API version comes from `api-version`\)/
  },
  {
    title: 'a graph-url over http',
    inputs: { 'graph-url': 'http://graph.microsoft.com' },
    names: '`graph-url`',
    message: /give only the https origin/
  },
  {
    title: 'a graph-url that is no URL',
    inputs: { 'graph-url': 'graph' },
    names: '`graph-url`',
    message: /is "graph", which is not a URL; give the https origin/
  },
  {
    title: 'a graph-url with a password in it',
    inputs: { 'graph-url': `https://admin:${PASSWORD}@graph.microsoft.com` },
    names: '`graph-url`',
    message: /^Input `graph-url` holds a user name or password; give only the https origin/
  },
  {
    title: 'an authority-url with the tenant in it',
    inputs: { 'authority-url': `https://login.microsoftonline.com/${GUID}` },
    names: '`authority-url`',
    message: /give only the https origin.*\(the tenant comes from `tenant-id`\)/
  },
  {
    title: 'a tenant-id that is neither a GUID nor a domain',
    inputs: { 'tenant-id': 'Contoso Ltd' },
    names: '`tenant-id`',
    message: /give the tenant \(directory\) id as a GUID, or one of its domain names/
  },
  {
    title: 'a client-id that is no GUID',
    inputs: { 'client-id': 'my-app' },
    names: '`client-id`',
    message: /give the application \(client\) id of the app registration, a GUID/
  },
  {
    title: 'half the credentials in a dry run',
    inputs: { 'dry-run': 'true', 'tenant-id': GUID },
    names: '`client-id`',
    message: /is missing while the other credential input is set; give both/,
    offline: 'only'
  },
  {
    title: 'a display-name over 256 characters',
    inputs: { 'display-name': 'P'.repeat(300) },
    names: '`display-name`',
    message: /has 300 characters; Graph accepts at most 256, so shorten it/
  },
  {
    title: 'no display-name for a PKI',
    inputs: { 'display-name': '' },
    names: '`display-name`',
    message: /is required for `kind: pki`: it names the PKI to create or update/
  },
  {
    title: 'kind application on api-version v1.0',
    inputs: { ...app, 'api-version': 'v1.0' },
    names: '`api-version`',
    message: /exists in Graph beta only; set `api-version: beta` or leave it empty/
  },
  {
    title: 'an unknown api-version',
    inputs: { 'api-version': 'v2' },
    names: '`api-version`',
    message: /is "v2"; accepted values: v1\.0, beta/
  },
  { title: 'an unknown mode', inputs: { mode: 'mirror' }, names: '`mode`', message: /is "mirror"; accepted values: sync, replace/ },
  {
    title: 'an unknown cloud',
    inputs: { cloud: 'mars' },
    names: '`cloud`',
    message: /is "mars"; accepted values: global, usgov, dod, china/
  }
]

// Offline runs point every endpoint and proxy at a socket that counts connections.
let tripwire: Server
let connections = 0
let offlineEnv: Record<string, string>
let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
  tripwire = createServer((socket) => {
    connections += 1
    socket.destroy()
  })
  await new Promise<void>((done) => tripwire.listen(0, '127.0.0.1', done))
  const url = `http://127.0.0.1:${(tripwire.address() as { port: number }).port}`
  offlineEnv = {
    HTTPS_PROXY: url,
    HTTP_PROXY: url,
    ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/token?api-version=2.0`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token-offline'
  }
})
afterAll(async () => {
  await emulator.close()
  await new Promise((done) => tripwire.close(done))
  workspace.cleanup()
})

const BASE = { kind: 'pki', 'display-name': 'Corpus PKI', certificates: 'good/*.pem' }
const run = (inputs: Record<string, string>, env: Record<string, string>): Promise<ActionRun> => {
  // A hang is killed (exit code null) rather than left to jest's timeout.
  return runAction(inputs, { workspace: workspace.dir, env, secrets: [...workspace.secrets, PASSWORD], timeoutMs: 20_000 })
}

interface Annotation {
  readonly file?: string
  readonly message: string
}
const decode = (text: string): string =>
  text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%')
/** `::error file=x::message` lines, without the closing "N problem(s) in `certificates`" one. */
function errorAnnotations(stdout: string): Annotation[] {
  return stdout.split('\n').flatMap((line) => {
    const match = /^::error(?: ([^:]*))?::(.*)$/.exec(line)
    if (match === null || /^\d+ problem\(s\) in `certificates` \(see the annotations above\); nothing was sent to Graph\.$/.test(match[2]!))
      return []
    const file = /(?:^|,)file=([^,]*)/.exec(match[1] ?? '')?.[1]
    return [{ ...(file !== undefined ? { file: decode(file) } : {}), message: decode(match[2]!) }]
  })
}

function expectRejected(result: ActionRun, c: Case): void {
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 1, stderr: '' })
  const annotations = errorAnnotations(result.stdout)
  expect(annotations).toHaveLength(c.problems ?? 1)
  for (const annotation of annotations) {
    expect(annotation.file?.includes(c.names) === true || annotation.message.includes(c.names)).toBe(true)
    expect(annotation.message).toMatch(c.message)
  }
  // No stack trace (also not inside a %0A-joined annotation), and nothing the user cannot act on.
  expect(result.stdout + result.stderr).not.toMatch(/(^|\n|%0A)\s+at \S.*:\d+:\d+/)
  expect(result.stdout).not.toMatch(/Unexpected error/)
}

describe('bad input: exit 1, one message naming the file or input and the fix, nothing sent', () => {
  it.each<Case>(CASES.filter((c) => c.offline !== 'only'))('$title', async (c) => {
    const before = emulator.requests.length
    const result = await run({ ...emulator.inputs(), ...BASE, ...c.inputs }, { ...emulator.env() })
    expectRejected(result, c)
    expect(emulator.requests.slice(before).map((r) => `${r.role} ${r.method} ${r.path}`)).toEqual([])
  })

  it.each<Case>(CASES.filter((c) => c.offline !== undefined))('offline: $title', async (c) => {
    connections = 0
    const result = await run({ ...BASE, 'dry-run': 'true', ...c.inputs }, offlineEnv)
    expectRejected(result, c)
    expect(connections).toBe(0)
  })

  it('the corpus has at least 30 distinct cases', () => {
    expect(new Set(CASES.map((c) => c.title)).size).toBe(CASES.length)
    expect(CASES.length).toBeGreaterThanOrEqual(30)
  })
})

describe('look-alikes that are accepted: Windows encodings, notes between blocks, paths outside the workspace', () => {
  const outside = (): string => workspace.outside.join('\n')
  const relativeOutside = (): string => workspace.outside.map((file) => relative(workspace.dir, file)).join('\n')
  it.each<[string, () => string]>([
    ['PEM with a UTF-8 byte order mark', () => 'accepted/utf8-bom.pem'],
    ['PEM saved as UTF-16 (PowerShell 5)', () => 'accepted/utf16.pem'],
    ['PEM with CRLF line ends', () => 'accepted/crlf.pem'],
    ['PEM with text before, between and after the blocks', () => 'accepted/notes.pem'],
    ['absolute paths outside the workspace', outside],
    ['`..` paths that leave the workspace', relativeOutside]
  ])('%s', async (_, certificates) => {
    connections = 0
    const result = await run({ ...BASE, 'dry-run': 'true', certificates: certificates() }, offlineEnv)
    expect({ code: result.code, errors: errorAnnotations(result.stdout) }).toEqual({ code: 0, errors: [] })
    const cas = JSON.parse(result.outputs.certificates!) as Array<{ thumbprint: string }>
    expect(cas.map((ca) => ca.thumbprint)).toEqual([workspace.thumbprints.root, workspace.thumbprints.issuing])
    expect(connections).toBe(0)
  })

  it('a crl-urls thumbprint as Windows shows it (hex pairs and spaces)', async () => {
    const spaced = workspace.thumbprints.root.toLowerCase().replace(/(..)(?!$)/g, '$1 ')
    const result = await run({ ...BASE, 'dry-run': 'true', 'crl-urls': `${spaced} http://crl.example.test/corpus-root.crl` }, offlineEnv)
    expect({ code: result.code, errors: errorAnnotations(result.stdout) }).toEqual({ code: 0, errors: [] })
    expect((JSON.parse(result.outputs.certificates!) as Array<{ crlUrl: string }>)[0]!.crlUrl).toBe(
      'http://crl.example.test/corpus-root.crl'
    )
  })

  it('the same certificate twice is used once, with a notice naming both files', async () => {
    const result = await run({ ...BASE, 'dry-run': 'true', certificates: 'good/*.pem\nfolder/root.pem' }, offlineEnv)
    expect({ code: result.code, errors: errorAnnotations(result.stdout) }).toEqual({ code: 0, errors: [] })
    expect(result.stdout).toMatch(
      /^::notice file=folder\/root\.pem::folder\/root\.pem \(".*"\) is the same certificate \(SHA-1 [0-9A-F]{40}\) as good\/root\.pem; it is used once$/m
    )
    expect(JSON.parse(result.outputs.certificates!)).toHaveLength(2)
  })
})

describe('a display-name with quotes is escaped in $filter, so the next run finds the same configuration', () => {
  const NAME = `O'Brien's "PKI" & Co. #1 + 50% / ?`
  const configurations = (kind: string): ReadonlyArray<{ readonly displayName: string | null }> =>
    kind === 'pki' ? emulator.state.pkis : emulator.state.applicationConfigurations
  it.each<[string, string]>([
    ['pki', '/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations'],
    ['application', '/directory/certificateAuthorities/certificateBasedApplicationConfigurations']
  ])('kind %s', async (kind, container) => {
    emulator.reset()
    const publish = (): Promise<ActionRun> => run({ ...emulator.inputs(), ...BASE, kind, 'display-name': NAME }, { ...emulator.env() })
    const first = await publish()
    expect({ code: first.code, errors: errorAnnotations(first.stdout) }).toEqual({ code: 0, errors: [] })
    const lookups = emulator.requests.filter((r) => r.role === 'graph' && r.method === 'GET' && r.path.includes(`${container}?`))
    expect(lookups.length).toBeGreaterThan(0)
    for (const lookup of lookups) {
      const query = lookup.path.slice(lookup.path.indexOf('?') + 1)
      // Quotes doubled inside the literal; every character that means something in a URL encoded.
      expect(new URLSearchParams(query).get('$filter')).toBe(`displayName eq 'O''Brien''s "PKI" & Co. #1 + 50% / ?'`)
      expect(query).not.toMatch(/[ "#+]|&(?!\$)/)
    }
    expect(configurations(kind).map((c) => c.displayName)).toEqual([NAME])

    const second = await publish()
    expect(second.code).toBe(0)
    expect(second.outputs['configuration-id']).toBe(first.outputs['configuration-id'])
    expect(JSON.parse(second.outputs.created!)).toEqual([])
    expect(configurations(kind)).toHaveLength(1)
  })
})
