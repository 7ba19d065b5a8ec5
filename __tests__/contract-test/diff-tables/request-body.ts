import { REQUEST_BODY_CHECKS } from '../../../actions/contract-test/src/diff/request-body.js';
import { diffTable, json, oas, op, type Doc } from '../diff-table.js';

// The request body of an operation: added, removed, required, its media types.
const withBody = (requestBody?: Doc) => oas({ '/a': { post: op(requestBody ? { requestBody } : {}) } });
const none = withBody();
const optional = withBody({ content: json() });
const required = withBody({ required: true, content: json() });
const both = withBody({ content: { ...json(), 'application/xml': { schema: { type: 'object' } } } });

export default diffTable('request-body', REQUEST_BODY_CHECKS, {
  reports: [
    { base: none, head: required, id: 'request-body-added-required', path: '/a', method: 'post' },
    { base: none, head: optional, id: 'request-body-added-optional', path: '/a', method: 'post' },
    { base: optional, head: required, id: 'request-body-became-required', path: '/a', method: 'post' },
    { base: required, head: optional, id: 'request-body-became-optional', path: '/a', method: 'post' },
    { base: optional, head: none, id: 'request-body-removed', path: '/a', method: 'post' },
    { base: both, head: optional, id: 'request-body-media-type-removed', message: 'application/xml' },
    { base: optional, head: both, id: 'request-body-media-type-added', message: 'application/xml' }
  ],
  accepts: [
    { base: required, head: required },
    { base: optional, head: withBody({ required: false, content: json() }) },
    // Reordered media types are the same media types.
    {
      base: both,
      head: withBody({ content: { 'application/xml': { schema: { type: 'object' } }, ...json() } })
    }
  ]
});
