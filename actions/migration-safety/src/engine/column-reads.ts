// Which columns a statement reads, and which data it copies from one table's columns into another (or into
// other columns of the same table): the "migrate" step of expand-migrate-contract, found in UPDATE ... SET,
// INSERT ... SELECT and CREATE TABLE AS. Column references are resolved the way PostgreSQL resolves them:
// qualified names through the FROM list's names and aliases, bare names through the catalogue's columns, the
// innermost FROM list first; subqueries are followed, and so are the variables and loop rows of a DO block.
import type {
  ColumnRef,
  CreateTableAsStmt,
  InsertStmt,
  Node,
  RangeVar,
  ResTarget,
  SelectStmt,
  UpdateStmt
} from '@pgsql/types';
import { as, entriesOf, names, payloadOf, relationName, type QualifiedName } from './ast.js';
import type { Catalog, TableInfo } from './catalog.js';
import type { ParsedStatement } from './parse.js';

/** Data copied out of columns of one table. */
export interface DataCopy {
  /** The table read. */
  from: QualifiedName;
  /** The table written. */
  into: QualifiedName;
  /** The column written, when the statement shows which one. */
  target?: string;
  /** Columns of `from` read; `*` when the statement reads them all. */
  sources: Set<string>;
}

/** A table a column reference can name: the UPDATE target or an entry of a FROM list. */
export interface TableSource {
  table: QualifiedName;
  /** Its name and alias. */
  names: Set<string>;
  info?: TableInfo;
}

/** What a bare or qualified name means inside the statement, beyond the tables of its FROM lists. */
export interface ReadScope {
  /** The schema before the statement runs. */
  catalog: Catalog;
  /** PL/pgSQL variables of a DO block: the server rejects a bare name that is both a variable and a column. */
  variables: ReadonlySet<string>;
  /** PL/pgSQL `FOR r IN SELECT ...` loops around the statement: `r.col` reads the loop query's column. */
  loopRows: ReadonlyMap<string, SelectStmt>;
}

/** Columns read, by table key. */
export type ColumnReads = Map<string, { table: QualifiedName; columns: Set<string> }>;

/** The scope of a statement: a statement a DO block runs sees the block's variables and loops. */
export function scopeOf(statement: ParsedStatement, catalog: Catalog): ReadScope {
  return {
    catalog,
    variables: statement.embedded?.variables ?? new Set(),
    loopRows: statement.embedded?.loopRows ?? new Map()
  };
}

/**
 * What the statement copies, judged against `catalog` (the schema before it runs): an UPDATE copies within
 * each row of its own table (or from the tables of its FROM list); INSERT ... SELECT and CREATE TABLE AS copy
 * rows into another table. Empty for other statements.
 */
export function dataCopies(statement: ParsedStatement, catalog: Catalog): DataCopy[] {
  const copies: DataCopy[] = [];
  if (statement.kind === 'UpdateStmt') updateCopies(scopeOf(statement, catalog), statement.body, copies);
  else if (statement.kind === 'InsertStmt') insertCopies(scopeOf(statement, catalog), statement.body, copies);
  else if (statement.kind === 'CreateTableAsStmt')
    createTableAsCopies(scopeOf(statement, catalog), statement.body, copies);
  return copies;
}

/**
 * Every column an expression reads, subqueries included: a value computed from a column (in its select list or
 * in the condition that picks the row) carries that column's data. The innermost FROM list is searched first.
 */
export function columnsRead(
  node: unknown,
  sources: TableSource[],
  scope: ReadScope,
  reads: ColumnReads = new Map()
): ColumnReads {
  if (Array.isArray(node)) {
    for (const item of node as unknown[]) columnsRead(item, sources, scope, reads);
    return reads;
  }
  if (!node || typeof node !== 'object') return reads;
  for (const [key, value] of entriesOf(node)) {
    const ref = payloadOf(key, 'ColumnRef', value);
    const select = payloadOf(key, 'SelectStmt', value);
    if (ref) readColumn(ref, sources, scope, reads);
    else if (select) selectReads(select, sources, scope, reads);
    else if (value && typeof value === 'object') columnsRead(value, sources, scope, reads);
  }
  return reads;
}

