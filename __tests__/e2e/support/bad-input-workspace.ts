// The workspace of the bad-input corpus (bad-input.test.ts): every kind of file a `certificates`
// pattern could catch by mistake, made once, fast (openssl only where nothing else will do; bulk
// CAs are Ed25519 certificates written by hand; the 50 MB file is sparse).
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { keyMaterial } from '../../../emulator/leaks.ts'
import { FIXTURES } from '../../certificates/support/fixtures.ts'
import { name, pem, selfSignedCertificate, Tags, value } from '../../certificates/support/synthetic.ts'
import { fingerprints, makeChain, openssl } from '../../helpers/openssl.ts'

export interface BadInputWorkspace {
  readonly dir: string
  /** Key material of every private key in the workspace: no run may show any of it. */
  readonly secrets: readonly string[]
  /** The same chain as good/root.pem and good/issuing.pem, outside the workspace (absolute paths). */
  readonly outside: readonly string[]
  /** Removes the workspace and the chain's folder. */
  readonly cleanup: () => void
  /** SHA-1 thumbprints of good/root.pem and good/issuing.pem. */
  readonly thumbprints: { readonly root: string; readonly issuing: string }
}

const bulkRoots = (count: number, label: string): string =>
  Array.from({ length: count }, (_, i) =>
    pem(selfSignedCertificate(name([[{ type: '2.5.4.3', value: value(Tags.UTF8, `${label} ${i + 1}`) }]])))
  ).join('')

