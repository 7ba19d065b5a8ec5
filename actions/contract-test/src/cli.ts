// `ubos-actions contract-test lint|diff|live|replay|checks`: the action's engine on the command line, with the
// same report, formats and --fail-on as every other command. Secrets for live testing come from environment
// variables, never flags, so they stay out of shell history and process lists:
//   CONTRACT_TEST_AUTH_BEARER, CONTRACT_TEST_AUTH_BASIC (user:password), CONTRACT_TEST_AUTH_API_KEY,
//   CONTRACT_TEST_AUTH_SCHEMES (JSON: {"schemeName": "secret"})
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  FAIL_ON_FLAG,
  formatFlag,
  parseFailOnFlag,
  parseFlags,
  parseFormat,
  printReport,
  type CliCommand,
  type CliIo,
  type CliUsage,
  type FlagSpecs
} from '../../../shared/src/cli/command.js';
import { parseDuration } from '../../../shared/src/lib/duration.js';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { DEFAULT_CONFIG_FILE, loadCheckLevels, type LevelSetting } from './check-levels.js';
import { ALL_CHECKS } from './diff/index.js';
import { LIVE_CHECKS, parseOperationList, replayFailures, type AuthSecrets } from './live/index.js';
import { contractReport } from './render.js';
import { replayReport } from './replay-report.js';
import { runContractStep, type Mode } from './step.js';
import { parseAuthSchemes, stepOptions, writeReplayFile, writeReportFile, type StepValues } from './step-inputs.js';

const FORMATS = ['text', 'json', 'sarif', 'markdown', 'junit'] as const;
const LIVE_FORMATS = ['text', 'json', 'junit', 'markdown'] as const;

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

const BASE_REF = {
  type: 'string',
  value: '<git-ref>',
  description: 'Compare with the spec as it is at this ref'
} as const;
const IGNORE_FILE = {
  type: 'string',
  value: '<file>',
  description: 'Breaking changes accepted on purpose (read when it exists)',
  default: '.github/contract-test-ignore.yml'
} as const;

const CONFIG_FILE = {
  type: 'string',
  value: '<file>',
  description: 'Check levels (checks: id -> error, warning, info or off; read when it exists)',
  default: '.github/contract-test.yml'
} as const;

const LINT = {
  name: 'lint',
  summary: 'Lint OpenAPI specs with Spectral',
  usage: ['contract-test lint <spec|glob>... [options]'],
  flags: {
    ruleset: {
      type: 'string',
      value: '<file>',
      description: 'Spectral ruleset (YAML, JSON or JS); default: .spectral.yaml/.yml/.json here, else spectral:oas'
    },
    'allow-ruleset-code': {
      type: 'boolean',
      description:
        'Run the code a ruleset brings (JavaScript rulesets, functions, JSONPath filters): trusted rulesets only'
    },
    'lint-scope': {
      type: 'string',
      value: '<all|changed>',
      description: 'changed: only what changed since --base-ref or --base-spec (and what it references)',
      default: 'all'
    },
    'base-ref': { ...BASE_REF, description: 'For --lint-scope changed: the git ref to compare with' },
    'base-spec': { type: 'string', value: '<file>', description: 'For --lint-scope changed: the spec to compare with' },
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
    'contract-test diff --base-ref <git-ref> <spec|glob>... [options]'
  ],
  flags: {
    'base-ref': BASE_REF,
    'ignore-file': IGNORE_FILE,
    config: CONFIG_FILE,
    'allow-external-refs': EXTERNAL_REFS,
    'max-spec-size': MAX_SPEC_SIZE,
    format: formatFlag(FORMATS),
    'fail-on': FAIL_ON_FLAG
  }
} satisfies CliUsage;

