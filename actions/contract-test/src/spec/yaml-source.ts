// A YAML reader for the loader that builds plain values straight from yaml's lexer tokens. yaml's own Parser keeps
// the whole concrete syntax tree of a file and its Composer a node object per value, pair and key: for a generated
// 20 MB spec the Parser alone took 12.5 s and 880 MB, the lexer 2.2 s. This reader walks the token stream once,
// keeps only values and the offsets the source map needs, and lets yaml resolve every scalar (CST.resolveAsScalar,
// the core schema's own tag tests), so values are yaml's. It reads only the block and flow YAML that descriptions
// are written in; anything else (tags, directives, explicit keys, several documents, anything yaml would report,
// duplicate keys, aliases past the expansion cap) makes it give up, and the loader reads the text through yaml's
// document model as before, with the same values, errors and messages.
import { CST, Document, Lexer, isScalar, type ScalarTag } from 'yaml';
import type { JsonObject, JsonValue } from './types.js';

export interface YamlSourceHooks {
  /** Give up past this many lexer tokens (the loader then refuses the file with its token budget). */
  maxTokens: number;
  /** Give up once aliases expand to more than this many nodes (the loader then refuses it as an alias bomb). */
  maxAliasExpansion: number;
  /** Called once per mapping or sequence with its offset and the offsets of its keys or items. */
  container(value: JsonObject | JsonValue[], offset: number, keys: Map<string, number>): void;
  /** The key offsets container() was given for a mapping (a merge key copies them with the keys). */
  keysOf(value: JsonObject): Map<string, number> | undefined;
  /** Stores a key ("__proto__" must become data, not the prototype). */
  setKey(target: JsonObject, key: string, value: JsonValue): void;
}

export interface YamlSourceResult {
  value: JsonObject;
  /** How many tokens yaml's lexer yielded (what the loader's token budget counts). */
  tokens: number;
}

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

// Token kinds.
const EOF: number = 0;
const NEWLINE: number = 1;
const SPACE: number = 2;
const PLAIN: number = 3;
const SINGLE: number = 4;
const DOUBLE: number = 5;
const BLOCK_HEADER: number = 6;
const COMMENT: number = 7;
const ANCHOR: number = 8;
const ALIAS: number = 9;
const SEQ_ITEM: number = 10;
const MAP_VALUE: number = 11;
const FLOW_MAP_START: number = 12;
const FLOW_MAP_END: number = 13;
const FLOW_SEQ_START: number = 14;
const FLOW_SEQ_END: number = 15;
const COMMA: number = 16;
const DOC_START: number = 17;
const BOM: number = 18;
const OTHER: number = 19;
/** The body of a block scalar. */
const BODY: number = 20;

function kindOf(source: string): number {
  switch (source) {
    case '\n':
    case '\r\n':
    case '':
      return NEWLINE;
    case '-':
      return SEQ_ITEM;
    case ':':
      return MAP_VALUE;
    case '{':
      return FLOW_MAP_START;
    case '}':
      return FLOW_MAP_END;
    case '[':
      return FLOW_SEQ_START;
    case ']':
      return FLOW_SEQ_END;
    case ',':
      return COMMA;
    case '---':
      return DOC_START;
    case '\uFEFF':
      return BOM;
  }
  switch (source.charCodeAt(0)) {
    case 0x20:
    case 0x09:
      return SPACE;
    case 0x23:
      return COMMENT;
    case 0x26:
      return ANCHOR;
    case 0x2a:
      return ALIAS;
    case 0x27:
      return SINGLE;
    case 0x22:
      return DOUBLE;
    case 0x7c:
    case 0x3e:
      return BLOCK_HEADER;
  }
  // Tags, directives, "?", "...", and the lexer's markers for errors.
  return OTHER;
}

let coreTags: { tags: ScalarTag[]; options: Document['options'] } | undefined;
/** The scalar tags a plain scalar is tested against, in the order yaml's composer tests them. */
function scalarTags(): { tags: ScalarTag[]; options: Document['options'] } {
  if (!coreTags) {
    const document = new Document();
    const tags = (document.schema.tags as ScalarTag[]).filter((tag) => tag.default === true && tag.test);
    coreTags = { tags, options: document.options };
  }
  return coreTags;
}

// Only these can start a plain scalar the core schema reads as null, a boolean or a number (or it is empty: null).
const MAY_RESOLVE = /^(?:[-+.0-9~nNtTfF]|$)/;

