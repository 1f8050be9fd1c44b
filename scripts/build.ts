// Builds dist/: ncc bundles src/index.ts and its lazily loaded chunks, then every chunk is
// minified. ncc's own --minify touches only the entry file and leaves the chunks (MSAL, undici,
// Octokit: nine tenths of the bytes) as they are, which is why this step exists.
//
// Usage: node scripts/build.ts [-o <folder>] [--quiet]   (default folder: dist)
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { minify } from 'terser'

const root = join(import.meta.dirname, '..')
const args = process.argv.slice(2)
const outIndex = args.indexOf('-o')
const out: string = (outIndex >= 0 ? args[outIndex + 1] : undefined) ?? join(root, 'dist')
const quiet = args.includes('--quiet')

const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
execFileSync(
  process.execPath,
  [ncc, 'build', 'src/index.ts', '-o', out, '--license', 'licenses.txt', '--target', 'es2024', ...(quiet ? ['--quiet'] : [])],
  {
    cwd: root,
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit']
  }
)

for (const name of readdirSync(out)
  .filter((f) => f.endsWith('.js'))
  .sort()) {
  const path = join(out, name)
  const source = readFileSync(path, 'utf8')
  const result = await minify(source, {
    module: true,
    ecma: 2020,
    // Class names stay: errors are told apart by name in logs, and libraries read constructor.name.
    keep_classnames: true,
    compress: { passes: 2 },
    // webpack's comments naming each concatenated module stay: the licence test reads them.
    format: { comments: /node_modules\// }
  })
  if (result.code === undefined) throw new Error(`terser produced nothing for ${name}`)
  writeFileSync(path, result.code)
  if (!quiet) console.log(`${name}: ${(source.length / 1024).toFixed(0)} KB -> ${(result.code.length / 1024).toFixed(0)} KB`)
}
