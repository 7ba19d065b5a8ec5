// nginx through an include the action owns and the user's nginx.conf includes inside `http {}`, in one of two
// modes (nginx.switch). `reload` (the default): the include is an upstream whose server weights are the split; a
// change is: write the new file atomically, `nginx -t` with the user's config and prefix (a rejected file is put
// back and never reaches a reload; nginx's message is the error), SIGHUP to the master named by the pid file, then
// watch /proc until new workers serve and the old ones have finished their requests and exited, bounded by
// nginx.reload-timeout (nginx's own bound is worker_shutdown_timeout, see docs/routers/nginx.md). `njs`: the include
// defines one upstream per colour and an njs variable that picks one per request from a weights file
// (support/nginx-njs.ts); a change rewrites only that file, with no reload, so no client connection is closed. The
// include itself changes (and goes through nginx -t and one reload, as above) only when it is adopted. Both modes
// share everything about the nginx process (binary, -t, -T, pid file, reload, the judge's access log); they differ
// in what is written, read back and waited for in drain, so they live in one router with one branch per method.
//
// Reload mode: a colour at 0 % keeps its server lines, marked `down`: nginx refuses weight=0, and an upstream whose
// shape never changes keeps the file readable and the read-back exact. nginx never sends to a `down` server, also
// not when the live servers fail, which is the point: 0 % means 0 %.
import { lookup } from 'node:dns/promises';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync
} from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { formatDuration } from '../../../../shared/src/lib/duration.js';
import { ConfigurationError } from '../../../../shared/src/lib/errors.js';
import { pollUntil } from '../engine/time.js';
import type {
  ApplyOutcome,
  Color,
  ColorTraffic,
  DrainOutcome,
  Router,
  RouterConfig,
  RouterContext,
  RouterReading,
  ServerReading,
  TrafficMeter,
  Weights
} from '../engine/types.js';
import { allOn, formatWeights, serverWeights, sharesFromServerWeights, validateWeights } from '../engine/weights.js';
import {
  isNjsInclude,
  loadsNjsModule,
  NJS_PACKAGE_HINT,
  njsVariable,
  renderNjsInclude,
  renderNjsScript,
  renderWeightsFile,
  usesVariable
} from './support/nginx-njs.js';
import { failureLine, runProgram } from './support/process.js';
import {
  childrenOf,
  procRemoteAddresses,
  processAlive,
  processStartMs,
  socketInodes,
  tcpConnectionsTo
} from './support/proc.js';

const TEST_TIMEOUT_MS = 30_000;
const WORKER_POLL_MS = 20;
/** New workers normally start within milliseconds of the HUP; this bounds waiting for them. */
const NEW_WORKERS_TIMEOUT_MS = 15_000;
const HEADER = '# Managed by ubos/actions blue-green-switch: rewritten on every switch, edits here are lost.';

/** The log_format the judge reads; one per upstream, so two switched apps can share an nginx. */
export function logFormatName(upstream: string): string {
  return `ubos_bgs_${upstream.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** The judge's log_format line (the same in both modes: keyed by $upstream_addr, a server of one colour). */
function logFormatLine(upstream: string): string {
  return `log_format ${logFormatName(upstream)} escape=json '{"t":$msec,"upstream":"$upstream_addr","status":"$upstream_status","rt":"$upstream_response_time","code":$status}';`;
}

export function renderUpstreamFile(config: RouterConfig, weights: Weights): string {
  const spec = config.nginx!;
  const perServer = serverWeights(weights, config.colors);
  const lines = [
    HEADER,
    `# weights: ${JSON.stringify(weights)}`,
    logFormatLine(spec.upstream),
    `upstream ${spec.upstream} {`
  ];
  for (const color of config.colors) {
    for (const server of color.servers) {
      const weight = perServer.get(server)!;
      const options = spec.serverOptions ? ` ${spec.serverOptions}` : '';
      lines.push(`    server ${server}${weight > 0 ? ` weight=${weight}` : ' down'}${options}; # ${color.name}`);
    }
  }
  if (spec.keepalive > 0) lines.push(`    keepalive ${spec.keepalive};`);
  if (spec.keepalive > 0 && spec.keepaliveTimeoutMs !== undefined) {
    lines.push(`    keepalive_timeout ${Math.max(1, Math.round(spec.keepaliveTimeoutMs))}ms;`);
  }
  lines.push('}', '');
  return lines.join('\n');
}

