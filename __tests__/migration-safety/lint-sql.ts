// Test helper: lint SQL text with the real engine and rule catalogue, and pick findings by rule.
import { lintMigrations, type LintOptions, type LintResult } from '../../actions/migration-safety/src/engine/lint.js';
import type { Finding } from '../../actions/migration-safety/src/engine/types.js';
import { ALL_RULES } from '../../actions/migration-safety/src/rules/index.js';

export interface LintSqlOptions extends Partial<LintOptions> {
  /** Earlier migrations, replayed into the catalogue (not linted, another change set). */
  history?: string[];
}

/** Lints `sql` as one migration file named `migration.sql`, after replaying `history`. */
export async function lintSql(sql: string, options: LintSqlOptions = {}): Promise<LintResult> {
  const { history = [], ...rest } = options;
  const sources = [
    ...history.map((text, i) => ({
      path: `history/${String(i).padStart(3, '0')}.sql`,
      text,
      lint: false,
      changeSet: i
    })),
    { path: 'migration.sql', text: sql, lint: true, changeSet: history.length }
  ];
  return lintMigrations(sources, { pgVersion: 16, framework: 'plain', ...rest }, ALL_RULES);
}

/** Findings of one rule, as `[line, column, endLine, endColumn]` tuples (for compact expectations). */
export async function positions(rule: string, sql: string, options?: LintSqlOptions): Promise<number[][]> {
  const result = await lintSql(sql, options);
  return result.findings.filter((f) => f.rule === rule).map((f) => [f.line, f.column, f.endLine, f.endColumn]);
}

export async function findingsOf(rule: string, sql: string, options?: LintSqlOptions): Promise<Finding[]> {
  return (await lintSql(sql, options)).findings.filter((f) => f.rule === rule);
}

/** A table that already exists (created by an earlier, already deployed migration). */
export const EXISTING = `CREATE TABLE users (id bigint PRIMARY KEY, email text, name varchar(100), age int, org_id bigint);
CREATE TABLE orgs (id bigint PRIMARY KEY, name text NOT NULL);`;
