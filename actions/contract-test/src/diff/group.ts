// Repetition in the diff's output, folded. A schema shared by several places is compared once per place, so one
// edit comes out once per media type of a response, once per oneOf/anyOf branch it sits in, and once per
// operation that reaches it. Two folds, each keyed so that two different edits are never merged:
//
// 1. mergeRepeats (inside one operation, before the changes leave the diff): the same schema change reported
//    for several media types of one request body or response, or in several branches of a oneOf/anyOf, is one
//    change whose message names the media types and the branches. Key: check id, level, operation, the head
//    location, and the message with only the media type and the branch indices taken out.
// 2. groupChanges (across operations, after the ignore file is applied, for the reports): the same schema change
//    reached from several operations is one entry at the schema's location that names the operations. Key: check
//    id, level, the head location (the shared schema's position), the message after its owner (the part that
//    names the property, what changed, from what to what, and where a removed thing was in the base), and how it
//    was accepted. Only schema changes (Change.owner set) with a location are grouped: their location is the
//    schema node itself, which the operations share; other changes fall back to a parent (`paths`, the document)
//    that several distinct edits can have in common, so they stay one entry each.
import { createHash } from 'node:crypto';
import type { Change, ChangeLevel, SourceLocation } from '../spec/types.js';

const HOLE = '\u0000';
/** The media type an owner label ends with: `response 200 (application/json)`, `request body (text/plain)`. */
const OWNER_MEDIA = /\(([^()]*\/[^()]*)\)$/;
/** A oneOf/anyOf branch index in a property path: `pet.oneOf[1].id`. */
const BRANCH = /\b(oneOf|anyOf)\[(\d+)\]/g;

function locationKey(location: SourceLocation | undefined): string {
  return location ? `${location.file}:${location.line}:${location.column}` : '';
}

/** The message after the owner label, or undefined when the change is not a schema change. */
function restOf(change: Change): string | undefined {
  if (change.owner === undefined || !change.message.startsWith(change.owner)) return undefined;
  return change.message.slice(change.owner.length);
}

interface Template {
  key: string;
  owner: string;
  media?: string;
  rest: string;
  branches: string[];
}

