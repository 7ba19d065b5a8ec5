import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  parseSampleValue,
  probePrometheus,
  queryUrl,
  type PrometheusCheck
} from '../../actions/health-gate/src/checks/prometheus.js';
import { useFaultServer, type ResponseSpec } from '../harness/fault-server.js';
import { freePort } from '../harness/ports.js';
import { testTiming, probeContext } from './probe-fixtures.js';

const ERROR_RATIO = 'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))';
const P95 = 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))';
const PASSWORD = 'pr0m-Secret';
const NOW = 1735689600.123;

const faults = useFaultServer();
/** What the fake Prometheus answers, by PromQL text. */
let answers: Record<string, ResponseSpec>;

const vector = (...values: string[]): ResponseSpec => ({
  status: 200,
  body: {
    status: 'success',
    data: {
      resultType: 'vector',
      result: values.map((value, i) => ({
        metric: { job: 'api', instance: `10.0.0.${i + 1}:8080` },
        value: [NOW, value]
      }))
    }
  }
});
const scalar = (value: string): ResponseSpec => ({
  status: 200,
  body: { status: 'success', data: { resultType: 'scalar', result: [NOW, value] } }
});

beforeEach(() => {
  answers = {};
  // The HTTP API's shape: GET /api/v1/query?query=<PromQL>, JSON envelope, 400 bad_data for unknown queries.
  faults.server.setRoute('/api/v1/query', {
    type: 'function',
    respond: (request) =>
      answers[request.query['query'] ?? ''] ?? {
        status: 400,
        body: {
          status: 'error',
          errorType: 'bad_data',
          error: `1:1: parse error: unexpected "${request.query['query']}"`
        }
      }
  });
});

function promCheck(overrides: Partial<PrometheusCheck> = {}): PrometheusCheck {
  return {
    name: 'slo',
    type: 'prometheus',
    role: 'smoke',
    ...testTiming({ timeout: 5000, failureThreshold: 1 }),
    url: faults.server.url,
    query: ERROR_RATIO,
    headers: {},
    emptyAs: 'fail',
    tls: { insecure: false },
    ...overrides
  };
}

const context = (timeoutMs = 5000, signal?: AbortSignal) => probeContext(timeoutMs, signal);

describe('prometheus helpers', () => {
  it('builds the instant-query URL under any path prefix', () => {
    expect(queryUrl('http://prom:9090', 'up == 1')).toBe('http://prom:9090/api/v1/query?query=up+%3D%3D+1');
    expect(queryUrl('http://prom:9090/prometheus/', 'up')).toBe('http://prom:9090/prometheus/api/v1/query?query=up');
    expect(() => queryUrl(`http://u:${PASSWORD}@[x`, 'up')).toThrow('invalid Prometheus URL "http://u:***@[x"');
  });

  it('reads sample values including NaN and infinities', () => {
    expect(parseSampleValue('0.25')).toBe(0.25);
    expect(parseSampleValue('1e-3')).toBe(0.001);
    expect(parseSampleValue('+Inf')).toBe(Infinity);
    expect(parseSampleValue('-Inf')).toBe(-Infinity);
    expect(parseSampleValue('NaN')).toBeNaN();
    expect(parseSampleValue('abc')).toBeUndefined();
    expect(parseSampleValue(3)).toBeUndefined();
  });
});

describe('prometheus check: thresholds', () => {
  it('passes an error ratio below max, sending the query as written', async () => {
    answers[ERROR_RATIO] = vector('0.0004');
    const outcome = await probePrometheus(promCheck({ max: 0.001 }), context());
    expect(outcome).toEqual({
      status: 'pass',
      message: 'value 0.0004 (max 0.001)',
      observed: { httpStatus: 200, latencyMs: expect.any(Number), resultType: 'vector', value: 0.0004 }
    });
    const [request] = faults.server.requestsTo('/api/v1/query');
    expect(request!.method).toBe('GET');
    expect(request!.query['query']).toBe(ERROR_RATIO);
  });

  it('fails an error ratio above max', async () => {
    answers[ERROR_RATIO] = vector('0.0123');
    const outcome = await probePrometheus(promCheck({ max: 0.001 }), context());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe('value 0.0123 > max 0.001');
  });

  it('judges a p95 latency both sides of max', async () => {
    answers[P95] = vector('0.212');
    expect((await probePrometheus(promCheck({ query: P95, max: 0.2 }), context())).message).toBe(
      'value 0.212 > max 0.2'
    );
    answers[P95] = vector('0.18734567891');
    const under = await probePrometheus(promCheck({ query: P95, max: 0.2 }), context());
    expect(under).toMatchObject({ status: 'pass', message: 'value 0.187346 (max 0.2)' });
  });

  it('reads scalar results and applies min', async () => {
    answers['scalar(avg(up))'] = scalar('0.97');
    const low = await probePrometheus(promCheck({ query: 'scalar(avg(up))', min: 0.99 }), context());
    expect(low).toMatchObject({ status: 'fail', message: 'value 0.97 < min 0.99' });
    const ok = await probePrometheus(promCheck({ query: 'scalar(avg(up))', min: 0.9, max: 1 }), context());
    expect(ok).toMatchObject({
      status: 'pass',
      message: 'value 0.97 (min 0.9, max 1)',
      observed: { resultType: 'scalar' }
    });
  });

  it('compares +Inf like any number and reports it in Prometheus spelling', async () => {
    answers[P95] = vector('+Inf');
    const outcome = await probePrometheus(promCheck({ query: P95, max: 0.2 }), context());
    expect(outcome).toMatchObject({ status: 'fail', message: 'value +Inf > max 0.2', observed: { value: '+Inf' } });
  });
});

