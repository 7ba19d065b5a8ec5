// `ubos-actions blue-green-switch <verb>`: the same engine and report as the action, from a terminal or another
// CI. Each verb declares its own flags (so `canary --help` lists exactly what a canary takes); Ctrl-C puts
// traffic back before exiting (twice quits at once).
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
import { parseDuration } from '../../../shared/src/lib/duration.js';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { closestName } from '../../../shared/src/lib/suggest.js';
import { DEFAULT_JUDGE, OPERATIONS, runOperation, type Operation } from './engine/index.js';
import { switchReport } from './report.js';
import { prepareOperation, runIdFrom } from './settings.js';
import { cancelOnSignals } from './signals.js';

const FORMATS = ['text', 'json', 'markdown'] as const;

const COMMON = {
  config: { type: 'string', value: '<router.yml>', description: 'The router config (required)' },
  format: formatFlag(FORMATS),
  'fail-on': FAIL_ON_FLAG
} satisfies FlagSpecs;

const CHANGE = {
  'lock-timeout': {
    type: 'string',
    value: '<duration>',
    description: 'Wait this long for another run on the same router; 0s fails at once',
    default: '5m'
  },
  'run-id': {
    type: 'string',
    value: '<id>',
    description: 'Recorded in the state file and the lock',
    default: 'cli-<pid>'
  }
} satisfies FlagSpecs;

const MOVE = {
  to: { type: 'string', value: '<colour|other>', description: 'The colour traffic moves to', default: 'other' },
  gate: { type: 'string', value: '<gate.yml>', description: 'health-gate checks run before and after each step' },
  'on-failure': {
    type: 'string',
    value: '<rollback|stop>',
    description: 'After a failed check: put traffic back, or leave it',
    default: 'rollback'
  }
} satisfies FlagSpecs;

const JUDGE = {
  'step-wait': {
    type: 'string',
    value: '<duration>',
    description: 'How long each step below 100 % takes traffic before it is judged',
    default: '30s'
  },
  'no-judge': { type: 'boolean', description: "Do not compare the colours' errors and latencies between steps" },
  'judge-min-requests': {
    type: 'string',
    value: '<n>',
    description: 'Requests per colour before the judge decides',
    default: String(DEFAULT_JUDGE.minRequests)
  },
  'judge-max-error-increase': {
    type: 'string',
    value: '<share>',
    description: 'Largest accepted error-rate rise, in percentage points',
    default: '1%'
  },
  'judge-max-latency-increase': {
    type: 'string',
    value: '<share>',
    description: 'Largest accepted median-latency rise, relative',
    default: '25%'
  },
  'judge-on-inconclusive': {
    type: 'string',
    value: '<continue|fail>',
    description: 'What an undecided step does',
    default: 'continue'
  }
} satisfies FlagSpecs;

const FLAGS: Record<Operation, FlagSpecs> = {
  status: COMMON,
  switch: { ...COMMON, ...MOVE, ...CHANGE },
  canary: {
    ...COMMON,
    ...MOVE,
    steps: {
      type: 'string',
      value: '<percent,...>',
      description: "The new colour's share at each step (ending below 100 pauses)",
      default: '10,50,100'
    },
    ...JUDGE,
    ...CHANGE
  },
  promote: { ...COMMON, gate: MOVE.gate, 'on-failure': MOVE['on-failure'], ...CHANGE },
  abort: { ...COMMON, ...CHANGE },
  rollback: { ...COMMON, ...CHANGE }
};

const SUMMARIES: Record<Operation, string> = {
  status: 'What is live, a half-done canary, who holds the lock',
  switch: 'All traffic to the other colour at once: checked first, verified, old colour drained',
  canary: 'Traffic to the other colour by steps, judged and gated between them; back on a failure',
  promote: 'Take a paused canary to 100 %',
  abort: 'Put a canary back where it started',
  rollback: 'Back to the saved previous weights (no gate, no waiting)'
};

