import {
  parseReportArgs,
  printReport,
  reportFlags,
  type CliCommand,
  type FlagSpecs
} from '../../../shared/src/cli/command.js';
import { parseDuration } from '../../../shared/src/lib/duration.js';
import { ConfigurationError, isConfigurationError } from '../../../shared/src/lib/errors.js';
import { runHealthGate } from './check.js';
import { gateConfigJsonSchema } from './config-schema.js';
import { gateReport } from './report.js';

function duration(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  try {
    return parseDuration(value);
  } catch (e) {
    if (!isConfigurationError(e)) throw e;
    throw new ConfigurationError(`--${flag}: ${e.message}`);
  }
}

function integer(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new ConfigurationError(`--${flag} must be a whole number >= ${min}`);
  return Number(value);
}

const FORMATS = ['text', 'json', 'markdown'] as const;

const FLAGS = {
  config: { type: 'string', value: '<file>', description: 'YAML file of checks (see health-gate/README.md)' },
  url: { type: 'string', value: '<url>', description: 'One HTTP readiness check' },
  'expect-status': { type: 'string', value: '<statuses>', description: 'Accepted statuses for --url', default: '2xx' },
  interval: { type: 'string', value: '<duration>', description: 'Time between attempts', default: '5s' },
  timeout: { type: 'string', value: '<duration>', description: 'Budget of one attempt', default: '5s' },
  deadline: { type: 'string', value: '<duration>', description: 'Overall budget of the gate', default: '5m' },
  'success-threshold': { type: 'string', value: '<n>', description: 'Consecutive passes a check needs', default: '1' },
  'failure-threshold': {
    type: 'string',
    value: '<n>',
    description: 'Consecutive failures that fail the gate early (0: wait for the deadline)',
    default: '0'
  },
  ...reportFlags(FORMATS),
  'fail-on-warn': { type: 'boolean', description: 'Deprecated: --fail-on warning' },
  'print-schema': { type: 'boolean', description: 'Print the config file JSON schema and exit' }
} satisfies FlagSpecs;

export const command: CliCommand = {
  name: 'health-gate',
  summary: 'Wait until HTTP, PostgreSQL, Redis, TCP, burst and Prometheus checks pass, or fail',
  usage: ['health-gate (--config gate.yml | --url URL) [options]', 'health-gate --print-schema'],
  flags: FLAGS,
  async run(argv, io) {
    const { values, format, failOn: failOnFlag } = parseReportArgs(argv, FLAGS, FORMATS, false);
    if (values['print-schema']) {
      io.stdout(JSON.stringify(gateConfigJsonSchema(), null, 2) + '\n');
      return 0;
    }
    const failOn = values['fail-on-warn'] ? 'warning' : failOnFlag;
    const { report, checks } = await runHealthGate({
      cwd: io.cwd,
      url: values.url,
      expectStatus: values['expect-status'],
      configPath: values.config,
      configLabel: '--config',
      timing: {
        interval: duration('interval', values.interval),
        timeout: duration('timeout', values.timeout),
        deadline: duration('deadline', values.deadline),
        successThreshold: integer('success-threshold', values['success-threshold'], 1),
        failureThreshold: integer('failure-threshold', values['failure-threshold'], 0)
      },
      env: io.env ?? process.env,
      onAttempt:
        format === 'text'
          ? (check, attempt) =>
              io.stderr(`[${check.name}] +${attempt.startedAt}ms ${attempt.status}: ${attempt.message}\n`)
          : undefined
    });
    return printReport(gateReport(report, checks), format, failOn, io);
  }
};
