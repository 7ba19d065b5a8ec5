// Syntax the target server does not have yet: the parser is PostgreSQL 18's, so it accepts statements an
// older server rejects. Each row names the release that added the syntax (from the PostgreSQL release notes).
import type { AlterTableStmt, ColumnDef, Constraint, ReturningClause } from '@pgsql/types';
import { as, wrapperOf } from '../engine/ast.js';
import { defineRule, type RuleContext } from '../engine/rule.js';

interface Use {
  what: string;
  since: number;
  /** Parser location of the syntax, when it has one. */
  location?: number;
}

const MULTIRANGES = new Set([
  'int4multirange',
  'int8multirange',
  'nummultirange',
  'tsmultirange',
  'tstzmultirange',
  'datemultirange',
  'anymultirange'
]);

/** SQL/JSON expression nodes, by the release that added them. */
const JSON_NODES = new Map<string, [string, number]>([
  ['JsonObjectConstructor', ['JSON_OBJECT()', 16]],
  ['JsonArrayConstructor', ['JSON_ARRAY()', 16]],
  ['JsonArrayQueryConstructor', ['JSON_ARRAY(query)', 16]],
  ['JsonObjectAgg', ['JSON_OBJECTAGG()', 16]],
  ['JsonArrayAgg', ['JSON_ARRAYAGG()', 16]],
  ['JsonIsPredicate', ['IS JSON', 16]],
  ['JsonTable', ['JSON_TABLE()', 17]],
  ['JsonParseExpr', ['JSON()', 17]],
  ['JsonScalarExpr', ['JSON_SCALAR()', 17]],
  ['JsonSerializeExpr', ['JSON_SERIALIZE()', 17]]
]);

/** One scan of each statement's text: nearly all have none of these words and are not looked at further. */
const EXPRESSION_WORDS = /json|multirange|ties/i;

