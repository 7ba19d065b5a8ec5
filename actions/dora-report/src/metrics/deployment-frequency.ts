import { formatPercent, formatRate } from '../engine/format.js';
import { climb, DEPLOYMENT_FREQUENCY, interpolate, SCORE_ANCHORS } from '../engine/levels.js';
import type { Metric } from '../engine/metric.js';
import { NO_DEPLOYMENTS, percent, periodDays, shippedIn } from './support.js';

export const deploymentFrequency: Metric<'deployment-frequency'> = {
  id: 'deployment-frequency',
  title: 'Deployment frequency',
  group: 'throughput',
  unit: 'per-day',
  better: 'higher',
  definition:
    'successful production deployments that shipped a new version (redeploys of the live sha left out), per day, with the share of days that had one',
  compute({ history, period }) {
    const shipped = shippedIn(history, period);
    const days = periodDays(period);
    const perDay = shipped.length / days;
    const deploymentDays = new Set(shipped.map((d) => d.at.slice(0, 10))).size;
    const share = percent(deploymentDays, Math.max(1, Math.round(days)));
    return {
      value: perDay,
      display: `${formatRate(perDay)} (${shipped.length} in ${Math.round(days)} days, on ${formatPercent(share)} of days)`,
      sample: shipped.length,
      thin: !history.anyDeployments ? NO_DEPLOYMENTS : days < 7 ? 'the period is shorter than a week' : null,
      extra: { deployments: shipped.length, perWeek: perDay * 7, deploymentDays, daysWithDeploymentPercent: share },
      evidence: { deployments: shipped.map((d) => d.key), changes: [], incidents: [] }
    };
  },
  level: (value, report) => climb(value, DEPLOYMENT_FREQUENCY[report], 'higher'),
  score: (value) => interpolate(value, SCORE_ANCHORS.deploymentFrequency, true)
};
