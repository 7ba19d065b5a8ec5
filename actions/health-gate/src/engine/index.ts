// The health gate's public surface for other actions (blue-green-switch runs it between canary steps): the
// check schema and its parser, the scheduler, the real probes and the report types. Another action imports
// health-gate only through this module, so the files behind it can move without breaking anyone.
export { BUILT_IN_TIMING, DEFAULT_DEADLINE_MS, loadGateConfig } from '../config.js';
export type { ConfigSources, GateConfig, TimingOverrides } from '../config.js';
export { runGate } from '../gate.js';
export type { GateOptions, ProbeTable } from '../gate.js';
export { probes } from '../probes.js';
export type {
  AttemptOutcome,
  AttemptRecord,
  Check,
  CheckReport,
  CheckTiming,
  CheckType,
  CheckVerdict,
  GateReport,
  GateVerdict,
  Probe,
  ProbeContext,
  Role
} from '../types.js';
