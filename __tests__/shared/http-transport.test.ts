import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigurationError } from '../../shared/src/lib/errors.js';
import { RequestError, sendRequest } from '../../shared/src/lib/http-transport.js';
import { startFaultServer, useFaultServer } from '../harness/fault-server.js';
import { freePort } from '../harness/ports.js';

const TLS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tls');
const pem = (name: string): string => fs.readFileSync(path.join(TLS_DIR, name), 'utf8');
const PASSWORD = 's3cr3t-Pa55';

const faults = useFaultServer();

async function failure(promise: Promise<unknown>): Promise<RequestError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(RequestError);
    return error as RequestError;
  }
  throw new Error('expected the request to fail');
}

/** A node:https (or http) server answering 200 "secure", on its own port; closes every socket on stop. */
async function startServer(
  options: { cert?: string; key?: string; host?: string } = {}
): Promise<{ url: string; port: number; stop: () => Promise<void> }> {
  const handler: http.RequestListener = (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('secure');
  };
  const instance =
    options.cert && options.key
      ? https.createServer({ cert: options.cert, key: options.key }, handler)
      : http.createServer(handler);
  // A failed handshake is the client's business here; the server just drops it.
  instance.on('tlsClientError', () => undefined);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => instance.listen(0, host, resolve));
  const { port } = instance.address() as AddressInfo;
  const scheme = options.cert ? 'https' : 'http';
  return {
    url: `${scheme}://${host}:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        instance.closeAllConnections();
        instance.close(() => resolve());
      })
  };
}

describe('sendRequest: the exchange', () => {
  it('returns status, lower-cased headers, the body and the time to the full body', async () => {
    faults.server.setRoute('/slow', { status: 201, body: { ok: true }, headers: { 'X-Build': '42' }, delayMs: 80 });
    const response = await sendRequest({ url: `${faults.server.url}/slow` });
    expect(response.status).toBe(201);
    expect(response.headers['x-build']).toBe('42');
    expect(response.headers['content-type']).toContain('application/json');
    expect(JSON.parse(response.body)).toEqual({ ok: true });
    expect(response.latencyMs).toBeGreaterThanOrEqual(75);
    expect(response.latencyMs).toBeLessThan(2000);
    expect(response.redirects).toEqual([]);
  });

  it('sends the method, headers and body, on a fresh connection each time', async () => {
    faults.server.setRoute('/echo', { status: 204 });
    await sendRequest({
      url: `${faults.server.url}/echo?x=1`,
      method: 'post',
      headers: { 'content-type': 'application/json', 'x-trace': 'abc' },
      body: '{"n":1}'
    });
    await sendRequest({ url: `${faults.server.url}/echo` });
    const [first, second] = faults.server.requestsTo('/echo');
    expect(first).toMatchObject({ method: 'POST', url: '/echo?x=1', body: '{"n":1}' });
    expect(first!.headers).toMatchObject({
      'content-type': 'application/json',
      'content-length': '7',
      'x-trace': 'abc',
      'user-agent': 'ubos-actions'
    });
    // No keep-alive: a restarted server must not hide behind a pooled socket.
    expect(first!.headers.connection).toBe('close');
    expect(second!.method).toBe('GET');
  });

  it('turns URL credentials into a Basic Authorization header', async () => {
    faults.server.setRoute('/auth', { status: 200, body: 'in' });
    const url = faults.server.url.replace('http://', `http://ops:${encodeURIComponent(PASSWORD)}@`);
    await sendRequest({ url: `${url}/auth` });
    const [request] = faults.server.requestsTo('/auth');
    expect(request!.headers.authorization).toBe(`Basic ${Buffer.from(`ops:${PASSWORD}`).toString('base64')}`);
    expect(request!.headers.host).not.toContain('ops');
  });

  it('keeps an explicit Authorization header over URL credentials', async () => {
    faults.server.setRoute('/auth', { status: 200 });
    const url = faults.server.url.replace('http://', `http://ops:${PASSWORD}@`);
    await sendRequest({ url: `${url}/auth`, headers: { Authorization: 'Bearer token-1' } });
    expect(faults.server.requestsTo('/auth')[0]!.headers.authorization).toBe('Bearer token-1');
  });

  it('refuses a body over the cap, declared or streamed', async () => {
    faults.server.setRoute('/big', { status: 200, body: 'x'.repeat(5000) });
    const declared = await failure(sendRequest({ url: `${faults.server.url}/big`, maxBodyBytes: 1000 }));
    expect(declared.message).toBe('response body larger than 1000 bytes');
    expect(declared.kind).toBe('too-large');

    const streaming = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'y'.repeat(64 * 1024);
      let sent = 0;
      const pump = (): void => {
        while (sent < 40 && res.write(chunk)) sent++;
        if (sent < 40) res.once('drain', pump);
        else res.end();
      };
      pump();
    });
    await new Promise<void>((resolve) => streaming.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = streaming.address() as AddressInfo;
      const streamed = await failure(sendRequest({ url: `http://127.0.0.1:${port}/` }));
      expect(streamed.message).toBe('response body larger than 1 MiB');
    } finally {
      streaming.closeAllConnections();
      await new Promise((resolve) => streaming.close(resolve));
    }
  });
});

