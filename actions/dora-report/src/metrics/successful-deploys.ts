import { formatPercent } from '../engine/format.js';
import { interpolate } from '../engine/levels.js';
import type { Metric } from '../engine/metric.js';
import { finishedIn, NO_DEPLOYMENTS, percent, thinCount } from './support.js';

export const successfulDeploys: Metric<'successful-deploys'> = {
  id: 'successful-deploys',
  title: 'Successful deploys',
  group: 'other',
  unit: 'percent',
  better: 'higher',
  definition:
    'share of finished deployment attempts (redeploys included) whose last status is success; not a DORA metric',
  compute({ history, period }) {
    const finished = finishedIn(history, period);
    const ok = finished.filter((d) => d.outcome === 'success');
    const value = finished.length === 0 ? null : percent(ok.length, finished.length);
    return {
      value,
      display: value === null ? 'no deployments' : `${formatPercent(value)} (${ok.length} of ${finished.length})`,
      sample: finished.length,
      thin: !history.anyDeployments
        ? NO_DEPLOYMENTS
        : finished.length === 0
          ? 'no deployments in the period'
          : thinCount(finished.length, 10, 'deployments'),
      extra: { successful: ok.length, attempts: finished.length },
      evidence: {
        deployments: finished.filter((d) => d.outcome !== 'success').map((d) => d.key),
        changes: [],
        incidents: []
      }
    };
  },
  level: () => null,
  score: (value) =>
    interpolate(
      value,
      [
        [0, 0],
        [100, 10]
      ],
      false
    )
};
