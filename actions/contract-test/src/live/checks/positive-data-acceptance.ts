// A request the spec calls valid (its examples, generated boundary values) must be accepted: 2xx, or a status
// that says something other than "your data is wrong" (a generated id that does not exist, a conflict with
// earlier data, rate limiting, and missing credentials when none were configured).
import { defineCheck } from './check.js';

export default defineCheck<{ accepted: number[]; case: string }>({
  id: 'positive-data-acceptance',
  title: 'Positive data acceptance',
  description: 'Valid requests (examples, boundary values) are accepted with a 2xx.',
  schemathesis: 'positive_data_acceptance',
  appliesTo: (kase) => kase.kind === 'example' || kase.kind === 'positive' || kase.role === 'create',
  expect({ kase, credentialsApplied }) {
    const accepted = [409, 429];
    if (kase.op.parameters.some((p) => p.in === 'path') && kase.kind !== 'stateful') accepted.push(404, 410);
    if (!credentialsApplied && kase.op.security.length > 0) accepted.push(401, 403);
    return { accepted, case: kase.description };
  },
  evaluate(observed, expected) {
    const status = observed.response!.status;
    if (status < 300 || expected.accepted.includes(status)) return undefined;
    return { message: `rejected valid data with ${status}` };
  }
});
