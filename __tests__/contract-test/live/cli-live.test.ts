// jest project: integration (the dredd engine runs Dredd as a child process)
// `contract-test live` and `contract-test replay` as the CLI command runs them (in process): flags as data,
// secrets from the environment, --fail-on and exit codes, the family's JSON envelope, JUnit and replay files.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authFromEnv, command } from '../../../actions/contract-test/src/cli.js';
import { commandHelp } from '../../../shared/src/cli/command.js';
import { reportSchemaProblems } from '../../harness/report-schema.js';
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
  return {
    out,
    io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), cwd: work, env }
  };
}

const live = (args: string[], cli: ReturnType<typeof io>['io']) => command.run(['live', ...args], cli);

describe('contract-test live', () => {
  it('exits 1 on failures and writes JUnit and replay files; stdout is the schema-valid envelope', async () => {
    const { out, io: cli } = io();
    const code = await live(
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
        '--seed',
        '9'
      ],
      cli
    );
    expect(code).toBe(1);
    const report = JSON.parse(out.stdout);
    expect(reportSchemaProblems(report)).toEqual([]);
    expect(report).toMatchObject({ tool: 'contract-test', verdict: 'fail', mode: ['live'], spec: 'openapi.yaml' });
    expect(report.counts).toMatchObject({ error: 3, warning: 0, liveFailures: 3, liveErrors: 3 });
    expect(report.specs[0].live).toMatchObject({ seed: 9, engine: 'ubos' });
    expect(report.liveFailures.map((f: { id: string }) => f.id).sort()).toEqual([
      'ignored-auth',
      'response-schema-conformance',
      'use-after-free'
    ]);
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
    // --fail-on decides the exit status, not the verdict.
    expect(await live(['openapi.yaml', '--base-url', broken.url, '--fail-on', 'never'], io().io)).toBe(0);
  });

  it('exits 0 on a conformant server; markdown and text read well', async () => {
    const markdown = io();
    expect(await live(['openapi.yaml', '--base-url', fixed.url, '--format', 'markdown'], markdown.io)).toBe(0);
    expect(markdown.out.stdout).toMatch(
      /^## Contract test · `openapi\.yaml`\n\n✅ \*\*Contract check passed: 0 live failures\*\*/
    );
    expect(markdown.out.stdout).toContain('| operations | 37 | 37 | 100% |');
    const text = io();
    expect(await live(['openapi.yaml', '--base-url', broken.url], text.io)).toBe(1);
    expect(text.out.stdout).toMatch(/^contract-test live \(ubos\): FAIL {2}3 errors, 0 warnings/);
    expect(text.out.stdout).toMatch(
      /GET \/profile \(openapi\.yaml:\d+\)\n {2}error {3}response-schema-conformance: body does not match/
    );
    expect(text.out.stdout).toMatch(/Contract check failed: 3 live failures\n$/);
  });

  it('replay: exits 1 while the failures last, 0 once fixed', async () => {
    const broke = io();
    expect(await command.run(['replay', 'replay.ndjson', '--base-url', broken.url], broke.io)).toBe(1);
    expect(broke.out.stdout).toMatch(/^contract-test replay: FAIL {2}3 still failing, 0 passing/);
    const good = io();
    expect(await command.run(['replay', 'replay.ndjson', '--base-url', fixed.url, '--format', 'json'], good.io)).toBe(
      0
    );
    const report = JSON.parse(good.out.stdout);
    expect(reportSchemaProblems(report)).toEqual([]);
    expect(report).toMatchObject({ verdict: 'pass', mode: ['replay'], counts: { passing: 3, failing: 0 } });
    const markdown = io();
    await command.run(['replay', 'replay.ndjson', '--base-url', broken.url, '--format', 'markdown'], markdown.io);
    expect(markdown.out.stdout).toContain('Replay failed: 3 still failing, 0 passing, 0 not replayed');
  });

  it('engine dredd through the CLI', async () => {
    const { out, io: cli } = io();
    const code = await live(
      ['openapi.yaml', '--base-url', broken.url, '--engine', 'dredd', '--format', 'json', '--replay-file', 'x.ndjson'],
      cli
    );
    expect(code).toBe(1);
    const report = JSON.parse(out.stdout);
    expect(report.specs[0].live.engine).toBe('dredd');
    expect(
      report.liveFailures.some(
        (f: { id: string; operation: { path: string } }) =>
          f.operation.path === '/profile' && f.id === 'response-schema-conformance'
      )
    ).toBe(true);
    expect(out.stderr).toContain('No replay file written: the dredd engine does not record exchanges for replay');
  });

  it('lists its own flags with --help', () => {
    const help = commandHelp(command, 'live');
    for (const flag of [
      '--base-url',
      '--checks',
      '--seed',
      '--budget',
      '--format <text|json|junit|markdown>',
      '--fail-on'
    ])
      expect(help).toContain(flag);
    expect(commandHelp(command, 'replay')).toContain('--base-url');
  });

  it('bad usage is a one-line ConfigurationError (exit 2 in the dispatcher)', async () => {
    const { io: cli } = io();
    await expect(live(['openapi.yaml'], cli)).rejects.toThrow('live needs --base-url');
    await expect(live(['openapi.yaml', '--base-url', fixed.url, '--checks', 'not-a-server-eror'], cli)).rejects.toThrow(
      '--checks: unknown live check "not-a-server-eror" (did you mean "not-a-server-error"?)'
    );
    await expect(live(['openapi.yaml', '--base-url', fixed.url, '--budget', 'lots'], cli)).rejects.toThrow(
      '--budget must be a whole number'
    );
    await expect(live(['openapi.yaml', '--base-url', 'ftp://x'], cli)).rejects.toThrow(
      '--base-url must be an http or https URL'
    );
    await expect(live(['missing.yaml', '--base-url', fixed.url], cli)).rejects.toThrow(
      'spec missing.yaml does not exist'
    );
    await expect(live(['openapi.yaml', '--base-url', fixed.url, '--max-response-time', '5'], cli)).rejects.toThrow(
      /--max-response-time: .*no unit/
    );
    await expect(live(['openapi.yaml', '--base-url', fixed.url, '--format', 'sarif'], cli)).rejects.toThrow(
      '--format must be one of text, json, junit, markdown'
    );
    await expect(command.run(['replay', 'nope.ndjson', '--base-url', fixed.url], cli)).rejects.toThrow(
      /cannot read nope.ndjson/
    );
    expect(() => authFromEnv({ CONTRACT_TEST_AUTH_SCHEMES: '[1]' })).toThrow(/JSON object/);
    expect(() => authFromEnv({ CONTRACT_TEST_AUTH_SCHEMES: '{secret' })).toThrow(
      'CONTRACT_TEST_AUTH_SCHEMES must be a JSON object of security scheme name to secret; it is not JSON'
    );
    expect(authFromEnv({ CONTRACT_TEST_AUTH_SCHEMES: '{"apiKeyQuery":"k"}', CONTRACT_TEST_AUTH_BEARER: '' })).toEqual({
      schemes: { apiKeyQuery: 'k' }
    });
  });

  it('a server that never answers is one clear line, after a few requests', async () => {
    const { io: cli } = io();
    await expect(live(['openapi.yaml', '--base-url', 'http://127.0.0.1:9'], cli)).rejects.toThrow(
      'cannot reach http://127.0.0.1:9/api: connection refused (5 requests, none answered)'
    );
  });
});
