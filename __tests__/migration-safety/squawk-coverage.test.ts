// "Every squawk rule has an equivalent here", tested: fixtures/squawk-rules.json lists squawk 2.66's rules as its
// registry declares them (the commit is in the file), and each must be named in the `equivalents.squawk` of a rule
// of ours, which must be on by default when squawk's is.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SQUAWK_RULES } from '../../actions/migration-safety/src/engine/suppress.js';
import { ALL_RULES } from '../../actions/migration-safety/src/rules/index.js';
import { repoRoot } from '../harness/runner.js';

interface SquawkRule {
  name: string;
  default: boolean;
  aliases?: string[];
  expandsTo?: string[];
  /** false for names squawk reports but does not accept in --exclude, --include or ignore comments. */
  configurable?: boolean;
}

const LIST = join(repoRoot, '__tests__', 'migration-safety', 'fixtures', 'squawk-rules.json');
const squawk = JSON.parse(readFileSync(LIST, 'utf8')) as {
  version: string;
  source: { commit: string };
  rules: SquawkRule[];
};

/** Our rules that stand for a squawk rule name. */
const oursFor = (name: string) => ALL_RULES.filter((rule) => rule.equivalents.squawk?.includes(name));

describe(`squawk ${squawk.version} rule list`, () => {
  it('names the squawk commit it was read from, and a plausible number of rules', () => {
    expect(squawk.source.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(squawk.rules.length).toBeGreaterThanOrEqual(40);
    expect(new Set(squawk.rules.map((r) => r.name)).size).toBe(squawk.rules.length);
  });

  it('has a rule of ours for every squawk rule and alias', () => {
    const unmapped = squawk.rules
      .flatMap((rule) => [rule.name, ...(rule.aliases ?? [])])
      .filter((name) => oursFor(name).length === 0);
    expect(unmapped).toEqual([]);
  });

  it('runs an equivalent by default wherever squawk does', () => {
    const offByDefault = squawk.rules
      .filter((rule) => rule.default && !oursFor(rule.name).some((ours) => !ours.optIn))
      .map(
        (rule) =>
          `${rule.name} (ours: ${oursFor(rule.name)
            .map((r) => r.id)
            .join(', ')})`
      );
    expect(offByDefault).toEqual([]);
  });

  it('maps a deprecated alias to the rules it expands to', () => {
    const missing = squawk.rules.flatMap((rule) =>
      (rule.expandsTo ?? [])
        .filter((target) => !oursFor(rule.name).some((ours) => ours.equivalents.squawk?.includes(target)))
        .map((target) => `${rule.name} -> ${target}`)
    );
    expect(missing).toEqual([]);
  });

  it('names no squawk rule that squawk does not have', () => {
    const known = new Set(squawk.rules.flatMap((rule) => [rule.name, ...(rule.aliases ?? [])]));
    const unknown = ALL_RULES.flatMap((rule) =>
      (rule.equivalents.squawk ?? []).map((name) => `${rule.id}: ${name}`)
    ).filter((entry) => !known.has(entry.split(': ')[1]));
    expect(unknown).toEqual([]);
  });

  it('is the list -- squawk-ignore comments accept', () => {
    const configurable = squawk.rules
      .filter((rule) => rule.configurable !== false)
      .flatMap((rule) => [rule.name, ...(rule.aliases ?? [])]);
    // squawk never reports a syntax error it was told to ignore; we accept the name so such comments stay valid.
    expect([...SQUAWK_RULES].sort()).toEqual([...configurable, 'syntax-error'].sort());
  });
});
