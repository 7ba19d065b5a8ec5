// An operation that declares security (and no anonymous alternative) must refuse a request without
// credentials. Any 4xx counts as refusing (401 and 403 are usual; some APIs hide resources with 404).
import { defineCheck } from './check.js';

export default defineCheck<{ schemes: string[] }>({
  id: 'ignored-auth',
  title: 'Ignored authentication',
  description: 'Secured operations reject requests that carry no credentials.',
  schemathesis: 'ignored_auth',
  appliesTo: (kase) => kase.kind === 'unauthenticated',
  plan({ op, base, planner }) {
    if (op.security.length === 0 || op.anonymousAllowed) return [];
    return [planner.make(op, 'unauthenticated', 'no credentials', base, { auth: 'none' })];
  },
  expect: ({ kase }) => ({ schemes: [...new Set(kase.op.security.flat().map((s) => s.name))] }),
  evaluate(observed, expected) {
    const status = observed.response!.status;
    if (status >= 400) return undefined;
    return {
      message: `answered ${status} to a request without credentials (the operation requires ${expected.schemes.join(' or ')}); expected 401 or 403`
    };
  }
});
