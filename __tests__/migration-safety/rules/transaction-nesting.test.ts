import { findingsOf, positions } from '../lint-sql.js';

const RULE = 'transaction-nesting';

describe(RULE, () => {
  it.each([
    ['BEGIN;\nBEGIN;\nSELECT 1;\nCOMMIT;', [[2, 1, 2, 6]]],
    ['BEGIN;\nSELECT 1;\nCOMMIT;\nCOMMIT;', [[4, 1, 4, 7]]],
    ['SELECT 1;\n  ROLLBACK;', [[2, 3, 2, 11]]],
    ['START TRANSACTION;\nBEGIN WORK;\nEND;', [[2, 1, 2, 11]]]
  ])('flags %s', async (sql, expected) => {
    expect(await positions(RULE, sql)).toEqual(expected);
  });

  it.each([
    'BEGIN;\nSELECT 1;\nCOMMIT;\nBEGIN;\nSELECT 2;\nROLLBACK;',
    'BEGIN;\nSAVEPOINT a;\nSELECT 1;\nRELEASE SAVEPOINT a;\nCOMMIT;',
    'SELECT 1;'
  ])('accepts %s', async (sql) => {
    expect(await positions(RULE, sql)).toEqual([]);
  });

  it('flags BEGIN and COMMIT inside the transaction the migration tool opens', async () => {
    const findings = await findingsOf(RULE, 'BEGIN;\nSELECT 1;\nCOMMIT;', { framework: 'goose' });
    expect(findings.map((f) => [f.line, f.message])).toEqual([
      [
        1,
        "BEGIN inside the transaction the migration tool opens for this file: its COMMIT ends the tool's transaction early"
      ],
      [
        3,
        'COMMIT / ROLLBACK of the BEGIN in this file also ends the transaction the migration tool opens: later statements run outside it'
      ]
    ]);
    const commitOnly = await findingsOf(RULE, 'SELECT 1;\nCOMMIT;', { framework: 'goose' });
    expect(commitOnly.map((f) => f.line)).toEqual([2]);
  });

  it('accepts BEGIN ... COMMIT when the tool opens no transaction', async () => {
    expect(
      await positions(RULE, '-- +goose NO TRANSACTION\nBEGIN;\nSELECT 1;\nCOMMIT;', { framework: 'goose' })
    ).toEqual([]);
  });
});
