import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../shared/src/lib/errors.js';
import {
  getBooleanInput,
  getDurationInput,
  getOptionalDurationInput,
  getIntegerInput,
  getListInput,
  getOptionalInput,
  getRequiredInput,
  getStructuredInput
} from '../../shared/src/actions/inputs.js';

// The runner passes inputs as INPUT_<NAME>: upper-cased, spaces to "_", hyphens kept.
let savedEnv: NodeJS.ProcessEnv;
beforeEach(() => {
  savedEnv = { ...process.env };
});
afterEach(() => {
  process.env = savedEnv;
});

function setInput(name: string, value: string): void {
  process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
}

function errorOf(read: () => unknown): Error {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as Error;
  }
  throw new Error('expected the reader to throw');
}

describe('getRequiredInput / getOptionalInput', () => {
  it('reads a kebab-case input from the environment the runner sets, trimmed', () => {
    setInput('base-url', '  http://localhost:8080 \n');
    expect(process.env['INPUT_BASE-URL']).toBeDefined();
    expect(getRequiredInput('base-url')).toBe('http://localhost:8080');
    expect(getOptionalInput('base-url')).toBe('http://localhost:8080');
  });

  it('reports a missing required input by name', () => {
    expect(errorOf(() => getRequiredInput('base-url')).message).toBe('Input "base-url" is required');
    setInput('base-url', '   ');
    expect(errorOf(() => getRequiredInput('base-url')).message).toBe('Input "base-url" is required');
  });

  it('treats an empty optional input as absent', () => {
    expect(getOptionalInput('token')).toBeUndefined();
    setInput('token', '');
    expect(getOptionalInput('token')).toBeUndefined();
  });
});

describe('getBooleanInput', () => {
  it.each(['true', 'True', 'TRUE'])('reads %p as true', (value) => {
    setInput('fail-on-warning', value);
    expect(getBooleanInput('fail-on-warning', false)).toBe(true);
  });

  it.each(['false', 'False', 'FALSE'])('reads %p as false', (value) => {
    setInput('fail-on-warning', value);
    expect(getBooleanInput('fail-on-warning', true)).toBe(false);
  });

  it('uses the default for an empty value instead of throwing like core.getBooleanInput', () => {
    expect(getBooleanInput('fail-on-warning', true)).toBe(true);
    expect(getBooleanInput('fail-on-warning', false)).toBe(false);
  });

  it.each(['yes', 'no', '1', 'tRUE', 'on'])('rejects %p naming the input', (value) => {
    setInput('fail-on-warning', value);
    expect(errorOf(() => getBooleanInput('fail-on-warning', false)).message).toBe(
      `Input "fail-on-warning" must be true or false; got "${value}"`
    );
  });
});

describe('getIntegerInput', () => {
  it('reads integers, including signs', () => {
    setInput('retries', '3');
    expect(getIntegerInput('retries', {})).toBe(3);
    setInput('retries', '-2');
    expect(getIntegerInput('retries', {})).toBe(-2);
    setInput('retries', '+7');
    expect(getIntegerInput('retries', {})).toBe(7);
  });

  it('uses the default when empty, and requires a value without one', () => {
    expect(getIntegerInput('retries', { default: 2 })).toBe(2);
    expect(errorOf(() => getIntegerInput('retries', {})).message).toBe('Input "retries" is required');
  });

  it.each(['1.5', '1e3', '0x10', 'three', '99999999999999999999'])('rejects %p as not an integer', (value) => {
    setInput('retries', value);
    expect(errorOf(() => getIntegerInput('retries', { min: 0, max: 10 })).message).toBe(
      `Input "retries" must be an integer between 0 and 10; got "${value}"`
    );
  });

  it('enforces inclusive bounds and names them', () => {
    setInput('retries', '10');
    expect(getIntegerInput('retries', { min: 0, max: 10 })).toBe(10);
    setInput('retries', '11');
    expect(errorOf(() => getIntegerInput('retries', { min: 0, max: 10 })).message).toBe(
      'Input "retries" must be an integer between 0 and 10; got 11'
    );
    setInput('retries', '-1');
    expect(errorOf(() => getIntegerInput('retries', { min: 0 })).message).toBe(
      'Input "retries" must be an integer of at least 0; got -1'
    );
    setInput('retries', '6');
    expect(errorOf(() => getIntegerInput('retries', { max: 5 })).message).toBe(
      'Input "retries" must be an integer of at most 5; got 6'
    );
  });
});

