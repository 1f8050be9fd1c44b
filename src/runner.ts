// The GitHub Actions runner protocol, the part this action speaks: log lines, workflow commands
// (annotations, masking, debug), outputs through GITHUB_OUTPUT and the job summary through
// GITHUB_STEP_SUMMARY. @actions/core implements the same, but its entry module loads its OIDC
// client (@actions/http-client and a second undici) at start-up, which more than doubled the
// cold start of a dry-run; this module loads nothing. Tests hold it to @actions/core's output,
// byte for byte.
import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync } from 'node:fs'
import { EOL } from 'node:os'

/** Where an annotation points: the runner shows it on that file (and line) in the workflow run. */
export interface AnnotationProperties {
  readonly title?: string
  readonly file?: string
  readonly line?: number
  readonly endLine?: number
  readonly col?: number
  readonly endColumn?: number
}

// The runner's names for the annotation properties.
const PROPERTY_NAMES: Readonly<Record<keyof AnnotationProperties, string>> = {
  title: 'title',
  file: 'file',
  line: 'line',
  endLine: 'endLine',
  col: 'col',
  endColumn: 'endColumn'
}

/** Command data: `%`, CR and LF are percent-encoded so a message stays on one command line. */
const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
/** Property values also encode the separators `:` and `,`. */
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')

function command(name: string, properties: Readonly<Record<string, string | number | undefined>>, message: string): void {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
  process.stdout.write(`::${name}${props.length > 0 ? ` ${props.join(',')}` : ''}::${escapeData(message)}${EOL}`)
}

function annotation(name: 'error' | 'warning' | 'notice', message: string, properties: AnnotationProperties = {}): void {
  const props: Record<string, string | number | undefined> = {}
  for (const key of Object.keys(PROPERTY_NAMES) as Array<keyof AnnotationProperties>) props[PROPERTY_NAMES[key]] = properties[key]
  command(name, props, message)
}

export function info(message: string): void {
  process.stdout.write(`${message}${EOL}`)
}

/** Run by hand (`node dist/index.js`) rather than as a step of a job (GITHUB_ACTIONS=true). */
const outsideRunner = (): boolean => process.env.GITHUB_ACTIONS !== 'true'

/** Shown only when the run has debug logging on (ACTIONS_STEP_DEBUG); outside a runner, only with RUNNER_DEBUG=1. */
export function debug(message: string): void {
  if (outsideRunner() && process.env.RUNNER_DEBUG !== '1') return
  command('debug', {}, message)
}

export const error = (message: string, properties?: AnnotationProperties): void => annotation('error', message, properties)
export const warning = (message: string, properties?: AnnotationProperties): void => annotation('warning', message, properties)
export const notice = (message: string, properties?: AnnotationProperties): void => annotation('notice', message, properties)

/**
 * Asks the runner to replace the value with *** in every later log line. Outside a runner nothing
 * would mask it, so the command (which holds the secret) is not printed at all.
 */
export function setSecret(secret: string): void {
  if (outsideRunner()) return
  command('add-mask', {}, secret)
}

export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

// Outside a runner (run by hand, `node dist/index.js`) GITHUB_OUTPUT and GITHUB_STEP_SUMMARY are
// not set: outputs and the summary then go to standard output, each variable said once.
const saidMissing = new Set<string>()

/** Appends to the file a runner file command names; not set → returns false, having said so once. */
function appendToRunnerFile(variable: string, text: string): boolean {
  const file = process.env[variable]
  if (!file) {
    if (!saidMissing.has(variable)) info(`${variable} is not set (not a GitHub Actions runner): writing to standard output instead.`)
    saidMissing.add(variable)
    return false
  }
  if (!existsSync(file)) throw new Error(`${variable} names ${file}, which does not exist`)
  appendFileSync(file, text, { encoding: 'utf8' })
  return true
}

/** An output of the step: `name<<delimiter`, the value, the delimiter, in GITHUB_OUTPUT; outside a runner, `output name=value`. */
export function setOutput(name: string, value: string): void {
  const delimiter = `ghadelimiter_${randomUUID()}`
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`An output may not contain ${delimiter}`)
  if (!appendToRunnerFile('GITHUB_OUTPUT', `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`)) info(`output ${name}=${value}`)
}

/** Adds Markdown to the job summary; outside a runner, prints it. */
export function appendSummary(markdown: string): void {
  if (!appendToRunnerFile('GITHUB_STEP_SUMMARY', markdown)) info(markdown.endsWith(EOL) ? markdown.slice(0, -EOL.length) : markdown)
}
