// `npm run demo`: the action's main job against the project's loopback Graph emulator. For each
// kind it runs the committed dist/index.js as the runner does, with the example chain, twice: the
// first run publishes, the second finds nothing to do. Prints the plan, the requests, the outputs.
// Then the CRL check on one healthy and one expired CRL (scripts/demo-crl.ts).
// Exits 1 if a run fails or the second run writes anything, so CI can run it as a smoke test.
import { startEmulator, type RequestRecord } from '../emulator/index.ts'
import { ROOT, runAction, type ActionRun } from '../emulator/run-action.ts'
import { demoCrlCheck } from './demo-crl.ts'

const CERTIFICATES = 'examples/contoso/*.cer\nexamples/contoso/*.pem'
const KINDS = [
  { kind: 'organization', inputs: {} },
  { kind: 'pki', inputs: { 'display-name': 'Contoso Demo PKI', 'issuer-hints': 'true' } },
  { kind: 'application', inputs: { 'display-name': 'Contoso Demo apps', description: 'CAs trusted for app credentials' } }
] as const

const bold = (s: string): string => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s)
const WRITES = new Set(['POST', 'PATCH', 'DELETE', 'PUT'])

const emulator = await startEmulator()
let failed = false
try {
  console.log(bold('Graph emulator on loopback'))
  console.log(`  graph ${emulator.urls.graph}, authority ${emulator.urls.authority}, tenant ${emulator.tenantId}\n`)
  for (const { kind, inputs } of KINDS) {
    for (const attempt of ['first run', 'second run'] as const) {
      const before = emulator.requests.length
      const run = await runAction(
        { kind, certificates: CERTIFICATES, ...emulator.inputs(), ...inputs },
        { env: { ...emulator.env() }, workspace: ROOT }
      )
      const requests = emulator.requests.slice(before)
      const writes = requests.filter((r) => r.role === 'graph' && WRITES.has(r.method))
      console.log(
        bold(
          `kind ${kind}, ${attempt}: exit ${run.code} in ${Math.round(run.durationMs)} ms, ` +
            `${requests.length} request(s), ${writes.length} write(s)`
        )
      )
      printRun(run, requests)
      if (run.code !== 0) failed = true
      if (attempt === 'second run' && writes.length > 0) {
        console.log('  !! the second run wrote to the tenant: it should have found nothing to do')
        failed = true
      }
      console.log()
    }
  }
  if (!(await demoCrlCheck())) failed = true
  console.log(
    bold(
      failed
        ? 'Demo FAILED'
        : 'Demo passed: every kind published, re-runs wrote nothing, and the CRL check told the healthy CRL from the expired one.'
    )
  )
} finally {
  await emulator.close()
}
process.exitCode = failed ? 1 : 0

function printRun(run: ActionRun, requests: readonly RequestRecord[]): void {
  const lines = run.stdout.split('\n')
  const plan = lines.filter((l) => /^Plan for kind|^ {2}\d+\. /.test(l))
  console.log(plan.map((l) => `  ${l}`).join('\n'))
  console.log('  requests:')
  for (const r of requests) {
    const valid = r.schemaValid === undefined ? '' : r.schemaValid ? '  body schema-valid' : '  body NOT schema-valid'
    const path = r.role === 'oidc' ? '/…/idtoken (GitHub OIDC token)' : r.path.split('?')[0]
    console.log(`    ${r.role.padEnd(9)} ${r.method.padEnd(6)} ${path} -> ${r.status ?? 'no answer'}${valid}`)
  }
  const shown = ['configuration-id', 'created', 'unchanged', 'removed', 'certificate-authority-ids']
  console.log('  outputs:')
  for (const name of shown) if (run.outputs[name] !== undefined) console.log(`    ${name}: ${run.outputs[name]}`)
  const problems = lines.filter((l) => l.startsWith('::error') || l.startsWith('::warning'))
  if (run.code !== 0) console.log(`  errors:\n${[...problems, run.stderr].map((l) => `    ${l}`).join('\n')}`)
}
