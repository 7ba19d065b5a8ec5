// Ignore comments: ours (`-- ubos-ignore: a, b` before a statement, `-- ubos-ignore-file: a` anywhere) and
// squawk's (`-- squawk-ignore a,b`, `-- squawk-ignore-file`), mapped to our rules through their equivalents,
// so a team switching from squawk keeps its existing suppressions.
import type { Rule } from './rule.js';

/** Rule ids to skip; `all` when the comment names no rule. */
export type Suppressed = Set<string> | 'all';

// Case-insensitive like SQL keywords around them; rule ids are lower-cased by ruleList.
const OURS = /--\s*ubos-ignore(-file)?\s*(?::\s*([^\n]*))?/gi;
const SQUAWK = /--\s*squawk-ignore(-file)?\b[ \t]*([^\n]*)/gi;

interface Directive {
  file: boolean;
  rules: 'all' | string[];
}

function directives(text: string, squawkToOurs: Map<string, string[]>): Directive[] {
  const found: Directive[] = [];
  for (const match of text.matchAll(OURS)) {
    found.push({ file: !!match[1], rules: ruleList(match[2]) });
  }
  for (const match of text.matchAll(SQUAWK)) {
    const rules = ruleList(match[2]);
    found.push({ file: !!match[1], rules: rules === 'all' ? 'all' : rules.flatMap((r) => squawkToOurs.get(r) ?? []) });
  }
  return found;
}

function ruleList(text: string | undefined): 'all' | string[] {
  const ids = (text ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => /^[a-z0-9-]+$/i.test(s));
  return ids.length === 0 ? 'all' : ids.map((s) => s.toLowerCase());
}

export function squawkIndex(rules: readonly Rule[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const rule of rules) {
    for (const id of rule.equivalents.squawk ?? []) index.set(id, [...(index.get(id) ?? []), rule.id]);
  }
  return index;
}

function merge(into: Suppressed, rules: 'all' | string[]): Suppressed {
  if (into === 'all' || rules === 'all') return 'all';
  for (const r of rules) into.add(r);
  return into;
}

export function fileSuppressions(text: string, squawkToOurs: Map<string, string[]>): Suppressed {
  let suppressed: Suppressed = new Set();
  if (!/ignore-file/i.test(text)) return suppressed;
  for (const d of directives(text, squawkToOurs)) if (d.file) suppressed = merge(suppressed, d.rules);
  return suppressed;
}

/** Suppressions written in the comments just before a statement (its leading text). */
export function statementSuppressions(leading: string, squawkToOurs: Map<string, string[]>): Suppressed {
  let suppressed: Suppressed = new Set();
  if (!/ignore/i.test(leading)) return suppressed;
  for (const d of directives(leading, squawkToOurs)) if (!d.file) suppressed = merge(suppressed, d.rules);
  return suppressed;
}

export function isSuppressed(rule: string, ...sets: Suppressed[]): boolean {
  return sets.some((s) => s === 'all' || s.has(rule));
}
