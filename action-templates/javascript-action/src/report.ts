// The engine's result as the action family's report: what main.ts hands to publishReport and cli.ts prints.
import { escapeMarkdown } from '../../../shared/src/lib/markdown.js';
import { countFindings, verdictOf, type ActionReport, type Finding } from '../../../shared/src/lib/report.js';
import type { __PASCAL__Result } from './engine/index.js';

export function __NAME_CAMEL__Report(result: __PASCAL__Result): ActionReport {
  const findings: Finding[] = result.warnings.map((message) => ({ level: 'warning', id: 'long-name', message }));
  const counts = countFindings(findings);
  return {
    tool: '__NAME__',
    title: '__TITLE__',
    verdict: verdictOf(counts),
    headline: result.greeting,
    counts,
    findings,
    sections:
      findings.length > 0
        ? [{ level: 'warning', title: 'Warnings', items: findings.map((f) => escapeMarkdown(f.message)) }]
        : [],
    json: { greeting: result.greeting },
    outputs: { greeting: result.greeting },
    text: () => `${result.greeting}\n`
  };
}
