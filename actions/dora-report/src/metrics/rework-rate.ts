import { formatPercent } from '../engine/format.js';
import { interpolate, SCORE_ANCHORS } from '../engine/levels.js';
import type { Metric } from '../engine/metric.js';
import { NO_DEPLOYMENTS, percent, shippedIn, thinCount } from './support.js';

export const reworkRate: Metric<'deployment-rework-rate'> = {
  id: 'deployment-rework-rate',
  title: 'Deployment rework rate',
  group: 'instability',
  unit: 'percent',
  better: 'lower',
  definition:
    'share of successful deployments that were unplanned, made because of a production problem: rollbacks, and deployments shipping a hotfix, a revert or a change that closes an incident',
  compute({ history, period }) {
    const shipped = shippedIn(history, period);
    const rework = shipped.filter((d) => d.rework);
    const value = shipped.length === 0 ? null : percent(rework.length, shipped.length);
    return {
      value,
      display: value === null ? 'no deployments' : `${formatPercent(value)} (${rework.length} of ${shipped.length})`,
      sample: shipped.length,
      thin: !history.anyDeployments
        ? NO_DEPLOYMENTS
        : shipped.length === 0
          ? 'no deployments in the period'
          : thinCount(shipped.length, 10, 'deployments'),
      extra: { rework: rework.length, deployments: shipped.length },
      evidence: {
        deployments: rework.map((d) => d.key),
        changes: [],
        incidents: rework.flatMap((d) =>
          d.rework!.reasons.filter((r) => r.incident !== undefined).map((r) => `${d.repo}#issue-${r.incident}`)
        )
      }
    };
  },
  // The 2023 and 2024 clusters have no rework rate.
  level: () => null,
  score: (value) => interpolate(value, SCORE_ANCHORS.rate, false)
};
