// `contract-test live` and `contract-test replay` as the CLI runs them: flags, secrets from the environment,
// exit codes, report files (JUnit well-formed, JSON envelope, markdown, replay).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authFromEnv, runLiveCommand, runReplayCommand } from '../../../actions/contract-test/src/cli-live.js';
import { repoRoot } from '../../harness/runner.js';
import { parseXml } from '../../shared/xml-reader.js';
import { startDefectServer, type DefectServer } from './harness/defect-server.mjs';
import { HARNESS } from './helpers.js';

let broken: DefectServer;
let fixed: DefectServer;
let work: string;
const env = {
  CONTRACT_TEST_AUTH_BEARER: 'tok-123',
  CONTRACT_TEST_AUTH_BASIC: 'alice:s3cret',
  CONTRACT_TEST_AUTH_API_KEY: 'key-456'
};

beforeAll(async () => {
  broken = await startDefectServer({ defects: ['missing-required-property', 'ignores-auth', 'delete-keeps-resource'] });
  fixed = await startDefectServer({ conformant: true });
  work = mkdtempSync(join(tmpdir(), 'ubos-live-cli-'));
  copyFileSync(join(HARNESS, 'defects.openapi30.yaml'), join(work, 'openapi.yaml'));
  // engine dredd looks for the workspace's node_modules/.bin/dredd.
  symlinkSync(join(repoRoot, 'node_modules'), join(work, 'node_modules'));
});
afterAll(async () => {
  await broken.close();
  await fixed.close();
  rmSync(work, { recursive: true, force: true });
});

function io() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), cwd: work } };
}

