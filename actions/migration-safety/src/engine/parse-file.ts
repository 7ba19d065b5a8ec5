// One migration file from text to statements: the framework's view of it (which section runs, in which
// transaction mode), then the parser, then the SQL that PL/pgSQL DO blocks run, each right after its block.
import type { EncodingError } from './encoding.js';
import { prepareFile, type FileHints, type Framework, type PreparedFile } from './framework.js';
import { parseMigration, type ParseOutcome, type ParsedStatement } from './parse.js';
import { readDoBlock } from './plpgsql.js';

export interface ParsedFile {
  prepared: PreparedFile;
  /** `statements` holds the file's statements and, after each DO block, the statements its body runs. */
  parsed: ParseOutcome;
  /** How many statements are written in the file itself (not counting those inside DO blocks). */
  topLevel: number;
}

export interface ParseSettings {
  framework: Framework;
  assumeInTransaction?: boolean;
}

export function parseFile(
  text: string,
  settings: ParseSettings,
  encoding?: EncodingError,
  file: { path?: string; hints?: FileHints } = {}
): ParsedFile {
  const prepared = prepareFile(text, settings.framework, settings.assumeInTransaction, file);
  const parsed = parseMigration(prepared.text, encoding);
  const topLevel = parsed.statements.length;
  // Only DO statements cost anything here: a file without one keeps its statement list as parsed.
  if (parsed.statements.some((s) => s.kind === 'DoStmt')) {
    const all: ParsedStatement[] = [];
    for (const statement of parsed.statements) {
      all.push(statement);
      const body = readDoBlock(statement, parsed.source);
      if (body) all.push(...body);
    }
    all.forEach((statement, index) => (statement.index = index));
    parsed.statements = all;
  }
  if (prepared.loneStatementOutsideTransaction && topLevel <= 1) {
    prepared.implicitTransaction = false;
    prepared.transactionReason = 'a lone statement sent as one query runs outside a transaction';
  }
  return { prepared, parsed, topLevel };
}
