// An OpenAPI schema (resolved in place by the loader, so possibly a cyclic object graph) turned into a plain JSON
// Schema a validator can compile: acyclic, shared and recursive parts moved into definitions, OpenAPI keywords
// translated. OAS 3.0 and Swagger 2.0 get draft-07 with nullable, boolean exclusive bounds and x-nullable
// rewritten; OAS 3.1 schemas already are JSON Schema 2020-12. Both: readOnly properties are not required in
// requests, writeOnly ones not in responses, and a discriminator chooses the branch by its property.
import type { JsonObject, JsonValue } from '../../spec/types.js';
import { isObject, type ApiModel } from '../model.js';
import type { PortableSchema } from '../types.js';
import { isKnownFormat } from './formats.js';

export type Direction = 'request' | 'response';

// Keywords whose value is one schema, a list of schemas, or a map of schemas.
const ONE = [
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems'
];
const LIST = ['allOf', 'oneOf', 'anyOf', 'prefixItems'];
const MAP = ['properties', 'patternProperties', 'dependentSchemas'];
// Annotations and OpenAPI-only keywords a validator must not see (x-* too).
const DROP = new Set([
  'example',
  'examples',
  'xml',
  'externalDocs',
  'discriminator',
  'nullable',
  'x-nullable',
  'deprecated',
  '$id',
  '$schema',
  '$defs',
  'definitions',
  '$anchor',
  '$dynamicAnchor',
  '$comment',
  'readOnly',
  'writeOnly'
]);

function setKey(target: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Child schemas of a node, for the reference count. */
function children(node: JsonObject, model: ApiModel | undefined): JsonObject[] {
  const found: JsonObject[] = [];
  for (const key of ONE) if (isObject(node[key])) found.push(node[key]);
  if (isObject(node.items)) found.push(node.items);
  else if (Array.isArray(node.items)) for (const item of node.items) if (isObject(item)) found.push(item);
  for (const key of LIST) {
    const list = node[key];
    if (Array.isArray(list)) for (const item of list) if (isObject(item)) found.push(item);
  }
  for (const key of MAP) {
    const map = node[key];
    if (isObject(map)) for (const value of Object.values(map)) if (isObject(value)) found.push(value);
  }
  if (model) for (const [, target] of discriminatorBranches(node, model)) found.push(target);
  return found;
}

/**
 * The branches a discriminator chooses between, as [property value, schema]: the mapping, then oneOf/anyOf
 * members by component name, or (no oneOf/anyOf) the named schemas that extend this one through allOf.
 */
export function discriminatorBranches(node: JsonObject, model: ApiModel): [string, JsonObject][] {
  const discriminator = node.discriminator;
  if (!isObject(discriminator) || typeof discriminator.propertyName !== 'string') return [];
  const branches = new Map<string, JsonObject>();
  const mapped = new Set<JsonObject>();
  for (const [value, ref] of Object.entries(isObject(discriminator.mapping) ? discriminator.mapping : {})) {
    if (typeof ref !== 'string') continue;
    const target = ref.startsWith('#') ? model.resolvePointer(ref) : model.namedSchemas.get(ref);
    if (isObject(target)) {
      branches.set(value, target);
      mapped.add(target);
    }
  }
  const members = [...(Array.isArray(node.oneOf) ? node.oneOf : []), ...(Array.isArray(node.anyOf) ? node.anyOf : [])];
  if (members.length > 0) {
    for (const member of members) {
      if (!isObject(member) || mapped.has(member)) continue;
      const name = model.spec.componentName(member);
      if (name !== undefined && !branches.has(name)) branches.set(name, member);
    }
  } else {
    for (const [name, schema] of model.namedSchemas) {
      if (schema === node || mapped.has(schema) || branches.has(name)) continue;
      if (Array.isArray(schema.allOf) && schema.allOf.includes(node)) branches.set(name, schema);
    }
  }
  return [...branches];
}

interface ConvertOptions {
  /** OAS 3.0 / Swagger 2.0 semantics (draft-07 output) instead of 3.1 (2020-12). */
  legacy: boolean;
  direction: Direction;
  model?: ApiModel;
}

/** Converts one schema; `cache` keys it by object identity so a schema used by many responses converts once. */
export function toPortable(schema: JsonObject, options: ConvertOptions): PortableSchema {
  const defsKey = options.legacy ? 'definitions' : '$defs';
  const refCount = new Map<JsonObject, number>();
  const stack: JsonObject[] = [schema];
  refCount.set(schema, 1);
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of children(node, options.model)) {
      const seen = refCount.get(child);
      refCount.set(child, (seen ?? 0) + 1);
      if (seen === undefined) stack.push(child);
    }
  }

  const defs: JsonObject = {};
  const names = new Map<string, string>();
  let counter = 0;
  const refTo = (node: JsonObject, dispatch: boolean): JsonObject => {
    const key = `${identity(node)}:${dispatch ? 'd' : 'p'}`;
    let name = names.get(key);
    if (name === undefined) {
      name = `s${counter++}`;
      names.set(key, name);
      // Reserved before emitting, so a cycle back to this node finds the name.
      defs[name] = {};
      defs[name] = emitBody(node, dispatch);
    }
    return { $ref: `#/${defsKey}/${name}` };
  };
  const ids = new Map<JsonObject, number>();
  const identity = (node: JsonObject): number => {
    let id = ids.get(node);
    if (id === undefined) {
      id = ids.size;
      ids.set(node, id);
    }
    return id;
  };

  const emit = (node: JsonValue, dispatch = true): JsonValue => {
    if (!isObject(node)) return node;
    if ((refCount.get(node) ?? 0) > 1) return refTo(node, dispatch);
    return emitBody(node, dispatch);
  };

  const emitBody = (node: JsonObject, dispatch: boolean): JsonObject => {
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (DROP.has(key) || key.startsWith('x-')) continue;
      if (key === 'format' && !isKnownFormat(value)) continue;
      if (ONE.includes(key)) setKey(out, key, emit(value));
      else if (key === 'items') setKey(out, key, Array.isArray(value) ? value.map((v) => emit(v)) : emit(value));
      else if (LIST.includes(key))
        setKey(out, key, Array.isArray(value) ? value.map((v) => emit(v, key !== 'allOf')) : value);
      else if (MAP.includes(key) && isObject(value)) {
        const map: JsonObject = {};
        for (const [name, child] of Object.entries(value)) setKey(map, name, emit(child));
        setKey(out, key, map);
      } else if (key === 'required' && Array.isArray(value)) {
        const hidden = hiddenProperties(node, options.direction);
        const required = value.filter((name) => typeof name !== 'string' || !hidden.has(name));
        if (required.length > 0) out.required = required;
      } else setKey(out, key, value);
    }
    if (options.legacy) legacyBounds(node, out);
    if (dispatch && options.model) applyDiscriminator(node, out, options.model, emit);
    const nullable = options.legacy && (node.nullable === true || node['x-nullable'] === true);
    if (!nullable) return out;
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
      return out;
    }
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return { anyOf: [{ type: 'null' }, out] };
  };

  const root = emit(schema) as JsonObject;
  if (Object.keys(defs).length === 0) return { dialect: options.legacy ? 'draft-07' : '2020-12', schema: root };
  // A $ref beside other keywords is ignored in draft-07, so the root wraps it.
  return {
    dialect: options.legacy ? 'draft-07' : '2020-12',
    schema: { allOf: [root], [defsKey]: defs }
  };
}

