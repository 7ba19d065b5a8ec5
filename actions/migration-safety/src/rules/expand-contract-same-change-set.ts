import type { AlterTableStmt, DropStmt } from '@pgsql/types';
import { as, listName, relationName } from '../engine/ast.js';
import { dataCopies, type DataCopy } from '../engine/column-reads.js';
import { changeTypeRecipe, dropColumnRecipe, renameColumnRecipe, renameTableRecipe } from '../engine/recipes.js';
import { defineRule, NEW_TABLE, type RuleContext } from '../engine/rule.js';
import { stateKey } from '../engine/rule-state.js';

/** What the change set did so far, across its files: the lint run replays files in order on one catalogue. */
interface Seen {
  /** Data copied out of columns (engine/column-reads.ts): the "migrate" step between expand and contract. */
  copies: DataCopy[];
  /** Old table key -> new name, for tables renamed in the change set. */
  renamedTables: Map<string, string>;
  /** Keys of the views created in the change set. */
  views: Set<string>;
}

const SEEN = stateKey<Seen>('copies, renames and views of the change set', () => ({
  copies: [],
  renamedTables: new Map(),
  views: new Set()
}));

function record(ctx: RuleContext, seen: Seen): void {
  const { statement } = ctx;
  // A backfill is often a batched loop in a DO block: its statements come after the block, with the block's
  // variables and loops (engine/plpgsql.ts); the DO statement itself copies nothing.
  seen.copies.push(...dataCopies(statement, ctx.catalog));
  if (statement.kind === 'RenameStmt' && statement.body.renameType === 'OBJECT_TABLE') {
    seen.renamedTables.set(relationName(statement.body.relation).key, statement.body.newname ?? '');
  } else if (statement.kind === 'ViewStmt') {
    seen.views.add(relationName(statement.body.view).key);
  }
}

/** A later statement of the file renames `from` to `to`: the copy was a type change, not a rename. */
function renamedLater(ctx: RuleContext, table: string, from: string, to: string): boolean {
  return ctx.statements
    .slice(ctx.statement.index + 1)
    .some(
      (s) =>
        s.kind === 'RenameStmt' &&
        s.body.renameType === 'OBJECT_COLUMN' &&
        relationName(s.body.relation).key === table &&
        s.body.subname === from &&
        s.body.newname === to
    );
}

/** A later statement of the change set renames table `table` to `to`: the copy rebuilt the table in place. */
function tableRenamedLater(ctx: RuleContext, table: string, to: string): boolean {
  for (const s of ctx.laterInChangeSet())
    if (
      s.kind === 'RenameStmt' &&
      s.body.renameType === 'OBJECT_TABLE' &&
      relationName(s.body.relation).key === table &&
      s.body.newname === to
    )
      return true;
  return false;
}

function checkDropColumns(ctx: RuleContext, body: AlterTableStmt, seen: Seen): void {
  if ((body.objtype ?? 'OBJECT_TABLE') !== 'OBJECT_TABLE') return;
  const q = relationName(body.relation);
  const table = ctx.table(body.relation);
  for (const node of body.cmds ?? []) {
    const cmd = as(node, 'AlterTableCmd');
    if (cmd?.subtype !== 'AT_DropColumn' || !cmd.name) continue;
    const dropped: string = cmd.name;
    const ours = seen.copies.filter((c) => c.from.key === q.key);
    const copy = ours.find(
      (c) =>
        c.into.key === q.key &&
        c.sources.has(dropped) &&
        c.target !== undefined &&
        c.target !== dropped &&
        table?.columns.has(c.target)
    );
    // A star copies the column along with every other one: no evidence that it moved.
    const moved = copy
      ? undefined
      : ours.find((c) => c.into.key !== q.key && c.sources.has(dropped) && ctx.catalog.table(c.into.key));
    if (!copy && !moved) continue;
    if (ctx.isNewTable(body.relation) || ctx.isNewColumn(body.relation, dropped))
      return ctx.report({ exempt: NEW_TABLE });
    if (moved) {
      const where = moved.target ? `${moved.into.name}.${moved.target}` : moved.into.name;
      ctx.report({
        message: `This change set copies ${q.name}.${dropped} into ${where} and drops ${dropped}: expand and contract in one deploy break the release still running, which reads and writes ${q.name}.${dropped}`,
        recipe: dropColumnRecipe(q, dropped)
      });
      continue;
    }
    // `copy` names a target column the table has (checked above).
    const target = copy?.target !== undefined ? table?.columns.get(copy.target) : undefined;
    if (!target) continue;
    const added = target.addedIn === ctx.changeSet;
    const typeChange = added && renamedLater(ctx, q.key, target.name, dropped);
    const recipe = typeChange
      ? changeTypeRecipe(q, dropped, target.type.display)
      : renameColumnRecipe(q, dropped, target.name, target.type.display);
    const message = typeChange
      ? `This change set changes the type of ${q.name}.${dropped} by a copy and swap in one deploy: the release still running reads and writes ${dropped} as the old type, and rows it writes during the copy are blocked or lost`
      : `This change set ${added ? 'adds' : 'fills'} ${q.name}.${target.name}, copies ${dropped} into it and drops ${dropped}: expand and contract in one deploy break the release still running, which reads and writes ${dropped}`;
    ctx.report({
      message,
      recipe
    });
  }
}

