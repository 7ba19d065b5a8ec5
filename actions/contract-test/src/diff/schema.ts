// Structural comparison of two JSON Schemas (parameter schemas, request and response bodies, headers). Whether a
// difference breaks clients depends on who produces the data: a client sends requests, so anything the head
// schema no longer accepts breaks it; a server sends responses, so anything the head schema newly allows may
// surprise a client that parses it. Every check below is therefore judged per direction.
import type { Change, CheckInfo, JsonObject, JsonValue, LoadedSpec, SourceLocation } from '../spec/types.js';
import { defineCheck, isJsonObject, wasAt } from './catalog.js';

export interface SchemaContext {
  /** request: the client sends it (tightening breaks); response: the server sends it (loosening breaks). */
  direction: 'request' | 'response';
  path?: string;
  method?: string;
  /** Human label of the schema's owner, e.g. 'request body application/json' or 'query parameter "limit"'. */
  where: string;
  base: LoadedSpec;
  head: LoadedSpec;
  emit(change: Change): void;
}

const check = defineCheck;

export const SCHEMA_CHECKS: CheckInfo[] = [
  check('response-property-removed', 'error', 'A response property was removed; clients reading it break.'),
  check(
    'request-property-removed',
    'warning',
    'A request property was removed; servers may reject clients still sending it.'
  ),
  check('new-required-request-property', 'error', 'A new required request property; existing clients do not send it.'),
  check('new-optional-request-property', 'info', 'A new optional request property.'),
  check('response-property-added', 'info', 'A new response property.'),
  check('request-property-became-required', 'error', 'An optional request property became required.'),
  check('request-property-became-optional', 'info', 'A required request property became optional.'),
  check(
    'response-property-became-optional',
    'warning',
    'A required response property became optional; clients may rely on it.'
  ),
  check('response-property-became-required', 'info', 'An optional response property became required.'),
  check('request-property-type-changed', 'error', 'A request type no longer accepts values it accepted.'),
  check(
    'response-property-type-changed',
    'error',
    'A response type may now carry values of a type clients do not expect.'
  ),
  check('request-property-type-widened', 'info', 'A request type accepts more (e.g. integer to number).'),
  check(
    'response-property-type-narrowed',
    'info',
    'A response type carries fewer kinds of values (e.g. number to integer).'
  ),
  check('request-property-format-changed', 'error', 'A request format was replaced by an incompatible one.'),
  check('response-property-format-changed', 'error', 'A response format was replaced by an incompatible one.'),
  check('request-property-format-widened', 'info', 'A request format was widened (int32 to int64, float to double).'),
  check(
    'response-property-format-narrowed',
    'info',
    'A response format was narrowed (int64 to int32, double to float).'
  ),
  check(
    'request-property-format-added',
    'warning',
    'A request value gained a format; values that do not match it may be rejected.'
  ),
  check('request-property-format-removed', 'info', 'A request value lost its format.'),
  check('response-property-format-added', 'info', 'A response value gained a format.'),
  check('response-property-format-removed', 'warning', 'A response value lost its format; clients may rely on it.'),
  check('response-property-became-nullable', 'warning', 'A response value may now be null.'),
  check('request-property-became-nullable', 'info', 'A request value now accepts null.'),
  check('request-property-became-not-nullable', 'error', 'A request value no longer accepts null.'),
  check('response-property-became-not-nullable', 'info', 'A response value is no longer null.'),
  check('request-property-enum-value-removed', 'error', 'A request enum value was removed; clients sending it break.'),
  check('response-property-enum-value-removed', 'info', 'A response enum value was removed.'),
  check('request-property-enum-value-added', 'info', 'A request enum value was added.'),
  check('response-property-enum-value-added', 'warning', 'A response enum value was added; clients may not handle it.'),
  check('request-property-became-enum', 'error', 'A free request value was restricted to an enum or const.'),
  check(
    'response-property-became-not-enum',
    'warning',
    'A response value is no longer restricted to an enum or const.'
  ),
  check('request-property-const-changed', 'error', 'A request const changed.'),
  check('response-property-const-changed', 'error', 'A response const changed.'),
  check('request-property-max-decreased', 'error', 'A request maximum (or exclusiveMaximum) was lowered or added.'),
  check('request-property-min-increased', 'error', 'A request minimum (or exclusiveMinimum) was raised or added.'),
  check(
    'response-property-max-increased',
    'warning',
    'A response maximum (or exclusiveMaximum) was raised or removed.'
  ),
  check(
    'response-property-min-decreased',
    'warning',
    'A response minimum (or exclusiveMinimum) was lowered or removed.'
  ),
  check('request-property-max-length-decreased', 'error', 'A request maxLength was lowered or added.'),
  check('request-property-min-length-increased', 'error', 'A request minLength was raised or added.'),
  check('response-property-max-length-increased', 'warning', 'A response maxLength was raised or removed.'),
  check('response-property-min-length-decreased', 'warning', 'A response minLength was lowered or removed.'),
  check('request-property-max-items-decreased', 'error', 'A request maxItems was lowered or added.'),
  check('request-property-min-items-increased', 'error', 'A request minItems was raised or added.'),
  check('response-property-max-items-increased', 'warning', 'A response maxItems was raised or removed.'),
  check('response-property-min-items-decreased', 'warning', 'A response minItems was lowered or removed.'),
  check('request-property-pattern-changed', 'error', 'A request pattern was added or changed.'),
  check('response-property-pattern-changed', 'warning', 'A response pattern was removed or changed.'),
  check('request-property-unique-items-added', 'error', 'A request array now requires unique items.'),
  check('response-property-unique-items-removed', 'warning', 'A response array may now contain duplicates.'),
  check(
    'request-property-default-changed',
    'warning',
    'A request default changed; clients omitting the value get another behaviour.'
  ),
  check('response-property-default-changed', 'warning', 'A response default changed.'),
  check(
    'request-property-became-read-only',
    'error',
    'A request property became readOnly; clients sending it may be rejected or ignored.'
  ),
  check('request-property-became-not-read-only', 'info', 'A readOnly property can now be sent in requests.'),
  check(
    'response-property-became-write-only',
    'error',
    'A response property became writeOnly; it is no longer returned.'
  ),
  check('response-property-became-not-write-only', 'info', 'A writeOnly property is now returned in responses.'),
  check(
    'request-property-additional-properties-restricted',
    'error',
    'A request object no longer accepts additional properties.'
  ),
  check(
    'response-property-additional-properties-allowed',
    'warning',
    'A response object may now carry undeclared properties.'
  ),
  check('request-property-one-of-variant-removed', 'error', 'A oneOf variant accepted in requests was removed.'),
  check('request-property-one-of-variant-added', 'info', 'A oneOf variant was added to a request schema.'),
  check('response-property-one-of-variant-added', 'warning', 'A response may now be of a new oneOf variant.'),
  check('response-property-one-of-variant-removed', 'info', 'A oneOf variant was removed from a response schema.'),
  check('request-property-any-of-variant-removed', 'error', 'An anyOf variant accepted in requests was removed.'),
  check('request-property-any-of-variant-added', 'info', 'An anyOf variant was added to a request schema.'),
  check('response-property-any-of-variant-added', 'warning', 'A response may now match a new anyOf variant.'),
  check('response-property-any-of-variant-removed', 'info', 'An anyOf variant was removed from a response schema.')
];

