import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isProcessAlive, waitForExit } from './exec.js';
import { processesUsing, reapStaleHarnessDirs, writeOwner } from './reaper.js';

describe('reaper', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'reaper-test-'));

  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("kills what runs in a dead owner's dirs and removes them; leaves live owners and unowned dirs alone", async () => {
    // A pid that surely belongs to no live process: a child that already exited.
    const gone = spawn('true');
    await waitForExit(gone);
    const deadPid = gone.pid!;

    const stale = path.join(root, 'ubos-redis-stale');
    const live = path.join(root, 'ubos-nginx-live');
    const unowned = path.join(root, 'ubos-pg-unowned');
    const unrelated = path.join(root, 'something-else');
    for (const dir of [stale, live, unowned, unrelated]) fs.mkdirSync(dir);
    fs.writeFileSync(path.join(stale, '.owner'), `${deadPid}\n`);
    fs.writeFileSync(path.join(unrelated, '.owner'), `${deadPid}\n`);
    writeOwner(live);

    const sleeper = spawn('sleep', ['60'], { cwd: stale, stdio: 'ignore' });
    const exited = waitForExit(sleeper);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(processesUsing(stale)).toEqual([sleeper.pid]);

    expect(reapStaleHarnessDirs(root)).toEqual([stale]);
    await exited;
    expect(isProcessAlive(sleeper.pid!)).toBe(false);
    expect(fs.existsSync(stale)).toBe(false);
    expect([live, unowned, unrelated].every((dir) => fs.existsSync(dir))).toBe(true);
  });
});
