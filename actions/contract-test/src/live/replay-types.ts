// The replay file: NDJSON, a header line then one line per failure with the requests that led to it (secrets
// redacted; credentials are re-applied from the replaying side's own secrets) and the check's expectation,
// so `contract-test replay` can send them again and re-check without the spec.
import type { SchemeShape } from './auth.js';
import type { Capture } from './stateful.js';
import type { FailureLevel, OperationInfo, RecordedExchange } from './types.js';

export const REPLAY_FORMAT = 'ubos-contract-test-replay';
export const REPLAY_VERSION = 1;
/** Request bodies are kept up to this size (they must be sent again); response bodies are capped for reading. */
export const REPLAY_REQUEST_BODY_LIMIT = 64 * 1024;

export interface ReplayHeader {
  type: typeof REPLAY_FORMAT;
  version: typeof REPLAY_VERSION;
  spec: string;
  seed: number;
  engine: 'ubos';
  /** Where the recorded exchanges went (redacted). */
  baseUrl: string;
}

export interface ReplayStep {
  request: {
    method: string;
    /** Relative to the API root, query included. */
    path: string;
    headers: Record<string, string>;
    body?: string;
  };
  /** Schemes whose credentials the replay adds again. */
  auth: SchemeShape[];
  /** For unauthenticated probes: where credentials must not appear. */
  strip?: { headers: string[]; query: string[]; cookies: string[] };
  /** This step's response named the resource later steps use. */
  capture?: Capture;
}

export interface ReplayEntry {
  type: 'failure';
  check: string;
  level: FailureLevel;
  operation: OperationInfo;
  message: string;
  case: string;
  steps: ReplayStep[];
  expected: unknown;
  recorded: RecordedExchange;
}
