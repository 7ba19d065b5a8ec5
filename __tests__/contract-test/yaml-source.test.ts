import { describe, expect, it } from '@jest/globals';
import { parseDocument } from 'yaml';
import { readSpecText } from '../../actions/contract-test/src/spec/load.js';
import { parseYamlSource, type YamlSourceHooks } from '../../actions/contract-test/src/spec/yaml-source.js';
import type { JsonObject, JsonValue } from '../../actions/contract-test/src/spec/types.js';

// The fast YAML reader (spec/yaml-source.ts) must read what it reads exactly as yaml's document model does: same
// values as parseDocument(...).toJS(), same positions as the loader's reading of the document, and it must give up
// (so the loader falls back to yaml, with yaml's errors) on everything yaml would report.

function hooks(): YamlSourceHooks & { keys: WeakMap<object, Map<string, number>> } {
  const keys = new WeakMap<object, Map<string, number>>();
  return {
    keys,
    maxTokens: Number.POSITIVE_INFINITY,
    maxAliasExpansion: 1_000_000,
    container: (value, _offset, at) => keys.set(value, at),
    keysOf: (value) => keys.get(value),
    setKey: (target, key, value) => {
      if (key === '__proto__')
        Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
      else target[key] = value;
    }
  };
}

const fast = (text: string) => parseYamlSource(text, hooks());

/** Compares the fast reading with the document model's: values, and the position of every node and key. */
function expectSameReading(text: string): void {
  const mine = readSpecText(text, 'spec.yaml');
  const theirs = readSpecText(text, 'spec.yaml', true);
  expect(mine.value).toEqual(theirs.value);
  const seen = new Set<object>();
  const walk = (a: JsonValue, b: JsonValue, path: string) => {
    if (a === null || typeof a !== 'object' || seen.has(a)) return;
    seen.add(a);
    expect([path, mine.locate(a)]).toEqual([path, theirs.locate(b)]);
    for (const key of Object.keys(a)) {
      expect([path, key, mine.locate(a, key)]).toEqual([path, key, theirs.locate(b, key)]);
      walk((a as JsonObject)[key]!, (b as JsonObject)[key]!, `${path}/${key}`);
    }
  };
  walk(mine.value, theirs.value, '');
  // Shared instances stay shared.
  const sharedMine = new Set<object>();
  const sharedTheirs = new Set<object>();
  const count = (value: JsonValue, into: Set<object>, visiting = new Set<object>()): number => {
    if (value === null || typeof value !== 'object') return 0;
    if (into.has(value)) return 1;
    into.add(value);
    return Object.values(value).reduce<number>((n, v) => n + count(v, into, visiting), 0);
  };
  expect(count(mine.value, sharedMine)).toBe(count(theirs.value, sharedTheirs));
}

