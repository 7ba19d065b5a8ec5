// jest project: integration (latency percentiles under load: time bounds)
import { describe, expect, it } from '@jest/globals';
import {
  latencyHistogram,
  percentile,
  probeBurst,
  type BurstCheck
} from '../../actions/health-gate/src/checks/burst.js';
import { useFaultServer } from '../harness/fault-server.js';
import { testTiming, probeContext } from './probe-fixtures.js';

const PASSWORD = 'b0rst-Pa55word';
const faults = useFaultServer();

function burstCheck(overrides: Partial<BurstCheck> = {}): BurstCheck {
  return {
    name: 'load',
    type: 'burst',
    role: 'smoke',
    ...testTiming({ timeout: 30000, failureThreshold: 1 }),
    url: `${faults.server.url}/api`,
    method: 'GET',
    headers: {},
    expectStatus: '2xx',
    requests: 40,
    concurrency: 8,
    maxErrorRate: 0.001,
    requestTimeout: 2000,
    tls: { insecure: false },
    ...overrides
  };
}

const context = (timeoutMs = 30000, signal?: AbortSignal) => probeContext(timeoutMs, signal);

interface Observed {
  requests: number;
  errors: number;
  errorRate: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  statusCounts: Record<string, number>;
  errorCounts: Record<string, number>;
  histogram: { leMs: number | null; count: number }[];
}

/** Every `every`-th request to the route waits `slowMs`; the rest answer at once. */
function slowEvery(every: number, slowMs: number): void {
  faults.server.setRoute('/api', {
    type: 'function',
    respond: (_request, n) => ({ status: 200, body: { ok: true }, delayMs: n % every === 0 ? slowMs : 0 })
  });
}

describe('percentile (nearest rank)', () => {
  it('returns an observed value at the rank ceil(p/100 * n)', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile([4, 1, 3, 2], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([7, 3], 0)).toBe(3);
    expect(percentile([7, 3], 100)).toBe(7);
    expect(percentile([], 95)).toBeNaN();
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('latencyHistogram', () => {
  it('counts per bucket and stops after the last non-empty one', () => {
    expect(latencyHistogram([1, 5, 6, 30, 12000])).toEqual([
      { leMs: 5, count: 2 },
      { leMs: 10, count: 1 },
      { leMs: 25, count: 0 },
      { leMs: 50, count: 1 },
      { leMs: 100, count: 0 },
      { leMs: 200, count: 0 },
      { leMs: 300, count: 0 },
      { leMs: 500, count: 0 },
      { leMs: 750, count: 0 },
      { leMs: 1000, count: 0 },
      { leMs: 2000, count: 0 },
      { leMs: 5000, count: 0 },
      { leMs: 10000, count: 0 },
      { leMs: null, count: 1 }
    ]);
    expect(latencyHistogram([])).toEqual([{ leMs: 5, count: 0 }]);
  });
});

describe('burst check: error rate', () => {
  it('passes with no errors, sending every request at the given concurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    faults.server.setRoute('/api', {
      type: 'function',
      respond: async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 10));
        inFlight--;
        return { status: 200, body: 'ok' };
      }
    });
    const outcome = await probeBurst(burstCheck({ requests: 200, concurrency: 20 }), context());
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toMatch(/^200 requests, 0% errors \(max 0\.1%\), p95 \d+ ms$/);
    expect(faults.server.requestsTo('/api')).toHaveLength(200);
    expect(peak).toBeLessThanOrEqual(20);
    expect(peak).toBeGreaterThan(1);
    const observed = outcome.observed as unknown as Observed;
    expect(observed.statusCounts).toEqual({ '200': 200 });
    expect(observed.histogram.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(200);
  });

  it('fails when the error rate is over the maximum', async () => {
    faults.server.setRoute('/api', { type: 'function', respond: (_request, n) => ({ status: n === 100 ? 503 : 200 }) });
    const outcome = await probeBurst(burstCheck({ requests: 200, concurrency: 10 }), context());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(
      /^200 requests, 0\.5% errors \(max 0\.1%\), p95 \d+ ms; 1× status 503 \(expected 2xx\); over the limit: error rate$/
    );
    const observed = outcome.observed as unknown as Observed;
    expect(observed).toMatchObject({ requests: 200, errors: 1, errorRate: 0.005 });
    expect(observed.statusCounts).toEqual({ '200': 199, '503': 1 });
    expect(observed.errorCounts).toEqual({ 'status 503': 1 });
  });

  it('passes the same error rate under a looser maximum', async () => {
    faults.server.setRoute('/api', { type: 'function', respond: (_request, n) => ({ status: n === 100 ? 503 : 200 }) });
    const outcome = await probeBurst(burstCheck({ requests: 200, concurrency: 10, maxErrorRate: 0.01 }), context());
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toMatch(/^200 requests, 0\.5% errors \(max 1%\)/);
  });

  it('counts resets and per-request timeouts as errors', async () => {
    const ok = { status: 200 };
    faults.server.setRoute('/api', {
      type: 'sequence',
      steps: [ok, { type: 'reset' }, ok, { status: 200, delayMs: 400 }, ok, ok, ok, ok, ok, ok]
    });
    const outcome = await probeBurst(
      burstCheck({ requests: 10, concurrency: 2, requestTimeout: 100, maxErrorRate: 0.5 }),
      context()
    );
    const observed = outcome.observed as unknown as Observed;
    expect(observed.errors).toBe(2);
    expect(observed.statusCounts).toEqual({ '200': 8, error: 2 });
    expect(Object.keys(observed.errorCounts).sort()).toEqual([
      'connection reset by the server (waiting for response headers)',
      'timed out after 100 ms (waiting for response headers)'
    ]);
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toMatch(/^10 requests, 20% errors \(max 50%\)/);
  });
});

