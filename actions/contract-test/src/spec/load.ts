// Loads an OpenAPI description (YAML or JSON, one or many files) into the shared LoadedSpec form. Resolution is
// synchronous (a sync core lets the diff, lint and live parts share it without threading promises through pure
// code); the only asynchronous part is fetching URL documents, which loadSpecAsync does first, before the
// same synchronous resolution runs over what it fetched.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Lexer, LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import { redactUrl } from '../../../../shared/src/lib/redact.js';
import { textOf } from '../../../../shared/src/lib/text.js';
import { DEFAULT_REMOTE_TIMEOUT_MS, fetchRemoteText } from './external-refs.js';
import { lineStarts, parseJsonSource } from './json-source.js';
import { COLLECT_AFTER_BYTES, collectGarbage } from './memory.js';
import { parseYamlSource } from './yaml-source.js';
import type { JsonObject, JsonValue, LoadOptions, LoadedSpec, OpenApiVersion, SourceLocation } from './types.js';

export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * The default of maxSpecBytes, for the spec and every file it references together. Measured on generated specs
 * under Node 24 (README "Size limit"): the binding cost is Spectral's lint, 837 MiB for 12.9 MiB of JSON (lint
 * and diff of two versions: 853 MiB); the diff alone stays far below (480 MiB). The GitHub REST description
 * (12.4 MiB of JSON) fits.
 */
export const DEFAULT_MAX_SPEC_BYTES = 13 * 1024 * 1024;

/**
 * YAML counts this many times its size against maxSpecBytes: reading it through yaml's document model needs
 * about four times the memory JSON does for the same content (a 3.25 MiB YAML pair diffed in 534 MiB, a 12.9 MiB
 * JSON pair in 480 MiB). The fast reader (yaml-source.ts) needs far less (a 20.4 MiB YAML spec generated from
 * the GitHub description, loaded twice and diffed: 730 MiB, 1,223 MiB through the document model), but any YAML
 * it does not read (a tag is enough) still goes through the document model, so the weight, and MAX_YAML_TOKENS,
 * stay what that model needs.
 */
export const YAML_SIZE_WEIGHT = 4;

/**
 * Memory follows the number of values more than the number of bytes: 13 MiB of `[0,0,0,...]` (6.8 million values)
 * diffed in 1.4 GB where 13 MiB of a generated spec (384,000 values) took 480 MiB, and 3.2 MiB of dense YAML in
 * 2.0 GB. So a spec at the default size limit may also hold at most this many JSON values (1.5 million dense
 * values: diff 522 MiB, lint 677 MiB; the GitHub REST description has 258,000) ...
 */
export const MAX_JSON_VALUES = 1_500_000;
/**
 * ... and at most this many YAML tokens as yaml's lexer counts them before parsing (scalars, indicators,
 * indentation, line breaks; 2.25 million tokens of dense YAML diffed in 1,023 MiB, a 3.25 MiB generated spec has
 * 1.2 million). Both scale with maxSpecBytes.
 */
export const MAX_YAML_TOKENS = 1_500_000;
const MIN_COUNTED = 10_000;

const MIB = 1024 * 1024;
const mib = (bytes: number) => `${(bytes / MIB).toFixed(1)} MiB`;

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: MIB,
  gib: 1024 * MIB
};

/** Parses a size limit such as `16MiB`, `20 MB`, `512KiB` or `1048576` (bytes) for max-spec-size. */
export function parseSpecSize(text: string, what = 'max-spec-size'): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match ? SIZE_UNITS[match[2].toLowerCase()] : undefined;
  if (!match || unit === undefined || Number(match[1]) <= 0)
    throw new ConfigurationError(`${what} must be a size such as 16MiB, 20MB or 1048576 (bytes); got "${text}"`);
  return Math.floor(Number(match[1]) * unit);
}

/**
 * How many nodes the document has once every shared ($ref-resolved) object is counted wherever it is used, as a
 * walker that follows $refs sees it (cycles counted once). Stops counting past `cap`. Linear in the distinct
 * nodes, so a tiny spec whose $refs fan out level after level (a $ref bomb) is measured without being walked.
 */
export function expandedNodeCount(document: JsonValue, cap: number): number {
  const sizes = new Map<object, number>();
  const active = new Set<object>();
  const size = (value: JsonValue): number => {
    if (value === null || typeof value !== 'object') return 1;
    const known = sizes.get(value);
    if (known !== undefined) return known;
    if (active.has(value)) return 1;
    active.add(value);
    let total = 1;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      total += size(child);
      if (total > cap) break;
    }
    active.delete(value);
    sizes.set(value, total);
    return total;
  };
  try {
    return size(document);
  } catch (error) {
    // Nested too deeply to count recursively: far too large in any case.
    if (error instanceof RangeError) return Number.POSITIVE_INFINITY;
    throw error;
  }
}

