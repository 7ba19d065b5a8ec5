// A method the path does not document must be refused with 405 and an Allow header (RFC 9110, 15.5.6).
// Accepting it is an error (an undocumented operation); refusing it another way is a warning.
import type { HttpMethod } from '../types.js';
import { defineCheck } from './check.js';

const CANDIDATES: HttpMethod[] = ['delete', 'put', 'patch', 'post', 'get'];

export default defineCheck<{ method: string; documented: string[] }>({
  id: 'unsupported-method',
  title: 'Unsupported method',
  description: 'Undocumented methods get 405 Method Not Allowed with an Allow header.',
  schemathesis: 'unsupported_method',
  appliesTo: (kase) => kase.kind === 'unsupported-method',
  plan({ op, base, planner, model, firstOfPath }) {
    if (!firstOfPath) return [];
    const documented = model.methodsByPath.get(op.path) ?? [];
    // One undocumented method per path; the writes first, since accepting those does the most harm.
    const method = CANDIDATES.find((m) => !documented.includes(m));
    if (!method) return [];
    const params = new Map([...base.params].filter(([p]) => p.in === 'path'));
    return [
      planner.make(op, 'unsupported-method', `undocumented method ${method.toUpperCase()}`, { params }, { method })
    ];
  },
  expect({ kase, model }) {
    const documented = (model.methodsByPath.get(kase.op.path) ?? []).map((m) => m.toUpperCase());
    return { method: kase.method.toUpperCase(), documented };
  },
  evaluate(observed, expected) {
    const { status, headers } = observed.response!;
    if (status < 400)
      return { message: `${expected.method} is not documented but was answered ${status}; expected 405` };
    if (status !== 405)
      return { level: 'warning', message: `${expected.method} answered ${status}; expected 405 Method Not Allowed` };
    if (headers['allow'] === undefined)
      return {
        level: 'warning',
        message: `${expected.method} answered 405 without the Allow header RFC 9110 requires`
      };
    return undefined;
  }
});
