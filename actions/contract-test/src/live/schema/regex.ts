// Strings that match a JSON Schema `pattern` (ECMA-262 syntax): a small parser for the subset specs use
// (literals, classes, groups, alternation, quantifiers, anchors, the usual escapes) and a seeded walk over it.
// Lookarounds and back-references are refused; every result is checked against the real RegExp anyway.
import type { Rng } from '../prng.js';

type Node =
  | { t: 'chars'; set: CharSet }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; options: Node[] }
  | { t: 'repeat'; node: Node; min: number; max: number }
  | { t: 'empty' };

interface CharSet {
  negated: boolean;
  ranges: [number, number][];
}

class Unsupported extends Error {}

const DIGIT: [number, number][] = [[48, 57]];
const WORD: [number, number][] = [
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122]
];
const SPACE: [number, number][] = [
  [9, 13],
  [32, 32]
];

function parse(source: string): Node {
  let i = 0;
  const peek = () => source[i];

  const parseAlt = (): Node => {
    const options: Node[] = [parseSeq()];
    while (peek() === '|') {
      i++;
      options.push(parseSeq());
    }
    return options.length === 1 ? options[0] : { t: 'alt', options };
  };

  const parseSeq = (): Node => {
    const items: Node[] = [];
    while (i < source.length && peek() !== '|' && peek() !== ')') {
      const atom = parseAtom();
      items.push(parseQuantifier(atom));
    }
    return { t: 'seq', items };
  };

  const parseQuantifier = (atom: Node): Node => {
    const c = peek();
    let min: number;
    let max: number;
    if (c === '*') [min, max, i] = [0, Infinity, i + 1];
    else if (c === '+') [min, max, i] = [1, Infinity, i + 1];
    else if (c === '?') [min, max, i] = [0, 1, i + 1];
    else if (c === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (!match) return atom;
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
      i += match[0].length;
    } else return atom;
    if (peek() === '?') i++;
    return { t: 'repeat', node: atom, min, max };
  };

  const parseAtom = (): Node => {
    const c = source[i++];
    if (c === '(') {
      if (source.startsWith('?:', i)) i += 2;
      else if (source.startsWith('?<', i) && source[i + 2] !== '=' && source[i + 2] !== '!') {
        const end = source.indexOf('>', i);
        if (end < 0) throw new Unsupported();
        i = end + 1;
      } else if (peek() === '?') throw new Unsupported();
      const inner = parseAlt();
      if (source[i++] !== ')') throw new Unsupported();
      return inner;
    }
    if (c === '[') return { t: 'chars', set: parseClass() };
    if (c === '.') return { t: 'chars', set: { negated: true, ranges: [[10, 10]] } };
    if (c === '^' || c === '$') return { t: 'empty' };
    if (c === '\\') return parseEscape(false);
    return literal(c.codePointAt(0)!);
  };

  const literal = (code: number): Node => ({ t: 'chars', set: { negated: false, ranges: [[code, code]] } });

  const escapeRanges = (c: string): [number, number][] | 'neg-digit' | 'neg-word' | 'neg-space' | undefined => {
    if (c === 'd') return DIGIT;
    if (c === 'w') return WORD;
    if (c === 's') return SPACE;
    if (c === 'D') return 'neg-digit';
    if (c === 'W') return 'neg-word';
    if (c === 'S') return 'neg-space';
    return undefined;
  };

  const escapeCode = (): number => {
    const c = source[i++];
    if (c === undefined) throw new Unsupported();
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11, '0': 0 };
    if (simple[c] !== undefined) return simple[c];
    if (c === 'x') {
      const hex = source.slice(i, i + 2);
      i += 2;
      return parseInt(hex, 16);
    }
    if (c === 'u') {
      if (peek() === '{') {
        const end = source.indexOf('}', i);
        const code = parseInt(source.slice(i + 1, end), 16);
        i = end + 1;
        return code;
      }
      const hex = source.slice(i, i + 4);
      i += 4;
      return parseInt(hex, 16);
    }
    if (/[1-9]/.test(c) || c === 'p' || c === 'P' || c === 'k' || c === 'c') throw new Unsupported();
    return c.codePointAt(0)!;
  };

  const parseEscape = (inClass: boolean): Node => {
    const c = peek();
    if (c === undefined) throw new Unsupported();
    if (!inClass && (c === 'b' || c === 'B')) {
      i++;
      return { t: 'empty' };
    }
    const ranges = escapeRanges(c);
    if (ranges !== undefined) {
      i++;
      if (Array.isArray(ranges)) return { t: 'chars', set: { negated: false, ranges } };
      const base = ranges === 'neg-digit' ? DIGIT : ranges === 'neg-word' ? WORD : SPACE;
      return { t: 'chars', set: { negated: true, ranges: base } };
    }
    return literal(escapeCode());
  };

  const parseClass = (): CharSet => {
    const set: CharSet = { negated: false, ranges: [] };
    if (peek() === '^') {
      set.negated = true;
      i++;
    }
    let first = true;
    while (i < source.length && (peek() !== ']' || first)) {
      first = false;
      let low: number;
      if (peek() === '\\') {
        i++;
        const ranges = escapeRanges(peek() ?? '');
        if (ranges !== undefined) {
          i++;
          // Negated shorthand inside a class (e.g. [\D]) is rare enough to refuse.
          if (!Array.isArray(ranges)) throw new Unsupported();
          set.ranges.push(...ranges);
          continue;
        }
        low = escapeCode();
      } else low = source.codePointAt(i++)!;
      if (peek() === '-' && source[i + 1] !== ']' && source[i + 1] !== undefined) {
        i++;
        let high: number;
        if (peek() === '\\') {
          i++;
          high = escapeCode();
        } else high = source.codePointAt(i++)!;
        set.ranges.push([Math.min(low, high), Math.max(low, high)]);
      } else set.ranges.push([low, low]);
    }
    if (source[i++] !== ']') throw new Unsupported();
    return set;
  };

  const node = parseAlt();
  if (i !== source.length) throw new Unsupported();
  return node;
}

