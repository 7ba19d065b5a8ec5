// What the migration tools agree on about file names and versions, known once: migration-safety uses it to tell
// which files deploy and in what order, health-gate to tell which files a tool's table must list as applied.

const VERSION_TEXT = /^\d+(?:[._]\d+)*$/;

/**
 * The comparable form of a numeric or dotted version: `000001` -> `1`, `1_2` -> `1.2`, `1.0` -> `1`,
 * `1.01` -> `1.1` (Flyway compares each part as a number and ignores trailing zero parts); any other text is
 * returned unchanged.
 */
export function versionKey(text: string): string {
  if (!VERSION_TEXT.test(text)) return text;
  const parts = text.split(/[._]/).map((part) => BigInt(part).toString());
  while (parts.length > 1 && parts[parts.length - 1] === '0') parts.pop();
  return parts.join('.');
}

/** Orders two versionKey() results part by part; non-version text sorts after versions, by code point. */
export function compareVersionKeys(a: string, b: string): number {
  const aIsVersion = VERSION_TEXT.test(a);
  const bIsVersion = VERSION_TEXT.test(b);
  if (!aIsVersion || !bIsVersion) {
    if (aIsVersion !== bIsVersion) return aIsVersion ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const aParts = a.split('.').map(BigInt);
  const bParts = b.split('.').map(BigInt);
  for (let i = 0; i < Math.max(aParts.length, bParts.length); i++) {
    const x = aParts[i] ?? 0n;
    const y = bParts[i] ?? 0n;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export type FlywayFile =
  { kind: 'versioned' | 'undo' | 'baseline'; version: string } | { kind: 'repeatable'; description: string };

// Flyway's default prefixes (V, U, B, R) and separator (__), matched case-sensitively as Flyway does.
const FLYWAY_FILE = /^(?:([VUB])(\d+(?:[._]\d+)*)|R)__(.*)\.(?:sql|sh|bash|ps1|cmd|bat|py)$/;

/** What a Flyway file name declares (its version is versionKey-normalised), or undefined for any other file. */
export function flywayFile(fileName: string): FlywayFile | undefined {
  const match = FLYWAY_FILE.exec(fileName);
  if (!match) return undefined;
  const [, prefix, version, description] = match as unknown as [string, string | undefined, string, string];
  if (prefix === undefined) return { kind: 'repeatable', description };
  const kind = prefix === 'V' ? 'versioned' : prefix === 'U' ? 'undo' : 'baseline';
  return { kind, version: versionKey(version) };
}

/** A rollback twin (`.down.sql`, `.down.go`...) of golang-migrate, sqlx, dbmate-style layouts: never deployed. */
export function isDownFile(fileName: string): boolean {
  return /\.down\.[^./]+$/i.test(fileName);
}
