// What every diff family builds on: the small JSON accessors, how an operation is named in messages, and the
// Emitter that turns a finding into a located Change. Emitting takes a declared check id (registry.ts), so a
// misspelt id fails the type-check instead of a run.
import type { Change, ChangeLevel, JsonObject, JsonValue, LoadedSpec, SourceLocation } from '../spec/types.js';
import { isJsonObject, wasAt } from './catalog.js';
import type { CheckId } from './registry.js';

export const isObject = isJsonObject;
export function obj(value: JsonValue | undefined): JsonObject {
  return isObject(value) ? value : {};
}
export function arr(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}
export function str(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** What the schema comparator needs to judge and report one schema (see schema/index.ts). */
export interface SchemaCompareContext {
  /** request: the client sends it (tightening breaks); response: the server sends it (loosening breaks). */
  direction: 'request' | 'response';
  path?: string;
  method?: string;
  /** Human label of the schema's owner, e.g. 'request body (application/json)' or 'query parameter "limit"'. */
  where: string;
  base: LoadedSpec;
  head: LoadedSpec;
  emit(change: Change): void;
}

/**
 * Compares two schemas and emits the changes inside them. Injected into the operation diff so that it can be
 * tested (and evolve) apart from the schema comparator; what it emits are Changes with its own ids.
 */
export type SchemaComparator = (
  base: JsonValue | undefined,
  head: JsonValue | undefined,
  ctx: SchemaCompareContext
) => void;

export interface Where {
  path?: string;
  method?: string;
  /** How messages name the operation (default: `METHOD path`). */
  label?: string;
}

export function opLabel(where: Where): string {
  return where.label ?? `${(where.method ?? '').toUpperCase()} ${where.path ?? ''}`.trim();
}

/** A node and optionally one of its keys; lists of anchors go from the most to the least specific. */
export type Anchor = [JsonValue | undefined, string?];

/**
 * Turns findings into Changes. Every location it produces is in the head spec: a change to something head has
 * points at it, a removal points at head's nearest surviving parent and names the base location in its message
 * (a base line number on the head file would land on an unrelated line), a move points at its new place and names
 * the old one the same way.
 */
export class Emitter {
  constructor(
    readonly base: LoadedSpec,
    readonly head: LoadedSpec,
    readonly sink: (change: Change) => void,
    private readonly levels: ReadonlyMap<string, ChangeLevel>
  ) {}

  private readonly visited = new WeakMap<object, WeakSet<object>>();

  /** True the first time a pair of base and head nodes is offered: shared or cyclic parts are compared once. */
  firstVisit(base: object, head: object): boolean {
    let seen = this.visited.get(base);
    if (!seen) this.visited.set(base, (seen = new WeakSet()));
    if (seen.has(head)) return false;
    seen.add(head);
    return true;
  }

  private place(spec: LoadedSpec, at: readonly Anchor[]): SourceLocation | undefined {
    for (const [node, key] of at) {
      if (node === undefined) continue;
      const location = spec.locate(node, key);
      if (location) return location;
    }
    return undefined;
  }

  private push(id: CheckId, where: Where, message: string, location?: SourceLocation, baseLocation?: SourceLocation) {
    const level = this.levels.get(id);
    if (!level) throw new Error(`unknown check id ${id}`);
    const change: Change = { id, level, message };
    if (where.path !== undefined) change.path = where.path;
    if (where.method !== undefined) change.method = where.method;
    const at = location ?? this.head.locate(this.head.document);
    if (at) change.location = at;
    if (baseLocation) change.baseLocation = baseLocation;
    this.sink(change);
  }

  /** Something the head spec has (added or changed); synthesised nodes (OAS 2.0) have no location. */
  emit(id: CheckId, where: Where, message: string, ...at: Anchor[]): void {
    this.push(id, where, message, this.place(this.head, at));
  }

  /**
   * Something both specs have in another place (a moved operation): located in head at `at`, with its base
   * location (`was`) named in the message.
   */
  moved(id: CheckId, where: Where, message: string, at: readonly Anchor[], was: readonly Anchor[]): void {
    const baseLocation = this.place(this.base, was);
    this.push(id, where, `${message}${wasAt(baseLocation)}`, this.place(this.head, at), baseLocation);
  }

  /** Something only the base spec has: `was` are its base anchors, `parent` head's surviving parents. */
  removed(id: CheckId, where: Where, message: string, was: readonly Anchor[], parent: readonly Anchor[]): void {
    const baseLocation = this.place(this.base, was);
    this.push(id, where, `${message}${wasAt(baseLocation)}`, this.place(this.head, parent), baseLocation);
  }
}
