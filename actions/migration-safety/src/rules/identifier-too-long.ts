import { defineRule } from '../engine/rule.js';
import {
  MAX_IDENTIFIER_BYTES as MAX_BYTES,
  tokensOf,
  truncateIdentifier as truncated
} from './compatibility-helpers.js';

export const identifierTooLong = defineRule({
  id: 'identifier-too-long',
  severity: 'warning',
  message: 'Identifiers longer than 63 bytes are silently truncated',
  help: 'PostgreSQL keeps only the first 63 bytes of a name (UTF-8 bytes, so fewer characters for accented or non-Latin names) and only prints a NOTICE. The object gets a different name than the one written: two long names that share their first 63 bytes collide, and ORMs and schema-diff tools that compare names see a mismatch on every run. Shorten the name.',
  equivalents: { squawk: ['identifier-too-long'] },
  check(ctx) {
    // Scanning every statement costs as much as parsing it; only a statement with a long enough word needs it.
    if (!mayHoldLongIdentifier(ctx.statement.sql)) return;
    const reported = new Set<string>();
    for (const token of tokensOf(ctx)) {
      const word = token.word;
      if (word === undefined || Buffer.byteLength(word, 'utf8') <= MAX_BYTES || reported.has(word)) continue;
      reported.add(word);
      ctx.report({
        range: { start: token.start, end: token.end },
        message: `${word} is ${Buffer.byteLength(word, 'utf8')} bytes: PostgreSQL silently truncates it to ${truncated(word)}`
      });
    }
  }
});

/**
 * A quoted identifier or bare word over the byte limit may occur (a string literal can look like one; the scan
 * decides). A loop, not a regular expression: a 10 MB literal must not exhaust the regexp engine's stack.
 */
function mayHoldLongIdentifier(sql: string): boolean {
  let runBytes = 0;
  for (let i = 0; i < sql.length; i++) {
    const code = sql.charCodeAt(i);
    if (code === 34 /* " */) {
      const close = sql.indexOf('"', i + 1);
      const end = close === -1 ? sql.length : close;
      if (end - i - 1 > 15 && Buffer.byteLength(sql.slice(i + 1, end), 'utf8') > MAX_BYTES) return true;
      i = end;
      runBytes = 0;
    } else if (isIdentifierUnit(code)) {
      // UTF-8 width per UTF-16 unit; a surrogate pair (4 bytes) counts 2 + 2.
      runBytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3;
      if (runBytes > MAX_BYTES) return true;
    } else runBytes = 0;
  }
  return false;
}

function isIdentifierUnit(code: number): boolean {
  const digit = code >= 48 && code <= 57;
  const letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return digit || letter || code === 95 /* _ */ || code === 36 /* $ */ || code >= 128;
}
