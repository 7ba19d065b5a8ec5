// Ignore comments. Only real SQL comments count: the lexer (engine/sql-lexer.ts) finds them, so text inside a
// string, a dollar-quoted body, a quoted identifier or a block comment is never an ignore comment. The grammar
// is exact, case-insensitive, one per `--` line comment:
//
//   -- ubos-ignore                         every rule, for the next statement
//   -- ubos-ignore: rule-a, rule-b         those rules, for the next statement (the colon may be omitted)
//   -- ubos-ignore-file                    every rule, for the whole file (the comment may be anywhere)
//   -- ubos-ignore-file: rule-a rule-b     those rules, for the whole file
//   ... -- any reason                      after the rule list, a second `--` starts free text
//
// and squawk's `-- squawk-ignore rule-a,rule-b` / `-- squawk-ignore-file [rules]`, mapped to our rules through
// their equivalents, so a team switching from squawk keeps its suppressions. The marker must be a word of its
// own (`ubos-ignore-filex`, `ubos-ignoreall` are not markers), and every id must be a rule we have (or one of
// squawk's, for squawk-ignore). A comment that misses the grammar suppresses nothing and is reported
// (`unknown-suppression`), as is a marker in a block comment. `syntax-error` and `unknown-suppression` cannot be
// suppressed by a comment.
import type { Rule } from './rule.js';
import { lexSql, type Token } from './sql-lexer.js';
import type { ByteRange } from './types.js';

/** Rule ids to skip; `all` when the comment names no rule. */
export type Suppressed = Set<string> | 'all';

/** A comment that looks like an ignore comment but is not one; it suppresses nothing. */
export interface SuppressionProblem {
  message: string;
  range: ByteRange;
}

/** Rules no comment can silence: a file that does not parse is never passed off as checked. */
export const UNSUPPRESSIBLE = new Set(['syntax-error', 'unknown-suppression']);

/**
 * The rules of squawk 2.66 (what `--exclude` accepts), so its ignore comments are recognised as valid; the test
 * squawk-coverage.test.ts compares it with the list read from squawk's registry.
 */
export const SQUAWK_RULES: readonly string[] = [
  'adding-field-with-default',
  'adding-foreign-key-constraint',
  'adding-not-nullable-field',
  'adding-required-field',
  'adding-serial-primary-key-field',
  'ban-alter-domain-with-add-constraint',
  'ban-char-field',
  'ban-concurrent-index-creation-in-transaction',
  'ban-create-domain-with-constraint',
  'ban-drop-column',
  'ban-drop-database',
  'ban-drop-not-null',
  'ban-drop-table',
  'ban-duplicate-column-assignments',
  'ban-truncate-cascade',
  'ban-uncommitted-transaction',
  'changing-column-type',
  'constraint-missing-not-valid',
  'disallowed-unique-constraint',
  'identifier-too-long',
  'prefer-bigint-over-int',
  'prefer-bigint-over-smallint',
  'prefer-identity',
  'prefer-repack',
  'prefer-robust-stmts',
  'prefer-text-field',
  'prefer-timestamptz',
  'prefer-timestamp-tz',
  'renaming-column',
  'renaming-table',
  'require-concurrent-index-creation',
  'require-concurrent-index-deletion',
  'require-concurrent-partition-detach',
  'require-concurrent-reindex',
  'require-enum-value-ordering',
  'require-lock-timeout',
  'require-statement-timeout',
  'require-table-schema',
  'require-timeout-settings',
  'transaction-nesting',
  'syntax-error'
];

const MARKERS = new Set(['ubos-ignore', 'ubos-ignore-file', 'squawk-ignore', 'squawk-ignore-file']);
const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface Directive {
  file: boolean;
  rules: 'all' | string[];
}

/** Reads ignore comments against one rule catalogue. */
export class Suppressions {
  private readonly ours: Set<string>;
  private readonly squawkToOurs = new Map<string, string[]>();
  private readonly squawkIds: Set<string>;

  constructor(rules: readonly Rule[]) {
    this.ours = new Set(rules.map((r) => r.id));
    for (const rule of rules) {
      for (const id of rule.equivalents.squawk ?? [])
        this.squawkToOurs.set(id, [...(this.squawkToOurs.get(id) ?? []), rule.id]);
    }
    this.squawkIds = new Set([...SQUAWK_RULES, ...this.squawkToOurs.keys()]);
  }

  /**
   * The file-level suppressions of a file's text and the ignore comments in it that are not valid. Statement
   * comments are validated here too (every SQL comment of the file is seen once), and applied by `statement`.
   */
  file(text: string): { suppressed: Suppressed; problems: SuppressionProblem[] } {
    let suppressed: Suppressed = new Set();
    const problems: SuppressionProblem[] = [];
    // Nearly every file has no ignore comment: then it is not lexed at all.
    if (!/(?:ubos|squawk)-ignore/i.test(text)) return { suppressed, problems };
    for (const comment of commentsOf(text, 0)) {
      const read = this.read(comment, problems);
      if (read?.file) suppressed = merge(suppressed, read.rules);
    }
    return { suppressed, problems };
  }

