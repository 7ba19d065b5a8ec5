// dist/contract-test on a pull request, for what part 2 adds to lint and diff: breaks accepted by the ignore file
// (expired entries and malformed files included) and by a label, the workspace's .spectral.yaml, and several
// specs in one step with one comment.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { reportSchemaProblems } from '../harness/report-schema.js';
import { repoRoot, runAction, type RunResult } from '../harness/runner.js';

const TOKEN = 'ghs_contractStepToken77';
const spec = parse(readFileSync(join(repoRoot, 'examples/service/openapi.yaml'), 'utf8'));
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
  origin = mkdtempSync(join(tmpdir(), 'ubos-ct-step-origin-'));
  git(origin, 'init', '-q', '-b', 'main');
  mkdirSync(join(origin, 'api'));
  writeFileSync(join(origin, 'api/orders.yaml'), stringify(spec));
  writeFileSync(join(origin, 'api/users.yaml'), stringify(spec));
  git(origin, 'add', '.');
  git(origin, 'commit', '-q', '-m', 'base');
  git(origin, 'checkout', '-q', '-b', 'feature');
  // Two breaks in orders.yaml: GET /items/{id} removed, POST /items needs a new required parameter.
  const head = structuredClone(spec);
  delete head.paths['/items/{id}'];
  head.paths['/items'].post.parameters = [{ name: 'tenant', in: 'query', required: true, schema: { type: 'string' } }];
  writeFileSync(join(origin, 'api/orders.yaml'), stringify(head));
  git(origin, 'commit', '-q', '-am', 'feature');
  clone = mkdtempSync(join(tmpdir(), 'ubos-ct-step-clone-'));
  git(tmpdir(), 'clone', '-q', '--depth=1', '--branch', 'feature', `file://${origin}`, clone);
  mkdirSync(join(clone, '.github'));
  github = await startGitHubApi({ fixtures: { token: TOKEN, repos: [{ owner: 'acme', name: 'shop' }] } });
}, 60_000);

afterAll(async () => {
  await github?.stop();
  rmSync(origin, { recursive: true, force: true });
  rmSync(clone, { recursive: true, force: true });
});

function onPullRequest(inputs: Record<string, string>, options: { labels?: string[]; number?: number } = {}) {
  return runAction('contract-test', {
    workspace: clone,
    inputs: { spec: 'api/orders.yaml', mode: 'diff', comment: 'false', 'github-token': TOKEN, ...inputs },
    event: {
      name: 'pull_request',
      payload: {
        pull_request: {
          number: options.number ?? 1,
          base: { ref: 'main' },
          labels: (options.labels ?? []).map((name) => ({ name }))
        }
      }
    },
    env: { GITHUB_BASE_REF: 'main', GITHUB_REPOSITORY: 'acme/shop', GITHUB_API_URL: github.url },
    timeoutMs: 120_000
  });
}

interface ChangeJson {
  id: string;
  spec: string;
  accepted?: { by: string; reason: string; location?: { file: string; line: number } };
}

function envelope(result: RunResult) {
  const json = JSON.parse(result.outputs['result-json']!);
  expect(reportSchemaProblems(json)).toEqual([]);
  return json as { changes: ChangeJson[]; specs: { spec: string; verdict: string }[]; accept?: { expired: unknown[] } };
}

const errorsOf = (result: RunResult) => result.annotations.filter((a) => a.level === 'error');

