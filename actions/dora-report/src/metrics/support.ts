// What the metrics count, in one place so they agree: a deployment "counts" when it is not the baseline, not a
// redeploy of the live sha, and finished (succeeded or failed) inside the period.
import { DAY_MS, ms, within } from '../engine/stats.js';
import type { DeploymentView, History, Period } from '../engine/types.js';

export function finishedIn(history: History, period: Period): DeploymentView[] {
  return history.deployments.filter((d) => !d.baseline && d.outcome !== 'pending' && within(d.at, period));
}

/** Attempts that could change production: finished, not redeploys. */
export function countedIn(history: History, period: Period): DeploymentView[] {
  return finishedIn(history, period).filter((d) => !d.redeploy);
}

/** Deployments that put something new in production. */
export function shippedIn(history: History, period: Period): DeploymentView[] {
  return countedIn(history, period).filter((d) => d.outcome === 'success');
}

export function periodDays(period: Period): number {
  return (ms(period.end) - ms(period.start)) / DAY_MS;
}

export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : (100 * part) / whole;
}

export const NO_DEPLOYMENTS =
  'no deployments were found at all for this environment and source: check the environment name and the source';

/** `what` is the plural; `one` the singular when it is not `what` without its final s. */
export function thinCount(n: number, minimum: number, what: string, one = what.replace(/s$/, '')): string | null {
  return n < minimum ? `${n} ${n === 1 ? one : what} in the period, at least ${minimum} needed` : null;
}
