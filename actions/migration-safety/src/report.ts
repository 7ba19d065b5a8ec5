// The lint result for machines (the JSON of the CLI and of `result-json`) and for terminals, plus the counts
// and verdict every output shares. No @actions/core here: the CLI loads this module.
import type { FailOn } from './config.js';
import type { LintResult } from './engine/lint.js';
import type { Exemption, Finding } from './engine/types.js';

export interface Counts {
  errors: number;
  warnings: number;
  filesChecked: number;
}

export function countResult(result: LintResult): Counts {
  return {
    errors: result.findings.filter((f) => f.severity === 'error').length,
    warnings: result.findings.filter((f) => f.severity === 'warning').length,
    filesChecked: result.files.filter((f) => f.linted && f.parsed === 'full').length
  };
}

/** `error` fails on errors; `warning` on warnings too; `never` reports without failing. */
export function shouldFail(counts: Counts, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return failOn === 'error' ? counts.errors > 0 : counts.errors + counts.warnings > 0;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function verdictLine(result: LintResult, failOn: FailOn): string {
  const c = countResult(result);
  const outcome = shouldFail(c, failOn) ? 'Migration safety check failed' : 'Migration safety check passed';
  return `${outcome}: ${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')} in ${plural(c.filesChecked, 'file')} checked`;
}

function recipeText(finding: LintResult['findings'][number]): string {
  if (!finding.recipe) return '';
  const indent = (text: string) => text.replace(/^/gm, '        ');
  const steps = finding.recipe.steps.map((step) => `\n      ${step.title}:\n${indent(step.sql)}`);
  return `\n    safe way: ${finding.recipe.title}${steps.join('')}`;
}

/**
 * "3 left out on purpose: table created in this change set" (reasons with their counts when several): what
 * other linters would flag here and the replayed schema shows to be harmless.
 */
export function exemptionLine(exempted: readonly Exemption[]): string | undefined {
  if (exempted.length === 0) return undefined;
  const reasons = new Map<string, number>();
  for (const e of exempted) reasons.set(e.reason, (reasons.get(e.reason) ?? 0) + 1);
  const text =
    reasons.size === 1 ? [...reasons.keys()][0] : [...reasons].map(([reason, n]) => `${reason} (${n})`).join('; ');
  return `${exempted.length} left out on purpose (other linters flag them): ${text}`;
}

/** The finding as the JSON formats show it; help, docs and recipes are in the rule catalogue. */
export function findingJson(f: Finding) {
  return {
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    equivalents: f.equivalents
  };
}

/** `{ findings, exempted, files, summary }`: the CLI's --format json and the action's result-json file. */
export function resultJson(result: LintResult, failOn: FailOn) {
  const counts = countResult(result);
  return {
    findings: result.findings.map(findingJson),
    exempted: result.exempted,
    files: result.files,
    summary: { ...counts, failed: shouldFail(counts, failOn) }
  };
}

/**
 * `file:line:column: severity rule: message`, one per finding, with the safe multi-deploy way indented below
 * it when there is one, then the verdict.
 */
export function renderText(result: LintResult, failOn: FailOn): string {
  const lines = result.findings.map(
    (f) => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.rule}: ${f.message}\n    see ${f.docs}${recipeText(f)}`
  );
  const exempt = exemptionLine(result.exempted);
  return (
    [...lines, ...(lines.length ? [''] : []), verdictLine(result, failOn), ...(exempt ? [exempt] : [])].join('\n') +
    '\n'
  );
}
