import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { useFaultServer } from '../harness/fault-server.js';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { repoRoot, runAction } from '../harness/runner.js';
import { officialSchemaProblems } from '../harness/sarif-schema.js';

// dist/contract-test as the runner runs it, on a pull request in a real git repository: the base spec is
// read from the base branch, which the shallow clone lacks and the action fetches.
const TOKEN = 'ghs_contractTestToken123';
let origin: string;
let clone: string;
let github: GitHubApi;

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
  origin = mkdtempSync(join(tmpdir(), 'ubos-ct-origin-'));
  git(origin, 'init', '-q', '-b', 'main');
  const spec = readFileSync(join(repoRoot, 'examples/service/openapi.yaml'), 'utf8');
  writeFileSync(join(origin, 'openapi.yaml'), spec);
  git(origin, 'add', '.');
  git(origin, 'commit', '-q', '-m', 'base');
  git(origin, 'checkout', '-q', '-b', 'feature');
  // Breaking: GET /items/{id} removed, and POST /items needs a new required query parameter.
  const head = parse(spec);
  delete head.paths['/items/{id}'];
  head.paths['/items'].post.parameters = [{ name: 'tenant', in: 'query', required: true, schema: { type: 'string' } }];
  writeFileSync(join(origin, 'openapi.yaml'), stringify(head));
  git(origin, 'commit', '-q', '-am', 'break');
  clone = mkdtempSync(join(tmpdir(), 'ubos-ct-clone-'));
  git(tmpdir(), 'clone', '-q', '--depth=1', '--branch', 'feature', `file://${origin}`, clone);
  github = await startGitHubApi({ fixtures: { token: TOKEN, repos: [{ owner: 'acme', name: 'api' }] } });
}, 60_000);

afterAll(async () => {
  await github?.stop();
  rmSync(origin, { recursive: true, force: true });
  rmSync(clone, { recursive: true, force: true });
});

function pullRequestRun(inputs: Record<string, string>) {
  return runAction('contract-test', {
    workspace: clone,
    inputs: { 'github-token': TOKEN, ...inputs },
    event: { name: 'pull_request', payload: { pull_request: { number: 7, base: { ref: 'main' } } } },
    env: { GITHUB_BASE_REF: 'main', GITHUB_REPOSITORY: 'acme/api', GITHUB_API_URL: github.url }
  });
}

