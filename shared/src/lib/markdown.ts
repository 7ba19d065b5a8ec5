/**
 * Job summaries: a pure builder that produces GitHub-flavoured markdown, a size guard for GitHub's 1 MiB
 * per-step limit (above it GitHub drops the whole summary and shows an error). The writer is the adapter in
 * shared/src/actions/summary.ts.
 */

export type Verdict = 'success' | 'failure' | 'warning' | 'neutral';

const VERDICT_ICONS: Record<Verdict, string> = {
  success: '✅',
  failure: '❌',
  warning: '⚠️',
  neutral: 'ℹ️'
};

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const ZWSP = '\u200b';

/**
 * Text from the repository or the user (a path, a rule message that quotes names, a config value) as inert
 * inline markdown: no HTML, no emphasis or links, no @mentions, #references or autolinked URLs, one line.
 * GitHub links mentions and URLs after rendering, so a backslash cannot stop them: a zero-width space can.
 */
export function escapeMarkdown(text: string): string {
  return singleLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]~]/g, (c) => `\\${c}`)
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/([@#])(?=[\w-])/g, `$1${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}${ZWSP}.`);
}

/** Text as an inline code span (GitHub renders nothing inside one: no HTML, links or mentions). */
export function codeSpan(text: string): string {
  const line = singleLine(text);
  const longestRun = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = line.startsWith('`') || line.endsWith('`') || line === '' ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/** A table cell: a pipe would end the cell and a newline the row, so both are neutralised. */
export function escapeTableCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n|\r/g, '<br>');
}

function singleLine(text: string): string {
  return text.replace(/\s*(\r?\n|\r)\s*/g, ' ').trim();
}

/** Builds a summary block by block; blocks are separated by blank lines so markdown never runs together. */
export class SummaryBuilder {
  private readonly blocks: string[] = [];

  heading(text: string, level: 1 | 2 | 3 | 4 | 5 | 6 = 2): this {
    return this.raw(`${'#'.repeat(level)} ${singleLine(text)}`);
  }

  /** The one-line outcome that opens a summary, e.g. "✅ **3 endpoints healthy**". */
  verdict(outcome: Verdict, text: string): this {
    return this.raw(`${VERDICT_ICONS[outcome]} **${singleLine(text)}**`);
  }

  paragraph(text: string): this {
    return this.raw(text);
  }