/** readOnly properties are not sent in requests and writeOnly ones not in responses, so neither is required there. */
function hiddenProperties(node: JsonObject, direction: Direction): Set<string> {
  const hidden = new Set<string>();
  if (!isObject(node.properties)) return hidden;
  const flag = direction === 'request' ? 'readOnly' : 'writeOnly';
  for (const [name, child] of Object.entries(node.properties)) {
    if (isObject(child) && child[flag] === true) hidden.add(name);
  }
  return hidden;
}

function legacyBounds(node: JsonObject, out: JsonObject): void {
  for (const [bound, exclusive] of [
    ['minimum', 'exclusiveMinimum'],
    ['maximum', 'exclusiveMaximum']
  ] as const) {
    if (typeof node[exclusive] !== 'boolean') continue;
    delete out[exclusive];
    if (node[exclusive] === true && typeof node[bound] === 'number') {
      out[exclusive] = node[bound];
      delete out[bound];
    }
  }
}

function applyDiscriminator(
  node: JsonObject,
  out: JsonObject,
  model: ApiModel,
  emit: (node: JsonValue, dispatch?: boolean) => JsonValue
): void {
  const discriminator = node.discriminator;
  if (!isObject(discriminator) || typeof discriminator.propertyName !== 'string') return;
  const property = discriminator.propertyName;
  const branches = discriminatorBranches(node, model);
  if (branches.length === 0) return;
  const hasMembers = Array.isArray(node.oneOf) || Array.isArray(node.anyOf);
  // The discriminator replaces oneOf/anyOf: members that overlap (optional properties only) would make
  // oneOf fail for every value, which is exactly the case a discriminator exists for.
  if (hasMembers) {
    delete out.oneOf;
    delete out.anyOf;
  }
  const dispatch: JsonValue[] = branches.map(([value, schema]) => ({
    if: { properties: { [property]: { const: value } }, required: [property] },
    then: emit(schema, false)
  }));
  const allOf = Array.isArray(out.allOf) ? out.allOf : [];
  out.allOf = [
    ...allOf,
    { required: [property], properties: { [property]: { enum: branches.map(([value]) => value) } } },
    ...dispatch
  ];
}
