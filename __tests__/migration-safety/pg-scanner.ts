// The PostgreSQL server's own scanner (libpg-query's scanSync) as the reference for our SQL lexer's token
// boundaries; shared by the lexer's unit test and its corpus test.
import * as libpgQuery from 'libpg-query';
import { loadParser } from '../../actions/migration-safety/src/engine/parse.js';
import { lexSql } from '../../actions/migration-safety/src/engine/sql-lexer.js';
import { cjsExports } from '../../shared/src/lib/cjs-interop.js';

interface ScanToken {
  start: number;
  end: number;
  tokenName: string;
}
const pg = cjsExports<{ loadModule(): Promise<void>; scanSync(sql: string): { tokens: ScanToken[] } }>(
  libpgQuery,
  'scanSync'
);

/** Token boundaries as the server's scanner sees them, comments left out. */
export function scannerBoundaries(sql: string): string[] {
  return pg
    .scanSync(sql)
    .tokens.filter((t) => t.tokenName !== 'SQL_COMMENT' && t.tokenName !== 'C_COMMENT')
    .map((t) => `${t.start}-${t.end}`);
}

export function lexerBoundaries(sql: string): string[] {
  return lexSql(sql, 0).map((t) => `${t.start}-${t.end}`);
}

/** The engine loads its own parser instance; the package's scanner (the reference here) is a separate one. */
export async function loadScanners(): Promise<void> {
  await Promise.all([loadParser(), pg.loadModule()]);
}
