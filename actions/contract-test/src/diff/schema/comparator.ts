// The schema comparator's core: it walks two schemas side by side (shared and cyclic parts once per pair),
// builds their effective shapes (shape.ts) and hands each pair to the families, which emit through it. Where a
// change is located and how its message reads is decided here, once for every family.
import type { JsonObject, JsonValue, LoadedSpec, SourceLocation } from '../../spec/types.js';
import { isJsonObject, wasAt } from '../catalog.js';
import type { SchemaCompareContext } from '../emitter.js';
import { compareBounds } from './bounds.js';
import { compareDefault } from './default.js';
import { compareFormat } from './format.js';
import { compareNullable } from './nullable.js';
import { compareObject } from './properties.js';
import { SCHEMA_LEVELS, type SchemaCheckId } from './registry.js';
import { SchemaEquality } from './renames.js';
import { buildShape, type Shape } from './shape.js';
import { compareTypes } from './type.js';
import { compareValues } from './values.js';
import { compareVariants } from './variants.js';

const isObject = isJsonObject;

/** One change found in a schema pair, without what depends on who owns the schema (its label, path, method). */
export interface SchemaFinding {
  id: SchemaCheckId;
  path: string;
  what: string;
  location?: SourceLocation;
  baseLocation?: SourceLocation;
}

/**
 * What one diff of two specs learns about their schemas, shared by all its comparisons: a large schema that many
 * operations reference is compared once per direction (its findings replayed under each owner's label), shapes
 * are built once per node, and a pair of subtrees that are equal value for value is skipped at once.
 */
export class SchemaMemo {
  readonly shapes = new Map<JsonObject, Shape>();
  private readonly findings = new Map<string, WeakMap<JsonObject, Map<JsonObject, SchemaFinding[]>>>();
  private readonly equal = new WeakMap<object, WeakSet<object>>();
  private readonly unequal = new WeakMap<object, WeakSet<object>>();

  /** The findings of a whole comparison of this pair, if it was made before (in this direction). */
  recall(direction: string, base: JsonObject, head: JsonObject): SchemaFinding[] | undefined {
    return this.findings.get(direction)?.get(base)?.get(head);
  }

  remember(direction: string, base: JsonObject, head: JsonObject, found: SchemaFinding[]): void {
    let byBase = this.findings.get(direction);
    if (!byBase) this.findings.set(direction, (byBase = new WeakMap()));
    let byHead = byBase.get(base);
    if (!byHead) byBase.set(base, (byHead = new Map<JsonObject, SchemaFinding[]>()));
    byHead.set(head, found);
  }

  /**
   * Whether two values are equal key for key and value for value, through shared and cyclic parts (a pair met
   * again while it is being compared is assumed equal: two cycles of the same shape are equal). An unequal pair
   * is remembered at once; an equal one only when its answer did not rest on such an assumption about a pair
   * outside it, which a later difference could still prove wrong.
   */
  same(base: JsonValue | undefined, head: JsonValue | undefined): boolean {
    const active = new Map<object, Map<object, number>>();
    let assumedAt = Number.POSITIVE_INFINITY;
    const pairIn = (table: WeakMap<object, WeakSet<object>>, a: object, b: object) => table.get(a)?.has(b) === true;
    const note = (table: WeakMap<object, WeakSet<object>>, a: object, b: object) => {
      let set = table.get(a);
      if (!set) table.set(a, (set = new WeakSet()));
      set.add(b);
    };
    const walk = (a: JsonValue | undefined, b: JsonValue | undefined, depth: number): boolean => {
      if (a === b) return true;
      if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
      if (Array.isArray(a) !== Array.isArray(b)) return false;
      if (pairIn(this.equal, a, b)) return true;
      if (pairIn(this.unequal, a, b)) return false;
      const open = active.get(a)?.get(b);
      if (open !== undefined) {
        assumedAt = Math.min(assumedAt, open);
        return true;
      }
      const aKeys = Object.keys(a);
      if (aKeys.length !== Object.keys(b).length) return false;
      let opened = active.get(a);
      if (!opened) active.set(a, (opened = new Map<object, number>()));
      opened.set(b, depth);
      const outer = assumedAt;
      assumedAt = Number.POSITIVE_INFINITY;
      let result = true;
      for (const key of aKeys) {
        if (!Object.prototype.hasOwnProperty.call(b, key)) result = false;
        else result = walk((a as JsonObject)[key], (b as JsonObject)[key], depth + 1);
        if (!result) break;
      }
      opened.delete(b);
      if (!result) note(this.unequal, a, b);
      else if (assumedAt >= depth) note(this.equal, a, b);
      assumedAt = Math.min(outer, assumedAt >= depth ? Number.POSITIVE_INFINITY : assumedAt);
      return result;
    };
    try {
      return walk(base, head, 0);
    } catch (error) {
      // Too deep to compare recursively: compared the long way instead.
      if (error instanceof RangeError) return false;
      throw error;
    }
  }
}

