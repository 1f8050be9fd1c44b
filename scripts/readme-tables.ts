// `npm run readme`: rewrites the inputs and outputs tables of README.md from action.yml, between
// the marker comments. `--check` writes nothing and exits 1 when README.md is not up to date.
// __tests__/docs/readme-tables.test.ts fails on the same condition, so the tables cannot drift.
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export interface ActionInput {
  readonly description: string
  readonly required: boolean
  /** Undefined when action.yml gives no default (or an empty one). */
  readonly default: string | undefined
}

export interface ActionMetadata {
  readonly inputs: Readonly<Record<string, ActionInput>>
  readonly outputs: Readonly<Record<string, { readonly description: string }>>
}

export const MARKERS = {
  inputs: ['<!-- inputs:start (generated from action.yml by `npm run readme`) -->', '<!-- inputs:end -->'],
  outputs: ['<!-- outputs:start (generated from action.yml by `npm run readme`) -->', '<!-- outputs:end -->']
} as const

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..')

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)

export function parseActionMetadata(actionYml: string): ActionMetadata {
  const doc: unknown = parse(actionYml)
  if (!isRecord(doc) || !isRecord(doc.inputs) || !isRecord(doc.outputs)) {
    throw new Error('action.yml has no `inputs` or `outputs` map')
  }
  const text = (value: unknown, where: string): string => {
    if (typeof value !== 'string' || value.trim() === '') throw new Error(`action.yml: ${where} has no description`)
    return value.trim()
  }
  const inputs: Record<string, ActionInput> = {}
  for (const [name, spec] of Object.entries(doc.inputs)) {
    const s = isRecord(spec) ? spec : {}
    const fallback =
      typeof s.default === 'string' || typeof s.default === 'number' || typeof s.default === 'boolean' ? String(s.default) : ''
    inputs[name] = {
      description: text(s.description, `input ${name}`),
      required: s.required === true,
      default: fallback === '' ? undefined : fallback
    }
  }
  const outputs: Record<string, { description: string }> = {}
  for (const [name, spec] of Object.entries(doc.outputs)) {
    outputs[name] = { description: text(isRecord(spec) ? spec.description : undefined, `output ${name}`) }
  }
  return { inputs, outputs }
}

/** One table cell: one line, pipes escaped. */
const cell = (value: string): string => value.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|')

/** `yes`, `no`, or `conditional` when the description says when it is required. */
const requirement = (input: ActionInput): string =>
  input.required ? 'yes' : /\bRequired (unless|for|when|with)\b/.test(input.description) ? 'conditional' : 'no'

export function inputsTable(meta: ActionMetadata): string {
  const rows = Object.entries(meta.inputs).map(
    ([name, input]) =>
      `| \`${name}\` | ${requirement(input)} | ${input.default === undefined ? '' : `\`${cell(input.default)}\``} | ${cell(input.description)} |`
  )
  return ['| input | required | default | description |', '|---|---|---|---|', ...rows].join('\n')
}

export function outputsTable(meta: ActionMetadata): string {
  const rows = Object.entries(meta.outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`)
  return ['| output | description |', '|---|---|', ...rows].join('\n')
}

/** README.md with the text between each pair of markers replaced by the table built from action.yml. */
export function renderReadme(readme: string, actionYml: string): string {
  const meta = parseActionMetadata(actionYml)
  let text = readme
  for (const [key, table] of [
    ['inputs', inputsTable(meta)],
    ['outputs', outputsTable(meta)]
  ] as const) {
    const [start, end] = MARKERS[key]
    const from = text.indexOf(start)
    const to = text.indexOf(end, from + 1)
    if (from < 0 || to < 0) throw new Error(`README.md lacks the markers ${start} ... ${end}`)
    text = `${text.slice(0, from + start.length)}\n${table}\n${text.slice(to)}`
  }
  return text
}

function main(args: readonly string[]): number {
  const readmePath = join(ROOT, 'README.md')
  const current = readFileSync(readmePath, 'utf8')
  const wanted = renderReadme(current, readFileSync(join(ROOT, 'action.yml'), 'utf8'))
  if (args.includes('--check')) {
    if (current === wanted) return 0
    console.error('README.md: the inputs/outputs tables differ from action.yml; run `npm run readme`.')
    return 1
  }
  if (current !== wanted) writeFileSync(readmePath, wanted)
  console.log(current === wanted ? 'README.md tables are up to date.' : 'README.md tables rewritten from action.yml.')
  return 0
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2))
}
