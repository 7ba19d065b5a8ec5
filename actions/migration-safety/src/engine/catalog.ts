// A simulated schema built by replaying migrations in order, so rules can ask what exists without a database:
// was this table created in the change set being linted, is this column nullable, is there an index for this
// foreign key. Only what rules need is modelled; anything unknown is left out rather than guessed.
import { as, findAll, listName, names, relationName, typeRef, type QualifiedName, type TypeRef } from './ast.js';
import type { ParsedStatement } from './parse.js';
import type {
  AlterTableStmt,
  ColumnDef,
  Constraint,
  CreateStmt,
  DropStmt,
  IndexStmt,
  Node,
  RangeVar,
  RenameStmt
} from '@pgsql/types';
import type { ByteRange } from './types.js';

export interface ColumnInfo {
  name: string;
  type: TypeRef;
  notNull: boolean;
  hasDefault: boolean;
  /** The change set that added the column. */
  addedIn: number;
}

export type ConstraintKind = 'primary' | 'unique' | 'foreign' | 'check' | 'exclusion' | 'notnull';

export interface ConstraintInfo {
  name: string;
  kind: ConstraintKind;
  columns: string[];
  validated: boolean;
  /** For foreign keys: the referenced table key. */
  references?: string;
  /** For CHECK constraints: columns the expression proves NOT NULL (`col IS NOT NULL`, alone or ANDed). */
  provesNotNull?: string[];
  addedIn: number;
}

export interface IndexInfo {
  name: string;
  key: string;
  table: string;
  columns: string[];
  unique: boolean;
  createdIn: number;
}

export interface TableInfo {
  schema: string;
  name: string;
  key: string;
  columns: Map<string, ColumnInfo>;
  constraints: Map<string, ConstraintInfo>;
  createdIn: number;
  /** Created from a query (CREATE TABLE AS): its columns are not known to the replay. */
  columnsUnknown?: boolean;
}

/** A rename or drop of something the replayed history never created. */
export interface CatalogProblem {
  message: string;
  location?: number;
}

export class Catalog {
  readonly tables = new Map<string, TableInfo>();
  readonly indexes = new Map<string, IndexInfo>();
  readonly types = new Map<string, { name: string; values: string[]; createdIn: number }>();
  /** How many CREATE TABLE statements were replayed: an empty history cannot judge what is missing. */
  private createdTables = 0;
  /**
   * Identifiers named inside DO blocks: their DDL is PL/pgSQL text the replay does not execute, so a missing
   * object with one of these names may well exist.
   */
  private readonly opaqueNames = new Set<string>();

  private unseen(...identifiers: string[]): boolean {
    return this.knowsSchema && !identifiers.some((name) => this.opaqueNames.has(name));
  }

  /** Schemas of `SET search_path`, first is where unqualified CREATEs go. */
  private searchPath = ['public'];

  /**
   * A table by key. Callers build keys with `public` for unqualified names (ast.relationName), so an unqualified
   * name that is not in public is looked up along the search_path the migrations set, as PostgreSQL would.
   */
  table(key: string): TableInfo | undefined {
    const found = this.tables.get(key);
    if (found || !key.startsWith('public.') || this.searchPath.length === 1) return found;
    const name = key.slice('public.'.length);
    for (const schema of this.searchPath) {
      const table = this.tables.get(`${schema}.${name}`);
      if (table) return table;
    }
    return undefined;
  }

  /** The key a RangeVar names: explicit schema, else the first search_path schema holding it, else the first. */
  private qualify(rangeVar: RangeVar | undefined): QualifiedName {
    const q = relationName(rangeVar);
    if (rangeVar?.schemaname) return q;
    const schema = this.searchPath.find((s) => this.tables.has(`${s}.${q.name}`)) ?? this.searchPath[0];
    return { schema, name: q.name, key: `${schema}.${q.name}` };
  }

  private qualifyList(list: readonly Node[] | undefined): QualifiedName {
    const q = listName(list);
    if (names(list).length > 1) return q;
    return this.qualify({ relname: q.name });
  }

  /** The history replayed so far created tables, so a missing one is really missing and not pre-existing. */
  get knowsSchema(): boolean {
    return this.createdTables > 0;
  }

  /** The table an index belongs to, for an index key (`schema.name`). */
  indexOwner = (indexKey: string): string | undefined => {
    const index = this.indexes.get(indexKey);
    if (index) return index.table;
    const [schema, name] = [indexKey.slice(0, indexKey.indexOf('.')), indexKey.slice(indexKey.indexOf('.') + 1)];
    // Constraint-backed indexes (PK, UNIQUE) are tracked as constraints of their table.
    return [...this.tables.values()].find((t) => t.schema === schema && t.constraints.has(name))?.key;
  };

