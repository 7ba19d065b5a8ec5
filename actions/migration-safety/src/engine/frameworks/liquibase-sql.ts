// Liquibase formatted SQL: a file whose first line (after empty ones) is `--liquibase formatted sql` holds changesets, each
// starting at a `--changeset author:id [attributes]` line; Liquibase runs each changeset as a unit, in its own
// transaction unless the changeset line says `runInTransaction:false`. `--rollback ...` lines and
// `/* liquibase rollback ... */` blocks are the rollback, never deployed. A .sql file without the header (pulled
// in by include/includeAll) runs as one changeset, in a transaction. Files go in name order, as includeAll
// orders them; a master changelog's explicit order is not read.
import { ConfigurationError } from '../../../../../shared/src/lib/errors.js';
import { isDownFile } from '../../../../../shared/src/lib/migration-frameworks.js';
import { baseName, blank, lineAt, namePlan, quote } from './support.js';
import type { MigrationFramework, TransactionUnit } from './types.js';

const HEADER = /^\s*--\s*liquibase\s*formatted.*/i;
const CHANGESET_LINE = /^[ \t]*--[ \t]*changeset\b.*$/gim;
// As Liquibase reads it: the author runs to the first colon (it may hold spaces), the id to the next blank.
const CHANGESET = /^[ \t]*--[ \t]*changeset[ \t]+("[^"]+"|[^:]+):[ \t]*("[^"]+"|\S+)(.*)$/i;
const ROLLBACK_LINE = /^[ \t]*--[ \t]*rollback[ \t].*$/gim;
const ROLLBACK_BLOCK = /^[ \t]*\/\*[ \t]*liquibase[ \t]*rollback[ \t]*$[\s\S]*?\*\/[ \t]*$/gim;
const RUN_IN_TRANSACTION = /\brunInTransaction:(\w+)/i;

export const liquibaseSql: MigrationFramework = {
  name: 'liquibase-sql',
  source:
    'https://docs.liquibase.com/concepts/changelogs/sql-format.html (header, --changeset author:id, runInTransaction, --rollback); liquibase-standard/.../AbstractFormattedChangeLogParser.java (the line patterns, runInTransaction default true)',
  defaultPaths: ['db/changelog/**/*.sql', 'src/main/resources/db/changelog/**/*.sql'],
  isDown: (path) => isDownFile(baseName(path)),
  plan: (paths) => namePlan(paths),
  prepare(text, context) {
    // Liquibase skips empty lines before the header.
    const firstLine = /^[ \t\r\n]*(.*)/.exec(text)?.[1] ?? '';
    if (!HEADER.test(firstLine))
      return {
        text,
        implicitTransaction: true,
        transactionReason:
          'Liquibase runs a SQL file without the formatted-SQL header as one changeset, in a transaction'
      };
    const units: TransactionUnit[] = [];
    for (const match of text.matchAll(CHANGESET_LINE)) {
      const line = match[0];
      const changeset = CHANGESET.exec(line);
      if (!changeset)
        throw new ConfigurationError(
          `${context.path}:${lineAt(text, match.index)}: --changeset needs author:id (Liquibase refuses the file): ${quote(line.trim())}`
        );
      const flag = RUN_IN_TRANSACTION.exec(changeset[3]);
      const value = flag?.[1].toLowerCase();
      if (value !== undefined && value !== 'true' && value !== 'false')
        throw new ConfigurationError(
          `${context.path}:${lineAt(text, match.index)}: runInTransaction must be true or false, got ${quote(flag![1])}`
        );
      const id = `${changeset[1].trim()}:${changeset[2]}`.replace(/"/g, '');
      units.push({
        start: match.index,
        implicitTransaction: value !== 'false',
        reason:
          value === 'false'
            ? `Liquibase: changeset ${id} runInTransaction:false`
            : 'Liquibase runs each changeset in its own transaction'
      });
    }
    // What precedes the first changeset is not run; rollbacks are not the up migration.
    let prepared = blank(text.slice(0, units[0]?.start ?? text.length)) + text.slice(units[0]?.start ?? text.length);
    prepared = prepared.replace(ROLLBACK_BLOCK, blank).replace(ROLLBACK_LINE, blank);
    if (units.length === 0)
      return { text: prepared, implicitTransaction: false, transactionReason: 'Liquibase: no changeset in the file' };
    const outside = units.filter((u) => !u.implicitTransaction).length;
    return {
      text: prepared,
      implicitTransaction: units[0].implicitTransaction,
      transactionReason:
        outside === 0
          ? 'Liquibase runs each changeset in its own transaction'
          : units.length === 1
            ? units[0].reason
            : `Liquibase runs each changeset in its own transaction; ${outside} of ${units.length} have runInTransaction:false`,
      ...(units.length > 1 ? { units } : {})
    };
  }
};
