import type { ByteRange, Span } from './types.js';

/**
 * A migration file's text with the conversions the parser forces on us: libpg-query reports UTF-8 byte
 * offsets, annotations want 1-based line and column in characters. ASCII text (nearly every migration) takes a
 * fast path where bytes and characters coincide.
 */
export class SourceText {
  /** The file's text, followed by the virtual texts added with addVirtual (each after a newline). */
  text: string;
  byteLength: number;
  /** The length of the file itself: offsets at or past it are in a virtual text. */
  readonly fileByteLength: number;
  private ascii: boolean;
  private byteToChar?: Uint32Array;
  private charToByte?: Uint32Array;
  private lineStarts?: number[];
  private readonly virtual: { base: number; end: number; toFile: (offset: number) => number }[] = [];

  constructor(text: string) {
    this.text = text;
    this.byteLength = Buffer.byteLength(text, 'utf8');
    this.fileByteLength = this.byteLength;
    this.ascii = this.byteLength === text.length;
  }

  /**
   * Appends SQL that runs but is not written verbatim in the file (a DO body in an escaped string, a string
   * an EXECUTE computes), so rules read it like any other statement; `toFile` maps a byte offset in `text` to
   * the byte of the file (or of an earlier virtual text) it comes from, for positions. Returns the offset of
   * `text`'s first byte.
   */
  addVirtual(text: string, toFile: (offset: number) => number): number {
    const base = this.byteLength + 1;
    const bytes = Buffer.byteLength(text, 'utf8');
    this.text += `\n${text}`;
    this.byteLength = base + bytes;
    this.ascii &&= bytes === text.length;
    this.byteToChar = this.charToByte = this.lineStarts = undefined;
    this.virtual.push({ base, end: base + bytes, toFile });
    return base;
  }

  /** The file offset a byte of a virtual text stands for (itself for a byte of the file). */
  fileOffset(byteOffset: number): number {
    let offset = byteOffset;
    // Each step maps into an earlier (lower) region or into the file, so this ends.
    for (let guard = 0; offset > this.fileByteLength && guard < 64; guard++) {
      const region = this.virtual.find((r) => offset >= r.base && offset <= r.end);
      if (!region) return this.fileByteLength;
      offset = region.toFile(Math.max(0, offset - region.base));
    }
    return Math.min(offset, this.fileByteLength);
  }

  /** The byte offset of a character (UTF-16) index. */
  byteIndex(charIndex: number): number {
    const index = Math.max(0, Math.min(charIndex, this.text.length));
    if (this.ascii) return index;
    if (!this.charToByte) {
      const map = new Uint32Array(this.text.length + 1);
      let byte = 0;
      for (let i = 0; i < this.text.length; i++) {
        map[i] = byte;
        const code = this.text.charCodeAt(i);
        byte += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3;
      }
      map[this.text.length] = byte;
      this.charToByte = map;
    }
    return this.charToByte[index];
  }

  /** The character (UTF-16) index of a byte offset; an offset inside a multi-byte character maps to its start. */
  charIndex(byteOffset: number): number {
    const offset = Math.max(0, Math.min(byteOffset, this.byteLength));
    if (this.ascii) return offset;
    this.byteToChar ??= buildByteToChar(this.text, this.byteLength);
    return this.byteToChar[offset];
  }

  /**
   * The byte offset of a 0-based code point index: the parser's error cursor counts characters (PostgreSQL's
   * multibyte-aware cursorpos), not bytes, unlike every other location it reports.
   */
  byteOfCodePoint(codePoint: number): number {
    if (this.ascii) return Math.max(0, Math.min(codePoint, this.byteLength));
    let byte = 0;
    let seen = 0;
    for (let i = 0; i < this.text.length && seen < codePoint; i++, seen++) {
      const code = this.text.charCodeAt(i);
      if (code < 0x80) byte += 1;
      else if (code < 0x800) byte += 2;
      else if (code >= 0xd800 && code <= 0xdbff && i + 1 < this.text.length) {
        byte += 4;
        i++;
      } else byte += 3;
    }
    return byte;
  }

  /** Text between two byte offsets. */
  slice(range: ByteRange): string {
    return this.text.slice(this.charIndex(range.start), this.charIndex(range.end));
  }

  /** 1-based line and column of a character index. */
  position(charIndex: number): { line: number; column: number } {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= charIndex) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: charIndex - starts[low] + 1 };
  }

  /** Line and column of a byte range of the file (a range in a virtual text is mapped to the file first). */
  span(range: ByteRange): Span {
    const startByte = range.start > this.fileByteLength ? this.fileOffset(range.start) : range.start;
    let endByte = range.end > this.fileByteLength ? this.fileOffset(range.end) : range.end;
    if (endByte < startByte) endByte = startByte;
    const start = this.position(this.charIndex(startByte));
    const end = this.position(this.charIndex(endByte));
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function buildByteToChar(text: string, byteLength: number): Uint32Array {
  const map = new Uint32Array(byteLength + 1);
  let byte = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let width: number;
    if (code < 0x80) width = 1;
    else if (code < 0x800) width = 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one 4-byte UTF-8 character spanning two UTF-16 units.
      width = 4;
      for (let k = 0; k < width; k++) map[byte + k] = i;
      byte += width;
      i++;
      continue;
    } else width = 3;
    for (let k = 0; k < width; k++) map[byte + k] = i;
    byte += width;
  }
  map[byteLength] = text.length;
  return map;
}
