export const id = 723;
export const ids = [723];
export const modules = {

/***/ 15723:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  command: () => (/* binding */ cli_command)
});

// EXTERNAL MODULE: ./shared/src/cli/command.ts + 1 modules
var command = __webpack_require__(79665);
// EXTERNAL MODULE: ./shared/src/lib/errors.ts
var errors = __webpack_require__(76088);
;// CONCATENATED MODULE: ./actions/contract-test/src/diff/catalog.ts
const defineCheck = (id, level, description) => ({
    id,
    level,
    description
});
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

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/exchange.ts

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
 * (a base line number on the head file would land on an unrelated line).
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
    /** Something only the base spec has: `was` are its base anchors, `parent` head's surviving parents. */
    removed(id, where, message, was, parent) {
        const baseLocation = this.place(this.base, was);
        this.push(id, where, `${message}${wasAt(baseLocation)}`, this.place(this.head, parent), baseLocation);
    }
}
// ---- parameters ------------------------------------------------------------------------------------------
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
function schemaSink(e, v) {
    return (change) => e.sink({ ...change, id: v.schemaId(change.id) });
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
/** Labels in messages: "request body (application/json)" of an operation, "POST webhook x, request body" of others. */
function inner(where, what) {
    return where.label === undefined ? what : `${where.label}, ${what}`;
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
// ---- responses -------------------------------------------------------------------------------------------
function isSuccess(status) {
    return status === 'default' || status.startsWith('2');
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
            const id = v.statusRemoved(isSuccess(status));
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
// ---- links -----------------------------------------------------------------------------------------------
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

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/schema.ts

const check = defineCheck;
const SCHEMA_CHECKS = [
    check('response-property-removed', 'error', 'A response property was removed; clients reading it break.'),
    check('request-property-removed', 'warning', 'A request property was removed; servers may reject clients still sending it.'),
    check('new-required-request-property', 'error', 'A new required request property; existing clients do not send it.'),
    check('new-optional-request-property', 'info', 'A new optional request property.'),
    check('response-property-added', 'info', 'A new response property.'),
    check('request-property-became-required', 'error', 'An optional request property became required.'),
    check('request-property-became-optional', 'info', 'A required request property became optional.'),
    check('response-property-became-optional', 'warning', 'A required response property became optional; clients may rely on it.'),
    check('response-property-became-required', 'info', 'An optional response property became required.'),
    check('request-property-type-changed', 'error', 'A request type no longer accepts values it accepted.'),
    check('response-property-type-changed', 'error', 'A response type may now carry values of a type clients do not expect.'),
    check('request-property-type-widened', 'info', 'A request type accepts more (e.g. integer to number).'),
    check('response-property-type-narrowed', 'info', 'A response type carries fewer kinds of values (e.g. number to integer).'),
    check('request-property-format-changed', 'error', 'A request format was replaced by an incompatible one.'),
    check('response-property-format-changed', 'error', 'A response format was replaced by an incompatible one.'),
    check('request-property-format-widened', 'info', 'A request format was widened (int32 to int64, float to double).'),
    check('response-property-format-narrowed', 'info', 'A response format was narrowed (int64 to int32, double to float).'),
    check('request-property-format-added', 'warning', 'A request value gained a format; values that do not match it may be rejected.'),
    check('request-property-format-removed', 'info', 'A request value lost its format.'),
    check('response-property-format-added', 'info', 'A response value gained a format.'),
    check('response-property-format-removed', 'warning', 'A response value lost its format; clients may rely on it.'),
    check('response-property-became-nullable', 'warning', 'A response value may now be null.'),
    check('request-property-became-nullable', 'info', 'A request value now accepts null.'),
    check('request-property-became-not-nullable', 'error', 'A request value no longer accepts null.'),
    check('response-property-became-not-nullable', 'info', 'A response value is no longer null.'),
    check('request-property-enum-value-removed', 'error', 'A request enum value was removed; clients sending it break.'),
    check('response-property-enum-value-removed', 'info', 'A response enum value was removed.'),
    check('request-property-enum-value-added', 'info', 'A request enum value was added.'),
    check('response-property-enum-value-added', 'warning', 'A response enum value was added; clients may not handle it.'),
    check('request-property-became-enum', 'error', 'A free request value was restricted to an enum or const.'),
    check('response-property-became-not-enum', 'warning', 'A response value is no longer restricted to an enum or const.'),
    check('request-property-const-changed', 'error', 'A request const changed.'),
    check('response-property-const-changed', 'error', 'A response const changed.'),
    check('request-property-max-decreased', 'error', 'A request maximum (or exclusiveMaximum) was lowered or added.'),
    check('request-property-min-increased', 'error', 'A request minimum (or exclusiveMinimum) was raised or added.'),
    check('response-property-max-increased', 'warning', 'A response maximum (or exclusiveMaximum) was raised or removed.'),
    check('response-property-min-decreased', 'warning', 'A response minimum (or exclusiveMinimum) was lowered or removed.'),
    check('request-property-max-length-decreased', 'error', 'A request maxLength was lowered or added.'),
    check('request-property-min-length-increased', 'error', 'A request minLength was raised or added.'),
    check('response-property-max-length-increased', 'warning', 'A response maxLength was raised or removed.'),
    check('response-property-min-length-decreased', 'warning', 'A response minLength was lowered or removed.'),
    check('request-property-max-items-decreased', 'error', 'A request maxItems was lowered or added.'),
    check('request-property-min-items-increased', 'error', 'A request minItems was raised or added.'),
    check('response-property-max-items-increased', 'warning', 'A response maxItems was raised or removed.'),
    check('response-property-min-items-decreased', 'warning', 'A response minItems was lowered or removed.'),
    check('request-property-pattern-changed', 'error', 'A request pattern was added or changed.'),
    check('response-property-pattern-changed', 'warning', 'A response pattern was removed or changed.'),
    check('request-property-unique-items-added', 'error', 'A request array now requires unique items.'),
    check('response-property-unique-items-removed', 'warning', 'A response array may now contain duplicates.'),
    check('request-property-default-changed', 'warning', 'A request default changed; clients omitting the value get another behaviour.'),
    check('response-property-default-changed', 'warning', 'A response default changed.'),
    check('request-property-became-read-only', 'error', 'A request property became readOnly; clients sending it may be rejected or ignored.'),
    check('request-property-became-not-read-only', 'info', 'A readOnly property can now be sent in requests.'),
    check('response-property-became-write-only', 'error', 'A response property became writeOnly; it is no longer returned.'),
    check('response-property-became-not-write-only', 'info', 'A writeOnly property is now returned in responses.'),
    check('request-property-additional-properties-restricted', 'error', 'A request object no longer accepts additional properties.'),
    check('response-property-additional-properties-allowed', 'warning', 'A response object may now carry undeclared properties.'),
    check('request-property-one-of-variant-removed', 'error', 'A oneOf variant accepted in requests was removed.'),
    check('request-property-one-of-variant-added', 'info', 'A oneOf variant was added to a request schema.'),
    check('response-property-one-of-variant-added', 'warning', 'A response may now be of a new oneOf variant.'),
    check('response-property-one-of-variant-removed', 'info', 'A oneOf variant was removed from a response schema.'),
    check('request-property-any-of-variant-removed', 'error', 'An anyOf variant accepted in requests was removed.'),
    check('request-property-any-of-variant-added', 'info', 'An anyOf variant was added to a request schema.'),
    check('response-property-any-of-variant-added', 'warning', 'A response may now match a new anyOf variant.'),
    check('response-property-any-of-variant-removed', 'info', 'An anyOf variant was removed from a response schema.')
];
const LEVELS = new Map(SCHEMA_CHECKS.map((c) => [c.id, c.level]));
const schema_isObject = isJsonObject;
const num = (v) => (typeof v === 'number' ? v : undefined);
const schema_text = (v) => (v === undefined ? '(none)' : JSON.stringify(v));
// A value-level key so enum members can be compared by content, including object and array members.
function valueKey(v) {
    if (!schema_isObject(v))
        return JSON.stringify(v);
    return `{${Object.keys(v)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${valueKey(v[k])}`)
        .join(',')}}`;
}
function isNullOnly(node) {
    if (!schema_isObject(node))
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
        if (schema_isObject(part.properties)) {
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
                if (schema_isObject(sub))
                    absorb(sub);
        for (const kind of ['oneOf', 'anyOf']) {
            const list = part[kind];
            if (!Array.isArray(list))
                continue;
            // A null variant is OAS 3.1's way of writing nullable; a single remaining variant is just that schema.
            const variants = list.filter((v) => !isNullOnly(v));
            if (variants.length < list.length)
                nullVotes++;
            if (variants.length === 1 && schema_isObject(variants[0]))
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
const covers = (types, t) => types.has(t) || (t === 'integer' && types.has('number'));
const FORMAT_WIDENING = { int32: 'int64', float: 'double' };
class Comparator {
    ctx;
    shapes = new Map();
    visited = new Map();
    constructor(ctx) {
        this.ctx = ctx;
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
        const level = LEVELS.get(id);
        if (!level)
            throw new Error(`schema diff: check ${id} is not in SCHEMA_CHECKS`);
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
     * `headKeyword`, e.g. `properties`, else the schema), with the base location named in the message.
     */
    emitRemoved(id, path, what, base, baseKeyword, head, headKeyword) {
        this.report(id, path, what, this.place(this.ctx.head, head, headKeyword), this.place(this.ctx.base, base, baseKeyword));
    }
    get dir() {
        return this.ctx.direction;
    }
    compare(base, head, path, ignoreNullable = false) {
        if (!schema_isObject(base) || !schema_isObject(head))
            return;
        const pairs = this.visited.get(base) ?? new Set();
        if (pairs.has(head))
            return;
        pairs.add(head);
        this.visited.set(base, pairs);
        const b = this.shape(base);
        const h = this.shape(head);
        if (!ignoreNullable)
            this.compareNullable(b, h, path);
        const bComposite = b.oneOf ?? b.anyOf;
        const hComposite = h.oneOf ?? h.anyOf;
        if (Boolean(bComposite) !== Boolean(hComposite)) {
            // One side is a plain schema, the other a choice: the plain one is a choice of one, so only the variants
            // are compared (comparing its properties against the choice's empty top level would invent removals).
            const kind = b.oneOf || h.oneOf ? 'oneOf' : 'anyOf';
            this.compareVariants(kind, bComposite ?? [base], hComposite ?? [head], path, b, h);
            return;
        }
        if (!this.compareTypes(b, h, path))
            return;
        this.compareFormat(b, h, path);
        this.compareValues(b, h, path);
        this.compareBounds(b, h, path);
        this.compareDefault(b, h, path);
        this.compareObject(b, h, path);
        this.compareArray(b, h, path);
        if (b.oneOf && h.oneOf)
            this.compareVariants('oneOf', b.oneOf, h.oneOf, path, b, h);
        if (b.anyOf && h.anyOf)
            this.compareVariants('anyOf', b.anyOf, h.anyOf, path, b, h);
        if (b.oneOf && h.anyOf && !h.oneOf)
            this.compareVariants('anyOf', b.oneOf, h.anyOf, path, b, h);
        if (b.anyOf && h.oneOf && !h.anyOf)
            this.compareVariants('oneOf', b.anyOf, h.oneOf, path, b, h);
    }
    compareNullable(b, h, path) {
        if (b.nullable === h.nullable)
            return;
        const key = h.origin.has('type') ? 'type' : undefined;
        if (h.nullable) {
            const id = this.dir === 'response' ? 'response-property-became-nullable' : 'request-property-became-nullable';
            this.emit(id, path, 'became nullable', h, key);
        }
        else {
            const id = this.dir === 'request' ? 'request-property-became-not-nullable' : 'response-property-became-not-nullable';
            this.emit(id, path, 'is no longer nullable', h, key);
        }
    }
    /** Returns false when the types are incompatible, since checks of type-specific keywords would be noise. */
    compareTypes(b, h, path) {
        if (!b.types || !h.types)
            return true;
        const lost = [...b.types].filter((t) => !covers(h.types, t));
        const gained = [...h.types].filter((t) => !covers(b.types, t));
        if (lost.length === 0 && gained.length === 0)
            return true;
        const what = `type changed from ${[...b.types].join('|')} to ${[...h.types].join('|')}`;
        if (this.dir === 'request') {
            if (lost.length > 0) {
                this.emit('request-property-type-changed', path, what, h, 'type');
                return false;
            }
            this.emit('request-property-type-widened', path, what, h, 'type');
        }
        else {
            if (gained.length > 0) {
                this.emit('response-property-type-changed', path, what, h, 'type');
                return false;
            }
            this.emit('response-property-type-narrowed', path, what, h, 'type');
        }
        return true;
    }
    compareFormat(b, h, path) {
        if (b.format === h.format)
            return;
        const what = `format changed from ${b.format ?? '(none)'} to ${h.format ?? '(none)'}`;
        const req = this.dir === 'request';
        if (b.format === undefined) {
            this.emit(req ? 'request-property-format-added' : 'response-property-format-added', path, what, h, 'format');
        }
        else if (h.format === undefined) {
            this.emit(req ? 'request-property-format-removed' : 'response-property-format-removed', path, what, h);
        }
        else if (FORMAT_WIDENING[b.format] === h.format) {
            this.emit(req ? 'request-property-format-widened' : 'response-property-format-changed', path, what, h, 'format');
        }
        else if (FORMAT_WIDENING[h.format] === b.format) {
            this.emit(req ? 'request-property-format-changed' : 'response-property-format-narrowed', path, what, h, 'format');
        }
        else {
            this.emit(req ? 'request-property-format-changed' : 'response-property-format-changed', path, what, h, 'format');
        }
    }
    compareValues(b, h, path) {
        const req = this.dir === 'request';
        if (!b.values && !h.values)
            return;
        if (!b.values) {
            if (req)
                this.emit('request-property-became-enum', path, `restricted to ${schema_text(h.values)}`, h, h.isConst ? 'const' : 'enum');
            return;
        }
        if (!h.values) {
            if (!req)
                this.emit('response-property-became-not-enum', path, `no longer restricted to ${schema_text(b.values)}`, h);
            return;
        }
        if (b.isConst && h.isConst) {
            if (valueKey(b.values[0]) !== valueKey(h.values[0])) {
                const id = req ? 'request-property-const-changed' : 'response-property-const-changed';
                this.emit(id, path, `const changed from ${schema_text(b.values[0])} to ${schema_text(h.values[0])}`, h, 'const');
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
            this.emit(id, path, `enum value ${schema_text(v)} removed`, h, key);
        }
        for (const v of h.values) {
            if (bKeys.has(valueKey(v)))
                continue;
            const id = req ? 'request-property-enum-value-added' : 'response-property-enum-value-added';
            this.emit(id, path, `enum value ${schema_text(v)} added`, h, key);
        }
    }
    compareBounds(b, h, path) {
        const req = this.dir === 'request';
        const show = (x) => (x ? `${x.exclusive ? '<' : ''}${x.value}` : '(none)');
        const maxTighter = (x, y) => y !== undefined && (x === undefined || y.value < x.value || (y.value === x.value && y.exclusive && !x.exclusive));
        const minTighter = (x, y) => y !== undefined && (x === undefined || y.value > x.value || (y.value === x.value && y.exclusive && !x.exclusive));
        if (req && maxTighter(b.max, h.max))
            this.emit('request-property-max-decreased', path, `maximum changed from ${show(b.max)} to ${show(h.max)}`, h, 'maximum');
        if (!req && maxTighter(h.max, b.max))
            this.emit('response-property-max-increased', path, `maximum changed from ${show(b.max)} to ${show(h.max)}`, h, 'maximum');
        if (req && minTighter(b.min, h.min))
            this.emit('request-property-min-increased', path, `minimum changed from ${show(b.min)} to ${show(h.min)}`, h, 'minimum');
        if (!req && minTighter(h.min, b.min))
            this.emit('response-property-min-decreased', path, `minimum changed from ${show(b.min)} to ${show(h.min)}`, h, 'minimum');
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
                this.emit(`request-property-max-${noun}-decreased`, path, maxWhat, h, maxKey);
            if (!req && hMax > bMax)
                this.emit(`response-property-max-${noun}-increased`, path, maxWhat, h, maxKey);
            if (req && hMin > bMin)
                this.emit(`request-property-min-${noun}-increased`, path, minWhat, h, minKey);
            if (!req && hMin < bMin)
                this.emit(`response-property-min-${noun}-decreased`, path, minWhat, h, minKey);
        }
        if (b.pattern !== h.pattern) {
            const what = `pattern changed from ${schema_text(b.pattern)} to ${schema_text(h.pattern)}`;
            if (req && h.pattern !== undefined)
                this.emit('request-property-pattern-changed', path, what, h, 'pattern');
            if (!req && b.pattern !== undefined)
                this.emit('response-property-pattern-changed', path, what, h, 'pattern');
        }
        if (req && h.uniqueItems && !b.uniqueItems)
            this.emit('request-property-unique-items-added', path, 'now requires unique items', h, 'uniqueItems');
        if (!req && b.uniqueItems && !h.uniqueItems)
            this.emit('response-property-unique-items-removed', path, 'no longer guarantees unique items', h);
    }
    compareDefault(b, h, path) {
        if (!b.hasDefault || !h.hasDefault)
            return;
        if (valueKey(b.default ?? null) === valueKey(h.default ?? null))
            return;
        const id = this.dir === 'request' ? 'request-property-default-changed' : 'response-property-default-changed';
        this.emit(id, path, `default changed from ${schema_text(b.default)} to ${schema_text(h.default)}`, h, 'default');
    }
    compareObject(b, h, path) {
        const req = this.dir === 'request';
        // readOnly values are never sent by clients and writeOnly ones never returned: out of this direction's contract.
        const absent = (s) => (req ? s.readOnly : s.writeOnly);
        const child = (name) => (path ? `${path}.${name}` : name);
        for (const name of new Set([...b.properties.keys(), ...h.properties.keys()])) {
            const bNode = b.properties.get(name);
            const hNode = h.properties.get(name);
            const bs = schema_isObject(bNode) ? this.shape(bNode) : undefined;
            const hs = schema_isObject(hNode) ? this.shape(hNode) : undefined;
            const at = child(name);
            if (bNode !== undefined && hNode === undefined) {
                if (bs && absent(bs))
                    continue;
                this.emitRemoved(req ? 'request-property-removed' : 'response-property-removed', at, 'removed', b, `properties.${name}`, h, 'properties');
                continue;
            }
            if (bNode === undefined && hNode !== undefined) {
                if (hs && absent(hs))
                    continue;
                if (!req)
                    this.emit('response-property-added', at, 'added', h, `properties.${name}`);
                else if (h.required.has(name))
                    this.emit('new-required-request-property', at, 'added as required', h, `properties.${name}`);
                else
                    this.emit('new-optional-request-property', at, 'added as optional', h, `properties.${name}`);
                continue;
            }
            if (bs && hs) {
                if (absent(bs) && absent(hs))
                    continue;
                if (req && hs.readOnly !== bs.readOnly) {
                    const id = hs.readOnly ? 'request-property-became-read-only' : 'request-property-became-not-read-only';
                    this.emit(id, at, hs.readOnly ? 'became readOnly' : 'is no longer readOnly', hs, 'readOnly');
                    continue;
                }
                if (!req && hs.writeOnly !== bs.writeOnly) {
                    const id = hs.writeOnly ? 'response-property-became-write-only' : 'response-property-became-not-write-only';
                    this.emit(id, at, hs.writeOnly ? 'became writeOnly' : 'is no longer writeOnly', hs, 'writeOnly');
                    continue;
                }
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
                this.emit(id, at, hReq ? 'became required' : 'became optional', h, `properties.${name}`);
            }
            this.compare(bNode, hNode, at);
        }
        const closed = (v) => v === false;
        if (req && closed(h.additional) && !closed(b.additional))
            this.emit('request-property-additional-properties-restricted', path, 'additionalProperties became false', h, 'additionalProperties');
        if (!req && closed(b.additional) && !closed(h.additional))
            this.emit('response-property-additional-properties-allowed', path, 'additionalProperties is no longer false', h, 'additionalProperties');
        if (schema_isObject(b.additional) && schema_isObject(h.additional))
            this.compare(b.additional, h.additional, path ? `${path}.*` : '*');
    }
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
    describe(node, spec) {
        const name = spec.componentName(node);
        if (name)
            return name;
        if (!schema_isObject(node))
            return JSON.stringify(node);
        const s = this.shape(node);
        const type = s.types ? [...s.types].join('|') : 'any';
        if (s.values)
            return `${type} ${schema_text(s.isConst ? s.values[0] : s.values)}`;
        if (s.properties.size > 0)
            return `${type} {${[...s.properties.keys()].join(', ')}}`;
        return type;
    }
    /** How alike two variants are, or -1 when they cannot be the same variant. */
    similarity(base, head) {
        if (base === head)
            return 1000;
        if (!schema_isObject(base) || !schema_isObject(head))
            return -1;
        const b = this.shape(base);
        const h = this.shape(head);
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
            const bv = schema_isObject(bp) ? this.shape(bp) : undefined;
            const hv = schema_isObject(hp) ? this.shape(hp) : undefined;
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
    compareVariants(kind, bList, hList, path, b, h) {
        const scored = [];
        bList.forEach((bv, i) => hList.forEach((hv, j) => {
            const score = this.similarity(bv, hv);
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
            const id = `${this.dir}-property-${slug}-variant-removed`;
            this.emitRemoved(id, path, `${kind} variant ${this.describe(bv, this.ctx.base)} removed`, b, kind, h, kind);
        });
        hList.forEach((hv, j) => {
            if (hUsed.has(j))
                return;
            const id = `${this.dir}-property-${slug}-variant-added`;
            this.emit(id, path, `${kind} variant ${this.describe(hv, this.ctx.head)} added`, h, kind);
        });
        for (const [i, j] of bUsed) {
            const at = hList.length > 1 ? `${path}${path ? '.' : ''}${kind}[${j}]` : path;
            this.compare(bList[i], hList[j], at, true);
        }
    }
}
/**
 * Compares two schemas (either may be missing: nothing is reported then; the caller reports a schema that was
 * added or removed as a whole) and emits every difference through ctx.emit.
 */
function compareSchemas(base, head, ctx) {
    new Comparator(ctx).compare(base === true ? {} : base, head === true ? {} : head, '');
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/outgoing.ts



const KINDS = ['webhook', 'callback'];
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** `request` <-> `response` in a schema check id: the direction the comparator judged it in, swapped. */
function swapDirection(id) {
    return id.replace(/\b(request|response)\b/, (word) => (word === 'request' ? 'response' : 'request'));
}
function operationChecks(kind) {
    const c = (suffix, level, description) => defineCheck(`${kind}-${suffix}`, level, description);
    const a = kind === 'webhook' ? 'A webhook' : 'A callback';
    return [
        c('removed', 'error', `${a} operation was removed without being deprecated first: receivers no longer get it`),
        c('removed-after-deprecation', 'info', `A deprecated ${kind} operation was removed`),
        c('added', 'info', `${a} operation was added`),
        c('deprecated', 'info', `${a} operation became deprecated`),
        c('operation-id-changed', 'warning', `The operationId of ${kind} operation changed (generated handler names change)`),
        ...(kind === 'callback'
            ? [
                c('expression-changed', 'error', 'The runtime expression giving a callback URL changed: the API calls another URL than clients registered')
            ]
            : []),
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
function schemaChecks(kind) {
    return SCHEMA_CHECKS.map((check) => {
        const sentByApi = /\bresponse\b/.test(check.id);
        const message = sentByApi
            ? `In a ${kind} request (the API sends it: judged as \`${check.id}\`)`
            : `In a ${kind} response (the receiver sends it: judged as \`${check.id}\`)`;
        return defineCheck(`${kind}-${swapDirection(check.id)}`, check.level, `${message}: ${check.description}`);
    });
}
const OUTGOING_CHECKS = KINDS.flatMap((kind) => [...operationChecks(kind), ...schemaChecks(kind)]);
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
function operationsOf(item) {
    return METHODS.filter((m) => isObject(item[m])).map((m) => [m, item[m]]);
}
function reportRemoved(e, kind, where, [item, op], parent) {
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
            reportRemoved(e, kind, where, [baseItem, baseOp], itemParent);
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
                reportRemoved(e, 'webhook', whereOf(name)(method), [baseItem, op], parent);
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
                    reportRemoved(e, 'callback', whereOf(name, expression)(method), [item, op], parent);
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
                    reportRemoved(e, 'callback', whereOf(name, expression)(method), [baseItem, op], callbackParent);
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

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/operations.ts



const operations_check = defineCheck;
const OPERATION_CHECKS = [
    operations_check('api-path-removed-without-deprecation', 'error', 'A path was removed without its operations being deprecated first'),
    operations_check('api-removed-without-deprecation', 'error', 'An operation was removed without being deprecated first'),
    operations_check('api-removed-before-sunset', 'error', 'A deprecated operation was removed before its x-sunset date'),
    operations_check('api-removed-after-deprecation', 'info', 'A deprecated operation was removed (after its sunset, if any)'),
    operations_check('api-path-added', 'info', 'A new path with its operations was added'),
    operations_check('endpoint-added', 'info', 'A new operation was added to an existing path'),
    operations_check('endpoint-deprecated', 'info', 'An operation became deprecated'),
    operations_check('endpoint-reactivated', 'info', 'A deprecated operation is no longer deprecated'),
    operations_check('api-sunset-date-changed', 'info', 'The x-sunset date of a deprecated operation was postponed or set'),
    operations_check('api-sunset-date-brought-forward', 'warning', 'The x-sunset date of a deprecated operation moved earlier'),
    operations_check('operation-id-changed', 'warning', 'The operationId changed (generated client method names change)'),
    operations_check('path-parameter-renamed', 'info', 'A path template parameter was renamed; the URL shape is unchanged'),
    operations_check('new-required-request-parameter', 'error', 'A new required parameter (query, header, cookie, path)'),
    operations_check('new-optional-request-parameter', 'info', 'A new optional parameter'),
    operations_check('request-parameter-removed', 'warning', 'A parameter was removed: values clients send are now ignored'),
    operations_check('request-parameter-became-required', 'error', 'An optional parameter became required'),
    operations_check('request-parameter-became-optional', 'info', 'A required parameter became optional'),
    operations_check('request-parameter-location-changed', 'error', 'A parameter moved, e.g. from query to header'),
    operations_check('request-parameter-style-changed', 'warning', 'A parameter serialisation style changed'),
    operations_check('request-parameter-explode-changed', 'warning', 'A parameter explode setting changed'),
    operations_check('request-parameter-deprecated', 'info', 'A parameter became deprecated'),
    operations_check('request-body-added-required', 'error', 'A required request body was added'),
    operations_check('request-body-added-optional', 'info', 'An optional request body was added'),
    operations_check('request-body-became-required', 'error', 'The request body became required'),
    operations_check('request-body-became-optional', 'info', 'The request body became optional'),
    operations_check('request-body-removed', 'warning', 'The request body was removed: bodies clients send are now ignored'),
    operations_check('request-body-media-type-removed', 'error', 'A request media type is no longer accepted'),
    operations_check('request-body-media-type-added', 'info', 'A request media type was added'),
    operations_check('response-success-status-removed', 'error', 'A success (2xx or default) response status was removed'),
    operations_check('response-non-success-status-removed', 'warning', 'A non-success response status was removed'),
    operations_check('response-success-status-added', 'info', 'A success response status was added'),
    operations_check('response-non-success-status-added', 'info', 'A non-success response status was added'),
    operations_check('response-media-type-removed', 'error', 'A response media type was removed'),
    operations_check('response-media-type-added', 'info', 'A response media type was added'),
    operations_check('response-required-header-removed', 'error', 'A required response header was removed'),
    operations_check('response-optional-header-removed', 'warning', 'An optional response header was removed'),
    operations_check('response-header-became-optional', 'warning', 'A required response header became optional'),
    operations_check('response-header-added', 'info', 'A response header was added'),
    operations_check('security-requirement-added', 'error', 'A security requirement clients do not yet satisfy was added'),
    operations_check('security-alternative-added', 'info', 'A new security alternative was added; old ones still work'),
    operations_check('security-alternative-removed', 'error', 'A security alternative clients use was removed'),
    operations_check('security-requirement-removed', 'info', 'A security requirement was removed or relaxed'),
    operations_check('security-scope-added', 'error', 'An OAuth/OpenID scope was added to a security requirement'),
    operations_check('security-scope-removed', 'info', 'A scope was removed from a security requirement'),
    operations_check('security-scheme-removed', 'warning', 'A security scheme definition was removed from the components'),
    operations_check('security-scheme-type-changed', 'error', 'A security scheme changed its type or location'),
    operations_check('security-scheme-added', 'info', 'A security scheme definition was added'),
    operations_check('server-url-changed', 'error', 'The base path of a server (or basePath) changed'),
    operations_check('server-host-changed', 'warning', 'The host of a server changed while its base path stayed'),
    operations_check('server-removed', 'warning', 'A server was removed'),
    operations_check('server-added', 'info', 'A server was added'),
    operations_check('server-scheme-removed', 'warning', 'A transfer scheme (OAS 2.0 schemes) was removed'),
    operations_check('response-link-removed', 'warning', 'A response link was removed: clients that follow it (generated hypermedia clients) lose the next call'),
    operations_check('response-link-target-changed', 'warning', 'A response link now calls another operation'),
    operations_check('response-link-values-changed', 'warning', 'The parameters, request body or server a response link passes on changed'),
    operations_check('response-link-added', 'info', 'A response link was added')
];
const operations_LEVELS = new Map([...OPERATION_CHECKS, ...OUTGOING_CHECKS].map((c) => [c.id, c.level]));
const operations_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** The API's own operations: clients send requests and read responses. */
const API_VOCABULARY = {
    requestDirection: 'request',
    responseDirection: 'response',
    schemaId: (id) => id,
    parameterRemoved: () => 'request-parameter-removed',
    parameterAdded: (required) => (required ? 'new-required-request-parameter' : 'new-optional-request-parameter'),
    parameterBecameRequired: 'request-parameter-became-required',
    parameterBecameOptional: 'request-parameter-became-optional',
    parameterLocationChanged: 'request-parameter-location-changed',
    parameterStyleChanged: 'request-parameter-style-changed',
    parameterExplodeChanged: 'request-parameter-explode-changed',
    parameterDeprecated: 'request-parameter-deprecated',
    bodyAdded: (required) => (required ? 'request-body-added-required' : 'request-body-added-optional'),
    bodyRemoved: 'request-body-removed',
    bodyBecameRequired: 'request-body-became-required',
    bodyBecameOptional: 'request-body-became-optional',
    bodyMediaTypeRemoved: 'request-body-media-type-removed',
    bodyMediaTypeAdded: 'request-body-media-type-added',
    statusRemoved: (success) => (success ? 'response-success-status-removed' : 'response-non-success-status-removed'),
    statusAdded: (success) => (success ? 'response-success-status-added' : 'response-non-success-status-added'),
    responseMediaTypeRemoved: 'response-media-type-removed',
    responseMediaTypeAdded: 'response-media-type-added',
    headerRemoved: (required) => (required ? 'response-required-header-removed' : 'response-optional-header-removed'),
    headerAdded: () => 'response-header-added',
    headerBecameOptional: 'response-header-became-optional',
    links: true
};
/** `/items/{id}` and `/items/{itemId}` address the same URLs, so they must pair. */
function normalisePath(path) {
    return path.replace(/\{[^}]*\}/g, '{}');
}
function templateNames(path) {
    return [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
}
// ---- endpoints -------------------------------------------------------------------------------------------
function sunsetOf(op) {
    const raw = op['x-sunset'];
    const date = raw instanceof Date ? raw : typeof raw === 'string' ? new Date(raw) : undefined;
    return date && !Number.isNaN(date.getTime()) ? date : undefined;
}
function day(date) {
    return date.toISOString().slice(0, 10);
}
function operations_operationsOf(item) {
    return operations_METHODS.filter((m) => isObject(item[m])).map((m) => [m, item[m]]);
}
function operations_reportRemoved(e, where, [item, op], idIfUndeprecated, now, parent) {
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
        const shape = (s) => [s.type, s.in, s.name, s.scheme].map((v) => String(v ?? '')).join('/');
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
// ---- entry -----------------------------------------------------------------------------------------------
function diffOperation(e, compare, where, rename, [baseItem, baseOp], [headItem, headOp]) {
    const { base, head } = e;
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
    const e = new Emitter(base, head, emit, operations_LEVELS);
    const basePaths = obj(base.document.paths);
    const headPaths = obj(head.document.paths);
    const headByShape = new Map();
    for (const path of Object.keys(headPaths))
        if (!headByShape.has(normalisePath(path)))
            headByShape.set(normalisePath(path), path);
    const pairedHead = new Set();
    const pathsParent = [[head.document, 'paths'], [head.document]];
    for (const [basePath, rawItem] of Object.entries(basePaths)) {
        const baseItem = obj(rawItem);
        const headPath = headByShape.get(normalisePath(basePath));
        if (headPath === undefined || pairedHead.has(headPath)) {
            for (const [method, op] of operations_operationsOf(baseItem)) {
                operations_reportRemoved(e, { path: basePath, method }, [baseItem, op], 'api-path-removed-without-deprecation', now, pathsParent);
            }
            continue;
        }
        pairedHead.add(headPath);
        const headItem = obj(headPaths[headPath]);
        const rename = new Map();
        const baseNames = templateNames(basePath);
        const headNames = templateNames(headPath);
        baseNames.forEach((name, i) => {
            if (headNames[i] !== undefined && headNames[i] !== name)
                rename.set(name, headNames[i]);
        });
        if (rename.size > 0) {
            const renamed = [...rename].map(([from, to]) => `{${from}} -> {${to}}`).join(', ');
            e.emit('path-parameter-renamed', { path: headPath }, `path parameter renamed in ${basePath}: ${renamed}`, [headPaths, headPath], [headItem]);
        }
        const headOps = new Map(operations_operationsOf(headItem));
        const itemParent = [[headPaths, headPath], [headItem], ...pathsParent];
        for (const [method, baseOp] of operations_operationsOf(baseItem)) {
            const where = { path: headPath, method };
            const headOp = headOps.get(method);
            if (!headOp) {
                operations_reportRemoved(e, { path: basePath, method }, [baseItem, baseOp], 'api-removed-without-deprecation', now, itemParent);
                continue;
            }
            diffOperation(e, compare, where, rename, [baseItem, baseOp], [headItem, headOp]);
        }
        for (const [method, headOp] of headOps) {
            if (isObject(baseItem[method]))
                continue;
            e.emit('endpoint-added', { path: headPath, method }, `${method.toUpperCase()} ${headPath} was added`, [headOp]);
        }
    }
    for (const [headPath, rawItem] of Object.entries(headPaths)) {
        if (pairedHead.has(headPath))
            continue;
        for (const [method, op] of operations_operationsOf(obj(rawItem))) {
            e.emit('api-path-added', { path: headPath, method }, `${method.toUpperCase()} ${headPath} was added`, [op]);
        }
    }
    diffSecurity(e, {}, 'global security', base.document.security, head.document.security, head.document, base.document);
    diffSecuritySchemes(e);
    diffServers(e);
    diffWebhooks(e, compare);
}

;// CONCATENATED MODULE: ./actions/contract-test/src/diff/index.ts






/** Every check, as `contract-test checks` lists them: the API's operations, schemas, then webhooks and callbacks. */
const ALL_CHECKS = [...OPERATION_CHECKS, ...SCHEMA_CHECKS, ...OUTGOING_CHECKS];
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
    const emit = (change) => {
        const key = JSON.stringify([change.id, change.level, change.path, change.method, change.message]);
        if (seen.has(key))
            return;
        seen.add(key);
        changes.push(change);
    };
    diffOperations(base, head, options.compare ?? compareSchemas, emit, { now: options.now });
    // Array.prototype.sort is stable, so ties keep emission order (which follows the spec's own order).
    return changes.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
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

// EXTERNAL MODULE: ./shared/src/lib/markdown.ts
var markdown = __webpack_require__(41794);
// EXTERNAL MODULE: ./shared/src/lib/report.ts
var lib_report = __webpack_require__(60621);
// EXTERNAL MODULE: ./shared/src/lib/version.generated.ts
var version_generated = __webpack_require__(46764);
// EXTERNAL MODULE: ./shared/src/lib/sarif.ts
var sarif = __webpack_require__(51790);
;// CONCATENATED MODULE: ./actions/contract-test/src/sarif.ts
// One SARIF log with two runs, so code scanning shows lint findings and breaking changes as separate tools.



const HOME = 'https://github.com/ubos/actions/tree/main/contract-test';
const LINT_LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const CHANGE_LEVEL = { error: 'error', warning: 'warning', info: 'note' };
function contractSarif(report) {
    const lintRules = [...new Map(report.lint.map((f) => [f.code, f])).values()].map((f) => ({
        id: f.code,
        shortDescription: f.message,
        defaultLevel: LINT_LEVEL[f.severity]
    }));
    const lint = (0,sarif/* buildSarif */.Ep)({
        toolName: 'spectral (via ubos contract-test)',
        toolVersion: version_generated/* VERSION */.x,
        informationUri: HOME,
        rules: lintRules,
        results: report.lint.map((f) => ({
            ruleId: f.code,
            level: LINT_LEVEL[f.severity],
            message: f.message,
            file: f.location.file,
            startLine: f.location.line,
            startColumn: f.location.column
        }))
    });
    const located = report.changes.filter((c) => c.location);
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
// A contract check as the action family's ActionReport (verdict, findings, summary sections, JSON envelope
// fields, SARIF), plus the text forms of the CLI. Shared by main.ts and cli.ts; no I/O.



const render_CHANGE_LEVEL = { error: 'error', warning: 'warning', info: 'notice' };
const render_LINT_LEVEL = {
    error: 'error',
    warning: 'warning',
    info: 'notice',
    hint: undefined
};
function contractCounts(report) {
    const changes = (l) => report.changes.filter((c) => c.level === l).length;
    const lint = (s) => report.lint.filter((f) => f.severity === s).length;
    const breaking = changes('error');
    const lintErrors = lint('error');
    const lintWarnings = lint('warning');
    return {
        error: breaking + lintErrors,
        warning: changes('warning') + lintWarnings,
        notice: changes('info') + lint('info'),
        breaking,
        compatible: changes('info'),
        lintErrors,
        lintWarnings
    };
}
function headline(report) {
    const c = contractCounts(report);
    const parts = [
        report.base === undefined
            ? undefined
            : `${(0,lib_report/* plural */.LS)(c.breaking, 'breaking change')}, ${(0,lib_report/* plural */.LS)(c.warning - c.lintWarnings, 'warning')}, ${c.compatible} compatible`,
        report.linted ? `${(0,lib_report/* plural */.LS)(c.lintErrors, 'lint error')}, ${(0,lib_report/* plural */.LS)(c.lintWarnings, 'lint warning')}` : undefined
    ].filter(Boolean);
    const verdict = (0,lib_report/* verdictOf */.Vj)(c);
    const outcome = verdict === 'fail'
        ? 'Contract check failed'
        : verdict === 'warn'
            ? 'Contract check passed with warnings'
            : 'Contract check passed';
    return `${outcome}: ${parts.length > 0 ? parts.join('; ') : 'nothing was checked (no base to diff, lint off)'}`;
}
function endpoint(change) {
    if (!change.path)
        return 'API-wide';
    return change.method ? `${change.method.toUpperCase()} ${change.path}` : change.path;
}
function where(location) {
    return location ? `${(0,markdown/* codeSpan */.SS)(location.file)}${location.line ? `:${location.line}` : ''}` : '';
}
const CHANGE_TITLE = {
    error: 'Breaking changes',
    warning: 'Changes that may break clients',
    info: 'Compatible changes'
};
function sections(report) {
    const out = [];
    for (const level of ['error', 'warning', 'info']) {
        const changes = report.changes.filter((c) => c.level === level);
        if (changes.length === 0)
            continue;
        out.push({
            level: render_CHANGE_LEVEL[level],
            title: CHANGE_TITLE[level],
            table: {
                headers: ['endpoint', 'change', 'check', 'where'],
                rows: changes.map((c) => [(0,markdown/* codeSpan */.SS)(endpoint(c)), (0,markdown/* escapeMarkdown */.FV)(c.message), (0,markdown/* codeSpan */.SS)(c.id), where(c.location)])
            }
        });
    }
    const lintTitle = { error: 'Lint errors', warning: 'Lint warnings', notice: 'Lint notes' };
    for (const level of ['error', 'warning', 'notice']) {
        const findings = report.lint.filter((f) => render_LINT_LEVEL[f.severity] === level);
        if (findings.length === 0)
            continue;
        out.push({
            level,
            title: lintTitle[level],
            table: {
                headers: ['rule', 'where', 'message'],
                rows: findings.map((f) => [(0,markdown/* codeSpan */.SS)(f.code), where(f.location), (0,markdown/* escapeMarkdown */.FV)(f.message)])
            }
        });
    }
    return out;
}
function findings(report) {
    const out = [];
    for (const c of report.changes) {
        // Compatible changes are the changelog, not something to look at in the diff view.
        if (c.level === 'info')
            continue;
        out.push({ level: render_CHANGE_LEVEL[c.level], id: c.id, title: c.id, message: c.message, location: c.location });
    }
    for (const f of report.lint) {
        const level = render_LINT_LEVEL[f.severity];
        if (level)
            out.push({ level, id: f.code, title: `spectral ${f.code}`, message: f.message, location: f.location });
    }
    return out;
}
function changeJson(c) {
    return {
        id: c.id,
        level: render_CHANGE_LEVEL[c.level],
        path: c.path,
        method: c.method,
        message: c.message,
        location: c.location,
        // Where a removed item was in the base spec (location points at its surviving parent in the head).
        ...(c.baseLocation ? { baseLocation: c.baseLocation } : {})
    };
}
function lintJson(f) {
    return {
        id: f.code,
        level: render_LINT_LEVEL[f.severity] ?? 'notice',
        message: f.message,
        path: f.path,
        location: f.location
    };
}
function renderChangesText(changes) {
    const lines = changes.map((c) => `${c.level.padEnd(7)} ${endpoint(c)}: ${c.message} [${c.id}]${c.location ? ` (${c.location.file}${c.location.line ? `:${c.location.line}` : ''})` : ''}`);
    return lines.join('\n') + (lines.length ? '\n' : '');
}
function renderLintText(findings) {
    const lines = findings.map((f) => `${f.location.file}:${f.location.line}:${f.location.column} ${f.severity.padEnd(7)} ${f.code}  ${f.message}`);
    return lines.join('\n') + (lines.length ? '\n' : '');
}
function contractReport(report) {
    const counts = contractCounts(report);
    const context = [
        report.base !== undefined
            ? `Spec ${(0,markdown/* codeSpan */.SS)(report.spec)} compared with ${(0,markdown/* codeSpan */.SS)(report.base)}.`
            : `Spec ${(0,markdown/* codeSpan */.SS)(report.spec)}${report.diffSkipped ? `: no breaking-change diff (${(0,markdown/* escapeMarkdown */.FV)(report.diffSkipped)})` : ''}.`,
        report.linted ? '' : 'Lint: off (`lint: false`).',
        report.base !== undefined && report.changes.length === 0 ? 'No API changes.' : '',
        report.linted && report.lint.length === 0 ? 'Lint: no findings.' : ''
    ].filter(Boolean);
    return {
        tool: 'contract-test',
        title: 'Contract test',
        subject: report.spec,
        verdict: (0,lib_report/* verdictOf */.Vj)(counts),
        headline: headline(report),
        counts,
        findings: findings(report),
        context,
        sections: sections(report),
        json: {
            spec: report.spec,
            base: report.base,
            ...(report.diffSkipped ? { diffSkipped: report.diffSkipped } : {}),
            linted: report.linted,
            changes: report.changes.map(changeJson),
            lint: report.lint.map(lintJson)
        },
        outputs: {
            'breaking-changes': counts.breaking,
            warnings: counts.warning - counts.lintWarnings,
            'lint-errors': counts.lintErrors
        },
        notices: report.diffSkipped ? [`Breaking-change diff skipped: ${report.diffSkipped}`] : [],
        text: () => `${renderChangesText(report.changes)}${report.linted ? renderLintText(report.lint) : ''}${headline(report)}\n`,
        sarif: () => contractSarif(report)
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
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
            throw new errors/* ConfigurationError */.j(`${path} is outside the git repository`);
        const text = (0,git/* fileAtCommit */.fw)(top, commit, inRepo);
        if (text === undefined)
            throw new errors/* ConfigurationError */.j(`${inRepo} does not exist at ${commit}`);
        return text;
    };
}

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
;// CONCATENATED MODULE: ./shared/src/lib/cjs-interop.ts
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

// EXTERNAL MODULE: ./shared/src/lib/redact.ts
var redact = __webpack_require__(53570);
// EXTERNAL MODULE: ./shared/src/lib/http.ts
var http = __webpack_require__(58719);
;// CONCATENATED MODULE: ./actions/contract-test/src/spec/external-refs.ts
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
            throw new errors/* ConfigurationError */.j(`${what} must be none, files, urls or all (or "files, urls"); got "${item}"`);
    }
    if (items.includes('none') && (policy.files || policy.urls))
        throw new errors/* ConfigurationError */.j(`${what}: "none" cannot be combined with other values`);
    return policy;
}
const DEFAULT_REMOTE_TIMEOUT_MS = 10_000;
/**
 * GETs a remote $ref target and returns its text. Throws ConfigurationError with one line that names the
 * (redacted) URL: not http(s), a timeout, a refused connection, a non-2xx status, a body over the cap, too many
 * redirects. Redirects are followed by fetch, which gives up after 20.
 */
async function fetchRemoteText(url, options) {
    const shown = (0,redact/* redactUrl */.BO)(url);
    let protocol;
    try {
        protocol = new URL(url).protocol;
    }
    catch {
        throw new errors/* ConfigurationError */.j(`${shown} is not a valid URL`);
    }
    if (protocol !== 'http:' && protocol !== 'https:')
        throw new errors/* ConfigurationError */.j(`${shown}: only http and https URLs are fetched`);
    let response;
    try {
        response = await (0,http/* httpRequest */.aj)(url, {
            headers: { accept: 'application/yaml, application/json;q=0.9, text/yaml;q=0.8, */*;q=0.5' },
            timeoutMs: options.timeoutMs ?? DEFAULT_REMOTE_TIMEOUT_MS,
            maxBodyBytes: options.maxBytes,
            retries: 0
        });
    }
    catch (error) {
        if (error instanceof http/* HttpError */.j$) {
            const reason = error.message.includes('larger than')
                ? `${shown}: the response is larger than the limit of ${options.maxBytes} bytes`
                : error.message;
            throw new errors/* ConfigurationError */.j(reason);
        }
        throw error;
    }
    if (response.status < 200 || response.status > 299)
        throw new errors/* ConfigurationError */.j(`GET ${shown} returned HTTP ${response.status}`);
    return response.body;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(38815);
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

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(78877);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(30714);
;// CONCATENATED MODULE: ./actions/contract-test/src/spec/memory.ts
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
            external_node_v8_.setFlagsFromString('--expose-gc');
            const gc = external_node_vm_.runInNewContext('typeof gc === "function" ? gc : undefined');
            collect = typeof gc === 'function' ? gc : null;
        }
        catch {
            collect = null;
        }
    }
    collect?.();
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
 * JSON pair in 480 MiB).
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
        throw new errors/* ConfigurationError */.j(`${what} must be a size such as 16MiB, 20MB or 1048576 (bytes); got "${text}"`);
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
    /** Counts the tokens of a YAML file before it is parsed (the parser's memory follows them). */
    chargeTokens(file, text) {
        let count = 0;
        const left = this.maxTokens - this.tokens;
        for (const _token of new yaml_dist/* Lexer */.JG().lex(text))
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
        return new errors/* ConfigurationError */.j(`${message}; raise max-spec-size to check it anyway`);
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
        throw new errors/* ConfigurationError */.j(`${file}: not an OpenAPI description (the top level is not a mapping)`);
    const openapi = document.openapi;
    if (openapi !== undefined) {
        const text = String(openapi);
        if (/^3\.0(\.\d+)?(-.*)?$/.test(text))
            return '3.0';
        if (/^3\.1(\.\d+)?(-.*)?$/.test(text))
            return '3.1';
        throw new errors/* ConfigurationError */.j(`${file}: unsupported OpenAPI version "${text}" (supported: 3.0.x, 3.1.x, Swagger 2.0)`);
    }
    // An unquoted `swagger: 2.0` is the number 2 in YAML.
    if (document.swagger === '2.0' || document.swagger === 2)
        return '2.0';
    if (document.swagger !== undefined)
        throw new errors/* ConfigurationError */.j(`${file}: unsupported Swagger version "${String(document.swagger)}" (supported: 2.0)`);
    throw new errors/* ConfigurationError */.j(`${file}: not an OpenAPI description (no "openapi" or "swagger" field)`);
}
function decodePointerToken(token, ref, where) {
    let decoded;
    try {
        decoded = decodeURIComponent(token);
    }
    catch {
        throw new errors/* ConfigurationError */.j(`$ref "${ref}" at ${where}: invalid percent-encoding in the JSON pointer`);
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
    const timeoutMs = options.remoteTimeoutMs ?? DEFAULT_REMOTE_TIMEOUT_MS;
    const customReader = options.readFile;
    const realRoot = realpathOrSelf(root);
    const budget = new SpecSizeBudget(options.maxSpecBytes);
    const infos = new WeakMap();
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
                    throw new errors/* ConfigurationError */.j(`${rel}: file is larger than the limit of ${maxFileBytes} bytes${from}`);
                budget.precheck(rel, bytes);
                return text;
            }
            const size = external_node_fs_.statSync(abs).size;
            if (size > maxFileBytes)
                throw new errors/* ConfigurationError */.j(`${rel}: file is ${size} bytes, larger than the limit of ${maxFileBytes}${from}`);
            budget.precheck(rel, size);
            return external_node_fs_.readFileSync(abs, 'utf8');
        }
        catch (error) {
            if (error instanceof errors/* ConfigurationError */.j)
                throw error;
            throw new errors/* ConfigurationError */.j(`${rel}: cannot read the file${from}: ${error.message}`);
        }
    };
    const addRecord = (abs, rel, remote, text) => {
        const record = { abs, rel, remote, lines: new yaml_dist.LineCounter(), root: null };
        record.root = parseYaml(text, record, infos, budget);
        if (text.length > COLLECT_AFTER_BYTES)
            collectGarbage();
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
        throw new errors/* ConfigurationError */.j(`${entryPath}: the spec is outside the root ${root}`);
    if (fromDisk(entryAbs)) {
        // A spec that is (or sits in a folder that is) a symlink out of the root would be read from anywhere.
        const real = realpathOrSelf(entryAbs);
        if (!inside(realRoot, real))
            throw new errors/* ConfigurationError */.j(`${relativeName(entryAbs)}: the spec resolves (through a symlink) to ${real}, outside the root ${root}; refused`);
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
                throw new errors/* ConfigurationError */.j(`$ref "${shown}" at ${where}: not a valid URL`);
            }
            if (url.protocol !== 'http:' && url.protocol !== 'https:')
                throw new errors/* ConfigurationError */.j(`$ref "${shown}" at ${where}: a remote document may only reference http(s) URLs, not "${url.protocol}"`);
            return { kind: 'url', url: url.href };
        }
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(filePart)?.[1]?.toLowerCase();
        // One letter is a Windows drive, not a scheme.
        if (scheme !== undefined && scheme.length > 1) {
            if (scheme === 'http' || scheme === 'https') {
                if (!allowUrls)
                    throw new errors/* ConfigurationError */.j(`$ref "${shown}" at ${where}: remote $ref refused (URLs are fetched only when allow-external-refs includes "urls")`);
                try {
                    return { kind: 'url', url: new URL(filePart).href };
                }
                catch {
                    throw new errors/* ConfigurationError */.j(`$ref "${shown}" at ${where}: not a valid URL`);
                }
            }
            throw new errors/* ConfigurationError */.j(`$ref "${shown}" at ${where}: unsupported URI scheme "${scheme}:"`);
        }
        if (filePart.startsWith('//'))
            throw new errors/* ConfigurationError */.j(`$ref "${shown}" at ${where}: remote $ref refused (network-path reference; write the URL with its scheme)`);
        let decoded;
        try {
            decoded = decodeURIComponent(filePart);
        }
        catch {
            throw new errors/* ConfigurationError */.j(`$ref "${shown}" at ${where}: invalid percent-encoding in the file path`);
        }
        const abs = external_node_path_.resolve(external_node_path_.dirname(refFile.abs), decoded);
        const leaves = () => new errors/* ConfigurationError */.j(`$ref "${shown}" at ${where}: the file ${abs} is outside the root ${root}; refused (allow-external-refs: files allows it)`);
        if (!allowFiles && !inside(root, abs))
            throw leaves();
        if (fromDisk(abs)) {
            // A symlink inside the root may point anywhere.
            let real;
            try {
                real = external_node_fs_.realpathSync(abs);
            }
            catch {
                throw new errors/* ConfigurationError */.j(`$ref "${shown}" at ${where}: file ${relativeName(abs)} not found`);
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
            throw new errors/* ConfigurationError */.j(`$ref "${(0,redact/* redactUrl */.BO)(ref)}" at ${where}: ${failure}`);
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
                    if (error instanceof errors/* ConfigurationError */.j)
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
                    const text = await fetchRemoteText(target.url, { maxBytes: budget, timeoutMs });
                    budget -= Buffer.byteLength(text, 'utf8');
                    queue.push(addRecord(target.url, shown, true, text));
                }
                catch (error) {
                    if (!(error instanceof errors/* ConfigurationError */.j))
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
                throw new errors/* ConfigurationError */.j(`$ref "${shown}" at ${where}: circular chain of $refs that never reaches a value`);
            inProgress.add(refObj);
            try {
                const refFile = infos.get(refObj)?.file ?? entry;
                const hash = ref.indexOf('#');
                const filePart = hash < 0 ? ref : ref.slice(0, hash);
                const pointer = hash < 0 ? '' : ref.slice(hash + 1);
                const targetFile = filePart === '' ? refFile : resolveFilePart(filePart, ref, refFile, where);
                if (pointer !== '' && !pointer.startsWith('/'))
                    throw new errors/* ConfigurationError */.j(`$ref "${shown}" at ${where}: only JSON pointers ("#/...") are supported`);
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
                        throw new errors/* ConfigurationError */.j(`$ref "${shown}" at ${where}: target not found (no "${token}" in ${targetFile.rel}#${pointer})`);
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
            throw new errors/* ConfigurationError */.j(`${entry.rel}: the document itself is a $ref`);
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
    const record = { abs: name, rel: name, remote: false, lines: new yaml_dist.LineCounter(), root: null };
    return parseYaml(text, record, new WeakMap(), new SpecSizeBudget(Number.POSITIVE_INFINITY));
}
const MERGE_TAG = 'tag:yaml.org,2002:merge';
/** A YAML 1.1 merge key: a plain (unquoted) `<<`, or one tagged !!merge. */
function isMergeKey(key) {
    if (!(0,yaml_dist.isScalar)(key))
        return false;
    if (key.tag === MERGE_TAG)
        return true;
    return key.value === '<<' && (key.type === undefined || key.type === 'PLAIN');
}
/** Parses one file into plain JSON values, recording where every object, array and key was written. */
function parseYaml(text, file, infos, budget) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (looksLikeJson(text)) {
        budget.charge(file.rel, bytes, 'json');
        file.lines.lineStarts = lineStarts(text);
        const json = parseJsonSource(text, {
            maxValues: budget.valuesLeft,
            counted: (count, over) => budget.chargeValues(file.rel, count, over),
            container: (value, offset, keys) => infos.set(value, { file, offset, keys }),
            duplicateKey: (key, offset) => {
                const { line, col } = file.lines.linePos(offset);
                throw new errors/* ConfigurationError */.j(`${file.rel}: invalid JSON at line ${line}, column ${col}: duplicate key "${key}"`);
            },
            setKey
        });
        if (json !== undefined)
            return json;
        file.lines.lineStarts = [];
        budget.recharge(file.rel, bytes);
    }
    else
        budget.charge(file.rel, bytes, 'yaml');
    budget.chargeTokens(file.rel, text);
    let document;
    // yaml's own duplicate-key check scans every earlier key of the map (quadratic: 108 s instead of 13 s for a
    // 20 MB spec with 47,000 paths), so duplicates are found during conversion instead.
    try {
        document = (0,yaml_dist.parseDocument)(text, { lineCounter: file.lines, prettyErrors: true, uniqueKeys: false });
    }
    catch (error) {
        if (error instanceof RangeError)
            throw new errors/* ConfigurationError */.j(`${file.rel}: the document is nested too deeply`);
        throw error;
    }
    const first = document.errors[0];
    if (first) {
        const position = first.linePos?.[0];
        const at = position ? ` at line ${position.line}, column ${position.col}` : '';
        const reason = first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        throw new errors/* ConfigurationError */.j(`${file.rel}: invalid YAML${at}: ${reason}`);
    }
    const converted = new Map();
    /** Maps being converted: merging one of them into itself would copy keys it does not have yet. */
    const building = new Set();
    const expanded = new Map();
    let aliasExpansion = 0;
    // How many nodes a subtree stands for once its aliases are expanded; memoised, so linear in the real size.
    const expandedSize = (node, active) => {
        if ((0,yaml_dist/* isAlias */.Vj)(node))
            return expandedSize(node.resolve(document), active);
        if (!(0,yaml_dist.isMap)(node) && !(0,yaml_dist.isSeq)(node))
            return 1;
        const known = expanded.get(node);
        if (known !== undefined)
            return known;
        if (active.has(node))
            return Number.POSITIVE_INFINITY;
        active.add(node);
        let size = 1;
        for (const item of node.items) {
            if ((0,yaml_dist.isMap)(node)) {
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
        if ((0,yaml_dist/* isAlias */.Vj)(node)) {
            const target = node.resolve(document);
            if (!target)
                throw new errors/* ConfigurationError */.j(`${file.rel}: YAML alias *${node.source} has no anchor`);
            aliasExpansion += expandedSize(target, new Set());
            if (aliasExpansion > MAX_ALIAS_EXPANSION) {
                const { line, col } = file.lines.linePos(node.range?.[0] ?? 0);
                throw new errors/* ConfigurationError */.j(`${file.rel}: YAML aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes (at line ${line}, column ${col}); refused as a possible alias bomb`);
            }
            return convert(target);
        }
        if ((0,yaml_dist.isScalar)(node)) {
            const value = node.value;
            if (typeof value === 'bigint')
                return Number(value);
            if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
                return value;
            return String(value);
        }
        if (!(0,yaml_dist.isMap)(node) && !(0,yaml_dist.isSeq)(node))
            return null;
        const done = converted.get(node);
        if (done !== undefined)
            return done;
        const keys = new Map();
        const offset = node.range?.[0] ?? 0;
        if ((0,yaml_dist.isSeq)(node)) {
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
            const keyValue = (0,yaml_dist.isScalar)(keyNode) ? keyNode.value : convert(keyNode);
            const key = keyValue !== null && typeof keyValue === 'object' ? JSON.stringify(keyValue) : String(keyValue);
            if (written.has(key)) {
                const { line, col } = file.lines.linePos(start ?? offset);
                throw new errors/* ConfigurationError */.j(`${file.rel}: invalid YAML at line ${line}, column ${col}: duplicate key "${key}"`);
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
            return new errors/* ConfigurationError */.j(`${file.rel}: invalid YAML at line ${line}, column ${col}: ${why}`);
        };
        const target = (0,yaml_dist/* isAlias */.Vj)(value) ? value.resolve(document) : value;
        const items = (0,yaml_dist.isSeq)(target) ? target.items : [value];
        return items.map((item) => {
            const map = (0,yaml_dist/* isAlias */.Vj)(item) ? item.resolve(document) : item;
            if (!(0,yaml_dist.isMap)(map))
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
            throw new errors/* ConfigurationError */.j(`${file.rel}: the document is nested too deeply`);
        throw error;
    }
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
    fix(ast, parsed.data, parseSpecText(text, name), new Set());
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






const Parsers = cjsExports(spectral_parsers_dist, 'Yaml');
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
function ruleset_policy_inside(root, candidate) {
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
        throw new errors/* ConfigurationError */.j(`ruleset ${shown}: cannot read the file: ${error.message}`);
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
function ruleset_policy_isObject(value) {
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
        throw new errors/* ConfigurationError */.j(`${what}; ${OPT_IN}`);
    };
    const visit = (file, via) => {
        const shown = display(policy.root, file);
        const named = via === undefined ? `ruleset ${shown}` : `ruleset ${shown} (extended by ${via})`;
        let real;
        try {
            real = external_node_fs_.realpathSync(file);
        }
        catch {
            throw new errors/* ConfigurationError */.j(`${named}: file not found`);
        }
        if (!policy.allowExternalFiles && !ruleset_policy_inside(realRoot, real)) {
            const how = real === file ? 'is' : `resolves (through a symlink) to ${real}, which is`;
            throw new errors/* ConfigurationError */.j(`${named} ${how} outside ${policy.root}; refused${via === undefined ? '' : ' (allow-external-refs: files allows it)'}`);
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
        if (!ruleset_policy_isObject(ruleset))
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
        const overrides = Array.isArray(ruleset.overrides) ? ruleset.overrides.filter(ruleset_policy_isObject) : [];
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
const { Spectral, Document } = cjsExports(dist, 'Spectral');
const lint_Parsers = cjsExports(spectral_parsers_dist, 'Yaml');
const { oas } = cjsExports(spectral_rulesets_dist, 'oas');
const { bundleAndLoadRuleset } = cjsExports(node, 'bundleAndLoadRuleset');
const { Resolver } = cjsExports(spectral_ref_resolver_dist, 'Resolver');
function rulesetLoader() {
    return bundleAndLoadRuleset;
}
const SEVERITIES = ['error', 'warning', 'info', 'hint'];
function lint_inside(root, candidate) {
    const relative = external_node_path_.relative(root, candidate);
    return relative === '' || (!relative.startsWith('..') && !external_node_path_.isAbsolute(relative));
}
function refuseNetwork(url) {
    return Promise.reject(new errors/* ConfigurationError */.j(`network access refused while loading the ruleset (${String(url)})`));
}
/** The fetch Spectral's ruleset loader gets once ruleset code is allowed: remote rulesets, with a timeout and a cap. */
function rulesetFetch(timeoutMs) {
    return async (url) => {
        const href = String(url);
        if (!/^https?:\/\//i.test(href))
            throw new errors/* ConfigurationError */.j(`ruleset URL ${(0,redact/* redactUrl */.BO)(href)}: only http and https are fetched`);
        let response;
        try {
            response = await (0,http/* httpRequest */.aj)(href, { timeoutMs, maxBodyBytes: DEFAULT_MAX_FILE_BYTES, retries: 0 });
        }
        catch (error) {
            if (error instanceof http/* HttpError */.j$)
                throw new errors/* ConfigurationError */.j(`ruleset URL ${(0,redact/* redactUrl */.BO)(href)}: ${error.message}`);
            throw error;
        }
        const { status, body, headers } = response;
        return {
            ok: status >= 200 && status < 300,
            status,
            statusText: String(status),
            headers: { get: (name) => headers[name.toLowerCase()] ?? null },
            text: async () => body,
            json: async () => JSON.parse(body)
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
    let budget = DEFAULT_MAX_FILE_BYTES;
    const remote = {
        async resolve(uri) {
            const url = uri.clone().fragment('').toString();
            if (!allowUrls)
                throw new Error(`remote $ref refused (${(0,redact/* redactUrl */.BO)(url)}): URLs are fetched only when allow-external-refs includes "urls"`);
            try {
                const text = await fetchRemoteText(url, { maxBytes: budget, timeoutMs: options.remoteTimeoutMs });
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
                    if (size > DEFAULT_MAX_FILE_BYTES)
                        throw new Error(`${target} is larger than ${DEFAULT_MAX_FILE_BYTES} bytes`);
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
        throw new errors/* ConfigurationError */.j(`ruleset ${rulesetPath}: file not found`);
    const allowCode = options.allowRulesetCode === true;
    checkRuleset(absolute, {
        allowCode,
        allowExternalFiles: options.allowExternalFiles === true,
        root: options.rulesetRoot ?? (lint_inside(root, absolute) ? root : external_node_path_.dirname(absolute))
    });
    const fetch = allowCode ? rulesetFetch(options.remoteTimeoutMs ?? DEFAULT_REMOTE_TIMEOUT_MS) : refuseNetwork;
    try {
        return await rulesetLoader()(absolute, { fs: external_node_fs_, fetch });
    }
    catch (error) {
        if (error instanceof errors/* ConfigurationError */.j)
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
        throw new errors/* ConfigurationError */.j(`ruleset ${rulesetPath} is invalid: ${reason}`);
    }
}
/**
 * Spectral walks a spec with every $ref expanded in place. The GitHub REST description expands to about 2 million
 * nodes (linted in ~90 s); a 3 KB spec whose $refs fan out ten ways on six levels expands to 49 million and took
 * 89 s, on seven levels it would take fifteen minutes. Past this the lint is refused instead of hanging the step.
 */
const MAX_LINT_EXPANDED_NODES = 10_000_000;
/** Refuses to lint a loaded spec whose $refs expand past MAX_LINT_EXPANDED_NODES, with one line. */
function checkLintable(spec, cap = MAX_LINT_EXPANDED_NODES) {
    if (expandedNodeCount(spec.document, cap) <= cap)
        return;
    throw new errors/* ConfigurationError */.j(`${spec.file}: its $refs expand to more than ${cap.toLocaleString('en-US')} nodes (a $ref bomb, or a spec too large to lint): Spectral would walk every one; set lint: false to only diff it`);
}
/** Runs Spectral on the entry file; findings are sorted by file, line and column. */
async function lintSpec(options) {
    return (await lintSpecWithRules(options)).findings;
}
/** Like lintSpec, plus the description of every rule that reported, for SARIF and summaries. */
async function lintSpecWithRules(options) {
    const root = external_node_path_.resolve(options.root);
    const absolute = external_node_path_.resolve(root, options.file);
    const text = options.text;
    new SpecSizeBudget(options.maxSpecBytes).charge(options.file, Buffer.byteLength(text, 'utf8'), looksLikeJson(text) ? 'json' : 'yaml');
    const spectral = new Spectral({ resolver: createResolver(root, options) });
    const ruleset = await loadRuleset(options.rulesetPath, root, options);
    try {
        spectral.setRuleset(ruleset);
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j(`ruleset ${options.rulesetPath ?? 'spectral:oas'} is invalid: ${error.message}`);
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
    const results = await spectral.run(new Document(text, parser, absolute));
    // Spectral's resolved copy of a large spec is garbage now; the diff that follows needs the memory.
    if (text.length > COLLECT_AFTER_BYTES)
        collectGarbage();
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
        location: {
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

;// CONCATENATED MODULE: ./actions/contract-test/src/run-contract.ts
// The contract check both adapters run: load the head spec, lint it, load the base (a file or the same path
// at a git ref) and diff. Pure of @actions/core; the adapters render and report.









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
        throw new errors/* ConfigurationError */.j(`spec ${options.spec} does not exist`);
    const policy = options.externalRefs ?? NO_EXTERNAL_REFS;
    const refOptions = {
        allowExternalFiles: policy.files,
        allowRemoteRefs: policy.urls,
        remoteTimeoutMs: options.remoteTimeoutMs,
        maxSpecBytes: options.maxSpecBytes
    };
    const rootOf = options.rootOf ?? ((path) => rootOfNamedFile(options.root, path));
    const specRoot = rootOf(specPath);
    const loadHead = () => loadSpecAsync(specPath, { root: specRoot, ...refOptions });
    // Loaded first in any case: the loader's checks (size, $ref policy, symlinks, alias bombs) run before Spectral.
    let loaded = await loadHead();
    const rulesetPath = options.ruleset ? absolute(options.root, options.ruleset) : undefined;
    let lint = [];
    if (options.lint) {
        checkLintable(loaded);
        const text = (0,external_node_fs_.readFileSync)(specPath, 'utf8');
        // Spectral needs the memory more than a large loaded spec does, which is cheaper to read again afterwards.
        if (text.length > RELOAD_AFTER_LINT_CHARS)
            loaded = undefined;
        lint = await lintSpec({
            text,
            file: relativeToWorkspace(specPath, specRoot),
            rulesetPath,
            rulesetRoot: rulesetPath === undefined ? undefined : rootOf(rulesetPath),
            allowRulesetCode: options.allowRulesetCode === true,
            root: specRoot,
            ...refOptions
        });
    }
    const linted = options.lint;
    const noBase = () => ({
        spec: options.spec,
        linted,
        lint,
        changes: [],
        diffSkipped: 'no base-spec or base-ref given (and not a pull request)'
    });
    if (!options.baseSpec && !options.baseRef)
        return noBase();
    const head = loaded ?? (await loadHead());
    if (options.baseSpec) {
        const basePath = absolute(options.root, options.baseSpec);
        if (!(0,external_node_fs_.existsSync)(basePath))
            throw new errors/* ConfigurationError */.j(`base-spec ${options.baseSpec} does not exist`);
        const base = await loadSpecAsync(basePath, { root: rootOf(basePath), ...refOptions });
        return { spec: options.spec, base: options.baseSpec, linted, lint, changes: diffSpecs(base, head) };
    }
    if (options.baseRef) {
        const commit = resolveBaseRef(options.root, options.baseRef);
        const readFile = fileReaderAt(options.root, commit);
        try {
            readFile(specPath);
        }
        catch {
            return {
                spec: options.spec,
                linted,
                lint,
                changes: [],
                diffSkipped: `${options.spec} does not exist at ${options.baseRef}: nothing to compare`
            };
        }
        const base = await loadSpecAsync(specPath, { root: options.root, readFile, ...refOptions });
        return {
            spec: options.spec,
            base: `${options.baseRef}:${options.spec}`,
            linted,
            lint,
            changes: diffSpecs(base, head)
        };
    }
    return noBase();
}

;// CONCATENATED MODULE: ./actions/contract-test/src/cli.ts
// `ubos-actions contract-test lint|diff|checks`: the action's engine on the command line, with the same report,
// formats and --fail-on as every other command.







const FORMATS = ['text', 'json', 'sarif', 'markdown'];
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
/** The loader's limits and the ruleset policy, the same for every verb. */
function limits(values) {
    return {
        allowRulesetCode: values['allow-ruleset-code'] === true,
        maxSpecBytes: values['max-spec-size'] === undefined ? undefined : parseSpecSize(values['max-spec-size'], '--max-spec-size')
    };
}
const LINT = {
    name: 'lint',
    summary: 'Lint an OpenAPI spec with Spectral',
    usage: ['contract-test lint <spec> [options]'],
    flags: {
        ruleset: { type: 'string', value: '<file>', description: 'Spectral ruleset (YAML, JSON or JS)' },
        'allow-ruleset-code': {
            type: 'boolean',
            description: 'Run the code a ruleset brings (JavaScript rulesets, functions, JSONPath filters): trusted rulesets only'
        },
        'allow-external-refs': EXTERNAL_REFS,
        'max-spec-size': MAX_SPEC_SIZE,
        format: (0,command/* formatFlag */.AN)(FORMATS),
        'fail-on': command/* FAIL_ON_FLAG */.EK
    }
};
const DIFF = {
    name: 'diff',
    summary: 'Find the breaking changes between two versions of a spec',
    usage: [
        'contract-test diff <base-spec> <head-spec> [options]',
        'contract-test diff --base-ref <git-ref> <spec> [options]'
    ],
    flags: {
        'base-ref': { type: 'string', value: '<git-ref>', description: 'Compare with the spec as it is at this ref' },
        'allow-external-refs': EXTERNAL_REFS,
        'max-spec-size': MAX_SPEC_SIZE,
        format: (0,command/* formatFlag */.AN)(FORMATS),
        'fail-on': command/* FAIL_ON_FLAG */.EK
    }
};
const CHECKS = {
    name: 'checks',
    summary: 'List the breaking-change checks with their levels',
    usage: ['contract-test checks [--format text|json]'],
    flags: { format: (0,command/* formatFlag */.AN)(['text', 'json']) }
};
function parse(usage, argv) {
    return (0,command/* parseFlags */.bQ)(argv, usage.flags);
}
const cli_command = {
    name: 'contract-test',
    summary: 'Lint an OpenAPI spec (Spectral) and find breaking changes between two versions of it',
    usage: [...LINT.usage, ...DIFF.usage, ...CHECKS.usage],
    flags: {},
    subcommands: [LINT, DIFF, CHECKS],
    async run(argv, io) {
        const [sub, ...rest] = argv;
        if (sub === 'checks') {
            const { values } = parse(CHECKS, rest);
            const format = (0,command/* parseFormat */.Xc)(values.format, ['text', 'json'], 'text');
            io.stdout(format === 'json'
                ? JSON.stringify(ALL_CHECKS, null, 2) + '\n'
                : ALL_CHECKS.map((c) => `${c.level.padEnd(7)} ${c.id}  ${c.description}`).join('\n') + '\n');
            return 0;
        }
        if (sub === 'lint') {
            const { values, positionals } = parse(LINT, rest);
            const format = (0,command/* parseFormat */.Xc)(values.format, FORMATS, 'text');
            const failOn = (0,command/* parseFailOnFlag */.nI)(values['fail-on']);
            if (positionals.length !== 1)
                throw new errors/* ConfigurationError */.j(`lint takes one spec; usage: ubos-actions ${LINT.usage[0]}`);
            const report = await runContractCheck({
                root: io.cwd,
                spec: positionals[0],
                ruleset: values.ruleset,
                lint: true,
                externalRefs: parseExternalRefPolicy(values['allow-external-refs'] ?? [], '--allow-external-refs'),
                ...limits(values)
            });
            return (0,command/* printReport */.Y_)(contractReport(report), format, failOn, io);
        }
        if (sub === 'diff') {
            const { values, positionals } = parse(DIFF, rest);
            const format = (0,command/* parseFormat */.Xc)(values.format, FORMATS, 'text');
            const failOn = (0,command/* parseFailOnFlag */.nI)(values['fail-on']);
            const byRef = values['base-ref'] !== undefined;
            if (byRef ? positionals.length !== 1 : positionals.length !== 2)
                throw new errors/* ConfigurationError */.j(`diff takes a base and a head spec, or --base-ref and one spec; usage: ubos-actions ${DIFF.usage.join(' | ')}`);
            const [first, second] = positionals;
            const report = await runContractCheck({
                root: io.cwd,
                spec: byRef ? first : second,
                baseSpec: byRef ? undefined : first,
                baseRef: values['base-ref'],
                lint: false,
                externalRefs: parseExternalRefPolicy(values['allow-external-refs'] ?? [], '--allow-external-refs'),
                ...limits(values)
            });
            if (report.diffSkipped)
                io.stderr(`diff skipped: ${report.diffSkipped}\n`);
            return (0,command/* printReport */.Y_)(contractReport(report), format, failOn, io);
        }
        throw new errors/* ConfigurationError */.j(`unknown subcommand "${sub ?? ''}": use lint, diff or checks (ubos-actions contract-test --help)`);
    }
};


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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j(`${what} "${ref}" is not a git ref`);
}
/** The repository's top-level folder (as git reports it: the real path). */
function repositoryRoot(cwd) {
    try {
        return line(run(cwd, ['rev-parse', '--show-toplevel']));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j(`${cwd} is not in a git repository: ${gitFailure(error)}`);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j(`${what} "${ref}" is not in the clone and could not be fetched: ${gitFailure(error)}`);
    }
    // Read at once: the deepening fetches below overwrite FETCH_HEAD.
    const sha = commitOf(cwd, 'FETCH_HEAD');
    if (!sha)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j(`${what} "${ref}" was fetched but names no commit`);
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
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j(`no common history between HEAD and the ${what} "${ref}"; use actions/checkout with fetch-depth: 0`);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j(`cannot list the files changed since ${from}: ${gitFailure(error)}`);
    }
}
/** Every file present at a commit, as paths relative to the repository root. */
function filesAtCommit(cwd, commit) {
    try {
        return nulSeparated(run(cwd, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit]));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j(`cannot list the files at ${commit}: ${gitFailure(error)}`);
    }
}
/** A file's content at a commit (path relative to the repository root), or undefined when it is not there. */
function fileAtCommit(cwd, commit, path) {
    // `commit:path` takes the path literally up to the end; a path git could read as a pathspec magic is fine.
    return tryRun(cwd, ['cat-file', 'blob', `${commit}:${path}`]);
}


/***/ }),

/***/ 58719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aj: () => (/* binding */ httpRequest),
/* harmony export */   j$: () => (/* binding */ HttpError)
/* harmony export */ });
/* unused harmony exports defaultRetryOn, backoffDelay, parseRetryAfter, httpRequestSecrets */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76088);
/* harmony import */ var _http_transport_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6191);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(53570);
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
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
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
    const displayUrl = (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(url);
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
        const secrets = [...(options.secrets ?? []), ...(0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .credentialsInUrl */ .FB)(url)];
        throw new HttpError((0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(`${method} ${displayUrl} failed: not a valid http(s) URL`, secrets), {
            method,
            url: (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(displayUrl, secrets),
            attempts: 0
        });
    }
    const request = { secrets: (0,_http_transport_js__WEBPACK_IMPORTED_MODULE_0__/* .requestSecrets */ .pN)(url, options.headers, options.secrets) };
    const safe = (text) => (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(text, request.secrets);
    const fail = (message, details) => new HttpError(safe(message), { method, url: safe(displayUrl), ...details });
    const attemptsText = (n) => `after ${n} attempt${n === 1 ? '' : 's'}`;
    for (let attempt = 1;; attempt++) {
        if (options.signal?.aborted) {
            throw fail(`${method} ${displayUrl} was aborted`, { attempts: attempt - 1 });
        }
        let raw;
        try {
            raw = await (0,_http_transport_js__WEBPACK_IMPORTED_MODULE_0__/* .sendRequest */ .w$)({
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
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j)
                throw fail(`${method} ${displayUrl} failed: ${error.message}`, { attempts: attempt });
            if (!(error instanceof _http_transport_js__WEBPACK_IMPORTED_MODULE_0__/* .RequestError */ .GI))
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
