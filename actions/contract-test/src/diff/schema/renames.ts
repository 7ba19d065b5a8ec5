// Renamed properties: a property removed and another added in the same object, with the same schema, is one
// property under a new name (`tagList` -> `tags`). Reported as one change with both locations instead of a removal
// plus an addition: in a request the old name is what existing clients still send and the server now drops
// silently, in a response the old name is what existing clients still read.
//
// "The same schema" is deliberately narrow, so that two unrelated properties are never taken for one:
// - both sides are required, or both optional, in their object;
// - the two schemas are equal key for key and value for value, recursively (through $refs, cycles included), once
//   the annotations that change no value (description, title, summary, example, examples, externalDocs,
//   $comment) are set aside; `required`, `enum` and `type` lists compare as sets, every other list in order;
// - the schema says something (an empty schema, which accepts anything, pairs with nothing);
// - the schema tells the property apart: it is the only property of its object with that schema, in base and in
//   head. Two removed properties of one schema and one added (or the reverse) are ambiguous, and so is a schema a
//   kept sibling also has (`/rate_limit`'s `resources` holds a dozen properties of one `rate-limit` schema: one
//   removed and another added there are two resources, not one renamed). Either stays a removal plus an addition.
import type { JsonObject, JsonValue } from '../../spec/types.js';
import { defineCheck as check } from '../catalog.js';
import { isObject, valueKey, type Shape } from './shape.js';

export const RENAME_CHECKS = [
  check(
    'request-property-renamed',
    'error',
    'A request property was renamed (same schema, new name); what clients send under the old name is silently dropped.'
  ),
  check(
    'response-property-renamed',
    'error',
    'A response property was renamed (same schema, new name); clients reading the old name no longer find it.'
  )
] as const;

/** Keywords that describe a schema without changing which values it accepts. */
const ANNOTATIONS = new Set(['description', 'title', 'summary', 'example', 'examples', 'externalDocs', '$comment']);
/** Lists whose order carries no meaning. */
const UNORDERED = new Set(['required', 'enum', 'type']);

type Pairs = Map<object, Set<object>>;

function remember(pairs: Pairs, a: object, b: object): void {
  let seen = pairs.get(a);
  if (!seen) pairs.set(a, (seen = new Set()));
  seen.add(b);
}

/**
 * Decides "the same schema" for one comparator run. `different` remembers unequal pairs for good; equal pairs are
 * only remembered once a whole comparison succeeded, because inside one, a pair met again (a cycle) is assumed
 * equal until the comparison ends.
 */
export class SchemaEquality {
  private readonly equal: Pairs = new Map();
  private readonly different: Pairs = new Map();

  same(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
    const assumed: Pairs = new Map();
    const result = this.walk(a, b, assumed);
    if (result) for (const [x, ys] of assumed) for (const y of ys) remember(this.equal, x, y);
    return result;
  }

  private walk(a: JsonValue | undefined, b: JsonValue | undefined, assumed: Pairs): boolean {
    if (a === b) return true;
    if (a === undefined || b === undefined || a === null || b === null) return false;
    if (typeof a !== 'object' || typeof b !== 'object') return false;
    if (this.equal.get(a)?.has(b) || assumed.get(a)?.has(b)) return true;
    if (this.different.get(a)?.has(b)) return false;
    remember(assumed, a, b);
    const result =
      Array.isArray(a) && Array.isArray(b)
        ? this.list(a, b, assumed)
        : !Array.isArray(a) && !Array.isArray(b) && this.object(a, b, assumed);
    if (!result) remember(this.different, a, b);
    return result;
  }

  private list(a: JsonValue[], b: JsonValue[], assumed: Pairs): boolean {
    return a.length === b.length && a.every((item, i) => this.walk(item, b[i], assumed));
  }

  private object(x: JsonObject, y: JsonObject, assumed: Pairs): boolean {
    const keys = (o: JsonObject) => Object.keys(o).filter((k) => !ANNOTATIONS.has(k) && o[k] !== undefined);
    const xKeys = keys(x);
    const yKeys = new Set(keys(y));
    if (xKeys.length !== yKeys.size || !xKeys.every((k) => yKeys.has(k))) return false;
    return xKeys.every((k) => {
      const [xv, yv] = [x[k], y[k]];
      if (UNORDERED.has(k) && Array.isArray(xv) && Array.isArray(yv)) return sameSet(xv, yv);
      return this.walk(xv, yv, assumed);
    });
  }
}

function sameSet(a: JsonValue[], b: JsonValue[]): boolean {
  const keys = (list: JsonValue[]) => new Set(list.map((v) => valueKey(v)));
  const [x, y] = [keys(a), keys(b)];
  return x.size === y.size && [...x].every((k) => y.has(k));
}

/** A schema that accepts anything (no keyword but annotations) tells nothing about which property it is. */
function saysNothing(node: JsonValue | undefined): boolean {
  if (node === true) return true;
  return isObject(node) && Object.keys(node).every((k) => ANNOTATIONS.has(k));
}

/** How many properties of an object have this schema. */
function carriers(equality: SchemaEquality, shape: Shape, node: JsonValue | undefined): number {
  let count = 0;
  for (const other of shape.properties.values()) if (equality.same(node, other)) count++;
  return count;
}

/**
 * Pairs the removed and added properties of one object that are the same property renamed: base name -> head
 * name. A pair is made only when its schema is carried by that one property on each side; anything else is left
 * to be reported as removed or added.
 */
export function pairRenames(
  equality: SchemaEquality,
  b: Shape,
  h: Shape,
  removed: readonly string[],
  added: readonly string[]
): Map<string, string> {
  const renames = new Map<string, string>();
  for (const from of removed) {
    const bNode = b.properties.get(from);
    if (saysNothing(bNode)) continue;
    const to = added.find((name) => equality.same(bNode, h.properties.get(name)));
    if (to === undefined || b.required.has(from) !== h.required.has(to)) continue;
    if (carriers(equality, b, bNode) === 1 && carriers(equality, h, h.properties.get(to)) === 1) renames.set(from, to);
  }
  return renames;
}
