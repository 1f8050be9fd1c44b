// Static checks of GitHub workflow files: the README's examples and .github/workflows/*.yml.
// Parses the YAML and checks what a user would otherwise find out on the first failed run: the
// shape of jobs and steps, `uses:` references, that every `with:` key of this action is one of
// its inputs, the inputs it requires, the permissions it needs, and the outputs read from it.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseDocument } from 'yaml'
import { parseActionMetadata, type ActionMetadata } from '../../../scripts/readme-tables.ts'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
export const ACTION: ActionMetadata = parseActionMetadata(readFileSync(join(ROOT, 'action.yml'), 'utf8'))
/** How the README refers to this action: the owner is the one thing a user fills in. */
export const README_ACTION_REF = '<owner>/entra-ca-chain-action@v1'
/** How the repository's own workflows refer to it. */
export const LOCAL_ACTION_REF = './'

export interface YamlBlock {
  /** 1-based line of the opening fence. */
  readonly line: number
  readonly text: string
}

/** Every fenced ```yaml (or ```yml) block of a Markdown text. */
export function yamlBlocks(markdown: string): YamlBlock[] {
  const blocks: YamlBlock[] = []
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i]!)) continue
    const start = i
    const body: string[] = []
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!)
    blocks.push({ line: start + 1, text: `${body.join('\n')}\n` })
  }
  return blocks
}

