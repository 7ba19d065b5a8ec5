import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../shared/src/lib/errors.js';
import { describeStatusMatcher, parseStatusMatcher } from '../../actions/health-gate/src/status-match.js';

function accepted(text: string, statuses: number[]): number[] {
  const matches = parseStatusMatcher(text);
  return statuses.filter((status) => matches(status));
}

const SAMPLE = [100, 199, 200, 204, 299, 300, 302, 399, 404, 500, 503, 599];

describe('parseStatusMatcher', () => {
  it('reads a status class', () => {
    expect(accepted('2xx', SAMPLE)).toEqual([200, 204, 299]);
    expect(accepted('5XX', SAMPLE)).toEqual([500, 503, 599]);
  });

  it('reads a single status', () => {
    expect(accepted('204', SAMPLE)).toEqual([204]);
  });

  it('reads an inclusive range, with or without spaces around the dash', () => {
    expect(accepted('200-302', SAMPLE)).toEqual([200, 204, 299, 300, 302]);
    expect(accepted('200 - 204', SAMPLE)).toEqual([200, 204]);
  });

  it('reads comma and space separated lists mixing all forms', () => {
    expect(accepted('200,204,3xx', SAMPLE)).toEqual([200, 204, 300, 302, 399]);
    expect(accepted(' 200  404\n503 ', SAMPLE)).toEqual([200, 404, 503]);
    expect(accepted('200, 500-503', SAMPLE)).toEqual([200, 500, 503]);
  });

  it.each([
    ['', 'it is empty'],
    ['  ,  ', 'it is empty'],
    ['ok', 'cannot read "ok"'],
    ['20', 'cannot read "20"'],
    ['2xx,6xx', 'cannot read "6xx"'],
    ['700', '700 is outside the HTTP status range'],
    ['299-200', 'range 299-200 goes from high to low'],
    ['200-', 'cannot read "200-"'],
    ['200;204', 'cannot read "200;204"']
  ])('refuses %j with a ConfigurationError naming the text', (text, reason) => {
    let error: unknown;
    try {
      parseStatusMatcher(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(`"${text}"`);
    expect((error as Error).message).toContain(reason);
  });
});

describe('describeStatusMatcher', () => {
  it('puts the matcher in words', () => {
    expect(describeStatusMatcher('2xx')).toBe('2xx');
    expect(describeStatusMatcher('200 , 204')).toBe('200 or 204');
    expect(describeStatusMatcher('200,204 3XX')).toBe('200, 204 or 3xx');
    expect(describeStatusMatcher('200 - 299')).toBe('200-299');
  });

  it('refuses what parseStatusMatcher refuses', () => {
    expect(() => describeStatusMatcher('nope')).toThrow(ConfigurationError);
  });
});
