// Function volatility, as pg_proc.provolatile records it for the built-ins (and common extensions) that show up
// in column defaults. PostgreSQL 11+ evaluates a non-volatile default once when a column is added and stores the
// value in the catalogue; a volatile one must be computed per row, which rewrites the table. Without a database
// we cannot read pg_proc, so functions not listed here are unknown and treated as volatile by callers.
import type { Node } from '@pgsql/types';
import { as, childrenOf, names, nodeType, wrapperOf } from './ast.js';

export type Volatility = 'immutable' | 'stable' | 'volatile';

const VOLATILE = new Set([
  'clock_timestamp',
  'timeofday',
  'random',
  'random_normal',
  'setseed',
  'gen_random_uuid',
  'uuidv4',
  'uuidv7',
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'gen_random_bytes',
  'gen_salt',
  'nextval',
  'currval',
  'lastval',
  'setval',
  'dblink',
  'pg_read_file'
]);

const STABLE = new Set([
  'now',
  'transaction_timestamp',
  'statement_timestamp',
  'current_setting',
  'current_schema',
  'current_schemas',
  'current_database',
  'current_user',
  'session_user',
  'to_char',
  'to_date',
  'to_timestamp',
  'to_json',
  'to_jsonb',
  'row_to_json',
  'json_build_object',
  'jsonb_build_object',
  'json_build_array',
  'jsonb_build_array',
  'json_object',
  'jsonb_object',
  'concat',
  'concat_ws',
  'format',
  'age',
  'date_trunc',
  'date_part',
  'extract',
  'timezone',
  'pg_backend_pid',
  'txid_current',
  'pg_current_xact_id',
  'inet_client_addr',
  'version',
  'array_to_json'
]);

const IMMUTABLE = new Set([
  'lower',
  'upper',
  'initcap',
  'length',
  'char_length',
  'character_length',
  'octet_length',
  'btrim',
  'ltrim',
  'rtrim',
  'trim',
  'lpad',
  'rpad',
  'left',
  'right',
  'repeat',
  'replace',
  'reverse',
  'substr',
  'substring',
  'split_part',
  'strpos',
  'position',
  'translate',
  'regexp_replace',
  'md5',
  'sha224',
  'sha256',
  'sha384',
  'sha512',
  'encode',
  'decode',
  'abs',
  'ceil',
  'ceiling',
  'floor',
  'round',
  'trunc',
  'mod',
  'power',
  'sqrt',
  'greatest',
  'least',
  'coalesce',
  'nullif',
  'make_date',
  'make_time',
  'make_interval',
  'make_timestamp',
  'array_fill',
  'array_length',
  'jsonb_typeof',
  'json_typeof',
  'int2',
  'int4',
  'int8',
  'float4',
  'float8',
  'numeric',
  'text',
  'bool',
  'uuid_nil',
  'uuid_ns_dns',
  'uuid_ns_url',
  'uuid_generate_v3',
  'uuid_generate_v5'
]);

const RANK: Record<Volatility, number> = { immutable: 0, stable: 1, volatile: 2 };

export interface VolatilityVerdict {
  volatility: Volatility;
  /** Known volatile functions the expression calls, e.g. `gen_random_uuid`. */
  volatileCalls: string[];
  /** Functions not in the table (user or extension functions): counted as volatile, but only presumed so. */
  unknownCalls: string[];
}

/** Volatility of a built-in function by name (schema-less, lower case), or undefined when not in the table. */
export function functionVolatility(name: string): Volatility | undefined {
  const key = name.toLowerCase();
  if (VOLATILE.has(key)) return 'volatile';
  if (STABLE.has(key)) return 'stable';
  if (IMMUTABLE.has(key)) return 'immutable';
  return undefined;
}

/**
 * The volatility of a default expression: the most volatile function it calls. Constants, casts of constants,
 * operators on them, ARRAY[...] and CASE/COALESCE only combine their parts. SQL value functions
 * (CURRENT_TIMESTAMP, CURRENT_DATE, LOCALTIMESTAMP, CURRENT_USER...) are stable.
 */
export function expressionVolatility(expr: Node | undefined): VolatilityVerdict {
  const verdict: VolatilityVerdict = { volatility: 'immutable', volatileCalls: [], unknownCalls: [] };
  const raise = (v: Volatility) => {
    if (RANK[v] > RANK[verdict.volatility]) verdict.volatility = v;
  };
  // Walks wrapped nodes and the plain objects and arrays between them (a payload, a list), whatever their type.
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node as unknown[]) visit(item);
      return;
    }
    const wrapper = wrapperOf(node);
    if (!wrapper) return;
    const type = nodeType(wrapper);
    const call = type === 'FuncCall' ? as(wrapper, 'FuncCall') : undefined;
    if (call) {
      const parts = names(call.funcname);
      const name = (parts[parts.length - 1] ?? '').toLowerCase();
      const known = functionVolatility(name);
      if (known === undefined) {
        verdict.unknownCalls.push(parts.join('.'));
        raise('volatile');
      } else {
        if (known === 'volatile') verdict.volatileCalls.push(name);
        raise(known);
      }
      visit(call.args);
      return;
    }
    if (type === 'SQLValueFunction') {
      raise('stable');
      return;
    }
    // A subquery cannot appear in a default, but a generated column or USING may hold one: its volatility is
    // not knowable here.
    if (type === 'SubLink') {
      verdict.unknownCalls.push('(subquery)');
      raise('volatile');
      return;
    }
    for (const value of childrenOf(node)) if (value && typeof value === 'object') visit(value);
  };
  visit(expr);
  return verdict;
}

/** `DEFAULT NULL` (possibly cast): the column gets no stored value, on any version. */
export function isNullConstant(expr: Node | undefined): boolean {
  const cast = as(expr, 'TypeCast');
  if (cast) return isNullConstant(cast.arg);
  return as(expr, 'A_Const')?.isnull === true;
}
