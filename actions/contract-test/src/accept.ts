// Accepting an intentional break: entries of an ignore file (.github/contract-test-ignore.yml) and a pull request
// label. An accepted change is still reported, marked accepted with its reason, and no longer counts against the
// verdict. Entries match exactly (check id, path template, method, optionally the spec), so one entry never
// silences a class of changes; an expired entry stops applying and is itself reported.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { closestName } from '../../../shared/src/lib/suggest.js';
import { textOf } from '../../../shared/src/lib/text.js';
import { parseYamlDocument } from '../../../shared/src/lib/yaml.js';
import { normalisePath } from './diff/index.js';
import { readSettingsFile } from './repository-file.js';
import type { Change } from './spec/types.js';

export const DEFAULT_IGNORE_FILE = '.github/contract-test-ignore.yml';

const ENTRY_KEYS = ['id', 'path', 'method', 'reason', 'expires', 'spec'] as const;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export interface AcceptEntry {
  id: string;
  /** The path template as the change names it (`/items/{id}`, `webhook orderPaid`); absent for API-wide changes. */
  path?: string;
  /** Lower-case; absent for changes to a path or the whole API. */
  method?: string;
  /** Only changes of this spec (as the `spec` input names it); absent: any spec. */
  spec?: string;
  reason: string;
  /** `YYYY-MM-DD`: the entry applies through that day (UTC). */
  expires?: string;
  location: { file: string; line: number };
}

export interface IgnoreFile {
  file: string;
  entries: AcceptEntry[];
}

export interface Acceptance {
  by: 'ignore-file' | 'label';
  reason: string;
  /** The ignore file entry (by: ignore-file). */
  location?: { file: string; line: number };
  expires?: string;
  /** The label (by: label). */
  label?: string;
}

export type ReportedChange = Change & { accepted?: Acceptance };

export interface AcceptPolicy {
  ignore?: IgnoreFile;
  /** The accept-label input and whether the pull request carries it. */
  label?: { name: string; present: boolean };
  /** Today, `YYYY-MM-DD` (UTC): entries that expired before it no longer apply. */
  today: string;
}

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function validDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * Reads the ignore file. `named` is the path given (the default unless the workflow set another): a missing
 * default file means no entries, a missing named one is a mistake. The file is repository content: it is read
 * as data only, and only from inside the workspace.
 */
export function loadIgnoreFile(root: string, named: string, checkIds: readonly string[]): IgnoreFile | undefined {
  const text = readSettingsFile(root, named, DEFAULT_IGNORE_FILE, 'ignore file');
  return text === undefined ? undefined : parseIgnoreFile(text, named, checkIds);
}

/** Parses the ignore file; every mistake is one line naming the file, the line and what is wrong. */
export function parseIgnoreFile(text: string, file: string, checkIds: readonly string[]): IgnoreFile {
  const { doc: document, lineCounter: lines } = parseYamlDocument(text, file);
  const lineOf = (node: unknown) => {
    const range = (node as Node | null)?.range;
    return range ? lines.linePos(range[0]).line : 1;
  };
  const at = (node: unknown) => `${file}:${lineOf(node)}`;
  const result: IgnoreFile = { file, entries: [] };
  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) return result;
  if (!isMap(root)) throw new ConfigurationError(`${at(root)}: the ignore file must be a mapping with an accept: list`);
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (key !== 'accept')
      throw new ConfigurationError(`${at(pair.key)}: unknown key "${key}"; the ignore file has one key, accept`);
    const list = pair.value;
    if (list === null || (isScalar(list) && list.value === null)) continue;
    if (!isSeq(list)) throw new ConfigurationError(`${at(list ?? pair.key)}: accept must be a list of entries`);
    for (const item of list.items) result.entries.push(parseEntry(item, file, at, lineOf, checkIds));
  }
  return result;
}

