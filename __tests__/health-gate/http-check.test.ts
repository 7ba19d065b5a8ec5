import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { probeHttp, readHealth, type HttpCheck } from '../../actions/health-gate/src/checks/http.js';
import { useFaultServer } from '../harness/fault-server.js';
import { freePort } from '../harness/ports.js';
import { testTiming, probeContext } from './probe-fixtures.js';

const PASSWORD = 'hunter2-S3cret';
const HEALTH = { 'content-type': 'application/health+json' };

const faults = useFaultServer();

function httpCheck(overrides: Partial<HttpCheck> = {}): HttpCheck {
  return {
    name: 'web',
    type: 'http',
    role: 'readiness',
    ...testTiming({ timeout: 2000, failureThreshold: 3 }),
    url: `${faults.server.url}/health`,
    method: 'GET',
    headers: {},
    expectStatus: '2xx',
    json: [],
    tls: { insecure: false },
    followRedirects: false,
    warnAs: 'warn',
    ...overrides
  };
}

const context = (timeoutMs = 5000, signal?: AbortSignal) => probeContext(timeoutMs, signal);

describe('http check: status and latency', () => {
  it('passes on an expected status and reports what it saw', async () => {
    faults.server.setRoute('/health', { status: 200, body: 'ok' });
    const outcome = await probeHttp(httpCheck(), context());
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toMatch(/^HTTP 200 in \d+ ms$/);
    expect(outcome.observed).toEqual({ status: 200, latencyMs: expect.any(Number) });
  });

  it('fails on an unexpected status, naming what was expected', async () => {
    faults.server.setRoute('/health', { status: 503, body: 'down' });
    const outcome = await probeHttp(httpCheck({ expectStatus: '200,204' }), context());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(/^HTTP 503 in \d+ ms; status 503, expected 200 or 204$/);
    expect(outcome.observed).toMatchObject({ status: 503 });
  });

  it('sends the configured method, headers and body', async () => {
    faults.server.setRoute('/health', { status: 204 });
    const check = httpCheck({ method: 'POST', headers: { 'x-probe': 'gate' }, body: '{"ping":1}' });
    expect((await probeHttp(check, context())).status).toBe('pass');
    expect(faults.server.requestsTo('/health')[0]).toMatchObject({ method: 'POST', body: '{"ping":1}' });
    expect(faults.server.requestsTo('/health')[0]!.headers['x-probe']).toBe('gate');
  });

  it('fails a response slower than maxLatency', async () => {
    faults.server.setRoute('/health', { status: 200, delayMs: 120 });
    const slow = await probeHttp(httpCheck({ maxLatency: 50 }), context());
    expect(slow.status).toBe('fail');
    expect(slow.message).toMatch(/; latency \d+ ms over 50 ms$/);
    expect((slow.observed as { latencyMs: number }).latencyMs).toBeGreaterThanOrEqual(115);
    expect((await probeHttp(httpCheck({ maxLatency: 2000 }), context())).status).toBe('pass');
  });

  it('checks the body against bodyRegex', async () => {
    faults.server.setRoute('/health', { status: 200, body: 'version=2.4.0 ready' });
    expect((await probeHttp(httpCheck({ bodyRegex: 'version=2\\.\\d+' }), context())).status).toBe('pass');
    const outcome = await probeHttp(httpCheck({ bodyRegex: '^ready$' }), context());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('body does not match /^ready$/');
  });
});

describe('http check: JSON assertions', () => {
  it('passes when every assertion holds and lists each that does not', async () => {
    faults.server.setRoute('/health', {
      status: 200,
      body: { status: 'pass', version: 'v2.1.0', db: { latencyMs: 350 } }
    });
    const check = httpCheck({ json: ['$.status == "pass"', '$.version =~ /^v2/'] });
    expect((await probeHttp(check, context())).status).toBe('pass');

    const failing = httpCheck({ json: ['$.status == "fail"', '$.db.latencyMs < 100', '$.version =~ /^v2/'] });
    const outcome = await probeHttp(failing, context());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(
      /^HTTP 200 in \d+ ms; \$\.status is "pass", expected == "fail"; \$\.db\.latencyMs is 350, expected < 100$/
    );
  });

  it('fails an HTML error page served with status 200', async () => {
    faults.server.setRoute('/health', { type: 'wrong-content-type' });
    const outcome = await probeHttp(httpCheck({ json: ['$.status == "pass"', '$.db'] }), context());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(/^HTTP 200 in \d+ ms; body is not JSON \(content-type text\/html\)$/);
    // Without an assertion, status 200 is all that was asked for.
    expect((await probeHttp(httpCheck(), context())).status).toBe('pass');
  });

  it('fails an empty body', async () => {
    faults.server.setRoute('/health', { status: 200 });
    const outcome = await probeHttp(httpCheck({ json: ['$.status'] }), context());
    expect(outcome.message).toContain('body is empty (no content-type)');
  });
});

