// dist/contract-test in live mode, as the runner runs it, against the seeded-defect server and its conformant
// twin: each defect found by its check at its operation's line, secrets masked, JUnit and replay files, the
// bundled CLI's replay verb, hooks only when named (never in pull_request_target), engine dredd, and the
// diff-aware order on a pull request (with the base spec run against the same server).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { reportSchemaProblems } from '../harness/report-schema.js';
import { repoRoot, runAction, type RunResult } from '../harness/runner.js';
import { parseXml } from '../shared/xml-reader.js';
import { DEFECTS, startDefectServer, type DefectServer } from './live/harness/defect-server.mjs';
import { HARNESS, MAX_RESPONSE_TIME_MS, NOISE_PROOF_MS, SLOW_MS } from './live/helpers.js';

const SPEC = readFileSync(join(HARNESS, 'defects.openapi30.yaml'), 'utf8');
const AUTH = {
  'auth-bearer': 'tok-123',
  'auth-basic': 'alice:s3cret',
  'auth-api-key': 'key-456',
  'auth-schemes': '{"apiKeyCookie": "key-456"}'
};
const SECRET_FORMS = ['tok-123', 's3cret', 'alice:s3cret', Buffer.from('alice:s3cret').toString('base64'), 'key-456'];

let broken: DefectServer;
let fixed: DefectServer;
let workspace: string;

beforeAll(async () => {
  broken = await startDefectServer({ slowMs: SLOW_MS });
  fixed = await startDefectServer({ conformant: true });
  workspace = mkdtempSync(join(tmpdir(), 'ubos-ct-live-'));
  writeFileSync(join(workspace, 'openapi.yaml'), SPEC);
});
afterAll(async () => {
  await broken.close();
  await fixed.close();
  rmSync(workspace, { recursive: true, force: true });
});

interface LiveFailureJson {
  id: string;
  level: string;
  operation: { method: string; path: string };
  location?: { file: string; line: number };
  changed: boolean;
  baseSpec?: boolean;
}

function envelope(result: RunResult) {
  const json = JSON.parse(result.outputs['result-json']!);
  expect(reportSchemaProblems(json)).toEqual([]);
  return json as {
    liveFailures: LiveFailureJson[];
    specs: { live?: Record<string, unknown> }[];
    counts: Record<string, number>;
  };
}

function live(inputs: Record<string, string>, options: { workspace?: string; event?: string } = {}) {
  return runAction('contract-test', {
    workspace: options.workspace ?? workspace,
    inputs: { spec: 'openapi.yaml', mode: 'live', comment: 'false', ...inputs },
    event: { name: options.event ?? 'push', payload: {} },
    timeoutMs: 120_000
  });
}

/** The lines of each path item of the spec: [first, last] by path template. */
function pathBlocks(text: string): Map<string, [number, number]> {
  const lines = text.split('\n');
  const starts = lines.flatMap((line, i) =>
    /^ {2}\/\S*:$/.test(line) ? [[line.trim().slice(0, -1), i + 1] as const] : []
  );
  const end = lines.findIndex((line) => /^components:/.test(line));
  return new Map(starts.map(([path, line], i) => [path, [line, starts[i + 1]?.[1] ?? end] as [number, number]]));
}

