// Text that comes from a repository (PR titles, branch names, logins, issue titles) is attacker-written: in
// markdown it must stay text. No emphasis, links, HTML, @mentions or #references; one line; bounded length.

const WORD_JOINER = '\u2060';

export function mdText(text: string | null | undefined, max = 160): string {
  if (!text) return '';
  // Control characters (C0, DEL, C1) and line separators would break the line or the table.
  let t = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if ([...t].length > max) t = `${[...t].slice(0, max - 1).join('')}…`;
  const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
  t = t.replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => entities[c] ?? `\\${c}`);
  // GitHub links @user, #12, owner/name#12 and bare URLs after rendering, escaped or not: break them.
  return t
    .replace(/@/g, `@${WORD_JOINER}`)
    .replace(/\\#/g, `\\#${WORD_JOINER}`)
    .replace(/:\/\//g, `${WORD_JOINER}://`)
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${WORD_JOINER}.`);
}

/** A link to something GitHub gave us (a run log, a PR, an issue): only plain http(s) URLs become links. */
export function mdLink(label: string, url: string | null | undefined): string {
  if (!url || !/^https?:\/\/[^\s<>()[\]"'`\\]+$/.test(url) || url.length > 500) return label;
  return `[${label}](${url})`;
}

/** One CSV cell (RFC 4180), with formula injection defused (OWASP: a leading = + - @ tab or CR). */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text =
    typeof value === 'number' ? (Number.isFinite(value) ? String(Math.round(value * 1e6) / 1e6) : '') : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