// What negated sets and "." draw from: printable ASCII, so results stay readable in reports.
const PRINTABLE: number[] = [];
for (let code = 33; code <= 126; code++) PRINTABLE.push(code);
const PREFERRED = PRINTABLE.filter((c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122));

function inSet(code: number, set: CharSet): boolean {
  return set.ranges.some(([low, high]) => code >= low && code <= high);
}

function pickChar(set: CharSet, rng: Rng): string {
  if (set.negated) {
    const pool = PREFERRED.filter((c) => !inSet(c, set));
    const fallback = pool.length > 0 ? pool : PRINTABLE.filter((c) => !inSet(c, set));
    if (fallback.length === 0) throw new Unsupported();
    return String.fromCodePoint(rng.pick(fallback));
  }
  const [low, high] = rng.pick(set.ranges);
  return String.fromCodePoint(rng.int(low, high));
}

/** `exact`: unbounded repeats take exactly `unbounded` items (steering the length); otherwise up to that many more. */
function generate(node: Node, rng: Rng, unbounded: number, exact = false): string {
  switch (node.t) {
    case 'empty':
      return '';
    case 'chars':
      return pickChar(node.set, rng);
    case 'seq':
      return node.items.map((item) => generate(item, rng, unbounded, exact)).join('');
    case 'alt':
      return generate(rng.pick(node.options), rng, unbounded, exact);
    case 'repeat': {
      const max = node.max === Infinity ? node.min + unbounded : node.max;
      const count =
        exact && node.max === Infinity ? Math.max(node.min, unbounded) : rng.int(node.min, Math.max(node.min, max));
      let out = '';
      for (let k = 0; k < count; k++) out += generate(node.node, rng, unbounded, exact);
      return out;
    }
  }
}

const parsed = new Map<string, Node | null>();

export function compilePattern(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    try {
      return new RegExp(pattern);
    } catch {
      return undefined;
    }
  }
}

/**
 * A string that matches `pattern` with a length in [minLength, maxLength], or undefined when none was found in a
 * few tries (or the pattern uses syntax the walker does not know).
 */
export function sampleFromPattern(
  pattern: string,
  rng: Rng,
  minLength = 0,
  maxLength = Infinity,
  target?: number
): string | undefined {
  let node = parsed.get(pattern);
  if (node === undefined) {
    try {
      node = parse(pattern);
    } catch {
      node = null;
    }
    parsed.set(pattern, node);
  }
  const regex = compilePattern(pattern);
  if (node === null || !regex) return undefined;
  const wanted = target ?? minLength;
  for (let attempt = 0; attempt < 24; attempt++) {
    // First steer towards the wanted length (wanted, wanted-1, ...), then wander.
    const exact = attempt < 12;
    const unbounded = exact ? Math.max(0, wanted - attempt) : Math.min(attempt, 64);
    let text: string;
    try {
      text = generate(node, rng, unbounded, exact);
    } catch {
      return undefined;
    }
    const length = [...text].length;
    if (target !== undefined && length !== target && attempt < 20) continue;
    if (length >= minLength && length <= maxLength && regex.test(text)) return text;
  }
  return undefined;
}
