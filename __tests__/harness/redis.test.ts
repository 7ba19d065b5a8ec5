import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import { MissingBinaryError, findBinary } from './binaries.js';
import { isProcessAlive } from './exec.js';
import { canConnect } from './ports.js';
import { RedisError, redisCommand, redisCommandWith, redisPipeline, startRedis, type RedisServer } from './redis.js';

describe('redis harness', () => {
  let redis: RedisServer;
  let secured: RedisServer;

  beforeAll(async () => {
    [redis, secured] = await Promise.all([startRedis(), startRedis({ password: 's3cret pass' })]);
  }, 30_000);

  afterAll(async () => {
    await Promise.all([redis?.stop(), secured?.stop()]);
  }, 30_000);

  it('starts on a free loopback port with no persistence', async () => {
    expect(redis.port).not.toBe(6379);
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(await redisCommand(redis.port, 'PING')).toBe('PONG');
    expect(await redisCommand(redis.port, 'CONFIG', 'GET', 'save')).toEqual(['save', '']);
    expect(await redisCommand(redis.port, 'CONFIG', 'GET', 'appendonly')).toEqual(['appendonly', 'no']);
    expect(await redisCommand(redis.port, 'CONFIG', 'GET', 'dir')).toEqual(['dir', fs.realpathSync(redis.dir)]);
    expect(await redisCommand(redis.port, 'CONFIG', 'GET', 'bind')).toEqual(['bind', '127.0.0.1']);
  });

  it('speaks RESP: strings, integers, nulls, arrays, binary-safe values', async () => {
    expect(await redisCommand(redis.port, 'SET', 'greeting', 'hello\r\nworld')).toBe('OK');
    expect(await redisCommand(redis.port, 'GET', 'greeting')).toBe('hello\r\nworld');
    expect(await redisCommand(redis.port, 'GET', 'missing')).toBeNull();
    expect(await redisCommand(redis.port, 'INCRBY', 'counter', 5)).toBe(5);
    expect(await redisCommand(redis.port, 'RPUSH', 'list', 'a', 'b', 'c')).toBe(3);
    expect(await redisCommand(redis.port, 'LRANGE', 'list', 0, -1)).toEqual(['a', 'b', 'c']);
    const big = 'x'.repeat(200_000);
    await redisCommand(redis.port, 'SET', 'big', big);
    expect(await redisCommand(redis.port, 'GET', 'big')).toBe(big);
  });

  it('rejects with RedisError on error replies, and pipelines return them as values', async () => {
    await expect(redisCommand(redis.port, 'NOSUCHCOMMAND')).rejects.toThrow(RedisError);
    const replies = await redisPipeline(redis.port, [
      ['SET', 'k', '1'],
      ['LPUSH', 'k', 'x'],
      ['GET', 'k']
    ]);
    expect(replies[0]).toBe('OK');
    expect(replies[1]).toBeInstanceOf(RedisError);
    expect((replies[1] as RedisError).message).toMatch(/^WRONGTYPE/);
    expect(replies[2]).toBe('1');
  });

  it('requires the password when one is set', async () => {
    expect(secured.url).toBe(`redis://:s3cret%20pass@127.0.0.1:${secured.port}`);
    await expect(redisCommand(secured.port, 'GET', 'x')).rejects.toThrow(/NOAUTH/);
    await expect(redisCommandWith(secured.port, { password: 'wrong' }, 'PING')).rejects.toThrow(
      /WRONGPASS|invalid password/
    );
    expect(await redisCommandWith(secured.port, { password: 's3cret pass' }, 'PING')).toBe('PONG');
  });

  it('stop() ends the process, frees the port and removes the temp dir', async () => {
    const extra = await startRedis();
    expect(isProcessAlive(extra.pid)).toBe(true);
    await extra.stop();
    await extra.stop();
    expect(isProcessAlive(extra.pid)).toBe(false);
    expect(await canConnect(extra.port)).toBe(false);
    expect(fs.existsSync(extra.dir)).toBe(false);
    await expect(redisCommand(extra.port, 'PING')).rejects.toThrow();
  });

  it('names the Debian package when a binary is missing', () => {
    expect(() => findBinary('redis-server', { env: { PATH: '/nonexistent' }, extraDirs: [] })).toThrow(
      'redis-server not found: apt-get install redis-server'
    );
    expect(() => findBinary('nginx', { env: { PATH: '' }, extraDirs: ['/nonexistent'] })).toThrow(MissingBinaryError);
    expect(() => findBinary('nginx', { env: { PATH: '' }, extraDirs: [] })).toThrow(/apt-get install nginx/);
  });
});