describe('contract-test action', () => {
  it('finds the breaking changes against the base branch, annotates, writes SARIF and comments once', async () => {
    const result = await pullRequestRun({ spec: 'openapi.yaml', 'sarif-file': 'reports/contract.sarif' });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(1);
    expect(Number(result.outputs['breaking-changes'])).toBeGreaterThanOrEqual(2);
    const report = JSON.parse(result.outputs['result-json']);
    const ids = report.changes.map((c: { id: string }) => c.id);
    expect(ids.join(' ')).toMatch(/removed/);
    expect(ids.join(' ')).toMatch(/required/);
    const errors = result.annotations.filter((a) => a.level === 'error' && a.file === 'openapi.yaml');
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors.every((a) => typeof a.startLine === 'number' && a.startLine > 0)).toBe(true);
    expect(result.summary).toContain('Breaking changes');
    const sarif = JSON.parse(readFileSync(join(clone, 'reports/contract.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(officialSchemaProblems(sarif)).toEqual([]);
    expect(sarif.runs).toHaveLength(2);
    const comments = github.state.comments('acme', 'api', 7);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('Breaking changes');
    expect(result.log).not.toContain(TOKEN);

    const again = await pullRequestRun({ spec: 'openapi.yaml' });
    expect(again.exitCode).toBe(1);
    expect(github.state.comments('acme', 'api', 7)).toHaveLength(1);
  });

  it('passes with fail-on never and still reports the counts', async () => {
    const result = await pullRequestRun({ spec: 'openapi.yaml', 'fail-on': 'never', comment: 'false' });
    expect(result.exitCode).toBe(0);
    expect(Number(result.outputs['breaking-changes'])).toBeGreaterThanOrEqual(2);
  });

  it('compares two files with base-spec and passes on a compatible change', async () => {
    const spec = parse(readFileSync(join(clone, 'openapi.yaml'), 'utf8'));
    spec.paths['/health'] = {
      get: { operationId: 'health', summary: 'Health', responses: { '200': { description: 'ok' } } }
    };
    writeFileSync(join(clone, 'compatible.yaml'), stringify(spec));
    const result = await pullRequestRun({ spec: 'compatible.yaml', 'base-spec': 'openapi.yaml', comment: 'false' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs['breaking-changes']).toBe('0');
  });

  it.each([
    [{ spec: 'missing.yaml' }, /missing.yaml does not exist/],
    [{ spec: 'openapi.yaml', 'fail-on': 'sometimes' }, /fail-on/],
    [{ spec: 'openapi.yaml', 'base-ref': 'no-such-branch' }, /no-such-branch/],
    [{ spec: '../outside.yaml' }, /outside/],
    [{ spec: 'openapi.yaml', 'allow-external-refs': 'everything' }, /Input "allow-external-refs" must be none, files/]
  ])('fails on bad input %j with one clear line', async (inputs, message) => {
    const result = await pullRequestRun({ ...inputs, comment: 'false' });
    expect(result.exitCode).toBe(1);
    const errors = result.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(message);
    expect(result.stdout).not.toMatch(/^\s+at /m);
    expect(existsSync(join(clone, 'node_modules'))).toBe(false);
  });
});

describe('contract-test action: allow-external-refs', () => {
  const fault = useFaultServer();

  it('refuses a URL and an outside file by default, follows both when allowed', async () => {
    fault.server.setRoute('/shared/error.yaml', {
      status: 200,
      body: 'Error:\n  type: object\n  properties:\n    code: {type: integer}\n'
    });
    const outside = mkdtempSync(join(tmpdir(), 'ubos-ct-outside-'));
    try {
      writeFileSync(join(outside, 'common.yaml'), 'Id: {type: string}\n');
      const spec = parse(readFileSync(join(clone, 'openapi.yaml'), 'utf8'));
      spec.components ??= {};
      spec.components.schemas ??= {};
      spec.components.schemas.SharedId = { $ref: `${join(outside, 'common.yaml')}#/Id` };
      spec.components.schemas.RemoteError = { $ref: `${fault.server.url}/shared/error.yaml#/Error` };
      writeFileSync(join(clone, 'external.yaml'), stringify(spec));

      const refused = await pullRequestRun({ spec: 'external.yaml', 'base-spec': 'openapi.yaml', comment: 'false' });
      expect(refused.exitCode).toBe(1);
      const errors = refused.annotations.filter((a) => a.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0].message).toMatch(/^\$ref ".*" at external\.yaml:\d+:\d+: .*refused/);
      expect(fault.server.requestsTo('/shared/error.yaml')).toHaveLength(0);

      const filesOnly = await pullRequestRun({
        spec: 'external.yaml',
        'base-spec': 'openapi.yaml',
        comment: 'false',
        'allow-external-refs': 'files'
      });
      expect(filesOnly.exitCode).toBe(1);
      expect(filesOnly.annotations.filter((a) => a.level === 'error')[0].message).toMatch(/remote \$ref refused/);

      const allowed = await pullRequestRun({
        spec: 'external.yaml',
        'base-spec': 'openapi.yaml',
        comment: 'false',
        'allow-external-refs': 'files, urls'
      });
      expect(allowed.stderr).toBe('');
      expect(allowed.exitCode).toBe(0);
      expect(allowed.outputs['breaking-changes']).toBe('0');
      const report = JSON.parse(allowed.outputs['result-json']);
      expect(report.lint.filter((f: { code: string }) => f.code === 'invalid-ref')).toEqual([]);
      // Once by the loader, once by Spectral.
      expect(fault.server.requestsTo('/shared/error.yaml').length).toBeGreaterThanOrEqual(1);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('ubos-actions contract-test lint with a JavaScript ruleset (bundled CLI)', () => {
  it('loads an ESM ruleset that extends spectral:oas and turns a rule off, once ruleset code is allowed', () => {
    writeFileSync(
      join(clone, 'ruleset.mjs'),
      "import { oas } from '@stoplight/spectral-rulesets';\nexport default { extends: [[oas, 'recommended']], rules: { 'info-contact': 'off' } };\n"
    );
    const lint = (...extra: string[]) =>
      spawnSync(
        process.execPath,
        [join(repoRoot, 'dist/cli/index.js'), 'contract-test', 'lint', 'openapi.yaml', '--format', 'json', ...extra],
        {
          cwd: clone,
          encoding: 'utf8'
        }
      );
    const codes = (run: ReturnType<typeof lint>) => JSON.parse(run.stdout).lint.map((f: { id: string }) => f.id);
    const plain = lint();
    const custom = lint('--ruleset', 'ruleset.mjs', '--allow-ruleset-code');
    expect(custom.stderr).toBe('');
    expect(codes(plain)).toContain('info-contact');
    expect(codes(custom)).not.toContain('info-contact');
    expect(codes(custom).length).toBe(codes(plain).length - 1);
  });
});
