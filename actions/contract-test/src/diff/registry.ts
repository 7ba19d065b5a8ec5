// Every diff check, family by family, in the order `contract-test checks`, SARIF rules and the docs list them:
// the API's own operations, the schema comparator's checks, then webhooks and callbacks. Each family declares
// its checks beside the code that emits them; CheckId is the union of all their ids, so the Emitter refuses an
// undeclared id at compile time.
import type { ChangeLevel } from '../spec/types.js';
import type { IdsOf } from './catalog.js';
import { ENDPOINT_CHECKS } from './endpoints.js';
import { LINK_CHECKS } from './links.js';
import { OUTGOING_CHECKS } from './outgoing.js';
import { PARAMETER_CHECKS } from './parameters.js';
import { REQUEST_BODY_CHECKS } from './request-body.js';
import { RESPONSE_CHECKS } from './responses.js';
import { SCHEMA_CHECKS } from './schema/registry.js';
import { SECURITY_CHECKS } from './security.js';
import { SERVER_CHECKS } from './servers.js';

/** The checks of the API's own operations (everything outside a schema). */
export const OPERATION_CHECKS = [
  ...ENDPOINT_CHECKS,
  ...PARAMETER_CHECKS,
  ...REQUEST_BODY_CHECKS,
  ...RESPONSE_CHECKS,
  ...SECURITY_CHECKS,
  ...SERVER_CHECKS,
  ...LINK_CHECKS
] as const;

export { OUTGOING_CHECKS, SCHEMA_CHECKS };

/** Every check, as `contract-test checks` lists them. */
export const ALL_CHECKS = [...OPERATION_CHECKS, ...SCHEMA_CHECKS, ...OUTGOING_CHECKS] as const;

/** A declared check id: emitting anything else is a type error. */
export type CheckId = IdsOf<typeof ALL_CHECKS>;

export const CHECK_LEVELS: ReadonlyMap<string, ChangeLevel> = new Map(ALL_CHECKS.map((c) => [c.id, c.level]));
