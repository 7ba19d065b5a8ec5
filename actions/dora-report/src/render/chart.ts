// The weekly chart: Mermaid's xychart (GitHub renders ```mermaid blocks in markdown) and a text sparkline under
// it for places that do not (docs/charts.md says what was found about job summaries).
import type { WeekPoint } from '../engine/types.js';

const BLOCKS = '▁▂▃▄▅▆▇█';

export function sparkline(values: readonly (number | null)[]): string {
  const present = values.filter((v): v is number => v !== null);
  const max = Math.max(0, ...present);
  return values
    .map((v) => (v === null ? '·' : max === 0 ? BLOCKS[0] : BLOCKS[Math.min(7, Math.round((v / max) * 7))]))
    .join('');
}

function label(week: WeekPoint): string {
  return week.weekStart.slice(5, 10);
}

function niceMax(max: number): number {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
}

function round(v: number): string {
  return String(Math.round(v * 10) / 10);
}

/** Two xycharts: deployments per week (bars) and median lead time per week in hours (line). */
export function mermaidCharts(weeks: readonly WeekPoint[]): string {
  if (weeks.length === 0) return '';
  const x = `x-axis [${weeks.map((w) => `"${label(w)}"`).join(', ')}]`;
  const deployments = weeks.map((w) => w.deployments);
  // Weeks without changes get 0 in the line (xychart has no gaps); the sparkline shows them as ·.
  const lead = weeks.map((w) => w.medianLeadTimeHours ?? 0);
  return [
    '```mermaid',
    'xychart-beta',
    '    title "Deployments per week"',
    `    ${x}`,
    `    y-axis "deployments" 0 --> ${niceMax(Math.max(...deployments))}`,
    `    bar [${deployments.join(', ')}]`,
    '```',
    '',
    '```mermaid',
    'xychart-beta',
    '    title "Median change lead time per week (hours)"',
    `    ${x}`,
    `    y-axis "hours" 0 --> ${niceMax(Math.max(...lead))}`,
    `    line [${lead.map(round).join(', ')}]`,
    '```'
  ].join('\n');
}

export function textCharts(weeks: readonly WeekPoint[]): string[] {
  if (weeks.length === 0) return [];
  const deployments = weeks.map((w) => w.deployments);
  const lead = weeks.map((w) => w.medianLeadTimeHours);
  const maxLead = Math.max(0, ...lead.filter((v): v is number => v !== null));
  return [
    `deployments per week  ${sparkline(deployments)}  (${label(weeks[0])} to ${label(weeks.at(-1)!)}, max ${Math.max(...deployments)})`,
    `median lead time      ${sparkline(lead)}  (hours, max ${round(maxLead)}; · = no changes)`
  ];
}
