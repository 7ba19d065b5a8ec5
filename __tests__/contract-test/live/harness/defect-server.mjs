#!/usr/bin/env node
// The seeded-defect server for the live engine's tests and its benchmark: it serves the API of
// defects.openapi30.yaml / defects.openapi31.yaml under /api, validates its input by hand (independently of the
// engine's validator), and breaks the contract in exactly one way per operation under "Defects" (DEFECTS below:
// which check must catch it, at which operation). With --conformant every defect is switched off, and the same
// run must find nothing. No dependencies: it runs under any Node.
//
// Usage: node defect-server.mjs [--port N] [--conformant] [--slow-ms 300]   (prints "listening <port>")
// or import { startDefectServer } in a test. Test-only endpoints: GET /__requests (the log), POST /__reset.
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

/** Each seeded defect: the check that must find it and the operation it must be found at. */
export const DEFECTS = {
  'boundary-500': { check: 'not-a-server-error', operation: 'GET /search' },
  'undocumented-status': { check: 'status-code-conformance', operation: 'POST /jobs' },
  'wrong-content-type': { check: 'content-type-conformance', operation: 'GET /version' },
  'missing-response-header': { check: 'response-headers-conformance', operation: 'GET /quota' },
  'missing-required-property': { check: 'response-schema-conformance', operation: 'GET /profile' },
  'extra-enum-value': { check: 'response-schema-conformance', operation: 'GET /orders' },
  'accepts-invalid-data': { check: 'negative-data-rejection', operation: 'POST /signups' },
  'rejects-valid-boundary': { check: 'positive-data-acceptance', operation: 'POST /comments' },
  'required-header-ignored': { check: 'missing-required-header', operation: 'GET /tenant' },
  'accepts-any-method': { check: 'unsupported-method', operation: 'GET /ping' },
  '405-without-allow': { check: 'unsupported-method', operation: 'GET /catalog' },
  'allow-lists-undocumented': { check: 'allow-header-conformance', operation: 'GET /tags' },
  'ignores-auth': { check: 'ignored-auth', operation: 'GET /admin/stats' },
  'delete-keeps-resource': { check: 'use-after-free', operation: 'DELETE /gadgets/{gadgetId}' },
  'created-not-readable': { check: 'ensure-resource-availability', operation: 'POST /notes' },
  '201-without-location': { check: 'response-headers-conformance', operation: 'POST /folders' },
  'slow-endpoint': { check: 'max-response-time', operation: 'GET /slow' }
};

export const CREDENTIALS = {
  bearer: 'Bearer tok-123',
  basic: `Basic ${Buffer.from('alice:s3cret').toString('base64')}`,
  apiKey: 'key-456'
};

function send(res, status, body, headers = {}) {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
  res.end(text);
}
const bad = (res, why) => send(res, 400, { error: why });
const notFound = (res) => send(res, 404, { error: 'not found' });
const unauthorized = (res) => send(res, 401, { error: 'unauthorized' });

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= 65536) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

/** The JSON body, or undefined when there is none or it is not a JSON object (the caller answers 400). */
function jsonObject(req, text) {
  if (!/application\/json/.test(req.headers['content-type'] ?? '')) return undefined;
  try {
    const value = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const isString = (v, min = 0, max = Infinity) => typeof v === 'string' && [...v].length >= min && [...v].length <= max;
const isInt = (v, min = -Infinity, max = Infinity) => Number.isInteger(v) && v >= min && v <= max;
const intText = (text, min = -Infinity, max = Infinity) => /^-?\d+$/.test(text) && isInt(Number(text), min, max);
const onlyKeys = (object, keys) => Object.keys(object).every((k) => keys.includes(k));
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validWidget(body) {
  if (!body || !onlyKeys(body, ['name', 'color', 'size', 'tags', 'description', 'secret'])) return false;
  if (!isString(body.name, 2, 10) || !['red', 'green', 'blue'].includes(body.color)) return false;
  if (body.size !== undefined && !isInt(body.size, 1, 10)) return false;
  if (body.tags !== undefined) {
    if (!Array.isArray(body.tags) || body.tags.length > 3 || new Set(body.tags).size !== body.tags.length) return false;
    if (!body.tags.every((t) => isString(t, 1, 8))) return false;
  }
  if (body.description !== undefined && body.description !== null && !isString(body.description, 0, 40)) return false;
  if (body.secret !== undefined && !isString(body.secret, 0, 16)) return false;
  return true;
}

function cookies(req) {
  const out = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name) out[name] = decode(rest.join('='));
  }
  return out;
}

