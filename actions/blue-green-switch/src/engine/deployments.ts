// GitHub Deployments as a record of each switch, behind an interface the operations call: a deployment for the
// environment with statuses in_progress -> success | failure, the replaced deployment marked inactive, the
// environment_url from the verify probe, and a payload {color, previous, weights, rollback} (dora-report reads
// it; a rollback is recorded as such). The client type is the subset of Octokit's REST API used, written
// structurally so the engine imports no @actions/* module: main.ts passes shared createOctokit()'s client.
import type { Color, Weights } from './types.js';

export interface DeploymentRecord {
  color: Color;
  previous: Color | null;
  weights: Weights;
  rollback: boolean;
  description: string;
  /**
   * A rollback that puts back what an earlier deployment shipped: its id. The new deployment then carries that
   * deployment's commit, so GitHub's environment page shows what is really live (not the failed release).
   */
  restores?: number;
}

export type FinalDeploymentState = 'success' | 'failure';

export interface DeploymentRecorder {
  /** Creates the deployment and its in_progress status; resolves with its id. */
  start(record: DeploymentRecord): Promise<number>;
  finish(id: number, state: FinalDeploymentState, description: string, environmentUrl?: string): Promise<void>;
  /** Marks the deployment this one replaced inactive. */
  markInactive(id: number, description: string): Promise<void>;
}

interface Response<T> {
  status: number;
  data: T;
}

export interface DeploymentsApi {
  rest: {
    repos: {
      createDeployment(params: {
        owner: string;
        repo: string;
        ref: string;
        environment: string;
        task?: string;
        description?: string;
        payload?: { [key: string]: unknown } | string;
        auto_merge?: boolean;
        required_contexts?: string[];
        transient_environment?: boolean;
        production_environment?: boolean;
      }): Promise<Response<unknown>>;
      getDeployment(params: { owner: string; repo: string; deployment_id: number }): Promise<Response<unknown>>;
      createDeploymentStatus(params: {
        owner: string;
        repo: string;
        deployment_id: number;
        state: 'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';
        description?: string;
        environment_url?: string;
        log_url?: string;
        auto_inactive?: boolean;
      }): Promise<Response<unknown>>;
    };
  };
}

export interface GitHubDeploymentsOptions {
  api: DeploymentsApi;
  owner: string;
  repo: string;
  /** The commit being deployed (GITHUB_SHA). */
  ref: string;
  environment: string;
  /** The workflow run's URL, shown on every status. */
  logUrl?: string;
  productionEnvironment?: boolean;
}

/** GitHub limits a status description to 140 characters. */
function short(text: string): string {
  return text.length <= 140 ? text : `${text.slice(0, 139)}…`;
}

export function createGitHubDeployments(options: GitHubDeploymentsOptions): DeploymentRecorder {
  const { api, owner, repo } = options;
  const status = (
    deployment_id: number,
    state: 'in_progress' | 'success' | 'failure' | 'inactive',
    description: string,
    environmentUrl?: string
  ) =>
    api.rest.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id,
      state,
      description: short(description),
      ...(environmentUrl ? { environment_url: environmentUrl } : {}),
      ...(options.logUrl ? { log_url: options.logUrl } : {}),
      // GitHub inactivates earlier deployments only outside production environments; we mark the replaced one
      // ourselves, the same way everywhere.
      auto_inactive: false
    });
  /** The commit an earlier deployment shipped; the run's own commit when it cannot be read. */
  const refOf = async (id: number | undefined): Promise<string> => {
    if (id === undefined) return options.ref;
    try {
      const { data } = await api.rest.repos.getDeployment({ owner, repo, deployment_id: id });
      const sha = (data as { sha?: unknown }).sha;
      return typeof sha === 'string' && /^[0-9a-f]{40}$/i.test(sha) ? sha : options.ref;
    } catch {
      return options.ref;
    }
  };
  return {
    async start(record) {
      const response = await api.rest.repos.createDeployment({
        owner,
        repo,
        ref: await refOf(record.restores),
        environment: options.environment,
        task: record.rollback ? 'deploy:rollback' : 'deploy',
        description: short(record.description),
        payload: { color: record.color, previous: record.previous, weights: record.weights, rollback: record.rollback },
        auto_merge: false,
        // The switch happens after the workflow's own checks; commit statuses must not block recording it.
        required_contexts: [],
        ...(options.productionEnvironment !== undefined
          ? { production_environment: options.productionEnvironment }
          : {})
      });
      const id = (response.data as { id?: unknown }).id;
      if (typeof id !== 'number') {
        const message = (response.data as { message?: unknown }).message;
        throw new Error(
          `GitHub did not create the deployment (${response.status}${typeof message === 'string' ? `: ${message}` : ''})`
        );
      }
      await status(id, 'in_progress', record.description);
      return id;
    },
    async finish(id, state, description, environmentUrl) {
      await status(id, state, description, environmentUrl);
    },
    async markInactive(id, description) {
      await status(id, 'inactive', description);
    }
  };
}