describe('contract-test action, mode live', () => {
  let result: RunResult;
  beforeAll(async () => {
    result = await live({
      'base-url': broken.url,
      ...AUTH,
      'max-response-time': `${MAX_RESPONSE_TIME_MS}ms`,
      'junit-file': 'reports/live.xml',
      'replay-file': 'reports/replay.ndjson'
    });
  }, 120_000);

  it('finds each seeded defect with its check at its operation, and nothing else', () => {
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(1);
    const report = envelope(result);
    const expected = Object.values(DEFECTS)
      .map(
        (d) =>
          `${d.check === 'unsupported-method' && d.operation === 'GET /catalog' ? 'warning' : 'error'} ${d.check} ${d.operation}`
      )
      .sort();
    expect(
      report.liveFailures.map((f) => `${f.level} ${f.id} ${f.operation.method} ${f.operation.path}`).sort()
    ).toEqual(expected);
    expect(result.outputs['live-failures']).toBe(String(expected.length));
    expect(result.outputs.verdict).toBe('fail');
    const coverage = JSON.parse(result.outputs.coverage!);
    expect(coverage.operations).toEqual({ covered: 37, total: 37 });
    expect(coverage.specs).toEqual([expect.objectContaining({ spec: 'openapi.yaml' })]);
  });

  it('annotates each failure at its operation in the spec, errors first', () => {
    const blocks = pathBlocks(SPEC);
    const live = result.annotations.filter((a) => a.title?.startsWith('live '));
    expect(live).toHaveLength(Object.keys(DEFECTS).length);
    for (const annotation of live) {
      const path = /^[A-Z]+ (\S+):/.exec(annotation.message)![1]!;
      const [first, last] = blocks.get(path)!;
      expect(annotation.file).toBe('openapi.yaml');
      expect(annotation.startLine).toBeGreaterThan(first);
      expect(annotation.startLine).toBeLessThan(last);
    }
    const levels = live.map((a) => a.level);
    expect(levels.indexOf('warning')).toBeGreaterThan(levels.lastIndexOf('error'));
    expect(result.summary).toContain('GitHub shows at most 10 error');
  });

  it('shows each failure with its request and response in a collapsed block, and the coverage', () => {
    expect(result.summary).toMatch(
      /^## Contract test · `openapi\.yaml`\n\n❌ \*\*Contract check failed: 16 live failures, 1 live warning\*\*/
    );
    expect(result.summary).toContain('### Live failures (17)');
    expect(result.summary).toMatch(
      /- ❌ `GET \/search` `not-a-server-error` at `openapi\.yaml:\d+`: .*\n {2}<details><summary>request and response<\/summary>\n[ \n]*```http\n {2}GET \/api\/search\?q=\w+ HTTP\/1\.1/
    );
    expect(result.summary).toContain('<summary>Live coverage (3)</summary>');
    expect(result.summary).toContain('| operations | 37 | 37 | 100% |');
    expect(result.summary).toContain('<summary>requests and responses</summary>');
  });

  it('masks every secret input and never prints one', () => {
    for (const secret of SECRET_FORMS) expect(result.masked).toContain(secret);
    const printed = result.stdout.replace(/^::add-mask::.*$/gm, '');
    for (const secret of SECRET_FORMS) {
      expect(printed).not.toContain(secret);
      expect(result.summary).not.toContain(secret);
      expect(result.outputs['result-json']).not.toContain(secret);
    }
    // Credentials were sent: the secured operations answered.
    expect(broken.requests.some((r) => r.headers.authorization === 'Bearer tok-123')).toBe(true);
  });

  it('writes JUnit (one case per operation and check) and the replay file', () => {
    const junit = parseXml(readFileSync(join(workspace, 'reports/live.xml'), 'utf8'));
    const failed = junit.children
      .flatMap((s) => s.children)
      .filter((c) => c.children.some((e) => e.name === 'failure'));
    expect(failed).toHaveLength(16);
    expect(failed.every((c) => c.attributes.file === 'openapi.yaml' && Number(c.attributes.line) > 0)).toBe(true);
    const replay = readFileSync(join(workspace, 'reports/replay.ndjson'), 'utf8');
    expect(replay.trim().split('\n')).toHaveLength(1 + Object.keys(DEFECTS).length);
    for (const secret of SECRET_FORMS.filter((s) => s !== 'alice:s3cret')) expect(replay).not.toContain(secret);
  });

  it('the bundled CLI replays the file: failing against the same server, passing against a fixed one', async () => {
    const cli = (url: string) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
        const child = spawn(
          process.execPath,
          [join(repoRoot, 'dist/cli/index.js'), 'contract-test', 'replay', 'reports/replay.ndjson', '--base-url', url],
          {
            cwd: workspace,
            env: {
              ...process.env,
              CONTRACT_TEST_AUTH_BEARER: 'tok-123',
              CONTRACT_TEST_AUTH_BASIC: 'alice:s3cret',
              CONTRACT_TEST_AUTH_API_KEY: 'key-456'
            }
          }
        );
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (status) => done({ status, stdout, stderr }));
      });
    const again = await cli(broken.url);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(1);
    expect(again.stdout).toMatch(/^contract-test replay: FAIL {2}\d+ still failing/);
    const ok = await cli(fixed.url);
    expect(ok.status).toBe(0);
  }, 60_000);
});

describe('contract-test action, mode live on a conformant server', () => {
  it('reports no failure, and the coverage', async () => {
    const result = await live({
      'base-url': fixed.url,
      ...AUTH,
      'max-response-time': `${NOISE_PROOF_MS}ms`,
      seed: '7'
    });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(envelope(result).liveFailures).toEqual([]);
    expect(result.outputs['live-failures']).toBe('0');
    expect(result.summary).toContain('✅ **Contract check passed: 0 live failures**');
    expect(JSON.parse(result.outputs.coverage!).operations).toEqual({ covered: 37, total: 37 });
  }, 120_000);
});

describe('hooks', () => {
  let dir: string;
  const marker = () => join(dir, 'hook-ran');
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ubos-ct-hooks-'));
    writeFileSync(join(dir, 'openapi.yaml'), SPEC);
    // A hooks file in the repository, and a dredd.yml that names it: neither runs unless the workflow says so.
    writeFileSync(
      join(dir, 'hooks.mjs'),
      `import { writeFileSync } from 'node:fs';\nexport default (hooks) => {\n  hooks.beforeAll(() => writeFileSync(${JSON.stringify(marker())}, 'yes'));\n  hooks.before('GET /version', (t) => { t.request.headers['x-hooked'] = '1'; });\n};\n`
    );
    writeFileSync(
      join(dir, 'hooks.cjs'),
      `const hooks = require('hooks');\nhooks.beforeAll((t, done) => { require('fs').writeFileSync(${JSON.stringify(marker())}, 'dredd'); done(); });\n`
    );
    writeFileSync(join(dir, 'dredd.yml'), 'language: nodejs\nhookfiles: ./hooks.cjs\n');
    symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are not run unless the hooks input names them, with either engine', async () => {
    const ours = await live({ 'base-url': fixed.url, ...AUTH, budget: '60' }, { workspace: dir });
    expect(ours.exitCode).toBe(0);
    const dredd = await live(
      { 'base-url': fixed.url, ...AUTH, engine: 'dredd', 'dredd-config': 'dredd.yml', 'replay-file': 'r.ndjson' },
      { workspace: dir }
    );
    expect(dredd.stderr).toBe('');
    expect(envelope(dredd).specs[0]!.live).toMatchObject({ engine: 'dredd' });
    expect(dredd.log).toContain('No replay file written: the dredd engine does not record exchanges for replay');
    expect(existsSync(marker())).toBe(false);
  }, 120_000);

  it('are refused in pull_request_target runs, with one line', async () => {
    const result = await live(
      { 'base-url': fixed.url, hooks: 'hooks.mjs' },
      { workspace: dir, event: 'pull_request_target' }
    );
    expect(result.exitCode).toBe(1);
    const errors = result.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^Input "hooks": a hooks file is never run in pull_request_target runs/);
    expect(existsSync(marker())).toBe(false);
  });

  it('run when named', async () => {
    fixed.reset();
    const result = await live({ 'base-url': fixed.url, ...AUTH, hooks: 'hooks.mjs', budget: '60' }, { workspace: dir });
    expect(result.exitCode).toBe(0);
    expect(readFileSync(marker(), 'utf8')).toBe('yes');
    expect(fixed.requests.some((r) => r.url === '/api/version' && r.headers['x-hooked'] === '1')).toBe(true);
  }, 60_000);
});

describe('diff-aware on a pull request', () => {
  let origin: string;
  let clone: string;
  let server: DefectServer;
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@e',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@e'
      }
    });

  beforeAll(async () => {
    server = await startDefectServer({ defects: ['extra-enum-value', 'accepts-invalid-data', 'wrong-content-type'] });
    origin = mkdtempSync(join(tmpdir(), 'ubos-ct-live-origin-'));
    git(origin, 'init', '-q', '-b', 'main');
    // The base promised `remaining` in /quota; the head drops it (the server no longer sends it), and changes
    // GET /orders and POST /signups compatibly.
    const base = parse(SPEC);
    const quota = base.paths['/quota'].get.responses['200'].content['application/json'].schema;
    quota.required = ['limit', 'remaining'];
    quota.properties.remaining = { type: 'integer' };
    writeFileSync(join(origin, 'openapi.yaml'), stringify(base));
    git(origin, 'add', '.');
    git(origin, 'commit', '-q', '-m', 'base');
    git(origin, 'checkout', '-q', '-b', 'feature');
    const head = parse(SPEC);
    head.paths['/orders'].get.description = 'Orders, newest first.';
    head.paths['/orders'].get.parameters = [
      ...(head.paths['/orders'].get.parameters ?? []),
      { name: 'since', in: 'query', required: false, schema: { type: 'string' } }
    ];
    head.paths['/signups'].post.deprecated = true;
    writeFileSync(join(origin, 'openapi.yaml'), stringify(head));
    git(origin, 'commit', '-q', '-am', 'feature');
    clone = mkdtempSync(join(tmpdir(), 'ubos-ct-live-clone-'));
    git(tmpdir(), 'clone', '-q', '--depth=1', '--branch', 'feature', `file://${origin}`, clone);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    rmSync(origin, { recursive: true, force: true });
    rmSync(clone, { recursive: true, force: true });
  });

  it('tests the changed operations first, reports them apart, and runs the base spec too', async () => {
    server.reset();
    const result = await runAction('contract-test', {
      workspace: clone,
      inputs: {
        spec: 'openapi.yaml',
        mode: 'diff, live',
        'base-url': server.url,
        ...AUTH,
        'live-against-base': 'true',
        comment: 'false'
      },
      event: { name: 'pull_request', payload: { pull_request: { number: 3, base: { ref: 'main' } } } },
      env: { GITHUB_BASE_REF: 'main' },
      timeoutMs: 120_000
    });
    expect(result.stderr).toBe('');
    const report = envelope(result);
    const changed = new Set(['/orders', '/signups', '/quota']);
    const paths = server.requests.map((r) => r.url.split('?')[0]!.replace(/^\/api/, ''));
    const firstOther = paths.findIndex((p) => !changed.has(p));
    expect(firstOther).toBeGreaterThan(0);
    expect(paths.slice(0, firstOther).every((p) => changed.has(p))).toBe(true);
    const head = report.liveFailures.filter((f) => !f.baseSpec);
    expect(head.map((f) => [f.operation.path, f.changed])).toEqual([
      ['/orders', true],
      ['/signups', true],
      ['/version', false]
    ]);
    expect(result.summary).toContain('### Live failures at changed operations (2)');
    expect(result.summary).toContain('### Live failures at other operations (1)');
    expect(result.summary).toContain('Changed operations, tested first: 3 (2 with failures).');
    // The diff reports the removed property; running the base spec shows the server really stopped sending it
    // (old clients break), annotated in the head file.
    expect(report.counts.breaking).toBeGreaterThan(0);
    const base = report.liveFailures.filter((f) => f.baseSpec);
    expect(base.map((f) => `${f.id} ${f.operation.path}`)).toContain('response-schema-conformance /quota');
    expect(base.every((f) => f.location?.file === 'openapi.yaml')).toBe(true);
    expect(result.summary).toContain('Live failures of the base spec against the same server');
    expect(result.exitCode).toBe(1);
  }, 120_000);
});

describe('bad live inputs are one line', () => {
  it.each([
    [{ mode: 'lint, dif' }, /^Input "mode" must be a list of lint, diff, live; got "dif" \(did you mean "diff"\?\)$/],
    [{ mode: 'live' }, /^Input "base-url" is required when mode includes live/],
    [{ 'base-url': 'http://127.0.0.1:9' }, /^cannot reach http:\/\/127\.0\.0\.1:9\/api: connection refused/],
    [{ 'base-url': 'localhost:8080' }, /^Input "base-url" must be an http or https URL/],
    [{ 'base-url': 'http://127.0.0.1:9', checks: 'not-a-check' }, /^Input "checks": unknown live check "not-a-check"/],
    [{ 'base-url': 'http://127.0.0.1:9', 'auth-schemes': '{oops' }, /^Input "auth-schemes" must be a JSON object/]
  ])('%j', async (inputs, message) => {
    const result = await live(inputs);
    expect(result.exitCode).toBe(1);
    const errors = result.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(message);
    expect(result.stdout).not.toMatch(/^\s+at /m);
  });
});
