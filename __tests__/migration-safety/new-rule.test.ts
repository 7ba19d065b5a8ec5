import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../harness/runner.js';

// Generates a rule in a copy of the repository, then type-checks what it wrote and runs its table test and the
// catalogue test there: proves the template compiles, registers and documents the rule, and that its test passes.
const SKIP = new Set(['node_modules', '.git', 'dist', 'coverage']);
const ID = 'ban-set-tablespace';
const WRITTEN = [
  `actions/migration-safety/src/rules/${ID}.ts`,
  `actions/migration-safety/docs/rules/${ID}.md`,
  `__tests__/migration-safety/rules/${ID}.test.ts`
];
let copy: string;
let generated: SpawnSyncReturns<string>;

const run = (command: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(command, args, { cwd: copy, encoding: 'utf8', env: { ...process.env, ...env } });

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'ubos-new-rule-'));
  cpSync(repoRoot, copy, { recursive: true, filter: (src) => !SKIP.has(src.slice(repoRoot.length + 1).split('/')[0]) });
  symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'));
  generated = run(process.execPath, ['scripts/new-rule.mjs', ID]);
});

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('npm run new-rule', () => {
  it('writes the rule, its docs page and its table test with the id filled in', () => {
    expect(generated.stderr).toBe('');
    expect(generated.status).toBe(0);
    for (const file of WRITTEN) {
      expect(existsSync(join(copy, file))).toBe(true);
      expect(readFileSync(join(copy, file), 'utf8')).not.toMatch(/__ID__|__CAMEL__/);
    }
    expect(readFileSync(join(copy, WRITTEN[0]), 'utf8')).toContain(`export const banSetTablespace = defineRule({`);
    expect(readFileSync(join(copy, WRITTEN[1]), 'utf8')).toMatch(new RegExp(`^# ${ID}\n`));
  });

  it('registers the rule last in rules/index.ts', () => {
    const index = readFileSync(join(copy, 'actions/migration-safety/src/rules/index.ts'), 'utf8');
    expect(index).toContain(`import { banSetTablespace } from './${ID}.js';`);
    expect(index).toMatch(/\.\.\.UBOS_RULES,\n {2}banSetTablespace\n\];/);
  });

  it('refuses a bad or taken id', () => {
    const bad = run(process.execPath, ['scripts/new-rule.mjs', 'Bad_Rule']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('not a kebab-case rule id');
    const taken = run(process.execPath, ['scripts/new-rule.mjs', 'ban-drop-table']);
    expect(taken.status).toBe(2);
    expect(taken.stderr).toContain('already exists');
  });

  it('writes files the repository formatting and type-check accept', () => {
    const prettier = run(join(copy, 'node_modules/.bin/prettier'), [
      '--check',
      ...WRITTEN,
      'actions/migration-safety/src/rules/index.ts'
    ]);
    expect(prettier.stderr).toBe('');
    expect(prettier.status).toBe(0);
    // Only what the new files reach, not the whole repository: the registry, the engine, the test helpers.
    writeFileSync(
      join(copy, 'tsconfig.new-rule.json'),
      JSON.stringify({
        extends: './tsconfig.json',
        include: [],
        files: [
          'actions/migration-safety/src/engine/libpg-query-wasm.d.ts',
          'actions/migration-safety/src/rules/index.ts',
          `__tests__/migration-safety/rules/${ID}.test.ts`
        ]
      })
    );
    const tsc = run(process.execPath, [
      join(copy, 'node_modules/typescript/bin/tsc'),
      '--noEmit',
      '-p',
      'tsconfig.new-rule.json'
    ]);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 120_000);

  it("passes its table test and the catalogue's per-rule checks (docs page, SARIF, --list-rules)", () => {
    // The repository's Jest config without its global setup: these tests need no PostgreSQL.
    const config = {
      testEnvironment: 'node',
      extensionsToTreatAsEsm: ['.ts'],
      resolver: 'ts-jest-resolver',
      transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
      testMatch: [
        `<rootDir>/__tests__/migration-safety/rules/${ID}.test.ts`,
        '<rootDir>/__tests__/migration-safety/catalogue.test.ts'
      ]
    };
    const jest = run(
      process.execPath,
      [
        join(copy, 'node_modules/jest/bin/jest.js'),
        '--rootDir',
        copy,
        '--config',
        JSON.stringify(config),
        '--ci',
        '--verbose'
      ],
      { NODE_OPTIONS: '--experimental-vm-modules' }
    );
    expect(jest.stderr).toMatch(/Tests: +\d+ passed, \d+ total/);
    expect(jest.stderr).toContain(`rule ${ID}`);
    expect(jest.status).toBe(0);
  }, 120_000);
});
