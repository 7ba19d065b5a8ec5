// Framework presets: which part of a file is the up migration, whether the tool wraps it in a transaction, and
// the order the tool runs files in. Checked through the lint result (FileReport and findings).
import {
  compareMigrationPaths,
  orderMigrations,
  isDownMigration,
  parseFramework,
  type Framework
} from '../../actions/migration-safety/src/engine/framework.js';
import { lintMigrations, type LintOptions } from '../../actions/migration-safety/src/engine/lint.js';
import { ALL_RULES } from '../../actions/migration-safety/src/rules/index.js';
import { EXISTING, lintSql } from './lint-sql.js';

const INDEX = 'require-concurrent-index-creation';

async function lint(text: string, framework: Framework, extra: Partial<LintOptions> = {}) {
  const result = await lintMigrations(
    [
      { path: 'history.sql', text: EXISTING, lint: false, changeSet: 0 },
      { path: 'migration.sql', text, lint: true, changeSet: 1 }
    ],
    { pgVersion: 16, framework, ...extra },
    ALL_RULES
  );
  const file = result.files.find((f) => f.path === 'migration.sql')!;
  const index = result.findings.filter((f) => f.rule === INDEX).map((f) => [f.line, f.column, f.endLine, f.endColumn]);
  const errors = result.findings.filter((f) => f.rule === 'syntax-error');
  return { file, index, errors, result };
}

describe('goose', () => {
  const file = `-- +goose Up
CREATE INDEX up_idx ON users (email);

-- +goose Down
CREATE INDEX down_idx ON users (name);
`;

  it('lints only the Up section, in a transaction', async () => {
    const { file: report, index } = await lint(file, 'goose');
    expect(index).toEqual([[2, 1, 2, 37]]);
    expect(report).toMatchObject({ inTransaction: true, transactionReason: 'goose runs each file in a transaction' });
    expect(report.statements).toBe(1);
  });

  it('honours -- +goose NO TRANSACTION', async () => {
    const { file: report } = await lint(`-- +goose NO TRANSACTION\n${file}`, 'goose');
    expect(report).toMatchObject({ inTransaction: false, transactionReason: 'goose: -- +goose NO TRANSACTION' });
  });

  it('accepts StatementBegin/End around a function body, with positions of the original file', async () => {
    const sql = `-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION touch() RETURNS trigger AS $$
BEGIN
  NEW.updated_at = now();
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
CREATE INDEX i ON users (email);

-- +goose Down
-- +goose StatementBegin
DROP FUNCTION touch();
-- +goose StatementEnd
`;
    const { file: report, index, errors } = await lint(sql, 'goose');
    expect(errors).toEqual([]);
    expect(report.statements).toBe(2);
    expect(index).toEqual([[10, 1, 10, 32]]);
  });

  it('lints the whole file when there are no goose markers', async () => {
    const { index } = await lint('CREATE INDEX i ON users (email);', 'goose');
    expect(index).toEqual([[1, 1, 1, 32]]);
  });
});

describe('dbmate', () => {
  const body = `CREATE INDEX up_idx ON users (email);
-- migrate:down
CREATE INDEX down_idx ON users (name);
`;

  it('lints only migrate:up, in a transaction', async () => {
    const { file, index } = await lint(`-- migrate:up\n${body}`, 'dbmate');
    expect(index).toEqual([[2, 1, 2, 37]]);
    expect(file).toMatchObject({ inTransaction: true, transactionReason: 'dbmate runs each file in a transaction' });
  });

  it('honours transaction:false on the migrate:up line', async () => {
    const { file, index } = await lint(`-- migrate:up transaction:false\n${body}`, 'dbmate');
    expect(index).toEqual([[2, 1, 2, 37]]);
    expect(file).toMatchObject({ inTransaction: false, transactionReason: 'dbmate: transaction:false' });
  });

  it('does not take transaction:false from the down section', async () => {
    const { file } = await lint(`-- migrate:up\nSELECT 1;\n-- migrate:down transaction:false\nSELECT 2;`, 'dbmate');
    expect(file.inTransaction).toBe(true);
  });
});

describe('sqlx', () => {
  it('runs a file in a transaction by default', async () => {
    const { file } = await lint('CREATE INDEX i ON users (email);', 'sqlx');
    expect(file).toMatchObject({ inTransaction: true, transactionReason: 'sqlx runs each file in a transaction' });
  });

  it('honours -- no-transaction on the first line', async () => {
    const { file, index } = await lint('-- no-transaction\nCREATE INDEX i ON users (email);', 'sqlx');
    expect(file).toMatchObject({ inTransaction: false, transactionReason: 'sqlx: -- no-transaction' });
    expect(index).toEqual([[2, 1, 2, 32]]);
  });

  it('ignores -- no-transaction further down the file', async () => {
    const { file } = await lint('SELECT 1;\n-- no-transaction\nSELECT 2;', 'sqlx');
    expect(file.inTransaction).toBe(true);
  });
});

describe('golang-migrate', () => {
  it('opens no transaction', async () => {
    const { file } = await lint('CREATE INDEX i ON users (email);', 'golang-migrate');
    expect(file).toMatchObject({ inTransaction: false, transactionReason: 'golang-migrate opens no transaction' });
  });

  it('treats .down.sql files as rollbacks', () => {
    expect(isDownMigration('db/migrations/000002_add_index.down.sql', 'golang-migrate')).toBe(true);
    expect(isDownMigration('db/migrations/000002_add_index.DOWN.SQL', 'plain')).toBe(true);
    expect(isDownMigration('db/migrations/000002_add_index.up.sql', 'golang-migrate')).toBe(false);
    expect(isDownMigration('db/migrations/000002_shutdown.sql', 'golang-migrate')).toBe(false);
  });
});

