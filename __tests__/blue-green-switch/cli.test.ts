import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { command } from '../../actions/blue-green-switch/src/cli.js';
import { haproxyRig, shares, type Rig } from './fixtures.js';

async function cli(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await command.run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

describe('ubos-actions blue-green-switch', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await haproxyRig();
  });
  afterAll(async () => {
    await rig?.stop();
  }, 30_000);

  it('status as the JSON envelope', async () => {
    const { code, stdout } = await cli(['status', '--config', 'router.yml', '--format', 'json'], rig.dir);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      tool: 'blue-green-switch',
      verdict: 'pass',
      counts: { error: 0, warning: 0 },
      operation: 'status',
      live: 'blue',
      weights: { blue: 100, green: 0 }
    });
  });

  it('switch and canary in text, progress on stderr', async () => {
    const switched = await cli(['switch', '--config', 'router.yml', '--to', 'green', '--run-id', 'cli-test'], rig.dir);
    expect(switched.code).toBe(0);
    expect(switched.stdout).toMatch(
      /^PASS: green is live \(switched from blue in .+, verified\)\nrouter: HAProxy backend app .*; live: green; previous: blue; weights: blue 0 \/ green 100\n/
    );
    expect(switched.stderr).toMatch(/^✓ verify: verified blue 0%, green 100% over the last 40 of \d+ requests/m);
    const canary = await cli(
      [
        'canary',
        '--config',
        'router.yml',
        '--steps',
        '50,100',
        '--step-wait',
        '100ms',
        '--no-judge',
        '--format',
        'markdown'
      ],
      rig.dir
    );
    expect(canary.code).toBe(0);
    expect(canary.stdout).toMatch(/^## Blue-green switch: canary\n\n✅ \*\*blue is live after canary 50 → 100%/);
    expect(canary.stdout).toContain('| apply | blue 50 / green 50 |');
    expect(await shares(rig.url, 4)).toEqual({ blue: 4 });
  });

  it('bad usage is a ConfigurationError (one line, exit 2 from the dispatcher)', async () => {
    await expect(cli(['flip', '--config', 'router.yml'], rig.dir)).rejects.toThrow(
      /^the first argument must be one of status, switch, canary, rollback, promote, abort; usage: /
    );
    await expect(cli(['status'], rig.dir)).rejects.toThrow('--config <router.yml> is required');
    await expect(cli(['canary', '--config', 'router.yml', '--steps', '10,500'], rig.dir)).rejects.toThrow(
      '--steps: "500" is not a percent between 1 and 100'
    );
    await expect(cli(['status', '--config', 'missing.yml'], rig.dir)).rejects.toThrow(
      'cannot read router config missing.yml'
    );
  });
});
