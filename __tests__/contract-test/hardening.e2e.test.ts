import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { repoRoot, runAction, type RunResult } from '../harness/runner.js';

// The hardening classes through what users run: the bundled CLI (`node bin/ubos-actions.js contract-test ...`)
// and the bundled action under the runner emulator. Needs `npm run build` first.
const TOKEN = 'ghs_hardeningToken123';
let workspace: string;
let outside: string;

type Doc = Record<string, unknown>;

function write(name: string, content: string | Doc): string {
  const file = join(workspace, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : stringify(content));
  return name;
}

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [join(repoRoot, 'bin/ubos-actions.js'), 'contract-test', ...args], {
    cwd: workspace,
    encoding: 'utf8',
    timeout: 60_000
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function diffJson(base: string, head: string, ...extra: string[]) {
  const run = cli('diff', base, head, '--format', 'json', ...extra);
  return {
    ...run,
    changes: JSON.parse(run.stdout).changes as {
      id: string;
      level: string;
      message: string;
      location?: { file: string; line: number };
    }[]
  };
}

function action(inputs: Record<string, string>, event = 'push'): Promise<RunResult> {
  return runAction('contract-test', {
    workspace,
    inputs: { 'github-token': TOKEN, comment: 'false', ...inputs },
    event: { name: event, payload: {} }
  });
}

/** The step failed with exactly one error annotation, which matches `message`, and no stack trace. */
function failedWithOneLine(result: RunResult, message: RegExp): void {
  expect(result.exitCode).toBe(1);
  const errors = result.annotations.filter((a) => a.level === 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0]!.message).toMatch(message);
  expect(result.stdout).not.toMatch(/^\s+at /m);
  expect(result.log).not.toContain(TOKEN);
}

const info = { title: 't', version: '1', description: 'd', contact: { name: 'x' } };
const ok = { '200': { description: 'ok' } };
const object = (properties: Doc, required?: string[]) => ({
  type: 'object',
  properties,
  ...(required && { required })
});
const json = (schema: Doc) => ({ content: { 'application/json': { schema } } });

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'ubos-ct-hardening-'));
  workspace = join(base, 'workspace');
  outside = join(base, 'outside');
  mkdirSync(workspace);
  mkdirSync(outside);
});
afterAll(() => {
  rmSync(dirname(workspace), { recursive: true, force: true });
});

