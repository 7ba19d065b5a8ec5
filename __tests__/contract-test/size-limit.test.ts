// jest project: integration (builds and refuses specs past the size limit)
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigurationError } from '../../shared/src/lib/errors.js';
import {
  checkLintable,
  lintNodeCap,
  lintSpec,
  MAX_LINT_EXPANDED_NODES
} from '../../actions/contract-test/src/lint/lint.js';
import { runContractCheck } from '../../actions/contract-test/src/run-contract.js';
import {
  DEFAULT_MAX_SPEC_BYTES,
  expandedNodeCount,
  loadSpec,
  MAX_JSON_VALUES,
  MAX_YAML_TOKENS,
  parseSpecSize,
  YAML_SIZE_WEIGHT
} from '../../actions/contract-test/src/spec/load.js';
import type { JsonValue } from '../../actions/contract-test/src/spec/types.js';
import { repoRoot } from '../harness/runner.js';

// The size limit (maxSpecBytes) keeps memory bounded: a spec past it fails with one line before it is parsed.
// Generating specs past the 13 MiB default is too slow for a test, so the limit is tested with small values; the
// default itself was measured (README "Size limit").
let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'size-limit-'));
});
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function spec(paths: number): Record<string, unknown> {
  const document: Record<string, unknown> = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {} };
  for (let i = 0; i < paths; i++)
    (document.paths as Record<string, unknown>)[`/r${i}`] = { get: { responses: { '200': { description: 'ok' } } } };
  return document;
}

function write(name: string, text: string): string {
  fs.writeFileSync(path.join(root, name), text);
  return name;
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }
  throw new Error('not refused');
}

async function asyncRefusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }
  throw new Error('not refused');
}

