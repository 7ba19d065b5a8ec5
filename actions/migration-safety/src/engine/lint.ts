// The lint driver: replays every migration in order into the simulated catalogue and runs the rules on the
// files being linted, each statement seeing the schema and transaction state left by the ones before it.
import { as, relationName } from './ast.js';
import { Catalog } from './catalog.js';
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import type { FileHints, Framework } from './framework.js';
import { locksOf, type TableLock } from './locks.js';
import { parseFile, type ParsedFile } from './parse-file.js';
import { loadParser, type ParsedStatement } from './parse.js';
import { docsUrl, type FileContext, type Rule, type RuleContext, type RuleHit, type TransactionState } from './rule.js';
import { StateStore, type RuleState } from './rule-state.js';
import type { EncodingError } from './encoding.js';
import { excerpt } from './excerpt.js';
import { isSuppressed, mergeSuppressed, Suppressions, type Suppressed, type SuppressionProblem } from './suppress.js';
import type { SourceText } from './source-text.js';
import type { Node, RangeVar } from '@pgsql/types';
import type { ByteRange, Exemption, Finding, Severity } from './types.js';

export interface MigrationSource {
  /** Path as shown in reports (relative to the workspace). */
  path: string;
  text: string;
  /** Report findings for this file; files with false only build the catalogue. */
  lint: boolean;
  /** Files with the same id ship together: a table created in the same change set is not yet in use. */
  changeSet: number;
  /** What decoding the file's bytes found (engine/encoding.ts): the file is refused from there on. */
  encodingError?: EncodingError;
  /** What the tool's project files say about this file (diesel's metadata.toml), from planMigrations. */
  framework?: FileHints;
}

export interface RuleSetting {
  enabled?: boolean;
  severity?: Severity;
}

export interface LintOptions {
  /** Target server major version, e.g. 16. */
  pgVersion: number;
  /** Target minor version when known (14.3 gives 3). */
  pgMinor?: number;
  framework: Framework;
  /** Overrides the framework's transaction mode for every file. */
  assumeInTransaction?: boolean;
  rules?: Record<string, RuleSetting>;
}

export interface FileReport {
  path: string;
  linted: boolean;
  /** Statements written in the file (those a DO block runs are not counted). */
  statements: number;
  inTransaction: boolean;
  transactionReason: string;
  /** Some of the file could not be parsed (its SQL, its encoding, or a DO block's body). */
  syntaxError: boolean;
  /**
   * `full`: every statement was read and linted; `partial`: some were (those before a syntax error, or all but
   * a DO body); `none`: nothing was (the error is at the first statement, or the file is not UTF-8). Only
   * `full` files count as checked.
   */
  parsed: 'full' | 'partial' | 'none';
}

export interface LintResult {
  findings: Finding[];
  /**
   * Statements not reported on purpose, with the reason (the replayed schema, the version or the settings show
   * the hazard other linters see is not there); in file and line order. They never count towards the verdict.
   */
  exempted: Exemption[];
  files: FileReport[];
}

/** Ids of findings the driver itself emits (the registry carries their metadata). */
export const SYNTAX_ERROR = 'syntax-error';
export const MISSING_OBJECT = 'missing-object';
export const INTERNAL_ERROR = 'internal-error';
export const UNKNOWN_SUPPRESSION = 'unknown-suppression';
export const DYNAMIC_SQL = 'dynamic-sql';

export async function lintMigrations(
  sources: readonly MigrationSource[],
  options: LintOptions,
  rules: readonly Rule[]
): Promise<LintResult> {
  await loadParser();
  return lintMigrationsSync(sources, options, rules);
}

