// What every probe test needs: a probe context and check timing that stays out of the way of the probe itself.
import type { CheckTiming, ProbeContext } from '../../actions/health-gate/src/types.js';

/** Timing fields of a check; a probe ignores them (the scheduler uses them), so any sane values do. */
export function testTiming(overrides: Partial<CheckTiming> = {}): CheckTiming {
  return { interval: 1000, timeout: 2000, initialDelay: 0, successThreshold: 1, failureThreshold: 3, ...overrides };
}

/** The context the scheduler would pass one attempt; the signal fires at the timeout unless one is given. */
export function probeContext(
  timeoutMs = 5000,
  signal: AbortSignal = AbortSignal.timeout(timeoutMs),
  cwd = process.cwd()
): ProbeContext {
  return { signal, timeoutMs, cwd };
}
