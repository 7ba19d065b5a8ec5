import { compareSchemas, SCHEMA_CHECKS } from '../../actions/contract-test/src/diff/schema/index.js';
import type { Change, JsonObject, LoadedSpec } from '../../actions/contract-test/src/spec/types.js';
import { specFromYaml } from './spec-fixture.js';

type Dir = 'request' | 'response';
type Version = '3.0' | '3.1';
type Schema = unknown;

const emitted = new Set<string>();

function load(version: Version, root: Schema, components: Record<string, Schema> = {}): LoadedSpec {
  const doc = {
    openapi: version === '3.0' ? '3.0.3' : '3.1.0',
    info: { title: 't', version: '1' },
    paths: {},
    components: { schemas: { ...components, Root: root } }
  };
  // JSON is YAML, and it keeps the inline schemas free of quoting surprises.
  return specFromYaml(JSON.stringify(doc));
}

interface RunOptions {
  version?: Version;
  headVersion?: Version;
  baseComponents?: Record<string, Schema>;
  headComponents?: Record<string, Schema>;
}

function diff(direction: Dir, base: Schema, head: Schema, options: RunOptions = {}): Change[] {
  const baseSpec = load(options.version ?? '3.0', base, options.baseComponents);
  const headSpec = load(options.headVersion ?? options.version ?? '3.0', head, options.headComponents);
  const changes: Change[] = [];
  compareSchemas(
    (baseSpec.document.components as JsonObject).schemas &&
      ((baseSpec.document.components as JsonObject).schemas as JsonObject).Root,
    ((headSpec.document.components as JsonObject).schemas as JsonObject).Root,
    {
      direction,
      path: '/items',
      method: 'post',
      where: `${direction} body application/json`,
      base: baseSpec,
      head: headSpec,
      emit: (c) => changes.push(c)
    }
  );
  for (const c of changes) emitted.add(c.id);
  return changes;
}

const ids = (changes: Change[]) => changes.map((c) => c.id);
const obj = (properties: Record<string, Schema>, required: string[] = [], extra: Record<string, unknown> = {}) => ({
  type: 'object',
  properties,
  ...(required.length > 0 && { required }),
  ...extra
});
const str = { type: 'string' };
const int = { type: 'integer' };
const num = { type: 'number' };
const prop = (schema: Schema, required = false) => obj({ a: schema }, required ? ['a'] : []);

interface Case {
  id: string;
  dir: Dir;
  version?: Version;
  base: Schema;
  head: Schema;
  /** A head that looks like the breaking one but must not raise this id. */
  near: Schema;
  /** Optional different base for the near-miss. */
  nearBase?: Schema;
}

