/**
 * Sticky PR/issue comments: one comment per action and subject per PR, found again by a hidden HTML marker at
 * the start of its body and edited in place, so re-runs update the comment instead of piling up new ones.
 */
import type { GitHubClient } from './octokit.js';

/** GitHub rejects comment bodies longer than this many characters. */
export const MAX_COMMENT_LENGTH = 65_536;

const TRUNCATION_NOTE = "\n\n… (truncated: the comment exceeded GitHub's 65,536 character limit)";

export interface StickyCommentOptions {
  owner: string;
  repo: string;
  /** The PR or issue number. */
  issueNumber: number;
  /** Identifies the comment, e.g. the action name: letters, digits, `.`, `_`, `-`, `/`, `:`. */
  marker: string;
  /** Markdown; the marker line is prepended. */
  body: string;
  /**
   * Create the comment when none exists yet (default true). False updates an existing one only: a report with
   * nothing to say must not start a comment, but must replace an earlier one that said something.
   */
  create?: boolean;
}

export interface StickyCommentResult {
  /** Undefined when nothing was created (`skipped`). */
  id?: number;
  action: 'created' | 'updated' | 'unchanged' | 'skipped';
  url?: string;
}

/**
 * The marker of one action's comment about one subject (a spec path, a comment-key): `contract-test` alone
 * when there is no subject, else `contract-test:<subject>` with every character a marker cannot hold replaced.
 */
export function commentMarker(tool: string, subject?: string): string {
  if (!subject) return tool;
  const safe = subject.replace(/[^A-Za-z0-9._/:-]/g, '_').replace(/-{2,}/g, '-');
  return `${tool}:${safe}`;
}

/** The hidden marker line: `<!-- ubos-actions:<marker> -->`. */
export function stickyMarker(marker: string): string {
  if (!/^[A-Za-z0-9._/:-]+$/.test(marker) || marker.includes('--')) {
    throw new Error(
      `invalid sticky comment marker ${JSON.stringify(marker)}: use letters, digits and . _ / : - (no "--")`
    );
  }
  return `<!-- ubos-actions:${marker} -->`;
}

/** The full comment body: marker line, then the body (truncated to GitHub's limit). */
export function stickyCommentBody(marker: string, body: string): string {
  const full = `${stickyMarker(marker)}\n${body}`;
  if (full.length <= MAX_COMMENT_LENGTH) return full;
  return full.slice(0, MAX_COMMENT_LENGTH - TRUNCATION_NOTE.length) + TRUNCATION_NOTE;
}

/**
 * True when `body` is the sticky comment for `marker`: the marker must open the body, so a quote-reply that
 * contains the marker text (`> <!-- ... -->`) is never mistaken for ours.
 */
export function isStickyComment(body: string | null | undefined, marker: string): boolean {
  return (body ?? '').trimStart().startsWith(stickyMarker(marker));
}

function normalise(text: string): string {
  return text.replace(/\r\n/g, '\n').trimEnd();
}

/**
 * Creates the comment, or updates the existing one with the same marker (searching every page), or leaves it
 * alone when its body is already the same.
 */
export async function upsertStickyComment(
  octokit: GitHubClient,
  options: StickyCommentOptions
): Promise<StickyCommentResult> {
  const { owner, repo, issueNumber, marker } = options;
  const body = stickyCommentBody(marker, options.body);

  let existing: { id: number; body?: string | null; html_url?: string } | undefined;
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issueNumber,
    per_page: 100
  });
  for await (const page of pages) {
    existing = page.data.find((comment) => isStickyComment(comment.body, marker));
    if (existing) break;
  }

  if (!existing) {
    if (options.create === false) return { action: 'skipped' };
    const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
    return { id: created.data.id, action: 'created', url: created.data.html_url };
  }
  if (normalise(existing.body ?? '') === normalise(body)) {
    return { id: existing.id, action: 'unchanged', url: existing.html_url };
  }
  const updated = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
  return { id: updated.data.id, action: 'updated', url: updated.data.html_url };
}
