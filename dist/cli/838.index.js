export const id = 838;
export const ids = [838];
export const modules = {

/***/ 10838:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkLintable: () => (/* binding */ checkLintable),
  lintNodeCap: () => (/* binding */ lintNodeCap),
  lintSpec: () => (/* binding */ lintSpec)
});

// UNUSED EXPORTS: MAX_LINT_EXPANDED_NODES, lintSpecWithRules, lintToSarif

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/@stoplight/spectral-core/dist/index.js
var dist = __webpack_require__(93523);
// EXTERNAL MODULE: ./node_modules/@stoplight/spectral-parsers/dist/index.js
var spectral_parsers_dist = __webpack_require__(36305);
// EXTERNAL MODULE: ./node_modules/@stoplight/spectral-rulesets/dist/index.js
var spectral_rulesets_dist = __webpack_require__(83372);
// EXTERNAL MODULE: ./node_modules/@stoplight/spectral-ruleset-bundler/dist/loader/node.js
var node = __webpack_require__(8867);
// EXTERNAL MODULE: ./node_modules/@stoplight/spectral-ref-resolver/dist/index.js
var spectral_ref_resolver_dist = __webpack_require__(22903);
// EXTERNAL MODULE: ./shared/src/lib/cjs-interop.ts
var cjs_interop = __webpack_require__(18693);
// EXTERNAL MODULE: ./shared/src/lib/errors.ts
var errors = __webpack_require__(76088);
// EXTERNAL MODULE: ./shared/src/lib/redact.ts
var redact = __webpack_require__(53570);
// EXTERNAL MODULE: ./shared/src/lib/http.ts
var http = __webpack_require__(58719);
// EXTERNAL MODULE: ./actions/contract-test/src/spec/external-refs.ts
var external_refs = __webpack_require__(1753);
// EXTERNAL MODULE: ./actions/contract-test/src/spec/load.ts + 2 modules
var load = __webpack_require__(1659);
// EXTERNAL MODULE: ./actions/contract-test/src/spec/memory.ts
var memory = __webpack_require__(45206);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/@stoplight/spectral-functions/node_modules/ajv/dist/core.js
var core = __webpack_require__(59362);
;// CONCATENATED MODULE: ./actions/contract-test/src/lint/compile-cache.ts
// Spectral's example rules (oas3-valid-media-example, oas3-valid-schema-example and their 2.0 twins) clone the
// schema beside every example they check (JSON.parse(JSON.stringify(...))) and hand the clone to ajv, whose own
// cache is keyed by object identity: so every example compiles its schema again. On 150 paths of the GitHub REST
// description that is 148,392 compiles of 1,473 distinct schemas, two thirds of the lint's time and most of its
// memory. Keying ajv's compile by the schema's content instead gives the same validators without the repeats.
//
// The cache sits on the ajv that @stoplight/spectral-functions loads (its own nested copy, ajv 8), so it changes
// nothing for any other ajv in the process. A compile that registers something in the instance (a schema with an
// `$id`, nested ids, anchors) is never served from the cache: compiling such a schema twice is an error in ajv
// ("already exists", "resolves to more than one schema"), and Spectral reports that error as a finding, so the
// second compile must run to report the same finding.



/**
 * ajv's core module sets `exports.default` only: under Node's ESM the namespace's default is the exports object
 * (the class one level down), in the ncc bundle it is the class.
 */
