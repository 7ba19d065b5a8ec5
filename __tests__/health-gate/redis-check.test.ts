import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  encodeCommand,
  parseRedisUrl,
  RedisReplyError,
  RespParser
} from '../../actions/health-gate/src/checks/redis-client.js';
import { probeRedis, type RedisCheck } from '../../actions/health-gate/src/checks/redis.js';
import { freePort, silentServer, sleep } from '../harness/ports.js';
import { redisCommand, startRedis, type RedisServer } from '../harness/redis.js';
import { testTiming, probeContext } from './probe-fixtures.js';

const TLS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tls');
const PASSWORD = 'r3dis-S3cret/pw';

function redisCheck(overrides: Partial<RedisCheck> = {}): RedisCheck {
  return {
    name: 'cache',
    type: 'redis',
    role: 'readiness',
    ...testTiming({ timeout: 3000, failureThreshold: 3 }),
    url: 'redis://127.0.0.1:1',
    tls: { insecure: false },
    ...overrides
  };
}

const context = (timeoutMs = 3000, signal?: AbortSignal) => probeContext(timeoutMs, signal);

describe('redis check against a real redis-server', () => {
  let plain: RedisServer;
  let secured: RedisServer;

  beforeAll(async () => {
    [plain, secured] = await Promise.all([startRedis(), startRedis({ password: PASSWORD })]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([plain?.stop(), secured?.stop()]);
  });

  it('passes when PING answers PONG', async () => {
    const outcome = await probeRedis(redisCheck({ url: plain.url }), context());
    expect(outcome).toMatchObject({ status: 'pass', observed: { latencyMs: expect.any(Number) } });
    expect(outcome.message).toMatch(/^PONG in [\d.]+ ms$/);
  });

  it('fails while redis is down and passes once it is up', async () => {
    const server = await startRedis();
    await server.stop();
    const down = await probeRedis(redisCheck({ url: server.url }), context());
    expect(down.status).toBe('fail');
    expect(down.message).toBe(`connection refused (127.0.0.1:${server.port})`);

    const again = await startRedis();
    try {
      const up = await probeRedis(redisCheck({ url: again.url }), context());
      expect(up.status).toBe('pass');
    } finally {
      await again.stop();
    }
  }, 30_000);

  it('reports NOAUTH when the server needs a password and none was given', async () => {
    const outcome = await probeRedis(redisCheck({ url: `redis://127.0.0.1:${secured.port}` }), context());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBe('authentication required (NOAUTH): the server needs a password and none was given');
  });

  it('reports a wrong password without printing it', async () => {
    const wrong = 'not-the-Passw0rd';
    const outcome = await probeRedis(
      redisCheck({ url: `redis://:${encodeURIComponent(wrong)}@127.0.0.1:${secured.port}` }),
      context()
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(/^authentication failed \(WRONGPASS\)/);
    expect(outcome.message).not.toContain(wrong);
    expect(JSON.stringify(outcome)).not.toContain(wrong);
  });

  it('fails when a password is given to a server that has none, without printing it', async () => {
    const outcome = await probeRedis(redisCheck({ url: plain.url, password: 'unexpected-Pw1' }), context());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(
      /^authentication failed: ERR AUTH <password> called without any password configured/
    );
    expect(outcome.message).not.toContain('unexpected-Pw1');
  });

  it('authenticates with the password in the URL, with a user name, or with the override', async () => {
    expect((await probeRedis(redisCheck({ url: secured.url }), context())).status).toBe('pass');
    const withUser = `redis://default:${encodeURIComponent(PASSWORD)}@127.0.0.1:${secured.port}`;
    expect((await probeRedis(redisCheck({ url: withUser }), context())).status).toBe('pass');
    const override = await probeRedis(
      redisCheck({ url: `redis://:stale@127.0.0.1:${secured.port}`, password: PASSWORD }),
      context()
    );
    expect(override.status).toBe('pass');
  });

  it('selects the database in the URL path, and says when it does not exist', async () => {
    await redisCommand(plain.port, 'SELECT', 3);
    expect((await probeRedis(redisCheck({ url: `${plain.url}/3` }), context())).status).toBe('pass');
    const outcome = await probeRedis(redisCheck({ url: `${plain.url}/4000` }), context());
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(/^SELECT failed: ERR DB index is out of range/);
  });

  it('checks the replication role: master as master, and a replica as replica', async () => {
    const master = await probeRedis(redisCheck({ url: plain.url, expectRole: 'master' }), context());
    expect(master).toMatchObject({ status: 'pass', observed: { role: 'master' } });
    expect(master.message).toMatch(/, role master$/);

    const wrong = await probeRedis(redisCheck({ url: plain.url, expectRole: 'replica' }), context());
    expect(wrong.status).toBe('fail');
    expect(wrong.message).toBe('role is master, expected replica');

    const replica = await startRedis({ args: ['--replicaof', '127.0.0.1', String(plain.port)] });
    try {
      const outcome = await probeRedis(redisCheck({ url: replica.url, expectRole: 'replica' }), context());
      expect(outcome).toMatchObject({ status: 'pass', observed: { role: 'replica' } });
    } finally {
      await replica.stop();
    }
  }, 30_000);

  describe('over TLS (rediss://)', () => {
    let tlsServer: RedisServer;
    let tlsPort: number;

    beforeAll(async () => {
      tlsPort = await freePort();
      tlsServer = await startRedis({
        args: [
          '--tls-port',
          String(tlsPort),
          '--tls-cert-file',
          path.join(TLS_DIR, 'server.crt'),
          '--tls-key-file',
          path.join(TLS_DIR, 'server.key'),
          '--tls-ca-cert-file',
          path.join(TLS_DIR, 'ca.crt'),
          '--tls-auth-clients',
          'no'
        ]
      });
    }, 60_000);

    afterAll(async () => {
      await tlsServer?.stop();
    });

    it('trusts a server certificate signed by the given CA', async () => {
      const ca = fs.readFileSync(path.join(TLS_DIR, 'ca.crt'), 'utf8');
      const outcome = await probeRedis(
        redisCheck({ url: `rediss://localhost:${tlsPort}`, tls: { ca, insecure: false } }),
        context()
      );
      expect(outcome.status).toBe('pass');
    });

    it('refuses an untrusted certificate unless insecure was asked for', async () => {
      const refused = await probeRedis(redisCheck({ url: `rediss://127.0.0.1:${tlsPort}` }), context());
      expect(refused.status).toBe('fail');
      expect(refused.message).toMatch(/^TLS error with 127\.0\.0\.1:\d+: .*certificate/);
      const insecure = await probeRedis(
        redisCheck({ url: `rediss://127.0.0.1:${tlsPort}`, tls: { insecure: true } }),
        context()
      );
      expect(insecure.status).toBe('pass');
    });
  });
});

describe('redis check against servers that are not well', () => {
  it('stops promptly when the signal fires while the server never answers', async () => {
    const server = await silentServer();
    try {
      const started = performance.now();
      const outcome = await probeRedis(
        redisCheck({ url: `redis://127.0.0.1:${server.port}` }),
        context(200, AbortSignal.timeout(200))
      );
      expect(performance.now() - started).toBeLessThan(1000);
      expect(outcome.status).toBe('fail');
      expect(outcome.message).toBe(`timed out after 200 ms waiting for PING from 127.0.0.1:${server.port}`);
    } finally {
      await server.close();
    }
  });

  it('says so when the port speaks something other than RESP', async () => {
    const server = await silentServer('HTTP/1.1 400 Bad Request\r\n\r\n');
    try {
      const outcome = await probeRedis(redisCheck({ url: `redis://127.0.0.1:${server.port}` }), context());
      expect(outcome.status).toBe('fail');
      expect(outcome.message).toBe(`127.0.0.1:${server.port}: not a Redis (RESP2) reply: "HTTP/1.1 400 Bad Request"`);
    } finally {
      await server.close();
    }
  });

  it('fails on a connection the server closes before answering', async () => {
    const sockets: net.Socket[] = [];
    const server = net.createServer((socket) => {
      sockets.push(socket);
      socket.once('data', () => socket.end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const outcome = await probeRedis(redisCheck({ url: `redis://127.0.0.1:${port}` }), context());
      expect(outcome.status).toBe('fail');
      expect(outcome.message).toBe(`connection closed by 127.0.0.1:${port}`);
    } finally {
      for (const socket of sockets) socket.destroy();
      server.close();
      await sleep(10);
    }
  });
});

describe('RESP2 client pieces', () => {
  it('encodes commands as arrays of bulk strings', () => {
    expect(encodeCommand(['AUTH', 'pä']).toString('utf8')).toBe('*2\r\n$4\r\nAUTH\r\n$3\r\npä\r\n');
  });

  it('parses every reply type, across chunk boundaries, with nested arrays and errors', () => {
    const parser = new RespParser();
    const wire = Buffer.from(
      '+PONG\r\n-ERR bad thing\r\n:42\r\n$5\r\nhello\r\n$-1\r\n*-1\r\n*3\r\n$6\r\nmaster\r\n:0\r\n*2\r\n*2\r\n:1\r\n-NOPE inner\r\n*0\r\n'
    );
    const replies = [];
    // One byte at a time: the worst case for an incremental parser.
    for (let i = 0; i < wire.length; i++) replies.push(...parser.feed(wire.subarray(i, i + 1)));
    expect(replies).toHaveLength(7);
    expect(replies[0]).toBe('PONG');
    expect(replies[1]).toBeInstanceOf(RedisReplyError);
    expect((replies[1] as RedisReplyError).code).toBe('ERR');
    expect(replies.slice(2, 6)).toEqual([42, 'hello', null, null]);
    const role = replies[6] as unknown[];
    expect(role[0]).toBe('master');
    expect(role[1]).toBe(0);
    const nested = role[2] as unknown[][];
    expect(nested[0]![0]).toBe(1);
    expect((nested[0]![1] as RedisReplyError).code).toBe('NOPE');
    expect(nested[1]).toEqual([]);
  });

  it('keeps multi-byte characters whole in bulk strings split mid-character', () => {
    const parser = new RespParser();
    // "éé" is four bytes; the split falls inside the second character.
    const wire = Buffer.from('$4\r\néé\r\n', 'utf8');
    expect([...parser.feed(wire.subarray(0, 6)), ...parser.feed(wire.subarray(6))]).toEqual(['éé']);
  });

  it('parses URLs: password decoding, user names, database, TLS', () => {
    expect(parseRedisUrl('redis://:p%40ss%2Fx@cache:6380/2')).toEqual({
      host: 'cache',
      port: 6380,
      tls: false,
      username: undefined,
      password: 'p@ss/x',
      db: 2
    });
    expect(parseRedisUrl('rediss://app:pw@[::1]')).toMatchObject({
      host: '::1',
      port: 6379,
      tls: true,
      username: 'app'
    });
    expect(parseRedisUrl('redis://cache')).toMatchObject({ db: 0, password: undefined });
  });

  it('rejects a bad URL without echoing its password', () => {
    expect(() => parseRedisUrl('http://:hunter2@cache')).toThrow(/redis:\/\/ or rediss:\/\//);
    expect(() => parseRedisUrl('http://:hunter2@cache')).not.toThrow(/hunter2/);
    expect(() => parseRedisUrl('redis://:hunter2@cache/x')).toThrow(/must be a number/);
    expect(() => parseRedisUrl('redis://:hunter2@cache/x')).not.toThrow(/hunter2/);
  });
});
