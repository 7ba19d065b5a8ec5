import { lintMigrations } from '../../actions/migration-safety/src/engine/lint.js';
import { defineRule } from '../../actions/migration-safety/src/engine/rule.js';
import { ALL_RULES } from '../../actions/migration-safety/src/rules/index.js';

const broken = defineRule({
  id: 'broken-rule',
  severity: 'warning',
  message: 'never reported',
  help: 'throws on every statement',
  equivalents: {},
  check() {
    throw new Error('boom\nsecond line');
  }
});

describe('a rule that throws', () => {
  it('becomes an internal-error finding on the statement, and the other rules and files still run', async () => {
    const sources = [
      {
        path: 'a.sql',
        text: 'CREATE TABLE t (a int);\nCREATE INDEX CONCURRENTLY i ON t (a);',
        lint: false,
        changeSet: 0
      },
      { path: 'b.sql', text: 'SELECT 1;\nCREATE INDEX j ON t (a);', lint: true, changeSet: 1 }
    ];
    const result = await lintMigrations(sources, { pgVersion: 16, framework: 'plain' }, [...ALL_RULES, broken]);
    const internal = result.findings.filter((f) => f.rule === 'internal-error');
    expect(internal.map((f) => [f.file, f.line, f.message])).toEqual([
      ['b.sql', 1, 'Rule broken-rule failed here: boom'],
      ['b.sql', 2, 'Rule broken-rule failed here: boom']
    ]);
    expect(result.findings.some((f) => f.rule === 'require-concurrent-index-creation' && f.line === 2)).toBe(true);
  });
});
