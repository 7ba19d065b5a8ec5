// Spectral's YAML parser handles merge keys, but lets a merged map override a key the map itself wrote before
// the `<<` (YAML 1.1 says keys written in the map win wherever they are). The diff reads YAML 1.1's way, so the
// lint is given the same values: after Spectral parses, keys its precedence got wrong are set to what the
// loader reads there. Spectral's syntax tree is kept as it is, so positions are still its own.
import { parseSpecText } from '../spec/load.js';

// The node kinds of Spectral's YAML syntax tree (@stoplight/yaml-ast-parser's Kind).
const MAP = 2;
const SEQ = 3;
const ANCHOR_REF = 4;

interface AstNode {
  kind: number;
  value?: unknown;
  mappings?: {
    key?: { value?: unknown; singleQuoted?: boolean; doubleQuoted?: boolean } | null;
    value?: AstNode | null;
  }[];
  items?: (AstNode | null)[];
}

type Data = Record<string, unknown> | unknown[];

const isData = (value: unknown): value is Data => value !== null && typeof value === 'object';

function deref(node: AstNode | null | undefined): AstNode | undefined {
  let current = node ?? undefined;
  for (let hops = 0; current?.kind === ANCHOR_REF && hops < 64; hops++)
    current = (current.value as AstNode) ?? undefined;
  return current;
}

const isMerge = (mapping: NonNullable<AstNode['mappings']>[number]) =>
  mapping.key?.value === '<<' && !mapping.key.singleQuoted && !mapping.key.doubleQuoted;

/** The maps a merge mapping's value names (a map, an alias of one, or a list of those). */
function mergeSources(value: AstNode | null | undefined): AstNode[] {
  const node = deref(value);
  const items = node?.kind === SEQ ? (node.items ?? []).map(deref) : [node];
  return items.filter((item): item is AstNode => item?.kind === MAP);
}

/** Where a key of a map's value came from: the map's own mapping, else the first merged map that has it. */
function sourceOf(map: AstNode, key: string, depth = 0): AstNode | undefined {
  const mappings = map.mappings ?? [];
  const own = mappings.find((m) => !isMerge(m) && String(m.key?.value) === key);
  if (own) return own.value ?? undefined;
  // A map merged into itself (the loader refuses it first) must not recurse forever.
  if (depth > 64) return undefined;
  for (const m of mappings.filter(isMerge))
    for (const source of mergeSources(m.value)) {
      const found = sourceOf(source, key, depth + 1);
      if (found) return found;
    }
  return undefined;
}

function fix(node: AstNode | undefined, data: unknown, truth: unknown, seen: Set<unknown>): void {
  if (!node || !isData(data) || !isData(truth) || seen.has(data)) return;
  seen.add(data);
  if (node.kind === SEQ && Array.isArray(data) && Array.isArray(truth)) {
    (node.items ?? []).forEach((item, i) => fix(deref(item), data[i], truth[i], seen));
    return;
  }
  if (node.kind !== MAP || Array.isArray(data) || Array.isArray(truth)) return;
  const mappings = node.mappings ?? [];
  const lastMerge = mappings.map(isMerge).lastIndexOf(true);
  mappings.forEach((mapping, i) => {
    // Only a key written before a merge that also brings it can have been overridden.
    if (i >= lastMerge || isMerge(mapping)) return;
    const key = String(mapping.key?.value);
    const merged = mappings
      .slice(i + 1)
      .filter(isMerge)
      .some((m) => mergeSources(m.value).some((source) => sourceOf(source, key) !== undefined));
    if (merged && Object.prototype.hasOwnProperty.call(truth, key)) data[key] = truth[key];
  });
  for (const key of Object.keys(data)) fix(deref(sourceOf(node, key)), data[key], truth[key], seen);
}

/** Corrects merge-key precedence in what Spectral parsed from `text` (only texts with a `<<` key are touched). */
export function applyYaml11Merges(text: string, name: string, parsed: { ast?: unknown; data?: unknown }): void {
  if (!/(^|[\s{,[])<<\s*:/m.test(text)) return;
  const ast = deref(parsed.ast as AstNode | undefined);
  fix(ast, parsed.data, parseSpecText(text, name), new Set());
}
