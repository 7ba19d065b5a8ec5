// "Not flagged, and why": what a rule recognised and deliberately did not report is an exemption with a reason,
// listed in the JSON report (`exemptions`), the job summary and the text output, and never part of the verdict.
import { describe, expect, it } from '@jest/globals';
import type { MigrationCheck } from '../../actions/migration-safety/src/check.js';
import type { LintResult } from '../../actions/migration-safety/src/engine/lint.js';
import { migrationReport, renderText } from '../../actions/migration-safety/src/report.js';
import { reportEnvelope } from '../../shared/src/lib/report.js';
import { renderReportMarkdown } from '../../shared/src/lib/report-markdown.js';
import { reportSchemaProblems } from '../harness/report-schema.js';
import { EXISTING, lintSql } from './lint-sql.js';

const SQL = [
  'CREATE TABLE t (id bigint);',
  'CREATE INDEX t_id ON t (id);',
  'ALTER TABLE users ALTER COLUMN name TYPE text;',
  'ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true;',
  'CREATE INDEX users_email ON users (email);'
].join('\n');

function check(result: LintResult): MigrationCheck {
  return {
    result,
    settings: { pgVersion: 16, framework: 'plain', rules: {}, exclude: [] },
    scope: '1 migration linted',
    warnings: [],
    notices: []
  };
}

describe('exemptions', () => {
  it('are recorded with the rule, the place and the reason, in file order', async () => {
    const { exempted } = await lintSql(SQL, { history: [EXISTING] });
    const rows = exempted.map((e) => [e.rule, e.line, e.reason]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['require-concurrent-index-creation', 2, 'table created in this change set'],
        ['changing-column-type', 3, 'no rewrite, only a brief catalogue change: varchar to text is binary compatible'],
        [
          'adding-field-with-default',
          4,
          'non-volatile (immutable) default on PostgreSQL 11+: stored once in the catalogue, no rewrite'
        ]
      ])
    );
    expect(exempted.map((e) => e.line)).toEqual([...exempted.map((e) => e.line)].sort((a, b) => a - b));
    const type = exempted.find((e) => e.rule === 'changing-column-type')!;
    // At the column, where the finding would be.
    expect([type.line, type.column, type.endLine]).toEqual([3, 32, 3]);
    expect(type.equivalents.squawk).toEqual(['changing-column-type']);
  });

  it('never change the verdict, the counts or the outputs', async () => {
    const result = await lintSql(SQL, { history: [EXISTING] });
    expect(result.exempted.length).toBeGreaterThan(0);
    const withThem = migrationReport(check(result));
    const without = migrationReport(check({ ...result, exempted: [] }));
    expect(withThem.verdict).toBe(without.verdict);
    expect(withThem.counts).toEqual(without.counts);
    expect(withThem.outputs).toEqual(without.outputs);
    expect(withThem.findings).toEqual(without.findings);
    expect(withThem.headline).toBe(without.headline);
  });

  it('are the JSON report’s `exemptions`, valid against the schema', async () => {
    const result = await lintSql(SQL, { history: [EXISTING] });
    const envelope = reportEnvelope(migrationReport(check(result)));
    expect(reportSchemaProblems(envelope)).toEqual([]);
    expect(envelope.exemptions).toEqual(
      result.exempted.map((e) => ({
        id: e.rule,
        reason: e.reason,
        location: { file: 'migration.sql', line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn },
        equivalents: e.equivalents
      }))
    );
    expect(envelope).not.toHaveProperty('exempted');
  });

  it('have a collapsed “Not flagged, and why” section in the summary, a row per rule and reason', async () => {
    const markdown = renderReportMarkdown(migrationReport(check(await lintSql(SQL, { history: [EXISTING] }))));
    expect(markdown).toMatch(/\d+ not flagged on purpose: see “Not flagged, and why”/);
    expect(markdown).toMatch(/<details>\n<summary>Not flagged, and why \(\d+\)<\/summary>/);
    expect(markdown).toContain('| rule | why not flagged | same rule in | where |');
    expect(markdown).toMatch(
      /\| \[changing-column-type\]\([^)]+changing-column-type\.md\) \| no rewrite, only a brief catalogue change: varchar to text is binary compatible \| `squawk changing-column-type`, `eugene E5`, `Atlas PG301`, `strong_migrations change_column` \| `migration.sql:3` \(1\) \|/
    );
    // After the findings: an info section comes last.
    expect(markdown.indexOf('Not flagged, and why (')).toBeGreaterThan(markdown.indexOf('Warnings ('));
  });

  it('are listed after the verdict in the text output, grouped, with their places', async () => {
    const text = renderText(await lintSql(SQL, { history: [EXISTING] }));
    const [findings, exemptions] = text.split('\nNot flagged, and why (');
    expect(findings).toMatch(/Migration safety check (failed|passed)/);
    expect(exemptions).toMatch(/^\d+, never counted\):\n/);
    expect(exemptions).toContain(
      '  require-concurrent-index-creation: table created in this change set (1): migration.sql:2:1\n'
    );
  });

  it('name at most ten places of a group in text, then how many more', async () => {
    const sql = ['CREATE TABLE t (a int);', ...Array.from({ length: 12 }, (_, i) => `CREATE INDEX i${i} ON t (a);`)];
    const text = renderText(await lintSql(sql.join('\n')));
    expect(text).toContain(
      'require-concurrent-index-creation: table created in this change set (12): migration.sql:2:1, migration.sql:3:1,'
    );
    expect(text).toContain('migration.sql:11:1 and 2 more');
  });

  it('are not made when the file has nothing another linter would flag', async () => {
    const result = await lintSql('ALTER TABLE users ADD COLUMN nick text;', { history: [EXISTING] });
    expect(result.exempted.filter((e) => e.rule !== 'require-lock-timeout')).toEqual([]);
    expect(renderText(result)).not.toContain('Not flagged, and why');
  });
});
