// The engine's vocabulary: what a rule sees and what a lint run reports. Nothing here knows about the runner.

export type Severity = 'error' | 'warning';

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
  severity: Severity;
  message: string;
  /** The rule's help (markdown); the recipe for this finding, when there is one, is in `recipe`. */
  help: string;
  /** Multi-deploy expand-migrate-contract steps in SQL, when the finding has a safe multi-step alternative. */
  recipe?: Recipe;
  equivalents: Equivalents;
  docs: string;
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