describe('getOptionalDurationInput', () => {
  it('is undefined when empty and milliseconds otherwise', () => {
    expect(getOptionalDurationInput('deadline')).toBeUndefined();
    setInput('deadline', '2m');
    expect(getOptionalDurationInput('deadline')).toBe(120_000);
  });

  it('names the input on a bad value', () => {
    setInput('deadline', 'soon');
    expect(() => getOptionalDurationInput('deadline')).toThrow(/Input "deadline" must be a duration/);
  });
});

describe('getDurationInput', () => {
  it('returns milliseconds', () => {
    setInput('timeout', '1m30s');
    expect(getDurationInput('timeout')).toBe(90_000);
  });

  it('parses the default when empty, and requires a value without one', () => {
    expect(getDurationInput('timeout', '5m')).toBe(300_000);
    expect(errorOf(() => getDurationInput('timeout')).message).toBe('Input "timeout" is required');
  });

  it('names the input and shows examples on bad text', () => {
    setInput('timeout', 'abc');
    expect(errorOf(() => getDurationInput('timeout')).message).toBe(
      'Input "timeout" must be a duration like 30s, 5m or 1h; got "abc"'
    );
  });

  it('explains why a bare number is refused', () => {
    setInput('timeout', '30');
    expect(errorOf(() => getDurationInput('timeout')).message).toMatch(
      /^Input "timeout" must be a duration like 30s, 5m or 1h; got "30" \(a bare number is ambiguous; add a unit, e\.g\. 30s\)$/
    );
  });
});

describe('getListInput', () => {
  it('splits on newlines and commas, trims, and drops empty entries', () => {
    setInput('paths', 'migrations/*.sql,\n  db/one.sql , db/two.sql\r\n\n,,  \nlast');
    expect(getListInput('paths')).toEqual(['migrations/*.sql', 'db/one.sql', 'db/two.sql', 'last']);
  });

  it('returns an empty list for an empty input', () => {
    expect(getListInput('paths')).toEqual([]);
  });
});

describe('getStructuredInput', () => {
  it('reads YAML', () => {
    setInput('checks', '- url: /health\n  status: 200\n- url: /ready\n  timeout: 5s\n');
    expect(getStructuredInput('checks')).toEqual([
      { url: '/health', status: 200 },
      { url: '/ready', timeout: '5s' }
    ]);
  });

  it('reads JSON', () => {
    setInput('checks', '{"weights": {"blue": 90, "green": 10}, "enabled": true, "note": null}');
    expect(getStructuredInput('checks')).toEqual({ weights: { blue: 90, green: 10 }, enabled: true, note: null });
  });

  it('returns undefined when empty', () => {
    expect(getStructuredInput('checks')).toBeUndefined();
  });

  it('reports a syntax error with the input name and line, on one line', () => {
    setInput('checks', 'a: 1\nb: 2\nc: [1, 2\nd: 4');
    const message = errorOf(() => getStructuredInput('checks')).message;
    expect(message).toMatch(/^Input "checks": invalid YAML at line \d+, column \d+: /);
    expect(message).not.toContain('\n');
    setInput('checks', 'a: 1\nb: c: d');
    expect(errorOf(() => getStructuredInput('checks')).message).toMatch(/at line 2,/);
  });

  it('rejects duplicate keys instead of keeping the last one', () => {
    setInput('checks', '{"a": 1, "a": 2}');
    expect(errorOf(() => getStructuredInput('checks')).message).toMatch(/Input "checks": .*unique/);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let level = 1; level <= 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const next = String.fromCharCode(97 + level);
      lines.push(`${next}: &${next} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    setInput('checks', lines.join('\n'));
    const started = Date.now();
    expect(errorOf(() => getStructuredInput('checks')).message).toMatch(/^Input "checks": Excessive alias count/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('still allows a few ordinary aliases', () => {
    setInput('checks', 'defaults: &d {timeout: 5s}\nhealth: *d\nready: *d\n');
    expect(getStructuredInput('checks')).toEqual({
      defaults: { timeout: '5s' },
      health: { timeout: '5s' },
      ready: { timeout: '5s' }
    });
  });
});
