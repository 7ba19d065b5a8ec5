// start-postgres: a throwaway PostgreSQL cluster from the binaries installed on the runner (initdb + pg_ctl on a
// free loopback port, trust authentication, fsync off), removed with its folder when the trace ends.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '../../../../../shared/src/lib/errors.js';

export interface StartedCluster {
  connectionString: string;
  /** The cluster's folder (data, socket, log). */
  dir: string;
  /** Stops the server (immediate mode) and removes its folder; safe to call twice. */
  stop(): Promise<void>;
}

const MISSING =
  'start-postgres: initdb and pg_ctl were not found on PATH or under /usr/lib/postgresql/<version>/bin; install the postgresql package (apt-get install postgresql)';

/** The directory holding both initdb and pg_ctl: PATH first, then the highest /usr/lib/postgresql/<v>/bin. */
export function findPostgresBin(searchPath = '', root = '/usr/lib/postgresql'): string | undefined {
  const has = (dir: string) => ['initdb', 'pg_ctl'].every((bin) => isExecutable(path.join(dir, bin)));
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    // Debian puts a pg_ctl wrapper on PATH but initdb only beside the server: follow the real file.
    if (has(dir)) return dir;
    const real = realDir(path.join(dir, 'pg_ctl'));
    if (real && has(real)) return real;
  }
  let versions: string[];
  try {
    versions = fs.readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v));
  } catch {
    return undefined;
  }
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => path.join(root, v, 'bin')).find(has);
}

export async function startCluster(
  options: { tempDir?: string; searchPath?: string; postgresRoot?: string } = {}
): Promise<StartedCluster> {
  const bin = findPostgresBin(options.searchPath, options.postgresRoot);
  if (!bin) throw new ConfigurationError(MISSING);
  const owner = serverUser();
  const dir = fs.mkdtempSync(path.join(options.tempDir ?? os.tmpdir(), 'ubos-trace-pg-'));
  const data = path.join(dir, 'data');
  const socket = path.join(dir, 'sock');
  const run = (tool: string, args: string[], timeoutMs: number) =>
    runTool(path.join(bin, tool), args, { cwd: dir, uid: owner?.uid, gid: owner?.gid, timeoutMs });
  let started = false;
  const stopArgs = ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '30'];
  // A cancelled job (SIGINT, then SIGTERM) or an exit skips the finally that stops the server: stop it here, then
  // let the signal do what it would have done.
  const stopNow = () => {
    if (started) {
      started = false;
      spawnSync(path.join(bin, 'pg_ctl'), stopArgs, {
        uid: owner?.uid,
        gid: owner?.gid,
        timeout: 40_000,
        stdio: 'ignore'
      });
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    forget();
    stopNow();
    process.kill(process.pid, signal);
  };
  const forget = () => {
    process.removeListener('exit', stopNow);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  };
  process.once('exit', stopNow);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const stop = async () => {
    forget();
    if (started) {
      started = false;
      await run('pg_ctl', stopArgs, 40_000).catch(() => undefined);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    fs.mkdirSync(socket);
    if (owner) for (const d of [dir, socket]) fs.chownSync(d, owner.uid, owner.gid);
    await run(
      'initdb',
      ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale', '--no-sync'],
      120_000
    );
    const port = await freePort();
    const server = [
      `-p ${port}`,
      `-k ${socket}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c full_page_writes=off',
      '-c synchronous_commit=off'
    ].join(' ');
    started = true;
    await run('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', path.join(dir, 'log'), '-o', server], 90_000);
    return { connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`, dir, stop };
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigurationError(`start-postgres: the cluster did not start: ${reason}`);
  }
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function realDir(file: string): string | undefined {
  try {
    return path.dirname(fs.realpathSync(file));
  } catch {
    return undefined;
  }
}

/** initdb and postgres refuse to run as root: as root they run as the `postgres` OS user the package creates. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined)
    throw new ConfigurationError(
      'start-postgres: running as root and there is no postgres OS user to run the server as (apt-get install postgresql creates it)'
    );
  return { uid: Number(uid), gid: Number(gid) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function runTool(
  command: string,
  args: string[],
  options: { cwd: string; uid?: number; gid?: number; timeoutMs: number }
): Promise<void> {
  return new Promise((resolve, reject) => {
    // Only what the tools need: inherited PG* variables would point them elsewhere.
    const child = spawn(command, args, {
      cwd: options.cwd,
      uid: options.uid,
      gid: options.gid,
      env: { LC_ALL: 'C', LANG: 'C', PATH: '/usr/bin:/bin' },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} exited with ${code ?? signal}: ${output.trim()}`));
    });
  });
}