const memos = new WeakMap<LoadedSpec, WeakMap<LoadedSpec, SchemaMemo>>();

/** The memo of one pair of specs (kept while both are). */
export function schemaMemo(base: LoadedSpec, head: LoadedSpec): SchemaMemo {
  let byHead = memos.get(base);
  if (!byHead) memos.set(base, (byHead = new WeakMap()));
  let memo = byHead.get(head);
  if (!memo) byHead.set(head, (memo = new SchemaMemo()));
  return memo;
}

export class Comparator {
  private readonly shapes: Map<JsonObject, Shape>;
  private readonly visited = new Map<JsonObject, Set<JsonObject>>();
  /** Whether a removed and an added property have the same schema (renames.ts). */
  readonly equality = new SchemaEquality();
  /** While a comparison is recorded for the memo: what it found. */
  private recording: SchemaFinding[] | undefined;

  /** Without a memo, every comparison walks both schemas in full (what the memo is measured against). */
  constructor(
    readonly ctx: SchemaCompareContext,
    private readonly memo?: SchemaMemo
  ) {
    this.shapes = memo?.shapes ?? new Map<JsonObject, Shape>();
  }

  /** Compares two whole schemas, through the memo when there is one. */
  compareRoot(base: JsonValue | undefined, head: JsonValue | undefined): void {
    if (!this.memo || !isObject(base) || !isObject(head)) return this.compare(base, head, '');
    let found = this.memo.recall(this.dir, base, head);
    if (!found) {
      found = this.recording = [];
      try {
        this.compare(base, head, '');
      } finally {
        this.recording = undefined;
      }
      this.memo.remember(this.dir, base, head, found);
      return;
    }
    for (const f of found) this.report(f.id, f.path, f.what, f.location, f.baseLocation);
  }

  shape(node: JsonObject): Shape {
    let s = this.shapes.get(node);
    if (!s) {
      s = buildShape(node);
      this.shapes.set(node, s);
    }
    return s;
  }

  private label(path: string): string {
    return path ? `${this.ctx.where}, property ${path}` : this.ctx.where;
  }

  /** Where a keyword of a shape was written in one spec (the part of an allOf that has it), else the schema. */
  private place(spec: LoadedSpec, shape: Shape, keyword?: string): SourceLocation | undefined {
    const owner = (keyword && shape.origin.get(keyword)) || shape.node;
    const key = keyword?.startsWith('properties.') ? keyword.slice(11) : keyword;
    return spec.locate(owner, key) ?? spec.locate(shape.node);
  }

  private report(
    id: SchemaCheckId,
    path: string,
    what: string,
    location?: SourceLocation,
    baseLocation?: SourceLocation
  ) {
    const level = SCHEMA_LEVELS.get(id);
    if (!level) throw new Error(`schema diff: check ${id} is not in SCHEMA_CHECKS`);
    this.recording?.push({ id, path, what, location, baseLocation });
    this.ctx.emit({
      id,
      level,
      ...(this.ctx.path !== undefined && { path: this.ctx.path }),
      ...(this.ctx.method !== undefined && { method: this.ctx.method }),
      message: `${this.label(path)}: ${what}${wasAt(baseLocation)}`,
      ...(location && { location }),
      ...(baseLocation && { baseLocation })
    });
  }

