// SARIF 2.1.0 for GitHub code scanning: every rule of the catalogue with its help (text and markdown) and
// docs page, and one result per finding with the statement's region.
import { VERSION } from '../../../shared/src/lib/version.generated.js';
import { buildSarif, serializeSarif, type SarifLog } from '../../../shared/src/lib/sarif.js';
import type { LintResult, RuleSetting } from './engine/lint.js';
import { docsUrl, type RuleMeta } from './engine/rule.js';

const HOME = 'https://github.com/ubos/actions/tree/main/migration-safety';

/** "require-concurrent-index-creation" -> "RequireConcurrentIndexCreation", the display name code scanning shows. */
function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, c: string) => c.toUpperCase());
}

/** Markdown has no place in the plain-text help: links keep their text, code loses its backticks. */
function plainText(markdown: string): string {
  return markdown.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').replace(/`/g, '');
}

/** A rule outside the lint's catalogue (the live trace's), with its own docs page. */
export type ExtraRule = Pick<RuleMeta, 'id' | 'message' | 'help' | 'severity'> & { docs: string };

export function migrationSarif(
  result: LintResult,
  catalogue: readonly RuleMeta[],
  settings: Record<string, RuleSetting> = {},
  extra: readonly ExtraRule[] = []
): string {
  const docs = new Map(extra.map((r) => [r.id, r.docs]));
  const rules = [...catalogue, ...extra];
  const severity = (rule: Pick<RuleMeta, 'id' | 'severity'>) => settings[rule.id]?.severity ?? rule.severity;
  const helpUri = (id: string) => docs.get(id) ?? docsUrl(id);
  const known = new Set(rules.map((r) => r.id));
  const findings = result.findings.filter((f) => known.has(f.rule));
  const log: SarifLog = buildSarif({
    toolName: 'ubos migration-safety',
    toolVersion: VERSION,
    informationUri: HOME,
    rules: rules.map((rule) => ({
      id: rule.id,
      name: pascalCase(rule.id),
      shortDescription: rule.message,
      fullDescription: plainText(rule.help),
      helpUri: helpUri(rule.id),
      defaultLevel: severity(rule)
    })),
    results: findings.map((f) => ({
      ruleId: f.rule,
      // SARIF calls a notice (a finding table-size awareness lowered) a note.
      level: f.severity === 'notice' ? 'note' : f.severity,
      message: f.message,
      file: f.file,
      startLine: f.line,
      startColumn: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn
    }))
  });
  // shared/src/sarif.ts has no `help`; code scanning shows it on every alert, so it is added here.
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const descriptor of log.runs[0].tool.driver.rules) {
    const rule = byId.get(descriptor.id)!;
    const markdown = `${rule.help}\n\nDocs: [${rule.id}](${helpUri(rule.id)})`;
    Object.assign(descriptor, {
      help: { text: `${plainText(rule.help)}\n\nDocs: ${helpUri(rule.id)}`, markdown },
      properties: { tags: ['postgresql', 'migrations'] }
    });
  }
  // A recipe written for the actual names belongs to the alert itself.
  log.runs[0].results.forEach((r, i) => {
    const finding = findings[i];
    if (finding.recipe) {
      const steps = finding.recipe.steps.map((s) => `${s.title}:\n${s.sql}`).join('\n\n');
      Object.assign(r.message, { text: `${finding.message}\n\n${finding.recipe.title}\n\n${steps}` });
    }
  });
  return serializeSarif(log);
}
