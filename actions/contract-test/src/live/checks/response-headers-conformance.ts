// Headers the response documents as required must be present, and every documented header that is present
// must match its schema (values are text, read as their schema's type).
import type { PortableSchema } from '../types.js';
import { defineCheck } from './check.js';

interface HeaderExpectation {
  name: string;
  required: boolean;
  schema?: PortableSchema;
}

export default defineCheck<{ status: string; headers: HeaderExpectation[] }>({
  id: 'response-headers-conformance',
  title: 'Response headers conformance',
  description: 'Required response headers are present and documented headers match their schemas.',
  schemathesis: 'response_headers_conformance',
  appliesTo: (kase) => kase.kind !== 'unsupported-method' && kase.kind !== 'options',
  expect({ responseDef, portables }) {
    if (!responseDef || responseDef.headers.length === 0) return undefined;
    return {
      status: responseDef.key,
      headers: responseDef.headers.map((h) => ({
        name: h.name,
        required: h.required,
        schema: Object.keys(h.schema).length > 0 ? portables.get(h.schema, 'response') : undefined
      }))
    };
  },
  evaluate(observed, expected, { validator }) {
    const headers = observed.response!.headers;
    const missing = expected.headers.filter((h) => h.required && headers[h.name.toLowerCase()] === undefined);
    if (missing.length > 0)
      return {
        message: `missing required header${missing.length > 1 ? 's' : ''} ${missing.map((h) => h.name).join(', ')} (documented for ${expected.status})`
      };
    for (const header of expected.headers) {
      const value = headers[header.name.toLowerCase()];
      if (value === undefined || !header.schema) continue;
      const outcome = validator.validate(header.schema, value, { coerce: true, prefix: header.name });
      if (!outcome.valid)
        return {
          message: `header ${header.name}: "${value.slice(0, 80)}" ${outcome.errors[0].replace(/^[^:]*: /, '')}`
        };
    }
    return undefined;
  }
});
