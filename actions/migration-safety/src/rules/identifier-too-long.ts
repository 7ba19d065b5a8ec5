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
    const reported = new Set<string>();
    for (const token of tokensOf(ctx.statement)) {
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
