import { describe, expect, it } from '@jest/globals';
import { writeJson } from '../../shared/src/cli/command.js';

// printReport writes --format json in pieces: the bytes must be JSON.stringify's, whatever the value holds.
function written(value: unknown): { text: string; pieces: number } {
  const pieces: string[] = [];
  writeJson(value, (text) => pieces.push(text));
  return { text: pieces.join(''), pieces: pieces.length };
}

describe('writeJson', () => {
  it('writes what JSON.stringify(value, null, 2) does, for the shapes a report envelope can hold', () => {
    const values: unknown[] = [
      { tool: 'x', counts: { error: 1 }, findings: [], empty: {}, nested: [[], {}, [1, [2, { a: [] }]]] },
      {
        skipped: undefined,
        fn: () => 1,
        list: [undefined, () => 1, null, 'line\nbreak "quoted" \u2028', 1.5, true],
        when: new Date(0),
        map: new Map([['a', 1]]),
        withToJson: { toJSON: () => ({ replaced: [1, 2] }) },
        '': 'empty key',
        'ümlaut\n': { deep: { deeper: [{ a: 1 }] } }
      },
      [],
      [{ a: [1, { b: 2 }] }, 3],
      'just a string',
      42,
      null
    ];
    for (const value of values) expect(written(value).text).toBe(JSON.stringify(value, null, 2) + '\n');
  });

  it('hands a large report to the writer in pieces', () => {
    const value = { findings: Array.from({ length: 5000 }, (_, i) => ({ id: `rule-${i}`, message: 'm'.repeat(40) })) };
    const { text, pieces } = written(value);
    expect(text).toBe(JSON.stringify(value, null, 2) + '\n');
    expect(pieces).toBeGreaterThan(3);
  });
});
