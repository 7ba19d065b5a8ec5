// From what collect() read to the views the metrics count: each deployment's outcome, redeploys and rollbacks,
// the changes it first shipped (one per PR, or per commit pushed without one) with their lead-time split, which
// deployments failed and why, when they recovered, and which deployments were rework.
import { outcomeOf, payloadRollback, shortSha } from './classify.js';
import { horizonOf } from './collect.js';
import { pairKey } from './client.js';
import { formatHours } from './format.js';
import { ms } from './stats.js';
import type {
  ChangeView,
  CommitInfo,
  DeploymentView,
  DoraOptions,
  FailureReason,
  History,
  IncidentView,
  PullInfo,
  RepoData,
  ReworkReason
} from './types.js';

const REVERTS_COMMIT = /This reverts commit ([0-9a-f]{7,40})/gi;
const SHA_TOKEN = /\b[0-9a-f]{7,40}\b/gi;

function isHotfix(options: DoraOptions, title: string, headRef: string | null, labels: readonly string[]): boolean {
  const wanted = new Set(options.hotfixLabels.map((l) => l.toLowerCase()));
  return (
    labels.some((l) => wanted.has(l.toLowerCase())) ||
    /^hotfix[/_-]/i.test(headRef ?? '') ||
    /^\s*(\[hotfix\]|hotfix\b)/i.test(title)
  );
}