const LIVE = {
  name: 'live',
  summary:
    'Test a running server against its OpenAPI spec (credentials from the environment: CONTRACT_TEST_AUTH_BEARER, CONTRACT_TEST_AUTH_BASIC, CONTRACT_TEST_AUTH_API_KEY, CONTRACT_TEST_AUTH_SCHEMES)',
  usage: ['contract-test live <spec|glob>... --base-url <url> [options]'],
  flags: {
    'base-url': { type: 'string', value: '<url>', description: 'Where the server under test listens (required)' },
    checks: {
      type: 'string',
      multiple: true,
      value: '<all|id,...>',
      description: 'Live checks to run',
      default: 'all'
    },
    seed: { type: 'string', value: '<n>', description: 'Seed of the generated requests', default: '1' },
    budget: { type: 'string', value: '<n>', description: 'Most requests to send per spec', default: '1000' },
    'max-response-time': {
      type: 'string',
      value: '<duration>',
      description: 'Fail max-response-time above this p95 (e.g. 500ms); off when not given'
    },
    'request-timeout': { type: 'string', value: '<duration>', description: 'Per request', default: '10s' },
    concurrency: { type: 'string', value: '<n>', description: 'Requests in flight at once', default: '4' },
    hooks: { type: 'string', value: '<file>', description: 'Hooks file (Dredd names); naming it runs its code' },
    changed: {
      type: 'string',
      multiple: true,
      value: '<"METHOD /path">',
      description: 'Operations to test first and report apart'
    },
    'base-spec': { type: 'string', value: '<file>', description: 'Test the operations changed since this spec first' },
    'base-ref': { ...BASE_REF, description: 'Test the operations changed since this ref first' },
    'live-against-base': { type: 'boolean', description: 'Also run the base version of the spec against the server' },
    engine: { type: 'string', value: '<ubos|dredd>', description: 'Live engine', default: 'ubos' },
    'dredd-config': { type: 'string', value: '<file>', description: 'dredd.yml for engine dredd' },
    'junit-file': { type: 'string', value: '<file>', description: 'Also write JUnit XML there' },
    'replay-file': { type: 'string', value: '<file>', description: 'Write the failing exchanges there (NDJSON)' },
    'allow-external-refs': EXTERNAL_REFS,
    'max-spec-size': MAX_SPEC_SIZE,
    format: formatFlag(LIVE_FORMATS),
    'fail-on': FAIL_ON_FLAG
  }
} satisfies CliUsage;

const REPLAY = {
  name: 'replay',
  summary: 'Send the failing exchanges of a replay file again and re-check them',
  usage: ['contract-test replay <replay-file> --base-url <url> [options]'],
  flags: {
    'base-url': { type: 'string', value: '<url>', description: 'Where to send the requests again (required)' },
    'request-timeout': { type: 'string', value: '<duration>', description: 'Per request', default: '10s' },
    format: formatFlag(LIVE_FORMATS),
    'fail-on': FAIL_ON_FLAG
  }
} satisfies CliUsage;

const CHECKS = {
  name: 'checks',
  summary: 'List the breaking-change checks with their levels, or the live checks',
  usage: ['contract-test checks [--config <file>] [--live] [--format text|json]'],
  flags: {
    live: { type: 'boolean', description: 'List the live checks instead' },
    config: { ...CONFIG_FILE, description: 'Show the levels this config file sets beside the defaults' },
    format: formatFlag(['text', 'json'])
  }
} satisfies CliUsage;

function parse<T extends FlagSpecs>(usage: CliUsage & { flags: T }, argv: string[]) {
  return parseFlags(argv, usage.flags);
}

function wholeNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim())) throw new ConfigurationError(`${flag} must be a whole number; got "${value}"`);
  return Number(value);
}

function duration(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  try {
    return parseDuration(value);
  } catch (error) {
    throw new ConfigurationError(`${flag}: ${(error as Error).message}`);
  }
}

