// Settings from a map of inputs, as the runner would give them, for the settings tests.
import { expect } from '@jest/globals'
import { UserError } from '../../src/errors.ts'
import { parseSettings } from '../../src/settings.ts'

export const parse = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = { GITHUB_WORKSPACE: '/ws' }) =>
  parseSettings((name) => inputs[name] ?? '', env)

/** The message of the UserError that these inputs give (the test fails when they give none). */
export function errorOf(inputs: Record<string, string>): string {
  try {
    parse(inputs)
  } catch (e) {
    expect(e).toBeInstanceOf(UserError)
    return (e as Error).message
  }
  throw new Error('expected a UserError')
}