describe('prometheus check: no data', () => {
  it('counts an empty vector as emptyAs (fail by default)', async () => {
    answers[ERROR_RATIO] = vector();
    const outcome = await probePrometheus(promCheck({ max: 0.001 }), context());
    expect(outcome).toMatchObject({
      status: 'fail',
      message: 'query returned no data (empty vector); counted as fail',
      observed: { value: null }
    });
    expect((await probePrometheus(promCheck({ max: 0.001, emptyAs: 'pass' }), context())).status).toBe('pass');
    expect((await probePrometheus(promCheck({ max: 0.001, emptyAs: 'warn' }), context())).status).toBe('warn');
  });

  it('treats NaN (a ratio over zero requests) as no data', async () => {
    answers[ERROR_RATIO] = vector('NaN');
    const outcome = await probePrometheus(promCheck({ max: 0.001, emptyAs: 'warn' }), context());
    expect(outcome.status).toBe('warn');
    expect(outcome.message).toBe('query returned NaN (no data, e.g. a ratio over zero requests); counted as warn');
  });
});

describe('prometheus check: bad answers', () => {
  it('fails a vector with more than one sample, naming the count and the series', async () => {
    answers[ERROR_RATIO] = vector('0.1', '0.2', '0.3', '0.4');
    const outcome = await probePrometheus(promCheck({ max: 1 }), context());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe(
      'query returned 4 samples, expected exactly 1 (aggregate it, e.g. with sum() or max()): ' +
        '{job="api", instance="10.0.0.1:8080"}, {job="api", instance="10.0.0.2:8080"}, {job="api", instance="10.0.0.3:8080"}, …'
    );
  });

  it('reports a query error with its type and text', async () => {
    const outcome = await probePrometheus(promCheck({ query: 'sum(', max: 1 }), context());
    expect(outcome).toMatchObject({
      status: 'fail',
      message: 'HTTP 400; query failed: bad_data: 1:1: parse error: unexpected "sum("',
      observed: { httpStatus: 400 }
    });
  });

  it('refuses range (matrix) results', async () => {
    answers['up[5m]'] = { status: 200, body: { status: 'success', data: { resultType: 'matrix', result: [] } } };
    const outcome = await probePrometheus(promCheck({ query: 'up[5m]', max: 1 }), context());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('result type "matrix" is not supported');
  });

  it('fails a body that is not the API at all', async () => {
    faults.server.setRoute('/api/v1/query', {
      type: 'wrong-content-type',
      status: 502,
      body: '<html>Bad Gateway</html>'
    });
    const html = await probePrometheus(promCheck({ max: 1 }), context());
    expect(html.message).toBe(
      'HTTP 502 from the Prometheus API; body is not JSON (content-type text/html; charset=utf-8)'
    );
    faults.server.setRoute('/api/v1/query', { status: 200, body: { hello: 'world' } });
    const other = await probePrometheus(promCheck({ max: 1 }), context());
    expect(other.message).toBe('response is not a Prometheus API answer (no status "success" with data)');
  });
});

describe('prometheus check: transport and secrets', () => {
  it('sends configured headers and URL credentials without echoing them', async () => {
    answers[ERROR_RATIO] = vector('0.5');
    const url = faults.server.url.replace('http://', `http://reader:${PASSWORD}@`);
    const outcome = await probePrometheus(
      promCheck({ url, headers: { 'X-Scope-OrgID': 'tenant-1' }, max: 0.001 }),
      context()
    );
    expect(outcome.status).toBe('fail');
    const [request] = faults.server.requestsTo('/api/v1/query');
    expect(request!.headers['x-scope-orgid']).toBe('tenant-1');
    expect(request!.headers.authorization).toBe(`Basic ${Buffer.from(`reader:${PASSWORD}`).toString('base64')}`);
    expect(JSON.stringify(outcome)).not.toContain(PASSWORD);

    const port = await freePort();
    const refused = probePrometheus(promCheck({ url: `http://reader:${PASSWORD}@127.0.0.1:${port}` }), context());
    await expect(refused).rejects.toThrow(`connection refused by 127.0.0.1:${port}`);
    await refused.catch((error: Error) => expect(error.message).not.toContain(PASSWORD));
  });

  it('stops promptly when the attempt signal aborts', async () => {
    faults.server.setRoute('/api/v1/query', { type: 'hang' });
    const started = performance.now();
    await expect(probePrometheus(promCheck({ max: 1 }), context(150))).rejects.toThrow('aborted');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