describe('accepting an intentional break', () => {
  const write = (expires: string) =>
    writeFileSync(
      join(clone, '.github/contract-test-ignore.yml'),
      [
        '# .github/contract-test-ignore.yml',
        'accept:',
        '  - id: api-path-removed-without-deprecation',
        '    path: /items/{id}',
        '    method: GET',
        '    reason: replaced by /v2/items (ADR-7)',
        '    expires: 2999-12-31',
        '  - id: new-required-request-parameter',
        '    path: /items',
        '    method: post',
        '    reason: every request names its tenant now',
        `    expires: ${expires}`,
        ''
      ].join('\n')
    );
  afterAll(() => rmSync(join(clone, '.github/contract-test-ignore.yml'), { force: true }));

  it('lists accepted changes, marked, without failing; an expired entry no longer applies and is reported', async () => {
    write('2020-01-31');
    const result = await onPullRequest({});
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(1);
    expect(result.outputs['breaking-changes']).toBe('1');
    const report = envelope(result);
    const accepted = report.changes.find((c) => c.id === 'api-path-removed-without-deprecation')!;
    expect(accepted.accepted).toEqual({
      by: 'ignore-file',
      reason: 'replaced by /v2/items (ADR-7)',
      location: { file: '.github/contract-test-ignore.yml', line: 3 },
      expires: '2999-12-31'
    });
    expect(report.changes.find((c) => c.id === 'new-required-request-parameter')!.accepted).toBeUndefined();
    expect(report.accept!.expired).toHaveLength(1);
    expect(result.summary).toContain('### Accepted changes (1)');
    expect(result.summary).toContain(
      'replaced by /v2/items (ADR-7) (`.github/contract-test-ignore.yml`:3, until 2999-12-31)'
    );
    expect(result.summary).toContain('Expired accept entries (1)');
    expect(result.annotations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: 'warning',
          file: '.github/contract-test-ignore.yml',
          startLine: 8,
          message: expect.stringMatching(
            /^the accept entry for new-required-request-parameter at POST \/items expired on 2020-01-31/
          )
        }),
        expect.objectContaining({ level: 'notice', title: 'api-path-removed-without-deprecation (accepted)' })
      ])
    );
    expect(errorsOf(result).map((a) => a.title)).toContain('new-required-request-parameter');
  });

  it('passes once every break is accepted', async () => {
    write('2999-01-31');
    const result = await onPullRequest({});
    expect(result.exitCode).toBe(0);
    expect(result.outputs['breaking-changes']).toBe('0');
    expect(result.outputs.verdict).toBe('pass');
    expect(result.summary).toMatch(/Contract check passed: 0 breaking changes, 0 warnings, 0 compatible, 2 accepted/);
  });

  it.each([
    [
      '  - id: api-path-removed-without-deprecation\n    path: /items/{id}\n    methd: get\n    reason: x\n',
      /^bad.yml:4: unknown key "methd" in an accept entry \(did you mean "method"\?\)/
    ],
    [
      '  - id: api-removed-without-deprecaton\n    reason: x\n',
      /^bad.yml:2: unknown check id "api-removed-without-deprecaton" \(did you mean "api-removed-without-deprecation"\?\)/
    ],
    [
      '  - id: api-path-removed-without-deprecation\n    path: /items/{id}\n    reason: x\n    expires: 31/12/2027\n',
      /^bad.yml:5: expires must be a date written YYYY-MM-DD; got "31\/12\/2027"/
    ],
    [
      '  - id: api-path-removed-without-deprecation\n    path: /items/{id}\n',
      /^bad.yml:2: the accept entry for api-path-removed-without-deprecation needs a reason/
    ],
    ['  - id: [oops\n', /^bad\.yml: invalid YAML at line \d+, column \d+: /]
  ])('a malformed ignore file is one line with its file and line (%#)', async (entries, message) => {
    writeFileSync(join(clone, 'bad.yml'), `accept:\n${entries}`);
    const result = await onPullRequest({ 'ignore-file': 'bad.yml' });
    expect(result.exitCode).toBe(1);
    expect(errorsOf(result)).toHaveLength(1);
    expect(errorsOf(result)[0]!.message).toMatch(message);
    expect(result.stdout).not.toMatch(/^\s+at /m);
  });

  it('a named ignore file that does not exist is a mistake', async () => {
    const result = await onPullRequest({ 'ignore-file': '.github/accept.yml' });
    expect(errorsOf(result)[0]!.message).toBe('ignore file .github/accept.yml does not exist');
  });

  it('the accept label accepts every break while the pull request carries it', async () => {
    rmSync(join(clone, '.github/contract-test-ignore.yml'));
    const labelled = await onPullRequest(
      { 'accept-label': 'breaking-change-approved' },
      { labels: ['breaking-change-approved'] }
    );
    expect(labelled.exitCode).toBe(0);
    expect(envelope(labelled).changes.every((c) => c.accepted?.by === 'label')).toBe(true);
    expect(labelled.summary).toContain(
      'Breaking changes are accepted by the pull request label `breaking-change-approved`.'
    );
    const unlabelled = await onPullRequest({ 'accept-label': 'breaking-change-approved' }, { labels: ['docs'] });
    expect(unlabelled.exitCode).toBe(1);
    expect(unlabelled.outputs['breaking-changes']).toBe('2');
  });
});

