// The gate config's keys, in one table that both the parser (config.ts) and the published JSON schema
// (health-gate/config.schema.json, for editors) are derived from, so the two cannot drift apart.
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

const TLS_KEY: KeySpec = {
  kind: 'tls',
  description: 'TLS options: ca (path to a PEM file, or PEM text) and insecure (skip verification).'
};
const HEADERS_KEY: KeySpec = { kind: 'string-map', description: 'Request headers.' };
const SECRET_HEADERS_KEY: KeySpec = {
  kind: 'string-list',
  description:
    'Headers whose values are masked in the log (Authorization, Cookie, Proxy-Authorization and X-Api-Key always are).'
};

export const TYPE_KEYS: Record<CheckType, Record<string, KeySpec>> = {
  http: {
    url: { kind: 'string', required: true, description: 'URL to request.' },
    method: { kind: 'string', description: 'HTTP method (default GET).' },
    headers: HEADERS_KEY,
    'secret-headers': SECRET_HEADERS_KEY,
    body: { kind: 'string', description: 'Request body.' },
    'expect-status': { kind: 'string', description: 'Accepted statuses: 2xx, 200, 200-299, 200,204 (default 2xx).' },
    json: {
      kind: 'string-list',
      description: 'JSON assertions on the body, e.g. $.status == "pass", $.items.length > 0, $.version =~ /^v2/.'
    },
    'body-regex': { kind: 'string', description: 'Regular expression the body must match.' },
    'max-latency': { kind: 'duration', description: 'Slowest acceptable response.' },
    tls: TLS_KEY,
    'follow-redirects': { kind: 'boolean', description: 'Follow redirects (default false).' },
    'warn-as': {
      kind: 'enum',
      values: ['pass', 'warn', 'fail'],
      description: 'How an application/health+json "warn" counts (default warn).'
    }
  },
  postgres: {
    'connection-string': { kind: 'string', required: true, description: 'postgres://user:password@host:port/db URL.' },
    query: { kind: 'string', description: 'A query to run after SELECT 1.' },
    expect: { kind: 'string', description: 'Expected first column of the first row of query, as text.' },
    migrations: {
      kind: 'migrations',
      description:
        'Check that the migration files in dir are applied: dir, and optionally table and column (auto-detected).'
    }
  },
  redis: {
    url: { kind: 'string', required: true, description: 'redis://[user:password@]host:port[/db] or rediss:// (TLS).' },
    password: { kind: 'string', description: 'Password, overriding the one in the URL.' },
    tls: TLS_KEY,
    'expect-role': { kind: 'enum', values: ['master', 'replica'], description: 'Expected replication role.' }
  },
  tcp: {
    host: { kind: 'string', required: true, description: 'Host name or address.' },
    port: { kind: 'integer', required: true, min: 1, max: 65535, description: 'TCP port.' }
  },
  burst: {
    url: { kind: 'string', required: true, description: 'URL to load.' },
    method: { kind: 'string', description: 'HTTP method (default GET).' },
    headers: HEADERS_KEY,
    'secret-headers': SECRET_HEADERS_KEY,
    body: { kind: 'string', description: 'Request body.' },
    'expect-status': { kind: 'string', description: 'Statuses that count as success (default 2xx).' },
    requests: { kind: 'integer', min: 1, max: 100000, description: 'Number of sample requests (default 100).' },
    concurrency: { kind: 'integer', min: 1, max: 1000, description: 'Requests in flight at once (default 10).' },
    'max-error-rate': { kind: 'ratio', description: 'Highest acceptable error rate: 0.001 or 0.1% (default 0.1%).' },
    'max-p95': { kind: 'duration', description: 'Highest acceptable p95 latency (default 200ms).' },
    'max-p99': { kind: 'duration', description: 'Highest acceptable p99 latency.' },
    'request-timeout': { kind: 'duration', description: 'Timeout of one sample request (default 5s).' },
    tls: TLS_KEY
  },
  prometheus: {
    url: { kind: 'string', required: true, description: 'Prometheus base URL (before /api/v1/query).' },
    query: { kind: 'string', required: true, description: 'PromQL query returning a scalar or one sample.' },
    headers: HEADERS_KEY,
    'secret-headers': SECRET_HEADERS_KEY,
    max: { kind: 'number', description: 'Highest acceptable value.' },
    min: { kind: 'number', description: 'Lowest acceptable value.' },
    'empty-as': {
      kind: 'enum',
      values: ['pass', 'warn', 'fail'],
      description: 'How an empty result counts (default fail).'
    },
    tls: TLS_KEY
  }
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

const DURATION_PATTERN = '^\\s*(\\d+(\\.\\d+)?(ms|s|m|h)\\s*)+$';

function keySchema(spec: KeySpec): Record<string, unknown> {
  const base = { description: spec.description };
  switch (spec.kind) {
    case 'string':
      return { ...base, type: 'string' };
    case 'duration':
      return { ...base, type: 'string', pattern: DURATION_PATTERN };
    case 'integer':
      return { ...base, type: 'integer', minimum: spec.min, maximum: spec.max };
    case 'number':
      return { ...base, type: 'number' };
    case 'ratio':
      return {
        ...base,
        oneOf: [
          { type: 'number', minimum: 0, maximum: 1 },
          { type: 'string', pattern: '^\\d+(\\.\\d+)?%$' }
        ]
      };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'string-list':
      return { ...base, type: 'array', items: { type: 'string' } };
    case 'string-map':
      return { ...base, type: 'object', additionalProperties: { type: 'string' } };
    case 'enum':
      return { ...base, enum: spec.values };
    case 'tls':
      return {
        ...base,
        type: 'object',
        additionalProperties: false,
        properties: { ca: { type: 'string' }, insecure: { type: 'boolean' } }
      };
    case 'migrations':
      return {
        ...base,
        type: 'object',
        additionalProperties: false,
        required: ['dir'],
        properties: { dir: { type: 'string' }, table: { type: 'string' }, column: { type: 'string' } }
      };
  }
}

function properties(keys: Record<string, KeySpec>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(keys).map(([key, spec]) => [key, keySchema(spec)]));
}

function required(keys: Record<string, KeySpec>): string[] {
  return Object.entries(keys)
    .filter(([, spec]) => spec.required)
    .map(([key]) => key);
}

/** The JSON schema (draft 2020-12) of a gate config file, generated from the tables above. */
export function gateConfigJsonSchema(): Record<string, unknown> {
  const checkVariants = CHECK_TYPES.map((type) => {
    const keys = { ...COMMON_KEYS, ...TYPE_KEYS[type] };
    return {
      if: { properties: { type: { const: type } }, required: ['type'] },
      then: { properties: properties(keys), required: required(keys), additionalProperties: false }
    };
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/ubos/actions/health-gate/config.schema.json',
    title: 'ubos/actions health-gate configuration',
    type: 'object',
    additionalProperties: false,
    required: ['checks'],
    properties: {
      deadline: keySchema(TOP_LEVEL_KEYS.deadline),
      'public-env': {
        ...keySchema(TOP_LEVEL_KEYS['public-env']),
        items: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }
      },
      defaults: {
        description: TOP_LEVEL_KEYS.defaults.description,
        type: 'object',
        additionalProperties: false,
        properties: properties(TIMING_KEYS)
      },
      checks: {
        description: 'The checks; all run concurrently.',
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['type'],
          properties: { type: keySchema(COMMON_KEYS.type) },
          allOf: checkVariants
        }
      }
    }
  };
}

export function commonKeys(): Record<string, KeySpec> {
  return COMMON_KEYS;
}
