// Every diff check, family by family, in the order `contract-test checks`, SARIF rules and the docs list them:
// the API's own operations, the schema comparator's checks, then webhooks and callbacks. Each family declares
// its checks beside the code that emits them; CheckId is the union of all their ids, so the Emitter refuses an
// undeclared id at compile time.
import type { ChangeLevel, CheckInfo } from '../spec/types.js';
import type { IdsOf } from './catalog.js';
import { ENDPOINT_CHECKS } from './endpoints.js';
import { LINK_CHECKS } from './links.js';
import { OUTGOING_CHECKS } from './outgoing.js';
import { PARAMETER_CHECKS } from './parameters.js';
import { REQUEST_BODY_CHECKS } from './request-body.js';
import { RESPONSE_CHECKS } from './responses.js';
import { SCHEMA_CHECKS, SCHEMA_FAMILIES } from './schema/registry.js';
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

/** A family of checks, as the checks reference page (contract-test/CHECKS.md) groups them. */
export interface CheckFamily {
  readonly title: string;
  readonly checks: readonly CheckInfo[];
}

/** ALL_CHECKS again, family by family in the same order (npm run new-diff-check adds a family here too). */
export const CHECK_FAMILIES: readonly CheckFamily[] = [
  { title: 'Endpoints and operations', checks: ENDPOINT_CHECKS },
  { title: 'Parameters', checks: PARAMETER_CHECKS },
  { title: 'Request bodies', checks: REQUEST_BODY_CHECKS },
  { title: 'Responses', checks: RESPONSE_CHECKS },
  { title: 'Security', checks: SECURITY_CHECKS },
  { title: 'Servers', checks: SERVER_CHECKS },
  { title: 'Response links', checks: LINK_CHECKS },
  ...SCHEMA_FAMILIES.map((f) => ({ title: `Schemas: ${f.title}`, checks: f.checks })),
  { title: 'Webhooks', checks: OUTGOING_CHECKS.filter((c) => c.id.startsWith('webhook-')) },
  { title: 'Callbacks', checks: OUTGOING_CHECKS.filter((c) => c.id.startsWith('callback-')) }
];

/** A declared check id: emitting anything else is a type error. */
export type CheckId = IdsOf<typeof ALL_CHECKS>;

export const CHECK_LEVELS: ReadonlyMap<string, ChangeLevel> = new Map(ALL_CHECKS.map((c) => [c.id, c.level]));
