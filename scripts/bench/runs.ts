// The bench's measured runs: a bare `node`, an offline dry-run, a pki publication against the
// emulator, and the same publication the way users do it today (`az rest`). Each returns its
// figures; a run that does not do what it should ends the bench (`fail`).
import { spawn } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Emulator } from '../../emulator/index.ts'
import { NODE24, ROOT, runAction, type ActionRun } from '../../emulator/run-action.ts'
import { azRestPost } from './azure-cli.ts'
import { analyzeLog, type LogAnalysis } from './requests.ts'

/** A runner's default: step debug logging off (runAction turns it on for tests). */
export const NO_DEBUG = { ACTIONS_STEP_DEBUG: '', RUNNER_DEBUG: '' }
export const PKI_PATH = '/v1.0/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations'
/**
 * A request counts as sent after another when it arrived no earlier than this before the other's
 * answer: the log's times have millisecond resolution, and a response's end is computed from the
 * arrival time plus a rounded duration that also covers reading the body.
 */
export const TOLERANCE = 3

export const fail = (message: string): never => {
  process.stderr.write(`bench: ${message}\n`)
  process.exit(1)
}

/** Whole-process time of `node <args>`, spawned and waited for exactly as runAction does for the action. */
export async function timedNode(nodeArgs: readonly string[]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-node-'))
  try {
    const begin = performance.now()
    const child = spawn(NODE24, nodeArgs, { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir }, cwd: ROOT })
    child.stdout.on('data', () => {})
    child.stderr.on('data', () => {})
    const code = await new Promise<number | null>((done) => child.on('close', done))
    const ms = performance.now() - begin
    if (code !== 0) fail(`node ${nodeArgs.join(' ')} exited ${code}`)
    return ms
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function explain(run: ActionRun): string {
  const problems = run.stdout
    .split('\n')
    .filter((l) => l.startsWith('::error'))
    .slice(0, 5)
  return [`exit ${run.code}`, ...problems, run.stderr.trim().split('\n').slice(-5).join('\n')].filter(Boolean).join('\n  ')
}

function certificatesOutput(run: ActionRun): number {
  try {
    return (JSON.parse(run.outputs.certificates ?? '[]') as unknown[]).length
  } catch {
    return -1
  }
}

export async function dryRun(workspace: string, certificates: string, expected: number, what: string): Promise<number> {
  const run = await runAction(
    { kind: 'pki', 'display-name': 'Bench PKI', certificates, 'dry-run': 'true', 'min-validity-days': '0' },
    { workspace, env: NO_DEBUG }
  )
  if (run.code !== 0 || certificatesOutput(run) !== expected) {
    fail(
      `${what}: the dry-run failed or did not validate ${expected} CAs (${certificatesOutput(run)}):\n  ${explain(run)}\n` +
        'If another engineer is rebuilding dist/, wait a minute, run `npm run build`, and run the bench again.'
    )
  }
  return run.durationMs
}

export interface PublicationRun {
  readonly wallMs: number
  readonly log: LogAnalysis
  /** CPU time of this (bench) process from the start of the run to the last answer: the emulator's share of the machine. */
  readonly emulatorCpuMs: number
  /** Spawn to the first request reaching the emulator: start-up, validation, loading the network code, first connection. */
  readonly beforeFirstRequestMs: number
  /** Last answer to the process's exit. */
  readonly afterLastAnswerMs: number
}

/** process.cpuUsage() when the emulator last finished a request: give `markAnswer` as its onRequest hook. */
let cpuAtLastAnswer: NodeJS.CpuUsage = process.cpuUsage()
export const markAnswer = (): void => {
  cpuAtLastAnswer = process.cpuUsage()
}
const cpuMs = (from: NodeJS.CpuUsage, to: NodeJS.CpuUsage): number => (to.user - from.user + to.system - from.system) / 1000

/**
 * One pki publication into an empty tenant, or (`existing`) into an existing, empty PKI of that
 * name: the steady state of a release pipeline, with no PKI to create and no race to settle.
 */
export async function publication(
  emulator: Emulator,
  workspace: string,
  files: readonly string[],
  latencyMs: number,
  existing = false
): Promise<PublicationRun> {
  emulator.reset()
  if (existing) emulator.state.seedPki('Bench PKI')
  emulator.faults.latencyMs = latencyMs
  const cpu = process.cpuUsage()
  const spawned = Date.now()
  const run = await runAction(
    // crl-check off: the chain's CRL hosts do not exist, and the CRL check has a row of its own (crl.ts).
    {
      kind: 'pki',
      'display-name': 'Bench PKI',
      certificates: files.join('\n'),
      'min-validity-days': '0',
      'crl-check': 'off',
      ...emulator.inputs()
    },
    { env: { ...emulator.env(), ...NO_DEBUG }, workspace, timeoutMs: 120_000 }
  )
  const held = emulator.state.pkis[0]?.certificateAuthorities.length ?? 0
  let created = -1
  try {
    created = (JSON.parse(run.outputs.created ?? '[]') as unknown[]).length
  } catch {
    /* reported below */
  }
  if (run.code !== 0 || held !== files.length || created !== files.length) {
    fail(`publication of ${files.length} CAs failed (tenant holds ${held}, created ${created}):\n  ${explain(run)}`)
  }
  const emulatorCpuMs = cpuMs(cpu, cpuAtLastAnswer)
  const log = analyzeLog([...emulator.requests], TOLERANCE)
  return {
    wallMs: run.durationMs,
    log,
    emulatorCpuMs,
    beforeFirstRequestMs: log.firstArrival - spawned,
    afterLastAnswerMs: spawned + run.durationMs - log.lastAnswer
  }
}

export interface AzRun {
  readonly wallMs: number
  readonly calls: number
  readonly log: LogAnalysis
  readonly emulatorCpuMs: number
}

/** The user's script: one `az rest` creating the PKI, then one per CA, one after the other. */
export async function azPublication(
  emulator: Emulator,
  latencyMs: number,
  az: string,
  env: NodeJS.ProcessEnv,
  pkiBody: string,
  caBodies: readonly string[]
): Promise<AzRun> {
  emulator.reset()
  emulator.faults.latencyMs = latencyMs
  const token = emulator.accessToken()
  const url = `${emulator.urls.graph}${PKI_PATH}`
  const cpu = process.cpuUsage()
  const begin = performance.now()
  const pki = await azRestPost(az, env, url, token, pkiBody)
  const id = typeof pki.id === 'string' ? pki.id : fail(`az rest: the PKI create returned no id: ${JSON.stringify(pki).slice(0, 200)}`)
  for (const body of caBodies) await azRestPost(az, env, `${url}/${id}/certificateAuthorities`, token, body)
  const wallMs = performance.now() - begin
  const emulatorCpuMs = cpuMs(cpu, cpuAtLastAnswer)
  const held = emulator.state.pkis[0]?.certificateAuthorities.length ?? 0
  const foreign = emulator.requests.filter((r) => r.role !== 'graph' || !(r.userAgent ?? '').includes('AZURECLI'))
  if (held !== caBodies.length || foreign.length > 0) {
    throw new Error(`az rest run: tenant holds ${held} of ${caBodies.length} CAs; ${foreign.length} unexpected request(s)`)
  }
  return { wallMs, calls: 1 + caBodies.length, log: analyzeLog([...emulator.requests], TOLERANCE), emulatorCpuMs }
}

/** The hand-made JSON of a user's script: base64 DER, SHA-1 thumbprint, notAfter, root or not. */
export function userCaBody(file: string, isRoot: boolean): Record<string, unknown> {
  const cert = new X509Certificate(readFileSync(file))
  return {
    certificate: cert.raw.toString('base64'),
    thumbprint: cert.fingerprint.replace(/:/g, ''),
    expirationDateTime: new Date(cert.validTo).toISOString(),
    certificateAuthorityType: isRoot ? 'root' : 'intermediate'
  }
}
