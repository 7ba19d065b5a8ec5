// Accuracy fixes found on real spec histories (issue 19): paths of one template shape pair one to one, a response
// value that may go missing or become null is an error, a 2xx dropped beside another is a warning, and a team sets
// the level of any check in its config file.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCheckLevels } from '../../actions/contract-test/src/check-levels.js';
import { command } from '../../actions/contract-test/src/cli.js';
import { pairPaths } from '../../actions/contract-test/src/diff/endpoints.js';
import { ALL_CHECKS, diffSpecs } from '../../actions/contract-test/src/diff/index.js';
import type { Change } from '../../actions/contract-test/src/spec/types.js';
import { specFromYaml } from './spec-fixture.js';

type Doc = Record<string, unknown>;
const VERSIONS = ['3.0', '3.1'] as const;
const IDS = ALL_CHECKS.map((c) => c.id);

const oas = (version: (typeof VERSIONS)[number], paths: Doc): Doc => ({
  openapi: version === '3.0' ? '3.0.3' : '3.1.0',
  info: { title: 't', version: '1' },
  paths
});
const ok = { responses: { '200': { description: 'ok' } } };
const diff = (base: Doc, head: Doc, levels?: ReadonlyMap<string, Change['level'] | 'off'>) =>
  diffSpecs(specFromYaml(JSON.stringify(base)), specFromYaml(JSON.stringify(head)), levels ? { levels } : {});
const shown = (changes: Change[]) =>
  changes.map((c) => [c.level, c.id, c.method, c.path].filter((part) => part !== undefined).join(' '));

describe('path pairing', () => {
  it('pairs the same name first, then the rest by shape, one to one', () => {
    const pairs = pairPaths(['/c/{email}', '/c/{id}', '/d/{x}'], ['/c/{id}', '/c/{email}', '/d/{y}']);
    expect([...pairs]).toEqual([
      ['/c/{email}', '/c/{email}'],
      ['/c/{id}', '/c/{id}'],
      ['/d/{x}', '/d/{y}']
    ]);
    // Two base paths of one shape and one head path: the one whose name matches keeps it, the other has none.
    expect([...pairPaths(['/c/{email}', '/c/{id}'], ['/c/{id}'])]).toEqual([['/c/{id}', '/c/{id}']]);
    expect([...pairPaths(['/c/{email}', '/c/{id}'], ['/c/{contactId}'])]).toEqual([['/c/{email}', '/c/{contactId}']]);
  });

  describe.each(VERSIONS)('OAS %s', (v) => {
    const email = '/audiences/{audience_id}/contacts/{email}';
    const id = '/audiences/{audience_id}/contacts/{id}';
    const idItem = { get: ok, delete: ok, patch: ok };
    const both = oas(v, { [email]: { get: ok }, [id]: idItem });

    it('reports nothing when two paths of one shape are unchanged', () => {
      expect(shown(diff(both, both))).toEqual([]);
    });

    it('reports only the renamed parameter when one of them is renamed', () => {
      const renamed = oas(v, {
        [email]: { get: ok },
        '/audiences/{audience_id}/contacts/{contact_id}': idItem
      });
      expect(shown(diff(both, renamed))).toEqual([
        'info path-parameter-renamed /audiences/{audience_id}/contacts/{contact_id}'
      ]);
    });

    it('still reports the removal of one of them', () => {
      const one = oas(v, { [email]: { get: ok } });
      expect(shown(diff(both, one))).toEqual([
        `error api-path-removed-without-deprecation delete ${id}`,
        `error api-path-removed-without-deprecation get ${id}`,
        `error api-path-removed-without-deprecation patch ${id}`
      ]);
    });
  });
});

describe.each(VERSIONS)('OAS %s response values that may go missing or become null', (v) => {
  const response = (schema: Doc) =>
    oas(v, {
      '/user': {
        get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } } }
      }
    });
  const user = (name: Doc, required: string[]) => response({ type: 'object', required, properties: { name } });
  const nullable = v === '3.0' ? { type: 'string', nullable: true } : { type: ['string', 'null'] };

  it('a required response property that becomes optional is an error', () => {
    expect(shown(diff(user({ type: 'string' }, ['name']), user({ type: 'string' }, [])))).toEqual([
      'error response-property-became-optional get /user'
    ]);
  });

  it('a response property that becomes nullable is an error', () => {
    expect(shown(diff(user({ type: 'string' }, ['name']), user(nullable, ['name'])))).toEqual([
      'error response-property-became-nullable get /user'
    ]);
  });

  it('the config file sets another level, or drops the check', () => {
    const base = user({ type: 'string' }, ['name']);
    const head = user(nullable, []);
    const levels = parseCheckLevels(
      'checks:\n  response-property-became-optional: warning\n  response-property-became-nullable: off\n',
      '.github/contract-test.yml',
      IDS
    ).levels;
    expect(shown(diff(base, head, levels))).toEqual(['warning response-property-became-optional get /user']);
  });
});

