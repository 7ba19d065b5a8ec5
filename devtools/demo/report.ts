// What the demo prints: one line per step as it happens, then one screen that says what happened. Pure: the
// demo hands in what it recorded (demo.test.ts and __tests__/pipeline/demo-report.test.ts read the same text).

export type Stage = 'setup' | 'ci' | 'staging' | 'smoke' | 'production' | 'report';

export interface StepRecord {
  release: string;
  stage: Stage;
  step: string;
  /**
   * pass / warn: it passed; fail: it failed when it should not have (the run stops there); refused: the pipeline
   * said no, as it should; rolled-back: a check failed after traffic moved and traffic went back, as it should.
   */
  outcome: 'pass' | 'warn' | 'fail' | 'refused' | 'rolled-back' | 'skipped';
  summary: string;
  ms: number;
}

export interface DeploymentRow {
  id: number;
  environment: string;
  version: string;
  sha: string;
  task: string;
  state: string;
  color: string;
}

export interface DemoSummary {
  steps: StepRecord[];
  deployments: DeploymentRow[];
  dora: string[];
  wallMs: number;
  cleanedUp: string[];
  ok: boolean;
}

const ICON: Record<StepRecord['outcome'], string> = {
  pass: '✓',
  warn: '!',
  fail: '✗',
  refused: '⊘',
  'rolled-back': '↩',
  skipped: '-'
};

/** Text from a tool, as one line of at most `width` characters. */
export function oneLine(text: string, width = 96): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
}

/** Text from a tool in at most `maxLines` lines of `width` characters, broken at spaces. */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let rest = text.replace(/\s+/g, ' ').trim();
  while (rest.length > width && lines.length < maxLines - 1) {
    const cut = rest.lastIndexOf(' ', width);
    const at = cut > width / 2 ? cut : width;
    lines.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  return [...lines, oneLine(rest, width)];
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function stepLine(step: StepRecord): string {
  return `  ${ICON[step.outcome]} ${step.stage.padEnd(10)} ${step.step.padEnd(22)} ${oneLine(step.summary)} (${seconds(step.ms)})`;
}

export function releaseBanner(title: string): string {
  return `\n── ${title} ${'─'.repeat(Math.max(4, 100 - title.length))}`;
}

const DECISIVE: StepRecord['outcome'][] = ['fail', 'refused', 'rolled-back'];

/**
 * The stages of one release in pipeline order: the steps with their marks, then what decided the stage (the
 * step that failed, refused or rolled back, else the last one).
 */
function releaseLines(steps: StepRecord[]): string[] {
  const lines: string[] = [];
  for (const stage of ['ci', 'staging', 'smoke', 'production', 'report'] as Stage[]) {
    const of = steps.filter((s) => s.stage === stage);
    if (of.length === 0) continue;
    const decisive = of.find((s) => DECISIVE.includes(s.outcome)) ?? of[of.length - 1]!;
    const icon =
      ICON[of.some((s) => s.outcome === 'fail') ? 'fail' : decisive.outcome === 'warn' ? 'pass' : decisive.outcome];
    const what = of.map((s) => `${s.step}${s.outcome === 'pass' ? '' : ` ${ICON[s.outcome]}`}`).join(' · ');
    lines.push(`    ${icon} ${stage.padEnd(10)} ${oneLine(what, 100)}`);
    lines.push(...wrap(decisive.summary, 104, 2).map((line) => `      ${' '.repeat(10)} ${line}`));
  }
  return lines;
}

/** The one-screen report the demo ends with. */
export function finalReport(summary: DemoSummary): string {
  const releases = [...new Set(summary.steps.map((s) => s.release))].filter((r) => r !== '');
  const out = [
    releaseBanner('what happened'),
    summary.ok
      ? 'Every stage did what it should: two releases through CI, staging (nginx), smoke and production (HAProxy).'
      : 'The demo did NOT go as it should: a stage failed that should have passed (see above).'
  ];
  for (const release of releases) {
    if (release === 'DORA') continue;
    out.push(`  ${release}`);
    out.push(...releaseLines(summary.steps.filter((s) => s.release === release)));
  }
  const [doraHeadline, ...metrics] = summary.dora;
  if (doraHeadline !== undefined) out.push(`  ${oneLine(doraHeadline, 112)}`);
  out.push(...metrics.map((line) => `    ${oneLine(line, 110)}`));
  out.push('  Deployment records (GitHub API emulator):');
  for (const d of summary.deployments)
    out.push(
      `    #${d.id} ${d.environment.padEnd(10)} ${d.version.padEnd(6)} ${d.sha.slice(0, 7)} ${d.task.padEnd(15)} ${d.color.padEnd(5)} ${d.state}`
    );
  out.push(`  Wall time ${seconds(summary.wallMs)}; cleaned up: ${summary.cleanedUp.join(', ')}.`);
  return out.join('\n');
}
