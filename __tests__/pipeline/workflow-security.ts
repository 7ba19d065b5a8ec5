// Security rules for our workflow files, of the kinds zizmor and OpenSSF Scorecard report. No maintained npm
// package covers them (zizmor ships on PyPI and crates.io, Scorecard and poutine are Go binaries: none of those
// registries is reachable here; the npm workflow linters check style and syntax), so each rule is written here,
// with a failing example in workflow-security.test.ts. Some are stricter than zizmor on purpose: no `${{ }}` at all
// in a script, explicit permissions on every job, explicit persist-credentials.
import { jobsOf, lineOf, triggers, type Job, type Mapping, type Workflow } from './workflow-model.js';

export interface SecurityFinding {
  rule: string;
  file: string;
  line: number;
  message: string;
}

export interface SecurityRule {
  id: string;
  /** What zizmor / Scorecard call it. */
  seenAs: string;
  check(workflow: Workflow): SecurityFinding[];
}

const finding = (rule: string, workflow: Workflow, needle: string, message: string): SecurityFinding => ({
  rule,
  file: workflow.file,
  line: lineOf(workflow, needle),
  message
});

/** Our own actions and reusable workflows: moved by this repository's release (release.yml), pinned at release. */
const FIRST_PARTY = /^ubos\/actions\/[\w./-]+@v\d+$/;
const FULL_SHA = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;

function allUses(workflow: Workflow): string[] {
  return jobsOf(workflow).flatMap(([, job]) => [
    ...(job.uses ? [job.uses] : []),
    ...(job.steps ?? []).flatMap((s) => (s.uses ? [s.uses] : []))
  ]);
}

function permissionEntries(permissions: unknown): [string, string][] {
  if (typeof permissions === 'string') return [['*', permissions]];
  return permissions && typeof permissions === 'object'
    ? Object.entries(permissions as Mapping).map(([k, v]) => [k, String(v)])
    : [];
}

function writes(permissions: unknown): string[] {
  return permissionEntries(permissions)
    .filter(([scope, level]) => level === 'write' || (scope === '*' && level === 'write-all'))
    .map(([scope]) => scope);
}

const hasSteps = (job: Job) => Array.isArray(job.steps);

