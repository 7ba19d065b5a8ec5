// The data generators on their own: boundary values, negatives that break one constraint each, OAS 3.0 vs 3.1
// keyword semantics, composition, and the same values for the same seed.
import { describe, expect, it } from '@jest/globals';
import { createRng } from '../../../actions/contract-test/src/live/prng.js';
import { toPortable } from '../../../actions/contract-test/src/live/schema/convert.js';
import { NONE, SchemaGenerator } from '../../../actions/contract-test/src/live/schema/generate.js';
import { sampleFromPattern } from '../../../actions/contract-test/src/live/schema/regex.js';
import { SchemaValidator } from '../../../actions/contract-test/src/live/schema/validate.js';
import { buildModel } from '../../../actions/contract-test/src/live/model.js';
import type { JsonObject, JsonValue, LoadedSpec } from '../../../actions/contract-test/src/spec/types.js';

const legacy = new SchemaGenerator({ legacy: true, direction: 'request' });
const modern = new SchemaGenerator({ legacy: false, direction: 'request' });
const validator = new SchemaValidator();
const rng = () => createRng(42);

function valid(
  schema: JsonObject,
  value: JsonValue,
  isLegacy = true,
  direction: 'request' | 'response' = 'request'
): boolean {
  return validator.validate(toPortable(schema, { legacy: isLegacy, direction }), value).valid;
}

describe('boundary values', () => {
  it('minLength 2 / maxLength 10: positives of length 2, 3, 9, 10; negatives of length 1 and 11', () => {
    const schema = { type: 'string', minLength: 2, maxLength: 10 };
    const positives = legacy.positives(schema, rng()).map((v) => (v.value as string).length);
    const negatives = legacy.negatives(schema, rng(), { wire: true }).map((v) => (v.value as string).length);
    expect(positives).toEqual([2, 3, 9, 10]);
    expect(negatives.sort((a, b) => a - b)).toEqual([1, 11]);
  });

  it('numbers: the bounds and one step inside; negatives one step outside, off the multiple, not an integer', () => {
    const schema = { type: 'integer', minimum: 10, maximum: 20, multipleOf: 2 };
    expect(legacy.positives(schema, rng()).map((v) => v.value)).toEqual([10, 12, 18, 20]);
    const negatives = legacy.negatives(schema, rng(), { wire: true });
    expect(negatives.map((v) => v.value)).toEqual(expect.arrayContaining([8, 22, 'abc']));
    for (const n of negatives) expect(valid(schema, n.value)).toBe(false);
  });

  it('exclusive bounds: boolean form in OAS 3.0, numeric form in 3.1', () => {
    const old = { type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 5 };
    const current = { type: 'integer', exclusiveMinimum: 0, maximum: 5 };
    expect(legacy.positives(old, rng()).map((v) => v.value)[0]).toBe(1);
    expect(modern.positives(current, rng()).map((v) => v.value)[0]).toBe(1);
    expect(legacy.negatives(old, rng()).some((v) => v.value === 0)).toBe(true);
    expect(valid(old, 0)).toBe(false);
    expect(valid(current, 0, false)).toBe(false);
  });

  it('array sizes, enum values and formats', () => {
    const array = { type: 'array', minItems: 1, maxItems: 3, items: { type: 'string', enum: ['a', 'b'] } };
    const sizes = legacy
      .positives(array, rng())
      .filter((v) => /items/.test(v.label))
      .map((v) => (v.value as unknown[]).length);
    expect(sizes).toEqual([1, 2, 3]);
    const negatives = legacy.negatives(array, rng());
    expect(negatives.map((v) => v.label)).toEqual(
      expect.arrayContaining(['0 items < minItems 1', '4 items > maxItems 3'])
    );
    expect(legacy.positives({ type: 'string', enum: ['x', 'y', 'z'] }, rng()).map((v) => v.value)).toEqual([
      'x',
      'y',
      'z'
    ]);
    for (const format of ['date', 'date-time', 'email', 'uuid', 'ipv4', 'ipv6', 'uri', 'hostname', 'byte']) {
      const schema = { type: 'string', format };
      const sample = legacy.sample(schema, rng());
      expect(valid(schema, sample as JsonValue)).toBe(true);
      const invalid = legacy.negatives(schema, rng(), { wire: true });
      expect(invalid.length).toBeGreaterThan(0);
      for (const n of invalid) expect(valid(schema, n.value)).toBe(false);
    }
  });

  it('patterns: samples match, negatives do not', () => {
    for (const pattern of [
      '^[a-z]{3}$',
      '^[A-Z]{2}-\\d{3,5}$',
      '^(foo|bar)+baz?$',
      '^\\w+@\\w+\\.(com|org)$',
      '[^x]y\\.'
    ]) {
      const text = sampleFromPattern(pattern, createRng(1));
      expect(text).toBeDefined();
      expect(new RegExp(pattern, 'u').test(text!)).toBe(true);
    }
    expect(sampleFromPattern('^[a-z]+$', createRng(3), 7, 7, 7)).toMatch(/^[a-z]{7}$/);
    expect(sampleFromPattern('(?=lookahead)x', createRng(1))).toBeUndefined();
    const schema = { type: 'string', pattern: '^[a-f0-9]{8}$' };
    for (const n of legacy.negatives(schema, rng(), { wire: true }))
      expect(new RegExp(schema.pattern).test(n.value as string)).toBe(false);
  });
});

