// $refs that leave the workspace: refused by default, followed when allow-external-refs says so. URL documents
// come from the fault server, which also plays the hostile or broken host (404, slow, oversized, redirect loop,
// invalid YAML, endless chains).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigurationError } from '../../shared/src/lib/errors.js';
import { command } from '../../actions/contract-test/src/cli.js';
import { lintSpec } from '../../actions/contract-test/src/lint/lint.js';
import { runContractCheck } from '../../actions/contract-test/src/run-contract.js';
import { parseExternalRefPolicy } from '../../actions/contract-test/src/spec/external-refs.js';
import { loadSpec, loadSpecAsync } from '../../actions/contract-test/src/spec/load.js';
import type { JsonObject, JsonValue, LoadOptions } from '../../actions/contract-test/src/spec/types.js';
import { useFaultServer } from '../harness/fault-server.js';

const fault = useFaultServer();
const HEAD = 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'external-refs-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

let dirs = 0;
/** A fresh directory with these files; returns its path. */
function write(files: Record<string, string>): string {
  const root = path.join(tmp, `case-${++dirs}`);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** An entry spec whose one schema is `$ref: <ref>`; the $ref is on line 7, column 11. */
function specWithRef(ref: string): string {
  return `${HEAD}components:\n  schemas:\n    Pet:\n      $ref: '${ref}'\n`;
}
const REF_AT = 'openapi.yaml:7:7';

function obj(value: JsonValue | undefined): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
  return value;
}

