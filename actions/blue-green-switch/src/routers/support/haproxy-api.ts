// A client of HAProxy's runtime API over its admin socket: one connection per command (the non-interactive
// mode: HAProxy answers and closes), a timeout on each, errors as one line that says what to fix, and parsers
// for `show servers state`, `show stat` (CSV) and the judge's ring log lines.
import net from 'node:net';
import { formatDuration } from '../../../../../shared/src/lib/duration.js';
import { ConfigurationError } from '../../../../../shared/src/lib/errors.js';

/** Cap on one answer; `show events` of a large ring is the biggest thing we read. */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

export function describeSocketError(socket: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return `HAProxy admin socket ${socket} does not exist: is HAProxy running with "stats socket ${socket} level admin"?`;
    case 'ECONNREFUSED':
      return `HAProxy is not running: its admin socket ${socket} refused the connection`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied on HAProxy admin socket ${socket}: run as its owner or widen its mode ("stats socket ... mode 660 group ...")`;
    case 'ENOTSOCK':
      return `${socket} is not a socket: point haproxy.socket at HAProxy's "stats socket"`;
    default:
      return `cannot talk to HAProxy on ${socket}: ${error.message}`;
  }
}

export class HaproxyApi {
  constructor(
    readonly socket: string,
    private readonly timeoutMs: number
  ) {}

  /** Sends one command; resolves with HAProxy's answer (which may be an error text). */
  command(line: string, signal?: AbortSignal): Promise<string> {
    return new Promise((resolve, reject) => {
      const connection = net.connect(this.socket);
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = (error?: Error, answer?: string): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        connection.destroy();
        if (error) reject(error);
        else resolve(answer ?? '');
      };
      const onAbort = (): void => finish(new Error(`HAProxy command "${line}" was cancelled`));
      const timer = setTimeout(
        () =>
          finish(
            new ConfigurationError(
              `HAProxy did not answer "${line}" on ${this.socket} within ${formatDuration(this.timeoutMs)}`
            )
          ),
        this.timeoutMs
      );
      signal?.addEventListener('abort', onAbort, { once: true });
      connection.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES)
          finish(new ConfigurationError(`HAProxy's answer to "${line}" is larger than 64 MiB`));
        else chunks.push(chunk);
      });
      connection.on('error', (error: NodeJS.ErrnoException) =>
        finish(new ConfigurationError(describeSocketError(this.socket, error)))
      );
      connection.on('end', () => finish(undefined, Buffer.concat(chunks).toString('utf8')));
      connection.write(`${line}\n`);
    });
  }

  /** A command that answers nothing on success (set server ...); any text back is HAProxy's error. */
  async expectSilent(line: string, signal?: AbortSignal): Promise<void> {
    const answer = (await this.command(line, signal)).trim();
    if (answer === '') return;
    if (/permission denied/i.test(answer)) {
      throw new ConfigurationError(
        `HAProxy refused "${line}": the admin socket ${this.socket} is not "level admin" (HAProxy said: ${answer})`
      );
    }
    throw new ConfigurationError(`HAProxy refused "${line}": ${answer.split('\n')[0]}`);
  }
}

export interface ServerStateRow {
  backend: string;
  name: string;
  address: string;
  port: number;
  /** 0 stopped, 1 starting, 2 running, 3 stopping. */
  opState: number;
  /** Bitmask: 0x01 forced maint, 0x02 inherited maint, 0x04 config maint, 0x08 forced drain, 0x10 inherited drain, ... */
  adminState: number;
  userWeight: number;
  initialWeight: number;
}

/** Parses `show servers state <backend>` (format version 1: a version line, a `#` header, then rows). */
export function parseServersState(text: string): ServerStateRow[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const header = lines.find((l) => l.startsWith('# '));
  if (!header) throw new ConfigurationError(`unexpected answer to "show servers state": ${lines[0] ?? '(empty)'}`);
  const names = header.slice(2).trim().split(/\s+/);
  const index = (name: string): number => {
    const i = names.indexOf(name);
    if (i < 0) throw new ConfigurationError(`"show servers state" has no ${name} column`);
    return i;
  };
  const columns = {
    backend: index('be_name'),
    name: index('srv_name'),
    address: index('srv_addr'),
    opState: index('srv_op_state'),
    adminState: index('srv_admin_state'),
    userWeight: index('srv_uweight'),
    initialWeight: index('srv_iweight'),
    port: names.indexOf('srv_port')
  };
  return lines
    .filter((l) => !l.startsWith('#') && /^\d+\s/.test(l))
    .map((l) => {
      const f = l.trim().split(/\s+/);
      return {
        backend: f[columns.backend],
        name: f[columns.name],
        address: f[columns.address],
        port: columns.port >= 0 ? Number(f[columns.port]) : 0,
        opState: Number(f[columns.opState]),
        adminState: Number(f[columns.adminState]),
        userWeight: Number(f[columns.userWeight]),
        initialWeight: Number(f[columns.initialWeight])
      };
    });
}

/** Parses `show stat` CSV into one record per row, keyed by the header's column names. */
export function parseStatCsv(text: string): Record<string, string>[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const header = lines[0];
  if (!header?.startsWith('# '))
    throw new ConfigurationError(`unexpected answer to "show stat": ${header ?? '(empty)'}`);
  const names = header.slice(2).split(',');
  return lines.slice(1).map((line) => {
    const fields = line.split(',');
    return Object.fromEntries(names.map((name, i) => [name, fields[i] ?? '']));
  });
}

export interface RingLogLine {
  /** Accept time, ms since the epoch. */
  at: number;
  backend: string;
  server: string;
  status: number;
  /** %Ta: total active time of the request in ms (-1 when aborted). */
  totalMs: number;
}

/** The judge's log-format: `log-format "ubos-bgs %Ts.%ms %b %s %ST %Ta"`, found anywhere in a ring line. */
export const RING_LOG_FORMAT = 'ubos-bgs %Ts.%ms %b %s %ST %Ta';
const RING_LINE = /ubos-bgs (\d+)\.(\d{3}) (\S+) (\S+) (-?\d+) (-?\d+)/;

export function parseRingLines(text: string): RingLogLine[] {
  const out: RingLogLine[] = [];
  for (const line of text.split('\n')) {
    const m = RING_LINE.exec(line);
    if (!m) continue;
    out.push({
      at: Number(m[1]) * 1000 + Number(m[2]),
      backend: m[3],
      server: m[4],
      status: Number(m[5]),
      totalMs: Number(m[6])
    });
  }
  return out;
}
