// One SARIF log with two runs, so code scanning shows lint findings and breaking changes as separate tools (every
// spec of the step in the same two runs). Accepted changes are intended: they are not alerts.
import { VERSION } from '../../../shared/src/lib/version.generated.js';
import { buildSarif, serializeSarif, type SarifLevel } from '../../../shared/src/lib/sarif.js';
import { ALL_CHECKS } from './diff/index.js';
import type { ContractReport } from './render.js';

const HOME = 'https://github.com/ubos/actions/tree/main/contract-test';

const LINT_LEVEL: Record<string, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const CHANGE_LEVEL: Record<string, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

export function contractSarif(reports: readonly ContractReport[]): string {
  const allLint = reports.flatMap((r) => r.lint);
  const lintRules = [...new Map(allLint.map((f) => [f.code, f])).values()].map((f) => ({
    id: f.code,
    shortDescription: f.message,
    defaultLevel: LINT_LEVEL[f.severity]
  }));
  const lint = buildSarif({
    toolName: 'spectral (via ubos contract-test)',
    toolVersion: VERSION,
    informationUri: HOME,
    rules: lintRules,
    results: allLint.map((f) => ({
      ruleId: f.code,
      level: LINT_LEVEL[f.severity],
      message: f.message,
      file: f.location.file,
      startLine: f.location.line,
      startColumn: f.location.column
    }))
  });
  const located = reports.flatMap((r) => r.changes).filter((c) => c.location && !c.accepted);
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