describe('1. webhooks, callbacks, links and path-level servers are compared', () => {
  const webhook = (payload: Doc) => ({
    openapi: '3.1.0',
    info,
    paths: {},
    webhooks: { orderPaid: { post: { requestBody: json(payload), responses: ok } } }
  });
  const api = (op: Doc, item: Doc = {}) => ({
    openapi: '3.0.3',
    info,
    paths: { '/subscriptions': { ...item, post: { responses: ok, ...op } } }
  });

  it('CLI: a property removed from a webhook payload is breaking, a new required one is not', () => {
    write('wh-base.yaml', webhook(object({ id: { type: 'string' }, total: { type: 'integer' } })));
    write('wh-head.yaml', webhook(object({ id: { type: 'string' } })));
    write(
      'wh-more.yaml',
      webhook(object({ id: { type: 'string' }, total: { type: 'integer' }, x: { type: 'string' } }, ['x']))
    );
    const removed = diffJson('wh-base.yaml', 'wh-head.yaml');
    expect(removed.code).toBe(1);
    expect(removed.changes.map((c) => `${c.level} ${c.id}`)).toEqual(['error webhook-request-property-removed']);
    const added = diffJson('wh-base.yaml', 'wh-more.yaml');
    expect(added.code).toBe(0);
    expect(added.changes.map((c) => c.id)).toEqual(['webhook-request-property-added']);
  });

  it('CLI: a removed callback, a removed response link and a changed path-level server', () => {
    const callback = {
      onEvent: {
        '{$request.body#/url}': { post: { requestBody: json(object({ id: { type: 'string' } })), responses: ok } }
      }
    };
    write('cb-base.yaml', api({ callbacks: callback }));
    write('cb-head.yaml', api({}));
    expect(diffJson('cb-base.yaml', 'cb-head.yaml').changes.map((c) => c.id)).toEqual(['callback-removed']);
    const link = { links: { Get: { operationId: 'getSubscription' } } };
    write('ln-base.yaml', api({ responses: { '201': { description: 'created', ...link } } }));
    write('ln-head.yaml', api({ responses: { '201': { description: 'created' } } }));
    const links = diffJson('ln-base.yaml', 'ln-head.yaml');
    expect(links.changes.map((c) => `${c.level} ${c.id}`)).toEqual(['warning response-link-removed']);
    expect(links.code).toBe(0);
    expect(cli('diff', 'ln-base.yaml', 'ln-head.yaml', '--fail-on', 'warning').code).toBe(1);
    write('sv-base.yaml', api({}, { servers: [{ url: 'https://files.example.com/v1' }] }));
    write('sv-head.yaml', api({}, { servers: [{ url: 'https://files.example.com/v2' }] }));
    expect(diffJson('sv-base.yaml', 'sv-head.yaml').changes.map((c) => c.id)).toEqual(['server-url-changed']);
  });

  it('CLI: `checks` lists the webhook, callback and link checks', () => {
    const run = cli('checks', '--format', 'json');
    const ids = (JSON.parse(run.stdout) as { id: string }[]).map((c) => c.id);
    for (const id of [
      'webhook-removed',
      'webhook-request-property-removed',
      'callback-removed',
      'callback-expression-changed',
      'response-link-removed'
    ])
      expect(ids).toContain(id);
  });

  it('action: a removed webhook payload property fails the step, annotated in the head spec', async () => {
    const result = await action({ spec: 'wh-head.yaml', 'base-spec': 'wh-base.yaml', lint: 'false' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs['breaking-changes']).toBe('1');
    const [annotation] = result.annotations.filter((a) => a.level === 'error');
    expect(annotation).toMatchObject({ title: 'webhook-request-property-removed', file: 'wh-head.yaml' });
  });
});

describe('2. YAML merge keys are resolved', () => {
  const spec = (anchor: string) =>
    [
      'openapi: 3.0.3',
      'info: {title: t, version: "1", description: d, contact: {name: x}}',
      'x-common: &common',
      anchor,
      'paths:',
      '  /orders:',
      '    get:',
      '      responses:',
      "        '200':",
      '          description: ok',
      '          content:',
      '            application/json:',
      '              schema:',
      '                type: object',
      '                properties:',
      '                  <<: *common',
      '                  total: {type: integer}',
      ''
    ].join('\n');

  it('CLI and action: a property removed from a merged anchor is a breaking change', async () => {
    write('merge-base.yaml', spec('  id: {type: string}\n  createdAt: {type: string}'));
    write('merge-head.yaml', spec('  id: {type: string}'));
    const run = diffJson('merge-base.yaml', 'merge-head.yaml');
    expect(run.code).toBe(1);
    expect(run.changes.map((c) => c.id)).toEqual(['response-property-removed']);
    expect(run.changes[0]!.message).toContain('createdAt');
    const result = await action({ spec: 'merge-head.yaml', 'base-spec': 'merge-base.yaml', lint: 'false' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs['breaking-changes']).toBe('1');
  });
});

describe('3. rulesets that carry code are refused unless the workflow opts in', () => {
  const marker = () => join(workspace, 'ruleset-code-ran');
  beforeAll(() => {
    write('lint.yaml', { openapi: '3.0.3', info, servers: [{ url: 'https://x.example.com' }], paths: {} });
    write(
      '.spectral.cjs',
      `require('fs').writeFileSync(${JSON.stringify(marker())}, process.env['INPUT_GITHUB-TOKEN'] || 'cli');\n` +
        "const { oas } = require('@stoplight/spectral-rulesets');\nmodule.exports = { extends: [[oas, 'recommended']], rules: { 'info-contact': 'off' } };\n"
    );
    write(
      'filter.yaml',
      `rules:\n  evil:\n    given: "$[?(@.constructor.constructor('return process')().getBuiltinModule('fs').writeFileSync('${marker()}', 'x'))]"\n    then: {function: truthy}\n`
    );
    write('functions.yaml', 'functions: [evil]\nrules: {}\n');
    write(
      'functions/evil.js',
      `require('fs').writeFileSync(${JSON.stringify(marker())}, 'x');\nmodule.exports = () => [];\n`
    );
  });

  it.each([
    ['.spectral.cjs', /^ruleset \.spectral\.cjs is a JavaScript ruleset \(\.cjs\): loading it runs its code; refused/],
    ['filter.yaml', /^ruleset filter\.yaml has a JSONPath with a script or filter expression at rules\.evil\.given/],
    ['functions.yaml', /^ruleset functions\.yaml declares functions \(evil\), JavaScript loaded from functions\//]
  ])('CLI: %s is refused with one line and nothing of it runs', (ruleset, message) => {
    const run = cli('lint', 'lint.yaml', '--ruleset', ruleset);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(new RegExp(message.source.replace('^', '^ubos-actions contract-test: ')));
    expect(existsSync(marker())).toBe(false);
  });

  it('CLI: --allow-ruleset-code runs it', () => {
    const run = cli('lint', 'lint.yaml', '--ruleset', '.spectral.cjs', '--allow-ruleset-code', '--format', 'json');
    expect(run.stderr).toBe('');
    expect(existsSync(marker())).toBe(true);
    expect(JSON.parse(run.stdout).lint.map((f: { id: string }) => f.id)).not.toContain('info-contact');
    rmSync(marker());
  });

  it('action: refused by default and in pull_request_target runs even when allowed, run when allowed', async () => {
    failedWithOneLine(
      await action({ spec: 'lint.yaml', ruleset: '.spectral.cjs' }),
      /^ruleset \.spectral\.cjs is a JavaScript ruleset/
    );
    expect(existsSync(marker())).toBe(false);
    const target = await action(
      { spec: 'lint.yaml', ruleset: '.spectral.cjs', 'allow-ruleset-code': 'true' },
      'pull_request_target'
    );
    failedWithOneLine(target, /never in pull_request_target runs/);
    expect(existsSync(marker())).toBe(false);
    const allowed = await action({ spec: 'lint.yaml', ruleset: 'filter.yaml', 'allow-ruleset-code': 'true' });
    expect(allowed.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(existsSync(marker())).toBe(true);
    rmSync(marker());
  });
});

describe('4. files reached through a symlink must stay inside the workspace', () => {
  beforeAll(() => {
    writeFileSync(join(outside, 'secret.yaml'), stringify({ openapi: '3.0.3', info, paths: {} }));
    writeFileSync(join(outside, 'ruleset.yaml'), 'extends: spectral:oas\n');
    symlinkSync(join(outside, 'secret.yaml'), join(workspace, 'linked.yaml'));
    symlinkSync(outside, join(workspace, 'shared'));
    symlinkSync(join(outside, 'ruleset.yaml'), join(workspace, 'linked-ruleset.yaml'));
    write('plain.yaml', { openapi: '3.0.3', info, paths: {} });
  });

  it.each([
    [
      ['lint', 'linked.yaml'],
      /^ubos-actions contract-test: linked\.yaml: the spec resolves \(through a symlink\) to .*outside\/secret\.yaml, outside the root/
    ],
    [['lint', 'shared/secret.yaml'], /shared\/secret\.yaml: the spec resolves \(through a symlink\)/],
    [['diff', 'linked.yaml', 'plain.yaml'], /linked\.yaml: the spec resolves \(through a symlink\)/],
    [
      ['lint', 'plain.yaml', '--ruleset', 'linked-ruleset.yaml'],
      /ruleset linked-ruleset\.yaml resolves \(through a symlink\) to .*, which is outside/
    ]
  ])('CLI %j is refused with one line', (args, message) => {
    const run = cli(...args);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });

  it('action: a spec or a ruleset symlinked out of the workspace fails the step with one line', async () => {
    failedWithOneLine(await action({ spec: 'linked.yaml' }), /^linked\.yaml: the spec resolves \(through a symlink\)/);
    failedWithOneLine(
      await action({ spec: 'plain.yaml', ruleset: 'linked-ruleset.yaml' }),
      /^ruleset linked-ruleset\.yaml resolves/
    );
  });
});

describe('5. size: past the limit the check fails with one line instead of exhausting memory', () => {
  beforeAll(() => {
    const paths = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`/r${i}`, { get: { responses: ok } }]));
    write('sized.yaml', { openapi: '3.0.3', info, paths });
    writeFileSync(join(workspace, 'huge.yaml'), '');
    truncateSync(join(workspace, 'huge.yaml'), 30 * 1024 * 1024);
  });

  it('CLI: --max-spec-size, the default against a 30 MB file, and a $ref bomb', () => {
    for (const args of [
      ['diff', 'sized.yaml', 'sized.yaml', '--max-spec-size', '1KiB'],
      ['lint', 'sized.yaml', '--max-spec-size', '1KiB']
    ]) {
      const run = cli(...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^ubos-actions contract-test: sized\.yaml: the spec is too large to check: .*more than the limit of 0\.0 MiB; raise max-spec-size to check it anyway\n$/
      );
    }
    const started = Date.now();
    const huge = cli('lint', 'huge.yaml');
    expect(huge.code).toBe(2);
    expect(huge.stderr).toBe(
      'ubos-actions contract-test: huge.yaml: the spec is too large to check: this file is 30.0 MiB, more than the limit of 13.0 MiB; raise max-spec-size to check it anyway\n'
    );
    expect(Date.now() - started).toBeLessThan(20_000);
    write(
      'dense.json',
      `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "x-a": [${'0,'.repeat(6_000_000)}0]}`
    );
    const dense = cli('lint', 'dense.json');
    expect(dense.code).toBe(2);
    expect(dense.stderr).toMatch(
      /dense\.json: the spec is too large to check: its files hold more than 1,500,000 JSON values/
    );
    expect(cli('diff', 'sized.yaml', 'sized.yaml', '--max-spec-size', 'lots').stderr).toMatch(
      /--max-spec-size must be a size such as 16MiB/
    );
    const schemas: Doc = { L0: { type: 'string' } };
    for (let i = 1; i <= 8; i++)
      schemas[`L${i}`] = object(
        Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`p${k}`, { $ref: `#/components/schemas/L${i - 1}` }]))
      );
    write('bomb.yaml', { openapi: '3.0.3', info, paths: {}, components: { schemas } });
    const bomb = cli('lint', 'bomb.yaml');
    expect(bomb.code).toBe(2);
    expect(bomb.stderr).toMatch(/bomb\.yaml: a full lint would walk more than 250,000 nodes with its \$refs expanded/);
  });

  it('action: max-spec-size', async () => {
    failedWithOneLine(
      await action({ spec: 'sized.yaml', 'max-spec-size': '1KiB' }),
      /^sized\.yaml: the spec is too large to check/
    );
    failedWithOneLine(
      await action({ spec: 'sized.yaml', 'max-spec-size': 'huge' }),
      /^Input "max-spec-size" must be a size/
    );
  });
});

