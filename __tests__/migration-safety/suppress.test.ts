// Ignore comments: ours per statement and per file, and squawk's mapped through each rule's equivalents.
import { lintMigrations } from '../../actions/migration-safety/src/engine/lint.js';
import { defineRule, type Rule } from '../../actions/migration-safety/src/engine/rule.js';
import { squawkIndex, Suppressions } from '../../actions/migration-safety/src/engine/suppress.js';
import { EXISTING, lintSql } from './lint-sql.js';

const INDEX = 'require-concurrent-index-creation';
const DROP = 'ban-drop-table';
const history = [EXISTING];
const WATCHED = new Set([INDEX, DROP]);

async function hits(sql: string) {
  const result = await lintSql(sql, { history });
  return result.findings.filter((f) => WATCHED.has(f.rule)).map((f) => [f.rule, f.line]);
}

const TWO = 'CREATE INDEX a ON users (email);\nDROP TABLE orgs;';

describe('statement suppressions', () => {
  it('reports both hazards without comments', async () => {
    expect(await hits(TWO)).toEqual([
      [INDEX, 1],
      [DROP, 2]
    ]);
  });

  it('-- ubos-ignore: a, b before a statement silences those rules on that statement only', async () => {
    const sql = `-- ubos-ignore: ${DROP}, ${INDEX}\nCREATE INDEX a ON users (email);\nCREATE INDEX b ON users (name);\nDROP TABLE orgs;`;
    expect(await hits(sql)).toEqual([
      [INDEX, 3],
      [DROP, 4]
    ]);
  });

  it('silences only the rules it names', async () => {
    const sql = `-- ubos-ignore: ${DROP}\nCREATE INDEX a ON users (email);\n-- ubos-ignore: ${INDEX}\nDROP TABLE orgs;`;
    expect(await hits(sql)).toEqual([
      [INDEX, 2],
      [DROP, 4]
    ]);
  });

  it('bare -- ubos-ignore silences every rule on the next statement', async () => {
    const sql = `CREATE INDEX a ON users (email); -- ubos-ignore\nDROP TABLE orgs;\nCREATE INDEX b ON users (name);`;
    expect(await hits(sql)).toEqual([
      [INDEX, 1],
      [INDEX, 3]
    ]);
  });

  it('accepts the comment among other comments, with CRLF line endings and any case', async () => {
    const sql = `-- add an index\r\n--   UBOS-IGNORE:  ${INDEX.toUpperCase()}\r\n/* why: small table */\r\nCREATE INDEX a ON users (email);\r\n`;
    expect(await hits(sql)).toEqual([]);
  });

  it('-- squawk-ignore maps to our rule through its equivalents', async () => {
    const sql = `-- squawk-ignore ${INDEX}\nCREATE INDEX a ON users (email);\nCREATE INDEX b ON users (name);`;
    expect(await hits(sql)).toEqual([[INDEX, 3]]);
  });

  it('-- squawk-ignore of a rule we map to nothing silences nothing', async () => {
    const sql = `-- squawk-ignore some-rule-we-do-not-have\nCREATE INDEX a ON users (email);`;
    expect(await hits(sql)).toEqual([[INDEX, 2]]);
  });
});

