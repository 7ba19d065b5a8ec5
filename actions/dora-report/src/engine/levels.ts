// The published levels, as ladders read from elite down: a value gets the first level whose bound it meets.
// Sources and the reading of each table are in ../../docs/levels.md. Where a report's lower cluster shows a
// better value than the one above it (2024: medium change fail rate 10% vs high 20%; medium recovery "less than
// one day" like high), that level cannot be reached per metric, and the docs say so.
import { DAY_MS, HOUR_MS } from './stats.js';
import type { Level } from './types.js';

export interface Rung {
  level: Level;
  /** The value must be at most (lower is better) or at least (higher is better) this. */
  bound: number;
  /** Strict comparison ("less than one day"). */
  strict?: boolean;
}

export type Ladder = readonly Rung[];

export function climb(value: number, ladder: Ladder, better: 'higher' | 'lower'): Level {
  for (const rung of ladder) {
    const meets =
      better === 'lower'
        ? rung.strict
          ? value < rung.bound
          : value <= rung.bound
        : rung.strict
          ? value > rung.bound
          : value >= rung.bound;
    if (meets) return rung.level;
  }
  return 'low';
}

const WEEK_MS = 7 * DAY_MS;
const MONTH_MS = 30 * DAY_MS;

/** Deployments per day: on demand (daily or more), daily to weekly, weekly to monthly, below. */
export const DEPLOYMENT_FREQUENCY: Record<'2023' | '2024', Ladder> = {
  '2023': [
    { level: 'elite', bound: 1 },
    { level: 'high', bound: 1 / 7 },
    { level: 'medium', bound: 1 / 30 }
  ],
  '2024': [
    { level: 'elite', bound: 1 },
    { level: 'high', bound: 1 / 7 },
    { level: 'medium', bound: 1 / 30 }
  ]
};

/** Median change lead time in hours. */
export const LEAD_TIME: Record<'2023' | '2024', Ladder> = {
  '2023': [
    { level: 'elite', bound: DAY_MS / HOUR_MS, strict: true },
    { level: 'high', bound: WEEK_MS / HOUR_MS },
    { level: 'medium', bound: MONTH_MS / HOUR_MS }
  ],
  '2024': [
    { level: 'elite', bound: DAY_MS / HOUR_MS, strict: true },
    { level: 'high', bound: WEEK_MS / HOUR_MS },
    { level: 'medium', bound: MONTH_MS / HOUR_MS }
  ]
};

/** Change fail rate in percent. */
export const CHANGE_FAIL_RATE: Record<'2023' | '2024', Ladder> = {
  '2023': [
    { level: 'elite', bound: 5 },
    { level: 'high', bound: 10 },
    { level: 'medium', bound: 15 }
  ],
  '2024': [
    { level: 'elite', bound: 5 },
    { level: 'high', bound: 20 },
    { level: 'medium', bound: 10 }
  ]
};

/** Median failed deployment recovery time in hours. */
export const RECOVERY_TIME: Record<'2023' | '2024', Ladder> = {
  '2023': [
    { level: 'elite', bound: 1, strict: true },
    { level: 'high', bound: 24, strict: true },
    { level: 'medium', bound: WEEK_MS / HOUR_MS }
  ],
  '2024': [
    { level: 'elite', bound: 1, strict: true },
    { level: 'high', bound: 24, strict: true },
    { level: 'medium', bound: 24, strict: true }
  ]
};

/**
 * A 0-10 score by interpolating between anchor points (log scale for rates and durations), in the spirit of
 * the Quick Check's 0-10 scale. DORA does not publish its formula: these anchors are ours (docs/levels.md).
 */
export function interpolate(value: number, anchors: readonly (readonly [number, number])[], logScale: boolean): number {
  const x = (v: number): number => (logScale ? Math.log(Math.max(v, 1e-9)) : v);
  const sorted = [...anchors].sort((a, b) => a[0] - b[0]);
  if (value <= sorted[0][0]) return round(sorted[0][1]);
  if (value >= sorted.at(-1)![0]) return round(sorted.at(-1)![1]);
  for (let i = 1; i < sorted.length; i++) {
    const [x1, y1] = sorted[i];
    const [x0, y0] = sorted[i - 1];
    if (value <= x1) return round(y0 + ((y1 - y0) * (x(value) - x(x0))) / (x(x1) - x(x0)));
  }
  return round(sorted.at(-1)![1]);
}

function round(score: number): number {
  return Math.round(Math.min(10, Math.max(0, score)) * 10) / 10;
}

export const SCORE_ANCHORS = {
  /** Deployments per day. */
  deploymentFrequency: [
    [1 / 365, 0],
    [1 / 182, 2],
    [1 / 30, 4],
    [1 / 7, 6],
    [1, 8],
    [5, 10]
  ],
  /** Hours. */
  duration: [
    [0.25, 10],
    [1, 9],
    [24, 7],
    [168, 5],
    [720, 3],
    [4380, 1],
    [8760, 0]
  ],
  /** Percent. */
  rate: [
    [0, 10],
    [5, 8],
    [10, 6.5],
    [15, 5],
    [20, 4],
    [40, 2],
    [64, 0]
  ]
} as const;
