/**
 * CSV for spreadsheets (RFC 4180: CRLF line ends, quotes doubled) with formula injection defused: a cell that
 * a spreadsheet would evaluate (a leading =, +, -, @, tab or carriage return, as OWASP lists them) gets a
 * leading apostrophe, so text from a repository stays text when someone opens the file.
 */

export type CsvValue = string | number | boolean | null | undefined;

/** One cell: empty for null/undefined/non-finite numbers, numbers rounded to 6 decimals. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text =
    typeof value === 'number' ? (Number.isFinite(value) ? String(Math.round(value * 1e6) / 1e6) : '') : String(value);
  // Numbers are ours (and may be negative); only text can carry a formula.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row and one line per record; a column missing from a record is an empty cell. */
export function csvDocument<C extends string>(
  columns: readonly C[],
  rows: readonly Partial<Record<C, CsvValue>>[]
): string {
  const lines = [columns.map(csvCell).join(','), ...rows.map((row) => columns.map((c) => csvCell(row[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
