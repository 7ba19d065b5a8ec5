// The diff of the API's own operations, family by family: endpoints (endpoints.ts), parameters, request bodies,
// responses and links, security and servers of each operation, then the document's security and servers and its
// webhooks and callbacks (outgoing.ts). Everything inside a schema is delegated to an injected comparator.
import type { Change, LoadedSpec } from '../spec/types.js';
import { Emitter, opLabel, type SchemaComparator } from './emitter.js';
import { diffDeprecation, diffPaths, type OperationPair } from './endpoints.js';
import type { Vocabulary } from './exchange.js';
import { diffCallbacks, diffWebhooks } from './outgoing.js';
import { API_PARAMETERS, diffParameters, effectiveParameters } from './parameters.js';
import { CHECK_LEVELS } from './registry.js';
import { API_REQUEST_BODY, diffRequestBody, requestBodyOf } from './request-body.js';
import { API_RESPONSES, diffResponses } from './responses.js';
import { diffSecurity, diffSecuritySchemes } from './security.js';
import { diffServerLists, diffServers, documentServers, operationServers } from './servers.js';

export type { SchemaCompareContext, SchemaComparator } from './emitter.js';
export { METHODS, normalisePath, operationsOf } from './endpoints.js';
export { OPERATION_CHECKS } from './registry.js';

export interface OperationDiffOptions {
  /** The moment sunset dates are judged against (default: now); injected so tests do not age. */
  now?: Date;
}

/** The API's own operations: clients send requests and read responses. */
const API_VOCABULARY: Vocabulary = {
  requestDirection: 'request',
  responseDirection: 'response',
  schemaId: (id) => id,
  ...API_PARAMETERS,
  ...API_REQUEST_BODY,
  ...API_RESPONSES
};

function diffOperation(e: Emitter, compare: SchemaComparator, pair: OperationPair): void {
  const { base, head } = e;
  const { where, rename } = pair;
  const [baseItem, baseOp] = pair.base;
  const [headItem, headOp] = pair.head;
  diffDeprecation(e, where, baseOp, headOp);
  diffParameters(
    e,
    API_VOCABULARY,
    where,
    compare,
    effectiveParameters(baseItem, baseOp, rename),
    effectiveParameters(headItem, headOp),
    headItem,
    headOp
  );
  diffRequestBody(
    e,
    API_VOCABULARY,
    where,
    compare,
    headOp,
    requestBodyOf(base, baseItem, baseOp),
    requestBodyOf(head, headItem, headOp)
  );
  diffResponses(e, API_VOCABULARY, where, compare, baseOp, headOp);
  if (baseOp.security !== undefined || headOp.security !== undefined) {
    const baseSecurity = baseOp.security ?? base.document.security;
    const headSecurity = headOp.security ?? head.document.security;
    diffSecurity(e, where, `${opLabel(where)}`, baseSecurity, headSecurity, headOp, baseOp);
  }
  if (base.version !== '2.0' && head.version !== '2.0') {
    // Path- and operation-level servers override the document's for this operation only.
    const baseServers = operationServers(base, baseItem, baseOp);
    const headServers = operationServers(head, headItem, headOp);
    if (baseServers || headServers)
      diffServerLists(
        e,
        where,
        baseServers ?? documentServers(base),
        headServers ?? { ...documentServers(head), owner: headOp }
      );
  }
  diffCallbacks(e, compare, where, baseOp, headOp);
}

export function diffOperations(
  base: LoadedSpec,
  head: LoadedSpec,
  compare: SchemaComparator,
  emit: (change: Change) => void,
  options: OperationDiffOptions = {}
): void {
  const now = options.now ?? new Date();
  const e = new Emitter(base, head, emit, CHECK_LEVELS);
  diffPaths(e, now, (pair) => diffOperation(e, compare, pair));
  diffSecurity(e, {}, 'global security', base.document.security, head.document.security, head.document, base.document);
  diffSecuritySchemes(e);
  diffServers(e);
  diffWebhooks(e, compare);
}
