// A small SQL lexer for locating things inside a statement the parser already accepted (type names, ALTER TABLE
// subcommands, identifiers). libpg-query's scanner does the same job through WebAssembly at ~0.2 ms a call,
// which made token lookups cost more than parsing; this one only needs to agree with it on token boundaries.

export interface Token {
  /** Byte offsets in the file. */
  start: number;
  end: number;
  text: string;
  /** The identifier or keyword as the server folds it (unquoted: ASCII lower-cased); undefined otherwise. */
  word?: string;
}

const OPERATOR = /[+\-*/<>=~!@#%^&|`?]/;

function isIdentStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code >= 128;
}

function isIdentPart(code: number): boolean {
  return isIdentStart(code) || (code >= 48 && code <= 57) || code === 36;
}

/** UTF-8 bytes of one UTF-16 unit (a surrogate pair counts 2 + 2). */
function width(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800 || (code >= 0xd800 && code <= 0xdfff)) return 2;
  return 3;
}

/**
 * Tokens of `text`, whose first character is at byte `baseByte` of the file; comments are skipped, or collected
 * into `comments` (with their delimiters) when it is given.
 */
export function lexSql(text: string, baseByte: number, comments?: Token[]): Token[] {
  const tokens: Token[] = [];
  const ascii = !/[\u0080-\uffff]/.test(text);
  let i = 0;
  let byte = baseByte;
  const advanceTo = (j: number) => {
    if (ascii) byte += j - i;
    else for (let k = i; k < j; k++) byte += width(text.charCodeAt(k));
    i = j;
  };
  const push = (j: number, word?: string, into: Token[] = tokens) => {
    const start = byte;
    const from = i;
    advanceTo(j);
    into.push({ start, end: byte, text: text.slice(from, j), ...(word !== undefined ? { word } : {}) });
  };
  while (i < text.length) {
    const c = text[i];
    const code = text.charCodeAt(i);
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      advanceTo(i + 1);
    } else if (c === '-' && text[i + 1] === '-') {
      // As in the server's scanner, a -- comment ends at a carriage return as well as at a newline.
      if (comments) push(lineEnd(text, i), undefined, comments);
      else advanceTo(lineEnd(text, i));
    } else if (c === '/' && text[i + 1] === '*') {
      let depth = 0;
      let j = i;
      do {
        if (text.startsWith('/*', j)) {
          depth++;
          j += 2;
        } else if (text.startsWith('*/', j)) {
          depth--;
          j += 2;
        } else j++;
      } while (depth > 0 && j < text.length);
      if (comments) push(j, undefined, comments);
      else advanceTo(j);
    } else if (c === "'" || ((c === 'e' || c === 'E') && text[i + 1] === "'")) {
      push(stringEnd(text, c === "'" ? i : i + 1, c !== "'"));
    } else if ((/[bBxXnN]/.test(c) && text[i + 1] === "'") || (/[uU]/.test(c) && text.startsWith("&'", i + 1))) {
      push(stringEnd(text, text.indexOf("'", i), false));
    } else if (c === '"' || (/[uU]/.test(c) && text.startsWith('&"', i + 1))) {
      const open = text.indexOf('"', i);
      let j = open + 1;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close === -1) {
          j = text.length;
          break;
        }
        if (text[close + 1] === '"') j = close + 2;
        else {
          j = close + 1;
          break;
        }
      }
      push(j, text.slice(open + 1, Math.max(open + 1, j - 1)).replace(/""/g, '"'));
    } else if (c === '$' && /[A-Za-z_$\u0080-\uffff]/.test(text[i + 1] ?? '') && dollarTag(text, i)) {
      const tag = dollarTag(text, i)!;
      const close = text.indexOf(tag, i + tag.length);
      push(close === -1 ? text.length : close + tag.length);
    } else if (c === '$' && /[0-9]/.test(text[i + 1] ?? '')) {
      let j = i + 1;
      while (j < text.length && /[0-9]/.test(text[j])) j++;
      push(j);
    } else if (isIdentStart(code)) {
      let j = i + 1;
      while (j < text.length && isIdentPart(text.charCodeAt(j))) j++;
      push(
        j,
        text.slice(i, j).replace(/[A-Z]+/g, (s) => s.toLowerCase())
      );
    } else if ((code >= 48 && code <= 57) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      push(numberEnd(text, i));
    } else if ((c === ':' && text[i + 1] === ':') || (c === '.' && text[i + 1] === '.')) {
      push(i + 2);
    } else if (OPERATOR.test(c)) {
      let j = i + 1;
      while (j < text.length && OPERATOR.test(text[j]) && !text.startsWith('--', j) && !text.startsWith('/*', j)) j++;
      push(j);
    } else {
      push(i + 1);
    }
  }
  return tokens;
}

/** End of a numeric literal: digits, one optional fraction, an optional exponent (and `_` separators). */
function numberEnd(text: string, i: number): number {
  // `1..2` is 1, `..` (a PL/pgSQL range), 2: a fraction never starts with a second dot.
  const match = /^(?:0[xob][0-9a-f_]+|[0-9_]*(?:\.(?!\.)[0-9_]*)?(?:e[+-]?[0-9_]+)?)/i.exec(text.slice(i, i + 400));
  return i + Math.max(1, match?.[0].length ?? 1);
}

/** End of a quoted string opened at `open` ('' escapes; backslash escapes too in E'' strings). */
function stringEnd(text: string, open: number, backslashes: boolean): number {
  let j = open + 1;
  while (j < text.length) {
    const c = text[j];
    if (backslashes && c === '\\') j += 2;
    else if (c === "'") {
      if (text[j + 1] === "'") j += 2;
      else return j + 1;
    } else j++;
  }
  return text.length;
}

/** `$tag$` at `i` (the tag may be empty: `$$`), or undefined when `$` starts no dollar quote. */
function dollarTag(text: string, i: number): string | undefined {
  const match = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(text.slice(i, i + 80));
  return match ? match[0] : undefined;
}

/** The index of the first CR or LF at or after `from`, or the text's length. */
export function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i;
  }
  return text.length;
}