  indexesOf(tableKey: string): IndexInfo[] {
    return [...this.indexes.values()].filter((index) => index.table === tableKey);
  }

  /** True when an index (or PK/UNIQUE constraint) starts with exactly these columns, in any order. */
  hasIndexLeadingWith(tableKey: string, columns: string[]): boolean {
    const wanted = new Set(columns);
    const covers = (cols: string[]) =>
      cols.length >= wanted.size && cols.slice(0, wanted.size).every((c) => wanted.has(c));
    if (this.indexesOf(tableKey).some((index) => covers(index.columns))) return true;
    const table = this.tables.get(tableKey);
    return [...(table?.constraints.values() ?? [])].some(
      (c) => (c.kind === 'primary' || c.kind === 'unique') && covers(c.columns)
    );
  }

  /** Applies one statement; returns what it referred to that does not exist. */
  apply(statement: ParsedStatement, changeSet: number): CatalogProblem[] {
    const problems: CatalogProblem[] = [];
    const { kind, body } = statement;
    switch (kind) {
      case 'CreateStmt':
        this.createTable(body, changeSet);
        break;
      case 'CreateTableAsStmt': {
        const into = body.into?.rel;
        // The columns come from a query the replay does not evaluate: unknown, so never reported missing.
        if (into) this.addTable(this.qualify(into), changeSet, body.if_not_exists).columnsUnknown = true;
        break;
      }
      case 'AlterTableStmt':
        this.alterTable(body, changeSet, problems);
        break;
      case 'RenameStmt':
        this.rename(body, problems);
        break;
      case 'DropStmt':
        this.drop(body, problems);
        break;
      case 'IndexStmt':
        this.createIndex(body, changeSet);
        break;
      case 'CreateEnumStmt': {
        const q = listName(body.typeName);
        this.types.set(q.key, { name: q.name, values: names(body.vals), createdIn: changeSet });
        break;
      }
      case 'VariableSetStmt':
        if (String(body.name).toLowerCase() === 'search_path' && body.kind === 'VAR_SET_VALUE') {
          const path = (body.args ?? [])
            .map((a) => as(a, 'A_Const')?.sval?.sval)
            .filter((v): v is string => typeof v === 'string' && v !== '$user' && v !== 'pg_catalog');
          this.searchPath = path.length ? path : ['public'];
        }
        break;
      case 'AlterObjectSchemaStmt':
        if (body.objectType === 'OBJECT_TABLE' && body.relation && body.newschema) {
          const table = this.tables.get(this.qualify(body.relation).key);
          if (table) {
            this.tables.delete(table.key);
            const oldKey = table.key;
            table.schema = body.newschema;
            table.key = `${body.newschema}.${table.name}`;
            this.tables.set(table.key, table);
            for (const index of this.indexes.values()) if (index.table === oldKey) index.table = table.key;
          }
        }
        break;
      case 'DoStmt': {
        for (const arg of body.args ?? []) {
          const code = as(as(arg, 'DefElem')?.arg, 'String')?.sval;
          if (typeof code !== 'string') continue;
          for (const match of code.matchAll(/"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*)/g)) {
            this.opaqueNames.add(match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2].toLowerCase());
          }
        }
        break;
      }
      case 'AlterEnumStmt': {
        const type = this.types.get(listName(body.typeName).key);
        if (type && body.newVal && !body.oldVal) type.values.push(body.newVal);
        break;
      }
      default:
        break;
    }
    return problems;
  }

  private addTable(q: QualifiedName, changeSet: number, ifNotExists?: boolean): TableInfo {
    const existing = this.tables.get(q.key);
    if (existing && ifNotExists) return existing;
    const table: TableInfo = {
      schema: q.schema,
      name: q.name,
      key: q.key,
      columns: new Map(),
      constraints: new Map(),
      createdIn: changeSet
    };
    this.tables.set(q.key, table);
    this.createdTables++;
    return table;
  }

