// contract-test/CHECKS.md is generated from the diff checks' catalogue (npm run docs:checks): it must be the page
// the catalogue gives today, and a stale page is reported by the first check that differs.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CHECKS_PAGE,
  checksPage,
  checksPageDifference,
  familyMismatch
} from '../../actions/contract-test/src/checks-page.js';
import { ALL_CHECKS, CHECK_FAMILIES } from '../../actions/contract-test/src/diff/index.js';
import { repoRoot } from '../harness/runner.js';

const file = join(repoRoot, CHECKS_PAGE);
const committed = existsSync(file) ? readFileSync(file, 'utf8') : undefined;

describe(CHECKS_PAGE, () => {
  it('is up to date with the catalogue (else: npm run docs:checks)', () => {
    expect(checksPageDifference(committed)).toBeUndefined();
  });

  it('groups every check in exactly one family, in the order of ALL_CHECKS', () => {
    expect(familyMismatch()).toBeUndefined();
    expect(CHECK_FAMILIES.flatMap((f) => f.checks.map((c) => c.id))).toEqual(ALL_CHECKS.map((c) => c.id));
    for (const family of CHECK_FAMILIES) expect(family.checks.length).toBeGreaterThan(0);
  });

  it('lists every check with its default level and description', () => {
    const page = checksPage();
    for (const check of ALL_CHECKS)
      expect(page).toContain(`| \`${check.id}\` | ${check.level} | ${check.description.replace(/\|/g, '\\|')} |`);
    expect(page).toContain(`with ${ALL_CHECKS.length} checks`);
  });

  it('says how to change a level and how to accept a change', () => {
    const page = checksPage();
    for (const text of [
      '.github/contract-test.yml',
      '`config` input',
      '`--config`',
      '.github/contract-test-ignore.yml'
    ])
      expect(page).toContain(text);
  });

  it('names the first check that differs when the page is stale', () => {
    const page = checksPage();
    const [first, second] = [ALL_CHECKS[5]!, ALL_CHECKS[6]!];
    const other = first.level === 'error' ? 'info' : 'error';
    const stale = page.replace(`| \`${first.id}\` | ${first.level} |`, `| \`${first.id}\` | ${other} |`);
    expect(checksPageDifference(stale, page)).toMatch(
      new RegExp(
        `^contract-test/CHECKS\\.md is out of date with the checks' catalogue at check ${first.id} \\(line \\d+\\); run \`npm run docs:checks\`$`
      )
    );
    // A check missing from the page: the first check the page lacks is named.
    const missing = page
      .split('\n')
      .filter((line) => !line.startsWith(`| \`${second.id}\` |`))
      .join('\n');
    expect(checksPageDifference(missing, page)).toContain(`at check ${second.id} `);
    expect(checksPageDifference(undefined, page)).toBe(`${CHECKS_PAGE} is missing; run \`npm run docs:checks\``);
    // A family the registry does not list in catalogue order is refused.
    expect(familyMismatch([...CHECK_FAMILIES].reverse())).toMatch(/^\S+ \(the families list \S+ there\)$/);
  });

  it('is linked from the README next to the check levels', () => {
    const readme = readFileSync(join(repoRoot, 'contract-test', 'README.md'), 'utf8');
    expect(readme).toContain('(CHECKS.md)');
  });
});
