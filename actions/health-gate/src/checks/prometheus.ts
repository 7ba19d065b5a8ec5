// The prometheus check: one instant query through the HTTP API (/api/v1/query), whose single value must stay
// within min/max, e.g. a 5xx ratio or a p95 latency from histogram_quantile.
import { redact, redactUrl, urlSecrets } from '../../../../shared/src/lib/redact.js';
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import type { AttemptOutcome, AttemptStatus, BaseCheck, Probe, TlsOptions } from '../types.js';
import { sendRequest } from '../../../../shared/src/lib/http-transport.js';
import { HEADERS_KEY, SECRET_HEADERS_KEY, TLS_KEY } from '../config-keys.js';
import { defineCheckKind } from './kind.js';

export interface PrometheusCheck extends BaseCheck {
  type: 'prometheus';
  /** Base URL of the Prometheus HTTP API (the part before /api/v1/query). */
  url: string;
  query: string;
  headers: Record<string, string>;
  /** Lower-cased names of the headers that are secret: dropped on a redirect to another origin. */
  secretHeaders?: string[];
  /** The query's scalar (or single-sample vector) value must be <= max and >= min. */
  max?: number;
  min?: number;
  /** How an empty result counts (default fail: no data is not good data). */
  emptyAs: AttemptStatus;
  tls: TlsOptions;
}

