import * as core from '@actions/core';
import { readInputs } from '../../../shared/src/actions/inputs.js';
import { maskSecret } from '../../../shared/src/actions/mask.js';
import { fromInputs, publishReport } from '../../../shared/src/actions/publish.js';
import { urlSecrets } from '../../../shared/src/lib/redact.js';
import { runHealthGate } from './check.js';
import { INPUTS, OUTPUTS } from './inputs.js';
import { checkTarget } from './render.js';
import { gateReport } from './report.js';

/** Inputs -> gate -> the shared report pipeline. */
export async function run(): Promise<void> {
  // Mask the URL's credentials before anything can print it (a bad-input error message included).
  const url = core.getInput('url');
  if (url) urlSecrets(url).forEach(maskSecret);
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
    onChecks: (all, secrets) =>
      all.forEach((check) =>
        core.info(`  ${check.name}: ${check.type} (${check.role}) ${checkTarget(check, secrets)}`)
      ),
    onAttempt: (check, attempt) =>
      core.info(`[${check.name}] +${attempt.startedAt}ms ${attempt.status}: ${attempt.message}`)
  });
  const failOn = inputs['fail-on-warn'] ? 'warning' : inputs['fail-on'];
  await publishReport(gateReport(report, checks), fromInputs({ 'fail-on': failOn }, OUTPUTS, workspace));
}