  private createTable(body: CreateStmt, changeSet: number): void {
    const q = this.qualify(body.relation);
    if (this.tables.has(q.key) && body.if_not_exists) return;
    const table = this.addTable(q, changeSet);
    // Inheritance, PARTITION OF and LIKE copy the parent's columns (names, types, NOT NULL).
    const copyFrom = (rangeVar: RangeVar | undefined) => {
      const from = this.table(this.qualify(rangeVar).key);
      for (const column of from?.columns.values() ?? []) {
        table.columns.set(column.name, { ...column, addedIn: changeSet });
      }
      if (!from || from.columnsUnknown) table.columnsUnknown = true;
    };
    for (const parent of body.inhRelations ?? []) copyFrom(as(parent, 'RangeVar'));
    for (const element of body.tableElts ?? []) {
      const like = as(element, 'TableLikeClause');
      if (like) copyFrom(like.relation);
      const column = as(element, 'ColumnDef');
      if (column) this.addColumn(table, column, changeSet);
      const constraint = as(element, 'Constraint');
      if (constraint) this.addConstraint(table, constraint, changeSet);
    }
  }

  private addColumn(table: TableInfo, def: ColumnDef, changeSet: number): void {
    const type = typeRef(def.typeName);
    const column: ColumnInfo = {
      name: def.colname ?? '',
      type,
      notNull: false,
      hasDefault: /^(small|big)?serial[248]?$/.test(type.name),
      addedIn: changeSet
    };
    if (column.hasDefault) column.notNull = true;
    table.columns.set(column.name, column);
    for (const node of def.constraints ?? []) {
      const constraint = as(node, 'Constraint');
      switch (constraint?.contype) {
        case 'CONSTR_NOTNULL':
          column.notNull = true;
          break;
        case 'CONSTR_DEFAULT':
        case 'CONSTR_IDENTITY':
        case 'CONSTR_GENERATED':
          column.hasDefault = true;
          if (constraint.contype === 'CONSTR_IDENTITY') column.notNull = true;
          break;
        case 'CONSTR_PRIMARY':
          column.notNull = true;
          this.addConstraint(table, { ...constraint, keys: [{ String: { sval: column.name } }] }, changeSet);
          break;
        case 'CONSTR_UNIQUE':
        case 'CONSTR_CHECK':
        case 'CONSTR_FOREIGN':
          this.addConstraint(
            table,
            { ...constraint, keys: [{ String: { sval: column.name } }], fk_attrs: [{ String: { sval: column.name } }] },
            changeSet
          );
          break;
        default:
          break;
      }
    }
  }

  private addConstraint(table: TableInfo, c: Constraint, changeSet: number): void {
    const kinds: Record<string, ConstraintKind> = {
      CONSTR_PRIMARY: 'primary',
      CONSTR_UNIQUE: 'unique',
      CONSTR_FOREIGN: 'foreign',
      CONSTR_CHECK: 'check',
      CONSTR_EXCLUSION: 'exclusion',
      CONSTR_NOTNULL: 'notnull'
    };
    const kind = c.contype === undefined ? undefined : kinds[c.contype];
    if (!kind) return;
    let columns = kind === 'foreign' ? names(c.fk_attrs) : names(c.keys);
    if (c.indexname && columns.length === 0) {
      const index = this.indexes.get(`${table.schema}.${c.indexname}`);
      columns = index?.columns ?? [];
    }
    if (kind === 'check') columns = checkedColumns(c.raw_expr);
    const name = c.conname ?? defaultConstraintName(table.name, kind, columns);
    table.constraints.set(name, {
      name,
      kind,
      columns,
      validated: !c.skip_validation,
      ...(kind === 'check' ? { provesNotNull: provenNotNull(c.raw_expr) } : {}),
      references: kind === 'foreign' && c.pktable ? this.qualify(c.pktable).key : undefined,
      addedIn: changeSet
    });
    if (kind === 'primary') markNotNull(table, columns);
    if (c.indexname && (kind === 'primary' || kind === 'unique')) {
      // USING INDEX turns the index into the constraint's own: it no longer exists under its old name.
      this.indexes.delete(`${table.schema}.${c.indexname}`);
    }
  }

