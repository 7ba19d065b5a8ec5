// A hooks file may fail a transaction itself (Dredd's transaction.fail = "why"): that is a failure too.
import { defineCheck } from './check.js';

export default defineCheck<Record<string, never>>({
  id: 'hook-assertion',
  title: 'Hook assertion',
  description: 'A hook (hooks file) marked the transaction as failed.',
  judgesServerErrors: true,
  appliesTo: () => true,
  expect: ({ options }) => (options.hooks ? {} : undefined),
  evaluate: (observed) => (observed.hookFailure ? { message: `hook: ${observed.hookFailure}` } : undefined)
});
