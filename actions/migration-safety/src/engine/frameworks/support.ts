// Helpers the framework modules share: blanking sections with positions kept, path order, path pieces.
import { posix } from 'node:path';
import type { FileHints, FrameworkPlan } from './types.js';

/**
 * Blanks everything but the section after `start` and before `stop` (when the markers exist), keeping every
 * newline and the character count so positions still match the original file.
 */
export function keepSection(text: string, start: RegExp, stop: RegExp): string {
  const begin = start.exec(text);
  if (!begin) return text;
  const from = begin.index + begin[0].length;
  const after = stop.exec(text.slice(from));
  const to = after ? from + after.index : text.length;
  return blank(text.slice(0, from)) + text.slice(from, to) + blank(text.slice(to));
}

/** Keeps only text[from, to): the rest becomes spaces, newlines kept. */
export function keepRange(text: string, from: number, to: number): string {
  return blank(text.slice(0, from)) + text.slice(from, to) + blank(text.slice(to));
}

export function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

/** Migration order: by path with numbers compared as numbers (V2 before V10), as the tools order versions. */
export function compareMigrationPaths(a: string, b: string): number {
  // One collator for every comparison: localeCompare with options builds a new one per call.
  return (pathCollator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'variant' })).compare(a, b);
}

let pathCollator: Intl.Collator | undefined;

/** Byte (code unit) order, as Go's sort of file names: `10_x` before `9_x`. */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const baseName = (path: string): string => path.split('/').pop() ?? path;
export const dirName = (path: string): string => posix.dirname(path);

/** `dir/name` for a name read from a project file; undefined when the name climbs out of `dir`. */
export function inside(dir: string, name: string): string | undefined {
  if (name === '' || name.startsWith('/') || name.includes('\\') || name.includes('\0')) return undefined;
  const normal = posix.normalize(name);
  if (normal === '..' || normal.startsWith('../')) return undefined;
  return dir === '.' ? normal : posix.join(dir, normal);
}

/** Files grouped by folder, folders in path order, each folder's files in the order given. */
export function byFolder(paths: readonly string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const path of paths) {
    const dir = dirName(path);
    let group = groups.get(dir);
    if (!group) groups.set(dir, (group = []));
    group.push(path);
  }
  return [...groups].sort(([a], [b]) => compareMigrationPaths(a, b));
}

/** A plan that keeps the files in the given order with no hints (the tools that order by file name). */
export function namePlan(paths: readonly string[], compare = compareMigrationPaths): FrameworkPlan {
  return { files: [...paths].sort(compare), hints: new Map<string, FileHints>(), notices: [] };
}

/** A short, single-line quotation of text read from a project file (control characters as \xNN). */
export function quote(text: string, max = 60): string {
  let flat = '';
  for (const char of text.length > max ? `${text.slice(0, max)}…` : text) {
    const code = char.charCodeAt(0);
    flat += code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : char === '"' ? '\\"' : char;
  }
  return `"${flat}"`;
}

/** Line number (1-based) of a character index. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
