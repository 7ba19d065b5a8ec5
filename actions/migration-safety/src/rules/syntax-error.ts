import { defineRule } from '../engine/rule.js';

// Emitted by the driver (engine/lint.ts) when a file does not parse; declared here for the catalogue and config.
export const syntaxError = defineRule({
  id: 'syntax-error',
  severity: 'error',
  message: 'The file does not parse as PostgreSQL SQL',
  help: 'PostgreSQL would reject this migration at deploy time. The position is where the PostgreSQL parser stopped; statements before it are still linted, those after it are not.',
  equivalents: { squawk: ['syntax-error'] }
});