  table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): this {
    const row = (cells: readonly (string | number)[]) =>
      `| ${headers.map((_, i) => escapeTableCell(String(cells[i] ?? ''))).join(' | ')} |`;
    const lines = [row(headers), `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map(row)];
    return this.raw(lines.join('\n'));
  }

  /** A collapsible section; the body is markdown (the blank lines around it make GitHub render it). */
  details(summaryText: string, body: string | SummaryBuilder): this {
    return this.raw(
      `<details>\n<summary>${escapeHtml(singleLine(summaryText))}</summary>\n\n${String(body)}\n\n</details>`
    );
  }

  list(items: readonly string[], ordered = false): this {
    if (items.length === 0) return this;
    const lines = items.map((item, i) => {
      const marker = ordered ? `${i + 1}.` : '-';
      // Continuation lines indented under the marker stay inside the item.
      return `${marker} ${item.replace(/\r?\n/g, `\n${' '.repeat(marker.length + 1)}`)}`;
    });
    return this.raw(lines.join('\n'));
  }

  codeBlock(code: string, language = ''): this {
    // The fence must be longer than any backtick run inside, or the code could close it early.
    const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(Math.max(3, longestRun + 1));
    return this.raw(`${fence}${language}\n${code.replace(/\n$/, '')}\n${fence}`);
  }

  raw(markdown: string): this {
    this.blocks.push(markdown);
    return this;
  }

  toString(): string {
    return this.blocks.length === 0 ? '' : `${this.blocks.join('\n\n')}\n`;
  }
}

/** GitHub refuses a step summary over 1 MiB; the default keeps a margin for anything else the step appends. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 1024;

const encoder = new TextEncoder();

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The longest prefix of text that fits in maxBytes of UTF-8 without splitting a character. */
function prefixWithinBytes(text: string, maxBytes: number): string {
  const bytes = encoder.encode(text);
  if (bytes.length <= maxBytes) return text;
  let end = Math.max(0, maxBytes);
  // Step back over continuation bytes (10xxxxxx) to the start of the character that did not fit.
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return Buffer.from(bytes.subarray(0, end)).toString('utf8');
}

/** Cuts at a section break (blank line) if one is reasonably close, else at a line break. */
function cutAtBoundary(text: string, maxBytes: number): string {
  const prefix = prefixWithinBytes(text, maxBytes);
  if (prefix.length === text.length) return text;
  const section = prefix.lastIndexOf('\n\n');
  if (section > 0 && section >= prefix.length * 0.8) return prefix.slice(0, section + 1);
  const line = prefix.lastIndexOf('\n');
  if (line > 0) return prefix.slice(0, line + 1);
  return prefix;
}

/** Closes a code fence or <details> left open by the cut, so the note after it is not swallowed. */
function closeOpenBlocks(kept: string): string {
  let closers = '';
  let openFence: string | undefined;
  for (const line of kept.split('\n')) {
    const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (!fence) continue;
    if (openFence === undefined) openFence = fence;
    else if (fence[0] === openFence[0] && fence.length >= openFence.length && line.trim() === fence)
      openFence = undefined;
  }
  if (openFence !== undefined) closers += `\n${openFence}`;
  const opened = kept.match(/<details[\s>]/gi)?.length ?? 0;
  const closed = kept.match(/<\/details>/gi)?.length ?? 0;
  closers += '\n\n</details>'.repeat(Math.max(0, opened - closed));
  return closers;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

function truncationNote(cutBytes: number, cutLines: number): string {
  const lines = cutLines === 1 ? '1 line' : `${cutLines} lines`;
  return `\n\n> **Note:** the summary was truncated to fit GitHub's job-summary size limit: ${formatBytes(cutBytes)} (${lines}) cut.\n`;
}

/**
 * Returns text unchanged if it fits in limitBytes of UTF-8, otherwise cuts it at a section or line boundary,
 * closes any code fence or <details> left open, and appends a note saying how much was cut.
 */
export function fitToLimit(text: string, limitBytes = SUMMARY_LIMIT_BYTES): string {
  const totalBytes = byteLength(text);
  if (totalBytes <= limitBytes) return text;

  let budget = limitBytes - byteLength(truncationNote(totalBytes, text.length)) - 64;
  while (budget > 0) {
    const kept = cutAtBoundary(text, budget);
    const rest = text.slice(kept.length);
    const result =
      kept.trimEnd() + closeOpenBlocks(kept) + truncationNote(totalBytes - byteLength(kept), countLines(rest));
    const overflow = byteLength(result) - limitBytes;
    if (overflow <= 0) return result;
    budget -= overflow;
  }
  // A limit too small for any content: the note alone, cut to fit.
  return prefixWithinBytes(truncationNote(totalBytes, countLines(text)).trimStart(), limitBytes);
}

function countLines(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/**
 * Text for one line of a report, at most `max` characters: control characters and line or paragraph separators
 * become spaces, runs of white space one space, and a longer text ends in an ellipsis. Escape it afterwards
 * (escapeMarkdown or codeSpan): this only bounds it.
 */
export function clipLine(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, ' ').trim();
  const chars = [...line];
  return chars.length <= max ? line : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/**
 * A markdown link whose label is already markdown, only to a plain http(s) URL under one of the given origins
 * (the GitHub server the data came from); any other URL leaves the label alone, so a URL someone recorded in a
 * deployment cannot become a link in a report.
 */
export function markdownLink(label: string, url: string | null | undefined, origins: readonly string[]): string {
  if (!url || url.length > 500 || !/^https?:\/\/[^\s<>()[\]"'`\\]+$/.test(url)) return label;
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return label;
  }
  const allowed = origins.some((o) => {
    try {
      return new URL(o).origin === origin;
    } catch {
      return false;
    }
  });
  return allowed ? `[${label}](${url})` : label;
}
