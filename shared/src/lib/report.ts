/**
 * The one report model of the action family. Every action's engine result is turned into an ActionReport by
 * the action's own render code; the shared pipeline (shared/src/actions/publish.ts) and the CLI
 * (shared/src/cli/command.ts) take it from there, so outputs, summaries, comments, annotations and JSON have
 * the same shape and the same words in every action.
 */
import { ConfigurationError } from './errors.js';
import { VERSION } from './version.generated.js';

/** A finding's level, as GitHub's annotations name them. */
export type Level = 'error' | 'warning' | 'notice';
export const LEVELS: readonly Level[] = ['error', 'warning', 'notice'];

/**
 * What the report found, independent of the step's policy: `fail` when there is an error (a breaking change,
 * a failed check), `warn` when there are only warnings, `pass` otherwise. `fail-on` decides whether the step
 * fails; the verdict output stays the same either way, so a later step can branch on it.
 */
export type Verdict = 'pass' | 'warn' | 'fail';

export const FAIL_ON_VALUES = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON_VALUES)[number];

export interface Location {
  /** Relative to the workspace with `/`, or absolute when outside it (or a URL for a fetched document). */
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface Finding {
  level: Level;
  /** The rule, check or probe that produced it; stable across releases. */
  id: string;
  message: string;
  /** Annotation title; defaults to `<tool> <id>`. */
  title?: string;
  location?: Location;
}

export interface Counts {
  error: number;
  warning: number;
  notice: number;
  /** Action-specific counts (files, breaking, checks, ...), always numbers. */
  [extra: string]: number;
}

export function countFindings(findings: readonly { level: Level }[]): Counts {
  const counts: Counts = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.level]++;
  return counts;
}

export function verdictOf(counts: Pick<Counts, 'error' | 'warning'>): Verdict {
  return counts.error > 0 ? 'fail' : counts.warning > 0 ? 'warn' : 'pass';
}

/** Whether the step fails: `error` fails on a fail verdict, `warning` on warn too, `never` reports only. */
export function failsStep(verdict: Verdict, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return verdict === 'fail' || (failOn === 'warning' && verdict === 'warn');
}

/** `label` names the setting in the error: `Input "fail-on"`, `--fail-on`, `fail-on in .github/x.yml:3`. */
export function parseFailOn(value: string, label: string): FailOn {
  if ((FAIL_ON_VALUES as readonly string[]).includes(value)) return value as FailOn;
  throw new ConfigurationError(`${label} must be one of ${FAIL_ON_VALUES.join(', ')}; got "${value}"`);
}

/** A table whose rows can be cut one by one when a comment or summary must shrink. Cells are markdown. */
export interface ReportTable {
  headers: string[];
  rows: string[][];
}

/** One block of a job summary or PR comment; the pipeline orders blocks by level and cuts whole rows. */
export interface ReportSection {
  /** `info` for blocks that are neither findings nor their context (a timeline, compatible changes). */
  level: Level | 'info';
  /** Plain text (escaped when rendered). */
  title: string;
  /** Markdown shown before the rows. */
  intro?: string;
  table?: ReportTable;
  /** Markdown list items, cut like rows. */
  items?: string[];
  /** Markdown after the rows (recipes, timelines): the first thing dropped when space runs out. */
  extra?: string;
  /** Rendered open with a heading instead of inside <details>; default: open for errors only. */
  open?: boolean;
}

/** What an action hands to the report pipeline and to the CLI renderers. */
export interface ActionReport {
  /** The action's folder name: `migration-safety`. */
  tool: string;
  /** Heading of the summary and comment: `Migration safety`. */
  title: string;
  /** What the report is about when a workflow may run the action more than once (the spec path). */
  subject?: string;
  verdict: Verdict;
  /** One line: the verdict in words with the counts ("Contract check failed: 3 breaking changes, ..."). */
  headline: string;
  counts: Counts;
  /** Annotations, in any order (the pipeline puts errors first). */
  findings: Finding[];
  /** Markdown lines under the verdict line (what was checked, against what). */
  context?: string[];
  sections: ReportSection[];
  /** The action's own fields of the JSON envelope, after tool, version, verdict and counts. */
  json: Record<string, unknown>;
  /** Action-specific outputs (verdict, result-json and report-file are added by the pipeline). */
  outputs?: Record<string, string | number>;
  /** Lines for the log as notices (a skipped diff, a defaulted setting). */
  notices?: string[];
  /** The CLI's `--format text`; defaults to one line per finding then the headline. */
  text?: () => string;
  sarif?: () => string;
  junit?: () => string;
}

export interface ReportEnvelope {
  tool: string;
  version: string;
  verdict: Verdict;
  counts: Counts;
  [field: string]: unknown;
}

/** The JSON every report and every `--format json` prints: tool, version, verdict, counts, then the rest. */
export function reportEnvelope(report: Pick<ActionReport, 'tool' | 'verdict' | 'counts' | 'json'>): ReportEnvelope {
  return { tool: report.tool, version: VERSION, verdict: report.verdict, counts: report.counts, ...report.json };
}

/** The JSON form of a finding inside an envelope: id, level, message, location (only the fields present). */
export function findingJson(f: Finding): Record<string, unknown> {
  return { id: f.id, level: f.level, message: f.message, ...(f.location ? { location: f.location } : {}) };
}

/** `file:line:col: level id: message`, the default text line of a finding. */
export function findingText(f: Finding): string {
  const where = f.location
    ? `${f.location.file}${f.location.line ? `:${f.location.line}${f.location.column ? `:${f.location.column}` : ''}` : ''}: `
    : '';
  return `${where}${f.level} ${f.id}: ${f.message}`;
}

export function defaultText(report: ActionReport): string {
  const order = (f: Finding) => LEVELS.indexOf(f.level);
  const lines = [...report.findings].sort((a, b) => order(a) - order(b)).map(findingText);
  return [...lines, ...(lines.length ? [''] : []), report.headline].join('\n') + '\n';
}

export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}
