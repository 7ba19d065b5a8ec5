// Reads the base branch's spec straight from git, so a pull request is compared with what its base has
// without a second checkout. The commit is the merge base of the base ref and HEAD, as for every action
// (shared/src/lib/git.ts): on a pull request's merge checkout that is the base branch tip.
import { relative, sep } from 'node:path';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { baseCommit, fileAtCommit, repositoryRoot } from '../../../shared/src/lib/git.js';

/** The commit to read the base spec from: the merge base of `ref` and HEAD (fetching `ref` when missing). */
export function resolveBaseRef(repoDir: string, ref: string): string {
  return baseCommit(repoDir, ref, 'base-ref');
}

/** A readFile for the spec loader that serves files as they are at `commit` (paths absolute, inside repoDir). */
export function fileReaderAt(repoDir: string, commit: string): (path: string) => string {
  const top = repositoryRoot(repoDir);
  return (path: string) => {
    const inRepo = relative(top, path).split(sep).join('/');
    if (inRepo.startsWith('..')) throw new ConfigurationError(`${path} is outside the git repository`);
    const text = fileAtCommit(top, commit, inRepo);
    if (text === undefined) throw new ConfigurationError(`${inRepo} does not exist at ${commit}`);
    return text;
  };
}
