// `npm run demo`, CRL part: the action's CRL check against the loopback CRL host, with a test CA
// openssl makes on the spot. Two offline dry-runs with `crl-check: warn`: one CA whose CRL is
// healthy, one whose CRL expired yesterday. Returns false when either verdict is not the expected one.
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeCrl, makeTestAuthority } from '../emulator/crl-authority.ts'
import { startCrlHost } from '../emulator/crl-host.ts'
import { runAction } from '../emulator/run-action.ts'

const bold = (s: string): string => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s)

export async function demoCrlCheck(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'demo-crl-'))
  const host = await startCrlHost()
  try {
    const ca = makeTestAuthority('Demo CRL CA', 'p256', dir)
    const thumbprint = createHash('sha1').update(ca.der).digest('hex').toUpperCase()
    const day = 86_400_000
    host.route('healthy.crl', { kind: 'bytes', body: makeCrl(ca, { revoked: ['1001', '1002'] }) })
    host.route('expired.crl', {
      kind: 'bytes',
      body: makeCrl(ca, { thisUpdate: new Date(Date.now() - 8 * day), nextUpdate: new Date(Date.now() - day) })
    })
    console.log(bold(`CRL check against a loopback CRL host (${host.origin}), test CA made with openssl`))
    let passed = true
    for (const [name, expected] of [
      ['healthy.crl', 'ok'],
      ['expired.crl', 'expired']
    ] as const) {
      const run = await runAction(
        {
          kind: 'pki',
          'display-name': 'Demo',
          certificates: 'ca.pem',
          'dry-run': 'true',
          'crl-check': 'warn',
          'crl-urls': `${thumbprint} ${host.url(name)}`
        },
        { workspace: ca.dir, env: { ACTIONS_STEP_DEBUG: '', RUNNER_DEBUG: '' } }
      )
      const crl = (JSON.parse(run.outputs.certificates ?? '[]') as Array<{ crl: { status: string } | null }>)[0]?.crl
      console.log(bold(`  ${name}: exit ${run.code}, crl ${JSON.stringify(crl)}`))
      const lines = run.stdout.split('\n').filter((l) => /CRL ok|^::warning/.test(l))
      for (const line of lines) console.log(`    ${line.replace(/^::warning file=[^:]*::/, 'warning: ').trim()}`)
      if (run.code !== 0 || crl?.status !== expected) {
        console.log(`  !! expected crl status ${expected}`)
        passed = false
      }
    }
    console.log()
    return passed
  } finally {
    await host.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
