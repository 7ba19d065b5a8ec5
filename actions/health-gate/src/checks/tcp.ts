// The `tcp` probe, and the socket helpers the redis and postgres probes share with it: opening a connection
// that gives up promptly when the attempt's signal fires, and turning network errors into short messages.
import net from 'node:net';
import tls from 'node:tls';
import type { BaseCheck, Probe } from '../types.js';
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import type { KeySpec } from '../config-keys.js';
import { defineCheckKind } from './kind.js';

export interface TcpCheck extends BaseCheck {
  type: 'tcp';
  host: string;
  port: number;
}

/** `host:port`, with brackets around an IPv6 literal so the port stays readable. */
export function formatTarget(host: string, port: number): string {
  return net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Milliseconds since `start` (a performance.now() value), to 0.1 ms: loopback connections take well under 1 ms. */
export function elapsedMs(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}

/** The system error code of a network error, looking inside the AggregateError of a dual-stack attempt. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code !== '') return code;
  const inner = (error as { errors?: unknown }).errors;
  if (Array.isArray(inner)) {
    for (const item of inner) {
      const innerCode = errorCode(item);
      if (innerCode) return innerCode;
    }
  }
  return undefined;
}

const TLS_CODE = /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_OSSL/;

/** One line that says what went wrong on the network, without the raw error's noise. */
export function describeNetworkError(error: unknown, host: string, port: number): string {
  const target = formatTarget(host, port);
  const code = errorCode(error);
  const message = error instanceof Error && error.message !== '' ? error.message : String(error);
  switch (code) {
    case 'ECONNREFUSED':
      return `connection refused (${target})`;
    case 'ENOTFOUND':
      return `cannot resolve host "${host}" (ENOTFOUND)`;
    case 'EAI_AGAIN':
      return `DNS lookup of "${host}" failed temporarily (EAI_AGAIN)`;
    case 'ECONNRESET':
      return `connection reset by ${target}`;
    case 'EPIPE':
      return `connection closed by ${target} while sending (EPIPE)`;
    case 'ETIMEDOUT':
      return `connection to ${target} timed out (ETIMEDOUT)`;
    case 'EHOSTUNREACH':
      return `host unreachable (${target})`;
    case 'ENETUNREACH':
      return `network unreachable (${target})`;
    case 'EADDRNOTAVAIL':
      return `cannot connect to ${target} (EADDRNOTAVAIL)`;
    default:
      if (code && TLS_CODE.test(code)) return `TLS error with ${target}: ${message} (${code})`;
      return code && !message.includes(code) ? `${message} (${code})` : message;
  }
}

/**
 * The message for an attempt its signal stopped. The signal fires at the attempt's timeout or when the gate
 * ends; in the second case the scheduler discards the attempt, so the timeout is the case worth describing.
 */
export function abortedMessage(timeoutMs: number, doing: string): string {
  return `timed out after ${timeoutMs} ms ${doing}`;
}

/** The attempt's signal fired; `doing` says what was going on ("connecting to db:5432"). */
export class AbortedAttemptError extends Error {
  override readonly name = 'AbortedAttemptError';

  constructor(readonly doing: string) {
    super(`aborted while ${doing}`);
  }
}

export interface SocketOptions {
  host: string;
  port: number;
  signal: AbortSignal;
  /** Wrap the connection in TLS with these options (servername defaults to the host name). */
  tls?: tls.ConnectionOptions;
}

/**
 * Opens a TCP (or TLS) connection. Resolves once it is usable (after the TLS handshake); rejects with the
 * socket's error, or as soon as the signal fires, and never leaves a half-open socket behind.
 */
export function openSocket(options: SocketOptions): Promise<net.Socket> {
  const { host, port, signal } = options;
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new AbortedAttemptError(`connecting to ${formatTarget(host, port)}`));
      return;
    }
    const socket: net.Socket = options.tls
      ? tls.connect({
          host,
          port,
          // SNI must not carry an IP address (RFC 6066); the certificate check still uses `host`.
          servername: net.isIP(host) ? undefined : host,
          ...options.tls
        })
      : net.connect({ host, port });
    const cleanup = (): void => {
      signal.removeEventListener('abort', onAbort);
      socket.removeListener('error', onError);
      socket.removeListener(options.tls ? 'secureConnect' : 'connect', onConnect);
    };
    const onConnect = (): void => {
      cleanup();
      resolve(socket);
    };
    const onError = (error: Error): void => {
      cleanup();
      socket.destroy();
      reject(error);
    };
    const onAbort = (): void => {
      cleanup();
      // A late error from the destroyed socket must not become an unhandled 'error' event.
      socket.on('error', () => undefined);
      socket.destroy();
      reject(new AbortedAttemptError(`connecting to ${formatTarget(host, port)}`));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('error', onError);
    socket.once(options.tls ? 'secureConnect' : 'connect', onConnect);
  });
}

export const probeTcp: Probe<TcpCheck> = async (check, context) => {
  const target = formatTarget(check.host, check.port);
  const start = performance.now();
  let socket: net.Socket;
  try {
    socket = await openSocket({ host: check.host, port: check.port, signal: context.signal });
  } catch (error) {
    const message =
      error instanceof AbortedAttemptError
        ? abortedMessage(context.timeoutMs, error.doing)
        : describeNetworkError(error, check.host, check.port);
    return { status: 'fail', message, observed: { latencyMs: elapsedMs(start) } };
  }
  const latencyMs = elapsedMs(start);
  socket.on('error', () => undefined);
  socket.destroy();
  return { status: 'pass', message: `connected to ${target} in ${latencyMs} ms`, observed: { latencyMs } };
};

const TCP_KEYS = {
  host: { kind: 'string', required: true, description: 'Host name or address.' },
  port: { kind: 'integer', required: true, min: 1, max: 65535, description: 'TCP port.' }
} satisfies Record<string, KeySpec>;

export const tcpCheck = defineCheckKind<TcpCheck>({
  type: 'tcp',
  keys: TCP_KEYS,
  parse({ read: r, where, base }) {
    const port = r.integer('port', TCP_KEYS.port);
    if (port === undefined) throw new ConfigurationError(`${where}: "port" is required`);
    return { ...base, type: 'tcp', host: r.requiredString('host'), port };
  },
  target: (check) => `${check.host}:${check.port}`,
  probe: probeTcp
});
