// A JSON reader that records where every object, array and key starts, for the loader's source map. Large specs
// are usually generated JSON, and reading them through the YAML parser's document model costs about 45 bytes of
// memory per byte of input while it runs (a 13 MB description needed 600 MB to load); this reader keeps only the
// values and their offsets. It gives up (returns undefined) on anything that is not strict JSON, and the loader
// then reads the text as YAML, so both paths accept exactly what they accepted before and report YAML's errors.
import type { JsonObject, JsonValue } from './types.js';

export interface JsonSourceHooks {
  /** Stop reading past this many values (objects, arrays and scalars): memory follows them. */
  maxValues?: number;
  /** Called once with how many values were read, `over` when reading stopped at maxValues. */
  counted?(count: number, over: boolean): void;
  /** Called once per object or array with its offset and the offsets of its keys (objects) or items (arrays). */
  container(value: JsonObject | JsonValue[], offset: number, keys: Map<string, number>): void;
  /** A key written twice in one object; the loader turns it into its duplicate-key error. */
  duplicateKey(key: string, offset: number): never;
  /** Stores a key ("__proto__" must become data, not the prototype). */
  setKey(target: JsonObject, key: string, value: JsonValue): void;
}

class NotJson extends Error {}
class TooManyValues extends Error {}

/** Deeper documents go through the YAML reader, which refuses what it cannot nest (as it always did). */
const MAX_DEPTH = 256;

const WHITE = new Uint8Array(128);
WHITE[0x20] = WHITE[0x09] = WHITE[0x0a] = WHITE[0x0d] = 1;

/** The offsets where lines start, as yaml's LineCounter records them (after every "\n"). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Parses strict JSON (a leading BOM allowed); undefined when the text is not strict JSON. */
export function parseJsonSource(text: string, hooks: JsonSourceHooks): JsonValue | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;

  const skip = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128 && WHITE[c] === 1) i++;
      else break;
    }
  };

  const string = (): string => {
    // i is at the opening quote
    const start = ++i;
    let out: string | undefined;
    let chunk = start;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        const tail = text.slice(chunk, i);
        i++;
        return out === undefined ? tail : out + tail;
      }
      if (c < 0x20) throw new NotJson();
      if (c === 0x5c) {
        out = (out ?? '') + text.slice(chunk, i);
        const e = text.charCodeAt(i + 1);
        i += 2;
        switch (e) {
          case 0x22:
            out += '"';
            break;
          case 0x5c:
            out += '\\';
            break;
          case 0x2f:
            out += '/';
            break;
          case 0x62:
            out += '\b';
            break;
          case 0x66:
            out += '\f';
            break;
          case 0x6e:
            out += '\n';
            break;
          case 0x72:
            out += '\r';
            break;
          case 0x74:
            out += '\t';
            break;
          case 0x75: {
            const hex = text.slice(i, i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new NotJson();
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            throw new NotJson();
        }
        chunk = i;
        continue;
      }
      i++;
    }
    throw new NotJson();
  };

  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const number = (): number => {
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (!match || match[0] === '-' || match[0] === '') throw new NotJson();
    i += match[0].length;
    return Number(match[0]);
  };

  const literal = (word: string, value: JsonValue): JsonValue => {
    if (!text.startsWith(word, i)) throw new NotJson();
    i += word.length;
    return value;
  };

  const maxValues = hooks.maxValues ?? Number.POSITIVE_INFINITY;
  let values = 0;

  // Iterative, so a deeply nested document cannot overflow the stack.
  type Frame =
    | { kind: 'object'; value: JsonObject; keys: Map<string, number>; key?: string }
    | { kind: 'array'; value: JsonValue[]; keys: Map<string, number> };
  const stack: Frame[] = [];

  /** Reads a scalar, or opens a container (pushed on the stack) and returns it. */
  const begin = (): JsonValue => {
    if (++values > maxValues) throw new TooManyValues();
    const c = text.charCodeAt(i);
    if (c === 0x7b) {
      if (stack.length >= MAX_DEPTH) throw new NotJson();
      const value: JsonObject = {};
      const keys = new Map<string, number>();
      hooks.container(value, i, keys);
      i++;
      stack.push({ kind: 'object', value, keys });
      return value;
    }
    if (c === 0x5b) {
      if (stack.length >= MAX_DEPTH) throw new NotJson();
      const value: JsonValue[] = [];
      const keys = new Map<string, number>();
      hooks.container(value, i, keys);
      i++;
      stack.push({ kind: 'array', value, keys });
      return value;
    }
    if (c === 0x22) return string();
    if (c === 0x74) return literal('true', true);
    if (c === 0x66) return literal('false', false);
    if (c === 0x6e) return literal('null', null);
    return number();
  };

  try {
    skip();
    if (i >= n) return undefined;
    const root = begin();
    // After a container opens, the next token is a key / item or its closing bracket; after a value, a comma or
    // the closing bracket.
    let afterValue = false;
    while (stack.length > 0) {
      skip();
      const frame = stack[stack.length - 1];
      const c = text.charCodeAt(i);
      const close = frame.kind === 'object' ? 0x7d : 0x5d;
      if (c === close) {
        const empty = frame.kind === 'object' ? frame.keys.size === 0 && !afterValue : frame.value.length === 0;
        if (!afterValue && !empty) throw new NotJson();
        i++;
        stack.pop();
        afterValue = true;
        continue;
      }
      if (afterValue) {
        if (c !== 0x2c) throw new NotJson();
        i++;
        skip();
      }
      const depth = stack.length;
      if (frame.kind === 'object') {
        if (text.charCodeAt(i) !== 0x22) throw new NotJson();
        const at = i;
        const key = string();
        skip();
        if (text.charCodeAt(i) !== 0x3a) throw new NotJson();
        i++;
        skip();
        if (frame.keys.has(key)) hooks.duplicateKey(key, at);
        frame.keys.set(key, at);
        hooks.setKey(frame.value, key, begin());
      } else {
        frame.keys.set(String(frame.value.length), i);
        frame.value.push(begin());
      }
      afterValue = stack.length === depth;
    }
    skip();
    if (i !== n) return undefined;
    hooks.counted?.(values, false);
    return root;
  } catch (error) {
    if (error instanceof TooManyValues) {
      hooks.counted?.(values, true);
      return undefined;
    }
    if (error instanceof NotJson || error instanceof RangeError) return undefined;
    throw error;
  }
}
