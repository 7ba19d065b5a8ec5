// HAProxy through its runtime API: weights and states are changed live (`set server <b>/<s> weight N`,
// `state ready|drain|maint`), read back with `show servers state` and `show stat`; nothing is reloaded. Drain is
// confirmed by polling the servers' current sessions (scur) down to zero. Runtime changes would be lost on a
// later reload unless HAProxy loads them from a server-state file; with `server-state-file` set here, the
// router dumps `show servers state` to it after every change (see docs/routers/haproxy.md).
import { renameSync, writeFileSync } from 'node:fs';
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
  ServerState,
  TrafficMeter,
  Weights
} from '../engine/types.js';
import { formatWeights, serverWeights, sharesFromServerWeights } from '../engine/weights.js';
import {
  HaproxyApi,
  parseRingLines,
  parseServersState,
  parseStatCsv,
  type ServerStateRow
} from './support/haproxy-api.js';

/** HAProxy's largest absolute server weight. */
const MAX_WEIGHT = 256;
const MAINT_BITS = 0x01 | 0x02 | 0x04 | 0x20 | 0x40;
const DRAIN_BITS = 0x08 | 0x10;
const DRAIN_POLL_MS = 100;

function stateOf(row: ServerStateRow): ServerState {
  if (row.adminState & MAINT_BITS) return 'maint';
  if (row.adminState & DRAIN_BITS) return 'drain';
  if (row.opState === 0) return 'down';
  if (row.opState === 2 || row.opState === 1 || row.opState === 3) return 'up';
  return 'unknown';
}

