// The saved state next to the router config: what is live, what was live before (so rollback needs nothing
// else), a canary in progress, and who wrote it when. Written atomically (temp file + rename), so a run killed
// mid-write leaves the previous state, never half a file. A state that is not JSON, not ours, or not this
// router's is one clear error: acting on it could send traffic to the wrong place.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import { STATE_SCHEMA, type Color, type SwitchState } from './types.js';
import { validateWeights } from './weights.js';

const MOVE_AWAY = 'move it away to start again from what the router has now';

export function readState(file: string, routerIdentity: string, colors: readonly Color[]): SwitchState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ConfigurationError(
      `cannot read state file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ConfigurationError(`state file ${file} is corrupt (not JSON); ${MOVE_AWAY}`);
  }
  if (typeof raw !== 'object' || raw === null || (raw as { schema?: unknown }).schema !== STATE_SCHEMA) {
    const schema = typeof raw === 'object' && raw !== null ? (raw as { schema?: unknown }).schema : undefined;
    throw new ConfigurationError(
      `state file ${file} is not a blue-green-switch state (schema ${JSON.stringify(schema ?? null)}, expected "${STATE_SCHEMA}"); ${MOVE_AWAY}`
    );
  }
  const state = raw as SwitchState;
  if (state.router !== routerIdentity) {
    throw new ConfigurationError(
      `state file ${file} belongs to another router (${String(state.router)}), not ${routerIdentity}; give this router its own state-file`
    );
  }
  const where = `state file ${file}`;
  const color = (value: unknown, key: string): Color | null => {
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string' || !colors.includes(value)) {
      throw new ConfigurationError(
        `${where}: ${key} ${JSON.stringify(value)} is not a colour of the router config (${colors.join(', ')}); ${MOVE_AWAY}`
      );
    }
    return value;
  };
  const canary = state.canary;
  if (canary !== null && canary !== undefined) {
    if (typeof canary !== 'object' || !Array.isArray(canary.steps) || typeof canary.stepIndex !== 'number') {
      throw new ConfigurationError(`${where}: canary is malformed; ${MOVE_AWAY}`);
    }
    color(canary.from, 'canary.from');
    color(canary.to, 'canary.to');
    validateWeights(canary.fromWeights, colors, `${where} (canary.fromWeights)`);
  }
  return {
    schema: STATE_SCHEMA,
    router: state.router,
    live: color(state.live, 'live'),
    previous: color(state.previous, 'previous'),
    weights: validateWeights(state.weights, colors, where),
    previousWeights: state.previousWeights
      ? validateWeights(state.previousWeights, colors, `${where} (previousWeights)`)
      : null,
    canary: canary ?? null,
    lastOperation: state.lastOperation ?? null,
    updatedAt: String(state.updatedAt ?? ''),
    runId: String(state.runId ?? ''),
    ...(typeof state.deploymentId === 'number' ? { deploymentId: state.deploymentId } : {}),
    ...(typeof state.previousDeploymentId === 'number' ? { previousDeploymentId: state.previousDeploymentId } : {})
  };
}

export function writeState(file: string, state: SwitchState): void {
  const temp = `${file}.tmp-${process.pid}`;
  try {
    const fd = openSync(temp, 'w', 0o644);
    try {
      writeSync(fd, JSON.stringify(state, null, 2) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    throw new ConfigurationError(
      `cannot write state file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`
    );
  }
}
