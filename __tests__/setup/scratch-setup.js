// One scratch folder for the whole test run: every test, helper and action run that asks
// os.tmpdir() for a folder gets one inside it (TMPDIR is set before the workers start), and
// scratch-teardown.js removes it, so a run leaves nothing behind in the machine's /tmp.
// Plain JavaScript: jest loads global setup files outside its module mapping.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'

export default function setup() {
  const scratch = mkdtempSync(join(tmpdir(), 'entra-ca-tests-'))
  process.env.ENTRA_CA_TEST_SCRATCH = scratch
  process.env.TMPDIR = scratch
}