function decode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Query parameters as a list of [name, value] pairs, decoded, without URLSearchParams' + handling. */
function queryPairs(url) {
  const search = url.search.slice(1);
  if (search === '') return [];
  return search.split('&').map((pair) => {
    const [name, ...rest] = pair.split('=');
    return [decode(name), decode(rest.join('='))];
  });
}

/**
 * Starts the server on 127.0.0.1; resolves once it listens. `defects`: which to switch on (default all, none
 * when conformant).
 */
export function startDefectServer({ port = 0, conformant = false, slowMs = 300, defects } = {}) {
  const enabled = new Set(defects ?? (conformant ? [] : Object.keys(DEFECTS)));
  const on = (defect) => enabled.has(defect);
  const log = [];
  let state;
  const reset = () => {
    state = { widgets: new Map(), gadgets: new Map(), folders: new Map(), nextId: 1 };
  };
  reset();
  const labelled = (body) => body && isString(body.label, 1, 12);

  // path template -> { method -> handler }; handlers get (req, res, params, body text, url).
  const routes = [
    [
      '/widgets',
      {
        post: (req, res, p, text) => {
          const body = jsonObject(req, text);
          if (!validWidget(body)) return bad(res, 'invalid widget');
          const { secret: _secret, ...rest } = body;
          const widget = { id: state.nextId++, ...rest };
          state.widgets.set(widget.id, widget);
          send(res, 201, widget, { location: `/api/widgets/${widget.id}` });
        },
        get: (req, res, p, text, url) => {
          for (const [name, value] of queryPairs(url)) {
            if (name === 'limit' && !intText(value, 1, 50)) return bad(res, 'limit');
            if (name === 'color' && !['red', 'green', 'blue'].includes(value)) return bad(res, 'color');
          }
          send(res, 200, [...state.widgets.values()]);
        }
      }
    ],
    [
      '/widgets/{id}',
      {
        get: (req, res, p) => {
          if (!intText(p.id, 1)) return bad(res, 'widgetId');
          const widget = state.widgets.get(Number(p.id));
          return widget ? send(res, 200, widget) : notFound(res);
        },
        delete: (req, res, p) => {
          if (!intText(p.id, 1)) return bad(res, 'widgetId');
          if (!state.widgets.delete(Number(p.id))) return notFound(res);
          send(res, 204);
        }
      }
    ],
    [
      '/pets',
      {
        post: (req, res, p, text) => {
          const body = jsonObject(req, text);
          if (!body || !['cat', 'dog'].includes(body.petType) || !isString(body.name, 1, 20))
            return bad(res, 'invalid pet');
          if (body.petType === 'cat' && body.indoor !== undefined && typeof body.indoor !== 'boolean')
            return bad(res, 'indoor');
          if (body.petType === 'dog' && body.barks !== undefined && typeof body.barks !== 'boolean')
            return bad(res, 'barks');
          send(res, 201, body);
        }
      }
    ],
    [
      '/styles/{label}/{matrix}',
      {
        get: (req, res, p, text, url) => {
          // label, explode=false: ".1,2"; matrix, explode=true: ";a=1;b=x"
          if (!p.label.startsWith('.')) return bad(res, 'label style');
          const labelItems = p.label.slice(1) === '' ? [] : p.label.slice(1).split(',');
          if (labelItems.length < 1 || labelItems.length > 4 || !labelItems.every((i) => intText(i, 0)))
            return bad(res, 'label');
          if (!p.matrix.startsWith(';')) return bad(res, 'matrix style');
          const matrix = {};
          for (const pair of p.matrix.slice(1).split(';')) {
            const [k, v] = pair.split('=');
            matrix[k] = v ?? '';
          }
          if (!onlyKeys(matrix, ['a', 'b']) || !intText(matrix.a ?? '')) return bad(res, 'matrix');
          if (matrix.b !== undefined && !isString(matrix.b, 0, 5)) return bad(res, 'matrix.b');
          const out = {
            label: labelItems.map(Number),
            matrix: { a: Number(matrix.a), ...(matrix.b !== undefined ? { b: matrix.b } : {}) }
          };
          for (const [name, value] of queryPairs(url)) {
            const deep = /^filter\[(min|max)\]$/.exec(name);
            if (deep) {
              if (!intText(value)) return bad(res, 'filter');
              out.filter = { ...(out.filter ?? {}), [deep[1]]: Number(value) };
            } else if (name === 'tags') {
              const items = value.split(' ');
              if (items.length > 3 || !items.every((t) => isString(t, 1, 8))) return bad(res, 'tags');
              out.tags = items;
            } else if (name === 'ids') {
              const items = value.split('|');
              if (!items.every((i) => intText(i))) return bad(res, 'ids');
              out.ids = items.map(Number);
            } else if (name === 'list') {
              const items = value.split(',');
              if (!items.every((i) => ['a', 'b', 'c'].includes(i))) return bad(res, 'list');
              out.list = items;
            } else return bad(res, `unknown query parameter ${name}`);
          }
          const pref = cookies(req).pref;
          if (pref !== undefined && !['dark', 'light'].includes(pref)) return bad(res, 'pref');
          if (pref !== undefined) out.pref = pref;
          const trace = req.headers['x-trace'];
          if (trace !== undefined && !/^[a-f0-9]{8}$/.test(trace)) return bad(res, 'X-Trace');
          if (trace !== undefined) out.trace = trace;
          send(res, 200, out);
        }
      }
    ],
    [
      '/feedback',
      {
        post: (req, res, p, text) => {
          if (text === '') return send(res, 202, { received: false });
          const body = jsonObject(req, text);
          if (!body || !isInt(body.rating, 1, 5)) return bad(res, 'rating');
          if (body.comment !== undefined && body.comment !== null && !isString(body.comment, 0, 100))
            return bad(res, 'comment');
          send(res, 200, { received: true });
        }
      }
    ],
    [
      '/things/{id}',
      {
        get: (req, res, p) => {
          if (!/^[a-z]{3}$/.test(p.id)) return bad(res, 'thingId');
          send(res, 200, { id: p.id, attributes: { color: 'red', size: 'large' }, note: null });
        }
      }
    ],
    [
      '/uploads',
      {
        post: (req, res, p, text) => {
          const body = jsonObject(req, text);
          if (!labelled(body) || !onlyKeys(body, ['label'])) return bad(res, 'label');
          const upload = { id: state.nextId++, label: body.label };
          state.folders.set(-upload.id, upload);
          send(res, 201, { status: 'stored' }, { location: `/api/uploads/${upload.id}` });
        }
      }
    ],
    [
      '/uploads/{id}',
      {
        get: (req, res, p) => {
          if (!intText(p.id, 1)) return bad(res, 'uploadId');
          const upload = state.folders.get(-Number(p.id));
          return upload ? send(res, 200, upload) : notFound(res);
        }
      }
    ],
    [
      '/me',
      {
        get: (req, res) =>
          req.headers.authorization === CREDENTIALS.bearer ? send(res, 200, { user: 'alice' }) : unauthorized(res)
      }
    ],
    [
      '/basic',
      {
        get: (req, res) =>
          req.headers.authorization === CREDENTIALS.basic ? send(res, 200, { user: 'alice' }) : unauthorized(res)
      }
    ],
    [
      '/keys/header',
      {
        get: (req, res) =>
          req.headers['x-api-key'] === CREDENTIALS.apiKey ? send(res, 200, { user: 'alice' }) : unauthorized(res)
      }
    ],
    [
      '/keys/query',
      {
        get: (req, res, p, text, url) =>
          queryPairs(url).some(([n, v]) => n === 'api_key' && v === CREDENTIALS.apiKey)
            ? send(res, 200, { user: 'alice' })
            : unauthorized(res)
      }
    ],
    [
      '/keys/cookie',
      {
        get: (req, res) =>
          cookies(req).sid === CREDENTIALS.apiKey ? send(res, 200, { user: 'alice' }) : unauthorized(res)
      }
    ],
    [
      '/search',
      {
        get: (req, res, p, text, url) => {
          const q = queryPairs(url).find(([n]) => n === 'q')?.[1];
          if (q === undefined || !isString(q, 2, 10)) return bad(res, 'q');
          if (on('boundary-500') && [...q].length === 10) return send(res, 500, { error: 'index out of range' });
          send(res, 200, { results: [q] });
        }
      }
    ],
    [
      '/jobs',
      {
        post: (req, res, p, text) => {
          const body = jsonObject(req, text);
          if (!body || !onlyKeys(body, ['task']) || !['build', 'test'].includes(body.task)) return bad(res, 'task');
          send(res, on('undocumented-status') ? 200 : 202, { task: body.task });
        }
      }
    ],
    [
      '/version',
      {
        get: (req, res) =>
          send(res, 200, { version: '1.0.0' }, on('wrong-content-type') ? { 'content-type': 'text/plain' } : {})
      }
    ],
    [
      '/quota',
      {
        get: (req, res) =>
          send(res, 200, { limit: 100 }, on('missing-response-header') ? {} : { 'x-rate-limit-remaining': '42' })
      }
    ],
    [
      '/profile',
      {
        get: (req, res) =>
          send(
            res,
            200,
            on('missing-required-property') ? { name: 'alice' } : { name: 'alice', email: 'alice@example.com' }
          )
      }
    ],
    [
      '/orders',
      {
        get: (req, res) =>
          send(res, 200, [
            { id: 1, status: 'shipped' },
            { id: 2, status: on('extra-enum-value') ? 'lost' : 'pending' }
          ])
      }
    ],
    [
      '/signups',
      {
        post: (req, res, p, text) => {
          const body = jsonObject(req, text);
          if (!body || !onlyKeys(body, ['email', 'age']) || !isString(body.email) || !EMAIL.test(body.email))
            return bad(res, 'email');
          const minimum = on('accepts-invalid-data') ? -Infinity : 18;
          if (!isInt(body.age, minimum, 130)) return bad(res, 'age');
          send(res, 201, { email: body.email });
        }
      }
    ],
    [
      '/comments',
      {
        post: (req, res, p, text) => {
          const body = jsonObject(req, text);
          const max = on('rejects-valid-boundary') ? 279 : 280;
          if (!body || !isString(body.text, 1, max)) return bad(res, 'text');
          send(res, 201, { text: body.text });
        }
      }
    ],
    [
      '/tenant',
      {
        get: (req, res) => {
          const tenant = req.headers['x-tenant-id'];
          if (tenant === undefined && !on('required-header-ignored')) return bad(res, 'X-Tenant-Id is required');
          send(res, 200, { tenant: tenant ?? null });
        }
      }
    ],
    ['/ping', { get: (req, res) => send(res, 200, { pong: true }) }],
    ['/catalog', { get: (req, res) => send(res, 200, ['a', 'b']) }],
    [
      '/tags',
      {
        get: (req, res) => send(res, 200, ['red']),
        post: (req, res, p, text) => {
          const body = jsonObject(req, text);
          if (!body || typeof body.name !== 'string' || !/^[a-z-]{2,20}$/.test(body.name)) return bad(res, 'name');
          send(res, 201, { name: body.name });
        }
      }
    ],
    [
      '/admin/stats',
      {
        get: (req, res) =>
          on('ignores-auth') || req.headers.authorization === CREDENTIALS.bearer
            ? send(res, 200, { users: 3 })
            : unauthorized(res)
      }
    ],
    [
      '/gadgets',
      {
        post: (req, res, p, text) => {
          const body = jsonObject(req, text);
          if (!labelled(body) || !onlyKeys(body, ['label'])) return bad(res, 'label');
          const gadget = { id: state.nextId++, label: body.label };
          state.gadgets.set(gadget.id, gadget);
          send(res, 201, gadget);
        }
      }
    ],
    [
      '/gadgets/{id}',
      {
        get: (req, res, p) => {
          if (!intText(p.id, 1)) return bad(res, 'gadgetId');
          const gadget = state.gadgets.get(Number(p.id));
          return gadget ? send(res, 200, gadget) : notFound(res);
        },
        delete: (req, res, p) => {
          if (!intText(p.id, 1)) return bad(res, 'gadgetId');
          if (!state.gadgets.has(Number(p.id))) return notFound(res);
          if (!on('delete-keeps-resource')) state.gadgets.delete(Number(p.id));
          send(res, 204);
        }
      }
    ],
    [
      '/notes',
      {
        post: (req, res, p, text) => {
          const body = jsonObject(req, text);
          if (!labelled(body) || !onlyKeys(body, ['label'])) return bad(res, 'label');
          const note = { id: state.nextId++, label: body.label };
          if (!on('created-not-readable')) state.gadgets.set(-note.id, note);
          send(res, 201, note);
        }
      }
    ],
    [
      '/notes/{id}',
      {
        get: (req, res, p) => {
          if (!intText(p.id, 1)) return bad(res, 'noteId');
          const note = state.gadgets.get(-Number(p.id));
          return note ? send(res, 200, note) : notFound(res);
        }
      }
    ],
    [
      '/folders',
      {
        post: (req, res, p, text) => {
          const body = jsonObject(req, text);
          if (!labelled(body) || !onlyKeys(body, ['label'])) return bad(res, 'label');
          const folder = { id: state.nextId++, label: body.label };
          state.folders.set(folder.id, folder);
          send(res, 201, folder, on('201-without-location') ? {} : { location: `/api/folders/${folder.id}` });
        }
      }
    ],
    [
      '/folders/{id}',
      {
        get: (req, res, p) => {
          if (!intText(p.id, 1)) return bad(res, 'folderId');
          const folder = state.folders.get(Number(p.id));
          return folder ? send(res, 200, folder) : notFound(res);
        }
      }
    ],
    ['/slow', { get: (req, res) => setTimeout(() => send(res, 200, { done: true }), on('slow-endpoint') ? slowMs : 0) }]
  ].map(([template, methods]) => {
    const names = [];
    const source = template.replace(/\{([^}]+)\}/g, (_, name) => {
      names.push(name);
      return '([^/]+)';
    });
    return { template, regex: new RegExp(`^${source}$`), names, methods };
  });

  function allowOf(route) {
    return Object.keys(route.methods)
      .map((m) => m.toUpperCase())
      .join(', ');
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const text = await readBody(req);
    if (url.pathname === '/__requests') return send(res, 200, log);
    if (url.pathname === '/__reset' && req.method === 'POST') {
      log.length = 0;
      reset();
      return send(res, 204);
    }
    log.push({ method: req.method, url: req.url, headers: req.headers, body: text });
    if (!url.pathname.startsWith('/api/')) return notFound(res);
    const path = url.pathname.slice(4);
    for (const route of routes) {
      const match = route.regex.exec(path);
      if (!match) continue;
      const params = {};
      route.names.forEach(
        (name, i) => (params[name === 'label' || name === 'matrix' ? name : 'id'] = decode(match[i + 1]))
      );
      const method = (req.method ?? 'GET').toLowerCase();
      const handler = route.methods[method];
      if (handler) return handler(req, res, params, text, url);
      if (route.template === '/ping' && on('accepts-any-method')) return send(res, 200, { pong: true });
      if (method === 'options') {
        const allow =
          route.template === '/tags' && on('allow-lists-undocumented') ? 'GET, POST, DELETE' : allowOf(route);
        return send(res, 204, undefined, { allow });
      }
      if (route.template === '/catalog' && on('405-without-allow'))
        return send(res, 405, { error: 'method not allowed' });
      return send(res, 405, { error: 'method not allowed' }, { allow: allowOf(route) });
    }
    notFound(res);
  });

  server.keepAliveTimeout = 5000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        port: address.port,
        url: `http://127.0.0.1:${address.port}`,
        requests: log,
        reset() {
          log.length = 0;
          reset();
        },
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          })
      });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : fallback;
  };
  const running = await startDefectServer({
    port: Number(option('--port', '0')),
    conformant: argv.includes('--conformant'),
    slowMs: Number(option('--slow-ms', '300'))
  });
  console.log(`listening ${running.port}`);
  process.on('SIGTERM', () => running.close().then(() => process.exit(0)));
}
