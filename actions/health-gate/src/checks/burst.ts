// The burst check: a short load sample against one endpoint, judged on error rate and tail latency the way an
// SLO is (p95/p99), with the distribution kept for the report.
import { redact, urlSecrets } from '../../../../shared/src/lib/redact.js';
import { describeStatusMatcher, parseStatusMatcher } from '../status-match.js';
import type { BaseCheck, Probe, TlsOptions } from '../types.js';
import { sendRequest } from '../../../../shared/src/lib/http-transport.js';
import { HEADERS_KEY, SECRET_HEADERS_KEY, TLS_KEY, type KeySpec } from '../config-keys.js';
import { validateStatus } from '../config-reader.js';
import type { HttpRequestFields } from './http.js';
import { defineCheckKind } from './kind.js';

export interface BurstCheck extends BaseCheck, HttpRequestFields {
  type: 'burst';
  /** Number of sample requests. */
  requests: number;
  concurrency: number;
  /** Highest acceptable share of failed requests, 0..1 (0.001 = 0.1 %). */
  maxErrorRate: number;
  /** Latency thresholds in ms; undefined = not checked. */
  maxP95?: number;
  maxP99?: number;
  /** Per-request timeout in ms. */
  requestTimeout: number;
  tls: TlsOptions;
}

/**
 * Nearest-rank percentile (the smallest sample with at least p% of samples at or below it): always a value
 * that was actually observed, never an interpolation. NaN for no samples.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * sorted.length);
  return sorted[Math.max(1, rank) - 1];
}

/** Upper bounds (ms) of the latency histogram's buckets; a last open bucket catches the rest. */
export const LATENCY_BUCKETS_MS: readonly number[] = [5, 10, 25, 50, 100, 200, 300, 500, 750, 1000, 2000, 5000, 10000];

export interface LatencyBucket {
  /** Inclusive upper bound in ms; null for the open last bucket. */
  leMs: number | null;
  count: number;
}

/** Per-bucket (not cumulative) counts, trimmed after the last non-empty bucket. */
export function latencyHistogram(latencies: readonly number[]): LatencyBucket[] {
  const buckets: LatencyBucket[] = [...LATENCY_BUCKETS_MS, null].map((leMs) => ({ leMs, count: 0 }));
  for (const latency of latencies) {
    const bucket = buckets.find((candidate) => candidate.leMs === null || latency <= candidate.leMs)!;
    bucket.count++;
  }
  let last = buckets.length - 1;
  while (last > 0 && buckets[last].count === 0) last--;
  return buckets.slice(0, last + 1);
}

function percent(rate: number): string {
  return `${+(rate * 100).toFixed(2)}%`;
}

function ms(value: number): string {
  return Number.isNaN(value) ? 'n/a' : `${Math.round(value)} ms`;
}

interface Sample {
  /** HTTP status, or undefined when the request failed without a response. */
  status?: number;
  /** Time to the full body; only for requests that got a response. */
  latencyMs?: number;
  /** Why the sample counts as an error. */
  error?: string;
}

