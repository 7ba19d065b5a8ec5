import { pullRequestFromEnv, pullRequestLabels } from '../../../shared/src/actions/github-context.js';
import { readInputs } from '../../../shared/src/actions/inputs.js';
import { runnerLogger } from '../../../shared/src/actions/logger.js';
import { maskSecret } from '../../../shared/src/actions/mask.js';
import { fromInputs, publishReport } from '../../../shared/src/actions/publish.js';
import { INPUTS, OUTPUTS } from './inputs.js';
import { contractReport } from './render.js';
import { runContractStep } from './step.js';
import { authSecretForms, parseAuthSchemes, stepOptions, writeReplayFile } from './step-inputs.js';

/** Inputs -> every spec through lint, diff and live (as mode says) -> one report through the shared pipeline. */
export async function run(): Promise<void> {
  const inputs = readInputs(INPUTS);
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const auth = {
    bearer: inputs['auth-bearer'],
    basic: inputs['auth-basic'],
    apiKey: inputs['auth-api-key'],
    schemes: parseAuthSchemes(inputs['auth-schemes'], 'Input "auth-schemes"')
  };
  // Each value inside auth-schemes, and the base64 of user:password, is a secret of its own in the log.
  for (const secret of authSecretForms(auth)) maskSecret(secret);
  const event = process.env.GITHUB_EVENT_NAME;
  const wantsBase =
    inputs.mode.includes('diff') ||
    inputs['live-against-base'] ||
    (inputs['lint-scope'] === 'changed' && inputs.mode.includes('lint'));
  const options = await stepOptions({
    root: workspace,
    spec: inputs.spec,
    mode: inputs.mode,
    lint: inputs.lint,
    baseSpec: inputs['base-spec'],
    baseRef:
      inputs['base-ref'] ??
      (inputs['base-spec'] || !wantsBase ? undefined : pullRequestFromEnv()?.baseRef || undefined),
    ruleset: inputs.ruleset,
    allowExternalRefs: inputs['allow-external-refs'],
    // Code from a pull_request_target run's checkout would run with the base repository's secrets.
    allowRulesetCode: inputs['allow-ruleset-code'] && event !== 'pull_request_target',
    maxSpecSize: inputs['max-spec-size'],
    lintScope: inputs['lint-scope'],
    ignoreFile: inputs['ignore-file'],
    configFile: inputs.config,
    acceptLabel: inputs['accept-label'],
    labels: pullRequestLabels(),
    baseUrl: inputs['base-url'],
    checks: inputs.checks,
    budget: inputs.budget,
    seed: inputs.seed,
    maxResponseTimeMs: inputs['max-response-time'],
    requestTimeoutMs: inputs['request-timeout'],
    auth,
    hooks: inputs.hooks,
    engine: inputs.engine,
    dreddConfig: inputs['dredd-config'],
    liveAgainstBase: inputs['live-against-base'],
    eventName: event,
    env: process.env,
    onProgress: (line) => runnerLogger.info(line),
    label: (name) => `Input "${name}"`
  });
  const step = await runContractStep(options);
  const report = contractReport(step);
  if (inputs['replay-file']) report.notices?.push(...writeReplayFile(step, workspace, inputs['replay-file']));
  await publishReport(report, fromInputs(inputs, OUTPUTS, workspace));
}
