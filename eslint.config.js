// Static checks run by `npm test` after the type check. Type-aware rules catch what the
// compiler lets through: promises nobody awaits, promises handed to callbacks that ignore
// them, and `any` leaking into typed code.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'e2e/artifacts/', 'coverage/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          // The runner scripts are plain JavaScript outside tsconfig.json.
          allowDefaultProject: ['*.js', 'scripts/*.mjs', 'scripts/fixtures/*.mjs', 'e2e/*.mjs'],
          // Those are a dozen small files; the default limit (8) is about globs that match a tree.
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 16,
          defaultProject: 'tsconfig.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `_name` marks a value left out on purpose (e.g. a column dropped by destructuring).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Fastify plugins and interface implementations are async without awaiting anything:
      // the promise is their contract, not an oversight.
      '@typescript-eslint/require-await': 'off',
      // Style only: `xs[i]!` documents that the index is in range while
      // noUncheckedIndexedAccess is off; removing it makes nothing safer.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    // Row ids come from one place, which draws their randomness in bulk (platform/db/ids.ts).
    files: ['src/server/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts'],
    ignores: ['src/server/platform/db/ids.ts', 'src/server/platform/db/ids.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'uuid', importNames: ['v7', 'v4'], message: 'Make row ids with newId() (platform/db/ids.ts).' }] }] },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Untyped JavaScript: every value is `any`, so only the promise rules say something useful.
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
);
