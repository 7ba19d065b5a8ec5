import { __CONST___CHECKS } from '../../actions/contract-test/src/diff/__FAMILY__.js';
import { diffTable } from './diff-table.js';

// One row per case: two small specs, and the change the family reports between them (or none).
const spec = (tags: string[]) =>
  `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\ntags: [${tags.map((t) => `{ name: ${t} }`).join(', ')}]\n`;

diffTable('__FAMILY__', __CONST___CHECKS, {
  reports: [
    { base: spec(['pets', 'users']), head: spec(['pets']), id: '__FAMILY__-removed', message: 'tag "users" was removed' },
    { base: spec(['pets']), head: spec(['pets', 'users']), id: '__FAMILY__-added', message: 'tag "users" was added' }
  ],
  accepts: [
    { base: spec(['pets', 'users']), head: spec(['users', 'pets']) },
    { base: spec([]), head: spec([]) }
  ]
});
