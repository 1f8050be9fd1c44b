// Every command the README's ```sh blocks show, and how the test suite exercises it. A command
// the table does not know fails __tests__/docs/readme-commands.test.ts: whoever adds one to the
// README says here how it is tested.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { shellBlocks, shellCommands, type ShellCommand } from './shell-blocks.ts'
import { ROOT } from './workflows.ts'

export type How =
  /** Run by the named test (a path under the repository root), which must show the command. */
  | { readonly run: string; readonly why?: string }
  /** An external tool's command (a tenant, GitHub, a download): only `bash -n` checks it. */
  | { readonly syntax: string }

const FRESH_CLONE = '__tests__/docs/fresh-clone.test.ts'
const AZ = { syntax: 'Azure CLI against a real tenant' } as const
const GH = { syntax: 'GitHub CLI against a real repository' } as const

/** Command prefix (words) -> how it is exercised. The longest matching prefix decides. */
export const README_COMMANDS: Readonly<Record<string, How>> = {
  'az login': AZ,
  'az ad app create': AZ,
  'az ad sp create': AZ,
  'az account show': AZ,
  'az ad app federated-credential create': AZ,
  'az ad sp show': AZ,
  'az ad app permission add': AZ,
  'az ad app permission admin-consent': AZ,
  'az ad group show': AZ,
  'az rest': AZ,
  'gh api': GH,
  'gh variable set': GH,
  echo: { syntax: 'prints the ids step 1 set' },
  // An assignment of a literal (PERMISSION=…, GRAPH=…): nothing to run.
  '': { syntax: 'a variable assignment' },
  'npm ci': { run: FRESH_CLONE, why: 'as `npm ci --offline --dry-run` over the worktree node_modules (a real npm ci takes a minute)' },
  'npm test': { run: '.ci/run', why: 'the suite does not run itself; CI runs `npm test` on a clean clone' },
  'npm run demo': { run: FRESH_CLONE },
  'npm run local': { run: FRESH_CLONE },
  'npm run local -- --offline': { run: FRESH_CLONE },
  'npm run local -- --help': { run: FRESH_CLONE },
  'cp .env.example .env': { run: FRESH_CLONE },
  'npx @github/local-action run': {
    syntax:
      'downloads @github/local-action from the npm registry (82 s the first time); __tests__/docs/local-run.test.ts runs the same .env offline'
  },
  env: { run: FRESH_CLONE },
  'npm run release': { run: '__tests__/docs/release.test.ts', why: 'scripts/release.ts in throw-away repositories' },
  'git push': { syntax: 'pushes to a remote' }
}

export const README = readFileSync(join(ROOT, 'README.md'), 'utf8')
export const BLOCKS = shellBlocks(README)
export const COMMANDS: ShellCommand[] = BLOCKS.flatMap(shellCommands)

/** The table key for a command, or undefined when the table does not know it. */
export function keyOf(command: ShellCommand): string | undefined {
  const text = command.words.join(' ')
  return Object.keys(README_COMMANDS)
    .filter((key) => text === key || text.startsWith(`${key} `) || (key === '' && command.words.length === 0))
    .sort((a, b) => b.length - a.length)[0]
}

/** The README commands the fresh-clone test runs, as written in the README. */
export const FRESH_CLONE_COMMANDS: ShellCommand[] = COMMANDS.filter((c) => {
  const how = README_COMMANDS[keyOf(c) ?? '\0']
  return how !== undefined && 'run' in how && how.run === FRESH_CLONE
})
