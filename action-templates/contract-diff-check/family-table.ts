import { __CONST___CHECKS } from '../../../actions/contract-test/src/diff/__FAMILY__.js';
import { diffTable } from '../diff-table.js';

// The table of the diff family __FAMILY__: for each of its checks a row with two small specs that reports it, and
// the near misses (the same kind of change) that must not. diff-tables.test.ts runs it and fails naming any
// check of the catalogue without a row, so a check added to __CONST___CHECKS needs its row here.
const spec = (tags: string[]) =>
  `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\ntags: [${tags.map((t) => `{ name: ${t} }`).join(', ')}]\n`;

export default diffTable('__FAMILY__', __CONST___CHECKS, {
  reports: [
    {
      base: spec(['pets', 'users']),
      head: spec(['pets']),
      id: '__FAMILY__-removed',
      path: null,
      message: 'tag "users" was removed'
    },
    { base: spec(['pets']), head: spec(['pets', 'users']), id: '__FAMILY__-added', path: null, message: 'tag "users" was added' }
  ],
  accepts: [
    // Reordered tags are the same tags.
    { base: spec(['pets', 'users']), head: spec(['users', 'pets']) },
    { base: spec([]), head: spec([]) }
  ]
});