/** The tables of a FROM list, through joins; subqueries and functions in FROM are not followed. */
export function fromSources(
  scope: ReadScope,
  items: Node[] | undefined,
  ctes: ReadonlySet<string>,
  out: TableSource[] = []
): TableSource[] {
  for (const item of items ?? []) {
    const join = as(item, 'JoinExpr');
    if (join)
      fromSources(
        scope,
        [join.larg, join.rarg].filter((n): n is Node => n !== undefined),
        ctes,
        out
      );
    const rangeVar = as(item, 'RangeVar');
    if (
      rangeVar &&
      !(rangeVar.schemaname === undefined && rangeVar.relname !== undefined && ctes.has(rangeVar.relname))
    )
      out.push(sourceOf(scope, rangeVar));
  }
  return out;
}

/** The source a RangeVar names (the UPDATE target, an INSERT's table). */
export function sourceOf(scope: ReadScope, rangeVar: RangeVar | undefined): TableSource {
  return {
    table: relationName(rangeVar),
    names: new Set([rangeVar?.relname, rangeVar?.alias?.aliasname].filter((n): n is string => !!n)),
    info: scope.catalog.table(relationName(rangeVar).key)
  };
}

function addRead(reads: ColumnReads, table: QualifiedName, column: string): void {
  let entry = reads.get(table.key);
  if (!entry) reads.set(table.key, (entry = { table, columns: new Set() }));
  entry.columns.add(column);
}

/** Names of the WITH queries of a statement: a FROM entry with such a name is no table. */
function ctesOf(body: SelectStmt | InsertStmt | UpdateStmt | undefined): Set<string> {
  const found = new Set<string>();
  for (const cte of body?.withClause?.ctes ?? []) {
    const name = as(cte, 'CommonTableExpr')?.ctename;
    if (name) found.add(name);
  }
  return found;
}

/** The qualifier of a `*` or `t.*` column reference (empty for a bare `*`), or undefined for anything else. */
function starOf(ref: ColumnRef | undefined): string[] | undefined {
  const fields = ref?.fields ?? [];
  return fields.length > 0 && as(fields[fields.length - 1], 'A_Star') !== undefined ? names(fields) : undefined;
}

function qualifies(source: TableSource, qualifier: string[]): boolean {
  if (qualifier.length === 1) return source.names.has(qualifier[0]);
  return qualifier.length === 2 && source.table.schema === qualifier[0] && source.table.name === qualifier[1];
}

/** The table a bare column name belongs to: the one the catalogue says has it, else one it cannot rule out. */
function ownerOf(sources: TableSource[], column: string): TableSource | undefined {
  return (
    sources.find((s) => s.info?.columns.has(column)) ?? sources.find((s) => !s.info || s.info.columnsUnknown === true)
  );
}

function selectReads(select: SelectStmt | undefined, outer: TableSource[], scope: ReadScope, reads: ColumnReads): void {
  if (select?.op && select.op !== 'SETOP_NONE') {
    selectReads(select.larg, outer, scope, reads);
    selectReads(select.rarg, outer, scope, reads);
    return;
  }
  const inner = [...fromSources(scope, select?.fromClause, ctesOf(select)), ...outer];
  columnsRead(select, inner, scope, reads);
}

