// How a traced file's statements group into the transactions the tool runs them in (engine/trace/plan.ts).
import { loadParser } from '../../actions/migration-safety/src/engine/parse.js';
import { parseFile } from '../../actions/migration-safety/src/engine/parse-file.js';
import { clusterWide, needsOwnPath, unitsOf } from '../../actions/migration-safety/src/engine/trace/plan.js';

beforeAll(() => loadParser());

function plan(sql: string, implicitTransaction: boolean) {
  const { parsed } = parseFile(sql, { framework: 'plain' });
  const steps = parsed.statements.map((statement) => ({
    statement,
    file: 'm.sql',
    span: parsed.source.span(statement.range)
  }));
  return unitsOf(steps, implicitTransaction).map((unit) => ({
    kind: unit.kind,
    lines: unit.steps.map((s) => s.span.line),
    ...(unit.discarded ? { discarded: true } : {})
  }));
}

it('one transaction per file when the tool opens one; a COMMIT in the file ends it', () => {
  expect(
    plan(
      'CREATE TABLE a (id int);\nALTER TABLE a ADD COLUMN b int;\nCOMMIT;\nCREATE INDEX CONCURRENTLY i ON a (b);',
      true
    )
  ).toEqual([
    { kind: 'transaction', lines: [1, 2] },
    { kind: 'own-path', lines: [4] }
  ]);
});

it('without one, each statement alone, BEGIN ... COMMIT together, and a ROLLBACK discards', () => {
  expect(
    plan(
      'CREATE TABLE a (id int);\nBEGIN;\nALTER TABLE a ADD COLUMN b int;\nALTER TABLE a ADD COLUMN c int;\nCOMMIT;\nBEGIN;\nDROP TABLE a;\nROLLBACK;',
      false
    )
  ).toEqual([
    { kind: 'autocommit', lines: [1] },
    { kind: 'transaction', lines: [3, 4] },
    { kind: 'transaction', lines: [7], discarded: true }
  ]);
});

it('a DO block is one step that carries the statements it runs', () => {
  const { parsed } = parseFile('DO $$ BEGIN CREATE INDEX i ON a (b); ALTER TABLE a ADD COLUMN c int; END $$;', {
    framework: 'plain'
  });
  const steps = parsed.statements.map((statement) => ({
    statement,
    file: 'm.sql',
    span: parsed.source.span(statement.range)
  }));
  const [unit] = unitsOf(steps, false);
  expect(unit.steps.map((s) => s.statement.kind)).toEqual(['DoStmt']);
  expect(unit.steps[0].runs?.map((s) => s.kind)).toEqual(['IndexStmt', 'AlterTableStmt']);
});

it('knows what PostgreSQL refuses in a transaction block, and what acts on the whole cluster', () => {
  const kinds = (sql: string) => parseFile(sql, { framework: 'plain' }).parsed.statements[0];
  for (const sql of [
    'CREATE INDEX CONCURRENTLY i ON a (b)',
    'DROP INDEX CONCURRENTLY i',
    'REINDEX INDEX CONCURRENTLY i',
    'ALTER TABLE p DETACH PARTITION c CONCURRENTLY',
    'VACUUM a'
  ])
    expect([sql, needsOwnPath(kinds(sql))]).toEqual([sql, true]);
  for (const sql of ['CREATE INDEX i ON a (b)', 'ANALYZE a', 'REINDEX INDEX i', 'CLUSTER a USING i'])
    expect([sql, needsOwnPath(kinds(sql))]).toEqual([sql, false]);
  for (const sql of [
    'CREATE ROLE app',
    'CREATE DATABASE x',
    'ALTER SYSTEM SET work_mem = 1',
    "CREATE TABLESPACE t LOCATION '/x'"
  ])
    expect([sql, clusterWide(kinds(sql))]).toEqual([sql, true]);
  expect(clusterWide(kinds('GRANT SELECT ON a TO app'))).toBe(false);
});
