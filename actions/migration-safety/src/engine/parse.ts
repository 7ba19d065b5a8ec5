import type { EncodingError } from './encoding.js';
import { safeParserMessage } from './excerpt.js';
import { loadPgParser, parseSql, PgSyntaxError, type ParseTree } from './pg-parser.js';
import { SourceText } from './source-text.js';
import { lexSql, lineEnd } from './sql-lexer.js';
import type { Node, SelectStmt } from '@pgsql/types';
import { unwrap, type Unwrapped } from './ast.js';
import type { ByteRange } from './types.js';

/** The wasm parser must be instantiated once before the synchronous calls work. */
export function loadParser(): Promise<void> {
  return loadPgParser();
}

/**
 * One statement of a file, or one a DO block runs. `kind` (the node type, e.g. `AlterTableStmt`) narrows `body`
 * (the inner object of `node`): `if (statement.kind === 'DropStmt') statement.body.removeType`.
 */
export type ParsedStatement = StatementInfo & Unwrapped;

export interface StatementInfo {
  index: number;
  /** `{ AlterTableStmt: {...} }` as libpg-query returns it. */
  node: Node;
  /** From the first token to the end of the statement, without the semicolon. */
  range: ByteRange;
  /** The text of the statement. */
  sql: string;
  /** Text between the previous statement and this one: where ignore comments for it are written. */
  leading: string;
  /** Set for a statement a PL/pgSQL DO block runs (engine/plpgsql.ts): it follows its block in the list. */
  embedded?: Embedding;
  /** For a PL/pgSQL DO block: what of its body could not be read (engine/plpgsql.ts). */
  plpgsql?: DoBodyProblems;
}

/** Where a statement of a DO block comes from and what PL/pgSQL wraps it in. */
export interface Embedding {
  /** The DO statement whose body runs it (itself possibly embedded, for a DO inside a DO). */
  block: ParsedStatement;
  /** Runs only on some paths: in an IF, CASE, loop or exception handler, or a block that catches errors. */
  conditional: boolean;
  /** The SQL is the constant string of an EXECUTE. */
  dynamic: boolean;
  /** Names the block declares: PL/pgSQL rejects a bare name that is both a variable and a column. */
  variables: Set<string>;
  /** `FOR name IN SELECT ... LOOP` loops around the statement: `name.col` reads that SELECT's column. */
  loopRows: Map<string, SelectStmt>;
  /** Byte offset where `leading` starts (the comments before the statement inside the body). */
  leadingStart: number;
}

export interface DoBodyProblems {
  /** EXECUTE of a string that is not a constant: the SQL it runs cannot be linted. */
  dynamic: { range: ByteRange; expression: string }[];
  /** The body, or an EXECUTE string in it, that PostgreSQL would reject when the block runs. */
  unparsed: SyntaxErrorInfo[];
}

export interface SyntaxErrorInfo {
  message: string;
  range: ByteRange;
}

export interface ParseOutcome {
  source: SourceText;
  statements: ParsedStatement[];
  /** Set when the file does not parse: statements holds those before the failing one. */
  syntaxError?: SyntaxErrorInfo;
}

/**
 * Parses a whole file; a syntax error keeps the statements before it so they can still be linted. `encoding` is
 * what decoding the file's bytes found (engine/encoding.ts): the server refuses the file at that character.
 */
export function parseMigration(raw: string, encoding?: EncodingError): ParseOutcome {
  const text = wellFormed(raw);
  const source = new SourceText(text);
  if (encoding?.whole)
    return { source, statements: [], syntaxError: { message: encoding.message, range: { start: 0, end: 0 } } };
  // The parser takes a C string: a NUL would silently end the file there. PostgreSQL rejects the byte outright.
  const nul = text.indexOf('\0');
  const invalid =
    nul !== -1 && (encoding === undefined || nul < encoding.index)
      ? {
          index: nul,
          message: 'invalid byte sequence for encoding "UTF8": 0x00 (a NUL character, which PostgreSQL rejects)'
        }
      : encoding;
  if (invalid) {
    const at = Buffer.byteLength(text.slice(0, invalid.index), 'utf8');
    // One character wide (a replacement character stands for the bad byte in the text).
    const width = Buffer.byteLength(String.fromCodePoint(text.codePointAt(invalid.index) ?? 0), 'utf8');
    const syntaxError = { message: invalid.message, range: { start: at, end: at + width } };
    return { source, statements: statementsBefore(source, at), syntaxError };
  }
  // libpg-query rejects the empty string outright; an empty migration is valid (and harmless) SQL.
  if (text === '') return { source, statements: [] };
  try {
    return { source, statements: toStatements(source, parseSql(text)) };
  } catch (error) {
    const syntaxError = toSyntaxError(source, error);
    return { source, statements: statementsBefore(source, syntaxError.range.start), syntaxError };
  }
}

/**
 * Lone UTF-16 surrogates (only possible in text not decoded from a file) become U+FFFD, one unit for one, so
 * columns are unchanged: the wasm encoder would write them as 4 bytes, Buffer as 3, and offsets would drift.
 */