  private alterTable(body: AlterTableStmt, changeSet: number, problems: CatalogProblem[]): void {
    if (body.objtype && body.objtype !== 'OBJECT_TABLE') return;
    const q = this.qualify(body.relation);
    const table = this.table(q.key);
    if (!table) {
      if (this.unseen(q.name) && !body.missing_ok) {
        problems.push({
          message: `table ${q.name} does not exist in the schema built so far`,
          location: body.relation?.location
        });
      }
      return;
    }
    for (const node of body.cmds ?? []) {
      const cmd = as(node, 'AlterTableCmd');
      if (!cmd) continue;
      // Every subcommand handled below names its column or constraint.
      const name = cmd.name ?? '';
      const column = name ? table.columns.get(name) : undefined;
      const missingColumn = () => {
        if (!cmd.missing_ok && !table.columnsUnknown && this.unseen(name, table.name))
          problems.push({
            message: `column ${cmd.name} does not exist in table ${table.name}`,
            location: body.relation?.location
          });
      };
      switch (cmd.subtype) {
        case 'AT_AddColumn': {
          const def = as(cmd.def, 'ColumnDef');
          if (def && !(cmd.missing_ok && table.columns.has(def.colname ?? ''))) this.addColumn(table, def, changeSet);
          break;
        }
        case 'AT_DropColumn':
          if (!column) missingColumn();
          table.columns.delete(name);
          for (const [key, c] of table.constraints) if (c.columns.includes(name)) table.constraints.delete(key);
          for (const [key, index] of this.indexes)
            if (index.table === table.key && index.columns.includes(name)) this.indexes.delete(key);
          break;
        case 'AT_AlterColumnType':
          if (!column) missingColumn();
          else column.type = typeRef(as(cmd.def, 'ColumnDef')?.typeName);
          break;
        case 'AT_SetNotNull':
          if (!column) missingColumn();
          else column.notNull = true;
          break;
        case 'AT_DropNotNull':
          if (!column) missingColumn();
          else column.notNull = false;
          break;
        case 'AT_ColumnDefault':
          if (!column) missingColumn();
          else column.hasDefault = cmd.def !== undefined;
          break;
        case 'AT_AddConstraint': {
          const c = as(cmd.def, 'Constraint');
          if (c) this.addConstraint(table, c, changeSet);
          break;
        }
        case 'AT_ValidateConstraint': {
          const c = table.constraints.get(name);
          if (c) c.validated = true;
          break;
        }
        case 'AT_DropConstraint':
          if (!table.constraints.delete(name)) {
            // Constraint names the replay had to invent may differ from the server's: only a known table with
            // no constraint at all is evidence enough.
            if (!cmd.missing_ok && table.constraints.size === 0 && this.unseen(name, table.name)) {
              problems.push({
                message: `constraint ${cmd.name} does not exist on table ${table.name}`,
                location: body.relation?.location
              });
            }
          }
          this.indexes.delete(`${table.schema}.${cmd.name}`);
          break;
        default:
          break;
      }
    }
  }

  private rename(body: RenameStmt, problems: CatalogProblem[]): void {
    // Every rename handled below has a new name, and a column or constraint rename its old one.
    const newname = body.newname ?? '';
    const subname = body.subname ?? '';
    const missing = (message: string, location?: number) => {
      const names = [body.relation?.relname, body.subname].filter((n): n is string => typeof n === 'string');
      if (!body.missing_ok && this.unseen(...names)) problems.push({ message, location });
    };
    switch (body.renameType) {
      case 'OBJECT_TABLE':
      case 'OBJECT_VIEW':
      case 'OBJECT_MATVIEW': {
        const q = this.qualify(body.relation);
        const table = this.tables.get(q.key);
        if (!table) {
          if (body.renameType === 'OBJECT_TABLE')
            missing(`table ${q.name} does not exist in the schema built so far`, body.relation?.location);
          return;
        }
        const key = `${q.schema}.${newname}`;
        this.tables.delete(q.key);
        table.name = newname;
        table.key = key;
        this.tables.set(key, table);
        for (const index of this.indexes.values()) if (index.table === q.key) index.table = key;
        return;
      }
      case 'OBJECT_COLUMN': {
        const q = this.qualify(body.relation);
        const table = this.tables.get(q.key);
        if (!table)
          return missing(`table ${q.name} does not exist in the schema built so far`, body.relation?.location);
        const column = table.columns.get(subname);
        if (!column && table.columnsUnknown) return;
        if (!column) return missing(`column ${subname} does not exist in table ${q.name}`, body.relation?.location);
        table.columns.delete(subname);
        column.name = newname;
        table.columns.set(newname, column);
        const swap = (cols: string[]) => cols.map((c) => (c === subname ? newname : c));
        for (const c of table.constraints.values()) c.columns = swap(c.columns);
        for (const index of this.indexes.values()) if (index.table === table.key) index.columns = swap(index.columns);
        return;
      }
      case 'OBJECT_INDEX': {
        const q = this.qualify(body.relation);
        const index = this.indexes.get(q.key);
        if (!index) {
          // An index may be a constraint's index, which the replay tracks as a constraint.
          const owner = [...this.tables.values()].find((t) => t.schema === q.schema && t.constraints.has(q.name));
          if (owner) {
            const c = owner.constraints.get(q.name)!;
            owner.constraints.delete(q.name);
            owner.constraints.set(newname, { ...c, name: newname });
          }
          return;
        }
        this.indexes.delete(q.key);
        index.name = newname;
        index.key = `${q.schema}.${newname}`;
        this.indexes.set(index.key, index);
        return;
      }
      case 'OBJECT_TABCONSTRAINT': {
        const table = this.tables.get(this.qualify(body.relation).key);
        const c = table?.constraints.get(subname);
        if (table && c) {
          table.constraints.delete(subname);
          table.constraints.set(newname, { ...c, name: newname });
        }
        return;
      }
      default:
        return;
    }
  }

