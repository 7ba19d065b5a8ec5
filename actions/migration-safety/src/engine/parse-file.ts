// One migration file from text to statements: the framework's view of it (which section runs, in which
// transaction mode), then the parser, including the SQL inside DO blocks.
import { doBlock } from './do-block.js';
import { prepareFile, type Framework, type PreparedFile } from './framework.js';
import { parseMigration, type ParseOutcome } from './parse.js';

export interface ParsedFile {
  prepared: PreparedFile;
  parsed: ParseOutcome;
}

export interface ParseSettings {
  framework: Framework;
  assumeInTransaction?: boolean;
}

export function parseFile(text: string, settings: ParseSettings): ParsedFile {
  const prepared = prepareFile(text, settings.framework, settings.assumeInTransaction);
  const parsed = parseMigration(prepared.text);
  // Read once here rather than by each rule that looks into DO blocks.
  for (const statement of parsed.statements) {
    const block = doBlock(statement);
    if (block) statement.doBlock = block;
  }
  if (prepared.loneStatementOutsideTransaction && parsed.statements.length <= 1) {
    prepared.implicitTransaction = false;
    prepared.transactionReason = 'a lone statement sent as one query runs outside a transaction';
  }
  return { prepared, parsed };
}
