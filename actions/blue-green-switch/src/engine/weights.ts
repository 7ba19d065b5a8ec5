// Weights as data: validation (whole percent, 0-100, summing to 100, known colours), canary schedules, and the
// translation of colour shares into per-server weights a weighted round robin honours exactly.
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import type { Color, ColorSpec, Weights } from './types.js';

/** Throws a one-line ConfigurationError unless weights cover exactly the known colours, 0-100, sum 100. */
export function validateWeights(weights: unknown, colors: readonly Color[], where: string): Weights {
  if (typeof weights !== 'object' || weights === null || Array.isArray(weights)) {
    throw new ConfigurationError(
      `${where}: weights must be a mapping of colour to percent; got ${JSON.stringify(weights)}`
    );
  }
  const entries = Object.entries(weights as Record<string, unknown>);
  for (const [color, value] of entries) {
    if (!colors.includes(color)) {
      throw new ConfigurationError(`${where}: unknown colour "${color}" in weights (known: ${colors.join(', ')})`);
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100) {
      throw new ConfigurationError(
        `${where}: weight of ${color} must be a whole percent between 0 and 100; got ${JSON.stringify(value)}`
      );
    }
  }
  const result: Weights = {};
  for (const color of colors) result[color] = (weights as Record<string, number>)[color] ?? 0;
  const sum = Object.values(result).reduce((a, b) => a + b, 0);
  if (sum !== 100)
    throw new ConfigurationError(`${where}: weights must sum to 100; got ${sum} (${formatWeights(result)})`);
  return result;
}

/** `blue 90 / green 10`. */
export function formatWeights(weights: Weights): string {
  return Object.entries(weights)
    .map(([color, weight]) => `${color} ${weight}`)
    .join(' / ');
}

export function sameWeights(a: Weights, b: Weights): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
}

/** All traffic on one colour. */
export function allOn(color: Color, colors: readonly Color[]): Weights {
  return Object.fromEntries(colors.map((c) => [c, c === color ? 100 : 0]));
}

/** The colour with all the traffic, or null when it is split. */
export function liveColor(weights: Weights): Color | null {
  return Object.entries(weights).find(([, w]) => w === 100)?.[0] ?? null;
}

/** The new colour at `percent`, the old one at the rest. */
export function canaryWeights(from: Color, to: Color, percent: number, colors: readonly Color[]): Weights {
  const weights: Weights = Object.fromEntries(colors.map((c) => [c, 0]));
  weights[to] = percent;
  weights[from] = (weights[from] ?? 0) + 100 - percent;
  return weights;
}

/** Parses `10,50,100` (commas, spaces or newlines; `%` allowed): whole percents 1-100, strictly increasing. */
export function parseSteps(text: string, where = 'steps'): number[] {
  const parts = text
    .split(/[\s,]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) throw new ConfigurationError(`${where}: no steps; write them like 10,50,100`);
  const steps = parts.map((part) => {
    const match = /^(\d+)%?$/.exec(part);
    const value = match ? Number(match[1]) : NaN;
    if (!match || value < 1 || value > 100) {
      throw new ConfigurationError(
        `${where}: "${part}" is not a percent between 1 and 100; write steps like 10,50,100`
      );
    }
    return value;
  });
  for (let i = 1; i < steps.length; i++) {
    if (steps[i] <= steps[i - 1]) {
      throw new ConfigurationError(`${where}: steps must increase; ${steps[i]} follows ${steps[i - 1]}`);
    }
  }
  return steps;
}

/** Resolves `--to`: a colour's name, or `other` / empty for the one colour that is not live. */
export function resolveTarget(to: string | undefined, live: Color | null, colors: readonly Color[]): Color {
  const wanted = to?.trim() ?? '';
  if (wanted === '' || wanted === 'other') {
    if (colors.length !== 2) {
      throw new ConfigurationError(
        `"to" is required with ${colors.length} colours (choose one of ${colors.join(', ')})`
      );
    }
    if (live === null) {
      throw new ConfigurationError(
        `"to" is required: traffic is split, so there is no "other" colour (${colors.join(', ')})`
      );
    }
    return colors.find((c) => c !== live)!;
  }
  if (!colors.includes(wanted)) {
    throw new ConfigurationError(`unknown colour "${wanted}"; the router config defines ${colors.join(', ')}`);
  }
  return wanted;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Per-server integer weights for a weighted round robin such that each colour's share is exactly its weight:
 * every server of colour c gets W_c * L / n_c, L = lcm of the server counts, reduced by the common divisor.
 * A colour at 0 gets 0 (the router decides whether that is `down`, omitted, or weight 0). When the result
 * exceeds `max` (HAProxy: 256) it is scaled down and rounded: shares then deviate by at most a few tenths of a
 * percent, which the verify tolerance absorbs.
 */
export function serverWeights(
  weights: Weights,
  colors: readonly ColorSpec[],
  max = Number.MAX_SAFE_INTEGER
): Map<string, number> {
  const counts = colors.map((c) => c.servers.length);
  const lcm = counts.reduce((a, b) => (a * b) / gcd(a, b), 1);
  const raw = new Map<string, number>();
  for (const color of colors) {
    const perServer = ((weights[color.name] ?? 0) * lcm) / color.servers.length;
    for (const server of color.servers) raw.set(server, perServer);
  }
  const positive = [...raw.values()].filter((w) => w > 0);
  const divisor = positive.reduce((a, b) => gcd(a, b), positive[0] ?? 1);
  const highest = Math.max(1, ...positive.map((w) => w / divisor));
  const scale = highest > max ? max / highest : 1;
  const result = new Map<string, number>();
  for (const [server, w] of raw) result.set(server, w === 0 ? 0 : Math.max(1, Math.round((w / divisor) * scale)));
  return result;
}

/** Whole-percent shares per colour from per-server weights (the inverse of serverWeights, rounded). */
export function sharesFromServerWeights(
  perServer: { color: Color; weight: number }[],
  colors: readonly Color[]
): Weights {
  const total = perServer.reduce((a, s) => a + s.weight, 0);
  const weights: Weights = Object.fromEntries(colors.map((c) => [c, 0]));
  if (total === 0) return weights;
  for (const s of perServer) weights[s.color] = (weights[s.color] ?? 0) + (s.weight / total) * 100;
  // Largest-remainder rounding keeps the sum at exactly 100.
  const floors = Object.entries(weights).map(([c, w]) => ({
    c,
    floor: Math.floor(w + 1e-9),
    rest: w - Math.floor(w + 1e-9)
  }));
  let missing = 100 - floors.reduce((a, f) => a + f.floor, 0);
  for (const f of [...floors].sort((a, b) => b.rest - a.rest)) {
    if (missing <= 0) break;
    f.floor++;
    missing--;
  }
  return Object.fromEntries(floors.map((f) => [f.c, f.floor]));
}