function parseEntry(
  item: unknown,
  file: string,
  at: (node: unknown) => string,
  lineOf: (node: unknown) => number,
  checkIds: readonly string[]
): AcceptEntry {
  if (!isMap(item))
    throw new ConfigurationError(`${at(item)}: an accept entry must be a mapping (id, path, method, reason, expires)`);
  const values: Partial<Record<(typeof ENTRY_KEYS)[number], { text: string; node: unknown }>> = {};
  for (const pair of item.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!(ENTRY_KEYS as readonly string[]).includes(key)) {
      const guess = closestName(key, ENTRY_KEYS);
      throw new ConfigurationError(
        `${at(pair.key)}: unknown key "${key}" in an accept entry${guess ? ` (did you mean "${guess}"?)` : ''}; expected ${ENTRY_KEYS.join(', ')}`
      );
    }
    const value = pair.value;
    if (!isScalar(value) || value.value === null || typeof value.value === 'object')
      throw new ConfigurationError(`${at(value ?? pair.key)}: ${key} must be a single value`);
    values[key as (typeof ENTRY_KEYS)[number]] = { text: textOf(value.value).trim(), node: value };
  }
  const id = values.id;
  if (!id || id.text === '')
    throw new ConfigurationError(`${at(item)}: an accept entry needs an id (the change's check id)`);
  if (!checkIds.includes(id.text)) {
    const guess = closestName(id.text, checkIds);
    throw new ConfigurationError(
      `${at(id.node)}: unknown check id "${id.text}"${guess ? ` (did you mean "${guess}"?)` : ''}; ubos-actions contract-test checks lists them`
    );
  }
  const reason = values.reason;
  if (!reason || reason.text === '')
    throw new ConfigurationError(
      `${at(item)}: the accept entry for ${id.text} needs a reason (why the break is intended)`
    );
  const entry: AcceptEntry = { id: id.text, reason: reason.text, location: { file, line: lineOf(item) } };
  if (values.path) {
    if (!values.path.text.startsWith('/') && !values.path.text.startsWith('webhook '))
      throw new ConfigurationError(
        `${at(values.path.node)}: path must be the path template as the spec writes it (/items/{id}) or "webhook <name>"; got "${values.path.text}"`
      );
    entry.path = values.path.text;
  }
  if (values.method) {
    const method = values.method.text.toLowerCase();
    if (!METHODS.includes(method))
      throw new ConfigurationError(
        `${at(values.method.node)}: method must be one of ${METHODS.join(', ')}; got "${values.method.text}"`
      );
    if (!entry.path) throw new ConfigurationError(`${at(values.method.node)}: method needs a path`);
    entry.method = method;
  }
  if (values.expires) {
    if (!validDate(values.expires.text))
      throw new ConfigurationError(
        `${at(values.expires.node)}: expires must be a date written YYYY-MM-DD; got "${values.expires.text}"`
      );
    entry.expires = values.expires.text;
  }
  if (values.spec) entry.spec = values.spec.text.replace(/\\/g, '/').replace(/^\.\//, '');
  return entry;
}

export function isExpired(entry: AcceptEntry, today: string): boolean {
  return entry.expires !== undefined && entry.expires < today;
}

function matches(entry: AcceptEntry, change: Change, spec: string): boolean {
  if (entry.id !== change.id) return false;
  if (entry.spec !== undefined && entry.spec !== spec) return false;
  if ((entry.path === undefined) !== (change.path === undefined)) return false;
  if (entry.path !== undefined && normalisePath(entry.path) !== normalisePath(change.path!)) return false;
  return entry.method === change.method?.toLowerCase();
}

/**
 * Marks the changes the policy accepts (breaking and possibly-breaking ones; compatible changes need no
 * acceptance). `used` collects the entries that matched, so unused ones can be reported.
 */
export function acceptChanges(
  changes: readonly Change[],
  spec: string,
  policy: AcceptPolicy | undefined,
  used: Set<AcceptEntry>
): ReportedChange[] {
  if (!policy) return [...changes];
  const live = (policy.ignore?.entries ?? []).filter((e) => !isExpired(e, policy.today));
  return changes.map((change) => {
    if (change.level === 'info') return change;
    const entry = live.find((e) => matches(e, change, spec));
    if (entry) {
      used.add(entry);
      return {
        ...change,
        accepted: {
          by: 'ignore-file',
          reason: entry.reason,
          location: entry.location,
          ...(entry.expires ? { expires: entry.expires } : {})
        }
      };
    }
    if (policy.label?.present)
      return {
        ...change,
        accepted: { by: 'label', reason: `pull request label "${policy.label.name}"`, label: policy.label.name }
      };
    return change;
  });
}
