// A deliberately small Redis client: enough RESP2 to authenticate, select a database and send a few commands
// during one probe attempt. A full client library would bring reconnect logic and offline queues that fight
// a probe's need to fail fast and report exactly what happened.
import net from 'node:net';
import tls from 'node:tls';
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import { redactUrl } from '../../../../shared/src/lib/redact.js';
import type { TlsOptions } from '../types.js';
import { AbortedAttemptError, formatTarget, openSocket } from './tcp.js';

export const DEFAULT_REDIS_PORT = 6379;

export interface RedisEndpoint {
  host: string;
  port: number;
  /** rediss:// */
  tls: boolean;
  /** ACL user name (Redis 6+); only sent together with a password. */
  username?: string;
  password?: string;
  db: number;
}

/** Parses redis://[user:pass@]host[:port][/db] (or rediss://); the error message never carries the password. */
export function parseRedisUrl(url: string): RedisEndpoint {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new ConfigurationError(`invalid Redis URL: ${redactUrl(url)}`);
  }
  const scheme = parsed.protocol.toLowerCase();
  if (scheme !== 'redis:' && scheme !== 'rediss:') {
    throw new ConfigurationError(`a Redis URL starts with redis:// or rediss://, not ${scheme}// (${redactUrl(url)})`);
  }
  const host = decodeURIComponent(parsed.hostname).replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw new ConfigurationError(`the Redis URL has no host: ${redactUrl(url)}`);
  const port = parsed.port === '' ? DEFAULT_REDIS_PORT : Number(parsed.port);
  const dbText = parsed.pathname.replace(/^\//, '') || parsed.searchParams.get('db') || '0';
  if (!/^\d+$/.test(dbText)) {
    throw new ConfigurationError(`the Redis URL's database must be a number, not "${dbText}": ${redactUrl(url)}`);
  }
  const username = parsed.username === '' ? undefined : decodeURIComponent(parsed.username);
  const password = parsed.password === '' ? undefined : decodeURIComponent(parsed.password);
  return { host, port, tls: scheme === 'rediss:', username, password, db: Number(dbText) };
}

/** An error reply (`-ERR ...`, `-WRONGPASS ...`); `code` is its first word. */
export class RedisReplyError extends Error {
  override readonly name = 'RedisReplyError';
  readonly code: string;
  /** The command that got this reply, upper-cased (never its arguments, which may be a password). */
  command?: string;

  constructor(message: string) {
    super(message);
    this.code = /^\S+/.exec(message)?.[0] ?? 'ERR';
  }
}

/** A decoded RESP2 reply. Error elements inside arrays stay values; a top-level error reply rejects. */
export type RedisReply = string | number | null | RedisReplyError | RedisReply[];

