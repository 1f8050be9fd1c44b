// `npm run demo`: the action's main job against the project's loopback Graph emulator. For each
// kind it runs the committed dist/index.js as the runner does, with the example chain, twice: the
// first run publishes, the second finds nothing to do. Prints the validated CAs, the plan, the
// requests and the outputs, and checks that the counts agree (see demo-counts.ts). Then the CRL
// check on one healthy and one expired CRL (scripts/demo-crl.ts). Exits 1 if a run fails, the
// counts disagree, or the second run writes anything, so CI can run it as a smoke test.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startEmulator, type RequestRecord } from '../emulator/index.ts'
import { ROOT, runAction, type ActionRun } from '../emulator/run-action.ts'
import { countRun, validationTable } from './demo-counts.ts'
import { demoCrlCheck } from './demo-crl.ts'

const CERTIFICATES = 'examples/contoso/*.cer\nexamples/contoso/*.pem'
// The issuing CAs issued nothing in the set, so their CRL URLs come from crl-urls lines; strict
// makes a CA without one an error. The CRL hosts (crl.contoso.example) do not exist: no CRL check.
const COMMON = {
  'crl-urls': readFileSync(join(ROOT, 'examples', 'contoso', 'crl-urls.txt'), 'utf8').trim(),
  strict: 'true',
  'crl-check': 'off'
}
const KINDS = [
  { kind: 'organization', inputs: {} },
  { kind: 'pki', inputs: { 'display-name': 'Contoso Demo PKI', 'issuer-hints': 'true' } },
  { kind: 'application', inputs: { 'display-name': 'Contoso Demo apps', description: 'CAs trusted for app credentials' } }
] as const

const bold = (s: string): string => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s)

const emulator = await startEmulator()
let failed = false
try {
  console.log(bold('Graph emulator on loopback'))
  console.log(`  graph ${emulator.urls.graph}, authority ${emulator.urls.authority}, tenant ${emulator.tenantId}\n`)
  for (const { kind, inputs } of KINDS) {
    for (const attempt of ['first run', 'second run'] as const) {
      const before = emulator.requests.length
      const run = await runAction(
        { kind, certificates: CERTIFICATES, ...COMMON, ...emulator.inputs(), ...inputs },
        { env: { ...emulator.env() }, workspace: ROOT }
      )
      const requests = emulator.requests.slice(before)
      const counts = countRun(run.outputs, requests)
      console.log(
        bold(
          `kind ${kind}, ${attempt}: exit ${run.code} in ${Math.round(run.durationMs)} ms, ` +
            `${counts.httpRequests} HTTP request(s) (${counts.batches} of them $batch), ${counts.writes} Graph write(s)`
        )
      )
      printRun(run, requests)
      console.log(`  counts: ${counts.summary}`)
      if (run.code !== 0) failed = true
      for (const problem of counts.problems) {
        console.log(`  !! ${problem}`)
        failed = true
      }
      if (attempt === 'second run' && counts.writes > 0) {
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
  console.log(`  validation: ${lines.find((l) => /CA\(s\) validated/.test(l))?.split(':')[0] ?? 'no CA validated'}`)
  console.log(
    validationTable(run.outputs)
      .map((l) => `    ${l}`)
      .join('\n')
  )
  const plan = lines.filter((l) => /^Plan for kind|^ {2}\d+\. /.test(l))
  console.log(plan.map((l) => `  ${l}`).join('\n'))
  console.log('  requests:')
  for (const r of requests) {
    const valid = r.schemaValid === undefined ? '' : r.schemaValid ? '  body schema-valid' : '  body NOT schema-valid'
    const path = r.role === 'oidc' ? '/…/idtoken (GitHub OIDC token)' : r.path.split('?')[0]
    console.log(`    ${r.role.padEnd(9)} ${r.method.padEnd(6)} ${path} -> ${r.status ?? 'no answer'}${valid}`)
  }
  const shown = ['configuration-id', 'created', 'unchanged', 'removed', 'skipped', 'certificate-authority-ids', 'drift']
  console.log('  outputs:')
  for (const name of shown) if (run.outputs[name] !== undefined) console.log(`    ${name}: ${run.outputs[name]}`)
  const problems = lines.filter((l) => l.startsWith('::error') || l.startsWith('::warning'))
  if (run.code !== 0) console.log(`  errors:\n${[...problems, run.stderr].map((l) => `    ${l}`).join('\n')}`)
}
