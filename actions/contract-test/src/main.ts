import { pullRequestFromEnv } from '../../../shared/src/actions/github-context.js';
import { readInputs } from '../../../shared/src/actions/inputs.js';
import { fromInputs, publishReport } from '../../../shared/src/actions/publish.js';
import { INPUTS, OUTPUTS } from './inputs.js';
import { contractReport } from './render.js';
import { runContractCheck } from './run-contract.js';
import { parseExternalRefPolicy } from './spec/external-refs.js';
import { parseSpecSize } from './spec/load.js';

/** Inputs -> contract check (lint, diff against the base) -> the shared report pipeline. */
export async function run(): Promise<void> {
  const inputs = readInputs(INPUTS);
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const baseSpec = inputs['base-spec'];
  const report = await runContractCheck({
    root: workspace,
    spec: inputs.spec,
    baseSpec,
    baseRef: inputs['base-ref'] ?? (baseSpec ? undefined : pullRequestFromEnv()?.baseRef || undefined),
    ruleset: inputs.ruleset,
    lint: inputs.lint,
    externalRefs: parseExternalRefPolicy(inputs['allow-external-refs'], 'Input "allow-external-refs"'),
    // Code from a pull_request_target run's checkout would run with the base repository's secrets.
    allowRulesetCode: inputs['allow-ruleset-code'] && process.env.GITHUB_EVENT_NAME !== 'pull_request_target',
    maxSpecBytes: parseSpecSize(inputs['max-spec-size'], 'Input "max-spec-size"')
  });
  await publishReport(contractReport(report), fromInputs(inputs, OUTPUTS, workspace));
}