/** The synchronous core; `loadParser()` must have resolved. */
export function lintMigrationsSync(
  sources: readonly MigrationSource[],
  options: LintOptions,
  rules: readonly Rule[]
): LintResult {
  const catalog = new Catalog();
  const active = rules.filter((rule) => isActive(rule, options) || versionExempt(rule, options) !== undefined);
  // Rules outside their server versions that say why: what they would report is an exemption with that reason.
  const outside = new Map(
    active.flatMap((rule) => {
      const reason = isActive(rule, options) ? undefined : versionExempt(rule, options);
      return reason === undefined ? [] : [[rule, reason] as const];
    })
  );
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  // The rules to call on a statement of each kind, in the order of `active` (reports keep their order).
  const checking = active.filter((rule) => rule.check !== undefined);
  const byKind = new Map<ParsedStatement['kind'], Rule[]>();
  const checkersOf = (kind: ParsedStatement['kind']): Rule[] => {
    let found = byKind.get(kind);
    if (!found) byKind.set(kind, (found = checking.filter((rule) => !rule.kinds || rule.kinds.includes(kind))));
    return found;
  };
  const suppressions = new Suppressions(rules);
  const findings: Finding[] = [];
  const exempted: Exemption[] = [];
  const files: FileReport[] = [];

  // Files are parsed in order; a rule looking ahead in its change set parses later files early (kept until used).
  const parsedFiles: (ParsedFile | undefined)[] = [];
  const parsedAt = (i: number) =>
    (parsedFiles[i] ??= parseFile(sources[i].text, options, sources[i].encodingError, {
      path: sources[i].path,
      hints: sources[i].framework
    }));
  // Rule state of a change set lives until its last file has been linted.
  const lastOfChangeSet = new Map(sources.map((s, i) => [s.changeSet, i]));
  const changeSetStores = new Map<number, StateStore>();
  // The next file of the same change set, per file (-1: none): a history of single-file change sets must not
  // scan every later file each time a rule looks ahead.
  const nextOfChangeSet = new Array<number>(sources.length).fill(-1);
  const lastSeen = new Map<number, number>();
  for (let i = sources.length - 1; i >= 0; i--) {
    nextOfChangeSet[i] = lastSeen.get(sources[i].changeSet) ?? -1;
    lastSeen.set(sources[i].changeSet, i);
  }
  const laterInChangeSet = function* (
    i: number,
    statements: readonly ParsedStatement[],
    after: number
  ): Generator<ParsedStatement> {
    for (let k = after + 1; k < statements.length; k++) yield statements[k];
    for (let j = nextOfChangeSet[i]; j !== -1; j = nextOfChangeSet[j]) yield* parsedAt(j).parsed.statements;
  };

  for (const [fileIndex, file] of sources.entries()) {
    const { prepared, parsed, topLevel } = parsedAt(fileIndex);
    parsedFiles[fileIndex] = undefined;
    const { source, statements } = parsed;
    const fileStore = new StateStore();
    let changeSetStore = changeSetStores.get(file.changeSet);
    if (!changeSetStore) changeSetStores.set(file.changeSet, (changeSetStore = new StateStore()));
    const ruleState: RuleState = {
      fileState: (key) => fileStore.get(key),
      changeSetState: (key) => changeSetStore.get(key)
    };
    // Locks are asked for by rules and the driver before the statement changes the catalogue: the first answer
    // (with the index owners known then) is the one every later question about the statement gets.
    const lockMemo = new Map<ParsedStatement, TableLock[]>();
    const locks = (statement: ParsedStatement): TableLock[] => {
      let found = lockMemo.get(statement);
      if (!found) lockMemo.set(statement, (found = locksOf(statement, catalog.indexOwner)));
      return found;
    };
    // The tool's own transaction: a COMMIT or ROLLBACK written in the file ends it for the rest of the file.
    const tool = { implicit: prepared.implicitTransaction };
    // Only real comments of the text the tool runs (sections of other directions blanked out) count.
    const scan = file.lint ? suppressions.file(prepared.text) : undefined;
    const fileIgnored: Suppressed = scan ? scan.suppressed : 'all';
    const commentProblems: SuppressionProblem[] = scan ? [...scan.problems] : [];
    const emit = (rule: Rule, statement: ParsedStatement | undefined, reported: RuleHit) => {
      const outsideReason = outside.get(rule);
      const hit =
        outsideReason === undefined ? reported : { range: reported.range, exempt: reported.exempt ?? outsideReason };
      const range = hit.range ?? statement?.range ?? { start: 0, end: 0 };
      const span = source.span(range);
      // Literals with every property written out (no spread): thousands are made on a history.
      if (hit.exempt !== undefined) {
        exempted.push({
          file: file.path,
          line: span.line,
          column: span.column,
          endLine: span.endLine,
          endColumn: span.endColumn,
          rule: rule.id,
          reason: hit.exempt,
          equivalents: rule.equivalents
        });
        return;
      }
      // The first table a costed statement locks is the one it rewrites or scans (a foreign key's referenced
      // table comes second); a table the change set created is empty, so its size is not looked up.
      const costed = rule.cost && statement ? locks(statement)[0]?.table : undefined;
      const known = costed ? catalog.table(costed) : undefined;
      const table = known?.createdIn === file.changeSet ? undefined : (known?.key ?? costed);
      const finding: Finding = {
        file: file.path,
        line: span.line,
        column: span.column,
        endLine: span.endLine,
        endColumn: span.endColumn,
        rule: rule.id,
        ...(table ? { table, cost: rule.cost } : {}),
        // A file PostgreSQL would reject is an error whatever the settings: it was not (fully) checked.
        severity:
          rule.id === SYNTAX_ERROR ? 'error' : (options.rules?.[rule.id]?.severity ?? hit.severity ?? rule.severity),
        message: hit.message ?? rule.message,
        help: rule.help,
        equivalents: rule.equivalents,
        docs: docsUrl(rule.id)
      };
      if (hit.recipe) finding.recipe = hit.recipe;
      findings.push(finding);
    };

    // A rule that throws must not take the other rules and files down with it: its failure becomes a finding.
    const failed = (rule: Rule, statement: ParsedStatement | undefined, error: unknown) => {
      // A later file the tool would refuse (read early by a rule looking ahead) is the user's mistake, not the rule's.
      if (error instanceof ConfigurationError) throw error;
      const internal = byId.get(INTERNAL_ERROR);
      if (!internal) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      emit(internal, statement, { message: `Rule ${rule.id} failed here: ${excerpt(reason.split('\n')[0], 300)}` });
    };

    const state: TransactionState = {
      inTransaction: prepared.implicitTransaction,
      explicit: false,
      depth: 0,
      lockTimeout: false,
      statementTimeout: false,
      accessExclusive: new Map()
    };
    const locals = { lockTimeout: false, statementTimeout: false };
    // A statement a DO block runs is also covered by the ignore comments before the block.
    const ignoredBy = new Map<ParsedStatement, Suppressed>();
    const ignoresOf = (statement: ParsedStatement): Suppressed => {
      const embedded = statement.embedded;
      if (!embedded) return suppressions.statement(statement.leading);
      const own = suppressions.statement(statement.leading, embedded.leadingStart, commentProblems);
      return mergeSuppressed(ignoredBy.get(embedded.block) ?? new Set(), own);
    };

    // Units the tool commits one by one (Liquibase changesets): where each later one starts, as a byte offset.
    const units = prepared.units?.slice(1).map((unit) => ({ ...unit, at: source.byteIndex(unit.start) }));
    let nextUnit = 0;
    for (const statement of statements) {
      while (units && !statement.embedded && nextUnit < units.length && statement.range.start >= units[nextUnit].at)
        enterUnit(state, locals, tool, units[nextUnit++].implicitTransaction);
      // Outside a transaction each statement commits on its own; the statements of one DO block run together.
      if (!statement.embedded && !state.inTransaction) state.accessExclusive.clear();
      const ignored = file.lint ? ignoresOf(statement) : 'all';
      if (file.lint && statement.kind === 'DoStmt') ignoredBy.set(statement, ignored);
      if (file.lint) {
        const context = statementContext(
          { file, source, statement, statements, transaction: state, catalog, options, ruleState, locks },
          (rule, hit) => {
            if (!isSuppressed(rule.id, fileIgnored, ignored)) emit(rule, statement, hit ?? {});
          }
        );
        context.laterInChangeSet = () => laterInChangeSet(fileIndex, statements, statement.index);
        // Nearly every statement has no ignore comment: then no rule needs the check (48 rules x every statement).
        const anyIgnored = fileIgnored === 'all' || ignored === 'all' || fileIgnored.size > 0 || ignored.size > 0;
        for (const rule of checkersOf(statement.kind)) {
          if (anyIgnored && isSuppressed(rule.id, fileIgnored, ignored)) continue;
          context.current = rule;
          try {
            rule.check!(context);
          } catch (error) {
            failed(rule, statement, error);
          }
        }
      }
      // Locks are judged against the schema before the statement changes it (a DROP INDEX still knows its table).
      advance(state, locals, statement, tool, catalog, file.changeSet, locks);
      const problems = catalog.apply(statement, file.changeSet);
      const missing = byId.get(MISSING_OBJECT);
      // A DO block's DDL often runs under a guard (IF NOT EXISTS ...): what it names may not be missing.
      if (
        file.lint &&
        !statement.embedded &&
        missing &&
        active.includes(missing) &&
        !isSuppressed(MISSING_OBJECT, fileIgnored, ignored)
      ) {
        for (const problem of problems) {
          emit(missing, statement, {
            message: `${problem.message}: a rename or drop of something that is not there fails the deploy`,
            range:
              problem.location !== undefined ? { start: problem.location, end: statement.range.end } : statement.range
          });
        }
      }
    }

    if (file.lint) {
      const fileContext: FileContext = {
        file: file.path,
        source,
        statements,
        pgVersion: options.pgVersion,
        transaction: state,
        catalog,
        fileState: ruleState.fileState,
        changeSetState: ruleState.changeSetState,
        report: () => {}
      };
      for (const rule of active) {
        if (!rule.checkFile || isSuppressed(rule.id, fileIgnored)) continue;
        fileContext.report = (hit) => emit(rule, undefined, hit);
        try {
          rule.checkFile(fileContext);
        } catch (error) {
          failed(rule, undefined, error);
        }
      }
      // Never off, never suppressed: a file (or DO body) PostgreSQL rejects was not checked.
      const syntax = byId.get(SYNTAX_ERROR) ?? SYNTAX_ERROR_FALLBACK;
      if (parsed.syntaxError) {
        emit(syntax, undefined, {
          message: `${parsed.syntaxError.message}${topLevel ? ' (statements after it were not linted)' : ''}`,
          range: parsed.syntaxError.range
        });
      }
      for (const problem of bodyProblems(statements)) emit(syntax, undefined, problem);
      const unknown = byId.get(UNKNOWN_SUPPRESSION);
      if (unknown && active.includes(unknown)) for (const problem of commentProblems) emit(unknown, undefined, problem);
    }
    if (lastOfChangeSet.get(file.changeSet) === fileIndex) changeSetStores.delete(file.changeSet);
    const unparsedBody = statements.some((s) => (s.plpgsql?.unparsed.length ?? 0) > 0);
    files.push({
      path: file.path,
      linted: file.lint,
      statements: topLevel,
      inTransaction: prepared.implicitTransaction,
      transactionReason: prepared.transactionReason,
      syntaxError: !!parsed.syntaxError || unparsedBody,
      parsed: parsed.syntaxError ? (topLevel > 0 ? 'partial' : 'none') : unparsedBody ? 'partial' : 'full'
    });
  }
  return { findings: stableByFile(findings, sources), exempted: stableByFile(exempted, sources), files };
}

