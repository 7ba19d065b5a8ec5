// Structural comparison of two JSON Schemas (parameter schemas, request and response bodies, headers). Whether a
// difference breaks clients depends on who produces the data: a client sends requests, so anything the head
// schema no longer accepts breaks it; a server sends responses, so anything the head schema newly allows may
// surprise a client that parses it. Every check is therefore judged per direction. The walk is comparator.ts,
// the allOf normalisation shape.ts, and each family of checks a module of its own (registry.ts lists them).
import type { JsonValue } from '../../spec/types.js';
import type { SchemaCompareContext } from '../emitter.js';
import { Comparator, schemaMemo } from './comparator.js';

export { SCHEMA_CHECKS, type SchemaCheckId } from './registry.js';
export type { SchemaCompareContext as SchemaContext } from '../emitter.js';

/**
 * Compares two schemas (either may be missing: nothing is reported then; the caller reports a schema that was
 * added or removed as a whole) and emits every difference through ctx.emit.
 */
export function compareSchemas(
  base: JsonValue | undefined,
  head: JsonValue | undefined,
  ctx: SchemaCompareContext
): void {
  new Comparator(ctx, schemaMemo(ctx.base, ctx.head)).compareRoot(base === true ? {} : base, head === true ? {} : head);
}

/** compareSchemas without the memo: every comparison walks both schemas in full (tests measure the memo by it). */
export function compareSchemasInFull(
  base: JsonValue | undefined,
  head: JsonValue | undefined,
  ctx: SchemaCompareContext
): void {
  new Comparator(ctx).compare(base === true ? {} : base, head === true ? {} : head, '');
}