const cases: Case[] = [
  // properties
  {
    id: 'response-property-removed',
    dir: 'response',
    base: obj({ a: str, b: str }),
    head: obj({ a: str }),
    nearBase: obj({ a: str, b: { ...str, writeOnly: true } }),
    near: obj({ a: str })
  },
  {
    id: 'request-property-removed',
    dir: 'request',
    base: obj({ a: str, b: str }),
    head: obj({ a: str }),
    nearBase: obj({ a: str, b: { ...str, readOnly: true } }),
    near: obj({ a: str })
  },
  {
    id: 'new-required-request-property',
    dir: 'request',
    base: obj({ a: str }),
    head: obj({ a: str, b: str }, ['b']),
    near: obj({ a: str, b: str })
  },
  {
    id: 'new-optional-request-property',
    dir: 'request',
    base: obj({ a: str }),
    head: obj({ a: str, b: str }),
    near: obj({ a: str, b: { ...str, readOnly: true } })
  },
  {
    id: 'response-property-added',
    dir: 'response',
    base: obj({ a: str }),
    head: obj({ a: str, b: str }),
    near: obj({ a: str, b: { ...str, writeOnly: true } })
  },
  {
    id: 'request-property-became-required',
    dir: 'request',
    base: prop(str),
    head: prop(str, true),
    nearBase: prop({ ...str, readOnly: true }),
    near: prop({ ...str, readOnly: true }, true)
  },
  {
    id: 'request-property-became-optional',
    dir: 'request',
    base: prop(str, true),
    head: prop(str),
    near: prop(str, true)
  },
  {
    id: 'response-property-became-optional',
    dir: 'response',
    base: prop(str, true),
    head: prop(str),
    nearBase: prop({ ...str, writeOnly: true }, true),
    near: prop({ ...str, writeOnly: true })
  },
  { id: 'response-property-became-required', dir: 'response', base: prop(str), head: prop(str, true), near: prop(str) },
  // types
  { id: 'request-property-type-changed', dir: 'request', base: prop(int), head: prop(str), near: prop(num) },
  {
    id: 'request-property-type-changed',
    dir: 'request',
    version: '3.1',
    base: prop({ type: ['string', 'integer'] }),
    head: prop(str),
    near: prop({ type: ['string', 'number'] })
  },
  {
    id: 'response-property-type-changed',
    dir: 'response',
    base: prop(int),
    head: prop(num),
    nearBase: prop(num),
    near: prop(int)
  },
  {
    id: 'response-property-type-changed',
    dir: 'response',
    version: '3.1',
    base: prop(str),
    head: prop({ type: ['string', 'integer'] }),
    nearBase: prop({ type: ['string', 'integer'] }),
    near: prop(str)
  },
  { id: 'request-property-type-widened', dir: 'request', base: prop(int), head: prop(num), near: prop(int) },
  { id: 'response-property-type-narrowed', dir: 'response', base: prop(num), head: prop(int), near: prop(num) },
  // formats
  {
    id: 'request-property-format-changed',
    dir: 'request',
    base: prop({ ...str, format: 'date' }),
    head: prop({ ...str, format: 'uuid' }),
    nearBase: prop({ ...int, format: 'int32' }),
    near: prop({ ...int, format: 'int64' })
  },
  {
    id: 'response-property-format-changed',
    dir: 'response',
    base: prop({ ...int, format: 'int32' }),
    head: prop({ ...int, format: 'int64' }),
    nearBase: prop({ ...int, format: 'int64' }),
    near: prop({ ...int, format: 'int32' })
  },
  {
    id: 'request-property-format-widened',
    dir: 'request',
    base: prop({ ...num, format: 'float' }),
    head: prop({ ...num, format: 'double' }),
    near: prop({ ...num, format: 'float' })
  },
  {
    id: 'response-property-format-narrowed',
    dir: 'response',
    base: prop({ ...num, format: 'double' }),
    head: prop({ ...num, format: 'float' }),
    near: prop({ ...num, format: 'double' })
  },
  {
    id: 'request-property-format-added',
    dir: 'request',
    base: prop(str),
    head: prop({ ...str, format: 'email' }),
    nearBase: prop({ ...str, format: 'email' }),
    near: prop(str)
  },
  {
    id: 'request-property-format-removed',
    dir: 'request',
    base: prop({ ...str, format: 'email' }),
    head: prop(str),
    near: prop({ ...str, format: 'email' })
  },
  {
    id: 'response-property-format-added',
    dir: 'response',
    base: prop(str),
    head: prop({ ...str, format: 'email' }),
    near: prop(str)
  },
  {
    id: 'response-property-format-removed',
    dir: 'response',
    base: prop({ ...str, format: 'email' }),
    head: prop(str),
    nearBase: prop(str),
    near: prop({ ...str, format: 'email' })
  },
  // nullability, in both notations
  {
    id: 'response-property-became-nullable',
    dir: 'response',
    base: prop(str),
    head: prop({ ...str, nullable: true }),
    nearBase: prop({ ...str, nullable: true }),
    near: prop(str)
  },
  {
    id: 'response-property-became-nullable',
    dir: 'response',
    version: '3.1',
    base: prop(str),
    head: prop({ type: ['string', 'null'] }),
    nearBase: prop({ type: ['string', 'null'] }),
    near: prop(str)
  },
  {
    id: 'response-property-became-nullable',
    dir: 'response',
    version: '3.1',
    base: prop(str),
    head: prop({ oneOf: [str, { type: 'null' }] }),
    nearBase: prop({ oneOf: [str, { type: 'null' }] }),
    near: prop({ type: ['string', 'null'] })
  },
  {
    id: 'request-property-became-nullable',
    dir: 'request',
    base: prop(str),
    head: prop({ ...str, nullable: true }),
    near: prop(str)
  },
  {
    id: 'request-property-became-nullable',
    dir: 'request',
    version: '3.1',
    base: prop(str),
    head: prop({ type: ['null', 'string'] }),
    near: prop(str)
  },
  {
    id: 'request-property-became-not-nullable',
    dir: 'request',
    base: prop({ ...str, nullable: true }),
    head: prop(str),
    near: prop({ ...str, nullable: true })
  },
  {
    id: 'request-property-became-not-nullable',
    dir: 'request',
    version: '3.1',
    base: prop({ type: ['string', 'null'] }),
    head: prop(str),
    near: prop({ anyOf: [str, { type: 'null' }] })
  },
  {
    id: 'response-property-became-not-nullable',
    dir: 'response',
    base: prop({ ...str, nullable: true }),
    head: prop(str),
    near: prop({ ...str, nullable: true })
  },
  {
    id: 'response-property-became-not-nullable',
    dir: 'response',
    version: '3.1',
    base: prop({ type: ['string', 'null'] }),
    head: prop(str),
    near: prop({ type: ['string', 'null'] })
  },
  // enums and const
  {
    id: 'request-property-enum-value-removed',
    dir: 'request',
    base: prop({ ...str, enum: ['a', 'b'] }),
    head: prop({ ...str, enum: ['a'] }),
    near: prop({ ...str, enum: ['b', 'a', 'c'] })
  },
  {
    id: 'response-property-enum-value-removed',
    dir: 'response',
    base: prop({ ...str, enum: ['a', 'b'] }),
    head: prop({ ...str, enum: ['a'] }),
    near: prop({ ...str, enum: ['b', 'a'] })
  },
  {
    id: 'request-property-enum-value-added',
    dir: 'request',
    base: prop({ ...str, enum: ['a'] }),
    head: prop({ ...str, enum: ['a', 'b'] }),
    near: prop({ ...str, enum: ['a'] })
  },
  {
    id: 'response-property-enum-value-added',
    dir: 'response',
    base: prop({ ...str, enum: ['a', 'b'] }),
    head: prop({ ...str, enum: ['a', 'b', 'c'] }),
    near: prop({ ...str, enum: ['a'] })
  },
  {
    id: 'response-property-enum-value-added',
    dir: 'response',
    version: '3.1',
    base: prop({ const: 'a' }),
    head: prop({ ...str, enum: ['a', 'b'] }),
    near: prop({ ...str, enum: ['a'] })
  },
  {
    id: 'request-property-became-enum',
    dir: 'request',
    base: prop(str),
    head: prop({ ...str, enum: ['a'] }),
    nearBase: prop({ ...str, enum: ['a'] }),
    near: prop(str)
  },
  {
    id: 'request-property-became-enum',
    dir: 'request',
    version: '3.1',
    base: prop(str),
    head: prop({ ...str, const: 'a' }),
    nearBase: prop({ ...str, const: 'a' }),
    near: prop(str)
  },
  {
    id: 'response-property-became-not-enum',
    dir: 'response',
    base: prop({ ...str, enum: ['a'] }),
    head: prop(str),
    nearBase: prop(str),
    near: prop({ ...str, enum: ['a'] })
  },
  {
    id: 'request-property-const-changed',
    dir: 'request',
    version: '3.1',
    base: prop({ const: 'a' }),
    head: prop({ const: 'b' }),
    near: prop({ const: 'a' })
  },
  {
    id: 'response-property-const-changed',
    dir: 'response',
    version: '3.1',
    base: prop({ const: 1 }),
    head: prop({ const: 2 }),
    near: prop({ enum: [1] })
  },
  // bounds: both exclusive notations
  {
    id: 'request-property-max-decreased',
    dir: 'request',
    base: prop({ ...int, maximum: 10 }),
    head: prop({ ...int, maximum: 5 }),
    near: prop({ ...int, maximum: 20 })
  },
  {
    id: 'request-property-max-decreased',
    dir: 'request',
    base: prop({ ...int, maximum: 10 }),
    head: prop({ ...int, maximum: 10, exclusiveMaximum: true }),
    nearBase: prop({ ...int, maximum: 10, exclusiveMaximum: true }),
    near: prop({ ...int, maximum: 10 })
  },
  {
    id: 'request-property-max-decreased',
    dir: 'request',
    version: '3.1',
    base: prop({ ...int, maximum: 10 }),
    head: prop({ ...int, exclusiveMaximum: 10 }),
    nearBase: prop({ ...int, exclusiveMaximum: 10 }),
    near: prop({ ...int, maximum: 10 })
  },
  {
    id: 'request-property-min-increased',
    dir: 'request',
    base: prop(int),
    head: prop({ ...int, minimum: 1 }),
    nearBase: prop({ ...int, minimum: 1 }),
    near: prop({ ...int, minimum: 0 })
  },
  {
    id: 'request-property-min-increased',
    dir: 'request',
    version: '3.1',
    base: prop({ ...int, minimum: 0 }),
    head: prop({ ...int, exclusiveMinimum: 0 }),
    near: prop({ ...int, minimum: -1 })
  },
  {
    id: 'response-property-max-increased',
    dir: 'response',
    base: prop({ ...int, maximum: 10 }),
    head: prop({ ...int, maximum: 20 }),
    near: prop({ ...int, maximum: 5 })
  },
  {
    id: 'response-property-max-increased',
    dir: 'response',
    base: prop({ ...int, maximum: 10, exclusiveMaximum: true }),
    head: prop({ ...int, maximum: 10 }),
    near: prop({ ...int, maximum: 9 })
  },
  {
    id: 'response-property-min-decreased',
    dir: 'response',
    base: prop({ ...int, minimum: 1 }),
    head: prop(int),
    near: prop({ ...int, minimum: 2 })
  },
  {
    id: 'response-property-min-decreased',
    dir: 'response',
    version: '3.1',
    base: prop({ ...int, exclusiveMinimum: 0 }),
    head: prop({ ...int, minimum: 0 }),
    near: prop({ ...int, minimum: 1 })
  },
  {
    id: 'request-property-max-length-decreased',
    dir: 'request',
    base: prop({ ...str, maxLength: 10 }),
    head: prop({ ...str, maxLength: 5 }),
    near: prop({ ...str, maxLength: 50 })
  },
  {
    id: 'request-property-min-length-increased',
    dir: 'request',
    base: prop(str),
    head: prop({ ...str, minLength: 1 }),
    nearBase: prop({ ...str, minLength: 1 }),
    near: prop(str)
  },
  {
    id: 'response-property-max-length-increased',
    dir: 'response',
    base: prop({ ...str, maxLength: 10 }),
    head: prop(str),
    near: prop({ ...str, maxLength: 5 })
  },
  {
    id: 'response-property-min-length-decreased',
    dir: 'response',
    base: prop({ ...str, minLength: 3 }),
    head: prop({ ...str, minLength: 1 }),
    near: prop({ ...str, minLength: 4 })
  },
  {
    id: 'request-property-max-items-decreased',
    dir: 'request',
    base: prop({ type: 'array', items: str }),
    head: prop({ type: 'array', items: str, maxItems: 3 }),
    near: prop({ type: 'array', items: str, minItems: 0 })
  },
  {
    id: 'request-property-min-items-increased',
    dir: 'request',
    base: prop({ type: 'array', items: str, minItems: 1 }),
    head: prop({ type: 'array', items: str, minItems: 2 }),
    near: prop({ type: 'array', items: str })
  },
  {
    id: 'response-property-max-items-increased',
    dir: 'response',
    base: prop({ type: 'array', items: str, maxItems: 3 }),
    head: prop({ type: 'array', items: str, maxItems: 4 }),
    near: prop({ type: 'array', items: str, maxItems: 2 })
  },
  {
    id: 'response-property-min-items-decreased',
    dir: 'response',
    base: prop({ type: 'array', items: str, minItems: 1 }),
    head: prop({ type: 'array', items: str }),
    near: prop({ type: 'array', items: str, minItems: 1 })
  },
  {
    id: 'request-property-pattern-changed',
    dir: 'request',
    base: prop(str),
    head: prop({ ...str, pattern: '^[a-z]+$' }),
    nearBase: prop({ ...str, pattern: '^[a-z]+$' }),
    near: prop(str)
  },
  {
    id: 'response-property-pattern-changed',
    dir: 'response',
    base: prop({ ...str, pattern: '^[a-z]+$' }),
    head: prop({ ...str, pattern: '^[a-z0-9]+$' }),
    nearBase: prop(str),
    near: prop({ ...str, pattern: '^[a-z]+$' })
  },
  {
    id: 'request-property-unique-items-added',
    dir: 'request',
    base: prop({ type: 'array', items: str }),
    head: prop({ type: 'array', items: str, uniqueItems: true }),
    nearBase: prop({ type: 'array', items: str, uniqueItems: true }),
    near: prop({ type: 'array', items: str })
  },
  {
    id: 'response-property-unique-items-removed',
    dir: 'response',
    base: prop({ type: 'array', items: str, uniqueItems: true }),
    head: prop({ type: 'array', items: str }),
    nearBase: prop({ type: 'array', items: str }),
    near: prop({ type: 'array', items: str, uniqueItems: true })
  },
  {
    id: 'request-property-default-changed',
    dir: 'request',
    base: prop({ ...int, default: 10 }),
    head: prop({ ...int, default: 20 }),
    near: prop({ ...int, default: 10, description: 'd' })
  },
  {
    id: 'response-property-default-changed',
    dir: 'response',
    base: prop({ ...str, default: 'x' }),
    head: prop({ ...str, default: 'y' }),
    near: prop(str)
  },
  // readOnly / writeOnly
  {
    id: 'request-property-became-read-only',
    dir: 'request',
    base: prop(str),
    head: prop({ ...str, readOnly: true }),
    near: prop({ ...str, writeOnly: true })
  },
  {
    id: 'request-property-became-not-read-only',
    dir: 'request',
    base: prop({ ...str, readOnly: true }),
    head: prop(str),
    near: prop({ ...str, readOnly: true })
  },
  {
    id: 'response-property-became-write-only',
    dir: 'response',
    base: prop(str),
    head: prop({ ...str, writeOnly: true }),
    near: prop({ ...str, readOnly: true })
  },
  {
    id: 'response-property-became-not-write-only',
    dir: 'response',
    base: prop({ ...str, writeOnly: true }),
    head: prop(str),
    near: prop({ ...str, writeOnly: true })
  },
  // additionalProperties
  {
    id: 'request-property-additional-properties-restricted',
    dir: 'request',
    base: obj({ a: str }),
    head: obj({ a: str }, [], { additionalProperties: false }),
    nearBase: obj({ a: str }, [], { additionalProperties: false }),
    near: obj({ a: str }, [], { additionalProperties: true })
  },
  {
    id: 'response-property-additional-properties-allowed',
    dir: 'response',
    base: obj({ a: str }, [], { additionalProperties: false }),
    head: obj({ a: str }),
    nearBase: obj({ a: str }),
    near: obj({ a: str }, [], { additionalProperties: false })
  },
  // oneOf / anyOf
  {
    id: 'request-property-one-of-variant-removed',
    dir: 'request',
    base: prop({ oneOf: [str, int] }),
    head: prop(str),
    nearBase: prop(str),
    near: prop({ oneOf: [str, int] })
  },
  {
    id: 'request-property-one-of-variant-added',
    dir: 'request',
    base: prop({ oneOf: [str, int] }),
    head: prop({ oneOf: [str, int, { type: 'boolean' }] }),
    near: prop({ oneOf: [int, str] })
  },
  {
    id: 'response-property-one-of-variant-added',
    dir: 'response',
    base: prop({ oneOf: [str, int] }),
    head: prop({ oneOf: [str, int, { type: 'boolean' }] }),
    near: prop({ oneOf: [str] })
  },
  {
    id: 'response-property-one-of-variant-removed',
    dir: 'response',
    base: prop({ oneOf: [str, int, { type: 'boolean' }] }),
    head: prop({ oneOf: [str, int] }),
    near: prop({ oneOf: [{ type: 'boolean' }, int, str] })
  },
  {
    id: 'request-property-any-of-variant-removed',
    dir: 'request',
    base: prop({ anyOf: [str, int] }),
    head: prop({ anyOf: [str, { type: 'array', items: str }] }),
    near: prop({ anyOf: [str, int, { type: 'boolean' }] })
  },
  {
    id: 'request-property-any-of-variant-added',
    dir: 'request',
    base: prop(str),
    head: prop({ anyOf: [str, int] }),
    near: prop(str)
  },
  {
    id: 'response-property-any-of-variant-added',
    dir: 'response',
    base: prop({ anyOf: [str, int] }),
    head: prop({ anyOf: [str, int, { type: 'boolean' }] }),
    near: prop({ anyOf: [int, str] })
  },
  {
    id: 'response-property-any-of-variant-removed',
    dir: 'response',
    base: prop({ anyOf: [str, int] }),
    head: prop(str),
    near: prop({ anyOf: [str, int] })
  }
];

