// The part of TOML that diesel's metadata.toml uses: `key = value` lines (booleans, strings, numbers), comments,
// [table] headers. Anything else is refused with the line, so a mistyped file is one clear error.
import { ConfigurationError } from '../../../../../shared/src/lib/errors.js';
import { quote } from './support.js';

export type TomlValue = boolean | string | number;

const KEY = /^(?:[A-Za-z0-9_-]+|"[^"\\]*")$/;
const HEADER = /^\[\[?\s*[A-Za-z0-9_."-]+\s*\]\]?$/;

function value(raw: string): TomlValue | undefined {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (/^"(?:[^"\\]|\\.)*"$/.test(raw) || /^'[^']*'$/.test(raw)) return raw.slice(1, -1);
  if (/^[+-]?\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(raw)) return Number(raw.replace(/_/g, ''));
  return undefined;
}

/** The top-level keys of a small TOML file; throws one line naming the file and line for anything else. */
export function readTopLevelToml(text: string, file: string): Map<string, TomlValue> {
  const keys = new Map<string, TomlValue>();
  let topLevel = true;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const content = line
      .replace(/\s+#[^"']*$/, '')
      .replace(/^\s*#.*$/, '')
      .trim();
    if (content === '') return;
    if (HEADER.test(content)) {
      topLevel = false;
      return;
    }
    const eq = content.indexOf('=');
    const key = eq > 0 ? content.slice(0, eq).trim() : '';
    const parsed = eq > 0 ? value(content.slice(eq + 1).trim()) : undefined;
    if (!KEY.test(key) || parsed === undefined)
      throw new ConfigurationError(`${file}:${i + 1}: not valid TOML here: ${quote(line.trim())}`);
    const name = key.replace(/^"|"$/g, '');
    if (topLevel) {
      if (keys.has(name)) throw new ConfigurationError(`${file}:${i + 1}: ${name} is set twice`);
      keys.set(name, parsed);
    }
  });
  return keys;
}