type Json = Record<string, unknown>
const isRecord = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value)
const isExpression = (value: unknown): boolean => typeof value === 'string' && /\$\{\{.*\}\}/s.test(value)
/** A `with:` value as the runner passes it: YAML `true` and `'true'` are the same input. */
const literal = (value: unknown): string | undefined =>
  (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && !isExpression(value) ? String(value) : undefined

const USES = /^(\.\/|docker:\/\/\S+$|[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[\w./-]+$)/
const BOOLEAN_INPUTS = ['allow-recreate', 'issuer-hints', 'strict', 'dry-run', 'fail-on-drift', 'pr-comment']
const KINDS = ['organization', 'pki', 'application']

export interface WorkflowSummary {
  /** Steps that use this action, as `job/step-index`. */
  readonly actionSteps: string[]
  readonly jobs: string[]
}

/**
 * Problems of one workflow, as readable lines (empty when it is fine). `actionRef` is how this
 * action is referenced: README_ACTION_REF or LOCAL_ACTION_REF.
 */
export function checkWorkflow(
  text: string,
  actionRef: string,
  meta: ActionMetadata = ACTION
): { problems: string[]; summary: WorkflowSummary } {
  const problems: string[] = []
  const summary: WorkflowSummary = { actionSteps: [], jobs: [] }
  const doc = parseDocument(text, { prettyErrors: true })
  for (const error of doc.errors) problems.push(`YAML: ${error.message}`)
  if (doc.errors.length > 0) return { problems, summary }
  const workflow: unknown = doc.toJS()
  if (!isRecord(workflow)) return { problems: ['not a YAML map'], summary }
  if (workflow.on === undefined) problems.push('no `on:` trigger')
  if (!isRecord(workflow.jobs) || Object.keys(workflow.jobs).length === 0) {
    problems.push('no `jobs:`')
    return { problems, summary }
  }
  const workflowPermissions = workflow.permissions

  for (const [jobId, job] of Object.entries(workflow.jobs)) {
    summary.jobs.push(jobId)
    if (!isRecord(job)) {
      problems.push(`job ${jobId}: not a map`)
      continue
    }
    if (typeof job.uses === 'string') continue // a reusable workflow call
    if (job['runs-on'] === undefined) problems.push(`job ${jobId}: no \`runs-on\``)
    if (!Array.isArray(job.steps) || job.steps.length === 0) {
      problems.push(`job ${jobId}: no \`steps\``)
      continue
    }
    // A job's own `permissions` replace the workflow's; with neither, the token has the
    // repository's defaults, which never include id-token: write.
    const permissions = job.permissions ?? workflowPermissions
    const grants = (scope: string, level: 'read' | 'write'): boolean => {
      if (permissions === 'write-all') return true
      if (permissions === 'read-all') return level === 'read'
      if (!isRecord(permissions)) return false
      const value = permissions[scope]
      return value === 'write' || (level === 'read' && value === 'read')
    }
    const actionStepIds = new Set<string>()

    job.steps.forEach((step: unknown, index: number) => {
      const where = `job ${jobId}, step ${index + 1}`
      if (!isRecord(step)) {
        problems.push(`${where}: not a map`)
        return
      }
      const hasUses = typeof step.uses === 'string'
      const hasRun = typeof step.run === 'string'
      if (hasUses === hasRun) problems.push(`${where}: needs exactly one of \`uses\` and \`run\``)
      if (!hasUses) return
      const uses = step.uses as string
      const isThisAction = uses === actionRef
      if (!isThisAction && !USES.test(uses)) problems.push(`${where}: \`uses: ${uses}\` is not owner/repo@ref, ./path or docker://image`)
      if (!isThisAction && /entra-ca-chain-action|^\.\/$/.test(uses)) {
        problems.push(`${where}: refers to this action as \`${uses}\`; write \`${actionRef}\``)
      }
      if (/^actions\/checkout@/.test(uses) && permissions !== undefined && !grants('contents', 'read')) {
        problems.push(`job ${jobId}: actions/checkout needs \`contents: read\` in the permissions`)
      }
      if (!isThisAction) return

      summary.actionSteps.push(`${jobId}/${index + 1}`)
      if (typeof step.id === 'string') actionStepIds.add(step.id)
      const inputs = isRecord(step.with) ? step.with : {}
      for (const name of Object.keys(inputs)) {
        if (meta.inputs[name] === undefined) problems.push(`${where}: \`${name}\` is not an input of action.yml`)
      }
      for (const [name, input] of Object.entries(meta.inputs)) {
        if (input.required && (inputs[name] === undefined || inputs[name] === ''))
          problems.push(`${where}: required input \`${name}\` is missing`)
      }
      for (const name of BOOLEAN_INPUTS) {
        const value = literal(inputs[name])
        if (value !== undefined && !['true', 'false'].includes(value)) problems.push(`${where}: \`${name}: ${value}\` is not true or false`)
      }
      const kind = literal(inputs.kind)
      if (kind !== undefined && !KINDS.includes(kind)) problems.push(`${where}: \`kind: ${kind}\` is not one of ${KINDS.join(', ')}`)
      if ((kind === 'pki' || kind === 'application') && inputs['display-name'] === undefined) {
        problems.push(`${where}: \`kind: ${kind}\` needs \`display-name\``)
      }
      if (kind === 'application' && literal(inputs['api-version']) === 'v1.0')
        problems.push(`${where}: \`kind: application\` exists in Graph beta only`)
      const dryRun = literal(inputs['dry-run']) === 'true'
      const credentials = ['tenant-id', 'client-id'].filter((name) => inputs[name] !== undefined)
      if (!dryRun && credentials.length < 2)
        problems.push(`${where}: publishing (no \`dry-run: true\`) needs \`tenant-id\` and \`client-id\``)
      if (dryRun && credentials.length === 1)
        problems.push(`${where}: give both \`tenant-id\` and \`client-id\`, or neither (offline dry-run)`)
      if (credentials.length > 0 && !grants('id-token', 'write')) {
        problems.push(`job ${jobId}: signing in needs \`permissions: id-token: write\` (on the job or the workflow)`)
      }
      if (literal(inputs['pr-comment']) === 'true' && inputs['github-token'] === undefined && !grants('pull-requests', 'write')) {
        problems.push(`job ${jobId}: \`pr-comment: true\` with the job's token needs \`permissions: pull-requests: write\``)
      }
      if (literal(inputs['fail-on-drift']) === 'true' && (!dryRun || credentials.length < 2)) {
        problems.push(`${where}: \`fail-on-drift: true\` needs \`dry-run: true\` with \`tenant-id\` and \`client-id\``)
      }
    })

    // Outputs read from this action's steps must be outputs of action.yml.
    const jobText = JSON.stringify(job)
    for (const match of jobText.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      const [, id, output] = match
      if (actionStepIds.has(id!) && meta.outputs[output!] === undefined) {
        problems.push(`job ${jobId}: \`steps.${id}.outputs.${output}\` is not an output of action.yml`)
      }
    }
  }
  return { problems, summary }
}