describe('each check: a breaking case and a near miss', () => {
  test.each(cases.map((c, i) => [`${c.id} (${c.dir}, ${c.version ?? '3.0'}, #${i})`, c] as const))('%s', (_name, c) => {
    const hit = diff(c.dir, c.base, c.head, { version: c.version });
    expect(ids(hit)).toContain(c.id);
    const change = hit.find((x) => x.id === c.id)!;
    expect(change.level).toBe(SCHEMA_CHECKS.find((x) => x.id === c.id)!.level);
    expect(change.path).toBe('/items');
    expect(change.method).toBe('post');
    expect(change.message).toContain(`${c.dir} body application/json`);
    const miss = diff(c.dir, c.nearBase ?? c.base, c.near, { version: c.version });
    expect(ids(miss)).not.toContain(c.id);
    // A near miss is a compatible change: never an error.
    expect(miss.filter((x) => x.level === 'error')).toEqual([]);
  });
});

describe('messages', () => {
  test('name the nested property path and the from/to values', () => {
    const owner = (idType: Schema) => obj({ owner: obj({ id: idType }) });
    const changes = diff(
      'response',
      obj({ items: { type: 'array', items: owner(int) } }),
      obj({ items: { type: 'array', items: owner(str) } })
    );
    expect(changes).toHaveLength(1);
    expect(changes[0].message).toBe(
      'response body application/json, property items[].owner.id: type changed from integer to string'
    );
  });

  test('a removed property is located at the head schema that lost it, the base location only named', () => {
    const seen: string[] = [];
    const base = load('3.0', obj({ a: str, b: str }));
    const head = load('3.0', obj({ a: int }));
    base.locate = (_node, key) => (seen.push(`base:${key}`), { file: 'base.yaml', line: 1, column: 1 });
    head.locate = (_node, key) => (seen.push(`head:${key}`), { file: 'head.yaml', line: 2, column: 1 });
    const changes: Change[] = [];
    const root = (s: LoadedSpec) => ((s.document.components as JsonObject).schemas as JsonObject).Root;
    compareSchemas(root(base), root(head), {
      direction: 'response',
      where: 'w',
      base,
      head,
      emit: (c) => changes.push(c)
    });
    changes.forEach((c) => emitted.add(c.id));
    const removed = changes.find((c) => c.id === 'response-property-removed');
    expect(removed?.location?.file).toBe('head.yaml');
    expect(removed?.baseLocation?.file).toBe('base.yaml');
    expect(removed?.message).toBe('w, property b: removed (was at base.yaml:1 in the base spec)');
    expect(changes.find((c) => c.id === 'response-property-type-changed')?.location?.file).toBe('head.yaml');
    expect(seen).toEqual(expect.arrayContaining(['base:b', 'head:properties', 'head:type']));
    expect(changes[0].path).toBeUndefined();
  });

  test('a parameter schema (no property path) is named by its where', () => {
    const changes = diff('request', { ...int, maximum: 100 }, { ...int, maximum: 50 });
    expect(changes[0].message).toBe('request body application/json: maximum changed from 100 to 50');
  });
});