/** The DO bodies of a file that PostgreSQL would reject, as syntax errors at their position. */
function bodyProblems(statements: readonly ParsedStatement[]): { message: string; range: ByteRange }[] {
  const problems: { message: string; range: ByteRange }[] = [];
  for (const statement of statements) for (const problem of statement.plpgsql?.unparsed ?? []) problems.push(problem);
  return problems;
}

/** Used when a catalogue without the syntax-error rule is linted (tests of single rules): errors still show. */
const SYNTAX_ERROR_FALLBACK: Rule = {
  id: SYNTAX_ERROR,
  severity: 'error',
  message: 'PostgreSQL rejects this SQL',
  help: 'PostgreSQL would reject this migration at deploy time.',
  equivalents: { squawk: ['syntax-error'] }
};

/** The reason a rule that is off for this server version records exemptions instead, when it has one. */
function versionExempt(rule: Rule, options: LintOptions): string | undefined {
  const versions = rule.pgVersions;
  if (versions?.outside === undefined) return undefined;
  const setting = options.rules?.[rule.id];
  if (setting?.enabled === false || (rule.optIn && setting?.enabled !== true && setting?.severity === undefined))
    return undefined;
  const below = versions.min !== undefined && options.pgVersion < versions.min;
  const above = versions.max !== undefined && options.pgVersion > versions.max;
  return below || above ? versions.outside : undefined;
}

