// How a traced file's statements group into the transactions the migration tool runs them in: the framework's
// one transaction per file (or none), BEGIN ... COMMIT written in the file, and the statements PostgreSQL refuses
// inside a transaction block, which run alone on their own path.
import { as } from '../ast.js';
import type { ParsedStatement } from '../parse.js';
import type { Span } from '../types.js';

export interface Step {
  statement: ParsedStatement;
  file: string;
  span: Span;
  /** For a DO block: the statements its body runs, which the block's trace covers. */
  runs?: ParsedStatement[];
}

export interface Unit {
  /** `transaction`: the steps share one transaction; `autocommit`: one statement alone; `own-path`: see below. */
  kind: 'transaction' | 'autocommit' | 'own-path';
  steps: Step[];
  /** The file ends this transaction with ROLLBACK: what it did never reaches later statements. */
  discarded?: boolean;
}

/**
 * Statements that act on the whole cluster (databases, tablespaces, roles, server settings, subscriptions): the
 * trace never runs them, since their effect would outlive the scratch database.
 */
const CLUSTER_WIDE = new Set([
  'CreatedbStmt',
  'DropdbStmt',
  'AlterDatabaseStmt',
  'AlterDatabaseSetStmt',
  'AlterDatabaseRefreshCollStmt',
  'CreateTableSpaceStmt',
  'DropTableSpaceStmt',
  'AlterTableSpaceOptionsStmt',
  'AlterSystemStmt',
  'CreateRoleStmt',
  'AlterRoleStmt',
  'AlterRoleSetStmt',
  'DropRoleStmt',
  'GrantRoleStmt',
  'CreateSubscriptionStmt',
  'AlterSubscriptionStmt',
  'DropSubscriptionStmt'
]);

export function clusterWide(statement: ParsedStatement): boolean {
  return CLUSTER_WIDE.has(statement.kind);
}

/** PostgreSQL refuses these inside a transaction block ("cannot run inside a transaction block"). */
export function needsOwnPath(statement: ParsedStatement): boolean {
  switch (statement.kind) {
    case 'IndexStmt':
    case 'DropStmt':
      return !!statement.body.concurrent;
    case 'ReindexStmt':
      return (
        (statement.body.params ?? []).some((p) => as(p, 'DefElem')?.defname === 'concurrently') ||
        statement.body.kind === 'REINDEX_OBJECT_SYSTEM' ||
        statement.body.kind === 'REINDEX_OBJECT_DATABASE'
      );
    case 'AlterTableStmt':
      return (statement.body.cmds ?? []).some((c) => {
        const cmd = as(c, 'AlterTableCmd');
        return cmd?.subtype === 'AT_DetachPartition' && !!as(cmd.def, 'PartitionCmd')?.concurrent;
      });
    case 'VacuumStmt':
      return statement.body.is_vacuumcmd === true;
    case 'ClusterStmt':
      return statement.body.relation === undefined;
    default:
      return false;
  }
}

/**
 * The units of one file, in order. A COMMIT or ROLLBACK written in the file ends the tool's transaction for the
 * rest of the file, as the linter reads it (engine/lint.ts). Statements a DO block runs are part of the block.
 */
export function unitsOf(steps: readonly Step[], implicitTransaction: boolean): Unit[] {
  const units: Unit[] = [];
  let open: Unit | undefined = implicitTransaction ? { kind: 'transaction', steps: [] } : undefined;
  const close = (discarded = false) => {
    if (open && open.steps.length > 0) units.push(discarded ? { ...open, discarded } : open);
    open = undefined;
  };
  for (const step of steps) {
    const { statement } = step;
    if (statement.embedded) {
      // Statements of a DO block follow it; a DO inside a DO belongs to the outermost block.
      let block = statement.embedded.block;
      while (block.embedded) block = block.embedded.block;
      const owner = steps.find((s) => s.statement === block);
      if (owner) (owner.runs ??= []).push(statement);
      continue;
    }
    if (statement.kind === 'TransactionStmt') {
      const kind = statement.body.kind;
      if (kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') {
        if (!open) open = { kind: 'transaction', steps: [] };
      } else if (kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK') {
        close(kind === 'TRANS_STMT_ROLLBACK');
      } else if (open) open.steps.push(step);
      continue;
    }
    if (open) open.steps.push(step);
    else units.push({ kind: needsOwnPath(statement) ? 'own-path' : 'autocommit', steps: [step] });
  }
  close();
  return units;
}
