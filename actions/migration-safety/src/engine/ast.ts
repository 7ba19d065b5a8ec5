// Small readers for the libpg-query JSON AST, whose nodes are `{ NodeType: { ...fields } }` wrappers.
import type { AstNode } from './types.js';

/** The inner object of a wrapped node when it has the given type. */
export function as(node: AstNode, type: string): AstNode | undefined {
  return node && typeof node === 'object' ? node[type] : undefined;
}

export function nodeType(node: AstNode): string | undefined {
  return node && typeof node === 'object' ? Object.keys(node)[0] : undefined;
}

/** `[{String: {sval: 'a'}}, ...]` as plain strings. */
export function names(list: AstNode[] | undefined): string[] {
  return (list ?? []).map((n) => as(n, 'String')?.sval ?? '').filter((s) => s !== '');
}

export interface QualifiedName {
  schema: string;
  name: string;
  key: string;
}

/** The catalogue key of a RangeVar: unqualified names live in `public`, as with the default search_path. */
export function relationName(rangeVar: AstNode): QualifiedName {
  const schema = rangeVar?.schemaname ?? 'public';
  const name = rangeVar?.relname ?? '';
  return { schema, name, key: `${schema}.${name}` };
}

/** A qualified name given as a list of String nodes (DROP TABLE a.b, CREATE TYPE a.b). */
export function listName(list: AstNode[] | undefined): QualifiedName {
  const parts = names(list);
  const name = parts[parts.length - 1] ?? '';
  const schema = parts.length > 1 ? parts[parts.length - 2] : 'public';
  return { schema, name, key: `${schema}.${name}` };
}

/** Every node of the given type below `node` (depth first), e.g. all FuncCall nodes of an expression. */
export function findAll(node: AstNode, type: string, found: AstNode[] = []): AstNode[] {
  if (Array.isArray(node)) {
    for (const item of node) findAll(item, type, found);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === type) found.push(value);
      if (value && typeof value === 'object') findAll(value, type, found);
    }
  }
  return found;
}

/** The integer of an A_Const (typmods, e.g. varchar(255)). */
export function constInt(node: AstNode): number | undefined {
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

export function typeRef(typeName: AstNode): TypeRef {
  const parts = names(typeName?.names);
  const name = parts[parts.length - 1] ?? 'unknown';
  const schema = parts.length > 1 ? parts[0] : undefined;
  const mods = (typeName?.typmods ?? []).map(constInt).filter((n: number | undefined): n is number => n !== undefined);
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
