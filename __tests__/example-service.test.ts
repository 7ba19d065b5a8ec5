import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort, waitForPort } from './harness/ports.js';
import { repoRoot } from './harness/runner.js';

// The sample service is what the end-to-end tests and the demo pipeline deploy; keep it honest.
let child: ChildProcess;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  child = spawn(process.execPath, [join(repoRoot, 'examples/service/server.mjs')], {
    env: { ...process.env, PORT: String(port), STARTUP_DELAY_MS: '300', APP_VERSION: 'v-test' },
    stdio: 'ignore'
  });
  await waitForPort(port, 10_000);
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
});

describe('examples/service', () => {
  it('answers liveness at once and readiness only after its startup delay', async () => {
    const live = await fetch(`${base}/healthz`);
    expect(live.status).toBe(200);
    expect(live.headers.get('content-type')).toBe('application/health+json');
    await new Promise((r) => setTimeout(r, 400));
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'pass', version: 'v-test' });
  });

  it('creates and reads items and rejects bad bodies', async () => {
    const created = await fetch(`${base}/items`, { method: 'POST', body: JSON.stringify({ name: 'widget' }) });
    expect(created.status).toBe(201);
    const item = (await created.json()) as { id: number; name: string };
    expect(item.name).toBe('widget');
    expect(await (await fetch(`${base}/items/${item.id}`)).json()).toEqual(item);
    expect((await fetch(`${base}/items/99999`)).status).toBe(404);
    expect((await fetch(`${base}/items`, { method: 'POST', body: 'not json' })).status).toBe(400);
  });
});
