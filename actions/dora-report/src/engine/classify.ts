// A deployment's outcome from its statuses, and what its payload says about rollbacks.
import type { RawDeployment, RawStatus } from './types.js';

export interface Outcome {
  outcome: 'success' | 'failure' | 'pending';
  /** First success (running in production) for a success, the failing status for a failure, else creation. */
  at: string;
  /** The final state as GitHub records it. */
  state: string;
}

const TERMINAL = new Set(['success', 'failure', 'error']);

/**
 * The last terminal status decides (inactive only means superseded, so a success stays a success); a success
 * counts from its first success status, the moment the change ran in production.
 */
export function outcomeOf(d: Pick<RawDeployment, 'statuses' | 'createdAt'>): Outcome {
  const statuses: RawStatus[] = [...d.statuses].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  const terminal = statuses.filter((s) => TERMINAL.has(s.state));
  const last = terminal.at(-1);
  if (!last) return { outcome: 'pending', at: d.createdAt, state: statuses.at(-1)?.state ?? 'none' };
  if (last.state === 'success') {
    return { outcome: 'success', at: statuses.find((s) => s.state === 'success')!.createdAt, state: 'success' };
  }
  return { outcome: 'failure', at: last.createdAt, state: last.state };
}

/** The payload as an object (GraphQL returns it as JSON text, REST as an object); null when it is neither. */
export function payloadObject(payload: unknown): Record<string, unknown> | null {
  let value = payload;
  if (typeof value === 'string') {
    if (value.length > 65_536) return null;
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** blue-green-switch records a rollback as `{ color, previous, weights, rollback: true }`. */
export function payloadRollback(payload: unknown): string | null {
  const object = payloadObject(payload);
  if (!object || object.rollback !== true) return null;
  const back =
    typeof object.previous === 'string'
      ? object.previous.slice(0, 80)
      : typeof object.color === 'string'
        ? object.color.slice(0, 80)
        : '';
  return back === '' ? 'payload rollback: true' : `payload rollback: true (back to ${back})`;
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}
