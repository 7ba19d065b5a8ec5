import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { annotate } from '../../../shared/src/actions/annotate.js';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import {
  getBooleanInput,
  getDurationInput,
  getIntegerInput,
  getOptionalDurationInput,
  getOptionalInput
} from '../../../shared/src/actions/inputs.js';
import { maskSecret } from '../../../shared/src/actions/mask.js';
import { urlSecrets } from '../../../shared/src/lib/redact.js';
import { writeSummary } from '../../../shared/src/actions/summary.js';
import { loadGateConfig } from './config.js';
import { runGate } from './gate.js';
import { probes } from './probes.js';
import { checkTarget, renderMarkdown, verdictLine } from './render.js';

/** Inputs -> gate -> outputs, summary, annotations. The only module of health-gate that knows @actions/core. */
export async function run(): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const url = getOptionalInput('url');
  // Mask before anything can print the URL (a bad-input error message included).
  if (url) urlSecrets(url).forEach(maskSecret);
  const configPath = getOptionalInput('config');
  let configFile: { path: string; text: string } | undefined;
  if (configPath) {
    const path = isAbsolute(configPath) ? configPath : resolve(workspace, configPath);
    try {
      configFile = { path: configPath, text: readFileSync(path, 'utf8') };
    } catch {
      throw new ConfigurationError(`Input "config": cannot read ${configPath}`);
    }
  }
  const config = loadGateConfig({
    url,
    expectStatus: getOptionalInput('expect-status'),
    checksText: getOptionalInput('checks'),
    configFile,
    timing: {
      interval: getDurationInput('interval', '5s'),
      timeout: getDurationInput('timeout', '5s'),
      successThreshold: getIntegerInput('success-threshold', { default: 1, min: 1, max: 1000 }),
      failureThreshold: getIntegerInput('failure-threshold', { default: 0, min: 0, max: 1000 }),
      deadline: getOptionalDurationInput('deadline')
    },
    env: process.env,
    cwd: workspace,
    readFile: (path) => readFileSync(path, 'utf8')
  });
  config.secrets.forEach(maskSecret);
  const failOnWarn = getBooleanInput('fail-on-warn', false);

  core.info(`Health gate: ${config.checks.length} check(s), deadline ${getOptionalInput('deadline') ?? 'from config'}`);
  for (const check of config.checks) {
    core.info(`  ${check.name}: ${check.type} (${check.role}) ${checkTarget(check, config.secrets)}`);
  }
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  const report = await runGate({
    checks: config.checks,
    deadlineMs: config.deadlineMs,
    probes,
    cwd: workspace,
    secrets: config.secrets,
    signal: stop.signal,
    onAttempt: (check, attempt) =>
      core.info(`[${check.name}] +${attempt.startedAt}ms ${attempt.status}: ${attempt.message}`)
  }).finally(() => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  });

  core.setOutput('verdict', report.verdict);
  core.setOutput('failed-checks', report.failedChecks.join(','));
  core.setOutput('result-json', JSON.stringify(report));
  await writeSummary(renderMarkdown(report));

  const origins = new Map(config.checks.map((c) => [c.name, c.origin]));
  for (const check of report.checks) {
    const origin = origins.get(check.name);
    const at = origin ? { file: origin.file, startLine: origin.line } : {};
    if (check.verdict === 'fail') {
      annotate({
        level: 'error',
        title: `Health check ${check.name} failed`,
        message: `${check.reason ?? 'failed'}: ${check.lastError ?? check.lastMessage ?? 'no attempt completed'}`,
        ...at
      });
    } else if (check.verdict === 'warn') {
      annotate({
        level: 'warning',
        title: `Health check ${check.name} warns`,
        message: check.lastMessage ?? 'warn',
        ...at
      });
    }
  }
  const line = verdictLine(report);
  if (report.verdict === 'fail' || (report.verdict === 'warn' && failOnWarn)) core.setFailed(line);
  else core.info(line);
}
