// Shared readers for the compatibility and hygiene rules. The parser gives no location for ALTER TABLE
// subcommands, identifiers or the end of a type name, so findings point at them through the statement's
// tokens (engine/sql-lexer.ts: quoting, dollar quotes and comments handled as the server's scanner does).
import { as } from '../engine/ast.js';
import type { ParsedStatement } from '../engine/parse.js';
import { NEW_TABLE, type RuleContext } from '../engine/rule.js';
import { stateKey, statementMemo } from '../engine/rule-state.js';
import type { RangeVar, TypeName } from '@pgsql/types';
import type { ByteRange } from '../engine/types.js';
import { lexSql, type Token } from '../engine/sql-lexer.js';

export type { Token };

const statementTokens = statementMemo('tokens', (statement) => lexSql(statement.sql, statement.range.start));

/** The tokens of the statement being linted, lexed once for all the rules that need them. */
export function tokensOf(ctx: RuleContext): Token[] {
  return statementTokens(ctx, ctx.statement);
}

/** Tokens from a byte offset for up to `chars` characters of the statement (the last may be cut short). */
function tokensFrom(ctx: RuleContext, location: number, chars: number): Token[] {
  const from = ctx.source.charIndex(location);
  const end = ctx.source.charIndex(ctx.statement.range.end);
  const to = Math.min(from + chars, end);
  const tokens = lexSql(ctx.source.text.slice(from, to), location);
  return to < end ? tokens.slice(0, -1) : tokens;
}

/** Index of the first token at or after a byte offset. */
export function tokenAt(tokens: Token[], offset: number): number {
  const i = tokens.findIndex((t) => t.end > offset);
  return i === -1 ? tokens.length : i;
}

/**
 * One byte range per ALTER TABLE subcommand, in the order of `cmds`: the subcommands are the top-level
 * comma-separated parts after the table name.
 */
export function alterTableParts(ctx: RuleContext): ByteRange[] {
  // Asked once per reported subcommand, by several rules: an ALTER TABLE dropping ten columns is split once.
  const memo = ctx.fileState(ALTER_TABLE_PARTS);
  let parts = memo.get(ctx.statement);
  if (!parts) memo.set(ctx.statement, (parts = readAlterTableParts(ctx)));
  return parts;
}

const ALTER_TABLE_PARTS = stateKey('alter table parts', () => new Map<ParsedStatement, ByteRange[]>());

function readAlterTableParts(ctx: RuleContext): ByteRange[] {
  const { statement } = ctx;
  const tokens = tokensOf(ctx);
  const relation = statement.kind === 'AlterTableStmt' ? statement.body.relation : undefined;
  let i = relation?.location !== undefined ? tokenAt(tokens, relation.location) : 0;
  // The table name: ident ( . ident )* [*]
  if (i < tokens.length) i++;
  while (i + 1 < tokens.length && tokens[i].text === '.') i += 2;
  if (tokens[i]?.text === '*') i++;
  const parts: ByteRange[] = [];
  let depth = 0;
  let begin = i;
  for (; i <= tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined || t.text === ';' || (depth === 0 && t.text === ',')) {
      if (begin < i) parts.push({ start: tokens[begin].start, end: tokens[i - 1].end });
      begin = i + 1;
      if (t === undefined || t.text === ';') break;
      continue;
    }
    if (t.text === '(' || t.text === '[') depth++;
    else if (t.text === ')' || t.text === ']') depth--;
  }
  return parts;
}

/** The range of ALTER TABLE subcommand `index`, or the whole statement when it cannot be told apart. */
export function alterTablePart(ctx: RuleContext, index: number): ByteRange {
  const { statement } = ctx;
  const parts = alterTableParts(ctx);
  const cmds = statement.kind === 'AlterTableStmt' ? (statement.body.cmds ?? []) : [];
  return parts.length === cmds.length ? parts[index] : statement.range;
}

const TYPE_WORDS = new Set(['character', 'char', 'varying', 'precision', 'with', 'without', 'time', 'zone', 'array']);

/** The range of a type name written at `location` (`timestamp(3) without time zone[]`, `public.mood`). */
export function typeRange(ctx: RuleContext, location: number | undefined): ByteRange {
  if (location === undefined) return ctx.statement.range;
  // A type name is short: scanning a window from its start costs far less than the whole CREATE TABLE.
  const tokens = tokensFrom(ctx, location, 400);
  let i = tokenAt(tokens, location);
  if (i >= tokens.length) return ctx.statement.range;
  const start = tokens[i].start;
  let end = tokens[i].end;
  i++;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.text === '.' && tokens[i + 1]?.word !== undefined) {
      end = tokens[i + 1].end;
      i += 2;
    } else if (t.text === '(' || t.text === '[') {
      const close = t.text === '(' ? ')' : ']';
      let depth = 0;
      for (; i < tokens.length; i++) {
        if (tokens[i].text === t.text) depth++;
        else if (tokens[i].text === close && --depth === 0) break;
      }
      if (i >= tokens.length) break;
      end = tokens[i].end;
      i++;
    } else if (t.word !== undefined && TYPE_WORDS.has(t.word) && !t.text.startsWith('"')) {
      // `national character`, `double precision`, `timestamp with time zone`, `int ARRAY`; not `WITH (...)`.
      if (t.word === 'with' && tokens[i + 1]?.word !== 'time') break;
      end = t.end;
      i++;
    } else break;
  }
  return { start, end };
}

