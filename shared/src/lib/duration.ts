import { ConfigurationError } from './errors.js';

const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;
type Unit = keyof typeof UNIT_MS;

// Largest unit first: this order is also the order components must appear in ("1h30m", not "30m1h"),
// so a typo such as "5m5m" is caught instead of silently summed.
const UNIT_ORDER: readonly Unit[] = ['h', 'm', 's', 'ms'];

// `ms` must be tried before `m` and `s`, otherwise "250ms" would read as 250 minutes plus a stray "s". No space
// between a number and its unit: "5 m" next to "1m 30s" reads as two values more often than as one.
const COMPONENT = /(\d+(?:\.\d+)?)(ms|h|m|s)/y;

/**
 * Node's timers hold a signed 32-bit millisecond count: a longer setTimeout fires after 1 ms (with a warning),
 * so a waiting loop given a longer duration spins. Callers that hand a duration to a timer either refuse
 * values above this (parseDuration's `max`) or split the wait.
 */
export const MAX_TIMER_MS = 2_147_483_647;

export interface DurationBounds {
  /** Smallest accepted value in ms (inclusive). */
  min?: number;
  /** Largest accepted value in ms (inclusive). */
  max?: number;
}

const EXAMPLES = 'like 250ms, 30s, 5m, 1h or 1m30s';

/**
 * Parses a human duration ("30s", "5m", "1h", "1m30s", "1.5s", "250ms") into milliseconds, optionally within
 * bounds; every refusal is one ConfigurationError line naming the text.
 */
export function parseDuration(text: string, bounds: DurationBounds = {}): number {
  const ms = parseUnbounded(text);
  if (bounds.min !== undefined && ms < bounds.min) {
    throw new ConfigurationError(`Duration "${text}" is shorter than the minimum of ${formatDuration(bounds.min)}`);
  }
  if (bounds.max !== undefined && ms > bounds.max) {
    throw new ConfigurationError(`Duration "${text}" is longer than the maximum of ${formatDuration(bounds.max)}`);
  }
  return ms;
}

function parseUnbounded(text: string): number {
  const source = text.trim();
  if (source === '') {
    throw new ConfigurationError(`Duration is empty; write one ${EXAMPLES}`);
  }
  // A bare number is refused rather than guessed: "30" means seconds to some people and milliseconds to others.
  if (/^\d+(?:\.\d+)?$/.test(source)) {
    throw new ConfigurationError(`Duration "${text}" has no unit; write it ${EXAMPLES} (e.g. "${source}s")`);
  }

  let total = 0;
  let position = 0;
  let lastUnitRank = -1;
  while (position < source.length) {
    COMPONENT.lastIndex = position;
    const match = COMPONENT.exec(source);
    if (!match) {
      const spaced = /^(\d+(?:\.\d+)?)\s+(ms|h|m|s)\b/.exec(source.slice(position));
      if (spaced) {
        throw new ConfigurationError(
          `Invalid duration "${text}": no space between a number and its unit; write "${spaced[1]}${spaced[2]}"`
        );
      }
      throw new ConfigurationError(`Invalid duration "${text}"; write it ${EXAMPLES}`);
    }
    const unit = match[2] as Unit;
    const rank = UNIT_ORDER.indexOf(unit);
    if (rank <= lastUnitRank) {
      throw new ConfigurationError(
        `Invalid duration "${text}": units must go from largest to smallest, each at most once (e.g. 1h30m)`
      );
    }
    lastUnitRank = rank;
    total += Number(match[1]) * UNIT_MS[unit];
    position = COMPONENT.lastIndex;
    // Allow "1m 30s" as well as "1m30s".
    while (source[position] === ' ') position++;
  }

  const ms = Math.round(total);
  if (!Number.isSafeInteger(ms)) {
    throw new ConfigurationError(`Duration "${text}" is too large`);
  }
  return ms;
}

/**
 * Formats milliseconds for people: "250ms", "1.5s", "1m30s", "2h5m". The output is accepted by
 * parseDuration, so a value echoed in a log can be pasted back into an input.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms < 0) return `-${formatDuration(-ms)}`;
  if (ms < 1_000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) {
    // Two decimals are enough to tell 1.05s from 1.5s; trailing zeros are noise.
    const seconds = (Math.round(ms / 10) / 100).toFixed(2).replace(/\.?0+$/, '');
    return seconds === '60' ? '1m' : `${seconds}s`;
  }

  let remaining = Math.round(ms / 1_000);
  const hours = Math.floor(remaining / 3_600);
  remaining -= hours * 3_600;
  const minutes = Math.floor(remaining / 60);
  const seconds = remaining - minutes * 60;
  const parts = [hours ? `${hours}h` : '', minutes ? `${minutes}m` : '', seconds ? `${seconds}s` : ''];
  return parts.join('');
}