describe.each(VERSIONS)('OAS %s success statuses', (v) => {
  const responses = (...statuses: string[]) =>
    oas(v, { '/a': { delete: { responses: Object.fromEntries(statuses.map((s) => [s, { description: s }])) } } });

  it('a 2xx removed while another 2xx stays is a warning; the last 2xx removed is an error', () => {
    expect(shown(diff(responses('200', '204', '404'), responses('200', '404')))).toEqual([
      'warning response-alternative-success-status-removed delete /a'
    ]);
    expect(shown(diff(responses('204', '404'), responses('404')))).toEqual([
      'error response-success-status-removed delete /a'
    ]);
    // `default` also stands for undocumented errors: a 2xx beside it is not an alternative success.
    expect(shown(diff(responses('204', 'default'), responses('default')))).toEqual([
      'error response-success-status-removed delete /a'
    ]);
  });
});

describe('the config file', () => {
  const parse = (text: string) => () => parseCheckLevels(text, '.github/contract-test.yml', IDS);

  it('reads check levels; an empty file sets none', () => {
    expect([...parse('checks:\n  endpoint-added: ERROR\n  server-added: off\n')().levels]).toEqual([
      ['endpoint-added', 'error'],
      ['server-added', 'off']
    ]);
    expect(parse('')().levels.size).toBe(0);
    expect(parse('checks:\n')().levels.size).toBe(0);
  });

  it.each([
    ['chekcs:\n  endpoint-added: off\n', '.github/contract-test.yml:1: unknown key "chekcs" (did you mean "checks"?)'],
    ['checks:\n  endpoint-addded: off\n', ':2: "endpoint-addded" is not a diff check (did you mean "endpoint-added"?)'],
    ['checks:\n  endpoint-added: loud\n', ':2: the level of endpoint-added must be one of error, warning, info, off'],
    ['checks:\n  endpoint-added: [error]\n', 'got ["error"]'],
    ['checks: [endpoint-added]\n', ':1: checks must map check ids to error, warning, info, off'],
    ['- checks\n', 'the config file must be a mapping with a checks: mapping'],
    ['checks:\n  a: b\n  a: c\n', '.github/contract-test.yml: invalid YAML at line 3, column 3']
  ])('refuses %j in one line', (text, message) => {
    expect(parse(text)).toThrow(message);
  });
});

describe('the CLI', () => {
  const root = mkdtempSync(join(tmpdir(), 'ubos-check-levels-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const spec = (required: string[]) =>
    JSON.stringify(
      oas('3.1', {
        '/user': {
          get: {
            responses: {
              '200': {
                description: 'ok',
                content: {
                  'application/json': {
                    schema: { type: 'object', required, properties: { name: { type: 'string' } } }
                  }
                }
              }
            }
          }
        }
      })
    );
  writeFileSync(join(root, 'base.json'), spec(['name']));
  writeFileSync(join(root, 'head.json'), spec([]));
  const cli = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await command.run(argv, { cwd: root, stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
    return { code, stdout: out.join(''), stderr: err.join('') };
  };
  const levels = (stdout: string) =>
    (JSON.parse(stdout) as { changes: Change[] }).changes.map((c) => `${c.level} ${c.id}`);

  it('reads .github/contract-test.yml when it exists, and --config names another', async () => {
    const before = await cli('diff', 'base.json', 'head.json', '--format', 'json');
    expect(before.code).toBe(1);
    expect(levels(before.stdout)).toEqual(['error response-property-became-optional']);
    mkdirSync(join(root, '.github'));
    writeFileSync(join(root, '.github/contract-test.yml'), 'checks:\n  response-property-became-optional: warning\n');
    const configured = await cli('diff', 'base.json', 'head.json', '--format', 'json');
    expect(configured.code).toBe(0);
    expect(levels(configured.stdout)).toEqual(['warning response-property-became-optional']);
    writeFileSync(join(root, 'levels.yml'), 'checks:\n  response-property-became-optional: off\n');
    const named = await cli('diff', 'base.json', 'head.json', '--format', 'json', '--config', 'levels.yml');
    expect(levels(named.stdout)).toEqual([]);
  });

  it('refuses a missing named config file or a wrong one in one line (the dispatcher exits 2 with it)', async () => {
    await expect(cli('diff', 'base.json', 'head.json', '--config', 'nowhere.yml')).rejects.toThrow(
      /^config file nowhere\.yml does not exist$/
    );
    writeFileSync(join(root, 'bad.yml'), 'checks:\n  response-property-became-optionl: off\n');
    await expect(cli('diff', 'base.json', 'head.json', '--config', 'bad.yml')).rejects.toThrow(
      /^bad\.yml:2: "response-property-became-optionl" is not a diff check \(did you mean "response-property-became-optional"\?\)/
    );
  });
});
