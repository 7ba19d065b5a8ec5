import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  loadConfig,
  parseConfig,
  parseFailOn,
  parsePgVersion,
  resolveSettings,
  type Overrides
} from '../../actions/migration-safety/src/config.js';

const IDS = ['syntax-error', 'missing-object', 'require-concurrent-index-creation'];
const FILE = '.github/migration-safety.yml';
const inputs = (o: Partial<Overrides> = {}): Overrides => ({ label: (s) => `Input "${s}"`, ...o });

describe('parseConfig', () => {
  it('reads every key', async () => {
    const config = await parseConfig(
      [
        'pg-version: 14.10',
        'framework: goose',
        'assume-in-transaction: false',
        'include: db/**/*.sql',
        'exclude: [db/seeds/*.sql, "**/*.down.sql"]',
        'rules:',
        '  missing-object: off',
        '  syntax-error: error',
        '  require-concurrent-index-creation: { enabled: true, severity: error }',
        ''
      ].join('\n'),
      FILE,
      IDS
    );
    expect(config).toEqual({
      file: FILE,
      pgVersion: { pgVersion: 14, pgMinor: 10 },
      framework: 'goose',
      assumeInTransaction: false,
      include: ['db/**/*.sql'],
      exclude: ['db/seeds/*.sql', '**/*.down.sql'],
      rules: {
        'missing-object': { enabled: false },
        'syntax-error': { severity: 'error' },
        'require-concurrent-index-creation': { enabled: true, severity: 'error' }
      }
    });
  });

  it('accepts an empty file', async () => {
    expect(await parseConfig('', FILE, IDS)).toEqual({ file: FILE, rules: {} });
    expect(await parseConfig('# nothing yet\n', FILE, IDS)).toEqual({ file: FILE, rules: {} });
  });

  it.each([
    [
      'pg-version: 16\nseverity: high\n',
      `${FILE}:2: unknown key "severity" in the config; expected one of pg-version, framework, assume-in-transaction, include, exclude, rules`
    ],
    [
      'rules:\n  require-concurrent-index: off\n',
      `${FILE}:2: unknown rule "require-concurrent-index" in rules (ubos-actions migration-safety --list-rules lists them)`
    ],
    [
      'rules:\n  missing-object: loud\n',
      `${FILE}:2: rule "missing-object" must be off, error, warning or { enabled: true|false, severity: error|warning }`
    ],
    [
      'rules:\n  missing-object: { level: error }\n',
      `${FILE}:2: unknown key "level" for rule "missing-object"; expected enabled, severity`
    ],
    [
      'framework: rails\n',
      `${FILE}:1: framework must be one of plain, flyway, golang-migrate, goose, dbmate, sqlx, prisma, knex-sql, diesel, drizzle, sqitch, atlas, liquibase-sql, node-pg-migrate, supabase; got "rails"`
    ],
    ['pg-version: latest\n', `${FILE}:1: pg-version must be a PostgreSQL version such as 16 or 14.3; got "latest"`],
    ['assume-in-transaction: maybe\n', `${FILE}:1: assume-in-transaction must be true or false`],
    ['include: { a: 1 }\n', `${FILE}:1: include must be a glob or a list of globs`],
    ['- a\n- b\n', `${FILE}:1: the config must be a mapping of settings`],
    [
      'rules: [\n',
      expect.stringMatching(new RegExp(`^${FILE.replace(/\./g, '\\.')}: invalid YAML at line \\d+, column \\d+: `))
    ],
    [
      'framework: plain\nframework: goose\n',
      expect.stringMatching(/: invalid YAML at line 2, column 1: .*([Dd]uplicate|unique)/)
    ]
  ])('refuses %j with one line naming the file and line', async (text, message) => {
    const error = await parseConfig(text, FILE, IDS).then(
      () => undefined,
      (e: Error) => e
    );
    expect(error?.name).toBe('ConfigurationError');
    expect(error?.message).toEqual(message);
    expect(error?.message).not.toContain('\n');
  });
});

describe('loadConfig', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ms-config-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('uses the default file only when it exists, and requires a named one', async () => {
    expect(await loadConfig(root, undefined, IDS)).toBeUndefined();
    await expect(loadConfig(root, 'custom.yml', IDS)).rejects.toThrow('config file custom.yml does not exist');
    mkdirSync(join(root, '.github'));
    writeFileSync(join(root, FILE), 'pg-version: 13\n');
    expect((await loadConfig(root, undefined, IDS))?.pgVersion).toEqual({ pgVersion: 13 });
    writeFileSync(join(root, 'custom.yml'), 'framework: prisma\n');
    expect((await loadConfig(root, 'custom.yml', IDS))?.framework).toBe('prisma');
  });
});

describe('resolveSettings', () => {
  it('defaults to PostgreSQL 16, plain, framework-decided transactions', () => {
    expect(resolveSettings(undefined, inputs())).toEqual({
      pgVersion: 16,
      framework: 'plain',
      assumeInTransaction: undefined,
      rules: {},
      include: undefined,
      exclude: []
    });
  });

  it('lets inputs override the config', async () => {
    const config = await parseConfig('pg-version: 12\nframework: flyway\nassume-in-transaction: true\n', FILE, IDS);
    expect(resolveSettings(config, inputs())).toMatchObject({
      pgVersion: 12,
      framework: 'flyway',
      assumeInTransaction: true
    });
    expect(
      resolveSettings(config, inputs({ pgVersion: '14.3', framework: 'sqlx', assumeInTransaction: false }))
    ).toMatchObject({ pgVersion: 14, pgMinor: 3, framework: 'sqlx', assumeInTransaction: false });
  });

  it('names the input in errors', () => {
    expect(() => resolveSettings(undefined, inputs({ pgVersion: '16.x' }))).toThrow(
      'Input "pg-version" must be a PostgreSQL version such as 16 or 14.3; got "16.x"'
    );
    expect(() => resolveSettings(undefined, inputs({ framework: 'rails' }))).toThrow(
      /^Input "framework" must be one of/
    );
  });
});

describe('value parsers', () => {
  it('parses PostgreSQL versions', () => {
    expect(parsePgVersion('16', 'v')).toEqual({ pgVersion: 16 });
    expect(parsePgVersion('14.3', 'v')).toEqual({ pgVersion: 14, pgMinor: 3 });
    expect(parsePgVersion('9.6', 'v')).toEqual({ pgVersion: 9, pgMinor: 6 });
    for (const bad of ['', '8', '16.', 'v16', '1e2', '100'])
      expect(() => parsePgVersion(bad, 'v')).toThrow(/must be a PostgreSQL version/);
  });

  it('parses fail-on', () => {
    expect(parseFailOn('warning', 'x')).toBe('warning');
    expect(() => parseFailOn('always', 'Input "fail-on"')).toThrow(
      'Input "fail-on" must be one of error, warning, never; got "always"'
    );
  });
});
