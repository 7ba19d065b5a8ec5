import { defineRule } from '../engine/rule.js';
import { tokensOf } from './compatibility-helpers.js';

export const banTruncateCascade = defineRule({
  id: 'ban-truncate-cascade',
  severity: 'error',
  message: 'TRUNCATE ... CASCADE also empties every table that references these through a foreign key',
  help: '`CASCADE` truncates every table with a foreign key to the named ones, and the tables referencing those, recursively: tables nobody meant to empty lose all their rows, under an ACCESS EXCLUSIVE lock on each. Name every table to empty explicitly and leave out `CASCADE`, so a forgotten reference makes the statement fail instead.',
  equivalents: { squawk: ['ban-truncate-cascade'] },
  kinds: ['TruncateStmt'],
  check(ctx) {
    const { kind, body } = ctx.statement;
    if (kind !== 'TruncateStmt' || body.behavior !== 'DROP_CASCADE') return;
    const cascade = tokensOf(ctx).findLast((t) => t.word === 'cascade' && !t.text.startsWith('"'));
    ctx.report({ range: cascade ? { start: cascade.start, end: cascade.end } : undefined });
  }
});
