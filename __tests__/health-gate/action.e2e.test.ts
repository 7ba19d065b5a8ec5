import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFaultServer, type FaultServer } from '../harness/fault-server.js';
import { freePort } from '../harness/ports.js';
import { createTestDatabase, runSql, type TestDatabase } from '../harness/postgres.js';
import { startRedis, type RedisServer } from '../harness/redis.js';
import { repoRoot, runAction, type RunResult } from '../harness/runner.js';

// dist/health-gate run the way the GitHub runner runs it, against real PostgreSQL, Redis and HTTP servers.
const PG_PASSWORD = 'pg-Secret-4711';
const REDIS_PASSWORD = 'redis-Secret-0815';
const TOKEN = 'tok-Secret-2342';

let http: FaultServer;
let redis: RedisServer;
let db: TestDatabase;
let workspace: string;

beforeAll(async () => {
  http = await startFaultServer();
  redis = await startRedis({ password: REDIS_PASSWORD });
  db = await createTestDatabase('health_gate_e2e');
  // golang-migrate's table: one row with the latest version and a dirty flag.
  await runSql(
    db.connectionString,
    'CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL); INSERT INTO schema_migrations VALUES (2, false);'
  );
  workspace = mkdtempSync(join(tmpdir(), 'ubos-hg-e2e-'));
  mkdirSync(join(workspace, 'migrations'));
  for (const file of ['000001_init.up.sql', '000001_init.down.sql', '000002_items.up.sql', '000002_items.down.sql']) {
    writeFileSync(join(workspace, 'migrations', file), 'SELECT 1;\n');
  }
}, 60_000);

afterAll(async () => {
  await http?.stop();
  await redis?.stop();
  await db?.drop();
  rmSync(workspace, { recursive: true, force: true });
});

/** The password as it reaches the database: trust auth accepts any, so the URL can carry a secret to leak. */
function pgUrl(): string {
  return db.connectionString.replace('postgresql://postgres@', `postgresql://postgres:${PG_PASSWORD}@`);
}

function expectNoLeak(result: RunResult, ...secrets: string[]): void {
  const visible = result.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  for (const secret of secrets) {
    expect(visible).not.toContain(secret);
    expect(result.stderr).not.toContain(secret);
    expect(result.summary).not.toContain(secret);
    expect(JSON.stringify(result.outputs)).not.toContain(secret);
    expect(result.masked).toContain(secret);
  }
}

