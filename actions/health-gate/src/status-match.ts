// Expected HTTP statuses, written the way people say them: `2xx`, `200`, `200-299`, or a list `200,204,3xx`.
import { ConfigurationError } from '../../../shared/src/lib/errors.js';

export type StatusMatcher = (status: number) => boolean;

interface StatusRange {
  low: number;
  high: number;
  /** The token as it will be shown back ("2xx", "200", "200-299"). */
  label: string;
}

const HINT = 'write a status (200), a class (2xx), a range (200-299) or a list of them (200,204,3xx)';
const MIN_STATUS = 100;
const MAX_STATUS = 599;

function parseToken(token: string, text: string): StatusRange {
  const klass = /^([1-5])xx$/i.exec(token);
  if (klass) {
    const hundred = Number(klass[1]) * 100;
    return { low: hundred, high: hundred + 99, label: `${klass[1]}xx` };
  }
  const range = /^(\d{3})\s*-\s*(\d{3})$/.exec(token);
  if (range) {
    const low = Number(range[1]);
    const high = Number(range[2]);
    checkBounds(low, token, text);
    checkBounds(high, token, text);
    if (low > high) {
      throw new ConfigurationError(`Invalid status "${text}": range ${token} goes from high to low`);
    }
    return { low, high, label: `${low}-${high}` };
  }
  if (/^\d{3}$/.test(token)) {
    const status = Number(token);
    checkBounds(status, token, text);
    return { low: status, high: status, label: token };
  }
  throw new ConfigurationError(`Invalid status "${text}": cannot read "${token}"; ${HINT}`);
}

function checkBounds(status: number, token: string, text: string): void {
  if (status < MIN_STATUS || status > MAX_STATUS) {
    throw new ConfigurationError(
      `Invalid status "${text}": ${token} is outside the HTTP status range ${MIN_STATUS}-${MAX_STATUS}`
    );
  }
}

function parseRanges(text: string): StatusRange[] {
  // Spaces around the dash of a range are allowed ("200 - 299"), so they are glued before splitting the list.
  const tokens = text
    .trim()
    .replace(/\s*-\s*/g, '-')
    .split(/[\s,]+/)
    .filter((token) => token !== '');
  if (tokens.length === 0) {
    throw new ConfigurationError(`Invalid status "${text}": it is empty; ${HINT}`);
  }
  return tokens.map((token) => parseToken(token, text));
}

/** Compiles status matcher text; throws ConfigurationError naming the text when it cannot be read. */
export function parseStatusMatcher(text: string): StatusMatcher {
  const ranges = parseRanges(text);
  return (status: number) => ranges.some((range) => status >= range.low && status <= range.high);
}

/** The matcher in words for messages: "2xx", "200 or 204", "200, 204 or 3xx". */
export function describeStatusMatcher(text: string): string {
  const labels = parseRanges(text).map((range) => range.label);
  if (labels.length === 1) return labels[0];
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}
