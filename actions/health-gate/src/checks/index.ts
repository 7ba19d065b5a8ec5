// The check types, one module each. The mapped type makes a type without a module (or a module whose check
// is another type's) a compile error; the order is the order of the JSON schema's variants.
import type { CheckType, Check } from '../types.js';
import { burstCheck } from './burst.js';
import { httpCheck } from './http.js';
import type { CheckKind } from './kind.js';
import { postgresCheck } from './postgres.js';
import { prometheusCheck } from './prometheus.js';
import { redisCheck } from './redis.js';
import { tcpCheck } from './tcp.js';

export type CheckKinds = { [T in CheckType]: CheckKind<Extract<Check, { type: T }>> };

/** The kind of one check, typed for it (the registry's type says each entry is the kind of its key). */
export function kindOf<C extends Check>(check: C): CheckKind<C> {
  return CHECK_KINDS[check.type] as unknown as CheckKind<C>;
}

export const CHECK_KINDS: CheckKinds = {
  http: httpCheck,
  postgres: postgresCheck,
  redis: redisCheck,
  tcp: tcpCheck,
  burst: burstCheck,
  prometheus: prometheusCheck
};
