// A response with a body must say what it is, and be one of the media types documented for its status.
import { defineCheck } from './check.js';
import { matchMedia, mediaBase } from './support.js';

export default defineCheck<{ status: string; documented: string[] }>({
  id: 'content-type-conformance',
  title: 'Content type conformance',
  description: 'The Content-Type of a response is one of the media types documented for its status.',
  schemathesis: 'content_type_conformance',
  appliesTo: (kase) => kase.kind !== 'unsupported-method' && kase.kind !== 'options',
  expect({ responseDef }) {
    if (!responseDef || responseDef.content.length === 0) return undefined;
    return { status: responseDef.key, documented: responseDef.content.map((m) => m.type) };
  },
  evaluate(observed, expected) {
    const response = observed.response!;
    const header = response.headers['content-type'];
    if (header === undefined) {
      // An empty body has no type to declare; response-schema-conformance says whether a body was due.
      if (response.body.length === 0) return undefined;
      return {
        message: `no Content-Type header (documented for ${expected.status}: ${expected.documented.join(', ')})`
      };
    }
    const base = mediaBase(header);
    if (base === undefined) return { message: `malformed Content-Type "${header}"` };
    if (matchMedia(expected.documented, base) !== undefined) return undefined;
    return {
      message: `undocumented Content-Type ${base} (documented for ${expected.status}: ${expected.documented.join(', ')})`
    };
  }
});