function list(values: readonly string[] | undefined): string[] | undefined {
  const items = (values ?? [])
    .flatMap((v) => v.split(/[\r\n,]/))
    .map((v) => v.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
}

/** The auth secrets from the environment variables named at the top of this file. */
export function authFromEnv(env: NodeJS.ProcessEnv): AuthSecrets {
  const value = (name: string) => (env[name] ? env[name] : undefined);
  const auth: AuthSecrets = {};
  if (value('CONTRACT_TEST_AUTH_BEARER')) auth.bearer = value('CONTRACT_TEST_AUTH_BEARER');
  if (value('CONTRACT_TEST_AUTH_BASIC')) auth.basic = value('CONTRACT_TEST_AUTH_BASIC');
  if (value('CONTRACT_TEST_AUTH_API_KEY')) auth.apiKey = value('CONTRACT_TEST_AUTH_API_KEY');
  const schemes = parseAuthSchemes(value('CONTRACT_TEST_AUTH_SCHEMES'), 'CONTRACT_TEST_AUTH_SCHEMES');
  if (schemes) auth.schemes = schemes;
  return auth;
}

function base(io: CliIo, values: { 'allow-external-refs'?: string[]; 'max-spec-size'?: string }) {
  return {
    root: io.cwd,
    allowExternalRefs: values['allow-external-refs'] ?? [],
    allowRulesetCode: false,
    maxSpecSize: values['max-spec-size'],
    env: io.env ?? process.env,
    label: (name: string) => `--${name}`
  } satisfies Partial<StepValues>;
}

async function check(values: StepValues, mode: Mode[], io: CliIo) {
  return runContractStep(await stepOptions({ ...values, mode, onProgress: (line) => io.stderr(`${line}\n`) }));
}

/**
 * The diff checks with their default level and, where the config file (read as the diff reads it: the default
 * file when it exists) sets one, the configured level. `level` stays the default; `configured` is added.
 */
function checksListing(root: string, config: string | undefined, format: string): string {
  const ids = ALL_CHECKS.map((c) => c.id);
  const levels = loadCheckLevels(root, config ?? DEFAULT_CONFIG_FILE, ids)?.levels ?? new Map<string, LevelSetting>();
  const rows = ALL_CHECKS.map((c) => {
    const configured = levels.get(c.id);
    return { id: c.id, level: c.level, ...(configured ? { configured } : {}), description: c.description };
  });
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  if (levels.size === 0) return rows.map((c) => `${c.level.padEnd(7)} ${c.id}  ${c.description}`).join('\n') + '\n';
  // A second column for the configured level: "error   -> off      endpoint-removed  ...".
  return (
    rows
      .map(
        (c) => `${c.level.padEnd(7)} ${(c.configured ? `-> ${c.configured}` : '').padEnd(10)} ${c.id}  ${c.description}`
      )
      .join('\n') + '\n'
  );
}

export const command: CliCommand = {
  name: 'contract-test',
  summary: 'Lint an OpenAPI spec (Spectral), find breaking changes between two versions, test a running server',
  usage: [...LINT.usage, ...DIFF.usage, ...LIVE.usage, ...REPLAY.usage, ...CHECKS.usage],
  flags: {},
  subcommands: [LINT, DIFF, LIVE, REPLAY, CHECKS],
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'checks') {
      const { values } = parse(CHECKS, rest);
      const format = parseFormat(values.format, ['text', 'json'], 'text');
      if (values.live) {
        if (values.config !== undefined)
          throw new ConfigurationError('--config sets the levels of the diff checks; it does not apply with --live');
        const rows = LIVE_CHECKS.map((c) => ({ id: c.id, level: 'error', description: c.title }));
        io.stdout(
          format === 'json'
            ? JSON.stringify(rows, null, 2) + '\n'
            : rows.map((c) => `${c.id}  ${c.description}`).join('\n') + '\n'
        );
        return 0;
      }
      io.stdout(checksListing(io.cwd, values.config, format));
      return 0;
    }
    if (sub === 'lint') {
      const { values, positionals } = parse(LINT, rest);
      const format = parseFormat(values.format, FORMATS, 'text');
      const failOn = parseFailOnFlag(values['fail-on']);
      if (positionals.length === 0)
        throw new ConfigurationError(`lint takes one or more specs; usage: ubos-actions ${LINT.usage[0]}`);
      if (values['lint-scope'] === 'changed' && !values['base-ref'] && !values['base-spec'])
        throw new ConfigurationError('--lint-scope changed needs --base-ref or --base-spec to know what changed');
      const step = await check(
        {
          ...base(io, values),
          spec: positionals,
          mode: [],
          ruleset: values.ruleset,
          allowRulesetCode: values['allow-ruleset-code'] === true,
          lintScope: values['lint-scope'],
          baseRef: values['base-ref'],
          baseSpec: values['base-spec']
        },
        ['lint'],
        io
      );
      return printReport(contractReport(step), format, failOn, io);
    }
    if (sub === 'diff') {
      const { values, positionals } = parse(DIFF, rest);
      const format = parseFormat(values.format, FORMATS, 'text');
      const failOn = parseFailOnFlag(values['fail-on']);
      const byRef = values['base-ref'] !== undefined;
      if (byRef ? positionals.length === 0 : positionals.length !== 2)
        throw new ConfigurationError(
          `diff takes a base and a head spec, or --base-ref and specs; usage: ubos-actions ${DIFF.usage.join(' | ')}`
        );
      const step = await check(
        {
          ...base(io, values),
          spec: byRef ? positionals : [positionals[1]],
          mode: [],
          baseSpec: byRef ? undefined : positionals[0],
          baseRef: values['base-ref'],
          ignoreFile: values['ignore-file'],
          configFile: values.config
        },
        ['diff'],
        io
      );
      for (const r of step.specs) if (r.diffSkipped) io.stderr(`diff skipped: ${r.diffSkipped}\n`);
      return printReport(contractReport(step), format, failOn, io);
    }
    if (sub === 'live') {
      const { values, positionals } = parse(LIVE, rest);
      const format = parseFormat(values.format, LIVE_FORMATS, 'text');
      const failOn = parseFailOnFlag(values['fail-on']);
      if (positionals.length === 0)
        throw new ConfigurationError(`live takes one or more specs; usage: ubos-actions ${LIVE.usage[0]}`);
      if (!values['base-url'])
        throw new ConfigurationError('live needs --base-url (where the server under test listens)');
      const step = await check(
        {
          ...base(io, values),
          spec: positionals,
          mode: [],
          baseSpec: values['base-spec'],
          baseRef: values['base-ref'],
          baseUrl: values['base-url'],
          checks: list(values.checks),
          seed: wholeNumber(values.seed, '--seed'),
          budget: wholeNumber(values.budget, '--budget'),
          maxResponseTimeMs: duration(values['max-response-time'], '--max-response-time'),
          requestTimeoutMs: duration(values['request-timeout'], '--request-timeout'),
          concurrency: wholeNumber(values.concurrency, '--concurrency'),
          auth: authFromEnv(io.env ?? process.env),
          hooks: values.hooks,
          engine: values.engine,
          dreddConfig: values['dredd-config'],
          liveAgainstBase: values['live-against-base'] === true,
          changed: values.changed ? parseOperationList(values.changed, '--changed') : undefined
        },
        ['live'],
        io
      );
      const report = contractReport(step);
      if (values['junit-file']) writeReportFile(io.cwd, values['junit-file'], report.junit!(), '--junit-file');
      if (values['replay-file'])
        for (const notice of writeReplayFile(step, io.cwd, values['replay-file'], '--replay-file'))
          io.stderr(`${notice}\n`);
      return printReport(report, format, failOn, io);
    }
    if (sub === 'replay') {
      const { values, positionals } = parse(REPLAY, rest);
      const format = parseFormat(values.format, LIVE_FORMATS, 'text');
      const failOn = parseFailOnFlag(values['fail-on']);
      if (positionals.length !== 1)
        throw new ConfigurationError(`replay takes one replay file; usage: ubos-actions ${REPLAY.usage[0]}`);
      if (!values['base-url'])
        throw new ConfigurationError('replay needs --base-url (where to send the requests again)');
      const file = positionals[0];
      let text: string;
      try {
        text = readFileSync(resolve(io.cwd, file), 'utf8');
      } catch (error) {
        throw new ConfigurationError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
      const result = await replayFailures({
        text,
        file,
        baseUrl: values['base-url'],
        auth: authFromEnv(io.env ?? process.env),
        timeoutMs: duration(values['request-timeout'], '--request-timeout')
      });
      return printReport(replayReport(result, file), format, failOn, io);
    }
    throw new ConfigurationError(
      `unknown subcommand "${sub ?? ''}": use lint, diff, live, replay or checks (ubos-actions contract-test --help)`
    );
  }
};
