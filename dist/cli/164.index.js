export const id = 164;
export const ids = [164];
export const modules = {

/***/ 88164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_YAML_ALIAS_COUNT: () => (/* binding */ MAX_YAML_ALIAS_COUNT),
/* harmony export */   parsePositionedYaml: () => (/* binding */ parsePositionedYaml),
/* harmony export */   parseYamlDocument: () => (/* binding */ parseYamlDocument)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76088);
/**
 * YAML with the line of every value, so a config mistake is one line that says where it is:
 * `router.yml:7: colors.green.servers must be a list`. One set of parser settings for every config an action
 * reads: duplicate keys are an error (a paste mistake, not "last one wins"), and alias expansion is capped, so a
 * "billion laughs" document is refused instead of filling the memory.
 */


/** Far above what a hand-written config uses, far below what a "billion laughs" document needs. */
const MAX_YAML_ALIAS_COUNT = 100;
/**
 * Parses one YAML document with the family's settings; a syntax error or an alias bomb is one ConfigurationError
 * naming the source. For readers that walk the document themselves; parsePositionedYaml is the usual entry.
 */
function parseYamlDocument(text, source, options = {}) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__.LineCounter();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const error = doc.errors[0];
    if (error) {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${source}: invalid YAML at line ${line}, column ${col}: ${error.message.split('\n')[0]}`);
    }
    let value;
    try {
        value = doc.toJS({ maxAliasCount: options.maxAliasCount ?? MAX_YAML_ALIAS_COUNT });
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${source}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return { doc, lineCounter, value };
}
/** Parses one YAML document and tells the line of any value in it. */
function parsePositionedYaml(text, source, options = {}) {
    const lineNumbers = options.lineNumbers ?? true;
    const { doc, lineCounter, value } = parseYamlDocument(text, source, options);
    // The line of a mapping entry is its key's line (where the user looks), of a list item the item's.
    const lineOf = (path) => {
        if (!lineNumbers)
            return undefined;
        for (let depth = path.length; depth > 0; depth--) {
            const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true);
            const key = path[depth - 1];
            let node;
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__.isMap)(parent))
                node = parent.items.find((pair) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__.isScalar)(pair.key) && pair.key.value === key)?.key;
            else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__.isSeq)(parent) && typeof key === 'number')
                node = parent.items[key];
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__.isNode)(node) && node.range)
                return lineCounter.linePos(node.range[0]).line;
        }
        return (0,yaml__WEBPACK_IMPORTED_MODULE_0__.isNode)(doc.contents) && doc.contents.range ? lineCounter.linePos(doc.contents.range[0]).line : undefined;
    };
    return {
        value,
        lineOf,
        where(path) {
            const line = lineOf(path);
            return line === undefined ? `${source}: ` : `${source}:${line}: `;
        }
    };
}


/***/ })

};
