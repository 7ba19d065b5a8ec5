import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { command } from '../../actions/blue-green-switch/src/cli.js';
import { commandHelp } from '../../shared/src/cli/command.js';
import { haproxyRig, shares, type Rig } from './fixtures.js';

async function cli(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await command.run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, env: {} });
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
    expect(canary.stdout).toMatch(
      /^## Blue-green canary\n\n✅ \*\*Blue-green canary done: blue is live after canary 50 → 100%/
    );
    expect(canary.stdout).toContain('| apply | blue 50 / green 50 |');
    expect(await shares(rig.url, 4)).toEqual({ blue: 4 });
  });

  it('--fail-on decides the exit code; promote without a canary is one line', async () => {
    const refused = await cli(['promote', '--config', 'router.yml', '--format', 'json'], rig.dir).catch(
      (e: Error) => e
    );
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toBe('no canary in progress; nothing to promote');
    const paused = await cli(
      [
        'canary',
        '--config',
        'router.yml',
        '--steps',
        '50',
        '--step-wait',
        '100ms',
        '--no-judge',
        '--format',
        'json',
        '--fail-on',
        'never'
      ],
      rig.dir
    );
    expect(paused.code).toBe(0);
    const status = await cli(['status', '--config', 'router.yml', '--fail-on', 'warning'], rig.dir);
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(/^WARN: a canary blue → green is half done/);
    expect((await cli(['abort', '--config', 'router.yml'], rig.dir)).code).toBe(0);
  });

  it('bad usage is a ConfigurationError (one line, exit 2 from the dispatcher)', async () => {
    await expect(cli(['flip', '--config', 'router.yml'], rig.dir)).rejects.toThrow(
      'the first argument must be one of status, switch, canary, rollback, promote, abort; got "flip"'
    );
    await expect(cli(['--config', 'router.yml'], rig.dir)).rejects.toThrow(
      'the first argument must be one of status, switch, canary, rollback, promote, abort; got "--config"'
    );
    await expect(cli(['status'], rig.dir)).rejects.toThrow('--config <router.yml> is required');
    await expect(cli(['status', '--config', 'router.yml', '--steps', '10'], rig.dir)).rejects.toThrow(
      "Unknown option '--steps'"
    );
    await expect(cli(['canary', '--config', 'router.yml', '--steps', '10,500'], rig.dir)).rejects.toThrow(
      '--steps: "500" is not a percent between 1 and 100'
    );
    await expect(cli(['canary', '--config', 'router.yml', '--step-wait', '5'], rig.dir)).rejects.toThrow(
      /^--step-wait must be a duration like 30s or 5m/
    );
    await expect(cli(['canary', '--config', 'router.yml', '--judge-max-error-increase', '3'], rig.dir)).rejects.toThrow(
      '--judge-max-error-increase must be a share like 5% or 0.05, at most 100%; got "3"'
    );
    await expect(cli(['status', '--config', 'missing.yml'], rig.dir)).rejects.toThrow(
      '--config: cannot read missing.yml (ENOENT)'
    );
  });

  it('--help of a verb lists that verb’s flags', () => {
    const help = commandHelp(command, 'canary');
    expect(help).toMatch(/^ubos-actions blue-green-switch canary: Traffic to the other colour by steps/);
    for (const flag of [
      '--config',
      '--to',
      '--steps',
      '--step-wait',
      '--gate',
      '--no-judge',
      '--judge-min-requests',
      '--judge-on-inconclusive',
      '--on-failure',
      '--lock-timeout',
      '--run-id',
      '--format',
      '--fail-on'
    ])
      expect(help).toContain(`  ${flag}`);
    expect(commandHelp(command, 'status')).not.toContain('--lock-timeout');
    expect(commandHelp(command)).toContain('rollback: Back to the saved previous weights');
  });
});
