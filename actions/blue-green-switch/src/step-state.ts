// What the step leaves for its post step (through the runner's saveState, never a file of its own): where the
// router config came from and the run's id before anything happens, the weights to put back the moment traffic
// first moves, and how the step ended once it did. A post step that finds traffic moved and no end put it back
// (the step was killed during a cancel, or crashed); the state file next to the router config says the rest.
import type { OperationResult, TrafficMove } from './engine/index.js';
import type { ConfigText } from './settings.js';

export const STATE_KEYS = { context: 'bgs-context', moved: 'bgs-moved', finished: 'bgs-finished' } as const;

export interface StepContext {
  router: ConfigText;
  runId: string;
  operation: string;
  rollbackOnCancel: boolean;
  /** The environment deployments are recorded for, with deployment: true. */
  deploymentEnvironment?: string;
}

export interface StepEnd {
  message: string;
  /** The step tried to put traffic back and could not: the post step tries again. */
  restoreFailed: boolean;
}

export interface StepState {
  context?: StepContext;
  moved?: TrafficMove;
  finished?: StepEnd;
}

export function stepEnd(result: OperationResult): StepEnd {
  return {
    message: result.message,
    restoreFailed: result.timeline.some((e) => e.phase === 'restore' && !e.ok)
  };
}

/** Reads what the step saved (empty strings for what it did not get to). */
export function readStepState(get: (key: string) => string): StepState {
  const parse = <T>(key: string): T | undefined => {
    const text = get(key);
    return text === '' ? undefined : (JSON.parse(text) as T);
  };
  return {
    context: parse<StepContext>(STATE_KEYS.context),
    moved: parse<TrafficMove>(STATE_KEYS.moved),
    finished: parse<StepEnd>(STATE_KEYS.finished)
  };
}
