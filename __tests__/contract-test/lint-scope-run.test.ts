import { afterAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runContractCheck } from '../../actions/contract-test/src/run-contract.js';
import type { LintFinding } from '../../actions/contract-test/src/lint/lint.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-scope-run-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(name: string, text: string): string {
  fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  fs.writeFileSync(path.join(root, name), text);
  return name;
}

// Two operations with the same lint problems (no operationId, no description, no tags), a schema each, and
// document-level ones (no contact, no description).
const head = (limitType: string) => `openapi: 3.0.3
info: {title: t, version: "1"}
servers: [{url: https://api.example.com}]
paths:
  /pets:
    get:
      parameters:
        - {name: limit, in: query, schema: {type: ${limitType}}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
  /owners:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Owner'}
components:
  schemas:
    Pet: {type: object, properties: {name: {type: string}}, example: {name: 7}}
    Owner: {type: object, properties: {name: {type: string}}, example: {name: 8}}
`;

const key = (f: LintFinding) => `${f.code} ${f.path} ${f.location.file}:${f.location.line}:${f.location.column}`;

describe('lint-scope: changed', () => {
  write('base.yaml', head('integer'));
  write('openapi.yaml', head('string'));

  it('lints the changed operation, what it references and the document level, at the positions a full lint gives', async () => {
    const full = await runContractCheck({ root, spec: 'openapi.yaml', lint: true, diff: false });
    const scoped = await runContractCheck({
      root,
      spec: 'openapi.yaml',
      baseSpec: 'base.yaml',
      lint: true,
      lintScope: 'changed'
    });
    expect(scoped.lintScope).toEqual({ operations: 1, totalOperations: 2 });
    expect(scoped.changes.map((c) => `${c.id} ${c.method} ${c.path}`)).toEqual([
      'request-property-type-changed get /pets'
    ]);
    const expected = full.lint.filter(
      (f) => !f.path.startsWith('paths./owners') && !f.path.startsWith('components.schemas.Owner')
    );
    // The full lint found something in each part, so the comparison means something.
    expect(full.lint.some((f) => f.path.startsWith('paths./owners'))).toBe(true);
    expect(full.lint.some((f) => f.path.startsWith('components.schemas.Owner'))).toBe(true);
    expect(full.lint.some((f) => f.path === 'info')).toBe(true);
    expect(scoped.lint.map(key)).toEqual(expected.map(key));
    expect(scoped.lint.map((f) => f.message)).toEqual(expected.map((f) => f.message));
  });

  it('with nothing changed, lints the document level only', async () => {
    const scoped = await runContractCheck({
      root,
      spec: 'openapi.yaml',
      baseSpec: 'openapi.yaml',
      lint: true,
      lintScope: 'changed'
    });
    expect(scoped.lintScope).toEqual({ operations: 0, totalOperations: 2 });
    expect(scoped.lint.length).toBeGreaterThan(0);
    expect(scoped.lint.every((f) => !f.path.startsWith('paths./') && !f.path.startsWith('components.'))).toBe(true);
  });

  it('lints the whole spec, and says why, when there is no base or the spec spans files', async () => {
    const noBase = await runContractCheck({ root, spec: 'openapi.yaml', lint: true, lintScope: 'changed' });
    expect(noBase.lintScope).toEqual({ fullBecause: 'no base-spec or base-ref given (and not a pull request)' });
    expect(noBase.lint.some((f) => f.path.startsWith('paths./owners'))).toBe(true);

    write('split/owner.yaml', 'type: object\n');
    write('split/openapi.yaml', head('string').replace("{$ref: '#/components/schemas/Owner'}", "{$ref: 'owner.yaml'}"));
    write('split/base.yaml', head('integer'));
    const split = await runContractCheck({
      root,
      spec: 'split/openapi.yaml',
      baseSpec: 'split/base.yaml',
      lint: true,
      lintScope: 'changed'
    });
    expect(split.lintScope).toEqual({ fullBecause: 'it spans 2 files' });
    expect(split.lint.some((f) => f.path.startsWith('paths./owners'))).toBe(true);
  });

  it('holds the cut to the node cap: a $ref bomb under the changed operation is refused, one elsewhere is not walked', async () => {
    const schemas: string[] = ['    L0: {type: string}'];
    for (let i = 1; i <= 7; i++)
      schemas.push(
        `    L${i}: {type: object, properties: {${Array.from({ length: 10 }, (_, k) => `p${k}: {$ref: '#/components/schemas/L${i - 1}'}`).join(', ')}}}`
      );
    const bombed = (limitType: string, bombAt: string) =>
      `${head(limitType).replace(`schema: {$ref: '#/components/schemas/${bombAt}'}`, "schema: {$ref: '#/components/schemas/L7'}")}${schemas.join('\n')}\n`;
    write('bomb/base.yaml', bombed('integer', 'Owner'));
    write('bomb/openapi.yaml', bombed('string', 'Owner'));
    const elsewhere = await runContractCheck({
      root,
      spec: 'bomb/openapi.yaml',
      baseSpec: 'bomb/base.yaml',
      lint: true,
      lintScope: 'changed'
    });
    expect(elsewhere.lintScope).toEqual({ operations: 1, totalOperations: 2 });

    write('bomb2/base.yaml', bombed('integer', 'Pet'));
    write('bomb2/openapi.yaml', bombed('string', 'Pet'));
    await expect(
      runContractCheck({
        root,
        spec: 'bomb2/openapi.yaml',
        baseSpec: 'bomb2/base.yaml',
        lint: true,
        lintScope: 'changed'
      })
    ).rejects.toThrow(
      /^bomb2\/openapi\.yaml: the lint of what changed would walk more than 250,000 nodes with its \$refs expanded \(.*\): raise max-spec-size, or leave lint out of mode$/
    );
  });
});
