import * as core from '@actions/core';
import { readInputs } from '../../../shared/src/actions/inputs.js';
import { runnerLogger } from '../../../shared/src/actions/logger.js';
import { maskSecret } from '../../../shared/src/actions/mask.js';
import { publishReport } from '../../../shared/src/actions/publish.js';
import { runOperation } from './engine/index.js';
import { deploymentRecorder } from './github/deployments.js';
import { INPUTS, OUTPUTS } from './inputs.js';
import { switchReport } from './report.js';
import { prepareOperation, runIdFrom } from './settings.js';
import { cancelOnSignals } from './signals.js';
import { STATE_KEYS, stepEnd, type StepContext } from './step-state.js';

/** Inputs -> router config -> the operation (a cancelled job puts traffic back) -> the shared report pipeline. */
export async function run(): Promise<void> {
  const inputs = readInputs(INPUTS);
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const rollbackOnCancel = inputs['rollback-on-cancel'];
  const { router, gateFile, options } = prepareOperation(
    {
      ...inputs,
      stepWaitMs: inputs['step-wait'],
      judge: {
        enabled: inputs.judge,
        minRequests: inputs['judge-min-requests'],
        maxErrorIncrease: inputs['judge-max-error-increase'],
        maxLatencyIncrease: inputs['judge-max-latency-increase'],
        onInconclusive: inputs['judge-on-inconclusive']
      },
      onFailure: inputs['on-failure'],
      onCancel: rollbackOnCancel ? 'rollback' : 'stop',
      lockTimeoutMs: inputs['lock-timeout']
    },
    { cwd: workspace, env: process.env, runId: runIdFrom(process.env, process.pid), label: (n) => `Input "${n}"` }
  );
  options.config.secrets.forEach(maskSecret);
  const environment = inputs.deployment ? inputs.environment : undefined;
  if (environment !== undefined)
    options.deployments = deploymentRecorder({
      env: process.env,
      token: inputs['github-token'],
      environment,
      logger: runnerLogger
    });
  const context: StepContext = {
    router,
    runId: options.runId,
    operation: inputs.operation,
    rollbackOnCancel,
    deploymentEnvironment: environment
  };
  core.saveState(STATE_KEYS.context, JSON.stringify(context));
  const cancel = cancelOnSignals((signal, first) =>
    core.info(`${signal}: ${first ? 'cancelling the operation' : 'still finishing'}`)
  );
  const result = await runOperation({
    ...options,
    signal: cancel.signal,
    log: (line) => core.info(line),
    onSecrets: (secrets) => secrets.forEach(maskSecret),
    onTrafficMove: (move) => core.saveState(STATE_KEYS.moved, JSON.stringify(move))
  });
  core.saveState(STATE_KEYS.finished, JSON.stringify(stepEnd(result)));
  await publishReport(switchReport(result, { gateFile }), { outputs: OUTPUTS, failOn: inputs['fail-on'], workspace });
  cancel.dispose();
}