function ajvCore() {
    const exported = (0,cjs_interop/* cjsExports */.M)(core, 'default').default;
    const found = typeof exported === 'function' ? exported : exported.default;
    if (typeof found?.prototype?.compile !== 'function')
        throw new Error("ajv's core class not found");
    return found;
}
/** Per ajv instance (Spectral makes new ones per document), content key -> compiled validator. */
const caches = new WeakMap();
let installed = false;
let counters = { compiles: 0, reused: 0 };
const registered = (ajv) => Object.keys(ajv.refs).length + Object.keys(ajv.schemas).length;
/** The content key of a schema: a digest of its JSON text, or undefined when it has none (cycles, BigInt). */
function contentKey(schema, meta) {
    let text;
    try {
        text = JSON.stringify(schema);
    }
    catch {
        return undefined;
    }
    return `${meta === undefined ? '' : meta ? 'm' : 'n'}${(0,external_node_crypto_.createHash)('sha1').update(text).digest('base64')}`;
}
/** Installs the cache once per process; later calls do nothing. */
function installCompileCache() {
    if (installed)
        return;
    const AjvCore = ajvCore();
    const original = AjvCore.prototype.compile;
    AjvCore.prototype.compile = function compile(schema, meta) {
        counters.compiles++;
        // An $id at the top is looked up by ajv itself (getSchema) before Spectral compiles.
        const plain = typeof schema === 'object' && schema !== null && !('$id' in schema);
        const key = plain ? contentKey(schema, meta) : undefined;
        if (key === undefined)
            return original.call(this, schema, meta);
        let cache = caches.get(this);
        if (!cache)
            caches.set(this, (cache = new Map()));
        const known = cache.get(key);
        if (known !== undefined) {
            counters.reused++;
            return known;
        }
        const before = registered(this);
        const validator = original.call(this, schema, meta);
        if (registered(this) === before)
            cache.set(key, validator);
        return validator;
    };
    installed = true;
}
/** Compiles asked for and compiles served from the cache since the last reset (for tests and the bench). */
function compileCacheCounters(reset = false) {
    const now = counters;
    if (reset)
        counters = { compiles: 0, reused: 0 };
    return now;
}

;// CONCATENATED MODULE: ./actions/contract-test/src/lint/merge-keys.ts
// Spectral's YAML parser handles merge keys, but lets a merged map override a key the map itself wrote before
// the `<<` (YAML 1.1 says keys written in the map win wherever they are). The diff reads YAML 1.1's way, so the
// lint is given the same values: after Spectral parses, keys its precedence got wrong are set to what the
// loader reads there. Spectral's syntax tree is kept as it is, so positions are still its own.

