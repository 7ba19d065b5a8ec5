// The SQL a PL/pgSQL `DO` block runs, as statements of the migration. The SQL parser keeps a DO body as one
// opaque string; libpg-query's PL/pgSQL parser compiles it as the server does when the block runs, and gives
// the statement tree: every SQL statement the body can run (in IF / ELSIF / ELSE, CASE, LOOP / WHILE / FOR /
// FOREACH bodies, BEGIN ... EXCEPTION blocks and their handlers, nested blocks and nested DO blocks) and every
// EXECUTE. Each statement becomes a ParsedStatement right after its DO statement, with file offsets (its
// AST locations shifted to where it is written), so every rule, the transaction state and the catalogue
// replay see it like any other statement.
//
// - `EXECUTE` of a constant string (a literal, literals joined with ||, format() / concat() / quote_ident() /
//   quote_literal() of literals) is linted as the SQL it runs; any other EXECUTE is recorded as dynamic SQL,
//   which the `dynamic-sql` rule reports (it cannot be analysed).
// - A body the server would reject (PL/pgSQL or SQL syntax, an EXECUTE string that does not parse) is recorded
//   as unparsed: the driver reports it as a syntax error, and the file as not fully checked.
// - Statements in branches that may not run are marked `conditional`; the replay applies their DDL as if they
//   ran (see README: DO blocks).
//
// Text that is not written verbatim in the file (a body in an escaped '...' string, a string EXECUTE computes)
// is added to the file's SourceText as a virtual text whose offsets map back to the file.
import { as } from './ast.js';
import { safeParserMessage, excerpt } from './excerpt.js';
import { parseStatements, toSyntaxError, type DoBodyProblems, type ParsedStatement } from './parse.js';
import { parsePlpgsql, parseSql, PgSyntaxError } from './pg-parser.js';
import { SourceText } from './source-text.js';
import { lexSql, type Token } from './sql-lexer.js';
import type { Node, SelectStmt } from '@pgsql/types';
import type { PlExprNode, PlFunction, PlStatementNode } from './plpgsql-ast.js';
import { unwrapPlStatement } from './plpgsql-ast.js';

/** DO blocks inside DO blocks (or their EXECUTE strings) read at most this deep. */
const MAX_DEPTH = 8;
/** Loop rows remembered per scope: a hostile block with thousands of nested loops stays linear. */
const MAX_LOOP_ROWS = 64;

interface Scope {
  conditional: boolean;
  loopRows: Map<string, SelectStmt>;
}

/** The code of a DO block as a text with its position: `base` is the byte offset of its first byte. */
interface Code {
  text: string;
  base: number;
  /** Character and byte offsets inside `text`. */
  local: SourceText;
  lineStarts: number[];
}

/**
 * The statements a DO statement's body runs (depth first, nested DO blocks included), each after its own
 * block; `statement.plpgsql` is set to what could not be read. Undefined for a body in another language.
 * Never throws: a body the server would reject is recorded, not raised.
 */
export function readDoBlock(statement: ParsedStatement, source: SourceText, depth = 0): ParsedStatement[] | undefined {
  if (statement.kind !== 'DoStmt') return undefined;
  const options = (statement.body.args ?? []).map((arg) => as(arg, 'DefElem'));
  const option = (name: string): unknown => as(options.find((d) => d?.defname === name)?.arg, 'String')?.sval;
  const language = option('language');
  const value = option('as');
  if (typeof value !== 'string') return undefined;
  const problems: DoBodyProblems = { dynamic: [], unparsed: [] };
  statement.plpgsql = problems;
  if (typeof language === 'string' && language.toLowerCase() !== 'plpgsql') {
    // Another language's code (plpython, plperl...) runs SQL the linter cannot read.
    problems.dynamic.push({ range: statement.range, expression: `a DO block in LANGUAGE ${excerpt(language)}` });
    return undefined;
  }
  const code = locateCode(statement, value, source);
  if (depth >= MAX_DEPTH) {
    problems.unparsed.push({
      message: `DO blocks nested more than ${MAX_DEPTH} deep are not read`,
      range: { start: code.base, end: code.base + 1 }
    });
    return [];
  }
  let tree: PlFunction | undefined;
  try {
    tree = parsePlpgsql(statement.sql).plpgsql_funcs?.[0]?.PLpgSQL_function;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.unparsed.push(locateBodyError(code, reason));
    return [];
  }
  const reader = new BodyReader(statement, source, code, problems, depth, declaredNames(tree));
  reader.walk(tree?.action ? [tree.action] : [], { conditional: false, loopRows: new Map() });
  return reader.statements;
}

