import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pullRequestFromEnv } from '../../shared/src/actions/github-context.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ubos-ghctx-'));
  writeFileSync(join(dir, 'pr.json'), JSON.stringify({ pull_request: { number: 12, base: { ref: 'main' } } }));
  writeFileSync(join(dir, 'push.json'), JSON.stringify({ ref: 'refs/heads/main' }));
  writeFileSync(join(dir, 'broken.json'), '{');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pullRequestFromEnv', () => {
  it('reads the pull request number and base branch', () => {
    const env = { GITHUB_REPOSITORY: 'acme/api', GITHUB_EVENT_PATH: join(dir, 'pr.json'), GITHUB_BASE_REF: 'develop' };
    expect(pullRequestFromEnv(env)).toEqual({ owner: 'acme', repo: 'api', number: 12, baseRef: 'develop' });
    expect(pullRequestFromEnv({ ...env, GITHUB_BASE_REF: '' })?.baseRef).toBe('main');
  });

  it('is undefined for other events, a missing or broken payload, or no repository', () => {
    expect(
      pullRequestFromEnv({ GITHUB_REPOSITORY: 'acme/api', GITHUB_EVENT_PATH: join(dir, 'push.json') })
    ).toBeUndefined();
    expect(
      pullRequestFromEnv({ GITHUB_REPOSITORY: 'acme/api', GITHUB_EVENT_PATH: join(dir, 'broken.json') })
    ).toBeUndefined();
    expect(pullRequestFromEnv({ GITHUB_REPOSITORY: 'acme/api' })).toBeUndefined();
    expect(pullRequestFromEnv({ GITHUB_EVENT_PATH: join(dir, 'pr.json') })).toBeUndefined();
  });
});
