#!/usr/bin/env node
// The sample service the demo pipeline deploys and the end-to-end tests gate: a tiny items API with the
// three Kubernetes-style health endpoints. No dependencies, so it starts anywhere Node runs.
//   PORT (8080), APP_VERSION, APP_COLOR (sent as x-color on every answer, and by GET /version, so a router's
//   split can be verified), STARTUP_DELAY_MS (readiness waits this long).
//   A fault for the demo's second release: after FAULT_AFTER_REQUESTS requests to /items, FAULT_ERROR_RATE of
//   them (0..1, spread evenly: the same requests fail on every run) answer 500, as a leak that shows under load.
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 8080);
const version = process.env.APP_VERSION ?? 'dev';
const color = process.env.APP_COLOR ?? '';
const startupDelayMs = Number(process.env.STARTUP_DELAY_MS ?? 0);
const faultAfter = Number(process.env.FAULT_AFTER_REQUESTS ?? Infinity);
const faultRate = Math.min(1, Math.max(0, Number(process.env.FAULT_ERROR_RATE ?? 0)));
let itemRequests = 0;
const startedAt = Date.now();
const items = new Map();
let nextId = 1;

const started = () => Date.now() - startedAt >= startupDelayMs;

function send(res, status, body, type = 'application/json') {
  res.writeHead(status, { 'content-type': type, ...(color ? { 'x-color': color } : {}) });
  res.end(JSON.stringify(body));
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      text += chunk;
      if (text.length > 64 * 1024) reject(new Error('body too large'));
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new Error('body is not JSON'));
      }
    });
  });
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const route = `${req.method} ${url.pathname}`;
  if (route === 'GET /healthz') return send(res, 200, { status: 'pass' }, 'application/health+json');
  if (route === 'GET /startupz')
    return send(res, started() ? 200 : 503, { status: started() ? 'pass' : 'fail' }, 'application/health+json');
  if (route === 'GET /readyz') {
    const ok = started();
    return send(
      res,
      ok ? 200 : 503,
      {
        status: ok ? 'pass' : 'fail',
        version,
        checks: {
          uptime: [{ status: ok ? 'pass' : 'fail', observedValue: Date.now() - startedAt, observedUnit: 'ms' }]
        }
      },
      'application/health+json'
    );
  }
  if (route === 'GET /version') return send(res, 200, { version, color });
  if (url.pathname === '/items' || url.pathname.startsWith('/items/')) {
    const n = ++itemRequests - faultAfter;
    // Request n fails when it carries the running share of failures over a whole number.
    if (n > 0 && Math.floor(n * faultRate) > Math.floor((n - 1) * faultRate))
      return send(res, 500, { error: 'injected fault' });
  }
  if (route === 'GET /items') return send(res, 200, [...items.values()]);
  if (route === 'POST /items') {
    try {
      const body = await readJson(req);
      if (typeof body?.name !== 'string' || body.name === '') return send(res, 400, { error: 'name is required' });
      const item = { id: nextId++, name: body.name };
      items.set(item.id, item);
      return send(res, 201, item);
    } catch (error) {
      return send(res, 400, { error: error.message });
    }
  }
  const match = /^\/items\/(\d+)$/.exec(url.pathname);
  if (req.method === 'GET' && match) {
    const item = items.get(Number(match[1]));
    return item ? send(res, 200, item) : send(res, 404, { error: 'not found' });
  }
  send(res, 404, { error: 'not found' });
});

server.listen(port, '127.0.0.1', () =>
  console.log(`sample service ${version} listening on 127.0.0.1:${server.address().port}`)
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
