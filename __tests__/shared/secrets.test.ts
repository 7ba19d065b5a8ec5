import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as core from '../fixtures/core.js';

jest.unstable_mockModule('@actions/core', () => core);

const { maskConnectionString, maskSecret, maskUrlCredentials } = await import('../../shared/src/actions/mask.js');
const { credentialsInUrl, redact, redactConnectionString, redactUrl } = await import('../../shared/src/lib/redact.js');

beforeEach(() => {
  jest.clearAllMocks();
});

const masked = () => core.setSecret.mock.calls.map(([value]) => value);

describe('maskSecret', () => {
  it('masks a single-line value once', () => {
    maskSecret('s3cr3t-token');
    expect(masked()).toEqual(['s3cr3t-token']);
  });

  it('masks a multi-line value whole and line by line, skipping blank lines', () => {
    maskSecret('-----BEGIN KEY-----\r\nAAAABBBB\n\nCCCCDDDD\n-----END KEY-----\n');
    expect(masked()).toEqual([
      '-----BEGIN KEY-----\r\nAAAABBBB\n\nCCCCDDDD\n-----END KEY-----\n',
      '-----BEGIN KEY-----',
      'AAAABBBB',
      'CCCCDDDD',
      '-----END KEY-----'
    ]);
  });

  it('ignores empty and missing values, which would otherwise mask nothing useful', () => {
    maskSecret('');
    maskSecret('   ');
    maskSecret(undefined);
    maskSecret(null);
    expect(core.setSecret).not.toHaveBeenCalled();
  });
});

describe('redact', () => {
  it('replaces every occurrence of each secret', () => {
    expect(redact('token=abc123 again abc123, pw hunter2', ['abc123', 'hunter2'])).toBe('token=*** again ***, pw ***');
  });

  it('replaces the longer of two overlapping secrets whole', () => {
    expect(redact('key: abcdef', ['abc', 'abcdef'])).toBe('key: ***');
  });

  it('also catches the percent-encoded form and treats secrets literally, not as patterns', () => {
    expect(redact('url?pw=p%40ss%2Fword and p@ss/word', ['p@ss/word'])).toBe('url?pw=*** and ***');
    expect(redact('a.b a+b (x)', ['a+b', '(x)'])).toBe('a.b *** ***');
  });

  it('ignores empty secrets instead of inserting *** everywhere', () => {
    expect(redact('hello', ['', 'zzz'])).toBe('hello');
  });
});