/** The names a block declares (its variables, loop variables and records), for expand-contract. */
function declaredNames(fn: PlFunction | undefined): Set<string> {
  const names = new Set<string>();
  for (const datum of fn?.datums ?? []) {
    const inner = Object.values(datum ?? {})[0];
    const name = inner?.refname;
    if (typeof name === 'string' && name !== '(unnamed row)' && !name.startsWith('__Case__')) names.add(name);
  }
  return names;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function codeOf(text: string, base: number): Code {
  return { text, base, local: new SourceText(text), lineStarts: lineStartsOf(text) };
}

/** A string constant's token decoded, with the byte of the token each byte of the value comes from. */
interface Literal {
  value: string;
  /** Byte offset (from the token's start) of the value's first byte, when the value is written verbatim. */
  verbatimAt?: number;
  /** Otherwise: for each byte of the value (and one past its end), its byte offset from the token's start. */
  map?: Uint32Array;
}

function utf8Width(code: number): number {
  return code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3;
}

/** Reads a string token as the SQL scanner would (standard_conforming_strings on, PostgreSQL's default). */
function decodeLiteral(token: string): Literal | undefined {
  const dollar = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(token);
  if (dollar) {
    const tag = dollar[0];
    if (token.length < tag.length * 2 || !token.endsWith(tag)) return undefined;
    return { value: token.slice(tag.length, token.length - tag.length), verbatimAt: Buffer.byteLength(tag, 'utf8') };
  }
  const prefix = /^(?:[eE]|[nN]|[bBxX])?'/.exec(token)?.[0];
  if (!prefix || !token.endsWith("'") || token.length < prefix.length + 1) return undefined;
  const escapes = /^[eE]/.test(prefix);
  const inner = token.slice(prefix.length, -1);
  if (!inner.includes("'") && !(escapes && inner.includes('\\'))) return { value: inner, verbatimAt: prefix.length };
  // '' stands for one quote (and, in E'...', backslash escapes): map each value byte to its source byte.
  const out: string[] = [];
  const map: number[] = [];
  let byte = prefix.length;
  const emit = (text: string, from: number) => {
    out.push(text);
    for (let k = 0; k < text.length; k++) for (let w = utf8Width(text.charCodeAt(k)); w > 0; w--) map.push(from);
  };
  for (let i = 0; i < inner.length;) {
    const c = inner[i];
    const width = utf8Width(inner.charCodeAt(i));
    if (c === "'" && inner[i + 1] === "'") {
      emit("'", byte);
      byte += 2;
      i += 2;
    } else if (escapes && c === '\\' && i + 1 < inner.length) {
      // Only the simple escapes are decoded here; a string with others is mapped to its start (see caller).
      const next = inner[i + 1];
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '\\': '\\', "'": "'" };
      emit(simple[next] ?? next, byte);
      byte += 1 + utf8Width(inner.charCodeAt(i + 1));
      i += 2;
    } else {
      emit(c, byte);
      byte += width;
      i += 1;
    }
  }
  map.push(byte);
  return { value: out.join(''), map: Uint32Array.from(map) };
}

/** The tokens of a DO statement that are string constants (its code, and a LANGUAGE given as a string). */
function codeToken(statement: ParsedStatement): Token | undefined {
  const tokens = lexSql(statement.sql, statement.range.start);
  for (let i = 1; i < tokens.length; i++) {
    const text = tokens[i].text;
    const isString = /^(?:\$|'|[eEnN]')/.test(text);
    if (isString && tokens[i - 1].word !== 'language') return tokens[i];
  }
  return undefined;
}

/** Where the body's code is: its bytes in the file when written verbatim, else a virtual text mapped back. */
function locateCode(statement: ParsedStatement, value: string, source: SourceText): Code {
  const token = codeToken(statement);
  const literal = token ? decodeLiteral(token.text) : undefined;
  if (token && literal && literal.value === value) {
    if (literal.verbatimAt !== undefined) return codeOf(value, token.start + literal.verbatimAt);
    const map = literal.map!;
    const start = token.start;
    return codeOf(
      value,
      source.addVirtual(value, (o) => start + map[Math.min(o, map.length - 1)])
    );
  }
  // A form the lexer reads differently (U&'...', unusual escapes): positions fall on the string token.
  const at = token?.start ?? statement.range.start;
  return codeOf(value, source.addVirtual(value, spread(value, at, token?.end ?? statement.range.end)));
}

