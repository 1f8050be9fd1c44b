// docs/third-party-licenses.txt must name every package bundled in dist/, with its licence text.
// ncc's dist/licenses.txt misses some (the ES modules it concatenates), so this is the complete list.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { bundledPackages, OUTPUT, renderLicenses } from '../../scripts/third-party-licenses.ts'
import { ROOT } from './support/workflows.ts'

const packages = bundledPackages()
const bundle = readdirSync(join(ROOT, 'dist'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => readFileSync(join(ROOT, 'dist', f), 'utf8'))
  .join('\n')

describe('third-party licences of the bundle', () => {
  it('docs/third-party-licenses.txt is what `npm run licenses` writes', () => {
    const wanted = renderLicenses()
    if (readFileSync(OUTPUT, 'utf8') !== wanted) throw new Error('docs/third-party-licenses.txt is out of date: run `npm run licenses`.')
  })

  it('lists every package whose modules dist/ names', () => {
    // webpack's module comments name each bundled file: `./node_modules/<pkg>/...[/node_modules/<pkg>/...]`.
    const paths = new Set<string>()
    for (const [path] of bundle.matchAll(/node_modules\/(?:@[\w.-]+\/)?[\w.-]+(?:\/node_modules\/(?:@[\w.-]+\/)?[\w.-]+)*/g))
      paths.add(path)
    expect(paths.size).toBeGreaterThan(0) // the scan found the bundled packages at all
    const listed = new Set(packages.map((p) => p.path))
    expect([...paths].filter((p) => !listed.has(p))).toEqual([])
  })

  it('lists every package of the licence file the build writes', () => {
    // Each entry starts after two blank lines (or at the top): the package name, then its licence id.
    const names = `\n\n${readFileSync(join(ROOT, 'dist', 'licenses.txt'), 'utf8')}`
      .split('\n\n\n')
      .map((entry) => entry.trim().split('\n')[0]!)
      .filter((line) => /^(@[\w.-]+\/)?[\w.-]+$/.test(line))
    expect(names.length).toBeGreaterThan(5)
    const listed = new Set(packages.map((p) => p.name))
    expect(names.filter((n) => !listed.has(n))).toEqual([])
  })

  it('ships no dev dependency and no copyleft-only licence', () => {
    for (const name of ['jest', 'typescript', 'eslint', '@vercel/ncc']) expect(packages.map((p) => p.name)).not.toContain(name)
    for (const p of packages) expect(p.license).toMatch(/MIT|ISC|BSD|Apache-2\.0/)
  })
})
