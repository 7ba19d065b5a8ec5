export const id = 894;
export const ids = [894];
export const modules = {

/***/ 45894:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  command: () => (/* binding */ cli_command)
});

// EXTERNAL MODULE: ./shared/src/cli/command.ts + 1 modules
var command = __webpack_require__(79665);
// EXTERNAL MODULE: ./shared/src/lib/duration.ts
var duration = __webpack_require__(64363);
// EXTERNAL MODULE: ./shared/src/lib/errors.ts
var errors = __webpack_require__(76088);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./actions/health-gate/src/config.ts + 1 modules
var src_config = __webpack_require__(49020);
// EXTERNAL MODULE: ./actions/health-gate/src/gate.ts
var gate = __webpack_require__(66127);
// EXTERNAL MODULE: ./actions/health-gate/src/probes.ts
var probes = __webpack_require__(85579);
;// CONCATENATED MODULE: ./actions/health-gate/src/check.ts
// What the action and the CLI both do around the engine: read the config file the user named, build the checks,
// run the gate until it decides or the process is asked to stop (SIGTERM/SIGINT: a cancelled job).






async function runHealthGate(options) {
    let configFile;
    if (options.configPath) {
        const path = (0,external_node_path_.isAbsolute)(options.configPath) ? options.configPath : (0,external_node_path_.resolve)(options.cwd, options.configPath);
        try {
            configFile = { path: options.configPath, text: (0,external_node_fs_.readFileSync)(path, 'utf8') };
        }
        catch (error) {
            const code = error.code;
            throw new errors/* ConfigurationError */.j1(`${options.configLabel}: cannot read ${options.configPath}${code === 'ENOENT' ? ' (no such file)' : code ? ` (${code})` : ''}`);
        }
    }
    const config = (0,src_config/* loadGateConfig */.Yj)({
        url: options.url,
        expectStatus: options.expectStatus,
        checksText: options.checksText,
        configFile,
        timing: options.timing,
        env: options.env,
        cwd: options.cwd,
        readFile: (path) => (0,external_node_fs_.readFileSync)(path, 'utf8')
    });
    options.onSecrets?.(config.secrets);
    options.onChecks?.(config.checks, config.secrets);
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
    try {
        const report = await (0,gate/* runGate */.Rg)({
            checks: config.checks,
            deadlineMs: config.deadlineMs,
            probes: probes/* probes */.K,
            cwd: options.cwd,
            secrets: config.secrets,
            signal: stop.signal,
            onAttempt: options.onAttempt
        });
        return { report, checks: config.checks };
    }
    finally {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
    }
}

// EXTERNAL MODULE: ./actions/health-gate/src/checks/index.ts + 10 modules
var checks = __webpack_require__(59513);
// EXTERNAL MODULE: ./actions/health-gate/src/config-keys.ts
var config_keys = __webpack_require__(92575);
;// CONCATENATED MODULE: ./actions/health-gate/src/config-schema.ts
// The published JSON schema of a gate config file (health-gate/config.schema.json, for editors), generated from
// the same key tables the parser reads: config-keys.ts and each check type's own keys (checks/*.ts).