describe('burst check: latency', () => {
  it('passes when only a few requests (under 5%) are slow', async () => {
    slowEvery(40, 150);
    const outcome = await probeBurst(burstCheck({ maxP95: 100 }), context());
    expect(outcome.status).toBe('pass');
    const observed = outcome.observed as unknown as Observed;
    expect(observed.p95).toBeLessThan(100);
    expect(observed.max).toBeGreaterThanOrEqual(145);
    expect(outcome.message).toMatch(/^40 requests, 0% errors \(max 0\.1%\), p95 \d+ ms \(max 100 ms\)$/);
  });

  it('fails when p95 is over the maximum', async () => {
    slowEvery(10, 150);
    const outcome = await probeBurst(burstCheck({ maxP95: 100 }), context());
    expect(outcome.status).toBe('fail');
    const observed = outcome.observed as unknown as Observed;
    expect(observed.p95).toBeGreaterThanOrEqual(145);
    expect(observed.p50).toBeLessThan(100);
    expect(outcome.message).toMatch(
      /^40 requests, 0% errors \(max 0\.1%\), p95 \d{3,} ms \(max 100 ms\); over the limit: p95$/
    );
  });

  it('checks p99 on its own', async () => {
    slowEvery(40, 150);
    const outcome = await probeBurst(burstCheck({ maxP95: 100, maxP99: 100 }), context());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(/p95 \d+ ms \(max 100 ms\), p99 1\d\d ms \(max 100 ms\); over the limit: p99$/);
  });

  it('has no latency to judge when nothing answered', async () => {
    faults.server.setRoute('/api', { type: 'reset' });
    const outcome = await probeBurst(
      burstCheck({ requests: 5, concurrency: 5, maxP95: 100, maxErrorRate: 1 }),
      context()
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(/^5 requests, 100% errors \(max 100%\), p95 n\/a \(max 100 ms\); 5× connection/);
    expect((outcome.observed as unknown as Observed).p95).toBeNull();
  });
});

describe('burst check: stopping', () => {
  it('stops promptly when the attempt signal aborts', async () => {
    faults.server.setRoute('/api', { type: 'hang' });
    const started = performance.now();
    const outcome = await probeBurst(burstCheck({ requests: 50, concurrency: 5 }), context(150));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe('stopped after 0 of 50 requests (attempt aborted)');
    // Only the first wave was ever sent.
    expect(faults.server.requestsTo('/api')).toHaveLength(5);
  });

  it('keeps the URL password out of its messages', async () => {
    faults.server.setRoute('/api', { type: 'reset' });
    const url = `${faults.server.url.replace('http://', `http://ops:${PASSWORD}@`)}/api`;
    const outcome = await probeBurst(burstCheck({ url, requests: 4, concurrency: 2 }), context());
    expect(outcome.status).toBe('fail');
    expect(`${outcome.message} ${JSON.stringify(outcome.observed)}`).not.toContain(PASSWORD);
  });
});
