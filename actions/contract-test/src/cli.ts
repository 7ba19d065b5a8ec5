import { parseCliArgs, parseFormat, type CliCommand } from '../../../shared/src/cli/command.js';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { ALL_CHECKS } from './diff/index.js';
import { changelogMarkdown, changesJson, renderChangesText, renderLintText } from './render.js';
import { runContractCheck } from './run-contract.js';
import { contractSarif } from './sarif.js';
import { parseExternalRefPolicy } from './spec/external-refs.js';
import { parseSpecSize } from './spec/load.js';

const USAGE = [
  'ubos-actions contract-test lint <spec> [--ruleset file] [--allow-ruleset-code] [--format text|json|sarif] [--allow-external-refs none|files|urls|all] [--max-spec-size 13MiB]',
  'ubos-actions contract-test diff <base-spec> <head-spec> [--format text|json|markdown] [--fail-on error|warning|never] [--allow-external-refs ...]',
  'ubos-actions contract-test diff --base-ref <git-ref> <spec> [...]',
  'ubos-actions contract-test checks [--format text|json]'
].join('\n       ');

export const command: CliCommand = {
  name: 'contract-test',
  summary: 'Lint an OpenAPI spec (Spectral) and find breaking changes between two versions of it',
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const { values, positionals } = parseCliArgs(rest, {
      ruleset: { type: 'string' },
      format: { type: 'string' },
      'base-ref': { type: 'string' },
      'fail-on': { type: 'string' },
      // Repeatable or comma-separated: --allow-external-refs files,urls
      'allow-external-refs': { type: 'string', multiple: true },
      'allow-ruleset-code': { type: 'boolean' },
      'max-spec-size': { type: 'string' }
    });
    const limits = {
      allowRulesetCode: values['allow-ruleset-code'] === true,
      maxSpecBytes:
        values['max-spec-size'] === undefined ? undefined : parseSpecSize(values['max-spec-size'], '--max-spec-size')
    };
    const externalRefs = parseExternalRefPolicy(values['allow-external-refs'] ?? [], '--allow-external-refs');
    if (sub === 'checks') {
      const format = parseFormat(values.format, ['text', 'json'], 'text');
      io.stdout(
        format === 'json'
          ? JSON.stringify(ALL_CHECKS, null, 2) + '\n'
          : ALL_CHECKS.map((c) => `${c.level.padEnd(7)} ${c.id}  ${c.description}`).join('\n') + '\n'
      );
      return 0;
    }
    if (sub === 'lint') {
      const format = parseFormat(values.format, ['text', 'json', 'sarif'], 'text');
      if (positionals.length !== 1) throw new ConfigurationError(`lint takes one spec; usage: ${USAGE}`);
      const report = await runContractCheck({
        root: io.cwd,
        spec: positionals[0],
        ruleset: values.ruleset,
        lint: true,
        externalRefs,
        ...limits
      });
      io.stdout(
        format === 'json'
          ? JSON.stringify({ findings: report.lint }, null, 2) + '\n'
          : format === 'sarif'
            ? contractSarif(report)
            : renderLintText(report.lint)
      );
      return report.lint.some((f) => f.severity === 'error') ? 1 : 0;
    }
    if (sub === 'diff') {
      const format = parseFormat(values.format, ['text', 'json', 'markdown'], 'text');
      const failOn = values['fail-on'] ?? 'error';
      if (!['error', 'warning', 'never'].includes(failOn))
        throw new ConfigurationError('--fail-on must be error, warning or never');
      const [first, second] = positionals;
      const byRef = values['base-ref'] !== undefined;
      if (byRef ? positionals.length !== 1 : positionals.length !== 2) {
        throw new ConfigurationError(`diff takes a base and a head spec, or --base-ref and one spec; usage: ${USAGE}`);
      }
      const report = await runContractCheck({
        root: io.cwd,
        spec: byRef ? first : second,
        baseSpec: byRef ? undefined : first,
        baseRef: values['base-ref'],
        lint: false,
        externalRefs,
        ...limits
      });
      if (report.diffSkipped) io.stderr(`diff skipped: ${report.diffSkipped}\n`);
      io.stdout(
        format === 'json'
          ? JSON.stringify(changesJson(report.changes), null, 2) + '\n'
          : format === 'markdown'
            ? changelogMarkdown(report.changes) + '\n'
            : renderChangesText(report.changes)
      );
      const breaking = report.changes.filter((c) => c.level === 'error').length;
      const warnings = report.changes.filter((c) => c.level === 'warning').length;
      return failOn === 'never' ? 0 : breaking > 0 || (failOn === 'warning' && warnings > 0) ? 1 : 0;
    }
    throw new ConfigurationError(`unknown subcommand "${sub ?? ''}"; usage: ${USAGE}`);
  }
};
