// Every diff family's table (diff-tables/<family>.ts, found by listing the folder), then the one coverage test:
// each check of the catalogue must have a table row that reports it, so a new check without a row fails here.
import { expect, test } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { ALL_CHECKS } from '../../actions/contract-test/src/diff/index.js';
import { runDiffTable, type FamilyTable } from './diff-table.js';

const folder = new URL('./diff-tables/', import.meta.url);
const modules = readdirSync(folder)
  .filter((name) => name.endsWith('.ts'))
  .sort();
const tables: FamilyTable[] = [];
for (const name of modules) {
  const module = (await import(new URL(name.replace(/\.ts$/, '.js'), folder).href)) as {
    default?: FamilyTable | FamilyTable[];
  };
  if (module.default === undefined) throw new Error(`diff-tables/${name} has no default export (its table)`);
  tables.push(...[module.default].flat());
}

for (const table of tables) runDiffTable(table);

// The catalogue itself (diff/registry.ts), not what other tests happened to emit, is the list to cover.
test('every check in the catalogue has a table row that reports it, in the one table of its family', () => {
  const rows = new Set(tables.flatMap((t) => t.table.reports.map((row) => row.id)));
  const owners = (id: string) => tables.filter((t) => t.checks.some((c) => c.id === id)).map((t) => t.family);
  const problems = ALL_CHECKS.flatMap(({ id }) => [
    ...(rows.has(id) ? [] : [`${id}: no table row reports it`]),
    ...(owners(id).length === 1 ? [] : [`${id}: declared by ${owners(id).length} tables (${owners(id).join(', ')})`])
  ]);
  expect(problems).toEqual([]);
});
