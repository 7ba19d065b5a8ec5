import { SECURITY_CHECKS } from '../../../actions/contract-test/src/diff/security.js';
import { diffTable, oas, op, swagger, type Doc } from '../diff-table.js';

// Security requirements (of an operation, or global) and the schemes they name.
const key = { type: 'apiKey', in: 'header', name: 'X-Key' };
const oauth = {
  type: 'oauth2',
  flows: { clientCredentials: { tokenUrl: 'https://t', scopes: { read: 'r', write: 'w' } } }
};
const withSecurity = (opSecurity?: unknown[], global?: unknown[], schemes: Doc = { key, oauth }) =>
  oas(
    { '/a': { get: op(opSecurity ? { security: opSecurity } : {}) } },
    { components: { securitySchemes: schemes }, ...(global ? { security: global } : {}) }
  );

export default diffTable('security', SECURITY_CHECKS, {
  reports: [
    {
      base: withSecurity(),
      head: withSecurity([{ key: [] }]),
      id: 'security-requirement-added',
      path: '/a',
      method: 'get'
    },
    {
      base: withSecurity(),
      head: withSecurity(undefined, [{ key: [] }]),
      id: 'security-requirement-added',
      path: null,
      message: 'global security'
    },
    {
      base: withSecurity([{ key: [] }]),
      head: withSecurity([{ key: [] }, { oauth: ['read'] }]),
      id: 'security-alternative-added'
    },
    {
      base: withSecurity([{ key: [] }, { oauth: ['read'] }]),
      head: withSecurity([{ oauth: ['read'] }]),
      id: 'security-alternative-removed',
      path: '/a',
      method: 'get'
    },
    { base: withSecurity([{ key: [] }]), head: withSecurity([]), id: 'security-requirement-removed' },
    {
      base: withSecurity([{ oauth: ['read'] }]),
      head: withSecurity([{ oauth: ['read', 'write'] }]),
      id: 'security-scope-added',
      message: 'write'
    },
    {
      base: withSecurity([{ oauth: ['read', 'write'] }]),
      head: withSecurity([{ oauth: ['read'] }]),
      id: 'security-scope-removed',
      message: 'write'
    },
    {
      base: withSecurity(),
      head: withSecurity(undefined, undefined, { oauth }),
      id: 'security-scheme-removed',
      message: '"key"'
    },
    {
      base: swagger({}, { securityDefinitions: { key } }),
      head: swagger({}, { securityDefinitions: {} }),
      id: 'security-scheme-removed',
      message: '"key"'
    },
    {
      base: withSecurity(),
      head: withSecurity(undefined, undefined, { key: { type: 'apiKey', in: 'query', name: 'key' }, oauth }),
      id: 'security-scheme-type-changed',
      message: 'apiKey/header/X-Key'
    },
    {
      base: withSecurity(undefined, undefined, { oauth }),
      head: withSecurity(),
      id: 'security-scheme-added',
      message: '"key"'
    }
  ],
  accepts: [
    { base: withSecurity([{ key: [] }]), head: withSecurity([{ key: [] }]) },
    // {} kept as an alternative leaves the operation open: an added alternative, not a requirement.
    {
      base: withSecurity(),
      head: withSecurity([{ key: [] }, {}]),
      id: 'security-requirement-added',
      instead: 'security-alternative-added'
    },
    // An operation restating the global requirement it inherited changes nothing.
    { base: withSecurity(undefined, [{ key: [] }]), head: withSecurity([{ key: [] }], [{ key: [] }]) },
    // A scheme that only gained a description is the same scheme.
    {
      base: withSecurity(),
      head: withSecurity(undefined, undefined, { key: { ...key, description: 'now documented' }, oauth })
    }
  ]
});