describe('structure', () => {
  test('a cyclic schema terminates and reports the deep change once', () => {
    const node = (idType: Schema) => ({
      Node: obj({ id: idType, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } })
    });
    const changes = diff(
      'response',
      { $ref: '#/components/schemas/Node' },
      { $ref: '#/components/schemas/Node' },
      {
        baseComponents: node(int),
        headComponents: node(str)
      }
    );
    expect(ids(changes)).toEqual(['response-property-type-changed']);
  });

  test('mutually recursive schemas under new names terminate and yield nothing', () => {
    // Built by hand: the YAML fixture walks resolved cycles again and cannot load mutual recursion.
    const pair = (idType: string): JsonObject => {
      const a: JsonObject = { type: 'object', properties: { name: { type: 'string' } } };
      const b: JsonObject = { type: 'object', properties: { back: a, id: { type: idType } } };
      (a.properties as JsonObject).other = b;
      (b.properties as JsonObject).list = { type: 'array', items: b };
      return a;
    };
    const spec: LoadedSpec = {
      version: '3.1',
      file: 'x',
      document: {},
      files: [],
      locate: () => undefined,
      componentName: () => undefined
    };
    const run = (base: JsonObject, head: JsonObject) => {
      const changes: Change[] = [];
      compareSchemas(base, head, {
        direction: 'request',
        where: 'w',
        base: spec,
        head: spec,
        emit: (c) => changes.push(c)
      });
      return changes;
    };
    expect(run(pair('integer'), pair('integer'))).toEqual([]);
    expect(run(pair('integer'), pair('string')).map((c) => c.message)).toEqual([
      'w, property other.id: type changed from integer to string'
    ]);
  });

  test('a renamed component with the same shape yields nothing', () => {
    const pet = obj({ id: { ...int, format: 'int64' }, name: str, tags: { type: 'array', items: str } }, [
      'id',
      'name'
    ]);
    for (const dir of ['request', 'response'] as const) {
      const changes = diff(
        dir,
        obj({ pet: { $ref: '#/components/schemas/Pet' } }),
        obj({ pet: { $ref: '#/components/schemas/Animal' } }),
        {
          baseComponents: { Pet: pet },
          headComponents: { Animal: structuredClone(pet) }
        }
      );
      expect(changes).toEqual([]);
    }
  });

  test('allOf is merged into one object before comparing', () => {
    const flat = obj({ id: int, name: str }, ['id', 'name']);
    const composed = { allOf: [{ $ref: '#/components/schemas/Base' }, obj({ name: str }, ['name'])] };
    const components = { Base: obj({ id: int }, ['id']) };
    expect(diff('request', flat, composed, { headComponents: components })).toEqual([]);
    expect(diff('response', composed, flat, { baseComponents: components })).toEqual([]);
    const changes = diff('response', composed, obj({ name: str }, ['name']), { baseComponents: components });
    expect(ids(changes)).toEqual(['response-property-removed']);
    expect(changes[0].message).toContain('property id');
  });

  test('OAS 3.0 nullable allOf $ref equals the OAS 3.1 type-array form', () => {
    const components = { Tag: obj({ v: str }) };
    const changes = diff(
      'response',
      prop({ nullable: true, allOf: [{ $ref: '#/components/schemas/Tag' }] }),
      prop({ anyOf: [{ $ref: '#/components/schemas/Tag' }, { type: 'null' }] }),
      {
        version: '3.0',
        headVersion: '3.1',
        baseComponents: components,
        headComponents: components
      }
    );
    expect(changes).toEqual([]);
  });

  test('oneOf variants are paired by structure, not index or name', () => {
    const cat = (extra: Record<string, Schema> = {}, req: string[] = []) =>
      obj({ kind: { type: 'string', enum: ['cat'] }, meows: { type: 'boolean' }, ...extra }, ['kind', ...req]);
    const dog = obj({ kind: { type: 'string', enum: ['dog'] }, barks: { type: 'boolean' } }, ['kind']);
    const base = { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }] };
    const head = { oneOf: [{ $ref: '#/components/schemas/Hound' }, { $ref: '#/components/schemas/Feline' }] };
    expect(
      diff('request', base, head, {
        baseComponents: { Cat: cat(), Dog: dog },
        headComponents: { Hound: dog, Feline: cat() }
      })
    ).toEqual([]);
    const changes = diff('request', base, head, {
      baseComponents: { Cat: cat(), Dog: dog },
      headComponents: { Hound: dog, Feline: cat({ lives: int }, ['lives']) }
    });
    expect(ids(changes)).toEqual(['new-required-request-property']);
    expect(changes[0].message).toContain('oneOf[1].lives');
  });

  test('a replaced oneOf variant is a removal plus an addition, named by component', () => {
    const changes = diff(
      'request',
      { oneOf: [{ $ref: '#/components/schemas/Cat' }, str] },
      { oneOf: [{ $ref: '#/components/schemas/Car' }, str] },
      {
        baseComponents: { Cat: obj({ kind: { const: 'cat' } }) },
        headComponents: { Car: obj({ kind: { const: 'car' } }) },
        version: '3.1'
      }
    );
    expect(ids(changes).sort()).toEqual([
      'request-property-one-of-variant-added',
      'request-property-one-of-variant-removed'
    ]);
    expect(changes.map((c) => c.message).join('\n')).toMatch(/variant Cat removed[\s\S]*variant Car added/);
  });

  test('prefixItems are compared by position', () => {
    const tuple = (second: Schema, extra: Schema[] = []) => ({ type: 'array', prefixItems: [str, second, ...extra] });
    const changes = diff('request', tuple(int), tuple(str), { version: '3.1' });
    expect(ids(changes)).toEqual(['request-property-type-changed']);
    expect(changes[0].message).toContain('property [1]');
    expect(diff('request', tuple(int), tuple(int, [{ type: 'boolean' }]), { version: '3.1' }).map((c) => c.id)).toEqual(
      []
    );
  });

  test('additionalProperties schemas are compared recursively', () => {
    const map = (v: Schema) => ({ type: 'object', additionalProperties: v });
    expect(ids(diff('response', map(int), map(str)))).toEqual(['response-property-type-changed']);
  });

  test('missing or boolean schemas compare without throwing', () => {
    const spec = load('3.1', {});
    const ctx = { direction: 'request' as const, where: 'w', base: spec, head: spec, emit: () => {} };
    expect(() => compareSchemas(undefined, { type: 'string' }, ctx)).not.toThrow();
    expect(() => compareSchemas(true, { type: 'string' }, ctx)).not.toThrow();
    expect(() => compareSchemas(false, undefined, ctx)).not.toThrow();
  });
});

