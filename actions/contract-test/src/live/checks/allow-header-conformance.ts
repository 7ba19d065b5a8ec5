// When the server lists the methods of a path (Allow, on OPTIONS), the list must be what the spec documents:
// an extra method is an undocumented operation, a missing one a documented operation the server disowns.
// HEAD and OPTIONS are left out on both sides; frameworks add them on their own.
import { defineCheck } from './check.js';

const IGNORED = new Set(['HEAD', 'OPTIONS']);

export default defineCheck<{ documented: string[] }>({
  id: 'allow-header-conformance',
  title: 'Allow header conformance',
  description: 'The Allow header of an OPTIONS response lists exactly the documented methods.',
  schemathesis: 'allow_header_conformance',
  appliesTo: (kase) => kase.kind === 'options',
  plan({ op, base, planner, model, firstOfPath }) {
    if (!firstOfPath || (model.methodsByPath.get(op.path) ?? []).includes('options')) return [];
    const params = new Map([...base.params].filter(([p]) => p.in === 'path'));
    return [planner.make(op, 'options', 'OPTIONS, to compare Allow with the spec', { params }, { method: 'options' })];
  },
  expect({ kase, model, response }) {
    if (!response || response.headers['allow'] === undefined) return undefined;
    const documented = (model.methodsByPath.get(kase.op.path) ?? []).map((m) => m.toUpperCase());
    return { documented: documented.filter((m) => !IGNORED.has(m)) };
  },
  evaluate(observed, expected) {
    const allow = (observed.response!.headers['allow'] ?? '')
      .split(',')
      .map((m) => m.trim().toUpperCase())
      .filter((m) => m !== '' && !IGNORED.has(m));
    const extra = allow.filter((m) => !expected.documented.includes(m));
    const missing = expected.documented.filter((m) => !allow.includes(m));
    if (extra.length === 0 && missing.length === 0) return undefined;
    const parts = [
      extra.length > 0 ? `undocumented ${extra.join(', ')}` : '',
      missing.length > 0 ? `missing documented ${missing.join(', ')}` : ''
    ];
    return { message: `Allow header does not match the spec: ${parts.filter(Boolean).join('; ')}` };
  }
});
