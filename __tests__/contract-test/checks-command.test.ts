// `contract-test checks` through the command object: each diff check's default level and, where the config file
// (the default .github/contract-test.yml when it exists, or --config) sets one, the configured level.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { command } from '../../actions/contract-test/src/cli.js';
import { ALL_CHECKS } from '../../actions/contract-test/src/diff/index.js';

interface Row {
  id: string;
  level: string;
  configured?: string;
  description: string;
}

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ubos-ct-checks-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const cli = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command.run(['checks', ...argv], {
    cwd: root,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t)
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
};
const rows = (stdout: string) => JSON.parse(stdout) as Row[];
const lineOf = (stdout: string, id: string) => stdout.split('\n').find((l) => l.split(/\s+/).includes(id));

describe('contract-test checks', () => {
  it('without a config file lists every check with its default level, as before', async () => {
    const json = await cli('--format', 'json');
    expect(json.code).toBe(0);
    expect(rows(json.stdout)).toEqual(
      ALL_CHECKS.map((c) => ({ id: c.id, level: c.level, description: c.description }))
    );
    const text = await cli();
    expect(text.stdout.split('\n')[0]).toBe(
      `${ALL_CHECKS[0]!.level.padEnd(7)} ${ALL_CHECKS[0]!.id}  ${ALL_CHECKS[0]!.description}`
    );
    expect(text.stdout.trimEnd().split('\n')).toHaveLength(ALL_CHECKS.length);
  });

  it('reads .github/contract-test.yml when it exists: the configured level beside the default', async () => {
    mkdirSync(join(root, '.github'), { recursive: true });
    writeFileSync(
      join(root, '.github/contract-test.yml'),
      'checks:\n  response-property-became-optional: warning\n  endpoint-added: off\n'
    );
    try {
      const json = rows((await cli('--format', 'json')).stdout);
      expect(json.find((r) => r.id === 'response-property-became-optional')).toMatchObject({
        level: 'error',
        configured: 'warning'
      });
      expect(json.find((r) => r.id === 'endpoint-added')).toMatchObject({ level: 'info', configured: 'off' });
      expect(json.filter((r) => r.configured !== undefined)).toHaveLength(2);
      expect(json.map((r) => r.id)).toEqual(ALL_CHECKS.map((c) => c.id));

      const text = (await cli()).stdout;
      expect(lineOf(text, 'response-property-became-optional')).toMatch(
        /^error {3}-> warning +response-property-became-optional {2}\S/
      );
      expect(lineOf(text, 'endpoint-added')).toMatch(/^info {4}-> off +endpoint-added {2}\S/);
      const [first] = ALL_CHECKS;
      expect(lineOf(text, first.id)).toBe(
        `${first.level.padEnd(7)} ${''.padEnd(10)} ${first.id}  ${first.description}`
      );
    } finally {
      rmSync(join(root, '.github'), { recursive: true, force: true });
    }
  });

  it('--config names another file', async () => {
    writeFileSync(join(root, 'levels.yml'), 'checks:\n  endpoint-added: error\n');
    const json = rows((await cli('--config', 'levels.yml', '--format', 'json')).stdout);
    expect(json.find((r) => r.id === 'endpoint-added')).toMatchObject({ level: 'info', configured: 'error' });
    expect(json.filter((r) => r.configured !== undefined)).toHaveLength(1);
  });

  it('refuses what the diff refuses, with the same one line', async () => {
    writeFileSync(join(root, 'typo.yml'), 'checks:\n  response-property-became-optionl: off\n');
    const message =
      'typo.yml:2: "response-property-became-optionl" is not a diff check (did you mean "response-property-became-optional"?); ' +
      '`contract-test checks` lists them';
    await expect(cli('--config', 'typo.yml')).rejects.toThrow(message);
    writeFileSync(
      join(root, 'base.json'),
      JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {} })
    );
    await expect(
      command.run(['diff', 'base.json', 'base.json', '--config', 'typo.yml'], {
        cwd: root,
        stdout: () => undefined,
        stderr: () => undefined
      })
    ).rejects.toThrow(message);
    await expect(cli('--config', 'nowhere.yml')).rejects.toThrow(/^config file nowhere\.yml does not exist$/);
  });

  it('--live lists the live checks and refuses --config', async () => {
    const live = await cli('--live', '--format', 'json');
    expect(rows(live.stdout).length).toBeGreaterThan(0);
    await expect(cli('--live', '--config', 'levels.yml')).rejects.toThrow(/does not apply with --live/);
  });
});
