import { as, findAll, listName, names, relationName } from '../engine/ast.js';
import type { Catalog } from '../engine/catalog.js';
import { changeTypeRecipe, renameColumnRecipe, renameTableRecipe } from '../engine/recipes.js';
import { defineRule, NEW_TABLE, type RuleContext } from '../engine/rule.js';

/** An UPDATE that copies one column of a table into another: the "migrate" step between expand and contract. */
interface Copy {
  table: string;
  target: string;
  sources: Set<string>;
  changeSet: number;
}

/** What the change set did so far, across its files: the lint run replays files in order on one catalogue. */
interface Seen {
  copies: Copy[];
  /** Old table key -> new name, for tables renamed in the change set. */
  renamedTables: Map<string, { newName: string; changeSet: number }>;
  /** Views created in the change set, by key. */
  views: Map<string, number>;
}

const runs = new WeakMap<Catalog, Seen>();

function seenBy(ctx: RuleContext): Seen {
  let seen = runs.get(ctx.catalog);
  if (!seen) runs.set(ctx.catalog, (seen = { copies: [], renamedTables: new Map(), views: new Map() }));
  return seen;
}

function record(ctx: RuleContext, seen: Seen): void {
  const { kind, body } = ctx.statement;
  if (kind === 'UpdateStmt') {
    const table = relationName(body.relation).key;
    for (const node of body.targetList ?? []) {
      const target = as(node, 'ResTarget');
      if (!target?.name) continue;
      // Only unqualified references or ones qualified by the table's own name or alias read this table's row.
      const own = new Set([body.relation?.relname, body.relation?.alias?.aliasname].filter(Boolean));
      const sources = new Set<string>();
      for (const ref of findAll(target.val, 'ColumnRef')) {
        const parts = names(ref.fields);
        if (parts.length === 1 || (parts.length === 2 && own.has(parts[0]))) sources.add(parts[parts.length - 1]);
      }
      sources.delete(target.name);
      if (sources.size > 0) seen.copies.push({ table, target: target.name, sources, changeSet: ctx.changeSet });
    }
  } else if (kind === 'RenameStmt' && body.renameType === 'OBJECT_TABLE') {
    seen.renamedTables.set(relationName(body.relation).key, { newName: body.newname, changeSet: ctx.changeSet });
  } else if (kind === 'ViewStmt') {
    seen.views.set(relationName(body.view).key, ctx.changeSet);
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

function checkDropColumns(ctx: RuleContext, seen: Seen): void {
  const { body } = ctx.statement;
  if ((body.objtype ?? 'OBJECT_TABLE') !== 'OBJECT_TABLE') return;
  const q = relationName(body.relation);
  const table = ctx.table(body.relation);
  for (const node of body.cmds ?? []) {
    const cmd = as(node, 'AlterTableCmd');
    if (cmd?.subtype !== 'AT_DropColumn' || !cmd.name) continue;
    const dropped: string = cmd.name;
    const copy = seen.copies.find(
      (c) =>
        c.changeSet === ctx.changeSet &&
        c.table === q.key &&
        c.sources.has(dropped) &&
        c.target !== dropped &&
        table?.columns.has(c.target)
    );
    if (!copy) continue;
    if (ctx.isNewTable(body.relation) || ctx.isNewColumn(body.relation, dropped))
      return ctx.report({ exempt: NEW_TABLE });
    const target = table!.columns.get(copy.target)!;
    const added = target.addedIn === ctx.changeSet;
    const typeChange = added && renamedLater(ctx, q.key, copy.target, dropped);
    const recipe = typeChange
      ? changeTypeRecipe(q, dropped, target.type.display)
      : renameColumnRecipe(q, dropped, copy.target, target.type.display);
    const message = typeChange
      ? `This change set changes the type of ${q.name}.${dropped} by a copy and swap in one deploy: the release still running reads and writes ${dropped} as the old type, and rows it writes during the copy are blocked or lost`
      : `This change set ${added ? 'adds' : 'fills'} ${q.name}.${copy.target}, copies ${dropped} into it and drops ${dropped}: expand and contract in one deploy break the release still running, which reads and writes ${dropped}`;
    ctx.report({
      message,
      recipe
    });
  }
}

function checkDropViews(ctx: RuleContext, seen: Seen): void {
  const { body } = ctx.statement;
  if (body.removeType !== 'OBJECT_VIEW') return;
  for (const object of body.objects ?? []) {
    const q = listName(as(object, 'List')?.items);
    const renamed = seen.renamedTables.get(q.key);
    if (renamed?.changeSet !== ctx.changeSet || seen.views.get(q.key) !== ctx.changeSet) continue;
    ctx.report({
      message: `This change set renames table ${q.name} to ${renamed.newName}, leaves a view under the old name and drops it again: the release still running uses ${q.name}`,
      recipe: renameTableRecipe(q, renamed.newName)
    });
  }
}

export const expandContractSameChangeSet = defineRule({
  id: 'expand-contract-same-change-set',
  severity: 'error',
  message: 'The contract step of an expand-migrate-contract change ships in the same change set as its expand step',
  help: 'During a deploy the previous release keeps serving traffic until the new one is up, and it still reads and writes the old column or table. Expand (add the new column or compatibility view) and migrate (copy the data) are safe for it; contract (drop the old column or view) is only safe once no running release uses the old name, so it belongs in a later deploy. Shipping all three together breaks the old release mid-deploy, and rows it writes between the copy and the drop are lost. Split the change over deploys as the attached recipe shows. A `CHECK ... NOT VALID`, `VALIDATE CONSTRAINT`, `SET NOT NULL` sequence is not a contract and is not flagged.',
  equivalents: {},
  check(ctx) {
    const seen = seenBy(ctx);
    const { kind } = ctx.statement;
    if (kind === 'AlterTableStmt') checkDropColumns(ctx, seen);
    else if (kind === 'DropStmt') checkDropViews(ctx, seen);
    record(ctx, seen);
  }
});