describe('precision', () => {
  const evolutions: [string, Dir, Schema, Schema, Version?][] = [
    ['new optional request property', 'request', obj({ a: str }), obj({ a: str, b: int })],
    ['new response property', 'response', obj({ a: str }), obj({ a: str, b: int })],
    ['widened request enum', 'request', prop({ ...str, enum: ['a'] }), prop({ ...str, enum: ['a', 'b'] })],
    ['narrowed response enum', 'response', prop({ ...str, enum: ['a', 'b'] }), prop({ ...str, enum: ['a'] })],
    ['request integer to number', 'request', prop(int), prop(num)],
    ['response number to integer', 'response', prop(num), prop(int)],
    ['request maximum raised', 'request', prop({ ...int, maximum: 10 }), prop({ ...int, maximum: 100 })],
    ['request minLength removed', 'request', prop({ ...str, minLength: 2 }), prop(str)],
    ['request pattern removed', 'request', prop({ ...str, pattern: 'x' }), prop(str)],
    [
      'response maxItems lowered',
      'response',
      prop({ type: 'array', items: str, maxItems: 9 }),
      prop({ type: 'array', items: str, maxItems: 5 })
    ],
    ['request property became optional', 'request', prop(str, true), prop(str)],
    ['response property became required', 'response', prop(str), prop(str, true)],
    ['request accepts null', 'request', prop(str), prop({ type: ['string', 'null'] }), '3.1'],
    ['response no longer null', 'response', prop({ ...str, nullable: true }), prop(str)],
    ['request oneOf gains a variant', 'request', prop(str), prop({ oneOf: [str, int] })],
    ['response oneOf loses a variant', 'response', prop({ oneOf: [str, int] }), prop(int)],
    [
      'request additionalProperties opened',
      'request',
      obj({ a: str }, [], { additionalProperties: false }),
      obj({ a: str })
    ],
    [
      'readOnly id added to a request schema',
      'request',
      obj({ a: str }),
      obj({ a: str, id: { ...int, readOnly: true } }, ['id'])
    ],
    [
      'writeOnly password added to a response schema',
      'response',
      obj({ a: str }),
      obj({ a: str, pw: { ...str, writeOnly: true } }, ['pw'])
    ],
    [
      'allOf refactoring',
      'response',
      obj({ a: str, b: str }, ['a']),
      { allOf: [obj({ a: str }, ['a']), obj({ b: str })] }
    ],
    ['request int32 to int64', 'request', prop({ ...int, format: 'int32' }), prop({ ...int, format: 'int64' })],
    [
      'documentation only',
      'response',
      prop({ ...str, description: 'x', example: 'y' }),
      prop({ ...str, description: 'z', title: 't' })
    ],
    [
      'response uniqueItems added',
      'response',
      prop({ type: 'array', items: str }),
      prop({ type: 'array', items: str, uniqueItems: true })
    ],
    [
      '3.0 nullable to 3.1 type array',
      'response',
      prop({ ...str, nullable: true }),
      prop({ type: ['string', 'null'] }),
      '3.1'
    ]
  ];
  test('compatible evolutions raise no error-level change', () => {
    const errors = evolutions.flatMap(([name, dir, base, head, version]) =>
      diff(dir, base, head, { version })
        .filter((c) => c.level === 'error')
        .map((c) => `${name}: ${c.id}`)
    );
    expect(errors).toEqual([]);
  });
});

