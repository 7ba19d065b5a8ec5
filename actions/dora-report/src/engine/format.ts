// Numbers for people. Shared by the engine's one-line reasons and the renderers.
import { DAY_MS, HOUR_MS } from './stats.js';

/** `45m`, `5h 10m`, `3d 4h`, `21d`. */
export function formatHours(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  const minutes = Math.round(Math.max(0, ms) / 60_000);
  if (minutes < 60) return `${minutes}m`;
  // Hours up to two days: "24h" reads better than "1d" next to windows given in hours.
  if (ms < 2 * DAY_MS) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 ? `${h}h` : `${h}h ${m}m`;
  }
  const hours = Math.round(ms / HOUR_MS);
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return d >= 14 || h === 0 ? `${Math.round(ms / DAY_MS)}d` : `${d}d ${h}h`;
}

function trim(n: number, digits: number): string {
  return n.toFixed(digits).replace(/\.?0+$/, '');
}

/** `2.3/day`, `3.5/week`, `1.2/month` (30 days). */
export function formatRate(perDay: number): string {
  if (perDay >= 1) return `${trim(perDay, 1)}/day`;
  if (perDay * 7 >= 1) return `${trim(perDay * 7, 1)}/week`;
  return `${trim(perDay * 30, 1)}/month`;
}

/** `8%`, `7.5%`, `0.3%`. */
export function formatPercent(value: number): string {
  return `${value >= 10 || Number.isInteger(value) ? Math.round(value) : trim(value, 1)}%`;
}
