import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The runner adapters: only an action's entry points and shared/src/actions/ may reach them, so engines,
// renderers and the CLI stay usable outside a GitHub runner (and testable without mocks).
const RUNNER_PACKAGES = ['@actions/core', '@actions/github', '@actions/github/*', '@actions/exec', '@actions/io'];
const ENGINE_BOUNDARY = {
  patterns: [
    {
      group: RUNNER_PACKAGES,
      message: 'Only main.ts, index.ts, post.ts and shared/src/actions/ talk to the runner; pass what you need in.'
    },
    {
      regex: '(^|/)shared/src/actions/(?!octokit\\.js$)',
      message: 'shared/src/actions/ holds the runner adapters: only main.ts, index.ts and post.ts may import them.'
    },
    {
      // The Octokit factory logs through an injected Logger, so the CLI may build one; engines get an interface.
      regex: '(^|/)shared/src/actions/octokit\\.js$',
      allowTypeImports: true,
      message: 'Only main.ts, cli.ts and a GitHub client adapter build an Octokit; an engine takes an interface.'
    },
    {
      // Another action is reached only through its engine's public surface.
      regex: '^(\\.\\./)+(?!shared/)[a-z0-9-]+/src/(?!engine/index\\.js$)',
      message:
        "Import another action only through its engine/index.ts (e.g. '../../../health-gate/src/engine/index.js')."
    }
  ]
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'bench/.peers/**',
      'cli/src/registry.generated.ts',
      'shared/src/lib/version.generated.ts'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off'
    }
  },
  {
    files: ['actions/**/*.ts', 'shared/src/lib/**/*.ts', 'shared/src/cli/**/*.ts', 'cli/**/*.ts'],
    ignores: ['actions/*/src/main.ts', 'actions/*/src/index.ts', 'actions/*/src/post.ts'],
    rules: { 'no-restricted-imports': ['error', ENGINE_BOUNDARY] }
  },
  {
    // The CLI and the GitHub client adapters are the other places that may build an Octokit.
    files: ['actions/*/src/cli.ts', 'actions/*/src/github/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ENGINE_BOUNDARY.patterns.filter((p) => !String(p.regex ?? '').includes('octokit')) }
      ]
    }
  },
  {
    // Type-checked rules for every source (tests stay on the recommended set).
    files: ['actions/*/src/**/*.ts', 'shared/src/**/*.ts', 'cli/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // An async function that implements a Promise-returning interface need not await: what it throws becomes
      // a rejection, which is what its callers handle.
      '@typescript-eslint/require-await': 'off'
    }
  },
  {
    // The adapters may use each other and the runner, but never reach into an action.
    files: ['shared/src/actions/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)actions/[a-z0-9-]+/src/', message: 'shared/ must not depend on an action.' }] }
      ]
    }
  }
);