const SUBCOMMANDS: CliUsage[] = OPERATIONS.map((op) => ({
  name: op,
  summary: SUMMARIES[op],
  usage: [`blue-green-switch ${op} --config <router.yml> [options]`],
  flags: FLAGS[op]
}));

function duration(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  try {
    return parseDuration(value);
  } catch (e) {
    throw new ConfigurationError(`--${flag} must be a duration like 30s or 5m: ${(e as Error).message}`);
  }
}

function choice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  const chosen = (value ?? fallback) as T;
  if (!allowed.includes(chosen))
    throw new ConfigurationError(`--${flag} must be ${allowed.join(' or ')}; got "${value}"`);
  return chosen;
}

function wholeNumber(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new ConfigurationError(`--${flag} must be a whole number of at least 1; got "${value}"`);
  return Number(value);
}

function verbOf(argv: string[]): Operation {
  const verb = argv[0];
  if (verb !== undefined && (OPERATIONS as readonly string[]).includes(verb)) return verb as Operation;
  const guess = verb && !verb.startsWith('-') ? closestName(verb, OPERATIONS) : undefined;
  throw new ConfigurationError(
    `the first argument must be one of ${OPERATIONS.join(', ')}${verb === undefined ? '' : `; got "${verb}"`}${guess ? ` (did you mean "${guess}"?)` : ''}`
  );
}

export const command: CliCommand = {
  name: 'blue-green-switch',
  summary: 'Switch, canary, promote, abort or roll back traffic between colours on nginx, HAProxy or a command router',
  usage: SUBCOMMANDS.flatMap((s) => s.usage),
  flags: COMMON,
  subcommands: SUBCOMMANDS,
  async run(argv, io) {
    const operation = verbOf(argv);
    const { values: raw } = parseFlags(argv.slice(1), FLAGS[operation], false);
    const values = raw as Record<string, string | boolean | undefined>;
    const text = (flag: string) => values[flag] as string | undefined;
    const format = parseFormat(text('format'), FORMATS, 'text');
    const failOn = parseFailOnFlag(text('fail-on'));
    const config = text('config');
    if (!config)
      throw new ConfigurationError(
        `--config <router.yml> is required; usage: ubos-actions blue-green-switch ${operation} --config <router.yml> [options]`
      );
    const env = io.env ?? process.env;
    const { options } = prepareOperation(
      {
        operation,
        router: config,
        to: text('to'),
        steps: text('steps'),
        stepWaitMs: duration('step-wait', text('step-wait')),
        gate: text('gate'),
        judge: {
          enabled: values['no-judge'] !== true,
          minRequests: wholeNumber('judge-min-requests', text('judge-min-requests'), DEFAULT_JUDGE.minRequests),
          maxErrorIncrease: text('judge-max-error-increase') ?? '1%',
          maxLatencyIncrease: text('judge-max-latency-increase') ?? '25%',
          onInconclusive: choice(
            'judge-on-inconclusive',
            text('judge-on-inconclusive'),
            ['continue', 'fail'],
            'continue'
          )
        },
        onFailure: choice('on-failure', text('on-failure'), ['rollback', 'stop'], 'rollback'),
        onCancel: 'rollback',
        lockTimeoutMs: duration('lock-timeout', text('lock-timeout'))
      },
      {
        cwd: io.cwd,
        env,
        runId: text('run-id') ?? runIdFrom({}, process.pid),
        label: (name) => `--${name === 'router' ? 'config' : name}`
      }
    );
    const cancel = cancelOnSignals(
      (signal, first) =>
        io.stderr(
          first ? `${signal}: cancelling; traffic goes back first (again to quit at once)\n` : `${signal}: quitting\n`
        ),
      { exitOnSecond: true }
    );
    try {
      const result = await runOperation({
        ...options,
        signal: cancel.signal,
        log: format === 'text' ? (line) => io.stderr(`${line}\n`) : undefined
      });
      return printReport(switchReport(result), format, failOn, io);
    } finally {
      cancel.dispose();
    }
  }
};