describe('negatives break one constraint each', () => {
  const object: JsonObject = {
    type: 'object',
    required: ['name', 'age'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', minLength: 1 },
      age: { type: 'integer', minimum: 0 },
      nick: { type: 'string' }
    }
  };

  it('missing required properties, an undocumented property, each field out of range, wrong types', () => {
    const negatives = legacy.negatives(object, rng());
    const labels = negatives.map((v) => v.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'missing required property "name"',
        'missing required property "age"',
        'undocumented property "unexpectedProperty" where additionalProperties is false',
        'age: -1 < minimum 0',
        'name: length 0 < minLength 1',
        'null where the schema does not allow it'
      ])
    );
    for (const n of negatives) expect(valid(object, n.value)).toBe(false);
    for (const p of legacy.positives(object, rng())) expect(valid(object, p.value)).toBe(true);
  });

  it('text-borne values get no type violations the text could not carry', () => {
    expect(legacy.negatives({ type: 'string' }, rng(), { wire: true })).toEqual([]);
    expect(legacy.negatives({ type: 'boolean' }, rng(), { wire: true }).map((v) => v.value)).toEqual(['maybe']);
  });
});

describe('OAS keyword semantics', () => {
  it('nullable (3.0) and type [x, "null"] (3.1) both allow null; the other way round they do not', () => {
    expect(valid({ type: 'string', nullable: true }, null)).toBe(true);
    expect(valid({ type: ['string', 'null'] }, null, false)).toBe(true);
    expect(valid({ type: 'string', nullable: true }, null, false)).toBe(false);
    expect(legacy.positives({ type: 'string', nullable: true }, rng()).some((v) => v.value === null)).toBe(true);
    expect(modern.positives({ type: ['string', 'null'] }, rng()).some((v) => v.value === null)).toBe(true);
  });

  it('readOnly properties are neither sent nor required in requests; writeOnly ones not required in responses', () => {
    const schema: JsonObject = {
      type: 'object',
      required: ['id', 'password'],
      properties: { id: { type: 'integer', readOnly: true }, password: { type: 'string', writeOnly: true } }
    };
    const sample = legacy.sample(schema, rng()) as JsonObject;
    expect(sample).not.toHaveProperty('id');
    expect(sample).toHaveProperty('password');
    expect(valid(schema, { password: 'x' }, true, 'request')).toBe(true);
    expect(valid(schema, { id: 1 }, true, 'response')).toBe(true);
    expect(valid(schema, { password: 'x' }, true, 'response')).toBe(false);
  });

  it('allOf merges, oneOf/anyOf give one positive per branch, additionalProperties schemas add a property', () => {
    const allOf: JsonObject = {
      allOf: [
        { type: 'object', required: ['a'], properties: { a: { type: 'integer', maximum: 3 } } },
        { required: ['b'], properties: { b: { type: 'string' } } }
      ]
    };
    const sample = legacy.sample(allOf, rng()) as JsonObject;
    expect(Object.keys(sample).sort()).toEqual(expect.arrayContaining(['a', 'b']));
    expect(valid(allOf, sample)).toBe(true);
    const oneOf: JsonObject = { oneOf: [{ type: 'integer' }, { type: 'string', maxLength: 3 }] };
    expect(legacy.positives(oneOf, rng()).map((v) => typeof v.value)).toEqual(['number', 'string']);
    const map = { type: 'object', additionalProperties: { type: 'integer' } };
    expect(legacy.positives(map, rng()).some((v) => typeof (v.value as JsonObject).extraProperty === 'number')).toBe(
      true
    );
  });

  it('a discriminator picks the branch by its property, where oneOf alone would reject overlapping branches', () => {
    const cat: JsonObject = {
      type: 'object',
      required: ['kind', 'name'],
      properties: { kind: { type: 'string' }, name: { type: 'string' }, indoor: { type: 'boolean' } }
    };
    const dog: JsonObject = {
      type: 'object',
      required: ['kind', 'name'],
      properties: { kind: { type: 'string' }, name: { type: 'string' }, barks: { type: 'boolean' } }
    };
    const pet: JsonObject = {
      oneOf: [cat, dog],
      discriminator: {
        propertyName: 'kind',
        mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' }
      }
    };
    const document: JsonObject = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/p': { get: { responses: { '200': { description: 'ok' } } } } },
      components: { schemas: { Cat: cat, Dog: dog, Pet: pet } }
    };
    const spec: LoadedSpec = {
      version: '3.0',
      file: 'x.yaml',
      document,
      files: ['x.yaml'],
      locate: () => undefined,
      componentName: (n) => (n === cat ? 'Cat' : n === dog ? 'Dog' : undefined)
    };
    const model = buildModel(spec);
    const generator = new SchemaGenerator({ legacy: true, direction: 'request', model });
    const kinds = generator.positives(pet, rng()).map((v) => (v.value as JsonObject).kind);
    expect(kinds).toEqual(['cat', 'dog']);
    const portable = toPortable(pet, { legacy: true, direction: 'response', model });
    expect(validator.validate(portable, { kind: 'cat', name: 'Tom' }).valid).toBe(true);
    expect(validator.validate(portable, { kind: 'cat', name: 'Tom', indoor: 'yes' }).valid).toBe(false);
    expect(validator.validate(portable, { kind: 'fish', name: 'Nemo' }).valid).toBe(false);
    // Plain oneOf, without the discriminator, rejects the very same valid cat (it matches both branches).
    expect(
      validator.validate(toPortable({ oneOf: [cat, dog] }, { legacy: true, direction: 'response' }), {
        kind: 'cat',
        name: 'Tom'
      }).valid
    ).toBe(false);
  });

  it('cyclic schemas convert to definitions and still validate; generation stops at the depth limit', () => {
    const node: JsonObject = { type: 'object', required: ['value'], properties: { value: { type: 'integer' } } };
    (node.properties as JsonObject).next = node;
    const portable = toPortable(node, { legacy: true, direction: 'response' });
    expect(JSON.stringify(portable.schema)).toContain('#/definitions/');
    expect(validator.validate(portable, { value: 1, next: { value: 2, next: { value: 3 } } }).valid).toBe(true);
    expect(validator.validate(portable, { value: 1, next: { value: 'x' } }).valid).toBe(false);
    const sample = legacy.sample(node, rng());
    expect(sample).not.toBe(NONE);
    expect(validator.validate(portable, sample).valid).toBe(true);
  });
});

describe('seeded', () => {
  it('the same seed gives the same values; another seed other values', () => {
    const schema = {
      type: 'object',
      required: ['a', 'b'],
      properties: { a: { type: 'string', pattern: '^[a-z]{4,9}$' }, b: { type: 'number', minimum: 0, maximum: 1000 } }
    };
    const one = JSON.stringify([legacy.sample(schema, createRng(5)), legacy.positives(schema, createRng(5))]);
    const two = JSON.stringify([legacy.sample(schema, createRng(5)), legacy.positives(schema, createRng(5))]);
    const other = JSON.stringify([legacy.sample(schema, createRng(6)), legacy.positives(schema, createRng(6))]);
    expect(one).toBe(two);
    expect(other).not.toBe(one);
  });
});
