// The inputs and outputs tables of README.md are generated from action.yml (npm run readme):
// this fails as soon as the two differ, and names the command that mends it.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { inputsTable, MARKERS, outputsTable, parseActionMetadata, renderReadme } from '../../scripts/readme-tables.ts'
import { ACTION, ROOT } from './support/workflows.ts'

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
const actionYml = readFileSync(join(ROOT, 'action.yml'), 'utf8')

describe('README inputs and outputs tables', () => {
  it('are what `npm run readme` generates from action.yml', () => {
    const wanted = renderReadme(readme, actionYml)
    if (wanted !== readme) throw new Error('README.md tables differ from action.yml: run `npm run readme` and commit README.md.')
    expect(wanted).toBe(readme)
  })

  it('hold one row per input and output of action.yml', () => {
    for (const name of Object.keys(ACTION.inputs)) expect(readme).toContain(`| \`${name}\` |`)
    for (const name of Object.keys(ACTION.outputs)) expect(readme).toContain(`| \`${name}\` |`)
    expect(Object.keys(ACTION.inputs).length).toBeGreaterThan(10)
    expect(Object.keys(ACTION.outputs).length).toBeGreaterThan(5)
  })

  it('each marker appears exactly once', () => {
    for (const marker of Object.values(MARKERS).flat()) expect(readme.split(marker)).toHaveLength(2)
  })
})

describe('the generator', () => {
  const meta = parseActionMetadata(`
inputs:
  plain:
    description: A plain input.
  needed:
    description: Needed | always.
    required: true
  sometimes:
    description: >-
      Folded over
      two lines. Required unless \`dry-run\` is true.
  flag:
    description: A flag.
    default: 'false'
  empty-default:
    description: Empty default.
    default: ''
outputs:
  result:
    description: The result.
`)

  it('writes required, default and one-line, pipe-escaped descriptions', () => {
    expect(inputsTable(meta).split('\n')).toEqual([
      '| input | required | default | description |',
      '|---|---|---|---|',
      '| `plain` | no |  | A plain input. |',
      '| `needed` | yes |  | Needed \\| always. |',
      '| `sometimes` | conditional |  | Folded over two lines. Required unless `dry-run` is true. |',
      '| `flag` | no | `false` | A flag. |',
      '| `empty-default` | no |  | Empty default. |'
    ])
    expect(outputsTable(meta)).toBe('| output | description |\n|---|---|\n| `result` | The result. |')
  })

  it('replaces only the text between the markers, and is stable', () => {
    const [inStart, inEnd] = MARKERS.inputs
    const [outStart, outEnd] = MARKERS.outputs
    const doc = `# T\n\nbefore\n${inStart}\nstale\n${inEnd}\nmiddle\n${outStart}\n${outEnd}\nafter\n`
    const once = renderReadme(doc, actionYml)
    expect(once.startsWith('# T\n\nbefore\n')).toBe(true)
    expect(once).toContain(`${inEnd}\nmiddle\n`)
    expect(once.endsWith(`${outEnd}\nafter\n`)).toBe(true)
    expect(once).not.toContain('stale')
    expect(renderReadme(once, actionYml)).toBe(once)
  })

  it('refuses a README without the markers, and an action.yml without descriptions', () => {
    expect(() => renderReadme('# no markers\n', actionYml)).toThrow(/lacks the markers/)
    expect(() => parseActionMetadata('inputs:\n  x: {}\noutputs: {}\n')).toThrow(/input x has no description/)
  })
})
