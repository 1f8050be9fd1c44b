// Starts the emulator for trying the action by hand, prints what a run needs, logs every request,
// and stays up until Ctrl-C.   node_modules/.bin/node emulator/cli.ts [--port 8443] [--page-size 100]
import { parseArgs } from 'node:util'
import { inputsToEnv, startEmulator } from './index.ts'
import type { RequestRecord } from './types.ts'

const USAGE = `Usage: node emulator/cli.ts [options]
  --port <n>         Graph on n, authority on n+1, OIDC on n+2 (default: free ports)
  --tenant-id <guid> tenant GUID (default: random)
  --client-id <guid> application (client) id (default: random)
  --page-size <n>    default page size of Graph collections (default: 100)
  --quiet            do not log requests
  --help`

function main(): Promise<void> | void {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'tenant-id': { type: 'string' },
      'client-id': { type: 'string' },
      'page-size': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false }
    }
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65533) throw new Error(`--port ${values.port ?? ''} is not a port number.\n${USAGE}`)
  return run(port, values)
}

async function run(
  port: number,
  values: { 'tenant-id'?: string; 'client-id'?: string; 'page-size'?: string; quiet?: boolean }
): Promise<void> {
  const emulator = await startEmulator({
    ...(port !== 0 ? { ports: { graph: port, authority: port + 1, oidc: port + 2 } } : {}),
    ...(values['tenant-id'] !== undefined ? { tenantId: values['tenant-id'] } : {}),
    ...(values['client-id'] !== undefined ? { clientId: values['client-id'] } : {}),
    ...(values['page-size'] !== undefined ? { config: { pageSize: Number(values['page-size']) } } : {}),
    ...(values.quiet ? {} : { onRequest: logLine })
  })
  // Before anything is printed: whoever reads "Ctrl-C to stop" may stop it at once.
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  const env = emulator.env()
  const inputs = Object.entries(inputsToEnv(emulator.inputs()))
  const quote = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`
  console.log(`Graph emulator up (tenant ${emulator.tenantId}, domain ${emulator.config.domains.join(', ')}).
  Graph:      ${emulator.urls.graph}/{v1.0|beta}
  Authority:  ${emulator.urls.authority}/{tenant}/oauth2/v2.0/token
  OIDC:       ${emulator.urls.oidcRequestUrl}

A run of the action against it (inputs use the runner's INPUT_<NAME> convention):
env \\
${[...Object.entries(env), ...inputs].map(([k, v]) => `  ${quote(`${k}=${v}`)} \\`).join('\n')}
  'INPUT_KIND=pki' 'INPUT_DISPLAY-NAME=Contoso PKI' \\
  "INPUT_CERTIFICATES=examples/contoso/*.cer
examples/contoso/*.pem" \\
  "INPUT_CRL-URLS=$(cat examples/contoso/crl-urls.txt)" \\
  GITHUB_WORKSPACE="$PWD" node_modules/.bin/node dist/index.js
(from the repository's root; without GITHUB_OUTPUT and GITHUB_STEP_SUMMARY the outputs and the
summary are printed. \`npm run local\` does all of this in one command.)

Ctrl-C to stop.`)
}

function logLine(r: RequestRecord): void {
  const status = r.status ?? (r.fault === 'hang' ? 'hanging' : 'dropped')
  const notes = [
    r.operation,
    r.fault && `fault=${r.fault}`,
    r.schemaValid === false && 'schema-invalid',
    r.committedStatus !== undefined && `committed=${r.committedStatus}`
  ]
    .filter(Boolean)
    .join(' ')
  console.log(`${r.time} ${r.role.padEnd(9)} ${r.method.padEnd(6)} ${String(status).padEnd(7)} ${r.path}  ${notes}`)
}

try {
  await main()
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
}
