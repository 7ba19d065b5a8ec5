import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../shared/src/lib/errors.js';
import { evaluate, parseJsonAssertion } from '../../actions/health-gate/src/json-assert.js';

const health = {
  status: 'fail',
  version: 'v2.3.1',
  uptime: 1234.5,
  ready: true,
  notes: null,
  items: [
    { id: 1, status: 'up' },
    { id: 2, status: 'up' },
    { id: 3, status: 'down' }
  ],
  empty: [],
  checks: {
    'db:responseTime': [{ componentId: 'primary', observedValue: 42, status: 'pass' }],
    'cache:hits': [{ observedValue: 0.93, status: 'warn', output: 'cold' }]
  },
  "it's": 'quoted',
  meta: { length: 7 }
};

function check(text: string, value: unknown = health): { ok: boolean; message: string } {
  return evaluate(parseJsonAssertion(text), value);
}

function parseError(text: string): string {
  try {
    parseJsonAssertion(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error(`expected ${text} to be refused`);
}

describe('json assertions: paths', () => {
  it('reads dotted keys, quoted keys and indexes', () => {
    expect(check('$.version == "v2.3.1"').ok).toBe(true);
    expect(check(`$['version'] == "v2.3.1"`).ok).toBe(true);
    expect(check(`$["checks"]["db:responseTime"][0].observedValue == 42`).ok).toBe(true);
    expect(check(`$['it\\'s'] == 'quoted'`).ok).toBe(true);
    expect(check('$.items[0].id == 1').ok).toBe(true);
    expect(check('$.items[-1].id == 3').ok).toBe(true);
    expect(check('$.items[ 1 ].id == 2').ok).toBe(true);
  });

  it('takes .length of arrays and strings, and reads a "length" key of an object', () => {
    expect(check('$.items.length == 3').ok).toBe(true);
    expect(check('$.version.length >= 6').ok).toBe(true);
    expect(check('$.meta.length == 7').ok).toBe(true);
    expect(check('$.ready.length == 1')).toEqual({
      ok: false,
      message: '$.ready.length not found: $.ready is true (a boolean), which has no length'
    });
  });

  it('requires every element to pass with [*], naming the first that did not', () => {
    expect(check('$.items[*].id > 0')).toEqual({ ok: true, message: 'all 3 of $.items[*].id satisfy > 0' });
    expect(check('$.items[*].status == "up"')).toEqual({
      ok: false,
      message: '$.items[2].status is "down", expected == "up" (1 of 3 failed)'
    });
    expect(check('$.checks[*][0].status =~ /^(pass|warn)$/').ok).toBe(true);
    expect(check('$.checks.*[0].observedValue > 0.5').ok).toBe(true);
  });

  it('fails [*] over an empty array instead of passing vacuously', () => {
    expect(check('$.empty[*].status == "up"')).toEqual({
      ok: false,
      message: '$.empty[*].status not found: $.empty is empty'
    });
  });

  it('says which step of a missing path is missing', () => {
    expect(check('$.nope')).toEqual({ ok: false, message: '$.nope does not exist' });
    expect(check('$.nope.deeper == 1')).toEqual({
      ok: false,
      message: '$.nope.deeper not found: $.nope does not exist'
    });
    expect(check('$.items[7].id == 1')).toEqual({
      ok: false,
      message: '$.items[7].id not found: $.items has 3 elements'
    });
    expect(check('$.version.major == 2').message).toBe(
      '$.version.major not found: $.version is "v2.3.1" (a string), not an object'
    );
    expect(check('$.version[0] == "v"').message).toContain('not an array');
  });

  it('works on a root that is an array or a scalar', () => {
    expect(check('$[0] == 1', [1, 2]).ok).toBe(true);
    expect(check('$ == "OK"', 'OK').ok).toBe(true);
    expect(check('$.length == 0', []).ok).toBe(true);
  });
});

describe('json assertions: operators', () => {
  it('compares with == and != using JSON equality', () => {
    expect(check('$.status == "pass"')).toEqual({ ok: false, message: '$.status is "fail", expected == "pass"' });
    expect(check('$.status != "pass"')).toEqual({ ok: true, message: '$.status is "fail"' });
    expect(check('$.status != "fail"')).toEqual({ ok: false, message: '$.status is "fail", expected != "fail"' });
    expect(check('$.ready == true').ok).toBe(true);
    expect(check('$.notes == null').ok).toBe(true);
    expect(check('$.uptime == 1234.50').ok).toBe(true);
    expect(check('$.items[0] == {"status": "up", "id": 1}').ok).toBe(true);
    // No type coercion: the number 1 is not the string "1".
    expect(check('$.items[0].id == "1"')).toEqual({ ok: false, message: '$.items[0].id is 1, expected == "1"' });
  });

  it('accepts single-quoted strings', () => {
    expect(check("$.status == 'fail'").ok).toBe(true);
    expect(check(`$.status == 'say "hi"'`).message).toBe('$.status is "fail", expected == "say \\"hi\\""');
  });

  it('compares numbers with < <= > >=, and refuses non-numbers', () => {
    expect(check('$.uptime > 1000').ok).toBe(true);
    expect(check('$.uptime >= 1234.5').ok).toBe(true);
    expect(check('$.uptime <= 1234.5').ok).toBe(true);
    expect(check('$.uptime < 100')).toEqual({ ok: false, message: '$.uptime is 1234.5, expected < 100' });
    expect(check('$.checks["db:responseTime"][0].observedValue < 100').ok).toBe(true);
    expect(check('$.version > 1')).toEqual({
      ok: false,
      message: '$.version is "v2.3.1" (a string), not a number, expected > 1'
    });
  });

  it('matches regular expressions with =~, flags included', () => {
    expect(check('$.version =~ /^v2\\./').ok).toBe(true);
    expect(check('$.version =~ /^V2/')).toEqual({ ok: false, message: '$.version is "v2.3.1", expected =~ /^V2/' });
    expect(check('$.version =~ /^V2/i').ok).toBe(true);
    expect(check('$.uptime =~ /^1234/').ok).toBe(true);
    expect(check('$.items =~ /x/').message).toBe('$.items is an array, not text, expected =~ /x/');
  });

  it('does not let a g flag make repeated evaluations disagree', () => {
    const assertion = parseJsonAssertion('$.status =~ /fail/g');
    expect(evaluate(assertion, health).ok).toBe(true);
    expect(evaluate(assertion, health).ok).toBe(true);
  });

  it('requires a bare path to exist and be non-null', () => {
    expect(check('$.ready')).toEqual({ ok: true, message: '$.ready is true' });
    expect(check('$.notes')).toEqual({ ok: false, message: '$.notes is null, expected a value' });
    expect(check('$.items[*].id').ok).toBe(true);
  });
});

describe('json assertions: syntax errors', () => {
  it.each([
    ['', 'it is empty at column 1'],
    ['status == "pass"', 'a path must start with $ at column 1'],
    ['$.status = "pass"', 'expected an operator (== != <= >= =~ < >) after the path at column 10'],
    ['$.status ==', "expected a value after '==' at column 12"],
    [
      '$.status == pass',
      'expected a JSON value (a "string", a number, true, false or null) (quote strings: "pass") at column 13'
    ],
    ['$.status == "pass', 'expected a JSON value'],
    ["$.status == 'pass", 'unterminated string at column 13'],
    ["$.status == 'pass' extra", 'unexpected text after the string at column 20'],
    ['$.items[0 == 1', "unclosed '[' at column 8"],
    ['$.items[x] == 1', "expected an index, '*' or a quoted key after '[' at column 9"],
    ['$..items', "expected a key after '.'"],
    ['$.uptime < "ten"', "'<' compares numbers, so the value must be a number"],
    ['$.version =~ "^v2"', '=~ needs a /regex/'],
    ['$.version =~ /(/', 'invalid regular expression'],
    ['$.version == /v2/', 'a /regex/ only works with =~'],
    ['$.a#b', "unexpected '#' in the path at column 4"]
  ])('refuses %j', (text, reason) => {
    const message = parseError(text);
    expect(message).toContain(`'${text}'`);
    expect(message).toContain(reason);
  });
});
