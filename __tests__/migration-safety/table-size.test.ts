import { describe, expect, it } from '@jest/globals';
import { lintMigrations } from '../../actions/migration-safety/src/engine/lint.js';
import { defineRule } from '../../actions/migration-safety/src/engine/rule.js';
import {
  applyTableSizes,
  classify,
  DEFAULT_THRESHOLDS,
  estimateSeconds,
  formatRows,
  formatSeconds,
  formatSize,
  parseSize,
  THROUGHPUT_MB_S,
  touchedTables,
  type TableStats
} from '../../actions/migration-safety/src/engine/table-size.js';
import type { Finding } from '../../actions/migration-safety/src/engine/types.js';
import { ALL_RULES } from '../../actions/migration-safety/src/rules/index.js';
import { EXISTING, lintSql } from './lint-sql.js';

const MB = 1024 * 1024;
const GB = 1024 * MB;

function finding(overrides: Partial<Finding>): Finding {
  return {
    file: 'migration.sql',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 10,
    rule: 'changing-column-type',
    severity: 'error',
    message: 'Changing the column type rewrites the table',
    help: '',
    equivalents: {},
    docs: '',
    table: 'public.orders',
    cost: 'rewrite',
    ...overrides
  };
}

const big: TableStats = { key: 'public.orders', rows: 24_000_000, totalBytes: 6 * GB, heapBytes: 4 * GB };
const tiny: TableStats = { key: 'public.flags', rows: 12, totalBytes: 16 * 1024, heapBytes: 8 * 1024 };
const medium: TableStats = { key: 'public.users', rows: 200_000, totalBytes: 80 * MB, heapBytes: 50 * MB };

describe('rule costs', () => {
  it('are declared by the rules whose hazard grows with the table, and only by them', () => {
    const costs = Object.fromEntries(ALL_RULES.filter((r) => r.cost).map((r) => [r.id, r.cost]));
    expect(costs).toEqual({
      'changing-column-type': 'rewrite',
      'adding-field-with-default': 'rewrite',
      'prefer-repack': 'rewrite',
      'adding-not-nullable-field': 'scan',
      'constraint-missing-not-valid': 'scan',
      'adding-foreign-key-constraint': 'scan',
      'pk-using-index-nullable': 'scan',
      'require-concurrent-index-creation': 'index-build',
      'require-concurrent-reindex': 'index-build',
      'adding-serial-primary-key-field': 'index-build',
      'disallowed-unique-constraint': 'index-build',
      'exclusion-constraint': 'index-build'
    });
  });

  it('put the rewritten or scanned table on the finding; a foreign key names its referencing table', async () => {
    const result = await lintSql(
      `ALTER TABLE users ALTER COLUMN age TYPE bigint;
CREATE INDEX users_email ON users (email);
ALTER TABLE users ADD CONSTRAINT users_org FOREIGN KEY (org_id) REFERENCES orgs (id);
DROP TABLE orgs;`,
      { history: [EXISTING] }
    );
    const byRule = Object.fromEntries(result.findings.map((f) => [f.rule, [f.table, f.cost]]));
    expect(byRule['changing-column-type']).toEqual(['public.users', 'rewrite']);
    expect(byRule['require-concurrent-index-creation']).toEqual(['public.users', 'index-build']);
    expect(byRule['adding-foreign-key-constraint']).toEqual(['public.users', 'scan']);
    // A rule without a cost gets no table: its hazard does not depend on the size.
    expect(byRule['ban-drop-table']).toEqual([undefined, undefined]);
  });

  it('leave out a table created in the change set: it is empty, its size is never looked up', async () => {
    // Every costed rule exempts a new table itself; a rule that reports one anyway still gets no table.
    const always = defineRule({
      id: 'always-rewrites',
      severity: 'warning',
      cost: 'rewrite',
      message: 'rewrites',
      help: '',
      equivalents: {},
      check: (ctx) => (ctx.statement.kind === 'AlterTableStmt' ? ctx.report() : undefined)
    });
    const result = await lintMigrations(
      [
        { path: 'a.sql', text: 'CREATE TABLE old (id int);', lint: false, changeSet: 0 },
        {
          path: 'b.sql',
          text: 'CREATE TABLE fresh (id int);\nALTER TABLE fresh ADD COLUMN a int;\nALTER TABLE old ADD COLUMN a int;',
          lint: true,
          changeSet: 1
        }
      ],
      { pgVersion: 16, framework: 'plain' },
      [always]
    );
    expect(result.findings.map((f) => [f.line, f.table])).toEqual([
      [2, undefined],
      [3, 'public.old']
    ]);
    expect(touchedTables(result.findings)).toEqual([{ key: 'public.old', schema: 'public', name: 'old' }]);
  });
});

