import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../harness/runner.js';

// Generates a diff family in a copy of the repository, then type-checks what it wrote and runs its table test
// there: proves the template compiles, registers its checks and is called by the diff, and that its table (run
// with every other family's, against the whole catalogue) passes.
const SKIP = new Set(['node_modules', '.git', 'dist', 'coverage']);
const FAMILY = 'document-tags';
const WRITTEN = [`actions/contract-test/src/diff/${FAMILY}.ts`, `__tests__/contract-test/diff-tables/${FAMILY}.ts`];
const EDITED = ['actions/contract-test/src/diff/registry.ts', 'actions/contract-test/src/diff/operations.ts'];
let copy: string;
let generated: SpawnSyncReturns<string>;

const run = (command: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(command, args, { cwd: copy, encoding: 'utf8', env: { ...process.env, ...env } });

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'ubos-new-diff-check-'));
  cpSync(repoRoot, copy, { recursive: true, filter: (src) => !SKIP.has(src.slice(repoRoot.length + 1).split('/')[0]) });
  symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'));
  generated = run(process.execPath, ['scripts/new-diff-check.mjs', FAMILY]);
});

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('npm run new-diff-check', () => {
  it('writes the family module and its table with the name filled in', () => {
    expect(generated.stderr).toBe('');
    expect(generated.status).toBe(0);
    for (const file of WRITTEN) {
      expect(existsSync(join(copy, file))).toBe(true);
      expect(readFileSync(join(copy, file), 'utf8')).not.toMatch(/__FAMILY__|__CAMEL__|__CONST__/);
    }
    expect(readFileSync(join(copy, WRITTEN[0]), 'utf8')).toContain('export const DOCUMENT_TAGS_CHECKS = [');
    expect(readFileSync(join(copy, WRITTEN[0]), 'utf8')).toContain('export function diffDocumentTags(e: Emitter)');
  });

  it('registers the checks last among the operation checks and calls the family last', () => {
    const registry = readFileSync(join(copy, EDITED[0]), 'utf8');
    expect(registry).toContain(`import { DOCUMENT_TAGS_CHECKS } from './${FAMILY}.js';`);
    expect(registry).toMatch(/\.\.\.LINK_CHECKS,\n {2}\.\.\.DOCUMENT_TAGS_CHECKS\n\] as const;/);
    expect(registry).toContain("checks: LINK_CHECKS },\n  { title: 'Document tags', checks: DOCUMENT_TAGS_CHECKS },\n");
    const operations = readFileSync(join(copy, EDITED[1]), 'utf8');
    expect(operations).toContain(`import { diffDocumentTags } from './${FAMILY}.js';`);
    expect(operations).toMatch(/diffWebhooks\(e, compare\);\n {2}diffDocumentTags\(e\);\n\}/);
  });

  it('refuses a bad or taken name', () => {
    const bad = run(process.execPath, ['scripts/new-diff-check.mjs', 'Bad_Family']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('not a kebab-case family name');
    const taken = run(process.execPath, ['scripts/new-diff-check.mjs', 'security']);
    expect(taken.status).toBe(2);
    expect(taken.stderr).toContain('already exists');
  });

  it('writes files the repository formatting and type-check accept', () => {
    const prettier = run(join(copy, 'node_modules/.bin/prettier'), ['--check', ...WRITTEN, ...EDITED]);
    expect(prettier.stderr).toBe('');
    expect(prettier.status).toBe(0);
    // Only what the new files reach, not the whole repository.
    writeFileSync(
      join(copy, 'tsconfig.new-diff-check.json'),
      JSON.stringify({ extends: './tsconfig.json', include: [], files: [WRITTEN[1]] })
    );
    const tsc = run(process.execPath, [
      join(copy, 'node_modules/typescript/bin/tsc'),
      '--noEmit',
      '-p',
      'tsconfig.new-diff-check.json'
    ]);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 120_000);

  it('passes the table test, its rows covering its checks', () => {
    // The repository's Jest config without its global setup: the diff needs no services.
    const config = {
      testEnvironment: 'node',
      extensionsToTreatAsEsm: ['.ts'],
      resolver: 'ts-jest-resolver',
      transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
      testMatch: ['<rootDir>/__tests__/contract-test/diff-tables.test.ts']
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
    expect(jest.stderr).toContain(`diff family ${FAMILY}`);
    expect(jest.status).toBe(0);
  }, 120_000);
});
