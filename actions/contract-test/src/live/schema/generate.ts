// Test data from schemas, seeded: one valid sample, boundary values (every edge of every constraint, one at a
// time, for minLength 2 / maxLength 10 the lengths 2, 3, 9 and 10), and negative values that each break one
// constraint (lengths 1 and 11, a value outside the enum, a missing required property...). Values that
// travel as text (`wire`: parameters, form fields) get no type violations the text form could not carry.
import type { JsonObject, JsonValue } from '../../spec/types.js';
import { isObject, type ApiModel } from '../model.js';
import type { Rng } from '../prng.js';
import type { Direction } from './convert.js';
import { discriminatorBranches } from './convert.js';
import { FORMATS, isKnownFormat } from './formats.js';
import { compilePattern, sampleFromPattern } from './regex.js';

export const NONE: unique symbol = Symbol('none');
export type Generated = JsonValue | typeof NONE;

export interface Variant {
  value: JsonValue;
  /** What is special about it, e.g. "length 11 > maxLength 10". */
  label: string;
}

export interface GeneratorSettings {
  /** OAS 3.0 / 2.0 keyword semantics (nullable, boolean exclusive bounds). */
  legacy: boolean;
  direction: Direction;
  model?: ApiModel;
  /** Use a schema's own example (or first of its examples) where it has one: the spec author's data first. */
  preferExamples?: boolean;
}

export interface VariantContext {
  /** The value travels as text (a parameter, a form field): no type violations text could not carry. */
  wire?: boolean;
  /** A path segment: never empty. */
  path?: boolean;
}

interface View {
  types?: string[];
  nullable: boolean;
  enum?: JsonValue[];
  const?: JsonValue;
  minLength?: number;
  maxLength?: number;
  patterns: string[];
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  items?: JsonObject;
  prefixItems?: JsonObject[];
  minItems?: number;
  maxItems?: number;
  uniqueItems: boolean;
  properties: Map<string, JsonObject>;
  required: Set<string>;
  additionalProperties?: JsonObject | boolean;
  minProperties?: number;
  maxProperties?: number;
  choices?: { keyword: 'oneOf' | 'anyOf'; members: JsonObject[] };
  discriminator?: { property: string; branches: [string, JsonObject][] };
  readOnly: boolean;
  writeOnly: boolean;
  /** The schema without oneOf/anyOf/discriminator, to merge with one branch. */
  base: JsonObject;
}

