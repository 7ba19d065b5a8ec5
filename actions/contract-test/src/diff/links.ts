// Response links (OAS 3) of the API's own responses: generated hypermedia clients follow them to the next call.
import type { JsonObject, JsonValue } from '../spec/types.js';
import { defineCheck as check } from './catalog.js';
import { isObject, obj, opLabel, str, type Anchor, type Emitter, type Where } from './emitter.js';

export const LINK_CHECKS = [
  check(
    'response-link-removed',
    'warning',
    'A response link was removed: clients that follow it (generated hypermedia clients) lose the next call'
  ),
  check('response-link-target-changed', 'warning', 'A response link now calls another operation'),
  check(
    'response-link-values-changed',
    'warning',
    'The parameters, request body or server a response link passes on changed'
  ),
  check('response-link-added', 'info', 'A response link was added')
] as const;

/** What a link makes a client do: which operation it calls and with which values. */
function linkTarget(link: JsonObject): string {
  const ref = str(link.operationRef);
  if (ref !== undefined) return `operationRef ${ref}`;
  const id = str(link.operationId);
  return id !== undefined ? `operationId ${id}` : '(no target)';
}

function canonical(value: JsonValue | undefined): string {
  if (!isObject(value)) return JSON.stringify(value ?? null);
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
    .join(',')}}`;
}

export function diffLinks(
  e: Emitter,
  where: Where,
  status: string,
  baseResponse: JsonObject,
  headResponse: JsonObject,
  responseParents: Anchor[]
): void {
  const label = opLabel(where);
  const baseLinks = obj(baseResponse.links);
  const headLinks = obj(headResponse.links);
  for (const [name, raw] of Object.entries(baseLinks)) {
    const link = obj(raw);
    const what = `link "${name}" of response ${status} of ${label}`;
    const headLink = headLinks[name];
    if (!isObject(headLink)) {
      e.removed(
        'response-link-removed',
        where,
        `${what} was removed`,
        [[baseLinks, name], [link]],
        [[headResponse, 'links'], ...responseParents]
      );
      continue;
    }
    if (linkTarget(link) !== linkTarget(headLink)) {
      const message = `${what} now calls ${linkTarget(headLink)} instead of ${linkTarget(link)}`;
      const key = headLink.operationRef !== undefined ? 'operationRef' : 'operationId';
      e.emit('response-link-target-changed', where, message, [headLink, key], [headLink]);
    }
    for (const key of ['parameters', 'requestBody', 'server'] as const) {
      if (canonical(link[key]) === canonical(headLink[key])) continue;
      const message = `${key} of ${what} changed from ${canonical(link[key])} to ${canonical(headLink[key])}`;
      e.emit('response-link-values-changed', where, message, [headLink, key], [headLink]);
    }
  }
  for (const [name, raw] of Object.entries(headLinks)) {
    if (name in baseLinks) continue;
    e.emit(
      'response-link-added',
      where,
      `link "${name}" added to response ${status} of ${label}`,
      [headLinks, name],
      [raw]
    );
  }
}
