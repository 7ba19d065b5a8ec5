// What an operation of the API and an out-of-band request it makes (a webhook or a callback) have in common: a
// request with parameters and a body, responses with bodies, headers and links. One implementation per family
// (parameters.ts, request-body.ts, responses.ts, links.ts) compares them; a Vocabulary says which check id each
// difference is reported as, because the same difference breaks one side of an ordinary operation and the other
// side of a webhook (see outgoing.ts).
import type { Change } from '../spec/types.js';
import type { Emitter, Where } from './emitter.js';
import type { ParameterVocabulary } from './parameters.js';
import type { RequestBodyVocabulary } from './request-body.js';
import type { ResponseVocabulary } from './responses.js';

/** Who writes which message of the exchange, and how the schema comparator's ids are named for it. */
export interface ExchangeRoles {
  /** How the comparator judges request schemas: 'request' when clients send them, 'response' when the API does. */
  requestDirection: 'request' | 'response';
  responseDirection: 'request' | 'response';
  /** Renames a schema check id the comparator reports (identity for ordinary operations). */
  schemaId(id: string): string;
}

/**
 * The check id for each kind of difference, or undefined where it is not reported. Ordinary operations use the
 * API's own (operations.ts, from each family); webhooks and callbacks their mirrored ones (outgoing.ts).
 */
export type Vocabulary = ExchangeRoles & ParameterVocabulary & RequestBodyVocabulary & ResponseVocabulary;

export function schemaSink(e: Emitter, v: ExchangeRoles): (change: Change) => void {
  return (change) => e.sink({ ...change, id: v.schemaId(change.id) });
}

/** Labels in messages: "request body (application/json)" of an operation, "POST webhook x, request body" of others. */
export function inner(where: Where, what: string): string {
  return where.label === undefined ? what : `${where.label}, ${what}`;
}