function template(change: Change, rest: string): Template {
  const owner = change.owner!;
  const media = OWNER_MEDIA.exec(owner);
  const branches: string[] = [];
  const restTemplate = rest.replace(BRANCH, (_, kind: string, index: string) => {
    branches.push(index);
    return `${kind}[${HOLE}]`;
  });
  const ownerTemplate = media ? `${owner.slice(0, media.index)}(${HOLE})` : owner;
  return {
    key: JSON.stringify([
      change.id,
      change.level,
      change.path ?? null,
      change.method ?? null,
      locationKey(change.location),
      ownerTemplate,
      restTemplate
    ]),
    owner: ownerTemplate,
    media: media?.[1],
    rest: restTemplate,
    branches
  };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/**
 * Merges the media-type and branch repeats of one schema change inside one operation (1. above). Changes keep
 * their order (a merged change stands where its first part was); changes without a location are left alone.
 */
export function mergeRepeats(changes: readonly Change[]): Change[] {
  const parts = new Map<string, { first: Change; templates: Template[] }>();
  const order: (Change | string)[] = [];
  for (const change of changes) {
    const rest = restOf(change);
    if (rest === undefined || !change.location) {
      order.push(change);
      continue;
    }
    const t = template(change, rest);
    const known = parts.get(t.key);
    if (known) known.templates.push(t);
    else {
      parts.set(t.key, { first: change, templates: [t] });
      order.push(t.key);
    }
  }
  return order.map((entry) => {
    if (typeof entry !== 'string') return entry;
    const { first, templates } = parts.get(entry)!;
    if (templates.length === 1) return first;
    const [t] = templates;
    const media = unique(templates.flatMap((x) => (x.media === undefined ? [] : [x.media])));
    const owner = t.media === undefined ? t.owner : t.owner.replace(HOLE, media.join(', '));
    let slot = 0;
    const rest = t.rest.replace(new RegExp(HOLE, 'g'), () => {
      const i = slot++;
      return unique(templates.map((x) => x.branches[i]))
        .sort((a, b) => Number(a) - Number(b))
        .join(', ');
    });
    return { ...first, owner, message: `${owner}${rest}` };
  });
}

/** How reports name an operation: `GET /items`, `webhook "x" (POST)` is its path and method. */
export function operationName(change: { path?: string; method?: string }): string {
  if (!change.path) return 'API-wide';
  return change.method ? `${change.method.toUpperCase()} ${change.path}` : change.path;
}

/** The operations a grouped entry names before "and N more". */
export const GROUP_OPERATIONS_SHOWN = 7;
/** The owners (response 200, request body, ...) a grouped entry names before "and N more". */
const GROUP_OWNERS_SHOWN = 3;

export interface ChangeGroup<C extends Change = Change> {
  /** Stable id (a hash of the spec and the key), carried by each member in the JSON report. */
  id: string;
  /** In report order; the first is the representative (its id, level, location, acceptance). */
  members: C[];
  /** The distinct operations the members are in, in order. */
  operations: string[];
  /** One line for the whole group: the owners, what changed and, for several operations, which. */
  message: string;
}

function groupMessage(members: readonly Change[], operations: readonly string[]): string {
  const [first] = members;
  if (members.length === 1) return first.message;
  const rest = restOf(first)!;
  const owners = unique(members.map((m) => m.owner!));
  const shownOwners = owners.slice(0, GROUP_OWNERS_SHOWN).join(' / ');
  const moreOwners = owners.length > GROUP_OWNERS_SHOWN ? ` and ${owners.length - GROUP_OWNERS_SHOWN} more` : '';
  if (operations.length <= 1) return `${shownOwners}${moreOwners}${rest}`;
  const shown = operations.slice(0, GROUP_OPERATIONS_SHOWN).join(', ');
  const more =
    operations.length > GROUP_OPERATIONS_SHOWN ? `, … and ${operations.length - GROUP_OPERATIONS_SHOWN} more` : '';
  return `${shownOwners}${moreOwners}${rest} (in ${operations.length} operations: ${shown}${more})`;
}

/**
 * Folds the same schema change reached from several operations into one group (2. above); every other change is a
 * group of one. `acceptance` tells accepted changes apart (an accepted operation leaves the group of the others),
 * `spec` makes the ids of several specs of a step distinct.
 */
export function groupChanges<C extends Change>(
  changes: readonly C[],
  spec = '',
  acceptance: (change: C) => string = () => ''
): ChangeGroup<C>[] {
  const groups = new Map<string, C[]>();
  changes.forEach((change, index) => {
    const rest = restOf(change);
    const key =
      rest !== undefined && change.location
        ? JSON.stringify(['group', change.id, change.level, locationKey(change.location), rest, acceptance(change)])
        : JSON.stringify(['one', index]);
    const members = groups.get(key);
    if (members) members.push(change);
    else groups.set(key, [change]);
  });
  return [...groups].map(([key, members]) => {
    const operations = unique(members.map(operationName));
    const id = createHash('sha256')
      .update(JSON.stringify([spec, key, members[0].message]))
      .digest('hex');
    return { id: id.slice(0, 12), members, operations, message: groupMessage(members, operations) };
  });
}

export interface GroupedCounts {
  /** Entries per level (a group counts once) and how many of them stand for more than one change. */
  entries: Record<ChangeLevel, number>;
  grouped: Record<ChangeLevel, number>;
  /** Changes per level, one per operation (what the JSON report lists and the outputs count). */
  changes: Record<ChangeLevel, number>;
  /** Distinct operations (and paths, for path-level changes) the changes are in; API-wide ones are not. */
  operations: number;
}

export function groupedCounts(groups: readonly ChangeGroup[]): GroupedCounts {
  const zero = (): Record<ChangeLevel, number> => ({ error: 0, warning: 0, info: 0 });
  const counts: GroupedCounts = { entries: zero(), grouped: zero(), changes: zero(), operations: 0 };
  const operations = new Set<string>();
  for (const group of groups) {
    const level = group.members[0].level;
    counts.entries[level]++;
    counts.changes[level] += group.members.length;
    if (group.members.length > 1) counts.grouped[level]++;
    for (const m of group.members) if (m.path) operations.add(operationName(m));
  }
  counts.operations = operations.size;
  return counts;
}
