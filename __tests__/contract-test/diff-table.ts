// A diff family's table test: pairs of small specs, the change each reports and the pairs it lets through, run
// through the whole diff (diffSpecs), so a row also shows no other family reports the same change.
import { describe, expect, it } from '@jest/globals';
import { ALL_CHECKS, diffSpecs } from '../../actions/contract-test/src/diff/index.js';
import type { CheckInfo } from '../../actions/contract-test/src/spec/types.js';
import { specFromYaml } from './spec-fixture.js';

export interface DiffCase<Id extends string> {
  /** The base and head specs, as YAML. */
  base: string;
  head: string;
  /** The check the row reports (once). */
  id: Id;
  /** A substring of its message. */
  message?: string;
}

export interface DiffTable<Id extends string> {
  reports: DiffCase<Id>[];
  /** Pairs where none of the family's checks reports anything. */
  accepts: { base: string; head: string }[];
}

/** Declares the table test of one family: registered with its levels, every check reported by some row. */
export function diffTable<Id extends string>(
  family: string,
  checks: readonly CheckInfo<Id>[],
  table: DiffTable<Id>
): void {
  const ids = new Set<string>(checks.map((c) => c.id));
  const diff = (row: { base: string; head: string }) => diffSpecs(specFromYaml(row.base), specFromYaml(row.head));

  describe(`diff family ${family} (table)`, () => {
    it.each(checks.map((c) => [c.id, c] as const))('%s is registered once, with its level', (id, c) => {
      expect(ALL_CHECKS.filter((x) => x.id === id)).toEqual([c]);
    });

    it.each(checks.map((c) => [c.id] as const))('%s has a row that reports it', (id) => {
      expect(table.reports.some((row) => row.id === id)).toBe(true);
    });

    it.each(table.reports.map((row) => [row.id, row] as const))('reports %s', (id, row) => {
      const found = diff(row).filter((change) => change.id === id);
      expect(found).toHaveLength(1);
      expect(found[0].level).toBe(checks.find((c) => c.id === id)?.level);
      if (row.message) expect(found[0].message).toContain(row.message);
    });

    it.each(table.accepts.map((row, i) => [i, row] as const))('accepts pair %i', (_, row) => {
      expect(diff(row).filter((change) => ids.has(change.id))).toEqual([]);
    });
  });
}