describe('catalogue', () => {
  test('ids are unique kebab-case with descriptions', () => {
    const seen = new Set<string>();
    for (const c of SCHEMA_CHECKS) {
      expect(c.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(seen.has(c.id)).toBe(false);
      seen.add(c.id);
      expect(c.description.length).toBeGreaterThan(10);
    }
    expect(SCHEMA_CHECKS.length).toBeGreaterThanOrEqual(30);
  });

  // Jest runs the tests of a file in order, so this sees every id the tests above emitted.
  test('every catalogued id is emitted by at least one test', () => {
    expect(SCHEMA_CHECKS.map((c) => c.id).filter((id) => !emitted.has(id))).toEqual([]);
  });
});

describe('spec fixture', () => {
  it('resolves mutually recursive schemas without looping', () => {
    const spec = specFromYaml(`
openapi: 3.0.3
info: { title: t, version: '1' }
paths: {}
components:
  schemas:
    A: { type: object, properties: { b: { $ref: '#/components/schemas/B' } } }
    B: { type: object, properties: { a: { $ref: '#/components/schemas/A' } } }
`);
    const schemas = (
      spec.document.components as Record<string, Record<string, { properties: Record<string, unknown> }>>
    ).schemas;
    expect(schemas.A.properties.b).toBe(schemas.B);
    expect(schemas.B.properties.a).toBe(schemas.A);
  });
});
