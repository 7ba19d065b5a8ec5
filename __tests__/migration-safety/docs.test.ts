import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../../actions/migration-safety/src/rules/index.js';
import { repoRoot } from '../harness/runner.js';

const DOCS = join(repoRoot, 'actions', 'migration-safety', 'docs', 'rules');

describe('rule docs pages', () => {
  it.each(ALL_RULES.map((rule) => [rule.id]))('%s has a page titled with its id', (id) => {
    const page = join(DOCS, `${id}.md`);
    expect(existsSync(page)).toBe(true);
    expect(readFileSync(page, 'utf8').split('\n')[0]).toBe(`# ${id}`);
  });

  it('has no page for a rule that does not exist (require-timeout-settings is squawk’s alias, mapped)', () => {
    const ids = new Set(ALL_RULES.map((rule) => rule.id));
    const orphans = readdirSync(DOCS)
      .map((file) => file.replace(/\.md$/, ''))
      .filter((id) => !ids.has(id) && !ALL_RULES.some((rule) => rule.equivalents.squawk?.includes(id)));
    expect(orphans).toEqual([]);
  });

  it('every rule has a one-line message, help and a kebab-case id', () => {
    for (const rule of ALL_RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.message).not.toContain('\n');
      expect(rule.help.length).toBeGreaterThan(40);
    }
  });
});
