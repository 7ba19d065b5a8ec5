/**
 * JUnit XML for test-like actions (contract tests, smoke checks), in the dialect CI test reporters read:
 * <testsuites> / <testsuite> / <testcase> with <failure>, <error> or <skipped>, counts and times in seconds.
 * Everything written comes from untrusted text (response bodies, spec files), so escaping is the main job.
 */

export type JUnitStatus = 'passed' | 'failed' | 'skipped' | 'error';

export interface JUnitCase {
  name: string;
  className?: string;
  timeMs: number;
  status: JUnitStatus;
  message?: string;
  details?: string;
  file?: string;
  line?: number;
}

export interface JUnitSuite {
  name: string;
  cases: readonly JUnitCase[];
}

export interface JUnitReport {
  name: string;
  suites: readonly JUnitSuite[];
}

// Characters XML 1.0 forbids outright (most C0 controls, lone surrogates, U+FFFE/U+FFFF). Escaping cannot
// help with these: a parser rejects even &#0;, so they are removed.
const ILLEGAL_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripIllegalXmlChars(text: string): string {
  return text.replace(ILLEGAL_XML_CHARS, '');
}

// A literal carriage return would be turned into a line feed by the parser (end-of-line normalisation),
// so it is written as a character reference.
function escapeText(text: string): string {
  return stripIllegalXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

// In attributes, literal tabs and line feeds would be normalised to spaces; character references keep them.
function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}

function attributes(pairs: [string, string | number | undefined][]): string {
  return pairs
    .filter((pair): pair is [string, string | number] => pair[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
    .join('');
}

function seconds(ms: number): string {
  return (Math.max(0, Number.isFinite(ms) ? ms : 0) / 1000).toFixed(3);
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  timeMs: number;
}

function count(cases: readonly JUnitCase[]): Counts {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.status === 'failed').length,
    errors: cases.filter((c) => c.status === 'error').length,
    skipped: cases.filter((c) => c.status === 'skipped').length,
    timeMs: cases.reduce((sum, c) => sum + (Number.isFinite(c.timeMs) ? Math.max(0, c.timeMs) : 0), 0)
  };
}

function countAttributes(counts: Counts): [string, number | string][] {
  return [
    ['tests', counts.tests],
    ['failures', counts.failures],
    ['errors', counts.errors],
    ['skipped', counts.skipped],
    ['time', seconds(counts.timeMs)]
  ];
}

function renderCase(testCase: JUnitCase, suiteName: string): string {
  const open = `    <testcase${attributes([
    ['name', testCase.name],
    ['classname', testCase.className ?? suiteName],
    ['time', seconds(testCase.timeMs)],
    ['file', testCase.file],
    ['line', testCase.line]
  ])}`;
  const element = { failed: 'failure', error: 'error', skipped: 'skipped', passed: undefined }[testCase.status];
  if (element === undefined) return `${open}/>`;

  const messageAttribute = attributes([['message', testCase.message]]);
  const body = testCase.details ?? (element === 'skipped' ? undefined : testCase.message);
  const child =
    body === undefined || body === ''
      ? `<${element}${messageAttribute}/>`
      : `<${element}${messageAttribute}>${escapeText(body)}</${element}>`;
  return `${open}>\n      ${child}\n    </testcase>`;
}

function renderSuite(suite: JUnitSuite): string {
  const header = `  <testsuite${attributes([['name', suite.name], ...countAttributes(count(suite.cases))])}`;
  if (suite.cases.length === 0) return `${header}/>`;
  return `${header}>\n${suite.cases.map((c) => renderCase(c, suite.name)).join('\n')}\n  </testsuite>`;
}

/** Renders the report as a JUnit XML document. */
export function buildJUnit(report: JUnitReport): string {
  const allCases = report.suites.flatMap((suite) => suite.cases);
  const root = `<testsuites${attributes([['name', report.name], ...countAttributes(count(allCases))])}>`;
  const suites = report.suites.map(renderSuite);
  return ['<?xml version="1.0" encoding="UTF-8"?>', root, ...suites, '</testsuites>', ''].join('\n');
}
