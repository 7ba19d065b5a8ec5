import { describe, expect, it } from '@jest/globals';
import { formatDuration, parseDuration } from '../../shared/src/lib/duration.js';
import { ConfigurationError } from '../../shared/src/lib/errors.js';

describe('parseDuration', () => {
  it.each([
    ['250ms', 250],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1m30s', 90_000],
    ['1h2m3s4ms', 3_723_004],
    ['1m 30s', 90_000],
    ['  45s ', 45_000],
    ['1.5s', 1_500],
    ['0s', 0],
    ['0.25m', 15_000]
  ])('reads %p as %p ms', (text, expected) => {
    expect(parseDuration(text)).toBe(expected);
  });

  it('refuses a bare number because its unit would be a guess, and suggests one', () => {
    expect(() => parseDuration('30')).toThrow(ConfigurationError);
    expect(() => parseDuration('30')).toThrow(/"30" has no unit.*e\.g\. "30s"/);
  });

  it.each(['abc', '5', '-5s', '5 minutes', '10d', '5M', '1.2.3s', 's', '30s!', '1e3ms'])(
    'rejects %p with a message that names the text and shows an example',
    (text) => {
      let thrown: unknown;
      try {
        parseDuration(text);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConfigurationError);
      expect((thrown as Error).message).toContain(`"${text}"`);
      expect((thrown as Error).message).toMatch(/30s/);
    }
  );

  it('rejects an empty value', () => {
    expect(() => parseDuration('   ')).toThrow(/empty/);
  });

  it('rejects units out of order or repeated, which are usually typos', () => {
    expect(() => parseDuration('30s1m')).toThrow(/largest to smallest/);
    expect(() => parseDuration('5m5m')).toThrow(/largest to smallest/);
  });

  it('rejects values too large to represent exactly', () => {
    expect(() => parseDuration('99999999999999999h')).toThrow(/too large/);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [250, '250ms'],
    [999.4, '999ms'],
    [1_000, '1s'],
    [1_500, '1.5s'],
    [12_345, '12.35s'],
    [59_999, '1m'],
    [60_000, '1m'],
    [90_000, '1m30s'],
    [3_600_000, '1h'],
    [3_723_000, '1h2m3s'],
    [7_500_000, '2h5m'],
    [-1_500, '-1.5s']
  ])('formats %p ms as %p', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });

  it('produces text that parseDuration reads back to (nearly) the same value', () => {
    for (const ms of [0, 7, 999, 1_000, 1_250, 45_670, 61_000, 3_599_000, 86_400_000]) {
      expect(Math.abs(parseDuration(formatDuration(ms)) - ms)).toBeLessThan(500);
    }
  });

  it('does not pretend to format non-finite values', () => {
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });
});

describe('parseDuration bounds and hostile spellings (issue 12)', () => {
  it('refuses a space between a number and its unit, naming the fix', () => {
    expect(() => parseDuration('5 m')).toThrow(/"5 m": no space between a number and its unit; write "5m"/);
    expect(() => parseDuration('1m 30 s')).toThrow(/write "30s"/);
  });

  it.each(['1e3s', '-5s', 'NaNs', 'Infinitys', '.5s', '5.s', '0x10s', '1_000ms', '+5s'])('refuses %p', (text) => {
    expect(() => parseDuration(text)).toThrow(ConfigurationError);
  });

  it('applies bounds in one line, with the limit in the same spelling', () => {
    expect(() => parseDuration('1000h', { max: 86_400_000 })).toThrow(
      /^Duration "1000h" is longer than the maximum of 24h$/
    );
    expect(() => parseDuration('0s', { min: 100 })).toThrow(/^Duration "0s" is shorter than the minimum of 100ms$/);
    expect(parseDuration('24h', { min: 100, max: 86_400_000 })).toBe(86_400_000);
  });

  it('names the timer limit it protects', async () => {
    const { MAX_TIMER_MS } = await import('../../shared/src/lib/duration.js');
    expect(MAX_TIMER_MS).toBe(2 ** 31 - 1);
  });
});
