// The committed dist/index.js, run as the runner runs it, in offline dry-run: it validates,
// plans, sets outputs, writes the summary, and makes no network call at all.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:net'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fingerprints, makeChain, openssl } from '../helpers/openssl.ts'
import { ROOT, runAction, type ActionRun } from '../../emulator/run-action.ts'

const EXAMPLES = [
  'examples/contoso/contoso-root-ca.cer',
  'examples/contoso/contoso-issuing-ca-1.pem',
  'examples/contoso/contoso-issuing-ca-2.pem'
]

// Any connection at all lands here: the proxy, the OIDC endpoint, Graph and the authority all
// point at it.
let tripwire: Server
let connections = 0
let tripwireEnv: Record<string, string>
beforeAll(async () => {
  tripwire = createServer((socket) => {
    connections += 1
    socket.destroy()
  })
  await new Promise<void>((done) => tripwire.listen(0, '127.0.0.1', done))
  const port = (tripwire.address() as { port: number }).port
  const url = `http://127.0.0.1:${port}`
  tripwireEnv = {
    HTTPS_PROXY: url,
    HTTP_PROXY: url,
    https_proxy: url,
    http_proxy: url,
    ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/token?api-version=2.0`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token'
  }
})
afterAll(async () => {
  await new Promise((done) => tripwire.close(done))
})

const dryRun = (inputs: Record<string, string>, workspace?: string): Promise<ActionRun> =>
  runAction(
    { 'dry-run': 'true', certificates: EXAMPLES.join('\n'), ...inputs },
    { env: tripwireEnv, ...(workspace !== undefined ? { workspace } : {}) }
  )

describe('offline dry-run of the example chain', () => {
  let pki: ActionRun
  beforeAll(async () => {
    connections = 0
    pki = await dryRun({ kind: 'pki', 'display-name': 'Contoso PKI' })
  })

  it('succeeds without any network connection', () => {
    expect(pki.code).toBe(0)
    expect(connections).toBe(0)
    expect(pki.stdout).toMatch(/no request was sent/)
  })

  it('sets the certificates output with values openssl agrees with', () => {
    const certificates = JSON.parse(pki.outputs.certificates!) as Array<Record<string, unknown>>
    expect(certificates.map((c) => c.file)).toEqual(EXAMPLES)
    EXAMPLES.forEach((file, i) => {
      const { sha1, sha256 } = fingerprints(join(ROOT, file))
      expect(certificates[i]).toMatchObject({ thumbprint: sha1, sha256, isRootAuthority: i === 0 })
      const inform = file.endsWith('.cer') ? ['-inform', 'DER'] : []
      const end = openssl(['x509', ...inform, '-in', join(ROOT, file), '-noout', '-enddate'])
        .split('=')[1]!
        .trim()
      expect(certificates[i]!.notAfter).toBe(new Date(end).toISOString())
    })
    expect(certificates[0]).toMatchObject({
      subject: 'CN=Contoso Demo Root CA, O=Contoso Demo, C=US',
      issuer: 'CN=Contoso Demo Root CA, O=Contoso Demo, C=US',
      crlUrl: 'http://crl.contoso.example/pki/contoso-root.crl',
      deltaCrlUrl: 'http://crl.contoso.example/pki/contoso-root-delta.crl'
    })
    expect(certificates[1]).toMatchObject({ issuer: 'CN=Contoso Demo Root CA, O=Contoso Demo, C=US', crlUrl: null })
  })

  it('sets the plan and the empty write outputs', () => {
    expect(JSON.parse(pki.outputs.plan!)).toEqual([
      {
        method: 'POST',
        path: '/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations',
        reason: 'create the PKI "Contoso PKI"'
      },
      ...['root CN=Contoso Demo Root CA', 'intermediate CN=Contoso Demo Issuing CA 1', 'intermediate CN=Contoso Demo Issuing CA 2'].map(
        (what) => ({
          method: 'POST',
          path: '/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations/{pkiId}/certificateAuthorities',
          reason: expect.stringMatching(new RegExp(`^add ${what}, .* \\(SHA-1 [0-9A-F]{40}\\)$`)),
          thumbprint: expect.stringMatching(/^[0-9A-F]{40}$/)
        })
      )
    ])
    for (const name of ['created', 'removed', 'unchanged', 'certificate-authority-ids']) expect(pki.outputs[name]).toBe('[]')
    expect(pki.outputs['configuration-id']).toBeUndefined()
  })

  it('writes a job summary with the CA table and the plan', () => {
    expect(pki.summary).toMatch(/\| Subject \| Role \| Thumbprint \(SHA-1\) \| Expires \| CRL URL \| Status \|/)
    expect(pki.summary).toMatch(
      /\| CN=Contoso Demo Root CA, O=Contoso Demo, C=US \| root \| `[0-9A-F]{40}` \| \d{4}-\d\d-\d\d \| http:\/\/crl\.contoso\.example\/pki\/contoso-root\.crl \| planned \|/
    )
    expect(pki.summary).toMatch(/### Plan: 4 Graph operation\(s\)/)
  })

  it('warns, with the file, about CAs without a CRL URL', () => {
    expect(pki.stdout).toMatch(/::warning file=examples\/contoso\/contoso-issuing-ca-1\.pem::.*no CRL URL/)
  })

  it.each<[string, Record<string, string>, string[]]>([
    ['organization', {}, ['POST /organization/{tenantId}/certificateBasedAuthConfiguration']],
    [
      'application',
      { 'display-name': 'Contoso apps' },
      ['POST /directory/certificateAuthorities/certificateBasedApplicationConfigurations']
    ]
  ])('plans kind %s', async (kind, extra, expected) => {
    connections = 0
    const run = await dryRun({ kind, ...extra })
    expect(run.code).toBe(0)
    expect(connections).toBe(0)
    expect((JSON.parse(run.outputs.plan!) as Array<{ method: string; path: string }>).map((op) => `${op.method} ${op.path}`)).toEqual(
      expected
    )
  })

  it('takes crl-urls overrides', async () => {
    const thumbprint = fingerprints(join(ROOT, EXAMPLES[1]!)).sha1
    const run = await dryRun({ kind: 'pki', 'display-name': 'x', 'crl-urls': `${thumbprint} http://crl.contoso.example/issuing-1.crl` })
    expect(run.code).toBe(0)
    const certificates = JSON.parse(run.outputs.certificates!) as Array<{ crlUrl: string | null }>
    expect(certificates[1]!.crlUrl).toBe('http://crl.contoso.example/issuing-1.crl')
    expect(run.stdout).not.toMatch(/contoso-issuing-ca-1\.pem::.*no CRL URL/)
  })
})

