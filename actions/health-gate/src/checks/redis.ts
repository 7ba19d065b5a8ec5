// The `redis` probe: connect (TLS for rediss://), authenticate, PING, and optionally check the replication role.
import { redact } from '../../../../shared/src/lib/redact.js';
import type { BaseCheck, Probe, TlsOptions } from '../types.js';
import { parseRedisUrl, RedisClient, RedisProtocolError, RedisReplyError, type RedisReply } from './redis-client.js';
import { abortedMessage, AbortedAttemptError, describeNetworkError, elapsedMs, formatTarget } from './tcp.js';
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import { TLS_KEY } from '../config-keys.js';
import { defineCheckKind } from './kind.js';

export interface RedisCheck extends BaseCheck {
  type: 'redis';
  /** redis://[user:pass@]host:port[/db] or rediss:// for TLS. */
  url: string;
  /** Overrides the URL's password (e.g. from a secret). */
  password?: string;
  tls: TlsOptions;
  /** Expected replication role (`master` or `replica`/`slave`), from the ROLE command. */
  expectRole?: 'master' | 'replica';
}

function showReply(reply: RedisReply): string {
  if (reply === null) return 'nil';
  if (Array.isArray(reply)) return `an array of ${reply.length}`;
  const text = String(reply);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}...` : text);
}

/** ROLE names a replica `slave` (and some forks `replica`); the check speaks of replicas. */
function normaliseRole(role: string): string {
  const lower = role.toLowerCase();
  return lower === 'slave' ? 'replica' : lower;
}

function describeReplyError(error: RedisReplyError, passwordGiven: boolean): string {
  const command = error.command ?? 'command';
  switch (error.code) {
    case 'NOAUTH':
      return passwordGiven
        ? `authentication required (NOAUTH): ${command} was refused`
        : 'authentication required (NOAUTH): the server needs a password and none was given';
    case 'WRONGPASS':
      return 'authentication failed (WRONGPASS): wrong user name or password, or the user is disabled';
    case 'LOADING':
      return 'Redis is still loading its dataset (LOADING)';
    case 'MASTERDOWN':
      return 'the replica has lost its link to the master (MASTERDOWN)';
    default:
      // Redis before 6 answers a bad password with a plain ERR.
      if (command === 'AUTH') return `authentication failed: ${error.message}`;
      return `${command} failed: ${error.message}`;
  }
}

export const probeRedis: Probe<RedisCheck> = async (check, context) => {
  const endpoint = parseRedisUrl(check.url);
  const password = check.password ?? endpoint.password;
  const secrets = [password, endpoint.password, ...(context.secrets ?? [])].filter((value): value is string => !!value);
  const observed: Record<string, unknown> = {};
  const start = performance.now();
  let client: RedisClient | undefined;
  try {
    client = await RedisClient.connect({
      url: check.url,
      password: check.password,
      tls: check.tls,
      signal: context.signal
    });
    const pong = await client.command('PING');
    const latencyMs = elapsedMs(start);
    observed.latencyMs = latencyMs;
    if (pong !== 'PONG') {
      return { status: 'fail', message: `PING answered ${showReply(pong)}, expected PONG`, observed };
    }
    let roleNote = '';
    if (check.expectRole) {
      const reply = await client.command('ROLE');
      const first = Array.isArray(reply) ? reply[0] : undefined;
      if (typeof first !== 'string') {
        return { status: 'fail', message: `ROLE answered ${showReply(reply)}, expected a role name`, observed };
      }
      const role = normaliseRole(first);
      observed.role = role;
      if (role !== check.expectRole) {
        return { status: 'fail', message: `role is ${role}, expected ${check.expectRole}`, observed };
      }
      roleNote = `, role ${role}`;
    }
    return { status: 'pass', message: `PONG in ${latencyMs} ms${roleNote}`, observed };
  } catch (error) {
    let message: string;
    if (error instanceof AbortedAttemptError) {
      message = abortedMessage(context.timeoutMs, error.doing);
    } else if (error instanceof RedisReplyError) {
      message = describeReplyError(error, password !== undefined);
    } else if (error instanceof RedisProtocolError) {
      message = `${formatTarget(endpoint.host, endpoint.port)}: ${error.message}`;
    } else {
      message = describeNetworkError(error, endpoint.host, endpoint.port);
    }
    if (observed.latencyMs === undefined) observed.latencyMs = elapsedMs(start);
    return { status: 'fail', message: redact(message, secrets), observed };
  } finally {
    client?.close();
  }
};

export const redisCheck = defineCheckKind<RedisCheck>({
  type: 'redis',
  keys: {
    url: { kind: 'string', required: true, description: 'redis://[user:password@]host:port[/db] or rediss:// (TLS).' },
    password: { kind: 'string', description: 'Password, overriding the one in the URL.' },
    tls: TLS_KEY,
    'expect-role': { kind: 'enum', values: ['master', 'replica'], description: 'Expected replication role.' }
  },
  parse({ read: r, where, base, url, secret }) {
    const redisUrl = url();
    if (!/^rediss?:\/\//.test(redisUrl))
      throw new ConfigurationError(`${where}: "url" must be a redis:// or rediss:// URL`);
    const password = r.string('password');
    if (password) secret(password);
    return {
      ...base,
      type: 'redis',
      url: redisUrl,
      password,
      tls: r.tls('tls'),
      expectRole: r.enumValue<'master' | 'replica'>('expect-role', ['master', 'replica'])
    };
  },
  target: (check) => check.url,
  probe: probeRedis
});
