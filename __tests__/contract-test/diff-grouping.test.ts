import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseIgnoreFile } from '../../actions/contract-test/src/accept.js';
import { ALL_CHECKS } from '../../actions/contract-test/src/diff/index.js';
import { contractReport, type ContractReport } from '../../actions/contract-test/src/render.js';
import { runContractCheck } from '../../actions/contract-test/src/run-contract.js';
import { loadSpec } from '../../actions/contract-test/src/spec/load.js';
import { validateSpec } from '../../actions/contract-test/src/spec/validate.js';

// Issue 19: one edit to a shared schema is one entry (summary, text, annotations) naming the operations it
// reaches, while the JSON keeps one item per operation with a shared group id; the repeats of a change per media
// type and per oneOf branch are one change; every report starts with a one-line summary; and a document that is
// not valid OpenAPI is diffed with a warning that names where it is invalid.
let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'diff-grouping-'));
});
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

interface Variant {
  /** Pet's properties besides id. */
  pet: string;
  idFormat: string;
  owner: string;
  /** The id of Cat and Dog, the branches of Animal's oneOf. */
  branchId: string;
  /** How GET /c's 200 response is written (the RealWorld mistake: a $ref to a schema). */
  cResponse?: string;
}

const BEFORE: Variant = {
  pet: 'name: {type: string}\n        tag: {type: string}',
  idFormat: 'int32',
  owner: 'name: {type: string}',
  branchId: '{type: integer, format: int32}'
};

function spec(version: '3.0' | '3.1', v: Variant): string {
  const json = (schema: string) => `content:\n            application/json:\n              schema: ${schema}`;
  return `openapi: ${version === '3.0' ? '3.0.3' : '3.1.0'}
info: {title: pets, version: '1'}
paths:
  /a:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
            application/xml:
              schema: {$ref: '#/components/schemas/Pet'}
  /b:
    get:
      responses:
        '200':
          description: ok
          ${json("{$ref: '#/components/schemas/Pet'}")}
  /c:
    post:
      responses:
        '201':
          description: created
          ${json("{$ref: '#/components/schemas/Pet'}")}
    get:
      responses:
        '200':
${v.cResponse ?? `          description: ok\n          ${json("{$ref: '#/components/schemas/Animal'}")}`}
  /owners:
    get:
      responses:
        '200':
          description: ok
          ${json("{$ref: '#/components/schemas/Owner'}")}
components:
  schemas:
    Id: {type: integer, format: ${v.idFormat}}
    Pet:
      type: object
      properties:
        id: {$ref: '#/components/schemas/Id'}
        ${v.pet}
    Owner:
      type: object
      properties:
        ${v.owner}
    Cat:
      type: object
      properties:
        kind: {type: string, enum: [cat]}
        id: ${v.branchId}
    Dog:
      type: object
      properties:
        kind: {type: string, enum: [dog]}
        id: ${v.branchId}
    Animal:
      type: object
      properties:
        pet:
          oneOf:
            - {$ref: '#/components/schemas/Cat'}
            - {$ref: '#/components/schemas/Dog'}
`;
}

async function check(version: '3.0' | '3.1', head: Variant, ignore?: string): Promise<ContractReport> {
  const dir = fs.mkdtempSync(path.join(root, `v${version}-`));
  fs.writeFileSync(path.join(dir, 'base.yaml'), spec(version, BEFORE));
  fs.writeFileSync(path.join(dir, 'openapi.yaml'), spec(version, head));
  const ids = ALL_CHECKS.map((c) => c.id);
  return runContractCheck({
    root: dir,
    spec: 'openapi.yaml',
    baseSpec: 'base.yaml',
    lint: false,
    ...(ignore
      ? { accept: { ignore: parseIgnoreFile(ignore, '.github/contract-test-ignore.yml', ids), today: '2026-01-01' } }
      : {})
  });
}

const NAME_REMOVED: Variant = { ...BEFORE, pet: 'tag: {type: string}' };

