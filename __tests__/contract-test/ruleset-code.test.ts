import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigurationError } from '../../shared/src/lib/errors.js';
import { lintSpec } from '../../actions/contract-test/src/lint/lint.js';
import { runContractCheck } from '../../actions/contract-test/src/run-contract.js';

// A ruleset from the repository must not run code unless the caller opts in. Every hostile ruleset below would
// write a marker file if any of its code ran; a refusal is one line that names the ruleset and what is code.
const SPEC = 'openapi: 3.0.3\ninfo: {title: t, version: "1", description: d, contact: {name: x}}\npaths: {}\n';

let root: string;
let marker: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ruleset-code-'));
  marker = path.join(root, 'pwned');
  fs.writeFileSync(path.join(root, 'openapi.yaml'), SPEC);
});
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

let count = 0;
/** Writes the files of one case into its own folder and returns the folder. */
function files(entries: Record<string, string>): string {
  const dir = path.join(root, `case-${++count}`);
  for (const [name, text] of Object.entries(entries)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const writeMarker = () => `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`;
const filterWritingMarker = (file: string) =>
  `$[?(@.constructor.constructor('return process')().getBuiltinModule('fs').writeFileSync(${JSON.stringify(file).replace(/"/g, "'")}, 'x'))]`;

async function refusal(dir: string, ruleset: string): Promise<string> {
  try {
    await lintSpec({ text: SPEC, file: 'openapi.yaml', root, rulesetPath: path.join(dir, ruleset) });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toMatch(
      /refused \(allow-ruleset-code: true runs ruleset code; never in pull_request_target runs\)$/
    );
    expect(fs.existsSync(marker)).toBe(false);
    return message;
  }
  throw new Error('the ruleset was loaded');
}

describe('rulesets that are code are refused by default', () => {
  it.each(['.spectral.js', '.spectral.mjs', '.spectral.cjs', 'ruleset.ts', 'ruleset', 'ruleset.YAML.txt'])(
    'a %s ruleset is JavaScript to Spectral',
    async (name) => {
      const dir = files({ [name]: `${writeMarker()};\nmodule.exports = { rules: {} };\n` });
      expect(await refusal(dir, name)).toMatch(
        new RegExp(
          `^ruleset .*${name.replace(/\./g, '\\.')} is a JavaScript ruleset \\((\\.[a-zA-Z]+|no \\.yaml/\\.json extension)\\): loading it runs its code`
        )
      );
    }
  );

  it('a YAML or JSON ruleset with functions', async () => {
    const dir = files({
      'ruleset.yaml': 'functions: [evil]\nrules:\n  r:\n    given: $.info\n    then: {function: evil}\n',
      'functions/evil.js': `${writeMarker()};\nmodule.exports = () => [];\n`,
      'ruleset.json': JSON.stringify({ functionsDir: 'lib', functions: ['a', 'b'], rules: {} })
    });
    expect(await refusal(dir, 'ruleset.yaml')).toMatch(
      /^ruleset .*ruleset\.yaml declares functions \(evil\), JavaScript loaded from functions\/;/
    );
    expect(await refusal(dir, 'ruleset.json')).toMatch(/declares functions \(a, b\), JavaScript loaded from lib\//);
  });

  it('extends of a JavaScript ruleset, at the top or in overrides, however deep', async () => {
    const dir = files({
      'top.yaml': 'extends: [./base.js]\n',
      'base.js': `${writeMarker()};\nmodule.exports = {};\n`,
      'overrides.yaml': "overrides:\n  - files: ['*.yaml']\n    extends: [[./base.js, recommended]]\n",
      'chain.json': JSON.stringify({ extends: ['./middle.yaml'] }),
      'middle.yaml': 'extends: spectral:oas\nfunctions: [x]\n'
    });
    expect(await refusal(dir, 'top.yaml')).toMatch(
      /^ruleset .*base\.js \(extended by .*top\.yaml\) is a JavaScript ruleset \(\.js\)/
    );
    expect(await refusal(dir, 'overrides.yaml')).toMatch(
      /base\.js \(extended by .*overrides\.yaml\) is a JavaScript ruleset/
    );
    expect(await refusal(dir, 'chain.json')).toMatch(
      /middle\.yaml \(extended by .*chain\.json\) declares functions \(x\)/
    );
  });

  it('extends of a URL or of a package', async () => {
    const dir = files({
      'remote.yaml': 'extends: https://rules.example.com/ruleset.yaml\n',
      'package.yaml': 'extends: [my-company-rules]\n',
      'node_modules/my-company-rules/package.json': '{"name": "my-company-rules", "main": "index.js"}',
      'node_modules/my-company-rules/index.js': `${writeMarker()};\nmodule.exports = {};\n`
    });
    expect(await refusal(dir, 'remote.yaml')).toMatch(
      /extends https:\/\/rules\.example\.com\/ruleset\.yaml, a remote ruleset \(it is fetched and can carry code\)/
    );
    expect(await refusal(dir, 'package.yaml')).toMatch(
      /extends the package my-company-rules \(.*index\.js\): packages are JavaScript/
    );
  });

  it('a JSONPath filter or script expression (Spectral compiles them to JavaScript)', async () => {
    const attack = filterWritingMarker(marker);
    const dir = files({
      'given.yaml': `rules:\n  evil:\n    given: ${JSON.stringify(attack)}\n    then: {function: truthy}\n`,
      'list.yaml': `rules:\n  evil:\n    given: [$.info, ${JSON.stringify('$..[(@.length-1)]')}]\n    then: {function: truthy}\n`,
      'alias.yaml': `aliases:\n  Evil: [${JSON.stringify(attack)}]\nrules:\n  r:\n    given: '#Evil'\n    then: {function: truthy}\n`,
      'field.json': JSON.stringify({
        rules: { r: { given: '$.info', then: { field: '$[?(@.x)]', function: 'truthy' } } }
      }),
      'merged.yaml': `x-base: &evil\n  given: ${JSON.stringify(attack)}\n  then: {function: truthy}\nrules:\n  r:\n    <<: *evil\n`
    });
    expect(await refusal(dir, 'given.yaml')).toMatch(
      /given\.yaml has a JSONPath with a script or filter expression at rules\.evil\.given \("\$\[\?\(@\.constructor.*\.\.\."\): Spectral runs those as JavaScript/
    );
    expect(await refusal(dir, 'list.yaml')).toMatch(/at rules\.evil\.given\.1 \("\$\.\.\[\(@\.length-1\)\]"\)/);
    expect(await refusal(dir, 'alias.yaml')).toMatch(/at aliases\.Evil\.0/);
    expect(await refusal(dir, 'field.json')).toMatch(/at rules\.r\.then\.field/);
    expect(await refusal(dir, 'merged.yaml')).toMatch(/at x-base\.given/);
  });

  it('through runContractCheck too, before anything is loaded', async () => {
    const dir = files({ '.spectral.js': `${writeMarker()};\nmodule.exports = {};\n` });
    const relative = path.relative(root, path.join(dir, '.spectral.js'));
    await expect(runContractCheck({ root, spec: 'openapi.yaml', ruleset: relative, lint: true })).rejects.toThrow(
      new RegExp(`^ruleset ${relative.replace(/[./]/g, '\\$&')} is a JavaScript ruleset`)
    );
  });
});

describe('rulesets that are data still load', () => {
  it('extends of built-in and local YAML/JSON rulesets, rules with plain JSONPaths and quoted parentheses', async () => {
    const dir = files({
      'ruleset.yaml': [
        'extends: [[spectral:oas, recommended], ./more.json]',
        'aliases:',
        '  Info: [$.info]',
        'rules:',
        '  info-contact: off',
        '  title-has-no-parens:',
        "    given: \"$['info']['x-(internal)']\"",
        '    then: {function: falsy}',
        '  description-set:',
        "    given: '#Info'",
        '    then: {field: description, function: truthy}',
        ''
      ].join('\n'),
      'more.json': JSON.stringify({ extends: ['spectral:oas'], rules: { 'info-description': 'hint' } })
    });
    const findings = await lintSpec({
      text: SPEC,
      file: 'openapi.yaml',
      root,
      rulesetPath: path.join(dir, 'ruleset.yaml')
    });
    expect(findings.map((f) => f.code)).not.toContain('info-contact');
    expect(findings.map((f) => f.code)).toContain('oas3-api-servers');
  });

  it('with allowRulesetCode, what was refused reaches Spectral', async () => {
    const dir = files({
      'ruleset.yaml': `extends: spectral:oas\nrules:\n  r:\n    given: "$.paths[?(@property === '/x')]"\n    then: {function: truthy}\n`
    });
    await expect(
      lintSpec({
        text: SPEC,
        file: 'openapi.yaml',
        root,
        rulesetPath: path.join(dir, 'ruleset.yaml'),
        allowRulesetCode: true
      })
    ).resolves.toEqual(expect.any(Array));
  });
});
