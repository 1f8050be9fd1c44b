// What a glob over a workspace can catch besides certificates: pipes, devices, link loops, huge
// files, folders only, thousands of files, and text in Windows encodings. None may hang the run
// or fill its memory; each gets one problem naming the file and the fix. (Formats: load.test.ts.)
import { execFileSync } from 'node:child_process'
import { mkdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { loadCertificates, MAX_FILES } from '../../src/certificates/load.ts'
import { MAX_FILE_BYTES } from '../../src/certificates/read-file.ts'
import { fixture, temporaryFolder } from './support/fixtures.ts'

let workspace: string
let cleanup: () => Promise<void>
const at = (name: string): string => path.join(workspace, name)

beforeAll(async () => {
  ;({ dir: workspace, cleanup } = await temporaryFolder())
  await mkdir(at('loop'))
  await symlink('b.pem', at('loop/a.pem'))
  await symlink('a.pem', at('loop/b.pem'))
  await mkdir(at('cycle/certs'), { recursive: true })
  await writeFile(at('cycle/certs/root.pem'), await readFile(fixture('rsa-root.pem')))
  await symlink('..', at('cycle/certs/up'))
  await symlink(at('cycle/certs'), at('cycle/certs-link'))
  await mkdir(at('folders/a.pem'), { recursive: true })
  await mkdir(at('folders/b.pem'))
  execFileSync('mkfifo', [at('pipe.pem')])
  await symlink('/dev/zero', at('zero.pem'))
  await symlink('missing.pem', at('dangling.pem'))
  await writeFile(at('huge.pem'), '')
  await truncate(at('huge.pem'), 50 * 1024 * 1024)
})
afterAll(async () => {
  await cleanup()
})

const only = async (patterns: string[]): Promise<{ file?: string; message: string }> => {
  const loaded = await loadCertificates(patterns, workspace)
  expect(loaded.certificates).toEqual([])
  expect(loaded.problems).toHaveLength(1)
  expect(loaded.problems[0]?.severity).toBe('error')
  const { file, message } = loaded.problems[0]!
  return file === undefined ? { message } : { file, message }
}

describe('files that are not regular files, or never end', () => {
  it.each<[string, string, RegExp]>([
    [
      'a named pipe (would block a read forever)',
      'pipe.pem',
      /^pipe\.pem is a named pipe \(FIFO\), not a regular file; point `certificates` at certificate files only$/
    ],
    ['a link to /dev/zero (would never end)', 'zero.pem', /^zero\.pem is a device, not a regular file/],
    ['a symbolic link loop, named as a path', 'loop/a.pem', /^loop\/a\.pem is a symbolic link that loops .*; fix or remove the link$/],
    ['a link to nothing', 'dangling.pem', /^dangling\.pem is a symbolic link to missing\.pem, which does not exist; fix the link/],
    [
      'a 50 MB file, judged by its size before any read',
      'huge.pem',
      /^huge\.pem is 50 MB, too large for a certificate file \(the limit is 10 MB.*\), so it was not read/
    ]
  ])('%s', async (_, name, message) => {
    expect(await only([name])).toEqual({ file: name, message: expect.stringMatching(message) })
  })

  it('a link loop caught by a glob is reported for each link, and the glob ends', async () => {
    const loaded = await loadCertificates(['loop/*'], workspace)
    expect(loaded.problems.map((p) => [p.file, p.message.replace(/ loops .*/, ' loops')])).toEqual([
      ['loop/a.pem', 'loop/a.pem is a symbolic link that loops'],
      ['loop/b.pem', 'loop/b.pem is a symbolic link that loops']
    ])
  })

  it('the size limit is far above any CA bundle', () => {
    expect(MAX_FILE_BYTES).toBe(10 * 1024 * 1024)
  })
})

describe('globs', () => {
  it('a recursive glob over a symlinked folder cycle ends, and finds each real file once', async () => {
    const started = Date.now()
    const loaded = await loadCertificates(['cycle/**/*.pem'], workspace)
    expect(Date.now() - started).toBeLessThan(5000)
    expect(loaded.problems).toEqual([])
    expect(loaded.certificates.map((c) => c.source.file)).toEqual(['cycle/certs/root.pem'])
  })

  it('a link to a folder is skipped like a folder', async () => {
    const loaded = await loadCertificates(['cycle/certs/*'], workspace)
    expect(loaded.problems).toEqual([])
    expect(loaded.certificates.map((c) => c.source.file)).toEqual(['cycle/certs/root.pem'])
  })

  it('a glob that matches only folders says so, and how to name the files in them', async () => {
    expect(await only(['folders/*'])).toEqual({
      message:
        '`folders/*` matches only directories (folders/a.pem, folders/b.pem), no file; name the certificate files in them, e.g. `folders/*/*.pem`'
    })
  })

  it(`a glob over more than ${MAX_FILES} files stops there, with one error`, async () => {
    await mkdir(at('many'))
    await Promise.all(Array.from({ length: MAX_FILES + 5 }, (_, i) => writeFile(at(`many/${i}.crt`), '')))
    expect(await only(['many/*.crt'])).toEqual({
      message: expect.stringMatching(/^`many\/\*\.crt` matches more than 1000 files; .*narrow the patterns to the CA files/)
    })
  })

  it.each<[string, RegExp]>([
    ['"folders/a.pem/x.pem"', /; remove the quotes around it/],
    ['folders\\a.pem\\x.pem', /; write `\/` between folders/],
    ['folders/none.pem', /created the files$/]
  ])('a pattern %s that matches nothing gets a hint for the usual slip', async (pattern, hint) => {
    expect((await only([pattern])).message).toMatch(hint)
  })

  it('a path that leaves the workspace with `..` resolves, and is shown absolute', async () => {
    const { dir, cleanup: done } = await temporaryFolder()
    try {
      await writeFile(path.join(dir, 'outside.pem'), await readFile(fixture('rsa-root.pem')))
      const relative = path.relative(workspace, path.join(dir, 'outside.pem'))
      expect(relative.startsWith('..')).toBe(true)
      const loaded = await loadCertificates([relative, path.join(path.relative(workspace, dir), '*.pem')], workspace)
      expect(loaded.problems).toEqual([])
      expect(loaded.certificates.map((c) => c.source.file)).toEqual([path.join(dir, 'outside.pem')])
    } finally {
      await done()
    }
  })
})

describe('text encodings and look-alikes', () => {
  const pem = (): Promise<string> => readFile(fixture('rsa-root.pem'), 'utf8')
  const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16()

  it.each<[string, () => Promise<Buffer>]>([
    ['a UTF-8 byte order mark', async () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(await pem())])],
    [
      'UTF-16 LE with a byte order mark (PowerShell 5)',
      async () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(await pem(), 'utf16le')])
    ],
    ['UTF-16 BE with a byte order mark', async () => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(await pem())])],
    ['CRLF line ends', async () => Buffer.from((await pem()).replace(/\n/g, '\r\n'))],
    ['text between and around blocks', async () => Buffer.from(`subject=CN=x\nsome notes\n${await pem()}\n# end\n`)]
  ])('PEM with %s is read like plain PEM', async (_, content) => {
    await writeFile(at('encoded.pem'), await content())
    const loaded = await loadCertificates(['encoded.pem', fixture('rsa-root.pem')], workspace)
    expect(loaded.problems).toEqual([])
    expect(loaded.certificates).toHaveLength(2)
    expect(loaded.certificates[0]?.der).toEqual(loaded.certificates[1]?.der)
  })

  it.each<[string, () => Promise<Buffer>, string]>([
    [
      'a private key in UTF-16',
      async () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(await readFile(fixture('key-pkcs8.pem'), 'utf8'), 'utf16le')]),
      'holds a private key'
    ],
    [
      'a PGP private key block',
      async () => Buffer.from('-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGY=\n-----END PGP PRIVATE KEY BLOCK-----\n'),
      'holds a private key'
    ],
    [
      'an SSH public key',
      async () => Buffer.from('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG3 user@host\n'),
      'is not a certificate file: it is an SSH public key'
    ],
    [
      'a ZIP archive',
      async () => Buffer.from('PK\x03\x04\x14\x00\x00\x00', 'latin1'),
      'is not a certificate file: it is a ZIP archive; extract the certificates'
    ],
    ['a JSON file', async () => Buffer.from('{"certificates": []}\n'), 'is not a certificate file: it is neither PEM']
  ])('%s is refused with what it is', async (_, content, message) => {
    await writeFile(at('lookalike.crt'), await content())
    expect(await only(['lookalike.crt'])).toEqual({ file: 'lookalike.crt', message: expect.stringContaining(`lookalike.crt ${message}`) })
  })
})
