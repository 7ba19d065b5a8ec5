export const id = 722;
export const ids = [722];
export const modules = {

/***/ 77722:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  authFromEnv: () => (/* binding */ authFromEnv),
  command: () => (/* binding */ cli_command)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./shared/src/cli/command.ts + 1 modules
var command = __webpack_require__(79665);
// EXTERNAL MODULE: ./shared/src/lib/duration.ts
var duration = __webpack_require__(64363);
// EXTERNAL MODULE: ./shared/src/lib/errors.ts
var errors = __webpack_require__(76088);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./shared/src/lib/suggest.ts
var suggest = __webpack_require__(68437);
// EXTERNAL MODULE: ./shared/src/lib/text.ts
var lib_text = __webpack_require__(33588);
// EXTERNAL MODULE: ./shared/src/lib/yaml.ts
var yaml = __webpack_require__(88164);
// EXTERNAL MODULE: ./shared/src/lib/glob.ts
var glob = __webpack_require__(4373);
;// CONCATENATED MODULE: ./actions/contract-test/src/repository-file.ts
// A settings file the step reads from the repository (the ignore file, the config file): repository content, so
// it is read as data only, from inside the workspace, and a default that is absent simply means no settings.




/** A hand-written file; far past this it is a generated file or a mistake. */
const MAX_SETTINGS_FILE_BYTES = 1024 * 1024;
/**
 * The text of `named` (resolved against root), or undefined when it is the default and does not exist; `what`
 * names the file in every error ("ignore file", "config file").
 */
function readSettingsFile(root, named, defaultName, what) {
    const path = (0,external_node_path_.isAbsolute)(named) ? named : (0,external_node_path_.resolve)(root, named);
    if (!(0,external_node_fs_.existsSync)(path)) {
        if (named === defaultName)
            return undefined;
        throw new errors/* ConfigurationError */.j1(`${what} ${named} does not exist`);
    }
    // A file in the workspace is repository content: a symlink must not make it read (and quote) a file elsewhere.
    if ((0,glob/* isInside */.FK)(root, path) && !(0,glob/* isInside */.FK)((0,external_node_fs_.realpathSync)(root), (0,external_node_fs_.realpathSync)(path)))
        throw new errors/* ConfigurationError */.j1(`${what} ${named} resolves (through a symlink) outside the workspace; refused`);
    const stats = (0,external_node_fs_.statSync)(path);
    if (!stats.isFile())
        throw new errors/* ConfigurationError */.j1(`${what} ${named} is not a regular file`);
    if (stats.size > MAX_SETTINGS_FILE_BYTES)
        throw new errors/* ConfigurationError */.j1(`${what} ${named} is larger than ${MAX_SETTINGS_FILE_BYTES} bytes`);
    return (0,external_node_fs_.readFileSync)(path, 'utf8');
}

;// CONCATENATED MODULE: ./actions/contract-test/src/check-levels.ts
// The team's own level for any diff check, from the config file (.github/contract-test.yml):
//
//   checks:
//     response-property-became-optional: warning
//     endpoint-added: off
//
// A level replaces the check's default for every change it reports; `off` drops its changes. The file is
// repository content, read as data only; every mistake is one line naming the file, the line and the fix.






const DEFAULT_CONFIG_FILE = '.github/contract-test.yml';
const LEVEL_SETTINGS = ['error', 'warning', 'info', 'off'];
const TOP_KEYS = ['checks'];
const isLevelSetting = (value) => LEVEL_SETTINGS.includes(value);
/** Reads the config file; a missing default file means no settings, a missing named one is a mistake. */
function loadCheckLevels(root, named, checkIds) {
    const text = readSettingsFile(root, named, DEFAULT_CONFIG_FILE, 'config file');
    return text === undefined ? undefined : parseCheckLevels(text, named, checkIds);
}
function parseCheckLevels(text, file, checkIds) {
    const { doc: document, lineCounter: lines } = (0,yaml.parseYamlDocument)(text, file);
    const at = (node) => {
        const range = node?.range;
        return `${file}:${range ? lines.linePos(range[0]).line : 1}`;
    };
    const keyOf = (key) => ((0,dist.isScalar)(key) ? (0,lib_text/* textOf */.b)(key.value) : (0,lib_text/* textOf */.b)(key));
    const levels = new Map();
    const root = document.contents;
    if (root === null || ((0,dist.isScalar)(root) && root.value === null))
        return { file, levels };
    if (!(0,dist.isMap)(root))
        throw new errors/* ConfigurationError */.j1(`${at(root)}: the config file must be a mapping with a checks: mapping`);
    for (const pair of root.items) {
        const key = keyOf(pair.key);
        if (!TOP_KEYS.includes(key)) {
            const guess = (0,suggest/* closestName */.N)(key, TOP_KEYS);
            throw new errors/* ConfigurationError */.j1(`${at(pair.key)}: unknown key "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}; the config file has checks:`);
        }
        const checks = pair.value;
        if (checks === null || ((0,dist.isScalar)(checks) && checks.value === null))
            continue;
        if (!(0,dist.isMap)(checks))
            throw new errors/* ConfigurationError */.j1(`${at(checks ?? pair.key)}: checks must map check ids to ${LEVEL_SETTINGS.join(', ')}`);
        for (const entry of checks.items) {
            const id = keyOf(entry.key);
            if (!checkIds.includes(id)) {
                const guess = (0,suggest/* closestName */.N)(id, checkIds);
                throw new errors/* ConfigurationError */.j1(`${at(entry.key)}: "${id}" is not a diff check${guess ? ` (did you mean "${guess}"?)` : ''}; ` +
                    '`contract-test checks` lists them');
            }
            const value = (0,dist.isScalar)(entry.value) ? entry.value.value : entry.value?.toJSON();
            const level = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
            if (level === undefined || !isLevelSetting(level))
                throw new errors/* ConfigurationError */.j1(`${at(entry.value ?? entry.key)}: the level of ${id} must be one of ${LEVEL_SETTINGS.join(', ')}; ` +
                    `got ${JSON.stringify(value ?? null)}`);
            levels.set(id, level);
        }
    }
    return { file, levels };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./actions/contract-test/src/diff/group.ts
// Repetition in the diff's output, folded. A schema shared by several places is compared once per place, so one
// edit comes out once per media type of a response, once per oneOf/anyOf branch it sits in, and once per
// operation that reaches it. Two folds, each keyed so that two different edits are never merged:
//
// 1. mergeRepeats (inside one operation, before the changes leave the diff): the same schema change reported
//    for several media types of one request body or response, or in several branches of a oneOf/anyOf, is one
//    change whose message names the media types and the branches. Key: check id, level, operation, the head
//    location, and the message with only the media type and the branch indices taken out.
// 2. groupChanges (across operations, after the ignore file is applied, for the reports): the same schema change
//    reached from several operations is one entry at the schema's location that names the operations. Key: check
//    id, level, the head location (the shared schema's position), the message after its owner (the part that
//    names the property, what changed, from what to what, and where a removed thing was in the base), and how it
//    was accepted. Only schema changes (Change.owner set) with a location are grouped: their location is the
//    schema node itself, which the operations share; other changes fall back to a parent (`paths`, the document)
//    that several distinct edits can have in common, so they stay one entry each.

const HOLE = '\u0000';
/** The media type an owner label ends with: `response 200 (application/json)`, `request body (text/plain)`. */
const OWNER_MEDIA = /\(([^()]*\/[^()]*)\)$/;
/** A oneOf/anyOf branch index in a property path: `pet.oneOf[1].id`. */
const BRANCH = /\b(oneOf|anyOf)\[(\d+)\]/g;
function locationKey(location) {
    return location ? `${location.file}:${location.line}:${location.column}` : '';
}
/** The message after the owner label, or undefined when the change is not a schema change. */
function restOf(change) {
    if (change.owner === undefined || !change.message.startsWith(change.owner))
        return undefined;
    return change.message.slice(change.owner.length);
}
function template(change, rest) {
    const owner = change.owner;
    const media = OWNER_MEDIA.exec(owner);
    const branches = [];
    const restTemplate = rest.replace(BRANCH, (_, kind, index) => {
        branches.push(index);
        return `${kind}[${HOLE}]`;
    });
    const ownerTemplate = media ? `${owner.slice(0, media.index)}(${HOLE})` : owner;
    return {
        key: JSON.stringify([
            change.id,
            change.level,
            change.path ?? null,
            change.method ?? null,
            locationKey(change.location),
            ownerTemplate,
            restTemplate
        ]),
        owner: ownerTemplate,
        media: media?.[1],
        rest: restTemplate,
        branches
    };
}
function unique(values) {
    return [...new Set(values)];
}
/**
 * Merges the media-type and branch repeats of one schema change inside one operation (1. above). Changes keep
 * their order (a merged change stands where its first part was); changes without a location are left alone.
 */
function mergeRepeats(changes) {
    const parts = new Map();
    const order = [];
    for (const change of changes) {
        const rest = restOf(change);
        if (rest === undefined || !change.location) {
            order.push(change);
            continue;
        }
        const t = template(change, rest);
        const known = parts.get(t.key);
        if (known)
            known.templates.push(t);
        else {
            parts.set(t.key, { first: change, templates: [t] });
            order.push(t.key);
        }
    }
    return order.map((entry) => {
        if (typeof entry !== 'string')
            return entry;
        const { first, templates } = parts.get(entry);
        if (templates.length === 1)
            return first;
        const [t] = templates;
        const media = unique(templates.flatMap((x) => (x.media === undefined ? [] : [x.media])));
        const owner = t.media === undefined ? t.owner : t.owner.replace(HOLE, media.join(', '));
        let slot = 0;
        const rest = t.rest.replace(new RegExp(HOLE, 'g'), () => {
            const i = slot++;
            return unique(templates.map((x) => x.branches[i]))
                .sort((a, b) => Number(a) - Number(b))
                .join(', ');
        });
        return { ...first, owner, message: `${owner}${rest}` };
    });
}
/** How reports name an operation: `GET /items`, `webhook "x" (POST)` is its path and method. */
function operationName(change) {
    if (!change.path)
        return 'API-wide';
    return change.method ? `${change.method.toUpperCase()} ${change.path}` : change.path;
}
/** The operations a grouped entry names before "and N more". */
const GROUP_OPERATIONS_SHOWN = 7;
/** The owners (response 200, request body, ...) a grouped entry names before "and N more". */
const GROUP_OWNERS_SHOWN = 3;
function groupMessage(members, operations) {
    const [first] = members;
    if (members.length === 1)
        return first.message;
    const rest = restOf(first);
    const owners = unique(members.map((m) => m.owner));
    const shownOwners = owners.slice(0, GROUP_OWNERS_SHOWN).join(' / ');
    const moreOwners = owners.length > GROUP_OWNERS_SHOWN ? ` and ${owners.length - GROUP_OWNERS_SHOWN} more` : '';
    if (operations.length <= 1)
        return `${shownOwners}${moreOwners}${rest}`;
    const shown = operations.slice(0, GROUP_OPERATIONS_SHOWN).join(', ');
    const more = operations.length > GROUP_OPERATIONS_SHOWN ? `, … and ${operations.length - GROUP_OPERATIONS_SHOWN} more` : '';
    return `${shownOwners}${moreOwners}${rest} (in ${operations.length} operations: ${shown}${more})`;
}
/**
 * Folds the same schema change reached from several operations into one group (2. above); every other change is a
 * group of one. `acceptance` tells accepted changes apart (an accepted operation leaves the group of the others),
 * `spec` makes the ids of several specs of a step distinct.
 */
function groupChanges(changes, spec = '', acceptance = () => '') {
    const groups = new Map();
    changes.forEach((change, index) => {
        const rest = restOf(change);
        const key = rest !== undefined && change.location
            ? JSON.stringify(['group', change.id, change.level, locationKey(change.location), rest, acceptance(change)])
            : JSON.stringify(['one', index]);
        const members = groups.get(key);
        if (members)
            members.push(change);
        else
            groups.set(key, [change]);
    });
    return [...groups].map(([key, members]) => {
        const operations = unique(members.map(operationName));
        const id = (0,external_node_crypto_.createHash)('sha256')
            .update(JSON.stringify([spec, key, members[0].message]))
            .digest('hex');
        return { id: id.slice(0, 12), members, operations, message: groupMessage(members, operations) };
    });
}
function groupedCounts(groups) {
    const zero = () => ({ error: 0, warning: 0, info: 0 });
    const counts = { entries: zero(), grouped: zero(), changes: zero(), operations: 0 };
    const operations = new Set();
    for (const group of groups) {
        const level = group.members[0].level;
        counts.entries[level]++;
        counts.changes[level] += group.members.length;
        if (group.members.length > 1)
            counts.grouped[level]++;
        for (const m of group.members)
            if (m.path)
                operations.add(operationName(m));
    }
    counts.operations = operations.size;
    return counts;
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/catalog.ts
/** One check of a family's `as const` list; `const Id` keeps the literal id in the type. */
const defineCheck = (id, level, description) => ({ id, level, description });
function isJsonObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/**
 * The message suffix of a removal: where the removed thing was in the base spec. Changes are located in the
 * head spec only, so this is the one place a base line number appears.
 */
function wasAt(location) {
    return location ? ` (was at ${location.file}:${location.line} in the base spec)` : '';
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/emitter.ts

const isObject = isJsonObject;
function obj(value) {
    return isObject(value) ? value : {};
}
function arr(value) {
    return Array.isArray(value) ? value : [];
}
function str(value) {
    return typeof value === 'string' ? value : undefined;
}
function opLabel(where) {
    return where.label ?? `${(where.method ?? '').toUpperCase()} ${where.path ?? ''}`.trim();
}
/**
 * Turns findings into Changes. Every location it produces is in the head spec: a change to something head has
 * points at it, a removal points at head's nearest surviving parent and names the base location in its message
 * (a base line number on the head file would land on an unrelated line), a move points at its new place and names
 * the old one the same way.
 */
class Emitter {
    base;
    head;
    sink;
    levels;
    constructor(base, head, sink, levels) {
        this.base = base;
        this.head = head;
        this.sink = sink;
        this.levels = levels;
    }
    visited = new WeakMap();
    /** True the first time a pair of base and head nodes is offered: shared or cyclic parts are compared once. */
    firstVisit(base, head) {
        let seen = this.visited.get(base);
        if (!seen)
            this.visited.set(base, (seen = new WeakSet()));
        if (seen.has(head))
            return false;
        seen.add(head);
        return true;
    }
    place(spec, at) {
        for (const [node, key] of at) {
            if (node === undefined)
                continue;
            const location = spec.locate(node, key);
            if (location)
                return location;
        }
        return undefined;
    }
    push(id, where, message, location, baseLocation) {
        const level = this.levels.get(id);
        if (!level)
            throw new Error(`unknown check id ${id}`);
        const change = { id, level, message };
        if (where.path !== undefined)
            change.path = where.path;
        if (where.method !== undefined)
            change.method = where.method;
        const at = location ?? this.head.locate(this.head.document);
        if (at)
            change.location = at;
        if (baseLocation)
            change.baseLocation = baseLocation;
        this.sink(change);
    }
    /** Something the head spec has (added or changed); synthesised nodes (OAS 2.0) have no location. */
    emit(id, where, message, ...at) {
        this.push(id, where, message, this.place(this.head, at));
    }
    /**
     * Something both specs have in another place (a moved operation): located in head at `at`, with its base
     * location (`was`) named in the message.
     */
    moved(id, where, message, at, was) {
        const baseLocation = this.place(this.base, was);
        this.push(id, where, `${message}${wasAt(baseLocation)}`, this.place(this.head, at), baseLocation);
    }
    /** Something only the base spec has: `was` are its base anchors, `parent` head's surviving parents. */
    removed(id, where, message, was, parent) {
        const baseLocation = this.place(this.base, was);
        this.push(id, where, `${message}${wasAt(baseLocation)}`, this.place(this.head, parent), baseLocation);
    }
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/endpoints.ts


const ENDPOINT_CHECKS = [
    defineCheck('api-path-removed-without-deprecation', 'error', 'A path was removed without its operations being deprecated first'),
    defineCheck('api-removed-without-deprecation', 'error', 'An operation was removed without being deprecated first'),
    defineCheck('api-removed-before-sunset', 'error', 'A deprecated operation was removed before its x-sunset date'),
    defineCheck('api-removed-after-deprecation', 'info', 'A deprecated operation was removed (after its sunset, if any)'),
    defineCheck('api-path-added', 'info', 'A new path with its operations was added'),
    defineCheck('endpoint-added', 'info', 'A new operation was added to an existing path'),
    defineCheck('endpoint-deprecated', 'info', 'An operation became deprecated'),
    defineCheck('endpoint-reactivated', 'info', 'A deprecated operation is no longer deprecated'),
    defineCheck('api-sunset-date-changed', 'info', 'The x-sunset date of a deprecated operation was postponed or set'),
    defineCheck('api-sunset-date-brought-forward', 'warning', 'The x-sunset date of a deprecated operation moved earlier'),
    defineCheck('operation-id-changed', 'warning', 'The operationId changed (generated client method names change)'),
    defineCheck('path-parameter-renamed', 'info', 'A path template parameter was renamed; the URL shape is unchanged'),
    defineCheck('operation-moved', 'error', 'An operation moved to another path or method (the same operationId): clients calling the old one get 404 or 405')
];
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** `/items/{id}` and `/items/{itemId}` address the same URLs, so they must pair. */
function normalisePath(path) {
    return path.replace(/\{[^}]*\}/g, '{}');
}
function templateNames(path) {
    return [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
}
function sunsetOf(op) {
    const raw = op['x-sunset'];
    const date = raw instanceof Date ? raw : typeof raw === 'string' ? new Date(raw) : undefined;
    return date && !Number.isNaN(date.getTime()) ? date : undefined;
}
function day(date) {
    return date.toISOString().slice(0, 10);
}
function operationsOf(item) {
    return METHODS.filter((m) => isObject(item[m])).map((m) => [m, item[m]]);
}
function reportRemoved(e, where, [item, op], idIfUndeprecated, now, parent) {
    const label = opLabel(where);
    // Where the removed operation was: its method key in the base path item.
    const was = [[item, where.method], [op]];
    if (op.deprecated !== true) {
        e.removed(idIfUndeprecated, where, `${label} was removed without being deprecated first`, was, parent);
        return;
    }
    const sunset = sunsetOf(op);
    if (sunset && sunset.getTime() > now.getTime()) {
        const message = `${label} was removed before its sunset date ${day(sunset)}`;
        e.removed('api-removed-before-sunset', where, message, was, parent);
    }
    else {
        e.removed('api-removed-after-deprecation', where, `deprecated ${label} was removed`, was, parent);
    }
}
/** Deprecation, sunset and operationId of an operation both sides have. */
function diffDeprecation(e, where, base, head) {
    const label = opLabel(where);
    const wasDeprecated = base.deprecated === true;
    const isDeprecated = head.deprecated === true;
    const headSunset = sunsetOf(head);
    if (!wasDeprecated && isDeprecated) {
        const sunset = headSunset ? `, sunset ${day(headSunset)}` : ', no sunset date';
        e.emit('endpoint-deprecated', where, `${label} became deprecated${sunset}`, [head, 'deprecated'], [head]);
    }
    else if (wasDeprecated && !isDeprecated) {
        e.emit('endpoint-reactivated', where, `${label} is no longer deprecated`, [head]);
    }
    else if (wasDeprecated && isDeprecated) {
        const baseSunset = sunsetOf(base);
        if (baseSunset && headSunset && headSunset.getTime() < baseSunset.getTime()) {
            const message = `sunset of ${label} moved earlier from ${day(baseSunset)} to ${day(headSunset)}`;
            e.emit('api-sunset-date-brought-forward', where, message, [head, 'x-sunset'], [head]);
        }
        else if (headSunset && (!baseSunset || headSunset.getTime() !== baseSunset.getTime())) {
            const from = baseSunset ? day(baseSunset) : 'none';
            const message = `sunset of ${label} changed from ${from} to ${day(headSunset)}`;
            e.emit('api-sunset-date-changed', where, message, [head, 'x-sunset'], [head]);
        }
    }
    const baseId = str(base.operationId);
    const headId = str(head.operationId);
    if (baseId !== undefined && headId !== baseId) {
        const message = `operationId of ${label} changed from "${baseId}" to ${headId ? `"${headId}"` : 'none'}`;
        e.emit('operation-id-changed', where, message, [head, 'operationId'], [head]);
    }
}
/**
 * Which head path each base path is: the same name first, then a remaining path of the same shape (a renamed
 * template parameter), one to one and in spec order. A spec may hold several paths of one shape
 * (`/contacts/{email}` beside `/contacts/{id}`): each keeps its own partner.
 */
function pairPaths(basePaths, headPaths) {
    const pairs = new Map();
    const heads = new Set(headPaths);
    for (const path of basePaths)
        if (heads.has(path))
            pairs.set(path, path);
    const unpairedByShape = new Map();
    for (const path of headPaths) {
        if (pairs.get(path) === path)
            continue;
        const shape = normalisePath(path);
        unpairedByShape.set(shape, [...(unpairedByShape.get(shape) ?? []), path]);
    }
    for (const path of basePaths) {
        if (pairs.has(path))
            continue;
        const partner = unpairedByShape.get(normalisePath(path))?.shift();
        if (partner !== undefined)
            pairs.set(path, partner);
    }
    return pairs;
}
/** Base path parameters renamed in head, by position (`/a/{id}` -> `/b/{itemId}`); none when the counts differ. */
function templateRenames(basePath, headPath) {
    const rename = new Map();
    const baseNames = templateNames(basePath);
    const headNames = templateNames(headPath);
    if (baseNames.length !== headNames.length)
        return rename;
    baseNames.forEach((name, i) => {
        if (headNames[i] !== name)
            rename.set(name, headNames[i]);
    });
    return rename;
}
/** How many operations of a spec's paths carry each operationId. */
function operationIdCounts(paths) {
    const counts = new Map();
    for (const item of Object.values(paths))
        for (const [, op] of operationsOf(obj(item))) {
            const id = str(op.operationId);
            if (id !== undefined)
                counts.set(id, (counts.get(id) ?? 0) + 1);
        }
    return counts;
}
/**
 * Which removed operation is which added one (moved to another path, method, or both): the same operationId,
 * carried by exactly one operation in each spec. Nothing else pairs them: operations of one shape are common (every
 * DELETE answering 204), so shape alone would pair unrelated ones. A deprecated operation is never paired: its
 * removal is judged by its deprecation and sunset date.
 */
function pairMoves(removals, additions, baseIds, headIds) {
    const unique = (counts, id) => id !== undefined && counts.get(id) === 1;
    const byId = new Map();
    for (const addition of additions) {
        const id = str(addition.op.operationId);
        if (unique(headIds, id))
            byId.set(id, addition);
    }
    const moves = new Map();
    for (const removal of removals) {
        const id = str(removal.op.operationId);
        if (!unique(baseIds, id) || removal.op.deprecated === true)
            continue;
        const addition = byId.get(id);
        if (addition)
            moves.set(removal, addition);
    }
    return moves;
}
/**
 * Pairs base paths with head paths, then the operations left on one side by operationId (moves), and reports what
 * exists on one side only; `diffOperation` compares each operation both sides have, moved ones included.
 */
function diffPaths(e, now, diffOperation) {
    const { base, head } = e;
    const basePaths = obj(base.document.paths);
    const headPaths = obj(head.document.paths);
    const pairs = pairPaths(Object.keys(basePaths), Object.keys(headPaths));
    const pairedHead = new Set(pairs.values());
    const pathsParent = [[head.document, 'paths'], [head.document]];
    const removals = [];
    const additions = [];
    for (const [basePath, rawItem] of Object.entries(basePaths)) {
        const baseItem = obj(rawItem);
        const headPath = pairs.get(basePath);
        if (headPath === undefined) {
            for (const [method, op] of operationsOf(baseItem)) {
                removals.push({
                    where: { path: basePath, method },
                    item: baseItem,
                    op,
                    idIfUndeprecated: 'api-path-removed-without-deprecation',
                    parent: pathsParent
                });
            }
            continue;
        }
        const headItem = obj(headPaths[headPath]);
        const rename = templateRenames(basePath, headPath);
        if (rename.size > 0) {
            const renamed = [...rename].map(([from, to]) => `{${from}} -> {${to}}`).join(', ');
            e.emit('path-parameter-renamed', { path: headPath }, `path parameter renamed in ${basePath}: ${renamed}`, [headPaths, headPath], [headItem]);
        }
        const headOps = new Map(operationsOf(headItem));
        const itemParent = [[headPaths, headPath], [headItem], ...pathsParent];
        for (const [method, baseOp] of operationsOf(baseItem)) {
            const where = { path: headPath, method };
            const headOp = headOps.get(method);
            if (!headOp) {
                removals.push({
                    where: { path: basePath, method },
                    item: baseItem,
                    op: baseOp,
                    idIfUndeprecated: 'api-removed-without-deprecation',
                    parent: itemParent
                });
                continue;
            }
            diffOperation({ where, rename, base: [baseItem, baseOp], head: [headItem, headOp] });
        }
        for (const [method, headOp] of headOps) {
            if (isObject(baseItem[method]))
                continue;
            additions.push({ where: { path: headPath, method }, item: headItem, op: headOp, id: 'endpoint-added' });
        }
    }
    for (const [headPath, rawItem] of Object.entries(headPaths)) {
        if (pairedHead.has(headPath))
            continue;
        const headItem = obj(rawItem);
        for (const [method, op] of operationsOf(headItem))
            additions.push({ where: { path: headPath, method }, item: headItem, op, id: 'api-path-added' });
    }
    const moves = pairMoves(removals, additions, operationIdCounts(basePaths), operationIdCounts(headPaths));
    const moved = new Set(moves.values());
    for (const removal of removals) {
        const addition = moves.get(removal);
        if (!addition) {
            reportRemoved(e, removal.where, [removal.item, removal.op], removal.idIfUndeprecated, now, removal.parent);
            continue;
        }
        const [from, to] = [removal.where, addition.where];
        const message = `${opLabel(from)} moved to ${opLabel(to)} (operationId "${str(addition.op.operationId)}")`;
        e.moved('operation-moved', to, message, [[addition.item, to.method], [addition.op]], [[removal.item, from.method], [removal.op]]);
        diffOperation({
            where: to,
            rename: templateRenames(from.path, to.path),
            base: [removal.item, removal.op],
            head: [addition.item, addition.op]
        });
    }
    for (const addition of additions) {
        if (moved.has(addition))
            continue;
        const { path, method } = addition.where;
        e.emit(addition.id, addition.where, `${method.toUpperCase()} ${path} was added`, [addition.op]);
    }
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/exchange.ts
function schemaSink(e, v) {
    return (change) => e.sink({ ...change, id: v.schemaId(change.id) });
}
/** Labels in messages: "request body (application/json)" of an operation, "POST webhook x, request body" of others. */
function inner(where, what) {
    return where.label === undefined ? what : `${where.label}, ${what}`;
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/parameters.ts



const PARAMETER_CHECKS = [
    defineCheck('new-required-request-parameter', 'error', 'A new required parameter (query, header, cookie, path)'),
    defineCheck('new-optional-request-parameter', 'info', 'A new optional parameter'),
    defineCheck('request-parameter-removed', 'warning', 'A parameter was removed: values clients send are now ignored'),
    defineCheck('request-parameter-became-required', 'error', 'An optional parameter became required'),
    defineCheck('request-parameter-became-optional', 'info', 'A required parameter became optional'),
    defineCheck('request-parameter-location-changed', 'error', 'A parameter moved, e.g. from query to header'),
    defineCheck('request-parameter-style-changed', 'warning', 'A parameter serialisation style changed'),
    defineCheck('request-parameter-explode-changed', 'warning', 'A parameter explode setting changed'),
    defineCheck('request-parameter-deprecated', 'info', 'A parameter became deprecated')
];
/** The API's own operations: clients send the parameters. */
const API_PARAMETERS = {
    parameterRemoved: () => 'request-parameter-removed',
    parameterAdded: (required) => (required ? 'new-required-request-parameter' : 'new-optional-request-parameter'),
    parameterBecameRequired: 'request-parameter-became-required',
    parameterBecameOptional: 'request-parameter-became-optional',
    parameterLocationChanged: 'request-parameter-location-changed',
    parameterStyleChanged: 'request-parameter-style-changed',
    parameterExplodeChanged: 'request-parameter-explode-changed',
    parameterDeprecated: 'request-parameter-deprecated'
};
/** Path-level parameters apply to every operation unless the operation redefines the same (in, name). */
function effectiveParameters(item, op, rename) {
    const params = new Map();
    for (const raw of [...arr(item.parameters), ...arr(op.parameters)]) {
        if (!isObject(raw))
            continue;
        const location = str(raw.in);
        const name = str(raw.name);
        if (!location || !name || location === 'body')
            continue;
        const paired = location === 'path' ? (rename?.get(name) ?? name) : name;
        // Header names are case-insensitive on the wire.
        params.set(`${location}:${location === 'header' ? paired.toLowerCase() : paired}`, raw);
    }
    return params;
}
/** The name part of a pairing key, case-folded because a header may have been a query parameter before. */
function nameOf(key) {
    return key.slice(key.indexOf(':') + 1).toLowerCase();
}
function defaultStyle(location) {
    return location === 'query' || location === 'cookie' ? 'form' : 'simple';
}
/** OAS 3 keeps the schema under `schema` or `content`; OAS 2.0 non-body parameters are their own schema. */
function parameterSchema(spec, param) {
    if (spec.version === '2.0') {
        // The parameter's own keys would read as JSON Schema keywords (`required: true` is not a schema `required`).
        const { in: _in, name: _name, required: _required, description: _description, ...schema } = param;
        return schema;
    }
    if (param.schema !== undefined)
        return param.schema;
    const first = Object.values(obj(param.content))[0];
    return isObject(first) ? first.schema : undefined;
}
/** Where head's parameters of one operation are written, for removals: the operation's list, the path's, the operation. */
function parameterParents(headItem, headOp) {
    return [[headOp, 'parameters'], [headItem, 'parameters'], [headOp]];
}
function diffParameters(e, v, where, compare, base, head, headItem, headOp) {
    const label = opLabel(where);
    const describe = (p) => `${str(p.in)} parameter "${str(p.name)}"`;
    const removed = [...base.keys()].filter((k) => !head.has(k));
    const added = [...head.keys()].filter((k) => !base.has(k));
    const moved = new Set();
    for (const key of removed) {
        const param = base.get(key);
        const target = added.find((k) => !moved.has(k) && nameOf(k) === nameOf(key));
        if (target === undefined)
            continue;
        const headParam = head.get(target);
        moved.add(key).add(target);
        const message = `${describe(param)} of ${label} moved from ${str(param.in)} to ${str(headParam.in)}`;
        if (v.parameterLocationChanged)
            e.emit(v.parameterLocationChanged, where, message, [headParam, 'in'], [headParam]);
    }
    for (const key of removed) {
        if (moved.has(key))
            continue;
        const param = base.get(key);
        // A removed parameter does not make requests fail (servers ignore what they do not read), but a client that
        // relied on it, e.g. as a filter, silently gets different results: possibly breaking, never compatible.
        const id = v.parameterRemoved(param.required === true);
        if (id)
            e.removed(id, where, `${describe(param)} was removed from ${label}`, [[param]], parameterParents(headItem, headOp));
    }
    for (const key of added) {
        if (moved.has(key))
            continue;
        const param = head.get(key);
        const required = param.required === true;
        const id = v.parameterAdded(required);
        if (id)
            e.emit(id, where, `new ${required ? 'required' : 'optional'} ${describe(param)} in ${label}`, [param], [headOp]);
    }
    for (const [key, baseParam] of base) {
        const headParam = head.get(key);
        if (!headParam)
            continue;
        const name = describe(headParam);
        if (baseParam.required !== true && headParam.required === true) {
            if (v.parameterBecameRequired)
                e.emit(v.parameterBecameRequired, where, `${name} of ${label} became required`, [headParam, 'required'], [headParam]);
        }
        else if (baseParam.required === true && headParam.required !== true) {
            if (v.parameterBecameOptional)
                e.emit(v.parameterBecameOptional, where, `${name} of ${label} became optional`, [headParam, 'required'], [headParam]);
        }
        if (baseParam.deprecated !== true && headParam.deprecated === true && v.parameterDeprecated) {
            const message = `${name} of ${label} became deprecated`;
            e.emit(v.parameterDeprecated, where, message, [headParam, 'deprecated'], [headParam]);
        }
        if (e.base.version !== '2.0' && e.head.version !== '2.0') {
            const location = str(headParam.in) ?? 'query';
            const baseStyle = str(baseParam.style) ?? defaultStyle(location);
            const headStyle = str(headParam.style) ?? defaultStyle(location);
            if (baseStyle !== headStyle && v.parameterStyleChanged) {
                const message = `style of ${name} of ${label} changed from ${baseStyle} to ${headStyle}`;
                e.emit(v.parameterStyleChanged, where, message, [headParam, 'style'], [headParam]);
            }
            const baseExplode = typeof baseParam.explode === 'boolean' ? baseParam.explode : baseStyle === 'form';
            const headExplode = typeof headParam.explode === 'boolean' ? headParam.explode : headStyle === 'form';
            if (baseExplode !== headExplode && v.parameterExplodeChanged) {
                const message = `explode of ${name} of ${label} changed from ${baseExplode} to ${headExplode}`;
                e.emit(v.parameterExplodeChanged, where, message, [headParam, 'explode'], [headParam]);
            }
        }
        compare(parameterSchema(e.base, baseParam), parameterSchema(e.head, headParam), {
            direction: v.requestDirection,
            ...where,
            where: inner(where, name),
            base: e.base,
            head: e.head,
            emit: schemaSink(e, v)
        });
    }
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/request-body.ts



const REQUEST_BODY_CHECKS = [
    defineCheck('request-body-added-required', 'error', 'A required request body was added'),
    defineCheck('request-body-added-optional', 'info', 'An optional request body was added'),
    defineCheck('request-body-became-required', 'error', 'The request body became required'),
    defineCheck('request-body-became-optional', 'info', 'The request body became optional'),
    defineCheck('request-body-removed', 'warning', 'The request body was removed: bodies clients send are now ignored'),
    defineCheck('request-body-media-type-removed', 'error', 'A request media type is no longer accepted'),
    defineCheck('request-body-media-type-added', 'info', 'A request media type was added')
];
/** The API's own operations: clients send the body. */
const API_REQUEST_BODY = {
    bodyAdded: (required) => (required ? 'request-body-added-required' : 'request-body-added-optional'),
    bodyRemoved: 'request-body-removed',
    bodyBecameRequired: 'request-body-became-required',
    bodyBecameOptional: 'request-body-became-optional',
    bodyMediaTypeRemoved: 'request-body-media-type-removed',
    bodyMediaTypeAdded: 'request-body-media-type-added'
};
/** OAS 2.0 `consumes`/`produces` of an operation, else of the document, else JSON. */
function mediaTypes(spec, op, key) {
    const own = arr(op[key]).filter((v) => typeof v === 'string');
    if (Array.isArray(op[key]))
        return own;
    const global = arr(spec.document[key]).filter((v) => typeof v === 'string');
    return Array.isArray(spec.document[key]) ? global : ['application/json'];
}
function requestBodyOf(spec, item, op) {
    if (spec.version === '2.0') {
        const params = [...arr(item.parameters), ...arr(op.parameters)].filter(isObject);
        const body = params.reverse().find((p) => p.in === 'body');
        if (!body)
            return undefined;
        const content = new Map(mediaTypes(spec, op, 'consumes').map((mt) => [mt, { schema: body.schema ?? {} }]));
        return { node: body, required: body.required === true, content };
    }
    if (!isObject(op.requestBody))
        return undefined;
    const node = op.requestBody;
    const content = new Map(Object.entries(obj(node.content)).map(([mt, m]) => [mt, obj(m)]));
    return { node, required: node.required === true, content };
}
function diffRequestBody(e, v, where, compare, headOp, base, head) {
    const label = opLabel(where);
    if (!base && !head)
        return;
    if (!base) {
        const id = v.bodyAdded(head.required);
        if (id)
            e.emit(id, where, `${head.required ? 'required' : 'optional'} request body added to ${label}`, [head.node]);
        return;
    }
    if (!head) {
        if (v.bodyRemoved)
            e.removed(v.bodyRemoved, where, `request body removed from ${label}`, [[base.node]], [[headOp]]);
        return;
    }
    if (!base.required && head.required && v.bodyBecameRequired) {
        const message = `request body of ${label} became required`;
        e.emit(v.bodyBecameRequired, where, message, [head.node, 'required'], [head.node]);
    }
    else if (base.required && !head.required && v.bodyBecameOptional) {
        const message = `request body of ${label} became optional`;
        e.emit(v.bodyBecameOptional, where, message, [head.node, 'required'], [head.node]);
    }
    for (const [mt, media] of base.content) {
        const headMedia = head.content.get(mt);
        if (!headMedia) {
            if (v.bodyMediaTypeRemoved) {
                const message = `request media type ${mt} is no longer accepted by ${label}`;
                e.removed(v.bodyMediaTypeRemoved, where, v.requestDirection === 'request' ? message : `${label} no longer sends request media type ${mt}`, [[obj(base.node.content), mt], [media], [base.node]], [[head.node, 'content'], [head.node]]);
            }
            continue;
        }
        compare(media.schema, headMedia.schema, {
            direction: v.requestDirection,
            ...where,
            where: inner(where, `request body (${mt})`),
            base: e.base,
            head: e.head,
            emit: schemaSink(e, v)
        });
    }
    for (const [mt, media] of head.content) {
        if (base.content.has(mt) || !v.bodyMediaTypeAdded)
            continue;
        const message = `request media type ${mt} added to ${label}`;
        e.emit(v.bodyMediaTypeAdded, where, message, [obj(head.node.content), mt], [media], [head.node]);
    }
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/links.ts


const LINK_CHECKS = [
    defineCheck('response-link-removed', 'warning', 'A response link was removed: clients that follow it (generated hypermedia clients) lose the next call'),
    defineCheck('response-link-target-changed', 'warning', 'A response link now calls another operation'),
    defineCheck('response-link-values-changed', 'warning', 'The parameters, request body or server a response link passes on changed'),
    defineCheck('response-link-added', 'info', 'A response link was added')
];
/** What a link makes a client do: which operation it calls and with which values. */
function linkTarget(link) {
    const ref = str(link.operationRef);
    if (ref !== undefined)
        return `operationRef ${ref}`;
    const id = str(link.operationId);
    return id !== undefined ? `operationId ${id}` : '(no target)';
}
function canonical(value) {
    if (!isObject(value))
        return JSON.stringify(value ?? null);
    return `{${Object.keys(value)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
        .join(',')}}`;
}
function diffLinks(e, where, status, baseResponse, headResponse, responseParents) {
    const label = opLabel(where);
    const baseLinks = obj(baseResponse.links);
    const headLinks = obj(headResponse.links);
    for (const [name, raw] of Object.entries(baseLinks)) {
        const link = obj(raw);
        const what = `link "${name}" of response ${status} of ${label}`;
        const headLink = headLinks[name];
        if (!isObject(headLink)) {
            e.removed('response-link-removed', where, `${what} was removed`, [[baseLinks, name], [link]], [[headResponse, 'links'], ...responseParents]);
            continue;
        }
        if (linkTarget(link) !== linkTarget(headLink)) {
            const message = `${what} now calls ${linkTarget(headLink)} instead of ${linkTarget(link)}`;
            const key = headLink.operationRef !== undefined ? 'operationRef' : 'operationId';
            e.emit('response-link-target-changed', where, message, [headLink, key], [headLink]);
        }
        for (const key of ['parameters', 'requestBody', 'server']) {
            if (canonical(link[key]) === canonical(headLink[key]))
                continue;
            const message = `${key} of ${what} changed from ${canonical(link[key])} to ${canonical(headLink[key])}`;
            e.emit('response-link-values-changed', where, message, [headLink, key], [headLink]);
        }
    }
    for (const [name, raw] of Object.entries(headLinks)) {
        if (name in baseLinks)
            continue;
        e.emit('response-link-added', where, `link "${name}" added to response ${status} of ${label}`, [headLinks, name], [raw]);
    }
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/responses.ts





const RESPONSE_CHECKS = [
    defineCheck('response-success-status-removed', 'error', 'A success (2xx or default) response status was removed'),
    defineCheck('response-alternative-success-status-removed', 'warning', 'A 2xx status was removed while another 2xx stays (a 204 beside a 200): clients that test for it misread a success'),
    defineCheck('response-non-success-status-removed', 'warning', 'A non-success response status was removed'),
    defineCheck('response-success-status-added', 'info', 'A success response status was added'),
    defineCheck('response-non-success-status-added', 'info', 'A non-success response status was added'),
    defineCheck('response-media-type-removed', 'error', 'A response media type was removed'),
    defineCheck('response-media-type-added', 'info', 'A response media type was added'),
    defineCheck('response-required-header-removed', 'error', 'A required response header was removed'),
    defineCheck('response-optional-header-removed', 'warning', 'An optional response header was removed'),
    defineCheck('response-header-became-optional', 'warning', 'A required response header became optional'),
    defineCheck('response-header-added', 'info', 'A response header was added')
];
/** The API's own operations: the server sends the responses, clients read them. */
const API_RESPONSES = {
    statusRemoved: (success, alternative) => alternative
        ? 'response-alternative-success-status-removed'
        : success
            ? 'response-success-status-removed'
            : 'response-non-success-status-removed',
    statusAdded: (success) => (success ? 'response-success-status-added' : 'response-non-success-status-added'),
    responseMediaTypeRemoved: 'response-media-type-removed',
    responseMediaTypeAdded: 'response-media-type-added',
    headerRemoved: (required) => (required ? 'response-required-header-removed' : 'response-optional-header-removed'),
    headerAdded: () => 'response-header-added',
    headerBecameOptional: 'response-header-became-optional',
    links: true
};
function isSuccess(status) {
    return status === 'default' || status.startsWith('2');
}
/** A 2xx code or the `2XX` range (not `default`, which also stands for every undocumented error). */
function is2xx(status) {
    return status.startsWith('2');
}
function responseContent(spec, op, response) {
    if (spec.version === '2.0') {
        if (response.schema === undefined)
            return new Map();
        return new Map(mediaTypes(spec, op, 'produces').map((mt) => [mt, { schema: response.schema }]));
    }
    return new Map(Object.entries(obj(response.content)).map(([mt, m]) => [mt, obj(m)]));
}
function headerSchema(spec, header) {
    return spec.version === '2.0' ? header : header.schema;
}
function diffResponses(e, v, where, compare, baseOp, headOp) {
    const label = opLabel(where);
    const base = obj(baseOp.responses);
    const head = obj(headOp.responses);
    const sink = schemaSink(e, v);
    for (const [status, raw] of Object.entries(base)) {
        const baseResponse = obj(raw);
        if (!(status in head)) {
            const alternative = is2xx(status) && Object.keys(head).some(is2xx);
            const id = v.statusRemoved(isSuccess(status), alternative);
            if (id)
                e.removed(id, where, `response ${status} was removed from ${label}`, [[base, status], [baseResponse]], [[headOp, 'responses'], [headOp]]);
            continue;
        }
        const headResponse = obj(head[status]);
        const responseParents = [[head, status], [headResponse]];
        const baseContent = responseContent(e.base, baseOp, baseResponse);
        const headContent = responseContent(e.head, headOp, headResponse);
        for (const [mt, media] of baseContent) {
            const headMedia = headContent.get(mt);
            if (!headMedia) {
                if (v.responseMediaTypeRemoved)
                    e.removed(v.responseMediaTypeRemoved, where, `response ${status} of ${label} no longer returns ${mt}`, [[obj(baseResponse.content), mt], [media], [baseResponse]], [[headResponse, 'content'], ...responseParents]);
                continue;
            }
            compare(media.schema, headMedia.schema, {
                direction: v.responseDirection,
                ...where,
                where: inner(where, `response ${status} (${mt})`),
                base: e.base,
                head: e.head,
                emit: sink
            });
        }
        for (const [mt, media] of headContent) {
            if (baseContent.has(mt) || !v.responseMediaTypeAdded)
                continue;
            const message = `response ${status} of ${label} now also returns ${mt}`;
            e.emit(v.responseMediaTypeAdded, where, message, [obj(headResponse.content), mt], [media], [headResponse]);
        }
        diffHeaders(e, v, where, compare, status, baseResponse, headResponse, responseParents);
        if (v.links)
            diffLinks(e, where, status, baseResponse, headResponse, responseParents);
    }
    for (const [status, raw] of Object.entries(head)) {
        if (status in base)
            continue;
        const id = v.statusAdded(isSuccess(status));
        if (id)
            e.emit(id, where, `response ${status} added to ${label}`, [head, status], [obj(raw)]);
    }
}
function diffHeaders(e, v, where, compare, status, baseResponse, headResponse, responseParents) {
    const label = opLabel(where);
    const headersOf = (response) => new Map(Object.entries(obj(response.headers)).map(([k, h]) => [k.toLowerCase(), [k, obj(h)]]));
    const baseHeaders = headersOf(baseResponse);
    const headHeaders = headersOf(headResponse);
    for (const [key, [name, header]] of baseHeaders) {
        const target = headHeaders.get(key);
        const headerLabel = `header "${name}" of response ${status} of ${label}`;
        if (!target) {
            // OAS 2.0 has no `required` on response headers: documented headers count as optional there.
            const id = v.headerRemoved(header.required === true);
            if (id)
                e.removed(id, where, `${headerLabel} was removed`, [[obj(baseResponse.headers), name], [header]], [[headResponse, 'headers'], ...responseParents]);
            continue;
        }
        const [, headHeader] = target;
        if (header.required === true && headHeader.required !== true && v.headerBecameOptional)
            e.emit(v.headerBecameOptional, where, `${headerLabel} became optional`, [headHeader, 'required'], [headHeader]);
        if (header.required !== true && headHeader.required === true && v.headerBecameRequired)
            e.emit(v.headerBecameRequired, where, `${headerLabel} became required`, [headHeader, 'required'], [headHeader]);
        compare(headerSchema(e.base, header), headerSchema(e.head, headHeader), {
            direction: v.responseDirection,
            ...where,
            where: inner(where, `response ${status} header "${name}"`),
            base: e.base,
            head: e.head,
            emit: schemaSink(e, v)
        });
    }
    for (const [key, [name, header]] of headHeaders) {
        if (baseHeaders.has(key))
            continue;
        const required = header.required === true;
        const id = v.headerAdded(required);
        const message = `${required ? 'required ' : ''}header "${name}" added to response ${status} of ${label}`;
        if (id)
            e.emit(id, where, message, [header]);
    }
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/schema/access.ts
// readOnly and writeOnly: a readOnly property is never sent by clients and a writeOnly one never returned, so
// each is outside one direction's contract; a property that moves in or out of it is reported here.

const ACCESS_CHECKS = [
    defineCheck('request-property-became-read-only', 'error', 'A request property became readOnly; clients sending it may be rejected or ignored.'),
    defineCheck('request-property-became-not-read-only', 'info', 'A readOnly property can now be sent in requests.'),
    defineCheck('response-property-became-write-only', 'error', 'A response property became writeOnly; it is no longer returned.'),
    defineCheck('response-property-became-not-write-only', 'info', 'A writeOnly property is now returned in responses.')
];
/** Whether a property is outside the contract of the direction compared (readOnly in requests, writeOnly in responses). */
function outOfDirection(c, s) {
    return c.dir === 'request' ? s.readOnly : s.writeOnly;
}
/** Reports a property that moved in or out of the direction's contract; true when it did (nothing else to compare). */
function compareAccess(c, bs, hs, at) {
    if (c.dir === 'request' && hs.readOnly !== bs.readOnly) {
        const id = hs.readOnly ? 'request-property-became-read-only' : 'request-property-became-not-read-only';
        c.emit(id, at, hs.readOnly ? 'became readOnly' : 'is no longer readOnly', hs, 'readOnly');
        return true;
    }
    if (c.dir === 'response' && hs.writeOnly !== bs.writeOnly) {
        const id = hs.writeOnly ? 'response-property-became-write-only' : 'response-property-became-not-write-only';
        c.emit(id, at, hs.writeOnly ? 'became writeOnly' : 'is no longer writeOnly', hs, 'writeOnly');
        return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/schema/shape.ts

const shape_isObject = isJsonObject;
const num = (v) => (typeof v === 'number' ? v : undefined);
/** A keyword value in messages. */
const shape_text = (v) => (v === undefined ? '(none)' : JSON.stringify(v));
// A value-level key so enum members can be compared by content, including object and array members.
function valueKey(v) {
    if (!shape_isObject(v))
        return JSON.stringify(v);
    return `{${Object.keys(v)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${valueKey(v[k])}`)
        .join(',')}}`;
}
function isNullOnly(node) {
    if (!shape_isObject(node))
        return false;
    const t = node.type;
    return (t === 'null' ||
        (Array.isArray(t) && t.length === 1 && t[0] === 'null') ||
        (node.const === null && !('type' in node)));
}
function tighterMax(a, b) {
    if (!a)
        return b;
    if (!b)
        return a;
    if (a.value !== b.value)
        return a.value < b.value ? a : b;
    return a.exclusive ? a : b;
}
function tighterMin(a, b) {
    if (!a)
        return b;
    if (!b)
        return a;
    if (a.value !== b.value)
        return a.value > b.value ? a : b;
    return a.exclusive ? a : b;
}
/** Builds the effective shape of a schema, with allOf parts (and single-variant oneOf/anyOf) merged into it. */
function buildShape(root) {
    const shape = {
        node: root,
        origin: new Map(),
        nullable: false,
        isConst: false,
        properties: new Map(),
        required: new Set(),
        uniqueItems: false,
        hasDefault: false,
        readOnly: false,
        writeOnly: false
    };
    let nullVotes = 0;
    const seen = new Set();
    const propertyParts = new Map();
    const set = (key, value, part, keyword) => {
        if (value === undefined || shape[key] !== undefined)
            return;
        shape[key] = value;
        shape.origin.set(keyword, part);
    };
    const absorb = (part) => {
        if (seen.has(part))
            return;
        seen.add(part);
        const type = part.type;
        if (type !== undefined) {
            const declared = (Array.isArray(type) ? type : [type]).filter((t) => typeof t === 'string');
            const nonNull = declared.filter((t) => t !== 'null');
            if (declared.includes('null') || part.nullable === true)
                nullVotes++;
            if (nonNull.length > 0) {
                const next = new Set(nonNull);
                shape.types = shape.types ? new Set([...shape.types].filter((t) => next.has(t))) : next;
                if (!shape.origin.has('type'))
                    shape.origin.set('type', part);
            }
        }
        else if (part.nullable === true)
            nullVotes++;
        if (typeof part.format === 'string')
            set('format', part.format, part, 'format');
        if ('const' in part && part.const !== undefined) {
            if (part.const === null)
                nullVotes++;
            else if (shape.values === undefined) {
                shape.values = [part.const];
                shape.isConst = true;
                shape.origin.set('const', part);
            }
        }
        else if (Array.isArray(part.enum)) {
            if (part.enum.includes(null))
                nullVotes++;
            set('values', part.enum.filter((v) => v !== null), part, 'enum');
        }
        if (shape_isObject(part.properties)) {
            for (const [name, schema] of Object.entries(part.properties)) {
                const list = propertyParts.get(name) ?? [];
                list.push(schema);
                propertyParts.set(name, list);
                if (!shape.origin.has(`properties.${name}`))
                    shape.origin.set(`properties.${name}`, part.properties);
            }
            if (!shape.origin.has('properties'))
                shape.origin.set('properties', part);
        }
        if (Array.isArray(part.required))
            for (const r of part.required)
                if (typeof r === 'string')
                    shape.required.add(r);
        if (part.additionalProperties !== undefined)
            set('additional', part.additionalProperties, part, 'additionalProperties');
        if (part.items !== undefined) {
            if (Array.isArray(part.items))
                set('prefixItems', part.items, part, 'items');
            else
                set('items', part.items, part, 'items');
        }
        if (Array.isArray(part.prefixItems))
            set('prefixItems', part.prefixItems, part, 'prefixItems');
        const maximum = num(part.maximum);
        const minimum = num(part.minimum);
        // OAS 3.0 / draft 4: exclusiveMaximum is a boolean modifier; OAS 3.1: a number of its own.
        const exMax = typeof part.exclusiveMaximum === 'number'
            ? { value: part.exclusiveMaximum, exclusive: true }
            : maximum !== undefined
                ? { value: maximum, exclusive: part.exclusiveMaximum === true }
                : undefined;
        const exMin = typeof part.exclusiveMinimum === 'number'
            ? { value: part.exclusiveMinimum, exclusive: true }
            : minimum !== undefined
                ? { value: minimum, exclusive: part.exclusiveMinimum === true }
                : undefined;
        const max = tighterMax(exMax, maximum !== undefined ? { value: maximum, exclusive: false } : undefined);
        const min = tighterMin(exMin, minimum !== undefined ? { value: minimum, exclusive: false } : undefined);
        if (max) {
            shape.max = tighterMax(shape.max, max);
            if (!shape.origin.has('maximum'))
                shape.origin.set('maximum', part);
        }
        if (min) {
            shape.min = tighterMin(shape.min, min);
            if (!shape.origin.has('minimum'))
                shape.origin.set('minimum', part);
        }
        set('minLength', num(part.minLength), part, 'minLength');
        set('maxLength', num(part.maxLength), part, 'maxLength');
        set('minItems', num(part.minItems), part, 'minItems');
        set('maxItems', num(part.maxItems), part, 'maxItems');
        if (typeof part.pattern === 'string')
            set('pattern', part.pattern, part, 'pattern');
        if (part.uniqueItems === true)
            shape.uniqueItems = true;
        if ('default' in part && !shape.hasDefault) {
            shape.hasDefault = true;
            shape.default = part.default;
            shape.origin.set('default', part);
        }
        if (part.readOnly === true)
            shape.readOnly = true;
        if (part.writeOnly === true)
            shape.writeOnly = true;
        if (Array.isArray(part.allOf))
            for (const sub of part.allOf)
                if (shape_isObject(sub))
                    absorb(sub);
        for (const kind of ['oneOf', 'anyOf']) {
            const list = part[kind];
            if (!Array.isArray(list))
                continue;
            // A null variant is OAS 3.1's way of writing nullable; a single remaining variant is just that schema.
            const variants = list.filter((v) => !isNullOnly(v));
            if (variants.length < list.length)
                nullVotes++;
            if (variants.length === 1 && shape_isObject(variants[0]))
                absorb(variants[0]);
            else if (variants.length > 1 && shape[kind] === undefined) {
                shape[kind] = variants;
                shape.origin.set(kind, part);
            }
        }
    };
    absorb(root);
    // Lenient on purpose: `nullable: true` next to an allOf of a non-null $ref is how OAS 3.0 writes a nullable
    // reference, and both sides are read the same way, so only real changes show.
    shape.nullable = nullVotes > 0;
    if (!shape.types) {
        if (propertyParts.size > 0 || shape.additional !== undefined)
            shape.types = new Set(['object']);
        else if (shape.items !== undefined || shape.prefixItems !== undefined)
            shape.types = new Set(['array']);
    }
    for (const [name, parts] of propertyParts) {
        // The same property declared in several allOf parts must satisfy all of them.
        shape.properties.set(name, parts.length === 1 ? parts[0] : { allOf: parts });
    }
    return shape;
}
/** Whether a set of types accepts values of type `t` (an integer is a number). */
const covers = (types, t) => types.has(t) || (t === 'integer' && types.has('number'));

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/schema/additional.ts
// additionalProperties: a request object that closes (false) rejects what clients sent; a response object that
// opens may carry properties clients never saw. Two schemas of additional properties are compared as schemas.


const ADDITIONAL_CHECKS = [
    defineCheck('request-property-additional-properties-restricted', 'error', 'A request object no longer accepts additional properties.'),
    defineCheck('response-property-additional-properties-allowed', 'warning', 'A response object may now carry undeclared properties.')
];
function compareAdditional(c, b, h, path) {
    const req = c.dir === 'request';
    const closed = (v) => v === false;
    if (req && closed(h.additional) && !closed(b.additional))
        c.emit('request-property-additional-properties-restricted', path, 'additionalProperties became false', h, 'additionalProperties');
    if (!req && closed(b.additional) && !closed(h.additional))
        c.emit('response-property-additional-properties-allowed', path, 'additionalProperties is no longer false', h, 'additionalProperties');
    if (shape_isObject(b.additional) && shape_isObject(h.additional))
        c.compare(b.additional, h.additional, path ? `${path}.*` : '*');
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/schema/bounds.ts
// Bounds: numeric ranges, lengths, item counts, patterns and uniqueness. Tightening breaks what clients send;
// loosening breaks what clients read.


const BOUND_CHECKS = [
    defineCheck('request-property-max-decreased', 'error', 'A request maximum (or exclusiveMaximum) was lowered or added.'),
    defineCheck('request-property-min-increased', 'error', 'A request minimum (or exclusiveMinimum) was raised or added.'),
    defineCheck('response-property-max-increased', 'warning', 'A response maximum (or exclusiveMaximum) was raised or removed.'),
    defineCheck('response-property-min-decreased', 'warning', 'A response minimum (or exclusiveMinimum) was lowered or removed.'),
    defineCheck('request-property-max-length-decreased', 'error', 'A request maxLength was lowered or added.'),
    defineCheck('request-property-min-length-increased', 'error', 'A request minLength was raised or added.'),
    defineCheck('response-property-max-length-increased', 'warning', 'A response maxLength was raised or removed.'),
    defineCheck('response-property-min-length-decreased', 'warning', 'A response minLength was lowered or removed.'),
    defineCheck('request-property-max-items-decreased', 'error', 'A request maxItems was lowered or added.'),
    defineCheck('request-property-min-items-increased', 'error', 'A request minItems was raised or added.'),
    defineCheck('response-property-max-items-increased', 'warning', 'A response maxItems was raised or removed.'),
    defineCheck('response-property-min-items-decreased', 'warning', 'A response minItems was lowered or removed.'),
    defineCheck('request-property-pattern-changed', 'error', 'A request pattern was added or changed.'),
    defineCheck('response-property-pattern-changed', 'warning', 'A response pattern was removed or changed.'),
    defineCheck('request-property-unique-items-added', 'error', 'A request array now requires unique items.'),
    defineCheck('response-property-unique-items-removed', 'warning', 'A response array may now contain duplicates.')
];
function compareBounds(c, b, h, path) {
    const req = c.dir === 'request';
    const show = (x) => (x ? `${x.exclusive ? '<' : ''}${x.value}` : '(none)');
    const maxTighter = (x, y) => y !== undefined && (x === undefined || y.value < x.value || (y.value === x.value && y.exclusive && !x.exclusive));
    const minTighter = (x, y) => y !== undefined && (x === undefined || y.value > x.value || (y.value === x.value && y.exclusive && !x.exclusive));
    const maxWhat = `maximum changed from ${show(b.max)} to ${show(h.max)}`;
    const minWhat = `minimum changed from ${show(b.min)} to ${show(h.min)}`;
    if (req && maxTighter(b.max, h.max))
        c.emit('request-property-max-decreased', path, maxWhat, h, 'maximum');
    if (!req && maxTighter(h.max, b.max))
        c.emit('response-property-max-increased', path, maxWhat, h, 'maximum');
    if (req && minTighter(b.min, h.min))
        c.emit('request-property-min-increased', path, minWhat, h, 'minimum');
    if (!req && minTighter(h.min, b.min))
        c.emit('response-property-min-decreased', path, minWhat, h, 'minimum');
    const counts = [
        ['maxLength', 'minLength', 'length'],
        ['maxItems', 'minItems', 'items']
    ];
    for (const [maxKey, minKey, noun] of counts) {
        const bMax = b[maxKey] ?? Infinity;
        const hMax = h[maxKey] ?? Infinity;
        const bMin = b[minKey] ?? 0;
        const hMin = h[minKey] ?? 0;
        const from = (x) => (x === undefined ? '(none)' : String(x));
        const maxWhat = `${maxKey} changed from ${from(b[maxKey])} to ${from(h[maxKey])}`;
        const minWhat = `${minKey} changed from ${from(b[minKey])} to ${from(h[minKey])}`;
        if (req && hMax < bMax)
            c.emit(`request-property-max-${noun}-decreased`, path, maxWhat, h, maxKey);
        if (!req && hMax > bMax)
            c.emit(`response-property-max-${noun}-increased`, path, maxWhat, h, maxKey);
        if (req && hMin > bMin)
            c.emit(`request-property-min-${noun}-increased`, path, minWhat, h, minKey);
        if (!req && hMin < bMin)
            c.emit(`response-property-min-${noun}-decreased`, path, minWhat, h, minKey);
    }
    if (b.pattern !== h.pattern) {
        const what = `pattern changed from ${shape_text(b.pattern)} to ${shape_text(h.pattern)}`;
        if (req && h.pattern !== undefined)
            c.emit('request-property-pattern-changed', path, what, h, 'pattern');
        if (!req && b.pattern !== undefined)
            c.emit('response-property-pattern-changed', path, what, h, 'pattern');
    }
    if (req && h.uniqueItems && !b.uniqueItems)
        c.emit('request-property-unique-items-added', path, 'now requires unique items', h, 'uniqueItems');
    if (!req && b.uniqueItems && !h.uniqueItems)
        c.emit('response-property-unique-items-removed', path, 'no longer guarantees unique items', h);
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/schema/default.ts
// Defaults: a client that omits a value gets the default, so a changed default changes its behaviour.


const DEFAULT_CHECKS = [
    defineCheck('request-property-default-changed', 'warning', 'A request default changed; clients omitting the value get another behaviour.'),
    defineCheck('response-property-default-changed', 'warning', 'A response default changed.')
];
function compareDefault(c, b, h, path) {
    if (!b.hasDefault || !h.hasDefault)
        return;
    if (valueKey(b.default ?? null) === valueKey(h.default ?? null))
        return;
    const id = c.dir === 'request' ? 'request-property-default-changed' : 'response-property-default-changed';
    c.emit(id, path, `default changed from ${shape_text(b.default)} to ${shape_text(h.default)}`, h, 'default');
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/schema/format.ts
// Formats: int32 -> int64 and float -> double widen; any other replacement is incompatible both ways.

const FORMAT_CHECKS = [
    defineCheck('request-property-format-changed', 'error', 'A request format was replaced by an incompatible one.'),
    defineCheck('response-property-format-changed', 'error', 'A response format was replaced by an incompatible one.'),
    defineCheck('request-property-format-widened', 'info', 'A request format was widened (int32 to int64, float to double).'),
    defineCheck('response-property-format-narrowed', 'info', 'A response format was narrowed (int64 to int32, double to float).'),
    defineCheck('request-property-format-added', 'warning', 'A request value gained a format; values that do not match it may be rejected.'),
    defineCheck('request-property-format-removed', 'info', 'A request value lost its format.'),
    defineCheck('response-property-format-added', 'info', 'A response value gained a format.'),
    defineCheck('response-property-format-removed', 'warning', 'A response value lost its format; clients may rely on it.')
];
const FORMAT_WIDENING = { int32: 'int64', float: 'double' };
function compareFormat(c, b, h, path) {
    if (b.format === h.format)
        return;
    const what = `format changed from ${b.format ?? '(none)'} to ${h.format ?? '(none)'}`;
    const req = c.dir === 'request';
    if (b.format === undefined) {
        c.emit(req ? 'request-property-format-added' : 'response-property-format-added', path, what, h, 'format');
    }
    else if (h.format === undefined) {
        c.emit(req ? 'request-property-format-removed' : 'response-property-format-removed', path, what, h);
    }
    else if (FORMAT_WIDENING[b.format] === h.format) {
        c.emit(req ? 'request-property-format-widened' : 'response-property-format-changed', path, what, h, 'format');
    }
    else if (FORMAT_WIDENING[h.format] === b.format) {
        c.emit(req ? 'request-property-format-changed' : 'response-property-format-narrowed', path, what, h, 'format');
    }
    else {
        c.emit(req ? 'request-property-format-changed' : 'response-property-format-changed', path, what, h, 'format');
    }
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/schema/nullable.ts
// Nullability: a response value that may now be null breaks clients that parse it; a request value that no
// longer accepts null breaks clients that send it.

const NULLABLE_CHECKS = [
    defineCheck('response-property-became-nullable', 'error', 'A response value may now be null; typed clients that do not expect null break.'),
    defineCheck('request-property-became-nullable', 'info', 'A request value now accepts null.'),
    defineCheck('request-property-became-not-nullable', 'error', 'A request value no longer accepts null.'),
    defineCheck('response-property-became-not-nullable', 'info', 'A response value is no longer null.')
];
function compareNullable(c, b, h, path) {
    if (b.nullable === h.nullable)
        return;
    const key = h.origin.has('type') ? 'type' : undefined;
    if (h.nullable) {
        const id = c.dir === 'response' ? 'response-property-became-nullable' : 'request-property-became-nullable';
        c.emit(id, path, 'became nullable', h, key);
    }
    else {
        const id = c.dir === 'request' ? 'request-property-became-not-nullable' : 'response-property-became-not-nullable';
        c.emit(id, path, 'is no longer nullable', h, key);
    }
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/schema/renames.ts


const RENAME_CHECKS = [
    defineCheck('request-property-renamed', 'error', 'A request property was renamed (same schema, new name); what clients send under the old name is silently dropped.'),
    defineCheck('response-property-renamed', 'error', 'A response property was renamed (same schema, new name); clients reading the old name no longer find it.')
];
/** Keywords that describe a schema without changing which values it accepts. */
const ANNOTATIONS = new Set(['description', 'title', 'summary', 'example', 'examples', 'externalDocs', '$comment']);
/** Lists whose order carries no meaning. */
const UNORDERED = new Set(['required', 'enum', 'type']);
function remember(pairs, a, b) {
    let seen = pairs.get(a);
    if (!seen)
        pairs.set(a, (seen = new Set()));
    seen.add(b);
}
/**
 * Decides "the same schema" for one comparator run. `different` remembers unequal pairs for good; equal pairs are
 * only remembered once a whole comparison succeeded, because inside one, a pair met again (a cycle) is assumed
 * equal until the comparison ends.
 */
class SchemaEquality {
    equal = new Map();
    different = new Map();
    same(a, b) {
        const assumed = new Map();
        const result = this.walk(a, b, assumed);
        if (result)
            for (const [x, ys] of assumed)
                for (const y of ys)
                    remember(this.equal, x, y);
        return result;
    }
    walk(a, b, assumed) {
        if (a === b)
            return true;
        if (a === undefined || b === undefined || a === null || b === null)
            return false;
        if (typeof a !== 'object' || typeof b !== 'object')
            return false;
        if (this.equal.get(a)?.has(b) || assumed.get(a)?.has(b))
            return true;
        if (this.different.get(a)?.has(b))
            return false;
        remember(assumed, a, b);
        const result = Array.isArray(a) && Array.isArray(b)
            ? this.list(a, b, assumed)
            : !Array.isArray(a) && !Array.isArray(b) && this.object(a, b, assumed);
        if (!result)
            remember(this.different, a, b);
        return result;
    }
    list(a, b, assumed) {
        return a.length === b.length && a.every((item, i) => this.walk(item, b[i], assumed));
    }
    object(x, y, assumed) {
        const keys = (o) => Object.keys(o).filter((k) => !ANNOTATIONS.has(k) && o[k] !== undefined);
        const xKeys = keys(x);
        const yKeys = new Set(keys(y));
        if (xKeys.length !== yKeys.size || !xKeys.every((k) => yKeys.has(k)))
            return false;
        return xKeys.every((k) => {
            const [xv, yv] = [x[k], y[k]];
            if (UNORDERED.has(k) && Array.isArray(xv) && Array.isArray(yv))
                return sameSet(xv, yv);
            return this.walk(xv, yv, assumed);
        });
    }
}
function sameSet(a, b) {
    const keys = (list) => new Set(list.map((v) => valueKey(v)));
    const [x, y] = [keys(a), keys(b)];
    return x.size === y.size && [...x].every((k) => y.has(k));
}
/** A schema that accepts anything (no keyword but annotations) tells nothing about which property it is. */
function saysNothing(node) {
    if (node === true)
        return true;
    return shape_isObject(node) && Object.keys(node).every((k) => ANNOTATIONS.has(k));
}
/** How many properties of an object have this schema. */
function carriers(equality, shape, node) {
    let count = 0;
    for (const other of shape.properties.values())
        if (equality.same(node, other))
            count++;
    return count;
}
/**
 * Pairs the removed and added properties of one object that are the same property renamed: base name -> head
 * name. A pair is made only when its schema is carried by that one property on each side; anything else is left
 * to be reported as removed or added.
 */
function pairRenames(equality, b, h, removed, added) {
    const renames = new Map();
    for (const from of removed) {
        const bNode = b.properties.get(from);
        if (saysNothing(bNode))
            continue;
        const to = added.find((name) => equality.same(bNode, h.properties.get(name)));
        if (to === undefined || b.required.has(from) !== h.required.has(to))
            continue;
        if (carriers(equality, b, bNode) === 1 && carriers(equality, h, h.properties.get(to)) === 1)
            renames.set(from, to);
    }
    return renames;
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/schema/properties.ts
// Object properties: removed, added, and required-ness, each judged by who sends the object; every property
// both sides have is then compared as a schema of its own. readOnly/writeOnly (access.ts) decide which
// properties belong to a direction at all; additionalProperties is additional.ts; a removed and an added property
// of the same schema are paired as a rename by renames.ts.





const PROPERTY_CHECKS = [
    defineCheck('response-property-removed', 'error', 'A response property was removed; clients reading it break.'),
    defineCheck('request-property-removed', 'warning', 'A request property was removed; servers may reject clients still sending it.'),
    defineCheck('new-required-request-property', 'error', 'A new required request property; existing clients do not send it.'),
    defineCheck('new-optional-request-property', 'info', 'A new optional request property.'),
    defineCheck('response-property-added', 'info', 'A new response property.'),
    defineCheck('request-property-became-required', 'error', 'An optional request property became required.'),
    defineCheck('request-property-became-optional', 'info', 'A required request property became optional.'),
    defineCheck('response-property-became-optional', 'error', 'A required response property became optional; typed clients that rely on it break when it is missing.'),
    defineCheck('response-property-became-required', 'info', 'An optional response property became required.')
];
function compareObject(c, b, h, path) {
    const req = c.dir === 'request';
    const absent = (s) => outOfDirection(c, s);
    const child = (name) => (path ? `${path}.${name}` : name);
    const names = [...new Set([...b.properties.keys(), ...h.properties.keys()])];
    // Properties one side has, within the direction's contract; a removed and an added one of the same schema are
    // one property renamed (renames.ts).
    const only = (side, other) => new Set(names.filter((name) => {
        const node = side.properties.get(name);
        if (node === undefined || other.properties.has(name))
            return false;
        return !(shape_isObject(node) && absent(c.shape(node)));
    }));
    const removed = only(b, h);
    const added = only(h, b);
    const renames = pairRenames(c.equality, b, h, [...removed], [...added]);
    const renamedTo = new Set(renames.values());
    for (const name of names) {
        const bNode = b.properties.get(name);
        const hNode = h.properties.get(name);
        const at = child(name);
        if (bNode !== undefined && hNode === undefined) {
            if (!removed.has(name))
                continue;
            const to = renames.get(name);
            if (to !== undefined) {
                const id = req ? 'request-property-renamed' : 'response-property-renamed';
                c.emitRemoved(id, at, `renamed to "${to}"`, b, `properties.${name}`, h, `properties.${to}`);
                continue;
            }
            c.emitRemoved(req ? 'request-property-removed' : 'response-property-removed', at, 'removed', b, `properties.${name}`, h, 'properties');
            continue;
        }
        if (bNode === undefined && hNode !== undefined) {
            if (!added.has(name) || renamedTo.has(name))
                continue;
            if (!req)
                c.emit('response-property-added', at, 'added', h, `properties.${name}`);
            else if (h.required.has(name))
                c.emit('new-required-request-property', at, 'added as required', h, `properties.${name}`);
            else
                c.emit('new-optional-request-property', at, 'added as optional', h, `properties.${name}`);
            continue;
        }
        const bs = shape_isObject(bNode) ? c.shape(bNode) : undefined;
        const hs = shape_isObject(hNode) ? c.shape(hNode) : undefined;
        if (bs && hs) {
            if (absent(bs) && absent(hs))
                continue;
            if (compareAccess(c, bs, hs, at))
                continue;
        }
        const bReq = b.required.has(name);
        const hReq = h.required.has(name);
        if (bReq !== hReq) {
            const id = req
                ? hReq
                    ? 'request-property-became-required'
                    : 'request-property-became-optional'
                : hReq
                    ? 'response-property-became-required'
                    : 'response-property-became-optional';
            c.emit(id, at, hReq ? 'became required' : 'became optional', h, `properties.${name}`);
        }
        c.compare(bNode, hNode, at);
    }
    compareAdditional(c, b, h, path);
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/schema/type.ts
// Types: a request type that no longer accepts a kind of value, or a response type that may carry a new kind.


const TYPE_CHECKS = [
    defineCheck('request-property-type-changed', 'error', 'A request type no longer accepts values it accepted.'),
    defineCheck('response-property-type-changed', 'error', 'A response type may now carry values of a type clients do not expect.'),
    defineCheck('request-property-type-widened', 'info', 'A request type accepts more (e.g. integer to number).'),
    defineCheck('response-property-type-narrowed', 'info', 'A response type carries fewer kinds of values (e.g. number to integer).')
];
/** Returns false when the types are incompatible, since checks of type-specific keywords would be noise. */
function compareTypes(c, b, h, path) {
    if (!b.types || !h.types)
        return true;
    const lost = [...b.types].filter((t) => !covers(h.types, t));
    const gained = [...h.types].filter((t) => !covers(b.types, t));
    if (lost.length === 0 && gained.length === 0)
        return true;
    const what = `type changed from ${[...b.types].join('|')} to ${[...h.types].join('|')}`;
    if (c.dir === 'request') {
        if (lost.length > 0) {
            c.emit('request-property-type-changed', path, what, h, 'type');
            return false;
        }
        c.emit('request-property-type-widened', path, what, h, 'type');
    }
    else {
        if (gained.length > 0) {
            c.emit('response-property-type-changed', path, what, h, 'type');
            return false;
        }
        c.emit('response-property-type-narrowed', path, what, h, 'type');
    }
    return true;
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/schema/values.ts
// Enum and const values: what a request may send (fewer values break clients) and what a response may carry
// (more values break clients).


const VALUE_CHECKS = [
    defineCheck('request-property-enum-value-removed', 'error', 'A request enum value was removed; clients sending it break.'),
    defineCheck('response-property-enum-value-removed', 'info', 'A response enum value was removed.'),
    defineCheck('request-property-enum-value-added', 'info', 'A request enum value was added.'),
    defineCheck('response-property-enum-value-added', 'warning', 'A response enum value was added; clients may not handle it.'),
    defineCheck('request-property-became-enum', 'error', 'A free request value was restricted to an enum or const.'),
    defineCheck('response-property-became-not-enum', 'warning', 'A response value is no longer restricted to an enum or const.'),
    defineCheck('request-property-const-changed', 'error', 'A request const changed.'),
    defineCheck('response-property-const-changed', 'error', 'A response const changed.')
];
function compareValues(c, b, h, path) {
    const req = c.dir === 'request';
    if (!b.values && !h.values)
        return;
    if (!b.values) {
        if (req)
            c.emit('request-property-became-enum', path, `restricted to ${shape_text(h.values)}`, h, h.isConst ? 'const' : 'enum');
        return;
    }
    if (!h.values) {
        if (!req)
            c.emit('response-property-became-not-enum', path, `no longer restricted to ${shape_text(b.values)}`, h);
        return;
    }
    if (b.isConst && h.isConst) {
        if (valueKey(b.values[0]) !== valueKey(h.values[0])) {
            const id = req ? 'request-property-const-changed' : 'response-property-const-changed';
            c.emit(id, path, `const changed from ${shape_text(b.values[0])} to ${shape_text(h.values[0])}`, h, 'const');
        }
        return;
    }
    const bKeys = new Set(b.values.map(valueKey));
    const hKeys = new Set(h.values.map(valueKey));
    const key = h.isConst ? 'const' : 'enum';
    for (const v of b.values) {
        if (hKeys.has(valueKey(v)))
            continue;
        const id = req ? 'request-property-enum-value-removed' : 'response-property-enum-value-removed';
        c.emit(id, path, `enum value ${shape_text(v)} removed`, h, key);
    }
    for (const v of h.values) {
        if (bKeys.has(valueKey(v)))
            continue;
        const id = req ? 'request-property-enum-value-added' : 'response-property-enum-value-added';
        c.emit(id, path, `enum value ${shape_text(v)} added`, h, key);
    }
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/schema/variants.ts


const VARIANT_CHECKS = [
    defineCheck('request-property-one-of-variant-removed', 'error', 'A oneOf variant accepted in requests was removed.'),
    defineCheck('request-property-one-of-variant-added', 'info', 'A oneOf variant was added to a request schema.'),
    defineCheck('response-property-one-of-variant-added', 'warning', 'A response may now be of a new oneOf variant.'),
    defineCheck('response-property-one-of-variant-removed', 'info', 'A oneOf variant was removed from a response schema.'),
    defineCheck('request-property-any-of-variant-removed', 'error', 'An anyOf variant accepted in requests was removed.'),
    defineCheck('request-property-any-of-variant-added', 'info', 'An anyOf variant was added to a request schema.'),
    defineCheck('response-property-any-of-variant-added', 'warning', 'A response may now match a new anyOf variant.'),
    defineCheck('response-property-any-of-variant-removed', 'info', 'An anyOf variant was removed from a response schema.')
];
/** A variant in messages: its component name, else its type and values or property names. */
function describe(c, node, spec) {
    const name = spec.componentName(node);
    if (name)
        return name;
    if (!shape_isObject(node))
        return JSON.stringify(node);
    const s = c.shape(node);
    const type = s.types ? [...s.types].join('|') : 'any';
    if (s.values)
        return `${type} ${shape_text(s.isConst ? s.values[0] : s.values)}`;
    if (s.properties.size > 0)
        return `${type} {${[...s.properties.keys()].join(', ')}}`;
    return type;
}
/** How alike two variants are, or -1 when they cannot be the same variant. */
function similarity(c, base, head) {
    if (base === head)
        return 1000;
    if (!shape_isObject(base) || !shape_isObject(head))
        return -1;
    const b = c.shape(base);
    const h = c.shape(head);
    if (b.types && h.types) {
        const overlap = [...b.types].some((t) => covers(h.types, t)) || [...h.types].some((t) => covers(b.types, t));
        if (!overlap)
            return -1;
    }
    let score = 1;
    const names = new Set([...b.properties.keys(), ...h.properties.keys()]);
    let shared = 0;
    for (const name of names) {
        const bp = b.properties.get(name);
        const hp = h.properties.get(name);
        if (bp === undefined || hp === undefined)
            continue;
        shared++;
        // A discriminating single-valued property (kind: const 'cat') decides which variant is which.
        const bv = shape_isObject(bp) ? c.shape(bp) : undefined;
        const hv = shape_isObject(hp) ? c.shape(hp) : undefined;
        if (bv?.values?.length === 1 && hv?.values?.length === 1) {
            if (valueKey(bv.values[0]) !== valueKey(hv.values[0]))
                return -1;
            score += 10;
        }
    }
    if (names.size > 0) {
        if (shared === 0)
            return -1;
        score += (10 * shared) / names.size;
    }
    if (b.values && h.values) {
        const hKeys = new Set(h.values.map(valueKey));
        if (!b.values.some((v) => hKeys.has(valueKey(v))))
            return -1;
    }
    return score;
}
function compareVariants(c, kind, bList, hList, path, b, h) {
    const scored = [];
    bList.forEach((bv, i) => hList.forEach((hv, j) => {
        const score = similarity(c, bv, hv);
        if (score >= 0)
            scored.push({ i, j, score });
    }));
    scored.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
    const bUsed = new Map();
    const hUsed = new Set();
    for (const { i, j } of scored) {
        if (bUsed.has(i) || hUsed.has(j))
            continue;
        bUsed.set(i, j);
        hUsed.add(j);
    }
    const slug = kind === 'oneOf' ? 'one-of' : 'any-of';
    bList.forEach((bv, i) => {
        if (bUsed.has(i))
            return;
        const id = `${c.dir}-property-${slug}-variant-removed`;
        c.emitRemoved(id, path, `${kind} variant ${describe(c, bv, c.ctx.base)} removed`, b, kind, h, kind);
    });
    hList.forEach((hv, j) => {
        if (hUsed.has(j))
            return;
        const id = `${c.dir}-property-${slug}-variant-added`;
        c.emit(id, path, `${kind} variant ${describe(c, hv, c.ctx.head)} added`, h, kind);
    });
    for (const [i, j] of bUsed) {
        const at = hList.length > 1 ? `${path}${path ? '.' : ''}${kind}[${j}]` : path;
        c.compare(bList[i], hList[j], at, true);
    }
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/schema/registry.ts











const SCHEMA_CHECKS = [
    ...PROPERTY_CHECKS,
    ...RENAME_CHECKS,
    ...TYPE_CHECKS,
    ...FORMAT_CHECKS,
    ...NULLABLE_CHECKS,
    ...VALUE_CHECKS,
    ...BOUND_CHECKS,
    ...DEFAULT_CHECKS,
    ...ACCESS_CHECKS,
    ...ADDITIONAL_CHECKS,
    ...VARIANT_CHECKS
];
/** The same checks with a title per family, for the checks reference page (contract-test/CHECKS.md). */
const SCHEMA_FAMILIES = [
    { title: 'properties', checks: PROPERTY_CHECKS },
    { title: 'renamed properties', checks: RENAME_CHECKS },
    { title: 'types', checks: TYPE_CHECKS },
    { title: 'formats', checks: FORMAT_CHECKS },
    { title: 'nullable', checks: NULLABLE_CHECKS },
    { title: 'enums and constants', checks: VALUE_CHECKS },
    { title: 'bounds', checks: BOUND_CHECKS },
    { title: 'defaults', checks: DEFAULT_CHECKS },
    { title: 'read-only and write-only', checks: ACCESS_CHECKS },
    { title: 'additional properties', checks: ADDITIONAL_CHECKS },
    { title: 'oneOf and anyOf variants', checks: VARIANT_CHECKS }
];
const SCHEMA_LEVELS = new Map(SCHEMA_CHECKS.map((c) => [c.id, c.level]));

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/outgoing.ts







/** `request` <-> `response` in a schema check id: the direction the comparator judged it in, swapped. */
function swapDirection(id) {
    return id.replace(/\b(request|response)\b/, (word) => (word === 'request' ? 'response' : 'request'));
}
function operationChecks(kind, extra) {
    const c = (suffix, level, description) => defineCheck(`${kind}-${suffix}`, level, description);
    const a = kind === 'webhook' ? 'A webhook' : 'A callback';
    return [
        c('removed', 'error', `${a} operation was removed without being deprecated first: receivers no longer get it`),
        c('removed-after-deprecation', 'info', `A deprecated ${kind} operation was removed`),
        c('added', 'info', `${a} operation was added`),
        c('deprecated', 'info', `${a} operation became deprecated`),
        c('operation-id-changed', 'warning', `The operationId of ${kind} operation changed (generated handler names change)`),
        ...extra,
        c('required-request-parameter-removed', 'error', `The API no longer sends a parameter ${kind} receivers always got`),
        c('optional-request-parameter-removed', 'warning', `The API no longer sends an optional ${kind} parameter`),
        c('request-parameter-added', 'info', `The API sends a new ${kind} parameter (receivers may ignore it)`),
        c('request-parameter-became-required', 'info', `A ${kind} parameter is now always sent`),
        c('request-parameter-became-optional', 'warning', `A ${kind} parameter receivers always got may now be missing`),
        c('request-parameter-location-changed', 'error', `A ${kind} parameter moved, e.g. from query to header`),
        c('request-parameter-style-changed', 'warning', `A ${kind} parameter serialisation style changed`),
        c('request-parameter-explode-changed', 'warning', `A ${kind} parameter explode setting changed`),
        c('request-parameter-deprecated', 'info', `A ${kind} parameter became deprecated`),
        c('request-body-removed', 'error', `The API no longer sends the ${kind} request body`),
        c('request-body-added', 'info', `The API now sends a ${kind} request body`),
        c('request-body-became-optional', 'warning', `The ${kind} request body may now be missing`),
        c('request-body-became-required', 'info', `The ${kind} request body is now always sent`),
        c('request-body-media-type-added', 'warning', `The API may send a ${kind} body in a media type receivers never got`),
        c('request-body-media-type-removed', 'info', `The API no longer sends a ${kind} body media type`),
        c('response-success-status-removed', 'warning', `A success status receivers answer ${kind} requests with is no longer documented: the API may treat it as a failure`),
        c('response-non-success-status-removed', 'info', `A non-success status of ${kind} receivers is no longer documented`),
        c('response-status-added', 'info', `A status receivers may answer ${kind} requests with was added`),
        c('response-media-type-removed', 'error', `The API no longer accepts a media type receivers answer ${kind} requests in`),
        c('response-media-type-added', 'info', `The API accepts a new media type in ${kind} responses`),
        c('new-required-response-header', 'error', `The API now requires a header in ${kind} responses`),
        c('new-optional-response-header', 'info', `A header receivers may send in ${kind} responses was added`),
        c('response-header-became-required', 'error', `A header of ${kind} responses became required`),
        c('response-header-became-optional', 'info', `A header of ${kind} responses became optional`),
        c('response-header-removed', 'info', `A header of ${kind} responses is no longer read`)
    ];
}
const CALLBACK_ONLY_CHECKS = [
    defineCheck('callback-expression-changed', 'error', 'The runtime expression giving a callback URL changed: the API calls another URL than clients registered')
];
function schemaChecks(kind) {
    return SCHEMA_CHECKS.map((check) => {
        const sentByApi = /\bresponse\b/.test(check.id);
        const message = sentByApi
            ? `In a ${kind} request (the API sends it: judged as \`${check.id}\`)`
            : `In a ${kind} response (the receiver sends it: judged as \`${check.id}\`)`;
        return defineCheck(`${kind}-${swapDirection(check.id)}`, check.level, `${message}: ${check.description}`);
    });
}
const OUTGOING_CHECKS = [
    ...operationChecks('webhook', []),
    ...schemaChecks('webhook'),
    ...operationChecks('callback', CALLBACK_ONLY_CHECKS),
    ...schemaChecks('callback')
];
function vocabulary(kind) {
    const id = (suffix) => `${kind}-${suffix}`;
    return {
        requestDirection: 'response',
        responseDirection: 'request',
        schemaId: (schemaId) => id(swapDirection(schemaId)),
        parameterRemoved: (required) => id(required ? 'required-request-parameter-removed' : 'optional-request-parameter-removed'),
        parameterAdded: () => id('request-parameter-added'),
        parameterBecameRequired: id('request-parameter-became-required'),
        parameterBecameOptional: id('request-parameter-became-optional'),
        parameterLocationChanged: id('request-parameter-location-changed'),
        parameterStyleChanged: id('request-parameter-style-changed'),
        parameterExplodeChanged: id('request-parameter-explode-changed'),
        parameterDeprecated: id('request-parameter-deprecated'),
        bodyAdded: () => id('request-body-added'),
        bodyRemoved: id('request-body-removed'),
        bodyBecameRequired: id('request-body-became-required'),
        bodyBecameOptional: id('request-body-became-optional'),
        bodyMediaTypeRemoved: id('request-body-media-type-removed'),
        bodyMediaTypeAdded: id('request-body-media-type-added'),
        statusRemoved: (success) => id(success ? 'response-success-status-removed' : 'response-non-success-status-removed'),
        statusAdded: () => id('response-status-added'),
        responseMediaTypeRemoved: id('response-media-type-removed'),
        responseMediaTypeAdded: id('response-media-type-added'),
        headerRemoved: () => id('response-header-removed'),
        headerAdded: (required) => id(required ? 'new-required-response-header' : 'new-optional-response-header'),
        headerBecameOptional: id('response-header-became-optional'),
        headerBecameRequired: id('response-header-became-required'),
        links: false
    };
}
const VOCABULARIES = { webhook: vocabulary('webhook'), callback: vocabulary('callback') };
function outgoing_reportRemoved(e, kind, where, [item, op], parent) {
    const label = opLabel(where);
    const was = [[item, where.method], [op]];
    if (op.deprecated === true)
        e.removed(`${kind}-removed-after-deprecation`, where, `deprecated ${label} was removed`, was, parent);
    else
        e.removed(`${kind}-removed`, where, `${label} was removed without being deprecated first: receivers no longer get it`, was, parent);
}
/** Compares one path item the API calls (a webhook, or a callback's URL expression) method by method. */
function diffItem(e, compare, kind, whereOf, baseItem, headItem, itemParent) {
    // Shared (and cyclic, through callbacks of callbacks) path items are compared once per pair.
    if (!e.firstVisit(baseItem, headItem))
        return;
    const v = VOCABULARIES[kind];
    const headOps = new Map(operationsOf(headItem));
    for (const [method, baseOp] of operationsOf(baseItem)) {
        const where = whereOf(method);
        const headOp = headOps.get(method);
        if (!headOp) {
            outgoing_reportRemoved(e, kind, where, [baseItem, baseOp], itemParent);
            continue;
        }
        const label = opLabel(where);
        if (baseOp.deprecated !== true && headOp.deprecated === true)
            e.emit(`${kind}-deprecated`, where, `${label} became deprecated`, [headOp, 'deprecated'], [headOp]);
        const baseId = str(baseOp.operationId);
        const headId = str(headOp.operationId);
        if (baseId !== undefined && headId !== baseId) {
            const message = `operationId of ${label} changed from "${baseId}" to ${headId ? `"${headId}"` : 'none'}`;
            e.emit(`${kind}-operation-id-changed`, where, message, [headOp, 'operationId'], [headOp]);
        }
        diffParameters(e, v, where, compare, effectiveParameters(baseItem, baseOp), effectiveParameters(headItem, headOp), headItem, headOp);
        diffRequestBody(e, v, where, compare, headOp, requestBodyOf(e.base, baseItem, baseOp), requestBodyOf(e.head, headItem, headOp));
        diffResponses(e, v, where, compare, baseOp, headOp);
        diffCallbacks(e, compare, where, baseOp, headOp);
    }
    for (const [method, headOp] of headOps) {
        if (isObject(baseItem[method]))
            continue;
        e.emit(`${kind}-added`, whereOf(method), `${opLabel(whereOf(method))} was added`, [headOp]);
    }
}
/** OAS 3.1 `webhooks`: named path items the API calls on its users' receivers. */
function diffWebhooks(e, compare) {
    const base = obj(e.base.document.webhooks);
    const head = obj(e.head.document.webhooks);
    const parent = [[e.head.document, 'webhooks'], [e.head.document]];
    const whereOf = (name) => (method) => ({ path: `webhook ${name}`, method, label: `webhook "${name}" (${method.toUpperCase()})` });
    for (const [name, raw] of Object.entries(base)) {
        const baseItem = obj(raw);
        const headItem = head[name];
        if (!isObject(headItem)) {
            for (const [method, op] of operationsOf(baseItem))
                outgoing_reportRemoved(e, 'webhook', whereOf(name)(method), [baseItem, op], parent);
            continue;
        }
        diffItem(e, compare, 'webhook', whereOf(name), baseItem, headItem, [[head, name], [headItem], ...parent]);
    }
    for (const [name, raw] of Object.entries(head)) {
        if (isObject(base[name]))
            continue;
        for (const [method, op] of operationsOf(obj(raw)))
            e.emit('webhook-added', whereOf(name)(method), `${opLabel(whereOf(name)(method))} was added`, [op]);
    }
}
/** The URL expressions of one Callback Object (its other keys are `x-` extensions). */
function expressions(callback) {
    return new Map(Object.entries(callback)
        .filter(([key, value]) => !key.startsWith('x-') && isObject(value))
        .map(([key, value]) => [key, value]));
}
/** `callbacks` of an operation (of the API, a webhook or another callback): named maps of URL expression to path item. */
function diffCallbacks(e, compare, owner, baseOp, headOp) {
    const base = obj(baseOp.callbacks);
    const head = obj(headOp.callbacks);
    const parent = [[headOp, 'callbacks'], [headOp]];
    const whereOf = (name, expression) => (method) => ({
        ...(owner.path !== undefined && { path: owner.path }),
        ...(owner.method !== undefined && { method: owner.method }),
        label: `callback "${name}" (${method.toUpperCase()} ${expression}) of ${opLabel(owner)}`
    });
    for (const [name, raw] of Object.entries(base)) {
        const baseExpressions = expressions(obj(raw));
        const headCallback = head[name];
        if (!isObject(headCallback)) {
            for (const [expression, item] of baseExpressions)
                for (const [method, op] of operationsOf(item))
                    outgoing_reportRemoved(e, 'callback', whereOf(name, expression)(method), [item, op], parent);
            continue;
        }
        const headExpressions = expressions(headCallback);
        const callbackParent = [[head, name], [headCallback], ...parent];
        const unmatchedBase = [...baseExpressions.keys()].filter((x) => !headExpressions.has(x));
        const unmatchedHead = [...headExpressions.keys()].filter((x) => !baseExpressions.has(x));
        // One expression on each side that differs: the same callback now goes to another URL.
        const moved = unmatchedBase.length === 1 && unmatchedHead.length === 1;
        if (moved) {
            const [from, to] = [unmatchedBase[0], unmatchedHead[0]];
            const message = `the URL of callback "${name}" of ${opLabel(owner)} changed from ${from} to ${to}`;
            e.emit('callback-expression-changed', owner, message, [headCallback, to], ...callbackParent);
            diffItem(e, compare, 'callback', whereOf(name, to), baseExpressions.get(from), headExpressions.get(to), [
                [headCallback, to],
                ...callbackParent
            ]);
        }
        for (const [expression, baseItem] of baseExpressions) {
            const headItem = headExpressions.get(expression);
            if (headItem) {
                const itemParent = [[headCallback, expression], [headItem], ...callbackParent];
                diffItem(e, compare, 'callback', whereOf(name, expression), baseItem, headItem, itemParent);
            }
            else if (!moved) {
                for (const [method, op] of operationsOf(baseItem))
                    outgoing_reportRemoved(e, 'callback', whereOf(name, expression)(method), [baseItem, op], callbackParent);
            }
        }
        if (moved)
            continue;
        for (const [expression, headItem] of headExpressions) {
            if (baseExpressions.has(expression))
                continue;
            for (const [method, op] of operationsOf(headItem))
                e.emit('callback-added', whereOf(name, expression)(method), `${opLabel(whereOf(name, expression)(method))} was added`, [op]);
        }
    }
    for (const [name, raw] of Object.entries(head)) {
        if (isObject(base[name]))
            continue;
        for (const [expression, item] of expressions(obj(raw)))
            for (const [method, op] of operationsOf(item))
                e.emit('callback-added', whereOf(name, expression)(method), `${opLabel(whereOf(name, expression)(method))} was added`, [op]);
    }
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/security.ts



const SECURITY_CHECKS = [
    defineCheck('security-requirement-added', 'error', 'A security requirement clients do not yet satisfy was added'),
    defineCheck('security-alternative-added', 'info', 'A new security alternative was added; old ones still work'),
    defineCheck('security-alternative-removed', 'error', 'A security alternative clients use was removed'),
    defineCheck('security-requirement-removed', 'info', 'A security requirement was removed or relaxed'),
    defineCheck('security-scope-added', 'error', 'An OAuth/OpenID scope was added to a security requirement'),
    defineCheck('security-scope-removed', 'info', 'A scope was removed from a security requirement'),
    defineCheck('security-scheme-removed', 'warning', 'A security scheme definition was removed from the components'),
    defineCheck('security-scheme-type-changed', 'error', 'A security scheme changed its type or location'),
    defineCheck('security-scheme-added', 'info', 'A security scheme definition was added')
];
/** An absent or empty list means anonymous access, which is the alternative `{}`. */
function alternatives(value) {
    const list = arr(value).filter(isObject);
    if (list.length === 0)
        return [new Map()];
    return list.map((req) => new Map(Object.entries(req).map(([k, v]) => [k, new Set(arr(v).map(String))])));
}
function keyOf(alt) {
    return [...alt.keys()].sort().join(' + ');
}
function describeAlt(alt) {
    return alt.size === 0 ? 'anonymous access' : `{${keyOf(alt)}}`;
}
/** A client that satisfies `client` also satisfies `required` when every scheme and scope asked is held. */
function satisfies(client, required) {
    for (const [scheme, scopes] of required) {
        const held = client.get(scheme);
        if (!held)
            return false;
        for (const scope of scopes)
            if (!held.has(scope))
                return false;
    }
    return true;
}
function diffSecurity(e, where, scope, baseValue, headValue, headNode, baseNode) {
    const base = alternatives(baseValue);
    const head = alternatives(headValue);
    const stranded = base.filter((b) => !head.some((h) => satisfies(b, h)));
    const baseKeys = new Map(base.map((a) => [keyOf(a), a]));
    const headKeys = new Map(head.map((a) => [keyOf(a), a]));
    const at = [[headNode, 'security'], [headNode]];
    const baseAt = [[baseNode, 'security'], [baseNode]];
    for (const [key, alt] of headKeys) {
        const before = baseKeys.get(key);
        if (before) {
            for (const [scheme, scopes] of alt) {
                const was = before.get(scheme) ?? new Set();
                const extra = [...scopes].filter((s) => !was.has(s));
                const dropped = [...was].filter((s) => !scopes.has(s));
                if (extra.length > 0) {
                    e.emit('security-scope-added', where, `${scope} requirement ${scheme} now needs scope(s) ${extra.join(', ')}`, ...at);
                }
                if (dropped.length > 0) {
                    e.emit('security-scope-removed', where, `${scope} requirement ${scheme} no longer needs scope(s) ${dropped.join(', ')}`, ...at);
                }
            }
            continue;
        }
        if (alt.size === 0)
            continue;
        // Dropping a scheme from an AND-requirement shows up as a new, smaller alternative: report it as a removal.
        const relaxes = base.some((b) => !headKeys.has(keyOf(b)) && satisfies(b, alt));
        if (relaxes && stranded.length === 0)
            continue;
        if (stranded.length > 0) {
            const from = base.map(describeAlt).join(' or ');
            e.emit('security-requirement-added', where, `${scope} now requires ${describeAlt(alt)} (was ${from})`, ...at);
        }
        else {
            e.emit('security-alternative-added', where, `${scope} now also accepts ${describeAlt(alt)}`, ...at);
        }
    }
    const newAlternatives = [...headKeys.keys()].some((k) => !baseKeys.has(k) && k !== '');
    for (const [key, alt] of baseKeys) {
        if (headKeys.has(key))
            continue;
        if (!stranded.includes(alt)) {
            e.emit('security-requirement-removed', where, `${scope} no longer requires ${describeAlt(alt)}`, ...at);
        }
        else if (!newAlternatives) {
            e.removed('security-alternative-removed', where, `${scope} no longer accepts ${describeAlt(alt)}`, baseAt, at);
        }
    }
}
function schemesOf(spec) {
    return spec.version === '2.0'
        ? obj(spec.document.securityDefinitions)
        : obj(obj(spec.document.components).securitySchemes);
}
/** Where head keeps its scheme definitions, for a removed one. */
function schemesParents(spec) {
    const doc = spec.document;
    if (spec.version === '2.0')
        return [[doc, 'securityDefinitions'], [doc]];
    const components = obj(doc.components);
    return [[components, 'securitySchemes'], [doc, 'components'], [doc]];
}
function diffSecuritySchemes(e) {
    const base = schemesOf(e.base);
    const head = schemesOf(e.head);
    for (const [name, raw] of Object.entries(base)) {
        const scheme = obj(raw);
        const headScheme = head[name];
        if (!isObject(headScheme)) {
            e.removed('security-scheme-removed', {}, `security scheme "${name}" was removed`, [[base, name], [scheme]], schemesParents(e.head));
            continue;
        }
        const shape = (s) => [s.type, s.in, s.name, s.scheme].map((v) => (0,lib_text/* textOf */.b)(v ?? '')).join('/');
        if (shape(scheme) !== shape(headScheme)) {
            const message = `security scheme "${name}" changed from ${shape(scheme)} to ${shape(headScheme)}`;
            e.emit('security-scheme-type-changed', {}, message, [headScheme, 'type'], [headScheme]);
        }
    }
    for (const [name, raw] of Object.entries(head)) {
        if (name in base)
            continue;
        e.emit('security-scheme-added', {}, `security scheme "${name}" was added`, [head, name], [raw]);
    }
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/servers.ts


const SERVER_CHECKS = [
    defineCheck('server-url-changed', 'error', 'The base path of a server (or basePath) changed'),
    defineCheck('server-host-changed', 'warning', 'The host of a server changed while its base path stayed'),
    defineCheck('server-removed', 'warning', 'A server was removed'),
    defineCheck('server-added', 'info', 'A server was added'),
    defineCheck('server-scheme-removed', 'warning', 'A transfer scheme (OAS 2.0 schemes) was removed')
];
function parseServer(url, node) {
    const rest = url.replace(/^[a-z{}][a-z0-9+.\-{}]*:\/\//i, '//');
    let host = '';
    let path = rest;
    if (rest.startsWith('//')) {
        const slash = rest.indexOf('/', 2);
        host = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
        path = slash < 0 ? '' : rest.slice(slash);
    }
    path = path.replace(/\/+$/, '') || '/';
    return { url, host: host.toLowerCase(), path, node };
}
function documentServers(spec) {
    const doc = spec.document;
    if (spec.version === '2.0') {
        const host = str(doc.host) ?? '';
        return { servers: [parseServer(`//${host}${str(doc.basePath) ?? '/'}`, doc)], owner: doc };
    }
    return { servers: serverList(doc.servers, doc), owner: doc };
}
function serverList(value, fallback) {
    const list = arr(value).filter(isObject);
    // With no servers the spec's base URL is "/" (OAS 3).
    if (list.length === 0)
        return [parseServer('/', fallback)];
    return list.map((s) => parseServer(str(s.url) ?? '/', s));
}
/** The servers an operation is called on: its own, else its path item's, else the document's (OAS 3). */
function operationServers(spec, item, op) {
    if (arr(op.servers).length > 0)
        return { servers: serverList(op.servers, op), owner: op };
    if (arr(item.servers).length > 0)
        return { servers: serverList(item.servers, item), owner: item };
    return undefined;
}
function diffServerLists(e, where, baseList, headList) {
    const base = baseList.servers;
    const head = headList.servers;
    const scope = where.path === undefined ? '' : ` for ${opLabel(where)}`;
    const parent = [[headList.owner, 'servers'], [headList.owner]];
    const unmatchedHead = head.filter((h) => !base.some((b) => b.url === h.url));
    const taken = new Set();
    for (const b of base) {
        if (head.some((h) => h.url === b.url))
            continue;
        const pick = (test) => unmatchedHead.find((h) => !taken.has(h) && test(h));
        const partner = pick((h) => h.host === b.host) ??
            pick((h) => h.path === b.path) ??
            (base.length === 1 ? pick(() => true) : undefined);
        if (!partner) {
            e.removed('server-removed', where, `server ${b.url} was removed${scope}`, [[b.node, 'url'], [b.node]], parent);
            continue;
        }
        taken.add(partner);
        if (partner.path !== b.path) {
            const message = `base path${scope} changed from ${b.path} to ${partner.path} (server ${b.url} -> ${partner.url})`;
            const key = e.head.version === '2.0' ? 'basePath' : 'url';
            e.emit('server-url-changed', where, message, [partner.node, key], [partner.node], ...parent);
        }
        else if (partner.host !== b.host) {
            const message = `server host${scope} changed from ${b.host || '(none)'} to ${partner.host || '(none)'} (${b.url} -> ${partner.url})`;
            const key = e.head.version === '2.0' ? 'host' : 'url';
            e.emit('server-host-changed', where, message, [partner.node, key], [partner.node], ...parent);
        }
    }
    for (const h of unmatchedHead) {
        if (taken.has(h))
            continue;
        e.emit('server-added', where, `server ${h.url} was added${scope}`, [h.node, 'url'], [h.node], ...parent);
    }
}
function diffServers(e) {
    diffServerLists(e, {}, documentServers(e.base), documentServers(e.head));
    if (e.base.version === '2.0' && e.head.version === '2.0') {
        const headSchemes = new Set(arr(e.head.document.schemes).map(String));
        if (headSchemes.size > 0) {
            for (const scheme of arr(e.base.document.schemes).map(String)) {
                if (!headSchemes.has(scheme)) {
                    e.emit('server-scheme-removed', {}, `scheme ${scheme} is no longer served`, [e.head.document, 'schemes']);
                }
            }
        }
    }
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/registry.ts









/** The checks of the API's own operations (everything outside a schema). */
const OPERATION_CHECKS = [
    ...ENDPOINT_CHECKS,
    ...PARAMETER_CHECKS,
    ...REQUEST_BODY_CHECKS,
    ...RESPONSE_CHECKS,
    ...SECURITY_CHECKS,
    ...SERVER_CHECKS,
    ...LINK_CHECKS
];

/** Every check, as `contract-test checks` lists them. */
const ALL_CHECKS = [...OPERATION_CHECKS, ...SCHEMA_CHECKS, ...OUTGOING_CHECKS];
/** ALL_CHECKS again, family by family in the same order (npm run new-diff-check adds a family here too). */
const CHECK_FAMILIES = [
    { title: 'Endpoints and operations', checks: ENDPOINT_CHECKS },
    { title: 'Parameters', checks: PARAMETER_CHECKS },
    { title: 'Request bodies', checks: REQUEST_BODY_CHECKS },
    { title: 'Responses', checks: RESPONSE_CHECKS },
    { title: 'Security', checks: SECURITY_CHECKS },
    { title: 'Servers', checks: SERVER_CHECKS },
    { title: 'Response links', checks: LINK_CHECKS },
    ...SCHEMA_FAMILIES.map((f) => ({ title: `Schemas: ${f.title}`, checks: f.checks })),
    { title: 'Webhooks', checks: OUTGOING_CHECKS.filter((c) => c.id.startsWith('webhook-')) },
    { title: 'Callbacks', checks: OUTGOING_CHECKS.filter((c) => c.id.startsWith('callback-')) }
];
const CHECK_LEVELS = new Map(ALL_CHECKS.map((c) => [c.id, c.level]));

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/operations.ts











/** The API's own operations: clients send requests and read responses. */
const API_VOCABULARY = {
    requestDirection: 'request',
    responseDirection: 'response',
    schemaId: (id) => id,
    ...API_PARAMETERS,
    ...API_REQUEST_BODY,
    ...API_RESPONSES
};
function diffOperation(e, compare, pair) {
    const { base, head } = e;
    const { where, rename } = pair;
    const [baseItem, baseOp] = pair.base;
    const [headItem, headOp] = pair.head;
    diffDeprecation(e, where, baseOp, headOp);
    diffParameters(e, API_VOCABULARY, where, compare, effectiveParameters(baseItem, baseOp, rename), effectiveParameters(headItem, headOp), headItem, headOp);
    diffRequestBody(e, API_VOCABULARY, where, compare, headOp, requestBodyOf(base, baseItem, baseOp), requestBodyOf(head, headItem, headOp));
    diffResponses(e, API_VOCABULARY, where, compare, baseOp, headOp);
    if (baseOp.security !== undefined || headOp.security !== undefined) {
        const baseSecurity = baseOp.security ?? base.document.security;
        const headSecurity = headOp.security ?? head.document.security;
        diffSecurity(e, where, `${opLabel(where)}`, baseSecurity, headSecurity, headOp, baseOp);
    }
    if (base.version !== '2.0' && head.version !== '2.0') {
        // Path- and operation-level servers override the document's for this operation only.
        const baseServers = operationServers(base, baseItem, baseOp);
        const headServers = operationServers(head, headItem, headOp);
        if (baseServers || headServers)
            diffServerLists(e, where, baseServers ?? documentServers(base), headServers ?? { ...documentServers(head), owner: headOp });
    }
    diffCallbacks(e, compare, where, baseOp, headOp);
}
function diffOperations(base, head, compare, emit, options = {}) {
    const now = options.now ?? new Date();
    const e = new Emitter(base, head, emit, CHECK_LEVELS);
    diffPaths(e, now, (pair) => diffOperation(e, compare, pair));
    diffSecurity(e, {}, 'global security', base.document.security, head.document.security, head.document, base.document);
    diffSecuritySchemes(e);
    diffServers(e);
    diffWebhooks(e, compare);
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/schema/comparator.ts












const comparator_isObject = isJsonObject;
/**
 * What one diff of two specs learns about their schemas, shared by all its comparisons: a large schema that many
 * operations reference is compared once per direction (its findings replayed under each owner's label), shapes
 * are built once per node, and a pair of subtrees that are equal value for value is skipped at once.
 */
class SchemaMemo {
    shapes = new Map();
    findings = new Map();
    equal = new WeakMap();
    unequal = new WeakMap();
    /** The findings of a whole comparison of this pair, if it was made before (in this direction). */
    recall(direction, base, head) {
        return this.findings.get(direction)?.get(base)?.get(head);
    }
    remember(direction, base, head, found) {
        let byBase = this.findings.get(direction);
        if (!byBase)
            this.findings.set(direction, (byBase = new WeakMap()));
        let byHead = byBase.get(base);
        if (!byHead)
            byBase.set(base, (byHead = new Map()));
        byHead.set(head, found);
    }
    /**
     * Whether two values are equal key for key and value for value, through shared and cyclic parts (a pair met
     * again while it is being compared is assumed equal: two cycles of the same shape are equal). An unequal pair
     * is remembered at once; an equal one only when its answer did not rest on such an assumption about a pair
     * outside it, which a later difference could still prove wrong.
     */
    same(base, head) {
        const active = new Map();
        let assumedAt = Number.POSITIVE_INFINITY;
        const pairIn = (table, a, b) => table.get(a)?.has(b) === true;
        const note = (table, a, b) => {
            let set = table.get(a);
            if (!set)
                table.set(a, (set = new WeakSet()));
            set.add(b);
        };
        const walk = (a, b, depth) => {
            if (a === b)
                return true;
            if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
                return false;
            if (Array.isArray(a) !== Array.isArray(b))
                return false;
            if (pairIn(this.equal, a, b))
                return true;
            if (pairIn(this.unequal, a, b))
                return false;
            const open = active.get(a)?.get(b);
            if (open !== undefined) {
                assumedAt = Math.min(assumedAt, open);
                return true;
            }
            const aKeys = Object.keys(a);
            if (aKeys.length !== Object.keys(b).length)
                return false;
            let opened = active.get(a);
            if (!opened)
                active.set(a, (opened = new Map()));
            opened.set(b, depth);
            const outer = assumedAt;
            assumedAt = Number.POSITIVE_INFINITY;
            let result = true;
            for (const key of aKeys) {
                if (!Object.prototype.hasOwnProperty.call(b, key))
                    result = false;
                else
                    result = walk(a[key], b[key], depth + 1);
                if (!result)
                    break;
            }
            opened.delete(b);
            if (!result)
                note(this.unequal, a, b);
            else if (assumedAt >= depth)
                note(this.equal, a, b);
            assumedAt = Math.min(outer, assumedAt >= depth ? Number.POSITIVE_INFINITY : assumedAt);
            return result;
        };
        try {
            return walk(base, head, 0);
        }
        catch (error) {
            // Too deep to compare recursively: compared the long way instead.
            if (error instanceof RangeError)
                return false;
            throw error;
        }
    }
}
const memos = new WeakMap();
/** The memo of one pair of specs (kept while both are). */
function schemaMemo(base, head) {
    let byHead = memos.get(base);
    if (!byHead)
        memos.set(base, (byHead = new WeakMap()));
    let memo = byHead.get(head);
    if (!memo)
        byHead.set(head, (memo = new SchemaMemo()));
    return memo;
}
class comparator_Comparator {
    ctx;
    memo;
    shapes;
    visited = new Map();
    /** Whether a removed and an added property have the same schema (renames.ts). */
    equality = new SchemaEquality();
    /** While a comparison is recorded for the memo: what it found. */
    recording;
    /** Without a memo, every comparison walks both schemas in full (what the memo is measured against). */
    constructor(ctx, memo) {
        this.ctx = ctx;
        this.memo = memo;
        this.shapes = memo?.shapes ?? new Map();
    }
    /** Compares two whole schemas, through the memo when there is one. */
    compareRoot(base, head) {
        if (!this.memo || !comparator_isObject(base) || !comparator_isObject(head))
            return this.compare(base, head, '');
        let found = this.memo.recall(this.dir, base, head);
        if (!found) {
            found = this.recording = [];
            try {
                this.compare(base, head, '');
            }
            finally {
                this.recording = undefined;
            }
            this.memo.remember(this.dir, base, head, found);
            return;
        }
        for (const f of found)
            this.report(f.id, f.path, f.what, f.location, f.baseLocation);
    }
    shape(node) {
        let s = this.shapes.get(node);
        if (!s) {
            s = buildShape(node);
            this.shapes.set(node, s);
        }
        return s;
    }
    label(path) {
        return path ? `${this.ctx.where}, property ${path}` : this.ctx.where;
    }
    /** Where a keyword of a shape was written in one spec (the part of an allOf that has it), else the schema. */
    place(spec, shape, keyword) {
        const owner = (keyword && shape.origin.get(keyword)) || shape.node;
        const key = keyword?.startsWith('properties.') ? keyword.slice(11) : keyword;
        return spec.locate(owner, key) ?? spec.locate(shape.node);
    }
    report(id, path, what, location, baseLocation) {
        const level = SCHEMA_LEVELS.get(id);
        if (!level)
            throw new Error(`schema diff: check ${id} is not in SCHEMA_CHECKS`);
        this.recording?.push({ id, path, what, location, baseLocation });
        this.ctx.emit({
            id,
            level,
            ...(this.ctx.path !== undefined && { path: this.ctx.path }),
            ...(this.ctx.method !== undefined && { method: this.ctx.method }),
            message: `${this.label(path)}: ${what}${wasAt(baseLocation)}`,
            ...(location && { location }),
            ...(baseLocation && { baseLocation })
        });
    }
    /** A change in the head schema, located there. */
    emit(id, path, what, shape, keyword) {
        this.report(id, path, what, this.place(this.ctx.head, shape, keyword));
    }
    /**
     * Something only the base schema has (a property, a variant): located at the head schema that lost it (its
     * `headKeyword`, e.g. `properties`, else the schema), with the base location named in the message. A renamed
     * property is reported the same way, `headKeyword` naming the property under its new name.
     */
    emitRemoved(id, path, what, base, baseKeyword, head, headKeyword) {
        this.report(id, path, what, this.place(this.ctx.head, head, headKeyword), this.place(this.ctx.base, base, baseKeyword));
    }
    get dir() {
        return this.ctx.direction;
    }
    compare(base, head, path, ignoreNullable = false) {
        if (!comparator_isObject(base) || !comparator_isObject(head))
            return;
        // Equal subtrees hold no change (whatever reaches them, in either direction).
        if (this.memo?.same(base, head))
            return;
        const pairs = this.visited.get(base) ?? new Set();
        if (pairs.has(head))
            return;
        pairs.add(head);
        this.visited.set(base, pairs);
        const b = this.shape(base);
        const h = this.shape(head);
        if (!ignoreNullable)
            compareNullable(this, b, h, path);
        const bComposite = b.oneOf ?? b.anyOf;
        const hComposite = h.oneOf ?? h.anyOf;
        if (Boolean(bComposite) !== Boolean(hComposite)) {
            // One side is a plain schema, the other a choice: the plain one is a choice of one, so only the variants
            // are compared (comparing its properties against the choice's empty top level would invent removals).
            const kind = b.oneOf || h.oneOf ? 'oneOf' : 'anyOf';
            compareVariants(this, kind, bComposite ?? [base], hComposite ?? [head], path, b, h);
            return;
        }
        if (!compareTypes(this, b, h, path))
            return;
        compareFormat(this, b, h, path);
        compareValues(this, b, h, path);
        compareBounds(this, b, h, path);
        compareDefault(this, b, h, path);
        compareObject(this, b, h, path);
        this.compareArray(b, h, path);
        if (b.oneOf && h.oneOf)
            compareVariants(this, 'oneOf', b.oneOf, h.oneOf, path, b, h);
        if (b.anyOf && h.anyOf)
            compareVariants(this, 'anyOf', b.anyOf, h.anyOf, path, b, h);
        if (b.oneOf && h.anyOf && !h.oneOf)
            compareVariants(this, 'anyOf', b.oneOf, h.anyOf, path, b, h);
        if (b.anyOf && h.oneOf && !h.anyOf)
            compareVariants(this, 'oneOf', b.anyOf, h.oneOf, path, b, h);
    }
    /** Arrays have no checks of their own: their items (and tuple positions) are compared as schemas. */
    compareArray(b, h, path) {
        const bPrefix = b.prefixItems ?? [];
        const hPrefix = h.prefixItems ?? [];
        // A position past the end of one side's tuple is governed by that side's items schema (or anything).
        for (let i = 0; i < Math.max(bPrefix.length, hPrefix.length); i++) {
            this.compare(bPrefix[i] ?? b.items ?? {}, hPrefix[i] ?? h.items ?? {}, `${path}[${i}]`);
        }
        if (b.items !== undefined && h.items !== undefined)
            this.compare(b.items, h.items, `${path}[]`);
    }
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/schema/index.ts


/**
 * Compares two schemas (either may be missing: nothing is reported then; the caller reports a schema that was
 * added or removed as a whole) and emits every difference through ctx.emit.
 */
function compareSchemas(base, head, ctx) {
    new comparator_Comparator(ctx, schemaMemo(ctx.base, ctx.head)).compareRoot(base === true ? {} : base, head === true ? {} : head);
}
/** compareSchemas without the memo: every comparison walks both schemas in full (tests measure the memo by it). */
function compareSchemasInFull(base, head, ctx) {
    new Comparator(ctx).compare(base === true ? {} : base, head === true ? {} : head, '');
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/index.ts






const LEVEL_ORDER = { error: 0, warning: 1, info: 2 };
function byKey(a, b) {
    // Document-level changes (no path or method) come before the endpoints they affect.
    if (a === b)
        return 0;
    if (a === undefined)
        return -1;
    if (b === undefined)
        return 1;
    return a < b ? -1 : 1;
}
function diffSpecs(base, head, options = {}) {
    const changes = [];
    const seen = new Set();
    // Shared (cyclic or $ref-reused) schemas reach the comparator through several routes; report each once.
    const emit = (found) => {
        const level = options.levels?.get(found.id);
        if (level === 'off')
            return;
        const change = level === undefined || level === found.level ? found : { ...found, level };
        const key = JSON.stringify([change.id, change.level, change.path, change.method, change.message]);
        if (seen.has(key))
            return;
        seen.add(key);
        changes.push(change);
    };
    const compare = options.compare ?? compareSchemas;
    // Schema changes are tagged with their owner's label, so that their repeats can be folded (group.ts).
    const tagged = (b, h, ctx) => compare(b, h, {
        ...ctx,
        emit: (change) => ctx.emit(change.message.startsWith(ctx.where) ? { ...change, owner: ctx.where } : change)
    });
    diffOperations(base, head, tagged, emit, { now: options.now });
    // Array.prototype.sort is stable, so ties keep emission order (which follows the spec's own order).
    return mergeRepeats(changes).sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
        byKey(a.path, b.path) ||
        byKey(a.method, b.method) ||
        byKey(a.id, b.id));
}
function summarizeChanges(changes) {
    const summary = { errors: 0, warnings: 0, infos: 0 };
    for (const change of changes) {
        if (change.level === 'error')
            summary.errors++;
        else if (change.level === 'warning')
            summary.warnings++;
        else
            summary.infos++;
    }
    return summary;
}

// EXTERNAL MODULE: ./shared/src/lib/redact.ts
var redact = __webpack_require__(53570);
;// CONCATENATED MODULE: ./actions/contract-test/src/live/auth.ts
// Credentials from the spec's security schemes: bearer (also oauth2 and openIdConnect tokens), basic, and API
// keys in a header, the query or a cookie. The secret values come from the caller and are collected for
// redaction the moment they are known.

class Credentials {
    secretsIn;
    secrets = [];
    constructor(secretsIn = {}) {
        this.secretsIn = secretsIn;
        const add = (value) => {
            if (value)
                this.secrets.push(value);
        };
        add(secretsIn.bearer);
        add(secretsIn.apiKey);
        for (const value of Object.values(secretsIn.schemes ?? {}))
            add(value);
        for (const basic of [secretsIn.basic, ...Object.values(secretsIn.schemes ?? {})]) {
            if (!basic)
                continue;
            const colon = basic.indexOf(':');
            if (colon > 0)
                add(basic.slice(colon + 1));
        }
        if (secretsIn.basic !== undefined && secretsIn.basic.indexOf(':') < 0)
            throw new errors/* ConfigurationError */.j1('the basic auth secret must be "user:password"');
        if (secretsIn.basic)
            add(Buffer.from(secretsIn.basic, 'utf8').toString('base64'));
        for (const value of Object.values(secretsIn.schemes ?? {}))
            add(Buffer.from(value, 'utf8').toString('base64'));
    }
    get any() {
        return this.secrets.length > 0;
    }
    valueFor(scheme) {
        const named = this.secretsIn.schemes?.[scheme.name];
        if (named !== undefined)
            return named;
        if (scheme.kind === 'bearer')
            return this.secretsIn.bearer;
        if (scheme.kind === 'basic')
            return this.secretsIn.basic;
        if (scheme.kind === 'apiKey')
            return this.secretsIn.apiKey;
        return undefined;
    }
    /** The first alternative of the operation's security whose every scheme has a credential; undefined if none. */
    choose(operation) {
        for (const alternative of operation.security) {
            if (alternative.every((scheme) => this.valueFor(scheme) !== undefined))
                return alternative.map(shapeOf);
        }
        return undefined;
    }
    apply(schemes) {
        const applied = { headers: {}, query: [], cookies: [], schemes: [] };
        for (const scheme of schemes) {
            const value = this.valueFor(scheme);
            if (value === undefined)
                continue;
            applied.schemes.push(scheme.name);
            if (scheme.kind === 'bearer')
                applied.headers['authorization'] = `Bearer ${value}`;
            else if (scheme.kind === 'basic')
                applied.headers['authorization'] = `Basic ${Buffer.from(value, 'utf8').toString('base64')}`;
            else if (scheme.kind === 'apiKey' && scheme.paramName) {
                if (scheme.in === 'query')
                    applied.query.push(`${encodeURIComponent(scheme.paramName)}=${encodeURIComponent(value)}`);
                else if (scheme.in === 'cookie')
                    applied.cookies.push(`${scheme.paramName}=${encodeURIComponent(value)}`);
                else
                    applied.headers[scheme.paramName.toLowerCase()] = value;
            }
        }
        return applied;
    }
}
function shapeOf(scheme) {
    return { name: scheme.name, kind: scheme.kind, in: scheme.in, paramName: scheme.paramName };
}
/** Where every scheme of an operation would put a credential: what an unauthenticated probe must not carry. */
function credentialSlots(operation) {
    const slots = { headers: new Set(), query: new Set(), cookies: new Set() };
    for (const scheme of operation.security.flat()) {
        if (scheme.kind === 'bearer' || scheme.kind === 'basic')
            slots.headers.add('authorization');
        else if (scheme.kind === 'apiKey' && scheme.paramName) {
            if (scheme.in === 'query')
                slots.query.add(scheme.paramName);
            else if (scheme.in === 'cookie')
                slots.cookies.add(scheme.paramName);
            else
                slots.headers.add(scheme.paramName.toLowerCase());
        }
    }
    return { headers: [...slots.headers], query: [...slots.query], cookies: [...slots.cookies] };
}

;// CONCATENATED MODULE: ./actions/contract-test/src/live/types.ts
const HTTP_METHODS = [
    'get',
    'put',
    'post',
    'delete',
    'options',
    'head',
    'patch',
    'trace'
];

;// CONCATENATED MODULE: ./actions/contract-test/src/live/model.ts
// The loaded spec (Swagger 2.0, OAS 3.0 or 3.1) turned into one shape the live engine walks: operations with
// their parameters (style and explode settled), bodies, responses, links and security, whatever the version.



function model_isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
function asObject(value) {
    return model_isObject(value) ? value : {};
}
function asString(value) {
    return typeof value === 'string' ? value : undefined;
}
const IN_VALUES = new Set(['path', 'query', 'header', 'cookie']);
/** Parameter examples in Dredd's order of preference first (x-example), then OAS 3's, then the schema's. */
function parameterExamples(node, schema) {
    const found = [];
    if (node['x-example'] !== undefined)
        found.push(node['x-example']);
    if (node.example !== undefined)
        found.push(node.example);
    for (const example of Object.values(asObject(node.examples))) {
        if (model_isObject(example) && example.value !== undefined)
            found.push(example.value);
    }
    found.push(...schemaExamples(schema));
    return found;
}
function schemaExamples(schema) {
    const found = [];
    if (schema.example !== undefined)
        found.push(schema.example);
    if (Array.isArray(schema.examples))
        found.push(...schema.examples);
    return found;
}
function mediaExamples(node) {
    const found = [];
    if (node.example !== undefined)
        found.push(node.example);
    for (const example of Object.values(asObject(node.examples))) {
        if (model_isObject(example) && example.value !== undefined)
            found.push(example.value);
    }
    return found;
}
function model_defaultStyle(location) {
    return location === 'query' || location === 'cookie' ? 'form' : 'simple';
}
function parameterOas3(node) {
    const name = asString(node.name);
    const location = asString(node.in);
    if (name === undefined || location === undefined || !IN_VALUES.has(location))
        return undefined;
    let schema = asObject(node.schema);
    let contentType;
    if (!model_isObject(node.schema) && model_isObject(node.content)) {
        const [type, media] = Object.entries(node.content)[0] ?? [];
        if (type !== undefined) {
            contentType = type;
            schema = asObject(asObject(media).schema);
        }
    }
    const style = asString(node.style) ?? model_defaultStyle(location);
    return {
        name,
        in: location,
        required: location === 'path' ? true : node.required === true,
        schema,
        style,
        explode: typeof node.explode === 'boolean' ? node.explode : style === 'form',
        allowReserved: node.allowReserved === true,
        contentType,
        examples: parameterExamples(node, schema)
    };
}
const SWAGGER_SCHEMA_KEYS = [
    'type',
    'format',
    'items',
    'enum',
    'default',
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'exclusiveMaximum',
    'minLength',
    'maxLength',
    'pattern',
    'minItems',
    'maxItems',
    'uniqueItems',
    'multipleOf'
];
/** A Swagger 2.0 non-body parameter carries its schema keywords inline; collectionFormat becomes a style. */
function parameterSwagger(node) {
    const name = asString(node.name);
    const location = asString(node.in);
    if (name === undefined || location === undefined || !IN_VALUES.has(location))
        return undefined;
    const schema = {};
    for (const key of SWAGGER_SCHEMA_KEYS)
        if (node[key] !== undefined)
            schema[key] = swaggerItems(node[key], key);
    if (node['x-nullable'] === true)
        schema.nullable = true;
    const format = asString(node.collectionFormat) ?? 'csv';
    let style = model_defaultStyle(location);
    let explode = false;
    if (schema.type === 'array') {
        if (format === 'multi')
            explode = true;
        else if (format === 'ssv')
            style = 'spaceDelimited';
        else if (format === 'pipes')
            style = 'pipeDelimited';
        else if (format === 'tsv')
            style = 'tabDelimited';
    }
    else
        explode = style === 'form';
    return {
        name,
        in: location,
        required: location === 'path' ? true : node.required === true,
        schema,
        style,
        explode,
        allowReserved: false,
        examples: parameterExamples(node, schema)
    };
}
function swaggerItems(value, key) {
    if (key !== 'items' || !model_isObject(value))
        return value;
    const items = {};
    for (const k of SWAGGER_SCHEMA_KEYS)
        if (value[k] !== undefined)
            items[k] = swaggerItems(value[k], k);
    return items;
}
function mergeParameters(level, operation, read) {
    const byKey = new Map();
    const body = [];
    for (const list of [level, operation]) {
        if (!Array.isArray(list))
            continue;
        for (const raw of list) {
            if (!model_isObject(raw))
                continue;
            if (raw.in === 'body' || raw.in === 'formData') {
                body.push(raw);
                continue;
            }
            const param = read(raw);
            // Operation-level parameters override path-level ones with the same name and location.
            if (param)
                byKey.set(`${param.in}:${param.in === 'header' ? param.name.toLowerCase() : param.name}`, param);
        }
    }
    return { params: [...byKey.values()], body };
}
function mediaList(content) {
    return Object.entries(asObject(content)).map(([type, node]) => {
        const media = asObject(node);
        return {
            type,
            schema: model_isObject(media.schema) ? media.schema : undefined,
            examples: mediaExamples(media),
            encoding: model_isObject(media.encoding) ? media.encoding : undefined
        };
    });
}
function headerList(headers, swagger) {
    return Object.entries(asObject(headers)).flatMap(([name, node]) => {
        const header = asObject(node);
        // Content-Type is described by the media types, not as a header (OAS 3 says to ignore it).
        if (name.toLowerCase() === 'content-type')
            return [];
        let schema = asObject(header.schema);
        if (swagger) {
            schema = {};
            for (const key of SWAGGER_SCHEMA_KEYS)
                if (header[key] !== undefined)
                    schema[key] = header[key];
        }
        else if (!model_isObject(header.schema) && model_isObject(header.content)) {
            schema = asObject(asObject(Object.values(header.content)[0]).schema);
        }
        // Swagger 2.0 headers have no `required`: a documented header is expected.
        return [{ name, required: swagger ? true : header.required === true, schema }];
    });
}
function linkList(links) {
    return Object.entries(asObject(links)).map(([name, node]) => {
        const link = asObject(node);
        return {
            name,
            operationId: asString(link.operationId),
            operationRef: asString(link.operationRef),
            parameters: asObject(link.parameters),
            requestBody: link.requestBody
        };
    });
}
function schemeModel(name, node, swagger) {
    const type = asString(node.type) ?? '';
    if (swagger) {
        if (type === 'basic')
            return { name, kind: 'basic', description: 'basic' };
        if (type === 'apiKey')
            return {
                name,
                kind: 'apiKey',
                in: node.in === 'query' ? 'query' : 'header',
                paramName: asString(node.name) ?? name,
                description: `apiKey in ${(0,lib_text/* textOf */.b)(node.in)}`
            };
        if (type === 'oauth2')
            return { name, kind: 'bearer', description: 'oauth2' };
        return { name, kind: 'other', description: type };
    }
    if (type === 'http') {
        const scheme = (asString(node.scheme) ?? '').toLowerCase();
        if (scheme === 'basic')
            return { name, kind: 'basic', description: 'http basic' };
        if (scheme === 'bearer')
            return { name, kind: 'bearer', description: 'http bearer' };
        return { name, kind: 'other', description: `http ${scheme}` };
    }
    if (type === 'apiKey') {
        const where = node.in === 'query' || node.in === 'cookie' ? node.in : 'header';
        return {
            name,
            kind: 'apiKey',
            in: where,
            paramName: asString(node.name) ?? name,
            description: `apiKey in ${where}`
        };
    }
    if (type === 'oauth2' || type === 'openIdConnect')
        return { name, kind: 'bearer', description: type };
    return { name, kind: 'other', description: type || 'unknown' };
}
function serverPath(document, swagger) {
    if (swagger)
        return (asString(document.basePath) ?? '').replace(/\/+$/, '');
    const first = Array.isArray(document.servers) ? asObject(document.servers[0]) : {};
    let url = asString(first.url) ?? '';
    for (const [name, variable] of Object.entries(asObject(first.variables))) {
        url = url.split(`{${name}}`).join((0,lib_text/* textOf */.b)(asObject(variable).default ?? ''));
    }
    const path = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(url)?.[1] ?? (url.startsWith('/') ? url : '');
    return path.replace(/[?#].*$/, '').replace(/\/+$/, '');
}
/** Builds the model; throws ConfigurationError when there is nothing to test. */
function buildModel(spec) {
    const document = spec.document;
    const swagger = spec.version === '2.0';
    const notes = [];
    const schemes = new Map();
    const schemeSource = swagger ? document.securityDefinitions : asObject(document.components).securitySchemes;
    for (const [name, node] of Object.entries(asObject(schemeSource))) {
        schemes.set(name, schemeModel(name, asObject(node), swagger));
    }
    const namedSchemas = new Map();
    const schemaSource = swagger ? document.definitions : asObject(document.components).schemas;
    for (const [name, node] of Object.entries(asObject(schemaSource)))
        if (model_isObject(node))
            namedSchemas.set(name, node);
    const globalConsumes = Array.isArray(document.consumes) ? document.consumes.map(String) : [];
    const globalProduces = Array.isArray(document.produces) ? document.produces.map(String) : [];
    const operations = [];
    const methodsByPath = new Map();
    const paths = asObject(document.paths);
    for (const [path, pathNode] of Object.entries(paths)) {
        if (!model_isObject(pathNode) || !path.startsWith('/'))
            continue;
        const methods = [];
        for (const method of HTTP_METHODS) {
            const node = pathNode[method];
            if (!model_isObject(node))
                continue;
            methods.push(method);
            const { params, body } = mergeParameters(pathNode.parameters, node.parameters, swagger ? parameterSwagger : parameterOas3);
            const consumes = Array.isArray(node.consumes) ? node.consumes.map(String) : globalConsumes;
            const produces = Array.isArray(node.produces) ? node.produces.map(String) : globalProduces;
            const requestBody = swagger ? swaggerBody(body, consumes) : oas3Body(node.requestBody);
            const responses = Object.entries(asObject(node.responses)).map(([key, raw]) => {
                const response = asObject(raw);
                if (swagger) {
                    const types = produces.length > 0 ? produces : ['application/json'];
                    const examples = asObject(response.examples);
                    return {
                        key,
                        content: model_isObject(response.schema)
                            ? types.map((type) => ({
                                type,
                                schema: response.schema,
                                examples: examples[type] !== undefined ? [examples[type]] : []
                            }))
                            : [],
                        headers: headerList(response.headers, true),
                        links: []
                    };
                }
                return {
                    key,
                    content: mediaList(response.content),
                    headers: headerList(response.headers, false),
                    links: linkList(response.links)
                };
            });
            const requirements = Array.isArray(node.security)
                ? node.security
                : Array.isArray(document.security)
                    ? document.security
                    : [];
            let anonymousAllowed = false;
            const security = [];
            for (const requirement of requirements) {
                if (!model_isObject(requirement))
                    continue;
                const names = Object.keys(requirement);
                if (names.length === 0) {
                    anonymousAllowed = true;
                    continue;
                }
                const alternative = [];
                for (const name of names) {
                    const scheme = schemes.get(name);
                    if (scheme)
                        alternative.push(scheme);
                    else
                        notes.push(`${method.toUpperCase()} ${path}: security scheme "${name}" is not defined`);
                }
                if (alternative.length === names.length)
                    security.push(alternative);
            }
            operations.push({
                key: `${method.toUpperCase()} ${path}`,
                method,
                path,
                operationId: asString(node.operationId),
                location: spec.locate(pathNode, method),
                parameters: params,
                requestBody,
                responses,
                security,
                anonymousAllowed,
                deprecated: node.deprecated === true
            });
        }
        methodsByPath.set(path, methods);
    }
    if (operations.length === 0)
        throw new errors/* ConfigurationError */.j1(`${spec.file}: the spec describes no operations to test`);
    const resolvePointer = (ref) => {
        if (!ref.startsWith('#/'))
            return undefined;
        let node = document;
        for (const raw of ref.slice(2).split('/')) {
            const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
            if (Array.isArray(node))
                node = node[Number(token)];
            else if (model_isObject(node) && Object.prototype.hasOwnProperty.call(node, token))
                node = node[token];
            else
                return undefined;
        }
        return node;
    };
    return {
        spec,
        version: spec.version,
        title: asString(asObject(document.info).title),
        basePath: serverPath(document, swagger),
        operations,
        methodsByPath,
        schemes,
        resolvePointer,
        namedSchemas,
        notes
    };
}
function oas3Body(raw) {
    if (!model_isObject(raw))
        return undefined;
    const content = mediaList(raw.content);
    if (content.length === 0)
        return undefined;
    return { required: raw.required === true, content };
}
function swaggerBody(params, consumes) {
    const bodyParam = params.find((p) => p.in === 'body');
    if (bodyParam) {
        const types = consumes.length > 0 ? consumes : ['application/json'];
        const schema = asObject(bodyParam.schema);
        const examples = bodyParam['x-example'] !== undefined ? [bodyParam['x-example']] : [];
        return { required: bodyParam.required === true, content: types.map((type) => ({ type, schema, examples })) };
    }
    const fields = params.filter((p) => p.in === 'formData');
    if (fields.length === 0)
        return undefined;
    const properties = {};
    const required = [];
    for (const field of fields) {
        const param = parameterSwagger({ ...field, in: 'query' });
        if (!param)
            continue;
        properties[param.name] = field.type === 'file' ? { type: 'string', format: 'binary' } : param.schema;
        if (field.required === true)
            required.push(param.name);
    }
    const schema = { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
    const form = consumes.find((t) => /multipart\/form-data|x-www-form-urlencoded/.test(t));
    const type = form ?? (fields.some((f) => f.type === 'file') ? 'multipart/form-data' : 'application/x-www-form-urlencoded');
    return { required: required.length > 0, content: [{ type, schema, examples: [] }] };
}
/** Finds the operation a concrete path (no query) belongs to; templates with fewer parameters win. */
function matchOperationPath(model, concretePath) {
    let best;
    for (const template of model.methodsByPath.keys()) {
        const pattern = templateRegex(template);
        if (!pattern.test(concretePath))
            continue;
        const params = (template.match(/\{[^}]+\}/g) ?? []).length;
        if (!best || params < best.params)
            best = { template, params };
    }
    return best?.template;
}
const templateCache = new Map();
function templateRegex(template) {
    let regex = templateCache.get(template);
    if (!regex) {
        const source = template
            .split(/(\{[^}]+\})/)
            .map((part) => (/^\{[^}]+\}$/.test(part) ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
            .join('');
        regex = new RegExp(`^${source}/?$`);
        templateCache.set(template, regex);
    }
    return regex;
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
;// CONCATENATED MODULE: ./actions/contract-test/src/live/schema/formats.ts
// The string and number formats the engine both validates and generates: one table, so a value the generator
// calls valid is one the validator accepts, and an invalid one is one it rejects.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(z|[+-]\d{2}:?\d{2})?$/i;
function validDate(text) {
    const match = DATE.exec(text);
    if (!match)
        return false;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || day < 1)
        return false;
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    return day <= days;
}
function validTime(text, zoneRequired) {
    const match = TIME.exec(text);
    if (!match)
        return false;
    if (zoneRequired && match[5] === undefined)
        return false;
    return Number(match[1]) <= 23 && Number(match[2]) <= 59 && Number(match[3]) <= 60;
}
function pad(n, width = 2) {
    return String(n).padStart(width, '0');
}
function sampleDate(rng) {
    return `${rng.int(2000, 2030)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
}
function sampleTime(rng) {
    return `${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}Z`;
}
const HEX = '0123456789abcdef';
function hex(rng, n) {
    let out = '';
    for (let i = 0; i < n; i++)
        out += HEX[rng.int(0, 15)];
    return out;
}
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const FORMATS = {
    date: { type: 'string', validate: (v) => validDate(String(v)), sample: sampleDate, invalid: '2021-13-45' },
    'date-time': {
        type: 'string',
        validate: (v) => {
            const [date, time] = String(v).split(/t/i);
            return date !== undefined && time !== undefined && validDate(date) && validTime(time, true);
        },
        sample: (rng) => `${sampleDate(rng)}T${sampleTime(rng)}`,
        invalid: '2021-01-01 25:61'
    },
    time: { type: 'string', validate: (v) => validTime(String(v), true), sample: sampleTime, invalid: '25:61:00' },
    email: {
        type: 'string',
        validate: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(v)),
        sample: (rng) => `user${rng.int(1, 9999)}@example.com`,
        invalid: 'not-an-email'
    },
    uuid: {
        type: 'string',
        validate: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(String(v)),
        sample: (rng) => `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-a${hex(rng, 3)}-${hex(rng, 12)}`,
        invalid: 'not-a-uuid'
    },
    uri: {
        type: 'string',
        validate: (v) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(String(v)),
        sample: (rng) => `https://example.com/${hex(rng, 6)}`,
        invalid: 'not a uri'
    },
    'uri-reference': {
        type: 'string',
        validate: (v) => !/\s/.test(String(v)),
        sample: (rng) => `/r/${hex(rng, 6)}`,
        invalid: 'not a reference'
    },
    hostname: {
        type: 'string',
        validate: (v) => HOSTNAME.test(String(v)),
        sample: (rng) => `host${rng.int(1, 999)}.example.com`,
        invalid: '-bad_host-'
    },
    ipv4: {
        type: 'string',
        validate: (v) => (0,external_node_net_.isIPv4)(String(v)),
        sample: (rng) => `192.0.2.${rng.int(1, 254)}`,
        invalid: '999.1.1.1'
    },
    ipv6: {
        type: 'string',
        validate: (v) => (0,external_node_net_.isIPv6)(String(v)),
        sample: (rng) => `2001:db8::${rng.int(1, 65535).toString(16)}`,
        invalid: '2001:::zz'
    },
    byte: {
        type: 'string',
        validate: (v) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(String(v)),
        sample: (rng) => Buffer.from(hex(rng, 6)).toString('base64'),
        invalid: '***'
    },
    int32: {
        type: 'number',
        validate: (v) => Number.isInteger(v) && Number(v) >= -2147483648 && Number(v) <= 2147483647,
        sample: (rng) => rng.int(-1000, 1000),
        invalid: 2147483648
    },
    int64: {
        type: 'number',
        validate: (v) => Number.isInteger(v),
        sample: (rng) => rng.int(-100000, 100000)
    }
};
function isKnownFormat(format) {
    return typeof format === 'string' && Object.prototype.hasOwnProperty.call(FORMATS, format);
}

;// CONCATENATED MODULE: ./actions/contract-test/src/live/schema/convert.ts


// Keywords whose value is one schema, a list of schemas, or a map of schemas.
const ONE = [
    'additionalProperties',
    'not',
    'if',
    'then',
    'else',
    'contains',
    'propertyNames',
    'unevaluatedProperties',
    'unevaluatedItems',
    'additionalItems'
];
const LIST = ['allOf', 'oneOf', 'anyOf', 'prefixItems'];
const MAP = ['properties', 'patternProperties', 'dependentSchemas'];
// Annotations and OpenAPI-only keywords a validator must not see (x-* too).
const DROP = new Set([
    'example',
    'examples',
    'xml',
    'externalDocs',
    'discriminator',
    'nullable',
    'x-nullable',
    'deprecated',
    '$id',
    '$schema',
    '$defs',
    'definitions',
    '$anchor',
    '$dynamicAnchor',
    '$comment',
    'readOnly',
    'writeOnly'
]);
function setKey(target, key, value) {
    if (key === '__proto__')
        Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    else
        target[key] = value;
}
/** Child schemas of a node, for the reference count. */
function children(node, model) {
    const found = [];
    for (const key of ONE)
        if (model_isObject(node[key]))
            found.push(node[key]);
    if (model_isObject(node.items))
        found.push(node.items);
    else if (Array.isArray(node.items))
        for (const item of node.items)
            if (model_isObject(item))
                found.push(item);
    for (const key of LIST) {
        const list = node[key];
        if (Array.isArray(list))
            for (const item of list)
                if (model_isObject(item))
                    found.push(item);
    }
    for (const key of MAP) {
        const map = node[key];
        if (model_isObject(map))
            for (const value of Object.values(map))
                if (model_isObject(value))
                    found.push(value);
    }
    if (model)
        for (const [, target] of discriminatorBranches(node, model))
            found.push(target);
    return found;
}
/**
 * The branches a discriminator chooses between, as [property value, schema]: the mapping, then oneOf/anyOf
 * members by component name, or (no oneOf/anyOf) the named schemas that extend this one through allOf.
 */
function discriminatorBranches(node, model) {
    const discriminator = node.discriminator;
    if (!model_isObject(discriminator) || typeof discriminator.propertyName !== 'string')
        return [];
    const branches = new Map();
    const mapped = new Set();
    for (const [value, ref] of Object.entries(model_isObject(discriminator.mapping) ? discriminator.mapping : {})) {
        if (typeof ref !== 'string')
            continue;
        const target = ref.startsWith('#') ? model.resolvePointer(ref) : model.namedSchemas.get(ref);
        if (model_isObject(target)) {
            branches.set(value, target);
            mapped.add(target);
        }
    }
    const members = [...(Array.isArray(node.oneOf) ? node.oneOf : []), ...(Array.isArray(node.anyOf) ? node.anyOf : [])];
    if (members.length > 0) {
        for (const member of members) {
            if (!model_isObject(member) || mapped.has(member))
                continue;
            const name = model.spec.componentName(member);
            if (name !== undefined && !branches.has(name))
                branches.set(name, member);
        }
    }
    else {
        for (const [name, schema] of model.namedSchemas) {
            if (schema === node || mapped.has(schema) || branches.has(name))
                continue;
            if (Array.isArray(schema.allOf) && schema.allOf.includes(node))
                branches.set(name, schema);
        }
    }
    return [...branches];
}
/** Converts one schema; `cache` keys it by object identity so a schema used by many responses converts once. */
function toPortable(schema, options) {
    const defsKey = options.legacy ? 'definitions' : '$defs';
    const refCount = new Map();
    const stack = [schema];
    refCount.set(schema, 1);
    while (stack.length > 0) {
        const node = stack.pop();
        for (const child of children(node, options.model)) {
            const seen = refCount.get(child);
            refCount.set(child, (seen ?? 0) + 1);
            if (seen === undefined)
                stack.push(child);
        }
    }
    const defs = {};
    const names = new Map();
    let counter = 0;
    const refTo = (node, dispatch) => {
        const key = `${identity(node)}:${dispatch ? 'd' : 'p'}`;
        let name = names.get(key);
        if (name === undefined) {
            name = `s${counter++}`;
            names.set(key, name);
            // Reserved before emitting, so a cycle back to this node finds the name.
            defs[name] = {};
            defs[name] = emitBody(node, dispatch);
        }
        return { $ref: `#/${defsKey}/${name}` };
    };
    const ids = new Map();
    const identity = (node) => {
        let id = ids.get(node);
        if (id === undefined) {
            id = ids.size;
            ids.set(node, id);
        }
        return id;
    };
    const emit = (node, dispatch = true) => {
        if (!model_isObject(node))
            return node;
        if ((refCount.get(node) ?? 0) > 1)
            return refTo(node, dispatch);
        return emitBody(node, dispatch);
    };
    const emitBody = (node, dispatch) => {
        const out = {};
        for (const [key, value] of Object.entries(node)) {
            if (DROP.has(key) || key.startsWith('x-'))
                continue;
            if (key === 'format' && !isKnownFormat(value))
                continue;
            if (ONE.includes(key))
                setKey(out, key, emit(value));
            else if (key === 'items')
                setKey(out, key, Array.isArray(value) ? value.map((v) => emit(v)) : emit(value));
            else if (LIST.includes(key))
                setKey(out, key, Array.isArray(value) ? value.map((v) => emit(v, key !== 'allOf')) : value);
            else if (MAP.includes(key) && model_isObject(value)) {
                const map = {};
                for (const [name, child] of Object.entries(value))
                    setKey(map, name, emit(child));
                setKey(out, key, map);
            }
            else if (key === 'required' && Array.isArray(value)) {
                const hidden = hiddenProperties(node, options.direction);
                const required = value.filter((name) => typeof name !== 'string' || !hidden.has(name));
                if (required.length > 0)
                    out.required = required;
            }
            else
                setKey(out, key, value);
        }
        if (options.legacy)
            legacyBounds(node, out);
        if (dispatch && options.model)
            applyDiscriminator(node, out, options.model, emit);
        const nullable = options.legacy && (node.nullable === true || node['x-nullable'] === true);
        if (!nullable)
            return out;
        if (typeof out.type === 'string') {
            out.type = [out.type, 'null'];
            if (Array.isArray(out.enum) && !out.enum.includes(null))
                out.enum = [...out.enum, null];
            return out;
        }
        if (Array.isArray(out.enum) && !out.enum.includes(null))
            out.enum = [...out.enum, null];
        return { anyOf: [{ type: 'null' }, out] };
    };
    const root = emit(schema);
    if (Object.keys(defs).length === 0)
        return { dialect: options.legacy ? 'draft-07' : '2020-12', schema: root };
    // A $ref beside other keywords is ignored in draft-07, so the root wraps it.
    return {
        dialect: options.legacy ? 'draft-07' : '2020-12',
        schema: { allOf: [root], [defsKey]: defs }
    };
}
/** readOnly properties are not sent in requests and writeOnly ones not in responses, so neither is required there. */
function hiddenProperties(node, direction) {
    const hidden = new Set();
    if (!model_isObject(node.properties))
        return hidden;
    const flag = direction === 'request' ? 'readOnly' : 'writeOnly';
    for (const [name, child] of Object.entries(node.properties)) {
        if (model_isObject(child) && child[flag] === true)
            hidden.add(name);
    }
    return hidden;
}
function legacyBounds(node, out) {
    for (const [bound, exclusive] of [
        ['minimum', 'exclusiveMinimum'],
        ['maximum', 'exclusiveMaximum']
    ]) {
        if (typeof node[exclusive] !== 'boolean')
            continue;
        delete out[exclusive];
        if (node[exclusive] === true && typeof node[bound] === 'number') {
            out[exclusive] = node[bound];
            delete out[bound];
        }
    }
}
function applyDiscriminator(node, out, model, emit) {
    const discriminator = node.discriminator;
    if (!model_isObject(discriminator) || typeof discriminator.propertyName !== 'string')
        return;
    const property = discriminator.propertyName;
    const branches = discriminatorBranches(node, model);
    if (branches.length === 0)
        return;
    const hasMembers = Array.isArray(node.oneOf) || Array.isArray(node.anyOf);
    // The discriminator replaces oneOf/anyOf: members that overlap (optional properties only) would make
    // oneOf fail for every value, which is exactly the case a discriminator exists for.
    if (hasMembers) {
        delete out.oneOf;
        delete out.anyOf;
    }
    const dispatch = branches.map(([value, schema]) => ({
        if: { properties: { [property]: { const: value } }, required: [property] },
        then: emit(schema, false)
    }));
    const allOf = Array.isArray(out.allOf) ? out.allOf : [];
    out.allOf = [
        ...allOf,
        { required: [property], properties: { [property]: { enum: branches.map(([value]) => value) } } },
        ...dispatch
    ];
}

;// CONCATENATED MODULE: ./actions/contract-test/src/live/schema/regex.ts
class Unsupported extends Error {
}
const DIGIT = [[48, 57]];
const WORD = [
    [48, 57],
    [65, 90],
    [95, 95],
    [97, 122]
];
const SPACE = [
    [9, 13],
    [32, 32]
];
function parse(source) {
    let i = 0;
    const peek = () => source[i];
    const parseAlt = () => {
        const options = [parseSeq()];
        while (peek() === '|') {
            i++;
            options.push(parseSeq());
        }
        return options.length === 1 ? options[0] : { t: 'alt', options };
    };
    const parseSeq = () => {
        const items = [];
        while (i < source.length && peek() !== '|' && peek() !== ')') {
            const atom = parseAtom();
            items.push(parseQuantifier(atom));
        }
        return { t: 'seq', items };
    };
    const parseQuantifier = (atom) => {
        const c = peek();
        let min;
        let max;
        if (c === '*')
            [min, max, i] = [0, Infinity, i + 1];
        else if (c === '+')
            [min, max, i] = [1, Infinity, i + 1];
        else if (c === '?')
            [min, max, i] = [0, 1, i + 1];
        else if (c === '{') {
            const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
            if (!match)
                return atom;
            min = Number(match[1]);
            max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
            i += match[0].length;
        }
        else
            return atom;
        if (peek() === '?')
            i++;
        return { t: 'repeat', node: atom, min, max };
    };
    const parseAtom = () => {
        const c = source[i++];
        if (c === '(') {
            if (source.startsWith('?:', i))
                i += 2;
            else if (source.startsWith('?<', i) && source[i + 2] !== '=' && source[i + 2] !== '!') {
                const end = source.indexOf('>', i);
                if (end < 0)
                    throw new Unsupported();
                i = end + 1;
            }
            else if (peek() === '?')
                throw new Unsupported();
            const inner = parseAlt();
            if (source[i++] !== ')')
                throw new Unsupported();
            return inner;
        }
        if (c === '[')
            return { t: 'chars', set: parseClass() };
        if (c === '.')
            return { t: 'chars', set: { negated: true, ranges: [[10, 10]] } };
        if (c === '^' || c === '$')
            return { t: 'empty' };
        if (c === '\\')
            return parseEscape(false);
        return literal(c.codePointAt(0));
    };
    const literal = (code) => ({ t: 'chars', set: { negated: false, ranges: [[code, code]] } });
    const escapeRanges = (c) => {
        if (c === 'd')
            return DIGIT;
        if (c === 'w')
            return WORD;
        if (c === 's')
            return SPACE;
        if (c === 'D')
            return 'neg-digit';
        if (c === 'W')
            return 'neg-word';
        if (c === 'S')
            return 'neg-space';
        return undefined;
    };
    const escapeCode = () => {
        const c = source[i++];
        if (c === undefined)
            throw new Unsupported();
        const simple = { n: 10, r: 13, t: 9, f: 12, v: 11, '0': 0 };
        if (simple[c] !== undefined)
            return simple[c];
        if (c === 'x') {
            const hex = source.slice(i, i + 2);
            i += 2;
            return parseInt(hex, 16);
        }
        if (c === 'u') {
            if (peek() === '{') {
                const end = source.indexOf('}', i);
                const code = parseInt(source.slice(i + 1, end), 16);
                i = end + 1;
                return code;
            }
            const hex = source.slice(i, i + 4);
            i += 4;
            return parseInt(hex, 16);
        }
        if (/[1-9]/.test(c) || c === 'p' || c === 'P' || c === 'k' || c === 'c')
            throw new Unsupported();
        return c.codePointAt(0);
    };
    const parseEscape = (inClass) => {
        const c = peek();
        if (c === undefined)
            throw new Unsupported();
        if (!inClass && (c === 'b' || c === 'B')) {
            i++;
            return { t: 'empty' };
        }
        const ranges = escapeRanges(c);
        if (ranges !== undefined) {
            i++;
            if (Array.isArray(ranges))
                return { t: 'chars', set: { negated: false, ranges } };
            const base = ranges === 'neg-digit' ? DIGIT : ranges === 'neg-word' ? WORD : SPACE;
            return { t: 'chars', set: { negated: true, ranges: base } };
        }
        return literal(escapeCode());
    };
    const parseClass = () => {
        const set = { negated: false, ranges: [] };
        if (peek() === '^') {
            set.negated = true;
            i++;
        }
        let first = true;
        while (i < source.length && (peek() !== ']' || first)) {
            first = false;
            let low;
            if (peek() === '\\') {
                i++;
                const ranges = escapeRanges(peek() ?? '');
                if (ranges !== undefined) {
                    i++;
                    // Negated shorthand inside a class (e.g. [\D]) is rare enough to refuse.
                    if (!Array.isArray(ranges))
                        throw new Unsupported();
                    set.ranges.push(...ranges);
                    continue;
                }
                low = escapeCode();
            }
            else
                low = source.codePointAt(i++);
            if (peek() === '-' && source[i + 1] !== ']' && source[i + 1] !== undefined) {
                i++;
                let high;
                if (peek() === '\\') {
                    i++;
                    high = escapeCode();
                }
                else
                    high = source.codePointAt(i++);
                set.ranges.push([Math.min(low, high), Math.max(low, high)]);
            }
            else
                set.ranges.push([low, low]);
        }
        if (source[i++] !== ']')
            throw new Unsupported();
        return set;
    };
    const node = parseAlt();
    if (i !== source.length)
        throw new Unsupported();
    return node;
}
// What negated sets and "." draw from: printable ASCII, so results stay readable in reports.
const PRINTABLE = [];
for (let code = 33; code <= 126; code++)
    PRINTABLE.push(code);
const PREFERRED = PRINTABLE.filter((c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122));
function inSet(code, set) {
    return set.ranges.some(([low, high]) => code >= low && code <= high);
}
function pickChar(set, rng) {
    if (set.negated) {
        const pool = PREFERRED.filter((c) => !inSet(c, set));
        const fallback = pool.length > 0 ? pool : PRINTABLE.filter((c) => !inSet(c, set));
        if (fallback.length === 0)
            throw new Unsupported();
        return String.fromCodePoint(rng.pick(fallback));
    }
    const [low, high] = rng.pick(set.ranges);
    return String.fromCodePoint(rng.int(low, high));
}
/** `exact`: unbounded repeats take exactly `unbounded` items (steering the length); otherwise up to that many more. */
function generate(node, rng, unbounded, exact = false) {
    switch (node.t) {
        case 'empty':
            return '';
        case 'chars':
            return pickChar(node.set, rng);
        case 'seq':
            return node.items.map((item) => generate(item, rng, unbounded, exact)).join('');
        case 'alt':
            return generate(rng.pick(node.options), rng, unbounded, exact);
        case 'repeat': {
            const max = node.max === Infinity ? node.min + unbounded : node.max;
            const count = exact && node.max === Infinity ? Math.max(node.min, unbounded) : rng.int(node.min, Math.max(node.min, max));
            let out = '';
            for (let k = 0; k < count; k++)
                out += generate(node.node, rng, unbounded, exact);
            return out;
        }
    }
}
const parsed = new Map();
function compilePattern(pattern) {
    try {
        return new RegExp(pattern, 'u');
    }
    catch {
        try {
            return new RegExp(pattern);
        }
        catch {
            return undefined;
        }
    }
}
/**
 * A string that matches `pattern` with a length in [minLength, maxLength], or undefined when none was found in a
 * few tries (or the pattern uses syntax the walker does not know).
 */
function sampleFromPattern(pattern, rng, minLength = 0, maxLength = Infinity, target) {
    let node = parsed.get(pattern);
    if (node === undefined) {
        try {
            node = parse(pattern);
        }
        catch {
            node = null;
        }
        parsed.set(pattern, node);
    }
    const regex = compilePattern(pattern);
    if (node === null || !regex)
        return undefined;
    const wanted = target ?? minLength;
    for (let attempt = 0; attempt < 24; attempt++) {
        // First steer towards the wanted length (wanted, wanted-1, ...), then wander.
        const exact = attempt < 12;
        const unbounded = exact ? Math.max(0, wanted - attempt) : Math.min(attempt, 64);
        let text;
        try {
            text = generate(node, rng, unbounded, exact);
        }
        catch {
            return undefined;
        }
        const length = [...text].length;
        if (target !== undefined && length !== target && attempt < 20)
            continue;
        if (length >= minLength && length <= maxLength && regex.test(text))
            return text;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./actions/contract-test/src/live/schema/generate.ts




const NONE = Symbol('none');
const MAX_DEPTH = 6;
const MAX_VARIANT_DEPTH = 2;
const MAX_VARIANTS = 40;
const MAX_ENUM_VARIANTS = 10;
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
function generate_num(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
function tighter(current, next, pick) {
    if (next === undefined)
        return current;
    return current === undefined ? next : pick(current, next);
}
function jsonEqual(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}
function codeLength(text) {
    return [...text].length;
}
class SchemaGenerator {
    settings;
    views = new WeakMap();
    constructor(settings) {
        this.settings = settings;
    }
    view(schema) {
        let view = this.views.get(schema);
        if (!view) {
            view = this.buildView(schema);
            this.views.set(schema, view);
        }
        return view;
    }
    buildView(schema) {
        const { legacy, model } = this.settings;
        const view = {
            nullable: false,
            patterns: [],
            uniqueItems: false,
            properties: new Map(),
            required: new Set(),
            readOnly: false,
            writeOnly: false,
            base: {}
        };
        const base = {};
        for (const [key, value] of Object.entries(schema)) {
            if (key !== 'oneOf' && key !== 'anyOf' && key !== 'discriminator')
                base[key] = value;
        }
        view.base = base;
        const seen = new Set();
        const apply = (s, top) => {
            if (seen.has(s))
                return;
            seen.add(s);
            if (typeof s.type === 'string')
                view.types = intersect(view.types, [s.type]);
            else if (Array.isArray(s.type)) {
                const types = s.type.filter((t) => typeof t === 'string');
                if (top && types.includes('null'))
                    view.nullable = true;
                view.types = intersect(view.types, types.filter((t) => t !== 'null'));
            }
            if (legacy && top && (s.nullable === true || s['x-nullable'] === true))
                view.nullable = true;
            if (Array.isArray(s.enum)) {
                const values = s.enum;
                view.enum = view.enum ? view.enum.filter((v) => values.some((w) => jsonEqual(v, w))) : [...values];
            }
            if (s.const !== undefined)
                view.const = s.const;
            view.minLength = tighter(view.minLength, generate_num(s.minLength), Math.max);
            view.maxLength = tighter(view.maxLength, generate_num(s.maxLength), Math.min);
            if (typeof s.pattern === 'string' && compilePattern(s.pattern))
                view.patterns.push(s.pattern);
            if (isKnownFormat(s.format))
                view.format = s.format;
            let minimum = generate_num(s.minimum);
            let maximum = generate_num(s.maximum);
            let exclusiveMinimum = generate_num(s.exclusiveMinimum);
            let exclusiveMaximum = generate_num(s.exclusiveMaximum);
            if (s.exclusiveMinimum === true && minimum !== undefined)
                [exclusiveMinimum, minimum] = [minimum, undefined];
            if (s.exclusiveMaximum === true && maximum !== undefined)
                [exclusiveMaximum, maximum] = [maximum, undefined];
            view.minimum = tighter(view.minimum, minimum, Math.max);
            view.maximum = tighter(view.maximum, maximum, Math.min);
            view.exclusiveMinimum = tighter(view.exclusiveMinimum, exclusiveMinimum, Math.max);
            view.exclusiveMaximum = tighter(view.exclusiveMaximum, exclusiveMaximum, Math.min);
            if (generate_num(s.multipleOf) !== undefined && generate_num(s.multipleOf) > 0)
                view.multipleOf = generate_num(s.multipleOf);
            if (model_isObject(s.items))
                view.items = s.items;
            if (Array.isArray(s.prefixItems))
                view.prefixItems = s.prefixItems.filter(model_isObject);
            view.minItems = tighter(view.minItems, generate_num(s.minItems), Math.max);
            view.maxItems = tighter(view.maxItems, generate_num(s.maxItems), Math.min);
            if (s.uniqueItems === true)
                view.uniqueItems = true;
            if (model_isObject(s.properties)) {
                for (const [name, child] of Object.entries(s.properties)) {
                    if (!model_isObject(child))
                        continue;
                    const existing = view.properties.get(name);
                    view.properties.set(name, existing && existing !== child ? { allOf: [existing, child] } : child);
                }
            }
            if (Array.isArray(s.required))
                for (const name of s.required)
                    if (typeof name === 'string')
                        view.required.add(name);
            if (s.additionalProperties === false)
                view.additionalProperties = false;
            else if (model_isObject(s.additionalProperties) && view.additionalProperties !== false)
                view.additionalProperties = s.additionalProperties;
            view.minProperties = tighter(view.minProperties, generate_num(s.minProperties), Math.max);
            view.maxProperties = tighter(view.maxProperties, generate_num(s.maxProperties), Math.min);
            if (s.readOnly === true)
                view.readOnly = true;
            if (s.writeOnly === true)
                view.writeOnly = true;
            for (const keyword of ['oneOf', 'anyOf']) {
                const members = s[keyword];
                if (!view.choices && Array.isArray(members) && members.length > 0)
                    view.choices = { keyword, members: members.filter(model_isObject) };
            }
            if (model &&
                model_isObject(s.discriminator) &&
                typeof s.discriminator.propertyName === 'string' &&
                !view.discriminator) {
                const branches = discriminatorBranches(s, model);
                if (branches.length > 0)
                    view.discriminator = { property: s.discriminator.propertyName, branches };
            }
            if (Array.isArray(s.allOf))
                for (const member of s.allOf)
                    if (model_isObject(member))
                        apply(member, false);
        };
        apply(schema, true);
        if (view.types === undefined)
            view.types = inferTypes(view);
        return view;
    }
    hidden(schema) {
        const view = this.view(schema);
        return this.settings.direction === 'request' ? view.readOnly : view.writeOnly;
    }
    /** Properties the direction lets through (no readOnly in requests, no writeOnly in responses). */
    visibleProperties(view) {
        return [...view.properties].filter(([, child]) => !this.hidden(child));
    }
    /** The schemas a oneOf/anyOf or discriminator can become, each merged with what surrounds it. */
    branches(view) {
        if (view.discriminator) {
            const { property, branches } = view.discriminator;
            return branches.map(([value, branch]) => ({
                // The branch may itself extend the base through allOf (the inheritance pattern): it is the whole schema.
                schema: Array.isArray(branch.allOf) && branch.allOf.length > 0 ? branch : { allOf: [view.base, branch] },
                label: `${property}=${value}`,
                discriminator: [property, value]
            }));
        }
        if (!view.choices)
            return [];
        return view.choices.members.map((member, index) => ({
            schema: { allOf: [view.base, member] },
            label: `${view.choices.keyword}[${index}]`
        }));
    }
    /** One valid value, or NONE when the schema cannot be satisfied within the depth limit. */
    sample(schema, rng, context = {}, depth = 0) {
        if (depth > MAX_DEPTH)
            return NONE;
        if (this.settings.preferExamples) {
            const example = schema.example !== undefined ? schema.example : Array.isArray(schema.examples) ? schema.examples[0] : undefined;
            if (example !== undefined)
                return JSON.parse(JSON.stringify(example));
        }
        const view = this.view(schema);
        if (view.const !== undefined)
            return view.const;
        if (view.enum) {
            const values = view.enum.filter((v) => v !== null);
            if (values.length > 0)
                return rng.pick(values);
            return view.nullable || view.enum.includes(null) ? null : NONE;
        }
        const branches = this.branches(view);
        if (branches.length > 0) {
            const start = rng.int(0, branches.length - 1);
            for (let k = 0; k < branches.length; k++) {
                const branch = branches[(start + k) % branches.length];
                const value = this.sample(branch.schema, rng, context, depth + 1);
                if (value === NONE)
                    continue;
                if (branch.discriminator && model_isObject(value))
                    value[branch.discriminator[0]] = branch.discriminator[1];
                return value;
            }
            return NONE;
        }
        const types = view.types ?? ['string'];
        if (types.length === 0)
            return view.nullable ? null : NONE;
        return this.sampleType(rng.pick(types), view, rng, context, depth);
    }
    sampleType(type, view, rng, context, depth) {
        switch (type) {
            case 'string':
                return this.sampleString(view, rng, context);
            case 'integer':
            case 'number':
                return sampleNumber(view, rng, type === 'integer');
            case 'boolean':
                return rng.bool();
            case 'null':
                return null;
            case 'array':
                return this.sampleArray(view, rng, context, depth);
            case 'object':
                return this.sampleObject(view, rng, context, depth);
            default:
                return NONE;
        }
    }
    sampleString(view, rng, context, length) {
        const min = Math.max(view.minLength ?? 0, context.path ? 1 : 0);
        const max = view.maxLength ?? Infinity;
        if (min > max)
            return NONE;
        const fits = (text) => {
            const n = codeLength(text);
            return n >= min && n <= max && (length === undefined || n === length) && this.matchesPatterns(view, text);
        };
        if (view.format && FORMATS[view.format].type === 'string') {
            for (let attempt = 0; attempt < 3; attempt++) {
                const text = String(FORMATS[view.format].sample(rng));
                if (fits(text))
                    return text;
            }
            if (length === undefined)
                return NONE;
        }
        if (view.patterns.length > 0) {
            const text = sampleFromPattern(view.patterns[0], rng, min, max, length);
            return text !== undefined && fits(text) ? text : NONE;
        }
        const n = length ?? rng.int(Math.max(min, 1), Math.max(min, Math.min(max, Math.max(min, 1) + 7)));
        if (n < min || n > max)
            return NONE;
        let text = '';
        for (let i = 0; i < n; i++)
            text += LETTERS[rng.int(0, LETTERS.length - 1)];
        return text;
    }
    matchesPatterns(view, text) {
        return view.patterns.every((pattern) => compilePattern(pattern).test(text));
    }
    sampleArray(view, rng, context, depth, count) {
        const min = view.minItems ?? 0;
        const max = view.maxItems ?? Infinity;
        const n = count ?? rng.int(Math.max(min, max >= 1 ? 1 : 0), Math.max(min, Math.min(max, Math.max(min, 1) + 1)));
        if (n < min || n > max)
            return NONE;
        const out = [];
        const seen = new Set();
        for (let i = 0; i < n; i++) {
            const itemSchema = view.prefixItems?.[i] ?? view.items ?? {};
            let value = NONE;
            for (let attempt = 0; attempt < 8; attempt++) {
                value = this.sample(itemSchema, rng, context, depth + 1);
                if (value === NONE)
                    return NONE;
                if (!view.uniqueItems || !seen.has(JSON.stringify(value)))
                    break;
                value = NONE;
            }
            if (value === NONE)
                return out.length >= min ? out : NONE;
            seen.add(JSON.stringify(value));
            out.push(value);
        }
        return out;
    }
    sampleObject(view, rng, context, depth, mode = 'random') {
        const out = {};
        for (const [name, child] of this.visibleProperties(view)) {
            const required = view.required.has(name);
            if (!required) {
                if (mode === 'required')
                    continue;
                if (mode === 'random' && (depth >= 3 || !rng.bool(0.6)))
                    continue;
            }
            const value = this.sample(child, rng, context, depth + 1);
            if (value === NONE) {
                if (required)
                    return NONE;
                continue;
            }
            generate_setKey(out, name, value);
        }
        // A required property that is not described must still be present.
        for (const name of view.required) {
            if (name in out || (view.properties.has(name) && this.hidden(view.properties.get(name))))
                continue;
            if (view.properties.has(name))
                return NONE;
            const extra = model_isObject(view.additionalProperties)
                ? this.sample(view.additionalProperties, rng, context, depth + 1)
                : 'value';
            if (extra === NONE)
                return NONE;
            generate_setKey(out, name, extra);
        }
        let counter = 1;
        while (view.minProperties !== undefined && Object.keys(out).length < view.minProperties) {
            if (view.additionalProperties === false)
                return NONE;
            const extra = model_isObject(view.additionalProperties)
                ? this.sample(view.additionalProperties, rng, context, depth + 1)
                : 'value';
            if (extra === NONE)
                return NONE;
            generate_setKey(out, `extra${counter++}`, extra);
        }
        if (view.maxProperties !== undefined && Object.keys(out).length > view.maxProperties) {
            for (const name of Object.keys(out)) {
                if (Object.keys(out).length <= view.maxProperties)
                    break;
                if (!view.required.has(name))
                    delete out[name];
            }
            if (Object.keys(out).length > view.maxProperties)
                return NONE;
        }
        return out;
    }
    /**
     * Valid values at the edges: each constraint's boundaries, each enum value and branch, null when nullable,
     * and for objects and arrays the same one property or item at a time around `base`.
     */
    positives(schema, rng, context = {}, base, depth = 0) {
        const view = this.view(schema);
        const out = [];
        const add = (value, label) => {
            if (value !== NONE && out.length < MAX_VARIANTS)
                out.push({ value, label });
        };
        if (view.const !== undefined)
            return [{ value: view.const, label: 'the const value' }];
        if (view.enum) {
            for (const value of view.enum.slice(0, MAX_ENUM_VARIANTS)) {
                if (value === null && context.wire)
                    continue;
                add(value, `enum value ${JSON.stringify(value)}`);
            }
            return out;
        }
        if (view.nullable && !context.wire)
            add(null, 'null (nullable)');
        const branches = this.branches(view);
        if (branches.length > 0) {
            for (const branch of branches) {
                const value = this.sample(branch.schema, rng, context, depth + 1);
                if (value !== NONE && branch.discriminator && model_isObject(value))
                    value[branch.discriminator[0]] = branch.discriminator[1];
                add(value, branch.label);
            }
            return out;
        }
        for (const type of view.types ?? []) {
            if (type === 'string') {
                const min = Math.max(view.minLength ?? 0, context.path ? 1 : 0);
                const max = view.maxLength;
                const lengths = new Set();
                if (view.minLength !== undefined)
                    [min, min + 1].forEach((n) => lengths.add(n));
                if (max !== undefined)
                    [max - 1, max].forEach((n) => lengths.add(n));
                if (view.minLength === undefined && !context.path && !view.format && view.patterns.length === 0)
                    lengths.add(0);
                for (const n of [...lengths].sort((a, b) => a - b)) {
                    if (n < min || (max !== undefined && n > max))
                        continue;
                    add(this.sampleString(view, rng, context, n), `length ${n}${boundsNote(view.minLength, view.maxLength, 'Length')}`);
                }
                if (view.format)
                    add(this.sampleString(view, rng, context), `format ${view.format}`);
                if (view.patterns.length > 0)
                    add(this.sampleString(view, rng, context), `matches pattern ${view.patterns[0]}`);
            }
            else if (type === 'integer' || type === 'number') {
                for (const [value, label] of numberBoundaries(view, type === 'integer'))
                    add(value, label);
            }
            else if (type === 'boolean') {
                add(true, 'true');
                add(false, 'false');
            }
            else if (type === 'array') {
                const sizes = new Set();
                const min = view.minItems ?? 0;
                if (view.minItems !== undefined)
                    [min, min + 1].forEach((n) => sizes.add(n));
                else if (!context.wire)
                    sizes.add(0);
                if (view.maxItems !== undefined)
                    [view.maxItems - 1, view.maxItems].forEach((n) => sizes.add(n));
                // Two items at least once: how items are joined (a delimiter, repeated names) is part of the contract.
                if ((view.maxItems ?? Infinity) >= 2 && min <= 2 && ![...sizes].some((n) => n >= 2))
                    sizes.add(2);
                for (const n of [...sizes].sort((a, b) => a - b)) {
                    if (n < min || (view.maxItems !== undefined && n > view.maxItems))
                        continue;
                    add(this.sampleArray(view, rng, context, depth, n), `${n} items${boundsNote(view.minItems, view.maxItems, 'Items')}`);
                }
                if (depth < MAX_VARIANT_DEPTH && view.items) {
                    const array = Array.isArray(base) && base.length > 0
                        ? base
                        : this.sampleArray(view, rng, context, depth, Math.max(1, min));
                    if (Array.isArray(array) && array.length > 0) {
                        for (const variant of this.positives(view.items, rng, context, array[0], depth + 1).slice(0, 8)) {
                            add([variant.value, ...array.slice(1)], `[0] ${variant.label}`);
                        }
                    }
                }
            }
            else if (type === 'object') {
                const object = model_isObject(base) ? base : this.sampleObject(view, rng, context, depth, 'all');
                if (!model_isObject(object))
                    continue;
                add(this.sampleObject(view, rng, context, depth, 'required'), 'only required properties');
                add(this.sampleObject(view, rng, context, depth, 'all'), 'every documented property');
                if (model_isObject(view.additionalProperties)) {
                    const extra = this.sample(view.additionalProperties, rng, context, depth + 1);
                    if (extra !== NONE && (view.maxProperties === undefined || Object.keys(object).length < view.maxProperties))
                        add(withKey(object, 'extraProperty', extra), 'an additional property');
                }
                if (depth >= MAX_VARIANT_DEPTH)
                    continue;
                for (const [name, child] of this.visibleProperties(view)) {
                    const current = object[name];
                    for (const variant of this.positives(child, rng, context, current, depth + 1).slice(0, 8)) {
                        add(withKey(object, name, variant.value), `${name}: ${variant.label}`);
                    }
                }
            }
        }
        return out;
    }
    /** Values that each break one constraint of the schema (and keep the others), for the 4xx checks. */
    negatives(schema, rng, context = {}, base, depth = 0) {
        const view = this.view(schema);
        const out = [];
        const add = (value, label) => {
            if (value !== NONE && out.length < MAX_VARIANTS)
                out.push({ value, label });
        };
        const types = view.types ?? [];
        const allows = (type) => types.length === 0 || types.includes(type) || (type === 'integer' && types.includes('number'));
        if (!context.wire && !view.nullable && !(view.enum?.includes(null) ?? false) && view.const !== null)
            add(null, 'null where the schema does not allow it');
        if (view.const !== undefined) {
            add(typeof view.const === 'string' ? `${view.const}-other` : 'other', 'not the const value');
            return out;
        }
        if (view.enum) {
            const strings = view.enum.filter((v) => typeof v === 'string');
            if (strings.length > 0 || allows('string')) {
                let candidate = 'not-in-enum';
                while (view.enum.includes(candidate))
                    candidate += '-x';
                add(candidate, `"${candidate}" is not one of the enum values`);
            }
            else {
                const numbers = view.enum.filter((v) => typeof v === 'number');
                if (numbers.length > 0)
                    add(Math.max(...numbers) + 1, `${Math.max(...numbers) + 1} is not one of the enum values`);
            }
            return out;
        }
        if (this.branches(view).length > 0)
            return out;
        const primary = types[0];
        if (primary === undefined)
            return out;
        if (!context.wire) {
            if (!allows('string'))
                add('not-a-' + primary, `a string where ${article(primary)} is expected`);
            else if (!allows('integer') && !allows('object') && !allows('array'))
                add(12345, 'a number where a string is expected');
        }
        else if ((primary === 'integer' || primary === 'number') && !allows('string'))
            add('abc', `"abc" is not ${article(primary)}`);
        else if (primary === 'boolean' && !allows('string'))
            add('maybe', '"maybe" is not a boolean');
        if (primary === 'string') {
            if (view.minLength !== undefined && view.minLength > 0 && !(context.path && view.minLength === 1)) {
                add(this.looseString(view, rng, view.minLength - 1), `length ${view.minLength - 1} < minLength ${view.minLength}`);
            }
            if (view.maxLength !== undefined) {
                add(this.looseString(view, rng, view.maxLength + 1), `length ${view.maxLength + 1} > maxLength ${view.maxLength}`);
            }
            if (view.patterns.length > 0) {
                const regex = compilePattern(view.patterns[0]);
                const min = Math.max(view.minLength ?? 0, context.path ? 1 : 0);
                const max = view.maxLength ?? Infinity;
                const candidates = ['!', '~', ' ', '0', 'a', 'Z', '-', '!!!!!!!!', '........', '~~~~~~~~~~~~'];
                const pad = (text) => (codeLength(text) >= min ? text : text + text[0].repeat(min - codeLength(text)));
                const found = candidates.map(pad).find((text) => codeLength(text) <= max && !regex.test(text));
                if (found !== undefined)
                    add(found, `"${found}" does not match pattern ${view.patterns[0]}`);
            }
            if (view.format) {
                const invalid = FORMATS[view.format].invalid;
                if (typeof invalid === 'string') {
                    const n = codeLength(invalid);
                    if (n >= (view.minLength ?? 0) && n <= (view.maxLength ?? Infinity))
                        add(invalid, `"${invalid}" is not a valid ${view.format}`);
                }
            }
        }
        else if (primary === 'integer' || primary === 'number') {
            const integer = primary === 'integer';
            const step = view.multipleOf ?? 1;
            if (view.minimum !== undefined)
                add(view.minimum - step, `${view.minimum - step} < minimum ${view.minimum}`);
            if (view.exclusiveMinimum !== undefined)
                add(view.exclusiveMinimum, `${view.exclusiveMinimum} is not above exclusiveMinimum`);
            if (view.maximum !== undefined)
                add(view.maximum + step, `${view.maximum + step} > maximum ${view.maximum}`);
            if (view.exclusiveMaximum !== undefined)
                add(view.exclusiveMaximum, `${view.exclusiveMaximum} is not below exclusiveMaximum`);
            const inside = sampleNumber(view, rng, integer);
            if (inside !== NONE) {
                if (view.multipleOf !== undefined) {
                    const off = inside + (integer && view.multipleOf > 1 ? 1 : view.multipleOf / 2);
                    add(off, `${off} is not a multiple of ${view.multipleOf}`);
                }
                if (integer)
                    add(inside + 0.5, `${inside + 0.5} is not an integer`);
            }
            if (view.format === 'int32')
                add(2147483648, '2147483648 is outside int32');
        }
        else if (primary === 'array') {
            const min = view.minItems ?? 0;
            const array = Array.isArray(base) ? base : this.sampleArray(view, rng, context, depth, Math.max(min, 1));
            if (view.minItems !== undefined && view.minItems > 0) {
                const fewer = this.sampleArray({ ...view, minItems: undefined }, rng, context, depth, view.minItems - 1);
                add(fewer, `${view.minItems - 1} items < minItems ${view.minItems}`);
            }
            if (view.maxItems !== undefined) {
                const more = this.sampleArray({ ...view, maxItems: undefined }, rng, context, depth, view.maxItems + 1);
                add(more, `${view.maxItems + 1} items > maxItems ${view.maxItems}`);
            }
            if (view.uniqueItems && Array.isArray(array) && array.length > 0 && (view.maxItems ?? Infinity) >= 2) {
                add([array[0], array[0], ...array.slice(1, Math.max(0, (view.maxItems ?? Infinity) - 1))], 'duplicate items where uniqueItems is set');
            }
            if (depth < MAX_VARIANT_DEPTH && view.items && Array.isArray(array) && array.length > 0) {
                for (const variant of this.negatives(view.items, rng, context, array[0], depth + 1).slice(0, 8)) {
                    add([variant.value, ...array.slice(1)], `[0] ${variant.label}`);
                }
            }
        }
        else if (primary === 'object') {
            const object = model_isObject(base) ? base : this.sampleObject(view, rng, context, depth, 'all');
            if (!model_isObject(object))
                return out;
            for (const name of view.required) {
                const child = view.properties.get(name);
                if (child && this.hidden(child))
                    continue;
                if (!(name in object))
                    continue;
                const copy = { ...object };
                delete copy[name];
                add(copy, `missing required property "${name}"`);
            }
            if (view.additionalProperties === false) {
                let name = 'unexpectedProperty';
                while (view.properties.has(name))
                    name += 'X';
                add(withKey(object, name, 'x'), `undocumented property "${name}" where additionalProperties is false`);
            }
            if (depth >= MAX_VARIANT_DEPTH)
                return out;
            for (const [name, child] of this.visibleProperties(view)) {
                if (!(name in object))
                    continue;
                for (const variant of this.negatives(child, rng, context, object[name], depth + 1).slice(0, 8)) {
                    add(withKey(object, name, variant.value), `${name}: ${variant.label}`);
                }
            }
        }
        return out;
    }
    /** A string of exactly `length` code points that keeps the pattern when it can (the length is the point). */
    looseString(view, rng, length) {
        if (view.patterns.length > 0) {
            const text = sampleFromPattern(view.patterns[0], rng, length, length, length);
            if (text !== undefined && codeLength(text) === length)
                return text;
        }
        if (view.format)
            return NONE;
        let text = '';
        for (let i = 0; i < length; i++)
            text += LETTERS[rng.int(0, 25)];
        return text;
    }
}
function inferTypes(view) {
    if (view.enum) {
        const types = new Set(view.enum.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)));
        types.delete('null');
        return [...types].map((t) => (t === 'number' ? 'number' : t));
    }
    if (view.properties.size > 0 || view.required.size > 0 || view.additionalProperties !== undefined)
        return ['object'];
    if (view.items || view.prefixItems || view.minItems !== undefined)
        return ['array'];
    if (view.minLength !== undefined || view.maxLength !== undefined || view.patterns.length > 0)
        return ['string'];
    if (view.format && FORMATS[view.format].type === 'string')
        return ['string'];
    if (view.minimum !== undefined || view.maximum !== undefined || view.multipleOf !== undefined)
        return ['number'];
    return undefined;
}
function intersect(current, next) {
    if (current === undefined)
        return next;
    const out = new Set();
    for (const type of current) {
        if (next.includes(type))
            out.add(type);
        // integer is a subset of number, so the two meet at integer.
        else if ((type === 'integer' && next.includes('number')) || (type === 'number' && next.includes('integer')))
            out.add('integer');
    }
    return [...out];
}
function article(type) {
    return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
function boundsNote(min, max, what) {
    const parts = [min !== undefined ? `min${what} ${min}` : '', max !== undefined ? `max${what} ${max}` : ''].filter(Boolean);
    return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}
function generate_setKey(target, key, value) {
    if (key === '__proto__')
        Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    else
        target[key] = value;
}
function withKey(object, key, value) {
    const copy = {};
    for (const [k, v] of Object.entries(object))
        generate_setKey(copy, k, v);
    generate_setKey(copy, key, value);
    return copy;
}
function numberRange(view, integer) {
    let low = view.minimum ?? -Infinity;
    let high = view.maximum ?? Infinity;
    if (view.exclusiveMinimum !== undefined) {
        const bound = integer ? Math.floor(view.exclusiveMinimum) + 1 : view.exclusiveMinimum + (view.multipleOf ?? 0.5);
        low = Math.max(low, bound);
    }
    if (view.exclusiveMaximum !== undefined) {
        const bound = integer ? Math.ceil(view.exclusiveMaximum) - 1 : view.exclusiveMaximum - (view.multipleOf ?? 0.5);
        high = Math.min(high, bound);
    }
    if (view.format === 'int32') {
        low = Math.max(low, -2147483648);
        high = Math.min(high, 2147483647);
    }
    if (integer) {
        low = Math.ceil(low);
        high = Math.floor(high);
    }
    return low > high ? undefined : { low, high };
}
function snap(value, view, integer, range) {
    if (view.multipleOf === undefined)
        return integer ? Math.round(value) : value;
    const m = view.multipleOf;
    let k = Math.round(value / m);
    if (k * m < range.low)
        k = Math.ceil(range.low / m);
    if (k * m > range.high)
        k = Math.floor(range.high / m);
    const snapped = Number((k * m).toPrecision(12));
    return snapped >= range.low && snapped <= range.high ? snapped : undefined;
}
function sampleNumber(view, rng, integer) {
    const range = numberRange(view, integer);
    if (!range)
        return NONE;
    let { low, high } = range;
    if (low === -Infinity && high === Infinity)
        [low, high] = [1, 100];
    else if (low === -Infinity)
        low = high - 100;
    else if (high === Infinity)
        high = low + 100;
    const raw = integer ? rng.int(low, high) : Math.round((low + rng.next() * (high - low)) * 100) / 100;
    const value = snap(raw, view, integer, { low, high });
    return value === undefined ? NONE : value;
}
function numberBoundaries(view, integer) {
    const range = numberRange(view, integer);
    if (!range)
        return [];
    const step = view.multipleOf ?? 1;
    const out = [];
    const push = (value, label) => {
        const snapped = snap(value, view, integer, range);
        if (snapped === undefined || out.some(([v]) => v === snapped))
            return;
        out.push([snapped, label]);
    };
    const lowLabel = view.exclusiveMinimum !== undefined && range.low > (view.minimum ?? -Infinity)
        ? 'just above exclusiveMinimum'
        : 'minimum';
    const highLabel = view.exclusiveMaximum !== undefined && range.high < (view.maximum ?? Infinity)
        ? 'just below exclusiveMaximum'
        : 'maximum';
    if (range.low !== -Infinity) {
        push(range.low, `${lowLabel} ${range.low}`);
        if (range.low + step <= range.high)
            push(range.low + step, `${lowLabel} + ${step}`);
    }
    if (range.high !== Infinity) {
        if (range.high - step >= range.low)
            push(range.high - step, `${highLabel} - ${step}`);
        push(range.high, `${highLabel} ${range.high}`);
    }
    if (range.low === -Infinity && range.high === Infinity)
        push(0, 'zero');
    return out;
}

;// CONCATENATED MODULE: ./actions/contract-test/src/live/serialize.ts

const UNRESERVED_EXTRA = /[!'()*]/g;
/** RFC 3986 percent-encoding (encodeURIComponent leaves !'()* alone). */
function encode(text, allowReserved = false) {
    const encoded = encodeURIComponent(text).replace(UNRESERVED_EXTRA, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    if (!allowReserved)
        return encoded;
    return encoded.replace(/%(3A|2F|3F|23|5B|5D|40|21|24|26|27|28|29|2A|2B|2C|3B|3D)/gi, (m) => decodeURIComponent(m));
}
/** The text form of one scalar (nested structures become JSON, which is what servers usually accept). */
function scalarText(value) {
    if (value === null)
        return '';
    if (typeof value === 'object')
        return JSON.stringify(value);
    return String(value);
}
function entries(value) {
    return Object.entries(value).map(([k, v]) => [k, scalarText(v)]);
}
/** The path segment text for `{name}`. */
function serializePath(param, value) {
    const enc = (text) => encode(text);
    if (param.contentType)
        return enc(JSON.stringify(value));
    const { style, explode, name } = param;
    if (Array.isArray(value)) {
        const items = value.map((v) => enc(scalarText(v)));
        if (style === 'label')
            return `.${items.join(explode ? '.' : ',')}`;
        if (style === 'matrix')
            return explode ? items.map((i) => `;${name}=${i}`).join('') : `;${name}=${items.join(',')}`;
        return items.join(',');
    }
    if (model_isObject(value)) {
        const pairs = entries(value).map(([k, v]) => [enc(k), enc(v)]);
        const joined = explode ? pairs.map(([k, v]) => `${k}=${v}`) : pairs.flatMap(([k, v]) => [k, v]);
        if (style === 'label')
            return `.${joined.join(explode ? '.' : ',')}`;
        if (style === 'matrix')
            return explode ? joined.map((p) => `;${p}`).join('') : `;${name}=${joined.join(',')}`;
        return joined.join(',');
    }
    const text = enc(scalarText(value));
    if (style === 'label')
        return `.${text}`;
    if (style === 'matrix')
        return text === '' ? `;${name}` : `;${name}=${text}`;
    return text;
}
/** Encoded `name=value` pairs for the query string. */
function serializeQuery(param, value) {
    const enc = (text) => encode(text, param.allowReserved);
    const name = encode(param.name);
    if (param.contentType)
        return [`${name}=${enc(JSON.stringify(value))}`];
    const { style, explode } = param;
    if (Array.isArray(value)) {
        const items = value.map((v) => enc(scalarText(v)));
        if (explode)
            return items.map((i) => `${name}=${i}`);
        const separator = style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '|' : style === 'tabDelimited' ? '%09' : ',';
        return [`${name}=${items.join(separator)}`];
    }
    if (model_isObject(value)) {
        if (style === 'deepObject')
            return entries(value).map(([k, v]) => `${name}%5B${encode(k)}%5D=${enc(v)}`);
        if (explode)
            return entries(value).map(([k, v]) => `${encode(k)}=${enc(v)}`);
        const separator = style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '|' : ',';
        return [
            `${name}=${entries(value)
                .flatMap(([k, v]) => [enc(k), enc(v)])
                .join(separator)}`
        ];
    }
    return [`${name}=${enc(scalarText(value))}`];
}
/** Header values are sent as written, except bytes a header cannot carry, which are percent-encoded. */
function headerSafe(text) {
    return text.replace(/[^\t\x20-\x7e]/g, (c) => encodeURIComponent(c));
}
function serializeHeader(param, value) {
    if (param.contentType)
        return headerSafe(JSON.stringify(value));
    if (Array.isArray(value))
        return headerSafe(value.map(scalarText).join(','));
    if (model_isObject(value)) {
        const pairs = entries(value);
        return headerSafe((param.explode ? pairs.map(([k, v]) => `${k}=${v}`) : pairs.flat()).join(','));
    }
    return headerSafe(scalarText(value));
}
/** One `name=value` cookie pair (form style; arrays and objects comma-joined as explode=false). */
function serializeCookie(param, value) {
    let text;
    if (param.contentType)
        text = JSON.stringify(value);
    else if (Array.isArray(value))
        text = value.map(scalarText).join(',');
    else if (model_isObject(value))
        text = entries(value).flat().join(',');
    else
        text = scalarText(value);
    return `${param.name}=${encode(text)}`;
}
/** JSON media types (application/json, anything +json, and wildcards, which JSON satisfies). */
function isJsonMedia(type) {
    const base = type.split(';')[0].trim().toLowerCase();
    return base === '*/*' || base === 'application/*' || base.endsWith('/json') || base.endsWith('+json');
}
/** The media type the engine sends for a body, best first: JSON, form, multipart, text, anything with an example. */
function rankMediaTypes(content) {
    const rank = (type) => {
        const base = type.split(';')[0].trim().toLowerCase();
        if (base === 'application/json')
            return 0;
        if (isJsonMedia(base) && !base.includes('*'))
            return 1;
        if (base === 'application/x-www-form-urlencoded')
            return 2;
        if (base === 'multipart/form-data')
            return 3;
        if (base.startsWith('text/'))
            return 4;
        if (base.includes('*'))
            return 5;
        return 6;
    };
    return [...content].sort((a, b) => rank(a.type) - rank(b.type));
}
/** A body for `media`, or undefined when the engine cannot write that media type from this value. */
function serializeBody(media, value, boundarySeed) {
    const base = media.type.split(';')[0].trim().toLowerCase();
    if (base === '*/*' || base === 'application/*')
        return { contentType: 'application/json', body: JSON.stringify(value) };
    if (isJsonMedia(base))
        return { contentType: media.type, body: JSON.stringify(value) };
    if (base === 'application/x-www-form-urlencoded') {
        if (!model_isObject(value))
            return undefined;
        const pairs = [];
        for (const [key, field] of Object.entries(value)) {
            const encoding = model_isObject(media.encoding?.[key]) ? media.encoding[key] : {};
            const explode = typeof encoding.explode === 'boolean' ? encoding.explode : true;
            if (Array.isArray(field) && explode)
                for (const item of field)
                    pairs.push(`${encode(key)}=${encode(scalarText(item))}`);
            else if (Array.isArray(field))
                pairs.push(`${encode(key)}=${encode(field.map(scalarText).join(','))}`);
            else
                pairs.push(`${encode(key)}=${encode(scalarText(field))}`);
        }
        return { contentType: media.type, body: pairs.join('&') };
    }
    if (base === 'multipart/form-data') {
        if (!model_isObject(value))
            return undefined;
        const boundary = `----ubos${boundarySeed}`;
        const parts = [];
        const part = (name, text, type, filename) => {
            const disposition = `form-data; name="${name.replace(/"/g, '%22')}"${filename ? `; filename="${filename}"` : ''}`;
            parts.push(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n${text}\r\n`);
        };
        const properties = model_isObject(media.schema?.properties) ? media.schema.properties : {};
        for (const [key, field] of Object.entries(value)) {
            const schema = model_isObject(properties[key]) ? properties[key] : {};
            const binary = schema.format === 'binary' || schema.contentMediaType !== undefined;
            if (Array.isArray(field) && field.every((item) => item === null || typeof item !== 'object'))
                for (const item of field)
                    part(key, scalarText(item));
            else if (field !== null && typeof field === 'object')
                part(key, JSON.stringify(field), 'application/json');
            else if (binary)
                part(key, scalarText(field), 'application/octet-stream', `${key}.bin`);
            else
                part(key, scalarText(field));
        }
        return { contentType: `multipart/form-data; boundary=${boundary}`, body: `${parts.join('')}--${boundary}--\r\n` };
    }
    if (base.startsWith('text/') || base === 'application/octet-stream')
        return { contentType: media.type, body: typeof value === 'string' ? value : JSON.stringify(value) };
    // Other media types (XML, protobuf ...) only when the spec gave the body as text.
    return typeof value === 'string' ? { contentType: media.type, body: value } : undefined;
}

;// CONCATENATED MODULE: ./actions/contract-test/src/live/cases.ts




function createPortableCache(model) {
    const cache = {
        request: new WeakMap(),
        response: new WeakMap()
    };
    const legacy = model.version !== '3.1';
    return {
        get(schema, direction) {
            let portable = cache[direction].get(schema);
            if (!portable) {
                portable = toPortable(schema, { legacy, direction, model });
                cache[direction].set(schema, portable);
            }
            return portable;
        }
    };
}
/** The value as a server reads it off the wire: scalars become text, structure stays. */
function wireForm(value) {
    if (Array.isArray(value))
        return value.map((v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : scalarText(v)));
    if (model_isObject(value)) {
        const out = {};
        for (const [k, v] of Object.entries(value))
            out[k] = v !== null && typeof v === 'object' ? JSON.stringify(v) : scalarText(v);
        return out;
    }
    return scalarText(value);
}
function describeParam(param) {
    return `${param.in}.${param.name}`;
}
class CasePlanner {
    model;
    portables;
    validator;
    maxCases;
    generator;
    exampleGenerator;
    notes = [];
    constructor(model, portables, validator, maxCases) {
        this.model = model;
        this.portables = portables;
        this.validator = validator;
        this.maxCases = maxCases;
        const legacy = model.version !== '3.1';
        this.generator = new SchemaGenerator({ legacy, direction: 'request', model });
        this.exampleGenerator = new SchemaGenerator({ legacy, direction: 'request', model, preferExamples: true });
    }
    paramValid(param, value) {
        const portable = this.portables.get(param.schema, 'request');
        // content parameters carry JSON, not text.
        if (param.contentType)
            return this.validator.validate(portable, value).valid;
        return this.validator.validate(portable, wireForm(value), { coerce: true }).valid;
    }
    bodyValid(media, value) {
        if (!media.schema)
            return true;
        const portable = this.portables.get(media.schema, 'request');
        if (isJsonMedia(media.type))
            return this.validator.validate(portable, value).valid;
        const coerced = model_isObject(value) ? wireForm(value) : value;
        return this.validator.validate(portable, coerced, { coerce: true }).valid;
    }
    context(param) {
        return { wire: !param.contentType, path: param.in === 'path' };
    }
    bodyContext(media) {
        return { wire: !isJsonMedia(media.type) };
    }
    /** Whether the engine can put this value on the wire as this media type (XML from an object, say, it cannot). */
    writable(media, value) {
        return serializeBody(media, value, '0') !== undefined;
    }
    /** A valid value for a parameter: its first valid example, else a generated one; undefined if none. */
    paramValue(op, param, rng) {
        for (const example of param.examples) {
            if (this.paramValid(param, example))
                return example;
        }
        if (param.examples.length > 0)
            this.note(op, `the example of ${describeParam(param)} does not match its schema; not used`);
        for (let attempt = 0; attempt < 4; attempt++) {
            const value = this.generator.sample(param.schema, rng, this.context(param));
            if (value !== NONE && this.paramValid(param, value))
                return value;
        }
        return undefined;
    }
    bodyValue(op, media, rng) {
        for (const example of media.examples) {
            if (this.bodyValid(media, example))
                return example;
        }
        if (media.examples.length > 0)
            this.note(op, `the ${media.type} example of the request body does not match its schema; not used`);
        if (!media.schema)
            return media.examples[0] ?? undefined;
        for (const generator of [this.exampleGenerator, this.generator]) {
            for (let attempt = 0; attempt < 4; attempt++) {
                const value = generator.sample(media.schema, rng, this.bodyContext(media));
                if (value !== NONE && this.bodyValid(media, value))
                    return value;
            }
        }
        return undefined;
    }
    note(op, text) {
        const line = `${op.key}: ${text}`;
        if (!this.notes.includes(line))
            this.notes.push(line);
    }
    /**
     * The request every other case varies: required parameters, optional ones the spec gives an example for,
     * and the body when there is one. Undefined (with a note) when a required value cannot be produced.
     */
    baseline(op, rng) {
        const params = new Map();
        for (const param of op.parameters) {
            if (!param.required && param.examples.length === 0)
                continue;
            const value = this.paramValue(op, param, rng);
            if (value === undefined) {
                if (param.required) {
                    this.note(op, `no valid value for required ${describeParam(param)}; operation not tested`);
                    return undefined;
                }
                continue;
            }
            params.set(param, value);
        }
        if (!op.requestBody)
            return { params };
        // The first media type (JSON first) the engine can both generate and write.
        for (const media of rankMediaTypes(op.requestBody.content)) {
            const value = this.bodyValue(op, media, rng);
            if (value !== undefined && this.writable(media, value))
                return { params, body: { media, value } };
        }
        if (op.requestBody.required) {
            const types = op.requestBody.content.map((m) => m.type).join(', ');
            this.note(op, `no valid request body (${types}) could be generated; operation not tested`);
            return undefined;
        }
        return { params };
    }
    /** The baseline, then one case per further example (parameter examples, other media examples). */
    exampleCases(op, base, hasExamples) {
        const cases = [
            this.make(op, hasExamples ? 'example' : 'positive', hasExamples ? 'the examples in the spec' : 'a generated valid request', base)
        ];
        for (const param of op.parameters) {
            const seen = new Set([JSON.stringify(base.params.get(param))]);
            for (const example of param.examples) {
                const key = JSON.stringify(example);
                if (seen.has(key) || !this.paramValid(param, example))
                    continue;
                seen.add(key);
                cases.push(this.vary(op, 'example', `example ${key} for ${describeParam(param)}`, base, param, example));
            }
        }
        if (op.requestBody) {
            for (const media of op.requestBody.content) {
                const seen = new Set([JSON.stringify(base.body?.media === media ? base.body.value : undefined)]);
                for (const example of media.examples) {
                    const key = JSON.stringify(example);
                    if (seen.has(key) || !this.bodyValid(media, example) || !this.writable(media, example))
                        continue;
                    seen.add(key);
                    cases.push(this.make(op, 'example', `${media.type} body example`, {
                        params: base.params,
                        body: { media, value: example }
                    }));
                }
            }
        }
        return cases.slice(0, this.maxCases);
    }
    positiveCases(op, base, rng) {
        const cases = [];
        for (const param of op.parameters) {
            const variants = this.generator.positives(param.schema, rng, this.context(param));
            for (const variant of variants) {
                if (!this.paramValid(param, variant.value))
                    continue;
                cases.push(this.vary(op, 'positive', `${describeParam(param)}: ${variant.label}`, base, param, variant.value));
            }
            if (!param.required && base.params.has(param)) {
                const params = new Map(base.params);
                params.delete(param);
                cases.push(this.make(op, 'positive', `without optional ${describeParam(param)}`, { ...base, params }));
            }
        }
        if (base.body) {
            const { media, value } = base.body;
            if (media.schema) {
                for (const variant of this.generator.positives(media.schema, rng, this.bodyContext(media), value)) {
                    if (!this.bodyValid(media, variant.value))
                        continue;
                    cases.push(this.make(op, 'positive', `body ${variant.label}`, {
                        params: base.params,
                        body: { media, value: variant.value }
                    }));
                }
            }
            for (const other of op.requestBody.content) {
                if (other === media || !this.bodyValid(other, value) || !this.writable(other, value))
                    continue;
                cases.push(this.make(op, 'positive', `body as ${other.type}`, { params: base.params, body: { media: other, value } }));
            }
            if (!op.requestBody.required)
                cases.push(this.make(op, 'positive', 'no body (the request body is optional)', { params: base.params }));
        }
        return spread(cases, this.maxCases);
    }
    negativeCases(op, base, rng) {
        const cases = [];
        for (const param of op.parameters) {
            // A missing required header is the missing-required-header check's own probe.
            if (param.required && param.in !== 'path' && param.in !== 'header' && base.params.has(param)) {
                const params = new Map(base.params);
                params.delete(param);
                cases.push(this.make(op, 'negative', `missing required ${describeParam(param)}`, { ...base, params }));
            }
            const variants = this.generator.negatives(param.schema, rng, this.context(param), base.params.get(param));
            for (const variant of variants) {
                if (this.paramValid(param, variant.value))
                    continue;
                cases.push(this.vary(op, 'negative', `${describeParam(param)}: ${variant.label}`, base, param, variant.value));
            }
        }
        if (op.requestBody) {
            if (op.requestBody.required)
                cases.push(this.make(op, 'negative', 'no body although the request body is required', { params: base.params }));
            if (base.body?.media.schema) {
                const { media, value } = base.body;
                for (const variant of this.generator.negatives(media.schema, rng, this.bodyContext(media), value)) {
                    if (this.bodyValid(media, variant.value))
                        continue;
                    cases.push(this.make(op, 'negative', `body ${variant.label}`, {
                        params: base.params,
                        body: { media, value: variant.value }
                    }));
                }
            }
        }
        return spread(cases, this.maxCases);
    }
    make(op, kind, description, input, extra = {}) {
        return { op, kind, description, method: op.method, input, auth: 'credentials', ...extra };
    }
    vary(op, kind, description, base, param, value) {
        const params = new Map(base.params);
        params.set(param, value);
        return this.make(op, kind, description, { ...base, params });
    }
}
/** At most `limit` cases, taken evenly from the list so every parameter and field keeps some. */
function spread(cases, limit) {
    if (cases.length <= limit)
        return cases;
    const out = [];
    const step = cases.length / limit;
    for (let i = 0; i < limit; i++)
        out.push(cases[Math.floor(i * step)]);
    return out;
}
/** Whether the operation has any example written in the spec (parameters or bodies). */
function hasExamples(op) {
    return (op.parameters.some((p) => p.examples.length > 0) ||
        (op.requestBody?.content.some((m) => m.examples.length > 0 || (m.schema !== undefined && schemaHasExample(m.schema))) ??
            false));
}
function schemaHasExample(schema) {
    if (schema.example !== undefined || Array.isArray(schema.examples))
        return true;
    if (model_isObject(schema.properties))
        return Object.values(schema.properties).some((p) => model_isObject(p) && (p.example !== undefined || Array.isArray(p.examples)));
    return false;
}

;// CONCATENATED MODULE: ./actions/contract-test/src/live/checks/check.ts
/** Helper so each module keeps its expectation type while the registry holds them side by side. */
function check_defineCheck(check) {
    return check;
}
function statusClass(status) {
    return `${Math.floor(status / 100)}xx`;
}

;// CONCATENATED MODULE: ./actions/contract-test/src/live/checks/allow-header-conformance.ts
// When the server lists the methods of a path (Allow, on OPTIONS), the list must be what the spec documents:
// an extra method is an undocumented operation, a missing one a documented operation the server disowns.
// HEAD and OPTIONS are left out on both sides; frameworks add them on their own.

const IGNORED = new Set(['HEAD', 'OPTIONS']);
/* harmony default export */ const allow_header_conformance = (check_defineCheck({
    id: 'allow-header-conformance',
    title: 'Allow header conformance',
    description: 'The Allow header of an OPTIONS response lists exactly the documented methods.',
    schemathesis: 'allow_header_conformance',
    appliesTo: (kase) => kase.kind === 'options',
    plan({ op, base, planner, model, firstOfPath }) {
        if (!firstOfPath || (model.methodsByPath.get(op.path) ?? []).includes('options'))
            return [];
        const params = new Map([...base.params].filter(([p]) => p.in === 'path'));
        return [planner.make(op, 'options', 'OPTIONS, to compare Allow with the spec', { params }, { method: 'options' })];
    },
    expect({ kase, model, response }) {
        if (!response || response.headers['allow'] === undefined)
            return undefined;
        const documented = (model.methodsByPath.get(kase.op.path) ?? []).map((m) => m.toUpperCase());
        return { documented: documented.filter((m) => !IGNORED.has(m)) };
    },
    evaluate(observed, expected) {
        const allow = (observed.response.headers['allow'] ?? '')
            .split(',')
            .map((m) => m.trim().toUpperCase())
            .filter((m) => m !== '' && !IGNORED.has(m));
        const extra = allow.filter((m) => !expected.documented.includes(m));
        const missing = expected.documented.filter((m) => !allow.includes(m));
        if (extra.length === 0 && missing.length === 0)
            return undefined;
        const parts = [
            extra.length > 0 ? `undocumented ${extra.join(', ')}` : '',
            missing.length > 0 ? `missing documented ${missing.join(', ')}` : ''
        ];
        return { message: `Allow header does not match the spec: ${parts.filter(Boolean).join('; ')}` };
    }
}));

;// CONCATENATED MODULE: ./actions/contract-test/src/live/checks/support.ts
/** The documented response a status falls under: the exact code, then a range such as 2XX, then default. */
function matchResponse(op, status) {
    const code = String(status);
    const range = `${code[0]}XX`;
    return (op.responses.find((r) => r.key === code) ??
        op.responses.find((r) => r.key.toUpperCase() === range) ??
        op.responses.find((r) => r.key === 'default'));
}
function isDocumented(keys, status) {
    const code = String(status);
    return keys.some((key) => key === code || key.toUpperCase() === `${code[0]}XX` || key === 'default');
}
/** `application/json; charset=utf-8` -> `application/json`; undefined for something that is not type/subtype. */
function mediaBase(contentType) {
    if (contentType === undefined)
        return undefined;
    const base = contentType.split(';')[0].trim().toLowerCase();
    return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+*-]+$/.test(base) ? base : undefined;
}
/** The documented media type an actual one satisfies: the same type, then `type/*`, then `*\/*`. */
function matchMedia(documented, actual) {
    const [type] = actual.split('/');
    const bases = documented.map((d) => [d, mediaBase(d) ?? d.toLowerCase()]);
    return (bases.find(([, base]) => base === actual)?.[0] ??
        bases.find(([, base]) => base === `${type}/*`)?.[0] ??
        bases.find(([, base]) => base === '*/*')?.[0]);
}

;// CONCATENATED MODULE: ./actions/contract-test/src/live/checks/content-type-conformance.ts
// A response with a body must say what it is, and be one of the media types documented for its status.


/* harmony default export */ const content_type_conformance = (check_defineCheck({
    id: 'content-type-conformance',
    title: 'Content type conformance',
    description: 'The Content-Type of a response is one of the media types documented for its status.',
    schemathesis: 'content_type_conformance',
    appliesTo: (kase) => kase.kind !== 'unsupported-method' && kase.kind !== 'options',
    expect({ responseDef }) {
        if (!responseDef || responseDef.content.length === 0)
            return undefined;
        return { status: responseDef.key, documented: responseDef.content.map((m) => m.type) };
    },
    evaluate(observed, expected) {
        const response = observed.response;
        const header = response.headers['content-type'];
        if (header === undefined) {
            // An empty body has no type to declare; response-schema-conformance says whether a body was due.
            if (response.body.length === 0)
                return undefined;
            return {
                message: `no Content-Type header (documented for ${expected.status}: ${expected.documented.join(', ')})`
            };
        }
        const base = mediaBase(header);
        if (base === undefined)
            return { message: `malformed Content-Type "${header}"` };
        if (matchMedia(expected.documented, base) !== undefined)
            return undefined;
        return {
            message: `undocumented Content-Type ${base} (documented for ${expected.status}: ${expected.documented.join(', ')})`
        };
    }
}));

;// CONCATENATED MODULE: ./actions/contract-test/src/live/checks/ensure-resource-availability.ts
// A resource the server says it created (2xx, with an id or a Location) must be readable right away.

/* harmony default export */ const ensure_resource_availability = (check_defineCheck({
    id: 'ensure-resource-availability',
    title: 'Resource availability',
    description: 'A resource created with a 2xx can be read back at once (links, Location or inferred id).',
    schemathesis: 'ensure_resource_availability',
    appliesTo: (kase) => kase.role === 'read-after-create',
    expect: ({ kase, credentialsApplied }) => ({
        created: kase.description,
        tolerated: !credentialsApplied && kase.op.security.length > 0 ? [401, 403] : []
    }),
    evaluate(observed, expected) {
        const status = observed.response.status;
        if (status < 300 || expected.tolerated.includes(status))
            return undefined;
        return { message: `the created resource cannot be read back (${status})` };
    }
}));

;// CONCATENATED MODULE: ./actions/contract-test/src/live/checks/hook-assertion.ts
// A hooks file may fail a transaction itself (Dredd's transaction.fail = "why"): that is a failure too.

/* harmony default export */ const hook_assertion = (check_defineCheck({
    id: 'hook-assertion',
    title: 'Hook assertion',
    description: 'A hook (hooks file) marked the transaction as failed.',
    judgesServerErrors: true,
    appliesTo: () => true,
    expect: ({ options }) => (options.hooks ? {} : undefined),
    evaluate: (observed) => (observed.hookFailure ? { message: `hook: ${observed.hookFailure}` } : undefined)
}));

;// CONCATENATED MODULE: ./actions/contract-test/src/live/checks/ignored-auth.ts
// An operation that declares security (and no anonymous alternative) must refuse a request without
// credentials. Any 4xx counts as refusing (401 and 403 are usual; some APIs hide resources with 404).

/* harmony default export */ const ignored_auth = (check_defineCheck({
    id: 'ignored-auth',
    title: 'Ignored authentication',
    description: 'Secured operations reject requests that carry no credentials.',
    schemathesis: 'ignored_auth',
    appliesTo: (kase) => kase.kind === 'unauthenticated',
    plan({ op, base, planner }) {
        if (op.security.length === 0 || op.anonymousAllowed)
            return [];
        return [planner.make(op, 'unauthenticated', 'no credentials', base, { auth: 'none' })];
    },
    expect: ({ kase }) => ({ schemes: [...new Set(kase.op.security.flat().map((s) => s.name))] }),
    evaluate(observed, expected) {
        const status = observed.response.status;
        if (status >= 400)
            return undefined;
        return {
            message: `answered ${status} to a request without credentials (the operation requires ${expected.schemes.join(' or ')}); expected 401 or 403`
        };
    }
}));

;// CONCATENATED MODULE: ./actions/contract-test/src/live/checks/max-response-time.ts
// The 95th percentile of an operation's response times must stay under the threshold (off unless one is
// given). A percentile, not every request: one slow outlier on a shared runner is noise, a slow operation is not.

function percentile(values, p) {
    if (values.length === 0)
        return 0;
    const sorted = [...values].sort((a, b) => a - b);
    const rank = Math.ceil((p / 100) * sorted.length) - 1;
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}
/* harmony default export */ const max_response_time = (check_defineCheck({
    id: 'max-response-time',
    title: 'Max response time',
    description: 'Per operation, the 95th percentile response time stays under max-response-time (off when unset).',
    schemathesis: 'max_response_time',
    judgesServerErrors: true,
    appliesTo: () => true,
    expect: ({ options }) => options.maxResponseTimeMs === undefined ? undefined : { thresholdMs: options.maxResponseTimeMs },
    // Live runs use the percentile (aggregate); a replayed exchange is judged on its own time.
    evaluate(observed, expected) {
        const time = observed.response?.timeMs;
        if (time === undefined || time <= expected.thresholdMs)
            return undefined;
        return { message: `took ${Math.round(time)}ms, more than ${expected.thresholdMs}ms` };
    },
    aggregate(timings, options) {
        if (options.maxResponseTimeMs === undefined || timings.timesMs.length === 0)
            return undefined;
        const p95 = percentile(timings.timesMs, 95);
        if (p95 <= options.maxResponseTimeMs)
            return undefined;
        return {
            message: `p95 response time ${Math.round(p95)}ms over ${timings.timesMs.length} requests, more than ${options.maxResponseTimeMs}ms`
        };
    }
}));

;// CONCATENATED MODULE: ./actions/contract-test/src/live/checks/missing-required-header.ts
// Leaving out a header the operation requires must get a 4xx (401 when it is Authorization).

/* harmony default export */ const missing_required_header = (check_defineCheck({
    id: 'missing-required-header',
    title: 'Missing required header',
    description: 'Requests without a required header are rejected (400, 401, 403, 406, 415 or 422).',
    schemathesis: 'missing_required_header',
    appliesTo: (kase) => kase.kind === 'missing-header',
    plan({ op, base, planner }) {
        return op.parameters
            .filter((p) => p.in === 'header' && p.required && base.params.has(p))
            .map((p) => planner.make(op, 'missing-header', `without the required header ${p.name}`, base, { omitHeader: p.name }));
    },
    expect({ kase }) {
        const header = kase.omitHeader;
        return { header, accepted: header.toLowerCase() === 'authorization' ? [401] : [400, 401, 403, 406, 415, 422] };
    },
    evaluate(observed, expected) {
        const status = observed.response.status;
        if (expected.accepted.includes(status))
            return undefined;
        const level = status >= 400 ? 'warning' : 'error';
        return {
            level,
            message: `answered ${status} without the required header ${expected.header}; expected ${expected.accepted.join(', ')}`
        };
    }
}));

;// CONCATENATED MODULE: ./actions/contract-test/src/live/checks/negative-data-rejection.ts
// A request that breaks one documented constraint must be refused with a 4xx: a server that accepts it either
// does not validate its input or documents constraints it does not have.

/* harmony default export */ const negative_data_rejection = (check_defineCheck({
    id: 'negative-data-rejection',
    title: 'Negative data rejection',
    description: 'Requests that break exactly one documented constraint are rejected with a 4xx.',
    schemathesis: 'negative_data_rejection',
    appliesTo: (kase) => kase.kind === 'negative',
    expect: ({ kase }) => ({ violation: kase.description }),
    evaluate(observed) {
        const status = observed.response.status;
        if (status >= 400)
            return undefined;
        return { message: `accepted invalid data with ${status}; expected a 4xx` };
    }
}));

;// CONCATENATED MODULE: ./actions/contract-test/src/live/checks/not-a-server-error.ts
// Every request, valid or not, must get an answer below 500: a 5xx (or no answer at all) is a crash, a timeout
// or an unhandled input on the server's side.

/* harmony default export */ const not_a_server_error = (check_defineCheck({
    id: 'not-a-server-error',
    title: 'Not a server error',
    description: 'No request gets a 5xx response, or no response at all (timeout, reset connection).',
    schemathesis: 'not_a_server_error',
    judgesServerErrors: true,
    appliesTo: () => true,
    expect: () => ({}),
    evaluate(observed) {
        if (!observed.response)
            return { message: `no response: ${observed.error ?? 'unknown error'}` };
        const { status } = observed.response;
        if (status >= 500)
            return { message: `server error ${status}` };
        return undefined;
    }
}));

;// CONCATENATED MODULE: ./actions/contract-test/src/live/checks/positive-data-acceptance.ts
// A request the spec calls valid (its examples, generated boundary values) must be accepted: 2xx, or a status
// that says something other than "your data is wrong" (a generated id that does not exist, a conflict with
// earlier data, rate limiting, and missing credentials when none were configured).

/* harmony default export */ const positive_data_acceptance = (check_defineCheck({
    id: 'positive-data-acceptance',
    title: 'Positive data acceptance',
    description: 'Valid requests (examples, boundary values) are accepted with a 2xx.',
    schemathesis: 'positive_data_acceptance',
    appliesTo: (kase) => kase.kind === 'example' || kase.kind === 'positive' || kase.role === 'create',
    expect({ kase, credentialsApplied }) {
        const accepted = [409, 429];
        if (kase.op.parameters.some((p) => p.in === 'path') && kase.kind !== 'stateful')
            accepted.push(404, 410);
        if (!credentialsApplied && kase.op.security.length > 0)
            accepted.push(401, 403);
        return { accepted, case: kase.description };
    },
    evaluate(observed, expected) {
        const status = observed.response.status;
        if (status < 300 || expected.accepted.includes(status))
            return undefined;
        return { message: `rejected valid data with ${status}` };
    }
}));

;// CONCATENATED MODULE: ./actions/contract-test/src/live/checks/response-headers-conformance.ts

/* harmony default export */ const response_headers_conformance = (check_defineCheck({
    id: 'response-headers-conformance',
    title: 'Response headers conformance',
    description: 'Required response headers are present and documented headers match their schemas.',
    schemathesis: 'response_headers_conformance',
    appliesTo: (kase) => kase.kind !== 'unsupported-method' && kase.kind !== 'options',
    expect({ responseDef, portables }) {
        if (!responseDef || responseDef.headers.length === 0)
            return undefined;
        return {
            status: responseDef.key,
            headers: responseDef.headers.map((h) => ({
                name: h.name,
                required: h.required,
                schema: Object.keys(h.schema).length > 0 ? portables.get(h.schema, 'response') : undefined
            }))
        };
    },
    evaluate(observed, expected, { validator }) {
        const headers = observed.response.headers;
        const missing = expected.headers.filter((h) => h.required && headers[h.name.toLowerCase()] === undefined);
        if (missing.length > 0)
            return {
                message: `missing required header${missing.length > 1 ? 's' : ''} ${missing.map((h) => h.name).join(', ')} (documented for ${expected.status})`
            };
        for (const header of expected.headers) {
            const value = headers[header.name.toLowerCase()];
            if (value === undefined || !header.schema)
                continue;
            const outcome = validator.validate(header.schema, value, { coerce: true, prefix: header.name });
            if (!outcome.valid)
                return {
                    message: `header ${header.name}: "${value.slice(0, 80)}" ${outcome.errors[0].replace(/^[^:]*: /, '')}`
                };
        }
        return undefined;
    }
}));

;// CONCATENATED MODULE: ./actions/contract-test/src/live/checks/response-schema-conformance.ts
// The body of a response must match the schema documented for its status and media type (ajv: OAS 3.0 and
// Swagger 2.0 semantics, or JSON Schema 2020-12 for OAS 3.1; writeOnly properties are not required here).



/* harmony default export */ const response_schema_conformance = (check_defineCheck({
    id: 'response-schema-conformance',
    title: 'Response schema conformance',
    description: 'JSON response bodies match the schema documented for their status and media type.',
    schemathesis: 'response_schema_conformance',
    appliesTo: (kase) => kase.kind !== 'unsupported-method' && kase.kind !== 'options',
    expect({ responseDef, response, portables, kase }) {
        if (!responseDef || !response || kase.method === 'head')
            return undefined;
        const base = mediaBase(response.headers['content-type']);
        const documented = responseDef.content.map((m) => m.type);
        // Without a Content-Type the documented type is assumed when there is only one; else nothing to go by.
        const matched = base === undefined ? (documented.length === 1 ? documented[0] : undefined) : matchMedia(documented, base);
        const media = responseDef.content.find((m) => m.type === matched);
        if (!media?.schema || !isJsonMedia(base ?? media.type))
            return undefined;
        return { status: responseDef.key, mediaType: media.type, schema: portables.get(media.schema, 'response') };
    },
    evaluate(observed, expected, { validator }) {
        const response = observed.response;
        if (response.truncated)
            return undefined;
        if (response.body.trim() === '') {
            return { message: `empty body where ${expected.mediaType} is documented for ${expected.status}` };
        }
        let data;
        try {
            data = JSON.parse(response.body);
        }
        catch {
            return { message: `body is not valid JSON (documented: ${expected.mediaType} for ${expected.status})` };
        }
        const outcome = validator.validate(expected.schema, data);
        if (outcome.valid)
            return undefined;
        return { message: `body does not match the ${expected.status} schema: ${outcome.errors.join('; ')}` };
    }
}));

;// CONCATENATED MODULE: ./actions/contract-test/src/live/checks/status-code-conformance.ts
// A response to valid data must carry a status the operation documents (the code, a range such as 2XX, or
// default). Rejections of invalid data and probes are judged by their own checks, which know what they expect.


/* harmony default export */ const status_code_conformance = (check_defineCheck({
    id: 'status-code-conformance',
    title: 'Status code conformance',
    description: 'Responses to valid requests use a status code the operation documents (exact, range or default).',
    schemathesis: 'status_code_conformance',
    appliesTo: (kase) => kase.kind === 'example' || kase.kind === 'positive' || kase.kind === 'stateful',
    expect: ({ kase }) => ({ documented: kase.op.responses.map((r) => r.key) }),
    evaluate(observed, expected) {
        const status = observed.response.status;
        if (isDocumented(expected.documented, status))
            return undefined;
        return { message: `undocumented status ${status} (documented: ${expected.documented.join(', ') || 'none'})` };
    }
}));

;// CONCATENATED MODULE: ./actions/contract-test/src/live/checks/unsupported-method.ts

const CANDIDATES = ['delete', 'put', 'patch', 'post', 'get'];
/* harmony default export */ const unsupported_method = (check_defineCheck({
    id: 'unsupported-method',
    title: 'Unsupported method',
    description: 'Undocumented methods get 405 Method Not Allowed with an Allow header.',
    schemathesis: 'unsupported_method',
    appliesTo: (kase) => kase.kind === 'unsupported-method',
    plan({ op, base, planner, model, firstOfPath }) {
        if (!firstOfPath)
            return [];
        const documented = model.methodsByPath.get(op.path) ?? [];
        // One undocumented method per path; the writes first, since accepting those does the most harm.
        const method = CANDIDATES.find((m) => !documented.includes(m));
        if (!method)
            return [];
        const params = new Map([...base.params].filter(([p]) => p.in === 'path'));
        return [
            planner.make(op, 'unsupported-method', `undocumented method ${method.toUpperCase()}`, { params }, { method })
        ];
    },
    expect({ kase, model }) {
        const documented = (model.methodsByPath.get(kase.op.path) ?? []).map((m) => m.toUpperCase());
        return { method: kase.method.toUpperCase(), documented };
    },
    evaluate(observed, expected) {
        const { status, headers } = observed.response;
        if (status < 400)
            return { message: `${expected.method} is not documented but was answered ${status}; expected 405` };
        if (status !== 405)
            return { level: 'warning', message: `${expected.method} answered ${status}; expected 405 Method Not Allowed` };
        if (headers['allow'] === undefined)
            return {
                level: 'warning',
                message: `${expected.method} answered 405 without the Allow header RFC 9110 requires`
            };
        return undefined;
    }
}));

;// CONCATENATED MODULE: ./actions/contract-test/src/live/checks/use-after-free.ts
// After a successful DELETE, the resource must be gone: reading it again gets 404 or 410.

/* harmony default export */ const use_after_free = (check_defineCheck({
    id: 'use-after-free',
    title: 'Use after free',
    description: 'A resource deleted with a 2xx is no longer readable (404 or 410).',
    schemathesis: 'use_after_free',
    appliesTo: (kase) => kase.role === 'read-after-delete',
    expect: ({ kase }) => ({ deleted: kase.description }),
    evaluate(observed) {
        const status = observed.response.status;
        if (status >= 400)
            return undefined;
        return { message: `the deleted resource is still readable (${status}); expected 404 or 410` };
    }
}));

;// CONCATENATED MODULE: ./actions/contract-test/src/live/checks/index.ts
// The registry of live checks, in report order. A new check is one module here and a line below.
















const LIVE_CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    missing_required_header,
    unsupported_method,
    allow_header_conformance,
    ignored_auth,
    use_after_free,
    ensure_resource_availability,
    max_response_time,
    hook_assertion
];
const LIVE_CHECK_IDS = LIVE_CHECKS.map((c) => c.id);
function liveCheck(id) {
    return LIVE_CHECKS.find((c) => c.id === id);
}
/** The checks to run: all, or the listed ids (`all` allowed in the list); unknown ids are a user mistake. */
function selectChecks(ids) {
    if (ids === undefined || ids.length === 0 || ids.includes('all'))
        return [...LIVE_CHECKS];
    const unknown = ids.filter((id) => !LIVE_CHECK_IDS.includes(id));
    if (unknown.length > 0)
        throw new errors/* ConfigurationError */.j1(`unknown live check${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (known: ${LIVE_CHECK_IDS.join(', ')})`);
    return LIVE_CHECKS.filter((c) => ids.includes(c.id));
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
;// CONCATENATED MODULE: ./actions/contract-test/src/live/client.ts
// The engine's HTTP client, over node:http rather than fetch: a contract test must see redirects as they are
// (fetch follows them), send any method and header, keep the status and headers of a response whose body is too
// large (fetch-based helpers drop it), and bound every exchange in time and size.


class TransportError extends Error {
    timeMs;
    name = 'TransportError';
    constructor(message, timeMs) {
        super(message);
        this.timeMs = timeMs;
    }
}
const REASONS = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset by the server',
    EPIPE: 'connection closed by the server',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'DNS lookup failed',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    HPE_INVALID_CONSTANT: 'the response is not valid HTTP',
    HPE_INVALID_HEADER_TOKEN: 'the response has an invalid header'
};
class HttpClient {
    options;
    httpAgent;
    httpsAgent;
    constructor(options) {
        this.options = options;
        this.httpAgent = new (external_node_http_default()).Agent({ keepAlive: true, maxSockets: options.maxSockets });
        this.httpsAgent = new (external_node_https_default()).Agent({ keepAlive: true, maxSockets: options.maxSockets });
    }
    send(request, signal) {
        const started = performance.now();
        const elapsed = () => performance.now() - started;
        return new Promise((resolve, reject) => {
            let url;
            try {
                url = new URL(request.url);
            }
            catch {
                reject(new TransportError('not a valid URL', 0));
                return;
            }
            const secure = url.protocol === 'https:';
            if (!secure && url.protocol !== 'http:') {
                reject(new TransportError(`unsupported protocol ${url.protocol}`, 0));
                return;
            }
            const headers = { ...request.headers };
            if (request.body !== undefined)
                headers['content-length'] = String(Buffer.byteLength(request.body));
            let settled = false;
            const finish = (error, response) => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timer);
                signal?.removeEventListener('abort', onAbort);
                if (error)
                    reject(error);
                else
                    resolve(response);
            };
            let outgoing;
            try {
                outgoing = (secure ? (external_node_https_default()) : (external_node_http_default())).request(url, {
                    method: request.method,
                    headers,
                    agent: secure ? this.httpsAgent : this.httpAgent
                });
            }
            catch (error) {
                // A header value node refuses (control characters) is the engine's own input: say which.
                reject(new TransportError(`request not sent: ${error.message}`, 0));
                return;
            }
            const timer = setTimeout(() => {
                outgoing.destroy();
                finish(new TransportError(`no complete response within ${this.options.timeoutMs}ms`, elapsed()));
            }, this.options.timeoutMs);
            const onAbort = () => {
                outgoing.destroy();
                finish(new TransportError('aborted', elapsed()));
            };
            signal?.addEventListener('abort', onAbort, { once: true });
            outgoing.on('error', (error) => {
                const reason = (error.code && REASONS[error.code]) ?? error.message;
                finish(new TransportError(reason, elapsed()));
            });
            outgoing.on('response', (incoming) => {
                const chunks = [];
                let size = 0;
                let truncated = false;
                const done = () => {
                    const responseHeaders = {};
                    for (const [name, value] of Object.entries(incoming.headers)) {
                        if (value === undefined)
                            continue;
                        responseHeaders[name] = Array.isArray(value) ? value.join(name === 'set-cookie' ? '; ' : ', ') : value;
                    }
                    finish(undefined, {
                        status: incoming.statusCode ?? 0,
                        headers: responseHeaders,
                        body: Buffer.concat(chunks).toString('utf8'),
                        truncated,
                        timeMs: elapsed()
                    });
                };
                incoming.on('data', (chunk) => {
                    if (truncated)
                        return;
                    size += chunk.length;
                    if (size > this.options.maxBodyBytes) {
                        chunks.push(chunk.subarray(0, chunk.length - (size - this.options.maxBodyBytes)));
                        truncated = true;
                        // What arrived is enough to judge; the rest is not read (the socket is not reused).
                        incoming.destroy();
                        done();
                        return;
                    }
                    chunks.push(chunk);
                });
                incoming.on('end', done);
                incoming.on('error', (error) => {
                    if (!truncated)
                        finish(new TransportError(`response cut short: ${error.message}`, elapsed()));
                });
                incoming.on('close', () => {
                    if (!truncated && !incoming.complete)
                        finish(new TransportError('response cut short by the server', elapsed()));
                });
            });
            if (request.body !== undefined)
                outgoing.end(request.body);
            else
                outgoing.end();
        });
    }
    close() {
        this.httpAgent.destroy();
        this.httpsAgent.destroy();
    }
}

;// CONCATENATED MODULE: ./actions/contract-test/src/live/coverage.ts

class CoverageTracker {
    tallies = new Map();
    undocumented = new Map();
    judged = new Map();
    judgedBy(op, check) {
        let set = this.judged.get(op);
        if (!set) {
            set = new Set();
            this.judged.set(op, set);
        }
        set.add(check);
    }
    record(kase, sentParams, status) {
        const { op } = kase;
        const probe = kase.kind === 'unsupported-method' || kase.kind === 'options';
        if (probe) {
            if (status !== undefined && status >= 200 && status < 300 && kase.kind === 'unsupported-method')
                this.note(kase.method.toUpperCase(), op, status, 'method');
            return;
        }
        let tally = this.tallies.get(op);
        if (!tally) {
            tally = { requests: 0, statuses: new Set(), params: new Set() };
            this.tallies.set(op, tally);
        }
        tally.requests++;
        for (const param of sentParams)
            tally.params.add(param);
        if (status === undefined)
            return;
        const matched = matchResponse(op, status);
        if (matched)
            tally.statuses.add(matched.key);
        if (!isDocumented(op.responses.map((r) => r.key), status))
            this.note(op.method.toUpperCase(), op, status, 'status');
    }
    note(method, op, status, reason) {
        const key = `${method} ${op.path} ${status} ${reason}`;
        const entry = this.undocumented.get(key);
        if (entry)
            entry.count++;
        else
            this.undocumented.set(key, { method, path: op.path, operationId: op.operationId, status, count: 1, reason });
    }
    finish(model) {
        const perOperation = model.operations.map((op) => {
            const tally = this.tallies.get(op);
            const documentedParams = op.parameters.map((p) => `${p.in}.${p.name}`);
            return {
                method: op.method.toUpperCase(),
                path: op.path,
                operationId: op.operationId,
                requests: tally?.requests ?? 0,
                statuses: { documented: op.responses.map((r) => r.key), seen: [...(tally?.statuses ?? [])].sort() },
                parameters: { documented: documentedParams, sent: documentedParams.filter((p) => tally?.params.has(p)) },
                checks: [...(this.judged.get(op) ?? [])]
            };
        });
        const sum = (pick) => perOperation.reduce((acc, o) => {
            const [covered, total] = pick(o);
            return { covered: acc.covered + covered, total: acc.total + total };
        }, { covered: 0, total: 0 });
        return {
            operations: sum((o) => [o.requests > 0 ? 1 : 0, 1]),
            statuses: sum((o) => [o.statuses.seen.length, o.statuses.documented.length]),
            parameters: sum((o) => [o.parameters.sent.length, o.parameters.documented.length]),
            perOperation,
            undocumented: [...this.undocumented.values()].sort((a, b) => a.path.localeCompare(b.path) || a.status - b.status)
        };
    }
}
function percent(count) {
    return count.total === 0 ? 'n/a' : `${Math.round((100 * count.covered) / count.total)}%`;
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./actions/contract-test/src/live/hooks.ts
// Hooks in Dredd's vocabulary (beforeAll, beforeEach, before, after, afterEach, afterAll) from a JavaScript
// file. Loading one runs repository code, so the engine never looks for a hooks file: only a path the caller
// passes (the workflow's `hooks` input, the CLI's --hooks) is imported.
//
// The file is an ES module (or CommonJS) that either
//   - exports a function (default export or `register`) called with a hooks object:
//       export default (hooks) => { hooks.before('createItem', (tx) => { ... }); hooks.beforeAll(async () => {}) }
//   - or exports the hooks by name: beforeAll, beforeEach, afterEach, afterAll (functions) and before, after
//     (objects from a transaction name to a function).
// Transaction names are an operationId or "METHOD /path" (e.g. "GET /items/{id}"). A hook may be async, or take
// Dredd's (transaction, done) callback form.




const DEFAULT_HOOK_TIMEOUT_MS = 30_000;
function emptyHooks(file) {
    return { beforeAll: [], beforeEach: [], before: new Map(), after: new Map(), afterEach: [], afterAll: [], file };
}
/** The registration object a hooks module's function receives (Dredd's `hooks` API). */
function hooksApi(hooks) {
    const named = (map) => (name, fn) => {
        if (typeof name !== 'string' || typeof fn !== 'function')
            throw new errors/* ConfigurationError */.j1(`hooks ${hooks.file}: before/after take a transaction name and a function`);
        map.set(name, [...(map.get(name) ?? []), fn]);
    };
    const each = (list) => (fn) => {
        if (typeof fn !== 'function')
            throw new errors/* ConfigurationError */.j1(`hooks ${hooks.file}: a hook must be a function`);
        list.push(fn);
    };
    return {
        before: named(hooks.before),
        after: named(hooks.after),
        beforeEach: each(hooks.beforeEach),
        afterEach: each(hooks.afterEach),
        beforeAll: each(hooks.beforeAll),
        afterAll: each(hooks.afterAll),
        // Dredd names kept for files written for it: validation hooks run where `after` does here.
        beforeValidation: named(hooks.after),
        beforeEachValidation: each(hooks.afterEach),
        log: () => undefined
    };
}
/** Imports the hooks file the caller named. Throws ConfigurationError if it is missing or exports no hooks. */
async function loadHooksFile(file, cwd) {
    const absolute = (0,external_node_path_.resolve)(cwd, file);
    if (!(0,external_node_fs_.existsSync)(absolute))
        throw new errors/* ConfigurationError */.j1(`hooks file ${file} does not exist`);
    let module;
    try {
        // webpackIgnore: the bundle must import the user's file at run time, not try to bundle it.
        module = (await import(/* webpackIgnore: true */ (0,external_node_url_.pathToFileURL)(absolute).href));
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`hooks file ${file} could not be loaded: ${error.message}`);
    }
    const hooks = emptyHooks(file);
    const api = hooksApi(hooks);
    const register = typeof module.default === 'function' ? module.default : module.register;
    if (typeof register === 'function') {
        try {
            await register(api);
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1(`hooks file ${file}: registering hooks failed: ${error.message}`);
        }
    }
    const source = (typeof module.default === 'object' && module.default !== null ? module.default : module);
    for (const name of ['beforeAll', 'beforeEach', 'afterEach', 'afterAll']) {
        const fn = source[name];
        if (typeof fn === 'function')
            api[name](fn);
    }
    for (const name of ['before', 'after']) {
        const map = source[name];
        if (map && typeof map === 'object') {
            for (const [transaction, fn] of Object.entries(map)) {
                if (typeof fn === 'function')
                    api[name](transaction, fn);
            }
        }
    }
    const count = hooks.beforeAll.length +
        hooks.beforeEach.length +
        hooks.afterEach.length +
        hooks.afterAll.length +
        hooks.before.size +
        hooks.after.size;
    if (count === 0)
        throw new errors/* ConfigurationError */.j1(`hooks file ${file} registers no hooks (export a function taking the hooks object, or beforeAll/beforeEach/before/after/afterEach/afterAll)`);
    return hooks;
}
/** Runs one hook with a time limit; Dredd-style (transaction, done) hooks are awaited through `done`. */
async function runHook(fn, argument, label, file, timeoutMs = DEFAULT_HOOK_TIMEOUT_MS) {
    let timer;
    const call = new Promise((resolvePromise, reject) => {
        try {
            if (fn.length >= 2) {
                fn(argument, (error) => (error ? reject((0,errors/* asError */.zR)(error)) : resolvePromise()));
                return;
            }
            Promise.resolve(fn(argument)).then(() => resolvePromise(), (error) => reject((0,errors/* asError */.zR)(error)));
        }
        catch (error) {
            reject((0,errors/* asError */.zR)(error));
        }
    });
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`did not finish within ${timeoutMs}ms`)), timeoutMs);
    });
    try {
        await Promise.race([call, timeout]);
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`hooks file ${file}: ${label} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    finally {
        clearTimeout(timer);
    }
}
/** The before/after hooks registered for a transaction: by operationId and by "METHOD /path". */
function namedHooks(map, transaction) {
    const found = [];
    for (const [name, fns] of map) {
        const normalized = name.trim().replace(/^([a-z]+)\s+/i, (_, m) => `${m.toUpperCase()} `);
        if ((transaction.operationId !== undefined && name === transaction.operationId) || normalized === transaction.name)
            found.push(...fns);
    }
    return found;
}

;// CONCATENATED MODULE: ./actions/contract-test/src/live/prng.ts
// A small seeded PRNG (sfc32 seeded through splitmix32) so that one seed gives the same requests on every
// machine and Node version; Math.random cannot be seeded.
function splitmix32(state) {
    let s = state >>> 0;
    return () => {
        s = (s + 0x9e3779b9) >>> 0;
        let z = s;
        z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
        z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
        return (z ^ (z >>> 16)) >>> 0;
    };
}
/** FNV-1a, enough to turn a label into 32 bits of seed. */
function hashString(text) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash >>> 0;
}
function createRng(seed) {
    const mix = splitmix32(seed >>> 0);
    let a = mix();
    let b = mix();
    let c = mix();
    let d = mix();
    const next = () => {
        a >>>= 0;
        b >>>= 0;
        c >>>= 0;
        d >>>= 0;
        let t = (a + b) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (c << 21) | (c >>> 11);
        d = (d + 1) | 0;
        t = (t + d) | 0;
        c = (c + t) | 0;
        return (t >>> 0) / 4294967296;
    };
    const rng = {
        next,
        int(min, max) {
            if (max <= min)
                return min;
            return min + Math.floor(next() * (max - min + 1));
        },
        pick(items) {
            if (items.length === 0)
                throw new Error('pick from an empty list');
            return items[Math.floor(next() * items.length)];
        },
        bool(probability = 0.5) {
            return next() < probability;
        },
        fork(label) {
            return createRng((seed ^ hashString(label)) >>> 0);
        }
    };
    return rng;
}

;// CONCATENATED MODULE: ./actions/contract-test/src/live/record.ts
// Exchanges as reports show them: secrets replaced by ***, credential-bearing headers blanked whole (a hook may
// have added one the engine never saw), bodies capped.

const SENSITIVE_HEADER = /auth|token|key|secret|cookie|password|session|credential/i;
const REPORT_BODY_LIMIT = 2048;
class Redactor {
    secrets;
    constructor(secrets) {
        this.secrets = secrets;
    }
    text(value) {
        return (0,redact/* redact */.E$)(value, this.secrets);
    }
    url(value) {
        return (0,redact/* redactUrl */.BO)(this.text(value));
    }
    headers(headers) {
        const out = {};
        for (const [name, value] of Object.entries(headers)) {
            out[name] = SENSITIVE_HEADER.test(name) && value !== '' ? redact/* REDACTED */.XF : this.text(value);
        }
        return out;
    }
    body(value, limit = REPORT_BODY_LIMIT) {
        if (value === undefined || value === '')
            return {};
        const safe = this.text(value);
        if (safe.length <= limit)
            return { body: safe };
        return { body: safe.slice(0, limit), bodyTruncated: true };
    }
    exchange(observed, requestBody, limit = REPORT_BODY_LIMIT) {
        const record = {
            request: {
                method: observed.request.method,
                url: this.url(observed.request.url),
                headers: this.headers(observed.request.headers),
                ...this.body(requestBody, limit)
            }
        };
        if (observed.response) {
            const { status, headers, body, truncated, timeMs } = observed.response;
            const capped = this.body(body, limit);
            record.response = {
                status,
                headers: this.headers(headers),
                ...capped,
                ...(truncated ? { bodyTruncated: true } : {}),
                timeMs: Math.round(timeMs)
            };
        }
        if (observed.error !== undefined)
            record.error = this.text(observed.error);
        return record;
    }
}

;// CONCATENATED MODULE: ./actions/contract-test/src/live/replay-types.ts
const REPLAY_FORMAT = 'ubos-contract-test-replay';
const REPLAY_VERSION = 1;
/** Request bodies are kept up to this size (they must be sent again); response bodies are capped for reading. */
const REPLAY_REQUEST_BODY_LIMIT = 64 * 1024;

;// CONCATENATED MODULE: ./actions/contract-test/src/live/request.ts


const USER_AGENT = 'ubos-actions-contract-test';
/** The base URL's own path wins; a bare origin gets the spec's server path (servers[0] or basePath). */
function apiRoot(baseUrl, model) {
    let url;
    try {
        url = new URL(baseUrl);
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`base URL "${baseUrl}" is not a valid URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new errors/* ConfigurationError */.j1(`base URL "${baseUrl}" must be http:// or https://`);
    if (url.username || url.password)
        throw new errors/* ConfigurationError */.j1('the base URL must not carry credentials; use the auth secrets');
    const path = url.pathname.replace(/\/+$/, '');
    return `${url.origin}${path === '' ? model.basePath : path}`;
}
function buildRequest(kase, root, credentials, extraHeaders, boundarySeed) {
    const { op } = kase;
    let path = kase.concretePath ?? op.path;
    const query = [];
    const cookies = [];
    const headers = { 'user-agent': USER_AGENT };
    for (const [name, value] of Object.entries(extraHeaders))
        headers[name.toLowerCase()] = value;
    const sentParams = [];
    for (const [param, value] of kase.input.params) {
        if (param.in === 'path') {
            if (kase.concretePath)
                continue;
            path = path.split(`{${param.name}}`).join(serializePath(param, value));
        }
        else if (param.in === 'query')
            query.push(...serializeQuery(param, value));
        else if (param.in === 'header') {
            if (kase.omitHeader !== undefined && param.name.toLowerCase() === kase.omitHeader.toLowerCase())
                continue;
            headers[param.name.toLowerCase()] = serializeHeader(param, value);
        }
        else
            cookies.push(serializeCookie(param, value));
        sentParams.push(`${param.in}.${param.name}`);
    }
    const accept = [...new Set(op.responses.flatMap((r) => r.content.map((m) => m.type)))];
    if (accept.length > 0 && kase.method !== 'options')
        headers['accept'] = accept.join(', ');
    let body;
    if (kase.input.body) {
        const serialized = serializeBody(kase.input.body.media, kase.input.body.value, boundarySeed);
        if (serialized) {
            headers['content-type'] = serialized.contentType;
            body = serialized.body;
        }
    }
    let schemes = [];
    if (kase.auth === 'credentials') {
        const chosen = kase.schemes ?? credentials.choose(op);
        if (chosen) {
            const applied = credentials.apply(chosen);
            Object.assign(headers, applied.headers);
            query.push(...applied.query);
            cookies.push(...applied.cookies);
            schemes = applied.schemes;
        }
    }
    if (cookies.length > 0)
        headers['cookie'] = cookies.join('; ');
    const [concrete, concreteQuery] = path.split('?', 2);
    const allQuery = [...(concreteQuery ? [concreteQuery] : []), ...query];
    const url = `${root}${concrete}${allQuery.length > 0 ? `?${allQuery.join('&')}` : ''}`;
    return { request: { method: kase.method.toUpperCase(), url, headers, body }, schemes, sentParams };
}

// EXTERNAL MODULE: ./node_modules/ajv8/dist/ajv.js
var ajv = __webpack_require__(30657);
// EXTERNAL MODULE: ./node_modules/ajv8/dist/2020.js
var _2020 = __webpack_require__(8);
// EXTERNAL MODULE: ./shared/src/lib/cjs-interop.ts
var cjs_interop = __webpack_require__(18693);
;// CONCATENATED MODULE: ./actions/contract-test/src/live/schema/validate.ts
// Validation with ajv 8: draft-07 for OAS 3.0 / Swagger 2.0 schemas (after convert.ts), JSON Schema 2020-12 for
// OAS 3.1. Values that travelled as text (parameters, headers, form fields) are validated with type coercion,
// so "5" is an integer there as the server would read it.




const Ajv07 = (0,cjs_interop/* cjsExports */.M)(ajv, 'default').default;
const Ajv2020 = (0,cjs_interop/* cjsExports */.M)(_2020, 'default').default;
function create(dialect, coerce) {
    const Class = dialect === '2020-12' ? Ajv2020 : Ajv07;
    const ajv = new Class({
        strict: false,
        allErrors: true,
        logger: false,
        // Specs are not always valid regexes for the u flag; the validator should not give up on them.
        unicodeRegExp: false,
        validateSchema: false,
        ...(coerce ? { coerceTypes: 'array' } : {})
    });
    for (const [name, format] of Object.entries(FORMATS)) {
        ajv.addFormat(name, { type: format.type, validate: format.validate });
    }
    return ajv;
}
const MAX_ERRORS = 5;
function validate_describe(error, prefix) {
    const where = `${prefix}${error.instancePath}` || '/';
    let message = error.message ?? error.keyword;
    if (error.keyword === 'enum' && Array.isArray(error.params?.allowedValues))
        message = `must be one of ${JSON.stringify(error.params.allowedValues)}`;
    if (error.keyword === 'additionalProperties' && typeof error.params?.additionalProperty === 'string')
        message = `has undocumented property "${error.params.additionalProperty}"`;
    return `${where}: ${message}`;
}
/** Compiled validators, cached per schema object (live runs) or per text (replays read schemas from JSON). */
class SchemaValidator {
    instances = new Map();
    byObject = new WeakMap();
    byObjectCoerced = new WeakMap();
    broken = new WeakMap();
    instance(dialect, coerce) {
        const key = `${dialect}:${coerce}`;
        let ajv = this.instances.get(key);
        if (!ajv) {
            ajv = create(dialect, coerce);
            this.instances.set(key, ajv);
        }
        return ajv;
    }
    /** Validates data; `coerce` wraps it so even a top-level string can be read as a number. */
    validate(portable, data, options = {}) {
        const coerce = options.coerce === true;
        const cache = coerce ? this.byObjectCoerced : this.byObject;
        const failure = this.broken.get(portable.schema);
        if (failure !== undefined)
            return { valid: true, errors: [] };
        let validate = cache.get(portable.schema);
        if (!validate) {
            const schema = coerce ? wrap(portable) : portable.schema;
            try {
                validate = this.instance(portable.dialect, coerce).compile(schema);
            }
            catch (error) {
                // A schema ajv cannot compile (a bad pattern, say) is the spec's problem; lint reports it. Here it
                // validates nothing rather than failing every response.
                this.broken.set(portable.schema, error instanceof Error ? error.message : String(error));
                return { valid: true, errors: [] };
            }
            cache.set(portable.schema, validate);
        }
        const input = coerce ? { value: data } : data;
        if (validate(input))
            return { valid: true, errors: [] };
        const prefix = options.prefix ?? '';
        const errors = (validate.errors ?? [])
            .filter((e) => e.keyword !== 'if')
            .map((e) => validate_describe(coerce ? { ...e, instancePath: e.instancePath.replace(/^\/value/, '') } : e, prefix));
        return { valid: false, errors: [...new Set(errors)].slice(0, MAX_ERRORS) };
    }
    /** Compiles ahead of use, so the cost is not paid while requests are in flight (it would skew their times). */
    warm(portable, options = {}) {
        this.validate(portable, undefined, options);
    }
    /** Why a schema could not be compiled, if it could not. */
    compileProblem(portable) {
        return this.broken.get(portable.schema);
    }
}
/**
 * Text cannot tell oneOf branches apart ("5" is both an integer and a string once read), so for values that
 * travelled as text oneOf means anyOf.
 */
function textual(value) {
    if (Array.isArray(value))
        return value.map(textual);
    if (value === null || typeof value !== 'object')
        return value;
    const out = {};
    for (const [key, child] of Object.entries(value)) {
        const name = key === 'oneOf' ? 'anyOf' : key;
        // Literal values stay as they are; only schema keywords are renamed.
        const literal = key === 'enum' || key === 'const' || key === 'default';
        Object.defineProperty(out, name, {
            value: literal ? child : textual(child),
            enumerable: true,
            writable: true,
            configurable: true
        });
    }
    return out;
}
/** Coercion only applies to values inside an object, so the value moves under a property. */
function wrap(portable) {
    const defsKey = portable.dialect === '2020-12' ? '$defs' : 'definitions';
    const { [defsKey]: defs, ...rest } = textual(portable.schema);
    const wrapped = { type: 'object', properties: { value: rest } };
    if (defs !== undefined)
        wrapped[defsKey] = defs;
    return wrapped;
}

;// CONCATENATED MODULE: ./actions/contract-test/src/live/stateful.ts


function successKeys(op) {
    return op.responses.some((r) => /^2(\d\d|XX)$/i.test(r.key));
}
function resolveOperationRef(model, link) {
    if (link.operationId !== undefined)
        return model.operations.find((o) => o.operationId === link.operationId);
    if (link.operationRef !== undefined) {
        const match = /#\/paths\/([^/]+)\/([a-z]+)$/.exec(link.operationRef);
        if (!match)
            return undefined;
        const path = decodeURIComponent(match[1]).replace(/~1/g, '/').replace(/~0/g, '~');
        return model.operations.find((o) => o.path === path && o.method === match[2]);
    }
    return undefined;
}
function planSequences(model) {
    const plans = [];
    const byKey = (method, path) => model.operations.find((o) => o.method === method && o.path === path);
    for (const create of model.operations) {
        if (create.method !== 'post' && create.method !== 'put')
            continue;
        if (!successKeys(create))
            continue;
        const targets = [];
        const seen = new Set();
        for (const response of create.responses) {
            if (!/^2/.test(response.key))
                continue;
            for (const link of response.links) {
                const target = resolveOperationRef(model, link);
                if (!target || target.method !== 'get' || seen.has(target))
                    continue;
                seen.add(target);
                targets.push({ read: target, remove: byKey('delete', target.path), binding: { kind: 'link', link } });
            }
        }
        if (create.method === 'post') {
            for (const read of model.operations) {
                if (read.method !== 'get' || seen.has(read))
                    continue;
                const match = new RegExp(`^${escapeRegex(create.path.replace(/\/$/, ''))}/\\{([^}/]+)\\}$`).exec(read.path);
                if (!match)
                    continue;
                seen.add(read);
                targets.push({ read, remove: byKey('delete', read.path), binding: { kind: 'inferred', param: match[1] } });
            }
        }
        const headerDocumented = create.responses.some((r) => /^2/.test(r.key) && r.headers.some((h) => h.name.toLowerCase() === 'location'));
        if (targets.length === 0 && headerDocumented)
            targets.push({ read: create, binding: { kind: 'location' } });
        if (targets.length > 0)
            plans.push({ create, targets });
    }
    return plans;
}
function escapeRegex(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
function pointer(body, path) {
    if (path === '' || path === '/')
        return body;
    let node = body;
    for (const raw of path.replace(/^\//, '').split('/')) {
        const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        if (Array.isArray(node))
            node = node[Number(token)];
        else if (model_isObject(node))
            node = node[token];
        else
            return undefined;
    }
    return node;
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/** Evaluates an OpenAPI runtime expression ($response.body#/id, $response.header.Location, $request.path.x ...). */
function runtimeExpression(expression, exchange) {
    if (typeof expression !== 'string' || !expression.startsWith('$'))
        return { value: expression };
    const body = /^\$response\.body(?:#(.*))?$/.exec(expression);
    if (body) {
        const value = pointer(parseJson(exchange.body), body[1] ?? '');
        if (value === undefined || (value !== null && typeof value === 'object'))
            return undefined;
        return { value, capture: { from: 'body', at: body[1] ?? '', value: String(value) } };
    }
    const header = /^\$response\.header\.(.+)$/.exec(expression);
    if (header) {
        const name = header[1].toLowerCase();
        const value = exchange.headers[name];
        return value === undefined ? undefined : { value, capture: { from: 'header', at: name, value } };
    }
    const request = /^\$request\.(path|query|header)\.(.+)$/.exec(expression);
    if (request) {
        const value = exchange.requestParams.get(`${request[1]}.${request[2]}`);
        return value === undefined ? undefined : { value };
    }
    const requestBody = /^\$request\.body(?:#(.*))?$/.exec(expression);
    if (requestBody) {
        const value = pointer(exchange.requestBody, requestBody[1] ?? '');
        return value === undefined ? undefined : { value };
    }
    if (expression === '$statusCode')
        return { value: exchange.status };
    return undefined;
}
/** The id a created resource answers to, by the common names, in the body or one level down ({data: {...}}). */
function inferredId(body, param) {
    const names = [param, 'id', param.replace(/[-_]?id$/i, '') + 'Id', param.replace(/Id$/, '_id'), '_id', 'uuid', 'key'];
    const look = (node, prefix) => {
        if (!model_isObject(node))
            return undefined;
        for (const name of names) {
            const value = node[name];
            if (typeof value === 'string' || typeof value === 'number')
                return { value, at: `${prefix}/${name}` };
        }
        return undefined;
    };
    const direct = look(body, '');
    if (direct)
        return direct;
    if (model_isObject(body)) {
        for (const [key, value] of Object.entries(body)) {
            const nested = look(value, `/${key}`);
            if (nested)
                return nested;
        }
    }
    return undefined;
}
/** How to read back what `create` made, from its response; undefined when the response does not say. */
function bindRead(model, target, exchange) {
    const location = exchange.headers['location'];
    if (target.binding.kind === 'link') {
        const params = {};
        let capture;
        for (const [name, expression] of Object.entries(target.binding.link.parameters)) {
            const result = runtimeExpression(expression, exchange);
            if (!result)
                return undefined;
            params[name.replace(/^(path|query|header|cookie)\./, '')] = result.value;
            capture ??= result.capture;
        }
        const missing = target.read.parameters.some((p) => p.in === 'path' && params[p.name] === undefined);
        if (missing || !capture)
            return undefined;
        return { params, capture };
    }
    if (target.binding.kind === 'inferred') {
        const found = inferredId(parseJson(exchange.body), target.binding.param);
        if (found) {
            return {
                params: { [target.binding.param]: found.value },
                capture: { from: 'body', at: found.at, value: (0,lib_text/* textOf */.b)(found.value) }
            };
        }
    }
    if (location !== undefined) {
        let path;
        try {
            const url = new URL(location, exchange.requestUrl);
            path = `${url.pathname}${url.search}`;
        }
        catch {
            return undefined;
        }
        const base = model.basePath;
        const relative = base !== '' && path.startsWith(`${base}/`) ? path.slice(base.length) : path;
        const template = target.binding.kind === 'location' ? matchOperationPath(model, relative.split('?')[0]) : target.read.path;
        if (!template || !templateRegex(template).test(relative.split('?')[0]))
            return undefined;
        const read = model.operations.find((o) => o.path === template && o.method === 'get');
        if (!read)
            return undefined;
        return { concretePath: relative, read, capture: { from: 'header', at: 'location', value: location } };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./actions/contract-test/src/live/engine.ts
// The live engine: plans requests from the spec (seeded), sends them within the budget, runs every selected
// check on every exchange, and returns failures, coverage and the data a replay file needs.
//
// Order: operations a diff marked as changed first, then the rest; within each group the phases run in
// turn (examples, stateful sequences, probes, boundary positives, negatives), each phase round-robin over the
// operations so that a small budget still reaches every operation's first requests.
















const DEFAULTS = {
    seed: 1,
    budget: 1000,
    timeoutMs: 10_000,
    maxBodyBytes: 1024 * 1024,
    concurrency: 4,
    maxCasesPerOperation: 40
};
function positiveInteger(value, fallback, what, max = Number.MAX_SAFE_INTEGER) {
    if (value === undefined)
        return fallback;
    if (!Number.isInteger(value) || value < 1 || value > max)
        throw new errors/* ConfigurationError */.j1(`${what} must be a whole number from 1 to ${max}; got ${value}`);
    return value;
}
function operationInfo(op) {
    return { method: op.method.toUpperCase(), path: op.path, ...(op.operationId ? { operationId: op.operationId } : {}) };
}
function samePath(a, b) {
    const shape = (p) => p.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '');
    return shape(a) === shape(b);
}
/** Takes the i-th item of every list in turn. */
function roundRobin(lists) {
    const out = [];
    const longest = Math.max(0, ...lists.map((l) => l.length));
    for (let i = 0; i < longest; i++)
        for (const list of lists)
            if (i < list.length)
                out.push(list[i]);
    return out;
}
const UNREACHABLE = /^(connection refused|host not found|DNS lookup failed|host unreachable|network unreachable)$/;
const UNREACHABLE_LIMIT = 5;
const SUCCESS = (status) => status !== undefined && status >= 200 && status < 300;
class Session {
    options;
    model;
    checks;
    validator = new SchemaValidator();
    portables;
    planner;
    credentials;
    redactor;
    client;
    root;
    budget;
    seed;
    concurrency;
    changed = new Set();
    notInSpec = [];
    coverage = new CoverageTracker();
    summaries = new Map();
    failures = new Map();
    timings = new Map();
    baselines = new Map();
    rngs = new Map();
    notes = [];
    warmed = new Set();
    requests = 0;
    skippedByHooks = 0;
    exhausted = false;
    boundary = 0;
    answered = false;
    unreachable = 0;
    fatal;
    constructor(options) {
        this.options = options;
        this.model = buildModel(options.spec);
        this.checks = selectChecks(options.checks);
        this.portables = createPortableCache(this.model);
        this.seed = options.seed ?? DEFAULTS.seed;
        if (!Number.isInteger(this.seed))
            throw new errors/* ConfigurationError */.j1(`seed must be a whole number; got ${this.seed}`);
        this.budget = positiveInteger(options.budget, DEFAULTS.budget, 'budget');
        this.concurrency = positiveInteger(options.concurrency, DEFAULTS.concurrency, 'concurrency', 64);
        const maxCases = positiveInteger(options.maxCasesPerOperation, DEFAULTS.maxCasesPerOperation, 'max cases per operation');
        const timeoutMs = positiveInteger(options.timeoutMs, DEFAULTS.timeoutMs, 'request timeout (ms)');
        const maxBodyBytes = positiveInteger(options.maxBodyBytes, DEFAULTS.maxBodyBytes, 'max body bytes');
        if (options.maxResponseTimeMs !== undefined && !(options.maxResponseTimeMs > 0))
            throw new errors/* ConfigurationError */.j1('max-response-time must be above zero');
        this.planner = new CasePlanner(this.model, this.portables, this.validator, maxCases);
        this.credentials = new Credentials(options.auth);
        this.redactor = new Redactor([...this.credentials.secrets, ...(options.secrets ?? [])]);
        this.root = apiRoot(options.baseUrl, this.model);
        this.client = new HttpClient({ timeoutMs, maxBodyBytes, maxSockets: this.concurrency });
        for (const check of this.checks)
            this.summaries.set(check.id, { id: check.id, title: check.title, evaluated: 0, failed: 0 });
        for (const ref of options.changedOperations ?? []) {
            const op = this.model.operations.find((o) => o.method === ref.method.toLowerCase() && samePath(o.path, ref.path));
            if (op)
                this.changed.add(op);
            else
                this.notInSpec.push(ref);
        }
    }
    stopped() {
        return this.options.signal?.aborted === true || this.fatal !== undefined;
    }
    rngFor(op) {
        let rng = this.rngs.get(op);
        if (!rng) {
            rng = createRng(this.seed).fork(op.key);
            this.rngs.set(op, rng);
        }
        return rng;
    }
    baseline(op) {
        if (!this.baselines.has(op))
            this.baselines.set(op, this.planner.baseline(op, this.rngFor(op).fork('baseline')));
        return this.baselines.get(op);
    }
    async run() {
        const started = performance.now();
        const hooks = this.options.hooks;
        try {
            const ordered = [
                ...this.model.operations.filter((o) => this.changed.has(o)),
                ...this.model.operations.filter((o) => !this.changed.has(o))
            ];
            const groups = [ordered.filter((o) => this.changed.has(o)), ordered.filter((o) => !this.changed.has(o))].filter((g) => g.length > 0);
            if (hooks) {
                const all = ordered.flatMap((op) => {
                    const base = this.baseline(op);
                    return base
                        ? [
                            this.transaction(this.planner.make(op, 'example', 'baseline', base), this.build(this.planner.make(op, 'example', 'baseline', base)))
                        ]
                        : [];
                });
                for (const fn of hooks.beforeAll)
                    await runHook(fn, all, 'beforeAll', hooks.file);
            }
            const sequences = planSequences(this.model);
            const firstOfPath = new Set();
            for (const path of this.model.methodsByPath.keys()) {
                const first = this.model.operations.find((o) => o.path === path);
                if (first)
                    firstOfPath.add(first);
            }
            for (const group of groups) {
                const testable = group.filter((op) => this.baseline(op) !== undefined);
                const label = groups.length > 1 && group === groups[0] && this.changed.size > 0 ? 'changed operations: ' : '';
                await this.phase(`${label}examples`, () => roundRobin(testable.map((op) => this.planner.exampleCases(op, this.baseline(op), hasExamples(op)))));
                for (const plan of sequences) {
                    if (!group.includes(plan.create))
                        continue;
                    for (const target of plan.targets) {
                        if (this.exhausted || this.stopped())
                            break;
                        await this.sequence(plan.create, target);
                    }
                    if (this.fatal)
                        throw this.fatal;
                }
                const probes = () => testable.map((op) => this.checks.flatMap((check) => check.plan
                    ? check.plan({
                        op,
                        model: this.model,
                        base: this.baseline(op),
                        planner: this.planner,
                        firstOfPath: firstOfPath.has(op)
                    })
                    : []));
                await this.phase(`${label}probes`, () => roundRobin(probes()));
                await this.phase(`${label}positive`, () => roundRobin(testable.map((op) => this.planner.positiveCases(op, this.baseline(op), this.rngFor(op).fork('positive')))));
                await this.phase(`${label}negative`, () => roundRobin(testable.map((op) => this.planner.negativeCases(op, this.baseline(op), this.rngFor(op).fork('negative')))));
            }
            if (hooks)
                for (const fn of hooks.afterAll)
                    await runHook(fn, [], 'afterAll', hooks.file);
            this.aggregate();
        }
        finally {
            this.client.close();
        }
        return this.finish(performance.now() - started);
    }
    /** Plans lazily: once the budget is spent, later phases cost nothing to skip. */
    async phase(name, plan) {
        if (this.exhausted || this.stopped())
            return;
        const cases = plan();
        if (cases.length === 0)
            return;
        this.warm(cases.map((c) => c.op));
        const before = this.requests;
        let index = 0;
        const worker = async () => {
            while (index < cases.length && !this.exhausted && !this.stopped())
                await this.execute(cases[index++]);
        };
        await Promise.all(Array.from({ length: Math.min(this.concurrency, cases.length) }, worker));
        if (this.fatal)
            throw this.fatal;
        this.options.onProgress?.(`${name}: ${this.requests - before} requests`);
    }
    /**
     * Compiles the response validators of these operations before their requests go out: compiling while other
     * requests are in flight would add its time to theirs. Only when response times are judged; otherwise each
     * validator is compiled when a response first needs it (many documented responses never come).
     */
    warm(ops) {
        if (this.options.maxResponseTimeMs === undefined)
            return;
        for (const op of new Set(ops)) {
            if (this.warmed.has(op))
                continue;
            this.warmed.add(op);
            for (const response of op.responses) {
                for (const media of response.content)
                    if (media.schema)
                        this.validator.warm(this.portables.get(media.schema, 'response'));
                for (const header of response.headers)
                    if (Object.keys(header.schema).length > 0)
                        this.validator.warm(this.portables.get(header.schema, 'response'), { coerce: true });
            }
        }
    }
    build(kase) {
        return buildRequest(kase, this.root, this.credentials, this.options.headers ?? {}, String(this.boundary++).padStart(6, '0'));
    }
    transaction(kase, built) {
        const { op } = kase;
        return {
            name: `${kase.method.toUpperCase()} ${op.path}`,
            operationId: kase.method === op.method ? op.operationId : undefined,
            method: kase.method.toUpperCase(),
            path: op.path,
            kind: kase.kind,
            description: kase.description,
            request: { ...built.request, headers: { ...built.request.headers } },
            skip: false
        };
    }
    /** Sends one case through the hooks and the checks; undefined when the budget ran out or a hook skipped it. */
    async execute(kase, sequence) {
        if (this.requests >= this.budget) {
            this.exhausted = true;
            return undefined;
        }
        const built = this.build(kase);
        const hooks = this.options.hooks;
        const tx = this.transaction(kase, built);
        if (hooks) {
            for (const fn of hooks.beforeEach)
                await runHook(fn, tx, `beforeEach (${tx.name})`, hooks.file);
            for (const fn of namedHooks(hooks.before, tx))
                await runHook(fn, tx, `before ${tx.name}`, hooks.file);
            if (tx.skip) {
                this.skippedByHooks++;
                return undefined;
            }
        }
        const request = {
            method: String(tx.request.method).toUpperCase(),
            url: String(tx.request.url),
            headers: { ...tx.request.headers },
            body: tx.request.body
        };
        // A probe is defined by what it leaves out: a hook must not put it back.
        if (kase.auth === 'none')
            stripCredentials(request, kase.op);
        if (kase.omitHeader !== undefined)
            for (const name of Object.keys(request.headers))
                if (name.toLowerCase() === kase.omitHeader.toLowerCase())
                    delete request.headers[name];
        // Counted before sending, so concurrent workers never overshoot the budget.
        this.requests++;
        let response;
        let error;
        try {
            response = await this.client.send(request, this.options.signal);
        }
        catch (caught) {
            if (!(caught instanceof TransportError))
                throw caught;
            error = caught.message;
        }
        if (response)
            this.answered = true;
        else if (!this.answered && UNREACHABLE.test(error ?? '') && ++this.unreachable >= UNREACHABLE_LIMIT) {
            // Nothing ever answered: a wrong base URL or a server that is not up, not a contract failure per request.
            this.fatal ??= new errors/* ConfigurationError */.j1(`cannot reach ${(0,redact/* redactUrl */.BO)(this.root)}: ${error} (${this.unreachable} requests, none answered)`);
            return undefined;
        }
        if (hooks) {
            if (response)
                tx.real = { statusCode: response.status, headers: { ...response.headers }, body: response.body };
            for (const fn of namedHooks(hooks.after, tx))
                await runHook(fn, tx, `after ${tx.name}`, hooks.file);
            for (const fn of hooks.afterEach)
                await runHook(fn, tx, `afterEach (${tx.name})`, hooks.file);
        }
        const observed = {
            request: { method: request.method, url: request.url, headers: request.headers },
            ...(response ? { response } : {}),
            ...(error !== undefined ? { error } : {}),
            ...(typeof tx.fail === 'string' && tx.fail !== '' ? { hookFailure: tx.fail } : {})
        };
        const executed = { kase, observed, built: { ...built, request: { ...request } }, response };
        sequence?.steps.push({ executed });
        this.coverage.record(kase, built.sentParams, response?.status);
        if (response && kase.kind !== 'unsupported-method' && kase.kind !== 'options') {
            let timing = this.timings.get(kase.op);
            if (!timing) {
                timing = { times: [], slowestTime: -1 };
                this.timings.set(kase.op, timing);
            }
            timing.times.push(response.timeMs);
            if (response.timeMs > timing.slowestTime) {
                timing.slowestTime = response.timeMs;
                timing.slowest = executed;
            }
        }
        this.judge(executed, sequence);
        return executed;
    }
    judge(executed, sequence) {
        const { kase, observed, built, response } = executed;
        const serverError = !response || response.status >= 500;
        const probe = kase.kind === 'unsupported-method' || kase.kind === 'options';
        const context = {
            model: this.model,
            kase,
            response,
            responseDef: response && !probe ? matchResponse(kase.op, response.status) : undefined,
            credentialsApplied: built.schemes.length > 0,
            portables: this.portables,
            options: { maxResponseTimeMs: this.options.maxResponseTimeMs, hooks: this.options.hooks !== undefined }
        };
        for (const check of this.checks) {
            if (check.aggregate)
                continue;
            if (!check.appliesTo(kase))
                continue;
            if (serverError && !check.judgesServerErrors)
                continue;
            const expected = check.expect(context);
            if (expected === undefined)
                continue;
            this.summaries.get(check.id).evaluated++;
            this.coverage.judgedBy(kase.attributeTo ?? kase.op, check.id);
            const finding = check.evaluate(observed, expected, { validator: this.validator });
            if (finding)
                this.fail(check, executed, finding, expected, sequence);
        }
    }
    fail(check, executed, finding, expected, sequence) {
        const { kase } = executed;
        const op = kase.attributeTo ?? kase.op;
        const level = finding.level ?? 'error';
        const key = [check.id, op.key, level, finding.message.replace(/\/\d+(?=[/:]|$)/g, '/*')].join('\u0000');
        const existing = this.failures.get(key);
        if (existing) {
            existing.failure.occurrences++;
            return;
        }
        this.summaries.get(check.id).failed++;
        const steps = sequence && kase.role ? sequence.steps : [{ executed }];
        const recorded = this.record(executed);
        const failure = {
            id: check.id,
            level,
            operation: operationInfo(op),
            ...(op.location ? { location: op.location } : {}),
            message: this.redactor.text(finding.message),
            case: this.redactor.text(kase.description),
            kind: kase.kind,
            occurrences: 1,
            changed: this.changed.has(op),
            exchange: recorded,
            ...(sequence && kase.role ? { sequence: sequence.steps.map((s) => this.record(s.executed)) } : {})
        };
        const replay = {
            type: 'failure',
            check: check.id,
            level,
            operation: failure.operation,
            message: failure.message,
            case: failure.case,
            steps: steps.map((s) => this.replayStep(s.executed, 'capture' in s ? s.capture : undefined)),
            expected,
            recorded
        };
        this.failures.set(key, { failure, replay, order: this.failures.size });
    }
    record(executed) {
        return this.redactor.exchange(executed.observed, executed.built.request.body);
    }
    replayStep(executed, capture) {
        const { observed, built, kase } = executed;
        const url = new URL(observed.request.url);
        const rootPath = new URL(this.root).pathname.replace(/\/+$/, '');
        const path = `${url.pathname.startsWith(rootPath) ? url.pathname.slice(rootPath.length) : url.pathname}${url.search}`;
        const body = built.request.body === undefined
            ? undefined
            : this.redactor.text(built.request.body).slice(0, REPLAY_REQUEST_BODY_LIMIT);
        const schemes = kase.auth === 'credentials'
            ? (kase.schemes ?? this.credentials.choose(kase.op) ?? []).filter((s) => built.schemes.includes(s.name))
            : [];
        return {
            request: {
                method: observed.request.method,
                path: (0,redact/* redactUrl */.BO)(this.redactor.text(path)),
                headers: this.redactor.headers(observed.request.headers),
                ...(body !== undefined ? { body } : {})
            },
            auth: schemes,
            ...(kase.auth === 'none' ? { strip: credentialSlots(kase.op) } : {}),
            ...(capture ? { capture: { ...capture, value: this.redactor.text(capture.value) } } : {})
        };
    }
    async sequence(create, target) {
        const base = this.baseline(create);
        if (!base)
            return;
        this.warm([create, target.read, ...(target.remove ? [target.remove] : [])]);
        const state = { steps: [] };
        const createCase = this.planner.make(create, 'stateful', `create with ${create.key}`, base, { role: 'create' });
        const created = await this.execute(createCase, state);
        if (!created?.response || !SUCCESS(created.response.status))
            return;
        const requestParams = new Map();
        for (const [param, value] of base.params)
            requestParams.set(`${param.in}.${param.name}`, value);
        const exchange = {
            requestUrl: created.observed.request.url,
            requestBody: base.body?.value,
            requestParams,
            status: created.response.status,
            headers: created.response.headers,
            body: created.response.body
        };
        const binding = bindRead(this.model, target, exchange);
        if (!binding) {
            this.note(`${create.key}: the ${created.response.status} response names no resource to read back (${target.binding.kind === 'location' ? 'no usable Location header' : `no value for ${target.read.key}`}); stateful checks skipped there`);
            return;
        }
        state.steps[0].capture = binding.capture;
        const read = 'read' in binding ? binding.read : target.read;
        const readBase = this.baseline(read);
        if (!readBase)
            return;
        const withPath = (op, from) => {
            const params = new Map(from.params);
            if ('params' in binding)
                for (const param of op.parameters)
                    if (binding.params[param.name] !== undefined && param.in === 'path')
                        params.set(param, binding.params[param.name]);
            return { ...from, params };
        };
        const readInput = withPath(read, readBase);
        const concretePath = 'concretePath' in binding ? binding.concretePath : undefined;
        const common = { concretePath };
        const readCase = this.planner.make(read, 'stateful', `read ${read.key} after ${create.key} answered ${created.response.status}`, readInput, {
            role: 'read-after-create',
            attributeTo: create,
            ...common
        });
        const readBack = await this.execute(readCase, state);
        if (!readBack?.response || !SUCCESS(readBack.response.status))
            return;
        const remove = target.remove ?? this.model.operations.find((o) => o.method === 'delete' && o.path === read.path);
        if (!remove)
            return;
        const removeBase = this.baseline(remove);
        if (!removeBase)
            return;
        const deleteCase = this.planner.make(remove, 'stateful', `delete what ${create.key} created`, withPath(remove, removeBase), { role: 'delete', ...common });
        const deleted = await this.execute(deleteCase, state);
        if (!deleted?.response || !SUCCESS(deleted.response.status))
            return;
        const againCase = this.planner.make(read, 'stateful', `read ${read.key} after ${remove.key} answered ${deleted.response.status}`, readInput, {
            role: 'read-after-delete',
            attributeTo: remove,
            ...common
        });
        await this.execute(againCase, state);
    }
    aggregate() {
        for (const check of this.checks) {
            if (!check.aggregate)
                continue;
            const summary = this.summaries.get(check.id);
            for (const [op, timing] of this.timings) {
                if (this.options.maxResponseTimeMs === undefined)
                    continue;
                summary.evaluated++;
                this.coverage.judgedBy(op, check.id);
                const finding = check.aggregate({ op, timesMs: timing.times, slowest: 0 }, { maxResponseTimeMs: this.options.maxResponseTimeMs });
                if (finding && timing.slowest)
                    this.fail(check, timing.slowest, finding, { thresholdMs: this.options.maxResponseTimeMs }, undefined);
            }
        }
    }
    note(text) {
        if (!this.notes.includes(text))
            this.notes.push(text);
    }
    finish(durationMs) {
        const opIndex = new Map(this.model.operations.map((op, i) => [op.key, i]));
        const checkIndex = new Map(this.checks.map((c, i) => [c.id, i]));
        const records = [...this.failures.values()].sort((a, b) => (a.failure.level === b.failure.level ? 0 : a.failure.level === 'error' ? -1 : 1) ||
            Number(b.failure.changed) - Number(a.failure.changed) ||
            (opIndex.get(`${a.failure.operation.method} ${a.failure.operation.path}`) ?? 0) -
                (opIndex.get(`${b.failure.operation.method} ${b.failure.operation.path}`) ?? 0) ||
            (checkIndex.get(a.failure.id) ?? 0) - (checkIndex.get(b.failure.id) ?? 0) ||
            a.order - b.order);
        const failures = records.map((r) => r.failure);
        const errors = failures.filter((f) => f.level === 'error').length;
        const warnings = failures.length - errors;
        const notes = [...this.model.notes, ...this.planner.notes, ...this.notes];
        if (this.exhausted)
            notes.push(`the request budget (${this.budget}) ran out before every planned request was sent; raise budget to test more`);
        if (this.skippedByHooks > 0)
            notes.push(`${this.skippedByHooks} request${this.skippedByHooks > 1 ? 's' : ''} skipped by hooks`);
        const result = {
            engine: 'ubos',
            verdict: errors > 0 ? 'fail' : warnings > 0 ? 'warn' : 'pass',
            spec: {
                file: this.model.spec.file,
                version: this.model.version,
                ...(this.model.title ? { title: this.model.title } : {})
            },
            baseUrl: (0,redact/* redactUrl */.BO)(this.root),
            seed: this.seed,
            budget: this.budget,
            requests: this.requests,
            budgetExhausted: this.exhausted,
            durationMs: Math.round(durationMs),
            checks: [...this.summaries.values()],
            failures,
            ...(this.options.changedOperations
                ? {
                    changed: {
                        operations: this.model.operations.filter((o) => this.changed.has(o)).map(operationInfo),
                        notInSpec: this.notInSpec,
                        failures: failures.filter((f) => f.changed).length
                    }
                }
                : {}),
            coverage: this.coverage.finish(this.model),
            notes
        };
        return { result, replay: records.map((r) => r.replay) };
    }
}
/** Removes every credential a scheme of the operation could carry (a hook may have added one). */
function stripCredentials(request, op) {
    const slots = credentialSlots(op);
    for (const name of Object.keys(request.headers))
        if (slots.headers.includes(name.toLowerCase()))
            delete request.headers[name];
    const question = request.url.indexOf('?');
    if (slots.query.length > 0 && question >= 0) {
        // Filtered by hand: URLSearchParams would re-encode the other parameters (%20 becomes +).
        const kept = request.url
            .slice(question + 1)
            .split('&')
            .filter((pair) => !slots.query.includes(decodeURIComponent(pair.split('=')[0])));
        request.url = `${request.url.slice(0, question)}${kept.length > 0 ? `?${kept.join('&')}` : ''}`;
    }
    if (slots.cookies.length > 0 && request.headers['cookie'] !== undefined) {
        const kept = request.headers['cookie']
            .split(';')
            .map((c) => c.trim())
            .filter((c) => c !== '' && !slots.cookies.includes(c.split('=')[0].trim()));
        if (kept.length > 0)
            request.headers['cookie'] = kept.join('; ');
        else
            delete request.headers['cookie'];
    }
}
/** Runs the live test (and, given baseSpec, the same against the base version of the spec). */
async function runLive(options) {
    const run = await new Session(options).run();
    if (!options.baseSpec)
        return run;
    const base = await new Session({ ...options, spec: options.baseSpec, changedOperations: undefined }).run();
    const result = { ...run.result, base: base.result };
    const worst = [run.result.verdict, base.result.verdict];
    result.verdict = worst.includes('fail') ? 'fail' : worst.includes('warn') ? 'warn' : 'pass';
    return { result, replay: run.replay };
}

// EXTERNAL MODULE: ./actions/contract-test/src/spec/load.ts + 2 modules
var load = __webpack_require__(1659);
;// CONCATENATED MODULE: ./actions/contract-test/src/live/spec.ts
// Loading a spec for live testing: the shared loader (part 1) as it is, with the root rule the CLI and the action
// both follow (a spec named by the user is read wherever it is; what it references stays inside its root).




async function loadLiveSpec(specPath, options) {
    const absolute = isAbsolute(specPath) ? specPath : resolve(options.workspace, specPath);
    if (!existsSync(absolute))
        throw new ConfigurationError(`spec ${specPath} does not exist`);
    const inside = !relative(options.workspace, absolute).startsWith('..') && !isAbsolute(relative(options.workspace, absolute));
    const root = inside ? options.workspace : dirname(absolute);
    return loadSpecAsync(relative(root, absolute), {
        root,
        allowExternalFiles: options.allowExternalFiles,
        allowRemoteRefs: options.allowRemoteRefs,
        remoteTimeoutMs: options.remoteTimeoutMs
    });
}
/** "GET /items/{id}" entries (comma or newline separated) as operation references. */
function parseOperationList(values, what) {
    return values
        .flatMap((value) => value.split(/[\r\n,]/))
        .map((item) => item.trim())
        .filter((item) => item !== '')
        .map((item) => {
        const match = /^([A-Za-z]+)\s+(\/\S*)$/.exec(item);
        if (!match)
            throw new errors/* ConfigurationError */.j1(`${what}: "${item}" is not "METHOD /path"`);
        return { method: match[1].toLowerCase(), path: match[2] };
    });
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./actions/contract-test/src/live/dredd.ts
// `engine: dredd`: runs Dredd 14.1.0 (for teams migrating from it) with the team's dredd.yml and maps its xunit
// report into the live result. The dredd.yml is rewritten first: the spec, the endpoint and the reporter are
// ours; keys that run repository code (server, hookfiles, language, require) or fetch from the network (path)
// are dropped unless the caller opted in to hooks by naming a hooks file, which Dredd then runs itself.










const DEFAULT_DREDD_TIMEOUT_MS = 10 * 60_000;
/** Dredd from the workspace's node_modules, else from PATH; undefined when neither has it. */
function findDredd(cwd, path) {
    const local = (0,external_node_path_.join)(cwd, 'node_modules', '.bin', 'dredd');
    const candidates = [
        local,
        ...(path ?? '')
            .split(external_node_path_.delimiter)
            .filter(Boolean)
            .map((dir) => (0,external_node_path_.join)(dir, 'dredd'))
    ];
    for (const candidate of candidates) {
        try {
            (0,external_node_fs_.accessSync)(candidate, external_node_fs_.constants.X_OK);
            return [candidate];
        }
        catch {
            // not there
        }
    }
    return undefined;
}
const DROPPED = [
    'server',
    'server-wait',
    'language',
    'require',
    'hookfiles',
    'init',
    'reporter',
    'output',
    'color',
    'config',
    'path',
    'names',
    'dry-run',
    'blueprint',
    'endpoint'
];
function readConfig(file) {
    let parsed;
    try {
        parsed = (0,dist.parse)((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`${file}: not a readable dredd.yml: ${error.message.split('\n')[0]}`);
    }
    if (parsed === null || parsed === undefined)
        return {};
    if (typeof parsed !== 'object' || Array.isArray(parsed))
        throw new errors/* ConfigurationError */.j1(`${file}: a dredd.yml must be a mapping`);
    return parsed;
}
function decodeXml(text) {
    return text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
        .replace(/&amp;/g, '&');
}
/** Dredd's xunit reporter output: <testcase name=".." time=".."> with an optional <failure> (CDATA) or <skipped/>. */
function parseXunit(xml) {
    const cases = [];
    const pattern = /<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g;
    for (const match of xml.matchAll(pattern)) {
        const attributes = match[1];
        const name = decodeXml(/\bname="([^"]*)"/.exec(attributes)?.[1] ?? '');
        const time = Number(/\btime="([^"]*)"/.exec(attributes)?.[1] ?? '0');
        const inner = match[3] ?? '';
        const failure = /<failure[^>]*>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([\s\S]*?))<\/failure>/.exec(inner);
        cases.push({
            name,
            timeMs: Number.isFinite(time) ? time * 1000 : 0,
            failure: failure ? (failure[1] ?? decodeXml(failure[2] ?? '')) : undefined,
            skipped: /<skipped/.test(inner)
        });
    }
    return cases;
}
/** The Gavel field a Dredd message line is about, as one of our check ids. */
function checkFor(line, actualStatus) {
    if (/^statusCode:/.test(line))
        return actualStatus !== undefined && actualStatus >= 500 ? 'not-a-server-error' : 'status-code-conformance';
    if (/^headers:/.test(line))
        return /content-type/i.test(line) ? 'content-type-conformance' : 'response-headers-conformance';
    if (/^body:/.test(line))
        return 'response-schema-conformance';
    return 'dredd';
}
function section(text, title) {
    const match = new RegExp(`(?:^|\\n)${title}:\\n([\\s\\S]*?)(?=\\n(?:Message|Request|Expected|Actual):\\n|$)`).exec(text);
    return match?.[1]?.trim() ?? '';
}
function field(block, name) {
    return new RegExp(`(?:^|\\n)${name}: ?([^\\n]*)`).exec(block)?.[1]?.trim();
}
function headersOf(block) {
    const out = {};
    const match = /(?:^|\n)headers: ?\n((?: {4}[^\n]*\n?)*)/.exec(block);
    for (const line of (match?.[1] ?? '').split('\n')) {
        const header = /^ {4}([^:]+): ?(.*)$/.exec(line);
        if (header)
            out[header[1].toLowerCase()] = header[2];
    }
    return out;
}
function bodyOf(block) {
    const match = /(?:^|\n)body: ?\n([\s\S]*?)(?=\n(?:statusCode|headers|bodyEncoding|uri|method):|$)/.exec(block);
    const body = match?.[1]?.trim();
    return body === '' ? undefined : body;
}
const ESC = String.fromCharCode(27);
/** Dredd colours its log even with color off in places; the escape codes are noise in a one-line error. */
function stripAnsi(text) {
    return text
        .split(ESC)
        .map((part, i) => (i === 0 ? part : part.replace(/^\[[0-9;]*m/, '')))
        .join('');
}
function runProcess(command, args, options) {
    return new Promise((resolvePromise, reject) => {
        const child = (0,external_node_child_process_.spawn)(command[0], [...command.slice(1), ...args], {
            cwd: options.cwd,
            env: options.env,
            stdio: ['ignore', 'pipe', 'pipe']
        });
        let stdout = '';
        let stderr = '';
        const cap = 4 * 1024 * 1024;
        child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout = (stdout + chunk).slice(-cap)));
        child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr = (stderr + chunk).slice(-cap)));
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
        }, options.timeoutMs);
        child.once('error', (error) => {
            clearTimeout(timer);
            reject(new errors/* ConfigurationError */.j1(`dredd could not be started (${command[0]}): ${error.message}`));
        });
        child.once('close', (code) => {
            clearTimeout(timer);
            resolvePromise({ code, stdout, stderr, timedOut });
        });
    });
}
/** Runs Dredd and maps its results; throws ConfigurationError when Dredd could not test at all. */
async function runDredd(options) {
    const started = performance.now();
    const model = buildModel(options.spec);
    const root = apiRoot(options.baseUrl, model);
    const credentials = new Credentials(options.auth);
    const config = options.configFile ? readConfig((0,external_node_path_.resolve)(options.cwd, options.configFile)) : {};
    const configDir = options.configFile ? (0,external_node_path_.dirname)((0,external_node_path_.resolve)(options.cwd, options.configFile)) : options.cwd;
    const safe = {};
    const dropped = [];
    for (const [key, value] of Object.entries(config)) {
        if (DROPPED.includes(key) || key.startsWith('hooks-worker')) {
            if (key !== 'blueprint' &&
                key !== 'endpoint' &&
                key !== 'reporter' &&
                key !== 'output' &&
                key !== 'color' &&
                value !== null &&
                value !== false &&
                !(Array.isArray(value) && value.length === 0))
                dropped.push(key);
            continue;
        }
        safe[key] = value;
    }
    const work = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'ubos-dredd-'));
    const report = (0,external_node_path_.join)(work, 'report.xml');
    const headers = Array.isArray(safe.header) ? safe.header.map(String) : [];
    // Dredd sends the same headers everywhere: the first secured operation's scheme decides where credentials go.
    const secured = model.operations.find((o) => credentials.choose(o) !== undefined);
    if (secured) {
        const applied = credentials.apply(credentials.choose(secured));
        for (const [name, value] of Object.entries(applied.headers))
            headers.push(`${name}: ${value}`);
    }
    const hooks = options.hooksFile ? [(0,external_node_path_.resolve)(options.cwd, options.hooksFile)] : [];
    if (options.hooksFile && Array.isArray(config.hookfiles))
        hooks.push(...config.hookfiles.map((f) => (0,external_node_path_.resolve)(configDir, String(f))));
    else if (options.hooksFile && typeof config.hookfiles === 'string')
        hooks.push((0,external_node_path_.resolve)(configDir, config.hookfiles));
    const written = {
        ...safe,
        ...(headers.length > 0 ? { header: headers } : {}),
        ...(hooks.length > 0 ? { hookfiles: hooks } : {}),
        blueprint: (0,external_node_path_.isAbsolute)(options.specPath) ? options.specPath : (0,external_node_path_.resolve)(options.cwd, options.specPath),
        endpoint: root,
        // Dredd 14 turns a config file without `path` into [null, ...] and fails with "invalid pattern".
        path: [],
        reporter: ['xunit'],
        output: [report],
        color: false
    };
    const configPath = (0,external_node_path_.join)(work, 'dredd.yml');
    // The file may hold credentials: only this user reads it, and it is removed when Dredd is done.
    (0,external_node_fs_.writeFileSync)(configPath, (0,dist.stringify)(written), { mode: 0o600 });
    const secrets = [...credentials.secrets];
    let run;
    try {
        run = await runProcess(options.command, ['--config', configPath], {
            cwd: configDir,
            env: options.env,
            timeoutMs: options.timeoutMs ?? DEFAULT_DREDD_TIMEOUT_MS
        });
        if (run.timedOut)
            throw new errors/* ConfigurationError */.j1(`dredd did not finish within ${Math.round((options.timeoutMs ?? DEFAULT_DREDD_TIMEOUT_MS) / 1000)}s`);
        const xml = (0,external_node_fs_.existsSync)(report) ? (0,external_node_fs_.readFileSync)(report, 'utf8') : '';
        const cases = parseXunit(xml);
        if (cases.length === 0) {
            const reason = `${run.stderr}\n${run.stdout}`
                .split('\n')
                .map((line) => stripAnsi(line).trim())
                .find((line) => /^error:/i.test(line));
            throw new errors/* ConfigurationError */.j1(`dredd ran no test${reason ? `: ${(0,redact/* redact */.E$)(reason.replace(/^error:\s*/i, ''), secrets)}` : ` (exit ${run.code})`}`);
        }
        return mapResult(model, options.spec, root, cases, secrets, performance.now() - started, dropped);
    }
    finally {
        (0,external_node_fs_.rmSync)(work, { recursive: true, force: true });
    }
}
function mapResult(model, spec, root, cases, secrets, durationMs, dropped) {
    const failures = [];
    const perOp = new Map();
    const notes = [];
    if (dropped.length > 0)
        notes.push(`dredd.yml keys not used (they run code or fetch; name a hooks file to opt in to hooks): ${dropped.join(', ')}`);
    const rootPath = new URL(root).pathname.replace(/\/+$/, '');
    for (const testCase of cases) {
        const match = /^([A-Z]+) \((\d{3})\) (\S+)/.exec(testCase.name);
        if (!match) {
            notes.push(`dredd test "${(0,redact/* redact */.E$)(testCase.name, secrets)}" could not be matched to an operation`);
            continue;
        }
        const [, method, status, uri] = match;
        const path = uri.split('?')[0];
        const relative = rootPath !== '' && path.startsWith(rootPath) ? path.slice(rootPath.length) : path;
        const template = matchOperationPath(model, relative) ?? matchOperationPath(model, path);
        const op = model.operations.find((o) => o.path === template && o.method === method.toLowerCase());
        if (!op) {
            notes.push(`dredd test ${method} ${path} matches no operation of the spec`);
            continue;
        }
        let tally = perOp.get(op);
        if (!tally) {
            tally = { requests: 0, statuses: new Set(), checks: new Set() };
            perOp.set(op, tally);
        }
        if (testCase.skipped)
            continue;
        tally.requests++;
        tally.statuses.add(status);
        for (const id of ['status-code-conformance', 'response-headers-conformance', 'response-schema-conformance'])
            tally.checks.add(id);
        if (!testCase.failure)
            continue;
        const text = (0,redact/* redact */.E$)(testCase.failure, secrets);
        const request = section(text, 'Request');
        const actual = section(text, 'Actual');
        const actualStatus = Number(field(actual, 'statusCode'));
        const exchange = {
            request: {
                method,
                url: (0,redact/* redactUrl */.BO)(`${new URL(root).origin}${field(request, 'uri') ?? uri}`),
                headers: headersOf(request),
                ...(bodyOf(request) ? { body: bodyOf(request) } : {})
            },
            ...(Number.isFinite(actualStatus) && actualStatus > 0
                ? {
                    response: {
                        status: actualStatus,
                        headers: headersOf(actual),
                        ...(bodyOf(actual) ? { body: bodyOf(actual) } : {}),
                        timeMs: Math.round(testCase.timeMs)
                    }
                }
                : {})
        };
        const lines = section(text, 'Message')
            .split('\n')
            .filter((line) => line.trim() !== '');
        const byCheck = new Map();
        for (const line of lines.length > 0 ? lines : [text.split('\n')[0] ?? 'failed']) {
            const id = checkFor(line, Number.isFinite(actualStatus) ? actualStatus : undefined);
            byCheck.set(id, [...(byCheck.get(id) ?? []), line.replace(/^(statusCode|headers|body):\s*/, '')]);
        }
        for (const [id, messages] of byCheck) {
            tally.checks.add(id);
            failures.push({
                id,
                level: 'error',
                operation: { method, path: op.path, ...(op.operationId ? { operationId: op.operationId } : {}) },
                ...(op.location ? { location: op.location } : {}),
                message: messages.join('; '),
                case: `dredd: ${testCase.name}`,
                kind: 'example',
                occurrences: 1,
                changed: false,
                exchange
            });
        }
    }
    const perOperation = model.operations.map((op) => {
        const tally = perOp.get(op);
        const seen = [...(tally?.statuses ?? [])].filter((s) => op.responses.some((r) => r.key === s));
        return {
            method: op.method.toUpperCase(),
            path: op.path,
            ...(op.operationId ? { operationId: op.operationId } : {}),
            requests: tally?.requests ?? 0,
            statuses: { documented: op.responses.map((r) => r.key), seen },
            parameters: { documented: op.parameters.map((p) => `${p.in}.${p.name}`), sent: [] },
            checks: [...(tally?.checks ?? [])]
        };
    });
    const count = (pick) => perOperation.reduce((acc, o) => ({ covered: acc.covered + pick(o)[0], total: acc.total + pick(o)[1] }), {
        covered: 0,
        total: 0
    });
    const checkIds = [...new Set(failures.map((f) => f.id))];
    const requests = cases.filter((c) => !c.skipped).length;
    return {
        engine: 'dredd',
        verdict: failures.length > 0 ? 'fail' : 'pass',
        spec: { file: spec.file, version: spec.version, ...(model.title ? { title: model.title } : {}) },
        baseUrl: (0,redact/* redactUrl */.BO)(root),
        seed: 0,
        budget: requests,
        requests,
        budgetExhausted: false,
        durationMs: Math.round(durationMs),
        checks: ['status-code-conformance', 'response-headers-conformance', 'response-schema-conformance', ...checkIds]
            .filter((id, i, all) => all.indexOf(id) === i)
            .map((id) => ({ id, title: id, evaluated: requests, failed: failures.filter((f) => f.id === id).length })),
        failures,
        coverage: {
            operations: count((o) => [o.requests > 0 ? 1 : 0, 1]),
            statuses: count((o) => [o.statuses.seen.length, o.statuses.documented.length]),
            parameters: count((o) => [0, o.parameters.documented.length]),
            perOperation,
            undocumented: []
        },
        notes
    };
}

;// CONCATENATED MODULE: ./actions/contract-test/src/live/replay.ts
// Writing the replay file of a run, and replaying one: every failing exchange (with the steps of its sequence)
// is sent again to a base URL and re-judged by the same check with the expectation stored in the file.








/** The replay file of a run: NDJSON, one header line then one line per failure. */
function renderReplay(run) {
    const header = {
        type: REPLAY_FORMAT,
        version: REPLAY_VERSION,
        spec: run.result.spec.file,
        seed: run.result.seed,
        engine: 'ubos',
        baseUrl: run.result.baseUrl
    };
    return [header, ...run.replay].map((line) => JSON.stringify(line)).join('\n') + '\n';
}
const MAX_REPLAY_BYTES = 50 * 1024 * 1024;
function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
function validStep(step) {
    if (!isRecord(step) || !isRecord(step.request) || !Array.isArray(step.auth))
        return false;
    const request = step.request;
    return (typeof request.method === 'string' &&
        /^[A-Z]+$/.test(request.method) &&
        typeof request.path === 'string' &&
        request.path.startsWith('/') &&
        isRecord(request.headers) &&
        Object.values(request.headers).every((v) => typeof v === 'string') &&
        (request.body === undefined || typeof request.body === 'string'));
}
/**
 * A replay file: a header line, then its failures; a step that tested several specs writes one such section per
 * spec, one after the other (each header names its spec and the server path its requests are relative to).
 */
function parseReplay(text, file) {
    if (Buffer.byteLength(text) > MAX_REPLAY_BYTES)
        throw new errors/* ConfigurationError */.j1(`${file}: larger than ${MAX_REPLAY_BYTES} bytes`);
    const lines = text
        .split('\n')
        .map((line, i) => ({ line, n: i + 1 }))
        .filter(({ line }) => line.trim() !== '');
    if (lines.length === 0)
        throw new errors/* ConfigurationError */.j1(`${file}: empty replay file`);
    const parse = (line, n) => {
        try {
            return JSON.parse(line);
        }
        catch {
            throw new errors/* ConfigurationError */.j1(`${file}:${n}: not JSON`);
        }
    };
    const sections = [];
    for (const { line, n } of lines) {
        const value = parse(line, n);
        if (isRecord(value) && value.type === REPLAY_FORMAT) {
            if (value.version !== REPLAY_VERSION)
                throw new errors/* ConfigurationError */.j1(`${file}:${n}: replay format version ${String(value.version)} is not supported (this version reads ${REPLAY_VERSION})`);
            sections.push({ header: value, entries: [] });
            continue;
        }
        if (sections.length === 0)
            throw new errors/* ConfigurationError */.j1(`${file}: not a contract-test replay file (the first line is not its header)`);
        const entry = value;
        if (!isRecord(entry) ||
            entry.type !== 'failure' ||
            typeof entry.check !== 'string' ||
            !isRecord(entry.operation) ||
            !Array.isArray(entry.steps) ||
            entry.steps.length === 0 ||
            !entry.steps.every(validStep))
            throw new errors/* ConfigurationError */.j1(`${file}:${n}: not a replay entry`);
        if (!liveCheck(entry.check))
            throw new errors/* ConfigurationError */.j1(`${file}:${n}: unknown check "${entry.check}"`);
        sections.at(-1).entries.push(entry);
    }
    return { header: sections[0].header, entries: sections.flatMap((s) => s.entries), sections };
}
function replaceSegment(path, from, to) {
    const encodedFrom = encodeURIComponent(from);
    const encodedTo = encodeURIComponent(to);
    return path
        .split(/(?=[/?&;,.=])/)
        .map((part) => {
        const lead = part[0] ?? '';
        const rest = part.slice(1);
        return rest === encodedFrom || rest === from ? `${lead}${encodedTo}` : part;
    })
        .join('');
}
/** Location values become paths relative to the API root, as the engine recorded them. */
function locationPath(location, root) {
    try {
        const url = new URL(location, root);
        const rootPath = new URL(root).pathname.replace(/\/+$/, '');
        const path = url.pathname.startsWith(`${rootPath}/`) ? url.pathname.slice(rootPath.length) : url.pathname;
        return `${path}${url.search}`;
    }
    catch {
        return undefined;
    }
}
function replay_pointer(text, at) {
    let node;
    try {
        node = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    for (const raw of at.replace(/^\//, '').split('/')) {
        if (raw === '')
            continue;
        const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        node = isRecord(node) ? node[token] : Array.isArray(node) ? node[Number(token)] : undefined;
    }
    return typeof node === 'string' || typeof node === 'number' ? String(node) : undefined;
}
async function replayFailures(options) {
    const { sections } = parseReplay(options.text, options.file);
    let given;
    try {
        const url = new URL(options.baseUrl);
        if (url.protocol !== 'http:' && url.protocol !== 'https:')
            throw new Error();
        given = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`base URL "${options.baseUrl}" is not an http(s) URL`);
    }
    const rootFor = (header) => {
        // The recorded base URL carried the spec's server path; a bare origin gets the same path again.
        if (new URL(given).pathname !== '/' && new URL(given).pathname !== '')
            return given;
        try {
            return `${new URL(given).origin}${new URL(header.baseUrl).pathname.replace(/\/+$/, '')}`;
        }
        catch {
            // a header without a usable URL leaves the root as given
            return given;
        }
    };
    const credentials = new Credentials(options.auth);
    const redactor = new Redactor(credentials.secrets);
    const client = new HttpClient({
        timeoutMs: options.timeoutMs ?? 10_000,
        maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
        maxSockets: 1
    });
    const validator = new SchemaValidator();
    const outcomes = [];
    try {
        for (const { header, entry } of sections.flatMap((s) => s.entries.map((entry) => ({ header: s.header, entry })))) {
            const root = rootFor(header);
            const check = liveCheck(entry.check);
            const replacements = [];
            let outcome;
            for (const [index, step] of entry.steps.entries()) {
                let path = step.request.path;
                for (const [from, to] of replacements)
                    path = from.startsWith('/')
                        ? path.startsWith(from)
                            ? to + path.slice(from.length)
                            : path
                        : replaceSegment(path, from, to);
                const [pathname, search] = path.split('?', 2);
                const query = (search ?? '').split('&').filter((pair) => pair !== '' && !/=(\*\*\*|%2A%2A%2A)$/i.test(pair));
                const headers = {};
                for (const [name, value] of Object.entries(step.request.headers)) {
                    if (value === redact/* REDACTED */.XF || name === 'content-length' || name === 'host')
                        continue;
                    headers[name] = value;
                }
                const applied = credentials.apply(step.auth);
                Object.assign(headers, applied.headers);
                query.push(...applied.query);
                const cookieParts = [...(headers['cookie'] ? [headers['cookie']] : []), ...applied.cookies];
                if (cookieParts.length > 0)
                    headers['cookie'] = cookieParts.join('; ');
                if (step.strip)
                    for (const name of step.strip.headers)
                        delete headers[name];
                const url = `${root}${pathname}${query.length > 0 ? `?${query.join('&')}` : ''}`;
                const request = { method: step.request.method, url, headers, body: step.request.body };
                let response;
                let error;
                try {
                    response = await client.send(request, options.signal);
                }
                catch (caught) {
                    if (!(caught instanceof TransportError))
                        throw caught;
                    error = caught.message;
                }
                const observed = {
                    request: { method: request.method, url, headers },
                    ...(response ? { response } : {}),
                    ...(error ? { error } : {})
                };
                const last = index === entry.steps.length - 1;
                if (!last) {
                    if (!response || response.status >= 300) {
                        outcome = {
                            check: entry.check,
                            level: entry.level,
                            operation: entry.operation,
                            recorded: entry.message,
                            status: 'error',
                            detail: `step ${index + 1} (${request.method} ${pathname}) ${response ? `answered ${response.status}` : `failed: ${error}`}; the sequence stops there`,
                            exchange: redactor.exchange(observed, request.body)
                        };
                        break;
                    }
                    if (step.capture) {
                        const now = step.capture.from === 'header'
                            ? response.headers[step.capture.at]
                            : replay_pointer(response.body, step.capture.at);
                        if (now !== undefined) {
                            if (step.capture.from === 'header') {
                                const before = locationPath(step.capture.value, root);
                                const after = locationPath(now, root);
                                if (before && after)
                                    replacements.push([before, after]);
                            }
                            else
                                replacements.push([step.capture.value, now]);
                        }
                    }
                    continue;
                }
                const finding = check.evaluate(observed, entry.expected, { validator });
                outcome = {
                    check: entry.check,
                    level: entry.level,
                    operation: entry.operation,
                    recorded: entry.message,
                    status: finding ? 'failing' : 'passing',
                    ...(finding ? { detail: redactor.text(finding.message) } : {}),
                    exchange: redactor.exchange(observed, request.body)
                };
            }
            outcomes.push(outcome);
        }
    }
    finally {
        client.close();
    }
    const counts = {
        failing: outcomes.filter((o) => o.status === 'failing').length,
        passing: outcomes.filter((o) => o.status === 'passing').length,
        error: outcomes.filter((o) => o.status === 'error').length
    };
    const failingErrors = outcomes.some((o) => o.status !== 'passing' && o.level === 'error');
    const failingWarnings = outcomes.some((o) => o.status !== 'passing');
    return {
        verdict: failingErrors ? 'fail' : failingWarnings ? 'warn' : 'pass',
        baseUrl: (0,redact/* redactUrl */.BO)(sections.length === 1 ? rootFor(sections[0].header) : given),
        spec: sections.map((s) => s.header.spec).join(', '),
        outcomes,
        counts
    };
}

;// CONCATENATED MODULE: ./shared/src/lib/junit.ts
/**
 * JUnit XML for test-like actions (contract tests, smoke checks), in the dialect CI test reporters read:
 * <testsuites> / <testsuite> / <testcase> with <failure>, <error> or <skipped>, counts and times in seconds.
 * Everything written comes from untrusted text (response bodies, spec files), so escaping is the main job.
 */
// Characters XML 1.0 forbids outright (most C0 controls, lone surrogates, U+FFFE/U+FFFF). Escaping cannot
// help with these: a parser rejects even &#0;, so they are removed.
const ILLEGAL_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
function stripIllegalXmlChars(text) {
    return text.replace(ILLEGAL_XML_CHARS, '');
}
// A literal carriage return would be turned into a line feed by the parser (end-of-line normalisation),
// so it is written as a character reference.
function escapeText(text) {
    return stripIllegalXmlChars(text)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\r/g, '&#13;');
}
// In attributes, literal tabs and line feeds would be normalised to spaces; character references keep them.
function escapeAttribute(text) {
    return escapeText(text)
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;')
        .replace(/\t/g, '&#9;')
        .replace(/\n/g, '&#10;');
}
function attributes(pairs) {
    return pairs
        .filter((pair) => pair[1] !== undefined)
        .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
        .join('');
}
function seconds(ms) {
    return (Math.max(0, Number.isFinite(ms) ? ms : 0) / 1000).toFixed(3);
}
function count(cases) {
    return {
        tests: cases.length,
        failures: cases.filter((c) => c.status === 'failed').length,
        errors: cases.filter((c) => c.status === 'error').length,
        skipped: cases.filter((c) => c.status === 'skipped').length,
        timeMs: cases.reduce((sum, c) => sum + (Number.isFinite(c.timeMs) ? Math.max(0, c.timeMs) : 0), 0)
    };
}
function countAttributes(counts) {
    return [
        ['tests', counts.tests],
        ['failures', counts.failures],
        ['errors', counts.errors],
        ['skipped', counts.skipped],
        ['time', seconds(counts.timeMs)]
    ];
}
function renderCase(testCase, suiteName) {
    const open = `    <testcase${attributes([
        ['name', testCase.name],
        ['classname', testCase.className ?? suiteName],
        ['time', seconds(testCase.timeMs)],
        ['file', testCase.file],
        ['line', testCase.line]
    ])}`;
    const element = { failed: 'failure', error: 'error', skipped: 'skipped', passed: undefined }[testCase.status];
    if (element === undefined)
        return `${open}/>`;
    const messageAttribute = attributes([['message', testCase.message]]);
    const body = testCase.details ?? (element === 'skipped' ? undefined : testCase.message);
    const child = body === undefined || body === ''
        ? `<${element}${messageAttribute}/>`
        : `<${element}${messageAttribute}>${escapeText(body)}</${element}>`;
    return `${open}>\n      ${child}\n    </testcase>`;
}
function renderSuite(suite) {
    const header = `  <testsuite${attributes([['name', suite.name], ...countAttributes(count(suite.cases))])}`;
    if (suite.cases.length === 0)
        return `${header}/>`;
    return `${header}>\n${suite.cases.map((c) => renderCase(c, suite.name)).join('\n')}\n  </testsuite>`;
}
/** Renders the report as a JUnit XML document. */
function buildJUnit(report) {
    const allCases = report.suites.flatMap((suite) => suite.cases);
    const root = `<testsuites${attributes([['name', report.name], ...countAttributes(count(allCases))])}>`;
    const suites = report.suites.map(renderSuite);
    return ['<?xml version="1.0" encoding="UTF-8"?>', root, ...suites, '</testsuites>', ''].join('\n');
}

;// CONCATENATED MODULE: ./actions/contract-test/src/live/render/http-text.ts
function prettyBody(body, truncated) {
    if (body === undefined)
        return '';
    let text = body;
    try {
        text = JSON.stringify(JSON.parse(body), null, 2);
    }
    catch {
        // not JSON: shown as sent
    }
    return `\n\n${text}${truncated ? '\n… (cut)' : ''}`;
}
function exchangeText(exchange) {
    const { request, response, error } = exchange;
    let url;
    try {
        url = new URL(request.url);
    }
    catch {
        url = undefined;
    }
    const target = url ? `${url.pathname}${url.search}` : request.url;
    const lines = [`${request.method} ${target} HTTP/1.1`];
    if (url)
        lines.push(`host: ${url.host}`);
    for (const [name, value] of Object.entries(request.headers))
        lines.push(`${name}: ${value}`);
    let text = lines.join('\n') + prettyBody(request.body, request.bodyTruncated);
    if (response) {
        const head = [`HTTP/1.1 ${response.status}  (${response.timeMs}ms)`];
        for (const [name, value] of Object.entries(response.headers))
            head.push(`${name}: ${value}`);
        text += `\n\n${head.join('\n')}${prettyBody(response.body, response.bodyTruncated)}`;
    }
    else if (error !== undefined)
        text += `\n\n(no response: ${error})`;
    return text;
}

;// CONCATENATED MODULE: ./actions/contract-test/src/live/render/junit.ts
// JUnit of a live run: one suite for the changed operations (when a diff named them), one for the rest; one test
// case per operation and check that judged it, failed when the check failed there. The step's JUnit document
// (render.ts) holds these suites for every spec, beside lint and diff.


/** The suites of one live run, named with `prefix`: one for the changed operations (when any), one for the rest. */
function liveJUnitSuites(result, prefix) {
    const changed = [];
    const rest = [];
    const changedOps = new Set((result.changed?.operations ?? []).map((o) => `${o.method} ${o.path}`));
    for (const op of result.coverage.perOperation) {
        const key = `${op.method} ${op.path}`;
        const target = changedOps.has(key) ? changed : rest;
        const failures = result.failures.filter((f) => `${f.operation.method} ${f.operation.path}` === key);
        const judged = new Set([...op.checks, ...failures.map((f) => f.id)]);
        const location = failures[0]?.location;
        if (judged.size === 0) {
            target.push({
                name: 'not tested',
                className: key,
                timeMs: 0,
                status: 'skipped',
                message: op.requests === 0 ? 'no request reached this operation' : 'no check judged it'
            });
            continue;
        }
        for (const id of [...judged].sort()) {
            const failed = failures.filter((f) => f.id === id);
            if (failed.length === 0) {
                target.push({ name: id, className: key, timeMs: 0, status: 'passed' });
                continue;
            }
            const errors = failed.filter((f) => f.level === 'error');
            const shown = errors.length > 0 ? errors : failed;
            target.push({
                name: id,
                className: key,
                timeMs: shown[0].exchange.response?.timeMs ?? 0,
                // Warnings are reported, not failed: JUnit has no level between pass and fail.
                status: errors.length > 0 ? 'failed' : 'passed',
                message: shown.map((f) => f.message).join('; '),
                details: errors.length > 0
                    ? shown
                        .map((f) => `${f.message} (${f.case})\n\n${(f.sequence ?? [f.exchange]).map(exchangeText).join('\n\n---\n\n')}`)
                        .join('\n\n====\n\n')
                    : undefined,
                file: location?.file,
                line: location?.line
            });
        }
    }
    const out = [];
    if (changed.length > 0)
        out.push({ name: `${prefix}changed operations`, cases: changed });
    out.push({ name: `${prefix}operations`, cases: rest });
    return out;
}
function renderReplayJUnit(result) {
    const cases = result.outcomes.map((o) => ({
        name: o.check,
        className: `${o.operation.method} ${o.operation.path}`,
        timeMs: o.exchange?.response?.timeMs ?? 0,
        status: o.status === 'passing' ? 'passed' : o.status === 'error' ? 'error' : o.level === 'error' ? 'failed' : 'passed',
        message: o.detail ?? o.recorded,
        details: o.exchange ? exchangeText(o.exchange) : undefined
    }));
    return buildJUnit({ name: 'contract-test replay', suites: [{ name: 'contract-test replay', cases }] });
}

;// CONCATENATED MODULE: ./actions/contract-test/src/live/render/text.ts
// Plain-text report for a terminal: verdict, failures by operation, coverage in one line each.

function where(failure) {
    return failure.location ? ` (${failure.location.file}:${failure.location.line})` : '';
}
function text_section(result, title) {
    const lines = [];
    const errors = result.failures.filter((f) => f.level === 'error').length;
    const warnings = result.failures.length - errors;
    lines.push(`${title}: ${result.verdict.toUpperCase()}  ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}; ` +
        `${result.requests} requests to ${result.baseUrl} in ${(result.durationMs / 1000).toFixed(1)}s (seed ${result.seed}${result.budgetExhausted ? ', budget exhausted' : ''})`);
    if (result.changed) {
        lines.push(`changed operations tested first: ${result.changed.operations.length}, with ${result.changed.failures} failure(s)`);
        for (const ref of result.changed.notInSpec)
            lines.push(`  not in this spec: ${ref.method.toUpperCase()} ${ref.path}`);
    }
    let current = '';
    for (const failure of result.failures) {
        const op = `${failure.operation.method} ${failure.operation.path}`;
        if (op !== current) {
            current = op;
            lines.push('', `${op}${where(failure)}${failure.changed ? '  [changed]' : ''}`);
        }
        const times = failure.occurrences > 1 ? ` (x${failure.occurrences})` : '';
        lines.push(`  ${failure.level === 'error' ? 'error  ' : 'warning'} ${failure.id}: ${failure.message}${times}`);
        lines.push(`          ${failure.case}: ${failure.exchange.request.method} ${failure.exchange.request.url} -> ${failure.exchange.response?.status ?? failure.exchange.error ?? '?'}`);
    }
    const c = result.coverage;
    lines.push('', `coverage: operations ${c.operations.covered}/${c.operations.total} (${percent(c.operations)}), ` +
        `status codes ${c.statuses.covered}/${c.statuses.total} (${percent(c.statuses)}), ` +
        `parameters ${c.parameters.covered}/${c.parameters.total} (${percent(c.parameters)})`);
    for (const u of c.undocumented) {
        lines.push(`  undocumented: ${u.method} ${u.path} answered ${u.status}${u.reason === 'method' ? ' (method not in the spec)' : ''} x${u.count}`);
    }
    for (const note of result.notes)
        lines.push(`note: ${note}`);
    return lines;
}
function renderLiveText(result) {
    const lines = text_section(result, `contract-test live (${result.engine})`);
    if (result.base)
        lines.push('', ...text_section(result.base, `base spec ${result.base.spec.file}`));
    return lines.join('\n') + '\n';
}
function renderReplayText(result) {
    const lines = [
        `contract-test replay: ${result.verdict.toUpperCase()}  ${result.counts.failing} still failing, ${result.counts.passing} passing, ${result.counts.error} could not be replayed (${result.baseUrl})`
    ];
    for (const o of result.outcomes) {
        lines.push(`  ${o.status.padEnd(7)} ${o.check} ${o.operation.method} ${o.operation.path}: ${o.detail ?? o.recorded}`);
    }
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./actions/contract-test/src/live/index.ts
// The public surface of contract-test's live engine: what the step (live-step.ts), cli.ts and render.ts import.











// EXTERNAL MODULE: ./shared/src/lib/markdown.ts
var markdown = __webpack_require__(41794);
// EXTERNAL MODULE: ./shared/src/lib/report.ts
var lib_report = __webpack_require__(60621);
;// CONCATENATED MODULE: ./actions/contract-test/src/render-live.ts
// The live part of the contract-test report: failures as findings at the operation's line, summary sections
// with each request and response (already redacted and capped by the engine) in a collapsed block, coverage,
// checks, undocumented answers and notes. No I/O.



/** Requests and responses are shown for this many failures per step; the JSON report has every one. */
const LIVE_DETAILS_LIMIT = 20;
/** Every failure of a spec's live run, head first then base, with what accepted a base failure. */
function liveFailureViews(live, changes) {
    const head = live.failures.map((failure) => ({ failure, base: false }));
    const base = (live.base?.failures ?? []).map((failure) => {
        const change = changes.find((c) => c.accepted &&
            c.method?.toLowerCase() === failure.operation.method.toLowerCase() &&
            c.path !== undefined &&
            normalisePath(c.path) === normalisePath(failure.operation.path));
        return { failure, base: true, ...(change ? { accepted: change.accepted.reason } : {}) };
    });
    return [...head, ...base];
}
function operation(f) {
    return `${f.operation.method.toUpperCase()} ${f.operation.path}`;
}
function liveFinding(view) {
    const f = view.failure;
    const level = view.accepted ? 'notice' : f.level;
    const times = f.occurrences > 1 ? ` (${f.occurrences} times)` : '';
    return {
        level,
        id: f.id,
        title: `live ${f.id}${view.base ? ' (base spec)' : ''}`,
        message: `${view.base ? 'base spec: ' : ''}${operation(f)}: ${f.message}${times}; ${f.case}${view.accepted ? ` (accepted: ${view.accepted})` : ''}`,
        ...(f.location ? { location: f.location } : {})
    };
}
/** Exchange text a code block can hold safely: a lone CR would end a line inside the list item. */
function blockText(text) {
    return text.replace(/\r\n?/g, '\n');
}
function failureItem(view, details) {
    const f = view.failure;
    const icon = view.accepted ? 'ℹ️' : f.level === 'error' ? '❌' : '⚠️';
    const where = f.location ? ` at ${(0,markdown/* codeSpan */.SS)(`${f.location.file}:${f.location.line}`)}` : '';
    const times = f.occurrences > 1 ? ` (×${f.occurrences})` : '';
    const accepted = view.accepted ? ` · accepted: ${(0,markdown/* escapeMarkdown */.FV)(view.accepted)}` : '';
    const line = `${icon} ${(0,markdown/* codeSpan */.SS)(operation(f))} ${(0,markdown/* codeSpan */.SS)(f.id)}${where}: ${(0,markdown/* escapeMarkdown */.FV)(f.message)}${times} — ${(0,markdown/* escapeMarkdown */.FV)(f.case)}${accepted}`;
    if (!details)
        return line;
    const body = new markdown/* SummaryBuilder */.CF();
    for (const step of f.sequence ?? [f.exchange])
        body.codeBlock(blockText(exchangeText(step)), 'http');
    const what = f.sequence ? 'requests and responses' : 'request and response';
    return `${line}\n<details><summary>${what}</summary>\n\n${body.toString()}\n</details>`;
}
function levelOf(views) {
    return views.some((v) => !v.accepted && v.failure.level === 'error')
        ? 'error'
        : views.some((v) => !v.accepted)
            ? 'warning'
            : 'notice';
}
function liveSections(live, views, prefix, state) {
    const out = [];
    const groups = [
        ['Live failures at changed operations', views.filter((v) => !v.base && v.failure.changed)],
        [
            live.changed ? 'Live failures at other operations' : 'Live failures',
            views.filter((v) => !v.base && !v.failure.changed)
        ],
        ['Live failures of the base spec against the same server', views.filter((v) => v.base)]
    ];
    for (const [title, group] of groups) {
        if (group.length === 0)
            continue;
        const shown = Math.min(group.length, state.detailsLeft);
        const items = group.map((view, i) => failureItem(view, i < shown));
        state.detailsLeft -= shown;
        out.push({
            level: levelOf(group),
            title: `${prefix}${title}`,
            items,
            ...(shown < group.length
                ? {
                    extra: `_Requests and responses are shown for the first ${LIVE_DETAILS_LIMIT} failures; the JSON report (report-file) and the replay file have all of them._`
                }
                : {})
        });
    }
    const c = live.coverage;
    const row = (name, n) => [
        name,
        String(n.covered),
        String(n.total),
        percent(n)
    ];
    out.push({
        level: 'info',
        title: `${prefix}Live coverage`,
        table: {
            headers: ['', 'covered', 'documented', ''],
            rows: [row('operations', c.operations), row('status codes', c.statuses), row('parameters', c.parameters)]
        }
    });
    if (c.undocumented.length > 0)
        out.push({
            level: 'info',
            title: `${prefix}Answers the spec does not describe`,
            table: {
                headers: ['operation', 'status', 'times', 'why'],
                rows: c.undocumented.map((u) => [
                    (0,markdown/* codeSpan */.SS)(`${u.method.toUpperCase()} ${u.path}`),
                    String(u.status),
                    String(u.count),
                    u.reason === 'method' ? 'method not in the spec' : 'status not documented'
                ])
            }
        });
    const judged = live.checks.filter((check) => check.evaluated > 0);
    if (judged.length > 0)
        out.push({
            level: 'info',
            title: `${prefix}Live checks`,
            table: {
                headers: ['check', 'judged', 'failed'],
                rows: judged.map((check) => [(0,markdown/* codeSpan */.SS)(check.id), String(check.evaluated), String(check.failed)])
            }
        });
    const notes = [...live.notes, ...(live.base?.notes.map((n) => `base spec: ${n}`) ?? [])];
    if (notes.length > 0)
        out.push({ level: 'info', title: `${prefix}Live notes`, items: notes.map((n) => (0,markdown/* escapeMarkdown */.FV)(n)) });
    return out;
}
/** The context lines of a live run: what was sent where, the changed operations, the base run. */
function liveContext(live) {
    const lines = [
        `Live: ${live.requests} requests to ${(0,markdown/* codeSpan */.SS)(live.baseUrl)} in ${(live.durationMs / 1000).toFixed(1)} s · engine ${live.engine} · seed ${live.seed}` +
            (live.budgetExhausted ? ` · the budget of ${live.budget} requests ran out first` : '') +
            '.'
    ];
    if (live.changed) {
        const missing = live.changed.notInSpec.map((r) => (0,markdown/* codeSpan */.SS)(`${r.method.toUpperCase()} ${r.path}`));
        lines.push(`Changed operations, tested first: ${live.changed.operations.length} (${live.changed.failures} with failures)` +
            (missing.length > 0 ? `; not in this spec: ${missing.join(', ')}` : '') +
            '.');
    }
    if (live.base)
        lines.push(`Base spec run against the same server: ${live.base.requests} requests, ${live.base.failures.length} failures.`);
    return lines;
}
function liveSummaryJson(live) {
    const { failures: _failures, base, verdict: _verdict, spec: _spec, ...rest } = live;
    return {
        ...rest,
        ...(base
            ? {
                base: {
                    spec: base.spec.file,
                    verdict: base.verdict,
                    requests: base.requests,
                    durationMs: base.durationMs,
                    failures: base.failures.length,
                    coverage: base.coverage,
                    notes: base.notes
                }
            }
            : {})
    };
}
function liveFailureJson(view, spec) {
    const f = view.failure;
    return {
        id: f.id,
        level: view.accepted ? 'notice' : f.level,
        message: f.message,
        ...(f.location ? { location: f.location } : {}),
        spec,
        operation: f.operation,
        case: f.case,
        kind: f.kind,
        occurrences: f.occurrences,
        changed: f.changed,
        ...(view.base ? { baseSpec: true } : {}),
        ...(view.accepted ? { accepted: view.accepted } : {}),
        exchange: f.exchange,
        ...(f.sequence ? { sequence: f.sequence } : {})
    };
}

// EXTERNAL MODULE: ./shared/src/lib/version.generated.ts
var version_generated = __webpack_require__(46764);
// EXTERNAL MODULE: ./shared/src/lib/sarif.ts
var sarif = __webpack_require__(51790);
;// CONCATENATED MODULE: ./actions/contract-test/src/sarif.ts
// One SARIF log with two runs, so code scanning shows lint findings and breaking changes as separate tools (every
// spec of the step in the same two runs). Accepted changes are intended: they are not alerts.



const HOME = 'https://github.com/ubos/actions/tree/main/contract-test';
const LINT_LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const CHANGE_LEVEL = { error: 'error', warning: 'warning', info: 'note' };
function contractSarif(reports) {
    const allLint = reports.flatMap((r) => r.lint);
    const lintRules = [...new Map(allLint.map((f) => [f.code, f])).values()].map((f) => ({
        id: f.code,
        shortDescription: f.message,
        defaultLevel: LINT_LEVEL[f.severity]
    }));
    const lint = (0,sarif/* buildSarif */.Ep)({
        toolName: 'spectral (via ubos contract-test)',
        toolVersion: version_generated/* VERSION */.x,
        informationUri: HOME,
        rules: lintRules,
        results: allLint.map((f) => ({
            ruleId: f.code,
            level: LINT_LEVEL[f.severity],
            message: f.message,
            file: f.location.file,
            startLine: f.location.line,
            startColumn: f.location.column
        }))
    });
    const located = reports.flatMap((r) => r.changes).filter((c) => c.location && !c.accepted);
    const diff = (0,sarif/* buildSarif */.Ep)({
        toolName: 'ubos contract-test diff',
        toolVersion: version_generated/* VERSION */.x,
        informationUri: HOME,
        rules: ALL_CHECKS.map((c) => ({ id: c.id, shortDescription: c.description, defaultLevel: CHANGE_LEVEL[c.level] })),
        results: located.map((c) => ({
            ruleId: c.id,
            level: CHANGE_LEVEL[c.level],
            message: c.message,
            file: c.location.file,
            startLine: c.location.line,
            startColumn: c.location.column
        }))
    });
    return (0,sarif/* serializeSarif */.YO)({ ...lint, runs: [...lint.runs, ...diff.runs] });
}

;// CONCATENATED MODULE: ./actions/contract-test/src/render.ts
// A contract-test step as the action family's ActionReport: one report for every spec and mode (lint, diff,
// live), errors first, with the JSON envelope fields, SARIF, JUnit and the CLI's text. Shared by main.ts and
// cli.ts; no I/O.







/** One line for an invalid document: what it is, the first problems (file:line) and how many there are. */
function invalidMessage(doc) {
    const shown = doc.problems.map((p) => `${p.location ? `${p.location.file}:${p.location.line} ` : ''}${p.pointer} ${p.message}`);
    const more = doc.total > doc.problems.length ? `; and ${doc.total - doc.problems.length} more` : '';
    return (`the ${doc.side} spec ${doc.spec} is not a valid OpenAPI ${doc.version} document ` +
        `(${(0,lib_report/* plural */.LS)(doc.total, 'problem')}), so its changes may be reported oddly: ${shown.join('; ')}${more}`);
}
function invalidFinding(doc) {
    return {
        level: 'warning',
        id: 'invalid-openapi-document',
        title: `contract-test: the ${doc.side} spec is not valid OpenAPI ${doc.version}`,
        message: invalidMessage(doc),
        location: doc.problems[0]?.location
    };
}
const render_CHANGE_LEVEL = { error: 'error', warning: 'warning', info: 'notice' };
const render_LINT_LEVEL = {
    error: 'error',
    warning: 'warning',
    info: 'notice',
    hint: undefined
};
const ICON = { pass: '✅', warn: '⚠️', fail: '❌' };
function views(report) {
    return report.live ? liveFailureViews(report.live, report.changes) : [];
}
function contractCounts(report) {
    const active = report.changes.filter((c) => !c.accepted);
    const changes = (l) => active.filter((c) => c.level === l).length;
    const lint = (s) => report.lint.filter((f) => f.severity === s).length;
    const live = views(report).filter((v) => !v.accepted);
    const liveErrors = live.filter((v) => v.failure.level === 'error').length;
    const breaking = changes('error');
    const lintErrors = lint('error');
    const lintWarnings = lint('warning');
    const accepted = report.changes.length - active.length;
    return {
        error: breaking + lintErrors + liveErrors,
        warning: changes('warning') + lintWarnings + (live.length - liveErrors) + (report.invalid?.length ?? 0),
        notice: changes('info') + lint('info') + accepted + (views(report).length - live.length),
        breaking,
        compatible: changes('info'),
        accepted,
        lintErrors,
        lintWarnings,
        liveFailures: live.length,
        liveErrors
    };
}
function sum(all) {
    const total = { ...contractCounts({ spec: '', linted: false, lint: [], changes: [] }) };
    for (const counts of all)
        for (const key of Object.keys(total))
            total[key] += counts[key];
    return total;
}
/** The report as a step of several specs, also when it is one spec's check (the lint and diff verbs). */
function asStep(report) {
    if ('specs' in report)
        return report;
    const modes = [];
    if (report.linted)
        modes.push('lint');
    if (report.base !== undefined || report.diffSkipped !== undefined)
        modes.push('diff');
    if (report.live)
        modes.push('live');
    return { modes, subject: report.spec, specs: [report], notices: [] };
}
function parts(step, c, specs) {
    const warningsOfChanges = specs.reduce((n, r) => n + r.changes.filter((ch) => !ch.accepted && ch.level === 'warning').length, 0);
    const out = [];
    if (specs.some((r) => r.base !== undefined))
        out.push(`${(0,lib_report/* plural */.LS)(c.breaking, 'breaking change')}, ${(0,lib_report/* plural */.LS)(warningsOfChanges, 'warning')}, ${c.compatible} compatible` +
            (c.accepted > 0 ? `, ${c.accepted} accepted` : ''));
    if (step.modes.includes('lint') && specs.some((r) => r.linted))
        out.push(`${(0,lib_report/* plural */.LS)(c.lintErrors, 'lint error')}, ${(0,lib_report/* plural */.LS)(c.lintWarnings, 'lint warning')}`);
    if (specs.some((r) => r.live)) {
        const warnings = c.liveFailures - c.liveErrors;
        out.push(`${(0,lib_report/* plural */.LS)(c.liveErrors, 'live failure')}${warnings > 0 ? `, ${(0,lib_report/* plural */.LS)(warnings, 'live warning')}` : ''}`);
    }
    return out;
}
function stepCounts(step) {
    const total = sum(step.specs.map(contractCounts));
    const expired = step.accept?.expired.length ?? 0;
    return { ...total, warning: total.warning + expired, expiredAccepts: expired, specs: step.specs.length };
}
function headline(input) {
    const step = asStep(input);
    const counts = stepCounts(step);
    const verdict = (0,lib_report/* verdictOf */.Vj)(counts);
    const outcome = verdict === 'fail'
        ? 'Contract check failed'
        : verdict === 'warn'
            ? 'Contract check passed with warnings'
            : 'Contract check passed';
    const several = step.specs.length > 1
        ? ` (${step.specs.length} specs${verdict === 'fail' ? `, ${step.specs.filter((r) => (0,lib_report/* verdictOf */.Vj)(contractCounts(r)) === 'fail').length} failed` : ''})`
        : '';
    const found = parts(step, counts, step.specs);
    return `${outcome}${several}: ${found.length > 0 ? found.join('; ') : 'nothing was checked (no base to diff, lint off)'}`;
}
const endpoint = operationName;
const GROUPS = new WeakMap();
function acceptanceKey(c) {
    const a = c.accepted;
    return a ? JSON.stringify([a.by, a.reason, a.label ?? null, a.location ?? null]) : '';
}
/** The report's changes as entries: one schema change reached from several operations is one group (diff/group.ts). */
function changeGroups(changes, spec = '') {
    let groups = GROUPS.get(changes);
    if (!groups) {
        groups = groupChanges(changes, spec, acceptanceKey);
        GROUPS.set(changes, groups);
    }
    return groups;
}
/** The endpoint cell of an entry: its operation, or how many it stands for. */
function groupEndpoint(g) {
    return g.operations.length > 1 ? `${g.operations.length} operations` : endpoint(g.members[0]);
}
/**
 * The one-line summary every report starts with: changes per level, one per operation as the headline counts
 * them, then how many entries the list shows for them ("(5 entries, 2 grouped)": a grouped entry stands for several
 * operations), and the operations they are in. Undefined without a diff.
 */
function changeSummaryLine(specs) {
    const diffed = specs.filter((r) => r.base !== undefined);
    if (diffed.length === 0)
        return undefined;
    const groups = diffed.flatMap((r) => changeGroups(r.changes, r.spec).filter((g) => !g.members[0].accepted));
    const counts = groupedCounts(groups);
    const accepted = diffed.reduce((n, r) => n + r.changes.filter((c) => c.accepted).length, 0);
    // Led by the per-operation count, as the headline is; the entries say how the list below folds them.
    const part = (level, word) => {
        const grouped = counts.grouped[level];
        const note = grouped > 0 ? ` (${(0,lib_report/* plural */.LS)(counts.entries[level], 'entry', 'entries')}, ${grouped} grouped)` : '';
        return `${(0,lib_report/* plural */.LS)(counts.changes[level], word)}${note}`;
    };
    const operations = counts.operations > 0 ? ` in ${(0,lib_report/* plural */.LS)(counts.operations, 'operation')}` : '';
    return (`${part('error', 'breaking change')}, ${part('warning', 'warning')}, ${part('info', 'compatible change')}` +
        `${operations}${accepted > 0 ? `; ${accepted} accepted` : ''}`);
}
function render_where(location) {
    return location ? `${(0,markdown/* codeSpan */.SS)(location.file)}${location.line ? `:${location.line}` : ''}` : '';
}
const CHANGE_TITLE = {
    error: 'Breaking changes',
    warning: 'Changes that may break clients',
    info: 'Compatible changes'
};
function acceptedCell(change) {
    const a = change.accepted;
    if (a.by === 'label')
        return `label ${(0,markdown/* codeSpan */.SS)(a.label ?? '')}`;
    const until = a.expires ? `, until ${a.expires}` : '';
    return `${(0,markdown/* escapeMarkdown */.FV)(a.reason)} (${a.location ? render_where(a.location) : 'ignore file'}${until})`;
}
function specSections(report, prefix, state) {
    const out = [];
    if (report.invalid?.length)
        out.push({
            level: 'warning',
            title: `${prefix}Documents that are not valid OpenAPI`,
            intro: 'They were compared all the same; a change below may come from the problem rather than from an edit.',
            open: true,
            table: {
                headers: ['spec', 'where', 'problem'],
                rows: report.invalid.flatMap((doc) => [
                    ...doc.problems.map((p) => [
                        `${doc.side} ${(0,markdown/* codeSpan */.SS)(doc.spec)} (OpenAPI ${doc.version})`,
                        render_where(p.location),
                        `${(0,markdown/* codeSpan */.SS)(p.pointer)} ${(0,markdown/* escapeMarkdown */.FV)(p.message)}`
                    ]),
                    ...(doc.total > doc.problems.length
                        ? [[`${doc.side} ${(0,markdown/* codeSpan */.SS)(doc.spec)}`, '', `and ${doc.total - doc.problems.length} more`]]
                        : [])
                ])
            }
        });
    for (const level of ['error', 'warning', 'info']) {
        const groups = changeGroups(report.changes, report.spec).filter((g) => g.members[0].level === level && !g.members[0].accepted);
        if (groups.length === 0)
            continue;
        out.push({
            level: render_CHANGE_LEVEL[level],
            title: `${prefix}${CHANGE_TITLE[level]}`,
            table: {
                headers: ['endpoint', 'change', 'check', 'where'],
                rows: groups.map((g) => [
                    (0,markdown/* codeSpan */.SS)(groupEndpoint(g)),
                    (0,markdown/* escapeMarkdown */.FV)(g.message),
                    (0,markdown/* codeSpan */.SS)(g.members[0].id),
                    render_where(g.members[0].location)
                ])
            }
        });
    }
    const accepted = changeGroups(report.changes, report.spec).filter((g) => g.members[0].accepted);
    if (accepted.length > 0)
        out.push({
            level: 'notice',
            title: `${prefix}Accepted changes`,
            intro: 'Intended breaks: listed, and not counted against the verdict.',
            open: true,
            table: {
                headers: ['endpoint', 'change', 'check', 'where', 'accepted'],
                rows: accepted.map((g) => [
                    (0,markdown/* codeSpan */.SS)(groupEndpoint(g)),
                    (0,markdown/* escapeMarkdown */.FV)(g.message),
                    (0,markdown/* codeSpan */.SS)(g.members[0].id),
                    render_where(g.members[0].location),
                    acceptedCell(g.members[0])
                ])
            }
        });
    const lintTitle = { error: 'Lint errors', warning: 'Lint warnings', notice: 'Lint notes' };
    for (const level of ['error', 'warning', 'notice']) {
        const findings = report.lint.filter((f) => render_LINT_LEVEL[f.severity] === level);
        if (findings.length === 0)
            continue;
        out.push({
            level,
            title: `${prefix}${lintTitle[level]}`,
            table: {
                headers: ['rule', 'where', 'message'],
                rows: findings.map((f) => [(0,markdown/* codeSpan */.SS)(f.code), render_where(f.location), (0,markdown/* escapeMarkdown */.FV)(f.message)])
            }
        });
    }
    if (report.live)
        out.push(...liveSections(report.live, views(report), prefix, state));
    return out;
}
function acceptSections(step) {
    const accept = step.accept;
    if (!accept)
        return [];
    const row = (e) => [
        (0,markdown/* codeSpan */.SS)(`${e.id}${e.path ? ` ${endpoint(e)}` : ''}`),
        e.expires ?? '',
        (0,markdown/* escapeMarkdown */.FV)(e.reason),
        render_where(e.location)
    ];
    const out = [];
    if (accept.expired.length > 0)
        out.push({
            level: 'warning',
            title: 'Expired accept entries',
            intro: 'These entries of the ignore file are past their expiry date and no longer accept anything.',
            table: { headers: ['entry', 'expired on', 'reason', 'where'], rows: accept.expired.map(row) }
        });
    if (accept.unused.length > 0)
        out.push({
            level: 'info',
            title: 'Accept entries that matched no change',
            table: { headers: ['entry', 'expires', 'reason', 'where'], rows: accept.unused.map(row) }
        });
    return out;
}
function specFindings(report) {
    const out = [];
    // One annotation per entry: a schema change reached from several operations is annotated once, at the schema.
    for (const g of changeGroups(report.changes, report.spec)) {
        const c = g.members[0];
        if (c.accepted) {
            out.push({
                level: 'notice',
                id: c.id,
                title: `${c.id} (accepted)`,
                message: `${g.message} (accepted: ${c.accepted.reason})`,
                location: c.location
            });
            continue;
        }
        // Compatible changes are the changelog, not something to look at in the diff view.
        if (c.level === 'info')
            continue;
        out.push({ level: render_CHANGE_LEVEL[c.level], id: c.id, title: c.id, message: g.message, location: c.location });
    }
    for (const doc of report.invalid ?? [])
        out.push(invalidFinding(doc));
    for (const f of report.lint) {
        const level = render_LINT_LEVEL[f.severity];
        if (level)
            out.push({ level, id: f.code, title: `spectral ${f.code}`, message: f.message, location: f.location });
    }
    for (const view of views(report))
        out.push(liveFinding(view));
    return out;
}
function expiredFinding(e) {
    return {
        level: 'warning',
        id: 'accept-entry-expired',
        title: 'contract-test accept entry expired',
        message: `the accept entry for ${e.id}${e.path ? ` at ${endpoint(e)}` : ''} expired on ${e.expires}: it no longer accepts that change`,
        location: e.location
    };
}
function changeJson(c, spec, group) {
    return {
        id: c.id,
        level: render_CHANGE_LEVEL[c.level],
        path: c.path,
        method: c.method,
        message: c.message,
        location: c.location,
        // Where a removed item was in the base spec (location points at its surviving parent in the head).
        ...(c.baseLocation ? { baseLocation: c.baseLocation } : {}),
        ...(spec !== undefined ? { spec } : {}),
        ...(group !== undefined ? { group } : {}),
        ...(c.accepted ? { accepted: c.accepted } : {})
    };
}
/** The JSON items of a spec's changes: one per operation, each with its entry's `group` id. */
function changesJson(report) {
    const groupOf = new Map();
    for (const g of changeGroups(report.changes, report.spec))
        for (const m of g.members)
            groupOf.set(m, g.id);
    return report.changes.map((c) => changeJson(c, report.spec, groupOf.get(c)));
}
function lintJson(f, spec) {
    return {
        id: f.code,
        level: render_LINT_LEVEL[f.severity] ?? 'notice',
        message: f.message,
        path: f.path,
        location: f.location,
        ...(spec !== undefined ? { spec } : {})
    };
}
/** One line per entry (a schema change reached from several operations is one line naming them). */
function renderChangesText(changes, spec = '') {
    const lines = changeGroups(changes, spec).map((g) => {
        const c = g.members[0];
        return `${(c.accepted ? 'accepted' : c.level).padEnd(7)} ${groupEndpoint(g)}: ${g.message} [${c.id}]${c.location ? ` (${c.location.file}${c.location.line ? `:${c.location.line}` : ''})` : ''}${c.accepted ? ` (${c.accepted.reason})` : ''}`;
    });
    return lines.join('\n') + (lines.length ? '\n' : '');
}
function renderLintText(findings) {
    const lines = findings.map((f) => `${f.location.file}:${f.location.line}:${f.location.column} ${f.severity.padEnd(7)} ${f.code}  ${f.message}`);
    return lines.join('\n') + (lines.length ? '\n' : '');
}
function specContext(report, step) {
    const lines = [];
    if (step.modes.includes('diff'))
        lines.push(report.base !== undefined
            ? `Spec ${(0,markdown/* codeSpan */.SS)(report.spec)} compared with ${(0,markdown/* codeSpan */.SS)(report.base)}.`
            : `Spec ${(0,markdown/* codeSpan */.SS)(report.spec)}${report.diffSkipped ? `: no breaking-change diff (${(0,markdown/* escapeMarkdown */.FV)(report.diffSkipped)})` : ''}.`);
    else
        lines.push(`Spec ${(0,markdown/* codeSpan */.SS)(report.spec)}.`);
    if (report.ruleset?.found)
        lines.push(`Ruleset: ${(0,markdown/* codeSpan */.SS)(report.ruleset.file)} (found at the workspace root).`);
    if (report.base !== undefined && report.changes.length === 0)
        lines.push('No API changes.');
    if (report.linted && report.lint.length === 0)
        lines.push('Lint: no findings.');
    const scope = lintScopeLine(report);
    if (scope)
        lines.push(scope);
    if (report.live)
        lines.push(...liveContext(report.live));
    return lines;
}
/** What lint-scope: changed linted, said wherever lint findings are listed: unchanged parts were not linted. */
function lintScopeLine(report) {
    const scope = report.lintScope;
    if (!report.linted || !scope)
        return undefined;
    if ('fullBecause' in scope)
        return `Lint: the whole spec (lint-scope changed, but ${scope.fullBecause}).`;
    const { operations, totalOperations } = scope;
    const which = `${operations} of ${totalOperations} operation${totalOperations === 1 ? '' : 's'}`;
    return `Lint: what changed only (lint-scope changed): ${which}, the components they reference and the document-level objects; unchanged operations were not linted.`;
}
function specLine(report, step) {
    const counts = contractCounts(report);
    const found = parts(step, counts, [report]);
    const base = report.base !== undefined ? ` (compared with ${(0,markdown/* codeSpan */.SS)(report.base)})` : '';
    return `${ICON[(0,lib_report/* verdictOf */.Vj)(counts)]} ${(0,markdown/* codeSpan */.SS)(report.spec)}${base}: ${found.join('; ') || 'nothing checked'}`;
}
function stepContext(step) {
    const summary = changeSummaryLine(step.specs);
    const lines = [
        ...(summary ? [(0,markdown/* escapeMarkdown */.FV)(summary)] : []),
        ...(step.specs.length === 1 ? specContext(step.specs[0], step) : step.specs.map((r) => specLine(r, step)))
    ];
    if (!step.modes.includes('lint') && step.modes.includes('diff'))
        lines.push(`Lint: off (mode ${(0,markdown/* codeSpan */.SS)(step.modes.join(', '))}).`);
    const label = step.accept?.label;
    if (label?.present)
        lines.push(`Breaking changes are accepted by the pull request label ${(0,markdown/* codeSpan */.SS)(label.name)}.`);
    return lines;
}
function junit(step) {
    const suites = [];
    for (const report of step.specs) {
        if (report.linted) {
            const cases = report.lint
                .filter((f) => f.severity === 'error')
                .map((f) => ({
                name: f.code,
                className: `lint ${report.spec}`,
                timeMs: 0,
                status: 'failed',
                message: f.message,
                file: f.location.file,
                line: f.location.line
            }));
            if (cases.length === 0)
                cases.push({ name: 'no lint errors', className: `lint ${report.spec}`, timeMs: 0, status: 'passed' });
            suites.push({ name: `contract-test lint: ${report.spec}`, cases });
        }
        if (report.base !== undefined) {
            const cases = report.changes
                .filter((c) => c.level !== 'info')
                .map((c) => ({
                name: c.id,
                className: endpoint(c),
                timeMs: 0,
                status: c.accepted ? 'skipped' : c.level === 'error' ? 'failed' : 'passed',
                message: c.accepted ? `accepted: ${c.accepted.reason}` : c.message,
                file: c.location?.file,
                line: c.location?.line
            }));
            if (cases.length === 0)
                cases.push({ name: 'no breaking changes', className: `diff ${report.spec}`, timeMs: 0, status: 'passed' });
            suites.push({ name: `contract-test diff: ${report.spec}`, cases });
        }
        if (report.live) {
            suites.push(...liveJUnitSuites(report.live, `contract-test live: ${report.spec}: `));
            if (report.live.base)
                suites.push(...liveJUnitSuites(report.live.base, `contract-test live (base spec): ${report.spec}: `));
        }
    }
    return buildJUnit({ name: `contract-test ${step.subject}`, suites });
}
function render_text(step) {
    const summary = changeSummaryLine(step.specs);
    const out = summary ? [`${summary}\n`] : [];
    for (const report of step.specs) {
        if (step.specs.length > 1)
            out.push(`== ${report.spec}\n`);
        for (const doc of report.invalid ?? [])
            out.push(`warning ${invalidMessage(doc)} [invalid-openapi-document]\n`);
        out.push(renderChangesText(report.changes, report.spec));
        if (report.linted)
            out.push(renderLintText(report.lint));
        const scope = lintScopeLine(report);
        if (scope)
            out.push(`${scope}\n`);
        if (report.live)
            out.push(renderLiveText(report.live));
    }
    for (const e of step.accept?.expired ?? [])
        out.push(`${e.location.file}:${e.location.line}: warning ${expiredFinding(e).message}\n`);
    return `${out.join('')}${headline(step)}\n`;
}
/** The coverage output: totals over every spec's live run, then each spec's own; {} when nothing ran live. */
function coverageOutput(step) {
    const runs = step.specs.filter((r) => r.live);
    if (runs.length === 0)
        return '{}';
    const add = (key) => runs.reduce((t, r) => ({
        covered: t.covered + r.live.coverage[key].covered,
        total: t.total + r.live.coverage[key].total
    }), { covered: 0, total: 0 });
    const undocumented = (r) => r.live.coverage.undocumented.reduce((n, u) => n + u.count, 0);
    return JSON.stringify({
        operations: add('operations'),
        statuses: add('statuses'),
        parameters: add('parameters'),
        undocumented: runs.reduce((n, r) => n + undocumented(r), 0),
        specs: runs.map((r) => ({
            spec: r.spec,
            operations: r.live.coverage.operations,
            statuses: r.live.coverage.statuses,
            parameters: r.live.coverage.parameters,
            undocumented: undocumented(r)
        }))
    });
}
function contractReport(input) {
    const step = asStep(input);
    const counts = stepCounts(step);
    const several = step.specs.length > 1;
    const state = { detailsLeft: LIVE_DETAILS_LIMIT };
    const sections = [
        ...step.specs.flatMap((r) => specSections(r, several ? `${r.spec}: ` : '', state)),
        ...acceptSections(step)
    ];
    const findings = [...step.specs.flatMap(specFindings), ...(step.accept?.expired ?? []).map(expiredFinding)];
    const single = step.specs.length === 1 ? step.specs[0] : undefined;
    const notices = [
        ...step.notices,
        ...step.specs.flatMap((r) => [
            ...(r.diffSkipped ? [`${several ? `${r.spec}: ` : ''}Breaking-change diff skipped: ${r.diffSkipped}`] : []),
            ...(r.liveNotes ?? []).map((n) => `${several ? `${r.spec}: ` : ''}${n}`)
        ]),
        ...(step.accept?.unused ?? []).map((e) => `${e.location.file}:${e.location.line}: the accept entry for ${e.id} matched no change`)
    ];
    return {
        tool: 'contract-test',
        title: 'Contract test',
        subject: step.subject,
        verdict: (0,lib_report/* verdictOf */.Vj)(counts),
        headline: headline(step),
        counts,
        findings,
        context: stepContext(step),
        sections,
        json: {
            mode: step.modes,
            spec: step.subject,
            ...(single?.base !== undefined ? { base: single.base } : {}),
            ...(single?.diffSkipped ? { diffSkipped: single.diffSkipped } : {}),
            linted: step.specs.some((r) => r.linted),
            changes: step.specs.flatMap(changesJson),
            lint: step.specs.flatMap((r) => r.lint.map((f) => lintJson(f, r.spec))),
            liveFailures: step.specs.flatMap((r) => views(r).map((v) => liveFailureJson(v, r.spec))),
            specs: step.specs.map((r) => {
                const c = contractCounts(r);
                return {
                    spec: r.spec,
                    verdict: (0,lib_report/* verdictOf */.Vj)(c),
                    counts: c,
                    ...(r.base !== undefined ? { base: r.base } : {}),
                    ...(r.diffSkipped ? { diffSkipped: r.diffSkipped } : {}),
                    ...(r.invalid ? { invalid: r.invalid } : {}),
                    linted: r.linted,
                    ...(r.linted && r.lintScope ? { lintScope: r.lintScope } : {}),
                    ...(r.ruleset ? { ruleset: r.ruleset } : {}),
                    ...(r.live ? { live: liveSummaryJson(r.live) } : {})
                };
            }),
            ...(step.accept ? { accept: step.accept } : {})
        },
        outputs: {
            'breaking-changes': counts.breaking,
            warnings: step.specs.reduce((n, r) => n + r.changes.filter((c) => !c.accepted && c.level === 'warning').length, 0),
            'lint-errors': counts.lintErrors,
            'live-failures': counts.liveFailures,
            coverage: coverageOutput(step)
        },
        notices,
        text: () => render_text(step),
        sarif: () => contractSarif(step.specs),
        ...(step.modes.length > 0 ? { junit: () => junit(step) } : {})
    };
}

;// CONCATENATED MODULE: ./actions/contract-test/src/replay-report.ts
// `contract-test replay` as an ActionReport: which recorded failures still fail against the server, which pass
// now, which could not be replayed. No I/O.



function replay_report_operation(o) {
    return `${o.operation.method.toUpperCase()} ${o.operation.path}`;
}
function replayReport(result, file) {
    const open = result.outcomes.filter((o) => o.status !== 'passing');
    const error = open.filter((o) => o.level === 'error').length;
    const { failing, passing, error: unreplayed } = result.counts;
    const summary = `${failing} still failing, ${passing} passing, ${unreplayed} not replayed`;
    const findings = open.map((o) => ({
        level: o.level,
        id: o.check,
        title: `replay ${o.check}`,
        message: `${replay_report_operation(o)}: ${o.status === 'error' ? 'not replayed: ' : ''}${o.detail ?? o.recorded}`
    }));
    const row = (o) => [
        (0,markdown/* codeSpan */.SS)(replay_report_operation(o)),
        (0,markdown/* codeSpan */.SS)(o.check),
        (0,markdown/* escapeMarkdown */.FV)(o.recorded),
        (0,markdown/* escapeMarkdown */.FV)(o.detail ?? '')
    ];
    const headers = ['operation', 'check', 'recorded', 'now'];
    const sections = [];
    const still = result.outcomes.filter((o) => o.status === 'failing');
    const stopped = result.outcomes.filter((o) => o.status === 'error');
    const fixed = result.outcomes.filter((o) => o.status === 'passing');
    if (still.length > 0)
        sections.push({
            level: still.some((o) => o.level === 'error') ? 'error' : 'warning',
            title: 'Still failing',
            table: { headers, rows: still.map(row) }
        });
    if (stopped.length > 0)
        sections.push({ level: 'warning', title: 'Could not be replayed', table: { headers, rows: stopped.map(row) } });
    if (fixed.length > 0)
        sections.push({ level: 'info', title: 'Passing now', table: { headers, rows: fixed.map(row) } });
    return {
        tool: 'contract-test',
        title: 'Contract test replay',
        subject: file,
        verdict: result.verdict,
        headline: `Replay ${{ pass: 'passed', warn: 'passed with warnings', fail: 'failed' }[result.verdict]}: ${summary}`,
        counts: { error, warning: open.length - error, notice: 0, failing, passing, unreplayed },
        findings,
        context: [
            `${(0,lib_report/* plural */.LS)(result.outcomes.length, 'recorded failure')} of ${(0,markdown/* codeSpan */.SS)(result.spec)} sent again to ${(0,markdown/* codeSpan */.SS)(result.baseUrl)}.`
        ],
        sections,
        json: { mode: ['replay'], file, spec: result.spec, baseUrl: result.baseUrl, outcomes: result.outcomes },
        text: () => renderReplayText(result),
        junit: () => renderReplayJUnit(result)
    };
}

;// CONCATENATED MODULE: ./actions/contract-test/src/accept.ts
// Accepting an intentional break: entries of an ignore file (.github/contract-test-ignore.yml) and a pull request
// label. An accepted change is still reported, marked accepted with its reason, and no longer counts against the
// verdict. Entries match exactly (check id, path template, method, optionally the spec), so one entry never
// silences a class of changes; an expired entry stops applying and is itself reported.







const DEFAULT_IGNORE_FILE = '.github/contract-test-ignore.yml';
const ENTRY_KEYS = ['id', 'path', 'method', 'reason', 'expires', 'spec'];
const accept_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
function todayUtc(now = new Date()) {
    return now.toISOString().slice(0, 10);
}
function accept_validDate(text) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text))
        return false;
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
/**
 * Reads the ignore file. `named` is the path given (the default unless the workflow set another): a missing
 * default file means no entries, a missing named one is a mistake. The file is repository content: it is read
 * as data only, and only from inside the workspace.
 */
function loadIgnoreFile(root, named, checkIds) {
    const text = readSettingsFile(root, named, DEFAULT_IGNORE_FILE, 'ignore file');
    return text === undefined ? undefined : parseIgnoreFile(text, named, checkIds);
}
/** Parses the ignore file; every mistake is one line naming the file, the line and what is wrong. */
function parseIgnoreFile(text, file, checkIds) {
    const { doc: document, lineCounter: lines } = (0,yaml.parseYamlDocument)(text, file);
    const lineOf = (node) => {
        const range = node?.range;
        return range ? lines.linePos(range[0]).line : 1;
    };
    const at = (node) => `${file}:${lineOf(node)}`;
    const result = { file, entries: [] };
    const root = document.contents;
    if (root === null || ((0,dist.isScalar)(root) && root.value === null))
        return result;
    if (!(0,dist.isMap)(root))
        throw new errors/* ConfigurationError */.j1(`${at(root)}: the ignore file must be a mapping with an accept: list`);
    for (const pair of root.items) {
        const key = (0,dist.isScalar)(pair.key) ? String(pair.key.value) : String(pair.key);
        if (key !== 'accept')
            throw new errors/* ConfigurationError */.j1(`${at(pair.key)}: unknown key "${key}"; the ignore file has one key, accept`);
        const list = pair.value;
        if (list === null || ((0,dist.isScalar)(list) && list.value === null))
            continue;
        if (!(0,dist.isSeq)(list))
            throw new errors/* ConfigurationError */.j1(`${at(list ?? pair.key)}: accept must be a list of entries`);
        for (const item of list.items)
            result.entries.push(parseEntry(item, file, at, lineOf, checkIds));
    }
    return result;
}
function parseEntry(item, file, at, lineOf, checkIds) {
    if (!(0,dist.isMap)(item))
        throw new errors/* ConfigurationError */.j1(`${at(item)}: an accept entry must be a mapping (id, path, method, reason, expires)`);
    const values = {};
    for (const pair of item.items) {
        const key = (0,dist.isScalar)(pair.key) ? String(pair.key.value) : String(pair.key);
        if (!ENTRY_KEYS.includes(key)) {
            const guess = (0,suggest/* closestName */.N)(key, ENTRY_KEYS);
            throw new errors/* ConfigurationError */.j1(`${at(pair.key)}: unknown key "${key}" in an accept entry${guess ? ` (did you mean "${guess}"?)` : ''}; expected ${ENTRY_KEYS.join(', ')}`);
        }
        const value = pair.value;
        if (!(0,dist.isScalar)(value) || value.value === null || typeof value.value === 'object')
            throw new errors/* ConfigurationError */.j1(`${at(value ?? pair.key)}: ${key} must be a single value`);
        values[key] = { text: (0,lib_text/* textOf */.b)(value.value).trim(), node: value };
    }
    const id = values.id;
    if (!id || id.text === '')
        throw new errors/* ConfigurationError */.j1(`${at(item)}: an accept entry needs an id (the change's check id)`);
    if (!checkIds.includes(id.text)) {
        const guess = (0,suggest/* closestName */.N)(id.text, checkIds);
        throw new errors/* ConfigurationError */.j1(`${at(id.node)}: unknown check id "${id.text}"${guess ? ` (did you mean "${guess}"?)` : ''}; ubos-actions contract-test checks lists them`);
    }
    const reason = values.reason;
    if (!reason || reason.text === '')
        throw new errors/* ConfigurationError */.j1(`${at(item)}: the accept entry for ${id.text} needs a reason (why the break is intended)`);
    const entry = { id: id.text, reason: reason.text, location: { file, line: lineOf(item) } };
    if (values.path) {
        if (!values.path.text.startsWith('/') && !values.path.text.startsWith('webhook '))
            throw new errors/* ConfigurationError */.j1(`${at(values.path.node)}: path must be the path template as the spec writes it (/items/{id}) or "webhook <name>"; got "${values.path.text}"`);
        entry.path = values.path.text;
    }
    if (values.method) {
        const method = values.method.text.toLowerCase();
        if (!accept_METHODS.includes(method))
            throw new errors/* ConfigurationError */.j1(`${at(values.method.node)}: method must be one of ${accept_METHODS.join(', ')}; got "${values.method.text}"`);
        if (!entry.path)
            throw new errors/* ConfigurationError */.j1(`${at(values.method.node)}: method needs a path`);
        entry.method = method;
    }
    if (values.expires) {
        if (!accept_validDate(values.expires.text))
            throw new errors/* ConfigurationError */.j1(`${at(values.expires.node)}: expires must be a date written YYYY-MM-DD; got "${values.expires.text}"`);
        entry.expires = values.expires.text;
    }
    if (values.spec)
        entry.spec = values.spec.text.replace(/\\/g, '/').replace(/^\.\//, '');
    return entry;
}
function isExpired(entry, today) {
    return entry.expires !== undefined && entry.expires < today;
}
function matches(entry, change, spec) {
    if (entry.id !== change.id)
        return false;
    if (entry.spec !== undefined && entry.spec !== spec)
        return false;
    if ((entry.path === undefined) !== (change.path === undefined))
        return false;
    if (entry.path !== undefined && normalisePath(entry.path) !== normalisePath(change.path))
        return false;
    return entry.method === change.method?.toLowerCase();
}
/**
 * Marks the changes the policy accepts (breaking and possibly-breaking ones; compatible changes need no
 * acceptance). `used` collects the entries that matched, so unused ones can be reported.
 */
function acceptChanges(changes, spec, policy, used) {
    if (!policy)
        return [...changes];
    const live = (policy.ignore?.entries ?? []).filter((e) => !isExpired(e, policy.today));
    return changes.map((change) => {
        if (change.level === 'info')
            return change;
        const entry = live.find((e) => matches(e, change, spec));
        if (entry) {
            used.add(entry);
            return {
                ...change,
                accepted: {
                    by: 'ignore-file',
                    reason: entry.reason,
                    location: entry.location,
                    ...(entry.expires ? { expires: entry.expires } : {})
                }
            };
        }
        if (policy.label?.present)
            return {
                ...change,
                accepted: { by: 'label', reason: `pull request label "${policy.label.name}"`, label: policy.label.name }
            };
        return change;
    });
}

;// CONCATENATED MODULE: ./shared/src/lib/annotations.ts
/**
 * Annotations, the pure half: a formatter/parser pair for the `::error file=...::message` workflow commands,
 * used by the CLI and by the runner emulator in the tests. The adapter is shared/src/actions/annotate.ts.
 */

/**
 * GitHub ignores columns on an annotation that spans several lines, and columns without a line mean nothing;
 * dropping them here keeps what we print equal to what GitHub shows.
 */
function effectiveLocation(a) {
    const spansLines = a.endLine !== undefined && a.startLine !== undefined && a.endLine !== a.startLine;
    const keepColumns = a.startLine !== undefined && !spansLines;
    return {
        title: a.title,
        file: a.file,
        startLine: a.startLine,
        endLine: a.endLine,
        startColumn: keepColumns ? a.startColumn : undefined,
        endColumn: keepColumns ? a.endColumn : undefined
    };
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
// One pass, so "%253A" decodes to "%3A" and not to ":".
function annotations_unescape(text) {
    return text.replace(/%(25|0D|0A|3A|2C)/gi, (_match, code) => String.fromCharCode(parseInt(code, 16)));
}
/** The workflow command line for an annotation, e.g. `::warning file=a.sql,line=3,col=5::message`. */
function formatAnnotationCommand(a) {
    const location = effectiveLocation(a);
    const properties = [
        ['file', location.file],
        ['line', location.startLine],
        ['endLine', location.endLine],
        ['col', location.startColumn],
        ['endColumn', location.endColumn],
        ['title', location.title]
    ];
    const rendered = properties
        .filter((entry) => entry[1] !== undefined && entry[1] !== '')
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
        .join(',');
    return `::${a.level}${rendered ? ` ${rendered}` : ''}::${escapeData(a.message)}`;
}
const COMMAND_LINE = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/;
// A Map, not an object literal: a property named "constructor" must not find Object.prototype.
const NUMERIC_KEYS = new Map([
    ['line', 'startLine'],
    ['endLine', 'endLine'],
    ['col', 'startColumn'],
    ['endColumn', 'endColumn']
]);
/** Reads the error/warning/notice commands out of an action's stdout (the inverse of formatAnnotationCommand). */
function parseAnnotationCommands(stdout) {
    const annotations = [];
    for (const rawLine of stdout.split('\n')) {
        const match = COMMAND_LINE.exec(rawLine.replace(/\r$/, '').trimStart());
        if (!match)
            continue;
        const [, level, propertyText, message] = match;
        const annotation = { level, message: annotations_unescape(message) };
        for (const pair of (propertyText ?? '').split(',')) {
            const equals = pair.indexOf('=');
            if (equals <= 0)
                continue;
            const key = pair.slice(0, equals).trim();
            const value = annotations_unescape(pair.slice(equals + 1));
            if (key === 'file')
                annotation.file = value;
            else if (key === 'title')
                annotation.title = value;
            else {
                const numericKey = NUMERIC_KEYS.get(key);
                const number = Number(value);
                if (numericKey && value !== '' && Number.isInteger(number))
                    annotation[numericKey] = number;
            }
        }
        annotations.push(annotation);
    }
    return annotations;
}
/**
 * A path for an annotation or report: relative to the workspace with forward slashes, because GitHub only
 * links annotations to files given relative to the repository root. Paths outside the workspace are kept.
 */
function relativeToWorkspace(file, workspace) {
    const normalized = file.replace(/\\/g, '/');
    if (!external_node_path_.posix.isAbsolute(normalized)) {
        return external_node_path_.posix.normalize(normalized).replace(/^\.\//, '');
    }
    const root = workspace.replace(/\\/g, '/');
    const relative = external_node_path_.posix.relative(root, normalized);
    if (relative === '' || relative.startsWith('../') || relative === '..' || external_node_path_.posix.isAbsolute(relative)) {
        return normalized;
    }
    return relative;
}

// EXTERNAL MODULE: ./shared/src/lib/git.ts
var git = __webpack_require__(24495);
;// CONCATENATED MODULE: ./actions/contract-test/src/git-base.ts
// Reads the base branch's spec straight from git, so a pull request is compared with what its base has
// without a second checkout. The commit is the merge base of the base ref and HEAD, as for every action
// (shared/src/lib/git.ts): on a pull request's merge checkout that is the base branch tip.



/** The commit to read the base spec from: the merge base of `ref` and HEAD (fetching `ref` when missing). */
function resolveBaseRef(repoDir, ref) {
    return (0,git/* baseCommit */.tI)(repoDir, ref, 'base-ref');
}
/** A readFile for the spec loader that serves files as they are at `commit` (paths absolute, inside repoDir). */
function fileReaderAt(repoDir, commit) {
    const top = (0,git/* repositoryRoot */.Hn)(repoDir);
    return (path) => {
        const inRepo = (0,external_node_path_.relative)(top, path).split(external_node_path_.sep).join('/');
        if (inRepo.startsWith('..'))
            throw new errors/* ConfigurationError */.j1(`${path} is outside the git repository`);
        const text = (0,git/* fileAtCommit */.fw)(top, commit, inRepo);
        if (text === undefined)
            throw new errors/* ConfigurationError */.j1(`${inRepo} does not exist at ${commit}`);
        return text;
    };
}

;// CONCATENATED MODULE: ./actions/contract-test/src/lint/scope.ts
// lint-scope: changed. A pull request that touches one operation of a 13 MB description should not pay for a
// full Spectral run (72 s and 2.6 GB on the GitHub REST description): Spectral gets a document cut down to the
// operations the diff reports, every component they reach, and the document-level objects the rules read, all at
// the JSON paths they have in the head file, so a finding's path is also its path in the head and its position is
// looked up there. Unchanged operations are not linted; the report says so.


const scope_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
/** Objects that belong to the whole document: kept whole, whatever changed. */
const OAS3_KEEP_COMPONENTS = new Set(['securitySchemes']);
const shape = (path) => path.replace(/\{[^}]*\}/g, '{}');
/** Sets a key as data: a hostile "__proto__" key must not become the prototype. */
function setOwn(target, key, value) {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
function scope_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The `METHOD /path` pairs and whole paths the changes are about. */
function changedTargets(changes) {
    const operations = new Set();
    const paths = new Set();
    for (const change of changes) {
        if (change.path === undefined)
            continue;
        if (change.method === undefined)
            paths.add(change.path);
        else
            operations.add(`${change.method.toLowerCase()} ${change.path}`);
    }
    return { operations, paths };
}
function decodePointer(ref) {
    if (!ref.startsWith('#/'))
        return ref === '#' ? [] : undefined;
    let fragment;
    try {
        fragment = decodeURIComponent(ref.slice(2));
    }
    catch {
        return undefined;
    }
    return fragment.split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}
/**
 * The cut-down document, or a reason why the spec cannot be cut (then the caller lints all of it). `raw` is the
 * head as written (with its $refs), never the resolved document.
 */
function scopeDocument(raw, version, changes) {
    const targets = changedTargets(changes);
    const targetShapes = new Set([...targets.operations].map((key) => {
        const space = key.indexOf(' ');
        return `${key.slice(0, space)} ${shape(key.slice(space + 1))}`;
    }));
    const pathShapes = new Set([...targets.paths].map(shape));
    const document = {};
    const componentKeys = version === '2.0' ? new Set(['definitions', 'parameters', 'responses']) : new Set(['components']);
    for (const [key, value] of Object.entries(raw)) {
        if (key === 'paths' || key === 'webhooks' || componentKeys.has(key))
            continue;
        // An extension that references components (GitHub's `x-webhooks`: 0.6 MB reaching half of them) is the
        // extension's business, not a rule's: kept only when it references nothing.
        if (key.startsWith('x-') && hasRef(value))
            continue;
        setOwn(document, key, value);
    }
    const rawPaths = scope_isObject(raw.paths) ? raw.paths : undefined;
    const entries = Object.entries(rawPaths ?? {}).filter((entry) => scope_isObject(entry[1]));
    const named = (path, method) => targets.paths.has(path) ||
        pathShapes.has(shape(path)) ||
        targets.operations.has(`${method} ${path}`) ||
        targetShapes.has(`${method} ${shape(path)}`);
    // Paths of one shape are kept together: Spectral's path-params compares them ("must not be equivalent").
    const keptShapes = new Set();
    for (const [path, item] of entries) {
        if (Object.keys(item).some((key) => scope_METHODS.has(key) && named(path, key)))
            keptShapes.add(shape(path));
        else if (typeof item.$ref === 'string' && (targets.paths.has(path) || pathShapes.has(shape(path))))
            keptShapes.add(shape(path));
    }
    const operations = [];
    let totalOperations = 0;
    const keptPaths = {};
    for (const [path, item] of entries) {
        const whole = keptShapes.has(shape(path)) && !Object.keys(item).some((key) => scope_METHODS.has(key) && named(path, key));
        const kept = {};
        let any = false;
        for (const [key, value] of Object.entries(item)) {
            if (!scope_METHODS.has(key)) {
                setOwn(kept, key, value);
                continue;
            }
            totalOperations++;
            if (whole || named(path, key)) {
                setOwn(kept, key, value);
                operations.push(`${key.toUpperCase()} ${path}`);
                any = true;
            }
        }
        // A path item that is itself a $ref carries its operations in the target: kept whole.
        if (any || (keptShapes.has(shape(path)) && typeof item.$ref === 'string'))
            setOwn(keptPaths, path, any ? kept : item);
    }
    if (rawPaths !== undefined)
        document.paths = keptPaths;
    // Webhooks are few and have no path of their own in a change: kept whole when any changed.
    if (raw.webhooks !== undefined && changes.some((c) => c.id.startsWith('webhook-')))
        document.webhooks = raw.webhooks;
    // Components: what the kept parts reach through $refs, transitively, at the same pointer.
    const place = (pointer, value) => {
        let target = document;
        for (let i = 0; i < pointer.length - 1; i++) {
            const step = pointer[i];
            const next = target[step];
            if (!scope_isObject(next) || !Object.hasOwn(target, step)) {
                const fresh = {};
                setOwn(target, step, fresh);
            }
            target = target[step];
        }
        const last = pointer[pointer.length - 1];
        setOwn(target, last, value);
    };
    const lookup = (root, pointer) => {
        let node = root;
        for (const step of pointer) {
            if (Array.isArray(node))
                node = node[Number(step)];
            else if (scope_isObject(node) && Object.hasOwn(node, step))
                node = node[step];
            else
                return undefined;
        }
        return node;
    };
    // The security schemes every operation's `security` names (and document-level rules read) are kept whole.
    if (version !== '2.0' && scope_isObject(raw.components)) {
        for (const [key, value] of Object.entries(raw.components)) {
            if (OAS3_KEEP_COMPONENTS.has(key))
                place(['components', key], value);
        }
    }
    const placed = new Set();
    const queue = [document];
    let external;
    const seen = new Set();
    while (queue.length > 0) {
        const node = queue.pop();
        if (node === null || typeof node !== 'object' || seen.has(node))
            continue;
        seen.add(node);
        if (Array.isArray(node)) {
            for (const item of node)
                queue.push(item);
            continue;
        }
        for (const [key, value] of Object.entries(node)) {
            if (key === '$ref' && typeof value === 'string') {
                const pointer = decodePointer(value);
                if (pointer === undefined) {
                    external ??= value;
                    continue;
                }
                const id = pointer.join('\u0000');
                if (pointer.length === 0 || placed.has(id))
                    continue;
                placed.add(id);
                const target = lookup(raw, pointer);
                // A dangling $ref stays dangling: Spectral reports it as in a full lint.
                if (target === undefined)
                    continue;
                if (lookup(document, pointer) === undefined)
                    place(pointer, target);
                queue.push(target);
            }
            else
                queue.push(value);
        }
    }
    if (external !== undefined)
        return { reason: `it references another document (${external})` };
    return { document: reorder(document, raw), operations, totalOperations };
}
function hasRef(value) {
    const stack = [value];
    const seen = new Set();
    while (stack.length > 0) {
        const node = stack.pop();
        if (node === null || typeof node !== 'object' || seen.has(node))
            continue;
        seen.add(node);
        if (!Array.isArray(node) && typeof node.$ref === 'string')
            return true;
        stack.push(...(Array.isArray(node) ? node : Object.values(node)));
    }
    return false;
}
/** Keys in the head's order, so that a rule that reports "the first ..." picks the same one. */
function reorder(document, raw) {
    const out = {};
    for (const key of Object.keys(raw)) {
        if (!Object.hasOwn(document, key))
            continue;
        const value = document[key];
        const original = raw[key];
        const next = scope_isObject(value) && scope_isObject(original) && value !== original ? reorder(value, original) : value;
        setOwn(out, key, next);
    }
    return out;
}
/**
 * The loaded head's objects ($refs resolved) at the cut's top-level keys and operations: what Spectral will walk
 * for the cut, to hold it to the lint's node cap.
 */
function resolvedParts(document, cut) {
    const parts = {};
    for (const key of Object.keys(cut)) {
        if (key !== 'paths' && key !== 'components')
            setOwn(parts, key, Object.hasOwn(document, key) ? document[key] : null);
    }
    const paths = {};
    const headPaths = scope_isObject(document.paths) ? document.paths : {};
    for (const [path, item] of Object.entries(scope_isObject(cut.paths) ? cut.paths : {})) {
        const headItem = Object.hasOwn(headPaths, path) ? headPaths[path] : undefined;
        const resolved = {};
        for (const key of Object.keys(scope_isObject(item) ? item : {}))
            setOwn(resolved, key, scope_isObject(headItem) && Object.hasOwn(headItem, key) ? headItem[key] : null);
        setOwn(paths, path, resolved);
    }
    setOwn(parts, 'paths', paths);
    // Spectral walks the components of the cut where they are defined as well as where they are used.
    const components = {};
    const headComponents = scope_isObject(document.components) ? document.components : {};
    for (const [section, entries] of Object.entries(scope_isObject(cut.components) ? cut.components : {})) {
        const headSection = Object.hasOwn(headComponents, section) ? headComponents[section] : undefined;
        const resolved = {};
        for (const name of Object.keys(scope_isObject(entries) ? entries : {}))
            setOwn(resolved, name, scope_isObject(headSection) && Object.hasOwn(headSection, name) ? headSection[name] : null);
        setOwn(components, section, resolved);
    }
    setOwn(parts, 'components', components);
    return parts;
}
/**
 * The head as written, $refs and all (the loader's document has them replaced). The loader read the same text
 * first, so what it refused (syntax, size, alias bombs) never gets here.
 */
function documentAsWritten(text) {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        parsed = (0,dist.parse)(body, { merge: true, maxAliasCount: yaml.MAX_YAML_ALIAS_COUNT, uniqueKeys: false });
    }
    return scope_isObject(parsed) ? parsed : undefined;
}
/**
 * Where a JSON path of the head is written: the key of its last step that exists (or the item, for an array
 * index). A path that goes through a $ref ends at the object the $ref is written in, as Spectral places such
 * findings.
 */
function locateByPath(spec, path) {
    let node = spec.document;
    const root = spec.locate(node);
    let best = root && { location: root, at: 'node' };
    for (const step of path) {
        if (node === null || typeof node !== 'object')
            break;
        const next = Array.isArray(node)
            ? node[Number(step)]
            : Object.hasOwn(node, step)
                ? node[step]
                : undefined;
        if (next === undefined)
            break;
        const here = Array.isArray(node) ? spec.locate(next) : spec.locate(node, step);
        if (here)
            best = { location: here, at: Array.isArray(node) ? 'node' : 'key' };
        node = next;
    }
    return best;
}
/**
 * Places findings of the cut where a full lint would: Spectral (its YAML parser, which the full lint uses for
 * JSON too) puts a finding about a key's value just after the key's colon, or at the value itself when that is
 * a scalar on the same line.
 */
function spectralLocator(spec, text) {
    let starts;
    return (path) => {
        const found = locateByPath(spec, path);
        if (!found || found.at === 'node')
            return found?.location;
        starts ??= lineStartsOf(text);
        const { line, column } = found.location;
        const lineStart = starts[line - 1];
        if (lineStart === undefined)
            return found.location;
        const after = afterColon(text, lineStart + column - 1);
        return after === undefined ? found.location : { ...found.location, column: after - lineStart + 1 };
    };
}
function lineStartsOf(text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        starts.push(i + 1);
    return starts;
}
/** The offset just after the key at `offset` and its colon, or of a scalar value that follows on the line. */
function afterColon(text, offset) {
    let i = offset;
    const quote = text[i];
    if (quote === '"' || quote === "'") {
        for (i++; i < text.length; i++) {
            if (quote === '"' && text[i] === '\\')
                i++;
            else if (text[i] === quote) {
                if (quote === "'" && text[i + 1] === "'")
                    i++;
                else
                    break;
            }
            else if (text[i] === '\n')
                return undefined;
        }
        i++;
    }
    else {
        while (i < text.length && text[i] !== ':' && text[i] !== '\n')
            i++;
    }
    while (text[i] === ' ' || text[i] === '\t')
        i++;
    if (text[i] !== ':')
        return undefined;
    const colon = i + 1;
    let v = colon;
    while (text[v] === ' ' || text[v] === '\t')
        v++;
    const c = text[v];
    if (c === undefined || c === '\n' || c === '\r' || c === '{' || c === '[' || c === '#')
        return colon;
    return v;
}

;// CONCATENATED MODULE: ./actions/contract-test/src/live-step.ts
// The live part of a contract check for one spec: the engine (ours or Dredd) against the server, the operations
// the diff marks as changed first, and optionally the base version of the spec against the same server. Pure of
// @actions/*: the adapters hand in secrets, hooks and Dredd's environment.



/** The operations a diff names (method and path template), once each; document-level changes name none. */
function changedOperations(changes) {
    const out = new Map();
    for (const change of changes) {
        if (!change.method || !change.path?.startsWith('/'))
            continue;
        const key = `${change.method.toLowerCase()} ${normalisePath(change.path)}`;
        if (!out.has(key))
            out.set(key, { method: change.method.toLowerCase(), path: change.path });
    }
    return [...out.values()];
}
function live_step_asObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}
/**
 * Where an operation is in the head spec: a base-spec failure is annotated there (the base's own line numbers
 * mean nothing in the head file), or at `paths` when the head no longer has it.
 */
function headLocation(head, method, path) {
    const paths = live_step_asObject(head.document.paths);
    if (!paths)
        return undefined;
    const wanted = normalisePath(path);
    const key = Object.keys(paths).find((p) => normalisePath(p) === wanted);
    const item = key === undefined ? undefined : live_step_asObject(paths[key]);
    const operation = item ? live_step_asObject(item[method.toLowerCase()]) : undefined;
    if (operation)
        return head.locate(operation) ?? head.locate(item);
    return head.locate(paths) ?? undefined;
}
async function runLiveStep(input) {
    const { head, options } = input;
    const notes = [];
    const fromDiff = input.changes ? changedOperations(input.changes) : undefined;
    const changed = fromDiff || options.changedOperations ? [...(fromDiff ?? []), ...(options.changedOperations ?? [])] : undefined;
    if (options.engine === 'dredd') {
        if (!options.dredd)
            throw new errors/* ConfigurationError */.j1('engine dredd needs Dredd: npm install --save-dev dredd@14.1.0 (looked in node_modules/.bin and PATH)');
        if (changed)
            notes.push('engine dredd runs the operations in its own order (no diff-aware ordering)');
        if (options.againstBase)
            notes.push('engine dredd does not run the base spec (live-against-base)');
        const result = await runDredd({
            spec: head,
            specPath: input.specPath,
            baseUrl: options.baseUrl,
            configFile: options.dredd.configFile,
            hooksFile: options.hooksFile,
            command: options.dredd.command,
            auth: options.auth,
            cwd: input.root,
            env: options.dredd.env
        });
        return { result, notes };
    }
    if (options.againstBase && !input.base)
        notes.push('live-against-base: there is no base spec to run (no base-spec, base-ref or pull request base)');
    const run = await runLive({
        spec: head,
        baseUrl: options.baseUrl,
        checks: options.checks,
        seed: options.seed,
        budget: options.budget,
        maxResponseTimeMs: options.maxResponseTimeMs,
        timeoutMs: options.timeoutMs,
        concurrency: options.concurrency,
        auth: options.auth,
        hooks: options.hooks,
        changedOperations: changed,
        baseSpec: options.againstBase ? input.base : undefined,
        onProgress: options.onProgress
    });
    const result = run.result;
    if (result.base)
        for (const failure of result.base.failures)
            failure.location = headLocation(head, failure.operation.method, failure.operation.path);
    return { result, replay: renderReplay(run), notes };
}

// EXTERNAL MODULE: ./actions/contract-test/src/spec/external-refs.ts
var external_refs = __webpack_require__(1753);
// EXTERNAL MODULE: ./actions/contract-test/src/spec/memory.ts
var memory = __webpack_require__(45206);
// EXTERNAL MODULE: ./node_modules/@stoplight/spectral-rulesets/dist/oas/schemas/validators.js
var validators = __webpack_require__(83286);
;// CONCATENATED MODULE: ./actions/contract-test/src/spec/validate.ts
// Whether a loaded description is a valid OpenAPI 2.0 / 3.0 / 3.1 document, judged by the official JSON Schemas of
// the specification. The diff compares whatever it is given, so a document that is not valid (a response that
// `$ref`s a schema) would otherwise show up only as confusing changes ("no longer returns application/json").
//
// The schemas are the OpenAPI Initiative's (`http://swagger.io/v2/schema.json#`,
// `https://spec.openapis.org/oas/3.0/schema/2019-04-02`, `https://spec.openapis.org/oas/3.1/schema/2021-09-28`), as
// @stoplight/spectral-rulesets (a dependency, for lint) ships them precompiled into ajv standalone validators: no
// schema is compiled at run time, and the 13 MB GitHub description validates in a few hundred milliseconds.
//
// The loaded document has its $refs resolved, so a target is judged where it is used (a schema used as a response
// is not a valid response), which validating the files as written would miss. It may be shared and cyclic, so the
// validator gets a tree: a shared object is written out once for each kind of place it is used in (its key, or
// `*` for an entry of a map such as `properties` or `responses`), and anywhere else it appears as a Reference
// object (`{"$ref": ...}`), which is valid wherever a $ref may be written. Linear in the distinct nodes.


let validate_validators;
function validatorFor(version) {
    validate_validators ??= (0,cjs_interop/* cjsExports */.M)(validators, 'oas3_0');
    return version === '2.0' ? validate_validators.oas2_0 : version === '3.0' ? validate_validators.oas3_0 : validate_validators.oas3_1;
}
/** Keys whose value is a map of names to objects of one kind: their entries are one kind of place. */
const MAPS = new Set([
    'paths',
    'webhooks',
    'properties',
    'patternProperties',
    'dependentSchemas',
    'responses',
    'content',
    'headers',
    'schemas',
    'parameters',
    'requestBodies',
    'securitySchemes',
    'securityDefinitions',
    'definitions',
    '$defs',
    'callbacks',
    'links',
    'examples',
    'encoding',
    'pathItems',
    'variables'
]);
/** Places where a schema goes, as one kind: a schema used in several of them is written out once. */
const SCHEMA_PLACES = new Set([
    'schema',
    'items',
    'additionalProperties',
    'not',
    'contains',
    'if',
    'then',
    'else',
    'propertyNames',
    'unevaluatedItems',
    'unevaluatedProperties',
    'contentSchema',
    'additionalItems',
    'properties/*',
    'patternProperties/*',
    'dependentSchemas/*',
    'schemas/*',
    'definitions/*',
    '$defs/*',
    'allOf[]',
    'oneOf[]',
    'anyOf[]',
    'prefixItems[]',
    'items[]'
]);
const KINDS = {
    'parameters[]': 'parameter',
    'parameters/*': 'parameter',
    'responses/*': 'response',
    requestBody: 'requestBody',
    'requestBodies/*': 'requestBody',
    'paths/*': 'pathItem',
    'webhooks/*': 'pathItem',
    'pathItems/*': 'pathItem'
};
/** The kind of place a value sits in: `key[]` in a list, `container/*` in a map, else its key. */
function placeOf(key, containerKey, inList) {
    const raw = inList ? key : containerKey !== undefined && MAPS.has(containerKey) ? `${containerKey}/*` : key;
    return SCHEMA_PLACES.has(raw) ? 'schema' : (KINDS[raw] ?? raw);
}
/** What stands for a shared object written out elsewhere: a Reference object, distinct per object (uniqueItems). */
function placeholderFor(ids, node) {
    let id = ids.get(node);
    if (id === undefined)
        ids.set(node, (id = ids.size));
    return { $ref: `#/x-shared/${id}` };
}
/** Counts the parents of every object: one with several is shared (a $ref target, a YAML alias). */
function sharedObjects(document) {
    const seen = new WeakSet();
    const shared = new WeakSet();
    const stack = [document];
    seen.add(document);
    const visit = (child) => {
        if (child === null || typeof child !== 'object')
            return;
        if (seen.has(child))
            shared.add(child);
        else {
            seen.add(child);
            stack.push(child);
        }
    };
    while (stack.length > 0) {
        const node = stack.pop();
        if (Array.isArray(node))
            for (const child of node)
                visit(child);
        else
            for (const key in node)
                visit(node[key]);
    }
    return shared;
}
/** The tree the validator reads (see the file comment). */
function validationTree(document) {
    const shared = sharedObjects(document);
    const written = new WeakMap();
    const ids = new Map();
    const active = new WeakSet();
    // `key` names where the value is; `container` is the key of the object holding it (undefined in a list).
    const copy = (node, key, container, inList) => {
        if (node === null || typeof node !== 'object')
            return node;
        if (shared.has(node)) {
            // Only a shared object may stand as a Reference object: it was reached through a $ref (or an alias).
            const place = placeOf(key, container, inList);
            let places = written.get(node);
            if (active.has(node) || places?.has(place))
                return placeholderFor(ids, node);
            if (!places)
                written.set(node, (places = new Set()));
            places.add(place);
            // A cycle goes through a shared object, so only those need to be tracked on the way down.
            active.add(node);
            const out = copyChildren(node, key);
            active.delete(node);
            return out;
        }
        return copyChildren(node, key);
    };
    const copyChildren = (node, key) => {
        if (Array.isArray(node)) {
            const list = new Array(node.length);
            const itemKey = `${key}[]`;
            for (let i = 0; i < node.length; i++)
                list[i] = copy(node[i], itemKey, undefined, true);
            return list;
        }
        const out = {};
        for (const k in node)
            out[k] = copy(node[k], k, key, false);
        return out;
    };
    const out = {};
    // Where things are used before where they are defined, so a component is first judged at a place that uses it.
    const keys = Object.keys(document).sort((a, b) => Number(a === 'components') - Number(b === 'components'));
    for (const key of keys)
        out[key] = copy(document[key], key, undefined, false);
    return out;
}
function tokens(pointer) {
    return pointer === ''
        ? []
        : pointer
            .slice(1)
            .split('/')
            .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}
/** Where a pointer's node is written: the key that holds it in its parent (the $ref, for a resolved target). */
function locatePointer(spec, pointer) {
    let node = spec.document;
    let parent;
    let last;
    for (const token of tokens(pointer)) {
        if (node === null || typeof node !== 'object')
            break;
        const next = Array.isArray(node) ? node[Number(token)] : node[token];
        if (next === undefined)
            break;
        parent = node;
        last = token;
        node = next;
    }
    return (parent !== undefined && last !== undefined ? spec.locate(parent, last) : undefined) ?? spec.locate(node);
}
/** What ajv says, in words that name the key at fault. */
function spec_validate_describe(error) {
    const p = error.params ?? {};
    if (error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties')
        return `has the key "${String(p.additionalProperty ?? p.unevaluatedProperty)}", which is not allowed here`;
    if (error.keyword === 'required')
        return `is missing the required key "${String(p.missingProperty)}"`;
    return error.message ?? error.keyword;
}
/**
 * Validates the document against the official schema of its version. An empty list of problems means valid.
 * Branch noise is dropped: the summary of a failed oneOf/anyOf, and "needs $ref" from the Reference branch.
 */
function validateSpec(spec, limit = 3) {
    const validate = validatorFor(spec.version);
    if (validate(validationTree(spec.document)))
        return { version: spec.version, problems: [], total: 0 };
    const seen = new Map();
    for (const error of validate.errors ?? []) {
        if (['oneOf', 'anyOf', 'if', 'not', 'false schema', '$dynamicRef', '$ref'].includes(error.keyword))
            continue;
        if (error.keyword === 'required' && error.params?.missingProperty === '$ref')
            continue;
        const key = `${error.instancePath}\u0000${spec_validate_describe(error)}`;
        if (!seen.has(key))
            seen.set(key, error);
    }
    const errors = [...seen.values()];
    // The deepest place first: a problem at a response says more than the same problem echoed at `paths`.
    const depth = (e) => tokens(e.instancePath).length;
    const ordered = errors.map((e, i) => ({ e, i })).sort((a, b) => depth(b.e) - depth(a.e) || a.i - b.i);
    const problems = ordered.slice(0, limit).map(({ e }) => {
        const pointer = e.instancePath;
        const location = locatePointer(spec, pointer);
        return { pointer: `#${pointer}`, message: spec_validate_describe(e), ...(location ? { location } : {}) };
    });
    return { version: spec.version, problems, total: errors.length };
}

;// CONCATENATED MODULE: ./actions/contract-test/src/run-contract.ts
// The contract check both adapters run, per spec: load the head spec, lint it, load the base (a file or the same
// path at a git ref) and diff, accept the intended breaks, then test the running server (the diff's operations
// first). Pure of @actions/core; the adapters render and report. Spectral is loaded only when a lint runs.













function absolute(root, path) {
    return (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(root, path);
}
/**
 * A file the user named may be anywhere: the boundary is for what it pulls in. That stays inside the root when
 * the file is inside the root, else inside the file's own folder.
 */
function rootOfNamedFile(root, path) {
    const rel = (0,external_node_path_.relative)(root, path);
    const outside = rel === '..' || rel.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(rel);
    return outside ? (0,external_node_path_.dirname)(path) : root;
}
/** Past this (the entry file's length), the loaded head is dropped while Spectral runs and read again after. */
const RELOAD_AFTER_LINT_CHARS = 1024 * 1024;
async function runContractCheck(options) {
    const specPath = absolute(options.root, options.spec);
    if (!(0,external_node_fs_.existsSync)(specPath))
        throw new errors/* ConfigurationError */.j1(`spec ${options.spec} does not exist`);
    const policy = options.externalRefs ?? external_refs/* NO_EXTERNAL_REFS */.Tq;
    const refOptions = {
        allowExternalFiles: policy.files,
        allowRemoteRefs: policy.urls,
        remoteTimeoutMs: options.remoteTimeoutMs,
        maxSpecBytes: options.maxSpecBytes
    };
    const rootOf = options.rootOf ?? ((path) => rootOfNamedFile(options.root, path));
    const specRoot = rootOf(specPath);
    const loadHead = () => (0,load/* loadSpecAsync */.C9)(specPath, { root: specRoot, ...refOptions });
    // Loaded first in any case: the loader's checks (size, $ref policy, symlinks, alias bombs) run before Spectral.
    let loaded = await loadHead();
    const rulesetPath = options.ruleset ? absolute(options.root, options.ruleset) : undefined;
    const hasBase = Boolean(options.baseSpec || options.baseRef);
    const scoped = options.lint && options.lintScope === 'changed' && hasBase;
    const lintWith = async (text, extra = {}) => {
        const { lintSpec } = await Promise.all(/* import() */[__webpack_require__.e(756), __webpack_require__.e(838)]).then(__webpack_require__.bind(__webpack_require__, 10838));
        return lintSpec({
            text,
            file: relativeToWorkspace(specPath, specRoot),
            rulesetPath,
            rulesetRoot: rulesetPath === undefined ? undefined : rootOf(rulesetPath),
            allowRulesetCode: options.allowRulesetCode === true,
            root: specRoot,
            ...refOptions,
            ...extra
        });
    };
    const lintAll = async (spec) => {
        const { checkLintable, lintNodeCap } = await Promise.all(/* import() */[__webpack_require__.e(756), __webpack_require__.e(838)]).then(__webpack_require__.bind(__webpack_require__, 10838));
        checkLintable(spec, lintNodeCap(options.maxSpecBytes));
        return lintWith((0,external_node_fs_.readFileSync)(specPath, 'utf8'));
    };
    let lint = [];
    const unscoped = options.lint && options.lintScope === 'changed' && !hasBase
        ? { fullBecause: 'no base-spec or base-ref given (and not a pull request)' }
        : undefined;
    if (options.lint && !scoped) {
        const { checkLintable, lintNodeCap } = await Promise.all(/* import() */[__webpack_require__.e(756), __webpack_require__.e(838)]).then(__webpack_require__.bind(__webpack_require__, 10838));
        checkLintable(loaded, lintNodeCap(options.maxSpecBytes));
        const text = (0,external_node_fs_.readFileSync)(specPath, 'utf8');
        // Spectral needs the memory more than a large loaded spec does, which is cheaper to read again afterwards.
        if (text.length > RELOAD_AFTER_LINT_CHARS)
            loaded = undefined;
        lint = await lintWith(text);
    }
    const report = {
        spec: options.spec,
        linted: options.lint,
        lint,
        changes: [],
        ...(unscoped ? { lintScope: unscoped } : {}),
        ...(options.lint && options.ruleset
            ? { ruleset: { file: options.ruleset, found: options.rulesetFound === true } }
            : {})
    };
    const wantDiff = options.diff !== false;
    const wantBase = wantDiff || scoped || (options.live !== undefined && hasBase);
    let base;
    let noBase = 'no base-spec or base-ref given (and not a pull request)';
    if (!hasBase) {
        if (wantDiff)
            report.diffSkipped = noBase;
    }
    else if (wantBase) {
        const found = await loadBase(options, specPath, rootOf, refOptions);
        if (typeof found === 'string') {
            noBase = found;
            if (wantDiff)
                report.diffSkipped = found;
        }
        else
            base = found;
    }
    const head = loaded ?? (await loadHead());
    let changes;
    let diffed;
    if (base) {
        diffed = diffSpecs(base.spec, head, { levels: options.levels });
        changes = acceptChanges(diffed, options.spec, options.accept, options.acceptUsed ?? new Set());
        if (wantDiff) {
            report.base = base.name;
            report.changes = changes;
            // A document that is not valid OpenAPI is still diffed, with a warning that says why changes may be odd.
            const invalid = [
                { side: 'base', name: base.name, spec: base.spec },
                { side: 'head', name: options.spec, spec: head }
            ].flatMap(({ side, name, spec }) => {
                const { problems, total, version } = validateSpec(spec);
                return total === 0 ? [] : [{ side, spec: name, version, problems, total }];
            });
            if (invalid.length > 0)
                report.invalid = invalid;
        }
    }
    if (scoped) {
        // The base is only needed again by a live run; Spectral needs the memory more.
        if (!options.live)
            base = undefined;
        const outcome = await lintChanged(head, diffed, noBase, (0,external_node_fs_.readFileSync)(specPath, 'utf8'));
        (0,memory/* collectGarbage */.i)();
        report.lintScope = outcome.scope;
        if ('document' in outcome) {
            const { checkLintable, lintNodeCap } = await Promise.all(/* import() */[__webpack_require__.e(756), __webpack_require__.e(838)]).then(__webpack_require__.bind(__webpack_require__, 10838));
            checkLintable({ file: head.file, document: outcome.resolved }, lintNodeCap(options.maxSpecBytes), 'the lint of what changed');
            report.lint = await lintWith('', { scoped: outcome });
        }
        else
            report.lint = await lintAll(head);
    }
    if (options.live) {
        const outcome = await runLiveStep({
            head,
            specPath,
            root: options.root,
            base: base?.spec,
            changes,
            options: options.live
        });
        report.live = outcome.result;
        if (outcome.replay !== undefined)
            report.replay = outcome.replay;
        if (outcome.notes.length > 0)
            report.liveNotes = outcome.notes;
    }
    return report;
}
/**
 * What lint-scope: changed lints: the cut-down head and where its paths are, or why the whole spec is linted
 * (no base to compare with, or a spec that cannot be cut). The cut is held to the same node cap as a full lint.
 */
async function lintChanged(head, changes, noBase, text) {
    if (changes === undefined)
        return { scope: { fullBecause: noBase } };
    if (head.files.length > 1)
        return { scope: { fullBecause: `it spans ${head.files.length} files` } };
    const raw = documentAsWritten(text);
    if (raw === undefined)
        return { scope: { fullBecause: 'its top level is not an object' } };
    const cut = scopeDocument(raw, head.version, changes);
    if ('reason' in cut)
        return { scope: { fullBecause: cut.reason } };
    return {
        scope: { operations: cut.operations.length, totalOperations: cut.totalOperations },
        document: cut.document,
        resolved: resolvedParts(head.document, cut.document),
        locate: spectralLocator(head, text)
    };
}
/** The base version of the spec, or why there is none (the spec is new at the base ref). */
async function loadBase(options, specPath, rootOf, refOptions) {
    if (options.baseSpec) {
        const basePath = absolute(options.root, options.baseSpec);
        if (!(0,external_node_fs_.existsSync)(basePath))
            throw new errors/* ConfigurationError */.j1(`base-spec ${options.baseSpec} does not exist`);
        return { spec: await (0,load/* loadSpecAsync */.C9)(basePath, { root: rootOf(basePath), ...refOptions }), name: options.baseSpec };
    }
    const ref = options.baseRef;
    const commit = resolveBaseRef(options.root, ref);
    const readFile = fileReaderAt(options.root, commit);
    try {
        readFile(specPath);
    }
    catch {
        return `${options.spec} does not exist at ${ref}: nothing to compare`;
    }
    return {
        spec: await (0,load/* loadSpecAsync */.C9)(specPath, { root: options.root, readFile, ...refOptions }),
        name: `${ref}:${options.spec}`
    };
}

;// CONCATENATED MODULE: ./actions/contract-test/src/step.ts
// One step of contract-test: every spec it names through the same check (lint, diff, live, as the modes say),
// one after the other, with the acceptance policy shared so an ignore file's entries are judged across all of
// them. Both adapters (main.ts, cli.ts) run this; render.ts makes the one report.




const MODES = ['lint', 'diff', 'live'];
/** The modes in their running order; a typo is one line with the likely spelling. */
function parseModes(values, label) {
    if (values.length === 0)
        throw new errors/* ConfigurationError */.j1(`${label} must name at least one of ${MODES.join(', ')}`);
    for (const value of values) {
        if (MODES.includes(value))
            continue;
        const guess = (0,suggest/* closestName */.N)(value, MODES);
        throw new errors/* ConfigurationError */.j1(`${label} must be a list of ${MODES.join(', ')}; got "${value}"${guess ? ` (did you mean "${guess}"?)` : ''}`);
    }
    return MODES.filter((mode) => values.includes(mode));
}
async function runContractStep(options) {
    const { specs, subject, modes, accept, live, notices, ...shared } = options;
    if (specs.length > 1 && shared.baseSpec !== undefined)
        throw new errors/* ConfigurationError */.j1('base-spec compares one spec; with several specs use base-ref (each spec is compared with itself at that ref)');
    if (modes.includes('live') && !live)
        throw new errors/* ConfigurationError */.j1('mode live needs base-url');
    const used = new Set();
    const reports = [];
    for (const spec of specs) {
        reports.push(await runContractCheck({
            ...shared,
            spec,
            lint: modes.includes('lint'),
            diff: modes.includes('diff'),
            live: modes.includes('live') ? live : undefined,
            accept,
            acceptUsed: used
        }));
    }
    const entries = accept?.ignore?.entries ?? [];
    const everyDiffRan = modes.includes('diff') && reports.every((r) => r.base !== undefined);
    return {
        modes,
        subject,
        specs: reports,
        ...(accept && (accept.ignore || accept.label)
            ? {
                accept: {
                    ...(accept.ignore ? { file: accept.ignore.file } : {}),
                    ...(accept.label ? { label: accept.label } : {}),
                    expired: entries.filter((e) => isExpired(e, accept.today)),
                    unused: everyDiffRan ? entries.filter((e) => !used.has(e) && !isExpired(e, accept.today)) : []
                }
            }
            : {}),
        notices: notices ?? []
    };
}

;// CONCATENATED MODULE: ./actions/contract-test/src/specs.ts
// Which files a step works on: the specs the `spec` input names (paths or globs, several allowed) and the
// Spectral ruleset at the workspace root when none is named (as Spectral's own CLI finds one).




const SPEC_EXTENSION = /\.(ya?ml|json)$/i;
/** Comma- or newline-separated entries, trimmed. */
function splitList(text) {
    return text
        .split(/[\r\n,]/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
/**
 * The specs to check, in the order given, each once. A path is taken as written (it may be anywhere, and a
 * missing one is reported where it is loaded); a glob matches YAML and JSON files inside the workspace, sorted,
 * and must match at least one.
 */
function expandSpecs(entries, root, label) {
    if (entries.length === 0)
        throw new errors/* ConfigurationError */.j1(`${label} is required`);
    const out = [];
    const add = (path) => {
        if (!out.includes(path))
            out.push(path);
    };
    for (const entry of entries) {
        if (!(0,glob/* isGlob */.fg)(entry)) {
            add((0,glob/* toPosix */.d7)(entry).replace(/^\.\//, ''));
            continue;
        }
        const absolute = (0,external_node_path_.resolve)(root, entry);
        // A glob picks files for you: what it picks stays inside the workspace, like everything the repository names.
        if ((0,external_node_path_.isAbsolute)(entry) || !(0,glob/* isInside */.FK)(root, absolute) || entry.split(/[\\/]/).includes('..'))
            throw new errors/* ConfigurationError */.j1(`${label}: the glob "${entry}" leaves the workspace; globs are relative to it`);
        const plan = (0,glob/* planGlobWalk */.xc)(entry, root);
        const matched = [];
        (0,glob/* walkFiles */.Fv)(plan.base, plan.depth, (path) => {
            if (plan.test.test(path) && SPEC_EXTENSION.test(path))
                matched.push((0,glob/* displayPath */.Gt)(path, root));
        });
        if (matched.length === 0)
            throw new errors/* ConfigurationError */.j1(`${label}: no YAML or JSON file matches "${entry}"`);
        for (const path of matched.sort())
            add(path);
    }
    return out;
}
/** What Spectral's CLI looks for in its working directory, data formats first (ours prefers them). */
const WORKSPACE_RULESETS = [
    '.spectral.yaml',
    '.spectral.yml',
    '.spectral.json',
    '.spectral.js',
    '.spectral.mjs',
    '.spectral.cjs'
];
/**
 * The ruleset file at the workspace root, when the step names none. A JavaScript one is returned like the
 * others: the ruleset policy refuses it unless allow-ruleset-code, with the same line as a named one.
 */
function findWorkspaceRuleset(root) {
    const present = WORKSPACE_RULESETS.filter((name) => {
        const path = (0,external_node_path_.join)(root, name);
        try {
            return (0,external_node_fs_.existsSync)(path) && (0,external_node_fs_.statSync)(path).isFile();
        }
        catch {
            return false;
        }
    });
    if (present.length === 0)
        return undefined;
    return { file: (0,glob/* toPosix */.d7)((0,external_node_path_.relative)(root, (0,external_node_path_.join)(root, present[0]))), ignored: present.slice(1) };
}

;// CONCATENATED MODULE: ./actions/contract-test/src/step-inputs.ts
// From the values a workflow (inputs) or a command line (flags) gives to the options of a step: the specs
// expanded, the modes checked, the ruleset found, the ignore file read, the live settings validated, the hooks
// file loaded only when named. Shared by main.ts and cli.ts; `label` names each setting the way its adapter
// does (`Input "mode"`, `--mode`), so every mistake is one line the user can act on.












/** Variables that carry the step's credentials: a child process (Dredd and the hooks it runs) gets none of them. */
const SECRET_VARIABLE = /^(INPUT_|CONTRACT_TEST_AUTH_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_|GITHUB_TOKEN$|GH_TOKEN$)/i;
function childEnv(env) {
    return Object.fromEntries(Object.entries(env).filter(([name]) => !SECRET_VARIABLE.test(name)));
}
/** Every form of the auth secrets that can show up in a log: values, passwords, and base64 of user:password. */
function authSecretForms(auth) {
    const out = new Set();
    const add = (value) => value && out.add(value);
    for (const value of [auth.bearer, auth.apiKey, auth.basic, ...Object.values(auth.schemes ?? {})]) {
        if (!value)
            continue;
        add(value);
        add(Buffer.from(value, 'utf8').toString('base64'));
        const colon = value.indexOf(':');
        if (colon > 0)
            add(value.slice(colon + 1));
    }
    return [...out];
}
/** A JSON object of scheme name to secret (the auth-schemes input, CONTRACT_TEST_AUTH_SCHEMES). */
function parseAuthSchemes(text, label) {
    if (text === undefined || text.trim() === '')
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        // Never quote the value: it is a secret.
        throw new errors/* ConfigurationError */.j1(`${label} must be a JSON object of security scheme name to secret; it is not JSON`);
    }
    if (parsed === null ||
        typeof parsed !== 'object' ||
        Array.isArray(parsed) ||
        !Object.values(parsed).every((v) => typeof v === 'string'))
        throw new errors/* ConfigurationError */.j1(`${label} must be a JSON object of security scheme name to secret (strings)`);
    return parsed;
}
function checkBaseUrl(url, label) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`${label} must be an http or https URL; got "${url}"`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        throw new errors/* ConfigurationError */.j1(`${label} must be an http or https URL; got "${parsed.protocol}" URL`);
}
async function liveOptions(values) {
    const { label } = values;
    const baseUrl = values.baseUrl;
    checkBaseUrl(baseUrl, label('base-url'));
    const engine = values.engine ?? 'ubos';
    if (engine !== 'ubos' && engine !== 'dredd')
        throw new errors/* ConfigurationError */.j1(`${label('engine')} must be ubos or dredd; got "${engine}"`);
    const checks = values.checks && !values.checks.includes('all') ? values.checks : undefined;
    for (const id of checks ?? []) {
        if (LIVE_CHECK_IDS.includes(id))
            continue;
        const guess = (0,suggest/* closestName */.N)(id, LIVE_CHECK_IDS);
        throw new errors/* ConfigurationError */.j1(`${label('checks')}: unknown live check "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}; use all or ids from ${LIVE_CHECK_IDS.join(', ')}`);
    }
    if (values.hooks !== undefined && values.eventName === 'pull_request_target')
        throw new errors/* ConfigurationError */.j1(`${label('hooks')}: a hooks file is never run in pull_request_target runs (they have the base repository's secrets and may check out the pull request's code)`);
    const options = {
        baseUrl,
        engine,
        checks,
        seed: values.seed,
        budget: values.budget,
        maxResponseTimeMs: values.maxResponseTimeMs,
        timeoutMs: values.requestTimeoutMs,
        concurrency: values.concurrency,
        auth: values.auth,
        againstBase: values.liveAgainstBase === true,
        changedOperations: values.changed,
        onProgress: values.onProgress
    };
    if (engine === 'dredd') {
        const command = findDredd(values.root, values.env?.PATH);
        if (command)
            options.dredd = { command, configFile: values.dreddConfig, env: childEnv(values.env ?? {}) };
        options.hooksFile = values.hooks;
    }
    else if (values.hooks !== undefined) {
        // Naming the file is the opt-in: this is the only place repository code is imported.
        options.hooks = await loadHooksFile(values.hooks, values.root);
    }
    return options;
}
async function stepOptions(values) {
    const { label, root } = values;
    const wanted = values.mode.filter((m) => !(values.lint === false && m === 'lint'));
    if (wanted.length === 0 && values.mode.length > 0)
        throw new errors/* ConfigurationError */.j1(`${label('lint')} is false and ${label('mode')} has nothing else to do (${values.mode.join(', ')})`);
    const modes = parseModes(wanted, label('mode'));
    const notices = [];
    if (modes.includes('live') && !values.baseUrl)
        throw new errors/* ConfigurationError */.j1(`${label('base-url')} is required when mode includes live (where the server listens)`);
    if (!modes.includes('live'))
        for (const setting of ['base-url', 'hooks'])
            if (values[setting === 'base-url' ? 'baseUrl' : 'hooks'])
                notices.push(`${label(setting)} is set but mode (${modes.join(', ')}) does not include live: not used`);
    const entries = typeof values.spec === 'string' ? splitList(values.spec) : values.spec;
    const specs = expandSpecs(entries, root, label('spec'));
    let ruleset = values.ruleset;
    let rulesetFound = false;
    if (ruleset === undefined && modes.includes('lint')) {
        const found = findWorkspaceRuleset(root);
        if (found) {
            ruleset = found.file;
            rulesetFound = true;
            if (found.ignored.length > 0)
                notices.push(`ruleset ${found.file} found at the workspace root is used; ${found.ignored.join(', ')} ignored`);
        }
    }
    const checkIds = ALL_CHECKS.map((c) => c.id);
    const ignore = modes.includes('diff')
        ? loadIgnoreFile(root, values.ignoreFile ?? DEFAULT_IGNORE_FILE, checkIds)
        : undefined;
    const levels = modes.includes('diff')
        ? loadCheckLevels(root, values.configFile ?? DEFAULT_CONFIG_FILE, checkIds)
        : undefined;
    if (levels && levels.levels.size > 0)
        notices.push(`check levels from ${levels.file}: ${[...levels.levels].map(([id, l]) => `${id} ${l}`).join(', ')}`);
    const labelName = values.acceptLabel?.trim() || undefined;
    const accept = {
        ...(ignore ? { ignore } : {}),
        ...(labelName ? { label: { name: labelName, present: (values.labels ?? []).includes(labelName) } } : {}),
        today: todayUtc()
    };
    const externalRefs = (0,external_refs/* parseExternalRefPolicy */.S9)([...values.allowExternalRefs], label('allow-external-refs'));
    return {
        root,
        specs,
        subject: specs.length === 1 ? specs[0] : entries.join(', '),
        modes,
        baseSpec: values.baseSpec,
        baseRef: values.baseRef,
        ruleset,
        rulesetFound,
        externalRefs,
        allowRulesetCode: values.allowRulesetCode,
        lintScope: parseLintScope(values.lintScope, label('lint-scope')),
        maxSpecBytes: values.maxSpecSize === undefined ? undefined : (0,load/* parseSpecSize */.sG)(values.maxSpecSize, label('max-spec-size')),
        ...(levels ? { levels: levels.levels } : {}),
        accept,
        ...(modes.includes('live') ? { live: await liveOptions(values) } : {}),
        notices
    };
}
const LINT_SCOPES = ['all', 'changed'];
function parseLintScope(value, label) {
    if (value === undefined || value === '')
        return 'all';
    if (LINT_SCOPES.includes(value))
        return value;
    const guess = (0,suggest/* closestName */.N)(value, LINT_SCOPES);
    throw new errors/* ConfigurationError */.j1(`${label} must be all or changed; got "${value}"${guess ? ` (did you mean "${guess}"?)` : ''}`);
}
/** The replay file of the step: each spec's section (a header line, then its failures) one after the other. */
function replayText(step) {
    const sections = step.specs.map((r) => r.replay).filter((t) => t !== undefined);
    return sections.length > 0 ? sections.join('') : undefined;
}
/** Writes the replay file asked for; returns a notice when there is nothing to write (no live run, Dredd). */
function writeReplayFile(step, root, path, setting = 'Input "replay-file"') {
    const text = replayText(step);
    if (text === undefined)
        return [
            `No replay file written: ${step.modes.includes('live') ? 'the dredd engine does not record exchanges for replay' : 'mode does not include live'}`
        ];
    writeReportFile(root, path, text, setting);
    return [];
}
/** Writes a report file the user asked for; a path that cannot be written is one line naming the setting. */
function writeReportFile(root, path, text, setting) {
    const absolute = (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(root, path);
    try {
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(absolute), { recursive: true });
        (0,external_node_fs_.writeFileSync)(absolute, text);
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`${setting}: cannot write ${path} (${error.code ?? String(error)})`);
    }
}

;// CONCATENATED MODULE: ./actions/contract-test/src/cli.ts
// `ubos-actions contract-test lint|diff|live|replay|checks`: the action's engine on the command line, with the
// same report, formats and --fail-on as every other command. Secrets for live testing come from environment
// variables, never flags, so they stay out of shell history and process lists:
//   CONTRACT_TEST_AUTH_BEARER, CONTRACT_TEST_AUTH_BASIC (user:password), CONTRACT_TEST_AUTH_API_KEY,
//   CONTRACT_TEST_AUTH_SCHEMES (JSON: {"schemeName": "secret"})












const cli_FORMATS = ['text', 'json', 'sarif', 'markdown', 'junit'];
const LIVE_FORMATS = ['text', 'json', 'junit', 'markdown'];
const EXTERNAL_REFS = {
    type: 'string',
    multiple: true,
    value: '<none|files|urls|all>',
    description: 'Which $refs leaving the spec folder are followed',
    default: 'none'
};
const MAX_SPEC_SIZE = {
    type: 'string',
    value: '<size>',
    description: 'Refuse a spec larger than this (YAML counts four times)',
    default: '13MiB'
};
const BASE_REF = {
    type: 'string',
    value: '<git-ref>',
    description: 'Compare with the spec as it is at this ref'
};
const IGNORE_FILE = {
    type: 'string',
    value: '<file>',
    description: 'Breaking changes accepted on purpose (read when it exists)',
    default: '.github/contract-test-ignore.yml'
};
const CONFIG_FILE = {
    type: 'string',
    value: '<file>',
    description: 'Check levels (checks: id -> error, warning, info or off; read when it exists)',
    default: '.github/contract-test.yml'
};
const LINT = {
    name: 'lint',
    summary: 'Lint OpenAPI specs with Spectral',
    usage: ['contract-test lint <spec|glob>... [options]'],
    flags: {
        ruleset: {
            type: 'string',
            value: '<file>',
            description: 'Spectral ruleset (YAML, JSON or JS); default: .spectral.yaml/.yml/.json here, else spectral:oas'
        },
        'allow-ruleset-code': {
            type: 'boolean',
            description: 'Run the code a ruleset brings (JavaScript rulesets, functions, JSONPath filters): trusted rulesets only'
        },
        'lint-scope': {
            type: 'string',
            value: '<all|changed>',
            description: 'changed: only what changed since --base-ref or --base-spec (and what it references)',
            default: 'all'
        },
        'base-ref': { ...BASE_REF, description: 'For --lint-scope changed: the git ref to compare with' },
        'base-spec': { type: 'string', value: '<file>', description: 'For --lint-scope changed: the spec to compare with' },
        'allow-external-refs': EXTERNAL_REFS,
        'max-spec-size': MAX_SPEC_SIZE,
        format: (0,command/* formatFlag */.AN)(cli_FORMATS),
        'fail-on': command/* FAIL_ON_FLAG */.EK
    }
};
const DIFF = {
    name: 'diff',
    summary: 'Find the breaking changes between two versions of a spec',
    usage: [
        'contract-test diff <base-spec> <head-spec> [options]',
        'contract-test diff --base-ref <git-ref> <spec|glob>... [options]'
    ],
    flags: {
        'base-ref': BASE_REF,
        'ignore-file': IGNORE_FILE,
        config: CONFIG_FILE,
        'allow-external-refs': EXTERNAL_REFS,
        'max-spec-size': MAX_SPEC_SIZE,
        format: (0,command/* formatFlag */.AN)(cli_FORMATS),
        'fail-on': command/* FAIL_ON_FLAG */.EK
    }
};
const LIVE = {
    name: 'live',
    summary: 'Test a running server against its OpenAPI spec (credentials from the environment: CONTRACT_TEST_AUTH_BEARER, CONTRACT_TEST_AUTH_BASIC, CONTRACT_TEST_AUTH_API_KEY, CONTRACT_TEST_AUTH_SCHEMES)',
    usage: ['contract-test live <spec|glob>... --base-url <url> [options]'],
    flags: {
        'base-url': { type: 'string', value: '<url>', description: 'Where the server under test listens (required)' },
        checks: {
            type: 'string',
            multiple: true,
            value: '<all|id,...>',
            description: 'Live checks to run',
            default: 'all'
        },
        seed: { type: 'string', value: '<n>', description: 'Seed of the generated requests', default: '1' },
        budget: { type: 'string', value: '<n>', description: 'Most requests to send per spec', default: '1000' },
        'max-response-time': {
            type: 'string',
            value: '<duration>',
            description: 'Fail max-response-time above this p95 (e.g. 500ms); off when not given'
        },
        'request-timeout': { type: 'string', value: '<duration>', description: 'Per request', default: '10s' },
        concurrency: { type: 'string', value: '<n>', description: 'Requests in flight at once', default: '4' },
        hooks: { type: 'string', value: '<file>', description: 'Hooks file (Dredd names); naming it runs its code' },
        changed: {
            type: 'string',
            multiple: true,
            value: '<"METHOD /path">',
            description: 'Operations to test first and report apart'
        },
        'base-spec': { type: 'string', value: '<file>', description: 'Test the operations changed since this spec first' },
        'base-ref': { ...BASE_REF, description: 'Test the operations changed since this ref first' },
        'live-against-base': { type: 'boolean', description: 'Also run the base version of the spec against the server' },
        engine: { type: 'string', value: '<ubos|dredd>', description: 'Live engine', default: 'ubos' },
        'dredd-config': { type: 'string', value: '<file>', description: 'dredd.yml for engine dredd' },
        'junit-file': { type: 'string', value: '<file>', description: 'Also write JUnit XML there' },
        'replay-file': { type: 'string', value: '<file>', description: 'Write the failing exchanges there (NDJSON)' },
        'allow-external-refs': EXTERNAL_REFS,
        'max-spec-size': MAX_SPEC_SIZE,
        format: (0,command/* formatFlag */.AN)(LIVE_FORMATS),
        'fail-on': command/* FAIL_ON_FLAG */.EK
    }
};
const REPLAY = {
    name: 'replay',
    summary: 'Send the failing exchanges of a replay file again and re-check them',
    usage: ['contract-test replay <replay-file> --base-url <url> [options]'],
    flags: {
        'base-url': { type: 'string', value: '<url>', description: 'Where to send the requests again (required)' },
        'request-timeout': { type: 'string', value: '<duration>', description: 'Per request', default: '10s' },
        format: (0,command/* formatFlag */.AN)(LIVE_FORMATS),
        'fail-on': command/* FAIL_ON_FLAG */.EK
    }
};
const CHECKS = {
    name: 'checks',
    summary: 'List the breaking-change checks with their levels, or the live checks',
    usage: ['contract-test checks [--config <file>] [--live] [--format text|json]'],
    flags: {
        live: { type: 'boolean', description: 'List the live checks instead' },
        config: { ...CONFIG_FILE, description: 'Show the levels this config file sets beside the defaults' },
        format: (0,command/* formatFlag */.AN)(['text', 'json'])
    }
};
function cli_parse(usage, argv) {
    return (0,command/* parseFlags */.bQ)(argv, usage.flags);
}
function wholeNumber(value, flag) {
    if (value === undefined)
        return undefined;
    if (!/^-?\d+$/.test(value.trim()))
        throw new errors/* ConfigurationError */.j1(`${flag} must be a whole number; got "${value}"`);
    return Number(value);
}
function cli_duration(value, flag) {
    if (value === undefined)
        return undefined;
    try {
        return (0,duration/* parseDuration */.E9)(value);
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`${flag}: ${error.message}`);
    }
}
function list(values) {
    const items = (values ?? [])
        .flatMap((v) => v.split(/[\r\n,]/))
        .map((v) => v.trim())
        .filter(Boolean);
    return items.length > 0 ? items : undefined;
}
/** The auth secrets from the environment variables named at the top of this file. */
function authFromEnv(env) {
    const value = (name) => (env[name] ? env[name] : undefined);
    const auth = {};
    if (value('CONTRACT_TEST_AUTH_BEARER'))
        auth.bearer = value('CONTRACT_TEST_AUTH_BEARER');
    if (value('CONTRACT_TEST_AUTH_BASIC'))
        auth.basic = value('CONTRACT_TEST_AUTH_BASIC');
    if (value('CONTRACT_TEST_AUTH_API_KEY'))
        auth.apiKey = value('CONTRACT_TEST_AUTH_API_KEY');
    const schemes = parseAuthSchemes(value('CONTRACT_TEST_AUTH_SCHEMES'), 'CONTRACT_TEST_AUTH_SCHEMES');
    if (schemes)
        auth.schemes = schemes;
    return auth;
}
function base(io, values) {
    return {
        root: io.cwd,
        allowExternalRefs: values['allow-external-refs'] ?? [],
        allowRulesetCode: false,
        maxSpecSize: values['max-spec-size'],
        env: io.env ?? process.env,
        label: (name) => `--${name}`
    };
}
async function check(values, mode, io) {
    return runContractStep(await stepOptions({ ...values, mode, onProgress: (line) => io.stderr(`${line}\n`) }));
}
/**
 * The diff checks with their default level and, where the config file (read as the diff reads it: the default
 * file when it exists) sets one, the configured level. `level` stays the default; `configured` is added.
 */
function checksListing(root, config, format) {
    const ids = ALL_CHECKS.map((c) => c.id);
    const levels = loadCheckLevels(root, config ?? DEFAULT_CONFIG_FILE, ids)?.levels ?? new Map();
    const rows = ALL_CHECKS.map((c) => {
        const configured = levels.get(c.id);
        return { id: c.id, level: c.level, ...(configured ? { configured } : {}), description: c.description };
    });
    if (format === 'json')
        return JSON.stringify(rows, null, 2) + '\n';
    if (levels.size === 0)
        return rows.map((c) => `${c.level.padEnd(7)} ${c.id}  ${c.description}`).join('\n') + '\n';
    // A second column for the configured level: "error   -> off      endpoint-removed  ...".
    return (rows
        .map((c) => `${c.level.padEnd(7)} ${(c.configured ? `-> ${c.configured}` : '').padEnd(10)} ${c.id}  ${c.description}`)
        .join('\n') + '\n');
}
const cli_command = {
    name: 'contract-test',
    summary: 'Lint an OpenAPI spec (Spectral), find breaking changes between two versions, test a running server',
    usage: [...LINT.usage, ...DIFF.usage, ...LIVE.usage, ...REPLAY.usage, ...CHECKS.usage],
    flags: {},
    subcommands: [LINT, DIFF, LIVE, REPLAY, CHECKS],
    async run(argv, io) {
        const [sub, ...rest] = argv;
        if (sub === 'checks') {
            const { values } = cli_parse(CHECKS, rest);
            const format = (0,command/* parseFormat */.Xc)(values.format, ['text', 'json'], 'text');
            if (values.live) {
                if (values.config !== undefined)
                    throw new errors/* ConfigurationError */.j1('--config sets the levels of the diff checks; it does not apply with --live');
                const rows = LIVE_CHECKS.map((c) => ({ id: c.id, level: 'error', description: c.title }));
                io.stdout(format === 'json'
                    ? JSON.stringify(rows, null, 2) + '\n'
                    : rows.map((c) => `${c.id}  ${c.description}`).join('\n') + '\n');
                return 0;
            }
            io.stdout(checksListing(io.cwd, values.config, format));
            return 0;
        }
        if (sub === 'lint') {
            const { values, positionals } = cli_parse(LINT, rest);
            const format = (0,command/* parseFormat */.Xc)(values.format, cli_FORMATS, 'text');
            const failOn = (0,command/* parseFailOnFlag */.nI)(values['fail-on']);
            if (positionals.length === 0)
                throw new errors/* ConfigurationError */.j1(`lint takes one or more specs; usage: ubos-actions ${LINT.usage[0]}`);
            if (values['lint-scope'] === 'changed' && !values['base-ref'] && !values['base-spec'])
                throw new errors/* ConfigurationError */.j1('--lint-scope changed needs --base-ref or --base-spec to know what changed');
            const step = await check({
                ...base(io, values),
                spec: positionals,
                mode: [],
                ruleset: values.ruleset,
                allowRulesetCode: values['allow-ruleset-code'] === true,
                lintScope: values['lint-scope'],
                baseRef: values['base-ref'],
                baseSpec: values['base-spec']
            }, ['lint'], io);
            return (0,command/* printReport */.Y_)(contractReport(step), format, failOn, io);
        }
        if (sub === 'diff') {
            const { values, positionals } = cli_parse(DIFF, rest);
            const format = (0,command/* parseFormat */.Xc)(values.format, cli_FORMATS, 'text');
            const failOn = (0,command/* parseFailOnFlag */.nI)(values['fail-on']);
            const byRef = values['base-ref'] !== undefined;
            if (byRef ? positionals.length === 0 : positionals.length !== 2)
                throw new errors/* ConfigurationError */.j1(`diff takes a base and a head spec, or --base-ref and specs; usage: ubos-actions ${DIFF.usage.join(' | ')}`);
            const step = await check({
                ...base(io, values),
                spec: byRef ? positionals : [positionals[1]],
                mode: [],
                baseSpec: byRef ? undefined : positionals[0],
                baseRef: values['base-ref'],
                ignoreFile: values['ignore-file'],
                configFile: values.config
            }, ['diff'], io);
            for (const r of step.specs)
                if (r.diffSkipped)
                    io.stderr(`diff skipped: ${r.diffSkipped}\n`);
            return (0,command/* printReport */.Y_)(contractReport(step), format, failOn, io);
        }
        if (sub === 'live') {
            const { values, positionals } = cli_parse(LIVE, rest);
            const format = (0,command/* parseFormat */.Xc)(values.format, LIVE_FORMATS, 'text');
            const failOn = (0,command/* parseFailOnFlag */.nI)(values['fail-on']);
            if (positionals.length === 0)
                throw new errors/* ConfigurationError */.j1(`live takes one or more specs; usage: ubos-actions ${LIVE.usage[0]}`);
            if (!values['base-url'])
                throw new errors/* ConfigurationError */.j1('live needs --base-url (where the server under test listens)');
            const step = await check({
                ...base(io, values),
                spec: positionals,
                mode: [],
                baseSpec: values['base-spec'],
                baseRef: values['base-ref'],
                baseUrl: values['base-url'],
                checks: list(values.checks),
                seed: wholeNumber(values.seed, '--seed'),
                budget: wholeNumber(values.budget, '--budget'),
                maxResponseTimeMs: cli_duration(values['max-response-time'], '--max-response-time'),
                requestTimeoutMs: cli_duration(values['request-timeout'], '--request-timeout'),
                concurrency: wholeNumber(values.concurrency, '--concurrency'),
                auth: authFromEnv(io.env ?? process.env),
                hooks: values.hooks,
                engine: values.engine,
                dreddConfig: values['dredd-config'],
                liveAgainstBase: values['live-against-base'] === true,
                changed: values.changed ? parseOperationList(values.changed, '--changed') : undefined
            }, ['live'], io);
            const report = contractReport(step);
            if (values['junit-file'])
                writeReportFile(io.cwd, values['junit-file'], report.junit(), '--junit-file');
            if (values['replay-file'])
                for (const notice of writeReplayFile(step, io.cwd, values['replay-file'], '--replay-file'))
                    io.stderr(`${notice}\n`);
            return (0,command/* printReport */.Y_)(report, format, failOn, io);
        }
        if (sub === 'replay') {
            const { values, positionals } = cli_parse(REPLAY, rest);
            const format = (0,command/* parseFormat */.Xc)(values.format, LIVE_FORMATS, 'text');
            const failOn = (0,command/* parseFailOnFlag */.nI)(values['fail-on']);
            if (positionals.length !== 1)
                throw new errors/* ConfigurationError */.j1(`replay takes one replay file; usage: ubos-actions ${REPLAY.usage[0]}`);
            if (!values['base-url'])
                throw new errors/* ConfigurationError */.j1('replay needs --base-url (where to send the requests again)');
            const file = positionals[0];
            let text;
            try {
                text = (0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(io.cwd, file), 'utf8');
            }
            catch (error) {
                throw new errors/* ConfigurationError */.j1(`cannot read ${file}: ${error.code ?? String(error)}`);
            }
            const result = await replayFailures({
                text,
                file,
                baseUrl: values['base-url'],
                auth: authFromEnv(io.env ?? process.env),
                timeoutMs: cli_duration(values['request-timeout'], '--request-timeout')
            });
            return (0,command/* printReport */.Y_)(replayReport(result, file), format, failOn, io);
        }
        throw new errors/* ConfigurationError */.j1(`unknown subcommand "${sub ?? ''}": use lint, diff, live, replay or checks (ubos-actions contract-test --help)`);
    }
};


/***/ }),

/***/ 1753:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S9: () => (/* binding */ parseExternalRefPolicy),
/* harmony export */   St: () => (/* binding */ fetchRemoteText),
/* harmony export */   Tq: () => (/* binding */ NO_EXTERNAL_REFS),
/* harmony export */   U6: () => (/* binding */ DEFAULT_REMOTE_TIMEOUT_MS)
/* harmony export */ });
/* unused harmony export EXTERNAL_REF_VALUES */
/* harmony import */ var _shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76088);
/* harmony import */ var _shared_src_lib_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58719);
/* harmony import */ var _shared_src_lib_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(53570);
// The policy for $refs that leave the workspace (files elsewhere on disk, http(s) URLs) and the one way both the
// loader and Spectral's resolver fetch a URL: a timeout, a size cap enforced while the body streams in, and
// messages that never carry a credential from the URL.



const NO_EXTERNAL_REFS = Object.freeze({ files: false, urls: false });
const EXTERNAL_REF_VALUES = ['none', 'files', 'urls', 'all'];
/**
 * Parses the `allow-external-refs` input / `--allow-external-refs` flag: a comma- or newline-separated list of
 * none, files, urls, all. Empty means none; `none` cannot be combined with anything else.
 */
function parseExternalRefPolicy(values, what = 'allow-external-refs') {
    const items = values
        .flatMap((value) => value.split(/[\r\n,]/))
        .map((item) => item.trim().toLowerCase())
        .filter((item) => item !== '');
    const policy = { files: false, urls: false };
    for (const item of items) {
        if (item === 'files' || item === 'all')
            policy.files = true;
        if (item === 'urls' || item === 'all')
            policy.urls = true;
        if (!EXTERNAL_REF_VALUES.includes(item))
            throw new _shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${what} must be none, files, urls or all (or "files, urls"); got "${item}"`);
    }
    if (items.includes('none') && (policy.files || policy.urls))
        throw new _shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${what}: "none" cannot be combined with other values`);
    return policy;
}
const DEFAULT_REMOTE_TIMEOUT_MS = 10_000;
/**
 * GETs a remote $ref target and returns its text. Throws ConfigurationError with one line that names the
 * (redacted) URL: not http(s), a timeout, a refused connection, a non-2xx status, a body over the cap, too many
 * redirects. Redirects are followed by fetch, which gives up after 20.
 */
async function fetchRemoteText(url, options) {
    const shown = (0,_shared_src_lib_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrl */ .BO)(url);
    let protocol;
    try {
        protocol = new URL(url).protocol;
    }
    catch {
        throw new _shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${shown} is not a valid URL`);
    }
    if (protocol !== 'http:' && protocol !== 'https:')
        throw new _shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${shown}: only http and https URLs are fetched`);
    let response;
    try {
        response = await (0,_shared_src_lib_http_js__WEBPACK_IMPORTED_MODULE_1__/* .httpRequest */ .aj)(url, {
            headers: { accept: 'application/yaml, application/json;q=0.9, text/yaml;q=0.8, */*;q=0.5' },
            timeoutMs: options.timeoutMs ?? DEFAULT_REMOTE_TIMEOUT_MS,
            maxBodyBytes: options.maxBytes,
            retries: 0
        });
    }
    catch (error) {
        if (error instanceof _shared_src_lib_http_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpError */ .j$) {
            const reason = error.message.includes('larger than')
                ? `${shown}: the response is larger than the limit of ${options.maxBytes} bytes`
                : error.message;
            throw new _shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(reason);
        }
        throw error;
    }
    if (response.status < 200 || response.status > 299)
        throw new _shared_src_lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`GET ${shown} returned HTTP ${response.status}`);
    return response.body;
}


/***/ }),

/***/ 1659:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CR: () => (/* binding */ DEFAULT_MAX_FILE_BYTES),
  ri: () => (/* binding */ DEFAULT_MAX_SPEC_BYTES),
  KZ: () => (/* binding */ SpecSizeBudget),
  FB: () => (/* binding */ expandedNodeCount),
  C9: () => (/* binding */ loadSpecAsync),
  gw: () => (/* binding */ looksLikeJson),
  sG: () => (/* binding */ parseSpecSize),
  gJ: () => (/* binding */ parseSpecText)
});

// UNUSED EXPORTS: MAX_ALIAS_EXPANSION, MAX_JSON_VALUES, MAX_REMOTE_DOCUMENTS, MAX_YAML_TOKENS, YAML_SIZE_WEIGHT, loadSpec, readSpecText

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./shared/src/lib/errors.ts
var errors = __webpack_require__(76088);
// EXTERNAL MODULE: ./shared/src/lib/redact.ts
var redact = __webpack_require__(53570);
// EXTERNAL MODULE: ./shared/src/lib/text.ts
var lib_text = __webpack_require__(33588);
// EXTERNAL MODULE: ./actions/contract-test/src/spec/external-refs.ts
var external_refs = __webpack_require__(1753);
;// CONCATENATED MODULE: ./actions/contract-test/src/spec/json-source.ts
class NotJson extends Error {
}
class TooManyValues extends Error {
}
/** Deeper documents go through the YAML reader, which refuses what it cannot nest (as it always did). */
const MAX_DEPTH = 256;
const WHITE = new Uint8Array(128);
WHITE[0x20] = WHITE[0x09] = WHITE[0x0a] = WHITE[0x0d] = 1;
/** The offsets where lines start, as yaml's LineCounter records them (after every "\n"). */
function lineStarts(text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        starts.push(i + 1);
    return starts;
}
/** Parses strict JSON (a leading BOM allowed); undefined when the text is not strict JSON. */
function parseJsonSource(text, hooks) {
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const n = text.length;
    const skip = () => {
        while (i < n) {
            const c = text.charCodeAt(i);
            if (c < 128 && WHITE[c] === 1)
                i++;
            else
                break;
        }
    };
    const string = () => {
        // i is at the opening quote
        const start = ++i;
        let out;
        let chunk = start;
        while (i < n) {
            const c = text.charCodeAt(i);
            if (c === 0x22) {
                const tail = text.slice(chunk, i);
                i++;
                return out === undefined ? tail : out + tail;
            }
            if (c < 0x20)
                throw new NotJson();
            if (c === 0x5c) {
                out = (out ?? '') + text.slice(chunk, i);
                const e = text.charCodeAt(i + 1);
                i += 2;
                switch (e) {
                    case 0x22:
                        out += '"';
                        break;
                    case 0x5c:
                        out += '\\';
                        break;
                    case 0x2f:
                        out += '/';
                        break;
                    case 0x62:
                        out += '\b';
                        break;
                    case 0x66:
                        out += '\f';
                        break;
                    case 0x6e:
                        out += '\n';
                        break;
                    case 0x72:
                        out += '\r';
                        break;
                    case 0x74:
                        out += '\t';
                        break;
                    case 0x75: {
                        const hex = text.slice(i, i + 4);
                        if (!/^[0-9a-fA-F]{4}$/.test(hex))
                            throw new NotJson();
                        out += String.fromCharCode(parseInt(hex, 16));
                        i += 4;
                        break;
                    }
                    default:
                        throw new NotJson();
                }
                chunk = i;
                continue;
            }
            i++;
        }
        throw new NotJson();
    };
    const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    const number = () => {
        NUMBER.lastIndex = i;
        const match = NUMBER.exec(text);
        if (!match || match[0] === '-' || match[0] === '')
            throw new NotJson();
        i += match[0].length;
        return Number(match[0]);
    };
    const literal = (word, value) => {
        if (!text.startsWith(word, i))
            throw new NotJson();
        i += word.length;
        return value;
    };
    const maxValues = hooks.maxValues ?? Number.POSITIVE_INFINITY;
    let values = 0;
    const stack = [];
    /** Reads a scalar, or opens a container (pushed on the stack) and returns it. */
    const begin = () => {
        if (++values > maxValues)
            throw new TooManyValues();
        const c = text.charCodeAt(i);
        if (c === 0x7b) {
            if (stack.length >= MAX_DEPTH)
                throw new NotJson();
            const value = {};
            const keys = new Map();
            hooks.container(value, i, keys);
            i++;
            stack.push({ kind: 'object', value, keys });
            return value;
        }
        if (c === 0x5b) {
            if (stack.length >= MAX_DEPTH)
                throw new NotJson();
            const value = [];
            const keys = new Map();
            hooks.container(value, i, keys);
            i++;
            stack.push({ kind: 'array', value, keys });
            return value;
        }
        if (c === 0x22)
            return string();
        if (c === 0x74)
            return literal('true', true);
        if (c === 0x66)
            return literal('false', false);
        if (c === 0x6e)
            return literal('null', null);
        return number();
    };
    try {
        skip();
        if (i >= n)
            return undefined;
        const root = begin();
        // After a container opens, the next token is a key / item or its closing bracket; after a value, a comma or
        // the closing bracket.
        let afterValue = false;
        while (stack.length > 0) {
            skip();
            const frame = stack[stack.length - 1];
            const c = text.charCodeAt(i);
            const close = frame.kind === 'object' ? 0x7d : 0x5d;
            if (c === close) {
                const empty = frame.kind === 'object' ? frame.keys.size === 0 && !afterValue : frame.value.length === 0;
                if (!afterValue && !empty)
                    throw new NotJson();
                i++;
                stack.pop();
                afterValue = true;
                continue;
            }
            if (afterValue) {
                if (c !== 0x2c)
                    throw new NotJson();
                i++;
                skip();
            }
            const depth = stack.length;
            if (frame.kind === 'object') {
                if (text.charCodeAt(i) !== 0x22)
                    throw new NotJson();
                const at = i;
                const key = string();
                skip();
                if (text.charCodeAt(i) !== 0x3a)
                    throw new NotJson();
                i++;
                skip();
                if (frame.keys.has(key))
                    hooks.duplicateKey(key, at);
                frame.keys.set(key, at);
                hooks.setKey(frame.value, key, begin());
            }
            else {
                frame.keys.set(String(frame.value.length), i);
                frame.value.push(begin());
            }
            afterValue = stack.length === depth;
        }
        skip();
        if (i !== n)
            return undefined;
        hooks.counted?.(values, false);
        return root;
    }
    catch (error) {
        if (error instanceof TooManyValues) {
            hooks.counted?.(values, true);
            return undefined;
        }
        if (error instanceof NotJson || error instanceof RangeError)
            return undefined;
        throw error;
    }
}

// EXTERNAL MODULE: ./actions/contract-test/src/spec/memory.ts
var memory = __webpack_require__(45206);
;// CONCATENATED MODULE: ./actions/contract-test/src/spec/yaml-source.ts
// A YAML reader for the loader that builds plain values straight from yaml's lexer tokens. yaml's own Parser keeps
// the whole concrete syntax tree of a file and its Composer a node object per value, pair and key: for a generated
// 20 MB spec the Parser alone took 12.5 s and 880 MB, the lexer 2.2 s. This reader walks the token stream once,
// keeps only values and the offsets the source map needs, and lets yaml resolve every scalar (CST.resolveAsScalar,
// the core schema's own tag tests), so values are yaml's. It reads only the block and flow YAML that descriptions
// are written in; anything else (tags, directives, explicit keys, several documents, anything yaml would report,
// duplicate keys, aliases past the expansion cap) makes it give up, and the loader reads the text through yaml's
// document model as before, with the same values, errors and messages.

class GiveUp extends Error {
}
const giveUp = () => {
    throw new GiveUp();
};
// Token kinds.
const EOF = 0;
const NEWLINE = 1;
const SPACE = 2;
const PLAIN = 3;
const SINGLE = 4;
const DOUBLE = 5;
const BLOCK_HEADER = 6;
const COMMENT = 7;
const ANCHOR = 8;
const ALIAS = 9;
const SEQ_ITEM = 10;
const MAP_VALUE = 11;
const FLOW_MAP_START = 12;
const FLOW_MAP_END = 13;
const FLOW_SEQ_START = 14;
const FLOW_SEQ_END = 15;
const COMMA = 16;
const DOC_START = 17;
const BOM = 18;
const OTHER = 19;
/** The body of a block scalar. */
const BODY = 20;
function kindOf(source) {
    switch (source) {
        case '\n':
        case '\r\n':
        case '':
            return NEWLINE;
        case '-':
            return SEQ_ITEM;
        case ':':
            return MAP_VALUE;
        case '{':
            return FLOW_MAP_START;
        case '}':
            return FLOW_MAP_END;
        case '[':
            return FLOW_SEQ_START;
        case ']':
            return FLOW_SEQ_END;
        case ',':
            return COMMA;
        case '---':
            return DOC_START;
        case '\uFEFF':
            return BOM;
    }
    switch (source.charCodeAt(0)) {
        case 0x20:
        case 0x09:
            return SPACE;
        case 0x23:
            return COMMENT;
        case 0x26:
            return ANCHOR;
        case 0x2a:
            return ALIAS;
        case 0x27:
            return SINGLE;
        case 0x22:
            return DOUBLE;
        case 0x7c:
        case 0x3e:
            return BLOCK_HEADER;
    }
    // Tags, directives, "?", "...", and the lexer's markers for errors.
    return OTHER;
}
let coreTags;
/** The scalar tags a plain scalar is tested against, in the order yaml's composer tests them. */
function scalarTags() {
    if (!coreTags) {
        const document = new dist.Document();
        const tags = document.schema.tags.filter((tag) => tag.default === true && tag.test);
        coreTags = { tags, options: document.options };
    }
    return coreTags;
}
// Only these can start a plain scalar the core schema reads as null, a boolean or a number (or it is empty: null).
const MAY_RESOLVE = /^(?:[-+.0-9~nNtTfF]|$)/;
/**
 * Parses one YAML document into plain values; undefined when the text is outside what this reader reads or not
 * valid YAML (the loader then reads it through yaml's document model, which reports the error).
 */
function parseYamlSource(text, hooks) {
    const { tags, options } = scalarTags();
    const tokens = new dist.Lexer().lex(text);
    let count = 0;
    let scalarNext = false;
    /** The next scalar the lexer announces is a block scalar's body. */
    let expectBody = false;
    let end = 0;
    let nextLineStart = 0;
    // The current token: kind, source, offset, the offset its line starts at, whether it is the first token of its
    // line after the indentation, and the kind of the token before it.
    let kind = EOF;
    let source = '';
    let offset = 0;
    let lineStart = 0;
    let first = true;
    let previous = EOF;
    /** Whether the current token is a line's indentation. */
    let indentation = false;
    // One token of lookahead (a scalar followed by ":" is a key), kept in variables of its own: a key is peeked at
    // every line, and an array per peek was measurable garbage.
    let peeked = false;
    let pKind = EOF;
    let pSource = '';
    let pOffset = 0;
    let pLineStart = 0;
    let pFirst = false;
    let pPrevious = EOF;
    let pIndentation = false;
    const read = () => {
        const lineBegins = kind === NEWLINE || kind === BODY || (kind === EOF && end === 0);
        previous = kind;
        for (;;) {
            const next = tokens.next();
            if (next.done) {
                kind = EOF;
                source = '';
                offset = end;
                lineStart = nextLineStart;
                first = lineBegins;
                return;
            }
            if (++count > hooks.maxTokens)
                giveUp();
            const token = next.value;
            if (token === '\x02')
                continue; // the lexer's doc-mode marker: no source
            if (token === '\x1f') {
                scalarNext = true;
                continue;
            }
            source = token;
            offset = end;
            end += token.length;
            lineStart = nextLineStart;
            if (scalarNext) {
                scalarNext = false;
                kind = expectBody ? BODY : PLAIN;
                expectBody = false;
            }
            else
                kind = kindOf(token);
            if (kind === NEWLINE)
                nextLineStart = end;
            else if (kind === PLAIN || kind === SINGLE || kind === DOUBLE || kind === BODY) {
                const nl = token.lastIndexOf('\n');
                if (nl >= 0)
                    nextLineStart = offset + nl + 1;
            }
            if (kind === SPACE) {
                indentation = lineBegins;
                first = false;
            }
            else {
                first = lineBegins || (previous === SPACE && indentation);
                indentation = false;
            }
            return;
        }
    };
    const advance = () => {
        if (!peeked)
            return read();
        peeked = false;
        kind = pKind;
        source = pSource;
        offset = pOffset;
        lineStart = pLineStart;
        first = pFirst;
        previous = pPrevious;
        indentation = pIndentation;
    };
    /** The kind of the token after the current one. */
    const peekKind = () => {
        if (peeked)
            return pKind;
        const k = kind;
        const s = source;
        const o = offset;
        const l = lineStart;
        const f = first;
        const p = previous;
        const i = indentation;
        read();
        pKind = kind;
        pSource = source;
        pOffset = offset;
        pLineStart = lineStart;
        pFirst = first;
        pPrevious = previous;
        pIndentation = indentation;
        kind = k;
        source = s;
        offset = o;
        lineStart = l;
        first = f;
        previous = p;
        indentation = i;
        peeked = true;
        return pKind;
    };
    const column = () => offset - lineStart;
    const noTab = () => {
        if (source.includes('\t'))
            giveUp();
    };
    /** Spaces, comments and line ends up to the next token with content; whether a line end was crossed. */
    const skipBlank = () => {
        let crossed = false;
        for (;;) {
            if (kind === SPACE)
                noTab();
            // yaml refuses a comment glued to the token before it.
            else if (kind === COMMENT) {
                if (previous !== SPACE && !first)
                    giveUp();
            }
            else if (kind === NEWLINE)
                crossed = true;
            else
                return crossed;
            advance();
        }
    };
    /** After a value on a block line: optional spaces and a comment, the line end, then on to the next content. */
    const endLine = () => {
        if (kind === SPACE) {
            noTab();
            advance();
        }
        if (kind === COMMENT) {
            if (previous !== SPACE)
                giveUp();
            advance();
        }
        if (kind !== NEWLINE && kind !== EOF)
            giveUp();
        skipBlank();
    };
    /** Continuation lines of a multi-line scalar must be indented past the block it is in. */
    const checkContinuation = (value, blockIndent) => {
        for (let nl = value.indexOf('\n'); nl >= 0; nl = value.indexOf('\n', nl + 1)) {
            let i = nl + 1;
            while (value.charCodeAt(i) === 0x20)
                i++;
            const c = value.charCodeAt(i);
            if (c === 0x09)
                giveUp();
            if (i - nl - 1 <= blockIndent && c !== 0x0a && c !== 0x0d && i < value.length)
                giveUp();
        }
    };
    const onError = () => giveUp();
    const anchors = new Map();
    let aliasExpansion = 0;
    // What the node parsed last stands for once aliases are expanded, and where it starts (what yaml's range[0] is).
    let lastSize = 0;
    let lastOffset = 0;
    /** The value of the current plain or quoted scalar (plain ones through the core schema). */
    const scalar = (blockIndent) => {
        lastOffset = offset;
        lastSize = 1;
        if (kind === PLAIN) {
            let value = source;
            if (value.includes('\n')) {
                checkContinuation(value, blockIndent);
                value = dist.CST.resolveAsScalar({ type: 'scalar', offset, indent: 0, source }, true, onError).value;
            }
            else {
                const c = value.charCodeAt(0);
                // What a plain scalar may not start with (yaml reports it).
                if (c === 0x2c || c === 0x25 || c === 0x7c || c === 0x3e || c === 0x40 || c === 0x60 || c === 0x09)
                    giveUp();
            }
            if (!MAY_RESOLVE.test(value))
                return value;
            for (const tag of tags) {
                if (!tag.test.test(value))
                    continue;
                let resolved = tag.resolve(value, onError, options);
                // Some tags resolve to a Scalar node (null, booleans), the others to the value.
                if ((0,dist.isScalar)(resolved))
                    resolved = resolved.value;
                if (typeof resolved === 'bigint')
                    return Number(resolved);
                if (resolved === null || typeof resolved === 'number' || typeof resolved === 'boolean')
                    return resolved;
                return giveUp();
            }
            return value;
        }
        if (source.includes('\n'))
            checkContinuation(source, blockIndent);
        const type = kind === SINGLE ? 'single-quoted-scalar' : 'double-quoted-scalar';
        return dist.CST.resolveAsScalar({ type, offset, indent: 0, source }, true, onError).value;
    };
    /** A plain or quoted scalar on one line, as yaml allows implicit keys. */
    const isKeyToken = () => (kind === PLAIN || kind === SINGLE || kind === DOUBLE) && source.length <= 1000 && !source.includes('\n');
    const alias = () => {
        const anchor = anchors.get(source.slice(1));
        // An alias of an anchor not defined yet, or of the node it is inside: yaml reports or expands it.
        if (!anchor)
            return giveUp();
        aliasExpansion += anchor.size;
        if (aliasExpansion > hooks.maxAliasExpansion)
            giveUp();
        lastSize = anchor.size;
        lastOffset = offset;
        return anchor.value;
    };
    const define = (name, value) => {
        if (anchors.has(name))
            giveUp();
        anchors.set(name, { value, size: lastSize });
    };
    /** A flow collection; `blockIndent` is the indentation of the block it is in (-1 at the top). */
    const flow = (blockIndent) => {
        const isMap = kind === FLOW_MAP_START;
        const start = offset;
        const keys = new Map();
        const object = {};
        const array = [];
        const value = isMap ? object : array;
        hooks.container(value, start, keys);
        let size = 1;
        const written = new Set();
        const close = isMap ? FLOW_MAP_END : FLOW_SEQ_END;
        const space = () => {
            if (skipBlank() && kind !== EOF && blockIndent >= 0 && column() <= blockIndent)
                giveUp();
        };
        advance();
        for (;;) {
            space();
            if (kind === close)
                break;
            if (isMap) {
                // Merge keys in flow mappings are left to yaml's reading.
                if (!isKeyToken() || (kind === PLAIN && source === '<<'))
                    giveUp();
                const keyAt = offset;
                const key = String(scalar(blockIndent));
                advance();
                let item = null;
                let itemSize = 1;
                if (kind === MAP_VALUE) {
                    advance();
                    space();
                    if (kind !== COMMA && kind !== close) {
                        item = flowNode(blockIndent);
                        itemSize = lastSize;
                        advance();
                    }
                }
                if (written.has(key))
                    giveUp();
                written.add(key);
                keys.set(key, keyAt);
                hooks.setKey(object, key, item);
                size += 1 + itemSize;
            }
            else {
                const item = flowNode(blockIndent);
                keys.set(String(array.length), lastOffset);
                array.push(item);
                size += lastSize;
                advance();
            }
            space();
            if (kind === close)
                break;
            if (kind !== COMMA)
                giveUp();
            advance();
        }
        lastSize = size;
        lastOffset = start;
        return value;
    };
    /** One value inside a flow collection; leaves the current token on its last token. */
    const flowNode = (blockIndent) => {
        if (kind === ANCHOR) {
            const name = source.slice(1);
            advance();
            if (kind !== SPACE)
                giveUp();
            noTab();
            advance();
            const value = flowNode(blockIndent);
            define(name, value);
            return value;
        }
        if (kind === ALIAS)
            return alias();
        if (kind === FLOW_MAP_START || kind === FLOW_SEQ_START)
            return flow(blockIndent);
        if (kind === PLAIN || kind === SINGLE || kind === DOUBLE) {
            const value = scalar(blockIndent);
            // An implicit pair ([a: b]) or a value that is a key again ({a: b: c}).
            if (peekKind() === MAP_VALUE)
                giveUp();
            return value;
        }
        return giveUp();
    };
    /** A block scalar, its header the current token; `indent` is the indentation of its collection. */
    const blockScalar = (indent) => {
        const at = offset;
        const props = [{ type: 'block-scalar-header', offset: at, indent, source }];
        advance();
        while (kind === SPACE || kind === COMMENT) {
            if (kind === SPACE)
                noTab();
            props.push({ type: kind === SPACE ? 'space' : 'comment', offset, indent, source });
            advance();
        }
        if (kind !== NEWLINE)
            giveUp();
        props.push({ type: 'newline', offset, indent, source });
        expectBody = true;
        advance();
        if (kind !== BODY)
            giveUp();
        const token = { type: 'block-scalar', offset: at, indent, props, source };
        const value = dist.CST.resolveAsScalar(token, true, onError).value;
        advance();
        skipBlank();
        lastSize = 1;
        lastOffset = at;
        return value;
    };
    /** A scalar, alias, flow collection or block scalar that is the rest of its line. */
    const inlineValue = (indent) => {
        if (kind === BLOCK_HEADER)
            return blockScalar(indent);
        let value;
        if (kind === ALIAS)
            value = alias();
        else if (kind === PLAIN || kind === SINGLE || kind === DOUBLE)
            value = scalar(indent);
        else if (kind === FLOW_MAP_START || kind === FLOW_SEQ_START)
            value = flow(indent);
        else
            return giveUp();
        advance();
        endLine();
        return value;
    };
    /**
     * The value of a block mapping's key (inMap) or of a sequence's item, from the token after ":" or "-"; `indent`
     * is the collection's. Leaves the current token on the first content of a later line.
     */
    const blockValue = (indent, inMap) => {
        if (kind === SPACE) {
            noTab();
            advance();
        }
        let anchor;
        if (kind === ANCHOR) {
            anchor = source.slice(1);
            advance();
            if (kind === SPACE) {
                noTab();
                advance();
            }
        }
        let value;
        if (kind === COMMENT || kind === NEWLINE || kind === EOF) {
            if (kind === COMMENT && previous !== SPACE)
                giveUp();
            skipBlank();
            const c = kind === EOF ? -1 : column();
            if (kind === SEQ_ITEM && inMap && c === indent)
                value = blockSeq(c);
            else if (kind === EOF || c <= indent) {
                // Nothing: null. An empty sequence item, or an anchor on nothing, is left to yaml.
                if (!inMap || anchor !== undefined)
                    giveUp();
                value = null;
                lastSize = 1;
            }
            else if (kind === SEQ_ITEM)
                value = blockSeq(c);
            else if (isKeyToken() && peekKind() === MAP_VALUE)
                value = blockMap(c);
            else if (anchor !== undefined || kind === BLOCK_HEADER)
                return giveUp();
            else
                value = inlineValue(indent);
        }
        else if (kind === SEQ_ITEM) {
            // "- - a": a sequence in a sequence ("key: - a" is an error).
            if (inMap || anchor !== undefined)
                giveUp();
            value = blockSeq(column());
        }
        else if (isKeyToken() && peekKind() === MAP_VALUE) {
            // "- key: value", a mapping in a sequence; an anchor before it would name the key ("key: a: b" is an error).
            if (inMap || anchor !== undefined)
                giveUp();
            value = blockMap(column());
        }
        else
            value = inlineValue(indent);
        if (anchor !== undefined)
            define(anchor, value);
        return value;
    };
    /** A block sequence whose "-" are at column `indent`; the current token is the first "-". */
    const blockSeq = (indent) => {
        const array = [];
        const keys = new Map();
        const start = offset;
        hooks.container(array, start, keys);
        let size = 1;
        for (;;) {
            advance();
            const item = blockValue(indent, false);
            keys.set(String(array.length), lastOffset);
            array.push(item);
            size += lastSize;
            if (kind === EOF)
                break;
            const c = column();
            if (c < indent)
                break;
            if (c > indent || !first)
                giveUp();
            if (kind !== SEQ_ITEM)
                break;
        }
        lastSize = size;
        lastOffset = start;
        return array;
    };
    /** A block mapping whose keys are at column `indent`; the current token is the first key. */
    const blockMap = (indent) => {
        const object = {};
        const keys = new Map();
        const start = offset;
        hooks.container(object, start, keys);
        let size = 1;
        const written = new Set();
        for (;;) {
            if (!isKeyToken())
                giveUp();
            const keyAt = offset;
            const merge = kind === PLAIN && source === '<<';
            const key = String(scalar(indent));
            advance();
            if (kind !== MAP_VALUE)
                giveUp();
            advance();
            if (kind !== SPACE && kind !== NEWLINE && kind !== COMMENT && kind !== EOF)
                giveUp();
            const value = blockValue(indent, true);
            size += 1 + lastSize;
            if (merge)
                mergeInto(object, keys, value);
            else {
                if (written.has(key))
                    giveUp();
                written.add(key);
                keys.set(key, keyAt);
                hooks.setKey(object, key, value);
            }
            if (kind === EOF)
                break;
            const c = column();
            if (c < indent)
                break;
            if (c > indent || !first || kind === SEQ_ITEM)
                giveUp();
        }
        lastSize = size;
        lastOffset = start;
        return object;
    };
    // YAML 1.1 merge keys, read as the loader reads them from yaml's document: keys written in the mapping win over
    // merged ones wherever they are written, a mapping merged earlier wins over one merged later, and merged keys
    // keep the positions they have in the mapping they come from.
    const mergeInto = (object, keys, value) => {
        // An alias of a sequence of mappings is counted differently by the loader's alias cap: left to it.
        if (Array.isArray(value) && [...anchors.values()].some((anchor) => anchor.value === value))
            giveUp();
        for (const from of Array.isArray(value) ? value : [value]) {
            if (from === null || typeof from !== 'object' || Array.isArray(from) || from === object)
                return giveUp();
            const fromKeys = hooks.keysOf(from);
            if (!fromKeys)
                return giveUp();
            for (const key of Object.keys(from)) {
                if (Object.prototype.hasOwnProperty.call(object, key))
                    continue;
                hooks.setKey(object, key, from[key]);
                const at = fromKeys.get(key);
                if (at !== undefined)
                    keys.set(key, at);
            }
        }
    };
    try {
        advance();
        if (kind === BOM)
            advance();
        skipBlank();
        if (kind === DOC_START) {
            advance();
            endLine();
        }
        let root;
        if (kind === FLOW_MAP_START) {
            root = flow(-1);
            advance();
            skipBlank();
        }
        else if (isKeyToken() && peekKind() === MAP_VALUE)
            root = blockMap(column());
        else
            return undefined;
        if (kind !== EOF)
            return undefined;
        return { value: root, tokens: count };
    }
    catch (error) {
        if (error instanceof GiveUp || error instanceof RangeError)
            return undefined;
        throw error;
    }
}

;// CONCATENATED MODULE: ./actions/contract-test/src/spec/load.ts
// Loads an OpenAPI description (YAML or JSON, one or many files) into the shared LoadedSpec form. Resolution is
// synchronous (a sync core lets the diff, lint and live parts share it without threading promises through pure
// code); the only asynchronous part is fetching URL documents, which loadSpecAsync does first, before the
// same synchronous resolution runs over what it fetched.










const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;
/**
 * The default of maxSpecBytes, for the spec and every file it references together. Measured on generated specs
 * under Node 24 (README "Size limit"): the binding cost is Spectral's lint, 837 MiB for 12.9 MiB of JSON (lint
 * and diff of two versions: 853 MiB); the diff alone stays far below (480 MiB). The GitHub REST description
 * (12.4 MiB of JSON) fits.
 */
const DEFAULT_MAX_SPEC_BYTES = 13 * 1024 * 1024;
/**
 * YAML counts this many times its size against maxSpecBytes: reading it through yaml's document model needs
 * about four times the memory JSON does for the same content (a 3.25 MiB YAML pair diffed in 534 MiB, a 12.9 MiB
 * JSON pair in 480 MiB). The fast reader (yaml-source.ts) needs far less (a 20.4 MiB YAML spec generated from
 * the GitHub description, loaded twice and diffed: 730 MiB, 1,223 MiB through the document model), but any YAML
 * it does not read (a tag is enough) still goes through the document model, so the weight, and MAX_YAML_TOKENS,
 * stay what that model needs.
 */
const YAML_SIZE_WEIGHT = 4;
/**
 * Memory follows the number of values more than the number of bytes: 13 MiB of `[0,0,0,...]` (6.8 million values)
 * diffed in 1.4 GB where 13 MiB of a generated spec (384,000 values) took 480 MiB, and 3.2 MiB of dense YAML in
 * 2.0 GB. So a spec at the default size limit may also hold at most this many JSON values (1.5 million dense
 * values: diff 522 MiB, lint 677 MiB; the GitHub REST description has 258,000) ...
 */
const MAX_JSON_VALUES = 1_500_000;
/**
 * ... and at most this many YAML tokens as yaml's lexer counts them before parsing (scalars, indicators,
 * indentation, line breaks; 2.25 million tokens of dense YAML diffed in 1,023 MiB, a 3.25 MiB generated spec has
 * 1.2 million). Both scale with maxSpecBytes.
 */
const MAX_YAML_TOKENS = 1_500_000;
const MIN_COUNTED = 10_000;
const MIB = 1024 * 1024;
const mib = (bytes) => `${(bytes / MIB).toFixed(1)} MiB`;
const SIZE_UNITS = {
    '': 1,
    b: 1,
    kb: 1e3,
    mb: 1e6,
    gb: 1e9,
    kib: 1024,
    mib: MIB,
    gib: 1024 * MIB
};
/** Parses a size limit such as `16MiB`, `20 MB`, `512KiB` or `1048576` (bytes) for max-spec-size. */
function parseSpecSize(text, what = 'max-spec-size') {
    const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
    const unit = match ? SIZE_UNITS[match[2].toLowerCase()] : undefined;
    if (!match || unit === undefined || Number(match[1]) <= 0)
        throw new errors/* ConfigurationError */.j1(`${what} must be a size such as 16MiB, 20MB or 1048576 (bytes); got "${text}"`);
    return Math.floor(Number(match[1]) * unit);
}
/**
 * How many nodes the document has once every shared ($ref-resolved) object is counted wherever it is used, as a
 * walker that follows $refs sees it (cycles counted once). Stops counting past `cap`. Linear in the distinct
 * nodes, so a tiny spec whose $refs fan out level after level (a $ref bomb) is measured without being walked.
 */
function expandedNodeCount(document, cap) {
    const sizes = new Map();
    const active = new Set();
    const size = (value) => {
        if (value === null || typeof value !== 'object')
            return 1;
        const known = sizes.get(value);
        if (known !== undefined)
            return known;
        if (active.has(value))
            return 1;
        active.add(value);
        let total = 1;
        for (const child of Array.isArray(value) ? value : Object.values(value)) {
            total += size(child);
            if (total > cap)
                break;
        }
        active.delete(value);
        sizes.set(value, total);
        return total;
    };
    try {
        return size(document);
    }
    catch (error) {
        // Nested too deeply to count recursively: far too large in any case.
        if (error instanceof RangeError)
            return Number.POSITIVE_INFINITY;
        throw error;
    }
}
/** Whether a file will be read as JSON (its first character opens an object or array; else it is YAML). */
function looksLikeJson(text) {
    return /^\uFEFF?[ \t\r\n]*[[{]/.test(text);
}
/** Counts what one spec reads against its size limit, so an oversized spec is refused before it is parsed. */
class SpecSizeBudget {
    limit;
    json = 0;
    yaml = 0;
    values = 0;
    tokens = 0;
    /** How many JSON values and YAML tokens this limit allows (MAX_JSON_VALUES and MAX_YAML_TOKENS, scaled). */
    maxValues;
    maxTokens;
    constructor(limit = DEFAULT_MAX_SPEC_BYTES) {
        this.limit = limit;
        // A few thousand values cost nothing, whatever the limit (tests set limits of a few hundred bytes).
        const scale = limit / DEFAULT_MAX_SPEC_BYTES;
        this.maxValues = Math.max(MIN_COUNTED, Math.floor(MAX_JSON_VALUES * scale));
        this.maxTokens = Math.max(MIN_COUNTED, Math.floor(MAX_YAML_TOKENS * scale));
    }
    /** How many more JSON values the budget allows (the JSON reader stops past it). */
    get valuesLeft() {
        return this.maxValues - this.values;
    }
    /** Counts the values of a JSON file; `over` when the reader stopped because there were more than valuesLeft. */
    chargeValues(file, count, over = false) {
        this.values += count;
        if (!over && this.values <= this.maxValues)
            return;
        throw this.refusal(`${file}: the spec is too large to check: its files hold more than ${this.maxValues.toLocaleString('en-US')} JSON values, more than the limit of ${mib(this.limit)} allows`);
    }
    /** How many more YAML tokens the budget allows (the fast YAML reader gives up past it). */
    get tokensLeft() {
        return this.maxTokens - this.tokens;
    }
    /** Counts the tokens the fast YAML reader read (never more than tokensLeft). */
    countTokens(count) {
        this.tokens += count;
    }
    /** Counts the tokens of a YAML file before it is parsed (the parser's memory follows them). */
    chargeTokens(file, text) {
        let count = 0;
        const left = this.maxTokens - this.tokens;
        for (const _token of new dist.Lexer().lex(text))
            if (++count > left)
                break;
        this.tokens += count;
        if (this.tokens <= this.maxTokens)
            return;
        throw this.refusal(`${file}: the spec is too large to check: its files hold more than ${this.maxTokens.toLocaleString('en-US')} YAML tokens (scalars, punctuation, indentation), more than the limit of ${mib(this.limit)} allows`);
    }
    get used() {
        return this.json + YAML_SIZE_WEIGHT * this.yaml;
    }
    /** Before reading a file of `bytes` bytes: refuses it if even as JSON it would not fit. */
    precheck(file, bytes) {
        if (this.used + bytes <= this.limit)
            return;
        const size = this.used === 0 ? `is ${mib(bytes)}` : `brings it to ${mib(this.used + bytes)}`;
        throw this.refusal(`${file}: the spec is too large to check: this file ${size}, more than the limit of ${mib(this.limit)}`);
    }
    /** Before parsing a file: counts it as the format it is about to be read as. */
    charge(file, bytes, format) {
        if (format === 'json')
            this.json += bytes;
        else
            this.yaml += bytes;
        if (this.used <= this.limit)
            return;
        const held = [this.json > 0 ? `${mib(this.json)} of JSON` : '', this.yaml > 0 ? `${mib(this.yaml)} of YAML` : '']
            .filter(Boolean)
            .join(' and ');
        const counted = this.yaml > 0
            ? `, which counts as ${mib(this.used)} (YAML counts ${YAML_SIZE_WEIGHT} times its size: reading it takes that much more memory)`
            : '';
        throw this.refusal(`${file}: the spec is too large to check: its files hold ${held}${counted}, more than the limit of ${mib(this.limit)}`);
    }
    /** A file that looked like JSON but is read as YAML after all. */
    recharge(file, bytes) {
        this.json -= bytes;
        this.charge(file, bytes, 'yaml');
    }
    refusal(message) {
        return new errors/* ConfigurationError */.j1(`${message}; raise max-spec-size to check it anyway`);
    }
}
/**
 * Aliases are kept as shared instances (no copy), so memory stays bounded; the limit is on the size the
 * document would have if a walker expanded them, because a walker that forgets its visited set would hang.
 */
const MAX_ALIAS_EXPANSION = 1_000_000;
/** A spec whose URL documents reference further URLs without end must not fetch forever. */
const MAX_REMOTE_DOCUMENTS = 100;
// Values that are data, not description: a "$ref" key inside them is not a reference.
const LITERAL_KEYS = new Set(['example', 'enum', 'const']);
const NAMED_SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'schemas', 'definitions', '$defs']);
function isContainer(value) {
    return value !== null && typeof value === 'object';
}
function isRefObject(value) {
    return isContainer(value) && !Array.isArray(value) && typeof value.$ref === 'string';
}
function setKey(target, key, value) {
    // A plain assignment of "__proto__" would replace the prototype instead of storing data.
    if (key === '__proto__')
        Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    else
        target[key] = value;
}
function inside(root, candidate) {
    const relative = external_node_path_.relative(root, candidate);
    return relative === '' || (!relative.startsWith('..') && !external_node_path_.isAbsolute(relative));
}
function detectVersion(document, file) {
    if (!isContainer(document) || Array.isArray(document))
        throw new errors/* ConfigurationError */.j1(`${file}: not an OpenAPI description (the top level is not a mapping)`);
    const openapi = document.openapi;
    if (openapi !== undefined) {
        const text = (0,lib_text/* textOf */.b)(openapi);
        if (/^3\.0(\.\d+)?(-.*)?$/.test(text))
            return '3.0';
        if (/^3\.1(\.\d+)?(-.*)?$/.test(text))
            return '3.1';
        throw new errors/* ConfigurationError */.j1(`${file}: unsupported OpenAPI version "${text}" (supported: 3.0.x, 3.1.x, Swagger 2.0)`);
    }
    // An unquoted `swagger: 2.0` is the number 2 in YAML.
    if (document.swagger === '2.0' || document.swagger === 2)
        return '2.0';
    if (document.swagger !== undefined)
        throw new errors/* ConfigurationError */.j1(`${file}: unsupported Swagger version "${(0,lib_text/* textOf */.b)(document.swagger)}" (supported: 2.0)`);
    throw new errors/* ConfigurationError */.j1(`${file}: not an OpenAPI description (no "openapi" or "swagger" field)`);
}
function decodePointerToken(token, ref, where) {
    let decoded;
    try {
        decoded = decodeURIComponent(token);
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`$ref "${ref}" at ${where}: invalid percent-encoding in the JSON pointer`);
    }
    // ~1 first would turn "~01" into "/" instead of "~1".
    return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}
/**
 * Loads the entry file (a path relative to options.root, or absolute), every file it references, and resolves
 * all $refs in place. Throws ConfigurationError for anything the user can fix: unreadable or oversized files,
 * invalid YAML, alias bombs, unknown versions, missing targets, refs that leave the root or point at URLs
 * (unless options allow them). Synchronous, so it never fetches: URL $refs need loadSpecAsync.
 */
function loadSpec(entryPath, options) {
    return createLoader(entryPath, options).finish();
}
/**
 * loadSpec for specs that may reference URLs: with options.allowRemoteRefs, every URL document the spec can reach
 * is fetched first (timeout, size cap, at most MAX_REMOTE_DOCUMENTS), then the same synchronous resolution runs.
 * A failed fetch is reported only if resolution reaches that $ref, naming the $ref's file and line.
 */
async function loadSpecAsync(entryPath, options) {
    const loader = createLoader(entryPath, options);
    if (options.allowRemoteRefs)
        await loader.prefetch();
    return loader.finish();
}
function createLoader(entryPath, options) {
    const root = external_node_path_.resolve(options.root);
    const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const allowFiles = options.allowExternalFiles === true;
    const allowUrls = options.allowRemoteRefs === true;
    const timeoutMs = options.remoteTimeoutMs ?? external_refs/* DEFAULT_REMOTE_TIMEOUT_MS */.U6;
    const customReader = options.readFile;
    const realRoot = realpathOrSelf(root);
    const budget = new SpecSizeBudget(options.maxSpecBytes);
    // A Map, not a WeakMap: the nodes live as long as the loaded spec (which holds this map through locate), and
    // half a million weak entries cost the garbage collector seconds on a 20 MB spec.
    const infos = new Map();
    /** Every document parsed, by absolute path or URL. */
    const files = new Map();
    /** The documents resolution used, entry first (prefetching may parse some it never reaches). */
    const order = [];
    const used = new Set();
    /** Why a URL could not be fetched or parsed; thrown only if resolution reaches a $ref to it. */
    const remoteFailures = new Map();
    const relativeName = (abs) => external_node_path_.relative(root, abs).split(external_node_path_.sep).join('/') || external_node_path_.basename(abs);
    // The custom reader (git show) serves the versioned tree; an allowed file outside the root is not in it.
    const fromDisk = (abs) => !customReader || !inside(root, abs);
    const locationOf = (file, offset) => {
        const { line, col } = file.lines.linePos(offset);
        return { file: file.rel, line, column: col };
    };
    const describe = (node) => {
        const info = infos.get(node);
        if (!info)
            return '?';
        const key = info.keys.has('$ref') ? info.keys.get('$ref') : info.offset;
        const where = locationOf(info.file, key);
        return `${where.file}:${where.line}:${where.column}`;
    };
    const readText = (abs, rel, referrer) => {
        const from = referrer === undefined ? '' : ` (referenced by ${referrer})`;
        try {
            if (customReader && !fromDisk(abs)) {
                const text = customReader(abs);
                const bytes = Buffer.byteLength(text, 'utf8');
                if (bytes > maxFileBytes)
                    throw new errors/* ConfigurationError */.j1(`${rel}: file is larger than the limit of ${maxFileBytes} bytes${from}`);
                budget.precheck(rel, bytes);
                return text;
            }
            const size = external_node_fs_.statSync(abs).size;
            if (size > maxFileBytes)
                throw new errors/* ConfigurationError */.j1(`${rel}: file is ${size} bytes, larger than the limit of ${maxFileBytes}${from}`);
            budget.precheck(rel, size);
            return external_node_fs_.readFileSync(abs, 'utf8');
        }
        catch (error) {
            if (error instanceof errors/* ConfigurationError */.j1)
                throw error;
            throw new errors/* ConfigurationError */.j1(`${rel}: cannot read the file${from}: ${error.message}`);
        }
    };
    const addRecord = (abs, rel, remote, text) => {
        const record = { abs, rel, remote, lines: new dist.LineCounter(), root: null };
        record.root = parseYaml(text, record, infos, budget);
        if (text.length > memory/* COLLECT_AFTER_BYTES */.A)
            (0,memory/* collectGarbage */.i)();
        files.set(abs, record);
        return record;
    };
    const use = (record) => {
        if (!used.has(record)) {
            used.add(record);
            order.push(record);
        }
        return record;
    };
    const loadFile = (abs, referrer) => {
        const cached = files.get(abs);
        if (cached)
            return cached;
        const rel = relativeName(abs);
        return addRecord(abs, rel, false, readText(abs, rel, referrer));
    };
    const entryAbs = external_node_path_.resolve(root, entryPath);
    if (!inside(root, entryAbs))
        throw new errors/* ConfigurationError */.j1(`${entryPath}: the spec is outside the root ${root}`);
    if (fromDisk(entryAbs)) {
        // A spec that is (or sits in a folder that is) a symlink out of the root would be read from anywhere.
        const real = realpathOrSelf(entryAbs);
        if (!inside(realRoot, real))
            throw new errors/* ConfigurationError */.j1(`${relativeName(entryAbs)}: the spec resolves (through a symlink) to ${real}, outside the root ${root}; refused`);
    }
    const entry = use(loadFile(entryAbs, undefined));
    const version = detectVersion(entry.root, entry.rel);
    const mergeSiblings = version === '3.1';
    /** Where the file part of a $ref points, or a ConfigurationError if the policy refuses it. */
    const classify = (filePart, ref, refFile, where) => {
        const shown = (0,redact/* redactUrl */.BO)(ref);
        if (refFile.remote) {
            // Relative refs in a URL document are URLs too; it may never reach into the local disk.
            let url;
            try {
                url = new URL(filePart, refFile.abs);
            }
            catch {
                throw new errors/* ConfigurationError */.j1(`$ref "${shown}" at ${where}: not a valid URL`);
            }
            if (url.protocol !== 'http:' && url.protocol !== 'https:')
                throw new errors/* ConfigurationError */.j1(`$ref "${shown}" at ${where}: a remote document may only reference http(s) URLs, not "${url.protocol}"`);
            return { kind: 'url', url: url.href };
        }
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(filePart)?.[1]?.toLowerCase();
        // One letter is a Windows drive, not a scheme.
        if (scheme !== undefined && scheme.length > 1) {
            if (scheme === 'http' || scheme === 'https') {
                if (!allowUrls)
                    throw new errors/* ConfigurationError */.j1(`$ref "${shown}" at ${where}: remote $ref refused (URLs are fetched only when allow-external-refs includes "urls")`);
                try {
                    return { kind: 'url', url: new URL(filePart).href };
                }
                catch {
                    throw new errors/* ConfigurationError */.j1(`$ref "${shown}" at ${where}: not a valid URL`);
                }
            }
            throw new errors/* ConfigurationError */.j1(`$ref "${shown}" at ${where}: unsupported URI scheme "${scheme}:"`);
        }
        if (filePart.startsWith('//'))
            throw new errors/* ConfigurationError */.j1(`$ref "${shown}" at ${where}: remote $ref refused (network-path reference; write the URL with its scheme)`);
        let decoded;
        try {
            decoded = decodeURIComponent(filePart);
        }
        catch {
            throw new errors/* ConfigurationError */.j1(`$ref "${shown}" at ${where}: invalid percent-encoding in the file path`);
        }
        const abs = external_node_path_.resolve(external_node_path_.dirname(refFile.abs), decoded);
        const leaves = () => new errors/* ConfigurationError */.j1(`$ref "${shown}" at ${where}: the file ${abs} is outside the root ${root}; refused (allow-external-refs: files allows it)`);
        if (!allowFiles && !inside(root, abs))
            throw leaves();
        if (fromDisk(abs)) {
            // A symlink inside the root may point anywhere.
            let real;
            try {
                real = external_node_fs_.realpathSync(abs);
            }
            catch {
                throw new errors/* ConfigurationError */.j1(`$ref "${shown}" at ${where}: file ${relativeName(abs)} not found`);
            }
            if (!allowFiles && !inside(realRoot, real))
                throw leaves();
        }
        return { kind: 'file', abs };
    };
    const resolveFilePart = (filePart, ref, refFile, where) => {
        const target = classify(filePart, ref, refFile, where);
        if (target.kind === 'file')
            return use(loadFile(target.abs, where));
        const record = files.get(target.url);
        if (record)
            return use(record);
        const failure = remoteFailures.get(target.url);
        if (failure !== undefined)
            throw new errors/* ConfigurationError */.j1(`$ref "${(0,redact/* redactUrl */.BO)(ref)}" at ${where}: ${failure}`);
        throw new Error(`$ref "${(0,redact/* redactUrl */.BO)(ref)}" at ${where}: URL documents are only fetched by loadSpecAsync`);
    };
    /** The $ref objects written in one document, before resolution (the walk resolveAll does, without following). */
    const collectRefs = (record) => {
        const found = [];
        if (!isContainer(record.root))
            return found;
        const visited = new Set([record.root]);
        const stack = [[record.root, undefined]];
        while (stack.length > 0) {
            const [container, via] = stack.pop();
            const isArray = Array.isArray(container);
            const namesSchemas = via !== undefined && NAMED_SCHEMA_MAPS.has(via);
            for (const key of Object.keys(container)) {
                if (!isArray && !namesSchemas && LITERAL_KEYS.has(key))
                    continue;
                const child = container[key];
                if (isRefObject(child))
                    found.push(child);
                if (isContainer(child) && !visited.has(child)) {
                    visited.add(child);
                    stack.push([child, key]);
                }
            }
        }
        return found;
    };
    /**
     * Walks every document reachable through external $refs and fetches the URL ones (one at a time, each URL
     * once). Errors are kept, not thrown: resolution reports them where it meets them, as for local files.
     */
    const prefetch = async () => {
        const queue = [entry];
        const scanned = new Set();
        let fetched = 0;
        // Remote documents share one budget: a hostile server must not fill memory 50 MiB at a time.
        let budget = maxFileBytes;
        while (queue.length > 0) {
            const record = queue.shift();
            if (scanned.has(record))
                continue;
            scanned.add(record);
            for (const refObj of collectRefs(record)) {
                const ref = refObj.$ref;
                const hash = ref.indexOf('#');
                const filePart = hash < 0 ? ref : ref.slice(0, hash);
                if (filePart === '')
                    continue;
                let target;
                try {
                    target = classify(filePart, ref, record, describe(refObj));
                    if (target.kind === 'file') {
                        queue.push(loadFile(target.abs, describe(refObj)));
                        continue;
                    }
                }
                catch (error) {
                    if (error instanceof errors/* ConfigurationError */.j1)
                        continue;
                    throw error;
                }
                const known = files.get(target.url);
                if (known) {
                    queue.push(known);
                    continue;
                }
                if (remoteFailures.has(target.url))
                    continue;
                const shown = (0,redact/* redactUrl */.BO)(target.url);
                if (fetched >= MAX_REMOTE_DOCUMENTS) {
                    remoteFailures.set(target.url, `${shown}: not fetched, more than ${MAX_REMOTE_DOCUMENTS} remote documents`);
                    continue;
                }
                fetched++;
                try {
                    const text = await (0,external_refs/* fetchRemoteText */.St)(target.url, { maxBytes: budget, timeoutMs });
                    budget -= Buffer.byteLength(text, 'utf8');
                    queue.push(addRecord(target.url, shown, true, text));
                }
                catch (error) {
                    if (!(error instanceof errors/* ConfigurationError */.j1))
                        throw error;
                    const shared = budget < maxFileBytes && /larger than the limit/.test(error.message)
                        ? ` (what was left of the ${maxFileBytes}-byte budget for all remote documents)`
                        : '';
                    remoteFailures.set(target.url, `${error.message}${shared}`);
                }
            }
        }
    };
    const finish = () => {
        const resolved = new WeakMap();
        const inProgress = new Set();
        const pointerNames = new WeakMap();
        const deref = (refObj) => {
            if (resolved.has(refObj))
                return resolved.get(refObj);
            const ref = refObj.$ref;
            const shown = (0,redact/* redactUrl */.BO)(ref);
            const where = describe(refObj);
            if (inProgress.has(refObj))
                throw new errors/* ConfigurationError */.j1(`$ref "${shown}" at ${where}: circular chain of $refs that never reaches a value`);
            inProgress.add(refObj);
            try {
                const refFile = infos.get(refObj)?.file ?? entry;
                const hash = ref.indexOf('#');
                const filePart = hash < 0 ? ref : ref.slice(0, hash);
                const pointer = hash < 0 ? '' : ref.slice(hash + 1);
                const targetFile = filePart === '' ? refFile : resolveFilePart(filePart, ref, refFile, where);
                if (pointer !== '' && !pointer.startsWith('/'))
                    throw new errors/* ConfigurationError */.j1(`$ref "${shown}" at ${where}: only JSON pointers ("#/...") are supported`);
                const tokens = pointer === '' ? [] : pointer.slice(1).split('/');
                let node = targetFile.root;
                let parentToken;
                for (const raw of tokens) {
                    const token = decodePointerToken(raw, shown, where);
                    if (isRefObject(node))
                        node = deref(node);
                    let next;
                    if (Array.isArray(node))
                        next = /^(0|[1-9]\d*)$/.test(token) ? node[Number(token)] : undefined;
                    else if (isContainer(node) && Object.prototype.hasOwnProperty.call(node, token))
                        next = node[token];
                    if (next === undefined)
                        throw new errors/* ConfigurationError */.j1(`$ref "${shown}" at ${where}: target not found (no "${token}" in ${targetFile.rel}#${pointer})`);
                    parentToken = tokens.length > 1 ? decodePointerToken(tokens[tokens.length - 2], shown, where) : undefined;
                    node = next;
                }
                let target = isRefObject(node) ? deref(node) : node;
                const last = tokens.length > 0 ? decodePointerToken(tokens[tokens.length - 1], shown, where) : undefined;
                if (isContainer(target) &&
                    last !== undefined &&
                    (parentToken === 'schemas' || parentToken === 'definitions') &&
                    !pointerNames.has(target))
                    pointerNames.set(target, last);
                const siblings = Object.keys(refObj).filter((key) => key !== '$ref');
                if (mergeSiblings && siblings.length > 0 && isContainer(target) && !Array.isArray(target))
                    target = mergeRef(refObj, target, siblings);
                resolved.set(refObj, target);
                return target;
            }
            finally {
                inProgress.delete(refObj);
            }
        };
        const mergeRef = (refObj, target, siblings) => {
            const merged = {};
            const refInfo = infos.get(refObj);
            const targetInfo = infos.get(target);
            const keys = new Map();
            const keyFiles = new Map();
            for (const key of Object.keys(target)) {
                setKey(merged, key, target[key]);
                const offset = targetInfo?.keys.get(key);
                if (targetInfo && offset !== undefined) {
                    keys.set(key, offset);
                    keyFiles.set(key, targetInfo.file);
                }
            }
            for (const key of siblings) {
                setKey(merged, key, refObj[key]);
                const offset = refInfo?.keys.get(key);
                if (refInfo && offset !== undefined) {
                    keys.set(key, offset);
                    keyFiles.set(key, refInfo.file);
                }
            }
            if (refInfo)
                infos.set(merged, { file: refInfo.file, offset: refInfo.offset, keys, keyFiles });
            return merged;
        };
        // Iterative: a deep but legal document must not overflow the stack.
        const resolveAll = (start) => {
            if (!isContainer(start))
                return;
            const visited = new Set([start]);
            // Each entry remembers the key it was reached by: under "properties" a key named "enum" is a schema.
            const stack = [[start, undefined]];
            const visit = (value, via) => {
                if (isContainer(value) && !visited.has(value)) {
                    visited.add(value);
                    stack.push([value, via]);
                }
            };
            while (stack.length > 0) {
                const [container, via] = stack.pop();
                if (Array.isArray(container)) {
                    for (let i = 0; i < container.length; i++) {
                        const child = container[i];
                        if (isRefObject(child))
                            container[i] = deref(child);
                        visit(container[i], String(i));
                    }
                    continue;
                }
                const namesSchemas = via !== undefined && NAMED_SCHEMA_MAPS.has(via);
                for (const key of Object.keys(container)) {
                    if (!namesSchemas && LITERAL_KEYS.has(key))
                        continue;
                    const child = container[key];
                    if (isRefObject(child))
                        setKey(container, key, deref(child));
                    visit(container[key], key);
                }
            }
        };
        if (isRefObject(entry.root))
            throw new errors/* ConfigurationError */.j1(`${entry.rel}: the document itself is a $ref`);
        resolveAll(entry.root);
        const names = new WeakMap();
        for (const file of order) {
            if (!isContainer(file.root) || Array.isArray(file.root))
                continue;
            const components = file.root.components;
            const sections = [
                isContainer(components) && !Array.isArray(components) ? components.schemas : undefined,
                file.root.definitions
            ];
            for (const section of sections) {
                if (!isContainer(section) || Array.isArray(section))
                    continue;
                for (const [name, value] of Object.entries(section)) {
                    const schema = isRefObject(value) && resolved.has(value) ? resolved.get(value) : value;
                    if (isContainer(schema) && !names.has(schema))
                        names.set(schema, name);
                }
            }
        }
        return {
            version,
            file: entry.rel,
            document: entry.root,
            files: order.map((file) => file.rel),
            locate(node, key) {
                if (!isContainer(node))
                    return undefined;
                const info = infos.get(node);
                if (!info)
                    return undefined;
                if (key === undefined)
                    return locationOf(info.file, info.offset);
                const offset = info.keys.get(key);
                if (offset === undefined)
                    return undefined;
                return locationOf(info.keyFiles?.get(key) ?? info.file, offset);
            },
            componentName(node) {
                if (!isContainer(node))
                    return undefined;
                return names.get(node) ?? pointerNames.get(node);
            }
        };
    };
    return { prefetch, finish };
}
function realpathOrSelf(target) {
    try {
        return external_node_fs_.realpathSync(target);
    }
    catch {
        return target;
    }
}
/**
 * One YAML or JSON text as plain values, with the loader's reading of it (merge keys, alias cap, duplicate keys),
 * without $ref resolution. For code that gets its data from another parser and must agree with the diff.
 */
function parseSpecText(text, name) {
    return readSpecText(text, name).value;
}
/**
 * parseSpecText with the position of every mapping, sequence and key; `documentModel` reads YAML through yaml's
 * document model even where the fast reader would read it (the reading it must agree with; tests compare them).
 */
function readSpecText(text, name, documentModel = false) {
    const record = { abs: name, rel: name, remote: false, lines: new dist.LineCounter(), root: null };
    const infos = new WeakMap();
    const value = parseYaml(text, record, infos, new SpecSizeBudget(Number.POSITIVE_INFINITY), documentModel);
    return {
        value,
        locate(node, key) {
            const info = isContainer(node) ? infos.get(node) : undefined;
            const offset = info && (key === undefined ? info.offset : info.keys.get(key));
            if (offset === undefined)
                return undefined;
            const { line, col } = record.lines.linePos(offset);
            return { file: name, line, column: col };
        }
    };
}
const MERGE_TAG = 'tag:yaml.org,2002:merge';
/** A YAML 1.1 merge key: a plain (unquoted) `<<`, or one tagged !!merge. */
function isMergeKey(key) {
    if (!(0,dist.isScalar)(key))
        return false;
    if (key.tag === MERGE_TAG)
        return true;
    return key.value === '<<' && (key.type === undefined || key.type === 'PLAIN');
}
/** Parses one file into plain JSON values, recording where every object, array and key was written. */
function parseYaml(text, file, infos, budget, documentModel = false) {
    const bytes = Buffer.byteLength(text, 'utf8');
    // What a fast reader built before it gave up is dropped from the source map (it is garbage then).
    const registered = [];
    const register = (value, offset, keys) => {
        registered.push(value);
        infos.set(value, { file, offset, keys });
    };
    const dropRegistered = () => {
        for (const node of registered)
            infos.delete(node);
        registered.length = 0;
    };
    if (looksLikeJson(text)) {
        budget.charge(file.rel, bytes, 'json');
        file.lines.lineStarts = lineStarts(text);
        const json = parseJsonSource(text, {
            maxValues: budget.valuesLeft,
            counted: (count, over) => budget.chargeValues(file.rel, count, over),
            container: register,
            duplicateKey: (key, offset) => {
                const { line, col } = file.lines.linePos(offset);
                throw new errors/* ConfigurationError */.j1(`${file.rel}: invalid JSON at line ${line}, column ${col}: duplicate key "${key}"`);
            },
            setKey
        });
        if (json !== undefined)
            return json;
        dropRegistered();
        file.lines.lineStarts = [];
        budget.recharge(file.rel, bytes);
    }
    else
        budget.charge(file.rel, bytes, 'yaml');
    const read = documentModel
        ? undefined
        : parseYamlSource(text, {
            maxTokens: budget.tokensLeft,
            maxAliasExpansion: MAX_ALIAS_EXPANSION,
            container: register,
            keysOf: (value) => infos.get(value)?.keys,
            setKey
        });
    if (read) {
        budget.countTokens(read.tokens);
        file.lines.lineStarts = lineStarts(text);
        return read.value;
    }
    dropRegistered();
    // What the fast reader does not read (or finds wrong) goes through yaml's document model, as it always did.
    budget.chargeTokens(file.rel, text);
    let document;
    // yaml's own duplicate-key check scans every earlier key of the map (quadratic: 108 s instead of 13 s for a
    // 20 MB spec with 47,000 paths), so duplicates are found during conversion instead.
    try {
        document = (0,dist.parseDocument)(text, { lineCounter: file.lines, prettyErrors: true, uniqueKeys: false });
    }
    catch (error) {
        if (error instanceof RangeError)
            throw new errors/* ConfigurationError */.j1(`${file.rel}: the document is nested too deeply`);
        throw error;
    }
    const first = document.errors[0];
    if (first) {
        const position = first.linePos?.[0];
        const at = position ? ` at line ${position.line}, column ${position.col}` : '';
        const reason = first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        // yaml turns its own stack overflow into a document error.
        if (/maximum call stack/i.test(reason))
            throw new errors/* ConfigurationError */.j1(`${file.rel}: the document is nested too deeply${at}`);
        throw new errors/* ConfigurationError */.j1(`${file.rel}: invalid YAML${at}: ${reason}`);
    }
    const converted = new Map();
    /** Maps being converted: merging one of them into itself would copy keys it does not have yet. */
    const building = new Set();
    const expanded = new Map();
    let aliasExpansion = 0;
    // How many nodes a subtree stands for once its aliases are expanded; memoised, so linear in the real size.
    const expandedSize = (node, active) => {
        if ((0,dist.isAlias)(node))
            return expandedSize(node.resolve(document), active);
        if (!(0,dist.isMap)(node) && !(0,dist.isSeq)(node))
            return 1;
        const known = expanded.get(node);
        if (known !== undefined)
            return known;
        if (active.has(node))
            return Number.POSITIVE_INFINITY;
        active.add(node);
        let size = 1;
        for (const item of node.items) {
            if ((0,dist.isMap)(node)) {
                const pair = item;
                size += expandedSize(pair.key, active) + expandedSize(pair.value, active);
            }
            else
                size += expandedSize(item, active);
            if (size > MAX_ALIAS_EXPANSION)
                break;
        }
        active.delete(node);
        expanded.set(node, size);
        return size;
    };
    const convert = (node) => {
        if (node === null || node === undefined)
            return null;
        if ((0,dist.isAlias)(node)) {
            const target = node.resolve(document);
            if (!target)
                throw new errors/* ConfigurationError */.j1(`${file.rel}: YAML alias *${node.source} has no anchor`);
            aliasExpansion += expandedSize(target, new Set());
            if (aliasExpansion > MAX_ALIAS_EXPANSION) {
                const { line, col } = file.lines.linePos(node.range?.[0] ?? 0);
                throw new errors/* ConfigurationError */.j1(`${file.rel}: YAML aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes (at line ${line}, column ${col}); refused as a possible alias bomb`);
            }
            return convert(target);
        }
        if ((0,dist.isScalar)(node)) {
            const value = node.value;
            if (typeof value === 'bigint')
                return Number(value);
            if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
                return value;
            return (0,lib_text/* textOf */.b)(value);
        }
        if (!(0,dist.isMap)(node) && !(0,dist.isSeq)(node))
            return null;
        const done = converted.get(node);
        if (done !== undefined)
            return done;
        const keys = new Map();
        const offset = node.range?.[0] ?? 0;
        if ((0,dist.isSeq)(node)) {
            const array = [];
            converted.set(node, array);
            infos.set(array, { file, offset, keys });
            node.items.forEach((item, index) => {
                const start = item?.range?.[0];
                if (start !== undefined)
                    keys.set(String(index), start);
                array.push(convert(item));
            });
            return array;
        }
        const object = {};
        converted.set(node, object);
        infos.set(object, { file, offset, keys });
        building.add(node);
        // YAML 1.1 merge keys: keys written in the map win over merged ones wherever they are written, and a map
        // merged earlier wins over one merged later. Merged values stay the anchor's own objects, so what is found
        // inside them is located where the anchor defines it.
        const written = new Set();
        for (const pair of node.items) {
            const keyNode = pair.key;
            const start = keyNode?.range?.[0];
            if (isMergeKey(keyNode)) {
                for (const source of mergeSources(pair.value, start ?? offset)) {
                    const sourceInfo = infos.get(source);
                    for (const key of Object.keys(source)) {
                        if (Object.prototype.hasOwnProperty.call(object, key))
                            continue;
                        setKey(object, key, source[key]);
                        const at = sourceInfo?.keys.get(key);
                        if (at !== undefined)
                            keys.set(key, at);
                    }
                }
                continue;
            }
            const keyValue = (0,dist.isScalar)(keyNode) ? keyNode.value : convert(keyNode);
            const key = keyValue !== null && typeof keyValue === 'object' ? JSON.stringify(keyValue) : String(keyValue);
            if (written.has(key)) {
                const { line, col } = file.lines.linePos(start ?? offset);
                throw new errors/* ConfigurationError */.j1(`${file.rel}: invalid YAML at line ${line}, column ${col}: duplicate key "${key}"`);
            }
            written.add(key);
            if (start !== undefined)
                keys.set(key, start);
            setKey(object, key, convert(pair.value));
        }
        building.delete(node);
        return object;
    };
    /** The maps a merge key's value names: one map, an alias of one, or a list of those. */
    const mergeSources = (value, at) => {
        const refuse = (why) => {
            const { line, col } = file.lines.linePos(at);
            return new errors/* ConfigurationError */.j1(`${file.rel}: invalid YAML at line ${line}, column ${col}: ${why}`);
        };
        const target = (0,dist.isAlias)(value) ? value.resolve(document) : value;
        const items = (0,dist.isSeq)(target) ? target.items : [value];
        return items.map((item) => {
            const map = (0,dist.isAlias)(item) ? item.resolve(document) : item;
            if (!(0,dist.isMap)(map))
                throw refuse('a merge key (<<) takes a mapping, an alias of one, or a list of those');
            if (building.has(map))
                throw refuse('a merge key (<<) merges a mapping into itself');
            return convert(item);
        });
    };
    try {
        return convert(document.contents);
    }
    catch (error) {
        if (error instanceof RangeError)
            throw new errors/* ConfigurationError */.j1(`${file.rel}: the document is nested too deeply`);
        throw error;
    }
}


/***/ }),

/***/ 45206:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ COLLECT_AFTER_BYTES),
/* harmony export */   i: () => (/* binding */ collectGarbage)
/* harmony export */ });
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78877);
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_v8__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_vm__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(30714);
/* harmony import */ var node_vm__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_vm__WEBPACK_IMPORTED_MODULE_1__);
// A full garbage collection between the phases of a large check. V8 collects its old generation only when the
// heap reaches a limit it derives from the previous collection, so what one phase leaves behind (the YAML parser's
// document model, Spectral's resolved copy of the spec) is still counted when the next phase builds its own: a
// lint followed by loading two 12.9 MiB JSON specs peaked at 1,097 MiB, and at 849 MiB with a collection between
// the phases (a 3.25 MiB YAML pair: 978 and 615 MiB). Node has no API for it, but V8 exposes `gc` to new contexts
// once the flag is set.


/** Below this many bytes a phase leaves too little behind to be worth a collection. */
const COLLECT_AFTER_BYTES = 256 * 1024;
let collect;
/** Runs a full collection (once the flag can be set; otherwise nothing). */
function collectGarbage() {
    if (collect === undefined) {
        try {
            node_v8__WEBPACK_IMPORTED_MODULE_0__.setFlagsFromString('--expose-gc');
            const gc = node_vm__WEBPACK_IMPORTED_MODULE_1__.runInNewContext('typeof gc === "function" ? gc : undefined');
            collect = typeof gc === 'function' ? gc : null;
        }
        catch {
            collect = null;
        }
    }
    collect?.();
}


/***/ }),

/***/ 18693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ cjsExports)
/* harmony export */ });
/**
 * The exports of a CommonJS package imported with `import * as ns`, the same under Node's native ESM and in an
 * ncc (webpack) bundle. Node exposes module.exports as `ns.default` (named exports only when its lexer can see
 * them); webpack exposes the exports object itself and, for packages compiled with __esModule, an undefined
 * default. `probe` is an export name that must be present.
 */
function cjsExports(namespace, probe) {
    const ns = namespace;
    if (ns && ns[probe] !== undefined)
        return ns;
    const fallback = ns?.default;
    if (fallback && fallback[probe] !== undefined)
        return fallback;
    throw new Error(`CommonJS interop: export "${probe}" not found`);
}


/***/ }),

/***/ 24495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D3: () => (/* binding */ commitOf),
/* harmony export */   Hn: () => (/* binding */ repositoryRoot),
/* harmony export */   Y_: () => (/* binding */ changedFiles),
/* harmony export */   __: () => (/* binding */ checkRef),
/* harmony export */   ao: () => (/* binding */ filesAtCommit),
/* harmony export */   fw: () => (/* binding */ fileAtCommit),
/* harmony export */   tI: () => (/* binding */ baseCommit),
/* harmony export */   wu: () => (/* binding */ mergeBase)
/* harmony export */ });
/* unused harmony exports gitFailure, resolveRef */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76088);
// What the actions ask git: the base a pull request is compared with, the files it changed, and files as they
// are at a commit. One implementation for every action, so they all compare against the same commit.
//
// The base is the MERGE BASE of the base branch and HEAD, everywhere: what the branch started from, as GitHub's
// own "Files changed" tab (a three-dot diff) shows it. On a pull request checkout (actions/checkout's default
// refs/pull/N/merge) HEAD is the merge commit whose first parent is the base branch tip, so the merge base is
// that tip; on a branch checkout it is where the branch left its base, so commits the base branch received
// since are not mistaken for changes of the branch.
//
// Every listing is read NUL-separated (`-z`): git then prints names as they are, never quoted or escaped, so
// names with spaces, quotes, backslashes, newlines, control characters or non-ASCII letters are not lost.


/** Local commands answer in well under a second; the limit only stops a hang (a lock, a broken repository). */
const LOCAL_TIMEOUT_MS = 60_000;
/** Fetches from origin: a shallow clone of a large repository may need minutes to deepen. */
const FETCH_TIMEOUT_MS = 10 * 60_000;
function run(cwd, args, timeout = LOCAL_TIMEOUT_MS) {
    return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('git', args, {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 256 * 1024 * 1024,
        timeout,
        killSignal: 'SIGKILL',
        // A fetch that needs credentials fails at once instead of waiting for a prompt nobody answers.
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never' }
    });
}
function tryRun(cwd, args, timeout) {
    try {
        return run(cwd, args, timeout);
    }
    catch {
        return undefined;
    }
}
/** git's last line of stderr, or why the command did not run (not installed, timed out). */
function gitFailure(error) {
    const failure = error;
    if (failure.code === 'ENOENT')
        return 'git is not installed (apt-get install git)';
    if (failure.code === 'ETIMEDOUT' || failure.signal === 'SIGKILL')
        return 'git did not answer in time';
    return failure.stderr?.trim().split('\n').pop() || failure.message || String(error);
}
/** NUL-separated output as a list, without the empty entry after the last NUL. */
function nulSeparated(output) {
    return output.split('\0').filter((name) => name !== '');
}
/** One line of output without its line break (a path may end in spaces: trim() would change it). */
function line(output) {
    return output.replace(/\r?\n$/, '');
}
/** Refuses anything git could take for an option or a revision expression it should not evaluate. */
function checkRef(ref, what) {
    if (!/^[\w./@^~-]+$/.test(ref) || ref.startsWith('-'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${what} "${ref}" is not a git ref`);
}
/** The repository's top-level folder (as git reports it: the real path). */
function repositoryRoot(cwd) {
    try {
        return line(run(cwd, ['rev-parse', '--show-toplevel']));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${cwd} is not in a git repository: ${gitFailure(error)}`);
    }
}
/** The commit a ref names, or undefined when the clone does not have it. */
function commitOf(cwd, ref) {
    const sha = tryRun(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return sha === undefined ? undefined : line(sha);
}
/**
 * The commit of a branch (or tag, or commit): itself, `origin/<name>`, or fetched from origin once, one commit
 * deep (a shallow clone holds only HEAD). `what` names the setting in messages, e.g. `base branch`.
 */
function resolveRef(cwd, ref, what) {
    checkRef(ref, what);
    for (const candidate of [ref, `origin/${ref}`]) {
        const sha = commitOf(cwd, candidate);
        if (sha)
            return sha;
    }
    try {
        run(cwd, ['fetch', '--no-tags', '--depth=1', 'origin', ref], FETCH_TIMEOUT_MS);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${what} "${ref}" is not in the clone and could not be fetched: ${gitFailure(error)}`);
    }
    // Read at once: the deepening fetches below overwrite FETCH_HEAD.
    const sha = commitOf(cwd, 'FETCH_HEAD');
    if (!sha)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${what} "${ref}" was fetched but names no commit`);
    return sha;
}
/**
 * The merge base of `baseCommit` and HEAD. actions/checkout clones one commit deep, so there is none at first:
 * a pull request's merge commit names the base tip as a parent (no fetch needed); otherwise the history is
 * deepened a little, then fully, before giving up. `ref` is what to fetch from origin when deepening.
 */
function mergeBase(cwd, baseCommit, ref, what) {
    const attempt = () => {
        const found = tryRun(cwd, ['merge-base', baseCommit, 'HEAD']);
        return found === undefined ? undefined : line(found);
    };
    let found = attempt();
    if (found)
        return found;
    // The commit object names its parents even when they were not fetched.
    const parents = [...(tryRun(cwd, ['cat-file', 'commit', 'HEAD']) ?? '').matchAll(/^parent ([0-9a-f]+)$/gm)].map((m) => m[1]);
    if (parents.includes(baseCommit))
        return baseCommit;
    if (tryRun(cwd, ['rev-parse', '--is-shallow-repository'])?.trim() === 'true') {
        for (const args of [
            ['fetch', '--no-tags', '--deepen=100', 'origin', ref],
            ['fetch', '--no-tags', '--unshallow', 'origin', ref]
        ]) {
            if (tryRun(cwd, args, FETCH_TIMEOUT_MS) === undefined)
                continue;
            found = attempt();
            if (found)
                return found;
        }
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`no common history between HEAD and the ${what} "${ref}"; use actions/checkout with fetch-depth: 0`);
}
/** The commit a branch is compared with: the merge base of `ref` and HEAD (see the top of this file). */
function baseCommit(cwd, ref, what) {
    return mergeBase(cwd, resolveRef(cwd, ref, what), ref, what);
}
/**
 * Files added, modified or changed in type (a file turned into a symbolic link) between `from` and HEAD, as
 * paths relative to the repository root. Renames count as additions.
 */
function changedFiles(cwd, from) {
    try {
        return nulSeparated(run(cwd, ['diff', '-z', '--name-only', '--no-renames', '--diff-filter=AMT', from, 'HEAD']));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`cannot list the files changed since ${from}: ${gitFailure(error)}`);
    }
}
/** Every file present at a commit, as paths relative to the repository root. */
function filesAtCommit(cwd, commit) {
    try {
        return nulSeparated(run(cwd, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit]));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`cannot list the files at ${commit}: ${gitFailure(error)}`);
    }
}
/** A file's content at a commit (path relative to the repository root), or undefined when it is not there. */
function fileAtCommit(cwd, commit, path) {
    // `commit:path` takes the path literally up to the end; a path git could read as a pathspec magic is fine.
    return tryRun(cwd, ['cat-file', 'blob', `${commit}:${path}`]);
}


/***/ }),

/***/ 4373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   Fv: () => (/* binding */ walkFiles),
/* harmony export */   Gt: () => (/* binding */ displayPath),
/* harmony export */   Ql: () => (/* binding */ hasExtension),
/* harmony export */   d7: () => (/* binding */ toPosix),
/* harmony export */   fg: () => (/* binding */ isGlob),
/* harmony export */   tL: () => (/* binding */ globToRegExp),
/* harmony export */   xc: () => (/* binding */ planGlobWalk)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76088);
// Globs over `/`-separated paths and how files are named in reports. Our own small matcher: the CLI must start
// fast, and the patterns needed are simple (`**`, `*`, `?`, `[...]`, `{a,b}`).
//
// One case rule everywhere: a file extension at the end of a glob (`*.sql`, `migration.sql`) matches in any
// case (`.SQL`, `.Sql`), as the folder walk does, because migration tools on case-insensitive file systems
// write either. Everything else in a glob is case-sensitive, as the file system is.



const GLOB_CHARS = /[*?[{]/;
/** Folders no walk descends into: dependencies and git's own files are never migrations. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
function toPosix(path) {
    return node_path__WEBPACK_IMPORTED_MODULE_1__.sep === '/' ? path : path.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
}
function isGlob(pattern) {
    return GLOB_CHARS.test(pattern);
}
/** `\.[sS][qQ][lL]` for `.sql`: the extension in either case. */
function anyCaseExtension(extension) {
    return `\\.${[...extension].map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c)).join('')}`;
}
/** A glob as an anchored regular expression over `/`-separated paths: `**`, `*`, `?`, `[...]`, `{a,b}`. */
function globToRegExp(glob) {
    // A trailing `.ext` written literally (not escaped, not inside brackets or braces) matches in any case.
    const extension = /(?<!\\)\.([A-Za-z0-9]+)$/.exec(glob);
    const body = extension ? glob.slice(0, extension.index) : glob;
    let out = '';
    let braces = 0;
    for (let i = 0; i < body.length; i++) {
        const c = body[i];
        if (c === '*') {
            if (body[i + 1] === '*') {
                const slashAfter = body[i + 2] === '/';
                const atSegmentStart = i === 0 || body[i - 1] === '/';
                if (atSegmentStart && slashAfter) {
                    out += '(?:[^/]*/)*';
                    i += 2;
                }
                else {
                    out += '.*';
                    i += 1;
                }
            }
            else
                out += '[^/]*';
        }
        else if (c === '?')
            out += '[^/]';
        else if (c === '[') {
            const close = body.indexOf(']', i + 2);
            if (close < 0)
                out += '\\[';
            else {
                let set = body.slice(i + 1, close);
                if (set.startsWith('!'))
                    set = `^${set.slice(1)}`;
                out += `[${set.replace(/\\/g, '\\\\')}]`;
                i = close;
            }
        }
        else if (c === '{') {
            braces++;
            out += '(?:';
        }
        else if (c === '}' && braces > 0) {
            braces--;
            out += ')';
        }
        else if (c === ',' && braces > 0)
            out += '|';
        else if (c === '\\' && i + 1 < body.length)
            out += `\\${body[++i]}`;
        else
            out += /[.+^$()|\\/\]{}]/.test(c) ? `\\${c}` : c;
    }
    if (braces > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`glob "${glob}" has an unclosed {`);
    return new RegExp(`^${out}${extension ? anyCaseExtension(extension[1]) : ''}$`);
}
/** True when the path ends with the extension (given without the dot), in any case. */
function hasExtension(path, extension) {
    return path.length > extension.length && path.slice(-extension.length - 1).toLowerCase() === `.${extension}`;
}
/** Splits a glob into the folder to start walking from and how deep the rest of the pattern can reach. */
function planGlobWalk(pattern, cwd) {
    const absolute = toPosix((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, pattern));
    const segments = absolute.split('/');
    const firstGlob = segments.findIndex((s) => isGlob(s));
    const base = segments.slice(0, firstGlob).join('/') || '/';
    const rest = segments.slice(firstGlob);
    return {
        base,
        depth: rest.some((s) => s.includes('**')) ? Infinity : rest.length,
        test: globToRegExp(absolute)
    };
}
/**
 * Calls `visit` for each file (or symbolic link, which is not followed into folders) below `dir`, up to `depth`
 * levels, skipping node_modules and .git. An unreadable folder is skipped.
 */
function walkFiles(dir, depth, visit) {
    let entries;
    try {
        entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir, { withFileTypes: true });
    }
    catch {
        return;
    }
    for (const entry of entries) {
        const path = dir === '/' ? `/${entry.name}` : `${dir}/${entry.name}`;
        if (entry.isDirectory()) {
            if (depth > 1 && !SKIPPED_DIRS.has(entry.name))
                walkFiles(path, depth - 1, visit);
        }
        else if (entry.isFile() || entry.isSymbolicLink())
            visit(path, entry);
    }
}
/** How a file is named in reports: relative to cwd with `/`, or absolute when it lies outside. */
function displayPath(absolute, cwd) {
    const rel = toPosix((0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(cwd, absolute));
    return rel === '' || rel.startsWith('../') || rel === '..' || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel) ? toPosix(absolute) : rel;
}
/** True when `path` is `root` or below it (both absolute; no file system access). */
function isInside(root, path) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, path);
    return rel === '' || (!rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) && rel !== '..' && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel));
}


/***/ }),

/***/ 58719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aj: () => (/* binding */ httpRequest),
/* harmony export */   j$: () => (/* binding */ HttpError)
/* harmony export */ });
/* unused harmony exports defaultRetryOn, backoffDelay, parseRetryAfter, httpRequestSecrets */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76088);
/* harmony import */ var _http_transport_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6191);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(53570);
/**
 * The HTTP client of the actions: the transport (http-transport.ts: TLS options, redirects that drop secrets
 * across origins, size caps, timing) with what a client needs on top: a per-attempt timeout, retries with capped
 * exponential backoff and Retry-After, JSON, and error messages that say what went wrong in plain words without
 * ever containing a credential.
 */



/**
 * A request that could not produce a usable response. The message is safe to print: the original error is
 * deliberately not attached as `cause`, since its text may quote the URL with its credentials.
 */
class HttpError extends Error {
    details;
    name = 'HttpError';
    constructor(message, details) {
        super(message);
        this.details = details;
    }
}
const DEFAULTS = {
    timeoutMs: 10_000,
    retries: 0,
    backoffMs: 200,
    maxBackoffMs: 30_000,
    maxBodyBytes: 10 * 1024 * 1024,
    maxRedirects: 5
};
function defaultRetryOn(status) {
    return status === 429 || status >= 500;
}
/**
 * The delay before retry number `retry` (1-based): base * 2^(retry-1), capped, then "equal jitter" (half
 * fixed, half random) so that many clients retrying together spread out but none retries immediately.
 */
function backoffDelay(retry, baseMs, capMs, random = Math.random) {
    const exponential = Math.min(capMs, baseMs * 2 ** Math.max(0, retry - 1));
    return Math.round(exponential / 2 + random() * (exponential / 2));
}
/** Retry-After as milliseconds from now: either delta-seconds or an HTTP date; undefined if unusable. */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/**
 * Every secret a request with these options sends, in every form (URL credentials raw, decoded and as the Basic
 * header's base64, sensitive header values and their tokens), for an adapter to mask before anything is logged.
 */
function httpRequestSecrets(url, options = {}) {
    return [...new Set(requestSecrets(url, options.headers, options.secrets))];
}
/** The abort reason as an Error (AbortController.abort() gives a DOMException; abort('x') a string). */
function abortError(signal) {
    const reason = signal.reason;
    return reason instanceof Error ? reason : new Error(String(reason));
}
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(abortError(signal));
        const onAbort = () => {
            clearTimeout(timer);
            if (signal)
                reject(abortError(signal));
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
function formatMegabytes(bytes) {
    return bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(2)} MiB` : `${bytes} bytes`;
}
// What a failed exchange says, in the words of this client's messages ("... failed after 2 attempts: <why>").
const REASONS = {
    refused: 'connection refused',
    reset: 'connection reset by the server'
};
// Failures that another attempt cannot fix.
const FINAL = new Set(['invalid', 'redirect', 'too-large', 'aborted']);
/** Sends a request, retrying as configured; resolves with the last response, whatever its status. */
async function httpRequest(url, options = {}) {
    const method = (options.method ?? 'GET').toUpperCase();
    const displayUrl = (0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrl */ .BO)(url);
    const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
    const maxAttempts = 1 + Math.max(0, Math.floor(options.retries ?? DEFAULTS.retries));
    const backoffMs = options.backoffMs ?? DEFAULTS.backoffMs;
    const maxBackoffMs = options.maxBackoffMs ?? DEFAULTS.maxBackoffMs;
    const maxBodyBytes = options.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
    const retryOn = options.retryOn ?? defaultRetryOn;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
        const secrets = [...(options.secrets ?? []), ...(0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .credentialsInUrl */ .FB)(url)];
        throw new HttpError((0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(`${method} ${displayUrl} failed: not a valid http(s) URL`, secrets), {
            method,
            url: (0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(displayUrl, secrets),
            attempts: 0
        });
    }
    const request = { secrets: (0,_http_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .requestSecrets */ .pN)(url, options.headers, options.secrets) };
    const safe = (text) => (0,_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(text, request.secrets);
    const fail = (message, details) => new HttpError(safe(message), { method, url: safe(displayUrl), ...details });
    const attemptsText = (n) => `after ${n} attempt${n === 1 ? '' : 's'}`;
    for (let attempt = 1;; attempt++) {
        if (options.signal?.aborted) {
            throw fail(`${method} ${displayUrl} was aborted`, { attempts: attempt - 1 });
        }
        let raw;
        try {
            raw = await (0,_http_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .sendRequest */ .w$)({
                url,
                method,
                headers: options.headers,
                body: options.body,
                tls: options.tls,
                followRedirects: (options.maxRedirects ?? DEFAULTS.maxRedirects) > 0,
                maxRedirects: options.maxRedirects ?? DEFAULTS.maxRedirects,
                signal: options.signal,
                timeoutMs,
                maxBodyBytes,
                secrets: request.secrets
            });
        }
        catch (error) {
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1)
                throw fail(`${method} ${displayUrl} failed: ${error.message}`, { attempts: attempt });
            if (!(error instanceof _http_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .RequestError */ .GI))
                throw error;
            const code = error.kind === 'timeout' ? 'ETIMEDOUT' : error.code;
            const details = { attempts: attempt, ...(code ? { code } : {}) };
            if (error.kind === 'aborted')
                throw fail(`${method} ${displayUrl} was aborted`, details);
            if (error.kind === 'too-large')
                throw fail(`${method} ${displayUrl} returned a response body larger than ${formatMegabytes(maxBodyBytes)}`, details);
            const reason = error.kind === 'timeout' ? `timed out after ${timeoutMs}ms` : (REASONS[error.kind] ?? error.message);
            if (FINAL.has(error.kind))
                throw fail(`${method} ${displayUrl} failed: ${reason}`, details);
            if (attempt >= maxAttempts)
                throw fail(`${method} ${displayUrl} failed ${attemptsText(attempt)}: ${reason}`, details);
            await waitOrAbort(backoffDelay(attempt, backoffMs, maxBackoffMs), attempt);
            continue;
        }
        const timeMs = raw.latencyMs;
        if (attempt < maxAttempts && retryOn(raw.status)) {
            const retryAfter = raw.status === 429 || raw.status === 503 ? parseRetryAfter(raw.headers['retry-after']) : undefined;
            const delay = retryAfter !== undefined ? Math.min(retryAfter, maxBackoffMs) : backoffDelay(attempt, backoffMs, maxBackoffMs);
            await waitOrAbort(delay, attempt);
            continue;
        }
        return toResponse(raw, timeMs, attempt);
    }
    async function waitOrAbort(ms, attempt) {
        try {
            await sleep(ms, options.signal);
        }
        catch {
            throw fail(`${method} ${displayUrl} was aborted`, { attempts: attempt });
        }
    }
    function toResponse(raw, timeMs, attempts) {
        return {
            status: raw.status,
            headers: raw.headers,
            body: raw.body,
            timeMs,
            attempts,
            json() {
                try {
                    return JSON.parse(raw.body);
                }
                catch (error) {
                    const reason = error instanceof Error ? error.message : String(error);
                    throw fail(`${method} ${displayUrl} returned a body that is not JSON: ${reason}`, {
                        attempts,
                        status: raw.status
                    });
                }
            }
        };
    }
}


/***/ }),

/***/ 51790:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ep: () => (/* binding */ buildSarif),
/* harmony export */   YO: () => (/* binding */ serializeSarif)
/* harmony export */ });
/* unused harmony exports SARIF_SCHEMA_URI, SRCROOT, pathToSarifUri */
/**
 * SARIF 2.1.0 output for the linters, in the subset GitHub code scanning reads: one run, the rules in
 * tool.driver.rules, and results that point at a region of a file relative to the repository root.
 */
const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Root-relative base: GitHub resolves %SRCROOT% to the checkout, so results link to the file. */
const SRCROOT = '%SRCROOT%';
/**
 * A URI reference for a path: forward slashes, no leading "./", each segment percent-encoded (a space or "#"
 * in a file name would otherwise produce an invalid or different URI). Absolute paths become file:// URIs
 * without a base, because they cannot be resolved against the repository root.
 */
function pathToSarifUri(file) {
    const normalized = file.replace(/\\/g, '/');
    const encode = (segments) => segments.map((segment) => encodeURIComponent(segment)).join('/');
    if (/^[a-z]:\//i.test(normalized))
        return { uri: `file:///${normalized.slice(0, 2)}/${encode(normalized.slice(3).split('/'))}` };
    if (normalized.startsWith('/'))
        return { uri: `file://${encode(normalized.split('/'))}` };
    const segments = normalized.split('/').filter((segment) => segment !== '' && segment !== '.');
    return { uri: encode(segments), uriBaseId: SRCROOT };
}
function isSemver(version) {
    return /^\d+\.\d+\.\d+(?:-[0-9a-z.-]+)?(?:\+[0-9a-z.-]+)?$/i.test(version);
}
function region(result) {
    // SARIF lines and columns are 1-based; 0 or a fraction would make the whole log invalid.
    const positive = (value) => value !== undefined && Number.isInteger(value) && value >= 1 ? value : undefined;
    const built = { startLine: positive(result.startLine) ?? 1 };
    const startColumn = positive(result.startColumn);
    const endLine = positive(result.endLine);
    const endColumn = positive(result.endColumn);
    if (startColumn !== undefined)
        built.startColumn = startColumn;
    if (endLine !== undefined && endLine >= built.startLine)
        built.endLine = endLine;
    if (endColumn !== undefined)
        built.endColumn = endColumn;
    return built;
}
/** Builds a SARIF log; a result whose ruleId is not among the rules is a programming error and throws. */
function buildSarif(input) {
    const ruleIndex = new Map();
    const rules = input.rules.map((rule, index) => {
        if (ruleIndex.has(rule.id))
            throw new Error(`SARIF rule "${rule.id}" is declared twice`);
        ruleIndex.set(rule.id, index);
        const descriptor = {
            id: rule.id,
            shortDescription: { text: rule.shortDescription },
            defaultConfiguration: { level: rule.defaultLevel }
        };
        if (rule.name !== undefined)
            descriptor.name = rule.name;
        if (rule.fullDescription !== undefined)
            descriptor.fullDescription = { text: rule.fullDescription };
        if (rule.helpUri !== undefined)
            descriptor.helpUri = rule.helpUri;
        return descriptor;
    });
    const results = input.results.map((result) => {
        const index = ruleIndex.get(result.ruleId);
        if (index === undefined)
            throw new Error(`SARIF result refers to undeclared rule "${result.ruleId}"`);
        return {
            ruleId: result.ruleId,
            ruleIndex: index,
            level: result.level,
            message: { text: result.message },
            locations: [{ physicalLocation: { artifactLocation: pathToSarifUri(result.file), region: region(result) } }]
        };
    });
    const driver = {
        name: input.toolName,
        version: input.toolVersion,
        informationUri: input.informationUri,
        rules
    };
    if (isSemver(input.toolVersion))
        driver.semanticVersion = input.toolVersion;
    return {
        $schema: SARIF_SCHEMA_URI,
        version: '2.1.0',
        runs: [
            {
                tool: { driver },
                columnKind: 'utf16CodeUnits',
                results
            }
        ]
    };
}
/** Deterministic JSON: keys sorted at every level (array order kept), two-space indent, final newline. */
function serializeSarif(log) {
    return `${JSON.stringify(sortKeys(log), null, 2)}\n`;
}
function sortKeys(value) {
    if (Array.isArray(value))
        return value.map(sortKeys);
    if (value !== null && typeof value === 'object') {
        // No prototype: a "__proto__" key must stay data, not replace the prototype.
        const sorted = Object.create(null);
        for (const key of Object.keys(value).sort()) {
            const child = value[key];
            if (child !== undefined)
                sorted[key] = sortKeys(child);
        }
        return sorted;
    }
    return value;
}


/***/ })

};