interface Anchor {
  value: JsonValue;
  /** Nodes it stands for once its aliases are expanded, counted as the loader counts them (keys included). */
  size: number;
}

/**
 * Parses one YAML document into plain values; undefined when the text is outside what this reader reads or not
 * valid YAML (the loader then reads it through yaml's document model, which reports the error).
 */
export function parseYamlSource(text: string, hooks: YamlSourceHooks): YamlSourceResult | undefined {
  const { tags, options } = scalarTags();
  const tokens = new Lexer().lex(text);
  let count = 0;
  let scalarNext = false;
  /** The next scalar the lexer announces is a block scalar's body. */
  let expectBody = false;
  let end = 0;
  let nextLineStart = 0;

  // The current token: kind, source, offset, the offset its line starts at, whether it is the first token of its
  // line after the indentation, and the kind of the token before it.
  let kind = EOF;
  let source = '';
  let offset = 0;
  let lineStart = 0;
  let first = true;
  let previous = EOF;
  /** Whether the current token is a line's indentation. */
  let indentation = false;
  // One token of lookahead (a scalar followed by ":" is a key), kept in variables of its own: a key is peeked at
  // every line, and an array per peek was measurable garbage.
  let peeked = false;
  let pKind = EOF;
  let pSource = '';
  let pOffset = 0;
  let pLineStart = 0;
  let pFirst = false;
  let pPrevious = EOF;
  let pIndentation = false;

  const read = (): void => {
    const lineBegins = kind === NEWLINE || kind === BODY || (kind === EOF && end === 0);
    previous = kind;
    for (;;) {
      const next = tokens.next();
      if (next.done) {
        kind = EOF;
        source = '';
        offset = end;
        lineStart = nextLineStart;
        first = lineBegins;
        return;
      }
      if (++count > hooks.maxTokens) giveUp();
      const token = next.value;
      if (token === '\x02') continue; // the lexer's doc-mode marker: no source
      if (token === '\x1f') {
        scalarNext = true;
        continue;
      }
      source = token;
      offset = end;
      end += token.length;
      lineStart = nextLineStart;
      if (scalarNext) {
        scalarNext = false;
        kind = expectBody ? BODY : PLAIN;
        expectBody = false;
      } else kind = kindOf(token);
      if (kind === NEWLINE) nextLineStart = end;
      else if (kind === PLAIN || kind === SINGLE || kind === DOUBLE || kind === BODY) {
        const nl = token.lastIndexOf('\n');
        if (nl >= 0) nextLineStart = offset + nl + 1;
      }
      if (kind === SPACE) {
        indentation = lineBegins;
        first = false;
      } else {
        first = lineBegins || (previous === SPACE && indentation);
        indentation = false;
      }
      return;
    }
  };

  const advance = (): void => {
    if (!peeked) return read();
    peeked = false;
    kind = pKind;
    source = pSource;
    offset = pOffset;
    lineStart = pLineStart;
    first = pFirst;
    previous = pPrevious;
    indentation = pIndentation;
  };

  /** The kind of the token after the current one. */
  const peekKind = (): number => {
    if (peeked) return pKind;
    const k = kind;
    const s = source;
    const o = offset;
    const l = lineStart;
    const f = first;
    const p = previous;
    const i = indentation;
    read();
    pKind = kind;
    pSource = source;
    pOffset = offset;
    pLineStart = lineStart;
    pFirst = first;
    pPrevious = previous;
    pIndentation = indentation;
    kind = k;
    source = s;
    offset = o;
    lineStart = l;
    first = f;
    previous = p;
    indentation = i;
    peeked = true;
    return pKind;
  };

  const column = () => offset - lineStart;

  const noTab = () => {
    if (source.includes('\t')) giveUp();
  };

  /** Spaces, comments and line ends up to the next token with content; whether a line end was crossed. */
  const skipBlank = (): boolean => {
    let crossed = false;
    for (;;) {
      if (kind === SPACE) noTab();
      // yaml refuses a comment glued to the token before it.
      else if (kind === COMMENT) {
        if (previous !== SPACE && !first) giveUp();
      } else if (kind === NEWLINE) crossed = true;
      else return crossed;
      advance();
    }
  };

  /** After a value on a block line: optional spaces and a comment, the line end, then on to the next content. */
  const endLine = (): void => {
    if (kind === SPACE) {
      noTab();
      advance();
    }
    if (kind === COMMENT) {
      if (previous !== SPACE) giveUp();
      advance();
    }
    if (kind !== NEWLINE && kind !== EOF) giveUp();
    skipBlank();
  };

  /** Continuation lines of a multi-line scalar must be indented past the block it is in. */
  const checkContinuation = (value: string, blockIndent: number): void => {
    for (let nl = value.indexOf('\n'); nl >= 0; nl = value.indexOf('\n', nl + 1)) {
      let i = nl + 1;
      while (value.charCodeAt(i) === 0x20) i++;
      const c = value.charCodeAt(i);
      if (c === 0x09) giveUp();
      if (i - nl - 1 <= blockIndent && c !== 0x0a && c !== 0x0d && i < value.length) giveUp();
    }
  };

  const onError = () => giveUp();
  const anchors = new Map<string, Anchor>();
  let aliasExpansion = 0;
  // What the node parsed last stands for once aliases are expanded, and where it starts (what yaml's range[0] is).
  let lastSize = 0;
  let lastOffset = 0;

  /** The value of the current plain or quoted scalar (plain ones through the core schema). */
  const scalar = (blockIndent: number): string | number | boolean | null => {
    lastOffset = offset;
    lastSize = 1;
    if (kind === PLAIN) {
      let value = source;
      if (value.includes('\n')) {
        checkContinuation(value, blockIndent);
        value = CST.resolveAsScalar({ type: 'scalar', offset, indent: 0, source }, true, onError).value;
      } else {
        const c = value.charCodeAt(0);
        // What a plain scalar may not start with (yaml reports it).
        if (c === 0x2c || c === 0x25 || c === 0x7c || c === 0x3e || c === 0x40 || c === 0x60 || c === 0x09) giveUp();
      }
      if (!MAY_RESOLVE.test(value)) return value;
      for (const tag of tags) {
        if (!tag.test!.test(value)) continue;
        let resolved: unknown = tag.resolve(value, onError, options);
        // Some tags resolve to a Scalar node (null, booleans), the others to the value.
        if (isScalar(resolved)) resolved = resolved.value;
        if (typeof resolved === 'bigint') return Number(resolved);
        if (resolved === null || typeof resolved === 'number' || typeof resolved === 'boolean') return resolved;
        return giveUp();
      }
      return value;
    }
    if (source.includes('\n')) checkContinuation(source, blockIndent);
    const type = kind === SINGLE ? 'single-quoted-scalar' : 'double-quoted-scalar';
    return CST.resolveAsScalar({ type, offset, indent: 0, source }, true, onError).value;
  };

  /** A plain or quoted scalar on one line, as yaml allows implicit keys. */
  const isKeyToken = () =>
    (kind === PLAIN || kind === SINGLE || kind === DOUBLE) && source.length <= 1000 && !source.includes('\n');

  const alias = (): JsonValue => {
    const anchor = anchors.get(source.slice(1));
    // An alias of an anchor not defined yet, or of the node it is inside: yaml reports or expands it.
    if (!anchor) return giveUp();
    aliasExpansion += anchor.size;
    if (aliasExpansion > hooks.maxAliasExpansion) giveUp();
    lastSize = anchor.size;
    lastOffset = offset;
    return anchor.value;
  };

  const define = (name: string, value: JsonValue) => {
    if (anchors.has(name)) giveUp();
    anchors.set(name, { value, size: lastSize });
  };

  /** A flow collection; `blockIndent` is the indentation of the block it is in (-1 at the top). */
  const flow = (blockIndent: number): JsonValue => {
    const isMap = kind === FLOW_MAP_START;
    const start = offset;
    const keys = new Map<string, number>();
    const object: JsonObject = {};
    const array: JsonValue[] = [];
    const value = isMap ? object : array;
    hooks.container(value, start, keys);
    let size = 1;
    const written = new Set<string>();
    const close = isMap ? FLOW_MAP_END : FLOW_SEQ_END;
    const space = () => {
      if (skipBlank() && kind !== EOF && blockIndent >= 0 && column() <= blockIndent) giveUp();
    };
    advance();
    for (;;) {
      space();
      if (kind === close) break;
      if (isMap) {
        // Merge keys in flow mappings are left to yaml's reading.
        if (!isKeyToken() || (kind === PLAIN && source === '<<')) giveUp();
        const keyAt = offset;
        const key = String(scalar(blockIndent));
        advance();
        let item: JsonValue = null;
        let itemSize = 1;
        if (kind === MAP_VALUE) {
          advance();
          space();
          if (kind !== COMMA && kind !== close) {
            item = flowNode(blockIndent);
            itemSize = lastSize;
            advance();
          }
        }
        if (written.has(key)) giveUp();
        written.add(key);
        keys.set(key, keyAt);
        hooks.setKey(object, key, item);
        size += 1 + itemSize;
      } else {
        const item = flowNode(blockIndent);
        keys.set(String(array.length), lastOffset);
        array.push(item);
        size += lastSize;
        advance();
      }
      space();
      if (kind === close) break;
      if (kind !== COMMA) giveUp();
      advance();
    }
    lastSize = size;
    lastOffset = start;
    return value;
  };

  /** One value inside a flow collection; leaves the current token on its last token. */
  const flowNode = (blockIndent: number): JsonValue => {
    if (kind === ANCHOR) {
      const name = source.slice(1);
      advance();
      if (kind !== SPACE) giveUp();
      noTab();
      advance();
      const value = flowNode(blockIndent);
      define(name, value);
      return value;
    }
    if (kind === ALIAS) return alias();
    if (kind === FLOW_MAP_START || kind === FLOW_SEQ_START) return flow(blockIndent);
    if (kind === PLAIN || kind === SINGLE || kind === DOUBLE) {
      const value = scalar(blockIndent);
      // An implicit pair ([a: b]) or a value that is a key again ({a: b: c}).
      if (peekKind() === MAP_VALUE) giveUp();
      return value;
    }
    return giveUp();
  };

  /** A block scalar, its header the current token; `indent` is the indentation of its collection. */
  const blockScalar = (indent: number): JsonValue => {
    const at = offset;
    const props: CST.SourceToken[] = [{ type: 'block-scalar-header', offset: at, indent, source }];
    advance();
    while (kind === SPACE || kind === COMMENT) {
      if (kind === SPACE) noTab();
      props.push({ type: kind === SPACE ? 'space' : 'comment', offset, indent, source });
      advance();
    }
    if (kind !== NEWLINE) giveUp();
    props.push({ type: 'newline', offset, indent, source });
    expectBody = true;
    advance();
    if (kind !== BODY) giveUp();
    const token = { type: 'block-scalar' as const, offset: at, indent, props, source };
    const value = CST.resolveAsScalar(token, true, onError).value;
    advance();
    skipBlank();
    lastSize = 1;
    lastOffset = at;
    return value;
  };

  /** A scalar, alias, flow collection or block scalar that is the rest of its line. */
  const inlineValue = (indent: number): JsonValue => {
    if (kind === BLOCK_HEADER) return blockScalar(indent);
    let value: JsonValue;
    if (kind === ALIAS) value = alias();
    else if (kind === PLAIN || kind === SINGLE || kind === DOUBLE) value = scalar(indent);
    else if (kind === FLOW_MAP_START || kind === FLOW_SEQ_START) value = flow(indent);
    else return giveUp();
    advance();
    endLine();
    return value;
  };

  /**
   * The value of a block mapping's key (inMap) or of a sequence's item, from the token after ":" or "-"; `indent`
   * is the collection's. Leaves the current token on the first content of a later line.
   */
  const blockValue = (indent: number, inMap: boolean): JsonValue => {
    if (kind === SPACE) {
      noTab();
      advance();
    }
    let anchor: string | undefined;
    if (kind === ANCHOR) {
      anchor = source.slice(1);
      advance();
      if (kind === SPACE) {
        noTab();
        advance();
      }
    }
    let value: JsonValue;
    if (kind === COMMENT || kind === NEWLINE || kind === EOF) {
      if (kind === COMMENT && previous !== SPACE) giveUp();
      skipBlank();
      const c = kind === EOF ? -1 : column();
      if (kind === SEQ_ITEM && inMap && c === indent) value = blockSeq(c);
      else if (kind === EOF || c <= indent) {
        // Nothing: null. An empty sequence item, or an anchor on nothing, is left to yaml.
        if (!inMap || anchor !== undefined) giveUp();
        value = null;
        lastSize = 1;
      } else if (kind === SEQ_ITEM) value = blockSeq(c);
      else if (isKeyToken() && peekKind() === MAP_VALUE) value = blockMap(c);
      else if (anchor !== undefined || kind === BLOCK_HEADER) return giveUp();
      else value = inlineValue(indent);
    } else if (kind === SEQ_ITEM) {
      // "- - a": a sequence in a sequence ("key: - a" is an error).
      if (inMap || anchor !== undefined) giveUp();
      value = blockSeq(column());
    } else if (isKeyToken() && peekKind() === MAP_VALUE) {
      // "- key: value", a mapping in a sequence; an anchor before it would name the key ("key: a: b" is an error).
      if (inMap || anchor !== undefined) giveUp();
      value = blockMap(column());
    } else value = inlineValue(indent);
    if (anchor !== undefined) define(anchor, value);
    return value;
  };

  /** A block sequence whose "-" are at column `indent`; the current token is the first "-". */
  const blockSeq = (indent: number): JsonValue[] => {
    const array: JsonValue[] = [];
    const keys = new Map<string, number>();
    const start = offset;
    hooks.container(array, start, keys);
    let size = 1;
    for (;;) {
      advance();
      const item = blockValue(indent, false);
      keys.set(String(array.length), lastOffset);
      array.push(item);
      size += lastSize;
      if (kind === EOF) break;
      const c = column();
      if (c < indent) break;
      if (c > indent || !first) giveUp();
      if (kind !== SEQ_ITEM) break;
    }
    lastSize = size;
    lastOffset = start;
    return array;
  };

  /** A block mapping whose keys are at column `indent`; the current token is the first key. */
  const blockMap = (indent: number): JsonObject => {
    const object: JsonObject = {};
    const keys = new Map<string, number>();
    const start = offset;
    hooks.container(object, start, keys);
    let size = 1;
    const written = new Set<string>();
    for (;;) {
      if (!isKeyToken()) giveUp();
      const keyAt = offset;
      const merge = kind === PLAIN && source === '<<';
      const key = String(scalar(indent));
      advance();
      if (kind !== MAP_VALUE) giveUp();
      advance();
      if (kind !== SPACE && kind !== NEWLINE && kind !== COMMENT && kind !== EOF) giveUp();
      const value = blockValue(indent, true);
      size += 1 + lastSize;
      if (merge) mergeInto(object, keys, value);
      else {
        if (written.has(key)) giveUp();
        written.add(key);
        keys.set(key, keyAt);
        hooks.setKey(object, key, value);
      }
      if (kind === EOF) break;
      const c = column();
      if (c < indent) break;
      if (c > indent || !first || kind === SEQ_ITEM) giveUp();
    }
    lastSize = size;
    lastOffset = start;
    return object;
  };

  // YAML 1.1 merge keys, read as the loader reads them from yaml's document: keys written in the mapping win over
  // merged ones wherever they are written, a mapping merged earlier wins over one merged later, and merged keys
  // keep the positions they have in the mapping they come from.
  const mergeInto = (object: JsonObject, keys: Map<string, number>, value: JsonValue) => {
    // An alias of a sequence of mappings is counted differently by the loader's alias cap: left to it.
    if (Array.isArray(value) && [...anchors.values()].some((anchor) => anchor.value === value)) giveUp();
    for (const from of Array.isArray(value) ? value : [value]) {
      if (from === null || typeof from !== 'object' || Array.isArray(from) || from === object) return giveUp();
      const fromKeys = hooks.keysOf(from);
      if (!fromKeys) return giveUp();
      for (const key of Object.keys(from)) {
        if (Object.prototype.hasOwnProperty.call(object, key)) continue;
        hooks.setKey(object, key, from[key]);
        const at = fromKeys.get(key);
        if (at !== undefined) keys.set(key, at);
      }
    }
  };

  try {
    advance();
    if (kind === BOM) advance();
    skipBlank();
    if (kind === DOC_START) {
      advance();
      endLine();
    }
    let root: JsonObject;
    if (kind === FLOW_MAP_START) {
      root = flow(-1) as JsonObject;
      advance();
      skipBlank();
    } else if (isKeyToken() && peekKind() === MAP_VALUE) root = blockMap(column());
    else return undefined;
    if (kind !== EOF) return undefined;
    return { value: root, tokens: count };
  } catch (error) {
    if (error instanceof GiveUp || error instanceof RangeError) return undefined;
    throw error;
  }
}
