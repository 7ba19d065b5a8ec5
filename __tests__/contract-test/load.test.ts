// jest project: integration (loads and diffs specs of tens of megabytes)
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigurationError } from '../../shared/src/lib/errors.js';
import { loadSpec } from '../../actions/contract-test/src/spec/load.js';
import type { JsonObject, JsonValue } from '../../actions/contract-test/src/spec/types.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'load');

/** 1-based line of the first line of a fixture file that contains `needle`, so tests survive edits above it. */
function lineOf(file: string, needle: string): number {
  const index = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`${needle} not in ${file}`);
  return index + 1;
}

function obj(value: JsonValue | undefined): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
  return value;
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'load-spec-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function write(dir: string, files: Record<string, string>): string {
  const root = path.join(tmp, dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

function loadError(root: string, entry = 'openapi.yaml', extra: object = {}): ConfigurationError {
  try {
    loadSpec(entry, { root, ...extra });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error('expected a ConfigurationError');
}

const MINIMAL = 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n';

describe('loadSpec: OpenAPI 3.0 across files', () => {
  const root = path.join(fixtures, 'api30');
  const entryFile = path.join(root, 'openapi.yaml');
  const petFile = path.join(root, 'schemas', 'pet.yaml');
  const spec = loadSpec('openapi.yaml', { root });
  const paths = obj(spec.document.paths);
  const pathItem = obj(paths['/pets/{petId}']);
  const operation = obj(pathItem.get);

  it('detects the version and lists the files read, entry first', () => {
    expect(spec.version).toBe('3.0');
    expect(spec.file).toBe('openapi.yaml');
    expect(spec.files).toEqual(['openapi.yaml', 'schemas/pet.yaml', 'schemas/owner.yaml']);
  });

  it('locates an operation by its key and by its first line', () => {
    expect(spec.locate(pathItem, 'get')).toEqual({ file: 'openapi.yaml', line: lineOf(entryFile, 'get:'), column: 5 });
    expect(spec.locate(operation)).toEqual({
      file: 'openapi.yaml',
      line: lineOf(entryFile, 'operationId: getPet'),
      column: 7
    });
  });

  it('locates a parameter reached through a local $ref at its definition', () => {
    const parameters = operation.parameters as JsonValue[];
    const parameter = obj(parameters[0]);
    expect(parameter.name).toBe('petId');
    expect(spec.locate(parameter)).toEqual({ file: 'openapi.yaml', line: lineOf(entryFile, 'name: petId'), column: 7 });
    expect(spec.locate(parameters, '1')?.line).toBe(lineOf(entryFile, '- name: verbose'));
  });

  it('locates a schema property reached through refs into other files', () => {
    const schema = obj(obj(obj(obj(obj(operation.responses)['200']).content)['application/json']).schema);
    const properties = obj(schema.properties);
    expect(spec.locate(properties, 'name')).toEqual({
      file: 'schemas/pet.yaml',
      line: lineOf(petFile, 'name:'),
      column: 5
    });
    const owner = obj(properties.owner);
    expect(spec.locate(obj(owner.properties), 'email')).toEqual({ file: 'schemas/owner.yaml', line: 3, column: 3 });
    expect(obj(properties.tag).enum).toEqual(['a', 'b']);
    expect(spec.locate(properties, 'missing')).toBeUndefined();
    expect(spec.locate('a scalar')).toBeUndefined();
  });

  it('resolves every reference to the same instance and names components', () => {
    const schema = obj(obj(obj(obj(obj(operation.responses)['200']).content)['application/json']).schema);
    const components = obj(obj(spec.document.components).schemas);
    expect(components.Pet).toBe(schema);
    expect(spec.componentName(schema)).toBe('Pet');
    expect(spec.componentName(obj(schema.properties).owner!)).toBeUndefined();
  });

  it('turns a $ref cycle into a cyclic graph without looping', () => {
    const node = obj(obj(obj(spec.document.components).schemas).Node);
    expect(obj(obj(node.properties).children).items).toBe(node);
    expect(spec.componentName(node)).toBe('Node');
  });

  it('reads through an injected reader (git show) with the same result', () => {
    const read: string[] = [];
    const viaReader = loadSpec(entryFile, {
      root,
      readFile: (file) => {
        read.push(file);
        return fs.readFileSync(file, 'utf8');
      }
    });
    expect(read[0]).toBe(entryFile);
    expect(viaReader.files).toEqual(spec.files);
  });
});

describe('loadSpec: OpenAPI 3.1 and Swagger 2.0', () => {
  it('decodes pointers (~0, ~1, percent) and merges $ref siblings', () => {
    const spec = loadSpec('openapi.yaml', { root: path.join(fixtures, 'api31') });
    expect(spec.version).toBe('3.1');
    const paths = obj(spec.document.paths);
    expect(paths['/other']).toBe(paths['/items']);
    const schema = obj(
      obj(obj(obj(obj(obj(obj(paths['/items']).get).responses)['200']).content)['application/json']).schema
    );
    const original = obj(obj(spec.document.components).schemas)['a/b']!;
    expect(schema).not.toBe(original);
    expect(schema.description).toBe('overridden here');
    expect(obj(original).description).toBe('original');
    expect(schema.properties).toBe(obj(original).properties);
    expect(obj(obj(schema.properties).spaced).type).toEqual(['string', 'null']);
    expect(obj(obj(schema.properties).tilde).const).toBe(1);
    expect(spec.componentName(original)).toBe('a/b');
    const file = path.join(fixtures, 'api31', 'openapi.yaml');
    expect(spec.locate(schema, 'description')?.line).toBe(lineOf(file, 'description: overridden here'));
    expect(spec.locate(schema, 'type')?.line).toBe(lineOf(file, 'type: object'));
  });

  it('loads Swagger 2.0 with definitions', () => {
    const spec = loadSpec('swagger.yaml', { root: path.join(fixtures, 'swagger20') });
    expect(spec.version).toBe('2.0');
    const thing = obj(obj(spec.document.definitions).Thing);
    expect(obj(thing.properties).next).toBe(thing);
    expect(spec.componentName(thing)).toBe('Thing');
  });

  it('loads JSON', () => {
    const root = write('json', {
      'api.json': JSON.stringify(
        { openapi: '3.0.0', info: { title: 't', version: '1' }, paths: { '/a': { $ref: '#/x' } }, x: { get: {} } },
        null,
        2
      )
    });
    const spec = loadSpec('api.json', { root });
    expect(obj(spec.document.paths)['/a']).toBe(spec.document.x);
    expect(spec.locate(obj(spec.document.x), 'get')?.line).toBe(13);
  });
});

describe('loadSpec: errors', () => {
  it('refuses an unknown version, naming the file', () => {
    const root = write('version', {
      'openapi.yaml': 'openapi: 4.0.0\n',
      'none.yaml': 'title: x\n',
      'sw.yaml': 'swagger: "1.2"\n'
    });
    expect(loadError(root).message).toMatch(/openapi\.yaml: unsupported OpenAPI version "4\.0\.0"/);
    expect(loadError(root, 'none.yaml').message).toMatch(/none\.yaml: not an OpenAPI description/);
    expect(loadError(root, 'sw.yaml').message).toMatch(/sw\.yaml: unsupported Swagger version/);
  });

  it('names a missing local target and where the $ref was written', () => {
    const root = write('missing', {
      'openapi.yaml': `${MINIMAL}components:\n  schemas:\n    A:\n      $ref: '#/components/schemas/Nope'\n`
    });
    expect(loadError(root).message).toBe(
      '$ref "#/components/schemas/Nope" at openapi.yaml:7:7: target not found (no "Nope" in openapi.yaml#/components/schemas/Nope)'
    );
  });

  it('names a missing file', () => {
    const root = write('missing-file', { 'openapi.yaml': `${MINIMAL}x:\n  $ref: gone.yaml\n` });
    expect(loadError(root).message).toMatch(/\$ref "gone\.yaml" at openapi\.yaml:5:3: file gone\.yaml not found/);
  });

  it('refuses a chain of $refs that never reaches a value', () => {
    const root = write('chain', { 'openapi.yaml': `${MINIMAL}a:\n  $ref: '#/b'\nb:\n  $ref: '#/a'\n` });
    expect(loadError(root).message).toMatch(/circular chain/);
  });

  it('refuses refs outside the root', () => {
    const root = write('outside/api', {
      'openapi.yaml': `${MINIMAL}x:\n  $ref: '../../../../../../etc/passwd'\n`,
      'abs.yaml': `${MINIMAL}x:\n  $ref: '/etc/passwd#/a'\n`
    });
    fs.writeFileSync(path.join(tmp, 'outside', 'secret.yaml'), 'a: 1\n');
    fs.symlinkSync(path.join(tmp, 'outside', 'secret.yaml'), path.join(root, 'link.yaml'));
    fs.writeFileSync(path.join(root, 'link-entry.yaml'), `${MINIMAL}x:\n  $ref: 'link.yaml#/a'\n`);
    expect(loadError(root).message).toMatch(/at openapi\.yaml:5:3: the file \/etc\/passwd is outside the root/);
    expect(loadError(root, 'abs.yaml').message).toMatch(/outside the root/);
    expect(loadError(root, 'link-entry.yaml').message).toMatch(/outside the root/);
    expect(loadError(root, '../secret.yaml').message).toMatch(/outside the root/);
  });

  it('refuses URL refs; the synchronous loader never fetches, even when they are allowed', () => {
    const root = write('url', { 'openapi.yaml': `${MINIMAL}x:\n  $ref: 'https://example.com/a.yaml#/b'\n` });
    expect(loadError(root).message).toMatch(/remote \$ref refused/);
    expect(() => loadSpec('openapi.yaml', { root, allowRemoteRefs: true })).toThrow(
      /URL documents are only fetched by loadSpecAsync/
    );
  });

  it('reports invalid YAML with its line and column', () => {
    const root = write('invalid', { 'openapi.yaml': 'openapi: 3.0.3\ninfo:\n  title: [unclosed\n  version: 1\n' });
    expect(loadError(root).message).toMatch(/^openapi\.yaml: invalid YAML at line \d+, column \d+: /);
    const dup = write('dup', { 'openapi.yaml': 'openapi: 3.0.3\nopenapi: 3.1.0\n' });
    expect(loadError(dup).message).toMatch(/invalid YAML at line 2, column 1: duplicate key "openapi"/);
  });

  it('says a document nested past the stack is nested too deeply, in one line', () => {
    const depth = 100_000;
    const root = write('deep-yaml', { 'openapi.yaml': `${MINIMAL}x-deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n` });
    expect(loadError(root).message).toMatch(
      /^openapi\.yaml: the document is nested too deeply( at line \d+, column \d+)?$/
    );
  });

  it('refuses an alias bomb quickly', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const root = write('bomb', { 'openapi.yaml': `${MINIMAL}${levels.join('\n')}\n` });
    const started = Date.now();
    expect(loadError(root).message).toMatch(/aliases expand to more than .* alias bomb/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('keeps a few aliases as shared values', () => {
    const root = write('alias', { 'openapi.yaml': `${MINIMAL}a: &x {type: string}\nb: *x\n` });
    const spec = loadSpec('openapi.yaml', { root });
    expect(spec.document.b).toBe(spec.document.a);
  });

  it('refuses a file over the size limit', () => {
    const root = write('big', { 'openapi.yaml': `${MINIMAL}x: ${'a'.repeat(2000)}\n` });
    expect(loadError(root, 'openapi.yaml', { maxFileBytes: 1000 }).message).toMatch(
      /openapi\.yaml: file is \d+ bytes, larger than the limit of 1000/
    );
    expect(
      loadError(root, 'openapi.yaml', { maxFileBytes: 1000, readFile: (f: string) => fs.readFileSync(f, 'utf8') })
        .message
    ).toMatch(/larger than the limit of 1000 bytes/);
  });
});

describe('loadSpec: a 20 MB spec', () => {
  it('loads within the time budget', () => {
    const parts = [MINIMAL.replace('paths: {}\n', 'paths:\n')];
    let size = parts[0]!.length;
    let i = 0;
    while (size < 20 * 1024 * 1024) {
      const chunk =
        `  /resource${i}/{id}:\n    get:\n      operationId: get${i}\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n` +
        `      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/S${i % 500}'\n` +
        `        '404':\n          description: not found with a longer description to pad the size of this operation somewhat\n`;
      parts.push(chunk);
      size += chunk.length;
      i++;
    }
    parts.push('components:\n  schemas:\n');
    for (let s = 0; s < 500; s++)
      parts.push(
        `    S${s}:\n      type: object\n      properties:\n        id: {type: string}\n        next: {$ref: '#/components/schemas/S${(s + 1) % 500}'}\n`
      );
    const root = write('huge', { 'openapi.yaml': parts.join('') });
    const started = Date.now();
    // Past the default size limit (13 MiB, YAML counting four times): this measures the loader itself.
    const spec = loadSpec('openapi.yaml', { root, maxSpecBytes: 128 * 1024 * 1024 });
    const seconds = (Date.now() - started) / 1000;
    const paths = obj(spec.document.paths);
    expect(Object.keys(paths)).toHaveLength(i);
    const last = obj(obj(paths[`/resource${i - 1}/{id}`]).get);
    expect(spec.locate(last)?.line).toBeGreaterThan(100000);
    console.log(`20 MB spec (${i} paths): loaded in ${seconds.toFixed(2)} s`);
    // 6.6 s here under Jest on a busy machine (22 s through yaml's document model); the bound catches quadratic
    // loading, or a fall back to the document model, without failing on a busy CI.
    expect(seconds).toBeLessThan(40);
  }, 180_000);
});
