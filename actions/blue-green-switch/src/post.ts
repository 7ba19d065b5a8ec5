// The post step (runs.post, post-if: always()): when the main step moved traffic and did not get to put it
// back (the job was cancelled and the step killed, or it crashed), put it back on the old colour and verify it.
// What to restore comes from the step's saved state and the router's state file; doing it twice does nothing.
import '../../../shared/src/lib/bundle-runtime.js';
import * as core from '@actions/core';
import { runnerLogger } from '../../../shared/src/actions/logger.js';
import { maskSecret } from '../../../shared/src/actions/mask.js';
import { runAction } from '../../../shared/src/actions/run-action.js';
import { parseRouterConfig, recoverInterrupted } from './engine/index.js';
import { deploymentRecorder } from './github/deployments.js';
import { readStepState } from './step-state.js';

const say = (message: string) => core.info(`blue-green-switch post: ${message}`);

await runAction(async () => {
  const { context, moved, finished } = readStepState((key) => core.getState(key));
  if (!context || !moved) return say('nothing to do (the step moved no traffic)');
  if (finished && !finished.restoreFailed) return say(`nothing to do (the step finished: ${finished.message})`);
  if (!context.rollbackOnCancel) return say('rollback-on-cancel is false: traffic is left where the step left it');
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const config = parseRouterConfig({ ...context.router, name: 'input "router"', cwd: workspace, env: process.env });
  config.secrets.forEach(maskSecret);
  const token = core.getInput('github-token');
  maskSecret(token);
  const environment = context.deploymentEnvironment;
  const result = await recoverInterrupted({
    config,
    runId: context.runId,
    restore: moved.restore,
    deploymentId: moved.deploymentId,
    env: process.env,
    cwd: workspace,
    deployments: environment
      ? deploymentRecorder({ env: process.env, token, environment, logger: runnerLogger })
      : undefined,
    log: (line) => core.debug(line)
  });
  for (const warning of result.warnings) core.warning(warning);
  if (result.verdict === 'fail') core.setFailed(`blue-green-switch post: ${result.message}`);
  // An interrupted run is worth a warning even when traffic turned out to be back already: the step's own
  // record of it (summary, deployment status) never got written.
  else if (result.rolledBack || !finished)
    core.warning(`blue-green-switch post: the ${context.operation} was interrupted; ${result.message}`);
  else say(result.message);
});