const MAX_DEPTH = 6;
const MAX_VARIANT_DEPTH = 2;
const MAX_VARIANTS = 40;
const MAX_ENUM_VARIANTS = 10;
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function num(value: JsonValue | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function tighter(current: number | undefined, next: number | undefined, pick: (a: number, b: number) => number) {
  if (next === undefined) return current;
  return current === undefined ? next : pick(current, next);
}

function jsonEqual(a: JsonValue, b: JsonValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function codeLength(text: string): number {
  return [...text].length;
}

export class SchemaGenerator {
  private readonly views = new WeakMap<JsonObject, View>();

  constructor(private readonly settings: GeneratorSettings) {}

  view(schema: JsonObject): View {
    let view = this.views.get(schema);
    if (!view) {
      view = this.buildView(schema);
      this.views.set(schema, view);
    }
    return view;
  }

  private buildView(schema: JsonObject): View {
    const { legacy, model } = this.settings;
    const view: View = {
      nullable: false,
      patterns: [],
      uniqueItems: false,
      properties: new Map(),
      required: new Set(),
      readOnly: false,
      writeOnly: false,
      base: {}
    };
    const base: JsonObject = {};
    for (const [key, value] of Object.entries(schema)) {
      if (key !== 'oneOf' && key !== 'anyOf' && key !== 'discriminator') base[key] = value;
    }
    view.base = base;
    const seen = new Set<JsonObject>();
    const apply = (s: JsonObject, top: boolean) => {
      if (seen.has(s)) return;
      seen.add(s);
      if (typeof s.type === 'string') view.types = intersect(view.types, [s.type]);
      else if (Array.isArray(s.type)) {
        const types = s.type.filter((t): t is string => typeof t === 'string');
        if (top && types.includes('null')) view.nullable = true;
        view.types = intersect(
          view.types,
          types.filter((t) => t !== 'null')
        );
      }
      if (legacy && top && (s.nullable === true || s['x-nullable'] === true)) view.nullable = true;
      if (Array.isArray(s.enum)) {
        const values = s.enum;
        view.enum = view.enum ? view.enum.filter((v) => values.some((w) => jsonEqual(v, w))) : [...values];
      }
      if (s.const !== undefined) view.const = s.const;
      view.minLength = tighter(view.minLength, num(s.minLength), Math.max);
      view.maxLength = tighter(view.maxLength, num(s.maxLength), Math.min);
      if (typeof s.pattern === 'string' && compilePattern(s.pattern)) view.patterns.push(s.pattern);
      if (isKnownFormat(s.format)) view.format = s.format;
      let minimum = num(s.minimum);
      let maximum = num(s.maximum);
      let exclusiveMinimum = num(s.exclusiveMinimum);
      let exclusiveMaximum = num(s.exclusiveMaximum);
      if (s.exclusiveMinimum === true && minimum !== undefined) [exclusiveMinimum, minimum] = [minimum, undefined];
      if (s.exclusiveMaximum === true && maximum !== undefined) [exclusiveMaximum, maximum] = [maximum, undefined];
      view.minimum = tighter(view.minimum, minimum, Math.max);
      view.maximum = tighter(view.maximum, maximum, Math.min);
      view.exclusiveMinimum = tighter(view.exclusiveMinimum, exclusiveMinimum, Math.max);
      view.exclusiveMaximum = tighter(view.exclusiveMaximum, exclusiveMaximum, Math.min);
      if (num(s.multipleOf) !== undefined && num(s.multipleOf)! > 0) view.multipleOf = num(s.multipleOf);
      if (isObject(s.items)) view.items = s.items;
      if (Array.isArray(s.prefixItems)) view.prefixItems = s.prefixItems.filter(isObject);
      view.minItems = tighter(view.minItems, num(s.minItems), Math.max);
      view.maxItems = tighter(view.maxItems, num(s.maxItems), Math.min);
      if (s.uniqueItems === true) view.uniqueItems = true;
      if (isObject(s.properties)) {
        for (const [name, child] of Object.entries(s.properties)) {
          if (!isObject(child)) continue;
          const existing = view.properties.get(name);
          view.properties.set(name, existing && existing !== child ? { allOf: [existing, child] } : child);
        }
      }
      if (Array.isArray(s.required))
        for (const name of s.required) if (typeof name === 'string') view.required.add(name);
      if (s.additionalProperties === false) view.additionalProperties = false;
      else if (isObject(s.additionalProperties) && view.additionalProperties !== false)
        view.additionalProperties = s.additionalProperties;
      view.minProperties = tighter(view.minProperties, num(s.minProperties), Math.max);
      view.maxProperties = tighter(view.maxProperties, num(s.maxProperties), Math.min);
      if (s.readOnly === true) view.readOnly = true;
      if (s.writeOnly === true) view.writeOnly = true;
      for (const keyword of ['oneOf', 'anyOf'] as const) {
        const members = s[keyword];
        if (!view.choices && Array.isArray(members) && members.length > 0)
          view.choices = { keyword, members: members.filter(isObject) };
      }
      if (
        model &&
        isObject(s.discriminator) &&
        typeof s.discriminator.propertyName === 'string' &&
        !view.discriminator
      ) {
        const branches = discriminatorBranches(s, model);
        if (branches.length > 0) view.discriminator = { property: s.discriminator.propertyName, branches };
      }
      if (Array.isArray(s.allOf)) for (const member of s.allOf) if (isObject(member)) apply(member, false);
    };
    apply(schema, true);
    if (view.types === undefined) view.types = inferTypes(view);
    return view;
  }

  private hidden(schema: JsonObject): boolean {
    const view = this.view(schema);
    return this.settings.direction === 'request' ? view.readOnly : view.writeOnly;
  }

  /** Properties the direction lets through (no readOnly in requests, no writeOnly in responses). */
  private visibleProperties(view: View): [string, JsonObject][] {
    return [...view.properties].filter(([, child]) => !this.hidden(child));
  }

  /** The schemas a oneOf/anyOf or discriminator can become, each merged with what surrounds it. */
  private branches(view: View): { schema: JsonObject; label: string; discriminator?: [string, string] }[] {
    if (view.discriminator) {
      const { property, branches } = view.discriminator;
      return branches.map(([value, branch]) => ({
        // The branch may itself extend the base through allOf (the inheritance pattern): it is the whole schema.
        schema: Array.isArray(branch.allOf) && branch.allOf.length > 0 ? branch : { allOf: [view.base, branch] },
        label: `${property}=${value}`,
        discriminator: [property, value]
      }));
    }
    if (!view.choices) return [];
    return view.choices.members.map((member, index) => ({
      schema: { allOf: [view.base, member] },
      label: `${view.choices!.keyword}[${index}]`
    }));
  }

  /** One valid value, or NONE when the schema cannot be satisfied within the depth limit. */
  sample(schema: JsonObject, rng: Rng, context: VariantContext = {}, depth = 0): Generated {
    if (depth > MAX_DEPTH) return NONE;
    if (this.settings.preferExamples) {
      const example =
        schema.example !== undefined ? schema.example : Array.isArray(schema.examples) ? schema.examples[0] : undefined;
      if (example !== undefined) return JSON.parse(JSON.stringify(example)) as JsonValue;
    }
    const view = this.view(schema);
    if (view.const !== undefined) return view.const;
    if (view.enum) {
      const values = view.enum.filter((v) => v !== null);
      if (values.length > 0) return rng.pick(values);
      return view.nullable || view.enum.includes(null) ? null : NONE;
    }
    const branches = this.branches(view);
    if (branches.length > 0) {
      const start = rng.int(0, branches.length - 1);
      for (let k = 0; k < branches.length; k++) {
        const branch = branches[(start + k) % branches.length];
        const value = this.sample(branch.schema, rng, context, depth + 1);
        if (value === NONE) continue;
        if (branch.discriminator && isObject(value)) value[branch.discriminator[0]] = branch.discriminator[1];
        return value;
      }
      return NONE;
    }
    const types = view.types ?? ['string'];
    if (types.length === 0) return view.nullable ? null : NONE;
    return this.sampleType(rng.pick(types), view, rng, context, depth);
  }

  private sampleType(type: string, view: View, rng: Rng, context: VariantContext, depth: number): Generated {
    switch (type) {
      case 'string':
        return this.sampleString(view, rng, context);
      case 'integer':
      case 'number':
        return sampleNumber(view, rng, type === 'integer');
      case 'boolean':
        return rng.bool();
      case 'null':
        return null;
      case 'array':
        return this.sampleArray(view, rng, context, depth);
      case 'object':
        return this.sampleObject(view, rng, context, depth);
      default:
        return NONE;
    }
  }

  private sampleString(view: View, rng: Rng, context: VariantContext, length?: number): Generated {
    const min = Math.max(view.minLength ?? 0, context.path ? 1 : 0);
    const max = view.maxLength ?? Infinity;
    if (min > max) return NONE;
    const fits = (text: string) => {
      const n = codeLength(text);
      return n >= min && n <= max && (length === undefined || n === length) && this.matchesPatterns(view, text);
    };
    if (view.format && FORMATS[view.format].type === 'string') {
      for (let attempt = 0; attempt < 3; attempt++) {
        const text = String(FORMATS[view.format].sample(rng));
        if (fits(text)) return text;
      }
      if (length === undefined) return NONE;
    }
    if (view.patterns.length > 0) {
      const text = sampleFromPattern(view.patterns[0], rng, min, max, length);
      return text !== undefined && fits(text) ? text : NONE;
    }
    const n = length ?? rng.int(Math.max(min, 1), Math.max(min, Math.min(max, Math.max(min, 1) + 7)));
    if (n < min || n > max) return NONE;
    let text = '';
    for (let i = 0; i < n; i++) text += LETTERS[rng.int(0, LETTERS.length - 1)];
    return text;
  }

  private matchesPatterns(view: View, text: string): boolean {
    return view.patterns.every((pattern) => compilePattern(pattern)!.test(text));
  }

  private sampleArray(view: View, rng: Rng, context: VariantContext, depth: number, count?: number): Generated {
    const min = view.minItems ?? 0;
    const max = view.maxItems ?? Infinity;
    const n = count ?? rng.int(Math.max(min, max >= 1 ? 1 : 0), Math.max(min, Math.min(max, Math.max(min, 1) + 1)));
    if (n < min || n > max) return NONE;
    const out: JsonValue[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      const itemSchema = view.prefixItems?.[i] ?? view.items ?? {};
      let value: Generated = NONE;
      for (let attempt = 0; attempt < 8; attempt++) {
        value = this.sample(itemSchema, rng, context, depth + 1);
        if (value === NONE) return NONE;
        if (!view.uniqueItems || !seen.has(JSON.stringify(value))) break;
        value = NONE;
      }
      if (value === NONE) return out.length >= min ? out : NONE;
      seen.add(JSON.stringify(value));
      out.push(value);
    }
    return out;
  }

  private sampleObject(
    view: View,
    rng: Rng,
    context: VariantContext,
    depth: number,
    mode: 'random' | 'required' | 'all' = 'random'
  ): Generated {
    const out: JsonObject = {};
    for (const [name, child] of this.visibleProperties(view)) {
      const required = view.required.has(name);
      if (!required) {
        if (mode === 'required') continue;
        if (mode === 'random' && (depth >= 3 || !rng.bool(0.6))) continue;
      }
      const value = this.sample(child, rng, context, depth + 1);
      if (value === NONE) {
        if (required) return NONE;
        continue;
      }
      setKey(out, name, value);
    }
    // A required property that is not described must still be present.
    for (const name of view.required) {
      if (name in out || (view.properties.has(name) && this.hidden(view.properties.get(name)!))) continue;
      if (view.properties.has(name)) return NONE;
      const extra = isObject(view.additionalProperties)
        ? this.sample(view.additionalProperties, rng, context, depth + 1)
        : 'value';
      if (extra === NONE) return NONE;
      setKey(out, name, extra);
    }
    let counter = 1;
    while (view.minProperties !== undefined && Object.keys(out).length < view.minProperties) {
      if (view.additionalProperties === false) return NONE;
      const extra = isObject(view.additionalProperties)
        ? this.sample(view.additionalProperties, rng, context, depth + 1)
        : 'value';
      if (extra === NONE) return NONE;
      setKey(out, `extra${counter++}`, extra);
    }
    if (view.maxProperties !== undefined && Object.keys(out).length > view.maxProperties) {
      for (const name of Object.keys(out)) {
        if (Object.keys(out).length <= view.maxProperties) break;
        if (!view.required.has(name)) delete out[name];
      }
      if (Object.keys(out).length > view.maxProperties) return NONE;
    }
    return out;
  }

  /**
   * Valid values at the edges: each constraint's boundaries, each enum value and branch, null when nullable,
   * and for objects and arrays the same one property or item at a time around `base`.
   */
  positives(schema: JsonObject, rng: Rng, context: VariantContext = {}, base?: JsonValue, depth = 0): Variant[] {
    const view = this.view(schema);
    const out: Variant[] = [];
    const add = (value: Generated, label: string) => {
      if (value !== NONE && out.length < MAX_VARIANTS) out.push({ value, label });
    };
    if (view.const !== undefined) return [{ value: view.const, label: 'the const value' }];
    if (view.enum) {
      for (const value of view.enum.slice(0, MAX_ENUM_VARIANTS)) {
        if (value === null && context.wire) continue;
        add(value, `enum value ${JSON.stringify(value)}`);
      }
      return out;
    }
    if (view.nullable && !context.wire) add(null, 'null (nullable)');
    const branches = this.branches(view);
    if (branches.length > 0) {
      for (const branch of branches) {
        const value = this.sample(branch.schema, rng, context, depth + 1);
        if (value !== NONE && branch.discriminator && isObject(value))
          value[branch.discriminator[0]] = branch.discriminator[1];
        add(value, branch.label);
      }
      return out;
    }
    for (const type of view.types ?? []) {
      if (type === 'string') {
        const min = Math.max(view.minLength ?? 0, context.path ? 1 : 0);
        const max = view.maxLength;
        const lengths = new Set<number>();
        if (view.minLength !== undefined) [min, min + 1].forEach((n) => lengths.add(n));
        if (max !== undefined) [max - 1, max].forEach((n) => lengths.add(n));
        if (view.minLength === undefined && !context.path && !view.format && view.patterns.length === 0) lengths.add(0);
        for (const n of [...lengths].sort((a, b) => a - b)) {
          if (n < min || (max !== undefined && n > max)) continue;
          add(
            this.sampleString(view, rng, context, n),
            `length ${n}${boundsNote(view.minLength, view.maxLength, 'Length')}`
          );
        }
        if (view.format) add(this.sampleString(view, rng, context), `format ${view.format}`);
        if (view.patterns.length > 0) add(this.sampleString(view, rng, context), `matches pattern ${view.patterns[0]}`);
      } else if (type === 'integer' || type === 'number') {
        for (const [value, label] of numberBoundaries(view, type === 'integer')) add(value, label);
      } else if (type === 'boolean') {
        add(true, 'true');
        add(false, 'false');
      } else if (type === 'array') {
        const sizes = new Set<number>();
        const min = view.minItems ?? 0;
        if (view.minItems !== undefined) [min, min + 1].forEach((n) => sizes.add(n));
        else if (!context.wire) sizes.add(0);
        if (view.maxItems !== undefined) [view.maxItems - 1, view.maxItems].forEach((n) => sizes.add(n));
        // Two items at least once: how items are joined (a delimiter, repeated names) is part of the contract.
        if ((view.maxItems ?? Infinity) >= 2 && min <= 2 && ![...sizes].some((n) => n >= 2)) sizes.add(2);
        for (const n of [...sizes].sort((a, b) => a - b)) {
          if (n < min || (view.maxItems !== undefined && n > view.maxItems)) continue;
          add(
            this.sampleArray(view, rng, context, depth, n),
            `${n} items${boundsNote(view.minItems, view.maxItems, 'Items')}`
          );
        }
        if (depth < MAX_VARIANT_DEPTH && view.items) {
          const array =
            Array.isArray(base) && base.length > 0
              ? base
              : this.sampleArray(view, rng, context, depth, Math.max(1, min));
          if (Array.isArray(array) && array.length > 0) {
            for (const variant of this.positives(view.items, rng, context, array[0], depth + 1).slice(0, 8)) {
              add([variant.value, ...array.slice(1)], `[0] ${variant.label}`);
            }
          }
        }
      } else if (type === 'object') {
        const object = isObject(base) ? base : this.sampleObject(view, rng, context, depth, 'all');
        if (!isObject(object)) continue;
        add(this.sampleObject(view, rng, context, depth, 'required'), 'only required properties');
        add(this.sampleObject(view, rng, context, depth, 'all'), 'every documented property');
        if (isObject(view.additionalProperties)) {
          const extra = this.sample(view.additionalProperties, rng, context, depth + 1);
          if (extra !== NONE && (view.maxProperties === undefined || Object.keys(object).length < view.maxProperties))
            add(withKey(object, 'extraProperty', extra), 'an additional property');
        }
        if (depth >= MAX_VARIANT_DEPTH) continue;
        for (const [name, child] of this.visibleProperties(view)) {
          const current = object[name];
          for (const variant of this.positives(child, rng, context, current, depth + 1).slice(0, 8)) {
            add(withKey(object, name, variant.value), `${name}: ${variant.label}`);
          }
        }
      }
    }
    return out;
  }

  /** Values that each break one constraint of the schema (and keep the others), for the 4xx checks. */
  negatives(schema: JsonObject, rng: Rng, context: VariantContext = {}, base?: JsonValue, depth = 0): Variant[] {
    const view = this.view(schema);
    const out: Variant[] = [];
    const add = (value: Generated, label: string) => {
      if (value !== NONE && out.length < MAX_VARIANTS) out.push({ value, label });
    };
    const types = view.types ?? [];
    const allows = (type: string) =>
      types.length === 0 || types.includes(type) || (type === 'integer' && types.includes('number'));
    if (!context.wire && !view.nullable && !(view.enum?.includes(null) ?? false) && view.const !== null)
      add(null, 'null where the schema does not allow it');
    if (view.const !== undefined) {
      add(typeof view.const === 'string' ? `${view.const}-other` : 'other', 'not the const value');
      return out;
    }
    if (view.enum) {
      const strings = view.enum.filter((v): v is string => typeof v === 'string');
      if (strings.length > 0 || allows('string')) {
        let candidate = 'not-in-enum';
        while (view.enum.includes(candidate)) candidate += '-x';
        add(candidate, `"${candidate}" is not one of the enum values`);
      } else {
        const numbers = view.enum.filter((v): v is number => typeof v === 'number');
        if (numbers.length > 0)
          add(Math.max(...numbers) + 1, `${Math.max(...numbers) + 1} is not one of the enum values`);
      }
      return out;
    }
    if (this.branches(view).length > 0) return out;
    const primary = types[0];
    if (primary === undefined) return out;
    if (!context.wire) {
      if (!allows('string')) add('not-a-' + primary, `a string where ${article(primary)} is expected`);
      else if (!allows('integer') && !allows('object') && !allows('array'))
        add(12345, 'a number where a string is expected');
    } else if ((primary === 'integer' || primary === 'number') && !allows('string'))
      add('abc', `"abc" is not ${article(primary)}`);
    else if (primary === 'boolean' && !allows('string')) add('maybe', '"maybe" is not a boolean');

    if (primary === 'string') {
      if (view.minLength !== undefined && view.minLength > 0 && !(context.path && view.minLength === 1)) {
        add(
          this.looseString(view, rng, view.minLength - 1),
          `length ${view.minLength - 1} < minLength ${view.minLength}`
        );
      }
      if (view.maxLength !== undefined) {
        add(
          this.looseString(view, rng, view.maxLength + 1),
          `length ${view.maxLength + 1} > maxLength ${view.maxLength}`
        );
      }
      if (view.patterns.length > 0) {
        const regex = compilePattern(view.patterns[0])!;
        const min = Math.max(view.minLength ?? 0, context.path ? 1 : 0);
        const max = view.maxLength ?? Infinity;
        const candidates = ['!', '~', ' ', '0', 'a', 'Z', '-', '!!!!!!!!', '........', '~~~~~~~~~~~~'];
        const pad = (text: string) => (codeLength(text) >= min ? text : text + text[0].repeat(min - codeLength(text)));
        const found = candidates.map(pad).find((text) => codeLength(text) <= max && !regex.test(text));
        if (found !== undefined) add(found, `"${found}" does not match pattern ${view.patterns[0]}`);
      }
      if (view.format) {
        const invalid = FORMATS[view.format].invalid;
        if (typeof invalid === 'string') {
          const n = codeLength(invalid);
          if (n >= (view.minLength ?? 0) && n <= (view.maxLength ?? Infinity))
            add(invalid, `"${invalid}" is not a valid ${view.format}`);
        }
      }
    } else if (primary === 'integer' || primary === 'number') {
      const integer = primary === 'integer';
      const step = view.multipleOf ?? 1;
      if (view.minimum !== undefined) add(view.minimum - step, `${view.minimum - step} < minimum ${view.minimum}`);
      if (view.exclusiveMinimum !== undefined)
        add(view.exclusiveMinimum, `${view.exclusiveMinimum} is not above exclusiveMinimum`);
      if (view.maximum !== undefined) add(view.maximum + step, `${view.maximum + step} > maximum ${view.maximum}`);
      if (view.exclusiveMaximum !== undefined)
        add(view.exclusiveMaximum, `${view.exclusiveMaximum} is not below exclusiveMaximum`);
      const inside = sampleNumber(view, rng, integer);
      if (inside !== NONE) {
        if (view.multipleOf !== undefined) {
          const off = (inside as number) + (integer && view.multipleOf > 1 ? 1 : view.multipleOf / 2);
          add(off, `${off} is not a multiple of ${view.multipleOf}`);
        }
        if (integer) add((inside as number) + 0.5, `${(inside as number) + 0.5} is not an integer`);
      }
      if (view.format === 'int32') add(2147483648, '2147483648 is outside int32');
    } else if (primary === 'array') {
      const min = view.minItems ?? 0;
      const array = Array.isArray(base) ? base : this.sampleArray(view, rng, context, depth, Math.max(min, 1));
      if (view.minItems !== undefined && view.minItems > 0) {
        const fewer = this.sampleArray({ ...view, minItems: undefined }, rng, context, depth, view.minItems - 1);
        add(fewer, `${view.minItems - 1} items < minItems ${view.minItems}`);
      }
      if (view.maxItems !== undefined) {
        const more = this.sampleArray({ ...view, maxItems: undefined }, rng, context, depth, view.maxItems + 1);
        add(more, `${view.maxItems + 1} items > maxItems ${view.maxItems}`);
      }
      if (view.uniqueItems && Array.isArray(array) && array.length > 0 && (view.maxItems ?? Infinity) >= 2) {
        add(
          [array[0]!, array[0]!, ...array.slice(1, Math.max(0, (view.maxItems ?? Infinity) - 1))],
          'duplicate items where uniqueItems is set'
        );
      }
      if (depth < MAX_VARIANT_DEPTH && view.items && Array.isArray(array) && array.length > 0) {
        for (const variant of this.negatives(view.items, rng, context, array[0], depth + 1).slice(0, 8)) {
          add([variant.value, ...array.slice(1)], `[0] ${variant.label}`);
        }
      }
    } else if (primary === 'object') {
      const object = isObject(base) ? base : this.sampleObject(view, rng, context, depth, 'all');
      if (!isObject(object)) return out;
      for (const name of view.required) {
        const child = view.properties.get(name);
        if (child && this.hidden(child)) continue;
        if (!(name in object)) continue;
        const copy = { ...object };
        delete copy[name];
        add(copy, `missing required property "${name}"`);
      }
      if (view.additionalProperties === false) {
        let name = 'unexpectedProperty';
        while (view.properties.has(name)) name += 'X';
        add(withKey(object, name, 'x'), `undocumented property "${name}" where additionalProperties is false`);
      }
      if (depth >= MAX_VARIANT_DEPTH) return out;
      for (const [name, child] of this.visibleProperties(view)) {
        if (!(name in object)) continue;
        for (const variant of this.negatives(child, rng, context, object[name], depth + 1).slice(0, 8)) {
          add(withKey(object, name, variant.value), `${name}: ${variant.label}`);
        }
      }
    }
    return out;
  }

  /** A string of exactly `length` code points that keeps the pattern when it can (the length is the point). */
  private looseString(view: View, rng: Rng, length: number): Generated {
    if (view.patterns.length > 0) {
      const text = sampleFromPattern(view.patterns[0], rng, length, length, length);
      if (text !== undefined && codeLength(text) === length) return text;
    }
    if (view.format) return NONE;
    let text = '';
    for (let i = 0; i < length; i++) text += LETTERS[rng.int(0, 25)];
    return text;
  }
}

function inferTypes(view: View): string[] | undefined {
  if (view.enum) {
    const types = new Set(view.enum.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)));
    types.delete('null');
    return [...types].map((t) => (t === 'number' ? 'number' : t));
  }
  if (view.properties.size > 0 || view.required.size > 0 || view.additionalProperties !== undefined) return ['object'];
  if (view.items || view.prefixItems || view.minItems !== undefined) return ['array'];
  if (view.minLength !== undefined || view.maxLength !== undefined || view.patterns.length > 0) return ['string'];
  if (view.format && FORMATS[view.format].type === 'string') return ['string'];
  if (view.minimum !== undefined || view.maximum !== undefined || view.multipleOf !== undefined) return ['number'];
  return undefined;
}

