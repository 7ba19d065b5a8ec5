// The bits of the workflow run an action needs, read from the runner's environment in one place.
import { readFileSync } from 'node:fs';

export interface PullRequestContext {
  owner: string;
  repo: string;
  number: number;
  /** The branch the pull request merges into (GITHUB_BASE_REF). */
  baseRef: string;
}

/** The pull request this run belongs to, or undefined outside pull_request / pull_request_target events. */
export function pullRequestFromEnv(env: NodeJS.ProcessEnv = process.env): PullRequestContext | undefined {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo || !env.GITHUB_EVENT_PATH) return undefined;
  let payload: { pull_request?: { number?: number; base?: { ref?: string } } };
  try {
    payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as typeof payload;
  } catch {
    return undefined;
  }
  const number = payload.pull_request?.number;
  if (typeof number !== 'number') return undefined;
  const baseRef = env.GITHUB_BASE_REF || payload.pull_request?.base?.ref || '';
  return { owner, repo, number, baseRef };
}

/**
 * The names of the labels the pull request carried when the event fired (the payload's, not the API's: a label
 * added later reaches a run only through a `labeled` event). Undefined outside pull request events.
 */
export function pullRequestLabels(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  let payload: { pull_request?: { labels?: unknown } };
  try {
    payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as typeof payload;
  } catch {
    return undefined;
  }
  const labels = payload.pull_request?.labels;
  if (!Array.isArray(labels)) return payload.pull_request ? [] : undefined;
  return labels
    .map((label) => (typeof label === 'string' ? label : (label as { name?: unknown } | null)?.name))
    .filter((name): name is string => typeof name === 'string');
}