const DURATION_PATTERN = '^\\s*(\\d+(\\.\\d+)?(ms|s|m|h)\\s*)+$';
function keySchema(spec) {
    const base = { description: spec.description };
    switch (spec.kind) {
        case 'string':
            return { ...base, type: 'string' };
        case 'duration':
            return { ...base, type: 'string', pattern: DURATION_PATTERN };
        case 'integer':
            return { ...base, type: 'integer', minimum: spec.min, maximum: spec.max };
        case 'number':
            return { ...base, type: 'number' };
        case 'ratio':
            return {
                ...base,
                oneOf: [
                    { type: 'number', minimum: 0, maximum: 1 },
                    { type: 'string', pattern: '^\\d+(\\.\\d+)?%$' }
                ]
            };
        case 'boolean':
            return { ...base, type: 'boolean' };
        case 'string-list':
            return { ...base, type: 'array', items: { type: 'string' } };
        case 'string-map':
            return { ...base, type: 'object', additionalProperties: { type: 'string' } };
        case 'enum':
            return { ...base, enum: spec.values };
        case 'tls':
            return {
                ...base,
                type: 'object',
                additionalProperties: false,
                properties: { ca: { type: 'string' }, insecure: { type: 'boolean' } }
            };
        case 'migrations':
            return {
                ...base,
                type: 'object',
                additionalProperties: false,
                required: ['dir'],
                properties: { dir: { type: 'string' }, table: { type: 'string' }, column: { type: 'string' } }
            };
    }
}
function properties(keys) {
    return Object.fromEntries(Object.entries(keys).map(([key, spec]) => [key, keySchema(spec)]));
}
function required(keys) {
    return Object.entries(keys)
        .filter(([, spec]) => spec.required)
        .map(([key]) => key);
}
/** The JSON schema (draft 2020-12) of a gate config file, generated from the tables above. */
function gateConfigJsonSchema() {
    const checkVariants = config_keys/* CHECK_TYPES */.Tv.map((type) => {
        const keys = { ...(0,config_keys/* commonKeys */.GO)(), ...checks/* CHECK_KINDS */.F[type].keys };
        return {
            if: { properties: { type: { const: type } }, required: ['type'] },
            then: { properties: properties(keys), required: required(keys), additionalProperties: false }
        };
    });
    return {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: 'https://github.com/ubos/actions/health-gate/config.schema.json',
        title: 'ubos/actions health-gate configuration',
        type: 'object',
        additionalProperties: false,
        required: ['checks'],
        properties: {
            deadline: keySchema(config_keys/* TOP_LEVEL_KEYS */.Uw.deadline),
            'public-env': {
                ...keySchema(config_keys/* TOP_LEVEL_KEYS */.Uw['public-env']),
                items: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }
            },
            defaults: {
                description: config_keys/* TOP_LEVEL_KEYS */.Uw.defaults.description,
                type: 'object',
                additionalProperties: false,
                properties: properties(config_keys/* TIMING_KEYS */.k3)
            },
            checks: {
                description: 'The checks; all run concurrently.',
                type: 'array',
                minItems: 1,
                items: {
                    type: 'object',
                    required: ['type'],
                    properties: { type: keySchema((0,config_keys/* commonKeys */.GO)().type) },
                    allOf: checkVariants
                }
            }
        }
    };
}

// EXTERNAL MODULE: ./shared/src/lib/markdown.ts
var markdown = __webpack_require__(41794);
// EXTERNAL MODULE: ./shared/src/lib/redact.ts
var lib_redact = __webpack_require__(53570);
;// CONCATENATED MODULE: ./actions/health-gate/src/render.ts
// Renders a gate report for a terminal, and the pieces (table cells, timelines) report.ts builds the summary
// from. Shared by main.ts and cli.ts so the action and the CLI say the same thing.




