// `npm run release -- X.Y.Z`: prepares a release of the action on a clean, up-to-date `main`.
// Refuses unless the tree is clean, the version is higher than the current one, CHANGELOG.md has
// unreleased entries and dist/ is the build of src/ (npm run check-dist). Then it sets the version
// in package.json (and package-lock.json), dates the changelog section, commits, tags vX.Y.Z,
// moves the major tag vX to it (force), and prints the push commands. It never pushes.
// `node scripts/release.ts --notes X.Y.Z` prints that version's changelog section (release notes).
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const RELEASE_BRANCH = 'main'
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/
const UNRELEASED = '## Unreleased'

/** A reason not to release, meant for the maintainer: the message says what to do. */
export class ReleaseRefusal extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ReleaseRefusal'
  }
}

export interface ReleaseDeps {
  /** The repository's top folder. */
  readonly cwd: string
  /** True when dist/ is the build of src/. */
  readonly checkDist: () => boolean
  /** Today as YYYY-MM-DD. */
  readonly today: () => string
  readonly log: (line: string) => void
}

export interface ReleaseResult {
  readonly tag: string
  readonly majorTag: string
  readonly pushCommands: readonly string[]
}

function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trimEnd()
}

function gitOk(cwd: string, args: readonly string[]): boolean {
  return spawnSync('git', args, { cwd, stdio: 'ignore' }).status === 0
}

const parts = (version: string): number[] => version.split('.').map(Number)
function isHigher(version: string, than: string): boolean {
  const [a, b] = [parts(version), parts(than)]
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] ?? 0) > (b[i] ?? 0)
  return false
}

/** The body of a `## ` section of the changelog (without its heading), or undefined. */
export function changelogSection(changelog: string, heading: string): string | undefined {
  const lines = changelog.split('\n')
  const start = lines.findIndex((line) => line === heading || line.startsWith(`${heading} `))
  if (start < 0) return undefined
  const rest = lines.slice(start + 1)
  const end = rest.findIndex((line) => line.startsWith('## '))
  return (end < 0 ? rest : rest.slice(0, end)).join('\n').trim()
}

/** The changelog with the unreleased entries moved under `## X.Y.Z - date`. */
export function stampChangelog(changelog: string, version: string, date: string): string {
  return changelog.replace(`${UNRELEASED}\n`, `${UNRELEASED}\n\n## ${version} - ${date}\n`)
}

