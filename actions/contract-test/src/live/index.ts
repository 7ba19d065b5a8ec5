// The public surface of contract-test's live engine: what the step (live-step.ts), cli.ts and render.ts import.
export { runLive, DEFAULTS as LIVE_DEFAULTS, type LiveRun, type RunLiveOptions } from './engine.js';
export { loadLiveSpec, parseOperationList, type LiveSpecOptions } from './spec.js';
export { loadHooksFile, DEFAULT_HOOK_TIMEOUT_MS } from './hooks.js';
export { runDredd, findDredd, type DreddOptions } from './dredd.js';
export {
  renderReplay,
  replayFailures,
  parseReplay,
  type ReplayOptions,
  type ReplayResult,
  type ReplayOutcome
} from './replay.js';
export { LIVE_CHECKS, LIVE_CHECK_IDS, selectChecks } from './checks/index.js';
export type { LiveCheck } from './checks/check.js';
export { liveJUnitSuites, renderReplayJUnit } from './render/junit.js';
export { exchangeText } from './render/http-text.js';
export { renderLiveText, renderReplayText } from './render/text.js';
export { percent as coveragePercent } from './coverage.js';
export type * from './types.js';