/** Whether a file will be read as JSON (its first character opens an object or array; else it is YAML). */
export function looksLikeJson(text: string): boolean {
  return /^\uFEFF?[ \t\r\n]*[[{]/.test(text);
}

/** Counts what one spec reads against its size limit, so an oversized spec is refused before it is parsed. */
export class SpecSizeBudget {
  private json = 0;
  private yaml = 0;
  private values = 0;
  private tokens = 0;
  /** How many JSON values and YAML tokens this limit allows (MAX_JSON_VALUES and MAX_YAML_TOKENS, scaled). */
  readonly maxValues: number;
  readonly maxTokens: number;

  constructor(readonly limit: number = DEFAULT_MAX_SPEC_BYTES) {
    // A few thousand values cost nothing, whatever the limit (tests set limits of a few hundred bytes).
    const scale = limit / DEFAULT_MAX_SPEC_BYTES;
    this.maxValues = Math.max(MIN_COUNTED, Math.floor(MAX_JSON_VALUES * scale));
    this.maxTokens = Math.max(MIN_COUNTED, Math.floor(MAX_YAML_TOKENS * scale));
  }

  /** How many more JSON values the budget allows (the JSON reader stops past it). */
  get valuesLeft(): number {
    return this.maxValues - this.values;
  }

  /** Counts the values of a JSON file; `over` when the reader stopped because there were more than valuesLeft. */
  chargeValues(file: string, count: number, over = false): void {
    this.values += count;
    if (!over && this.values <= this.maxValues) return;
    throw this.refusal(
      `${file}: the spec is too large to check: its files hold more than ${this.maxValues.toLocaleString('en-US')} JSON values, more than the limit of ${mib(this.limit)} allows`
    );
  }

  /** How many more YAML tokens the budget allows (the fast YAML reader gives up past it). */
  get tokensLeft(): number {
    return this.maxTokens - this.tokens;
  }

  /** Counts the tokens the fast YAML reader read (never more than tokensLeft). */
  countTokens(count: number): void {
    this.tokens += count;
  }

  /** Counts the tokens of a YAML file before it is parsed (the parser's memory follows them). */
  chargeTokens(file: string, text: string): void {
    let count = 0;
    const left = this.maxTokens - this.tokens;
    for (const _token of new Lexer().lex(text)) if (++count > left) break;
    this.tokens += count;
    if (this.tokens <= this.maxTokens) return;
    throw this.refusal(
      `${file}: the spec is too large to check: its files hold more than ${this.maxTokens.toLocaleString('en-US')} YAML tokens (scalars, punctuation, indentation), more than the limit of ${mib(this.limit)} allows`
    );
  }

  private get used(): number {
    return this.json + YAML_SIZE_WEIGHT * this.yaml;
  }

  /** Before reading a file of `bytes` bytes: refuses it if even as JSON it would not fit. */
  precheck(file: string, bytes: number): void {
    if (this.used + bytes <= this.limit) return;
    const size = this.used === 0 ? `is ${mib(bytes)}` : `brings it to ${mib(this.used + bytes)}`;
    throw this.refusal(
      `${file}: the spec is too large to check: this file ${size}, more than the limit of ${mib(this.limit)}`
    );
  }

  /** Before parsing a file: counts it as the format it is about to be read as. */
  charge(file: string, bytes: number, format: 'json' | 'yaml'): void {
    if (format === 'json') this.json += bytes;
    else this.yaml += bytes;
    if (this.used <= this.limit) return;
    const held = [this.json > 0 ? `${mib(this.json)} of JSON` : '', this.yaml > 0 ? `${mib(this.yaml)} of YAML` : '']
      .filter(Boolean)
      .join(' and ');
    const counted =
      this.yaml > 0
        ? `, which counts as ${mib(this.used)} (YAML counts ${YAML_SIZE_WEIGHT} times its size: reading it takes that much more memory)`
        : '';
    throw this.refusal(
      `${file}: the spec is too large to check: its files hold ${held}${counted}, more than the limit of ${mib(this.limit)}`
    );
  }

  /** A file that looked like JSON but is read as YAML after all. */
  recharge(file: string, bytes: number): void {
    this.json -= bytes;
    this.charge(file, bytes, 'yaml');
  }

  private refusal(message: string): ConfigurationError {
    return new ConfigurationError(`${message}; raise max-spec-size to check it anyway`);
  }
}

/**
 * Aliases are kept as shared instances (no copy), so memory stays bounded; the limit is on the size the
 * document would have if a walker expanded them, because a walker that forgets its visited set would hang.
 */
export const MAX_ALIAS_EXPANSION = 1_000_000;

/** A spec whose URL documents reference further URLs without end must not fetch forever. */
export const MAX_REMOTE_DOCUMENTS = 100;

interface FileRecord {
  /** Absolute path, or the URL (without fragment) of a remote document. */
  abs: string;
  /** What messages and the source map show: the path relative to the root, or the URL with credentials redacted. */
  rel: string;
  remote: boolean;
  lines: LineCounter;
  root: JsonValue;
}

type RefTarget = { kind: 'file'; abs: string } | { kind: 'url'; url: string };

interface NodeInfo {
  file: FileRecord;
  offset: number;
  /** Offsets of keys (objects) or items (arrays, by index). */
  keys: Map<string, number>;
  /** Only for objects merged from a $ref and its siblings, whose keys come from two files. */
  keyFiles?: Map<string, FileRecord>;
}

type Container = JsonObject | JsonValue[];

interface NodeInfos {
  get(node: object): NodeInfo | undefined;
  set(node: object, info: NodeInfo): unknown;
  delete(node: object): boolean;
}

// Values that are data, not description: a "$ref" key inside them is not a reference.
const LITERAL_KEYS = new Set(['example', 'enum', 'const']);
const NAMED_SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'schemas', 'definitions', '$defs']);