describe('applyTableSizes', () => {
  it('raises a warning on a big table to an error, with the size and an estimate in the message', () => {
    const index = finding({ rule: 'require-concurrent-index-creation', severity: 'warning', cost: 'index-build' });
    const { findings, tables } = applyTableSizes([index], [big]);
    // 4 GB of heap at 40 MB/s: 102 s.
    expect(findings[0].severity).toBe('error');
    expect(findings[0].message).toBe(
      'Changing the column type rewrites the table [table public.orders has ~24M rows (6 GB), the index build takes about 1.7 min (at 40 MB/s): raised from warning to error]'
    );
    expect(findings[0].size).toEqual({
      originalLevel: 'warning',
      change: 'raised',
      reason: expect.stringContaining('raised from warning to error'),
      estimateSeconds: (4 * 1024) / 40
    });
    expect(tables).toEqual([{ ...big, class: 'big', estimates: { 'index-build': 102.4 } }]);
  });

  it('keeps an error on a big table an error and adds the estimate of the rewrite (the total size)', () => {
    const [rewrite] = applyTableSizes([finding({})], [big]).findings;
    expect(rewrite.severity).toBe('error');
    expect(rewrite.size?.change).toBe('confirmed');
    expect(rewrite.size?.estimateSeconds).toBeCloseTo((6 * 1024) / THROUGHPUT_MB_S.rewrite);
    expect(rewrite.message).toMatch(/the rewrite takes about 4.1 min \(at 25 MB\/s\)\]$/);
  });

  it('lowers a finding on a tiny table one level: error to warning, warning to notice', () => {
    const { findings } = applyTableSizes(
      [
        finding({ table: 'public.flags' }),
        finding({
          table: 'public.flags',
          rule: 'require-concurrent-index-creation',
          severity: 'warning',
          cost: 'index-build'
        })
      ],
      [tiny]
    );
    expect(findings.map((f) => [f.severity, f.size?.originalLevel, f.size?.change])).toEqual([
      ['warning', 'error', 'lowered'],
      ['notice', 'warning', 'lowered']
    ]);
    expect(findings[0].message).toContain(
      '[table public.flags has ~12 rows (16 kB), the rewrite takes under a second (at 25 MB/s): lowered from error to warning]'
    );
  });

  it('leaves medium tables, unknown tables and findings without a table unchanged, and lists unknown ones once', () => {
    const onMedium = finding({ table: 'public.users' });
    const unknownA = finding({ table: 'public.ghost', line: 1 });
    const unknownB = finding({ table: 'public.ghost', line: 2, cost: 'scan' });
    const noTable = finding({ rule: 'ban-drop-table', table: undefined, cost: undefined });
    const result = applyTableSizes([onMedium, unknownA, unknownB, noTable], [medium]);
    expect(result.findings[0]).toBe(onMedium);
    expect(result.findings.slice(1)).toEqual([unknownA, unknownB, noTable]);
    expect(result.unknown).toEqual(['public.ghost']);
    expect(result.tables).toEqual([{ ...medium, class: 'medium', estimates: { rewrite: 80 / 25 } }]);
  });

  it('judges a never-analysed table by its size alone, and says the row count is unknown', () => {
    const fresh: TableStats = { key: 'public.fresh', totalBytes: 8192, heapBytes: 0 };
    const [f] = applyTableSizes([finding({ table: 'public.fresh' })], [fresh]).findings;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain(
      '[table public.fresh is 8 kB (never analysed: rows unknown), the rewrite takes under a second'
    );
    const huge: TableStats = { key: 'public.fresh', totalBytes: 2 * GB, heapBytes: 2 * GB };
    expect(classify(huge, DEFAULT_THRESHOLDS)).toBe('big');
  });
});

describe('classify', () => {
  it('is big from either threshold, tiny under a hundredth of both', () => {
    const t = { bigRows: 1000, bigBytes: 100 * MB };
    expect(classify({ key: 'a', rows: 1000, totalBytes: 0, heapBytes: 0 }, t)).toBe('big');
    expect(classify({ key: 'a', rows: 0, totalBytes: 100 * MB, heapBytes: 0 }, t)).toBe('big');
    expect(classify({ key: 'a', rows: 9, totalBytes: MB - 1, heapBytes: 0 }, t)).toBe('tiny');
    expect(classify({ key: 'a', rows: 10, totalBytes: 8192, heapBytes: 0 }, t)).toBe('medium');
    expect(classify({ key: 'a', rows: 9, totalBytes: 2 * MB, heapBytes: 0 }, t)).toBe('medium');
  });

  it('has defaults of 1,000,000 rows and 1 GB: tiny below 10,000 rows and about 10 MB', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ bigRows: 1_000_000, bigBytes: GB });
    expect(classify({ key: 'a', rows: 9_999, totalBytes: 10 * MB, heapBytes: 0 }, DEFAULT_THRESHOLDS)).toBe('tiny');
    expect(classify({ key: 'a', rows: 10_000, totalBytes: MB, heapBytes: 0 }, DEFAULT_THRESHOLDS)).toBe('medium');
  });
});

describe('formatting and parsing', () => {
  it('estimates from the total size for a rewrite and the heap for a scan', () => {
    expect(estimateSeconds(big, 'rewrite')).toBeCloseTo((6 * 1024) / 25);
    expect(estimateSeconds(big, 'scan')).toBeCloseTo((4 * 1024) / 100);
  });

  it('writes rows, sizes and durations short', () => {
    expect([formatRows(1), formatRows(9_999), formatRows(12_345), formatRows(2_440_000), formatRows(3e9)]).toEqual([
      '~1 row',
      '~9999 rows',
      '~12k rows',
      '~2.4M rows',
      '~3G rows'
    ]);
    expect([formatSize(512), formatSize(16 * 1024), formatSize(1.25 * GB), formatSize(3 * 1024 * GB)]).toEqual([
      '512 bytes',
      '16 kB',
      '1.3 GB',
      '3 TB'
    ]);
    expect([formatSeconds(0.2), formatSeconds(50.4), formatSeconds(754), formatSeconds(9000)]).toEqual([
      'under a second',
      'about 50 s',
      'about 13 min',
      'about 2.5 h'
    ]);
  });

  it('reads sizes in PostgreSQL units, 1024-based, and refuses anything else', () => {
    expect(parseSize('1GB')).toBe(GB);
    expect(parseSize(' 500 mb ')).toBe(500 * MB);
    expect(parseSize('1.5kB')).toBe(1536);
    expect(parseSize('4096')).toBe(4096);
    for (const bad of ['', 'GB', '1 PB', '-1GB', '1e3', '0']) expect(parseSize(bad)).toBeUndefined();
  });
});
