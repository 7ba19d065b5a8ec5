import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSummary } from '../../shared/src/actions/summary.js';
import { SUMMARY_LIMIT_BYTES, SummaryBuilder, escapeTableCell, fitToLimit } from '../../shared/src/lib/markdown.js';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('SummaryBuilder', () => {
  it('puts the verdict first and separates blocks with blank lines', () => {
    const text = new SummaryBuilder()
      .verdict('failure', '2 of 5 checks failed')
      .heading('Checks')
      .table(
        ['Endpoint', 'Status'],
        [
          ['/health', 200],
          ['/ready', 503]
        ]
      )
      .toString();
    expect(text).toBe(
      '❌ **2 of 5 checks failed**\n\n## Checks\n\n| Endpoint | Status |\n| --- | --- |\n| /health | 200 |\n| /ready | 503 |\n'
    );
  });

  it('uses a distinct icon per verdict', () => {
    const icons = (['success', 'failure', 'warning', 'neutral'] as const).map(
      (v) => new SummaryBuilder().verdict(v, 'x').toString()[0]
    );
    expect(new Set(icons).size).toBe(4);
  });

  it('keeps hostile cells inside their cell and row', () => {
    const text = new SummaryBuilder().table(['a', 'b'], [['x | y', 'line1\nline2\r\nline3'], ['short']]).toString();
    expect(text.split('\n')).toEqual([
      '| a | b |',
      '| --- | --- |',
      '| x \\| y | line1<br>line2<br>line3 |',
      '| short |  |',
      ''
    ]);
    expect(escapeTableCell('a|b\nc')).toBe('a\\|b<br>c');
  });

  it('keeps headings and verdicts on one line', () => {
    expect(new SummaryBuilder().heading('two\nlines', 3).toString()).toBe('### two lines\n');
  });

  it('renders details with a plain-text summary and a markdown body', () => {
    const body = new SummaryBuilder().list(['one', 'two']);
    expect(new SummaryBuilder().details('<b>Log</b> & more', body).toString()).toBe(
      '<details>\n<summary>&lt;b&gt;Log&lt;/b&gt; &amp; more</summary>\n\n- one\n- two\n\n\n</details>\n'
    );
  });

  it('renders ordered and unordered lists, keeping continuation lines in the item', () => {
    expect(new SummaryBuilder().list(['a', 'b\nmore'], true).toString()).toBe('1. a\n2. b\n   more\n');
    expect(new SummaryBuilder().list([]).toString()).toBe('');
  });

  it('fences code with more backticks than the code contains', () => {
    expect(new SummaryBuilder().codeBlock('SELECT 1;\n', 'sql').toString()).toBe('```sql\nSELECT 1;\n```\n');
    expect(new SummaryBuilder().codeBlock('a ```` b').toString()).toBe('`````\na ```` b\n`````\n');
  });
});

describe('fitToLimit', () => {
  it('returns text under the limit unchanged', () => {
    expect(fitToLimit('small', 100)).toBe('small');
    expect(SUMMARY_LIMIT_BYTES).toBeLessThan(1024 * 1024);
  });

  it('cuts at a line boundary, stays under the byte limit and says how much was cut', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `| row ${i} | ${'x'.repeat(40)} |`);
    const text = lines.join('\n') + '\n';
    const result = fitToLimit(text, 4_000);
    expect(bytes(result)).toBeLessThanOrEqual(4_000);
    const [kept, note] = result.split('\n\n> ');
    expect(kept!.split('\n').every((line) => lines.includes(line))).toBe(true);
    expect(result).toMatch(/\|\n\n> \*\*Note:\*\*/);
    expect(note).toMatch(/truncated.*: \d+\.\d KiB \(\d+ lines\) cut/);
    const keptLines = kept!.split('\n').length;
    expect(note).toContain(`(${200 - keptLines} lines)`);
  });

  it('measures UTF-8 bytes, not characters', () => {
    const text = '😀😀😀😀😀😀😀😀😀😀\n'.repeat(100); // 41 bytes but only 21 UTF-16 units a line
    const result = fitToLimit(text, 1_000);
    expect(bytes(result)).toBeLessThanOrEqual(1_000);
    expect(result).not.toContain('\uFFFD');
    expect(result.startsWith('😀😀😀😀😀😀😀😀😀😀\n')).toBe(true);
  });

  it('splits a single huge line without breaking a multi-byte character', () => {
    const result = fitToLimit('é'.repeat(10_000), 501);
    expect(bytes(result)).toBeLessThanOrEqual(501);
    expect(result).toMatch(/^é+\n\n> \*\*Note:\*\*/);
    expect(result).not.toContain('\uFFFD');
  });

  it('prefers a section boundary close to the limit', () => {
    const section = (n: number) => `## Section ${n}\n\n${'text line\n'.repeat(30)}`;
    const text = [1, 2, 3, 4].map(section).join('\n');
    const result = fitToLimit(text, 700);
    expect(result).toMatch(/text line\n\n> \*\*Note:\*\*/);
    expect(result).not.toMatch(/## Section \d+\n\n> /);
  });

  it('closes a code fence and <details> left open by the cut, so the note stays visible', () => {
    const text = `<details>\n<summary>Log</summary>\n\n\`\`\`\n${'log line\n'.repeat(500)}\`\`\`\n\n</details>\n`;
    const result = fitToLimit(text, 1_000);
    expect(bytes(result)).toBeLessThanOrEqual(1_000);
    expect(result).toMatch(/log line\n```\n\n<\/details>\n\n> \*\*Note:\*\*/);
  });

  it('handles the default limit of just under 1 MiB', () => {
    const text = 'line of a large report\n'.repeat(60_000);
    const result = fitToLimit(text);
    expect(bytes(text)).toBeGreaterThan(1024 * 1024);
    expect(bytes(result)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(bytes(result)).toBeGreaterThan(SUMMARY_LIMIT_BYTES - 2_000);
  });
});

describe('writeSummary', () => {
  // One file for the whole block: @actions/core remembers the summary path after its first write.
  let dir: string;
  let file: string;
  let savedEnv: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'summary-test-'));
    file = join(dir, 'summary.md');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    savedEnv = { ...process.env };
  });
  afterEach(() => {
    process.env = savedEnv;
  });

  it('appends the markdown to the step summary file', async () => {
    await writeFile(file, 'earlier\n');
    process.env['GITHUB_STEP_SUMMARY'] = file;
    await expect(writeSummary('✅ **all good**')).resolves.toBe(true);
    expect(await readFile(file, 'utf8')).toBe(`earlier\n✅ **all good**${'\n'}`);
  });

  it('writes a cut version of an oversized summary', async () => {
    await writeFile(file, '');
    process.env['GITHUB_STEP_SUMMARY'] = file;
    await writeSummary('x'.repeat(100) + '\n'.repeat(1) + 'y'.repeat(2 * 1024 * 1024));
    const written = await readFile(file, 'utf8');
    expect(bytes(written)).toBeLessThanOrEqual(1024 * 1024);
    expect(written).toContain('truncated');
  });

  it('skips writing when there is no summary file (outside a runner)', async () => {
    delete process.env['GITHUB_STEP_SUMMARY'];
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stdout.write);
    try {
      await expect(writeSummary('x')).resolves.toBe(false);
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toContain('::debug::GITHUB_STEP_SUMMARY is not set');
  });
});