const LEVELS = new Map(SCHEMA_CHECKS.map((c) => [c.id, c.level]));

interface Bound {
  value: number;
  exclusive: boolean;
}

interface Shape {
  node: JsonObject;
  /** Which keyword came from which allOf part, so locations point where the keyword was written. */
  origin: Map<string, JsonObject>;
  /** undefined: any type. Never contains 'null' (see nullable). */
  types?: Set<string>;
  nullable: boolean;
  format?: string;
  /** Allowed values (const becomes a one-element list), null excluded. */
  values?: JsonValue[];
  isConst: boolean;
  properties: Map<string, JsonValue>;
  required: Set<string>;
  additional?: JsonValue;
  items?: JsonValue;
  prefixItems?: JsonValue[];
  oneOf?: JsonValue[];
  anyOf?: JsonValue[];
  min?: Bound;
  max?: Bound;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  uniqueItems: boolean;
  hasDefault: boolean;
  default?: JsonValue;
  readOnly: boolean;
  writeOnly: boolean;
}

const isObject = isJsonObject;
const num = (v: JsonValue | undefined): number | undefined => (typeof v === 'number' ? v : undefined);
const text = (v: JsonValue | undefined): string => (v === undefined ? '(none)' : JSON.stringify(v));

// A value-level key so enum members can be compared by content, including object and array members.
function valueKey(v: JsonValue): string {
  if (!isObject(v)) return JSON.stringify(v);
  return `{${Object.keys(v)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${valueKey(v[k])}`)
    .join(',')}}`;
}

function isNullOnly(node: JsonValue): boolean {
  if (!isObject(node)) return false;
  const t = node.type;
  return (
    t === 'null' ||
    (Array.isArray(t) && t.length === 1 && t[0] === 'null') ||
    (node.const === null && !('type' in node))
  );
}

function tighterMax(a: Bound | undefined, b: Bound | undefined): Bound | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.value !== b.value) return a.value < b.value ? a : b;
  return a.exclusive ? a : b;
}

function tighterMin(a: Bound | undefined, b: Bound | undefined): Bound | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.value !== b.value) return a.value > b.value ? a : b;
  return a.exclusive ? a : b;
}

/** Builds the effective shape of a schema, with allOf parts (and single-variant oneOf/anyOf) merged into it. */
function buildShape(root: JsonObject): Shape {
  const shape: Shape = {
    node: root,
    origin: new Map(),
    nullable: false,
    isConst: false,
    properties: new Map(),
    required: new Set(),
    uniqueItems: false,
    hasDefault: false,
    readOnly: false,
    writeOnly: false
  };
  let nullVotes = 0;
  const seen = new Set<JsonObject>();
  const propertyParts = new Map<string, JsonValue[]>();
  const set = <K extends keyof Shape>(key: K, value: Shape[K] | undefined, part: JsonObject, keyword: string) => {
    if (value === undefined || shape[key] !== undefined) return;
    shape[key] = value;
    shape.origin.set(keyword, part);
  };

  const absorb = (part: JsonObject) => {
    if (seen.has(part)) return;
    seen.add(part);
    const type = part.type;
    if (type !== undefined) {
      const declared = (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
      const nonNull = declared.filter((t) => t !== 'null');
      if (declared.includes('null') || part.nullable === true) nullVotes++;
      if (nonNull.length > 0) {
        const next = new Set(nonNull);
        shape.types = shape.types ? new Set([...shape.types].filter((t) => next.has(t))) : next;
        if (!shape.origin.has('type')) shape.origin.set('type', part);
      }
    } else if (part.nullable === true) nullVotes++;
    if (typeof part.format === 'string') set('format', part.format, part, 'format');
    if ('const' in part && part.const !== undefined) {
      if (part.const === null) nullVotes++;
      else if (shape.values === undefined) {
        shape.values = [part.const];
        shape.isConst = true;
        shape.origin.set('const', part);
      }
    } else if (Array.isArray(part.enum)) {
      if (part.enum.includes(null)) nullVotes++;
      set(
        'values',
        part.enum.filter((v) => v !== null),
        part,
        'enum'
      );
    }
    if (isObject(part.properties)) {
      for (const [name, schema] of Object.entries(part.properties)) {
        const list = propertyParts.get(name) ?? [];
        list.push(schema);
        propertyParts.set(name, list);
        if (!shape.origin.has(`properties.${name}`)) shape.origin.set(`properties.${name}`, part.properties);
      }
      if (!shape.origin.has('properties')) shape.origin.set('properties', part);
    }
    if (Array.isArray(part.required)) for (const r of part.required) if (typeof r === 'string') shape.required.add(r);
    if (part.additionalProperties !== undefined)
      set('additional', part.additionalProperties, part, 'additionalProperties');
    if (part.items !== undefined) {
      if (Array.isArray(part.items)) set('prefixItems', part.items, part, 'items');
      else set('items', part.items, part, 'items');
    }
    if (Array.isArray(part.prefixItems)) set('prefixItems', part.prefixItems, part, 'prefixItems');
    const maximum = num(part.maximum);
    const minimum = num(part.minimum);
    // OAS 3.0 / draft 4: exclusiveMaximum is a boolean modifier; OAS 3.1: a number of its own.
    const exMax =
      typeof part.exclusiveMaximum === 'number'
        ? { value: part.exclusiveMaximum, exclusive: true }
        : maximum !== undefined
          ? { value: maximum, exclusive: part.exclusiveMaximum === true }
          : undefined;
    const exMin =
      typeof part.exclusiveMinimum === 'number'
        ? { value: part.exclusiveMinimum, exclusive: true }
        : minimum !== undefined
          ? { value: minimum, exclusive: part.exclusiveMinimum === true }
          : undefined;
    const max = tighterMax(exMax, maximum !== undefined ? { value: maximum, exclusive: false } : undefined);
    const min = tighterMin(exMin, minimum !== undefined ? { value: minimum, exclusive: false } : undefined);
    if (max) {
      shape.max = tighterMax(shape.max, max);
      if (!shape.origin.has('maximum')) shape.origin.set('maximum', part);
    }
    if (min) {
      shape.min = tighterMin(shape.min, min);
      if (!shape.origin.has('minimum')) shape.origin.set('minimum', part);
    }
    set('minLength', num(part.minLength), part, 'minLength');
    set('maxLength', num(part.maxLength), part, 'maxLength');
    set('minItems', num(part.minItems), part, 'minItems');
    set('maxItems', num(part.maxItems), part, 'maxItems');
    if (typeof part.pattern === 'string') set('pattern', part.pattern, part, 'pattern');
    if (part.uniqueItems === true) shape.uniqueItems = true;
    if ('default' in part && !shape.hasDefault) {
      shape.hasDefault = true;
      shape.default = part.default;
      shape.origin.set('default', part);
    }
    if (part.readOnly === true) shape.readOnly = true;
    if (part.writeOnly === true) shape.writeOnly = true;
    if (Array.isArray(part.allOf)) for (const sub of part.allOf) if (isObject(sub)) absorb(sub);
    for (const kind of ['oneOf', 'anyOf'] as const) {
      const list = part[kind];
      if (!Array.isArray(list)) continue;
      // A null variant is OAS 3.1's way of writing nullable; a single remaining variant is just that schema.
      const variants = list.filter((v) => !isNullOnly(v));
      if (variants.length < list.length) nullVotes++;
      if (variants.length === 1 && isObject(variants[0])) absorb(variants[0]);
      else if (variants.length > 1 && shape[kind] === undefined) {
        shape[kind] = variants;
        shape.origin.set(kind, part);
      }
    }
  };
  absorb(root);

  // Lenient on purpose: `nullable: true` next to an allOf of a non-null $ref is how OAS 3.0 writes a nullable
  // reference, and both sides are read the same way, so only real changes show.
  shape.nullable = nullVotes > 0;
  if (!shape.types) {
    if (propertyParts.size > 0 || shape.additional !== undefined) shape.types = new Set(['object']);
    else if (shape.items !== undefined || shape.prefixItems !== undefined) shape.types = new Set(['array']);
  }
  for (const [name, parts] of propertyParts) {
    // The same property declared in several allOf parts must satisfy all of them.
    shape.properties.set(name, parts.length === 1 ? parts[0] : { allOf: parts });
  }
  return shape;
}

const covers = (types: Set<string>, t: string) => types.has(t) || (t === 'integer' && types.has('number'));
const FORMAT_WIDENING: Record<string, string> = { int32: 'int64', float: 'double' };

class Comparator {
  private readonly shapes = new Map<JsonObject, Shape>();
  private readonly visited = new Map<JsonObject, Set<JsonObject>>();

  constructor(private readonly ctx: SchemaContext) {}

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

  private report(id: string, path: string, what: string, location?: SourceLocation, baseLocation?: SourceLocation) {
    const level = LEVELS.get(id);
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
  private emit(id: string, path: string, what: string, shape: Shape, keyword?: string) {
    this.report(id, path, what, this.place(this.ctx.head, shape, keyword));
  }

  /**
   * Something only the base schema has (a property, a variant): located at the head schema that lost it (its
   * `headKeyword`, e.g. `properties`, else the schema), with the base location named in the message.
   */
  private emitRemoved(
    id: string,
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

  private get dir() {
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

    if (!ignoreNullable) this.compareNullable(b, h, path);
    const bComposite = b.oneOf ?? b.anyOf;
    const hComposite = h.oneOf ?? h.anyOf;
    if (Boolean(bComposite) !== Boolean(hComposite)) {
      // One side is a plain schema, the other a choice: the plain one is a choice of one, so only the variants
      // are compared (comparing its properties against the choice's empty top level would invent removals).
      const kind = b.oneOf || h.oneOf ? 'oneOf' : 'anyOf';
      this.compareVariants(kind, bComposite ?? [base], hComposite ?? [head], path, b, h);
      return;
    }
    if (!this.compareTypes(b, h, path)) return;
    this.compareFormat(b, h, path);
    this.compareValues(b, h, path);
    this.compareBounds(b, h, path);
    this.compareDefault(b, h, path);
    this.compareObject(b, h, path);
    this.compareArray(b, h, path);
    if (b.oneOf && h.oneOf) this.compareVariants('oneOf', b.oneOf, h.oneOf, path, b, h);
    if (b.anyOf && h.anyOf) this.compareVariants('anyOf', b.anyOf, h.anyOf, path, b, h);
    if (b.oneOf && h.anyOf && !h.oneOf) this.compareVariants('anyOf', b.oneOf, h.anyOf, path, b, h);
    if (b.anyOf && h.oneOf && !h.anyOf) this.compareVariants('oneOf', b.anyOf, h.oneOf, path, b, h);
  }

  private compareNullable(b: Shape, h: Shape, path: string) {
    if (b.nullable === h.nullable) return;
    const key = h.origin.has('type') ? 'type' : undefined;
    if (h.nullable) {
      const id = this.dir === 'response' ? 'response-property-became-nullable' : 'request-property-became-nullable';
      this.emit(id, path, 'became nullable', h, key);
    } else {
      const id =
        this.dir === 'request' ? 'request-property-became-not-nullable' : 'response-property-became-not-nullable';
      this.emit(id, path, 'is no longer nullable', h, key);
    }
  }

  /** Returns false when the types are incompatible, since checks of type-specific keywords would be noise. */
  private compareTypes(b: Shape, h: Shape, path: string): boolean {
    if (!b.types || !h.types) return true;
    const lost = [...b.types].filter((t) => !covers(h.types!, t));
    const gained = [...h.types].filter((t) => !covers(b.types!, t));
    if (lost.length === 0 && gained.length === 0) return true;
    const what = `type changed from ${[...b.types].join('|')} to ${[...h.types].join('|')}`;
    if (this.dir === 'request') {
      if (lost.length > 0) {
        this.emit('request-property-type-changed', path, what, h, 'type');
        return false;
      }
      this.emit('request-property-type-widened', path, what, h, 'type');
    } else {
      if (gained.length > 0) {
        this.emit('response-property-type-changed', path, what, h, 'type');
        return false;
      }
      this.emit('response-property-type-narrowed', path, what, h, 'type');
    }
    return true;
  }

  private compareFormat(b: Shape, h: Shape, path: string) {
    if (b.format === h.format) return;
    const what = `format changed from ${b.format ?? '(none)'} to ${h.format ?? '(none)'}`;
    const req = this.dir === 'request';
    if (b.format === undefined) {
      this.emit(req ? 'request-property-format-added' : 'response-property-format-added', path, what, h, 'format');
    } else if (h.format === undefined) {
      this.emit(req ? 'request-property-format-removed' : 'response-property-format-removed', path, what, h);
    } else if (FORMAT_WIDENING[b.format] === h.format) {
      this.emit(req ? 'request-property-format-widened' : 'response-property-format-changed', path, what, h, 'format');
    } else if (FORMAT_WIDENING[h.format] === b.format) {
      this.emit(req ? 'request-property-format-changed' : 'response-property-format-narrowed', path, what, h, 'format');
    } else {
      this.emit(req ? 'request-property-format-changed' : 'response-property-format-changed', path, what, h, 'format');
    }
  }

  private compareValues(b: Shape, h: Shape, path: string) {
    const req = this.dir === 'request';
    if (!b.values && !h.values) return;
    if (!b.values) {
      if (req)
        this.emit(
          'request-property-became-enum',
          path,
          `restricted to ${text(h.values)}`,
          h,
          h.isConst ? 'const' : 'enum'
        );
      return;
    }
    if (!h.values) {
      if (!req) this.emit('response-property-became-not-enum', path, `no longer restricted to ${text(b.values)}`, h);
      return;
    }
    if (b.isConst && h.isConst) {
      if (valueKey(b.values[0]) !== valueKey(h.values[0])) {
        const id = req ? 'request-property-const-changed' : 'response-property-const-changed';
        this.emit(id, path, `const changed from ${text(b.values[0])} to ${text(h.values[0])}`, h, 'const');
      }
      return;
    }
    const bKeys = new Set(b.values.map(valueKey));
    const hKeys = new Set(h.values.map(valueKey));
    const key = h.isConst ? 'const' : 'enum';
    for (const v of b.values) {
      if (hKeys.has(valueKey(v))) continue;
      const id = req ? 'request-property-enum-value-removed' : 'response-property-enum-value-removed';
      this.emit(id, path, `enum value ${text(v)} removed`, h, key);
    }
    for (const v of h.values) {
      if (bKeys.has(valueKey(v))) continue;
      const id = req ? 'request-property-enum-value-added' : 'response-property-enum-value-added';
      this.emit(id, path, `enum value ${text(v)} added`, h, key);
    }
  }

  private compareBounds(b: Shape, h: Shape, path: string) {
    const req = this.dir === 'request';
    const show = (x: Bound | undefined) => (x ? `${x.exclusive ? '<' : ''}${x.value}` : '(none)');
    const maxTighter = (x: Bound | undefined, y: Bound | undefined) =>
      y !== undefined && (x === undefined || y.value < x.value || (y.value === x.value && y.exclusive && !x.exclusive));
    const minTighter = (x: Bound | undefined, y: Bound | undefined) =>
      y !== undefined && (x === undefined || y.value > x.value || (y.value === x.value && y.exclusive && !x.exclusive));
    if (req && maxTighter(b.max, h.max))
      this.emit(
        'request-property-max-decreased',
        path,
        `maximum changed from ${show(b.max)} to ${show(h.max)}`,
        h,
        'maximum'
      );
    if (!req && maxTighter(h.max, b.max))
      this.emit(
        'response-property-max-increased',
        path,
        `maximum changed from ${show(b.max)} to ${show(h.max)}`,
        h,
        'maximum'
      );
    if (req && minTighter(b.min, h.min))
      this.emit(
        'request-property-min-increased',
        path,
        `minimum changed from ${show(b.min)} to ${show(h.min)}`,
        h,
        'minimum'
      );
    if (!req && minTighter(h.min, b.min))
      this.emit(
        'response-property-min-decreased',
        path,
        `minimum changed from ${show(b.min)} to ${show(h.min)}`,
        h,
        'minimum'
      );

    const counts = [
      ['maxLength', 'minLength', 'length'],
      ['maxItems', 'minItems', 'items']
    ] as const;
    for (const [maxKey, minKey, noun] of counts) {
      const bMax = b[maxKey] ?? Infinity;
      const hMax = h[maxKey] ?? Infinity;
      const bMin = b[minKey] ?? 0;
      const hMin = h[minKey] ?? 0;
      const from = (x: number | undefined) => (x === undefined ? '(none)' : String(x));
      const maxWhat = `${maxKey} changed from ${from(b[maxKey])} to ${from(h[maxKey])}`;
      const minWhat = `${minKey} changed from ${from(b[minKey])} to ${from(h[minKey])}`;
      if (req && hMax < bMax) this.emit(`request-property-max-${noun}-decreased`, path, maxWhat, h, maxKey);
      if (!req && hMax > bMax) this.emit(`response-property-max-${noun}-increased`, path, maxWhat, h, maxKey);
      if (req && hMin > bMin) this.emit(`request-property-min-${noun}-increased`, path, minWhat, h, minKey);
      if (!req && hMin < bMin) this.emit(`response-property-min-${noun}-decreased`, path, minWhat, h, minKey);
    }

    if (b.pattern !== h.pattern) {
      const what = `pattern changed from ${text(b.pattern)} to ${text(h.pattern)}`;
      if (req && h.pattern !== undefined) this.emit('request-property-pattern-changed', path, what, h, 'pattern');
      if (!req && b.pattern !== undefined) this.emit('response-property-pattern-changed', path, what, h, 'pattern');
    }
    if (req && h.uniqueItems && !b.uniqueItems)
      this.emit('request-property-unique-items-added', path, 'now requires unique items', h, 'uniqueItems');
    if (!req && b.uniqueItems && !h.uniqueItems)
      this.emit('response-property-unique-items-removed', path, 'no longer guarantees unique items', h);
  }

  private compareDefault(b: Shape, h: Shape, path: string) {
    if (!b.hasDefault || !h.hasDefault) return;
    if (valueKey(b.default ?? null) === valueKey(h.default ?? null)) return;
    const id = this.dir === 'request' ? 'request-property-default-changed' : 'response-property-default-changed';
    this.emit(id, path, `default changed from ${text(b.default)} to ${text(h.default)}`, h, 'default');
  }

  private compareObject(b: Shape, h: Shape, path: string) {
    const req = this.dir === 'request';
    // readOnly values are never sent by clients and writeOnly ones never returned: out of this direction's contract.
    const absent = (s: Shape) => (req ? s.readOnly : s.writeOnly);
    const child = (name: string) => (path ? `${path}.${name}` : name);
    for (const name of new Set([...b.properties.keys(), ...h.properties.keys()])) {
      const bNode = b.properties.get(name);
      const hNode = h.properties.get(name);
      const bs = isObject(bNode) ? this.shape(bNode) : undefined;
      const hs = isObject(hNode) ? this.shape(hNode) : undefined;
      const at = child(name);
      if (bNode !== undefined && hNode === undefined) {
        if (bs && absent(bs)) continue;
        this.emitRemoved(
          req ? 'request-property-removed' : 'response-property-removed',
          at,
          'removed',
          b,
          `properties.${name}`,
          h,
          'properties'
        );
        continue;
      }
      if (bNode === undefined && hNode !== undefined) {
        if (hs && absent(hs)) continue;
        if (!req) this.emit('response-property-added', at, 'added', h, `properties.${name}`);
        else if (h.required.has(name))
          this.emit('new-required-request-property', at, 'added as required', h, `properties.${name}`);
        else this.emit('new-optional-request-property', at, 'added as optional', h, `properties.${name}`);
        continue;
      }
      if (bs && hs) {
        if (absent(bs) && absent(hs)) continue;
        if (req && hs.readOnly !== bs.readOnly) {
          const id = hs.readOnly ? 'request-property-became-read-only' : 'request-property-became-not-read-only';
          this.emit(id, at, hs.readOnly ? 'became readOnly' : 'is no longer readOnly', hs, 'readOnly');
          continue;
        }
        if (!req && hs.writeOnly !== bs.writeOnly) {
          const id = hs.writeOnly ? 'response-property-became-write-only' : 'response-property-became-not-write-only';
          this.emit(id, at, hs.writeOnly ? 'became writeOnly' : 'is no longer writeOnly', hs, 'writeOnly');
          continue;
        }
      }
      const bReq = b.required.has(name);
      const hReq = h.required.has(name);
      if (bReq !== hReq) {
        const id = req
          ? hReq
            ? 'request-property-became-required'
            : 'request-property-became-optional'
          : hReq
            ? 'response-property-became-required'
            : 'response-property-became-optional';
        this.emit(id, at, hReq ? 'became required' : 'became optional', h, `properties.${name}`);
      }
      this.compare(bNode, hNode, at);
    }

    const closed = (v: JsonValue | undefined) => v === false;
    if (req && closed(h.additional) && !closed(b.additional))
      this.emit(
        'request-property-additional-properties-restricted',
        path,
        'additionalProperties became false',
        h,
        'additionalProperties'
      );
    if (!req && closed(b.additional) && !closed(h.additional))
      this.emit(
        'response-property-additional-properties-allowed',
        path,
        'additionalProperties is no longer false',
        h,
        'additionalProperties'
      );
    if (isObject(b.additional) && isObject(h.additional))
      this.compare(b.additional, h.additional, path ? `${path}.*` : '*');
  }

  private compareArray(b: Shape, h: Shape, path: string) {
    const bPrefix = b.prefixItems ?? [];
    const hPrefix = h.prefixItems ?? [];
    // A position past the end of one side's tuple is governed by that side's items schema (or anything).
    for (let i = 0; i < Math.max(bPrefix.length, hPrefix.length); i++) {
      this.compare(bPrefix[i] ?? b.items ?? {}, hPrefix[i] ?? h.items ?? {}, `${path}[${i}]`);
    }
    if (b.items !== undefined && h.items !== undefined) this.compare(b.items, h.items, `${path}[]`);
  }

  private describe(node: JsonValue, spec: LoadedSpec): string {
    const name = spec.componentName(node);
    if (name) return name;
    if (!isObject(node)) return JSON.stringify(node);
    const s = this.shape(node);
    const type = s.types ? [...s.types].join('|') : 'any';
    if (s.values) return `${type} ${text(s.isConst ? s.values[0] : s.values)}`;
    if (s.properties.size > 0) return `${type} {${[...s.properties.keys()].join(', ')}}`;
    return type;
  }

  /** How alike two variants are, or -1 when they cannot be the same variant. */
  private similarity(base: JsonValue, head: JsonValue): number {
    if (base === head) return 1000;
    if (!isObject(base) || !isObject(head)) return -1;
    const b = this.shape(base);
    const h = this.shape(head);
    if (b.types && h.types) {
      const overlap = [...b.types].some((t) => covers(h.types!, t)) || [...h.types].some((t) => covers(b.types!, t));
      if (!overlap) return -1;
    }
    let score = 1;
    const names = new Set([...b.properties.keys(), ...h.properties.keys()]);
    let shared = 0;
    for (const name of names) {
      const bp = b.properties.get(name);
      const hp = h.properties.get(name);
      if (bp === undefined || hp === undefined) continue;
      shared++;
      // A discriminating single-valued property (kind: const 'cat') decides which variant is which.
      const bv = isObject(bp) ? this.shape(bp) : undefined;
      const hv = isObject(hp) ? this.shape(hp) : undefined;
      if (bv?.values?.length === 1 && hv?.values?.length === 1) {
        if (valueKey(bv.values[0]) !== valueKey(hv.values[0])) return -1;
        score += 10;
      }
    }
    if (names.size > 0) {
      if (shared === 0) return -1;
      score += (10 * shared) / names.size;
    }
    if (b.values && h.values) {
      const hKeys = new Set(h.values.map(valueKey));
      if (!b.values.some((v) => hKeys.has(valueKey(v)))) return -1;
    }
    return score;
  }

  private compareVariants(
    kind: 'oneOf' | 'anyOf',
    bList: JsonValue[],
    hList: JsonValue[],
    path: string,
    b: Shape,
    h: Shape
  ) {
    const scored: { i: number; j: number; score: number }[] = [];
    bList.forEach((bv, i) =>
      hList.forEach((hv, j) => {
        const score = this.similarity(bv, hv);
        if (score >= 0) scored.push({ i, j, score });
      })
    );
    scored.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
    const bUsed = new Map<number, number>();
    const hUsed = new Set<number>();
    for (const { i, j } of scored) {
      if (bUsed.has(i) || hUsed.has(j)) continue;
      bUsed.set(i, j);
      hUsed.add(j);
    }
    const slug = kind === 'oneOf' ? 'one-of' : 'any-of';
    bList.forEach((bv, i) => {
      if (bUsed.has(i)) return;
      const id = `${this.dir}-property-${slug}-variant-removed`;
      this.emitRemoved(id, path, `${kind} variant ${this.describe(bv, this.ctx.base)} removed`, b, kind, h, kind);
    });
    hList.forEach((hv, j) => {
      if (hUsed.has(j)) return;
      const id = `${this.dir}-property-${slug}-variant-added`;
      this.emit(id, path, `${kind} variant ${this.describe(hv, this.ctx.head)} added`, h, kind);
    });
    for (const [i, j] of bUsed) {
      const at = hList.length > 1 ? `${path}${path ? '.' : ''}${kind}[${j}]` : path;
      this.compare(bList[i], hList[j], at, true);
    }
  }
}

/**
 * Compares two schemas (either may be missing: nothing is reported then; the caller reports a schema that was
 * added or removed as a whole) and emits every difference through ctx.emit.
 */
export function compareSchemas(base: JsonValue | undefined, head: JsonValue | undefined, ctx: SchemaContext): void {
  new Comparator(ctx).compare(base === true ? {} : base, head === true ? {} : head, '');
}
