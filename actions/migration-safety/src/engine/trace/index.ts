// A live trace of a change set: the server (a URL or a started cluster), the scratch database, the baseline and
// the traced statements, then the cross-check with the static prediction and the lock budget. Whatever happens,
// the scratch database is dropped and a started cluster stopped and removed.
import { ConfigurationError } from '../../../../../shared/src/lib/errors.js';
import { redactConnectionString } from '../../../../../shared/src/lib/redact.js';
import type { LintResult, MigrationSource } from '../lint.js';
import { parseFile, type ParseSettings } from '../parse-file.js';
import { startCluster, type StartedCluster } from './cluster.js';
import { crossCheck, staticPredictor, type Predictor } from './cross-check.js';
import { blocksWrites } from './hazards.js';
import { unitsOf } from './plan.js';
import { connect, createScratch, refuseNonEmpty, type Scratch, type Session } from './session.js';
import { traceFiles, type TraceContext, type TracedFile } from './tracer.js';
import type { StatementTrace, TraceResult, TraceSettings } from './types.js';

export type * from './types.js';
export { crossCheck, staticPredictor, type Predictor } from './cross-check.js';
export { findPostgresBin, startCluster } from './cluster.js';

export function validateTraceSettings(settings: TraceSettings): void {
  if (settings.databaseUrl && settings.startPostgres)
    throw new ConfigurationError('database-url and start-postgres: set one of them, not both');
  if (!settings.databaseUrl && !settings.startPostgres)
    throw new ConfigurationError(
      'mode trace needs a server: set database-url (a scratch database) or start-postgres: true'
    );
  if (settings.maxLockMs !== undefined && (!Number.isInteger(settings.maxLockMs) || settings.maxLockMs < 0))
    throw new ConfigurationError(`max-lock-ms must be a whole number of milliseconds; got "${settings.maxLockMs}"`);
}

export async function traceMigrations(
  sources: readonly MigrationSource[],
  parse: ParseSettings,
  lint: Pick<LintResult, 'findings' | 'exempted' | 'files'>,
  settings: TraceSettings,
  predictor: Predictor = staticPredictor(lint)
): Promise<TraceResult> {
  validateTraceSettings(settings);
  const notes: string[] = [];
  const files: TracedFile[] = [];
  for (const source of sources) {
    const { prepared, parsed } = parseFile(source.text, parse, source.encodingError, {
      path: source.path,
      hints: source.framework
    });
    if (parsed.syntaxError) {
      return empty(settings, [`Not traced: ${source.path} does not parse (see the lint's syntax error)`]);
    }
    const steps = parsed.statements.map((statement) => ({
      statement,
      file: source.path,
      span: parsed.source.span(statement.range)
    }));
    files.push({
      path: source.path,
      traced: source.lint,
      changeSet: source.changeSet,
      units: unitsOf(steps, prepared.implicitTransaction)
    });
  }
  if (!files.some((f) => f.traced)) return empty(settings, ['Not traced: the change set is empty']);

  let cluster: StartedCluster | undefined;
  let admin: Session | undefined;
  let scratch: Scratch | undefined;
  const sessions: Session[] = [];
  try {
    cluster = settings.startPostgres ? await startCluster(settings) : undefined;
    const url = cluster?.connectionString ?? settings.databaseUrl!;
    admin = await connect(url);
    await refuseNonEmpty(admin, settings.allowNonempty);
    scratch = await createScratch(admin, url);
    const main = await connect(scratch.url);
    sessions.push(main);
    const scratchUrl = scratch.url;
    const traced = await traceFiles(files, {
      main,
      async open() {
        const session = await connect(scratchUrl);
        sessions.push(session);
        return session;
      }
    });
    const { contexts, ...observed } = traced;
    observed.statements.forEach((trace, i) => judge(trace, contexts[i], predictor, settings.maxLockMs));
    return {
      server: cluster ? 'a cluster started from the local PostgreSQL binaries' : redactConnectionString(url),
      source: cluster ? 'start-postgres' : 'database-url',
      database: scratch.name,
      ...observed,
      ...(settings.maxLockMs !== undefined ? { maxLockMs: settings.maxLockMs } : {}),
      notes
    };
  } finally {
    for (const session of sessions) await session.end().catch(() => undefined);
    await scratch?.drop().catch(() => undefined);
    await admin?.end().catch(() => undefined);
    await cluster?.stop();
  }
}

function empty(settings: TraceSettings, notes: string[]): TraceResult {
  return {
    server: settings.startPostgres
      ? 'a cluster started from the local PostgreSQL binaries'
      : redactConnectionString(settings.databaseUrl ?? ''),
    source: settings.startPostgres ? 'start-postgres' : 'database-url',
    baselineFiles: 0,
    statements: [],
    skipped: [],
    unindexedForeignKeys: [],
    notes
  };
}

function judge(
  trace: StatementTrace,
  context: TraceContext,
  predictor: Predictor,
  maxLockMs: number | undefined
): void {
  const span = { line: trace.line, column: trace.column, endLine: trace.endLine, endColumn: trace.endColumn };
  trace.prediction = predictor.predict(context.statement, {
    file: trace.file,
    span,
    indexOwner: context.indexOwner,
    runs: context.runs
  });
  trace.disagreements = crossCheck(trace, trace.prediction, context.preExisting);
  if (maxLockMs === undefined) return;
  const over = trace.locks.filter(
    (l) => l.kind === 'table' && l.preExisting && l.new && blocksWrites(l.mode) && l.heldMs > maxLockMs
  );
  if (over.length > 0) trace.overBudget = over.map((l) => ({ relation: l.relation, mode: l.mode, heldMs: l.heldMs }));
}