function wellFormed(text: string): string {
  if (!/[\uD800-\uDFFF]/.test(text)) return text;
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * The statements of a piece of SQL that is not a file (a statement in a DO body, an EXECUTE string), with
 * offsets relative to its start; throws PgSyntaxError as the parser does.
 */
export function parseStatements(sql: string): ParsedStatement[] {
  if (sql.trim() === '') return [];
  const source = new SourceText(sql);
  return toStatements(source, parseSql(sql));
}

function toStatements(source: SourceText, result: ParseTree): ParsedStatement[] {
  const statements: ParsedStatement[] = [];
  let previousEnd = 0;
  for (const raw of result.stmts ?? []) {
    const location = raw.stmt_location ?? 0;
    const endByte = raw.stmt_len ? location + raw.stmt_len : source.byteLength;
    const locationChar = source.charIndex(location);
    const startChar = skipBlankAndComments(source.text, locationChar);
    const endChar = trimEnd(source.text, startChar, source.charIndex(endByte));
    const unwrapped = unwrap(raw.stmt);
    // Every entry of the parser's statement list holds a statement node.
    if (!raw.stmt || !unwrapped) throw new Error('the PostgreSQL parser returned an empty statement');
    // Byte lengths of the short skipped stretches only, so a file of 10,000 statements stays linear.
    const startByte = location + Buffer.byteLength(source.text.slice(locationChar, startChar), 'utf8');
    const sql = withoutTrailingComments(source.text.slice(startChar, endChar));
    // Written out rather than spread, so every statement object has the same shape (rules read them all).
    const statement: StatementInfo & { kind: Unwrapped['kind']; body: Unwrapped['body'] } = {
      index: statements.length,
      node: raw.stmt,
      kind: unwrapped.kind,
      body: unwrapped.body,
      range: { start: startByte, end: startByte + Buffer.byteLength(sql, 'utf8') },
      sql,
      leading: source.text.slice(previousEnd, startChar)
    };
    // `kind` and `body` come from one unwrap of the node, so they belong together.
    statements.push(statement as ParsedStatement);
    previousEnd = endChar;
  }
  return statements;
}

export function toSyntaxError(source: SourceText, error: unknown): SyntaxErrorInfo {
  // Input the parser cannot take at all (an expression nested past the wasm stack, a file past its 1 GiB heap)
  // is reported like SQL it rejects, at the start: the file fails, the run and the other files go on.
  if (!(error instanceof PgSyntaxError)) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      message: `the PostgreSQL parser could not read this file: ${safeParserMessage(reason)}`,
      range: { start: 0, end: 1 }
    };
  }
  // The cursor counts code points (not bytes); a lexer error at end of input points past the end.
  const cursor = Math.max(error.cursorPosition, 0);
  // One character wide, whatever its UTF-8 width, so the span is never empty inside the text.
  return {
    message: safeParserMessage(error.message),
    range: { start: source.byteOfCodePoint(cursor), end: source.byteOfCodePoint(cursor + 1) }
  };
}

/** Re-parses the text up to the last semicolon before the error, so a late typo does not hide earlier hazards. */
function statementsBefore(source: SourceText, errorByte: number): ParsedStatement[] {
  let cut = -1;
  try {
    // Only the text before the error: the scanner throws on the unterminated string or comment that is
    // often the error itself, and the tokens before the error do not depend on what follows it.
    // The JS lexer, not the wasm scanner: on a 10 MB file the scanner's token objects cost seconds.
    const before = source.text.slice(0, source.charIndex(errorByte));
    if (before.trim() === '') return [];
    for (const token of lexSql(before, 0)) {
      if (token.end > errorByte) break;
      if (token.text === ';') cut = token.end;
    }
  } catch {
    return [];
  }
  if (cut <= 0) return [];
  const prefix = source.text.slice(0, source.charIndex(cut));
  try {
    return toStatements(source, parseSql(prefix));
  } catch {
    return [];
  }
}

/** Skips whitespace and comments, which the parser counts as part of the statement that follows them. */
export function skipBlankAndComments(text: string, from: number): number {
  let i = from;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('--', i)) {
      i = Math.min(lineEnd(text, i) + 1, text.length);
    } else if (text.startsWith('/*', i)) {
      let depth = 1;
      i += 2;
      while (i < text.length && depth > 0) {
        if (text.startsWith('/*', i)) {
          depth++;
          i += 2;
        } else if (text.startsWith('*/', i)) {
          depth--;
          i += 2;
        } else i++;
      }
    } else return i;
  }
}

/** A comment between the statement and its semicolon is not part of the statement (nor of its range). */
function withoutTrailingComments(sql: string): string {
  // Only a statement whose last line holds `--`, or that ends with `*/`, can end in a comment.
  if (!sql.slice(sql.lastIndexOf('\n') + 1).includes('--') && !sql.endsWith('*/')) return sql;
  try {
    // The lexer skips comments: the last token it returns ends the statement.
    const tokens = lexSql(sql, 0);
    if (tokens.length === 0) return sql;
    const bytes = Buffer.from(sql, 'utf8');
    const end = tokens[tokens.length - 1].end;
    return end >= bytes.length ? sql : bytes.subarray(0, end).toString('utf8');
  } catch {
    return sql;
  }
}

function trimEnd(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && /[\s;]/.test(text[i - 1])) i--;
  return i;
}
