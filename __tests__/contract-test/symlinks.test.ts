import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigurationError } from '../../shared/src/lib/errors.js';
import { lintSpec } from '../../actions/contract-test/src/lint/lint.js';
import { runContractCheck, type ContractOptions } from '../../actions/contract-test/src/run-contract.js';
import { loadSpec } from '../../actions/contract-test/src/spec/load.js';

// A file the workspace pulls in through a symlink must really be inside the workspace (or the root of the file
// that pulled it in): the spec, the base spec, the ruleset and the files a ruleset extends, as $refs already are.
const SPEC = 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n';

let workspace: string;
let outside: string;
beforeAll(() => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'symlinks-'));
  workspace = path.join(base, 'workspace');
  outside = path.join(base, 'outside');
  fs.mkdirSync(workspace);
  fs.mkdirSync(path.join(outside, 'specs'), { recursive: true });
  fs.writeFileSync(path.join(outside, 'secret.yaml'), SPEC);
  fs.writeFileSync(path.join(outside, 'specs', 'api.yaml'), SPEC);
  fs.writeFileSync(path.join(outside, 'ruleset.yaml'), 'extends: spectral:oas\n');
  fs.writeFileSync(path.join(workspace, 'openapi.yaml'), SPEC);
  fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(workspace, 'linked.yaml'));
  fs.symlinkSync(path.join(outside, 'specs'), path.join(workspace, 'specs'));
  fs.symlinkSync(path.join(outside, 'ruleset.yaml'), path.join(workspace, '.spectral.yaml'));
  fs.writeFileSync(path.join(workspace, 'extends-link.yaml'), 'extends: [./.spectral.yaml]\n');
  fs.writeFileSync(
    path.join(workspace, 'extends-up.yaml'),
    `extends: [${JSON.stringify(path.join(outside, 'ruleset.yaml'))}]\n`
  );
  fs.mkdirSync(path.join(workspace, 'real'));
  fs.writeFileSync(path.join(workspace, 'real', 'api.yaml'), SPEC);
  fs.symlinkSync(path.join(workspace, 'real', 'api.yaml'), path.join(workspace, 'inner-link.yaml'));
});
afterAll(() => {
  fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
});

async function refused(options: Partial<ContractOptions>): Promise<string> {
  try {
    await runContractCheck({ root: workspace, spec: 'openapi.yaml', lint: false, ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }
  throw new Error('not refused');
}

describe('named files that resolve out of the workspace are refused', () => {
  it('a spec that is a symlink out of the workspace', async () => {
    expect(await refused({ spec: 'linked.yaml' })).toBe(
      `linked.yaml: the spec resolves (through a symlink) to ${fs.realpathSync(path.join(outside, 'secret.yaml'))}, outside the root ${workspace}; refused`
    );
    expect(await refused({ spec: 'linked.yaml', lint: true })).toMatch(/the spec resolves \(through a symlink\)/);
  });

  it('a spec in a folder that is a symlink out of the workspace', async () => {
    expect(await refused({ spec: 'specs/api.yaml' })).toMatch(
      /^specs\/api\.yaml: the spec resolves \(through a symlink\) to .*outside\/specs\/api\.yaml/
    );
  });

  it('a base spec that is a symlink out of the workspace', async () => {
    expect(await refused({ baseSpec: 'linked.yaml' })).toMatch(
      /^linked\.yaml: the spec resolves \(through a symlink\)/
    );
  });

  it('allow-external-refs: files does not widen it (it is about $refs)', async () => {
    expect(await refused({ spec: 'linked.yaml', externalRefs: { files: true, urls: false } })).toMatch(
      /through a symlink/
    );
  });

  it('a ruleset that is a symlink out of the workspace, or that extends one', async () => {
    expect(await refused({ lint: true, ruleset: '.spectral.yaml' })).toMatch(
      /^ruleset \.spectral\.yaml resolves \(through a symlink\) to .*outside\/ruleset\.yaml, which is outside .*workspace; refused$/
    );
    expect(await refused({ lint: true, ruleset: 'extends-link.yaml' })).toMatch(
      /^ruleset \.spectral\.yaml \(extended by extends-link\.yaml\) resolves \(through a symlink\) to .*, which is outside .*; refused \(allow-external-refs: files allows it\)$/
    );
    expect(await refused({ lint: true, ruleset: 'extends-up.yaml' })).toMatch(
      /^ruleset .*outside\/ruleset\.yaml \(extended by extends-up\.yaml\) is outside /
    );
  });

  it('the loader refuses a symlinked entry on its own', () => {
    expect(() => loadSpec('linked.yaml', { root: workspace })).toThrow(/the spec resolves \(through a symlink\)/);
  });
});

describe('what stays inside is still followed', () => {
  it('a symlink to a file inside the workspace', async () => {
    const report = await runContractCheck({
      root: workspace,
      spec: 'inner-link.yaml',
      baseSpec: 'real/api.yaml',
      lint: false
    });
    expect(report.changes).toEqual([]);
  });

  it('a ruleset extending a file outside when allow-external-refs allows files', async () => {
    const findings = await lintSpec({
      text: SPEC,
      file: 'openapi.yaml',
      root: workspace,
      rulesetPath: 'extends-link.yaml',
      allowExternalFiles: true
    });
    expect(findings.map((f) => f.code)).toContain('info-contact');
  });

  it('rootOf gives a named file its own root: inside it a symlink is fine, what leaves it is not', async () => {
    const rootOf = (file: string) => (file.startsWith(outside) ? outside : workspace);
    const report = await runContractCheck({
      root: workspace,
      spec: 'openapi.yaml',
      baseSpec: 'openapi.yaml',
      lint: true,
      ruleset: 'extends-up.yaml',
      rootOf: (file) => (file.endsWith('extends-up.yaml') ? path.dirname(outside) : rootOf(file))
    });
    expect(report.changes).toEqual([]);
    expect(await refused({ lint: true, ruleset: 'extends-up.yaml', rootOf })).toMatch(/is outside/);
  });
});