const TRICKY: Record<string, string> = {
  'block collections, comments and documents markers': `# leading comment
---
openapi: 3.0.3   # trailing
info:
  title: "A \\"quoted\\" title: with colon"
  version: '1.0'   # single quoted
  description: 'it''s'
paths:
  /a/{id}:
    get:
      tags: [one, two,three]
      parameters:
        - name: id
          in: path
          required: true
          schema: {type: string, enum: [a, "b", 'c', ]}
        -   name: verbose
            in: query

        # a comment line between items
        - {name: x, in: header}
      responses:
        '200': {description: ok}
        404:
          description: gone
`,
  'scalars of the core schema': `openapi: 3.1.0
x-values:
  - null
  - Null
  - NULL
  - ~
  - true
  - True
  - FALSE
  - yes
  - no
  - on
  - 0
  - -12
  - +7
  - 0o17
  - 0x1F
  - 017
  - 1.5
  - -.5
  - 1e3
  - 2.5E-2
  - .inf
  - -.Inf
  - .NaN
  - 12345678901234567890
  - 1_000
  - 2001-12-14
  - "123"
  - '~'
  - -a
  - a#b
  - :colon
  - http://example.com/a?b=c#d
  - "\\t\\u00e9\\x41\\n"
x-keys:
  1: int key
  2.50: float key
  true: bool key
  "quoted key": q
  'single': s
`,
  'block scalars': `openapi: 3.0.3
a: |
  literal
    more indented

  after a blank line
b: >
  folded
  text

  new paragraph
c: |-
  stripped
d: |+
  kept

e: >2
   explicit indentation
f: | # a comment after the header
  x
g: |
h:
  - |
    in a sequence
  - >-
    folded in a sequence
i: end
`,
  'multi-line plain and quoted scalars': `openapi: 3.0.3
description: a plain scalar
  that continues here

  and after a blank line
quoted: "a double quoted
  scalar \\
  with an escaped line break"
single: 'a single quoted

  scalar'
next:
  text on the line after its key
  and one more
`,
  'anchors, aliases and merge keys': `openapi: 3.0.3
x-common: &common
  id: {type: string}
  createdAt: {type: string}
x-more: &more
  note: {type: string}
  id: {type: integer}
x-list: &list [a, b]
x-scalar: &s shared text
components:
  schemas:
    One:
      <<: *common
      total: {type: integer}
    Two:
      total: {type: integer}
      <<: [*more, *common]
      id: {type: number}
    Three:
      '<<': quoted is a plain key
    Four:
      <<:
        inline: {type: boolean}
    Same: *common
x-uses: [*list, *s, *common]
`,
  'flow collections over several lines': `{
  openapi: 3.0.3,
  "info": {"title": "t", "version": "1"},
  paths: {
    /a: {get: {responses: {"200": {description: ok}}}}
  },
  x-list: [
    1,
    two,
    "three"
  ],
}
`,
  'CRLF line ends':
    'openapi: 3.0.3\r\ninfo:\r\n  title: t\r\n  text: |\r\n    line one\r\n    line two\r\n  list:\r\n    - a\r\n    - b: 1\r\n      c: 2\r\n',
  'sequences at the indentation of their key, nested sequences, empty values': `openapi: 3.0.3
tags:
- name: a
  description: first
- name: b
x-nested:
  - - one
    - two
  - - three
x-empty:
x-empty-map: {}
x-empty-seq: []
x-after: last
`,
  'quoted keys, odd keys and __proto__': `openapi: 3.0.3
"/a b": 1
'/c:d': 2
"": empty
__proto__: {polluted: true}
a:b: plain key with a colon
"x?": y
null: a null key
`
};