describe.each(['3.0', '3.1'] as const)('OpenAPI %s', (version) => {
  it('folds a property removed from a shared schema into one entry, one JSON item per operation', async () => {
    const report = contractReport(await check(version, NAME_REMOVED));
    const json = report.json as { changes: { id: string; path: string; method: string; group: string }[] };
    const removed = json.changes.filter((c) => c.id === 'response-property-removed');
    // GET /a (json and xml merged), GET /b, POST /c: one item each, one group.
    expect(removed.map((c) => `${c.method} ${c.path}`).sort()).toEqual(['get /a', 'get /b', 'post /c']);
    expect(new Set(removed.map((c) => c.group)).size).toBe(1);
    const section = report.sections.find((s) => s.title === 'Breaking changes')!;
    expect(section.table!.rows).toHaveLength(1);
    expect(section.table!.rows[0][0]).toBe('`3 operations`');
    expect(section.table!.rows[0][1]).toContain('in 3 operations: GET /a, GET /b, POST /c');
    const findings = report.findings.filter((f) => f.id === 'response-property-removed');
    expect(findings).toHaveLength(1);
    expect(findings[0].location).toMatchObject({ file: 'openapi.yaml' });
    const text = report.text!();
    expect(text.split('\n').filter((l) => l.includes('[response-property-removed]'))).toEqual([
      expect.stringMatching(
        /^error {3}3 operations: .*property name: removed .*\(in 3 operations: GET \/a, GET \/b, POST \/c\)/
      )
    ]);
    // The counts and outputs stay one per operation.
    expect(report.counts.breaking).toBe(3);
    expect(report.outputs!['breaking-changes']).toBe(3);
  });

  it('merges the repeats of one change per media type into one change naming them', async () => {
    const run = await check(version, NAME_REMOVED);
    const atA = run.changes.filter((c) => c.path === '/a' && c.id === 'response-property-removed');
    expect(atA).toHaveLength(1);
    expect(atA[0].message).toMatch(/^response 200 \(application\/json, application\/xml\), property name: removed/);
  });

  it('merges the repeats of one change per oneOf branch into one change naming the branches', async () => {
    // Each branch had its own int32 id; both now use the shared Id, which became int64: one edit in the head.
    const run = await check(version, { ...BEFORE, idFormat: 'int64', branchId: "{$ref: '#/components/schemas/Id'}" });
    const atC = run.changes.filter((c) => c.path === '/c' && c.method === 'get');
    expect(atC.map((c) => c.message)).toEqual([
      expect.stringMatching(/property pet\.oneOf\[0, 1\]\.id: format changed from int32 to int64/)
    ]);
    // And the format change of the shared Id is one entry for the operations whose Pet reaches it.
    const report = contractReport(run);
    const rows = report.sections.find((s) => s.title === 'Breaking changes')!.table!.rows;
    expect(rows.map((r) => r[0])).toEqual(['`3 operations`', '`GET /c`']);
    expect(rows[0][1]).toMatch(
      /property id: format changed from int32 to int64 \(in 3 operations: GET \/a, GET \/b, POST \/c\)$/
    );
  });

  it('drops an accepted operation out of its group, not the whole group', async () => {
    const ignore = `accept:\n  - id: response-property-removed\n    path: /b\n    method: get\n    reason: clients moved\n`;
    const report = contractReport(await check(version, NAME_REMOVED, ignore));
    const rows = report.sections.find((s) => s.title === 'Breaking changes')!.table!.rows;
    expect(rows).toHaveLength(1);
    expect(rows[0][1]).toContain('in 2 operations: GET /a, POST /c');
    const accepted = report.sections.find((s) => s.title === 'Accepted changes')!.table!.rows;
    expect(accepted.map((r) => r[0])).toEqual(['`GET /b`']);
    const json = report.json as { changes: { path: string; group: string; accepted?: object }[] };
    const groups = new Set(json.changes.filter((c) => !c.accepted).map((c) => c.group));
    expect(groups.size).toBe(1);
    expect(groups.has(json.changes.find((c) => c.accepted)!.group)).toBe(false);
    expect(report.counts.breaking).toBe(2);
  });

  it('never merges two different changes', async () => {
    // name and tag removed from Pet, name removed from Owner: three edits, three entries (Owner's x is not of
    // name's type, so it is no rename).
    const report = contractReport(
      await check(version, { ...BEFORE, pet: 'other: {type: string}', owner: 'x: {type: integer}' })
    );
    const rows = report.sections.find((s) => s.title === 'Breaking changes')!.table!.rows;
    const removed = rows.filter((r) => r[2] === '`response-property-removed`').map((r) => r[1]);
    expect(removed).toHaveLength(3);
    expect(removed.filter((m) => m.includes('property name: removed') && m.includes('3 operations'))).toHaveLength(1);
    expect(removed.filter((m) => m.includes('property tag: removed') && m.includes('3 operations'))).toHaveLength(1);
    expect(removed.filter((m) => m.includes('property name: removed') && !m.includes('operations'))).toHaveLength(1);
  });

  it('starts the text and the summary with a one-line summary', async () => {
    const report = contractReport(
      await check(version, { ...BEFORE, pet: 'other: {type: string}', owner: 'x: {type: integer}' })
    );
    const line =
      '7 breaking changes (3 entries, 2 grouped), 0 warnings, 4 compatible changes (2 entries, 1 grouped) in 4 operations';
    expect(report.text!().split('\n')[0]).toBe(line);
    expect(report.context![0]).toBe(line);
  });

  it('warns about a document that is not valid OpenAPI, with file:line, and still diffs it', async () => {
    // The RealWorld mistake: a response that $refs a schema where a response object belongs.
    const cResponse = `          $ref: '#/components/schemas/Animal'`;
    const run = await check(version, { ...NAME_REMOVED, cResponse });
    // Where the $ref is written: the '200' key above it.
    const lines = spec(version, { ...NAME_REMOVED, cResponse }).split('\n');
    const line = lines.indexOf(cResponse);
    expect(run.invalid).toHaveLength(1);
    const [doc] = run.invalid!;
    expect(doc).toMatchObject({ side: 'head', spec: 'openapi.yaml', version });
    expect(doc.problems[0]).toMatchObject({
      pointer: '#/paths/~1c/get/responses/200',
      location: { file: 'openapi.yaml', line }
    });
    const report = contractReport(run);
    const warning = report.findings.find((f) => f.id === 'invalid-openapi-document')!;
    expect(warning.level).toBe('warning');
    expect(warning.message).toContain('the head spec openapi.yaml is not a valid OpenAPI');
    expect(warning.message).toContain(`openapi.yaml:${line} #/paths/~1c/get/responses/200 is missing the required key`);
    expect(warning.location).toMatchObject({ file: 'openapi.yaml', line });
    // The diff ran all the same.
    expect(run.changes.some((c) => c.id === 'response-property-removed')).toBe(true);
    expect(report.text!()).toContain('[invalid-openapi-document]');
  });

  it('finds nothing wrong with a valid document', () => {
    const dir = fs.mkdtempSync(path.join(root, `valid-${version}-`));
    fs.writeFileSync(path.join(dir, 'openapi.yaml'), spec(version, BEFORE));
    const loaded = loadSpec(path.join(dir, 'openapi.yaml'), { root: dir });
    expect(validateSpec(loaded)).toEqual({ version, problems: [], total: 0 });
  });
});
