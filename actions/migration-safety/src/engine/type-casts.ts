// Which ALTER COLUMN ... TYPE changes PostgreSQL can make without touching the rows. The server skips the
// rewrite when the old values are valid, byte for byte, as the new type: a binary-coercible cast (pg_cast
// castmethod 'b') or a length/precision coercion whose support function proves it a no-op (varchar_support,
// numeric_support, varbit_support, timestamp_support, interval_support). Everything else rewrites the table
// and its indexes under ACCESS EXCLUSIVE.
import type { TypeRef } from './ast.js';

export type CastEffect =
  /** Catalogue-only change: a short ACCESS EXCLUSIVE lock, no rewrite. */
  | 'none'
  /** Every row is converted: the table and its indexes are rewritten under ACCESS EXCLUSIVE. */
  | 'rewrite'
  /** timestamp -> timestamptz on PG 12+: no rewrite only when the session TimeZone is UTC. */
  | 'utc-only';

export interface CastVerdict {
  effect: CastEffect;
  /** Why, in a few words, for the finding's message. */
  reason: string;
}

const ALIASES: Record<string, string> = {
  int: 'int4',
  integer: 'int4',
  serial: 'int4',
  serial4: 'int4',
  bigint: 'int8',
  bigserial: 'int8',
  serial8: 'int8',
  smallint: 'int2',
  smallserial: 'int2',
  serial2: 'int2',
  decimal: 'numeric',
  boolean: 'bool',
  real: 'float4',
  float: 'float8',
  'double precision': 'float8',
  'character varying': 'varchar',
  character: 'bpchar',
  char: 'bpchar',
  'bit varying': 'varbit',
  'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamptz',
  'time without time zone': 'time',
  'time with time zone': 'timetz'
};

export interface CanonicalType {
  name: string;
  mods: number[];
  array: number;
}

/** The pg_type name for what the user wrote (serial is int4 once created), with its modifiers. */
export function canonicalType(type: TypeRef): CanonicalType {
  const lower = type.name.toLowerCase();
  const name = ALIASES[lower] ?? lower;
  let mods = type.mods;
  // numeric(p) is numeric(p,0); interval's first modifier is a field mask whose "all fields" value is 32767.
  if (name === 'numeric' && mods.length === 1) mods = [mods[0], 0];
  if (name === 'interval' && mods.length === 2 && mods[0] === 32767) mods = [mods[1]];
  return { name, mods, array: type.array };
}

function same(a: CanonicalType, b: CanonicalType): boolean {
  return a.name === b.name && a.array === b.array && a.mods.join(',') === b.mods.join(',');
}

/** Binary-coercible casts between different types (pg_cast castmethod 'b'), source -> targets. */
const BINARY: Record<string, string[]> = {
  varchar: ['text'],
  text: ['varchar'],
  cidr: ['inet'],
  xml: ['text', 'varchar'],
  int4: ['oid', 'regclass', 'regproc', 'regtype'],
  oid: ['int4']
};

/** Types whose precision/length modifier can grow without touching the rows (a support function says so). */
const GROWABLE = new Set(['varchar', 'varbit', 'timestamp', 'timestamptz', 'time', 'timetz', 'interval']);

export function typeChangeEffect(fromType: TypeRef, toType: TypeRef, pgVersion: number): CastVerdict {
  const from = canonicalType(fromType);
  const to = canonicalType(toType);
  if (same(from, to)) return { effect: 'none', reason: 'same type' };
  // Array coercions convert element by element: treated as a rewrite unless nothing changes.
  if (from.array !== to.array || from.array > 0) return { effect: 'rewrite', reason: 'array element conversion' };

  if (from.name === to.name) {
    if (from.name === 'numeric') {
      if (to.mods.length === 0) return { effect: 'none', reason: 'numeric loses its limit' };
      if (from.mods.length === 0) return { effect: 'rewrite', reason: 'unconstrained numeric gets a precision' };
      const [p, s] = from.mods;
      const [p2, s2] = to.mods;
      if (s2 === s && p2 >= p) return { effect: 'none', reason: 'numeric precision grows with the same scale' };
      return { effect: 'rewrite', reason: 'numeric precision shrinks or scale changes' };
    }
    if (GROWABLE.has(from.name)) {
      if (to.mods.length === 0) return { effect: 'none', reason: `${to.name} loses its limit` };
      if (from.mods.length === 0) return { effect: 'rewrite', reason: `unlimited ${from.name} gets a limit` };
      if (to.mods[0] >= from.mods[0]) return { effect: 'none', reason: `${to.name} limit grows` };
      return { effect: 'rewrite', reason: `${to.name} limit shrinks: every value is checked and rewritten` };
    }
    return { effect: 'rewrite', reason: `${to.name} modifier changes` };
  }

  if (BINARY[from.name]?.includes(to.name)) {
    // A cast to a length-limited type still checks every value (text -> varchar(n)).
    if (to.mods.length > 0 && to.name === 'varchar') return { effect: 'rewrite', reason: 'a length limit is added' };
    return { effect: 'none', reason: `${from.name} to ${to.name} is binary compatible` };
  }
  if (from.name === 'timestamp' && to.name === 'timestamptz') {
    const precisionOk = to.mods.length === 0 || (from.mods.length > 0 && to.mods[0] >= from.mods[0]);
    if (pgVersion >= 12 && precisionOk) return { effect: 'utc-only', reason: 'timestamp to timestamptz' };
    return { effect: 'rewrite', reason: 'timestamp to timestamptz before PostgreSQL 12' };
  }
  return { effect: 'rewrite', reason: `${from.name} to ${to.name} converts every row` };
}