function isActive(rule: Rule, options: LintOptions): boolean {
  // A syntax error is always reported: a file that was not parsed is never passed off as checked.
  if (rule.id === SYNTAX_ERROR) return true;
  const setting = options.rules?.[rule.id];
  if (setting?.enabled === false) return false;
  if (rule.optIn && setting?.enabled !== true && setting?.severity === undefined) return false;
  if (rule.pgVersions?.min !== undefined && options.pgVersion < rule.pgVersions.min) return false;
  if (rule.pgVersions?.max !== undefined && options.pgVersion > rule.pgVersions.max) return false;
  return true;
}

/** Keeps files in migration order and findings within a file in position order. */
function stableByFile<T extends Finding | Exemption>(findings: T[], sources: readonly MigrationSource[]): T[] {
  const order = new Map(sources.map((s, i) => [s.path, i]));
  return findings.sort(
    (a, b) =>
      (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) ||
      a.line - b.line ||
      a.column - b.column ||
      a.rule.localeCompare(b.rule)
  );
}

type StatementContext = RuleContext & { current?: Rule };

interface StatementScope {
  file: MigrationSource;
  source: SourceText;
  statement: ParsedStatement;
  statements: readonly ParsedStatement[];
  transaction: TransactionState;
  catalog: Catalog;
  options: LintOptions;
  ruleState: RuleState;
  locks: (statement: ParsedStatement) => TableLock[];
}

