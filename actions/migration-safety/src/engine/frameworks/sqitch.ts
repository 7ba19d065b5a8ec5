// Sqitch: sqitch.plan lists the changes in deploy order; each change's deploy script is deploy/<change>.sql
// (revert/ and verify/ hold its rollback and its check, never deployed). A change reworked after a tag keeps its
// earlier script as deploy/<change>@<tag>.sql. Sqitch runs a script with psql as it is written and opens no
// transaction around it: the script `sqitch add` writes wraps the change in BEGIN ... COMMIT itself.
//
// Only the default layout is read (sqitch.plan, deploy/ beside it); top_dir, deploy_dir and plan_file in
// sqitch.conf are not.
import { ConfigurationError } from '../../../../../shared/src/lib/errors.js';
import { isDownFile } from '../../../../../shared/src/lib/migration-frameworks.js';
import { baseName, compareMigrationPaths, inside, quote } from './support.js';
import type { FileHints, MigrationFramework, ProjectReader } from './types.js';

const TIMESTAMP = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z`;
// name [dependencies] timestamp planner <email> [# note]; a tag line starts with @.
const CHANGE = new RegExp(
  String.raw`^\s*(?:[+-]\s*)?([^\s:@#\\\[\]]+)\s+(?:\[[^\]]*\]\s*)?${TIMESTAMP}\s+[^<]*<[^>]*>\s*(?:#.*)?$`
);
const TAG = new RegExp(String.raw`^\s*@([^\s:@#\\\[\]/]+)\s+${TIMESTAMP}\s+[^<]*<[^>]*>\s*(?:#.*)?$`);

interface PlanLine {
  kind: 'change' | 'tag';
  name: string;
  line: number;
}

function readPlan(text: string, file: string): PlanLine[] {
  const lines: PlanLine[] = [];
  let project = false;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (/^\s*(?:#.*)?$/.test(line)) return;
    if (/^\s*%/.test(line)) {
      if (/^\s*%\s*project\s*=\s*\S/.test(line)) project = true;
      else if (!/^\s*%\s*[\w-]+\s*=/.test(line))
        throw new ConfigurationError(`${file}:${i + 1}: not a %name=value pragma: ${quote(line.trim())}`);
      return;
    }
    const tag = TAG.exec(line);
    const change = tag ? undefined : CHANGE.exec(line);
    if (!tag && !change)
      throw new ConfigurationError(
        `${file}:${i + 1}: not a change or tag line (name, timestamp, planner <email>): ${quote(line.trim())}`
      );
    lines.push({ kind: tag ? 'tag' : 'change', name: (tag ?? change)![1], line: i + 1 });
  });
  if (!project) throw new ConfigurationError(`${file}: no %project pragma (sqitch refuses the plan)`);
  return lines;
}

/** The deploy scripts the plan names, in deploy order, each with the plan line naming it. */
function deployScripts(lines: PlanLine[], top: string, plan: string, project: ProjectReader) {
  const deployDir = top === '.' ? 'deploy' : `${top}/deploy`;
  const scripts: { file: string; line: number }[] = [];
  lines.forEach((entry, i) => {
    if (entry.kind !== 'change') return;
    const next = lines.findIndex((later, j) => j > i && later.kind === 'change' && later.name === entry.name);
    let file: string | undefined;
    if (next === -1) file = inside(deployDir, `${entry.name}.sql`);
    else {
      // Reworked later: this instance's script is named after a tag between it and the next instance; sqitch
      // tries them from the latest back (the latest is the one `sqitch rework` names the copy after).
      const tags = lines
        .slice(i + 1, next)
        .filter((l) => l.kind === 'tag')
        .reverse();
      if (tags.length === 0)
        throw new ConfigurationError(
          `${plan}:${lines[next].line}: change ${quote(entry.name)} appears again without a tag in between (sqitch refuses the plan)`
        );
      const candidates = tags.map((tag) => inside(deployDir, `${entry.name}@${tag.name}.sql`));
      file = candidates.find((c) => c !== undefined && project.exists(c)) ?? candidates[0];
    }
    if (file === undefined)
      throw new ConfigurationError(
        `${plan}:${entry.line}: change ${quote(entry.name)} names a script outside ${deployDir}`
      );
    scripts.push({ file, line: entry.line });
  });
  return scripts;
}

/** The sqitch project a deploy script belongs to: the folder above its deploy/ that holds sqitch.plan. */
function topOf(path: string, project: ProjectReader): string | undefined {
  const parts = path.split('/');
  for (let i = parts.length - 2; i >= 0; i--) {
    if (parts[i] !== 'deploy') continue;
    const top = i === 0 ? '.' : parts.slice(0, i).join('/');
    if (project.exists(top === '.' ? 'sqitch.plan' : `${top}/sqitch.plan`)) return top;
  }
  return undefined;
}

export const sqitch: MigrationFramework = {
  name: 'sqitch',
  source:
    'https://sqitch.org/docs/manual/sqitch-add/ and the sqitchtutorial manual page (deploy/revert/verify scripts, the plan, BEGIN/COMMIT in the deploy script); lib/App/Sqitch/Plan.pm (plan syntax, rework), Plan/Change.pm (script paths), Engine/pg.pm (run_file: psql --file, no transaction), etc/templates/deploy/pg.tmpl',
  defaultPaths: ['deploy/**/*.sql'],
  isDown: (path) => isDownFile(baseName(path)) || /(?:^|\/)(?:revert|verify)\//.test(path),
  plan(paths, project) {
    const files: string[] = [];
    const notices: string[] = [];
    const projects = new Map<string, string[]>();
    for (const path of paths) {
      const top = topOf(path, project);
      if (top === undefined)
        throw new ConfigurationError(
          `${path}: no sqitch.plan above its deploy/ folder (sqitch takes the order from it)`
        );
      let group = projects.get(top);
      if (!group) projects.set(top, (group = []));
      group.push(path);
    }
    for (const [top, group] of [...projects].sort(([a], [b]) => compareMigrationPaths(a, b))) {
      const plan = top === '.' ? 'sqitch.plan' : `${top}/sqitch.plan`;
      const wanted = new Set(group);
      for (const { file, line } of deployScripts(readPlan(project.read(plan) ?? '', plan), top, plan, project)) {
        if (!project.exists(file))
          throw new ConfigurationError(
            `${plan}:${line}: the deploy script ${file} does not exist (sqitch deploy would fail)`
          );
        if (wanted.delete(file)) files.push(file);
      }
      for (const file of wanted) notices.push(`${file}: not in ${plan}, so sqitch never deploys it; not linted`);
    }
    return { files, hints: new Map<string, FileHints>(), notices };
  },
  detect(paths, project) {
    const path = paths.find((p) => topOf(p, project) !== undefined);
    return path ? `${path} is the deploy script of a sqitch project (sqitch.plan)` : undefined;
  },
  prepare: (text) => ({
    text,
    implicitTransaction: false,
    transactionReason: 'sqitch runs the deploy script as written (its BEGIN/COMMIT, if any)'
  })
};