// The node kinds of Spectral's YAML syntax tree (@stoplight/yaml-ast-parser's Kind).
const MAP = 2;
const SEQ = 3;
const ANCHOR_REF = 4;
const isData = (value) => value !== null && typeof value === 'object';
function deref(node) {
    let current = node ?? undefined;
    for (let hops = 0; current?.kind === ANCHOR_REF && hops < 64; hops++)
        current = current.value ?? undefined;
    return current;
}
const isMerge = (mapping) => mapping.key?.value === '<<' && !mapping.key.singleQuoted && !mapping.key.doubleQuoted;
/** The maps a merge mapping's value names (a map, an alias of one, or a list of those). */
function mergeSources(value) {
    const node = deref(value);
    const items = node?.kind === SEQ ? (node.items ?? []).map(deref) : [node];
    return items.filter((item) => item?.kind === MAP);
}
/** Where a key of a map's value came from: the map's own mapping, else the first merged map that has it. */
function sourceOf(map, key, depth = 0) {
    const mappings = map.mappings ?? [];
    const own = mappings.find((m) => !isMerge(m) && String(m.key?.value) === key);
    if (own)
        return own.value ?? undefined;
    // A map merged into itself (the loader refuses it first) must not recurse forever.
    if (depth > 64)
        return undefined;
    for (const m of mappings.filter(isMerge))
        for (const source of mergeSources(m.value)) {
            const found = sourceOf(source, key, depth + 1);
            if (found)
                return found;
        }
    return undefined;
}
function fix(node, data, truth, seen) {
    if (!node || !isData(data) || !isData(truth) || seen.has(data))
        return;
    seen.add(data);
    if (node.kind === SEQ && Array.isArray(data) && Array.isArray(truth)) {
        (node.items ?? []).forEach((item, i) => fix(deref(item), data[i], truth[i], seen));
        return;
    }
    if (node.kind !== MAP || Array.isArray(data) || Array.isArray(truth))
        return;
    const mappings = node.mappings ?? [];
    const lastMerge = mappings.map(isMerge).lastIndexOf(true);
    mappings.forEach((mapping, i) => {
        // Only a key written before a merge that also brings it can have been overridden.
        if (i >= lastMerge || isMerge(mapping))
            return;
        const key = String(mapping.key?.value);
        const merged = mappings
            .slice(i + 1)
            .filter(isMerge)
            .some((m) => mergeSources(m.value).some((source) => sourceOf(source, key) !== undefined));
        if (merged && Object.prototype.hasOwnProperty.call(truth, key))
            data[key] = truth[key];
    });
    for (const key of Object.keys(data))
        fix(deref(sourceOf(node, key)), data[key], truth[key], seen);
}
/** Corrects merge-key precedence in what Spectral parsed from `text` (only texts with a `<<` key are touched). */
function applyYaml11Merges(text, name, parsed) {
    if (!/(^|[\s{,[])<<\s*:/m.test(text))
        return;
    const ast = deref(parsed.ast);
    fix(ast, parsed.data, (0,load/* parseSpecText */.gJ)(text, name), new Set());
}

// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(98995);
;// CONCATENATED MODULE: ./actions/contract-test/src/lint/ruleset-policy.ts
// What a Spectral ruleset from the repository may do before Spectral loads it. Loading a ruleset can run
// JavaScript in the step, next to the token in its environment:
// - a ruleset that is not YAML or JSON (.spectral.js, .mjs, .cjs, or any other extension) is a JavaScript module;
// - `functions:` imports custom functions (`<functionsDir or functions>/<name>.js`);
// - `extends:` (also in `overrides`) of a JavaScript ruleset, of a package (npm packages are JavaScript), or of a
//   URL (a remote ruleset can be any of these, and is fetched);
// - a JSONPath with a filter or script expression (`$[?(...)]`, `$[(...)]`) in `given`, an alias or `field`:
//   Spectral compiles those into JavaScript, and a filter can reach `constructor` and call anything.
// Unless the caller opts in, each of these is refused with one line that names the ruleset file and the code in
// it. The same walk keeps every ruleset file the chain reads inside the root (symlinks included), as for $refs.






const Parsers = (0,cjs_interop/* cjsExports */.M)(spectral_parsers_dist, 'Yaml');
/** What Spectral's bundler reads as data (it bundles anything else as a JavaScript module). */
const BASIC_ENTRY = /\.(json|ya?ml)$/;
/** What its migrator reads as data when a ruleset extends it (case-insensitive, unlike the entry test). */
const BASIC_EXTENDED = /\.(json|ya?ml)$/i;
/** Rulesets shipped inside Spectral: its own code, not the repository's. */
const BUILT_IN = new Set(['spectral:oas', 'spectral:asyncapi', 'spectral:arazzo']);
/** npm's rule for package names, which is what the migrator tries to resolve as a package first. */
const PACKAGE_SEGMENT = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;
const OPT_IN = 'refused (allow-ruleset-code: true runs ruleset code; never in pull_request_target runs)';
function display(root, file) {
    const relative = external_node_path_.relative(root, file);
    return relative.startsWith('..') || external_node_path_.isAbsolute(relative) ? file : relative.split(external_node_path_.sep).join('/');
}
function inside(root, candidate) {
    const relative = external_node_path_.relative(root, candidate);
    return relative === '' || (!relative.startsWith('..') && !external_node_path_.isAbsolute(relative));
}
/** Strips quoted names (`$['a(b)']`), so only parentheses that belong to the path's own syntax remain. */
function hasScript(jsonPath) {
    const bare = jsonPath.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
    return /[()]/.test(bare);
}
function isUrl(id) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(id);
}
/** What the migrator's isPackageImport accepts: every segment a valid npm package name (scope kept together). */
function isPackageImport(id) {
    const parts = id.split('/');
    if (id.startsWith('@') && parts.length >= 2)
        parts.splice(0, 2, `${parts[0]}/${parts[1]}`);
    return parts.every((part) => PACKAGE_SEGMENT.test(part) && !/^[._]/.test(part));
}
/** Where an `extends` entry of `from` points, the way Spectral's ruleset migrator resolves it. */
function resolveExtended(id, from) {
    if (BUILT_IN.has(id))
        return { kind: 'built-in' };
    if (isUrl(id))
        return { kind: 'url' };
    if (external_node_path_.isAbsolute(id))
        return { kind: 'file', file: id };
    const dir = external_node_path_.dirname(from);
    if (isPackageImport(id)) {
        try {
            return { kind: 'package', file: (0,external_node_module_.createRequire)(external_node_path_.join(dir, 'noop.js')).resolve(id, { paths: [dir] }) };
        }
        catch {
            // Not a package after all: the migrator then takes it as a path next to the ruleset.
            return { kind: 'file', file: external_node_path_.join(dir, id) };
        }
    }
    return { kind: 'file', file: external_node_path_.join(dir, id) };
}
function parseRuleset(file, shown) {
    let text;
    try {
        text = external_node_fs_.readFileSync(file, 'utf8');
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`ruleset ${shown}: cannot read the file: ${error.message}`);
    }
    // The same parsers (and merge-key handling) Spectral's migrator reads rulesets with, so nothing it would see is
    // hidden from this walk.
    const parsed = external_node_path_.extname(file) === '.json' ? Parsers.Json.parse(text) : Parsers.Yaml.parse(text);
    return parsed.data;
}
/** Every string in a ruleset with its path, for the JSONPath check (Spectral evaluates paths in several places). */
function* strings(value, at = [], seen = new Set()) {
    if (typeof value === 'string') {
        yield [at, value];
        return;
    }
    if (value === null || typeof value !== 'object' || seen.has(value))
        return;
    seen.add(value);
    for (const [key, child] of Object.entries(value))
        yield* strings(child, [...at, key], seen);
}
function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/** The extends entries of a ruleset or an override: a name, a list of names, or [name, severity] pairs. */
function extendsOf(value) {
    const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return list
        .map((entry) => (Array.isArray(entry) ? entry[0] : entry))
        .filter((id) => typeof id === 'string');
}
/**
 * Walks a ruleset and everything it extends; throws ConfigurationError naming the file and what in it is code
 * (unless policy.allowCode), or a ruleset file whose real path leaves policy.root (unless allowExternalFiles).
 */
