// The statistics of the canary judge, as pure functions: the standard normal distribution, a two-proportion
// z-test on error rates, the Mann-Whitney U test with the normal approximation (tie and continuity
// corrections, as in the usual textbook and scipy's method="asymptotic"), the Hodges-Lehmann shift estimate and
// percentiles. Written here rather than pulled in: the judge needs these few functions and nothing else.

/**
 * Standard normal CDF to about 1e-14 absolute error: the rational approximation of Hart (1968) in the form
 * published by West (2005), with a continued fraction for the far tail. Math.erf does not exist in JavaScript.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const z = Math.abs(x);
  let tail: number;
  if (z > 37) {
    tail = 0;
  } else {
    const e = Math.exp((-z * z) / 2);
    if (z < 7.07106781186547) {
      let n = 3.52624965998911e-2 * z + 0.700383064443688;
      n = n * z + 6.37396220353165;
      n = n * z + 33.912866078383;
      n = n * z + 112.079291497871;
      n = n * z + 221.213596169931;
      n = n * z + 220.206867912376;
      let d = 8.83883476483184e-2 * z + 1.75566716318264;
      d = d * z + 16.064177579207;
      d = d * z + 86.7807322029461;
      d = d * z + 296.564248779674;
      d = d * z + 637.333633378831;
      d = d * z + 793.826512519948;
      d = d * z + 440.413735824752;
      tail = (e * n) / d;
    } else {
      let f = z + 0.65;
      f = z + 4 / f;
      f = z + 3 / f;
      f = z + 2 / f;
      f = z + 1 / f;
      tail = e / f / 2.506628274631;
    }
  }
  return x > 0 ? 1 - tail : tail;
}

/** P(Z > z), computed without the cancellation of 1 - normalCdf(z) for large z. */
export function normalSf(z: number): number {
  return normalCdf(-z);
}

export type Alternative = 'greater' | 'two-sided';

export interface TwoProportionResult {
  /** Rates of the two samples (successes / trials). */
  p1: number;
  p2: number;
  /** Pooled standard error; 0 when both samples are all-or-nothing alike. */
  standardError: number;
  /** null when the standard error is 0 (no variation to test). */
  z: number | null;
  pValue: number | null;
}

/**
 * Two-proportion z-test with the pooled variance: H0 p1 = p2, against p1 > p2 ('greater') or p1 != p2.
 * x = events (errors), n = trials (requests); sample 1 is the new colour.
 */
export function twoProportionZTest(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  alternative: Alternative = 'greater'
): TwoProportionResult {
  if (n1 <= 0 || n2 <= 0) throw new RangeError('twoProportionZTest: both samples need at least one trial');
  if (x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2)
    throw new RangeError('twoProportionZTest: events must be within 0..trials');
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (standardError === 0) return { p1, p2, standardError, z: null, pValue: null };
  const z = (p1 - p2) / standardError;
  const pValue = alternative === 'greater' ? normalSf(z) : Math.min(1, 2 * normalSf(Math.abs(z)));
  return { p1, p2, standardError, z, pValue };
}

export interface MannWhitneyResult {
  /** U of sample 1: the number of pairs (x, y) with x > y, ties counting one half. */
  u1: number;
  u2: number;
  z: number | null;
  pValue: number | null;
  /** Sum over groups of tied values of t^3 - t (0 without ties). */
  tieTerm: number;
}

/** Average ranks (1-based) of values, ties sharing the mean of their positions; also the tie term. */
export function rankWithTies(values: readonly number[]): { ranks: Float64Array; tieTerm: number } {
  const order = Array.from(values.keys()).sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(values.length);
  let tieTerm = 0;
  for (let i = 0; i < order.length;) {
    let j = i + 1;
    while (j < order.length && values[order[j]] === values[order[i]]) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) ranks[order[k]] = rank;
    const t = j - i;
    tieTerm += t * t * t - t;
    i = j;
  }
  return { ranks, tieTerm };
}

/**
 * Mann-Whitney U test, normal approximation with tie correction and (by default) continuity correction.
 * 'greater' tests whether sample 1 tends to larger values (the new colour is slower).
 */
export function mannWhitneyU(
  sample1: readonly number[],
  sample2: readonly number[],
  alternative: Alternative = 'greater',
  continuity = true
): MannWhitneyResult {
  const n1 = sample1.length;
  const n2 = sample2.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('mannWhitneyU: both samples need at least one value');
  const { ranks, tieTerm } = rankWithTies([...sample1, ...sample2]);
  let r1 = 0;
  for (let i = 0; i < n1; i++) r1 += ranks[i];
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const n = n1 + n2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (!(variance > 0)) return { u1, u2, z: null, pValue: null, tieTerm };
  const sd = Math.sqrt(variance);
  const u = alternative === 'greater' ? u1 : Math.max(u1, u2);
  const z = (u - mean - (continuity ? 0.5 : 0)) / sd;
  const p = alternative === 'greater' ? normalSf(z) : 2 * normalSf(z);
  return { u1, u2, z, pValue: Math.min(1, Math.max(0, p)), tieTerm };
}

/** Median of all pairwise differences x - y: the shift estimate that goes with the Mann-Whitney test. */
export function hodgesLehmannShift(sample1: readonly number[], sample2: readonly number[]): number {
  if (sample1.length === 0 || sample2.length === 0) throw new RangeError('hodgesLehmannShift: empty sample');
  const diffs = new Float64Array(sample1.length * sample2.length);
  let k = 0;
  for (const x of sample1) for (const y of sample2) diffs[k++] = x - y;
  diffs.sort();
  const mid = diffs.length >> 1;
  return diffs.length % 2 === 1 ? diffs[mid] : (diffs[mid - 1] + diffs[mid]) / 2;
}

/** Linear-interpolation percentile (numpy's default), q in 0..100; null for an empty sample. */
export function percentile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const position = (q / 100) * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/** At most `limit` values, evenly spread over the sample (deterministic, keeps the arrival mix). */
export function thin(values: readonly number[], limit: number): number[] {
  if (values.length <= limit) return [...values];
  const out: number[] = [];
  const stride = values.length / limit;
  for (let i = 0; i < limit; i++) out.push(values[Math.floor(i * stride)]);
  return out;
}
