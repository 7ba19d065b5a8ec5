import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseCliArgs, parseFormat, type CliCommand } from '../../../shared/src/cli/command.js';
import { parseDuration } from '../../../shared/src/lib/duration.js';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import {
  DEFAULT_JUDGE,
  OPERATIONS,
  parseRouterConfig,
  parseSteps,
  runOperation,
  type JudgeOptions,
  type Operation
} from './engine/index.js';
import { renderJson, renderMarkdown, renderText } from './render/index.js';

const VERSION = '0.1.0';

function duration(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  try {
    return parseDuration(value);
  } catch (e) {
    throw new ConfigurationError(`--${flag}: ${(e as Error).message}`);
  }
}

function ratio(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(value.trim());
  const n = percent ? Number(percent[1]) / 100 : Number(value);
  if (value.trim() === '' || !(n >= 0 && n <= 1))
    throw new ConfigurationError(`--${flag} must be a ratio like 0.01 or 1%; got "${value}"`);
  return n;
}

function readUserFile(cwd: string, path: string, what: string): { path: string; text: string } {
  const absolute = isAbsolute(path) ? path : resolve(cwd, path);
  try {
    return { path: absolute, text: readFileSync(absolute, 'utf8') };
  } catch {
    throw new ConfigurationError(`cannot read ${what} ${path}`);
  }
}

export const command: CliCommand = {
  name: 'blue-green-switch',
  summary:
    'Switch, canary, promote, abort or roll back traffic between two colours on nginx, HAProxy or a command router',
  flags: {},
  usage: [
    'blue-green-switch <status|switch|canary|rollback|promote|abort> --config router.yml [--to green] ' +
      '[--steps 10,50,100] [--step-wait 30s] [--gate gate.yml] [--no-judge] [--judge-min-requests 50] ' +
      '[--judge-confidence 0.95] [--judge-max-error-increase 1%] [--judge-max-latency-increase 25%] ' +
      '[--on-inconclusive continue|fail] [--on-failure rollback|stop] [--lock-timeout 5m] [--run-id ID] ' +
      '[--format text|json|markdown]'
  ],
  async run(argv, io) {
    const { values, positionals } = parseCliArgs(argv, {
      config: { type: 'string' },
      to: { type: 'string' },
      steps: { type: 'string' },
      'step-wait': { type: 'string' },
      gate: { type: 'string' },
      'no-judge': { type: 'boolean' },
      'judge-min-requests': { type: 'string' },
      'judge-confidence': { type: 'string' },
      'judge-max-error-increase': { type: 'string' },
      'judge-max-latency-increase': { type: 'string' },
      'on-inconclusive': { type: 'string' },
      'on-failure': { type: 'string' },
      'lock-timeout': { type: 'string' },
      'run-id': { type: 'string' },
      format: { type: 'string' }
    });
    const format = parseFormat(values.format, ['text', 'json', 'markdown'], 'text');
    const [operationText, ...extra] = positionals;
    if (!operationText || !OPERATIONS.includes(operationText as Operation)) {
      throw new ConfigurationError(`the first argument must be one of ${OPERATIONS.join(', ')}; usage: ${this.usage}`);
    }
    if (extra.length > 0) throw new ConfigurationError(`unexpected argument "${extra[0]}"`);
    if (!values.config) throw new ConfigurationError('--config <router.yml> is required');
    const operation = operationText as Operation;
    const source = readUserFile(io.cwd, values.config, 'router config');
    const config = parseRouterConfig({ text: source.text, path: source.path, cwd: io.cwd, env: process.env });
    const onFailure = values['on-failure'] ?? 'rollback';
    if (onFailure !== 'rollback' && onFailure !== 'stop')
      throw new ConfigurationError('--on-failure must be rollback or stop');
    const onInconclusive = values['on-inconclusive'] ?? DEFAULT_JUDGE.onInconclusive;
    if (onInconclusive !== 'continue' && onInconclusive !== 'fail')
      throw new ConfigurationError('--on-inconclusive must be continue or fail');
    const minRequests = values['judge-min-requests'] ?? String(DEFAULT_JUDGE.minRequests);
    if (!/^\d+$/.test(minRequests)) throw new ConfigurationError('--judge-min-requests must be a whole number');
    const judge: JudgeOptions | false = values['no-judge']
      ? false
      : {
          ...DEFAULT_JUDGE,
          minRequests: Number(minRequests),
          confidence: ratio('judge-confidence', values['judge-confidence'], DEFAULT_JUDGE.confidence),
          maxErrorRateIncrease: ratio(
            'judge-max-error-increase',
            values['judge-max-error-increase'],
            DEFAULT_JUDGE.maxErrorRateIncrease
          ),
          maxLatencyIncrease: ratio(
            'judge-max-latency-increase',
            values['judge-max-latency-increase'],
            DEFAULT_JUDGE.maxLatencyIncrease
          ),
          onInconclusive
        };
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const result = await runOperation({
        operation,
        config,
        to: values.to,
        steps: values.steps === undefined ? undefined : parseSteps(values.steps, '--steps'),
        stepWaitMs: duration('step-wait', values['step-wait']),
        gate: values.gate ? readUserFile(io.cwd, values.gate, 'gate file') : undefined,
        judge,
        onFailure,
        lockTimeoutMs: duration('lock-timeout', values['lock-timeout']),
        runId: values['run-id'] ?? `cli-${process.pid}`,
        env: process.env,
        cwd: io.cwd,
        signal: stop.signal,
        log: format === 'text' ? (line) => io.stderr(`${line}\n`) : undefined
      });
      io.stdout(
        format === 'json'
          ? renderJson(result, VERSION)
          : format === 'markdown'
            ? renderMarkdown(result)
            : renderText(result)
      );
      return result.verdict === 'fail' ? 1 : 0;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  }
};
