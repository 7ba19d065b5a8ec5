// The engine's vocabulary: what a rule sees and what a lint run reports. Nothing here knows about the runner.

export type Severity = 'error' | 'warning';

/** A finding's level: rules report errors and warnings; only table-size awareness lowers a warning to a notice. */
export type Level = Severity | 'notice';

/** What a statement does to every row of its table (RuleMeta.cost). */
export type TableCost = 'rewrite' | 'scan' | 'index-build';

/** The ids the same hazard has in the linters teams switch from; used for squawk-ignore and the benchmark. */
export interface Equivalents {
  squawk?: string[];
  eugene?: string[];
  atlas?: string[];
  strongMigrations?: string[];
}

/** 1-based line and column (columns count UTF-16 code units, as GitHub annotations do); end is exclusive. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Finding extends Span {
  file: string;
  rule: string;
  severity: Level;
  message: string;
  /**
   * For a rule with a cost: the table (`schema.name`) the statement rewrites or scans, when the change set did
   * not create it (a new table is empty: its size is not looked up).
   */
  table?: string;
  cost?: TableCost;
  /** Set when table-size awareness judged the finding against the table's size (engine/table-size.ts). */
  size?: SizeJudgement;
  /** The rule's help (markdown); the recipe for this finding, when there is one, is in `recipe`. */
  help: string;
  /** Multi-deploy expand-migrate-contract steps in SQL, when the finding has a safe multi-step alternative. */
  recipe?: Recipe;
  equivalents: Equivalents;
  docs: string;
}

export interface SizeJudgement {
  /** The level before the table's size was taken into account. */
  originalLevel: Level;
  /** `raised`, `lowered`, or `confirmed` (big table, already an error: the level stays, the estimate is added). */
  change: 'raised' | 'lowered' | 'confirmed';
  /** "table public.orders has ~2.4M rows (1.2 GB): ...", also appended to the message. */
  reason: string;
  /** Estimated duration of the rewrite, scan or index build, in seconds. */
  estimateSeconds: number;
}

export interface RecipeStep {
  title: string;
  sql: string;
}

export interface Recipe {
  title: string;
  steps: RecipeStep[];
}

/** A byte range in the UTF-8 text the parser saw. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * A statement a rule recognised and deliberately did not report, and why (see RuleHit.exempt): what another
 * linter (the rule's equivalents) would flag there. Listed in reports; never counted, never in the verdict.
 */
export interface Exemption extends Span {
  file: string;
  rule: string;
  reason: string;
  equivalents: Equivalents;
}
