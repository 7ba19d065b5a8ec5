// Assertions on a JSON response body: `<path> <op> <literal>` or a bare `<path>` (must exist and be non-null).
// The path language is a small JSONPath subset ($, .key, ['key'], [0], [-1], [*], .length): enough to reach
// into health documents, small enough that every message can name the exact element that failed.
import { ConfigurationError } from '../../../shared/src/lib/errors.js';

export type Operator = '==' | '!=' | '<' | '<=' | '>' | '>=' | '=~';

export type PathSegment =
  | { kind: 'key'; key: string }
  | { kind: 'index'; index: number }
  | { kind: 'wildcard' }
  /** `.length`: the length of an array or string; on an object it reads the key "length". */
  | { kind: 'length' };

export interface JsonAssertion {
  /** The assertion as written. */
  source: string;
  /** The path as written (for messages). */
  pathText: string;
  path: PathSegment[];
  /** Absent for a bare path. */
  op?: Operator;
  /** The literal for == != < <= > >=. */
  expected?: unknown;
  /** The regular expression for =~. */
  regex?: RegExp;
}

export interface AssertionResult {
  ok: boolean;
  message: string;
}

// Longest first, so `<=` is not read as `<` followed by a literal starting with `=`.
const OPERATORS: readonly Operator[] = ['==', '!=', '<=', '>=', '=~', '<', '>'];
const DOT_KEY = /[\p{L}\p{N}_$-]+/uy;

class Parser {
  position = 0;

  constructor(readonly text: string) {}

  fail(reason: string, at = this.position): never {
    throw new ConfigurationError(`Invalid JSON assertion '${this.text}': ${reason} at column ${at + 1}`);
  }

  skipSpaces(): void {
    while (this.position < this.text.length && /\s/.test(this.text[this.position])) this.position++;
  }

  peek(offset = 0): string | undefined {
    return this.text[this.position + offset];
  }

  atPathEnd(): boolean {
    const c = this.peek();
    return c === undefined || /\s/.test(c) || /[=!<>~]/.test(c);
  }

  parsePath(): PathSegment[] {
    if (this.peek() !== '$') this.fail('a path must start with $');
    this.position++;
    const segments: PathSegment[] = [];
    while (!this.atPathEnd()) {
      const c = this.peek();
      if (c === '.') {
        this.position++;
        if (this.peek() === '*') {
          this.position++;
          segments.push({ kind: 'wildcard' });
          continue;
        }
        DOT_KEY.lastIndex = this.position;
        const match = DOT_KEY.exec(this.text);
        if (!match) this.fail("expected a key after '.' (use ['key'] for keys with other characters)");
        this.position = DOT_KEY.lastIndex;
        segments.push(match[0] === 'length' ? { kind: 'length' } : { kind: 'key', key: match[0] });
      } else if (c === '[') {
        segments.push(this.parseBracket());
      } else {
        this.fail(`unexpected '${c}' in the path`);
      }
    }
    return segments;
  }

  parseBracket(): PathSegment {
    const open = this.position;
    this.position++;
    this.skipSpaces();
    const c = this.peek();
    let segment: PathSegment;
    if (c === '*') {
      this.position++;
      segment = { kind: 'wildcard' };
    } else if (c === "'" || c === '"') {
      segment = { kind: 'key', key: this.parseQuoted() };
    } else {
      const match = /-?\d+/y;
      match.lastIndex = this.position;
      const found = match.exec(this.text);
      if (!found) this.fail("expected an index, '*' or a quoted key after '['");
      this.position = match.lastIndex;
      segment = { kind: 'index', index: Number(found[0]) };
    }
    this.skipSpaces();
    if (this.peek() !== ']') this.fail("unclosed '['", open);
    this.position++;
    return segment;
  }

