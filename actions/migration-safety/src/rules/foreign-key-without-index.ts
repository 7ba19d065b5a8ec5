import { as, names, quoteIdent, quoteQualified, relationName, type QualifiedName } from '../engine/ast.js';
import type { ParsedStatement } from '../engine/parse.js';
import { defineRule, type RuleContext } from '../engine/rule.js';
import { statementMemo } from '../engine/rule-state.js';
import type { ColumnDef, Constraint } from '@pgsql/types';
import { elementRange } from './ubos-support.js';

interface ForeignKey {
  columns: string[];
  references: QualifiedName;
  /** Where the constraint (or the column carrying it) starts. */
  location?: number;
}

interface Shape {
  foreignKeys: ForeignKey[];
  /** Column lists of PRIMARY KEY / UNIQUE constraints created by the same statement: their index serves the FK. */
  keys: string[][];
}

/** A column-level REFERENCES carries no column list of its own: the column is the referencing column. */
function collectColumn(def: ColumnDef, shape: Shape): void {
  const name = def.colname ?? '';
  for (const node of def.constraints ?? []) {
    const c = as(node, 'Constraint');
    if (c?.contype === 'CONSTR_FOREIGN')
      shape.foreignKeys.push({ columns: [name], references: relationName(c.pktable), location: def.location });
    if (c?.contype === 'CONSTR_PRIMARY' || c?.contype === 'CONSTR_UNIQUE') shape.keys.push([name]);
  }
}

function collectConstraint(c: Constraint, shape: Shape): void {
  if (c.contype === 'CONSTR_FOREIGN')
    shape.foreignKeys.push({ columns: names(c.fk_attrs), references: relationName(c.pktable), location: c.location });
  if ((c.contype === 'CONSTR_PRIMARY' || c.contype === 'CONSTR_UNIQUE') && !c.indexname) shape.keys.push(names(c.keys));
}

function shapeOf(statement: ParsedStatement): Shape {
  const shape: Shape = { foreignKeys: [], keys: [] };
  if (statement.kind === 'CreateStmt') {
    for (const element of statement.body.tableElts ?? []) {
      const column = as(element, 'ColumnDef');
      if (column) collectColumn(column, shape);
      const constraint = as(element, 'Constraint');
      if (constraint) collectConstraint(constraint, shape);
    }
  } else if (statement.kind === 'AlterTableStmt' && (statement.body.objtype ?? 'OBJECT_TABLE') === 'OBJECT_TABLE') {
    for (const node of statement.body.cmds ?? []) {
      const cmd = as(node, 'AlterTableCmd');
      const column = cmd?.subtype === 'AT_AddColumn' ? as(cmd.def, 'ColumnDef') : undefined;
      if (column) collectColumn(column, shape);
      const constraint = cmd?.subtype === 'AT_AddConstraint' ? as(cmd.def, 'Constraint') : undefined;
      if (constraint) collectConstraint(constraint, shape);
    }
  }
  return shape;
}

// Each foreign key not yet indexed looks at every later statement: a file of many foreign keys asks for the
// same statements' shapes again and again.
const shapeOfStatement = statementMemo('foreign keys and keys', shapeOf);

/**
 * True when `index` (an ordered column list, undefined for expression elements) can look up `wanted`: its
 * leading columns are exactly the wanted ones, in any order. An expression element ends the usable prefix.
 */
function leadsWith(index: (string | undefined)[], wanted: string[]): boolean {
  const set = new Set(wanted);
  const prefix = index.slice(0, set.size);
  return prefix.length === set.size && prefix.every((c) => c !== undefined && set.has(c));
}

/**
 * An index or key created after the foreign key in the same change set (later in the file, or in a later file
 * shipped with it): ORMs write the index after the FK, and people often add it in the next migration.
 */
function createdLater(ctx: RuleContext, tableKey: string, wanted: string[]): boolean {
  for (const later of ctx.laterInChangeSet()) {
    if (later.kind === 'IndexStmt' && relationName(later.body.relation).key === tableKey) {
      const columns = (later.body.indexParams ?? []).map((p) => as(p, 'IndexElem')?.name);
      if (leadsWith(columns, wanted)) return true;
    } else if (
      later.kind === 'AlterTableStmt' &&
      relationName(later.body.relation).key === tableKey &&
      shapeOfStatement(ctx, later).keys.some((key) => leadsWith(key, wanted))
    ) {
      return true;
    }
  }
  return false;
}

function indexName(table: QualifiedName, columns: string[]): string {
  return `${table.name}_${columns.join('_')}_idx`.slice(0, 63);
}

export const foreignKeyWithoutIndex = defineRule({
  id: 'foreign-key-without-index',
  severity: 'warning',
  message: 'Foreign key without an index on its referencing columns',
  help: 'PostgreSQL indexes the referenced side of a foreign key (it must be a primary key or unique), never the referencing side. Without an index leading with the referencing columns, every DELETE or key UPDATE of a referenced row scans the whole referencing table to check for (or cascade to) dependent rows, and `ON DELETE CASCADE` / `SET NULL` become slow and lock-heavy; joins from parent to children scan as well. Create the index (`CREATE INDEX CONCURRENTLY` on a table in use, outside a transaction) in the same change set. The finding carries the statement for the actual table and columns.',
  equivalents: { eugene: ['E15'] },
  kinds: ['CreateStmt', 'AlterTableStmt'],
  check(ctx) {
    const { kind, body } = ctx.statement;
    if (kind !== 'CreateStmt' && kind !== 'AlterTableStmt') return;
    const shape = shapeOfStatement(ctx, ctx.statement);
    if (shape.foreignKeys.length === 0) return;
    const table = relationName(body.relation);
    const creating = kind === 'CreateStmt';
    // CREATE TABLE IF NOT EXISTS of a known table does nothing; ALTER of a table the replay never saw may have
    // indexes we do not know about.
    if (creating ? body.if_not_exists && ctx.catalog.table(table.key) : !ctx.table(body.relation)) return;
    const single = shape.foreignKeys.length === 1 && (creating ? false : (body.cmds ?? []).length === 1);
    for (const fk of shape.foreignKeys) {
      if (fk.columns.length === 0) continue;
      if (shape.keys.some((key) => leadsWith(key, fk.columns))) continue;
      if (!creating && ctx.catalog.hasIndexLeadingWith(table.key, fk.columns)) continue;
      if (createdLater(ctx, table.key, fk.columns)) continue;
      const cols = fk.columns.map(quoteIdent).join(', ');
      const concurrently = creating || ctx.isNewTable(body.relation) ? '' : ' CONCURRENTLY';
      const create = `CREATE INDEX${concurrently} ${quoteIdent(indexName(table, fk.columns))} ON ${quoteQualified(table)} (${cols});`;
      ctx.report({
        message: `Foreign key ${table.name}(${fk.columns.join(', ')}) references ${fk.references.name} but no index on ${table.name} leads with ${fk.columns.join(', ')}: deleting or updating a ${fk.references.name} row scans ${table.name}`,
        range: single ? undefined : elementRange(ctx, fk.location ?? ctx.statement.range.start),
        recipe: {
          title: `Index ${table.name}(${fk.columns.join(', ')}) for the foreign key to ${fk.references.name}`,
          steps: [
            {
              title: concurrently
                ? 'Create the index without blocking writes (outside a transaction)'
                : 'Create the index in the same change set',
              sql: create
            }
          ]
        }
      });
    }
  }
});