function checkRuleset(rulesetPath, policy) {
    const realRoot = external_node_fs_.realpathSync(policy.root);
    const visited = new Set();
    const refuse = (what) => {
        throw new errors/* ConfigurationError */.j1(`${what}; ${OPT_IN}`);
    };
    const visit = (file, via) => {
        const shown = display(policy.root, file);
        const named = via === undefined ? `ruleset ${shown}` : `ruleset ${shown} (extended by ${via})`;
        let real;
        try {
            real = external_node_fs_.realpathSync(file);
        }
        catch {
            throw new errors/* ConfigurationError */.j1(`${named}: file not found`);
        }
        if (!policy.allowExternalFiles && !inside(realRoot, real)) {
            const how = real === file ? 'is' : `resolves (through a symlink) to ${real}, which is`;
            throw new errors/* ConfigurationError */.j1(`${named} ${how} outside ${policy.root}; refused${via === undefined ? '' : ' (allow-external-refs: files allows it)'}`);
        }
        if (visited.has(real))
            return;
        visited.add(real);
        const basic = via === undefined ? BASIC_ENTRY.test(external_node_path_.extname(file)) : BASIC_EXTENDED.test(external_node_path_.extname(file));
        if (!basic) {
            if (policy.allowCode)
                return;
            refuse(`${named} is a JavaScript ruleset (${external_node_path_.extname(file) || 'no .yaml/.json extension'}): loading it runs its code`);
        }
        const ruleset = parseRuleset(real, shown);
        if (!isObject(ruleset))
            return;
        if (!policy.allowCode) {
            const functions = Array.isArray(ruleset.functions) ? ruleset.functions.map(String) : [];
            if (functions.length > 0) {
                const dir = typeof ruleset.functionsDir === 'string' ? ruleset.functionsDir : 'functions';
                refuse(`${named} declares functions (${functions.join(', ')}), JavaScript loaded from ${dir}/`);
            }
            for (const [at, value] of strings(ruleset)) {
                const trimmed = value.trim();
                if ((trimmed.startsWith('$') || trimmed.startsWith('#')) && hasScript(trimmed))
                    refuse(`${named} has a JSONPath with a script or filter expression at ${at.join('.')} ("${trimmed.length > 80 ? `${trimmed.slice(0, 77)}...` : trimmed}"): Spectral runs those as JavaScript`);
            }
        }
        const overrides = Array.isArray(ruleset.overrides) ? ruleset.overrides.filter(isObject) : [];
        for (const id of [ruleset.extends, ...overrides.map((o) => o.extends)].flatMap(extendsOf)) {
            const target = resolveExtended(id, real);
            if (target.kind === 'built-in')
                continue;
            if (target.kind === 'url') {
                if (policy.allowCode)
                    continue;
                refuse(`${named} extends ${id}, a remote ruleset (it is fetched and can carry code)`);
            }
            if (target.kind === 'package') {
                // A package file that is YAML or JSON is read as data, like any other extended ruleset.
                if (target.file && BASIC_EXTENDED.test(external_node_path_.extname(target.file))) {
                    visit(target.file, shown);
                    continue;
                }
                if (policy.allowCode)
                    continue;
                refuse(`${named} extends the package ${id} (${target.file ? display(policy.root, target.file) : 'from node_modules'}): packages are JavaScript`);
            }
            if (target.kind === 'file')
                visit(target.file, shown);
        }
    };
    visit(external_node_path_.resolve(policy.root, rulesetPath), undefined);
}

