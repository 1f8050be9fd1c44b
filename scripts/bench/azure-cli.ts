// The way users publish today: `az rest` (Debian's azure-cli package) with a bearer token header,
// one call per write, sequential. Installing azure-cli is the only thing the bench may fetch from
// outside the machine (Debian's mirror, through apt); every `az` call goes to the loopback emulator,
// with a dead loopback proxy as a guard, so any other destination fails instead of leaving the host.
import { execFile, execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)

export type AzureCli =
  | { readonly ok: true; readonly az: string; readonly version: string; readonly installedNow: boolean }
  | { readonly ok: false; readonly reason: string }

function which(command: string): string | undefined {
  try {
    return (
      execFileSync('sh', ['-c', `command -v ${command}`], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim() || undefined
    )
  } catch {
    return undefined
  }
}

function azVersion(az: string, env: NodeJS.ProcessEnv): string {
  const out = execFileSync(az, ['version', '--output', 'json'], { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 }).toString()
  const version = (JSON.parse(out) as Record<string, unknown>)['azure-cli']
  return typeof version === 'string' ? version : 'unknown'
}

/** `az` on the PATH, or (when asked) Debian's azure-cli installed with apt (root or password-less sudo); never throws. */
export function ensureAzureCli(env: NodeJS.ProcessEnv, log: (line: string) => void, install: boolean): AzureCli {
  const found = which('az')
  if (found !== undefined) {
    try {
      return { ok: true, az: found, version: azVersion(found, env), installedNow: false }
    } catch (error) {
      return { ok: false, reason: `az at ${found} does not run: ${firstLine(error)}` }
    }
  }
  if (!install) return { ok: false, reason: 'az is not installed (npm run bench -- --install-az installs it with apt)' }
  if (which('apt-get') === undefined) return { ok: false, reason: 'az is not installed and this machine has no apt-get' }
  const asRoot = process.getuid?.() === 0
  const sudo = asRoot ? [] : which('sudo') !== undefined ? ['sudo', '-n'] : undefined
  if (sudo === undefined) return { ok: false, reason: 'az is not installed, and installing it needs root (no sudo)' }
  const apt = (args: string[]): void => {
    const [command, ...rest] = [...sudo, 'apt-get', ...args]
    execFileSync(command!, rest, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 900_000
    })
  }
  const installArgs = ['install', '-y', '-q', '--no-install-recommends', 'azure-cli']
  log("azure-cli is missing: installing Debian's azure-cli package with apt-get (one-time, not timed)...")
  try {
    try {
      apt(installArgs)
    } catch {
      log('  apt-get install failed; running apt-get update once and trying again...')
      apt(['update', '-q'])
      apt(installArgs)
    }
  } catch (error) {
    return { ok: false, reason: `apt-get could not install azure-cli: ${firstLine(error)}` }
  }
  const az = which('az')
  if (az === undefined) return { ok: false, reason: 'azure-cli installed, but no az on the PATH' }
  try {
    return { ok: true, az, version: azVersion(az, env), installedNow: true }
  } catch (error) {
    return { ok: false, reason: `az installed but does not run: ${firstLine(error)}` }
  }
}

function firstLine(error: unknown): string {
  const stderr = (error as { stderr?: Buffer | string }).stderr
  const text =
    stderr !== undefined && String(stderr).trim() !== '' ? String(stderr) : error instanceof Error ? error.message : String(error)
  return (
    text
      .trim()
      .split('\n')
      .filter((l) => l.trim() !== '')
      .slice(-1)[0]
      ?.slice(0, 300) ?? 'unknown error'
  )
}

/**
 * Environment for `az`: its own throw-away config folder (no login, no cache, no telemetry, no
 * survey or update prompts), the emulator's CA for Python requests, and a dead loopback proxy for
 * everything but loopback, so nothing can leave the machine.
 */
export function azureCliEnv(caFile: string): NodeJS.ProcessEnv {
  const config = mkdtempSync(join(tmpdir(), 'bench-azure-config-'))
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: config,
    AZURE_CONFIG_DIR: config,
    AZURE_CORE_COLLECT_TELEMETRY: 'false',
    AZURE_CORE_ONLY_SHOW_ERRORS: 'true',
    AZURE_CORE_SURVEY_MESSAGE: 'false',
    AZURE_CORE_NO_COLOR: 'true',
    AZURE_CORE_DISABLE_CONFIRM_PROMPT: 'true',
    AZURE_EXTENSION_USE_DYNAMIC_INSTALL: 'no',
    REQUESTS_CA_BUNDLE: caFile,
    HTTPS_PROXY: 'http://127.0.0.1:9',
    HTTP_PROXY: 'http://127.0.0.1:9',
    https_proxy: 'http://127.0.0.1:9',
    http_proxy: 'http://127.0.0.1:9',
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost'
  }
}

/** Writes a request body where `az rest --body @file` reads it (prepared before the timed part). */
export function bodyFile(dir: string, name: string, body: unknown): string {
  const file = join(dir, `${name}.json`)
  writeFileSync(file, JSON.stringify(body))
  return file
}

/** One `az rest --method post` with the bearer token as a header; returns the parsed response. */
export async function azRestPost(
  az: string,
  env: NodeJS.ProcessEnv,
  url: string,
  token: string,
  file: string
): Promise<Record<string, unknown>> {
  const { stdout } = await execFileAsync(
    az,
    [
      'rest',
      '--method',
      'post',
      '--url',
      url,
      '--headers',
      `Authorization=Bearer ${token}`,
      'Content-Type=application/json',
      '--body',
      `@${file}`,
      '--output',
      'json'
    ],
    { env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }
  )
  return JSON.parse(stdout) as Record<string, unknown>
}
