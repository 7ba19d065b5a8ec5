// The hardening classes through dist/migration-safety as the runner runs it (npm run build first).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runAction } from '../harness/runner.js';

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

function write(root: string, files: Record<string, string | Buffer>) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

const USERS =
  'CREATE TABLE users (id bigint PRIMARY KEY, email text, org_id bigint);\nCREATE TABLE orgs (id bigint PRIMARY KEY);\n';
const IDIOM = [
  'DO $$',
  'BEGIN',
  "  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'users_org_fk') THEN",
  '    ALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id);',
  '  END IF;',
  'END $$;',
  ''
].join('\n');
const AWKWARD = 'db/migrations/002 idempotent "fk" ünïcødé.sql';
const SECRET = 'AKIAIOSFODNN7EXAMPLE_wJalrXUtnFEMI_K7MDENG_bPxRfiCYEXAMPLEKEY';

let temp: string;
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'ubos-ms-hardening-e2e-'));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Report {
  findings: { file: string; line: number; column: number; rule: string; severity: string }[];
  files: { path: string; linted: boolean; parsed: string }[];
}
/** result-json (the envelope), its findings flattened to the engine's field names the assertions share. */
function report(text: string): Report {
  const json = JSON.parse(text) as {
    findings: { id: string; level: string; location: { file: string; line: number; column: number } }[];
    files: Report['files'];
  };
  return { ...json, findings: json.findings.map((f) => ({ ...f.location, rule: f.id, severity: f.level })) };
}

function pushRun(workspace: string, inputs: Record<string, string> = {}) {
  return runAction('migration-safety', {
    workspace,
    inputs,
    event: { name: 'push', payload: { ref: 'refs/heads/main' } },
    env: { GITHUB_REPOSITORY: 'acme/shop', RUNNER_TEMP: join(temp, 'runner') }
  });
}

describe('migration-safety action: hardening', () => {
  it('on a pull request, lints changed files git would quote and upper-case extensions (classes 1, 2, 3)', async () => {
    const origin = join(temp, 'origin');
    mkdirSync(origin);
    git(origin, 'init', '-q', '-b', 'main');
    write(origin, { 'db/migrations/001_users.sql': USERS });
    git(origin, 'add', '.');
    git(origin, 'commit', '-q', '-m', 'base');
    git(origin, 'checkout', '-q', '-b', 'feature');
    write(origin, {
      [AWKWARD]: IDIOM,
      'db/migrations/V3__index.SQL': 'CREATE INDEX users_email ON users (email);\n'
    });
    git(origin, 'add', '.');
    git(origin, 'commit', '-q', '-m', 'feature');
    const clone = join(temp, 'clone');
    git(temp, 'clone', '-q', '--depth=1', '--branch', 'feature', `file://${origin}`, clone);

    const result = await runAction('migration-safety', {
      workspace: clone,
      inputs: { 'fail-on': 'never' },
      event: { name: 'pull_request', payload: { pull_request: { number: 4, base: { ref: 'main' } } } },
      env: { GITHUB_BASE_REF: 'main', GITHUB_REPOSITORY: 'acme/shop', RUNNER_TEMP: join(temp, 'runner') }
    });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const json = report(result.outputs['result-json']);
    expect(json.files.map((f) => [f.path, f.linted])).toEqual([
      ['db/migrations/001_users.sql', false],
      [AWKWARD, true],
      ['db/migrations/V3__index.SQL', true]
    ]);
    expect(result.outputs['files-checked']).toBe('2');
    // The ALTER TABLE inside the DO block, at its line and column.
    expect(json.findings.filter((f) => f.rule === 'adding-foreign-key-constraint')).toEqual([
      expect.objectContaining({ file: AWKWARD, line: 4, column: 27, severity: 'error' })
    ]);
    expect(json.findings.some((f) => f.file === 'db/migrations/V3__index.SQL')).toBe(true);
    expect(result.annotations.some((a) => a.file === AWKWARD && a.startLine === 4)).toBe(true);
  });

  it('refuses a migration linked to a file outside the workspace, naming the link and showing none of it (class 8)', async () => {
    const workspace = join(temp, 'linked');
    write(workspace, { 'db/migrations/001_users.sql': USERS });
    writeFileSync(join(temp, 'secret.txt'), `${SECRET}\n`);
    symlinkSync(join(temp, 'secret.txt'), join(workspace, 'db/migrations/002_evil.sql'));
    const cases: Record<string, string>[] = [{}, { paths: 'db/migrations/002_evil.sql' }, { paths: 'db/migrations' }];
    for (const inputs of cases) {
      const result = await pushRun(workspace, inputs);
      expect(result.exitCode).toBe(1);
      const errors = result.annotations.filter((a) => a.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0].message).toMatch(/db\/migrations\/002_evil\.sql (is a symbolic link that )?leads outside/);
      expect(result.log + result.summary + JSON.stringify(result.outputs)).not.toContain(SECRET.slice(0, 10));
    }
  });

  it('fails on invalid UTF-8 at the byte, ignores a marker in a string, refuses syntax-error: off (classes 4, 5, 6)', async () => {
    const workspace = join(temp, 'bytes');
    write(workspace, {
      'db/migrations/001_users.sql': `\ufeff${USERS}`,
      'db/migrations/002_latin1.sql': Buffer.concat([
        Buffer.from("SELECT 1;\nSELECT '"),
        Buffer.from([0xe9]),
        Buffer.from("';\n")
      ]),
      'db/migrations/003_marker.sql': "SELECT '-- ubos-ignore-file';\nDROP TABLE orgs;\n"
    });
    const result = await pushRun(workspace);
    expect(result.exitCode).toBe(1);
    const json = report(result.outputs['result-json']);
    expect(json.findings.filter((f) => f.rule === 'syntax-error').map((f) => [f.file, f.line, f.column])).toEqual([
      ['db/migrations/002_latin1.sql', 2, 9]
    ]);
    expect(json.findings.some((f) => f.file === 'db/migrations/003_marker.sql' && f.rule === 'ban-drop-table')).toBe(
      true
    );
    expect(json.files.map((f) => f.parsed)).toEqual(['full', 'partial', 'full']);
    expect(result.outputs['files-checked']).toBe('2');

    write(workspace, { '.github/migration-safety.yml': 'rules:\n  syntax-error: off\n' });
    const refused = await pushRun(workspace);
    expect(refused.exitCode).toBe(1);
    const errors = refused.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/rule "syntax-error" cannot be turned off/);
  });

  it('reports syntax the pg-version input lacks (class 7)', async () => {
    const workspace = join(temp, 'version');
    write(workspace, { 'db/migrations/001.sql': 'MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE;\n' });
    const old = await pushRun(workspace, { 'pg-version': '14' });
    expect(old.exitCode).toBe(1);
    expect(old.annotations.filter((a) => a.title === 'migration-safety unsupported-syntax')).toHaveLength(1);
    const current = await pushRun(workspace, { 'pg-version': '15' });
    expect(current.annotations.filter((a) => a.title === 'migration-safety unsupported-syntax')).toHaveLength(0);
  });
});
