export const id = 406;
export const ids = [406];
export const modules = {

/***/ 98406:
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
// EXTERNAL MODULE: ./shared/src/lib/redact.ts
var redact = __webpack_require__(53570);
// EXTERNAL MODULE: ./shared/src/lib/report.ts
var report = __webpack_require__(60621);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./shared/src/lib/migration-frameworks.ts
var migration_frameworks = __webpack_require__(4597);
;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/frameworks/support.ts
// Helpers the framework modules share: blanking sections with positions kept, path order, path pieces.

/**
 * Blanks everything but the section after `start` and before `stop` (when the markers exist), keeping every
 * newline and the character count so positions still match the original file.
 */
function keepSection(text, start, stop) {
    const begin = start.exec(text);
    if (!begin)
        return text;
    const from = begin.index + begin[0].length;
    const after = stop.exec(text.slice(from));
    const to = after ? from + after.index : text.length;
    return blank(text.slice(0, from)) + text.slice(from, to) + blank(text.slice(to));
}
/** Keeps only text[from, to): the rest becomes spaces, newlines kept. */
function keepRange(text, from, to) {
    return blank(text.slice(0, from)) + text.slice(from, to) + blank(text.slice(to));
}
function blank(text) {
    return text.replace(/[^\n]/g, ' ');
}
/** Migration order: by path with numbers compared as numbers (V2 before V10), as the tools order versions. */
function compareMigrationPaths(a, b) {
    // One collator for every comparison: localeCompare with options builds a new one per call.
    return (pathCollator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'variant' })).compare(a, b);
}
let pathCollator;
/** Byte (code unit) order, as Go's sort of file names: `10_x` before `9_x`. */
function compareBytes(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
const baseName = (path) => path.split('/').pop() ?? path;
const dirName = (path) => external_node_path_.posix.dirname(path);
/** `dir/name` for a name read from a project file; undefined when the name climbs out of `dir`. */
function inside(dir, name) {
    if (name === '' || name.startsWith('/') || name.includes('\\') || name.includes('\0'))
        return undefined;
    const normal = external_node_path_.posix.normalize(name);
    if (normal === '..' || normal.startsWith('../'))
        return undefined;
    return dir === '.' ? normal : external_node_path_.posix.join(dir, normal);
}
/** Files grouped by folder, folders in path order, each folder's files in the order given. */
function byFolder(paths) {
    const groups = new Map();
    for (const path of paths) {
        const dir = dirName(path);
        let group = groups.get(dir);
        if (!group)
            groups.set(dir, (group = []));
        group.push(path);
    }
    return [...groups].sort(([a], [b]) => compareMigrationPaths(a, b));
}
/** A plan that keeps the files in the given order with no hints (the tools that order by file name). */
function namePlan(paths, compare = compareMigrationPaths) {
    return { files: [...paths].sort(compare), hints: new Map(), notices: [] };
}
/** A short, single-line quotation of text read from a project file (control characters as \xNN). */
function quote(text, max = 60) {
    let flat = '';
    for (const char of text.length > max ? `${text.slice(0, max)}…` : text) {
        const code = char.charCodeAt(0);
        flat += code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : char === '"' ? '\\"' : char;
    }
    return `"${flat}"`;
}
/** Line number (1-based) of a character index. */
function lineAt(text, index) {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1))
        line++;
    return line;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/frameworks/atlas.ts
// Atlas (versioned migrations): the .sql files of the migration directory in file-name order, which atlas.sum
// lists after its h1: total line; Atlas refuses to apply a directory whose atlas.sum does not match it. Each file
// runs in its own transaction (--tx-mode file, the default); a file whose header (comments at the top, then an
// empty line) says `-- atlas:txmode none` runs outside any, and `atlas:txmode all` is refused in a file.
//
// The --tx-mode flag of `atlas migrate apply` is not visible here: with --tx-mode none or all, set
// assume-in-transaction.



function readSum(text, file) {
    const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
    if (!lines[0]?.startsWith('h1:'))
        throw new errors/* ConfigurationError */.j1(`${file}:1: not an atlas.sum (its first line is h1:<hash>); run atlas migrate hash`);
    const entries = [];
    lines.slice(1).forEach((line, i) => {
        if (line.trim() === '' && i === lines.length - 2)
            return;
        const at = line.indexOf('h1:');
        const name = at > 0 ? line.slice(0, at).trim() : '';
        if (name === '')
            throw new errors/* ConfigurationError */.j1(`${file}:${i + 2}: not a "<file> h1:<hash>" line: ${quote(line.trim())}`);
        entries.push({ name, line: i + 2 });
    });
    return entries;
}
/** The file's header comments (Atlas: comments at the very top, separated from the statements by an empty line). */
function headerComments(text) {
    const comments = [];
    let at = 0;
    while (text.startsWith('#', at) || text.startsWith('--', at)) {
        const end = text.indexOf('\n', at);
        comments.push({ text: text.slice(at, end === -1 ? undefined : end).trim(), start: at });
        if (end === -1)
            return comments;
        at = end + 1;
    }
    const rest = text.slice(at);
    // Atlas wants an empty line (a bare \n: a CRLF file's header does not count) between header and statements.
    return rest === '' || rest.replace(/^[ \t]*/, '').startsWith('\n') ? comments : [];
}
const DIRECTIVE = /^[ -~]*?atlas:(\w+)(?: +(.+))?/;
const atlas = {
    name: 'atlas',
    source: 'https://atlasgo.io/versioned/apply (migrate apply, its flags) and https://atlasgo.io/blog/2022/09/05/announcing-migration-execution (files sorted by name, atlas.sum); cmd/atlas/internal/cmdapi/migrate.go (txmodeFor: none and file allowed in a file, all refused), sql/migrate/dir.go (Files sorted by name, file directives, HashFile)',
    defaultPaths: ['migrations/*.sql'],
    isDown: (path) => (0,migration_frameworks/* isDownFile */.Fp)(baseName(path)),
    plan(paths, project) {
        const files = [];
        for (const [dir, group] of byFolder(paths)) {
            const sum = `${dir === '.' ? '' : `${dir}/`}atlas.sum`;
            const text = project.read(sum);
            if (text === undefined)
                throw new errors/* ConfigurationError */.j1(`${group[0]}: no ${sum} in its folder (Atlas refuses a directory without one); run atlas migrate hash`);
            const wanted = new Set(group);
            for (const { name, line } of readSum(text, sum)) {
                const file = inside(dir, name);
                if (file === undefined)
                    throw new errors/* ConfigurationError */.j1(`${sum}:${line}: ${quote(name)} is not a file in ${dir}`);
                if (!project.exists(file))
                    throw new errors/* ConfigurationError */.j1(`${sum}:${line}: ${file} does not exist, so Atlas refuses the directory; run atlas migrate hash`);
                if (wanted.delete(file))
                    files.push(file);
            }
            const missing = [...wanted][0];
            if (missing !== undefined)
                throw new errors/* ConfigurationError */.j1(`${missing}: not in ${sum}, so Atlas refuses the directory; run atlas migrate hash`);
        }
        return { files, hints: new Map(), notices: [] };
    },
    detect(paths, project) {
        for (const [dir] of byFolder(paths)) {
            const sum = `${dir === '.' ? '' : `${dir}/`}atlas.sum`;
            if (project.exists(sum))
                return `${sum} is an Atlas migration directory's sum file`;
        }
        return undefined;
    },
    prepare(text, context) {
        const modes = [];
        for (const comment of headerComments(text)) {
            const directive = DIRECTIVE.exec(comment.text);
            if (directive?.[1] === 'txmode')
                modes.push((directive[2] ?? '').trim());
        }
        if (modes.length > 1)
            throw new errors/* ConfigurationError */.j1(`${context.path}: more than one atlas:txmode directive (Atlas refuses the file)`);
        const mode = modes[0];
        if (mode === 'all')
            throw new errors/* ConfigurationError */.j1(`${context.path}: atlas:txmode all is not allowed in a file (Atlas refuses it); use file`);
        if (mode !== undefined && mode !== 'none' && mode !== 'file')
            throw new errors/* ConfigurationError */.j1(`${context.path}: unknown atlas:txmode ${quote(mode)} (none or file)`);
        return mode === 'none'
            ? { text, implicitTransaction: false, transactionReason: 'Atlas: -- atlas:txmode none' }
            : {
                text,
                implicitTransaction: true,
                transactionReason: mode === 'file'
                    ? 'Atlas: -- atlas:txmode file'
                    : 'Atlas runs each file in its own transaction (--tx-mode file)'
            };
    }
};

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/frameworks/dbmate.ts
// dbmate: `-- migrate:up` / `-- migrate:down` sections; a transaction per file unless the up line says
// `transaction:false`.


const dbmate = {
    name: 'dbmate',
    source: "dbmate's -- migrate:up / -- migrate:down sections and transaction:false (moved unchanged from engine/framework.ts)",
    isDown: (path) => (0,migration_frameworks/* isDownFile */.Fp)(baseName(path)),
    plan: (paths) => namePlan(paths),
    prepare(text) {
        const upLine = /^--\s*migrate:up\b.*$/im.exec(text)?.[0] ?? '';
        const noTx = /transaction\s*:\s*false/i.test(upLine);
        return {
            text: keepSection(text, /^--\s*migrate:up\b.*$/im, /^--\s*migrate:down\b.*$/im),
            implicitTransaction: !noTx,
            transactionReason: noTx ? 'dbmate: transaction:false' : 'dbmate runs each file in a transaction'
        };
    }
};

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/frameworks/toml.ts
// The part of TOML that diesel's metadata.toml uses: `key = value` lines (booleans, strings, numbers), comments,
// [table] headers. Anything else is refused with the line, so a mistyped file is one clear error.


const KEY = /^(?:[A-Za-z0-9_-]+|"[^"\\]*")$/;
const HEADER = /^\[\[?\s*[A-Za-z0-9_."-]+\s*\]\]?$/;
function value(raw) {
    if (raw === 'true')
        return true;
    if (raw === 'false')
        return false;
    if (/^"(?:[^"\\]|\\.)*"$/.test(raw) || /^'[^']*'$/.test(raw))
        return raw.slice(1, -1);
    if (/^[+-]?\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(raw))
        return Number(raw.replace(/_/g, ''));
    return undefined;
}
/** The top-level keys of a small TOML file; throws one line naming the file and line for anything else. */
function readTopLevelToml(text, file) {
    const keys = new Map();
    let topLevel = true;
    const lines = text.split(/\r?\n/);
    lines.forEach((line, i) => {
        const content = line
            .replace(/\s+#[^"']*$/, '')
            .replace(/^\s*#.*$/, '')
            .trim();
        if (content === '')
            return;
        if (HEADER.test(content)) {
            topLevel = false;
            return;
        }
        const eq = content.indexOf('=');
        const key = eq > 0 ? content.slice(0, eq).trim() : '';
        const parsed = eq > 0 ? value(content.slice(eq + 1).trim()) : undefined;
        if (!KEY.test(key) || parsed === undefined)
            throw new errors/* ConfigurationError */.j1(`${file}:${i + 1}: not valid TOML here: ${quote(line.trim())}`);
        const name = key.replace(/^"|"$/g, '');
        if (topLevel) {
            if (keys.has(name))
                throw new errors/* ConfigurationError */.j1(`${file}:${i + 1}: ${name} is set twice`);
            keys.set(name, parsed);
        }
    });
    return keys;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/frameworks/diesel.ts
// diesel: one folder per migration, `<version>_<name>/up.sql` (down.sql is the rollback), ordered by version
// (the folder name up to its first `_`, dashes removed). Each migration runs in its own transaction unless the
// folder's metadata.toml says `run_in_transaction = false`.
//
// diesel reads metadata.toml with serde: a file that is present but has no run_in_transaction key gives false
// (the field's serde default), a missing file gives true, and a file it cannot read is silently taken as true.
// A metadata.toml this module cannot read is refused instead: what the author meant is not known.




const IN_TRANSACTION = 'diesel runs each migration in its own transaction';
/** The version diesel orders by: the folder name up to its first `_`, without dashes. */
function dieselVersion(path) {
    return (baseName(dirName(path)).split('_')[0] ?? '').replace(/-/g, '');
}
const diesel = {
    name: 'diesel',
    source: 'https://docs.rs/diesel_migrations/latest/diesel_migrations/ (folders, up.sql/down.sql, "each migration runs inside its own transaction", metadata.toml run_in_transaction); diesel_migrations/migrations_internals/src/lib.rs (version_from_string, TomlMetadata defaults) and migration_harness.rs (sorted by version)',
    defaultPaths: ['migrations/*/up.sql'],
    isDown: (path) => baseName(path).toLowerCase() === 'down.sql' || (0,migration_frameworks/* isDownFile */.Fp)(baseName(path)),
    plan(paths, project) {
        const notices = [];
        const hints = new Map();
        const files = paths.filter((path) => {
            if (baseName(path) === 'up.sql')
                return true;
            notices.push(`${path}: diesel runs only up.sql in each migration folder; not linted`);
            return false;
        });
        files.sort((a, b) => compareBytes(dieselVersion(a), dieselVersion(b)) || compareMigrationPaths(a, b));
        for (const path of files) {
            const metadata = `${dirName(path)}/metadata.toml`;
            const text = project.read(metadata);
            if (text === undefined)
                continue;
            const value = readTopLevelToml(text, metadata).get('run_in_transaction');
            if (value !== undefined && typeof value !== 'boolean')
                throw new errors/* ConfigurationError */.j1(`${metadata}: run_in_transaction must be true or false`);
            const implicit = value === true;
            hints.set(path, {
                transaction: {
                    implicit,
                    reason: implicit
                        ? `${IN_TRANSACTION} (metadata.toml: run_in_transaction = true)`
                        : value === false
                            ? 'diesel: run_in_transaction = false in metadata.toml'
                            : 'diesel: metadata.toml without run_in_transaction means false'
                }
            });
        }
        return { files, hints, notices };
    },
    detect(paths) {
        const up = paths.find((path) => baseName(path) === 'up.sql' && /^\d[\d-]*_/.test(baseName(dirName(path))));
        return up ? `${up} is a diesel migration folder's up.sql` : undefined;
    },
    prepare(text, context) {
        const transaction = context.hints?.transaction;
        return {
            text,
            implicitTransaction: transaction?.implicit ?? true,
            transactionReason: transaction?.reason ?? IN_TRANSACTION
        };
    }
};

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/frameworks/drizzle.ts
// drizzle-kit: `drizzle-kit generate` writes <out>/<tag>.sql and lists every migration in
// <out>/meta/_journal.json; `drizzle-kit migrate` (drizzle-orm's migrator) runs the journal's entries in order,
// splitting each file at `--> statement-breakpoint` and sending each part as its own query. On PostgreSQL it
// runs every pending migration inside one transaction. A file the journal does not list is never run; an
// entry whose file is missing stops the migrator. drizzle-kit 1.0 (the beta branch) drops the journal:
// <out>/<timestamp>_<name>/migration.sql, in folder-name order, with the same breakpoints and transaction.



const BREAKPOINT = '--> statement-breakpoint';
// `;--` has the marker's length: the part before it ends there (as drizzle sends it alone), and the rest of the
// line stays a comment.
const BREAKPOINT_AS_PARSED = ';--' + BREAKPOINT.slice(3);
const journalOf = (out) => `${out === '.' ? '' : `${out}/`}meta/_journal.json`;
function readJournal(text, file) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new errors/* ConfigurationError */.j1(`${file}: not valid JSON (${quote(reason, 100).slice(1, -1)})`);
    }
    const entries = json?.entries;
    if (typeof json !== 'object' || json === null || Array.isArray(json) || !Array.isArray(entries))
        throw new errors/* ConfigurationError */.j1(`${file}: not a drizzle-kit journal (no "entries" list)`);
    return entries.map((entry, i) => {
        const { tag, when } = (entry ?? {});
        if (typeof tag !== 'string' || tag === '')
            throw new errors/* ConfigurationError */.j1(`${file}: entries[${i}].tag must be the migration's file name without .sql`);
        if (when !== undefined && typeof when !== 'number')
            throw new errors/* ConfigurationError */.j1(`${file}: entries[${i}].when must be a number (milliseconds)`);
        return { tag, when };
    });
}
const drizzle = {
    name: 'drizzle',
    source: 'https://orm.drizzle.team/docs/drizzle-kit-migrate (how migrate picks and runs the files); drizzle-orm/src/migrator.ts (readMigrationFiles: journal order, split at breakpoints, missing file throws) and src/pg-core/dialect.ts (migrate(): one transaction around every pending migration); on the beta branch (1.0), src/migrator.ts (folders by name) and src/pg-core/async/session.ts (one transaction)',
    defaultPaths: ['drizzle/*.sql', 'drizzle/*/migration.sql'],
    isDown: (path) => (0,migration_frameworks/* isDownFile */.Fp)(baseName(path)),
    plan(paths, project) {
        const notices = [];
        const byOut = new Map();
        const add = (out, files) => byOut.set(out, [...(byOut.get(out) ?? []), ...files]);
        // drizzle-kit 1.0 folders: <out>/<timestamp>_<name>/migration.sql, no journal, by folder name.
        const folderLayout = (path) => baseName(path) === 'migration.sql' && !project.exists(journalOf(dirName(dirName(path))));
        const folders = paths.filter(folderLayout);
        for (const [out, group] of byFolder(folders.map((path) => dirName(path)))) {
            const sorted = group.sort((a, b) => baseName(a).localeCompare(baseName(b)));
            add(out, sorted.map((folder) => `${folder}/migration.sql`));
        }
        for (const [dir, group] of byFolder(paths.filter((path) => !folderLayout(path)))) {
            const files = [];
            const journal = journalOf(dir);
            const text = project.read(journal);
            if (text === undefined)
                throw new errors/* ConfigurationError */.j1(`${group[0]}: no ${journal} beside it (drizzle-kit migrate takes the order from it); set framework to the tool that runs these files`);
            const entries = readJournal(text, journal);
            const wanted = new Set(group);
            let previous;
            for (const [i, entry] of entries.entries()) {
                const file = inside(dir, `${entry.tag}.sql`);
                if (file === undefined)
                    throw new errors/* ConfigurationError */.j1(`${journal}: entries[${i}].tag ${quote(entry.tag)} is not a file in ${dir}`);
                if (!project.exists(file))
                    throw new errors/* ConfigurationError */.j1(`${journal}: entries[${i}] names ${file}, which does not exist (drizzle-kit migrate would stop there)`);
                if (previous?.when !== undefined && entry.when !== undefined && entry.when <= previous.when)
                    notices.push(`${journal}: entries[${i}] (${entry.tag}) is not newer than the entry before it: drizzle's migrator skips it on a database that already applied that one`);
                previous = entry;
                if (wanted.delete(file))
                    files.push(file);
            }
            for (const file of wanted)
                notices.push(`${file}: not in ${journal}, so drizzle-kit migrate never runs it; not linted`);
            add(dir, files);
        }
        const files = [...byOut].sort(([a], [b]) => compareMigrationPaths(a, b)).flatMap(([, group]) => group);
        return { files, hints: new Map(), notices };
    },
    detect(paths, project) {
        for (const [dir] of byFolder(paths)) {
            const journal = journalOf(dir);
            if (project.exists(journal))
                return `${journal} is a drizzle-kit journal`;
        }
        return undefined;
    },
    prepare: (text) => ({
        text: text.includes(BREAKPOINT) ? text.split(BREAKPOINT).join(BREAKPOINT_AS_PARSED) : text,
        implicitTransaction: true,
        transactionReason: 'drizzle-kit migrate runs every pending migration in one transaction (PostgreSQL)'
    })
};

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/frameworks/flyway.ts
// Flyway: versioned migrations (V<version>__x.sql) by version across every location, then repeatable ones
// (R__x.sql) by description; undo files (U...) are never deployed; each migration runs in a transaction.


/** Flyway's order: versions numerically across folders, then repeatables by description, then anything else. */
function flywayOrder(paths) {
    const version = (path) => {
        const file = (0,migration_frameworks/* flywayFile */.f8)(baseName(path));
        return file?.kind === 'versioned' ? file.version : undefined;
    };
    const rank = (path) => version(path) !== undefined ? 0 : (0,migration_frameworks/* flywayFile */.f8)(baseName(path))?.kind === 'repeatable' ? 1 : 2;
    return [...paths].sort((a, b) => {
        const byRank = rank(a) - rank(b);
        if (byRank !== 0)
            return byRank;
        if (rank(a) === 0) {
            const byVersion = (0,migration_frameworks/* compareVersionKeys */.oz)(version(a), version(b));
            if (byVersion !== 0)
                return byVersion;
        }
        return compareMigrationPaths(baseName(a), baseName(b)) || compareMigrationPaths(a, b);
    });
}
const flyway = {
    name: 'flyway',
    source: "Flyway's versioned (V), undo (U) and repeatable (R) migrations, one transaction per migration (moved unchanged from engine/framework.ts)",
    isDown: (path) => (0,migration_frameworks/* isDownFile */.Fp)(baseName(path)) || (0,migration_frameworks/* flywayFile */.f8)(baseName(path))?.kind === 'undo',
    plan: (paths) => ({ files: flywayOrder(paths), hints: new Map(), notices: [] }),
    prepare: (text) => ({
        text,
        implicitTransaction: true,
        transactionReason: 'Flyway runs each migration in a transaction'
    })
};

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/frameworks/golang-migrate.ts
// golang-migrate: <version>_<title>.up.sql / .down.sql; the postgres driver sends a file as it is, in no
// transaction of its own.


const golangMigrate = {
    name: 'golang-migrate',
    source: "golang-migrate's <version>_<title>.up.sql / .down.sql, no transaction of its own (moved unchanged from engine/framework.ts)",
    isDown: (path) => (0,migration_frameworks/* isDownFile */.Fp)(baseName(path)),
    plan: (paths) => namePlan(paths),
    prepare: (text) => ({ text, implicitTransaction: false, transactionReason: 'golang-migrate opens no transaction' })
};

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/frameworks/goose.ts
// goose: `-- +goose Up` / `-- +goose Down` sections; each file in a transaction unless `-- +goose NO TRANSACTION`.


const goose = {
    name: 'goose',
    source: 'goose annotations -- +goose Up / Down / NO TRANSACTION (moved unchanged from engine/framework.ts)',
    isDown: (path) => (0,migration_frameworks/* isDownFile */.Fp)(baseName(path)),
    plan: (paths) => namePlan(paths),
    prepare(text) {
        const noTx = /^--\s*\+goose\s+NO\s+TRANSACTION\b/im.test(text);
        return {
            text: keepSection(text, /^--\s*\+goose\s+Up\b.*$/im, /^--\s*\+goose\s+Down\b.*$/im),
            implicitTransaction: !noTx,
            transactionReason: noTx ? 'goose: -- +goose NO TRANSACTION' : 'goose runs each file in a transaction'
        };
    }
};

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/frameworks/knex-sql.ts
// knex with raw SQL migrations: each migration in a transaction (knex's default).


const knexSql = {
    name: 'knex-sql',
    source: 'knex: a transaction per migration by default (moved unchanged from engine/framework.ts)',
    isDown: (path) => (0,migration_frameworks/* isDownFile */.Fp)(baseName(path)),
    plan: (paths) => namePlan(paths),
    prepare: (text) => ({
        text,
        implicitTransaction: true,
        transactionReason: 'knex runs each migration in a transaction'
    })
};

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/frameworks/liquibase-sql.ts
// Liquibase formatted SQL: a file whose first line (after empty ones) is `--liquibase formatted sql` holds changesets, each
// starting at a `--changeset author:id [attributes]` line; Liquibase runs each changeset as a unit, in its own
// transaction unless the changeset line says `runInTransaction:false`. `--rollback ...` lines and
// `/* liquibase rollback ... */` blocks are the rollback, never deployed. A .sql file without the header (pulled
// in by include/includeAll) runs as one changeset, in a transaction. Files go in name order, as includeAll
// orders them; a master changelog's explicit order is not read.



const liquibase_sql_HEADER = /^\s*--\s*liquibase\s*formatted.*/i;
const CHANGESET_LINE = /^[ \t]*--[ \t]*changeset\b.*$/gim;
// As Liquibase reads it: the author runs to the first colon (it may hold spaces), the id to the next blank.
const CHANGESET = /^[ \t]*--[ \t]*changeset[ \t]+("[^"]+"|[^:]+):[ \t]*("[^"]+"|\S+)(.*)$/i;
const ROLLBACK_LINE = /^[ \t]*--[ \t]*rollback[ \t].*$/gim;
const ROLLBACK_BLOCK = /^[ \t]*\/\*[ \t]*liquibase[ \t]*rollback[ \t]*$[\s\S]*?\*\/[ \t]*$/gim;
const RUN_IN_TRANSACTION = /\brunInTransaction:(\w+)/i;
const liquibaseSql = {
    name: 'liquibase-sql',
    source: 'https://docs.liquibase.com/concepts/changelogs/sql-format.html (header, --changeset author:id, runInTransaction, --rollback); liquibase-standard/.../AbstractFormattedChangeLogParser.java (the line patterns, runInTransaction default true)',
    defaultPaths: ['db/changelog/**/*.sql', 'src/main/resources/db/changelog/**/*.sql'],
    isDown: (path) => (0,migration_frameworks/* isDownFile */.Fp)(baseName(path)),
    plan: (paths) => namePlan(paths),
    prepare(text, context) {
        // Liquibase skips empty lines before the header.
        const firstLine = /^[ \t\r\n]*(.*)/.exec(text)?.[1] ?? '';
        if (!liquibase_sql_HEADER.test(firstLine))
            return {
                text,
                implicitTransaction: true,
                transactionReason: 'Liquibase runs a SQL file without the formatted-SQL header as one changeset, in a transaction'
            };
        const units = [];
        for (const match of text.matchAll(CHANGESET_LINE)) {
            const line = match[0];
            const changeset = CHANGESET.exec(line);
            if (!changeset)
                throw new errors/* ConfigurationError */.j1(`${context.path}:${lineAt(text, match.index)}: --changeset needs author:id (Liquibase refuses the file): ${quote(line.trim())}`);
            const flag = RUN_IN_TRANSACTION.exec(changeset[3]);
            const value = flag?.[1].toLowerCase();
            if (value !== undefined && value !== 'true' && value !== 'false')
                throw new errors/* ConfigurationError */.j1(`${context.path}:${lineAt(text, match.index)}: runInTransaction must be true or false, got ${quote(flag[1])}`);
            const id = `${changeset[1].trim()}:${changeset[2]}`.replace(/"/g, '');
            units.push({
                start: match.index,
                implicitTransaction: value !== 'false',
                reason: value === 'false'
                    ? `Liquibase: changeset ${id} runInTransaction:false`
                    : 'Liquibase runs each changeset in its own transaction'
            });
        }
        // What precedes the first changeset is not run; rollbacks are not the up migration.
        let prepared = blank(text.slice(0, units[0]?.start ?? text.length)) + text.slice(units[0]?.start ?? text.length);
        prepared = prepared.replace(ROLLBACK_BLOCK, blank).replace(ROLLBACK_LINE, blank);
        if (units.length === 0)
            return { text: prepared, implicitTransaction: false, transactionReason: 'Liquibase: no changeset in the file' };
        const outside = units.filter((u) => !u.implicitTransaction).length;
        return {
            text: prepared,
            implicitTransaction: units[0].implicitTransaction,
            transactionReason: outside === 0
                ? 'Liquibase runs each changeset in its own transaction'
                : units.length === 1
                    ? units[0].reason
                    : `Liquibase runs each changeset in its own transaction; ${outside} of ${units.length} have runInTransaction:false`,
            ...(units.length > 1 ? { units } : {})
        };
    }
};

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/frameworks/node-pg-migrate.ts
// node-pg-migrate with SQL migration files: the up migration runs from the `-- Up Migration` comment to the
// `-- Down Migration` comment (or the end), the whole file when there is no up comment. A SQL migration cannot
// call pgm.noTransaction(), so it always runs in a transaction: its own, or with --single-transaction (the
// default) one around every pending migration. Files go by their numeric prefix, as the tool sorts them.


// The tool's own markers: `--` (dashes and spaces may follow), then up/down, then `migration`, any case.
const UP = /^\s*--[\s-]*up\s+migration/im;
const DOWN = /^\s*--[\s-]*down\s+migration/im;
const nodePgMigrate = {
    name: 'node-pg-migrate',
    source: 'node-pg-migrate docs/src/cli.md (single-transaction, default true) and docs/src/migration-loading-strategies.md (legacy SQL files, -- Up Migration / -- Down Migration); src/sqlMigration.ts (getActions), src/runner.ts and src/migration.ts (transactions, file order)',
    defaultPaths: ['migrations/*.sql'],
    isDown: (path) => (0,migration_frameworks/* isDownFile */.Fp)(baseName(path)),
    plan: (paths) => namePlan(paths),
    prepare(text) {
        const up = text.search(UP);
        const down = text.search(DOWN);
        return {
            text: up < 0 ? text : keepRange(text, up, down < up ? text.length : down),
            implicitTransaction: true,
            transactionReason: 'node-pg-migrate runs a SQL migration in a transaction (with the others by default)'
        };
    }
};

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/frameworks/plain.ts
// Plain SQL files, run by hand or by a script: no implicit transaction, files in name order.


const plain = {
    name: 'plain',
    source: 'no tool: each statement runs on its own unless the file writes BEGIN/COMMIT',
    isDown: (path) => (0,migration_frameworks/* isDownFile */.Fp)(baseName(path)),
    plan: (paths) => namePlan(paths),
    prepare: (text) => ({ text, implicitTransaction: false, transactionReason: 'plain SQL: no implicit transaction' })
};

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/frameworks/prisma.ts
// Prisma Migrate: migration.sql per folder, sent as one simple query (several statements share PostgreSQL's
// implicit transaction; a lone statement runs outside any).


const prisma = {
    name: 'prisma',
    source: "Prisma Migrate's migration.sql, sent as one simple query, checked on this machine (DESIGN.md; moved unchanged from engine/framework.ts)",
    isDown: (path) => (0,migration_frameworks/* isDownFile */.Fp)(baseName(path)),
    plan: (paths) => namePlan(paths),
    prepare: (text) => ({
        text,
        implicitTransaction: true,
        transactionReason: 'Prisma Migrate sends migration.sql as one query: several statements run in one transaction',
        loneStatementOutsideTransaction: true
    })
};

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/frameworks/sqitch.ts
// Sqitch: sqitch.plan lists the changes in deploy order; each change's deploy script is deploy/<change>.sql
// (revert/ and verify/ hold its rollback and its check, never deployed). A change reworked after a tag keeps its
// earlier script as deploy/<change>@<tag>.sql. Sqitch runs a script with psql as it is written and opens no
// transaction around it: the script `sqitch add` writes wraps the change in BEGIN ... COMMIT itself.
//
// Only the default layout is read (sqitch.plan, deploy/ beside it); top_dir, deploy_dir and plan_file in
// sqitch.conf are not.



const TIMESTAMP = String.raw `\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z`;
// name [dependencies] timestamp planner <email> [# note]; a tag line starts with @.
const CHANGE = new RegExp(String.raw `^\s*(?:[+-]\s*)?([^\s:@#\\\[\]]+)\s+(?:\[[^\]]*\]\s*)?${TIMESTAMP}\s+[^<]*<[^>]*>\s*(?:#.*)?$`);
const TAG = new RegExp(String.raw `^\s*@([^\s:@#\\\[\]/]+)\s+${TIMESTAMP}\s+[^<]*<[^>]*>\s*(?:#.*)?$`);
function readPlan(text, file) {
    const lines = [];
    let project = false;
    text.split('\n').forEach((raw, i) => {
        const line = raw.replace(/\r$/, '');
        if (/^\s*(?:#.*)?$/.test(line))
            return;
        if (/^\s*%/.test(line)) {
            if (/^\s*%\s*project\s*=\s*\S/.test(line))
                project = true;
            else if (!/^\s*%\s*[\w-]+\s*=/.test(line))
                throw new errors/* ConfigurationError */.j1(`${file}:${i + 1}: not a %name=value pragma: ${quote(line.trim())}`);
            return;
        }
        const tag = TAG.exec(line);
        const change = tag ? undefined : CHANGE.exec(line);
        if (!tag && !change)
            throw new errors/* ConfigurationError */.j1(`${file}:${i + 1}: not a change or tag line (name, timestamp, planner <email>): ${quote(line.trim())}`);
        lines.push({ kind: tag ? 'tag' : 'change', name: (tag ?? change)[1], line: i + 1 });
    });
    if (!project)
        throw new errors/* ConfigurationError */.j1(`${file}: no %project pragma (sqitch refuses the plan)`);
    return lines;
}
/** The deploy scripts the plan names, in deploy order, each with the plan line naming it. */
function deployScripts(lines, top, plan, project) {
    const deployDir = top === '.' ? 'deploy' : `${top}/deploy`;
    const scripts = [];
    lines.forEach((entry, i) => {
        if (entry.kind !== 'change')
            return;
        const next = lines.findIndex((later, j) => j > i && later.kind === 'change' && later.name === entry.name);
        let file;
        if (next === -1)
            file = inside(deployDir, `${entry.name}.sql`);
        else {
            // Reworked later: this instance's script is named after a tag between it and the next instance; sqitch
            // tries them from the latest back (the latest is the one `sqitch rework` names the copy after).
            const tags = lines
                .slice(i + 1, next)
                .filter((l) => l.kind === 'tag')
                .reverse();
            if (tags.length === 0)
                throw new errors/* ConfigurationError */.j1(`${plan}:${lines[next].line}: change ${quote(entry.name)} appears again without a tag in between (sqitch refuses the plan)`);
            const candidates = tags.map((tag) => inside(deployDir, `${entry.name}@${tag.name}.sql`));
            file = candidates.find((c) => c !== undefined && project.exists(c)) ?? candidates[0];
        }
        if (file === undefined)
            throw new errors/* ConfigurationError */.j1(`${plan}:${entry.line}: change ${quote(entry.name)} names a script outside ${deployDir}`);
        scripts.push({ file, line: entry.line });
    });
    return scripts;
}
/** The sqitch project a deploy script belongs to: the folder above its deploy/ that holds sqitch.plan. */
function topOf(path, project) {
    const parts = path.split('/');
    for (let i = parts.length - 2; i >= 0; i--) {
        if (parts[i] !== 'deploy')
            continue;
        const top = i === 0 ? '.' : parts.slice(0, i).join('/');
        if (project.exists(top === '.' ? 'sqitch.plan' : `${top}/sqitch.plan`))
            return top;
    }
    return undefined;
}
const sqitch = {
    name: 'sqitch',
    source: 'https://sqitch.org/docs/manual/sqitch-add/ and the sqitchtutorial manual page (deploy/revert/verify scripts, the plan, BEGIN/COMMIT in the deploy script); lib/App/Sqitch/Plan.pm (plan syntax, rework), Plan/Change.pm (script paths), Engine/pg.pm (run_file: psql --file, no transaction), etc/templates/deploy/pg.tmpl',
    defaultPaths: ['deploy/**/*.sql'],
    isDown: (path) => (0,migration_frameworks/* isDownFile */.Fp)(baseName(path)) || /(?:^|\/)(?:revert|verify)\//.test(path),
    plan(paths, project) {
        const files = [];
        const notices = [];
        const projects = new Map();
        for (const path of paths) {
            const top = topOf(path, project);
            if (top === undefined)
                throw new errors/* ConfigurationError */.j1(`${path}: no sqitch.plan above its deploy/ folder (sqitch takes the order from it)`);
            let group = projects.get(top);
            if (!group)
                projects.set(top, (group = []));
            group.push(path);
        }
        for (const [top, group] of [...projects].sort(([a], [b]) => compareMigrationPaths(a, b))) {
            const plan = top === '.' ? 'sqitch.plan' : `${top}/sqitch.plan`;
            const wanted = new Set(group);
            for (const { file, line } of deployScripts(readPlan(project.read(plan) ?? '', plan), top, plan, project)) {
                if (!project.exists(file))
                    throw new errors/* ConfigurationError */.j1(`${plan}:${line}: the deploy script ${file} does not exist (sqitch deploy would fail)`);
                if (wanted.delete(file))
                    files.push(file);
            }
            for (const file of wanted)
                notices.push(`${file}: not in ${plan}, so sqitch never deploys it; not linted`);
        }
        return { files, hints: new Map(), notices };
    },
    detect(paths, project) {
        const path = paths.find((p) => topOf(p, project) !== undefined);
        return path ? `${path} is the deploy script of a sqitch project (sqitch.plan)` : undefined;
    },
    prepare: (text) => ({
        text,
        implicitTransaction: false,
        transactionReason: 'sqitch runs the deploy script as written (its BEGIN/COMMIT, if any)'
    })
};

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/frameworks/sqlx.ts
// sqlx: each migration in a transaction unless its first line is `-- no-transaction`.


const sqlx = {
    name: 'sqlx',
    source: 'sqlx: a transaction per migration unless the first line is -- no-transaction (moved unchanged from engine/framework.ts)',
    isDown: (path) => (0,migration_frameworks/* isDownFile */.Fp)(baseName(path)),
    plan: (paths) => namePlan(paths),
    prepare(text) {
        const noTx = /^\s*--\s*no-transaction\b/i.test(text);
        return {
            text,
            implicitTransaction: !noTx,
            transactionReason: noTx ? 'sqlx: -- no-transaction' : 'sqlx runs each file in a transaction'
        };
    }
};

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/frameworks/supabase.ts
// Supabase CLI: supabase/migrations/<timestamp>_<name>.sql, applied in file-name order (a file whose name does
// not match is skipped with a warning). `supabase db push` / `migration up` split a file into statements and send
// them, with the history insert, as one pipelined batch, which PostgreSQL runs as one implicit transaction.


const MIGRATION_NAME = /^([0-9]+)_(.*)\.sql$/;
const supabase = {
    name: 'supabase',
    source: 'https://supabase.com/docs/guides/deployment/database-migrations (supabase/migrations/<timestamp>_name.sql); supabase/cli pkg/migration/list.go (ListLocalMigrations: the name pattern, skipped files, name order) and pkg/migration/file.go (ExecBatch: "ExecBatch is implicitly transactional")',
    defaultPaths: ['supabase/migrations/*.sql'],
    isDown: (path) => (0,migration_frameworks/* isDownFile */.Fp)(baseName(path)),
    plan(paths) {
        const notices = [];
        const files = paths.filter((path) => {
            if (MIGRATION_NAME.test(baseName(path)))
                return true;
            notices.push(`${path}: the Supabase CLI skips a file not named <timestamp>_<name>.sql; not linted`);
            return false;
        });
        files.sort((a, b) => compareBytes(baseName(a), baseName(b)) || compareMigrationPaths(a, b));
        return { files, hints: new Map(), notices };
    },
    detect(paths) {
        const path = paths.find((p) => /(?:^|\/)supabase\/migrations\/[^/]+$/.test(p));
        return path ? `${path} is in a Supabase project's supabase/migrations` : undefined;
    },
    prepare: (text) => ({
        text,
        implicitTransaction: true,
        transactionReason: 'the Supabase CLI sends a migration as one batch: it runs in one transaction'
    })
};

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/frameworks/index.ts
// The registry of migration tools: one module each, behind MigrationFramework (types.ts). The order is the order
// of the `framework` choices in messages and docs.















const FRAMEWORKS = [
    'plain',
    'flyway',
    'golang-migrate',
    'goose',
    'dbmate',
    'sqlx',
    'prisma',
    'knex-sql',
    'diesel',
    'drizzle',
    'sqitch',
    'atlas',
    'liquibase-sql',
    'node-pg-migrate',
    'supabase'
];
/** Each tool's module, by its name (a test checks that every module's own name is its key). */
const frameworks_FRAMEWORK_MODULES = {
    plain: plain,
    flyway: flyway,
    'golang-migrate': golangMigrate,
    goose: goose,
    dbmate: dbmate,
    sqlx: sqlx,
    prisma: prisma,
    'knex-sql': knexSql,
    diesel: diesel,
    drizzle: drizzle,
    sqitch: sqitch,
    atlas: atlas,
    'liquibase-sql': liquibaseSql,
    'node-pg-migrate': nodePgMigrate,
    supabase: supabase
};

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/framework.ts
// How each migration tool runs a file: which files it deploys and in what order, which part of a file is the
// "up" migration, and whether it wraps it in a transaction. Each tool is one module in frameworks/ behind the
// MigrationFramework interface (frameworks/types.ts); this module is the entry the rest of the engine uses.
// Sources: each tool's documentation and code (see docs/frameworks.md and each module's `source`).




function parseFramework(value) {
    const framework = (value === undefined || value === '' ? 'plain' : value);
    if (!FRAMEWORKS.includes(framework)) {
        throw new errors/* ConfigurationError */.j1(`framework must be one of ${FRAMEWORKS.join(', ')}; got "${value}"`);
    }
    return framework;
}
function frameworkModule(framework) {
    return FRAMEWORK_MODULES[framework];
}
/** The file is a down (rollback) migration that must not be linted as if it were deployed. */
function framework_isDownMigration(path, framework) {
    return FRAMEWORK_MODULES[framework].isDown(path);
}
function prepareFile(text, framework, assumeInTransaction, context = {}) {
    const prepared = frameworks_FRAMEWORK_MODULES[framework].prepare(text, {
        path: context.path ?? 'migration',
        hints: context.hints
    });
    if (assumeInTransaction !== undefined) {
        prepared.loneStatementOutsideTransaction = false;
        prepared.implicitTransaction = assumeInTransaction;
        prepared.transactionReason = `assume-in-transaction: ${assumeInTransaction}`;
        if (prepared.units)
            prepared.units = prepared.units.map((unit) => ({
                ...unit,
                implicitTransaction: assumeInTransaction,
                reason: prepared.transactionReason
            }));
    }
    return prepared;
}
/**
 * The order the tool applies the files in, by their names alone (Flyway: versions across locations, then
 * repeatables; the others by path with numbers compared as numbers). Tools that keep the order in a project file
 * (a journal, a plan, a sum file) need planMigrations.
 */
function framework_orderMigrations(paths, framework) {
    return FRAMEWORK_MODULES[framework].plan(paths, NO_PROJECT).files;
}
/** A reader for when no project file may be read: every one is absent. */
const NO_PROJECT = { read: () => undefined, exists: () => false };
/** The files the tool deploys, in its order, with what its project files say about each (down files dropped). */
function planMigrations(paths, framework, project) {
    const module = frameworks_FRAMEWORK_MODULES[framework];
    return module.plan(paths.filter((path) => !module.isDown(path)), project);
}
/** Under `framework: plain`, the tool these files look like they belong to, and why (for a notice). */
function detectFramework(paths, project) {
    for (const framework of FRAMEWORKS) {
        const reason = frameworks_FRAMEWORK_MODULES[framework].detect?.(paths, project);
        if (reason !== undefined)
            return { framework, reason };
    }
    return undefined;
}
/** Where the tool keeps its migrations when no paths are named (undefined: the common default folders). */
function defaultPathsOf(framework) {
    return frameworks_FRAMEWORK_MODULES[framework].defaultPaths;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/config.ts
// Settings from three places, strongest first: action inputs or CLI flags, the YAML config file, defaults.
// Kept free of @actions/core so the CLI can load it; `yaml` is imported only when a config file exists.




/** Where the action and the CLI look for a config file when none is named. */
const DEFAULT_CONFIG_FILE = '.github/migration-safety.yml';
const DEFAULT_PG_VERSION = 16;
/** The usual homes of SQL migrations: plain folders, Rails-style, Prisma, Supabase, Flyway in a JVM project. */
const DEFAULT_PATHS = [
    'migrations/**/*.sql',
    'db/migrate/**/*.sql',
    'db/migrations/**/*.sql',
    'prisma/migrations/**/migration.sql',
    'supabase/migrations/*.sql',
    'src/main/resources/db/migration/*.sql'
];
const FAIL_ON = (/* unused pure expression or super */ null && (['error', 'warning', 'never']));
const CONFIG_KEYS = ['pg-version', 'framework', 'assume-in-transaction', 'include', 'exclude', 'rules'];
const SEVERITIES = ['error', 'warning'];
/** "16", "14.3" (major 14, minor 3) or "9.6"; the minor matters for bugs fixed in point releases. */
function parsePgVersion(value, label) {
    const match = /^\s*(\d{1,2})(?:\.(\d{1,3}))?\s*$/.exec(value);
    const major = match ? Number(match[1]) : NaN;
    if (!match || major < 9 || major > 99)
        throw new errors/* ConfigurationError */.j1(`${label} must be a PostgreSQL version such as 16 or 14.3; got "${value}"`);
    return match[2] === undefined ? { pgVersion: major } : { pgVersion: major, pgMinor: Number(match[2]) };
}
function parseFailOn(value, label) {
    if (!FAIL_ON.includes(value))
        throw new ConfigurationError(`${label} must be one of ${FAIL_ON.join(', ')}; got "${value}"`);
    return value;
}
/**
 * Reads the config file: the one named (which must exist), else the default one if present, else undefined.
 * `ruleIds` are the known rules, so a misspelt id is an error instead of a silently ignored setting.
 */
async function loadConfig(root, named, ruleIds) {
    const file = named ?? DEFAULT_CONFIG_FILE;
    const path = (0,external_node_path_.isAbsolute)(file) ? file : (0,external_node_path_.resolve)(root, file);
    if (!(0,external_node_fs_.existsSync)(path)) {
        if (named === undefined)
            return undefined;
        throw new errors/* ConfigurationError */.j1(`config file ${file} does not exist`);
    }
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`cannot read config file ${file}: ${String(error.code ?? error)}`);
    }
    return parseConfig(text, file, ruleIds);
}
/** Parses the YAML text of a config file; every mistake is one line naming the file, line and key. */
async function parseConfig(text, file, ruleIds) {
    const [{ isMap, isScalar, isSeq }, { parseYamlDocument }] = await Promise.all([
        __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19)),
        Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(164)]).then(__webpack_require__.bind(__webpack_require__, 88164))
    ]);
    const { doc: document, lineCounter: lines } = parseYamlDocument(text, file);
    const at = (node) => {
        const range = node?.range;
        return range ? `${file}:${lines.linePos(range[0]).line}` : file;
    };
    const config = { file, rules: {} };
    const root = document.contents;
    if (root === null || root === undefined || (isScalar(root) && root.value === null))
        return config;
    if (!isMap(root))
        throw new errors/* ConfigurationError */.j1(`${at(root)}: the config must be a mapping of settings`);
    const scalarText = (node, key) => {
        const value = isScalar(node) ? node.value : null;
        if (!isScalar(node) || !isPrimitive(value))
            throw new errors/* ConfigurationError */.j1(`${at(node)}: ${key} must be a single value`);
        return node.source ?? String(value);
    };
    const globs = (node, key) => {
        let list;
        if (isScalar(node) && typeof node.value === 'string')
            list = [node.value];
        else if (!isSeq(node) || !node.items.every((item) => isScalar(item) && typeof item.value === 'string'))
            throw new errors/* ConfigurationError */.j1(`${at(node)}: ${key} must be a glob or a list of globs`);
        else
            list = node.items.map((item) => String(item.value));
        // The config file is repository content: what it names stays inside the repository.
        for (const glob of list) {
            const path = glob.replace(/^!/, '');
            if ((0,external_node_path_.isAbsolute)(path) || /^[A-Za-z]:[\\/]/.test(path) || path.split(/[\\/]/).includes('..'))
                throw new errors/* ConfigurationError */.j1(`${at(node)}: ${key} "${glob}" leaves the repository (an absolute path or ..): globs in the config are relative to it`);
        }
        return list;
    };
    for (const pair of root.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const value = pair.value;
        switch (key) {
            case 'pg-version':
                config.pgVersion = parsePgVersion(scalarText(value, key), `${at(value)}: pg-version`);
                break;
            case 'framework': {
                const name = scalarText(value, key);
                if (!FRAMEWORKS.includes(name))
                    throw new errors/* ConfigurationError */.j1(`${at(value)}: framework must be one of ${FRAMEWORKS.join(', ')}; got "${name}"`);
                config.framework = name;
                break;
            }
            case 'assume-in-transaction':
                if (!isScalar(value) || typeof value.value !== 'boolean')
                    throw new errors/* ConfigurationError */.j1(`${at(value)}: assume-in-transaction must be true or false`);
                config.assumeInTransaction = value.value;
                break;
            case 'include':
                config.include = globs(value, key);
                break;
            case 'exclude':
                config.exclude = globs(value, key);
                break;
            case 'rules':
                config.rules = parseRules(value, at, ruleIds, { isMap, isScalar });
                break;
            default:
                throw new errors/* ConfigurationError */.j1(`${at(pair.key)}: unknown key "${key}" in the config; expected one of ${CONFIG_KEYS.join(', ')}`);
        }
    }
    return config;
}
function parseRules(node, at, ruleIds, { isMap, isScalar }) {
    if (isScalar(node) && node.value === null)
        return {};
    if (!isMap(node))
        throw new errors/* ConfigurationError */.j1(`${at(node)}: rules must map rule ids to off, error or warning`);
    const known = new Set(ruleIds);
    const rules = {};
    for (const pair of node.items) {
        const id = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (!known.has(id))
            throw new errors/* ConfigurationError */.j1(`${at(pair.key)}: unknown rule "${id}" in rules (ubos-actions migration-safety --list-rules lists them)`);
        const value = pair.value;
        const bad = () => new errors/* ConfigurationError */.j1(`${at(value ?? pair.key)}: rule "${id}" must be off, error, warning or { enabled: true|false, severity: error|warning }`);
        if (isScalar(value)) {
            if (value.value === 'off' || value.value === false)
                rules[id] = { enabled: false };
            else if (value.value === 'on' || value.value === true)
                rules[id] = { enabled: true };
            else if (SEVERITIES.includes(value.value))
                rules[id] = { severity: value.value };
            else
                throw bad();
        }
        else if (isMap(value)) {
            const setting = {};
            for (const entry of value.items) {
                const field = isScalar(entry.key) ? String(entry.key.value) : String(entry.key);
                const fieldValue = isScalar(entry.value) ? entry.value.value : undefined;
                if (field === 'enabled' && typeof fieldValue === 'boolean')
                    setting.enabled = fieldValue;
                else if (field === 'severity' && SEVERITIES.includes(fieldValue))
                    setting.severity = fieldValue;
                else if (field !== 'enabled' && field !== 'severity')
                    throw new errors/* ConfigurationError */.j1(`${at(entry.key)}: unknown key "${field}" for rule "${id}"; expected enabled, severity`);
                else
                    throw bad();
            }
            rules[id] = setting;
        }
        else
            throw bad();
        // A file PostgreSQL would reject is never passed off as checked, so this one rule has no off switch.
        if (id === 'syntax-error' && (rules[id].enabled === false || (rules[id].severity ?? 'error') !== 'error'))
            throw new errors/* ConfigurationError */.j1(`${at(value ?? pair.key)}: rule "syntax-error" cannot be turned off or downgraded: a file that does not parse is not linted; exclude the file instead`);
    }
    return rules;
}
/** Merges overrides over the config over the defaults. */
function resolveSettings(config, overrides) {
    const version = overrides.pgVersion !== undefined
        ? parsePgVersion(overrides.pgVersion, overrides.label('pg-version'))
        : (config?.pgVersion ?? { pgVersion: DEFAULT_PG_VERSION });
    let framework;
    if (overrides.framework !== undefined) {
        try {
            framework = parseFramework(overrides.framework);
        }
        catch {
            throw new errors/* ConfigurationError */.j1(`${overrides.label('framework')} must be one of ${FRAMEWORKS.join(', ')}; got "${overrides.framework}"`);
        }
    }
    else
        framework = config?.framework ?? 'plain';
    return {
        ...version,
        framework,
        assumeInTransaction: overrides.assumeInTransaction ?? config?.assumeInTransaction,
        rules: config?.rules ?? {},
        include: config?.include,
        exclude: config?.exclude ?? []
    };
}
/** A YAML scalar's value that is a single value (not null, not a map or list). */
function isPrimitive(value) {
    return value === undefined || (value !== null && typeof value !== 'object' && typeof value !== 'function');
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/ast.ts
/** The inner object of a wrapped node when it has the given type. */
function as(node, type) {
    if (!node || typeof node !== 'object')
        return undefined;
    // The wrapper has exactly one key; a node of another type has no `type` key and gives undefined.
    const payload = node[type];
    return payload;
}
function nodeType(node) {
    return node && typeof node === 'object' ? Object.keys(node)[0] : undefined;
}
/** A wrapped node as its key and payload, or undefined for an empty wrapper. */
function unwrap(node) {
    const kind = nodeType(node);
    if (kind === undefined || node === undefined)
        return undefined;
    // The key was read from this very node, so the payload under it has the key's type.
    return { kind, body: node[kind] };
}
/** `[{String: {sval: 'a'}}, ...]` as plain strings. */
function names(list) {
    return (list ?? []).map((n) => as(n, 'String')?.sval ?? '').filter((s) => s !== '');
}
/** The catalogue key of a RangeVar: unqualified names live in `public`, as with the default search_path. */
function relationName(rangeVar) {
    const schema = rangeVar?.schemaname ?? 'public';
    const name = rangeVar?.relname ?? '';
    return { schema, name, key: `${schema}.${name}` };
}
/** A qualified name given as a list of String nodes (DROP TABLE a.b, CREATE TYPE a.b). */
function listName(list) {
    const parts = names(list);
    const name = parts[parts.length - 1] ?? '';
    const schema = parts.length > 1 ? parts[parts.length - 2] : 'public';
    return { schema, name, key: `${schema}.${name}` };
}
/**
 * An object met by a walker that visits every value (wrappers, payloads, lists), read as a wrapper: a payload
 * or list has no node-type key, so `as` and `nodeType` find nothing known in it.
 */
function wrapperOf(value) {
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}
/** The fields of an object of the tree (a wrapper, a payload), for walkers that visit every value. */
function entriesOf(value) {
    return Object.entries(value);
}
/**
 * The payload under a key met by a walker, when the key is the node type `type`: in the parser's JSON a key
 * named after a node type holds only that type's payload (`{ ColumnRef: {...} }`).
 */
function payloadOf(key, type, value) {
    return key === type ? value : undefined;
}
/** The fields of an object node, for walkers that visit every value whatever the node type. */
function childrenOf(value) {
    if (Array.isArray(value))
        return value;
    return value && typeof value === 'object' ? Object.values(value) : [];
}
/** Every node of the given type below `node` (depth first), e.g. all FuncCall nodes of an expression. */
function findAll(node, type, found = []) {
    if (Array.isArray(node)) {
        for (const item of node)
            findAll(item, type, found);
    }
    else if (node && typeof node === 'object') {
        for (const [key, value] of entriesOf(node)) {
            // JSON has no undefined values: every key equal to `type` is found.
            const payload = payloadOf(key, type, value);
            if (payload !== undefined)
                found.push(payload);
            if (value && typeof value === 'object')
                findAll(value, type, found);
        }
    }
    return found;
}
/** The integer of an A_Const (typmods, e.g. varchar(255)). */
function constInt(node) {
    const c = as(node, 'A_Const');
    if (!c)
        return undefined;
    if (c.ival !== undefined)
        return c.ival.ival ?? 0;
    return undefined;
}
function typeRef(typeName) {
    const parts = names(typeName?.names);
    const name = parts[parts.length - 1] ?? 'unknown';
    const schema = parts.length > 1 ? parts[0] : undefined;
    const mods = (typeName?.typmods ?? []).map(constInt).filter((n) => n !== undefined);
    const array = (typeName?.arrayBounds ?? []).length;
    // Shown in messages and pasted into recipes: the SQL spelling, not the catalogue's internal name.
    const spelled = (schema === 'pg_catalog' || !schema ? SQL_SPELLING[name] : undefined) ?? name;
    const display = `${spelled}${mods.length ? `(${mods.join(',')})` : ''}${'[]'.repeat(array)}`;
    return { name, schema: schema === 'pg_catalog' ? undefined : schema, mods, array, display };
}
const SQL_SPELLING = {
    int2: 'smallint',
    int4: 'integer',
    int8: 'bigint',
    float4: 'real',
    float8: 'double precision',
    bool: 'boolean',
    bpchar: 'char',
    timestamptz: 'timestamptz',
    timetz: 'timetz'
};
/** Quotes an identifier for SQL shown to users, only where PostgreSQL needs it. */
function quoteIdent(name) {
    return /^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
function quoteQualified(q) {
    return q.schema === 'public' ? quoteIdent(q.name) : `${quoteIdent(q.schema)}.${quoteIdent(q.name)}`;
}
const RESERVED = new Set(('all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create ' +
    'current_catalog current_date current_role current_time current_timestamp current_user default deferrable ' +
    'desc distinct do else end except false fetch for foreign from grant group having in initially intersect ' +
    'into lateral leading limit localtime localtimestamp not null offset on only or order placing primary ' +
    'references returning select session_user some symmetric table then to trailing true union unique user ' +
    'using variadic when where window with').split(' '));

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/catalog.ts
// A simulated schema built by replaying migrations in order, so rules can ask what exists without a database:
// was this table created in the change set being linted, is this column nullable, is there an index for this
// foreign key. Only what rules need is modelled; anything unknown is left out rather than guessed.

class Catalog {
    tables = new Map();
    indexes = new Map();
    types = new Map();
    /** How many CREATE TABLE statements were replayed: an empty history cannot judge what is missing. */
    createdTables = 0;
    /**
     * Identifiers named inside DO blocks: their DDL is PL/pgSQL text the replay does not execute, so a missing
     * object with one of these names may well exist.
     */
    opaqueNames = new Set();
    unseen(...identifiers) {
        return this.knowsSchema && !identifiers.some((name) => this.opaqueNames.has(name));
    }
    /** Schemas of `SET search_path`, first is where unqualified CREATEs go. */
    searchPath = ['public'];
    /**
     * A table by key. Callers build keys with `public` for unqualified names (ast.relationName), so an unqualified
     * name that is not in public is looked up along the search_path the migrations set, as PostgreSQL would.
     */
    table(key) {
        const found = this.tables.get(key);
        if (found || !key.startsWith('public.') || this.searchPath.length === 1)
            return found;
        const name = key.slice('public.'.length);
        for (const schema of this.searchPath) {
            const table = this.tables.get(`${schema}.${name}`);
            if (table)
                return table;
        }
        return undefined;
    }
    /** The key a RangeVar names: explicit schema, else the first search_path schema holding it, else the first. */
    qualify(rangeVar) {
        const q = relationName(rangeVar);
        if (rangeVar?.schemaname)
            return q;
        const schema = this.searchPath.find((s) => this.tables.has(`${s}.${q.name}`)) ?? this.searchPath[0];
        return { schema, name: q.name, key: `${schema}.${q.name}` };
    }
    qualifyList(list) {
        const q = listName(list);
        if (names(list).length > 1)
            return q;
        return this.qualify({ relname: q.name });
    }
    /** The history replayed so far created tables, so a missing one is really missing and not pre-existing. */
    get knowsSchema() {
        return this.createdTables > 0;
    }
    /** The table an index belongs to, for an index key (`schema.name`). */
    indexOwner = (indexKey) => {
        const index = this.indexes.get(indexKey);
        if (index)
            return index.table;
        const [schema, name] = [indexKey.slice(0, indexKey.indexOf('.')), indexKey.slice(indexKey.indexOf('.') + 1)];
        // Constraint-backed indexes (PK, UNIQUE) are tracked as constraints of their table.
        return [...this.tables.values()].find((t) => t.schema === schema && t.constraints.has(name))?.key;
    };
    indexesOf(tableKey) {
        return [...this.indexes.values()].filter((index) => index.table === tableKey);
    }
    /** True when an index (or PK/UNIQUE constraint) starts with exactly these columns, in any order. */
    hasIndexLeadingWith(tableKey, columns) {
        const wanted = new Set(columns);
        const covers = (cols) => cols.length >= wanted.size && cols.slice(0, wanted.size).every((c) => wanted.has(c));
        if (this.indexesOf(tableKey).some((index) => covers(index.columns)))
            return true;
        const table = this.tables.get(tableKey);
        return [...(table?.constraints.values() ?? [])].some((c) => (c.kind === 'primary' || c.kind === 'unique') && covers(c.columns));
    }
    /** Applies one statement; returns what it referred to that does not exist. */
    apply(statement, changeSet) {
        const problems = [];
        const { kind, body } = statement;
        switch (kind) {
            case 'CreateStmt':
                this.createTable(body, changeSet);
                break;
            case 'CreateTableAsStmt': {
                const into = body.into?.rel;
                // The columns come from a query the replay does not evaluate: unknown, so never reported missing.
                if (into)
                    this.addTable(this.qualify(into), changeSet, body.if_not_exists).columnsUnknown = true;
                break;
            }
            case 'AlterTableStmt':
                this.alterTable(body, changeSet, problems);
                break;
            case 'RenameStmt':
                this.rename(body, problems);
                break;
            case 'DropStmt':
                this.drop(body, problems);
                break;
            case 'IndexStmt':
                this.createIndex(body, changeSet);
                break;
            case 'CreateEnumStmt': {
                const q = listName(body.typeName);
                this.types.set(q.key, { name: q.name, values: names(body.vals), createdIn: changeSet });
                break;
            }
            case 'VariableSetStmt':
                if (String(body.name).toLowerCase() === 'search_path' && body.kind === 'VAR_SET_VALUE') {
                    const path = (body.args ?? [])
                        .map((a) => as(a, 'A_Const')?.sval?.sval)
                        .filter((v) => typeof v === 'string' && v !== '$user' && v !== 'pg_catalog');
                    this.searchPath = path.length ? path : ['public'];
                }
                break;
            case 'AlterObjectSchemaStmt':
                if (body.objectType === 'OBJECT_TABLE' && body.relation && body.newschema) {
                    const table = this.tables.get(this.qualify(body.relation).key);
                    if (table) {
                        this.tables.delete(table.key);
                        const oldKey = table.key;
                        table.schema = body.newschema;
                        table.key = `${body.newschema}.${table.name}`;
                        this.tables.set(table.key, table);
                        for (const index of this.indexes.values())
                            if (index.table === oldKey)
                                index.table = table.key;
                    }
                }
                break;
            case 'DoStmt': {
                for (const arg of body.args ?? []) {
                    const code = as(as(arg, 'DefElem')?.arg, 'String')?.sval;
                    if (typeof code !== 'string')
                        continue;
                    for (const match of code.matchAll(/"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*)/g)) {
                        this.opaqueNames.add(match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2].toLowerCase());
                    }
                }
                break;
            }
            case 'AlterEnumStmt': {
                const type = this.types.get(listName(body.typeName).key);
                if (type && body.newVal && !body.oldVal)
                    type.values.push(body.newVal);
                break;
            }
            default:
                break;
        }
        return problems;
    }
    addTable(q, changeSet, ifNotExists) {
        const existing = this.tables.get(q.key);
        if (existing && ifNotExists)
            return existing;
        const table = {
            schema: q.schema,
            name: q.name,
            key: q.key,
            columns: new Map(),
            constraints: new Map(),
            createdIn: changeSet
        };
        this.tables.set(q.key, table);
        this.createdTables++;
        return table;
    }
    createTable(body, changeSet) {
        const q = this.qualify(body.relation);
        if (this.tables.has(q.key) && body.if_not_exists)
            return;
        const table = this.addTable(q, changeSet);
        // Inheritance, PARTITION OF and LIKE copy the parent's columns (names, types, NOT NULL).
        const copyFrom = (rangeVar) => {
            const from = this.table(this.qualify(rangeVar).key);
            for (const column of from?.columns.values() ?? []) {
                table.columns.set(column.name, { ...column, addedIn: changeSet });
            }
            if (!from || from.columnsUnknown)
                table.columnsUnknown = true;
        };
        for (const parent of body.inhRelations ?? [])
            copyFrom(as(parent, 'RangeVar'));
        for (const element of body.tableElts ?? []) {
            const like = as(element, 'TableLikeClause');
            if (like)
                copyFrom(like.relation);
            const column = as(element, 'ColumnDef');
            if (column)
                this.addColumn(table, column, changeSet);
            const constraint = as(element, 'Constraint');
            if (constraint)
                this.addConstraint(table, constraint, changeSet);
        }
    }
    addColumn(table, def, changeSet) {
        const type = typeRef(def.typeName);
        const column = {
            name: def.colname ?? '',
            type,
            notNull: false,
            hasDefault: /^(small|big)?serial[248]?$/.test(type.name),
            addedIn: changeSet
        };
        if (column.hasDefault)
            column.notNull = true;
        table.columns.set(column.name, column);
        for (const node of def.constraints ?? []) {
            const constraint = as(node, 'Constraint');
            switch (constraint?.contype) {
                case 'CONSTR_NOTNULL':
                    column.notNull = true;
                    break;
                case 'CONSTR_DEFAULT':
                case 'CONSTR_IDENTITY':
                case 'CONSTR_GENERATED':
                    column.hasDefault = true;
                    if (constraint.contype === 'CONSTR_IDENTITY')
                        column.notNull = true;
                    break;
                case 'CONSTR_PRIMARY':
                    column.notNull = true;
                    this.addConstraint(table, { ...constraint, keys: [{ String: { sval: column.name } }] }, changeSet);
                    break;
                case 'CONSTR_UNIQUE':
                case 'CONSTR_CHECK':
                case 'CONSTR_FOREIGN':
                    this.addConstraint(table, { ...constraint, keys: [{ String: { sval: column.name } }], fk_attrs: [{ String: { sval: column.name } }] }, changeSet);
                    break;
                default:
                    break;
            }
        }
    }
    addConstraint(table, c, changeSet) {
        const kinds = {
            CONSTR_PRIMARY: 'primary',
            CONSTR_UNIQUE: 'unique',
            CONSTR_FOREIGN: 'foreign',
            CONSTR_CHECK: 'check',
            CONSTR_EXCLUSION: 'exclusion',
            CONSTR_NOTNULL: 'notnull'
        };
        const kind = c.contype === undefined ? undefined : kinds[c.contype];
        if (!kind)
            return;
        let columns = kind === 'foreign' ? names(c.fk_attrs) : names(c.keys);
        if (c.indexname && columns.length === 0) {
            const index = this.indexes.get(`${table.schema}.${c.indexname}`);
            columns = index?.columns ?? [];
        }
        if (kind === 'check')
            columns = checkedColumns(c.raw_expr);
        const name = c.conname ?? defaultConstraintName(table.name, kind, columns);
        table.constraints.set(name, {
            name,
            kind,
            columns,
            validated: !c.skip_validation,
            ...(kind === 'check' ? { provesNotNull: provenNotNull(c.raw_expr) } : {}),
            references: kind === 'foreign' && c.pktable ? this.qualify(c.pktable).key : undefined,
            addedIn: changeSet
        });
        if (kind === 'primary')
            markNotNull(table, columns);
        if (c.indexname && (kind === 'primary' || kind === 'unique')) {
            // USING INDEX turns the index into the constraint's own: it no longer exists under its old name.
            this.indexes.delete(`${table.schema}.${c.indexname}`);
        }
    }
    alterTable(body, changeSet, problems) {
        if (body.objtype && body.objtype !== 'OBJECT_TABLE')
            return;
        const q = this.qualify(body.relation);
        const table = this.table(q.key);
        if (!table) {
            if (this.unseen(q.name) && !body.missing_ok) {
                problems.push({
                    message: `table ${q.name} does not exist in the schema built so far`,
                    location: body.relation?.location
                });
            }
            return;
        }
        for (const node of body.cmds ?? []) {
            const cmd = as(node, 'AlterTableCmd');
            if (!cmd)
                continue;
            // Every subcommand handled below names its column or constraint.
            const name = cmd.name ?? '';
            const column = name ? table.columns.get(name) : undefined;
            const missingColumn = () => {
                if (!cmd.missing_ok && !table.columnsUnknown && this.unseen(name, table.name))
                    problems.push({
                        message: `column ${cmd.name} does not exist in table ${table.name}`,
                        location: body.relation?.location
                    });
            };
            switch (cmd.subtype) {
                case 'AT_AddColumn': {
                    const def = as(cmd.def, 'ColumnDef');
                    if (def && !(cmd.missing_ok && table.columns.has(def.colname ?? '')))
                        this.addColumn(table, def, changeSet);
                    break;
                }
                case 'AT_DropColumn':
                    if (!column)
                        missingColumn();
                    table.columns.delete(name);
                    for (const [key, c] of table.constraints)
                        if (c.columns.includes(name))
                            table.constraints.delete(key);
                    for (const [key, index] of this.indexes)
                        if (index.table === table.key && index.columns.includes(name))
                            this.indexes.delete(key);
                    break;
                case 'AT_AlterColumnType':
                    if (!column)
                        missingColumn();
                    else
                        column.type = typeRef(as(cmd.def, 'ColumnDef')?.typeName);
                    break;
                case 'AT_SetNotNull':
                    if (!column)
                        missingColumn();
                    else
                        column.notNull = true;
                    break;
                case 'AT_DropNotNull':
                    if (!column)
                        missingColumn();
                    else
                        column.notNull = false;
                    break;
                case 'AT_ColumnDefault':
                    if (!column)
                        missingColumn();
                    else
                        column.hasDefault = cmd.def !== undefined;
                    break;
                case 'AT_AddConstraint': {
                    const c = as(cmd.def, 'Constraint');
                    if (c)
                        this.addConstraint(table, c, changeSet);
                    break;
                }
                case 'AT_ValidateConstraint': {
                    const c = table.constraints.get(name);
                    if (c)
                        c.validated = true;
                    break;
                }
                case 'AT_DropConstraint':
                    if (!table.constraints.delete(name)) {
                        // Constraint names the replay had to invent may differ from the server's: only a known table with
                        // no constraint at all is evidence enough.
                        if (!cmd.missing_ok && table.constraints.size === 0 && this.unseen(name, table.name)) {
                            problems.push({
                                message: `constraint ${cmd.name} does not exist on table ${table.name}`,
                                location: body.relation?.location
                            });
                        }
                    }
                    this.indexes.delete(`${table.schema}.${cmd.name}`);
                    break;
                default:
                    break;
            }
        }
    }
    rename(body, problems) {
        // Every rename handled below has a new name, and a column or constraint rename its old one.
        const newname = body.newname ?? '';
        const subname = body.subname ?? '';
        const missing = (message, location) => {
            const names = [body.relation?.relname, body.subname].filter((n) => typeof n === 'string');
            if (!body.missing_ok && this.unseen(...names))
                problems.push({ message, location });
        };
        switch (body.renameType) {
            case 'OBJECT_TABLE':
            case 'OBJECT_VIEW':
            case 'OBJECT_MATVIEW': {
                const q = this.qualify(body.relation);
                const table = this.tables.get(q.key);
                if (!table) {
                    if (body.renameType === 'OBJECT_TABLE')
                        missing(`table ${q.name} does not exist in the schema built so far`, body.relation?.location);
                    return;
                }
                const key = `${q.schema}.${newname}`;
                this.tables.delete(q.key);
                table.name = newname;
                table.key = key;
                this.tables.set(key, table);
                for (const index of this.indexes.values())
                    if (index.table === q.key)
                        index.table = key;
                return;
            }
            case 'OBJECT_COLUMN': {
                const q = this.qualify(body.relation);
                const table = this.tables.get(q.key);
                if (!table)
                    return missing(`table ${q.name} does not exist in the schema built so far`, body.relation?.location);
                const column = table.columns.get(subname);
                if (!column && table.columnsUnknown)
                    return;
                if (!column)
                    return missing(`column ${subname} does not exist in table ${q.name}`, body.relation?.location);
                table.columns.delete(subname);
                column.name = newname;
                table.columns.set(newname, column);
                const swap = (cols) => cols.map((c) => (c === subname ? newname : c));
                for (const c of table.constraints.values())
                    c.columns = swap(c.columns);
                for (const index of this.indexes.values())
                    if (index.table === table.key)
                        index.columns = swap(index.columns);
                return;
            }
            case 'OBJECT_INDEX': {
                const q = this.qualify(body.relation);
                const index = this.indexes.get(q.key);
                if (!index) {
                    // An index may be a constraint's index, which the replay tracks as a constraint.
                    const owner = [...this.tables.values()].find((t) => t.schema === q.schema && t.constraints.has(q.name));
                    if (owner) {
                        const c = owner.constraints.get(q.name);
                        owner.constraints.delete(q.name);
                        owner.constraints.set(newname, { ...c, name: newname });
                    }
                    return;
                }
                this.indexes.delete(q.key);
                index.name = newname;
                index.key = `${q.schema}.${newname}`;
                this.indexes.set(index.key, index);
                return;
            }
            case 'OBJECT_TABCONSTRAINT': {
                const table = this.tables.get(this.qualify(body.relation).key);
                const c = table?.constraints.get(subname);
                if (table && c) {
                    table.constraints.delete(subname);
                    table.constraints.set(newname, { ...c, name: newname });
                }
                return;
            }
            default:
                return;
        }
    }
    drop(body, problems) {
        for (const object of body.objects ?? []) {
            const list = as(object, 'List')?.items;
            switch (body.removeType) {
                case 'OBJECT_TABLE': {
                    const q = this.qualifyList(list);
                    if (!this.tables.delete(q.key)) {
                        if (!body.missing_ok && this.unseen(q.name))
                            problems.push({ message: `table ${q.name} does not exist in the schema built so far` });
                    }
                    for (const [key, index] of this.indexes)
                        if (index.table === q.key)
                            this.indexes.delete(key);
                    break;
                }
                case 'OBJECT_INDEX': {
                    const q = this.qualifyList(list);
                    if (!this.indexes.delete(q.key)) {
                        const owner = [...this.tables.values()].find((t) => t.schema === q.schema && t.constraints.has(q.name));
                        owner?.constraints.delete(q.name);
                    }
                    break;
                }
                case 'OBJECT_TYPE': {
                    const typeName = as(object, 'TypeName');
                    if (typeName)
                        this.types.delete(listName(typeName.names).key);
                    break;
                }
                default:
                    // Views are not modelled (a view and a table cannot share a name, so nothing to remove).
                    break;
            }
        }
    }
    createIndex(body, changeSet) {
        const table = this.qualify(body.relation);
        // An expression element keeps its place (as "(expression)") so "leading columns" stop there.
        const columns = (body.indexParams ?? []).map((p) => as(p, 'IndexElem')?.name ?? '(expression)');
        const name = body.idxname ?? `${table.name}_${columns.map((c) => (c === '(expression)' ? 'expr' : c)).join('_')}_idx`;
        const key = `${table.schema}.${name}`;
        if (this.indexes.has(key) && body.if_not_exists)
            return;
        this.indexes.set(key, { name, key, table: table.key, columns, unique: !!body.unique, createdIn: changeSet });
        if (body.primary) {
            const info = this.tables.get(table.key);
            if (info)
                markNotNull(info, columns);
        }
    }
}
/** PostgreSQL's generated constraint names (ChooseConstraintName): t_pkey, t_a_b_key, t_a_fkey, t_a_check... */
function defaultConstraintName(table, kind, columns) {
    const cols = columns.length ? `_${columns.join('_')}` : '';
    switch (kind) {
        case 'primary':
            return `${table}_pkey`;
        case 'unique':
            return `${table}${cols}_key`;
        case 'foreign':
            return `${table}${cols}_fkey`;
        case 'exclusion':
            return `${table}${cols}_excl`;
        case 'notnull':
            return `${table}${cols}_not_null`;
        default:
            return `${table}${columns.length ? `_${columns[0]}` : ''}_check`;
    }
}
/** Columns a CHECK expression mentions. */
function checkedColumns(expr) {
    const found = new Set();
    for (const ref of findAll(expr, 'ColumnRef')) {
        const field = names(ref.fields).pop();
        if (field)
            found.add(field);
    }
    return [...found];
}
/** Columns `col IS NOT NULL` proves, alone or as terms of an AND. */
function provenNotNull(expr) {
    const test = as(expr, 'NullTest');
    if (test?.nulltesttype === 'IS_NOT_NULL') {
        const field = names(as(test.arg, 'ColumnRef')?.fields).pop();
        return field ? [field] : [];
    }
    const bool = as(expr, 'BoolExpr');
    if (bool?.boolop === 'AND_EXPR')
        return (bool.args ?? []).flatMap(provenNotNull);
    return [];
}
function markNotNull(table, columns) {
    for (const name of columns) {
        const column = table.columns.get(name);
        if (column)
            column.notNull = true;
    }
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/locks.ts
// The table-level lock each statement takes, from the PostgreSQL documentation's "Explicit Locking" and the
// lock level listed on each ALTER TABLE form. Used for lock_timeout advice and "lock held across statements".

/** Ordered weakest to strongest, as in the documentation's conflict table. */
const LOCK_MODES = [
    'AccessShare',
    'RowShare',
    'RowExclusive',
    'ShareUpdateExclusive',
    'Share',
    'ShareRowExclusive',
    'Exclusive',
    'AccessExclusive'
];
/** Blocks plain reads (SELECT) of the table while held. */
function blocksReads(mode) {
    return mode === 'AccessExclusive';
}
/** Blocks writes (INSERT/UPDATE/DELETE) while held. */
function blocksWrites(mode) {
    return LOCK_MODES.indexOf(mode) >= LOCK_MODES.indexOf('Share');
}
function stronger(a, b) {
    return LOCK_MODES.indexOf(a) >= LOCK_MODES.indexOf(b) ? a : b;
}
const ALTER_TABLE_LOCKS = {
    AT_ValidateConstraint: 'ShareUpdateExclusive',
    AT_SetStatistics: 'ShareUpdateExclusive',
    AT_SetRelOptions: 'ShareUpdateExclusive',
    AT_ResetRelOptions: 'ShareUpdateExclusive',
    AT_ClusterOn: 'ShareUpdateExclusive',
    AT_DropCluster: 'ShareUpdateExclusive',
    AT_AttachPartition: 'ShareUpdateExclusive',
    AT_EnableTrig: 'ShareRowExclusive',
    AT_DisableTrig: 'ShareRowExclusive',
    AT_EnableAlwaysTrig: 'ShareRowExclusive',
    AT_EnableReplicaTrig: 'ShareRowExclusive',
    AT_EnableTrigAll: 'ShareRowExclusive',
    AT_DisableTrigAll: 'ShareRowExclusive',
    AT_EnableTrigUser: 'ShareRowExclusive',
    AT_DisableTrigUser: 'ShareRowExclusive'
};
/**
 * The locks a statement takes on tables (not counting row locks); empty for statements that lock no table.
 * Statements naming an index (DROP INDEX, ALTER INDEX, REINDEX INDEX) lock its table, found through `owner`;
 * without it, or for an index the replay does not know, the index's own key stands in for the table.
 */
function locksOf(statement, owner) {
    return rawLocksOf(statement).map((lock) => lock.index ? { table: owner?.(lock.table) ?? lock.table, mode: lock.mode } : { table: lock.table, mode: lock.mode });
}
function rawLocksOf(statement) {
    const { kind, body } = statement;
    switch (kind) {
        case 'AlterTableStmt': {
            if (body.objtype === 'OBJECT_INDEX') {
                return [{ table: relationName(body.relation).key, mode: 'AccessExclusive', index: true }];
            }
            let mode = 'AccessShare';
            const extra = [];
            for (const node of body.cmds ?? []) {
                const cmd = as(node, 'AlterTableCmd');
                if (!cmd)
                    continue;
                let cmdMode = (cmd.subtype && ALTER_TABLE_LOCKS[cmd.subtype]) ?? 'AccessExclusive';
                if (cmd.subtype === 'AT_DetachPartition' && as(cmd.def, 'PartitionCmd')?.concurrent)
                    cmdMode = 'ShareUpdateExclusive';
                const constraint = as(cmd.def, 'Constraint');
                if (cmd.subtype === 'AT_AddConstraint' && constraint?.contype === 'CONSTR_FOREIGN') {
                    cmdMode = 'ShareRowExclusive';
                    if (constraint.pktable)
                        extra.push({ table: relationName(constraint.pktable).key, mode: 'ShareRowExclusive' });
                }
                mode = stronger(mode, cmdMode);
            }
            return [{ table: relationName(body.relation).key, mode }, ...extra];
        }
        case 'RenameStmt':
            return body.relation ? [{ table: relationName(body.relation).key, mode: 'AccessExclusive' }] : [];
        case 'IndexStmt':
            return [{ table: relationName(body.relation).key, mode: body.concurrent ? 'ShareUpdateExclusive' : 'Share' }];
        case 'DropStmt': {
            const tableLike = ['OBJECT_TABLE', 'OBJECT_INDEX', 'OBJECT_MATVIEW', 'OBJECT_VIEW'];
            if (body.removeType === undefined || !tableLike.includes(body.removeType))
                return [];
            const mode = body.concurrent ? 'ShareUpdateExclusive' : 'AccessExclusive';
            const index = body.removeType === 'OBJECT_INDEX';
            return (body.objects ?? []).map((o) => ({ table: listName(as(o, 'List')?.items).key, mode, index }));
        }
        case 'TruncateStmt':
            return (body.relations ?? []).map((r) => ({
                table: relationName(as(r, 'RangeVar')).key,
                mode: 'AccessExclusive'
            }));
        case 'VacuumStmt': {
            const full = (body.options ?? []).some((o) => as(o, 'DefElem')?.defname === 'full');
            if (!full)
                return [];
            return (body.rels ?? []).map((r) => ({
                table: relationName(as(r, 'VacuumRelation')?.relation).key,
                mode: 'AccessExclusive'
            }));
        }
        case 'ClusterStmt':
            return body.relation ? [{ table: relationName(body.relation).key, mode: 'AccessExclusive' }] : [];
        case 'ReindexStmt':
            if (body.params?.some((p) => as(p, 'DefElem')?.defname === 'concurrently'))
                return [];
            return body.relation
                ? [
                    {
                        table: relationName(body.relation).key,
                        mode: 'AccessExclusive',
                        index: body.kind === 'REINDEX_OBJECT_INDEX'
                    }
                ]
                : [];
        case 'CreateTrigStmt':
            return [{ table: relationName(body.relation).key, mode: 'ShareRowExclusive' }];
        case 'RefreshMatViewStmt':
            return [{ table: relationName(body.relation).key, mode: body.concurrent ? 'Exclusive' : 'AccessExclusive' }];
        case 'LockStmt': {
            const modes = [...LOCK_MODES];
            const mode = modes[(body.mode ?? 8) - 1] ?? 'AccessExclusive';
            return (body.relations ?? []).map((r) => ({ table: relationName(as(r, 'RangeVar')).key, mode }));
        }
        case 'CreateStmt':
            // A new table is not contended, but its foreign keys lock the referenced tables.
            return referencedByCreate(body).map((table) => ({ table, mode: 'ShareRowExclusive' }));
        default:
            return [];
    }
}
function referencedByCreate(body) {
    const found = [];
    for (const element of body.tableElts ?? []) {
        const constraints = [
            as(element, 'Constraint'),
            ...(as(element, 'ColumnDef')?.constraints ?? []).map((c) => as(c, 'Constraint'))
        ];
        for (const c of constraints)
            if (c?.contype === 'CONSTR_FOREIGN' && c.pktable)
                found.push(relationName(c.pktable).key);
    }
    return found;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/excerpt.ts
// Messages may quote a little of the file, never more: a file that is not SQL at all (a key, a token file
// reached by mistake) must not end up in a summary, an annotation or a pull request comment.
/** The most characters of file text any message quotes. */
const EXCERPT_MAX = 40;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
function escapeControl(text) {
    return text.replace(CONTROL, (c) => {
        if (c === '\n')
            return '\\n';
        if (c === '\r')
            return '\\r';
        if (c === '\t')
            return '\\t';
        return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
    });
}
/** At most EXCERPT_MAX characters of `text` (code points, never half a pair), control characters escaped. */
function excerpt(text, max = EXCERPT_MAX) {
    const chars = Array.from(text.slice(0, max * 2 + 2));
    const cut = chars.length > max || text.length > max * 2 + 2;
    return escapeControl(chars.slice(0, max).join('')) + (cut ? '…' : '');
}
/**
 * A parser message made safe to show: the text it quotes after `at or near` (which for an unterminated string
 * or comment is the whole rest of the file) cut to an excerpt, control characters escaped, the length bounded.
 */
function safeParserMessage(message) {
    const near = /^([\s\S]*? at or near ")([\s\S]*)"([\s\S]*)$/.exec(message);
    if (near)
        return escapeControl(near[1]) + excerpt(near[2]) + '"' + excerpt(near[3], 120);
    return excerpt(message, 240);
}

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(78877);
// EXTERNAL MODULE: ./node_modules/libpg-query/wasm/libpg-query.js
var libpg_query = __webpack_require__(53995);
var libpg_query_default = /*#__PURE__*/__webpack_require__.n(libpg_query);
;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/pg-parser.ts
// libpg-query's WebAssembly parser, called directly. The package's own wrapper copies the SQL into wasm memory
// and the JSON back out one byte at a time in JavaScript; on a cold run (every CI run) that cost as much as
// the parsing itself. Here the copies are TextEncoder/TextDecoder calls, which are native.


/** PostgreSQL's error for SQL it rejects; `cursorPosition` is 0-based and counts characters, not bytes. */
class PgSyntaxError extends Error {
    cursorPosition;
    constructor(message, cursorPosition) {
        super(message);
        this.cursorPosition = cursorPosition;
        this.name = 'PgSyntaxError';
    }
}
let wasm;
let loading;
/**
 * V8 runs WebAssembly first as baseline (Liftoff) code and recompiles a function that has run long enough with
 * its optimising compiler. The parser's main function is one huge state machine that gets there within the
 * first files, and optimising it cost ~50 MB and ~0.2 s of CPU on Node 20, and ~550 MB (a peak RSS of 610 MB for
 * a one-file run, 700 MB for 820 files) and ~0.3 s on Node 24: more than the faster code ever saves on a CI
 * run. So the parser stays baseline code. These flags are read when a module is compiled, so they are set just
 * before; each is named on its own because Node 24 does not derive the tiering ones from --liftoff-only.
 */
const BASELINE_WASM_ONLY = '--liftoff-only --no-wasm-tier-up --no-wasm-dynamic-tiering';
/** Instantiates the parser once; the synchronous calls below need it resolved. */
function loadPgParser() {
    if (!loading)
        (0,external_node_v8_.setFlagsFromString)(BASELINE_WASM_ONLY);
    return (loading ??= libpg_query_default()().then((module) => {
        wasm = module;
    }));
}
function parser() {
    if (!wasm)
        throw new Error('the PostgreSQL parser is not loaded: await loadPgParser() first');
    return wasm;
}
const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** Copies `text` into wasm memory as a NUL-terminated UTF-8 string; the caller frees it. */
function toWasm(module, text) {
    const bytes = encoder.encode(text);
    const pointer = module._malloc(bytes.length + 1);
    if (!pointer)
        throw new Error(`the PostgreSQL parser could not allocate ${bytes.length} bytes`);
    // HEAPU8 is replaced when memory grows, so it is read after the allocation.
    module.HEAPU8.set(bytes, pointer);
    module.HEAPU8[pointer + bytes.length] = 0;
    return pointer;
}
function fromWasm(module, pointer) {
    const heap = module.HEAPU8;
    const end = heap.indexOf(0, pointer);
    return decoder.decode(heap.subarray(pointer, end === -1 ? heap.length : end));
}
/** The parse tree of `sql` as libpg-query's JSON (`{ version, stmts: [...] }`); throws PgSyntaxError. */
function parseSql(sql) {
    const module = parser();
    const query = toWasm(module, sql);
    let result = 0;
    try {
        result = module._wasm_parse_query_raw(query);
        if (!result)
            throw new Error('the PostgreSQL parser ran out of memory');
        // struct PgQueryParseResult { char *parse_tree; char *stderr_buffer; PgQueryError *error; }
        const tree = module.HEAPU32[result >> 2];
        const error = module.HEAPU32[(result + 8) >> 2];
        if (error) {
            // struct PgQueryError { char *message; char *funcname; char *filename; int lineno; int cursorpos; ... }
            const message = module.HEAPU32[error >> 2];
            const cursor = module.HEAPU32[(error + 16) >> 2] | 0;
            throw new PgSyntaxError(message ? fromWasm(module, message) : 'syntax error', cursor > 0 ? cursor - 1 : 0);
        }
        if (!tree)
            throw new Error('the PostgreSQL parser returned no parse tree');
        return JSON.parse(fromWasm(module, tree));
    }
    finally {
        module._free(query);
        if (result)
            module._wasm_free_parse_result(result);
    }
}
/** PostgreSQL's error for a PL/pgSQL body it rejects; the parser reports no position for these. */
class PlpgsqlError extends Error {
    name = 'PlpgsqlError';
}
/**
 * The PL/pgSQL parse tree of the DO blocks (and PL/pgSQL functions) in `sql`: libpg-query compiles each body as
 * the server does when it runs it, so a body the server would reject throws PlpgsqlError with its message.
 */
function parsePlpgsql(sql) {
    const module = parser();
    const query = toWasm(module, sql);
    let result = 0;
    try {
        result = module._wasm_parse_plpgsql(query);
        if (!result)
            throw new Error('the PL/pgSQL parser ran out of memory');
        const text = fromWasm(module, result);
        // Success is a JSON object; anything else is the error message.
        if (!text.startsWith('{'))
            throw new PlpgsqlError(text || 'the PL/pgSQL body does not compile');
        return JSON.parse(text);
    }
    finally {
        module._free(query);
        if (result)
            module._wasm_free_string(result);
    }
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/source-text.ts
/**
 * A migration file's text with the conversions the parser forces on us: libpg-query reports UTF-8 byte
 * offsets, annotations want 1-based line and column in characters. ASCII text (nearly every migration) takes a
 * fast path where bytes and characters coincide.
 */
class SourceText {
    /** The file's text, followed by the virtual texts added with addVirtual (each after a newline). */
    text;
    byteLength;
    /** The length of the file itself: offsets at or past it are in a virtual text. */
    fileByteLength;
    ascii;
    byteToChar;
    charToByte;
    lineStarts;
    virtual = [];
    constructor(text) {
        this.text = text;
        this.byteLength = Buffer.byteLength(text, 'utf8');
        this.fileByteLength = this.byteLength;
        this.ascii = this.byteLength === text.length;
    }
    /**
     * Appends SQL that runs but is not written verbatim in the file (a DO body in an escaped string, a string
     * an EXECUTE computes), so rules read it like any other statement; `toFile` maps a byte offset in `text` to
     * the byte of the file (or of an earlier virtual text) it comes from, for positions. Returns the offset of
     * `text`'s first byte.
     */
    addVirtual(text, toFile) {
        const base = this.byteLength + 1;
        const bytes = Buffer.byteLength(text, 'utf8');
        this.text += `\n${text}`;
        this.byteLength = base + bytes;
        this.ascii &&= bytes === text.length;
        this.byteToChar = this.charToByte = this.lineStarts = undefined;
        this.virtual.push({ base, end: base + bytes, toFile });
        return base;
    }
    /** The file offset a byte of a virtual text stands for (itself for a byte of the file). */
    fileOffset(byteOffset) {
        let offset = byteOffset;
        // Each step maps into an earlier (lower) region or into the file, so this ends.
        for (let guard = 0; offset > this.fileByteLength && guard < 64; guard++) {
            const region = this.virtual.find((r) => offset >= r.base && offset <= r.end);
            if (!region)
                return this.fileByteLength;
            offset = region.toFile(Math.max(0, offset - region.base));
        }
        return Math.min(offset, this.fileByteLength);
    }
    /** The byte offset of a character (UTF-16) index. */
    byteIndex(charIndex) {
        const index = Math.max(0, Math.min(charIndex, this.text.length));
        if (this.ascii)
            return index;
        if (!this.charToByte) {
            const map = new Uint32Array(this.text.length + 1);
            let byte = 0;
            for (let i = 0; i < this.text.length; i++) {
                map[i] = byte;
                const code = this.text.charCodeAt(i);
                byte += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3;
            }
            map[this.text.length] = byte;
            this.charToByte = map;
        }
        return this.charToByte[index];
    }
    /** The character (UTF-16) index of a byte offset; an offset inside a multi-byte character maps to its start. */
    charIndex(byteOffset) {
        const offset = Math.max(0, Math.min(byteOffset, this.byteLength));
        if (this.ascii)
            return offset;
        this.byteToChar ??= buildByteToChar(this.text, this.byteLength);
        return this.byteToChar[offset];
    }
    /**
     * The byte offset of a 0-based code point index: the parser's error cursor counts characters (PostgreSQL's
     * multibyte-aware cursorpos), not bytes, unlike every other location it reports.
     */
    byteOfCodePoint(codePoint) {
        if (this.ascii)
            return Math.max(0, Math.min(codePoint, this.byteLength));
        let byte = 0;
        let seen = 0;
        for (let i = 0; i < this.text.length && seen < codePoint; i++, seen++) {
            const code = this.text.charCodeAt(i);
            if (code < 0x80)
                byte += 1;
            else if (code < 0x800)
                byte += 2;
            else if (code >= 0xd800 && code <= 0xdbff && i + 1 < this.text.length) {
                byte += 4;
                i++;
            }
            else
                byte += 3;
        }
        return byte;
    }
    /** Text between two byte offsets. */
    slice(range) {
        return this.text.slice(this.charIndex(range.start), this.charIndex(range.end));
    }
    /** 1-based line and column of a character index. */
    position(charIndex) {
        const starts = (this.lineStarts ??= lineStartsOf(this.text));
        let low = 0;
        let high = starts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (starts[mid] <= charIndex)
                low = mid;
            else
                high = mid - 1;
        }
        return { line: low + 1, column: charIndex - starts[low] + 1 };
    }
    /** Line and column of a byte range of the file (a range in a virtual text is mapped to the file first). */
    span(range) {
        const startByte = range.start > this.fileByteLength ? this.fileOffset(range.start) : range.start;
        let endByte = range.end > this.fileByteLength ? this.fileOffset(range.end) : range.end;
        if (endByte < startByte)
            endByte = startByte;
        const start = this.position(this.charIndex(startByte));
        const end = this.position(this.charIndex(endByte));
        return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    }
}
function lineStartsOf(text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
        starts.push(i + 1);
    return starts;
}
function buildByteToChar(text, byteLength) {
    const map = new Uint32Array(byteLength + 1);
    let byte = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        let width;
        if (code < 0x80)
            width = 1;
        else if (code < 0x800)
            width = 2;
        else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
            // A surrogate pair is one 4-byte UTF-8 character spanning two UTF-16 units.
            width = 4;
            for (let k = 0; k < width; k++)
                map[byte + k] = i;
            byte += width;
            i++;
            continue;
        }
        else
            width = 3;
        for (let k = 0; k < width; k++)
            map[byte + k] = i;
        byte += width;
    }
    map[byteLength] = text.length;
    return map;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/sql-lexer.ts
// A small SQL lexer for locating things inside a statement the parser already accepted (type names, ALTER TABLE
// subcommands, identifiers). libpg-query's scanner does the same job through WebAssembly at ~0.2 ms a call,
// which made token lookups cost more than parsing; this one only needs to agree with it on token boundaries.
const OPERATOR = /[+\-*/<>=~!@#%^&|`?]/;
function isIdentStart(code) {
    return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code >= 128;
}
function isIdentPart(code) {
    return isIdentStart(code) || (code >= 48 && code <= 57) || code === 36;
}
/** UTF-8 bytes of one UTF-16 unit (a surrogate pair counts 2 + 2). */
function width(code) {
    if (code < 0x80)
        return 1;
    if (code < 0x800 || (code >= 0xd800 && code <= 0xdfff))
        return 2;
    return 3;
}
/**
 * Tokens of `text`, whose first character is at byte `baseByte` of the file; comments are skipped, or collected
 * into `comments` (with their delimiters) when it is given.
 */
function lexSql(text, baseByte, comments) {
    const tokens = [];
    const ascii = !/[\u0080-\uffff]/.test(text);
    let i = 0;
    let byte = baseByte;
    const advanceTo = (j) => {
        if (ascii)
            byte += j - i;
        else
            for (let k = i; k < j; k++)
                byte += width(text.charCodeAt(k));
        i = j;
    };
    const push = (j, word, into = tokens) => {
        const start = byte;
        const from = i;
        advanceTo(j);
        into.push({ start, end: byte, text: text.slice(from, j), ...(word !== undefined ? { word } : {}) });
    };
    while (i < text.length) {
        const c = text[i];
        const code = text.charCodeAt(i);
        if (c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
            advanceTo(i + 1);
        }
        else if (c === '-' && text[i + 1] === '-') {
            // As in the server's scanner, a -- comment ends at a carriage return as well as at a newline.
            if (comments)
                push(lineEnd(text, i), undefined, comments);
            else
                advanceTo(lineEnd(text, i));
        }
        else if (c === '/' && text[i + 1] === '*') {
            let depth = 0;
            let j = i;
            do {
                if (text.startsWith('/*', j)) {
                    depth++;
                    j += 2;
                }
                else if (text.startsWith('*/', j)) {
                    depth--;
                    j += 2;
                }
                else
                    j++;
            } while (depth > 0 && j < text.length);
            if (comments)
                push(j, undefined, comments);
            else
                advanceTo(j);
        }
        else if (c === "'" || ((c === 'e' || c === 'E') && text[i + 1] === "'")) {
            push(stringEnd(text, c === "'" ? i : i + 1, c !== "'"));
        }
        else if ((/[bBxXnN]/.test(c) && text[i + 1] === "'") || (/[uU]/.test(c) && text.startsWith("&'", i + 1))) {
            push(stringEnd(text, text.indexOf("'", i), false));
        }
        else if (c === '"' || (/[uU]/.test(c) && text.startsWith('&"', i + 1))) {
            const open = text.indexOf('"', i);
            let j = open + 1;
            for (;;) {
                const close = text.indexOf('"', j);
                if (close === -1) {
                    j = text.length;
                    break;
                }
                if (text[close + 1] === '"')
                    j = close + 2;
                else {
                    j = close + 1;
                    break;
                }
            }
            push(j, text.slice(open + 1, Math.max(open + 1, j - 1)).replace(/""/g, '"'));
        }
        else if (c === '$' && /[A-Za-z_$\u0080-\uffff]/.test(text[i + 1] ?? '') && dollarTag(text, i)) {
            const tag = dollarTag(text, i);
            const close = text.indexOf(tag, i + tag.length);
            push(close === -1 ? text.length : close + tag.length);
        }
        else if (c === '$' && /[0-9]/.test(text[i + 1] ?? '')) {
            let j = i + 1;
            while (j < text.length && /[0-9]/.test(text[j]))
                j++;
            push(j);
        }
        else if (isIdentStart(code)) {
            let j = i + 1;
            while (j < text.length && isIdentPart(text.charCodeAt(j)))
                j++;
            push(j, text.slice(i, j).replace(/[A-Z]+/g, (s) => s.toLowerCase()));
        }
        else if ((code >= 48 && code <= 57) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
            push(numberEnd(text, i));
        }
        else if ((c === ':' && text[i + 1] === ':') || (c === '.' && text[i + 1] === '.')) {
            push(i + 2);
        }
        else if (OPERATOR.test(c)) {
            let j = i + 1;
            while (j < text.length && OPERATOR.test(text[j]) && !text.startsWith('--', j) && !text.startsWith('/*', j))
                j++;
            push(j);
        }
        else {
            push(i + 1);
        }
    }
    return tokens;
}
/** End of a numeric literal: digits, one optional fraction, an optional exponent (and `_` separators). */
function numberEnd(text, i) {
    // `1..2` is 1, `..` (a PL/pgSQL range), 2: a fraction never starts with a second dot.
    const match = /^(?:0[xob][0-9a-f_]+|[0-9_]*(?:\.(?!\.)[0-9_]*)?(?:e[+-]?[0-9_]+)?)/i.exec(text.slice(i, i + 400));
    return i + Math.max(1, match?.[0].length ?? 1);
}
/** End of a quoted string opened at `open` ('' escapes; backslash escapes too in E'' strings). */
function stringEnd(text, open, backslashes) {
    let j = open + 1;
    while (j < text.length) {
        const c = text[j];
        if (backslashes && c === '\\')
            j += 2;
        else if (c === "'") {
            if (text[j + 1] === "'")
                j += 2;
            else
                return j + 1;
        }
        else
            j++;
    }
    return text.length;
}
/** `$tag$` at `i` (the tag may be empty: `$$`), or undefined when `$` starts no dollar quote. */
function dollarTag(text, i) {
    const match = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(text.slice(i, i + 80));
    return match ? match[0] : undefined;
}
/** The index of the first CR or LF at or after `from`, or the text's length. */
function lineEnd(text, from) {
    for (let i = from; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === 10 || code === 13)
            return i;
    }
    return text.length;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/parse.ts





/** The wasm parser must be instantiated once before the synchronous calls work. */
function loadParser() {
    return loadPgParser();
}
/**
 * Parses a whole file; a syntax error keeps the statements before it so they can still be linted. `encoding` is
 * what decoding the file's bytes found (engine/encoding.ts): the server refuses the file at that character.
 */
function parseMigration(raw, encoding) {
    const text = wellFormed(raw);
    const source = new SourceText(text);
    if (encoding?.whole)
        return { source, statements: [], syntaxError: { message: encoding.message, range: { start: 0, end: 0 } } };
    // The parser takes a C string: a NUL would silently end the file there. PostgreSQL rejects the byte outright.
    const nul = text.indexOf('\0');
    const invalid = nul !== -1 && (encoding === undefined || nul < encoding.index)
        ? {
            index: nul,
            message: 'invalid byte sequence for encoding "UTF8": 0x00 (a NUL character, which PostgreSQL rejects)'
        }
        : encoding;
    if (invalid) {
        const at = Buffer.byteLength(text.slice(0, invalid.index), 'utf8');
        // One character wide (a replacement character stands for the bad byte in the text).
        const width = Buffer.byteLength(String.fromCodePoint(text.codePointAt(invalid.index) ?? 0), 'utf8');
        const syntaxError = { message: invalid.message, range: { start: at, end: at + width } };
        return { source, statements: statementsBefore(source, at), syntaxError };
    }
    // libpg-query rejects the empty string outright; an empty migration is valid (and harmless) SQL.
    if (text === '')
        return { source, statements: [] };
    try {
        return { source, statements: toStatements(source, parseSql(text)) };
    }
    catch (error) {
        const syntaxError = toSyntaxError(source, error);
        return { source, statements: statementsBefore(source, syntaxError.range.start), syntaxError };
    }
}
/**
 * Lone UTF-16 surrogates (only possible in text not decoded from a file) become U+FFFD, one unit for one, so
 * columns are unchanged: the wasm encoder would write them as 4 bytes, Buffer as 3, and offsets would drift.
 */
function wellFormed(text) {
    if (!/[\uD800-\uDFFF]/.test(text))
        return text;
    return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
/**
 * The statements of a piece of SQL that is not a file (a statement in a DO body, an EXECUTE string), with
 * offsets relative to its start; throws PgSyntaxError as the parser does.
 */
function parseStatements(sql) {
    if (sql.trim() === '')
        return [];
    const source = new SourceText(sql);
    return toStatements(source, parseSql(sql));
}
function toStatements(source, result) {
    const statements = [];
    let previousEnd = 0;
    for (const raw of result.stmts ?? []) {
        const location = raw.stmt_location ?? 0;
        const endByte = raw.stmt_len ? location + raw.stmt_len : source.byteLength;
        const locationChar = source.charIndex(location);
        const startChar = skipBlankAndComments(source.text, locationChar);
        const endChar = trimEnd(source.text, startChar, source.charIndex(endByte));
        const unwrapped = unwrap(raw.stmt);
        // Every entry of the parser's statement list holds a statement node.
        if (!raw.stmt || !unwrapped)
            throw new Error('the PostgreSQL parser returned an empty statement');
        // Byte lengths of the short skipped stretches only, so a file of 10,000 statements stays linear.
        const startByte = location + Buffer.byteLength(source.text.slice(locationChar, startChar), 'utf8');
        const sql = withoutTrailingComments(source.text.slice(startChar, endChar));
        // Written out rather than spread, so every statement object has the same shape (rules read them all).
        const statement = {
            index: statements.length,
            node: raw.stmt,
            kind: unwrapped.kind,
            body: unwrapped.body,
            range: { start: startByte, end: startByte + Buffer.byteLength(sql, 'utf8') },
            sql,
            leading: source.text.slice(previousEnd, startChar)
        };
        // `kind` and `body` come from one unwrap of the node, so they belong together.
        statements.push(statement);
        previousEnd = endChar;
    }
    return statements;
}
function toSyntaxError(source, error) {
    // Input the parser cannot take at all (an expression nested past the wasm stack, a file past its 1 GiB heap)
    // is reported like SQL it rejects, at the start: the file fails, the run and the other files go on.
    if (!(error instanceof PgSyntaxError)) {
        const reason = error instanceof Error ? error.message : String(error);
        return {
            message: `the PostgreSQL parser could not read this file: ${safeParserMessage(reason)}`,
            range: { start: 0, end: 1 }
        };
    }
    // The cursor counts code points (not bytes); a lexer error at end of input points past the end.
    const cursor = Math.max(error.cursorPosition, 0);
    // One character wide, whatever its UTF-8 width, so the span is never empty inside the text.
    return {
        message: safeParserMessage(error.message),
        range: { start: source.byteOfCodePoint(cursor), end: source.byteOfCodePoint(cursor + 1) }
    };
}
/** Re-parses the text up to the last semicolon before the error, so a late typo does not hide earlier hazards. */
function statementsBefore(source, errorByte) {
    let cut = -1;
    try {
        // Only the text before the error: the scanner throws on the unterminated string or comment that is
        // often the error itself, and the tokens before the error do not depend on what follows it.
        // The JS lexer, not the wasm scanner: on a 10 MB file the scanner's token objects cost seconds.
        const before = source.text.slice(0, source.charIndex(errorByte));
        if (before.trim() === '')
            return [];
        for (const token of lexSql(before, 0)) {
            if (token.end > errorByte)
                break;
            if (token.text === ';')
                cut = token.end;
        }
    }
    catch {
        return [];
    }
    if (cut <= 0)
        return [];
    const prefix = source.text.slice(0, source.charIndex(cut));
    try {
        return toStatements(source, parseSql(prefix));
    }
    catch {
        return [];
    }
}
/** Skips whitespace and comments, which the parser counts as part of the statement that follows them. */
function skipBlankAndComments(text, from) {
    let i = from;
    for (;;) {
        while (i < text.length && /\s/.test(text[i]))
            i++;
        if (text.startsWith('--', i)) {
            i = Math.min(lineEnd(text, i) + 1, text.length);
        }
        else if (text.startsWith('/*', i)) {
            let depth = 1;
            i += 2;
            while (i < text.length && depth > 0) {
                if (text.startsWith('/*', i)) {
                    depth++;
                    i += 2;
                }
                else if (text.startsWith('*/', i)) {
                    depth--;
                    i += 2;
                }
                else
                    i++;
            }
        }
        else
            return i;
    }
}
/** A comment between the statement and its semicolon is not part of the statement (nor of its range). */
function withoutTrailingComments(sql) {
    // Only a statement whose last line holds `--`, or that ends with `*/`, can end in a comment.
    if (!sql.slice(sql.lastIndexOf('\n') + 1).includes('--') && !sql.endsWith('*/'))
        return sql;
    try {
        // The lexer skips comments: the last token it returns ends the statement.
        const tokens = lexSql(sql, 0);
        if (tokens.length === 0)
            return sql;
        const bytes = Buffer.from(sql, 'utf8');
        const end = tokens[tokens.length - 1].end;
        return end >= bytes.length ? sql : bytes.subarray(0, end).toString('utf8');
    }
    catch {
        return sql;
    }
}
function trimEnd(text, start, end) {
    let i = end;
    while (i > start && /[\s;]/.test(text[i - 1]))
        i--;
    return i;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/plpgsql-ast.ts
// The parts of libpg-query's PL/pgSQL JSON (parsePlpgsql) that engine/plpgsql.ts reads. @pgsql/types covers
// only the SQL parse tree, so these are declared here, as optional fields the way the JSON omits defaults.
// A PL/pgSQL node is a `{ PLpgSQL_kind: {...} }` wrapper, like the SQL AST's.
const KINDS = {
    PLpgSQL_stmt_block: true,
    PLpgSQL_stmt_if: true,
    PLpgSQL_stmt_case: true,
    PLpgSQL_stmt_loop: true,
    PLpgSQL_stmt_while: true,
    PLpgSQL_stmt_fori: true,
    PLpgSQL_stmt_foreach_a: true,
    PLpgSQL_stmt_forc: true,
    PLpgSQL_stmt_fors: true,
    PLpgSQL_stmt_dynfors: true,
    PLpgSQL_stmt_execsql: true,
    PLpgSQL_stmt_call: true,
    PLpgSQL_stmt_dynexecute: true,
    PLpgSQL_stmt_open: true,
    PLpgSQL_stmt_return_query: true
};
function isKind(key) {
    return key !== undefined && Object.hasOwn(KINDS, key);
}
/** A statement node as its kind and payload, when it is one of the kinds that can run SQL. */
function unwrapPlStatement(node) {
    if (!node || typeof node !== 'object')
        return undefined;
    const kind = Object.keys(node)[0];
    if (!isKind(kind))
        return undefined;
    const body = node[kind];
    return body ? { kind, body } : undefined;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/plpgsql.ts
// The SQL a PL/pgSQL `DO` block runs, as statements of the migration. The SQL parser keeps a DO body as one
// opaque string; libpg-query's PL/pgSQL parser compiles it as the server does when the block runs, and gives
// the statement tree: every SQL statement the body can run (in IF / ELSIF / ELSE, CASE, LOOP / WHILE / FOR /
// FOREACH bodies, BEGIN ... EXCEPTION blocks and their handlers, nested blocks and nested DO blocks) and every
// EXECUTE. Each statement becomes a ParsedStatement right after its DO statement, with file offsets (its
// AST locations shifted to where it is written), so every rule, the transaction state and the catalogue
// replay see it like any other statement.
//
// - `EXECUTE` of a constant string (a literal, literals joined with ||, format() / concat() / quote_ident() /
//   quote_literal() of literals) is linted as the SQL it runs; any other EXECUTE is recorded as dynamic SQL,
//   which the `dynamic-sql` rule reports (it cannot be analysed).
// - A body the server would reject (PL/pgSQL or SQL syntax, an EXECUTE string that does not parse) is recorded
//   as unparsed: the driver reports it as a syntax error, and the file as not fully checked.
// - Statements in branches that may not run are marked `conditional`; the replay applies their DDL as if they
//   ran (see README: DO blocks).
//
// Text that is not written verbatim in the file (a body in an escaped '...' string, a string EXECUTE computes)
// is added to the file's SourceText as a virtual text whose offsets map back to the file.







/** DO blocks inside DO blocks (or their EXECUTE strings) read at most this deep. */
const MAX_DEPTH = 8;
/** Loop rows remembered per scope: a hostile block with thousands of nested loops stays linear. */
const MAX_LOOP_ROWS = 64;
/**
 * The statements a DO statement's body runs (depth first, nested DO blocks included), each after its own
 * block; `statement.plpgsql` is set to what could not be read. Undefined for a body in another language.
 * Never throws: a body the server would reject is recorded, not raised.
 */
function readDoBlock(statement, source, depth = 0) {
    if (statement.kind !== 'DoStmt')
        return undefined;
    const options = (statement.body.args ?? []).map((arg) => as(arg, 'DefElem'));
    const option = (name) => as(options.find((d) => d?.defname === name)?.arg, 'String')?.sval;
    const language = option('language');
    const value = option('as');
    if (typeof value !== 'string')
        return undefined;
    const problems = { dynamic: [], unparsed: [] };
    statement.plpgsql = problems;
    if (typeof language === 'string' && language.toLowerCase() !== 'plpgsql') {
        // Another language's code (plpython, plperl...) runs SQL the linter cannot read.
        problems.dynamic.push({ range: statement.range, expression: `a DO block in LANGUAGE ${excerpt(language)}` });
        return undefined;
    }
    const code = locateCode(statement, value, source);
    if (depth >= MAX_DEPTH) {
        problems.unparsed.push({
            message: `DO blocks nested more than ${MAX_DEPTH} deep are not read`,
            range: { start: code.base, end: code.base + 1 }
        });
        return [];
    }
    let tree;
    try {
        tree = parsePlpgsql(statement.sql).plpgsql_funcs?.[0]?.PLpgSQL_function;
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        problems.unparsed.push(locateBodyError(code, reason));
        return [];
    }
    const reader = new BodyReader(statement, source, code, problems, depth, declaredNames(tree));
    reader.walk(tree?.action ? [tree.action] : [], { conditional: false, loopRows: new Map() });
    return reader.statements;
}
/** The names a block declares (its variables, loop variables and records), for expand-contract. */
function declaredNames(fn) {
    const names = new Set();
    for (const datum of fn?.datums ?? []) {
        const inner = Object.values(datum ?? {})[0];
        const name = inner?.refname;
        if (typeof name === 'string' && name !== '(unnamed row)' && !name.startsWith('__Case__'))
            names.add(name);
    }
    return names;
}
function plpgsql_lineStartsOf(text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
        starts.push(i + 1);
    return starts;
}
function codeOf(text, base) {
    return { text, base, local: new SourceText(text), lineStarts: plpgsql_lineStartsOf(text) };
}
function utf8Width(code) {
    return code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3;
}
/** Reads a string token as the SQL scanner would (standard_conforming_strings on, PostgreSQL's default). */
function decodeLiteral(token) {
    const dollar = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(token);
    if (dollar) {
        const tag = dollar[0];
        if (token.length < tag.length * 2 || !token.endsWith(tag))
            return undefined;
        return { value: token.slice(tag.length, token.length - tag.length), verbatimAt: Buffer.byteLength(tag, 'utf8') };
    }
    const prefix = /^(?:[eE]|[nN]|[bBxX])?'/.exec(token)?.[0];
    if (!prefix || !token.endsWith("'") || token.length < prefix.length + 1)
        return undefined;
    const escapes = /^[eE]/.test(prefix);
    const inner = token.slice(prefix.length, -1);
    if (!inner.includes("'") && !(escapes && inner.includes('\\')))
        return { value: inner, verbatimAt: prefix.length };
    // '' stands for one quote (and, in E'...', backslash escapes): map each value byte to its source byte.
    const out = [];
    const map = [];
    let byte = prefix.length;
    const emit = (text, from) => {
        out.push(text);
        for (let k = 0; k < text.length; k++)
            for (let w = utf8Width(text.charCodeAt(k)); w > 0; w--)
                map.push(from);
    };
    for (let i = 0; i < inner.length;) {
        const c = inner[i];
        const width = utf8Width(inner.charCodeAt(i));
        if (c === "'" && inner[i + 1] === "'") {
            emit("'", byte);
            byte += 2;
            i += 2;
        }
        else if (escapes && c === '\\' && i + 1 < inner.length) {
            // Only the simple escapes are decoded here; a string with others is mapped to its start (see caller).
            const next = inner[i + 1];
            const simple = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '\\': '\\', "'": "'" };
            emit(simple[next] ?? next, byte);
            byte += 1 + utf8Width(inner.charCodeAt(i + 1));
            i += 2;
        }
        else {
            emit(c, byte);
            byte += width;
            i += 1;
        }
    }
    map.push(byte);
    return { value: out.join(''), map: Uint32Array.from(map) };
}
/** The tokens of a DO statement that are string constants (its code, and a LANGUAGE given as a string). */
function codeToken(statement) {
    const tokens = lexSql(statement.sql, statement.range.start);
    for (let i = 1; i < tokens.length; i++) {
        const text = tokens[i].text;
        const isString = /^(?:\$|'|[eEnN]')/.test(text);
        if (isString && tokens[i - 1].word !== 'language')
            return tokens[i];
    }
    return undefined;
}
/** Where the body's code is: its bytes in the file when written verbatim, else a virtual text mapped back. */
function locateCode(statement, value, source) {
    const token = codeToken(statement);
    const literal = token ? decodeLiteral(token.text) : undefined;
    if (token && literal && literal.value === value) {
        if (literal.verbatimAt !== undefined)
            return codeOf(value, token.start + literal.verbatimAt);
        const map = literal.map;
        const start = token.start;
        return codeOf(value, source.addVirtual(value, (o) => start + map[Math.min(o, map.length - 1)]));
    }
    // A form the lexer reads differently (U&'...', unusual escapes): positions fall on the string token.
    const at = token?.start ?? statement.range.start;
    return codeOf(value, source.addVirtual(value, spread(value, at, token?.end ?? statement.range.end)));
}
/**
 * The position map of a text that has no byte-for-byte source (a computed string): its start falls on `start`,
 * its end on `end`, so a statement's range covers the expression that made it.
 */
function spread(text, start, end) {
    const length = Buffer.byteLength(text, 'utf8');
    return (offset) => (offset >= length ? end : start);
}
/** SQL command words: where PostgreSQL's own message gives no position, the first piece that fails is named. */
const SQL_STARTS = new Set([
    'alter',
    'analyze',
    'call',
    'cluster',
    'comment',
    'copy',
    'create',
    'delete',
    'do',
    'drop',
    'grant',
    'insert',
    'lock',
    'merge',
    'refresh',
    'reindex',
    'reset',
    'revoke',
    'select',
    'set',
    'truncate',
    'update',
    'vacuum',
    'with'
]);
/** A body the PL/pgSQL parser rejects: at the SQL statement in it that does not parse, else at its start. */
function locateBodyError(code, reason) {
    const message = `the PL/pgSQL body of this DO block does not compile: ${safeParserMessage(reason)}`;
    try {
        const tokens = lexSql(code.text, 0);
        let from = 0;
        for (let i = 0; i <= tokens.length; i++) {
            if (i < tokens.length && tokens[i].text !== ';')
                continue;
            const piece = tokens.slice(from, i);
            from = i + 1;
            // The statement starts after BEGIN / THEN / ELSE / LOOP / DECLARE ... wherever a SQL word begins.
            const k = piece.findIndex((t) => t.word !== undefined && SQL_STARTS.has(t.word));
            if (k === -1)
                continue;
            const end = i < tokens.length ? tokens[i].start : Buffer.byteLength(code.text, 'utf8');
            const sql = Buffer.from(code.text, 'utf8').subarray(piece[k].start, end).toString('utf8');
            try {
                parseSql(sql);
            }
            catch (error) {
                if (!(error instanceof PgSyntaxError))
                    continue;
                const at = toSyntaxError(new SourceText(sql), error).range;
                return {
                    message,
                    range: { start: code.base + piece[k].start + at.start, end: code.base + piece[k].start + at.end }
                };
            }
        }
    }
    catch {
        // fall through: the body's start
    }
    return { message, range: { start: code.base, end: code.base + 1 } };
}
/** Adds `delta` to every parser location below `node`, so offsets in a piece of SQL become file offsets. */
function shiftLocations(node, delta) {
    if (delta === 0 || node === null || typeof node !== 'object')
        return;
    if (Array.isArray(node)) {
        for (const item of node)
            shiftLocations(item, delta);
        return;
    }
    // Any object of the tree (a wrapper, a payload): `location` is a byte offset wherever it appears.
    const fields = node;
    for (const key of Object.keys(fields)) {
        const value = fields[key];
        if (key === 'location' && typeof value === 'number') {
            if (value >= 0)
                fields[key] = value + delta;
        }
        else if (value !== null && typeof value === 'object')
            shiftLocations(value, delta);
    }
}
class BodyReader {
    block;
    source;
    code;
    problems;
    depth;
    variables;
    statements = [];
    /** Character offset in the code after the last statement located: statements are found in order. */
    cursor = 0;
    constructor(block, source, code, problems, depth, variables) {
        this.block = block;
        this.source = source;
        this.code = code;
        this.problems = problems;
        this.depth = depth;
        this.variables = variables;
    }
    walk(list, scope) {
        for (const node of list ?? [])
            this.statement(node, scope);
    }
    statement(node, scope) {
        const unwrapped = unwrapPlStatement(node);
        if (!unwrapped)
            return;
        const { kind, body: s } = unwrapped;
        const branch = scope.conditional ? scope : { ...scope, conditional: true };
        switch (kind) {
            case 'PLpgSQL_stmt_block': {
                const handlers = s.exceptions?.PLpgSQL_exception_block?.exc_list ?? [];
                // Statements of a block that catches errors may fail without failing the migration.
                this.walk(s.body, handlers.length > 0 ? branch : scope);
                for (const handler of handlers)
                    this.walk(handler?.PLpgSQL_exception?.action, branch);
                return;
            }
            case 'PLpgSQL_stmt_if':
                this.walk(s.then_body, branch);
                for (const elsif of s.elsif_list ?? [])
                    this.walk(elsif?.PLpgSQL_if_elsif?.stmts, branch);
                this.walk(s.else_body, branch);
                return;
            case 'PLpgSQL_stmt_case':
                for (const when of s.case_when_list ?? [])
                    this.walk(when?.PLpgSQL_case_when?.stmts, branch);
                this.walk(s.else_stmts, branch);
                return;
            case 'PLpgSQL_stmt_loop':
            case 'PLpgSQL_stmt_while':
            case 'PLpgSQL_stmt_fori':
            case 'PLpgSQL_stmt_foreach_a':
            case 'PLpgSQL_stmt_forc':
                this.walk(s.body, branch);
                return;
            case 'PLpgSQL_stmt_fors': {
                // The query runs once, when the loop is reached; `FOR r IN UPDATE ... RETURNING` changes rows.
                const query = this.sql(s.query, s.lineno, scope);
                const name = s.var?.PLpgSQL_rec?.refname ?? s.var?.PLpgSQL_row?.refname;
                let inner = branch;
                if (query[0]?.kind === 'SelectStmt' && typeof name === 'string') {
                    if (scope.loopRows.has(name) || scope.loopRows.size < MAX_LOOP_ROWS) {
                        inner = { conditional: true, loopRows: new Map(scope.loopRows).set(name, query[0].body) };
                    }
                }
                this.walk(s.body, inner);
                return;
            }
            case 'PLpgSQL_stmt_dynfors':
                this.dynamic(s.query, s.lineno, scope);
                this.walk(s.body, branch);
                return;
            case 'PLpgSQL_stmt_execsql':
                this.sql(s.sqlstmt, s.lineno, scope);
                return;
            case 'PLpgSQL_stmt_call':
                // CALL, and a DO block written directly in the body.
                this.sql(s.expr, s.lineno, scope);
                return;
            case 'PLpgSQL_stmt_dynexecute':
                this.dynamic(s.query, s.lineno, scope);
                return;
            case 'PLpgSQL_stmt_open':
            case 'PLpgSQL_stmt_return_query':
                if (s.dynquery)
                    this.dynamic(s.dynquery, s.lineno, scope);
                return;
            default:
                // Assignments, RAISE, PERFORM, RETURN, EXIT, GET DIAGNOSTICS...: expressions, not statements.
                return;
        }
    }
    /** Where `text` starts in the code, searching from the statement's line (and after the previous one). */
    locate(text, lineno) {
        const lineStart = this.code.lineStarts[Math.max(0, (lineno ?? 1) - 1)] ?? 0;
        const from = Math.max(lineStart, this.cursor);
        for (const start of [from, lineStart]) {
            const exact = this.code.text.indexOf(text, start);
            if (exact !== -1)
                return exact;
            // PL/pgSQL blanks `INTO target` out of the query with spaces: match around them.
            const head = text.split(/\s\s/)[0];
            // Bounded: a hostile body repeating the head thousands of times must not make this quadratic.
            let tries = 0;
            for (let at = this.code.text.indexOf(head, start); at !== -1 && tries < 200; at = this.code.text.indexOf(head, at + 1), tries++) {
                let ok = true;
                for (let i = 0; i < text.length && ok; i++)
                    ok = /\s/.test(text[i]) || this.code.text[at + i] === text[i];
                if (ok)
                    return at;
            }
        }
        return undefined;
    }
    /** The byte offset (in the file, or a virtual text) of a character of the code. */
    byteAt(charIndex) {
        return this.code.base + this.code.local.byteIndex(charIndex);
    }
    /**
     * The statements of `text`, whose first byte is at offset `at` of the source (the file or a virtual text);
     * their ranges and parser locations are shifted there. A parse error is recorded as unparsed at its position.
     */
    add(text, at, leading, scope, dynamic) {
        let parsed;
        try {
            parsed = parseStatements(text);
        }
        catch (error) {
            const range = error instanceof PgSyntaxError ? toSyntaxError(new SourceText(text), error).range : undefined;
            const what = dynamic ? 'the SQL this EXECUTE runs does not parse' : 'a statement of this DO block does not parse';
            const reason = error instanceof Error ? safeParserMessage(error.message) : String(error);
            this.problems.unparsed.push({
                message: `${what}: ${reason}`,
                range: range ? { start: at + range.start, end: at + range.end } : { start: at, end: at + 1 }
            });
            return [];
        }
        const result = [];
        for (const [i, statement] of parsed.entries()) {
            // PostgreSQL refuses transaction statements in EXECUTE; they are not part of the body's effect.
            if (statement.kind === 'TransactionStmt')
                continue;
            shiftLocations(statement.node, at);
            statement.range = { start: statement.range.start + at, end: statement.range.end + at };
            statement.embedded = {
                block: this.block,
                conditional: scope.conditional,
                dynamic,
                variables: this.variables,
                loopRows: scope.loopRows,
                leadingStart: i === 0 ? leading.start : statement.range.start
            };
            if (i === 0)
                statement.leading = leading.text;
            result.push(statement);
            this.statements.push(statement);
            const nested = readDoBlock(statement, this.source, this.depth + 1);
            if (nested) {
                // A DO inside a DO runs under the outer one's branches.
                if (scope.conditional)
                    for (const n of nested)
                        n.embedded.conditional = true;
                this.statements.push(...nested);
            }
        }
        return result;
    }
    /** A SQL statement of the body (PLpgSQL_expr of an execsql, a FOR query, a CALL). */
    sql(expr, lineno, scope) {
        const query = expr?.PLpgSQL_expr?.query;
        if (typeof query !== 'string' || query.trim() === '')
            return [];
        const found = this.locate(query, lineno);
        const leading = this.leadingBefore(found);
        if (found === undefined) {
            // Not found as written: linted from a virtual copy whose positions fall on the statement's line.
            const lineStart = this.code.lineStarts[Math.max(0, (lineno ?? 1) - 1)] ?? 0;
            const lineEnd = this.code.text.indexOf('\n', lineStart);
            const end = this.byteAt(lineEnd === -1 ? this.code.text.length : lineEnd);
            const map = spread(query, this.byteAt(lineStart), end);
            return this.add(query, this.source.addVirtual(query, map), leading, scope, false);
        }
        this.cursor = found + query.length;
        return this.add(query, this.byteAt(found), leading, scope, false);
    }
    /** The comments (and PL/pgSQL) between the previous statement and this one: where its ignore comments are. */
    leadingBefore(found) {
        const end = found ?? this.cursor;
        return { text: this.code.text.slice(this.cursor, Math.max(this.cursor, end)), start: this.byteAt(this.cursor) };
    }
    /** EXECUTE (and FOR ... EXECUTE, OPEN ... FOR EXECUTE): linted when its string is a constant. */
    dynamic(expr, lineno, scope) {
        const text = expr?.PLpgSQL_expr?.query;
        if (typeof text !== 'string')
            return;
        const found = this.locate(text, lineno);
        const leading = this.leadingBefore(found);
        const start = found === undefined ? undefined : this.byteAt(found);
        const end = found === undefined ? undefined : this.byteAt(found + text.length);
        if (found !== undefined)
            this.cursor = found + text.length;
        const value = constantString(text);
        if (value === undefined) {
            const at = start ?? this.byteAt(this.code.lineStarts[Math.max(0, (lineno ?? 1) - 1)] ?? 0);
            this.problems.dynamic.push({ range: { start: at, end: end ?? at + 1 }, expression: excerpt(text) });
            return;
        }
        // One literal written in the body: its positions are the literal's; anything computed falls on its start.
        const literal = value.literal ? decodeLiteral(text.trim()) : undefined;
        const literalAt = start === undefined
            ? undefined
            : start + Buffer.byteLength(text.slice(0, text.length - text.trimStart().length), 'utf8');
        if (literal && literalAt !== undefined && literal.value === value.text) {
            if (literal.verbatimAt !== undefined) {
                this.add(value.text, literalAt + literal.verbatimAt, leading, scope, true);
                return;
            }
            const map = literal.map;
            this.add(value.text, this.source.addVirtual(value.text, (o) => literalAt + map[Math.min(o, map.length - 1)]), leading, scope, true);
            return;
        }
        const anchor = start ?? this.code.base;
        const map = spread(value.text, anchor, end ?? anchor + 1);
        this.add(value.text, this.source.addVirtual(value.text, map), leading, scope, true);
    }
}
/**
 * The string an EXECUTE expression always yields, when it is built from literals only: a literal (possibly
 * cast to text), `||` of constants, format() with %s / %I / %L / %%, concat(), quote_ident(), quote_literal().
 */
function constantString(expression) {
    let tree;
    try {
        tree = parseSql(`SELECT ${expression}`);
    }
    catch {
        return undefined;
    }
    const statements = tree.stmts ?? [];
    const select = statements.length === 1 ? as(statements[0].stmt, 'SelectStmt') : undefined;
    const targets = select?.targetList;
    if (!select || !targets || targets.length !== 1)
        return undefined;
    if (select.fromClause || select.whereClause)
        return undefined;
    const node = as(targets[0], 'ResTarget')?.val;
    const literal = !!as(node, 'A_Const')?.sval;
    const text = evaluate(node, 0);
    return text === undefined ? undefined : { text, literal };
}
const TEXT_TYPES = new Set(['text', 'varchar', 'bpchar', 'name']);
function evaluate(node, depth) {
    if (depth > 32)
        return undefined;
    const constant = as(node, 'A_Const');
    if (constant)
        return typeof constant.sval?.sval === 'string' ? constant.sval.sval : constant.sval ? '' : undefined;
    const cast = as(node, 'TypeCast');
    if (cast) {
        const type = (cast.typeName?.names ?? []).map((n) => as(n, 'String')?.sval).pop();
        return type !== undefined && TEXT_TYPES.has(type) ? evaluate(cast.arg, depth + 1) : undefined;
    }
    const op = as(node, 'A_Expr');
    if (op) {
        const name = (op.name ?? []).map((n) => as(n, 'String')?.sval).join('.');
        if (op.kind !== 'AEXPR_OP' || name !== '||')
            return undefined;
        const left = evaluate(op.lexpr, depth + 1);
        const right = left === undefined ? undefined : evaluate(op.rexpr, depth + 1);
        return right === undefined ? undefined : left + right;
    }
    const call = as(node, 'FuncCall');
    if (call) {
        const name = (call.funcname ?? []).map((n) => as(n, 'String')?.sval).filter((n) => n !== 'pg_catalog');
        if (name.length !== 1 || call.agg_star || call.agg_distinct || call.over)
            return undefined;
        const args = (call.args ?? []).map((a) => evaluate(a, depth + 1));
        if (args.some((a) => a === undefined))
            return undefined;
        const values = args;
        switch ((name[0] ?? '').toLowerCase()) {
            case 'concat':
                return values.join('');
            case 'quote_ident':
                return values.length === 1 ? plpgsql_quoteIdent(values[0]) : undefined;
            case 'quote_literal':
            case 'quote_nullable':
                return values.length === 1 ? quoteLiteral(values[0]) : undefined;
            case 'format':
                return values.length >= 1 ? format(values[0], values.slice(1)) : undefined;
            default:
                return undefined;
        }
    }
    return undefined;
}
function plpgsql_quoteIdent(name) {
    return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
function quoteLiteral(value) {
    return value.includes('\\')
        ? `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`
        : `'${value.replace(/'/g, "''")}'`;
}
/** format() with positional (%1$s) and sequential arguments; widths and flags are not constant-folded. */
function format(template, args) {
    let out = '';
    let next = 0;
    for (let i = 0; i < template.length; i++) {
        const c = template[i];
        if (c !== '%') {
            out += c;
            continue;
        }
        const spec = /^%(?:(\d+)\$)?([sIL%])/.exec(template.slice(i));
        if (!spec)
            return undefined;
        i += spec[0].length - 1;
        if (spec[2] === '%') {
            out += '%';
            continue;
        }
        const index = spec[1] !== undefined ? Number(spec[1]) - 1 : next;
        next = index + 1;
        if (index < 0 || index >= args.length)
            return undefined;
        const value = args[index];
        out += spec[2] === 's' ? value : spec[2] === 'I' ? plpgsql_quoteIdent(value) : quoteLiteral(value);
    }
    return out;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/parse-file.ts



function parseFile(text, settings, encoding, file = {}) {
    const prepared = prepareFile(text, settings.framework, settings.assumeInTransaction, file);
    const parsed = parseMigration(prepared.text, encoding);
    const topLevel = parsed.statements.length;
    // Only DO statements cost anything here: a file without one keeps its statement list as parsed.
    if (parsed.statements.some((s) => s.kind === 'DoStmt')) {
        const all = [];
        for (const statement of parsed.statements) {
            all.push(statement);
            const body = readDoBlock(statement, parsed.source);
            if (body)
                all.push(...body);
        }
        all.forEach((statement, index) => (statement.index = index));
        parsed.statements = all;
    }
    if (prepared.loneStatementOutsideTransaction && topLevel <= 1) {
        prepared.implicitTransaction = false;
        prepared.transactionReason = 'a lone statement sent as one query runs outside a transaction';
    }
    return { prepared, parsed, topLevel };
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/rule.ts
/** Where a rule's page lives; the pages are in the repository so they are versioned with the rules. */
const DOCS_BASE = 'https://github.com/ubos/actions/blob/main/actions/migration-safety/docs/rules';
function docsUrl(id) {
    return `${DOCS_BASE}/${id}.md`;
}
/** The usual exemption: nothing reads or writes a table created in the change set being linted. */
const NEW_TABLE = 'table created in this change set';
function defineRule(rule) {
    return rule;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/rule-state.ts
function stateKey(name, create) {
    return { name, create };
}
/** The values of one scope (a file, a change set): one per key, made on first use. */
class StateStore {
    values = new Map();
    get(key) {
        if (this.values.has(key)) {
            // Only `get` stores, and it stores under each key a value that key created.
            return this.values.get(key);
        }
        const value = key.create();
        this.values.set(key, value);
        return value;
    }
}
/**
 * A value computed once per statement of a file (tokens, column lists) and shared by the rules that ask for it:
 * `memo(ctx, statement)` computes it the first time and returns the same value after that.
 */
function statementMemo(name, compute) {
    const key = stateKey(name, () => new Map());
    return (state, statement) => {
        const memo = state.fileState(key);
        if (memo.has(statement))
            return memo.get(statement);
        const value = compute(statement);
        memo.set(statement, value);
        return value;
    };
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/suppress.ts

/** Rules no comment can silence: a file that does not parse is never passed off as checked. */
const UNSUPPRESSIBLE = new Set(['syntax-error', 'unknown-suppression']);
/**
 * The rules of squawk 2.66 (what `--exclude` accepts), so its ignore comments are recognised as valid; the test
 * squawk-coverage.test.ts compares it with the list read from squawk's registry.
 */
const SQUAWK_RULES = [
    'adding-field-with-default',
    'adding-foreign-key-constraint',
    'adding-not-nullable-field',
    'adding-required-field',
    'adding-serial-primary-key-field',
    'ban-alter-domain-with-add-constraint',
    'ban-char-field',
    'ban-concurrent-index-creation-in-transaction',
    'ban-create-domain-with-constraint',
    'ban-drop-column',
    'ban-drop-database',
    'ban-drop-not-null',
    'ban-drop-table',
    'ban-duplicate-column-assignments',
    'ban-truncate-cascade',
    'ban-uncommitted-transaction',
    'changing-column-type',
    'constraint-missing-not-valid',
    'disallowed-unique-constraint',
    'identifier-too-long',
    'prefer-bigint-over-int',
    'prefer-bigint-over-smallint',
    'prefer-identity',
    'prefer-repack',
    'prefer-robust-stmts',
    'prefer-text-field',
    'prefer-timestamptz',
    'prefer-timestamp-tz',
    'renaming-column',
    'renaming-table',
    'require-concurrent-index-creation',
    'require-concurrent-index-deletion',
    'require-concurrent-partition-detach',
    'require-concurrent-reindex',
    'require-enum-value-ordering',
    'require-lock-timeout',
    'require-statement-timeout',
    'require-table-schema',
    'require-timeout-settings',
    'transaction-nesting',
    'syntax-error'
];
const MARKERS = new Set(['ubos-ignore', 'ubos-ignore-file', 'squawk-ignore', 'squawk-ignore-file']);
const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Reads ignore comments against one rule catalogue. */
class Suppressions {
    ours;
    squawkToOurs = new Map();
    squawkIds;
    constructor(rules) {
        this.ours = new Set(rules.map((r) => r.id));
        for (const rule of rules) {
            for (const id of rule.equivalents.squawk ?? [])
                this.squawkToOurs.set(id, [...(this.squawkToOurs.get(id) ?? []), rule.id]);
        }
        this.squawkIds = new Set([...SQUAWK_RULES, ...this.squawkToOurs.keys()]);
    }
    /**
     * The file-level suppressions of a file's text and the ignore comments in it that are not valid. Statement
     * comments are validated here too (every SQL comment of the file is seen once), and applied by `statement`.
     */
    file(text) {
        let suppressed = new Set();
        const problems = [];
        // Nearly every file has no ignore comment: then it is not lexed at all.
        if (!/(?:ubos|squawk)-ignore/i.test(text))
            return { suppressed, problems };
        for (const comment of commentsOf(text, 0)) {
            const read = this.read(comment, problems);
            if (read?.file)
                suppressed = merge(suppressed, read.rules);
        }
        return { suppressed, problems };
    }
    /**
     * Statement suppressions in the comments before a statement (`leading`). With `problems`, invalid comments
     * are reported there (for text the file scan does not see: comments inside a DO body, where a file-level
     * marker is also reported, having no effect).
     */
    statement(leading, start = 0, problems) {
        let suppressed = new Set();
        if (!/(?:ubos|squawk)-ignore/i.test(leading))
            return suppressed;
        for (const comment of commentsOf(leading, start)) {
            const read = this.read(comment, problems ?? []);
            if (!read)
                continue;
            if (!read.file)
                suppressed = merge(suppressed, read.rules);
            else
                problems?.push({
                    message: 'A file-level ignore comment inside a DO block has no effect: write it outside the block',
                    range: { start: comment.start, end: comment.end }
                });
        }
        return suppressed;
    }
    /** One comment as a directive, undefined when it is none; invalid ones are reported and give undefined. */
    read(comment, problems) {
        const range = { start: comment.start, end: comment.end };
        if (comment.text.startsWith('/*')) {
            if (/^\/\*[\s*]*(?:--\s*)?(?:ubos|squawk)-ignore/i.test(comment.text))
                problems.push({
                    message: 'Ignore comments must be -- line comments: this block comment suppresses nothing',
                    range
                });
            return undefined;
        }
        const body = comment.text.slice(2);
        const word = /^\s*([^\s:,]*)/.exec(body);
        const marker = word[1].toLowerCase();
        if (!MARKERS.has(marker)) {
            if (/^(?:ubos|squawk)-ignore/.test(marker))
                problems.push({
                    message: `"${clip(word[1])}" is not an ignore marker (ubos-ignore, ubos-ignore-file, squawk-ignore, squawk-ignore-file): this comment suppresses nothing`,
                    range
                });
            return undefined;
        }
        const squawk = marker.startsWith('squawk');
        const file = marker.endsWith('-file');
        // After the marker: nothing, or an optional colon and the rule ids; a second `--` starts a reason.
        let rest = body.slice(word[0].length).split('--')[0];
        const colon = /^\s*:/.exec(rest);
        if (colon)
            rest = rest.slice(colon[0].length);
        const ids = rest
            .split(/[\s,]+/)
            .map((s) => s.trim())
            .filter((s) => s !== '');
        if (ids.length === 0) {
            if (colon) {
                problems.push({ message: `"${marker}:" names no rule: this comment suppresses nothing`, range });
                return undefined;
            }
            return { file, rules: 'all' };
        }
        const rules = [];
        for (const raw of ids) {
            const id = raw.toLowerCase();
            const known = RULE_ID.test(id) && (squawk ? this.squawkIds.has(id) : this.ours.has(id));
            if (!known) {
                const list = squawk ? 'squawk rule' : 'rule (ubos-actions migration-safety --list-rules lists them)';
                problems.push({
                    message: `"${clip(raw)}" in ${marker} is not a ${list}: this comment suppresses nothing`,
                    range
                });
                return undefined;
            }
            if (!squawk && UNSUPPRESSIBLE.has(id)) {
                problems.push({ message: `${id} cannot be ignored: this comment suppresses nothing`, range });
                return undefined;
            }
            rules.push(...(squawk ? (this.squawkToOurs.get(id) ?? []) : [id]));
        }
        return { file, rules };
    }
}
/** Ids as quoted in a message: short, printable. */
function clip(text) {
    const printable = text.replace(/[^\x20-\x7e]/g, '?');
    return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable;
}
/** The real comments of a text (line and block), with byte offsets from `start`. */
function commentsOf(text, start) {
    const comments = [];
    lexSql(text, start, comments);
    return comments;
}
function merge(into, rules) {
    if (into === 'all' || rules === 'all')
        return 'all';
    for (const r of rules)
        into.add(r);
    return into;
}
function mergeSuppressed(a, b) {
    if (a === 'all' || b === 'all')
        return 'all';
    if (a.size === 0)
        return b;
    if (b.size === 0)
        return a;
    return new Set([...a, ...b]);
}
function isSuppressed(rule, ...sets) {
    if (UNSUPPRESSIBLE.has(rule))
        return false;
    return sets.some((s) => s === 'all' || s.has(rule));
}
/** squawk's ids mapped to ours (kept for callers that only need the mapping). */
function squawkIndex(rules) {
    const index = new Map();
    for (const rule of rules) {
        for (const id of rule.equivalents.squawk ?? [])
            index.set(id, [...(index.get(id) ?? []), rule.id]);
    }
    return index;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/lint.ts
// The lint driver: replays every migration in order into the simulated catalogue and runs the rules on the
// files being linted, each statement seeing the schema and transaction state left by the ones before it.










/** Ids of findings the driver itself emits (the registry carries their metadata). */
const SYNTAX_ERROR = 'syntax-error';
const MISSING_OBJECT = 'missing-object';
const INTERNAL_ERROR = 'internal-error';
const UNKNOWN_SUPPRESSION = 'unknown-suppression';
const DYNAMIC_SQL = 'dynamic-sql';
async function lintMigrations(sources, options, rules) {
    await loadParser();
    return lintMigrationsSync(sources, options, rules);
}
/** The synchronous core; `loadParser()` must have resolved. */
function lintMigrationsSync(sources, options, rules) {
    const catalog = new Catalog();
    const active = rules.filter((rule) => isActive(rule, options) || versionExempt(rule, options) !== undefined);
    // Rules outside their server versions that say why: what they would report is an exemption with that reason.
    const outside = new Map(active.flatMap((rule) => {
        const reason = isActive(rule, options) ? undefined : versionExempt(rule, options);
        return reason === undefined ? [] : [[rule, reason]];
    }));
    const byId = new Map(rules.map((rule) => [rule.id, rule]));
    // The rules to call on a statement of each kind, in the order of `active` (reports keep their order).
    const checking = active.filter((rule) => rule.check !== undefined);
    const byKind = new Map();
    const checkersOf = (kind) => {
        let found = byKind.get(kind);
        if (!found)
            byKind.set(kind, (found = checking.filter((rule) => !rule.kinds || rule.kinds.includes(kind))));
        return found;
    };
    const suppressions = new Suppressions(rules);
    const findings = [];
    const exempted = [];
    const files = [];
    // Files are parsed in order; a rule looking ahead in its change set parses later files early (kept until used).
    const parsedFiles = [];
    const parsedAt = (i) => (parsedFiles[i] ??= parseFile(sources[i].text, options, sources[i].encodingError, {
        path: sources[i].path,
        hints: sources[i].framework
    }));
    // Rule state of a change set lives until its last file has been linted.
    const lastOfChangeSet = new Map(sources.map((s, i) => [s.changeSet, i]));
    const changeSetStores = new Map();
    // The next file of the same change set, per file (-1: none): a history of single-file change sets must not
    // scan every later file each time a rule looks ahead.
    const nextOfChangeSet = new Array(sources.length).fill(-1);
    const lastSeen = new Map();
    for (let i = sources.length - 1; i >= 0; i--) {
        nextOfChangeSet[i] = lastSeen.get(sources[i].changeSet) ?? -1;
        lastSeen.set(sources[i].changeSet, i);
    }
    const laterInChangeSet = function* (i, statements, after) {
        for (let k = after + 1; k < statements.length; k++)
            yield statements[k];
        for (let j = nextOfChangeSet[i]; j !== -1; j = nextOfChangeSet[j])
            yield* parsedAt(j).parsed.statements;
    };
    for (const [fileIndex, file] of sources.entries()) {
        const { prepared, parsed, topLevel } = parsedAt(fileIndex);
        parsedFiles[fileIndex] = undefined;
        const { source, statements } = parsed;
        const fileStore = new StateStore();
        let changeSetStore = changeSetStores.get(file.changeSet);
        if (!changeSetStore)
            changeSetStores.set(file.changeSet, (changeSetStore = new StateStore()));
        const ruleState = {
            fileState: (key) => fileStore.get(key),
            changeSetState: (key) => changeSetStore.get(key)
        };
        // Locks are asked for by rules and the driver before the statement changes the catalogue: the first answer
        // (with the index owners known then) is the one every later question about the statement gets.
        const lockMemo = new Map();
        const locks = (statement) => {
            let found = lockMemo.get(statement);
            if (!found)
                lockMemo.set(statement, (found = locksOf(statement, catalog.indexOwner)));
            return found;
        };
        // The tool's own transaction: a COMMIT or ROLLBACK written in the file ends it for the rest of the file.
        const tool = { implicit: prepared.implicitTransaction };
        // Only real comments of the text the tool runs (sections of other directions blanked out) count.
        const scan = file.lint ? suppressions.file(prepared.text) : undefined;
        const fileIgnored = scan ? scan.suppressed : 'all';
        const commentProblems = scan ? [...scan.problems] : [];
        const emit = (rule, statement, reported) => {
            const outsideReason = outside.get(rule);
            const hit = outsideReason === undefined ? reported : { range: reported.range, exempt: reported.exempt ?? outsideReason };
            const range = hit.range ?? statement?.range ?? { start: 0, end: 0 };
            const span = source.span(range);
            // Literals with every property written out (no spread): thousands are made on a history.
            if (hit.exempt !== undefined) {
                exempted.push({
                    file: file.path,
                    line: span.line,
                    column: span.column,
                    endLine: span.endLine,
                    endColumn: span.endColumn,
                    rule: rule.id,
                    reason: hit.exempt,
                    equivalents: rule.equivalents
                });
                return;
            }
            // The first table a costed statement locks is the one it rewrites or scans (a foreign key's referenced
            // table comes second); a table the change set created is empty, so its size is not looked up.
            const costed = rule.cost && statement ? locks(statement)[0]?.table : undefined;
            const known = costed ? catalog.table(costed) : undefined;
            const table = known?.createdIn === file.changeSet ? undefined : (known?.key ?? costed);
            const finding = {
                file: file.path,
                line: span.line,
                column: span.column,
                endLine: span.endLine,
                endColumn: span.endColumn,
                rule: rule.id,
                ...(table ? { table, cost: rule.cost } : {}),
                // A file PostgreSQL would reject is an error whatever the settings: it was not (fully) checked.
                severity: rule.id === SYNTAX_ERROR ? 'error' : (options.rules?.[rule.id]?.severity ?? hit.severity ?? rule.severity),
                message: hit.message ?? rule.message,
                help: rule.help,
                equivalents: rule.equivalents,
                docs: docsUrl(rule.id)
            };
            if (hit.recipe)
                finding.recipe = hit.recipe;
            findings.push(finding);
        };
        // A rule that throws must not take the other rules and files down with it: its failure becomes a finding.
        const failed = (rule, statement, error) => {
            // A later file the tool would refuse (read early by a rule looking ahead) is the user's mistake, not the rule's.
            if (error instanceof errors/* ConfigurationError */.j1)
                throw error;
            const internal = byId.get(INTERNAL_ERROR);
            if (!internal)
                throw error;
            const reason = error instanceof Error ? error.message : String(error);
            emit(internal, statement, { message: `Rule ${rule.id} failed here: ${excerpt(reason.split('\n')[0], 300)}` });
        };
        const state = {
            inTransaction: prepared.implicitTransaction,
            explicit: false,
            depth: 0,
            lockTimeout: false,
            statementTimeout: false,
            accessExclusive: new Map()
        };
        const locals = { lockTimeout: false, statementTimeout: false };
        // A statement a DO block runs is also covered by the ignore comments before the block.
        const ignoredBy = new Map();
        const ignoresOf = (statement) => {
            const embedded = statement.embedded;
            if (!embedded)
                return suppressions.statement(statement.leading);
            const own = suppressions.statement(statement.leading, embedded.leadingStart, commentProblems);
            return mergeSuppressed(ignoredBy.get(embedded.block) ?? new Set(), own);
        };
        // Units the tool commits one by one (Liquibase changesets): where each later one starts, as a byte offset.
        const units = prepared.units?.slice(1).map((unit) => ({ ...unit, at: source.byteIndex(unit.start) }));
        let nextUnit = 0;
        for (const statement of statements) {
            while (units && !statement.embedded && nextUnit < units.length && statement.range.start >= units[nextUnit].at)
                enterUnit(state, locals, tool, units[nextUnit++].implicitTransaction);
            // Outside a transaction each statement commits on its own; the statements of one DO block run together.
            if (!statement.embedded && !state.inTransaction)
                state.accessExclusive.clear();
            const ignored = file.lint ? ignoresOf(statement) : 'all';
            if (file.lint && statement.kind === 'DoStmt')
                ignoredBy.set(statement, ignored);
            if (file.lint) {
                const context = statementContext({ file, source, statement, statements, transaction: state, catalog, options, ruleState, locks }, (rule, hit) => {
                    if (!isSuppressed(rule.id, fileIgnored, ignored))
                        emit(rule, statement, hit ?? {});
                });
                context.laterInChangeSet = () => laterInChangeSet(fileIndex, statements, statement.index);
                // Nearly every statement has no ignore comment: then no rule needs the check (48 rules x every statement).
                const anyIgnored = fileIgnored === 'all' || ignored === 'all' || fileIgnored.size > 0 || ignored.size > 0;
                for (const rule of checkersOf(statement.kind)) {
                    if (anyIgnored && isSuppressed(rule.id, fileIgnored, ignored))
                        continue;
                    context.current = rule;
                    try {
                        rule.check(context);
                    }
                    catch (error) {
                        failed(rule, statement, error);
                    }
                }
            }
            // Locks are judged against the schema before the statement changes it (a DROP INDEX still knows its table).
            advance(state, locals, statement, tool, catalog, file.changeSet, locks);
            const problems = catalog.apply(statement, file.changeSet);
            const missing = byId.get(MISSING_OBJECT);
            // A DO block's DDL often runs under a guard (IF NOT EXISTS ...): what it names may not be missing.
            if (file.lint &&
                !statement.embedded &&
                missing &&
                active.includes(missing) &&
                !isSuppressed(MISSING_OBJECT, fileIgnored, ignored)) {
                for (const problem of problems) {
                    emit(missing, statement, {
                        message: `${problem.message}: a rename or drop of something that is not there fails the deploy`,
                        range: problem.location !== undefined ? { start: problem.location, end: statement.range.end } : statement.range
                    });
                }
            }
        }
        if (file.lint) {
            const fileContext = {
                file: file.path,
                source,
                statements,
                pgVersion: options.pgVersion,
                transaction: state,
                catalog,
                fileState: ruleState.fileState,
                changeSetState: ruleState.changeSetState,
                report: () => { }
            };
            for (const rule of active) {
                if (!rule.checkFile || isSuppressed(rule.id, fileIgnored))
                    continue;
                fileContext.report = (hit) => emit(rule, undefined, hit);
                try {
                    rule.checkFile(fileContext);
                }
                catch (error) {
                    failed(rule, undefined, error);
                }
            }
            // Never off, never suppressed: a file (or DO body) PostgreSQL rejects was not checked.
            const syntax = byId.get(SYNTAX_ERROR) ?? SYNTAX_ERROR_FALLBACK;
            if (parsed.syntaxError) {
                emit(syntax, undefined, {
                    message: `${parsed.syntaxError.message}${topLevel ? ' (statements after it were not linted)' : ''}`,
                    range: parsed.syntaxError.range
                });
            }
            for (const problem of bodyProblems(statements))
                emit(syntax, undefined, problem);
            const unknown = byId.get(UNKNOWN_SUPPRESSION);
            if (unknown && active.includes(unknown))
                for (const problem of commentProblems)
                    emit(unknown, undefined, problem);
        }
        if (lastOfChangeSet.get(file.changeSet) === fileIndex)
            changeSetStores.delete(file.changeSet);
        const unparsedBody = statements.some((s) => (s.plpgsql?.unparsed.length ?? 0) > 0);
        files.push({
            path: file.path,
            linted: file.lint,
            statements: topLevel,
            inTransaction: prepared.implicitTransaction,
            transactionReason: prepared.transactionReason,
            syntaxError: !!parsed.syntaxError || unparsedBody,
            parsed: parsed.syntaxError ? (topLevel > 0 ? 'partial' : 'none') : unparsedBody ? 'partial' : 'full'
        });
    }
    return { findings: stableByFile(findings, sources), exempted: stableByFile(exempted, sources), files };
}
/** The DO bodies of a file that PostgreSQL would reject, as syntax errors at their position. */
function bodyProblems(statements) {
    const problems = [];
    for (const statement of statements)
        for (const problem of statement.plpgsql?.unparsed ?? [])
            problems.push(problem);
    return problems;
}
/** Used when a catalogue without the syntax-error rule is linted (tests of single rules): errors still show. */
const SYNTAX_ERROR_FALLBACK = {
    id: SYNTAX_ERROR,
    severity: 'error',
    message: 'PostgreSQL rejects this SQL',
    help: 'PostgreSQL would reject this migration at deploy time.',
    equivalents: { squawk: ['syntax-error'] }
};
/** The reason a rule that is off for this server version records exemptions instead, when it has one. */
function versionExempt(rule, options) {
    const versions = rule.pgVersions;
    if (versions?.outside === undefined)
        return undefined;
    const setting = options.rules?.[rule.id];
    if (setting?.enabled === false || (rule.optIn && setting?.enabled !== true && setting?.severity === undefined))
        return undefined;
    const below = versions.min !== undefined && options.pgVersion < versions.min;
    const above = versions.max !== undefined && options.pgVersion > versions.max;
    return below || above ? versions.outside : undefined;
}
function isActive(rule, options) {
    // A syntax error is always reported: a file that was not parsed is never passed off as checked.
    if (rule.id === SYNTAX_ERROR)
        return true;
    const setting = options.rules?.[rule.id];
    if (setting?.enabled === false)
        return false;
    if (rule.optIn && setting?.enabled !== true && setting?.severity === undefined)
        return false;
    if (rule.pgVersions?.min !== undefined && options.pgVersion < rule.pgVersions.min)
        return false;
    if (rule.pgVersions?.max !== undefined && options.pgVersion > rule.pgVersions.max)
        return false;
    return true;
}
/** Keeps files in migration order and findings within a file in position order. */
function stableByFile(findings, sources) {
    const order = new Map(sources.map((s, i) => [s.path, i]));
    return findings.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) ||
        a.line - b.line ||
        a.column - b.column ||
        a.rule.localeCompare(b.rule));
}
function statementContext({ file, source, statement, statements, transaction, catalog, options, ruleState, locks }, sink) {
    // Every property written out (no spread): V8 then builds each context from one literal, which matters at
    // one context per statement.
    const context = {
        fileState: ruleState.fileState,
        changeSetState: ruleState.changeSetState,
        locksOf: locks,
        file: file.path,
        source,
        statement,
        statements,
        pgVersion: options.pgVersion,
        pgMinor: options.pgMinor,
        transaction,
        catalog,
        table: (rangeVar) => catalog.table(relationName(rangeVar).key),
        isNewTable: (rangeVar) => catalog.table(relationName(rangeVar).key)?.createdIn === file.changeSet,
        isNewColumn: (rangeVar, column) => column !== undefined &&
            catalog.table(relationName(rangeVar).key)?.columns.get(column)?.addedIn === file.changeSet,
        changeSet: file.changeSet,
        laterInChangeSet: () => [],
        at: (location, length) => {
            const start = location !== undefined && location >= statement.range.start ? location : statement.range.start;
            return { start, end: length !== undefined ? Math.min(start + length, statement.range.end) : statement.range.end };
        },
        report: (hit) => sink(context.current, hit)
    };
    return context;
}
/** Moves the transaction state past one statement. */
function advance(state, locals, statement, tool, catalog, changeSet, locks) {
    if (statement.kind === 'TransactionStmt') {
        switch (statement.body.kind) {
            case 'TRANS_STMT_BEGIN':
            case 'TRANS_STMT_START':
                state.depth++;
                state.explicit = true;
                break;
            case 'TRANS_STMT_COMMIT':
            case 'TRANS_STMT_ROLLBACK':
            case 'TRANS_STMT_PREPARE':
            case 'TRANS_STMT_COMMIT_PREPARED':
            case 'TRANS_STMT_ROLLBACK_PREPARED':
                endTransaction(state, locals, tool);
                break;
            default:
                break;
        }
    }
    else if (statement.kind === 'VariableSetStmt') {
        const body = statement.body;
        const name = String(body.name ?? '').toLowerCase();
        if (name === 'lock_timeout' || name === 'statement_timeout') {
            const key = name === 'lock_timeout' ? 'lockTimeout' : 'statementTimeout';
            const on = body.kind === 'VAR_SET_VALUE' && !isZeroSetting(body.args);
            state[key] = on;
            locals[key] = on && !!body.is_local;
        }
    }
    else {
        // A DO block runs as one statement: outside a transaction block its statements still share one transaction.
        const inTransaction = state.depth > 0 || tool.implicit || statement.embedded !== undefined;
        for (const lock of locks(statement)) {
            const table = catalog.table(lock.table);
            if (lock.mode === 'AccessExclusive' && inTransaction && !(table && table.createdIn === changeSet)) {
                if (!state.accessExclusive.has(lock.table))
                    state.accessExclusive.set(lock.table, statement);
            }
        }
    }
    state.inTransaction = state.depth > 0 || tool.implicit;
}
/** A COMMIT or ROLLBACK: the transaction (explicit or the tool's) ends, and with it what SET LOCAL set. */
function endTransaction(state, locals, tool) {
    state.depth = 0;
    state.explicit = false;
    tool.implicit = false;
    state.accessExclusive.clear();
    // SET LOCAL ends with the transaction.
    if (locals.lockTimeout)
        state.lockTimeout = false;
    if (locals.statementTimeout)
        state.statementTimeout = false;
    locals.lockTimeout = locals.statementTimeout = false;
}
/** The tool commits the unit before (Liquibase: a changeset) and opens the next one's transaction, or none. */
function enterUnit(state, locals, tool, implicit) {
    endTransaction(state, locals, tool);
    tool.implicit = implicit;
    state.inTransaction = implicit;
}
function isZeroSetting(args) {
    const value = as(args?.[0], 'A_Const');
    if (!value)
        return false;
    if (value.ival !== undefined)
        return (value.ival.ival ?? 0) === 0;
    if (value.sval !== undefined)
        return /^\s*0\s*[a-z]*\s*$/i.test(value.sval.sval ?? '');
    return false;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/table-size.ts
const MIB = 1024 * 1024;
const DEFAULT_THRESHOLDS = { bigRows: 1_000_000, bigBytes: 1024 * MIB };
/**
 * A table under a hundredth of both big-table thresholds is tiny (10,000 rows and about 10 MB with the defaults):
 * its rewrite or scan takes a fraction of a second even on slow storage, so the lock is held too briefly to hurt.
 * Tied to the thresholds, so lowering them (a small staging copy) keeps tiny below big.
 */
const TINY_FRACTION = 100;
/**
 * Throughput assumed for each kind of work, in MB/s (MiB, as PostgreSQL counts). Chosen for a cold cache on cloud
 * block storage, where a big table's pages mostly are: a gp3 volume's baseline is 125 MB/s, so a sequential scan
 * gets about 100; an index build reads the heap and sorts the keys (spilling to disk past maintenance_work_mem)
 * and writes the index and its WAL, about 40; a rewrite reads every page and writes it again with its WAL, then
 * rebuilds every index, about 25 of the total size. They err on the slow side: the estimate says how long the
 * lock may be held, and saying "seconds" for what takes minutes is the mistake that hurts. For scale, the
 * development machine (local disk, warm cache, a 96 MB heap) scanned at about 2,400 MB/s, built an index at 280
 * and rewrote at 63: production storage under load is what the figures are for.
 */
const THROUGHPUT_MB_S = { rewrite: 25, scan: 100, 'index-build': 40 };
const COST_NOUN = {
    rewrite: 'the rewrite',
    scan: 'the scan',
    'index-build': 'the index build'
};
/** `schema.name` split at the first dot, the way the replay builds its keys. */
function tableRef(key) {
    const dot = key.indexOf('.');
    return dot < 0 ? { key, schema: 'public', name: key } : { key, schema: key.slice(0, dot), name: key.slice(dot + 1) };
}
/** The tables to look up: those of findings that rewrite or scan a table the change set did not create. */
function touchedTables(findings) {
    const keys = new Set();
    for (const f of findings)
        if (f.table && f.cost)
            keys.add(f.table);
    return [...keys].map(tableRef);
}
function classify(stats, thresholds) {
    if ((stats.rows ?? 0) >= thresholds.bigRows || stats.totalBytes >= thresholds.bigBytes)
        return 'big';
    // A table never analysed is judged by its size alone, which the catalogue always knows.
    const fewRows = stats.rows === undefined || stats.rows < thresholds.bigRows / TINY_FRACTION;
    return fewRows && stats.totalBytes < thresholds.bigBytes / TINY_FRACTION ? 'tiny' : 'medium';
}
/** Seconds the work takes at the assumed throughput: a rewrite writes everything, a scan reads the heap. */
function estimateSeconds(stats, cost) {
    const bytes = cost === 'rewrite' ? stats.totalBytes : stats.heapBytes;
    return bytes / (THROUGHPUT_MB_S[cost] * MIB);
}
function applyTableSizes(findings, stats, thresholds = DEFAULT_THRESHOLDS) {
    const known = new Map(stats.map((s) => [s.key, s]));
    const rows = new Map();
    const unknown = new Set();
    const adjusted = findings.map((finding) => {
        if (!finding.table || !finding.cost)
            return finding;
        const table = known.get(finding.table);
        if (!table) {
            unknown.add(finding.table);
            return finding;
        }
        let row = rows.get(table.key);
        if (!row)
            rows.set(table.key, (row = { ...table, class: classify(table, thresholds), estimates: {} }));
        const seconds = estimateSeconds(table, finding.cost);
        row.estimates[finding.cost] = seconds;
        return judge(finding, row, finding.cost, seconds);
    });
    return { findings: adjusted, tables: [...rows.values()], unknown: [...unknown], thresholds };
}
function judge(finding, table, cost, seconds) {
    if (table.class === 'medium')
        return finding;
    const from = finding.severity;
    const big = table.class === 'big';
    const to = big ? 'error' : from === 'error' ? 'warning' : 'notice';
    const change = big ? (from === 'error' ? 'confirmed' : 'raised') : 'lowered';
    const work = `${COST_NOUN[cost]} takes ${formatSeconds(seconds)} (at ${THROUGHPUT_MB_S[cost]} MB/s)`;
    const verdict = change === 'confirmed' ? '' : `: ${change} from ${from} to ${to}`;
    const reason = `table ${describeTable(table)}, ${work}${verdict}`;
    return {
        ...finding,
        severity: to,
        message: `${finding.message} [${reason}]`,
        size: { originalLevel: from, change, reason, estimateSeconds: seconds }
    };
}
/** "public.orders has ~2.4M rows (1.2 GB)", or "public.fresh is 8 kB (never analysed: rows unknown)". */
function describeTable(table) {
    const size = formatSize(table.totalBytes);
    if (table.rows === undefined)
        return `${table.key} is ${size} (never analysed: rows unknown)`;
    return `${table.key} has ${formatRows(table.rows)} (${size})`;
}
/** "~2.4M rows", "~12k rows", "~12 rows". */
function formatRows(rows) {
    const n = Math.round(rows);
    const short = (value, unit) => `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10}${unit}`;
    const text = n >= 1e9 ? short(n / 1e9, 'G') : n >= 1e6 ? short(n / 1e6, 'M') : n >= 1e4 ? short(n / 1e3, 'k') : `${n}`;
    return `~${text} ${n === 1 ? 'row' : 'rows'}`;
}
const SIZE_UNITS = ['bytes', 'kB', 'MB', 'GB', 'TB'];
/** 1024-based like pg_size_pretty: "16 kB", "1.2 GB". */
function formatSize(bytes) {
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
        value /= 1024;
        unit++;
    }
    const shown = unit === 0 || value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
    return `${shown} ${SIZE_UNITS[unit]}`;
}
/** "under a second", "about 50 s", "about 12 min", "about 2.5 h". */
function formatSeconds(seconds) {
    if (seconds < 1)
        return 'under a second';
    if (seconds < 90)
        return `about ${Math.round(seconds)} s`;
    const round = (value) => (value >= 10 ? Math.round(value) : Math.round(value * 10) / 10);
    if (seconds < 90 * 60)
        return `about ${round(seconds / 60)} min`;
    return `about ${round(seconds / 3600)} h`;
}
const SIZE_INPUT = /^\s*(\d+(?:\.\d+)?)\s*(b|bytes|kb|kib|mb|mib|gb|gib|tb|tib)?\s*$/i;
const UNIT_POWER = {
    b: 0,
    bytes: 0,
    kb: 1,
    kib: 1,
    mb: 2,
    mib: 2,
    gb: 3,
    gib: 3,
    tb: 4,
    tib: 4
};
/** `1GB`, `500 MB`, `1073741824` in bytes (units 1024-based, as PostgreSQL reads them); undefined if malformed. */
function parseSize(text) {
    const match = SIZE_INPUT.exec(text);
    if (!match)
        return undefined;
    const bytes = Number(match[1]) * 1024 ** UNIT_POWER[(match[2] ?? 'b').toLowerCase()];
    return Number.isFinite(bytes) && bytes >= 1 ? Math.round(bytes) : undefined;
}

// EXTERNAL MODULE: ./shared/src/lib/git.ts
var git = __webpack_require__(24495);
// EXTERNAL MODULE: ./shared/src/lib/glob.ts
var glob = __webpack_require__(4373);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/encoding.ts
// A migration file's bytes as the server will read them. PostgreSQL takes SQL as UTF-8 (the encoding of every
// database a migration tool creates by default) and refuses the whole query at the first byte sequence that is
// not valid UTF-8, so such a file must fail here too, at that byte, instead of being decoded with U+FFFD
// replacement characters and passing. psql skips a UTF-8 byte order mark: it is stripped, and positions are
// counted from the first character after it, as editors show them. UTF-16 files (Windows editors write them) are
// refused as a whole: the server would see NUL bytes.

const encoding_decoder = new TextDecoder('utf-8', { ignoreBOM: true });
function hex(bytes) {
    return [...bytes].map((b) => `0x${b.toString(16).padStart(2, '0')}`).join(' ');
}
function startsWith(bytes, prefix) {
    return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}
/** Other Unicode encodings, recognised by their byte order mark or by the NUL bytes of ASCII text in UTF-16. */
function otherEncoding(bytes) {
    if (startsWith(bytes, [0xff, 0xfe, 0, 0]))
        return 'UTF-32 (byte order mark FF FE 00 00)';
    if (startsWith(bytes, [0, 0, 0xfe, 0xff]))
        return 'UTF-32 (byte order mark 00 00 FE FF)';
    if (startsWith(bytes, [0xff, 0xfe]))
        return 'UTF-16 little-endian (byte order mark FF FE)';
    if (startsWith(bytes, [0xfe, 0xff]))
        return 'UTF-16 big-endian (byte order mark FE FF)';
    if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0)
        return 'UTF-16 little-endian (no byte order mark)';
    if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0)
        return 'UTF-16 big-endian (no byte order mark)';
    return undefined;
}
/**
 * The offset of the first byte that does not start a well-formed UTF-8 sequence (the Unicode standard's table,
 * which PostgreSQL's pg_utf8_islegal follows: no overlong forms, no surrogates, nothing past U+10FFFF), and how
 * many bytes PostgreSQL quotes in its message.
 */
function firstInvalidUtf8(bytes) {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        let need;
        let low = 0x80;
        let high = 0xbf;
        if (b >= 0xc2 && b <= 0xdf)
            need = 1;
        else if (b >= 0xe0 && b <= 0xef) {
            need = 2;
            if (b === 0xe0)
                low = 0xa0;
            if (b === 0xed)
                high = 0x9f;
        }
        else if (b >= 0xf0 && b <= 0xf4) {
            need = 3;
            if (b === 0xf0)
                low = 0x90;
            if (b === 0xf4)
                high = 0x8f;
        }
        else
            return { offset: i, length: 1 };
        for (let k = 1; k <= need; k++) {
            const next = bytes[i + k];
            const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
            if (next === undefined || next < min || next > max)
                return { offset: i, length: Math.min(need + 1, bytes.length - i) };
        }
        i += need + 1;
    }
    return undefined;
}
/** Decodes a migration file; never throws. */
function decodeMigration(data) {
    const other = otherEncoding(data);
    if (other)
        return {
            text: '',
            encodingError: {
                message: `the file is ${other}: PostgreSQL reads SQL as UTF-8, so it would reject this file; save it as UTF-8`,
                index: 0,
                whole: true
            }
        };
    const bytes = startsWith(data, [0xef, 0xbb, 0xbf]) ? data.subarray(3) : data;
    if ((0,external_node_buffer_.isUtf8)(bytes))
        return { text: encoding_decoder.decode(bytes) };
    const bad = firstInvalidUtf8(bytes);
    // isUtf8 and the table agree; should they not, the file is still decoded rather than refused.
    if (!bad)
        return { text: encoding_decoder.decode(bytes) };
    const before = encoding_decoder.decode(bytes.subarray(0, bad.offset));
    return {
        text: before + encoding_decoder.decode(bytes.subarray(bad.offset)),
        encodingError: {
            message: `invalid byte sequence for encoding "UTF8": ${hex(bytes.subarray(bad.offset, bad.offset + bad.length))}`,
            index: before.length
        }
    };
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/files.ts
// Which migration files exist, in what order they deploy, and which of them form the change set being linted.
// Globs and display paths come from shared/src/lib/glob.ts, git from shared/src/lib/git.ts.
//
// What a folder or a glob pulls in stays inside it: a symbolic link found there whose target lies outside the
// folder (for a glob, its leading folder without glob characters) is refused with one error naming the link,
// before anything is read, and so is a folder written relative to the working directory that is itself a link
// out of it. A file named explicitly is read where it is, except that with `workspace` set (the
// action) a path inside the workspace must not lead out of it. `..` in a pattern is resolved on the path as
// written, before any link, so it cannot climb out of a linked folder either.








function realPath(path) {
    try {
        return (0,external_node_fs_.realpathSync)(path);
    }
    catch {
        return undefined;
    }
}
/**
 * Expands files, folders (every .sql below, in any case) and globs relative to cwd. A pattern starting with `!`
 * excludes; so do the `exclude` globs (matched against the display path). Throws one ConfigurationError naming
 * the link when a symbolic link leads out of the folder (or workspace) it was found in; see the top of the file.
 */
function expandPaths(patterns, cwd, exclude = [], options = {}) {
    // Display path -> why it may not be read (undefined: it may).
    const found = new Map();
    const unmatched = [];
    const negations = [...exclude, ...patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1))].map((p) => (0,glob/* globToRegExp */.tL)(p.replace(/^\.\//, '')));
    const workspace = options.workspace === undefined ? undefined : (0,external_node_path_.resolve)(cwd, options.workspace);
    const realWorkspace = workspace === undefined ? undefined : (realPath(workspace) ?? workspace);
    /** Why a path may not be read under the workspace rule, if it may not. */
    const outsideWorkspace = (absolute) => {
        if (workspace === undefined || realWorkspace === undefined)
            return undefined;
        if (!(0,glob/* isInside */.FK)(workspace, absolute))
            return 'is outside the workspace';
        const real = realPath(absolute);
        return real !== undefined && !(0,glob/* isInside */.FK)(realWorkspace, real)
            ? 'leads outside the workspace through a symbolic link'
            : undefined;
    };
    const add = (absolute, refusal) => {
        const display = (0,glob/* displayPath */.Gt)(absolute, cwd);
        if (!found.has(display) || refusal !== undefined)
            found.set(display, refusal);
    };
    const base = (0,external_node_path_.resolve)(cwd);
    const realBase = realPath(base) ?? base;
    /** Files found below `root` (a folder or a glob's leading folder): links must stay inside it. */
    const collect = (root, depth, test) => {
        let rootRefusal = outsideWorkspace(root);
        // A folder written relative to the working directory (a default folder, a config glob) that is itself a
        // link out of it pulls in files from elsewhere: refused like a link found inside it.
        const realRootPath = realPath(root);
        if (rootRefusal === undefined &&
            (0,glob/* isInside */.FK)(base, root) &&
            realRootPath !== undefined &&
            !(0,glob/* isInside */.FK)(realBase, realRootPath))
            rootRefusal = 'is under a symbolic link that leads outside the working directory';
        const realRoot = realRootPath ?? root;
        const label = (0,external_node_path_.resolve)(root) === (0,external_node_path_.resolve)(cwd) ? '.' : (0,glob/* displayPath */.Gt)(root, cwd);
        (0,glob/* walkFiles */.Fv)((0,glob/* toPosix */.d7)(root), depth, (path, entry) => {
            if (!test(path))
                return;
            let refusal = rootRefusal;
            if (refusal === undefined && entry.isSymbolicLink()) {
                const real = realPath(path);
                // A dangling link is left to the read, which names it as missing.
                if (real !== undefined && !(0,glob/* isInside */.FK)(realRoot, real))
                    refusal = `is a symbolic link that leads outside ${label === '.' ? 'the folder it was found in' : label}`;
            }
            add(path, refusal);
        });
    };
    for (const pattern of patterns) {
        if (pattern.startsWith('!'))
            continue;
        const before = found.size;
        if (!(0,glob/* isGlob */.fg)(pattern)) {
            const absolute = (0,external_node_path_.resolve)(cwd, pattern);
            let stat;
            try {
                stat = (0,external_node_fs_.statSync)(absolute);
            }
            catch {
                unmatched.push(pattern);
                continue;
            }
            if (stat.isDirectory())
                collect(absolute, Infinity, (path) => (0,glob/* hasExtension */.Ql)(path, 'sql'));
            else
                add(absolute, outsideWorkspace(absolute));
        }
        else {
            const plan = (0,glob/* planGlobWalk */.xc)(pattern, cwd);
            collect(plan.base, plan.depth, (path) => plan.test.test(path));
        }
        if (found.size === before)
            unmatched.push(pattern);
    }
    const kept = [...found].filter(([file]) => !negations.some((n) => n.test(file)));
    const refused = kept.find(([, refusal]) => refusal !== undefined);
    if (refused)
        throw new errors/* ConfigurationError */.j1(`${refused[0]} ${refused[1]}: refused, nothing was read (see Security in the README)`);
    const files = kept.map(([file]) => file).sort(compareMigrationPaths);
    return { files, unmatched };
}
/** Drops down (rollback) migrations, which are not what a deploy runs, and puts the rest in the tool's order. */
function upMigrations(files, framework) {
    return orderMigrations(files.filter((f) => !isDownMigration(f, framework)), framework);
}
/** Project files (journals, plans, sum files, metadata.toml) are small: a larger one is refused, not read. */
const PROJECT_FILE_LIMIT = 16 * 1024 * 1024;
/**
 * What a migration tool reads beside the migrations, for planMigrations (engine/framework.ts): a project file
 * found next to the files is pulled in by them, so with `workspace` set (the action) it must stay inside the
 * workspace, also once symbolic links are followed; one that leads out is refused with one line.
 */
function projectReader(cwd, options = {}) {
    const workspace = options.workspace === undefined ? undefined : (0,external_node_path_.resolve)(cwd, options.workspace);
    const realWorkspace = workspace === undefined ? undefined : (realPath(workspace) ?? workspace);
    /** The absolute path of a regular file, or undefined; `reading` applies the workspace rule and the size limit. */
    const check = (file, reading) => {
        const path = (0,external_node_path_.resolve)(cwd, file);
        let stat;
        try {
            // Framework detection asks for a project file beside each of hundreds of folders: most are missing, and a
            // thrown error per miss is measurable.
            stat = (0,external_node_fs_.statSync)(path, { throwIfNoEntry: false });
        }
        catch {
            return undefined;
        }
        if (!stat?.isFile())
            return undefined;
        if (!reading)
            return path;
        if (workspace !== undefined && realWorkspace !== undefined) {
            const real = realPath(path);
            if (!(0,glob/* isInside */.FK)(workspace, path) || (real !== undefined && !(0,glob/* isInside */.FK)(realWorkspace, real)))
                throw new errors/* ConfigurationError */.j1(`${file} leads outside the workspace: refused, nothing was read (see Security in the README)`);
        }
        if (stat.size > PROJECT_FILE_LIMIT)
            throw new errors/* ConfigurationError */.j1(`${file} is larger than 16 MiB: refused`);
        return path;
    };
    return {
        exists: (file) => check(file, false) !== undefined,
        read(file) {
            if (check(file, true) === undefined)
                return undefined;
            const { text, encodingError } = decodeMigration(readBytes(file, cwd));
            if (encodingError)
                throw new errors/* ConfigurationError */.j1(`${file}: ${encodingError.message}`);
            return text;
        }
    };
}
function readBytes(file, cwd) {
    const path = (0,external_node_path_.resolve)(cwd, file);
    const reason = (error) => {
        const code = error.code;
        return code === 'EISDIR' ? 'it is a directory' : code === 'ENOENT' ? 'no such file' : (code ?? String(error));
    };
    try {
        const stat = (0,external_node_fs_.statSync)(path);
        if (stat.isDirectory())
            throw new errors/* ConfigurationError */.j1(`cannot read ${file}: it is a directory`);
        // A FIFO or a device would block the read or never end.
        if (!stat.isFile())
            throw new errors/* ConfigurationError */.j1(`cannot read ${file}: not a regular file`);
        return (0,external_node_fs_.readFileSync)(path);
    }
    catch (error) {
        if (error instanceof errors/* ConfigurationError */.j1)
            throw error;
        throw new errors/* ConfigurationError */.j1(`cannot read ${file}: ${reason(error)}`);
    }
}
/** Reads and decodes a migration (see engine/encoding.ts); a failure to read is one line naming the file. */
function readMigrationSource(file, cwd) {
    return decodeMigration(readBytes(file, cwd));
}
/** The text of a migration as the engine sees it. */
function readMigration(file, cwd) {
    return readMigrationSource(file, cwd).text;
}
/**
 * The engine's input. `changeSet` undefined lints every file as its own change set (a whole history, each
 * migration judged as it was deployed); a set lints only those files, together, after replaying the rest.
 * Files after the last linted one cannot influence anything, so they are not read at all.
 */
function buildSources(files, cwd, changeSet, hints) {
    const withHints = (source) => {
        const framework = hints?.get(source.path);
        return framework ? { ...source, framework } : source;
    };
    if (changeSet === undefined)
        return files.map((path, i) => withHints({ path, ...readMigrationSource(path, cwd), lint: true, changeSet: i + 1 }));
    let last = -1;
    files.forEach((path, i) => {
        if (changeSet.has(path))
            last = i;
    });
    return files.slice(0, last + 1).map((path, i) => {
        const lint = changeSet.has(path);
        return withHints({ path, ...readMigrationSource(path, cwd), lint, changeSet: lint ? 0 : i + 1 });
    });
}
// ---- git (shared/src/lib/git.ts: the same base and the same listings as every other action) ----
/** Maps repository-relative paths (as git lists them) to display paths relative to cwd. */
function fromRepo(paths, top, cwd) {
    const realCwd = realPath(cwd) ?? cwd;
    return new Set(paths.map((p) => (0,glob/* displayPath */.Gt)((0,external_node_path_.join)(top, p), realCwd)));
}
/**
 * Files added or modified on this branch since it left `baseRef`: the diff from the merge base of the base
 * branch and HEAD (the base every action uses, see shared/src/lib/git.ts) to HEAD.
 */
function changedFiles(cwd, baseRef) {
    const top = git/* repositoryRoot */.Hn(cwd);
    const base = git/* baseCommit */.tI(cwd, baseRef, 'base branch');
    return fromRepo(git/* changedFiles */.Y_(cwd, base), top, cwd);
}
/**
 * Every file present where this branch left `ref` (the merge base of `ref` and HEAD, as for pull requests), so
 * `--since ref` can tell which ones the branch added. For an ancestor of HEAD (a tag, an earlier commit) that
 * is `ref` itself.
 */
function filesAtRef(cwd, ref) {
    git/* checkRef */.__(ref, '--since');
    const top = git/* repositoryRoot */.Hn(cwd);
    const commit = git/* commitOf */.D3(cwd, ref);
    if (commit === undefined)
        throw new errors/* ConfigurationError */.j1(`--since: "${ref}" is not a commit in this repository`);
    return fromRepo(git/* filesAtCommit */.ao(cwd, git/* mergeBase */.wu(cwd, commit, ref, '--since ref')), top, cwd);
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/compatibility-helpers.ts
// Shared readers for the compatibility and hygiene rules. The parser gives no location for ALTER TABLE
// subcommands, identifiers or the end of a type name, so findings point at them through the statement's
// tokens (engine/sql-lexer.ts: quoting, dollar quotes and comments handled as the server's scanner does).




const statementTokens = statementMemo('tokens', (statement) => lexSql(statement.sql, statement.range.start));
/** The tokens of the statement being linted, lexed once for all the rules that need them. */
function tokensOf(ctx) {
    return statementTokens(ctx, ctx.statement);
}
/** Tokens from a byte offset for up to `chars` characters of the statement (the last may be cut short). */
function tokensFrom(ctx, location, chars) {
    const from = ctx.source.charIndex(location);
    const end = ctx.source.charIndex(ctx.statement.range.end);
    const to = Math.min(from + chars, end);
    const tokens = lexSql(ctx.source.text.slice(from, to), location);
    return to < end ? tokens.slice(0, -1) : tokens;
}
/** Index of the first token at or after a byte offset. */
function tokenAt(tokens, offset) {
    const i = tokens.findIndex((t) => t.end > offset);
    return i === -1 ? tokens.length : i;
}
/**
 * One byte range per ALTER TABLE subcommand, in the order of `cmds`: the subcommands are the top-level
 * comma-separated parts after the table name.
 */
function alterTableParts(ctx) {
    // Asked once per reported subcommand, by several rules: an ALTER TABLE dropping ten columns is split once.
    const memo = ctx.fileState(ALTER_TABLE_PARTS);
    let parts = memo.get(ctx.statement);
    if (!parts)
        memo.set(ctx.statement, (parts = readAlterTableParts(ctx)));
    return parts;
}
const ALTER_TABLE_PARTS = stateKey('alter table parts', () => new Map());
function readAlterTableParts(ctx) {
    const { statement } = ctx;
    const tokens = tokensOf(ctx);
    const relation = statement.kind === 'AlterTableStmt' ? statement.body.relation : undefined;
    let i = relation?.location !== undefined ? tokenAt(tokens, relation.location) : 0;
    // The table name: ident ( . ident )* [*]
    if (i < tokens.length)
        i++;
    while (i + 1 < tokens.length && tokens[i].text === '.')
        i += 2;
    if (tokens[i]?.text === '*')
        i++;
    const parts = [];
    let depth = 0;
    let begin = i;
    for (; i <= tokens.length; i++) {
        const t = tokens[i];
        if (t === undefined || t.text === ';' || (depth === 0 && t.text === ',')) {
            if (begin < i)
                parts.push({ start: tokens[begin].start, end: tokens[i - 1].end });
            begin = i + 1;
            if (t === undefined || t.text === ';')
                break;
            continue;
        }
        if (t.text === '(' || t.text === '[')
            depth++;
        else if (t.text === ')' || t.text === ']')
            depth--;
    }
    return parts;
}
/** The range of ALTER TABLE subcommand `index`, or the whole statement when it cannot be told apart. */
function alterTablePart(ctx, index) {
    const { statement } = ctx;
    const parts = alterTableParts(ctx);
    const cmds = statement.kind === 'AlterTableStmt' ? (statement.body.cmds ?? []) : [];
    return parts.length === cmds.length ? parts[index] : statement.range;
}
const TYPE_WORDS = new Set(['character', 'char', 'varying', 'precision', 'with', 'without', 'time', 'zone', 'array']);
/** The range of a type name written at `location` (`timestamp(3) without time zone[]`, `public.mood`). */
function typeRange(ctx, location) {
    if (location === undefined)
        return ctx.statement.range;
    // A type name is short: scanning a window from its start costs far less than the whole CREATE TABLE.
    const tokens = tokensFrom(ctx, location, 400);
    let i = tokenAt(tokens, location);
    if (i >= tokens.length)
        return ctx.statement.range;
    const start = tokens[i].start;
    let end = tokens[i].end;
    i++;
    while (i < tokens.length) {
        const t = tokens[i];
        if (t.text === '.' && tokens[i + 1]?.word !== undefined) {
            end = tokens[i + 1].end;
            i += 2;
        }
        else if (t.text === '(' || t.text === '[') {
            const close = t.text === '(' ? ')' : ']';
            let depth = 0;
            for (; i < tokens.length; i++) {
                if (tokens[i].text === t.text)
                    depth++;
                else if (tokens[i].text === close && --depth === 0)
                    break;
            }
            if (i >= tokens.length)
                break;
            end = tokens[i].end;
            i++;
        }
        else if (t.word !== undefined && TYPE_WORDS.has(t.word) && !t.text.startsWith('"')) {
            // `national character`, `double precision`, `timestamp with time zone`, `int ARRAY`; not `WITH (...)`.
            if (t.word === 'with' && tokens[i + 1]?.word !== 'time')
                break;
            end = t.end;
            i++;
        }
        else
            break;
    }
    return { start, end };
}
// Every type rule asks for the same statement's columns in turn.
const statementColumnTypes = statementMemo('column types', readColumnTypes);
/** Every column whose type the CREATE TABLE or ALTER TABLE being linted chooses. */
function columnTypes(ctx) {
    return statementColumnTypes(ctx, ctx.statement);
}
function readColumnTypes(statement) {
    const { kind, body } = statement;
    const found = [];
    if (kind === 'CreateStmt') {
        for (const element of body.tableElts ?? []) {
            const def = as(element, 'ColumnDef');
            if (def?.typeName)
                found.push({ relation: body.relation, column: def.colname, typeName: def.typeName, via: 'create' });
        }
    }
    else if (kind === 'AlterTableStmt' && (body.objtype ?? 'OBJECT_TABLE') === 'OBJECT_TABLE') {
        (body.cmds ?? []).forEach((node, index) => {
            const cmd = as(node, 'AlterTableCmd');
            const def = as(cmd?.def, 'ColumnDef');
            if (!cmd || !def?.typeName)
                return;
            if (cmd.subtype === 'AT_AddColumn')
                found.push({ relation: body.relation, column: def.colname, typeName: def.typeName, via: 'add', cmd: index });
            else if (cmd.subtype === 'AT_AlterColumnType')
                found.push({ relation: body.relation, column: cmd.name, typeName: def.typeName, via: 'alter', cmd: index });
        });
    }
    return found;
}
/** The unqualified type name as the parser canonicalises it (`int` gives int4), and whether it was qualified. */
function baseTypeName(typeName) {
    const parts = (typeName?.names ?? []).map((n) => as(n, 'String')?.sval ?? '');
    return { name: parts[parts.length - 1] ?? '', qualified: parts.length > 1 && parts[0] !== 'pg_catalog' };
}
/** The exemption of a column added in this change set by ADD COLUMN. */
const NEW_COLUMN = 'column added in this change set';
/**
 * Why a drop or rename of the column cannot break a release that is already running (none knows the column),
 * or undefined when one may use it.
 */
function newColumnExemption(ctx, relation, column) {
    if (ctx.isNewTable(relation))
        return NEW_TABLE;
    return ctx.isNewColumn(relation, column) ? NEW_COLUMN : undefined;
}
/** Reports each column type of the statement that `matches`, at the type name. */
function reportColumnTypes(ctx, matches, message) {
    for (const column of columnTypes(ctx)) {
        const { name, qualified } = baseTypeName(column.typeName);
        if (qualified || !matches(name, column.typeName))
            continue;
        const range = typeRange(ctx, column.typeName.location);
        ctx.report({ range, message: message(column, ctx.source.slice(range)) });
    }
}
/** `table.column` for messages. */
function columnLabel(relation, column) {
    return `${relation?.relname ?? '?'}.${column}`;
}
/** NAMEDATALEN - 1 in a default build of the server. */
const MAX_IDENTIFIER_BYTES = 63;
/** The name the server keeps: at most 63 bytes, cut at a character boundary. */
function truncateIdentifier(name) {
    if (Buffer.byteLength(name, 'utf8') <= MAX_IDENTIFIER_BYTES)
        return name;
    let kept = '';
    for (const char of name) {
        if (Buffer.byteLength(kept + char, 'utf8') > MAX_IDENTIFIER_BYTES)
            break;
        kept += char;
    }
    return kept;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/adding-required-field.ts



const SERIAL = /^(small|big)?serial[248]?$/;
/**
 * `missing`: a column every existing row must fill but nothing fills (NOT NULL or PRIMARY KEY with no default);
 * `serial`: the same written as a serial type, whose nextval() default fills it; undefined otherwise.
 */
function requiredWithoutValue(def) {
    const serial = SERIAL.test(as(def.typeName?.names?.at(-1), 'String')?.sval ?? '');
    let required = false;
    let filled = false;
    for (const node of def.constraints ?? []) {
        const c = as(node, 'Constraint');
        switch (c?.contype) {
            case 'CONSTR_NOTNULL':
            case 'CONSTR_PRIMARY':
                required = true;
                break;
            case 'CONSTR_DEFAULT':
                // DEFAULT NULL fills nothing: the ADD COLUMN fails on the first row just the same.
                if (!as(c.raw_expr, 'A_Const')?.isnull)
                    filled = true;
                break;
            case 'CONSTR_IDENTITY':
            case 'CONSTR_GENERATED':
                filled = true;
                break;
            default:
                break;
        }
    }
    if (!required || filled)
        return undefined;
    return serial ? 'serial' : 'missing';
}
const addingRequiredField = defineRule({
    id: 'adding-required-field',
    severity: 'error',
    message: 'Adding a NOT NULL column without a default fails on a table with rows and breaks inserts of the running release',
    help: 'PostgreSQL has no value to put in the existing rows, so `ADD COLUMN ... NOT NULL` without a `DEFAULT` fails as soon as the table has a row; and once it exists, every `INSERT` of the release still running (which does not know the column) fails. Add the column with a `DEFAULT` (on PostgreSQL 11+ a constant default does not rewrite the table), or add it nullable, backfill, and enforce NOT NULL with a `CHECK (...) NOT VALID` constraint validated afterwards.',
    equivalents: { squawk: ['adding-required-field'], atlas: ['MF103'] },
    kinds: ['AlterTableStmt'],
    check(ctx) {
        const { kind, body } = ctx.statement;
        if (kind !== 'AlterTableStmt' || (body.objtype ?? 'OBJECT_TABLE') !== 'OBJECT_TABLE')
            return;
        (body.cmds ?? []).forEach((node, index) => {
            const cmd = as(node, 'AlterTableCmd');
            const def = as(cmd?.def, 'ColumnDef');
            const required = cmd?.subtype === 'AT_AddColumn' && def ? requiredWithoutValue(def) : undefined;
            if (!def || !required)
                return;
            const range = alterTablePart(ctx, index);
            // squawk flags it: NOT NULL and no DEFAULT written.
            if (required === 'serial')
                return ctx.report({ range, exempt: 'a serial column is filled from its sequence (its default is nextval())' });
            if (ctx.isNewTable(body.relation))
                return ctx.report({ range, exempt: NEW_TABLE });
            ctx.report({
                range,
                message: `Adding ${body.relation?.relname}.${def.colname} as NOT NULL without a default fails on a table with rows and breaks inserts of the running release`
            });
        });
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/ban-char-field.ts


const banCharField = defineRule({
    id: 'ban-char-field',
    severity: 'warning',
    message: 'char(n) pads values with spaces; use text or varchar',
    help: '`char(n)` (`character`, `bpchar`) pads every value with spaces to n characters, compares ignoring the padding and is no faster than `text`: values read back with trailing spaces surprise applications, and a longer value fails. Use `text`, with a `CHECK (length(col) <= n)` constraint if the length matters. The internal one-byte `"char"` type is not flagged.',
    equivalents: { squawk: ['ban-char-field'] },
    kinds: ['CreateStmt', 'AlterTableStmt'],
    check(ctx) {
        reportColumnTypes(ctx, (name) => name === 'bpchar', (column, written) => `${columnLabel(column.relation, column.column)} is ${written}, which pads values with spaces; use text or varchar`);
        // The quoted "char" (the parser keeps it as `char`, where char(n) becomes bpchar) is flagged by squawk.
        for (const column of columnTypes(ctx)) {
            const { name, qualified } = baseTypeName(column.typeName);
            if (name !== 'char' || qualified)
                continue;
            ctx.report({
                range: typeRange(ctx, column.typeName.location),
                exempt: '"char" is the internal one-byte type, not char(n): it does not pad'
            });
        }
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/recipes.ts
// Expand-migrate-contract recipes: the multi-deploy way to make a change that breaks the running release when
// done in one step, written in SQL for the actual table and column names so it can be copied.

function batchBackfill(table, set, where) {
    return [
        `-- repeat until it updates 0 rows; small batches keep row locks and WAL bursts short`,
        `UPDATE ${table} SET ${set}`,
        `WHERE ctid IN (SELECT ctid FROM ${table} WHERE ${where} LIMIT 10000);`
    ].join('\n');
}
function syncTrigger(table, fn, body) {
    const t = quoteQualified(table);
    return [
        `CREATE OR REPLACE FUNCTION ${quoteIdent(fn)}() RETURNS trigger LANGUAGE plpgsql AS $$`,
        `BEGIN`,
        `  ${body}`,
        `  RETURN NEW;`,
        `END $$;`,
        `CREATE TRIGGER ${quoteIdent(fn)} BEFORE INSERT OR UPDATE ON ${t}`,
        `  FOR EACH ROW EXECUTE FUNCTION ${quoteIdent(fn)}();`
    ].join('\n');
}
function renameColumnRecipe(table, from, to, type = '<type>') {
    const t = quoteQualified(table);
    const [a, b] = [quoteIdent(from), quoteIdent(to)];
    const fn = `${table.name}_${to}_sync`.slice(0, 63);
    return {
        title: `Rename ${table.name}.${from} to ${to} without breaking the running release`,
        steps: [
            {
                title: 'Deploy 1, expand: add the new column and keep both in sync',
                sql: [
                    `ALTER TABLE ${t} ADD COLUMN ${b} ${type};`,
                    syncTrigger(table, fn, `NEW.${b} := COALESCE(NEW.${b}, NEW.${a}); NEW.${a} := COALESCE(NEW.${a}, NEW.${b});`),
                    batchBackfill(t, `${b} = ${a}`, `${b} IS NULL AND ${a} IS NOT NULL`)
                ].join('\n')
            },
            {
                title: `Deploy 2, migrate: the application reads and writes ${to} only`,
                sql: `-- no schema change; ship the code that uses ${to}`
            },
            {
                title: `Deploy 3, contract: once no running release uses ${from}`,
                sql: [
                    `DROP TRIGGER ${quoteIdent(fn)} ON ${t};`,
                    `DROP FUNCTION ${quoteIdent(fn)}();`,
                    `ALTER TABLE ${t} DROP COLUMN ${a};`
                ].join('\n')
            }
        ]
    };
}
function renameTableRecipe(table, to) {
    const t = quoteQualified(table);
    const target = quoteQualified({ ...table, name: to, key: `${table.schema}.${to}` });
    return {
        title: `Rename table ${table.name} to ${to} without breaking the running release`,
        steps: [
            {
                title: 'Deploy 1, expand: rename, and leave an updatable view under the old name',
                sql: [
                    `BEGIN;`,
                    `ALTER TABLE ${t} RENAME TO ${quoteIdent(to)};`,
                    `CREATE VIEW ${t} AS SELECT * FROM ${target};`,
                    `COMMIT;`
                ].join('\n')
            },
            {
                title: `Deploy 2, migrate: the application uses ${to} only`,
                sql: `-- no schema change; ship the code that uses ${to}`
            },
            { title: `Deploy 3, contract: once no running release uses ${table.name}`, sql: `DROP VIEW ${t};` }
        ]
    };
}
function changeTypeRecipe(table, column, newType) {
    const t = quoteQualified(table);
    const a = quoteIdent(column);
    const tmp = `${column}_new`.slice(0, 63);
    const b = quoteIdent(tmp);
    const fn = `${table.name}_${tmp}_sync`.slice(0, 63);
    return {
        title: `Change ${table.name}.${column} to ${newType} without a table rewrite under lock`,
        steps: [
            {
                title: 'Deploy 1, expand: add a column of the new type, dual-write, backfill',
                sql: [
                    `ALTER TABLE ${t} ADD COLUMN ${b} ${newType};`,
                    syncTrigger(table, fn, `NEW.${b} := NEW.${a}::${newType};`),
                    batchBackfill(t, `${b} = ${a}::${newType}`, `${b} IS NULL AND ${a} IS NOT NULL`)
                ].join('\n')
            },
            {
                title: `Deploy 2, migrate: the application reads ${tmp}`,
                sql: `-- no schema change; ship the code that reads ${tmp}`
            },
            {
                title: 'Deploy 3, contract: swap the columns and drop the old one',
                sql: [
                    `BEGIN;`,
                    `SET LOCAL lock_timeout = '2s';`,
                    `DROP TRIGGER ${quoteIdent(fn)} ON ${t};`,
                    `DROP FUNCTION ${quoteIdent(fn)}();`,
                    `ALTER TABLE ${t} DROP COLUMN ${a};`,
                    `ALTER TABLE ${t} RENAME COLUMN ${b} TO ${a};`,
                    `COMMIT;`
                ].join('\n')
            }
        ]
    };
}
function dropColumnRecipe(table, column) {
    const t = quoteQualified(table);
    return {
        title: `Drop ${table.name}.${column} without breaking the running release`,
        steps: [
            {
                title: `Deploy 1: stop using ${column} in the application`,
                sql: `-- no schema change; remove ${column} from queries and ORM models (Rails: ignored_columns; Prisma: remove the field)\n-- if it is NOT NULL without a default, let inserts omit it first:\nALTER TABLE ${t} ALTER COLUMN ${quoteIdent(column)} DROP NOT NULL;`
            },
            {
                title: 'Deploy 2, contract: drop it once no running release reads it',
                sql: `ALTER TABLE ${t} DROP COLUMN ${quoteIdent(column)};`
            }
        ]
    };
}
function setNotNullRecipe(table, column, pgVersion) {
    const t = quoteQualified(table);
    const c = quoteIdent(column);
    const check = quoteIdent(`${table.name}_${column}_not_null`.slice(0, 63));
    const steps = [
        {
            title: 'Deploy 1, expand: the application writes a value for every new row; backfill the old ones',
            sql: batchBackfill(t, `${c} = <value>`, `${c} IS NULL`)
        },
        {
            title: 'Deploy 2: add the rule without scanning under lock, then validate without blocking writes',
            sql: [
                `ALTER TABLE ${t} ADD CONSTRAINT ${check} CHECK (${c} IS NOT NULL) NOT VALID;`,
                `ALTER TABLE ${t} VALIDATE CONSTRAINT ${check};`
            ].join('\n')
        }
    ];
    if (pgVersion >= 12) {
        steps.push({
            title: 'Deploy 3, contract: SET NOT NULL uses the validated check and skips the scan (PostgreSQL 12+)',
            sql: [`ALTER TABLE ${t} ALTER COLUMN ${c} SET NOT NULL;`, `ALTER TABLE ${t} DROP CONSTRAINT ${check};`].join('\n')
        });
    }
    else {
        steps.push({
            title: 'Deploy 3: keep the validated CHECK constraint (before PostgreSQL 12, SET NOT NULL always scans the table)',
            sql: `-- leave ${check} in place`
        });
    }
    return { title: `Make ${table.name}.${column} NOT NULL without a full-table scan under ACCESS EXCLUSIVE`, steps };
}
/** Markdown for a recipe, used in help text, the job summary and the PR comment. */
function recipeMarkdown(recipe) {
    return [
        `**${recipe.title}**`,
        '',
        ...recipe.steps.flatMap((s) => [`${s.title}:`, '', '```sql', s.sql, '```', ''])
    ].join('\n');
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/ban-drop-column.ts




const banDropColumn = defineRule({
    id: 'ban-drop-column',
    severity: 'error',
    message: 'Dropping a column breaks the running release while it still reads or writes the column',
    help: 'During a deploy the previous release keeps running against the new schema: its queries that name the column fail, and ORMs that select every mapped column fail on every read of the table. Stop using the column in one deploy (and let inserts omit it), then drop it in a later one. Columns added in the same change set are not flagged: no running release knows them.',
    equivalents: { squawk: ['ban-drop-column'], atlas: ['DS103'], strongMigrations: ['remove_column'] },
    kinds: ['AlterTableStmt'],
    check(ctx) {
        const { kind, body } = ctx.statement;
        if (kind !== 'AlterTableStmt' || (body.objtype ?? 'OBJECT_TABLE') !== 'OBJECT_TABLE')
            return;
        (body.cmds ?? []).forEach((node, index) => {
            const cmd = as(node, 'AlterTableCmd');
            if (cmd?.subtype !== 'AT_DropColumn')
                return;
            const range = alterTablePart(ctx, index);
            const exempt = newColumnExemption(ctx, body.relation, cmd.name);
            if (exempt)
                return ctx.report({ range, exempt });
            ctx.report({
                range,
                message: `Dropping ${body.relation?.relname}.${cmd.name} breaks the running release while it still reads or writes the column`,
                recipe: dropColumnRecipe(relationName(body.relation), cmd.name ?? '')
            });
        });
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/ban-drop-database.ts

const banDropDatabase = defineRule({
    id: 'ban-drop-database',
    severity: 'error',
    message: 'DROP DATABASE in a migration destroys every table of the database',
    help: 'A migration that drops a database takes every schema, table and row with it, and whatever connects to it stops working. This belongs in a one-off operation run by hand with a fresh backup, not in a migration that runs on every environment.',
    equivalents: { squawk: ['ban-drop-database'] },
    kinds: ['DropdbStmt'],
    check(ctx) {
        if (ctx.statement.kind !== 'DropdbStmt')
            return;
        ctx.report({
            message: `DROP DATABASE ${ctx.statement.body.dbname} in a migration destroys every table of the database`
        });
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/ban-drop-not-null.ts



const banDropNotNull = defineRule({
    id: 'ban-drop-not-null',
    severity: 'warning',
    message: 'Dropping NOT NULL lets NULLs in that code reading the column may not expect',
    help: 'Once the column accepts NULL, the new release (or another writer) stores NULLs, and code that assumed a value (the release still running, a rollback, reports, other services) fails on them. Make sure every reader handles NULL before the constraint goes, then drop it. Columns added in the same change set are not flagged.',
    equivalents: { squawk: ['ban-drop-not-null'] },
    kinds: ['AlterTableStmt'],
    check(ctx) {
        const { kind, body } = ctx.statement;
        if (kind !== 'AlterTableStmt' || (body.objtype ?? 'OBJECT_TABLE') !== 'OBJECT_TABLE')
            return;
        (body.cmds ?? []).forEach((node, index) => {
            const cmd = as(node, 'AlterTableCmd');
            if (cmd?.subtype !== 'AT_DropNotNull')
                return;
            const range = alterTablePart(ctx, index);
            const exempt = newColumnExemption(ctx, body.relation, cmd.name);
            if (exempt)
                return ctx.report({ range, exempt });
            ctx.report({
                range,
                message: `Dropping NOT NULL on ${body.relation?.relname}.${cmd.name} lets NULLs in that code reading the column may not expect`
            });
        });
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/ban-drop-table.ts


const banDropTable = defineRule({
    id: 'ban-drop-table',
    severity: 'error',
    message: 'Dropping a table breaks the running release while it still uses the table, and loses its data',
    help: 'The release still running during the deploy (and any rollback to it) fails on every query of a dropped table, and the data cannot be recovered without a backup restore. Remove every use of the table in one deploy, then drop it in a later one; consider renaming it first and dropping it once nothing complained. Tables created in the same change set are not flagged.',
    equivalents: { squawk: ['ban-drop-table'], atlas: ['DS102'] },
    kinds: ['DropStmt'],
    check(ctx) {
        const { kind, body } = ctx.statement;
        if (kind !== 'DropStmt' || body.removeType !== 'OBJECT_TABLE')
            return;
        const dropped = (body.objects ?? []).map((o) => listName(as(o, 'List')?.items));
        const existing = dropped.filter((q) => ctx.catalog.table(q.key)?.createdIn !== ctx.changeSet);
        if (existing.length === 0)
            return ctx.report({ exempt: NEW_TABLE });
        ctx.report({
            message: `Dropping ${existing.map((q) => q.name).join(', ')} breaks the running release while it still uses the table, and loses its data`
        });
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/ban-duplicate-column-assignments.ts



const banDuplicateColumnAssignments = defineRule({
    id: 'ban-duplicate-column-assignments',
    severity: 'error',
    message: 'The same column is assigned or defined twice: the statement fails',
    help: 'PostgreSQL rejects an `UPDATE ... SET`, `INSERT (...)` column list or `ON CONFLICT DO UPDATE SET` that assigns a column twice ("multiple assignments to same column"), and a `CREATE TABLE` that defines a column twice, so the migration fails when it runs. Names are compared after case folding and truncation to 63 bytes, as the server does. Remove the duplicate.',
    equivalents: { squawk: ['ban-duplicate-column-assignments'] },
    check(ctx) {
        const groups = [];
        const plain = (targets) => {
            const named = [];
            for (const node of targets ?? []) {
                const t = as(node, 'ResTarget');
                if (t?.name && !(t.indirection ?? []).length)
                    named.push({ name: t.name, location: t.location });
            }
            return named;
        };
        // Only the statement itself and the queries of its WITH clauses can be an INSERT or UPDATE: walking a whole
        // tree (a 1,500-row VALUES list, say) would cost more than parsing it.
        for (const statement of dataModifying(ctx.statement.node)) {
            if (statement.kind === 'UpdateStmt')
                groups.push({ names: plain(statement.body.targetList), what: 'assigned more than once' });
            if (statement.kind === 'InsertStmt') {
                groups.push({ names: plain(statement.body.cols), what: 'listed more than once' });
                groups.push({ names: plain(statement.body.onConflictClause?.targetList), what: 'assigned more than once' });
            }
        }
        if (ctx.statement.kind === 'CreateStmt') {
            const columns = [];
            for (const element of ctx.statement.body.tableElts ?? []) {
                const c = as(element, 'ColumnDef');
                if (c?.colname)
                    columns.push({ name: c.colname, location: c.location });
            }
            groups.push({ names: columns, what: 'defined more than once' });
        }
        // Tokens only locate a duplicate: scanning costs as much as parsing, so only when there is one.
        let tokens;
        for (const group of groups) {
            const seen = new Set();
            for (const named of group.names) {
                if (!seen.has(named.name)) {
                    seen.add(named.name);
                    continue;
                }
                tokens ??= tokensOf(ctx);
                const token = named.location !== undefined ? tokens[tokenAt(tokens, named.location)] : undefined;
                ctx.report({
                    range: token ? { start: token.start, end: token.end } : undefined,
                    message: `Column ${named.name} is ${group.what}: the statement fails`
                });
            }
        }
    }
});
/** The statement and, recursively, the queries of its WITH clauses. */
function dataModifying(node, found = []) {
    const statement = unwrap(node);
    if (!statement)
        return found;
    found.push(statement);
    const body = statement.body;
    const withClause = 'withClause' in body ? body.withClause : undefined;
    for (const cte of withClause?.ctes ?? [])
        dataModifying(as(cte, 'CommonTableExpr')?.ctequery, found);
    return found;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/ban-truncate-cascade.ts


const banTruncateCascade = defineRule({
    id: 'ban-truncate-cascade',
    severity: 'error',
    message: 'TRUNCATE ... CASCADE also empties every table that references these through a foreign key',
    help: '`CASCADE` truncates every table with a foreign key to the named ones, and the tables referencing those, recursively: tables nobody meant to empty lose all their rows, under an ACCESS EXCLUSIVE lock on each. Name every table to empty explicitly and leave out `CASCADE`, so a forgotten reference makes the statement fail instead.',
    equivalents: { squawk: ['ban-truncate-cascade'] },
    kinds: ['TruncateStmt'],
    check(ctx) {
        const { kind, body } = ctx.statement;
        if (kind !== 'TruncateStmt' || body.behavior !== 'DROP_CASCADE')
            return;
        const cascade = tokensOf(ctx).findLast((t) => t.word === 'cascade' && !t.text.startsWith('"'));
        ctx.report({ range: cascade ? { start: cascade.start, end: cascade.end } : undefined });
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/exclusion-constraint.ts



const exclusionConstraint = defineRule({
    id: 'exclusion-constraint',
    severity: 'error',
    cost: 'index-build',
    message: 'Adding an EXCLUDE constraint builds its index and checks every row under ACCESS EXCLUSIVE',
    help: 'An exclusion constraint cannot be added `NOT VALID` nor built from an index made `CONCURRENTLY`: `ALTER TABLE ... ADD ... EXCLUDE` builds the index and checks all rows while holding ACCESS EXCLUSIVE, so every read and write of the table waits, for minutes on a large table. There is no online way: add it while the table is new or small, in a maintenance window, or enforce the rule in the application (or with a trigger) instead. Tables created in the same change set are not flagged.',
    equivalents: { eugene: ['E8'], strongMigrations: ['add_exclusion_constraint'] },
    kinds: ['AlterTableStmt'],
    check(ctx) {
        const { kind, body } = ctx.statement;
        if (kind !== 'AlterTableStmt' || (body.objtype ?? 'OBJECT_TABLE') !== 'OBJECT_TABLE')
            return;
        (body.cmds ?? []).forEach((node, index) => {
            const cmd = as(node, 'AlterTableCmd');
            if (cmd?.subtype !== 'AT_AddConstraint' || as(cmd.def, 'Constraint')?.contype !== 'CONSTR_EXCLUSION')
                return;
            const range = alterTablePart(ctx, index);
            if (ctx.isNewTable(body.relation))
                return ctx.report({ range, exempt: NEW_TABLE });
            ctx.report({
                range,
                message: `Adding an EXCLUDE constraint to ${body.relation?.relname} builds its index and checks every row under ACCESS EXCLUSIVE`
            });
        });
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/identifier-too-long.ts


const identifierTooLong = defineRule({
    id: 'identifier-too-long',
    severity: 'warning',
    message: 'Identifiers longer than 63 bytes are silently truncated',
    help: 'PostgreSQL keeps only the first 63 bytes of a name (UTF-8 bytes, so fewer characters for accented or non-Latin names) and only prints a NOTICE. The object gets a different name than the one written: two long names that share their first 63 bytes collide, and ORMs and schema-diff tools that compare names see a mismatch on every run. Shorten the name.',
    equivalents: { squawk: ['identifier-too-long'] },
    check(ctx) {
        // Scanning every statement costs as much as parsing it; only a statement with a long enough word needs it.
        if (!mayHoldLongIdentifier(ctx.statement.sql))
            return;
        const reported = new Set();
        for (const token of tokensOf(ctx)) {
            const word = token.word;
            if (word === undefined || Buffer.byteLength(word, 'utf8') <= MAX_IDENTIFIER_BYTES || reported.has(word))
                continue;
            reported.add(word);
            ctx.report({
                range: { start: token.start, end: token.end },
                message: `${word} is ${Buffer.byteLength(word, 'utf8')} bytes: PostgreSQL silently truncates it to ${truncateIdentifier(word)}`
            });
        }
    }
});
/**
 * A quoted identifier or bare word over the byte limit may occur (a string literal can look like one; the scan
 * decides). A loop, not a regular expression: a 10 MB literal must not exhaust the regexp engine's stack.
 */
function mayHoldLongIdentifier(sql) {
    let runBytes = 0;
    for (let i = 0; i < sql.length; i++) {
        const code = sql.charCodeAt(i);
        if (code === 34 /* " */) {
            const close = sql.indexOf('"', i + 1);
            const end = close === -1 ? sql.length : close;
            if (end - i - 1 > 15 && Buffer.byteLength(sql.slice(i + 1, end), 'utf8') > MAX_IDENTIFIER_BYTES)
                return true;
            i = end;
            runBytes = 0;
        }
        else if (isIdentifierUnit(code)) {
            // UTF-8 width per UTF-16 unit; a surrogate pair (4 bytes) counts 2 + 2.
            runBytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3;
            if (runBytes > MAX_IDENTIFIER_BYTES)
                return true;
        }
        else
            runBytes = 0;
    }
    return false;
}
function isIdentifierUnit(code) {
    const digit = code >= 48 && code <= 57;
    const letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    return digit || letter || code === 95 /* _ */ || code === 36 /* $ */ || code >= 128;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/prefer-bigint-over-int.ts


const INT4 = new Set(['int4', 'serial', 'serial4']);
const preferBigintOverInt = defineRule({
    id: 'prefer-bigint-over-int',
    severity: 'warning',
    message: 'A 32-bit integer column runs out at 2,147,483,647; use bigint',
    help: 'Ids, counters and sums in `integer` (`int`, `int4`, `serial`) overflow at about 2.1 billion, and widening the column later rewrites the whole table under an ACCESS EXCLUSIVE lock. `bigint` costs 4 more bytes per value and removes the limit; choose it up front.',
    equivalents: { squawk: ['prefer-bigint-over-int'] },
    kinds: ['CreateStmt', 'AlterTableStmt'],
    check(ctx) {
        reportColumnTypes(ctx, (name) => INT4.has(name), (column, written) => `${columnLabel(column.relation, column.column)} is ${written}, a 32-bit integer that runs out at 2,147,483,647; use bigint`);
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/prefer-bigint-over-smallint.ts


const INT2 = new Set(['int2', 'smallserial', 'serial2']);
const preferBigintOverSmallint = defineRule({
    id: 'prefer-bigint-over-smallint',
    severity: 'warning',
    message: 'A 16-bit integer column runs out at 32,767; use bigint',
    help: '`smallint` (`int2`, `smallserial`) overflows at 32,767, and widening the column later rewrites the whole table under an ACCESS EXCLUSIVE lock. Alignment padding often makes the saving nil anyway; use `bigint` (or `integer` when the range is truly bounded).',
    equivalents: { squawk: ['prefer-bigint-over-smallint'] },
    kinds: ['CreateStmt', 'AlterTableStmt'],
    check(ctx) {
        reportColumnTypes(ctx, (name) => INT2.has(name), (column, written) => `${columnLabel(column.relation, column.column)} is ${written}, a 16-bit integer that runs out at 32,767; use bigint`);
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/prefer-identity.ts


const prefer_identity_SERIAL = /^(small|big)?serial[248]?$/;
const preferIdentity = defineRule({
    id: 'prefer-identity',
    severity: 'warning',
    message: 'serial columns own a separate sequence with its own permissions; use an identity column',
    help: '`serial` creates a sequence the column merely defaults to: it needs its own grants, is left behind or mis-owned by copies such as `CREATE TABLE ... (LIKE ...)`, and lets inserts bypass it. `bigint GENERATED BY DEFAULT AS IDENTITY` (or `ALWAYS`) ties the sequence to the column and is the SQL-standard form.',
    equivalents: { squawk: ['prefer-identity'] },
    kinds: ['CreateStmt', 'AlterTableStmt'],
    check(ctx) {
        reportColumnTypes(ctx, (name) => prefer_identity_SERIAL.test(name), (column, written) => `${columnLabel(column.relation, column.column)} is ${written}; use bigint GENERATED BY DEFAULT AS IDENTITY`);
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/prefer-jsonb.ts


const preferJsonb = defineRule({
    id: 'prefer-jsonb',
    severity: 'warning',
    message: 'json columns have no equality operator and cannot be indexed; use jsonb',
    help: '`json` keeps the text as written: it has no equality operator, so `SELECT DISTINCT`, `UNION` and `GROUP BY` on the table fail, it cannot be indexed with GIN, and every access reparses it. `jsonb` has none of these problems; keep `json` only when the exact text (key order, duplicates, whitespace) must survive.',
    equivalents: { eugene: ['E3'], strongMigrations: ['add_column_json'] },
    kinds: ['CreateStmt', 'AlterTableStmt'],
    check(ctx) {
        reportColumnTypes(ctx, (name) => name === 'json', (column, written) => `${columnLabel(column.relation, column.column)} is ${written}, which has no equality operator and cannot be indexed; use jsonb`);
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/prefer-text-field.ts



const preferTextField = defineRule({
    id: 'prefer-text-field',
    severity: 'warning',
    message: 'varchar(n) puts the length limit in the column type, where changing it needs ACCESS EXCLUSIVE',
    help: 'A limit written in the type (`varchar(n)`, `character varying(n)`) can only be changed with `ALTER COLUMN ... TYPE`, which takes ACCESS EXCLUSIVE: raising it is a catalogue change but still waits for, and then blocks, every query of the table; lowering it checks and rewrites every row. Use `text` (same storage, same speed) and put the limit in a `CHECK (char_length(col) <= n)` constraint: a new limit is then a constraint added `NOT VALID` and validated later, while reads and writes go on.',
    equivalents: { squawk: ['prefer-text-field'] },
    kinds: ['CreateStmt', 'AlterTableStmt'],
    check(ctx) {
        reportColumnTypes(ctx, (name, typeName) => name === 'varchar' && (typeName.typmods?.length ?? 0) > 0, (column, written) => {
            const { mods, array } = typeRef(column.typeName);
            const label = columnLabel(column.relation, column.column);
            const instead = array > 0
                ? `text${'[]'.repeat(array)}, with a CHECK constraint if the elements need a limit`
                : `text with CHECK (char_length(${quoteIdent(column.column ?? 'col')}) <= ${mods[0] ?? 'n'})`;
            return `${label} is ${written}: changing the limit later locks the table (ACCESS EXCLUSIVE); use ${instead}`;
        });
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/prefer-timestamptz.ts


const preferTimestamptz = defineRule({
    id: 'prefer-timestamptz',
    severity: 'warning',
    message: 'timestamp without time zone drops the offset; use timestamptz',
    help: '`timestamp` (without time zone) stores whatever wall-clock time it is given and forgets the offset: values written by clients or servers in different time zones, or across a daylight-saving change, cannot be compared. `timestamptz` stores an absolute instant and costs the same 8 bytes.',
    equivalents: { squawk: ['prefer-timestamptz', 'prefer-timestamp-tz'] },
    kinds: ['CreateStmt', 'AlterTableStmt'],
    check(ctx) {
        reportColumnTypes(ctx, (name) => name === 'timestamp', (column, written) => `${columnLabel(column.relation, column.column)} is ${written}, which drops the time zone offset; use timestamptz`);
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/renaming-column.ts




const renamingColumn = defineRule({
    id: 'renaming-column',
    severity: 'error',
    message: 'Renaming a column breaks the running release, which still uses the old name',
    help: 'The release still running during the deploy, and any rollback, query the column by its old name and fail once it is renamed. Add the new column and keep both in sync, move the application to the new name, then drop the old column in a later deploy (the recipe below). Columns added in the same change set are not flagged.',
    equivalents: { squawk: ['renaming-column'], atlas: ['BC102'], strongMigrations: ['rename_column'] },
    kinds: ['RenameStmt'],
    check(ctx) {
        const { kind, body } = ctx.statement;
        if (kind !== 'RenameStmt' || body.renameType !== 'OBJECT_COLUMN' || body.relationType !== 'OBJECT_TABLE')
            return;
        const exempt = newColumnExemption(ctx, body.relation, body.subname);
        if (exempt)
            return ctx.report({ exempt });
        const column = body.subname ?? '';
        const type = ctx.table(body.relation)?.columns.get(column)?.type.display;
        ctx.report({
            message: `Renaming ${body.relation?.relname}.${body.subname} to ${body.newname} breaks the running release, which still uses the old name`,
            recipe: renameColumnRecipe(relationName(body.relation), column, body.newname ?? '', type)
        });
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/renaming-table.ts



const renamingTable = defineRule({
    id: 'renaming-table',
    severity: 'error',
    message: 'Renaming a table breaks the running release, which still uses the old name',
    help: 'The release still running during the deploy, and any rollback, query the table by its old name and fail once it is renamed. Rename it and leave an updatable view under the old name in the same transaction, move the application to the new name, then drop the view (the recipe below). Tables created in the same change set are not flagged.',
    equivalents: { squawk: ['renaming-table'], atlas: ['BC101'], strongMigrations: ['rename_table'] },
    kinds: ['RenameStmt'],
    check(ctx) {
        const { kind, body } = ctx.statement;
        if (kind !== 'RenameStmt' || body.renameType !== 'OBJECT_TABLE')
            return;
        if (ctx.isNewTable(body.relation))
            return ctx.report({ exempt: NEW_TABLE });
        ctx.report({
            message: `Renaming table ${body.relation?.relname} to ${body.newname} breaks the running release, which still uses the old name`,
            recipe: renameTableRecipe(relationName(body.relation), body.newname ?? '')
        });
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/require-enum-value-ordering.ts

const requireEnumValueOrdering = defineRule({
    id: 'require-enum-value-ordering',
    severity: 'warning',
    message: 'ALTER TYPE ... ADD VALUE without BEFORE or AFTER appends the value at the end of the enum order',
    help: 'Enum values sort in their declared order, not alphabetically: a value appended at the end changes the results of `ORDER BY`, `<` and `>` on the column if it belongs somewhere in the middle. Say where it goes with `ADD VALUE ... BEFORE` or `AFTER` an existing value; write `AFTER <last value>` when the end is intended.',
    equivalents: { squawk: ['require-enum-value-ordering'] },
    kinds: ['AlterEnumStmt'],
    check(ctx) {
        const { kind, body } = ctx.statement;
        if (kind !== 'AlterEnumStmt' || !body.newVal || body.oldVal || body.newValNeighbor)
            return;
        ctx.report({
            message: `ADD VALUE '${body.newVal}' without BEFORE or AFTER appends it at the end of the enum order`
        });
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/require-table-schema.ts



// ALTER TABLE ... RENAME [COLUMN | CONSTRAINT]; the parser records no relationType for the constraint form.
const TABLE_RENAMES = new Set(['OBJECT_TABLE', 'OBJECT_COLUMN', 'OBJECT_TABCONSTRAINT']);
const range = (t) => ({ start: t.start, end: t.end });
const requireTableSchema = defineRule({
    id: 'require-table-schema',
    severity: 'warning',
    optIn: true,
    message: 'The table name is not schema-qualified, so search_path decides which table it is',
    help: 'An unqualified name resolves through `search_path`, which can differ between the migration runner, a manual psql session and other roles: the same migration can then create or change a table in another schema. Write `schema.table`. squawk only runs this rule when asked (`--include require-table-schema`); teams with a single `public` schema usually disable it.',
    equivalents: { squawk: ['require-table-schema'] },
    check(ctx) {
        const { kind, body } = ctx.statement;
        const tokens = tokensOf(ctx);
        const relations = [];
        if (kind === 'CreateStmt')
            relations.push(body.relation);
        else if (kind === 'CreateTableAsStmt' && body.objtype === 'OBJECT_TABLE')
            relations.push(body.into?.rel);
        else if (kind === 'AlterTableStmt' && body.objtype === 'OBJECT_TABLE')
            relations.push(body.relation);
        else if (kind === 'RenameStmt' &&
            TABLE_RENAMES.has(body.renameType) &&
            (body.renameType !== 'OBJECT_COLUMN' || body.relationType === 'OBJECT_TABLE'))
            relations.push(body.relation);
        for (const rel of relations) {
            if (!rel || rel.schemaname)
                continue;
            const token = tokens[tokenAt(tokens, rel.location ?? ctx.statement.range.start)];
            ctx.report({ range: token ? range(token) : undefined });
        }
        if (kind === 'DropStmt' && body.removeType === 'OBJECT_TABLE') {
            let from = 0;
            for (const object of body.objects ?? []) {
                const parts = names(as(object, 'List')?.items);
                // The parser keeps no location for DROP TABLE names: find each one after the previous.
                const at = tokens.findIndex((t, i) => i >= from &&
                    i > 1 &&
                    t.word !== undefined &&
                    truncateIdentifier(t.word) === parts[parts.length - 1] &&
                    tokens[i - 1].text !== '.');
                if (at === -1)
                    continue;
                from = at + 1;
                if (parts.length === 1)
                    ctx.report({ range: range(tokens[at]) });
            }
        }
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/compatibility.ts




















const COMPATIBILITY_RULES = [
    // Changes that break the running release or lose data.
    addingRequiredField,
    banDropColumn,
    banDropTable,
    banDropDatabase,
    banDropNotNull,
    banTruncateCascade,
    renamingColumn,
    renamingTable,
    banDuplicateColumnAssignments,
    exclusionConstraint,
    // Hygiene: choices that are cheap now and expensive to change later.
    banCharField,
    preferTextField,
    preferBigintOverInt,
    preferBigintOverSmallint,
    preferIdentity,
    preferTimestamptz,
    preferJsonb,
    requireEnumValueOrdering,
    identifierTooLong,
    requireTableSchema
];

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/internal-error.ts

// Emitted by the driver (engine/lint.ts) when a rule throws; declared here for the catalogue and config.
const internalError = defineRule({
    id: 'internal-error',
    severity: 'error',
    message: 'A rule failed on this statement (a bug in migration-safety); the other rules still ran',
    help: 'One rule threw an exception while checking this statement, so the hazard it looks for was not checked here. The finding names the rule and the error. Please report it with the statement; to get past it meanwhile, suppress the failing rule for this statement with `-- ubos-ignore: <rule>`.',
    equivalents: {}
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/volatility.ts

const VOLATILE = new Set([
    'clock_timestamp',
    'timeofday',
    'random',
    'random_normal',
    'setseed',
    'gen_random_uuid',
    'uuidv4',
    'uuidv7',
    'uuid_generate_v1',
    'uuid_generate_v1mc',
    'uuid_generate_v4',
    'gen_random_bytes',
    'gen_salt',
    'nextval',
    'currval',
    'lastval',
    'setval',
    'dblink',
    'pg_read_file'
]);
const STABLE = new Set([
    'now',
    'transaction_timestamp',
    'statement_timestamp',
    'current_setting',
    'current_schema',
    'current_schemas',
    'current_database',
    'current_user',
    'session_user',
    'to_char',
    'to_date',
    'to_timestamp',
    'to_json',
    'to_jsonb',
    'row_to_json',
    'json_build_object',
    'jsonb_build_object',
    'json_build_array',
    'jsonb_build_array',
    'json_object',
    'jsonb_object',
    'concat',
    'concat_ws',
    'format',
    'age',
    'date_trunc',
    'date_part',
    'extract',
    'timezone',
    'pg_backend_pid',
    'txid_current',
    'pg_current_xact_id',
    'inet_client_addr',
    'version',
    'array_to_json'
]);
const IMMUTABLE = new Set([
    'lower',
    'upper',
    'initcap',
    'length',
    'char_length',
    'character_length',
    'octet_length',
    'btrim',
    'ltrim',
    'rtrim',
    'trim',
    'lpad',
    'rpad',
    'left',
    'right',
    'repeat',
    'replace',
    'reverse',
    'substr',
    'substring',
    'split_part',
    'strpos',
    'position',
    'translate',
    'regexp_replace',
    'md5',
    'sha224',
    'sha256',
    'sha384',
    'sha512',
    'encode',
    'decode',
    'abs',
    'ceil',
    'ceiling',
    'floor',
    'round',
    'trunc',
    'mod',
    'power',
    'sqrt',
    'greatest',
    'least',
    'coalesce',
    'nullif',
    'make_date',
    'make_time',
    'make_interval',
    'make_timestamp',
    'array_fill',
    'array_length',
    'jsonb_typeof',
    'json_typeof',
    'int2',
    'int4',
    'int8',
    'float4',
    'float8',
    'numeric',
    'text',
    'bool',
    'uuid_nil',
    'uuid_ns_dns',
    'uuid_ns_url',
    'uuid_generate_v3',
    'uuid_generate_v5'
]);
const RANK = { immutable: 0, stable: 1, volatile: 2 };
/** Volatility of a built-in function by name (schema-less, lower case), or undefined when not in the table. */
function functionVolatility(name) {
    const key = name.toLowerCase();
    if (VOLATILE.has(key))
        return 'volatile';
    if (STABLE.has(key))
        return 'stable';
    if (IMMUTABLE.has(key))
        return 'immutable';
    return undefined;
}
/**
 * The volatility of a default expression: the most volatile function it calls. Constants, casts of constants,
 * operators on them, ARRAY[...] and CASE/COALESCE only combine their parts. SQL value functions
 * (CURRENT_TIMESTAMP, CURRENT_DATE, LOCALTIMESTAMP, CURRENT_USER...) are stable.
 */
function expressionVolatility(expr) {
    const verdict = { volatility: 'immutable', volatileCalls: [], unknownCalls: [] };
    const raise = (v) => {
        if (RANK[v] > RANK[verdict.volatility])
            verdict.volatility = v;
    };
    // Walks wrapped nodes and the plain objects and arrays between them (a payload, a list), whatever their type.
    const visit = (node) => {
        if (Array.isArray(node)) {
            for (const item of node)
                visit(item);
            return;
        }
        const wrapper = wrapperOf(node);
        if (!wrapper)
            return;
        const type = nodeType(wrapper);
        const call = type === 'FuncCall' ? as(wrapper, 'FuncCall') : undefined;
        if (call) {
            const parts = names(call.funcname);
            const name = (parts[parts.length - 1] ?? '').toLowerCase();
            const known = functionVolatility(name);
            if (known === undefined) {
                verdict.unknownCalls.push(parts.join('.'));
                raise('volatile');
            }
            else {
                if (known === 'volatile')
                    verdict.volatileCalls.push(name);
                raise(known);
            }
            visit(call.args);
            return;
        }
        if (type === 'SQLValueFunction') {
            raise('stable');
            return;
        }
        // A subquery cannot appear in a default, but a generated column or USING may hold one: its volatility is
        // not knowable here.
        if (type === 'SubLink') {
            verdict.unknownCalls.push('(subquery)');
            raise('volatile');
            return;
        }
        for (const value of childrenOf(node))
            if (value && typeof value === 'object')
                visit(value);
    };
    visit(expr);
    return verdict;
}
/** `DEFAULT NULL` (possibly cast): the column gets no stored value, on any version. */
function isNullConstant(expr) {
    const cast = as(expr, 'TypeCast');
    if (cast)
        return isNullConstant(cast.arg);
    return as(expr, 'A_Const')?.isnull === true;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/locking-shared.ts
// Readers shared by the locking rules: ALTER TABLE sub-commands, the statements of the current transaction, and
// the table an index belongs to.

/** An `ALTER TABLE` (not ALTER INDEX/VIEW/...) and its sub-commands; no sub-commands for any other statement. */
function alterTableOf(ctx) {
    const statement = ctx.statement;
    if (statement.kind !== 'AlterTableStmt')
        return { relation: undefined, cmds: [] };
    const { objtype, relation, cmds } = statement.body;
    if (objtype && objtype !== 'OBJECT_TABLE')
        return { relation, cmds: [] };
    return { relation, cmds: present((cmds ?? []).map((node) => as(node, 'AlterTableCmd'))) };
}
/** The constraints written on a column definition (`ADD COLUMN x int UNIQUE REFERENCES t`). */
function columnConstraints(def) {
    return present((def?.constraints ?? []).map((node) => as(node, 'Constraint')));
}
/** The entries that are there (`filter(Boolean)` with its type). */
function present(list) {
    return list.filter((item) => !!item);
}
/**
 * The statements before the current one that run in the same transaction: back to the BEGIN of an explicit
 * transaction, or to the start of the file (or the last COMMIT) in a framework's implicit one. Empty when the
 * statement runs in autocommit mode.
 */
function earlierInTransaction(ctx) {
    if (!ctx.transaction.inTransaction)
        return [];
    const found = [];
    for (let i = ctx.statement.index - 1; i >= 0; i--) {
        const statement = ctx.statements[i];
        if (!statement)
            break;
        if (statement.kind === 'TransactionStmt') {
            const kind = statement.body.kind;
            if (kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') {
                if (ctx.transaction.explicit)
                    break;
                continue;
            }
            if (kind !== 'TRANS_STMT_SAVEPOINT' && kind !== 'TRANS_STMT_RELEASE')
                break;
            continue;
        }
        found.push(statement);
    }
    return found.reverse();
}
/** A RangeVar-like node for a catalogue key, so the context's table helpers can be used with it. */
function rangeVarOf(key) {
    const dot = key.indexOf('.');
    return { schemaname: key.slice(0, dot), relname: key.slice(dot + 1) };
}
/** The key of the table an index (or a PK/UNIQUE constraint's index) belongs to, when the catalogue knows it. */
function tableOfIndex(ctx, index) {
    const known = ctx.catalog.indexes.get(index.key);
    if (known)
        return known.table;
    for (const table of ctx.catalog.tables.values()) {
        if (table.schema === index.schema && table.constraints.has(index.name))
            return table.key;
    }
    return undefined;
}
/** A boolean option written false: `(FULL false)`, `(CONCURRENTLY off)`, `(FULL 0)`. */
function isFalseOption(arg) {
    if (arg === undefined)
        return false;
    const integer = as(arg, 'Integer');
    if (integer)
        return !integer.ival;
    const text = as(arg, 'String')?.sval ?? as(arg, 'A_Const')?.sval?.sval;
    return typeof text === 'string' && /^(false|off|0|no)$/i.test(text);
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/adding-field-with-default.ts




const adding_field_with_default_SERIAL = /^(small|big)?serial[248]?$/;
const addingFieldWithDefault = defineRule({
    id: 'adding-field-with-default',
    severity: 'error',
    cost: 'rewrite',
    message: 'Adding this column rewrites the whole table under an ACCESS EXCLUSIVE lock',
    help: 'PostgreSQL 11+ stores a non-volatile default once in the catalogue, so `ADD COLUMN ... DEFAULT 0` or `DEFAULT now()` is instant. A volatile default (`gen_random_uuid()`, `clock_timestamp()`, `random()`, `nextval()`: SERIAL and IDENTITY columns too), a stored generated column, or any default before PostgreSQL 11 is computed for every row: the table and its indexes are rewritten while reads and writes wait. Add the column without the default (or with a constant one), `ALTER COLUMN ... SET DEFAULT` for new rows, and backfill old rows in batches.',
    equivalents: {
        squawk: ['adding-field-with-default'],
        eugene: ['E11'],
        atlas: ['PG302'],
        strongMigrations: ['add_column_default', 'add_column_generated_stored']
    },
    kinds: ['AlterTableStmt'],
    check(ctx) {
        const { relation, cmds } = alterTableOf(ctx);
        for (const cmd of cmds) {
            if (cmd.subtype !== 'AT_AddColumn')
                continue;
            const def = as(cmd.def, 'ColumnDef');
            if (!def)
                continue;
            const reason = rewriteReason(def, ctx.pgVersion);
            if (!reason)
                continue;
            // Other linters flag some of these (squawk: any default it does not know to be safe).
            if (typeof reason !== 'string') {
                ctx.report({ exempt: reason.exempt, range: ctx.at(def.location) });
                continue;
            }
            if (ctx.isNewTable(relation)) {
                ctx.report({ exempt: NEW_TABLE });
                continue;
            }
            const table = quoteQualified(relationName(relation));
            ctx.report({
                message: `Adding ${table}.${quoteIdent(def.colname ?? '')} rewrites the table under ACCESS EXCLUSIVE: ${reason}`,
                range: ctx.at(def.location)
            });
        }
    }
});
/**
 * Why adding this column rewrites the table; when PostgreSQL only updates the catalogue although the column has a
 * default or is generated, why that is not a hazard (`exempt`); undefined for a plain column.
 */
function rewriteReason(def, pgVersion) {
    const type = typeRef(def.typeName);
    if (adding_field_with_default_SERIAL.test(type.name) && !type.schema)
        return `${type.name} fills every row from a sequence (nextval)`;
    for (const c of columnConstraints(def)) {
        if (c.contype === 'CONSTR_IDENTITY')
            return 'an identity column fills every row from a sequence';
        if (c.contype === 'CONSTR_GENERATED') {
            if (c.generated_kind !== 'v')
                return 'a stored generated column is computed for every row';
            return { exempt: 'a virtual generated column is computed when read: nothing is written to the rows' };
        }
    }
    const defaultExpr = columnConstraints(def).find((c) => c.contype === 'CONSTR_DEFAULT')?.raw_expr;
    if (defaultExpr === undefined || isNullConstant(defaultExpr))
        return undefined;
    if (pgVersion < 11)
        return `before PostgreSQL 11 every default is written to every row`;
    const verdict = expressionVolatility(defaultExpr);
    if (verdict.volatility !== 'volatile')
        return {
            exempt: `non-volatile (${verdict.volatility}) default on PostgreSQL 11+: stored once in the catalogue, no rewrite`
        };
    if (verdict.volatileCalls.length > 0)
        return `the default calls volatile ${verdict.volatileCalls.join(', ')}()`;
    return `the default calls ${verdict.unknownCalls.join(', ')}, whose volatility is unknown here (treated as volatile; if it is STABLE or IMMUTABLE there is no rewrite)`;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/adding-foreign-key-constraint.ts



const addingForeignKeyConstraint = defineRule({
    id: 'adding-foreign-key-constraint',
    severity: 'error',
    cost: 'scan',
    message: 'Adding a validated foreign key scans the table while writes to both tables wait',
    help: 'A foreign key added without `NOT VALID` is checked against every existing row while a SHARE ROW EXCLUSIVE lock is held on both the referencing and the referenced table: inserts, updates and deletes on both wait for the whole scan. Add it with `NOT VALID` (only new rows are checked, the lock is brief), then run `ALTER TABLE ... VALIDATE CONSTRAINT` in a later transaction: validation takes SHARE UPDATE EXCLUSIVE, which lets reads and writes continue. A foreign key on a table created in the same change set is not flagged: the scan of an empty table is instant.',
    equivalents: {
        squawk: ['adding-foreign-key-constraint', 'constraint-missing-not-valid'],
        eugene: ['E1'],
        atlas: ['PG306'],
        strongMigrations: ['add_foreign_key']
    },
    kinds: ['AlterTableStmt'],
    check(ctx) {
        const { relation, cmds } = alterTableOf(ctx);
        for (const cmd of cmds) {
            const found = [];
            if (cmd.subtype === 'AT_AddConstraint') {
                const c = as(cmd.def, 'Constraint');
                if (c?.contype === 'CONSTR_FOREIGN' && !c.skip_validation)
                    found.push({
                        location: c.location,
                        columns: names(c.fk_attrs),
                        target: quoteQualified(relationName(c.pktable))
                    });
            }
            else if (cmd.subtype === 'AT_AddColumn') {
                const def = as(cmd.def, 'ColumnDef');
                for (const c of columnConstraints(def)) {
                    if (def && c.contype === 'CONSTR_FOREIGN' && !c.skip_validation)
                        found.push({
                            location: def.location,
                            columns: [def.colname ?? ''],
                            target: quoteQualified(relationName(c.pktable))
                        });
                }
            }
            for (const fk of found) {
                if (ctx.isNewTable(relation)) {
                    ctx.report({ exempt: NEW_TABLE });
                    continue;
                }
                const table = quoteQualified(relationName(relation));
                const cols = fk.columns.map(quoteIdent).join(', ');
                ctx.report({
                    message: `Foreign key ${table} (${cols}) -> ${fk.target} is validated now: writes to both tables wait for a scan of ${table}; add it NOT VALID and VALIDATE later`,
                    range: ctx.at(fk.location)
                });
            }
        }
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/adding-not-nullable-field.ts




const addingNotNullableField = defineRule({
    id: 'adding-not-nullable-field',
    severity: 'error',
    cost: 'scan',
    message: 'SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock',
    help: '`ALTER COLUMN ... SET NOT NULL` checks every row while holding ACCESS EXCLUSIVE: reads and writes wait for the scan. On PostgreSQL 12+ the scan is skipped when a validated `CHECK (col IS NOT NULL)` constraint already proves it: add the check `NOT VALID`, `VALIDATE` it in a separate transaction (that scan does not block reads or writes), then `SET NOT NULL` and drop the check. Before PostgreSQL 12, keep the validated check instead of SET NOT NULL.',
    equivalents: {
        squawk: ['adding-not-nullable-field'],
        eugene: ['E2'],
        atlas: ['PG303'],
        strongMigrations: ['change_column_null']
    },
    kinds: ['AlterTableStmt'],
    check(ctx) {
        const { relation, cmds } = alterTableOf(ctx);
        for (const cmd of cmds) {
            if (cmd.subtype !== 'AT_SetNotNull')
                continue;
            const name = cmd.name ?? '';
            if (ctx.isNewTable(relation)) {
                ctx.report({ exempt: NEW_TABLE });
                continue;
            }
            const table = relationName(relation);
            if (ctx.pgVersion >= 12) {
                const check = validatedNotNullCheck(ctx, relation, name);
                if (check) {
                    ctx.report({
                        exempt: `validated CHECK constraint ${check} proves ${name} IS NOT NULL: no scan on PG 12+`
                    });
                    continue;
                }
            }
            const column = quoteIdent(name);
            const hint = ctx.pgVersion >= 12 ? ` (no validated CHECK (${column} IS NOT NULL) found)` : '';
            ctx.report({
                message: `SET NOT NULL on ${quoteQualified(table)}.${column} scans the table under ACCESS EXCLUSIVE${hint}`,
                recipe: setNotNullRecipe(table, name, ctx.pgVersion)
            });
        }
    }
});
/**
 * The name of a validated CHECK constraint that proves the column is not null (the catalogue records which
 * columns a check's `col IS NOT NULL` terms prove, whichever file added it).
 */
function validatedNotNullCheck(ctx, relation, column) {
    const table = ctx.table(relation);
    if (!table)
        return undefined;
    return [...table.constraints.values()].find((c) => c.kind === 'check' && c.validated && (c.provesNotNull ?? []).includes(column))?.name;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/adding-serial-primary-key-field.ts



const addingSerialPrimaryKeyField = defineRule({
    id: 'adding-serial-primary-key-field',
    severity: 'error',
    cost: 'index-build',
    message: 'Adding a primary key builds its index under an ACCESS EXCLUSIVE lock',
    help: '`ALTER TABLE ... ADD PRIMARY KEY` (or `ADD COLUMN ... PRIMARY KEY`) builds the unique index while holding ACCESS EXCLUSIVE: every read and write waits for the build. Build the index first with `CREATE UNIQUE INDEX CONCURRENTLY`, then attach it with `ALTER TABLE ... ADD CONSTRAINT ... PRIMARY KEY USING INDEX ...`, which only needs a brief lock (the columns must already be NOT NULL, or that step scans the table).',
    equivalents: {
        squawk: ['adding-serial-primary-key-field'],
        atlas: ['PG104']
    },
    kinds: ['AlterTableStmt'],
    check(ctx) {
        const { relation, cmds } = alterTableOf(ctx);
        for (const cmd of cmds) {
            let hit;
            if (cmd.subtype === 'AT_AddConstraint') {
                const c = as(cmd.def, 'Constraint');
                if (c?.contype === 'CONSTR_PRIMARY' && !c.indexname)
                    hit = { location: c.location, columns: names(c.keys) };
            }
            else if (cmd.subtype === 'AT_AddColumn') {
                const def = as(cmd.def, 'ColumnDef');
                if (def && columnConstraints(def).some((c) => c.contype === 'CONSTR_PRIMARY'))
                    hit = { location: def.location, columns: [def.colname ?? ''] };
            }
            if (!hit)
                continue;
            if (ctx.isNewTable(relation)) {
                ctx.report({ exempt: NEW_TABLE });
                continue;
            }
            const table = quoteQualified(relationName(relation));
            ctx.report({
                message: `Primary key on ${table} (${hit.columns.map(quoteIdent).join(', ')}) builds its index under ACCESS EXCLUSIVE: build a unique index CONCURRENTLY and add the key USING INDEX`,
                range: ctx.at(hit.location)
            });
        }
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/type-casts.ts
const ALIASES = {
    int: 'int4',
    integer: 'int4',
    serial: 'int4',
    serial4: 'int4',
    bigint: 'int8',
    bigserial: 'int8',
    serial8: 'int8',
    smallint: 'int2',
    smallserial: 'int2',
    serial2: 'int2',
    decimal: 'numeric',
    boolean: 'bool',
    real: 'float4',
    float: 'float8',
    'double precision': 'float8',
    'character varying': 'varchar',
    character: 'bpchar',
    char: 'bpchar',
    'bit varying': 'varbit',
    'timestamp without time zone': 'timestamp',
    'timestamp with time zone': 'timestamptz',
    'time without time zone': 'time',
    'time with time zone': 'timetz'
};
/** The pg_type name for what the user wrote (serial is int4 once created), with its modifiers. */
function canonicalType(type) {
    const lower = type.name.toLowerCase();
    const name = ALIASES[lower] ?? lower;
    let mods = type.mods;
    // numeric(p) is numeric(p,0); interval's first modifier is a field mask whose "all fields" value is 32767.
    if (name === 'numeric' && mods.length === 1)
        mods = [mods[0], 0];
    if (name === 'interval' && mods.length === 2 && mods[0] === 32767)
        mods = [mods[1]];
    return { name, mods, array: type.array };
}
function same(a, b) {
    return a.name === b.name && a.array === b.array && a.mods.join(',') === b.mods.join(',');
}
/** Binary-coercible casts between different types (pg_cast castmethod 'b'), source -> targets. */
const BINARY = {
    varchar: ['text'],
    text: ['varchar'],
    cidr: ['inet'],
    xml: ['text', 'varchar'],
    int4: ['oid', 'regclass', 'regproc', 'regtype'],
    oid: ['int4']
};
/** Types whose precision/length modifier can grow without touching the rows (a support function says so). */
const GROWABLE = new Set(['varchar', 'varbit', 'timestamp', 'timestamptz', 'time', 'timetz', 'interval']);
function typeChangeEffect(fromType, toType, pgVersion) {
    const from = canonicalType(fromType);
    const to = canonicalType(toType);
    if (same(from, to))
        return { effect: 'none', reason: 'same type' };
    // Array coercions convert element by element: treated as a rewrite unless nothing changes.
    if (from.array !== to.array || from.array > 0)
        return { effect: 'rewrite', reason: 'array element conversion' };
    if (from.name === to.name) {
        if (from.name === 'numeric') {
            if (to.mods.length === 0)
                return { effect: 'none', reason: 'numeric loses its limit' };
            if (from.mods.length === 0)
                return { effect: 'rewrite', reason: 'unconstrained numeric gets a precision' };
            const [p, s] = from.mods;
            const [p2, s2] = to.mods;
            if (s2 === s && p2 >= p)
                return { effect: 'none', reason: 'numeric precision grows with the same scale' };
            return { effect: 'rewrite', reason: 'numeric precision shrinks or scale changes' };
        }
        if (GROWABLE.has(from.name)) {
            if (to.mods.length === 0)
                return { effect: 'none', reason: `${to.name} loses its limit` };
            if (from.mods.length === 0)
                return { effect: 'rewrite', reason: `unlimited ${from.name} gets a limit` };
            if (to.mods[0] >= from.mods[0])
                return { effect: 'none', reason: `${to.name} limit grows` };
            return { effect: 'rewrite', reason: `${to.name} limit shrinks: every value is checked and rewritten` };
        }
        return { effect: 'rewrite', reason: `${to.name} modifier changes` };
    }
    if (BINARY[from.name]?.includes(to.name)) {
        // A cast to a length-limited type still checks every value (text -> varchar(n)).
        if (to.mods.length > 0 && to.name === 'varchar')
            return { effect: 'rewrite', reason: 'a length limit is added' };
        return { effect: 'none', reason: `${from.name} to ${to.name} is binary compatible` };
    }
    if (from.name === 'timestamp' && to.name === 'timestamptz') {
        const precisionOk = to.mods.length === 0 || (from.mods.length > 0 && to.mods[0] >= from.mods[0]);
        if (pgVersion >= 12 && precisionOk)
            return { effect: 'utc-only', reason: 'timestamp to timestamptz' };
        return { effect: 'rewrite', reason: 'timestamp to timestamptz before PostgreSQL 12' };
    }
    return { effect: 'rewrite', reason: `${from.name} to ${to.name} converts every row` };
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/changing-column-type.ts





const changingColumnType = defineRule({
    id: 'changing-column-type',
    severity: 'error',
    cost: 'rewrite',
    message: 'Changing the column type rewrites the table and its indexes under an ACCESS EXCLUSIVE lock',
    help: 'Unless the old values are already valid as the new type (varchar(n) to varchar(m > n) or text, numeric(p,s) to numeric(p2 >= p, s), cidr to inet, a growing timestamp precision), `ALTER COLUMN ... TYPE` converts every row and rebuilds every index of the table while reads and writes wait. Do it in steps instead: add a column of the new type, keep it in sync with a trigger, backfill in batches, switch the application, then drop the old column (the recipe below has the SQL).',
    equivalents: {
        squawk: ['changing-column-type'],
        eugene: ['E5'],
        atlas: ['PG301'],
        strongMigrations: ['change_column']
    },
    kinds: ['AlterTableStmt'],
    check(ctx) {
        const { relation, cmds } = alterTableOf(ctx);
        for (const cmd of cmds) {
            if (cmd.subtype !== 'AT_AlterColumnType')
                continue;
            const def = as(cmd.def, 'ColumnDef');
            if (!def?.typeName)
                continue;
            const name = cmd.name ?? '';
            const verdict = changing_column_type_judge(ctx, relation, name, def);
            // squawk flags every type change: say why this one is not a hazard.
            if (typeof verdict !== 'string') {
                ctx.report({ exempt: verdict.exempt, range: ctx.at(def.location) });
                continue;
            }
            if (ctx.isNewTable(relation)) {
                ctx.report({ exempt: NEW_TABLE });
                continue;
            }
            const table = relationName(relation);
            const to = displayType(typeRef(def.typeName));
            ctx.report({
                message: `${quoteQualified(table)}.${quoteIdent(name)} to ${to}: ${verdict}`,
                // Only a hazard when the session TimeZone is not UTC, which the file cannot show: a warning.
                ...(verdict.includes('unless the session TimeZone is UTC') ? { severity: 'warning' } : {}),
                recipe: changeTypeRecipe(table, name, to),
                range: ctx.at(def.location)
            });
        }
    }
});
/**
 * What is wrong with this type change, or, for a change PostgreSQL makes in the catalogue only, why it is not a
 * hazard (`exempt`).
 */
function changing_column_type_judge(ctx, relation, column, def) {
    const to = typeRef(def.typeName);
    const using = def.raw_default;
    if (using !== undefined && !isPlainColumn(using, column, to)) {
        return 'the USING expression is computed for every row: the table is rewritten under ACCESS EXCLUSIVE';
    }
    const old = ctx.table(relation)?.columns.get(column);
    if (!old)
        return 'the old type is unknown here, so this may rewrite the table under ACCESS EXCLUSIVE';
    const effect = typeChangeEffect(old.type, to, ctx.pgVersion);
    switch (effect.effect) {
        case 'rewrite':
            return `from ${old.type.display} rewrites the table and its indexes under ACCESS EXCLUSIVE (${effect.reason})`;
        case 'utc-only':
            if (timeZoneIsUtc(ctx))
                return {
                    exempt: `timestamp to timestamptz with the session TimeZone set to UTC: no rewrite on PostgreSQL 12+`
                };
            return `from ${old.type.display} rewrites the table unless the session TimeZone is UTC (SET LOCAL TimeZone = 'UTC' first)`;
        case 'none':
            if (def.collClause && hasIndexOn(ctx, relation, column))
                return 'the new collation rebuilds the indexes on the column under ACCESS EXCLUSIVE';
            return { exempt: `no rewrite, only a brief catalogue change: ${effect.reason}` };
    }
}
/** `USING col` or `USING col::<target type>`: the conversion is the ordinary cast the type table judges. */
function isPlainColumn(expr, column, target) {
    const cast = as(expr, 'TypeCast');
    if (cast) {
        const castTo = canonicalType(typeRef(cast.typeName));
        const to = canonicalType(target);
        return castTo.name === to.name && castTo.array === to.array && isPlainColumn(cast.arg, column, target);
    }
    const fields = names(as(expr, 'ColumnRef')?.fields);
    return fields.length > 0 && fields[fields.length - 1] === column;
}
/** An earlier `SET [LOCAL] TimeZone` in the file set a zero-offset zone. */
function timeZoneIsUtc(ctx) {
    let utc = false;
    for (const statement of ctx.statements.slice(0, ctx.statement.index)) {
        if (statement.kind !== 'VariableSetStmt' || String(statement.body.name).toLowerCase() !== 'timezone')
            continue;
        const value = as(statement.body.args?.[0], 'A_Const');
        utc =
            /^(etc\/)?(utc|gmt|uct|universal|zulu|greenwich)$/i.test(value?.sval?.sval ?? '') ||
                (value?.ival !== undefined && !value.ival.ival);
    }
    return utc;
}
function hasIndexOn(ctx, relation, column) {
    const table = ctx.table(relation);
    if (!table)
        return false;
    if (ctx.catalog.indexesOf(table.key).some((index) => index.columns.includes(column)))
        return true;
    return [...table.constraints.values()].some((c) => (c.kind === 'primary' || c.kind === 'unique') && c.columns.includes(column));
}
/** The type as SQL: interval's typmod list starts with a field mask that is not written for "all fields". */
function displayType(type) {
    const canonical = canonicalType(type);
    if (canonical.name !== 'interval' || canonical.mods.length === type.mods.length)
        return type.display;
    return `interval${canonical.mods.length ? `(${canonical.mods.join(',')})` : ''}${'[]'.repeat(type.array)}`;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/constraint-missing-not-valid.ts



const constraintMissingNotValid = defineRule({
    id: 'constraint-missing-not-valid',
    severity: 'error',
    cost: 'scan',
    message: 'Adding a CHECK constraint without NOT VALID scans the table under an ACCESS EXCLUSIVE lock',
    help: "A CHECK constraint added without `NOT VALID` is checked against every row while ALTER TABLE holds ACCESS EXCLUSIVE: all reads and writes of the table wait for the scan. Add it `NOT VALID` (new rows are checked, existing ones are not), then `VALIDATE CONSTRAINT` in a separate transaction: validation takes SHARE UPDATE EXCLUSIVE, which lets reads and writes continue. Validating in the same transaction as the `NOT VALID` add gains nothing: the add's lock is still held during the scan. (Foreign keys are reported by adding-foreign-key-constraint.)",
    equivalents: {
        squawk: ['constraint-missing-not-valid'],
        eugene: ['E1'],
        atlas: ['PG305'],
        strongMigrations: ['add_check_constraint']
    },
    kinds: ['AlterTableStmt'],
    check(ctx) {
        const { relation, cmds } = alterTableOf(ctx);
        if (cmds.length === 0)
            return;
        const table = relationName(relation);
        cmds.forEach((cmd, i) => {
            if (cmd.subtype === 'AT_AddConstraint') {
                const c = as(cmd.def, 'Constraint');
                if (c?.contype !== 'CONSTR_CHECK' || c.skip_validation)
                    return;
                if (ctx.isNewTable(relation))
                    return ctx.report({ exempt: NEW_TABLE });
                const name = c.conname ? ` ${quoteIdent(c.conname)}` : '';
                ctx.report({
                    message: `CHECK constraint${name} on ${quoteQualified(table)} is validated now, under ACCESS EXCLUSIVE: add it NOT VALID and VALIDATE it in a later transaction`,
                    range: ctx.at(c.location)
                });
            }
            else if (cmd.subtype === 'AT_ValidateConstraint') {
                if (!addedNotValidInTransaction(cmds.slice(0, i), relation, cmd.name, ctx))
                    return;
                if (ctx.isNewTable(relation))
                    return ctx.report({ exempt: NEW_TABLE });
                ctx.report({
                    message: `VALIDATE CONSTRAINT ${quoteIdent(cmd.name ?? '')} runs in the transaction that added it NOT VALID: the add's lock on ${quoteQualified(table)} is held for the whole scan; validate in a separate transaction`
                });
            }
        });
    }
});
/** The constraint was added NOT VALID on this table earlier in this statement or in the same transaction. */
function addedNotValidInTransaction(earlierCmds, relation, name, ctx) {
    const tableKey = relationName(relation).key;
    const addsIt = (cmd) => {
        const c = cmd.subtype === 'AT_AddConstraint' ? as(cmd.def, 'Constraint') : undefined;
        return !!c && c.skip_validation === true && c.conname === name;
    };
    if (earlierCmds.some(addsIt))
        return true;
    return earlierInTransaction(ctx).some((statement) => {
        if (statement.kind !== 'AlterTableStmt' || relationName(statement.body.relation).key !== tableKey)
            return false;
        return (statement.body.cmds ?? []).some((node) => {
            const cmd = as(node, 'AlterTableCmd');
            return !!cmd && addsIt(cmd);
        });
    });
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/disallowed-unique-constraint.ts



const disallowedUniqueConstraint = defineRule({
    id: 'disallowed-unique-constraint',
    severity: 'error',
    cost: 'index-build',
    message: 'Adding a UNIQUE constraint builds its index under an ACCESS EXCLUSIVE lock',
    help: '`ALTER TABLE ... ADD UNIQUE` (or `ADD COLUMN ... UNIQUE`) builds the unique index while holding ACCESS EXCLUSIVE: every read and write waits for the build. Build the index with `CREATE UNIQUE INDEX CONCURRENTLY` outside a transaction, then `ALTER TABLE ... ADD CONSTRAINT ... UNIQUE USING INDEX ...`, which only needs a brief lock.',
    equivalents: {
        squawk: ['disallowed-unique-constraint'],
        eugene: ['E7'],
        atlas: ['PG105'],
        strongMigrations: ['add_unique_constraint']
    },
    kinds: ['AlterTableStmt'],
    check(ctx) {
        const { relation, cmds } = alterTableOf(ctx);
        for (const cmd of cmds) {
            let hit;
            if (cmd.subtype === 'AT_AddConstraint') {
                const c = as(cmd.def, 'Constraint');
                if (c?.contype === 'CONSTR_UNIQUE' && !c.indexname)
                    hit = { location: c.location, columns: names(c.keys) };
            }
            else if (cmd.subtype === 'AT_AddColumn') {
                const def = as(cmd.def, 'ColumnDef');
                if (def && columnConstraints(def).some((c) => c.contype === 'CONSTR_UNIQUE'))
                    hit = { location: def.location, columns: [def.colname ?? ''] };
            }
            if (!hit)
                continue;
            if (ctx.isNewTable(relation)) {
                ctx.report({ exempt: NEW_TABLE });
                continue;
            }
            const table = quoteQualified(relationName(relation));
            ctx.report({
                message: `UNIQUE (${hit.columns.map(quoteIdent).join(', ')}) on ${table} builds its index under ACCESS EXCLUSIVE: build a unique index CONCURRENTLY and add the constraint USING INDEX`,
                range: ctx.at(hit.location)
            });
        }
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/prefer-repack.ts



const preferRepack = defineRule({
    id: 'prefer-repack',
    severity: 'error',
    cost: 'rewrite',
    message: 'VACUUM FULL and CLUSTER rewrite the table under an ACCESS EXCLUSIVE lock',
    help: '`VACUUM FULL` and `CLUSTER` copy the whole table and rebuild its indexes while holding ACCESS EXCLUSIVE: no read or write gets through until they finish, and they need room for a second copy. Reclaim space online instead: `REPACK (CONCURRENTLY)` on PostgreSQL 19+, or the pg_repack / pg_squeeze extensions before that. A plain `VACUUM` (no FULL) does not block reads or writes.',
    equivalents: {
        squawk: ['prefer-repack']
    },
    check(ctx) {
        const { kind, body } = ctx.statement;
        let relations;
        let command;
        if (kind === 'VacuumStmt') {
            const full = (body.options ?? []).some((o) => {
                const option = as(o, 'DefElem');
                return option?.defname === 'full' && !isFalseOption(option.arg);
            });
            if (!body.is_vacuumcmd || !full)
                return;
            relations = (body.rels ?? []).map((r) => as(r, 'VacuumRelation')?.relation).filter((r) => !!r);
            command = 'VACUUM FULL';
        }
        else if (kind === 'ClusterStmt') {
            relations = body.relation ? [body.relation] : [];
            command = 'CLUSTER';
        }
        else {
            return;
        }
        if (relations.length > 0 && relations.every((r) => ctx.isNewTable(r)))
            return ctx.report({ exempt: NEW_TABLE });
        const target = relations.length ? relations.map((r) => quoteQualified(relationName(r))).join(', ') : 'every table';
        const instead = ctx.pgVersion >= 19 ? 'REPACK (CONCURRENTLY)' : 'pg_repack or pg_squeeze';
        ctx.report({
            message: `${command} rewrites ${target} under ACCESS EXCLUSIVE, blocking reads and writes: use ${instead}`
        });
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/require-concurrent-index-creation.ts

const requireConcurrentIndexCreation = defineRule({
    id: 'require-concurrent-index-creation',
    severity: 'warning',
    cost: 'index-build',
    message: 'CREATE INDEX without CONCURRENTLY blocks writes to the table while the index builds',
    help: 'A plain CREATE INDEX takes a SHARE lock: inserts, updates and deletes wait until the whole index is built, which on a large table is minutes. Use `CREATE INDEX CONCURRENTLY` outside a transaction. Tables created in the same change set are not flagged: nothing writes to them yet.',
    equivalents: {
        squawk: ['require-concurrent-index-creation'],
        eugene: ['E6'],
        atlas: ['PG101'],
        strongMigrations: ['add_index']
    },
    kinds: ['IndexStmt'],
    check(ctx) {
        const { kind, body } = ctx.statement;
        if (kind !== 'IndexStmt' || body.concurrent)
            return;
        if (ctx.isNewTable(body.relation))
            return ctx.report({ exempt: NEW_TABLE });
        ctx.report();
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/require-concurrent-index-deletion.ts



const requireConcurrentIndexDeletion = defineRule({
    id: 'require-concurrent-index-deletion',
    severity: 'warning',
    message: 'DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the table',
    help: "A plain `DROP INDEX` locks the index's table ACCESS EXCLUSIVE. The drop itself is quick, but it first waits for every running query on the table, and every query that arrives meanwhile queues behind it: a long transaction elsewhere stalls all traffic to the table. `DROP INDEX CONCURRENTLY` (one index per statement, outside a transaction) waits without blocking others. Indexes of tables created in the same change set are not flagged.",
    equivalents: {
        squawk: ['require-concurrent-index-deletion'],
        atlas: ['PG102']
    },
    kinds: ['DropStmt'],
    check(ctx) {
        const { kind, body } = ctx.statement;
        if (kind !== 'DropStmt' || body.removeType !== 'OBJECT_INDEX' || body.concurrent)
            return;
        const tables = (body.objects ?? []).map((object) => tableOfIndex(ctx, listName(as(object, 'List')?.items)));
        if (tables.length > 0 && tables.every((key) => key && ctx.isNewTable(rangeVarOf(key))))
            return ctx.report({ exempt: NEW_TABLE });
        ctx.report();
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/require-concurrent-partition-detach.ts



const requireConcurrentPartitionDetach = defineRule({
    id: 'require-concurrent-partition-detach',
    severity: 'warning',
    message: 'DETACH PARTITION without CONCURRENTLY locks the partitioned table ACCESS EXCLUSIVE',
    help: 'A plain `ALTER TABLE ... DETACH PARTITION` takes ACCESS EXCLUSIVE on the partitioned table: every query on any partition waits, and queues behind the detach while it waits for running queries. On PostgreSQL 14+ use `DETACH PARTITION ... CONCURRENTLY` (outside a transaction, and not when the table has a default partition), which only takes SHARE UPDATE EXCLUSIVE. Before PostgreSQL 14 there is no concurrent form and the rule is off.',
    equivalents: {
        squawk: ['require-concurrent-partition-detach']
    },
    // squawk flags it on every version (and advises the CONCURRENTLY that 13 and older do not have).
    pgVersions: {
        min: 14,
        outside: 'DETACH PARTITION CONCURRENTLY does not exist before PostgreSQL 14: nothing to ask for'
    },
    kinds: ['AlterTableStmt'],
    check(ctx) {
        const { relation, cmds } = alterTableOf(ctx);
        for (const cmd of cmds) {
            if (cmd.subtype !== 'AT_DetachPartition')
                continue;
            const partition = as(cmd.def, 'PartitionCmd');
            if (!partition || partition.concurrent)
                continue;
            if (ctx.isNewTable(relation)) {
                ctx.report({ exempt: NEW_TABLE });
                continue;
            }
            ctx.report({
                message: `DETACH PARTITION ${quoteQualified(relationName(partition.name))} locks ${quoteQualified(relationName(relation))} ACCESS EXCLUSIVE: use DETACH PARTITION ... CONCURRENTLY`
            });
        }
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/require-concurrent-reindex.ts



const requireConcurrentReindex = defineRule({
    id: 'require-concurrent-reindex',
    severity: 'error',
    cost: 'index-build',
    message: 'REINDEX without CONCURRENTLY blocks writes to the table, and reads that use the index, until it finishes',
    help: 'A plain `REINDEX` holds a SHARE lock on the table (writes wait) and ACCESS EXCLUSIVE on each index it rebuilds (any query the planner considers that index for waits, which in practice is most reads) for the whole rebuild. On PostgreSQL 12+ use `REINDEX ... CONCURRENTLY` outside a transaction: it builds a new index beside the old one and swaps them. Before PostgreSQL 12 the rule is off (there is no concurrent form; `CREATE INDEX CONCURRENTLY` a copy and drop the old one instead).',
    equivalents: {
        squawk: ['require-concurrent-reindex']
    },
    // squawk flags it on every version (and advises the CONCURRENTLY that 11 and older do not have).
    pgVersions: { min: 12, outside: 'REINDEX CONCURRENTLY does not exist before PostgreSQL 12: nothing to ask for' },
    kinds: ['ReindexStmt'],
    check(ctx) {
        const { kind, body } = ctx.statement;
        if (kind !== 'ReindexStmt')
            return;
        const concurrent = (body.params ?? []).some((p) => {
            const option = as(p, 'DefElem');
            return option?.defname === 'concurrently' && !isFalseOption(option.arg);
        });
        // REINDEX SYSTEM has no concurrent form (catalogues cannot be reindexed concurrently).
        if (concurrent || body.kind === 'REINDEX_OBJECT_SYSTEM')
            return;
        let table;
        if (body.kind === 'REINDEX_OBJECT_TABLE')
            table = relationName(body.relation).key;
        if (body.kind === 'REINDEX_OBJECT_INDEX')
            table = tableOfIndex(ctx, relationName(body.relation));
        if (table && ctx.isNewTable(rangeVarOf(table)))
            return ctx.report({ exempt: NEW_TABLE });
        ctx.report();
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/locking.ts












const LOCKING_RULES = [
    requireConcurrentIndexCreation,
    requireConcurrentIndexDeletion,
    requireConcurrentReindex,
    requireConcurrentPartitionDetach,
    addingFieldWithDefault,
    addingNotNullableField,
    addingSerialPrimaryKeyField,
    addingForeignKeyConstraint,
    constraintMissingNotValid,
    disallowedUniqueConstraint,
    changingColumnType,
    preferRepack
];

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/missing-object.ts

// Emitted by the driver from the replayed catalogue (engine/catalog.ts); declared here for the catalogue and config.
const missingObject = defineRule({
    id: 'missing-object',
    severity: 'error',
    message: 'The statement renames, alters or drops something the earlier migrations never created',
    help: 'The schema built by replaying the earlier migrations has no such table, column or constraint, so PostgreSQL would fail the deploy. Check the name (case matters for quoted identifiers) and the migration order. Tables are only reported missing once the replayed history has created tables, so a history that starts from an existing database is not flagged.',
    equivalents: {}
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/syntax-error.ts

// Emitted by the driver (engine/lint.ts) when a file does not parse; declared here for the catalogue and config.
const syntaxError = defineRule({
    id: 'syntax-error',
    severity: 'error',
    message: 'The file does not parse as PostgreSQL SQL',
    help: 'PostgreSQL would reject this migration at deploy time. The position is where the PostgreSQL parser stopped; statements before it are still linted, those after it are not.',
    equivalents: { squawk: ['syntax-error'] }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/ban-alter-domain-with-add-constraint.ts


const banAlterDomainWithAddConstraint = defineRule({
    id: 'ban-alter-domain-with-add-constraint',
    severity: 'warning',
    message: 'ALTER DOMAIN ... ADD CONSTRAINT checks every column that uses the domain while blocking writes',
    help: 'Adding a constraint to a domain scans every table with a column of that domain, holding a SHARE lock on each (writes wait) until the whole check is done, and there is no per-table NOT VALID / VALIDATE staging. Put the constraint on the table columns instead (ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT). `ADD CONSTRAINT ... NOT VALID` on the domain skips the scan and is not flagged; validate it later, in a quiet period.',
    equivalents: { squawk: ['ban-alter-domain-with-add-constraint'] },
    kinds: ['AlterDomainStmt'],
    check(ctx) {
        const { kind, body } = ctx.statement;
        // 'C' is ADD CONSTRAINT (AlterDomainStmt.subtype is the parser's one-letter code).
        if (kind !== 'AlterDomainStmt' || body.subtype !== 'C')
            return;
        const name = listName(body.typeName).name;
        if (as(body.def, 'Constraint')?.skip_validation)
            return ctx.report({ exempt: 'NOT VALID: existing rows are not checked, so no table is scanned' });
        ctx.report({
            message: `ALTER DOMAIN ${name} ADD CONSTRAINT checks every column of type ${name} while blocking writes to their tables`
        });
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/ban-concurrent-index-creation-in-transaction.ts


const banConcurrentIndexCreationInTransaction = defineRule({
    id: 'ban-concurrent-index-creation-in-transaction',
    severity: 'error',
    message: 'CONCURRENTLY cannot run inside a transaction block: the deploy fails',
    help: 'CREATE INDEX CONCURRENTLY (and DROP INDEX / REINDEX CONCURRENTLY) must run outside any transaction: inside one PostgreSQL refuses it with "cannot run inside a transaction block", and inside a DO block (or a function) with "cannot be executed from a function". Move the statement out of BEGIN ... COMMIT, and when the migration tool wraps files in a transaction, put it in its own file with the tool\'s opt-out (`-- +goose NO TRANSACTION`, `-- migrate:up transaction:false`, `-- no-transaction` for sqlx).',
    equivalents: { squawk: ['ban-concurrent-index-creation-in-transaction'] },
    check(ctx) {
        const { statement, transaction } = ctx;
        // PL/pgSQL runs a DO block's statements inside the block's own transaction, whatever surrounds it.
        if (!transaction.inTransaction && !statement.embedded)
            return;
        const what = concurrentForm(statement);
        if (!what)
            return;
        const where = statement.embedded
            ? 'inside a DO block'
            : transaction.explicit
                ? 'inside the BEGIN ... COMMIT of this file'
                : 'inside the transaction the migration tool opens for this file';
        ctx.report({ message: `${what} runs ${where}: PostgreSQL refuses it and the deploy fails` });
    }
});
function concurrentForm({ kind, body }) {
    if (kind === 'IndexStmt' && body.concurrent)
        return 'CREATE INDEX CONCURRENTLY';
    if (kind === 'DropStmt' && body.concurrent && body.removeType === 'OBJECT_INDEX')
        return 'DROP INDEX CONCURRENTLY';
    if (kind === 'ReindexStmt' && (body.params ?? []).some((p) => as(p, 'DefElem')?.defname === 'concurrently'))
        return 'REINDEX CONCURRENTLY';
    return undefined;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/ban-create-domain-with-constraint.ts


const CHECKING = new Set(['CONSTR_CHECK', 'CONSTR_NOTNULL']);
const banCreateDomainWithConstraint = defineRule({
    id: 'ban-create-domain-with-constraint',
    severity: 'warning',
    message: 'A domain with a constraint is hard to change online',
    help: 'Every later change to a domain constraint (ADD CONSTRAINT, SET NOT NULL) checks all columns of every table that uses the domain while locking them, and it cannot be staged with NOT VALID ... VALIDATE per table. Declare the domain without constraints and put CHECK / NOT NULL constraints on the table columns, where they can be added NOT VALID and validated without blocking writes.',
    equivalents: { squawk: ['ban-create-domain-with-constraint'] },
    kinds: ['CreateDomainStmt'],
    check(ctx) {
        const { kind, body } = ctx.statement;
        if (kind !== 'CreateDomainStmt')
            return;
        // DEFAULT and NULL are parsed as constraints too, but they check nothing and change instantly.
        const constraints = (body.constraints ?? [])
            .map((c) => as(c, 'Constraint'))
            .filter((c) => c?.contype !== undefined && CHECKING.has(c.contype));
        if (constraints.length === 0) {
            // squawk flags these clauses as constraints.
            if ((body.constraints ?? []).length > 0 || body.collClause)
                ctx.report({ exempt: 'DEFAULT, NULL and COLLATE check nothing: changing them later scans no table' });
            return;
        }
        const start = Math.min(...constraints.map((c) => c?.location ?? ctx.statement.range.start));
        ctx.report({
            message: `Domain ${listName(body.domainname).name} is created with a constraint: later changes to it lock every table that uses the domain`,
            range: ctx.at(start)
        });
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/transaction-support.ts
// Shared readers for the transaction and timeout rules: which locks matter for lock_timeout advice, how a
// timeout setting evolves through a file, and how transaction statements are recognised.


function transactionKind(statement) {
    return statement.kind === 'TransactionStmt' ? String(statement.body.kind) : undefined;
}
function isBegin(statement) {
    const kind = transactionKind(statement);
    return kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START';
}
/** COMMIT, END, ROLLBACK, ABORT: the statements that close an explicit transaction block. */
function isTransactionEnd(statement) {
    const kind = transactionKind(statement);
    return kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK';
}
/** `ACCESS EXCLUSIVE` for `AccessExclusive`, as the PostgreSQL documentation writes lock modes. */
function lockModeName(mode) {
    return mode.replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();
}
/** `public.users` is shown as `users`; other schemas stay qualified. */
function tableLabel(key) {
    return key.startsWith('public.') ? key.slice('public.'.length) : key;
}
/** 1-based line of a statement's first character. */
function lineOf(ctx, statement) {
    return ctx.source.span(statement.range).line;
}
/**
 * The locks of a statement that can stall the application while the statement waits for them: modes that
 * conflict with ordinary writes (SHARE and stronger) on a table that exists before this change set. Weaker
 * modes (SHARE UPDATE EXCLUSIVE of CONCURRENTLY, VALIDATE) queue only other DDL behind them.
 */
function stallingLocks(ctx, statement) {
    return ctx.locksOf(statement).filter((lock) => blocksWrites(lock.mode) && !createdInChangeSet(ctx, lock.table));
}
/** The key may name a table or an index (DROP INDEX): an index counts as new when its table is new. */
function createdInChangeSet(ctx, key) {
    const table = ctx.catalog.table(key);
    if (table)
        return table.createdIn === ctx.changeSet;
    const index = ctx.catalog.indexes.get(key);
    if (index)
        return index.createdIn === ctx.changeSet || ctx.catalog.table(index.table)?.createdIn === ctx.changeSet;
    return false;
}
/**
 * Whether the setting is in effect before each statement of the file, replaying SET / SET LOCAL / RESET the
 * way the driver does (a zero value disables the timeout; SET LOCAL ends with the transaction).
 */
function timeoutInEffect(statements, setting) {
    const before = [];
    let on = false;
    let local = false;
    for (const statement of statements) {
        before.push(on);
        if (isTransactionEnd(statement) && local) {
            on = false;
            local = false;
        }
        else if (statement.kind === 'VariableSetStmt' && String(statement.body.name ?? '').toLowerCase() === setting) {
            const body = statement.body;
            on = body.kind === 'VAR_SET_VALUE' && !isZero(body.args);
            local = on && !!body.is_local;
        }
    }
    return before;
}
function isZero(args) {
    const value = as(args?.[0], 'A_Const');
    if (!value)
        return false;
    if (value.ival !== undefined)
        return (value.ival.ival ?? 0) === 0;
    if (value.sval !== undefined)
        return /^\s*0\s*[a-z]*\s*$/i.test(value.sval.sval ?? '');
    return false;
}
/** Statement kinds squawk counts as "possibly slow" (DDL and maintenance): where it reports a missing timeout. */
const SQUAWK_SLOW = /^(Create|Alter|Drop|Rename|Comment|Index|Cluster|Reindex|Truncate|Lock|RefreshMatView|Define|CompositeType|Enum|View|Rule|Load|ImportForeignSchema)/;
function squawkCountsAsSlow(statement) {
    if (statement.kind === 'VacuumStmt')
        return !!statement.body.is_vacuumcmd;
    // squawk 2.66 skips a CREATE TABLE unless it references another table.
    if (statement.kind === 'CreateStmt')
        return locksOf(statement).length > 0;
    return SQUAWK_SLOW.test(statement.kind);
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/ban-uncommitted-transaction.ts


const banUncommittedTransaction = defineRule({
    id: 'ban-uncommitted-transaction',
    severity: 'error',
    message: 'BEGIN without a COMMIT before the end of the file: the migration is rolled back when the session ends',
    help: 'A transaction still open at the end of the file is rolled back when the session closes (psql, most runners), so the schema change silently never happens while the tool records the migration as applied; a runner that keeps the session open instead holds every lock the file took. End the file with `COMMIT;`.',
    equivalents: { squawk: ['ban-uncommitted-transaction'] },
    checkFile(ctx) {
        if (ctx.transaction.depth === 0)
            return;
        let open;
        for (const statement of ctx.statements) {
            if (isBegin(statement))
                open ??= statement;
            else if (isTransactionEnd(statement))
                open = undefined;
        }
        if (open)
            ctx.report({ range: open.range });
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/concurrent-index-pg14-bug.ts



const concurrentIndexPg14Bug = defineRule({
    id: 'concurrent-index-pg14-bug',
    // Raised to error per finding when the target minor is known to be affected (see `severity` on the hit).
    severity: 'warning',
    message: 'CREATE / REINDEX INDEX CONCURRENTLY on PostgreSQL 14.0-14.3 can silently corrupt the index',
    help: 'PostgreSQL 14.0 to 14.3 have a bug where CREATE INDEX CONCURRENTLY and REINDEX CONCURRENTLY can miss rows changed while the index builds (fixed in 14.4): the index then returns wrong results without any error. Upgrade the server to 14.4 or later before building indexes concurrently; on an affected server, rebuild indexes built concurrently with a plain REINDEX after upgrading (`amcheck` finds the damaged ones). Set `pg-version` to the full version (e.g. 14.11) to tell the linter the server is not affected.',
    equivalents: {},
    pgVersions: { min: 14, max: 14 },
    check(ctx) {
        const { statement } = ctx;
        const what = concurrentBuild(statement);
        if (!what || ctx.pgVersion !== 14)
            return;
        const minor = ctx.pgMinor;
        if (minor !== undefined && minor > 3)
            return;
        // Both forms name their table (REINDEX TABLE) or index (CREATE INDEX, REINDEX INDEX) in `relation`.
        const relation = statement.kind === 'IndexStmt' || statement.kind === 'ReindexStmt' ? statement.body.relation : undefined;
        const target = relation ? ` on ${tableLabel(relationName(relation).key)}` : '';
        const hit = minor === undefined
            ? {
                message: `${what}${target}: PostgreSQL 14.0-14.3 can corrupt indexes built concurrently; make sure the server runs 14.4 or later`
            }
            : {
                message: `${what}${target} on PostgreSQL 14.${minor}: concurrent builds can corrupt the index (fixed in 14.4); upgrade first`,
                severity: 'error'
            };
        ctx.report(hit);
    }
});
function concurrentBuild({ kind, body }) {
    if (kind === 'IndexStmt' && body.concurrent)
        return 'CREATE INDEX CONCURRENTLY';
    if (kind === 'ReindexStmt' && (body.params ?? []).some((p) => as(p, 'DefElem')?.defname === 'concurrently'))
        return 'REINDEX CONCURRENTLY';
    return undefined;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/lock-held-across-statements.ts


const lockHeldAcrossStatements = defineRule({
    id: 'lock-held-across-statements',
    severity: 'warning',
    message: 'This statement runs while an earlier statement of the transaction holds an ACCESS EXCLUSIVE lock',
    help: 'An ACCESS EXCLUSIVE lock (ALTER TABLE, DROP, RENAME, TRUNCATE...) is held until the transaction commits, so every statement after it in the same transaction adds its run time, and any lock wait, to the time the table can be neither read nor written. Commit right after the statement that takes the lock, move slow work (backfills, index builds, changes to other tables in use) to its own transaction or file, or order the file so the locking statement comes last. Schema statements that only touch objects created in the same change set, or tables the transaction already holds, are not flagged: they neither wait for a lock nor scan a table in use.',
    equivalents: { eugene: ['E4'] },
    check(ctx) {
        const { statement, transaction } = ctx;
        if (transaction.accessExclusive.size === 0)
            return;
        // COMMIT releases the lock; SET / SHOW are instant.
        if (['TransactionStmt', 'VariableSetStmt', 'VariableShowStmt'].includes(statement.kind))
            return;
        if (onlyNewObjects(ctx))
            return ctx.report({
                exempt: 'schema change of objects created in this change set or already locked: no lock wait, no scan'
            });
        // The first few tables are enough to act on; a transaction locking thousands must not make each message huge.
        const count = transaction.accessExclusive.size;
        const held = [];
        for (const [table, taker] of transaction.accessExclusive) {
            if (held.length === 3)
                break;
            held.push(`${isIndexLock(taker) && !ctx.catalog.table(table) ? 'index' : 'table'} ${tableLabel(table)} (locked at line ${lineOf(ctx, taker)})`);
        }
        if (count > 3)
            held.push(`${count - 3} more`);
        const them = count === 1 ? 'it' : 'them';
        ctx.report({
            message: `Runs while ACCESS EXCLUSIVE is held on ${held.join(', ')}: reads and writes of ${them} wait until COMMIT`
        });
    }
});
/** DROP INDEX / ALTER INDEX lock the index and its table; the driver lists the table when the replay knows it. */
function isIndexLock(taker) {
    return ((taker.kind === 'DropStmt' && taker.body.removeType === 'OBJECT_INDEX') ||
        (taker.kind === 'AlterTableStmt' && taker.body.objtype === 'OBJECT_INDEX') ||
        (taker.kind === 'RenameStmt' && taker.body.renameType === 'OBJECT_INDEX'));
}
/** Schema statements that change only objects of this change set, or tables the transaction already holds. */
const SCHEMA_ONLY = new Set([
    'CreateStmt',
    'CreateEnumStmt',
    'CompositeTypeStmt',
    'CreateDomainStmt',
    'CreateSeqStmt',
    'CreateSchemaStmt',
    'CommentStmt',
    'IndexStmt',
    'AlterTableStmt',
    'RenameStmt',
    'DropStmt',
    'AlterEnumStmt',
    'CreateFunctionStmt'
]);
function onlyNewObjects(ctx) {
    const { statement } = ctx;
    if (!SCHEMA_ONLY.has(statement.kind))
        return false;
    const locks = ctx.locksOf(statement);
    // A lock on a table this transaction already holds ACCESS EXCLUSIVE cannot wait; the statements' own rewrites
    // and scans are reported by their own rules. A kind whose target locksOf does not report (a comment, a
    // sequence) is judged by the locks it does report; the table-changing kinds always report their table.
    // An index build reads the whole table, so it extends the hold even on a table already locked.
    const held = statement.kind === 'IndexStmt' ? new Map() : ctx.transaction.accessExclusive;
    return locks.every((lock) => createdInChangeSet(ctx, lock.table) || held.has(lock.table));
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/prefer-robust-stmts.ts




const preferRobustStmts = defineRule({
    id: 'prefer-robust-stmts',
    severity: 'warning',
    message: 'Outside a transaction this statement fails when the migration is rerun after a partial failure',
    help: 'When a migration runs without a transaction and fails part way, the statements before the failure stay applied, and rerunning the file fails on them ("already exists", "does not exist"). Write them so they can run twice: `IF NOT EXISTS` on CREATE TABLE / CREATE INDEX / ADD COLUMN, `IF EXISTS` on DROP TABLE / DROP INDEX / DROP TYPE / DROP COLUMN / DROP CONSTRAINT, and precede ADD CONSTRAINT with `DROP CONSTRAINT IF EXISTS` of the same name. Alternatively run the file in a transaction (BEGIN ... COMMIT, or the migration tool\'s transaction), except for CONCURRENTLY statements, which cannot run in one.',
    equivalents: { squawk: ['prefer-robust-stmts'] },
    check(ctx) {
        const { statement } = ctx;
        const { kind, body } = statement;
        const inTransaction = ctx.transaction.inTransaction;
        switch (kind) {
            case 'AlterTableStmt': {
                if (inTransaction || body.objtype !== 'OBJECT_TABLE')
                    return;
                const { problems: missing, rerunnable } = alterTableProblems(ctx, body);
                if (missing.length === 0) {
                    if (rerunnable.length > 0)
                        ctx.report({ exempt: `${rerunnable.join(', ')} succeeds when run again: nothing to make rerunnable` });
                    return;
                }
                ctx.report({
                    message: `ALTER TABLE ${tableLabel(relationName(body.relation).key)} ${missing.join('; ')}: the file cannot be rerun after a partial failure`
                });
                return;
            }
            case 'RenameStmt':
                if (inTransaction ||
                    body.renameType === undefined ||
                    !['OBJECT_TABLE', 'OBJECT_COLUMN', 'OBJECT_TABCONSTRAINT'].includes(body.renameType))
                    return;
                // relationType is only meaningful for column renames (ALTER VIEW ... RENAME COLUMN is not a table).
                if ((body.renameType === 'OBJECT_COLUMN' && body.relationType !== 'OBJECT_TABLE') || body.missing_ok)
                    return;
                ctx.report({
                    message: `A rename outside a transaction fails on a rerun (the old name is gone): the file cannot be rerun after a partial failure`
                });
                return;
            case 'IndexStmt':
                // CONCURRENTLY cannot be in a transaction, so only IF NOT EXISTS makes it rerunnable; an unnamed index gets
                // a fresh name on each run and never collides.
                if (body.if_not_exists || !body.idxname || (inTransaction && !body.concurrent))
                    return;
                ctx.report({
                    message: `CREATE INDEX ${body.idxname} without IF NOT EXISTS fails on a rerun${body.concurrent ? ' (and a failed CONCURRENTLY build leaves an INVALID index of that name: drop it first)' : ''}`
                });
                return;
            case 'CreateStmt':
                if (inTransaction || body.if_not_exists)
                    return;
                if (body.relation?.relpersistence === 't' && body.oncommit === 'ONCOMMIT_DROP')
                    return;
                ctx.report({
                    message: `CREATE TABLE ${tableLabel(relationName(body.relation).key)} without IF NOT EXISTS fails on a rerun`
                });
                return;
            case 'DropStmt': {
                const what = body.removeType === undefined ? undefined : DROPS[body.removeType];
                if (inTransaction || body.missing_ok || !what)
                    return;
                const first = (body.objects ?? [])[0];
                const list = as(first, 'List');
                const name = list ? listName(list.items).name : listName(as(first, 'TypeName')?.names).name;
                ctx.report({ message: `DROP ${what} ${name} without IF EXISTS fails on a rerun` });
                return;
            }
            default:
                return;
        }
    }
});
const DROPS = { OBJECT_TABLE: 'TABLE', OBJECT_INDEX: 'INDEX', OBJECT_TYPE: 'TYPE' };
// Constraint names dropped / re-added so far in the file, replayed up to `upTo` once, so a file of many
// ALTER TABLE statements stays linear.
const REPLAY = stateKey('constraints dropped and re-added', () => ({
    upTo: 0,
    constraints: new Map()
}));
/** What makes each ALTER TABLE action fail on a second run, in squawk's terms (see the docs page). */
function alterTableProblems(ctx, body) {
    const { statements } = ctx;
    const index = ctx.statement.index;
    const replay = ctx.fileState(REPLAY);
    for (; replay.upTo < index; replay.upTo++) {
        const earlier = statements[replay.upTo];
        if (earlier.kind === 'AlterTableStmt')
            judgeActions(earlier.body, replay.constraints);
    }
    replay.upTo = index + 1;
    return judgeActions(body, replay.constraints);
}
function judgeActions(body, constraints) {
    // An ADD CONSTRAINT preceded (anywhere earlier in the file) by a DROP CONSTRAINT of the same name is the
    // rerunnable idiom; a second ADD of it is not.
    const problems = [];
    const rerunnable = [];
    for (const node of body.cmds ?? []) {
        const cmd = as(node, 'AlterTableCmd');
        if (!cmd)
            continue;
        switch (cmd.subtype) {
            case 'AT_DropConstraint':
                if (cmd.name)
                    constraints.set(cmd.name, 'dropped');
                if (!cmd.missing_ok)
                    problems.push(`DROP CONSTRAINT ${cmd.name} without IF EXISTS`);
                break;
            case 'AT_AddColumn':
                if (!cmd.missing_ok)
                    problems.push(`ADD COLUMN ${as(cmd.def, 'ColumnDef')?.colname ?? ''} without IF NOT EXISTS`);
                break;
            case 'AT_DropColumn':
                if (!cmd.missing_ok)
                    problems.push(`DROP COLUMN ${cmd.name} without IF EXISTS`);
                break;
            case 'AT_AddConstraint': {
                const name = as(cmd.def, 'Constraint')?.conname;
                if (name && constraints.get(name) === 'dropped')
                    constraints.set(name, 'added');
                else
                    problems.push(`ADD CONSTRAINT ${name ? `${name} ` : ''}not preceded by DROP CONSTRAINT IF EXISTS`);
                break;
            }
            default:
                if (IDEMPOTENT.has(cmd.subtype))
                    rerunnable.push(actionName(cmd.subtype));
                else
                    problems.push(`${actionName(cmd.subtype)} outside a transaction`);
        }
    }
    return { problems, rerunnable };
}
/**
 * Actions that set a state rather than create or remove something: run a second time they succeed and change
 * nothing, so a half-applied file reruns past them. squawk flags them as "missing transaction"; we do not.
 */
const IDEMPOTENT = new Set([
    'AT_ValidateConstraint',
    'AT_SetNotNull',
    'AT_DropNotNull',
    'AT_ColumnDefault',
    'AT_AlterColumnType',
    'AT_SetStatistics',
    'AT_SetStorage',
    'AT_SetCompression',
    'AT_SetOptions',
    'AT_ResetOptions',
    'AT_SetRelOptions',
    'AT_ResetRelOptions',
    'AT_EnableRowSecurity',
    'AT_DisableRowSecurity',
    'AT_ForceRowSecurity',
    'AT_NoForceRowSecurity',
    'AT_ChangeOwner',
    'AT_ReplicaIdentity',
    'AT_EnableTrig',
    'AT_DisableTrig',
    'AT_EnableAlwaysTrig',
    'AT_EnableReplicaTrig',
    'AT_EnableTrigAll',
    'AT_DisableTrigAll',
    'AT_EnableTrigUser',
    'AT_DisableTrigUser',
    'AT_ClusterOn',
    'AT_DropCluster',
    'AT_SetLogged',
    'AT_SetUnLogged',
    'AT_SetTableSpace',
    'AT_SetAccessMethod'
]);
const ACTION_NAMES = {
    AT_ColumnDefault: 'SET / DROP DEFAULT',
    AT_AlterColumnType: 'ALTER COLUMN TYPE',
    AT_ChangeOwner: 'OWNER TO',
    AT_SetRelOptions: 'SET (...)',
    AT_ResetRelOptions: 'RESET (...)'
};
function actionName(subtype) {
    if (subtype !== undefined && ACTION_NAMES[subtype])
        return ACTION_NAMES[subtype];
    return String(subtype)
        .replace(/^AT_/, '')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toUpperCase();
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/timeout-rule.ts


// Shared by both timeout rules: the stalls are judged once per file.
const TIMEOUTS = stateKey('timeout settings of the file', () => ({
    protectedBefore: {},
    squawkTarget: {},
    firstUnprotected: {},
    stalls: []
}));
function fileState(ctx) {
    const state = ctx.fileState(TIMEOUTS);
    // Statements whose check was skipped (ignore comments) are judged now: the order of reports must not
    // depend on which rules were suppressed where.
    for (let i = state.stalls.length; i <= ctx.statement.index; i++)
        state.stalls.push(stallingLocks(ctx, ctx.statements[i]).length > 0);
    return state;
}
function checkTimeout(ctx, setting, explain) {
    const { statement, statements } = ctx;
    const state = fileState(ctx);
    const protectedBefore = (state.protectedBefore[setting] ??= timeoutInEffect(statements, setting));
    if (protectedBefore[statement.index])
        return;
    if (!state.stalls[statement.index]) {
        // squawk reports on the first DDL statement of the file; record why this one is fine.
        const target = (state.squawkTarget[setting] ??= statements.findIndex((s, i) => squawkCountsAsSlow(s) && !protectedBefore[i]));
        if (target === statement.index)
            ctx.report({ exempt: 'takes no lock that blocks reads or writes of a table in use' });
        return;
    }
    const first = (state.firstUnprotected[setting] ??= state.stalls.findIndex((stalls, i) => stalls && !protectedBefore[i]));
    if (first !== statement.index)
        return;
    const lock = stallingLocks(ctx, statement)[0];
    const mode = lockModeName(lock.mode);
    ctx.report({
        message: `No ${setting} is set before this statement takes ${/^[AEIOU]/.test(mode) ? 'an' : 'a'} ${mode} lock on ${tableLabel(lock.table)}: ${explain}`
    });
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/require-lock-timeout.ts


const requireLockTimeout = defineRule({
    id: 'require-lock-timeout',
    severity: 'warning',
    message: 'No lock_timeout is set before a statement that takes a lock blocking a table in use',
    help: "A DDL statement that waits for its lock (behind a long query or an open transaction) makes every later query on the table queue behind it, so a fast change turns into an outage. Put `SET lock_timeout = '2s';` at the top of the file: the statement then fails fast instead, and the deploy can be retried. Reported once per file, on the first statement that needs it; statements on tables created in the same change set and CONCURRENTLY / VALIDATE forms (which do not block reads or writes while they wait) are not counted.",
    equivalents: {
        squawk: ['require-lock-timeout', 'require-timeout-settings'],
        eugene: ['E9']
    },
    check(ctx) {
        checkTimeout(ctx, 'lock_timeout', 'while it waits for the lock, every query on the table queues behind it');
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/require-statement-timeout.ts


const requireStatementTimeout = defineRule({
    id: 'require-statement-timeout',
    severity: 'warning',
    message: 'No statement_timeout is set before a statement that holds a lock blocking a table in use',
    help: "A statement that holds a lock blocking writes (an index build, a table rewrite, a validating scan) for longer than expected keeps the table blocked until it finishes. `SET statement_timeout = '...';` at the top of the file bounds how long that can last; pick a value above the expected run time. Reported once per file, on the first statement that needs it; statements on tables created in the same change set are not counted.",
    equivalents: {
        squawk: ['require-statement-timeout', 'require-timeout-settings']
    },
    check(ctx) {
        checkTimeout(ctx, 'statement_timeout', 'nothing bounds how long the table stays blocked');
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/transaction-nesting.ts



/** Whether the migration tool wraps the file in its transaction, as last seen outside an explicit block. */
const TOOL_WRAPS_FILE = stateKey('the tool wraps the file in a transaction', () => ({}));
const transactionNesting = defineRule({
    id: 'transaction-nesting',
    severity: 'warning',
    message: 'BEGIN inside a transaction, or COMMIT / ROLLBACK with no transaction of the file to end',
    help: "PostgreSQL has no nested transactions: a second BEGIN only warns, and the first COMMIT ends the whole transaction, so the statements after it run outside any transaction and a failure leaves the migration half applied. When the migration tool wraps each file in a transaction itself, a COMMIT in the file ends the tool's transaction early in the same way. Keep one BEGIN ... COMMIT per file, or none when the tool opens the transaction; use SAVEPOINT for a nested unit.",
    equivalents: { squawk: ['transaction-nesting'] },
    check(ctx) {
        const { statement, transaction } = ctx;
        const frameworkOwned = transaction.inTransaction && !transaction.explicit;
        // Outside an explicit block, inTransaction tells whether the tool wraps the file; remember it for the COMMIT
        // of a BEGIN written in the file, which then ends the tool's transaction too.
        const tool = ctx.fileState(TOOL_WRAPS_FILE);
        if (!transaction.explicit)
            tool.wraps = transaction.inTransaction;
        if (isBegin(statement)) {
            if (transaction.explicit)
                ctx.report({
                    message: 'BEGIN inside a transaction already open in this file: the first COMMIT ends both'
                });
            else if (frameworkOwned)
                ctx.report({
                    message: "BEGIN inside the transaction the migration tool opens for this file: its COMMIT ends the tool's transaction early"
                });
        }
        else if (isTransactionEnd(statement)) {
            if (frameworkOwned)
                ctx.report({
                    message: 'COMMIT / ROLLBACK ends the transaction the migration tool opens for this file: later statements run outside it'
                });
            else if (!transaction.explicit)
                ctx.report({ message: 'COMMIT / ROLLBACK with no transaction open: there is nothing to end' });
            else if (transaction.depth === 1 && tool.wraps)
                ctx.report({
                    message: 'COMMIT / ROLLBACK of the BEGIN in this file also ends the transaction the migration tool opens: later statements run outside it'
                });
        }
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/transactions.ts










const TRANSACTION_RULES = [
    requireLockTimeout,
    requireStatementTimeout,
    lockHeldAcrossStatements,
    transactionNesting,
    banUncommittedTransaction,
    banConcurrentIndexCreationInTransaction,
    concurrentIndexPg14Bug,
    preferRobustStmts,
    banCreateDomainWithConstraint,
    banAlterDomainWithAddConstraint
];

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/column-reads.ts

/** The scope of a statement: a statement a DO block runs sees the block's variables and loops. */
function scopeOf(statement, catalog) {
    return {
        catalog,
        variables: statement.embedded?.variables ?? new Set(),
        loopRows: statement.embedded?.loopRows ?? new Map()
    };
}
/**
 * What the statement copies, judged against `catalog` (the schema before it runs): an UPDATE copies within
 * each row of its own table (or from the tables of its FROM list); INSERT ... SELECT and CREATE TABLE AS copy
 * rows into another table. Empty for other statements.
 */
function dataCopies(statement, catalog) {
    const copies = [];
    if (statement.kind === 'UpdateStmt')
        updateCopies(scopeOf(statement, catalog), statement.body, copies);
    else if (statement.kind === 'InsertStmt')
        insertCopies(scopeOf(statement, catalog), statement.body, copies);
    else if (statement.kind === 'CreateTableAsStmt')
        createTableAsCopies(scopeOf(statement, catalog), statement.body, copies);
    return copies;
}
/**
 * Every column an expression reads, subqueries included: a value computed from a column (in its select list or
 * in the condition that picks the row) carries that column's data. The innermost FROM list is searched first.
 */
function columnsRead(node, sources, scope, reads = new Map()) {
    if (Array.isArray(node)) {
        for (const item of node)
            columnsRead(item, sources, scope, reads);
        return reads;
    }
    if (!node || typeof node !== 'object')
        return reads;
    for (const [key, value] of entriesOf(node)) {
        const ref = payloadOf(key, 'ColumnRef', value);
        const select = payloadOf(key, 'SelectStmt', value);
        if (ref)
            readColumn(ref, sources, scope, reads);
        else if (select)
            selectReads(select, sources, scope, reads);
        else if (value && typeof value === 'object')
            columnsRead(value, sources, scope, reads);
    }
    return reads;
}
/** The tables of a FROM list, through joins; subqueries and functions in FROM are not followed. */
function fromSources(scope, items, ctes, out = []) {
    for (const item of items ?? []) {
        const join = as(item, 'JoinExpr');
        if (join)
            fromSources(scope, [join.larg, join.rarg].filter((n) => n !== undefined), ctes, out);
        const rangeVar = as(item, 'RangeVar');
        if (rangeVar &&
            !(rangeVar.schemaname === undefined && rangeVar.relname !== undefined && ctes.has(rangeVar.relname)))
            out.push(sourceOf(scope, rangeVar));
    }
    return out;
}
/** The source a RangeVar names (the UPDATE target, an INSERT's table). */
function sourceOf(scope, rangeVar) {
    return {
        table: relationName(rangeVar),
        names: new Set([rangeVar?.relname, rangeVar?.alias?.aliasname].filter((n) => !!n)),
        info: scope.catalog.table(relationName(rangeVar).key)
    };
}
function addRead(reads, table, column) {
    let entry = reads.get(table.key);
    if (!entry)
        reads.set(table.key, (entry = { table, columns: new Set() }));
    entry.columns.add(column);
}
/** Names of the WITH queries of a statement: a FROM entry with such a name is no table. */
function ctesOf(body) {
    const found = new Set();
    for (const cte of body?.withClause?.ctes ?? []) {
        const name = as(cte, 'CommonTableExpr')?.ctename;
        if (name)
            found.add(name);
    }
    return found;
}
/** The qualifier of a `*` or `t.*` column reference (empty for a bare `*`), or undefined for anything else. */
function starOf(ref) {
    const fields = ref?.fields ?? [];
    return fields.length > 0 && as(fields[fields.length - 1], 'A_Star') !== undefined ? names(fields) : undefined;
}
function qualifies(source, qualifier) {
    if (qualifier.length === 1)
        return source.names.has(qualifier[0]);
    return qualifier.length === 2 && source.table.schema === qualifier[0] && source.table.name === qualifier[1];
}
/** The table a bare column name belongs to: the one the catalogue says has it, else one it cannot rule out. */
function ownerOf(sources, column) {
    return (sources.find((s) => s.info?.columns.has(column)) ?? sources.find((s) => !s.info || s.info.columnsUnknown === true));
}
function selectReads(select, outer, scope, reads) {
    if (select?.op && select.op !== 'SETOP_NONE') {
        selectReads(select.larg, outer, scope, reads);
        selectReads(select.rarg, outer, scope, reads);
        return;
    }
    const inner = [...fromSources(scope, select?.fromClause, ctesOf(select)), ...outer];
    columnsRead(select, inner, scope, reads);
}
function readColumn(ref, sources, scope, reads) {
    const star = starOf(ref);
    if (star) {
        for (const source of star.length === 0 ? sources : sources.filter((s) => qualifies(s, star)))
            addRead(reads, source.table, '*');
        return;
    }
    const parts = names(ref.fields);
    if (parts.length === 0)
        return;
    const column = parts[parts.length - 1];
    if (parts.length === 1) {
        if (scope.variables.has(column))
            return;
        const owner = ownerOf(sources, column);
        if (owner)
            addRead(reads, owner.table, column);
        return;
    }
    const qualifier = parts.slice(0, -1);
    const owner = sources.find((s) => qualifies(s, qualifier));
    if (owner)
        addRead(reads, owner.table, column);
    else if (qualifier.length === 1 && scope.loopRows.has(qualifier[0]))
        readLoopField(qualifier[0], column, scope, reads);
}
/** `r.field` inside `FOR r IN SELECT ... LOOP`: the column (or expression) of the loop query named `field`. */
function readLoopField(row, field, scope, reads) {
    const select = scope.loopRows.get(row);
    if (select?.op && select.op !== 'SETOP_NONE')
        return;
    // The loop query cannot read its own row variable: dropping it keeps the lookup finite.
    const loopRows = new Map(scope.loopRows);
    loopRows.delete(row);
    const inner = { ...scope, loopRows };
    const sources = fromSources(scope, select?.fromClause, ctesOf(select));
    for (const node of select?.targetList ?? []) {
        const target = as(node, 'ResTarget');
        const star = starOf(as(target?.val, 'ColumnRef'));
        if (star) {
            const owner = ownerOf(star.length ? sources.filter((s) => qualifies(s, star)) : sources, field);
            if (owner)
                return addRead(reads, owner.table, field);
        }
        else if ((target?.name ?? names(as(target?.val, 'ColumnRef')?.fields).at(-1)) === field) {
            columnsRead(target?.val, sources, inner, reads);
            return;
        }
    }
}
function updateCopies(scope, body, copies) {
    const own = sourceOf(scope, body.relation);
    const sources = [own, ...fromSources(scope, body.fromClause, ctesOf(body))];
    for (const node of body.targetList ?? []) {
        const target = as(node, 'ResTarget');
        if (!target?.name)
            continue;
        const reads = columnsRead(target.val, sources, scope);
        for (const { table, columns } of reads.values()) {
            // `SET n = n + 1` reads the column it writes: no copy.
            if (table.key === own.table.key)
                columns.delete(target.name);
            if (columns.size > 0)
                copies.push({ from: table, into: own.table, target: target.name, sources: columns });
        }
    }
}
/**
 * The rows a query writes into another table (INSERT ... SELECT, CREATE TABLE AS). `columnAt` names the column
 * an output position fills, when known.
 */
function rowsInto(scope, into, query, ctes, columnAt, copies) {
    if (query?.op && query.op !== 'SETOP_NONE') {
        rowsInto(scope, into, query.larg, ctes, columnAt, copies);
        rowsInto(scope, into, query.rarg, ctes, columnAt, copies);
        return;
    }
    const sources = fromSources(scope, query?.fromClause, new Set([...ctes, ...ctesOf(query)]));
    // After a star the positions no longer match the target's columns.
    let positional = true;
    (query?.targetList ?? []).forEach((node, position) => {
        const target = as(node, 'ResTarget');
        const reads = columnsRead(target?.val, sources, scope);
        if (starOf(as(target?.val, 'ColumnRef')))
            positional = false;
        const column = positional ? columnAt(position, target) : undefined;
        for (const { table, columns } of reads.values()) {
            // Rows of a table appended to itself are new rows, not a move.
            if (table.key === into.key)
                continue;
            copies.push({ from: table, into, target: column, sources: columns });
        }
    });
}
function insertCopies(scope, body, copies) {
    const query = as(body.selectStmt, 'SelectStmt');
    if (!query)
        return;
    const listed = (body.cols ?? []).map((c) => as(c, 'ResTarget')?.name);
    const info = scope.catalog.table(relationName(body.relation).key);
    const columns = listed.length > 0 ? listed : info && !info.columnsUnknown ? [...info.columns.keys()] : [];
    rowsInto(scope, relationName(body.relation), query, ctesOf(body), (i) => columns[i], copies);
}
function createTableAsCopies(scope, body, copies) {
    if (body.objtype !== 'OBJECT_TABLE')
        return;
    const query = as(body.query, 'SelectStmt');
    if (!query || !body.into?.rel)
        return;
    const listed = names(body.into.colNames);
    rowsInto(scope, relationName(body.into.rel), query, new Set(), (i, target) => listed[i] ?? target?.name ?? names(as(target?.val, 'ColumnRef')?.fields).at(-1), copies);
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/expand-contract-same-change-set.ts





const SEEN = stateKey('copies, renames and views of the change set', () => ({
    copies: [],
    renamedTables: new Map(),
    views: new Set()
}));
function record(ctx, seen) {
    const { statement } = ctx;
    // A backfill is often a batched loop in a DO block: its statements come after the block, with the block's
    // variables and loops (engine/plpgsql.ts); the DO statement itself copies nothing.
    seen.copies.push(...dataCopies(statement, ctx.catalog));
    if (statement.kind === 'RenameStmt' && statement.body.renameType === 'OBJECT_TABLE') {
        seen.renamedTables.set(relationName(statement.body.relation).key, statement.body.newname ?? '');
    }
    else if (statement.kind === 'ViewStmt') {
        seen.views.add(relationName(statement.body.view).key);
    }
}
/** A later statement of the file renames `from` to `to`: the copy was a type change, not a rename. */
function renamedLater(ctx, table, from, to) {
    return ctx.statements
        .slice(ctx.statement.index + 1)
        .some((s) => s.kind === 'RenameStmt' &&
        s.body.renameType === 'OBJECT_COLUMN' &&
        relationName(s.body.relation).key === table &&
        s.body.subname === from &&
        s.body.newname === to);
}
/** A later statement of the change set renames table `table` to `to`: the copy rebuilt the table in place. */
function tableRenamedLater(ctx, table, to) {
    for (const s of ctx.laterInChangeSet())
        if (s.kind === 'RenameStmt' &&
            s.body.renameType === 'OBJECT_TABLE' &&
            relationName(s.body.relation).key === table &&
            s.body.newname === to)
            return true;
    return false;
}
function checkDropColumns(ctx, body, seen) {
    if ((body.objtype ?? 'OBJECT_TABLE') !== 'OBJECT_TABLE')
        return;
    const q = relationName(body.relation);
    const table = ctx.table(body.relation);
    for (const node of body.cmds ?? []) {
        const cmd = as(node, 'AlterTableCmd');
        if (cmd?.subtype !== 'AT_DropColumn' || !cmd.name)
            continue;
        const dropped = cmd.name;
        const ours = seen.copies.filter((c) => c.from.key === q.key);
        const copy = ours.find((c) => c.into.key === q.key &&
            c.sources.has(dropped) &&
            c.target !== undefined &&
            c.target !== dropped &&
            table?.columns.has(c.target));
        // A star copies the column along with every other one: no evidence that it moved.
        const moved = copy
            ? undefined
            : ours.find((c) => c.into.key !== q.key && c.sources.has(dropped) && ctx.catalog.table(c.into.key));
        if (!copy && !moved)
            continue;
        if (ctx.isNewTable(body.relation) || ctx.isNewColumn(body.relation, dropped))
            return ctx.report({ exempt: NEW_TABLE });
        if (moved) {
            const where = moved.target ? `${moved.into.name}.${moved.target}` : moved.into.name;
            ctx.report({
                message: `This change set copies ${q.name}.${dropped} into ${where} and drops ${dropped}: expand and contract in one deploy break the release still running, which reads and writes ${q.name}.${dropped}`,
                recipe: dropColumnRecipe(q, dropped)
            });
            continue;
        }
        // `copy` names a target column the table has (checked above).
        const target = copy?.target !== undefined ? table?.columns.get(copy.target) : undefined;
        if (!target)
            continue;
        const added = target.addedIn === ctx.changeSet;
        const typeChange = added && renamedLater(ctx, q.key, target.name, dropped);
        const recipe = typeChange
            ? changeTypeRecipe(q, dropped, target.type.display)
            : renameColumnRecipe(q, dropped, target.name, target.type.display);
        const message = typeChange
            ? `This change set changes the type of ${q.name}.${dropped} by a copy and swap in one deploy: the release still running reads and writes ${dropped} as the old type, and rows it writes during the copy are blocked or lost`
            : `This change set ${added ? 'adds' : 'fills'} ${q.name}.${target.name}, copies ${dropped} into it and drops ${dropped}: expand and contract in one deploy break the release still running, which reads and writes ${dropped}`;
        ctx.report({
            message,
            recipe
        });
    }
}
function checkDropViews(ctx, body, seen) {
    for (const object of body.objects ?? []) {
        const q = listName(as(object, 'List')?.items);
        const renamed = seen.renamedTables.get(q.key);
        if (renamed === undefined || !seen.views.has(q.key))
            continue;
        ctx.report({
            message: `This change set renames table ${q.name} to ${renamed}, leaves a view under the old name and drops it again: the release still running uses ${q.name}`,
            recipe: renameTableRecipe(q, renamed)
        });
    }
}
/**
 * A table copied into a table the change set creates, then dropped. Copying into a table that already existed
 * is left alone: that is archiving or merging rows, which `ban-drop-table` judges by itself.
 */
function checkDropTables(ctx, body, seen) {
    for (const object of body.objects ?? []) {
        const q = listName(as(object, 'List')?.items);
        const copy = seen.copies.find((c) => c.from.key === q.key && c.into.key !== q.key && ctx.catalog.table(c.into.key)?.createdIn === ctx.changeSet);
        if (!copy)
            continue;
        if (ctx.catalog.table(q.key)?.createdIn === ctx.changeSet) {
            ctx.report({ exempt: NEW_TABLE });
            continue;
        }
        const into = copy.into;
        if (tableRenamedLater(ctx, into.key, q.name)) {
            // The swap keeps the name, so no rename recipe fits: the safe way is to change the table in place.
            ctx.report({
                message: `This change set rebuilds table ${q.name} as a copy (${into.name}, then renamed to ${q.name}) in one deploy: rows the release still running writes to ${q.name} after the copy are lost with the drop, and its queries fail or wait until the rename`
            });
            continue;
        }
        ctx.report({
            message: `This change set creates ${into.name}, copies ${q.name} into it and drops ${q.name}: expand and contract in one deploy break the release still running, which reads and writes ${q.name}`,
            recipe: into.schema === q.schema ? renameTableRecipe(q, into.name) : undefined
        });
    }
}
const expandContractSameChangeSet = defineRule({
    id: 'expand-contract-same-change-set',
    severity: 'error',
    message: 'The contract step of an expand-migrate-contract change ships in the same change set as its expand step',
    help: 'During a deploy the previous release keeps serving traffic until the new one is up, and it still reads and writes the old column or table. Expand (add the new column, table or compatibility view) and migrate (copy the data) are safe for it; contract (drop the old column, table or view) is only safe once no running release uses the old name, so it belongs in a later deploy. Shipping all three together breaks the old release mid-deploy, and rows it writes between the copy and the drop are lost. Split the change over deploys as the attached recipe shows. A `CHECK ... NOT VALID`, `VALIDATE CONSTRAINT`, `SET NOT NULL` sequence is not a contract and is not flagged.',
    equivalents: {},
    check(ctx) {
        // The change set's state: its copies, renames and views carry over from one of its files to the next.
        const seen = ctx.changeSetState(SEEN);
        const { kind, body } = ctx.statement;
        if (kind === 'AlterTableStmt')
            checkDropColumns(ctx, body, seen);
        else if (kind === 'DropStmt' && body.removeType === 'OBJECT_VIEW')
            checkDropViews(ctx, body, seen);
        else if (kind === 'DropStmt' && body.removeType === 'OBJECT_TABLE')
            checkDropTables(ctx, body, seen);
        record(ctx, seen);
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/ubos-support.ts
/** From `start` to the end of the table element or ALTER TABLE action that starts there (the next top-level comma). */
function elementRange(ctx, start) {
    const { statement, source } = ctx;
    const text = source.slice({ start, end: statement.range.end });
    let depth = 0;
    let i = 0;
    for (; i < text.length; i++) {
        const ch = text[i];
        if (ch === "'" || ch === '"') {
            const close = text.indexOf(ch, i + 1);
            i = close === -1 ? text.length : close;
        }
        else if (ch === '-' && text[i + 1] === '-') {
            const newline = text.indexOf('\n', i);
            i = newline === -1 ? text.length : newline;
        }
        else if (ch === '(')
            depth++;
        else if (ch === ')') {
            if (depth === 0)
                break;
            depth--;
        }
        else if (ch === ',' && depth === 0)
            break;
    }
    const element = text.slice(0, i).replace(/\s+$/, '');
    return { start, end: start + Buffer.byteLength(element, 'utf8') };
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/foreign-key-without-index.ts




/** A column-level REFERENCES carries no column list of its own: the column is the referencing column. */
function collectColumn(def, shape) {
    const name = def.colname ?? '';
    for (const node of def.constraints ?? []) {
        const c = as(node, 'Constraint');
        if (c?.contype === 'CONSTR_FOREIGN')
            shape.foreignKeys.push({ columns: [name], references: relationName(c.pktable), location: def.location });
        if (c?.contype === 'CONSTR_PRIMARY' || c?.contype === 'CONSTR_UNIQUE')
            shape.keys.push([name]);
    }
}
function collectConstraint(c, shape) {
    if (c.contype === 'CONSTR_FOREIGN')
        shape.foreignKeys.push({ columns: names(c.fk_attrs), references: relationName(c.pktable), location: c.location });
    if ((c.contype === 'CONSTR_PRIMARY' || c.contype === 'CONSTR_UNIQUE') && !c.indexname)
        shape.keys.push(names(c.keys));
}
function shapeOf(statement) {
    const shape = { foreignKeys: [], keys: [] };
    if (statement.kind === 'CreateStmt') {
        for (const element of statement.body.tableElts ?? []) {
            const column = as(element, 'ColumnDef');
            if (column)
                collectColumn(column, shape);
            const constraint = as(element, 'Constraint');
            if (constraint)
                collectConstraint(constraint, shape);
        }
    }
    else if (statement.kind === 'AlterTableStmt' && (statement.body.objtype ?? 'OBJECT_TABLE') === 'OBJECT_TABLE') {
        for (const node of statement.body.cmds ?? []) {
            const cmd = as(node, 'AlterTableCmd');
            const column = cmd?.subtype === 'AT_AddColumn' ? as(cmd.def, 'ColumnDef') : undefined;
            if (column)
                collectColumn(column, shape);
            const constraint = cmd?.subtype === 'AT_AddConstraint' ? as(cmd.def, 'Constraint') : undefined;
            if (constraint)
                collectConstraint(constraint, shape);
        }
    }
    return shape;
}
// Each foreign key not yet indexed looks at every later statement: a file of many foreign keys asks for the
// same statements' shapes again and again.
const shapeOfStatement = statementMemo('foreign keys and keys', shapeOf);
/**
 * True when `index` (an ordered column list, undefined for expression elements) can look up `wanted`: its
 * leading columns are exactly the wanted ones, in any order. An expression element ends the usable prefix.
 */
function leadsWith(index, wanted) {
    const set = new Set(wanted);
    const prefix = index.slice(0, set.size);
    return prefix.length === set.size && prefix.every((c) => c !== undefined && set.has(c));
}
/**
 * An index or key created after the foreign key in the same change set (later in the file, or in a later file
 * shipped with it): ORMs write the index after the FK, and people often add it in the next migration.
 */
function createdLater(ctx, tableKey, wanted) {
    for (const later of ctx.laterInChangeSet()) {
        if (later.kind === 'IndexStmt' && relationName(later.body.relation).key === tableKey) {
            const columns = (later.body.indexParams ?? []).map((p) => as(p, 'IndexElem')?.name);
            if (leadsWith(columns, wanted))
                return true;
        }
        else if (later.kind === 'AlterTableStmt' &&
            relationName(later.body.relation).key === tableKey &&
            shapeOfStatement(ctx, later).keys.some((key) => leadsWith(key, wanted))) {
            return true;
        }
    }
    return false;
}
function indexName(table, columns) {
    return `${table.name}_${columns.join('_')}_idx`.slice(0, 63);
}
const foreignKeyWithoutIndex = defineRule({
    id: 'foreign-key-without-index',
    severity: 'warning',
    message: 'Foreign key without an index on its referencing columns',
    help: 'PostgreSQL indexes the referenced side of a foreign key (it must be a primary key or unique), never the referencing side. Without an index leading with the referencing columns, every DELETE or key UPDATE of a referenced row scans the whole referencing table to check for (or cascade to) dependent rows, and `ON DELETE CASCADE` / `SET NULL` become slow and lock-heavy; joins from parent to children scan as well. Create the index (`CREATE INDEX CONCURRENTLY` on a table in use, outside a transaction) in the same change set. The finding carries the statement for the actual table and columns.',
    equivalents: { eugene: ['E15'] },
    kinds: ['CreateStmt', 'AlterTableStmt'],
    check(ctx) {
        const { kind, body } = ctx.statement;
        if (kind !== 'CreateStmt' && kind !== 'AlterTableStmt')
            return;
        const shape = shapeOfStatement(ctx, ctx.statement);
        if (shape.foreignKeys.length === 0)
            return;
        const table = relationName(body.relation);
        const creating = kind === 'CreateStmt';
        // CREATE TABLE IF NOT EXISTS of a known table does nothing; ALTER of a table the replay never saw may have
        // indexes we do not know about.
        if (creating ? body.if_not_exists && ctx.catalog.table(table.key) : !ctx.table(body.relation))
            return;
        const single = shape.foreignKeys.length === 1 && (creating ? false : (body.cmds ?? []).length === 1);
        for (const fk of shape.foreignKeys) {
            if (fk.columns.length === 0)
                continue;
            if (shape.keys.some((key) => leadsWith(key, fk.columns)))
                continue;
            if (!creating && ctx.catalog.hasIndexLeadingWith(table.key, fk.columns))
                continue;
            if (createdLater(ctx, table.key, fk.columns))
                continue;
            const cols = fk.columns.map(quoteIdent).join(', ');
            const concurrently = creating || ctx.isNewTable(body.relation) ? '' : ' CONCURRENTLY';
            const create = `CREATE INDEX${concurrently} ${quoteIdent(indexName(table, fk.columns))} ON ${quoteQualified(table)} (${cols});`;
            ctx.report({
                message: `Foreign key ${table.name}(${fk.columns.join(', ')}) references ${fk.references.name} but no index on ${table.name} leads with ${fk.columns.join(', ')}: deleting or updating a ${fk.references.name} row scans ${table.name}`,
                range: single ? undefined : elementRange(ctx, fk.location ?? ctx.statement.range.start),
                recipe: {
                    title: `Index ${table.name}(${fk.columns.join(', ')}) for the foreign key to ${fk.references.name}`,
                    steps: [
                        {
                            title: concurrently
                                ? 'Create the index without blocking writes (outside a transaction)'
                                : 'Create the index in the same change set',
                            sql: create
                        }
                    ]
                }
            });
        }
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/multiple-alter-table.ts



/**
 * Actions that cannot join another ALTER TABLE or must stay apart on purpose: VALIDATE CONSTRAINT runs
 * separately to take the weaker lock, and the partition actions cannot be combined at all.
 */
const APART = new Set([
    'AT_ValidateConstraint',
    'AT_AttachPartition',
    'AT_DetachPartition',
    'AT_DetachPartitionFinalize'
]);
function combinable(statement) {
    if (statement.embedded)
        return false;
    if (statement.kind !== 'AlterTableStmt' || (statement.body.objtype ?? 'OBJECT_TABLE') !== 'OBJECT_TABLE')
        return false;
    const cmds = statement.body.cmds ?? [];
    return cmds.length > 0 && cmds.every((node) => !APART.has(as(node, 'AlterTableCmd')?.subtype));
}
/** An object of the tree that is a RangeVar payload. */
function isRangeVar(value) {
    return typeof value.relname === 'string';
}
/** Tables a statement names: any of them ends a run of ALTER TABLEs, whose order against it may matter. */
function tablesOf(statement) {
    const keys = new Set();
    const walk = (node) => {
        if (Array.isArray(node))
            node.forEach(walk);
        else if (node && typeof node === 'object') {
            // RangeVars appear both wrapped ({RangeVar: {...}}) and bare (the relation field of most statements).
            if (isRangeVar(node))
                keys.add(relationName(node).key);
            for (const value of Object.values(node))
                if (value && typeof value === 'object')
                    walk(value);
        }
    };
    walk(statement.node);
    if (statement.kind === 'DropStmt' && statement.body.removeType === 'OBJECT_TABLE')
        for (const object of statement.body.objects ?? [])
            keys.add(listName(as(object, 'List')?.items).key);
    return keys;
}
/**
 * For each combinable ALTER TABLE that continues a run on the same table, the index of the run's first one.
 * A run ends at a transaction boundary (separate transactions are a deliberate choice to keep locks short)
 * and at any other statement naming the table (an UPDATE or index between them may depend on the order).
 */
function runsOf(statements) {
    const first = new Map();
    // Most files alter each table once: then there is no run, and no statement needs walking.
    const altered = new Set();
    let repeated = false;
    for (const statement of statements) {
        if (!combinable(statement))
            continue;
        const key = relationName(statement.body.relation).key;
        if (altered.has(key))
            repeated = true;
        altered.add(key);
    }
    if (!repeated)
        return first;
    let open = new Map();
    for (const statement of statements) {
        // A DO block may use any table, and what it runs cannot be merged with statements outside it.
        if (statement.kind === 'TransactionStmt' || statement.kind === 'DoStmt' || statement.embedded) {
            open = new Map();
            continue;
        }
        if (combinable(statement)) {
            const key = relationName(statement.body.relation).key;
            const start = open.get(key);
            if (start === undefined)
                open.set(key, statement.index);
            else
                first.set(statement.index, start);
            for (const other of tablesOf(statement))
                if (other !== key)
                    open.delete(other);
            continue;
        }
        for (const key of tablesOf(statement))
            open.delete(key);
    }
    return first;
}
/**
 * Actions that read or rewrite every row: inside one transaction the lock is already held, so only these make
 * a second statement cost something (a second pass over the table).
 */
function makesPass(statement) {
    if (statement.kind !== 'AlterTableStmt')
        return false;
    return (statement.body.cmds ?? []).some((node) => {
        const cmd = as(node, 'AlterTableCmd');
        switch (cmd?.subtype) {
            case 'AT_SetNotNull':
            case 'AT_AlterColumnType':
            case 'AT_AddIdentity':
            case 'AT_SetExpression':
                return true;
            case 'AT_AddConstraint': {
                const c = as(cmd.def, 'Constraint');
                return !!c && !c.skip_validation && !c.indexname && c.contype !== 'CONSTR_NOTNULL';
            }
            case 'AT_AddColumn': {
                const def = as(cmd.def, 'ColumnDef');
                return (def?.constraints ?? []).some((n) => {
                    const contype = as(n, 'Constraint')?.contype;
                    return (contype !== undefined &&
                        [
                            'CONSTR_GENERATED',
                            'CONSTR_IDENTITY',
                            'CONSTR_CHECK',
                            'CONSTR_FOREIGN',
                            'CONSTR_PRIMARY',
                            'CONSTR_UNIQUE'
                        ].includes(contype));
                });
            }
            default:
                return false;
        }
    });
}
/** The runs of the file (runsOf), found at its first ALTER TABLE. */
const RUNS = stateKey('runs of ALTER TABLE on one table', () => ({}));
const multipleAlterTable = defineRule({
    id: 'multiple-alter-table',
    severity: 'warning',
    message: 'Several ALTER TABLE statements on the same table: combine them into one',
    help: 'Each ALTER TABLE waits for its own lock on the table (queueing behind long queries and blocking everything queued after it), and every action that scans or rewrites the table makes its own pass. One `ALTER TABLE t action1, action2, ...` takes the lock once and does a single pass for all of its actions. Inside one transaction the lock is taken once anyway, so there only a second statement that scans or rewrites the table is flagged. Statements are only counted together when nothing in between uses the table and no COMMIT separates them; `VALIDATE CONSTRAINT` and partition actions are left apart on purpose. Tables created in the same change set are not flagged.',
    equivalents: { eugene: ['W12'] },
    kinds: ['AlterTableStmt'],
    check(ctx) {
        if (ctx.statement.kind !== 'AlterTableStmt')
            return;
        const file = ctx.fileState(RUNS);
        const runs = (file.runs ??= runsOf(ctx.statements));
        const start = runs.get(ctx.statement.index);
        if (start === undefined)
            return;
        const { body } = ctx.statement;
        if (ctx.isNewTable(body.relation))
            return ctx.report({ exempt: NEW_TABLE });
        if (ctx.transaction.inTransaction) {
            const earlier = ctx.statements
                .slice(start, ctx.statement.index)
                .filter((s) => s.index === start || runs.get(s.index) === start);
            if (!makesPass(ctx.statement) || !earlier.some(makesPass))
                return;
        }
        const line = ctx.source.span(ctx.statements[start].range).line;
        const name = relationName(body.relation).name;
        const cost = ctx.transaction.inTransaction ? 'makes another pass over it' : 'waits for its lock again';
        ctx.report({
            message: `${name} is altered again (first ALTER TABLE at line ${line}) and ${cost}: combine the actions into one ALTER TABLE`
        });
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/pk-using-index-nullable.ts




/**
 * Columns an earlier statement of this file proved NOT NULL with a CHECK (col IS NOT NULL) that the catalogue
 * now shows validated: from PostgreSQL 12 the implicit SET NOT NULL uses it and skips the scan. The catalogue
 * does not keep CHECK expressions, so a proof written in an earlier file is not seen (a missed exemption).
 */
function pk_using_index_nullable_provenNotNull(ctx, tableKey) {
    const proven = new Set();
    if (ctx.pgVersion < 12)
        return proven;
    const table = ctx.catalog.table(tableKey);
    for (const earlier of ctx.statements.slice(0, ctx.statement.index)) {
        if (earlier.kind !== 'AlterTableStmt' || relationName(earlier.body.relation).key !== tableKey)
            continue;
        for (const node of earlier.body.cmds ?? []) {
            const c = as(as(node, 'AlterTableCmd')?.def, 'Constraint');
            const test = as(c?.raw_expr, 'NullTest');
            if (c?.contype !== 'CONSTR_CHECK' || test?.nulltesttype !== 'IS_NOT_NULL' || !c.conname)
                continue;
            const column = names(as(test.arg, 'ColumnRef')?.fields);
            if (column.length === 1 && table?.constraints.get(c.conname)?.validated)
                proven.add(column[0]);
        }
    }
    return proven;
}
const pkUsingIndexNullable = defineRule({
    id: 'pk-using-index-nullable',
    severity: 'error',
    cost: 'scan',
    message: 'ADD PRIMARY KEY on nullable columns runs SET NOT NULL, a full-table scan under ACCESS EXCLUSIVE',
    help: 'A primary key requires NOT NULL columns. When a column of `ADD PRIMARY KEY` (also `ADD PRIMARY KEY USING INDEX`, the usual way to avoid building the index under lock) is still nullable, PostgreSQL silently runs `ALTER COLUMN ... SET NOT NULL`, which scans the whole table to check for NULLs while holding ACCESS EXCLUSIVE: no reads or writes for the duration. Make the columns NOT NULL first without the scan (a `CHECK (col IS NOT NULL) NOT VALID` constraint, `VALIDATE CONSTRAINT`, then on PostgreSQL 12+ `SET NOT NULL` uses the validated check), then add the key. `UNIQUE ... USING INDEX` needs no NOT NULL and is not flagged.',
    equivalents: { eugene: ['W14'], atlas: ['PG304'] },
    kinds: ['AlterTableStmt'],
    check(ctx) {
        const { kind, body } = ctx.statement;
        if (kind !== 'AlterTableStmt' || (body.objtype ?? 'OBJECT_TABLE') !== 'OBJECT_TABLE')
            return;
        const cmds = (body.cmds ?? []).map((n) => as(n, 'AlterTableCmd')).filter((c) => !!c);
        const primaries = cmds
            .map((cmd) => (cmd.subtype === 'AT_AddConstraint' ? as(cmd.def, 'Constraint') : undefined))
            .filter((c) => c?.contype === 'CONSTR_PRIMARY');
        if (primaries.length === 0)
            return;
        const table = ctx.table(body.relation);
        if (!table)
            return;
        if (ctx.isNewTable(body.relation))
            return ctx.report({ exempt: NEW_TABLE });
        // A SET NOT NULL in the same statement is its own (reported) scan, not a hidden one.
        const setHere = new Set(cmds.filter((cmd) => cmd.subtype === 'AT_SetNotNull').map((cmd) => cmd.name));
        const proven = pk_using_index_nullable_provenNotNull(ctx, table.key);
        for (const c of primaries) {
            const columns = c.indexname
                ? (ctx.catalog.indexes.get(`${table.schema}.${c.indexname}`)?.columns ?? [])
                : names(c.keys);
            const nullable = columns.filter((name) => {
                const column = table.columns.get(name);
                return column && !column.notNull && !setHere.has(name) && !proven.has(name);
            });
            if (nullable.length === 0)
                continue;
            const q = relationName(body.relation);
            const list = nullable.join(', ');
            ctx.report({
                message: `ADD PRIMARY KEY${c.indexname ? ` USING INDEX ${c.indexname}` : ''} on ${table.name}: ${nullable.length > 1 ? `columns ${list} are` : `column ${list} is`} nullable, so PostgreSQL runs SET NOT NULL and scans ${table.name} under ACCESS EXCLUSIVE`,
                range: cmds.length === 1 ? undefined : elementRange(ctx, c.location ?? ctx.statement.range.start),
                recipe: setNotNullRecipe(q, nullable[0], ctx.pgVersion)
            });
        }
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/ubos.ts




const UBOS_RULES = [
    foreignKeyWithoutIndex,
    pkUsingIndexNullable,
    expandContractSameChangeSet,
    multipleAlterTable
];

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/dynamic-sql.ts

// The DO block reader (engine/plpgsql.ts) records each EXECUTE whose string is built at run time.
const dynamicSql = defineRule({
    id: 'dynamic-sql',
    severity: 'warning',
    message: 'EXECUTE of a string built at run time: the SQL it runs cannot be linted',
    help: 'Statements a DO block runs are linted like any other, and so is `EXECUTE` of a constant string (a literal, literals joined with `||`, or `format()` of literals). A string built from variables, query results or function calls is only known when the block runs, so none of the rules can check what it does: a lock, a rewrite or a drop in it would pass unnoticed. Write the statement itself in the block (PL/pgSQL runs DDL directly), or in the file; when the SQL must be dynamic, review it by hand and ignore this warning for the block with `-- ubos-ignore: dynamic-sql`.',
    equivalents: {},
    check(ctx) {
        for (const dynamic of ctx.statement.plpgsql?.dynamic ?? [])
            ctx.report({
                range: dynamic.range,
                message: dynamic.expression.startsWith('a DO block in LANGUAGE')
                    ? `${dynamic.expression}: the SQL it runs cannot be linted`
                    : `EXECUTE ${dynamic.expression} builds its SQL at run time: what it runs cannot be linted`
            });
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/unknown-suppression.ts

// Emitted by the driver (engine/lint.ts) from engine/suppress.ts; declared here for the catalogue and config.
const unknownSuppression = defineRule({
    id: 'unknown-suppression',
    severity: 'warning',
    message: 'An ignore comment that is not valid: it suppresses nothing',
    help: "Ignore comments have an exact form: `-- ubos-ignore` or `-- ubos-ignore: rule-a, rule-b` on the line before a statement, `-- ubos-ignore-file` or `-- ubos-ignore-file: rule-a` anywhere in the file (and squawk's `-- squawk-ignore rule-a`). A marker with other letters glued to it (`-- ubos-ignore-filex`), a rule id that does not exist (a typo, or a rule of another tool), a rule that cannot be ignored (`syntax-error`) or a marker in a block comment makes the comment suppress nothing, and this finding says so instead of letting it silently ignore all rules or none. Fix the comment; `--list-rules` prints the ids. This finding itself can only be turned off in the config file.",
    // squawk reports an unknown rule name in its ignore comments as unused-ignore.
    equivalents: { squawk: ['unused-ignore'] }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/unsupported-syntax.ts


const MULTIRANGES = new Set([
    'int4multirange',
    'int8multirange',
    'nummultirange',
    'tsmultirange',
    'tstzmultirange',
    'datemultirange',
    'anymultirange'
]);
/** SQL/JSON expression nodes, by the release that added them. */
const JSON_NODES = new Map([
    ['JsonObjectConstructor', ['JSON_OBJECT()', 16]],
    ['JsonArrayConstructor', ['JSON_ARRAY()', 16]],
    ['JsonArrayQueryConstructor', ['JSON_ARRAY(query)', 16]],
    ['JsonObjectAgg', ['JSON_OBJECTAGG()', 16]],
    ['JsonArrayAgg', ['JSON_ARRAYAGG()', 16]],
    ['JsonIsPredicate', ['IS JSON', 16]],
    ['JsonTable', ['JSON_TABLE()', 17]],
    ['JsonParseExpr', ['JSON()', 17]],
    ['JsonScalarExpr', ['JSON_SCALAR()', 17]],
    ['JsonSerializeExpr', ['JSON_SERIALIZE()', 17]]
]);
/** One scan of each statement's text: nearly all have none of these words and are not looked at further. */
const EXPRESSION_WORDS = /json|multirange|ties/i;
/** The words that SQL/JSON syntax starts with (`json(` is the JSON() constructor; `jsonb` is just a type). */
const SQL_JSON_WORDS = /json_[a-z]+|\bjson\s*\(|\bis\s+(?:not\s+)?json\b/i;
const JSON_FUNCTIONS = {
    JSON_QUERY_OP: 'JSON_QUERY()',
    JSON_VALUE_OP: 'JSON_VALUE()',
    JSON_EXISTS_OP: 'JSON_EXISTS()'
};
function constraintUses(c, uses) {
    if (!c)
        return;
    const at = c.location;
    if (c.contype === 'CONSTR_GENERATED')
        uses.push(c.generated_kind === 'v'
            ? { what: 'virtual generated columns', since: 18, location: at }
            : { what: 'generated columns (GENERATED ALWAYS AS ... STORED)', since: 12, location: at });
    if (c.contype === 'CONSTR_IDENTITY')
        uses.push({ what: 'identity columns', since: 10, location: at });
    if (c.nulls_not_distinct)
        uses.push({ what: 'NULLS NOT DISTINCT', since: 15, location: at });
    if ((c.including ?? []).length > 0)
        uses.push({ what: 'INCLUDE columns of a constraint', since: 11, location: at });
    if (c.without_overlaps)
        uses.push({ what: 'WITHOUT OVERLAPS', since: 18, location: at });
    // The parser marks every CHECK and FOREIGN KEY enforced unless NOT ENFORCED (PostgreSQL 18) is written.
    if ((c.contype === 'CONSTR_CHECK' || c.contype === 'CONSTR_FOREIGN') && c.is_enforced !== true)
        uses.push({ what: 'NOT ENFORCED constraints', since: 18, location: at });
    if (c.contype === 'CONSTR_ATTR_NOT_ENFORCED' || c.contype === 'CONSTR_ATTR_ENFORCED')
        uses.push({ what: '[NOT] ENFORCED constraints', since: 18, location: at });
}
function columnUses(def, uses) {
    if (def?.compression)
        uses.push({ what: 'COMPRESSION of a column', since: 14, location: def.location });
    for (const node of def?.constraints ?? [])
        constraintUses(as(node, 'Constraint'), uses);
}
function alterTableUses(body, uses) {
    for (const node of body.cmds ?? []) {
        const cmd = as(node, 'AlterTableCmd');
        switch (cmd?.subtype) {
            case 'AT_AddColumn':
                columnUses(as(cmd.def, 'ColumnDef'), uses);
                break;
            case 'AT_AddConstraint': {
                const c = as(cmd.def, 'Constraint');
                constraintUses(c, uses);
                if (c?.contype === 'CONSTR_NOTNULL')
                    uses.push({ what: 'NOT NULL table constraints', since: 18, location: c.location });
                break;
            }
            case 'AT_AttachPartition':
                uses.push({ what: 'declarative partitioning (ATTACH PARTITION)', since: 10 });
                break;
            case 'AT_DetachPartition':
                if (as(cmd.def, 'PartitionCmd')?.concurrent)
                    uses.push({ what: 'DETACH PARTITION ... CONCURRENTLY', since: 14 });
                break;
            case 'AT_DetachPartitionFinalize':
                uses.push({ what: 'DETACH PARTITION ... FINALIZE', since: 14 });
                break;
            case 'AT_SetCompression':
                uses.push({ what: 'ALTER COLUMN ... SET COMPRESSION', since: 14 });
                break;
            case 'AT_SetAccessMethod':
                uses.push({ what: 'SET ACCESS METHOD', since: 15 });
                break;
            case 'AT_DropExpression':
                uses.push({ what: 'ALTER COLUMN ... DROP EXPRESSION', since: 13 });
                break;
            case 'AT_SetExpression':
                uses.push({ what: 'ALTER COLUMN ... SET EXPRESSION', since: 17 });
                break;
            case 'AT_AddIdentity':
                uses.push({ what: 'identity columns', since: 10 });
                break;
            default:
                break;
        }
    }
}
function returningUses(body, uses) {
    for (const option of body.returningClause?.options ?? [])
        uses.push({
            what: 'RETURNING WITH (OLD / NEW AS ...)',
            since: 18,
            location: as(option, 'ReturningOption')?.location
        });
}
/** What of the statement needs which release; expressions are only searched when their keywords appear. */
function syntaxUses(ctx) {
    const { kind, body, sql, embedded } = ctx.statement;
    const uses = [];
    switch (kind) {
        case 'MergeStmt':
            uses.push({ what: 'MERGE', since: 15 });
            if (body.returningClause)
                uses.push({ what: 'MERGE ... RETURNING', since: 17 });
            if ((body.mergeWhenClauses ?? []).some((w) => as(w, 'MergeWhenClause')?.matchKind === 'MERGE_WHEN_NOT_MATCHED_BY_SOURCE'))
                uses.push({ what: 'MERGE ... WHEN NOT MATCHED BY SOURCE', since: 17 });
            returningUses(body, uses);
            break;
        case 'InsertStmt':
        case 'UpdateStmt':
        case 'DeleteStmt':
            returningUses(body, uses);
            break;
        case 'IndexStmt':
            if (body.nulls_not_distinct)
                uses.push({ what: 'NULLS NOT DISTINCT', since: 15 });
            if ((body.indexIncludingParams ?? []).length > 0)
                uses.push({ what: 'CREATE INDEX ... INCLUDE', since: 11 });
            break;
        case 'ReindexStmt':
            if ((body.params ?? []).some((p) => as(p, 'DefElem')?.defname === 'concurrently'))
                uses.push({ what: 'REINDEX CONCURRENTLY', since: 12 });
            break;
        case 'CreateStmt':
            for (const element of body.tableElts ?? []) {
                columnUses(as(element, 'ColumnDef'), uses);
                const c = as(element, 'Constraint');
                constraintUses(c, uses);
                if (c?.contype === 'CONSTR_NOTNULL')
                    uses.push({ what: 'NOT NULL table constraints', since: 18, location: c.location });
            }
            if (body.partspec) {
                uses.push({ what: 'declarative partitioning (PARTITION BY)', since: 10 });
                if (body.partspec.strategy === 'PARTITION_STRATEGY_HASH')
                    uses.push({ what: 'hash partitioning', since: 11 });
            }
            if (body.partbound)
                uses.push({ what: 'declarative partitioning (PARTITION OF)', since: 10 });
            if (body.partbound?.is_default)
                uses.push({ what: 'a DEFAULT partition', since: 11 });
            if (body.accessMethod)
                uses.push({ what: 'CREATE TABLE ... USING (table access methods)', since: 12 });
            break;
        case 'AlterTableStmt':
            alterTableUses(body, uses);
            break;
        case 'CreateFunctionStmt':
            if (body.is_procedure)
                uses.push({ what: 'procedures (CREATE PROCEDURE)', since: 11 });
            break;
        case 'CallStmt':
            uses.push({ what: 'CALL', since: 11 });
            break;
        case 'CreateStatsStmt':
            uses.push({ what: 'CREATE STATISTICS', since: 10 });
            break;
        case 'ViewStmt':
            if ((body.options ?? []).some((o) => as(o, 'DefElem')?.defname === 'security_invoker'))
                uses.push({ what: 'security_invoker views', since: 15 });
            break;
        case 'CreateTrigStmt':
            if (body.replace)
                uses.push({ what: 'CREATE OR REPLACE TRIGGER', since: 14 });
            break;
        case 'CopyStmt':
            if (body.whereClause)
                uses.push({ what: 'COPY ... WHERE', since: 12 });
            for (const option of body.options ?? []) {
                const name = as(option, 'DefElem')?.defname;
                if (name === 'on_error' || name === 'log_verbosity')
                    uses.push({ what: `COPY ... (${name.toUpperCase()})`, since: 17 });
            }
            break;
        case 'DropdbStmt':
            if ((body.options ?? []).some((o) => as(o, 'DefElem')?.defname === 'force'))
                uses.push({ what: 'DROP DATABASE ... WITH (FORCE)', since: 13 });
            break;
        case 'AlterEnumStmt':
            if (body.oldVal)
                uses.push({ what: 'ALTER TYPE ... RENAME VALUE', since: 10 });
            else if (body.newVal && (ctx.transaction.inTransaction || embedded))
                uses.push({ what: 'ALTER TYPE ... ADD VALUE inside a transaction block', since: 12 });
            break;
        default:
            break;
    }
    // Expressions can sit anywhere (defaults, checks, queries): the tree is walked once, and only for statements
    // whose text has one of the keywords (a jsonb column alone does not count).
    if (EXPRESSION_WORDS.test(sql)) {
        const json = SQL_JSON_WORDS.test(sql);
        const multirange = /multirange/i.test(sql);
        const ties = /\bties\b/i.test(sql);
        if (json || multirange || ties)
            expressionUses(body, { json, multirange, ties }, uses);
    }
    return uses;
}
/** SQL/JSON expressions, multirange types and constructors, and WITH TIES, in one walk of the tree. */
function expressionUses(node, look, uses) {
    const last = (list) => (Array.isArray(list) ? list : []).map((n) => as(wrapperOf(n), 'String')?.sval).pop();
    // Every object of the tree is visited with the key it sits under, which names its type (`FuncCall`,
    // `typeName`); the fields read are the ones those types have, each checked for its JSON type.
    const visit = (node, key) => {
        if (Array.isArray(node)) {
            for (const item of node)
                visit(item, '');
            return;
        }
        if (!node || typeof node !== 'object')
            return;
        const value = node;
        const location = typeof value.location === 'number' ? value.location : undefined;
        if (look.json) {
            const json = JSON_NODES.get(key);
            if (json)
                uses.push({ what: json[0], since: json[1], location });
            else if (key === 'JsonFuncExpr')
                uses.push({
                    what: (typeof value.op === 'string' ? JSON_FUNCTIONS[value.op] : undefined) ?? 'SQL/JSON query functions',
                    since: 17,
                    location
                });
        }
        if (look.multirange) {
            const name = key === 'typeName' || key === 'TypeName'
                ? last(value.names)
                : key === 'FuncCall'
                    ? last(value.funcname)
                    : undefined;
            if (name !== undefined && MULTIRANGES.has(name))
                uses.push({ what: 'multirange types', since: 14, location });
        }
        if (look.ties && value.limitOption === 'LIMIT_OPTION_WITH_TIES')
            uses.push({ what: 'FETCH FIRST ... WITH TIES', since: 13 });
        for (const [k, v] of Object.entries(value))
            if (v && typeof v === 'object')
                visit(v, k);
    };
    visit(node, '');
}
const unsupportedSyntax = defineRule({
    id: 'unsupported-syntax',
    severity: 'error',
    message: 'The target PostgreSQL version does not have this syntax: the server rejects the statement',
    help: 'The linter parses with the PostgreSQL 18 parser, so it accepts syntax that older servers reject. With `pg-version` set to the server the migrations deploy to, statements that use syntax added in a later release (MERGE in 15, NULLS NOT DISTINCT in 15, REINDEX CONCURRENTLY in 12, generated columns in 12, CREATE INDEX ... INCLUDE and procedures in 11, CREATE OR REPLACE TRIGGER and DETACH PARTITION CONCURRENTLY in 14, SQL/JSON constructors in 16, JSON_TABLE in 17, and more: see the rule page) are reported, because the deploy would fail on them. Rewrite the statement for that version, or raise `pg-version` if the server is newer.',
    equivalents: {},
    // The parser is PostgreSQL 18's: nothing it accepts is newer than that.
    pgVersions: { max: 17 },
    check(ctx) {
        const uses = syntaxUses(ctx);
        if (uses.length === 0)
            return;
        const seen = new Set();
        for (const use of uses) {
            if (use.since <= ctx.pgVersion || seen.has(use.what))
                continue;
            seen.add(use.what);
            ctx.report({
                message: `PostgreSQL ${ctx.pgVersion} (pg-version) rejects this statement: ${use.what} arrived in PostgreSQL ${use.since}`,
                range: use.location !== undefined && use.location >= 0 ? ctx.at(use.location) : undefined
            });
        }
    }
});

;// CONCATENATED MODULE: ./actions/migration-safety/src/rules/index.ts










const ALL_RULES = [
    syntaxError,
    missingObject,
    internalError,
    unknownSuppression,
    unsupportedSyntax,
    dynamicSql,
    ...LOCKING_RULES,
    ...TRANSACTION_RULES,
    ...COMPATIBILITY_RULES,
    ...UBOS_RULES
];

// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(83849);
;// CONCATENATED MODULE: ./actions/migration-safety/src/table-stats.ts
// Table-size awareness, the I/O half: one catalogue query to a stats database (a replica or staging) for the
// tables the findings rewrite or scan. The session is read-only (default_transaction_read_only as a startup
// setting), every step has a timeout, and only pg_class, pg_namespace, pg_inherits and the size functions are
// read: never a row of a table. Any failure is one line with the connection string redacted.



// The tables asked for and, through pg_inherits, their partitions (or inheritance children), whose rows and
// sizes are summed over the relations that have storage: a partitioned parent has none of its own.
const STATS_SQL = `
WITH RECURSIVE wanted AS (
  SELECT t.i, c.oid
  FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(schema, name, i)
  JOIN pg_catalog.pg_namespace n ON n.nspname = t.schema
  JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = t.name AND c.relkind IN ('r', 'p', 'm')
), tree(i, oid) AS (
  SELECT i, oid FROM wanted
  UNION ALL
  SELECT tree.i, h.inhrelid FROM pg_catalog.pg_inherits h JOIN tree ON h.inhparent = tree.oid
)
SELECT tree.i::int AS i,
       coalesce(sum(greatest(p.reltuples, 0)), 0)::float8 AS rows,
       coalesce(bool_and(p.reltuples >= 0), true) AS analysed,
       coalesce(sum(pg_catalog.pg_total_relation_size(p.oid)), 0)::float8 AS total_bytes,
       coalesce(sum(pg_catalog.pg_relation_size(p.oid)), 0)::float8 AS heap_bytes
FROM tree
LEFT JOIN pg_catalog.pg_class p ON p.oid = tree.oid AND p.relkind IN ('r', 'm')
GROUP BY tree.i`;
/** Sizes of the tables the stats database knows; those it does not are simply absent from the answer. */
async function readTableStats(url, tables, options) {
    if (tables.length === 0)
        return [];
    const session = await openStatsSession(url, options);
    try {
        const rows = await session.query(STATS_SQL, [tables.map((t) => t.schema), tables.map((t) => t.name)]);
        return rows.map((row) => ({
            key: tables[row.i - 1].key,
            ...(row.analysed ? { rows: row.rows } : {}),
            totalBytes: row.total_bytes,
            heapBytes: row.heap_bytes
        }));
    }
    finally {
        await session.close();
    }
}
/** How a failure reads: one line naming the setting and the database, the password and the URL hidden. */
function failure(url, label) {
    const text = url.trim();
    const { redacted, secrets } = (0,redact/* analyseConnectionString */.Zr)(text);
    return (why) => new errors/* ConfigurationError */.j1(`${label}: cannot read table sizes from ${redacted}: ${(0,redact/* redact */.E$)(why, [text, ...secrets])}`);
}
/** Refuses what is not a PostgreSQL URL before anything else runs, whether or not a table will be looked up. */
function checkStatsUrl(url, label) {
    if (!/^postgres(?:ql)?:\/\/./i.test(url.trim()))
        throw failure(url, label)('a postgres:// or postgresql:// URL is expected');
}
/** A read-only session on the stats database; exported for the test that proves it refuses writes. */
async function openStatsSession(url, options) {
    checkStatsUrl(url, options.label);
    const text = url.trim();
    const fail = failure(text, options.label);
    const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
    const statementTimeoutMs = options.statementTimeoutMs ?? 10_000;
    let client;
    try {
        client = new esm/* default.Client */.Ay.Client({
            connectionString: text,
            connectionTimeoutMillis: connectTimeoutMs,
            // The server's own timeout can be lost with the connection; this one cannot.
            query_timeout: statementTimeoutMs + 2_000,
            application_name: 'ubos-migration-safety',
            keepAlive: false
        });
    }
    catch (error) {
        throw fail(describe(error, connectTimeoutMs, statementTimeoutMs));
    }
    // Set after construction so that the connection string cannot turn them off. Startup settings, not SET: a
    // SET through a transaction pooler would leak into other clients' sessions.
    const parameters = client.connectionParameters;
    parameters.options = [parameters.options, '-c default_transaction_read_only=on'].filter(Boolean).join(' ');
    parameters.statement_timeout = statementTimeoutMs;
    parameters.lock_timeout = statementTimeoutMs;
    client.on('error', () => undefined);
    try {
        await client.connect();
    }
    catch (error) {
        await closeWithin(client, 2_000);
        throw fail(describe(error, connectTimeoutMs, statementTimeoutMs));
    }
    return {
        async query(sql, params) {
            try {
                return (await client.query(sql, params)).rows;
            }
            catch (error) {
                throw fail(describe(error, connectTimeoutMs, statementTimeoutMs));
            }
        },
        close: () => closeWithin(client, 2_000)
    };
}
/** end() waits for the server to close its side, which a dead network never does: then the socket is dropped. */
async function closeWithin(client, ms) {
    let timer;
    const drop = new Promise((resolve) => {
        timer = setTimeout(() => {
            client.connection?.stream?.destroy();
            resolve();
        }, ms);
    });
    await Promise.race([client.end().catch(() => undefined), drop]);
    clearTimeout(timer);
}
const seconds = (ms) => `${Math.round(ms / 100) / 10} s`;
/** The failure as a few words: node's network codes, PostgreSQL's SQLSTATEs, pg's own timeouts. */
function describe(error, connectTimeoutMs, statementTimeoutMs) {
    const code = error?.code;
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    switch (code) {
        case 'ECONNREFUSED':
            return 'connection refused';
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
            return 'host not found';
        case 'ETIMEDOUT':
        case 'EHOSTUNREACH':
        case 'ENETUNREACH':
            return 'host unreachable';
        case 'ECONNRESET':
            return 'the server closed the connection';
        case '28P01':
        case '28000':
            return `authentication failed: ${message}`;
        case '3D000':
            return message;
        case '57014':
            return `the catalogue query took longer than ${seconds(statementTimeoutMs)}`;
        case '55P03':
            return `a table stayed locked for longer than ${seconds(statementTimeoutMs)}`;
    }
    if (/timeout expired|connection timeout/i.test(message))
        return `no connection within ${seconds(connectTimeoutMs)}`;
    if (/Query read timeout/i.test(message))
        return `no answer within ${seconds(statementTimeoutMs + 2_000)}`;
    if (/Connection terminated/i.test(message))
        return 'the server closed the connection';
    return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? `${message} (SQLSTATE ${code})` : message;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/trace/cluster.ts
// start-postgres: a throwaway PostgreSQL cluster from the binaries installed on the runner (initdb + pg_ctl on a
// free loopback port, trust authentication, fsync off), removed with its folder when the trace ends.






const MISSING = 'start-postgres: initdb and pg_ctl were not found on PATH or under /usr/lib/postgresql/<version>/bin; install the postgresql package (apt-get install postgresql)';
/** The directory holding both initdb and pg_ctl: PATH first, then the highest /usr/lib/postgresql/<v>/bin. */
function findPostgresBin(searchPath = '', root = '/usr/lib/postgresql') {
    const has = (dir) => ['initdb', 'pg_ctl'].every((bin) => isExecutable(external_node_path_default().join(dir, bin)));
    for (const dir of searchPath.split((external_node_path_default()).delimiter).filter(Boolean)) {
        // Debian puts a pg_ctl wrapper on PATH but initdb only beside the server: follow the real file.
        if (has(dir))
            return dir;
        const real = realDir(external_node_path_default().join(dir, 'pg_ctl'));
        if (real && has(real))
            return real;
    }
    let versions;
    try {
        versions = external_node_fs_default().readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v));
    }
    catch {
        return undefined;
    }
    versions.sort((a, b) => Number(b) - Number(a));
    return versions.map((v) => external_node_path_default().join(root, v, 'bin')).find(has);
}
async function startCluster(options = {}) {
    const bin = findPostgresBin(options.searchPath, options.postgresRoot);
    if (!bin)
        throw new errors/* ConfigurationError */.j1(MISSING);
    const owner = serverUser();
    const dir = external_node_fs_default().mkdtempSync(external_node_path_default().join(options.tempDir ?? external_node_os_default().tmpdir(), 'ubos-trace-pg-'));
    const data = external_node_path_default().join(dir, 'data');
    const socket = external_node_path_default().join(dir, 'sock');
    const run = (tool, args, timeoutMs) => runTool(external_node_path_default().join(bin, tool), args, { cwd: dir, uid: owner?.uid, gid: owner?.gid, timeoutMs });
    let started = false;
    const stopArgs = ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '30'];
    // A cancelled job (SIGINT, then SIGTERM) or an exit skips the finally that stops the server: stop it here, then
    // let the signal do what it would have done.
    const stopNow = () => {
        if (started) {
            started = false;
            (0,external_node_child_process_.spawnSync)(external_node_path_default().join(bin, 'pg_ctl'), stopArgs, {
                uid: owner?.uid,
                gid: owner?.gid,
                timeout: 40_000,
                stdio: 'ignore'
            });
        }
        external_node_fs_default().rmSync(dir, { recursive: true, force: true });
    };
    const onSignal = (signal) => {
        forget();
        stopNow();
        process.kill(process.pid, signal);
    };
    const forget = () => {
        process.removeListener('exit', stopNow);
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
    };
    process.once('exit', stopNow);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const stop = async () => {
        forget();
        if (started) {
            started = false;
            await run('pg_ctl', stopArgs, 40_000).catch(() => undefined);
        }
        external_node_fs_default().rmSync(dir, { recursive: true, force: true });
    };
    try {
        external_node_fs_default().mkdirSync(socket);
        if (owner)
            for (const d of [dir, socket])
                external_node_fs_default().chownSync(d, owner.uid, owner.gid);
        await run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale', '--no-sync'], 120_000);
        const port = await freePort();
        const server = [
            `-p ${port}`,
            `-k ${socket}`,
            '-c listen_addresses=127.0.0.1',
            '-c fsync=off',
            '-c full_page_writes=off',
            '-c synchronous_commit=off'
        ].join(' ');
        started = true;
        await run('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', external_node_path_default().join(dir, 'log'), '-o', server], 90_000);
        return { connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`, dir, stop };
    }
    catch (error) {
        await stop();
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new errors/* ConfigurationError */.j1(`start-postgres: the cluster did not start: ${reason}`);
    }
}
function isExecutable(file) {
    try {
        external_node_fs_default().accessSync(file, (external_node_fs_default()).constants.X_OK);
        return external_node_fs_default().statSync(file).isFile();
    }
    catch {
        return false;
    }
}
function realDir(file) {
    try {
        return external_node_path_default().dirname(external_node_fs_default().realpathSync(file));
    }
    catch {
        return undefined;
    }
}
/** initdb and postgres refuse to run as root: as root they run as the `postgres` OS user the package creates. */
function serverUser() {
    if (process.getuid?.() !== 0)
        return undefined;
    const line = external_node_fs_default().readFileSync('/etc/passwd', 'utf8')
        .split('\n')
        .find((l) => l.startsWith('postgres:'));
    const [, , uid, gid] = line?.split(':') ?? [];
    if (uid === undefined || gid === undefined)
        throw new errors/* ConfigurationError */.j1('start-postgres: running as root and there is no postgres OS user to run the server as (apt-get install postgresql creates it)');
    return { uid: Number(uid), gid: Number(gid) };
}
function freePort() {
    return new Promise((resolve, reject) => {
        const server = external_node_net_default().createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}
function runTool(command, args, options) {
    return new Promise((resolve, reject) => {
        // Only what the tools need: inherited PG* variables would point them elsewhere.
        const child = (0,external_node_child_process_.spawn)(command, args, {
            cwd: options.cwd,
            uid: options.uid,
            gid: options.gid,
            env: { LC_ALL: 'C', LANG: 'C', PATH: '/usr/bin:/bin' },
            stdio: ['ignore', 'pipe', 'pipe']
        });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk.toString()));
        child.stderr.on('data', (chunk) => (output += chunk.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
        child.once('error', (error) => {
            clearTimeout(timer);
            reject(error);
        });
        child.once('close', (code, signal) => {
            clearTimeout(timer);
            if (code === 0)
                resolve();
            else
                reject(new Error(`${external_node_path_default().basename(command)} exited with ${code ?? signal}: ${output.trim()}`));
        });
    });
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/trace/cross-check.ts

/** Weaker modes (reads, DML) are taken by nearly every statement and modelled by no rule: not compared. */
const COMPARED_FROM = 'ShareUpdateExclusive';
/** Rules whose finding on a statement says it rewrites its table. */
const REWRITE_RULES = ['changing-column-type', 'adding-field-with-default', 'prefer-repack'];
const rank = (mode) => LOCK_MODES.indexOf(mode);
const cross_check_stronger = (a, b) => (a === undefined || rank(b) > rank(a) ? b : a);
function within(at, file, span) {
    if (at.file !== file)
        return false;
    const after = at.line > span.line || (at.line === span.line && at.column >= span.column);
    const before = at.line < span.endLine || (at.line === span.endLine && at.column <= span.endColumn);
    return after && before;
}
/** The linter's own view: locksOf for locks, the rewrite rules' findings and exemptions for rewrites. */
function staticPredictor(lint) {
    return {
        predict(statement, { file, span, indexOwner, runs }) {
            const strongest = new Map();
            for (const each of [statement, ...runs])
                for (const lock of locksOf(each, indexOwner))
                    strongest.set(lock.table, cross_check_stronger(strongest.get(lock.table), lock.mode));
            const locks = [...strongest].map(([table, mode]) => ({ table, mode }));
            const target = locks.find((l) => l.mode === 'AccessExclusive')?.table ?? locks[0]?.table;
            const here = (f) => REWRITE_RULES.includes(f.rule) && within(f, file, span);
            const rewriteFindings = lint.findings.filter(here);
            const rewrites = [];
            if (target && rewriteFindings.length > 0)
                rewrites.push({
                    table: target,
                    certainty: rewriteFindings.every((f) => f.severity === 'warning') ? 'maybe' : 'yes'
                });
            // An exemption naming its reason as "no rewrite" is a prediction too; "table created in this change set" is not.
            const noRewrite = target && rewrites.length === 0 && lint.exempted.some((e) => here(e) && /no rewrite|catalogue/i.test(e.reason))
                ? [target]
                : [];
            return { locks, rewrites, noRewrite };
        }
    };
}
/** Every disagreement between a prediction and a trace of the same statement. */
function crossCheck(trace, prediction, preExisting) {
    if (trace.error !== undefined)
        return [];
    const out = [];
    const observedNew = new Map();
    const observedHeld = new Map();
    for (const lock of trace.locks) {
        if (lock.kind !== 'table' || !lock.preExisting)
            continue;
        const into = lock.new ? observedNew : observedHeld;
        into.set(lock.relation, cross_check_stronger(into.get(lock.relation), lock.mode));
    }
    const predicted = new Map(prediction.locks.map((l) => [l.table, l.mode]));
    for (const [table, mode] of predicted) {
        if (!preExisting.has(table) || rank(mode) < rank(COMPARED_FROM))
            continue;
        const seen = observedNew.get(table);
        const held = observedHeld.get(table);
        if (seen === mode)
            continue;
        // A mode the transaction already holds is not taken again: pg_locks cannot show it. What it does take anew
        // beside it (a rewrite's SHARE on the table while its indexes are rebuilt) is weaker, and not a disagreement.
        if (held !== undefined && rank(held) >= rank(mode) && (seen === undefined || rank(seen) <= rank(mode)))
            continue;
        out.push({
            kind: 'static-wrong',
            message: `predicted ${mode} on ${table}; the server took ${seen ?? 'no new lock'}${held ? ` (already held: ${held})` : ''}`
        });
    }
    for (const [table, mode] of observedNew) {
        if (predicted.has(table) || rank(mode) < rank(COMPARED_FROM))
            continue;
        out.push({ kind: 'trace-only', message: `the server took ${mode} on ${table}; no lock was predicted for it` });
    }
    const tableRewrites = new Set(trace.rewrites.filter((r) => r.kind === 'table' && r.preExisting).map((r) => r.relation));
    for (const r of prediction.rewrites) {
        if (r.certainty === 'yes' && preExisting.has(r.table) && !tableRewrites.has(r.table))
            out.push({
                kind: 'static-wrong',
                message: `a rule predicted a rewrite of ${r.table}; its relfilenode did not change`
            });
    }
    for (const table of tableRewrites) {
        if (prediction.rewrites.some((r) => r.table === table))
            continue;
        out.push(prediction.noRewrite.includes(table)
            ? { kind: 'static-wrong', message: `a rule said ${table} is not rewritten; its relfilenode changed` }
            : { kind: 'trace-only', message: `${table} was rewritten (new relfilenode); no rule predicted it` });
    }
    return out;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/trace/hazards.ts
// The hazards a trace shows on tables other sessions use (those that existed before the change set), named
// after eugene's trace hints where it has one. Read from what the server did, not from the SQL text.

/** Modes that block writes (and AccessExclusive, reads too): what makes a held lock an outage. */
function hazards_blocksWrites(mode) {
    return LOCK_MODES.indexOf(mode) >= LOCK_MODES.indexOf('Share');
}
function hazardsOf(trace, preExisting) {
    const out = [];
    const add = (id, eugene, message) => out.push({ id, ...(eugene ? { eugene } : {}), message });
    const tableLocks = trace.locks.filter((l) => l.kind === 'table' && l.preExisting);
    for (const c of trace.constraints) {
        if (c.change !== 'added' || !preExisting.has(c.table))
            continue;
        if ((c.type === 'c' || c.type === 'f') && c.valid)
            add('constraint-validated-under-lock', 'E1', `constraint ${c.name} was added VALID: every row of ${c.table} was checked while the lock was held`);
        if (c.type === 'u' || c.type === 'p') {
            if (trace.indexesBuilt.some((ix) => ix.table === c.table))
                add('constraint-builds-index', 'E7', `${c.type === 'p' ? 'primary key' : 'unique constraint'} ${c.name} built a new index on ${c.table} under the lock`);
        }
        if (c.type === 'x')
            add('exclusion-constraint', 'E8', `exclusion constraint ${c.name} built its index on ${c.table} under the lock`);
    }
    for (const col of trace.columns)
        if (col.change === 'set-not-null' && preExisting.has(col.table))
            add('set-not-null', 'E2', `${col.table}.${col.column} became NOT NULL: every row was scanned under ACCESS EXCLUSIVE`);
    for (const ix of trace.indexesBuilt)
        if (ix.preExistingTable && trace.kind === 'IndexStmt' && trace.transaction !== 'own-path')
            add('index-blocks-writes', 'E6', `index ${ix.relation} was built on ${ix.table} without CONCURRENTLY: writes were blocked throughout`);
    const exclusive = (relation) => trace.locks.some((l) => l.mode === 'AccessExclusive' && (l.relation === relation || l.relation === tableOf(trace, relation)));
    for (const r of trace.rewrites) {
        if (!r.preExisting)
            continue;
        const typeChange = trace.columns.some((c) => c.change === 'type' && c.table === r.relation);
        if (typeChange)
            add('type-change-rewrite', 'E5', `changing a column type rewrote ${r.relation}`);
        if (exclusive(r.relation))
            add('rewrite-under-access-exclusive', 'E10', `${r.kind} ${r.relation} was rewritten while ACCESS EXCLUSIVE was held`);
    }
    const heldBefore = tableLocks.filter((l) => !l.new && l.mode === 'AccessExclusive');
    for (const lock of heldBefore)
        add('statement-under-access-exclusive', 'E4', `ran while this transaction already held ACCESS EXCLUSIVE on ${lock.relation}: it stays unreadable for longer`);
    if (trace.lockTimeoutMs === 0)
        for (const lock of tableLocks.filter((l) => l.new && hazards_blocksWrites(l.mode)))
            add('lock-without-timeout', 'E9', `took ${lock.mode} on ${lock.relation} with no lock_timeout: queued behind a long query, it blocks everything queued after it`);
    return out;
}
function tableOf(trace, relation) {
    return trace.locks.find((l) => l.relation === relation)?.table;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/trace/plan.ts
// How a traced file's statements group into the transactions the migration tool runs them in: the framework's
// one transaction per file (or none), BEGIN ... COMMIT written in the file, and the statements PostgreSQL refuses
// inside a transaction block, which run alone on their own path.

/**
 * Statements that act on the whole cluster (databases, tablespaces, roles, server settings, subscriptions): the
 * trace never runs them, since their effect would outlive the scratch database.
 */
const CLUSTER_WIDE = new Set([
    'CreatedbStmt',
    'DropdbStmt',
    'AlterDatabaseStmt',
    'AlterDatabaseSetStmt',
    'AlterDatabaseRefreshCollStmt',
    'CreateTableSpaceStmt',
    'DropTableSpaceStmt',
    'AlterTableSpaceOptionsStmt',
    'AlterSystemStmt',
    'CreateRoleStmt',
    'AlterRoleStmt',
    'AlterRoleSetStmt',
    'DropRoleStmt',
    'GrantRoleStmt',
    'CreateSubscriptionStmt',
    'AlterSubscriptionStmt',
    'DropSubscriptionStmt'
]);
function clusterWide(statement) {
    return CLUSTER_WIDE.has(statement.kind);
}
/** PostgreSQL refuses these inside a transaction block ("cannot run inside a transaction block"). */
function needsOwnPath(statement) {
    switch (statement.kind) {
        case 'IndexStmt':
        case 'DropStmt':
            return !!statement.body.concurrent;
        case 'ReindexStmt':
            return ((statement.body.params ?? []).some((p) => as(p, 'DefElem')?.defname === 'concurrently') ||
                statement.body.kind === 'REINDEX_OBJECT_SYSTEM' ||
                statement.body.kind === 'REINDEX_OBJECT_DATABASE');
        case 'AlterTableStmt':
            return (statement.body.cmds ?? []).some((c) => {
                const cmd = as(c, 'AlterTableCmd');
                return cmd?.subtype === 'AT_DetachPartition' && !!as(cmd.def, 'PartitionCmd')?.concurrent;
            });
        case 'VacuumStmt':
            return statement.body.is_vacuumcmd === true;
        case 'ClusterStmt':
            return statement.body.relation === undefined;
        default:
            return false;
    }
}
/**
 * The units of one file, in order. A COMMIT or ROLLBACK written in the file ends the tool's transaction for the
 * rest of the file, as the linter reads it (engine/lint.ts). Statements a DO block runs are part of the block.
 */
function unitsOf(steps, implicitTransaction) {
    const units = [];
    let open = implicitTransaction ? { kind: 'transaction', steps: [] } : undefined;
    const close = (discarded = false) => {
        if (open && open.steps.length > 0)
            units.push(discarded ? { ...open, discarded } : open);
        open = undefined;
    };
    for (const step of steps) {
        const { statement } = step;
        if (statement.embedded) {
            // Statements of a DO block follow it; a DO inside a DO belongs to the outermost block.
            let block = statement.embedded.block;
            while (block.embedded)
                block = block.embedded.block;
            const owner = steps.find((s) => s.statement === block);
            if (owner)
                (owner.runs ??= []).push(statement);
            continue;
        }
        if (statement.kind === 'TransactionStmt') {
            const kind = statement.body.kind;
            if (kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') {
                if (!open)
                    open = { kind: 'transaction', steps: [] };
            }
            else if (kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK') {
                close(kind === 'TRANS_STMT_ROLLBACK');
            }
            else if (open)
                open.steps.push(step);
            continue;
        }
        if (open)
            open.steps.push(step);
        else
            units.push({ kind: needsOwnPath(statement) ? 'own-path' : 'autocommit', steps: [step] });
    }
    close();
    return units;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
var external_node_crypto_default = /*#__PURE__*/__webpack_require__.n(external_node_crypto_);
;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/trace/catalogue.ts

/** Schemas of the server itself: never the migrations' objects. */
const USER_SCHEMA = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'`;
const RELATIONS = `
SELECT c.oid::text AS oid, n.nspname || '.' || c.relname AS key, c.relkind AS relkind, c.relfilenode::text AS filenode,
       i.indrelid::text AS table_oid
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_index i ON i.indexrelid = c.oid
 WHERE ${USER_SCHEMA} AND c.relkind IN ('r', 'p', 'm', 'i', 'I', 'S', 'v', 'f')`;
const COLUMNS = `
SELECT a.attrelid::text AS rel, n.nspname || '.' || c.relname AS key, a.attname AS name,
       format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE ${USER_SCHEMA} AND c.relkind IN ('r', 'p', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped`;
const CONSTRAINTS = `
SELECT co.oid::text AS oid, n.nspname || '.' || c.relname AS key, co.conname AS name, co.contype AS type,
       co.convalidated AS valid
  FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE ${USER_SCHEMA}`;
/** Relation-level locks of this backend; pg_locks spells modes `AccessExclusiveLock`. */
const LOCKS = `
SELECT l.relation::text AS oid, l.mode AS mode FROM pg_locks l
 WHERE l.pid = $1 AND l.locktype = 'relation' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
function relationKind(relkind) {
    if (relkind === 'i' || relkind === 'I')
        return 'index';
    return relkind === 'r' || relkind === 'p' || relkind === 'm' ? 'table' : 'other';
}
async function snapshot(client) {
    const relations = new Map();
    for (const row of (await client.query(RELATIONS)).rows)
        relations.set(row.oid, {
            oid: row.oid,
            key: row.key,
            kind: relationKind(row.relkind),
            filenode: row.filenode,
            ...(row.table_oid ? { tableOid: row.table_oid } : {})
        });
    const columns = new Map();
    for (const row of (await client.query(COLUMNS)).rows)
        columns.set(`${row.rel}/${row.name}`, { table: row.key, column: row.name, type: row.type, notNull: row.not_null });
    const constraints = new Map();
    for (const row of (await client.query(CONSTRAINTS)).rows)
        constraints.set(row.oid, { table: row.key, name: row.name, type: row.type, valid: row.valid });
    return { relations, columns, constraints };
}
/** The locks a backend holds (its own, or another's seen from a second connection). */
async function heldLocks(client, pid) {
    const rows = (await client.query(LOCKS, [pid])).rows;
    return rows.flatMap((row) => {
        const mode = row.mode.replace(/Lock$/, '');
        return LOCK_MODES.includes(mode) ? [{ oid: row.oid, mode }] : [];
    });
}
/** lock_timeout in milliseconds (0: wait forever). */
async function lockTimeoutMs(client) {
    const row = (await client.query(`SELECT setting::bigint AS ms FROM pg_settings WHERE name = 'lock_timeout'`))
        .rows[0];
    return Number(row?.ms ?? 0);
}
/** Relations whose storage was replaced: same oid, new relfilenode (0 means no storage of its own). */
function rewritten(before, after) {
    return [...after.relations.values()].filter((r) => {
        const old = before.relations.get(r.oid);
        return old !== undefined && r.kind !== 'other' && r.filenode !== '0' && old.filenode !== r.filenode;
    });
}
/**
 * Relations dropped and built again under the same name by the statement: ALTER COLUMN TYPE rebuilds the indexes
 * on the column that way (a new oid, so no relfilenode to compare), which is a rewrite of the index.
 */
function rebuilt(before, after) {
    const gone = new Set([...before.relations.values()].filter((r) => !after.relations.has(r.oid)).map((r) => r.key));
    return [...after.relations.values()].filter((r) => !before.relations.has(r.oid) && gone.has(r.key));
}
/** Relations the statement created (not counting those it rebuilt under their old name). */
function newRelations(before, after) {
    const again = new Set(rebuilt(before, after).map((r) => r.oid));
    return [...after.relations.values()].filter((r) => !before.relations.has(r.oid) && !again.has(r.oid));
}
function columnChanges(before, after) {
    const changes = [];
    for (const [key, now] of after.columns) {
        const old = before.columns.get(key);
        const base = { table: now.table, column: now.column };
        if (!old) {
            // A column of a new table is part of creating it, not a change.
            if ([...before.columns.keys()].some((k) => k.startsWith(`${key.split('/')[0]}/`)))
                changes.push({ ...base, change: 'added', to: now.type });
            continue;
        }
        if (old.type !== now.type)
            changes.push({ ...base, change: 'type', from: old.type, to: now.type });
        if (!old.notNull && now.notNull)
            changes.push({ ...base, change: 'set-not-null' });
        if (old.notNull && !now.notNull)
            changes.push({ ...base, change: 'drop-not-null' });
    }
    for (const [key, old] of before.columns)
        if (!after.columns.has(key) && after.relations.has(key.split('/')[0]))
            changes.push({ table: old.table, column: old.column, change: 'dropped', from: old.type });
    return changes;
}
function constraintChanges(before, after) {
    // ALTER COLUMN TYPE drops and re-creates the constraints on the column under their names: not a change of them.
    const named = (c) => `${c.table}/${c.name}`;
    const dropped = [...before.constraints].filter(([oid]) => !after.constraints.has(oid));
    const added = [...after.constraints].filter(([oid]) => !before.constraints.has(oid));
    const again = new Set(dropped.map(([, c]) => named(c)).filter((key) => added.some(([, c]) => named(c) === key)));
    const changes = [];
    for (const [, c] of added)
        if (!again.has(named(c)))
            changes.push({ table: c.table, name: c.name, type: c.type, change: 'added', valid: c.valid });
    for (const [oid, now] of after.constraints) {
        const old = before.constraints.get(oid);
        if (old && !old.valid && now.valid)
            changes.push({ table: now.table, name: now.name, type: now.type, change: 'validated' });
    }
    for (const [, c] of dropped)
        if (!again.has(named(c)))
            changes.push({ table: c.table, name: c.name, type: c.type, change: 'dropped' });
    return changes;
}
/** User tables of the connected database (the non-empty check). */
async function userTableCount(client) {
    const row = (await client.query(`SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${USER_SCHEMA} AND c.relkind IN ('r', 'p', 'm', 'f')`)).rows[0];
    return row.n;
}
/**
 * Foreign keys of the connected database with no index whose leading columns are the referencing columns:
 * deleting or updating a referenced row scans the referencing table (eugene's E15).
 */
async function unindexedForeignKeys(client) {
    const rows = (await client.query(`
SELECT n.nspname || '.' || c.relname AS table, co.conname AS name
  FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE co.contype = 'f' AND ${USER_SCHEMA} AND NOT EXISTS (
   SELECT 1 FROM pg_index i
    WHERE i.indrelid = co.conrelid
      AND (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(co.conkey)] @> co.conkey
      AND (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(co.conkey)] <@ co.conkey)`)).rows;
    return rows;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/trace/session.ts
// The server side of a trace: connecting (with timeouts, and errors that name the redacted URL), the non-empty
// check, and the scratch database every trace works in and drops, so the named database is never written to.





const CONNECT_TIMEOUT_MS = 10_000;
/** No single statement of a trace (the migrations' own included) may run longer. */
const QUERY_TIMEOUT_MS = 10 * 60_000;
async function connect(url) {
    const client = new esm/* default.Client */.Ay.Client({
        connectionString: url,
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
        query_timeout: QUERY_TIMEOUT_MS,
        application_name: 'ubos-migration-safety-trace'
    });
    // A server that goes away mid-trace fails the running query; the client must not also crash the process.
    client.on('error', () => undefined);
    try {
        await client.connect();
    }
    catch (error) {
        await client.end().catch(() => undefined);
        const reason = error instanceof Error ? error.message : String(error);
        throw new errors/* ConfigurationError */.j1(`database-url: cannot connect to ${(0,redact/* redactConnectionString */.J0)(url)}: ${reason}`);
    }
    return client;
}
/** The same server and credentials, another database. */
function withDatabase(url, database) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new errors/* ConfigurationError */.j1('database-url must be a postgresql:// URL (postgresql://user:password@host:5432/db)');
    }
    if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:')
        throw new errors/* ConfigurationError */.j1(`database-url must be a postgresql:// URL; got a ${parsed.protocol}// one`);
    parsed.pathname = `/${encodeURIComponent(database)}`;
    return parsed.toString();
}
async function refuseNonEmpty(client, allowNonempty) {
    if (allowNonempty)
        return;
    const tables = await userTableCount(client);
    if (tables > 0)
        throw new errors/* ConfigurationError */.j1(`database-url: the database holds ${tables} user table${tables === 1 ? '' : 's'}; the trace only runs against a scratch server (set allow-nonempty: true if this one is)`);
}
/** A new, empty database beside the named one; drop() removes it (forcing off any session left in it). */
async function createScratch(admin, url) {
    const name = `ubos_trace_${external_node_crypto_default().randomBytes(6).toString('hex')}`;
    try {
        // template0: a clean database even where template1 has been given objects, and nobody can be connected to it.
        await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new errors/* ConfigurationError */.j1(`database-url: cannot create the scratch database the trace runs in (${reason}); the role needs CREATEDB, or use start-postgres: true`);
    }
    let dropped = false;
    return {
        name,
        url: withDatabase(url, name),
        async drop() {
            if (dropped)
                return;
            dropped = true;
            const row = (await admin.query('SHOW server_version_num')).rows[0];
            const version = Number(row?.server_version_num ?? 0);
            if (version < 130000)
                await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
            await admin.query(`DROP DATABASE IF EXISTS ${name}${version >= 130000 ? ' WITH (FORCE)' : ''}`);
        }
    };
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/trace/tracer.ts




/** A blocker is released after this long even if the statement never waits on it. */
const BLOCK_LIMIT_MS = 30_000;
const POLL_MS = 2;
class StatementFailed extends Error {
}
async function traceFiles(files, connections) {
    const { main } = connections;
    const pid = (await main.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    const statements = [];
    const contexts = [];
    const skipped = [];
    const unindexed = [];
    let preExisting = new Set();
    let changeSet;
    let addedForeignKeys = new Map();
    let failed;
    const endChangeSet = async () => {
        if (addedForeignKeys.size === 0)
            return;
        for (const fk of await unindexedForeignKeys(main)) {
            const step = addedForeignKeys.get(`${fk.table}/${fk.name}`);
            if (step)
                unindexed.push({ file: step.file, line: step.span.line, table: fk.table, constraint: fk.name });
        }
        addedForeignKeys = new Map();
    };
    for (const file of files) {
        if (failed) {
            if (file.traced)
                skipped.push({ file: file.path, line: 1, reason: `not run: ${failed.file}:${failed.span.line} failed` });
            continue;
        }
        if (file.traced && file.changeSet !== changeSet) {
            await endChangeSet();
            // A change set is deployed in a session of its own: what the baseline SET (a lock_timeout, a search_path)
            // must not be in force for it, or the trace reports a timeout the deploy will not have.
            await main.query('RESET ALL');
            changeSet = file.changeSet;
            preExisting = new Set((await snapshot(main)).relations.keys());
        }
        for (const [unitIndex, unit] of file.units.entries()) {
            const steps = unit.steps.filter((step) => {
                if (!clusterWide(step.statement))
                    return true;
                skipped.push({
                    file: step.file,
                    line: step.span.line,
                    reason: 'acts on the whole cluster (databases, roles, tablespaces, settings): not run by the trace'
                });
                return false;
            });
            if (steps.length === 0)
                continue;
            const work = { ...unit, steps };
            if (!file.traced) {
                await apply(main, work, true);
                continue;
            }
            let raws;
            try {
                raws = work.kind === 'own-path' ? [await ownPath(connections, pid, steps[0])] : await traced(main, pid, work);
            }
            catch (error) {
                if (!(error instanceof StatementFailed))
                    throw error;
                raws = error.raws;
                failed = raws[raws.length - 1] ? stepOf(raws[raws.length - 1], steps) : steps[0];
            }
            statements.push(...finish(raws, work.kind, preExisting));
            contexts.push(...raws.map((raw) => ({
                statement: raw.statement,
                runs: stepOf(raw, steps).runs ?? [],
                indexOwner: ownerIn(raw.relations),
                preExisting: keysOf(preExisting, raw.relations)
            })));
            for (const raw of raws)
                for (const c of raw.constraints)
                    if (c.change === 'added' && c.type === 'f')
                        addedForeignKeys.set(`${c.table}/${c.name}`, stepOf(raw, steps));
            if (failed) {
                const rest = [...steps.slice(raws.length), ...file.units.slice(unitIndex + 1).flatMap((u) => u.steps)];
                const reason = `not run: ${failed.file}:${failed.span.line} failed`;
                for (const step of rest)
                    skipped.push({ file: step.file, line: step.span.line, reason });
                break;
            }
            // Later statements need what this transaction built: replay it, committed, in the scratch database.
            if (work.kind !== 'own-path' && !work.discarded)
                await apply(main, work, false);
        }
    }
    if (!failed)
        await endChangeSet();
    return {
        baselineFiles: files.filter((f) => !f.traced).length,
        statements,
        skipped,
        unindexedForeignKeys: unindexed,
        contexts
    };
}
function keysOf(oids, relations) {
    return new Set([...oids].flatMap((oid) => relations.get(oid)?.key ?? []));
}
function ownerIn(relations) {
    const byKey = new Map([...relations.values()].map((r) => [r.key, r]));
    return (key) => {
        const table = byKey.get(key)?.tableOid;
        return table ? relations.get(table)?.key : undefined;
    };
}
function stepOf(raw, steps) {
    return steps.find((s) => s.statement === raw.statement) ?? steps[0];
}
/** Runs a unit untraced and commits it: the baseline, and the replay of a traced transaction. */
async function apply(client, unit, baseline) {
    const transactional = unit.kind === 'transaction';
    try {
        if (transactional)
            await client.query('BEGIN');
        for (const step of unit.steps) {
            try {
                await client.query(step.statement.sql);
            }
            catch (error) {
                const message = error instanceof Error ? error.message : String(error);
                const where = `${step.file}:${step.span.line}`;
                // The baseline is the repository's SQL: its failure is the user's to fix. A replay that fails where the
                // traced run passed is ours.
                if (baseline)
                    throw new errors/* ConfigurationError */.j1(`Baseline migration ${where} failed on PostgreSQL: ${message}`, {
                        cause: error
                    });
                throw new Error(`Replaying ${where} failed on PostgreSQL: ${message}`, { cause: error });
            }
        }
        if (transactional)
            await client.query(unit.discarded ? 'ROLLBACK' : 'COMMIT');
    }
    catch (error) {
        if (transactional)
            await client.query('ROLLBACK').catch(() => undefined);
        throw error;
    }
}
function base(step, kind) {
    return {
        file: step.file,
        ...step.span,
        sql: step.statement.sql.length > 200 ? `${step.statement.sql.slice(0, 197)}...` : step.statement.sql,
        kind: step.statement.kind,
        transaction: kind,
        statement: step.statement
    };
}
/** A transaction (or a lone statement) inside BEGIN ... ROLLBACK, with a snapshot around each statement. */
async function traced(client, pid, unit) {
    const raws = [];
    await client.query('BEGIN');
    try {
        for (const step of unit.steps) {
            const lockTimeout = await lockTimeoutMs(client);
            const before = await snapshot(client);
            const locksBefore = await heldLocks(client, pid);
            const started = performance.now();
            let error;
            try {
                await client.query(step.statement.sql);
            }
            catch (e) {
                error = e instanceof Error ? e.message : String(e);
            }
            const durationMs = performance.now() - started;
            if (error !== undefined) {
                raws.push({
                    ...empty(step, unit.kind, before, durationMs, lockTimeout),
                    error,
                    before: locksBefore,
                    after: []
                });
                throw Object.assign(new StatementFailed(error), { raws });
            }
            const after = await snapshot(client);
            raws.push(observation(step, unit.kind, before, after, locksBefore, await heldLocks(client, pid), durationMs, lockTimeout));
        }
    }
    finally {
        await client.query('ROLLBACK').catch(() => undefined);
    }
    return raws;
}
function empty(step, kind, before, durationMs, lockTimeout) {
    return {
        ...base(step, kind),
        durationMs,
        lockTimeoutMs: lockTimeout,
        rewrites: [],
        indexesBuilt: [],
        columns: [],
        constraints: [],
        relations: before.relations
    };
}
function observation(step, kind, before, after, locksBefore, locksAfter, durationMs, lockTimeout) {
    // Names as they were before the statement (a RENAME is predicted under the old name), new objects as created.
    const relations = new Map([...after.relations, ...before.relations]);
    const keyOf = (oid) => relations.get(oid)?.key ?? `oid ${oid}`;
    const truncate = step.statement.kind === 'TruncateStmt';
    return {
        ...base(step, kind),
        durationMs,
        lockTimeoutMs: lockTimeout,
        // TRUNCATE swaps in new, empty storage: a new relfilenode, but nothing is copied.
        rewrites: truncate
            ? []
            : [...rewritten(before, after), ...rebuilt(before, after).filter((r) => r.kind === 'index')].map((r) => ({
                relation: r.key,
                kind: r.kind,
                preExisting: false
            })),
        indexesBuilt: newRelations(before, after)
            .filter((r) => r.kind === 'index')
            .map((r) => ({ relation: r.key, table: keyOf(r.tableOid ?? ''), preExistingTable: false })),
        columns: columnChanges(before, after),
        constraints: constraintChanges(before, after),
        before: locksBefore,
        after: locksAfter,
        relations
    };
}
/**
 * A statement that must run outside a transaction block, traced from a second connection while a third makes it
 * wait: CREATE INDEX CONCURRENTLY waits for older snapshots, DROP INDEX CONCURRENTLY for the tables' lockers.
 */
async function ownPath(connections, pid, step) {
    const { main } = connections;
    const lockTimeout = await lockTimeoutMs(main);
    const before = await snapshot(main);
    const observer = await connections.open();
    const blocker = await connections.open();
    try {
        // Every table, not only those the static prediction names: what is observed must not depend on it.
        const named = [...before.relations.values()].filter((r) => r.kind === 'table').map((r) => r.oid);
        await blocker.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
        await blocker.query('SELECT txid_current()');
        // ACCESS SHARE on them, held by the blocker until it commits (regclass quotes the names).
        const names = (await blocker.query('SELECT r::regclass::text AS name FROM unnest($1::oid[]) AS r', [named]))
            .rows;
        for (const { name } of names)
            await blocker.query(`LOCK TABLE ${name} IN ACCESS SHARE MODE`);
        let released = false;
        const release = async () => {
            if (released)
                return;
            released = true;
            await blocker.query('COMMIT').catch(() => undefined);
        };
        const seen = new Map();
        const started = performance.now();
        let settled = false;
        const running = main.query(step.statement.sql).then(() => undefined, (e) => (e instanceof Error ? e.message : String(e)));
        void running.then(() => (settled = true));
        while (!settled) {
            const rows = (await observer.query(`SELECT l.relation::text AS oid, l.mode, l.granted, l.locktype FROM pg_locks l WHERE l.pid = $1`, [pid])).rows;
            // A lock it waits for (VACUUM FULL's ACCESS EXCLUSIVE behind the blocker) is one it holds once released.
            for (const row of rows)
                if (row.locktype === 'relation' && row.oid)
                    seen.set(`${row.oid}/${row.mode}`, { oid: row.oid, mode: row.mode.replace(/Lock$/, '') });
            // Waiting on the blocker: its locks are all taken by now, so let it finish.
            if (rows.some((row) => !row.granted) || performance.now() - started > BLOCK_LIMIT_MS)
                await release();
            await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        }
        const error = await running;
        const durationMs = performance.now() - started;
        await release();
        if (error !== undefined) {
            const raws = [{ ...empty(step, 'own-path', before, durationMs, lockTimeout), error, before: [], after: [] }];
            throw Object.assign(new StatementFailed(error), { raws });
        }
        const after = await snapshot(main);
        return observation(step, 'own-path', before, after, [], [...seen.values()], durationMs, lockTimeout);
    }
    finally {
        await blocker.end().catch(() => undefined);
        await observer.end().catch(() => undefined);
    }
}
/** Locks with how long each is held (to the end of the transaction), pre-existing flags, and the hazards. */
function finish(raws, kind, preExisting) {
    const durations = raws.map((r) => r.durationMs);
    return raws.map((raw, i) => {
        const heldMs = kind === 'transaction' ? durations.slice(i).reduce((a, b) => a + b, 0) : raw.durationMs;
        const held = new Set(raw.before.map((l) => `${l.oid}/${l.mode}`));
        const tableOf = (oid) => {
            const rel = raw.relations.get(oid);
            return rel?.tableOid ? raw.relations.get(rel.tableOid)?.key : undefined;
        };
        // Only the migrations' relations: the catalogues our own snapshot queries read are locked too.
        const locks = raw.after
            .flatMap((lock) => (raw.relations.has(lock.oid) ? [lock] : []))
            .map((lock) => {
            const rel = raw.relations.get(lock.oid);
            const fresh = !held.has(`${lock.oid}/${lock.mode}`);
            const table = rel?.kind === 'index' ? tableOf(lock.oid) : undefined;
            return {
                relation: rel?.key ?? `oid ${lock.oid}`,
                kind: rel?.kind ?? 'other',
                ...(table ? { table } : {}),
                mode: lock.mode,
                new: fresh,
                preExisting: preExisting.has(lock.oid),
                // An already-held lock was counted on the statement that took it.
                heldMs: fresh ? heldMs : 0
            };
        });
        const preExistingKeys = keysOf(preExisting, raw.relations);
        const trace = {
            file: raw.file,
            line: raw.line,
            column: raw.column,
            endLine: raw.endLine,
            endColumn: raw.endColumn,
            sql: raw.sql,
            kind: raw.kind,
            transaction: raw.transaction,
            durationMs: round(raw.durationMs),
            lockTimeoutMs: raw.lockTimeoutMs,
            locks: locks.map((l) => ({ ...l, heldMs: round(l.heldMs) })),
            rewrites: raw.rewrites.map((r) => ({ ...r, preExisting: preExistingKeys.has(r.relation) })),
            indexesBuilt: raw.indexesBuilt.map((ix) => ({ ...ix, preExistingTable: preExistingKeys.has(ix.table) })),
            columns: raw.columns,
            constraints: raw.constraints,
            hazards: [],
            disagreements: [],
            ...(raw.error !== undefined ? { error: raw.error } : {})
        };
        trace.hazards = hazardsOf(trace, preExistingKeys);
        return trace;
    });
}
const round = (ms) => Math.round(ms * 100) / 100;

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/trace/index.ts
// A live trace of a change set: the server (a URL or a started cluster), the scratch database, the baseline and
// the traced statements, then the cross-check with the static prediction and the lock budget. Whatever happens,
// the scratch database is dropped and a started cluster stopped and removed.











function validateTraceSettings(settings) {
    if (settings.databaseUrl && settings.startPostgres)
        throw new errors/* ConfigurationError */.j1('database-url and start-postgres: set one of them, not both');
    if (!settings.databaseUrl && !settings.startPostgres)
        throw new errors/* ConfigurationError */.j1('mode trace needs a server: set database-url (a scratch database) or start-postgres: true');
    if (settings.maxLockMs !== undefined && (!Number.isInteger(settings.maxLockMs) || settings.maxLockMs < 0))
        throw new errors/* ConfigurationError */.j1(`max-lock-ms must be a whole number of milliseconds; got "${settings.maxLockMs}"`);
}
async function traceMigrations(sources, parse, lint, settings, predictor = staticPredictor(lint)) {
    validateTraceSettings(settings);
    const notes = [];
    const files = [];
    for (const source of sources) {
        const { prepared, parsed } = parseFile(source.text, parse, source.encodingError, {
            path: source.path,
            hints: source.framework
        });
        if (parsed.syntaxError) {
            return trace_empty(settings, [`Not traced: ${source.path} does not parse (see the lint's syntax error)`]);
        }
        const steps = parsed.statements.map((statement) => ({
            statement,
            file: source.path,
            span: parsed.source.span(statement.range)
        }));
        files.push({
            path: source.path,
            traced: source.lint,
            changeSet: source.changeSet,
            units: unitsOf(steps, prepared.implicitTransaction)
        });
    }
    if (!files.some((f) => f.traced))
        return trace_empty(settings, ['Not traced: the change set is empty']);
    let cluster;
    let admin;
    let scratch;
    const sessions = [];
    try {
        cluster = settings.startPostgres ? await startCluster(settings) : undefined;
        const url = cluster?.connectionString ?? settings.databaseUrl;
        admin = await connect(url);
        await refuseNonEmpty(admin, settings.allowNonempty);
        scratch = await createScratch(admin, url);
        const main = await connect(scratch.url);
        sessions.push(main);
        const scratchUrl = scratch.url;
        const traced = await traceFiles(files, {
            main,
            async open() {
                const session = await connect(scratchUrl);
                sessions.push(session);
                return session;
            }
        });
        const { contexts, ...observed } = traced;
        observed.statements.forEach((trace, i) => trace_judge(trace, contexts[i], predictor, settings.maxLockMs));
        return {
            server: cluster ? 'a cluster started from the local PostgreSQL binaries' : (0,redact/* redactConnectionString */.J0)(url),
            source: cluster ? 'start-postgres' : 'database-url',
            database: scratch.name,
            ...observed,
            ...(settings.maxLockMs !== undefined ? { maxLockMs: settings.maxLockMs } : {}),
            notes
        };
    }
    finally {
        for (const session of sessions)
            await session.end().catch(() => undefined);
        await scratch?.drop().catch(() => undefined);
        await admin?.end().catch(() => undefined);
        await cluster?.stop();
    }
}
function trace_empty(settings, notes) {
    return {
        server: settings.startPostgres
            ? 'a cluster started from the local PostgreSQL binaries'
            : (0,redact/* redactConnectionString */.J0)(settings.databaseUrl ?? ''),
        source: settings.startPostgres ? 'start-postgres' : 'database-url',
        baselineFiles: 0,
        statements: [],
        skipped: [],
        unindexedForeignKeys: [],
        notes
    };
}
function trace_judge(trace, context, predictor, maxLockMs) {
    const span = { line: trace.line, column: trace.column, endLine: trace.endLine, endColumn: trace.endColumn };
    trace.prediction = predictor.predict(context.statement, {
        file: trace.file,
        span,
        indexOwner: context.indexOwner,
        runs: context.runs
    });
    trace.disagreements = crossCheck(trace, trace.prediction, context.preExisting);
    if (maxLockMs === undefined)
        return;
    const over = trace.locks.filter((l) => l.kind === 'table' && l.preExisting && l.new && hazards_blocksWrites(l.mode) && l.heldMs > maxLockMs);
    if (over.length > 0)
        trace.overBudget = over.map((l) => ({ relation: l.relation, mode: l.mode, heldMs: l.heldMs }));
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/trace/findings.ts
const TRACE_DOCS = 'https://github.com/ubos/actions/blob/main/migration-safety/README.md#live-lock-trace';
const TRACE_FINDINGS = {
    'trace-mismatch': 'The live trace disagrees with the static prediction',
    'max-lock-ms': 'A lock blocking writes on a table in use was held longer than max-lock-ms',
    'trace-failed': 'PostgreSQL rejected this statement when the trace ran it',
    'trace-hazard': 'The live trace saw a hazard on a table in use'
};
const HELP = {
    'trace-mismatch': 'The trace ran the statement on a real PostgreSQL and read `pg_locks` and `pg_class.relfilenode`: the locks or the rewrite it saw differ from what the linter predicted. Trust the trace; the prediction (or a rule) needs a fix.',
    'max-lock-ms': 'The lock is held from the statement until its transaction ends; on a table in use every write (and for ACCESS EXCLUSIVE every read) waits that long. Split the transaction, or use the non-blocking form the lint suggests.',
    'trace-failed': 'The deploy would fail here too: the migration does not run on this server as written.',
    'trace-hazard': 'Seen on a real server: the lock or the work it did would block other sessions of a table in use.'
};
/** The trace's findings as rules, for SARIF's rule list (they are not in the lint's catalogue). */
const TRACE_RULES = Object.keys(TRACE_FINDINGS).map((id) => ({
    id,
    message: TRACE_FINDINGS[id],
    help: HELP[id],
    docs: TRACE_DOCS,
    severity: id === 'trace-failed' || id === 'max-lock-ms' ? 'error' : 'warning'
}));
function traceFindings(trace, withHazards) {
    const out = [];
    const add = (s, rule, severity, message, eugene) => out.push({
        file: s.file,
        line: s.line,
        column: s.column,
        endLine: s.endLine,
        endColumn: s.endColumn,
        rule,
        severity,
        message,
        help: HELP[rule],
        equivalents: eugene ? { eugene: [eugene] } : {},
        docs: TRACE_DOCS
    });
    for (const s of trace.statements) {
        if (s.error !== undefined)
            add(s, 'trace-failed', 'error', `PostgreSQL rejected this statement: ${s.error}`);
        for (const d of s.disagreements)
            add(s, 'trace-mismatch', 'warning', `${d.kind === 'static-wrong' ? 'Static prediction wrong' : 'Found only by the trace'}: ${d.message}`);
        for (const o of s.overBudget ?? [])
            add(s, 'max-lock-ms', 'error', `${o.mode} on ${o.relation} held ${o.heldMs} ms, over max-lock-ms (${trace.maxLockMs} ms)`);
        if (withHazards)
            for (const h of s.hazards)
                add(s, 'trace-hazard', 'warning', `Trace: ${h.message}`, h.eugene);
    }
    if (withHazards)
        for (const fk of trace.unindexedForeignKeys) {
            const s = trace.statements.find((t) => t.file === fk.file && t.line === fk.line);
            if (s)
                add(s, 'trace-hazard', 'warning', `Trace: foreign key ${fk.constraint} on ${fk.table} has no index on its columns`, 'E15');
        }
    return out;
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/check.ts
// What the action and the CLI both do before and around the engine: read the config, find the files, pick the
// change set (a pull request's changed files, or files added since a ref), lint. Policy lives here once, so the
// action and the CLI cannot drift (a mistyped path fails both the same way).












async function runMigrationCheck(options) {
    const mode = options.mode ?? 'lint';
    if (mode !== 'lint')
        validateTraceSettings(options.trace ?? { startPostgres: false, allowNonempty: false });
    const config = await loadConfig(options.cwd, options.config, ALL_RULES.map((r) => r.id));
    const settings = resolveSettings(config, {
        pgVersion: options.pgVersion,
        framework: options.framework,
        assumeInTransaction: options.assumeInTransaction,
        label: options.label
    });
    // A malformed threshold or URL fails before any file is read, whether or not a table will be looked up.
    const thresholds = sizeThresholds(options);
    if (options.statsDatabaseUrl !== undefined)
        checkStatsUrl(options.statsDatabaseUrl, options.label('stats-database-url'));
    const named = options.patterns.length > 0 ? options.patterns : settings.include;
    const patterns = named ?? defaultPathsOf(settings.framework) ?? DEFAULT_PATHS;
    const { files, unmatched } = expandPaths(patterns, options.cwd, settings.exclude, { workspace: options.workspace });
    const warnings = [];
    const notices = [];
    if (named && unmatched.length > 0 && options.ifNoFilesFound !== 'ignore') {
        const what = `${unmatched.map((p) => `"${p}"`).join(', ')}: no such file, or no file matches`;
        if (options.ifNoFilesFound === 'error')
            throw new errors/* ConfigurationError */.j1(what);
        warnings.push(what);
    }
    if (!named && files.length === 0)
        notices.push(`No migration files found in the default folders (${patterns.join(', ')}); name them in paths`);
    // The tool's order and what its project files say (a journal, a plan, a sum file, metadata.toml).
    const project = projectReader(options.cwd, { workspace: options.workspace });
    const plan = planMigrations(files, settings.framework, project);
    notices.push(...plan.notices);
    if (settings.framework === 'plain') {
        const detected = detectFramework(files, project);
        if (detected)
            notices.push(`${detected.reason}: set framework: ${detected.framework} to lint these files in ${detected.framework}'s order and transaction mode`);
    }
    const migrations = plan.files;
    let changeSet;
    let scope;
    if (options.changes?.kind === 'base-branch') {
        const changed = changedFiles(options.cwd, options.changes.ref);
        changeSet = new Set(migrations.filter((f) => changed.has(f)));
        scope = `${(0,report/* plural */.LS)(changeSet.size, 'migration')} changed against \`${options.changes.ref}\`, linted as one change set (${(0,report/* plural */.LS)(migrations.length - changeSet.size, 'earlier migration')} replayed)`;
    }
    else if (options.changes?.kind === 'since') {
        const before = filesAtRef(options.cwd, options.changes.ref);
        changeSet = new Set(migrations.filter((f) => !before.has(f)));
        scope = `${(0,report/* plural */.LS)(changeSet.size, 'migration')} added since \`${options.changes.ref}\`, linted as one change set`;
    }
    else {
        scope = `Whole history: ${(0,report/* plural */.LS)(migrations.length, 'migration')}, each judged as it was deployed`;
    }
    const sources = buildSources(migrations, options.cwd, changeSet, plan.hints);
    let result = await lintMigrations(sources, {
        pgVersion: settings.pgVersion,
        pgMinor: settings.pgMinor,
        framework: settings.framework,
        assumeInTransaction: settings.assumeInTransaction,
        rules: settings.rules
    }, ALL_RULES);
    let tableSizes;
    if (options.statsDatabaseUrl !== undefined) {
        tableSizes = await judgeTableSizes(result, options.statsDatabaseUrl, thresholds, options.label, notices);
        result = { ...result, findings: tableSizes.findings };
    }
    let trace;
    const t = options.trace;
    if (mode === 'lint' && (t?.databaseUrl || t?.startPostgres || t?.maxLockMs !== undefined))
        notices.push('database-url, start-postgres and max-lock-ms only apply to mode trace or lint+trace: nothing was traced');
    if (mode !== 'lint') {
        const parse = { framework: settings.framework, assumeInTransaction: settings.assumeInTransaction };
        trace = await traceMigrations(sources, parse, result, options.trace);
        notices.push(...trace.notes);
        // Alone, the trace reports what it saw; beside the lint, only where the two disagree (and the budget).
        const seen = traceFindings(trace, mode === 'trace');
        const order = new Map(sources.map((s, i) => [s.path, i]));
        const findings = [
            ...(mode === 'trace' ? result.findings.filter((f) => f.rule === 'syntax-error') : result.findings),
            ...seen
        ];
        findings.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line);
        result = { ...result, findings, exempted: mode === 'trace' ? [] : result.exempted };
    }
    return { result, settings, scope, configFile: config?.file, warnings, notices, tableSizes, mode, trace };
}
/** The sizes of the tables the findings rewrite or scan, from the stats database, and the findings they change. */
async function judgeTableSizes(result, url, thresholds, label, notices) {
    const wanted = touchedTables(result.findings);
    const stats = await readTableStats(url, wanted, { label: label('stats-database-url') });
    const tableSizes = applyTableSizes(result.findings, stats, thresholds);
    if (stats.length > 0)
        notices.push(`stats-database-url: sizes of ${(0,report/* plural */.LS)(stats.length, 'table')} read from ${(0,redact/* redactConnectionString */.J0)(url)}`);
    if (wanted.length === 0)
        notices.push('stats-database-url: no finding rewrites or scans a table that exists before the change set; nothing was looked up');
    if (tableSizes.unknown.length > 0)
        notices.push(`stats-database-url: ${(0,report/* plural */.LS)(tableSizes.unknown.length, 'table')} not in the stats database (${tableSizes.unknown.join(', ')}): their findings keep their level`);
    return tableSizes;
}
function sizeThresholds(options) {
    const rows = options.bigTableRows?.trim();
    const size = options.bigTableSize?.trim();
    const bigRows = rows ? Number(rows.replace(/_/g, '')) : DEFAULT_THRESHOLDS.bigRows;
    if (!Number.isSafeInteger(bigRows) || bigRows < 1)
        throw new errors/* ConfigurationError */.j1(`${options.label('big-table-rows')} must be a whole number of rows, e.g. 1000000; got "${rows}"`);
    const bigBytes = size ? parseSize(size) : DEFAULT_THRESHOLDS.bigBytes;
    if (bigBytes === undefined)
        throw new errors/* ConfigurationError */.j1(`${options.label('big-table-size')} must be a size such as 1GB or 500MB; got "${size}"`);
    return { bigRows, bigBytes };
}

// EXTERNAL MODULE: ./shared/src/lib/markdown.ts
var markdown = __webpack_require__(41794);
// EXTERNAL MODULE: ./shared/src/lib/version.generated.ts
var version_generated = __webpack_require__(46764);
// EXTERNAL MODULE: ./shared/src/lib/sarif.ts
var sarif = __webpack_require__(51790);
;// CONCATENATED MODULE: ./actions/migration-safety/src/sarif.ts
// SARIF 2.1.0 for GitHub code scanning: every rule of the catalogue with its help (text and markdown) and
// docs page, and one result per finding with the statement's region.



const HOME = 'https://github.com/ubos/actions/tree/main/migration-safety';
/** "require-concurrent-index-creation" -> "RequireConcurrentIndexCreation", the display name code scanning shows. */
function pascalCase(id) {
    return id.replace(/(^|-)([a-z0-9])/g, (_m, _dash, c) => c.toUpperCase());
}
/** Markdown has no place in the plain-text help: links keep their text, code loses its backticks. */
function plainText(markdown) {
    return markdown.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').replace(/`/g, '');
}
function migrationSarif(result, catalogue, settings = {}, extra = []) {
    const docs = new Map(extra.map((r) => [r.id, r.docs]));
    const rules = [...catalogue, ...extra];
    const severity = (rule) => settings[rule.id]?.severity ?? rule.severity;
    const helpUri = (id) => docs.get(id) ?? docsUrl(id);
    const known = new Set(rules.map((r) => r.id));
    const findings = result.findings.filter((f) => known.has(f.rule));
    const log = (0,sarif/* buildSarif */.Ep)({
        toolName: 'ubos migration-safety',
        toolVersion: version_generated/* VERSION */.x,
        informationUri: HOME,
        rules: rules.map((rule) => ({
            id: rule.id,
            name: pascalCase(rule.id),
            shortDescription: rule.message,
            fullDescription: plainText(rule.help),
            helpUri: helpUri(rule.id),
            defaultLevel: severity(rule)
        })),
        results: findings.map((f) => ({
            ruleId: f.rule,
            // SARIF calls a notice (a finding table-size awareness lowered) a note.
            level: f.severity === 'notice' ? 'note' : f.severity,
            message: f.message,
            file: f.file,
            startLine: f.line,
            startColumn: f.column,
            endLine: f.endLine,
            endColumn: f.endColumn
        }))
    });
    // shared/src/sarif.ts has no `help`; code scanning shows it on every alert, so it is added here.
    const byId = new Map(rules.map((r) => [r.id, r]));
    for (const descriptor of log.runs[0].tool.driver.rules) {
        const rule = byId.get(descriptor.id);
        const markdown = `${rule.help}\n\nDocs: [${rule.id}](${helpUri(rule.id)})`;
        Object.assign(descriptor, {
            help: { text: `${plainText(rule.help)}\n\nDocs: ${helpUri(rule.id)}`, markdown },
            properties: { tags: ['postgresql', 'migrations'] }
        });
    }
    // A recipe written for the actual names belongs to the alert itself.
    log.runs[0].results.forEach((r, i) => {
        const finding = findings[i];
        if (finding.recipe) {
            const steps = finding.recipe.steps.map((s) => `${s.title}:\n${s.sql}`).join('\n\n');
            Object.assign(r.message, { text: `${finding.message}\n\n${finding.recipe.title}\n\n${steps}` });
        }
    });
    return (0,sarif/* serializeSarif */.YO)(log);
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/engine/trace/summary.ts
// The trace as the summary's table: prediction and observation side by side for every statement, the
// disagreements first. Pure text; report.ts puts it in a section.


const TRACE_TITLE = 'Live lock trace';
function predicted(s) {
    const p = s.prediction;
    if (!p)
        return '-';
    const parts = [
        ...p.locks.map((l) => `${l.mode} ${(0,markdown/* codeSpan */.SS)(l.table)}`),
        ...p.rewrites.map((r) => `${r.certainty === 'maybe' ? 'maybe rewrites' : 'rewrites'} ${(0,markdown/* codeSpan */.SS)(r.table)}`)
    ];
    return parts.join('<br>') || 'no table lock';
}
function observed(s) {
    if (s.error !== undefined)
        return `failed: ${(0,markdown/* escapeMarkdown */.FV)(s.error)}`;
    const parts = [
        ...s.locks
            .filter((l) => l.kind === 'table')
            .map((l) => `${l.mode} ${(0,markdown/* codeSpan */.SS)(l.relation)}${l.new ? '' : ' (held)'}${l.new && l.preExisting ? ` ${l.heldMs} ms` : ''}`),
        ...s.rewrites.map((r) => `rewrote ${(0,markdown/* codeSpan */.SS)(r.relation)}`),
        ...s.constraints
            .filter((c) => c.change !== 'dropped')
            .map((c) => `${c.change === 'validated' ? 'validated' : c.valid ? 'added VALID' : 'added NOT VALID'} ${(0,markdown/* codeSpan */.SS)(c.name)}`),
        ...s.columns.map((c) => `${c.change} ${(0,markdown/* codeSpan */.SS)(`${c.table}.${c.column}`)}`)
    ];
    return parts.join('<br>') || 'no table lock';
}
/** One paragraph on what was traced where; `plain` for the text format (no markdown escapes). */
function traceIntro(trace, plain = false) {
    const disagreeing = trace.statements.filter((s) => s.disagreements.length > 0).length;
    return (`Each statement of the change set ran on ${plain ? trace.server : (0,markdown/* escapeMarkdown */.FV)(trace.server)} after ${(0,report/* plural */.LS)(trace.baselineFiles, 'baseline migration')}, in transactions rolled back; ` +
        `${(0,report/* plural */.LS)(trace.statements.length, 'statement')} traced, ${(0,report/* plural */.LS)(disagreeing, 'disagreement')} with the static prediction` +
        `${trace.maxLockMs !== undefined ? `, lock budget ${trace.maxLockMs} ms` : ''}. Locks are held until the end of the transaction the migration runs in.`);
}
function traceTable(trace) {
    const ordered = [
        ...trace.statements.filter((s) => s.disagreements.length > 0),
        ...trace.statements.filter((s) => s.disagreements.length === 0)
    ];
    return {
        headers: ['where', 'statement', 'predicted', 'observed', 'ms', 'lock_timeout', 'disagreement / hazards'],
        rows: ordered.map((s) => [
            `${(0,markdown/* codeSpan */.SS)(s.file)}:${s.line}`,
            (0,markdown/* codeSpan */.SS)(s.sql.length > 60 ? `${s.sql.slice(0, 57)}...` : s.sql),
            predicted(s),
            observed(s),
            String(s.durationMs),
            s.lockTimeoutMs === 0 ? 'none' : `${s.lockTimeoutMs} ms`,
            [
                ...s.disagreements.map((d) => `**${d.kind}**: ${(0,markdown/* escapeMarkdown */.FV)(d.message)}`),
                ...(s.overBudget ?? []).map((o) => `**over budget**: ${o.mode} ${(0,markdown/* escapeMarkdown */.FV)(o.relation)} ${o.heldMs} ms`),
                ...s.hazards.map((h) => `${h.eugene ?? h.id}: ${(0,markdown/* escapeMarkdown */.FV)(h.message)}`)
            ].join('<br>') || '-'
        ])
    };
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/report.ts
// A lint result as the action family's ActionReport: the verdict, the findings for annotations, sections for the
// summary and the comment (errors open, then warnings, the safe ways, the rules' help and what was not flagged on
// purpose folded away), the JSON envelope's own fields, the text format with its recipes, and SARIF. No I/O.








function report_location(f) {
    return { file: f.file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn };
}
function toReportFinding(f) {
    return {
        level: f.severity,
        id: f.rule,
        title: `migration-safety ${f.rule}`,
        message: `${f.message}\nSafe way and details: ${f.docs}`,
        location: report_location(f)
    };
}
/** The heading of the exemptions in every format: what was seen and deliberately not reported. */
const EXEMPTIONS_TITLE = 'Not flagged, and why';
const TOOL_NAMES = { atlas: 'Atlas', strongMigrations: 'strong_migrations' };
/** How many places of one group the text and markdown name before "and N more". */
const PLACES_SHOWN = 10;
/** Exemptions grouped by rule and reason, in the order of their first place (files in migration order). */
function groupExemptions(exempted) {
    const groups = new Map();
    for (const e of exempted) {
        const key = `${e.rule}\n${e.reason}`;
        let group = groups.get(key);
        if (!group) {
            const others = Object.entries(e.equivalents).flatMap(([tool, ids]) => (ids ?? []).map((id) => `${TOOL_NAMES[tool] ?? tool} ${id}`));
            groups.set(key, (group = { rule: e.rule, reason: e.reason, others, places: [] }));
        }
        group.places.push(e);
    }
    return [...groups.values()];
}
/**
 * "3 not flagged on purpose: see “Not flagged, and why”", the line under the verdict; the reasons are in the
 * section of that name.
 */
function exemptionLine(exempted) {
    if (exempted.length === 0)
        return undefined;
    return `${exempted.length} not flagged on purpose: see “${EXEMPTIONS_TITLE}”`;
}
const place = (e) => `${e.file}:${e.line}:${e.column}`;
function placesText(places, show) {
    const shown = places.slice(0, PLACES_SHOWN).map(show).join(', ');
    return places.length > PLACES_SHOWN ? `${shown} and ${places.length - PLACES_SHOWN} more` : shown;
}
/** The text format's block: one line per rule and reason, with where. */
function exemptionsText(exempted) {
    if (exempted.length === 0)
        return [];
    const lines = [`${EXEMPTIONS_TITLE} (${exempted.length}, never counted):`];
    for (const group of groupExemptions(exempted)) {
        lines.push(`  ${group.rule}: ${group.reason} (${group.places.length}): ${placesText(group.places, place)}`);
    }
    return lines;
}
/** The summary's section: a row per rule and reason; an info section, so its rows are the first cut for space. */
function exemptionsSection(exempted) {
    if (exempted.length === 0)
        return undefined;
    return {
        level: 'info',
        title: EXEMPTIONS_TITLE,
        intro: 'What a rule recognised and deliberately did not report, and why; the linters named in “same rule in” flag these statements. Not counted, no effect on the verdict; the JSON report lists each one in `exemptions`.',
        table: {
            headers: ['rule', 'why not flagged', 'same rule in', 'where'],
            rows: groupExemptions(exempted).map((group) => [
                `[${group.rule}](${docsUrl(group.rule)})`,
                (0,markdown/* escapeMarkdown */.FV)(group.reason),
                group.others.map((id) => (0,markdown/* codeSpan */.SS)(id)).join(', ') || '-',
                `${placesText(group.places, (e) => (0,markdown/* codeSpan */.SS)(`${e.file}:${e.line}`))} (${group.places.length})`
            ])
        }
    };
}
/** Files linted whole: a file the parser could not read to the end is not counted as checked. */
function filesChecked(result) {
    return result.files.filter((f) => f.linted && f.parsed === 'full').length;
}
function headline(result) {
    const counts = (0,report/* countFindings */.Gt)(result.findings.map((f) => ({ level: f.severity })));
    const files = filesChecked(result);
    const verdict = (0,report/* verdictOf */.Vj)(counts);
    const outcome = verdict === 'fail'
        ? 'Migration safety check failed'
        : verdict === 'warn'
            ? 'Migration safety check passed with warnings'
            : 'Migration safety check passed';
    return `${outcome}: ${(0,report/* plural */.LS)(counts.error, 'error')}, ${(0,report/* plural */.LS)(counts.warning, 'warning')} in ${(0,report/* plural */.LS)(files, 'file')} checked`;
}
function report_recipeMarkdown(recipe) {
    const out = new markdown/* SummaryBuilder */.CF().paragraph(`**${(0,markdown/* escapeMarkdown */.FV)(recipe.title)}**`);
    for (const step of recipe.steps)
        out.paragraph(`${(0,markdown/* escapeMarkdown */.FV)(step.title)}:`).codeBlock(step.sql, 'sql');
    return out.toString();
}
function findingRows(findings) {
    return findings.map((f) => [
        `${(0,markdown/* codeSpan */.SS)(f.file)}:${f.line === f.endLine ? f.line : `${f.line}–${f.endLine}`}`,
        `[${f.rule}](${f.docs})`,
        (0,markdown/* escapeMarkdown */.FV)(f.message)
    ]);
}
function sections(result, sizes) {
    const out = [];
    const headers = ['where', 'rule', 'message'];
    const errors = result.findings.filter((f) => f.severity === 'error');
    const warnings = result.findings.filter((f) => f.severity === 'warning');
    const notices = result.findings.filter((f) => f.severity === 'notice');
    if (errors.length > 0)
        out.push({ level: 'error', title: 'Errors', table: { headers, rows: findingRows(errors) } });
    if (warnings.length > 0)
        out.push({ level: 'warning', title: 'Warnings', table: { headers, rows: findingRows(warnings) } });
    if (notices.length > 0)
        out.push({ level: 'notice', title: 'Notices', table: { headers, rows: findingRows(notices) } });
    const tables = tableSizesSection(sizes);
    if (tables)
        out.push(tables);
    const recipes = result.findings.filter((f) => f.recipe);
    if (recipes.length > 0)
        out.push({
            level: 'info',
            title: 'The safe way, deploy by deploy',
            items: recipes.map((f) => `${(0,markdown/* codeSpan */.SS)(f.file)}:${f.line} ${f.rule}\n\n${report_recipeMarkdown(f.recipe).trimEnd().replace(/\n/g, '\n  ')}`)
        });
    const rules = new Map(result.findings.map((f) => [f.rule, f]));
    if (rules.size > 0)
        out.push({
            level: 'info',
            title: 'Why these are hazards',
            items: [...rules].map(([rule, f]) => `**[${rule}](${f.docs})**: ${f.help}`)
        });
    const exemptions = exemptionsSection(result.exempted);
    if (exemptions)
        out.push(exemptions);
    return out;
}
const COSTS = ['rewrite', 'index-build', 'scan'];
/** "rewrite about 50 s, scan under a second": the estimate for each kind of work the findings do to the table. */
function estimatesText(estimates) {
    return COSTS.filter((cost) => estimates[cost] !== undefined)
        .map((cost) => `${cost} ${formatSeconds(estimates[cost])}`)
        .join(', ');
}
/** The summary's "Table sizes": each table a finding rewrites or scans, as the stats database sees it. */
function tableSizesSection(sizes) {
    if (!sizes || (sizes.tables.length === 0 && sizes.unknown.length === 0))
        return undefined;
    const throughput = COSTS.map((cost) => `${cost} ${THROUGHPUT_MB_S[cost]} MB/s`).join(', ');
    return {
        level: 'info',
        title: 'Table sizes',
        intro: `From the stats database's catalogue; a big table (${sizes.thresholds.bigRows.toLocaleString('en-US')} rows or ${formatSize(sizes.thresholds.bigBytes)}) makes its findings errors, a tiny one lowers them a level. Estimates assume ${throughput}.`,
        table: {
            headers: ['table', 'rows', 'size', 'class', 'estimate'],
            rows: [
                ...sizes.tables.map((t) => [
                    (0,markdown/* codeSpan */.SS)(t.key),
                    t.rows === undefined ? 'never analysed' : formatRows(t.rows).replace(/ rows?$/, ''),
                    formatSize(t.totalBytes),
                    t.class,
                    estimatesText(t.estimates)
                ]),
                ...sizes.unknown.map((key) => [(0,markdown/* codeSpan */.SS)(key), '-', '-', 'not in the stats database', '-'])
            ]
        }
    };
}
function sizesText(sizes) {
    if (!sizes || (sizes.tables.length === 0 && sizes.unknown.length === 0))
        return [];
    return [
        'Table sizes (stats database):',
        ...sizes.tables.map((t) => `  ${t.key}: ${t.rows === undefined ? 'never analysed' : formatRows(t.rows)}, ${formatSize(t.totalBytes)}, ${t.class}; ${estimatesText(t.estimates)}`),
        ...sizes.unknown.map((key) => `  ${key}: not in the stats database`)
    ];
}
function recipeText(finding) {
    if (!finding.recipe)
        return '';
    const indent = (text) => text.replace(/^/gm, '        ');
    const steps = finding.recipe.steps.map((step) => `\n      ${step.title}:\n${indent(step.sql)}`);
    return `\n    safe way: ${finding.recipe.title}${steps.join('')}`;
}
/**
 * `file:line:column: severity rule: message`, one per finding, with the safe multi-deploy way indented below
 * it when there is one, then the verdict, then what was not flagged on purpose (a line per rule and reason).
 */
function renderText(result, sizes) {
    const lines = result.findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.rule}: ${f.message}\n    see ${f.docs}${recipeText(f)}`);
    const exempt = exemptionsText(result.exempted);
    const tables = sizesText(sizes);
    return ([
        ...lines,
        ...(lines.length ? [''] : []),
        headline(result),
        ...(tables.length ? ['', ...tables] : []),
        ...(exempt.length ? ['', ...exempt] : [])
    ].join('\n') + '\n');
}
/** The JSON report's `tableSizes`: thresholds, throughput assumed, and each table looked up. */
function tableSizesJson(sizes) {
    return {
        thresholds: { bigRows: sizes.thresholds.bigRows, bigBytes: sizes.thresholds.bigBytes },
        throughputMBPerSecond: THROUGHPUT_MB_S,
        tables: sizes.tables.map((t) => ({
            table: t.key,
            rows: t.rows ?? null,
            totalBytes: t.totalBytes,
            heapBytes: t.heapBytes,
            class: t.class,
            estimateSeconds: t.estimates
        })),
        unknown: sizes.unknown
    };
}
function migrationReport(check) {
    const { result, settings, tableSizes } = check;
    const unmatched = check.warnings.map((message) => ({ level: 'warning', id: 'paths', message }));
    const findings = [...unmatched, ...result.findings.map(toReportFinding)];
    const counts = { ...(0,report/* countFindings */.Gt)(findings), files: filesChecked(result) };
    const version = settings.pgMinor === undefined ? `${settings.pgVersion}` : `${settings.pgVersion}.${settings.pgMinor}`;
    const exempt = exemptionLine(result.exempted);
    // The sections are only read by the markdown (and the summary): `--format json` never builds them.
    let built;
    return {
        tool: 'migration-safety',
        title: 'Migration safety',
        verdict: (0,report/* verdictOf */.Vj)(counts),
        headline: headline(result),
        counts,
        findings,
        context: [
            `${check.scope}. PostgreSQL ${version}, framework ${(0,markdown/* codeSpan */.SS)(settings.framework)}${check.configFile ? `, config ${(0,markdown/* codeSpan */.SS)(check.configFile)}` : ''}.`,
            ...(exempt ? [`${(0,markdown/* escapeMarkdown */.FV)(exempt)}.`] : [])
        ],
        get sections() {
            return (built ??= [
                ...sections(result, tableSizes),
                ...(check.trace
                    ? [
                        {
                            level: 'info',
                            title: TRACE_TITLE,
                            intro: traceIntro(check.trace),
                            table: traceTable(check.trace)
                        }
                    ]
                    : [])
            ]);
        },
        json: {
            findings: result.findings.map((f) => ({
                id: f.rule,
                level: f.severity,
                message: f.message,
                location: report_location(f),
                equivalents: f.equivalents,
                ...(tableSizes && f.table ? { table: f.table } : {}),
                ...(f.size ? { originalLevel: f.size.originalLevel, sizeChange: f.size.change } : {})
            })),
            ...(tableSizes ? { tableSizes: tableSizesJson(tableSizes) } : {}),
            exemptions: result.exempted.map((e) => ({
                id: e.rule,
                reason: e.reason,
                location: report_location(e),
                equivalents: e.equivalents
            })),
            files: result.files,
            ...(check.trace ? { trace: check.trace } : {})
        },
        outputs: { errors: counts.error, warnings: counts.warning, 'files-checked': counts.files },
        notices: check.notices,
        text: () => renderText(result, tableSizes) + (check.trace ? `\n${traceIntro(check.trace, true)}\n` : ''),
        sarif: () => migrationSarif(result, ALL_RULES, settings.rules, check.trace ? TRACE_RULES : [])
    };
}

;// CONCATENATED MODULE: ./actions/migration-safety/src/cli.ts
// `ubos-actions migration-safety`: the same engine as the action, for a terminal or another CI. The import
// graph stays small (engine, rules, config, files, report): a benchmark times this against squawk.







function listRules(format) {
    if (format === 'json') {
        const catalogue = ALL_RULES.map((r) => ({
            id: r.id,
            level: r.severity,
            message: r.message,
            help: r.help,
            equivalents: r.equivalents,
            docs: docsUrl(r.id),
            ...(r.pgVersions ? { pgVersions: { min: r.pgVersions.min, max: r.pgVersions.max } } : {}),
            ...(r.cost ? { cost: r.cost } : {})
        }));
        return JSON.stringify(catalogue, null, 2) + '\n';
    }
    const width = Math.max(...ALL_RULES.map((r) => r.id.length));
    return ALL_RULES.map((r) => `${r.severity.padEnd(7)} ${r.id.padEnd(width)}  ${r.message}`).join('\n') + '\n';
}
const FORMATS = ['text', 'json', 'sarif', 'markdown'];
const FLAGS = {
    ...(0,command/* reportFlags */.kY)(FORMATS),
    'pg-version': { type: 'string', value: '<N[.minor]>', description: 'PostgreSQL version', default: '16' },
    framework: {
        type: 'string',
        value: '<name>',
        description: 'plain, flyway, golang-migrate, goose, dbmate, sqlx, prisma, knex-sql, diesel, drizzle, sqitch, atlas, liquibase-sql, node-pg-migrate or supabase',
        default: 'plain'
    },
    'assume-in-transaction': { type: 'boolean', description: 'Treat every file as run inside one transaction' },
    config: { type: 'string', value: '<file>', description: 'YAML config', default: '.github/migration-safety.yml' },
    since: {
        type: 'string',
        value: '<git-ref>',
        description: 'Lint only the files added since this commit, as one change set'
    },
    'if-no-files-found': {
        type: 'string',
        value: '<error|warn|ignore>',
        description: 'What a path that matches nothing does',
        default: 'error'
    },
    'stats-database-url': {
        type: 'string',
        value: '<postgres-url>',
        description: 'Read-only replica or staging database: table sizes raise or lower rewrite and scan findings'
    },
    'big-table-rows': { type: 'string', value: '<N>', description: 'Rows from which a table is big', default: '1000000' },
    'big-table-size': { type: 'string', value: '<size>', description: 'Size from which a table is big', default: '1GB' },
    'list-rules': { type: 'boolean', description: 'List the rules and exit' },
    mode: {
        type: 'string',
        value: '<lint|trace|lint+trace>',
        description: 'Lint, trace on a real PostgreSQL, or both',
        default: 'lint'
    },
    'database-url': {
        type: 'string',
        value: '<url>',
        description: 'Scratch server for the trace (it works in its own database)'
    },
    'start-postgres': { type: 'boolean', description: 'Trace on a throwaway cluster started from the local binaries' },
    'allow-nonempty': { type: 'boolean', description: 'Trace although the named database holds user tables' },
    'max-lock-ms': {
        type: 'string',
        value: '<ms>',
        description: 'Fail when a write-blocking lock on a table in use is held longer'
    }
};
const MODES = ['lint', 'trace', 'lint+trace'];
function traceFlags(values) {
    const mode = values.mode ?? 'lint';
    if (!MODES.includes(mode))
        throw new errors/* ConfigurationError */.j1(`--mode must be one of ${MODES.join(', ')}; got "${mode}"`);
    const budget = values['max-lock-ms'];
    if (budget !== undefined && !/^\d+$/.test(budget))
        throw new errors/* ConfigurationError */.j1(`--max-lock-ms must be a whole number of milliseconds; got "${budget}"`);
    return { mode: mode, maxLockMs: budget === undefined ? undefined : Number(budget) };
}
const cli_command = {
    name: 'migration-safety',
    summary: 'Lint PostgreSQL migrations for lock, rewrite and compatibility hazards, with the safe way to do each',
    usage: [
        'migration-safety [options] <files, folders or globs...>',
        'migration-safety --list-rules [--format text|json]'
    ],
    flags: FLAGS,
    async run(argv, io) {
        // Compiling the parser's WebAssembly takes ~0.1 s on background threads: start it now so it overlaps
        // finding and reading the files. A failure surfaces where the lint awaits the same promise.
        loadParser().catch(() => { });
        const { values, positionals, format, failOn } = (0,command/* parseReportArgs */.D8)(argv, FLAGS, FORMATS);
        if (values['list-rules']) {
            if (format !== 'text' && format !== 'json')
                throw new errors/* ConfigurationError */.j1('--list-rules prints text or json');
            io.stdout(listRules(format));
            return 0;
        }
        const ifNoFilesFound = values['if-no-files-found'] ?? 'error';
        if (!['error', 'warn', 'ignore'].includes(ifNoFilesFound))
            throw new errors/* ConfigurationError */.j1(`--if-no-files-found must be one of error, warn, ignore; got "${ifNoFilesFound}"`);
        const { mode, maxLockMs } = traceFlags(values);
        const check = await runMigrationCheck({
            cwd: io.cwd,
            patterns: positionals,
            config: values.config,
            pgVersion: values['pg-version'],
            framework: values.framework,
            assumeInTransaction: values['assume-in-transaction'] ? true : undefined,
            label: (setting) => `--${setting}`,
            changes: values.since === undefined ? undefined : { kind: 'since', ref: values.since },
            ifNoFilesFound: ifNoFilesFound,
            statsDatabaseUrl: values['stats-database-url'],
            bigTableRows: values['big-table-rows'],
            bigTableSize: values['big-table-size'],
            mode,
            trace: {
                databaseUrl: values['database-url'],
                startPostgres: values['start-postgres'] === true,
                allowNonempty: values['allow-nonempty'] === true,
                maxLockMs,
                searchPath: process.env.PATH
            }
        });
        if (check.result.files.length === 0 && positionals.length === 0 && check.notices.length > 0)
            throw new errors/* ConfigurationError */.j1(`${check.notices[0]}; name the files, folders or globs to lint`);
        for (const warning of check.warnings)
            io.stderr(`warning: ${warning}\n`);
        return (0,command/* printReport */.Y_)(migrationReport(check), format, failOn, io);
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

/***/ 4597:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fp: () => (/* binding */ isDownFile),
/* harmony export */   _5: () => (/* binding */ versionKey),
/* harmony export */   f8: () => (/* binding */ flywayFile),
/* harmony export */   oz: () => (/* binding */ compareVersionKeys)
/* harmony export */ });
// What the migration tools agree on about file names and versions, known once: migration-safety uses it to tell
// which files deploy and in what order, health-gate to tell which files a tool's table must list as applied.
const VERSION_TEXT = /^\d+(?:[._]\d+)*$/;
/**
 * The comparable form of a numeric or dotted version: `000001` -> `1`, `1_2` -> `1.2`, `1.0` -> `1`,
 * `1.01` -> `1.1` (Flyway compares each part as a number and ignores trailing zero parts); any other text is
 * returned unchanged.
 */
function versionKey(text) {
    if (!VERSION_TEXT.test(text))
        return text;
    const parts = text.split(/[._]/).map((part) => BigInt(part).toString());
    while (parts.length > 1 && parts[parts.length - 1] === '0')
        parts.pop();
    return parts.join('.');
}
/** Orders two versionKey() results part by part; non-version text sorts after versions, by code point. */
function compareVersionKeys(a, b) {
    const aIsVersion = VERSION_TEXT.test(a);
    const bIsVersion = VERSION_TEXT.test(b);
    if (!aIsVersion || !bIsVersion) {
        if (aIsVersion !== bIsVersion)
            return aIsVersion ? -1 : 1;
        return a < b ? -1 : a > b ? 1 : 0;
    }
    const aParts = a.split('.').map(BigInt);
    const bParts = b.split('.').map(BigInt);
    for (let i = 0; i < Math.max(aParts.length, bParts.length); i++) {
        const x = aParts[i] ?? 0n;
        const y = bParts[i] ?? 0n;
        if (x !== y)
            return x < y ? -1 : 1;
    }
    return 0;
}
// Flyway's default prefixes (V, U, B, R) and separator (__), matched case-sensitively as Flyway does.
const FLYWAY_FILE = /^(?:([VUB])(\d+(?:[._]\d+)*)|R)__(.*)\.(?:sql|sh|bash|ps1|cmd|bat|py)$/;
/** What a Flyway file name declares (its version is versionKey-normalised), or undefined for any other file. */
function flywayFile(fileName) {
    const match = FLYWAY_FILE.exec(fileName);
    if (!match)
        return undefined;
    const [, prefix, version, description] = match;
    if (prefix === undefined)
        return { kind: 'repeatable', description };
    const kind = prefix === 'V' ? 'versioned' : prefix === 'U' ? 'undo' : 'baseline';
    return { kind, version: versionKey(version) };
}
/** A rollback twin (`.down.sql`, `.down.go`...) of golang-migrate, sqlx, dbmate-style layouts: never deployed. */
function isDownFile(fileName) {
    return /\.down\.[^./]+$/i.test(fileName);
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
