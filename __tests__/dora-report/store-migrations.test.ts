// The store's migrations pass our own migration-safety linter with no errors.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintMigrations } from '../../actions/migration-safety/src/engine/lint.js';
import { ALL_RULES } from '../../actions/migration-safety/src/rules/index.js';
import { MIGRATION_FILES } from '../../actions/dora-report/src/store/migrations.js';

const dir = join(process.cwd(), 'actions/dora-report/src/store/migrations');

describe('dora-report store migrations', () => {
  it('lists every .sql file in order', () => {
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith('.sql'))
        .sort()
    ).toEqual([...MIGRATION_FILES]);
  });

  it('lint clean with migration-safety (zero errors)', async () => {
    const sources = MIGRATION_FILES.map((file, i) => ({
      path: `actions/dora-report/src/store/migrations/${file}`,
      text: readFileSync(join(dir, file), 'utf8'),
      lint: true,
      changeSet: i
    }));
    const result = await lintMigrations(sources, { pgVersion: 15, framework: 'plain' }, ALL_RULES);
    const errors = result.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.file}:${f.line} ${f.rule}: ${f.message}`)).toEqual([]);
    expect(result.files.every((f) => !f.syntaxError)).toBe(true);
    // Warnings are allowed but listed here so a new one is a conscious choice.
    expect(result.findings.filter((f) => f.severity === 'warning').map((f) => f.rule)).toEqual([]);
  });
});