/**
 * The position map of a text that has no byte-for-byte source (a computed string): its start falls on `start`,
 * its end on `end`, so a statement's range covers the expression that made it.
 */
function spread(text: string, start: number, end: number): (offset: number) => number {
  const length = Buffer.byteLength(text, 'utf8');
  return (offset) => (offset >= length ? end : start);
}

/** SQL command words: where PostgreSQL's own message gives no position, the first piece that fails is named. */
const SQL_STARTS = new Set([
  'alter',
  'analyze',
  'call',
  'cluster',
  'comment',
  'copy',
  'create',
  'delete',
  'do',
  'drop',
  'grant',
  'insert',
  'lock',
  'merge',
  'refresh',
  'reindex',
  'reset',
  'revoke',
  'select',
  'set',
  'truncate',
  'update',
  'vacuum',
  'with'
]);

/** A body the PL/pgSQL parser rejects: at the SQL statement in it that does not parse, else at its start. */
function locateBodyError(code: Code, reason: string): { message: string; range: { start: number; end: number } } {
  const message = `the PL/pgSQL body of this DO block does not compile: ${safeParserMessage(reason)}`;
  try {
    const tokens = lexSql(code.text, 0);
    let from = 0;
    for (let i = 0; i <= tokens.length; i++) {
      if (i < tokens.length && tokens[i].text !== ';') continue;
      const piece = tokens.slice(from, i);
      from = i + 1;
      // The statement starts after BEGIN / THEN / ELSE / LOOP / DECLARE ... wherever a SQL word begins.
      const k = piece.findIndex((t) => t.word !== undefined && SQL_STARTS.has(t.word));
      if (k === -1) continue;
      const end = i < tokens.length ? tokens[i].start : Buffer.byteLength(code.text, 'utf8');
      const sql = Buffer.from(code.text, 'utf8').subarray(piece[k].start, end).toString('utf8');
      try {
        parseSql(sql);
      } catch (error) {
        if (!(error instanceof PgSyntaxError)) continue;
        const at = toSyntaxError(new SourceText(sql), error).range;
        return {
          message,
          range: { start: code.base + piece[k].start + at.start, end: code.base + piece[k].start + at.end }
        };
      }
    }
  } catch {
    // fall through: the body's start
  }
  return { message, range: { start: code.base, end: code.base + 1 } };
}

/** Adds `delta` to every parser location below `node`, so offsets in a piece of SQL become file offsets. */
function shiftLocations(node: unknown, delta: number): void {
  if (delta === 0 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node as unknown[]) shiftLocations(item, delta);
    return;
  }
  // Any object of the tree (a wrapper, a payload): `location` is a byte offset wherever it appears.
  const fields = node as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (key === 'location' && typeof value === 'number') {
      if (value >= 0) fields[key] = value + delta;
    } else if (value !== null && typeof value === 'object') shiftLocations(value, delta);
  }
}

class BodyReader {
  readonly statements: ParsedStatement[] = [];
  /** Character offset in the code after the last statement located: statements are found in order. */
  private cursor = 0;

  constructor(
    private readonly block: ParsedStatement,
    private readonly source: SourceText,
    private readonly code: Code,
    private readonly problems: DoBodyProblems,
    private readonly depth: number,
    private readonly variables: Set<string>
  ) {}

  walk(list: readonly PlStatementNode[] | undefined, scope: Scope): void {
    for (const node of list ?? []) this.statement(node, scope);
  }

