// Removes the test run's scratch folder (see scratch-setup.js).
import { rmSync } from 'node:fs'
import process from 'node:process'

export default function teardown() {
  const scratch = process.env.ENTRA_CA_TEST_SCRATCH
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true })
}
