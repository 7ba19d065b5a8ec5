// Turns loose option values (strings from action inputs or CLI flags) into DoraOptions, with one clear line for
// every mistake. Pure: the caller passes the clock.
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import { closestName } from '../../../../shared/src/lib/suggest.js';
import { parseWindow, resolvePeriod } from './period.js';
import type { Benchmarks, DeploymentSource, DoraOptions, RepoRef } from './types.js';

export interface RawOptions {
  /** `owner/name` each; comma or newline separated entries are split. */
  repositories: readonly string[];
  environment?: string;
  period?: string;
  since?: string;
  until?: string;
  source?: string;
  workflow?: string;
  branch?: string;
  incidentLabel?: string;
  hotfixLabel?: string;
  hotfixWindow?: string;
  incidentWindow?: string;
  benchmarks?: string;
  now: Date;
  /**
   * How a mistake names the setting: `Input "period"` in the action, `--period` in the CLI. Settings are named
   * as the action's inputs (repositories, period, since, until, source, workflow, benchmarks, environment,
   * hotfix-window, incident-window, incident-label, hotfix-label). Default: the bare name.
   */
  label?: (setting: string) => string;
}

export const SOURCES: readonly DeploymentSource[] = ['deployments', 'workflow-runs', 'releases', 'tags'];
export const BENCHMARKS: readonly Benchmarks[] = ['2023', '2024', '2025'];
const MAX_REPOSITORIES = 50;

export function splitList(values: readonly string[] | string | undefined): string[] {
  const list = typeof values === 'string' ? [values] : (values ?? []);
  return list
    .flatMap((v) => v.split(/[\n,]/))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function parseRepository(text: string, label = 'repositories'): RepoRef {
  const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(text.trim());
  if (!match || match[2] === '.' || match[2] === '..') {
    throw new ConfigurationError(`${label}: a repository must look like owner/name; got "${text.slice(0, 120)}"`);
  }
  return { owner: match[1], name: match[2] };
}

export function parseOptions(raw: RawOptions): DoraOptions {
  const label = raw.label ?? ((setting: string) => setting);
  const names = splitList(raw.repositories);
  if (names.length === 0)
    throw new ConfigurationError(`${label('repositories')}: name at least one repository (owner/name)`);
  if (names.length > MAX_REPOSITORIES)
    throw new ConfigurationError(
      `${label('repositories')}: at most ${MAX_REPOSITORIES} repositories per run; got ${names.length}`
    );
  const seen = new Set<string>();
  const repositories = names
    .map((name) => parseRepository(name, label('repositories')))
    .filter((r) => {
      const key = `${r.owner}/${r.name}`.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const source = (raw.source?.trim() || 'deployments') as DeploymentSource;
  if (!SOURCES.includes(source)) {
    const guess = closestName(raw.source!.trim(), SOURCES);
    throw new ConfigurationError(
      `${label('source')} must be one of ${SOURCES.join(', ')}; got "${raw.source}"${guess ? ` (did you mean "${guess}"?)` : ''}`
    );
  }
  const workflow = raw.workflow?.trim() || undefined;
  if (source === 'workflow-runs' && !workflow) {
    throw new ConfigurationError(
      `${label('source')} workflow-runs needs ${label('workflow')}: the deploy workflow's file name, e.g. deploy.yml`
    );
  }
  if (workflow && !/^[\w.-]{1,200}$/.test(workflow)) {
    throw new ConfigurationError(
      `${label('workflow')} must be a workflow file name such as deploy.yml or its id; got "${workflow.slice(0, 120)}"`
    );
  }
  const benchmarks = (raw.benchmarks?.trim() || '2024') as Benchmarks;
  if (!BENCHMARKS.includes(benchmarks)) {
    throw new ConfigurationError(
      `${label('benchmarks')} must be one of ${BENCHMARKS.join(', ')}; got "${raw.benchmarks}"`
    );
  }
  const environment = raw.environment?.trim() || 'production';
  if (environment.length > 255 || /[\n\r]/.test(environment))
    throw new ConfigurationError(`${label('environment')} must be one line of at most 255 characters`);
  const { period, previous } = resolvePeriod({
    period: raw.period,
    since: raw.since,
    until: raw.until,
    now: raw.now,
    label
  });
  const hotfixWindowMs = parseWindow(raw.hotfixWindow?.trim() || '24h', label('hotfix-window'));
  const incidentWindowMs = raw.incidentWindow?.trim()
    ? parseWindow(raw.incidentWindow, label('incident-window'))
    : hotfixWindowMs;
  const labels = (text: string | undefined, fallback: string[], setting: string) => {
    const list = text === undefined ? fallback : splitList(text);
    for (const name of list)
      if (name.length > 100)
        throw new ConfigurationError(
          `${label(setting)}: label "${name.slice(0, 40)}..." is longer than 100 characters`
        );
    return list;
  };
  return {
    repositories,
    environment,
    period,
    previousPeriod: previous,
    source,
    workflow,
    branch: raw.branch?.trim() || undefined,
    incidentLabels: labels(raw.incidentLabel, ['incident'], 'incident-label'),
    hotfixLabels: labels(raw.hotfixLabel, ['hotfix'], 'hotfix-label'),
    hotfixWindowMs,
    incidentWindowMs,
    benchmarks
  };
}
