// Parameter styles and bodies on the wire, as OpenAPI 3 describes them (the style tables of the spec).
import { describe, expect, it } from '@jest/globals';
import type { MediaModel, ParameterModel } from '../../../actions/contract-test/src/live/model.js';
import {
  serializeBody,
  serializeCookie,
  serializeHeader,
  serializePath,
  serializeQuery
} from '../../../actions/contract-test/src/live/serialize.js';

function param(
  name: string,
  location: ParameterModel['in'],
  style: string,
  explode: boolean,
  extra: Partial<ParameterModel> = {}
): ParameterModel {
  return {
    name,
    in: location,
    required: true,
    schema: {},
    style,
    explode,
    allowReserved: false,
    examples: [],
    ...extra
  };
}

const array = [3, 4, 5];
const object = { role: 'admin', firstName: 'Alex' };

describe('path parameters', () => {
  it.each([
    ['simple', false, 5, '5'],
    ['simple', false, array, '3,4,5'],
    ['simple', false, object, 'role,admin,firstName,Alex'],
    ['simple', true, object, 'role=admin,firstName=Alex'],
    ['label', false, 5, '.5'],
    ['label', false, array, '.3,4,5'],
    ['label', true, array, '.3.4.5'],
    ['label', true, object, '.role=admin.firstName=Alex'],
    ['matrix', false, 5, ';id=5'],
    ['matrix', false, array, ';id=3,4,5'],
    ['matrix', true, array, ';id=3;id=4;id=5'],
    ['matrix', true, object, ';role=admin;firstName=Alex']
  ])('%s explode=%s %j -> %s', (style, explode, value, expected) => {
    expect(serializePath(param('id', 'path', style as string, explode as boolean), value)).toBe(expected);
  });

  it('percent-encodes reserved characters', () => {
    expect(serializePath(param('id', 'path', 'simple', false), 'a/b c?')).toBe('a%2Fb%20c%3F');
  });
});

describe('query parameters', () => {
  it.each([
    ['form', true, array, ['id=3', 'id=4', 'id=5']],
    ['form', false, array, ['id=3,4,5']],
    ['form', true, object, ['role=admin', 'firstName=Alex']],
    ['form', false, object, ['id=role,admin,firstName,Alex']],
    ['spaceDelimited', false, array, ['id=3%204%205']],
    ['pipeDelimited', false, array, ['id=3|4|5']],
    ['deepObject', true, object, ['id%5Brole%5D=admin', 'id%5BfirstName%5D=Alex']]
  ])('%s explode=%s %j', (style, explode, value, expected) => {
    expect(serializeQuery(param('id', 'query', style as string, explode as boolean), value)).toEqual(expected);
  });

  it('allowReserved keeps reserved characters; content parameters carry JSON', () => {
    expect(serializeQuery(param('q', 'query', 'form', true, { allowReserved: true }), 'a/b?c')).toEqual(['q=a/b?c']);
    expect(serializeQuery(param('q', 'query', 'form', true), 'a/b?c')).toEqual(['q=a%2Fb%3Fc']);
    expect(serializeQuery(param('f', 'query', 'form', true, { contentType: 'application/json' }), { a: 1 })).toEqual([
      'f=%7B%22a%22%3A1%7D'
    ]);
  });
});

describe('headers and cookies', () => {
  it('headers are simple style; cookies are name=value pairs', () => {
    expect(serializeHeader(param('X-Ids', 'header', 'simple', false), array)).toBe('3,4,5');
    expect(serializeHeader(param('X-Obj', 'header', 'simple', true), object)).toBe('role=admin,firstName=Alex');
    expect(serializeHeader(param('X-Text', 'header', 'simple', false), 'naïve\r\nx')).toBe('na%C3%AFve%0D%0Ax');
    expect(serializeCookie(param('pref', 'cookie', 'form', true), 'dark mode')).toBe('pref=dark%20mode');
  });
});

describe('bodies', () => {
  const media = (type: string, extra: Partial<MediaModel> = {}): MediaModel => ({ type, examples: [], ...extra });

  it('JSON, form-urlencoded (arrays exploded), multipart, text', () => {
    expect(serializeBody(media('application/json'), { a: [1] }, '1')).toEqual({
      contentType: 'application/json',
      body: '{"a":[1]}'
    });
    expect(serializeBody(media('application/x-www-form-urlencoded'), { a: 'x y', b: [1, 2] }, '1')).toEqual({
      contentType: 'application/x-www-form-urlencoded',
      body: 'a=x%20y&b=1&b=2'
    });
    const multipart = serializeBody(
      media('multipart/form-data', { schema: { properties: { file: { type: 'string', format: 'binary' } } } }),
      { name: 'n', file: 'bytes' },
      '7'
    );
    expect(multipart?.contentType).toBe('multipart/form-data; boundary=----ubos7');
    expect(multipart?.body).toContain('Content-Disposition: form-data; name="file"; filename="file.bin"');
    expect(serializeBody(media('text/plain'), 'hello', '1')).toEqual({ contentType: 'text/plain', body: 'hello' });
    expect(serializeBody(media('application/xml'), { a: 1 }, '1')).toBeUndefined();
  });
});