describe('maxSpecBytes', () => {
  const json = JSON.stringify(spec(40), null, 2);
  const yaml = json; // rewritten below as block YAML of the same content
  const yamlText = yaml
    .replace(/[{}",]/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .join('\n');

  it('is 13 MiB by default, YAML counting four times', () => {
    expect(DEFAULT_MAX_SPEC_BYTES).toBe(13 * 1024 * 1024);
    expect(YAML_SIZE_WEIGHT).toBe(4);
  });

  it('refuses a JSON spec past the limit with one line, and accepts it under the limit', () => {
    const file = write('big.json', json);
    const bytes = Buffer.byteLength(json);
    expect(refusal(() => loadSpec(file, { root, maxSpecBytes: bytes - 1 }))).toMatch(
      /^big\.json: the spec is too large to check: this file is 0\.0 MiB, more than the limit of 0\.0 MiB; raise max-spec-size to check it anyway$/
    );
    expect(Object.keys(loadSpec(file, { root, maxSpecBytes: bytes }).document.paths as object)).toHaveLength(40);
  });

  it('counts YAML four times: the same content fits as JSON and not as YAML', () => {
    const file = write('big.yaml', yamlText);
    const bytes = Buffer.byteLength(yamlText);
    expect(loadSpec(write('same.json', json), { root, maxSpecBytes: 2 * bytes + 64 }).version).toBe('3.0');
    expect(refusal(() => loadSpec(file, { root, maxSpecBytes: 2 * bytes }))).toMatch(
      /^big\.yaml: the spec is too large to check: its files hold 0\.0 MiB of YAML, which counts as 0\.0 MiB \(YAML counts 4 times its size: reading it takes that much more memory\), more than the limit of 0\.0 MiB; raise max-spec-size/
    );
    expect(loadSpec(file, { root, maxSpecBytes: 4 * bytes }).version).toBe('3.0');
  });

  it('counts every file a spec references, and names the one that crossed the limit', () => {
    write('schemas.json', JSON.stringify({ Big: { type: 'object', description: 'x'.repeat(5000) } }));
    const entry = write(
      'entry.json',
      JSON.stringify({ ...spec(1), components: { schemas: { Big: { $ref: 'schemas.json#/Big' } } } })
    );
    expect(refusal(() => loadSpec(entry, { root, maxSpecBytes: 4000 }))).toMatch(
      /^schemas\.json: the spec is too large/
    );
    expect(loadSpec(entry, { root, maxSpecBytes: 8000 }).files).toEqual(['entry.json', 'schemas.json']);
  });

  it('a flow-style YAML file that starts like JSON is counted as YAML once it is read as YAML', () => {
    const text = '{openapi: 3.0.3, info: {title: t, version: "1"}, paths: {}}   # YAML, not JSON\n';
    const file = write('flow.yaml', text);
    const bytes = Buffer.byteLength(text);
    expect(refusal(() => loadSpec(file, { root, maxSpecBytes: 2 * bytes }))).toMatch(/of YAML, which counts as/);
    expect(loadSpec(file, { root, maxSpecBytes: 4 * bytes }).version).toBe('3.0');
  });

  it('refuses a 30 MB file from its size alone, without reading it', () => {
    const file = path.join(root, 'huge.yaml');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 30 * 1024 * 1024);
    const started = Date.now();
    expect(refusal(() => loadSpec('huge.yaml', { root }))).toBe(
      'huge.yaml: the spec is too large to check: this file is 30.0 MiB, more than the limit of 13.0 MiB; raise max-spec-size to check it anyway'
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('applies to the lint, the base spec and the whole check', async () => {
    const file = write('check.json', json);
    const small = Buffer.byteLength(json) - 10;
    expect(await asyncRefusal(() => lintSpec({ text: json, file: 'check.json', root, maxSpecBytes: small }))).toMatch(
      /^check\.json: the spec is too large/
    );
    write('base.json', json);
    write('tiny.json', JSON.stringify(spec(1)));
    expect(
      await asyncRefusal(() =>
        runContractCheck({ root, spec: 'tiny.json', baseSpec: 'base.json', lint: false, maxSpecBytes: small })
      )
    ).toMatch(/^base\.json: the spec is too large/);
    expect(await asyncRefusal(() => runContractCheck({ root, spec: file, lint: true, maxSpecBytes: small }))).toMatch(
      /^check\.json: the spec is too large/
    );
  });
});

describe('dense specs: values and YAML tokens are limited too, in proportion to maxSpecBytes', () => {
  const header = 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n';
  const MiB = 1024 * 1024;

  it('allows 1.5 million JSON values and 1.5 million YAML tokens at the default size', () => {
    expect(MAX_JSON_VALUES).toBe(1_500_000);
    expect(MAX_YAML_TOKENS).toBe(1_500_000);
  });

  it('refuses a 13 MiB JSON array of zeros (6.8 million values) at once, though it is within the size', () => {
    const text = `{"openapi": "3.0.3", "paths": {}, "x-a": [${'0,'.repeat(6_800_000)}0]}`;
    const file = write('dense.json', text);
    expect(Buffer.byteLength(text)).toBeLessThan(DEFAULT_MAX_SPEC_BYTES);
    const started = Date.now();
    expect(refusal(() => loadSpec(file, { root }))).toBe(
      'dense.json: the spec is too large to check: its files hold more than 1,500,000 JSON values, more than the limit of 13.0 MiB allows; raise max-spec-size to check it anyway'
    );
    // About 5 s on a quiet machine; the bound catches a loader that builds the whole tree first, not a busy CI.
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it.each([
    ['flow', `${header}x-a: [${'0,'.repeat(60_000)}0]\n`],
    ['block', `${header}x-a:\n${'- 0\n'.repeat(50_000)}`]
  ])('refuses %s YAML with more tokens than its size limit allows', (_style, text) => {
    const file = write(`dense-${_style}.yaml`, text);
    expect(YAML_SIZE_WEIGHT * Buffer.byteLength(text)).toBeLessThan(MiB);
    expect(refusal(() => loadSpec(file, { root, maxSpecBytes: MiB }))).toMatch(
      /^dense-(flow|block)\.yaml: the spec is too large to check: its files hold more than 115,384 YAML tokens \(scalars, punctuation, indentation\), more than the limit of 1\.0 MiB allows/
    );
    expect(loadSpec(file, { root, maxSpecBytes: 4 * MiB }).version).toBe('3.0');
  });

  it('counts JSON values across files, and leaves real specs far below', () => {
    write('values.json', JSON.stringify({ V: { enum: Array.from({ length: 70_000 }, (_, i) => i) } }));
    const entry = write(
      'values-entry.json',
      JSON.stringify({ ...spec(1), 'x-v': { $ref: 'values.json#/V' }, 'x-w': Array.from({ length: 60_000 }, () => 1) })
    );
    expect(refusal(() => loadSpec(entry, { root, maxSpecBytes: MiB }))).toMatch(
      /^values\.json: .*more than 115,384 JSON values/
    );
    const dir = path.join(repoRoot, 'node_modules', 'octokit-openapi-23', 'generated');
    expect(loadSpec('api.github.com.json', { root: dir, maxSpecBytes: DEFAULT_MAX_SPEC_BYTES }).version).toBe('3.0');
  }, 60_000);
});

describe('parseSpecSize', () => {
  it.each([
    ['16MiB', 16 * 1024 * 1024],
    ['16 MiB', 16 * 1024 * 1024],
    ['20MB', 20_000_000],
    ['512KiB', 512 * 1024],
    ['1048576', 1048576],
    ['1.5mib', 1.5 * 1024 * 1024]
  ])('%s is %d bytes', (text, bytes) => {
    expect(parseSpecSize(text)).toBe(bytes);
  });

  it.each(['', 'big', '-1MiB', '0', '16 parsecs'])('refuses %j with one line', (text) => {
    expect(() => parseSpecSize(text, 'Input "max-spec-size"')).toThrow(
      /^Input "max-spec-size" must be a size such as 16MiB, 20MB or 1048576 \(bytes\); got/
    );
  });
});

describe('the JSON reader (what keeps large JSON specs small in memory)', () => {
  /** Loads a text once as JSON and once forced through the YAML reader (a comment first), and compares both. */
  function both(text: string): [ReturnType<typeof loadSpec>, ReturnType<typeof loadSpec>] {
    const asJson = loadSpec(write('reader.json', text), { root });
    const asYaml = loadSpec(write('reader.yaml', `# yaml\n${text}`), { root });
    return [asJson, asYaml];
  }

  it('reads the same values and positions as the YAML reader', () => {
    const text = JSON.stringify(
      {
        openapi: '3.1.0',
        info: { title: 'caf\u00e9 \ud83d\ude00 "q" \\ /', version: '1' },
        paths: {
          '/a': {
            get: { parameters: [{ name: 'x', in: 'query', schema: { type: 'integer', maximum: 1e3, minimum: -0.5 } }] }
          }
        },
        'x-values': [true, false, null, 0, -1, 1.25e-7, 2 ** 64, '\t\n\u0001'],
        'x-empty': [{}, []]
      },
      null,
      2
    ).replace('"/a"', '"\\/a"');
    const [json, yaml] = both(text);
    expect(json.document).toEqual(yaml.document);
    const walk = (a: JsonValue, b: JsonValue) => {
      if (a === null || typeof a !== 'object') return;
      const [la, lb] = [json.locate(a), yaml.locate(b)];
      expect(la && { line: la.line + 1, column: la.column }).toEqual(lb && { line: lb.line, column: lb.column });
      for (const key of Object.keys(a)) {
        const [ka, kb] = [json.locate(a, key), yaml.locate(b, key)];
        expect(ka && { line: ka.line + 1, column: ka.column }).toEqual(kb && { line: kb.line, column: kb.column });
        walk((a as Record<string, JsonValue>)[key]!, (b as Record<string, JsonValue>)[key]!);
      }
    };
    walk(json.document, yaml.document);
  });

  it('refuses a duplicate key and keeps "__proto__" as data', () => {
    expect(refusal(() => loadSpec(write('dup.json', '{"openapi": "3.0.3", "paths": {}, "paths": {}}'), { root }))).toBe(
      'dup.json: invalid JSON at line 1, column 35: duplicate key "paths"'
    );
    const proto = loadSpec(write('proto.json', '{"openapi": "3.0.3", "paths": {}, "__proto__": {"polluted": 1}}'), {
      root
    });
    expect(Object.getPrototypeOf(proto.document)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('leaves anything that is not strict JSON to the YAML reader, with its errors', () => {
    expect(loadSpec(write('trailing.json', '{"openapi": "3.0.3", "paths": {},}'), { root }).version).toBe('3.0');
    expect(refusal(() => loadSpec(write('broken.json', '{"openapi": "3.0.3", "paths": {'), { root }))).toMatch(
      /^broken\.json: invalid YAML at line 1/
    );
    const deep = `{"openapi": "3.0.3", "x": ${'['.repeat(300)}${']'.repeat(300)}}`;
    expect(loadSpec(write('deep.json', deep), { root }).version).toBe('3.0');
  });
});

describe('a $ref bomb (a few KB whose $refs fan out level after level)', () => {
  function bomb(levels: number, fanOut = 10): string {
    const schemas: Record<string, unknown> = {
      L0: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } } }
    };
    for (let i = 1; i <= levels; i++)
      schemas[`L${i}`] = {
        type: 'object',
        properties: Object.fromEntries(
          Array.from({ length: fanOut }, (_, k) => [`p${k}`, { $ref: `#/components/schemas/L${i - 1}` }])
        )
      };
    const response = {
      description: 'ok',
      content: { 'application/json': { schema: { $ref: `#/components/schemas/L${levels}` } } }
    };
    return JSON.stringify({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/a': { get: { responses: { '200': response } } } },
      components: { schemas }
    });
  }

  it.each([
    [7, 10],
    [6, 20],
    [30, 2]
  ])('with %d levels of %d $refs is refused for lint in one line, at once, and still diffs', async (levels, fanOut) => {
    const file = write(`bomb-${levels}-${fanOut}.json`, bomb(levels, fanOut));
    expect(Buffer.byteLength(fs.readFileSync(path.join(root, file)))).toBeLessThan(10_000);
    const started = Date.now();
    const message = await asyncRefusal(() => runContractCheck({ root, spec: file, lint: true }));
    expect(message).toBe(
      `${file}: a full lint would walk more than 250,000 nodes with its $refs expanded (about 1 GB of memory for Spectral at the default max-spec-size): lint only what a pull request changes (lint-scope: changed), raise max-spec-size, or leave lint out of mode`
    );
    expect(Date.now() - started).toBeLessThan(5000);
    const report = await runContractCheck({ root, spec: file, baseSpec: file, lint: false });
    expect(report.changes).toEqual([]);
  });

  it('refuses a full lint of the GitHub REST description (2 million nodes, 2.6 GB) unless max-spec-size is raised', () => {
    const dir = path.join(repoRoot, 'node_modules', 'octokit-openapi-23', 'generated');
    const github = loadSpec('api.github.com.json', { root: dir });
    const nodes = expandedNodeCount(github.document, Number.POSITIVE_INFINITY);
    expect(nodes).toBeGreaterThan(MAX_LINT_EXPANDED_NODES);
    expect(() => checkLintable(github)).toThrow(/a full lint would walk more than 250,000 nodes/);
    expect(lintNodeCap(undefined)).toBe(MAX_LINT_EXPANDED_NODES);
    expect(lintNodeCap(DEFAULT_MAX_SPEC_BYTES * 10)).toBe(MAX_LINT_EXPANDED_NODES * 10);
    expect(() => checkLintable(github, lintNodeCap(DEFAULT_MAX_SPEC_BYTES * 10))).not.toThrow();
    expect(() => checkLintable(loadSpec(write('small-bomb.json', bomb(4)), { root }))).not.toThrow();
  }, 60_000);
});