function intersect(current: string[] | undefined, next: string[]): string[] {
  if (current === undefined) return next;
  const out = new Set<string>();
  for (const type of current) {
    if (next.includes(type)) out.add(type);
    // integer is a subset of number, so the two meet at integer.
    else if ((type === 'integer' && next.includes('number')) || (type === 'number' && next.includes('integer')))
      out.add('integer');
  }
  return [...out];
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function boundsNote(min: number | undefined, max: number | undefined, what: string): string {
  const parts = [min !== undefined ? `min${what} ${min}` : '', max !== undefined ? `max${what} ${max}` : ''].filter(
    Boolean
  );
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function setKey(target: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function withKey(object: JsonObject, key: string, value: JsonValue): JsonObject {
  const copy: JsonObject = {};
  for (const [k, v] of Object.entries(object)) setKey(copy, k, v);
  setKey(copy, key, value);
  return copy;
}

function numberRange(view: View, integer: boolean): { low: number; high: number } | undefined {
  let low = view.minimum ?? -Infinity;
  let high = view.maximum ?? Infinity;
  if (view.exclusiveMinimum !== undefined) {
    const bound = integer ? Math.floor(view.exclusiveMinimum) + 1 : view.exclusiveMinimum + (view.multipleOf ?? 0.5);
    low = Math.max(low, bound);
  }
  if (view.exclusiveMaximum !== undefined) {
    const bound = integer ? Math.ceil(view.exclusiveMaximum) - 1 : view.exclusiveMaximum - (view.multipleOf ?? 0.5);
    high = Math.min(high, bound);
  }
  if (view.format === 'int32') {
    low = Math.max(low, -2147483648);
    high = Math.min(high, 2147483647);
  }
  if (integer) {
    low = Math.ceil(low);
    high = Math.floor(high);
  }
  return low > high ? undefined : { low, high };
}

function snap(value: number, view: View, integer: boolean, range: { low: number; high: number }): number | undefined {
  if (view.multipleOf === undefined) return integer ? Math.round(value) : value;
  const m = view.multipleOf;
  let k = Math.round(value / m);
  if (k * m < range.low) k = Math.ceil(range.low / m);
  if (k * m > range.high) k = Math.floor(range.high / m);
  const snapped = Number((k * m).toPrecision(12));
  return snapped >= range.low && snapped <= range.high ? snapped : undefined;
}

function sampleNumber(view: View, rng: Rng, integer: boolean): Generated {
  const range = numberRange(view, integer);
  if (!range) return NONE;
  let { low, high } = range;
  if (low === -Infinity && high === Infinity) [low, high] = [1, 100];
  else if (low === -Infinity) low = high - 100;
  else if (high === Infinity) high = low + 100;
  const raw = integer ? rng.int(low, high) : Math.round((low + rng.next() * (high - low)) * 100) / 100;
  const value = snap(raw, view, integer, { low, high });
  return value === undefined ? NONE : value;
}

function numberBoundaries(view: View, integer: boolean): [number, string][] {
  const range = numberRange(view, integer);
  if (!range) return [];
  const step = view.multipleOf ?? 1;
  const out: [number, string][] = [];
  const push = (value: number, label: string) => {
    const snapped = snap(value, view, integer, range);
    if (snapped === undefined || out.some(([v]) => v === snapped)) return;
    out.push([snapped, label]);
  };
  const lowLabel =
    view.exclusiveMinimum !== undefined && range.low > (view.minimum ?? -Infinity)
      ? 'just above exclusiveMinimum'
      : 'minimum';
  const highLabel =
    view.exclusiveMaximum !== undefined && range.high < (view.maximum ?? Infinity)
      ? 'just below exclusiveMaximum'
      : 'maximum';
  if (range.low !== -Infinity) {
    push(range.low, `${lowLabel} ${range.low}`);
    if (range.low + step <= range.high) push(range.low + step, `${lowLabel} + ${step}`);
  }
  if (range.high !== Infinity) {
    if (range.high - step >= range.low) push(range.high - step, `${highLabel} - ${step}`);
    push(range.high, `${highLabel} ${range.high}`);
  }
  if (range.low === -Infinity && range.high === Infinity) push(0, 'zero');
  return out;
}
