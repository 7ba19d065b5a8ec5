// Readers shared by the locking rules: ALTER TABLE sub-commands, the statements of the current transaction, and
// the table an index belongs to.
import { as, type QualifiedName } from '../engine/ast.js';
import type { ParsedStatement } from '../engine/parse.js';
import type { RuleContext } from '../engine/rule.js';
import type { AlterTableCmd, ColumnDef, Constraint, Node, RangeVar } from '@pgsql/types';

export interface AlterTable {
  /** The table altered. */
  relation: RangeVar | undefined;
  cmds: AlterTableCmd[];
}

/** An `ALTER TABLE` (not ALTER INDEX/VIEW/...) and its sub-commands; no sub-commands for any other statement. */
export function alterTableOf(ctx: RuleContext): AlterTable {
  const statement = ctx.statement;
  if (statement.kind !== 'AlterTableStmt') return { relation: undefined, cmds: [] };
  const { objtype, relation, cmds } = statement.body;
  if (objtype && objtype !== 'OBJECT_TABLE') return { relation, cmds: [] };
  return { relation, cmds: present((cmds ?? []).map((node) => as(node, 'AlterTableCmd'))) };
}

/** The constraints written on a column definition (`ADD COLUMN x int UNIQUE REFERENCES t`). */
export function columnConstraints(def: ColumnDef | undefined): Constraint[] {
  return present((def?.constraints ?? []).map((node) => as(node, 'Constraint')));
}

/** The entries that are there (`filter(Boolean)` with its type). */
function present<T>(list: (T | undefined)[]): T[] {
  return list.filter((item): item is T => !!item);
}

/**
 * The statements before the current one that run in the same transaction: back to the BEGIN of an explicit
 * transaction, or to the start of the file (or the last COMMIT) in a framework's implicit one. Empty when the
 * statement runs in autocommit mode.
 */
export function earlierInTransaction(ctx: RuleContext): ParsedStatement[] {
  if (!ctx.transaction.inTransaction) return [];
  const found: ParsedStatement[] = [];
  for (let i = ctx.statement.index - 1; i >= 0; i--) {
    const statement = ctx.statements[i];
    if (!statement) break;
    if (statement.kind === 'TransactionStmt') {
      const kind = statement.body.kind;
      if (kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') {
        if (ctx.transaction.explicit) break;
        continue;
      }
      if (kind !== 'TRANS_STMT_SAVEPOINT' && kind !== 'TRANS_STMT_RELEASE') break;
      continue;
    }
    found.push(statement);
  }
  return found.reverse();
}

/** A RangeVar-like node for a catalogue key, so the context's table helpers can be used with it. */
export function rangeVarOf(key: string): RangeVar {
  const dot = key.indexOf('.');
  return { schemaname: key.slice(0, dot), relname: key.slice(dot + 1) };
}

/** The key of the table an index (or a PK/UNIQUE constraint's index) belongs to, when the catalogue knows it. */
export function tableOfIndex(ctx: RuleContext, index: QualifiedName): string | undefined {
  const known = ctx.catalog.indexes.get(index.key);
  if (known) return known.table;
  for (const table of ctx.catalog.tables.values()) {
    if (table.schema === index.schema && table.constraints.has(index.name)) return table.key;
  }
  return undefined;
}

/** A boolean option written false: `(FULL false)`, `(CONCURRENTLY off)`, `(FULL 0)`. */
export function isFalseOption(arg: Node | undefined): boolean {
  if (arg === undefined) return false;
  const integer = as(arg, 'Integer');
  if (integer) return !integer.ival;
  const text = as(arg, 'String')?.sval ?? as(arg, 'A_Const')?.sval?.sval;
  return typeof text === 'string' && /^(false|off|0|no)$/i.test(text);
}
