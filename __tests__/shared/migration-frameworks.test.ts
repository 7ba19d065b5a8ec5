import { describe, expect, it } from '@jest/globals';
import { compareVersionKeys, flywayFile, isDownFile, versionKey } from '../../shared/src/lib/migration-frameworks.js';

describe('migration file names, as the tools read them', () => {
  it.each([
    ['V1__init.sql', { kind: 'versioned', version: '1' }],
    ['V1_2__add.sql', { kind: 'versioned', version: '1.2' }],
    ['V010.0__x.sql', { kind: 'versioned', version: '10' }],
    ['U3__undo.sql', { kind: 'undo', version: '3' }],
    ['B5__baseline.sql', { kind: 'baseline', version: '5' }],
    ['R__views.sql', { kind: 'repeatable', description: 'views' }],
    ['v1__lower.sql', undefined],
    ['V1_init.sql', undefined],
    ['V1__x.txt', undefined]
  ])('flywayFile(%s)', (name, expected) => {
    expect(flywayFile(name)).toEqual(expected);
  });

  it('tells rollback twins apart in any case', () => {
    expect(['1_a.down.sql', '1_a.DOWN.SQL', '1_a.down.go'].map(isDownFile)).toEqual([true, true, true]);
    expect(['1_a.up.sql', 'down.sql', 'a.downgrade.sql'].map(isDownFile)).toEqual([false, false, false]);
  });

  it('orders versions part by part, numbers as numbers', () => {
    const sorted = ['10', '2', '1.10', '1.9', 'abc', '1'].map(versionKey).sort(compareVersionKeys);
    expect(sorted).toEqual(['1', '1.9', '1.10', '2', '10', 'abc']);
  });
});
