import * as core from '@actions/core';
import { readInputs } from '../../../shared/src/actions/inputs.js';
import { maskSecret } from '../../../shared/src/actions/mask.js';
import { publishReport } from '../../../shared/src/actions/publish.js';
import { credentialsInUrl } from '../../../shared/src/lib/redact.js';
import { describeCheck, runHealthGate } from './check.js';
import { INPUTS, OUTPUTS } from './inputs.js';
import { gateReport } from './report.js';

/** Inputs -> gate -> the shared report pipeline. */
export async function run(): Promise<void> {
  // Mask the URL's credentials before anything can print it (a bad-input error message included).
  const url = core.getInput('url');
  if (url) credentialsInUrl(url).forEach(maskSecret);
  const inputs = readInputs(INPUTS);
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const { report, checks } = await runHealthGate({
    cwd: workspace,
    url: inputs.url,
    expectStatus: inputs['expect-status'],
    checksText: inputs.checks,
    configPath: inputs.config,
    configLabel: 'Input "config"',
    timing: {
      interval: inputs.interval,
      timeout: inputs.timeout,
      deadline: inputs.deadline,
      successThreshold: inputs['success-threshold'],
      failureThreshold: inputs['failure-threshold']
    },
    env: process.env,
    onSecrets: (secrets) => secrets.forEach(maskSecret),
    onChecks: (all) => all.forEach((check) => core.info(`  ${describeCheck(check)}`)),
    onAttempt: (check, attempt) =>
      core.info(`[${check.name}] +${attempt.startedAt}ms ${attempt.status}: ${attempt.message}`)
  });
  await publishReport(gateReport(report, checks), {
    outputs: OUTPUTS,
    failOn: inputs['fail-on-warn'] ? 'warning' : inputs['fail-on'],
    workspace
  });
}
