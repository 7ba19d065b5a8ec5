import { formatHours } from '../engine/format.js';
import { climb, interpolate, LEAD_TIME, SCORE_ANCHORS } from '../engine/levels.js';
import type { Metric } from '../engine/metric.js';
import { HOUR_MS, median, quantile, within } from '../engine/stats.js';
import { NO_DEPLOYMENTS, thinCount } from './support.js';

export const changeLeadTime: Metric<'change-lead-time'> = {
  id: 'change-lead-time',
  title: 'Change lead time',
  group: 'throughput',
  unit: 'hours',
  better: 'lower',
  definition:
    'first commit to running in production, per change (a PR, or a commit pushed without one), median and p90; split into coding (first commit to PR opened), pickup (to first review), review (to merge) and deploy (to production)',
  compute({ history, period }) {
    const changes = history.changes.filter((c) => within(c.deployedAt, period));
    const hours = (values: number[]) => values.map((v) => v / HOUR_MS);
    const lead = hours(changes.map((c) => c.leadTimeMs));
    const m = median(lead);
    const p90 = quantile(lead, 0.9);
    const pulls = changes.filter((c) => c.kind === 'pull');
    return {
      value: m,
      display:
        m === null
          ? 'no changes reached production'
          : `${formatHours(m * HOUR_MS)} median, p90 ${formatHours(p90! * HOUR_MS)}`,
      sample: changes.length,
      thin: !history.anyDeployments
        ? NO_DEPLOYMENTS
        : changes.length === 0
          ? 'no changes reached production in the period'
          : thinCount(changes.length, 5, 'changes'),
      extra: {
        p90,
        changes: changes.length,
        pulls: pulls.length,
        codingHours: median(hours(pulls.map((c) => c.split.codingMs))),
        pickupHours: median(hours(pulls.map((c) => c.split.pickupMs))),
        reviewHours: median(hours(pulls.map((c) => c.split.reviewMs))),
        deployHours: median(hours(changes.map((c) => c.split.deployMs)))
      },
      evidence: {
        deployments: [...new Set(changes.map((c) => c.deployment))],
        changes: changes.map((c) => c.key),
        incidents: []
      }
    };
  },
  level: (value, report) => climb(value, LEAD_TIME[report], 'lower'),
  score: (value) => interpolate(value, SCORE_ANCHORS.duration, true)
};
