// The allOf normalisation: the effective shape of a schema, with its allOf parts (and single-variant oneOf/anyOf,
// OAS 3.1's way of writing nullable) merged, and where each keyword was written so that changes point there.
import type { JsonObject, JsonValue } from '../../spec/types.js';
import { isJsonObject } from '../catalog.js';

export interface Bound {
  value: number;
  exclusive: boolean;
}

export interface Shape {
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

export const isObject = isJsonObject;
const num = (v: JsonValue | undefined): number | undefined => (typeof v === 'number' ? v : undefined);
/** A keyword value in messages. */
export const text = (v: JsonValue | undefined): string => (v === undefined ? '(none)' : JSON.stringify(v));

// A value-level key so enum members can be compared by content, including object and array members.
export function valueKey(v: JsonValue): string {
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
export function buildShape(root: JsonObject): Shape {
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

/** Whether a set of types accepts values of type `t` (an integer is a number). */
export const covers = (types: Set<string>, t: string) => types.has(t) || (t === 'integer' && types.has('number'));