  private statement(node: PlStatementNode, scope: Scope): void {
    const unwrapped = unwrapPlStatement(node);
    if (!unwrapped) return;
    const { kind, body: s } = unwrapped;
    const branch: Scope = scope.conditional ? scope : { ...scope, conditional: true };
    switch (kind) {
      case 'PLpgSQL_stmt_block': {
        const handlers = s.exceptions?.PLpgSQL_exception_block?.exc_list ?? [];
        // Statements of a block that catches errors may fail without failing the migration.
        this.walk(s.body, handlers.length > 0 ? branch : scope);
        for (const handler of handlers) this.walk(handler?.PLpgSQL_exception?.action, branch);
        return;
      }
      case 'PLpgSQL_stmt_if':
        this.walk(s.then_body, branch);
        for (const elsif of s.elsif_list ?? []) this.walk(elsif?.PLpgSQL_if_elsif?.stmts, branch);
        this.walk(s.else_body, branch);
        return;
      case 'PLpgSQL_stmt_case':
        for (const when of s.case_when_list ?? []) this.walk(when?.PLpgSQL_case_when?.stmts, branch);
        this.walk(s.else_stmts, branch);
        return;
      case 'PLpgSQL_stmt_loop':
      case 'PLpgSQL_stmt_while':
      case 'PLpgSQL_stmt_fori':
      case 'PLpgSQL_stmt_foreach_a':
      case 'PLpgSQL_stmt_forc':
        this.walk(s.body, branch);
        return;
      case 'PLpgSQL_stmt_fors': {
        // The query runs once, when the loop is reached; `FOR r IN UPDATE ... RETURNING` changes rows.
        const query = this.sql(s.query, s.lineno, scope);
        const name = s.var?.PLpgSQL_rec?.refname ?? s.var?.PLpgSQL_row?.refname;
        let inner = branch;
        if (query[0]?.kind === 'SelectStmt' && typeof name === 'string') {
          if (scope.loopRows.has(name) || scope.loopRows.size < MAX_LOOP_ROWS) {
            inner = { conditional: true, loopRows: new Map(scope.loopRows).set(name, query[0].body) };
          }
        }
        this.walk(s.body, inner);
        return;
      }
      case 'PLpgSQL_stmt_dynfors':
        this.dynamic(s.query, s.lineno, scope);
        this.walk(s.body, branch);
        return;
      case 'PLpgSQL_stmt_execsql':
        this.sql(s.sqlstmt, s.lineno, scope);
        return;
      case 'PLpgSQL_stmt_call':
        // CALL, and a DO block written directly in the body.
        this.sql(s.expr, s.lineno, scope);
        return;
      case 'PLpgSQL_stmt_dynexecute':
        this.dynamic(s.query, s.lineno, scope);
        return;
      case 'PLpgSQL_stmt_open':
      case 'PLpgSQL_stmt_return_query':
        if (s.dynquery) this.dynamic(s.dynquery, s.lineno, scope);
        return;
      default:
        // Assignments, RAISE, PERFORM, RETURN, EXIT, GET DIAGNOSTICS...: expressions, not statements.
        return;
    }
  }

  /** Where `text` starts in the code, searching from the statement's line (and after the previous one). */
  private locate(text: string, lineno: number | undefined): number | undefined {
    const lineStart = this.code.lineStarts[Math.max(0, (lineno ?? 1) - 1)] ?? 0;
    const from = Math.max(lineStart, this.cursor);
    for (const start of [from, lineStart]) {
      const exact = this.code.text.indexOf(text, start);
      if (exact !== -1) return exact;
      // PL/pgSQL blanks `INTO target` out of the query with spaces: match around them.
      const head = text.split(/\s\s/)[0];
      // Bounded: a hostile body repeating the head thousands of times must not make this quadratic.
      let tries = 0;
      for (
        let at = this.code.text.indexOf(head, start);
        at !== -1 && tries < 200;
        at = this.code.text.indexOf(head, at + 1), tries++
      ) {
        let ok = true;
        for (let i = 0; i < text.length && ok; i++) ok = /\s/.test(text[i]) || this.code.text[at + i] === text[i];
        if (ok) return at;
      }
    }
    return undefined;
  }

  /** The byte offset (in the file, or a virtual text) of a character of the code. */
  private byteAt(charIndex: number): number {
    return this.code.base + this.code.local.byteIndex(charIndex);
  }