  /**
   * Statement suppressions in the comments before a statement (`leading`). With `problems`, invalid comments
   * are reported there (for text the file scan does not see: comments inside a DO body, where a file-level
   * marker is also reported, having no effect).
   */
  statement(leading: string, start = 0, problems?: SuppressionProblem[]): Suppressed {
    let suppressed: Suppressed = new Set();
    if (!/(?:ubos|squawk)-ignore/i.test(leading)) return suppressed;
    for (const comment of commentsOf(leading, start)) {
      const read = this.read(comment, problems ?? []);
      if (!read) continue;
      if (!read.file) suppressed = merge(suppressed, read.rules);
      else
        problems?.push({
          message: 'A file-level ignore comment inside a DO block has no effect: write it outside the block',
          range: { start: comment.start, end: comment.end }
        });
    }
    return suppressed;
  }

  /** One comment as a directive, undefined when it is none; invalid ones are reported and give undefined. */
  private read(comment: Token, problems: SuppressionProblem[]): Directive | undefined {
    const range = { start: comment.start, end: comment.end };
    if (comment.text.startsWith('/*')) {
      if (/^\/\*[\s*]*(?:--\s*)?(?:ubos|squawk)-ignore/i.test(comment.text))
        problems.push({
          message: 'Ignore comments must be -- line comments: this block comment suppresses nothing',
          range
        });
      return undefined;
    }
    const body = comment.text.slice(2);
    const word = /^\s*([^\s:,]*)/.exec(body)!;
    const marker = word[1].toLowerCase();
    if (!MARKERS.has(marker)) {
      if (/^(?:ubos|squawk)-ignore/.test(marker))
        problems.push({
          message: `"${clip(word[1])}" is not an ignore marker (ubos-ignore, ubos-ignore-file, squawk-ignore, squawk-ignore-file): this comment suppresses nothing`,
          range
        });
      return undefined;
    }
    const squawk = marker.startsWith('squawk');
    const file = marker.endsWith('-file');
    // After the marker: nothing, or an optional colon and the rule ids; a second `--` starts a reason.
    let rest = body.slice(word[0].length).split('--')[0];
    const colon = /^\s*:/.exec(rest);
    if (colon) rest = rest.slice(colon[0].length);
    const ids = rest
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (ids.length === 0) {
      if (colon) {
        problems.push({ message: `"${marker}:" names no rule: this comment suppresses nothing`, range });
        return undefined;
      }
      return { file, rules: 'all' };
    }
    const rules: string[] = [];
    for (const raw of ids) {
      const id = raw.toLowerCase();
      const known = RULE_ID.test(id) && (squawk ? this.squawkIds.has(id) : this.ours.has(id));
      if (!known) {
        const list = squawk ? 'squawk rule' : 'rule (ubos-actions migration-safety --list-rules lists them)';
        problems.push({
          message: `"${clip(raw)}" in ${marker} is not a ${list}: this comment suppresses nothing`,
          range
        });
        return undefined;
      }
      if (!squawk && UNSUPPRESSIBLE.has(id)) {
        problems.push({ message: `${id} cannot be ignored: this comment suppresses nothing`, range });
        return undefined;
      }
      rules.push(...(squawk ? (this.squawkToOurs.get(id) ?? []) : [id]));
    }
    return { file, rules };
  }
}

/** Ids as quoted in a message: short, printable. */
function clip(text: string): string {
  const printable = text.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable;
}

/** The real comments of a text (line and block), with byte offsets from `start`. */
function commentsOf(text: string, start: number): Token[] {
  const comments: Token[] = [];
  lexSql(text, start, comments);
  return comments;
}

function merge(into: Suppressed, rules: 'all' | string[]): Suppressed {
  if (into === 'all' || rules === 'all') return 'all';
  for (const r of rules) into.add(r);
  return into;
}

export function mergeSuppressed(a: Suppressed, b: Suppressed): Suppressed {
  if (a === 'all' || b === 'all') return 'all';
  if (a.size === 0) return b;
  if (b.size === 0) return a;
  return new Set([...a, ...b]);
}

export function isSuppressed(rule: string, ...sets: Suppressed[]): boolean {
  if (UNSUPPRESSIBLE.has(rule)) return false;
  return sets.some((s) => s === 'all' || s.has(rule));
}

/** squawk's ids mapped to ours (kept for callers that only need the mapping). */
export function squawkIndex(rules: readonly Rule[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const rule of rules) {
    for (const id of rule.equivalents.squawk ?? []) index.set(id, [...(index.get(id) ?? []), rule.id]);
  }
  return index;
}