describe('http check: application/health+json', () => {
  const document = (status: string, checks: Record<string, unknown> = {}) => ({ status, version: '1', checks });

  it('passes on pass, ok and up', async () => {
    for (const status of ['pass', 'OK', 'up']) {
      faults.server.setRoute('/health', { status: 200, headers: HEALTH, body: document(status) });
      const outcome = await probeHttp(httpCheck(), context());
      expect(outcome.status).toBe('pass');
      expect(outcome.message).toMatch(new RegExp(`^HTTP 200 in \\d+ ms; health ${status}$`));
      expect(outcome.observed).toMatchObject({ healthStatus: 'pass' });
    }
  });

  it('reports warn as a warning by default, naming the entries that warn', async () => {
    faults.server.setRoute('/health', {
      status: 200,
      headers: { 'content-type': 'application/health+json; charset=utf-8' },
      body: document('warn', {
        'db:responseTime': [{ componentId: 'primary', status: 'pass', observedValue: 12 }],
        'cache:hitRatio': [{ status: 'warn', output: 'cold cache after restart', observedValue: 0.2 }]
      })
    });
    const outcome = await probeHttp(httpCheck(), context());
    expect(outcome.status).toBe('warn');
    expect(outcome.message).toMatch(
      /^HTTP 200 in \d+ ms; health warn: cache:hitRatio: warn \(cold cache after restart\)$/
    );
    expect(outcome.observed).toMatchObject({ status: 200, healthStatus: 'warn' });
  });

  it('applies warnAs to a warn', async () => {
    faults.server.setRoute('/health', { status: 200, headers: HEALTH, body: document('warn') });
    const asPass = await probeHttp(httpCheck({ warnAs: 'pass' }), context());
    expect(asPass.status).toBe('pass');
    expect(asPass.message).toContain('health warn (warn counts as pass)');
    const asFail = await probeHttp(httpCheck({ warnAs: 'fail' }), context());
    expect(asFail.status).toBe('fail');
    expect(asFail.message).toContain('health warn (warn counts as fail)');
  });

  it('fails on fail, error and down, listing every failing entry', async () => {
    faults.server.setRoute('/health', {
      status: 503,
      headers: HEALTH,
      body: document('fail', {
        'db:connections': [
          { componentId: 'primary', status: 'fail', output: 'connection refused' },
          { componentId: 'replica', status: 'pass' }
        ],
        'queue:depth': { status: 'warn', observedValue: 9000 }
      })
    });
    const outcome = await probeHttp(httpCheck(), context());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(
      /^HTTP 503 in \d+ ms; status 503, expected 2xx; health fail: db:connections\[primary\]: fail \(connection refused\), queue:depth: warn$/
    );
    expect(outcome.observed).toMatchObject({ status: 503, healthStatus: 'fail' });

    // A service that says "down" with a 200 still fails.
    for (const status of ['DOWN', 'error']) {
      faults.server.setRoute('/health', { status: 200, headers: HEALTH, body: document(status) });
      const outcome = await probeHttp(httpCheck(), context());
      expect(outcome.status).toBe('fail');
      expect(outcome.message).toMatch(new RegExp(`^HTTP 200 in \\d+ ms; health ${status}$`));
    }
  });

  it('fails a health document without a known status, or that is not JSON', async () => {
    faults.server.setRoute('/health', { status: 200, headers: HEALTH, body: { version: '1' } });
    expect((await probeHttp(httpCheck(), context())).message).toContain('health: the document has no status');
    faults.server.setRoute('/health', { status: 200, headers: HEALTH, body: { status: 'degraded' } });
    expect((await probeHttp(httpCheck(), context())).message).toContain('health: unknown status "degraded"');
    faults.server.setRoute('/health', { status: 200, headers: HEALTH, body: 'fine' });
    const outcome = await probeHttp(httpCheck(), context());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('health: body is not JSON (content-type application/health+json)');
  });

  it('does not read plain application/json as a health document', async () => {
    faults.server.setRoute('/health', { status: 200, body: { status: 'fail' } });
    expect((await probeHttp(httpCheck(), context())).status).toBe('pass');
  });

  it('combines health with JSON assertions', async () => {
    faults.server.setRoute('/health', { status: 200, headers: HEALTH, body: { status: 'pass', releaseId: '2024.1' } });
    const outcome = await probeHttp(httpCheck({ json: ['$.releaseId == "2024.2"'] }), context());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(/; \$\.releaseId is "2024\.1", expected == "2024\.2"; health pass$/);
  });

  it('readHealth tolerates odd documents', () => {
    expect(readHealth(null)).toEqual({ details: [] });
    expect(readHealth({ status: 'warn', checks: { a: 'x', b: [null, { status: 'fail' }] } })).toEqual({
      status: 'warn',
      reported: 'warn',
      details: ['b: fail']
    });
  });
});

