import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import { startColorBackend, type ColorBackend } from './color-backend.js';
import { isProcessAlive } from './exec.js';
import { haproxyCommand, startHaproxy, type HaproxyServer } from './haproxy.js';

async function colors(url: string, n: number): Promise<Record<string, number>> {
  const seen: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const res = await fetch(url);
    await res.text();
    const color = res.headers.get('x-color') ?? 'none';
    seen[color] = (seen[color] ?? 0) + 1;
  }
  return seen;
}

describe('HAProxy harness', () => {
  let blue: ColorBackend;
  let green: ColorBackend;
  let haproxy: HaproxyServer;

  beforeAll(async () => {
    blue = await startColorBackend({ color: 'blue' });
    green = await startColorBackend({ color: 'green' });
    haproxy = await startHaproxy({
      servers: [
        { name: 'blue1', address: blue.port, weight: 100 },
        { name: 'green1', address: green.port, weight: 0 }
      ]
    });
  });

  afterAll(async () => {
    await haproxy?.stop();
    await Promise.all([blue?.stop(), green?.stop()]);
  }, 30_000);

  it('starts a master we own with an admin socket in its own directory', async () => {
    expect(haproxy.dir).toMatch(/\/ubos-haproxy-[^/]+$/);
    expect(fs.statSync(haproxy.socket).isSocket()).toBe(true);
    expect(isProcessAlive(haproxy.pid)).toBe(true);
    expect(haproxy.workerPids().length).toBeGreaterThanOrEqual(1);
    expect(await haproxy.command('show info')).toMatch(/^Name: HAProxy/m);
    expect(await colors(haproxy.url, 4)).toEqual({ blue: 4 });
  });

  it('changes weights over the runtime API without a reload, and logs requests to the ring', async () => {
    const workers = haproxy.workerPids();
    expect(await haproxy.command('set server app/green1 weight 50')).toBe('\n');
    expect(await haproxy.command('set server app/blue1 weight 50')).toBe('\n');
    expect(await colors(haproxy.url, 10)).toEqual({ blue: 5, green: 5 });
    expect(haproxy.workerPids()).toEqual(workers);
    const events = await haproxy.command('show events bgs');
    expect(events).toMatch(/ubos-bgs \d+\.\d{3} app green1 200 \d+/);
    expect(await haproxy.command('set server app/nope weight 3')).toMatch(/No such server/);
  });

  it('reloads with SIGUSR2 (runtime weights survive through the server-state file when it is dumped first)', async () => {
    fs.writeFileSync(`${haproxy.dir}/server-state`, await haproxy.command('show servers state'));
    await haproxy.reload();
    expect(await haproxy.command('get weight app/green1')).toMatch(/^50 /);
  });

  it('leaves a refused socket behind after a crash', async () => {
    const crashed = await startHaproxy({ servers: [{ name: 'blue1', address: blue.port }] });
    await crashed.crash();
    await expect(haproxyCommand(crashed.socket, 'show info')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await crashed.stop();
    expect(fs.existsSync(crashed.dir)).toBe(false);
  });
});
