import { as, listName, names, relationName, type QualifiedName } from '../engine/ast.js';
import type { Catalog, TableInfo } from '../engine/catalog.js';
import { changeTypeRecipe, dropColumnRecipe, renameColumnRecipe, renameTableRecipe } from '../engine/recipes.js';
import { defineRule, NEW_TABLE, type RuleContext } from '../engine/rule.js';
import type { AstNode } from '../engine/types.js';

/**
 * Data copied out of columns of one table: the "migrate" step between expand and contract. An UPDATE copies
 * within each row of its own table (or from the tables of its FROM list); INSERT ... SELECT and CREATE TABLE AS
 * copy rows into another table.
 */
interface Copy {
  /** The table read. */
  from: QualifiedName;
  /** The table written. */
  into: QualifiedName;
  /** The column written, when the statement shows which one. */
  target?: string;
  /** Columns of `from` read; `*` when the statement reads them all. */
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

/** A table a column reference can name: the UPDATE target or an entry of a FROM list. */
interface Source {
  table: QualifiedName;
  /** Its name and alias. */
  names: Set<string>;
  info?: TableInfo;
}

/** What a bare or qualified name means inside the statement, beyond the tables of its FROM lists. */
interface Scope {
  ctx: RuleContext;
  /** PL/pgSQL variables of a DO block: the server rejects a bare name that is both a variable and a column. */
  variables: Set<string>;
  /** PL/pgSQL `FOR r IN SELECT ...` loops around the statement: `r.col` reads the loop query's column. */
  loopRows: Map<string, AstNode>;
}

/** Columns read, by table key. */
type Reads = Map<string, { table: QualifiedName; columns: Set<string> }>;

function addRead(reads: Reads, table: QualifiedName, column: string): void {
  let entry = reads.get(table.key);
  if (!entry) reads.set(table.key, (entry = { table, columns: new Set() }));
  entry.columns.add(column);
}

/** Names of the WITH queries of a statement: a FROM entry with such a name is no table. */
function ctesOf(body: AstNode): Set<string> {
  const found = new Set<string>();
  for (const cte of body?.withClause?.ctes ?? []) {
    const name = as(cte, 'CommonTableExpr')?.ctename;
    if (name) found.add(name);
  }
  return found;
}

/** The qualifier of a `*` or `t.*` column reference (empty for a bare `*`), or undefined for anything else. */
function starOf(node: AstNode): string[] | undefined {
  const fields: AstNode[] = as(node, 'ColumnRef')?.fields ?? [];
  return fields.length > 0 && as(fields[fields.length - 1], 'A_Star') !== undefined ? names(fields) : undefined;
}

function sourceOf(ctx: RuleContext, rangeVar: AstNode): Source {
  return {
    table: relationName(rangeVar),
    names: new Set([rangeVar?.relname, rangeVar?.alias?.aliasname].filter(Boolean)),
    info: ctx.table(rangeVar)
  };
}

/** The tables of a FROM list, through joins; subqueries and functions in FROM are not followed. */
function fromSources(ctx: RuleContext, items: AstNode[] | undefined, ctes: Set<string>, out: Source[] = []): Source[] {
  for (const item of items ?? []) {
    const join = as(item, 'JoinExpr');
    if (join) fromSources(ctx, [join.larg, join.rarg], ctes, out);
    const rangeVar = as(item, 'RangeVar');
    if (rangeVar && !(rangeVar.schemaname === undefined && ctes.has(rangeVar.relname)))
      out.push(sourceOf(ctx, rangeVar));
  }
  return out;
}

function qualifies(source: Source, qualifier: string[]): boolean {
  if (qualifier.length === 1) return source.names.has(qualifier[0]);
  return qualifier.length === 2 && source.table.schema === qualifier[0] && source.table.name === qualifier[1];
}

/** The table a bare column name belongs to: the one the catalogue says has it, else one it cannot rule out. */
function ownerOf(sources: Source[], column: string): Source | undefined {
  return (
    sources.find((s) => s.info?.columns.has(column)) ?? sources.find((s) => !s.info || s.info.columnsUnknown === true)
  );
}

/**
 * Every column an expression reads, subqueries included: a value computed from a column (in its select list or
 * in the condition that picks the row) carries that column's data. The innermost FROM list is searched first.
 */
function collectReads(node: AstNode, sources: Source[], scope: Scope, reads: Reads): void {
  if (Array.isArray(node)) {
    for (const item of node) collectReads(item, sources, scope, reads);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'ColumnRef') readColumn(value, sources, scope, reads);
    else if (key === 'SelectStmt') collectSelectReads(value, sources, scope, reads);
    else if (value && typeof value === 'object') collectReads(value, sources, scope, reads);
  }
}

