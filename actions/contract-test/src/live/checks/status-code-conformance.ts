// A response to valid data must carry a status the operation documents (the code, a range such as 2XX, or
// default). Rejections of invalid data and probes are judged by their own checks, which know what they expect.
import { defineCheck } from './check.js';
import { isDocumented } from './support.js';

export default defineCheck<{ documented: string[] }>({
  id: 'status-code-conformance',
  title: 'Status code conformance',
  description: 'Responses to valid requests use a status code the operation documents (exact, range or default).',
  schemathesis: 'status_code_conformance',
  appliesTo: (kase) => kase.kind === 'example' || kase.kind === 'positive' || kase.kind === 'stateful',
  expect: ({ kase }) => ({ documented: kase.op.responses.map((r) => r.key) }),
  evaluate(observed, expected) {
    const status = observed.response!.status;
    if (isDocumented(expected.documented, status)) return undefined;
    return { message: `undocumented status ${status} (documented: ${expected.documented.join(', ') || 'none'})` };
  }
});
