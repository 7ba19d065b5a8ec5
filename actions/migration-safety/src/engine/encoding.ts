// A migration file's bytes as the server will read them. PostgreSQL takes SQL as UTF-8 (the encoding of every
// database a migration tool creates by default) and refuses the whole query at the first byte sequence that is
// not valid UTF-8, so such a file must fail here too, at that byte, instead of being decoded with U+FFFD
// replacement characters and passing. psql skips a UTF-8 byte order mark: it is stripped, and positions are
// counted from the first character after it, as editors show them. UTF-16 files (Windows editors write them) are
// refused as a whole: the server would see NUL bytes.
import { isUtf8 } from 'node:buffer';

export interface EncodingError {
  /** PostgreSQL's wording where it has one: `invalid byte sequence for encoding "UTF8": 0xc3 0x28`. */
  message: string;
  /** Index (UTF-16 units) in the decoded text of the first character that is not valid. */
  index: number;
  /** The file is not UTF-8 at all (UTF-16 or UTF-32): nothing of it is linted. */
  whole?: boolean;
}

export interface DecodedMigration {
  text: string;
  encodingError?: EncodingError;
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => `0x${b.toString(16).padStart(2, '0')}`).join(' ');
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** Other Unicode encodings, recognised by their byte order mark or by the NUL bytes of ASCII text in UTF-16. */
function otherEncoding(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0xff, 0xfe, 0, 0])) return 'UTF-32 (byte order mark FF FE 00 00)';
  if (startsWith(bytes, [0, 0, 0xfe, 0xff])) return 'UTF-32 (byte order mark 00 00 FE FF)';
  if (startsWith(bytes, [0xff, 0xfe])) return 'UTF-16 little-endian (byte order mark FF FE)';
  if (startsWith(bytes, [0xfe, 0xff])) return 'UTF-16 big-endian (byte order mark FE FF)';
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0)
    return 'UTF-16 little-endian (no byte order mark)';
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0)
    return 'UTF-16 big-endian (no byte order mark)';
  return undefined;
}

/**
 * The offset of the first byte that does not start a well-formed UTF-8 sequence (the Unicode standard's table,
 * which PostgreSQL's pg_utf8_islegal follows: no overlong forms, no surrogates, nothing past U+10FFFF), and how
 * many bytes PostgreSQL quotes in its message.
 */
export function firstInvalidUtf8(bytes: Uint8Array): { offset: number; length: number } | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return { offset: i, length: 1 };
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (next === undefined || next < min || next > max)
        return { offset: i, length: Math.min(need + 1, bytes.length - i) };
    }
    i += need + 1;
  }
  return undefined;
}

/** Decodes a migration file; never throws. */
export function decodeMigration(data: Uint8Array): DecodedMigration {
  const other = otherEncoding(data);
  if (other)
    return {
      text: '',
      encodingError: {
        message: `the file is ${other}: PostgreSQL reads SQL as UTF-8, so it would reject this file; save it as UTF-8`,
        index: 0,
        whole: true
      }
    };
  const bytes = startsWith(data, [0xef, 0xbb, 0xbf]) ? data.subarray(3) : data;
  if (isUtf8(bytes)) return { text: decoder.decode(bytes) };
  const bad = firstInvalidUtf8(bytes);
  // isUtf8 and the table agree; should they not, the file is still decoded rather than refused.
  if (!bad) return { text: decoder.decode(bytes) };
  const before = decoder.decode(bytes.subarray(0, bad.offset));
  return {
    text: before + decoder.decode(bytes.subarray(bad.offset)),
    encodingError: {
      message: `invalid byte sequence for encoding "UTF8": ${hex(bytes.subarray(bad.offset, bad.offset + bad.length))}`,
      index: before.length
    }
  };
}
