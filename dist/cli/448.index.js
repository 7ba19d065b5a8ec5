export const id = 448;
export const ids = [448];
export const modules = {

/***/ 38448:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  command: () => (/* binding */ cli_command),
  createDoraCommand: () => (/* binding */ createDoraCommand)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/utils.js + 20 modules
var utils = __webpack_require__(75250);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(86856);
;// CONCATENATED MODULE: ./shared/src/actions/octokit.ts
/**
 * The one way actions build an Octokit: `@actions/github`'s GitHub class (REST endpoint methods + paginate)
 * with the retry and throttling plugins, a configurable base URL (GHES, or a local emulator in tests), logging
 * through an injected logger (never @actions/core, so engines and the CLI can use it), and errors that never
 * carry the token.
 */



const DEFAULT_GITHUB_API_URL = 'https://api.github.com';
/**
 * Logs each retry attempt. Plugins' hooks nest in registration order, so this one (first) runs inside the
 * retry and throttling plugins and sees every attempt; a hook added after construction would see only the
 * first.
 */
const attemptLogging = (octokit, options) => {
    const logger = options.ubosLogger;
    const timeoutMs = options.ubosRequestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    octokit.hook.wrap('request', (request, requestOptions) => {
        const retryCount = requestOptions.request?.retryCount;
        if (retryCount)
            logger?.info(`retrying ${describeRequest(requestOptions)} (retry ${retryCount})`);
        // A fresh signal per attempt (this hook runs inside the retry plugin), so a retry gets its own budget.
        const signal = AbortSignal.timeout(timeoutMs);
        requestOptions.request = { ...requestOptions.request, signal };
        return Promise.resolve(request(requestOptions)).catch((error) => {
            if (signal.aborted)
                throw new Error(`${describeRequest(requestOptions)} did not answer within ${Math.round(timeoutMs / 1000)} s`);
            throw error;
        });
    });
};
const GitHubWithPlugins = utils/* GitHub */.gq.plugin(attemptLogging, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
/** One request's budget: a GitHub API that accepts and never answers must not hold the step until the job times out. */
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** GITHUB_API_URL (set by the runner; differs on GHES), or https://api.github.com. */
function githubApiUrlFromEnv(env = process.env) {
    const value = env.GITHUB_API_URL?.trim();
    return value ? value.replace(/\/+$/, '') : DEFAULT_GITHUB_API_URL;
}
/** GITHUB_GRAPHQL_URL, or the GraphQL URL GitHub uses for a given REST base URL. */
function githubGraphqlUrlFromEnv(env = process.env) {
    const value = env.GITHUB_GRAPHQL_URL?.trim();
    if (value)
        return value;
    const api = githubApiUrlFromEnv(env);
    return api.endsWith('/api/v3') ? `${api.slice(0, -'/v3'.length)}/graphql` : `${api}/graphql`;
}
const defaultLogger = {
    debug: () => undefined,
    info: () => undefined,
    warning: (message) => process.stderr.write(`warning: ${message}\n`)
};
function isLoopback(baseUrl) {
    try {
        const host = new URL(baseUrl).hostname;
        return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\./.test(host);
    }
    catch {
        return false;
    }
}
/**
 * `GET /repos/acme/shop` from endpoint options whose url may still hold `{owner}`-style placeholders or be absolute
 * (pagination follows absolute Link URLs).
 */
function describeRequest(options) {
    const url = String(options.url ?? '').replace(/\{(\w+)\}/g, (placeholder, name) => {
        const value = options[name];
        return typeof value === 'string' || typeof value === 'number' ? encodeURIComponent(String(value)) : placeholder;
    });
    const baseUrl = typeof options.baseUrl === 'string' ? options.baseUrl : '';
    const path = baseUrl !== '' && url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url;
    return `${options.method ?? 'GET'} ${path}`;
}
/**
 * Stands in for a Bottleneck.Group of the throttling plugin when requestSpacing is off: `key(id)` gives a
 * limiter whose `schedule([jobOptions], fn, ...args)` runs fn at once (the subset of Bottleneck the plugin uses).
 */
const immediateGroup = {
    key: () => ({
        schedule: (...args) => {
            const [first, ...rest] = args;
            if (typeof first === 'function')
                return Promise.resolve().then(() => first(...rest));
            const [fn, ...fnArgs] = rest;
            return Promise.resolve().then(() => fn(...fnArgs));
        }
    })
};
/** Replaces every occurrence of the secret in a string. */
function scrub(text, secret) {
    return secret.length === 0 ? text : text.split(secret).join('***');
}
function scrubDeep(value, secret, depth) {
    if (typeof value === 'string')
        return scrub(value, secret);
    if (depth > 20 || typeof value !== 'object' || value === null)
        return value;
    if (Array.isArray(value))
        return value.map((item) => scrubDeep(item, secret, depth + 1));
    const copy = {};
    for (const [key, item] of Object.entries(value))
        copy[key] = scrubDeep(item, secret, depth + 1);
    return copy;
}
/** Removes the token from an error's message, stack, response data and request headers (in place) and returns it. */
function redactToken(error, token) {
    if (typeof error !== 'object' || error === null || token === '')
        return error;
    const e = error;
    try {
        if (typeof e.message === 'string')
            e.message = scrub(e.message, token);
        if (typeof e.stack === 'string')
            e.stack = scrub(e.stack, token);
        const response = e.response;
        if (response && typeof response === 'object' && 'data' in response)
            response.data = scrubDeep(response.data, token, 0);
        const headers = e.request?.headers;
        if (headers && typeof headers === 'object') {
            for (const [name, value] of Object.entries(headers)) {
                if (name.toLowerCase() === 'authorization')
                    headers[name] = '[REDACTED]';
                else if (typeof value === 'string')
                    headers[name] = scrub(value, token);
            }
        }
    }
    catch {
        // a frozen error: leave it
    }
    return error;
}
/** Builds the Octokit every action uses. */
function createOctokit(options) {
    const token = options.token;
    if (!token)
        throw new Error('createOctokit: a token is required');
    const logger = options.logger ?? defaultLogger;
    const retries = options.retries ?? 2;
    const maxWait = options.maxRateLimitWaitSeconds ?? 60;
    const baseUrl = (options.baseUrl ?? DEFAULT_GITHUB_API_URL).replace(/\/+$/, '');
    const retryAfterBaseValue = options.retryAfterBaseValue ?? 1000;
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const what = describeRequest(request);
        if (retryCount >= retries) {
            logger.warning(`GitHub ${kind} rate limit for ${what}; giving up after ${retries} retries`);
            return false;
        }
        if (retryAfter > maxWait) {
            logger.warning(`GitHub ${kind} rate limit for ${what}; it lifts in ${retryAfter} s, longer than ${maxWait} s: giving up`);
            return false;
        }
        logger.warning(`GitHub ${kind} rate limit for ${what}; retrying in ${retryAfter} s (retry ${retryCount + 1} of ${retries})`);
        return true;
    };
    const octokitOptions = (0,utils/* getOctokitOptions */.EG)(token, {
        baseUrl,
        userAgent: options.userAgent ?? 'ubos-actions',
        ubosLogger: logger,
        ubosRequestTimeoutMs: options.requestTimeoutMs,
        log: {
            debug: (message) => logger.debug(scrub(message, token)),
            info: (message) => logger.info(scrub(message, token)),
            warn: (message) => logger.warning(scrub(message, token)),
            error: (message) => logger.warning(scrub(message, token))
        },
        retry: {
            retries,
            retryAfterBaseValue,
            // 403 and 429 are rate limits: the throttling plugin decides on those, so they are not retried twice.
            doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451]
        },
        throttle: {
            retryAfterBaseValue,
            ...(options.requestSpacing === false
                ? { write: immediateGroup, notifications: immediateGroup, search: immediateGroup }
                : {}),
            onRateLimit: onLimit('primary'),
            onSecondaryRateLimit: onLimit('secondary')
        },
        // @actions/github routes requests through a proxy-aware fetch built for GITHUB_API_URL at import time; a
        // loopback server (the emulator in tests, a local GHES tunnel) must never go through a proxy.
        ...(isLoopback(baseUrl)
            ? { request: { fetch: (url, init) => globalThis.fetch(url, init) } }
            : {})
    });
    const octokit = new GitHubWithPlugins(octokitOptions);
    // Registered last, so it wraps the plugins' hooks and sees the final error after all retries.
    octokit.hook.error('request', (error) => {
        throw redactToken(error, token);
    });
    return octokit;
}

// EXTERNAL MODULE: ./shared/src/cli/command.ts + 1 modules
var command = __webpack_require__(79665);
// EXTERNAL MODULE: ./shared/src/lib/errors.ts
var errors = __webpack_require__(76088);
// EXTERNAL MODULE: ./shared/src/lib/report.ts
var lib_report = __webpack_require__(60621);
// EXTERNAL MODULE: ./shared/src/lib/suggest.ts
var suggest = __webpack_require__(68437);
;// CONCATENATED MODULE: ./actions/dora-report/src/engine/client.ts
function pairKey(pair) {
    return `${pair.base}...${pair.head}`;
}

;// CONCATENATED MODULE: ./actions/dora-report/src/engine/classify.ts
const TERMINAL = new Set(['success', 'failure', 'error']);
/**
 * The last terminal status decides (inactive only means superseded, so a success stays a success); a success
 * counts from its first success status, the moment the change ran in production.
 */
function outcomeOf(d) {
    const statuses = [...d.statuses].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    const terminal = statuses.filter((s) => TERMINAL.has(s.state));
    const last = terminal.at(-1);
    if (!last)
        return { outcome: 'pending', at: d.createdAt, state: statuses.at(-1)?.state ?? 'none' };
    if (last.state === 'success') {
        return { outcome: 'success', at: statuses.find((s) => s.state === 'success').createdAt, state: 'success' };
    }
    return { outcome: 'failure', at: last.createdAt, state: last.state };
}
/** The payload as an object (GraphQL returns it as JSON text, REST as an object); null when it is neither. */
function payloadObject(payload) {
    let value = payload;
    if (typeof value === 'string') {
        if (value.length > 65_536)
            return null;
        try {
            value = JSON.parse(value);
        }
        catch {
            return null;
        }
    }
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : null;
}
/** blue-green-switch records a rollback as `{ color, previous, weights, rollback: true }`. */
function payloadRollback(payload) {
    const object = payloadObject(payload);
    if (!object || object.rollback !== true)
        return null;
    const back = typeof object.previous === 'string'
        ? object.previous.slice(0, 80)
        : typeof object.color === 'string'
            ? object.color.slice(0, 80)
            : '';
    return back === '' ? 'payload rollback: true' : `payload rollback: true (back to ${back})`;
}
function shortSha(sha) {
    return sha.slice(0, 7);
}

;// CONCATENATED MODULE: ./actions/dora-report/src/engine/stats.ts
/** The q-quantile (0..1) by linear interpolation between closest ranks; null for no values. */
function quantile(values, q) {
    if (values.length === 0)
        return null;
    const sorted = [...values].sort((a, b) => a - b);
    const position = (sorted.length - 1) * q;
    const lower = Math.floor(position);
    const upper = Math.ceil(position);
    return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}
function median(values) {
    return quantile(values, 0.5);
}
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
function ms(iso) {
    return Date.parse(iso);
}
function within(iso, period) {
    const t = Date.parse(iso);
    return t >= Date.parse(period.start) && t < Date.parse(period.end);
}

;// CONCATENATED MODULE: ./actions/dora-report/src/engine/collect.ts
// Reads what the metrics need through a DoraClient: deployments from the start of the previous period (plus one
// successful baseline before it), the commits between consecutive successful deployments, their PRs, and the
// incidents. No metric logic here.




/** How many pages past the fetch window to look for a baseline deployment. */
const BASELINE_PAGES = 3;
function repoName(repo) {
    return `${repo.owner}/${repo.name}`;
}
/** Deployments after this are not read: the windows that follow the period's last deployments end here. */
function horizonOf(options) {
    return ms(options.period.end) + Math.max(options.hotfixWindowMs, options.incidentWindowMs);
}
function sourcePages(client, repo, options) {
    switch (options.source) {
        case 'deployments':
            return client.deployments(repo, { environment: options.environment });
        case 'workflow-runs':
            return client.workflowRuns(repo, {
                workflow: options.workflow ?? '',
                branch: options.branch,
                since: options.previousPeriod.start
            });
        case 'releases':
            return client.releases(repo);
        case 'tags':
            return client.tags(repo);
    }
}
async function readDeployments(client, repo, options, findings) {
    const from = ms(options.previousPeriod.start);
    const horizon = horizonOf(options);
    const kept = [];
    let baseline;
    let pagesPast = 0;
    for await (const page of sourcePages(client, repo, options)) {
        let passed = false;
        for (const d of page) {
            const created = ms(d.createdAt);
            if (created >= horizon)
                continue;
            if (created >= from)
                kept.push(d);
            else {
                passed = true;
                if (!baseline && outcomeOf(d).outcome === 'success')
                    baseline = d;
            }
        }
        if (passed && (baseline || ++pagesPast >= BASELINE_PAGES))
            break;
    }
    if (baseline)
        kept.push(baseline);
    else if (kept.length > 0) {
        findings.push({
            id: 'no-baseline',
            level: 'notice',
            repo: repoName(repo),
            message: `no successful deployment before ${options.previousPeriod.start.slice(0, 10)}: the changes of the first one cannot be told apart from the repository's past`
        });
    }
    return kept;
}
/**
 * Consecutive successful deployments by the time they went live, as compare pairs (each pair once). After a
 * rollback recorded in the payload, also the last other deployment against the next one: a rollback whose ref is
 * the failed release's commit ships nothing, and the next release is compared with what was live before it.
 */
function changePairs(deployments, horizon) {
    const live = deployments
        .map((d) => ({ d, o: outcomeOf(d) }))
        .filter((x) => x.o.outcome === 'success' && ms(x.o.at) < horizon)
        .sort((a, b) => ms(a.o.at) - ms(b.o.at) || ms(a.d.createdAt) - ms(b.d.createdAt));
    const pairs = new Map();
    const add = (base, head) => {
        if (base !== head)
            pairs.set(pairKey({ base, head }), { base, head });
    };
    let beforeRollback;
    for (let i = 1; i < live.length; i++) {
        add(live[i - 1].d.sha, live[i].d.sha);
        if (payloadRollback(live[i].d.payload))
            beforeRollback ??= live[i - 1].d.sha;
        else if (beforeRollback !== undefined) {
            add(beforeRollback, live[i].d.sha);
            beforeRollback = undefined;
        }
    }
    return [...pairs.values()];
}
async function readIncidents(client, repo, options) {
    const from = ms(options.previousPeriod.start);
    const horizon = horizonOf(options);
    const byNumber = new Map();
    for (const label of options.incidentLabels) {
        for await (const page of client.incidents(repo, { label })) {
            for (const issue of page) {
                const created = ms(issue.createdAt);
                if (created >= from && created < horizon)
                    byNumber.set(issue.number, issue);
            }
            const oldest = page.at(-1);
            if (!oldest || ms(oldest.createdAt) < from)
                break;
        }
    }
    return [...byNumber.values()].sort((a, b) => ms(a.createdAt) - ms(b.createdAt) || a.number - b.number);
}
async function collectRepository(client, repo, options, hooks) {
    const name = repoName(repo);
    const findings = [];
    const data = {
        repo: name,
        deployments: [],
        changes: new Map(),
        pulls: new Map(),
        incidents: [],
        findings,
        fetchedFrom: options.previousPeriod.start,
        fetchedUntil: new Date(horizonOf(options)).toISOString()
    };
    try {
        data.deployments = await readDeployments(client, repo, options, findings);
        hooks.info?.(`${name}: ${data.deployments.length} deployments read`);
        const pairs = changePairs(data.deployments, horizonOf(options));
        data.changes = pairs.length > 0 ? await client.changes(repo, pairs) : new Map();
        const commits = [...data.changes.values()].flat();
        if (commits.length > 0) {
            const { byCommit, pulls } = await client.pulls(repo, commits);
            for (const list of data.changes.values()) {
                for (const commit of list)
                    if (commit.pull === undefined)
                        commit.pull = byCommit.get(commit.sha) ?? null;
            }
            data.pulls = new Map(pulls);
        }
        hooks.info?.(`${name}: ${commits.length} commits in ${pairs.length} compares, ${data.pulls.size} pull requests`);
        data.incidents = options.incidentLabels.length > 0 ? await readIncidents(client, repo, options) : [];
    }
    catch (error) {
        if (!(0,errors/* isConfigurationError */.p0)(error))
            throw error;
        findings.push({ id: 'repository-unreadable', level: 'error', repo: name, message: error.message });
    }
    return data;
}
/** Reads every repository, one after the other (each one's calls are already batched). */
async function collect(client, options, hooks = {}) {
    const repositories = [];
    for (const repo of options.repositories)
        repositories.push(await collectRepository(client, repo, options, hooks));
    return { repositories };
}

;// CONCATENATED MODULE: ./actions/dora-report/src/engine/format.ts
// Numbers for people. Shared by the engine's one-line reasons and the renderers.

/** `45m`, `5h 10m`, `3d 4h`, `21d`. */
function formatHours(ms) {
    if (!Number.isFinite(ms))
        return 'n/a';
    const minutes = Math.round(Math.max(0, ms) / 60_000);
    if (minutes < 60)
        return `${minutes}m`;
    // Hours up to two days: "24h" reads better than "1d" next to windows given in hours.
    if (ms < 2 * DAY_MS) {
        const h = Math.floor(minutes / 60);
        const m = minutes % 60;
        return m === 0 ? `${h}h` : `${h}h ${m}m`;
    }
    const hours = Math.round(ms / HOUR_MS);
    const d = Math.floor(hours / 24);
    const h = hours % 24;
    return d >= 14 || h === 0 ? `${Math.round(ms / DAY_MS)}d` : `${d}d ${h}h`;
}
function trim(n, digits) {
    return n.toFixed(digits).replace(/\.?0+$/, '');
}
/** `2.3/day`, `3.5/week`, `1.2/month` (30 days). */
function formatRate(perDay) {
    if (perDay >= 1)
        return `${trim(perDay, 1)}/day`;
    if (perDay * 7 >= 1)
        return `${trim(perDay * 7, 1)}/week`;
    return `${trim(perDay * 30, 1)}/month`;
}
/** `8%`, `7.5%`, `0.3%`. */
function formatPercent(value) {
    return `${value >= 10 || Number.isInteger(value) ? Math.round(value) : trim(value, 1)}%`;
}

;// CONCATENATED MODULE: ./actions/dora-report/src/engine/levels.ts
// The published levels, as ladders read from elite down: a value gets the first level whose bound it meets.
// Sources and the reading of each table are in ../../docs/levels.md. Where a report's lower cluster shows a
// better value than the one above it (2024: medium change fail rate 10% vs high 20%; medium recovery "less than
// one day" like high), that level cannot be reached per metric, and the docs say so.

function climb(value, ladder, better) {
    for (const rung of ladder) {
        const meets = better === 'lower'
            ? rung.strict
                ? value < rung.bound
                : value <= rung.bound
            : rung.strict
                ? value > rung.bound
                : value >= rung.bound;
        if (meets)
            return rung.level;
    }
    return 'low';
}
const WEEK_MS = 7 * DAY_MS;
const MONTH_MS = 30 * DAY_MS;
/** Deployments per day: on demand (daily or more), daily to weekly, weekly to monthly, below. */
const DEPLOYMENT_FREQUENCY = {
    '2023': [
        { level: 'elite', bound: 1 },
        { level: 'high', bound: 1 / 7 },
        { level: 'medium', bound: 1 / 30 }
    ],
    '2024': [
        { level: 'elite', bound: 1 },
        { level: 'high', bound: 1 / 7 },
        { level: 'medium', bound: 1 / 30 }
    ]
};
/** Median change lead time in hours. */
const LEAD_TIME = {
    '2023': [
        { level: 'elite', bound: DAY_MS / HOUR_MS, strict: true },
        { level: 'high', bound: WEEK_MS / HOUR_MS },
        { level: 'medium', bound: MONTH_MS / HOUR_MS }
    ],
    '2024': [
        { level: 'elite', bound: DAY_MS / HOUR_MS, strict: true },
        { level: 'high', bound: WEEK_MS / HOUR_MS },
        { level: 'medium', bound: MONTH_MS / HOUR_MS }
    ]
};
/** Change fail rate in percent. */
const CHANGE_FAIL_RATE = {
    '2023': [
        { level: 'elite', bound: 5 },
        { level: 'high', bound: 10 },
        { level: 'medium', bound: 15 }
    ],
    '2024': [
        { level: 'elite', bound: 5 },
        { level: 'high', bound: 20 },
        { level: 'medium', bound: 10 }
    ]
};
/** Median failed deployment recovery time in hours. */
const RECOVERY_TIME = {
    '2023': [
        { level: 'elite', bound: 1, strict: true },
        { level: 'high', bound: 24, strict: true },
        { level: 'medium', bound: WEEK_MS / HOUR_MS }
    ],
    '2024': [
        { level: 'elite', bound: 1, strict: true },
        { level: 'high', bound: 24, strict: true },
        { level: 'medium', bound: 24, strict: true }
    ]
};
/**
 * A 0-10 score by interpolating between anchor points (log scale for rates and durations), in the spirit of
 * the Quick Check's 0-10 scale. DORA does not publish its formula: these anchors are ours (docs/levels.md).
 */