const ICON = {
    pass: '✅',
    warn: '⚠️',
    fail: '❌',
    cancelled: '⏹️',
    pending: '⏳'
};
/** Attempts shown per check in the timeline; a long gate keeps the first and last ones. */
const TIMELINE_LIMIT = 40;
function verdictLine(report) {
    const total = report.checks.length;
    const passed = report.checks.filter((c) => c.verdict === 'pass' || c.verdict === 'warn').length;
    const took = (0,duration/* formatDuration */.a3)(report.durationMs);
    if (report.verdict === 'pass')
        return `Health gate passed: ${total}/${total} checks healthy in ${took}`;
    if (report.verdict === 'warn')
        return `Health gate passed with warnings: ${passed}/${total} checks healthy in ${took}`;
    return `Health gate failed: ${report.failedChecks.join(', ') || 'checks did not pass'} (${passed}/${total} healthy after ${took})`;
}
function cell(check) {
    return [
        `${ICON[check.verdict]} ${check.verdict}`,
        check.name,
        check.type,
        check.role,
        String(check.attempts),
        check.timeToGreenMs === undefined ? '—' : (0,duration/* formatDuration */.a3)(check.timeToGreenMs),
        check.verdict === 'pass' || check.verdict === 'warn'
            ? (check.lastMessage ?? '')
            : (check.reason ? `${check.reason}; ` : '') + (check.lastError ?? check.lastMessage ?? '')
    ];
}
function timeline(check) {
    const rows = check.history.map((a) => `+${(0,duration/* formatDuration */.a3)(a.startedAt).padEnd(7)} ${ICON[a.status]} ${a.status.padEnd(4)} ${(0,duration/* formatDuration */.a3)(a.durationMs).padStart(6)}  ${a.message}`);
    const omitted = check.omittedAttempts ?? 0;
    if (rows.length <= TIMELINE_LIMIT && omitted === 0)
        return rows.join('\n');
    // The report keeps the first HISTORY_HEAD attempts, then the last ones: the gap is right after the head.
    const head = Math.min(gate/* HISTORY_HEAD */.eB, TIMELINE_LIMIT / 2);
    const tail = Math.min(rows.length - head, TIMELINE_LIMIT - head);
    const hidden = omitted + rows.length - head - tail;
    return [...rows.slice(0, head), `… ${hidden} attempts omitted …`, ...rows.slice(rows.length - tail)].join('\n');
}
function renderText(report) {
    const lines = [verdictLine(report), ''];
    for (const check of report.checks) {
        const [verdict, name, type, role, attempts, green, last] = cell(check);
        lines.push(`${verdict.padEnd(12)} ${name} (${type}, ${role}) attempts=${attempts} time-to-green=${green}`);
        if (last)
            lines.push(`             ${last}`);
    }
    return lines.join('\n') + '\n';
}
/** What a check targets, for a log line: its URL or connection string without credentials or masked values. */
function checkTarget(check, secrets) {
    return redact(redactUrl(kindOf(check).target(check)), secrets);
}

;// CONCATENATED MODULE: ./actions/health-gate/src/report.ts
// A gate report as the action family's ActionReport: failed checks as errors (annotated at their line in the
// config file), warning checks as warnings, the table of every check and the timeline of attempts. No I/O.



const HEADERS = ['verdict', 'check', 'type', 'role', 'attempts', 'time to green', 'last result'];
function rows(checks) {
    return checks.map((check) => cell(check).map((text, i) => (i === 1 ? (0,markdown/* codeSpan */.SS)(text) : i === 6 ? (0,markdown/* escapeMarkdown */.FV)(text) : text)));
}
function finding(check, origin) {
    const location = origin ? { file: origin.file, line: origin.line } : undefined;
    if (check.verdict === 'fail')
        return {
            level: 'error',
            id: check.type,
            title: `Health check ${check.name} failed`,
            message: `${check.reason ?? 'failed'}: ${check.lastError ?? check.lastMessage ?? 'no attempt completed'}`,
            location
        };
    return {
        level: 'warning',
        id: check.type,
        title: `Health check ${check.name} warns`,
        message: check.lastMessage ?? 'warn',
        location
    };
}
function gateReport(report, checks) {
    const origins = new Map(checks.map((c) => [c.name, c.origin]));
    const failed = report.checks.filter((c) => c.verdict === 'fail');
    const warned = report.checks.filter((c) => c.verdict === 'warn');
    const timelines = report.checks
        .filter((c) => c.history.length > 0)
        .map((c) => `#### ${(0,markdown/* escapeMarkdown */.FV)(c.name)}\n\n\`\`\`\n${timeline(c).replace(/`{3,}/g, '`')}\n\`\`\``)
        .join('\n\n');
    return {
        tool: 'health-gate',
        title: 'Health gate',
        verdict: report.verdict,
        headline: verdictLine(report),
        counts: {
            error: failed.length,
            warning: warned.length,
            notice: 0,
            checks: report.checks.length,
            passed: report.checks.filter((c) => c.verdict === 'pass').length
        },
        findings: [...failed, ...warned].map((c) => finding(c, origins.get(c.name))),
        sections: [
            ...(failed.length > 0
                ? [{ level: 'error', title: 'Failed checks', table: { headers: HEADERS, rows: rows(failed) } }]
                : []),
            ...(warned.length > 0
                ? [{ level: 'warning', title: 'Checks that warn', table: { headers: HEADERS, rows: rows(warned) } }]
                : []),
            { level: 'info', title: 'All checks', open: true, table: { headers: HEADERS, rows: rows(report.checks) } },
            { level: 'info', title: `Timeline (deadline ${(0,duration/* formatDuration */.a3)(report.deadlineMs)})`, extra: timelines }
        ],
        json: {
            durationMs: report.durationMs,
            deadlineMs: report.deadlineMs,
            failedChecks: report.failedChecks,
            checks: report.checks
        },
        outputs: { 'failed-checks': report.failedChecks.join(',') },
        text: () => renderText(report)
    };
}