async function loadError(root: string, options: Partial<LoadOptions> = {}): Promise<string> {
  try {
    await loadSpecAsync('openapi.yaml', { root, allowRemoteRefs: true, ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a ConfigurationError');
}

const PET_YAML = [
  'Pet:',
  '  type: object',
  '  required: [id]',
  '  properties:',
  "    id: {$ref: 'common/ids.yaml#/Id'}",
  '    name: {type: string}',
  ''
].join('\n');

describe('allow-external-refs: the policy value', () => {
  it.each([
    [[], { files: false, urls: false }],
    [['none'], { files: false, urls: false }],
    [['files'], { files: true, urls: false }],
    [['urls'], { files: false, urls: true }],
    [['all'], { files: true, urls: true }],
    [['files, urls'], { files: true, urls: true }],
    [['Files\nURLS'], { files: true, urls: true }],
    [['files', 'urls'], { files: true, urls: true }]
  ])('%j -> %j', (values, policy) => {
    expect(parseExternalRefPolicy(values)).toEqual(policy);
  });

  it('refuses unknown values and "none" with others, in one line', () => {
    expect(() => parseExternalRefPolicy(['everything'], 'Input "allow-external-refs"')).toThrow(
      'Input "allow-external-refs" must be none, files, urls or all (or "files, urls"); got "everything"'
    );
    expect(() => parseExternalRefPolicy(['none,files'])).toThrow(/"none" cannot be combined/);
  });
});

describe('loader: URL $refs (allowRemoteRefs)', () => {
  it('fetches a URL document and the relative URLs inside it, with a source map in the URL', async () => {
    const { server } = fault;
    server.setRoute('/api/pet.yaml', { status: 200, body: PET_YAML, headers: { 'content-type': 'application/yaml' } });
    server.setRoute('/api/common/ids.yaml', { status: 200, body: 'Id:\n  type: integer\n  format: int64\n' });
    const root = write({ 'openapi.yaml': specWithRef(`${server.url}/api/pet.yaml#/Pet`) });
    const spec = await loadSpecAsync('openapi.yaml', { root, allowRemoteRefs: true });
    const pet = obj(obj(obj(spec.document.components).schemas).Pet);
    expect(pet.required).toEqual(['id']);
    const id = obj(obj(pet.properties).id);
    expect(id).toEqual({ type: 'integer', format: 'int64' });
    expect(spec.files).toEqual(['openapi.yaml', `${server.url}/api/pet.yaml`, `${server.url}/api/common/ids.yaml`]);
    expect(spec.locate(pet, 'required')).toEqual({ file: `${server.url}/api/pet.yaml`, line: 3, column: 3 });
    expect(spec.locate(id, 'format')).toEqual({ file: `${server.url}/api/common/ids.yaml`, line: 3, column: 3 });
    expect(spec.componentName(pet)).toBe('Pet');
    // Each document once, even when referenced twice.
    expect(server.requestsTo('/api/pet.yaml')).toHaveLength(1);
  });

  it('sends URL credentials as Basic auth and never shows them', async () => {
    const { server } = fault;
    server.setRoute('/private/pet.yaml', { status: 200, body: 'Pet: {type: object}\n' });
    server.setRoute('/private/gone.yaml', { status: 404, body: 'nope' });
    const withCredentials = server.url.replace('http://', 'http://deploy:s3cr3t-t0ken@');
    const root = write({ 'openapi.yaml': specWithRef(`${withCredentials}/private/pet.yaml#/Pet`) });
    const spec = await loadSpecAsync('openapi.yaml', { root, allowRemoteRefs: true });
    expect(spec.files[1]).toBe(`${server.url.replace('http://', 'http://deploy:***@')}/private/pet.yaml`);
    const auth = server.requestsTo('/private/pet.yaml')[0]!.headers.authorization;
    expect(auth).toBe(`Basic ${Buffer.from('deploy:s3cr3t-t0ken').toString('base64')}`);

    const failing = write({ 'openapi.yaml': specWithRef(`${withCredentials}/private/gone.yaml?token=abc123#/Pet`) });
    const message = await loadError(failing);
    expect(message).toMatch(/returned HTTP 404/);
    expect(message).not.toContain('s3cr3t');
    expect(message).not.toContain('abc123');
  });

  it('names the URL and where the $ref is written when the document is missing (404)', async () => {
    const { server } = fault;
    server.setRoute('/missing.yaml', { status: 404, body: { message: 'not found' } });
    const root = write({ 'openapi.yaml': specWithRef(`${server.url}/missing.yaml#/Pet`) });
    expect(await loadError(root)).toBe(
      `$ref "${server.url}/missing.yaml#/Pet" at ${REF_AT}: GET ${server.url}/missing.yaml returned HTTP 404`
    );
  });

  it('gives up on a slow server after the timeout', async () => {
    const { server } = fault;
    server.setRoute('/slow.yaml', { status: 200, body: 'Pet: {type: object}\n', delayMs: 5000 });
    const root = write({ 'openapi.yaml': specWithRef(`${server.url}/slow.yaml#/Pet`) });
    const started = Date.now();
    const message = await loadError(root, { remoteTimeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(message).toMatch(new RegExp(`^\\$ref ".*/slow\\.yaml#/Pet" at ${REF_AT}: GET .*/slow\\.yaml failed`));
    expect(message).toMatch(/timed out after 300ms/);
  });

  it('gives up on a server that never answers', async () => {
    const { server } = fault;
    server.setRoute('/hang.yaml', { type: 'hang' });
    const root = write({ 'openapi.yaml': specWithRef(`${server.url}/hang.yaml#/Pet`) });
    expect(await loadError(root, { remoteTimeoutMs: 300 })).toMatch(/hang\.yaml failed.*timed out after 300ms/);
  });

  it('refuses a body over the size limit (declared length)', async () => {
    const { server } = fault;
    server.setRoute('/big.yaml', { status: 200, body: `Pet: {type: object}\nx: "${'a'.repeat(5000)}"\n` });
    const root = write({ 'openapi.yaml': specWithRef(`${server.url}/big.yaml#/Pet`) });
    expect(await loadError(root, { maxFileBytes: 2000 })).toBe(
      `$ref "${server.url}/big.yaml#/Pet" at ${REF_AT}: ${server.url}/big.yaml: the response is larger than the limit of 2000 bytes`
    );
  });

  it('refuses an endless body while it streams in (no content-length), without buffering it', async () => {
    let sent = 0;
    const endless = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/yaml' });
      const chunk = Buffer.from(`# ${'x'.repeat(64 * 1024 - 3)}\n`);
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) sent += chunk.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    });
    await new Promise<void>((resolve) => endless.listen(0, '127.0.0.1', resolve));
    const { port } = endless.address() as { port: number };
    try {
      const root = write({ 'openapi.yaml': specWithRef(`http://127.0.0.1:${port}/stream.yaml#/Pet`) });
      const message = await loadError(root, { maxFileBytes: 1024 * 1024 });
      expect(message).toMatch(/stream\.yaml: the response is larger than the limit of 1048576 bytes/);
      // Stopped soon after the cap, not after reading everything the server would send.
      expect(sent).toBeLessThan(16 * 1024 * 1024);
    } finally {
      endless.closeAllConnections();
      await new Promise((resolve) => endless.close(resolve));
    }
  });

  it('gives all URL documents together one size budget', async () => {
    const { server } = fault;
    const big = (name: string) => `${name}: {type: object}\npad: "${'p'.repeat(1200)}"\n`;
    server.setRoute('/budget/a.yaml', { status: 200, body: big('A') });
    server.setRoute('/budget/b.yaml', { status: 200, body: big('B') });
    const root = write({
      'openapi.yaml': `${HEAD}components:\n  schemas:\n    A: {$ref: '${server.url}/budget/a.yaml#/A'}\n    B: {$ref: '${server.url}/budget/b.yaml#/B'}\n`
    });
    expect(await loadError(root, { maxFileBytes: 2000 })).toMatch(
      /b\.yaml: the response is larger than the limit of \d+ bytes \(what was left of the 2000-byte budget for all remote documents\)/
    );
  });

  it('stops a redirect loop', async () => {
    const { server } = fault;
    server.setRoute('/loop.yaml', { status: 302, headers: { location: '/loop.yaml' } });
    const root = write({ 'openapi.yaml': specWithRef(`${server.url}/loop.yaml#/Pet`) });
    const message = await loadError(root);
    // Outside Jest the reason reads "redirect count exceeded"; in Jest's VM realm shared/http.ts cannot see the
    // cause of fetch's error (instanceof across realms) and says "TypeError: fetch failed".
    expect(message).toMatch(new RegExp(`at ${REF_AT}: GET .*/loop\\.yaml failed`));
    expect(server.requestsTo('/loop.yaml').length).toBeLessThanOrEqual(21);
  });

  it('follows a plain redirect', async () => {
    const { server } = fault;
    server.setRoute('/moved.yaml', { status: 301, headers: { location: '/new/pet.yaml' } });
    server.setRoute('/new/pet.yaml', { status: 200, body: 'Pet: {type: string}\n' });
    const root = write({ 'openapi.yaml': specWithRef(`${server.url}/moved.yaml#/Pet`) });
    const spec = await loadSpecAsync('openapi.yaml', { root, allowRemoteRefs: true });
    expect(obj(obj(spec.document.components).schemas).Pet).toEqual({ type: 'string' });
  });

  it('reports invalid YAML and alias bombs in a URL document with the URL and the $ref', async () => {
    const { server } = fault;
    server.setRoute('/invalid.yaml', {
      type: 'wrong-content-type',
      body: '<!DOCTYPE html><html><body><h1>Login: [</h1>'
    });
    const root = write({ 'openapi.yaml': specWithRef(`${server.url}/invalid.yaml#/Pet`) });
    expect(await loadError(root)).toMatch(
      new RegExp(
        `^\\$ref ".*/invalid\\.yaml#/Pet" at ${REF_AT}: .*/invalid\\.yaml: invalid YAML at line 1, column \\d+`
      )
    );

    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    server.setRoute('/bomb.yaml', { status: 200, body: `Pet: {type: object}\n${levels.join('\n')}\n` });
    const bomb = write({ 'openapi.yaml': specWithRef(`${server.url}/bomb.yaml#/Pet`) });
    expect(await loadError(bomb)).toMatch(/bomb\.yaml: YAML aliases expand to more than .* alias bomb/);
  });

  it('names a missing pointer in a URL document by its URL', async () => {
    const { server } = fault;
    server.setRoute('/pets.yaml', { status: 200, body: 'Dog: {type: object}\n' });
    const root = write({ 'openapi.yaml': specWithRef(`${server.url}/pets.yaml#/Cat`) });
    expect(await loadError(root)).toBe(
      `$ref "${server.url}/pets.yaml#/Cat" at ${REF_AT}: target not found (no "Cat" in ${server.url}/pets.yaml#/Cat)`
    );
  });

  it('never lets a URL document reach the local disk', async () => {
    const { server } = fault;
    server.setRoute('/evil.yaml', {
      status: 200,
      body: "Pet: {$ref: 'file:///etc/passwd'}\nAbs: {$ref: '/etc/hostname#/x'}\n"
    });
    server.setRoute('/etc/hostname', { status: 200, body: 'x: {type: string}\n' });
    const root = write({ 'openapi.yaml': specWithRef(`${server.url}/evil.yaml#/Pet`) });
    expect(await loadError(root, { allowExternalFiles: true })).toBe(
      `$ref "file:///etc/passwd" at ${server.url}/evil.yaml:1:7: a remote document may only reference http(s) URLs, not "file:"`
    );
    // An absolute path in a URL document is a path on the same host.
    const abs = write({ 'openapi.yaml': specWithRef(`${server.url}/evil.yaml#/Abs`) });
    const spec = await loadSpecAsync('openapi.yaml', { root: abs, allowRemoteRefs: true });
    expect(obj(obj(spec.document.components).schemas).Pet).toEqual({ type: 'string' });
  });

  it('fetches at most 100 documents from an endless chain of URLs', async () => {
    const { server } = fault;
    server.setRoute('/chain.yaml', {
      type: 'function',
      respond: (request) => {
        const n = Number(request.query.n ?? '0');
        return { status: 200, body: `X: {$ref: 'chain.yaml?n=${n + 1}#/X'}\n` };
      }
    });
    const root = write({ 'openapi.yaml': specWithRef(`${server.url}/chain.yaml?n=0#/X`) });
    const message = await loadError(root);
    expect(message).toMatch(/chain\.yaml\?n=\d+#\/X" at .*chain\.yaml\?n=\d+:1:5: .* more than 100 remote documents/);
    expect(server.requestsTo('/chain.yaml')).toHaveLength(100);
  });

  it('reports a failed fetch only if resolution needs it, like a missing file', async () => {
    const { server } = fault;
    server.setRoute('/lib.yaml', {
      status: 200,
      body: "Used: {type: string}\nUnused: {$ref: 'broken.yaml#/X'}\n"
    });
    server.setRoute('/broken.yaml', { status: 500, body: 'boom' });
    const root = write({ 'openapi.yaml': specWithRef(`${server.url}/lib.yaml#/Used`) });
    const spec = await loadSpecAsync('openapi.yaml', { root, allowRemoteRefs: true });
    expect(obj(obj(spec.document.components).schemas).Pet).toEqual({ type: 'string' });
    expect(spec.files).toEqual(['openapi.yaml', `${server.url}/lib.yaml`]);
  });

  it('finds URL $refs in local files the entry references', async () => {
    const { server } = fault;
    server.setRoute('/shared/error.yaml', { status: 200, body: 'Error: {type: object, required: [code]}\n' });
    const root = write({
      'openapi.yaml': specWithRef('schemas/pet.yaml#/Pet'),
      'schemas/pet.yaml': `Pet: {$ref: '${server.url}/shared/error.yaml#/Error'}\n`
    });
    const spec = await loadSpecAsync('openapi.yaml', { root, allowRemoteRefs: true });
    expect(obj(obj(spec.document.components).schemas).Pet).toEqual({ type: 'object', required: ['code'] });
    expect(spec.files).toEqual(['openapi.yaml', 'schemas/pet.yaml', `${server.url}/shared/error.yaml`]);
  });
});

describe('loader: the default refuses both, with the existing clear errors', () => {
  it('refuses a URL $ref without fetching it, also from the sync loader', async () => {
    const { server } = fault;
    server.setRoute('/pet.yaml', { status: 200, body: 'Pet: {type: object}\n' });
    const root = write({ 'openapi.yaml': specWithRef(`${server.url}/pet.yaml#/Pet`) });
    const expected = `$ref "${server.url}/pet.yaml#/Pet" at ${REF_AT}: remote $ref refused (URLs are fetched only when allow-external-refs includes "urls")`;
    await expect(loadSpecAsync('openapi.yaml', { root })).rejects.toThrow(expected);
    expect(() => loadSpec('openapi.yaml', { root })).toThrow(expected);
    expect(server.requestsTo('/pet.yaml')).toHaveLength(0);
  });

  it('refuses a file outside the root and says how to allow it', async () => {
    const root = write({
      'api/openapi.yaml': specWithRef('../shared/pet.yaml#/Pet'),
      'shared/pet.yaml': 'Pet: {type: object}\n'
    });
    const api = path.join(root, 'api');
    await expect(loadSpecAsync('openapi.yaml', { root: api })).rejects.toThrow(
      `$ref "../shared/pet.yaml#/Pet" at ${REF_AT}: the file ${path.join(root, 'shared/pet.yaml')} is outside the root ${api}; refused (allow-external-refs: files allows it)`
    );
  });
});

describe('loader: file $refs outside the root (allowExternalFiles)', () => {
  it('follows ../, absolute paths and symlinks that leave the root', () => {
    const root = write({
      'api/openapi.yaml': `${HEAD}components:\n  schemas:\n    Pet: {$ref: '../shared/pet.yaml#/Pet'}\n    Abs: {$ref: 'ABS#/Abs'}\n    Linked: {$ref: 'link.yaml#/Linked'}\n`,
      'shared/pet.yaml': 'Pet:\n  type: object\n  properties:\n    tag: {$ref: "tag.yaml"}\n',
      'shared/tag.yaml': 'type: string\n',
      'elsewhere/abs.yaml': 'Abs: {type: integer}\n',
      'elsewhere/linked.yaml': 'Linked: {type: boolean}\n'
    });
    const api = path.join(root, 'api');
    const entry = path.join(api, 'openapi.yaml');
    fs.writeFileSync(entry, fs.readFileSync(entry, 'utf8').replace('ABS', path.join(root, 'elsewhere/abs.yaml')));
    fs.symlinkSync(path.join(root, 'elsewhere/linked.yaml'), path.join(api, 'link.yaml'));

    expect(() => loadSpec('openapi.yaml', { root: api })).toThrow(/outside the root/);
    const spec = loadSpec('openapi.yaml', { root: api, allowExternalFiles: true });
    const schemas = obj(obj(spec.document.components).schemas);
    expect(schemas.Pet).toEqual({ type: 'object', properties: { tag: { type: 'string' } } });
    expect(schemas.Abs).toEqual({ type: 'integer' });
    expect(schemas.Linked).toEqual({ type: 'boolean' });
    expect(spec.files).toEqual(
      expect.arrayContaining(['openapi.yaml', '../shared/pet.yaml', '../shared/tag.yaml', '../elsewhere/abs.yaml'])
    );
    expect(spec.locate(obj(schemas.Pet), 'properties')).toEqual({ file: '../shared/pet.yaml', line: 3, column: 3 });
  });

  it('still names a missing outside file', () => {
    const root = write({ 'api/openapi.yaml': specWithRef('../nowhere.yaml#/Pet') });
    expect(() => loadSpec('openapi.yaml', { root: path.join(root, 'api'), allowExternalFiles: true })).toThrow(
      `$ref "../nowhere.yaml#/Pet" at ${REF_AT}: file ../nowhere.yaml not found`
    );
  });

  it('does not fetch URLs when only files are allowed', async () => {
    const root = write({ 'openapi.yaml': specWithRef(`${fault.server.url}/pet.yaml#/Pet`) });
    await expect(loadSpecAsync('openapi.yaml', { root, allowExternalFiles: true })).rejects.toThrow(
      /remote \$ref refused/
    );
  });

  it('reads outside files from disk when the spec itself comes from git (custom reader)', () => {
    const root = write({
      'api/openapi.yaml': specWithRef('../shared/pet.yaml#/Pet'),
      'shared/pet.yaml': 'Pet: {type: number}\n'
    });
    const api = path.join(root, 'api');
    const reads: string[] = [];
    const spec = loadSpec('openapi.yaml', {
      root: api,
      allowExternalFiles: true,
      readFile: (file) => {
        reads.push(file);
        return fs.readFileSync(file, 'utf8');
      }
    });
    expect(obj(obj(spec.document.components).schemas).Pet).toEqual({ type: 'number' });
    expect(reads).toEqual([path.join(api, 'openapi.yaml')]);
  });
});

describe('lint: Spectral follows the same policy', () => {
  const invalidRefs = async (root: string, options: object = {}) =>
    (
      await lintSpec({
        text: fs.readFileSync(path.join(root, 'openapi.yaml'), 'utf8'),
        file: 'openapi.yaml',
        root,
        ...options
      })
    )
      .filter((finding) => finding.code === 'invalid-ref')
      .map((finding) => finding.message);

  it('fetches URL $refs only when allowed', async () => {
    const { server } = fault;
    server.setRoute('/lint/pet.yaml', { status: 200, body: PET_YAML });
    server.setRoute('/lint/common/ids.yaml', { status: 200, body: 'Id: {type: integer}\n' });
    const root = write({ 'openapi.yaml': specWithRef(`${server.url}/lint/pet.yaml#/Pet`) });
    expect(await invalidRefs(root)).toEqual([expect.stringMatching(/remote \$ref refused/)]);
    expect(server.requestsTo('/lint/pet.yaml')).toHaveLength(0);
    expect(await invalidRefs(root, { allowRemoteRefs: true })).toEqual([]);
    expect(server.requestsTo('/lint/pet.yaml')).toHaveLength(1);
    expect(server.requestsTo('/lint/common/ids.yaml')).toHaveLength(1);
  });

  it('reports a failed fetch as an invalid $ref, with the timeout and size cap of the loader', async () => {
    const { server } = fault;
    server.setRoute('/lint/slow.yaml', { status: 200, body: 'Pet: {type: object}\n', delayMs: 5000 });
    server.setRoute('/lint/gone.yaml', { status: 404, body: 'no' });
    const root = write({
      'openapi.yaml': `${HEAD}components:\n  schemas:\n    A: {$ref: '${server.url}/lint/slow.yaml#/Pet'}\n    B: {$ref: '${server.url}/lint/gone.yaml#/Pet'}\n`
    });
    const messages = await invalidRefs(root, { allowRemoteRefs: true, remoteTimeoutMs: 300 });
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^GET .*slow\.yaml failed.*timed out after 300ms/),
        expect.stringMatching(/^GET .*gone\.yaml returned HTTP 404$/)
      ])
    );
  });

  it('never lets a URL document reach the local disk', async () => {
    const { server } = fault;
    server.setRoute('/lint/evil.yaml', {
      status: 200,
      body: "Pet: {$ref: 'file:///etc/passwd'}\nAbs: {$ref: '/lint-root/abs.yaml#/x'}\n"
    });
    server.setRoute('/lint-root/abs.yaml', { status: 200, body: 'x: {type: string}\n' });
    const root = write({ 'openapi.yaml': specWithRef(`${server.url}/lint/evil.yaml#/Pet`) });
    expect(await invalidRefs(root, { allowRemoteRefs: true, allowExternalFiles: true })).toEqual([
      '$ref "file:///etc/passwd" refused: a remote document may only reference http(s) URLs'
    ]);
    // An absolute path in a URL document is a path on the same host, as in the loader.
    const abs = write({ 'openapi.yaml': specWithRef(`${server.url}/lint/evil.yaml#/Abs`) });
    expect(await invalidRefs(abs, { allowRemoteRefs: true })).toEqual([]);
    expect(server.requestsTo('/lint-root/abs.yaml')).toHaveLength(1);
  });

  it('follows files outside the root (relative or absolute paths) only when allowed', async () => {
    const root = write({
      'api/openapi.yaml': `${HEAD}components:\n  schemas:\n    Pet: {$ref: '../shared/pet.yaml#/Pet'}\n    Abs: {$ref: 'ABS#/Pet'}\n`,
      'shared/pet.yaml': 'Pet: {type: object}\n',
      'elsewhere/pet.yaml': 'Pet: {type: string}\n'
    });
    const api = path.join(root, 'api');
    const entry = path.join(api, 'openapi.yaml');
    fs.writeFileSync(entry, fs.readFileSync(entry, 'utf8').replace('ABS', path.join(root, 'elsewhere/pet.yaml')));
    expect(await invalidRefs(api)).toEqual([
      expect.stringMatching(/outside the root/),
      expect.stringMatching(/outside the root/)
    ]);
    expect(await invalidRefs(api, { allowExternalFiles: true })).toEqual([]);
  });
});

