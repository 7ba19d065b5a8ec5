// The body of a response must match the schema documented for its status and media type (ajv: OAS 3.0 and
// Swagger 2.0 semantics, or JSON Schema 2020-12 for OAS 3.1; writeOnly properties are not required here).
import { isJsonMedia } from '../serialize.js';
import type { PortableSchema } from '../types.js';
import { defineCheck } from './check.js';
import { matchMedia, mediaBase } from './support.js';

export default defineCheck<{ status: string; mediaType: string; schema: PortableSchema }>({
  id: 'response-schema-conformance',
  title: 'Response schema conformance',
  description: 'JSON response bodies match the schema documented for their status and media type.',
  schemathesis: 'response_schema_conformance',
  appliesTo: (kase) => kase.kind !== 'unsupported-method' && kase.kind !== 'options',
  expect({ responseDef, response, portables, kase }) {
    if (!responseDef || !response || kase.method === 'head') return undefined;
    const base = mediaBase(response.headers['content-type']);
    const documented = responseDef.content.map((m) => m.type);
    // Without a Content-Type the documented type is assumed when there is only one; else nothing to go by.
    const matched =
      base === undefined ? (documented.length === 1 ? documented[0] : undefined) : matchMedia(documented, base);
    const media = responseDef.content.find((m) => m.type === matched);
    if (!media?.schema || !isJsonMedia(base ?? media.type)) return undefined;
    return { status: responseDef.key, mediaType: media.type, schema: portables.get(media.schema, 'response') };
  },
  evaluate(observed, expected, { validator }) {
    const response = observed.response!;
    if (response.truncated) return undefined;
    if (response.body.trim() === '') {
      return { message: `empty body where ${expected.mediaType} is documented for ${expected.status}` };
    }
    let data: unknown;
    try {
      data = JSON.parse(response.body);
    } catch {
      return { message: `body is not valid JSON (documented: ${expected.mediaType} for ${expected.status})` };
    }
    const outcome = validator.validate(expected.schema, data);
    if (outcome.valid) return undefined;
    return { message: `body does not match the ${expected.status} schema: ${outcome.errors.join('; ')}` };
  }
});
