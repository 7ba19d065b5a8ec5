import { defineRule } from '../engine/rule.js';

// Emitted by the driver from the replayed catalogue (engine/catalog.ts); declared here for the catalogue and config.
export const missingObject = defineRule({
  id: 'missing-object',
  severity: 'error',
  message: 'The statement renames, alters or drops something the earlier migrations never created',
  help: 'The schema built by replaying the earlier migrations has no such table, column or constraint, so PostgreSQL would fail the deploy. Check the name (case matters for quoted identifiers) and the migration order. Tables are only reported missing once the replayed history has created tables, so a history that starts from an existing database is not flagged.',
  equivalents: {}
});
