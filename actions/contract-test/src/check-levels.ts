// The team's own level for any diff check, from the config file (.github/contract-test.yml):
//
//   checks:
//     response-property-became-optional: warning
//     endpoint-added: off
//
// A level replaces the check's default for every change it reports; `off` drops its changes. The file is
// repository content, read as data only; every mistake is one line naming the file, the line and the fix.
import { isMap, isScalar, type Node } from 'yaml';
import { ConfigurationError } from '../../../shared/src/lib/errors.js';
import { closestName } from '../../../shared/src/lib/suggest.js';
import { textOf } from '../../../shared/src/lib/text.js';
import { parseYamlDocument } from '../../../shared/src/lib/yaml.js';
import { readSettingsFile } from './repository-file.js';

export const DEFAULT_CONFIG_FILE = '.github/contract-test.yml';

export const LEVEL_SETTINGS = ['error', 'warning', 'info', 'off'] as const;
export type LevelSetting = (typeof LEVEL_SETTINGS)[number];

export interface CheckLevels {
  file: string;
  /** Check id -> the level its changes get (`off`: dropped). */
  levels: ReadonlyMap<string, LevelSetting>;
}

const TOP_KEYS = ['checks'] as const;

const isLevelSetting = (value: string): value is LevelSetting => (LEVEL_SETTINGS as readonly string[]).includes(value);

/** Reads the config file; a missing default file means no settings, a missing named one is a mistake. */
export function loadCheckLevels(root: string, named: string, checkIds: readonly string[]): CheckLevels | undefined {
  const text = readSettingsFile(root, named, DEFAULT_CONFIG_FILE, 'config file');
  return text === undefined ? undefined : parseCheckLevels(text, named, checkIds);
}

export function parseCheckLevels(text: string, file: string, checkIds: readonly string[]): CheckLevels {
  const { doc: document, lineCounter: lines } = parseYamlDocument(text, file);
  const at = (node: unknown) => {
    const range = (node as Node | null)?.range;
    return `${file}:${range ? lines.linePos(range[0]).line : 1}`;
  };
  const keyOf = (key: unknown) => (isScalar(key) ? textOf(key.value) : textOf(key));
  const levels = new Map<string, LevelSetting>();
  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { file, levels };
  if (!isMap(root))
    throw new ConfigurationError(`${at(root)}: the config file must be a mapping with a checks: mapping`);
  for (const pair of root.items) {
    const key = keyOf(pair.key);
    if (!(TOP_KEYS as readonly string[]).includes(key)) {
      const guess = closestName(key, TOP_KEYS);
      throw new ConfigurationError(
        `${at(pair.key)}: unknown key "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}; the config file has checks:`
      );
    }
    const checks = pair.value;
    if (checks === null || (isScalar(checks) && checks.value === null)) continue;
    if (!isMap(checks))
      throw new ConfigurationError(
        `${at(checks ?? pair.key)}: checks must map check ids to ${LEVEL_SETTINGS.join(', ')}`
      );
    for (const entry of checks.items) {
      const id = keyOf(entry.key);
      if (!checkIds.includes(id)) {
        const guess = closestName(id, checkIds);
        throw new ConfigurationError(
          `${at(entry.key)}: "${id}" is not a diff check${guess ? ` (did you mean "${guess}"?)` : ''}; ` +
            '`contract-test checks` lists them'
        );
      }
      const value: unknown = isScalar(entry.value) ? entry.value.value : (entry.value as Node | null)?.toJSON();
      const level = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
      if (level === undefined || !isLevelSetting(level))
        throw new ConfigurationError(
          `${at(entry.value ?? entry.key)}: the level of ${id} must be one of ${LEVEL_SETTINGS.join(', ')}; ` +
            `got ${JSON.stringify(value ?? null)}`
        );
      levels.set(id, level);
    }
  }
  return { file, levels };
}
