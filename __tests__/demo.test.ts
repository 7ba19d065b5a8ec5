import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HARNESS_DIR_PREFIXES } from './harness/reaper.js';
import { repoRoot } from './harness/runner.js';

// The README's main command: the sample service through every stage of the pipeline with real PostgreSQL, nginx
// and HAProxy, under two minutes, leaving nothing behind.

/** Harness temp dirs (PostgreSQL, nginx, HAProxy, the demo's own) whose owner file names `pid`. */
function dirsOwnedBy(pid: number): string[] {
  return readdirSync(tmpdir())
    .filter((name) => HARNESS_DIR_PREFIXES.some((prefix) => name.startsWith(prefix)))
    .map((name) => join(tmpdir(), name))
    .filter((dir) => {
      try {
        return Number(readFileSync(join(dir, '.owner'), 'utf8').trim()) === pid;
      } catch {
        return false;
      }
    });
}

/** Processes still working in a harness dir that is gone: what a demo that does not clean up leaves running. */
function orphans(): string[] {
  const harnessPath = new RegExp(`${tmpdir()}/(?:${HARNESS_DIR_PREFIXES.join('|')})[^/\\s\\0]+`, 'g');
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      const gone = [...cmdline.matchAll(harnessPath)].some((m) => !existsSync(m[0]));
      if (gone || (harnessPath.test(cwd) && cwd.endsWith('(deleted)')))
        found.push(`${pid}: ${cmdline.replaceAll('\0', ' ')}`);
      harnessPath.lastIndex = 0;
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

describe('npm run demo', () => {
  it('takes the sample service through every stage, rolls back the faulty release, reports, and cleans up', async () => {
    const started = Date.now();
    const child = spawn(process.execPath, [join(repoRoot, 'scripts/demo.mjs')], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const code = await new Promise((done) => child.on('close', done));
    const tookMs = Date.now() - started;
    const report = output.slice(output.indexOf('── what happened'));
    // A step's summary may wrap onto a second line of the report.
    const flat = report.replace(/\s+/g, ' ');

    expect(output).toContain('demo: every stage did what it should');
    expect(code).toBe(0);
    // Each stage printed its summary as it ran.
    for (const line of [
      /✓ setup {6}environments .*staging \(nginx http:\/\/127\.0\.0\.1:\d+\) and production \(HAProxy/,
      /⊘ staging {4}expand-contract +Expand-contract gate refused: 1 contract step/,
      /✓ ci {9}tests +node --test: 3 passed, 0 failed/,
      /✓ ci {9}migration-safety +Migration safety check passed/,
      /✓ ci {9}spec lint +Contract check passed/,
      /✓ ci {9}spec diff vs 1\.0\.0 +Contract check passed: 0 breaking changes.*GET \/version/,
      /✓ staging {4}migrate +applied 0003_items_display_name\.sql/,
      /✓ staging {4}health-gate green +Health gate passed/,
      /✓ staging {4}contract live green +Contract check passed.*0 live failures/,
      /✓ staging {4}switch to green +green is live \(switched from blue .*verified\)/,
      /✓ smoke {6}health-gate via nginx +Health gate passed/,
      /✓ production canary 10→50→100 +10%: judge pass, gate pass · 50%: judge pass, gate pass · 100%: gate pass; green is live/,
      /✓ production migrate +applied 0004_drop_items_name\.sql/,
      /✓ production deploy blue +1\.2\.0 started on blue .* with the injected fault/,
      /↩ production canary 10→50→100 +10%: judge FAIL \(error rate [\d.]+% vs [\d.]+%.*\), gate FAIL \(items \d+% errors/,
      /✓ report {5}dora-report +DORA report for production/
    ])
      expect(output).toMatch(line);
    // The one-screen report: what each release did, the DORA metrics, the Deployment records, the clean-up.
    expect(report.split('\n').length).toBeLessThanOrEqual(50);
    expect(report).toMatch(/↩ production .*canary 10→50→100 ↩/);
    expect(flat).toMatch(
      /gate FAIL \(items \d+% errors > 1%\); rolled back to green \(verified\); users: \d+ requests, \d+ failed; deployment #\d+/
    );
    expect(flat).toMatch(/green is live \(verified\); users: \d+ requests, 0 failed; deployment #\d+/);
    expect(report).toMatch(/DORA report for production \(deployments\)/);
    expect(report).toMatch(/Deployment frequency .*\[/);
    expect(report).toMatch(/Change fail rate .*\[/);
    expect(report).toMatch(/#\d+ production 1\.1\.0 +[0-9a-f]{7} deploy +green inactive/);
    expect(report).toMatch(/#\d+ production 1\.2\.0 +[0-9a-f]{7} deploy +blue +failure/);
    // The automatic rollback is a deployment of 1.1.0's commit: the recovery and the rework dora-report counts.
    expect(report).toMatch(/#\d+ production 1\.1\.0 +[0-9a-f]{7} deploy:rollback +green success/);
    expect(report).toMatch(/Failed deployment recovery time \d+m median over 1 recovery/);
    const wall = Number(/Wall time (\d+\.\d) s; cleaned up: PostgreSQL, nginx, HAProxy/.exec(report)?.[1]);
    expect(wall).toBeLessThan(120);
    expect(tookMs).toBeLessThan(120_000);

    expect(existsSync(join(repoRoot, '.tmp', `demo-${child.pid}`))).toBe(false);
    expect(dirsOwnedBy(child.pid!)).toEqual([]);
    expect(orphans()).toEqual([]);
  }, 180_000);
});
