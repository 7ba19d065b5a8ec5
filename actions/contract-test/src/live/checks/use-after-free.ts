// After a successful DELETE, the resource must be gone: reading it again gets 404 or 410.
import { defineCheck } from './check.js';

export default defineCheck<{ deleted: string }>({
  id: 'use-after-free',
  title: 'Use after free',
  description: 'A resource deleted with a 2xx is no longer readable (404 or 410).',
  schemathesis: 'use_after_free',
  appliesTo: (kase) => kase.role === 'read-after-delete',
  expect: ({ kase }) => ({ deleted: kase.description }),
  evaluate(observed) {
    const status = observed.response!.status;
    if (status >= 400) return undefined;
    return { message: `the deleted resource is still readable (${status}); expected 404 or 410` };
  }
});