  /** A change in the head schema, located there. */
  emit(id: SchemaCheckId, path: string, what: string, shape: Shape, keyword?: string) {
    this.report(id, path, what, this.place(this.ctx.head, shape, keyword));
  }

  /**
   * Something only the base schema has (a property, a variant): located at the head schema that lost it (its
   * `headKeyword`, e.g. `properties`, else the schema), with the base location named in the message. A renamed
   * property is reported the same way, `headKeyword` naming the property under its new name.
   */
  emitRemoved(
    id: SchemaCheckId,
    path: string,
    what: string,
    base: Shape,
    baseKeyword: string,
    head: Shape,
    headKeyword: string
  ) {
    this.report(
      id,
      path,
      what,
      this.place(this.ctx.head, head, headKeyword),
      this.place(this.ctx.base, base, baseKeyword)
    );
  }

  get dir() {
    return this.ctx.direction;
  }

  compare(base: JsonValue | undefined, head: JsonValue | undefined, path: string, ignoreNullable = false): void {
    if (!isObject(base) || !isObject(head)) return;
    // Equal subtrees hold no change (whatever reaches them, in either direction).
    if (this.memo?.same(base, head)) return;
    const pairs = this.visited.get(base) ?? new Set<JsonObject>();
    if (pairs.has(head)) return;
    pairs.add(head);
    this.visited.set(base, pairs);
    const b = this.shape(base);
    const h = this.shape(head);

    if (!ignoreNullable) compareNullable(this, b, h, path);
    const bComposite = b.oneOf ?? b.anyOf;
    const hComposite = h.oneOf ?? h.anyOf;
    if (Boolean(bComposite) !== Boolean(hComposite)) {
      // One side is a plain schema, the other a choice: the plain one is a choice of one, so only the variants
      // are compared (comparing its properties against the choice's empty top level would invent removals).
      const kind = b.oneOf || h.oneOf ? 'oneOf' : 'anyOf';
      compareVariants(this, kind, bComposite ?? [base], hComposite ?? [head], path, b, h);
      return;
    }
    if (!compareTypes(this, b, h, path)) return;
    compareFormat(this, b, h, path);
    compareValues(this, b, h, path);
    compareBounds(this, b, h, path);
    compareDefault(this, b, h, path);
    compareObject(this, b, h, path);
    this.compareArray(b, h, path);
    if (b.oneOf && h.oneOf) compareVariants(this, 'oneOf', b.oneOf, h.oneOf, path, b, h);
    if (b.anyOf && h.anyOf) compareVariants(this, 'anyOf', b.anyOf, h.anyOf, path, b, h);
    if (b.oneOf && h.anyOf && !h.oneOf) compareVariants(this, 'anyOf', b.oneOf, h.anyOf, path, b, h);
    if (b.anyOf && h.oneOf && !h.anyOf) compareVariants(this, 'oneOf', b.anyOf, h.oneOf, path, b, h);
  }

  /** Arrays have no checks of their own: their items (and tuple positions) are compared as schemas. */
  private compareArray(b: Shape, h: Shape, path: string) {
    const bPrefix = b.prefixItems ?? [];
    const hPrefix = h.prefixItems ?? [];
    // A position past the end of one side's tuple is governed by that side's items schema (or anything).
    for (let i = 0; i < Math.max(bPrefix.length, hPrefix.length); i++) {
      this.compare(bPrefix[i] ?? b.items ?? {}, hPrefix[i] ?? h.items ?? {}, `${path}[${i}]`);
    }
    if (b.items !== undefined && h.items !== undefined) this.compare(b.items, h.items, `${path}[]`);
  }
}