describe('http check: redirects', () => {
  beforeEach(() => {
    faults.server.setRoute('/health', { status: 302, headers: { location: '/ready' } });
    faults.server.setRoute('/ready', { status: 200, body: 'ready' });
  });

  it('reports a 302 as a 302 by default', async () => {
    const outcome = await probeHttp(httpCheck(), context());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(
      /^HTTP 302 in \d+ ms; status 302, expected 2xx \(redirect to \/ready, not followed\)$/
    );
    expect(faults.server.requestsTo('/ready')).toHaveLength(0);
  });

  it('follows when enabled', async () => {
    const outcome = await probeHttp(httpCheck({ followRedirects: true }), context());
    expect(outcome.status).toBe('pass');
    expect(outcome.message).toMatch(/^HTTP 200 in \d+ ms after 1 redirect$/);
    expect(outcome.observed).toMatchObject({ redirects: [`${faults.server.url}/ready`] });
  });

  it('accepts a 3xx when it is what was asked for', async () => {
    expect((await probeHttp(httpCheck({ expectStatus: '3xx' }), context())).status).toBe('pass');
  });
});

describe('http check: transport failures', () => {
  it('stops promptly when the attempt signal fires', async () => {
    faults.server.setRoute('/health', { type: 'hang' });
    const started = performance.now();
    await expect(probeHttp(httpCheck(), context(150))).rejects.toThrow('aborted (waiting for response headers)');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('throws on a reset in the middle of the response', async () => {
    faults.server.setRoute('/health', { type: 'reset-mid-response' });
    await expect(probeHttp(httpCheck({ json: ['$.items'] }), context())).rejects.toThrow(
      /^connection reset by the server while reading the body/
    );
  });

  it('throws on a refused connection', async () => {
    const port = await freePort();
    await expect(probeHttp(httpCheck({ url: `http://127.0.0.1:${port}/health` }), context())).rejects.toThrow(
      `connection refused by 127.0.0.1:${port}`
    );
  });
});

describe('http check: TLS', () => {
  const tlsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tls');
  const pem = (name: string): string => fs.readFileSync(path.join(tlsDir, name), 'utf8');
  let secure: https.Server;
  let url: string;

  beforeAll(async () => {
    secure = https.createServer({ cert: pem('server.crt'), key: pem('server.key') }, (_req, res) => {
      res.writeHead(200, HEALTH);
      res.end('{"status":"pass"}');
    });
    secure.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
    url = `https://localhost:${(secure.address() as AddressInfo).port}/health`;
  });

  afterAll(async () => {
    secure.closeAllConnections();
    await new Promise((resolve) => secure.close(resolve));
  });

  it('fails an untrusted certificate, passes with its CA or when insecure', async () => {
    await expect(probeHttp(httpCheck({ url }), context())).rejects.toThrow('certificate signed by unknown authority');
    const withCa = await probeHttp(httpCheck({ url, tls: { ca: pem('ca.crt'), insecure: false } }), context());
    expect(withCa.status).toBe('pass');
    const insecure = await probeHttp(httpCheck({ url, tls: { insecure: true } }), context());
    expect(insecure.status).toBe('pass');
  });
});

describe('http check: secrets', () => {
  it('keeps the URL password out of every message', async () => {
    const withPassword = (base: string): string => base.replace('http://', `http://admin:${PASSWORD}@`);
    faults.server.setRoute('/health', {
      type: 'function',
      respond: (request) => ({
        status: 302,
        // A careless service that echoes the request's credentials back in the redirect.
        headers: { location: `${withPassword(faults.server.url)}/login?from=${request.url}` },
        body: `denied ${PASSWORD}`
      })
    });
    const messages: string[] = [];
    const outcome = await probeHttp(
      httpCheck({ url: `${withPassword(faults.server.url)}/health`, json: ['$.ok'], bodyRegex: 'welcome' }),
      context()
    );
    messages.push(outcome.message, JSON.stringify(outcome.observed));
    const port = await freePort();
    try {
      await probeHttp(httpCheck({ url: `http://admin:${PASSWORD}@127.0.0.1:${port}/` }), context());
    } catch (error) {
      messages.push((error as Error).message);
    }
    expect(messages).toHaveLength(3);
    for (const message of messages) expect(message).not.toContain(PASSWORD);
    expect(outcome.message).toContain('redirect to http://admin:***@');
  });
});