function statementContext(
  { file, source, statement, statements, transaction, catalog, options, ruleState, locks }: StatementScope,
  sink: (rule: Rule, hit: RuleHit | undefined) => void
): StatementContext {
  // Every property written out (no spread): V8 then builds each context from one literal, which matters at
  // one context per statement.
  const context: StatementContext = {
    fileState: ruleState.fileState,
    changeSetState: ruleState.changeSetState,
    locksOf: locks,
    file: file.path,
    source,
    statement,
    statements,
    pgVersion: options.pgVersion,
    pgMinor: options.pgMinor,
    transaction,
    catalog,
    table: (rangeVar: RangeVar | undefined) => catalog.table(relationName(rangeVar).key),
    isNewTable: (rangeVar: RangeVar | undefined) =>
      catalog.table(relationName(rangeVar).key)?.createdIn === file.changeSet,
    isNewColumn: (rangeVar: RangeVar | undefined, column: string | undefined) =>
      column !== undefined &&
      catalog.table(relationName(rangeVar).key)?.columns.get(column)?.addedIn === file.changeSet,
    changeSet: file.changeSet,
    laterInChangeSet: () => [],
    at: (location: number | undefined, length?: number) => {
      const start = location !== undefined && location >= statement.range.start ? location : statement.range.start;
      return { start, end: length !== undefined ? Math.min(start + length, statement.range.end) : statement.range.end };
    },
    report: (hit?: RuleHit) => sink(context.current!, hit)
  };
  return context;
}