describe('flyway', () => {
  it('runs a migration in a transaction', async () => {
    const { file } = await lint('CREATE INDEX i ON users (email);', 'flyway');
    expect(file).toMatchObject({
      inTransaction: true,
      transactionReason: 'Flyway runs each migration in a transaction'
    });
  });

  it('treats U (undo) files as rollbacks, only for flyway', () => {
    expect(isDownMigration('sql/U2__drop_index.sql', 'flyway')).toBe(true);
    expect(isDownMigration('sql/V2__add_index.sql', 'flyway')).toBe(false);
    expect(isDownMigration('sql/U2__drop_index.sql', 'plain')).toBe(false);
    expect(isDownMigration('sql/Users.sql', 'flyway')).toBe(false);
  });

  it('orders versions numerically: V2 before V10, V1.2 before V1.10', () => {
    const paths = ['sql/V10__c.sql', 'sql/V1.10__b2.sql', 'sql/V2__b.sql', 'sql/V1__a.sql', 'sql/V1.2__b1.sql'];
    expect([...paths].sort(compareMigrationPaths)).toEqual([
      'sql/V1__a.sql',
      'sql/V1.2__b1.sql',
      'sql/V1.10__b2.sql',
      'sql/V2__b.sql',
      'sql/V10__c.sql'
    ]);
  });

  it('orders timestamped folders as the tools do', () => {
    const paths = ['m/20230102000000_b/migration.sql', 'm/20221231000000_a/migration.sql'];
    expect([...paths].sort(compareMigrationPaths)).toEqual([
      'm/20221231000000_a/migration.sql',
      'm/20230102000000_b/migration.sql'
    ]);
  });
});

describe('prisma, knex-sql, plain', () => {
  it.each([
    ['prisma', false, 'a lone statement sent as one query runs outside a transaction'],
    ['knex-sql', true, 'knex runs each migration in a transaction'],
    ['plain', false, 'plain SQL: no implicit transaction']
  ] as const)('%s: in transaction %s', async (framework, inTransaction, transactionReason) => {
    const { file, index } = await lint('CREATE INDEX i ON users (email);', framework);
    expect(file).toMatchObject({ inTransaction, transactionReason });
    expect(index).toEqual([[1, 1, 1, 32]]);
  });
});

describe('assume-in-transaction', () => {
  it.each([
    ['plain', true],
    ['goose', false],
    ['prisma', false],
    ['sqlx', true]
  ] as const)('overrides %s with %s', async (framework, assume) => {
    const { file } = await lint('-- no-transaction\nSELECT 1;', framework, { assumeInTransaction: assume });
    expect(file).toMatchObject({ inTransaction: assume, transactionReason: `assume-in-transaction: ${assume}` });
  });

  it('still lints only the up section', async () => {
    const sql = '-- +goose Up\nSELECT 1;\n-- +goose Down\nCREATE INDEX i ON users (email);';
    const { index } = await lint(sql, 'goose', { assumeInTransaction: false });
    expect(index).toEqual([]);
  });
});

describe('parseFramework', () => {
  it('defaults to plain and rejects unknown names', () => {
    expect(parseFramework(undefined)).toBe('plain');
    expect(parseFramework('')).toBe('plain');
    expect(parseFramework('goose')).toBe('goose');
    expect(() => parseFramework('rails')).toThrow(/framework must be one of/);
  });
});

describe('prisma sends the file as one query', () => {
  it('runs several statements in one transaction', async () => {
    const { file } = await lint('SELECT 1;\nCREATE INDEX i ON users (email);', 'prisma');
    expect(file).toMatchObject({
      inTransaction: true,
      transactionReason: 'Prisma Migrate sends migration.sql as one query: several statements run in one transaction'
    });
  });

  it('ends the transaction at a COMMIT written in the file', async () => {
    const sql = 'CREATE INDEX a ON users (email);\nCOMMIT;\nCREATE INDEX CONCURRENTLY b ON users (name);';
    const result = await lintSql(sql, { history: [EXISTING], framework: 'prisma' });
    expect(result.findings.filter((f) => f.rule === 'ban-concurrent-index-creation-in-transaction')).toEqual([]);
  });
});

describe('flyway order', () => {
  it('applies versioned migrations by version across folders, then repeatable ones by description', () => {
    const paths = [
      'db/b/R__views.sql',
      'db/b/V1_10__later.sql',
      'db/a/V2__second.sql',
      'db/b/V1_2__minor.sql',
      'db/a/R__a_functions.sql',
      'db/a/V1__first.sql'
    ];
    expect(orderMigrations(paths, 'flyway')).toEqual([
      'db/a/V1__first.sql',
      'db/b/V1_2__minor.sql',
      'db/b/V1_10__later.sql',
      'db/a/V2__second.sql',
      'db/a/R__a_functions.sql',
      'db/b/R__views.sql'
    ]);
  });

  it('keeps path order for the other frameworks', () => {
    expect(orderMigrations(['b/2.sql', 'a/10.sql', 'a/9.sql'], 'goose')).toEqual(['a/9.sql', 'a/10.sql', 'b/2.sql']);
  });
});
