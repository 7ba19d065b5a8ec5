import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseCliArgs, parseFormat, type CliCommand } from '../../../shared/src/cli/command.js';
import { parseDuration } from '../../../shared/src/lib/duration.js';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { loadGateConfig } from './config.js';
import { gateConfigJsonSchema } from './config-schema.js';
import { runGate } from './gate.js';
import { probes } from './probes.js';
import { renderJson, renderMarkdown, renderText } from './render.js';

function duration(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  try {
    return parseDuration(value);
  } catch (e) {
    throw new ConfigurationError(`--${flag}: ${(e as Error).message}`);
  }
}

function integer(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new ConfigurationError(`--${flag} must be a whole number >= ${min}`);
  return Number(value);
}

export const command: CliCommand = {
  name: 'health-gate',
  summary: 'Wait until HTTP, PostgreSQL, Redis, TCP, burst and Prometheus checks pass, or fail',
  usage:
    'ubos-actions health-gate (--config gate.yml | --url URL [--expect-status 2xx]) [--interval 5s] [--timeout 5s] ' +
    '[--deadline 5m] [--success-threshold 1] [--failure-threshold 0] [--fail-on-warn] [--format text|json|markdown] ' +
    '| --print-schema',
  async run(argv, io) {
    const { values } = parseCliArgs(
      argv,
      {
        config: { type: 'string' },
        url: { type: 'string' },
        'expect-status': { type: 'string' },
        interval: { type: 'string' },
        timeout: { type: 'string' },
        deadline: { type: 'string' },
        'success-threshold': { type: 'string' },
        'failure-threshold': { type: 'string' },
        'fail-on-warn': { type: 'boolean' },
        format: { type: 'string' },
        'print-schema': { type: 'boolean' }
      },
      false
    );
    if (values['print-schema']) {
      io.stdout(JSON.stringify(gateConfigJsonSchema(), null, 2) + '\n');
      return 0;
    }
    const format = parseFormat(values.format, ['text', 'json', 'markdown'], 'text');
    let configFile: { path: string; text: string } | undefined;
    if (values.config) {
      const path = isAbsolute(values.config) ? values.config : resolve(io.cwd, values.config);
      try {
        configFile = { path: values.config, text: readFileSync(path, 'utf8') };
      } catch {
        throw new ConfigurationError(`cannot read config file ${values.config}`);
      }
    }
    const config = loadGateConfig({
      url: values.url,
      expectStatus: values['expect-status'],
      configFile,
      timing: {
        interval: duration('interval', values.interval),
        timeout: duration('timeout', values.timeout),
        deadline: duration('deadline', values.deadline),
        successThreshold: integer('success-threshold', values['success-threshold'], 1),
        failureThreshold: integer('failure-threshold', values['failure-threshold'], 0)
      },
      env: process.env,
      cwd: io.cwd,
      readFile: (path) => readFileSync(path, 'utf8')
    });
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const report = await runGate({
        checks: config.checks,
        deadlineMs: config.deadlineMs,
        probes,
        cwd: io.cwd,
        secrets: config.secrets,
        signal: stop.signal,
        onAttempt:
          format === 'text'
            ? (check, attempt) =>
                io.stderr(`[${check.name}] +${attempt.startedAt}ms ${attempt.status}: ${attempt.message}\n`)
            : undefined
      });
      io.stdout(
        format === 'json' ? renderJson(report) : format === 'markdown' ? renderMarkdown(report) : renderText(report)
      );
      return report.verdict === 'fail' || (report.verdict === 'warn' && values['fail-on-warn']) ? 1 : 0;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  }
};
