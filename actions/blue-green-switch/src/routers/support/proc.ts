// Linux /proc reads the nginx router uses to see a reload through (which workers a master has, whether a process
// still lives) and, in njs mode, a drain (the TCP connections nginx still has open to a colour).
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

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

/** The hex form /proc/net/tcp{,6} gives a remote address: each 32-bit word of the address in host (little-endian) order. */
function procHex(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    for (const b of bytes.slice(i, i + 4).reverse()) out += b.toString(16).padStart(2, '0');
  }
  return out.toUpperCase();
}

function ipv4Bytes(ip: string): number[] | undefined {
  const parts = ip.split('.').map(Number);
  return parts.length === 4 && parts.every((p) => Number.isInteger(p) && p >= 0 && p <= 255) ? parts : undefined;
}

function ipv6Bytes(ip: string): number[] | undefined {
  let text = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  let tail: number[] = [];
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const bytes = ipv4Bytes(v4[1]);
    if (!bytes) return undefined;
    tail = bytes;
    text = `${text.slice(0, -v4[1].length)}0:0`;
  }
  const [head, rest] = text.split('::');
  const groups = (s: string | undefined) => (s ? s.split(':') : []);
  const h = groups(head);
  const r = groups(rest);
  const fill = text.includes('::') ? 8 - h.length - r.length : 0;
  const all = [...h, ...Array<string>(Math.max(0, fill)).fill('0'), ...r];
  if (all.length !== 8 || all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const bytes = all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 255]);
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** The remote-address column values (`0100007F:1F90`) a connection to ip:port shows in /proc/net/tcp or tcp6. */
export function procRemoteAddresses(ip: string, port: number): string[] {
  const p = port.toString(16).toUpperCase().padStart(4, '0');
  const v4 = ipv4Bytes(ip);
  if (v4) return [`${procHex(v4)}:${p}`, `${procHex([...Array<number>(10).fill(0), 255, 255, ...v4])}:${p}`];
  const v6 = ipv6Bytes(ip);
  return v6 ? [`${procHex(v6)}:${p}`] : [];
}

/** Socket inodes the processes hold open; undefined when a process's fds cannot be read (another user's). */
export function socketInodes(pids: readonly number[]): Set<string> | undefined {
  const inodes = new Set<string>();
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      return undefined;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m) inodes.add(m[1]);
      } catch {
        // closed while we looked
      }
    }
  }
  return inodes;
}

/**
 * Open TCP connections (established or being set up) to any of the remote addresses (procRemoteAddresses),
 * counted among the given socket inodes, or among every socket of the machine when inodes is undefined.
 */
export function tcpConnectionsTo(remotes: ReadonlySet<string>, inodes: ReadonlySet<string> | undefined): number {
  let count = 0;
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10) continue;
      // 01 ESTABLISHED, 02 SYN_SENT: a request can be on its way or waiting for its answer.
      if ((f[3] !== '01' && f[3] !== '02') || !remotes.has(f[2])) continue;
      if (inodes && !inodes.has(f[9])) continue;
      count++;
    }
  }
  return count;
}

/**
 * When a process started, in ms since the epoch, to 10 ms (/proc/<pid>/stat's start time in clock ticks since
 * boot, at Linux's fixed USER_HZ of 100, against /proc/uptime read at the same moment); undefined when /proc
 * cannot tell.
 */
export function processStartMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const now = Date.now();
    const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    return Number.isFinite(uptime) && Number.isFinite(ticks) ? now - (uptime * 1000 - ticks * 10) : undefined;
  } catch {
    return undefined;
  }
}
