// Our SQL lexer against the PostgreSQL scanner on every statement of the trigger.dev history (820 files).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMigration } from '../../actions/migration-safety/src/engine/parse.js';
import { lexerBoundaries, loadScanners, scannerBoundaries } from '../migration-safety/pg-scanner.js';
import { CORPUS } from './corpus-path.js';

beforeAll(loadScanners);

describe('sql-lexer on the trigger.dev corpus', () => {
  it('agrees with the scanner on every statement of the trigger.dev corpus', () => {
    const mismatches: string[] = [];
    for (const dir of readdirSync(CORPUS).filter((d) => /^\d/.test(d))) {
      const text = readFileSync(join(CORPUS, dir, 'migration.sql'), 'utf8');
      for (const statement of parseMigration(text).statements) {
        if (lexerBoundaries(statement.sql).join() !== scannerBoundaries(statement.sql).join()) {
          mismatches.push(`${dir}: ${statement.sql.slice(0, 80)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
