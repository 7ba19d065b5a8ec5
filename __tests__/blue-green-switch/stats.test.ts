import { describe, expect, it } from '@jest/globals';
import {
  hodgesLehmannShift,
  mannWhitneyU,
  normalCdf,
  normalSf,
  percentile,
  rankWithTies,
  thin,
  twoProportionZTest
} from '../../actions/blue-green-switch/src/engine/stats.js';

// Every expected value below was computed independently with SciPy 1.17.1 / NumPy 2.4.6
// (scipy.stats.norm, scipy.stats.mannwhitneyu(method="asymptotic"), numpy.percentile/median), and is stated
// here as a number: the tests do not run Python.

describe('normal distribution', () => {
  it.each([
    [-10, 7.61985302416047e-24],
    [-5, 2.866515718791933e-7],
    [-3, 0.0013498980316300933],
    [-1.96, 0.024997895148220435],
    [-0.5, 0.3085375387259869],
    [0, 0.5],
    [0.5, 0.6914624612740131],
    [1, 0.8413447460685429],
    [1.6448536269514722, 0.95],
    [2, 0.9772498680518208],
    [3, 0.9986501019683699]
  ])('cdf(%p) = %p (scipy.stats.norm.cdf)', (x, expected) => {
    const got = normalCdf(x);
    // relative accuracy in the tails, absolute near the centre
    expect(Math.abs(got - expected)).toBeLessThan(Math.max(1e-14, expected * 1e-9));
  });

  it.each([
    [5, 2.866515718791933e-7],
    [7.5, 3.1908916729108844e-14],
    [8.3, 5.2055697448902465e-17]
  ])('sf(%p) = %p in the far tail without cancellation', (x, expected) => {
    // past 7.07 the continued fraction is good to ~1e-8 relative: far finer than any p-value decision
    expect(Math.abs(normalSf(x) - expected) / expected).toBeLessThan(1e-7);
  });

  it('is monotone and symmetric', () => {
    let previous = 0;
    for (let x = -9; x <= 9; x += 0.01) {
      const v = normalCdf(x);
      expect(v).toBeGreaterThanOrEqual(previous);
      expect(Math.abs(v + normalCdf(-x) - 1)).toBeLessThan(1e-14);
      previous = v;
    }
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(-40)).toBe(0);
  });
});

describe('two-proportion z-test (pooled)', () => {
  it('matches the textbook formula: 12/99 vs 5/83', () => {
    // scipy: z = (p1-p2)/sqrt(p(1-p)(1/n1+1/n2)) = 1.4078304151258787, norm.sf(z) = 0.07959064590578496
    const r = twoProportionZTest(12, 99, 5, 83, 'greater');
    expect(r.z).toBeCloseTo(1.4078304151258787, 12);
    expect(r.pValue).toBeCloseTo(0.07959064590578496, 12);
    expect(twoProportionZTest(12, 99, 5, 83, 'two-sided').pValue).toBeCloseTo(0.15918129181156992, 12);
  });

  it('a 5 % error canary against a 0.07 % baseline is overwhelmingly significant', () => {
    const r = twoProportionZTest(25, 500, 3, 4500, 'greater');
    expect(r.z).toBeCloseTo(14.0240078519059, 9);
    expect(r.pValue! / 5.557788677390925e-45).toBeCloseTo(1, 6);
  });

  it('small counts: 3/200 vs 2/1800', () => {
    const r = twoProportionZTest(3, 200, 2, 1800);
    expect(r.z).toBeCloseTo(3.7314471903303748, 10);
    expect(r.pValue).toBeCloseTo(9.519146173870867e-5, 12);
  });

  it('no variation at all gives no test rather than NaN', () => {
    expect(twoProportionZTest(0, 100, 0, 900)).toMatchObject({ z: null, pValue: null, p1: 0, p2: 0 });
    expect(() => twoProportionZTest(1, 0, 0, 1)).toThrow(RangeError);
    expect(() => twoProportionZTest(5, 4, 0, 1)).toThrow(RangeError);
  });
});

describe('Mann-Whitney U (normal approximation)', () => {
  const males = [19, 22, 16, 29, 24];
  const females = [20, 11, 17, 12];

  it("scipy's documentation example: U = 17, asymptotic p = 0.11134688653314041", () => {
    const two = mannWhitneyU(males, females, 'two-sided');
    expect(two.u1).toBe(17);
    expect(two.u2).toBe(3);
    expect(two.pValue).toBeCloseTo(0.11134688653314041, 14);
    expect(mannWhitneyU(males, females, 'greater').pValue).toBeCloseTo(0.055673443266570206, 14);
  });

  it('applies the tie correction', () => {
    const x = [1, 2, 2, 3, 3, 3, 4];
    const y = [2, 3, 4, 4, 5, 5, 6];
    const greater = mannWhitneyU(x, y, 'greater');
    expect(greater.u1).toBe(8.5);
    expect(greater.pValue).toBeCloseTo(0.9843697313699247, 13);
    expect(mannWhitneyU(x, y, 'two-sided').pValue).toBeCloseTo(0.043051432728945134, 13);
    const reverse = mannWhitneyU(y, x, 'greater');
    expect(reverse.u1).toBe(40.5);
    expect(reverse.pValue).toBeCloseTo(0.021525716364472567, 13);
    expect(mannWhitneyU(y, x, 'greater', false).pValue).toBeCloseTo(0.018377480527253652, 13);
    // ties: 2 (x3), 3 (x4), 4 (x3), 5 (x2) -> 24 + 60 + 24 + 6
    expect(reverse.tieTerm).toBe(114);
  });

  it('U counts the pairs where sample 1 is larger (brute force)', () => {
    const a = [5.1, 3.3, 3.3, 9.0, 0.2, 7.7];
    const b = [3.3, 1.0, 8.8, 6.0];
    let pairs = 0;
    for (const x of a) for (const y of b) pairs += x > y ? 1 : x === y ? 0.5 : 0;
    expect(mannWhitneyU(a, b).u1).toBe(pairs);
  });

  it('all values equal: no variance, no p-value', () => {
    expect(mannWhitneyU([1, 1, 1], [1, 1])).toMatchObject({ z: null, pValue: null });
  });

  it('ranks ties by their mean position', () => {
    expect(Array.from(rankWithTies([10, 20, 20, 5]).ranks)).toEqual([2, 3.5, 3.5, 1]);
  });
});

describe('Hodges-Lehmann shift, percentiles, thinning', () => {
  it('median of pairwise differences (numpy.median of subtract.outer = 2.65)', () => {
    expect(hodgesLehmannShift([3.1, 4.5, 2.2, 8.0, 5.5, 6.1], [1.0, 2.5, 3.3, 2.0])).toBeCloseTo(2.65, 12);
  });

  it('linear percentiles as numpy.percentile', () => {
    const v = [15, 20, 35, 40, 50];
    expect([0, 30, 40, 50, 95, 100].map((q) => percentile(v, q))).toEqual([15, 23, 29, 35, 48, 50]);
    expect(percentile([], 50)).toBeNull();
  });

  it('thins evenly and deterministically', () => {
    const values = Array.from({ length: 10 }, (_, i) => i);
    expect(thin(values, 5)).toEqual([0, 2, 4, 6, 8]);
    expect(thin(values, 20)).toEqual(values);
  });
});