describe('sendRequest: failures', () => {
  it('reports a refused connection', async () => {
    const port = await freePort();
    const error = await failure(sendRequest({ url: `http://127.0.0.1:${port}/health` }));
    expect(error.message).toBe(`connection refused by 127.0.0.1:${port}`);
    expect(error.kind).toBe('refused');
  });

  it('reports a DNS failure with the host name', async () => {
    const error = await failure(sendRequest({ url: 'http://no-such-host.invalid/health' }));
    expect(error.message).toMatch(
      /^DNS lookup (failed: host no-such-host\.invalid not found|of no-such-host\.invalid failed)/
    );
    expect(error.kind).toBe('dns');
  });

  it('reports a connection closed before any response', async () => {
    faults.server.setRoute('/reset', { type: 'reset' });
    const error = await failure(sendRequest({ url: `${faults.server.url}/reset` }));
    expect(error.message).toBe('connection reset by the server (waiting for response headers)');
    expect(error.kind).toBe('reset');
  });

  it('reports a reset in the middle of the body', async () => {
    faults.server.setRoute('/partial', { type: 'reset-mid-response', partialBody: '{"items":[1,2,' });
    const error = await failure(sendRequest({ url: `${faults.server.url}/partial` }));
    expect(error.message).toMatch(/^connection reset by the server while reading the body/);
    expect(error.kind).toBe('reset');
  });

  it('stops promptly when the signal aborts', async () => {
    faults.server.setRoute('/hang', { type: 'hang' });
    const started = performance.now();
    const error = await failure(sendRequest({ url: `${faults.server.url}/hang`, signal: AbortSignal.timeout(150) }));
    const elapsed = performance.now() - started;
    expect(error.message).toBe('aborted (waiting for response headers)');
    expect(error.kind).toBe('aborted');
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(1000);
  });

  it('does not start when the signal is already aborted', async () => {
    faults.server.setRoute('/ok', { status: 200 });
    const error = await failure(sendRequest({ url: `${faults.server.url}/ok`, signal: AbortSignal.abort() }));
    expect(error.kind).toBe('aborted');
    expect(faults.server.requestsTo('/ok')).toHaveLength(0);
  });

  it('times out on its own deadline, saying where it was', async () => {
    faults.server.setRoute('/hang', { type: 'hang' });
    const headers = await failure(sendRequest({ url: `${faults.server.url}/hang`, timeoutMs: 100 }));
    expect(headers.message).toBe('timed out after 100 ms (waiting for response headers)');
    expect(headers.kind).toBe('timeout');

    // Headers at once, then a body that never ends.
    const dribble = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"a":');
    });
    await new Promise<void>((resolve) => dribble.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = dribble.address() as AddressInfo;
      const body = await failure(sendRequest({ url: `http://127.0.0.1:${port}/`, timeoutMs: 100 }));
      expect(body.message).toBe('timed out after 100 ms while reading the body');
    } finally {
      dribble.closeAllConnections();
      await new Promise((resolve) => dribble.close(resolve));
    }
  });

  it('refuses URLs it cannot send, as a configuration mistake', async () => {
    await expect(sendRequest({ url: 'not a url' })).rejects.toThrow(ConfigurationError);
    await expect(sendRequest({ url: 'ftp://example.com/x' })).rejects.toThrow('unsupported URL scheme ftp:');
  });
});

