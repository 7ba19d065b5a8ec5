// Shared by the live engine's tests: the seeded-defect server and its specs, the credentials it accepts, and a
// compact form of failures for exact comparisons.
import { join } from 'node:path';
import { loadLiveSpec } from '../../../actions/contract-test/src/live/index.js';
import type { LiveFailure, LoadedSpec } from '../../../actions/contract-test/src/live/index.js';
import { repoRoot } from '../../harness/runner.js';

export const HARNESS = join(repoRoot, '__tests__', 'contract-test', 'live', 'harness');

/** The secrets the defect server accepts (see CREDENTIALS in defect-server.mjs). */
export const SECRETS = { bearer: 'tok-123', basic: 'alice:s3cret', apiKey: 'key-456' };

/**
 * Generous: a shared 2-core machine running the whole suite (bundles building beside it) can put hundreds of
 * milliseconds on a loopback request. The slow endpoint stays twice the threshold; runs that expect no failure
 * at all use a threshold far above any noise.
 */
export const SLOW_MS = 2000;
export const MAX_RESPONSE_TIME_MS = 1000;
export const NOISE_PROOF_MS = 3000;

export function harnessSpec(version: '30' | '31'): Promise<LoadedSpec> {
  return loadLiveSpec(`defects.openapi${version}.yaml`, { workspace: HARNESS });
}

/** "error check METHOD /path" per failure, sorted: what an exact comparison needs. */
export function compact(failures: readonly LiveFailure[]): string[] {
  return failures.map((f) => `${f.level} ${f.id} ${f.operation.method} ${f.operation.path}`).sort();
}
