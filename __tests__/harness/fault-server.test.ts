import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import { startFaultServer, type FaultServer } from './fault-server.js';

/** A raw GET that reports what a careful client would see, including transport errors. */
function rawGet(
  url: string,
  timeoutMs = 5000
): Promise<{ status?: number; headers?: http.IncomingHttpHeaders; body: string; error?: string }> {
  return new Promise((resolve) => {
    let body = '';
    let status: number | undefined;
    let headers: http.IncomingHttpHeaders | undefined;
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      status = res.statusCode;
      headers = res.headers;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status, headers, body }));
      res.on('aborted', () => resolve({ status, headers, body, error: 'aborted' }));
      res.on('error', (error) => resolve({ status, headers, body, error: error.message }));
    });
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', (error) => resolve({ status, headers, body, error: error.message }));
  });
}

describe('fault server', () => {
  let server: FaultServer;

  beforeAll(async () => {
    server = await startFaultServer();
  });

  afterAll(async () => {
    await server.stop();
  });

  it('answers with a fixed status, JSON body and headers, and logs the request', async () => {
    server.setRoute('/health', { status: 200, body: { status: 'ok' }, headers: { 'x-version': '7' } });
    const res = await fetch(`${server.url}/health?verbose=1`, {
      method: 'POST',
      headers: { 'x-test': 'yes', 'content-type': 'application/json' },
      body: JSON.stringify({ ping: true })
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('x-version')).toBe('7');
    expect(await res.json()).toEqual({ status: 'ok' });
    const logged = server.requestsTo('/health');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      method: 'POST',
      url: '/health?verbose=1',
      path: '/health',
      query: { verbose: '1' },
      body: '{"ping":true}',
      n: 1
    });
    expect(logged[0]!.headers['x-test']).toBe('yes');
  });

  it('returns 404 for unknown paths and uses * as the fallback route', async () => {
    expect((await fetch(`${server.url}/nowhere`)).status).toBe(404);
    server.setRoute('*', { status: 418, body: 'teapot' });
    const res = await fetch(`${server.url}/anything/else`);
    expect(res.status).toBe(418);
    expect(await res.text()).toBe('teapot');
    server.setRoute('*', { status: 404, body: { message: 'no route configured' } });
  });

  it('walks a status sequence, repeating the last status', async () => {
    server.setRoute('/flaky', { type: 'statuses', statuses: [503, 500, 200], body: { ok: true } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await fetch(`${server.url}/flaky`)).status);
    expect(statuses).toEqual([503, 500, 200, 200, 200]);
  });

  it('walks a sequence of arbitrary behaviours', async () => {
    server.setRoute('/mixed', {
      type: 'sequence',
      steps: [{ type: 'reset' }, { type: 'wrong-content-type' }, { status: 201, body: { created: true } }]
    });
    const first = await rawGet(`${server.url}/mixed`);
    expect(first.error).toMatch(/socket hang up|ECONNRESET/);
    const second = await rawGet(`${server.url}/mixed`);
    expect(second.status).toBe(200);
    expect(second.headers?.['content-type']).toMatch(/^text\/html/);
    const third = await rawGet(`${server.url}/mixed`);
    expect(third.status).toBe(201);
    expect(JSON.parse(third.body)).toEqual({ created: true });
    expect(server.requestsTo('/mixed').map((r) => r.n)).toEqual([1, 2, 3]);
  });

  it('delays the response', async () => {
    server.setRoute('/slow', { status: 200, body: 'late', delayMs: 300 });
    const started = Date.now();
    const res = await fetch(`${server.url}/slow`);
    expect(await res.text()).toBe('late');
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('resets the connection before answering', async () => {
    server.setRoute('/reset', { type: 'reset' });
    await expect(fetch(`${server.url}/reset`)).rejects.toThrow(/fetch failed/);
    const raw = await rawGet(`${server.url}/reset`);
    expect(raw.status).toBeUndefined();
    expect(raw.error).toMatch(/socket hang up|ECONNRESET/);
  });

  it('resets in the middle of a response: headers and part of the body arrive, then the socket dies', async () => {
    server.setRoute('/partial', { type: 'reset-mid-response', status: 200, partialBody: '{"items":[1,2' });
    const raw = await rawGet(`${server.url}/partial`);
    expect(raw.status).toBe(200);
    expect(raw.body).toBe('{"items":[1,2');
    expect(raw.error).toBeDefined();
    const res = await fetch(`${server.url}/partial`);
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it('serves HTML with 200 where JSON is expected', async () => {
    server.setRoute('/api/items', { type: 'wrong-content-type' });
    const res = await fetch(`${server.url}/api/items`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const text = await res.text();
    expect(text).toContain('<html>');
    expect(() => JSON.parse(text)).toThrow();
  });

  it('computes responses from a function of the request and its number', async () => {
    server.setRoute('/echo', {
      type: 'function',
      respond: async (request, n) => ({
        status: n === 1 ? 202 : 200,
        headers: { 'x-n': String(n) },
        body: { method: request.method, query: request.query, body: request.body }
      })
    });
    const first = await fetch(`${server.url}/echo?a=b`, { method: 'PUT', body: 'hello' });
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ method: 'PUT', query: { a: 'b' }, body: 'hello' });
    const second = await fetch(`${server.url}/echo`);
    expect(second.status).toBe(200);
    expect(second.headers.get('x-n')).toBe('2');
  });

  it('turns a throwing function into a 500', async () => {
    server.setRoute('/broken', {
      type: 'function',
      respond: () => {
        throw new Error('boom');
      }
    });
    const res = await fetch(`${server.url}/broken`);
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('boom');
  });

  it('hangs until the client gives up', async () => {
    server.setRoute('/hang', { type: 'hang' });
    const started = Date.now();
    await expect(fetch(`${server.url}/hang`, { signal: AbortSignal.timeout(300) })).rejects.toThrow(/abort|timeout/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(server.requestsTo('/hang')).toHaveLength(1);
  });

  it('resets counters when a route is set again, and clearRequests() empties the log', async () => {
    server.setRoute('/count', { type: 'statuses', statuses: [500, 200] });
    expect((await fetch(`${server.url}/count`)).status).toBe(500);
    server.setRoute('/count', { type: 'statuses', statuses: [500, 200] });
    expect((await fetch(`${server.url}/count`)).status).toBe(500);
    server.clearRequests();
    expect(server.requests).toHaveLength(0);
    expect((await fetch(`${server.url}/count`)).status).toBe(500);
  });

  it('stop() closes hanging requests and keep-alive sockets promptly', async () => {
    const other = await startFaultServer({
      routes: { '/hang': { type: 'hang' }, '/slow': { status: 200, delayMs: 60_000 } }
    });
    const hanging = rawGet(`${other.url}/hang`, 30_000);
    const slow = rawGet(`${other.url}/slow`, 30_000);
    const keepAlive = new http.Agent({ keepAlive: true });
    other.setRoute('/ok', { status: 200, body: 'ok' });
    await new Promise<void>((resolve) =>
      http.get(`${other.url}/ok`, { agent: keepAlive }, (res) => res.resume().on('end', resolve))
    );
    while (other.pendingCount() < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    await other.stop();
    await other.stop();
    expect(Date.now() - started).toBeLessThan(2000);
    const [h, s] = await Promise.all([hanging, slow]);
    expect(h.error).toBeDefined();
    expect(s.error).toBeDefined();
    keepAlive.destroy();
    await expect(fetch(`${other.url}/ok`)).rejects.toThrow();
  });
});