describe('sendRequest: redirects', () => {
  beforeEach(() => {
    faults.server.setRoute('/old', { status: 302, headers: { location: '/new' } });
    faults.server.setRoute('/new', { status: 200, body: 'moved here' });
  });

  it('does not follow redirects unless asked', async () => {
    const response = await sendRequest({ url: `${faults.server.url}/old` });
    expect(response.status).toBe(302);
    expect(response.headers['location']).toBe('/new');
    expect(response.redirects).toEqual([]);
    expect(faults.server.requestsTo('/new')).toHaveLength(0);
  });

  it('follows them when asked and lists where it went', async () => {
    const response = await sendRequest({ url: `${faults.server.url}/old`, followRedirects: true });
    expect(response.status).toBe(200);
    expect(response.body).toBe('moved here');
    expect(response.redirects).toEqual([`${faults.server.url}/new`]);
  });

  it('turns a POST into a GET on 303 and keeps it on 307', async () => {
    faults.server.setRoute('/see-other', { status: 303, headers: { location: '/new' } });
    faults.server.setRoute('/temporary', { status: 307, headers: { location: '/new' } });
    await sendRequest({ url: `${faults.server.url}/see-other`, method: 'POST', body: 'a=1', followRedirects: true });
    await sendRequest({ url: `${faults.server.url}/temporary`, method: 'POST', body: 'a=2', followRedirects: true });
    const [afterSeeOther, afterTemporary] = faults.server.requestsTo('/new');
    expect(afterSeeOther).toMatchObject({ method: 'GET', body: '' });
    expect(afterTemporary).toMatchObject({ method: 'POST', body: 'a=2' });
  });

  it('gives up after maxRedirects', async () => {
    faults.server.setRoute('/loop', { status: 301, headers: { location: '/loop' } });
    const error = await failure(
      sendRequest({ url: `${faults.server.url}/loop`, followRedirects: true, maxRedirects: 3 })
    );
    expect(error.message).toBe('too many redirects (more than 3)');
    expect(faults.server.requestsTo('/loop')).toHaveLength(4);
  });

  it('keeps credentials to their origin and out of the redirect list', async () => {
    const other = await startFaultServer();
    try {
      other.setRoute('/landing', { status: 200 });
      faults.server.setRoute('/away', {
        status: 302,
        headers: { location: `${other.url.replace('http://', `http://bob:${PASSWORD}@`)}/landing` }
      });
      const url = faults.server.url.replace('http://', `http://ops:${PASSWORD}@`);
      const response = await sendRequest({
        url: `${url}/away`,
        headers: { cookie: 'session=1' },
        followRedirects: true
      });
      expect(response.redirects).toEqual([`${other.url.replace('http://', 'http://bob:***@')}/landing`]);
      const landing = other.requestsTo('/landing')[0]!;
      expect(landing.headers.cookie).toBeUndefined();
      // The target's own credentials are used there, not the first host's.
      expect(landing.headers.authorization).toBe(`Basic ${Buffer.from(`bob:${PASSWORD}`).toString('base64')}`);
    } finally {
      await other.stop();
    }
  });

  it('names the redirect target (redacted) when a later hop fails', async () => {
    const port = await freePort();
    faults.server.setRoute('/dead-end', {
      status: 302,
      headers: { location: `http://u:${PASSWORD}@127.0.0.1:${port}/x` }
    });
    const error = await failure(sendRequest({ url: `${faults.server.url}/dead-end`, followRedirects: true }));
    expect(error.message).toBe(
      `connection refused by 127.0.0.1:${port} (after redirect to http://u:***@127.0.0.1:${port}/x)`
    );
  });
});

describe('sendRequest: secrets', () => {
  it('never puts a URL password into an error message', async () => {
    const port = await freePort();
    const messages: string[] = [];
    const collect = async (promise: Promise<unknown>): Promise<void> => {
      try {
        await promise;
      } catch (error) {
        messages.push((error as Error).message);
      }
    };
    await collect(sendRequest({ url: `http://admin:${PASSWORD}@127.0.0.1:${port}/` }));
    await collect(sendRequest({ url: `http://admin:${PASSWORD}@no-such-host.invalid/` }));
    await collect(sendRequest({ url: `ftp://admin:${PASSWORD}@example.com/` }));
    await collect(sendRequest({ url: `http://admin:${PASSWORD}@[bad/` }));
    faults.server.setRoute('/hang', { type: 'hang' });
    await collect(
      sendRequest({ url: `${faults.server.url.replace('//', `//admin:${PASSWORD}@`)}/hang`, timeoutMs: 50 })
    );
    expect(messages).toHaveLength(5);
    for (const message of messages) {
      expect(message).not.toContain(PASSWORD);
      expect(message).not.toContain(encodeURIComponent(PASSWORD));
    }
  });
});

describe('sendRequest: TLS', () => {
  let trusted: Awaited<ReturnType<typeof startServer>>;
  let selfSigned: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    trusted = await startServer({ cert: pem('server.crt'), key: pem('server.key') });
    // The CA's own certificate served as a leaf: self-signed in the plainest sense.
    selfSigned = await startServer({ cert: pem('ca.crt'), key: pem('ca.key') });
  });

  afterAll(async () => {
    await trusted.stop();
    await selfSigned.stop();
  });

  it('fails verification against a certificate from an unknown CA, naming the problem', async () => {
    const error = await failure(sendRequest({ url: `${trusted.url}/` }));
    expect(error.message).toMatch(/^TLS: certificate signed by unknown authority \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/);
    expect(error.kind).toBe('tls');
  });

  it('fails verification against a self-signed certificate', async () => {
    const error = await failure(sendRequest({ url: `${selfSigned.url}/` }));
    expect(error.message).toMatch(/^TLS: self-signed certificate \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
  });

  it('trusts the server when given its CA, by IP and by name', async () => {
    const ca = pem('ca.crt');
    const byIp = await sendRequest({ url: `${trusted.url}/`, tls: { ca, insecure: false } });
    expect(byIp).toMatchObject({ status: 200, body: 'secure' });
    const byName = await sendRequest({ url: `https://localhost:${trusted.port}/`, tls: { ca, insecure: false } });
    expect(byName.status).toBe(200);
  });

  it('still checks the name when the CA is trusted', async () => {
    const elsewhere = await startServer({
      cert: pem('server.crt'),
      key: pem('server.key'),
      host: '127.0.0.2'
    });
    try {
      const error = await failure(
        sendRequest({ url: `${elsewhere.url}/`, tls: { ca: pem('ca.crt'), insecure: false } })
      );
      expect(error.message).toBe('TLS: the certificate is not valid for 127.0.0.2 (name mismatch)');
    } finally {
      await elsewhere.stop();
    }
  });

  it('skips verification only with insecure: true', async () => {
    expect((await sendRequest({ url: `${trusted.url}/`, tls: { insecure: true } })).status).toBe(200);
    expect((await sendRequest({ url: `${selfSigned.url}/`, tls: { insecure: true } })).status).toBe(200);
  });

  it('says so when https meets a plain HTTP server', async () => {
    // node:http answers the ClientHello with a 400 text; the fault server just drops the connection.
    const plain = await startServer();
    try {
      const answered = await failure(sendRequest({ url: `${plain.url.replace('http:', 'https:')}/` }));
      expect(answered.message).toBe(`TLS handshake failed: the server does not speak TLS on 127.0.0.1:${plain.port}`);
    } finally {
      await plain.stop();
    }
    const dropped = await failure(sendRequest({ url: `${faults.server.url.replace('http:', 'https:')}/` }));
    expect(dropped.message).toBe('connection reset by the server (TLS handshake); is the port serving TLS?');
  });
});

describe('sendRequest: a redirect to another origin carries no secret (issue 12)', () => {
  const headers = {
    Authorization: 'Bearer a-1',
    'X-Api-Key': 'k-2',
    'X-Listed': 'l-3',
    'X-Session': 's-4',
    'X-Carrier': 'prefix masked-5 suffix',
    'X-Plain': 'plain'
  };

  it.each([301, 302, 303, 307, 308])('drops secret headers on a %i to another port, keeps the rest', async (status) => {
    const other = await startFaultServer();
    try {
      other.setRoute('/landing', { status: 200 });
      faults.server.setRoute('/away', { status, headers: { location: `${other.url}/landing` } });
      const response = await sendRequest({
        url: `${faults.server.url}/away`,
        headers,
        secretHeaders: ['x-listed'],
        secrets: ['masked-5'],
        followRedirects: true
      });
      expect(response.status).toBe(200);
      const landing = other.requestsTo('/landing')[0]!;
      for (const name of ['authorization', 'x-api-key', 'x-listed', 'x-session', 'x-carrier']) {
        expect(landing.headers[name]).toBeUndefined();
      }
      expect(landing.headers['x-plain']).toBe('plain');
      // The first hop got everything: the headers are meant for that origin.
      expect(faults.server.requestsTo('/away')[0]!.headers['x-listed']).toBe('l-3');
    } finally {
      await other.stop();
    }
  });

  it('refuses to resend a body holding a secret to another origin, and resends one that holds none', async () => {
    const other = await startFaultServer();
    try {
      other.setRoute('/landing', { status: 200 });
      faults.server.setRoute('/post', { status: 307, headers: { location: `${other.url}/landing` } });
      const error = await failure(
        sendRequest({
          url: `${faults.server.url}/post`,
          method: 'POST',
          body: 'token=masked-5',
          secrets: ['masked-5'],
          followRedirects: true
        })
      );
      expect(error.kind).toBe('redirect');
      expect(error.message).toMatch(
        /^not following the 307 redirect to another origin \(.*\): the request body holds a secret$/
      );
      expect(other.requestsTo('/landing')).toHaveLength(0);
      await sendRequest({ url: `${faults.server.url}/post`, method: 'POST', body: 'hello', followRedirects: true });
      expect(other.requestsTo('/landing')[0]!.body).toBe('hello');
    } finally {
      await other.stop();
    }
  });
});
