// The built-in canary judge: the new colour against the old one over the same window of real traffic, as the
// router itself counted it. Two questions, each answered pass / fail / inconclusive:
//   errors:  did the error rate rise by more than the allowed margin, and is the rise significant
//            (two-proportion z-test, one-sided)?
//   latency: is the new colour slower by more than the allowed tolerance (Hodges-Lehmann shift against
//            max(tolerance x old median, a floor in ms)), and is that significant (Mann-Whitney U, one-sided)?
// A difference that is large but not significant is inconclusive, not a pass: too little traffic to tell.
// A significant but small difference passes: real, but within what the user accepts (Kayenta's stance too).
import { hodgesLehmannShift, mannWhitneyU, percentile, thin, twoProportionZTest } from './stats.js';
import type {
  Color,
  ColorTraffic,
  ErrorRateJudgement,
  JudgeOptions,
  JudgeResult,
  JudgeVerdict,
  LatencyJudgement
} from './types.js';

export const DEFAULT_JUDGE: JudgeOptions = {
  minRequests: 50,
  confidence: 0.95,
  maxErrorRateIncrease: 0.01,
  maxLatencyIncrease: 0.25,
  minLatencyIncreaseMs: 5,
  onInconclusive: 'continue'
};

/** Pairwise differences for Hodges-Lehmann are n x m; this many values per side keeps it at a million. */
const SHIFT_SAMPLE_LIMIT = 1000;

const pct = (rate: number): string => `${(rate * 100).toFixed(rate < 0.001 && rate > 0 ? 3 : 2)}%`;
const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 1)}ms`;
const p = (value: number | null): string => (value === null ? 'n/a' : value < 0.0001 ? '<0.0001' : value.toFixed(4));

export function judgeErrorRate(old: ColorTraffic, fresh: ColorTraffic, options: JudgeOptions): ErrorRateJudgement {
  const oldRate = old.requests > 0 ? old.errors / old.requests : 0;
  const newRate = fresh.requests > 0 ? fresh.errors / fresh.requests : 0;
  const base = { oldRate, newRate, pValue: null, z: null };
  if (old.requests < options.minRequests || fresh.requests < options.minRequests) {
    return {
      ...base,
      verdict: 'inconclusive',
      reason: `too few requests to compare error rates (new ${fresh.requests}, old ${old.requests}; need ${options.minRequests} each)`
    };
  }
  const test = twoProportionZTest(fresh.errors, fresh.requests, old.errors, old.requests, 'greater');
  const increase = newRate - oldRate;
  const numbers = `error rate ${pct(newRate)} vs ${pct(oldRate)} (p=${p(test.pValue)})`;
  let verdict: JudgeVerdict;
  let reason: string;
  if (increase <= options.maxErrorRateIncrease) {
    verdict = 'pass';
    reason = `${numbers}: within +${pct(options.maxErrorRateIncrease)}`;
  } else if (test.pValue !== null && test.pValue < 1 - options.confidence) {
    verdict = 'fail';
    reason = `${numbers}: +${pct(increase)} > +${pct(options.maxErrorRateIncrease)}, significant at ${pct(options.confidence)}`;
  } else {
    verdict = 'inconclusive';
    reason = `${numbers}: +${pct(increase)} but not significant at ${pct(options.confidence)}`;
  }
  return { verdict, oldRate, newRate, pValue: test.pValue, z: test.z, reason };
}

export function judgeLatency(old: ColorTraffic, fresh: ColorTraffic, options: JudgeOptions): LatencyJudgement {
  const oldMedianMs = percentile(old.latenciesMs, 50);
  const newMedianMs = percentile(fresh.latenciesMs, 50);
  const base = { oldMedianMs, newMedianMs, shiftMs: null, pValue: null, u: null };
  if (old.latenciesMs.length < options.minRequests || fresh.latenciesMs.length < options.minRequests) {
    return {
      ...base,
      verdict: 'inconclusive',
      reason: `too few latency samples (new ${fresh.latenciesMs.length}, old ${old.latenciesMs.length}; need ${options.minRequests} each)`
    };
  }
  const test = mannWhitneyU(fresh.latenciesMs, old.latenciesMs, 'greater');
  const shiftMs = hodgesLehmannShift(
    thin(fresh.latenciesMs, SHIFT_SAMPLE_LIMIT),
    thin(old.latenciesMs, SHIFT_SAMPLE_LIMIT)
  );
  const allowed = Math.max(options.minLatencyIncreaseMs, options.maxLatencyIncrease * (oldMedianMs ?? 0));
  const numbers = `median ${ms(newMedianMs!)} vs ${ms(oldMedianMs!)}, shift ${shiftMs >= 0 ? '+' : ''}${ms(shiftMs)} (p=${p(test.pValue)})`;
  let verdict: JudgeVerdict;
  let reason: string;
  if (shiftMs <= allowed) {
    verdict = 'pass';
    reason = `${numbers}: within +${ms(allowed)}`;
  } else if (test.pValue !== null && test.pValue < 1 - options.confidence) {
    verdict = 'fail';
    reason = `${numbers}: slower by more than +${ms(allowed)}, significant at ${pct(options.confidence)}`;
  } else {
    verdict = 'inconclusive';
    reason = `${numbers}: slower by more than +${ms(allowed)} but not significant at ${pct(options.confidence)}`;
  }
  return { verdict, oldMedianMs, newMedianMs, shiftMs, pValue: test.pValue, u: test.u1, reason };
}

/** The judgement of `fresh` (the new colour) against `old` over one window; `source` says where numbers came from. */
export function judgeCanary(
  traffic: Record<Color, ColorTraffic>,
  oldColor: Color,
  newColor: Color,
  options: JudgeOptions,
  source: string
): JudgeResult {
  const empty: ColorTraffic = { requests: 0, errors: 0, latenciesMs: [] };
  const old = traffic[oldColor] ?? empty;
  const fresh = traffic[newColor] ?? empty;
  const errorRate = judgeErrorRate(old, fresh, options);
  const latencyMeasured = old.latenciesMs.length > 0 || fresh.latenciesMs.length > 0;
  const latency: LatencyJudgement = latencyMeasured
    ? judgeLatency(old, fresh, options)
    : {
        verdict: 'inconclusive',
        oldMedianMs: null,
        newMedianMs: null,
        shiftMs: null,
        pValue: null,
        u: null,
        reason: `latency not measured: ${source} gave no per-request latencies`
      };
  // Latency the router cannot measure does not hold the judgement up; errors still decide.
  const parts = latencyMeasured ? [errorRate, latency] : [errorRate];
  const verdict: JudgeVerdict = parts.some((x) => x.verdict === 'fail')
    ? 'fail'
    : parts.some((x) => x.verdict === 'inconclusive')
      ? 'inconclusive'
      : 'pass';
  const deciding = parts.find((x) => x.verdict === verdict) ?? errorRate;
  const perColor: JudgeResult['perColor'] = {};
  for (const [color, t] of Object.entries(traffic)) {
    perColor[color] = {
      requests: t.requests,
      errors: t.errors,
      errorRate: t.requests > 0 ? t.errors / t.requests : 0,
      p50Ms: percentile(t.latenciesMs, 50),
      p95Ms: percentile(t.latenciesMs, 95)
    };
  }
  return { verdict, reason: deciding.reason, source, perColor, errorRate, latency };
}