describe('file suppressions', () => {
  it('-- ubos-ignore-file: a silences the rule in the whole file, wherever the comment is', async () => {
    const sql = `${TWO}\nCREATE INDEX b ON users (name);\n-- ubos-ignore-file: ${INDEX}\n`;
    expect(await hits(sql)).toEqual([[DROP, 2]]);
  });

  it('bare -- ubos-ignore-file silences every rule', async () => {
    expect(await hits(`-- ubos-ignore-file\n${TWO}`)).toEqual([]);
  });

  it('-- squawk-ignore-file with a rule maps through equivalents', async () => {
    expect(await hits(`-- squawk-ignore-file ${DROP}\n${TWO}`)).toEqual([[INDEX, 2]]);
  });

  it('bare -- squawk-ignore-file silences every rule', async () => {
    expect(await hits(`${TWO}\n-- squawk-ignore-file`)).toEqual([]);
  });

  it('does not leak into the next file', async () => {
    const result = await lintMigrations(
      [
        { path: '0.sql', text: EXISTING, lint: false, changeSet: 0 },
        { path: '1.sql', text: `-- ubos-ignore-file\nCREATE INDEX a ON users (email);`, lint: true, changeSet: 1 },
        { path: '2.sql', text: 'CREATE INDEX b ON users (email);', lint: true, changeSet: 2 }
      ],
      { pgVersion: 16, framework: 'plain' },
      (await import('../../actions/migration-safety/src/rules/index.js')).ALL_RULES
    );
    expect(result.findings.filter((f) => f.rule === INDEX).map((f) => f.file)).toEqual(['2.sql']);
  });
});

describe('squawk ids that differ from ours', () => {
  // A rule whose id differs from squawk's, to show the mapping goes through equivalents, not the id.
  const renamed: Rule = defineRule({
    id: 'our-index-rule',
    severity: 'warning',
    message: 'index',
    help: 'help',
    equivalents: { squawk: ['require-concurrent-index-creation', 'squawk-alias'] },
    check: (ctx) => {
      if (ctx.statement.kind === 'IndexStmt') ctx.report();
    }
  });
  const other: Rule = defineRule({
    id: 'other-rule',
    severity: 'warning',
    message: 'other',
    help: 'help',
    equivalents: { squawk: ['squawk-alias'] },
    check: (ctx) => {
      if (ctx.statement.kind === 'IndexStmt') ctx.report();
    }
  });

  async function run(sql: string) {
    const result = await lintMigrations(
      [{ path: 'm.sql', text: sql, lint: true, changeSet: 0 }],
      { pgVersion: 16, framework: 'plain' },
      [renamed, other]
    );
    return result.findings.map((f) => [f.rule, f.line]);
  }

  it('maps one squawk id to our rule', async () => {
    expect(await run(`-- squawk-ignore require-concurrent-index-creation\nCREATE INDEX a ON t (x);`)).toEqual([
      ['other-rule', 2]
    ]);
  });

  it('maps a squawk id shared by two of our rules to both, in a comma list', async () => {
    expect(
      await run(`-- squawk-ignore ban-drop-table,squawk-alias\nCREATE INDEX a ON t (x);\nCREATE INDEX b ON t (x);`)
    ).toEqual([
      ['other-rule', 3],
      ['our-index-rule', 3]
    ]);
  });

  it('builds the index from the equivalents', () => {
    expect(squawkIndex([renamed, other])).toEqual(
      new Map([
        ['require-concurrent-index-creation', ['our-index-rule']],
        ['squawk-alias', ['our-index-rule', 'other-rule']]
      ])
    );
  });

  it('parses the comment forms', () => {
    const a = { ...renamed, id: 'a', equivalents: {} };
    const b = { ...renamed, id: 'b', equivalents: {} };
    const c = { ...renamed, id: 'c', equivalents: {} };
    const reader = new Suppressions([renamed, other, a, b, c]);
    expect(reader.statement('-- ubos-ignore: a, b\n')).toEqual(new Set(['a', 'b']));
    expect(reader.statement('-- ubos-ignore\n')).toBe('all');
    expect(reader.statement('-- ubos-ignore-file: a\n')).toEqual(new Set());
    expect(reader.file('x;\n-- ubos-ignore-file: a,b\n-- ubos-ignore-file: c').suppressed).toEqual(
      new Set(['a', 'b', 'c'])
    );
    expect(reader.file('-- ubos-ignore: a\n').suppressed).toEqual(new Set());
    expect(reader.file('-- squawk-ignore-file squawk-alias').suppressed).toEqual(
      new Set(['our-index-rule', 'other-rule'])
    );
  });
});
