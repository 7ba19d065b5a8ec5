// What every rule of the catalogue owes its users, checked rule by rule: a stable id, a one-line message and
// help, a docs page that names its severity, its SARIF descriptor and --list-rules entry, and its own table test.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../cli/src/main.js';
import { docsUrl } from '../../actions/migration-safety/src/engine/rule.js';
import { ALL_RULES } from '../../actions/migration-safety/src/rules/index.js';
import { migrationSarif } from '../../actions/migration-safety/src/sarif.js';
import { repoRoot } from '../harness/runner.js';

const DOCS = join(repoRoot, 'actions', 'migration-safety', 'docs', 'rules');
const TESTS = join(repoRoot, '__tests__', 'migration-safety');

/** The rule list of the action README's Rules section: `| \`id\` | level[, opt-in] | squawk ids or - |`. */
const README_RULES = new Map(
  [
    ...(readFileSync(join(repoRoot, 'migration-safety', 'README.md'), 'utf8').split('\n## Rules\n')[1] ?? '').matchAll(
      /^\| `([a-z0-9-]+)` +\| ([a-z, -]+?) +\| (.+?) +\|$/gm
    )
  ].map((m) => [m[1], { level: m[2], squawk: m[3] === '-' ? [] : m[3].split(', ').map((id) => id.replace(/`/g, '')) }])
);

/** The findings the driver emits itself (engine/lint.ts): tested in these files instead of a rules/<id>.test.ts. */
const TESTED_IN: Record<string, string> = {
  'syntax-error': 'parse.test.ts',
  'missing-object': 'replay.test.ts',
  'internal-error': 'internal-error.test.ts',
  'unknown-suppression': 'hardening.test.ts'
};

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  defaultConfiguration: { level: string };
  helpUri: string;
}

interface ListedRule {
  id: string;
  level: string;
  message: string;
  docs: string;
}

let sarifRules: SarifRule[];
let listed: ListedRule[];

beforeAll(async () => {
  const log = JSON.parse(migrationSarif({ findings: [], exempted: [], files: [] }, ALL_RULES)) as {
    runs: { tool: { driver: { rules: SarifRule[] } } }[];
  };
  sarifRules = log.runs[0].tool.driver.rules;
  let stdout = '';
  const code = await runCli(['migration-safety', '--list-rules', '--format', 'json'], {
    stdout: (text) => (stdout += text),
    stderr: () => {},
    cwd: repoRoot
  });
  expect(code).toBe(0);
  listed = JSON.parse(stdout) as ListedRule[];
});

describe.each(ALL_RULES.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  it('has a kebab-case id registered once', () => {
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(ALL_RULES.filter((r) => r.id === id)).toHaveLength(1);
  });

  it('has a one-line message and help that explains it', () => {
    expect(rule.message).not.toContain('\n');
    expect(rule.message.length).toBeGreaterThan(10);
    expect(rule.help.length).toBeGreaterThan(40);
  });

  it('has a docs page titled with its id that names its severity', () => {
    const page = join(DOCS, `${id}.md`);
    expect(existsSync(page)).toBe(true);
    const text = readFileSync(page, 'utf8');
    expect(text.split('\n')[0]).toBe(`# ${id}`);
    const severity = /^\*\*Severity:\*\*([^\n]*(?:\n[^\n#][^\n]*)*)/m.exec(text)?.[1] ?? '';
    expect(severity).toContain(rule.severity);
  });

  it('is described in SARIF with its level, message and page', () => {
    expect(sarifRules.filter((r) => r.id === id)).toEqual([
      expect.objectContaining({
        shortDescription: { text: rule.message },
        defaultConfiguration: { level: rule.severity === 'error' ? 'error' : 'warning' },
        helpUri: docsUrl(id)
      })
    ]);
  });

  it('is listed by --list-rules with its level and page', () => {
    expect(listed.filter((r) => r.id === id)).toEqual([
      expect.objectContaining({ level: rule.severity, message: rule.message, docs: docsUrl(id) })
    ]);
  });

  it('is in the action README’s rule list with its level and squawk ids', () => {
    expect(README_RULES.get(id)).toEqual({
      level: `${rule.severity}${rule.optIn ? ', opt-in' : ''}`,
      squawk: rule.equivalents.squawk ?? []
    });
  });

  it('has its own table test', () => {
    const own = join(TESTS, 'rules', `${id}.test.ts`);
    const file = existsSync(own) ? own : join(TESTS, TESTED_IN[id] ?? `rules/${id}.test.ts`);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain(id);
  });
});

describe('the action README’s rule list', () => {
  it('names no rule that does not exist', () => {
    const ids = new Set(ALL_RULES.map((rule) => rule.id));
    expect([...README_RULES.keys()].filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('the docs folder', () => {
  it('has no page for a rule that does not exist (require-timeout-settings is squawk’s alias, mapped)', () => {
    const ids = new Set(ALL_RULES.map((rule) => rule.id));
    const orphans = readdirSync(DOCS)
      .map((file) => file.replace(/\.md$/, ''))
      .filter((id) => !ids.has(id) && !ALL_RULES.some((rule) => rule.equivalents.squawk?.includes(id)));
    expect(orphans).toEqual([]);
  });
});
