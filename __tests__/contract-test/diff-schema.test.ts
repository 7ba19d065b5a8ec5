import { compareSchemas, SCHEMA_CHECKS } from '../../actions/contract-test/src/diff/schema/index.js';
import type { Change, JsonObject, LoadedSpec } from '../../actions/contract-test/src/spec/types.js';
import { specFromYaml } from './spec-fixture.js';

type Dir = 'request' | 'response';
type Version = '3.0' | '3.1';
type Schema = unknown;

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

// Each check's breaking case and near miss is a row of its family's table: diff-tables/schema.ts.

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
