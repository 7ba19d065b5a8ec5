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

export class Comparator {
  private readonly shapes = new Map<JsonObject, Shape>();
  private readonly visited = new Map<JsonObject, Set<JsonObject>>();
  /** Whether a removed and an added property have the same schema (renames.ts). */
  readonly equality = new SchemaEquality();

  constructor(readonly ctx: SchemaCompareContext) {}

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
