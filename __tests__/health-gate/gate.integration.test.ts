import { afterEach, describe, expect, it } from '@jest/globals';
import { loadGateConfig } from '../../actions/health-gate/src/config.js';
import { runGate } from '../../actions/health-gate/src/gate.js';
import { probes } from '../../actions/health-gate/src/probes.js';
import { startFaultServer, type FaultServer } from '../harness/fault-server.js';
import { freePort } from '../harness/ports.js';
import { createTestDatabase, testCluster } from '../harness/postgres.js';
import { startRedis, type RedisServer } from '../harness/redis.js';
import net from 'node:net';

// The scheduler with the real probes against real servers that misbehave in the ways deployments do.
const started: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
});

async function faultServer(port?: number): Promise<FaultServer> {
  const server = await startFaultServer(port ? { port } : {});
  started.push(server);
  return server;
}

function gate(checksYaml: string, deadline = '10s') {
  const config = loadGateConfig({
    checksText: `deadline: ${deadline}\ndefaults: { interval: 100ms, timeout: 1s }\nchecks:\n${checksYaml}`,
    timing: {},
    env: {},
    cwd: process.cwd(),
    readFile: () => ''
  });
  return runGate({
    checks: config.checks,
    deadlineMs: config.deadlineMs,
    probes,
    cwd: process.cwd(),
    secrets: config.secrets
  });
}

describe('health gate against real servers', () => {
  it('waits through connection refused until the server comes up', async () => {
    const port = await freePort();
    setTimeout(() => {
      void faultServer(port).then((s) => s.setRoute('/readyz', { status: 200, body: 'ok' }));
    }, 500);
    const report = await gate(`  - { name: api, type: http, url: "http://127.0.0.1:${port}/readyz" }`);
    expect(report.verdict).toBe('pass');
    expect(report.checks[0].attempts).toBeGreaterThan(2);
    expect(report.checks[0].lastError).toMatch(/refused/);
    // The refused attempts prove it waited; how long after the gate started the server came up depends on how
    // busy the machine was while the gate read its config, so no exact bound.
    expect(report.checks[0].timeToGreenMs).toBeGreaterThan(0);
  });

  it('needs three passes in a row from a flapping endpoint', async () => {
    const server = await faultServer();
    server.setRoute('/readyz', { type: 'statuses', statuses: [200, 500, 200, 500, 200, 200, 200], body: 'x' });
    const report = await gate(`  - { name: api, type: http, url: "${server.url}/readyz", success-threshold: 3 }`);
    expect(report.verdict).toBe('pass');
    expect(report.checks[0].attempts).toBe(7);
    expect(report.checks[0].history.map((a) => a.status).join(',')).toBe('pass,fail,pass,fail,pass,pass,pass');
  });

  it('fails slow responses at the timeout and ends within the deadline plus one timeout', async () => {
    const server = await faultServer();
    server.setRoute('/slow', { status: 200, body: 'late', delayMs: 2_000 });
    const report = await gate(`  - { name: slow, type: http, url: "${server.url}/slow", timeout: 300ms }`, '1s');
    expect(report.verdict).toBe('fail');
    expect(report.durationMs).toBeLessThan(1_000 + 300 + 150);
    expect(report.checks[0].lastError).toMatch(/within 300ms|timed out|aborted/);
    expect(report.failedChecks).toEqual(['slow']);
  });

  it('counts a reset in the middle of the response as a failure', async () => {
    const server = await faultServer();
    server.setRoute('/reset', { type: 'reset-mid-response', status: 200, partialBody: '{"status":' });
    const report = await gate(`  - { name: api, type: http, url: "${server.url}/reset", failure-threshold: 2 }`);
    expect(report.verdict).toBe('fail');
    expect(report.checks[0].lastError).toMatch(/reset/);
  });

  it('fails on health+json fail and passes with verdict warn on health+json warn', async () => {
    const server = await faultServer();
    const health = (status: string) => ({
      status: status === 'fail' ? 503 : 200,
      headers: { 'content-type': 'application/health+json' },
      body: JSON.stringify({ status, checks: { 'db:responseTime': [{ status, output: `db ${status}` }] } })
    });
    server.setRoute('/warn', health('warn'));
    server.setRoute('/fail', health('fail'));
    const warned = await gate(`  - { name: api, type: http, url: "${server.url}/warn" }`);
    expect(warned.verdict).toBe('warn');
    const failed = await gate(`  - { name: api, type: http, url: "${server.url}/fail", failure-threshold: 1 }`);
    expect(failed.verdict).toBe('fail');
    expect(failed.checks[0].lastError).toMatch(/db:responseTime/);
  });

  it('waits for Redis to come up, with AUTH', async () => {
    const port = await freePort();
    let redis: RedisServer | undefined;
    const starting = new Promise<void>((done) =>
      setTimeout(async () => {
        redis = await startRedis({ password: 'pw-1', port });
        done();
      }, 400)
    );
    try {
      const report = await gate(`  - { name: cache, type: redis, url: "redis://:pw-1@127.0.0.1:${port}" }`);
      expect(report.verdict).toBe('pass');
      expect(report.checks[0].attempts).toBeGreaterThan(1);
      expect(JSON.stringify(report)).not.toContain('pw-1');
    } finally {
      await starting;
      await redis?.stop();
    }
  });

  it('waits for PostgreSQL to come up', async () => {
    // The shared cluster stays up; a TCP relay to it opens on the gate's port only after a delay.
    const db = await createTestDatabase('gate_pg_up');
    const cluster = testCluster();
    const port = await freePort();
    const sockets = new Set<net.Socket>();
    const relay = net.createServer((client) => {
      const upstream = net.connect(cluster.port, cluster.host);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    const opened = new Promise<void>((done) => setTimeout(() => relay.listen(port, '127.0.0.1', () => done()), 500));
    try {
      const url = db.connectionString.replace(`:${cluster.port}/`, `:${port}/`);
      const report = await gate(
        `  - { name: db, type: postgres, connection-string: "${url}", query: "select 41 + 1", expect: "42" }`
      );
      expect(report.verdict).toBe('pass');
      expect(report.checks[0].attempts).toBeGreaterThan(1);
      expect(report.checks[0].lastError).toMatch(/refused/);
    } finally {
      await opened;
      for (const s of sockets) s.destroy();
      await new Promise((done) => relay.close(done));
      await db.drop();
    }
  });
});