/** Moves the transaction state past one statement. */
function advance(
  state: TransactionState,
  locals: { lockTimeout: boolean; statementTimeout: boolean },
  statement: ParsedStatement,
  tool: { implicit: boolean },
  catalog: Catalog,
  changeSet: number,
  locks: (statement: ParsedStatement) => TableLock[]
): void {
  if (statement.kind === 'TransactionStmt') {
    switch (statement.body.kind) {
      case 'TRANS_STMT_BEGIN':
      case 'TRANS_STMT_START':
        state.depth++;
        state.explicit = true;
        break;
      case 'TRANS_STMT_COMMIT':
      case 'TRANS_STMT_ROLLBACK':
      case 'TRANS_STMT_PREPARE':
      case 'TRANS_STMT_COMMIT_PREPARED':
      case 'TRANS_STMT_ROLLBACK_PREPARED':
        endTransaction(state, locals, tool);
        break;
      default:
        break;
    }
  } else if (statement.kind === 'VariableSetStmt') {
    const body = statement.body;
    const name = String(body.name ?? '').toLowerCase();
    if (name === 'lock_timeout' || name === 'statement_timeout') {
      const key = name === 'lock_timeout' ? 'lockTimeout' : 'statementTimeout';
      const on = body.kind === 'VAR_SET_VALUE' && !isZeroSetting(body.args);
      state[key] = on;
      locals[key] = on && !!body.is_local;
    }
  } else {
    // A DO block runs as one statement: outside a transaction block its statements still share one transaction.
    const inTransaction = state.depth > 0 || tool.implicit || statement.embedded !== undefined;
    for (const lock of locks(statement)) {
      const table = catalog.table(lock.table);
      if (lock.mode === 'AccessExclusive' && inTransaction && !(table && table.createdIn === changeSet)) {
        if (!state.accessExclusive.has(lock.table)) state.accessExclusive.set(lock.table, statement);
      }
    }
  }
  state.inTransaction = state.depth > 0 || tool.implicit;
}

/** A COMMIT or ROLLBACK: the transaction (explicit or the tool's) ends, and with it what SET LOCAL set. */
function endTransaction(
  state: TransactionState,
  locals: { lockTimeout: boolean; statementTimeout: boolean },
  tool: { implicit: boolean }
): void {
  state.depth = 0;
  state.explicit = false;
  tool.implicit = false;
  state.accessExclusive.clear();
  // SET LOCAL ends with the transaction.
  if (locals.lockTimeout) state.lockTimeout = false;
  if (locals.statementTimeout) state.statementTimeout = false;
  locals.lockTimeout = locals.statementTimeout = false;
}

/** The tool commits the unit before (Liquibase: a changeset) and opens the next one's transaction, or none. */
function enterUnit(
  state: TransactionState,
  locals: { lockTimeout: boolean; statementTimeout: boolean },
  tool: { implicit: boolean },
  implicit: boolean
): void {
  endTransaction(state, locals, tool);
  tool.implicit = implicit;
  state.inTransaction = implicit;
}

function isZeroSetting(args: readonly Node[] | undefined): boolean {
  const value = as(args?.[0], 'A_Const');
  if (!value) return false;
  if (value.ival !== undefined) return (value.ival.ival ?? 0) === 0;
  if (value.sval !== undefined) return /^\s*0\s*[a-z]*\s*$/i.test(value.sval.sval ?? '');
  return false;
}
