// Whether a loaded description is a valid OpenAPI 2.0 / 3.0 / 3.1 document, judged by the official JSON Schemas of
// the specification. The diff compares whatever it is given, so a document that is not valid (a response that
// `$ref`s a schema) would otherwise show up only as confusing changes ("no longer returns application/json").
//
// The schemas are the OpenAPI Initiative's (`http://swagger.io/v2/schema.json#`,
// `https://spec.openapis.org/oas/3.0/schema/2019-04-02`, `https://spec.openapis.org/oas/3.1/schema/2021-09-28`), as
// @stoplight/spectral-rulesets (a dependency, for lint) ships them precompiled into ajv standalone validators: no
// schema is compiled at run time, and the 13 MB GitHub description validates in a few hundred milliseconds.
//
// The loaded document has its $refs resolved, so a target is judged where it is used (a schema used as a response
// is not a valid response), which validating the files as written would miss. It may be shared and cyclic, so the
// validator gets a tree: a shared object is written out once for each kind of place it is used in (its key, or
// `*` for an entry of a map such as `properties` or `responses`), and anywhere else it appears as a Reference
// object (`{"$ref": ...}`), which is valid wherever a $ref may be written. Linear in the distinct nodes.
import * as validatorsModule from '@stoplight/spectral-rulesets/dist/oas/schemas/validators.js';
import { cjsExports } from '../../../../shared/src/lib/cjs-interop.js';
import type { JsonObject, JsonValue, LoadedSpec, SourceLocation } from './types.js';

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}
type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
type Validators = { oas2_0: Validator; oas3_0: Validator; oas3_1: Validator };

let validators: Validators | undefined;
function validatorFor(version: LoadedSpec['version']): Validator {
  validators ??= cjsExports<Validators>(validatorsModule, 'oas3_0');
  return version === '2.0' ? validators.oas2_0 : version === '3.0' ? validators.oas3_0 : validators.oas3_1;
}

/** Keys whose value is a map of names to objects of one kind: their entries are one kind of place. */
const MAPS = new Set([
  'paths',
  'webhooks',
  'properties',
  'patternProperties',
  'dependentSchemas',
  'responses',
  'content',
  'headers',
  'schemas',
  'parameters',
  'requestBodies',
  'securitySchemes',
  'securityDefinitions',
  'definitions',
  '$defs',
  'callbacks',
  'links',
  'examples',
  'encoding',
  'pathItems',
  'variables'
]);

/** Places where a schema goes, as one kind: a schema used in several of them is written out once. */
const SCHEMA_PLACES = new Set([
  'schema',
  'items',
  'additionalProperties',
  'not',
  'contains',
  'if',
  'then',
  'else',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
  'additionalItems',
  'properties/*',
  'patternProperties/*',
  'dependentSchemas/*',
  'schemas/*',
  'definitions/*',
  '$defs/*',
  'allOf[]',
  'oneOf[]',
  'anyOf[]',
  'prefixItems[]',
  'items[]'
]);
const KINDS: Record<string, string> = {
  'parameters[]': 'parameter',
  'parameters/*': 'parameter',
  'responses/*': 'response',
  requestBody: 'requestBody',
  'requestBodies/*': 'requestBody',
  'paths/*': 'pathItem',
  'webhooks/*': 'pathItem',
  'pathItems/*': 'pathItem'
};

/** The kind of place a value sits in: `key[]` in a list, `container/*` in a map, else its key. */
function placeOf(key: string, containerKey: string | undefined, inList: boolean): string {
  const raw = inList ? key : containerKey !== undefined && MAPS.has(containerKey) ? `${containerKey}/*` : key;
  return SCHEMA_PLACES.has(raw) ? 'schema' : (KINDS[raw] ?? raw);
}

/** What stands for a shared object written out elsewhere: a Reference object, distinct per object (uniqueItems). */
function placeholderFor(ids: Map<object, number>, node: object): JsonObject {
  let id = ids.get(node);
  if (id === undefined) ids.set(node, (id = ids.size));
  return { $ref: `#/x-shared/${id}` };
}

/** Counts the parents of every object: one with several is shared (a $ref target, a YAML alias). */
function sharedObjects(document: JsonObject): WeakSet<object> {
  const seen = new WeakSet<object>();
  const shared = new WeakSet<object>();
  const stack: object[] = [document];
  seen.add(document);
  const visit = (child: JsonValue) => {
    if (child === null || typeof child !== 'object') return;
    if (seen.has(child)) shared.add(child);
    else {
      seen.add(child);
      stack.push(child);
    }
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Array.isArray(node)) for (const child of node as JsonValue[]) visit(child);
    else for (const key in node) visit((node as JsonObject)[key]);
  }
  return shared;
}

