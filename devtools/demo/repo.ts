// The sample service's repository as the demo's pipeline sees it: a real git history built from examples/ in a
// temp dir, with backdated commits (so DORA lead times mean something), and the same commits as GitHub API
// emulator fixtures (so deployments can name them and dora-report can walk them).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { CommitFixture } from '../github-api.js';

export interface DemoCommit {
  key: 'v100' | 'expand' | 'contract' | 'v110' | 'v120';
  sha: string;
  message: string;
  date: string;
  /** The app version this commit is released as, when it is a release. */
  version?: string;
}

export interface DemoRepo {
  dir: string;
  commits: Record<DemoCommit['key'], DemoCommit>;
  checkout(sha: string): void;
  fixtures(): CommitFixture[];
}

const MIGRATIONS = 'examples/service/migrations';

function git(dir: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: dir,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Dana Dev',
      GIT_AUTHOR_EMAIL: 'dana@example.com',
      GIT_COMMITTER_NAME: 'Dana Dev',
      GIT_COMMITTER_EMAIL: 'dana@example.com',
      ...env
    }
  }).trim();
}

/** The spec as release 1.0.0 had it: without GET /version, which 1.1.0 adds. */
function specWithoutVersion(text: string): string {
  const spec = parseYaml(text) as {
    info: { version: string };
    paths: Record<string, unknown>;
    components: { schemas: Record<string, unknown> };
  };
  delete spec.paths['/version'];
  delete spec.components.schemas.Version;
  spec.info.version = '1.0.0';
  return stringifyYaml(spec);
}

/** Builds the history under `dir` from the examples/ folder of `root`. */
export function createDemoRepo(root: string, dir: string, now = Date.now()): DemoRepo {
  fs.mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', 'main']);
  fs.cpSync(path.join(root, 'examples'), path.join(dir, 'examples'), { recursive: true });
  const spec = fs.readFileSync(path.join(dir, 'examples/service/openapi.yaml'), 'utf8');
  const held = ['0003_items_display_name.sql', '0004_drop_items_name.sql'].map((name) => {
    const file = path.join(dir, MIGRATIONS, name);
    const text = fs.readFileSync(file, 'utf8');
    fs.rmSync(file);
    return { file, text };
  });
  const [expand, contract] = held as [{ file: string; text: string }, { file: string; text: string }];
  fs.writeFileSync(path.join(dir, 'examples/service/openapi.yaml'), specWithoutVersion(spec));

  const commit = (key: DemoCommit['key'], message: string, hoursAgo: number, version?: string): DemoCommit => {
    const date = new Date(now - hoursAgo * 3_600_000).toISOString();
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '--allow-empty', '-m', message], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
    return { key, sha: git(dir, ['rev-parse', 'HEAD']), message, date, version };
  };
  const commits = {} as Record<DemoCommit['key'], DemoCommit>;
  commits.v100 = commit('v100', 'items service 1.0.0', 72, '1.0.0');
  fs.writeFileSync(expand.file, expand.text);
  commits.expand = commit('expand', 'Expand: items.display_name, filled from name', 30);
  fs.writeFileSync(contract.file, contract.text);
  commits.contract = commit('contract', 'Contract: drop items.name', 26);
  fs.rmSync(contract.file);
  fs.writeFileSync(path.join(dir, 'examples/service/openapi.yaml'), spec);
  commits.v110 = commit('v110', 'GET /version; revert the contract until the expand is in production', 5, '1.1.0');
  fs.writeFileSync(contract.file, contract.text);
  commits.v120 = commit('v120', 'Contract: drop items.name (1.1.0 no longer reads it)', 2, '1.2.0');

  return {
    dir,
    commits,
    checkout: (sha) => git(dir, ['checkout', '-q', '--detach', sha]),
    fixtures: () =>
      Object.values(commits).map((c) => {
        const parents = git(dir, ['rev-list', '--parents', '-n', '1', c.sha]).split(' ').slice(1);
        const files = git(dir, ['show', '--format=', '--name-status', c.sha])
          .split('\n')
          .filter(Boolean)
          .map((line) => {
            const [status, filename] = line.split('\t') as [string, string];
            return { filename, status: status === 'A' ? 'added' : status === 'D' ? 'removed' : 'modified' };
          });
        return {
          sha: c.sha,
          message: c.message,
          authorName: 'Dana Dev',
          authorEmail: 'dana@example.com',
          authorDate: c.date,
          committerName: 'Dana Dev',
          committerEmail: 'dana@example.com',
          committerDate: c.date,
          parents,
          files
        };
      })
  };
}
