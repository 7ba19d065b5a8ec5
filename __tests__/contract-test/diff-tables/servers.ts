import { SERVER_CHECKS } from '../../../actions/contract-test/src/diff/servers.js';
import { diffTable, oas, op, swagger } from '../diff-table.js';

// Servers (document, path and operation level) and OAS 2.0's host, basePath and schemes.
const withServers = (...urls: string[]) => oas({ '/a': { get: op() } }, { servers: urls.map((url) => ({ url })) });
const v2 = (host: string, basePath: string, schemes: string[]) => swagger({}, { host, basePath, schemes });

export default diffTable('servers', SERVER_CHECKS, {
  reports: [
    {
      base: withServers('https://api.example.com/v1'),
      head: withServers('https://api.example.com/v2'),
      id: 'server-url-changed',
      message: 'from /v1 to /v2'
    },
    {
      base: oas({ '/files': { servers: [{ url: 'https://f.example.com/v1' }], get: op() } }),
      head: oas({ '/files': { servers: [{ url: 'https://f.example.com/v2' }], get: op() } }),
      id: 'server-url-changed',
      path: '/files',
      method: 'get',
      message: 'for GET /files'
    },
    {
      base: withServers('https://api.example.com/v1'),
      head: withServers('https://api.example.org/v1'),
      id: 'server-host-changed'
    },
    {
      base: withServers('https://a.example.com/v1', 'https://b.example.net/v1'),
      head: withServers('https://a.example.com/v1'),
      id: 'server-removed',
      message: 'https://b.example.net/v1'
    },
    {
      base: withServers('https://a.example.com/v1'),
      head: withServers('https://a.example.com/v1', 'https://b.example.net/v1'),
      id: 'server-added',
      message: 'https://b.example.net/v1'
    },
    {
      base: v2('api.example.com', '/v1', ['https', 'http']),
      head: v2('api.example.com', '/v1', ['https']),
      id: 'server-scheme-removed',
      message: 'http'
    }
  ],
  accepts: [
    // A trailing slash, reordered schemes and a servers list that was only "/" change no base path.
    { base: withServers('https://api.example.com/v1/'), head: withServers('https://api.example.com/v1') },
    { base: v2('api.example.com', '/v1', ['https', 'http']), head: v2('api.example.com', '/v1/', ['http', 'https']) },
    { base: withServers('/'), head: oas({ '/a': { get: op() } }) },
    // A new host for the same base path is not a changed URL.
    {
      base: withServers('https://api.example.com/v1'),
      head: withServers('https://api.example.org/v1'),
      id: 'server-url-changed',
      instead: 'server-host-changed'
    }
  ]
});
