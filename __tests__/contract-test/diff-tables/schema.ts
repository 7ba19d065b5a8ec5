// The schema comparator's checks, family by family (diff/schema/*.ts), each with a breaking case and a near miss.
// A case is a pair of schemas and the direction they are judged in: a request body (clients send it) or a response
// body (the API sends it) of POST /items. outgoing.ts reuses the cases for webhooks and callbacks, where the
// directions are swapped.
import { ACCESS_CHECKS } from '../../../actions/contract-test/src/diff/schema/access.js';
import { ADDITIONAL_CHECKS } from '../../../actions/contract-test/src/diff/schema/additional.js';
import { BOUND_CHECKS } from '../../../actions/contract-test/src/diff/schema/bounds.js';
import { DEFAULT_CHECKS } from '../../../actions/contract-test/src/diff/schema/default.js';
import { FORMAT_CHECKS } from '../../../actions/contract-test/src/diff/schema/format.js';
import { NULLABLE_CHECKS } from '../../../actions/contract-test/src/diff/schema/nullable.js';
import { PROPERTY_CHECKS } from '../../../actions/contract-test/src/diff/schema/properties.js';
import { RENAME_CHECKS } from '../../../actions/contract-test/src/diff/schema/renames.js';
import { TYPE_CHECKS } from '../../../actions/contract-test/src/diff/schema/type.js';
import { VALUE_CHECKS } from '../../../actions/contract-test/src/diff/schema/values.js';
import { VARIANT_CHECKS } from '../../../actions/contract-test/src/diff/schema/variants.js';
import type { SchemaCheckId } from '../../../actions/contract-test/src/diff/schema/registry.js';
import type { CheckInfo } from '../../../actions/contract-test/src/spec/types.js';
import { diffTable, json, oas, op, type DiffCase, type DiffNearMiss, type FamilyTable } from '../diff-table.js';

export type Dir = 'request' | 'response';
type Version = '3.0' | '3.1';
type Schema = unknown;

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

export interface SchemaCase {
  id: SchemaCheckId;
  dir: Dir;
  version?: Version;
  base: Schema;
  head: Schema;
  /** A head that looks like the breaking one but must not raise this id. */
  near: Schema;
  /** Optional different base for the near-miss. */
  nearBase?: Schema;
}

export const SCHEMA_CASES: SchemaCase[] = [
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
  // renames: the same schema under a new name; near misses are another schema, or a property outside the direction
  {
    id: 'request-property-renamed',
    dir: 'request',
    version: '3.1',
    base: obj({ a: str, tagList: { type: 'array', items: str } }),
    head: obj({ a: str, tags: { type: 'array', items: str } }),
    near: obj({ a: str, tags: { type: 'array', items: int } })
  },
  {
    id: 'response-property-renamed',
    dir: 'response',
    base: obj({ a: str, edges: { type: 'array', items: obj({ id: str }) } }, ['edges']),
    head: obj({ a: str, connections: { type: 'array', items: obj({ id: str }) } }, ['connections']),
    nearBase: obj({ a: str, edges: { type: 'array', items: obj({ id: str }), writeOnly: true } }),
    near: obj({ a: str, connections: { type: 'array', items: obj({ id: str }) } })
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

/** POST /items with the schema as its request body or as its 200 response body. */
function items(dir: Dir, schema: Schema, version: Version = '3.0') {
  const post =
    dir === 'request'
      ? op({ requestBody: { content: json(schema) } })
      : op({ responses: { '200': { description: 'ok', content: json(schema) } } });
  return oas({ '/items': { post } }, {}, version);
}

const WHERE: Record<Dir, string> = {
  request: 'request body (application/json)',
  response: 'response 200 (application/json)'
};

function table<Id extends SchemaCheckId>(family: string, checks: readonly CheckInfo<Id>[]): FamilyTable {
  const mine = SCHEMA_CASES.filter((c): c is SchemaCase & { id: Id } => checks.some((check) => check.id === c.id));
  const reports: DiffCase<Id>[] = mine.map((c) => ({
    base: items(c.dir, c.base, c.version),
    head: items(c.dir, c.head, c.version),
    id: c.id,
    path: '/items',
    method: 'post',
    message: WHERE[c.dir]
  }));
  // A near miss is a compatible change: it does not report the check, and raises no error at all.
  const accepts: DiffNearMiss<Id>[] = mine.map((c) => ({
    base: items(c.dir, c.nearBase ?? c.base, c.version),
    head: items(c.dir, c.near, c.version),
    id: c.id,
    compatible: true
  }));
  return diffTable(family, checks, { reports, accepts });
}

export default [
  table('schema/properties', PROPERTY_CHECKS),
  table('schema/renames', RENAME_CHECKS),
  table('schema/type', TYPE_CHECKS),
  table('schema/format', FORMAT_CHECKS),
  table('schema/nullable', NULLABLE_CHECKS),
  table('schema/values', VALUE_CHECKS),
  table('schema/bounds', BOUND_CHECKS),
  table('schema/default', DEFAULT_CHECKS),
  table('schema/access', ACCESS_CHECKS),
  table('schema/additional', ADDITIONAL_CHECKS),
  table('schema/variants', VARIANT_CHECKS)
];