/** The instant-query URL for a Prometheus base URL (which may itself sit under a path prefix). */
export function queryUrl(base: string, query: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new ConfigurationError(`invalid Prometheus URL "${redactUrl(base)}"`);
  }
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/api/v1/query`;
  url.searchParams.set('query', query);
  return url.href;
}

/** Prometheus encodes sample values as strings so that NaN and ±Inf survive JSON. */
export function parseSampleValue(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (/^[+-]?inf$/i.test(trimmed)) return trimmed.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(trimmed)) return Number.NaN;
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isNaN(value) ? undefined : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  return String(+value.toPrecision(6));
}

function labels(sample: unknown): string {
  const metric = isRecord(sample) && isRecord(sample['metric']) ? sample['metric'] : {};
  const pairs = Object.entries(metric).map(([key, value]) => `${key}=${JSON.stringify(String(value))}`);
  return `{${pairs.join(', ')}}`;
}

type Reading =
  | { kind: 'value'; value: number; resultType: string }
  | { kind: 'empty'; resultType: string }
  | { kind: 'error'; message: string };

function readResult(document: unknown): Reading {
  if (!isRecord(document)) return { kind: 'error', message: 'response is not a Prometheus API object' };
  if (document['status'] === 'error') {
    const type = typeof document['errorType'] === 'string' ? document['errorType'] : 'error';
    const error = typeof document['error'] === 'string' ? document['error'] : 'no details';
    return { kind: 'error', message: `query failed: ${type}: ${error}` };
  }
  if (document['status'] !== 'success' || !isRecord(document['data'])) {
    return { kind: 'error', message: 'response is not a Prometheus API answer (no status "success" with data)' };
  }
  const { resultType, result } = document['data'];
  if (resultType === 'scalar') {
    const value = Array.isArray(result) ? parseSampleValue(result[1]) : undefined;
    if (value === undefined) return { kind: 'error', message: 'scalar result without a readable value' };
    return { kind: 'value', value, resultType };
  }
  if (resultType === 'vector') {
    if (!Array.isArray(result)) return { kind: 'error', message: 'vector result is not a list' };
    if (result.length === 0) return { kind: 'empty', resultType };
    if (result.length > 1) {
      const shown = result.slice(0, 3).map(labels).join(', ');
      const more = result.length > 3 ? ', …' : '';
      return {
        kind: 'error',
        message: `query returned ${result.length} samples, expected exactly 1 (aggregate it, e.g. with sum() or max()): ${shown}${more}`
      };
    }
    const sample: unknown = result[0];
    const pair = isRecord(sample) ? sample['value'] : undefined;
    const value = Array.isArray(pair) ? parseSampleValue(pair[1]) : undefined;
    if (value === undefined) return { kind: 'error', message: 'vector sample without a readable value' };
    return { kind: 'value', value, resultType };
  }
  return {
    kind: 'error',
    message: `result type ${JSON.stringify(resultType)} is not supported; write an instant query that returns a scalar or a single sample`
  };
}

export const probePrometheus: Probe<PrometheusCheck> = async (check, context) => {
  const response = await sendRequest({
    url: queryUrl(check.url, check.query),
    method: 'GET',
    headers: { accept: 'application/json', ...check.headers },
    tls: check.tls,
    signal: context.signal,
    ...(check.secretHeaders ? { secretHeaders: check.secretHeaders } : {}),
    ...(context.secrets ? { secrets: context.secrets } : {})
  });
  const latencyMs = Math.round(response.latencyMs);
  const secrets = [...urlSecrets(check.url), ...(context.secrets ?? [])];
  const safe = (outcome: AttemptOutcome): AttemptOutcome => ({
    ...outcome,
    message: redact(outcome.message, secrets)
  });

  let document: unknown;
  try {
    document = JSON.parse(response.body) as unknown;
  } catch {
    const contentType = response.headers['content-type'] ?? 'no content-type';
    return safe({
      status: 'fail',
      message: `HTTP ${response.status} from the Prometheus API; body is not JSON (content-type ${contentType})`,
      observed: { httpStatus: response.status, latencyMs }
    });
  }

  const reading = readResult(document);
  const observedBase = { httpStatus: response.status, latencyMs };
  if (reading.kind === 'error') {
    return safe({
      status: 'fail',
      message: response.status >= 400 ? `HTTP ${response.status}; ${reading.message}` : reading.message,
      observed: observedBase
    });
  }
  // NaN is what a ratio over zero requests gives (0/0): there is no data, not a good or bad value.
  if (reading.kind === 'empty' || Number.isNaN(reading.value)) {
    const what = reading.kind === 'empty' ? 'no data (empty vector)' : 'NaN (no data, e.g. a ratio over zero requests)';
    return safe({
      status: check.emptyAs,
      message: `query returned ${what}; counted as ${check.emptyAs}`,
      observed: { ...observedBase, resultType: reading.resultType, value: null }
    });
  }

  const { value } = reading;
  const shown = formatValue(value);
  const problems: string[] = [];
  if (check.max !== undefined && value > check.max) problems.push(`${shown} > max ${check.max}`);
  if (check.min !== undefined && value < check.min) problems.push(`${shown} < min ${check.min}`);
  const bounds = [
    ...(check.min === undefined ? [] : [`min ${check.min}`]),
    ...(check.max === undefined ? [] : [`max ${check.max}`])
  ].join(', ');
  const observed = {
    ...observedBase,
    resultType: reading.resultType,
    // JSON has no Infinity; the report keeps Prometheus's own spelling.
    value: Number.isFinite(value) ? value : shown
  };
  if (problems.length > 0) {
    return safe({ status: 'fail', message: `value ${problems.join(', ')}`, observed });
  }
  return safe({ status: 'pass', message: `value ${shown}${bounds ? ` (${bounds})` : ''}`, observed });
};

export const prometheusCheck = defineCheckKind<PrometheusCheck>({
  type: 'prometheus',
  keys: {
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
  },
  parse({ read: r, where, base, url, secretHeaders }) {
    const headers = r.stringMap('headers');
    const secretHeaderList = secretHeaders(headers);
    const max = r.number('max');
    const min = r.number('min');
    if (max === undefined && min === undefined) {
      throw new ConfigurationError(`${where}: a prometheus check needs "max" or "min"`);
    }
    return {
      ...base,
      type: 'prometheus',
      url: url(),
      query: r.requiredString('query'),
      headers,
      secretHeaders: secretHeaderList,
      max,
      min,
      emptyAs: r.enumValue<AttemptStatus>('empty-as', ['pass', 'warn', 'fail']) ?? 'fail',
      tls: r.tls('tls')
    };
  },
  target: (check) => check.url,
  probe: probePrometheus
});
