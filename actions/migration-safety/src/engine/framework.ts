// How each migration tool runs a file: whether it wraps it in a transaction, and which part of the file is the
// "up" migration. Sources: each tool's documentation (see docs/frameworks.md).
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import { compareVersionKeys, flywayFile, isDownFile } from '../../../../shared/src/lib/migration-frameworks.js';

export const FRAMEWORKS = [
  'plain',
  'flyway',
  'golang-migrate',
  'goose',
  'dbmate',
  'sqlx',
  'prisma',
  'knex-sql'
] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export function parseFramework(value: string | undefined): Framework {
  const framework = (value === undefined || value === '' ? 'plain' : value) as Framework;
  if (!FRAMEWORKS.includes(framework)) {
    throw new ConfigurationError(`framework must be one of ${FRAMEWORKS.join(', ')}; got "${value}"`);
  }
  return framework;
}

export interface PreparedFile {
  /** The text to parse: sections that are not the up migration blanked out, lines and columns unchanged. */
  text: string;
  /** The tool runs the file inside one transaction it opens itself. */
  implicitTransaction: boolean;
  /** Why, for the report (e.g. "goose: -- +goose NO TRANSACTION"). */
  transactionReason: string;
  /**
   * The tool sends the whole file as one simple query: PostgreSQL wraps several statements in one implicit
   * transaction, but runs a lone statement outside any (so a lone CREATE INDEX CONCURRENTLY works).
   */
  loneStatementOutsideTransaction?: boolean;
}

/** The file is a down (rollback) migration that must not be linted as if it were deployed. */
export function isDownMigration(path: string, framework: Framework): boolean {
  const base = path.split('/').pop() ?? path;
  if (isDownFile(base)) return true;
  return framework === 'flyway' && flywayFile(base)?.kind === 'undo';
}

export function prepareFile(text: string, framework: Framework, assumeInTransaction?: boolean): PreparedFile {
  let prepared: PreparedFile;
  switch (framework) {
    case 'goose': {
      const noTx = /^--\s*\+goose\s+NO\s+TRANSACTION\b/im.test(text);
      prepared = {
        text: keepSection(text, /^--\s*\+goose\s+Up\b.*$/im, /^--\s*\+goose\s+Down\b.*$/im),
        implicitTransaction: !noTx,
        transactionReason: noTx ? 'goose: -- +goose NO TRANSACTION' : 'goose runs each file in a transaction'
      };
      break;
    }
    case 'dbmate': {
      const upLine = /^--\s*migrate:up\b.*$/im.exec(text)?.[0] ?? '';
      const noTx = /transaction\s*:\s*false/i.test(upLine);
      prepared = {
        text: keepSection(text, /^--\s*migrate:up\b.*$/im, /^--\s*migrate:down\b.*$/im),
        implicitTransaction: !noTx,
        transactionReason: noTx ? 'dbmate: transaction:false' : 'dbmate runs each file in a transaction'
      };
      break;
    }
    case 'sqlx': {
      const noTx = /^\s*--\s*no-transaction\b/i.test(text);
      prepared = {
        text,
        implicitTransaction: !noTx,
        transactionReason: noTx ? 'sqlx: -- no-transaction' : 'sqlx runs each file in a transaction'
      };
      break;
    }
    case 'flyway':
      prepared = { text, implicitTransaction: true, transactionReason: 'Flyway runs each migration in a transaction' };
      break;
    case 'prisma':
      prepared = {
        text,
        implicitTransaction: true,
        transactionReason: 'Prisma Migrate sends migration.sql as one query: several statements run in one transaction',
        loneStatementOutsideTransaction: true
      };
      break;
    case 'knex-sql':
      prepared = { text, implicitTransaction: true, transactionReason: 'knex runs each migration in a transaction' };
      break;
    case 'golang-migrate':
      prepared = { text, implicitTransaction: false, transactionReason: 'golang-migrate opens no transaction' };
      break;
    default:
      prepared = { text, implicitTransaction: false, transactionReason: 'plain SQL: no implicit transaction' };
  }
  if (assumeInTransaction !== undefined) {
    prepared.loneStatementOutsideTransaction = false;
    prepared.implicitTransaction = assumeInTransaction;
    prepared.transactionReason = `assume-in-transaction: ${assumeInTransaction}`;
  }
  return prepared;
}

/**
 * Blanks everything but the section after `start` and before `stop` (when the markers exist), keeping every
 * newline and the character count so positions still match the original file.
 */
function keepSection(text: string, start: RegExp, stop: RegExp): string {
  const begin = start.exec(text);
  if (!begin) return text;
  const from = begin.index + begin[0].length;
  const after = stop.exec(text.slice(from));
  const to = after ? from + after.index : text.length;
  return blank(text.slice(0, from)) + text.slice(from, to) + blank(text.slice(to));
}

function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

/** Migration order: by path with numbers compared as numbers (V2 before V10), as the tools order versions. */
export function compareMigrationPaths(a: string, b: string): number {
  // One collator for every comparison: localeCompare with options builds a new one per call.
  return (pathCollator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'variant' })).compare(a, b);
}

let pathCollator: Intl.Collator | undefined;

/**
 * The order the tool applies the files in. Flyway orders versioned migrations (`V1_2__x.sql`) by version across
 * all locations, then runs repeatable ones (`R__x.sql`) after them, by description; the others go by path.
 */
export function orderMigrations(paths: readonly string[], framework: Framework): string[] {
  if (framework !== 'flyway') return [...paths].sort(compareMigrationPaths);
  const base = (path: string) => path.split('/').pop() ?? path;
  const version = (path: string) => {
    const file = flywayFile(base(path));
    return file?.kind === 'versioned' ? file.version : undefined;
  };
  const rank = (path: string) =>
    version(path) !== undefined ? 0 : flywayFile(base(path))?.kind === 'repeatable' ? 1 : 2;
  return [...paths].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    if (rank(a) === 0) {
      const byVersion = compareVersionKeys(version(a)!, version(b)!);
      if (byVersion !== 0) return byVersion;
    }
    return compareMigrationPaths(base(a), base(b)) || compareMigrationPaths(a, b);
  });
}
