import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigurationError } from '../../shared/src/lib/errors.js';
import { lintSpec, lintSpecWithRules, lintToSarif } from '../../actions/contract-test/src/lint/lint.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'lint');
const text = fs.readFileSync(path.join(root, 'openapi.yaml'), 'utf8');

function lineOf(needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-spec-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('lintSpec with spectral:oas recommended', () => {
  it('reports missing info fields at the info line, as warnings', async () => {
    const findings = await lintSpec({ text, file: 'openapi.yaml', root });
    const contact = findings.find((finding) => finding.code === 'info-contact');
    expect(contact).toEqual({
      code: 'info-contact',
      severity: 'warning',
      message: 'Info object must have "contact" object.',
      path: 'info',
      location: { file: 'openapi.yaml', line: lineOf('info:'), column: 6 }
    });
    expect(findings.map((finding) => finding.code)).toContain('info-description');
  });

  it('resolves external refs relative to the file, and reports a missing one where it is written', async () => {
    const findings = await lintSpec({ text, file: 'openapi.yaml', root });
    const invalid = findings.filter((finding) => finding.code === 'invalid-ref');
    expect(invalid).toHaveLength(1);
    expect(invalid[0]).toMatchObject({
      severity: 'error',
      message: 'file nowhere.yaml not found',
      location: { file: 'openapi.yaml', line: lineOf('nowhere.yaml') }
    });
  });

  it('never fetches a URL or reads outside the root', async () => {
    const dir = path.join(tmp, 'hostile');
    fs.mkdirSync(dir);
    const spec = [
      'openapi: 3.0.3',
      'info: {title: t, version: "1"}',
      'paths: {}',
      'components:',
      '  schemas:',
      "    Remote: {$ref: 'http://127.0.0.1:9/schema.yaml'}",
      "    Outside: {$ref: '../../../../../etc/passwd'}",
      ''
    ].join('\n');
    const findings = await lintSpec({ text: spec, file: 'openapi.yaml', root: dir });
    const messages = findings.filter((finding) => finding.code === 'invalid-ref').map((finding) => finding.message);
    expect(messages).toEqual(
      expect.arrayContaining([expect.stringMatching(/remote \$ref refused/), expect.stringMatching(/outside the root/)])
    );
  });
});

describe('lintSpec with a ruleset file', () => {
  it('extends spectral:oas, turns a rule off and adds one with its severity', async () => {
    const findings = await lintSpec({ text, file: 'openapi.yaml', root, rulesetPath: 'custom-ruleset.yaml' });
    const codes = findings.map((finding) => finding.code);
    expect(codes).not.toContain('info-contact');
    expect(codes).toContain('info-description');
    expect(findings.find((finding) => finding.code === 'no-test-in-title')).toEqual({
      code: 'no-test-in-title',
      severity: 'error',
      message: 'The API title must not say "Test".',
      path: 'info.title',
      location: { file: 'openapi.yaml', line: lineOf('title: Test service'), column: 10 }
    });
  });

  it('loads a JSON ruleset that extends another ruleset file, with info and hint severities', async () => {
    const dir = path.join(tmp, 'json-ruleset');
    fs.mkdirSync(dir);
    fs.writeFileSync(
      path.join(dir, 'base.yaml'),
      'extends: [[spectral:oas, recommended]]\nrules:\n  info-contact: info\n'
    );
    fs.writeFileSync(
      path.join(dir, 'ruleset.json'),
      JSON.stringify({ extends: ['./base.yaml'], rules: { 'info-description': 'hint' } })
    );
    const findings = await lintSpec({ text, file: 'openapi.yaml', root, rulesetPath: path.join(dir, 'ruleset.json') });
    expect(findings.find((finding) => finding.code === 'info-contact')?.severity).toBe('info');
    expect(findings.find((finding) => finding.code === 'info-description')?.severity).toBe('hint');
  });

  it('refuses a broken or missing ruleset with a ConfigurationError', async () => {
    await expect(lintSpec({ text, file: 'openapi.yaml', root, rulesetPath: 'broken-ruleset.yaml' })).rejects.toThrow(
      ConfigurationError
    );
    await expect(lintSpec({ text, file: 'openapi.yaml', root, rulesetPath: 'broken-ruleset.yaml' })).rejects.toThrow(
      /ruleset broken-ruleset\.yaml is invalid: .*given/
    );
    const dir = path.join(tmp, 'bad-yaml');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'ruleset.yaml'), 'rules: [unclosed\n');
    await expect(
      lintSpec({ text, file: 'openapi.yaml', root, rulesetPath: path.join(dir, 'ruleset.yaml') })
    ).rejects.toThrow(ConfigurationError);
    await expect(lintSpec({ text, file: 'openapi.yaml', root, rulesetPath: 'nope.yaml' })).rejects.toThrow(
      /ruleset nope\.yaml: file not found/
    );
  });
});

describe('lintToSarif', () => {
  it('builds one rule per code with descriptions and maps severities', async () => {
    const { findings, rules } = await lintSpecWithRules({ text, file: 'openapi.yaml', root });
    const log = lintToSarif(findings, rules);
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('spectral (via ubos contract-test)');
    const contact = run.tool.driver.rules.find((rule) => rule.id === 'info-contact');
    expect(contact?.shortDescription.text).toMatch(/contact/i);
    expect(contact?.defaultConfiguration.level).toBe('warning');
    const result = run.results.find((entry) => entry.ruleId === 'invalid-ref');
    expect(result?.level).toBe('error');
    expect(result?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'openapi.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: lineOf('nowhere.yaml'), startColumn: 23 }
    });
    const hint = lintToSarif([{ ...findings[0]!, severity: 'hint' }]);
    expect(hint.runs[0]!.results[0]!.level).toBe('note');
  });
});
