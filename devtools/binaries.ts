/**
 * Finds the service binaries the harness starts. A missing binary is an error that names the Debian package
 * to install, so the tests that need it fail with an actionable message (they never skip silently).
 */
import fs from 'node:fs';
import path from 'node:path';

/** Which Debian package provides each binary the harness uses. */
export const APT_PACKAGES: Readonly<Record<string, string>> = {
  initdb: 'postgresql',
  pg_ctl: 'postgresql',
  postgres: 'postgresql',
  psql: 'postgresql-client',
  'redis-server': 'redis-server',
  'redis-cli': 'redis-tools',
  nginx: 'nginx'
};

export class MissingBinaryError extends Error {
  override readonly name = 'MissingBinaryError';
  constructor(
    readonly binary: string,
    readonly aptPackage: string,
    searched: readonly string[],
    where?: string
  ) {
    super(
      `${binary} not found: apt-get install ${aptPackage} ` +
        `(searched ${where ?? `PATH and ${searched.length > 0 ? searched.join(', ') : 'no extra directories'}`})`
    );
  }
}

function isExecutable(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Numeric-aware descending order for version directory names: 16 > 15 > 9.6. */
function compareVersionsDesc(a: string, b: string): number {
  const pa = a.split('.').map((part) => Number.parseInt(part, 10) || 0);
  const pb = b.split('.').map((part) => Number.parseInt(part, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pb[i] ?? 0) - (pa[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** `/usr/lib/postgresql/<version>/bin` directories that exist, highest version first. */
export function postgresBinDirs(root = '/usr/lib/postgresql'): string[] {
  let versions: string[];
  try {
    versions = fs.readdirSync(root);
  } catch {
    return [];
  }
  return versions
    .filter((v) => /^\d+(\.\d+)*$/.test(v))
    .sort(compareVersionsDesc)
    .map((v) => path.join(root, v, 'bin'))
    .filter((dir) => fs.existsSync(dir));
}

/** The extra directories searched after PATH for a binary. */
export function knownDirs(binary: string): string[] {
  switch (binary) {
    case 'initdb':
    case 'pg_ctl':
    case 'postgres':
    case 'psql':
      return postgresBinDirs();
    case 'nginx':
    case 'redis-server':
      return ['/usr/sbin', '/usr/local/sbin', '/usr/bin', '/usr/local/bin'];
    default:
      return [];
  }
}

export interface FindBinaryOptions {
  /** Search these directories before PATH. */
  preferDirs?: readonly string[];
  /** Search these directories after PATH (defaults to knownDirs(binary)). */
  extraDirs?: readonly string[];
  /** The Debian package to name when it is missing (defaults to APT_PACKAGES[binary] or the binary's name). */
  aptPackage?: string;
  env?: NodeJS.ProcessEnv;
}

/** Absolute path of an executable, or throws MissingBinaryError naming the apt package that provides it. */
export function findBinary(binary: string, options: FindBinaryOptions = {}): string {
  const env = options.env ?? process.env;
  const pathDirs = (env.PATH ?? '').split(path.delimiter).filter((dir) => dir !== '');
  const extra = options.extraDirs ?? knownDirs(binary);
  const candidates = [...(options.preferDirs ?? []), ...pathDirs, ...extra];
  for (const dir of candidates) {
    const file = path.join(dir, binary);
    if (isExecutable(file)) return file;
  }
  throw new MissingBinaryError(binary, options.aptPackage ?? APT_PACKAGES[binary] ?? binary, extra);
}

/** Which Debian package provides each dynamic nginx module the harness loads. */
export const NGINX_MODULE_PACKAGES: Readonly<Record<string, string>> = {
  ngx_http_js_module: 'libnginx-mod-http-js'
};

/** Where Debian (and nginx.org's packages) put dynamic modules. */
export const NGINX_MODULE_DIRS = ['/usr/lib/nginx/modules', '/usr/share/nginx/modules', '/usr/lib64/nginx/modules'];

/** Absolute path of an nginx dynamic module (`ngx_http_js_module`), or throws naming the package that has it. */
export function findNginxModule(name: string, dirs: readonly string[] = NGINX_MODULE_DIRS): string {
  for (const dir of dirs) {
    const file = path.join(dir, `${name}.so`);
    if (fs.existsSync(file)) return file;
  }
  throw new MissingBinaryError(`${name}.so`, NGINX_MODULE_PACKAGES[name] ?? `the package with ${name}`, dirs);
}

export interface PostgresBinaries {
  dir: string;
  initdb: string;
  pgCtl: string;
  postgres: string;
}

/**
 * initdb, pg_ctl and postgres from one installation: UBOS_TEST_PG_BINDIR when set, else the highest
 * `/usr/lib/postgresql/<v>/bin` that has them all, else the directory pg_ctl on PATH really lives in (symlinks
 * resolved, so versions never mix).
 */
export function findPostgresBinaries(env: NodeJS.ProcessEnv = process.env): PostgresBinaries {
  const complete = (dir: string): PostgresBinaries | undefined => {
    const initdb = path.join(dir, 'initdb');
    const pgCtl = path.join(dir, 'pg_ctl');
    const postgres = path.join(dir, 'postgres');
    return isExecutable(initdb) && isExecutable(pgCtl) && isExecutable(postgres)
      ? { dir, initdb, pgCtl, postgres }
      : undefined;
  };
  // UBOS_TEST_PG_BINDIR pins one installation (e.g. /usr/lib/postgresql/16/bin); nothing else is searched then.
  const pinned = env.UBOS_TEST_PG_BINDIR;
  if (pinned) {
    const found = complete(pinned);
    if (found) return found;
    throw new MissingBinaryError('initdb/pg_ctl/postgres', 'postgresql', [pinned], `UBOS_TEST_PG_BINDIR=${pinned}`);
  }
  for (const dir of postgresBinDirs()) {
    const found = complete(dir);
    if (found) return found;
  }
  for (const name of ['pg_ctl', 'initdb']) {
    let onPath: string;
    try {
      onPath = findBinary(name, { extraDirs: [] });
    } catch {
      continue;
    }
    const found = complete(path.dirname(fs.realpathSync(onPath)));
    if (found) return found;
  }
  throw new MissingBinaryError('initdb/pg_ctl/postgres', 'postgresql', ['/usr/lib/postgresql/*/bin']);
}

/** psql, preferring the real binary beside the server over Debian's perl wrapper in /usr/bin. */
export function findPsql(): string {
  return findBinary('psql', { preferDirs: postgresBinDirs() });
}
