import { describe, expect, it } from '@jest/globals';
import { parsePositionedYaml } from '../../shared/src/lib/yaml.js';

describe('YAML with line numbers', () => {
  const text = 'type: nginx\ncolors:\n  blue:\n    servers: [a]\n  green:\n    servers:\n      - b\n      - c\n';

  it('gives the line of a key, of a list item, or of the nearest ancestor', () => {
    const yaml = parsePositionedYaml(text, 'router.yml');
    expect(yaml.value).toEqual({ type: 'nginx', colors: { blue: { servers: ['a'] }, green: { servers: ['b', 'c'] } } });
    expect(yaml.lineOf(['colors', 'green', 'servers'])).toBe(6);
    expect(yaml.lineOf(['colors', 'green', 'servers', 1])).toBe(8);
    expect(yaml.lineOf(['colors', 'green', 'missing'])).toBe(5);
    expect(yaml.where(['type'])).toBe('router.yml:1: ');
  });

  it('inline YAML names only its source', () => {
    expect(parsePositionedYaml(text, 'input "router"', { lineNumbers: false }).where(['colors'])).toBe(
      'input "router": '
    );
  });

  it('syntax errors, duplicate keys and alias bombs are one line', () => {
    expect(() => parsePositionedYaml('a: [1, 2\n', 'x.yml')).toThrow(/^x\.yml: invalid YAML at line \d+, column \d+: /);
    expect(() => parsePositionedYaml('a: 1\na: 2\n', 'x.yml')).toThrow(
      /^x\.yml: invalid YAML at line 2, column 1: .*unique/i
    );
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)
    ].join('\n');
    expect(() => parsePositionedYaml(bomb, 'bomb.yml')).toThrow(/^bomb\.yml: .*alias/i);
    expect(parsePositionedYaml('a: &x {k: 1}\nb: *x\nc: *x\n', 'ok.yml').value).toEqual({
      a: { k: 1 },
      b: { k: 1 },
      c: { k: 1 }
    });
  });
});
