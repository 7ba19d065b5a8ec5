// One CSV of everything behind the numbers, a row per metric (per period), deployment, change and incident,
// for spreadsheets and dashboards. Columns that do not apply to a record are empty.
import { HOUR_MS } from '../engine/stats.js';
import type { DoraReport } from '../engine/types.js';
import { csvDocument, type CsvValue } from '../../../../shared/src/lib/csv.js';

export const CSV_COLUMNS = [
  'record',
  'repo',
  'period',
  'metric',
  'value',
  'display',
  'level',
  'score',
  'sample',
  'deployment',
  'sha',
  'at',
  'outcome',
  'redeploy',
  'rollback',
  'change',
  'pull',
  'title',
  'author',
  'first_commit_at',
  'opened_at',
  'first_review_at',
  'merged_at',
  'lead_time_hours',
  'coding_hours',
  'pickup_hours',
  'review_hours',
  'deploy_hours',
  'failure_reasons',
  'recovery_hours',
  'rework_reasons',
  'incident',
  'incident_cause',
  'closed_at',
  'url'
] as const;

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], CsvValue>>;

const hours = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : ms / HOUR_MS);

export function renderCsv(report: DoraReport): string {
  const rows: Row[] = [];
  for (const r of [...report.repositories, ...(report.combined ? [report.combined] : [])]) {
    for (const m of r.metrics) {
      for (const [period, v] of [
        ['current', m.current],
        ['previous', m.previous]
      ] as const) {
        rows.push({
          record: 'metric',
          repo: r.repo,
          period,
          metric: m.id,
          value: v.value,
          display: v.display,
          level: v.level,
          score: v.score,
          sample: v.sample
        });
      }
    }
    if (r === report.combined) continue;
    for (const d of r.deployments) {
      rows.push({
        record: 'deployment',
        repo: d.repo,
        deployment: d.id,
        sha: d.sha,
        at: d.at,
        outcome: d.outcome,
        redeploy: d.redeploy,
        rollback: d.rollback?.detail ?? null,
        failure_reasons: d.failure?.reasons.map((x) => `${x.kind}: ${x.detail}`).join('; ') ?? null,
        recovery_hours: hours(d.failure?.recoveryMs),
        rework_reasons: d.rework?.reasons.map((x) => `${x.kind}: ${x.detail}`).join('; ') ?? null,
        url: d.url
      });
    }
    for (const c of r.changes) {
      rows.push({
        record: 'change',
        repo: c.repo,
        deployment: c.deployment.slice(c.deployment.lastIndexOf('#') + 1),
        sha: c.commits[0],
        at: c.deployedAt,
        change: c.key,
        pull: c.pull,
        title: c.title,
        author: c.author,
        first_commit_at: c.firstCommitAt,
        opened_at: c.openedAt,
        first_review_at: c.firstReviewAt,
        merged_at: c.mergedAt,
        lead_time_hours: hours(c.leadTimeMs),
        coding_hours: hours(c.split.codingMs),
        pickup_hours: hours(c.split.pickupMs),
        review_hours: hours(c.split.reviewMs),
        deploy_hours: hours(c.split.deployMs),
        url: c.url
      });
    }
    for (const i of r.incidents) {
      rows.push({
        record: 'incident',
        repo: i.repo,
        incident: i.number,
        title: i.title,
        at: i.createdAt,
        closed_at: i.closedAt,
        incident_cause: i.cause ? i.cause.slice(i.cause.lastIndexOf('#') + 1) : null,
        deployment: i.fixedBy ? i.fixedBy.slice(i.fixedBy.lastIndexOf('#') + 1) : null,
        url: i.url
      });
    }
  }
  return csvDocument(CSV_COLUMNS, rows);
}
