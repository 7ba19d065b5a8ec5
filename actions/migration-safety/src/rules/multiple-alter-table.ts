import { as, listName, relationName } from '../engine/ast.js';
import type { ParsedStatement } from '../engine/parse.js';
import { defineRule, NEW_TABLE } from '../engine/rule.js';
import { stateKey } from '../engine/rule-state.js';
import type { RangeVar } from '@pgsql/types';

/**
 * Actions that cannot join another ALTER TABLE or must stay apart on purpose: VALIDATE CONSTRAINT runs
 * separately to take the weaker lock, and the partition actions cannot be combined at all.
 */
const APART = new Set<string | undefined>([
  'AT_ValidateConstraint',
  'AT_AttachPartition',
  'AT_DetachPartition',
  'AT_DetachPartitionFinalize'
]);

type AlterTableStatement = Extract<ParsedStatement, { kind: 'AlterTableStmt' }>;

function combinable(statement: ParsedStatement): statement is AlterTableStatement {
  if (statement.embedded) return false;
  if (statement.kind !== 'AlterTableStmt' || (statement.body.objtype ?? 'OBJECT_TABLE') !== 'OBJECT_TABLE')
    return false;
  const cmds = statement.body.cmds ?? [];
  return cmds.length > 0 && cmds.every((node) => !APART.has(as(node, 'AlterTableCmd')?.subtype));
}

/** An object of the tree that is a RangeVar payload. */
function isRangeVar(value: object): value is RangeVar {
  return typeof (value as { relname?: unknown }).relname === 'string';
}

/** Tables a statement names: any of them ends a run of ALTER TABLEs, whose order against it may matter. */
function tablesOf(statement: ParsedStatement): Set<string> {
  const keys = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) (node as unknown[]).forEach(walk);
    else if (node && typeof node === 'object') {
      // RangeVars appear both wrapped ({RangeVar: {...}}) and bare (the relation field of most statements).
      if (isRangeVar(node)) keys.add(relationName(node).key);
      for (const value of Object.values(node)) if (value && typeof value === 'object') walk(value);
    }
  };
  walk(statement.node);
  if (statement.kind === 'DropStmt' && statement.body.removeType === 'OBJECT_TABLE')
    for (const object of statement.body.objects ?? []) keys.add(listName(as(object, 'List')?.items).key);
  return keys;
}

/**
 * For each combinable ALTER TABLE that continues a run on the same table, the index of the run's first one.
 * A run ends at a transaction boundary (separate transactions are a deliberate choice to keep locks short)
 * and at any other statement naming the table (an UPDATE or index between them may depend on the order).
 */
function runsOf(statements: readonly ParsedStatement[]): Map<number, number> {
  const first = new Map<number, number>();
  // Most files alter each table once: then there is no run, and no statement needs walking.
  const altered = new Set<string>();
  let repeated = false;
  for (const statement of statements) {
    if (!combinable(statement)) continue;
    const key = relationName(statement.body.relation).key;
    if (altered.has(key)) repeated = true;
    altered.add(key);
  }
  if (!repeated) return first;
  let open = new Map<string, number>();
  for (const statement of statements) {
    // A DO block may use any table, and what it runs cannot be merged with statements outside it.
    if (statement.kind === 'TransactionStmt' || statement.kind === 'DoStmt' || statement.embedded) {
      open = new Map();
      continue;
    }
    if (combinable(statement)) {
      const key = relationName(statement.body.relation).key;
      const start = open.get(key);
      if (start === undefined) open.set(key, statement.index);
      else first.set(statement.index, start);
      for (const other of tablesOf(statement)) if (other !== key) open.delete(other);
      continue;
    }
    for (const key of tablesOf(statement)) open.delete(key);
  }
  return first;
}

/**
 * Actions that read or rewrite every row: inside one transaction the lock is already held, so only these make
 * a second statement cost something (a second pass over the table).
 */
function makesPass(statement: ParsedStatement): boolean {
  if (statement.kind !== 'AlterTableStmt') return false;
  return (statement.body.cmds ?? []).some((node) => {
    const cmd = as(node, 'AlterTableCmd');
    switch (cmd?.subtype) {
      case 'AT_SetNotNull':
      case 'AT_AlterColumnType':
      case 'AT_AddIdentity':
      case 'AT_SetExpression':
        return true;
      case 'AT_AddConstraint': {
        const c = as(cmd.def, 'Constraint');
        return !!c && !c.skip_validation && !c.indexname && c.contype !== 'CONSTR_NOTNULL';
      }
      case 'AT_AddColumn': {
        const def = as(cmd.def, 'ColumnDef');
        return (def?.constraints ?? []).some((n) => {
          const contype = as(n, 'Constraint')?.contype;
          return (
            contype !== undefined &&
            [
              'CONSTR_GENERATED',
              'CONSTR_IDENTITY',
              'CONSTR_CHECK',
              'CONSTR_FOREIGN',
              'CONSTR_PRIMARY',
              'CONSTR_UNIQUE'
            ].includes(contype)
          );
        });
      }
      default:
        return false;
    }
  });
}

/** The runs of the file (runsOf), found at its first ALTER TABLE. */
const RUNS = stateKey<{ runs?: Map<number, number> }>('runs of ALTER TABLE on one table', () => ({}));

export const multipleAlterTable = defineRule({
  id: 'multiple-alter-table',
  severity: 'warning',
  message: 'Several ALTER TABLE statements on the same table: combine them into one',
  help: 'Each ALTER TABLE waits for its own lock on the table (queueing behind long queries and blocking everything queued after it), and every action that scans or rewrites the table makes its own pass. One `ALTER TABLE t action1, action2, ...` takes the lock once and does a single pass for all of its actions. Inside one transaction the lock is taken once anyway, so there only a second statement that scans or rewrites the table is flagged. Statements are only counted together when nothing in between uses the table and no COMMIT separates them; `VALIDATE CONSTRAINT` and partition actions are left apart on purpose. Tables created in the same change set are not flagged.',
  equivalents: { eugene: ['W12'] },
  kinds: ['AlterTableStmt'],
  check(ctx) {
    if (ctx.statement.kind !== 'AlterTableStmt') return;
    const file = ctx.fileState(RUNS);
    const runs = (file.runs ??= runsOf(ctx.statements));
    const start = runs.get(ctx.statement.index);
    if (start === undefined) return;
    const { body } = ctx.statement;
    if (ctx.isNewTable(body.relation)) return ctx.report({ exempt: NEW_TABLE });
    if (ctx.transaction.inTransaction) {
      const earlier = ctx.statements
        .slice(start, ctx.statement.index)
        .filter((s) => s.index === start || runs.get(s.index) === start);
      if (!makesPass(ctx.statement) || !earlier.some(makesPass)) return;
    }
    const line = ctx.source.span(ctx.statements[start].range).line;
    const name = relationName(body.relation).name;
    const cost = ctx.transaction.inTransaction ? 'makes another pass over it' : 'waits for its lock again';
    ctx.report({
      message: `${name} is altered again (first ALTER TABLE at line ${line}) and ${cost}: combine the actions into one ALTER TABLE`
    });
  }
});
