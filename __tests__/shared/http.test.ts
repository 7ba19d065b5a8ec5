import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpError, backoffDelay, httpRequest, parseRetryAfter } from '../../shared/src/lib/http.js';

// A real local server; each test installs the behaviour it needs (delays, status sequences, resets, big bodies).
type Handler = (req: IncomingMessage, res: ServerResponse, hit: number, body: string) => void;
let handler: Handler;
let hits = 0;
let server: Server;
let base: string;
let lastRequest: { method?: string; url?: string; headers: IncomingMessage['headers']; body: string } | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      hits++;
      const body = Buffer.concat(chunks).toString('utf8');
      lastRequest = { method: req.method, url: req.url, headers: req.headers, body };
      handler(req, res, hits, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

// Server-side delays outlive the request that timed out; they are cleared so Jest can exit promptly.
const timers = new Set<NodeJS.Timeout>();
function afterDelay(ms: number, fn: () => void): void {
  const timer = setTimeout(() => {
    timers.delete(timer);
    fn();
  }, ms);
  timers.add(timer);
}

afterAll(async () => {
  for (const timer of timers) clearTimeout(timer);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  hits = 0;
  lastRequest = undefined;
  handler = (_req, res) => res.end('ok');
});

/** A port nothing listens on: bind one, then close it. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function failure(promise: Promise<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HttpError);
    return error as HttpError;
  }
  throw new Error('expected the request to fail');
}

describe('httpRequest: responses', () => {
  it('returns status, lower-cased headers, body, JSON, timing and attempts', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Version': '1.2.3' });
      res.end('{"status":"ok","checks":[1,2]}');
    };
    const response = await httpRequest(`${base}/health`);
    expect(response.status).toBe(200);
    expect(response.headers['x-version']).toBe('1.2.3');
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.json()).toEqual({ status: 'ok', checks: [1, 2] });
    expect(response.attempts).toBe(1);
    expect(response.timeMs).toBeGreaterThan(0);
    expect(response.timeMs).toBeLessThan(5_000);
  });

  it('sends the method, headers and body', async () => {
    handler = (_req, res) => res.end();
    await httpRequest(`${base}/deploy?x=1`, {
      method: 'post',
      headers: { 'Content-Type': 'application/json', 'X-Trace': 't1' },
      body: '{"a":1}'
    });
    expect(lastRequest).toMatchObject({ method: 'POST', url: '/deploy?x=1', body: '{"a":1}' });
    expect(lastRequest!.headers).toMatchObject({ 'content-type': 'application/json', 'x-trace': 't1' });
  });

  it('returns error statuses rather than throwing, so callers can judge them', async () => {
    handler = (_req, res) => {
      res.statusCode = 404;
      res.end('not here');
    };
    const response = await httpRequest(`${base}/missing`, { retries: 3, backoffMs: 1 });
    expect(response).toMatchObject({ status: 404, body: 'not here', attempts: 1 });
  });

  it('throws an HttpError naming the URL when json() meets a body that is not JSON', async () => {
    handler = (_req, res) => res.end('<html>oops</html>');
    const response = await httpRequest(`${base}/page`);
    expect(() => response.json()).toThrow(HttpError);
    expect(() => response.json()).toThrow(new RegExp(`^GET ${base}/page returned a body that is not JSON: `));
  });

  it('decodes UTF-8 split across chunks', async () => {
    handler = (_req, res) => {
      const bytes = Buffer.from('héllo wörld 😀', 'utf8');
      res.write(bytes.subarray(0, 2));
      afterDelay(20, () => res.end(bytes.subarray(2)));
    };
    expect((await httpRequest(base)).body).toBe('héllo wörld 😀');
  });
});

describe('httpRequest: retries', () => {
  it('retries 5xx until a success', async () => {
    handler = (_req, res, hit) => {
      res.statusCode = hit < 3 ? 503 : 200;
      res.end(String(hit));
    };
    const response = await httpRequest(`${base}/flaky`, { retries: 3, backoffMs: 5 });
    expect(response).toMatchObject({ status: 200, body: '3', attempts: 3 });
    expect(hits).toBe(3);
  });

  it('returns the last response when retries run out', async () => {
    handler = (_req, res, hit) => {
      res.statusCode = 500;
      res.end(`attempt ${hit}`);
    };
    const response = await httpRequest(`${base}/down`, { retries: 2, backoffMs: 5 });
    expect(response).toMatchObject({ status: 500, body: 'attempt 3', attempts: 3 });
  });

  it('retries 429 by default and other statuses when told to', async () => {
    handler = (_req, res, hit) => {
      res.statusCode = hit === 1 ? 429 : hit === 2 ? 404 : 200;
      res.end();
    };
    expect(await httpRequest(base, { retries: 5, backoffMs: 1 })).toMatchObject({ status: 404, attempts: 2 });
    hits = 0;
    expect(await httpRequest(base, { retries: 5, backoffMs: 1, retryOn: (s) => s !== 200 })).toMatchObject({
      status: 200,
      attempts: 3
    });
  });

  it('honours Retry-After on 429', async () => {
    handler = (_req, res, hit) => {
      if (hit === 1) {
        res.writeHead(429, { 'Retry-After': '1' });
        return res.end();
      }
      res.end('ok');
    };
    const started = Date.now();
    const response = await httpRequest(base, { retries: 1, backoffMs: 1 });
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('caps a long Retry-After at maxBackoffMs', async () => {
    handler = (_req, res, hit) => {
      res.writeHead(hit === 1 ? 503 : 200, hit === 1 ? { 'Retry-After': '3600' } : {});
      res.end();
    };
    const started = Date.now();
    const response = await httpRequest(base, { retries: 1, backoffMs: 1, maxBackoffMs: 150 });
    expect(response).toMatchObject({ status: 200, attempts: 2 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('recovers from a connection reset', async () => {
    handler = (req, res, hit) => {
      if (hit === 1) return req.socket.destroy();
      res.end('second time lucky');
    };
    const response = await httpRequest(base, { retries: 1, backoffMs: 1 });
    expect(response).toMatchObject({ status: 200, body: 'second time lucky', attempts: 2 });
  });
});

describe('httpRequest: failures', () => {
  it('says "connection refused" with the attempt count', async () => {
    const port = await closedPort();
    const error = await failure(httpRequest(`http://127.0.0.1:${port}/health`, { retries: 2, backoffMs: 1 }));
    expect(error.message).toBe(`GET http://127.0.0.1:${port}/health failed after 3 attempts: connection refused`);
    expect(error.details).toEqual({
      method: 'GET',
      url: `http://127.0.0.1:${port}/health`,
      attempts: 3,
      code: 'ECONNREFUSED'
    });
  });

  it('says the server reset the connection when it does every time', async () => {
    handler = (req) => req.socket.destroy();
    const error = await failure(httpRequest(`${base}/reset`, { retries: 1, backoffMs: 1 }));
    expect(error.message).toBe(`GET ${base}/reset failed after 2 attempts: connection reset by the server`);
    expect(hits).toBe(2);
  });

  it('times out a slow response per attempt', async () => {
    handler = (_req, res) => {
      afterDelay(1_000, () => res.end('late'));
    };
    const started = Date.now();
    const error = await failure(httpRequest(`${base}/slow`, { timeoutMs: 100, retries: 1, backoffMs: 1 }));
    expect(error.message).toBe(`GET ${base}/slow failed after 2 attempts: timed out after 100ms`);
    expect(error.details.code).toBe('ETIMEDOUT');
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('times out a body that stalls after the headers', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Length': '100' });
      res.write('partial');
    };
    const error = await failure(httpRequest(`${base}/stall`, { timeoutMs: 150 }));
    expect(error.message).toBe(`GET ${base}/stall failed after 1 attempt: timed out after 150ms`);
  });

  it('refuses a declared body over the size cap without retrying', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Length': String(2 * 1024 * 1024) });
      res.end(Buffer.alloc(2 * 1024 * 1024, 'a'));
    };
    const error = await failure(httpRequest(`${base}/big`, { maxBodyBytes: 1024 * 1024, retries: 2, backoffMs: 1 }));
    expect(error.message).toBe(`GET ${base}/big returned a response body larger than 1 MiB`);
    expect(error.details.attempts).toBe(1);
    expect(hits).toBe(1);
  });

  it('stops reading an endless streamed body at the cap', async () => {
    let sent = 0;
    let closed = false;
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.on('close', () => {
        closed = true;
      });
      const chunk = Buffer.alloc(64 * 1024, 'z');
      const pump = () => {
        while (!closed && sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    };
    const error = await failure(httpRequest(`${base}/stream`, { maxBodyBytes: 256 * 1024 }));
    expect(error.message).toMatch(/larger than 262144 bytes$/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(true);
    expect(sent).toBeLessThan(20 * 1024 * 1024);
  });

  it('rejects a URL it cannot send', async () => {
    const error = await failure(httpRequest('ftp://user:pw@example.com/file'));
    expect(error.message).toBe('GET ftp://user:***@example.com/file failed: not a valid http(s) URL');
    expect(error.details.attempts).toBe(0);
    await expect(httpRequest('not a url')).rejects.toThrow(/not a valid http\(s\) URL/);
  });

  it('stops when the caller aborts, including during a backoff wait', async () => {
    handler = (_req, res) => afterDelay(2_000, () => res.end());
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(httpRequest(`${base}/slow`, { signal: controller.signal, timeoutMs: 5_000 }));
    expect(error.message).toBe(`GET ${base}/slow was aborted`);

    handler = (_req, res) => {
      res.statusCode = 503;
      res.end();
    };
    const later = new AbortController();
    setTimeout(() => later.abort(), 100);
    const started = Date.now();
    const backoffError = await failure(
      httpRequest(`${base}/down`, { signal: later.signal, retries: 5, backoffMs: 10_000 })
    );
    expect(backoffError.message).toBe(`GET ${base}/down was aborted`);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('httpRequest: secrets', () => {
  it('sends URL credentials as Basic auth and never prints them', async () => {
    handler = (_req, res) => res.end();
    const withCredentials = base.replace('http://', 'http://deployer:pa%24%24word@');
    await httpRequest(`${withCredentials}/ok`);
    expect(lastRequest!.headers.authorization).toBe(`Basic ${Buffer.from('deployer:pa$$word').toString('base64')}`);

    const port = await closedPort();
    const error = await failure(
      httpRequest(`http://deployer:pa%24%24word@127.0.0.1:${port}/x?token=t0k3n&q=hunter2`, { secrets: ['hunter2'] })
    );
    expect(error.message).toBe(
      `GET http://deployer:***@127.0.0.1:${port}/x?token=***&q=*** failed after 1 attempt: connection refused`
    );
    expect(JSON.stringify(error.details)).not.toMatch(/pa%24|pa\$\$|t0k3n|hunter2/);
  });

  it('keeps Authorization header values out of error messages', async () => {
    // Node's own message for a bad header value may quote it: the client says only that the request is malformed.
    const error = await failure(httpRequest(base, { headers: { Authorization: 'Bearer s3cr3t\nX' } }));
    expect(error.message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+ failed: /);
    expect(error.message).not.toContain('s3cr3t');
    expect(error.message).toMatch(/malformed/);
    expect(hits).toBe(0);
  });

  it('redacts caller-supplied secrets that appear in a JSON error', async () => {
    handler = (_req, res) => res.end('not json: api-key-123');
    const response = await httpRequest(base, { secrets: ['api-key-123'] });
    let message = '';
    try {
      response.json();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('not JSON');
    expect(message).not.toContain('api-key-123');
  });
});

describe('backoffDelay', () => {
  it('doubles per retry, with jitter between half and the full delay', () => {
    expect(backoffDelay(1, 100, 10_000, () => 0)).toBe(50);
    expect(backoffDelay(1, 100, 10_000, () => 1)).toBe(100);
    expect(backoffDelay(3, 100, 10_000, () => 1)).toBe(400);
    expect(backoffDelay(3, 100, 10_000, () => 0.5)).toBe(300);
  });

  it('is capped', () => {
    expect(backoffDelay(30, 100, 5_000, () => 1)).toBe(5_000);
    for (let i = 0; i < 100; i++) expect(backoffDelay(20, 200, 1_000)).toBeLessThanOrEqual(1_000);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores junk', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('httpRequest: redirects (issue 12)', () => {
  let other: Server;
  let otherBase: string;
  let landed: IncomingMessage['headers'] | undefined;
  beforeAll(async () => {
    other = createServer((req, res) => {
      landed = req.headers;
      res.end('landed');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    other.closeAllConnections();
    await new Promise((resolve) => other.close(resolve));
  });
  beforeEach(() => (landed = undefined));

  it.each([301, 302, 307, 308])('drops every secret header on a %i to another origin', async (status) => {
    handler = (_req, res) => {
      res.writeHead(status, { location: `${otherBase}/landing` });
      res.end();
    };
    const response = await httpRequest(`${base.replace('http://', 'http://u:url-pw@')}/start`, {
      headers: { 'X-Api-Key': 'k-1', 'X-Session-Id': 's-2', 'X-Carrier': 'has hunter2 inside', 'X-Plain': 'p' },
      secrets: ['hunter2']
    });
    expect(response.body).toBe('landed');
    expect(landed).toBeDefined();
    for (const name of ['authorization', 'x-api-key', 'x-session-id', 'x-carrier'])
      expect(landed![name]).toBeUndefined();
    expect(landed!['x-plain']).toBe('p');
  });

  it('keeps the headers on a redirect within the origin, and stops after maxRedirects', async () => {
    handler = (req, res) => {
      if (req.url === '/final') return res.end('done');
      res.writeHead(302, { location: req.url === '/loop' ? '/loop' : '/final' });
      res.end();
    };
    const response = await httpRequest(`${base}/start`, { headers: { 'X-Api-Key': 'k-1' } });
    expect(response.body).toBe('done');
    expect(lastRequest!.headers['x-api-key']).toBe('k-1');
    const error = await failure(httpRequest(`${base}/loop`, { maxRedirects: 2 }));
    expect(error.message).toMatch(/failed: too many redirects \(more than 2\)$/);
  });

  it('lists every secret a request sends, in every form, for masking', async () => {
    const { httpRequestSecrets } = await import('../../shared/src/lib/http.js');
    const secrets = httpRequestSecrets('https://deployer:pa%24%24@host/x?token=t-1', {
      headers: { Authorization: 'Bearer b-2' }
    });
    expect(secrets).toEqual(
      expect.arrayContaining([
        'pa$$',
        'pa%24%24',
        Buffer.from('deployer:pa$$').toString('base64'),
        't-1',
        'Bearer b-2',
        'b-2'
      ])
    );
  });
});
