// Reporting periods and windows from what people type: `30d`, `12w`, `quarter`, `2026-Q1`, `2026-03`, or
// `since`/`until` dates. The clock is passed in, so the same input always gives the same period.
import { parseDuration } from '../../../../shared/src/lib/duration.js';
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import { closestName } from '../../../../shared/src/lib/suggest.js';
import { DAY_MS } from './stats.js';
import type { Period } from './types.js';

export interface PeriodInput {
  /** `30d`, `12w`, `month`, `quarter`, `year` (ending at until), or `2026-Q1`, `2026-03`, `2026`. */
  period?: string;
  since?: string;
  until?: string;
  now: Date;
  /** How a mistake names the setting (see RawOptions.label). */
  label?: (setting: string) => string;
}

export interface ResolvedPeriods {
  period: Period;
  previous: Period;
}

function parseInstant(text: string, what: string): number {
  const trimmed = text.trim();
  const value = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? Date.parse(`${trimmed}T00:00:00Z`) : Date.parse(trimmed);
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed) || !Number.isFinite(value)) {
    throw new ConfigurationError(`${what} must be a date like 2026-01-01 or 2026-01-01T12:00:00Z; got "${text}"`);
  }
  return value;
}

function addMonths(t: number, months: number): number {
  const d = new Date(t);
  return Date.UTC(
    d.getUTCFullYear(),
    d.getUTCMonth() + months,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds()
  );
}

const iso = (t: number): string => new Date(t).toISOString();

function calendar(start: number, months: number): ResolvedPeriods {
  const end = addMonths(start, months);
  return {
    period: { start: iso(start), end: iso(end) },
    previous: { start: iso(addMonths(start, -months)), end: iso(start) }
  };
}

function fixed(start: number, end: number, label: (setting: string) => string): ResolvedPeriods {
  if (!(end > start))
    throw new ConfigurationError(`the period is empty: ${label('until')} must be after ${label('since')}`);
  return {
    period: { start: iso(start), end: iso(end) },
    previous: { start: iso(start - (end - start)), end: iso(start) }
  };
}

const NAMED_PERIODS = ['month', 'quarter', 'year'];

export function resolvePeriod(input: PeriodInput): ResolvedPeriods {
  const label = input.label ?? ((setting: string) => setting);
  const now = input.now.getTime();
  const until = input.until ? parseInstant(input.until, label('until')) : now;
  const period = input.period?.trim() ?? '';
  if (input.since) {
    if (period !== '') throw new ConfigurationError(`give either ${label('period')} or ${label('since')}, not both`);
    return fixed(parseInstant(input.since, label('since')), until, label);
  }
  const text = period === '' ? '30d' : period.toLowerCase();
  let match: RegExpExecArray | null;
  if ((match = /^(\d+)\s*(d|w)$/.exec(text))) {
    const days = Number(match[1]) * (match[2] === 'w' ? 7 : 1);
    if (days < 1 || days > 3660)
      throw new ConfigurationError(`${label('period')} must be between 1d and 3660d; got "${period}"`);
    return fixed(until - days * DAY_MS, until, label);
  }
  const back: Record<string, number> = { month: 1, quarter: 3, year: 12 };
  if (back[text] !== undefined) return fixed(addMonths(until, -back[text]), until, label);
  if ((match = /^(\d{4})-q([1-4])$/.exec(text)))
    return calendar(Date.UTC(Number(match[1]), (Number(match[2]) - 1) * 3, 1), 3);
  if ((match = /^(\d{4})-(\d{2})$/.exec(text)) && Number(match[2]) >= 1 && Number(match[2]) <= 12) {
    return calendar(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1), 1);
  }
  if ((match = /^(\d{4})$/.exec(text))) return calendar(Date.UTC(Number(match[1]), 0, 1), 12);
  const guess = /^[a-z]+$/.test(text) ? closestName(text, NAMED_PERIODS) : undefined;
  throw new ConfigurationError(
    `${label('period')} must look like 30d, 12w, month, quarter, year, 2026-Q1, 2026-03 or 2026; got "${input.period}"${guess ? ` (did you mean "${guess}"?)` : ''}`
  );
}

/** A window such as `24h`, `90m` or `2d` in milliseconds. */
export function parseWindow(text: string, what: string): number {
  const trimmed = text.trim();
  const days = /^(\d+(?:\.\d+)?)\s*([dw])$/.exec(trimmed);
  if (days) return Math.round(Number(days[1]) * (days[2] === 'w' ? 7 : 1) * DAY_MS);
  try {
    const value = parseDuration(trimmed);
    if (value <= 0) throw new ConfigurationError(`${what} must be longer than 0`);
    return value;
  } catch (error) {
    throw new ConfigurationError(`${what}: ${(error as Error).message.replace(/\.$/, '')} (or days, like 2d)`);
  }
}