function collectSelectReads(select: AstNode, outer: Source[], scope: Scope, reads: Reads): void {
  if (select?.op && select.op !== 'SETOP_NONE') {
    collectSelectReads(select.larg, outer, scope, reads);
    collectSelectReads(select.rarg, outer, scope, reads);
    return;
  }
  const inner = [...fromSources(scope.ctx, select?.fromClause, ctesOf(select)), ...outer];
  collectReads(select, inner, scope, reads);
}

function readColumn(ref: AstNode, sources: Source[], scope: Scope, reads: Reads): void {
  const star = starOf({ ColumnRef: ref });
  if (star) {
    for (const source of star.length === 0 ? sources : sources.filter((s) => qualifies(s, star)))
      addRead(reads, source.table, '*');
    return;
  }
  const parts = names(ref?.fields);
  if (parts.length === 0) return;
  const column = parts[parts.length - 1];
  if (parts.length === 1) {
    if (scope.variables.has(column)) return;
    const owner = ownerOf(sources, column);
    if (owner) addRead(reads, owner.table, column);
    return;
  }
  const qualifier = parts.slice(0, -1);
  const owner = sources.find((s) => qualifies(s, qualifier));
  if (owner) addRead(reads, owner.table, column);
  else if (qualifier.length === 1 && scope.loopRows.has(qualifier[0]))
    readLoopField(qualifier[0], column, scope, reads);
}

/** `r.field` inside `FOR r IN SELECT ... LOOP`: the column (or expression) of the loop query named `field`. */
function readLoopField(row: string, field: string, scope: Scope, reads: Reads): void {
  const select = scope.loopRows.get(row);
  if (select?.op && select.op !== 'SETOP_NONE') return;
  // The loop query cannot read its own row variable: dropping it keeps the lookup finite.
  const loopRows = new Map(scope.loopRows);
  loopRows.delete(row);
  const inner: Scope = { ...scope, loopRows };
  const sources = fromSources(scope.ctx, select?.fromClause, ctesOf(select));
  for (const node of select?.targetList ?? []) {
    const target = as(node, 'ResTarget');
    const star = starOf(target?.val);
    if (star) {
      const owner = ownerOf(star.length ? sources.filter((s) => qualifies(s, star)) : sources, field);
      if (owner) return addRead(reads, owner.table, field);
    } else if ((target?.name ?? names(as(target?.val, 'ColumnRef')?.fields).at(-1)) === field) {
      return collectReads(target?.val, sources, inner, reads);
    }
  }
}

function recordUpdate(scope: Scope, body: AstNode, seen: Seen): void {
  const own = sourceOf(scope.ctx, body.relation);
  const sources = [own, ...fromSources(scope.ctx, body.fromClause, ctesOf(body))];
  for (const node of body.targetList ?? []) {
    const target = as(node, 'ResTarget');
    if (!target?.name) continue;
    const reads: Reads = new Map();
    collectReads(target.val, sources, scope, reads);
    for (const { table, columns } of reads.values()) {
      // `SET n = n + 1` reads the column it writes: no copy.
      if (table.key === own.table.key) columns.delete(target.name);
      if (columns.size > 0)
        seen.copies.push({
          from: table,
          into: own.table,
          target: target.name,
          sources: columns,
          changeSet: scope.ctx.changeSet
        });
    }
  }
}

/**
 * The rows a query writes into another table (INSERT ... SELECT, CREATE TABLE AS). `columnAt` names the column
 * an output position fills, when known.
 */
function recordRowsInto(
  scope: Scope,
  into: QualifiedName,
  query: AstNode,
  ctes: Set<string>,
  columnAt: (position: number, target: AstNode) => string | undefined,
  seen: Seen
): void {
  if (query?.op && query.op !== 'SETOP_NONE') {
    recordRowsInto(scope, into, query.larg, ctes, columnAt, seen);
    recordRowsInto(scope, into, query.rarg, ctes, columnAt, seen);
    return;
  }
  const sources = fromSources(scope.ctx, query?.fromClause, new Set([...ctes, ...ctesOf(query)]));
  // After a star the positions no longer match the target's columns.
  let positional = true;
  (query?.targetList ?? []).forEach((node: AstNode, position: number) => {
    const target = as(node, 'ResTarget');
    const reads: Reads = new Map();
    collectReads(target?.val, sources, scope, reads);
    if (starOf(target?.val)) positional = false;
    const column = positional ? columnAt(position, target) : undefined;
    for (const { table, columns } of reads.values()) {
      // Rows of a table appended to itself are new rows, not a move.
      if (table.key === into.key) continue;
      seen.copies.push({ from: table, into, target: column, sources: columns, changeSet: scope.ctx.changeSet });
    }
  });
}

