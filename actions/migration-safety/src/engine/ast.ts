// The typed node accessor for libpg-query's JSON AST. Nodes are `{ NodeType: { ...fields } }` wrappers
// (`Node` of @pgsql/types, generated from the same PostgreSQL version as the parser: `{ AlterTableStmt: {...} }`,
// `{ String: { sval } }`); a field typed as a message (`relation: RangeVar`) is the payload itself. Everything
// that reads a wrapper goes through here, so the rest of the engine and the rules see typed payloads only.
import type { Node, RangeVar, TypeName } from '@pgsql/types';

/** Every wrapper key: `AlterTableStmt`, `ColumnRef`, `String`... */
export type NodeTag = Node extends infer N ? (N extends unknown ? keyof N : never) : never;

/** The payload type of a wrapper key: `NodeOf<'RangeVar'>` is `RangeVar`. */
export type NodeOf<T extends NodeTag> = Extract<Node, Record<T, unknown>>[T];

/** A wrapped node seen as its key and payload; `kind` narrows `body`. */
export type Unwrapped = { [T in NodeTag]: { kind: T; body: NodeOf<T> } }[NodeTag];

/** The inner object of a wrapped node when it has the given type. */
export function as<T extends NodeTag>(node: Node | undefined, type: T): NodeOf<T> | undefined {
  if (!node || typeof node !== 'object') return undefined;
  // The wrapper has exactly one key; a node of another type has no `type` key and gives undefined.
  const payload: unknown = (node as Record<string, unknown>)[type];
  return payload as NodeOf<T> | undefined;
}

export function nodeType(node: Node | undefined): NodeTag | undefined {
  return node && typeof node === 'object' ? (Object.keys(node)[0] as NodeTag | undefined) : undefined;
}

/** A wrapped node as its key and payload, or undefined for an empty wrapper. */
export function unwrap(node: Node | undefined): Unwrapped | undefined {
  const kind = nodeType(node);
  if (kind === undefined || node === undefined) return undefined;
  // The key was read from this very node, so the payload under it has the key's type.
  return { kind, body: (node as Record<string, unknown>)[kind] } as Unwrapped;
}

/** `[{String: {sval: 'a'}}, ...]` as plain strings. */
export function names(list: readonly Node[] | undefined): string[] {
  return (list ?? []).map((n) => as(n, 'String')?.sval ?? '').filter((s) => s !== '');
}

export interface QualifiedName {
  schema: string;
  name: string;
  key: string;
}

/** The catalogue key of a RangeVar: unqualified names live in `public`, as with the default search_path. */
export function relationName(rangeVar: RangeVar | undefined): QualifiedName {
  const schema = rangeVar?.schemaname ?? 'public';
  const name = rangeVar?.relname ?? '';
  return { schema, name, key: `${schema}.${name}` };
}

/** A qualified name given as a list of String nodes (DROP TABLE a.b, CREATE TYPE a.b). */
export function listName(list: readonly Node[] | undefined): QualifiedName {
  const parts = names(list);
  const name = parts[parts.length - 1] ?? '';
  const schema = parts.length > 1 ? parts[parts.length - 2] : 'public';
  return { schema, name, key: `${schema}.${name}` };
}

/**
 * An object met by a walker that visits every value (wrappers, payloads, lists), read as a wrapper: a payload
 * or list has no node-type key, so `as` and `nodeType` find nothing known in it.
 */
export function wrapperOf(value: unknown): Node | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : undefined;
}

/** The fields of an object of the tree (a wrapper, a payload), for walkers that visit every value. */
export function entriesOf(value: object): [string, unknown][] {
  return Object.entries(value as Record<string, unknown>);
}

/**
 * The payload under a key met by a walker, when the key is the node type `type`: in the parser's JSON a key
 * named after a node type holds only that type's payload (`{ ColumnRef: {...} }`).
 */
export function payloadOf<T extends NodeTag>(key: string, type: T, value: unknown): NodeOf<T> | undefined {
  return key === type ? (value as NodeOf<T>) : undefined;
}

/** The fields of an object node, for walkers that visit every value whatever the node type. */
export function childrenOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value as unknown[];
  return value && typeof value === 'object' ? Object.values(value as Record<string, unknown>) : [];
}

/** Every node of the given type below `node` (depth first), e.g. all FuncCall nodes of an expression. */
export function findAll<T extends NodeTag>(node: unknown, type: T, found: NodeOf<T>[] = []): NodeOf<T>[] {
  if (Array.isArray(node)) {
    for (const item of node as unknown[]) findAll(item, type, found);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of entriesOf(node)) {
      // JSON has no undefined values: every key equal to `type` is found.
      const payload = payloadOf(key, type, value);
      if (payload !== undefined) found.push(payload);
      if (value && typeof value === 'object') findAll(value, type, found);
    }
  }
  return found;
}

/** The integer of an A_Const (typmods, e.g. varchar(255)). */
export function constInt(node: Node | undefined): number | undefined {
  const c = as(node, 'A_Const');
  if (!c) return undefined;
  if (c.ival !== undefined) return c.ival.ival ?? 0;
  return undefined;
}

export interface TypeRef {
  /** The canonical type name without schema: int4, varchar, text, timestamptz, jsonb, serial, a user enum... */
  name: string;
  schema?: string;
  /** Type modifiers, e.g. [255] for varchar(255), [10, 2] for numeric(10,2). */
  mods: number[];
  /** Array dimensions (int[] has 1). */
  array: number;
  /** How it is written in a message: varchar(255), int4[]. */
  display: string;
}

export function typeRef(typeName: TypeName | undefined): TypeRef {
  const parts = names(typeName?.names);
  const name = parts[parts.length - 1] ?? 'unknown';
  const schema = parts.length > 1 ? parts[0] : undefined;
  const mods = (typeName?.typmods ?? []).map(constInt).filter((n): n is number => n !== undefined);
  const array = (typeName?.arrayBounds ?? []).length;
  // Shown in messages and pasted into recipes: the SQL spelling, not the catalogue's internal name.
  const spelled = (schema === 'pg_catalog' || !schema ? SQL_SPELLING[name] : undefined) ?? name;
  const display = `${spelled}${mods.length ? `(${mods.join(',')})` : ''}${'[]'.repeat(array)}`;
  return { name, schema: schema === 'pg_catalog' ? undefined : schema, mods, array, display };
}

const SQL_SPELLING: Record<string, string> = {
  int2: 'smallint',
  int4: 'integer',
  int8: 'bigint',
  float4: 'real',
  float8: 'double precision',
  bool: 'boolean',
  bpchar: 'char',
  timestamptz: 'timestamptz',
  timetz: 'timetz'
};

/** Quotes an identifier for SQL shown to users, only where PostgreSQL needs it. */
export function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

export function quoteQualified(q: QualifiedName): string {
  return q.schema === 'public' ? quoteIdent(q.name) : `${quoteIdent(q.schema)}.${quoteIdent(q.name)}`;
}

const RESERVED = new Set(
  (
    'all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create ' +
    'current_catalog current_date current_role current_time current_timestamp current_user default deferrable ' +
    'desc distinct do else end except false fetch for foreign from grant group having in initially intersect ' +
    'into lateral leading limit localtime localtimestamp not null offset on only or order placing primary ' +
    'references returning select session_user some symmetric table then to trailing true union unique user ' +
    'using variadic when where window with'
  ).split(' ')
);