export function makeBadInputWorkspace(): BadInputWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'bad-input-'))
  const at = (file: string): string => join(dir, file)
  const write = (file: string, content: string | Buffer): void => writeFileSync(at(file), content)
  const fixture = (source: string, target = source): void => copyFileSync(join(FIXTURES, source), at(target))
  for (const folder of [
    'good',
    'folder',
    'dirs-only/a.pem',
    'dirs-only/b.pem',
    'loop',
    'cycle/certs',
    'many',
    'links',
    'forged',
    'accepted'
  ]) {
    mkdirSync(at(folder), { recursive: true })
  }

  // A valid chain (EC root and one issuing CA), and its keys: the material that must never show.
  const chain = makeChain(1, 'Corpus')
  copyFileSync(chain.files[0]!, at('good/root.pem'))
  copyFileSync(chain.files[1]!, at('good/issuing.pem'))
  const rootKey = readFileSync(join(chain.dir, 'root.key'))
  const issuingKey = readFileSync(join(chain.dir, 'i1.key'))
  const rootPem = readFileSync(chain.files[0]!, 'utf8')
  write('folder/root.pem', rootPem)

  // Files that are no certificates at all.
  write('empty.pem', '')
  write('blank.crt', '\r\n  \n\t\n')
  write('config.json', '{"certificates": ["good/root.pem"]}\n')
  execFileSync('zip', ['-q', '-j', at('certs.zip'), at('good/root.pem')])
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'corpus@example.test', '-f', at('id_ed25519')])
  copyFileSync(at('id_ed25519.pub'), at('ssh-key.crt'))
  fixture('request.csr', 'request.pem')
  write(
    'crl.cnf',
    `[ca]\ndefault_ca = d\n[d]\ndatabase = ${at('index.txt')}\ncrlnumber = ${at('crlnumber')}\ndefault_md = sha256\ndefault_crl_days = 30\n`
  )
  write('index.txt', '')
  write('crlnumber', '01\n')
  openssl([
    'ca',
    '-gencrl',
    '-config',
    at('crl.cnf'),
    '-keyfile',
    join(chain.dir, 'root.key'),
    '-cert',
    chain.files[0]!,
    '-out',
    at('revoked.crl')
  ])
  fixture('empty.p7b')
  fixture('truncated.pem')
  fixture('bad-base64.pem')
  fixture('truncated.der', 'truncated.cer')

  // Private keys, alone, encrypted, in other formats, and next to a certificate.
  write('really-a-key.crt', rootKey)
  openssl(['pkcs8', '-topk8', '-in', join(chain.dir, 'root.key'), '-passout', 'pass:corpus', '-out', at('encrypted-key.pem')])
  fixture('key-ec.der', 'ec-key.der')
  fixture('key-rsa-traditional.pem', 'rsa-key.pem')
  fixture('key-pkcs8.der', 'key.cer')
  write('chain-with-key.pem', rootPem + issuingKey.toString('latin1'))
  copyFileSync(at('id_ed25519'), at('openssh-key.pem'))
  write('utf16-key.pem', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rootKey.toString('latin1'), 'utf16le')]))
  openssl([
    'pkcs12',
    '-export',
    '-in',
    chain.files[0]!,
    '-inkey',
    join(chain.dir, 'root.key'),
    '-passout',
    'pass:corpus',
    '-out',
    at('bundle.pfx')
  ])

  // Certificates that are not (publishable) CAs.
  fixture('rsa-leaf.pem', 'leaf.pem')
  fixture('v1-intermediate.pem')
  fixture('no-keycertsign-ca.pem')
  fixture('no-basic-constraints.pem')
  fixture('expired-root.pem')
  fixture('not-yet-valid-root.pem')
  fixture('orphan-intermediate.pem')
  fixture('rsa-root.pem', 'forged/rsa-root.pem')
  fixture('forged-intermediate.pem', 'forged/forged-intermediate.pem')

  // Per-kind limits.
  write('bulk-251.pem', bulkRoots(251, 'Bulk Root'))
  write('bulk-11.pem', bulkRoots(11, 'App Root'))
  openssl([
    'req',
    '-x509',
    '-key',
    join(chain.dir, 'root.key'),
    '-out',
    at('big-ca.pem'),
    '-days',
    '3650',
    '-subj',
    '/CN=Corpus Big CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-addext',
    `nsComment=${'x'.repeat(8500)}`
  ])

  // Files that would hang a careless reader, or exhaust its memory.
  write('huge.pem', '')
  truncateSync(at('huge.pem'), 50 * 1024 * 1024)
  execFileSync('mkfifo', [at('links/pipe.pem')])
  symlinkSync('/dev/zero', at('links/zero.pem'))
  // Reading /proc/self/mem from its start fails (EIO) even for root, unlike a chmod 000 file.
  symlinkSync('/proc/self/mem', at('links/unreadable.pem'))
  symlinkSync('nowhere.pem', at('links/dangling.pem'))
  symlinkSync('b.pem', at('loop/a.pem'))
  symlinkSync('a.pem', at('loop/b.pem'))
  fixture('rsa-leaf.pem', 'cycle/certs/leaf.pem')
  symlinkSync('..', at('cycle/certs/up'))
  symlinkSync(at('cycle'), at('cycle/certs/again'))
  for (let i = 0; i <= 1000; i++) write(`many/${i}.crt`, '')

  // Not errors: what Windows tools and hand-edited bundles look like.
  const issuingPem = readFileSync(chain.files[1]!, 'utf8')
  const both = rootPem + issuingPem
  write('accepted/utf8-bom.pem', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(both)]))
  write('accepted/utf16.pem', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(both, 'utf16le')]))
  write('accepted/crlf.pem', both.replace(/\n/g, '\r\n'))
  write(
    'accepted/notes.pem',
    `Corpus Root CA\nsubject=O=Corpus, CN=Corpus Root CA\n${rootPem}\n# next: the issuing CA ~~~ %%% \n${issuingPem}trailing words\n`
  )

  const keys = [
    rootKey,
    issuingKey,
    ...['encrypted-key.pem', 'ec-key.der', 'rsa-key.pem', 'key.cer', 'openssh-key.pem', 'bundle.pfx'].map((f) => readFileSync(at(f)))
  ]
  return {
    dir,
    secrets: keys.flatMap((key) => keyMaterial(key)),
    outside: chain.files,
    cleanup: () => {
      for (const folder of [dir, chain.dir]) rmSync(folder, { recursive: true, force: true })
    },
    thumbprints: { root: fingerprints(at('good/root.pem')).sha1, issuing: fingerprints(at('good/issuing.pem')).sha1 }
  }
}
