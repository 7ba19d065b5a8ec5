// Test helper: lint and trace SQL on the harness's PostgreSQL with the real engine, as check.ts does.
import {
  lintMigrations,
  type LintResult,
  type MigrationSource
} from '../../actions/migration-safety/src/engine/lint.js';
import { traceMigrations, type Predictor } from '../../actions/migration-safety/src/engine/trace/index.js';
import type {
  StatementTrace,
  TraceResult,
  TraceSettings
} from '../../actions/migration-safety/src/engine/trace/types.js';
import { ALL_RULES } from '../../actions/migration-safety/src/rules/index.js';

export interface TraceSqlOptions {
  /** Earlier migrations: the baseline, applied (and committed in the scratch database) before the change set. */
  history?: string[];
  /** Treat the traced file as run in one transaction (default: plain SQL, each statement alone). */
  inTransaction?: boolean;
  settings?: Partial<TraceSettings>;
  predictor?: Predictor;
}

export function sourcesOf(sql: string | string[], history: string[] = []): MigrationSource[] {
  const changed = Array.isArray(sql) ? sql : [sql];
  return [
    ...history.map((text, i) => ({
      path: `history/${String(i).padStart(3, '0')}.sql`,
      text,
      lint: false,
      changeSet: 0
    })),
    ...changed.map((text, i) => ({ path: `migration${i || ''}.sql`, text, lint: true, changeSet: 1 }))
  ];
}

export async function traceSql(
  databaseUrl: string,
  sql: string | string[],
  options: TraceSqlOptions = {}
): Promise<{ trace: TraceResult; lint: LintResult }> {
  const sources = sourcesOf(sql, options.history);
  const parse = { framework: 'plain' as const, assumeInTransaction: options.inTransaction };
  const lint = await lintMigrations(sources, { pgVersion: 16, ...parse }, ALL_RULES);
  const settings = { databaseUrl, startPostgres: false, allowNonempty: false, ...options.settings };
  const trace = await traceMigrations(sources, parse, lint, settings, options.predictor);
  return { trace, lint };
}

/** The trace of the statement whose SQL starts with `start`. */
export function statementOf(trace: TraceResult, start: string): StatementTrace {
  const found = trace.statements.find((s) => s.sql.startsWith(start));
  if (!found)
    throw new Error(`no traced statement starts with ${start}: ${trace.statements.map((s) => s.sql).join(' | ')}`);
  return found;
}

export const hazardIds = (s: StatementTrace) => s.hazards.map((h) => h.eugene ?? h.id);

export const BASELINE = `CREATE TABLE orgs (id bigint PRIMARY KEY, name text);
CREATE TABLE users (id int PRIMARY KEY, email varchar(10), created timestamp, org_id bigint, during tstzrange);
INSERT INTO users (id, email, created) SELECT g, 'u' || g, now() FROM generate_series(1, 50) g;`;