function interpolate(value, anchors, logScale) {
    const x = (v) => (logScale ? Math.log(Math.max(v, 1e-9)) : v);
    const sorted = [...anchors].sort((a, b) => a[0] - b[0]);
    if (value <= sorted[0][0])
        return round(sorted[0][1]);
    if (value >= sorted.at(-1)[0])
        return round(sorted.at(-1)[1]);
    for (let i = 1; i < sorted.length; i++) {
        const [x1, y1] = sorted[i];
        const [x0, y0] = sorted[i - 1];
        if (value <= x1)
            return round(y0 + ((y1 - y0) * (x(value) - x(x0))) / (x(x1) - x(x0)));
    }
    return round(sorted.at(-1)[1]);
}
function round(score) {
    return Math.round(Math.min(10, Math.max(0, score)) * 10) / 10;
}
const SCORE_ANCHORS = {
    /** Deployments per day. */
    deploymentFrequency: [
        [1 / 365, 0],
        [1 / 182, 2],
        [1 / 30, 4],
        [1 / 7, 6],
        [1, 8],
        [5, 10]
    ],
    /** Hours. */
    duration: [
        [0.25, 10],
        [1, 9],
        [24, 7],
        [168, 5],
        [720, 3],
        [4380, 1],
        [8760, 0]
    ],
    /** Percent. */
    rate: [
        [0, 10],
        [5, 8],
        [10, 6.5],
        [15, 5],
        [20, 4],
        [40, 2],
        [64, 0]
    ]
};

;// CONCATENATED MODULE: ./actions/dora-report/src/metrics/support.ts
// What the metrics count, in one place so they agree: a deployment "counts" when it is not the baseline, not a
// redeploy of the live sha, and finished (succeeded or failed) inside the period.

function finishedIn(history, period) {
    return history.deployments.filter((d) => !d.baseline && d.outcome !== 'pending' && within(d.at, period));
}
/** Attempts that could change production: finished, not redeploys. */
function countedIn(history, period) {
    return finishedIn(history, period).filter((d) => !d.redeploy);
}
/** Deployments that put something new in production. */
function shippedIn(history, period) {
    return countedIn(history, period).filter((d) => d.outcome === 'success');
}
function periodDays(period) {
    return (ms(period.end) - ms(period.start)) / DAY_MS;
}
function percent(part, whole) {
    return whole === 0 ? 0 : (100 * part) / whole;
}
const NO_DEPLOYMENTS = 'no deployments were found at all for this environment and source: check the environment name and the source';
/** `what` is the plural; `one` the singular when it is not `what` without its final s. */
function thinCount(n, minimum, what, one = what.replace(/s$/, '')) {
    return n < minimum ? `${n} ${n === 1 ? one : what} in the period, at least ${minimum} needed` : null;
}

;// CONCATENATED MODULE: ./actions/dora-report/src/metrics/change-fail-rate.ts



const KINDS = ['failed', 'rolled-back', 'hotfix', 'revert', 'incident'];
const changeFailRate = {
    id: 'change-fail-rate',
    title: 'Change fail rate',
    group: 'instability',
    unit: 'percent',
    better: 'lower',
    definition: 'share of deployments that failed, were rolled back, were followed by a hotfix or revert within the hotfix window, or are linked to an incident (named in it, or opened within the incident window); each failure lists why it counted',
    compute({ history, period }) {
        const counted = countedIn(history, period);
        const failed = counted.filter((d) => d.failure);
        const value = counted.length === 0 ? null : percent(failed.length, counted.length);
        const extra = { failures: failed.length, deployments: counted.length };
        for (const kind of KINDS)
            extra[kind] = failed.filter((d) => d.failure.reasons.some((r) => r.kind === kind)).length;
        return {
            value,
            display: value === null ? 'no deployments' : `${formatPercent(value)} (${failed.length} of ${counted.length})`,
            sample: counted.length,
            thin: !history.anyDeployments
                ? NO_DEPLOYMENTS
                : counted.length === 0
                    ? 'no deployments in the period'
                    : thinCount(counted.length, 10, 'deployments'),
            extra,
            evidence: {
                deployments: failed.map((d) => d.key),
                changes: [],
                incidents: failed.flatMap((d) => d.failure.reasons.filter((r) => r.incident !== undefined).map((r) => `${d.repo}#issue-${r.incident}`))
            }
        };
    },
    level: (value, report) => climb(value, CHANGE_FAIL_RATE[report], 'lower'),
    score: (value) => interpolate(value, SCORE_ANCHORS.rate, false)
};

;// CONCATENATED MODULE: ./actions/dora-report/src/metrics/change-lead-time.ts




const changeLeadTime = {
    id: 'change-lead-time',
    title: 'Change lead time',
    group: 'throughput',
    unit: 'hours',
    better: 'lower',
    definition: 'first commit to running in production, per change (a PR, or a commit pushed without one), median and p90; split into coding (first commit to PR opened), pickup (to first review), review (to merge) and deploy (to production)',
    compute({ history, period }) {
        const changes = history.changes.filter((c) => within(c.deployedAt, period));
        const hours = (values) => values.map((v) => v / HOUR_MS);
        const lead = hours(changes.map((c) => c.leadTimeMs));
        const m = median(lead);
        const p90 = quantile(lead, 0.9);
        const pulls = changes.filter((c) => c.kind === 'pull');
        return {
            value: m,
            display: m === null
                ? 'no changes reached production'
                : `${formatHours(m * HOUR_MS)} median, p90 ${formatHours(p90 * HOUR_MS)}`,
            sample: changes.length,
            thin: !history.anyDeployments
                ? NO_DEPLOYMENTS
                : changes.length === 0
                    ? 'no changes reached production in the period'
                    : thinCount(changes.length, 5, 'changes'),
            extra: {
                p90,
                changes: changes.length,
                pulls: pulls.length,
                codingHours: median(hours(pulls.map((c) => c.split.codingMs))),
                pickupHours: median(hours(pulls.map((c) => c.split.pickupMs))),
                reviewHours: median(hours(pulls.map((c) => c.split.reviewMs))),
                deployHours: median(hours(changes.map((c) => c.split.deployMs)))
            },
            evidence: {
                deployments: [...new Set(changes.map((c) => c.deployment))],
                changes: changes.map((c) => c.key),
                incidents: []
            }
        };
    },
    level: (value, report) => climb(value, LEAD_TIME[report], 'lower'),
    score: (value) => interpolate(value, SCORE_ANCHORS.duration, true)
};

;// CONCATENATED MODULE: ./actions/dora-report/src/metrics/deployment-frequency.ts



const deploymentFrequency = {
    id: 'deployment-frequency',
    title: 'Deployment frequency',
    group: 'throughput',
    unit: 'per-day',
    better: 'higher',
    definition: 'successful production deployments that shipped a new version (redeploys of the live sha left out), per day, with the share of days that had one',
    compute({ history, period }) {
        const shipped = shippedIn(history, period);
        const days = periodDays(period);
        const perDay = shipped.length / days;
        const deploymentDays = new Set(shipped.map((d) => d.at.slice(0, 10))).size;
        const share = percent(deploymentDays, Math.max(1, Math.round(days)));
        return {
            value: perDay,
            display: `${formatRate(perDay)} (${shipped.length} in ${Math.round(days)} days, on ${formatPercent(share)} of days)`,
            sample: shipped.length,
            thin: !history.anyDeployments ? NO_DEPLOYMENTS : days < 7 ? 'the period is shorter than a week' : null,
            extra: { deployments: shipped.length, perWeek: perDay * 7, deploymentDays, daysWithDeploymentPercent: share },
            evidence: { deployments: shipped.map((d) => d.key), changes: [], incidents: [] }
        };
    },
    level: (value, report) => climb(value, DEPLOYMENT_FREQUENCY[report], 'higher'),
    score: (value) => interpolate(value, SCORE_ANCHORS.deploymentFrequency, true)
};

;// CONCATENATED MODULE: ./actions/dora-report/src/metrics/recovery-time.ts




const recoveryTime = {
    id: 'failed-deployment-recovery-time',
    title: 'Failed deployment recovery time',
    group: 'throughput',
    unit: 'hours',
    better: 'lower',
    definition: "2023 definition: from a failed deployment to the incident's close when an incident is linked, else to its rollback or fix, else to the next successful deployment; median and p90",
    compute({ history, period }) {
        const failures = countedIn(history, period).filter((d) => d.failure);
        const recovered = failures.filter((d) => d.failure.recoveryMs !== null);
        const hours = recovered.map((d) => d.failure.recoveryMs / HOUR_MS);
        const m = median(hours);
        const open = failures.length - recovered.length;
        return {
            value: m,
            display: failures.length === 0
                ? 'no failed deployments'
                : m === null
                    ? `${failures.length} failed, none recovered yet`
                    : `${formatHours(m * HOUR_MS)} median over ${recovered.length} recover${recovered.length === 1 ? 'y' : 'ies'}${open > 0 ? ` (${open} not recovered)` : ''}`,
            sample: recovered.length,
            thin: !history.anyDeployments
                ? NO_DEPLOYMENTS
                : failures.length === 0
                    ? 'no failed deployments in the period: nothing to recover from'
                    : thinCount(recovered.length, 3, 'recoveries', 'recovery'),
            extra: { p90: quantile(hours, 0.9), failures: failures.length, recovered: recovered.length, notRecovered: open },
            evidence: {
                deployments: failures.flatMap((d) => [d.key, ...(d.failure.recoveredBy ? [d.failure.recoveredBy] : [])]),
                changes: [],
                incidents: failures.flatMap((d) => d.failure.reasons.filter((r) => r.incident !== undefined).map((r) => `${d.repo}#issue-${r.incident}`))
            }
        };
    },
    level: (value, report) => climb(value, RECOVERY_TIME[report], 'lower'),
    score: (value) => interpolate(value, SCORE_ANCHORS.duration, true)
};

;// CONCATENATED MODULE: ./actions/dora-report/src/metrics/rework-rate.ts



const reworkRate = {
    id: 'deployment-rework-rate',
    title: 'Deployment rework rate',
    group: 'instability',
    unit: 'percent',
    better: 'lower',
    definition: 'share of successful deployments that were unplanned, made because of a production problem: rollbacks, and deployments shipping a hotfix, a revert or a change that closes an incident',
    compute({ history, period }) {
        const shipped = shippedIn(history, period);
        const rework = shipped.filter((d) => d.rework);
        const value = shipped.length === 0 ? null : percent(rework.length, shipped.length);
        return {
            value,
            display: value === null ? 'no deployments' : `${formatPercent(value)} (${rework.length} of ${shipped.length})`,
            sample: shipped.length,
            thin: !history.anyDeployments
                ? NO_DEPLOYMENTS
                : shipped.length === 0
                    ? 'no deployments in the period'
                    : thinCount(shipped.length, 10, 'deployments'),
            extra: { rework: rework.length, deployments: shipped.length },
            evidence: {
                deployments: rework.map((d) => d.key),
                changes: [],
                incidents: rework.flatMap((d) => d.rework.reasons.filter((r) => r.incident !== undefined).map((r) => `${d.repo}#issue-${r.incident}`))
            }
        };
    },
    // The 2023 and 2024 clusters have no rework rate.
    level: () => null,
    score: (value) => interpolate(value, SCORE_ANCHORS.rate, false)
};

;// CONCATENATED MODULE: ./actions/dora-report/src/metrics/successful-deploys.ts



const successfulDeploys = {
    id: 'successful-deploys',
    title: 'Successful deploys',
    group: 'other',
    unit: 'percent',
    better: 'higher',
    definition: 'share of finished deployment attempts (redeploys included) whose last status is success; not a DORA metric',
    compute({ history, period }) {
        const finished = finishedIn(history, period);
        const ok = finished.filter((d) => d.outcome === 'success');
        const value = finished.length === 0 ? null : percent(ok.length, finished.length);
        return {
            value,
            display: value === null ? 'no deployments' : `${formatPercent(value)} (${ok.length} of ${finished.length})`,
            sample: finished.length,
            thin: !history.anyDeployments
                ? NO_DEPLOYMENTS
                : finished.length === 0
                    ? 'no deployments in the period'
                    : thinCount(finished.length, 10, 'deployments'),
            extra: { successful: ok.length, attempts: finished.length },
            evidence: {
                deployments: finished.filter((d) => d.outcome !== 'success').map((d) => d.key),
                changes: [],
                incidents: []
            }
        };
    },
    level: () => null,
    score: (value) => interpolate(value, [
        [0, 0],
        [100, 10]
    ], false)
};

;// CONCATENATED MODULE: ./actions/dora-report/src/metrics/index.ts






const METRICS = [
    deploymentFrequency,
    changeLeadTime,
    changeFailRate,
    recoveryTime,
    reworkRate,
    successfulDeploys
];
const METRIC_IDS = METRICS.map((m) => m.id);
function metricById(id) {
    return METRICS.find((m) => m.id === id);
}

;// CONCATENATED MODULE: ./actions/dora-report/src/engine/history.ts
// From what collect() read to the views the metrics count: each deployment's outcome, redeploys and rollbacks,
// the changes it first shipped (one per PR, or per commit pushed without one) with their lead-time split, which
// deployments failed and why, when they recovered, and which deployments were rework.





