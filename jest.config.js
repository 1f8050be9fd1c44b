// jest 29 with native ESM (NODE_OPTIONS=--experimental-vm-modules, set by `npm test`).
// ts-jest only transpiles (isolatedModules): `npm run typecheck` is the type check. jest 30 and
// @swc/jest are out because their platform binaries are missing from the package registry this
// project's CI reaches, which leaves `npm ci` unable to validate the lock file.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }]
  },
  // The compiler rewrites `./x.ts` imports to `./x.js`; map them back to the sources.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  testTimeout: 30000,
  // Most of the suite's time is spent waiting on the action's own processes (end-to-end tests):
  // one worker per core, not jest's default of one fewer, keeps both cores busy.
  maxWorkers: '100%',
  // A scratch TMPDIR for the run, removed at its end (__tests__/setup/scratch-setup.js).
  globalSetup: '<rootDir>/__tests__/setup/scratch-setup.js',
  globalTeardown: '<rootDir>/__tests__/setup/scratch-teardown.js'
}