export const RULES: SecurityRule[] = [
  {
    id: 'dangerous-triggers',
    seenAs: 'zizmor dangerous-triggers; Scorecard Dangerous-Workflow',
    check: (w) =>
      triggers(w)
        .filter((t) => t === 'pull_request_target' || t === 'workflow_run')
        .map((t) =>
          finding(
            'dangerous-triggers',
            w,
            t,
            `"${t}" runs with the base repository's secrets and write token on code a fork can control`
          )
        )
  },
  {
    id: 'template-injection',
    seenAs: 'zizmor template-injection; Scorecard Dangerous-Workflow (script injection)',
    check: (w) =>
      jobsOf(w).flatMap(([name, job]) =>
        (job.steps ?? []).flatMap((step) => {
          const scripts: [string, unknown][] = [['run', step.run]];
          if (/^actions\/github-script@/.test(step.uses ?? '')) scripts.push(['with.script', step.with?.script]);
          return scripts
            .filter(([, text]) => typeof text === 'string' && text.includes('${{'))
            .map(([where, text]) =>
              finding(
                'template-injection',
                w,
                String(text).slice(0, 40),
                `job "${name}" step "${step.name ?? step.id ?? step.uses ?? 'run'}": \${{ }} in ${where} is pasted into the script before it runs; pass the value through env:`
              )
            );
        })
      )
  },
  {
    id: 'unpinned-uses',
    seenAs: 'zizmor unpinned-uses and unpinned-images; Scorecard Pinned-Dependencies',
    check: (w) =>
      allUses(w).flatMap((uses) => {
        if (uses.startsWith('./') || FIRST_PARTY.test(uses)) return [];
        if (uses.startsWith('docker://'))
          return /@sha256:[0-9a-f]{64}$/.test(uses)
            ? []
            : [finding('unpinned-uses', w, uses, `${uses}: pin the image by digest (@sha256:...)`)];
        if (!FULL_SHA.test(uses))
          return [finding('unpinned-uses', w, uses, `${uses}: pin a third-party action by its full commit SHA`)];
        const line = w.text.split('\n').find((l) => l.includes(uses)) ?? '';
        return /#\s*v\d+(\.\d+)*\s*$/.test(line)
          ? []
          : [finding('unpinned-uses', w, uses, `${uses}: say which version the SHA is in a comment (# v1.2.3)`)];
      })
  },
  {
    id: 'excessive-permissions',
    seenAs: 'zizmor excessive-permissions; Scorecard Token-Permissions',
    check: (w) => {
      const found: SecurityFinding[] = [];
      if (w.doc.permissions === undefined)
        found.push(
          finding(
            'excessive-permissions',
            w,
            'jobs:',
            'no top-level permissions: the token gets the repository default'
          )
        );
      const top = permissionEntries(w.doc.permissions);
      if (top.some(([, level]) => level === 'write' || level === 'write-all' || level === 'read-all'))
        found.push(
          finding(
            'excessive-permissions',
            w,
            'permissions:',
            'top-level permissions must be read-only: grant writes per job'
          )
        );
      for (const [name, job] of jobsOf(w)) {
        if (job.permissions === undefined)
          found.push(
            finding('excessive-permissions', w, `${name}:`, `job "${name}" declares no permissions: say what it needs`)
          );
        else if (typeof job.permissions === 'string')
          found.push(
            finding('excessive-permissions', w, `${name}:`, `job "${name}": ${job.permissions} grants every scope`)
          );
        if (hasSteps(job) && writes(job.permissions).includes('id-token') && job.environment === undefined)
          found.push(
            finding(
              'excessive-permissions',
              w,
              'id-token: write',
              `job "${name}": id-token: write without an environment; OIDC logins belong to deploy jobs, whose subject names the environment`
            )
          );
      }
      return found;
    }
  },
  {
    id: 'secrets-inherit',
    seenAs: 'zizmor secrets-inherit',
    check: (w) =>
      jobsOf(w)
        .filter(([, job]) => job.secrets === 'inherit')
        .map(([name]) =>
          finding(
            'secrets-inherit',
            w,
            'secrets: inherit',
            `job "${name}": secrets: inherit hands every secret to the called workflow; pass the ones it declares`
          )
        )
  },
  {
    id: 'checkout-credentials',
    seenAs: 'zizmor artipacked',
    check: (w) =>
      jobsOf(w).flatMap(([name, job]) =>
        (job.steps ?? [])
          .filter((s) => /^actions\/checkout@/.test(s.uses ?? '') && s.with?.['persist-credentials'] === undefined)
          .map(() =>
            finding(
              'checkout-credentials',
              w,
              'actions/checkout@',
              `job "${name}": actions/checkout keeps the token in .git/config unless persist-credentials: false`
            )
          )
      )
  },
  {
    id: 'deploy-concurrency',
    seenAs: 'zizmor concurrency-limits (pedantic); our rule: never cancel a deploy in progress',
    check: (w) => {
      const found: SecurityFinding[] = [];
      const deploys = jobsOf(w).filter(([, job]) => hasSteps(job) && writes(job.permissions).includes('deployments'));
      for (const [name, job] of deploys) {
        const c = job.concurrency as Mapping | undefined;
        if (!c || typeof c !== 'object' || c['cancel-in-progress'] !== false)
          found.push(
            finding(
              'deploy-concurrency',
              w,
              `${name}:`,
              `job "${name}" writes deployments: give it a concurrency group with cancel-in-progress: false`
            )
          );
      }
      const top = w.doc.concurrency as Mapping | undefined;
      const deploysAnywhere = jobsOf(w).some(([, job]) => writes(job.permissions).includes('deployments'));
      if (deploysAnywhere && top && typeof top === 'object' && top['cancel-in-progress'] === true)
        found.push(
          finding(
            'deploy-concurrency',
            w,
            'cancel-in-progress: true',
            'the workflow deploys: cancel-in-progress: true would cancel a deploy in progress'
          )
        );
      return found;
    }
  }
];

export function checkSecurity(workflow: Workflow): SecurityFinding[] {
  return RULES.flatMap((rule) => rule.check(workflow));
}
