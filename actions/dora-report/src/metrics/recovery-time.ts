import { formatHours } from '../engine/format.js';
import { climb, interpolate, RECOVERY_TIME, SCORE_ANCHORS } from '../engine/levels.js';
import type { Metric } from '../engine/metric.js';
import { HOUR_MS, median, quantile } from '../engine/stats.js';
import { countedIn, NO_DEPLOYMENTS, thinCount } from './support.js';

export const recoveryTime: Metric<'failed-deployment-recovery-time'> = {
  id: 'failed-deployment-recovery-time',
  title: 'Failed deployment recovery time',
  group: 'throughput',
  unit: 'hours',
  better: 'lower',
  definition:
    "2023 definition: from a failed deployment to the incident's close when an incident is linked, else to its rollback or fix, else to the next successful deployment; median and p90",
  compute({ history, period }) {
    const failures = countedIn(history, period).filter((d) => d.failure);
    const recovered = failures.filter((d) => d.failure!.recoveryMs !== null);
    const hours = recovered.map((d) => d.failure!.recoveryMs! / HOUR_MS);
    const m = median(hours);
    const open = failures.length - recovered.length;
    return {
      value: m,
      display:
        failures.length === 0
          ? 'no failed deployments'
          : m === null
            ? `${failures.length} failed, none recovered yet`
            : `${formatHours(m * HOUR_MS)} median over ${recovered.length} recover${recovered.length === 1 ? 'y' : 'ies'}${open > 0 ? ` (${open} not recovered)` : ''}`,
      sample: recovered.length,
      thin: !history.anyDeployments
        ? NO_DEPLOYMENTS
        : failures.length === 0
          ? 'no failed deployments in the period: nothing to recover from'
          : thinCount(recovered.length, 3, 'recoveries', 'recovery'),
      extra: { p90: quantile(hours, 0.9), failures: failures.length, recovered: recovered.length, notRecovered: open },
      evidence: {
        deployments: failures.flatMap((d) => [d.key, ...(d.failure!.recoveredBy ? [d.failure!.recoveredBy] : [])]),
        changes: [],
        incidents: failures.flatMap((d) =>
          d.failure!.reasons.filter((r) => r.incident !== undefined).map((r) => `${d.repo}#issue-${r.incident}`)
        )
      }
    };
  },
  level: (value, report) => climb(value, RECOVERY_TIME[report], 'lower'),
  score: (value) => interpolate(value, SCORE_ANCHORS.duration, true)
};