function setVersion(file: string, version: string): void {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { version?: string; packages?: Record<string, { version?: string }> }
  json.version = version
  const root = json.packages?.['']
  if (root !== undefined) root.version = version
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`)
}

export function release(version: string, deps: ReleaseDeps): ReleaseResult {
  const { cwd } = deps
  if (!VERSION.test(version))
    throw new ReleaseRefusal(`"${version}" is not a version: give X.Y.Z, e.g. \`npm run release -- 1.2.3\` (no "v").`)
  if (!gitOk(cwd, ['rev-parse', '--is-inside-work-tree'])) throw new ReleaseRefusal(`${cwd} is not a git work tree.`)
  const branch = git(cwd, ['rev-parse', '--abbrev-ref', 'HEAD'])
  if (branch !== RELEASE_BRANCH)
    throw new ReleaseRefusal(`On branch ${branch}: releases are made from ${RELEASE_BRANCH}; run \`git switch ${RELEASE_BRANCH}\`.`)
  const dirty = git(cwd, ['status', '--porcelain', '--untracked-files=all'])
  if (dirty !== '') {
    throw new ReleaseRefusal(`The work tree is not clean; commit or stash first:\n${dirty.split('\n').slice(0, 10).join('\n')}`)
  }
  if (gitOk(cwd, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{u}'])) {
    const behind = Number(git(cwd, ['rev-list', '--count', 'HEAD..@{u}']))
    if (behind > 0)
      throw new ReleaseRefusal(`${RELEASE_BRANCH} is ${behind} commit(s) behind its upstream; run \`git pull --ff-only\` first.`)
  }
  const tag = `v${version}`
  const majorTag = `v${parts(version)[0]}`
  if (gitOk(cwd, ['rev-parse', '-q', '--verify', `refs/tags/${tag}`]))
    throw new ReleaseRefusal(`The tag ${tag} exists already: choose the next version.`)

  const packagePath = join(cwd, 'package.json')
  const current = (JSON.parse(readFileSync(packagePath, 'utf8')) as { version?: string }).version ?? '0.0.0'
  if (!isHigher(version, current)) throw new ReleaseRefusal(`${version} is not higher than the current version ${current}.`)
  const changelogPath = join(cwd, 'CHANGELOG.md')
  const changelog = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : ''
  const notes = changelogSection(changelog, UNRELEASED)
  if (notes === undefined || !/^\s*[-*] /m.test(notes)) {
    throw new ReleaseRefusal(`CHANGELOG.md has no entries under "${UNRELEASED}": list what this release changes, commit, and run again.`)
  }
  deps.log('Checking that dist/ is the build of src/ (npm run check-dist)...')
  if (!deps.checkDist()) throw new ReleaseRefusal('dist/ is not the build of src/: run `npm run build`, commit dist/, and run again.')

  const files = ['package.json', 'CHANGELOG.md', ...(existsSync(join(cwd, 'package-lock.json')) ? ['package-lock.json'] : [])]
  try {
    setVersion(packagePath, version)
    if (files.includes('package-lock.json')) setVersion(join(cwd, 'package-lock.json'), version)
    writeFileSync(changelogPath, stampChangelog(changelog, version, deps.today()))
    git(cwd, ['add', '--', ...files])
    git(cwd, ['commit', '-q', '-m', `Release ${tag}`])
  } catch (error) {
    // Leave the tree as it was: nothing half-done for the next attempt to trip on.
    gitOk(cwd, ['reset', '-q', 'HEAD', '--', ...files])
    gitOk(cwd, ['checkout', '-q', 'HEAD', '--', ...files])
    throw error
  }
  git(cwd, ['tag', '-a', '--cleanup=verbatim', tag, '-m', `${tag}\n\n${notes}`])
  git(cwd, ['tag', '-f', '-a', majorTag, '-m', `${majorTag} -> ${tag}`])
  const pushCommands = [`git push origin ${RELEASE_BRANCH}`, `git push origin ${tag}`, `git push --force origin ${majorTag}`]
  return { tag, majorTag, pushCommands }
}

function main(args: readonly string[]): number {
  const cwd = resolve(fileURLToPath(import.meta.url), '..', '..')
  if (args[0] === '--notes') {
    const notes = changelogSection(readFileSync(join(cwd, 'CHANGELOG.md'), 'utf8'), `## ${args[1] ?? ''}`)
    if (notes === undefined || args[1] === undefined) {
      console.error(`CHANGELOG.md has no section "## ${args[1] ?? '<version>'}".`)
      return 1
    }
    console.log(notes)
    return 0
  }
  const version = args[0]
  if (version === undefined || args.length > 1) {
    console.error('Usage: npm run release -- X.Y.Z\n       node scripts/release.ts --notes X.Y.Z')
    return 2
  }
  try {
    const result = release(version, {
      cwd,
      checkDist: () => spawnSync('npm', ['run', '-s', 'check-dist'], { cwd, stdio: 'inherit' }).status === 0,
      today: () => new Date().toISOString().slice(0, 10),
      log: (line) => console.log(line)
    })
    console.log(
      `Committed "Release ${result.tag}", tagged ${result.tag}, moved ${result.majorTag} to it. Nothing was pushed; to publish:\n`
    )
    console.log(result.pushCommands.map((c) => `  ${c}`).join('\n'))
    return 0
  } catch (error) {
    if (!(error instanceof ReleaseRefusal)) throw error
    console.error(`Refused: ${error.message}`)
    return 1
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2))
}
