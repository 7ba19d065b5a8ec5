// The registry of live checks, in report order. A new check is one module here and a line below.
import { ConfigurationError } from '../../../../../shared/src/lib/errors.js';
import allowHeaderConformance from './allow-header-conformance.js';
import type { LiveCheck } from './check.js';
import contentTypeConformance from './content-type-conformance.js';
import ensureResourceAvailability from './ensure-resource-availability.js';
import hookAssertion from './hook-assertion.js';
import ignoredAuth from './ignored-auth.js';
import maxResponseTime from './max-response-time.js';
import missingRequiredHeader from './missing-required-header.js';
import negativeDataRejection from './negative-data-rejection.js';
import notAServerError from './not-a-server-error.js';
import positiveDataAcceptance from './positive-data-acceptance.js';
import responseHeadersConformance from './response-headers-conformance.js';
import responseSchemaConformance from './response-schema-conformance.js';
import statusCodeConformance from './status-code-conformance.js';
import unsupportedMethod from './unsupported-method.js';
import useAfterFree from './use-after-free.js';

export type { ExpectContext, Finding, LiveCheck, Observed, ObservedResponse } from './check.js';

export const LIVE_CHECKS: readonly LiveCheck<unknown>[] = [
  notAServerError,
  statusCodeConformance,
  contentTypeConformance,
  responseHeadersConformance,
  responseSchemaConformance,
  negativeDataRejection,
  positiveDataAcceptance,
  missingRequiredHeader,
  unsupportedMethod,
  allowHeaderConformance,
  ignoredAuth,
  useAfterFree,
  ensureResourceAvailability,
  maxResponseTime,
  hookAssertion
] as LiveCheck<unknown>[];

export const LIVE_CHECK_IDS: readonly string[] = LIVE_CHECKS.map((c) => c.id);

export function liveCheck(id: string): LiveCheck<unknown> | undefined {
  return LIVE_CHECKS.find((c) => c.id === id);
}

/** The checks to run: all, or the listed ids (`all` allowed in the list); unknown ids are a user mistake. */
export function selectChecks(ids: readonly string[] | undefined): LiveCheck<unknown>[] {
  if (ids === undefined || ids.length === 0 || ids.includes('all')) return [...LIVE_CHECKS];
  const unknown = ids.filter((id) => !LIVE_CHECK_IDS.includes(id));
  if (unknown.length > 0)
    throw new ConfigurationError(
      `unknown live check${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (known: ${LIVE_CHECK_IDS.join(', ')})`
    );
  return LIVE_CHECKS.filter((c) => ids.includes(c.id));
}
