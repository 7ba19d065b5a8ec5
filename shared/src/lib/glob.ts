// Globs over `/`-separated paths and how files are named in reports. Our own small matcher: the CLI must start
// fast, and the patterns needed are simple (`**`, `*`, `?`, `[...]`, `{a,b}`).
//
// One case rule everywhere: a file extension at the end of a glob (`*.sql`, `migration.sql`) matches in any
// case (`.SQL`, `.Sql`), as the folder walk does, because migration tools on case-insensitive file systems
// write either. Everything else in a glob is case-sensitive, as the file system is.
import { readdirSync, type Dirent } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ConfigurationError } from './errors.js';

const GLOB_CHARS = /[*?[{]/;
/** Folders no walk descends into: dependencies and git's own files are never migrations. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

export function isGlob(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

/** `\.[sS][qQ][lL]` for `.sql`: the extension in either case. */
function anyCaseExtension(extension: string): string {
  return `\\.${[...extension].map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c)).join('')}`;
}

/** A glob as an anchored regular expression over `/`-separated paths: `**`, `*`, `?`, `[...]`, `{a,b}`. */
export function globToRegExp(glob: string): RegExp {
  // A trailing `.ext` written literally (not escaped, not inside brackets or braces) matches in any case.
  const extension = /(?<!\\)\.([A-Za-z0-9]+)$/.exec(glob);
  const body = extension ? glob.slice(0, extension.index) : glob;
  let out = '';
  let braces = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '*') {
      if (body[i + 1] === '*') {
        const slashAfter = body[i + 2] === '/';
        const atSegmentStart = i === 0 || body[i - 1] === '/';
        if (atSegmentStart && slashAfter) {
          out += '(?:[^/]*/)*';
          i += 2;
        } else {
          out += '.*';
          i += 1;
        }
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = body.indexOf(']', i + 2);
      if (close < 0) out += '\\[';
      else {
        let set = body.slice(i + 1, close);
        if (set.startsWith('!')) set = `^${set.slice(1)}`;
        out += `[${set.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else if (c === '\\' && i + 1 < body.length) out += `\\${body[++i]}`;
    else out += /[.+^$()|\\/\]{}]/.test(c) ? `\\${c}` : c;
  }
  if (braces > 0) throw new ConfigurationError(`glob "${glob}" has an unclosed {`);
  return new RegExp(`^${out}${extension ? anyCaseExtension(extension[1]) : ''}$`);
}

/** True when the path ends with the extension (given without the dot), in any case. */
export function hasExtension(path: string, extension: string): boolean {
  return path.length > extension.length && path.slice(-extension.length - 1).toLowerCase() === `.${extension}`;
}

export interface GlobWalk {
  /** The folder the walk starts from: the glob's leading segments without glob characters. */
  base: string;
  /** How many folder levels below `base` the rest of the pattern can reach. */
  depth: number;
  test: RegExp;
}

/** Splits a glob into the folder to start walking from and how deep the rest of the pattern can reach. */
export function planGlobWalk(pattern: string, cwd: string): GlobWalk {
  const absolute = toPosix(resolve(cwd, pattern));
  const segments = absolute.split('/');
  const firstGlob = segments.findIndex((s) => isGlob(s));
  const base = segments.slice(0, firstGlob).join('/') || '/';
  const rest = segments.slice(firstGlob);
  return {
    base,
    depth: rest.some((s) => s.includes('**')) ? Infinity : rest.length,
    test: globToRegExp(absolute)
  };
}

/**
 * Calls `visit` for each file (or symbolic link, which is not followed into folders) below `dir`, up to `depth`
 * levels, skipping node_modules and .git. An unreadable folder is skipped.
 */
export function walkFiles(dir: string, depth: number, visit: (path: string, entry: Dirent) => void): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = dir === '/' ? `/${entry.name}` : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (depth > 1 && !SKIPPED_DIRS.has(entry.name)) walkFiles(path, depth - 1, visit);
    } else if (entry.isFile() || entry.isSymbolicLink()) visit(path, entry);
  }
}

/** How a file is named in reports: relative to cwd with `/`, or absolute when it lies outside. */
export function displayPath(absolute: string, cwd: string): string {
  const rel = toPosix(relative(cwd, absolute));
  return rel === '' || rel.startsWith('../') || rel === '..' || isAbsolute(rel) ? toPosix(absolute) : rel;
}

/** True when `path` is `root` or below it (both absolute; no file system access). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}