function checkDropViews(ctx: RuleContext, body: DropStmt, seen: Seen): void {
  for (const object of body.objects ?? []) {
    const q = listName(as(object, 'List')?.items);
    const renamed = seen.renamedTables.get(q.key);
    if (renamed === undefined || !seen.views.has(q.key)) continue;
    ctx.report({
      message: `This change set renames table ${q.name} to ${renamed}, leaves a view under the old name and drops it again: the release still running uses ${q.name}`,
      recipe: renameTableRecipe(q, renamed)
    });
  }
}

/**
 * A table copied into a table the change set creates, then dropped. Copying into a table that already existed
 * is left alone: that is archiving or merging rows, which `ban-drop-table` judges by itself.
 */
function checkDropTables(ctx: RuleContext, body: DropStmt, seen: Seen): void {
  for (const object of body.objects ?? []) {
    const q = listName(as(object, 'List')?.items);
    const copy = seen.copies.find(
      (c) => c.from.key === q.key && c.into.key !== q.key && ctx.catalog.table(c.into.key)?.createdIn === ctx.changeSet
    );
    if (!copy) continue;
    if (ctx.catalog.table(q.key)?.createdIn === ctx.changeSet) {
      ctx.report({ exempt: NEW_TABLE });
      continue;
    }
    const into = copy.into;
    if (tableRenamedLater(ctx, into.key, q.name)) {
      // The swap keeps the name, so no rename recipe fits: the safe way is to change the table in place.
      ctx.report({
        message: `This change set rebuilds table ${q.name} as a copy (${into.name}, then renamed to ${q.name}) in one deploy: rows the release still running writes to ${q.name} after the copy are lost with the drop, and its queries fail or wait until the rename`
      });
      continue;
    }
    ctx.report({
      message: `This change set creates ${into.name}, copies ${q.name} into it and drops ${q.name}: expand and contract in one deploy break the release still running, which reads and writes ${q.name}`,
      recipe: into.schema === q.schema ? renameTableRecipe(q, into.name) : undefined
    });
  }
}

export const expandContractSameChangeSet = defineRule({
  id: 'expand-contract-same-change-set',
  severity: 'error',
  message: 'The contract step of an expand-migrate-contract change ships in the same change set as its expand step',
  help: 'During a deploy the previous release keeps serving traffic until the new one is up, and it still reads and writes the old column or table. Expand (add the new column, table or compatibility view) and migrate (copy the data) are safe for it; contract (drop the old column, table or view) is only safe once no running release uses the old name, so it belongs in a later deploy. Shipping all three together breaks the old release mid-deploy, and rows it writes between the copy and the drop are lost. Split the change over deploys as the attached recipe shows. A `CHECK ... NOT VALID`, `VALIDATE CONSTRAINT`, `SET NOT NULL` sequence is not a contract and is not flagged.',
  equivalents: {},
  check(ctx) {
    // The change set's state: its copies, renames and views carry over from one of its files to the next.
    const seen = ctx.changeSetState(SEEN);
    const { kind, body } = ctx.statement;
    if (kind === 'AlterTableStmt') checkDropColumns(ctx, body, seen);
    else if (kind === 'DropStmt' && body.removeType === 'OBJECT_VIEW') checkDropViews(ctx, body, seen);
    else if (kind === 'DropStmt' && body.removeType === 'OBJECT_TABLE') checkDropTables(ctx, body, seen);
    record(ctx, seen);
  }
});