  /** A single- or double-quoted string with JSON escapes (and \' inside single quotes). */
  parseQuoted(): string {
    const start = this.position;
    const quote = this.text[start];
    let json = '"';
    this.position++;
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail(`unterminated string`, start);
      this.position++;
      if (c === quote) break;
      if (c === '\\') {
        const next = this.peek();
        if (next === undefined) this.fail('unterminated string', start);
        this.position++;
        // \' is not a JSON escape; everything else is left for JSON.parse to judge.
        json += next === "'" ? "'" : `\\${next}`;
      } else if (c === '"') {
        json += '\\"';
      } else {
        json += c;
      }
    }
    try {
      return JSON.parse(`${json}"`) as string;
    } catch {
      return this.fail('invalid escape in string', start);
    }
  }

  parseOperator(): Operator {
    const op = OPERATORS.find((candidate) => this.text.startsWith(candidate, this.position));
    if (!op) this.fail(`expected an operator (${OPERATORS.join(' ')}) after the path`);
    this.position += op.length;
    return op;
  }

  parseRegex(): RegExp {
    const start = this.position;
    const rest = this.text.slice(start).trimEnd();
    const close = rest.lastIndexOf('/');
    if (!rest.startsWith('/') || close === 0) this.fail('=~ needs a /regex/ (with optional flags)', start);
    const pattern = rest.slice(1, close);
    // g and y make RegExp.test stateful across calls, which would make repeated attempts disagree.
    const flags = rest.slice(close + 1).replace(/[gy]/g, '');
    try {
      return new RegExp(pattern, flags);
    } catch (error) {
      return this.fail(`invalid regular expression: ${(error as Error).message}`, start);
    }
  }

  parseLiteral(op: Operator): unknown {
    const start = this.position;
    const rest = this.text.slice(start).trim();
    if (rest === '') this.fail(`expected a value after '${op}'`);
    if (rest.startsWith("'")) {
      const value = this.parseQuoted();
      this.skipSpaces();
      if (this.position < this.text.length) this.fail('unexpected text after the string');
      return value;
    }
    if (rest.startsWith('/')) this.fail(`a /regex/ only works with =~`);
    try {
      return JSON.parse(rest) as unknown;
    } catch {
      const hint = /^[\p{L}_]/u.test(rest) ? ` (quote strings: "${rest}")` : '';
      return this.fail(`expected a JSON value (a "string", a number, true, false or null)${hint}`, start);
    }
  }
}

/** Compiles an assertion; throws ConfigurationError naming the assertion and the column at fault. */
export function parseJsonAssertion(text: string): JsonAssertion {
  const parser = new Parser(text);
  parser.skipSpaces();
  if (parser.position >= text.length) parser.fail('it is empty');
  const pathStart = parser.position;
  const path = parser.parsePath();
  const pathText = text.slice(pathStart, parser.position);
  parser.skipSpaces();
  if (parser.position >= text.length) return { source: text, pathText, path };

  const op = parser.parseOperator();
  parser.skipSpaces();
  if (op === '=~') return { source: text, pathText, path, op, regex: parser.parseRegex() };

  const expected = parser.parseLiteral(op);
  if (op !== '==' && op !== '!=' && typeof expected !== 'number') {
    parser.fail(`'${op}' compares numbers, so the value must be a number`);
  }
  return { source: text, pathText, path, op, expected };
}

/** A resolved path: either a value found at `path`, or why nothing was found there. */
type Resolved = { found: true; path: string; value: unknown } | { found: false; path: string; reason: string };

