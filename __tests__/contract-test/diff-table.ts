// A diff family's table: pairs of small specs, the change each reports and the near misses it lets through, run
// through the whole diff (diffSpecs), so a row also shows no other family reports the same change. A family's
// table is data in diff-tables/<family>.ts (its default export); diff-tables.test.ts runs every table there and
// fails naming any check of the catalogue that no table row reports.
import { describe, expect, it } from '@jest/globals';
import { ALL_CHECKS, diffSpecs } from '../../actions/contract-test/src/diff/index.js';
import type { Change, CheckInfo } from '../../actions/contract-test/src/spec/types.js';
import { specFromYaml } from './spec-fixture.js';

/** A spec as YAML, or as an object (JSON is YAML). */
export type SpecText = string | Record<string, unknown>;

/** The clock of every table: x-sunset dates are judged against it. */
export const TABLE_NOW = new Date('2026-06-01T00:00:00Z');

export interface DiffCase<Id extends string> {
  base: SpecText;
  head: SpecText;
  /** The check the row reports, exactly once, at its declared level. */
  id: Id;
  /** A substring of its message. */
  message?: string;
  /** The API path and method it is reported on (`null`: reported on none, e.g. a document-level change). */
  path?: string | null;
  method?: string | null;
}

export interface DiffNearMiss<Id extends string> {
  base: SpecText;
  head: SpecText;
  /** The check this pair must not report; without it, none of the family's checks may report anything. */
  id?: Id;
  /** A check the pair reports instead (a removal of a deprecated operation instead of a breaking one). */
  instead?: string;
  /** The pair raises no error-level change at all. */
  compatible?: boolean;
}

export interface DiffTable<Id extends string> {
  reports: DiffCase<Id>[];
  accepts: DiffNearMiss<Id>[];
}

/** One family's table: its checks (as the family declares them) and its rows. */
export interface FamilyTable {
  family: string;
  checks: readonly CheckInfo[];
  table: DiffTable<string>;
}

/** Declares a family's table (data only: runDiffTable turns it into tests). */
export function diffTable<Id extends string>(
  family: string,
  checks: readonly CheckInfo<Id>[],
  table: DiffTable<Id>
): FamilyTable {
  return { family, checks, table };
}

const load = (text: SpecText) => specFromYaml(typeof text === 'string' ? text : JSON.stringify(text));

export function diffPair(row: { base: SpecText; head: SpecText }): Change[] {
  return diffSpecs(load(row.base), load(row.head), { now: TABLE_NOW });
}

const show = (changes: Change[]) => changes.map((c) => `${c.level} ${c.id}: ${c.message}`);

/** The table test of one family: registered with its levels, every check reported by some row, the near misses. */
export function runDiffTable({ family, checks, table }: FamilyTable): void {
  const ids = new Set<string>(checks.map((c) => c.id));
  const levelOf = (id: string) => checks.find((c) => c.id === id)?.level;

  describe(`diff family ${family} (table)`, () => {
    it.each(checks.map((c) => [c.id, c] as const))('%s is registered once, with its level', (id, c) => {
      expect(ALL_CHECKS.filter((x) => x.id === id)).toEqual([c]);
    });

    it.each(checks.map((c) => [c.id] as const))('%s has a row that reports it', (id) => {
      expect(table.reports.some((row) => row.id === id)).toBe(true);
    });

    it.each(table.reports.map((row, i) => [row.id, i, row] as const))('reports %s (row %i)', (id, _, row) => {
      expect(ids.has(id)).toBe(true);
      const changes = diffPair(row);
      const found = changes.filter((change) => change.id === id);
      if (found.length !== 1) expect(show(changes)).toContain(`one ${id}`);
      expect(found[0].level).toBe(levelOf(id));
      if (row.message !== undefined) expect(found[0].message).toContain(row.message);
      if (row.path !== undefined) expect(found[0].path).toBe(row.path ?? undefined);
      if (row.method !== undefined) expect(found[0].method).toBe(row.method ?? undefined);
    });

    it.each(table.accepts.map((row, i) => [row.id ?? 'all its checks', i, row] as const))(
      'accepts a near miss of %s (row %i)',
      (_, __, row) => {
        const changes = diffPair(row);
        const silent = row.id === undefined ? ids : new Set([row.id]);
        expect(show(changes.filter((change) => silent.has(change.id)))).toEqual([]);
        if (row.instead !== undefined) expect(changes.map((c) => c.id)).toContain(row.instead);
        if (row.compatible) expect(show(changes.filter((c) => c.level === 'error'))).toEqual([]);
      }
    );
  });
}

// Builders for the tables' small specs.
export type Doc = Record<string, unknown>;

/** An OAS 3 document (3.0 unless told) with these paths. */
export function oas(paths: Doc, extra: Doc = {}, version: '3.0' | '3.1' = '3.0'): Doc {
  return { openapi: version === '3.0' ? '3.0.3' : '3.1.0', info: { title: 't', version: '1' }, paths, ...extra };
}

/** An OAS 2.0 document with these paths. */
export function swagger(paths: Doc, extra: Doc = {}): Doc {
  return { swagger: '2.0', info: { title: 't', version: '1' }, paths, ...extra };
}

/** An operation answering 200, with these keys. */
export function op(extra: Doc = {}): Doc {
  return { responses: { '200': { description: 'ok' } }, ...extra };
}

/** A content map with one application/json schema. */
export const json = (schema: unknown = { type: 'object' }): Doc => ({ 'application/json': { schema } });
