// Helpers shared by the rules of ubos.ts.
import type { RuleContext } from '../engine/rule.js';
import type { ByteRange } from '../engine/types.js';

/** From `start` to the end of the table element or ALTER TABLE action that starts there (the next top-level comma). */
export function elementRange(ctx: RuleContext, start: number): ByteRange {
  const { statement, source } = ctx;
  const text = source.slice({ start, end: statement.range.end });
  let depth = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      const close = text.indexOf(ch, i + 1);
      i = close === -1 ? text.length : close;
    } else if (ch === '-' && text[i + 1] === '-') {
      const newline = text.indexOf('\n', i);
      i = newline === -1 ? text.length : newline;
    } else if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) break;
      depth--;
    } else if (ch === ',' && depth === 0) break;
  }
  const element = text.slice(0, i).replace(/\s+$/, '');
  return { start, end: start + Buffer.byteLength(element, 'utf8') };
}
