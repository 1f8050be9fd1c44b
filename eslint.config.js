// ESLint flat config: typescript-eslint's type-aware recommended rules on every TypeScript file
// (src, tests, emulator, scripts), with type information from tsconfig.json (project service).
// src/ gets every rule as an error. Elsewhere a few rules are tuned, each with its reason below.
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import tseslint from 'typescript-eslint'

export default defineConfig(
  // .tmp/ holds scratch files (git-ignored); the rest is generated or not code.
  { ignores: ['dist/', 'coverage/', 'node_modules/', '.tmp/', '**/__fixtures__/'] },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      // The code marks a deliberately unused parameter or binding with a leading underscore.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true
        }
      ]
    }
  },
  {
    files: ['__tests__/**/*.ts'],
    rules: {
      // Tests read JSON bodies (JSON.parse, response.json()) whose shape is what they assert:
      // typing each one would restate the assertion, and an `any` there cannot reach the action.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Fakes implement async interfaces (sleep, clientAssertion) without awaiting anything.
      '@typescript-eslint/require-await': 'off'
    }
  },
  {
    files: ['__tests__/**/*.ts', 'emulator/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      // Findings here are shown as warnings, for the owners of these dev tools to settle; they do
      // not fail `npm run lint`. In src/ they are errors.
      '@typescript-eslint/no-base-to-string': 'warn',
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-floating-promises': 'warn',
      '@typescript-eslint/no-unnecessary-type-assertion': 'warn'
    }
  },
  {
    files: ['**/*.js'],
    extends: [js.configs.recommended]
  }
)