;// CONCATENATED MODULE: ./actions/contract-test/src/lint/lint.ts
// Lints an OpenAPI description with Spectral (spectral:oas recommended, or the user's ruleset file) and maps its
// results onto the project's finding shape and SARIF.






// The only way to give Spectral a resolver that follows our $ref policy (no network, no files outside the root,
// unless allowed).












// Spectral ships CommonJS: read its exports the same way under Node's ESM and inside the ncc bundle.
const { Spectral, Document } = (0,cjs_interop/* cjsExports */.M)(dist, 'Spectral');
const lint_Parsers = (0,cjs_interop/* cjsExports */.M)(spectral_parsers_dist, 'Yaml');
const { oas } = (0,cjs_interop/* cjsExports */.M)(spectral_rulesets_dist, 'oas');
const { bundleAndLoadRuleset } = (0,cjs_interop/* cjsExports */.M)(node, 'bundleAndLoadRuleset');
const { Resolver } = (0,cjs_interop/* cjsExports */.M)(spectral_ref_resolver_dist, 'Resolver');
function rulesetLoader() {
    return bundleAndLoadRuleset;
}
const SEVERITIES = ['error', 'warning', 'info', 'hint'];
function lint_inside(root, candidate) {
    const relative = external_node_path_.relative(root, candidate);
    return relative === '' || (!relative.startsWith('..') && !external_node_path_.isAbsolute(relative));
}
function refuseNetwork(url) {
    return Promise.reject(new errors/* ConfigurationError */.j1(`network access refused while loading the ruleset (${String(url)})`));
}
/** The fetch Spectral's ruleset loader gets once ruleset code is allowed: remote rulesets, with a timeout and a cap. */
function rulesetFetch(timeoutMs) {
    return async (url) => {
        const href = String(url);
        if (!/^https?:\/\//i.test(href))
            throw new errors/* ConfigurationError */.j1(`ruleset URL ${(0,redact/* redactUrl */.BO)(href)}: only http and https are fetched`);
        let response;
        try {
            response = await (0,http/* httpRequest */.aj)(href, { timeoutMs, maxBodyBytes: load/* DEFAULT_MAX_FILE_BYTES */.CR, retries: 0 });
        }
        catch (error) {
            if (error instanceof http/* HttpError */.j$)
                throw new errors/* ConfigurationError */.j1(`ruleset URL ${(0,redact/* redactUrl */.BO)(href)}: ${error.message}`);
            throw error;
        }
        const { status, body, headers } = response;
        return {
            ok: status >= 200 && status < 300,
            status,
            statusText: String(status),
            headers: { get: (name) => headers[name.toLowerCase()] ?? null },
            text: () => Promise.resolve(body),
            // Inside the executor, so that a parse error rejects the promise as the async function did.
            json: () => new Promise((resolveJson) => resolveJson(JSON.parse(body)))
        };
    };
}
// A $ref the policy refuses before any resolver runs is rewritten to this scheme, whose resolver rejects it.
const REFUSED_SCHEME = 'x-ubos-refused';
/**
 * External refs resolve like the loader's (see spec/load.ts): files inside the root, or anywhere with
 * allowExternalFiles; http(s) URLs only with allowRemoteRefs, fetched with the same timeout and size cap; and a
 * URL document may reference other URLs, never a local file.
 */
function createResolver(root, options) {
    const realRoot = external_node_fs_.realpathSync(root);
    const allowFiles = options.allowExternalFiles === true;
    const allowUrls = options.allowRemoteRefs === true;
    let budget = load/* DEFAULT_MAX_FILE_BYTES */.CR;
    const remote = {
        async resolve(uri) {
            const url = uri.clone().fragment('').toString();
            if (!allowUrls)
                throw new Error(`remote $ref refused (${(0,redact/* redactUrl */.BO)(url)}): URLs are fetched only when allow-external-refs includes "urls"`);
            try {
                const text = await (0,external_refs/* fetchRemoteText */.St)(url, { maxBytes: budget, timeoutMs: options.remoteTimeoutMs });
                budget -= Buffer.byteLength(text, 'utf8');
                return text;
            }
            catch (error) {
                // Spectral prefixes the error's name ("ConfigurationError: ...") in the invalid-ref finding.
                throw new Error(error.message, { cause: error });
            }
        }
    };
    const outside = (target) => new Error(`$ref to ${target} is outside the root ${root}; refused (allow-external-refs: files allows it)`);
    return new Resolver({
        // Where a $ref points, computed from the $ref as written, as the loader does: Spectral would read "/x.yaml" or
        // "file:///x" in a URL document as a local path, and joins an absolute path in a file onto the file's folder.
        transformRef({ ref, uri, val }) {
            const raw = val?.$ref;
            if (ref === undefined || typeof raw !== 'string' || raw.startsWith('#'))
                return ref;
            const make = (text) => new ref.constructor(text);
            if (!/^https?$/i.test(uri.scheme())) {
                const hash = raw.indexOf('#');
                const filePart = hash < 0 ? raw : raw.slice(0, hash);
                const fragment = hash < 0 ? '' : raw.slice(hash);
                return external_node_path_.posix.isAbsolute(filePart) && ref.path() !== filePart ? make(`${filePart}${fragment}`) : ref;
            }
            let target;
            try {
                target = new URL(raw, uri.clone().fragment('').toString());
            }
            catch {
                target = undefined;
            }
            if (target && (target.protocol === 'http:' || target.protocol === 'https:'))
                return make(target.href);
            return make(`${REFUSED_SCHEME}:${encodeURIComponent(raw)}`);
        },
        resolvers: {
            http: remote,
            https: remote,
            [REFUSED_SCHEME]: {
                resolve: (uri) => Promise.reject(new Error(`$ref "${(0,redact/* redactUrl */.BO)(decodeURIComponent(uri.path()))}" refused: a remote document may only reference http(s) URLs`))
            },
            file: {
                async resolve(uri) {
                    // Spectral hands every scheme it has no resolver for to the file resolver.
                    if (uri.scheme() !== '' && uri.scheme() !== 'file')
                        throw new Error(`unsupported URI scheme "${uri.scheme()}:" in $ref ${(0,redact/* redactUrl */.BO)(uri.toString())}`);
                    const target = decodeURIComponent(uri.path());
                    if (!allowFiles && !lint_inside(root, target))
                        throw outside(target);
                    const real = await external_node_fs_.promises.realpath(target).catch(() => {
                        throw new Error(`file ${external_node_path_.relative(root, target).split(external_node_path_.sep).join('/')} not found`);
                    });
                    if (!allowFiles && !lint_inside(realRoot, real))
                        throw outside(target);
                    const { size } = await external_node_fs_.promises.stat(real);
                    if (size > load/* DEFAULT_MAX_FILE_BYTES */.CR)
                        throw new Error(`${target} is larger than ${load/* DEFAULT_MAX_FILE_BYTES */.CR} bytes`);
                    return external_node_fs_.promises.readFile(real, 'utf8');
                }
            }
        }
    });
}
async function loadRuleset(rulesetPath, root, options) {
    if (rulesetPath === undefined)
        return { extends: [[oas, 'recommended']] };
    const absolute = external_node_path_.resolve(root, rulesetPath);
    if (!external_node_fs_.existsSync(absolute))
        throw new errors/* ConfigurationError */.j1(`ruleset ${rulesetPath}: file not found`);
    const allowCode = options.allowRulesetCode === true;
    checkRuleset(absolute, {
        allowCode,
        allowExternalFiles: options.allowExternalFiles === true,
        root: options.rulesetRoot ?? (lint_inside(root, absolute) ? root : external_node_path_.dirname(absolute))
    });
    const fetch = allowCode ? rulesetFetch(options.remoteTimeoutMs ?? external_refs/* DEFAULT_REMOTE_TIMEOUT_MS */.U6) : refuseNetwork;
    try {
        return await rulesetLoader()(absolute, { fs: external_node_fs_, fetch });
    }
    catch (error) {
        if (error instanceof errors/* ConfigurationError */.j1)
            throw error;
        // Spectral's validation errors are aggregates whose own message is empty; the parts name the rule.
        const parts = error instanceof AggregateError ? error.errors : [error];
        const reason = parts
            .map((part) => {
            const rulePath = part.path;
            const where = Array.isArray(rulePath) && rulePath.length > 0 ? `${rulePath.join('.')}: ` : '';
            return `${where}${String(part.message ?? part)
                .replace(/\s+/g, ' ')
                .trim()}`;
        })
            .join('; ');
        throw new errors/* ConfigurationError */.j1(`ruleset ${rulesetPath} is invalid: ${reason}`);
    }
}
/**
 * Spectral walks a spec with every $ref expanded in place, and its memory follows the nodes it walks: on cuts of
 * the GitHub REST description (lint-scope changed), 90,000 expanded nodes took 318 MB, 270,000 took 568 MB, 430,000
 * 816 MB and the whole description (1,980,000) 2.6 GB, Spectral alone. The step also holds the loaded spec (a
 * changed-scope lint of 410 operations, under a cap that counted only the operations, peaked at 1.35 GB), so a lint
 * is refused past this many nodes at the default max-spec-size (246 changed operations of GitHub's: 855 MB for the
 * whole step), and the cap grows with max-spec-size. It also stops $ref bombs: a 3 KB spec whose $refs fan out ten
 * ways on six levels expands to 49 million nodes.
 */
const MAX_LINT_EXPANDED_NODES = 250_000;
/** The cap for a size limit: MAX_LINT_EXPANDED_NODES at the default, in proportion above and below. */
function lintNodeCap(maxSpecBytes) {
    if (maxSpecBytes === undefined)
        return MAX_LINT_EXPANDED_NODES;
    return Math.max(1, Math.round((MAX_LINT_EXPANDED_NODES * maxSpecBytes) / load/* DEFAULT_MAX_SPEC_BYTES */.ri));
}
/** Refuses to lint a document whose $refs expand past the cap, with one line saying what to do instead. */
function checkLintable(spec, cap = MAX_LINT_EXPANDED_NODES, what = 'a full lint') {
    const nodes = (0,load/* expandedNodeCount */.FB)(spec.document, cap);
    if (nodes <= cap)
        return;
    const count = Number.isFinite(nodes) ? `more than ${cap.toLocaleString('en-US')}` : 'too many to count';
    throw new errors/* ConfigurationError */.j1(`${spec.file}: ${what} would walk ${count} nodes with its $refs expanded (about 1 GB of memory for Spectral at the default max-spec-size): ${what === 'a full lint' ? 'lint only what a pull request changes (lint-scope: changed), ' : ''}raise max-spec-size, or leave lint out of mode`);
}
/** Runs Spectral on the entry file; findings are sorted by file, line and column. */
async function lintSpec(options) {
    return (await lintSpecWithRules(options)).findings;
}
/** Like lintSpec, plus the description of every rule that reported, for SARIF and summaries. */
async function lintSpecWithRules(options) {
    const root = external_node_path_.resolve(options.root);
    const absolute = external_node_path_.resolve(root, options.file);
    const scoped = options.scoped;
    const text = scoped ? JSON.stringify(scoped.document) : options.text;
    if (!scoped)
        new load/* SpecSizeBudget */.KZ(options.maxSpecBytes).charge(options.file, Buffer.byteLength(text, 'utf8'), (0,load/* looksLikeJson */.gw)(text) ? 'json' : 'yaml');
    installCompileCache();
    const spectral = new Spectral({ resolver: createResolver(root, options) });
    const ruleset = await loadRuleset(options.rulesetPath, root, options);
    try {
        spectral.setRuleset(ruleset);
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`ruleset ${options.rulesetPath ?? 'spectral:oas'} is invalid: ${error.message}`);
    }
    // The source must be the absolute path: Spectral resolves relative $refs against it.
    const parser = {
        ...lint_Parsers.Yaml,
        parse(input) {
            const parsed = lint_Parsers.Yaml.parse(input);
            applyYaml11Merges(input, options.file, parsed);
            return parsed;
        }
    };
    const results = await spectral.run(scoped ? new Document(text, lint_Parsers.Json, absolute) : new Document(text, parser, absolute));
    // Spectral's resolved copy of a large spec is garbage now; the diff that follows needs the memory.
    if (text.length > memory/* COLLECT_AFTER_BYTES */.A)
        (0,memory/* collectGarbage */.i)();
    const relative = (source) => {
        if (source === undefined || source === absolute)
            return options.file;
        // A finding in a fetched document: its "file" is the URL, as in the loader's source map.
        if (/^https?:\/\//i.test(source))
            return (0,redact/* redactUrl */.BO)(source);
        return external_node_path_.relative(root, source).split(external_node_path_.sep).join('/');
    };
    const findings = results.map((result) => ({
        code: String(result.code),
        severity: SEVERITIES[result.severity] ?? 'error',
        message: result.message,
        path: result.path.map(String).join('.'),
        location: (scoped ? scoped.locate(result.path.map(String)) : undefined) ?? {
            file: relative(result.source),
            line: result.range.start.line + 1,
            column: result.range.start.character + 1
        }
    }));
    findings.sort((a, b) => a.location.file.localeCompare(b.location.file) ||
        a.location.line - b.location.line ||
        a.location.column - b.location.column ||
        a.code.localeCompare(b.code));
    const rules = {};
    const known = spectral.ruleset?.rules ?? {};
    for (const finding of findings) {
        const rule = known[finding.code];
        if (!rule || rules[finding.code])
            continue;
        const meta = {};
        if (rule.description)
            meta.description = rule.description;
        if (rule.documentationUrl)
            meta.documentationUrl = rule.documentationUrl;
        rules[finding.code] = meta;
    }
    return { findings, rules };
}
function sarifLevel(severity) {
    if (severity === 'error')
        return 'error';
    if (severity === 'warning')
        return 'warning';
    return 'note';
}
function lintToSarif(findings, rulesMeta = {}, toolVersion = '1.0.0') {
    const rules = new Map();
    for (const finding of findings) {
        if (rules.has(finding.code))
            continue;
        const meta = rulesMeta[finding.code];
        const rule = {
            id: finding.code,
            name: finding.code,
            shortDescription: meta?.description ?? finding.code,
            defaultLevel: sarifLevel(finding.severity)
        };
        if (meta?.documentationUrl)
            rule.helpUri = meta.documentationUrl;
        rules.set(finding.code, rule);
    }
    return buildSarif({
        toolName: 'spectral (via ubos contract-test)',
        toolVersion,
        informationUri: 'https://github.com/stoplightio/spectral',
        rules: [...rules.values()],
        results: findings.map((finding) => ({
            ruleId: finding.code,
            level: sarifLevel(finding.severity),
            message: finding.message,
            file: finding.location.file,
            startLine: finding.location.line,
            startColumn: finding.location.column
        }))
    });
}


/***/ })

};
