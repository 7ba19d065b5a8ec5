// The trigger.dev Prisma history (820 real migrations): every file parses and lints, replayed in order with
// each file its own change set, as a whole history is judged.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareMigrationPaths } from '../../actions/migration-safety/src/engine/framework.js';
import { lintMigrations, type LintResult } from '../../actions/migration-safety/src/engine/lint.js';
import { ALL_RULES } from '../../actions/migration-safety/src/rules/index.js';
// Outside the repository, next to it: shared reference material of the workspace.
import { CORPUS } from './corpus-path.js';

function corpusFiles(): string[] {
  if (!existsSync(CORPUS)) {
    throw new Error(
      `The trigger.dev migration corpus is missing: expected ${CORPUS} (../shared/reference/corpora next to the repository)`
    );
  }
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(CORPUS, entry.name, 'migration.sql')))
    .map((entry) => `${entry.name}/migration.sql`)
    .sort(compareMigrationPaths);
}

describe('trigger.dev corpus', () => {
  let files: string[];
  let result: LintResult;

  beforeAll(async () => {
    files = corpusFiles();
    const sources = files.map((path, i) => ({
      path,
      text: readFileSync(join(CORPUS, path), 'utf8'),
      lint: true,
      changeSet: i
    }));
    result = await lintMigrations(sources, { pgVersion: 16, framework: 'prisma' }, ALL_RULES);
  });

  it('has the whole history', () => {
    expect(files.length).toBeGreaterThanOrEqual(800);
    expect(files[0]).toMatch(/^20221206131204_init\//);
  });

  it('reports every file, in order, as Prisma runs it', () => {
    expect(result.files.map((f) => f.path)).toEqual(files);
    for (const file of result.files) {
      // Prisma sends the file as one query: a lone statement runs outside a transaction block.
      expect(file).toMatchObject({ linted: true, inTransaction: file.statements > 1 });
    }
  });

  it('finds no syntax error in valid SQL', () => {
    expect(result.files.filter((f) => f.syntaxError).map((f) => f.path)).toEqual([]);
    expect(result.findings.filter((f) => f.rule === 'syntax-error')).toEqual([]);
  });

  it('parses statements in every non-empty file', () => {
    const empty = result.files.filter((f) => f.statements === 0).map((f) => f.path);
    // Only files that hold nothing but comments may have no statement.
    for (const path of empty) {
      expect(
        readFileSync(join(CORPUS, path), 'utf8')
          .replace(/--[^\n]*/g, '')
          .trim()
      ).toBe('');
    }
  });

  it('gives every finding a position inside its file', () => {
    const lines = new Map<string, number>();
    for (const finding of [...result.findings, ...result.exempted]) {
      if (!lines.has(finding.file)) {
        lines.set(finding.file, readFileSync(join(CORPUS, finding.file), 'utf8').split('\n').length);
      }
      const count = lines.get(finding.file)!;
      expect(finding.line).toBeGreaterThanOrEqual(1);
      expect(finding.column).toBeGreaterThanOrEqual(1);
      expect(finding.endLine).toBeLessThanOrEqual(count);
      expect(finding.endLine > finding.line || finding.endColumn >= finding.column).toBe(true);
    }
  });

  it('replays the schema: later files see tables created by earlier ones', () => {
    // Each file is its own change set, so an index on a table from an earlier migration is a finding
    // and one on a table created in the same migration is only an exemption.
    const index = 'require-concurrent-index-creation';
    expect(result.findings.some((f) => f.rule === index)).toBe(true);
    expect(result.exempted.some((e) => e.rule === index && e.reason === 'table created in this change set')).toBe(true);
  });

  it('never both reports and exempts one rule at one place, and gives every exemption a reason', () => {
    const at = (e: { rule: string; file: string; line: number; column: number }) =>
      `${e.rule} ${e.file}:${e.line}:${e.column}`;
    const reported = new Set(result.findings.map(at));
    expect(result.exempted.filter((e) => reported.has(at(e))).map(at)).toEqual([]);
    for (const e of result.exempted) expect(e.reason.length).toBeGreaterThan(10);
    // What the squawk comparison (bench/migration-safety.mjs) counts as a deliberate difference, not a miss.
    const squawkRules = new Set(result.exempted.flatMap((e) => e.equivalents.squawk ?? []));
    expect(squawkRules.has('require-concurrent-index-creation')).toBe(true);
  });

  it('refers to a missing object only rarely (the replay knows the schema)', () => {
    const missing = result.findings.filter((f) => f.rule === 'missing-object');
    expect(missing.length).toBeLessThan(files.length / 100);
  });
});