const REVERTS_COMMIT = /This reverts commit ([0-9a-f]{7,40})/gi;
const SHA_TOKEN = /\b[0-9a-f]{7,40}\b/gi;
function isHotfix(options, title, headRef, labels) {
    const wanted = new Set(options.hotfixLabels.map((l) => l.toLowerCase()));
    return (labels.some((l) => wanted.has(l.toLowerCase())) ||
        /^hotfix[/_-]/i.test(headRef ?? '') ||
        /^\s*(\[hotfix\]|hotfix\b)/i.test(title));
}
function revertTargets(repo, title, headRef, body, messages) {
    const commits = new Set();
    for (const message of messages)
        for (const m of message.matchAll(REVERTS_COMMIT))
            commits.add(m[1].toLowerCase());
    const pulls = new Set();
    // GitHub's "Revert" button writes "Reverts owner/name#12" into the PR body and names the branch revert-12-...
    const [owner, name] = repo.split('/');
    for (const m of body.matchAll(/\bReverts\s+(?:([\w.-]+)\/([\w.-]+))?#(\d+)/gi)) {
        if (!m[1] || (m[1].toLowerCase() === owner?.toLowerCase() && m[2].toLowerCase() === name?.toLowerCase()))
            pulls.add(Number(m[3]));
    }
    const branch = /^revert-(\d+)-/.exec(headRef ?? '');
    if (branch)
        pulls.add(Number(branch[1]));
    const looksLikeRevert = /^\s*Revert\b/i.test(title) || commits.size > 0 || pulls.size > 0;
    return looksLikeRevert ? { pulls: [...pulls], commits: [...commits] } : null;
}
function clampSplit(t0, opened, review, merged, deployed) {
    // Boundaries pushed forward so the four parts never go negative and add up to the lead time.
    const t1 = Math.max(t0, opened ?? t0);
    const firstLook = review !== null && (merged === null || review <= merged) ? review : (merged ?? t1);
    const t2 = Math.max(t1, firstLook);
    const t3 = Math.max(t2, merged ?? t2);
    const t4 = Math.max(t3, deployed);
    return { leadTimeMs: t4 - t0, split: { codingMs: t1 - t0, pickupMs: t2 - t1, reviewMs: t3 - t2, deployMs: t4 - t3 } };
}
function buildHistory(data, options) {
    const repo = data.repo;
    const from = ms(data.fetchedFrom);
    const horizon = horizonOf(options);
    // ---- deployments in the order they went live (or failed)
    const views = data.deployments
        .map((d) => {
        const o = outcomeOf(d);
        return {
            key: `${repo}#${d.id}`,
            repo,
            id: d.id,
            source: d.source,
            sha: d.sha,
            ref: d.ref,
            environment: d.environment,
            url: d.url ?? null,
            creator: d.creator ?? null,
            createdAt: d.createdAt,
            outcome: o.outcome,
            at: o.at,
            redeploy: false,
            rollback: null,
            baseline: ms(d.createdAt) < from,
            changesKnown: true,
            changes: [],
            reshipped: 0,
            failure: null,
            rework: null
        };
    })
        .filter((v) => ms(v.at) < horizon)
        .sort((a, b) => ms(a.at) - ms(b.at) || ms(a.createdAt) - ms(b.createdAt) || (a.id < b.id ? -1 : 1));
    const rawById = new Map(data.deployments.map((d) => [`${repo}#${d.id}`, d]));
    let live;
    for (const v of views) {
        if (v.outcome === 'pending')
            continue;
        if (v.outcome === 'failure') {
            // A failed retry of what is already live changed nothing in production: not a change failure.
            v.redeploy = live?.sha === v.sha;
            continue;
        }
        const fromPayload = payloadRollback(rawById.get(v.key)?.payload);
        if (live?.sha === v.sha && !fromPayload)
            v.redeploy = true;
        else if (fromPayload)
            v.rollback = { how: 'payload', detail: fromPayload };
        live = v;
    }
    // ---- changes: each commit belongs to the first deployment that shipped it
    const changes = new Map();
    const shippedBy = new Map();
    const changeOfCommit = new Map();
    const pullChange = new Map();
    let previous;
    for (const v of views) {
        if (v.outcome !== 'success')
            continue;
        // A rollback whose ref is ahead of the live version (blue-green-switch's automatic rollback carries the
        // failed release's commit) put the live version back: it ships none of those commits, and the live version
        // stays the base the next deployment is compared with. A rollback to an older ref is handled below.
        if (v.rollback?.how === 'payload' && !v.baseline && previous && previous.sha !== v.sha) {
            const ahead = data.changes.get(pairKey({ base: previous.sha, head: v.sha }));
            if (ahead && ahead.length > 0)
                continue;
        }
        if (v.baseline) {
            previous = v;
            continue;
        }
        if (!previous) {
            v.changesKnown = false;
            previous = v;
            continue;
        }
        const pair = data.changes.get(pairKey({ base: previous.sha, head: v.sha }));
        const commits = previous.sha === v.sha ? [] : (pair ?? []);
        // Nothing ahead of the live version: this deployment went back to an older one.
        if (pair && pair.length === 0 && !v.rollback) {
            v.rollback = {
                how: 'older-sha',
                detail: `deployed ${shortSha(v.sha)}, which is behind the live ${shortSha(previous.sha)}`
            };
        }
        previous = v;
        for (const commit of commits) {
            if (shippedBy.has(commit.sha)) {
                v.reshipped++;
                continue;
            }
            shippedBy.set(commit.sha, v);
            const pull = typeof commit.pull === 'number' ? data.pulls.get(commit.pull) : undefined;
            let change = pull ? pullChange.get(pull.number) : undefined;
            if (change) {
                change.commits.push(commit.sha);
                const authored = ms(commit.authoredAt);
                if (authored < ms(change.firstCommitAt))
                    change.firstCommitAt = commit.authoredAt;
            }
            else {
                change = pull ? pullView(repo, pull, commit, v) : commitView(repo, commit, v, options);
                changes.set(change.key, change);
                if (pull)
                    pullChange.set(pull.number, change);
                v.changes.push(change.key);
            }
            changeOfCommit.set(commit.sha, change);
        }
    }
    for (const change of changes.values()) {
        const pull = change.pull !== null ? data.pulls.get(change.pull) : undefined;
        const messages = change.commits.map((sha) => commitsBySha(data).get(sha)?.message ?? '');
        change.hotfix =
            isHotfix(options, change.title, change.headRef, pull?.labels ?? []) ||
                (change.kind === 'commit' && /^\s*(\[hotfix\]|hotfix\b)/i.test(messages[0] ?? ''));
        change.revert = revertTargets(repo, change.title, change.headRef, pull?.body ?? '', messages);
        const t0 = ms(change.firstCommitAt);
        const { leadTimeMs, split } = clampSplit(t0, change.openedAt
            ? ms(change.openedAt)
            : change.kind === 'commit'
                ? ms(commitsBySha(data).get(change.commits[0]).committedAt)
                : null, change.firstReviewAt ? ms(change.firstReviewAt) : null, change.mergedAt ? ms(change.mergedAt) : null, ms(change.deployedAt));
        change.leadTimeMs = leadTimeMs;
        change.split = split;
    }
    // ---- failures
    const byKey = new Map(views.map((v) => [v.key, v]));
    const counted = views.filter((v) => !v.baseline && !v.redeploy && v.outcome !== 'pending');
    const addFailure = (v, reason) => {
        v.failure ??= { reasons: [], recoveredAt: null, recoveredBy: null, recoveryMs: null, recoveryBasis: '' };
        if (!v.failure.reasons.some((r) => r.kind === reason.kind && r.remedy === reason.remedy && r.incident === reason.incident)) {
            v.failure.reasons.push(reason);
        }
    };
    const addRework = (v, reason) => {
        v.rework ??= { reasons: [] };
        if (!v.rework.reasons.some((r) => r.kind === reason.kind && r.pull === reason.pull && r.incident === reason.incident)) {
            v.rework.reasons.push(reason);
        }
    };
    const lastSuccessBefore = (v) => {
        const index = views.indexOf(v);
        for (let i = index - 1; i >= 0; i--) {
            const w = views[i];
            if (w.outcome === 'success' && !w.redeploy)
                return w;
        }
        return undefined;
    };
    const after = (a, b) => formatHours(ms(b.at) - ms(a.at));
    for (const v of counted) {
        if (v.outcome === 'failure') {
            const state = outcomeOf(rawById.get(v.key)).state;
            addFailure(v, { kind: 'failed', detail: `deployment ${v.id} ended in ${state}` });
        }
    }
    for (const r of views) {
        if (!r.rollback || r.baseline)
            continue;
        const index = views.indexOf(r);
        let target;
        for (let i = index - 1; i >= 0; i--) {
            const w = views[i];
            if (w.outcome !== 'pending' && !w.redeploy) {
                target = w;
                break;
            }
        }
        addRework(r, { kind: 'rollback', detail: r.rollback.detail });
        if (target && !target.baseline && !target.rollback) {
            addFailure(target, {
                kind: 'rolled-back',
                detail: `rolled back by deployment ${r.id} ${after(target, r)} later (${r.rollback.detail})`,
                remedy: r.key
            });
        }
    }
    for (const h of views) {
        if (h.outcome !== 'success' || h.baseline)
            continue;
        for (const key of h.changes) {
            const change = changes.get(key);
            if (change.hotfix) {
                addRework(h, {
                    kind: 'hotfix',
                    detail: `ships hotfix ${describeChange(change)}`,
                    pull: change.pull ?? undefined
                });
                const target = lastSuccessBefore(h);
                if (target && !target.baseline && ms(h.at) - ms(target.at) <= options.hotfixWindowMs) {
                    addFailure(target, {
                        kind: 'hotfix',
                        detail: `followed by hotfix ${describeChange(change)} deployed by ${h.id} ${after(target, h)} later`,
                        remedy: h.key,
                        pull: change.pull ?? undefined
                    });
                }
            }
            if (change.revert) {
                addRework(h, {
                    kind: 'revert',
                    detail: `ships revert ${describeChange(change)}`,
                    pull: change.pull ?? undefined
                });
                const targets = new Set();
                for (const number of change.revert.pulls) {
                    const reverted = pullChange.get(number);
                    const d = reverted ? byKey.get(reverted.deployment) : undefined;
                    if (d)
                        targets.add(d);
                }
                for (const sha of change.revert.commits) {
                    for (const [shipped, d] of shippedBy)
                        if (shipped.startsWith(sha))
                            targets.add(d);
                }
                if (targets.size === 0) {
                    const fallback = lastSuccessBefore(h);
                    if (fallback)
                        targets.add(fallback);
                }
                for (const target of targets) {
                    if (target === h ||
                        target.baseline ||
                        ms(h.at) - ms(target.at) > options.hotfixWindowMs ||
                        ms(h.at) < ms(target.at))
                        continue;
                    addFailure(target, {
                        kind: 'revert',
                        detail: `reverted by ${describeChange(change)} deployed by ${h.id} ${after(target, h)} later`,
                        remedy: h.key,
                        pull: change.pull ?? undefined
                    });
                }
            }
        }
    }
    // ---- incidents
    const successes = views.filter((v) => v.outcome === 'success' && !v.redeploy);
    const incidents = data.incidents.map((issue) => {
        const view = {
            key: `${repo}#issue-${issue.number}`,
            repo,
            number: issue.number,
            title: issue.title,
            url: issue.url ?? null,
            createdAt: issue.createdAt,
            closedAt: issue.closedAt,
            cause: null,
            link: null,
            linkDetail: '',
            fixedBy: null
        };
        const tokens = `${issue.title}\n${issue.body ?? ''}`.slice(0, 20_000).match(SHA_TOKEN) ?? [];
        const explicit = successes.find((v) => tokens.some((t) => v.sha.startsWith(t.toLowerCase())));
        const opened = ms(issue.createdAt);
        if (explicit) {
            view.cause = explicit.key;
            view.link = 'explicit';
            view.linkDetail = `names ${shortSha(explicit.sha)}, deployed by ${explicit.id}`;
        }
        else {
            const candidate = [...successes].reverse().find((v) => ms(v.at) <= opened);
            if (candidate && opened - ms(candidate.at) <= options.incidentWindowMs) {
                view.cause = candidate.key;
                view.link = 'window';
                view.linkDetail = `opened ${formatHours(opened - ms(candidate.at))} after deployment ${candidate.id}`;
            }
            else {
                view.linkDetail = candidate
                    ? `no deployment in the ${formatHours(options.incidentWindowMs)} before it opened (last: ${candidate.id}, ${formatHours(opened - ms(candidate.at))} before)`
                    : 'no deployment before it opened';
            }
        }
        for (const change of changes.values()) {
            if (change.closesIssues.includes(issue.number)) {
                view.fixedBy = change.deployment;
                const d = byKey.get(change.deployment);
                addRework(d, {
                    kind: 'incident-fix',
                    detail: `ships ${describeChange(change)}, which closes incident #${issue.number}`,
                    incident: issue.number,
                    pull: change.pull ?? undefined
                });
                break;
            }
        }
        if (view.cause) {
            const d = byKey.get(view.cause);
            if (!d.baseline) {
                addFailure(d, {
                    kind: 'incident',
                    detail: `incident #${issue.number} (${view.linkDetail})`,
                    incident: issue.number
                });
            }
        }
        return view;
    });
    const incidentByNumber = new Map(incidents.map((i) => [i.number, i]));
    // ---- recovery (2023 definition: from the failing deployment to the next successful one or the incident's close)
    for (const v of views) {
        if (!v.failure)
            continue;
        const f = v.failure;
        const linked = f.reasons.filter((r) => r.kind === 'incident').map((r) => incidentByNumber.get(r.incident));
        const remedies = f.reasons
            .filter((r) => r.remedy)
            .map((r) => byKey.get(r.remedy))
            .sort((a, b) => ms(a.at) - ms(b.at));
        if (linked.length > 0) {
            const open = linked.filter((i) => i.closedAt === null);
            if (open.length > 0)
                f.recoveryBasis = `incident #${open[0].number} still open`;
            else {
                const last = linked.reduce((a, b) => (ms(a.closedAt) >= ms(b.closedAt) ? a : b));
                f.recoveredAt = last.closedAt;
                f.recoveryBasis = `incident #${last.number} closed`;
            }
        }
        else if (remedies.length > 0) {
            const remedy = remedies[0];
            f.recoveredAt = remedy.at;
            f.recoveredBy = remedy.key;
            f.recoveryBasis = `${remedy.rollback ? 'rollback' : 'fix'} deployed by ${remedy.id}`;
        }
        else {
            const next = views.find((w) => w.outcome === 'success' && ms(w.at) > ms(v.at));
            if (next) {
                f.recoveredAt = next.at;
                f.recoveredBy = next.key;
                f.recoveryBasis = `next successful deployment ${next.id}`;
            }
            else
                f.recoveryBasis = 'no successful deployment since';
        }
        if (f.recoveredAt)
            f.recoveryMs = Math.max(0, ms(f.recoveredAt) - ms(v.at));
    }
    return {
        repos: [repo],
        deployments: views,
        changes: [...changes.values()].sort((a, b) => ms(a.deployedAt) - ms(b.deployedAt) || (a.key < b.key ? -1 : 1)),
        incidents,
        findings: [...data.findings],
        anyDeployments: data.deployments.length > 0
    };
}
const shaIndex = new WeakMap();
function commitsBySha(data) {
    let index = shaIndex.get(data);
    if (!index) {
        index = new Map();
        for (const list of data.changes.values())
            for (const c of list)
                index.set(c.sha, c);
        shaIndex.set(data, index);
    }
    return index;
}
function describeChange(change) {
    return change.kind === 'pull' ? `PR #${change.pull}` : `commit ${shortSha(change.commits[0])}`;
}
function pullView(repo, pull, commit, deployment) {
    const firstCommitAt = pull.firstCommitAt && ms(pull.firstCommitAt) < ms(commit.authoredAt) ? pull.firstCommitAt : commit.authoredAt;
    return {
        key: `${repo}#pr-${pull.number}`,
        repo,
        kind: 'pull',
        pull: pull.number,
        title: pull.title,
        url: pull.url ?? null,
        author: pull.author ?? null,
        headRef: pull.headRef ?? null,
        commits: [commit.sha],
        firstCommitAt,
        openedAt: pull.createdAt,
        firstReviewAt: pull.firstReviewAt ?? null,
        mergedAt: pull.mergedAt,
        deployedAt: deployment.at,
        deployment: deployment.key,
        leadTimeMs: 0,
        split: { codingMs: 0, pickupMs: 0, reviewMs: 0, deployMs: 0 },
        hotfix: false,
        revert: null,
        closesIssues: [...pull.closesIssues]
    };
}
function commitView(repo, commit, deployment, _options) {
    const fixes = [...commit.message.matchAll(/\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s+#(\d+)/gi)].map((m) => Number(m[1]));
    return {
        key: `${repo}@${commit.sha}`,
        repo,
        kind: 'commit',
        pull: null,
        title: commit.message.split(/\r?\n/)[0].slice(0, 200),
        url: commit.url ?? null,
        author: commit.author ?? null,
        headRef: null,
        commits: [commit.sha],
        firstCommitAt: commit.authoredAt,
        openedAt: null,
        firstReviewAt: null,
        mergedAt: null,
        deployedAt: deployment.at,
        deployment: deployment.key,
        leadTimeMs: 0,
        split: { codingMs: 0, pickupMs: 0, reviewMs: 0, deployMs: 0 },
        hotfix: false,
        revert: null,
        closesIssues: fixes
    };
}
/** Several repositories as one history (for the combined view): everything keyed by repository already. */
function mergeHistories(histories) {
    return {
        repos: histories.flatMap((h) => h.repos),
        deployments: histories
            .flatMap((h) => h.deployments)
            .sort((a, b) => ms(a.at) - ms(b.at) || (a.key < b.key ? -1 : 1)),
        changes: histories
            .flatMap((h) => h.changes)
            .sort((a, b) => ms(a.deployedAt) - ms(b.deployedAt) || (a.key < b.key ? -1 : 1)),
        incidents: histories.flatMap((h) => h.incidents),
        findings: histories.flatMap((h) => h.findings),
        anyDeployments: histories.some((h) => h.anyDeployments)
    };
}

;// CONCATENATED MODULE: ./actions/dora-report/src/engine/report.ts
// Pure: the data collect() read -> the report (every metric over the period and the one before, levels, scores,
// trends, the weekly series for the chart, and the evidence behind each number).




function evaluate(metric, history, period, options) {
    const c = metric.compute({ history, period });
    const judged = c.value !== null && c.thin === null;
    return {
        ...c,
        level: judged && options.benchmarks !== '2025' ? metric.level(c.value, options.benchmarks) : null,
        score: judged ? metric.score(c.value) : null
    };
}
function trendOf(metric, current, previous) {
    if (current.value === null || previous.value === null)
        return { trend: 'n/a', delta: null };
    const delta = current.value - previous.value;
    const scale = Math.max(Math.abs(current.value), Math.abs(previous.value));
    if (scale === 0 || Math.abs(delta) / scale < 0.02)
        return { trend: 'same', delta };
    const up = delta > 0;
    return { trend: up === (metric.better === 'higher') ? 'better' : 'worse', delta };
}
/** Monday 00:00 UTC on or before t. */
function weekStart(t) {
    const day = new Date(t);
    const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
    return midnight - ((day.getUTCDay() + 6) % 7) * DAY_MS;
}
function weeklySeries(history, period) {
    const points = [];
    for (let t = weekStart(ms(period.start)); t < ms(period.end); t += 7 * DAY_MS) {
        const week = {
            start: new Date(Math.max(t, ms(period.start))).toISOString(),
            end: new Date(Math.min(t + 7 * DAY_MS, ms(period.end))).toISOString()
        };
        const lead = history.changes.filter((c) => within(c.deployedAt, week)).map((c) => c.leadTimeMs / HOUR_MS);
        points.push({
            weekStart: new Date(t).toISOString(),
            deployments: shippedIn(history, week).length,
            medianLeadTimeHours: median(lead)
        });
    }
    return points;
}
function repositoryReport(label, history, options) {
    const both = { start: options.previousPeriod.start, end: options.period.end };
    const metrics = METRICS.map((metric) => {
        const current = evaluate(metric, history, options.period, options);
        const previous = evaluate(metric, history, options.previousPeriod, options);
        return {
            id: metric.id,
            title: metric.title,
            group: metric.group,
            unit: metric.unit,
            better: metric.better,
            current,
            previous,
            ...trendOf(metric, current, previous)
        };
    });
    const findings = [...history.findings];
    const unlinked = history.incidents.filter((i) => i.cause === null && within(i.createdAt, options.period));
    for (const incident of unlinked) {
        findings.push({
            id: 'incident-unlinked',
            level: 'notice',
            repo: incident.repo,
            message: `incident #${incident.number} is not counted as a change failure: ${incident.linkDetail}`
        });
    }
    const pending = history.deployments.filter((d) => d.outcome === 'pending' && within(d.createdAt, options.period));
    if (pending.length > 0) {
        findings.push({
            id: 'deployments-pending',
            level: 'notice',
            message: `${pending.length} deployment${pending.length === 1 ? '' : 's'} in the period never reached a final status and ${pending.length === 1 ? 'is' : 'are'} not counted`
        });
    }
    return {
        repo: label,
        metrics,
        weekly: weeklySeries(history, options.period),
        deployments: history.deployments.filter((d) => !d.baseline && within(d.at, both)),
        changes: history.changes.filter((c) => within(c.deployedAt, both)),
        incidents: history.incidents.filter((i) => within(i.createdAt, both)),
        findings
    };
}
function analyze(data, options) {
    const histories = data.repositories.map((repo) => buildHistory(repo, options));
    const repositories = histories.map((h) => repositoryReport(h.repos[0], h, options));
    const combined = histories.length > 1 ? repositoryReport('all repositories', mergeHistories(histories), options) : null;
    if (combined)
        combined.findings = [];
    return {
        period: options.period,
        previousPeriod: options.previousPeriod,
        environment: options.environment,
        source: options.source,
        benchmarks: options.benchmarks,
        repositories,
        combined,
        findings: repositories.flatMap((r) => r.findings)
    };
}

// EXTERNAL MODULE: ./shared/src/lib/duration.ts
var duration = __webpack_require__(64363);
;// CONCATENATED MODULE: ./actions/dora-report/src/engine/period.ts
// Reporting periods and windows from what people type: `30d`, `12w`, `quarter`, `2026-Q1`, `2026-03`, or
// `since`/`until` dates. The clock is passed in, so the same input always gives the same period.




function parseInstant(text, what) {
    const trimmed = text.trim();
    const value = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? Date.parse(`${trimmed}T00:00:00Z`) : Date.parse(trimmed);
    if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed) || !Number.isFinite(value)) {
        throw new errors/* ConfigurationError */.j1(`${what} must be a date like 2026-01-01 or 2026-01-01T12:00:00Z; got "${text}"`);
    }
    return value;
}
function addMonths(t, months) {
    const d = new Date(t);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}
const iso = (t) => new Date(t).toISOString();
function calendar(start, months) {
    const end = addMonths(start, months);
    return {
        period: { start: iso(start), end: iso(end) },
        previous: { start: iso(addMonths(start, -months)), end: iso(start) }
    };
}
function fixed(start, end, label) {
    if (!(end > start))
        throw new errors/* ConfigurationError */.j1(`the period is empty: ${label('until')} must be after ${label('since')}`);
    return {
        period: { start: iso(start), end: iso(end) },
        previous: { start: iso(start - (end - start)), end: iso(start) }
    };
}
const NAMED_PERIODS = ['month', 'quarter', 'year'];
function resolvePeriod(input) {
    const label = input.label ?? ((setting) => setting);
    const now = input.now.getTime();
    const until = input.until ? parseInstant(input.until, label('until')) : now;
    const period = input.period?.trim() ?? '';
    if (input.since) {
        if (period !== '')
            throw new errors/* ConfigurationError */.j1(`give either ${label('period')} or ${label('since')}, not both`);
        return fixed(parseInstant(input.since, label('since')), until, label);
    }
    const text = period === '' ? '30d' : period.toLowerCase();
    let match;
    if ((match = /^(\d+)\s*(d|w)$/.exec(text))) {
        const days = Number(match[1]) * (match[2] === 'w' ? 7 : 1);
        if (days < 1 || days > 3660)
            throw new errors/* ConfigurationError */.j1(`${label('period')} must be between 1d and 3660d; got "${period}"`);
        return fixed(until - days * DAY_MS, until, label);
    }
    const back = { month: 1, quarter: 3, year: 12 };
    if (back[text] !== undefined)
        return fixed(addMonths(until, -back[text]), until, label);
    if ((match = /^(\d{4})-q([1-4])$/.exec(text)))
        return calendar(Date.UTC(Number(match[1]), (Number(match[2]) - 1) * 3, 1), 3);
    if ((match = /^(\d{4})-(\d{2})$/.exec(text)) && Number(match[2]) >= 1 && Number(match[2]) <= 12) {
        return calendar(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1), 1);
    }
    if ((match = /^(\d{4})$/.exec(text)))
        return calendar(Date.UTC(Number(match[1]), 0, 1), 12);
    const guess = /^[a-z]+$/.test(text) ? (0,suggest/* closestName */.N)(text, NAMED_PERIODS) : undefined;
    throw new errors/* ConfigurationError */.j1(`${label('period')} must look like 30d, 12w, month, quarter, year, 2026-Q1, 2026-03 or 2026; got "${input.period}"${guess ? ` (did you mean "${guess}"?)` : ''}`);
}
/** A window such as `24h`, `90m` or `2d` in milliseconds. */
function parseWindow(text, what) {
    const trimmed = text.trim();
    const days = /^(\d+(?:\.\d+)?)\s*([dw])$/.exec(trimmed);
    if (days)
        return Math.round(Number(days[1]) * (days[2] === 'w' ? 7 : 1) * DAY_MS);
    try {
        const value = (0,duration/* parseDuration */.E9)(trimmed);
        if (value <= 0)
            throw new errors/* ConfigurationError */.j1(`${what} must be longer than 0`);
        return value;
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`${what}: ${error.message.replace(/\.$/, '')} (or days, like 2d)`);
    }
}

;// CONCATENATED MODULE: ./actions/dora-report/src/engine/options.ts
// Turns loose option values (strings from action inputs or CLI flags) into DoraOptions, with one clear line for
// every mistake. Pure: the caller passes the clock.