function recordInsert(scope: Scope, body: AstNode, seen: Seen): void {
  const query = as(body.selectStmt, 'SelectStmt');
  if (!query) return;
  const listed: string[] = (body.cols ?? []).map((c: AstNode) => as(c, 'ResTarget')?.name);
  const info = scope.ctx.table(body.relation);
  const columns = listed.length > 0 ? listed : info && !info.columnsUnknown ? [...info.columns.keys()] : [];
  recordRowsInto(scope, relationName(body.relation), query, ctesOf(body), (i) => columns[i], seen);
}

function recordCreateTableAs(scope: Scope, body: AstNode, seen: Seen): void {
  if (body.objtype !== 'OBJECT_TABLE') return;
  const query = as(body.query, 'SelectStmt');
  if (!query || !body.into?.rel) return;
  const listed = names(body.into.colNames);
  recordRowsInto(
    scope,
    relationName(body.into.rel),
    query,
    new Set(),
    (i, target) => listed[i] ?? target?.name ?? names(as(target?.val, 'ColumnRef')?.fields).at(-1),
    seen
  );
}

function recordStatement(scope: Scope, kind: string, body: AstNode, seen: Seen): void {
  if (kind === 'UpdateStmt') recordUpdate(scope, body, seen);
  else if (kind === 'InsertStmt') recordInsert(scope, body, seen);
  else if (kind === 'CreateTableAsStmt') recordCreateTableAs(scope, body, seen);
  else if (kind === 'RenameStmt' && body.renameType === 'OBJECT_TABLE') {
    seen.renamedTables.set(relationName(body.relation).key, { newName: body.newname, changeSet: scope.ctx.changeSet });
  } else if (kind === 'ViewStmt') {
    seen.views.set(relationName(body.view).key, scope.ctx.changeSet);
  }
}

function record(ctx: RuleContext, seen: Seen): void {
  const { kind, body, embedded } = ctx.statement;
  // A backfill is often a batched loop in a DO block: its statements come after the block, with the block's
  // variables and loops (engine/plpgsql.ts); the DO statement itself copies nothing.
  recordStatement(
    { ctx, variables: embedded?.variables ?? new Set(), loopRows: embedded?.loopRows ?? new Map() },
    kind,
    body,
    seen
  );
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

function checkDropColumns(ctx: RuleContext, seen: Seen): void {
  const { body } = ctx.statement;
  if ((body.objtype ?? 'OBJECT_TABLE') !== 'OBJECT_TABLE') return;
  const q = relationName(body.relation);
  const table = ctx.table(body.relation);
  for (const node of body.cmds ?? []) {
    const cmd = as(node, 'AlterTableCmd');
    if (cmd?.subtype !== 'AT_DropColumn' || !cmd.name) continue;
    const dropped: string = cmd.name;
    const ours = seen.copies.filter((c) => c.changeSet === ctx.changeSet && c.from.key === q.key);
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
    const target = table!.columns.get(copy!.target!)!;
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

function checkDropViews(ctx: RuleContext, seen: Seen): void {
  const { body } = ctx.statement;
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

/**
 * A table copied into a table the change set creates, then dropped. Copying into a table that already existed
 * is left alone: that is archiving or merging rows, which `ban-drop-table` judges by itself.
 */
function checkDropTables(ctx: RuleContext, seen: Seen): void {
  const { body } = ctx.statement;
  for (const object of body.objects ?? []) {
    const q = listName(as(object, 'List')?.items);
    const copy = seen.copies.find(
      (c) =>
        c.changeSet === ctx.changeSet &&
        c.from.key === q.key &&
        c.into.key !== q.key &&
        ctx.catalog.table(c.into.key)?.createdIn === ctx.changeSet
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
    const seen = seenBy(ctx);
    const { kind, body } = ctx.statement;
    if (kind === 'AlterTableStmt') checkDropColumns(ctx, seen);
    else if (kind === 'DropStmt' && body.removeType === 'OBJECT_VIEW') checkDropViews(ctx, seen);
    else if (kind === 'DropStmt' && body.removeType === 'OBJECT_TABLE') checkDropTables(ctx, seen);
    record(ctx, seen);
  }
});