function revertTargets(repo: string, title: string, headRef: string | null, body: string, messages: readonly string[]) {
  const commits = new Set<string>();
  for (const message of messages) for (const m of message.matchAll(REVERTS_COMMIT)) commits.add(m[1].toLowerCase());
  const pulls = new Set<number>();
  // GitHub's "Revert" button writes "Reverts owner/name#12" into the PR body and names the branch revert-12-...
  const [owner, name] = repo.split('/');
  for (const m of body.matchAll(/\bReverts\s+(?:([\w.-]+)\/([\w.-]+))?#(\d+)/gi)) {
    if (!m[1] || (m[1].toLowerCase() === owner?.toLowerCase() && m[2].toLowerCase() === name?.toLowerCase()))
      pulls.add(Number(m[3]));
  }
  const branch = /^revert-(\d+)-/.exec(headRef ?? '');
  if (branch) pulls.add(Number(branch[1]));
  const looksLikeRevert = /^\s*Revert\b/i.test(title) || commits.size > 0 || pulls.size > 0;
  return looksLikeRevert ? { pulls: [...pulls], commits: [...commits] } : null;
}

function clampSplit(t0: number, opened: number | null, review: number | null, merged: number | null, deployed: number) {
  // Boundaries pushed forward so the four parts never go negative and add up to the lead time.
  const t1 = Math.max(t0, opened ?? t0);
  const firstLook = review !== null && (merged === null || review <= merged) ? review : (merged ?? t1);
  const t2 = Math.max(t1, firstLook);
  const t3 = Math.max(t2, merged ?? t2);
  const t4 = Math.max(t3, deployed);
  return { leadTimeMs: t4 - t0, split: { codingMs: t1 - t0, pickupMs: t2 - t1, reviewMs: t3 - t2, deployMs: t4 - t3 } };
}

export function buildHistory(data: RepoData, options: DoraOptions): History {
  const repo = data.repo;
  const from = ms(data.fetchedFrom);
  const horizon = horizonOf(options);

  // ---- deployments in the order they went live (or failed)
  const views: DeploymentView[] = data.deployments
    .map((d): DeploymentView => {
      const o = outcomeOf(d);
      return {
        key: `${repo}#${d.id}`,
        repo,
        id: d.id,
        source: d.source,
        sha: d.sha,
        ref: d.ref,
        environment: d.environment,
        url: d.url ?? null,
        creator: d.creator ?? null,
        createdAt: d.createdAt,
        outcome: o.outcome,
        at: o.at,
        redeploy: false,
        rollback: null,
        baseline: ms(d.createdAt) < from,
        changesKnown: true,
        changes: [],
        reshipped: 0,
        failure: null,
        rework: null
      };
    })
    .filter((v) => ms(v.at) < horizon)
    .sort((a, b) => ms(a.at) - ms(b.at) || ms(a.createdAt) - ms(b.createdAt) || (a.id < b.id ? -1 : 1));
  const rawById = new Map(data.deployments.map((d) => [`${repo}#${d.id}`, d]));

  let live: DeploymentView | undefined;
  for (const v of views) {
    if (v.outcome === 'pending') continue;
    if (v.outcome === 'failure') {
      // A failed retry of what is already live changed nothing in production: not a change failure.
      v.redeploy = live?.sha === v.sha;
      continue;
    }
    const fromPayload = payloadRollback(rawById.get(v.key)?.payload);
    if (live?.sha === v.sha && !fromPayload) v.redeploy = true;
    else if (fromPayload) v.rollback = { how: 'payload', detail: fromPayload };
    live = v;
  }

  // ---- changes: each commit belongs to the first deployment that shipped it
  const changes = new Map<string, ChangeView>();
  const shippedBy = new Map<string, DeploymentView>();
  const changeOfCommit = new Map<string, ChangeView>();
  const pullChange = new Map<number, ChangeView>();
  let previous: DeploymentView | undefined;
  for (const v of views) {
    if (v.outcome !== 'success') continue;
    // A rollback whose ref is ahead of the live version (blue-green-switch's automatic rollback carries the
    // failed release's commit) put the live version back: it ships none of those commits, and the live version
    // stays the base the next deployment is compared with. A rollback to an older ref is handled below.
    if (v.rollback?.how === 'payload' && !v.baseline && previous && previous.sha !== v.sha) {
      const ahead = data.changes.get(pairKey({ base: previous.sha, head: v.sha }));
      if (ahead && ahead.length > 0) continue;
    }
    if (v.baseline) {
      previous = v;
      continue;
    }
    if (!previous) {
      v.changesKnown = false;
      previous = v;
      continue;
    }
    const pair = data.changes.get(pairKey({ base: previous.sha, head: v.sha }));
    const commits: CommitInfo[] = previous.sha === v.sha ? [] : (pair ?? []);
    // Nothing ahead of the live version: this deployment went back to an older one.
    if (pair && pair.length === 0 && !v.rollback) {
      v.rollback = {
        how: 'older-sha',
        detail: `deployed ${shortSha(v.sha)}, which is behind the live ${shortSha(previous.sha)}`
      };
    }
    previous = v;
    for (const commit of commits) {
      if (shippedBy.has(commit.sha)) {
        v.reshipped++;
        continue;
      }
      shippedBy.set(commit.sha, v);
      const pull = typeof commit.pull === 'number' ? data.pulls.get(commit.pull) : undefined;
      let change = pull ? pullChange.get(pull.number) : undefined;
      if (change) {
        change.commits.push(commit.sha);
        const authored = ms(commit.authoredAt);
        if (authored < ms(change.firstCommitAt)) change.firstCommitAt = commit.authoredAt;
      } else {
        change = pull ? pullView(repo, pull, commit, v) : commitView(repo, commit, v, options);
        changes.set(change.key, change);
        if (pull) pullChange.set(pull.number, change);
        v.changes.push(change.key);
      }
      changeOfCommit.set(commit.sha, change);
    }
  }
  for (const change of changes.values()) {
    const pull = change.pull !== null ? data.pulls.get(change.pull) : undefined;
    const messages = change.commits.map((sha) => commitsBySha(data).get(sha)?.message ?? '');
    change.hotfix =
      isHotfix(options, change.title, change.headRef, pull?.labels ?? []) ||
      (change.kind === 'commit' && /^\s*(\[hotfix\]|hotfix\b)/i.test(messages[0] ?? ''));
    change.revert = revertTargets(repo, change.title, change.headRef, pull?.body ?? '', messages);
    const t0 = ms(change.firstCommitAt);
    const { leadTimeMs, split } = clampSplit(
      t0,
      change.openedAt
        ? ms(change.openedAt)
        : change.kind === 'commit'
          ? ms(commitsBySha(data).get(change.commits[0])!.committedAt)
          : null,
      change.firstReviewAt ? ms(change.firstReviewAt) : null,
      change.mergedAt ? ms(change.mergedAt) : null,
      ms(change.deployedAt)
    );
    change.leadTimeMs = leadTimeMs;
    change.split = split;
  }

  // ---- failures
  const byKey = new Map(views.map((v) => [v.key, v]));
  const counted = views.filter((v) => !v.baseline && !v.redeploy && v.outcome !== 'pending');
  const addFailure = (v: DeploymentView, reason: FailureReason): void => {
    v.failure ??= { reasons: [], recoveredAt: null, recoveredBy: null, recoveryMs: null, recoveryBasis: '' };
    if (
      !v.failure.reasons.some(
        (r) => r.kind === reason.kind && r.remedy === reason.remedy && r.incident === reason.incident
      )
    ) {
      v.failure.reasons.push(reason);
    }
  };
  const addRework = (v: DeploymentView, reason: ReworkReason): void => {
    v.rework ??= { reasons: [] };
    if (
      !v.rework.reasons.some((r) => r.kind === reason.kind && r.pull === reason.pull && r.incident === reason.incident)
    ) {
      v.rework.reasons.push(reason);
    }
  };
  const lastSuccessBefore = (v: DeploymentView): DeploymentView | undefined => {
    const index = views.indexOf(v);
    for (let i = index - 1; i >= 0; i--) {
      const w = views[i];
      if (w.outcome === 'success' && !w.redeploy) return w;
    }
    return undefined;
  };
  const after = (a: DeploymentView, b: DeploymentView): string => formatHours(ms(b.at) - ms(a.at));

  for (const v of counted) {
    if (v.outcome === 'failure') {
      const state = outcomeOf(rawById.get(v.key)!).state;
      addFailure(v, { kind: 'failed', detail: `deployment ${v.id} ended in ${state}` });
    }
  }
  for (const r of views) {
    if (!r.rollback || r.baseline) continue;
    const index = views.indexOf(r);
    let target: DeploymentView | undefined;
    for (let i = index - 1; i >= 0; i--) {
      const w = views[i];
      if (w.outcome !== 'pending' && !w.redeploy) {
        target = w;
        break;
      }
    }
    addRework(r, { kind: 'rollback', detail: r.rollback.detail });
    if (target && !target.baseline && !target.rollback) {
      addFailure(target, {
        kind: 'rolled-back',
        detail: `rolled back by deployment ${r.id} ${after(target, r)} later (${r.rollback.detail})`,
        remedy: r.key
      });
    }
  }
  for (const h of views) {
    if (h.outcome !== 'success' || h.baseline) continue;
    for (const key of h.changes) {
      const change = changes.get(key)!;
      if (change.hotfix) {
        addRework(h, {
          kind: 'hotfix',
          detail: `ships hotfix ${describeChange(change)}`,
          pull: change.pull ?? undefined
        });
        const target = lastSuccessBefore(h);
        if (target && !target.baseline && ms(h.at) - ms(target.at) <= options.hotfixWindowMs) {
          addFailure(target, {
            kind: 'hotfix',
            detail: `followed by hotfix ${describeChange(change)} deployed by ${h.id} ${after(target, h)} later`,
            remedy: h.key,
            pull: change.pull ?? undefined
          });
        }
      }
      if (change.revert) {
        addRework(h, {
          kind: 'revert',
          detail: `ships revert ${describeChange(change)}`,
          pull: change.pull ?? undefined
        });
        const targets = new Set<DeploymentView>();
        for (const number of change.revert.pulls) {
          const reverted = pullChange.get(number);
          const d = reverted ? byKey.get(reverted.deployment) : undefined;
          if (d) targets.add(d);
        }
        for (const sha of change.revert.commits) {
          for (const [shipped, d] of shippedBy) if (shipped.startsWith(sha)) targets.add(d);
        }
        if (targets.size === 0) {
          const fallback = lastSuccessBefore(h);
          if (fallback) targets.add(fallback);
        }
        for (const target of targets) {
          if (
            target === h ||
            target.baseline ||
            ms(h.at) - ms(target.at) > options.hotfixWindowMs ||
            ms(h.at) < ms(target.at)
          )
            continue;
          addFailure(target, {
            kind: 'revert',
            detail: `reverted by ${describeChange(change)} deployed by ${h.id} ${after(target, h)} later`,
            remedy: h.key,
            pull: change.pull ?? undefined
          });
        }
      }
    }
  }

  // ---- incidents
  const successes = views.filter((v) => v.outcome === 'success' && !v.redeploy);
  const incidents: IncidentView[] = data.incidents.map((issue) => {
    const view: IncidentView = {
      key: `${repo}#issue-${issue.number}`,
      repo,
      number: issue.number,
      title: issue.title,
      url: issue.url ?? null,
      createdAt: issue.createdAt,
      closedAt: issue.closedAt,
      cause: null,
      link: null,
      linkDetail: '',
      fixedBy: null
    };
    const tokens = `${issue.title}\n${issue.body ?? ''}`.slice(0, 20_000).match(SHA_TOKEN) ?? [];
    const explicit = successes.find((v) => tokens.some((t) => v.sha.startsWith(t.toLowerCase())));
    const opened = ms(issue.createdAt);
    if (explicit) {
      view.cause = explicit.key;
      view.link = 'explicit';
      view.linkDetail = `names ${shortSha(explicit.sha)}, deployed by ${explicit.id}`;
    } else {
      const candidate = [...successes].reverse().find((v) => ms(v.at) <= opened);
      if (candidate && opened - ms(candidate.at) <= options.incidentWindowMs) {
        view.cause = candidate.key;
        view.link = 'window';
        view.linkDetail = `opened ${formatHours(opened - ms(candidate.at))} after deployment ${candidate.id}`;
      } else {
        view.linkDetail = candidate
          ? `no deployment in the ${formatHours(options.incidentWindowMs)} before it opened (last: ${candidate.id}, ${formatHours(opened - ms(candidate.at))} before)`
          : 'no deployment before it opened';
      }
    }
    for (const change of changes.values()) {
      if (change.closesIssues.includes(issue.number)) {
        view.fixedBy = change.deployment;
        const d = byKey.get(change.deployment)!;
        addRework(d, {
          kind: 'incident-fix',
          detail: `ships ${describeChange(change)}, which closes incident #${issue.number}`,
          incident: issue.number,
          pull: change.pull ?? undefined
        });
        break;
      }
    }
    if (view.cause) {
      const d = byKey.get(view.cause)!;
      if (!d.baseline) {
        addFailure(d, {
          kind: 'incident',
          detail: `incident #${issue.number} (${view.linkDetail})`,
          incident: issue.number
        });
      }
    }
    return view;
  });
  const incidentByNumber = new Map(incidents.map((i) => [i.number, i]));

  // ---- recovery (2023 definition: from the failing deployment to the next successful one or the incident's close)
  for (const v of views) {
    if (!v.failure) continue;
    const f = v.failure;
    const linked = f.reasons.filter((r) => r.kind === 'incident').map((r) => incidentByNumber.get(r.incident!)!);
    const remedies = f.reasons
      .filter((r) => r.remedy)
      .map((r) => byKey.get(r.remedy!)!)
      .sort((a, b) => ms(a.at) - ms(b.at));
    if (linked.length > 0) {
      const open = linked.filter((i) => i.closedAt === null);
      if (open.length > 0) f.recoveryBasis = `incident #${open[0].number} still open`;
      else {
        const last = linked.reduce((a, b) => (ms(a.closedAt!) >= ms(b.closedAt!) ? a : b));
        f.recoveredAt = last.closedAt;
        f.recoveryBasis = `incident #${last.number} closed`;
      }
    } else if (remedies.length > 0) {
      const remedy = remedies[0];
      f.recoveredAt = remedy.at;
      f.recoveredBy = remedy.key;
      f.recoveryBasis = `${remedy.rollback ? 'rollback' : 'fix'} deployed by ${remedy.id}`;
    } else {
      const next = views.find((w) => w.outcome === 'success' && ms(w.at) > ms(v.at));
      if (next) {
        f.recoveredAt = next.at;
        f.recoveredBy = next.key;
        f.recoveryBasis = `next successful deployment ${next.id}`;
      } else f.recoveryBasis = 'no successful deployment since';
    }
    if (f.recoveredAt) f.recoveryMs = Math.max(0, ms(f.recoveredAt) - ms(v.at));
  }

  return {
    repos: [repo],
    deployments: views,
    changes: [...changes.values()].sort((a, b) => ms(a.deployedAt) - ms(b.deployedAt) || (a.key < b.key ? -1 : 1)),
    incidents,
    findings: [...data.findings],
    anyDeployments: data.deployments.length > 0
  };
}

const shaIndex = new WeakMap<RepoData, Map<string, CommitInfo>>();
function commitsBySha(data: RepoData): Map<string, CommitInfo> {
  let index = shaIndex.get(data);
  if (!index) {
    index = new Map();
    for (const list of data.changes.values()) for (const c of list) index.set(c.sha, c);
    shaIndex.set(data, index);
  }
  return index;
}

function describeChange(change: ChangeView): string {
  return change.kind === 'pull' ? `PR #${change.pull}` : `commit ${shortSha(change.commits[0])}`;
}

function pullView(repo: string, pull: PullInfo, commit: CommitInfo, deployment: DeploymentView): ChangeView {
  const firstCommitAt =
    pull.firstCommitAt && ms(pull.firstCommitAt) < ms(commit.authoredAt) ? pull.firstCommitAt : commit.authoredAt;
  return {
    key: `${repo}#pr-${pull.number}`,
    repo,
    kind: 'pull',
    pull: pull.number,
    title: pull.title,
    url: pull.url ?? null,
    author: pull.author ?? null,
    headRef: pull.headRef ?? null,
    commits: [commit.sha],
    firstCommitAt,
    openedAt: pull.createdAt,
    firstReviewAt: pull.firstReviewAt ?? null,
    mergedAt: pull.mergedAt,
    deployedAt: deployment.at,
    deployment: deployment.key,
    leadTimeMs: 0,
    split: { codingMs: 0, pickupMs: 0, reviewMs: 0, deployMs: 0 },
    hotfix: false,
    revert: null,
    closesIssues: [...pull.closesIssues]
  };
}

function commitView(repo: string, commit: CommitInfo, deployment: DeploymentView, _options: DoraOptions): ChangeView {
  const fixes = [...commit.message.matchAll(/\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s+#(\d+)/gi)].map((m) =>
    Number(m[1])
  );
  return {
    key: `${repo}@${commit.sha}`,
    repo,
    kind: 'commit',
    pull: null,
    title: commit.message.split(/\r?\n/)[0].slice(0, 200),
    url: commit.url ?? null,
    author: commit.author ?? null,
    headRef: null,
    commits: [commit.sha],
    firstCommitAt: commit.authoredAt,
    openedAt: null,
    firstReviewAt: null,
    mergedAt: null,
    deployedAt: deployment.at,
    deployment: deployment.key,
    leadTimeMs: 0,
    split: { codingMs: 0, pickupMs: 0, reviewMs: 0, deployMs: 0 },
    hotfix: false,
    revert: null,
    closesIssues: fixes
  };
}

/** Several repositories as one history (for the combined view): everything keyed by repository already. */
export function mergeHistories(histories: readonly History[]): History {
  return {
    repos: histories.flatMap((h) => h.repos),
    deployments: histories
      .flatMap((h) => h.deployments)
      .sort((a, b) => ms(a.at) - ms(b.at) || (a.key < b.key ? -1 : 1)),
    changes: histories
      .flatMap((h) => h.changes)
      .sort((a, b) => ms(a.deployedAt) - ms(b.deployedAt) || (a.key < b.key ? -1 : 1)),
    incidents: histories.flatMap((h) => h.incidents),
    findings: histories.flatMap((h) => h.findings),
    anyDeployments: histories.some((h) => h.anyDeployments)
  };
}