describe('contract-test live', () => {
  it('exits 1 on failures and writes JUnit, JSON, replay; stdout in the requested format', async () => {
    const { out, io: cli } = io();
    const code = await runLiveCommand(
      [
        'openapi.yaml',
        '--base-url',
        broken.url,
        '--format',
        'json',
        '--junit-file',
        'junit.xml',
        '--replay-file',
        'replay.ndjson',
        '--report-file',
        'report.json',
        '--seed',
        '9'
      ],
      cli,
      { env, version: '1.2.3' }
    );
    expect(code).toBe(1);
    const report = JSON.parse(out.stdout) as Record<string, unknown> & {
      counts: Record<string, number>;
      failures: { id: string }[];
    };
    expect(report).toMatchObject({
      tool: 'contract-test',
      version: '1.2.3',
      verdict: 'fail',
      mode: 'live',
      seed: 9,
      engine: 'ubos'
    });
    expect(report.counts).toMatchObject({ error: 3, warning: 0, notice: 0 });
    expect(report.failures.map((f) => f.id).sort()).toEqual([
      'ignored-auth',
      'response-schema-conformance',
      'use-after-free'
    ]);
    expect(JSON.parse(readFileSync(join(work, 'report.json'), 'utf8'))).toEqual(report);
    const junit = parseXml(readFileSync(join(work, 'junit.xml'), 'utf8'));
    expect(junit.name).toBe('testsuites');
    expect(junit.attributes.failures).toBe('3');
    const failed = junit.children
      .flatMap((s) => s.children)
      .filter((c) => c.children.some((e) => e.name === 'failure'));
    expect(failed.map((c) => `${c.attributes.classname} ${c.attributes.name}`).sort()).toEqual([
      'DELETE /gadgets/{gadgetId} use-after-free',
      'GET /admin/stats ignored-auth',
      'GET /profile response-schema-conformance'
    ]);
    expect(failed.every((c) => c.attributes.file === 'openapi.yaml' && Number(c.attributes.line) > 0)).toBe(true);
    expect(readFileSync(join(work, 'replay.ndjson'), 'utf8').trim().split('\n')).toHaveLength(4);
    expect(out.stderr).toMatch(/examples: \d+ requests/);
  });

  it('exits 0 on a conformant server; markdown and text read well', async () => {
    const markdown = io();
    expect(
      await runLiveCommand(['openapi.yaml', '--base-url', fixed.url, '--format', 'markdown'], markdown.io, { env })
    ).toBe(0);
    expect(markdown.out.stdout).toMatch(/^✅ \*\*Contract test \(live\): openapi\.yaml: no failures\*\*/);
    expect(markdown.out.stdout).toContain('| operations | 37 | 37 | 100% |');
    const text = io();
    expect(await runLiveCommand(['openapi.yaml', '--base-url', broken.url], text.io, { env })).toBe(1);
    expect(text.out.stdout).toMatch(/^contract-test live \(ubos\): FAIL {2}3 errors, 0 warnings/);
    expect(text.out.stdout).toMatch(
      /GET \/profile \(openapi\.yaml:\d+\)\n {2}error {3}response-schema-conformance: body does not match/
    );
  });

  it('replay: exits 1 while the failures last, 0 once fixed', async () => {
    const broke = io();
    expect(await runReplayCommand(['replay.ndjson', '--base-url', broken.url], broke.io, { env })).toBe(1);
    expect(broke.out.stdout).toMatch(/^contract-test replay: FAIL {2}3 still failing, 0 passing/);
    const good = io();
    expect(
      await runReplayCommand(['replay.ndjson', '--base-url', fixed.url, '--format', 'json'], good.io, { env })
    ).toBe(0);
    expect(JSON.parse(good.out.stdout)).toMatchObject({
      verdict: 'pass',
      mode: 'replay',
      counts: { passing: 3, failing: 0 }
    });
  });

  it('engine dredd through the CLI', async () => {
    const { out, io: cli } = io();
    const code = await runLiveCommand(
      [
        'openapi.yaml',
        '--base-url',
        broken.url,
        '--engine',
        'dredd',
        '--format',
        'json',
        '--replay-file',
        'none.ndjson'
      ],
      cli,
      { env }
    );
    expect(code).toBe(1);
    const report = JSON.parse(out.stdout) as {
      engine: string;
      failures: { id: string; operation: { path: string } }[];
    };
    expect(report.engine).toBe('dredd');
    expect(report.failures.some((f) => f.operation.path === '/profile' && f.id === 'response-schema-conformance')).toBe(
      true
    );
    expect(out.stderr).toContain('no replay file: the dredd engine does not record exchanges for replay');
  });

  it('bad usage is a one-line ConfigurationError (exit 2 in the dispatcher)', async () => {
    const { io: cli } = io();
    await expect(runLiveCommand(['openapi.yaml'], cli, { env })).rejects.toThrow('live needs --base-url');
    await expect(
      runLiveCommand(['openapi.yaml', '--base-url', fixed.url, '--checks', 'not-a-check'], cli, { env })
    ).rejects.toThrow(/unknown live check not-a-check/);
    await expect(
      runLiveCommand(['openapi.yaml', '--base-url', fixed.url, '--budget', 'lots'], cli, { env })
    ).rejects.toThrow('--budget must be a whole number');
    await expect(runLiveCommand(['openapi.yaml', '--base-url', 'ftp://x'], cli, { env })).rejects.toThrow(
      /must be http/
    );
    await expect(runLiveCommand(['missing.yaml', '--base-url', fixed.url], cli, { env })).rejects.toThrow(
      'spec missing.yaml does not exist'
    );
    await expect(
      runLiveCommand(['openapi.yaml', '--base-url', fixed.url, '--max-response-time', '5'], cli, { env })
    ).rejects.toThrow(/no unit/);
    await expect(runReplayCommand(['nope.ndjson', '--base-url', fixed.url], cli, { env })).rejects.toThrow(
      /cannot read nope.ndjson/
    );
    expect(() => authFromEnv({ CONTRACT_TEST_AUTH_SCHEMES: '[1]' })).toThrow(/JSON object/);
    expect(authFromEnv({ CONTRACT_TEST_AUTH_SCHEMES: '{"apiKeyQuery":"k"}', CONTRACT_TEST_AUTH_BEARER: '' })).toEqual({
      schemes: { apiKeyQuery: 'k' }
    });
  });

  it('a server that never answers is one clear line, after a few requests', async () => {
    const { io: cli } = io();
    await expect(runLiveCommand(['openapi.yaml', '--base-url', 'http://127.0.0.1:9'], cli, { env })).rejects.toThrow(
      'cannot reach http://127.0.0.1:9/api: connection refused (5 requests, none answered)'
    );
  });
});
