import type { AlterTableStmt } from '@pgsql/types';
import { as, listName, relationName } from '../engine/ast.js';
import { defineRule, type RuleContext } from '../engine/rule.js';
import { stateKey } from '../engine/rule-state.js';
import { tableLabel } from './transaction-support.js';

export const preferRobustStmts = defineRule({
  id: 'prefer-robust-stmts',
  severity: 'warning',
  message: 'Outside a transaction this statement fails when the migration is rerun after a partial failure',
  help: 'When a migration runs without a transaction and fails part way, the statements before the failure stay applied, and rerunning the file fails on them ("already exists", "does not exist"). Write them so they can run twice: `IF NOT EXISTS` on CREATE TABLE / CREATE INDEX / ADD COLUMN, `IF EXISTS` on DROP TABLE / DROP INDEX / DROP TYPE / DROP COLUMN / DROP CONSTRAINT, and precede ADD CONSTRAINT with `DROP CONSTRAINT IF EXISTS` of the same name. Alternatively run the file in a transaction (BEGIN ... COMMIT, or the migration tool\'s transaction), except for CONCURRENTLY statements, which cannot run in one.',
  equivalents: { squawk: ['prefer-robust-stmts'] },
  check(ctx) {
    const { statement } = ctx;
    const { kind, body } = statement;
    const inTransaction = ctx.transaction.inTransaction;
    switch (kind) {
      case 'AlterTableStmt': {
        if (inTransaction || body.objtype !== 'OBJECT_TABLE') return;
        const { problems: missing, rerunnable } = alterTableProblems(ctx, body);
        if (missing.length === 0) {
          if (rerunnable.length > 0)
            ctx.report({ exempt: `${rerunnable.join(', ')} succeeds when run again: nothing to make rerunnable` });
          return;
        }
        ctx.report({
          message: `ALTER TABLE ${tableLabel(relationName(body.relation).key)} ${missing.join('; ')}: the file cannot be rerun after a partial failure`
        });
        return;
      }
      case 'RenameStmt':
        if (
          inTransaction ||
          body.renameType === undefined ||
          !['OBJECT_TABLE', 'OBJECT_COLUMN', 'OBJECT_TABCONSTRAINT'].includes(body.renameType)
        )
          return;
        // relationType is only meaningful for column renames (ALTER VIEW ... RENAME COLUMN is not a table).
        if ((body.renameType === 'OBJECT_COLUMN' && body.relationType !== 'OBJECT_TABLE') || body.missing_ok) return;
        ctx.report({
          message: `A rename outside a transaction fails on a rerun (the old name is gone): the file cannot be rerun after a partial failure`
        });
        return;
      case 'IndexStmt':
        // CONCURRENTLY cannot be in a transaction, so only IF NOT EXISTS makes it rerunnable; an unnamed index gets
        // a fresh name on each run and never collides.
        if (body.if_not_exists || !body.idxname || (inTransaction && !body.concurrent)) return;
        ctx.report({
          message: `CREATE INDEX ${body.idxname} without IF NOT EXISTS fails on a rerun${body.concurrent ? ' (and a failed CONCURRENTLY build leaves an INVALID index of that name: drop it first)' : ''}`
        });
        return;
      case 'CreateStmt':
        if (inTransaction || body.if_not_exists) return;
        if (body.relation?.relpersistence === 't' && body.oncommit === 'ONCOMMIT_DROP') return;
        ctx.report({
          message: `CREATE TABLE ${tableLabel(relationName(body.relation).key)} without IF NOT EXISTS fails on a rerun`
        });
        return;
      case 'DropStmt': {
        const what = body.removeType === undefined ? undefined : DROPS[body.removeType];
        if (inTransaction || body.missing_ok || !what) return;
        const first = (body.objects ?? [])[0];
        const list = as(first, 'List');
        const name = list ? listName(list.items).name : listName(as(first, 'TypeName')?.names).name;
        ctx.report({ message: `DROP ${what} ${name} without IF EXISTS fails on a rerun` });
        return;
      }
      default:
        return;
    }
  }
});

const DROPS: Record<string, string> = { OBJECT_TABLE: 'TABLE', OBJECT_INDEX: 'INDEX', OBJECT_TYPE: 'TYPE' };

type ConstraintState = Map<string, 'dropped' | 'added'>;

// Constraint names dropped / re-added so far in the file, replayed up to `upTo` once, so a file of many
// ALTER TABLE statements stays linear.
const REPLAY = stateKey<{ upTo: number; constraints: ConstraintState }>('constraints dropped and re-added', () => ({
  upTo: 0,
  constraints: new Map()
}));

