/**
 * YAML with the line of every value, so a config mistake is one line that says where it is:
 * `router.yml:7: colors.green.servers must be a list`. One set of parser settings for every config an action
 * reads: duplicate keys are an error (a paste mistake, not "last one wins"), and alias expansion is capped, so a
 * "billion laughs" document is refused instead of filling the memory.
 */
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { ConfigurationError } from './errors.js';

/** Far above what a hand-written config uses, far below what a "billion laughs" document needs. */
export const MAX_YAML_ALIAS_COUNT = 100;

export type YamlPath = readonly (string | number)[];

export interface PositionedYaml {
  value: unknown;
  /** 1-based line of the value at path (or of the nearest ancestor that exists); undefined when unknown. */
  lineOf(path: YamlPath): number | undefined;
  /** `source:line: ` for the value at path, or `source: ` when the line is unknown. */
  where(path: YamlPath): string;
}

export interface PositionedYamlOptions {
  /**
   * Whether lines mean anything to the reader: true for a file, false for YAML written inline in a workflow
   * input (its lines are not the workflow file's), whose messages then name only the source.
   */
  lineNumbers?: boolean;
  /** Default MAX_YAML_ALIAS_COUNT. */
  maxAliasCount?: number;
}

export interface ParsedYamlDocument {
  doc: Document;
  lineCounter: LineCounter;
  /** The document as plain data, aliases expanded (within the cap). */
  value: unknown;
}

/**
 * Parses one YAML document with the family's settings; a syntax error or an alias bomb is one ConfigurationError
 * naming the source. For readers that walk the document themselves; parsePositionedYaml is the usual entry.
 */
export function parseYamlDocument(
  text: string,
  source: string,
  options: PositionedYamlOptions = {}
): ParsedYamlDocument {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new ConfigurationError(
      `${source}: invalid YAML at line ${line}, column ${col}: ${error.message.split('\n')[0]}`
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: options.maxAliasCount ?? MAX_YAML_ALIAS_COUNT });
  } catch (e) {
    throw new ConfigurationError(`${source}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { doc, lineCounter, value };
}

/** Parses one YAML document and tells the line of any value in it. */
export function parsePositionedYaml(text: string, source: string, options: PositionedYamlOptions = {}): PositionedYaml {
  const lineNumbers = options.lineNumbers ?? true;
  const { doc, lineCounter, value } = parseYamlDocument(text, source, options);
  // The line of a mapping entry is its key's line (where the user looks), of a list item the item's.
  const lineOf = (path: YamlPath): number | undefined => {
    if (!lineNumbers) return undefined;
    for (let depth = path.length; depth > 0; depth--) {
      const parent: unknown = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true);
      const key = path[depth - 1];
      let node: unknown;
      if (isMap(parent)) node = parent.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.key;
      else if (isSeq(parent) && typeof key === 'number') node = parent.items[key];
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return isNode(doc.contents) && doc.contents.range ? lineCounter.linePos(doc.contents.range[0]).line : undefined;
  };
  return {
    value,
    lineOf,
    where(path) {
      const line = lineOf(path);
      return line === undefined ? `${source}: ` : `${source}:${line}: `;
    }
  };
}