describe('the fast YAML reader', () => {
  it.each(Object.entries(TRICKY))('reads %s as parseDocument().toJS() does', (_name, text) => {
    const read = fast(text);
    expect(read).toBeDefined();
    const document = parseDocument(text, { uniqueKeys: false, merge: text.includes('<<:') });
    expect(document.errors).toEqual([]);
    const value = read!.value;
    // toJS writes a null key as "", the loader as "null" (String of the key's value); the reading comparison covers it.
    if (!text.includes('__proto__')) expect(value).toEqual(document.toJS());
    expectSameReading(text);
  });

  it('keeps anchors as shared instances and merges as the loader does', () => {
    const value = fast(TRICKY['anchors, aliases and merge keys']!)!.value;
    const schemas = (value.components as JsonObject).schemas as JsonObject;
    expect(schemas.Same).toBe(value['x-common']);
    expect((value['x-uses'] as JsonValue[])[2]).toBe(value['x-common']);
    expect(Object.keys(schemas.Two as JsonObject)).toEqual(['total', 'note', 'id', 'createdAt']);
    expect((schemas.Two as JsonObject).id).toEqual({ type: 'number' });
    expect((schemas.One as JsonObject).id).toBe((value['x-common'] as JsonObject).id);
  });

  it('places paths where the document model places them', () => {
    const text = TRICKY['block collections, comments and documents markers']!;
    const read = readSpecText(text, 'spec.yaml');
    const operation = ((read.value as JsonObject).paths as JsonObject)['/a/{id}'] as JsonObject;
    const lineOf = (needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
    expect(read.locate(operation, 'get')).toEqual({ file: 'spec.yaml', line: lineOf('get:'), column: 5 });
    const parameters = (operation.get as JsonObject).parameters as JsonValue[];
    expect(read.locate(parameters, '1')).toEqual({ file: 'spec.yaml', line: lineOf('name: verbose'), column: 13 });
    expect(read.locate(parameters[2]!)).toEqual({ file: 'spec.yaml', line: lineOf('{name: x'), column: 11 });
  });

  it.each([
    ['a tag', 'openapi: !!str 3.0.3\n'],
    ['a directive', '%YAML 1.1\n---\nopenapi: 3.0.3\n'],
    ['two documents', 'openapi: 3.0.3\n---\nopenapi: 3.1.0\n'],
    ['an explicit key', 'openapi: 3.0.3\n? a\n: b\n'],
    ['a duplicate key', 'openapi: 3.0.3\nopenapi: 3.1.0\n'],
    ['bad indentation', 'openapi: 3.0.3\ninfo:\n  title: t\n   version: 1\n'],
    ['an unclosed flow sequence', 'openapi: 3.0.3\ninfo: [a, b\n'],
    ['an alias without anchor', 'openapi: 3.0.3\na: *nothing\n'],
    ['a tab as indentation', 'openapi: 3.0.3\ninfo:\n\ttitle: t\n'],
    ['a top-level sequence', '- a\n- b\n'],
    ['a glued comment', 'openapi: "3.0.3"# comment\n'],
    ['a nested compact mapping', 'openapi: 3.0.3\na: b: c\n']
  ])('gives up on %s, which the document model reads (or refuses)', (_name, text) => {
    expect(fast(text)).toBeUndefined();
  });

  it('gives up past its token limit and its alias cap', () => {
    const text = 'openapi: 3.0.3\na: &a [x, x, x, x]\nb: [*a, *a, *a]\n';
    expect(parseYamlSource(text, { ...hooks(), maxTokens: 10 })).toBeUndefined();
    expect(parseYamlSource(text, { ...hooks(), maxAliasExpansion: 14 })).toBeUndefined();
    expect(parseYamlSource(text, { ...hooks(), maxAliasExpansion: 15 })).toBeDefined();
  });

  it('never accepts what yaml reports: mutations of the tricky documents', () => {
    // A seeded generator, so that a failure is reproducible.
    let seed = 18;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const inserts = [
      ' ',
      '  ',
      '\n',
      ':',
      '- ',
      '#',
      '"',
      "'",
      '[',
      ']',
      '{',
      '}',
      ',',
      '&a ',
      '*a',
      '|',
      '>',
      '\t',
      'x',
      '? ',
      '!'
    ];
    let accepted = 0;
    let cases = 0;
    for (const text of Object.values(TRICKY))
      for (let i = 0; i < 400; i++) {
        let mutated = text;
        for (let m = 0; m <= random(3); m++) {
          const at = random(mutated.length);
          const choice = random(3);
          if (choice === 0) mutated = mutated.slice(0, at) + mutated.slice(at + 1 + random(3));
          else mutated = mutated.slice(0, at) + inserts[random(inserts.length)] + mutated.slice(at);
        }
        cases++;
        const read = fast(mutated);
        if (!read) continue;
        accepted++;
        const document = parseDocument(mutated, { uniqueKeys: false });
        expect([mutated, document.errors.map((e) => e.message)]).toEqual([mutated, []]);
        try {
          expectSameReading(mutated);
        } catch (error) {
          throw new Error(`${JSON.stringify(mutated)}\n${(error as Error).message}`, { cause: error });
        }
      }
    // The mutations must leave enough documents readable for the comparison to mean something.
    expect(accepted).toBeGreaterThan(cases / 10);
  });
});
