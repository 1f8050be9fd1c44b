// The house rules a reviewer would otherwise have to check by eye (style.md, issue 17): no import
// cycle anywhere (type imports included: a cycle of types still makes two files change together),
// and no file in src/ over 300 lines.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { ROOT } from './support/workflows.ts'

const FOLDERS = ['src', 'scripts', 'emulator', '__tests__']
const MAX_SRC_LINES = 300

function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name))
}

/** Relative imports of a file: static, re-exports and dynamic import(), resolved to files. */
export function localImports(file: string, text: string): string[] {
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+'(\.{1,2}\/[^']+)'/gms),
    ...text.matchAll(/\bimport\(\s*'(\.{1,2}\/[^']+)'\s*\)/g)
  ].map((m) => m[1]!)
  return specifiers.map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts')))
}

/** Every cycle in a graph, each as the list of its files (Tarjan's strongly connected components). */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (node: string): void => {
    index.set(node, index.size)
    low.set(node, index.get(node)!)
    stack.push(node)
    onStack.add(node)
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue
      if (!index.has(next)) {
        visit(next)
        low.set(node, Math.min(low.get(node)!, low.get(next)!))
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!))
    }
    if (low.get(node) !== index.get(node)) return
    const component: string[] = []
    for (let top = stack.pop()!; ; top = stack.pop()!) {
      onStack.delete(top)
      component.push(top)
      if (top === node) break
    }
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort())
  }
  for (const node of graph.keys()) if (!index.has(node)) visit(node)
  return found
}

describe('the house rules', () => {
  const files = FOLDERS.flatMap(sources)
  const graph = new Map(files.map((f) => [f, localImports(f, readFileSync(f, 'utf8'))]))

  it('reads the imports it checks (the scan is not blind)', () => {
    expect(files.length).toBeGreaterThan(100)
    expect(graph.get(join(ROOT, 'src', 'main.ts'))).toContain(join(ROOT, 'src', 'settings.ts'))
    expect(graph.get(join(ROOT, 'src', 'main.ts'))).toContain(join(ROOT, 'src', 'publish.ts')) // import()
  })

  it('finds a cycle when there is one', () => {
    const a = '/x/a.ts'
    const b = '/x/b.ts'
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [a]],
          ['/x/c.ts', [a]]
        ])
      )
    ).toEqual([[a, b]])
    expect(localImports('/x/a.ts', "import type { T } from './b.ts'\nconst m = await import('../y/c.ts')")).toEqual(['/x/b.ts', '/y/c.ts'])
  })

  it('has no import cycle in src/, scripts/, emulator/ or the tests', () => {
    expect(cycles(graph).map((c) => c.map((f) => relative(ROOT, f)))).toEqual([])
  })

  it(`has no file in src/ over ${MAX_SRC_LINES} lines`, () => {
    const long = sources('src')
      .map((f) => ({ file: relative(ROOT, f), lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > MAX_SRC_LINES)
    expect(long).toEqual([])
  })
})