describe('6. removals are annotated in the head spec at a line that still exists there', () => {
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@e',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@e'
      }
    });
  const BASE = [
    'openapi: 3.0.3',
    'info: {title: t, version: "1", description: d, contact: {name: x}}',
    'paths:',
    '  /orders:',
    '    get:',
    '      responses:',
    "        '200': {description: ok}",
    '    delete:',
    '      responses:',
    "        '204': {description: gone}",
    '  /legacy:',
    '    get:',
    '      responses:',
    "        '200': {description: ok}",
    ''
  ].join('\n');
  const padding = Array.from({ length: 200 }, (_, i) => `  x-note-${i}: padding line ${i}`).join('\n');
  const HEAD = [
    'openapi: 3.0.3',
    'info: {title: t, version: "1", description: d, contact: {name: x}}',
    'x-notes:',
    padding,
    'paths:',
    '  /orders:',
    '    get:',
    '      responses:',
    "        '200': {description: ok}",
    ''
  ].join('\n');
  const headLine = (needle: string) => HEAD.split('\n').indexOf(needle) + 1;

  beforeAll(() => {
    repo = join(dirname(workspace), 'repo');
    mkdirSync(repo);
    git('init', '-q', '-b', 'main');
    writeFileSync(join(repo, 'openapi.yaml'), BASE);
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    git('checkout', '-q', '-b', 'feature');
    writeFileSync(join(repo, 'openapi.yaml'), HEAD);
    git('commit', '-q', '-am', 'head');
  });

  it('action (pull request, base read from git): at the path item and at `paths`, naming the base line', async () => {
    const result = await runAction('contract-test', {
      workspace: repo,
      inputs: { spec: 'openapi.yaml', lint: 'false', comment: 'false', 'github-token': TOKEN },
      event: { name: 'pull_request', payload: { pull_request: { number: 3, base: { ref: 'main' } } } },
      env: { GITHUB_BASE_REF: 'main', GITHUB_REPOSITORY: 'acme/api' }
    });
    expect(result.exitCode).toBe(1);
    const errors = result.annotations.filter((a) => a.level === 'error');
    const byTitle = (title: string) => errors.find((a) => a.title === title);
    expect(byTitle('api-removed-without-deprecation')).toMatchObject({
      file: 'openapi.yaml',
      startLine: headLine('  /orders:')
    });
    expect(byTitle('api-removed-without-deprecation')!.message).toMatch(/\(was at openapi\.yaml:8 in the base spec\)$/);
    expect(byTitle('api-path-removed-without-deprecation')).toMatchObject({
      file: 'openapi.yaml',
      startLine: headLine('paths:')
    });
    expect(byTitle('api-path-removed-without-deprecation')!.message).toMatch(
      /\(was at openapi\.yaml:12 in the base spec\)$/
    );
    for (const annotation of errors.filter((a) => a.title)) expect(annotation.startLine).toBeGreaterThan(200);
  });

  it('CLI: diff of two files locates removals in the head file', () => {
    write('loc-base.yaml', BASE);
    write('loc-head.yaml', HEAD);
    const run = diffJson('loc-base.yaml', 'loc-head.yaml');
    expect(run.changes.map((c) => [c.id, c.location])).toEqual([
      [
        'api-path-removed-without-deprecation',
        expect.objectContaining({ file: 'loc-head.yaml', line: headLine('paths:') })
      ],
      [
        'api-removed-without-deprecation',
        expect.objectContaining({ file: 'loc-head.yaml', line: headLine('  /orders:') })
      ]
    ]);
  });
});