/** The njs mode's include, with the judge's log_format. */
export function renderNjsUpstreamFile(config: RouterConfig): string {
  return renderNjsInclude(config, logFormatLine(config.nginx!.upstream));
}

/** Per-server weights from an upstream file (ours or a hand-written one being adopted). */
export function parseUpstreamFile(
  text: string,
  config: RouterConfig
): { color: Color; server: string; weight: number; down: boolean }[] {
  const spec = config.nginx!;
  const colorOf = new Map<string, Color>();
  for (const c of config.colors) for (const s of c.servers) colorOf.set(s, c.name);
  const withoutComments = text.replace(/#[^\n]*/g, '');
  const block = new RegExp(`upstream\\s+${spec.upstream.replace(/[.]/g, '\\.')}\\s*\\{([^}]*)\\}`).exec(
    withoutComments
  );
  if (!block) {
    throw new ConfigurationError(
      `${spec.upstreamFile} has no "upstream ${spec.upstream} { }" block (nginx.upstream in ${config.source})`
    );
  }
  const servers: { color: Color; server: string; weight: number; down: boolean }[] = [];
  for (const statement of block[1].split(';')) {
    const words = statement.trim().split(/\s+/);
    if (words[0] !== 'server') continue;
    const address = words[1];
    const color = colorOf.get(address);
    if (!color) {
      throw new ConfigurationError(`${spec.upstreamFile}: server ${address} belongs to no colour in ${config.source}`);
    }
    const down = words.includes('down');
    const weightWord = words.find((w) => w.startsWith('weight='));
    servers.push({ color, server: address, weight: down ? 0 : weightWord ? Number(weightWord.slice(7)) : 1, down });
  }
  return servers;
}

function atomicWrite(file: string, text: string): void {
  const temp = `${file}.tmp-${process.pid}`;
  const fd = openSync(temp, 'w', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** A file's text, or undefined when it does not exist (what putting files back needs to know). */
function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Puts files back as they were (removing those that did not exist). */
function putBack(snapshot: Map<string, string | undefined>): void {
  for (const [file, text] of snapshot) {
    if (text === undefined) rmSync(file, { force: true });
    else atomicWrite(file, text);
  }
}

/** nginx's answer to an include it cannot load, with what to do when it is the njs module that is missing. */
function withNjsHint(message: string): string {
  return /unknown directive "js_(import|set)"/.test(message) ? `${message}; ${NJS_PACKAGE_HINT}` : message;
}

export function createNginxRouter(config: RouterConfig): Router {
  const spec = config.nginx!;
  const colors = config.colors.map((c) => c.name);
  const baseArgs = [
    '-c',
    spec.config,
    ...(spec.prefix ? ['-p', spec.prefix.endsWith('/') ? spec.prefix : `${spec.prefix}/`] : [])
  ];
  let lastOldWorkers: number[] = [];

  const nginx = async (args: string[], signal?: AbortSignal) => {
    const result = await runProgram(spec.binary, [...args, ...baseArgs], { timeoutMs: TEST_TIMEOUT_MS, signal });
    if (result.startError?.code === 'ENOENT') {
      throw new ConfigurationError(
        `nginx not found: "${spec.binary}" (nginx.binary); apt-get install nginx, or set its path`
      );
    }
    return result;
  };

  /** nginx -T: the full config with "# configuration file <path>:" before each file it read. */
  const dumpConfig = async (signal?: AbortSignal): Promise<string> => {
    const result = await nginx(['-T'], signal);
    if (result.code !== 0)
      throw new ConfigurationError(failureLine(`nginx -T -c ${spec.config}`, result, TEST_TIMEOUT_MS));
    return result.stdout;
  };

  const pidFile = async (dump: string): Promise<string> => {
    if (spec.pidFile) return spec.pidFile;
    const prefix = spec.prefix ?? dirname(dirname(spec.config));
    const directive = /^\s*pid\s+([^;\s]+)\s*;/m.exec(dump.replace(/#[^\n]*/g, ''))?.[1];
    if (directive) return isAbsolute(directive) ? directive : resolve(prefix, directive);
    const version = await nginx(['-V']);
    const compiled = /--pid-path=(\S+)/.exec(version.stderr + version.stdout)?.[1];
    if (compiled) return isAbsolute(compiled) ? compiled : resolve(prefix, compiled);
    return resolve(prefix, 'logs/nginx.pid');
  };

  let masterPidFile: string | undefined;
  const masterPid = (): number => {
    const file = masterPidFile!;
    let text: string;
    try {
      text = readFileSync(file, 'utf8').trim();
    } catch {
      throw new ConfigurationError(
        `nginx is not running: no pid file at ${file} (set nginx.pid-file if it lives elsewhere)`
      );
    }
    const pid = Number(text);
    if (!Number.isInteger(pid) || pid <= 0)
      throw new ConfigurationError(`nginx pid file ${file} holds no pid: ${JSON.stringify(text.slice(0, 40))}`);
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EPERM') {
        throw new ConfigurationError(
          `permission denied signalling nginx (pid ${pid}): run as the user nginx's master runs as, or root`
        );
      }
      throw new ConfigurationError(`nginx is not running: pid file ${file} names ${pid}, which no longer exists`);
    }
    return pid;
  };

  const workers = (pid: number) => childrenOf(pid).filter((c) => c.commandLine.startsWith('nginx: worker process'));
  const serving = (pid: number) =>
    workers(pid)
      .filter((c) => !c.commandLine.includes('shutting down'))
      .map((c) => c.pid);

  const readFile = (): string => {
    try {
      return readFileSync(spec.upstreamFile, 'utf8');
    } catch {
      throw new ConfigurationError(`cannot read the upstream file ${spec.upstreamFile}`);
    }
  };

  const test = async (signal?: AbortSignal): Promise<string | undefined> => {
    const result = await nginx(['-t', '-q'], signal);
    return result.code === 0 ? undefined : failureLine('nginx -t', result, TEST_TIMEOUT_MS);
  };

  const traffic: TrafficMeter | undefined = spec.accessLog
    ? {
        source: `nginx access log ${spec.accessLog}`,
        async start() {
          const logFile = spec.accessLog!;
          let offset = 0;
          try {
            offset = readFileSync(logFile).length;
          } catch {
            offset = 0;
          }
          return {
            async stop() {
              const addressColor = new Map<string, Color>();
              for (const c of config.colors) for (const s of c.servers) addressColor.set(s, c.name);
              const result: Record<Color, ColorTraffic> = Object.fromEntries(
                colors.map((c) => [c, { requests: 0, errors: 0, latenciesMs: [] as number[] }])
              );
              let text: string;
              try {
                const all = readFileSync(logFile);
                text = all.subarray(Math.min(offset, all.length)).toString('utf8');
              } catch {
                throw new ConfigurationError(
                  `cannot read nginx.access-log ${logFile}: is "access_log ${logFile} ${logFormatName(spec.upstream)};" in the proxying location?`
                );
              }
              for (const line of text.split('\n')) {
                if (!line.startsWith('{')) continue;
                let entry: { upstream?: string; status?: string; rt?: string };
                try {
                  entry = JSON.parse(line) as typeof entry;
                } catch {
                  continue;
                }
                // After retries nginx lists every upstream tried ("a, b"); the last one answered.
                const upstream =
                  (entry.upstream ?? '')
                    .split(/[,:]\s/)
                    .pop()
                    ?.trim() ?? '';
                const color = addressColor.get(upstream);
                if (!color) continue;
                const status = Number((entry.status ?? '').split(/[,:]\s/).pop());
                const seconds = Number((entry.rt ?? '').split(/[,:]\s/).pop());
                const t = result[color];
                t.requests++;
                if (!(status > 0) || status >= 500) t.errors++;
                if (Number.isFinite(seconds)) t.latenciesMs.push(seconds * 1000);
              }
              return result;
            }
          };
        }
      }
    : undefined;

  const readReloadShape = (text: string): RouterReading => {
    const servers = parseUpstreamFile(text, config);
    const readings: ServerReading[] = servers.map((s) => ({
      color: s.color,
      name: s.server,
      address: s.server,
      weight: s.weight,
      // `down` is how this router writes 0 %: administratively off, not a failed health check.
      state: s.down ? 'maint' : 'up'
    }));
    return {
      weights: sharesFromServerWeights(servers, colors),
      servers: readings,
      detail: `upstream ${spec.upstream} in ${spec.upstreamFile}`
    };
  };

  /** njs mode: the weights file, exactly what the script reads on every request. */
  const readWeightsFile = (): Weights => {
    let text: string;
    try {
      text = readFileSync(spec.weightsFile, 'utf8');
    } catch (error) {
      throw new ConfigurationError(
        `cannot read the weights file ${spec.weightsFile} (nginx.weights-file): ${(error as NodeJS.ErrnoException).code ?? String(error)}`
      );
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new ConfigurationError(
        `the weights file ${spec.weightsFile} is not JSON: ${JSON.stringify(text.slice(0, 60))}`
      );
    }
    return validateWeights(raw, colors, `weights file ${spec.weightsFile}`);
  };

  const read = async (): Promise<RouterReading> => {
    const text = readFile();
    // Until njs mode is adopted (the first apply), nginx runs the reload-mode upstream: read what is in force.
    if (spec.switch !== 'njs' || !isNjsInclude(text)) return readReloadShape(text);
    const weights = readWeightsFile();
    return {
      weights,
      servers: config.colors.flatMap((c) =>
        c.servers.map((server) => ({
          color: c.name,
          name: server,
          address: server,
          weight: weights[c.name] ?? 0,
          state: (weights[c.name] ?? 0) > 0 ? ('up' as const) : ('maint' as const)
        }))
      ),
      detail: `weights file ${spec.weightsFile}, read per request by ${spec.scriptFile} (njs)`
    };
  };

  /** njs mode: whether the include and the script on disk are what this config renders (else it is adopted). */
  const njsCurrent = (): boolean =>
    readIfExists(spec.upstreamFile) === renderNjsUpstreamFile(config) &&
    readIfExists(spec.scriptFile) === renderNjsScript(config);

  /**
   * njs mode: whether the running nginx has loaded the include and the script on disk: both written before its
   * serving workers started (a reload starts new workers after reading the config). Files written since (created
   * on a first run, left by a run killed before it put them back, edited by hand) need the adoption's reload.
   */
  const njsLoaded = (): boolean => {
    const starts = serving(masterPid())
      .map(processStartMs)
      .filter((t): t is number => t !== undefined);
    if (starts.length === 0) return true; // /proc cannot tell: the verify probe still checks the result
    const since = Math.min(...starts);
    return [spec.upstreamFile, spec.scriptFile].every((file) => statSync(file).mtimeMs <= since);
  };

  /**
   * njs mode: writes the script, the include and (when given) the weights; returns what puts all three back. A
   * running njs config reads the weights file at once, so an adoption writes the weights only after nginx -t.
   */
  const writeNjsFiles = (weights?: Weights): Map<string, string | undefined> => {
    const snapshot = new Map<string, string | undefined>();
    for (const file of [spec.scriptFile, spec.weightsFile, spec.upstreamFile]) snapshot.set(file, readIfExists(file));
    atomicWrite(spec.scriptFile, renderNjsScript(config));
    if (weights) atomicWrite(spec.weightsFile, renderWeightsFile(weights));
    atomicWrite(spec.upstreamFile, renderNjsUpstreamFile(config));
    return snapshot;
  };

  /**
   * SIGHUP to the master, then waits until new workers serve and the old ones have exited (bounded by
   * reload-timeout: a warning, not a failure). `undo` puts the files back when nginx cannot be signalled or does
   * not start new workers.
   */
  const reload = async (context: RouterContext, undo: () => void): Promise<{ pid: number; warnings: string[] }> => {
    masterPidFile ??= await pidFile(await dumpConfig(context.signal));
    const pid = masterPid();
    const old = workers(pid).map((w) => w.pid);
    const oldServing = new Set(serving(pid));
    try {
      process.kill(pid, 'SIGHUP');
    } catch (error) {
      undo();
      throw new ConfigurationError(`cannot signal nginx (pid ${pid}): ${(error as NodeJS.ErrnoException).code}`);
    }
    const applied = await pollUntil(
      () => {
        const now = serving(pid);
        return now.some((w) => !oldServing.has(w)) && now.every((w) => !oldServing.has(w));
      },
      NEW_WORKERS_TIMEOUT_MS,
      WORKER_POLL_MS,
      context.signal
    );
    if (!applied) {
      undo();
      throw new ConfigurationError(
        `nginx (pid ${pid}) did not start workers with the new config within ${formatDuration(NEW_WORKERS_TIMEOUT_MS)} (see its error log); the ${spec.switch === 'njs' ? 'include, script and weights file were' : 'upstream file was'} put back`
      );
    }
    lastOldWorkers = old;
    const exited = await pollUntil(
      () => old.every((w) => !processAlive(w)),
      spec.reloadTimeoutMs,
      WORKER_POLL_MS,
      context.signal
    );
    const warnings = exited
      ? []
      : [
          `${old.filter(processAlive).length} old nginx worker(s) still running ${formatDuration(spec.reloadTimeoutMs)} after the reload (long-lived connections; set worker_shutdown_timeout)`
        ];
    return { pid, warnings };
  };

  const waitOldWorkers = async (context: RouterContext): Promise<DrainOutcome> => {
    // Only old workers can still be sending to a colour now at 0 %; they exit once their requests are done.
    const exited = await pollUntil(
      () => lastOldWorkers.every((w) => !processAlive(w)),
      spec.reloadTimeoutMs,
      WORKER_POLL_MS,
      context.signal
    );
    const left = lastOldWorkers.filter(processAlive);
    return exited
      ? { drained: true, message: 'old nginx workers have exited' }
      : {
          drained: false,
          message: `${left.length} old nginx worker(s) (pid ${left.join(', ')}) still running after ${formatDuration(spec.reloadTimeoutMs)}; set worker_shutdown_timeout`
        };
  };

  /**
   * njs mode: no reload, so no old workers; a request that picked a colour before its weight went to 0 is still
   * on a TCP connection from a worker to one of that colour's servers. Drained = the workers hold no such
   * connection (an idle upstream keep-alive connection counts too: it cannot be told apart from a busy one).
   */
  const drainConnections = async (drained: Color[], context: RouterContext): Promise<DrainOutcome> => {
    const remotes = new Set<string>();
    const unwatched: string[] = [];
    for (const color of config.colors.filter((c) => drained.includes(c.name))) {
      for (const server of color.servers) {
        const m = /^\[?(.+?)\]?:(\d+)$/.exec(server);
        if (server.startsWith('unix:') || !m) {
          unwatched.push(server);
          continue;
        }
        try {
          for (const { address } of await lookup(m[1], { all: true })) {
            for (const remote of procRemoteAddresses(address, Number(m[2]))) remotes.add(remote);
          }
        } catch {
          unwatched.push(server);
        }
      }
    }
    const note = unwatched.length > 0 ? ` (not watched: ${unwatched.join(', ')})` : '';
    const pid = masterPid();
    let mine = true;
    const open = (): number => {
      const inodes = socketInodes(workers(pid).map((w) => w.pid));
      mine = inodes !== undefined;
      return tcpConnectionsTo(remotes, inodes);
    };
    const names = drained.join(', ');
    const closed = await pollUntil(() => open() === 0, spec.drainTimeoutMs, WORKER_POLL_MS, context.signal);
    if (closed) {
      return {
        drained: true,
        message: `nginx has no connection open to ${names}: nothing in flight${mine ? '' : " (counted every process: the workers' sockets could not be read)"}${note}`
      };
    }
    return {
      drained: false,
      message: `${open()} connection(s) from nginx to ${names} still open after ${formatDuration(spec.drainTimeoutMs)}: requests still running, or idle upstream keep-alive connections (set nginx.keepalive-timeout)${note}`
    };
  };

  const njs = spec.switch === 'njs';
  return {
    type: 'nginx',
    identity: `nginx:${realpathOr(spec.upstreamFile)}#${spec.upstream}`,
    describe: () =>
      njs
        ? `nginx upstreams ${spec.upstream}__<colour> picked by njs (${spec.upstreamFile}, weights in ${spec.weightsFile})`
        : `nginx upstream ${spec.upstream} (${spec.upstreamFile})`,
    async preflight(context: RouterContext) {
      if (!existsSync(spec.config))
        throw new ConfigurationError(`nginx config ${spec.config} does not exist (nginx.config in ${config.source})`);
      const first = config.initial ?? colors[0];
      if (!existsSync(spec.upstreamFile)) {
        // First run: the files are ours to create, with everything on the initial colour.
        if (njs) writeNjsFiles(allOn(first, colors));
        else atomicWrite(spec.upstreamFile, renderUpstreamFile(config, allOn(first, colors)));
        context.log(`created ${spec.upstreamFile} with all traffic on ${first}`);
      }
      let dump: string;
      if (njs && !njsCurrent()) {
        // Not adopted yet (or the config changed what the include says): nginx -T with the include this run would
        // write, with the weights in force now, then everything put back; the first apply writes it for real.
        const snapshot = writeNjsFiles((await read()).weights);
        try {
          dump = await dumpConfig(context.signal);
        } catch (error) {
          throw new ConfigurationError(
            `${withNjsHint((error as Error).message)} (with the njs include this run would write; nothing was changed; proxy with "proxy_pass http://$${njsVariable(spec.upstream)};")`
          );
        } finally {
          putBack(snapshot);
        }
      } else {
        dump = await dumpConfig(context.signal);
      }
      const wanted = realpathOr(spec.upstreamFile);
      const files = [...dump.matchAll(/^# configuration file (.+):$/gm)].map((m) => realpathOr(m[1]));
      if (!files.includes(wanted)) {
        throw new ConfigurationError(
          `${spec.config} does not include ${spec.upstreamFile}: add "include ${spec.upstreamFile};" inside its http { } block`
        );
      }
      if (njs) {
        const version = await nginx(['-V'], context.signal);
        if (!loadsNjsModule(dump, version.stderr + version.stdout)) throw new ConfigurationError(NJS_PACKAGE_HINT);
        if (!usesVariable(dump, renderNjsUpstreamFile(config), spec.upstream)) {
          throw new ConfigurationError(
            `nothing in ${spec.config} proxies to the colour njs picks: write "proxy_pass http://$${njsVariable(spec.upstream)};" in the location (nginx.switch: njs)`
          );
        }
      }
      masterPidFile = await pidFile(dump);
      masterPid();
    },
    read,
    async apply(weights: Weights, context: RouterContext): Promise<ApplyOutcome> {
      if (njs && njsCurrent() && njsLoaded()) {
        // The switch itself: one atomic rename; the next request reads it. No reload, no connection closed.
        atomicWrite(spec.weightsFile, renderWeightsFile(weights));
        return { message: `wrote ${formatWeights(weights)} to ${spec.weightsFile} (njs, no reload)`, warnings: [] };
      }
      let snapshot: Map<string, string | undefined>;
      if (njs) {
        snapshot = writeNjsFiles();
      } else {
        snapshot = new Map([[spec.upstreamFile, readFile()]]);
        atomicWrite(spec.upstreamFile, renderUpstreamFile(config, weights));
      }
      const rejected = await test(context.signal);
      if (rejected) {
        putBack(snapshot);
        throw new ConfigurationError(
          njs
            ? `${withNjsHint(rejected)} (the include, script and weights file were put back; nginx was not reloaded)`
            : `${rejected} (the upstream file was put back; nginx was not reloaded)`
        );
      }
      if (njs) atomicWrite(spec.weightsFile, renderWeightsFile(weights));
      const { pid, warnings } = await reload(context, () => putBack(snapshot));
      return {
        message: njs
          ? `adopted njs mode: wrote ${formatWeights(weights)} to ${spec.weightsFile} and the include ${spec.upstreamFile}, nginx -t ok, reloaded pid ${pid} (later switches rewrite only the weights file)`
          : `wrote ${formatWeights(weights)} to ${spec.upstreamFile}, nginx -t ok, reloaded pid ${pid}`,
        warnings
      };
    },
    async drain(drained: Color[], context: RouterContext): Promise<DrainOutcome> {
      if (!njs) return waitOldWorkers(context);
      // The adoption's reload (this run) left old workers: they may still serve the reload-mode upstream.
      if (lastOldWorkers.length > 0) {
        const old = await waitOldWorkers(context);
        if (!old.drained) return old;
      }
      return drainConnections(drained, context);
    },
    traffic
  };
}