  /**
   * The statements of `text`, whose first byte is at offset `at` of the source (the file or a virtual text);
   * their ranges and parser locations are shifted there. A parse error is recorded as unparsed at its position.
   */
  private add(
    text: string,
    at: number,
    leading: { text: string; start: number },
    scope: Scope,
    dynamic: boolean
  ): ParsedStatement[] {
    let parsed: ParsedStatement[];
    try {
      parsed = parseStatements(text);
    } catch (error) {
      const range = error instanceof PgSyntaxError ? toSyntaxError(new SourceText(text), error).range : undefined;
      const what = dynamic ? 'the SQL this EXECUTE runs does not parse' : 'a statement of this DO block does not parse';
      const reason = error instanceof Error ? safeParserMessage(error.message) : String(error);
      this.problems.unparsed.push({
        message: `${what}: ${reason}`,
        range: range ? { start: at + range.start, end: at + range.end } : { start: at, end: at + 1 }
      });
      return [];
    }
    const result: ParsedStatement[] = [];
    for (const [i, statement] of parsed.entries()) {
      // PostgreSQL refuses transaction statements in EXECUTE; they are not part of the body's effect.
      if (statement.kind === 'TransactionStmt') continue;
      shiftLocations(statement.node, at);
      statement.range = { start: statement.range.start + at, end: statement.range.end + at };
      statement.embedded = {
        block: this.block,
        conditional: scope.conditional,
        dynamic,
        variables: this.variables,
        loopRows: scope.loopRows,
        leadingStart: i === 0 ? leading.start : statement.range.start
      };
      if (i === 0) statement.leading = leading.text;
      result.push(statement);
      this.statements.push(statement);
      const nested = readDoBlock(statement, this.source, this.depth + 1);
      if (nested) {
        // A DO inside a DO runs under the outer one's branches.
        if (scope.conditional) for (const n of nested) n.embedded!.conditional = true;
        this.statements.push(...nested);
      }
    }
    return result;
  }

  /** A SQL statement of the body (PLpgSQL_expr of an execsql, a FOR query, a CALL). */
  private sql(expr: PlExprNode | undefined, lineno: number | undefined, scope: Scope): ParsedStatement[] {
    const query = expr?.PLpgSQL_expr?.query;
    if (typeof query !== 'string' || query.trim() === '') return [];
    const found = this.locate(query, lineno);
    const leading = this.leadingBefore(found);
    if (found === undefined) {
      // Not found as written: linted from a virtual copy whose positions fall on the statement's line.
      const lineStart = this.code.lineStarts[Math.max(0, (lineno ?? 1) - 1)] ?? 0;
      const lineEnd = this.code.text.indexOf('\n', lineStart);
      const end = this.byteAt(lineEnd === -1 ? this.code.text.length : lineEnd);
      const map = spread(query, this.byteAt(lineStart), end);
      return this.add(query, this.source.addVirtual(query, map), leading, scope, false);
    }
    this.cursor = found + query.length;
    return this.add(query, this.byteAt(found), leading, scope, false);
  }

  /** The comments (and PL/pgSQL) between the previous statement and this one: where its ignore comments are. */
  private leadingBefore(found: number | undefined): { text: string; start: number } {
    const end = found ?? this.cursor;
    return { text: this.code.text.slice(this.cursor, Math.max(this.cursor, end)), start: this.byteAt(this.cursor) };
  }

  /** EXECUTE (and FOR ... EXECUTE, OPEN ... FOR EXECUTE): linted when its string is a constant. */
  private dynamic(expr: PlExprNode | undefined, lineno: number | undefined, scope: Scope): void {
    const text = expr?.PLpgSQL_expr?.query;
    if (typeof text !== 'string') return;
    const found = this.locate(text, lineno);
    const leading = this.leadingBefore(found);
    const start = found === undefined ? undefined : this.byteAt(found);
    const end = found === undefined ? undefined : this.byteAt(found + text.length);
    if (found !== undefined) this.cursor = found + text.length;
    const value = constantString(text);
    if (value === undefined) {
      const at = start ?? this.byteAt(this.code.lineStarts[Math.max(0, (lineno ?? 1) - 1)] ?? 0);
      this.problems.dynamic.push({ range: { start: at, end: end ?? at + 1 }, expression: excerpt(text) });
      return;
    }
    // One literal written in the body: its positions are the literal's; anything computed falls on its start.
    const literal = value.literal ? decodeLiteral(text.trim()) : undefined;
    const literalAt =
      start === undefined
        ? undefined
        : start + Buffer.byteLength(text.slice(0, text.length - text.trimStart().length), 'utf8');
    if (literal && literalAt !== undefined && literal.value === value.text) {
      if (literal.verbatimAt !== undefined) {
        this.add(value.text, literalAt + literal.verbatimAt, leading, scope, true);
        return;
      }
      const map = literal.map!;
      this.add(
        value.text,
        this.source.addVirtual(value.text, (o) => literalAt + map[Math.min(o, map.length - 1)]),
        leading,
        scope,
        true
      );
      return;
    }
    const anchor = start ?? this.code.base;
    const map = spread(value.text, anchor, end ?? anchor + 1);
    this.add(value.text, this.source.addVirtual(value.text, map), leading, scope, true);
  }
}