describe('health-gate action', () => {
  it('passes in simple mode once the endpoint turns healthy', async () => {
    http.setRoute('/readyz', { type: 'statuses', statuses: [503, 503, 503, 200], body: 'ok' });
    const result = await runAction('health-gate', {
      workspace,
      inputs: { url: `${http.url}/readyz`, interval: '100ms', timeout: '1s', deadline: '10s' }
    });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.nodeVersion).toMatch(/^v24\./);
    expect(result.outputs.verdict).toBe('pass');
    expect(result.outputs['failed-checks']).toBe('');
    const report = JSON.parse(result.outputs['result-json']);
    expect(report.checks[0]).toMatchObject({ name: 'url', verdict: 'pass', attempts: 4 });
    expect(result.summary).toContain('Health gate passed: 1/1 checks healthy');
    expect(result.summary).toContain('<details>');
  });

  it('passes a full gate over HTTP health+json, PostgreSQL with migrations, Redis and TCP without leaking secrets', async () => {
    http.setRoute('/health', {
      status: 200,
      headers: { 'content-type': 'application/health+json' },
      body: JSON.stringify({ status: 'pass', checks: { 'db:responseTime': [{ status: 'pass', observedValue: 3 }] } })
    });
    const checks = [
      `- name: api`,
      `  type: http`,
      `  role: startup`,
      `  url: ${http.url}/health`,
      `  headers: { Authorization: "Bearer ${TOKEN}" }`,
      `  json: ['$.status == "pass"']`,
      `- name: db`,
      `  type: postgres`,
      `  connection-string: ${pgUrl()}`,
      `  query: SELECT count(*) FROM schema_migrations`,
      `  expect: "1"`,
      `  migrations: { dir: migrations }`,
      `- name: cache`,
      `  type: redis`,
      `  url: redis://:${REDIS_PASSWORD}@127.0.0.1:${redis.port}`,
      `  expect-role: master`,
      `- name: port`,
      `  type: tcp`,
      `  host: 127.0.0.1`,
      `  port: ${redis.port}`
    ].join('\n');
    const result = await runAction('health-gate', {
      workspace,
      inputs: { checks, interval: '200ms', deadline: '20s' }
    });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.outputs.verdict).toBe('pass');
    const report = JSON.parse(result.outputs['result-json']);
    expect(report.checks.map((c: { name: string; verdict: string }) => [c.name, c.verdict])).toEqual([
      ['api', 'pass'],
      ['db', 'pass'],
      ['cache', 'pass'],
      ['port', 'pass']
    ]);
    expect(http.requestsTo('/health')[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
    expectNoLeak(result, PG_PASSWORD, REDIS_PASSWORD, TOKEN);
  });

  it('fails with the missing migration named, annotations and the failed checks listed', async () => {
    writeFileSync(join(workspace, 'migrations', '000003_more.up.sql'), 'SELECT 1;\n');
    try {
      const config = [
        'deadline: 3s',
        'checks:',
        '  - name: db',
        '    type: postgres',
        '    connection-string: ${DB_URL}',
        '    migrations: { dir: migrations }',
        '    failure-threshold: 2',
        '    interval: 100ms'
      ].join('\n');
      writeFileSync(join(workspace, 'gate.yml'), config);
      const result = await runAction('health-gate', {
        workspace,
        inputs: { config: 'gate.yml' },
        env: { DB_URL: pgUrl() }
      });
      expect(result.exitCode).toBe(1);
      expect(result.outputs.verdict).toBe('fail');
      expect(result.outputs['failed-checks']).toBe('db');
      const errors = result.annotations.filter((a) => a.level === 'error');
      const dbError = errors.find((a) => a.title === 'Health check db failed');
      expect(dbError?.message).toContain('000003_more.up.sql');
      // Annotated where the check is written in the config file (line 3: "  - name: db").
      expect(dbError).toMatchObject({ file: 'gate.yml', startLine: 3 });
      expect(result.summary).toContain('Health gate failed: db');
      expectNoLeak(result, PG_PASSWORD);
    } finally {
      rmSync(join(workspace, 'migrations', '000003_more.up.sql'));
    }
  });

  it('fails within the deadline plus one timeout when nothing listens', async () => {
    const port = await freePort();
    const started = Date.now();
    const result = await runAction('health-gate', {
      workspace,
      inputs: { url: `http://127.0.0.1:${port}/readyz`, interval: '200ms', timeout: '500ms', deadline: '2s' }
    });
    const took = Date.now() - started;
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ verdict: 'fail', 'failed-checks': 'url' });
    expect(took).toBeLessThan(2_000 + 500 + 1_500); // deadline + one timeout + process start-up
    const report = JSON.parse(result.outputs['result-json']);
    expect(report.checks[0].lastError).toMatch(/refused/i);
  });

  it('fails an HTML error page served with 200 on its JSON assertion', async () => {
    http.setRoute('/status', { type: 'wrong-content-type' });
    const checks = `- { name: api, type: http, url: "${http.url}/status", json: ['$.status == "pass"'], failure-threshold: 2, interval: 100ms }`;
    const result = await runAction('health-gate', { workspace, inputs: { checks, deadline: '5s' } });
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.outputs['result-json']).checks[0].lastError).toMatch(/not JSON/);
  });

  it.each([
    [{ url: 'http://127.0.0.1:1/', interval: '5' }, /interval/],
    [{ checks: '- { type: http, url: "http://a", bogus: 1 }' }, /unknown key "bogus"/],
    [{ config: 'missing.yml' }, /cannot read missing.yml/],
    [{ url: 'http://127.0.0.1:1/', 'fail-on-warn': 'maybe' }, /fail-on-warn/],
    [{}, /no checks/]
  ])('fails on bad input %j with one clear error line', async (inputs, message) => {
    const result = await runAction('health-gate', { workspace, inputs: inputs as Record<string, string> });
    expect(result.exitCode).toBe(1);
    const errors = result.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(message);
    expect(errors[0].message).not.toContain('\n');
    expect(result.stdout).not.toMatch(/^\s+at /m);
  });
});

describe('ubos-actions health-gate (bundled CLI)', () => {
  // Asynchronous: the fault server lives in this process and must keep answering while the CLI runs.
  const cli = (args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((done, fail) => {
      const child = spawn(process.execPath, [join(repoRoot, 'dist/cli/index.js'), 'health-gate', ...args], {
        cwd: workspace
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', fail);
      child.on('close', (status) => done({ status, stdout, stderr }));
    });

  it('exits 0 with a JSON report when the gate passes and 1 when it fails', async () => {
    http.setRoute('/cli', { status: 200, body: 'ok' });
    const passed = await cli(['--url', `${http.url}/cli`, '--format', 'json']);
    expect(passed.status).toBe(0);
    expect(JSON.parse(passed.stdout)).toMatchObject({ verdict: 'pass', failedChecks: [] });
    http.setRoute('/cli', { status: 500, body: 'boom' });
    const failed = await cli(['--url', `${http.url}/cli`, '--interval', '100ms', '--failure-threshold', '2']);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toMatch(/^Health gate failed: url/);
  });

  it('exits 2 with one line on a bad flag or config', async () => {
    const bad = await cli(['--url', 'http://127.0.0.1:1/', '--deadline', 'later']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--deadline/);
  });
});