describe('run-contract and the CLI', () => {
  function cli(cwd: string, ...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    return command
      .run(argv, { cwd, stdout: (text) => out.push(text), stderr: (text) => err.push(text) })
      .then((code) => ({ code, stdout: out.join(''), stderr: err.join('') }));
  }

  it('diffs two specs that share a URL schema and an outside file, when both are allowed', async () => {
    const { server } = fault;
    server.setRoute('/v1/pet.yaml', { status: 200, body: 'Pet: {type: object, properties: {id: {type: integer}}}\n' });
    server.setRoute('/v2/pet.yaml', { status: 200, body: 'Pet: {type: object, properties: {id: {type: string}}}\n' });
    const op = (ref: string) =>
      `${HEAD.replace('paths: {}\n', '')}paths:\n  /pets:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '${ref}'}\n`;
    const root = write({
      'api/base.yaml': op(`${server.url}/v1/pet.yaml#/Pet`),
      'api/head.yaml': op(`${server.url}/v2/pet.yaml#/Pet`)
    });
    const api = path.join(root, 'api');
    const report = await runContractCheck({
      root: api,
      spec: 'head.yaml',
      baseSpec: 'base.yaml',
      lint: false,
      externalRefs: { files: false, urls: true }
    });
    const change = report.changes.find((c) => c.level === 'error');
    expect(change?.message).toMatch(/id/);
    expect(change?.location?.file).toBe(`${server.url}/v2/pet.yaml`);

    const refused = await cli(api, 'diff', 'base.yaml', 'head.yaml').catch((error: Error) => error);
    expect(refused).toBeInstanceOf(ConfigurationError);
    expect((refused as Error).message).toMatch(/remote \$ref refused/);
    const allowed = await cli(
      api,
      'diff',
      'base.yaml',
      'head.yaml',
      '--allow-external-refs',
      'urls',
      '--format',
      'json'
    );
    expect(allowed.code).toBe(1);
    expect(JSON.parse(allowed.stdout).changes.some((c: { level: string }) => c.level === 'error')).toBe(true);
  });

  it('lints with --allow-external-refs files and refuses an unknown value', async () => {
    const root = write({
      'api/openapi.yaml': specWithRef('../shared/pet.yaml#/Pet'),
      'shared/pet.yaml': 'Pet: {type: object}\n'
    });
    const api = path.join(root, 'api');
    await expect(cli(api, 'lint', 'openapi.yaml')).rejects.toThrow(/outside the root/);
    const allowed = await cli(api, 'lint', 'openapi.yaml', '--allow-external-refs', 'files', '--format', 'json');
    const codes = JSON.parse(allowed.stdout).lint.map((f: { id: string }) => f.id);
    expect(codes).not.toContain('invalid-ref');
    await expect(cli(api, 'lint', 'openapi.yaml', '--allow-external-refs', 'everything')).rejects.toThrow(
      '--allow-external-refs must be none, files, urls or all'
    );
  });
});