/** The wire form of one command: an array of bulk strings. */
export function encodeCommand(args: readonly (string | number | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const arg of args) {
    const data = Buffer.isBuffer(arg) ? arg : Buffer.from(String(arg), 'utf8');
    parts.push(Buffer.from(`$${data.length}\r\n`), data, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

export class RedisProtocolError extends Error {
  override readonly name = 'RedisProtocolError';
}

/** The start of what the server sent, its first line only, safe to print. */
function printable(buffer: Buffer, start: number): string {
  const firstLine = buffer.toString('latin1', start, Math.min(buffer.length, start + 40)).split(/[\r\n]/)[0];
  return firstLine.replace(/[^\x20-\x7e]/g, '.').trim();
}

/** Incremental RESP2 decoder: feed it chunks as they arrive, get back every reply completed so far. */
export class RespParser {
  private buffer: Buffer = Buffer.alloc(0);

  feed(chunk: Buffer): RedisReply[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const replies: RedisReply[] = [];
    let offset = 0;
    for (;;) {
      const parsed = this.parseAt(offset);
      if (!parsed) break;
      replies.push(parsed.value);
      offset = parsed.next;
    }
    this.buffer = this.buffer.subarray(offset);
    return replies;
  }

  private parseAt(offset: number): { value: RedisReply; next: number } | undefined {
    const buffer = this.buffer;
    if (offset >= buffer.length) return undefined;
    const lineEnd = buffer.indexOf('\r\n', offset);
    if (lineEnd < 0) {
      this.checkType(offset);
      return undefined;
    }
    const line = buffer.toString('utf8', offset + 1, lineEnd);
    const afterLine = lineEnd + 2;
    switch (this.checkType(offset)) {
      case '+':
        return { value: line, next: afterLine };
      case '-':
        return { value: new RedisReplyError(line), next: afterLine };
      case ':':
        return { value: this.integer(line), next: afterLine };
      case '$': {
        const length = this.integer(line);
        if (length < 0) return { value: null, next: afterLine };
        if (buffer.length < afterLine + length + 2) return undefined;
        return { value: buffer.toString('utf8', afterLine, afterLine + length), next: afterLine + length + 2 };
      }
      default: {
        const count = this.integer(line);
        if (count < 0) return { value: null, next: afterLine };
        const items: RedisReply[] = [];
        let next = afterLine;
        for (let i = 0; i < count; i++) {
          const item = this.parseAt(next);
          if (!item) return undefined;
          items.push(item.value);
          next = item.next;
        }
        return { value: items, next };
      }
    }
  }

  // Checked as soon as the first byte is in, so a non-Redis server (an HTTP port, say) is reported at once
  // instead of waiting for a line end that may never come.
  private checkType(offset: number): '+' | '-' | ':' | '$' | '*' {
    const type = String.fromCharCode(this.buffer[offset]);
    if (type === '+' || type === '-' || type === ':' || type === '$' || type === '*') return type;
    throw new RedisProtocolError(`not a Redis (RESP2) reply: "${printable(this.buffer, offset)}"`);
  }

  private integer(text: string): number {
    if (!/^-?\d+$/.test(text)) throw new RedisProtocolError(`malformed RESP2 length or integer "${text}"`);
    return Number(text);
  }
}

export interface RedisConnectOptions {
  url: string;
  /** Replaces the URL's password. */
  password?: string;
  tls: TlsOptions;
  /** Closes the connection and rejects whatever is pending when it fires. */
  signal: AbortSignal;
}

interface Pending {
  command: string;
  resolve(reply: RedisReply): void;
  reject(error: Error): void;
}

/** tls.connect options for a TlsOptions: extra CA certificates are trusted on top of the system's. */
export function tlsConnectOptions(options: TlsOptions): tls.ConnectionOptions {
  return {
    rejectUnauthorized: !options.insecure,
    ...(options.ca ? { ca: [...tls.rootCertificates, options.ca] } : {})
  };
}

export class RedisClient {
  private readonly parser = new RespParser();
  private readonly pending: Pending[] = [];
  private failure: Error | undefined;

  private constructor(
    private readonly socket: net.Socket,
    private readonly signal: AbortSignal,
    /** host:port, for messages. */
    readonly target: string
  ) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error(`connection closed by ${target}`)));
    signal.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Connects, authenticates and selects the URL's database; rejects with the first thing that went wrong. */
  static async connect(options: RedisConnectOptions): Promise<RedisClient> {
    const endpoint = parseRedisUrl(options.url);
    const password = options.password ?? endpoint.password;
    const socket = await openSocket({
      host: endpoint.host,
      port: endpoint.port,
      signal: options.signal,
      tls: endpoint.tls ? tlsConnectOptions(options.tls) : undefined
    });
    const client = new RedisClient(socket, options.signal, formatTarget(endpoint.host, endpoint.port));
    try {
      if (password !== undefined) {
        const auth = endpoint.username === undefined ? ['AUTH', password] : ['AUTH', endpoint.username, password];
        await client.command(...auth);
      }
      if (endpoint.db !== 0) await client.command('SELECT', endpoint.db);
    } catch (error) {
      client.close();
      throw error;
    }
    return client;
  }

  /** Sends one command; resolves with its reply, rejects with RedisReplyError on an error reply. */
  command(...args: (string | number | Buffer)[]): Promise<RedisReply> {
    const name = String(args[0] ?? '').toUpperCase();
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ command: name, resolve, reject });
      this.socket.write(encodeCommand(args));
    });
  }

  /** Closes the connection at once (a probe has nothing left to say to the server); idempotent. */
  close(): void {
    this.fail(new Error('connection closed by the client'));
  }

  private readonly onAbort = (): void => {
    const waitingFor = this.pending[0]?.command ?? 'a reply';
    this.fail(new AbortedAttemptError(`waiting for ${waitingFor} from ${this.target}`));
  };

  private onData(chunk: Buffer): void {
    let replies: RedisReply[];
    try {
      replies = this.parser.feed(chunk);
    } catch (error) {
      this.fail(error as Error);
      return;
    }
    for (const reply of replies) {
      const waiting = this.pending.shift();
      if (!waiting) {
        this.fail(new RedisProtocolError('the server sent a reply nobody asked for'));
        return;
      }
      if (reply instanceof RedisReplyError) {
        reply.command = waiting.command;
        waiting.reject(reply);
      } else {
        waiting.resolve(reply);
      }
    }
  }

  private fail(error: Error): void {
    if (!this.failure) {
      this.failure = error;
      this.signal.removeEventListener('abort', this.onAbort);
      this.socket.destroy();
    }
    for (const waiting of this.pending.splice(0)) waiting.reject(this.failure);
  }
}