function isContainer(value: JsonValue | undefined): value is Container {
  return value !== null && typeof value === 'object';
}

function isRefObject(value: JsonValue | undefined): value is JsonObject & { $ref: string } {
  return isContainer(value) && !Array.isArray(value) && typeof value.$ref === 'string';
}

function setKey(target: JsonObject, key: string, value: JsonValue): void {
  // A plain assignment of "__proto__" would replace the prototype instead of storing data.
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function inside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function detectVersion(document: JsonValue, file: string): OpenApiVersion {
  if (!isContainer(document) || Array.isArray(document))
    throw new ConfigurationError(`${file}: not an OpenAPI description (the top level is not a mapping)`);
  const openapi = document.openapi;
  if (openapi !== undefined) {
    const text = textOf(openapi);
    if (/^3\.0(\.\d+)?(-.*)?$/.test(text)) return '3.0';
    if (/^3\.1(\.\d+)?(-.*)?$/.test(text)) return '3.1';
    throw new ConfigurationError(
      `${file}: unsupported OpenAPI version "${text}" (supported: 3.0.x, 3.1.x, Swagger 2.0)`
    );
  }
  // An unquoted `swagger: 2.0` is the number 2 in YAML.
  if (document.swagger === '2.0' || document.swagger === 2) return '2.0';
  if (document.swagger !== undefined)
    throw new ConfigurationError(`${file}: unsupported Swagger version "${textOf(document.swagger)}" (supported: 2.0)`);
  throw new ConfigurationError(`${file}: not an OpenAPI description (no "openapi" or "swagger" field)`);
}

function decodePointerToken(token: string, ref: string, where: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    throw new ConfigurationError(`$ref "${ref}" at ${where}: invalid percent-encoding in the JSON pointer`);
  }
  // ~1 first would turn "~01" into "/" instead of "~1".
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Loads the entry file (a path relative to options.root, or absolute), every file it references, and resolves
 * all $refs in place. Throws ConfigurationError for anything the user can fix: unreadable or oversized files,
 * invalid YAML, alias bombs, unknown versions, missing targets, refs that leave the root or point at URLs
 * (unless options allow them). Synchronous, so it never fetches: URL $refs need loadSpecAsync.
 */
export function loadSpec(entryPath: string, options: LoadOptions): LoadedSpec {
  return createLoader(entryPath, options).finish();
}

/**
 * loadSpec for specs that may reference URLs: with options.allowRemoteRefs, every URL document the spec can reach
 * is fetched first (timeout, size cap, at most MAX_REMOTE_DOCUMENTS), then the same synchronous resolution runs.
 * A failed fetch is reported only if resolution reaches that $ref, naming the $ref's file and line.
 */
export async function loadSpecAsync(entryPath: string, options: LoadOptions): Promise<LoadedSpec> {
  const loader = createLoader(entryPath, options);
  if (options.allowRemoteRefs) await loader.prefetch();
  return loader.finish();
}

function createLoader(entryPath: string, options: LoadOptions): { prefetch(): Promise<void>; finish(): LoadedSpec } {
  const root = path.resolve(options.root);
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const allowFiles = options.allowExternalFiles === true;
  const allowUrls = options.allowRemoteRefs === true;
  const timeoutMs = options.remoteTimeoutMs ?? DEFAULT_REMOTE_TIMEOUT_MS;
  const customReader = options.readFile;
  const realRoot = realpathOrSelf(root);
  const budget = new SpecSizeBudget(options.maxSpecBytes);

  // A Map, not a WeakMap: the nodes live as long as the loaded spec (which holds this map through locate), and
  // half a million weak entries cost the garbage collector seconds on a 20 MB spec.
  const infos = new Map<object, NodeInfo>();
  /** Every document parsed, by absolute path or URL. */
  const files = new Map<string, FileRecord>();
  /** The documents resolution used, entry first (prefetching may parse some it never reaches). */
  const order: FileRecord[] = [];
  const used = new Set<FileRecord>();
  /** Why a URL could not be fetched or parsed; thrown only if resolution reaches a $ref to it. */
  const remoteFailures = new Map<string, string>();

  const relativeName = (abs: string) => path.relative(root, abs).split(path.sep).join('/') || path.basename(abs);
  // The custom reader (git show) serves the versioned tree; an allowed file outside the root is not in it.
  const fromDisk = (abs: string) => !customReader || !inside(root, abs);

  const locationOf = (file: FileRecord, offset: number): SourceLocation => {
    const { line, col } = file.lines.linePos(offset);
    return { file: file.rel, line, column: col };
  };

  const describe = (node: object): string => {
    const info = infos.get(node);
    if (!info) return '?';
    const key = info.keys.has('$ref') ? info.keys.get('$ref')! : info.offset;
    const where = locationOf(info.file, key);
    return `${where.file}:${where.line}:${where.column}`;
  };

  const readText = (abs: string, rel: string, referrer: string | undefined): string => {
    const from = referrer === undefined ? '' : ` (referenced by ${referrer})`;
    try {
      if (customReader && !fromDisk(abs)) {
        const text = customReader(abs);
        const bytes = Buffer.byteLength(text, 'utf8');
        if (bytes > maxFileBytes)
          throw new ConfigurationError(`${rel}: file is larger than the limit of ${maxFileBytes} bytes${from}`);
        budget.precheck(rel, bytes);
        return text;
      }
      const size = fs.statSync(abs).size;
      if (size > maxFileBytes)
        throw new ConfigurationError(`${rel}: file is ${size} bytes, larger than the limit of ${maxFileBytes}${from}`);
      budget.precheck(rel, size);
      return fs.readFileSync(abs, 'utf8');
    } catch (error) {
      if (error instanceof ConfigurationError) throw error;
      throw new ConfigurationError(`${rel}: cannot read the file${from}: ${(error as Error).message}`);
    }
  };

  const addRecord = (abs: string, rel: string, remote: boolean, text: string): FileRecord => {
    const record: FileRecord = { abs, rel, remote, lines: new LineCounter(), root: null };
    record.root = parseYaml(text, record, infos, budget);
    if (text.length > COLLECT_AFTER_BYTES) collectGarbage();
    files.set(abs, record);
    return record;
  };

  const use = (record: FileRecord): FileRecord => {
    if (!used.has(record)) {
      used.add(record);
      order.push(record);
    }
    return record;
  };

  const loadFile = (abs: string, referrer: string | undefined): FileRecord => {
    const cached = files.get(abs);
    if (cached) return cached;
    const rel = relativeName(abs);
    return addRecord(abs, rel, false, readText(abs, rel, referrer));
  };

  const entryAbs = path.resolve(root, entryPath);
  if (!inside(root, entryAbs)) throw new ConfigurationError(`${entryPath}: the spec is outside the root ${root}`);
  if (fromDisk(entryAbs)) {
    // A spec that is (or sits in a folder that is) a symlink out of the root would be read from anywhere.
    const real = realpathOrSelf(entryAbs);
    if (!inside(realRoot, real))
      throw new ConfigurationError(
        `${relativeName(entryAbs)}: the spec resolves (through a symlink) to ${real}, outside the root ${root}; refused`
      );
  }
  const entry = use(loadFile(entryAbs, undefined));
  const version = detectVersion(entry.root, entry.rel);
  const mergeSiblings = version === '3.1';

  /** Where the file part of a $ref points, or a ConfigurationError if the policy refuses it. */
  const classify = (filePart: string, ref: string, refFile: FileRecord, where: string): RefTarget => {
    const shown = redactUrl(ref);
    if (refFile.remote) {
      // Relative refs in a URL document are URLs too; it may never reach into the local disk.
      let url: URL;
      try {
        url = new URL(filePart, refFile.abs);
      } catch {
        throw new ConfigurationError(`$ref "${shown}" at ${where}: not a valid URL`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new ConfigurationError(
          `$ref "${shown}" at ${where}: a remote document may only reference http(s) URLs, not "${url.protocol}"`
        );
      return { kind: 'url', url: url.href };
    }
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(filePart)?.[1]?.toLowerCase();
    // One letter is a Windows drive, not a scheme.
    if (scheme !== undefined && scheme.length > 1) {
      if (scheme === 'http' || scheme === 'https') {
        if (!allowUrls)
          throw new ConfigurationError(
            `$ref "${shown}" at ${where}: remote $ref refused (URLs are fetched only when allow-external-refs includes "urls")`
          );
        try {
          return { kind: 'url', url: new URL(filePart).href };
        } catch {
          throw new ConfigurationError(`$ref "${shown}" at ${where}: not a valid URL`);
        }
      }
      throw new ConfigurationError(`$ref "${shown}" at ${where}: unsupported URI scheme "${scheme}:"`);
    }
    if (filePart.startsWith('//'))
      throw new ConfigurationError(
        `$ref "${shown}" at ${where}: remote $ref refused (network-path reference; write the URL with its scheme)`
      );
    let decoded: string;
    try {
      decoded = decodeURIComponent(filePart);
    } catch {
      throw new ConfigurationError(`$ref "${shown}" at ${where}: invalid percent-encoding in the file path`);
    }
    const abs = path.resolve(path.dirname(refFile.abs), decoded);
    const leaves = () =>
      new ConfigurationError(
        `$ref "${shown}" at ${where}: the file ${abs} is outside the root ${root}; refused (allow-external-refs: files allows it)`
      );
    if (!allowFiles && !inside(root, abs)) throw leaves();
    if (fromDisk(abs)) {
      // A symlink inside the root may point anywhere.
      let real: string;
      try {
        real = fs.realpathSync(abs);
      } catch {
        throw new ConfigurationError(`$ref "${shown}" at ${where}: file ${relativeName(abs)} not found`);
      }
      if (!allowFiles && !inside(realRoot, real)) throw leaves();
    }
    return { kind: 'file', abs };
  };

  const resolveFilePart = (filePart: string, ref: string, refFile: FileRecord, where: string): FileRecord => {
    const target = classify(filePart, ref, refFile, where);
    if (target.kind === 'file') return use(loadFile(target.abs, where));
    const record = files.get(target.url);
    if (record) return use(record);
    const failure = remoteFailures.get(target.url);
    if (failure !== undefined) throw new ConfigurationError(`$ref "${redactUrl(ref)}" at ${where}: ${failure}`);
    throw new Error(`$ref "${redactUrl(ref)}" at ${where}: URL documents are only fetched by loadSpecAsync`);
  };

  /** The $ref objects written in one document, before resolution (the walk resolveAll does, without following). */
  const collectRefs = (record: FileRecord): (JsonObject & { $ref: string })[] => {
    const found: (JsonObject & { $ref: string })[] = [];
    if (!isContainer(record.root)) return found;
    const visited = new Set<object>([record.root]);
    const stack: [Container, string | undefined][] = [[record.root, undefined]];
    while (stack.length > 0) {
      const [container, via] = stack.pop()!;
      const isArray = Array.isArray(container);
      const namesSchemas = via !== undefined && NAMED_SCHEMA_MAPS.has(via);
      for (const key of Object.keys(container)) {
        if (!isArray && !namesSchemas && LITERAL_KEYS.has(key)) continue;
        const child = (container as JsonObject)[key];
        if (isRefObject(child)) found.push(child);
        if (isContainer(child) && !visited.has(child)) {
          visited.add(child);
          stack.push([child, key]);
        }
      }
    }
    return found;
  };

  /**
   * Walks every document reachable through external $refs and fetches the URL ones (one at a time, each URL
   * once). Errors are kept, not thrown: resolution reports them where it meets them, as for local files.
   */
  const prefetch = async (): Promise<void> => {
    const queue: FileRecord[] = [entry];
    const scanned = new Set<FileRecord>();
    let fetched = 0;
    // Remote documents share one budget: a hostile server must not fill memory 50 MiB at a time.
    let budget = maxFileBytes;
    while (queue.length > 0) {
      const record = queue.shift()!;
      if (scanned.has(record)) continue;
      scanned.add(record);
      for (const refObj of collectRefs(record)) {
        const ref = refObj.$ref;
        const hash = ref.indexOf('#');
        const filePart = hash < 0 ? ref : ref.slice(0, hash);
        if (filePart === '') continue;
        let target: RefTarget;
        try {
          target = classify(filePart, ref, record, describe(refObj));
          if (target.kind === 'file') {
            queue.push(loadFile(target.abs, describe(refObj)));
            continue;
          }
        } catch (error) {
          if (error instanceof ConfigurationError) continue;
          throw error;
        }
        const known = files.get(target.url);
        if (known) {
          queue.push(known);
          continue;
        }
        if (remoteFailures.has(target.url)) continue;
        const shown = redactUrl(target.url);
        if (fetched >= MAX_REMOTE_DOCUMENTS) {
          remoteFailures.set(target.url, `${shown}: not fetched, more than ${MAX_REMOTE_DOCUMENTS} remote documents`);
          continue;
        }
        fetched++;
        try {
          const text = await fetchRemoteText(target.url, { maxBytes: budget, timeoutMs });
          budget -= Buffer.byteLength(text, 'utf8');
          queue.push(addRecord(target.url, shown, true, text));
        } catch (error) {
          if (!(error instanceof ConfigurationError)) throw error;
          const shared =
            budget < maxFileBytes && /larger than the limit/.test(error.message)
              ? ` (what was left of the ${maxFileBytes}-byte budget for all remote documents)`
              : '';
          remoteFailures.set(target.url, `${error.message}${shared}`);
        }
      }
    }
  };

  const finish = (): LoadedSpec => {
    const resolved = new WeakMap<object, JsonValue>();
    const inProgress = new Set<object>();
    const pointerNames = new WeakMap<object, string>();

    const deref = (refObj: JsonObject & { $ref: string }): JsonValue => {
      if (resolved.has(refObj)) return resolved.get(refObj)!;
      const ref = refObj.$ref;
      const shown = redactUrl(ref);
      const where = describe(refObj);
      if (inProgress.has(refObj))
        throw new ConfigurationError(`$ref "${shown}" at ${where}: circular chain of $refs that never reaches a value`);
      inProgress.add(refObj);
      try {
        const refFile = infos.get(refObj)?.file ?? entry;
        const hash = ref.indexOf('#');
        const filePart = hash < 0 ? ref : ref.slice(0, hash);
        const pointer = hash < 0 ? '' : ref.slice(hash + 1);
        const targetFile = filePart === '' ? refFile : resolveFilePart(filePart, ref, refFile, where);
        if (pointer !== '' && !pointer.startsWith('/'))
          throw new ConfigurationError(`$ref "${shown}" at ${where}: only JSON pointers ("#/...") are supported`);
        const tokens = pointer === '' ? [] : pointer.slice(1).split('/');
        let node: JsonValue = targetFile.root;
        let parentToken: string | undefined;
        for (const raw of tokens) {
          const token = decodePointerToken(raw, shown, where);
          if (isRefObject(node)) node = deref(node);
          let next: JsonValue | undefined;
          if (Array.isArray(node)) next = /^(0|[1-9]\d*)$/.test(token) ? node[Number(token)] : undefined;
          else if (isContainer(node) && Object.prototype.hasOwnProperty.call(node, token)) next = node[token];
          if (next === undefined)
            throw new ConfigurationError(
              `$ref "${shown}" at ${where}: target not found (no "${token}" in ${targetFile.rel}#${pointer})`
            );
          parentToken = tokens.length > 1 ? decodePointerToken(tokens[tokens.length - 2], shown, where) : undefined;
          node = next;
        }
        let target: JsonValue = isRefObject(node) ? deref(node) : node;
        const last = tokens.length > 0 ? decodePointerToken(tokens[tokens.length - 1], shown, where) : undefined;
        if (
          isContainer(target) &&
          last !== undefined &&
          (parentToken === 'schemas' || parentToken === 'definitions') &&
          !pointerNames.has(target)
        )
          pointerNames.set(target, last);
        const siblings = Object.keys(refObj).filter((key) => key !== '$ref');
        if (mergeSiblings && siblings.length > 0 && isContainer(target) && !Array.isArray(target))
          target = mergeRef(refObj, target, siblings);
        resolved.set(refObj, target);
        return target;
      } finally {
        inProgress.delete(refObj);
      }
    };

    const mergeRef = (refObj: JsonObject, target: JsonObject, siblings: string[]): JsonObject => {
      const merged: JsonObject = {};
      const refInfo = infos.get(refObj);
      const targetInfo = infos.get(target);
      const keys = new Map<string, number>();
      const keyFiles = new Map<string, FileRecord>();
      for (const key of Object.keys(target)) {
        setKey(merged, key, target[key]);
        const offset = targetInfo?.keys.get(key);
        if (targetInfo && offset !== undefined) {
          keys.set(key, offset);
          keyFiles.set(key, targetInfo.file);
        }
      }
      for (const key of siblings) {
        setKey(merged, key, refObj[key]);
        const offset = refInfo?.keys.get(key);
        if (refInfo && offset !== undefined) {
          keys.set(key, offset);
          keyFiles.set(key, refInfo.file);
        }
      }
      if (refInfo) infos.set(merged, { file: refInfo.file, offset: refInfo.offset, keys, keyFiles });
      return merged;
    };

    // Iterative: a deep but legal document must not overflow the stack.
    const resolveAll = (start: JsonValue) => {
      if (!isContainer(start)) return;
      const visited = new Set<object>([start]);
      // Each entry remembers the key it was reached by: under "properties" a key named "enum" is a schema.
      const stack: [Container, string | undefined][] = [[start, undefined]];
      const visit = (value: JsonValue, via: string) => {
        if (isContainer(value) && !visited.has(value)) {
          visited.add(value);
          stack.push([value, via]);
        }
      };
      while (stack.length > 0) {
        const [container, via] = stack.pop()!;
        if (Array.isArray(container)) {
          for (let i = 0; i < container.length; i++) {
            const child = container[i]!;
            if (isRefObject(child)) container[i] = deref(child);
            visit(container[i], String(i));
          }
          continue;
        }
        const namesSchemas = via !== undefined && NAMED_SCHEMA_MAPS.has(via);
        for (const key of Object.keys(container)) {
          if (!namesSchemas && LITERAL_KEYS.has(key)) continue;
          const child = container[key]!;
          if (isRefObject(child)) setKey(container, key, deref(child));
          visit(container[key], key);
        }
      }
    };

    if (isRefObject(entry.root)) throw new ConfigurationError(`${entry.rel}: the document itself is a $ref`);
    resolveAll(entry.root);

    const names = new WeakMap<object, string>();
    for (const file of order) {
      if (!isContainer(file.root) || Array.isArray(file.root)) continue;
      const components = file.root.components;
      const sections = [
        isContainer(components) && !Array.isArray(components) ? components.schemas : undefined,
        file.root.definitions
      ];
      for (const section of sections) {
        if (!isContainer(section) || Array.isArray(section)) continue;
        for (const [name, value] of Object.entries(section)) {
          const schema = isRefObject(value) && resolved.has(value) ? resolved.get(value)! : value;
          if (isContainer(schema) && !names.has(schema)) names.set(schema, name);
        }
      }
    }

    return {
      version,
      file: entry.rel,
      document: entry.root as JsonObject,
      files: order.map((file) => file.rel),
      locate(node: JsonValue, key?: string): SourceLocation | undefined {
        if (!isContainer(node)) return undefined;
        const info = infos.get(node);
        if (!info) return undefined;
        if (key === undefined) return locationOf(info.file, info.offset);
        const offset = info.keys.get(key);
        if (offset === undefined) return undefined;
        return locationOf(info.keyFiles?.get(key) ?? info.file, offset);
      },
      componentName(node: JsonValue): string | undefined {
        if (!isContainer(node)) return undefined;
        return names.get(node) ?? pointerNames.get(node);
      }
    };
  };

  return { prefetch, finish };
}

function realpathOrSelf(target: string): string {
  try {
    return fs.realpathSync(target);
  } catch {
    return target;
  }
}

/**
 * One YAML or JSON text as plain values, with the loader's reading of it (merge keys, alias cap, duplicate keys),
 * without $ref resolution. For code that gets its data from another parser and must agree with the diff.
 */
export function parseSpecText(text: string, name: string): JsonValue {
  return readSpecText(text, name).value;
}

/**
 * parseSpecText with the position of every mapping, sequence and key; `documentModel` reads YAML through yaml's
 * document model even where the fast reader would read it (the reading it must agree with; tests compare them).
 */
export function readSpecText(
  text: string,
  name: string,
  documentModel = false
): { value: JsonValue; locate(node: JsonValue, key?: string): SourceLocation | undefined } {
  const record: FileRecord = { abs: name, rel: name, remote: false, lines: new LineCounter(), root: null };
  const infos = new WeakMap<object, NodeInfo>();
  const value = parseYaml(text, record, infos, new SpecSizeBudget(Number.POSITIVE_INFINITY), documentModel);
  return {
    value,
    locate(node, key) {
      const info = isContainer(node) ? infos.get(node) : undefined;
      const offset = info && (key === undefined ? info.offset : info.keys.get(key));
      if (offset === undefined) return undefined;
      const { line, col } = record.lines.linePos(offset);
      return { file: name, line, column: col };
    }
  };
}

const MERGE_TAG = 'tag:yaml.org,2002:merge';

/** A YAML 1.1 merge key: a plain (unquoted) `<<`, or one tagged !!merge. */
function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  if (key.tag === MERGE_TAG) return true;
  return key.value === '<<' && (key.type === undefined || key.type === 'PLAIN');
}

/** Parses one file into plain JSON values, recording where every object, array and key was written. */
function parseYaml(
  text: string,
  file: FileRecord,
  infos: NodeInfos,
  budget: SpecSizeBudget,
  documentModel = false
): JsonValue {
  const bytes = Buffer.byteLength(text, 'utf8');
  // What a fast reader built before it gave up is dropped from the source map (it is garbage then).
  const registered: object[] = [];
  const register = (value: object, offset: number, keys: Map<string, number>) => {
    registered.push(value);
    infos.set(value, { file, offset, keys });
  };
  const dropRegistered = () => {
    for (const node of registered) infos.delete(node);
    registered.length = 0;
  };
  if (looksLikeJson(text)) {
    budget.charge(file.rel, bytes, 'json');
    file.lines.lineStarts = lineStarts(text);
    const json = parseJsonSource(text, {
      maxValues: budget.valuesLeft,
      counted: (count, over) => budget.chargeValues(file.rel, count, over),
      container: register,
      duplicateKey: (key, offset) => {
        const { line, col } = file.lines.linePos(offset);
        throw new ConfigurationError(
          `${file.rel}: invalid JSON at line ${line}, column ${col}: duplicate key "${key}"`
        );
      },
      setKey
    });
    if (json !== undefined) return json;
    dropRegistered();
    file.lines.lineStarts = [];
    budget.recharge(file.rel, bytes);
  } else budget.charge(file.rel, bytes, 'yaml');
  const read = documentModel
    ? undefined
    : parseYamlSource(text, {
        maxTokens: budget.tokensLeft,
        maxAliasExpansion: MAX_ALIAS_EXPANSION,
        container: register,
        keysOf: (value) => infos.get(value)?.keys,
        setKey
      });
  if (read) {
    budget.countTokens(read.tokens);
    file.lines.lineStarts = lineStarts(text);
    return read.value;
  }
  dropRegistered();
  // What the fast reader does not read (or finds wrong) goes through yaml's document model, as it always did.
  budget.chargeTokens(file.rel, text);
  let document: ReturnType<typeof parseDocument>;
  // yaml's own duplicate-key check scans every earlier key of the map (quadratic: 108 s instead of 13 s for a
  // 20 MB spec with 47,000 paths), so duplicates are found during conversion instead.
  try {
    document = parseDocument(text, { lineCounter: file.lines, prettyErrors: true, uniqueKeys: false });
  } catch (error) {
    if (error instanceof RangeError) throw new ConfigurationError(`${file.rel}: the document is nested too deeply`);
    throw error;
  }
  const first = document.errors[0];
  if (first) {
    const position = first.linePos?.[0];
    const at = position ? ` at line ${position.line}, column ${position.col}` : '';
    const reason = first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    // yaml turns its own stack overflow into a document error.
    if (/maximum call stack/i.test(reason))
      throw new ConfigurationError(`${file.rel}: the document is nested too deeply${at}`);
    throw new ConfigurationError(`${file.rel}: invalid YAML${at}: ${reason}`);
  }

  const converted = new Map<YamlNode, JsonValue>();
  /** Maps being converted: merging one of them into itself would copy keys it does not have yet. */
  const building = new Set<unknown>();
  const expanded = new Map<YamlNode, number>();
  let aliasExpansion = 0;

  // How many nodes a subtree stands for once its aliases are expanded; memoised, so linear in the real size.
  const expandedSize = (node: unknown, active: Set<unknown>): number => {
    if (isAlias(node)) return expandedSize(node.resolve(document), active);
    if (!isMap(node) && !isSeq(node)) return 1;
    const known = expanded.get(node);
    if (known !== undefined) return known;
    if (active.has(node)) return Number.POSITIVE_INFINITY;
    active.add(node);
    let size = 1;
    for (const item of node.items as unknown[]) {
      if (isMap(node)) {
        const pair = item as { key: unknown; value: unknown };
        size += expandedSize(pair.key, active) + expandedSize(pair.value, active);
      } else size += expandedSize(item, active);
      if (size > MAX_ALIAS_EXPANSION) break;
    }
    active.delete(node);
    expanded.set(node, size);
    return size;
  };

  const convert = (node: unknown): JsonValue => {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = node.resolve(document);
      if (!target) throw new ConfigurationError(`${file.rel}: YAML alias *${node.source} has no anchor`);
      aliasExpansion += expandedSize(target, new Set());
      if (aliasExpansion > MAX_ALIAS_EXPANSION) {
        const { line, col } = file.lines.linePos(node.range?.[0] ?? 0);
        throw new ConfigurationError(
          `${file.rel}: YAML aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes (at line ${line}, column ${col}); refused as a possible alias bomb`
        );
      }
      return convert(target);
    }
    if (isScalar(node)) {
      const value = node.value;
      if (typeof value === 'bigint') return Number(value);
      if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        return value;
      return textOf(value);
    }
    if (!isMap(node) && !isSeq(node)) return null;
    const done = converted.get(node);
    if (done !== undefined) return done;
    const keys = new Map<string, number>();
    const offset = node.range?.[0] ?? 0;
    if (isSeq(node)) {
      const array: JsonValue[] = [];
      converted.set(node, array);
      infos.set(array, { file, offset, keys });
      node.items.forEach((item, index) => {
        const start = (item as YamlNode | null)?.range?.[0];
        if (start !== undefined) keys.set(String(index), start);
        array.push(convert(item));
      });
      return array;
    }
    const object: JsonObject = {};
    converted.set(node, object);
    infos.set(object, { file, offset, keys });
    building.add(node);
    // YAML 1.1 merge keys: keys written in the map win over merged ones wherever they are written, and a map
    // merged earlier wins over one merged later. Merged values stay the anchor's own objects, so what is found
    // inside them is located where the anchor defines it.
    const written = new Set<string>();
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      const start = keyNode?.range?.[0];
      if (isMergeKey(keyNode)) {
        for (const source of mergeSources(pair.value, start ?? offset)) {
          const sourceInfo = infos.get(source);
          for (const key of Object.keys(source)) {
            if (Object.prototype.hasOwnProperty.call(object, key)) continue;
            setKey(object, key, source[key]);
            const at = sourceInfo?.keys.get(key);
            if (at !== undefined) keys.set(key, at);
          }
        }
        continue;
      }
      const keyValue = isScalar(keyNode) ? keyNode.value : convert(keyNode);
      const key = keyValue !== null && typeof keyValue === 'object' ? JSON.stringify(keyValue) : String(keyValue);
      if (written.has(key)) {
        const { line, col } = file.lines.linePos(start ?? offset);
        throw new ConfigurationError(
          `${file.rel}: invalid YAML at line ${line}, column ${col}: duplicate key "${key}"`
        );
      }
      written.add(key);
      if (start !== undefined) keys.set(key, start);
      setKey(object, key, convert(pair.value));
    }
    building.delete(node);
    return object;
  };

  /** The maps a merge key's value names: one map, an alias of one, or a list of those. */
  const mergeSources = (value: unknown, at: number): JsonObject[] => {
    const refuse = (why: string) => {
      const { line, col } = file.lines.linePos(at);
      return new ConfigurationError(`${file.rel}: invalid YAML at line ${line}, column ${col}: ${why}`);
    };
    const target = isAlias(value) ? value.resolve(document) : value;
    const items = isSeq(target) ? target.items : [value];
    return items.map((item) => {
      const map = isAlias(item) ? item.resolve(document) : item;
      if (!isMap(map)) throw refuse('a merge key (<<) takes a mapping, an alias of one, or a list of those');
      if (building.has(map)) throw refuse('a merge key (<<) merges a mapping into itself');
      return convert(item) as JsonObject;
    });
  };

  try {
    return convert(document.contents);
  } catch (error) {
    if (error instanceof RangeError) throw new ConfigurationError(`${file.rel}: the document is nested too deeply`);
    throw error;
  }
}
