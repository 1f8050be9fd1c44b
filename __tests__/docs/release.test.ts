// scripts/release.ts in throw-away git repositories: every refusal leaves the repository as it
// was, and a release commits, tags vX.Y.Z, moves vX and pushes nothing.
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { changelogSection, release, ReleaseRefusal, stampChangelog, type ReleaseDeps } from '../../scripts/release.ts'
import { ROOT } from './support/workflows.ts'

const CHANGELOG = '# Changelog\n\n## Unreleased\n\n### Added\n\n- Something new.\n\n## 0.1.0 - 2026-01-01\n\n- First.\n'
const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim()

function repo(changelog = CHANGELOG): string {
  const dir = mkdtempSync(join(tmpdir(), 'release-test-'))
  dirs.push(dir)
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'config', 'user.email', 'test@example.com')
  git(dir, 'config', 'user.name', 'Test')
  git(dir, 'config', 'commit.gpgsign', 'false')
  git(dir, 'config', 'tag.gpgsign', 'false')
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'x', version: '0.1.0', private: true }, null, 2)}\n`)
  writeFileSync(
    join(dir, 'package-lock.json'),
    `${JSON.stringify({ name: 'x', version: '0.1.0', lockfileVersion: 3, packages: { '': { name: 'x', version: '0.1.0' } } }, null, 2)}\n`
  )
  writeFileSync(join(dir, 'CHANGELOG.md'), changelog)
  git(dir, 'add', '.')
  git(dir, 'commit', '-q', '-m', 'start')
  return dir
}

const deps = (cwd: string, distFresh = true): ReleaseDeps & { lines: string[] } => {
  const lines: string[] = []
  return { cwd, checkDist: () => distFresh, today: () => '2026-11-23', log: (l) => lines.push(l), lines }
}

/** What a refusal must leave untouched. */
const snapshot = (dir: string): string[] => [git(dir, 'rev-parse', 'HEAD'), git(dir, 'tag', '-l'), git(dir, 'status', '--porcelain')]

describe('release refuses', () => {
  it.each([['v1.0.0'], ['1.0'], ['1.0.0-rc.1'], ['01.0.0']])('a version written %s', (version) => {
    const dir = repo()
    expect(() => release(version, deps(dir))).toThrow(/is not a version: give X\.Y\.Z/)
  })

  it('outside main', () => {
    const dir = repo()
    git(dir, 'switch', '-q', '-c', 'feature')
    expect(() => release('1.0.0', deps(dir))).toThrow(/On branch feature: releases are made from main/)
  })

  it.each([
    ['a modified file', (dir: string) => writeFileSync(join(dir, 'package.json'), '{}\n')],
    ['an untracked file', (dir: string) => writeFileSync(join(dir, 'notes.txt'), 'x\n')]
  ])('with %s in the tree', (_what, change) => {
    const dir = repo()
    change(dir)
    expect(() => release('1.0.0', deps(dir))).toThrow(/not clean/)
  })

  it('a tag that exists', () => {
    const dir = repo()
    git(dir, 'tag', 'v1.0.0')
    expect(() => release('1.0.0', deps(dir))).toThrow(/tag v1\.0\.0 exists already/)
  })

  it.each([['0.1.0'], ['0.0.9']])('version %s, not higher than 0.1.0', (version) => {
    const dir = repo()
    expect(() => release(version, deps(dir))).toThrow(/not higher than the current version 0\.1\.0/)
  })

  it('without unreleased changelog entries', () => {
    const dir = repo('# Changelog\n\n## Unreleased\n\n## 0.1.0 - 2026-01-01\n\n- First.\n')
    expect(() => release('1.0.0', deps(dir))).toThrow(/no entries under "## Unreleased"/)
  })

  it('when dist/ is not the build of src/, and changes nothing', () => {
    const dir = repo()
    const before = snapshot(dir)
    const d = deps(dir, false)
    expect(() => release('1.0.0', d)).toThrow(ReleaseRefusal)
    expect(() => release('1.0.0', d)).toThrow(/dist\/ is not the build of src\//)
    expect(d.lines.join('\n')).toMatch(/check-dist/)
    expect(snapshot(dir)).toEqual(before)
  })

  it('when main is behind its upstream', () => {
    const origin = mkdtempSync(join(tmpdir(), 'release-origin-'))
    dirs.push(origin)
    git(origin, 'init', '-q', '--bare', '-b', 'main')
    const dir = repo()
    git(dir, 'remote', 'add', 'origin', origin)
    git(dir, 'push', '-q', '-u', 'origin', 'main')
    const other = mkdtempSync(join(tmpdir(), 'release-other-'))
    dirs.push(other)
    git(other, 'clone', '-q', origin, '.')
    git(other, '-c', 'user.email=o@example.com', '-c', 'user.name=O', 'commit', '-q', '--allow-empty', '-m', 'newer')
    git(other, 'push', '-q', 'origin', 'main')
    git(dir, 'fetch', '-q')
    expect(() => release('1.0.0', deps(dir))).toThrow(/1 commit\(s\) behind its upstream/)
  })
})

describe('release', () => {
  it('sets the version, dates the changelog, commits, tags vX.Y.Z and vX, and pushes nothing', () => {
    const dir = repo()
    const result = release('1.0.0', deps(dir))
    expect(result).toEqual({
      tag: 'v1.0.0',
      majorTag: 'v1',
      pushCommands: ['git push origin main', 'git push origin v1.0.0', 'git push --force origin v1']
    })
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('Release v1.0.0')
    expect(git(dir, 'status', '--porcelain')).toBe('')
    const head = git(dir, 'rev-parse', 'HEAD')
    expect(git(dir, 'rev-parse', 'v1.0.0^{commit}')).toBe(head)
    expect(git(dir, 'rev-parse', 'v1^{commit}')).toBe(head)
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version).toBe('1.0.0')
    const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'))
    expect([lock.version, lock.packages[''].version]).toEqual(['1.0.0', '1.0.0'])
    const changelog = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')
    expect(changelog).toContain('## Unreleased\n\n## 1.0.0 - 2026-11-23\n\n### Added\n\n- Something new.\n')
    expect(git(dir, 'tag', '-l', '--format=%(contents)', 'v1.0.0')).toContain('### Added\n\n- Something new.')
  })

  it('moves the major tag on the next release of that major, and leaves older majors alone', () => {
    const dir = repo()
    release('1.0.0', deps(dir))
    const first = git(dir, 'rev-parse', 'HEAD')
    writeFileSync(
      join(dir, 'CHANGELOG.md'),
      readFileSync(join(dir, 'CHANGELOG.md'), 'utf8').replace('## Unreleased\n', '## Unreleased\n\n- Fixed.\n')
    )
    git(dir, 'commit', '-q', '-am', 'fix')
    release('1.0.1', deps(dir))
    expect(git(dir, 'rev-parse', 'v1^{commit}')).toBe(git(dir, 'rev-parse', 'HEAD'))
    expect(git(dir, 'rev-parse', 'v1.0.0^{commit}')).toBe(first)
    writeFileSync(
      join(dir, 'CHANGELOG.md'),
      readFileSync(join(dir, 'CHANGELOG.md'), 'utf8').replace('## Unreleased\n', '## Unreleased\n\n- Breaking.\n')
    )
    git(dir, 'commit', '-q', '-am', 'break')
    release('2.0.0', deps(dir))
    expect(git(dir, 'rev-parse', 'v2^{commit}')).toBe(git(dir, 'rev-parse', 'HEAD'))
    expect(git(dir, 'rev-parse', 'v1^{commit}')).toBe(git(dir, 'rev-parse', 'v1.0.1^{commit}'))
  })
})

describe('changelog helpers', () => {
  it('read one section, for the release notes', () => {
    const stamped = stampChangelog(CHANGELOG, '1.0.0', '2026-11-23')
    expect(changelogSection(stamped, '## 1.0.0')).toBe('### Added\n\n- Something new.')
    expect(changelogSection(stamped, '## Unreleased')).toBe('')
    expect(changelogSection(stamped, '## 0.1.0')).toBe('- First.')
    expect(changelogSection(stamped, '## 0.1')).toBeUndefined()
  })

  it("the project's CHANGELOG.md has the section a release needs", () => {
    const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')
    expect(changelogSection(changelog, '## Unreleased')).toMatch(/^- /m)
  })
})
