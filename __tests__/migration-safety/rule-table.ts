// A rule's table test: the SQL it reports and the SQL it lets through, one row each, linted by the real engine
// with the whole catalogue (so a row also shows the rule does not fire alone where another rule should).
import { describe, expect, it } from '@jest/globals';
import { ALL_RULES } from '../../actions/migration-safety/src/rules/index.js';
import { lintSql, type LintSqlOptions } from './lint-sql.js';

export interface RuleCase {
  sql: string;
  /** Earlier migrations, replayed (not linted) before `sql`. */
  history?: string[];
  /** 1-based [line, column, endLine, endColumn] of each finding, in order; only the count is checked without. */
  at?: number[][];
  /** A substring every finding's message has. */
  message?: string;
  /** For an accepted case: the exemption it records instead of a finding. */
  exempt?: string;
}

export interface RuleTable {
  /** Lint settings for every row (a version, a framework, or `rules` to turn an opt-in rule on). */
  options?: Omit<LintSqlOptions, 'history'>;
  reports: (string | RuleCase)[];
  accepts: (string | RuleCase)[];
}

const asCase = (row: string | RuleCase): RuleCase => (typeof row === 'string' ? { sql: row } : row);

/** Declares the table test of rule `id`: registered, reported on every `reports` row, silent on `accepts`. */
export function ruleTable(id: string, table: RuleTable): void {
  const lint = (row: RuleCase) => lintSql(row.sql, { ...table.options, history: row.history ?? [] });

  describe(`${id} (table)`, () => {
    it('is registered once', () => {
      expect(ALL_RULES.filter((rule) => rule.id === id)).toHaveLength(1);
    });

    it.each(table.reports.map((row) => [asCase(row).sql, asCase(row)] as const))('reports %s', async (_, row) => {
      const found = (await lint(row)).findings.filter((f) => f.rule === id);
      expect(found.length).toBeGreaterThan(0);
      if (row.at) expect(found.map((f) => [f.line, f.column, f.endLine, f.endColumn])).toEqual(row.at);
      if (row.message) for (const finding of found) expect(finding.message).toContain(row.message);
    });

    it.each(table.accepts.map((row) => [asCase(row).sql, asCase(row)] as const))('accepts %s', async (_, row) => {
      const result = await lint(row);
      expect(result.findings.filter((f) => f.rule === id)).toEqual([]);
      if (row.exempt) expect(result.exempted.filter((e) => e.rule === id).map((e) => e.reason)).toContain(row.exempt);
    });
  });
}