export function createHaproxyRouter(config: RouterConfig): Router {
  const spec = config.haproxy!;
  const api = new HaproxyApi(spec.socket, spec.timeoutMs);
  const colorOf = new Map<string, Color>();
  for (const color of config.colors) for (const server of color.servers) colorOf.set(server, color.name);
  const ours = (row: { name: string }) => colorOf.has(row.name);

  const serversState = async (signal?: AbortSignal): Promise<ServerStateRow[]> => {
    const answer = await api.command(`show servers state ${spec.backend}`, signal);
    if (/can't find backend/i.test(answer)) {
      throw new ConfigurationError(`HAProxy has no backend "${spec.backend}" (haproxy.backend in ${config.source})`);
    }
    return parseServersState(answer).filter((r) => r.backend === spec.backend);
  };

  const stats = async (signal?: AbortSignal): Promise<Map<string, Record<string, string>>> => {
    const rows = parseStatCsv(await api.command(`show stat ${spec.backend} 4 -1`, signal));
    return new Map(rows.filter((r) => r.pxname === spec.backend).map((r) => [r.svname, r]));
  };

  const dumpServerState = async (signal?: AbortSignal): Promise<void> => {
    if (!spec.serverStateFile) return;
    const text = await api.command('show servers state', signal);
    const temp = `${spec.serverStateFile}.tmp-${process.pid}`;
    writeFileSync(temp, text);
    renameSync(temp, spec.serverStateFile);
  };

  const read = async (context: RouterContext): Promise<RouterReading> => {
    const rows = (await serversState(context.signal)).filter(ours);
    const sessions = await stats(context.signal);
    const servers: ServerReading[] = rows.map((row) => ({
      color: colorOf.get(row.name)!,
      name: row.name,
      address: row.port ? `${row.address}:${row.port}` : row.address,
      weight: row.userWeight,
      state: stateOf(row),
      sessions: Number(sessions.get(row.name)?.scur ?? 0)
    }));
    // A server in drain or maintenance gets no new requests, whatever its weight says.
    const effective = servers.map((s) => ({
      color: s.color,
      weight: s.state === 'maint' || s.state === 'drain' ? 0 : s.weight
    }));
    return {
      weights: sharesFromServerWeights(
        effective,
        config.colors.map((c) => c.name)
      ),
      servers,
      detail: `backend ${spec.backend} on ${spec.socket}`
    };
  };

  const setAll = async (targets: Map<string, number>, rows: ServerStateRow[], signal?: AbortSignal): Promise<void> => {
    const byName = new Map(rows.map((r) => [r.name, r]));
    // Raise first, lower second: at no moment do all servers have weight 0.
    const order = [...targets.entries()].sort((a, b) => b[1] - a[1]);
    for (const [server, weight] of order) {
      const row = byName.get(server)!;
      if (weight > 0 && stateOf(row) !== 'up' && stateOf(row) !== 'down') {
        await api.expectSilent(`set server ${spec.backend}/${server} state ready`, signal);
      }
      await api.expectSilent(`set server ${spec.backend}/${server} weight ${weight}`, signal);
    }
  };

  const traffic: TrafficMeter = {
    source: spec.logRing ? `HAProxy show stat and ring ${spec.logRing}` : 'HAProxy show stat',
    async start(context) {
      const before = await stats(context.signal);
      const startedAt = Date.now();
      return {
        async stop(stopContext) {
          const after = await stats(stopContext.signal);
          const result: Record<Color, ColorTraffic> = Object.fromEntries(
            config.colors.map((c) => [c.name, { requests: 0, errors: 0, latenciesMs: [] as number[] }])
          );
          const counter = (row: Record<string, string> | undefined, key: string) => Number(row?.[key] || 0);
          for (const [server, color] of colorOf) {
            const a = after.get(server);
            const b = before.get(server);
            const t = result[color];
            // req_tot counts HTTP requests; older versions leave it empty for servers, so fall back to sessions.
            const requestsKey = a?.req_tot ? 'req_tot' : 'stot';
            t.requests += Math.max(0, counter(a, requestsKey) - counter(b, requestsKey));
            t.errors += Math.max(0, counter(a, 'hrsp_5xx') - counter(b, 'hrsp_5xx'));
            t.errors += Math.max(0, counter(a, 'econ') - counter(b, 'econ'));
          }
          if (spec.logRing) {
            const answer = await api.command(`show events ${spec.logRing}`, stopContext.signal);
            if (/unknown|no such/i.test(answer.split('\n')[0] ?? '') && !answer.includes('ubos-bgs')) {
              throw new ConfigurationError(
                `HAProxy has no ring "${spec.logRing}" (haproxy.log-ring): ${answer.trim()}`
              );
            }
            // The accept time has ms resolution; a request accepted in the same ms as the start still counts.
            for (const line of parseRingLines(answer)) {
              if (line.backend !== spec.backend || line.at < startedAt - 1 || line.totalMs < 0) continue;
              const color = colorOf.get(line.server);
              if (color) result[color].latenciesMs.push(line.totalMs);
            }
          }
          return result;
        }
      };
    }
  };

  return {
    type: 'haproxy',
    identity: `haproxy:${spec.socket}#${spec.backend}`,
    describe: () => `HAProxy backend ${spec.backend} (${spec.socket})`,
    async preflight(context) {
      const level = (await api.command('show cli level', context.signal)).trim();
      if (level !== '' && level !== 'admin' && !/unknown command/i.test(level)) {
        throw new ConfigurationError(
          `HAProxy admin socket ${spec.socket} is "level ${level}"; switching needs "stats socket ${spec.socket} level admin"`
        );
      }
      const rows = await serversState(context.signal);
      const names = rows.map((r) => r.name);
      for (const server of colorOf.keys()) {
        if (!names.includes(server)) {
          throw new ConfigurationError(
            `server ${server} (colour ${colorOf.get(server)}) is not in HAProxy backend ${spec.backend} (it has ${names.join(', ') || 'no servers'})`
          );
        }
      }
    },
    read,
    async apply(weights: Weights, context): Promise<ApplyOutcome> {
      const rows = (await serversState(context.signal)).filter(ours);
      const previous = new Map(rows.map((r) => [r.name, r.userWeight]));
      const targets = serverWeights(weights, config.colors, MAX_WEIGHT);
      try {
        await setAll(targets, rows, context.signal);
      } catch (error) {
        // Put back what was there, so a refused command never leaves a half-applied split.
        await setAll(previous, rows).catch(() => undefined);
        throw error;
      }
      const warnings: string[] = [];
      try {
        await dumpServerState(context.signal);
      } catch (error) {
        warnings.push(`could not write haproxy.server-state-file ${spec.serverStateFile}: ${(error as Error).message}`);
      }
      const detail = [...targets].map(([s, w]) => `${s}=${w}`).join(' ');
      return { message: `set ${formatWeights(weights)} on backend ${spec.backend} (${detail})`, warnings };
    },
    async drain(colors, context): Promise<DrainOutcome> {
      const servers = [...colorOf].filter(([, c]) => colors.includes(c)).map(([s]) => s);
      if (servers.length === 0) return { drained: true, message: 'nothing to drain' };
      let busy: string[] = [];
      const drained = await pollUntil(
        async () => {
          const current = await stats(context.signal);
          busy = servers
            .filter((s) => Number(current.get(s)?.scur ?? 0) > 0)
            .map((s) => `${s} (${current.get(s)!.scur})`);
          return busy.length === 0;
        },
        spec.drainTimeoutMs,
        DRAIN_POLL_MS,
        context.signal
      );
      if (!drained) {
        return {
          drained: false,
          message: `${busy.join(', ')} still had sessions after ${formatDuration(spec.drainTimeoutMs)} (haproxy.drain-timeout)`
        };
      }
      if (spec.maintAfterDrain) {
        for (const s of servers) await api.expectSilent(`set server ${spec.backend}/${s} state maint`, context.signal);
        await dumpServerState(context.signal);
      }
      return {
        drained: true,
        message: `${servers.join(', ')} at 0 sessions${spec.maintAfterDrain ? ', now in maintenance' : ''}`
      };
    },
    traffic
  };
}
