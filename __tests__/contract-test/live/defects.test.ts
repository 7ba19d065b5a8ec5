// The seeded-defect server: every defect is found, by the check that owns it, at the operation that has it, and
// nothing else is reported; with the defects switched off (and against the sample service and a Prism mock,
// both conformant) nothing is reported but the 405 warnings those two earn.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadLiveSpec, runLive, type LiveRun } from '../../../actions/contract-test/src/live/index.js';
import { freePort, waitForPort } from '../../harness/ports.js';
import { repoRoot } from '../../harness/runner.js';
import { DEFECTS, startDefectServer, type DefectServer } from './harness/defect-server.mjs';
import { compact, harnessSpec, MAX_RESPONSE_TIME_MS, NOISE_PROOF_MS, SECRETS, SLOW_MS } from './helpers.js';

const expected = Object.values(DEFECTS)
  .map(
    (d) =>
      `${d.check === 'unsupported-method' && d.operation === 'GET /catalog' ? 'warning' : 'error'} ${d.check} ${d.operation}`
  )
  .sort();

describe.each(['30', '31'] as const)('seeded defects, OAS %s', (version) => {
  let server: DefectServer;
  let run: LiveRun;
  beforeAll(async () => {
    server = await startDefectServer({ slowMs: SLOW_MS });
    run = await runLive({
      spec: await harnessSpec(version),
      baseUrl: server.url,
      auth: SECRETS,
      maxResponseTimeMs: MAX_RESPONSE_TIME_MS
    });
  });
  afterAll(() => server.close());

  it('finds each defect with the right check at the right operation, and nothing else', () => {
    expect(compact(run.result.failures)).toEqual(expected);
    expect(run.result.verdict).toBe('fail');
  });

  it('locates failures at the operation line of the spec', () => {
    const search = run.result.failures.find((f) => f.id === 'not-a-server-error')!;
    expect(search.location).toEqual({
      file: `defects.openapi${version}.yaml`,
      line: expect.any(Number),
      column: expect.any(Number)
    });
    expect(search.case).toMatch(/query\.q: length 10/);
    expect(search.exchange.request.url).toMatch(/\/api\/search\?q=\w{10}$/);
    expect(search.exchange.response?.status).toBe(500);
  });

  it('shows the steps of a stateful failure, create to the read after delete', () => {
    const failure = run.result.failures.find((f) => f.id === 'use-after-free')!;
    expect(failure.sequence?.map((s) => `${s.request.method} ${s.response?.status}`)).toEqual([
      'POST 201',
      'GET 200',
      'DELETE 204',
      'GET 200'
    ]);
  });

  it('sends boundary values: minLength 2 / maxLength 10 gives lengths 1, 2, 3, 9, 10 and 11', () => {
    const lengths = server.requests
      .filter((r) => r.url.startsWith('/api/search?q='))
      .map((r) => decodeURIComponent(r.url.slice('/api/search?q='.length)).length);
    expect([...new Set(lengths)].sort((a, b) => a - b)).toEqual(expect.arrayContaining([1, 2, 3, 9, 10, 11]));
  });

  it('reports coverage of operations, statuses and parameters', () => {
    const { coverage } = run.result;
    expect(coverage.operations).toEqual({ covered: coverage.operations.total, total: 37 });
    expect(coverage.parameters.covered).toBe(coverage.parameters.total);
    expect(coverage.statuses.covered).toBeGreaterThan(coverage.statuses.total / 2);
    expect(coverage.undocumented).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ method: 'POST', path: '/jobs', status: 200, reason: 'status' }),
        expect.objectContaining({ method: 'DELETE', path: '/ping', status: 200, reason: 'method' })
      ])
    );
  });
});

describe('the same server with every defect off', () => {
  it.each(['30', '31'] as const)('OAS %s: no failure at all', async (version) => {
    const server = await startDefectServer({ conformant: true });
    try {
      const run = await runLive({
        spec: await harnessSpec(version),
        baseUrl: server.url,
        auth: SECRETS,
        maxResponseTimeMs: NOISE_PROOF_MS,
        seed: 7
      });
      expect(compact(run.result.failures)).toEqual([]);
      expect(run.result.verdict).toBe('pass');
      expect(run.result.notes).toEqual([]);
      // Reads after create: widgets (OpenAPI link), gadgets, notes, folders (inferred id), uploads (Location only).
      const judged = (id: string) => run.result.checks.find((c) => c.id === id)?.evaluated;
      expect(judged('ensure-resource-availability')).toBe(5);
      expect(judged('use-after-free')).toBe(2);
      const uploads = server.requests.filter((r) => /^\/api\/uploads/.test(r.url)).map((r) => `${r.method} ${r.url}`);
      expect(uploads).toEqual(
        expect.arrayContaining(['POST /api/uploads', expect.stringMatching(/^GET \/api\/uploads\/\d+$/)])
      );
    } finally {
      await server.close();
    }
  });
});

async function child(
  command: string,
  args: string[],
  env: Record<string, string>
): Promise<{ process: ChildProcess; url: string }> {
  const port = await freePort();
  const processHandle = spawn(
    command,
    args.map((a) => a.replace('{port}', String(port))),
    { env: { ...process.env, ...env, PORT: String(port) }, stdio: 'ignore' }
  );
  // Prism takes seconds to start, more on a loaded machine.
  await waitForPort(port, 60_000);
  return { process: processHandle, url: `http://127.0.0.1:${port}` };
}

async function stop(handle: ChildProcess): Promise<void> {
  if (handle.exitCode !== null || handle.signalCode !== null) return;
  const exited = new Promise((done) => handle.once('exit', done));
  handle.kill('SIGTERM');
  await exited;
}

describe('conformant servers of the sample spec (OAS 3.1)', () => {
  const specFile = join(repoRoot, 'examples', 'service', 'openapi.yaml');
  // Both only refuse undocumented methods imperfectly (404; 405 without Allow): warnings, never errors.
  it('the sample service: no errors', async () => {
    const service = await child(process.execPath, [join(repoRoot, 'examples', 'service', 'server.mjs')], {});
    try {
      const spec = await loadLiveSpec(specFile, { workspace: repoRoot });
      const run = await runLive({ spec, baseUrl: service.url });
      expect(compact(run.result.failures)).toEqual([
        'warning unsupported-method GET /items',
        'warning unsupported-method GET /items/{id}',
        'warning unsupported-method GET /version'
      ]);
      expect(run.result.failures.every((f) => /answered 404; expected 405/.test(f.message))).toBe(true);
      expect(run.result.checks.find((c) => c.id === 'ensure-resource-availability')?.evaluated).toBe(1);
      expect(run.result.verdict).toBe('warn');
    } finally {
      await stop(service.process);
    }
  });

  it('a Prism mock of it: no errors', async () => {
    const prism = join(repoRoot, 'node_modules', '.bin', 'prism');
    if (!existsSync(prism)) throw new Error(`${prism} is missing: npm ci (devDependency @stoplight/prism-cli)`);
    const mock = await child(prism, ['mock', '-h', '127.0.0.1', '-p', '{port}', specFile], {});
    try {
      const spec = await loadLiveSpec(specFile, { workspace: repoRoot });
      const run = await runLive({ spec, baseUrl: mock.url });
      expect(compact(run.result.failures)).toEqual([
        'warning unsupported-method GET /items',
        'warning unsupported-method GET /items/{id}',
        'warning unsupported-method GET /version'
      ]);
      expect(run.result.failures.every((f) => /405 without the Allow header/.test(f.message))).toBe(true);
    } finally {
      await stop(mock.process);
    }
  }, 120_000);
});
