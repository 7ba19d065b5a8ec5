import { formatPercent } from '../engine/format.js';
import { CHANGE_FAIL_RATE, climb, interpolate, SCORE_ANCHORS } from '../engine/levels.js';
import type { Metric } from '../engine/metric.js';
import type { FailureKind } from '../engine/types.js';
import { countedIn, NO_DEPLOYMENTS, percent, thinCount } from './support.js';

const KINDS: FailureKind[] = ['failed', 'rolled-back', 'hotfix', 'revert', 'incident'];

export const changeFailRate: Metric<'change-fail-rate'> = {
  id: 'change-fail-rate',
  title: 'Change fail rate',
  group: 'instability',
  unit: 'percent',
  better: 'lower',
  definition:
    'share of deployments that failed, were rolled back, were followed by a hotfix or revert within the hotfix window, or are linked to an incident (named in it, or opened within the incident window); each failure lists why it counted',
  compute({ history, period }) {
    const counted = countedIn(history, period);
    const failed = counted.filter((d) => d.failure);
    const value = counted.length === 0 ? null : percent(failed.length, counted.length);
    const extra: Record<string, number | null> = { failures: failed.length, deployments: counted.length };
    for (const kind of KINDS)
      extra[kind] = failed.filter((d) => d.failure!.reasons.some((r) => r.kind === kind)).length;
    return {
      value,
      display: value === null ? 'no deployments' : `${formatPercent(value)} (${failed.length} of ${counted.length})`,
      sample: counted.length,
      thin: !history.anyDeployments
        ? NO_DEPLOYMENTS
        : counted.length === 0
          ? 'no deployments in the period'
          : thinCount(counted.length, 10, 'deployments'),
      extra,
      evidence: {
        deployments: failed.map((d) => d.key),
        changes: [],
        incidents: failed.flatMap((d) =>
          d.failure!.reasons.filter((r) => r.incident !== undefined).map((r) => `${d.repo}#issue-${r.incident}`)
        )
      }
    };
  },
  level: (value, report) => climb(value, CHANGE_FAIL_RATE[report], 'lower'),
  score: (value) => interpolate(value, SCORE_ANCHORS.rate, false)
};
