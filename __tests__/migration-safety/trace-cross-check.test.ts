// The cross-check on real traces: a deliberately wrong predictor is caught, and what no rule knows (a
// COMMENT's lock, SET UNLOGGED's rewrite) is reported as found only by the trace, as findings at the line.
import { crossCheck, type Predictor } from '../../actions/migration-safety/src/engine/trace/index.js';
import { traceFindings } from '../../actions/migration-safety/src/engine/trace/findings.js';
import { createTestDatabase, type TestDatabase } from '../harness/postgres.js';
import { BASELINE, statementOf, traceSql } from './trace-helpers.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('trace_cross');
});
afterAll(async () => {
  await db.drop();
});

/** Says every ALTER TABLE takes SHARE UPDATE EXCLUSIVE on users and rewrites it: wrong for ADD COLUMN. */
const wrong: Predictor = {
  predict: () => ({
    locks: [{ table: 'public.users', mode: 'ShareUpdateExclusive' }],
    rewrites: [{ table: 'public.users', certainty: 'yes' }],
    noRewrite: []
  })
};

it('catches a wrong static prediction of the lock and of the rewrite', async () => {
  const { trace } = await traceSql(db.connectionString, 'ALTER TABLE users ADD COLUMN note text;', {
    history: [BASELINE],
    predictor: wrong
  });
  const s = statementOf(trace, 'ALTER TABLE');
  expect(s.disagreements).toEqual([
    {
      kind: 'static-wrong',
      message: 'predicted ShareUpdateExclusive on public.users; the server took AccessExclusive'
    },
    { kind: 'static-wrong', message: 'a rule predicted a rewrite of public.users; its relfilenode did not change' }
  ]);
  const findings = traceFindings(trace, false);
  expect(findings.map((f) => [f.rule, f.severity, f.file, f.line])).toEqual([
    ['trace-mismatch', 'warning', 'migration.sql', 1],
    ['trace-mismatch', 'warning', 'migration.sql', 1]
  ]);
  // The same trace, judged by the linter's own predictor: no disagreement.
  const predicted = {
    locks: [{ table: 'public.users', mode: 'AccessExclusive' as const }],
    rewrites: [],
    noRewrite: []
  };
  expect(crossCheck(s, predicted, new Set(['public.users', 'public.orgs']))).toEqual([]);
});

it('agrees when the transaction already holds the predicted lock and takes a weaker one beside it', async () => {
  // The type change needs ACCESS EXCLUSIVE, which the ADD COLUMN before it took; what pg_locks shows anew is the
  // SHARE of its index rebuild.
  const { trace } = await traceSql(
    db.connectionString,
    `ALTER TABLE users ADD COLUMN rank int;
ALTER TABLE users ALTER COLUMN id TYPE bigint;`,
    { history: [BASELINE], inTransaction: true }
  );
  const change = statementOf(trace, 'ALTER TABLE users ALTER COLUMN');
  expect(change.locks).toContainEqual(
    expect.objectContaining({ relation: 'public.users', mode: 'AccessExclusive', new: false })
  );
  expect(change.disagreements).toEqual([]);
  // A stronger lock than predicted is still caught while a weaker one is held.
  const predicted = { locks: [{ table: 'public.users', mode: 'Share' as const }], rewrites: [], noRewrite: [] };
  const lock = { relation: 'public.users', kind: 'table' as const, preExisting: true, heldMs: 1 };
  const held = {
    ...change,
    rewrites: [],
    locks: [
      { ...lock, mode: 'ShareUpdateExclusive' as const, new: false },
      { ...lock, mode: 'AccessExclusive' as const, new: true }
    ]
  };
  expect(crossCheck(held, predicted, new Set(['public.users']))).toEqual([
    {
      kind: 'static-wrong',
      message: 'predicted Share on public.users; the server took AccessExclusive (already held: ShareUpdateExclusive)'
    }
  ]);
});

it('reports what the trace found and no rule knew', async () => {
  const { trace } = await traceSql(
    db.connectionString,
    `COMMENT ON TABLE users IS 'people';
ALTER TABLE users SET UNLOGGED;`,
    { history: [BASELINE] }
  );
  expect(statementOf(trace, 'COMMENT').disagreements).toEqual([
    {
      kind: 'trace-only',
      message: 'the server took ShareUpdateExclusive on public.users; no lock was predicted for it'
    }
  ]);
  expect(statementOf(trace, 'ALTER TABLE').disagreements).toEqual([
    { kind: 'trace-only', message: 'public.users was rewritten (new relfilenode); no rule predicted it' }
  ]);
});

it('agrees with the linter on the rewrites its rules predict, and on binary-compatible casts it exempts', async () => {
  const { trace, lint } = await traceSql(
    db.connectionString,
    `ALTER TABLE users ALTER COLUMN id TYPE bigint;
ALTER TABLE users ALTER COLUMN email TYPE varchar(50);
ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();`,
    { history: [BASELINE] }
  );
  expect(lint.findings.map((f) => f.rule)).toEqual(
    expect.arrayContaining(['changing-column-type', 'adding-field-with-default'])
  );
  expect(statementOf(trace, 'ALTER TABLE users ALTER COLUMN id').prediction?.rewrites).toEqual([
    { table: 'public.users', certainty: 'yes' }
  ]);
  expect(statementOf(trace, 'ALTER TABLE users ALTER COLUMN email').prediction?.noRewrite).toEqual(['public.users']);
  expect(statementOf(trace, 'ALTER TABLE users ADD COLUMN token').rewrites.map((r) => r.relation)).toContain(
    'public.users'
  );
  expect(trace.statements.flatMap((s) => s.disagreements)).toEqual([]);
});

it('predicts a DO block by the statements it runs', async () => {
  const { trace } = await traceSql(
    db.connectionString,
    `DO $$
BEGIN
  ALTER TABLE users ADD COLUMN IF NOT EXISTS region text;
  CREATE INDEX users_region ON users (region);
END $$;`,
    { history: [BASELINE] }
  );
  const block = statementOf(trace, 'DO');
  expect(block.prediction?.locks).toEqual([{ table: 'public.users', mode: 'AccessExclusive' }]);
  expect(block.locks).toContainEqual(
    expect.objectContaining({ relation: 'public.users', mode: 'AccessExclusive', new: true })
  );
  expect(block.locks).toContainEqual(expect.objectContaining({ relation: 'public.users', mode: 'Share', new: true }));
  expect(block.disagreements).toEqual([]);
});
