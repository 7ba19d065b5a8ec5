// Settings from three places, strongest first: action inputs or CLI flags, the YAML config file, defaults.
// Kept free of @actions/core so the CLI can load it; `yaml` is imported only when a config file exists.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { FRAMEWORKS, parseFramework, type Framework } from './engine/framework.js';
import type { RuleSetting } from './engine/lint.js';
import type { Severity } from './engine/types.js';

/** Where the action and the CLI look for a config file when none is named. */
export const DEFAULT_CONFIG_FILE = '.github/migration-safety.yml';

export const DEFAULT_PG_VERSION = 16;

/** The usual homes of SQL migrations: plain folders, Rails-style, Prisma, Supabase, Flyway in a JVM project. */
export const DEFAULT_PATHS: readonly string[] = [
  'migrations/**/*.sql',
  'db/migrate/**/*.sql',
  'db/migrations/**/*.sql',
  'prisma/migrations/**/migration.sql',
  'supabase/migrations/*.sql',
  'src/main/resources/db/migration/*.sql'
];

export type FailOn = 'error' | 'warning' | 'never';
export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

const CONFIG_KEYS = ['pg-version', 'framework', 'assume-in-transaction', 'include', 'exclude', 'rules'] as const;
const SEVERITIES: readonly Severity[] = ['error', 'warning'];

export interface PgVersion {
  pgVersion: number;
  pgMinor?: number;
}

export interface MigrationConfig {
  /** The file it came from, as given (for messages). */
  file: string;
  pgVersion?: PgVersion;
  framework?: Framework;
  assumeInTransaction?: boolean;
  include?: string[];
  exclude?: string[];
  rules: Record<string, RuleSetting>;
}

export interface Settings extends PgVersion {
  framework: Framework;
  /** Undefined: the framework decides whether each file runs in a transaction. */
  assumeInTransaction?: boolean;
  rules: Record<string, RuleSetting>;
  /** Globs of migration files; undefined means the caller's default. */
  include?: string[];
  exclude: string[];
}

export interface Overrides {
  pgVersion?: string;
  framework?: string;
  assumeInTransaction?: boolean;
  /** How the overrides are named in messages, e.g. `Input "pg-version"` or `--pg-version`. */
  label: (setting: 'pg-version' | 'framework') => string;
}

/** "16", "14.3" (major 14, minor 3) or "9.6"; the minor matters for bugs fixed in point releases. */
export function parsePgVersion(value: string, label: string): PgVersion {
  const match = /^\s*(\d{1,2})(?:\.(\d{1,3}))?\s*$/.exec(value);
  const major = match ? Number(match[1]) : NaN;
  if (!match || major < 9 || major > 99)
    throw new ConfigurationError(`${label} must be a PostgreSQL version such as 16 or 14.3; got "${value}"`);
  return match[2] === undefined ? { pgVersion: major } : { pgVersion: major, pgMinor: Number(match[2]) };
}

export function parseFailOn(value: string, label: string): FailOn {
  if (!FAIL_ON.includes(value as FailOn))
    throw new ConfigurationError(`${label} must be one of ${FAIL_ON.join(', ')}; got "${value}"`);
  return value as FailOn;
}

/**
 * Reads the config file: the one named (which must exist), else the default one if present, else undefined.
 * `ruleIds` are the known rules, so a misspelt id is an error instead of a silently ignored setting.
 */
export async function loadConfig(
  root: string,
  named: string | undefined,
  ruleIds: readonly string[]
): Promise<MigrationConfig | undefined> {
  const file = named ?? DEFAULT_CONFIG_FILE;
  const path = isAbsolute(file) ? file : resolve(root, file);
  if (!existsSync(path)) {
    if (named === undefined) return undefined;
    throw new ConfigurationError(`config file ${file} does not exist`);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(
      `cannot read config file ${file}: ${String((error as NodeJS.ErrnoException).code ?? error)}`
    );
  }
  return parseConfig(text, file, ruleIds);
}

interface YamlNode {
  range?: [number, number, number];
  source?: string;
  items?: { key: unknown; value: unknown }[];
  toJSON(): unknown;
}

