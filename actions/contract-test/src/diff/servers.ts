// Servers: the document's (OAS 2.0 host, basePath and schemes), and those of a path item or an operation, which
// override the document's for the operations under them.
import type { JsonObject, JsonValue, LoadedSpec } from '../spec/types.js';
import { defineCheck as check } from './catalog.js';
import { arr, isObject, opLabel, str, type Anchor, type Emitter, type Where } from './emitter.js';

export const SERVER_CHECKS = [
  check('server-url-changed', 'error', 'The base path of a server (or basePath) changed'),
  check('server-host-changed', 'warning', 'The host of a server changed while its base path stayed'),
  check('server-removed', 'warning', 'A server was removed'),
  check('server-added', 'info', 'A server was added'),
  check('server-scheme-removed', 'warning', 'A transfer scheme (OAS 2.0 schemes) was removed')
] as const;

interface ServerUrl {
  url: string;
  host: string;
  path: string;
  node: JsonValue;
}

function parseServer(url: string, node: JsonValue): ServerUrl {
  const rest = url.replace(/^[a-z{}][a-z0-9+.\-{}]*:\/\//i, '//');
  let host = '';
  let path = rest;
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    host = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    path = slash < 0 ? '' : rest.slice(slash);
  }
  path = path.replace(/\/+$/, '') || '/';
  return { url, host: host.toLowerCase(), path, node };
}

/** A `servers` list, with where head writes it (for removals) and where a new or changed entry's key is. */
interface ServerList {
  servers: ServerUrl[];
  /** The object holding the list (the document, a path item or an operation). */
  owner: JsonObject;
}

export function documentServers(spec: LoadedSpec): ServerList {
  const doc = spec.document;
  if (spec.version === '2.0') {
    const host = str(doc.host) ?? '';
    return { servers: [parseServer(`//${host}${str(doc.basePath) ?? '/'}`, doc)], owner: doc };
  }
  return { servers: serverList(doc.servers, doc), owner: doc };
}

function serverList(value: JsonValue | undefined, fallback: JsonObject): ServerUrl[] {
  const list = arr(value).filter(isObject);
  // With no servers the spec's base URL is "/" (OAS 3).
  if (list.length === 0) return [parseServer('/', fallback)];
  return list.map((s) => parseServer(str(s.url) ?? '/', s));
}

/** The servers an operation is called on: its own, else its path item's, else the document's (OAS 3). */
export function operationServers(spec: LoadedSpec, item: JsonObject, op: JsonObject): ServerList | undefined {
  if (arr(op.servers).length > 0) return { servers: serverList(op.servers, op), owner: op };
  if (arr(item.servers).length > 0) return { servers: serverList(item.servers, item), owner: item };
  return undefined;
}

export function diffServerLists(e: Emitter, where: Where, baseList: ServerList, headList: ServerList): void {
  const base = baseList.servers;
  const head = headList.servers;
  const scope = where.path === undefined ? '' : ` for ${opLabel(where)}`;
  const parent: Anchor[] = [[headList.owner, 'servers'], [headList.owner]];
  const unmatchedHead = head.filter((h) => !base.some((b) => b.url === h.url));
  const taken = new Set<ServerUrl>();
  for (const b of base) {
    if (head.some((h) => h.url === b.url)) continue;
    const pick = (test: (h: ServerUrl) => boolean) => unmatchedHead.find((h) => !taken.has(h) && test(h));
    const partner =
      pick((h) => h.host === b.host) ??
      pick((h) => h.path === b.path) ??
      (base.length === 1 ? pick(() => true) : undefined);
    if (!partner) {
      e.removed('server-removed', where, `server ${b.url} was removed${scope}`, [[b.node, 'url'], [b.node]], parent);
      continue;
    }
    taken.add(partner);
    if (partner.path !== b.path) {
      const message = `base path${scope} changed from ${b.path} to ${partner.path} (server ${b.url} -> ${partner.url})`;
      const key = e.head.version === '2.0' ? 'basePath' : 'url';
      e.emit('server-url-changed', where, message, [partner.node, key], [partner.node], ...parent);
    } else if (partner.host !== b.host) {
      const message = `server host${scope} changed from ${b.host || '(none)'} to ${partner.host || '(none)'} (${b.url} -> ${partner.url})`;
      const key = e.head.version === '2.0' ? 'host' : 'url';
      e.emit('server-host-changed', where, message, [partner.node, key], [partner.node], ...parent);
    }
  }
  for (const h of unmatchedHead) {
    if (taken.has(h)) continue;
    e.emit('server-added', where, `server ${h.url} was added${scope}`, [h.node, 'url'], [h.node], ...parent);
  }
}

export function diffServers(e: Emitter): void {
  diffServerLists(e, {}, documentServers(e.base), documentServers(e.head));
  if (e.base.version === '2.0' && e.head.version === '2.0') {
    const headSchemes = new Set(arr(e.head.document.schemes).map(String));
    if (headSchemes.size > 0) {
      for (const scheme of arr(e.base.document.schemes).map(String)) {
        if (!headSchemes.has(scheme)) {
          e.emit('server-scheme-removed', {}, `scheme ${scheme} is no longer served`, [e.head.document, 'schemes']);
        }
      }
    }
  }
}