describe('redactUrl', () => {
  it.each([
    ['postgres://user:pa55@db.internal:5432/app', 'postgres://user:***@db.internal:5432/app'],
    ['https://ghp_abcdef@github.com/o/r.git', 'https://***@github.com/o/r.git'],
    ['https://x-access-token:ghs_123@github.com/o/r', 'https://x-access-token:***@github.com/o/r'],
    ['postgres://app:p@ss@host/db', 'postgres://app:***@host/db'],
    ['postgres://app:pw@h1:5432,h2:5433/db?sslmode=require', 'postgres://app:***@h1:5432,h2:5433/db?sslmode=require'],
    ['https://api.example.com/v1?token=abc&page=2', 'https://api.example.com/v1?token=***&page=2'],
    [
      'https://h/x?Access_Token=a&API-KEY=b&sig=c&sort_key=name',
      'https://h/x?Access_Token=***&API-KEY=***&sig=***&sort_key=name'
    ],
    ['https://h/cb#access_token=abc&state=1', 'https://h/cb#access_token=***&state=1'],
    ['https://s3/b/o?X-Amz-Signature=deadbeef&X-Amz-Date=1', 'https://s3/b/o?X-Amz-Signature=***&X-Amz-Date=1'],
    ['https://h/x?github_token=t&client_secret=s', 'https://h/x?github_token=***&client_secret=***'],
    ['http://localhost:8080/health', 'http://localhost:8080/health'],
    ['https://registry.npmjs.org/@scope%2fpkg', 'https://registry.npmjs.org/@scope%2fpkg']
  ])('redacts %p', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it('does not throw on text that is not a URL', () => {
    expect(redactUrl('not a url at all')).toBe('not a url at all');
  });
});

describe('credentialsInUrl', () => {
  it('returns the raw and decoded forms of each credential', () => {
    expect(credentialsInUrl('https://u:p%40ss@h/?token=a%2Bb')).toEqual(['p%40ss', 'a%2Bb', 'p@ss', 'a+b']);
  });
});

describe('maskUrlCredentials', () => {
  it('masks the password and token parameters and returns the display form', () => {
    const display = maskUrlCredentials('postgres://user:pa%2Fss@host/db?sslpassword=kp');
    expect(display).toBe('postgres://user:***@host/db?sslpassword=***');
    expect(masked()).toEqual(['pa%2Fss', 'kp', 'pa/ss']);
  });

  it('masks nothing for a URL without credentials', () => {
    expect(maskUrlCredentials('https://example.com/a?b=c')).toBe('https://example.com/a?b=c');
    expect(core.setSecret).not.toHaveBeenCalled();
  });
});

describe('redactConnectionString', () => {
  it('handles the URL form', () => {
    expect(redactConnectionString('postgresql://admin:topsecret@localhost/db')).toBe(
      'postgresql://admin:***@localhost/db'
    );
  });

  it.each([
    ['host=db port=5432 user=app password=secret dbname=app', 'host=db port=5432 user=app password=*** dbname=app'],
    ["host=db password='with spaces \\' and quote' dbname=x", 'host=db password=*** dbname=x'],
    ['host=db password = spaced sslpassword=kp', 'host=db password = *** sslpassword=***'],
    ['Server=db;User Id=sa;Password=P@ss;Database=x', 'Server=db;User Id=sa;Password=***;Database=x'],
    ['host=db user=app dbname=app', 'host=db user=app dbname=app']
  ])('handles the keyword form %p', (input, expected) => {
    expect(redactConnectionString(input)).toBe(expected);
  });

  it('masks the quoted and unquoted forms of a keyword password', () => {
    expect(maskConnectionString("host=db password='a b\\'c'")).toBe('host=db password=***');
    expect(masked()).toEqual(["'a b\\'c'", "a b'c"]);
  });
});

describe('derived secret forms (issue 12)', () => {
  it('redacts a secret as a JSON report quotes it, and percent- and form-encoded', async () => {
    const secret = 'a "quoted" \\ secret é\n';
    const form = encodeURIComponent(secret).replace(/%20/g, '+');
    const text = JSON.stringify({ message: `got ${secret}`, url: `?q=${encodeURIComponent(secret)}&f=${form}` });
    expect(redact(text, [secret])).not.toContain('quoted');
    expect(redact(JSON.stringify({ v: 'x hunter2 y' }), ['hunter2'])).toBe('{"v":"x *** y"}');
  });

  it('urlSecrets: the Basic header a client sends for the URL credentials, with the raw and decoded ones', async () => {
    const { urlSecrets } = await import('../../shared/src/lib/redact.js');
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    expect(urlSecrets('https://ops:p%40ss@h/')).toEqual(
      expect.arrayContaining(['p%40ss', 'p@ss', b64('ops:p@ss'), `Basic ${b64('ops:p@ss')}`, 'ops:p@ss'])
    );
    expect(urlSecrets('https://token123@h/')).toEqual(expect.arrayContaining(['token123', b64('token123:')]));
    expect(urlSecrets('https://h/?x=1')).toEqual([]);
    expect(urlSecrets('postgres://app:pw@h1,h2/db')).toEqual(expect.arrayContaining(['pw']));
  });

  it('headerValueSecrets: the token after the scheme, and what a Basic header decodes to', async () => {
    const { headerValueSecrets } = await import('../../shared/src/lib/redact.js');
    const basic = Buffer.from('admin:pw-1').toString('base64');
    expect(headerValueSecrets(`Basic ${basic}`)).toEqual(
      expect.arrayContaining([`Basic ${basic}`, basic, 'admin:pw-1', 'pw-1'])
    );
    expect(headerValueSecrets('Bearer tok')).toEqual(['Bearer tok', 'tok']);
    expect(headerValueSecrets('rawkey')).toEqual(['rawkey']);
  });

  it('redactDeep: every string and key of a report value', async () => {
    const { redactDeep } = await import('../../shared/src/lib/redact.js');
    expect(redactDeep({ a: ['x pw', { pw: 1 }], n: 2, z: null }, ['pw'])).toEqual({
      a: ['x ***', { '***': 1 }],
      n: 2,
      z: null
    });
  });
});