describe('offline dry-run failures: exit 1, one clear message, no stack trace, no network', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'ws-'))
  const chain = makeChain(1, 'Fail')
  copyFileSync(chain.files[1]!, join(workspace, 'orphan.pem'))
  openssl([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    join(workspace, 'leaf.key'),
    '-out',
    join(workspace, 'leaf.pem'),
    '-days',
    '3650',
    '-subj',
    '/CN=leaf.example.test',
    '-addext',
    'basicConstraints=critical,CA:FALSE'
  ])
  writeFileSync(join(workspace, 'with-key.pem'), readFileSync(chain.files[0]!, 'utf8') + readFileSync(join(workspace, 'leaf.key'), 'utf8'))
  const keyBody = readFileSync(join(workspace, 'leaf.key'), 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('-----'))

  it.each([
    [
      'an unknown kind',
      { kind: 'tenant', certificates: 'leaf.pem' },
      /::error::Input `kind` is "tenant"; accepted values: organization, pki, application/
    ],
    [
      'a bad boolean',
      { kind: 'pki', 'display-name': 'x', certificates: 'leaf.pem', strict: 'maybe' },
      /::error::Input `strict` is "maybe"; accepted values: true or false/
    ],
    ['a pattern that matches nothing', { kind: 'organization', certificates: 'nope/*.pem' }, /nope\/\*\.pem/],
    ['a certificate that is not a CA', { kind: 'organization', certificates: 'leaf.pem' }, /::error file=leaf\.pem::.*not a CA/],
    ['an intermediate without its issuer', { kind: 'organization', certificates: 'orphan.pem' }, /::error file=orphan\.pem::.*issu/i],
    [
      'a private key in a certificate file',
      { kind: 'organization', certificates: 'with-key.pem' },
      /::error file=with-key\.pem::.*private key/i
    ]
  ])('%s', async (_name, inputs, message) => {
    connections = 0
    const run = await runAction({ 'dry-run': 'true', ...inputs }, { workspace, env: tripwireEnv })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(message)
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/)
    expect(connections).toBe(0)
    const everything = run.stdout + run.stderr + run.summary + JSON.stringify(run.outputs)
    for (const line of keyBody) expect(everything).not.toContain(line)
  })
})