;// CONCATENATED MODULE: ./actions/health-gate/src/cli.ts






function cli_duration(flag, value) {
    if (value === undefined)
        return undefined;
    try {
        return (0,duration/* parseDuration */.E9)(value);
    }
    catch (e) {
        if (!(0,errors/* isConfigurationError */.p0)(e))
            throw e;
        throw new errors/* ConfigurationError */.j1(`--${flag}: ${e.message}`);
    }
}
function integer(flag, value, min) {
    if (value === undefined)
        return undefined;
    if (!/^\d+$/.test(value) || Number(value) < min)
        throw new errors/* ConfigurationError */.j1(`--${flag} must be a whole number >= ${min}`);
    return Number(value);
}
const FORMATS = ['text', 'json', 'markdown'];
const FLAGS = {
    config: { type: 'string', value: '<file>', description: 'YAML file of checks (see health-gate/README.md)' },
    url: { type: 'string', value: '<url>', description: 'One HTTP readiness check' },
    'expect-status': { type: 'string', value: '<statuses>', description: 'Accepted statuses for --url', default: '2xx' },
    interval: { type: 'string', value: '<duration>', description: 'Time between attempts', default: '5s' },
    timeout: { type: 'string', value: '<duration>', description: 'Budget of one attempt', default: '5s' },
    deadline: { type: 'string', value: '<duration>', description: 'Overall budget of the gate', default: '5m' },
    'success-threshold': { type: 'string', value: '<n>', description: 'Consecutive passes a check needs', default: '1' },
    'failure-threshold': {
        type: 'string',
        value: '<n>',
        description: 'Consecutive failures that fail the gate early (0: wait for the deadline)',
        default: '0'
    },
    ...(0,command/* reportFlags */.kY)(FORMATS),
    'fail-on-warn': { type: 'boolean', description: 'Deprecated: --fail-on warning' },
    'print-schema': { type: 'boolean', description: 'Print the config file JSON schema and exit' }
};
const cli_command = {
    name: 'health-gate',
    summary: 'Wait until HTTP, PostgreSQL, Redis, TCP, burst and Prometheus checks pass, or fail',
    usage: ['health-gate (--config gate.yml | --url URL) [options]', 'health-gate --print-schema'],
    flags: FLAGS,
    async run(argv, io) {
        const { values, format, failOn: failOnFlag } = (0,command/* parseReportArgs */.D8)(argv, FLAGS, FORMATS, false);
        if (values['print-schema']) {
            io.stdout(JSON.stringify(gateConfigJsonSchema(), null, 2) + '\n');
            return 0;
        }
        const failOn = values['fail-on-warn'] ? 'warning' : failOnFlag;
        const { report, checks } = await runHealthGate({
            cwd: io.cwd,
            url: values.url,
            expectStatus: values['expect-status'],
            configPath: values.config,
            configLabel: '--config',
            timing: {
                interval: cli_duration('interval', values.interval),
                timeout: cli_duration('timeout', values.timeout),
                deadline: cli_duration('deadline', values.deadline),
                successThreshold: integer('success-threshold', values['success-threshold'], 1),
                failureThreshold: integer('failure-threshold', values['failure-threshold'], 0)
            },
            env: io.env ?? process.env,
            onAttempt: format === 'text'
                ? (check, attempt) => io.stderr(`[${check.name}] +${attempt.startedAt}ms ${attempt.status}: ${attempt.message}\n`)
                : undefined
        });
        return (0,command/* printReport */.Y_)(gateReport(report, checks), format, failOn, io);
    }
};


/***/ })

};