/** Parses the YAML text of a config file; every mistake is one line naming the file, line and key. */
export async function parseConfig(text: string, file: string, ruleIds: readonly string[]): Promise<MigrationConfig> {
  const { LineCounter, parseDocument, isMap, isScalar, isSeq } = await import('yaml');
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const [syntax] = document.errors;
  if (syntax) {
    const { line } = lines.linePos(syntax.pos[0]);
    throw new ConfigurationError(`${file}:${line}: not valid YAML: ${syntax.message.split('\n')[0]}`);
  }
  const at = (node: unknown) => {
    const range = (node as YamlNode | null)?.range;
    return range ? `${file}:${lines.linePos(range[0]).line}` : file;
  };
  const config: MigrationConfig = { file, rules: {} };
  const root = document.contents as unknown;
  if (root === null || root === undefined || (isScalar(root) && root.value === null)) return config;
  if (!isMap(root)) throw new ConfigurationError(`${at(root)}: the config must be a mapping of settings`);

  const scalarText = (node: unknown, key: string): string => {
    const value: unknown = isScalar(node) ? node.value : null;
    if (!isScalar(node) || !isPrimitive(value))
      throw new ConfigurationError(`${at(node)}: ${key} must be a single value`);
    return (node as YamlNode).source ?? String(value);
  };
  const globs = (node: unknown, key: string): string[] => {
    let list: string[];
    if (isScalar(node) && typeof node.value === 'string') list = [node.value];
    else if (!isSeq(node) || !node.items.every((item) => isScalar(item) && typeof item.value === 'string'))
      throw new ConfigurationError(`${at(node)}: ${key} must be a glob or a list of globs`);
    else list = node.items.map((item) => String((item as { value: string }).value));
    // The config file is repository content: what it names stays inside the repository.
    for (const glob of list) {
      const path = glob.replace(/^!/, '');
      if (isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path) || path.split(/[\\/]/).includes('..'))
        throw new ConfigurationError(
          `${at(node)}: ${key} "${glob}" leaves the repository (an absolute path or ..): globs in the config are relative to it`
        );
    }
    return list;
  };

  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const value = pair.value;
    switch (key) {
      case 'pg-version':
        config.pgVersion = parsePgVersion(scalarText(value, key), `${at(value)}: pg-version`);
        break;
      case 'framework': {
        const name = scalarText(value, key);
        if (!FRAMEWORKS.includes(name as Framework))
          throw new ConfigurationError(
            `${at(value)}: framework must be one of ${FRAMEWORKS.join(', ')}; got "${name}"`
          );
        config.framework = name as Framework;
        break;
      }
      case 'assume-in-transaction':
        if (!isScalar(value) || typeof value.value !== 'boolean')
          throw new ConfigurationError(`${at(value)}: assume-in-transaction must be true or false`);
        config.assumeInTransaction = value.value;
        break;
      case 'include':
        config.include = globs(value, key);
        break;
      case 'exclude':
        config.exclude = globs(value, key);
        break;
      case 'rules':
        config.rules = parseRules(value, at, ruleIds, { isMap, isScalar });
        break;
      default:
        throw new ConfigurationError(
          `${at(pair.key)}: unknown key "${key}" in the config; expected one of ${CONFIG_KEYS.join(', ')}`
        );
    }
  }
  return config;
}

type Guards = Pick<typeof import('yaml'), 'isMap' | 'isScalar'>;

function parseRules(
  node: unknown,
  at: (node: unknown) => string,
  ruleIds: readonly string[],
  { isMap, isScalar }: Guards
): Record<string, RuleSetting> {
  if (isScalar(node) && node.value === null) return {};
  if (!isMap(node)) throw new ConfigurationError(`${at(node)}: rules must map rule ids to off, error or warning`);
  const known = new Set(ruleIds);
  const rules: Record<string, RuleSetting> = {};
  for (const pair of node.items) {
    const id = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!known.has(id))
      throw new ConfigurationError(
        `${at(pair.key)}: unknown rule "${id}" in rules (ubos-actions migration-safety --list-rules lists them)`
      );
    const value = pair.value;
    const bad = () =>
      new ConfigurationError(
        `${at(value ?? pair.key)}: rule "${id}" must be off, error, warning or { enabled: true|false, severity: error|warning }`
      );
    if (isScalar(value)) {
      if (value.value === 'off' || value.value === false) rules[id] = { enabled: false };
      else if (value.value === 'on' || value.value === true) rules[id] = { enabled: true };
      else if (SEVERITIES.includes(value.value as Severity)) rules[id] = { severity: value.value as Severity };
      else throw bad();
    } else if (isMap(value)) {
      const setting: RuleSetting = {};
      for (const entry of value.items) {
        const field = isScalar(entry.key) ? String(entry.key.value) : String(entry.key);
        const fieldValue = isScalar(entry.value) ? entry.value.value : undefined;
        if (field === 'enabled' && typeof fieldValue === 'boolean') setting.enabled = fieldValue;
        else if (field === 'severity' && SEVERITIES.includes(fieldValue as Severity))
          setting.severity = fieldValue as Severity;
        else if (field !== 'enabled' && field !== 'severity')
          throw new ConfigurationError(
            `${at(entry.key)}: unknown key "${field}" for rule "${id}"; expected enabled, severity`
          );
        else throw bad();
      }
      rules[id] = setting;
    } else throw bad();
    // A file PostgreSQL would reject is never passed off as checked, so this one rule has no off switch.
    if (id === 'syntax-error' && (rules[id].enabled === false || (rules[id].severity ?? 'error') !== 'error'))
      throw new ConfigurationError(
        `${at(value ?? pair.key)}: rule "syntax-error" cannot be turned off or downgraded: a file that does not parse is not linted; exclude the file instead`
      );
  }
  return rules;
}

/** Merges overrides over the config over the defaults. */
export function resolveSettings(config: MigrationConfig | undefined, overrides: Overrides): Settings {
  const version =
    overrides.pgVersion !== undefined
      ? parsePgVersion(overrides.pgVersion, overrides.label('pg-version'))
      : (config?.pgVersion ?? { pgVersion: DEFAULT_PG_VERSION });
  let framework: Framework;
  if (overrides.framework !== undefined) {
    try {
      framework = parseFramework(overrides.framework);
    } catch {
      throw new ConfigurationError(
        `${overrides.label('framework')} must be one of ${FRAMEWORKS.join(', ')}; got "${overrides.framework}"`
      );
    }
  } else framework = config?.framework ?? 'plain';
  return {
    ...version,
    framework,
    assumeInTransaction: overrides.assumeInTransaction ?? config?.assumeInTransaction,
    rules: config?.rules ?? {},
    include: config?.include,
    exclude: config?.exclude ?? []
  };
}

/** A YAML scalar's value that is a single value (not null, not a map or list). */
function isPrimitive(value: unknown): value is string | number | boolean | bigint | symbol | undefined {
  return value === undefined || (value !== null && typeof value !== 'object' && typeof value !== 'function');
}