  private drop(body: DropStmt, problems: CatalogProblem[]): void {
    for (const object of body.objects ?? []) {
      const list = as(object, 'List')?.items;
      switch (body.removeType) {
        case 'OBJECT_TABLE': {
          const q = this.qualifyList(list);
          if (!this.tables.delete(q.key)) {
            if (!body.missing_ok && this.unseen(q.name))
              problems.push({ message: `table ${q.name} does not exist in the schema built so far` });
          }
          for (const [key, index] of this.indexes) if (index.table === q.key) this.indexes.delete(key);
          break;
        }
        case 'OBJECT_INDEX': {
          const q = this.qualifyList(list);
          if (!this.indexes.delete(q.key)) {
            const owner = [...this.tables.values()].find((t) => t.schema === q.schema && t.constraints.has(q.name));
            owner?.constraints.delete(q.name);
          }
          break;
        }
        case 'OBJECT_TYPE': {
          const typeName = as(object, 'TypeName');
          if (typeName) this.types.delete(listName(typeName.names).key);
          break;
        }
        default:
          // Views are not modelled (a view and a table cannot share a name, so nothing to remove).
          break;
      }
    }
  }

  private createIndex(body: IndexStmt, changeSet: number): void {
    const table = this.qualify(body.relation);
    // An expression element keeps its place (as "(expression)") so "leading columns" stop there.
    const columns = (body.indexParams ?? []).map((p) => as(p, 'IndexElem')?.name ?? '(expression)');
    const name =
      body.idxname ?? `${table.name}_${columns.map((c) => (c === '(expression)' ? 'expr' : c)).join('_')}_idx`;
    const key = `${table.schema}.${name}`;
    if (this.indexes.has(key) && body.if_not_exists) return;
    this.indexes.set(key, { name, key, table: table.key, columns, unique: !!body.unique, createdIn: changeSet });
    if (body.primary) {
      const info = this.tables.get(table.key);
      if (info) markNotNull(info, columns);
    }
  }
}

/** PostgreSQL's generated constraint names (ChooseConstraintName): t_pkey, t_a_b_key, t_a_fkey, t_a_check... */
function defaultConstraintName(table: string, kind: ConstraintKind, columns: string[]): string {
  const cols = columns.length ? `_${columns.join('_')}` : '';
  switch (kind) {
    case 'primary':
      return `${table}_pkey`;
    case 'unique':
      return `${table}${cols}_key`;
    case 'foreign':
      return `${table}${cols}_fkey`;
    case 'exclusion':
      return `${table}${cols}_excl`;
    case 'notnull':
      return `${table}${cols}_not_null`;
    default:
      return `${table}${columns.length ? `_${columns[0]}` : ''}_check`;
  }
}

/** Columns a CHECK expression mentions. */
function checkedColumns(expr: Node | undefined): string[] {
  const found = new Set<string>();
  for (const ref of findAll(expr, 'ColumnRef')) {
    const field = names(ref.fields).pop();
    if (field) found.add(field);
  }
  return [...found];
}

/** Columns `col IS NOT NULL` proves, alone or as terms of an AND. */
function provenNotNull(expr: Node | undefined): string[] {
  const test = as(expr, 'NullTest');
  if (test?.nulltesttype === 'IS_NOT_NULL') {
    const field = names(as(test.arg, 'ColumnRef')?.fields).pop();
    return field ? [field] : [];
  }
  const bool = as(expr, 'BoolExpr');
  if (bool?.boolop === 'AND_EXPR') return (bool.args ?? []).flatMap(provenNotNull);
  return [];
}

function markNotNull(table: TableInfo, columns: string[]): void {
  for (const name of columns) {
    const column = table.columns.get(name);
    if (column) column.notNull = true;
  }
}

export type { ByteRange };
