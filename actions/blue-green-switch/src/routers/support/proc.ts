// Linux /proc reads the nginx router uses to see a reload through: which workers a master has, and whether a
// process still lives.
import { readdirSync, readFileSync } from 'node:fs';

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true;
  }
}

export interface ChildProcessInfo {
  pid: number;
  commandLine: string;
}

/** Direct children of pid with their command lines (empty when /proc cannot be read). */
export function childrenOf(pid: number): ChildProcessInfo[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const out: ChildProcessInfo[] = [];
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) !== pid || fields[0] === 'Z') continue;
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0+$/, '').split('\0').join(' ');
      out.push({ pid: Number(entry), commandLine });
    } catch {
      // exited while we looked
    }
  }
  return out;
}