/** What makes each ALTER TABLE action fail on a second run, in squawk's terms (see the docs page). */
function alterTableProblems(ctx: RuleContext, body: AlterTableStmt): { problems: string[]; rerunnable: string[] } {
  const { statements } = ctx;
  const index = ctx.statement.index;
  const replay = ctx.fileState(REPLAY);
  for (; replay.upTo < index; replay.upTo++) {
    const earlier = statements[replay.upTo];
    if (earlier.kind === 'AlterTableStmt') judgeActions(earlier.body, replay.constraints);
  }
  replay.upTo = index + 1;
  return judgeActions(body, replay.constraints);
}

function judgeActions(
  body: AlterTableStmt,
  constraints: ConstraintState
): { problems: string[]; rerunnable: string[] } {
  // An ADD CONSTRAINT preceded (anywhere earlier in the file) by a DROP CONSTRAINT of the same name is the
  // rerunnable idiom; a second ADD of it is not.
  const problems: string[] = [];
  const rerunnable: string[] = [];
  for (const node of body.cmds ?? []) {
    const cmd = as(node, 'AlterTableCmd');
    if (!cmd) continue;
    switch (cmd.subtype) {
      case 'AT_DropConstraint':
        if (cmd.name) constraints.set(cmd.name, 'dropped');
        if (!cmd.missing_ok) problems.push(`DROP CONSTRAINT ${cmd.name} without IF EXISTS`);
        break;
      case 'AT_AddColumn':
        if (!cmd.missing_ok)
          problems.push(`ADD COLUMN ${as(cmd.def, 'ColumnDef')?.colname ?? ''} without IF NOT EXISTS`);
        break;
      case 'AT_DropColumn':
        if (!cmd.missing_ok) problems.push(`DROP COLUMN ${cmd.name} without IF EXISTS`);
        break;
      case 'AT_AddConstraint': {
        const name = as(cmd.def, 'Constraint')?.conname;
        if (name && constraints.get(name) === 'dropped') constraints.set(name, 'added');
        else problems.push(`ADD CONSTRAINT ${name ? `${name} ` : ''}not preceded by DROP CONSTRAINT IF EXISTS`);
        break;
      }
      default:
        if (IDEMPOTENT.has(cmd.subtype)) rerunnable.push(actionName(cmd.subtype));
        else problems.push(`${actionName(cmd.subtype)} outside a transaction`);
    }
  }
  return { problems, rerunnable };
}

/**
 * Actions that set a state rather than create or remove something: run a second time they succeed and change
 * nothing, so a half-applied file reruns past them. squawk flags them as "missing transaction"; we do not.
 */
const IDEMPOTENT = new Set<string | undefined>([
  'AT_ValidateConstraint',
  'AT_SetNotNull',
  'AT_DropNotNull',
  'AT_ColumnDefault',
  'AT_AlterColumnType',
  'AT_SetStatistics',
  'AT_SetStorage',
  'AT_SetCompression',
  'AT_SetOptions',
  'AT_ResetOptions',
  'AT_SetRelOptions',
  'AT_ResetRelOptions',
  'AT_EnableRowSecurity',
  'AT_DisableRowSecurity',
  'AT_ForceRowSecurity',
  'AT_NoForceRowSecurity',
  'AT_ChangeOwner',
  'AT_ReplicaIdentity',
  'AT_EnableTrig',
  'AT_DisableTrig',
  'AT_EnableAlwaysTrig',
  'AT_EnableReplicaTrig',
  'AT_EnableTrigAll',
  'AT_DisableTrigAll',
  'AT_EnableTrigUser',
  'AT_DisableTrigUser',
  'AT_ClusterOn',
  'AT_DropCluster',
  'AT_SetLogged',
  'AT_SetUnLogged',
  'AT_SetTableSpace',
  'AT_SetAccessMethod'
]);

const ACTION_NAMES: Record<string, string> = {
  AT_ColumnDefault: 'SET / DROP DEFAULT',
  AT_AlterColumnType: 'ALTER COLUMN TYPE',
  AT_ChangeOwner: 'OWNER TO',
  AT_SetRelOptions: 'SET (...)',
  AT_ResetRelOptions: 'RESET (...)'
};

function actionName(subtype: string | undefined): string {
  if (subtype !== undefined && ACTION_NAMES[subtype]) return ACTION_NAMES[subtype];
  return String(subtype)
    .replace(/^AT_/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toUpperCase();
}
