import { describe, expect, it } from '@jest/globals';
import { buildJUnit, stripIllegalXmlChars, type JUnitReport } from '../../shared/src/lib/junit.js';
import { parseXml, type XmlElement } from './xml-reader.js';

const report: JUnitReport = {
  name: 'contract-tests',
  suites: [
    {
      name: 'GET /users',
      cases: [
        { name: 'returns 200', timeMs: 12, status: 'passed' },
        {
          name: 'matches schema',
          className: 'schema',
          timeMs: 30.4,
          status: 'failed',
          message: 'missing property "id"',
          details: 'at $.items[0]\nexpected object',
          file: 'openapi.yaml',
          line: 42
        },
        { name: 'auth', timeMs: 0, status: 'skipped', message: 'no token configured' }
      ]
    },
    {
      name: 'POST /users',
      cases: [{ name: 'creates', timeMs: 1_500, status: 'error', message: 'connection refused' }]
    },
    { name: 'empty suite', cases: [] }
  ]
};

const child = (element: XmlElement, name: string) => element.children.find((c) => c.name === name);

describe('buildJUnit', () => {
  it('writes a well-formed document with counts and times on testsuites and each testsuite', () => {
    const root = parseXml(buildJUnit(report));
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toEqual({
      name: 'contract-tests',
      tests: '4',
      failures: '1',
      errors: '1',
      skipped: '1',
      time: '1.542'
    });
    const [users, create, empty] = root.children;
    expect(users!.attributes).toEqual({
      name: 'GET /users',
      tests: '3',
      failures: '1',
      errors: '0',
      skipped: '1',
      time: '0.042'
    });
    expect(create!.attributes).toEqual({
      name: 'POST /users',
      tests: '1',
      failures: '0',
      errors: '1',
      skipped: '0',
      time: '1.500'
    });
    expect(empty!.attributes).toMatchObject({ name: 'empty suite', tests: '0', time: '0.000' });
    expect(empty!.children).toEqual([]);
  });

  it('writes each case with its outcome element', () => {
    const [users, create] = parseXml(buildJUnit(report)).children;
    const [passed, failed, skipped] = users!.children;
    expect(passed).toEqual({
      name: 'testcase',
      attributes: { name: 'returns 200', classname: 'GET /users', time: '0.012' },
      children: [],
      text: ''
    });
    expect(failed!.attributes).toEqual({
      name: 'matches schema',
      classname: 'schema',
      time: '0.030',
      file: 'openapi.yaml',
      line: '42'
    });
    expect(child(failed!, 'failure')).toMatchObject({
      attributes: { message: 'missing property "id"' },
      text: 'at $.items[0]\nexpected object'
    });
    expect(child(skipped!, 'skipped')).toEqual({
      name: 'skipped',
      attributes: { message: 'no token configured' },
      children: [],
      text: ''
    });
    // Without details, the message doubles as the body so reporters that only show the body still show it.
    expect(child(create!.children[0]!, 'error')).toMatchObject({
      attributes: { message: 'connection refused' },
      text: 'connection refused'
    });
  });

  it('escapes hostile text so it reads back exactly, in attributes and in bodies', () => {
    const hostile = `<script>alert("x")</script> & 'quotes' ]]> --> <!-- \t tab\r\nCRLF "done"`;
    const xml = buildJUnit({
      name: hostile,
      suites: [
        {
          name: hostile,
          cases: [
            {
              name: hostile,
              className: hostile,
              timeMs: 1,
              status: 'failed',
              message: hostile,
              details: hostile,
              file: hostile
            }
          ]
        }
      ]
    });
    expect(xml).not.toContain('<script>');
    const root = parseXml(xml);
    const suite = root.children[0]!;
    const testCase = suite.children[0]!;
    expect(root.attributes['name']).toBe(hostile);
    expect(suite.attributes['name']).toBe(hostile);
    expect(testCase.attributes).toMatchObject({ name: hostile, classname: hostile, file: hostile });
    expect(child(testCase, 'failure')).toMatchObject({ attributes: { message: hostile }, text: hostile });
  });

  it('strips characters XML 1.0 forbids, which no escaping can carry', () => {
    const dirty = 'a\u0000b\u0007c\u001b[31md\uFFFEe\uD800f 😀 \u0085ok';
    const xml = buildJUnit({
      name: dirty,
      suites: [{ name: 's', cases: [{ name: dirty, timeMs: 0, status: 'error', details: dirty }] }]
    });
    const root = parseXml(xml);
    const expected = 'abc[31mdef 😀 \u0085ok';
    expect(root.attributes['name']).toBe(expected);
    expect(child(root.children[0]!.children[0]!, 'error')!.text).toBe(expected);
  });

  it('writes sane times for odd inputs', () => {
    const xml = buildJUnit({
      name: 'n',
      suites: [
        {
          name: 's',
          cases: [
            { name: 'c', timeMs: Number.NaN, status: 'passed' },
            { name: 'd', timeMs: -5, status: 'passed' }
          ]
        }
      ]
    });
    const suite = parseXml(xml).children[0]!;
    expect(suite.attributes['time']).toBe('0.000');
    expect(suite.children.map((c) => c.attributes['time'])).toEqual(['0.000', '0.000']);
  });
});

describe('stripIllegalXmlChars', () => {
  it('keeps tab, newline, carriage return and astral characters', () => {
    expect(stripIllegalXmlChars('\t\n\r𝄞\u{10FFFF}')).toBe('\t\n\r𝄞\u{10FFFF}');
    expect(stripIllegalXmlChars('\u0001\uDFFF\uFFFF')).toBe('');
  });
});

describe('the test XML reader', () => {
  it('rejects what a real parser rejects, so the tests above mean something', () => {
    expect(() => parseXml('<a>x & y</a>')).toThrow(/bare "&"/);
    expect(() => parseXml('<a b="<"/>')).toThrow(/"<" in attribute/);
    expect(() => parseXml('<a></b>')).toThrow(/closes/);
    expect(() => parseXml('<a>\u0000</a>')).toThrow(/illegal/);
    expect(() => parseXml('<a>&#0;</a>')).toThrow(/illegal/);
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/duplicate/);
    expect(parseXml('<a x="1&#10;2">t&lt;</a>')).toEqual({
      name: 'a',
      attributes: { x: '1\n2' },
      children: [],
      text: 't<'
    });
    expect(parseXml('<a x="1\n2">t\r\nu\rv&#13;</a>')).toEqual({
      name: 'a',
      attributes: { x: '1 2' },
      children: [],
      text: 't\nu\nv\r'
    });
  });
});
