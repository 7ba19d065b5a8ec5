import { positions } from '../lint-sql.js';

const RULE = 'ban-uncommitted-transaction';

describe(RULE, () => {
  it.each([
    ['BEGIN;\nCREATE TABLE t (a int);', [[1, 1, 1, 6]]],
    ['BEGIN;\nSELECT 1;\nCOMMIT;\n\n  START TRANSACTION;\nSELECT 2;', [[5, 3, 5, 20]]],
    ['BEGIN;\nBEGIN;\nSELECT 1;', [[1, 1, 1, 6]]],
    ['BEGIN;\nSAVEPOINT a;\nROLLBACK TO SAVEPOINT a;', [[1, 1, 1, 6]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql)).toEqual(expected);
  });

  it.each([
    'BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;',
    'BEGIN;\nCREATE TABLE t (a int);\nROLLBACK;',
    'CREATE TABLE t (a int);',
    'BEGIN;\nCREATE TABLE t (a int);\nEND'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql)).toEqual([]);
  });

  it('flags a BEGIN left open in a framework transaction too', async () => {
    expect(await positions(RULE, 'BEGIN;\nSELECT 1;', { framework: 'flyway' })).toEqual([[1, 1, 1, 6]]);
  });
});