export const probeBurst: Probe<BurstCheck> = async (check, context) => {
  const matches = parseStatusMatcher(check.expectStatus);
  const expected = describeStatusMatcher(check.expectStatus);
  const total = Math.max(0, Math.floor(check.requests));
  const concurrency = Math.max(1, Math.min(total, Math.floor(check.concurrency)));
  const samples: Sample[] = [];
  const started = performance.now();
  let next = 0;

  const worker = async (): Promise<void> => {
    while (next < total && !context.signal.aborted) {
      next++;
      try {
        const response = await sendRequest({
          url: check.url,
          method: check.method,
          headers: check.headers,
          ...(check.body === undefined ? {} : { body: check.body }),
          tls: check.tls,
          signal: context.signal,
          timeoutMs: check.requestTimeout,
          ...(check.secretHeaders ? { secretHeaders: check.secretHeaders } : {}),
          ...(context.secrets ? { secrets: context.secrets } : {})
        });
        samples.push({
          status: response.status,
          latencyMs: response.latencyMs,
          ...(matches(response.status) ? {} : { error: `status ${response.status}` })
        });
      } catch (error) {
        // The attempt's own end is not a property of the service: those requests are not counted at all.
        if (context.signal.aborted) return;
        samples.push({ error: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = Math.round(performance.now() - started);

  const latencies = samples.flatMap((sample) => (sample.latencyMs === undefined ? [] : [sample.latencyMs]));
  const errors = samples.filter((sample) => sample.error !== undefined);
  const errorRate = samples.length === 0 ? 0 : errors.length / samples.length;
  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  const p99 = percentile(latencies, 99);
  // reduce rather than Math.max(...latencies), whose spread overflows the stack on very large bursts.
  const max =
    latencies.length === 0 ? Number.NaN : latencies.reduce((highest, latency) => Math.max(highest, latency), -Infinity);

  const statusCounts: Record<string, number> = {};
  for (const sample of samples) {
    const key = sample.status === undefined ? 'error' : String(sample.status);
    statusCounts[key] = (statusCounts[key] ?? 0) + 1;
  }
  const errorCounts = new Map<string, number>();
  for (const { error } of errors) errorCounts.set(error!, (errorCounts.get(error!) ?? 0) + 1);
  const topErrors = [...errorCounts].sort((a, b) => b[1] - a[1]).slice(0, 3);

  const round = (value: number): number | null => (Number.isNaN(value) ? null : Math.round(value * 10) / 10);
  const observed = {
    requests: samples.length,
    planned: total,
    concurrency,
    errors: errors.length,
    errorRate,
    p50: round(p50),
    p95: round(p95),
    p99: round(p99),
    max: round(max),
    durationMs: elapsedMs,
    statusCounts,
    errorCounts: Object.fromEntries(errorCounts),
    histogram: latencyHistogram(latencies)
  };

  const secrets = [...urlSecrets(check.url), ...(context.secrets ?? [])];
  const safe = (text: string): string => redact(text, secrets);
  if (context.signal.aborted) {
    // Errors among the requests sent may already exceed the budget of the whole burst: then no result of
    // the requests not sent could save it, and the cut attempt is a failure the gate must report.
    const decided = total > 0 && errors.length / total > check.maxErrorRate;
    const listed = topErrors.map(([text, count]) => `${count}× ${text}`).join(', ');
    return {
      status: 'fail',
      ...(decided ? { conclusive: true } : {}),
      message: safe(
        decided
          ? `stopped after ${samples.length} of ${total} requests, already ${errors.length} errors ` +
              `(${percent(errorRate)} of those sent; over the ${percent(check.maxErrorRate)} budget of the whole burst)` +
              (listed ? `; ${listed}` : '')
          : `stopped after ${samples.length} of ${total} requests (attempt aborted)`
      ),
      observed
    };
  }

  const failing: string[] = [];
  const parts = [`${samples.length} requests`];
  const errorsOver = errorRate > check.maxErrorRate;
  parts.push(`${percent(errorRate)} errors (max ${percent(check.maxErrorRate)})`);
  if (errorsOver) failing.push('error rate');

  const latencyPart = (name: string, value: number, limit: number | undefined): void => {
    if (limit === undefined) {
      if (name === 'p95') parts.push(`p95 ${ms(value)}`);
      return;
    }
    // No response at all means no latency to trust; the error rate already carries the failure.
    const over = Number.isNaN(value) || value > limit;
    parts.push(`${name} ${ms(value)} (max ${limit} ms)`);
    if (over) failing.push(name);
  };
  latencyPart('p95', p95, check.maxP95);
  latencyPart('p99', p99, check.maxP99);

  let message = parts.join(', ');
  if (topErrors.length > 0) {
    const listed = topErrors.map(([text, count]) => `${count}× ${text}`).join(', ');
    const statusErrors = errors.some((sample) => sample.status !== undefined);
    message += `; ${listed}${errorCounts.size > topErrors.length ? ', …' : ''}`;
    if (statusErrors) message += ` (expected ${expected})`;
  }
  if (failing.length > 0) message += `; over the limit: ${failing.join(', ')}`;

  return { status: failing.length > 0 ? 'fail' : 'pass', message: safe(message), observed };
};

// One attempt of a burst is the whole burst, so the per-attempt default of 5s is far too short for it.
const BURST_MIN_TIMEOUT_MS = 60_000;

const BURST_KEYS = {
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
} satisfies Record<string, KeySpec>;

export const burstCheck = defineCheckKind<BurstCheck>({
  type: 'burst',
  keys: BURST_KEYS,
  parse({ read: r, where, base, url, secretHeaders }) {
    const headers = r.stringMap('headers');
    const secretHeaderList = secretHeaders(headers);
    const timeout = r.has('timeout') ? base.timeout : Math.max(base.timeout, BURST_MIN_TIMEOUT_MS);
    return {
      ...base,
      timeout,
      type: 'burst',
      url: url(),
      method: (r.string('method') ?? 'GET').toUpperCase(),
      headers,
      secretHeaders: secretHeaderList,
      body: r.string('body'),
      expectStatus: validateStatus(r.string('expect-status') ?? '2xx', where),
      requests: r.integer('requests', BURST_KEYS.requests) ?? 100,
      concurrency: r.integer('concurrency', BURST_KEYS.concurrency) ?? 10,
      maxErrorRate: r.ratio('max-error-rate') ?? 0.001,
      maxP95: r.duration('max-p95') ?? 200,
      maxP99: r.duration('max-p99'),
      requestTimeout: r.duration('request-timeout') ?? 5_000,
      tls: r.tls('tls')
    };
  },
  target: (check) => check.url,
  probe: probeBurst
});