/**
 * The string an EXECUTE expression always yields, when it is built from literals only: a literal (possibly
 * cast to text), `||` of constants, format() with %s / %I / %L / %%, concat(), quote_ident(), quote_literal().
 */
export function constantString(expression: string): { text: string; literal: boolean } | undefined {
  let tree;
  try {
    tree = parseSql(`SELECT ${expression}`);
  } catch {
    return undefined;
  }
  const statements = tree.stmts ?? [];
  const select = statements.length === 1 ? as(statements[0].stmt, 'SelectStmt') : undefined;
  const targets = select?.targetList;
  if (!select || !targets || targets.length !== 1) return undefined;
  if (select.fromClause || select.whereClause) return undefined;
  const node = as(targets[0], 'ResTarget')?.val;
  const literal = !!as(node, 'A_Const')?.sval;
  const text = evaluate(node, 0);
  return text === undefined ? undefined : { text, literal };
}

const TEXT_TYPES = new Set(['text', 'varchar', 'bpchar', 'name']);

function evaluate(node: Node | undefined, depth: number): string | undefined {
  if (depth > 32) return undefined;
  const constant = as(node, 'A_Const');
  if (constant) return typeof constant.sval?.sval === 'string' ? constant.sval.sval : constant.sval ? '' : undefined;
  const cast = as(node, 'TypeCast');
  if (cast) {
    const type = (cast.typeName?.names ?? []).map((n) => as(n, 'String')?.sval).pop();
    return type !== undefined && TEXT_TYPES.has(type) ? evaluate(cast.arg, depth + 1) : undefined;
  }
  const op = as(node, 'A_Expr');
  if (op) {
    const name = (op.name ?? []).map((n) => as(n, 'String')?.sval).join('.');
    if (op.kind !== 'AEXPR_OP' || name !== '||') return undefined;
    const left = evaluate(op.lexpr, depth + 1);
    const right = left === undefined ? undefined : evaluate(op.rexpr, depth + 1);
    return right === undefined ? undefined : left! + right;
  }
  const call = as(node, 'FuncCall');
  if (call) {
    const name = (call.funcname ?? []).map((n) => as(n, 'String')?.sval).filter((n) => n !== 'pg_catalog');
    if (name.length !== 1 || call.agg_star || call.agg_distinct || call.over) return undefined;
    const args: (string | undefined)[] = (call.args ?? []).map((a) => evaluate(a, depth + 1));
    if (args.some((a) => a === undefined)) return undefined;
    const values = args as string[];
    switch ((name[0] ?? '').toLowerCase()) {
      case 'concat':
        return values.join('');
      case 'quote_ident':
        return values.length === 1 ? quoteIdent(values[0]) : undefined;
      case 'quote_literal':
      case 'quote_nullable':
        return values.length === 1 ? quoteLiteral(values[0]) : undefined;
      case 'format':
        return values.length >= 1 ? format(values[0], values.slice(1)) : undefined;
      default:
        return undefined;
    }
  }
  return undefined;
}

function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(value: string): string {
  return value.includes('\\')
    ? `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`
    : `'${value.replace(/'/g, "''")}'`;
}

/** format() with positional (%1$s) and sequential arguments; widths and flags are not constant-folded. */
function format(template: string, args: string[]): string | undefined {
  let out = '';
  let next = 0;
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c !== '%') {
      out += c;
      continue;
    }
    const spec = /^%(?:(\d+)\$)?([sIL%])/.exec(template.slice(i));
    if (!spec) return undefined;
    i += spec[0].length - 1;
    if (spec[2] === '%') {
      out += '%';
      continue;
    }
    const index = spec[1] !== undefined ? Number(spec[1]) - 1 : next;
    next = index + 1;
    if (index < 0 || index >= args.length) return undefined;
    const value = args[index];
    out += spec[2] === 's' ? value : spec[2] === 'I' ? quoteIdent(value) : quoteLiteral(value);
  }
  return out;
}