function readColumn(ref: ColumnRef, sources: TableSource[], scope: ReadScope, reads: ColumnReads): void {
  const star = starOf(ref);
  if (star) {
    for (const source of star.length === 0 ? sources : sources.filter((s) => qualifies(s, star)))
      addRead(reads, source.table, '*');
    return;
  }
  const parts = names(ref.fields);
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
function readLoopField(row: string, field: string, scope: ReadScope, reads: ColumnReads): void {
  const select = scope.loopRows.get(row);
  if (select?.op && select.op !== 'SETOP_NONE') return;
  // The loop query cannot read its own row variable: dropping it keeps the lookup finite.
  const loopRows = new Map(scope.loopRows);
  loopRows.delete(row);
  const inner: ReadScope = { ...scope, loopRows };
  const sources = fromSources(scope, select?.fromClause, ctesOf(select));
  for (const node of select?.targetList ?? []) {
    const target = as(node, 'ResTarget');
    const star = starOf(as(target?.val, 'ColumnRef'));
    if (star) {
      const owner = ownerOf(star.length ? sources.filter((s) => qualifies(s, star)) : sources, field);
      if (owner) return addRead(reads, owner.table, field);
    } else if ((target?.name ?? names(as(target?.val, 'ColumnRef')?.fields).at(-1)) === field) {
      columnsRead(target?.val, sources, inner, reads);
      return;
    }
  }
}

function updateCopies(scope: ReadScope, body: UpdateStmt, copies: DataCopy[]): void {
  const own = sourceOf(scope, body.relation);
  const sources = [own, ...fromSources(scope, body.fromClause, ctesOf(body))];
  for (const node of body.targetList ?? []) {
    const target = as(node, 'ResTarget');
    if (!target?.name) continue;
    const reads = columnsRead(target.val, sources, scope);
    for (const { table, columns } of reads.values()) {
      // `SET n = n + 1` reads the column it writes: no copy.
      if (table.key === own.table.key) columns.delete(target.name);
      if (columns.size > 0) copies.push({ from: table, into: own.table, target: target.name, sources: columns });
    }
  }
}

/**
 * The rows a query writes into another table (INSERT ... SELECT, CREATE TABLE AS). `columnAt` names the column
 * an output position fills, when known.
 */
function rowsInto(
  scope: ReadScope,
  into: QualifiedName,
  query: SelectStmt | undefined,
  ctes: ReadonlySet<string>,
  columnAt: (position: number, target: ResTarget | undefined) => string | undefined,
  copies: DataCopy[]
): void {
  if (query?.op && query.op !== 'SETOP_NONE') {
    rowsInto(scope, into, query.larg, ctes, columnAt, copies);
    rowsInto(scope, into, query.rarg, ctes, columnAt, copies);
    return;
  }
  const sources = fromSources(scope, query?.fromClause, new Set([...ctes, ...ctesOf(query)]));
  // After a star the positions no longer match the target's columns.
  let positional = true;
  (query?.targetList ?? []).forEach((node, position) => {
    const target = as(node, 'ResTarget');
    const reads = columnsRead(target?.val, sources, scope);
    if (starOf(as(target?.val, 'ColumnRef'))) positional = false;
    const column = positional ? columnAt(position, target) : undefined;
    for (const { table, columns } of reads.values()) {
      // Rows of a table appended to itself are new rows, not a move.
      if (table.key === into.key) continue;
      copies.push({ from: table, into, target: column, sources: columns });
    }
  });
}

function insertCopies(scope: ReadScope, body: InsertStmt, copies: DataCopy[]): void {
  const query = as(body.selectStmt, 'SelectStmt');
  if (!query) return;
  const listed = (body.cols ?? []).map((c) => as(c, 'ResTarget')?.name);
  const info = scope.catalog.table(relationName(body.relation).key);
  const columns = listed.length > 0 ? listed : info && !info.columnsUnknown ? [...info.columns.keys()] : [];
  rowsInto(scope, relationName(body.relation), query, ctesOf(body), (i) => columns[i], copies);
}

function createTableAsCopies(scope: ReadScope, body: CreateTableAsStmt, copies: DataCopy[]): void {
  if (body.objtype !== 'OBJECT_TABLE') return;
  const query = as(body.query, 'SelectStmt');
  if (!query || !body.into?.rel) return;
  const listed = names(body.into.colNames);
  rowsInto(
    scope,
    relationName(body.into.rel),
    query,
    new Set(),
    (i, target) => listed[i] ?? target?.name ?? names(as(target?.val, 'ColumnRef')?.fields).at(-1),
    copies
  );
}