const SOURCES = ['deployments', 'workflow-runs', 'releases', 'tags'];
const BENCHMARKS = ['2023', '2024', '2025'];
const MAX_REPOSITORIES = 50;
function splitList(values) {
    const list = typeof values === 'string' ? [values] : (values ?? []);
    return list
        .flatMap((v) => v.split(/[\n,]/))
        .map((v) => v.trim())
        .filter((v) => v !== '');
}
function parseRepository(text, label = 'repositories') {
    const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(text.trim());
    if (!match || match[2] === '.' || match[2] === '..') {
        throw new errors/* ConfigurationError */.j1(`${label}: a repository must look like owner/name; got "${text.slice(0, 120)}"`);
    }
    return { owner: match[1], name: match[2] };
}
function parseOptions(raw) {
    const label = raw.label ?? ((setting) => setting);
    const names = splitList(raw.repositories);
    if (names.length === 0)
        throw new errors/* ConfigurationError */.j1(`${label('repositories')}: name at least one repository (owner/name)`);
    if (names.length > MAX_REPOSITORIES)
        throw new errors/* ConfigurationError */.j1(`${label('repositories')}: at most ${MAX_REPOSITORIES} repositories per run; got ${names.length}`);
    const seen = new Set();
    const repositories = names
        .map((name) => parseRepository(name, label('repositories')))
        .filter((r) => {
        const key = `${r.owner}/${r.name}`.toLowerCase();
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
    const source = (raw.source?.trim() || 'deployments');
    if (!SOURCES.includes(source)) {
        const guess = (0,suggest/* closestName */.N)(raw.source.trim(), SOURCES);
        throw new errors/* ConfigurationError */.j1(`${label('source')} must be one of ${SOURCES.join(', ')}; got "${raw.source}"${guess ? ` (did you mean "${guess}"?)` : ''}`);
    }
    const workflow = raw.workflow?.trim() || undefined;
    if (source === 'workflow-runs' && !workflow) {
        throw new errors/* ConfigurationError */.j1(`${label('source')} workflow-runs needs ${label('workflow')}: the deploy workflow's file name, e.g. deploy.yml`);
    }
    if (workflow && !/^[\w.-]{1,200}$/.test(workflow)) {
        throw new errors/* ConfigurationError */.j1(`${label('workflow')} must be a workflow file name such as deploy.yml or its id; got "${workflow.slice(0, 120)}"`);
    }
    const benchmarks = (raw.benchmarks?.trim() || '2024');
    if (!BENCHMARKS.includes(benchmarks)) {
        throw new errors/* ConfigurationError */.j1(`${label('benchmarks')} must be one of ${BENCHMARKS.join(', ')}; got "${raw.benchmarks}"`);
    }
    const environment = raw.environment?.trim() || 'production';
    if (environment.length > 255 || /[\n\r]/.test(environment))
        throw new errors/* ConfigurationError */.j1(`${label('environment')} must be one line of at most 255 characters`);
    const { period, previous } = resolvePeriod({
        period: raw.period,
        since: raw.since,
        until: raw.until,
        now: raw.now,
        label
    });
    const hotfixWindowMs = parseWindow(raw.hotfixWindow?.trim() || '24h', label('hotfix-window'));
    const incidentWindowMs = raw.incidentWindow?.trim()
        ? parseWindow(raw.incidentWindow, label('incident-window'))
        : hotfixWindowMs;
    const labels = (text, fallback, setting) => {
        const list = text === undefined ? fallback : splitList(text);
        for (const name of list)
            if (name.length > 100)
                throw new errors/* ConfigurationError */.j1(`${label(setting)}: label "${name.slice(0, 40)}..." is longer than 100 characters`);
        return list;
    };
    return {
        repositories,
        environment,
        period,
        previousPeriod: previous,
        source,
        workflow,
        branch: raw.branch?.trim() || undefined,
        incidentLabels: labels(raw.incidentLabel, ['incident'], 'incident-label'),
        hotfixLabels: labels(raw.hotfixLabel, ['hotfix'], 'hotfix-label'),
        hotfixWindowMs,
        incidentWindowMs,
        benchmarks
    };
}

;// CONCATENATED MODULE: ./actions/dora-report/src/engine/index.ts
// dora-report's engine: the one module other code (main.ts, cli.ts, another action) imports.











/** collect() then analyze(): what main.ts and the CLI call. */
async function runDoraReport(client, options, hooks = {}) {
    return analyze(await collect(client, options, hooks), options);
}

;// CONCATENATED MODULE: ./shared/src/lib/action-inputs.ts
/**
 * An action's inputs and outputs as data. Each action declares them once in its `inputs.ts`; `main.ts` reads
 * through the declaration (shared/src/actions/inputs.ts readInputs), and the metadata test compares it with
 * action.yml, so a name, default or description cannot drift between the two. The inputs every action shares
 * (fail-on, comment, comment-key, sarif-file, github-token) are declared here once, with one wording.
 */
function defineInputs(inputs) {
    return inputs;
}
function defineOutputs(outputs) {
    return { ...COMMON_OUTPUTS, ...outputs };
}
/** The default as action.yml writes it (a string), or undefined. */
function actionYmlDefault(spec) {
    if (spec.kind === 'yaml' || spec.default === undefined)
        return undefined;
    return String(spec.default);
}
const COMMON_OUTPUTS = {
    verdict: 'pass, warn or fail: what the step found (fail-on decides whether the step fails).',
    'result-json': 'The JSON report (tool, version, verdict, counts, then the findings) as text, for fromJSON(); when over 512 KiB, the same without its lists and with "truncated": true (the file in report-file is always whole).',
    'report-file': 'Path of the whole JSON report, written under RUNNER_TEMP.'
};
/** The inputs every action that reports findings shares, worded once. */
const COMMON_INPUTS = {
    'fail-on': {
        kind: 'choice',
        values: ['error', 'warning', 'never'],
        default: 'error',
        description: 'Fail the step on errors (error), also on warnings (warning), or never (report only).'
    },
    comment: {
        kind: 'boolean',
        default: true,
        description: 'On pull requests, keep one sticky comment with the results up to date (created only when there is something to report; needs pull-requests: write).'
    },
    'comment-key': {
        kind: 'string',
        description: 'Tells apart the sticky comments of several steps of this action in one pull request. Default: what the step reports on (e.g. the spec path).'
    },
    'sarif-file': {
        kind: 'string',
        description: 'Write the findings as SARIF 2.1.0 to this path (for github/codeql-action/upload-sarif).'
    },
    'github-token': {
        kind: 'string',
        default: '${{ github.token }}',
        secret: true,
        description: 'Token for the pull request comment and other GitHub API calls.'
    }
};

;// CONCATENATED MODULE: ./actions/dora-report/src/inputs.ts
// dora-report's inputs and outputs, declared once: main.ts reads them through this, and the metadata test holds
// action.yml to it.

const LEVEL_NAMES = ['elite', 'high', 'medium', 'low'];
const INPUTS = defineInputs({
    environment: {
        kind: 'string',
        default: 'production',
        description: 'Deployment environment whose deployments are counted (source deployments): the name a job gives in environment:.'
    },
    period: {
        kind: 'string',
        default: '30d',
        description: 'Period reported on, compared with the one before it: 30d, 12w, month, quarter or year (ending now), or a calendar 2026-Q1, 2026-03 or 2026.'
    },
    repositories: {
        kind: 'list',
        description: 'Repositories (owner/name), separated by newlines or commas; with several, each is reported and then all together. Default: the repository the workflow runs in.'
    },
    source: {
        kind: 'choice',
        values: ['deployments', 'workflow-runs', 'releases', 'tags'],
        default: 'deployments',
        description: 'What counts as a deployment: GitHub deployments to the environment, runs of the deploy workflow (workflow-runs, needs workflow), published releases, or tags.'
    },
    workflow: {
        kind: 'string',
        description: 'The deploy workflow for source workflow-runs: its file name (deploy.yml) or id.'
    },
    'incident-label': {
        kind: 'list',
        default: 'incident',
        description: 'Issues with this label (or any of several, comma-separated) are incidents: a change failure of the deployment they name or follow within the window.'
    },
    'hotfix-window': {
        kind: 'string',
        default: '24h',
        description: 'A hotfix, revert or incident this soon after a deployment counts it as a change failure: 30m, 24h, 2d.'
    },
    benchmarks: {
        kind: 'choice',
        values: ['2023', '2024', '2025'],
        default: '2024',
        description: 'Which DORA report the levels come from: 2023 or 2024 (elite, high, medium, low), or 2025 (no levels; a 0-10 score per metric, and min-level judged by the 2024 levels).'
    },
    'min-level': {
        kind: 'choice',
        values: LEVEL_NAMES,
        default: 'medium',
        description: 'A metric below this level is a warning (verdict warn); too little data to judge is only a notice. With fail-on: warning the step then fails.'
    },
    'database-url': {
        kind: 'string',
        secret: true,
        description: 'PostgreSQL connection string: when set, the deployments, changes and incidents are synced into its dora schema (created on first use). Masked.'
    },
    'csv-file': {
        kind: 'string',
        description: 'Where to write the CSV of every metric, deployment, change and incident (relative to the workspace). Default: a file under RUNNER_TEMP.'
    },
    'fail-on': {
        ...COMMON_INPUTS['fail-on'],
        description: 'Fail the step on errors (error: a repository could not be read), also on warnings (warning: a metric below min-level, or no deployments found), or never.'
    },
    'github-token': {
        ...COMMON_INPUTS['github-token'],
        description: 'Token that reads the repositories: contents, deployments, pull-requests, issues and actions (for workflow-runs) read. Masked.'
    }
});
const OUTPUTS = defineOutputs({
    'deployment-frequency': 'Deployments per day in the period (all repositories together when several).',
    'deployment-frequency-level': 'elite, high, medium or low; empty when not judged (too little data, or benchmarks 2025).',
    'change-lead-time-hours': 'Median change lead time in hours, first commit to running in production; empty when no change shipped.',
    'change-lead-time-level': 'elite, high, medium or low; empty when not judged.',
    'change-fail-rate': 'Change fail rate in percent (0-100) of the deployments that finished in the period; empty when none.',
    'change-fail-rate-level': 'elite, high, medium or low; empty when not judged.',
    'recovery-time-hours': 'Median failed deployment recovery time in hours; empty when nothing failed (or nothing recovered).',
    'recovery-time-level': 'elite, high, medium or low; empty when not judged.',
    'rework-rate': 'Deployment rework rate in percent: unplanned deployments made because of a production problem; empty when none.',
    'successful-deploys': 'Percent of finished deployment attempts whose last status is success; empty when none.',
    deployments: 'Deployments that shipped something new in the period (what deployment frequency counts).',
    'csv-file': 'Path of the CSV file written.',
    'api-calls': 'GitHub API calls the report took (REST and GraphQL).'
});

// EXTERNAL MODULE: ./shared/src/lib/markdown.ts
var markdown = __webpack_require__(41794);
;// CONCATENATED MODULE: ./actions/dora-report/src/render/chart.ts
const BLOCKS = '▁▂▃▄▅▆▇█';
function sparkline(values) {
    const present = values.filter((v) => v !== null);
    const max = Math.max(0, ...present);
    return values
        .map((v) => (v === null ? '·' : max === 0 ? BLOCKS[0] : BLOCKS[Math.min(7, Math.round((v / max) * 7))]))
        .join('');
}
function label(week) {
    return week.weekStart.slice(5, 10);
}
function niceMax(max) {
    if (max <= 0)
        return 1;
    const step = 10 ** Math.floor(Math.log10(max));
    return Math.ceil(max / step) * step;
}
function chart_round(v) {
    return String(Math.round(v * 10) / 10);
}
/** Two xycharts: deployments per week (bars) and median lead time per week in hours (line). */
function mermaidCharts(weeks) {
    if (weeks.length === 0)
        return '';
    const x = `x-axis [${weeks.map((w) => `"${label(w)}"`).join(', ')}]`;
    const deployments = weeks.map((w) => w.deployments);
    // Weeks without changes get 0 in the line (xychart has no gaps); the sparkline shows them as ·.
    const lead = weeks.map((w) => w.medianLeadTimeHours ?? 0);
    return [
        '```mermaid',
        'xychart-beta',
        '    title "Deployments per week"',
        `    ${x}`,
        `    y-axis "deployments" 0 --> ${niceMax(Math.max(...deployments))}`,
        `    bar [${deployments.join(', ')}]`,
        '```',
        '',
        '```mermaid',
        'xychart-beta',
        '    title "Median change lead time per week (hours)"',
        `    ${x}`,
        `    y-axis "hours" 0 --> ${niceMax(Math.max(...lead))}`,
        `    line [${lead.map(chart_round).join(', ')}]`,
        '```'
    ].join('\n');
}
function textCharts(weeks) {
    if (weeks.length === 0)
        return [];
    const deployments = weeks.map((w) => w.deployments);
    const lead = weeks.map((w) => w.medianLeadTimeHours);
    const maxLead = Math.max(0, ...lead.filter((v) => v !== null));
    return [
        `deployments per week  ${sparkline(deployments)}  (${label(weeks[0])} to ${label(weeks.at(-1))}, max ${Math.max(...deployments)})`,
        `median lead time      ${sparkline(lead)}  (hours, max ${chart_round(maxLead)}; · = no changes)`
    ];
}

;// CONCATENATED MODULE: ./actions/dora-report/src/render/common.ts
const common_LEVEL_NAMES = { elite: 'Elite', high: 'High', medium: 'Medium', low: 'Low' };
function levelText(m, report) {
    const v = m.current;
    if (v.level)
        return common_LEVEL_NAMES[v.level];
    if (v.value === null || v.thin)
        return 'too little data';
    return report.benchmarks === '2025' ? '-' : 'no level in the report';
}
function scoreText(m) {
    return m.current.score === null ? '-' : `${m.current.score}/10`;
}
function trendText(m) {
    switch (m.trend) {
        case 'better':
            return `better (was ${m.previous.display})`;
        case 'worse':
            return `worse (was ${m.previous.display})`;
        case 'same':
            return `same (was ${m.previous.display})`;
        default:
            return m.previous.value === null ? 'no earlier data' : `was ${m.previous.display}`;
    }
}
function trendArrow(m) {
    if (m.trend === 'n/a' || m.delta === null)
        return '';
    const up = m.delta > 0;
    return m.trend === 'same' ? '→' : up ? '↑' : '↓';
}
function periodText(report) {
    const day = (iso) => iso.slice(0, 10);
    const end = (iso) => new Date(Date.parse(iso) - 1).toISOString().slice(0, 10);
    return `${day(report.period.start)} to ${end(report.period.end)}, compared with ${day(report.previousPeriod.start)} to ${end(report.previousPeriod.end)}`;
}
function common_short(m) {
    if (!m)
        return '-';
    if (m.current.value === null)
        return m.current.display;
    return m.current.display.replace(/ \(.*$/, '');
}
/** "Throughput: ... Instability: ..." in one line. */
function framing(r) {
    const get = (id) => r.metrics.find((m) => m.id === id);
    return (`Throughput: ${common_short(get('deployment-frequency'))} deployments, lead time ${common_short(get('change-lead-time'))}, recovery ${common_short(get('failed-deployment-recovery-time'))}. ` +
        `Instability: change fail rate ${common_short(get('change-fail-rate'))}, rework ${common_short(get('deployment-rework-rate'))}.`);
}

;// CONCATENATED MODULE: ./shared/src/lib/csv.ts
/**
 * CSV for spreadsheets (RFC 4180: CRLF line ends, quotes doubled) with formula injection defused: a cell that
 * a spreadsheet would evaluate (a leading =, +, -, @, tab or carriage return, as OWASP lists them) gets a
 * leading apostrophe, so text from a repository stays text when someone opens the file.
 */
/** One cell: empty for null/undefined/non-finite numbers, numbers rounded to 6 decimals. */
function csvCell(value) {
    if (value === null || value === undefined)
        return '';
    let text = typeof value === 'number' ? (Number.isFinite(value) ? String(Math.round(value * 1e6) / 1e6) : '') : String(value);
    // Numbers are ours (and may be negative); only text can carry a formula.
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text))
        text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
/** A header row and one line per record; a column missing from a record is an empty cell. */
function csvDocument(columns, rows) {
    const lines = [columns.map(csvCell).join(','), ...rows.map((row) => columns.map((c) => csvCell(row[c])).join(','))];
    return `${lines.join('\r\n')}\r\n`;
}

;// CONCATENATED MODULE: ./actions/dora-report/src/render/csv.ts
// One CSV of everything behind the numbers, a row per metric (per period), deployment, change and incident,
// for spreadsheets and dashboards. Columns that do not apply to a record are empty.


const CSV_COLUMNS = [
    'record',
    'repo',
    'period',
    'metric',
    'value',
    'display',
    'level',
    'score',
    'sample',
    'deployment',
    'sha',
    'at',
    'outcome',
    'redeploy',
    'rollback',
    'change',
    'pull',
    'title',
    'author',
    'first_commit_at',
    'opened_at',
    'first_review_at',
    'merged_at',
    'lead_time_hours',
    'coding_hours',
    'pickup_hours',
    'review_hours',
    'deploy_hours',
    'failure_reasons',
    'recovery_hours',
    'rework_reasons',
    'incident',
    'incident_cause',
    'closed_at',
    'url'
];
const hours = (ms) => (ms === null || ms === undefined ? null : ms / HOUR_MS);
function renderCsv(report) {
    const rows = [];
    for (const r of [...report.repositories, ...(report.combined ? [report.combined] : [])]) {
        for (const m of r.metrics) {
            for (const [period, v] of [
                ['current', m.current],
                ['previous', m.previous]
            ]) {
                rows.push({
                    record: 'metric',
                    repo: r.repo,
                    period,
                    metric: m.id,
                    value: v.value,
                    display: v.display,
                    level: v.level,
                    score: v.score,
                    sample: v.sample
                });
            }
        }
        if (r === report.combined)
            continue;
        for (const d of r.deployments) {
            rows.push({
                record: 'deployment',
                repo: d.repo,
                deployment: d.id,
                sha: d.sha,
                at: d.at,
                outcome: d.outcome,
                redeploy: d.redeploy,
                rollback: d.rollback?.detail ?? null,
                failure_reasons: d.failure?.reasons.map((x) => `${x.kind}: ${x.detail}`).join('; ') ?? null,
                recovery_hours: hours(d.failure?.recoveryMs),
                rework_reasons: d.rework?.reasons.map((x) => `${x.kind}: ${x.detail}`).join('; ') ?? null,
                url: d.url
            });
        }
        for (const c of r.changes) {
            rows.push({
                record: 'change',
                repo: c.repo,
                deployment: c.deployment.slice(c.deployment.lastIndexOf('#') + 1),
                sha: c.commits[0],
                at: c.deployedAt,
                change: c.key,
                pull: c.pull,
                title: c.title,
                author: c.author,
                first_commit_at: c.firstCommitAt,
                opened_at: c.openedAt,
                first_review_at: c.firstReviewAt,
                merged_at: c.mergedAt,
                lead_time_hours: hours(c.leadTimeMs),
                coding_hours: hours(c.split.codingMs),
                pickup_hours: hours(c.split.pickupMs),
                review_hours: hours(c.split.reviewMs),
                deploy_hours: hours(c.split.deployMs),
                url: c.url
            });
        }
        for (const i of r.incidents) {
            rows.push({
                record: 'incident',
                repo: i.repo,
                incident: i.number,
                title: i.title,
                at: i.createdAt,
                closed_at: i.closedAt,
                incident_cause: i.cause ? i.cause.slice(i.cause.lastIndexOf('#') + 1) : null,
                deployment: i.fixedBy ? i.fixedBy.slice(i.fixedBy.lastIndexOf('#') + 1) : null,
                url: i.url
            });
        }
    }
    return csvDocument(CSV_COLUMNS, rows);
}

;// CONCATENATED MODULE: ./actions/dora-report/src/render/text.ts
// The terminal report (the CLI's default format). Repository text is clipped to one line without control
// characters, so a PR title cannot move the cursor or recolour the terminal.



function repository(r, report) {
    const lines = [(0,markdown/* clipLine */.DX)(r.repo), `  ${framing(r)}`];
    const width = Math.max(...r.metrics.map((m) => m.title.length));
    for (const m of r.metrics) {
        const judged = levelText(m, report);
        lines.push(`  ${m.title.padEnd(width)}  ${m.current.display}  [${judged}, score ${scoreText(m)}]  ${trendText(m)}`);
        if (m.current.thin)
            lines.push(`  ${''.padEnd(width)}  note: ${m.current.thin}`);
    }
    for (const chart of textCharts(r.weekly))
        lines.push(`  ${chart}`);
    const failed = r.deployments.filter((d) => d.failure && d.at >= report.period.start);
    for (const d of failed) {
        const why = d.failure.reasons.map((x) => x.detail).join('; ');
        lines.push(`  failed deployment ${(0,markdown/* clipLine */.DX)(d.id, 60)} (${d.sha.slice(0, 7)}, ${d.at}): ${(0,markdown/* clipLine */.DX)(why, 400)}`);
    }
    return lines;
}
function renderText(report, options = {}) {
    const lines = [
        `DORA report for ${(0,markdown/* clipLine */.DX)(report.environment, 100)} (${report.source}), ${periodText(report)}; levels: ${report.benchmarks} report`
    ];
    for (const r of report.repositories)
        lines.push('', ...repository(r, report));
    if (report.combined)
        lines.push('', ...repository(report.combined, report));
    const findings = options.findings ?? report.findings;
    if (findings.length > 0) {
        lines.push('');
        for (const f of findings)
            lines.push(`${f.level}: ${(0,markdown/* clipLine */.DX)(f.message, 400)}`);
    }
    if (options.api)
        lines.push('', `GitHub API calls: ${options.api.total} (${options.api.graphql} GraphQL, ${options.api.rest} REST)`);
    if (options.headline)
        lines.push('', options.headline);
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./actions/dora-report/src/report.ts
// A DoraReport as the action family's ActionReport: the verdict (a metric below min-level is a warning, too
// little data a notice), the headline, sections for the job summary (metrics with level and trend, the weekly
// chart, per-deployment, per-change and per-incident drill-down tables, the evidence behind each number), the
// JSON envelope's own fields, the outputs, the text format and the CSV. No I/O. Text from the repository (PR
// titles, branches, logins, tag names, payloads quoted in reasons) goes through escapeMarkdown or codeSpan, and
// only URLs on the GitHub server become links.








const RANK = { elite: 3, high: 2, medium: 1, low: 0 };
/** The metrics a level judges, and the short names the headline and outputs use. */
const JUDGED = {
    'deployment-frequency': { short: 'deployments', value: formatRate },
    'change-lead-time': { short: 'lead time', value: (h) => formatHours(h * 3_600_000) },
    'change-fail-rate': { short: 'change fail rate', value: formatPercent },
    'failed-deployment-recovery-time': { short: 'recovery', value: (h) => formatHours(h * 3_600_000) }
};
/**
 * The level min-level is compared with: the report's own (2023/2024), or with benchmarks 2025 (which has no
 * levels) the 2024 one. Null when the metric has no level or too little data to judge.
 */
function judgedLevel(m, benchmarks) {
    const v = m.current;
    if (v.value === null || v.thin !== null)
        return null;
    if (benchmarks !== '2025')
        return v.level;
    return metricById(m.id)?.level(v.value, '2024') ?? null;
}
function isBelow(m, report, minLevel) {
    const level = judgedLevel(m, report.benchmarks);
    return level !== null && RANK[level] < RANK[minLevel];
}
/** The repository views the findings and outputs judge: each repository (the combined view only adds up). */
function mainView(report) {
    return report.combined ?? report.repositories[0];
}
function findingsOf(report, minLevel) {
    const out = [];
    const levelSource = report.benchmarks === '2025' ? '2024' : report.benchmarks;
    for (const r of report.repositories) {
        const dfThin = r.metrics.find((m) => m.id === 'deployment-frequency')?.current.thin;
        if (dfThin === NO_DEPLOYMENTS) {
            out.push({
                id: 'no-deployments',
                level: 'warning',
                repo: r.repo,
                message: `no deployments found at all (environment "${(0,markdown/* clipLine */.DX)(report.environment, 100)}", source ${report.source}): check the environment name and the source`
            });
            continue;
        }
        for (const m of r.metrics) {
            if (!isBelow(m, report, minLevel))
                continue;
            const level = judgedLevel(m, report.benchmarks);
            out.push({
                id: 'below-level',
                level: 'warning',
                repo: r.repo,
                message: `${m.title} ${m.current.display} is at the ${level} level of the ${levelSource} report, below ${minLevel} (min-level)`
            });
        }
        const thin = r.metrics.filter((m) => m.current.thin !== null && m.group !== 'other');
        if (thin.length > 0) {
            out.push({
                id: 'too-little-data',
                level: 'notice',
                repo: r.repo,
                message: `too little data to judge ${thin.map((m) => `${m.title.toLowerCase()} (${m.current.thin})`).join(', ')}`
            });
        }
    }
    for (const f of report.findings)
        out.push({ id: f.id, level: f.level, message: f.message, repo: f.repo });
    return out;
}
function findingMessage(f) {
    return f.repo ? `${f.repo}: ${f.message}` : f.message;
}
function subjectOf(report) {
    return report.repositories.length === 1 ? report.repositories[0].repo : `${report.repositories.length} repositories`;
}
function headlineOf(report, findings, minLevel) {
    const view = mainView(report);
    const day = (iso) => iso.slice(0, 10);
    const last = new Date(Date.parse(report.period.end) - 1).toISOString();
    const parts = (view?.metrics ?? [])
        .filter((m) => JUDGED[m.id])
        .map((m) => {
        const j = JUDGED[m.id];
        if (m.current.value === null)
            return `${j.short} n/a`;
        const level = judgedLevel(m, report.benchmarks);
        const judged = report.benchmarks === '2025'
            ? m.current.score === null
                ? ''
                : ` (${m.current.score}/10)`
            : level
                ? ` (${level})`
                : '';
        return `${j.short} ${j.value(m.current.value)}${judged}`;
    });
    const below = findings.filter((f) => f.id === 'below-level').length;
    const missing = findings.filter((f) => f.id === 'no-deployments').length;
    const tail = [
        ...(below > 0 ? [`${(0,lib_report/* plural */.LS)(below, 'metric')} below ${minLevel}`] : []),
        ...(missing > 0 ? [`no deployments found in ${(0,lib_report/* plural */.LS)(missing, 'repository', 'repositories')}`] : [])
    ];
    return `DORA report for ${subjectOf(report)}, ${day(report.period.start)} to ${day(last)}: ${parts.join(', ')}${tail.length > 0 ? `; ${tail.join(', ')}` : ''}`;
}
// ------------------------------------------------------------------------------------------------ markdown
const when = (iso) => iso.slice(0, 16).replace('T', ' ');
const md = (text, max = 200) => (text ? (0,markdown/* escapeMarkdown */.FV)((0,markdown/* clipLine */.DX)(text, max)) : '');
function idOf(key) {
    return key.slice(key.lastIndexOf('#') + 1);
}
function outcomeText(d) {
    if (d.redeploy)
        return 'redeploy';
    if (d.rollback)
        return 'rollback';
    return d.outcome === 'success' ? 'success' : d.outcome === 'failure' ? 'failed' : 'pending';
}
function levelCell(m, report, minLevel) {
    const v = m.current;
    if (v.value === null || v.thin !== null)
        return 'too little data';
    const level = judgedLevel(m, report.benchmarks);
    if (level === null)
        return report.benchmarks === '2025' ? '-' : 'no level in the report';
    const name = report.benchmarks === '2025' ? `${common_LEVEL_NAMES[level]} (2024)` : common_LEVEL_NAMES[level];
    return RANK[level] < RANK[minLevel] ? `⚠️ ${name}, below ${minLevel}` : name;
}
function titled(r, several, title) {
    return several ? `${r.repo}: ${title}` : title.charAt(0).toUpperCase() + title.slice(1);
}
function metricsSection(r, ctx) {
    const { report, options } = ctx;
    const levelHeader = report.benchmarks === '2025' ? 'Level' : `Level (${report.benchmarks})`;
    const bold = framing(r)
        .split(/(?=Instability:)/)
        .map((part) => part.trim().replace(/^(Throughput|Instability):/, '**$1:**'))
        .join(' ');
    return {
        level: 'info',
        open: true,
        title: titled(r, ctx.several, 'metrics'),
        intro: bold,
        table: {
            headers: ['Metric', 'Value', levelHeader, 'Score', 'Trend'],
            rows: r.metrics.map((m) => [
                // Values, levels and trends are the engine's own words and numbers, not repository text.
                m.title,
                m.current.display,
                levelCell(m, report, options.minLevel),
                scoreText(m),
                `${trendArrow(m)} ${trendText(m)}`.trim()
            ])
        }
    };
}
function chartSection(r, ctx) {
    if (r.weekly.length === 0)
        return undefined;
    const sparkline = ['```text', ...textCharts(r.weekly), '```'].join('\n');
    return {
        level: 'info',
        open: true,
        title: titled(r, ctx.several, 'deployments and lead time per week'),
        intro: (ctx.options.chart ?? 'mermaid') === 'mermaid' ? `${mermaidCharts(r.weekly)}\n\n${sparkline}` : sparkline
    };
}
function changeLabel(key, r, origins) {
    const change = r.changes.find((c) => c.key === key);
    if (!change)
        return (0,markdown/* codeSpan */.SS)((0,markdown/* clipLine */.DX)(idOf(key), 60));
    const label = change.kind === 'pull' ? `PR ${change.pull}` : (0,markdown/* codeSpan */.SS)(change.commits[0].slice(0, 7));
    return (0,markdown/* markdownLink */.iQ)(label, change.url, origins);
}
function deploymentsSection(r, ctx) {
    const inPeriod = r.deployments.filter((d) => d.at >= ctx.report.period.start).reverse();
    if (inPeriod.length === 0)
        return undefined;
    const rows = inPeriod.map((d) => {
        const changes = r.changes.filter((c) => c.deployment === d.key);
        const shown = changes.slice(0, 10).map((c) => changeLabel(c.key, r, ctx.origins));
        if (changes.length > 10)
            shown.push(`+${changes.length - 10} more`);
        const reshipped = d.reshipped > 0 ? ` (re-shipped ${(0,lib_report/* plural */.LS)(d.reshipped, 'commit')})` : '';
        const changesCell = !d.changesKnown
            ? 'first read: unknown'
            : shown.length > 0
                ? `${shown.join(', ')}${reshipped}`
                : d.outcome === 'success'
                    ? `none${reshipped}`
                    : '-';
        const failure = d.failure ? d.failure.reasons.map((x) => md(`${x.kind}: ${x.detail}`, 300)).join('; ') : '';
        const recovery = d.failure
            ? d.failure.recoveryMs === null
                ? md(d.failure.recoveryBasis)
                : `${formatHours(d.failure.recoveryMs)} (${md(d.failure.recoveryBasis)})`
            : '';
        const rework = d.rework ? d.rework.reasons.map((x) => md(`${x.kind}: ${x.detail}`, 300)).join('; ') : '';
        return [
            (0,markdown/* markdownLink */.iQ)(md(d.id, 60), d.url, ctx.origins),
            (0,markdown/* codeSpan */.SS)(d.sha.slice(0, 7)),
            when(d.at),
            outcomeText(d),
            changesCell,
            failure,
            recovery,
            rework
        ];
    });
    return {
        level: 'info',
        title: titled(r, ctx.several, 'deployments in the period'),
        intro: 'Newest first. A change failure says why it counted; recovery follows the 2023 definition.',
        table: {
            headers: ['Deployment', 'Commit', 'Live (UTC)', 'Outcome', 'Changes', 'Change failure', 'Recovery', 'Rework'],
            rows
        }
    };
}
function changesSection(r, ctx) {
    const changes = r.changes.filter((c) => c.deployedAt >= ctx.report.period.start).reverse();
    if (changes.length === 0)
        return undefined;
    const split = (c, ms) => (c.kind === 'pull' ? formatHours(ms) : '-');
    return {
        level: 'info',
        title: titled(r, ctx.several, 'changes in the period'),
        intro: 'Lead time is first commit to running in production: coding (to PR opened), pickup (to first review), review (to merge), deploy.',
        table: {
            headers: ['Change', 'Title', 'Author', 'Deployment', 'Lead time', 'Coding', 'Pickup', 'Review', 'Deploy'],
            rows: changes.map((c) => [
                changeLabel(c.key, r, ctx.origins),
                md(c.title, 120),
                md(c.author, 40),
                md(idOf(c.deployment), 60),
                formatHours(c.leadTimeMs),
                split(c, c.split.codingMs),
                split(c, c.split.pickupMs),
                split(c, c.split.reviewMs),
                formatHours(c.split.deployMs)
            ])
        }
    };
}
function incidentsSection(r, ctx) {
    if (r.incidents.length === 0)
        return undefined;
    return {
        level: 'info',
        title: titled(r, ctx.several, 'incidents'),
        table: {
            headers: ['Incident', 'Title', 'Opened (UTC)', 'Closed', 'Counted for', 'Why'],
            rows: r.incidents.map((i) => [
                (0,markdown/* markdownLink */.iQ)(`issue ${i.number}`, i.url, ctx.origins),
                md(i.title, 120),
                when(i.createdAt),
                i.closedAt ? when(i.closedAt) : 'open',
                i.cause ? `deployment ${md(idOf(i.cause), 60)}` : 'not counted',
                md(i.linkDetail, 200)
            ])
        }
    };
}
const EVIDENCE_SHOWN = 30;
function evidenceSection(r, ctx) {
    const list = (keys, label) => {
        const unique = [...new Set(keys)];
        const shown = unique.slice(0, EVIDENCE_SHOWN).map(label);
        return unique.length > EVIDENCE_SHOWN
            ? `${shown.join(', ')} and ${unique.length - EVIDENCE_SHOWN} more`
            : shown.join(', ');
    };
    const items = r.metrics.flatMap((m) => {
        const e = m.current.evidence;
        const parts = [
            ...(e.deployments.length ? [`deployments ${list(e.deployments, (k) => md(idOf(k), 60))}`] : []),
            ...(e.changes.length ? [`changes ${list(e.changes, (k) => changeLabel(k, r, ctx.origins))}`] : []),
            ...(e.incidents.length ? [`incidents ${list(e.incidents, (k) => idOf(k).replace('issue-', ''))}`] : [])
        ];
        return parts.length > 0 ? [`**${m.title}**: ${parts.join('; ')}`] : [];
    });
    if (items.length === 0)
        return undefined;
    return {
        level: 'info',
        title: titled(r, ctx.several, 'evidence behind each number'),
        intro: 'What each metric of the period counted; the JSON report (report-file) and the CSV have them all.',
        items
    };
}
function sectionsOf(report, findings, ctx) {
    const out = [];
    const warnings = findings.filter((f) => f.level === 'warning');
    const notices = findings.filter((f) => f.level === 'notice');
    if (warnings.length > 0)
        out.push({
            level: 'warning',
            open: true,
            title: 'Warnings',
            items: warnings.map((f) => md(findingMessage(f), 500))
        });
    if (notices.length > 0)
        out.push({ level: 'notice', title: 'Notes', items: notices.map((f) => md(findingMessage(f), 500)) });
    for (const r of report.repositories) {
        out.push(metricsSection(r, ctx));
        const more = [chartSection, deploymentsSection, changesSection, incidentsSection, evidenceSection];
        for (const make of more) {
            const section = make(r, ctx);
            if (section)
                out.push(section);
        }
    }
    if (report.combined) {
        out.push(metricsSection(report.combined, ctx));
        const chart = chartSection(report.combined, ctx);
        if (chart)
            out.push(chart);
    }
    return out;
}
// ------------------------------------------------------------------------------------------------ json, outputs
function metricJson(m, report, minLevel) {
    const { evidence, ...current } = m.current;
    const { evidence: _previousEvidence, ...previous } = m.previous;
    return {
        id: m.id,
        title: m.title,
        group: m.group,
        unit: m.unit,
        better: m.better,
        ...current,
        belowMinLevel: isBelow(m, report, minLevel),
        previous,
        trend: m.trend,
        delta: m.delta,
        evidence
    };
}
function repositoryJson(r, report, minLevel) {
    return {
        repo: r.repo,
        metrics: r.metrics.map((m) => metricJson(m, report, minLevel)),
        weekly: r.weekly,
        deployments: r.deployments,
        changes: r.changes,
        incidents: r.incidents
    };
}
const report_round = (v, digits) => v === null || v === undefined ? '' : String(Math.round(v * 10 ** digits) / 10 ** digits);
function outputsOf(report, options) {
    const metrics = mainView(report)?.metrics ?? [];
    const get = (id) => metrics.find((m) => m.id === id);
    // With benchmarks 2025 the report has no levels: the level outputs stay empty, as the summary shows.
    const reportLevel = (id) => {
        const m = get(id);
        return m && report.benchmarks !== '2025' ? (judgedLevel(m, report.benchmarks) ?? '') : '';
    };
    return {
        'deployment-frequency': report_round(get('deployment-frequency')?.current.value, 4),
        'deployment-frequency-level': reportLevel('deployment-frequency'),
        'change-lead-time-hours': report_round(get('change-lead-time')?.current.value, 2),
        'change-lead-time-level': reportLevel('change-lead-time'),
        'change-fail-rate': report_round(get('change-fail-rate')?.current.value, 2),
        'change-fail-rate-level': reportLevel('change-fail-rate'),
        'recovery-time-hours': report_round(get('failed-deployment-recovery-time')?.current.value, 2),
        'recovery-time-level': reportLevel('failed-deployment-recovery-time'),
        'rework-rate': report_round(get('deployment-rework-rate')?.current.value, 2),
        'successful-deploys': report_round(get('successful-deploys')?.current.value, 2),
        deployments: get('deployment-frequency')?.current.sample ?? 0,
        'csv-file': options.csvFile ?? '',
        'api-calls': options.api?.total ?? 0
    };
}
// ------------------------------------------------------------------------------------------------ the report
function doraActionReport(report, options) {
    const findings = findingsOf(report, options.minLevel);
    const reportFindings = findings.map((f) => ({
        level: f.level,
        id: f.id,
        message: findingMessage(f)
    }));
    const view = mainView(report);
    const sample = (id) => view?.metrics.find((m) => m.id === id)?.current;
    const counts = {
        ...(0,lib_report/* countFindings */.Gt)(reportFindings),
        repositories: report.repositories.length,
        deployments: sample('change-fail-rate')?.sample ?? 0,
        changes: sample('change-lead-time')?.sample ?? 0,
        failures: sample('change-fail-rate')?.evidence.deployments.length ?? 0,
        incidents: report.repositories.reduce((n, r) => n + r.incidents.filter((i) => i.createdAt >= report.period.start).length, 0)
    };
    const verdict = (0,lib_report/* verdictOf */.Vj)(counts);
    const headline = headlineOf(report, findings, options.minLevel);
    const ctx = {
        report,
        options,
        several: report.repositories.length > 1,
        origins: options.linkOrigins ?? ['https://github.com']
    };
    const judging = report.benchmarks === '2025'
        ? 'scores (0-10) in the 2025 style; min-level judged by the 2024 levels'
        : `levels from the ${report.benchmarks} DORA report`;
    const context = [
        `${(0,markdown/* codeSpan */.SS)((0,markdown/* clipLine */.DX)(report.environment, 100))} (source ${report.source}), ${periodText(report)}; ${judging}; warnings below ${(0,markdown/* codeSpan */.SS)(options.minLevel)}.`,
        ...(options.api
            ? [`${(0,lib_report/* plural */.LS)(options.api.total, 'GitHub API call')} (${options.api.graphql} GraphQL, ${options.api.rest} REST).`]
            : [])
    ];
    return {
        tool: 'dora-report',
        title: 'DORA report',
        subject: subjectOf(report),
        verdict,
        headline,
        counts,
        findings: reportFindings,
        context,
        sections: sectionsOf(report, findings, ctx),
        json: {
            period: report.period,
            previousPeriod: report.previousPeriod,
            environment: report.environment,
            source: report.source,
            benchmarks: report.benchmarks,
            minLevel: options.minLevel,
            ...(options.api ? { api: options.api } : {}),
            findings: findings.map((f) => ({
                id: f.id,
                level: f.level,
                message: f.message,
                ...(f.repo ? { repo: f.repo } : {})
            })),
            repositories: report.repositories.map((r) => repositoryJson(r, report, options.minLevel)),
            combined: report.combined ? repositoryJson(report.combined, report, options.minLevel) : null
        },
        outputs: outputsOf(report, options),
        text: () => renderText(report, {
            findings: reportFindings,
            api: options.api,
            headline
        }),
        csv: () => renderCsv(report)
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./actions/dora-report/src/github/queries.ts
// The GraphQL operations the adapter sends. Named, with variables only (no text built from data), so a query can
// never be changed by what a repository contains. Field names follow GitHub's public schema.
/** The commit fields the compare walk needs, with the PR that introduced the commit. */
const COMMIT_FIELDS = `
  oid
  url
  authoredDate
  committedDate
  message
  author { name user { login } }
  parents(first: 3) { nodes { oid } }
  associatedPullRequests(first: 1) { nodes { id number } }`;
/** One page of deployments with their statuses and the start of each deployed commit's history. */
const DEPLOYMENTS_QUERY = `query DoraDeployments($owner: String!, $name: String!, $environments: [String!], $first: Int!, $after: String, $statusesFirst: Int!, $historyDepth: Int!) {
  repository(owner: $owner, name: $name) {
    deployments(environments: $environments, first: $first, after: $after, orderBy: {field: CREATED_AT, direction: DESC}) {
      pageInfo { hasNextPage endCursor }
      nodes {
        databaseId
        commitOid
        createdAt
        environment
        task
        description
        payload
        ref { name }
        creator { login }
        statuses(first: $statusesFirst) { pageInfo { hasNextPage } nodes { state createdAt description logUrl } }
        commit {
          id
          history(first: $historyDepth) { pageInfo { hasNextPage } nodes {${COMMIT_FIELDS} } }
        }
      }
    }
  }
}`;
/** Deeper history for commits whose compare did not close within the first page. */
const HISTORY_QUERY = `query DoraCommitHistory($ids: [ID!]!, $depth: Int!) {
  nodes(ids: $ids) {
    ... on Commit {
      id
      oid
      history(first: $depth) { pageInfo { hasNextPage } nodes {${COMMIT_FIELDS} } }
    }
  }
}`;
/** The PR of commits that came from a REST compare (which carries their node ids). */
const COMMIT_PULLS_QUERY = `query DoraCommitPulls($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Commit {
      oid
      associatedPullRequests(first: 1) { nodes { id number } }
    }
  }
}`;
/** PR details: the first commit (which a squash merge hides), the first review, labels and closed issues. */
const PULLS_QUERY = `query DoraPullRequests($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on PullRequest {
      number
      title
      url
      body
      createdAt
      mergedAt
      headRefName
      baseRefName
      author { login }
      mergeCommit { oid }
      labels(first: 20) { nodes { name } }
      reviews(first: 1) { nodes { submittedAt } }
      commits(first: 1) { nodes { commit { authoredDate } } }
      closingIssuesReferences(first: 10) { nodes { number } }
    }
  }
}`;
const TAGS_QUERY = `query DoraTags($owner: String!, $name: String!, $first: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    refs(refPrefix: "refs/tags/", first: $first, after: $after, orderBy: {field: TAG_COMMIT_DATE, direction: DESC}) {
      pageInfo { hasNextPage endCursor }
      nodes {
        name
        target {
          __typename
          ... on Commit { oid committedDate }
          ... on Tag { target { ... on Commit { oid committedDate } } }
        }
      }
    }
  }
}`;

;// CONCATENATED MODULE: ./actions/dora-report/src/github/shape.ts
// Reading GitHub's answers without trusting their shape: a wrong type is a clear one-line error, not a crash.

function unexpected(what, expected) {
    return new errors/* ConfigurationError */.j1(`GitHub answered ${what} with an unexpected shape (expected ${expected})`);
}
function obj(value, what) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw unexpected(what, 'an object');
    return value;
}
function arr(value, what) {
    if (!Array.isArray(value))
        throw unexpected(what, 'a list');
    return value;
}
function str(value, what) {
    if (typeof value !== 'string')
        throw unexpected(what, 'a string');
    return value;
}
function strOrNull(value) {
    return typeof value === 'string' ? value : null;
}
function num(value, what) {
    if (typeof value !== 'number' || !Number.isFinite(value))
        throw unexpected(what, 'a number');
    return value;
}
function bool(value) {
    return value === true;
}

;// CONCATENATED MODULE: ./actions/dora-report/src/github/client.ts




const STATES = new Set(['success', 'failure', 'error', 'inactive', 'in_progress', 'queued', 'pending', 'waiting']);
const MAX_COMPARE_PAGES = 100;
function toState(value) {
    const state = typeof value === 'string' ? value.toLowerCase() : '';
    return STATES.has(state) ? state : undefined;
}
async function pool(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await fn(items[index]);
        }
    });
    await Promise.all(workers);
    return results;
}
function chunks(items, size) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}
/** `<url>; rel="next"` from a Link header. */
function nextLink(link) {
    if (!link)
        return undefined;
    for (const part of link.split(',')) {
        const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
        if (match)
            return match[1];
    }
    return undefined;
}
function describeError(error) {
    const e = error;
    const message = (e.errors?.[0]?.message ?? e.message ?? String(error)).split('\n')[0].slice(0, 300);
    return e.status ? `${e.status} ${message}` : message;
}
class GitHubDoraClient {
    stats = { total: 0, rest: 0, graphql: 0 };
    octokit;
    useGraphql;
    historyDepth;
    concurrency;
    timeoutMs;
    /** octokit.graphql, aimed at GITHUB_GRAPHQL_URL when given (`url` cannot be passed with the variables). */
    graphql;
    caches = new Map();
    constructor(options) {
        this.octokit = options.octokit;
        this.useGraphql = options.graphql ?? true;
        this.historyDepth = Math.min(100, Math.max(1, options.historyDepth ?? 10));
        this.concurrency = Math.max(1, options.concurrency ?? 4);
        this.timeoutMs = options.requestTimeoutMs ?? 120_000;
        this.graphql = options.graphqlUrl
            ? this.octokit.graphql.defaults({ url: options.graphqlUrl })
            : this.octokit.graphql;
    }
    cache(repo) {
        const key = `${repo.owner}/${repo.name}`.toLowerCase();
        let cache = this.caches.get(key);
        if (!cache) {
            cache = { graph: new Map(), commitIds: new Map(), complete: new Set(), pullIds: new Map() };
            this.caches.set(key, cache);
        }
        return cache;
    }
    // ------------------------------------------------------------------------------------------ transport
    async rest(what, route, params) {
        this.stats.total++;
        this.stats.rest++;
        try {
            const response = await this.octokit.request(route, {
                ...params,
                request: { signal: AbortSignal.timeout(this.timeoutMs) }
            });
            return { data: response.data, link: response.headers.link };
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1(`GitHub API: ${what}: ${describeError(error)}`);
        }
    }
    /** GET pages by following the link header, each page its own call (and timeout). */
    async *restPages(what, route, params, pick) {
        let page = await this.rest(what, route, { per_page: 100, ...params });
        for (let n = 0;; n++) {
            const data = pick ? pick(page.data) : page.data;
            yield arr(data, what);
            const next = nextLink(page.link);
            if (!next || n > 10_000)
                return;
            page = await this.rest(what, 'GET {+url}', { url: next });
        }
    }
    async gql(what, query, variables) {
        this.stats.total++;
        this.stats.graphql++;
        try {
            const data = await this.graphql(query, {
                ...variables,
                request: { signal: AbortSignal.timeout(this.timeoutMs) }
            });
            return obj(data, what);
        }
        catch (error) {
            if (error instanceof errors/* ConfigurationError */.j1)
                throw error;
            throw new errors/* ConfigurationError */.j1(`GitHub GraphQL: ${what}: ${describeError(error)}`);
        }
    }
    // ------------------------------------------------------------------------------------------ deployments
    async *deployments(repo, query) {
        const what = `deployments of ${repo.owner}/${repo.name} to ${query.environment}`;
        if (!this.useGraphql) {
            for await (const page of this.restPages(what, 'GET /repos/{owner}/{repo}/deployments', {
                owner: repo.owner,
                repo: repo.name,
                environment: query.environment
            })) {
                yield await pool(page, this.concurrency, async (d) => {
                    const id = num(obj(d, what).id, what);
                    const statuses = [];
                    for await (const list of this.restPages(`statuses of deployment ${id}`, 'GET /repos/{owner}/{repo}/deployments/{id}/statuses', { owner: repo.owner, repo: repo.name, id })) {
                        statuses.push(...list);
                    }
                    return this.restDeployment(repo, obj(d, what), statuses);
                });
            }
            return;
        }
        const cache = this.cache(repo);
        let after = null;
        for (;;) {
            const data = await this.gql(what, DEPLOYMENTS_QUERY, {
                owner: repo.owner,
                name: repo.name,
                environments: [query.environment],
                first: 100,
                after,
                statusesFirst: 10,
                historyDepth: this.historyDepth
            });
            const repository = data.repository;
            if (repository === null || repository === undefined) {
                throw new errors/* ConfigurationError */.j1(`GitHub GraphQL: ${what}: repository not found or not readable with this token`);
            }
            const connection = obj(obj(repository, what).deployments, what);
            const nodes = arr(connection.nodes, what).map((n) => obj(n, what));
            const out = [];
            for (const node of nodes) {
                let statuses = arr(obj(node.statuses, what).nodes, what).map((s) => obj(s, what));
                const id = num(node.databaseId, what);
                if (bool(obj(obj(node.statuses, what).pageInfo, what).hasNextPage)) {
                    statuses = [];
                    for await (const list of this.restPages(`statuses of deployment ${id}`, 'GET /repos/{owner}/{repo}/deployments/{id}/statuses', { owner: repo.owner, repo: repo.name, id })) {
                        statuses.push(...list.map((s) => obj(s, what)));
                    }
                }
                const sha = str(node.commitOid, what);
                const commit = node.commit === null || node.commit === undefined ? undefined : obj(node.commit, what);
                if (commit)
                    this.remember(cache, sha, commit, what);
                const parsed = statuses
                    .map((s) => ({
                    state: toState(s.state),
                    createdAt: str(s.createdAt ?? s.created_at, what),
                    description: strOrNull(s.description),
                    logUrl: strOrNull(s.logUrl ?? s.log_url)
                }))
                    .filter((s) => s.state !== undefined);
                out.push({
                    id: String(id),
                    source: 'deployments',
                    sha,
                    ref: node.ref ? strOrNull(obj(node.ref, what).name) : null,
                    environment: str(node.environment, what),
                    createdAt: str(node.createdAt, what),
                    url: parsed
                        .map((s) => s.logUrl)
                        .filter((u) => u)
                        .at(-1) ?? null,
                    creator: node.creator ? strOrNull(obj(node.creator, what).login) : null,
                    description: strOrNull(node.description),
                    task: strOrNull(node.task),
                    payload: node.payload,
                    statuses: parsed
                });
            }
            yield out;
            const info = obj(connection.pageInfo, what);
            if (!bool(info.hasNextPage))
                return;
            after = str(info.endCursor, what);
        }
    }
    restDeployment(repo, d, statuses) {
        const what = `deployment of ${repo.owner}/${repo.name}`;
        const parsed = statuses
            .map((s) => obj(s, what))
            .map((s) => ({
            state: toState(s.state),
            createdAt: str(s.created_at, what),
            description: strOrNull(s.description),
            logUrl: strOrNull(s.log_url) || strOrNull(s.target_url)
        }))
            .filter((s) => s.state !== undefined);
        return {
            id: String(num(d.id, what)),
            source: 'deployments',
            sha: str(d.sha, what),
            ref: strOrNull(d.ref),
            environment: str(d.environment, what),
            createdAt: str(d.created_at, what),
            url: parsed
                .map((s) => s.logUrl)
                .filter((u) => u)
                .at(-1) ?? null,
            creator: d.creator ? strOrNull(obj(d.creator, what).login) : null,
            description: strOrNull(d.description),
            task: strOrNull(d.task),
            payload: d.payload,
            statuses: parsed
        };
    }
    /** Keeps a deployed commit's node id and the history page read with it. */
    remember(cache, sha, commit, what) {
        if (typeof commit.id === 'string')
            cache.commitIds.set(sha, commit.id);
        const history = commit.history === undefined || commit.history === null ? undefined : obj(commit.history, what);
        if (!history)
            return;
        for (const n of arr(history.nodes, what)) {
            const node = obj(n, what);
            const oid = str(node.oid, what);
            const pulls = node.associatedPullRequests
                ? arr(obj(node.associatedPullRequests, what).nodes, what).map((p) => obj(p, what))
                : [];
            const pull = pulls[0];
            if (pull && typeof pull.id === 'string')
                cache.pullIds.set(num(pull.number, what), pull.id);
            const author = node.author ? obj(node.author, what) : undefined;
            const entry = {
                commit: {
                    sha: oid,
                    message: str(node.message ?? '', what).slice(0, 10_000),
                    authoredAt: str(node.authoredDate, what),
                    committedAt: str(node.committedDate, what),
                    parents: [],
                    author: author?.user ? strOrNull(obj(author.user, what).login) : (strOrNull(author?.name) ?? null),
                    url: strOrNull(node.url),
                    pull: pull ? num(pull.number, what) : node.associatedPullRequests ? null : undefined
                },
                parents: node.parents ? arr(obj(node.parents, what).nodes, what).map((p) => str(obj(p, what).oid, what)) : []
            };
            entry.commit.parents = entry.parents;
            cache.graph.set(oid, entry);
        }
        if (!bool(obj(history.pageInfo ?? { hasNextPage: true }, what).hasNextPage))
            cache.complete.add(sha);
    }
    async *workflowRuns(repo, query) {
        const what = `runs of workflow ${query.workflow} in ${repo.owner}/${repo.name}`;
        for await (const page of this.restPages(what, 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
            owner: repo.owner,
            repo: repo.name,
            workflow_id: query.workflow,
            // No status or created filter: GitHub stops a filtered search at 1,000 runs. Newest first, the engine
            // stops reading once it is past the period and has a baseline.
            ...(query.branch ? { branch: query.branch } : {})
        }, (data) => obj(data, what).workflow_runs)) {
            const out = [];
            for (const r of page) {
                const run = obj(r, what);
                const conclusion = strOrNull(run.conclusion);
                // Cancelled and skipped runs deployed nothing: they are not attempts.
                const state = conclusion === 'success'
                    ? 'success'
                    : conclusion === 'failure' || conclusion === 'timed_out' || conclusion === 'startup_failure'
                        ? 'failure'
                        : undefined;
                if (!state)
                    continue;
                out.push({
                    id: String(num(run.id, what)),
                    source: 'workflow-runs',
                    sha: str(run.head_sha, what),
                    ref: strOrNull(run.head_branch),
                    environment: query.workflow,
                    createdAt: str(run.created_at, what),
                    url: strOrNull(run.html_url),
                    creator: run.actor ? strOrNull(obj(run.actor, what).login) : null,
                    description: strOrNull(run.display_title),
                    task: strOrNull(run.event),
                    payload: undefined,
                    statuses: [{ state, createdAt: str(run.updated_at ?? run.created_at, what) }]
                });
            }
            yield out;
        }
    }
    async *releases(repo) {
        const what = `releases of ${repo.owner}/${repo.name}`;
        const tagShas = new Map();
        const tagPages = this.restPages(`tags of ${repo.owner}/${repo.name}`, 'GET /repos/{owner}/{repo}/tags', {
            owner: repo.owner,
            repo: repo.name
        });
        let tagsDone = false;
        for await (const page of this.restPages(what, 'GET /repos/{owner}/{repo}/releases', {
            owner: repo.owner,
            repo: repo.name
        })) {
            const releases = page
                .map((r) => obj(r, what))
                .filter((r) => !bool(r.draft) && !bool(r.prerelease) && r.published_at);
            while (!tagsDone && releases.some((r) => !tagShas.has(str(r.tag_name, what)))) {
                const next = await tagPages.next();
                if (next.done)
                    tagsDone = true;
                else
                    for (const t of next.value)
                        tagShas.set(str(obj(t, what).name, what), str(obj(obj(t, what).commit, what).sha, what));
            }
            yield releases
                .filter((r) => tagShas.has(str(r.tag_name, what)))
                .map((r) => ({
                id: String(num(r.id, what)),
                source: 'releases',
                sha: tagShas.get(str(r.tag_name, what)),
                ref: str(r.tag_name, what),
                environment: 'release',
                createdAt: str(r.published_at, what),
                url: strOrNull(r.html_url),
                creator: r.author ? strOrNull(obj(r.author, what).login) : null,
                description: strOrNull(r.name),
                task: 'release',
                payload: undefined,
                statuses: [{ state: 'success', createdAt: str(r.published_at, what) }]
            }));
        }
    }
    async *tags(repo) {
        const what = `tags of ${repo.owner}/${repo.name}`;
        const toDeployment = (name, sha, at) => ({
            id: name,
            source: 'tags',
            sha,
            ref: name,
            environment: 'tag',
            createdAt: at,
            url: null,
            creator: null,
            description: name,
            task: 'tag',
            payload: undefined,
            statuses: [{ state: 'success', createdAt: at }]
        });
        if (!this.useGraphql) {
            for await (const page of this.restPages(what, 'GET /repos/{owner}/{repo}/tags', {
                owner: repo.owner,
                repo: repo.name
            })) {
                const dated = await pool(page, this.concurrency, async (t) => {
                    const tag = obj(t, what);
                    const sha = str(obj(tag.commit, what).sha, what);
                    const commit = obj((await this.rest(`commit ${sha}`, 'GET /repos/{owner}/{repo}/commits/{ref}', {
                        owner: repo.owner,
                        repo: repo.name,
                        ref: sha
                    })).data, what);
                    return toDeployment(str(tag.name, what), sha, str(obj(obj(commit.commit, what).committer, what).date, what));
                });
                yield dated.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
            }
            return;
        }
        let after = null;
        for (;;) {
            const data = await this.gql(what, TAGS_QUERY, { owner: repo.owner, name: repo.name, first: 100, after });
            if (!data.repository)
                throw new errors/* ConfigurationError */.j1(`GitHub GraphQL: ${what}: repository not found or not readable with this token`);
            const refs = obj(obj(data.repository, what).refs, what);
            const out = [];
            for (const n of arr(refs.nodes, what)) {
                const node = obj(n, what);
                const target = node.target ? obj(node.target, what) : undefined;
                const commit = target && target.oid ? target : target?.target ? obj(target.target, what) : undefined;
                if (!commit || typeof commit.oid !== 'string' || typeof commit.committedDate !== 'string')
                    continue;
                out.push(toDeployment(str(node.name, what), commit.oid, commit.committedDate));
            }
            yield out;
            const info = obj(refs.pageInfo, what);
            if (!bool(info.hasNextPage))
                return;
            after = str(info.endCursor, what);
        }
    }
    // ------------------------------------------------------------------------------------------ changes
    async changes(repo, pairs) {
        const result = new Map();
        let open = [...pairs];
        if (this.useGraphql) {
            const cache = this.cache(repo);
            open = this.walkAll(cache, open, result);
            // One deeper history read for the heads that did not close (a long-lived branch merged, a big deployment).
            const deeper = [...new Set(open.map((p) => p.head))].filter((sha) => cache.commitIds.has(sha) && !cache.complete.has(sha));
            for (const batch of chunks(deeper, 50)) {
                const what = `history of ${repo.owner}/${repo.name}`;
                const data = await this.gql(what, HISTORY_QUERY, {
                    ids: batch.map((sha) => cache.commitIds.get(sha)),
                    depth: 100
                });
                for (const n of arr(data.nodes, what)) {
                    if (n === null)
                        continue;
                    const node = obj(n, what);
                    this.remember(cache, str(node.oid, what), node, what);
                }
            }
            if (deeper.length > 0)
                open = this.walkAll(cache, open, result);
        }
        const compared = await pool(open, this.concurrency, (pair) => this.compare(repo, pair));
        open.forEach((pair, i) => result.set(pairKey(pair), compared[i]));
        return result;
    }
    /** Answers the pairs the read history closes; returns the others. */
    walkAll(cache, pairs, result) {
        const open = [];
        let reach;
        for (const pair of pairs) {
            if (!cache.graph.has(pair.base) || !cache.graph.has(pair.head)) {
                open.push(pair);
                reach = undefined;
                continue;
            }
            // Consecutive pairs chain (base = previous head), so the set of known ancestors grows in place.
            const known = reach?.sha === pair.base ? reach.set : ancestors(cache.graph, pair.base);
            const walked = walk(cache.graph, known, pair.head, cache.complete.has(pair.base));
            if (!walked) {
                open.push(pair);
                reach = undefined;
                continue;
            }
            result.set(pairKey(pair), walked);
            for (const c of walked)
                known.add(c.sha);
            known.add(pair.head);
            reach = { sha: pair.head, set: known };
        }
        return open;
    }
    async compare(repo, pair) {
        const what = `compare ${pair.base.slice(0, 7)}...${pair.head.slice(0, 7)} in ${repo.owner}/${repo.name}`;
        const cache = this.cache(repo);
        const commits = [];
        let pages = 0;
        for await (const page of this.restPages(what, 'GET /repos/{owner}/{repo}/compare/{basehead}', { owner: repo.owner, repo: repo.name, basehead: `${pair.base}...${pair.head}` }, (data) => obj(data, what).commits)) {
            for (const c of page) {
                const item = obj(c, what);
                const commit = obj(item.commit, what);
                const sha = str(item.sha, what);
                if (typeof item.node_id === 'string')
                    cache.commitIds.set(sha, item.node_id);
                commits.push({
                    sha,
                    message: str(commit.message ?? '', what).slice(0, 10_000),
                    authoredAt: str(obj(commit.author, what).date, what),
                    committedAt: str(obj(commit.committer, what).date, what),
                    parents: arr(item.parents ?? [], what).map((p) => str(obj(p, what).sha, what)),
                    author: item.author ? strOrNull(obj(item.author, what).login) : strOrNull(obj(commit.author, what).name),
                    url: strOrNull(item.html_url),
                    pull: undefined
                });
            }
            if (++pages >= MAX_COMPARE_PAGES) {
                throw new errors/* ConfigurationError */.j1(`GitHub API: ${what}: more than ${MAX_COMPARE_PAGES * 100} commits between two deployments`);
            }
        }
        return commits;
    }
    // ------------------------------------------------------------------------------------------ pull requests
    async pulls(repo, commits) {
        const byCommit = new Map();
        const pulls = new Map();
        const unknown = [...new Map(commits.filter((c) => c.pull === undefined).map((c) => [c.sha, c])).values()];
        const what = `pull requests of ${repo.owner}/${repo.name}`;
        if (this.useGraphql) {
            const cache = this.cache(repo);
            const withIds = unknown.filter((c) => cache.commitIds.has(c.sha));
            for (const batch of chunks(withIds, 100)) {
                const data = await this.gql(what, COMMIT_PULLS_QUERY, { ids: batch.map((c) => cache.commitIds.get(c.sha)) });
                for (const n of arr(data.nodes, what)) {
                    if (n === null)
                        continue;
                    const node = obj(n, what);
                    const first = arr(obj(node.associatedPullRequests, what).nodes, what).map((p) => obj(p, what))[0];
                    if (first && typeof first.id === 'string')
                        cache.pullIds.set(num(first.number, what), first.id);
                    byCommit.set(str(node.oid, what), first ? num(first.number, what) : null);
                }
            }
            const numbers = new Set();
            for (const c of commits) {
                const n = c.pull ?? byCommit.get(c.sha);
                if (typeof n === 'number')
                    numbers.add(n);
            }
            const ids = [...numbers].filter((n) => cache.pullIds.has(n));
            for (const batch of chunks(ids, 100)) {
                const data = await this.gql(what, PULLS_QUERY, { ids: batch.map((n) => cache.pullIds.get(n)) });
                for (const n of arr(data.nodes, what)) {
                    if (n === null)
                        continue;
                    const pull = graphqlPull(obj(n, what), what);
                    pulls.set(pull.number, pull);
                }
            }
            // Commits without node ids (none from GraphQL or REST compare in practice) fall through to REST below.
            const rest = unknown.filter((c) => !cache.commitIds.has(c.sha));
            if (rest.length === 0)
                return { byCommit, pulls };
            return this.restPulls(repo, rest, byCommit, pulls);
        }
        return this.restPulls(repo, unknown, byCommit, pulls);
    }
    async restPulls(repo, commits, byCommit, pulls) {
        const what = `pull requests of ${repo.owner}/${repo.name}`;
        const raw = new Map();
        await pool(commits, this.concurrency, async (c) => {
            const { data } = await this.rest(`pull request of commit ${c.sha.slice(0, 7)}`, 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
                owner: repo.owner,
                repo: repo.name,
                commit_sha: c.sha
            });
            const list = arr(data, what).map((p) => obj(p, what));
            const merged = list.find((p) => p.merged_at) ?? list[0];
            byCommit.set(c.sha, merged ? num(merged.number, what) : null);
            if (merged)
                raw.set(num(merged.number, what), merged);
        });
        const details = [...raw.entries()].filter(([n]) => !pulls.has(n));
        await pool(details, this.concurrency, async ([number, p]) => {
            const params = { owner: repo.owner, repo: repo.name, pull_number: number, per_page: 1 };
            const [commitsPage, reviewsPage] = [
                await this.rest(`commits of PR #${number}`, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits', params),
                await this.rest(`reviews of PR #${number}`, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', params)
            ];
            const firstCommit = arr(commitsPage.data, what).map((c) => obj(c, what))[0];
            const firstReview = arr(reviewsPage.data, what).map((r) => obj(r, what))[0];
            const body = strOrNull(p.body) ?? '';
            pulls.set(number, {
                number,
                title: str(p.title, what),
                url: strOrNull(p.html_url),
                body: body.slice(0, 20_000),
                author: p.user ? strOrNull(obj(p.user, what).login) : null,
                headRef: p.head ? strOrNull(obj(p.head, what).ref) : null,
                baseRef: p.base ? strOrNull(obj(p.base, what).ref) : null,
                createdAt: str(p.created_at, what),
                mergedAt: strOrNull(p.merged_at),
                firstCommitAt: firstCommit ? str(obj(obj(firstCommit.commit, what).author, what).date, what) : null,
                firstReviewAt: firstReview ? strOrNull(firstReview.submitted_at) : null,
                labels: arr(p.labels ?? [], what).map((l) => str(obj(l, what).name, what)),
                mergeCommitSha: strOrNull(p.merge_commit_sha),
                closesIssues: closingKeywords(body)
            });
        });
        return { byCommit, pulls };
    }
    // ------------------------------------------------------------------------------------------ incidents
    async *incidents(repo, query) {
        const what = `issues labelled ${query.label} in ${repo.owner}/${repo.name}`;
        for await (const page of this.restPages(what, 'GET /repos/{owner}/{repo}/issues', {
            owner: repo.owner,
            repo: repo.name,
            labels: query.label,
            state: 'all',
            sort: 'created',
            direction: 'desc'
        })) {
            yield page
                .map((i) => obj(i, what))
                .filter((i) => i.pull_request === undefined)
                .map((i) => ({
                number: num(i.number, what),
                title: str(i.title, what),
                url: strOrNull(i.html_url),
                body: (strOrNull(i.body) ?? '').slice(0, 20_000),
                labels: arr(i.labels ?? [], what).map((l) => (typeof l === 'string' ? l : str(obj(l, what).name, what))),
                createdAt: str(i.created_at, what),
                closedAt: strOrNull(i.closed_at),
                author: i.user ? strOrNull(obj(i.user, what).login) : null
            }));
        }
    }
}
function graphqlPull(node, what) {
    const nodes = (value) => (value ? arr(obj(value, what).nodes, what).map((n) => obj(n, what)) : []);
    const firstCommit = nodes(node.commits)[0];
    const firstReview = nodes(node.reviews)[0];
    return {
        number: num(node.number, what),
        title: str(node.title, what),
        url: strOrNull(node.url),
        body: (strOrNull(node.body) ?? '').slice(0, 20_000),
        author: node.author ? strOrNull(obj(node.author, what).login) : null,
        headRef: strOrNull(node.headRefName),
        baseRef: strOrNull(node.baseRefName),
        createdAt: str(node.createdAt, what),
        mergedAt: strOrNull(node.mergedAt),
        firstCommitAt: firstCommit ? strOrNull(obj(firstCommit.commit, what).authoredDate) : null,
        firstReviewAt: firstReview ? strOrNull(firstReview.submittedAt) : null,
        labels: nodes(node.labels).map((l) => str(l.name, what)),
        mergeCommitSha: node.mergeCommit ? strOrNull(obj(node.mergeCommit, what).oid) : null,
        closesIssues: nodes(node.closingIssuesReferences).map((i) => num(i.number, what))
    };
}
/** Issues a PR body closes with GitHub's keywords (REST has no closingIssuesReferences). */
function closingKeywords(body) {
    return [
        ...new Set([...body.matchAll(/\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s*:?\s+#(\d+)\b/gi)].map((m) => Number(m[1])))
    ];
}
/** Every ancestor of sha the read history knows (sha included). */
function ancestors(graph, sha) {
    const seen = new Set([sha]);
    const stack = [sha];
    while (stack.length > 0) {
        for (const parent of graph.get(stack.pop())?.parents ?? []) {
            if (!seen.has(parent)) {
                seen.add(parent);
                stack.push(parent);
            }
        }
    }
    return seen;
}
/**
 * `git log base..head` from the read history, or undefined when the walk leaves it: a commit whose parents were
 * not read, or a root commit that the base's (partial) history does not show as shared.
 */
function walk(graph, known, head, baseComplete) {
    const out = [];
    const seen = new Set();
    const stack = [head];
    while (stack.length > 0) {
        const sha = stack.pop();
        if (known.has(sha) || seen.has(sha))
            continue;
        seen.add(sha);
        const entry = graph.get(sha);
        if (!entry)
            return undefined;
        if (entry.parents.length === 0 && !baseComplete)
            return undefined;
        out.push(entry.commit);
        stack.push(...entry.parents);
    }
    return out.sort((a, b) => Date.parse(a.committedAt) - Date.parse(b.committedAt) || Date.parse(a.authoredAt) - Date.parse(b.authoredAt));
}

// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(83849);
// EXTERNAL MODULE: ./shared/src/lib/redact.ts
var redact = __webpack_require__(53570);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./actions/dora-report/src/store/migrations.ts
// The store's migrations, applied in this order (the test checks the list matches the .sql files).



const MIGRATION_FILES = ['0001_init.sql'];
/** The SQL of each migration: beside this module in migrations/ (sources) or flat beside the bundle (dist/). */
function migrationSql(file) {
    const here = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    for (const candidate of [(0,external_node_path_.join)(here, 'migrations', file), (0,external_node_path_.join)(here, file)]) {
        try {
            return (0,external_node_fs_.readFileSync)(candidate, 'utf8');
        }
        catch {
            // try the next layout
        }
    }
    throw new Error(`dora-report: migration ${file} is missing next to ${here}`);
}

;// CONCATENATED MODULE: ./actions/dora-report/src/store/store.ts
// The optional PostgreSQL store: deployments, changes and incidents upserted by key. A row is written only when
// something in it changed, so a sync adds only what is new and a rerun writes nothing; every sync records its
// counts in dora.sync_runs. Migrations run under an advisory lock, each once (dora.schema_migrations).




const LOCK_KEY = 'ubos dora-report store';
function storeError(what, error, connectionString) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return new errors/* ConfigurationError */.j1(`database ${(0,redact/* redactConnectionString */.J0)(connectionString)}: ${what}: ${message.split(connectionString).join('***')}`);
}
const seconds = (ms) => (ms === null || ms === undefined ? null : ms / 1000);
class DoraStore {
    client;
    connectionString;
    constructor(client, connectionString) {
        this.client = client;
        this.connectionString = connectionString;
    }
    static async open(options) {
        const client = new esm/* default.Client */.Ay.Client({
            connectionString: options.connectionString,
            connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
            statement_timeout: options.statementTimeoutMs ?? 60_000,
            query_timeout: (options.statementTimeoutMs ?? 60_000) + 5_000,
            application_name: 'ubos-dora-report'
        });
        client.on('error', () => undefined);
        try {
            await client.connect();
        }
        catch (error) {
            await client.end().catch(() => undefined);
            throw storeError('cannot connect', error, options.connectionString);
        }
        return new DoraStore(client, options.connectionString);
    }
    async close() {
        await this.client.end().catch(() => undefined);
    }
    async transaction(what, fn) {
        try {
            await this.client.query('BEGIN');
            const result = await fn();
            await this.client.query('COMMIT');
            return result;
        }
        catch (error) {
            await this.client.query('ROLLBACK').catch(() => undefined);
            if (error instanceof errors/* ConfigurationError */.j1)
                throw error;
            throw storeError(what, error, this.connectionString);
        }
    }
    /** Applies the migrations not applied yet; returns their names. */
    async migrate() {
        return this.transaction('migrate', async () => {
            await this.client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [LOCK_KEY]);
            await this.client.query('CREATE SCHEMA IF NOT EXISTS dora');
            await this.client.query('CREATE TABLE IF NOT EXISTS dora.schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
            const done = new Set((await this.client.query('SELECT version FROM dora.schema_migrations')).rows.map((r) => r.version));
            const applied = [];
            for (const file of MIGRATION_FILES) {
                if (done.has(file))
                    continue;
                await this.client.query(migrationSql(file));
                await this.client.query('INSERT INTO dora.schema_migrations (version) VALUES ($1)', [file]);
                applied.push(file);
            }
            return applied;
        });
    }
    async upsert(sql, values, counts) {
        const result = await this.client.query(sql, values);
        for (const row of result.rows) {
            if (row.inserted)
                counts.inserted++;
            else
                counts.updated++;
        }
    }
    async syncRepository(r, report, fetched) {
        const repoId = (await this.client.query(`INSERT INTO dora.repositories (full_name) VALUES ($1)
         ON CONFLICT (full_name) DO UPDATE SET full_name = EXCLUDED.full_name RETURNING id`, [r.repo])).rows[0].id;
        const result = {
            repo: r.repo,
            deployments: { inserted: 0, updated: 0 },
            changes: { inserted: 0, updated: 0 },
            incidents: { inserted: 0, updated: 0 }
        };
        for (const d of r.deployments) {
            await this.upsert(`INSERT INTO dora.deployments AS t (repository_id, source, deployment_id, environment, sha, ref, created_at, live_at,
           outcome, redeploy, rollback, failed, failure_reasons, recovered_at, recovery_seconds, rework, rework_reasons, url, creator)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
         ON CONFLICT (repository_id, source, deployment_id) DO UPDATE SET
           environment = EXCLUDED.environment, sha = EXCLUDED.sha, ref = EXCLUDED.ref, created_at = EXCLUDED.created_at,
           live_at = EXCLUDED.live_at, outcome = EXCLUDED.outcome, redeploy = EXCLUDED.redeploy, rollback = EXCLUDED.rollback,
           failed = EXCLUDED.failed, failure_reasons = EXCLUDED.failure_reasons, recovered_at = EXCLUDED.recovered_at,
           recovery_seconds = EXCLUDED.recovery_seconds, rework = EXCLUDED.rework, rework_reasons = EXCLUDED.rework_reasons,
           url = EXCLUDED.url, creator = EXCLUDED.creator, synced_at = now()
         WHERE (t.environment, t.sha, t.ref, t.created_at, t.live_at, t.outcome, t.redeploy, t.rollback, t.failed,
                t.failure_reasons, t.recovered_at, t.recovery_seconds, t.rework, t.rework_reasons, t.url, t.creator)
           IS DISTINCT FROM
               (EXCLUDED.environment, EXCLUDED.sha, EXCLUDED.ref, EXCLUDED.created_at, EXCLUDED.live_at, EXCLUDED.outcome,
                EXCLUDED.redeploy, EXCLUDED.rollback, EXCLUDED.failed, EXCLUDED.failure_reasons, EXCLUDED.recovered_at,
                EXCLUDED.recovery_seconds, EXCLUDED.rework, EXCLUDED.rework_reasons, EXCLUDED.url, EXCLUDED.creator)
         RETURNING (xmax = 0) AS inserted`, [
                repoId,
                d.source,
                d.id,
                d.environment,
                d.sha,
                d.ref,
                d.createdAt,
                d.at,
                d.outcome,
                d.redeploy,
                d.rollback?.detail ?? null,
                d.failure !== null,
                JSON.stringify(d.failure?.reasons ?? []),
                d.failure?.recoveredAt ?? null,
                seconds(d.failure?.recoveryMs),
                d.rework !== null,
                JSON.stringify(d.rework?.reasons ?? []),
                d.url,
                d.creator
            ], result.deployments);
        }
        const source = new Map(r.deployments.map((d) => [d.key, d]));
        for (const c of r.changes) {
            const d = source.get(c.deployment);
            if (!d)
                continue;
            await this.upsert(`INSERT INTO dora.changes AS t (repository_id, change_key, kind, pull_number, title, author, head_ref, commit_count,
           first_commit_at, opened_at, first_review_at, merged_at, deployed_at, source, deployment_id, lead_time_seconds,
           coding_seconds, pickup_seconds, review_seconds, deploy_seconds, hotfix, revert, url)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)
         ON CONFLICT (repository_id, change_key) DO UPDATE SET
           kind = EXCLUDED.kind, pull_number = EXCLUDED.pull_number, title = EXCLUDED.title, author = EXCLUDED.author,
           head_ref = EXCLUDED.head_ref, commit_count = EXCLUDED.commit_count, first_commit_at = EXCLUDED.first_commit_at,
           opened_at = EXCLUDED.opened_at, first_review_at = EXCLUDED.first_review_at, merged_at = EXCLUDED.merged_at,
           deployed_at = EXCLUDED.deployed_at, source = EXCLUDED.source, deployment_id = EXCLUDED.deployment_id,
           lead_time_seconds = EXCLUDED.lead_time_seconds, coding_seconds = EXCLUDED.coding_seconds,
           pickup_seconds = EXCLUDED.pickup_seconds, review_seconds = EXCLUDED.review_seconds,
           deploy_seconds = EXCLUDED.deploy_seconds, hotfix = EXCLUDED.hotfix, revert = EXCLUDED.revert, url = EXCLUDED.url,
           synced_at = now()
         WHERE (t.kind, t.pull_number, t.title, t.author, t.head_ref, t.commit_count, t.first_commit_at, t.opened_at,
                t.first_review_at, t.merged_at, t.deployed_at, t.source, t.deployment_id, t.lead_time_seconds, t.coding_seconds,
                t.pickup_seconds, t.review_seconds, t.deploy_seconds, t.hotfix, t.revert, t.url)
           IS DISTINCT FROM
               (EXCLUDED.kind, EXCLUDED.pull_number, EXCLUDED.title, EXCLUDED.author, EXCLUDED.head_ref, EXCLUDED.commit_count,
                EXCLUDED.first_commit_at, EXCLUDED.opened_at, EXCLUDED.first_review_at, EXCLUDED.merged_at, EXCLUDED.deployed_at,
                EXCLUDED.source, EXCLUDED.deployment_id, EXCLUDED.lead_time_seconds, EXCLUDED.coding_seconds,
                EXCLUDED.pickup_seconds, EXCLUDED.review_seconds, EXCLUDED.deploy_seconds, EXCLUDED.hotfix, EXCLUDED.revert,
                EXCLUDED.url)
         RETURNING (xmax = 0) AS inserted`, [
                repoId,
                c.key,
                c.kind,
                c.pull,
                c.title.slice(0, 1000),
                c.author,
                c.headRef,
                c.commits.length,
                c.firstCommitAt,
                c.openedAt,
                c.firstReviewAt,
                c.mergedAt,
                c.deployedAt,
                d.source,
                d.id,
                seconds(c.leadTimeMs),
                seconds(c.split.codingMs),
                seconds(c.split.pickupMs),
                seconds(c.split.reviewMs),
                seconds(c.split.deployMs),
                c.hotfix,
                c.revert !== null,
                c.url
            ], result.changes);
        }
        const idOf = (key) => (key ? key.slice(key.lastIndexOf('#') + 1) : null);
        for (const i of r.incidents) {
            await this.upsert(`INSERT INTO dora.incidents AS t (repository_id, number, title, url, opened_at, closed_at, cause_deployment_id, link,
           link_detail, fixed_by_deployment_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (repository_id, number) DO UPDATE SET
           title = EXCLUDED.title, url = EXCLUDED.url, opened_at = EXCLUDED.opened_at, closed_at = EXCLUDED.closed_at,
           cause_deployment_id = EXCLUDED.cause_deployment_id, link = EXCLUDED.link, link_detail = EXCLUDED.link_detail,
           fixed_by_deployment_id = EXCLUDED.fixed_by_deployment_id, synced_at = now()
         WHERE (t.title, t.url, t.opened_at, t.closed_at, t.cause_deployment_id, t.link, t.link_detail, t.fixed_by_deployment_id)
           IS DISTINCT FROM
               (EXCLUDED.title, EXCLUDED.url, EXCLUDED.opened_at, EXCLUDED.closed_at, EXCLUDED.cause_deployment_id, EXCLUDED.link,
                EXCLUDED.link_detail, EXCLUDED.fixed_by_deployment_id)
         RETURNING (xmax = 0) AS inserted`, [
                repoId,
                i.number,
                i.title.slice(0, 1000),
                i.url,
                i.createdAt,
                i.closedAt,
                idOf(i.cause),
                i.link,
                i.linkDetail,
                idOf(i.fixedBy)
            ], result.incidents);
        }
        await this.client.query(`INSERT INTO dora.sync_runs (repository_id, environment, source, fetched_from, fetched_until, deployments_inserted,
         deployments_updated, changes_inserted, changes_updated, incidents_inserted, incidents_updated)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, [
            repoId,
            report.environment,
            report.source,
            fetched.from,
            fetched.until,
            result.deployments.inserted,
            result.deployments.updated,
            result.changes.inserted,
            result.changes.updated,
            result.incidents.inserted,
            result.incidents.updated
        ]);
        return result;
    }
    /** Writes every repository of the report (one transaction each); migrates first. */
    async sync(report) {
        await this.migrate();
        const results = [];
        const fetched = { from: report.previousPeriod.start, until: report.period.end };
        for (const r of report.repositories) {
            results.push(await this.transaction(`sync ${r.repo}`, () => this.syncRepository(r, report, fetched)));
        }
        return results;
    }
    /** Where the last sync of a repository ended (for an incremental run's since), or null. */
    async lastSyncedUntil(repo, environment, source) {
        try {
            const { rows } = await this.client.query(`SELECT max(s.fetched_until) AS until FROM dora.sync_runs s JOIN dora.repositories r ON r.id = s.repository_id
         WHERE r.full_name = $1 AND s.environment = $2 AND s.source = $3`, [repo, environment, source]);
            return rows[0]?.until ? rows[0].until.toISOString() : null;
        }
        catch (error) {
            if (error.code === '3F000' || error.code === '42P01')
                return null;
            throw storeError('read the last sync', error, this.connectionString);
        }
    }
    /** Row counts (for tests and the CLI's summary line). */
    async counts() {
        const { rows } = await this.client.query(`SELECT (SELECT count(*) FROM dora.deployments) AS d, (SELECT count(*) FROM dora.changes) AS c,
              (SELECT count(*) FROM dora.incidents) AS i, (SELECT count(*) FROM dora.sync_runs) AS s`);
        const r = rows[0];
        return { deployments: Number(r.d), changes: Number(r.c), incidents: Number(r.i), syncRuns: Number(r.s) };
    }
}

;// CONCATENATED MODULE: ./actions/dora-report/src/run.ts
// What main.ts and cli.ts both do around the engine: read the report through the GitHub client, refuse a
// repository that cannot be read, write the CSV, sync the optional store. The caller builds the Octokit.







/**
 * The report over every repository. A repository the token cannot read (not found, no access, the API failing
 * after its retries) is a user-facing error of one line: a report that silently leaves one out would be wrong.
 */
async function readDoraReport(read) {
    const client = new GitHubDoraClient({ octokit: read.octokit, graphqlUrl: read.graphqlUrl });
    const report = await runDoraReport(client, read.options, { info: read.info });
    const unreadable = report.findings.find((f) => f.id === 'repository-unreadable');
    if (unreadable)
        throw new errors/* ConfigurationError */.j1(`${read.label}: ${unreadable.repo} cannot be read: ${unreadable.message}`);
    return { report, api: { ...client.stats } };
}
/** Writes the action's CSV where csv-file says (relative to base), else under the runner's temp dir. */
function writeCsvFile(text, path, base, temp) {
    const target = path
        ? isAbsolute(path)
            ? path
            : resolve(base, path)
        : join(mkdtempSync(join(temp || tmpdir(), 'dora-report-')), 'dora-report.csv');
    try {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, text);
    }
    catch (error) {
        throw new ConfigurationError(`Input "csv-file": cannot write ${path} (${error.code ?? String(error)})`);
    }
    return target;
}
/** Syncs the report into the store; one line per repository through info. */
async function syncStore(connectionString, report, info) {
    const store = await DoraStore.open({ connectionString });
    try {
        for (const r of await store.sync(report)) {
            info(`store: ${r.repo}: deployments +${r.deployments.inserted} ~${r.deployments.updated}, changes +${r.changes.inserted} ~${r.changes.updated}, incidents +${r.incidents.inserted} ~${r.incidents.updated}`);
        }
    }
    finally {
        await store.close();
    }
}

;// CONCATENATED MODULE: ./actions/dora-report/src/cli.ts
// `ubos-actions dora-report`: flags and the environment (GITHUB_TOKEN, GITHUB_API_URL, GITHUB_GRAPHQL_URL) ->
// the same engine and report as the action. CSV is this command's own format (the shared ones are text, json,
// markdown, sarif and junit).









const FORMATS = ['text', 'json', 'csv', 'markdown'];
const FLAGS = {
    repo: { type: 'string', multiple: true, value: '<owner/name>', description: 'Repository to report on' },
    period: {
        type: 'string',
        value: '<30d|12w|quarter|2026-Q1|...>',
        description: 'Period reported on, ending now (or at --until), or a calendar quarter, month or year',
        default: '30d'
    },
    since: { type: 'string', value: '<date>', description: 'Start of the period instead of --period (2026-01-01)' },
    until: { type: 'string', value: '<date>', description: 'End of the period (exclusive)', default: 'now' },
    environment: { type: 'string', value: '<name>', description: 'Deployment environment', default: 'production' },
    source: {
        type: 'string',
        value: '<deployments|workflow-runs|releases|tags>',
        description: 'What counts as a deployment',
        default: 'deployments'
    },
    workflow: { type: 'string', value: '<file>', description: 'The deploy workflow for --source workflow-runs' },
    branch: { type: 'string', value: '<name>', description: 'Only workflow runs on this branch' },
    'incident-label': {
        type: 'string',
        value: '<labels>',
        description: 'Labels of incident issues',
        default: 'incident'
    },
    'hotfix-label': {
        type: 'string',
        value: '<labels>',
        description: 'Labels of hotfix pull requests',
        default: 'hotfix'
    },
    'hotfix-window': {
        type: 'string',
        value: '<duration>',
        description: 'A hotfix or revert this soon after a deployment marks it failed',
        default: '24h'
    },
    'incident-window': {
        type: 'string',
        value: '<duration>',
        description: 'An incident this soon after a deployment is linked to it',
        default: 'the hotfix window'
    },
    benchmarks: { type: 'string', value: '<2023|2024|2025>', description: 'Which DORA report judges', default: '2024' },
    'min-level': {
        type: 'string',
        value: `<${LEVEL_NAMES.join('|')}>`,
        description: 'A metric below this level is a warning',
        default: 'medium'
    },
    'database-url': { type: 'string', value: '<url>', description: 'Sync into this PostgreSQL database (dora schema)' },
    format: { type: 'string', value: `<${FORMATS.join('|')}>`, description: 'Output format', default: 'text' },
    'fail-on': command/* FAIL_ON_FLAG */.EK
};
function parseMinLevel(value) {
    const level = value ?? 'medium';
    if (LEVEL_NAMES.includes(level))
        return level;
    const guess = (0,suggest/* closestName */.N)(level, LEVEL_NAMES);
    throw new errors/* ConfigurationError */.j1(`--min-level must be one of ${LEVEL_NAMES.join(', ')}; got "${level}"${guess ? ` (did you mean "${guess}"?)` : ''}`);
}
function createDoraCommand(deps = {}) {
    return {
        name: 'dora-report',
        summary: 'The DORA metrics of one or more repositories, with the deployments, PRs and incidents behind them',
        usage: ['dora-report --repo owner/name [--repo ...] [--period 30d | --since 2026-01-01] [options]'],
        flags: FLAGS,
        async run(argv, io) {
            const { values } = (0,command/* parseFlags */.bQ)(argv, FLAGS, false);
            if (values.format !== undefined && !FORMATS.includes(values.format))
                throw new errors/* ConfigurationError */.j1(`--format must be one of ${FORMATS.join(', ')}; got "${values.format}"`);
            const format = values.format === 'csv' ? 'csv' : (0,command/* parseFormat */.Xc)(values.format, ['text', 'json', 'markdown'], 'text');
            const failOn = (0,command/* parseFailOnFlag */.nI)(values['fail-on']);
            const minLevel = parseMinLevel(values['min-level']);
            const env = io.env ?? process.env;
            const token = env.GITHUB_TOKEN?.trim();
            if (!token)
                throw new errors/* ConfigurationError */.j1('GITHUB_TOKEN is not set: export a token that can read the repositories');
            const options = parseOptions({
                repositories: values.repo ?? [],
                environment: values.environment,
                period: values.period,
                since: values.since,
                until: values.until,
                source: values.source,
                workflow: values.workflow,
                branch: values.branch,
                incidentLabel: values['incident-label'],
                hotfixLabel: values['hotfix-label'],
                hotfixWindow: values['hotfix-window'],
                incidentWindow: values['incident-window'],
                benchmarks: values.benchmarks,
                now: (deps.now ?? (() => new Date()))(),
                label: (setting) => (setting === 'repositories' ? '--repo' : `--${setting}`)
            });
            const octokit = createOctokit({
                token,
                baseUrl: githubApiUrlFromEnv(env),
                logger: { debug: () => undefined, info: () => undefined, warning: (m) => io.stderr(`warning: ${m}\n`) },
                ...deps.octokitOverrides
            });
            const info = (m) => io.stderr(`${m}\n`);
            const { report, api } = await readDoraReport({
                octokit,
                graphqlUrl: githubGraphqlUrlFromEnv(env),
                options,
                label: '--repo',
                info
            });
            info(`GitHub API calls: ${api.total} (${api.graphql} GraphQL, ${api.rest} REST)`);
            const action = doraActionReport(report, {
                minLevel,
                api,
                linkOrigins: [env.GITHUB_SERVER_URL?.trim() || 'https://github.com']
            });
            let code;
            if (format === 'csv') {
                io.stdout(action.csv());
                code = (0,lib_report/* failsStep */.ug)(action.verdict, failOn) ? 1 : 0;
            }
            else
                code = (0,command/* printReport */.Y_)(action, format, failOn, io);
            // After the report: a database that is down must not take the report with it.
            if (values['database-url'])
                await syncStore(values['database-url'], report, info);
            return code;
        }
    };
}
const cli_command = createDoraCommand();


/***/ }),

/***/ 64363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   _o: () => (/* binding */ MAX_TIMER_MS),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76088);

const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };
// Largest unit first: this order is also the order components must appear in ("1h30m", not "30m1h"),
// so a typo such as "5m5m" is caught instead of silently summed.
const UNIT_ORDER = ['h', 'm', 's', 'ms'];
// `ms` must be tried before `m` and `s`, otherwise "250ms" would read as 250 minutes plus a stray "s". No space
// between a number and its unit: "5 m" next to "1m 30s" reads as two values more often than as one.
const COMPONENT = /(\d+(?:\.\d+)?)(ms|h|m|s)/y;
/**
 * Node's timers hold a signed 32-bit millisecond count: a longer setTimeout fires after 1 ms (with a warning),
 * so a waiting loop given a longer duration spins. Callers that hand a duration to a timer either refuse
 * values above this (parseDuration's `max`) or split the wait.
 */
const MAX_TIMER_MS = 2_147_483_647;
const EXAMPLES = 'like 250ms, 30s, 5m, 1h or 1m30s';
/**
 * Parses a human duration ("30s", "5m", "1h", "1m30s", "1.5s", "250ms") into milliseconds, optionally within
 * bounds; every refusal is one ConfigurationError line naming the text.
 */
function parseDuration(text, bounds = {}) {
    const ms = parseUnbounded(text);
    if (bounds.min !== undefined && ms < bounds.min) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Duration "${text}" is shorter than the minimum of ${formatDuration(bounds.min)}`);
    }
    if (bounds.max !== undefined && ms > bounds.max) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Duration "${text}" is longer than the maximum of ${formatDuration(bounds.max)}`);
    }
    return ms;
}
function parseUnbounded(text) {
    const source = text.trim();
    if (source === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Duration is empty; write one ${EXAMPLES}`);
    }
    // A bare number is refused rather than guessed: "30" means seconds to some people and milliseconds to others.
    if (/^\d+(?:\.\d+)?$/.test(source)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Duration "${text}" has no unit; write it ${EXAMPLES} (e.g. "${source}s")`);
    }
    let total = 0;
    let position = 0;
    let lastUnitRank = -1;
    while (position < source.length) {
        COMPONENT.lastIndex = position;
        const match = COMPONENT.exec(source);
        if (!match) {
            const spaced = /^(\d+(?:\.\d+)?)\s+(ms|h|m|s)\b/.exec(source.slice(position));
            if (spaced) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid duration "${text}": no space between a number and its unit; write "${spaced[1]}${spaced[2]}"`);
            }
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid duration "${text}"; write it ${EXAMPLES}`);
        }
        const unit = match[2];
        const rank = UNIT_ORDER.indexOf(unit);
        if (rank <= lastUnitRank) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid duration "${text}": units must go from largest to smallest, each at most once (e.g. 1h30m)`);
        }
        lastUnitRank = rank;
        total += Number(match[1]) * UNIT_MS[unit];
        position = COMPONENT.lastIndex;
        // Allow "1m 30s" as well as "1m30s".
        while (source[position] === ' ')
            position++;
    }
    const ms = Math.round(total);
    if (!Number.isSafeInteger(ms)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Duration "${text}" is too large`);
    }
    return ms;
}
/**
 * Formats milliseconds for people: "250ms", "1.5s", "1m30s", "2h5m". The output is accepted by
 * parseDuration, so a value echoed in a log can be pasted back into an input.
 */
function formatDuration(ms) {
    if (!Number.isFinite(ms))
        return String(ms);
    if (ms < 0)
        return `-${formatDuration(-ms)}`;
    if (ms < 1_000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000) {
        // Two decimals are enough to tell 1.05s from 1.5s; trailing zeros are noise.
        const seconds = (Math.round(ms / 10) / 100).toFixed(2).replace(/\.?0+$/, '');
        return seconds === '60' ? '1m' : `${seconds}s`;
    }
    let remaining = Math.round(ms / 1_000);
    const hours = Math.floor(remaining / 3_600);
    remaining -= hours * 3_600;
    const minutes = Math.floor(remaining / 60);
    const seconds = remaining - minutes * 60;
    const parts = [hours ? `${hours}h` : '', minutes ? `${minutes}m` : '', seconds ? `${seconds}s` : ''];
    return parts.join('');
}


/***/ }),

/***/ 53570:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BG: () => (/* binding */ basicCredentials),
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   CF: () => (/* binding */ headerValueSecrets),
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   FB: () => (/* binding */ credentialsInUrl),
/* harmony export */   Fn: () => (/* binding */ urlSecrets),
/* harmony export */   J0: () => (/* binding */ redactConnectionString),
/* harmony export */   KL: () => (/* binding */ redactDeep),
/* harmony export */   XF: () => (/* binding */ REDACTED),
/* harmony export */   Zr: () => (/* binding */ analyseConnectionString),
/* harmony export */   eo: () => (/* binding */ secretForms)
/* harmony export */ });
/* unused harmony export analyseUrl */
/**
 * Keeping secrets out of logs, the pure half: redaction produces a safe display form now (masking, which makes
 * the runner hide a value wherever it is printed later, is the adapter in shared/src/actions/mask.ts). Text is treated as untrusted: the URL helpers work on strings rather than WHATWG URL, which
 * rejects valid connection strings such as multi-host postgres:// URLs and would then leave them unredacted.
 */
const REDACTED = '***';
/**
 * The forms in which a secret can reach a log line besides itself: percent-encoded (a URL, a form body), with
 * + for spaces, and escaped inside a JSON string (a JSON report quotes `"`, `\` and control characters).
 */
function secretForms(secret) {
    if (!secret)
        return [];
    const forms = new Set([secret, encodeURIComponent(secret), encodeURIComponent(secret).replace(/%20/g, '+')]);
    const json = JSON.stringify(secret).slice(1, -1);
    forms.add(json);
    // JSON.stringify keeps non-ASCII as is; some encoders escape it as \uXXXX.
    forms.add(json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    return [...forms].filter((form) => form !== '');
}
/** Replaces every occurrence of each secret in text with ***, including its encoded forms (secretForms). */
function redact(text, secrets) {
    if (text === '' || secrets.length === 0)
        return text;
    const needles = new Set();
    for (const secret of secrets) {
        for (const form of secretForms(secret))
            needles.add(form);
    }
    // Longest first, so a secret that contains another is replaced whole rather than leaving a fragment.
    let result = text;
    for (const needle of [...needles].sort((a, b) => b.length - a.length)) {
        result = result.split(needle).join(REDACTED);
    }
    return result;
}
// scheme "://" userinfo "@": userinfo ends at the last "@" before the host's "/", "?" or "#" (RFC 3986), which
// also keeps an unencoded "@" in a password inside the redacted part.
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)@/i;
const SECRET_PARAM_NAMES = new Set([
    'token',
    'access_token',
    'refresh_token',
    'id_token',
    'password',
    'passwd',
    'pwd',
    'sslpassword',
    'apikey',
    'api_key',
    'key',
    'secret',
    'client_secret',
    'sig',
    'signature',
    'auth',
    'x_amz_signature',
    'x_amz_security_token',
    'x_amz_credential',
    'x_goog_signature',
    'x_goog_credential'
]);
function isSecretParamName(name) {
    let normalized;
    try {
        normalized = decodeURIComponent(name);
    }
    catch {
        normalized = name;
    }
    normalized = normalized.toLowerCase().replace(/-/g, '_');
    // Suffixes catch the many vendor spellings (github_token, private_token, app_secret) without matching
    // ordinary names like sort_key, whose values masking would then hide everywhere in the log.
    return SECRET_PARAM_NAMES.has(normalized) || /_(token|secret|password)$/.test(normalized);
}
// A parameter in the query or the fragment (OAuth implicit flows put access_token after "#").
const PARAM = /([?&#;])([^=&#;]+)=([^&#;]*)/g;
function analyseUrl(url) {
    const secrets = [];
    let redacted = url;
    const userinfo = USERINFO.exec(url);
    if (userinfo) {
        const [whole, scheme, info] = userinfo;
        const colon = info.indexOf(':');
        let safeInfo;
        if (colon >= 0) {
            const password = info.slice(colon + 1);
            if (password !== '')
                secrets.push(password);
            safeInfo = `${info.slice(0, colon)}:${REDACTED}`;
        }
        else {
            // A lone user name in an http(s) URL is usually a token (https://TOKEN@github.com/...), so it is
            // treated as one; losing a harmless user name from a log line is the cheaper mistake.
            if (info !== '')
                secrets.push(info);
            safeInfo = REDACTED;
        }
        redacted = `${scheme}${safeInfo}@${url.slice(whole.length)}`;
    }
    redacted = redacted.replace(PARAM, (match, separator, name, value) => {
        if (!isSecretParamName(name) || value === '')
            return match;
        secrets.push(value);
        return `${separator}${name}=${REDACTED}`;
    });
    // The runner sees whatever form gets printed later, so the decoded form is a secret too.
    for (const secret of [...secrets]) {
        const decoded = safeDecode(secret);
        if (decoded !== secret)
            secrets.push(decoded);
    }
    return { redacted, secrets };
}
function safeDecode(text) {
    try {
        return decodeURIComponent(text.replace(/\+/g, ' '));
    }
    catch {
        return text;
    }
}
/** The credential values in a URL (password or token user name, token-like parameters), raw and decoded. */
function credentialsInUrl(url) {
    return analyseUrl(url).secrets;
}
/** The URL with its password (or token user name) and token-like query parameters replaced by ***. */
function redactUrl(url) {
    return analyseUrl(url).redacted;
}
const URL_FORM = /^[a-z][a-z0-9+.-]*:\/\//i;
// libpq keyword/value form: `host=db password='it''s \' secret' user=app`. Quoted values may hold spaces
// and backslash escapes; unquoted ones end at whitespace (or ";" in ADO-style strings).
const KEYWORD_SECRET = /(\b(?:password|sslpassword|pwd)\s*=\s*)('(?:[^'\\]|\\.)*'?|[^\s;]*)/gi;
function analyseConnectionString(text) {
    if (URL_FORM.test(text.trim()))
        return analyseUrl(text.trim());
    const secrets = [];
    const redacted = text.replace(KEYWORD_SECRET, (match, prefix, value) => {
        if (value === '')
            return match;
        secrets.push(value);
        if (value.startsWith("'")) {
            const unquoted = value.replace(/^'|'$/g, '').replace(/\\(.)/g, '$1');
            if (unquoted !== '')
                secrets.push(unquoted);
        }
        return `${prefix}${REDACTED}`;
    });
    return { redacted, secrets };
}
/** A connection string (URL form or libpq keyword form) with its password replaced by ***. */
function redactConnectionString(text) {
    return analyseConnectionString(text).redacted;
}
/** Deep copy of a JSON-like value with every string (and object key) redacted; for reports built from probes. */
function redactDeep(value, secrets) {
    if (secrets.length === 0)
        return value;
    const walk = (v, depth) => {
        if (typeof v === 'string')
            return redact(v, secrets);
        if (depth > 20 || v === null || typeof v !== 'object')
            return v;
        if (Array.isArray(v))
            return v.map((item) => walk(item, depth + 1));
        return Object.fromEntries(Object.entries(v).map(([k, item]) => [redact(k, secrets), walk(item, depth + 1)]));
    };
    return walk(value, 0);
}
function safeUriDecode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/**
 * The user and password of an http(s) URL as they are sent in a Basic Authorization header (WHATWG URL
 * parsing, then percent-decoding, exactly what an HTTP client does), or undefined without userinfo.
 */
function basicCredentials(url) {
    if (url.username === '' && url.password === '')
        return undefined;
    const user = safeUriDecode(url.username);
    const password = safeUriDecode(url.password);
    return { user, password, encoded: Buffer.from(`${user}:${password}`, 'utf8').toString('base64') };
}
/**
 * Every value derived from a URL's credentials that a client sends: the Basic header's base64 (and the header
 * value itself), besides the raw and decoded credentials of credentialsInUrl. Works on any URL text; one that
 * WHATWG URL cannot parse yields only the string-level credentials.
 */
function urlSecrets(text) {
    const secrets = credentialsInUrl(text);
    let url;
    try {
        url = new URL(text.trim());
    }
    catch {
        url = undefined;
    }
    const basic = url ? basicCredentials(url) : undefined;
    if (basic) {
        secrets.push(basic.encoded, `Basic ${basic.encoded}`);
        if (basic.password !== '')
            secrets.push(basic.password, `${basic.user}:${basic.password}`);
        else if (basic.user !== '')
            secrets.push(basic.user);
    }
    return [...new Set(secrets)].filter((s) => s !== '');
}
/**
 * The secrets in one header value: the value, its credentials after the scheme ("Bearer abc" -> abc), and for
 * Basic the decoded user:password and password, which a server that decodes the header may echo.
 */
function headerValueSecrets(value) {
    const secrets = [value.trim()];
    const credentials = /^\s*(\S+)\s+(\S+)\s*$/.exec(value);
    if (credentials) {
        const [, scheme, token] = credentials;
        secrets.push(token);
        if (scheme.toLowerCase() === 'basic' && /^[A-Za-z0-9+/]+={0,2}$/.test(token)) {
            const decoded = Buffer.from(token, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            if (colon > 0 && !decoded.includes('\ufffd')) {
                secrets.push(decoded);
                if (colon < decoded.length - 1)
                    secrets.push(decoded.slice(colon + 1));
            }
        }
    }
    return [...new Set(secrets)].filter((s) => s !== '');
}


/***/ })

};