/** The words that SQL/JSON syntax starts with (`json(` is the JSON() constructor; `jsonb` is just a type). */
const SQL_JSON_WORDS = /json_[a-z]+|\bjson\s*\(|\bis\s+(?:not\s+)?json\b/i;

const JSON_FUNCTIONS: Record<string, string> = {
  JSON_QUERY_OP: 'JSON_QUERY()',
  JSON_VALUE_OP: 'JSON_VALUE()',
  JSON_EXISTS_OP: 'JSON_EXISTS()'
};

function constraintUses(c: Constraint | undefined, uses: Use[]): void {
  if (!c) return;
  const at = c.location;
  if (c.contype === 'CONSTR_GENERATED')
    uses.push(
      c.generated_kind === 'v'
        ? { what: 'virtual generated columns', since: 18, location: at }
        : { what: 'generated columns (GENERATED ALWAYS AS ... STORED)', since: 12, location: at }
    );
  if (c.contype === 'CONSTR_IDENTITY') uses.push({ what: 'identity columns', since: 10, location: at });
  if (c.nulls_not_distinct) uses.push({ what: 'NULLS NOT DISTINCT', since: 15, location: at });
  if ((c.including ?? []).length > 0) uses.push({ what: 'INCLUDE columns of a constraint', since: 11, location: at });
  if (c.without_overlaps) uses.push({ what: 'WITHOUT OVERLAPS', since: 18, location: at });
  // The parser marks every CHECK and FOREIGN KEY enforced unless NOT ENFORCED (PostgreSQL 18) is written.
  if ((c.contype === 'CONSTR_CHECK' || c.contype === 'CONSTR_FOREIGN') && c.is_enforced !== true)
    uses.push({ what: 'NOT ENFORCED constraints', since: 18, location: at });
  if (c.contype === 'CONSTR_ATTR_NOT_ENFORCED' || c.contype === 'CONSTR_ATTR_ENFORCED')
    uses.push({ what: '[NOT] ENFORCED constraints', since: 18, location: at });
}

function columnUses(def: ColumnDef | undefined, uses: Use[]): void {
  if (def?.compression) uses.push({ what: 'COMPRESSION of a column', since: 14, location: def.location });
  for (const node of def?.constraints ?? []) constraintUses(as(node, 'Constraint'), uses);
}

function alterTableUses(body: AlterTableStmt, uses: Use[]): void {
  for (const node of body.cmds ?? []) {
    const cmd = as(node, 'AlterTableCmd');
    switch (cmd?.subtype) {
      case 'AT_AddColumn':
        columnUses(as(cmd.def, 'ColumnDef'), uses);
        break;
      case 'AT_AddConstraint': {
        const c = as(cmd.def, 'Constraint');
        constraintUses(c, uses);
        if (c?.contype === 'CONSTR_NOTNULL')
          uses.push({ what: 'NOT NULL table constraints', since: 18, location: c.location });
        break;
      }
      case 'AT_AttachPartition':
        uses.push({ what: 'declarative partitioning (ATTACH PARTITION)', since: 10 });
        break;
      case 'AT_DetachPartition':
        if (as(cmd.def, 'PartitionCmd')?.concurrent)
          uses.push({ what: 'DETACH PARTITION ... CONCURRENTLY', since: 14 });
        break;
      case 'AT_DetachPartitionFinalize':
        uses.push({ what: 'DETACH PARTITION ... FINALIZE', since: 14 });
        break;
      case 'AT_SetCompression':
        uses.push({ what: 'ALTER COLUMN ... SET COMPRESSION', since: 14 });
        break;
      case 'AT_SetAccessMethod':
        uses.push({ what: 'SET ACCESS METHOD', since: 15 });
        break;
      case 'AT_DropExpression':
        uses.push({ what: 'ALTER COLUMN ... DROP EXPRESSION', since: 13 });
        break;
      case 'AT_SetExpression':
        uses.push({ what: 'ALTER COLUMN ... SET EXPRESSION', since: 17 });
        break;
      case 'AT_AddIdentity':
        uses.push({ what: 'identity columns', since: 10 });
        break;
      default:
        break;
    }
  }
}

function returningUses(body: { returningClause?: ReturningClause }, uses: Use[]): void {
  for (const option of body.returningClause?.options ?? [])
    uses.push({
      what: 'RETURNING WITH (OLD / NEW AS ...)',
      since: 18,
      location: as(option, 'ReturningOption')?.location
    });
}

/** What of the statement needs which release; expressions are only searched when their keywords appear. */
export function syntaxUses(ctx: Pick<RuleContext, 'statement' | 'transaction'>): Use[] {
  const { kind, body, sql, embedded } = ctx.statement;
  const uses: Use[] = [];
  switch (kind) {
    case 'MergeStmt':
      uses.push({ what: 'MERGE', since: 15 });
      if (body.returningClause) uses.push({ what: 'MERGE ... RETURNING', since: 17 });
      if (
        (body.mergeWhenClauses ?? []).some(
          (w) => as(w, 'MergeWhenClause')?.matchKind === 'MERGE_WHEN_NOT_MATCHED_BY_SOURCE'
        )
      )
        uses.push({ what: 'MERGE ... WHEN NOT MATCHED BY SOURCE', since: 17 });
      returningUses(body, uses);
      break;
    case 'InsertStmt':
    case 'UpdateStmt':
    case 'DeleteStmt':
      returningUses(body, uses);
      break;
    case 'IndexStmt':
      if (body.nulls_not_distinct) uses.push({ what: 'NULLS NOT DISTINCT', since: 15 });
      if ((body.indexIncludingParams ?? []).length > 0) uses.push({ what: 'CREATE INDEX ... INCLUDE', since: 11 });
      break;
    case 'ReindexStmt':
      if ((body.params ?? []).some((p) => as(p, 'DefElem')?.defname === 'concurrently'))
        uses.push({ what: 'REINDEX CONCURRENTLY', since: 12 });
      break;
    case 'CreateStmt':
      for (const element of body.tableElts ?? []) {
        columnUses(as(element, 'ColumnDef'), uses);
        const c = as(element, 'Constraint');
        constraintUses(c, uses);
        if (c?.contype === 'CONSTR_NOTNULL')
          uses.push({ what: 'NOT NULL table constraints', since: 18, location: c.location });
      }
      if (body.partspec) {
        uses.push({ what: 'declarative partitioning (PARTITION BY)', since: 10 });
        if (body.partspec.strategy === 'PARTITION_STRATEGY_HASH') uses.push({ what: 'hash partitioning', since: 11 });
      }
      if (body.partbound) uses.push({ what: 'declarative partitioning (PARTITION OF)', since: 10 });
      if (body.partbound?.is_default) uses.push({ what: 'a DEFAULT partition', since: 11 });
      if (body.accessMethod) uses.push({ what: 'CREATE TABLE ... USING (table access methods)', since: 12 });
      break;
    case 'AlterTableStmt':
      alterTableUses(body, uses);
      break;
    case 'CreateFunctionStmt':
      if (body.is_procedure) uses.push({ what: 'procedures (CREATE PROCEDURE)', since: 11 });
      break;
    case 'CallStmt':
      uses.push({ what: 'CALL', since: 11 });
      break;
    case 'CreateStatsStmt':
      uses.push({ what: 'CREATE STATISTICS', since: 10 });
      break;
    case 'ViewStmt':
      if ((body.options ?? []).some((o) => as(o, 'DefElem')?.defname === 'security_invoker'))
        uses.push({ what: 'security_invoker views', since: 15 });
      break;
    case 'CreateTrigStmt':
      if (body.replace) uses.push({ what: 'CREATE OR REPLACE TRIGGER', since: 14 });
      break;
    case 'CopyStmt':
      if (body.whereClause) uses.push({ what: 'COPY ... WHERE', since: 12 });
      for (const option of body.options ?? []) {
        const name = as(option, 'DefElem')?.defname;
        if (name === 'on_error' || name === 'log_verbosity')
          uses.push({ what: `COPY ... (${name.toUpperCase()})`, since: 17 });
      }
      break;
    case 'DropdbStmt':
      if ((body.options ?? []).some((o) => as(o, 'DefElem')?.defname === 'force'))
        uses.push({ what: 'DROP DATABASE ... WITH (FORCE)', since: 13 });
      break;
    case 'AlterEnumStmt':
      if (body.oldVal) uses.push({ what: 'ALTER TYPE ... RENAME VALUE', since: 10 });
      else if (body.newVal && (ctx.transaction.inTransaction || embedded))
        uses.push({ what: 'ALTER TYPE ... ADD VALUE inside a transaction block', since: 12 });
      break;
    default:
      break;
  }
  // Expressions can sit anywhere (defaults, checks, queries): the tree is walked once, and only for statements
  // whose text has one of the keywords (a jsonb column alone does not count).
  if (EXPRESSION_WORDS.test(sql)) {
    const json = SQL_JSON_WORDS.test(sql);
    const multirange = /multirange/i.test(sql);
    const ties = /\bties\b/i.test(sql);
    if (json || multirange || ties) expressionUses(body, { json, multirange, ties }, uses);
  }
  return uses;
}

/** SQL/JSON expressions, multirange types and constructors, and WITH TIES, in one walk of the tree. */
function expressionUses(node: unknown, look: { json: boolean; multirange: boolean; ties: boolean }, uses: Use[]): void {
  const last = (list: unknown) =>
    (Array.isArray(list) ? (list as unknown[]) : []).map((n) => as(wrapperOf(n), 'String')?.sval).pop();
  // Every object of the tree is visited with the key it sits under, which names its type (`FuncCall`,
  // `typeName`); the fields read are the ones those types have, each checked for its JSON type.
  const visit = (node: unknown, key: string): void => {
    if (Array.isArray(node)) {
      for (const item of node as unknown[]) visit(item, '');
      return;
    }
    if (!node || typeof node !== 'object') return;
    const value = node as Readonly<Record<string, unknown>>;
    const location = typeof value.location === 'number' ? value.location : undefined;
    if (look.json) {
      const json = JSON_NODES.get(key);
      if (json) uses.push({ what: json[0], since: json[1], location });
      else if (key === 'JsonFuncExpr')
        uses.push({
          what: (typeof value.op === 'string' ? JSON_FUNCTIONS[value.op] : undefined) ?? 'SQL/JSON query functions',
          since: 17,
          location
        });
    }
    if (look.multirange) {
      const name =
        key === 'typeName' || key === 'TypeName'
          ? last(value.names)
          : key === 'FuncCall'
            ? last(value.funcname)
            : undefined;
      if (name !== undefined && MULTIRANGES.has(name)) uses.push({ what: 'multirange types', since: 14, location });
    }
    if (look.ties && value.limitOption === 'LIMIT_OPTION_WITH_TIES')
      uses.push({ what: 'FETCH FIRST ... WITH TIES', since: 13 });
    for (const [k, v] of Object.entries(value)) if (v && typeof v === 'object') visit(v, k);
  };
  visit(node, '');
}

export const unsupportedSyntax = defineRule({
  id: 'unsupported-syntax',
  severity: 'error',
  message: 'The target PostgreSQL version does not have this syntax: the server rejects the statement',
  help: 'The linter parses with the PostgreSQL 18 parser, so it accepts syntax that older servers reject. With `pg-version` set to the server the migrations deploy to, statements that use syntax added in a later release (MERGE in 15, NULLS NOT DISTINCT in 15, REINDEX CONCURRENTLY in 12, generated columns in 12, CREATE INDEX ... INCLUDE and procedures in 11, CREATE OR REPLACE TRIGGER and DETACH PARTITION CONCURRENTLY in 14, SQL/JSON constructors in 16, JSON_TABLE in 17, and more: see the rule page) are reported, because the deploy would fail on them. Rewrite the statement for that version, or raise `pg-version` if the server is newer.',
  equivalents: {},
  // The parser is PostgreSQL 18's: nothing it accepts is newer than that.
  pgVersions: { max: 17 },
  check(ctx) {
    const uses = syntaxUses(ctx);
    if (uses.length === 0) return;
    const seen = new Set<string>();
    for (const use of uses) {
      if (use.since <= ctx.pgVersion || seen.has(use.what)) continue;
      seen.add(use.what);
      ctx.report({
        message: `PostgreSQL ${ctx.pgVersion} (pg-version) rejects this statement: ${use.what} arrived in PostgreSQL ${use.since}`,
        range: use.location !== undefined && use.location >= 0 ? ctx.at(use.location) : undefined
      });
    }
  }
});
