import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../harness/runner.js';

// Generates a check type in a copy of the repository, then type-checks what it wrote and runs its test there:
// proves the template compiles, joins the unions and the registry, and that its test passes.
const SKIP = new Set(['node_modules', '.git', 'dist', 'coverage']);
const TYPE = 'dns-name';
const SRC = 'actions/health-gate/src';
const WRITTEN = [`${SRC}/checks/${TYPE}.ts`, `__tests__/health-gate/${TYPE}-check.test.ts`];
const EDITED = [`${SRC}/types.ts`, `${SRC}/config-keys.ts`, `${SRC}/checks/index.ts`];
let copy: string;
let generated: SpawnSyncReturns<string>;

const run = (command: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(command, args, { cwd: copy, encoding: 'utf8', env: { ...process.env, ...env } });

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'ubos-new-check-type-'));
  cpSync(repoRoot, copy, { recursive: true, filter: (src) => !SKIP.has(src.slice(repoRoot.length + 1).split('/')[0]) });
  symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'));
  generated = run(process.execPath, ['scripts/new-check-type.mjs', TYPE]);
});

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('npm run new-check-type', () => {
  it('writes the check module and its test with the type filled in', () => {
    expect(generated.stderr).toBe('');
    expect(generated.status).toBe(0);
    for (const file of WRITTEN) {
      expect(existsSync(join(copy, file))).toBe(true);
      expect(readFileSync(join(copy, file), 'utf8')).not.toMatch(/__TYPE__|__PASCAL__|__CAMEL__/);
    }
    expect(readFileSync(join(copy, WRITTEN[0]), 'utf8')).toContain(
      'export const dnsNameCheck = defineCheckKind<DnsNameCheck>({'
    );
  });

  it('adds the type to both unions, to CHECK_TYPES and last to the registry', () => {
    const [types, keys, registry] = EDITED.map((file) => readFileSync(join(copy, file), 'utf8'));
    expect(types).toMatch(/export type CheckType = [^;]*\| 'prometheus' \| 'dns-name';/);
    expect(types).toMatch(/export type Check =[^;]*\| PrometheusCheck \| DnsNameCheck;/);
    expect(types).toContain(`import type { DnsNameCheck } from './checks/${TYPE}.js';`);
    expect(keys).toMatch(/'prometheus',\s+'dns-name'\s*\]/);
    expect(registry).toContain(`import { dnsNameCheck } from './${TYPE}.js';`);
    expect(registry).toMatch(/prometheus: prometheusCheck,\n {2}'dns-name': dnsNameCheck\n\};/);
  });

  it('refuses a bad or taken type', () => {
    const bad = run(process.execPath, ['scripts/new-check-type.mjs', 'Bad_Type']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('not a kebab-case check type');
    const taken = run(process.execPath, ['scripts/new-check-type.mjs', 'redis']);
    expect(taken.status).toBe(2);
    expect(taken.stderr).toContain('already exists');
  });

  it('writes files the repository formatting and type-check accept', () => {
    const prettier = run(join(copy, 'node_modules/.bin/prettier'), ['--check', ...WRITTEN, ...EDITED]);
    expect(prettier.stderr).toBe('');
    expect(prettier.status).toBe(0);
    // The whole health-gate source: a check type must fit everything that switches on or lists the types.
    writeFileSync(
      join(copy, 'tsconfig.new-check-type.json'),
      JSON.stringify({ extends: './tsconfig.json', include: [`${SRC}/**/*.ts`, WRITTEN[1]] })
    );
    const tsc = run(process.execPath, [
      join(copy, 'node_modules/typescript/bin/tsc'),
      '--noEmit',
      '-p',
      'tsconfig.new-check-type.json'
    ]);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 120_000);

  it('passes its test', () => {
    // The repository's Jest config without its global setup: the example probe needs no services.
    const config = {
      testEnvironment: 'node',
      extensionsToTreatAsEsm: ['.ts'],
      resolver: 'ts-jest-resolver',
      transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
      testMatch: [`<rootDir>/__tests__/health-gate/${TYPE}-check.test.ts`]
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
    expect(jest.stderr).toContain(`${TYPE} check`);
    expect(jest.status).toBe(0);
  }, 120_000);
});
