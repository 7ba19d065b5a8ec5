// Messages may quote a little of the file, never more: a file that is not SQL at all (a key, a token file
// reached by mistake) must not end up in a summary, an annotation or a pull request comment.

/** The most characters of file text any message quotes. */
export const EXCERPT_MAX = 40;

// eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/** At most EXCERPT_MAX characters of `text` (code points, never half a pair), control characters escaped. */
export function excerpt(text: string, max = EXCERPT_MAX): string {
  const chars = Array.from(text.slice(0, max * 2 + 2));
  const cut = chars.length > max || text.length > max * 2 + 2;
  return escapeControl(chars.slice(0, max).join('')) + (cut ? '…' : '');
}

/**
 * A parser message made safe to show: the text it quotes after `at or near` (which for an unterminated string
 * or comment is the whole rest of the file) cut to an excerpt, control characters escaped, the length bounded.
 */
export function safeParserMessage(message: string): string {
  const near = /^([\s\S]*? at or near ")([\s\S]*)"([\s\S]*)$/.exec(message);
  if (near) return escapeControl(near[1]) + excerpt(near[2]) + '"' + excerpt(near[3], 120);
  return excerpt(message, 240);
}
