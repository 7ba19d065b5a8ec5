// The 95th percentile of an operation's response times must stay under the threshold (off unless one is
// given). A percentile, not every request: one slow outlier on a shared runner is noise, a slow operation is not.
import { defineCheck } from './check.js';

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

export default defineCheck<{ thresholdMs: number }>({
  id: 'max-response-time',
  title: 'Max response time',
  description: 'Per operation, the 95th percentile response time stays under max-response-time (off when unset).',
  schemathesis: 'max_response_time',
  judgesServerErrors: true,
  appliesTo: () => true,
  expect: ({ options }) =>
    options.maxResponseTimeMs === undefined ? undefined : { thresholdMs: options.maxResponseTimeMs },
  // Live runs use the percentile (aggregate); a replayed exchange is judged on its own time.
  evaluate(observed, expected) {
    const time = observed.response?.timeMs;
    if (time === undefined || time <= expected.thresholdMs) return undefined;
    return { message: `took ${Math.round(time)}ms, more than ${expected.thresholdMs}ms` };
  },
  aggregate(timings, options) {
    if (options.maxResponseTimeMs === undefined || timings.timesMs.length === 0) return undefined;
    const p95 = percentile(timings.timesMs, 95);
    if (p95 <= options.maxResponseTimeMs) return undefined;
    return {
      message: `p95 response time ${Math.round(p95)}ms over ${timings.timesMs.length} requests, more than ${options.maxResponseTimeMs}ms`
    };
  }
});
