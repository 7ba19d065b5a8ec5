// A resource the server says it created (2xx, with an id or a Location) must be readable right away.
import { defineCheck } from './check.js';

export default defineCheck<{ created: string; tolerated: number[] }>({
  id: 'ensure-resource-availability',
  title: 'Resource availability',
  description: 'A resource created with a 2xx can be read back at once (links, Location or inferred id).',
  schemathesis: 'ensure_resource_availability',
  appliesTo: (kase) => kase.role === 'read-after-create',
  expect: ({ kase, credentialsApplied }) => ({
    created: kase.description,
    tolerated: !credentialsApplied && kase.op.security.length > 0 ? [401, 403] : []
  }),
  evaluate(observed, expected) {
    const status = observed.response!.status;
    if (status < 300 || expected.tolerated.includes(status)) return undefined;
    return { message: `the created resource cannot be read back (${status})` };
  }
});
