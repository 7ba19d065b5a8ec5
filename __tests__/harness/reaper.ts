/**
 * Cleans up after harness runs that died without stopping their services (Ctrl-C, a killed Jest worker):
 * every temp dir the harness makes carries an `.owner` file with the pid of the process that made it; global
 * setup removes dirs whose owner is gone, after killing any process still working in them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isProcessAlive, realProcess } from './exec.js';

export const HARNESS_DIR_PREFIXES = ['ubos-pg-', 'ubos-redis-', 'ubos-nginx-'] as const;

/** Marks a harness temp dir as belonging to this process. */
export function writeOwner(dir: string): void {
  fs.writeFileSync(path.join(dir, '.owner'), `${realProcess().pid}\n`);
}

/** Pids of processes whose working directory or command line lies inside `dir` (Linux /proc). */
export function processesUsing(dir: string): number[] {
  const found: number[] = [];
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return found;
  }
  const inside = (p: string): boolean => p === dir || p.startsWith(`${dir}/`);
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      const cwd = fs.readlinkSync(`/proc/${entry}/cwd`);
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (inside(cwd) || cmdline.includes(`${dir}/`) || cmdline.split('\0').includes(dir)) found.push(pid);
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

/**
 * Removes harness temp dirs in os.tmpdir() whose owner process has exited, killing what still runs in them.
 * Dirs without an owner file, or whose owner lives (a concurrent run), are left alone. Returns what it removed.
 */
export function reapStaleHarnessDirs(tmpdir = os.tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(tmpdir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!HARNESS_DIR_PREFIXES.some((prefix) => name.startsWith(prefix))) continue;
    const dir = path.join(tmpdir, name);
    let owner: number;
    try {
      owner = Number(fs.readFileSync(path.join(dir, '.owner'), 'utf8').trim());
    } catch {
      continue;
    }
    if (!Number.isInteger(owner) || owner <= 0 || isProcessAlive(owner)) continue;
    for (const pid of processesUsing(dir)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}
