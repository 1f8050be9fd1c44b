// What the emulated tenant holds, counted by certificate: the oracle for "nothing duplicated,
// nothing lost" after a run.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Emulator } from '../../emulator/index.ts'
import { ROOT } from '../../emulator/run-action.ts'

export const EXAMPLE_FILES = [
  'examples/contoso/contoso-root-ca.cer',
  'examples/contoso/contoso-issuing-ca-1.pem',
  'examples/contoso/contoso-issuing-ca-2.pem'
]
export const EXAMPLE_CERTIFICATES = EXAMPLE_FILES.join('\n')
/** An example CA as the emulator's seeding takes it: DER bytes, or PEM text. */
export const exampleBytes = (i: number): Buffer | string => {
  const file = EXAMPLE_FILES[i]!
  return file.endsWith('.pem') ? readFileSync(join(ROOT, file), 'utf8') : readFileSync(join(ROOT, file))
}

export const thumbprintOf = (base64: string): string => createHash('sha1').update(Buffer.from(base64, 'base64')).digest('hex').toUpperCase()

/** Thumbprints held per configuration of the kind, each list sorted (duplicates kept, to be seen). */
export function holdings(emulator: Emulator, kind: string): string[][] {
  const { state } = emulator
  const lists =
    kind === 'organization'
      ? state.organizationCba === undefined
        ? []
        : [state.organizationCba.certificateAuthorities]
      : kind === 'pki'
        ? state.pkis.map((p) => p.certificateAuthorities)
        : state.applicationConfigurations.map((c) => c.trustedCertificateAuthorities)
  return lists.map((cas) => cas.map((ca) => thumbprintOf(ca.certificate)).sort())
}
