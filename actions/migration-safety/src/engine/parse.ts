import * as libpgQuery from 'libpg-query';
import { cjsExports } from '../../../../shared/src/cjs-interop.js';
import { SourceText } from './source-text.js';
import type { AstNode, ByteRange } from './types.js';

interface LibPgQuery {
  loadModule(): Promise<void>;
  parseSync(sql: string): { stmts?: { stmt: AstNode; stmt_location?: number; stmt_len?: number }[] };
  scanSync(sql: string): { tokens: { start: number; end: number; text: string }[] };
}

const pg = cjsExports<LibPgQuery>(libpgQuery, 'parseSync');
let loaded: Promise<void> | undefined;

/** The wasm parser must be instantiated once before the synchronous calls work. */
export function loadParser(): Promise<void> {
  return (loaded ??= pg.loadModule());
}

export interface ParsedStatement {
  index: number;
  /** `{ AlterTableStmt: {...} }` as libpg-query returns it. */
  node: AstNode;
  /** The node type, e.g. `AlterTableStmt`. */
  kind: string;
  /** The inner object of `node`. */
  body: AstNode;
  /** From the first token to the end of the statement, without the semicolon. */
  range: ByteRange;
  /** The text of the statement. */
  sql: string;
  /** Text between the previous statement and this one: where ignore comments for it are written. */
  leading: string;
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

/** Parses a whole file; a syntax error keeps the statements before it so they can still be linted. */
export function parseMigration(text: string): ParseOutcome {
  const source = new SourceText(text);
  try {
    return { source, statements: toStatements(source, pg.parseSync(text)) };
  } catch (error) {
    const syntaxError = toSyntaxError(source, error);
    return { source, statements: statementsBefore(source, syntaxError.range.start), syntaxError };
  }
}

function toStatements(source: SourceText, result: ReturnType<LibPgQuery['parseSync']>): ParsedStatement[] {
  const statements: ParsedStatement[] = [];
  let previousEnd = 0;
  for (const raw of result.stmts ?? []) {
    const location = raw.stmt_location ?? 0;
    const endByte = raw.stmt_len ? location + raw.stmt_len : source.byteLength;
    const locationChar = source.charIndex(location);
    const startChar = skipBlankAndComments(source.text, locationChar);
    const endChar = trimEnd(source.text, startChar, source.charIndex(endByte));
    const kind = Object.keys(raw.stmt)[0];
    // Byte lengths of the short skipped stretches only, so a file of 10,000 statements stays linear.
    const startByte = location + Buffer.byteLength(source.text.slice(locationChar, startChar), 'utf8');
    const sql = source.text.slice(startChar, endChar);
    statements.push({
      index: statements.length,
      node: raw.stmt,
      kind,
      body: raw.stmt[kind],
      range: { start: startByte, end: startByte + Buffer.byteLength(sql, 'utf8') },
      sql,
      leading: source.text.slice(previousEnd, startChar)
    });
    previousEnd = endChar;
  }
  return statements;
}

function toSyntaxError(source: SourceText, error: unknown): SyntaxErrorInfo {
  const details = (error as { sqlDetails?: { message?: string; cursorPosition?: number } }).sqlDetails;
  const message = details?.message ?? (error instanceof Error ? error.message : String(error));
  // The cursor is a 0-based byte offset; a lexer error at end of input points past the last byte.
  const at = Math.min(Math.max(details?.cursorPosition ?? 0, 0), source.byteLength);
  return { message, range: { start: at, end: Math.min(at + 1, source.byteLength) } };
}

/** Re-parses the text up to the last semicolon before the error, so a late typo does not hide earlier hazards. */
function statementsBefore(source: SourceText, errorByte: number): ParsedStatement[] {
  let cut = -1;
  try {
    for (const token of pg.scanSync(source.text).tokens) {
      if (token.end > errorByte) break;
      if (token.text === ';') cut = token.end;
    }
  } catch {
    return [];
  }
  if (cut <= 0) return [];
  const prefix = source.text.slice(0, source.charIndex(cut));
  try {
    return toStatements(source, pg.parseSync(prefix));
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
      const newline = text.indexOf('\n', i);
      i = newline === -1 ? text.length : newline + 1;
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

function trimEnd(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && /[\s;]/.test(text[i - 1])) i--;
  return i;
}
