// blue-green-switch's public surface: what main.ts, cli.ts and other actions use. Nothing here reads the
// environment or imports @actions/*.
export { parseRouterConfig } from './config.js';
export type { RouterConfigSource } from './config.js';
export {
  runOperation,
  recoverInterrupted,
  DEFAULT_LOCK_STALE_MS,
  DEFAULT_LOCK_TIMEOUT_MS,
  DEFAULT_STEP_WAIT_MS,
  DEFAULT_STEPS
} from './operations.js';
export type { OperationOptions, RecoveryOptions, TrafficMove } from './operations.js';
export { commandEnvironment, isRunnerVariable } from './env.js';
export { DEFAULT_JUDGE, judgeCanary, judgeErrorRate, judgeLatency } from './judge.js';
export { createGitHubDeployments } from './deployments.js';
export type { DeploymentRecord, DeploymentRecorder, DeploymentsApi, GitHubDeploymentsOptions } from './deployments.js';
export type { GateSource } from './gate.js';
export { parseSteps, validateWeights, formatWeights } from './weights.js';
export { createRouter, ROUTERS } from '../routers/index.js';
export * from './types.js';
