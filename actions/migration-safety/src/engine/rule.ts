import type { Catalog, TableInfo } from './catalog.js';
import type { TableLock } from './locks.js';
import type { ParsedStatement } from './parse.js';
import type { RuleState } from './rule-state.js';
import type { SourceText } from './source-text.js';
import type { RangeVar } from '@pgsql/types';
import type { ByteRange, Equivalents, Recipe, Severity, TableCost } from './types.js';

/** How the file's statements run: decided by explicit BEGIN/COMMIT, the framework preset and the overrides. */
export interface TransactionState {
  /** The statement runs inside a transaction (explicit, or the framework's implicit one per file). */
  inTransaction: boolean;
  /** Inside an explicit BEGIN ... COMMIT written in the file. */
  explicit: boolean;
  /** Depth of explicit BEGINs before this statement (2+ means nesting). */
  depth: number;
  /** A `SET lock_timeout` (or SET LOCAL) ran earlier in the file and is still in effect. */
  lockTimeout: boolean;
  statementTimeout: boolean;
  /**
   * Tables an earlier statement of the current transaction locked ACCESS EXCLUSIVE: the lock is held until
   * COMMIT, so every later statement extends the time the table is unreadable.
   */
  accessExclusive: Map<string, ParsedStatement>;
}

export interface RuleHit {
  /** Defaults to the rule's message. */
  message?: string;
  /** Defaults to the rule's severity (a configured severity overrides both). */
  severity?: Severity;
  /** Defaults to the whole statement. */
  range?: ByteRange;
  recipe?: Recipe;
  /**
   * The hazard is real in general, or another linter flags the statement, but not here, for this reason (e.g.
   * "table created in this change set"): an exemption (the rule, the range, the reason) instead of a finding.
   * Reports list exemptions under "Not flagged, and why" (JSON `exemptions`); they never count or change the
   * verdict, and the squawk comparison uses them to tell a deliberate silence from a miss.
   */
  exempt?: string;
}

export interface RuleContext extends RuleState {
  file: string;
  source: SourceText;
  statement: ParsedStatement;
  /** All statements of the file, in order. */
  statements: readonly ParsedStatement[];
  /** The target PostgreSQL major version (e.g. 16); minor as a fraction is not used: see pgMinor. */
  pgVersion: number;
  /** The minor version when known (e.g. 14.3 gives 3), else undefined. */
  pgMinor?: number;
  transaction: TransactionState;
  /** The schema built by every earlier statement and file, before this statement is applied. */
  catalog: Catalog;
  /** The table named by a RangeVar node, as the catalog knows it before this statement. */
  table(rangeVar: RangeVar | undefined): TableInfo | undefined;
  /** True when the table was created in the change set being linted: nothing reads it yet, locks are harmless. */
  isNewTable(rangeVar: RangeVar | undefined): boolean;
  /** True when the column was added (or its table created) in the change set being linted. */
  isNewColumn(rangeVar: RangeVar | undefined, column: string | undefined): boolean;
  /** The id of the change set being linted (compare with TableInfo.createdIn, ColumnInfo.addedIn). */
  changeSet: number;
  /** The statements that ship after this one in the same change set: the rest of the file, then later files. */
  laterInChangeSet(): Iterable<ParsedStatement>;
  /**
   * The table locks a statement of this file takes (engine/locks.ts), an index's table found through the
   * catalogue as it was before that statement ran; the driver and every rule see the same answer.
   */
  locksOf(statement: ParsedStatement): TableLock[];
  /** A byte range for a parser `location` field, reaching to the end of the statement or `length` bytes. */
  at(location: number | undefined, length?: number): ByteRange;
  report(hit?: RuleHit): void;
}

export interface RuleMeta {
  /** kebab-case, stable: it is what users write in ignore comments and config. */
  id: string;
  severity: Severity;
  /** The one-line message of a finding. */
  message: string;
  /** Why it is a hazard and what to do instead (markdown, a few sentences). */
  help: string;
  equivalents: Equivalents;
  /** Off unless the configuration turns it on (enabled: true, or a severity), like squawk's opt-in rules. */
  optIn?: boolean;
  /**
   * Oldest and newest server version the hazard applies to, inclusive, when it depends on the version. Outside
   * them the rule is off; with `outside`, it still runs there and what it would report is recorded as an
   * exemption with that reason (for a hazard other linters flag on every version).
   */
  pgVersions?: { min?: number; max?: number; outside?: string };
  /**
   * What the flagged statement does to every row of its table, for the rules whose hazard grows with the table
   * (engine/table-size.ts turns a table's size into a duration with it): `rewrite` writes a new copy of the
   * table and its indexes, `scan` reads every row under the lock, `index-build` reads and sorts every row into
   * a new index. Rules whose cost does not depend on the table's size have none.
   */
  cost?: TableCost;
}

export interface Rule extends RuleMeta {
  /**
   * The statement kinds (`ParsedStatement.kind`) `check` can report on: the driver calls it on those only (most
   * rules look at one or two kinds, and a history has thousands of statements). Without it, every statement.
   */
  kinds?: readonly ParsedStatement['kind'][];
  /** Called for each statement of a linted file (of `kinds` when given). */
  check?(context: RuleContext): void;
  /** Called once per linted file after all its statements, with the state at the end of the file. */
  checkFile?(context: FileContext): void;
}

export interface FileContext extends RuleState {
  file: string;
  source: SourceText;
  statements: readonly ParsedStatement[];
  pgVersion: number;
  /** The transaction state after the last statement. */
  transaction: TransactionState;
  catalog: Catalog;
  report(hit: RuleHit & { range: ByteRange }): void;
}

/** Where a rule's page lives; the pages are in the repository so they are versioned with the rules. */
export const DOCS_BASE = 'https://github.com/ubos/actions/blob/main/actions/migration-safety/docs/rules';

export function docsUrl(id: string): string {
  return `${DOCS_BASE}/${id}.md`;
}

/** The usual exemption: nothing reads or writes a table created in the change set being linted. */
export const NEW_TABLE = 'table created in this change set';

export function defineRule(rule: Rule): Rule {
  return rule;
}
