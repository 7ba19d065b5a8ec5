// The gate config's keys that are not any one check type's: the key kinds, the timing and common keys, the
// key specs several check types share, and the document's top-level keys. Each check type declares its own keys
// in its module (checks/*.ts); the parser (config.ts) and the published JSON schema (config-schema.ts) are both
// derived from these tables, so the two cannot drift apart.
import type { CheckType } from './types.js';

export type KeyKind =
  | 'string'
  | 'duration'
  | 'integer'
  | 'number'
  | 'ratio'
  | 'boolean'
  | 'string-list'
  | 'string-map'
  | 'enum'
  | 'tls'
  | 'migrations';

export interface KeySpec {
  kind: KeyKind;
  description: string;
  required?: boolean;
  values?: readonly string[];
  min?: number;
  max?: number;
}

export const ROLES = ['startup', 'liveness', 'readiness', 'smoke'] as const;

const DAY_MS = 24 * 60 * 60_000;

/**
 * Bounds of every duration key (and of the timing inputs and flags). 24h is far past any job's time limit
 * and well under the 24.8 days Node's timers can hold (MAX_TIMER_MS), so no wait can overflow a timer; the
 * floors keep a gate from spinning (interval) or from failing every attempt at once (timeout).
 */
export const DURATION_LIMITS: Record<string, { min?: number; max?: number }> = {
  default: { min: 0, max: DAY_MS },
  interval: { min: 100, max: DAY_MS },
  timeout: { min: 10, max: DAY_MS },
  'request-timeout': { min: 10, max: DAY_MS },
  'initial-delay': { min: 0, max: DAY_MS },
  deadline: { min: 100, max: DAY_MS }
};
export const CHECK_TYPES: readonly CheckType[] = ['http', 'postgres', 'redis', 'tcp', 'burst', 'prometheus'];

export const TIMING_KEYS: Record<string, KeySpec> = {
  interval: {
    kind: 'duration',
    description: 'Time between the starts of two attempts (default 5s; at least 100ms, at most 24h).'
  },
  timeout: {
    kind: 'duration',
    description:
      'Budget of one attempt (default 5s; a burst check defaults to at least 60s; 10ms to 24h, not longer than the deadline).'
  },
  'initial-delay': { kind: 'duration', description: 'Wait before the first attempt (default 0s).' },
  'success-threshold': {
    kind: 'integer',
    min: 1,
    max: 1000,
    description: 'Consecutive passing attempts needed (default 1).'
  },
  'failure-threshold': {
    kind: 'integer',
    min: 0,
    max: 1000,
    description: 'Consecutive failures that fail the gate early; 0 waits for the deadline (default 0).'
  }
};

const COMMON_KEYS: Record<string, KeySpec> = {
  name: { kind: 'string', description: 'Unique name of the check (default: type and position).' },
  type: { kind: 'enum', values: CHECK_TYPES, required: true, description: 'What to check.' },
  role: {
    kind: 'enum',
    values: ROLES,
    description: 'startup checks gate all others; liveness, readiness (default) and smoke run after them.'
  },
  ...TIMING_KEYS
};

export const TLS_KEY: KeySpec = {
  kind: 'tls',
  description: 'TLS options: ca (path to a PEM file, or PEM text) and insecure (skip verification).'
};
export const HEADERS_KEY: KeySpec = { kind: 'string-map', description: 'Request headers.' };
export const SECRET_HEADERS_KEY: KeySpec = {
  kind: 'string-list',
  description:
    'Headers whose values are masked in the log (Authorization, Cookie, Proxy-Authorization and X-Api-Key always are).'
};

export const TOP_LEVEL_KEYS: Record<string, KeySpec> = {
  deadline: { kind: 'duration', description: 'Overall budget of the gate (default 5m; 100ms to 24h).' },
  'public-env': {
    kind: 'string-list',
    description:
      'Environment variables whose ${NAME} values are not secret, so they are not masked (the default masks every expanded value). ${NAME:public} marks one reference.'
  },
  defaults: {
    kind: 'string-map',
    description: 'Timing defaults for every check: ' + Object.keys(TIMING_KEYS).join(', ')
  },
  checks: { kind: 'string-list', required: true, description: 'The checks.' }
};

/** The keys every check has: name, type, role and timing. */
export function commonKeys(): Record<string, KeySpec> {
  return COMMON_KEYS;
}
