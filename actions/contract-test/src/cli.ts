// `ubos-actions contract-test lint|diff|checks`: the action's engine on the command line, with the same report,
// formats and --fail-on as every other command.
import {
  FAIL_ON_FLAG,
  formatFlag,
  parseFailOnFlag,
  parseFlags,
  parseFormat,
  printReport,
  type CliCommand,
  type CliUsage,
  type FlagSpecs
} from '../../../shared/src/cli/command.js';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { ALL_CHECKS } from './diff/index.js';
import { contractReport } from './render.js';
import { runContractCheck } from './run-contract.js';
import { parseExternalRefPolicy } from './spec/external-refs.js';
import { parseSpecSize } from './spec/load.js';

const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;

const EXTERNAL_REFS = {
  type: 'string',
  multiple: true,
  value: '<none|files|urls|all>',
  description: 'Which $refs leaving the spec folder are followed',
  default: 'none'
} as const;

const MAX_SPEC_SIZE = {
  type: 'string',
  value: '<size>',
  description: 'Refuse a spec larger than this (YAML counts four times)',
  default: '13MiB'
} as const;

/** The loader's limits and the ruleset policy, the same for every verb. */
function limits(values: { 'allow-ruleset-code'?: boolean; 'max-spec-size'?: string }) {
  return {
    allowRulesetCode: values['allow-ruleset-code'] === true,
    maxSpecBytes:
      values['max-spec-size'] === undefined ? undefined : parseSpecSize(values['max-spec-size'], '--max-spec-size')
  };
}

const LINT = {
  name: 'lint',
  summary: 'Lint an OpenAPI spec with Spectral',
  usage: ['contract-test lint <spec> [options]'],
  flags: {
    ruleset: { type: 'string', value: '<file>', description: 'Spectral ruleset (YAML, JSON or JS)' },
    'allow-ruleset-code': {
      type: 'boolean',
      description:
        'Run the code a ruleset brings (JavaScript rulesets, functions, JSONPath filters): trusted rulesets only'
    },
    'allow-external-refs': EXTERNAL_REFS,
    'max-spec-size': MAX_SPEC_SIZE,
    format: formatFlag(FORMATS),
    'fail-on': FAIL_ON_FLAG
  }
} satisfies CliUsage;

const DIFF = {
  name: 'diff',
  summary: 'Find the breaking changes between two versions of a spec',
  usage: [
    'contract-test diff <base-spec> <head-spec> [options]',
    'contract-test diff --base-ref <git-ref> <spec> [options]'
  ],
  flags: {
    'base-ref': { type: 'string', value: '<git-ref>', description: 'Compare with the spec as it is at this ref' },
    'allow-external-refs': EXTERNAL_REFS,
    'max-spec-size': MAX_SPEC_SIZE,
    format: formatFlag(FORMATS),
    'fail-on': FAIL_ON_FLAG
  }
} satisfies CliUsage;

const CHECKS = {
  name: 'checks',
  summary: 'List the breaking-change checks with their levels',
  usage: ['contract-test checks [--format text|json]'],
  flags: { format: formatFlag(['text', 'json']) }
} satisfies CliUsage;

function parse<T extends FlagSpecs>(usage: CliUsage & { flags: T }, argv: string[]) {
  return parseFlags(argv, usage.flags);
}

export const command: CliCommand = {
  name: 'contract-test',
  summary: 'Lint an OpenAPI spec (Spectral) and find breaking changes between two versions of it',
  usage: [...LINT.usage, ...DIFF.usage, ...CHECKS.usage],
  flags: {},
  subcommands: [LINT, DIFF, CHECKS],
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'checks') {
      const { values } = parse(CHECKS, rest);
      const format = parseFormat(values.format, ['text', 'json'], 'text');
      io.stdout(
        format === 'json'
          ? JSON.stringify(ALL_CHECKS, null, 2) + '\n'
          : ALL_CHECKS.map((c) => `${c.level.padEnd(7)} ${c.id}  ${c.description}`).join('\n') + '\n'
      );
      return 0;
    }
    if (sub === 'lint') {
      const { values, positionals } = parse(LINT, rest);
      const format = parseFormat(values.format, FORMATS, 'text');
      const failOn = parseFailOnFlag(values['fail-on']);
      if (positionals.length !== 1)
        throw new ConfigurationError(`lint takes one spec; usage: ubos-actions ${LINT.usage[0]}`);
      const report = await runContractCheck({
        root: io.cwd,
        spec: positionals[0]!,
        ruleset: values.ruleset,
        lint: true,
        externalRefs: parseExternalRefPolicy(values['allow-external-refs'] ?? [], '--allow-external-refs'),
        ...limits(values)
      });
      return printReport(contractReport(report), format, failOn, io);
    }
    if (sub === 'diff') {
      const { values, positionals } = parse(DIFF, rest);
      const format = parseFormat(values.format, FORMATS, 'text');
      const failOn = parseFailOnFlag(values['fail-on']);
      const byRef = values['base-ref'] !== undefined;
      if (byRef ? positionals.length !== 1 : positionals.length !== 2)
        throw new ConfigurationError(
          `diff takes a base and a head spec, or --base-ref and one spec; usage: ubos-actions ${DIFF.usage.join(' | ')}`
        );
      const [first, second] = positionals as [string, string | undefined];
      const report = await runContractCheck({
        root: io.cwd,
        spec: byRef ? first : second!,
        baseSpec: byRef ? undefined : first,
        baseRef: values['base-ref'],
        lint: false,
        externalRefs: parseExternalRefPolicy(values['allow-external-refs'] ?? [], '--allow-external-refs'),
        ...limits(values)
      });
      if (report.diffSkipped) io.stderr(`diff skipped: ${report.diffSkipped}\n`);
      return printReport(contractReport(report), format, failOn, io);
    }
    throw new ConfigurationError(
      `unknown subcommand "${sub ?? ''}": use lint, diff or checks (ubos-actions contract-test --help)`
    );
  }
};
