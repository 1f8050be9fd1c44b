// Fails when dist/ is not the build of src/: builds into a temporary folder with the same
// command as `npm run build` and compares every file byte for byte.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'

const root = join(import.meta.dirname, '..')
const fresh = mkdtempSync(join(tmpdir(), 'check-dist-'))
const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort()

try {
  execFileSync('npm', ['run', '-s', 'build', '--', '-o', fresh, '--quiet'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  const committed = join(root, 'dist')
  const want = files(fresh)
  const have = (() => {
    try {
      return files(committed)
    } catch {
      return []
    }
  })()
  const differing = [
    ...want.filter((f) => !have.includes(f)).map((f) => `missing: dist/${f}`),
    ...have.filter((f) => !want.includes(f)).map((f) => `extra:   dist/${f}`),
    ...want
      .filter((f) => have.includes(f) && !readFileSync(join(fresh, f)).equals(readFileSync(join(committed, f))))
      .map((f) => `differs: dist/${f}`)
  ]
  if (differing.length > 0) {
    console.error(`dist/ is not the build of src/:\n  ${differing.join('\n  ')}\nRun \`npm run build\` and commit dist/.`)
    process.exitCode = 1
  } else {
    console.log(`dist/ is the build of src/ (${want.length} files).`)
  }
} finally {
  rmSync(fresh, { recursive: true, force: true })
}