describe('the workspace ruleset', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ubos-ct-spectral-'));
    writeFileSync(join(dir, 'openapi.yaml'), stringify(spec));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const lint = (inputs: Record<string, string> = {}) =>
    runAction('contract-test', {
      workspace: dir,
      inputs: { spec: 'openapi.yaml', mode: 'lint', comment: 'false', ...inputs },
      timeoutMs: 120_000
    });

  it('.spectral.yaml at the root is used when ruleset is not given', async () => {
    writeFileSync(
      join(dir, '.spectral.yaml'),
      'extends: [[spectral:oas, recommended]]\nrules:\n  info-contact: off\n  operation-tags: error\n'
    );
    const result = await lint();
    expect(result.stderr).toBe('');
    // operation-tags: error, and no operation of the sample spec has tags.
    const operations = Object.values(spec.paths as Record<string, object>).flatMap((item) =>
      Object.keys(item).filter((key) => ['get', 'put', 'post', 'delete', 'patch'].includes(key))
    );
    expect(result.outputs['lint-errors']).toBe(String(operations.length));
    const ids = (JSON.parse(result.outputs['result-json']!).lint as { id: string }[]).map((f) => f.id);
    expect(ids).not.toContain('info-contact');
    expect(result.summary).toContain('Ruleset: `.spectral.yaml` (found at the workspace root).');
    rmSync(join(dir, '.spectral.yaml'));
  }, 120_000);

  it('a .spectral.js found there is still refused unless allow-ruleset-code', async () => {
    writeFileSync(join(dir, '.spectral.js'), "module.exports = { extends: ['spectral:oas'] };\n");
    const result = await lint();
    expect(result.exitCode).toBe(1);
    expect(errorsOf(result)).toHaveLength(1);
    expect(errorsOf(result)[0]!.message).toMatch(
      /^ruleset \.spectral\.js is a JavaScript ruleset \(\.js\): loading it runs its code/
    );
    rmSync(join(dir, '.spectral.js'));
  }, 120_000);
});

describe('several specs in one step', () => {
  it('one section and verdict line per spec, one overall verdict, one comment for the step', async () => {
    const number = 40;
    const result = await onPullRequest({ spec: 'api/*.yaml', comment: 'true' }, { number });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(1);
    const report = envelope(result);
    expect(report.specs.map((s) => `${s.spec} ${s.verdict}`)).toEqual(['api/orders.yaml fail', 'api/users.yaml pass']);
    expect(new Set(report.changes.map((c) => c.spec))).toEqual(new Set(['api/orders.yaml']));
    expect(result.summary).toContain('❌ **Contract check failed (2 specs, 1 failed): 2 breaking changes');
    expect(result.summary).toContain('❌ `api/orders.yaml` (compared with `main:api/orders.yaml`): 2 breaking changes');
    expect(result.summary).toContain('✅ `api/users.yaml` (compared with `main:api/users.yaml`): 0 breaking changes');
    expect(result.summary).toContain('### api/orders.yaml: Breaking changes (2)');
    const comments = github.state.comments('acme', 'shop', number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body.split('\n')[0]).toBe('<!-- ubos-actions:contract-test:api/_.yaml -->');
    expect(comments[0]!.body).toContain('`api/users.yaml`');
    // The same specs as a list give the same report.
    const listed = await onPullRequest({ spec: 'api/orders.yaml\napi/users.yaml' });
    expect(envelope(listed).specs.map((s) => s.spec)).toEqual(['api/orders.yaml', 'api/users.yaml']);
  });

  it.each([
    [{ spec: 'specs/*.yaml' }, /^Input "spec": no YAML or JSON file matches "specs\/\*\.yaml"$/],
    [{ spec: '../*.yaml' }, /^Input "spec": the glob "\.\.\/\*\.yaml" leaves the workspace/],
    [{ spec: 'api/*.yaml', 'base-spec': 'api/users.yaml' }, /^base-spec compares one spec/]
  ])('bad spec inputs are one line: %j', async (inputs, message) => {
    const result = await onPullRequest(inputs);
    expect(result.exitCode).toBe(1);
    expect(errorsOf(result)).toHaveLength(1);
    expect(errorsOf(result)[0]!.message).toMatch(message);
  });
});
