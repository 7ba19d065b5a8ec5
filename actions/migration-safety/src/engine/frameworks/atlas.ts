// Atlas (versioned migrations): the .sql files of the migration directory in file-name order, which atlas.sum
// lists after its h1: total line; Atlas refuses to apply a directory whose atlas.sum does not match it. Each file
// runs in its own transaction (--tx-mode file, the default); a file whose header (comments at the top, then an
// empty line) says `-- atlas:txmode none` runs outside any, and `atlas:txmode all` is refused in a file.
//
// The --tx-mode flag of `atlas migrate apply` is not visible here: with --tx-mode none or all, set
// assume-in-transaction.
import { ConfigurationError } from '../../../../../shared/src/lib/errors.js';
import { isDownFile } from '../../../../../shared/src/lib/migration-frameworks.js';
import { baseName, byFolder, inside, quote } from './support.js';
import type { FileHints, MigrationFramework } from './types.js';

function readSum(text: string, file: string): { name: string; line: number }[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (!lines[0]?.startsWith('h1:'))
    throw new ConfigurationError(`${file}:1: not an atlas.sum (its first line is h1:<hash>); run atlas migrate hash`);
  const entries: { name: string; line: number }[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '' && i === lines.length - 2) return;
    const at = line.indexOf('h1:');
    const name = at > 0 ? line.slice(0, at).trim() : '';
    if (name === '')
      throw new ConfigurationError(`${file}:${i + 2}: not a "<file> h1:<hash>" line: ${quote(line.trim())}`);
    entries.push({ name, line: i + 2 });
  });
  return entries;
}

/** The file's header comments (Atlas: comments at the very top, separated from the statements by an empty line). */
function headerComments(text: string): { text: string; start: number }[] {
  const comments: { text: string; start: number }[] = [];
  let at = 0;
  while (text.startsWith('#', at) || text.startsWith('--', at)) {
    const end = text.indexOf('\n', at);
    comments.push({ text: text.slice(at, end === -1 ? undefined : end).trim(), start: at });
    if (end === -1) return comments;
    at = end + 1;
  }
  const rest = text.slice(at);
  // Atlas wants an empty line (a bare \n: a CRLF file's header does not count) between header and statements.
  return rest === '' || rest.replace(/^[ \t]*/, '').startsWith('\n') ? comments : [];
}

const DIRECTIVE = /^[ -~]*?atlas:(\w+)(?: +(.+))?/;

export const atlas: MigrationFramework = {
  name: 'atlas',
  source:
    'https://atlasgo.io/versioned/apply (migrate apply, its flags) and https://atlasgo.io/blog/2022/09/05/announcing-migration-execution (files sorted by name, atlas.sum); cmd/atlas/internal/cmdapi/migrate.go (txmodeFor: none and file allowed in a file, all refused), sql/migrate/dir.go (Files sorted by name, file directives, HashFile)',
  defaultPaths: ['migrations/*.sql'],
  isDown: (path) => isDownFile(baseName(path)),
  plan(paths, project) {
    const files: string[] = [];
    for (const [dir, group] of byFolder(paths)) {
      const sum = `${dir === '.' ? '' : `${dir}/`}atlas.sum`;
      const text = project.read(sum);
      if (text === undefined)
        throw new ConfigurationError(
          `${group[0]}: no ${sum} in its folder (Atlas refuses a directory without one); run atlas migrate hash`
        );
      const wanted = new Set(group);
      for (const { name, line } of readSum(text, sum)) {
        const file = inside(dir, name);
        if (file === undefined) throw new ConfigurationError(`${sum}:${line}: ${quote(name)} is not a file in ${dir}`);
        if (!project.exists(file))
          throw new ConfigurationError(
            `${sum}:${line}: ${file} does not exist, so Atlas refuses the directory; run atlas migrate hash`
          );
        if (wanted.delete(file)) files.push(file);
      }
      const missing = [...wanted][0];
      if (missing !== undefined)
        throw new ConfigurationError(
          `${missing}: not in ${sum}, so Atlas refuses the directory; run atlas migrate hash`
        );
    }
    return { files, hints: new Map<string, FileHints>(), notices: [] };
  },
  detect(paths, project) {
    for (const [dir] of byFolder(paths)) {
      const sum = `${dir === '.' ? '' : `${dir}/`}atlas.sum`;
      if (project.exists(sum)) return `${sum} is an Atlas migration directory's sum file`;
    }
    return undefined;
  },
  prepare(text, context) {
    const modes: string[] = [];
    for (const comment of headerComments(text)) {
      const directive = DIRECTIVE.exec(comment.text);
      if (directive?.[1] === 'txmode') modes.push((directive[2] ?? '').trim());
    }
    if (modes.length > 1)
      throw new ConfigurationError(`${context.path}: more than one atlas:txmode directive (Atlas refuses the file)`);
    const mode = modes[0];
    if (mode === 'all')
      throw new ConfigurationError(
        `${context.path}: atlas:txmode all is not allowed in a file (Atlas refuses it); use file`
      );
    if (mode !== undefined && mode !== 'none' && mode !== 'file')
      throw new ConfigurationError(`${context.path}: unknown atlas:txmode ${quote(mode)} (none or file)`);
    return mode === 'none'
      ? { text, implicitTransaction: false, transactionReason: 'Atlas: -- atlas:txmode none' }
      : {
          text,
          implicitTransaction: true,
          transactionReason:
            mode === 'file'
              ? 'Atlas: -- atlas:txmode file'
              : 'Atlas runs each file in its own transaction (--tx-mode file)'
        };
  }
};