function segmentText(segment: PathSegment): string {
  switch (segment.kind) {
    case 'key':
      return /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(segment.key) && segment.key !== 'length'
        ? `.${segment.key}`
        : `[${JSON.stringify(segment.key)}]`;
    case 'index':
      return `[${segment.index}]`;
    case 'wildcard':
      return '[*]';
    case 'length':
      return '.length';
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${show(value)} (a ${typeof value})`;
}

function resolve(segments: readonly PathSegment[], value: unknown): Resolved[] {
  const results: Resolved[] = [];
  const walk = (index: number, current: unknown, path: string): void => {
    if (index === segments.length) {
      results.push({ found: true, path, value: current });
      return;
    }
    const segment = segments[index];
    const next = path + segmentText(segment);
    const full =
      next +
      segments
        .slice(index + 1)
        .map(segmentText)
        .join('');
    const missing = (reason: string): void => {
      results.push({ found: false, path: full, reason });
    };
    switch (segment.kind) {
      case 'key':
        if (isObject(current) && Object.hasOwn(current, segment.key))
          return walk(index + 1, current[segment.key], next);
        return missing(isObject(current) ? `${next} does not exist` : `${path} is ${kindOf(current)}, not an object`);
      case 'length':
        if (Array.isArray(current) || typeof current === 'string') return walk(index + 1, current.length, next);
        if (isObject(current) && Object.hasOwn(current, 'length')) return walk(index + 1, current['length'], next);
        return missing(`${path} is ${kindOf(current)}, which has no length`);
      case 'index': {
        if (!Array.isArray(current)) return missing(`${path} is ${kindOf(current)}, not an array`);
        const at = segment.index < 0 ? current.length + segment.index : segment.index;
        if (at < 0 || at >= current.length) {
          return missing(`${path} has ${current.length} element${current.length === 1 ? '' : 's'}`);
        }
        return walk(index + 1, current[at], `${path}[${at}]`);
      }
      case 'wildcard': {
        const entries: [string, unknown][] = Array.isArray(current)
          ? current.map((element, i) => [`[${i}]`, element])
          : isObject(current)
            ? Object.entries(current).map(([key, element]) => [segmentText({ kind: 'key', key }), element])
            : [];
        if (!Array.isArray(current) && !isObject(current)) {
          return missing(`${path} is ${kindOf(current)}, not an array`);
        }
        // "All of nothing" would pass vacuously; for a gate an empty list is a missing answer, not a good one.
        if (entries.length === 0) {
          return missing(`${path} is empty`);
        }
        for (const [suffix, element] of entries) walk(index + 1, element, path + suffix);
        return;
      }
    }
  };
  walk(0, value, '$');
  return results;
}

const MAX_SHOWN = 80;

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((element, i) => deepEqual(element, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]))
    );
  }
  return false;
}

function expectation(assertion: JsonAssertion): string {
  if (!assertion.op) return 'a value';
  if (assertion.op === '=~') return `=~ ${String(assertion.regex)}`;
  return `${assertion.op} ${show(assertion.expected)}`;
}

/** Checks one element; undefined when it satisfies the assertion, else what is wrong with it. */
function check(assertion: JsonAssertion, value: unknown): string | undefined {
  const { op } = assertion;
  switch (op) {
    case undefined:
      return value === null ? 'is null' : undefined;
    case '==':
      return deepEqual(value, assertion.expected) ? undefined : `is ${show(value)}`;
    case '!=':
      return deepEqual(value, assertion.expected) ? `is ${show(value)}` : undefined;
    case '=~':
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        return `is ${kindOf(value)}, not text`;
      }
      return assertion.regex!.test(String(value)) ? undefined : `is ${show(value)}`;
    default: {
      if (typeof value !== 'number') return `is ${kindOf(value)}, not a number`;
      const limit = assertion.expected as number;
      const ok =
        op === '<' ? value < limit : op === '<=' ? value <= limit : op === '>' ? value > limit : value >= limit;
      return ok ? undefined : `is ${show(value)}`;
    }
  }
}

/**
 * Evaluates an assertion on a parsed JSON document. With [*] every element must pass (and there must be one);
 * the message names the first element that failed and how many did.
 */
export function evaluate(assertion: JsonAssertion, value: unknown): AssertionResult {
  const resolved = resolve(assertion.path, value);
  const failures: string[] = [];
  for (const item of resolved) {
    if (!item.found) {
      failures.push(item.reason.startsWith(`${item.path} `) ? item.reason : `${item.path} not found: ${item.reason}`);
      continue;
    }
    const problem = check(assertion, item.value);
    if (problem) failures.push(`${item.path} ${problem}, expected ${expectation(assertion)}`);
  }

  if (failures.length === 0) {
    const only = resolved.length === 1 ? (resolved[0] as { value: unknown }) : undefined;
    if (only) return { ok: true, message: `${assertion.pathText} is ${show(only.value)}` };
    const verdict = assertion.op ? `satisfy ${expectation(assertion)}` : 'exist';
    return { ok: true, message: `all ${resolved.length} of ${assertion.pathText} ${verdict}` };
  }
  const counted = resolved.length > 1 ? ` (${failures.length} of ${resolved.length} failed)` : '';
  return { ok: false, message: `${failures[0]}${counted}` };
}
