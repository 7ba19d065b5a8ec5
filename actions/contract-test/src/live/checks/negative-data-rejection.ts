// A request that breaks one documented constraint must be refused with a 4xx: a server that accepts it either
// does not validate its input or documents constraints it does not have.
import { defineCheck } from './check.js';

export default defineCheck<{ violation: string }>({
  id: 'negative-data-rejection',
  title: 'Negative data rejection',
  description: 'Requests that break exactly one documented constraint are rejected with a 4xx.',
  schemathesis: 'negative_data_rejection',
  appliesTo: (kase) => kase.kind === 'negative',
  expect: ({ kase }) => ({ violation: kase.description }),
  evaluate(observed) {
    const status = observed.response!.status;
    if (status >= 400) return undefined;
    return { message: `accepted invalid data with ${status}; expected a 4xx` };
  }
});
