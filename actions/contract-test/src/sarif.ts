// One SARIF log with two runs, so code scanning shows lint findings and breaking changes as separate tools.
import { VERSION } from '../../../shared/src/lib/version.generated.js';
import { buildSarif, serializeSarif, type SarifLevel } from '../../../shared/src/lib/sarif.js';
import { ALL_CHECKS } from './diff/index.js';
import type { ContractReport } from './render.js';

const HOME = 'https://github.com/ubos/actions/tree/main/contract-test';

const LINT_LEVEL: Record<string, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const CHANGE_LEVEL: Record<string, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

export function contractSarif(report: ContractReport): string {
  const lintRules = [...new Map(report.lint.map((f) => [f.code, f])).values()].map((f) => ({
    id: f.code,
    shortDescription: f.message,
    defaultLevel: LINT_LEVEL[f.severity]
  }));
  const lint = buildSarif({
    toolName: 'spectral (via ubos contract-test)',
    toolVersion: VERSION,
    informationUri: HOME,
    rules: lintRules,
    results: report.lint.map((f) => ({
      ruleId: f.code,
      level: LINT_LEVEL[f.severity],
      message: f.message,
      file: f.location.file,
      startLine: f.location.line,
      startColumn: f.location.column
    }))
  });
  const located = report.changes.filter((c) => c.location);
  const diff = buildSarif({
    toolName: 'ubos contract-test diff',
    toolVersion: VERSION,
    informationUri: HOME,
    rules: ALL_CHECKS.map((c) => ({ id: c.id, shortDescription: c.description, defaultLevel: CHANGE_LEVEL[c.level] })),
    results: located.map((c) => ({
      ruleId: c.id,
      level: CHANGE_LEVEL[c.level],
      message: c.message,
      file: c.location!.file,
      startLine: c.location!.line,
      startColumn: c.location!.column
    }))
  });
  return serializeSarif({ ...lint, runs: [...lint.runs, ...diff.runs] });
}
