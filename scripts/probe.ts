// `npm run probe`: for maintainers with a real TEST tenant. Signs in with an app registration
// (PROBE_* variables, read by this script only), creates a PKI of a random name, records what
// Microsoft Graph does on each point graph-api.md marks UNCONFIRMED (scripts/probe/points.ts),
// deletes what it created (also on an error, SIGINT or SIGTERM), and writes a JSON and a
// Markdown report. Its findings decide the emulator's defaults (emulator/config.ts).
// Exit 0 when the probe completed and cleaned up, 1 otherwise (130/143 when interrupted).
import { randomBytes } from 'node:crypto'
import { Cleanup } from './probe/cleanup.ts'
import { ProbeGraph } from './probe/graph.ts'
import { probePoints, type Finding } from './probe/points.ts'
import { writeReport } from './probe/report.ts'
import { readSettings, USAGE } from './probe/settings.ts'
import { signIn } from './probe/sign-in.ts'

if (process.argv.includes('--help')) {
  console.log(USAGE)
  process.exit(0)
}

let settings: ReturnType<typeof readSettings>
try {
  settings = readSettings(process.env)
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
}

const startedAt = new Date().toISOString()
const name = `entra-ca-chain-action-probe-${randomBytes(6).toString('hex')}`
const findings: Finding[] = []
let graph: ProbeGraph | undefined
const cleanup = new Cleanup(() => graph, name)

async function finish(outcome: string, code: number): Promise<never> {
  const cleaned = await cleanup.run()
  const paths = writeReport(settings.outDir, {
    tool: 'entra-ca-chain-action probe',
    startedAt,
    finishedAt: new Date().toISOString(),
    graphUrl: settings.graphUrl,
    tenantId: settings.tenantId,
    pkiName: name,
    outcome,
    findings,
    cleanup: cleaned,
    exchanges: graph?.exchanges ?? []
  })
  const clean = cleaned.leftovers.length === 0 && cleaned.errors.length === 0
  console.log(
    `${outcome}. Cleanup: ${clean ? 'nothing left behind' : `CHECK THE TENANT: ${[...cleaned.leftovers, ...cleaned.errors].join('; ')}`}.`
  )
  console.log(`Report: ${paths.markdown}\n        ${paths.json}`)
  process.exit(clean ? code : 1)
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143]
] as const) {
  process.once(signal, () => {
    console.log(`${signal}: cleaning up before exiting.`)
    void finish(`interrupted by ${signal}`, code)
  })
}

try {
  console.log(`Probing ${settings.graphUrl} in tenant ${settings.tenantId} with a PKI named ${name}.`)
  graph = new ProbeGraph(settings.graphUrl, await signIn(settings))
  await probePoints(graph, cleanup, settings.lagLimitMs, (finding) => {
    findings.push(finding)
    console.log(`- ${finding.point}: ${finding.observed}`)
  })
  await finish('completed', 0)
} catch (error) {
  // fetch's own message is "fetch failed"; the reason (refused, TLS, DNS) is in its cause.
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : ''
  await finish(`failed: ${error instanceof Error ? error.message : String(error)}${cause}`, 1)
}