/** The tree the validator reads (see the file comment). */
function validationTree(document: JsonObject): JsonObject {
  const shared = sharedObjects(document);
  const written = new WeakMap<object, Set<string>>();
  const ids = new Map<object, number>();
  const active = new WeakSet<object>();
  // `key` names where the value is; `container` is the key of the object holding it (undefined in a list).
  const copy = (node: JsonValue, key: string, container: string | undefined, inList: boolean): JsonValue => {
    if (node === null || typeof node !== 'object') return node;
    if (shared.has(node)) {
      // Only a shared object may stand as a Reference object: it was reached through a $ref (or an alias).
      const place = placeOf(key, container, inList);
      let places = written.get(node);
      if (active.has(node) || places?.has(place)) return placeholderFor(ids, node);
      if (!places) written.set(node, (places = new Set()));
      places.add(place);
      // A cycle goes through a shared object, so only those need to be tracked on the way down.
      active.add(node);
      const out = copyChildren(node, key);
      active.delete(node);
      return out;
    }
    return copyChildren(node, key);
  };
  const copyChildren = (node: JsonObject | JsonValue[], key: string): JsonValue => {
    if (Array.isArray(node)) {
      const list: JsonValue[] = new Array<JsonValue>(node.length);
      const itemKey = `${key}[]`;
      for (let i = 0; i < node.length; i++) list[i] = copy(node[i], itemKey, undefined, true);
      return list;
    }
    const out: JsonObject = {};
    for (const k in node) out[k] = copy(node[k], k, key, false);
    return out;
  };
  const out: JsonObject = {};
  // Where things are used before where they are defined, so a component is first judged at a place that uses it.
  const keys = Object.keys(document).sort((a, b) => Number(a === 'components') - Number(b === 'components'));
  for (const key of keys) out[key] = copy(document[key], key, undefined, false);
  return out;
}

export interface SpecProblem {
  /** JSON pointer into the (resolved) document. */
  pointer: string;
  message: string;
  location?: SourceLocation;
}

export interface SpecValidation {
  version: LoadedSpec['version'];
  /** The first problems, most specific first (at most `limit`). */
  problems: SpecProblem[];
  /** How many distinct problems there are. */
  total: number;
}

function tokens(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Where a pointer's node is written: the key that holds it in its parent (the $ref, for a resolved target). */
function locatePointer(spec: LoadedSpec, pointer: string): SourceLocation | undefined {
  let node: JsonValue = spec.document;
  let parent: JsonValue | undefined;
  let last: string | undefined;
  for (const token of tokens(pointer)) {
    if (node === null || typeof node !== 'object') break;
    const next: JsonValue | undefined = Array.isArray(node) ? node[Number(token)] : node[token];
    if (next === undefined) break;
    parent = node;
    last = token;
    node = next;
  }
  return (parent !== undefined && last !== undefined ? spec.locate(parent, last) : undefined) ?? spec.locate(node);
}

/** What ajv says, in words that name the key at fault. */
function describe(error: AjvError): string {
  const p = error.params ?? {};
  if (error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties')
    return `has the key "${String(p.additionalProperty ?? p.unevaluatedProperty)}", which is not allowed here`;
  if (error.keyword === 'required') return `is missing the required key "${String(p.missingProperty)}"`;
  return error.message ?? error.keyword;
}

/**
 * Validates the document against the official schema of its version. An empty list of problems means valid.
 * Branch noise is dropped: the summary of a failed oneOf/anyOf, and "needs $ref" from the Reference branch.
 */
export function validateSpec(spec: LoadedSpec, limit = 3): SpecValidation {
  const validate = validatorFor(spec.version);
  if (validate(validationTree(spec.document))) return { version: spec.version, problems: [], total: 0 };
  const seen = new Map<string, AjvError>();
  for (const error of validate.errors ?? []) {
    if (['oneOf', 'anyOf', 'if', 'not', 'false schema', '$dynamicRef', '$ref'].includes(error.keyword)) continue;
    if (error.keyword === 'required' && error.params?.missingProperty === '$ref') continue;
    const key = `${error.instancePath}\u0000${describe(error)}`;
    if (!seen.has(key)) seen.set(key, error);
  }
  const errors = [...seen.values()];
  // The deepest place first: a problem at a response says more than the same problem echoed at `paths`.
  const depth = (e: AjvError) => tokens(e.instancePath).length;
  const ordered = errors.map((e, i) => ({ e, i })).sort((a, b) => depth(b.e) - depth(a.e) || a.i - b.i);
  const problems = ordered.slice(0, limit).map(({ e }) => {
    const pointer = e.instancePath;
    const location = locatePointer(spec, pointer);
    return { pointer: `#${pointer}`, message: describe(e), ...(location ? { location } : {}) };
  });
  return { version: spec.version, problems, total: errors.length };
}
