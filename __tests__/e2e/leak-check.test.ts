// The leak check every runAction applies (emulator/leaks.ts): it must see real tokens and keys,
// wherever a run leaves text, and must not cry wolf at `::add-mask::` lines.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { generateKeyPairSync } from 'node:crypto'
import { startEmulator, type Emulator } from '../../emulator/index.ts'
import { findLeaks, keyMaterial } from '../../emulator/leaks.ts'
import { runAction } from '../../emulator/run-action.ts'

const CERTIFICATES = 'examples/contoso/*.cer\nexamples/contoso/*.pem'
let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})

describe('findLeaks', () => {
  const token = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJyZXBvOm9jdG8vcmVwbyJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg'
  const key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  const der = Buffer.from(key.replace(/-----[^-]+-----|\s/g, ''), 'base64')

  it.each<[string, string, string[]]>([
    ['a JWT on a log line', `::debug::token ${token}`, ['stdout line 1: a JWT']],
    ['a JWT only on an ::add-mask:: line', `::add-mask::${token}\nok`, []],
    [
      'a PEM private key (its BEGIN line, and its body line by line)',
      `text\n${key}`,
      [
        'stdout line 2: a PEM private key',
        'stdout line 3: 32 characters of key 1 (from offset 0)',
        'stdout line 4: 32 characters of key 1 (from offset 64)',
        'stdout line 5: 32 characters of key 1 (from offset 128)'
      ]
    ],
    // Two bytes before it shift the base64 groups: the DER from its second byte (key 2) lines up.
    [
      'the key DER at another alignment inside a longer base64 text',
      Buffer.concat([Buffer.from([1, 2]), der]).toString('base64'),
      ['stdout line 1: key 2 (whole)']
    ],
    ['the key DER as hex', `bytes: ${der.toString('hex')}`, ['stdout line 1: key 4 (whole)']],
    [
      '48 characters from the middle of the key',
      `x${der.toString('base64').slice(40, 88)}x`,
      ['stdout line 1: 32 characters of key 1 (from offset 48)']
    ],
    ['nothing secret', 'thumbprint 333C326A7B9B50339A1CE0CDF8ED4C0AF5463F06, eyJ alone', []]
  ])('%s', (_, text, leaks) => {
    expect(findLeaks([{ name: 'stdout', text }], { key: keyMaterial(Buffer.from(key)) })).toEqual(leaks)
  })

  it('ignores registered values too short to be secrets', () => {
    expect(findLeaks([{ name: 'stdout', text: 'request-token' }], { token: ['request-token'] })).toEqual([])
  })
})

describe('runAction checks every run', () => {
  it('turns debug logging on, and knows the tokens the emulator issued during the run', async () => {
    const before = emulator.issuedTokens.length
    const result = await runAction(
      { kind: 'pki', 'display-name': 'Leak check', certificates: CERTIFICATES, ...emulator.inputs() },
      { env: { ...emulator.env() } }
    )
    expect(result.code).toBe(0)
    expect(result.leaks).toEqual([])
    expect(result.stdout).toMatch(/^::debug::/m)
    const issued = emulator.issuedTokens.slice(before)
    expect(issued).toHaveLength(2) // the GitHub ID token and the Graph access token
    for (const token of issued) expect(result.stdout).toContain(`::add-mask::${token}`)
  })

  it('throws when a run leaks a token, naming where (here: into the summary and the log)', async () => {
    const token = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJsZWFrIn0.c2lnbmF0dXJl' // a short JWT fits in a display-name
    const inputs = { kind: 'pki', 'display-name': `Leak ${token}`, certificates: CERTIFICATES, 'dry-run': 'true' }
    await expect(runAction(inputs)).rejects.toThrow(/The run leaked secrets .*\n- stdout line \d+: a JWT/)
    const reported = await runAction(inputs, { onLeak: 'report' })
    expect(reported.code).toBe(0)
    expect(reported.leaks).toEqual(expect.arrayContaining([expect.stringMatching(/^GITHUB_STEP_SUMMARY line 1: a JWT$/)]))
  })

  it('finds registered key material in any file the run left in RUNNER_TEMP', async () => {
    const key = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' })
    const secret = key.toString('base64')
    const result = await runAction(
      { kind: 'pki', 'display-name': secret, certificates: CERTIFICATES, 'dry-run': 'true' },
      { secrets: keyMaterial(key), onLeak: 'report' }
    )
    expect(result.leaks).toEqual(
      expect.arrayContaining([
        'GITHUB_STEP_SUMMARY line 1: registered secret 1 (whole)',
        expect.stringMatching(/^GITHUB_OUTPUT line \d+: registered secret 1 \(whole\)$/)
      ])
    )
  })
})
