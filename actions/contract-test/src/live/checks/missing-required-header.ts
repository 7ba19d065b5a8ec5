// Leaving out a header the operation requires must get a 4xx (401 when it is Authorization).
import { defineCheck } from './check.js';

export default defineCheck<{ header: string; accepted: number[] }>({
  id: 'missing-required-header',
  title: 'Missing required header',
  description: 'Requests without a required header are rejected (400, 401, 403, 406, 415 or 422).',
  schemathesis: 'missing_required_header',
  appliesTo: (kase) => kase.kind === 'missing-header',
  plan({ op, base, planner }) {
    return op.parameters
      .filter((p) => p.in === 'header' && p.required && base.params.has(p))
      .map((p) =>
        planner.make(op, 'missing-header', `without the required header ${p.name}`, base, { omitHeader: p.name })
      );
  },
  expect({ kase }) {
    const header = kase.omitHeader!;
    return { header, accepted: header.toLowerCase() === 'authorization' ? [401] : [400, 401, 403, 406, 415, 422] };
  },
  evaluate(observed, expected) {
    const status = observed.response!.status;
    if (expected.accepted.includes(status)) return undefined;
    const level = status >= 400 ? 'warning' : 'error';
    return {
      level,
      message: `answered ${status} without the required header ${expected.header}; expected ${expected.accepted.join(', ')}`
    };
  }
});
