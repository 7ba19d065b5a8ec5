/**
 * An ActionReport as GitHub markdown, for the job summary and the sticky PR comment: the verdict line first,
 * then sections by level (errors, warnings, notices, everything else), errors open and the rest collapsible.
 * When the text must fit a limit it is cut by whole rows, least important first, so errors and counts survive
 * and no link or table is left half-written.
 */
import { codeSpan, escapeMarkdown, escapeTableCell, fitToLimit } from './markdown.js';
import type { ActionReport, Level, ReportSection, Verdict } from './report.js';

const VERDICT_ICON: Record<Verdict, string> = { pass: '✅', warn: '⚠️', fail: '❌' };
const RANK: Record<Level | 'info', number> = { error: 0, warning: 1, notice: 2, info: 3 };

export interface MarkdownOptions {
  /** Size limit, and whether it counts UTF-8 bytes (job summaries) or characters (comments). */
  limit?: { size: number; unit: 'bytes' | 'chars' };
  /** Where everything that was cut can be read (the workflow run). */
  fullReportUrl?: string;
  /** Paragraph after the context lines (e.g. that GitHub shows only some annotations). */
  note?: string;
  /** Markdown appended last (the comment's link to the run). */
  footer?: string;
}

interface SectionState {
  section: ReportSection;
  keep: number;
  keepExtra: boolean;
}

function rowCount(section: ReportSection): number {
  return section.table?.rows.length ?? section.items?.length ?? 0;
}

function cutNote(hidden: number, url: string | undefined): string {
  const where = url ? `: see the [workflow run](${url})` : '';
  return `_… ${hidden} more not shown here${where}._`;
}

function renderSection(state: SectionState, url: string | undefined): string {
  const { section, keep } = state;
  const total = rowCount(section);
  const parts: string[] = [];
  if (section.intro) parts.push(section.intro);
  if (section.table) {
    const row = (cells: readonly string[]) =>
      `| ${section.table!.headers.map((_, i) => escapeTableCell(cells[i] ?? '')).join(' | ')} |`;
    const rows = section.table.rows.slice(0, keep);
    if (rows.length > 0)
      parts.push(
        [
          row(section.table.headers),
          `| ${section.table.headers.map(() => '---').join(' | ')} |`,
          ...rows.map(row)
        ].join('\n')
      );
  } else if (section.items) {
    const items = section.items.slice(0, keep);
    if (items.length > 0) parts.push(items.map((item) => `- ${item.replace(/\r?\n/g, '\n  ')}`).join('\n'));
  }
  if (keep < total) parts.push(cutNote(total - keep, url));
  if (section.extra && state.keepExtra) parts.push(section.extra);
  const title = `${escapeMarkdown(section.title)}${total > 0 ? ` (${total})` : ''}`;
  const body = parts.join('\n\n');
  const open = section.open ?? section.level === 'error';
  if (open) return `### ${title}${body ? `\n\n${body}` : ''}`;
  return `<details>\n<summary>${title}</summary>\n\n${body}\n\n</details>`;
}

export function headingLine(report: Pick<ActionReport, 'title' | 'subject'>): string {
  return `## ${escapeMarkdown(report.title)}${report.subject ? ` · ${codeSpan(report.subject)}` : ''}`;
}

export function verdictMarkdown(report: Pick<ActionReport, 'verdict' | 'headline'>): string {
  return `${VERDICT_ICON[report.verdict]} **${escapeMarkdown(report.headline)}**`;
}

function sizeOf(text: string, unit: 'bytes' | 'chars'): number {
  return unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length;
}

export function renderReportMarkdown(report: ActionReport, options: MarkdownOptions = {}): string {
  const ordered = report.sections
    .map((section, index) => ({ section, index }))
    .sort((a, b) => RANK[a.section.level] - RANK[b.section.level] || a.index - b.index)
    .map(({ section }): SectionState => ({ section, keep: rowCount(section), keepExtra: true }));
  const head = [headingLine(report), verdictMarkdown(report), ...(report.context ?? [])];
  if (options.note) head.push(options.note);
  const render = () =>
    [
      ...head,
      ...ordered.map((s) => renderSection(s, options.fullReportUrl)),
      ...(options.footer ? [options.footer] : [])
    ]
      .filter((block) => block !== '')
      .join('\n\n') + '\n';

  let text = render();
  const limit = options.limit;
  if (!limit || sizeOf(text, limit.unit) <= limit.size) return text;
  const fits = () => sizeOf((text = render()), limit.unit) <= limit.size;

  // Least important first: the whole tail of the list before any error row.
  for (const state of [...ordered].reverse()) {
    if (state.section.extra) {
      state.keepExtra = false;
      if (fits()) return text;
    }
  }
  for (const state of [...ordered].reverse()) {
    const total = state.keep;
    if (total === 0) continue;
    state.keep = 0;
    if (!fits()) continue;
    // The most rows of this section that still fit: binary search over the count.
    let low = 0;
    let high = total;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      state.keep = mid;
      if (fits()) low = mid;
      else high = mid - 1;
    }
    state.keep = low;
    return render();
  }
  // Even the headings do not fit (a tiny limit): a plain cut that closes what it opens.
  return fitToLimit(text, limit.unit === 'bytes' ? limit.size : Math.floor(limit.size / 4));
}