/** A column definition or type change a statement makes: where a column's type is chosen. */
export interface ColumnType {
  /** The RangeVar of the table. */
  relation: RangeVar | undefined;
  column: string | undefined;
  typeName: TypeName;
  /** How the type is chosen: in CREATE TABLE, ADD COLUMN, or ALTER COLUMN ... TYPE. */
  via: 'create' | 'add' | 'alter';
  /** Index of the ALTER TABLE subcommand, for 'add' and 'alter'. */
  cmd?: number;
}

// Every type rule asks for the same statement's columns in turn.
const statementColumnTypes = statementMemo('column types', readColumnTypes);

/** Every column whose type the CREATE TABLE or ALTER TABLE being linted chooses. */
export function columnTypes(ctx: RuleContext): ColumnType[] {
  return statementColumnTypes(ctx, ctx.statement);
}

function readColumnTypes(statement: ParsedStatement): ColumnType[] {
  const { kind, body } = statement;
  const found: ColumnType[] = [];
  if (kind === 'CreateStmt') {
    for (const element of body.tableElts ?? []) {
      const def = as(element, 'ColumnDef');
      if (def?.typeName)
        found.push({ relation: body.relation, column: def.colname, typeName: def.typeName, via: 'create' });
    }
  } else if (kind === 'AlterTableStmt' && (body.objtype ?? 'OBJECT_TABLE') === 'OBJECT_TABLE') {
    (body.cmds ?? []).forEach((node, index) => {
      const cmd = as(node, 'AlterTableCmd');
      const def = as(cmd?.def, 'ColumnDef');
      if (!cmd || !def?.typeName) return;
      if (cmd.subtype === 'AT_AddColumn')
        found.push({ relation: body.relation, column: def.colname, typeName: def.typeName, via: 'add', cmd: index });
      else if (cmd.subtype === 'AT_AlterColumnType')
        found.push({ relation: body.relation, column: cmd.name, typeName: def.typeName, via: 'alter', cmd: index });
    });
  }
  return found;
}

/** The unqualified type name as the parser canonicalises it (`int` gives int4), and whether it was qualified. */
export function baseTypeName(typeName: TypeName | undefined): { name: string; qualified: boolean } {
  const parts = (typeName?.names ?? []).map((n) => as(n, 'String')?.sval ?? '');
  return { name: parts[parts.length - 1] ?? '', qualified: parts.length > 1 && parts[0] !== 'pg_catalog' };
}

/** The exemption of a column added in this change set by ADD COLUMN. */
export const NEW_COLUMN = 'column added in this change set';

/**
 * Why a drop or rename of the column cannot break a release that is already running (none knows the column),
 * or undefined when one may use it.
 */
export function newColumnExemption(
  ctx: RuleContext,
  relation: RangeVar | undefined,
  column: string | undefined
): string | undefined {
  if (ctx.isNewTable(relation)) return NEW_TABLE;
  return ctx.isNewColumn(relation, column) ? NEW_COLUMN : undefined;
}

/** Reports each column type of the statement that `matches`, at the type name. */
export function reportColumnTypes(
  ctx: RuleContext,
  matches: (name: string, typeName: TypeName) => boolean,
  message: (column: ColumnType, written: string) => string
): void {
  for (const column of columnTypes(ctx)) {
    const { name, qualified } = baseTypeName(column.typeName);
    if (qualified || !matches(name, column.typeName)) continue;
    const range = typeRange(ctx, column.typeName.location);
    ctx.report({ range, message: message(column, ctx.source.slice(range)) });
  }
}

/** `table.column` for messages. */
export function columnLabel(relation: RangeVar | undefined, column: string | undefined): string {
  return `${relation?.relname ?? '?'}.${column}`;
}

/** NAMEDATALEN - 1 in a default build of the server. */
export const MAX_IDENTIFIER_BYTES = 63;

/** The name the server keeps: at most 63 bytes, cut at a character boundary. */
export function truncateIdentifier(name: string): string {
  if (Buffer.byteLength(name, 'utf8') <= MAX_IDENTIFIER_BYTES) return name;
  let kept = '';
  for (const char of name) {
    if (Buffer.byteLength(kept + char, 'utf8') > MAX_IDENTIFIER_BYTES) break;
    kept += char;
  }
  return kept;
}
