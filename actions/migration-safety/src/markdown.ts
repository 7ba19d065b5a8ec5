// The job summary and the pull request comment: verdict first, a table per file, then the help and the
// expand-migrate-contract recipes folded away. Separate from report.ts because shared/src/summary.ts loads
// @actions/core, which the CLI must not pay for.
import { escapeHtml, SummaryBuilder, type Verdict } from '../../../shared/src/lib/markdown.js';
import type { FailOn } from './config.js';
import type { LintResult } from './engine/lint.js';
import { recipeMarkdown } from './engine/recipes.js';
import type { Finding } from './engine/types.js';
import { countResult, exemptionLine, shouldFail, verdictLine } from './report.js';

export interface MarkdownContext {
  failOn: FailOn;
  pgVersion: number;
  pgMinor?: number;
  framework: string;
  /** How the linted files were chosen, e.g. "2 files changed against main (5 earlier migrations replayed)". */
  scope: string;
}

function outcome(result: LintResult, failOn: FailOn): Verdict {
  const counts = countResult(result);
  if (shouldFail(counts, failOn)) return 'failure';
  return counts.errors + counts.warnings > 0 ? 'warning' : 'success';
}

function byFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const files = new Map<string, Finding[]>();
  for (const f of findings) files.set(f.file, [...(files.get(f.file) ?? []), f]);
  return files;
}

export function renderMarkdown(result: LintResult, context: MarkdownContext): string {
  const out = new SummaryBuilder()
    .heading('Migration safety')
    .verdict(outcome(result, context.failOn), verdictLine(result, context.failOn));
  const version = context.pgMinor === undefined ? `${context.pgVersion}` : `${context.pgVersion}.${context.pgMinor}`;
  out.paragraph(`${context.scope}. PostgreSQL ${version}, framework \`${context.framework}\`.`);

  for (const [file, findings] of byFile(result.findings)) {
    out.heading(`\`${file}\``, 3);
    out.table(
      ['line', 'rule', 'severity', 'message'],
      findings.map((f) => [
        f.line === f.endLine ? `${f.line}` : `${f.line}–${f.endLine}`,
        `[${f.rule}](${f.docs})`,
        f.severity === 'error' ? '❌ error' : '⚠️ warning',
        escapeHtml(f.message)
      ])
    );
    for (const f of findings) {
      if (f.recipe) out.details(`Safe way: ${f.recipe.title} (line ${f.line})`, recipeMarkdown(f.recipe));
    }
  }

  const rules = new Map(result.findings.map((f) => [f.rule, f]));
  if (rules.size > 0) {
    const help = new SummaryBuilder();
    for (const [rule, f] of rules) help.paragraph(`**[${rule}](${f.docs})**: ${f.help}`);
    out.details(`Why these are hazards and the safe way (${rules.size} ${rules.size === 1 ? 'rule' : 'rules'})`, help);
  }
  const exempt = exemptionLine(result.exempted);
  if (exempt) out.paragraph(`${exempt}.`);
  return out.toString();
}
