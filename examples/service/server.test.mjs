// The sample service's own tests: what its pipeline's test-command runs, in CI and in `npm run demo`
// (`node --test examples/service/server.test.mjs`). Starts the server on a free port; no dependency but Node.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const server = fileURLToPath(new URL('./server.mjs', import.meta.url));
let child;
let base;

async function freePort() {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

before(async () => {
  const port = await freePort();
  child = spawn(process.execPath, [server], {
    env: { PATH: process.env.PATH, PORT: String(port), APP_VERSION: '9.9.9', APP_COLOR: 'green' },
    stdio: ['ignore', 'pipe', 'inherit']
  });
  // The server says when it listens.
  const [line] = await once(child.stdout, 'data');
  assert.match(String(line), /listening/);
  base = `http://127.0.0.1:${port}`;
});

after(() => child?.kill('SIGTERM'));

test('health endpoints answer application/health+json', async () => {
  for (const path of ['/healthz', '/readyz', '/startupz']) {
    const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(5000) });
    assert.equal(res.status, 200, path);
    assert.equal(res.headers.get('content-type'), 'application/health+json');
    assert.equal((await res.json()).status, 'pass');
  }
});

test('GET /version names the version and the colour, which x-color repeats', async () => {
  const res = await fetch(`${base}/version`, { signal: AbortSignal.timeout(5000) });
  assert.deepEqual(await res.json(), { version: '9.9.9', color: 'green' });
  assert.equal(res.headers.get('x-color'), 'green');
});

test('items are created and read back; a nameless one is refused', async () => {
  const post = (body) =>
    fetch(`${base}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000)
    });
  const created = await post({ name: 'lamp' });
  assert.equal(created.status, 201);
  const { id } = await created.json();
  const read = await fetch(`${base}/items/${id}`, { signal: AbortSignal.timeout(5000) });
  assert.deepEqual(await read.json(), { id, name: 'lamp' });
  assert.equal((await post({})).status, 400);
});
